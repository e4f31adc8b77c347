"""Batches: documents are segmented a batch at a time before their stages run
(pipeline.pretag); the result is the same as one document at a time, and a
document that fails never stops the others."""
import cgtatlas.extract.pipeline as pipeline
from cgtatlas.extract.gold import to_gold
from cgtatlas.extract.pipeline import batched_by_text, pretag, run_pipeline
from cgtatlas.extract.runner import extract_files
from cgtatlas.extract.segment import CACHE_KEY
from cgtatlas.model import Document

TEXTS = ["苏州某某生物科技有限公司位于苏州工业园区，其CAR-T产品获批临床。",
         "北京市科学技术委员会发布《北京市细胞治疗产业发展行动方案》。",
         "园区企业甲乙生物与丙丁医药签约，总投资5亿元。"]


def _docs():
    return [Document(id=f"d{i}", text=t) for i, t in enumerate(TEXTS)]


def test_batches_hold_at_most_the_character_budget_and_keep_the_order():
    sizes = [40, 30, 50, 200, 10, 10]
    batches = list(batched_by_text(sizes, lambda n: n, max_chars=80))
    assert batches == [[40, 30], [50], [200], [10, 10]]
    assert list(batched_by_text([], len)) == []


def test_pretag_segments_every_document_and_changes_no_result():
    one_by_one = [to_gold(run_pipeline(d)) for d in _docs()]
    docs = _docs()
    pretag(docs)
    assert all(CACHE_KEY in d.meta for d in docs)
    assert [to_gold(run_pipeline(d)) for d in docs] == one_by_one
    assert all(CACHE_KEY not in d.meta for d in docs)  # working data dropped


def test_a_document_the_tagger_fails_on_does_not_stop_the_batch(monkeypatch):
    real_tokens = pipeline.tokens

    def failing_tokens(doc):
        if doc.id == "d1":
            raise RuntimeError("tagger broke")
        return real_tokens(doc)

    monkeypatch.setattr(pipeline, "tokens", failing_tokens)
    docs = _docs()
    pretag(docs)
    assert [CACHE_KEY in d.meta for d in docs] == [True, False, True]


def test_extract_files_reports_a_bad_file_inside_a_batch_and_extracts_the_rest(tmp_path):
    for i, text in enumerate(TEXTS):
        (tmp_path / f"{i}.txt").write_text(text, encoding="utf-8")
    (tmp_path / "1.txt").write_bytes(b"")  # empty: unreadable as a document
    files = sorted(tmp_path.glob("*.txt"))
    report = extract_files(files, tmp_path / "out")
    assert [f.name for f, _ in report.failed] == ["1.txt"]
    assert sorted(report.predictions) == ["0", "2"]
    assert sorted(p.name for p in report.written) == ["0.json", "2.json"]
    assert report.predictions["2"]["entities"]
