"""Helpers for the extraction tests: Documents with hand-placed mentions, and the
entity stages run on their own (imported by tests/unit)."""
from __future__ import annotations

from cgtatlas.extract.pipeline import STAGES
from cgtatlas.model import Document, Mention, Span


def full_stop_sentences(text: str) -> list[Span]:
    """Sentences ending at each "。" (the rest of the text is one more)."""
    sentences, start = [], 0
    for i, ch in enumerate(text):
        if ch == "。":
            sentences.append(Span(start, i + 1))
            start = i + 1
    if start < len(text):
        sentences.append(Span(start, len(text)))
    return sentences


def placed_doc(text: str, mentions=(), date: str | None = None) -> Document:
    """A Document whose mentions, (type, surface[, name]) in text order, are placed
    at the next occurrence of each surface."""
    doc = Document(id="t", text=text, sentences=full_stop_sentences(text), date=date)
    cursor = 0
    for etype, surface, *name in mentions:
        pos = text.index(surface, cursor)
        doc.mentions.append(Mention(etype, surface, pos, pos + len(surface), name[0] if name else ""))
        cursor = pos + len(surface)
    return doc


def relation_triples(doc: Document) -> set[tuple[str, str, str]]:
    """(type, head, tail) of each relation."""
    return {(r.type, r.head, r.tail) for r in doc.relations}


def through_entities(text: str) -> Document:
    """A Document over `text` after every stage before relations."""
    doc = Document(id="t", text=text)
    for name, stage in STAGES:
        if name == "relations":
            break
        doc = stage(doc)
    return doc
