"""Write one Document into the store: one transaction, idempotent by content hash.

`ingest_document` runs extraction only when the document carries no
annotations yet, resolves its mentions to entities (resolve.py does the work,
this module reads and writes) and stores mentions, relations and facts with
their evidence. A document already stored is left alone ("unchanged") unless
`reextract=True`, which replaces that document's rows only and drops the
entities nothing points at any more.
"""
from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from datetime import datetime, timezone
from functools import lru_cache
from importlib import resources
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError, OperationalError

from cgtatlas import resolve
from cgtatlas.extract.pipeline import run_pipeline
from cgtatlas.model import Document
from cgtatlas.store.schema import (
    aliases, documents, entities, entity_keys, facts, make_engine, mentions, metadata, relations,
)

Extract = Callable[[Document], Document]
RETRIES = 3  # a concurrent writer may take the same new entity key first


def open_store(db: str) -> Engine:
    """An Engine on a SQLite path or postgresql:// URL, with the tables created."""
    engine = make_engine(db)
    metadata.create_all(engine)
    return engine


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """The package version plus a digest of the extraction code and lexicon files,
    so a stored document says which extractor produced its rows."""
    from cgtatlas import __version__

    digest = hashlib.sha256()
    for package in ("cgtatlas.extract", "cgtatlas.lexicon"):
        for item in sorted(resources.files(package).iterdir(), key=lambda p: p.name):
            if item.is_file() and item.name.endswith((".py", ".txt", ".tsv", ".json")):
                digest.update(item.name.encode() + item.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:10]}"


def ingest_document(engine: Engine, doc: Document, *, reextract: bool = False,
                    extract: Extract = run_pipeline,
                    overrides: resolve.Overrides | None = None) -> str:
    """Store `doc`; returns "stored", "unchanged" or "reextracted"."""
    if not reextract and is_stored(engine, doc.id):
        return "unchanged"
    if not (doc.mentions or doc.relations or doc.facts):
        doc = extract(doc)
    version = extractor_version() if extract is run_pipeline else "custom:" + getattr(extract, "__name__", "?")[:50]
    for attempt in range(1, RETRIES + 1):
        try:
            with engine.begin() as conn:
                return _write(conn, doc, reextract, version, overrides or resolve.Overrides())
        except (IntegrityError, OperationalError):
            if attempt == RETRIES:
                raise
            time.sleep(0.2 * attempt)
    raise AssertionError("unreachable")


def is_stored(engine: Engine, doc_id: str) -> bool:
    with engine.connect() as conn:
        return conn.execute(select(documents.c.id).where(documents.c.id == doc_id)).first() is not None


def _write(conn: Connection, doc: Document, reextract: bool, version: str,
           overrides: resolve.Overrides) -> str:
    stored = conn.execute(select(documents.c.id).where(documents.c.id == doc.id)).first() is not None
    if stored and not reextract:
        return "unchanged"
    touched: set[int] = set()
    if stored:
        touched = _clear_document(conn, doc.id)
        conn.execute(update(documents).where(documents.c.id == doc.id).values(_document_row(doc, version)))
    else:
        conn.execute(insert(documents).values(id=doc.id, **_document_row(doc, version)))
    names = _resolve_groups(conn, doc, overrides)
    _write_annotations(conn, doc, names)
    if stored:
        _drop_orphans(conn, touched)
        _refresh_aliases(conn, touched)
        return "reextracted"
    return "stored"


