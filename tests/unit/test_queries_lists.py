"""List queries (pipeline, policies, events, regions, conflicts, counts, documents)
on SQLite and PostgreSQL."""
from __future__ import annotations

import json

from queries_atlas import DOCS, atlas, doc_id  # noqa: F401  (atlas is a fixture)

from cgtatlas.store import queries


def test_queries_product_pipeline_row(atlas):
    engine, ids = atlas
    with engine.connect() as conn:
        rows = queries.product_pipeline(conn)
    json.dumps(rows)
    assert [r["product"] for r in rows] == ["XH-19"]
    row = rows[0]
    assert row["product_id"] == ids["XH-19"]
    assert [c["name"] for c in row["companies"]] == ["星海生物"]
    assert [t["name"] for t in row["technologies"]] == ["CAR-T"]
    assert [t["name"] for t in row["targets"]] == ["CD19"]
    assert [d["name"] for d in row["diseases"]] == ["急性淋巴细胞白血病"]
    # oldest first; the date is the stating document's date
    assert [(m["label"], m["authority"], m["date"]) for m in row["milestones"]] == [
        ("孤儿药资格", "FDA", "2024-06-01"), ("临床试验许可", "国家药品监督管理局", "2025-03-01")]
    assert row["milestones"][0]["file_name"] == "plan.txt" and "孤儿药资格" in row["milestones"][0]["quote"]


def test_queries_policies_issuer_date_and_own_targets(atlas):
    engine, ids = atlas
    with engine.connect() as conn:
        rows = queries.policies(conn)
    assert len(rows) == 1
    policy = rows[0]
    assert policy["name"] == "苏州市细胞治疗产业行动方案" and policy["date"] == "2024-06-01"
    assert [i["name"] for i in policy["issuers"]] == ["苏州市科学技术局"]
    # only the plan's own goal: not the actual figures of other documents
    assert [(f["value"], f["comparator"], f["year"], f["file_name"]) for f in policy["targets"]] == [
        (1000, ">=", 2027, "plan.txt")]


def test_queries_events_venue_and_organisers(atlas):
    engine, _ = atlas
    with engine.connect() as conn:
        rows = queries.events(conn)
    assert [e["name"] for e in rows] == ["细胞论坛"]
    assert [x["name"] for x in rows[0]["held_at"]] == ["苏州工业园区"]
    assert rows[0]["organizers"] == [{"id": rows[0]["organizers"][0]["id"], "name": "星海生物",
                                      "type": "Company", "role": "承办"}]
    assert rows[0]["date"] is None  # its only document is undated


def test_queries_region_summary_through_parks_and_policy_names(atlas):
    engine, _ = atlas
    with engine.connect() as conn:
        rows = queries.region_summary(conn)
    assert [r["name"] for r in rows] == ["苏州"]
    suzhou = rows[0]
    assert [p["name"] for p in suzhou["parks"]] == ["苏州工业园区"]
    assert [c["name"] for c in suzhou["companies"]] == ["星海生物"]  # located_in the park
    assert [p["name"] for p in suzhou["policies"]] == ["苏州市细胞治疗产业行动方案"]
    assert suzhou["platforms"] == []


def test_queries_conflicts_name_both_documents(atlas):
    engine, _ = atlas
    with engine.connect() as conn:
        rows = queries.conflicts(conn)
    assert len(rows) == 1  # the 2027 goal is a target, not a conflicting actual figure
    c = rows[0]
    assert (c["subject"], c["indicator"], c["kind"], c["reason"]) == ("苏州工业园区", "生物医药企业", "actual", "value")
    assert sorted(c["documents"]) == sorted([doc_id("news.txt"), doc_id("brief.txt")])
    assert sorted((f["value"], f["file_name"]) for f in c["facts"]) == [(750, "brief.txt"), (800, "news.txt")]


def test_queries_counts_and_charts(atlas):
    engine, _ = atlas
    with engine.connect() as conn:
        counts = queries.counts(conn)
        years = queries.milestones_by_year(conn)
        techs = queries.technology_counts(conn)
    assert {k: counts[k] for k in ("documents", "entities", "relations", "facts", "conflicts")} == {
        "documents": 3, "entities": 13, "relations": 11, "facts": 3, "conflicts": 1}
    assert counts["by_type"][0] == ["Agency", 3] and dict(counts["by_type"])["Company"] == 1
    assert dict(counts["relations_by_type"])["milestone"] == 2
    assert years == [{"year": 2024, "count": 1, "labels": {"孤儿药资格": 1}},
                     {"year": 2025, "count": 1, "labels": {"临床试验许可": 1}}]
    assert [(t["name"], t["count"], t["n_products"]) for t in techs] == [("CAR-T", 1, 1)]


def test_queries_latest_documents_newest_first_undated_last(atlas):
    engine, _ = atlas
    with engine.connect() as conn:
        rows = queries.latest_documents(conn, limit=10)
        first = queries.latest_documents(conn, limit=1)
    assert [d["file_name"] for d in rows] == ["news.txt", "plan.txt", "brief.txt"]
    assert first[0]["title"] == "星海生物CAR-T新药获批临床" and rows[0]["n_mentions"] > 0


def test_queries_document_has_text_mentions_relations_facts(atlas):
    engine, ids = atlas
    with engine.connect() as conn:
        doc = queries.document(conn, doc_id=doc_id("news.txt"))
        assert queries.document(conn, doc_id="missing") is None
    json.dumps(doc)
    assert doc["text"] == DOCS["news.txt"][2] and doc["file_name"] == "news.txt"
    m = next(m for m in doc["mentions"] if m["surface"] == "XH-19")
    assert (m["entity_id"], m["entity_name"], m["entity_type"]) == (ids["XH-19"], "XH-19", "Product")
    assert doc["text"][m["start"]:m["end"]] == "XH-19"
    develops = next(r for r in doc["relations"] if r["type"] == "develops")
    assert (develops["head_name"], develops["tail_name"]) == ("星海生物", "XH-19")
    milestone = next(r for r in doc["relations"] if r["type"] == "milestone")
    assert milestone["tail_id"] is None and milestone["tail_label"] == "临床试验许可"
    assert [(f["subject"], f["value"]) for f in doc["facts"]] == [("苏州工业园区", 800)]
