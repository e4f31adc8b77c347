"""Extract files to gold JSON or JSONL, and evaluate against a gold folder.

Plain functions behind `cgtatlas extract` and `cgtatlas eval`: a bad file is
reported and skipped, never stops the batch.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cgtatlas.extract.gold import to_gold, to_jsonl_rows
from cgtatlas.model import Document

FORMATS = ("gold", "jsonl")


@dataclass
class ExtractReport:
    written: list[Path] = field(default_factory=list)
    failed: list[tuple[Path, str]] = field(default_factory=list)
    predictions: dict[str, dict[str, Any]] = field(default_factory=dict)  # stem -> gold dict


def iter_files(paths: list[Path]) -> Iterator[Path]:
    """Documents in `paths`: folders walked recursively, hidden entries and
    data files (gold JSON next to the samples) skipped, as ingest does."""
    from cgtatlas.ingest.batch import expand_paths

    files, _skipped = expand_paths(paths)
    yield from files


def extract_files(files: list[Path], out: Path | None, fmt: str = "gold",
                  step: Callable[[Path], None] | None = None) -> ExtractReport:
    """Extract every file; write one `<stem>.json` (gold) or `<stem>.jsonl` into `out`
    when given. `step` is called after each file (progress). Files are read and
    segmented a batch at a time (pipeline.pretag)."""
    from cgtatlas.extract.pipeline import batched_by_text, pretag

    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    report = ExtractReport()
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
    for batch in batched_by_text(_read_files(files), _text_length):
        pretag(doc for _, doc in batch if isinstance(doc, Document))
        for f, doc in batch:
            _extract_into(report, f, doc, out, fmt)
            if step:
                step(f)
    return report


def _extract_into(report: ExtractReport, f: Path, doc: Document | Exception, out: Path | None, fmt: str) -> None:
    from cgtatlas.extract.pipeline import run_pipeline

    if isinstance(doc, Exception):
        report.failed.append((f, str(doc)))
        return
    try:
        doc = run_pipeline(doc)
    except Exception as exc:  # one bad file never stops the batch
        report.failed.append((f, str(exc)))
        return
    report.predictions[f.stem] = to_gold(doc)
    if out is not None:
        report.written.append(_write(doc, f.stem, out, fmt))


def _read_files(files: list[Path]) -> Iterator[tuple[Path, Document | Exception]]:
    from cgtatlas.ingest.read import read_document

    for f in files:
        try:
            yield f, read_document(f)
        except Exception as exc:  # reported with the file, in its turn
            yield f, exc


def _text_length(item: tuple[Path, Document | Exception]) -> int:
    return len(item[1].text) if isinstance(item[1], Document) else 0


def _write(doc: Document, stem: str, out: Path, fmt: str) -> Path:
    if fmt == "gold":
        target = out / f"{stem}.json"
        target.write_text(json.dumps(to_gold(doc), ensure_ascii=False, indent=1), encoding="utf-8")
    else:
        target = out / f"{stem}.jsonl"
        lines = (json.dumps(row, ensure_ascii=False) for row in to_jsonl_rows(doc))
        target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


def load_gold_dir(folder: Path) -> dict[str, dict[str, Any]]:
    """Gold JSON files of a folder, by file stem."""
    out = {}
    for f in sorted(Path(folder).glob("*.json")):
        out[f.stem] = json.loads(f.read_text(encoding="utf-8"))
    return out
