"""In-document aliases: which surfaces name the same thing, and its fullest name.

Links made here: "X（以下简称“Y”）" and "X（ABBR）" brackets; the listed forms of
one government body (国家发改委 = 国家发展改革委); a region's suffixed form
(北京市 -> 北京); a name with and without a country or region prefix
(美国FDA / FDA); a company's full registered name and its short form. Every
mention of a group gets the group's name (the fullest form the document uses)
and one type.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from cgtatlas.extract import org_lexicon as lex
from cgtatlas.extract.literals import occurrences, spans_of
from cgtatlas.lexicon import load_words
from cgtatlas.model import Document, Mention

SHORT_FORM = re.compile(r"[（(]\s*(?:以下|下文|下)?\s*(?:简称|称)\s*[:：]?\s*[“\"「『]?([^”\"」』）)，,。]{2,20}?)[”\"」』]?\s*[）)]")
ABBREVIATION = re.compile(r"[（(]\s*([A-Za-z][A-Za-z0-9\-]{1,11})\s*[）)]")
CHINESE_FORM = re.compile(r"[（(]([\u4e00-\u9fff]{2,12})[）)]")
REGION_SUFFIXES = ("特别行政区", "自治区", "新区", "省", "市", "区", "县")
NOT_REGION_SUFFIX = ("湾区", "地区", "城区", "园区", "片区", "特区", "山区", "社区", "辖区", "景区", "郊区", "老区", "港区")
COUNTRY_PREFIXES = ("美国", "中国", "英国", "法国", "德国", "日本", "韩国", "欧洲", "欧盟", "国家")
COMPANY_SUFFIXES = ("股份有限公司", "有限责任公司", "有限公司", "集团")


def link_aliases(doc: Document) -> Document:
    _add_bracket_forms(doc)
    groups = _Groups()
    for m in doc.mentions:
        if m.source.endswith(":distributed"):
            continue  # its surface is a place; its name is the shared-head name
        groups.add(m.surface)
        key = _base_key(m)
        if key != m.surface:
            groups.union(m.surface, key)
        if m.name != m.surface:
            groups.union(m.surface, m.name)  # a canonical name an earlier stage chose
    _link_prefixed_forms(doc.mentions, groups)
    _name_groups(doc, groups)
    return doc


@lru_cache(maxsize=8192)
def region_name(surface: str) -> str:
    """北京市 -> 北京, 浦东新区 -> 浦东; 粤港澳大湾区 stays."""
    if surface.endswith(NOT_REGION_SUFFIX):
        return surface
    for suffix in REGION_SUFFIXES:
        rest = surface[: -len(suffix)]
        if surface.endswith(suffix) and len(rest) >= 2:
            return rest
    return surface


def _base_key(m: Mention) -> str:
    """The key that joins forms of the same thing regardless of context."""
    if m.type == "Region":
        return region_name(m.surface)
    body = lex.known_bodies().get(m.surface)
    return "§" + body[1] if body else m.surface


class _Groups:
    """Union-find over surface strings."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def add(self, key: str) -> None:
        self.parent.setdefault(key, key)

    def find(self, key: str) -> str:
        parent = self.parent
        up = parent.setdefault(key, key)
        while up != key:  # (path halving)
            parent[key] = up = parent[up]
            key, up = up, parent[up]
        return key

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


def _add_bracket_forms(doc: Document) -> None:
    """X（以下简称“Y”）/ X（ABBR）: Y names X; its later uses become mentions of X."""
    brackets = _positions(doc.text, "（(")
    named = [match for pattern in (SHORT_FORM, ABBREVIATION) for match in _matches_at(pattern, doc.text, brackets)]
    chinese = list(_matches_at(CHINESE_FORM, doc.text, brackets))
    if not named and not chinese:
        return
    by_end = {m.end: m for m in doc.mentions}  # (before any alias is added)
    for match in named:
        owner = by_end.get(match.start())
        short = match.group(1).strip()
        if owner is None or _is_generic(short) or short == owner.surface:
            continue
        _mention_all(doc, short, owner)
    for match in chinese:
        owner = by_end.get(match.start())
        short = match.group(1)
        if owner is not None and owner.type != "Region" and _other_form(doc, owner, match):
            _mention_all(doc, short, owner)


def _positions(text: str, chars: str) -> list[int]:
    """Offsets of `chars` in `text`, in order."""
    return [at for at, _ in occurrences(text, chars)]


def _matches_at(pattern: re.Pattern, text: str, starts: list[int]) -> Iterator[re.Match]:
    """pattern.finditer(text) for a pattern that can only start at one of `starts`."""
    end = 0
    for at in starts:
        if at >= end and (match := pattern.match(text, at)):
            end = match.end()
            yield match


