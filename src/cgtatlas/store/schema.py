"""One schema, SQLAlchemy Core, for SQLite and PostgreSQL.

Every relation and fact row points at its evidence: document, span and quote.
"""
from __future__ import annotations

from sqlalchemy import (
    JSON, Column, Float, ForeignKey, Index, Integer, MetaData, String, Table, Text,
    UniqueConstraint, create_engine, event,
)
from sqlalchemy.engine import Engine

metadata = MetaData()

documents = Table(
    "documents", metadata,
    Column("id", String(64), primary_key=True),  # content hash of the cleaned text
    Column("file_name", Text, nullable=False),
    Column("path", Text),
    Column("title", Text),
    Column("date", String(10)),
    Column("source", Text),
    Column("text", Text, nullable=False),
    Column("original", Text),
    Column("offset_map", JSON),
    Column("sentences", JSON),  # [[start, end], ...]
    Column("meta", JSON),
    Column("n_chars", Integer),
    Column("extractor_version", String(64)),
    Column("ingested_at", String(32)),
)

entities = Table(
    "entities", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("type", String(32), nullable=False, index=True),
    Column("name", Text, nullable=False),
    Column("key", Text, nullable=False),  # normalised name used for resolution
    Column("region", Text),
    Column("attributes", JSON),
    UniqueConstraint("type", "key", name="uq_entities_type_key"),
)

aliases = Table(
    "aliases", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("entity_id", Integer, ForeignKey("entities.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("alias", Text, nullable=False),
    Column("key", Text, nullable=False, index=True),
    Column("rule", String(64)),  # which resolution rule linked this alias
    Column("evidence", Text),  # the quoted sentence behind the merge
    Column("doc_id", String(64), ForeignKey("documents.id", ondelete="SET NULL")),  # where it was read
    UniqueConstraint("entity_id", "key", name="uq_aliases_entity_key"),
)

mentions = Table(
    "mentions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("entity_id", Integer, ForeignKey("entities.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("type", String(32), nullable=False),
    Column("surface", Text, nullable=False),
    Column("name", Text),  # the in-document canonical name (Mention.name)
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("quote", Text),
)

relations = Table(
    "relations", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("type", String(32), nullable=False, index=True),
    Column("head_id", Integer, ForeignKey("entities.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("tail_id", Integer, ForeignKey("entities.id", ondelete="CASCADE"), index=True),
    Column("tail_label", Text),  # milestone labels have no tail entity
    Column("attributes", JSON),
    Column("doc_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("start", Integer),
    Column("end", Integer),
    Column("quote", Text),
)

facts = Table(
    "facts", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("subject_id", Integer, ForeignKey("entities.id", ondelete="CASCADE"), index=True),
    Column("subject", Text, nullable=False),
    Column("indicator", Text, nullable=False),
    Column("value", Float, nullable=False),
    Column("unit", Text),
    Column("comparator", Text),
    Column("year", Integer),
    Column("kind", Text),
    Column("doc_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("start", Integer),
    Column("end", Integer),
    Column("quote", Text),
)

Index("ix_facts_subject_indicator", facts.c.subject_id, facts.c.indicator)

# The resolution record: one row per (document, entity, lookup key). It says which
# name form of a document joined which entity, by which rule (`rule`: new,
# same_key, known_body, org_core, in_document_alias, person_org, override_same)
# and on what evidence (the quoted sentence). Later documents are resolved by
# looking their keys up here. Rows go with their document (reextract, delete).
entity_keys = Table(
    "entity_keys", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("entity_id", Integer, ForeignKey("entities.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("doc_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("type", String(32), nullable=False),
    Column("key", Text, nullable=False),  # "name:<normalised>", "body:<...>", "core:<...>", "person:<...>"
    Column("qualifier", Text, nullable=False, default=""),  # e.g. the region a core key was found with
    Column("form", Text, nullable=False),  # the name as the document wrote it
    Column("rule", String(64), nullable=False),
    Column("evidence", Text),
    UniqueConstraint("entity_id", "doc_id", "key", name="uq_entity_keys_entity_doc_key"),
)
Index("ix_entity_keys_type_key", entity_keys.c.type, entity_keys.c.key)


def database_url(db: str) -> str:
    """A SQLite file path or any SQLAlchemy URL -> SQLAlchemy URL."""
    if "://" in db:
        if db.startswith("postgresql://"):
            return "postgresql+psycopg://" + db[len("postgresql://"):]
        return db
    return f"sqlite:///{db}"


def make_engine(db: str) -> Engine:
    """An Engine for a SQLite path or a URL. SQLite connections turn foreign keys
    on, use WAL (readers never block the writer) and wait for a busy writer."""
    url = database_url(db)
    if not url.startswith("sqlite"):
        return create_engine(url, future=True, pool_pre_ping=True)
    engine = create_engine(url, future=True, connect_args={"timeout": 30})
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()
