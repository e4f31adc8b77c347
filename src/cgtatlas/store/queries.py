"""Read queries over the atlas store, shared by the CLI, the web pages and the API.

Every function takes a SQLAlchemy Connection first and keyword-only arguments,
builds SQLAlchemy Core expressions (parameterised), and returns plain,
JSON-ready dicts and lists. The caller owns the connection and any commit.
The list pages (pipeline, policies, events, regions, conflicts, charts) live in
`store/lists.py` and are re-exported here so callers need one import.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.engine import Connection

from cgtatlas.store.lists import (  # noqa: F401  (re-exported: the list pages' queries)
    conflicts, events, milestones_by_year, policies, product_pipeline, region_summary,
    technology_counts,
)
from cgtatlas.store.rows import (
    aliases_of, doc_info, entity_brief, entity_filters, evidence_of, fact_dict, ids_named,
    mention_stats,
)
from cgtatlas.store.schema import aliases, documents, entities, facts, mentions, relations

SORTS = ("name", "mentions", "documents")


# ---------------------------------------------------------------- entities

def list_entities(conn: Connection, *, type: str | None = None, region: str | None = None,
                  technology: str | None = None, sort: str = "name", limit: int = 100,
                  offset: int = 0) -> list[dict[str, Any]]:
    """Entities filtered by type / region / technology, with aliases and mention counts."""
    ms = mention_stats()
    n_m = func.coalesce(ms.c.n_mentions, 0).label("n_mentions")
    n_d = func.coalesce(ms.c.n_documents, 0).label("n_documents")
    q = (select(entities.c.id, entities.c.type, entities.c.name, entities.c.region,
                entities.c.attributes, n_m, n_d)
         .select_from(entities.outerjoin(ms, ms.c.entity_id == entities.c.id))
         .where(*entity_filters(type=type, region=region, technology=technology)))
    order = {"mentions": [n_m.desc()], "documents": [n_d.desc(), n_m.desc()]}.get(sort, [])
    q = q.order_by(*order, entities.c.name, entities.c.id).limit(limit).offset(offset)
    rows = [dict(r._mapping) for r in conn.execute(q)]
    names = aliases_of(conn, [r["id"] for r in rows])
    for r in rows:
        r["aliases"] = names.get(r["id"], [])
        r["attributes"] = r["attributes"] or {}
    return rows


def count_entities(conn: Connection, *, type: str | None = None, region: str | None = None,
                   technology: str | None = None) -> int:
    """How many entities list_entities would page through with these filters."""
    q = select(func.count()).select_from(entities).where(
        *entity_filters(type=type, region=region, technology=technology))
    return conn.execute(q).scalar_one()


def find_entities(conn: Connection, *, name: str, type: str | None = None) -> list[dict[str, Any]]:
    """Entities whose name or an alias is exactly `name`: exact names first, then
    by mentions."""
    ms = mention_stats()
    q = (select(entities.c.id, entities.c.type, entities.c.name, entities.c.region,
                func.coalesce(ms.c.n_mentions, 0).label("n_mentions"))
         .select_from(entities.outerjoin(ms, ms.c.entity_id == entities.c.id))
         .where(entities.c.id.in_(select(ids_named(name, type).subquery().c.id))))
    rows = [dict(r._mapping) for r in conn.execute(q)]
    rows.sort(key=lambda r: (r["name"] != name, -r["n_mentions"], r["id"]))
    return rows


def find_entity(conn: Connection, *, name: str, type: str | None = None) -> dict[str, Any] | None:
    """The best entity for `name` (see find_entities), or None."""
    found = find_entities(conn, name=name, type=type)
    return found[0] if found else None


def entity_relations(conn: Connection, entity_id: int) -> list[dict[str, Any]]:
    """The entity's relations grouped by (type, direction); each row names the
    other end and carries its evidence."""
    q = select(relations).where(or_(relations.c.head_id == entity_id,
                                    relations.c.tail_id == entity_id)).order_by(relations.c.id)
    rows = list(conn.execute(q))
    others = entity_brief(conn, [r.tail_id if r.head_id == entity_id else r.head_id for r in rows])
    docs = doc_info(conn, [r.doc_id for r in rows])
    groups: dict[tuple[str, str], list] = defaultdict(list)
    for r in rows:
        direction = "out" if r.head_id == entity_id else "in"
        other = others.get(r.tail_id if direction == "out" else r.head_id, {})
        groups[(r.type, direction)].append({
            "id": r.id, "type": r.type, "direction": direction,
            "other_id": other.get("id"), "other_name": other.get("name"),
            "other_type": other.get("type"), "label": r.tail_label,
            "attributes": r.attributes or {}, **evidence_of(r, docs)})
    return [{"type": t, "direction": d, "rows": rows} for (t, d), rows in groups.items()]


def entity_mentions(conn: Connection, entity_id: int) -> list[dict[str, Any]]:
    """Every mention of the entity with its quote and document, newest document first."""
    q = select(mentions).where(mentions.c.entity_id == entity_id).order_by(mentions.c.doc_id, mentions.c.start)
    rows = list(conn.execute(q))
    docs = doc_info(conn, [r.doc_id for r in rows])
    out = [{"id": r.id, "surface": r.surface, "type": r.type, **evidence_of(r, docs)} for r in rows]
    out.sort(key=lambda m: (m["doc_date"] or "", m["doc_id"]), reverse=True)
    return out


def entity_facts(conn: Connection, entity_id: int) -> list[dict[str, Any]]:
    q = select(facts).where(facts.c.subject_id == entity_id).order_by(facts.c.indicator, facts.c.year, facts.c.id)
    rows = list(conn.execute(q))
    docs = doc_info(conn, [r.doc_id for r in rows])
    return [fact_dict(r, docs) for r in rows]


def entity_profile(conn: Connection, *, entity_id: int) -> dict[str, Any] | None:
    """Everything known about one entity, each piece with its sources; None if absent."""
    row = conn.execute(select(entities).where(entities.c.id == entity_id)).first()
    if row is None:
        return None
    alias_rows = conn.execute(select(aliases.c.alias, aliases.c.rule, aliases.c.evidence)
                              .where(aliases.c.entity_id == entity_id).order_by(aliases.c.id))
    found_mentions = entity_mentions(conn, entity_id)
    by_doc: dict[str, dict[str, Any]] = {}
    for m in found_mentions:
        d = by_doc.setdefault(m["doc_id"], {"id": m["doc_id"], "title": m["doc_title"],
                                            "file_name": m["file_name"], "date": m["doc_date"],
                                            "n_mentions": 0})
        d["n_mentions"] += 1
    return {
        "id": row.id, "type": row.type, "name": row.name, "key": row.key, "region": row.region,
        "attributes": row.attributes or {},
        "aliases": [dict(a._mapping) for a in alias_rows if a.alias != row.name],
        "relations": entity_relations(conn, entity_id),
        "facts": entity_facts(conn, entity_id),
        "mentions": found_mentions,
        "documents": list(by_doc.values()),
    }


# ---------------------------------------------------------------- graphs

def _edges_touching(conn: Connection, ids: set[int]) -> list:
    if not ids:
        return []
    q = select(relations.c.id, relations.c.type, relations.c.head_id, relations.c.tail_id,
               relations.c.doc_id, relations.c.quote).where(
        relations.c.tail_id.is_not(None),
        or_(relations.c.head_id.in_(sorted(ids)), relations.c.tail_id.in_(sorted(ids))))
    return list(conn.execute(q))


def _graph_payload(conn: Connection, node_ids: set[int], edges: list,
                   extra: dict[int, dict[str, Any]] | None = None) -> dict[str, Any]:
    """Nodes (with a mention weight) and the de-duplicated edges among them."""
    ms = mention_stats()
    q = (select(entities.c.id, entities.c.name, entities.c.type, entities.c.region,
                func.coalesce(ms.c.n_mentions, 0).label("weight"))
         .select_from(entities.outerjoin(ms, ms.c.entity_id == entities.c.id))
         .where(entities.c.id.in_(sorted(node_ids))).order_by(entities.c.id))
    nodes = [{**dict(r._mapping), **(extra or {}).get(r.id, {})} for r in conn.execute(q)] if node_ids else []
    seen: dict[tuple, dict[str, Any]] = {}
    for e in edges:
        if e.head_id in node_ids and e.tail_id in node_ids:
            key = (e.type, e.head_id, e.tail_id)
            if key not in seen:
                seen[key] = {"id": e.id, "source": e.head_id, "target": e.tail_id, "type": e.type,
                             "label": "", "doc_id": e.doc_id, "quote": e.quote, "n_sources": 0}
            seen[key]["n_sources"] += 1
    return {"nodes": nodes, "edges": list(seen.values())}


def neighbours(conn: Connection, *, entity_id: int, depth: int = 1, limit: int = 300) -> dict[str, Any]:
    """The entity's neighbourhood to `depth` hops (relations with an entity at
    both ends), at most `limit` nodes; each node carries its hop `depth`."""
    hops = {entity_id: 0}
    frontier = {entity_id}
    edges: list = []
    for hop in range(1, max(1, depth) + 1):
        found = _edges_touching(conn, frontier)
        edges.extend(found)
        frontier = set()
        for e in found:
            for other in (e.head_id, e.tail_id):
                if other not in hops and len(hops) < limit:
                    hops[other] = hop
                    frontier.add(other)
        if not frontier:
            break
    known = entity_brief(conn, hops)
    node_ids = {i for i in hops if i in known}
    return _graph_payload(conn, node_ids, edges, {i: {"depth": d} for i, d in hops.items()})


def graph(conn: Connection, *, type: str | None = None, region: str | None = None,
          technology: str | None = None, limit: int = 500) -> dict[str, Any]:
    """The atlas as a graph. Without filters: the `limit` most-mentioned
    entities and the relations among them. With filters: the matching entities
    (`seed: true`) plus their direct neighbours, up to `limit` nodes."""
    filtered = bool(type or region or technology)
    seeds = list_entities(conn, type=type, region=region, technology=technology,
                          sort="mentions", limit=limit)
    node_ids = {s["id"] for s in seeds}
    edges = _edges_touching(conn, node_ids)
    if filtered:
        for e in edges:
            for other in (e.head_id, e.tail_id):
                if len(node_ids) < limit:
                    node_ids.add(other)
    extra = {s["id"]: {"seed": True} for s in seeds} if filtered else {}
    return _graph_payload(conn, node_ids, edges, extra)


# ---------------------------------------------------------------- documents

def latest_documents(conn: Connection, *, limit: int = 10, offset: int = 0) -> list[dict[str, Any]]:
    """Documents, newest stated date first (undated last, then newest ingested)."""
    n_m = (select(func.count()).where(mentions.c.doc_id == documents.c.id)
           .scalar_subquery().label("n_mentions"))
    q = (select(documents.c.id, documents.c.title, documents.c.file_name, documents.c.date,
                documents.c.source, documents.c.n_chars, documents.c.ingested_at, n_m)
         .order_by(documents.c.date.desc().nulls_last(), documents.c.ingested_at.desc(), documents.c.id)
         .limit(limit).offset(offset))
    return [dict(r._mapping) for r in conn.execute(q)]


def document(conn: Connection, *, doc_id: str) -> dict[str, Any] | None:
    """One document: cleaned and original text, its mentions (with entity id,
    name, type), relations (with both ends named) and facts; None if absent."""
    row = conn.execute(select(documents).where(documents.c.id == doc_id)).first()
    if row is None:
        return None
    m_rows = list(conn.execute(select(mentions).where(mentions.c.doc_id == doc_id).order_by(mentions.c.start)))
    r_rows = list(conn.execute(select(relations).where(relations.c.doc_id == doc_id).order_by(relations.c.start, relations.c.id)))
    f_rows = list(conn.execute(select(facts).where(facts.c.doc_id == doc_id).order_by(facts.c.start, facts.c.id)))
    named = entity_brief(conn, [m.entity_id for m in m_rows] + [r.head_id for r in r_rows]
                         + [r.tail_id for r in r_rows] + [f.subject_id for f in f_rows])
    docs = doc_info(conn, [doc_id])
    return {
        "id": row.id, "file_name": row.file_name, "path": row.path, "title": row.title,
        "date": row.date, "source": row.source, "text": row.text, "original": row.original,
        "n_chars": row.n_chars, "ingested_at": row.ingested_at, "meta": row.meta or {},
        "mentions": [{"id": m.id, "entity_id": m.entity_id, "type": m.type, "surface": m.surface,
                      "start": m.start, "end": m.end, "quote": m.quote,
                      "entity_name": named.get(m.entity_id, {}).get("name"),
                      "entity_type": named.get(m.entity_id, {}).get("type")} for m in m_rows],
        "relations": [_relation_dict(r, named) for r in r_rows],
        "facts": [fact_dict(f, docs) for f in f_rows],
    }


def _relation_dict(r, named: dict[int, dict[str, Any]]) -> dict[str, Any]:
    head, tail = named.get(r.head_id, {}), named.get(r.tail_id, {})
    return {"id": r.id, "type": r.type, "head_id": r.head_id, "head_name": head.get("name"),
            "head_type": head.get("type"), "tail_id": r.tail_id, "tail_name": tail.get("name"),
            "tail_type": tail.get("type"), "tail_label": r.tail_label, "attributes": r.attributes or {},
            "doc_id": r.doc_id, "start": r.start, "end": r.end, "quote": r.quote}


# ---------------------------------------------------------------- counts

def _count(conn: Connection, table) -> int:
    return conn.execute(select(func.count()).select_from(table)).scalar_one()


def counts(conn: Connection) -> dict[str, Any]:
    """Totals, entities by type and relations by type (by_type lists are
    [type, n] pairs, largest first)."""
    by_type = conn.execute(select(entities.c.type, func.count()).group_by(entities.c.type)).all()
    rel_types = conn.execute(select(relations.c.type, func.count()).group_by(relations.c.type)).all()
    return {
        "documents": _count(conn, documents), "entities": _count(conn, entities),
        "aliases": _count(conn, aliases), "mentions": _count(conn, mentions),
        "relations": _count(conn, relations), "facts": _count(conn, facts),
        "conflicts": len(conflicts(conn)),
        "by_type": sorted(([t, n] for t, n in by_type), key=lambda p: (-p[1], p[0])),
        "relations_by_type": sorted(([t, n] for t, n in rel_types), key=lambda p: (-p[1], p[0])),
    }
