"""Resolve overlapping mentions from all name stages.

The longest mention wins a stretch of text: a region, technology or park
named inside a longer organisation, event or policy name is not a mention of
its own (GUIDE.md). Among mentions of the same span the more specific type
wins. Mentions a stage marks as nested (source ending in ":nested") are kept
inside a longer one on purpose. Generic terms the guide excludes are dropped.
"""
from __future__ import annotations

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
    kept = _longest_first(size, mentions)
    doc.mentions = sorted(kept, key=lambda m: (m.start, m.end))
    return doc


_ORG_TYPES = frozenset(lex.ORG_TYPES)
_PRIORITY = {etype: i for i, etype in enumerate(TYPE_PRIORITY)}


def _rank(m: Mention) -> tuple:
    return (m.start - m.end, _PRIORITY.get(m.type, len(TYPE_PRIORITY)), m.start)


def _longest_first(size: int, mentions: list[Mention]) -> list[Mention]:
    """Greedy: take mentions longest first; a mention touching a taken
    character is dropped unless it is marked nested."""
    taken = bytearray(size)
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
