"""Write a Document's extraction in the gold JSON format of shared/gold/GUIDE.md."""
from __future__ import annotations

from typing import Any

from cgtatlas.model import Document


def entities_of(doc: Document) -> list[dict[str, Any]]:
    """One entry per (type, in-document name), aliases = the other surfaces seen."""
    grouped: dict[tuple[str, str], set[str]] = {}
    for m in doc.mentions:
        names = grouped.setdefault((m.type, m.name), set())
        if not m.source.endswith(":distributed"):  # that surface is only the place part
            names.add(m.surface)
    for (etype, name), surfaces in grouped.items():
        extra = doc.meta.get("aliases", {}).get(name, ())
        surfaces.update(extra)
    return [
        {"type": etype, "name": name, "aliases": sorted(s for s in surfaces if s != name)}
        for (etype, name), surfaces in grouped.items()
    ]


def to_gold(doc: Document) -> dict[str, Any]:
    return {
        "doc": doc.file_name,
        "entities": entities_of(doc),
        "relations": [
            {"type": r.type, "head": r.head, "tail": r.tail, **r.attributes} for r in doc.relations
        ],
        "facts": [
            {"subject": f.subject, "indicator": f.indicator, "value": f.value, "unit": f.unit,
             "comparator": f.comparator, "year": f.year, "kind": f.kind}
            for f in doc.facts
        ],
    }


def to_jsonl_rows(doc: Document) -> list[dict[str, Any]]:
    """One row per mention, relation and fact, each with its span and quote."""
    rows: list[dict[str, Any]] = []
    for m in doc.mentions:
        ev = doc.evidence(m.start, m.end)
        rows.append({"kind": "mention", "doc": doc.file_name, "type": m.type, "name": m.name,
                     "surface": m.surface, "start": m.start, "end": m.end, "quote": ev.quote})
    for r in doc.relations:
        rows.append({"kind": "relation", "doc": doc.file_name, "type": r.type, "head": r.head,
                     "tail": r.tail, **r.attributes, "start": r.evidence.start,
                     "end": r.evidence.end, "quote": r.evidence.quote})
    for f in doc.facts:
        rows.append({"kind": "fact", "doc": doc.file_name, "subject": f.subject,
                     "indicator": f.indicator, "value": f.value, "unit": f.unit,
                     "comparator": f.comparator, "year": f.year, "fact_kind": f.kind,
                     "start": f.evidence.start, "end": f.evidence.end, "quote": f.evidence.quote})
    return rows
