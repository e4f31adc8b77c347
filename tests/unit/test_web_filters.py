"""Template filters: numbers as people read them; search snippets safe, with only <mark> kept."""
from __future__ import annotations

import pytest

from cgtatlas.web.app import format_number, keep_marks, mark_term


@pytest.mark.parametrize("value, shown", [(15.0, "15"), (3.5, "3.5"), (1200000, "1,200,000"), (None, "")])
def test_web_filters_format_number(value, shown):
    assert format_number(value) == shown


def test_web_filters_keep_marks_restores_only_mark_tags():
    snippet = "研发的<mark>CAR-T</mark>产品&lt;script&gt;alert(1)&lt;/script&gt;"
    out = str(keep_marks(snippet))
    assert "<mark>CAR-T</mark>" in out
    assert "<script>" not in out and "&lt;script&gt;" in out


def test_web_filters_keep_marks_escapes_raw_tags():
    assert str(keep_marks("<img src=x onerror=alert(1)>")) == "&lt;img src=x onerror=alert(1)&gt;"


def test_web_filters_mark_term_marks_the_surface_and_escapes_the_rest():
    out = str(mark_term("<b>华禾生物</b>研发CAR-T", "华禾生物"))
    assert out == "&lt;b&gt;<mark>华禾生物</mark>&lt;/b&gt;研发CAR-T"
