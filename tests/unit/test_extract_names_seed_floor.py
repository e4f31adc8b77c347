"""The name stages keep their per-type F1 on the seeds (floor = reached score less a margin)."""
import importlib.util
import json

import pytest

from cgtatlas.extract.gold import to_gold
from cgtatlas.extract.pipeline import STAGES, run_pipeline
from cgtatlas.ingest.read import read_document

FLOORS = {"Region": 0.9, "Technology": 0.9, "Disease": 0.85, "Target": 0.9, "Product": 0.9,
          "Person": 0.9, "Policy": 0.9, "Event": 0.8}
NAME_STAGES = [s for s in STAGES if s[0] not in ("relations", "facts")]


def _scorer(gold_dir):
    spec = importlib.util.spec_from_file_location("score", gold_dir.parent / "tools" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.seeds
def test_extract_names_seed_floor_per_type(seeds_dir, gold_dir):
    score = _scorer(gold_dir)
    counts = {t: [0, 0, 0] for t in FLOORS}  # tp, predicted, gold
    for path in sorted(seeds_dir.glob("*.txt")):
        pred = to_gold(run_pipeline(read_document(path), NAME_STAGES))["entities"]
        gold = json.loads((gold_dir / (path.stem + ".json")).read_text(encoding="utf-8"))["entities"]
        for etype in FLOORS:
            p = [e for e in pred if e["type"] == etype]
            g = [e for e in gold if e["type"] == etype]
            tp, _ = score.match_entities(g, p)
            counts[etype] = [a + b for a, b in zip(counts[etype], (tp, len(p), len(g)))]
    f1 = {t: score.prf(*c)[2] for t, c in counts.items()}
    assert {t: v for t, v in f1.items() if v < FLOORS[t]} == {}
