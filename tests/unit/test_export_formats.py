"""Every export format parses back and keeps provenance; the CLI commands run."""
from __future__ import annotations

import csv
import json

import pytest
from queries_atlas import atlas, doc_id  # noqa: F401  (atlas is a fixture)
from typer.testing import CliRunner

from cgtatlas.cli import app
from cgtatlas.store.export import ExportError, export_atlas


def export(engine, fmt, out):
    with engine.connect() as conn:
        return export_atlas(conn, format=fmt, out=out)


def read_csv(path):
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_export_csv_tables_keep_provenance(atlas, tmp_path):
    engine, ids = atlas
    written = export(engine, "csv", tmp_path / "csv")
    assert sorted(p.name for p in written) == sorted(
        f"{t}.csv" for t in ("documents", "entities", "aliases", "mentions", "relations", "facts"))
    rel = next(r for r in read_csv(tmp_path / "csv" / "relations.csv") if r["type"] == "develops")
    assert (rel["head_name"], rel["tail_name"], rel["file_name"]) == ("星海生物", "XH-19", "news.txt")
    assert "自主研发的XH-19" in rel["quote"] and int(rel["end"]) > int(rel["start"])
    fact = next(f for f in read_csv(tmp_path / "csv" / "facts.csv") if f["value"] == "750.0")
    assert fact["doc_id"] == doc_id("brief.txt") and "750家" in fact["quote"]
    park = next(e for e in read_csv(tmp_path / "csv" / "entities.csv") if e["name"] == "苏州工业园区")
    assert park["aliases"] == "园区" and set(park["source_files"].split("|")) == {"news.txt", "plan.txt", "brief.txt"}


def test_export_graphml_parses_with_evidence(atlas, tmp_path):
    import networkx as nx

    engine, ids = atlas
    export(engine, "graphml", tmp_path)
    g = nx.read_graphml(tmp_path / "atlas.graphml")
    assert g.nodes[f"e{ids['XH-19']}"]["type"] == "Product"
    edge = next(d for _, _, d in g.edges(data=True) if d["type"] == "develops")
    assert edge["file_name"] == "news.txt" and "XH-19" in edge["quote"]
    assert g.has_node("milestone:孤儿药资格")
    facts = json.loads(g.nodes[f"e{ids['苏州工业园区']}"]["facts"])
    assert sorted(f["value"] for f in facts) == [750, 800, 1000] and all(f["quote"] for f in facts)


def test_export_jsonld_has_context_and_evidence(atlas, tmp_path):
    engine, ids = atlas
    export(engine, "jsonld", tmp_path)
    data = json.loads((tmp_path / "atlas.jsonld").read_text(encoding="utf-8"))
    assert "@vocab" in data["@context"] and "quote" in data["@context"]
    by_id = {node["@id"]: node for node in data["@graph"]}
    product = by_id[f"cgt:entity/{ids['XH-19']}"]
    assert "Drug" in product["@type"] and f"cgt:document/{doc_id('news.txt')}" in product["subjectOf"]
    milestone = next(n for n in data["@graph"] if n.get("label") == "临床试验许可")
    assert milestone["evidence"]["document"] == f"cgt:document/{doc_id('news.txt')}"
    assert milestone["evidence"]["fileName"] == "news.txt" and milestone["tail"] is None
    assert by_id[f"cgt:document/{doc_id('plan.txt')}"]["name"] == "苏州市细胞治疗产业行动方案"


def test_export_xlsx_has_a_sheet_per_table(atlas, tmp_path):
    from openpyxl import load_workbook

    engine, _ = atlas
    export(engine, "xlsx", tmp_path)
    book = load_workbook(tmp_path / "atlas.xlsx", read_only=True)
    assert book.sheetnames == ["documents", "entities", "aliases", "mentions", "relations", "facts"]
    rows = list(book["facts"].values)
    header = rows[0]
    quotes = [dict(zip(header, r))["quote"] for r in rows[1:]]
    assert len(quotes) == 3 and all(quotes)


def test_export_neo4j_csv_and_cypher(atlas, tmp_path):
    engine, _ = atlas
    written = export(engine, "neo4j", tmp_path)
    script = (tmp_path / "import.cypher").read_text(encoding="utf-8")
    for name in ("nodes.csv", "relationships.csv", "facts.csv", "mentions.csv", "documents.csv"):
        assert tmp_path / name in written and f"'file:///{name}'" in script
    assert "CREATE (a)-[:DEVELOPS {doc_id: row.doc_id" in script and "SET e:Company;" in script
    assert "MERGE (m:Milestone {label: row.label})" in script
    rels = read_csv(tmp_path / "relationships.csv")
    milestone = next(r for r in rels if r["type"] == "milestone")
    assert milestone["end_id"] == "" and milestone["label"] and milestone["quote"]


def test_export_unknown_format_is_refused(atlas, tmp_path):
    engine, _ = atlas
    with pytest.raises(ExportError, match="unknown format"):
        export(engine, "pdf", tmp_path)


def test_export_and_search_cli(tmp_path):
    from queries_atlas import build_atlas, engine_for

    with engine_for("sqlite", tmp_path, None) as engine:
        build_atlas(engine)
    db = str(tmp_path / "atlas.db")
    runner = CliRunner()
    result = runner.invoke(app, ["search", "苏州", "--json", "--db", db])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["entities"][0]["name"] == "苏州"
    table = runner.invoke(app, ["search", "标记", "--db", db])
    assert table.exit_code == 0 and "<b>标记</b>" in table.output and "<mark>" not in table.output
    out = runner.invoke(app, ["export", "--format", "jsonld", "--out", str(tmp_path / "x"), "--db", db])
    assert out.exit_code == 0 and (tmp_path / "x" / "atlas.jsonld").exists()
    bad = runner.invoke(app, ["export", "--format", "pdf", "--out", str(tmp_path / "y"), "--db", db])
    assert bad.exit_code == 2
