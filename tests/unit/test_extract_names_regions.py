"""Region stage: canonical names, suffixed aliases, short forms, names inside names."""
import pytest

from cgtatlas.extract.regions import canonical_region, find_regions
from cgtatlas.model import Document


def regions(text: str) -> list[tuple[str, str]]:
    doc = find_regions(Document(id="t", text=text))
    return [(m.surface, m.name) for m in doc.mentions]


@pytest.mark.parametrize("text, expected", [
    ("公司总部设在上海市。", [("上海市", "上海")]),
    ("浦东新区发布了新政。", [("浦东新区", "浦东")]),
    ("多家企业落户广州南沙。", [("广州南沙", "南沙")]),
    ("粤港澳大湾区和长三角都在发力。", [("粤港澳大湾区", "粤港澳大湾区"), ("长三角", "长三角")]),
    ("项目已在大湾区启动。", [("大湾区", "粤港澳大湾区")]),
    ("该药已在美国和日本获批。", [("美国", "美国"), ("日本", "日本")]),
    ("广东省出台了支持政策。", [("广东省", "广东")]),
])
def test_extract_names_regions_canonical_and_alias(text, expected):
    assert regions(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("欢迎外资在京设立研发中心。", [("京", "北京")]),
    ("团队来沪交流。", [("沪", "上海")]),
    ("这是一部京剧。", []),
    ("北京东方某公司。", [("北京", "北京")]),
])
def test_extract_names_regions_short_forms_need_context(text, expected):
    assert regions(text) == expected


@pytest.mark.parametrize("text", [
    "北京市人民政府发布通知。",
    "杭州市委召开会议。",
    "她毕业于某某科技大学(深圳)。",
    "美国FDA批准了该药。",
    "苏州工业园区吸引了新企业。",
])
def test_extract_names_regions_skip_names_inside_longer_names(text):
    assert regions(text) == []


@pytest.mark.parametrize("text", ["前景一片光明。", "朝阳初升。"])
def test_extract_names_regions_ambiguous_districts_need_suffix(text):
    assert regions(text) == []


def test_extract_names_regions_ambiguous_district_with_suffix():
    assert regions("光明区建设医疗器械园。") == [("光明区", "光明")]


def test_extract_names_regions_canonical_lookup():
    assert canonical_region("南沙区") == "南沙"
    assert canonical_region("不存在") is None


def test_extract_names_regions_inside_book_titles_are_part_of_the_title():
    assert regions("发布《中国细胞治疗发展报告》，中国企业表现亮眼。") == [("中国", "中国")]
