"""Helpers for the store tests: a fresh database per test on each engine, and
Documents built by hand (imported by tests/unit and tests/integration)."""
from __future__ import annotations

import re
import uuid
from contextlib import contextmanager

import pytest
from sqlalchemy import create_engine, text

from cgtatlas.model import Document, Fact, Mention, Relation, Span
from cgtatlas.store.schema import database_url, metadata


@contextmanager
def pg_schema(url: str):
    """A `--db` URL whose tables live in a fresh PostgreSQL schema, dropped afterwards."""
    schema = "t_" + uuid.uuid4().hex[:12]
    admin = create_engine(database_url(url))
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    try:
        yield f"{url}?options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:  # a leaked connection must fail the test, not hang it
            conn.execute(text("SET LOCAL lock_timeout = '20s'"))
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db(request, tmp_path):
    """A `--db` value for an empty store: a SQLite file, or a PostgreSQL schema of its own."""
    if request.param == "sqlite":
        yield str(tmp_path / "atlas.db")
        return
    with pg_schema(request.getfixturevalue("pg_url")) as url:
        yield url


@pytest.fixture
def engine(db):
    from cgtatlas.store.ingest import open_store

    eng = open_store(db)
    yield eng
    eng.dispose()


def make_doc(text_: str, *, mentions=(), relations=(), facts=(), file_name="doc.txt", title="") -> Document:
    """A Document over `text_`. mentions: (type, surface[, name]) found at each
    occurrence; relations: (type, head, tail); facts: (subject, indicator, value,
    unit[, year[, kind]]) whose evidence is the sentence naming the subject."""
    import hashlib

    sentences = [Span(m.start(), m.end()) for m in re.finditer(r"[^。]+。?", text_)]
    doc = Document(id=hashlib.sha256(text_.encode()).hexdigest()[:16], text=text_, file_name=file_name,
                   title=title or file_name, sentences=sentences, original=text_)
    taken: list[tuple[int, int]] = []
    for spec in sorted(mentions, key=lambda s: -len(s[1])):  # longest first; no overlaps
        etype, surface, name = (*spec, spec[1])[:3]
        for m in re.finditer(re.escape(surface), text_):
            if not any(m.start() < e and s < m.end() for s, e in taken):
                taken.append(m.span())
                doc.mentions.append(Mention(etype, surface, m.start(), m.end(), name=name))
    for rtype, head, tail in relations:  # evidence: the first sentence naming both ends
        both = [s for s in sentences if head in text_[s.start:s.end] and tail in text_[s.start:s.end]]
        at = text_.find(head, both[0].start) if both else max(text_.find(head), 0)
        doc.relations.append(Relation(rtype, head, tail, doc.evidence(at, at + len(head))))
    for spec in facts:
        subject, indicator, value, unit, *rest = spec
        year, kind = (rest + [None, "actual"][len(rest):])[:2]
        at = max(text_.find(indicator), 0)
        doc.facts.append(Fact(subject, indicator, value, unit, doc.evidence(at, at + len(indicator)),
                              year=year, kind=kind))
    return doc


def dump_tables(engine) -> dict[str, list[tuple]]:
    """Every row of every table, sorted: two dumps are equal when no row changed."""
    out = {}
    with engine.connect() as conn:
        for table in metadata.sorted_tables:
            rows = conn.execute(table.select()).all()
            out[table.name] = sorted((tuple(repr(v) for v in row) for row in rows))
    return out
