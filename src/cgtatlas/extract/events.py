"""Event stage: named forums, summits, conferences, expo weeks.

A name is a run of name characters ending in an event head word (论坛, 峰会, 大会,
产业周 …), with an optional leading year and ordinal (2024第五届…). Its left edge is
punctuation, a quote, or the last stop word (的, 由, 举办 …). Bodies made only of
generic words (本次大会, 主题论坛, 9大前沿论坛) are not names. "A——B" (a main event and
its sub-event) is one name with B as alias. Inside a document a shorter form is an
alias of a longer one when only a year or region names stand before it.
"""
from __future__ import annotations

import re
from functools import lru_cache

import ahocorasick_rs

from cgtatlas.extract.regions import region_matches
from cgtatlas.model import ORG_TYPES, Document, Mention

HEADS = ("高峰论坛|论坛|峰会|大会|产业周|医药周|创新周|活动周|科技周|博览会|交易会|展览会|洽谈会|"
         "研讨会|年会|创新大赛|大赛|推介会|对接会")
NAME_CHARS = re.compile(r"[\u4e00-\u9fffA-Za-z·]*")
# Up to the last character that is not a name character (matched with an end
# position: the greedy .* backs off from the end, so this costs the run's length).
UP_TO_LAST_NON_NAME = re.compile(r"(?s).*[^\u4e00-\u9fffA-Za-z·]")
# Digits may stand only before the name's characters: a year, an ordinal number (第5届).
NUMBER_PREFIX = re.compile(r"(?:(?:19|20)\d{2}年?)?(?:第\d+)?$")
MAX_BODY = 40
BRACKETED = re.compile(r"[（(][\u4e00-\u9fff]{2,6}[)）]$")
STOP_WORDS = (
    "的", "在", "由", "于", "是", "了", "及", "为", "将", "举办", "召开", "主办", "承办", "协办",
    "出席", "参加", "参与", "本次", "此次", "本届", "今年", "以及", "届时", "期间", "开幕",
    "成功", "隆重", "顺利", "亮相", "举行", "来到", "走进", "通过", "作为", "包括", "其中",
    "即将", "正式", "首次", "围绕", "聚焦", "到", "从", "并", "共", "等", "其", "该", "这",
    "上届", "下届", "上一届", "下一届", "每届", "历届", "一年一度", "系列活动",
)
GENERIC_BODY = (
    "主题", "平行", "前沿", "专题", "圆桌", "高峰", "行业", "系列", "学术", "年度", "国际", "全球",
    "全国", "中外", "开幕", "闭幕", "签约", "全体", "表彰", "动员", "推进", "工作", "誓师", "新闻",
    "颁奖", "分", "主", "大", "总", "首", "次", "本", "届", "此", "场", "个", "项", "该", "每",
    "成立", "启动", "揭牌", "发布", "年",
)
# "组织峰会、展会、培训等活动": a list of kinds of events, not a named one.
GENERIC_LIST_AFTER = re.compile(r"、(?:展会|会议|学术会议|论坛|峰会|大会|活动|赛事|展览|沙龙)")
NOT_EVENT_ENDINGS = ("代表大会", "股东大会", "职工大会", "党员大会", "股东会")
EDITION = re.compile(r"第[一二三四五六七八九十百\d]+届|首届")
LEADING_YEAR = re.compile(r"(?:19|20)\d{2}年?")
SEPARATOR = re.compile(r"\s*(?:——|—|--)\s*[“\"]?")


# Up to the end of the last stop word: the greedy .* backs off from the end to
# the last place a word starts, longest word first. That word also ends last,
# as no stop word holds another one inside it (only as a prefix or suffix).
UP_TO_LAST_STOP_WORD = re.compile(
    r"(?s).*(?:" + "|".join(re.escape(w) for w in sorted(STOP_WORDS, key=len, reverse=True)) + ")")


def _after_last_stop_word(text: str, start: int, end: int) -> int:
    """Offset right after the last stop word in text[start:end], or `start`."""
    m = UP_TO_LAST_STOP_WORD.match(text, start, end)
    return m.end() if m else start


GENERIC_LONGEST_FIRST = tuple(sorted(GENERIC_BODY, key=len, reverse=True))
# Characters of no generic word: removing generic words never removes them.
KEEP_ONLY_SPECIFIC = {ord(c): None for c in set("".join(GENERIC_BODY))}


@lru_cache(maxsize=4096)
def _is_generic(body: str) -> bool:
    if len(body.translate(KEEP_ONLY_SPECIFIC)) >= 2:
        return False  # two characters outside every generic word always remain
    rest = body
    for word in GENERIC_LONGEST_FIRST:
        rest = rest.replace(word, "")
    return len(rest) < 2


@lru_cache(maxsize=1)
def _head_automaton() -> ahocorasick_rs.AhoCorasick:
    return ahocorasick_rs.AhoCorasick(HEADS.split("|"), matchkind=ahocorasick_rs.MatchKind.LeftmostLongest,
                                      implementation=ahocorasick_rs.Implementation.ContiguousNFA)


