"""Bytes -> text: format and encoding found by content, not only by extension.

Each reader returns an `Extracted`: the original text (what offsets point into)
and a `Traced` view of its readable text. For HTML the original is the decoded
page source and the view holds only visible text, each character mapped to its
place in the source; for PDF and DOCX the original is the extracted text itself.
"""
from __future__ import annotations

import codecs
import io
import logging
import re
import zipfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

from cgtatlas.ingest.textmap import Traced


class FormatError(Exception):
    """The content cannot be read; the message is the reason shown to the user."""


@dataclass
class Extracted:
    original: str
    view: Traced
    format: str
    encoding: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


# ---------------------------------------------------------------- sniffing

_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)
_HTML_TAG = re.compile(r"</?(?:p|div|br|span|a|table|tr|td|li|ul|h[1-6])\b[^>]{0,300}>", re.I)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)


def sniff_format(raw: bytes, suffix: str) -> str:
    """'pdf', 'docx', 'html', 'md' or 'txt' from the bytes (the suffix only breaks ties)."""
    suffix = suffix.lower()
    head = raw[:2048]
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise FormatError("a legacy Word 97-2003 (.doc) or other OLE file; save it as .docx")
    if suffix == ".pdf":
        raise FormatError("not a PDF (no %PDF header): the file is damaged or mislabelled")
    if suffix == ".docx":
        raise FormatError("corrupt .docx: not a ZIP container")
    if _HTML_START.match(head.lstrip(codecs.BOM_UTF8)):
        return "html"
    if suffix in (".html", ".htm", ".xhtml"):
        return "html"
    if suffix in (".md", ".markdown"):
        return "md"
    return "txt"


def looks_like_html(text: str) -> bool:
    """A .txt that is really a saved web page."""
    return len(_HTML_TAG.findall(text[:8192])) >= 5


# ---------------------------------------------------------------- decoding

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd\ue000-\uf8ff]")


