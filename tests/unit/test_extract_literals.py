"""occurrences: every place each needle stands, overlapping ones too, in text order."""
from cgtatlas.extract.literals import leftmost_longest, occurrences


def test_occurrences_in_text_order_across_needles():
    assert occurrences("甲任命乙，丙担任丁", ("担任", "任命")) == [(1, "任命"), (6, "担任")]


def test_overlapping_and_nested_occurrences_are_all_found():
    assert occurrences("继续担任", ("继续担任", "担任")) == [(0, "继续担任"), (2, "担任")]
    assert occurrences("。。。", ("。。",)) == [(0, "。。"), (1, "。。")]


def test_no_needle_in_text():
    assert occurrences("细胞治疗", ("基因",)) == []
    assert occurrences("", "（(") == []


def test_leftmost_longest_from_overlapping_matches():
    found = [(0, 2, "国家"), (0, 5, "国家发改委"), (2, 5, "发改委"), (3, 5, "改委"), (6, 8, "药监")]
    assert leftmost_longest(found) == [(0, 5, "国家发改委"), (6, 8, "药监")]
    assert leftmost_longest([]) == []
