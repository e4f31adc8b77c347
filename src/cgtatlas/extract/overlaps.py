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
    mentions = [m for m in doc.mentions if _is_valid(doc, m) and not _is_excluded(m)]
    kept = _longest_first(len(doc.text), mentions)
    doc.mentions = sorted(kept, key=lambda m: (m.start, m.end))
    return doc


def _is_valid(doc: Document, m: Mention) -> bool:
    return 0 <= m.start < m.end <= len(doc.text) and bool(m.surface.strip())


def _is_excluded(m: Mention) -> bool:
    return m.surface in lex.word_set("excluded_terms") or (
        m.type in lex.ORG_TYPES and m.surface in lex.word_set("org_generic"))


_PRIORITY = {etype: i for i, etype in enumerate(TYPE_PRIORITY)}


def _rank(m: Mention) -> tuple:
    return (-(m.end - m.start), _PRIORITY.get(m.type, len(TYPE_PRIORITY)), m.start)


def _longest_first(size: int, mentions: list[Mention]) -> list[Mention]:
    """Greedy: take mentions longest first; a mention touching a taken
    character is dropped unless it is marked nested."""
    taken = bytearray(size)
    seen: set[tuple[int, int]] = set()
    kept: list[Mention] = []
    for m in sorted(mentions, key=_rank):
        if (m.start, m.end) in seen:
            continue
        if m.source.endswith(":nested") or not any(taken[m.start:m.end]):
            kept.append(m)
            seen.add((m.start, m.end))
            if not m.source.endswith(":nested"):
                taken[m.start:m.end] = b"\x01" * (m.end - m.start)
    return kept
