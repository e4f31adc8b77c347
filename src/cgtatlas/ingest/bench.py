"""Reading and cleaning speed: `python -m cgtatlas.ingest.bench [PATH...]`.

Each file's bytes are repeated to about 2 MB and read into a Document (decode,
extract, clean, metadata, sentences) three times; the best time is reported as
MB/s of input. Prints figures; it asserts nothing.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

from cgtatlas.ingest.batch import expand_paths
from cgtatlas.ingest.read import IngestError, document_from_bytes

TARGET_BYTES = 2_000_000


def bench_file(path: Path, repeats: int = 3) -> tuple[int, int, float] | None:
    raw = path.read_bytes()
    if not raw or raw[:5] == b"%PDF-" or raw[:2] == b"PK":
        return None  # binary containers cannot be repeated by concatenation
    big = b"\n\n".join([raw] * max(1, TARGET_BYTES // len(raw)))
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        doc = document_from_bytes(big, path)
        best = min(best, time.perf_counter() - start)
    return len(big), len(doc.text), best


def main(argv: list[str]) -> int:
    roots = [Path(a) for a in argv] or [Path("samples")]
    files, _ = expand_paths(roots)
    total_bytes = total_seconds = 0.0
    for path in files:
        try:
            result = bench_file(path)
        except IngestError as exc:
            print(f"{path.name:40s} skipped: {exc.reason}")
            continue
        if result is None:
            continue
        size, chars, seconds = result
        total_bytes += size
        total_seconds += seconds
        print(f"{path.name:40s} {size / 1e6:5.2f} MB -> {chars:>8d} chars  {seconds:5.2f} s  {size / 1e6 / seconds:6.2f} MB/s")
    if total_seconds:
        print(f"ingest_clean_mb_per_s={total_bytes / 1e6 / total_seconds:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
