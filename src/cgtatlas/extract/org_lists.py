"""Organisation names read from the document as a whole, not one head at a time.

- brand words: a common noun that opens two or more different names in the
  same document (某谷生物城, 某谷生物医药园) is the name's specific part there;
- enumerated parks: "已建成A园、B园、C园三个专业园区" names every item a park,
  though "园" alone is too common to be a head word;
- park anchors, places sharing a zone's head, a company group named inside its unit.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from cgtatlas.extract import org_lexicon as lex
from cgtatlas.extract.literals import occurrences
from cgtatlas.extract.segment import Tokens, token_index_at
from cgtatlas.model import Mention

# Field words open many generic names (生物医药产业园, 细胞治疗平台): never brands.
FIELD_PARTS = ("生物", "医药", "细胞", "基因", "产业", "科技", "创新", "医疗", "健康", "国际", "中国",
               "全球", "专业", "特色", "国家", "省级", "市级", "园区", "企业", "公共", "技术", "临床")
FIELD_PART = re.compile("|".join(FIELD_PARTS))  # any field word inside a word
BRAND_TAGS = {"n", "nz", "ns", "nr", "j", "nt"}
COUNTED_PARKS = re.compile(r"等?[一二三四五六七八九十两\d]+(?:个|大)[\u4e00-\u9fff]{0,4}?(?:园区|产业园|园)")
CLAUSE_MARKS = "，。；：！？\n"
MAX_LIST = 150
PARK_ENDS = ("园", "城", "基地", "谷")
ENUM_HEAD = lex.Head("园", "Park", False)


def brand_words(toks: Tokens, starts: list[int], head_starts: list[int]) -> set[str]:
    """First words shared by two or more different names of the document."""
    names: dict[str, set[int]] = {}
    for start, head_start in zip(starts, head_starts):
        first = token_index_at(toks, start)
        word = toks.words[first]
        if toks.starts[first] != start or toks.ends[first] > head_start or len(word) < 2:
            continue
        if toks.tags[first] in BRAND_TAGS and not FIELD_PART.search(word):
            names.setdefault(word, set()).add(head_start - start)
    return {word for word, lengths in names.items() if len(lengths) >= 2}


def _clause_start(text: str, end: int) -> int:
    """Offset after the last clause mark before `end` (at most MAX_LIST back)."""
    floor = max(0, end - MAX_LIST)
    return max([text.rfind(mark, floor, end) + 1 for mark in CLAUSE_MARKS] + [floor])


def enumerated_parks(text: str, toks: Tokens, found: list[Mention],
                     name_start: Callable[[Tokens, int, lex.Head], int]) -> list[Mention]:
    """Items of a list closed by "N个(专业)园区": each a Park."""
    counts = _counted_parks(text)
    if not counts:
        return []
    taken = {(m.start, m.end) for m in found}
    out = []
    for match in counts:
        pos = _clause_start(text, match.start())
        items = text[pos:match.start()].split("、")
        if len(items) < 2:
            continue
        for item in items:
            end = pos + len(item)
            pos = end + 1
            if not item.endswith(PARK_ENDS) or (end - len(item), end) in taken:
                continue
            i = token_index_at(toks, end - 1)
            if toks.ends[i] != end:
                continue
            start = max(name_start(toks, i, ENUM_HEAD), end - len(item))
            if end - start >= 4:
                out.append(Mention(type="Park", surface=text[start:end], start=start, end=end,
                                   source="orgs:list"))
    return out


COUNT_NUMERALS = set("一二三四五六七八九十两")


def _counted_parks(text: str) -> list[re.Match]:
    """COUNTED_PARKS.finditer(text), tried only at the numerals before a 个 or
    大 that stands in the 7 characters before a 园 (every match has one):
    finding 园 is much faster than running the pattern, whose numeral start
    is tried at every character."""
    counts = set()
    at = text.find("园")
    while at >= 0:
        counts.update(q for q in range(max(0, at - 7), at) if text[q] in "个大")
        at = text.find("园", at + 1)
    out, end = [], 0
    for q in sorted(counts):
        start = q  # the match holding this 个 starts at the numerals before it
        while start > end and (text[start - 1] in COUNT_NUMERALS or text[start - 1].isdecimal()):
            start -= 1
        if start == q:
            continue
        if start > end and text[start - 1] == "等":
            start -= 1
        match = COUNTED_PARKS.match(text, start)
        if match:
            out.append(match)
            end = match.end()
    return out


def park_anchors(text: str, toks: Tokens, found: list[Mention], places: set[str]) -> list[Mention]:
    """云岭 when the document names 云岭细胞产业园 and 云岭基因岛: a place
    word that starts two or more park names, and is not an administrative
    region, names the park area itself where it stands alone."""
    words, starts, ends = toks.words, toks.starts, toks.ends
    firsts: dict[str, set[str]] = {}
    for m in found:
        if m.type == "Park":
            i = token_index_at(toks, m.start)
            if starts[i] == m.start and ends[i] < m.end and len(words[i]) >= 2:
                firsts.setdefault(words[i], set()).add(m.surface)
    anchors = {w for w, names in firsts.items() if len(names) >= 2 and w not in places}
    if not anchors:
        return []
    return [Mention(type="Park", surface=words[i], start=starts[i], end=ends[i], source="orgs:anchor")
            for i in _token_indexes(text, toks, anchors)]


def _token_indexes(text: str, toks: Tokens, words: set[str]) -> list[int]:
    """Indexes of the tokens that are one of `words`, in order. Found from the
    words' occurrences in the text (str.find), not by visiting every token."""
    found = []
    for at, word in occurrences(text, words):
        i = token_index_at(toks, at)
        if toks.starts[i] == at and toks.words[i] == word:
            found.append(i)
    return sorted(found)


def distributed(toks: Tokens, m: Mention) -> list[Mention]:
    """天津、重庆、福建自由贸易试验区: the head is shared by every place in the
    list, so 天津自由贸易试验区 is named too (at the span of 天津)."""
    if m.type != "Park":
        return []  # (北京、上海科技大学 is not 北京科技大学: only zones share a head)
    words, tags = toks.words, toks.tags
    i = token_index_at(toks, m.start)
    if tags[i] != "ns" or toks.starts[i] != m.start:
        return []
    rest = m.surface[len(words[i]):]
    out = []
    j = i - 1
    while j >= 1 and words[j] in ("、", "和", "及") and tags[j - 1] == "ns":
        place = words[j - 1]
        out.append(Mention(type=m.type, surface=place, start=toks.starts[j - 1], end=toks.ends[j - 1],
                           name=place + rest, source="orgs:distributed"))
        j -= 2
    return out


GROUP_HEADS = ("集团", "控股", "有限公司", "股份有限公司", "公司")


def group_inside(toks: Tokens, outer: Mention, inner: list) -> list[Mention]:
    """A company group's unit (X集团上海Y医院): the group is named on its own too."""
    out = []
    for h_start, h_end, head in inner:
        if head.word not in GROUP_HEADS or h_start < outer.start or h_end >= outer.end:
            continue
        nxt = token_index_at(toks, h_end)
        if toks.starts[nxt] == h_end and toks.tags[nxt] == "ns":
            out.append(Mention(type="Company", surface=outer.surface[: h_end - outer.start],
                               start=outer.start, end=h_end, source="orgs:nested"))
    return out
