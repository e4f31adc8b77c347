"""Facts across documents that disagree.

Two facts conflict when they come from different documents, are about the same
subject (the resolved entity, else the normalised subject text), the same
indicator (normalised), unit and kind (a goal never conflicts with a reported
figure), and either
- are for the same year (or one says no year) and differ in value by more than 1%, or
- state the same value (within 1%) for two different years.
"""
from __future__ import annotations

from collections import defaultdict
from itertools import combinations
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from cgtatlas.resolve import name_key
from cgtatlas.store.schema import documents, entities, facts

TOLERANCE = 0.01


def same_value(a: float, b: float) -> bool:
    """Equal within 1% of the larger magnitude."""
    return abs(a - b) <= TOLERANCE * max(abs(a), abs(b))


def conflict_reason(a: dict[str, Any], b: dict[str, Any]) -> str | None:
    """"value", "year" or None for two facts already known to share subject,
    indicator, unit and kind."""
    if a["doc_id"] == b["doc_id"]:
        return None
    years_differ = a["year"] is not None and b["year"] is not None and a["year"] != b["year"]
    if not years_differ and not same_value(a["value"], b["value"]):
        return "value"
    if years_differ and same_value(a["value"], b["value"]):
        return "year"
    return None


def find_conflicts(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The work, over plain fact dicts (doc_id, subject_id, subject, indicator,
    value, unit, year, kind, ...): one conflict per disagreeing pair."""
    groups: dict[tuple, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        subject = row["subject_id"] if row["subject_id"] is not None else "text:" + name_key(row["subject"])
        groups[(subject, name_key(row["indicator"]), name_key(row["unit"] or ""), row["kind"])].append(row)
    out = []
    for group in groups.values():
        for a, b in combinations(sorted(group, key=lambda r: r["id"]), 2):
            reason = conflict_reason(a, b)
            if reason:
                out.append({"subject_id": a["subject_id"], "subject": a["subject_name"] or a["subject"],
                            "indicator": a["indicator"], "unit": a["unit"], "kind": a["kind"],
                            "reason": reason, "facts": [a, b]})
    return out


def list_conflicts(conn: Connection) -> list[dict[str, Any]]:
    """Every conflict, each listing both facts with their documents (JSON-ready)."""
    query = (select(facts.c.id, facts.c.subject_id, facts.c.subject, facts.c.indicator, facts.c.value,
                    facts.c.unit, facts.c.comparator, facts.c.year, facts.c.kind, facts.c.doc_id,
                    facts.c.start, facts.c.end, facts.c.quote, entities.c.name.label("subject_name"),
                    documents.c.file_name, documents.c.title)
             .select_from(facts.join(documents, documents.c.id == facts.c.doc_id)
                          .outerjoin(entities, entities.c.id == facts.c.subject_id))
             .order_by(facts.c.id))
    rows = [dict(row._mapping) for row in conn.execute(query)]
    return find_conflicts(rows)
