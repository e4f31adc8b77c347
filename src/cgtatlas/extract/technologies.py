"""Technology stage: the GUIDE's closed list of modalities (lexicon/technologies.txt).

An Aho-Corasick scan over all forms (longest first); Latin forms match only as
whole tokens, and a small regex catches the spaces OCR leaves around hyphens ("CAR- NK"). Bare words
such as 核酸 or NK count only where they name the modality (before a separator or
a therapy word), not in 核酸检测 or NK501. Umbrella terms are simply not listed.
"""
from __future__ import annotations

import re
from functools import lru_cache

import ahocorasick_rs

from cgtatlas.lexicon import load_words
from cgtatlas.model import Document, Mention

# "CAR- T", "CAR -NK": OCR spaces around the hyphen of a Latin form. (The first
# letter stands alone: a pattern opening with a plain class is scanned faster.)
DASHES = "-‐‑–—－"
SPACED = re.compile(rf"[A-Za-z][A-Za-z]{{1,4}}(?:\s+[{DASHES}]\s*|[{DASHES}]\s+)[A-Za-z]{{1,4}}")
SPACES = re.compile(r"\s+")
THERAPY_WORDS = ("药物", "药", "疗法", "治疗", "产品", "技术")
SEPARATORS = set("、，,；;和与及等或 \t\n)）。")


def _latin_edges_ok(text: str, start: int, end: int) -> bool:
    """A Latin form must be a whole token: NK, not NK501 nor CAR-NK's tail."""
    before, after = text[start - 1:start], text[end:end + 1]
    if text[start].isascii() and text[start].isalnum() and before and (
            before.isascii() and (before.isalnum() or before == "-")):
        return False
    return not (text[end - 1].isascii() and text[end - 1].isalnum() and after.isascii() and after.isalnum())


def _bare_ok(text: str, end: int) -> bool:
    """A restricted bare word (核酸, NK) must end a list item or be followed by a therapy word."""
    return end >= len(text) or text[end] in SEPARATORS or text.startswith(THERAPY_WORDS, end)


@lru_cache(maxsize=1)
def technology_forms() -> dict[str, str]:
    """Every form (with its '?' flag) -> canonical name."""
    forms: dict[str, str] = {}
    for line in load_words("technologies"):
        canonical, _, others = line.partition("=")
        canonical = canonical.strip()
        forms[canonical] = canonical
        for other in others.split(","):
            if other.strip():
                forms[other.strip()] = canonical
    return forms


@lru_cache(maxsize=1)
def technology_automaton() -> tuple[ahocorasick_rs.AhoCorasick, tuple[str, ...]]:
    forms = tuple(technology_forms())
    plain = [f.rstrip("?") for f in forms]
    return ahocorasick_rs.AhoCorasick(plain, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest,
                                      implementation=ahocorasick_rs.Implementation.ContiguousNFA), forms


@lru_cache(maxsize=1)
def _canonical_by_plain_form() -> dict[str, str]:
    """Form without its '?' flag -> canonical name (the first form listed wins)."""
    by_plain: dict[str, str] = {}
    for form, canonical in technology_forms().items():
        by_plain.setdefault(form.rstrip("?"), canonical)
    return by_plain


def canonical_technology(surface: str) -> str | None:
    """Canonical name of a surface form ("诱导多能干细胞" -> "iPSC"), else None."""
    return _canonical_by_plain_form().get(SPACES.sub("", surface))


def _has_spaced_dash(text: str) -> bool:
    """Whether a dash stands next to white space anywhere (SPACED needs one). Dashes
    are few and found by str.find; SPACED, opening with a letter class, costs the
    regex engine a test at every character."""
    for dash in DASHES:
        pos = text.find(dash)
        while pos >= 0:
            if (pos and text[pos - 1].isspace()) or text[pos + 1:pos + 2].isspace():
                return True
            pos = text.find(dash, pos + 1)
    return False


def _matches(text: str) -> list[tuple[int, int, str]]:
    ac, forms = technology_automaton()
    canonical = technology_forms()
    out = []
    for m in SPACED.finditer(text) if _has_spaced_dash(text) else ():
        name = canonical_technology(m.group())
        if name and _latin_edges_ok(text, m.start(), m.end()):
            out.append((m.start(), m.end(), name))
    spaced = list(out)
    for idx, start, end in ac.find_matches_as_indexes(text):
        form = forms[idx]
        if not _latin_edges_ok(text, start, end) or spaced and any(s < end and start < e for s, e, _ in spaced):
            continue
        if form.endswith("?") and not _bare_ok(text, end):
            continue
        out.append((start, end, canonical[form]))
    return out


def find_technologies(doc: Document) -> Document:
    for start, end, name in sorted(_matches(doc.text)):
        # (source by position: with a keyword each Mention costs more)
        doc.mentions.append(Mention("Technology", doc.text[start:end], start, end, name, "technologies"))
    return doc
