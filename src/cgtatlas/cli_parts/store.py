"""`cgtatlas stats` and `cgtatlas show`: short wrappers over `store_stats` and
`entity_report`, plain functions over a Connection that return JSON-ready dicts."""
from __future__ import annotations

import json
from typing import Any

import typer

DB_HELP = "SQLite file or postgresql:// URL (default: CGTATLAS_DB or atlas.db)"


def register(app: typer.Typer) -> None:
    app.command("stats")(stats_command)
    app.command("show")(show_command)


# ------------------------------------------------------------------ the work

def store_stats(conn) -> dict[str, Any]:
    """Counts of documents, entities by type, mentions, relations by type, facts, conflicts."""
    from sqlalchemy import func, select

    from cgtatlas.store.conflicts import list_conflicts
    from cgtatlas.store.schema import documents, entities, facts, mentions, relations

    def count(table) -> int:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()

    def by(column) -> dict[str, int]:
        rows = conn.execute(select(column, func.count()).group_by(column).order_by(column))
        return {row[0]: row[1] for row in rows}

    return {
        "documents": count(documents), "entities": count(entities),
        "entities_by_type": by(entities.c.type), "mentions": count(mentions),
        "relations": count(relations), "relations_by_type": by(relations.c.type),
        "facts": count(facts), "conflicts": len(list_conflicts(conn)),
    }


def find_entity_ids(conn, name: str) -> list[int]:
    """Entities called `name`: by name, alias, any resolved form or a listed body's
    other forms; best known (most mentions) first."""
    from sqlalchemy import func, or_, select

    from cgtatlas.resolve import known_body, name_key
    from cgtatlas.store.schema import aliases, entities, entity_keys, mentions

    key = name_key(name)
    keys = {"name:" + key} | ({"body:" + name_key(body)} if (body := known_body(name)) else set())
    ids = set(conn.execute(select(entities.c.id).where(or_(entities.c.name == name,
                                                           entities.c.key == "name:" + key))).scalars())
    ids |= set(conn.execute(select(aliases.c.entity_id).where(or_(aliases.c.alias == name, aliases.c.key == key))).scalars())
    ids |= set(conn.execute(select(entity_keys.c.entity_id).where(entity_keys.c.key.in_(keys))).scalars())
    if not ids:
        return []
    counts = dict(conn.execute(select(mentions.c.entity_id, func.count()).where(mentions.c.entity_id.in_(ids))
                               .group_by(mentions.c.entity_id)).all())
    return sorted(ids, key=lambda i: (-counts.get(i, 0), i))


def entity_report(conn, name: str) -> dict[str, Any] | None:
    """The resolved entity named `name` with aliases, attributes, relations, facts
    and sources (document file name, title and quoted sentence); None if unknown."""
    from sqlalchemy import select

    from cgtatlas.store.schema import entities

    ids = find_entity_ids(conn, name)
    if not ids:
        return None
    row = conn.execute(select(entities).where(entities.c.id == ids[0])).one()
    others = conn.execute(select(entities.c.id, entities.c.type, entities.c.name).where(entities.c.id.in_(ids[1:])))
    return {
        "id": row.id, "type": row.type, "name": row.name, "region": row.region,
        "attributes": row.attributes or {}, "aliases": _aliases(conn, row.id),
        "relations": _relations(conn, row.id), "facts": _facts(conn, row.id),
        "sources": _sources(conn, row.id),
        "other_matches": [{"id": o.id, "type": o.type, "name": o.name} for o in others],
    }


def _doc_columns():
    from cgtatlas.store.schema import documents

    return documents.c.file_name, documents.c.title


def _source(row) -> dict[str, Any]:
    return {"doc_id": row.doc_id, "file_name": row.file_name, "title": row.title, "quote": row.quote}


def _aliases(conn, entity_id: int) -> list[dict[str, Any]]:
    from sqlalchemy import select

    from cgtatlas.store.schema import aliases

    rows = conn.execute(select(aliases.c.alias, aliases.c.rule, aliases.c.evidence)
                        .where(aliases.c.entity_id == entity_id).order_by(aliases.c.id))
    return [{"alias": r.alias, "rule": r.rule, "evidence": r.evidence} for r in rows]


def _relations(conn, entity_id: int) -> list[dict[str, Any]]:
    from sqlalchemy import or_, select
    from sqlalchemy.orm import aliased

    from cgtatlas.store.schema import documents, entities, relations

    head, tail = aliased(entities), aliased(entities)
    rows = conn.execute(
        select(relations.c.type, relations.c.head_id, head.c.name.label("head"), tail.c.name.label("tail"),
               relations.c.tail_label, relations.c.attributes, relations.c.doc_id, relations.c.quote,
               *_doc_columns())
        .select_from(relations.join(head, head.c.id == relations.c.head_id)
                     .outerjoin(tail, tail.c.id == relations.c.tail_id)
                     .join(documents, documents.c.id == relations.c.doc_id))
        .where(or_(relations.c.head_id == entity_id, relations.c.tail_id == entity_id))
        .order_by(relations.c.type, relations.c.id))
    return [{"type": r.type, "direction": "out" if r.head_id == entity_id else "in",
             "head": r.head, "tail": r.tail or r.tail_label, "attributes": r.attributes or {},
             "source": _source(r)} for r in rows]


