"""Batch ingest: many paths in, one outcome per file out. A bad file never stops
the batch; it gets one line saying why.

    ingest_paths(paths, settings, *, store=True, reextract=False, progress=True) -> IngestReport
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from cgtatlas.ingest.read import IngestError, document_from_bytes, read_bytes
from cgtatlas.model import Document
from cgtatlas.settings import Settings

# Files in a folder that are data or code, not documents (e.g. gold annotations next
# to the samples). Named explicitly on the command line, they are still read.
NOT_DOCUMENTS = {".json", ".jsonl", ".csv", ".tsv", ".yaml", ".yml", ".toml", ".py", ".js",
                 ".css", ".db", ".sqlite", ".sqlite3", ".log", ".lock", ".pyc", ".ipynb"}

STATUSES = ("stored", "unchanged", "reextracted", "read", "duplicate", "skipped", "failed")


@dataclass
class FileOutcome:
    path: str
    status: str  # one of STATUSES; "read" means read but not stored (store=False)
    reason: str = ""
    doc_id: str = ""
    title: str = ""
    date: str | None = None
    chars: int = 0
    document: Document | None = None  # kept only when store=False (dry runs)


@dataclass
class IngestReport:
    outcomes: list[FileOutcome] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def failed(self) -> list[FileOutcome]:
        return [o for o in self.outcomes if o.status == "failed"]

    @property
    def ok(self) -> bool:
        return not self.failed

    def summary(self) -> str:
        parts = [f"{self.count(s)} {s}" for s in STATUSES if self.count(s)]
        return ", ".join(parts) if parts else "no files"


def expand_paths(paths: list[Path]) -> tuple[list[Path], list[FileOutcome]]:
    """Files to read (folders walked recursively, hidden entries skipped) and
    outcomes for paths that do not exist, cannot be listed or are skipped."""
    files: list[Path] = []
    outcomes: list[FileOutcome] = []
    for path in map(Path, paths):
        if path.is_dir():
            _walk(path, files, outcomes)
        elif path.exists() or path.is_symlink():
            files.append(path)
        else:
            outcomes.append(FileOutcome(str(path), "failed", "no such file or directory"))
    return files, outcomes


def _walk(root: Path, files: list[Path], outcomes: list[FileOutcome]) -> None:
    def unreadable(exc: OSError) -> None:
        outcomes.append(FileOutcome(exc.filename or str(root), "failed", f"cannot list the folder: {exc.strerror}"))

    for folder, dirs, names in os.walk(root, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            child = Path(folder) / name
            if name.startswith(".") or not child.is_file():
                continue
            if child.suffix.lower() in NOT_DOCUMENTS:
                outcomes.append(FileOutcome(str(child), "skipped", f"{child.suffix} files are not documents"))
            else:
                files.append(child)


def ingest_paths(paths: list[Path], settings: Settings, *, store: bool = True,
                 reextract: bool = False, progress: bool = True,
                 keep_documents: bool = False) -> IngestReport:
    """Read every file; with store=True write each Document to settings.db.
    Documents are kept on the outcomes when not storing, or when keep_documents.
    Files are read a batch at a time and the batch's documents that will be
    extracted are segmented together first (pipeline.pretag: faster)."""
    from cgtatlas.extract.pipeline import batched_by_text, pretag

    files, early = expand_paths(paths)
    report = IngestReport(list(early))
    writer = _StoreWriter(settings, reextract) if store else None
    seen_bytes: dict[str, str] = {}
    seen_text: dict[str, str] = {}
    reads = (_read_one(path, settings, seen_bytes, seen_text) for path in files)
    with _progress(progress, len(files)) as advance:
        for batch in batched_by_text(reads, lambda outcome: outcome.chars):
            if writer is not None:
                pretag(o.document for o in batch if o.document is not None and writer.will_extract(o.document))
            for outcome in batch:
                if writer is not None and outcome.document is not None:
                    _write_one(outcome, writer)
                    if not keep_documents:
                        outcome.document = None
                report.outcomes.append(outcome)
                advance(Path(outcome.path).name)
    return report


def _read_one(path: Path, settings: Settings, seen_bytes: dict, seen_text: dict) -> FileOutcome:
    try:
        raw = read_bytes(path, settings.max_file_bytes)
        byte_hash = hashlib.sha256(raw).hexdigest()
        if byte_hash in seen_bytes:
            return FileOutcome(str(path), "duplicate", f"same bytes as {seen_bytes[byte_hash]}")
        seen_bytes[byte_hash] = str(path)
        doc = document_from_bytes(raw, path)
    except IngestError as exc:
        return FileOutcome(str(path), "failed", exc.reason)
    except Exception as exc:  # a reader bug must not stop the batch either
        return FileOutcome(str(path), "failed", f"unexpected error: {type(exc).__name__}: {exc}")
    if doc.id in seen_text:
        return FileOutcome(str(path), "duplicate", f"same cleaned text as {seen_text[doc.id]}", doc.id)
    seen_text[doc.id] = str(path)
    return FileOutcome(str(path), "read", "", doc.id, doc.title, doc.date, len(doc.text), doc)


def _write_one(outcome: FileOutcome, writer: _StoreWriter) -> None:
    try:
        outcome.status = writer.write(outcome.document)
    except Exception as exc:
        outcome.status, outcome.reason = "failed", f"store error: {type(exc).__name__}: {exc}"


class _StoreWriter:
    """Opens the store on first use; one transaction per document (ingest_document's job)."""

    def __init__(self, settings: Settings, reextract: bool):
        self.settings = settings
        self.reextract = reextract
        self.engine = None

    def _open(self):
        from cgtatlas.resolve import load_overrides
        from cgtatlas.store.ingest import open_store

        if self.engine is None:
            self.engine = open_store(self.settings.db)
            self.overrides = load_overrides(self.settings.overrides)
        return self.engine

    def will_extract(self, doc: Document) -> bool:
        """Whether write(doc) will run the extraction (ingest_document's rule)."""
        from cgtatlas.store.ingest import is_stored

        if doc.mentions or doc.relations or doc.facts:
            return False
        try:
            return self.reextract or not is_stored(self._open(), doc.id)
        except Exception:  # noqa: BLE001 - write() reports a store that cannot open
            return False

    def write(self, doc: Document) -> str:
        from cgtatlas.store.ingest import ingest_document

        return ingest_document(self._open(), doc, reextract=self.reextract, overrides=self.overrides)


class _progress:
    """A rich progress bar (on stderr), or nothing."""

    def __init__(self, enabled: bool, total: int):
        self.enabled = enabled and total > 0
        self.total = total

    def __enter__(self):
        if not self.enabled:
            return lambda name: None
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.bar = Progress(TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                            TextColumn("{task.description}", markup=False), console=Console(stderr=True), transient=True)
        self.bar.start()
        task = self.bar.add_task("", total=self.total)
        return lambda name: self.bar.update(task, advance=1, description=name[:40])

    def __exit__(self, *exc):
        if self.enabled:
            self.bar.stop()
        return False
