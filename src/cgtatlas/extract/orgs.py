"""Organisations found by how Chinese names are built.

A name ends in a head word (有限公司, 医院, 研究院, 管理局, 产业园, 联盟 ...) that
gives its type; its start is found by walking left over the segmented words
until a stop context: punctuation, a function word (的/在/由), a verb of
action, a title, a time word. Government bodies and national institutions
are also read from a lexicon of their official and short forms.
"""
from __future__ import annotations

import re
from functools import lru_cache

from cgtatlas.extract import org_lexicon as lex
from cgtatlas.extract import org_lists
from cgtatlas.extract.org_names import OPEN, PROPER_TAGS, name_start
from cgtatlas.extract.org_names import STOP_TAGS  # noqa: F401 (kept importable from here)
from cgtatlas.extract.segment import Tokens, is_known, token_index_at, tokens
from cgtatlas.model import Document, Mention

SPECIFIC_TAGS = PROPER_TAGS - {"j"}  # (j: abbreviations, 医保, are not specific)
HEAD_TOKEN_TAGS = {"nt", "j", "n", "nz", "ns", "l", "vn"}


def find_organisations(doc: Document) -> Document:
    toks = tokens(doc)
    if not toks:
        return doc
    places = {m.surface for m in doc.mentions if m.type == "Region"}
    techs = {m.surface for m in doc.mentions if m.type == "Technology"}
    heads, bodies = lex.name_words(doc.text)
    found = [*_head_mentions(doc.text, toks, places, heads), *_known_bodies(doc.text, bodies)]
    found.extend(org_lists.park_anchors(doc.text, toks, found, places))
    found.extend(org_lists.enumerated_parks(doc.text, toks, found, name_start))
    doc.mentions.extend(m for m in found if not _named_by_technology(m, techs))
    return doc


def _named_by_technology(m: Mention, techs: set[str]) -> bool:
    """iPSC平台: a technology plus a generic head names a capability, not a platform."""
    head = lex.type_of(m.surface)
    return head is not None and head.generic and m.surface[: -len(head.word)].removeprefix("自有") in techs


def _head_mentions(text: str, toks: Tokens, places: set[str], found: list) -> list[Mention]:
    """Names ending in the head words `found` (lex.name_words)."""
    out = []
    heads, at = [], []  # the head matches that fit the words, and their token indexes
    for head in found:
        i = token_index_at(toks, head[0])
        if _head_fits(toks, i, head[0], head[1]):
            heads.append(head)
            at.append(i)
    starts = [_start_of(text, toks, i, h) for i, h in zip(at, heads)]
    places = places | org_lists.brand_words(toks, starts, [h[0] for h in heads])
    for k, (head_start, head_end, head) in enumerate(heads):
        start = starts[k]
        inner = _heads_between(heads, k, start)
        mention = _make_mention(text, toks, (start, head_end), head, (places, inner))
        if mention:
            out.append(mention)
            if inner:
                out.extend(org_lists.group_inside(toks, mention, inner))
            if mention.type == "Park":
                out.extend(org_lists.distributed(toks, mention))
    return out


def _start_of(text: str, toks: Tokens, i: int, found: tuple) -> int:
    """Where the name ending in this head (at token i) starts: see
    org_names.name_start; a hospital named after its university starts there."""
    head_start, _, head = found
    if head.type == "Hospital":
        i = _affiliated_from(text, toks, head_start) or i
    return name_start(toks, i, head)


AFFILIATED = "附属"


def _affiliated_from(text: str, toks: Tokens, head_start: int) -> int | None:
    """X大学附属Y医院: the hospital's name runs from the university on. The
    token index of 附属 when it stands in the eight characters before the head."""
    window = text[max(0, head_start - 10):head_start]
    pos = window.rfind(AFFILIATED)
    if pos < 0 or any(not ch.isalnum() for ch in window[pos:]):
        return None
    at = head_start - len(window) + pos
    i = token_index_at(toks, at)
    return i if toks.starts[i] == at and i > 0 else None


