"""Finding literal strings in a text, one str.find per needle.

A regex alternation or character class is tried at every position of the text;
str.find jumps from one occurrence to the next, so for a handful of needles it
is several times faster (a class of non-ASCII characters costs `re` 6-16 ns per
character, a literal search about 1)."""
from __future__ import annotations

from collections.abc import Iterable


def occurrences(text: str, needles: Iterable[str]) -> list[tuple[int, str]]:
    """(offset, needle) for every occurrence of every needle, overlapping ones
    included, in order of offset."""
    found = []
    for needle in needles:
        at = text.find(needle)
        while at >= 0:
            found.append((at, needle))
            at = text.find(needle, at + 1)
    found.sort()
    return found


def spans_of(text: str, needle: str) -> list[tuple[int, int]]:
    """(start, end) of each occurrence of a non-empty `needle`, not overlapping
    (as re.finditer(re.escape(needle)), without a pattern compiled per needle,
    which would also push patterns out of the `re` module's cache)."""
    out = []
    at = text.find(needle)
    while at >= 0 and needle:
        out.append((at, at + len(needle)))
        at = text.find(needle, at + len(needle))
    return out


def leftmost_longest(found: Iterable[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Of all (start, end, word) occurrences, overlapping ones included, those
    a leftmost-longest scan reports: the longest word at the leftmost start,
    then the same again from its end on. (One overlapping automaton scan can
    so serve several word lists: a scan costs the same for any number of words.)"""
    out: list[tuple[int, int, str]] = []
    free = 0
    for start, end, word in sorted(found, key=lambda f: (f[0], -f[1])):
        if start >= free:
            out.append((start, end, word))
            free = end
    return out
