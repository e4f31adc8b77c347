"""store/ingest.py on SQLite and PostgreSQL: one transaction per document,
idempotent by content hash, reextract touches one document only."""
from __future__ import annotations

from sqlalchemy import func, select

from cgtatlas.store.ingest import extractor_version, ingest_document, open_store
from cgtatlas.store.schema import aliases, documents, entities, entity_keys, facts, mentions, relations
from store_testing import db, dump_tables, engine, make_doc  # noqa: F401 (fixtures)


def keep(doc):
    return doc


def doc_a():
    return make_doc("星河细胞科技有限公司位于苏州。星河细胞科技有限公司研发XH-101。该公司员工300人。",
                    mentions=[("Company", "星河细胞科技有限公司"), ("Region", "苏州"), ("Product", "XH-101")],
                    relations=[("located_in", "星河细胞科技有限公司", "苏州"), ("develops", "星河细胞科技有限公司", "XH-101")],
                    facts=[("星河细胞科技有限公司", "员工", 300, "人", 2024)], file_name="a.txt")


def doc_b():
    return make_doc("远航生物落户苏州。远航生物与星河细胞科技有限公司合作。",
                    mentions=[("Company", "远航生物"), ("Region", "苏州"), ("Company", "星河细胞科技有限公司")],
                    relations=[("partner_of", "远航生物", "星河细胞科技有限公司")], file_name="b.txt")


def count(engine, table, **where):
    with engine.connect() as conn:
        q = select(func.count()).select_from(table)
        for col, value in where.items():
            q = q.where(table.c[col] == value)
        return conn.execute(q).scalar_one()


def test_store_ingest_stores_rows_with_evidence(engine):
    doc = doc_a()
    assert ingest_document(engine, doc, extract=keep) == "stored"
    assert count(engine, mentions) == 4 and count(engine, relations) == 2 and count(engine, facts) == 1
    with engine.connect() as conn:
        rel = conn.execute(select(relations).where(relations.c.type == "develops")).one()
        stored = conn.execute(select(documents)).one()
    assert rel.quote == "星河细胞科技有限公司研发XH-101。" and rel.doc_id == doc.id
    assert stored.file_name == "a.txt" and stored.text == doc.text and stored.sentences[0] == [0, 15]


def test_store_ingest_twice_changes_no_row(engine):
    ingest_document(engine, doc_a(), extract=keep)
    ingest_document(engine, doc_b(), extract=keep)
    before = dump_tables(engine)
    assert ingest_document(engine, doc_a(), extract=keep) == "unchanged"
    assert ingest_document(engine, doc_b(), extract=keep) == "unchanged"
    assert dump_tables(engine) == before


def test_store_ingest_runs_extract_only_when_needed(engine):
    calls = []

    def extract(doc):
        calls.append(doc.id)
        annotated = doc_a()
        doc.mentions, doc.relations, doc.facts = annotated.mentions, annotated.relations, annotated.facts
        return doc

    bare = doc_a()
    bare.mentions, bare.relations, bare.facts = [], [], []
    assert ingest_document(engine, bare, extract=extract) == "stored"
    assert ingest_document(engine, doc_a(), extract=extract) == "unchanged"
    assert calls == [bare.id] and count(engine, mentions) == 4


def test_store_ingest_records_extractor_version(engine):
    ingest_document(engine, doc_a())  # annotated already: the pipeline does not run
    with engine.connect() as conn:
        assert conn.execute(select(documents.c.extractor_version)).scalar_one() == extractor_version()
    assert extractor_version().startswith("0.1.0+")


def test_store_reextract_replaces_one_document_only(engine):
    ingest_document(engine, doc_a(), extract=keep)
    ingest_document(engine, doc_b(), extract=keep)
    b_id = doc_b().id
    b_rows = {t: rows for t, rows in dump_tables(engine).items() if t in ("mentions", "relations", "facts")}
    b_rows = {t: [r for r in rows if repr(b_id) in r] for t, rows in b_rows.items()}

    def new_extractor(doc):  # the product is now read as a technology-free, fact-free mention list
        doc.mentions = doc_a().mentions[:2]
        return doc

    bare = doc_a()
    bare.mentions, bare.relations, bare.facts = [], [], []
    assert ingest_document(engine, bare, reextract=True, extract=new_extractor) == "reextracted"
    a_id = bare.id
    assert count(engine, mentions, doc_id=a_id) == 2
    assert count(engine, relations, doc_id=a_id) == 0 and count(engine, facts, doc_id=a_id) == 0
    after = dump_tables(engine)
    for table, rows in b_rows.items():
        assert [r for r in after[table] if repr(b_id) in r] == rows
    assert count(engine, entities, name="XH-101") == 0  # orphaned: nothing points at it
    assert count(engine, entities, name="远航生物") == 1
    assert count(engine, documents) == 2


def test_store_reextract_of_unknown_document_stores_it(engine):
    assert ingest_document(engine, doc_a(), reextract=True, extract=keep) == "stored"


def test_store_reextract_same_extraction_keeps_entities(engine):
    ingest_document(engine, doc_a(), extract=keep)
    ingest_document(engine, doc_b(), extract=keep)

    def names():
        with engine.connect() as conn:
            return sorted(conn.execute(select(entities.c.name)).scalars())

    before = names()
    assert ingest_document(engine, doc_a(), reextract=True, extract=keep) == "reextracted"
    assert names() == before
    assert count(engine, mentions) == 4 + 4


def test_store_no_row_points_at_a_missing_document(engine):
    ingest_document(engine, doc_a(), extract=keep)
    ingest_document(engine, doc_b(), extract=keep)
    with engine.connect() as conn:
        for table in (mentions, relations, facts, entity_keys):
            missing = conn.execute(select(func.count()).select_from(table.outerjoin(documents, documents.c.id == table.c.doc_id))
                                   .where(documents.c.id.is_(None))).scalar_one()
            assert missing == 0, table.name
        dangling = conn.execute(select(func.count()).select_from(aliases.outerjoin(entities, entities.c.id == aliases.c.entity_id))
                                .where(entities.c.id.is_(None))).scalar_one()
        assert dangling == 0


def test_store_open_store_twice_keeps_data(db):
    engine = open_store(db)
    ingest_document(engine, doc_a(), extract=keep)
    engine.dispose()
    again = open_store(db)
    assert count(again, documents) == 1
    again.dispose()


def test_store_sqlite_uses_wal_and_foreign_keys(tmp_path):
    engine = open_store(str(tmp_path / "x.db"))
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    engine.dispose()
