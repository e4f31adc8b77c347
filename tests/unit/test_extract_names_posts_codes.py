"""People after more posts and before more verbs, product codes and brand
names, districts named in a phrase of place: short sentences written for the tests."""
from __future__ import annotations

import pytest

from extract_testing import through_entities


def _entities(text: str) -> set[tuple[str, str]]:
    return {(m.type, m.name or m.surface) for m in through_entities(text).mentions}


@pytest.mark.parametrize("text, person", [
    ("市第一医院血液科主任赵明远以《细胞治疗新进展》为题作报告。", "赵明远"),
    ("血液科副主任、主任医师钱立群负责细胞回输。", "钱立群"),
    ("某某大学教授孙雨桐当选副理事长。", "孙雨桐"),
    ("某某促进会副会长周晓岚出任秘书长。", "周晓岚"),
    ("杭州青禾生物科技有限公司首席执行官郑凯则谈到工艺。", "郑凯"),
])
def test_extract_names_person_after_post(text, person):
    assert ("Person", person) in _entities(text)


def test_extract_names_word_before_post_and_name_is_not_a_person():
    found = _entities("。青禾董事长王建国当选首任理事长。")
    assert ("Person", "王建国") in found
    assert ("Person", "青禾") not in found


@pytest.mark.parametrize("text, code", [
    ("公司布局了通用型CAR-NK项目AB-N12，拟用于白血病。", "AB-N12"),
    ("该产品研发代号XY-27。", "XY-27"),
])
def test_extract_names_product_codes_with_letters_and_cues(text, code):
    assert ("Product", code) in _entities(text)


def test_extract_names_quoted_brand_names_its_code():
    doc = through_entities("其CAR-T产品“安瑞达”（研发代号AR-102）已获批上市，已有百名患者接受安瑞达治疗。")
    names = {(m.surface, m.name) for m in doc.mentions if m.type == "Product"}
    assert ("AR-102", "安瑞达") in names
    assert sum(1 for s, n in names if s == "安瑞达") >= 1
    assert ("Product", "AR-102") not in {(m.type, m.name) for m in doc.mentions}


@pytest.mark.parametrize("text, region", [
    ("以位于青禾区的生物城为核心承载区。", "青禾"),
    ("支持地处云岭县的产业园建设。", "云岭"),
])
def test_extract_names_district_in_phrase_of_place(text, region):
    assert ("Region", region) in _entities(text)


def test_extract_names_generic_founding_meeting_is_not_an_event():
    assert not any(t == "Event" for t, _ in _entities("成立大会选举产生了第一届理事会。"))
