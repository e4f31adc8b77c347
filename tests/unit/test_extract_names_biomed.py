"""Disease and Target stage."""
import pytest

from cgtatlas.extract.biomed import find_diseases_and_targets, target_spans
from cgtatlas.model import Document


def found(text: str, etype: str) -> list[tuple[str, str]]:
    doc = find_diseases_and_targets(Document(id="t", text=text))
    return [(m.surface, m.name) for m in doc.mentions if m.type == etype]


@pytest.mark.parametrize("text, expected", [
    ("拟用于治疗复发难治性多发性骨髓瘤。", [("复发难治性多发性骨髓瘤", "复发难治性多发性骨髓瘤")]),
    ("适用于成人急性淋巴细胞白血病患者。", [("成人急性淋巴细胞白血病", "成人急性淋巴细胞白血病")]),
    ("一项针对膝骨关节炎的研究。", [("膝骨关节炎", "膝骨关节炎")]),
    ("探索重症肌无力的细胞疗法。", [("重症肌无力", "重症肌无力")]),
])
def test_extract_names_biomed_lexicon_diseases_with_modifiers(text, expected):
    assert found(text, "Disease") == expected


def test_extract_names_biomed_abbreviation_joins_full_name():
    text = "治疗非输血依赖型α-地中海贫血，已有5名地贫患者入组。"
    assert found(text, "Disease") == [("非输血依赖型α-地中海贫血", "非输血依赖型α-地中海贫血"),
                                      ("地贫", "非输血依赖型α-地中海贫血")]


def test_extract_names_biomed_latin_abbreviation_needs_full_form():
    assert found("ALL患者", "Disease") == []
    assert ("ALL", "急性淋巴细胞白血病") in found("急性淋巴细胞白血病（ALL）患者", "Disease")


@pytest.mark.parametrize("text, expected", [
    ("该疗法用于治疗先天性角膜营养不良症。", [("先天性角膜营养不良症", "先天性角膜营养不良症")]),
    ("新药适应症为某某综合征。", [("某某综合征", "某某综合征")]),
])
def test_extract_names_biomed_disease_shapes_after_treatment_cue(text, expected):
    assert found(text, "Disease") == expected


@pytest.mark.parametrize("text", [
    "覆盖血液瘤、实体瘤和罕见病。",
    "用于治疗晚期实体瘤。",
    "癌症和恶性肿瘤的防治。",
    "治疗技术已拓展至更多病种。",
    "用于治疗疾病。",
])
def test_extract_names_biomed_generic_words_are_not_diseases(text):
    assert found(text, "Disease") == []


@pytest.mark.parametrize("text, expected", [
    ("一款靶向BCMA的疗法。", ["BCMA"]),
    ("靶向CD19/CD20的双靶点产品。", ["CD19", "CD20"]),
    ("针对Claudin18.2阳性胃癌。", ["Claudin18.2"]),
    ("无需IL-2支持。", []),
    ("靶向IL-13的抗体。", ["IL-13"]),
    ("型号CD1900X。", []),
])
def test_extract_names_biomed_targets(text, expected):
    assert [s for s, _ in found(text, "Target")] == expected


def test_extract_names_biomed_target_spans_are_offsets():
    text = "靶向GPRC5D"
    assert [text[s:e] for s, e in target_spans(text)] == ["GPRC5D"]
