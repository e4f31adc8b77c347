"""Resolve overlapping mentions from all name stages.

The longest mention wins a stretch of text: a region, technology or park
named inside a longer organisation, event or policy name is not a mention of
its own (GUIDE.md). Among mentions of the same span the more specific type
wins. Mentions a stage marks as nested (source ending in ":nested") are kept
inside a longer one on purpose. Generic terms the guide excludes are dropped.
"""
from __future__ import annotations

from operator import attrgetter

from cgtatlas.extract import org_lexicon as lex
from cgtatlas.model import Document, Mention

# Earlier = preferred when two mentions cover the same span.
TYPE_PRIORITY = (
    "Event", "Policy", "Product", "Company", "Hospital", "Academic", "Agency", "Platform",
    "Association", "Park", "Person", "Target", "Disease", "Technology", "Region",
)


def resolve_overlaps(doc: Document) -> Document:
    size = len(doc.text)
    excluded, generic = lex.word_set("excluded_terms"), lex.word_set("org_generic")
    mentions = [m for m in doc.mentions
                if 0 <= m.start < m.end <= size and m.surface.strip()  # (a valid span)
                and m.surface not in excluded and not (m.type in _ORG_TYPES and m.surface in generic)]
    mentions.sort(key=_SPAN)
    doc.mentions = _resolve_groups(size, mentions)
    return doc


_ORG_TYPES = frozenset(lex.ORG_TYPES)
_PRIORITY = {etype: i for i, etype in enumerate(TYPE_PRIORITY)}
_SPAN = attrgetter("start", "end")


def _resolve_groups(size: int, mentions: list[Mention]) -> list[Mention]:
    """Mentions sorted by span, resolved within each run of overlapping ones: a
    mention overlapping nothing stays (about half of them), and the greedy of
    `_longest_first` cannot reach across runs, which share no character."""
    taken = bytearray(size)
    kept: list[Mention] = []
    group: list[Mention] = []
    group_end = 0
    for m in mentions:
        if m.start >= group_end:
            kept += _resolve(taken, group)
            group = []
        group.append(m)
        if m.end > group_end:
            group_end = m.end
    return kept + _resolve(taken, group)


def _resolve(taken: bytearray, group: list[Mention]) -> list[Mention]:
    return sorted(_longest_first(taken, group), key=_SPAN) if len(group) > 1 else group


def _rank(m: Mention) -> tuple:
    return (m.start - m.end, _PRIORITY.get(m.type, len(TYPE_PRIORITY)), m.start)


def _longest_first(taken: bytearray, mentions: list[Mention]) -> list[Mention]:
    """Greedy: take mentions longest first; a mention touching a taken
    character is dropped unless it is marked nested."""
    seen: set[tuple[int, int]] = set()
    kept: list[Mention] = []
    for m in sorted(mentions, key=_rank):
        span = (m.start, m.end)
        if span in seen:
            continue
        nested = m.source.endswith(":nested")
        if nested or taken.find(1, m.start, m.end) < 0:
            kept.append(m)
            seen.add(span)
            if not nested:
                taken[m.start:m.end] = b"\x01" * (m.end - m.start)
    return kept
