"""TEMPORARY minimal reader so other stages can start; the ingest work replaces it.

Contract kept by the replacement:
    read_document(path: Path, settings: Settings | None = None) -> Document
    raises IngestError(path, reason) for anything unreadable.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

from cgtatlas.model import Document, Span


class IngestError(Exception):
    def __init__(self, path, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


def read_document(path: Path, settings=None) -> Document:
    path = Path(path)
    text = path.read_text(encoding="utf-8")
    sentences = [Span(m.start(), m.end()) for m in re.finditer(r"[^。！？!?\n]+[。！？!?]?", text)]
    return Document(
        id=hashlib.sha256(text.encode()).hexdigest()[:16], text=text, file_name=path.name,
        path=str(path), title=text.strip().splitlines()[0] if text.strip() else "",
        original=text, offset_map=list(range(len(text) + 1)), sentences=sentences,
    )
