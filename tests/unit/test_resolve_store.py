"""Resolution across documents through the store, on SQLite and PostgreSQL:
each rule with hand-built Documents, its recorded rule and evidence, and overrides."""
from __future__ import annotations

from sqlalchemy import func, select

from cgtatlas.resolve import load_overrides
from cgtatlas.store.ingest import ingest_document
from cgtatlas.store.schema import aliases, entities, entity_keys, mentions
from store_testing import db, engine, make_doc  # noqa: F401 (fixtures)


def keep(doc):
    return doc


def ingest(engine, *docs, overrides=None):
    for doc in docs:
        assert ingest_document(engine, doc, extract=keep, overrides=overrides) == "stored"


def entity_of(engine, surface):
    """The entity ids the mentions written `surface` point at."""
    with engine.connect() as conn:
        return set(conn.execute(select(mentions.c.entity_id).where(mentions.c.surface == surface)).scalars())


def n_entities(engine, etype):
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(entities).where(entities.c.type == etype)).scalar_one()


def test_resolve_store_region_prefix_and_legal_suffix(engine):
    full = make_doc("上海张江（集团）有限公司今年新建两栋孵化楼。", mentions=[("Company", "上海张江（集团）有限公司")])
    short = make_doc("张江集团表示将扩大投资。", mentions=[("Company", "张江集团")])
    ingest(engine, full, short)
    assert entity_of(engine, "上海张江（集团）有限公司") == entity_of(engine, "张江集团")
    with engine.connect() as conn:
        row = conn.execute(select(entity_keys.c.rule, entity_keys.c.evidence)
                           .where(entity_keys.c.form == "张江集团")).first()
        alias = conn.execute(select(aliases.c.alias, aliases.c.rule, aliases.c.evidence)).one()
    assert row.rule == "org_core" and row.evidence == "张江集团表示将扩大投资。"
    assert tuple(alias) == ("张江集团", "org_core", "张江集团表示将扩大投资。")


def test_resolve_store_park_and_company_stay_apart(engine):
    ingest(engine, make_doc("张江集团投资建设新楼。", mentions=[("Company", "张江集团")]),
           make_doc("这家企业落户张江。", mentions=[("Park", "张江")]))
    assert entity_of(engine, "张江集团") != entity_of(engine, "张江")
    assert n_entities(engine, "Park") == 1 and n_entities(engine, "Company") == 1


def test_resolve_store_companies_from_different_regions_stay_apart(engine):
    ingest(engine, make_doc("北京远航生物有限公司发布新品。", mentions=[("Company", "北京远航生物有限公司")]),
           make_doc("上海远航生物有限公司完成融资。", mentions=[("Company", "上海远航生物有限公司")]))
    assert n_entities(engine, "Company") == 2


def test_resolve_store_regulator_short_forms(engine):
    ingest(engine,
           make_doc("国家发改委印发通知。美国FDA批准了一款药物。", mentions=[("Agency", "国家发改委"), ("Agency", "美国FDA")]),
           make_doc("国家发展改革委召开会议。FDA授予孤儿药资格。", mentions=[("Agency", "国家发展改革委"), ("Agency", "FDA")]),
           make_doc("国家发展和改革委员会发布规划。美国食品药品管理局更新指南。",
                    mentions=[("Agency", "国家发展和改革委员会"), ("Agency", "美国食品药品管理局")]))
    assert len(entity_of(engine, "国家发改委") | entity_of(engine, "国家发展改革委") | entity_of(engine, "国家发展和改革委员会")) == 1
    assert len(entity_of(engine, "FDA") | entity_of(engine, "美国FDA") | entity_of(engine, "美国食品药品管理局")) == 1
    with engine.connect() as conn:
        names = sorted(conn.execute(select(entities.c.name)).scalars())
        rules = set(conn.execute(select(aliases.c.rule)).scalars())
    assert names == ["国家发展和改革委员会", "美国食品药品管理局"]
    assert rules == {"known_body"}


