"""Overlap resolution runs per group of overlapping mentions: same result as one greedy pass."""
from __future__ import annotations

from cgtatlas.extract.overlaps import resolve_overlaps
from cgtatlas.model import Document, Mention


def _at(etype: str, start: int, end: int, source: str = "t") -> Mention:
    return Mention(type=etype, surface="x" * (end - start), start=start, end=end, source=source)


def _spans(mentions: list[Mention]) -> list[tuple[int, int, str]]:
    return [(m.start, m.end, m.type) for m in resolve_overlaps(Document(id="t", text="x" * 40, mentions=mentions)).mentions]


def test_extract_overlaps_chain_is_one_group():
    # 0-4 and 8-12 do not touch, but 3-9 (the longest) links them and wins alone;
    # then 10-12 survives beside it, and the far mention stays.
    mentions = [_at("Region", 0, 4), _at("Company", 3, 10), _at("Region", 8, 12), _at("Region", 10, 12),
                _at("Event", 20, 22)]
    assert _spans(mentions) == [(3, 10, "Company"), (10, 12, "Region"), (20, 22, "Event")]


def test_extract_overlaps_nested_and_touching_spans():
    mentions = [_at("Region", 5, 7), _at("Company", 0, 5), _at("Event", 2, 9), _at("Company", 3, 5, "x:nested"),
                _at("Region", 9, 11), _at("Park", 9, 11)]
    assert _spans(mentions) == [(2, 9, "Event"), (3, 5, "Company"), (9, 11, "Park")]
