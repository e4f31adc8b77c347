"""Shared, cached segmentation: rjieba.tag with character offsets.

Every stage that needs words calls `tokens(doc)`; the first call segments the
text once and caches the result on `doc.meta`, later calls reuse it. User words
(organisation heads, regulator names) are added to rjieba's dictionary on the
first call, not at import time.
"""
from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate
from operator import itemgetter
from typing import NamedTuple

from cgtatlas.lexicon import load_words
from cgtatlas.model import Document

CACHE_KEY = "_tokens"
# Words the lexicon wants kept whole, with a tag: (file, tag).
USER_WORD_FILES = (("org_user_words", "nt"),)


class Token(NamedTuple):
    word: str
    tag: str
    start: int
    end: int
    known: bool  # in the tagger's dictionary (False: guessed by the HMM)


@lru_cache(maxsize=1)
def _tagger():
    """Load rjieba and add user words once, on first use."""
    import rjieba

    for file_name, tag in USER_WORD_FILES:
        for word in load_words(file_name):
            rjieba.add_word(word, None, tag)
    for line in load_words("org_heads"):  # keep head words whole (生物城, not 生物|城为)
        head = line.split()[0]
        if len(head) >= 2 and not rjieba.has_word(head):
            rjieba.add_word(head, None, "n")
    return rjieba


class _KnownWords(dict):
    """word -> in the tagger's dictionary, asked once per distinct word (the
    dictionary is fixed once the user words are added)."""

    def __missing__(self, word: str) -> bool:
        if len(self) >= 500_000:
            self.clear()
        known = self[word] = _tagger().has_word(word)
        return known


_KNOWN = _KnownWords()


def is_known(word: str) -> bool:
    """Whether the tagger's dictionary has `word` (False: the HMM guessed it)."""
    return _KNOWN[word]


class Tokens:
    """A document's tokens as columns: words, tags, start and end offsets.

    A pass segments ~10k tokens but stages look at ~20% of them, so no
    per-token object is built (building and freeing ~10k tuples cost ~8% of
    the pipeline). Hot code binds the columns to locals and indexes them;
    whether a word is known is asked per word, when needed (is_known).
    Indexing gives a Token, for tests and occasional callers."""

    __slots__ = ("words", "tags", "starts", "ends")

    def __init__(self, words: list[str], tags: list[str], starts: list[int], ends: list[int]):
        self.words, self.tags, self.starts, self.ends = words, tags, starts, ends

    def __len__(self) -> int:
        return len(self.words)

    def __getitem__(self, i: int) -> Token:
        word = self.words[i]
        return Token(word, self.tags[i], self.starts[i], self.ends[i], _KNOWN[word])

    def __iter__(self):
        return map(self.__getitem__, range(len(self.words)))


def tag_text(text: str) -> Tokens:
    """Segment `text` and return its tokens' columns.

    Built column by column with C-level loops (map/accumulate): a document
    has thousands of tokens, and a Python loop per token cost more than the
    tagger itself."""
    pairs = _tagger().tag(text) if text else []
    words = list(map(itemgetter(0), pairs))
    tags = list(map(itemgetter(1), pairs))
    ends = list(accumulate(map(len, words)))
    starts = [0, *ends[:-1]] if words else []
    return Tokens(words, tags, starts, ends)


def tokens(doc: Document) -> Tokens:
    """The document's tokens, segmented once and cached on doc.meta."""
    cached = doc.meta.get(CACHE_KEY)
    if cached is None or cached[0] != len(doc.text):
        cached = (len(doc.text), tag_text(doc.text))
        doc.meta[CACHE_KEY] = cached
    return cached[1]


def token_index_at(toks: Tokens, offset: int) -> int:
    """Index of the token containing character `offset` (binary search)."""
    i = bisect_right(toks.starts, offset) - 1
    return i if i > 0 else 0