def _facts(conn, entity_id: int) -> list[dict[str, Any]]:
    from sqlalchemy import select

    from cgtatlas.store.schema import documents, facts

    rows = conn.execute(
        select(facts.c.indicator, facts.c.value, facts.c.unit, facts.c.comparator, facts.c.year,
               facts.c.kind, facts.c.doc_id, facts.c.quote, *_doc_columns())
        .select_from(facts.join(documents, documents.c.id == facts.c.doc_id))
        .where(facts.c.subject_id == entity_id).order_by(facts.c.id))
    return [{"indicator": r.indicator, "value": r.value, "unit": r.unit, "comparator": r.comparator,
             "year": r.year, "kind": r.kind, "source": _source(r)} for r in rows]


def _sources(conn, entity_id: int) -> list[dict[str, Any]]:
    """Each distinct sentence that mentions the entity, with its document."""
    from sqlalchemy import select

    from cgtatlas.store.schema import documents, mentions

    rows = conn.execute(
        select(mentions.c.doc_id, mentions.c.quote, mentions.c.surface, *_doc_columns())
        .select_from(mentions.join(documents, documents.c.id == mentions.c.doc_id))
        .where(mentions.c.entity_id == entity_id).order_by(documents.c.file_name, mentions.c.start))
    out, seen = [], set()
    for r in rows:
        if (r.doc_id, r.quote) not in seen:
            seen.add((r.doc_id, r.quote))
            out.append({**_source(r), "surface": r.surface})
    return out


# ------------------------------------------------------------------ commands

def _engine(db: str | None):
    from cgtatlas.settings import get_settings
    from cgtatlas.store.ingest import open_store

    return open_store(get_settings(db=db).db)


def stats_command(
    db: str = typer.Option(None, "--db", help=DB_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table."),
) -> None:
    """Counts: documents, entities by type, relations, facts, conflicts."""
    engine = _engine(db)
    with engine.connect() as conn:
        stats = store_stats(conn)
    engine.dispose()
    if as_json:
        typer.echo(json.dumps(stats, ensure_ascii=False, indent=2))
        return
    _print_stats(stats)


def show_command(
    name: str = typer.Argument(..., help="An entity's name or any alias (国家发改委, FDA, ...)."),
    db: str = typer.Option(None, "--db", help=DB_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of tables."),
) -> None:
    """The resolved entity: aliases, attributes, relations, facts and quoted sources."""
    engine = _engine(db)
    with engine.connect() as conn:
        report = entity_report(conn, name)
    engine.dispose()
    if report is None:
        typer.echo(f"no entity named {name!r}", err=True)
        raise typer.Exit(1)
    if as_json:
        typer.echo(json.dumps(report, ensure_ascii=False, indent=2))
        return
    _print_entity(report)


def _print_stats(stats: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="CGT Atlas")
    table.add_column("what")
    table.add_column("count", justify="right")
    for key in ("documents", "entities", "mentions", "relations", "facts", "conflicts"):
        table.add_row(key, str(stats[key]))
    for etype, n in stats["entities_by_type"].items():
        table.add_row(f"  {etype}", str(n))
    Console().print(table)


def _print_entity(report: dict[str, Any]) -> None:
    """Rich tables; every stored string goes in as Text, so no markup is interpreted."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console()
    console.print(Text(f"{report['name']}  ({report['type']}, id {report['id']})", style="bold"))
    if report["region"]:
        console.print(Text(f"region: {report['region']}"))
    if report["aliases"]:
        console.print(Text("aliases: " + ", ".join(f"{a['alias']} [{a['rule']}]" for a in report["aliases"])))
    sections = (
        ("relations", ("type", "head", "tail", "source"),
         lambda r: (r["type"], r["head"], r["tail"], _cite(r["source"]))),
        ("facts", ("indicator", "value", "year", "kind", "source"),
         lambda f: (f["indicator"], f"{f['comparator']}{f['value']:g} {f['unit'] or ''}", str(f["year"] or ""),
                    f["kind"], _cite(f["source"]))),
        ("sources", ("document", "title", "quote"), lambda s: (s["file_name"], s["title"] or "", s["quote"] or "")),
    )
    for key, columns, cells in sections:
        if report[key]:
            table = Table(title=key)
            for column in columns:
                table.add_column(column, overflow="fold")
            for item in report[key]:
                table.add_row(*(Text(str(c)) for c in cells(item)))
            console.print(table)


def _cite(source: dict[str, Any]) -> str:
    return f"{source['file_name']}: {source['quote'] or ''}"
