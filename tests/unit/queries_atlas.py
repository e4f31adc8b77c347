"""A small hand-made atlas for the store-read tests (queries, search, export).

Rows are written straight into the schema tables, so these tests do not depend
on extraction or resolution. Names and sentences are invented for the tests.
`engine_for` gives a fresh store on SQLite (a tmp_path file) or on a database
of its own on the test PostgreSQL server.
"""
from __future__ import annotations

import hashlib
import uuid
from contextlib import contextmanager

import pytest
from sqlalchemy import create_engine, text

from cgtatlas.store.schema import (
    aliases, database_url, documents, entities, facts, make_engine, mentions, metadata, relations,
)

DOCS = {
    "news.txt": ("2025-03-01", "星海生物CAR-T新药获批临床",
                 "星海生物CAR-T新药获批临床\n星海生物位于苏州工业园区。\n"
                 "星海生物自主研发的XH-19是一款CAR-T产品，靶向CD19，用于治疗急性淋巴细胞白血病。\n"
                 "XH-19获得国家药品监督管理局的临床试验许可。\n苏州工业园区已聚集生物医药企业800家。\n"
                 "星海生物研究院与星海生物研究院附属实验室开展合作。"),
    "plan.txt": ("2024-06-01", "苏州市细胞治疗产业行动方案",
                 "苏州市细胞治疗产业行动方案\n苏州市科学技术局印发《苏州市细胞治疗产业行动方案》。\n"
                 "到2027年，苏州工业园区生物医药企业达到1000家以上。\n"
                 "XH-19获得FDA授予的孤儿药资格。\n苏州工业园区位于苏州。"),
    "brief.txt": (None, "园区简报",
                  "园区简报\n苏州工业园区生物医药企业共750家。\n"
                  "细胞论坛在苏州工业园区举办，由星海生物承办。\n简报中的<b>标记</b>要按原样显示。"),
}

# (type, name, region, aliases, surfaces found in the text)
ENTITIES = [
    ("Company", "星海生物", "苏州", [], ["星海生物"]),
    ("Academic", "星海生物研究院", "苏州", [], ["星海生物研究院"]),
    ("Product", "XH-19", None, [], ["XH-19"]),
    ("Technology", "CAR-T", None, [], ["CAR-T"]),
    ("Target", "CD19", None, [], ["CD19"]),
    ("Disease", "急性淋巴细胞白血病", None, [], ["急性淋巴细胞白血病"]),
    ("Park", "苏州工业园区", "苏州", ["园区"], ["苏州工业园区"]),
    ("Region", "苏州", None, ["苏州市"], ["苏州"]),
    ("Agency", "国家药品监督管理局", None, ["NMPA"], ["国家药品监督管理局"]),
    ("Agency", "FDA", None, ["美国食品药品监督管理局"], ["FDA"]),
    ("Policy", "苏州市细胞治疗产业行动方案", "苏州", [], ["苏州市细胞治疗产业行动方案"]),
    ("Agency", "苏州市科学技术局", "苏州", [], ["苏州市科学技术局"]),
    ("Event", "细胞论坛", None, [], ["细胞论坛"]),
]

# (doc, type, head, tail or label, anchor text, attributes)
RELATIONS = [
    ("news.txt", "located_in", "星海生物", "苏州工业园区", "星海生物位于苏州工业园区", {}),
    ("plan.txt", "located_in", "苏州工业园区", "苏州", "苏州工业园区位于苏州", {}),
    ("news.txt", "develops", "星海生物", "XH-19", "星海生物自主研发的XH-19", {}),
    ("news.txt", "uses_technology", "XH-19", "CAR-T", "CAR-T产品", {}),
    ("news.txt", "targets", "XH-19", "CD19", "靶向CD19", {}),
    ("news.txt", "treats", "XH-19", "急性淋巴细胞白血病", "用于治疗急性淋巴细胞白血病", {}),
    ("news.txt", "milestone", "XH-19", "临床试验许可", "临床试验许可", {"authority": "国家药品监督管理局"}),
    ("plan.txt", "milestone", "XH-19", "孤儿药资格", "孤儿药资格", {"authority": "FDA"}),
    ("plan.txt", "issued_by", "苏州市细胞治疗产业行动方案", "苏州市科学技术局", "苏州市科学技术局印发", {}),
    ("brief.txt", "held_at", "细胞论坛", "苏州工业园区", "在苏州工业园区举办", {}),
    ("brief.txt", "organized_by", "细胞论坛", "星海生物", "由星海生物承办", {"role": "承办"}),
]

