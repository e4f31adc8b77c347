"""Policy stage: 《》 titles with policy words, title lines, named lists."""
import pytest

from cgtatlas.extract.policies import find_policies, is_policy_title
from cgtatlas.model import Document


def policies(text: str) -> list[tuple[str, str]]:
    return [(m.surface, m.name) for m in find_policies(Document(id="t", text=text)).mentions]


@pytest.mark.parametrize("text, expected", [
    ("市里印发《关于促进基因治疗产业发展的若干措施》。", ["关于促进基因治疗产业发展的若干措施"]),
    ("发布《某区生物医药产业行动方案（2025-2027年）》。", ["某区生物医药产业行动方案（2025-2027年）"]),
    ("依据《“十五五”医药工业发展规划》推进。", ["“十五五”医药工业发展规划"]),
    ("参照《基因治疗产品非临床研究技术指导原则（试行）》。", ["基因治疗产品非临床研究技术指导原则（试行）"]),
    ("编制《某市生物医药产业地图》。", []),
    ("他作主题报告《细胞治疗的未来方向与政策》。", []),
    ("新书《基因编辑简史》出版。", []),
])
def test_extract_names_policies_book_titles(text, expected):
    assert [name for _, name in policies(text)] == expected


def test_extract_names_policies_title_line_with_draft_note_alias():
    text = "附件2\n\n杭州市支持细胞治疗产业发展实施方案（2025-2027年）\n（征求意见稿）\n\n为推动产业发展，制定本方案。"
    doc = find_policies(Document(id="t", text=text))
    assert [m.name for m in doc.mentions] == ["杭州市支持细胞治疗产业发展实施方案（2025-2027年）"]
    aliases = doc.meta["aliases"]["杭州市支持细胞治疗产业发展实施方案（2025-2027年）"]
    assert "杭州市支持细胞治疗产业发展实施方案（2025-2027年）（征求意见稿）" in aliases


@pytest.mark.parametrize("text", ["二、保障措施", "（三）工作方案", "特制定本实施方案。"])
def test_extract_names_policies_section_headings_are_not_policies(text):
    assert policies(text) == []


@pytest.mark.parametrize("text, expected", [
    ("深圳推行生物材料通关便利“白名单”制度。", ["生物材料通关便利“白名单”制度"]),
    ("货物列入“白名单”。", []),
    ("推动药品纳入国家基本药物目录。", ["国家基本药物目录"]),
])
def test_extract_names_policies_named_lists(text, expected):
    assert [name for _, name in policies(text)] == expected


def test_extract_names_policies_policy_title_shape():
    assert is_policy_title("生物医药产业指导目录(2025年本)")
    assert not is_policy_title("产业发展报告")


@pytest.mark.parametrize("text", ["杭州发布细胞治疗产业新政策\n\n正文。", "细胞治疗的若干措施\n\n正文。"])
def test_extract_names_policies_news_headlines_are_not_policy_titles(text):
    assert policies(text) == []


def test_extract_names_policies_short_title_stands_for_the_full_one():
    text = "市政府印发《某市细胞治疗产业发展行动计划》（以下简称《行动计划》）。《行动计划》提出目标。"
    found = find_policies(Document(id="t", text=text)).mentions
    assert {m.name for m in found} == {"某市细胞治疗产业发展行动计划"}
    assert [m.surface for m in found].count("行动计划") == 2
