"""store/conflicts.py: the same indicator for the same subject stated differently."""
from __future__ import annotations

import pytest

from cgtatlas.store.conflicts import find_conflicts, list_conflicts
from cgtatlas.store.ingest import ingest_document
from store_testing import db, engine, make_doc  # noqa: F401 (fixtures)


def fact(id, doc, value, year=2024, *, subject_id=1, indicator="生物医药企业", unit="家", kind="actual"):
    return {"id": id, "doc_id": doc, "subject_id": subject_id, "subject": "苏州", "subject_name": "苏州",
            "indicator": indicator, "value": value, "unit": unit, "year": year, "kind": kind}


@pytest.mark.parametrize("a, b, reason", [
    (fact(1, "d1", 300), fact(2, "d2", 320), "value"),
    (fact(1, "d1", 300), fact(2, "d2", 302), None),  # within 1%
    (fact(1, "d1", 300, 2023), fact(2, "d2", 300, 2024), "year"),
    (fact(1, "d1", 300, 2023), fact(2, "d2", 350, 2024), None),  # a series, not a conflict
    (fact(1, "d1", 300, None), fact(2, "d2", 350, 2024), "value"),
    (fact(1, "d1", 300), fact(2, "d1", 320), None),  # one document
    (fact(1, "d1", 300), fact(2, "d2", 320, kind="target"), None),  # goal vs figure
    (fact(1, "d1", 300), fact(2, "d2", 320, subject_id=2), None),
    (fact(1, "d1", 300), fact(2, "d2", 320, indicator="生物医药 企业"), "value"),  # normalised indicator
])
def test_store_conflicts_rules(a, b, reason):
    found = find_conflicts([a, b])
    assert [c["reason"] for c in found] == ([reason] if reason else [])


def test_store_conflicts_name_both_documents(engine):
    first = make_doc("苏州现有生物医药企业300家。", mentions=[("Region", "苏州")],
                     facts=[("苏州", "生物医药企业", 300, "家", 2024)], file_name="report.txt", title="年度报告")
    second = make_doc("据统计苏州生物医药企业已达320家。", mentions=[("Region", "苏州")],
                      facts=[("苏州", "生物医药企业", 320, "家", 2024)], file_name="news.txt", title="新闻")
    for doc in (first, second):
        ingest_document(engine, doc, extract=lambda d: d)
    with engine.connect() as conn:
        conflicts = list_conflicts(conn)
    assert len(conflicts) == 1
    c = conflicts[0]
    assert c["subject"] == "苏州" and c["reason"] == "value"
    assert [(f["file_name"], f["title"], f["value"]) for f in c["facts"]] == [
        ("report.txt", "年度报告", 300.0), ("news.txt", "新闻", 320.0)]
    assert c["facts"][1]["quote"] == "据统计苏州生物医药企业已达320家。"