def _name_start(text: str, head_start: int) -> tuple[int, int]:
    """(name start, body start): walk left over name characters, then take a year or
    an ordinal number written right before them."""
    body_start = head_start
    floor = max(0, head_start - MAX_BODY)
    while body_start > floor:
        non_name = UP_TO_LAST_NON_NAME.match(text, floor, body_start)
        body_start = non_name.end() if non_name else floor
        if body_start == floor:
            break
        bracket = BRACKETED.search(text, max(floor, body_start - 10), body_start)
        if not bracket:  # "中国（某市）细胞大会": a bracketed place belongs to the name
            break
        body_start = bracket.start()
    prefix = NUMBER_PREFIX.search(text, max(0, body_start - 9), body_start)
    start = prefix.start() if prefix and prefix.group() else body_start
    if prefix and "第" in prefix.group() and not text.startswith("届", body_start):
        start = body_start
    return start, body_start


def _last_heads(text: str) -> list[tuple[int, int]]:
    """Head words that end a name: a head followed, within the same run of name
    characters, by another head does not ("甲论坛平行论坛" ends at the second)."""
    heads = [(s, e) for _, s, e in _head_automaton().find_matches_as_indexes(text)]
    out = []
    for i, (s, e) in enumerate(heads):
        nxt = heads[i + 1] if i + 1 < len(heads) else None
        if nxt and nxt[1] - e <= MAX_BODY and NAME_CHARS.match(text, e, nxt[0]).end() == nxt[0]:
            continue
        out.append((s, e))
    return out


def event_spans(text: str, org_starts: dict[int, int] | None = None) -> list[tuple[int, int]]:
    """(start, end) of event names, before main——sub joining. `org_starts`
    maps the end of each organisation name to its start: a name written right
    before the year (某某联盟2025年年会) is the holder's, and part of the event's."""
    out = []
    for head_start, end in _last_heads(text):
        start, body_start = _name_start(text, head_start)
        if start < body_start and org_starts and start in org_starts:
            start = org_starts[start]
        cut = _after_last_stop_word(text, body_start, head_start)
        if cut > body_start:
            start = body_start = cut
        body = text[body_start:head_start]
        if (_is_generic(body) or text[start:end].endswith(NOT_EVENT_ENDINGS)
                or GENERIC_LIST_AFTER.match(text, end)):
            continue
        out.append((start, end))
    return out


def _join_main_sub(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int, str, str | None]]:
    """(start, end, name, sub-event name or None); "A——“B”" becomes one name."""
    starts = {s: e for s, e in spans}
    out, skip = [], set()
    for s, e in spans:
        if s in skip:
            continue
        sep = SEPARATOR.match(text, e)
        if sep and sep.end() in starts:
            sub_end = starts[sep.end()]
            sub = text[sep.end():sub_end]
            out.append((s, sub_end, text[s:e] + "——" + sub, sub))
            if EDITION.match(text[s:e]):
                out.append((s, e, text[s:e], None))  # an edition is an event of its own
            out.append((sep.end(), sub_end, "", None))
            skip.add(sep.end())
        else:
            out.append((s, e, text[s:e], None))
    return out


@lru_cache(maxsize=4096)
def _only_year_or_regions(prefix: str) -> bool:
    year = LEADING_YEAR.match(prefix)
    rest = prefix[year.end():] if year else prefix
    covered = sum(e - s for s, e, _ in region_matches(rest))
    return covered == len(rest)


def _canonical_names(names: list[str]) -> dict[str, str]:
    """Shorter names whose missing prefix is only a year or regions join the longer one."""
    names = list(dict.fromkeys(names))  # (a name used again asks the same questions)
    canon = {n: n for n in names}
    longest_first = sorted(names, key=len, reverse=True)
    for short in names:
        for long in longest_first:
            if long != short and long.endswith(short) and _only_year_or_regions(long[:-len(short)]):
                if short.startswith(("第", "首届")) or not LEADING_YEAR.match(long):
                    canon[short] = long
                    break
    return canon


def _inner_spans(joined) -> set[tuple[int, int]]:
    """Spans lying inside a joined "A——B" name: kept as mentions of their own."""
    wide = [(s, e) for s, e, _, sub in joined if sub]
    if not wide:
        return set()
    return {(s, e) for s, e, _, sub in joined
            if not sub and any(ws <= s and e <= we and (ws, we) != (s, e) for ws, we in wide)}


_ORG_TYPES = frozenset(ORG_TYPES)


def find_events(doc: Document) -> Document:
    text = doc.text
    orgs = {m.end: m for m in doc.mentions if m.type in _ORG_TYPES}
    joined = _join_main_sub(text, event_spans(text, {end: m.start for end, m in orgs.items()}))
    _keep_holders(doc, joined, orgs)
    sub_of = {sub: name for _, _, name, sub in joined if sub}
    names = [name for _, _, name, _ in joined if name]
    canon = _canonical_names(names)
    inner = _inner_spans(joined)
    for s, e, name, _ in joined:
        surface = text[s:e]
        source = "events:nested" if (s, e) in inner else "events"
        full = name or sub_of.get(surface, surface)
        full = sub_of.get(full, full)
        doc.mentions.append(Mention("Event", surface, s, e, canon.get(full, full), source=source))
    return doc


def _keep_holders(doc: Document, joined, orgs: dict[int, Mention]) -> None:
    """某某联盟2025年年会: the holder opening an event's name is still named there
    (marked nested, so the longer event name does not swallow it)."""
    by_start = {m.start: m for m in orgs.values()}
    for s, e, _, _ in joined:
        holder = by_start.get(s)
        if holder is not None and holder.end < e:
            doc.mentions.append(Mention(holder.type, holder.surface, holder.start, holder.end,
                                        holder.name, source="events:holder:nested"))
