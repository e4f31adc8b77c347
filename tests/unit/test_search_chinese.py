"""Chinese-aware search on SQLite and PostgreSQL: short and long queries,
ranking, escaped highlights, filters, and an index that follows the documents."""
from __future__ import annotations

import pytest
from queries_atlas import atlas, doc_id  # noqa: F401  (atlas is a fixture)
from sqlalchemy import func, select

from cgtatlas.store import search as store_search
from cgtatlas.store.schema import documents


def run(engine, query, **filters):
    with engine.connect() as conn:
        return store_search.search(conn, query, **filters)


def files(found):
    return [d["file_name"] for d in found["documents"]]


@pytest.mark.parametrize("query, entity, doc_files", [
    ("院", "星海生物研究院", ["news.txt"]),  # one character: scanned
    ("靶向", None, ["news.txt"]),  # two characters
    ("园区", "苏州工业园区", ["brief.txt", "news.txt", "plan.txt"]),  # an alias
    ("生物医药企业", None, ["brief.txt", "news.txt", "plan.txt"]),
    ("急性淋巴细胞白血病", "急性淋巴细胞白血病", ["news.txt"]),
    ("car-t", "CAR-T", ["news.txt"]),  # Latin, any case, split by punctuation
    ("CAR-T 苏州", None, ["news.txt"]),  # every word must match
    ("標記", None, ["brief.txt"]),  # Traditional query, Simplified text
])
def test_search_finds_short_and_long_queries(atlas, query, entity, doc_files):
    engine, _ = atlas
    found = run(engine, query)
    if entity:
        assert found["entities"][0]["name"] == entity
    assert sorted(files(found)) == doc_files


def test_search_exact_name_ranks_first(atlas):
    engine, _ = atlas
    found = run(engine, "苏州")
    # the region has one mention, the park six: the exact name still wins
    assert found["entities"][0]["name"] == "苏州"
    assert found["entities"][0]["match"] == "name" and found["entities"][0]["score"] == 0
    assert {e["name"] for e in found["entities"]} >= {"苏州工业园区", "苏州市科学技术局"}
    alias_hit = run(engine, "美国食品药品监督管理局")["entities"][0]
    assert (alias_hit["name"], alias_hit["match"]) == ("FDA", "alias")
    assert "<mark>美国食品药品监督管理局</mark>" in alias_hit["snippet"]


def test_search_ranks_title_hits_and_counts_hits(atlas):
    engine, _ = atlas
    found = run(engine, "星海生物")
    assert files(found)[0] == "news.txt"  # in the title, and most often
    assert found["documents"][0]["title_html"].startswith("<mark>星海生物</mark>")


def test_search_snippets_highlight_and_escape(atlas):
    engine, _ = atlas
    snippet = run(engine, "标记")["documents"][0]["snippet"]
    assert "&lt;b&gt;<mark>标记</mark>&lt;/b&gt;" in snippet
    assert "<b>" not in snippet
    tag = run(engine, "<b>")["documents"][0]["snippet"]
    assert "<mark>&lt;b&gt;</mark>" in tag


def test_search_needs_contiguous_terms_not_just_bigrams(atlas):
    engine, _ = atlas
    # 药企 企业 业园 all occur in the atlas, but never as 药企业园
    assert run(engine, "药企业园")["documents"] == []


@pytest.mark.parametrize("filters, entity_names, doc_files", [
    ({"type": "Park"}, ["苏州工业园区"], ["brief.txt", "news.txt", "plan.txt"]),
    ({"type": "Policy"}, ["苏州市细胞治疗产业行动方案"], ["plan.txt"]),
    ({"type": "Region"}, ["苏州"], ["plan.txt"]),
    ({"region": "苏州"}, ["苏州工业园区", "苏州市细胞治疗产业行动方案", "苏州市科学技术局"], ["plan.txt"]),
])
def test_search_filters_by_type_and_region(atlas, filters, entity_names, doc_files):
    engine, _ = atlas
    found = run(engine, "苏州", **filters)
    assert sorted(e["name"] for e in found["entities"]) == sorted(entity_names)
    assert sorted(files(found)) == doc_files


def test_search_index_follows_new_and_removed_documents(atlas):
    engine, _ = atlas
    assert run(engine, "类器官")["documents"] == []
    text = "园区新闻\n类器官平台在园区揭牌。"
    with engine.begin() as conn:
        conn.execute(documents.insert().values(id="new-doc", file_name="new.txt", title="园区新闻",
                                               text=text, n_chars=len(text)))
    assert files(run(engine, "类器官")) == ["new.txt"]  # indexed lazily
    with engine.begin() as conn:
        conn.execute(documents.delete().where(documents.c.id == "new-doc"))
        n_grams = conn.execute(select(func.count()).select_from(store_search.search_grams)
                               .where(store_search.search_grams.c.doc_id == "new-doc")).scalar_one()
    assert n_grams > 0
    assert run(engine, "类器官")["documents"] == []
    with engine.connect() as conn:
        assert not store_search.is_stale(conn)
        assert conn.execute(select(func.count()).select_from(store_search.search_grams)
                            .where(store_search.search_grams.c.doc_id == "new-doc")).scalar_one() == 0


def test_search_index_document_and_reindex(atlas):
    engine, _ = atlas
    with engine.begin() as conn:
        assert store_search.reindex(conn) == 3
        assert store_search.reindex(conn) == 0  # nothing stale
        assert store_search.index_document(conn, doc_id("plan.txt")) > 10
        assert store_search.index_document(conn, "absent") == 0
        assert store_search.reindex(conn, full=True) == 3
        assert not store_search.is_stale(conn)


def test_search_grams_and_terms():
    assert store_search.grams("CAR-T细胞，") == {"ca": 1, "ar": 1, "t细": 1, "细胞": 1}
    assert store_search.grams("园") == {}
    assert store_search.query_terms("  苏州   園區 ") == ["苏州", "园区"]
