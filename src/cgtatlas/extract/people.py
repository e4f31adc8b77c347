"""Person stage: names found by how posts are written around them.

- post + name: 副司长朱某某, 院士田某, 主任Jane Doe
- name + post: 王某某教授, 戴某院长 (left edge: punctuation, an organisation, a post)
- a list before 等 + 科学家/专家: 甲某、乙某某、丙某某等一批科学家
- appointments: 任命某某博士为…, ，某某受聘出任…
- a post cut by layout between two names ("…局刘某局戎某某教授")
A Chinese name is a family name (lexicon/surnames.txt) plus one or two characters,
must be followed by punctuation or a speech/action word (表示, 在, 作 …), and must not
be a dictionary word the tagger reads as something else (公司, 高度). The posts
themselves are read by the relations stage (rel_people.affiliated_with).
"""
from __future__ import annotations

import re
from functools import lru_cache

import ahocorasick_rs

from cgtatlas.extract.segment import tag_text
from cgtatlas.lexicon import load_words
from cgtatlas.model import ORG_TYPES, Document, Mention

AFTER_NAME = (
    "表示", "指出", "介绍", "致辞", "讲话", "发言", "主持", "说", "称", "认为", "强调", "提出",
    "号召", "出席", "参加", "发表", "宣布", "透露", "分享", "带来", "围绕", "就", "对", "担任",
    "也", "则", "在", "作", "为", "等", "和", "与", "及", "以及", "一行", "率", "带领", "会见",
    "代表", "共同", "分别", "教授", "博士", "院士", "先生", "女士", "同志", "团队", "课题组",
    "领衔", "牵头", "回顾", "解读", "详细", "从", "向", "还", "表态", "谈到", "希望", "坦言",
    "以", "当选", "出任", "负责", "获", "获得", "荣获", "作为", "主导", "指导", "接受", "连线",
    "受聘", "加盟", "继续", "兼任", "同时", "此前", "现任", "就任", "履新", "曾任", "曾在", "曾经",
)
# Appointment language: the verb before the person appointed (任命某某为…), and
# the verb after a person named bare, with no post in front (，某某受聘出任…).
APPOINTS = ("任命", "聘任", "聘请", "委任", "提名", "推选", "选举", "增补")
APPOINTED = ("受聘", "加盟", "继续担任", "兼任", "出任", "担任", "当选", "就任", "履新")
POST_AFTER_NAME = ("教授", "院士", "院长", "主任", "局长", "书记", "博士", "先生", "女士", "研究员",
                   "董事长", "总经理", "所长", "理事长", "会长", "部长", "处长", "主任医师", "首席科学家",
                   "副会长", "秘书长", "副理事长", "首席执行官", "科主任", "副主任")
