"""The seeds and the samples through the real reader and extraction into SQLite
and PostgreSQL (integration: these depend on extraction quality too)."""
from __future__ import annotations

import copy

import pytest

from cgtatlas.cli_parts.store import entity_report, store_stats
from cgtatlas.store.conflicts import list_conflicts
from cgtatlas.store.ingest import ingest_document, open_store
from store_testing import dump_tables, pg_schema

pytestmark = pytest.mark.seeds


@pytest.fixture(scope="module")
def corpus(seeds_dir, samples_dir, tmp_path_factory):
    """Every seed and sample read and extracted once (no store)."""
    from cgtatlas.extract.pipeline import run_pipeline
    from cgtatlas.ingest.batch import ingest_paths
    from cgtatlas.settings import get_settings

    settings = get_settings(db=str(tmp_path_factory.mktemp("unused") / "x.db"))
    report = ingest_paths([seeds_dir, samples_dir], settings, store=False, progress=False)
    docs = [run_pipeline(o.document) for o in report.outcomes if o.document is not None]
    assert len(docs) >= 10
    return docs


def build(db_value, docs):
    engine = open_store(db_value)
    outcomes = [ingest_document(engine, copy.deepcopy(doc)) for doc in docs]
    return engine, outcomes


@pytest.fixture
def sqlite_atlas(tmp_path, corpus):
    engine, outcomes = build(str(tmp_path / "atlas.db"), corpus)
    assert set(outcomes) == {"stored"}
    yield engine
    engine.dispose()


@pytest.mark.postgres
def test_store_seeds_same_stats_on_sqlite_and_postgresql(corpus, sqlite_atlas, pg_url):
    with pg_schema(pg_url) as pg_db:
        pg_engine, outcomes = build(pg_db, corpus)
        assert set(outcomes) == {"stored"}
        with sqlite_atlas.connect() as a, pg_engine.connect() as b:
            assert store_stats(a) == store_stats(b)
        pg_engine.dispose()


def test_store_seeds_second_ingest_changes_nothing(corpus, sqlite_atlas):
    before = dump_tables(sqlite_atlas)
    assert {ingest_document(sqlite_atlas, copy.deepcopy(doc)) for doc in corpus} == {"unchanged"}
    assert dump_tables(sqlite_atlas) == before


@pytest.mark.parametrize("name, alias", [("FDA", "美国FDA"), ("国家发展和改革委员会", "国家发改委")])
def test_store_seeds_regulator_is_one_entity_across_documents(sqlite_atlas, name, alias):
    with sqlite_atlas.connect() as conn:
        report = entity_report(conn, name)
        by_alias = entity_report(conn, alias)
    assert report["type"] == "Agency" and not report["other_matches"]
    assert len({s["doc_id"] for s in report["sources"]}) >= 2
    assert by_alias["id"] == report["id"]


def test_store_seeds_sample_restating_a_figure_is_a_conflict(sqlite_atlas, samples_dir, seeds_dir):
    with sqlite_atlas.connect() as conn:
        conflicts = list_conflicts(conn)
    seeds = {p.name for p in seeds_dir.iterdir()}
    samples = {p.name for p in samples_dir.iterdir()}
    across = [c for c in conflicts
              if {f["file_name"] for f in c["facts"]} & seeds and {f["file_name"] for f in c["facts"]} & samples]
    assert across, conflicts
    assert all(f["quote"] for c in across for f in c["facts"])
