"""The products stage reuses the target spans the targets stage found."""
from __future__ import annotations

from cgtatlas.extract.biomed import find_diseases_and_targets, target_spans
from cgtatlas.extract.products import code_products, find_products
from cgtatlas.model import Document

TEXT = "公司自主研发的ABC-101注射液靶向CD19，在研产品CD2024已获批临床。"


def test_extract_products_targets_stage_shares_its_spans():
    doc = find_diseases_and_targets(Document(id="t", text=TEXT))
    assert doc.meta["_target_spans"] == target_spans(TEXT)


def test_extract_products_given_targets_equal_computed_ones():
    assert code_products(TEXT, target_spans(TEXT)) == code_products(TEXT)
    codes = [c[2] for c in code_products(TEXT, [])]
    assert "ABC-101" in codes


def test_extract_products_stage_output_with_and_without_shared_spans():
    shared = find_products(find_diseases_and_targets(Document(id="t", text=TEXT)))
    alone = find_products(Document(id="t", text=TEXT))
    products = lambda doc: [(m.surface, m.start, m.name) for m in doc.mentions if m.type == "Product"]
    assert products(shared) == products(alone) and products(alone)