# (doc, subject, indicator, value, unit, comparator, year, kind, anchor)
FACTS = [
    ("news.txt", "苏州工业园区", "生物医药企业", 800, "家", "=", None, "actual", "生物医药企业800家"),
    ("brief.txt", "苏州工业园区", "生物医药企业", 750, "家", "=", None, "actual", "生物医药企业共750家"),
    ("plan.txt", "苏州工业园区", "生物医药企业", 1000, "家", ">=", 2027, "target", "达到1000家以上"),
]


def doc_id(file_name: str) -> str:
    return hashlib.sha256(DOCS[file_name][2].encode()).hexdigest()[:16]


def sentence(text: str, start: int) -> str:
    begin = text.rfind("\n", 0, start) + 1
    end = text.find("\n", start)
    return text[begin:end if end >= 0 else len(text)]


def build_atlas(engine) -> dict[str, int]:
    """Write the atlas; returns entity name -> id."""
    ids: dict[str, int] = {}
    with engine.begin() as conn:
        for name, (date, title, body) in DOCS.items():
            conn.execute(documents.insert().values(
                id=doc_id(name), file_name=name, path=f"/in/{name}", title=title, date=date, source="测试",
                text=body, original=body, n_chars=len(body), ingested_at=f"2026-11-2{len(ids)}T00:00:00"))
        for type_, name, region, names, surfaces in ENTITIES:
            ids[name] = conn.execute(entities.insert().values(
                type=type_, name=name, key=name.lower(), region=region, attributes={})).inserted_primary_key[0]
            for alias in [name, *names]:
                conn.execute(aliases.insert().values(entity_id=ids[name], alias=alias, key=alias.lower(),
                                                     rule="exact" if alias == name else "test"))
        for type_, name, _, _, surfaces in ENTITIES:
            _write_mentions(conn, ids[name], type_, surfaces)
        for file_name, type_, head, tail, anchor, attrs in RELATIONS:
            body, start = DOCS[file_name][2], DOCS[file_name][2].index(anchor)
            conn.execute(relations.insert().values(
                type=type_, head_id=ids[head], tail_id=ids.get(tail) if type_ != "milestone" else None,
                tail_label=tail if type_ == "milestone" else None, attributes=attrs, doc_id=doc_id(file_name),
                start=start, end=start + len(anchor), quote=sentence(body, start)))
        for file_name, subject, indicator, value, unit, comparator, year, kind, anchor in FACTS:
            body, start = DOCS[file_name][2], DOCS[file_name][2].index(anchor)
            conn.execute(facts.insert().values(
                subject_id=ids[subject], subject=subject, indicator=indicator, value=value, unit=unit,
                comparator=comparator, year=year, kind=kind, doc_id=doc_id(file_name), start=start,
                end=start + len(anchor), quote=sentence(body, start)))
    return ids


def _write_mentions(conn, entity_id: int, type_: str, surfaces: list[str]) -> None:
    """Every occurrence of a surface that is not inside a longer name
    (so 星海生物 inside 星海生物研究院 is not a 星海生物 mention)."""
    longer = [n for _, n, _, _, _ in ENTITIES]
    for file_name, (_, _, body) in DOCS.items():
        for surface in surfaces:
            start = body.find(surface)
            while start >= 0:
                inside = any(n != surface and surface in n and start >= n.find(surface)
                             and body[start - n.find(surface):start - n.find(surface) + len(n)] == n
                             for n in longer)
                if not inside:
                    conn.execute(mentions.insert().values(
                        doc_id=doc_id(file_name), entity_id=entity_id, type=type_, surface=surface,
                        start=start, end=start + len(surface), quote=sentence(body, start)))
                start = body.find(surface, start + 1)


@contextmanager
def engine_for(kind: str, tmp_path, pg_url: str | None):
    """A fresh, empty store with the tables created."""
    if kind == "sqlite":
        engine = make_engine(str(tmp_path / "atlas.db"))
        metadata.create_all(engine)
        yield engine
        engine.dispose()
        return
    name = f"cgtatlas_read_{uuid.uuid4().hex[:10]}"
    admin = create_engine(database_url(pg_url), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))  # name is ours, not input
    engine = make_engine(pg_url.rsplit("/", 1)[0] + "/" + name)
    metadata.create_all(engine)
    try:
        yield engine
    finally:
        engine.dispose()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


ENGINES = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(params=ENGINES)
def atlas(request, tmp_path):
    """(engine, entity ids) of the hand-made atlas, on each engine."""
    pg_url = request.getfixturevalue("pg_url") if request.param == "postgres" else None
    with engine_for(request.param, tmp_path, pg_url) as engine:
        yield engine, build_atlas(engine)