def _heads_between(heads: list, k: int, start: int) -> list:
    """Heads (sorted by end) that lie inside [start, end of heads[k])."""
    out = []
    j = k - 1
    while j >= 0 and heads[j][1] > start:
        if heads[j][0] >= start:
            out.append(heads[j])
        j -= 1
    return out[::-1]


def _head_fits(toks: Tokens, i: int, head_start: int, head_end: int) -> bool:
    """The head must end a word; it starts a word or closes a name-like word."""
    word, tag, start, end = toks.words[i], toks.tags[i], toks.starts[i], toks.ends[i]
    if end < head_end:  # the head spans several words: the last must end with it
        last = token_index_at(toks, head_end - 1)
        return toks.ends[last] == head_end and (head_start == start or tag in HEAD_TOKEN_TAGS)
    if word[head_end - start:] in lex.word_set("org_titles"):
        return True  # 大学教授: a head glued to a title
    if end != head_end or word in lex.word_set("org_not_heads"):
        return False
    return head_start == start or tag in HEAD_TOKEN_TAGS or not is_known(word)


def _make_mention(text: str, toks: Tokens, span: tuple[int, int], head: lex.Head,
                  context: tuple[set[str], list]) -> Mention | None:
    """The mention for a name span, or None when it is generic, a venue or a
    body inside another organisation. `context`: region names of the document
    and the head words inside the span (start, end, Head)."""
    places, inner = context
    if head.type == "Venue":
        return None
    start, end = span
    while start < end and text[start] in "·•-.":
        start += 1
    if head.type == "Park":
        start = _drop_outer_place(toks, start, end)
    if inner:
        start = _after_generic_part(toks, (start, end), inner, places)
    end = _with_place_bracket(text, toks, end)
    name = text[start:end]
    if len(name) <= len(head.word) and head.generic:
        return None
    if name in lex.word_set("org_generic"):
        return None
    if head.generic and not _has_specific_word(toks, start, end - len(head.word), places) \
            and not _descriptive_association(name, head) and not _named_by_kind(toks, start, name, head):
        return None
    if head.type == "Agency" and _inside_other_org(name[: -len(head.word)]):
        return None  # a university's or company's own committee or office
    hospital = _hospital_of_department(inner, (start, end), head) if inner else None
    if hospital is not None:
        return Mention(type="Hospital", surface=text[start:hospital], start=start, end=hospital, source="orgs")
    return Mention(type=head.type, surface=name, start=start, end=end, source="orgs")


def _hospital_of_department(inner: list, span: tuple[int, int], head: lex.Head) -> int | None:
    """某某医院基因治疗中心: a hospital's department or centre names the hospital
    (the department is a post, read by the relations stage). The hospital's end."""
    if head.type not in ("Academic", "Platform") or head.word.endswith("医院"):
        return None
    ends = [h_end for h_start, h_end, h in inner if h.type == "Hospital" and span[0] <= h_start and h_end < span[1]]
    return ends[-1] if ends else None


GENERIC_KINDS = ("知名", "重点", "一流", "高水平", "研究型", "综合性", "专业", "相关", "地方", "高等")
PARTY_COMMITTEES = ("市委", "区委", "省委", "县委")


def _named_by_kind(toks: Tokens, start: int, name: str, head: lex.Head) -> bool:
    """Names made of common words that are names all the same: a university
    named by its field (某某科技大学, 3+ characters before 大学), a district's
    government (某某区政府), a party committee's department (市委组织部)."""
    prefix = name[: -len(head.word)]
    if head.word == "大学":
        return len(prefix) >= 3 and not prefix.startswith(GENERIC_KINDS) and _all_nouns(toks, start, len(prefix))
    if head.type == "Agency" and head.word[0] in "区市县省" and head.word.endswith("政府"):
        return len(prefix) >= 2
    return head.word.endswith("部") and prefix in PARTY_COMMITTEES


NOUN_TAGS = {"n", "nz", "ns", "nt", "f", "j"}


