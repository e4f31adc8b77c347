"""Edge cases of the faster scans in the entity stages (text starts and ends,
stacked modifiers, bracketed places): each must read as the plain rule says."""
from cgtatlas.extract import biomed, events, people, policies, products, regions
from cgtatlas.model import Document


def test_extract_scan_code_at_text_start_and_after_code_characters():
    codes = [m.group("code") for m in products.CODE.finditer("AB101注射液，xCD-12与.EF34及@GH56")]
    assert codes[0] == "AB101"
    assert "CD-12" not in codes and "EF34" not in codes and "GH56" not in codes


def test_extract_scan_looks_like_code_plain_words_and_years():
    assert not products.looks_like_code("CART")
    assert not products.looks_like_code("ABC2024")
    assert products.looks_like_code("ABC-101")


def test_extract_scan_disease_modifiers_stack_longest_first():
    text = "用于复发难治性多发性骨髓瘤"
    start = text.index("多发性骨髓瘤")
    assert biomed._extend_left(text, start) == text.index("复发难治性")
    assert biomed._extend_left("骨髓瘤", 0) == 0


def test_extract_scan_policy_title_on_first_and_later_lines():
    text = "上海市细胞治疗产业发展行动方案\n正文。\n  关于促进基因治疗发展的若干措施  \n"
    found: list = []
    policies._title_lines(Document(id="t", text=text), found)
    assert [text[s:e] for s, e in found] == ["上海市细胞治疗产业发展行动方案", "关于促进基因治疗发展的若干措施"]


def test_extract_scan_policy_title_needs_policy_word_or_qualifier_at_end():
    assert policies.is_policy_title("某市行动方案（2025-2027年）")
    assert not policies.is_policy_title("某市发布新政策了")
    assert not policies.is_policy_title("")


def test_extract_scan_event_name_start_walks_over_bracketed_place():
    text = "，中国（某市）细胞大会"
    head = text.index("大会")
    assert events._name_start(text, head) == (1, 1)
    assert events._name_start("细胞大会", 2) == (0, 0)


def test_extract_scan_event_generic_bodies():
    assert events._is_generic("本次")
    assert events._is_generic("主题")
    assert not events._is_generic("细胞治疗")


def test_extract_scan_region_in_bracket_at_text_end():
    text = "某大学(深圳"
    start = text.index("深圳")
    assert regions._inside_longer_name(text, start, len(text))
    assert not regions._inside_longer_name("位于深圳", 2, 4)


def test_extract_scan_name_after_needs_family_name_first():
    assert people.name_after("院长王某表示", 2) == (2, 4)
    assert people.name_after("院长的发言", 2) is None
