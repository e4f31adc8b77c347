"""Disease and Target stage.

Diseases: a lexicon of common indications (lexicon/diseases.txt) extended to the
left by narrowing modifiers (恶性, 输血依赖型, 慢加急性 ...), plus names built like
diseases (…瘤, …癌, …病, …贫血, …衰竭 …) right after a treatment cue (治疗, 针对).
The GUIDE's generic words (肿瘤, 实体瘤, 罕见病 …) are never entities.
Targets: CD<n>/Claudin shapes, a list of well-known targets, and any Latin token
right after 靶向 (IL-2 is a target only there).
"""
from __future__ import annotations

import re
from functools import lru_cache

import ahocorasick_rs

from cgtatlas.lexicon import load_words
from cgtatlas.model import Document, Mention

GENERIC_DISEASE = frozenset(
    "肿瘤 恶性肿瘤 癌症 血液瘤 血液肿瘤 实体瘤 实体肿瘤 罕见病 遗传病 慢性病 疾病 重大疾病 "
    "免疫疾病 自身免疫病 传染病 常见病 多发病 疑难病 职业病 适应症 并发症 新适应症 病 症 癌 瘤 "
    "遗传性疾病 罕见疾病 慢病 难治性疾病 疑难杂症 炎症 感染性疾病".split())
GENERIC_ENDINGS = tuple(g for g in GENERIC_DISEASE if len(g) > 1)
DISEASE_HEADS = "白血病|淋巴瘤|骨髓瘤|肉瘤|瘤|癌|病|症|炎|贫血|衰竭|变性|卒中|综合征|损伤"
STOP_CHARS = "已至将的了和与及或等在是为对将把被有也都而并从到向中上下后前、，,。；;：:（）()“”\"'《》 "
SHAPE_AT = re.compile(r"(?P<d>[^" + re.escape(STOP_CHARS) + r"]{1,10}?(?:" + DISEASE_HEADS
                      + r"))(?![种人房例灶变理毒区床史程状患友情历因原])")
CUES = ("用于治疗", "治疗", "针对", "适应症为", "适应症是", "罹患", "患有", "诊断为", "用于")


def _latin_token(text: str, start: int, end: int) -> bool:
    """A Latin word must stand alone: ALL, not ALLOW; CD19, not CD190."""
    before, after = text[start - 1:start], text[end:end + 1]
    if text[start].isascii() and before.isascii() and (before.isalnum() or before == "-"):
        return False
    return not (text[end - 1].isascii() and after.isascii() and after.isalnum())


def _automaton(words, dfa: bool = False) -> tuple[ahocorasick_rs.AhoCorasick, tuple[str, ...]]:
    # A DFA scans the text in about half the instructions; it is used only for
    # the short lists, where it stays small (the disease DFA would be ~870 KB).
    words = tuple(words)
    impl = ahocorasick_rs.Implementation.DFA if dfa else ahocorasick_rs.Implementation.ContiguousNFA
    return ahocorasick_rs.AhoCorasick(words, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest,
                                      implementation=impl), words


@lru_cache(maxsize=1)
def disease_lexicon() -> tuple[ahocorasick_rs.AhoCorasick, tuple[str, ...], dict[str, str], frozenset[str]]:
    """(automaton over forms, forms, form -> canonical core, abbreviations needing a full form)."""
    forms: dict[str, str] = {}
    abbrev: set[str] = set()
    for line in load_words("diseases"):
        canonical, _, others = line.partition("=")
        canonical = canonical.strip()
        forms[canonical] = canonical
        for other in (o.strip() for o in others.split(",")):
            if other:
                forms[other.rstrip("?")] = canonical
                if other.endswith("?"):
                    abbrev.add(other.rstrip("?"))
    ac, words = _automaton(forms)
    return ac, words, forms, frozenset(abbrev)


@lru_cache(maxsize=1)
def modifiers() -> tuple[str, ...]:
    return tuple(sorted(load_words("disease_modifiers"), key=len, reverse=True))


@lru_cache(maxsize=1)
def _modifier_sets() -> tuple[frozenset[str], list[tuple[int, frozenset[str]]]]:
    """(last characters of modifiers, [(length, modifiers of that length)] longest first)."""
    mods = modifiers()
    lengths = sorted({len(m) for m in mods}, reverse=True)
    return frozenset(m[-1] for m in mods), [(n, frozenset(m for m in mods if len(m) == n)) for n in lengths]