def _all_nouns(toks: Tokens, start: int, length: int) -> bool:
    starts, tags = toks.starts, toks.tags
    i = token_index_at(toks, start)
    while i < len(starts) and starts[i] < start + length:
        if tags[i] not in NOUN_TAGS:
            return False
        i += 1
    return True


def _descriptive_association(name: str, head: lex.Head) -> bool:
    """干细胞与再生医学产业联盟: alliances and societies are often named by their
    field alone; a long field name is a name, 产业联盟 is not."""
    return head.type == "Association" and len(name) >= 8


def _inside_other_org(prefix: str) -> bool:
    """某某理工大学学术委员会: a body inside a university, hospital or company."""
    return lex.parent_org_pattern().search(prefix) is not None


PLACE_BRACKET = re.compile(r"[（(]([\u4e00-\u9fff]{2,4})[）)]")


def _with_place_bracket(text: str, toks: Tokens, end: int) -> int:
    """某某科技大学(珠海): a campus or branch place in brackets belongs to the name."""
    match = text[end:end + 1] in OPEN and PLACE_BRACKET.match(text, end)
    if match:
        i = token_index_at(toks, match.start(1))
        if toks.tags[i] == "ns" and is_known(toks.words[i]) and toks.ends[i] == match.end(1):
            return match.end()
    return end


def _after_generic_part(toks: Tokens, span: tuple[int, int], inner: list, places: set[str]) -> int:
    """科技企业孵化器|云岭药谷: a generic description ending in a head word,
    followed by a specific name, is not part of that name."""
    start, end = span
    for h_start, h_end, head in inner:
        if h_start < start or h_end >= end or head.type == "Venue":
            continue
        if h_start == start and head.word in PARTY_COMMITTEES:
            continue  # 市委|宣传部: the committee's department, not a description
        if not _has_specific_word(toks, start, h_start, places) and _has_specific_word(
                toks, h_end, toks.ends[token_index_at(toks, h_end)], places):
            start = h_end
    return start


def _drop_outer_place(toks: Tokens, start: int, end: int) -> int:
    """杭州某某…示范区: a park named after a place inside a city is named
    without the city (the city is a Region mention of its own)."""
    tags = toks.tags
    i = token_index_at(toks, start)
    if i + 1 < len(tags) and tags[i] == "ns" and tags[i + 1] == "ns" and toks.ends[i + 1] < end:
        return toks.starts[i + 1]
    return start


def _has_specific_word(toks: Tokens, start: int, end: int, places: set[str]) -> bool:
    """A place, a proper noun, or a word the tagger does not know (a coined
    name) before the head: what separates 云岭免疫细胞技术公共服务平台 from
    共性技术服务平台."""
    if end <= start:
        return False
    words, tags, starts = toks.words, toks.tags, toks.starts  # (columns: see Tokens)
    i = token_index_at(toks, start)
    while i < len(words) and starts[i] < end:
        word = words[i]
        if _specific_word(word, tags[i]) or (word in places and not _is_acronym(word)):
            return True
        i += 1
    return False


@lru_cache(maxsize=100_000)
def _specific_word(word: str, tag: str) -> bool:
    """_has_specific_word's test of one token, but for the document's places
    (a pure function of the word, so memoised)."""
    if tag in SPECIFIC_TAGS or not is_known(word) or word in lex.known_bodies() or word == "国家":
        return not _is_acronym(word)
    return False


def _is_acronym(word: str) -> bool:
    """CDMO, CRO, AI: field acronyms, not names."""
    return word.isascii() and word.isupper() and len(word) <= 5


def _known_bodies(text: str, found: list) -> list[Mention]:
    """Mentions of the listed bodies `found` (lex.name_words)."""
    bodies = lex.known_bodies()
    out = []
    for start, end, form in found:
        if form.isascii() and _latin_neighbour(text, start, end):
            continue
        out.append(Mention(type=bodies[form][0], surface=form, start=start, end=end, source="orgs:lexicon"))
    return out


def _latin_neighbour(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    return (before.isascii() and before.isalnum()) or (after.isascii() and after.isalnum())
