"""The last stop word before an event head, found with one backing-off regex."""
from __future__ import annotations

from cgtatlas.extract.events import STOP_WORDS, _after_last_stop_word


def test_extract_events_no_stop_word_inside_another():
    # the regex finds the last place a stop word starts; that word ends last
    # only while no stop word sits inside another one (prefix or suffix is fine)
    assert not [(a, b) for a in STOP_WORDS for b in STOP_WORDS if a != b and b in a[1:-1]]


def test_extract_events_after_last_stop_word():
    text = "由某某举办的其中生物论坛"
    assert _after_last_stop_word(text, 0, len(text) - 2) == text.index("生物")  # 其中, not 其
    assert _after_last_stop_word(text, 1, 3) == 1  # none inside the window
    assert _after_last_stop_word("本届时", 0, 3) == 3  # 届时 ends after 本届
