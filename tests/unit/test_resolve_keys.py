"""resolve.py as pure functions: normalisation, rule keys, overrides, decisions."""
from __future__ import annotations

import pytest

from cgtatlas.model import Document, Mention
from cgtatlas.resolve import (
    Group, KnownKey, LookupKey, OverridesError, blocked_entities, choose_entity, group_mentions,
    known_body, load_overrides, lookup_keys, name_key, org_core, overrides_from_pairs, Overrides,
)


@pytest.mark.parametrize("a, b", [
    ("上海张江（集团）有限公司", "上海张江(集团)有限公司"),  # full-width brackets
    ("張江集團", "张江集团"),  # Traditional
    ("细 胞 治 疗", "细胞治疗"),  # OCR spaces
    ("“星河生物”", "星河生物"),  # quotes
    ("ＣＡＲ－Ｔ", "car-t"),  # full-width Latin
])
def test_resolve_name_key_unifies_forms(a, b):
    assert name_key(a) == name_key(b)


def test_resolve_name_key_keeps_different_names_apart():
    assert name_key("张江") != name_key("张江集团")


@pytest.mark.parametrize("name, core", [
    ("上海张江（集团）有限公司", ("张江", "上海")),
    ("张江集团", ("张江", "")),
    ("星河细胞科技（苏州）有限公司", ("星河细胞科技", "苏州")),
    ("北京远航生物股份有限公司", ("远航生物", "北京")),
    ("上海医药集团股份有限公司", ("上海医药", "")),  # the region is part of the name itself
    ("北京生物科技有限公司", ("北京生物科技", "")),
])
def test_resolve_org_core_strips_region_and_legal_form(name, core):
    assert org_core(name) == core


@pytest.mark.parametrize("name", ["生物科技有限公司", "上海市", "集团", "医药公司"])
def test_resolve_org_core_refuses_generic_remainders(name):
    assert org_core(name) is None


@pytest.mark.parametrize("form, full", [
    ("国家发改委", "国家发展和改革委员会"), ("国家发展改革委", "国家发展和改革委员会"),
    ("FDA", "美国食品药品管理局"), ("美国FDA", "美国食品药品管理局"), ("ＦＤＡ", "美国食品药品管理局"),
])
def test_resolve_known_body_short_forms(form, full):
    assert known_body(form) == full


def test_resolve_group_mentions_collects_forms_and_person_orgs():
    text = "星河细胞科技有限公司（简称星河细胞）董事长李明说，星河细胞将扩产。"
    doc = Document(id="d", text=text)
    doc.mentions = [Mention("Company", "星河细胞科技有限公司", 0, 10),
                    Mention("Company", "星河细胞", 13, 17, name="星河细胞科技有限公司"),
                    Mention("Person", "李明", 21, 23),
                    Mention("Company", "星河细胞", 25, 29, name="星河细胞科技有限公司")]
    from cgtatlas.model import Relation
    doc.relations = [Relation("affiliated_with", "李明", "星河细胞科技有限公司", doc.evidence(21, 23))]
    groups = group_mentions(doc)
    assert [(g.type, g.name, g.forms) for g in groups] == [
        ("Company", "星河细胞科技有限公司", ["星河细胞科技有限公司", "星河细胞"]), ("Person", "李明", ["李明"])]
    assert groups[1].orgs == ["星河细胞科技有限公司"]


def test_resolve_person_keys_need_an_organisation():
    person = Group("Person", "李明", ["李明"], "李明说。")
    with_org = lookup_keys(person, Overrides(), org_ids=[7], doc_id="d1")
    without = lookup_keys(person, Overrides(), org_ids=[], doc_id="d1")
    assert [k.key for k in with_org] == ["person:李明@7"]
    assert [k.key for k in without] == ["person:李明@doc:d1"]  # never meets another document's 李明


def test_resolve_choose_entity_first_unique_key_wins():
    keys = [LookupKey("name:张江集团", "张江集团", "same_key"), LookupKey("core:张江", "张江集团", "org_core")]
    choice = choose_entity(keys, [KnownKey(3, "core:张江", "上海")])
    assert (choice.entity_id, choice.rule) == (3, "org_core")
    assert choose_entity(keys, []).entity_id is None


def test_resolve_choose_entity_regions_must_not_disagree():
    keys = [LookupKey("core:远航生物", "北京远航生物有限公司", "org_core", "北京")]
    assert choose_entity(keys, [KnownKey(5, "core:远航生物", "上海")]).entity_id is None
    assert choose_entity(keys, [KnownKey(5, "core:远航生物", "")]).entity_id == 5


def test_resolve_choose_entity_ambiguous_core_makes_a_new_entity():
    keys = [LookupKey("core:远航生物", "远航生物", "org_core")]
    known = [KnownKey(5, "core:远航生物", "上海"), KnownKey(6, "core:远航生物", "北京")]
    assert choose_entity(keys, known).entity_id is None


def test_resolve_overrides_tsv_same_and_different(tmp_path):
    path = tmp_path / "overrides.tsv"
    path.write_text("# corrections\nsame\t星河细胞\t银河细胞\nsame\t银河细胞\tGalaxy Cell\n"
                    "different\t张江集团\t上海张江（集团）有限公司\n", encoding="utf-8")
    overrides = load_overrides(path)
    assert overrides.same_as(name_key("星河细胞")) == {"星河细胞", "银河细胞", "galaxycell"}
    assert overrides.apart({name_key("张江集团")}, {name_key("上海张江(集团)有限公司")})
    assert not overrides.apart({"张江集团"}, {"张江"})


def test_resolve_overrides_json(tmp_path):
    path = tmp_path / "overrides.json"
    path.write_text('{"same": [["甲公司", "乙公司"]], "different": [["丙", "丁"]]}', encoding="utf-8")
    overrides = load_overrides(path)
    assert overrides.same_as("甲公司") == {"甲公司", "乙公司"}
    assert overrides.apart({"丙"}, {"丁"})


@pytest.mark.parametrize("content, suffix", [("merge\ta\tb\n", ".tsv"), ("same\ta\n", ".tsv"),
                                             ('{"same": [["a"]]}', ".json"), ("{not json", ".json")])
def test_resolve_overrides_bad_file_names_the_problem(tmp_path, content, suffix):
    path = tmp_path / f"bad{suffix}"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(OverridesError, match="bad"):
        load_overrides(path)


def test_resolve_blocked_entities_from_different_pairs():
    overrides = overrides_from_pairs([("different", "张江集团", "上海张江（集团）有限公司")])
    group = Group("Company", "张江集团", ["张江集团"], "")
    forms = {1: {name_key("上海张江（集团）有限公司")}, 2: {"张江集团"}}
    assert blocked_entities(group, forms, overrides) == {1}