CUE_CHARS = set("在为作等和与及说称对就也则从向率")
NOT_NAME_START = set("和与及由为在对请邀向等将把被从给让是了的")
ORG_END_CHARS = set("局委院所司部处厅会室站心校")
LIST_CUE = re.compile(r"等(?:[^。，；]{0,8}?)(科学家|专家|学者|院士|教授|嘉宾|领导|代表|医生)")
EN_NAME = re.compile(r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?(?:\s+[A-Z]\.\s?|\s+)[A-Z][a-zA-Z'\-]+")
EN_NAME_END = re.compile(r"[a-zA-Z'\-]")
CJK = re.compile(r"[\u4e00-\u9fff]")
CJK_WORD = re.compile(r"[\u4e00-\u9fff]+")


@lru_cache(maxsize=1)
def surnames() -> tuple[frozenset[str], frozenset[str]]:
    """(single-character family names, compound family names)."""
    words = " ".join(load_words("surnames")).split()
    return frozenset(w for w in words if len(w) == 1), frozenset(w for w in words if len(w) == 2)


@lru_cache(maxsize=1)
def titles() -> tuple[str, ...]:
    return tuple(sorted(load_words("person_titles"), key=len, reverse=True))


@lru_cache(maxsize=1)
def _title_automaton() -> ahocorasick_rs.AhoCorasick:
    # A DFA here (about 280 KB, against 55 KB as a contiguous NFA): the scan of
    # the whole text takes about half the instructions.
    return ahocorasick_rs.AhoCorasick(titles(), matchkind=ahocorasick_rs.MatchKind.LeftmostLongest,
                                      implementation=ahocorasick_rs.Implementation.DFA)


@lru_cache(maxsize=1)
def _post_after_automaton() -> ahocorasick_rs.AhoCorasick:
    return ahocorasick_rs.AhoCorasick(POST_AFTER_NAME, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest,
                                      implementation=ahocorasick_rs.Implementation.ContiguousNFA)


def _is_name(word: str, strict: bool = True) -> bool:
    """Family name + 1-2 characters; strict also refuses dictionary words (公司, 高度)."""
    single, compound = surnames()
    size = len(word)
    if not ((size in (3, 4) and word[:2] in compound) or (size in (2, 3) and word[0] in single)):
        return False
    return bool(CJK_WORD.fullmatch(word)) and not (strict and _common_word(word))


@lru_cache(maxsize=4096)
def _common_word(word: str) -> bool:
    """公司, 国家, 高度: a dictionary word the tagger does not read as a person name."""
    toks = tag_text(word)
    return len(toks) == 1 and toks[0].known and not toks[0].tag.startswith("nr")


@lru_cache(maxsize=1)
def _after_name_starts() -> frozenset[str]:
    """First characters of the words that may follow a name (a cheap test first)."""
    return frozenset(word[0] for word in AFTER_NAME + titles())


def _ends_name(text: str, end: int) -> bool:
    nxt = text[end:end + 1]
    return not nxt or not CJK.match(nxt) or (nxt in _after_name_starts() and (
        text.startswith(AFTER_NAME, end) or text.startswith(titles(), end)))


def name_after(text: str, pos: int) -> tuple[int, int] | None:
    """A Chinese name starting at `pos` and ending at a natural boundary."""
    single, compound = surnames()
    if text[pos:pos + 1] not in single and text[pos:pos + 2] not in compound:
        return None  # every name starts with a family name
    for length in (4, 3, 2):
        word = text[pos:pos + length]
        if len(word) == length and _is_name(word) and _ends_name(text, pos + length):
            shorter = (pos, pos + length - 1)
            if length == 3 and word[-1] in CUE_CHARS and _is_name(word[:2]):
                return shorter  # 谢某为12位…: 为 is the verb, not the name
            return pos, pos + length
    return None


def name_before(text: str, end: int, orgs_end: set[int], strict: bool = True) -> tuple[int, int] | None:
    """A Chinese name ending at `end` (right before a post or 、).

    Its left edge must be punctuation, an organisation or a post; in a name list
    (strict=False) a 2-character name may also follow any character that cannot
    start a longer name with it (涌现出甲某、…).
    """
    for length in (3, 2, 4):
        start = end - length
        word = text[max(start, 0):end]
        if start < 0 or not _is_name(word, strict) or word[0] in NOT_NAME_START:
            continue
        if length > 2 and text.endswith(titles(), 0, start + 1):
            continue  # 主任黄某教授: 任 closes the post, it does not open the name
        before = text[start - 1:start] if start else ""
        if (not before or not CJK.match(before) or start in orgs_end or before in ORG_END_CHARS
                or before in NOT_NAME_START or text.endswith(titles(), 0, start)):
            return start, end
        if not strict and not _is_name(text[start - 1:end], strict=False):
            return start, end
    return None


def _add(found: dict[tuple[int, int], str], span, how: str) -> None:
    if span and span not in found:
        found[span] = how


def _post_name(text: str, found: dict) -> None:
    for _, _, title_end in _title_automaton().find_matches_as_indexes(text):
        pos = title_end + (1 if text[title_end:title_end + 1] in (" ", "\u3000") else 0)  # 记者 某某
        span = name_after(text, pos)
        if span is None:
            en = EN_NAME.match(text, pos)
            span = en.span() if en else None
        _add(found, span, "post+name")


def _name_post(text: str, found: dict, orgs_end: set[int]) -> None:
    posts = _post_after_automaton().find_matches_as_indexes(text)
    for _, post_start, post_end in posts:
        if name_after(text, post_end) is not None:
            continue  # 某某董事长王某: the word before the post is the organisation
        _add(found, name_before(text, post_start, orgs_end), "name+post")
    # An English name before a post ends in a Latin letter: without one before any
    # post (no post word can span a Latin letter), skip scanning for such names.
    if not any(EN_NAME_END.match(text, s - 1) for _, s, _ in posts if s):
        return
    for m in EN_NAME.finditer(text):
        if text.startswith(POST_AFTER_NAME, m.end()):
            _add(found, m.span(), "name+post")


def _appointments(text: str, found: dict, orgs_end: set[int]) -> None:
    """任命某某博士为…, 聘任某某出任…; 、某某继续担任…, 某某受聘出任…: the
    person appointed, where no post is written next to the name."""
    hits = _appointment_words(text)
    for _, end in _word_spans([hit for hit in hits if hit[1] in APPOINTS]):
        _add(found, name_after(text, end), "appointed")
    for start, _ in _word_spans([hit for hit in hits if hit[1] in APPOINTED]):
        _add(found, name_before(text, start, orgs_end), "appointed")


def _word_spans(hits: list[tuple[int, str]]) -> list[tuple[int, int]]:
    """(start, end) of the words found (offset, word), in order, none inside an
    earlier one (继续担任, not also its 担任)."""
    out, end = [], 0
    for span in sorted((at, at + len(word)) for at, word in hits):
        if span[0] >= end:
            out.append(span)
            end = span[1]
    return out


@lru_cache(maxsize=1)
def _appointment_automaton() -> ahocorasick_rs.AhoCorasick:
    return ahocorasick_rs.AhoCorasick(APPOINTS + APPOINTED, implementation=ahocorasick_rs.Implementation.DFA)


def _appointment_words(text: str) -> list[tuple[int, str]]:
    """(offset, word) of every occurrence of the appointment words, overlapping
    ones included (each list keeps its own spans, and 受聘|任… may hold both):
    one automaton scan instead of a str.find per word or shared character."""
    words = APPOINTS + APPOINTED
    found = _appointment_automaton().find_matches_as_indexes(text, overlapping=True)
    return sorted((start, words[idx]) for idx, start, _ in found)


def _name_lists(text: str, found: dict) -> None:
    """甲某、乙某某、丙某某等一批科学家: every item of the list."""
    for cue in LIST_CUE.finditer(text):
        end = cue.start()
        items = []
        while True:
            span = name_before(text, end, set(), strict=False)
            if span is None:
                break
            items.append(span)
            if text[span[0] - 1:span[0]] != "、":
                break
            end = span[0] - 1
        if len(items) >= 2 and any(_is_name(text[a:b]) for a, b in items):
            for span in items:
                _add(found, span, "name list")


def _cut_posts(text: str, found: dict) -> None:
    """局刘某局戎某某教授: a post cut by layout between two names."""
    for start, _ in list(found):
        if start >= 3 and text[start - 1] in ORG_END_CHARS:
            for length in (2, 3):
                s = start - 1 - length
                if s > 0 and _is_name(text[s:start - 1]) and text[s - 1] in ORG_END_CHARS:
                    _add(found, (s, start - 1), "cut post")
                    break


def _inside_names(doc: Document) -> bytearray:
    """1 for each character inside an organisation, product or other non-region name."""
    inside = bytearray(len(doc.text) + 1)
    for m in doc.mentions:
        if m.type != "Region":
            inside[m.start:m.end] = b"\x01" * (m.end - m.start)
    return inside


def find_people(doc: Document) -> Document:
    text = doc.text
    orgs_end = {m.end for m in doc.mentions if m.type in ORG_TYPES}
    found: dict[tuple[int, int], str] = {}
    _post_name(text, found)
    _name_post(text, found, orgs_end)
    _appointments(text, found, orgs_end)
    _name_lists(text, found)
    _cut_posts(text, found)
    if not found:
        return doc
    inside = _inside_names(doc)
    for (s, e), how in sorted(found.items()):
        if all(inside[s:e]):
            continue
        doc.mentions.append(Mention("Person", text[s:e], s, e, source=f"people:{how}"))
    return doc
