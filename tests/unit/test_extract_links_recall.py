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