def _other_form(doc: Document, owner: Mention, match: re.Match) -> bool:
    """某某大学附属某某医院（某某医院） / 某谷生物城（某某产业基地）: a bracket
    right after a name holding a part of it, or another name of the same type."""
    short = match.group(1)
    if _is_generic(short) or short == owner.surface:
        return False
    if short in owner.surface and lex.type_of(short) is not None:
        return True
    return any(m.start == match.start(1) and m.end == match.end(1) and m.type == owner.type
               for m in doc.mentions)


def _is_generic(word: str) -> bool:
    return word in lex.heads() or word in lex.word_set("org_generic") or word in ("该公司", "本公司")


def _mention_all(doc: Document, short: str, owner: Mention) -> None:
    """Mention every free occurrence of `short` as the owner's alias."""
    taken = [(m.start, m.end) for m in doc.mentions]
    for s, e in spans_of(doc.text, short):
        if any(s < te and ts < e for ts, te in taken):
            continue
        doc.mentions.append(Mention(type=owner.type, surface=short, start=s, end=e,
                                    name=owner.surface, source="aliases"))
    doc.meta.setdefault("alias_links", []).append((short, owner.surface))


def _link_prefixed_forms(mentions: list[Mention], groups: _Groups) -> None:
    """美国FDA ~ FDA; 宁波梅山保税区 ~ 梅山保税区; 某某科技有限公司 ~ 某某科技."""
    by_type: dict[str, set[str]] = {}
    for m in mentions:
        if m.source.endswith(":distributed"):
            continue
        by_type.setdefault(m.type, set()).add(m.surface)
    regions = {m.surface for m in mentions if m.type == "Region"}
    regions |= {region_name(surface) for surface in regions}
    for etype, surfaces in by_type.items():
        if etype == "Region":
            continue
        shorts = [(short, bool(_expansions(short))) for short in surfaces if len(short) >= 2]
        for long in surfaces:
            renamed = GOVERNMENT in long
            for short, expands in shorts:
                # (_same_thing needs `short` inside `long`, an expansion of it, or 人民政府)
                if (expands or renamed or short in long) and short != long \
                        and _same_thing(etype, long, short, regions):
                    groups.union(long, short)


GOVERNMENT = "人民政府"


def _same_thing(etype: str, long: str, short: str, regions: set[str]) -> bool:
    if long.replace(GOVERNMENT, "政府") == short:
        return True
    for full in _expansions(short):  # 东湖高新区管委会 ~ 武汉东湖新技术开发区管理委员会
        if full == long or (long.endswith(full) and _is_place_prefix(long[: -len(full)], regions)):
            return True
    if long.endswith(short):
        return _is_place_prefix(long[: -len(short)], regions)
    if etype == "Company" and short in long and long.index(short) <= 3 and len(short) >= 4:
        return long.endswith(COMPANY_SUFFIXES)  # 深圳某某生物科技有限公司 ~ 某某生物
    if etype == "Company" and long.startswith(short):
        return long[len(short):] in COMPANY_SUFFIXES
    return False


def _is_place_prefix(prefix: str, regions: set[str]) -> bool:
    return prefix in COUNTRY_PREFIXES or prefix in regions or region_name(prefix) in regions


@lru_cache(maxsize=4096)
def _expansions(short: str) -> tuple[str, ...]:
    """Forms of `short` with its abbreviated words written out in full."""
    pairs = [line.split("=") for line in load_words("org_abbreviations")]
    out = [short.replace(abbr, full) for abbr, full in pairs if abbr in short]
    out += [form.replace(abbr, full) for form in list(out) for abbr, full in pairs if abbr in form]
    return tuple(out)


def _name_groups(doc: Document, groups: _Groups) -> None:
    """Each group's name is its fullest surface; its type that of that surface."""
    for short, owner in doc.meta.get("alias_links", []):
        groups.union(owner, short)
    owners = {owner for _, owner in doc.meta.get("alias_links", [])}
    members: dict[str, list[Mention]] = {}
    for m in doc.mentions:
        if not m.source.endswith(":distributed"):
            members.setdefault(groups.find(m.surface), []).append(m)
    for group in members.values():
        if len(group) == 1:  # most names occur once: its own name, unless an alias
            fullest = group[0]
            name = fullest.name if fullest.source != "aliases" and fullest.name else fullest.surface
        else:
            fullest = max(group, key=lambda m: (m.surface in owners, len(m.surface), -m.start))
            name = _canonical(group) or fullest.surface
        if fullest.type == "Region":
            name = region_name(name)
        for m in group:
            m.name, m.type = name, fullest.type


def _canonical(group: list[Mention]) -> str | None:
    """A name an earlier stage chose on purpose (closed-list technology names,
    regions without suffix), when there is one: the most frequent."""
    chosen = [m.name for m in group if m.name != m.surface and m.source != "aliases"]
    return max(set(chosen), key=chosen.count) if chosen else None
