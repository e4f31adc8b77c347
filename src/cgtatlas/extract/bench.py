"""Throughput of the extraction pipeline against jieba.posseg and rjieba.tag,
on the same text, in one process on one core.

The runners are timed in rounds. In each round every runner makes one
untimed pass over the whole corpus and then one timed pass, so each timed
pass runs with warm caches, as if the runner worked alone. Rounds repeat
until `min_seconds` per runner have passed (and at least MIN_ROUNDS). A
runner's speed is the corpus size over its median timed pass; a ratio is the
median, over rounds, of the two runners' times in the same round. Pairing
passes that ran moments apart keeps the ratio steady on a machine whose speed
drifts (shared or throttled cores), where timing one runner for seconds and
then the next swung the ratio by a third or more.

The pipeline runs as `cgtatlas extract` and ingest run it: documents are
segmented a batch at a time (pipeline.pretag), then each goes through the stages.

Peak memory is measured in a separate, untimed pass under tracemalloc (Python
allocations; native allocations inside rjieba are not seen) and as the
process's maximum resident set size.
"""
from __future__ import annotations

import dataclasses
import resource
import time
import tracemalloc
from statistics import median
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
    pipeline_ratio: float  # median over rounds of (this runner's time / the pipeline's time)


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

    from cgtatlas.extract.pipeline import batched_by_text, pretag, run_pipeline

    jieba.setLogLevel(60)
    if cache_dir is not None:
        cache_dir.mkdir(parents=True, exist_ok=True)
        jieba.dt.tmp_dir = str(cache_dir)
    jieba.dt.check_initialized()
    texts = [d.text for d in docs]

    def pipeline() -> None:  # as `cgtatlas extract` and ingest run it
        for batch in batched_by_text(map(_fresh, docs), lambda d: len(d.text)):
            pretag(batch)
            for d in batch:
                run_pipeline(d)

    def posseg() -> None:
        for t in texts:
            list(pseg.cut(t))

    def rjieba_tag() -> None:
        for t in texts:
            rjieba.tag(t)

    return {"pipeline": pipeline, "jieba.posseg": posseg, "rjieba.tag": rjieba_tag}


MIN_ROUNDS = 7


def _time_rounds(runners: dict[str, Callable[[], None]], min_seconds: float,
                 on_round: Callable[[int], None] | None = None) -> dict[str, list[float]]:
    """Seconds of each pass, per runner, in rounds (index = round)."""
    for fn in runners.values():
        fn()  # warm-up: dictionaries, caches, lazy imports
    times: dict[str, list[float]] = {name: [] for name in runners}
    started = time.perf_counter()
    while len(times[next(iter(times))]) < MIN_ROUNDS or \
            time.perf_counter() - started < min_seconds * len(runners):
        for name, fn in runners.items():
            fn()  # untimed: each timed pass runs warm, as if the runner worked alone
            t0 = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - t0)
        if on_round:
            on_round(len(times[name]))
    return times


def _peak_mb(fn: Callable[[], None]) -> float:
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def run_bench(docs: list[Document], *, min_seconds: float = 2.0, cache_dir: Path | None = None,
              on_round: Callable[[int], None] | None = None) -> list[RunnerResult]:
    if not docs:
        raise ValueError("no readable documents to benchmark")
    chars = sum(len(d.text) for d in docs)
    runners = _runners(docs, cache_dir)
    times = _time_rounds(runners, min_seconds, on_round)
    pipeline = times["pipeline"]
    results = []
    for name, fn in runners.items():
        per_pass = median(times[name])
        ratio = median(other / own for own, other in zip(pipeline, times[name]))
        results.append(RunnerResult(name, chars / per_pass, len(docs) / per_pass, _peak_mb(fn),
                                    len(times[name]), ratio))
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
    lines.append(f"throughput_ratio_vs_jieba_posseg={by_name['jieba.posseg'].pipeline_ratio:.4f}")
    lines.append(f"throughput_ratio_vs_rjieba_tag={by_name['rjieba.tag'].pipeline_ratio:.4f}")
    return lines
