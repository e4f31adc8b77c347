"""Organisations found by their head words, on short sentences written for the tests."""
from __future__ import annotations

import pytest

from cgtatlas.extract.orgs import find_organisations
from cgtatlas.model import Document


def _doc(text: str) -> Document:
    return Document(id="t", text=text)


def _found(text: str) -> set[tuple[str, str]]:
    return {(m.type, m.surface) for m in find_organisations(_doc(text)).mentions}


@pytest.mark.parametrize("text, expected", [
    ("会议由杭州市科学技术局主办。", ("Agency", "杭州市科学技术局")),
    ("昨天，浙江大学医学院附属第二医院发布了新的研究成果。", ("Hospital", "浙江大学医学院附属第二医院")),
    ("他目前在深圳湾实验室从事研究。", ("Academic", "深圳湾实验室")),
    ("苏州瑞博生物科技有限公司完成了新一轮融资。", ("Company", "苏州瑞博生物科技有限公司")),
    ("成都天府国际生物城产业园今年新增企业30家。", ("Park", "成都天府国际生物城产业园")),
    ("园区建成了武汉光谷细胞治疗公共服务平台。", ("Platform", "武汉光谷细胞治疗公共服务平台")),
    ("多家企业加入了长三角干细胞产业联盟。", ("Association", "长三角干细胞产业联盟")),
    ("国家药监局药品审评中心发布了指导原则。", ("Agency", "国家药监局药品审评中心")),
    ("浙江省卫生健康委员会副主任表示欢迎。", ("Agency", "浙江省卫生健康委员会")),
])
def test_extract_orgs_head_word_gives_name_and_type(text, expected):
    assert expected in _found(text)


@pytest.mark.parametrize("text", [
    "企业可以在研发中心开展工作。",
    "支持共性技术服务平台建设。",
    "鼓励医疗机构开展临床研究。",
    "该项目的总体布局已经确定。",
])
def test_extract_orgs_generic_words_are_not_names(text):
    assert _found(text) == set()


def test_extract_orgs_name_stops_at_verb_and_function_word():
    names = {surface for _, surface in _found("本次活动由合肥高新区管理委员会指导，安徽省细胞治疗学会承办。")}
    assert "合肥高新区管理委员会" in names
    assert "安徽省细胞治疗学会" in names
    assert not any(n.startswith(("由", "指导")) for n in names)


def test_extract_orgs_campus_bracket_belongs_to_name():
    assert ("Academic", "香港中文大学(深圳)") in _found("香港中文大学(深圳)与多家医院合作。")


def test_extract_orgs_known_bodies_from_lexicon():
    found = _found("美国FDA批准了该疗法，国家卫健委和工信部也发布了通知。")
    assert ("Agency", "美国FDA") in found
    assert ("Agency", "国家卫健委") in found
    assert ("Agency", "工信部") in found


def test_extract_orgs_shared_head_names_every_listed_place():
    doc = find_organisations(_doc("试点在天津、重庆自由贸易试验区开展。"))
    names = {m.name for m in doc.mentions if m.type == "Park"}
    assert {"天津自由贸易试验区", "重庆自由贸易试验区"} <= names
