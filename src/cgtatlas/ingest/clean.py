"""Cleaning steps. Each takes a `Traced` and returns one, so the map from cleaned
offsets back to the original survives every step.

Order matters: whitespace is normalised first, Traditional is converted before
the boilerplate rules (which are written in Simplified), boilerplate lines go
before lines are re-joined, and spaces between Chinese characters go last.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from cgtatlas.ingest.boilerplate import remove_boilerplate_lines, remove_inline_artifacts, remove_running_lines
from cgtatlas.ingest.textmap import Traced, delete_groups, edit, sub

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef"
CJK_PUNCT = "\u3000-\u303f\uff00-\uffef\u2018-\u201f\u2026\u2014\u00b7\u2103"
_ANY_CJK = f"{CJK}{CJK_PUNCT}"


@dataclass
class CleanOptions:
    markdown: bool = False  # strip Markdown markup
    wrapped: bool = False  # lines were wrapped by page width (PDF): re-join full lines


# ---------------------------------------------------------------- whitespace

_CR = re.compile(r"\r(?=\n)")
_ODD_SPACE = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000\r\f\v]")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")


def normalise_whitespace(t: Traced) -> Traced:
    """CRLF -> LF; odd spaces -> ' ' (same length, so the map is untouched); invisibles out."""
    t = sub(t, _CR)
    t = sub(t, _INVISIBLE)
    return sub(t, _ODD_SPACE, lambda m: "\n" if m.group() == "\r" else " ")


_EDGE_SPACES = re.compile(r"^[ \t]+|[ \t]+$", re.M)
_BLANK_RUNS = re.compile(r"\n\n(\n+)")


def strip_lines(t: Traced) -> Traced:
    return sub(t, _EDGE_SPACES)


def collapse_blank_lines(t: Traced) -> Traced:
    t = delete_groups(t, _BLANK_RUNS)
    start = len(t.text) - len(t.text.lstrip())
    end = len(t.text.rstrip())
    return Traced(t.text[start:end], t.map[start:end] + [t.map[end]])


# ---------------------------------------------------------------- Traditional -> Simplified

_CJK_CHAR = re.compile(f"[{CJK}]")


def is_traditional(text: str, converter) -> bool:
    """Traditional when converting changes at least 3% of the Chinese characters."""
    sample = text[:20000]
    converted = converter.convert(sample)
    han = len(_CJK_CHAR.findall(sample))
    if han < 20 or len(converted) != len(sample):
        return han >= 20 and converted != sample
    changed = sum(a != b for a, b in zip(sample, converted))
    return changed >= max(3, 0.03 * han)


def to_simplified(t: Traced, converter) -> Traced:
    """OpenCC t2s; t2s keeps lengths almost always, else convert line by line."""
    converted = converter.convert(t.text)
    if len(converted) == len(t.text):
        return Traced(converted, t.map)
    edits = []
    for m in re.finditer(r"[^\n]+", t.text):
        line = converter.convert(m.group())
        if line != m.group():
            edits.append((m.start(), m.end(), line))
    return edit(t, edits)


# ---------------------------------------------------------------- pinyin debris

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_TONED_DEBRIS = re.compile(f"[(（][a-zü]{{0,5}}[{_TONED}][a-zü{_TONED}]{{0,5}}[)）]")
_TONELESS_DEBRIS = re.compile(f"(?<=[{CJK}])[(（][a-zü]{{1,6}}[)）]")


def remove_pinyin(t: Traced) -> Traced:
    """Drop ruby annotations like 醫(yī): pinyin in brackets glued to the character
    before. Toned pinyin in brackets goes anywhere (no real text looks like that);
    toneless ("的(de)") only after a Chinese character and when the text has at least
    three toned ones too, so "(mRNA)" or "(以下简称…)" always stay."""
    toned = list(_TONED_DEBRIS.finditer(t.text))
    t = edit(t, ((m.start(), m.end(), "") for m in toned))
    if len(toned) >= 3:
        t = sub(t, _TONELESS_DEBRIS)
    return t


# ---------------------------------------------------------------- Markdown

_MD_RULES = [
    re.compile(r"^ {0,3}(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|```.*$|(?:[-*_][ \t]*){3,}$)", re.M),
    re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)"),  # images
    re.compile(r"\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|`"),  # emphasis, code
]
_MD_LINK = re.compile(r"(\[)[^\]\n]*(\]\([^)\n]*\))")


def strip_markdown(t: Traced) -> Traced:
    for rule in _MD_RULES:
        t = sub(t, rule)
    links = list(_MD_LINK.finditer(t.text))
    return edit(t, ((m.start(g), m.end(g), "") for m in links for g in (1, 2)))


# ---------------------------------------------------------------- OCR damage

_CJK_GAP = re.compile(f"[{CJK}] [{CJK}]")
_WIDE_SPACES = re.compile("  +")
_GAP_SIDE = re.compile(f"[{_ANY_CJK}]")
_NARROW_GAP = re.compile(
    f"(?<=[{_ANY_CJK}]) +(?=[{_ANY_CJK}0-9,.;:!?()\"%])|(?<=[{_ANY_CJK}0-9,;:!?)\"%]) +(?=[{_ANY_CJK}])"
)
_SPLIT_CODE = re.compile(r"(?<=[A-Z]{2}-) (?=[A-Z0-9])")  # "CAR- T" -> "CAR-T"


def looks_ocr_damaged(text: str) -> bool:
    """Many single spaces between Chinese characters: the text was OCR'd or pasted from columns."""
    sample = text[:50_000]
    gaps = len(_CJK_GAP.findall(sample))
    return gaps >= 5 and gaps >= 0.01 * len(_CJK_CHAR.findall(sample))


def remove_cjk_spaces(t: Traced) -> Traced:
    """Spaces between Chinese characters (and their punctuation or digits) go; a wide gap
    next to Chinese text separates two fields and becomes a line break; spaces between
    Latin words stay, one each."""
    text = t.text
    edits = []
    for m in _WIDE_SPACES.finditer(text):
        start, end = m.start(), m.end()
        if start == 0 or end == len(text) or text[start - 1].isspace() or text[end].isspace():
            continue
        if _GAP_SIDE.match(text[start - 1]) or _GAP_SIDE.match(text[end]):
            edits.append((start, end, "\n"))
        else:
            edits.append((start + 1, end, ""))
    t = edit(t, edits)
    return sub(sub(t, _NARROW_GAP), _SPLIT_CODE)


def clean_text(t: Traced, converter, options: CleanOptions) -> tuple[Traced, dict]:
    """Run every step; returns the cleaned text and what was done (for Document.meta)."""
    from cgtatlas.ingest.lines import join_broken_lines

    done: dict = {}
    t = remove_running_lines(t)  # before whitespace is normalised: it needs the page breaks
    t = normalise_whitespace(t)
    if is_traditional(t.text, converter):
        t = to_simplified(t, converter)
        done["converted_from_traditional"] = True
    if options.markdown:
        t = strip_markdown(t)
    t = remove_inline_artifacts(t)
    t = remove_pinyin(t)
    t = strip_lines(t)
    before_boilerplate = t.text
    t = remove_boilerplate_lines(t)
    ocr = looks_ocr_damaged(t.text)
    done["ocr_repaired"] = ocr
    t = join_broken_lines(t, ocr=ocr, wrapped=options.wrapped)
    t = remove_cjk_spaces(t)
    t = strip_lines(t)
    t = collapse_blank_lines(t)
    done["before_boilerplate"] = before_boilerplate
    return t, done
