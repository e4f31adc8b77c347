"""`cgtatlas extract` (gold and jsonl) and `cgtatlas eval` on a document written for the test."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from cgtatlas.cli import app

TEXT = "会议由杭州市科学技术局主办，浙江大学医学院附属第二医院的专家出席。\n"


def _setup(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(TEXT, encoding="utf-8")
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "a.json").write_text(json.dumps({"doc": "a.txt", "entities": [
        {"type": "Agency", "name": "杭州市科学技术局", "aliases": []},
        {"type": "Hospital", "name": "浙江大学医学院附属第二医院", "aliases": []},
        {"type": "Company", "name": "不存在的公司名称有限公司", "aliases": []},
    ]}, ensure_ascii=False), encoding="utf-8")
    return docs, gold


def test_eval_cli_extract_writes_gold_and_jsonl(tmp_path):
    docs, _ = _setup(tmp_path)
    runner = CliRunner()
    assert runner.invoke(app, ["extract", str(docs), "--out", str(tmp_path / "g")]).exit_code == 0
    names = {e["name"] for e in json.loads((tmp_path / "g" / "a.json").read_text(encoding="utf-8"))["entities"]}
    assert "杭州市科学技术局" in names
    assert runner.invoke(app, ["extract", str(docs), "--format", "jsonl", "--out", str(tmp_path / "j")]).exit_code == 0
    rows = [json.loads(line) for line in (tmp_path / "j" / "a.jsonl").read_text(encoding="utf-8").splitlines()]
    agency = next(r for r in rows if r["kind"] == "mention" and r["name"] == "杭州市科学技术局")
    assert TEXT[agency["start"]:agency["end"]] == "杭州市科学技术局"
    assert agency["quote"].startswith("会议由")


def test_eval_cli_prints_scores(tmp_path):
    docs, gold = _setup(tmp_path)
    result = CliRunner().invoke(app, ["eval", str(gold), str(docs)])
    assert result.exit_code == 0, result.output
    assert "Agency" in result.output and "Company" in result.output
    line = next(l for l in result.output.splitlines() if "entities_untyped" in l)
    assert "0.667" in line  # 2 of 3 gold entities found


def test_eval_cli_rejects_unknown_format(tmp_path):
    docs, _ = _setup(tmp_path)
    result = CliRunner().invoke(app, ["extract", str(docs), "--format", "xml", "--out", str(tmp_path / "x")])
    assert result.exit_code != 0
