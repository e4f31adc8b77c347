"""Region stage: countries, Chinese divisions and macro-regions from lexicon/regions.txt.

Canonical names drop 省/市/区/新区 (GUIDE); the suffixed forms become aliases
because the Mention keeps the surface and sets `name` to the canonical form.
A region written as part of a longer name ("北京市人民政府", "大学(广州)") is skipped
here when that is cheap to see; the overlaps stage drops the rest.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick_rs

from cgtatlas.lexicon import load_words
from cgtatlas.model import Document, Mention

SUFFIXES = {
    "country": (), "macro": (), "autonomous": (), "province": ("省",),
    "municipality": ("市",), "city": ("市",), "district": ("区",), "newarea": ("新区", "区"),
}
# One-character short forms (京, 沪) count only right after a verb of place.
SHORT_BEFORE = set("在来赴进驻抵返离留")
SHORT_NOT_AFTER = set("东剧城都味腔")
# What may follow a region inside a longer organisation or place name.
NAME_CONTINUATIONS = (
    "人民政府", "政府", "委", "党委", "党工委", "人大", "政协",
    "大学", "医院", "人民医院", "医科", "中医", "理工", "师范", "交通大学", "科技大学",
    "证券交易所", "交易所", "自由贸易", "自贸", "保税", "高新区", "经济技术开发区",
    "工业园区", "开发区", "经开区", "产业园", "科学城", "科技城",
)
CONTINUATION_STARTS = frozenset(word[0] for word in NAME_CONTINUATIONS)
OPEN_BRACKETS = "(（"
CLOSE_BRACKETS = ")）"


@dataclass(frozen=True)
class RegionLexicon:
    automaton: ahocorasick_rs.AhoCorasick
    forms: tuple[str, ...]
    canonical: dict[str, str]
    short_forms: frozenset[str]


def _forms_of(line: str) -> tuple[str, list[tuple[str, bool]]]:
    """(canonical, [(form, is_short)]) for one lexicon line."""
    parts = line.split()
    canonical, kind, extras = parts[0], parts[1], parts[2:]
    bare_ok = not canonical.startswith("=")
    canonical = canonical.lstrip("=")
    forms = [(canonical, False)] if bare_ok else []
    forms += [(canonical + suffix, False) for suffix in SUFFIXES[kind]]
    forms += [(extra.rstrip("*"), extra.endswith("*")) for extra in extras]
    return canonical, forms


@lru_cache(maxsize=1)
def region_lexicon() -> RegionLexicon:
    canonical: dict[str, str] = {}
    short: set[str] = set()
    for line in load_words("regions"):
        name, forms = _forms_of(line)
        for form, is_short in forms:
            canonical.setdefault(form, name)
            if is_short:
                short.add(form)
    forms = tuple(canonical)
    # Contiguous NFAs, here and in the other entity stages: as DFAs the
    # automata took about 4x the memory, crowding the tagger's dictionary out
    # of the CPU cache, and the whole pipeline measured slower.
    automaton = ahocorasick_rs.AhoCorasick(forms, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest,
                                           implementation=ahocorasick_rs.Implementation.ContiguousNFA)
    return RegionLexicon(automaton, forms, canonical, frozenset(short))


def canonical_region(word: str) -> str | None:
    """The canonical region name for any lexicon form ("浦东新区" -> "浦东"), else None."""
    return region_lexicon().canonical.get(word)


def _short_form_ok(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    return before in SHORT_BEFORE and after not in SHORT_NOT_AFTER


def _inside_longer_name(text: str, start: int, end: int) -> bool:
    """Cheap signs that the region is part of a longer name."""
    after = text[end:end + 1]
    if after in CONTINUATION_STARTS and text.startswith(NAME_CONTINUATIONS, end):
        return True
    if after.isascii() and after.isalpha():  # 美国FDA: an agency, not the country
        return True
    if after not in CLOSE_BRACKETS:  # ("" is in it: the text may end there)
        return False
    before = text[start - 2:start] if start >= 2 else ""
    # "某大学(深圳)": a qualifier in brackets right after a name
    return len(before) == 2 and before[1] in OPEN_BRACKETS and "\u4e00" <= before[0] <= "\u9fff"


def region_matches(text: str) -> list[tuple[int, int, str]]:
    """(start, end, canonical) of region names in `text`, adjacent ones merged
    ("广州南沙" -> one match named 南沙: the narrower region names the place)."""
    lex = region_lexicon()
    forms, canonical, short_forms = lex.forms, lex.canonical, lex.short_forms
    found: list[tuple[int, int, str]] = []
    for idx, start, end in lex.automaton.find_matches_as_indexes(text):
        form = forms[idx]
        short = form in short_forms
        if short and not _short_form_ok(text, start, end):
            continue
        if found and found[-1][1] == start and not short:
            found[-1] = (found[-1][0], end, canonical[form])
            continue
        found.append((start, end, canonical[form]))
    return found




BOOK_TITLE = re.compile(r"《[^《》\n]{1,80}》")
# 位于某某区的…: a district or county not in the lexicon, named by its suffix in a
# phrase of place (the suffixed form is the surface; the name drops the suffix).
PLACE_CUES = ("位于", "地处", "坐落于", "落户")  # cheap test before the regex
PLACE_PHRASE = re.compile(r"(?:位于|地处|坐落于|落户于?)([\u4e00-\u9fff]{2,3}?)(区|县)(?=的|[，。、；])")


def find_regions(doc: Document) -> Document:
    text = doc.text
    titles = [m.span() for m in BOOK_TITLE.finditer(text)]  # a region in a title is part of it
    title_starts = [s for s, _ in titles]
    for start, end, name in region_matches(text):
        i = bisect.bisect_left(title_starts, start) - 1 if titles else -1
        if _inside_longer_name(text, start, end) or (i >= 0 and end < titles[i][1]):
            continue
        # (source by position: with a keyword each of these many Mentions costs more)
        doc.mentions.append(Mention("Region", text[start:end], start, end, name, "regions"))
    if not any(cue in text for cue in PLACE_CUES):
        return doc
    known = {(m.start, m.end) for m in doc.mentions if m.type == "Region"}
    for match in PLACE_PHRASE.finditer(text):
        if (match.start(1), match.end(2)) not in known and canonical_region(match.group(1)) is None:
            doc.mentions.append(Mention("Region", text[match.start(1):match.end(2)], match.start(1),
                                        match.end(2), match.group(1), source="regions:phrase"))
    return doc