def test_resolve_store_in_document_alias_links_everywhere(engine):
    first = make_doc("星河细胞科技（苏州）有限公司（简称“启明星”）成立于2019年。启明星专注CAR-T。",
                     mentions=[("Company", "星河细胞科技（苏州）有限公司"), ("Company", "启明星", "星河细胞科技（苏州）有限公司")])
    later = make_doc("启明星宣布完成B轮融资。", mentions=[("Company", "启明星")])
    ingest(engine, first, later)
    assert len(entity_of(engine, "启明星") | entity_of(engine, "星河细胞科技（苏州）有限公司")) == 1
    with engine.connect() as conn:  # the alias records the rule and the sentence that made it
        alias = conn.execute(select(aliases.c.alias, aliases.c.rule, aliases.c.doc_id)).one()
    assert tuple(alias) == ("启明星", "in_document_alias", first.id)


def test_resolve_store_traditional_and_simplified_are_one(engine):
    ingest(engine, make_doc("遠航生物醫藥公司發佈公告。", mentions=[("Company", "遠航生物醫藥公司")]),
           make_doc("远航生物医药公司发布公告。", mentions=[("Company", "远航生物医药公司")]))
    assert n_entities(engine, "Company") == 1


def person_doc(text, org):
    return make_doc(text, mentions=[("Person", "李明"), ("Company", org)],
                    relations=[("affiliated_with", "李明", org)])


def test_resolve_store_people_merge_on_name_and_organisation(engine):
    ingest(engine, person_doc("星河细胞董事长李明致辞。", "星河细胞"),
           person_doc("星河细胞的李明接受采访。", "星河细胞"),
           person_doc("远航生物首席科学家李明发表报告。", "远航生物"))
    assert n_entities(engine, "Person") == 2
    with engine.connect() as conn:
        rules = set(conn.execute(select(entity_keys.c.rule).where(entity_keys.c.type == "Person")).scalars())
    assert "person_org" in rules


def test_resolve_store_people_without_organisation_stay_apart(engine):
    ingest(engine, make_doc("李明出席了会议。", mentions=[("Person", "李明")]),
           make_doc("李明发表讲话。", mentions=[("Person", "李明")]))
    assert n_entities(engine, "Person") == 2


def test_resolve_store_override_same_joins_names(engine, tmp_path):
    path = tmp_path / "overrides.tsv"
    path.write_text("same\t星河细胞\t银河生科\n", encoding="utf-8")
    docs = (make_doc("星河细胞发布年报。", mentions=[("Company", "星河细胞")]),
            make_doc("银河生科发布年报。", mentions=[("Company", "银河生科")]))
    ingest(engine, *docs, overrides=load_overrides(path))
    assert n_entities(engine, "Company") == 1
    with engine.connect() as conn:
        assert conn.execute(select(aliases.c.rule).where(aliases.c.alias == "银河生科")).scalar_one() == "override_same"


def test_resolve_store_override_different_keeps_names_apart(engine, tmp_path):
    path = tmp_path / "overrides.json"
    path.write_text('{"different": [["张江集团", "上海张江（集团）有限公司"]]}', encoding="utf-8")
    ingest(engine, make_doc("上海张江（集团）有限公司发布公告。", mentions=[("Company", "上海张江（集团）有限公司")]),
           make_doc("张江集团发布公告。", mentions=[("Company", "张江集团")]), overrides=load_overrides(path))
    assert n_entities(engine, "Company") == 2


def test_resolve_store_fullest_name_wins(engine):
    ingest(engine, make_doc("张江集团发布公告。", mentions=[("Company", "张江集团")]),
           make_doc("上海张江（集团）有限公司发布年报。", mentions=[("Company", "上海张江（集团）有限公司")]))
    with engine.connect() as conn:
        assert conn.execute(select(entities.c.name)).scalar_one() == "上海张江（集团）有限公司"
        assert list(conn.execute(select(aliases.c.alias)).scalars()) == ["张江集团"]
