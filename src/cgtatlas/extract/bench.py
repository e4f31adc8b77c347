"""Throughput of the extraction pipeline against jieba.posseg and rjieba.tag,
on the same text, in one process on one core.

Each runner is repeated over the whole corpus until it has run for at least
`min_seconds` (at least once), so fast taggers get stable timings without the
slow ones taking minutes. Peak memory is measured in a separate, untimed pass
under tracemalloc (Python allocations; native allocations inside rjieba are not
seen) and as the process's maximum resident set size.
"""
from __future__ import annotations

import dataclasses
import resource
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cgtatlas.model import Document

PROJECT_ROOT = Path(__file__).resolve().parents[3]


@dataclass
class RunnerResult:
    name: str
    chars_per_s: float
    docs_per_s: float
    peak_mb: float
    passes: int


def default_paths() -> list[Path]:
    """The bundled samples/ plus ../shared/corpus/seeds when present."""
    candidates = [PROJECT_ROOT / "samples", PROJECT_ROOT.parent / "shared" / "corpus" / "seeds"]
    return [p for p in candidates if p.exists()]


def load_documents(paths: list[Path], settings=None, warn: Callable[[str], None] = print) -> list[Document]:
    from cgtatlas.ingest.read import IngestError, read_document

    docs = []
    for path in paths:
        files = sorted(f for f in path.rglob("*") if f.is_file() and f.suffix != ".json") if path.is_dir() else [path]
        for f in files:
            try:
                docs.append(read_document(f, settings))
            except (IngestError, OSError, UnicodeError) as exc:
                warn(f"skipped {f}: {exc}")
    return docs


def _fresh(doc: Document) -> Document:
    """A copy without annotations, so each pipeline pass starts from the same state."""
    return dataclasses.replace(doc, mentions=[], relations=[], facts=[], meta=dict(doc.meta))


def _runners(docs: list[Document], cache_dir: Path | None) -> dict[str, Callable[[], None]]:
    import jieba
    import jieba.posseg as pseg
    import rjieba

    from cgtatlas.extract.pipeline import run_pipeline

    jieba.setLogLevel(60)
    if cache_dir is not None:
        cache_dir.mkdir(parents=True, exist_ok=True)
        jieba.dt.tmp_dir = str(cache_dir)
    jieba.dt.check_initialized()
    texts = [d.text for d in docs]

    def pipeline() -> None:
        for d in docs:
            run_pipeline(_fresh(d))

    def posseg() -> None:
        for t in texts:
            list(pseg.cut(t))

    def rjieba_tag() -> None:
        for t in texts:
            rjieba.tag(t)

    return {"pipeline": pipeline, "jieba.posseg": posseg, "rjieba.tag": rjieba_tag}


def _time(fn: Callable[[], None], min_seconds: float) -> tuple[float, int]:
    fn()  # warm-up: dictionaries, caches, lazy imports
    passes, start = 0, time.perf_counter()
    while True:
        fn()
        passes += 1
        elapsed = time.perf_counter() - start
        if elapsed >= min_seconds:
            return elapsed, passes


def _peak_mb(fn: Callable[[], None]) -> float:
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def run_bench(docs: list[Document], *, min_seconds: float = 2.0, cache_dir: Path | None = None,
              on_runner: Callable[[str], None] | None = None) -> list[RunnerResult]:
    if not docs:
        raise ValueError("no readable documents to benchmark")
    chars = sum(len(d.text) for d in docs)
    results = []
    for name, fn in _runners(docs, cache_dir).items():
        if on_runner:
            on_runner(name)
        elapsed, passes = _time(fn, min_seconds)
        results.append(RunnerResult(name, chars * passes / elapsed, len(docs) * passes / elapsed,
                                    _peak_mb(fn), passes))
    return results


def report_lines(results: list[RunnerResult], n_docs: int, n_chars: int) -> list[str]:
    """Figures per runner, then the two ratio lines (always last)."""
    by_name = {r.name: r for r in results}
    max_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    lines = [f"corpus: {n_docs} documents, {n_chars} characters"]
    for r in results:
        lines.append(f"{r.name}: chars_per_s={r.chars_per_s:.0f} docs_per_s={r.docs_per_s:.2f} "
                     f"peak_python_mb={r.peak_mb:.1f} passes={r.passes}")
    lines.append(f"process max_rss_mb={max_rss_mb:.0f}")
    pipe = by_name["pipeline"].chars_per_s
    lines.append(f"throughput_ratio_vs_jieba_posseg={pipe / by_name['jieba.posseg'].chars_per_s:.4f}")
    lines.append(f"throughput_ratio_vs_rjieba_tag={pipe / by_name['rjieba.tag'].chars_per_s:.4f}")
    return lines
