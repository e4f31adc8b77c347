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
from operator import attrgetter
from typing import NamedTuple

from cgtatlas.lexicon import load_words
from cgtatlas.model import Document

CACHE_KEY = "_tokens"
_KNOWN: dict[str, bool] = {}  # word -> in the tagger's dictionary (fixed once user words are added)
_START = attrgetter("start")
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


def tag_text(text: str) -> list[Token]:
    """Segment `text` and return tokens with their offsets."""
    rj = _tagger()
    pairs = rj.tag(text)
    words = [w for w, _ in pairs]
    ends = list(accumulate(map(len, words)))
    starts = [0, *ends[:-1]]
    known = _KNOWN if len(_KNOWN) < 500_000 else _KNOWN.clear() or _KNOWN
    flags = [known[w] if w in known else known.setdefault(w, rj.has_word(w)) for w in words]
    new = tuple.__new__  # (the fast way to build many NamedTuples)
    return [new(Token, t) for t in zip(words, [g for _, g in pairs], starts, ends, flags)]


def tokens(doc: Document) -> list[Token]:
    """The document's tokens, segmented once and cached on doc.meta."""
    cached = doc.meta.get(CACHE_KEY)
    if cached is None or cached[0] != len(doc.text):
        cached = (len(doc.text), tag_text(doc.text))
        doc.meta[CACHE_KEY] = cached
    return cached[1]


def token_index_at(toks: list[Token], offset: int) -> int:
    """Index of the token containing character `offset` (binary search)."""
    return max(0, bisect_right(toks, offset, key=_START) - 1)
