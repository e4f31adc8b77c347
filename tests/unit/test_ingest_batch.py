"""ingest_paths without a store: outcomes per file, duplicates, bad files, folders."""
from pathlib import Path

from cgtatlas.ingest.batch import ingest_paths
from cgtatlas.settings import Settings


def write(folder: Path, name: str, data) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def by_name(report):
    return {Path(o.path).name: o for o in report.outcomes}


def test_ingest_batch_reads_folders_recursively_and_reports_each_file(tmp_path):
    write(tmp_path, "a.txt", "细胞治疗园区新闻\n园区新增企业十家。")
    write(tmp_path, "sub/b.md", "# 基因治疗政策\n\n到2026年，新增平台5个以上。")
    write(tmp_path, "sub/c.txt", b"")
    write(tmp_path, ".hidden/d.txt", "不应读取。")
    write(tmp_path, "gold/a.json", "{}")
    report = ingest_paths([tmp_path], Settings(), store=False, progress=False)
    outcomes = by_name(report)
    assert set(outcomes) == {"a.txt", "b.md", "c.txt", "a.json"}
    assert outcomes["a.txt"].status == "read" and outcomes["a.txt"].title == "细胞治疗园区新闻"
    assert outcomes["b.md"].document.text.startswith("基因治疗政策")
    assert outcomes["c.txt"].status == "failed" and "empty" in outcomes["c.txt"].reason
    assert outcomes["a.json"].status == "skipped"
    assert not report.ok and len(report.failed) == 1


def test_ingest_batch_duplicates_by_bytes_and_by_cleaned_text(tmp_path):
    write(tmp_path, "1.txt", "细胞治疗产业园开园。\n")
    write(tmp_path, "2.txt", "细胞治疗产业园开园。\n")
    write(tmp_path, "3.txt", "细胞治疗 产业园开园。\r\n")
    report = ingest_paths([tmp_path], Settings(), store=False, progress=False)
    outcomes = by_name(report)
    assert outcomes["1.txt"].status == "read"
    assert outcomes["2.txt"].status == "duplicate" and "same bytes" in outcomes["2.txt"].reason
    assert outcomes["3.txt"].status == "duplicate" and "same cleaned text" in outcomes["3.txt"].reason
    assert report.ok


def test_ingest_batch_size_cap_and_missing_path(tmp_path):
    write(tmp_path, "big.txt", "细胞治疗。" * 80_000)
    write(tmp_path, "small.txt", "细胞治疗。")
    report = ingest_paths([tmp_path, tmp_path / "nope.txt"], Settings(max_file_mb=0.5), store=False, progress=False)
    outcomes = by_name(report)
    assert outcomes["big.txt"].status == "failed" and "limit" in outcomes["big.txt"].reason
    assert outcomes["small.txt"].status == "read"
    assert outcomes["nope.txt"].status == "failed" and "no such file" in outcomes["nope.txt"].reason


def test_ingest_batch_store_errors_do_not_stop_the_batch(tmp_path, monkeypatch):
    import cgtatlas.ingest.batch as batch

    calls = []

    def fake_write(self, doc):
        calls.append(doc.file_name)
        if doc.file_name == "1.txt":
            raise RuntimeError("disk full")
        return "stored"

    monkeypatch.setattr(batch._StoreWriter, "write", fake_write)
    write(tmp_path / "docs", "1.txt", "第一篇文章。")
    write(tmp_path / "docs", "2.txt", "第二篇文章。")
    report = ingest_paths([tmp_path / "docs"], Settings(db=str(tmp_path / "atlas.db")), store=True, progress=False)
    outcomes = by_name(report)
    assert calls == ["1.txt", "2.txt"]
    assert outcomes["1.txt"].status == "failed" and "disk full" in outcomes["1.txt"].reason
    assert outcomes["2.txt"].status == "stored" and outcomes["2.txt"].document is None


def test_ingest_segments_only_the_documents_it_will_extract(tmp_path, monkeypatch):
    import cgtatlas.extract.pipeline as pipeline

    tagged = []
    real_pretag = pipeline.pretag

    def recording_pretag(docs):
        docs = list(docs)
        tagged.append(sorted(d.file_name for d in docs))
        real_pretag(docs)

    monkeypatch.setattr(pipeline, "pretag", recording_pretag)
    write(tmp_path / "docs", "a.txt", "苏州某某生物科技有限公司成立。")
    write(tmp_path / "docs", "b.txt", "上海某某医药有限公司签约。")
    settings = Settings(db=str(tmp_path / "atlas.db"))
    first = ingest_paths([tmp_path / "docs"], settings, store=True, progress=False)
    again = ingest_paths([tmp_path / "docs"], settings, store=True, progress=False)
    assert {o.status for o in first.outcomes} == {"stored"}
    assert {o.status for o in again.outcomes} == {"unchanged"}
    assert tagged == [["a.txt", "b.txt"], []]
