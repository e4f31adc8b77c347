"""Back-references and lists for the relation rules: "该公司", "公司", "该平台",
"园区" resolved to the mention they stand for, the company a document defines as
"公司" ("甲（以下简称“公司”）"), and lists of names ("甲、乙和丙")."""
from __future__ import annotations

import re

from cgtatlas.extract.rel_common import Ctx, main_name
from cgtatlas.model import Mention

# a list of names: "甲、乙（简称丙）和丁" — separators, optionally after a bracketed short name
LIST_SEP = re.compile(r"^(?:[（(][^（）()]{1,20}[）)]|[”\"」』]?[）)])?\s*(?:[、，,和及与同]|以及)?\s*$")
BACKREFS = (
    (re.compile(r"该公司|该企业|其"), "Company", "last"),
    (re.compile(r"公司"), "Company", "main"),
    (re.compile(r"该平台|该中心"), "Platform", "last"),
    (re.compile(r"该园区|园区"), "Park", "main"),
    (re.compile(r"该院|该医院|我院|本院|医院"), "Hospital", "main"),
)


BACKREF_ANY = re.compile("|".join(pattern.pattern for pattern, _, _ in BACKREFS))  # a quick "none here"
NO_GAP = re.compile(r"^\s*$")
# "甲（以下简称“乙”）": the short name 乙 inside the bracket names 甲 again
INTO_BRACKET = re.compile(r"^[（(][^（）()]{0,20}$")
# "甲（以下简称“公司”或“甲”）": the document names 甲 "公司" on purpose
DEFINED_AS_COMPANY = re.compile(r"简称\s*[:：]?\s*[“\"「『]?本?公司[”\"」』]")
BARE_COMPANY = re.compile(r"本?公司")
# what may stand before a "公司" that is the defined name, not part of a word ("子公司", "该公司")
REF_LEFT = frozenset("由为是与和同及、，,。；;：:\n（( 本将在对向于给自")


def listed_before(ctx: Ctx, end: int, floor: int, types, lead: re.Pattern = NO_GAP) -> list[Mention]:
    """Mentions of `types` forming a list that ends at `end` ("甲、乙和丙"), in text
    order; the text between the last one and `end` must match `lead`. The defined
    "公司" counts as a mention of its company ("公司与甲联合开发")."""
    found: list[Mention] = []
    cursor = end
    for m in reversed(with_own_refs(ctx, ctx.between(floor, end, None), floor, end)):
        if m.end > cursor:
            continue
        gap = ctx.text[m.end:cursor]
        if found and found[-1].name == m.name and INTO_BRACKET.match(gap):
            found[-1], cursor = m, m.start  # the full name, not its short form
            continue
        if m.type not in types or not (LIST_SEP.match(gap) if found else lead.match(gap)):
            break
        found.append(m)
        cursor = m.start
    return list(reversed(found))


def main_of(ctx: Ctx, etype: str) -> str:
    return ctx.memo(etype, lambda: main_name(ctx.of_type((etype,))))


def backref(ctx: Ctx, start: int, end: int) -> Mention | None:
    """A back-reference ("该公司", "公司", "该平台", "园区") in text[start:end] resolved to
    the mention it stands for: the last one of that type before ("该…") or the document's
    most mentioned one (a bare "公司" in a company's own text; the defined one first)."""
    if not BACKREF_ANY.search(ctx.text, start, end):
        return None
    for pattern, etype, how in BACKREFS:
        hit = pattern.search(ctx.text, start, end)
        if not hit:
            continue
        if how == "last":
            return ctx.last_before(hit.start(), (etype,))
        if etype == "Company" and own_company(ctx):
            return own_company(ctx)
        name = main_of(ctx, etype)
        for m in ctx.of_type((etype,)):
            if m.name == name:
                return m
    return None


def own_company(ctx: Ctx) -> Mention | None:
    """The company the document defines as "公司" / "本公司", if any (looked up once)."""
    return ctx.memo("§own", lambda: _defined_company(ctx))


def _defined_company(ctx: Ctx) -> Mention | None:
    hit = DEFINED_AS_COMPANY.search(ctx.text)
    if not hit:
        return None
    bracket = max(ctx.text.rfind("（", 0, hit.start()), ctx.text.rfind("(", 0, hit.start()))
    if bracket < 0 or hit.start() - bracket > 6:
        return None
    company = ctx.last_before(bracket, ("Company",), floor=max(0, bracket - 80))
    return company if company and company.end == bracket else None


def own_refs(ctx: Ctx) -> list[Mention]:
    """Each bare "公司" / "本公司" standing for the defined company, as a mention of it.
    None when the document defines no "公司": a generic "公司" names nobody."""
    return ctx.memo("§refs", lambda: _own_refs(ctx))


def _own_refs(ctx: Ctx) -> list[Mention]:
    own = own_company(ctx)
    refs: list[Mention] = []
    if own:
        for hit in BARE_COMPANY.finditer(ctx.text):
            s, e = hit.span()
            if ctx.inside_mention(s):
                continue  # inside a name ("某某有限公司")
            if s and ctx.text[s - 1] not in REF_LEFT:
                continue  # a word ending in 公司: "子公司", "该公司", "医药公司"
            refs.append(Mention("Company", hit.group(0), s, e, own.name, "rel_refs"))
    return refs


def with_own_refs(ctx: Ctx, mentions: list[Mention], start: int, end: int) -> list[Mention]:
    """`mentions` (in text order, inside [start, end)) with the defined "公司"s there."""
    refs = [r for r in own_refs(ctx) if start <= r.start and r.end <= end]
    if not refs:
        return mentions
    return sorted([*mentions, *refs], key=lambda m: m.start)


def person_spots(ctx: Ctx) -> list[Mention]:
    """Every place a person is named: the Person mentions, and each later bare use of a
    name already found ("韩振宇当选理事长。…韩振宇作了报告": the entity stage marks a
    person where a post frames the name, not every time it is repeated)."""
    return ctx.memo("§people", lambda: _person_spots(ctx))


def _person_spots(ctx: Ctx) -> list[Mention]:
    people = ctx.of_type(("Person",))
    spots = list(people)
    for name in {m.name for m in people if len(m.name) >= 2}:
        pos = ctx.text.find(name)
        while pos >= 0:
            if not ctx.inside_mention(pos):  # (nor the mention itself)
                spots.append(Mention("Person", name, pos, pos + len(name), name, "rel_refs"))
            pos = ctx.text.find(name, pos + len(name))
    spots.sort(key=lambda m: m.start)
    return spots
