"""Extraction keeps the scores it reached (less 0.02) on the seeds and on our samples.

Seeds: ../shared/corpus/seeds scored against ../shared/gold (skipped when absent).
Samples: samples/*.{txt,html,pdf,docx,md} scored against samples/gold/*.json.
Scored with cgtatlas.extract.scoring, which follows shared/tools/score.py.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from cgtatlas.extract.runner import extract_files, iter_files, load_gold_dir
from cgtatlas.extract.scoring import score
from cgtatlas.model import ORG_TYPES

MARGIN = 0.02
# Reached on 2026-11-23 (entities all types; organisation types alone).
SEED_FLOOR = {"entities": 0.96, "orgs": 0.94, "relations": 0.60, "facts": 0.75}
SAMPLE_FLOOR = {"entities": 0.94, "orgs": 0.96}
# Held-out documents written blind to the extractor (tests/data/holdout), reached 2026-11-23.
HOLDOUT_ENTITY_FLOOR = {"entities": 0.986}
# Relations and facts on the held-out documents (reached 0.918 / 1.000) and on our samples
# (0.757 / 0.933); values are reached less 0.01, and _below allows MARGIN more.
HOLDOUT_LINK_FLOOR = {"relations": 0.90, "facts": 0.99}
SAMPLE_LINK_FLOOR = {"relations": 0.74, "facts": 0.92}


def _scores(gold_dir, paths) -> dict[str, float]:
    report = extract_files(list(iter_files(paths)), None)
    assert report.failed == []
    gold = load_gold_dir(gold_dir)
    result = score(gold, report.predictions)
    orgs_only = score(_only_orgs(gold), _only_orgs(report.predictions))
    return {"entities": result["entities"][2], "orgs": orgs_only["entities"][2],
            "relations": result["relations"][2], "facts": result["facts"][2]}


def _only_orgs(docs: dict) -> dict:
    return {stem: {"entities": [e for e in d.get("entities", []) if e.get("type") in ORG_TYPES]}
            for stem, d in docs.items()}


def _below(scores: dict[str, float], floors: dict[str, float]) -> dict[str, float]:
    return {k: round(scores[k], 3) for k, floor in floors.items() if scores[k] < floor - MARGIN}


@pytest.mark.seeds
def test_eval_floor_seeds(seeds_dir, gold_dir):
    assert _below(_scores(gold_dir, [seeds_dir]), SEED_FLOOR) == {}


def test_eval_floor_samples(samples_dir):
    gold_dir = samples_dir / "gold"
    if not any(gold_dir.glob("*.json")):
        pytest.skip("no sample gold files")
    assert _below(_scores(gold_dir, [samples_dir]), SAMPLE_FLOOR) == {}


def test_eval_floor_holdout_entities():
    holdout = Path(__file__).resolve().parents[1] / "data" / "holdout"
    if not any(holdout.glob("*.json")):
        pytest.skip("no held-out documents")
    assert _below(_scores(holdout, sorted(holdout.glob("*.txt"))), HOLDOUT_ENTITY_FLOOR) == {}


def test_eval_floor_holdout_links():
    holdout = Path(__file__).resolve().parents[1] / "data" / "holdout"
    if not any(holdout.glob("*.json")):
        pytest.skip("no held-out documents")
    assert _below(_scores(holdout, sorted(holdout.glob("*.txt"))), HOLDOUT_LINK_FLOOR) == {}


def test_eval_floor_sample_links(samples_dir):
    gold_dir = samples_dir / "gold"
    if not any(gold_dir.glob("*.json")):
        pytest.skip("no sample gold files")
    assert _below(_scores(gold_dir, [samples_dir]), SAMPLE_LINK_FLOOR) == {}