def _document_row(doc: Document, version: str) -> dict[str, Any]:
    return {
        "file_name": doc.file_name or doc.id, "path": doc.path, "title": doc.title,
        "date": (doc.date or None) and doc.date[:10], "source": doc.source, "text": doc.text,
        "original": doc.original, "offset_map": list(doc.offset_map),
        "sentences": [[s.start, s.end] for s in doc.sentences], "meta": _jsonable(doc.meta),
        "n_chars": len(doc.text), "extractor_version": version,
        "ingested_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }


def _jsonable(value: Any) -> Any:
    """Document.meta as plain JSON (stages may leave tuples or other objects)."""
    return json.loads(json.dumps(value, ensure_ascii=False, default=str))


def _clear_document(conn: Connection, doc_id: str) -> set[int]:
    """Delete one document's rows; return the entities they pointed at."""
    touched: set[int] = set()
    for table, cols in ((mentions, ("entity_id",)), (relations, ("head_id", "tail_id")),
                        (facts, ("subject_id",)), (entity_keys, ("entity_id",))):
        rows = conn.execute(select(*(table.c[c] for c in cols)).where(table.c.doc_id == doc_id))
        touched |= {v for row in rows for v in row if v is not None}
        conn.execute(delete(table).where(table.c.doc_id == doc_id))
    return touched


# ------------------------------------------------------------------ resolution wiring

class _Names:
    """In-document name key -> entity id (per type, and any type)."""

    def __init__(self) -> None:
        self.typed: dict[tuple[str, str], int] = {}
        self.any: dict[str, int] = {}

    def add(self, group: resolve.Group, entity_id: int) -> None:
        for form in group.forms:
            key = resolve.name_key(form)
            self.typed.setdefault((group.type, key), entity_id)
            self.any.setdefault(key, entity_id)

    def get(self, name: str, type: str | None = None) -> int | None:
        key = resolve.name_key(name)
        if type is not None and (type, key) in self.typed:
            return self.typed[(type, key)]
        return self.any.get(key)


def _resolve_groups(conn: Connection, doc: Document, overrides: resolve.Overrides) -> _Names:
    """Resolve every group (organisations before people, whose keys need them)."""
    groups = resolve.group_mentions(doc)
    names = _Names()
    for group in sorted(groups, key=lambda g: g.type == "Person"):
        org_ids = [i for org in group.orgs if (i := names.get(org)) is not None]
        keys = resolve.lookup_keys(group, overrides, org_ids=org_ids, doc_id=doc.id)
        known = _known_keys(conn, group.type, keys)
        forms = _entity_forms(conn, {k.entity_id for k in known})
        choice = resolve.choose_entity(keys, known, blocked=resolve.blocked_entities(group, forms, overrides))
        entity_id = choice.entity_id
        if entity_id is None:
            entity_id = _new_entity(conn, group, keys)
        else:
            _maybe_rename(conn, entity_id, group, choice.rule)
        _record_keys(conn, doc.id, entity_id, group, keys, choice)
        names.add(group, entity_id)
    return names


def _known_keys(conn: Connection, type: str, keys: list[resolve.LookupKey]) -> list[resolve.KnownKey]:
    if not keys:
        return []
    rows = conn.execute(select(entity_keys.c.entity_id, entity_keys.c.key, entity_keys.c.qualifier)
                        .where(entity_keys.c.type == type, entity_keys.c.key.in_({k.key for k in keys}))
                        .order_by(entity_keys.c.id))
    return [resolve.KnownKey(r.entity_id, r.key, r.qualifier or "") for r in rows]


def _entity_forms(conn: Connection, ids: set[int]) -> dict[int, set[str]]:
    out: dict[int, set[str]] = {i: set() for i in ids}
    if ids:
        rows = conn.execute(select(entity_keys.c.entity_id, entity_keys.c.key)
                            .where(entity_keys.c.entity_id.in_(ids), entity_keys.c.key.like("name:%")))
        for r in rows:
            out[r.entity_id].add(r.key[len("name:"):])
    return out


def _new_entity(conn: Connection, group: resolve.Group, keys: list[resolve.LookupKey]) -> int:
    name = resolve.new_entity_name(group)
    person_key = next((k.key for k in keys if k.key.startswith("person:")), None)
    primary = person_key or "name:" + resolve.name_key(name)
    key, n = primary, 1
    while conn.execute(select(entities.c.id).where(entities.c.type == group.type, entities.c.key == key)).first():
        n += 1
        key = f"{primary}#{n}"
    region = (resolve.org_core(name) or ("", ""))[1] if group.type == "Company" else ""
    result = conn.execute(insert(entities).values(type=group.type, name=name, key=key,
                                                  region=region or None, attributes={}))
    return result.inserted_primary_key[0]


def _maybe_rename(conn: Connection, entity_id: int, group: resolve.Group, rule: str) -> None:
    """An organisation is named by the fullest form seen (listed bodies keep the lexicon's)."""
    if group.type == "Person" or rule == "known_body" or resolve.known_body(group.name):
        return
    current = conn.execute(select(entities.c.name).where(entities.c.id == entity_id)).scalar_one()
    if len(group.name) > len(current) and resolve.known_body(current) is None:
        conn.execute(update(entities).where(entities.c.id == entity_id).values(name=group.name))
        conn.execute(delete(aliases).where(aliases.c.entity_id == entity_id,
                                           aliases.c.key == resolve.name_key(group.name)))
        key = resolve.name_key(current)  # the old name stays findable as an alias
        if not conn.execute(select(aliases.c.id).where(aliases.c.entity_id == entity_id, aliases.c.key == key)).first():
            conn.execute(insert(aliases).values(entity_id=entity_id, alias=current, key=key, rule=rule,
                                                evidence=group.quote))


def _record_keys(conn: Connection, doc_id: str, entity_id: int, group: resolve.Group,
                 keys: list[resolve.LookupKey], choice: resolve.Choice) -> None:
    """Store the group's keys (how later documents find this entity) and its aliases."""
    rows: dict[str, dict[str, Any]] = {}
    for form in group.forms:  # every form is a name of the entity, people included
        rule = _form_rule(form, group, choice)
        rows.setdefault("name:" + resolve.name_key(form), {"qualifier": "", "form": form, "rule": rule})
    for k in keys:
        rows.setdefault(k.key, {"qualifier": k.qualifier, "form": k.form, "rule": choice.rule})
    conn.execute(insert(entity_keys), [
        {"entity_id": entity_id, "doc_id": doc_id, "type": group.type, "key": key,
         "evidence": group.quote, **row} for key, row in rows.items()])
    name = conn.execute(select(entities.c.name).where(entities.c.id == entity_id)).scalar_one()
    have = set(conn.execute(select(aliases.c.key).where(aliases.c.entity_id == entity_id)).scalars())
    have.add(resolve.name_key(name))
    for form in group.forms:
        key = resolve.name_key(form)
        if key not in have:
            have.add(key)
            rule = rows["name:" + key]["rule"]
            conn.execute(insert(aliases).values(entity_id=entity_id, alias=form, key=key, rule=rule,
                                                evidence=group.quote, doc_id=doc_id))


def _form_rule(form: str, group: resolve.Group, choice: resolve.Choice) -> str:
    """Why this form names the entity: the lexicon, the document's own aliasing,
    or (the group's name) the rule that resolved the group."""
    if choice.rule not in ("override_same",) and resolve.known_body(form):
        return "known_body"
    return choice.rule if form == group.name else "in_document_alias"


def _write_annotations(conn: Connection, doc: Document, names: _Names) -> None:
    mention_rows = [
        {"doc_id": doc.id, "entity_id": names.get(m.name, m.type), "type": m.type, "surface": m.surface,
         "name": m.name, "start": m.start, "end": m.end, "quote": doc.evidence(m.start, m.end).quote}
        for m in doc.mentions]
    if mention_rows:
        conn.execute(insert(mentions), mention_rows)
    relation_rows = [row for r in doc.relations if (row := _relation_row(doc, r, names))]
    if relation_rows:
        conn.execute(insert(relations), relation_rows)
    fact_rows = [
        {"subject_id": names.get(f.subject), "subject": f.subject, "indicator": f.indicator,
         "value": float(f.value), "unit": f.unit, "comparator": f.comparator, "year": f.year,
         "kind": f.kind, "doc_id": doc.id, "start": f.evidence.start, "end": f.evidence.end,
         "quote": f.evidence.quote} for f in doc.facts]
    if fact_rows:
        conn.execute(insert(facts), fact_rows)
    _set_regions(conn, doc, names)


def _relation_row(doc: Document, r, names: _Names) -> dict[str, Any] | None:
    """A relation row; one whose head names nothing the document mentions is
    not storable (see `storable_relations`)."""
    head = names.get(r.head)
    if head is None:
        return None
    tail = None if r.type == "milestone" else names.get(r.tail)
    return {"type": r.type, "head_id": head, "tail_id": tail, "tail_label": None if tail else r.tail,
            "attributes": _jsonable(r.attributes), "doc_id": doc.id, "start": r.evidence.start,
            "end": r.evidence.end, "quote": r.evidence.quote}


def storable_relations(doc: Document) -> int:
    """How many of `doc`'s relations the store keeps (their head is a mention)."""
    heads = {resolve.name_key(f) for g in resolve.group_mentions(doc) for f in g.forms}
    return sum(resolve.name_key(r.head) in heads for r in doc.relations)


def _set_regions(conn: Connection, doc: Document, names: _Names) -> None:
    """An entity located_in a Region gets that region, unless it has one."""
    for r in doc.relations:
        head, tail = names.get(r.head), names.get(r.tail, "Region")
        if r.type != "located_in" or head is None or tail is None:
            continue
        tail_row = conn.execute(select(entities.c.type, entities.c.name).where(entities.c.id == tail)).first()
        if tail_row and tail_row.type == "Region":
            conn.execute(update(entities).where(entities.c.id == head, entities.c.region.is_(None))
                         .values(region=tail_row.name))


# ------------------------------------------------------------------ reextract clean-up

def _drop_orphans(conn: Connection, candidates: set[int]) -> None:
    """Delete entities nothing points at any more (their keys and aliases go with them)."""
    for entity_id in sorted(candidates):
        used = any(conn.execute(select(col).where(col == entity_id).limit(1)).first()
                   for col in (mentions.c.entity_id, relations.c.head_id, relations.c.tail_id,
                               facts.c.subject_id, entity_keys.c.entity_id))
        if not used:
            conn.execute(delete(aliases).where(aliases.c.entity_id == entity_id))
            conn.execute(delete(entities).where(entities.c.id == entity_id))


def _refresh_aliases(conn: Connection, entity_ids: set[int]) -> None:
    """Rebuild the aliases of entities a reextracted document touched from the
    resolution record, so forms only the old extraction saw disappear."""
    for entity_id in sorted(entity_ids):
        name = conn.execute(select(entities.c.name).where(entities.c.id == entity_id)).scalar()
        if name is None:
            continue
        conn.execute(delete(aliases).where(aliases.c.entity_id == entity_id))
        seen = {resolve.name_key(name)}
        rows = conn.execute(select(entity_keys).where(entity_keys.c.entity_id == entity_id,
                                                      entity_keys.c.key.like("name:%"))
                            .order_by(entity_keys.c.id))
        for row in rows:
            key = resolve.name_key(row.form)
            if key not in seen:
                seen.add(key)
                conn.execute(insert(aliases).values(entity_id=entity_id, alias=row.form, key=key,
                                                    rule=row.rule, evidence=row.evidence, doc_id=row.doc_id))
