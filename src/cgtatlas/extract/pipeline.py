"""The extraction pipeline: a plain ordered list of named stages.

Each stage is a callable `stage(doc: Document) -> Document` that adds Mentions,
Relations or Facts. The loop checks each return value and names the stage in
any error (spaCy's contract, without its registry).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

from cgtatlas.extract import (
    aliases, biomed, events, facts, orgs, overlaps, people, policies, products, regions,
    relations, short_names, technologies,
)
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
    for name, stage in stages if stages is not None else STAGES:
        try:
            result = stage(doc)
        except Exception as exc:  # name the stage, keep the cause
            raise StageError(f"extract stage {name!r} failed on {doc.file_name or doc.id}: {exc}") from exc
        if not isinstance(result, Document):
            raise StageError(f"extract stage {name!r} returned {type(result).__name__}, not Document")
        doc = result
    return doc
