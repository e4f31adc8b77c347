"""Row helpers shared by the read queries: entity filters, evidence fields,
names of entities and documents. Plain functions over SQLAlchemy Core."""
from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import and_, distinct, func, or_, select, union
from sqlalchemy.engine import Connection

from cgtatlas.store.schema import aliases, documents, entities, mentions, relations


def mention_stats():
    """Subquery: entity_id -> n_mentions, n_documents."""
    return (select(mentions.c.entity_id,
                   func.count().label("n_mentions"),
                   func.count(distinct(mentions.c.doc_id)).label("n_documents"))
            .group_by(mentions.c.entity_id).subquery("mstats"))


def ids_named(name: str, type: str | None = None):
    """Select of entity ids whose name or an alias is exactly `name`."""
    by_name = select(entities.c.id).where(entities.c.name == name)
    by_alias = select(aliases.c.entity_id).where(aliases.c.alias == name)
    if type:
        by_name = by_name.where(entities.c.type == type)
        by_alias = by_alias.join(entities, entities.c.id == aliases.c.entity_id).where(entities.c.type == type)
    return union(by_name, by_alias)


def in_region(region: str):
    """Condition: the entity is in `region` (its region column, or located_in a
    thing of that name, or located_in a park that is itself located_in it)."""
    place_ids = select(ids_named(region).subquery().c.id)
    forms = union(select(entities.c.name).where(entities.c.id.in_(place_ids)),
                  select(aliases.c.alias).where(aliases.c.entity_id.in_(place_ids)))
    direct = select(relations.c.head_id).where(relations.c.type == "located_in",
                                               relations.c.tail_id.in_(place_ids))
    via_park = select(relations.c.head_id).where(relations.c.type == "located_in",
                                                 relations.c.tail_id.in_(direct))
    return or_(entities.c.region == region, entities.c.region.in_(select(forms.subquery().c.name)),
               entities.c.id.in_(direct), entities.c.id.in_(via_park))


def uses_technology(technology: str):
    """Condition: the entity uses `technology` (a product) or develops a product that does."""
    tech_ids = select(ids_named(technology, "Technology").subquery().c.id)
    products = select(relations.c.head_id).where(relations.c.type == "uses_technology",
                                                 relations.c.tail_id.in_(tech_ids))
    developers = select(relations.c.head_id).where(relations.c.type == "develops",
                                                   relations.c.tail_id.in_(products))
    return or_(entities.c.id.in_(products), entities.c.id.in_(developers))


def entity_filters(*, type: str | None = None, region: str | None = None,
                   technology: str | None = None) -> list:
    conds = []
    if type:
        conds.append(entities.c.type == type)
    if region:
        conds.append(in_region(region))
    if technology:
        conds.append(uses_technology(technology))
    return conds


def aliases_of(conn: Connection, ids: list[int]) -> dict[int, list[str]]:
    """entity id -> alias strings (its own name left out)."""
    out: dict[int, list[str]] = defaultdict(list)
    if not ids:
        return out
    q = (select(aliases.c.entity_id, aliases.c.alias, entities.c.name)
         .join(entities, entities.c.id == aliases.c.entity_id)
         .where(aliases.c.entity_id.in_(ids)).order_by(aliases.c.id))
    for eid, alias, name in conn.execute(q):
        if alias != name and alias not in out[eid]:
            out[eid].append(alias)
    return out


def doc_info(conn: Connection, doc_ids) -> dict[str, dict[str, Any]]:
    """doc id -> {title, file_name, date} for evidence rows."""
    ids = sorted({d for d in doc_ids if d})
    if not ids:
        return {}
    q = select(documents.c.id, documents.c.title, documents.c.file_name, documents.c.date,
               documents.c.source).where(documents.c.id.in_(ids))
    return {r.id: {"doc_title": r.title, "file_name": r.file_name, "doc_date": r.date,
                   "doc_source": r.source} for r in conn.execute(q)}


def entity_brief(conn: Connection, ids) -> dict[int, dict[str, Any]]:
    """entity id -> {id, name, type, region}."""
    ids = sorted({i for i in ids if i is not None})
    if not ids:
        return {}
    q = select(entities.c.id, entities.c.name, entities.c.type, entities.c.region).where(entities.c.id.in_(ids))
    return {r.id: dict(r._mapping) for r in conn.execute(q)}


def evidence_of(row, docs: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The provenance fields of a relation, fact or mention row."""
    return {"doc_id": row.doc_id, "start": row.start, "end": row.end, "quote": row.quote,
            **docs.get(row.doc_id, {"doc_title": None, "file_name": None, "doc_date": None,
                                    "doc_source": None})}


def fact_dict(row, docs: dict[str, dict[str, Any]]) -> dict[str, Any]:
    return {"id": row.id, "subject_id": row.subject_id, "subject": row.subject,
            "indicator": row.indicator, "value": row.value, "unit": row.unit,
            "comparator": row.comparator, "year": row.year, "kind": row.kind,
            **evidence_of(row, docs)}


def related_ids(conn: Connection, entity_ids, rel_type: str, *, direction: str = "out") -> dict[int, list]:
    """entity id -> relation rows of `rel_type` where it is the head (out) or tail (in)."""
    ids = sorted(set(entity_ids))
    out: dict[int, list] = defaultdict(list)
    if not ids:
        return out
    end = relations.c.head_id if direction == "out" else relations.c.tail_id
    q = select(relations).where(and_(relations.c.type == rel_type, end.in_(ids))).order_by(relations.c.id)
    for r in conn.execute(q):
        out[r.head_id if direction == "out" else r.tail_id].append(r)
    return out
