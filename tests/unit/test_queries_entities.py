"""Entity queries (lists, profile, neighbourhood, graph) on SQLite and PostgreSQL."""
from __future__ import annotations

import json

import pytest
from queries_atlas import atlas, doc_id  # noqa: F401  (atlas is a fixture)

from cgtatlas.store import queries


def names(rows):
    return sorted(r["name"] for r in rows)


@pytest.mark.parametrize("filters, expected", [
    ({"type": "Agency"}, ["FDA", "国家药品监督管理局", "苏州市科学技术局"]),
    ({"region": "苏州", "type": "Company"}, ["星海生物"]),
    ({"region": "苏州市"}, ["星海生物", "星海生物研究院", "苏州市科学技术局", "苏州市细胞治疗产业行动方案", "苏州工业园区"]),
    ({"technology": "CAR-T"}, ["XH-19", "星海生物"]),
    ({"type": "Product", "technology": "CAR-T"}, ["XH-19"]),
    ({"technology": "iPSC"}, []),
])
def test_queries_list_entities_filters(atlas, filters, expected):
    engine, _ = atlas
    with engine.connect() as conn:
        assert names(queries.list_entities(conn, **filters)) == sorted(expected)


def test_queries_list_entities_sorts_and_pages(atlas):
    engine, _ = atlas
    with engine.connect() as conn:
        by_mentions = queries.list_entities(conn, sort="mentions", limit=2)
        second_page = queries.list_entities(conn, sort="mentions", limit=2, offset=1)
        by_name = queries.list_entities(conn, type="Agency")
    assert by_mentions[0]["name"] == "苏州工业园区" and by_mentions[0]["n_mentions"] == 6
    assert by_mentions[0]["n_documents"] == 3 and by_mentions[0]["aliases"] == ["园区"]
    assert second_page[0] == by_mentions[1]
    assert [e["name"] for e in by_name] == sorted(e["name"] for e in by_name)


def test_queries_find_entity_by_name_or_alias(atlas):
    engine, ids = atlas
    with engine.connect() as conn:
        assert queries.find_entity(conn, name="美国食品药品监督管理局")["id"] == ids["FDA"]
        assert queries.find_entity(conn, name="FDA", type="Agency")["id"] == ids["FDA"]
        assert queries.find_entity(conn, name="FDA", type="Company") is None
        assert queries.find_entity(conn, name="不存在的机构") is None


def test_queries_entity_profile_has_sources_everywhere(atlas):
    engine, ids = atlas
    with engine.connect() as conn:
        profile = queries.entity_profile(conn, entity_id=ids["XH-19"])
        park = queries.entity_profile(conn, entity_id=ids["苏州工业园区"])
        assert queries.entity_profile(conn, entity_id=99999) is None
    json.dumps(profile)  # JSON-ready
    groups = {(g["type"], g["direction"]): g["rows"] for g in profile["relations"]}
    developer = groups[("develops", "in")][0]
    assert (developer["other_name"], developer["other_type"]) == ("星海生物", "Company")
    assert developer["file_name"] == "news.txt" and developer["doc_title"] == "星海生物CAR-T新药获批临床"
    assert "自主研发的XH-19" in developer["quote"]
    milestones = {r["label"]: r for r in groups[("milestone", "out")]}
    assert milestones["孤儿药资格"]["attributes"] == {"authority": "FDA"}
    assert {m["doc_id"] for m in profile["mentions"]} == {doc_id("news.txt"), doc_id("plan.txt")}
    assert all(m["quote"] and "XH-19" in m["quote"] for m in profile["mentions"])
    assert sorted(f["value"] for f in park["facts"]) == [750, 800, 1000]
    assert all(f["file_name"] and f["quote"] for f in park["facts"])
    assert park["aliases"][0]["alias"] == "园区" and park["aliases"][0]["rule"] == "test"
    assert {d["file_name"] for d in park["documents"]} == {"news.txt", "plan.txt", "brief.txt"}


def test_queries_neighbours_grow_with_depth(atlas):
    engine, ids = atlas
    with engine.connect() as conn:
        one = queries.neighbours(conn, entity_id=ids["XH-19"], depth=1)
        two = queries.neighbours(conn, entity_id=ids["XH-19"], depth=2)
    assert names(one["nodes"]) == ["CAR-T", "CD19", "XH-19", "急性淋巴细胞白血病", "星海生物"]
    assert {"苏州工业园区", "细胞论坛"} <= set(names(two["nodes"]))
    depth = {n["name"]: n["depth"] for n in two["nodes"]}
    assert depth["XH-19"] == 0 and depth["星海生物"] == 1 and depth["苏州工业园区"] == 2
    node_ids = {n["id"] for n in two["nodes"]}
    assert all(e["source"] in node_ids and e["target"] in node_ids for e in two["edges"])
    assert {"source": ids["星海生物"], "target": ids["XH-19"], "type": "develops"}.items() <= \
        next(e for e in one["edges"] if e["type"] == "develops").items()


def test_queries_graph_filtered_keeps_seeds_and_their_neighbours(atlas):
    engine, ids = atlas
    with engine.connect() as conn:
        whole = queries.graph(conn)
        companies = queries.graph(conn, type="Company")
        small = queries.graph(conn, limit=3)
    assert len(whole["nodes"]) == 13 and len(whole["edges"]) == 9  # milestones have no tail entity
    seeds = [n["name"] for n in companies["nodes"] if n.get("seed")]
    assert seeds == ["星海生物"]
    assert {"XH-19", "苏州工业园区", "细胞论坛"} <= set(names(companies["nodes"]))
    assert len(small["nodes"]) == 3