def decode_bytes(raw: bytes) -> tuple[str, str]:
    """Decode by BOM, then strict UTF-8, then charset-normalizer's best guess."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return _checked(raw.decode(encoding, errors="replace"), encoding)
    try:
        return _checked(raw.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    lenient = raw.decode("utf-8", errors="replace")
    if lenient.count("\ufffd") <= max(2, len(lenient) // 1000):
        return _checked(lenient, "utf-8")  # UTF-8 with a few damaged bytes (a truncated download)
    from charset_normalizer import from_bytes

    best = from_bytes(_detection_sample(raw)).best()
    if best is None:
        raise FormatError("binary data, not a text document")
    encoding = best.encoding
    if encoding in ("gb2312", "gbk", "hz"):
        encoding = "gb18030"  # a superset: decodes every GBK file and more
    return _checked(raw.decode(encoding, errors="replace"), encoding)


def _detection_sample(raw: bytes, size: int = 32_768) -> bytes:
    """The first ~32 KB, cut at a line end so no multi-byte character is split:
    detection on the whole of a large file is slow and no more accurate."""
    if len(raw) <= size:
        return raw
    cut = raw.rfind(b"\n", 0, size)
    return raw[:cut] if cut > size // 4 else raw[:size]


def _checked(text: str, encoding: str) -> tuple[str, str]:
    sample = text[:100_000]
    if sample and len(_CONTROL.findall(sample)) > 0.02 * len(sample):
        raise FormatError("binary data, not a text document")
    return text.lstrip("\ufeff"), encoding


# ---------------------------------------------------------------- HTML

_SKIP_TAGS = {"script", "style", "noscript", "template", "iframe", "svg", "canvas", "object",
              "select", "button"}
_BLOCK_TAGS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section",
               "article", "header", "footer", "nav", "aside", "table", "ul", "ol", "dl", "dt",
               "dd", "blockquote", "pre", "hr", "figure", "figcaption", "main", "caption"}
_HEAD_TAGS = {"title", "meta", "link", "script", "style", "base", "noscript"}
_VOID_TAGS = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed",
              "param", "source", "track", "wbr"}


class _VisibleText(HTMLParser):
    """Collects visible text with, per character, its offset in the page source."""

    def __init__(self, source: str):
        super().__init__(convert_charrefs=False)
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.chars: list[str] = []
        self.offsets: list[int] = []
        self.skip_depth = 0
        self.in_head = False  # pages often leave <head> unclosed, so it is a flag, not a depth
        self.capture: str | None = None  # "title" or "h1" while inside one
        self.captured: dict[str, str] = {}
        self.meta: dict[str, str] = {}

    def _pos(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _emit(self, text: str, offset: int, one_to_one: bool) -> None:
        if self.capture:
            self.captured[self.capture] = self.captured.get(self.capture, "") + text
        if self.skip_depth or self.in_head:
            return
        self.chars.append(text)
        self.offsets.extend(range(offset, offset + len(text)) if one_to_one else [offset] * len(text))

    def handle_starttag(self, tag, attrs):
        if tag == "meta":
            attrs_d = {k: (v or "") for k, v in attrs}
            key = attrs_d.get("name") or attrs_d.get("property") or attrs_d.get("itemprop")
            if key and "content" in attrs_d:
                self.meta[key.lower()] = attrs_d["content"]
            return
        if tag in ("head", "body"):
            self.in_head = tag == "head"
        elif self.in_head and tag not in _HEAD_TAGS:
            self.in_head = False  # a body tag implicitly closes <head>
        if tag == "title" or (tag == "h1" and "h1" not in self.captured):
            self.capture = tag
            self.captured.setdefault(tag, "")
        if tag in _SKIP_TAGS and tag not in _VOID_TAGS:
            self.skip_depth += 1
        elif tag in _BLOCK_TAGS:
            self._emit("\n", self._pos(), False)
        elif tag in ("td", "th"):
            self._emit("\t", self._pos(), False)

    def handle_endtag(self, tag):
        if tag == "head":
            self.in_head = False
        if tag == self.capture:
            self.capture = None
        if tag in _SKIP_TAGS and self.skip_depth:
            self.skip_depth -= 1
        elif tag in _BLOCK_TAGS:
            self._emit("\n", self._pos(), False)

    def handle_data(self, data):
        self._emit(data, self._pos(), True)

    def handle_entityref(self, name):
        from html import unescape

        self._emit(unescape(f"&{name};"), self._pos(), False)

    def handle_charref(self, name):
        from html import unescape

        self._emit(unescape(f"&#{name};"), self._pos(), False)


def read_html(source: str) -> Extracted:
    parser = _VisibleText(source)
    try:
        parser.feed(source)
        parser.close()
    except Exception as exc:  # html.parser is lenient; anything left is truly broken
        raise FormatError(f"unreadable HTML: {exc}") from exc
    text = "".join(parser.chars)
    offsets = parser.offsets[: len(text)]
    view = Traced(text, offsets + [len(source)])
    meta = {"html_title": _squash(parser.captured.get("title", "")),
            "html_h1": _squash(parser.captured.get("h1", "")), "html_meta": parser.meta}
    return Extracted(source, view, "html", meta=meta)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


# ---------------------------------------------------------------- PDF

def read_pdf(raw: bytes) -> Extracted:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(raw)
    except Exception as exc:
        raise FormatError(f"corrupt or encrypted PDF ({exc})") from exc
    try:
        pages = []
        for page in pdf:
            textpage = page.get_textpage()
            pages.append(textpage.get_text_range())
            textpage.close()
            page.close()
        meta = {k: v for k, v in pdf.get_metadata_dict(skip_empty=True).items()}
    finally:
        pdf.close()
    # Pages end in a form feed, so cleaning can find running heads and feet.
    text = "\n\f\n".join(p.replace("\r\n", "\n").replace("\r", "\n") for p in pages)
    if not re.search(r"\w", text):
        raise FormatError(f"PDF has no text layer ({len(pages)} page(s) of images?); OCR it first")
    return Extracted(text, Traced.identity(text), "pdf", meta={"pdf": meta, "pages": len(pages)})


# ---------------------------------------------------------------- DOCX

def read_docx(raw: bytes) -> Extracted:
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            if "word/document.xml" not in archive.namelist():
                raise FormatError("a ZIP archive, not a .docx document")
    except zipfile.BadZipFile as exc:
        raise FormatError(f"corrupt .docx: {exc}") from exc
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    logging.getLogger("docx").setLevel(logging.ERROR)
    try:
        document = docx.Document(io.BytesIO(raw))
        lines = []
        for block in document.element.body.iterchildren():
            tag = block.tag.rsplit("}", 1)[-1]
            if tag == "p":
                lines.append(Paragraph(block, document).text)
            elif tag == "tbl":
                for row in Table(block, document).rows:
                    lines.append("\t".join(_unique_cells(row)))
        props = document.core_properties
        meta = {"title": props.title or "", "author": props.author or "",
                "created": props.created.date().isoformat() if props.created else None}
    except FormatError:
        raise
    except Exception as exc:
        raise FormatError(f"corrupt .docx: {type(exc).__name__}: {exc}") from exc
    text = "\n".join(lines)
    return Extracted(text, Traced.identity(text), "docx", meta={"docx": meta})


def _unique_cells(row) -> list[str]:
    """Merged cells repeat in python-docx; keep each once."""
    out, seen = [], set()
    for cell in row.cells:
        if id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            out.append(cell.text.replace("\n", " ").strip())
    return out
