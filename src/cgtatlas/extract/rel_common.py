"""Shared helpers for the relation rules: mentions by position, clauses, trigger
words found in one scan, the document's main region/park/event/association
(back-references to them are resolved in rel_refs)."""
from __future__ import annotations

import re
import re._constants as C
import re._parser
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable
from functools import lru_cache
from itertools import compress
from operator import attrgetter, le, lt
from dataclasses import dataclass, field
from typing import Any

import ahocorasick_rs

from cgtatlas.model import ORG_TYPES, Document, Evidence, Mention, Relation, Span

PLACE_TYPES = ("Region", "Park")
# organisations that develop products or run parks
ACTOR_TYPES = ("Company", "Academic", "Hospital", "Agency", "Association", "Platform")
CLAUSE_DELIMS = "，,；;。！？!?：:\n"
SEGMENT_DELIMS = "；;。！？!?\n"
PARK_BACKREF = re.compile(r"园区|园内|本园")
COMPANY_BACKREF = re.compile(r"该公司|该企业|公司")
PRODUCT_BACKREF = re.compile(r"该产品|该药物|该药|该疗法|该品种")


# Trigger patterns with the literal words every match contains (`Ctx.hits` relies on it):
# it finds those words with one scan per document and runs the pattern only in small
# windows around them. Keyed by the pattern's text: hashing a compiled Pattern hashes
# its whole compiled code, on every lookup.
ANCHORS: dict[str, tuple[str, ...]] = {}
WIDTHS: dict[str, int] = {}  # the longest match of each (huge when unbounded)
REACH = 30
START, END = attrgetter("start"), attrgetter("end")


def anchored(pattern: str, *words: str) -> re.Pattern:
    compiled = re.compile(with_first_chars(pattern))
    ANCHORS[compiled.pattern] = words
    shortest, WIDTHS[compiled.pattern] = re._parser.parse(pattern).getwidth()
    assert shortest > 0, "`Ctx.hits` searches on from a match's end: it must not be empty"
    return compiled


def with_first_chars(pattern: str) -> str:
    """`pattern` behind a lookahead for the characters its matches can start with, when
    those are known. Python's regex engine tries every alternative at every position; a
    pattern opening with an optional part ("(?:联合|共同)?研发") costs ~10x more to search."""
    parsed = re._parser.parse(pattern)
    first = _first_chars(parsed)
    if first is None or first[1] or _starts_fast(parsed) or re.compile(pattern).flags != re.UNICODE:
        return pattern
    return "(?=[" + "".join(re.escape(c) for c in sorted(first[0])) + "])(?:" + pattern + ")"


def _starts_fast(items) -> bool:
    """Whether the engine already skips ahead by itself: the pattern opens with a
    literal, a set, or alternatives that each open with a literal ("拥有|汇聚")."""
    while items and items[0][0] is C.SUBPATTERN:
        items = items[0][1][3]
    if not items:
        return False
    op, av = items[0]
    if op is C.BRANCH:
        return all(alt and alt[0][0] is C.LITERAL for alt in av[1])
    return op in (C.LITERAL, C.IN)


def _first_chars(items) -> tuple[set[str], bool] | None:
    """The characters a match of parsed regex `items` can start with, and whether the
    match can be empty; None when they are not a plain set of characters."""
    chars: set[str] = set()
    for op, av in items:
        if op is C.LITERAL:
            return chars | {chr(av)}, False
        if op is C.IN:
            if any(kind is not C.LITERAL for kind, _ in av):
                return None  # negated sets, ranges, categories
            return chars | {chr(v) for _, v in av}, False
        if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            continue  # zero width: the match starts with what follows
        if op is C.BRANCH:
            subs = [_first_chars(alt) for alt in av[1]]
            if None in subs:
                return None
            sub = (set().union(*(s[0] for s in subs)), any(s[1] for s in subs))
        elif op is C.SUBPATTERN:
            sub = _first_chars(av[3])
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
            sub = _first_chars(av[2])
            sub = sub and (sub[0], sub[1] or av[0] == 0)
        else:
            return None
        if sub is None:
            return None
        chars |= sub[0]
        if not sub[1]:
            return chars, False
    return chars, True


