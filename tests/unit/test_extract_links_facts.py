"""Facts: subject, indicator, year and kind around a quantity."""
from cgtatlas.extract.facts import find_facts
from extract_testing import placed_doc


def _doc(text, mentions=(), date=None):
    return find_facts(placed_doc(text, mentions, date))


def test_target_with_year_and_comparator():
    doc = _doc("到2027年，成都新增创新药品种8个以上。", [("Region", "成都")])
    [fact] = doc.facts
    assert (fact.subject, fact.value, fact.unit, fact.comparator) == ("成都", 8, "个", ">=")
    assert (fact.year, fact.kind) == (2027, "target")
    assert "创新药品种" in fact.indicator


def test_actual_figure_takes_counted_noun_after_unit():
    doc = _doc("目前，苏州已有超200家医疗器械企业落户。", [("Region", "苏州")])
    [fact] = doc.facts
    assert (fact.subject, fact.value, fact.unit, fact.comparator, fact.kind) == ("苏州", 200, "家", ">", "actual")
    assert fact.indicator.startswith("医疗器械企业")


def test_subject_falls_back_to_main_region():
    doc = _doc("武汉大力发展生物产业。目前已有8名患者出院。", [("Region", "武汉")])
    assert [f.subject for f in doc.facts] == ["武汉"]


def test_this_year_uses_document_date():
    doc = _doc("今年园区新增企业15家。", date="2025-03-01")
    assert doc.facts[0].year == 2025


def test_repeated_figure_counts_once_and_evidence_quotes_sentence():
    doc = _doc("联盟聚焦四方面工作。会上再次介绍了四方面工作。")
    assert len(doc.facts) == 1
    assert doc.facts[0].evidence.quote == "联盟聚焦四方面工作。"


def test_money_with_expected_marks_target():
    doc = _doc("项目总投资约3亿元，年产值预计达到6亿元。")
    assert [(f.value, f.kind) for f in doc.facts] == [(300_000_000, "actual"), (600_000_000, "target")]


def test_qualifying_threshold_is_not_a_fact():
    doc = _doc("到2027年，培育年产值超过5亿元的企业不少于8家。")
    assert [(f.value, f.unit, f.comparator) for f in doc.facts] == [(8, "家", ">=")]


def test_same_amount_in_headline_and_body_counts_once():
    doc = _doc("甲公司完成3亿元B轮融资 产品获批\n甲公司宣布完成3亿元人民币B轮融资。")
    assert len(doc.facts) == 1
