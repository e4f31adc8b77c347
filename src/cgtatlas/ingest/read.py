"""Reading one file into a cleaned `Document`.

    read_document(path, settings=None) -> Document
    raises IngestError(path, reason) for anything that cannot be read; `reason`
    is one plain line for the user.

The Document keeps the decoded original (`original`), the cleaned text (`text`),
`offset_map` (cleaned offset -> original offset, one entry more than the text),
sentences, title, date and source. `id` is a hash of the cleaned text, so the
same article saved twice (or re-encoded) gets the same id.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from cgtatlas.ingest import formats, metadata
from cgtatlas.ingest.clean import CleanOptions, clean_text
from cgtatlas.ingest.formats import Extracted, FormatError
from cgtatlas.ingest.sentences import split_sentences
from cgtatlas.model import Document
from cgtatlas.settings import Settings


class IngestError(Exception):
    def __init__(self, path, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, or IngestError with a reason a user can act on."""
    try:
        if not path.exists():
            raise IngestError(path, "no such file")
        if not path.is_file():
            raise IngestError(path, "not a regular file")
        size = path.stat().st_size
        if size == 0:
            raise IngestError(path, "empty file (0 bytes)")
        if size > max_bytes:
            raise IngestError(path, f"file is {size / 2**20:.1f} MB, over the {max_bytes / 2**20:.0f} MB limit"
                                    " (raise it with --max-mb or CGTATLAS_MAX_FILE_MB)")
        return path.read_bytes()
    except PermissionError:
        raise IngestError(path, "cannot read the file: permission denied") from None
    except OSError as exc:
        raise IngestError(path, f"cannot read the file: {exc.strerror or exc}") from None


def extract(raw: bytes, suffix: str) -> Extracted:
    """Format by content, then the matching reader. Raises FormatError."""
    kind = formats.sniff_format(raw, suffix)
    if kind == "pdf":
        return formats.read_pdf(raw)
    if kind == "docx":
        return formats.read_docx(raw)
    text, encoding = formats.decode_bytes(raw)
    if kind == "html" or (kind == "txt" and formats.looks_like_html(text)):
        found = formats.read_html(text)
    else:
        found = Extracted(text, formats.Traced.identity(text), kind)
    found.encoding = encoding
    return found


def document_from_bytes(raw: bytes, path: Path) -> Document:
    try:
        found = extract(raw, path.suffix)
    except FormatError as exc:
        raise IngestError(path, str(exc)) from None
    options = CleanOptions(markdown=found.format == "md", wrapped=found.format == "pdf")
    cleaned, done = clean_text(found.view, _t2s(), options)
    if not cleaned.text.strip():
        raise IngestError(path, "no text left after cleaning (an empty page or only boilerplate)")
    raw_text = done.pop("before_boilerplate")
    title, site = _title_and_site(found, cleaned.text)
    meta = {"format": found.format, "encoding": found.encoding, **done, **_file_meta(found)}
    return Document(
        id=text_hash(cleaned.text),
        text=cleaned.text,
        file_name=path.name,
        path=str(path),
        title=title,
        date=metadata.find_date(cleaned.text, raw_text, meta.get("file_date")),
        source=metadata.find_source(raw_text, site),
        original=found.original,
        offset_map=cleaned.map,
        sentences=split_sentences(cleaned.text),
        meta=meta,
    )


def _title_and_site(found: Extracted, text: str) -> tuple[str, str | None]:
    preferred, site = [], None
    if found.format == "html":
        page_title, site = metadata.html_title(found.meta.get("html_title", ""))
        preferred = [_t2s().convert(p) for p in _html_title_order(found.meta.get("html_h1", ""), page_title)]
    title = metadata.find_title(text, preferred)
    if not title and found.format == "docx":
        title = found.meta["docx"].get("title", "")
    return title, site


def _html_title_order(h1: str, page_title: str) -> list[str]:
    """The <h1> is the headline unless it is only the site's logo: then <title> wins."""
    if h1 and page_title and not (h1 in page_title or page_title in h1) and len(page_title) >= 6:
        return [page_title, h1]
    return [t for t in (h1, page_title) if t]


def _file_meta(found: Extracted) -> dict:
    """Dates and titles the file format itself records."""
    if found.format == "docx":
        return {"file_date": found.meta["docx"].get("created"), "file_title": found.meta["docx"].get("title")}
    if found.format == "pdf":
        info = found.meta["pdf"]
        return {"file_date": _pdf_date(info.get("CreationDate", "")), "file_title": info.get("Title"),
                "pages": found.meta["pages"]}
    if found.format == "html":
        page_meta = found.meta.get("html_meta", {})
        for key in ("article:published_time", "pubdate", "publishdate", "date", "datepublished"):
            if page_meta.get(key):
                return {"file_date": metadata.first_full_date(page_meta[key][:10])}
    return {}


def _pdf_date(value: str) -> str | None:
    """PDF dates look like D:20250415093000+08'00'."""
    digits = value[2:10] if value.startswith("D:") else value[:8]
    if len(digits) == 8 and digits.isdigit():
        return metadata.iso(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    return None


def read_document(path: Path, settings: Settings | None = None) -> Document:
    path = Path(path)
    max_bytes = settings.max_file_bytes if settings else Settings().max_file_bytes
    return document_from_bytes(read_bytes(path, max_bytes), path)
