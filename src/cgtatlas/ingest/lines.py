"""Re-joining lines that a page, a column or a scanner broke in mid-sentence.

Decisions are made per line break, looking at the line before (P) and the next
non-blank line (N):
- never when P ends a sentence or N starts a list item / numbered heading;
- always when P ends with a comma or leaves a bracket or quote open;
- in wrapped text (PDF), when P is about as wide as a full line;
- in OCR-damaged text, at any single line break inside a block, and across blank
  lines when P ends with a comma or is a short fragment of a sentence.
"""
from __future__ import annotations

import re
import unicodedata

from cgtatlas.ingest.textmap import Traced, edit

_TERMINAL = set("。！？!?；;…：:")
_CLOSERS = "”’」』）)》】\"'"
_COMMAS = set("，,、")
_LIST_START = re.compile(
    r"^(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}[.、．](?!\d)"
    r"|第[一二三四五六七八九十百\d]+[章节条部分]|[-*•·]\s|#|附件)"
)
_PAIRS = (("（", "）"), ("(", ")"), ("“", "”"), ("《", "》"), ("「", "」"), ("【", "】"))
_LINE = re.compile(r"[^\n]+")


def ends_sentence(line: str) -> bool:
    core = line.rstrip(_CLOSERS)
    return bool(core) and core[-1] in _TERMINAL


def leaves_open(line: str) -> bool:
    return any(line.count(a) > line.count(b) for a, b in _PAIRS)


_WIDE = re.compile("[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\U00020000-\U0003fffd]")


def width(line: str) -> float:
    """Visual width: a Chinese character is 1, a Latin letter or digit about half."""
    wide = len(_WIDE.findall(line))
    return wide + 0.5 * (len(line) - wide)


def join_broken_lines(t: Traced, *, ocr: bool, wrapped: bool) -> Traced:
    lines = [(m.start(), m.end(), m.group()) for m in _LINE.finditer(t.text)]
    full = _full_width(lines) if wrapped else 0.0
    edits = []
    for (_, p_end, p), (n_start, _, n) in zip(lines, lines[1:]):
        blank = t.text.count("\n", p_end, n_start) > 1
        if _should_join(p, n, blank=blank, ocr=ocr, full=full):
            edits.append((p_end, n_start, _separator(p, n)))
    return edit(t, edits)


def _full_width(lines) -> float:
    widths = sorted(width(text) for _, _, text in lines)
    return widths[int(0.9 * (len(widths) - 1))] if widths else 0.0


def _should_join(p: str, n: str, *, blank: bool, ocr: bool, full: float) -> bool:
    if ends_sentence(p) or _LIST_START.match(n):
        return False
    if p[-1] in _COMMAS:
        return ocr or full > 0 or not blank
    if leaves_open(p) and not blank:
        return True
    if full and width(p) >= 0.9 * full:
        return True
    if not ocr:
        return False
    if not blank:
        return not _LIST_START.match(p)
    return len(p) <= 25 and any(c in _COMMAS for c in p) and _is_cjk(p[-1]) and _is_cjk(n[0])


def _is_cjk(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) == "W" and ch.isalpha()


def _separator(p: str, n: str) -> str:
    """Latin words broken across lines need their space back; Chinese needs nothing."""
    if p[-1].isascii() and p[-1].isalnum() and n[0].isascii() and n[0].isalnum():
        return " "
    return ""
