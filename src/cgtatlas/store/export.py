"""Export the atlas: csv, graphml, jsonld, xlsx, neo4j (CSV + Cypher script).

Every format keeps provenance: relations, facts and mentions carry their
document (id and file name), span and quoted sentence; entities list the
documents that mention them (`source_docs`). `export_atlas` is the one entry
point; each writer is a small function over the plain tables of `atlas_tables`.
"""
from __future__ import annotations

import csv
import json
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from cgtatlas.store.schema import aliases, documents, entities, facts, mentions, relations

FORMATS = ("csv", "graphml", "jsonld", "xlsx", "neo4j")
EVIDENCE = ("doc_id", "file_name", "start", "end", "quote")
XLSX_CELL_MAX = 32000  # Excel refuses cells over 32,767 characters
SCHEMA_TYPES = {  # schema.org type of each entity type, for JSON-LD
    "Company": "Corporation", "Hospital": "Hospital", "Academic": "ResearchOrganization",
    "Agency": "GovernmentOrganization", "Park": "Place", "Platform": "Organization",
    "Association": "Organization", "Event": "Event", "Policy": "Legislation", "Person": "Person",
    "Product": "Drug", "Technology": "DefinedTerm", "Disease": "MedicalCondition",
    "Target": "DefinedTerm", "Region": "AdministrativeArea",
}


class ExportError(ValueError):
    pass


# ---------------------------------------------------------------- the tables

def atlas_tables(conn: Connection, *, with_text: bool = True) -> dict[str, list[dict[str, Any]]]:
    """The store as plain rows: documents, entities, aliases, mentions, relations, facts."""
    doc_rows = [dict(r._mapping) for r in conn.execute(select(
        documents.c.id, documents.c.file_name, documents.c.title, documents.c.date, documents.c.source,
        documents.c.n_chars, documents.c.ingested_at, *([documents.c.text] if with_text else []))
        .order_by(documents.c.id))]
    files = {d["id"]: d["file_name"] for d in doc_rows}
    alias_rows = [dict(r._mapping) for r in conn.execute(select(
        aliases.c.entity_id, aliases.c.alias, aliases.c.rule, aliases.c.evidence).order_by(aliases.c.id))]
    mention_rows = [dict(r._mapping, file_name=files.get(r.doc_id)) for r in conn.execute(select(
        mentions.c.id, mentions.c.entity_id, mentions.c.type, mentions.c.surface, mentions.c.doc_id,
        mentions.c.start, mentions.c.end, mentions.c.quote).order_by(mentions.c.id))]
    entity_rows = _entity_rows(conn, alias_rows, mention_rows)
    names = {e["id"]: e["name"] for e in entity_rows}
    relation_rows = [dict(r._mapping, head_name=names.get(r.head_id), tail_name=names.get(r.tail_id),
                          file_name=files.get(r.doc_id)) for r in conn.execute(select(relations).order_by(relations.c.id))]
    fact_rows = [dict(r._mapping, file_name=files.get(r.doc_id)) for r in conn.execute(select(facts).order_by(facts.c.id))]
    return {"documents": doc_rows, "entities": entity_rows, "aliases": alias_rows,
            "mentions": mention_rows, "relations": relation_rows, "facts": fact_rows}


def _entity_rows(conn: Connection, alias_rows: list[dict], mention_rows: list[dict]) -> list[dict[str, Any]]:
    names: dict[int, list[str]] = defaultdict(list)
    for a in alias_rows:
        names[a["entity_id"]].append(a["alias"])
    sources: dict[int, dict[str, str]] = defaultdict(dict)
    for m in mention_rows:
        sources[m["entity_id"]][m["doc_id"]] = m["file_name"]
    out = []
    for r in conn.execute(select(entities).order_by(entities.c.id)):
        out.append({"id": r.id, "type": r.type, "name": r.name, "region": r.region,
                    "attributes": r.attributes or {},
                    "aliases": [a for a in names.get(r.id, []) if a != r.name],
                    "source_docs": sorted(sources.get(r.id, {})),
                    "source_files": sorted(set(sources.get(r.id, {}).values()))})
    return out


