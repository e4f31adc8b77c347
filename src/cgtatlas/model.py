"""The one data model shared by ingest, extract, store, CLI and web.

A Document holds the cleaned text; every annotation on it is a view over that
text (character offsets), never a copy that loses its place. `offset_map` maps
each cleaned offset back to the original text so evidence can point there.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

ENTITY_TYPES = (
    "Company", "Hospital", "Academic", "Agency", "Park", "Platform", "Association",
    "Event", "Policy", "Person", "Product", "Technology", "Disease", "Target", "Region",
)
ORG_TYPES = ("Company", "Hospital", "Academic", "Agency", "Park", "Platform", "Association")
RELATION_TYPES = (
    "located_in", "affiliated_with", "develops", "targets", "treats", "uses_technology",
    "milestone", "issued_by", "organized_by", "held_at", "member_of", "partner_of",
    "operates", "spoke_at",
)
MILESTONE_LABELS = ("临床试验许可", "突破性治疗品种", "孤儿药资格", "快速通道资格", "上市许可", "IPO")
COMPARATORS = ("=", ">=", ">", "<=", "<", "~")
FACT_KINDS = ("target", "actual")


@dataclass(frozen=True)
class Span:
    """A half-open character range [start, end) over a Document's cleaned text."""

    start: int
    end: int


@dataclass(frozen=True)
class Evidence:
    """Where a relation or fact was read: document, span and the quoted sentence."""

    doc_id: str
    start: int
    end: int
    quote: str


@dataclass
class Mention:
    """A typed name occurrence. `name` is the in-document canonical name
    (the fullest form the document uses); `surface` is the text as it stands."""

    type: str
    surface: str
    start: int
    end: int
    name: str = ""
    source: str = ""  # which extraction component found it (for debugging)

    def __post_init__(self) -> None:
        if not self.name:
            self.name = self.surface


@dataclass
class Relation:
    type: str
    head: str  # in-document canonical entity name
    tail: str  # entity name, or a milestone label
    evidence: Evidence
    attributes: dict[str, Any] = field(default_factory=dict)


@dataclass
class Fact:
    subject: str
    indicator: str
    value: float
    unit: str
    evidence: Evidence
    comparator: str = "="
    year: int | None = None
    kind: str = "actual"


@dataclass
class Entity:
    """A resolved thing in the atlas (across documents)."""

    id: int | None
    type: str
    name: str
    aliases: list[str] = field(default_factory=list)
    attributes: dict[str, Any] = field(default_factory=dict)


@dataclass
class Document:
    id: str  # content hash of `text`
    text: str  # cleaned text; all spans refer to it
    file_name: str = ""
    path: str = ""
    title: str = ""
    date: str | None = None  # ISO yyyy-mm-dd (or yyyy-mm / yyyy when that is all we know)
    source: str | None = None  # site or publisher when stated
    original: str = ""  # decoded original text, before cleaning
    offset_map: list[int] = field(default_factory=list)  # cleaned offset -> original offset
    sentences: list[Span] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence containing `offset` (the last one starting at or before it)."""
        # Stages call this per mention; rebuild the start list only when the sentences change.
        # (Kept outside the dataclass fields so asdict() and equality ignore it.)
        key = (id(self.sentences), len(self.sentences))
        cached = self.__dict__.get("_sentence_starts")
        if cached is None or cached[0] != key:
            cached = (key, [s.start for s in self.sentences])
            self.__dict__["_sentence_starts"] = cached
        return max(0, bisect.bisect_right(cached[1], offset) - 1)

    def sentence_of(self, offset: int) -> Span:
        if not self.sentences:
            return Span(0, len(self.text))
        return self.sentences[self.sentence_index(offset)]

    def evidence(self, start: int, end: int) -> Evidence:
        """Evidence for a span: the quoted sentence that contains its start."""
        sent = self.sentence_of(start)
        return Evidence(self.id, start, end, self.text[sent.start:sent.end].strip())

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a cleaned-text span back to the original text."""
        if not self.offset_map:
            return start, end
        last = len(self.offset_map) - 1
        return self.offset_map[min(start, last)], self.offset_map[min(end, last)]
