"""Relation rules added for new text: clause-scoped product attributes, back-references,
passive and coordinated milestones, posts by election, member lists, operators."""
from cgtatlas.extract.relations import find_relations
from extract_testing import placed_doc, relation_triples


def _doc(text, mentions):
    return find_relations(placed_doc(text, mentions))


def test_attributes_after_the_product_name():
    doc = _doc("在研产品ZK-201为CD20/CD22双靶点CAR-T，主要针对套细胞淋巴瘤。", [
        ("Product", "ZK-201"), ("Target", "CD20"), ("Target", "CD22"), ("Technology", "CAR-T"),
        ("Disease", "套细胞淋巴瘤")])
    assert {("targets", "ZK-201", "CD20"), ("targets", "ZK-201", "CD22"),
            ("uses_technology", "ZK-201", "CAR-T"), ("treats", "ZK-201", "套细胞淋巴瘤")} <= relation_triples(doc)


def test_antigen_before_modality_targets_following_product():
    doc = _doc("公司布局了通用型CD5 CAR-NK项目ZK-N02。", [
        ("Target", "CD5"), ("Technology", "CAR-NK"), ("Product", "ZK-N02")])
    assert ("targets", "ZK-N02", "CD5") in relation_triples(doc)


def test_joint_development_and_code_name():
    doc = _doc("该细胞由东岳医院与北川生物有限公司联合研制，研发代号BC-07。", [
        ("Hospital", "东岳医院"), ("Company", "北川生物有限公司"), ("Product", "BC-07")])
    assert {("develops", "东岳医院", "BC-07"), ("develops", "北川生物有限公司", "BC-07")} <= relation_triples(doc)


def test_company_back_reference_develops():
    doc = _doc("南湖生物有限公司成立于2019年。南湖生物有限公司总部在杭州。公司自主研发的NH-3进入临床。", [
        ("Company", "南湖生物有限公司"), ("Company", "南湖生物有限公司"), ("Product", "NH-3")])
    assert ("develops", "南湖生物有限公司", "NH-3") in relation_triples(doc)


def test_coordinated_and_passive_milestones():
    doc = _doc("ZK-9先后获得FDA授予的孤儿药资格和快速通道资格。ZK-8用于治疗肝癌，2024年被CDE纳入突破性治疗品种。", [
        ("Product", "ZK-9"), ("Agency", "FDA"), ("Product", "ZK-8"), ("Disease", "肝癌"), ("Agency", "CDE")])
    triples = relation_triples(doc)
    assert {("milestone", "ZK-9", "孤儿药资格"), ("milestone", "ZK-9", "快速通道资格"),
            ("milestone", "ZK-8", "突破性治疗品种")} <= triples


def test_elected_post_goes_to_main_association():
    doc = _doc("东湖细胞产业联盟成立。西江大学教授孙一平当选副理事长。", [
        ("Association", "东湖细胞产业联盟"), ("Academic", "西江大学"), ("Person", "孙一平")])
    titles = {(r.tail, r.attributes["title"]) for r in doc.relations if r.type == "affiliated_with"}
    assert titles == {("西江大学", "教授"), ("东湖细胞产业联盟", "副理事长")}


def test_department_post_belongs_to_document_hospital():
    doc = _doc("北湖医院开展新研究。肾内科主任刘一鸣介绍了进展。", [
        ("Hospital", "北湖医院"), ("Person", "刘一鸣")])
    assert ("affiliated_with", "刘一鸣", "北湖医院") in relation_triples(doc)


def test_member_list_with_short_name_in_brackets():
    doc = _doc("西岭细胞联盟成立。甲木生物有限公司（甲木）、乙水大学等单位均在首批会员之列。", [
        ("Association", "西岭细胞联盟"), ("Company", "甲木生物有限公司"), ("Academic", "乙水大学")])
    assert {("member_of", "甲木生物有限公司", "西岭细胞联盟"), ("member_of", "乙水大学", "西岭细胞联盟")} <= relation_triples(doc)


def test_operator_of_platform_and_keynote_speaker():
    doc = _doc("第三届西岭细胞大会开幕。由丙火发展有限公司投资建设的“西岭细胞中试平台”揭牌。主旨报告环节，王小川分享了经验。", [
        ("Event", "第三届西岭细胞大会"), ("Company", "丙火发展有限公司"), ("Platform", "西岭细胞中试平台"),
        ("Person", "王小川")])
    assert {("operates", "丙火发展有限公司", "西岭细胞中试平台"),
            ("spoke_at", "王小川", "第三届西岭细胞大会")} <= relation_triples(doc)


def test_located_in_before_name_and_not_nearby():
    doc = _doc("支持位于青山区的青山生物城建设。青山生物城周边汇聚青山大学等高校。", [
        ("Region", "青山区", "青山"), ("Park", "青山生物城"), ("Park", "青山生物城"), ("Academic", "青山大学")])
    triples = relation_triples(doc)
    assert ("located_in", "青山生物城", "青山") in triples
    assert ("located_in", "青山大学", "青山生物城") not in triples
