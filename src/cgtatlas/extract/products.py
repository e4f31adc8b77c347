"""Product stage: drug codes by their shape and context, plus registry names.

A drug code is a Latin/digit token such as AB-101, XY010, AbcCAR-017 or ABC-R01:
letters, then digits somewhere, optionally joined by hyphens. A code counts when the
sentence around it reads like a product (产品, 疗法, 注射液, 在研, 自主研发, 获批 …)
and it is not a target (CD19), year, standard, phone or registration number. A dosage
form written right after the code (注射液, 胶囊 …) belongs to the name; the bare code
elsewhere in the document becomes its alias. Approved products come from
lexicon/cgt_registry.tsv.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import ahocorasick_rs

from cgtatlas.extract.biomed import target_spans
from cgtatlas.extract.literals import spans_of
from cgtatlas.model import Document, Mention

# The look-behind (nothing code-like right before) sits after the first letter so
# that the pattern starts with a character class: the regex engine then drops
# each Chinese character with one class test instead of running the look-behind.
CODE = re.compile(
    r"(?P<code>[A-Za-z](?<![A-Za-z0-9\-_./@].)[A-Za-z0-9]*(?:[-‐][A-Za-z0-9]+){0,2})"
    r"(?P<form>注射液|注射剂|胶囊|片|颗粒|滴眼液|口服液|细胞注射液)?"
    r"(?![A-Za-z0-9\-_@]|\.[A-Za-z0-9])")
# Letter heads of codes that are standards, registrations, viruses or cytokines.
NOT_CODE_HEADS = frozenset(
    "ISO GB ICP COVID SARS HIV HPV EBV HBV HCV HLA GMP GLP GCP ICH IL Cas CRISPR WHO FY TEL Tel "
    "QQ ID No NO www http CN US EP WO PCT USB MP".split())
NOT_CODES = frozenset({"mRNA", "siRNA", "CMC", "CRO", "CDMO", "IIT", "AI", "IND", "BLA", "NDA"})
CUE_BEFORE = re.compile(
    r"(产品|疗法|注射液|药物|新药|候选药|在研|自主研发的?|研发的|管线|候选物|制剂|疫苗|品种|项目|代号[:：]?)"
    r"[\s“”\"]*$")
CUE_AFTER = re.compile(
    r"^[\s“”\"]*(注射液|胶囊|获得|获批|获|被|已获|拟|是|为|于|的(I|II|III|Ⅰ|Ⅱ|Ⅲ|1|2|3)期|"
    r"(I|II|III|Ⅰ|Ⅱ|Ⅲ|1|2|3)期|临床|IND|新药|上市|用于|在(美国|中国|国内)|注册|申报|治疗)")
WINDOW = 24
SENTENCE_END = re.compile(r"[。！？；\n]")
CUE_WORD = re.compile(r"(产品|疗法|在研|自主研发|管线)")
# “品牌名”（研发代号X）: a quoted brand name with its code in brackets.
BRAND = re.compile(r"[“\"]([\u4e00-\u9fff]{2,8})[”\"]\s*[（(](?:研发代号|产品代号|代号)?[:：]?\s*"
                   r"([A-Za-z][A-Za-z0-9]*(?:[-‐][A-Za-z0-9]+){0,2})\s*[）)]")


@dataclass(frozen=True)
class RegistryEntry:
    kind: str  # product, company, regulator
    name: str
    forms: tuple[str, ...]
    company: str
    source: str


@lru_cache(maxsize=1)
def registry() -> tuple[RegistryEntry, ...]:
    """Entries of lexicon/cgt_registry.tsv (each with the source it was compiled from)."""
    text = resources.files("cgtatlas.lexicon").joinpath("cgt_registry.tsv").read_text(encoding="utf-8")
    entries = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, name, forms, company, source = (line.split("\t") + [""] * 5)[:5]
        entries.append(RegistryEntry(kind, name, tuple(f for f in forms.split("|") if f), company, source))
    return tuple(entries)


@lru_cache(maxsize=1)
def _product_automaton() -> tuple[ahocorasick_rs.AhoCorasick, tuple[str, ...], dict[str, int]]:
    owner: dict[str, int] = {}
    for i, entry in enumerate(registry()):
        if entry.kind == "product":
            for form in (entry.name, *entry.forms):
                owner.setdefault(form, i)
    forms = tuple(owner)
    ac = ahocorasick_rs.AhoCorasick(forms, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest,
                                    implementation=ahocorasick_rs.Implementation.ContiguousNFA)
    return ac, forms, owner


LETTERS_YEAR = re.compile(r"[A-Za-z]+(?:19|20)\d\d")
LETTER_HEAD = re.compile(r"[A-Za-z]+")
LETTER_DIGITS_TWICE = re.compile(r"[A-Z]\d+[A-Z]\d+")


def looks_like_code(code: str) -> bool:
    """Letters then digits, not a standard/registration/target-like abbreviation."""
    if len(code) < 4 or len(code) > 20 or code.isalpha() or not any(c.isdigit() for c in code):
        return False  # (isalpha: a quick answer for plain words, which have no digit)
    if sum(c.isalpha() for c in code) < 2 or code in NOT_CODES or LETTERS_YEAR.fullmatch(code):
        return False
    head = LETTER_HEAD.match(code).group()
    return head not in NOT_CODE_HEADS and not LETTER_DIGITS_TWICE.fullmatch(code)


def _has_cue(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - WINDOW):start]
    before = SENTENCE_END.split(before)[-1]
    after = text[end:end + WINDOW]
    return bool(CUE_BEFORE.search(before) or CUE_AFTER.search(after) or CUE_WORD.search(before))


def code_products(text: str, targets: list[tuple[int, int]] | None = None) -> list[tuple[int, int, str, str]]:
    """(start, end, code, dosage form) for product codes in `text`; `targets`:
    the target spans in it, when known."""
    shaped = [m for m in CODE.finditer(text) if looks_like_code(m.group("code"))]
    if not shaped:
        return []
    targets = set(target_spans(text) if targets is None else targets)
    candidates, accepted = [], set()
    for m in shaped:
        code = m.group("code")
        if (m.start(), m.end("code")) in targets:
            continue
        candidates.append((m.start(), m.end(), code, m.group("form") or ""))
        if m.group("form") or _has_cue(text, m.start(), m.end("code")):
            accepted.add(code)
    # once the document shows a code is a product, every mention of it counts
    return [c for c in candidates if c[2] in accepted]


def _brand_names(text: str, codes: set[str]) -> dict[str, str]:
    """code -> the quoted brand name written right before it, for product codes."""
    if not codes:
        return {}
    return {m.group(2): m.group(1) for m in BRAND.finditer(text) if m.group(2) in codes}


def _registry_products(text: str) -> list[tuple[int, int, int]]:
    ac, forms, owner = _product_automaton()
    out = []
    for idx, s, e in ac.find_matches_as_indexes(text):
        before, after = text[s - 1:s], text[e:e + 1]
        if forms[idx].isascii() and ((before.isascii() and before.isalnum()) or (after.isascii() and after.isalnum())):
            continue
        out.append((s, e, owner[forms[idx]]))
    return out


def find_products(doc: Document) -> Document:
    text = doc.text
    codes = code_products(text, doc.meta.get("_target_spans"))  # (as the targets stage found them)
    fullest: dict[str, str] = {}
    for _, _, code, form in codes:
        if len(code + form) > len(fullest.get(code, "")):
            fullest[code] = code + form
    brands = _brand_names(text, set(fullest))
    for s, e, code, _ in codes:
        name = brands.get(code, fullest[code])
        doc.mentions.append(Mention("Product", text[s:e], s, e, name, source="products"))
    for brand in set(brands.values()):
        for s, e in spans_of(text, brand):
            doc.mentions.append(Mention("Product", brand, s, e, brand, source="products:brand"))
    taken = [(s, e) for s, e, _, _ in codes]
    seen_names: dict[int, str] = {}
    for s, e, owner in _registry_products(text):
        if any(s < te and ts < e for ts, te in taken):
            continue
        seen_names.setdefault(owner, text[s:e])
        doc.mentions.append(Mention("Product", text[s:e], s, e, seen_names[owner], source="registry"))
    return doc
