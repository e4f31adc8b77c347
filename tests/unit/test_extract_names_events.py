"""Event stage: names with years and ordinals, main——sub names, generic references."""
import pytest

from cgtatlas.extract.events import find_events
from cgtatlas.model import Document, Mention


def events(text: str) -> list[tuple[str, str]]:
    return [(m.surface, m.name) for m in find_events(Document(id="t", text=text)).mentions]


@pytest.mark.parametrize("text, expected", [
    ("由市政府主办的2025第三届长江生物医药创新峰会在武汉开幕。", [("2025第三届长江生物医药创新峰会", "2025第三届长江生物医药创新峰会")]),
    ("西湖细胞治疗论坛创办于2015年。", [("西湖细胞治疗论坛", "西湖细胞治疗论坛")]),
    ("嘉宾出席2024世界基因治疗大会并致辞。", [("2024世界基因治疗大会", "2024世界基因治疗大会")]),
])
def test_extract_names_events_names_with_year_and_ordinal(text, expected):
    assert events(text) == expected


def test_extract_names_events_main_and_sub_name():
    text = "举办了2025滨海论坛分论坛——“干细胞转化研讨会”。随后，干细胞转化研讨会发布共识。"
    found = events(text)
    full = "2025滨海论坛分论坛——干细胞转化研讨会"
    assert found[0][1] == full
    assert ("干细胞转化研讨会", full) in found


def test_extract_names_events_edition_with_sub_event_is_its_own_event():
    text = "“第四届海河医药合作论坛——细胞治疗峰会”现场。"
    names = {name for _, name in events(text)}
    assert names == {"第四届海河医药合作论坛——细胞治疗峰会", "第四届海河医药合作论坛"}


def test_extract_names_events_year_dropped_form_joins_edition_but_not_series():
    text = "2025第二届江南细胞大会召开。第二届江南细胞大会为期两天。江南细胞大会已成为品牌。"
    found = events(text)
    assert found[1] == ("第二届江南细胞大会", "2025第二届江南细胞大会")
    assert found[2] == ("江南细胞大会", "江南细胞大会")


def test_extract_names_events_region_prefix_dropped_form_is_alias():
    text = "“中国武汉基因产业大会”举行。基因产业大会聚焦前沿。"
    assert events(text)[1] == ("基因产业大会", "中国武汉基因产业大会")


@pytest.mark.parametrize("text", [
    "本次大会设置了主论坛。",
    "峰会现场气氛热烈。",
    "设有1个主论坛和6个主题论坛。",
    "另有8大前沿论坛同期举行。",
    "公司召开股东大会。",
    "计划组织细胞治疗峰会、展会、培训等活动。",
])
def test_extract_names_events_generic_references_are_not_events(text):
    assert events(text) == []


def test_extract_names_events_bracketed_place_inside_name():
    assert events("2025中国（苏州）细胞产业大会开幕。") == [("2025中国（苏州）细胞产业大会", "2025中国（苏州）细胞产业大会")]


def test_extract_names_events_holder_before_the_year_opens_the_name():
    text = "长江细胞治疗产业联盟2025年年会暨第二届会员大会在杭州召开。"
    doc = Document(id="t", text=text)
    holder = "长江细胞治疗产业联盟"
    doc.mentions.append(Mention("Association", holder, 0, len(holder), holder, source="orgs"))
    found = find_events(doc).mentions
    assert [m.surface for m in found if m.type == "Event"] == [text[:text.index("在")]]
    kept = [m for m in found if m.type == "Association" and m.source.endswith(":nested")]
    assert [(m.start, m.end) for m in kept] == [(0, len(holder))]


def test_extract_names_events_year_and_bare_head_without_a_holder_name_nothing():
    assert events("本届联盟的2025年年会在杭州召开。") == []
