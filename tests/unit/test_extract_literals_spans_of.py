"""spans_of: the occurrences re.finditer(re.escape(needle)) finds."""
from __future__ import annotations

import re

from cgtatlas.extract.literals import spans_of


def test_extract_literals_spans_of_matches_finditer():
    text = "aaaa某某某某（某某）.*某某a"
    for needle in ("aa", "某某", "a", ".*", "某某a", "无"):
        assert spans_of(text, needle) == [m.span() for m in re.finditer(re.escape(needle), text)]


def test_extract_literals_spans_of_empty_needle():
    assert spans_of("abc", "") == []
