"""Short company names from context and shape, on sentences written for the tests."""
from __future__ import annotations

from cgtatlas.extract.orgs import find_organisations
from cgtatlas.extract.short_names import find_short_names
from cgtatlas.model import Document, Mention


def _companies(text: str, existing: list[Mention] | None = None) -> set[str]:
    doc = Document(id="t", text=text, mentions=list(existing or []))
    doc = find_short_names(find_organisations(doc))
    return {m.surface for m in doc.mentions if m.type == "Company"}


def test_extract_orgs_short_name_after_park_company_context():
    assert "澜启纳" in _companies("今年园区企业澜启纳在港交所上市。")


def test_extract_orgs_short_name_before_develops_context():
    assert "沃珀瑞药" in _companies("沃珀瑞药自主研发的新药进入临床。")


def test_extract_orgs_short_name_by_shape_and_list_mates():
    found = _companies("园区聚集了翎筑生物、砾衡检测、蔻岚湾等一批服务平台。")
    assert {"翎筑生物", "砾衡检测"} <= found
    assert "蔻岚湾" in found


def test_extract_orgs_short_name_skips_existing_product_mention():
    product = Mention(type="Product", surface="QX-101", start=0, end=6, source="products")
    assert _companies("QX-101获得临床试验许可。", [product]) == set()


def test_extract_orgs_short_name_ignores_common_words():
    assert _companies("企业在研发中心自主研发的产品获得认可。") == set()


def test_extract_orgs_short_name_list_closed_by_companies():
    found = _companies("会上，翎筑生物、砾衡检测和蔻岚湾等企业分享了经验。")
    assert {"翎筑生物", "砾衡检测", "蔻岚湾"} <= found


def test_extract_orgs_short_name_list_of_places_is_not_companies():
    assert _companies("北京、上海等地企业积极参与。") == set()
