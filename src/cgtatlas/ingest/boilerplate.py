"""Page boilerplate: whole lines that belong to the site, not to the article.

Navigation (上一篇/下一篇, menus, breadcrumbs), footers (ICP and 公网安备 lines,
hotline/e-mail lines, copyright lines), share buttons and account names, ads,
page numbers and the page's own metadata line (时间:… 来源:… 作者:…).
Rules look at one stripped line at a time; a second pass also removes short
lines caught between two boilerplate lines (footer link lists such as "- IP SHANGHAI").
"""
from __future__ import annotations

import re

from cgtatlas.ingest.textmap import Traced, edit

_BULLET = r"^[-*·•>]?\s*"
_LINE_RULES = [
    # navigation and pagers
    re.compile(_BULLET + r"(?:上一篇|下一篇|上一条|下一条|上一页|下一页|返回顶部|返回列表|返回首页|打印本页|关闭窗口|【?打印】?|【?关闭】?)(?:\s|[:：]|$)"),
    re.compile(r"^(?:当前位置|您的位置|您现在的位置|所在位置)\s*[:：]"),
    # footers: registrations, contacts, copyright
    re.compile(r"(?:ICP备|ICP证|公网安备|网安备|许可证\s*[:：号]|许可证编号|备案号\s*[:：])", re.I),
    re.compile(_BULLET + r"\S{0,8}?(?:热线|邮箱|电话|传真|信箱|e-?mail|邮编)\s*[:：]", re.I),
    re.compile(_BULLET + r"(?:copyright\b|©|\(c\)\s*\d{4}|\?\s*\d{4}\s*[-–—~]\s*\d{4})", re.I),
    re.compile(r"版权所有|all rights reserved|版权声明|未经授权.{0,12}转载", re.I),
    # share buttons and social accounts
    re.compile(_BULLET + r"(?:分享到|分享|收藏|点赞|转发|扫一扫|扫码|字号)(?:\s|[:：]|$)"),
    re.compile(_BULLET + r"[^。，,]{0,20}(?:微博|公众号|抖音号|微信号|视频号|头条号|客户端|小程序)$"),
    # ads and debris
    re.compile(r"^(?:本站)?广告(?:位)?\S{0,8}$|本站广告|广告位招租"),
    re.compile(_BULLET + r"\+\d+$|^[-*·•]$"),
    re.compile(r"^[-—–]?\s*\d{1,3}\s*[-—–]?$|^第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?$"),
]
_ANY_RULE = re.compile("|".join(f"(?:{rule.pattern})" for rule in _LINE_RULES), re.I)
# The page's metadata line: only labelled fields, e.g. "时间:2024-10-23 22:03:19  作者:网络".
_META_LABELS = r"(?:发布时间|发表时间|更新时间|时间|发布日期|日期|来源|作者|编辑|责任编辑|浏览次数|浏览|阅读|点击|热度)"
_META_LINE = re.compile(rf"^{_META_LABELS}\s*[:：]")
_LABEL = re.compile(r"(?:^|\s)([^\s:：\d][^\s:：]{0,7})\s*[:：]")
_META_LABEL = re.compile(rf"^{_META_LABELS}$")
_NAV_SPLIT = re.compile(r"\s*[|｜/>»]\s*|\s{2,}")
_SENTENCE_MARK = re.compile(r"[。！？；]")
_LINES = re.compile(r"[^\n]*\n?")


def is_boilerplate(line: str) -> bool:
    """True for a stripped line that belongs to the page, not the article."""
    if not line or len(line) > 160:
        return False
    if len(line) > 60 and _SENTENCE_MARK.search(line):
        return False  # a long sentence is article text even if it mentions a hotline
    if _ANY_RULE.search(line):
        return True
    if _META_LINE.match(line) and not _SENTENCE_MARK.search(line) and len(line) < 120:
        return all(_META_LABEL.match(label) for label in _LABEL.findall(line))
    return _is_menu(line)


