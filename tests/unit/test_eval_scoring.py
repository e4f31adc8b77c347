"""Our scorer follows the rules of shared/tools/score.py; checked on a small case."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from cgtatlas.extract.scoring import norm, score

GOLD = {"doc1": {
    "entities": [
        {"type": "Company", "name": "杭州某某生物科技有限公司", "aliases": ["某某生物"]},
        {"type": "Region", "name": "杭州", "aliases": ["杭州市"]},
        {"type": "Product", "name": "XY-01", "aliases": []},
        {"type": "Agency", "name": "美国FDA", "aliases": ["FDA"]},
    ],
    "relations": [
        {"type": "develops", "head": "某某生物", "tail": "XY-01"},
        {"type": "partner_of", "head": "杭州某某生物科技有限公司", "tail": "美国FDA"},
        {"type": "milestone", "head": "XY-01", "tail": "临床试验许可"},
    ],
    "facts": [{"subject": "杭州", "indicator": "企业", "value": 550000, "unit": "平方米"},
              {"subject": "杭州", "indicator": "投资", "value": 5e8, "unit": "元"}],
}}
PRED = {"doc1": {
    "entities": [
        {"type": "Company", "name": "某某生物", "aliases": []},
        {"type": "Region", "name": "杭州市", "aliases": []},
        {"type": "Company", "name": "XY-01", "aliases": []},
        {"type": "Agency", "name": "ＦＤＡ", "aliases": []},
        {"type": "Park", "name": "杭州某园", "aliases": []},
    ],
    "relations": [
        {"type": "develops", "head": "杭州某某生物科技有限公司", "tail": "XY-01"},
        {"type": "partner_of", "head": "FDA", "tail": "某某生物"},
        {"type": "milestone", "head": "XY-01", "tail": "上市许可"},
    ],
    "facts": [{"value": 552000, "unit": "平米"}, {"value": 5e8, "unit": "个"}],
}}
SCORE_PY = Path(__file__).resolve().parents[3] / "shared" / "tools" / "score.py"


def test_eval_scoring_rules_on_a_small_case():
    result = score(GOLD, PRED)
    assert result["entities"][0] == pytest.approx(3 / 5)  # XY-01 typed Company misses
    assert result["entities_untyped"][0] == pytest.approx(4 / 5)
    assert result["relations"][:2] == pytest.approx((2 / 3, 2 / 3))
    assert result["facts"][:2] == pytest.approx((1 / 2, 1 / 2))
    assert result["per_type"]["Park"] == (0.0, 1.0, 0.0)


def test_eval_scoring_normalises_names():
    assert norm(" 《Ｈｅｌｌｏ》“X” ") == "hellox"


def test_eval_scoring_agrees_with_shared_scorer(tmp_path):
    if not SCORE_PY.is_file():
        pytest.skip("../shared/tools/score.py is absent")
    spec = importlib.util.spec_from_file_location("shared_score", SCORE_PY)
    shared = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(shared)
    for name, docs in (("gold", GOLD), ("pred", PRED)):
        (tmp_path / name).mkdir()
        for stem, data in docs.items():
            (tmp_path / name / f"{stem}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    theirs = shared.score(tmp_path / "gold", tmp_path / "pred")
    ours = score(GOLD, PRED)
    for key in ("entities", "entities_untyped", "relations", "facts", "per_type"):
        assert ours[key] == pytest.approx(theirs[key]) if key != "per_type" else ours[key] == theirs[key]
