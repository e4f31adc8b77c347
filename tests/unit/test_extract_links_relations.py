"""Relations from trigger words between hand-placed mentions."""
import pytest

from cgtatlas.extract.relations import find_relations
from extract_testing import placed_doc, relation_triples


def _doc(text, mentions):
    return find_relations(placed_doc(text, mentions))


def test_organized_by_with_roles_and_held_at():
    doc = _doc("由杭州市科学技术局指导，西湖生物有限公司主办的2025西湖细胞论坛在杭州滨江区举行。", [
        ("Agency", "杭州市科学技术局"), ("Company", "西湖生物有限公司"), ("Event", "2025西湖细胞论坛"),
        ("Region", "杭州"), ("Region", "滨江区", "滨江")])
    roles = {r.tail: r.attributes.get("role") for r in doc.relations if r.type == "organized_by"}
    assert roles == {"杭州市科学技术局": "指导", "西湖生物有限公司": "主办"}
    assert ("held_at", "2025西湖细胞论坛", "滨江") in relation_triples(doc)


def test_affiliation_title_shared_by_listed_organisations_and_speech():
    doc = _doc("本届峰会上，江南大学、江南医院副院长赵一鸣致辞。", [
        ("Academic", "江南大学"), ("Hospital", "江南医院"), ("Person", "赵一鸣")])
    titles = {r.tail: r.attributes["title"] for r in doc.relations if r.type == "affiliated_with"}
    assert titles == {"江南大学": "副院长", "江南医院": "副院长"}


def test_spoke_at_main_event():
    doc = _doc("第二届东湖再生医学大会开幕。钱多多教授在大会上表示，前景广阔。", [
        ("Event", "第二届东湖再生医学大会"), ("Person", "钱多多")])
    assert ("spoke_at", "钱多多", "第二届东湖再生医学大会") in relation_triples(doc)


def test_product_relations():
    doc = _doc("青禾医药自主研发的靶向CD22的CAR-T细胞注射液QH-301获得FDA授予的孤儿药资格，用于治疗急性淋巴细胞白血病。", [
        ("Company", "青禾医药"), ("Target", "CD22"), ("Technology", "CAR-T"), ("Product", "QH-301"),
        ("Agency", "FDA"), ("Disease", "急性淋巴细胞白血病")])
    triples = relation_triples(doc)
    assert {("develops", "青禾医药", "QH-301"), ("targets", "QH-301", "CD22"),
            ("uses_technology", "QH-301", "CAR-T"), ("milestone", "QH-301", "孤儿药资格"),
            ("treats", "QH-301", "急性淋巴细胞白血病")} <= triples
    [ms] = [r for r in doc.relations if r.type == "milestone"]
    assert ms.attributes["authority"] == "FDA"


def test_ipo_with_board():
    doc = _doc("园区企业云杉生物在科创板成功上市。", [("Company", "云杉生物")])
    [rel] = doc.relations
    assert (rel.type, rel.head, rel.tail, rel.attributes["board"]) == ("milestone", "云杉生物", "IPO", "科创板")


@pytest.mark.parametrize("text,mentions,expected", [
    ("松江细胞治疗中心落户松江科技园。", [("Platform", "松江细胞治疗中心"), ("Park", "松江科技园")],
     ("located_in", "松江细胞治疗中心", "松江科技园")),
    ("苏州拥有东吴研究院、太湖实验室等机构。", [("Region", "苏州"), ("Academic", "东吴研究院"), ("Academic", "太湖实验室")],
     ("located_in", "太湖实验室", "苏州")),
    ("金桥产发倾力打造金桥生命园等载体。", [("Company", "金桥产发"), ("Park", "金桥生命园")],
     ("operates", "金桥产发", "金桥生命园")),
    ("市科委、市经信委联合印发《细胞产业三年行动计划》。", [("Agency", "市科委"), ("Agency", "市经信委"), ("Policy", "细胞产业三年行动计划")],
     ("issued_by", "细胞产业三年行动计划", "市经信委")),
    ("此次加入联盟的海棠科技有限公司提供设备。", [("Association", "再生医学联盟"), ("Company", "海棠科技有限公司")],
     ("member_of", "海棠科技有限公司", "再生医学联盟")),
    ("东华医院联合北辰基因有限公司启动临床研究。", [("Hospital", "东华医院"), ("Company", "北辰基因有限公司")],
     ("partner_of", "东华医院", "北辰基因有限公司")),
])
def test_place_and_tie_relations(text, mentions, expected):
    if expected[0] == "member_of":
        text = "再生医学联盟成立。" + text
    assert expected in relation_triples(_doc(text, mentions))


def test_no_relation_without_trigger():
    doc = _doc("东华医院和北辰基因有限公司都很有名。", [("Hospital", "东华医院"), ("Company", "北辰基因有限公司")])
    assert doc.relations == []


def test_evidence_points_at_sentence():
    doc = _doc("前言。松江细胞治疗中心位于松江科技园。", [("Platform", "松江细胞治疗中心"), ("Park", "松江科技园")])
    [rel] = doc.relations
    assert rel.evidence.quote == "松江细胞治疗中心位于松江科技园。"