def _is_menu(line: str) -> bool:
    items = [i for i in _NAV_SPLIT.split(line) if i]
    return (len(items) >= 4 and all(len(i) <= 6 for i in items)
            and not _SENTENCE_MARK.search(line) and ("|" in line or "｜" in line or ">" in line))


def remove_boilerplate_lines(t: Traced) -> Traced:
    """Delete boilerplate lines (with their newline)."""
    spans = [(m.start(), m.end()) for m in _LINES.finditer(t.text) if m.end() > m.start()]
    stripped = [t.text[s:e].strip() for s, e in spans]
    marked = [is_boilerplate(line) for line in stripped]
    _mark_sandwiched(stripped, marked)
    return edit(t, ((s, e, "") for (s, e), m in zip(spans, marked) if m))


def _mark_sandwiched(lines: list[str], marked: list[bool]) -> None:
    """Runs of short lines right after a boilerplate line, ending at another one (or at
    the end of the text), are footer too: e.g. link lists like "- IP SHANGHAI"."""
    content = [i for i, line in enumerate(lines) if line]
    k = 0
    while k < len(content):
        if not marked[content[k]]:
            k += 1
            continue
        run_end = k + 1
        while run_end < len(content) and _footer_item(lines[content[run_end]], marked[content[run_end]]):
            run_end += 1
        if run_end > k + 1 and (run_end == len(content) or marked[content[run_end]]):
            for j in content[k + 1:run_end]:
                marked[j] = True
        k = run_end


def _footer_item(line: str, marked: bool) -> bool:
    return not marked and len(line) <= 15 and not _SENTENCE_MARK.search(line)


# ---------------------------------------------------------------- running heads and feet

PAGE_BREAK = "\f"  # how PDF pages (and pdftotext output) separate pages
_EDGE_LINES = 2  # lines at the top and at the bottom of a page that may be running
_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")


def remove_running_lines(t: Traced) -> Traced:
    """Running heads and feet of paged text: a short line at the top or bottom of
    at least half the pages (and of three), page numbers aside ("第3页" ~ "第4页"),
    is the document's furniture, not its text. Page breaks stay (as form feeds)."""
    pages = _page_spans(t.text)
    if len(pages) < 3:
        return t
    edges = [_edge_lines(t.text, start, end) for start, end in pages]
    seen: dict[str, int] = {}
    for page in edges:
        for key in {key for key, _, _ in page}:
            seen[key] = seen.get(key, 0) + 1
    running = {key for key, n in seen.items() if n >= max(3, len(pages) / 2)}
    title_end = edges[0][0][2] if edges[0] else 0  # the first line often is the title: kept
    return edit(t, ((s, e, "") for page in edges for key, s, e in page
                    if key in running and s >= title_end))


def _page_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in re.finditer(PAGE_BREAK, text):
        spans.append((start, m.start()))
        start = m.end()
    return spans + [(start, len(text))] if spans else []


def _edge_lines(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """(key, start, end) of the first and last few non-blank short lines of a page,
    each span with its newline."""
    lines = [m for m in _LINES.finditer(text, start, end) if m.group().strip()]
    picked = {m.start(): m for m in lines[:_EDGE_LINES] + lines[-_EDGE_LINES:]}
    return [(_edge_key(m.group()), m.start(), m.end()) for m in picked.values()
            if len(m.group().strip()) <= 60]


def _edge_key(line: str) -> str:
    """The line without spaces; numbers count as one only in a short line ("第 3 页",
    "报告 · 3"), so that numbered text lines ("2025年第3季度…") never look alike."""
    line = _SPACES.sub("", line)
    numbered = _DIGITS.sub("#", line)
    return numbered if len(numbered.replace("#", "")) <= 10 else line


_INLINE = re.compile(r"\[bookmark:[^\]\n]{0,80}\]|\[image:[^\]\n]{0,200}\]", re.I)


def remove_inline_artifacts(t: Traced) -> Traced:
    """Converter artifacts inside lines, e.g. "[bookmark: _GoBack]" left by docx-to-text tools."""
    return edit(t, ((m.start(), m.end(), "") for m in _INLINE.finditer(t.text)))