@lru_cache(maxsize=2)
def _scanner(n_anchored: int) -> tuple[ahocorasick_rs.AhoCorasick, list[tuple], int, int]:
    """One automaton for the clause delimiters (segment ones first) and every anchor
    word, reporting overlapping matches; for each of its words, the patterns (texts) it
    anchors and its length. Patterns register as their modules load: `n_anchored` is their count."""
    delims = SEGMENT_DELIMS + "".join(c for c in CLAUSE_DELIMS if c not in SEGMENT_DELIMS)
    words = sorted({w for ws in ANCHORS.values() for w in ws})
    users = [((), 1)] * len(delims) + [
        (tuple(p for p, ws in ANCHORS.items() if w in ws), len(w)) for w in words]
    return ahocorasick_rs.AhoCorasick(list(delims) + words), users, len(SEGMENT_DELIMS), len(delims)


class _Codes(dict):
    def __missing__(self, kind: str) -> int:
        code = self[kind] = len(self)
        return code


# Mention types as small codes: a document's types as bytes, filtered by `bytes.translate`
# and `itertools.compress`, cost no Python call per mention for each index.
KIND_CODES: dict[str, int] = _Codes()


@lru_cache(maxsize=64)
def _kind_filter(types: tuple[str, ...]) -> bytes:
    """A `bytes.translate` table mapping the codes of `types` to 1, others to 0."""
    wanted = {KIND_CODES[t] for t in types}
    return bytes(c in wanted for c in range(256))


MEETING = re.compile(r"论坛|峰会|大会|会议|研讨会|年会|沙龙|博览会")


def _main_event(events: list[Mention]) -> str:
    """The event a document is about: a meeting rather than an expo week, the most
    specific one (its name contains another event's), then the most mentioned."""
    names = [m.name for m in events]
    distinct = dict.fromkeys(names)  # first-seen order, like a Counter's

    def rank(name: str):
        contained = sum(1 for other in distinct if other != name and other in name)
        return (bool(MEETING.search(name)), contained, names.count(name), -names.index(name))

    return max(distinct, key=rank) if names else ""


def main_name(mentions: list[Mention]) -> str:
    """The most mentioned name among mentions of one type, the first named on a tie
    (max returns the first of equals). Lists are short: counting each name is cheap."""
    names = [m.name for m in mentions]
    return max(dict.fromkeys(names), key=names.count) if names else ""


def outermost(mentions: list[Mention]) -> list[Mention]:
    """Mentions sorted by start, dropping any that lies inside a longer one."""
    starts, ends = list(map(START, mentions)), list(map(END, mentions))
    if all(map(le, ends[:-1], starts[1:])) and all(map(lt, starts, ends)):
        return list(mentions)  # already in order, none inside another (the usual case)
    # by start, the longest first: sort by end (descending), then stably by start
    ordered = sorted(sorted(mentions, key=END, reverse=True), key=START)
    out: list[Mention] = []
    end = -1
    for m in ordered:
        if m.start >= end:
            out.append(m)
            end = m.end
    return out


