"""run_pipeline pauses the cyclic garbage collector for one document and
always puts the caller's setting back, also when a stage fails; and it drops
the stages' working data ("_" keys of doc.meta) before returning."""
import gc

import pytest

from cgtatlas.extract.pipeline import StageError, run_pipeline
from cgtatlas.model import Document


def _doc() -> Document:
    return Document(id="t", text="苏州某某生物科技有限公司位于苏州工业园区。")


def test_collector_is_paused_during_stages_and_enabled_again_after():
    seen = []

    def probe(doc):
        seen.append(gc.isenabled())
        return doc

    assert gc.isenabled()
    run_pipeline(_doc(), [("probe", probe)])
    assert seen == [False]
    assert gc.isenabled()


def test_a_disabled_collector_stays_disabled():
    gc.disable()
    try:
        run_pipeline(_doc(), [("noop", lambda doc: doc)])
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_collector_is_restored_when_a_stage_fails():
    def broken(doc):
        raise ValueError("bad")

    with pytest.raises(StageError):
        run_pipeline(_doc(), [("broken", broken)])
    assert gc.isenabled()


def test_working_data_in_meta_is_dropped_after_the_pipeline():
    def cache(doc):
        doc.meta["_scratch"] = object()
        doc.meta["kept"] = 1
        return doc

    doc = run_pipeline(_doc(), [("cache", cache)])
    assert doc.meta == {"kept": 1}


def test_the_full_pipeline_leaves_no_tokens_in_meta():
    doc = run_pipeline(_doc())
    assert doc.mentions and not [k for k in doc.meta if k.startswith("_")]