def flat(value: Any) -> Any:
    """A cell value: lists joined by |, dicts as JSON, None as empty."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "|".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True) if value else ""
    return value


def _write_csv(path: Path, rows: list[dict[str, Any]], *, encoding: str = "utf-8") -> Path:
    fields = list(rows[0]) if rows else ["id"]
    with path.open("w", newline="", encoding=encoding) as fh:
        writer = csv.DictWriter(fh, fieldnames=fields)
        writer.writeheader()
        writer.writerows({k: flat(v) for k, v in row.items()} for row in rows)
    return path


# ---------------------------------------------------------------- writers

def write_csv(tables: dict[str, list[dict]], out: Path) -> list[Path]:
    """One CSV per table, UTF-8 with a byte-order mark so spreadsheet programs read Chinese."""
    return [_write_csv(out / f"{name}.csv", rows, encoding="utf-8-sig") for name, rows in tables.items()]


def write_xlsx(tables: dict[str, list[dict]], out: Path) -> list[Path]:
    """One workbook, a sheet per table (long document texts are cut to Excel's cell limit)."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    book = Workbook()
    book.remove(book.active)
    for name, rows in tables.items():
        sheet = book.create_sheet(name)
        fields = list(rows[0]) if rows else ["id"]
        sheet.append(fields)
        for row in rows:
            cells = [flat(row[f]) for f in fields]
            sheet.append([ILLEGAL_CHARACTERS_RE.sub("", c)[:XLSX_CELL_MAX] if isinstance(c, str) else c for c in cells])
    path = out / "atlas.xlsx"
    book.save(path)
    return [path]


def atlas_graph(tables: dict[str, list[dict]]):
    """A networkx MultiDiGraph: entity nodes (facts attached as JSON), relation
    edges with their evidence, milestone labels as nodes of their own."""
    import networkx as nx

    g = nx.MultiDiGraph(name="CGT Atlas")
    facts_of: dict[Any, list[dict]] = defaultdict(list)
    for f in tables["facts"]:
        facts_of[f["subject_id"]].append({k: f[k] for k in ("indicator", "value", "unit", "comparator",
                                                            "year", "kind", *EVIDENCE)})
    for e in tables["entities"]:
        g.add_node(f"e{e['id']}", **{k: flat(v) for k, v in e.items()},
                   facts=json.dumps(facts_of.get(e["id"], []), ensure_ascii=False))
    for r in tables["relations"]:
        target = f"e{r['tail_id']}" if r["tail_id"] is not None else f"milestone:{r['tail_label']}"
        if r["tail_id"] is None:
            g.add_node(target, type="Milestone", name=r["tail_label"] or "")
        g.add_edge(f"e{r['head_id']}", target, key=f"r{r['id']}", type=r["type"],
                   label=r["tail_label"] or "", attributes=flat(r["attributes"]),
                   **{k: flat(r[k]) for k in EVIDENCE})
    return g


def write_graphml(tables: dict[str, list[dict]], out: Path) -> list[Path]:
    import networkx as nx

    path = out / "atlas.graphml"
    nx.write_graphml(atlas_graph(tables), path)
    return [path]


def atlas_jsonld(tables: dict[str, list[dict]]) -> dict[str, Any]:
    """A JSON-LD document: schema.org terms where they fit, ours (cgt:) elsewhere."""
    ent, doc = "cgt:entity/", "cgt:document/"

    def evidence(row: dict) -> dict[str, Any]:
        return {"@type": "cgt:Evidence", "document": doc + row["doc_id"], "fileName": row["file_name"],
                "start": row["start"], "end": row["end"], "quote": row["quote"]}

    graph: list[dict[str, Any]] = []
    for e in tables["entities"]:
        graph.append({"@id": ent + str(e["id"]), "@type": [SCHEMA_TYPES.get(e["type"], "Thing"), "cgt:" + e["type"]],
                      "name": e["name"], "alternateName": e["aliases"], "region": e["region"],
                      "attributes": e["attributes"], "subjectOf": [doc + d for d in e["source_docs"]]})
    for r in tables["relations"]:
        graph.append({"@id": f"cgt:relation/{r['id']}", "@type": "cgt:Relation", "relationType": r["type"],
                      "head": ent + str(r["head_id"]),
                      "tail": ent + str(r["tail_id"]) if r["tail_id"] is not None else None,
                      "label": r["tail_label"], "attributes": r["attributes"] or {}, "evidence": evidence(r)})
    for f in tables["facts"]:
        graph.append({"@id": f"cgt:fact/{f['id']}", "@type": "cgt:Fact",
                      "about": ent + str(f["subject_id"]) if f["subject_id"] is not None else None,
                      "subject": f["subject"], "indicator": f["indicator"], "value": f["value"],
                      "unitText": f["unit"], "comparator": f["comparator"], "year": f["year"],
                      "kind": f["kind"], "evidence": evidence(f)})
    for d in tables["documents"]:
        graph.append({"@id": doc + d["id"], "@type": "Article", "name": d["title"], "fileName": d["file_name"],
                      "datePublished": d["date"], "publisher": d["source"], "text": d.get("text")})
    return {"@context": _context(), "@graph": graph}


def _context() -> dict[str, Any]:
    ref = {"@type": "@id"}
    return {"@vocab": "https://schema.org/", "cgt": "urn:cgtatlas:", "region": "cgt:region",
            "attributes": {"@id": "cgt:attributes", "@type": "@json"}, "relationType": "cgt:relationType",
            "head": {"@id": "cgt:head", **ref}, "tail": {"@id": "cgt:tail", **ref}, "label": "cgt:label",
            "evidence": "cgt:evidence", "document": {"@id": "cgt:document", **ref}, "fileName": "cgt:fileName",
            "start": "cgt:start", "end": "cgt:end", "quote": "cgt:quote", "about": ref, "subjectOf": ref,
            "subject": "cgt:subject", "indicator": "cgt:indicator", "comparator": "cgt:comparator",
            "year": "cgt:year", "kind": "cgt:kind"}


def write_jsonld(tables: dict[str, list[dict]], out: Path) -> list[Path]:
    path = out / "atlas.jsonld"
    path.write_text(json.dumps(atlas_jsonld(tables), ensure_ascii=False, indent=1), encoding="utf-8")
    return [path]


def write_neo4j(tables: dict[str, list[dict]], out: Path) -> list[Path]:
    """nodes / relationships / facts / mentions / documents CSV and import.cypher (LOAD CSV)."""
    rels = [{"id": r["id"], "start_id": r["head_id"], "end_id": r["tail_id"], "type": r["type"],
             "label": r["tail_label"], "attributes": r["attributes"], **{k: r[k] for k in EVIDENCE}}
            for r in tables["relations"]]
    docs = [{k: v for k, v in d.items() if k != "text"} for d in tables["documents"]]
    written = [_write_csv(out / "nodes.csv", tables["entities"]), _write_csv(out / "relationships.csv", rels),
               _write_csv(out / "facts.csv", tables["facts"]), _write_csv(out / "mentions.csv", tables["mentions"]),
               _write_csv(out / "documents.csv", docs)]
    script = out / "import.cypher"
    script.write_text(neo4j_script(sorted({e["type"] for e in tables["entities"]}),
                                   sorted({r["type"] for r in rels})), encoding="utf-8")
    return [*written, script]


def _cypher_name(word: str) -> str | None:
    """A label or relationship type taken from stored data, or None if unsafe."""
    return word if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", word or "") else None


def neo4j_script(entity_types: list[str], relation_types: list[str]) -> str:
    load = "LOAD CSV WITH HEADERS FROM 'file:///{}' AS row"
    evidence = ("doc_id: row.doc_id, file_name: row.file_name, start: toInteger(row.start), "
                "end: toInteger(row.end), quote: row.quote")
    lines = ["// CGT Atlas import: copy the CSV files into Neo4j's import directory, then",
             "// cypher-shell -f import.cypher",
             "CREATE CONSTRAINT atlas_entity IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE;",
             "CREATE CONSTRAINT atlas_document IF NOT EXISTS FOR (d:Document) REQUIRE d.id IS UNIQUE;",
             f"{load.format('documents.csv')}\nMERGE (d:Document {{id: row.id}})\n"
             "SET d.file_name = row.file_name, d.title = row.title, d.date = row.date, d.source = row.source;",
             f"{load.format('nodes.csv')}\nMERGE (e:Entity {{id: toInteger(row.id)}})\n"
             "SET e.type = row.type, e.name = row.name, e.region = row.region, e.attributes = row.attributes,\n"
             "    e.aliases = split(row.aliases, '|'), e.source_docs = split(row.source_docs, '|');"]
    for t in filter(None, map(_cypher_name, entity_types)):
        lines.append(f"MATCH (e:Entity {{type: '{t}'}}) SET e:{t};")
    for t in filter(None, map(_cypher_name, relation_types)):
        head = f"{load.format('relationships.csv')}\nWITH row WHERE row.type = '{t}'\n"
        props = f"{{{evidence}, attributes: row.attributes}}"
        if t == "milestone":
            lines.append(f"{head}MATCH (a:Entity {{id: toInteger(row.start_id)}})\nMERGE (m:Milestone {{label: row.label}})\n"
                         f"CREATE (a)-[:MILESTONE {props}]->(m);")
        else:
            lines.append(f"{head}MATCH (a:Entity {{id: toInteger(row.start_id)}}), (b:Entity {{id: toInteger(row.end_id)}})\n"
                         f"CREATE (a)-[:{t.upper()} {props}]->(b);")
    lines.append(f"{load.format('facts.csv')}\nMATCH (d:Document {{id: row.doc_id}})\n"
                 "CREATE (f:Fact {id: toInteger(row.id), subject: row.subject, indicator: row.indicator,\n"
                 "  value: toFloat(row.value), unit: row.unit, comparator: row.comparator, year: toInteger(row.year),\n"
                 f"  kind: row.kind, {evidence}}})-[:STATED_IN]->(d)\n"
                 "WITH f, row MATCH (e:Entity {id: toInteger(row.subject_id)})\nCREATE (e)-[:HAS_FACT]->(f);")
    lines.append(f"{load.format('mentions.csv')}\nMATCH (e:Entity {{id: toInteger(row.entity_id)}}), (d:Document {{id: row.doc_id}})\n"
                 "CREATE (e)-[:MENTIONED_IN {surface: row.surface, start: toInteger(row.start), "
                 "end: toInteger(row.end), quote: row.quote}]->(d);")
    return "\n\n".join(lines) + "\n"


WRITERS = {"csv": write_csv, "graphml": write_graphml, "jsonld": write_jsonld, "xlsx": write_xlsx,
           "neo4j": write_neo4j}


def export_atlas(conn: Connection, *, format: str, out: Path) -> list[Path]:
    """Write the atlas in `format` into the folder `out` (created); returns the files."""
    if format not in WRITERS:
        raise ExportError(f"unknown format {format!r}; choose one of {', '.join(FORMATS)}")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    tables = atlas_tables(conn, with_text=format in ("csv", "jsonld", "xlsx"))
    return WRITERS[format](tables, out)
