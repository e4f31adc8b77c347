"""Overlap resolution across stages."""
from __future__ import annotations

from cgtatlas.extract.overlaps import resolve_overlaps
from cgtatlas.model import Document, Mention


def _m(text: str, etype: str, surface: str, source: str = "t", nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Mention(type=etype, surface=surface, start=start, end=start + len(surface), source=source)


def test_extract_orgs_overlaps_region_inside_org_is_dropped():
    text = "杭州市人民政府召开会议，杭州市代表出席。"
    doc = Document(id="t", text=text, mentions=[
        _m(text, "Region", "杭州市"), _m(text, "Agency", "杭州市人民政府"), _m(text, "Region", "杭州市", nth=1)])
    kept = [(m.type, m.surface, m.start) for m in resolve_overlaps(doc).mentions]
    assert kept == [("Agency", "杭州市人民政府", 0), ("Region", "杭州市", 12)]


def test_extract_orgs_overlaps_longer_wins_a_crossing():
    text = "苏州生物医药产业园区内"
    doc = Document(id="t", text=text, mentions=[_m(text, "Park", "苏州生物医药产业园"), _m(text, "Park", "苏州生物医药产业园区")])
    assert [m.surface for m in resolve_overlaps(doc).mentions] == ["苏州生物医药产业园区"]


def test_extract_orgs_overlaps_same_span_keeps_specific_type():
    text = "前往张江参观"
    doc = Document(id="t", text=text, mentions=[_m(text, "Region", "张江"), _m(text, "Park", "张江")])
    assert [m.type for m in resolve_overlaps(doc).mentions] == ["Park"]


def test_extract_orgs_overlaps_generic_terms_are_dropped():
    text = "三甲医院和医疗机构"
    doc = Document(id="t", text=text, mentions=[_m(text, "Hospital", "三甲医院"), _m(text, "Company", "医疗机构")])
    assert resolve_overlaps(doc).mentions == []


def test_extract_orgs_overlaps_nested_mark_survives():
    text = "某某医疗集团上海某某医院"
    doc = Document(id="t", text=text, mentions=[
        _m(text, "Hospital", text), _m(text, "Company", "某某医疗集团", source="orgs:nested")])
    assert {m.type for m in resolve_overlaps(doc).mentions} == {"Hospital", "Company"}
