"""Number and unit parsing for facts: values normalised to base units."""
import pytest

from cgtatlas.extract.numbers import chinese_to_number, find_quantities, parse_number


@pytest.mark.parametrize("text,value", [
    ("二十", 20), ("十五", 15), ("两", 2), ("三百五十万", 3_500_000), ("一亿五千万", 150_000_000),
])
def test_chinese_numerals(text, value):
    assert chinese_to_number(text) == value


def test_malformed_numeral_is_not_a_number():
    assert chinese_to_number("十四五") is None


@pytest.mark.parametrize("text,value", [("1,200", 1200), ("2.5亿", 250_000_000), ("55万", 550_000)])
def test_parse_number_with_multipliers(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text,value,unit,comparator", [
    ("园区新建厂房30万平米", 300_000, "平方米", "="),
    ("基金规模约8亿元", 800_000_000, "元", "~"),
    ("已集聚超300家企业", 300, "家", ">"),
    ("培育新药10个以上", 10, "个", ">="),
    ("引来上千家企业", 1000, "家", "~"),
    ("治愈率达到35%", 35, "%", "="),
    ("占全市约1/4", 0.25, "", "~"),
    ("累计服务三十余年", 30, "年", ">"),
    ("共设八大板块", 8, "个", "="),
    ("不少于12个品种", 12, "个", ">="),
    ("会议为期3天", 3, "天", "="),
])
def test_quantities_are_normalised(text, value, unit, comparator):
    found = find_quantities(text)
    assert [(q.value, q.unit, q.comparator) for q in found] == [(value, unit, comparator)]


def test_range_gives_lower_and_upper_bound():
    found = find_quantities("计划引进外资企业3-5家")
    assert [(q.value, q.comparator) for q in found] == [(3, ">="), (5, "<=")]


@pytest.mark.parametrize("text", [
    "6月18日开幕", "第七届大会", "排名前5%的机构", "2025年正式启用", "产品XY021进入临床",
    "IL-7 联合用药", "热线010-88886666", "《行动计划(2024-2027年)》", "一家企业", "三年后再议",
])
def test_not_quantities(text):
    assert find_quantities(text) == []


@pytest.mark.parametrize("text,value,unit,comparator", [
    ("规划面积约12平方公里", 12_000_000, "平方米", "~"),
    ("年产能2000人份", 2000, "人份", "="),
    ("建成6条生产线", 6, "条", "="),
    ("年产400批次", 400, "批次", "="),
    ("已完成200余例CAR-T回输", 200, "例", ">"),
    ("论坛已连续举办三届", 3, "届", "="),
])
def test_more_units(text, value, unit, comparator):
    found = find_quantities(text)
    assert [(q.value, q.unit, q.comparator) for q in found] == [(value, unit, comparator)]


def test_ordinal_edition_is_not_a_count():
    assert find_quantities("第三届大会开幕") == []


@pytest.mark.parametrize("text, value, unit, comparator", [
    ("本轮募资12.4亿港元", 1.24e9, "港元", "="),
    ("获得3000万欧元投资", 3e7, "欧元", "="),
    ("他曾在跨国药企任职十余年", 10, "年", ">"),
    ("超过六成的企业", 60, "%", ">"),
    ("三成以上的投资", 30, "%", ">="),
])
def test_currencies_tenths_and_working_years(text, value, unit, comparator):
    (q,) = find_quantities(text)
    assert (q.value, q.unit, q.comparator) == (pytest.approx(value), unit, comparator)


@pytest.mark.parametrize("text", ["一成不变的流程", "落户成都市", "五成员单位"])
def test_cheng_inside_a_word_is_not_tenths(text):
    assert [q for q in find_quantities(text) if q.unit == "%"] == []