def _extend_left(text: str, start: int) -> int:
    """Take narrowing modifiers written right before a disease (复发难治性, 恶性 …),
    the longest first (two modifiers of one length cannot both end at `start`)."""
    last_chars, by_length = _modifier_sets()
    while start and text[start - 1] in last_chars:
        for length, mods in by_length:
            if length <= start and text[start - length:start] in mods:
                start -= length
                break
        else:
            break
    return start


def _lexicon_diseases(text: str) -> list[tuple[int, int, str]]:
    ac, words, forms, abbrev = disease_lexicon()
    found, full_seen = [], set()
    for idx, start, end in ac.find_matches_as_indexes(text):
        core = words[idx]
        if not _latin_token(text, start, end) or (core in abbrev and forms[core] not in full_seen):
            continue
        full_seen.add(forms[core])
        found.append((_extend_left(text, start), end, forms[core]))
    return found


def _shape_diseases(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Disease-shaped names right after a treatment cue."""
    found = []
    cue_ac, cues = _cue_automaton()
    for idx, _, cue_end in cue_ac.find_matches_as_indexes(text):
        m = SHAPE_AT.match(text, cue_end)
        if not m:
            continue
        s, e = m.span("d")
        if not _is_generic(m.group("d")) and not any(s < te and ts < e for ts, te in taken):
            found.append((s, e, m.group("d")))
    return found


@lru_cache(maxsize=1)
def _cue_automaton():
    return _automaton(CUES, dfa=True)


def _disease_candidates(text: str) -> list[tuple[int, int, str]]:
    """(start, end, core key) for lexicon and shape matches."""
    found = _lexicon_diseases(text)
    return found + _shape_diseases(text, [(s, e) for s, e, _ in found])


def _is_generic(name: str) -> bool:
    """肿瘤, 晚期实体瘤, 罕见病: generic however narrowed."""
    return name in GENERIC_DISEASE or name.endswith(GENERIC_ENDINGS)


def _name_groups(text: str, found: list[tuple[int, int, str]]) -> dict[str, str]:
    """core key -> the fullest surface in the document (names abbreviations too)."""
    best: dict[str, str] = {}
    for s, e, key in found:
        surface = text[s:e]
        if len(surface) > len(best.get(key, "")):
            best[key] = surface
    # a bare core ("地中海贫血") written elsewhere with a wider name joins that name
    for key, surface in list(best.items()):
        for other_key, other in best.items():
            if other_key != key and other.endswith(key) and len(other) > len(surface):
                best[key] = other
    return best


def find_diseases(doc: Document) -> Document:
    text = doc.text
    found = [f for f in _disease_candidates(text) if not _is_generic(text[f[0]:f[1]])]
    names = _name_groups(text, found)
    for s, e, key in sorted(found):
        doc.mentions.append(Mention("Disease", text[s:e], s, e, names[key], "biomed"))  # source by position: cheaper
    return doc


CD_SHAPE = re.compile(r"CD\d{1,3}[a-z]?|(?:Claudin|CLDN)\s?18(?:\.2)?")
TARGET_CUE = re.compile(r"靶向\s*(?P<t>[A-Za-z][A-Za-z0-9\-\.αβ]{1,12}(?:/[A-Za-z][A-Za-z0-9\-\.]{1,12})*)")


@lru_cache(maxsize=1)
def _target_automaton():
    return _automaton(load_words("targets"), dfa=True)


def target_spans(text: str) -> list[tuple[int, int]]:
    """Spans of molecular targets (also used by the products stage to skip them)."""
    spans = {m.span() for m in CD_SHAPE.finditer(text) if _latin_token(text, *m.span())}
    ac, _ = _target_automaton()
    spans.update((s, e) for _, s, e in ac.find_matches_as_indexes(text) if _latin_token(text, s, e))
    for m in TARGET_CUE.finditer(text):
        pos = m.start("t")
        for part in m.group("t").split("/"):
            part = part.rstrip(".-")
            if part and not part.upper().startswith("CAR"):
                spans.add((pos, pos + len(part)))
            pos += len(part) + 1
    return sorted(spans)


WHITESPACE = re.compile(r"\s+")


def find_targets(doc: Document) -> Document:
    spans = doc.meta["_target_spans"] = target_spans(doc.text)  # (the products stage skips them)
    for s, e in spans:
        surface = doc.text[s:e]
        doc.mentions.append(Mention("Target", surface, s, e, WHITESPACE.sub("", surface), source="biomed"))
    return doc


def find_diseases_and_targets(doc: Document) -> Document:
    return find_targets(find_diseases(doc))
