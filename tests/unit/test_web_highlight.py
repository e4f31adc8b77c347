"""Cutting a document's text into plain and mention runs for the document page."""
from __future__ import annotations

from cgtatlas.web.highlight import highlight_segments, mention_types

TEXT = "华禾生物研发的CAR-T产品进入临床。"


def m(type_, surface, start=None):
    start = TEXT.index(surface) if start is None else start
    return {"type": type_, "surface": surface, "start": start, "end": start + len(surface)}


def test_web_highlight_segments_cover_text_in_order():
    segs = highlight_segments(TEXT, [m("Technology", "CAR-T"), m("Company", "华禾生物")])
    assert "".join(s["text"] for s in segs) == TEXT
    assert [s["text"] for s in segs if "mention" in s] == ["华禾生物", "CAR-T"]
    assert segs[0]["start"] == 0


def test_web_highlight_overlap_keeps_first_and_anchors_the_other():
    inner = m("Company", "华禾", 0)
    outer = m("Company", "华禾生物", 0)
    late = {"type": "Company", "surface": "生物研发", "start": 2, "end": 6}
    segs = highlight_segments(TEXT, [inner, late, outer])
    drawn = [s for s in segs if "mention" in s]
    assert drawn[0]["text"] == "华禾生物" and drawn[0]["anchors"] == [2]  # 0 is the drawn mark's own id
    assert "".join(s["text"] for s in segs) == TEXT


def test_web_highlight_ignores_spans_outside_the_text():
    segs = highlight_segments(TEXT, [{"type": "Company", "start": 5, "end": 500}])
    assert segs == [{"text": TEXT}]


def test_web_highlight_legend_lists_types_once():
    assert mention_types([m("Company", "华禾生物"), m("Technology", "CAR-T"), m("Company", "华禾生物")]) == [
        "Company", "Technology"]


def test_web_highlight_extra_anchors_land_between_or_inside_mentions():
    company = m("Company", "华禾生物")
    segs = highlight_segments(TEXT, [company], anchors=[0, 2, 7])
    assert "".join(s["text"] for s in segs) == TEXT
    assert [s["anchor"] for s in segs if "anchor" in s] == [7]  # 0 is the mention's own id
    assert segs[0]["anchors"] == [2]  # inside the drawn mention
