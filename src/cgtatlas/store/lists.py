"""The list pages' queries: product pipeline, policies, events, regions,
conflicts between sources, and the overview charts. Re-exported by
`cgtatlas.store.queries`; same conventions (Connection first, plain dicts)."""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from cgtatlas.store.rows import (
    aliases_of, doc_info, entity_brief, evidence_of, fact_dict, mention_stats, related_ids,
)
from cgtatlas.store.schema import documents, entities, facts, mentions, relations


def _entities_of_type(conn: Connection, type: str) -> list:
    q = select(entities).where(entities.c.type == type).order_by(entities.c.name, entities.c.id)
    return list(conn.execute(q))


def _ends(rows: list, named: dict[int, dict[str, Any]], *, end: str = "tail_id",
          keep: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """The named other ends of relation rows, one per entity, keeping some attributes."""
    out: dict[int, dict[str, Any]] = {}
    for r in rows:
        other = named.get(getattr(r, end))
        if other and other["id"] not in out:
            attrs = r.attributes or {}
            out[other["id"]] = {"id": other["id"], "name": other["name"], "type": other["type"],
                                **{k: attrs.get(k) for k in keep}}
    return list(out.values())


# ---------------------------------------------------------------- pipeline

def product_pipeline(conn: Connection) -> list[dict[str, Any]]:
    """One row per Product: developing companies, technologies, targets,
    diseases and milestones (label, authority, board, date, evidence). A
    milestone's date is its own `date` attribute when the extractor gave one,
    else the date of the document that states it."""
    products = _entities_of_type(conn, "Product")
    ids = [p.id for p in products]
    develops = related_ids(conn, ids, "develops", direction="in")
    outgoing = {t: related_ids(conn, ids, t) for t in ("uses_technology", "targets", "treats", "milestone")}
    every = [r for rows in develops.values() for r in rows]
    every += [r for by_id in outgoing.values() for rows in by_id.values() for r in rows]
    named = entity_brief(conn, [r.head_id for r in every] + [r.tail_id for r in every])
    docs = doc_info(conn, [r.doc_id for r in every])
    out = []
    for p in products:
        milestones = [_milestone(r, docs) for r in outgoing["milestone"].get(p.id, [])]
        milestones.sort(key=lambda m: (m["date"] or "", m["label"] or ""))
        out.append({
            "product_id": p.id, "product": p.name, "id": p.id, "name": p.name,
            "attributes": p.attributes or {},
            "companies": _ends(develops.get(p.id, []), named, end="head_id"),
            "technologies": _ends(outgoing["uses_technology"].get(p.id, []), named),
            "targets": _ends(outgoing["targets"].get(p.id, []), named),
            "diseases": _ends(outgoing["treats"].get(p.id, []), named),
            "milestones": milestones,
        })
    return out


def _milestone(r, docs: dict[str, dict[str, Any]]) -> dict[str, Any]:
    attrs = r.attributes or {}
    ev = evidence_of(r, docs)
    return {"label": r.tail_label, "authority": attrs.get("authority"), "board": attrs.get("board"),
            "date": attrs.get("date") or ev["doc_date"], "attributes": attrs, **ev}


def milestones_by_year(conn: Connection) -> list[dict[str, Any]]:
    """Milestone relations counted per year ({year, count, labels}), oldest first.
    The year is the milestone's own `year`/`date` attribute, else its document's date."""
    rows = list(conn.execute(select(relations).where(relations.c.type == "milestone")))
    docs = doc_info(conn, [r.doc_id for r in rows])
    per_year: dict[int, Counter] = defaultdict(Counter)
    for r in rows:
        year = _year_of(_milestone(r, docs))
        if year:
            per_year[year][r.tail_label or ""] += 1
    return [{"year": y, "count": sum(c.values()), "labels": dict(c)} for y, c in sorted(per_year.items())]


def _year_of(milestone: dict[str, Any]) -> int | None:
    year = milestone["attributes"].get("year")
    text = str(year) if year else (milestone["date"] or "")
    return int(text[:4]) if text[:4].isdigit() else None


def technology_counts(conn: Connection) -> list[dict[str, Any]]:
    """Technologies by how many documents mention them ({id, name, count,
    n_mentions, n_products}), most first."""
    ms = mention_stats()
    q = (select(entities.c.id, entities.c.name, func.coalesce(ms.c.n_documents, 0).label("count"),
                func.coalesce(ms.c.n_mentions, 0).label("n_mentions"))
         .select_from(entities.outerjoin(ms, ms.c.entity_id == entities.c.id))
         .where(entities.c.type == "Technology"))
    rows = [dict(r._mapping) for r in conn.execute(q)]
    products = related_ids(conn, [r["id"] for r in rows], "uses_technology", direction="in")
    for r in rows:
        r["n_products"] = len({x.head_id for x in products.get(r["id"], [])})
    rows.sort(key=lambda r: (-r["count"], -r["n_products"], r["name"]))
    return rows


# ---------------------------------------------------------------- policies and events

def _policy_documents(conn: Connection) -> dict[int, set[str]]:
    """policy id -> the documents that are about it: those whose title contains
    its name, and those where it is the most-mentioned Policy (ties: each)."""
    q = (select(mentions.c.doc_id, mentions.c.entity_id, func.count().label("n"))
         .join(entities, entities.c.id == mentions.c.entity_id).where(entities.c.type == "Policy")
         .group_by(mentions.c.doc_id, mentions.c.entity_id))
    per_doc: dict[str, dict[int, int]] = defaultdict(dict)
    for doc_id, eid, n in conn.execute(q):
        per_doc[doc_id][eid] = n
    own: dict[int, set[str]] = defaultdict(set)
    for doc_id, by_policy in per_doc.items():
        top = max(by_policy.values())
        for eid, n in by_policy.items():
            if n == top:
                own[eid].add(doc_id)
    titles = conn.execute(select(documents.c.id, documents.c.title)).all()
    for p in _entities_of_type(conn, "Policy"):
        own[p.id].update(d for d, title in titles if title and p.name in title)
    return own


def policies(conn: Connection) -> list[dict[str, Any]]:
    """One row per Policy: issuers (issued_by), region, date, documents and targets.

    Targets are the facts of kind "target" stated in the policy's own documents
    (see `_policy_documents`): a plan's goals are written in the plan, while a
    news item that merely names a policy does not lend it that item's figures.
    The date is the policy's `date` attribute, else the earliest date of its own
    documents."""
    items = _entities_of_type(conn, "Policy")
    issued = related_ids(conn, [p.id for p in items], "issued_by")
    named = entity_brief(conn, [r.tail_id for rows in issued.values() for r in rows])
    own = _policy_documents(conn)
    all_docs = {d for ds in own.values() for d in ds}
    docs = doc_info(conn, all_docs)
    target_rows = list(conn.execute(select(facts).where(facts.c.kind == "target", facts.c.doc_id.in_(sorted(all_docs)))
                                    .order_by(facts.c.doc_id, facts.c.start, facts.c.id))) if all_docs else []
    out = []
    for p in items:
        mine = sorted(own.get(p.id, set()), key=lambda d: docs[d]["doc_date"] or "9999")
        dates = [docs[d]["doc_date"] for d in mine if docs[d]["doc_date"]]
        out.append({
            "id": p.id, "name": p.name, "region": p.region, "attributes": p.attributes or {},
            "issuers": _ends(issued.get(p.id, []), named),
            "date": (p.attributes or {}).get("date") or (min(dates) if dates else None),
            "documents": [{"id": d, "title": docs[d]["doc_title"], "file_name": docs[d]["file_name"],
                           "date": docs[d]["doc_date"]} for d in mine],
            "targets": [fact_dict(f, docs) for f in target_rows if f.doc_id in own.get(p.id, ())],
        })
    out.sort(key=lambda p: (p["date"] or "", p["name"]), reverse=True)
    return out


def events(conn: Connection) -> list[dict[str, Any]]:
    """One row per Event: date, venue (held_at), organisers with their role, speakers."""
    items = _entities_of_type(conn, "Event")
    ids = [e.id for e in items]
    held, organized = related_ids(conn, ids, "held_at"), related_ids(conn, ids, "organized_by")
    spoke = related_ids(conn, ids, "spoke_at", direction="in")
    every = [r for by_id in (held, organized, spoke) for rows in by_id.values() for r in rows]
    named = entity_brief(conn, [r.tail_id for r in every] + [r.head_id for r in every])
    first_seen = dict(conn.execute(
        select(mentions.c.entity_id, func.min(documents.c.date))
        .join(documents, documents.c.id == mentions.c.doc_id)
        .where(mentions.c.entity_id.in_(ids)).group_by(mentions.c.entity_id)).all()) if ids else {}
    out = [{"id": e.id, "name": e.name, "region": e.region, "attributes": e.attributes or {},
            "date": (e.attributes or {}).get("date") or first_seen.get(e.id),
            "held_at": _ends(held.get(e.id, []), named),
            "organizers": _ends(organized.get(e.id, []), named, keep=("role",)),
            "speakers": _ends(spoke.get(e.id, []), named, end="head_id")} for e in items]
    out.sort(key=lambda e: (e["date"] or "", e["name"]), reverse=True)
    return out


# ---------------------------------------------------------------- regions

def region_summary(conn: Connection) -> list[dict[str, Any]]:
    """Per Region: its parks, companies, platforms and policies, most populated first.

    An entity belongs to a region when its `region` column names the region (or
    an alias), when it is located_in the region, or located_in a park that is.
    A policy also belongs when its name starts with the region's name or alias
    ("北京市……方案" belongs to 北京)."""
    regions = _entities_of_type(conn, "Region")
    names = aliases_of(conn, [r.id for r in regions])
    located = conn.execute(select(relations.c.head_id, relations.c.tail_id)
                           .where(relations.c.type == "located_in", relations.c.tail_id.is_not(None))).all()
    inside: dict[int, set[int]] = defaultdict(set)
    for head, tail in located:
        inside[tail].add(head)
    ms = mention_stats()
    rows = conn.execute(select(entities.c.id, entities.c.name, entities.c.type, entities.c.region,
                               func.coalesce(ms.c.n_mentions, 0).label("n_mentions"))
                        .select_from(entities.outerjoin(ms, ms.c.entity_id == entities.c.id))).all()
    by_id = {r.id: r for r in rows}
    out = []
    for region in regions:
        forms = {region.name, *names.get(region.id, [])}
        members = set(inside[region.id])
        members |= {h for m in list(members) if by_id.get(m) and by_id[m].type == "Park" for h in inside[m]}
        members |= {r.id for r in rows if r.region in forms}
        members |= {r.id for r in rows if r.type == "Policy" and any(len(f) >= 2 and r.name.startswith(f) for f in forms)}
        members.discard(region.id)
        picked = sorted((by_id[m] for m in members if m in by_id), key=lambda r: (-r.n_mentions, r.name))
        group = lambda t: [{"id": r.id, "name": r.name} for r in picked if r.type == t]  # noqa: E731
        out.append({"id": region.id, "name": region.name, "n_mentions": by_id[region.id].n_mentions,
                    "n_entities": len(picked), "parks": group("Park"), "companies": group("Company"),
                    "platforms": group("Platform"), "policies": group("Policy")})
    out = [r for r in out if r["n_entities"] or r["n_mentions"]]
    out.sort(key=lambda r: (-r["n_entities"], -r["n_mentions"], r["name"]))
    return out


# ---------------------------------------------------------------- conflicts

def conflicts(conn: Connection) -> list[dict[str, Any]]:
    """Facts that disagree between documents, as `store.conflicts` defines it
    (one conflict per disagreeing pair, with its reason "value" or "year"), each
    fact carrying its evidence fields (doc_id, doc_title, file_name, doc_date,
    start, end, quote); `documents` lists the two document ids."""
    from cgtatlas.store.conflicts import list_conflicts

    found = list_conflicts(conn)
    docs = doc_info(conn, [f["doc_id"] for c in found for f in c["facts"]])
    out = []
    for c in found:
        rows = [{**f, **docs.get(f["doc_id"], {})} for f in c["facts"]]
        out.append({**c, "facts": rows, "documents": sorted({f["doc_id"] for f in rows})})
    out.sort(key=lambda c: (c["subject"] or "", c["indicator"], c["facts"][0]["id"]))
    return out
