"""Relation rules for wording met in new documents: the application as the subject of
an approval, the listed company as the IPO head, a company the document defines as
"公司", "其" opening a clause, and more ways of saying two organisations partner."""
import pytest

from cgtatlas.extract.relations import find_relations
from extract_testing import placed_doc, relation_triples


def _doc(text, mentions):
    return find_relations(placed_doc(text, mentions))


def _milestones(doc):
    return {(r.head, r.tail, r.attributes.get("authority", ""), r.attributes.get("board", ""))
            for r in doc.relations if r.type == "milestone"}


@pytest.mark.parametrize("text,expected", [
    ("去年，TQ-12的上市申请获得NMPA批准。", ("TQ-12", "上市许可", "NMPA", "")),
    ("TQ-12的新药临床试验申请获FDA批准。", ("TQ-12", "临床试验许可", "FDA", "")),
    ("TQ-12注射液获准开展临床试验。", ("TQ-12", "临床试验许可", "", "")),
])
def test_application_approved_is_a_milestone(text, expected):
    surface = "TQ-12注射液" if "注射液" in text else "TQ-12"
    doc = _doc(text, [("Product", surface, "TQ-12")])
    assert _milestones(doc) == {expected}


def test_application_only_accepted_is_no_milestone():
    doc = _doc("TQ-12的上市申请已获受理，尚待批准。", [("Product", "TQ-12")])
    assert _milestones(doc) == set()


@pytest.mark.parametrize("text,mentions,expected", [
    ("南川生物于上周五在港交所主板挂牌上市。", [("Company", "南川生物"), ("Company", "上周五"), ("Company", "港交所")],
     ("南川生物", "IPO", "", "港交所")),
    ("南川生物在纳斯达克完成首次公开发行。", [("Company", "南川生物"), ("Company", "纳斯达克")],
     ("南川生物", "IPO", "", "纳斯达克")),
])
def test_ipo_head_is_the_company_not_the_exchange_or_time(text, mentions, expected):
    assert _milestones(_doc(text, mentions)) == {expected}


def test_ipo_of_the_company_defined_as_gongsi():
    doc = _doc("北岸生物有限公司（以下简称“公司”）成立于2015年。2020年，公司股票在深圳证券交易所创业板上市。", [
        ("Company", "北岸生物有限公司"), ("Company", "深圳证券交易所")])
    assert _milestones(doc) == {("北岸生物有限公司", "IPO", "", "创业板")}


DEFINED = "东岸生物有限公司（以下简称“公司”）是一家细胞治疗企业。"


@pytest.mark.parametrize("text,mentions,expected", [
    (DEFINED + "DA-1是公司自主研发的CAR-T产品。", [("Product", "DA-1")], {("东岸生物有限公司", "DA-1")}),
    (DEFINED + "DA-2是基于公司NK平台开发的细胞产品。", [("Product", "DA-2")], {("东岸生物有限公司", "DA-2")}),
    (DEFINED + "DA-3用于肝癌。该产品由公司与西坡医药有限公司（以下简称“西坡医药”）共同开发，双方共享权益。",
     [("Product", "DA-3"), ("Company", "西坡医药有限公司"), ("Company", "西坡医药", "西坡医药有限公司")],
     {("东岸生物有限公司", "DA-3"), ("西坡医药有限公司", "DA-3")}),
])
def test_defined_gongsi_develops_the_product_it_is_said_of(text, mentions, expected):
    doc = _doc(text, [("Company", "东岸生物有限公司"), *mentions])
    assert {(h, t) for kind, h, t in relation_triples(doc) if kind == "develops"} == expected


def test_joint_developers_are_partners():
    doc = _doc(DEFINED + "DA-3由公司与西坡医药有限公司共同开发。", [
        ("Company", "东岸生物有限公司"), ("Product", "DA-3"), ("Company", "西坡医药有限公司")])
    assert ("partner_of", "东岸生物有限公司", "西坡医药有限公司") in relation_triples(doc)


def test_a_product_licensed_in_is_not_developed_by_the_licensee():
    doc = _doc(DEFINED + "DA-4是公司从海外引进后开发的产品。", [("Company", "东岸生物有限公司"), ("Product", "DA-4")])
    assert not any(kind == "develops" for kind, _, _ in relation_triples(doc))


def test_defined_gongsi_partners_and_undefined_gongsi_does_not():
    mentions = [("Company", "东岸生物有限公司"), ("Hospital", "南坡医院")]
    defined = _doc(DEFINED + "公司与南坡医院合作开展临床研究。", mentions)
    undefined = _doc("东岸生物有限公司是一家细胞治疗企业。公司与南坡医院合作开展临床研究。", mentions)
    assert ("partner_of", "东岸生物有限公司", "南坡医院") in relation_triples(defined)
    assert not any(kind == "partner_of" for kind, _, _ in relation_triples(undefined))


@pytest.mark.parametrize("text,mentions,expected", [
    ("北港细胞有限公司（以下简称“北港细胞”）与南坡医院达成战略合作。",
     [("Company", "北港细胞有限公司"), ("Company", "北港细胞", "北港细胞有限公司"), ("Hospital", "南坡医院")],
     {("北港细胞有限公司", "南坡医院")}),
    ("北港细胞还与西岭大学共建联合实验室。", [("Company", "北港细胞"), ("Academic", "西岭大学")],
     {("北港细胞", "西岭大学")}),
    ("北港细胞同时分别与东坡生物、南坡医院签订服务协议和投资协议。",
     [("Company", "北港细胞"), ("Company", "东坡生物"), ("Hospital", "南坡医院")],
     {("北港细胞", "东坡生物"), ("北港细胞", "南坡医院")}),
    ("海外设备商西尔科技携手本土基因治疗企业东坡生物，共同建设工艺中心。",
     [("Company", "西尔科技"), ("Company", "东坡生物")], {("西尔科技", "东坡生物")}),
    ("东坡生物与北港资本签订框架协议。", [("Company", "东坡生物"), ("Company", "北港资本")],
     {("东坡生物", "北港资本")}),
    ("西尔科技携手打造东坡细胞中试平台。", [("Company", "西尔科技"), ("Platform", "东坡细胞中试平台")], set()),
    ("省科学技术厅与省财政厅联合出台《细胞产业扶持办法》。",
     [("Agency", "省科学技术厅"), ("Agency", "省财政厅"), ("Policy", "细胞产业扶持办法")], set()),
])
def test_partner_wording(text, mentions, expected):
    doc = _doc(text, mentions)
    assert {(h, t) for kind, h, t in relation_triples(doc) if kind == "partner_of"} == expected


def test_its_base_is_located_where_the_clause_says():
    doc = _doc("南星细胞有限公司与东湖园区签约，其中试基地落户东湖园区。", [
        ("Company", "南星细胞有限公司"), ("Park", "东湖园区"), ("Park", "东湖园区")])
    assert ("located_in", "南星细胞有限公司", "东湖园区") in relation_triples(doc)
