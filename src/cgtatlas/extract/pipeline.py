"""The extraction pipeline: a plain ordered list of named stages.

Each stage is a callable `stage(doc: Document) -> Document` that adds Mentions,
Relations or Facts. The loop checks each return value and names the stage in
any error (spaCy's contract, without its registry).

The cyclic garbage collector is paused while one document runs: the stages
make many small short-lived objects (tokens, matches, spans) that reference
counting frees on its own, and letting the collector walk the whole heap
(lexicons, automata) every few hundred allocations cost close to a rjieba.tag
pass per document. Its previous state is restored afterwards, so any cycles
left behind are collected as usual once the document is done.

Callers with many documents segment them a batch at a time (`pretag`) before
the stages run: the tagger's dictionary then stays in the CPU caches while it
works, where interleaved with the stages it ran up to twice as slowly.
"""
from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from cgtatlas.extract import (
    aliases, biomed, events, facts, orgs, overlaps, people, policies, products, regions,
    relations, short_names, technologies,
)
from cgtatlas.extract.segment import tokens
from cgtatlas.model import Document

Stage = Callable[[Document], Document]

STAGES: list[tuple[str, Stage]] = [
    ("regions", regions.find_regions),
    ("technologies", technologies.find_technologies),
    ("diseases_targets", biomed.find_diseases_and_targets),
    ("products", products.find_products),
    ("organisations", orgs.find_organisations),
    ("short_names", short_names.find_short_names),
    ("people", people.find_people),
    ("policies", policies.find_policies),
    ("events", events.find_events),
    ("overlaps", overlaps.resolve_overlaps),
    ("aliases", aliases.link_aliases),
    ("relations", relations.find_relations),
    ("facts", facts.find_facts),
]


class StageError(RuntimeError):
    pass


def run_pipeline(doc: Document, stages: Iterable[tuple[str, Stage]] | None = None) -> Document:
    with _collector_paused():
        # Dropped before the collector runs again: the working data (the token
        # list) is the bulk of what one document allocates, and freeing it
        # first leaves the next collection little to traverse.
        return _drop_working_data(_run_stages(doc, stages if stages is not None else STAGES))


@contextmanager
def _collector_paused():
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


BATCH_CHARS = 200_000  # a batch's tokens take ~15 MB
Item = TypeVar("Item")


def batched_by_text(items: Iterable[Item], text_length: Callable[[Item], int],
                    max_chars: int = BATCH_CHARS) -> Iterator[list[Item]]:
    """`items` in runs of up to `max_chars` characters of text (a longer item runs alone)."""
    batch: list[Item] = []
    total = 0
    for item in items:
        size = text_length(item)
        if batch and total + size > max_chars:
            yield batch
            batch, total = [], 0
        batch.append(item)
        total += size
    if batch:
        yield batch


def pretag(docs: Iterable[Document]) -> None:
    """Segment documents back to back, before their stages run (see above).
    A document the tagger fails on is left for run_pipeline to report."""
    with _collector_paused():
        for doc in docs:
            try:
                tokens(doc)
            except Exception:  # noqa: BLE001 - run_pipeline names the stage and the cause
                pass


def _drop_working_data(doc: Document) -> Document:
    """Stages share working data (the tokens) in doc.meta under keys starting
    with "_"; it is not part of the result, and must not reach the store."""
    for key in [k for k in doc.meta if k.startswith("_")]:
        del doc.meta[key]
    return doc


def _run_stages(doc: Document, stages: Iterable[tuple[str, Stage]]) -> Document:
    for name, stage in stages:
        try:
            result = stage(doc)
        except Exception as exc:  # name the stage, keep the cause
            raise StageError(f"extract stage {name!r} failed on {doc.file_name or doc.id}: {exc}") from exc
        if not isinstance(result, Document):
            raise StageError(f"extract stage {name!r} returned {type(result).__name__}, not Document")
        doc = result
    return doc
