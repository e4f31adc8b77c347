"""Product stage: drug codes by shape and context, dosage forms, registry names."""
import pytest

from cgtatlas.extract.products import code_products, find_products, looks_like_code, registry
from cgtatlas.model import Document


def products(text: str) -> list[tuple[str, str]]:
    return [(m.surface, m.name) for m in find_products(Document(id="t", text=text)).mentions]


@pytest.mark.parametrize("text, expected", [
    ("公司自主研发的QX-201获得临床试验许可。", [("QX-201", "QX-201")]),
    ("在研基因治疗产品ZT-R05进入二期。", [("ZT-R05", "ZT-R05")]),
    ("其细胞注射液 AbCAR-088被授予快速通道资格。", [("AbCAR-088", "AbCAR-088")]),
    ("NK301获批开展I期临床。", [("NK301", "NK301")]),
])
def test_extract_names_products_codes_in_context(text, expected):
    assert products(text) == expected


def test_extract_names_products_dosage_form_is_the_name_and_code_an_alias():
    text = "在研疗法HB208注射液获得孤儿药资格，HB208用于治疗罕见病。"
    assert products(text) == [("HB208注射液", "HB208注射液"), ("HB208", "HB208注射液")]


@pytest.mark.parametrize("text", [
    "咨询电话010-66668888。",
    "京ICP备20240001号。",
    "符合ISO13485质量体系的产品。",
    "靶向CD19的产品。",
    "基于CRISPR/Cas9的产品。",
    "H7N9疫苗产品。",
    "2025年产品上市。",
    "SARS-CoV-2检测产品。",
    "型号AB12的离心机。",
])
def test_extract_names_products_not_codes(text):
    assert products(text) == []


@pytest.mark.parametrize("code, ok", [
    ("XY010", True), ("AB-101", True), ("IIT", False), ("CMC", False), ("GB2024", False),
    ("AI", False), ("IL-12", False), ("H1N1", False),
])
def test_extract_names_products_code_shape(code, ok):
    assert looks_like_code(code) is ok


def test_extract_names_products_registry_names():
    assert products("Kymriah是首个获批的CAR-T产品。") == [("Kymriah", "Kymriah")]
    assert products("阿基仑赛注射液获批上市。") == [("阿基仑赛注射液", "阿基仑赛注射液")]


def test_extract_names_products_registry_entries_name_their_source():
    entries = registry()
    assert entries and all(e.source for e in entries)
    assert {e.kind for e in entries} <= {"product", "company", "regulator"}


def test_extract_names_products_code_spans():
    text = "管线产品TT-11注射液"
    assert [(text[s:e], code) for s, e, code, _ in code_products(text)] == [("TT-11注射液", "TT-11")]


def test_extract_names_products_code_counts_everywhere_once_shown_to_be_a_product():
    text = "在研产品KT-301进展顺利。此前，KT-301已在美国开展研究。"
    assert products(text) == [("KT-301", "KT-301"), ("KT-301", "KT-301")]
