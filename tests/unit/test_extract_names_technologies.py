"""Technology stage: the closed list, other forms, OCR spacing, bare words in context."""
import pytest

from cgtatlas.extract.technologies import canonical_technology, find_technologies
from cgtatlas.model import Document


def techs(text: str) -> list[tuple[str, str]]:
    return [(m.surface, m.name) for m in find_technologies(Document(id="t", text=text)).mentions]


@pytest.mark.parametrize("text, expected", [
    ("公司布局CAR-T细胞疗法。", [("CAR-T细胞疗法", "CAR-T")]),
    ("利用诱导多能干细胞分化心肌。", [("诱导多能干细胞", "iPSC")]),
    ("基于CRISPR的体内编辑。", [("CRISPR", "基因编辑")]),
    ("一款BiTE分子。", [("BiTE", "双特异性抗体")]),
    ("研究间充质干细胞与造血干细胞。", [("间充质干细胞", "间充质干细胞"), ("造血干细胞", "造血干细胞")]),
    ("单碱基编辑工具。", [("单碱基编辑", "碱基编辑")]),
    ("采用非病毒载体递送。", [("非病毒载体", "非病毒载体")]),
])
def test_extract_names_technologies_forms(text, expected):
    assert techs(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("开发通用型CAR- NK产品。", [("CAR- NK", "CAR-NK")]),
    ("基于TCR -T的疗法。", [("TCR -T", "TCR-T")]),
])
def test_extract_names_technologies_ocr_spacing(text, expected):
    assert techs(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("覆盖核酸、类器官等赛道。", [("核酸", "核酸药物"), ("类器官", "类器官")]),
    ("建设核酸合成中心。", []),
    ("开展核酸检测。", []),
    ("拓展到NK、TIL等细胞。", [("NK", "NK细胞"), ("TIL", "TIL")]),
    ("注射液NK501获批。", []),
    ("覆盖合成生物等方向。", [("合成生物", "合成生物学")]),
])
def test_extract_names_technologies_bare_words_only_in_context(text, expected):
    assert techs(text) == expected


@pytest.mark.parametrize("text", ["细胞与基因治疗产业", "CGT赛道", "细胞治疗和基因治疗"])
def test_extract_names_technologies_umbrella_terms_are_not_entities(text):
    assert techs(text) == []


def test_extract_names_technologies_canonical_lookup():
    assert canonical_technology("CAR- T") == "CAR-T"
    assert canonical_technology("细胞治疗") is None