@dataclass
class Ctx:
    doc: Document
    mentions: list[Mention] = field(default_factory=list)
    main_region: str = ""
    main_park: str = ""
    main_event: str = ""
    main_association: str = ""
    text: str = ""  # the document's text, used on every rule's every step
    found: list[Relation] = field(default_factory=list)
    _seen: set = field(default_factory=set)
    _kinds: bytes = b""  # each mention's type, as its code in KIND_CODES
    _typed: dict = field(default_factory=dict)
    _sentences: list[Span] = field(default_factory=list)
    _sentence_starts: list[int] = field(default_factory=list)
    _clause_cuts: list[int] = field(default_factory=list)
    _segment_cuts: list[int] = field(default_factory=list)
    _mains: dict = field(default_factory=dict)
    _spots: dict = field(default_factory=dict)
    _quotes: dict = field(default_factory=dict)

    @classmethod
    def of(cls, doc: Document) -> Ctx:
        ctx = cls(doc, text=doc.text)
        if not ctx._index_types(doc.mentions):  # out of order or nested (rare)
            ctx._typed.clear()
            ctx._index_types(outermost(doc.mentions))
        ctx.main_region = main_name(ctx.of_type(("Region",)))
        ctx.main_park = main_name(ctx.of_type(("Park",)))
        ctx.main_event = _main_event(ctx.of_type(("Event",)))
        ctx.main_association = main_name(ctx.of_type(("Association",)))
        ctx._sentences = doc.sentences or [Span(0, len(doc.text))]
        ctx._sentence_starts = [s.start for s in ctx._sentences]
        ctx._scan()
        return ctx

    def _scan(self) -> None:
        """Clause and segment cuts, and where each anchored pattern's words occur, in one pass."""
        automaton, users, n_segment, n_delims = _scanner(len(ANCHORS))
        found = automaton.find_matches_as_indexes(self.text, overlapping=True)
        self._clause_cuts = [start for i, start, _ in found if i < n_delims]
        self._segment_cuts = [start for i, start, _ in found if i < n_segment]
        spots = defaultdict(list)
        for i, start, _ in found:
            if i >= n_delims:
                patterns, size = users[i]
                for pattern in patterns:
                    spots[pattern].append((start, size))
        for places in spots.values():
            places.sort()  # the automaton reports by end; `hits` walks them by start
        self._spots = spots

    def _index_types(self, ms: list[Mention]) -> bool:
        """The index of `ms` and of each type's, in one pass; False (and unfinished) when
        they are not in text order without overlaps, which `outermost` makes them."""
        typed = self._typed
        starts, codes = [], []
        prev_end = -1
        for m in ms:
            start, end, kind = m.start, m.end, m.type
            if start < prev_end or end <= start:
                return False
            prev_end = end
            starts.append(start)
            codes.append(KIND_CODES[kind])
            index = typed.get((kind,))
            if index is None:
                index = typed[(kind,)] = ([], [])
            index[0].append(start)
            index[1].append(m)
        self.mentions = list(ms)
        typed[None] = (starts, self.mentions)
        self._kinds = bytes(codes)
        return True

    def _index(self, types) -> tuple[list[int], list[Mention]]:
        """Starts and the mentions of `types` (all for None). Those of one type are made
        with the whole index; others are filtered from it once per types by `bytes.translate`
        and `itertools.compress` (no Python call per mention). Mentions do not overlap
        (see `outermost`): of those starting before a position, only the last can reach past it."""
        index = self._typed.get(types)
        if index is None:
            if len(types) == 1:
                return ([], [])  # a type the document does not mention
            starts, ms = self._typed[None]
            keep = self._kinds.translate(_kind_filter(types))  # 1 for a mention to keep
            index = self._typed[types] = (list(compress(starts, keep)), list(compress(ms, keep)))
        return index

    def of_type(self, types) -> list[Mention]:
        """The mentions of `types` (a tuple), in text order. Do not modify the list."""
        return self._index(types)[1]

    def sentences(self) -> list[Span]:
        return self._sentences

    def sentence_at(self, pos: int) -> Span:
        i = bisect_right(self._sentence_starts, pos) - 1
        return self._sentences[i if i > 0 else 0]

    def hits(self, pattern: re.Pattern):
        """Each match of `pattern` in the text, in order. An anchored pattern is only
        tried in windows around its anchor words (a match must cover the word)."""
        key = pattern.pattern
        if key not in ANCHORS:
            yield from pattern.finditer(self.text)
            return
        width = WIDTHS[key]
        last_end = 0
        prev = -1
        for pos, size in self._spots.get(key, ()):
            start = max(last_end, pos - REACH)
            if prev < start:
                # Every match holds an anchor word, so with no other one since `start` a match
                # found from there cannot begin more than `width` before this one.
                start = max(start, pos - width + 1)
            prev = pos
            if pos < last_end:
                continue
            stop = pos + size + REACH
            hit = pattern.search(self.text, start, stop)  # as finditer: matches are never empty
            while hit:
                h_start, h_end = hit.span()
                if h_start > pos:
                    break  # later matches cannot cover the word either
                if pos < h_end or h_start == pos:
                    last_end = h_end
                    yield hit
                    break
                hit = pattern.search(self.text, h_end, stop)

    def add(self, rtype: str, head: str, tail: str, start: int, end: int, **attrs) -> None:
        if not head or not tail or head == tail:
            return
        key = (rtype, head, tail)
        if key in self._seen:
            return
        self._seen.add(key)
        if attrs:
            attrs = {k: v for k, v in attrs.items() if v}
        self.found.append(Relation(rtype, head, tail, self.evidence(start, end), attrs))

    def evidence(self, start: int, end: int) -> Evidence:
        """Same as Document.evidence, with the sentence found by bisection over cached starts."""
        i = max(0, bisect_right(self._sentence_starts, start) - 1)
        quote = self._quotes.get(i)
        if quote is None:
            sent = self._sentences[i]
            quote = self._quotes[i] = self.text[sent.start:sent.end].strip()
        return Evidence(self.doc.id, start, end, quote)

    def between(self, start: int, end: int, types=None) -> list[Mention]:
        """The mentions of `types` inside [start, end), in text order."""
        starts, ms = self._typed.get(types) or self._index(types)
        stop = bisect_left(starts, end)
        if stop and ms[stop - 1].end > end:
            stop -= 1
        return ms[bisect_left(starts, start):stop]

    def gap_to_next(self, pos: int, types) -> int:
        """How far after `pos` the next mention of `types` starts (a large number for none):
        a cheap test before looking for an object right after a verb."""
        starts = (self._typed.get(types) or self._index(types))[0]
        i = bisect_left(starts, pos)
        return starts[i] - pos if i < len(starts) else len(self.text)

    def last_before(self, pos: int, types, floor: int = 0) -> Mention | None:
        """The last mention of `types` ending by `pos`, if it starts at or after `floor`."""
        starts, ms = self._typed.get(types) or self._index(types)
        i = bisect_left(starts, pos) - 1
        if i >= 0 and ms[i].end > pos:
            i -= 1
        return ms[i] if i >= 0 and ms[i].start >= floor else None

    def inside_mention(self, pos: int) -> bool:
        """Whether character `pos` lies inside a mention (of any type)."""
        starts, ms = self._typed.get(None) or self._index(None)
        i = bisect_right(starts, pos) - 1
        return i >= 0 and ms[i].end > pos

    def memo(self, key: str, make: Callable[[], Any]) -> Any:
        """A per-document value the rules share (the defined company, the people's
        spots), made on first use."""
        if key not in self._mains:
            self._mains[key] = make()
        return self._mains[key]

    def clause(self, pos: int) -> tuple[int, int]:
        """The clause around `pos`: between the nearest clause delimiters (，；。…)."""
        cuts = self._clause_cuts
        i = bisect_left(cuts, pos)
        return cuts[i - 1] + 1 if i else 0, cuts[i] if i < len(cuts) else len(self.text)

    def segment(self, pos: int) -> tuple[int, int]:
        """Like `clause`, but commas do not cut (；。 do)."""
        cuts = self._segment_cuts
        i = bisect_left(cuts, pos)
        return cuts[i - 1] + 1 if i else 0, cuts[i] if i < len(cuts) else len(self.text)

    def last_company_before(self, pos: int) -> str:
        m = self.last_before(pos, ("Company",))
        return m.name if m else ""

    def last_product_before(self, pos: int) -> str:
        m = self.last_before(pos, ("Product",))
        return m.name if m else ""
