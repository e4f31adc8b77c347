"""Where an organisation name starts and ends, and what type it gets: short
sentences written for the tests (general Chinese name patterns)."""
from __future__ import annotations

import pytest

from cgtatlas.extract.pipeline import STAGES
from cgtatlas.model import Document

UNTIL = "relations"


def _entities(text: str) -> set[tuple[str, str]]:
    doc = Document(id="t", text=text)
    for name, stage in STAGES:
        if name == UNTIL:
            break
        doc = stage(doc)
    return {(m.type, m.name or m.surface) for m in doc.mentions}


@pytest.mark.parametrize("text, expected", [
    # a preposition, verb or descriptor before the name is not part of it
    ("去年，与杭州青禾生物科技有限公司签约。", ("Company", "杭州青禾生物科技有限公司")),
    ("该药由云岫制药有限公司生产。", ("Company", "云岫制药有限公司")),
    ("园区企业宁波苍梧基因科技有限公司建成新基地。", ("Company", "宁波苍梧基因科技有限公司")),
    ("质粒CDMO企业南京栖霞细胞科技有限公司上市。", ("Company", "南京栖霞细胞科技有限公司")),
    ("我们将积极争取浙江省药品监督管理局支持。", ("Agency", "浙江省药品监督管理局")),
    # a year before a park never leaks into it
    ("2023年苏州工业园区产值增长。", ("Park", "苏州工业园区")),
    # the trade name right after the place, however the tagger reads it
    ("，深圳霁月基因科技有限公司参会。", ("Company", "深圳霁月基因科技有限公司")),
    # investors, bank branches and exchange short names
    ("本轮融资由青峦资本领投。", ("Company", "青峦资本")),
    ("联盟与交通银行杭州分行签署协议。", ("Company", "交通银行杭州分行")),
    ("该公司已在深交所上市。", ("Company", "深交所")),
    # universities named by their field, district governments, party departments
    ("支持浙江大学、电子信息科技大学开设课程。", ("Academic", "电子信息科技大学")),
    ("（责任单位：市委宣传部、拱墅区政府）", ("Agency", "市委宣传部")),
    ("（责任单位：市委宣传部、拱墅区政府）", ("Agency", "拱墅区政府")),
    # names ending 工作站 and 医学城
    ("杭州药品审评服务工作站已挂牌。", ("Platform", "杭州药品审评服务工作站")),
    ("支持西溪医学城建设特色园区。", ("Park", "西溪医学城")),
])
def test_extract_orgs_boundaries_name_and_type(text, expected):
    assert expected in _entities(text)


@pytest.mark.parametrize("text, expected", [
    ("浙江大学附属明湖医院血液科主任表示。", ("Hospital", "浙江大学附属明湖医院")),
    ("杭州儿童医院细胞治疗中心主任介绍。", ("Hospital", "杭州儿童医院")),
    ("患者在宁波市立医院接受治疗。", ("Hospital", "宁波市立医院")),
])
def test_extract_orgs_boundaries_hospitals_kept_whole(text, expected):
    found = _entities(text)
    assert expected in found
    assert not any(t == "Academic" for t, _ in found)


@pytest.mark.parametrize("text, unwanted", [
    ("从研发投入、人才引育等方面给予企业支持。", "人才引育"),
    ("计划于年内通过医院伦理委员会审查。", "伦理委员会"),
    ("公司基于自有iPSC平台布局新项目。", "iPSC平台"),
    ("2023年苏州工业园区产值增长。", "年苏州工业园区"),
])
def test_extract_orgs_boundaries_no_false_names(text, unwanted):
    assert unwanted not in {name for _, name in _entities(text)}


def test_extract_orgs_boundaries_enumerated_parks_share_a_head():
    text = "园区已建成云栖生物创新园、云栖医疗器械园、云栖生物农业园三个专业园区。"
    parks = {name for t, name in _entities(text) if t == "Park"}
    assert {"云栖生物创新园", "云栖医疗器械园", "云栖生物农业园"} <= parks


def test_extract_orgs_boundaries_brand_word_opens_several_names():
    text = "云谷生物城发布报告。云谷细胞与基因产业园一期已投入使用。"
    parks = {name for t, name in _entities(text) if t == "Park"}
    assert {"云谷生物城", "云谷细胞与基因产业园"} <= parks


def test_extract_orgs_boundaries_region_not_emitted_inside_park():
    found = _entities("2023年苏州工业园区产值增长。")
    assert ("Region", "苏州") not in found
