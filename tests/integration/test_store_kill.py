"""Kill -9 a real batch-ingest process mid-run: every stored document is whole,
nothing points at a missing document, and re-running the batch completes it."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from cgtatlas.store.ingest import open_store, storable_relations
from cgtatlas.store.schema import documents, entities, entity_keys, facts, mentions, relations
from store_testing import db  # noqa: F401 (fixture)

WORKER = Path(__file__).with_name("store_kill_worker.py")
sys.path.insert(0, str(WORKER.parent))
from store_kill_worker import make_document, toy_extract  # noqa: E402

N_DOCS = 30


def start_worker(db_value: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(WORKER), db_value, str(N_DOCS)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def check_integrity(engine) -> int:
    """Assert every stored document has exactly its rows; return how many are stored."""
    expected = {}
    for number in range(N_DOCS):
        doc = toy_extract(make_document(number))
        expected[doc.id] = (len(doc.mentions), storable_relations(doc), len(doc.facts))
    with engine.connect() as conn:
        stored = list(conn.execute(select(documents.c.id)).scalars())
        for doc_id in stored:
            got = tuple(conn.execute(select(func.count()).select_from(t).where(t.c.doc_id == doc_id)).scalar_one()
                        for t in (mentions, relations, facts))
            assert got == expected[doc_id], doc_id
        for table in (mentions, relations, facts, entity_keys):
            orphans = conn.execute(select(func.count()).select_from(
                table.outerjoin(documents, documents.c.id == table.c.doc_id)).where(documents.c.id.is_(None))).scalar_one()
            assert orphans == 0, table.name
        missing_entities = conn.execute(select(func.count()).select_from(
            mentions.outerjoin(entities, entities.c.id == mentions.c.entity_id)).where(entities.c.id.is_(None))).scalar_one()
        assert missing_entities == 0
    return len(stored)


@pytest.mark.slow
def test_store_kill_mid_batch_leaves_whole_documents(db):
    open_store(db).dispose()  # tables exist before the worker races to create them
    worker = start_worker(db)
    seen = 0
    for line in worker.stdout:
        seen += line.startswith("stored")
        if seen == 5:
            os.kill(worker.pid, signal.SIGKILL)
            break
    worker.wait(timeout=60)
    assert worker.returncode == -signal.SIGKILL, worker.stderr.read()

    engine = open_store(db)
    stored = check_integrity(engine)
    assert 5 <= stored < N_DOCS

    rerun = start_worker(db)
    out, err = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, err
    assert out.count("unchanged") == stored and out.count("stored") == N_DOCS - stored
    assert check_integrity(engine) == N_DOCS
    engine.dispose()
