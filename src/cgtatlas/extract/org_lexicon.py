"""Organisation vocabulary from the lexicon data files, loaded once on first use."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from cgtatlas.extract.literals import leftmost_longest
from cgtatlas.lexicon import load_words


@dataclass(frozen=True)
class Head:
    word: str
    type: str  # an ORG_TYPES value, or "Venue" (a place, never an entity)
    generic: bool  # also ends common nouns: the name needs a specific word before it


@lru_cache(maxsize=1)
def heads() -> dict[str, Head]:
    out: dict[str, Head] = {}
    for line in load_words("org_heads"):
        parts = line.split()
        out[parts[0]] = Head(parts[0], parts[1], "generic" in parts[2:])
    return out


@lru_cache(maxsize=1)
def parent_org_heads() -> tuple[str, ...]:
    """Head words of organisations that have committees and offices of their own."""
    return tuple(h.word for h in heads().values()
                 if h.type in ("Academic", "Hospital", "Company") and len(h.word) > 1)


@lru_cache(maxsize=1)
def parent_org_pattern() -> re.Pattern:
    """One pattern matching any parent_org_heads() word (a single scan of a name)."""
    return re.compile("|".join(map(re.escape, parent_org_heads())) or "(?!)")


@lru_cache(maxsize=1)
def name_matcher():
    """One automaton over the head words and the listed body forms, and per
    word its Head (or None) and whether it is a body form. A scan of Chinese
    text costs ~90 instructions a character whatever the number of words, so
    one overlapping scan serves both lists (see name_words)."""
    import ahocorasick_rs

    table, bodies = heads(), known_bodies()
    words = sorted(set(table) | set(bodies))
    matcher = ahocorasick_rs.AhoCorasick(words, implementation=ahocorasick_rs.Implementation.DFA)
    return matcher, words, [table.get(w) for w in words], [w in bodies for w in words]


def name_words(text: str) -> tuple[list[tuple[int, int, Head]], list[tuple[int, int, str]]]:
    """From one scan: (start, end, Head) of the longest head word ending at
    each position, in order of end; and (start, end, form) of the body forms
    a leftmost-longest scan finds (the longest of overlapping forms)."""
    matcher, words, head_of, is_body = name_matcher()
    longest: dict[int, tuple[int, Head]] = {}
    forms = []
    for idx, start, end in matcher.find_matches_as_indexes(text, overlapping=True):
        head = head_of[idx]
        if head is not None:
            known = longest.get(end)
            if known is None or start < known[0]:
                longest[end] = (start, head)
        if is_body[idx]:
            forms.append((start, end, words[idx]))
    found = [(longest[end][0], end, longest[end][1]) for end in sorted(longest)]
    return found, leftmost_longest(forms)


@lru_cache(maxsize=None)
def word_set(name: str) -> frozenset[str]:
    return frozenset(load_words(name))


@lru_cache(maxsize=1)
def known_bodies() -> dict[str, tuple[str, str]]:
    """Every listed form of a government body or national institution ->
    (type, full name)."""
    out: dict[str, tuple[str, str]] = {}
    for line in load_words("agencies"):
        etype, full, *others = line.split("|")
        for form in (full, *others):
            out[form] = (etype, full)
    return out


@lru_cache(maxsize=100_000)
def type_of(name: str) -> Head | None:
    """The longest head word that ends `name` (memoised: asked for the same
    words and names many times per document)."""
    table = heads()
    for i in range(max(0, len(name) - 8), len(name)):
        head = table.get(name[i:])
        if head:
            return head
    return None


ORG_TYPES = ("Company", "Hospital", "Academic", "Agency", "Park", "Platform", "Association")
