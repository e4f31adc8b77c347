"""targets and treats variants: listed targets, 识别/针对的是, modified indications, "它" as the product."""
import pytest

from cgtatlas.extract.relations import find_relations
from extract_testing import placed_doc, relation_triples


def _triples(text, mentions, rtype):
    return {t for t in relation_triples(find_relations(placed_doc(text, mentions))) if t[0] == rtype}


def test_indications_listed_targets_each_belong_to_the_product():
    text = "QY-12为靶向CD20与CD33的双靶点CAR-T产品。"
    got = _triples(text, [("Product", "QY-12"), ("Target", "CD20"), ("Target", "CD33")], "targets")
    assert got == {("targets", "QY-12", "CD20"), ("targets", "QY-12", "CD33")}


def test_indications_pronoun_sentence_is_about_the_product_before():
    text = "我们最快的管线是NB-5。它是一款TCR-T疗法，识别的是MAGE-A4，针对的是滑膜肉瘤。"
    mentions = [("Product", "NB-5"), ("Target", "MAGE-A4"), ("Disease", "滑膜肉瘤")]
    doc = find_relations(placed_doc(text, mentions))
    assert {("targets", "NB-5", "MAGE-A4"), ("treats", "NB-5", "滑膜肉瘤")} <= relation_triples(doc)


@pytest.mark.parametrize("text", [
    "ZK-7的适应症为既往接受过三线治疗的复发性滤泡性淋巴瘤。",
    "ZK-7拟用于经标准治疗失败的复发性滤泡性淋巴瘤患者。",
    "ZK-7的适应症同样是复发性滤泡性淋巴瘤。",
])
def test_indications_treats_after_a_modifier_clause(text):
    got = _triples(text, [("Product", "ZK-7"), ("Disease", "复发性滤泡性淋巴瘤")], "treats")
    assert got == {("treats", "ZK-7", "复发性滤泡性淋巴瘤")}


@pytest.mark.parametrize("text,mentions", [
    # the disease names what a study is about, not what the product treats
    ("ZK-7将用于支持针对的复发性滤泡性淋巴瘤药物研究。", [("Product", "ZK-7"), ("Disease", "复发性滤泡性淋巴瘤")]),
    # "它" opening a sentence with no product in the sentence before names nothing
    ("园区今年新增三家企业。它的适应症为肺癌。", [("Disease", "肺癌")]),
])
def test_indications_not_given(text, mentions):
    assert _triples(text, mentions, "treats") == set()
