"""`cgtatlas stats` and `cgtatlas show` over a store built from hand-made Documents."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from cgtatlas.cli import app
from cgtatlas.store.ingest import ingest_document, open_store
from store_testing import db, make_doc  # noqa: F401 (fixtures)


@pytest.fixture
def built(db):
    engine = open_store(db)
    docs = [
        make_doc("美国FDA授予XH-101孤儿药资格。星河细胞位于苏州。", file_name="fda.txt", title="获批消息",
                 mentions=[("Agency", "美国FDA"), ("Product", "XH-101"), ("Company", "星河细胞"), ("Region", "苏州")],
                 relations=[("located_in", "星河细胞", "苏州"), ("develops", "星河细胞", "XH-101")],
                 facts=[("星河细胞", "员工", 300, "人", 2024)]),
        make_doc("FDA发布新的指南。星河细胞员工达到[bold]350人。", file_name="guide.txt", title="指南",
                 mentions=[("Agency", "FDA"), ("Company", "星河细胞")],
                 facts=[("星河细胞", "员工", 350, "人", 2024)]),
    ]
    for doc in docs:
        ingest_document(engine, doc, extract=lambda d: d)
    engine.dispose()
    return db


def run(*args):
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_store_cli_stats_json(built):
    stats = json.loads(run("stats", "--db", built, "--json"))
    assert stats["documents"] == 2 and stats["entities"] == 4
    assert stats["entities_by_type"] == {"Agency": 1, "Company": 1, "Product": 1, "Region": 1}
    assert stats["relations"] == 2 and stats["facts"] == 2 and stats["conflicts"] == 1


def test_store_cli_stats_table(built):
    out = run("stats", "--db", built)
    assert "documents" in out and "Agency" in out


def test_store_cli_show_by_alias_lists_sources(built):
    report = json.loads(run("show", "FDA", "--db", built, "--json"))
    assert report["name"] == "美国食品药品管理局" and report["type"] == "Agency"
    assert {s["file_name"] for s in report["sources"]} == {"fda.txt", "guide.txt"}
    assert {(s["title"], s["quote"]) for s in report["sources"]} >= {("获批消息", "美国FDA授予XH-101孤儿药资格。")}
    assert [a["alias"] for a in report["aliases"]] == ["美国FDA", "FDA"]


def test_store_cli_show_company_relations_and_facts(built):
    report = json.loads(run("show", "星河细胞", "--db", built, "--json"))
    assert sorted((r["type"], r["tail"]) for r in report["relations"]) == [("develops", "XH-101"), ("located_in", "苏州")]
    assert [f["value"] for f in report["facts"]] == [300.0, 350.0]
    assert report["facts"][1]["source"]["file_name"] == "guide.txt"


def test_store_cli_show_prints_stored_text_literally(built):
    out = run("show", "星河细胞", "--db", built)
    assert "[bold]350" in out  # markup in a document is shown, not interpreted


def test_store_cli_show_unknown_name_fails_clearly(built):
    result = CliRunner().invoke(app, ["show", "不存在的机构", "--db", built])
    assert result.exit_code == 1 and "no entity named" in result.output
