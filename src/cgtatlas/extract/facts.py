"""Facts: quantitative claims (a number with a unit) about a subject.

Each quantity found by `numbers.find_quantities` becomes a Fact with
- subject: the first organisation/park/region/event mention in the number's clause,
  else the nearest one before it in the sentence, else "本次大会"-style references
  to the document's main event, else the document's main region;
- indicator: the counted noun after the unit ("超400家生物医药企业"), else the words
  before the number in its clause ("新增临床试验批件15个以上");
- year: the nearest "2026年" before the number in its sentence, "今年" by document date;
- kind: "target" for goals and plans (到2026年, 预计, 力争, 目标), else "actual".
The same figure about the same kind of thing is kept once per document.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from operator import attrgetter

from cgtatlas.extract.numbers import Quantity, find_quantities
from cgtatlas.model import ORG_TYPES, Document, Fact, Mention

SUBJECT_TYPES = (*ORG_TYPES, "Region", "Event", "Product")
_SUBJECT_SET = frozenset(SUBJECT_TYPES)
CLAUSE_SPLIT = re.compile(r"[，,；;、：:（）()\n“”\"+＋—]")
# Up to the last clause mark: the greedy .* runs to the end and backs off to the
# mark, not visiting the marks before it.
UP_TO_LAST_CLAUSE_MARK = re.compile(r".*" + CLAUSE_SPLIT.pattern, re.S)
# (the look-behind, "no digit before the year", sits after its first digit, so
# that the pattern opens with literals, which `re` scans for fast)
YEAR_RE = re.compile(r"((?:1(?<!\d1)9|2(?<!\d2)0)\d{2})\s*年(?!起|以来|开始)")
# (every alternative opens with a literal, so `re` scans for their first characters)
TARGET_RE = re.compile(r"到\s*(?:19|20)\d{2}\s*年|至\s*(?:19|20)\d{2}\s*年|预计|力争|目标|计划|争取|有望|拟")
EVENT_BACKREF = re.compile(r"(?:本次|本届|此次|该)(?:论坛|峰会|大会|会议|活动|展会)")
LEAD_FILLERS = re.compile(r"^(?:目前|其中|现|已|已有|共有|共|拥有|有|设|共设|累计|同时|此外|并|还)+")
TRAIL_WORDS = ("预计", "已有", "拥有", "共有", "有", "共设", "设", "达到", "达", "为", "已", "汇聚", "集聚",
               "超过", "超", "约", "共", "累计", "已完成", "完成")
TRAIL_FILLERS = re.compile(rf"(?:{'|'.join(TRAIL_WORDS)})+$")
HAVE_SPLIT = re.compile(r"已|汇聚|集聚|聚集|拥有")
FOLLOW_STOP = re.compile(r"的|了|已|并|均|将|也|在|等|落户|成功|提供|组成")
FOLLOW_LEAD = re.compile(r"^(?:的|已|均|都|共|人民币)+")
DIGIT = re.compile(r"\d")
DATE_WORDS = re.compile(r"(?:到|至|截至|截止)?\s*(?:19|20)\d{2}\s*年(?:\d{1,2}月)?底?")
YEAR_PREFIX = re.compile(r"((?:19|20)\d{2})")


def find_facts(doc: Document) -> Document:
    quantities = find_quantities(doc.text)
    if not quantities:
        return doc
    context = _DocContext(doc)
    seen: set[tuple] = set()
    for i, q in enumerate(quantities):
        if _is_condition(doc.text, q, quantities[i + 1:i + 2]):
            continue
        fact = _fact_for(doc, context, q)
        key = (round(fact.value, 4), fact.indicator[-2:])
        if fact.value <= 0 or key in seen:
            continue  # a figure repeated in a summary and the body counts once
        seen.add(key)
        doc.facts.append(fact)
    return doc


CONDITION_GAP = re.compile(r"[，,；;。：:\n]")


def _is_condition(text: str, q: Quantity, following: list[Quantity]) -> bool:
    """"年营业收入超过10亿元的企业不少于5家": a threshold that picks out what is counted
    (a figure followed by 的 and by another figure in the same clause) is not a claim."""
    if not text.startswith("的", q.end) or not following:
        return False
    nxt = following[0]
    return nxt.start - q.end <= 24 and not CONDITION_GAP.search(text, q.end, nxt.start)


_START = attrgetter("start")


class _DocContext:
    """Document-level fallbacks: main region, main event, and mentions by position."""

    def __init__(self, doc: Document) -> None:
        self.mentions = sorted((m for m in doc.mentions if m.type in _SUBJECT_SET), key=_START)
        self.starts = [m.start for m in self.mentions]
        regions = Counter(m.name for m in doc.mentions if m.type == "Region")
        events = Counter(m.name for m in doc.mentions if m.type == "Event")
        self.main_region = regions.most_common(1)[0][0] if regions else ""
        self.main_event = events.most_common(1)[0][0] if events else ""
        self.doc_year = int(doc.date[:4]) if doc.date and doc.date[:4].isdigit() else None
        self.sentence_of = doc.sentence_of  # (its sentence starts are cached on the document)


def _fact_for(doc: Document, ctx: _DocContext, q: Quantity) -> Fact:
    sent = ctx.sentence_of(q.start)
    clause_start = _clause_start(doc.text, sent.start, q.start)
    subject = _subject(doc, ctx, sent.start, clause_start, q.start)
    before = doc.text[sent.start:q.start]
    return Fact(
        subject=subject.name if isinstance(subject, Mention) else subject,
        indicator=_indicator(doc.text, q, clause_start, subject, sent.end),
        value=q.value, unit=q.unit, comparator=q.comparator,
        year=_year(before, subject, ctx), kind="target" if TARGET_RE.search(before) else "actual",
        evidence=doc.evidence(q.start, q.end),
    )


def _clause_start(text: str, sent_start: int, pos: int) -> int:
    m = UP_TO_LAST_CLAUSE_MARK.match(text, sent_start, pos)
    return m.end() if m else sent_start


def _subject(doc: Document, ctx: _DocContext, sent_start: int, clause_start: int, pos: int) -> Mention | str:
    lo = bisect.bisect_left(ctx.starts, sent_start)
    hi = bisect.bisect_left(ctx.starts, pos)
    in_sentence = [m for m in ctx.mentions[lo:hi] if m.end <= pos]
    in_clause = [m for m in in_sentence if m.start >= clause_start]
    if in_clause:
        return in_clause[0]
    if ctx.main_event and EVENT_BACKREF.search(doc.text, clause_start, pos):
        return ctx.main_event
    if in_sentence:
        return in_sentence[-1]
    return ctx.main_region


def _indicator(text: str, q: Quantity, clause_start: int, subject, sent_end: int) -> str:
    after = CLAUSE_SPLIT.split(text[q.end:min(sent_end, q.end + 24)], maxsplit=1)[0]
    words = FOLLOW_LEAD.sub("", after.strip().rstrip("。！？!?")).split()
    after = FOLLOW_STOP.split(words[0] if words else "", maxsplit=1)[0][:12]
    if len(after) >= 2 and not DIGIT.match(after):
        return after
    start = subject.end if isinstance(subject, Mention) and subject.start >= clause_start else clause_start
    before = text[start:q.start]
    if "年" in before:  # (DATE_WORDS, opening with an optional group, is tried at every position)
        before = DATE_WORDS.sub("", before)
    before = LEAD_FILLERS.sub("", before.strip())
    if before.endswith(TRAIL_WORDS):  # (likewise TRAIL_FILLERS)
        before = TRAIL_FILLERS.sub("", before)
    tail = HAVE_SPLIT.split(before)[-1]
    return (tail if len(tail) >= 2 else before)[-24:] or after


def _year(before: str, subject, ctx: _DocContext) -> int | None:
    years = YEAR_RE.findall(before) if "年" in before else None  # (a cheap test first)
    if years:
        return int(years[-1])
    if "今年" in before and ctx.doc_year:
        return ctx.doc_year
    name = subject.name if isinstance(subject, Mention) else subject
    m = YEAR_PREFIX.match(name or "")
    return int(m.group(1)) if m else None
