"""Title, publication date and source, from what the document itself states.

Dates, best first: a labelled line ("时间:2024-10-23 22:03:19", "发布日期：…");
a full date in the lead; a full date alone on one of the last lines (a notice's
signature); a month and day in the lead with the year the text states for the
reported event ("2025东湖生物论坛" style: a year written before the event's name);
file metadata (PDF/DOCX creation date) last. A date is never guessed from a
year alone.
"""
from __future__ import annotations

import datetime as dt
import re

from cgtatlas.ingest.boilerplate import is_boilerplate

LEAD_CHARS = 600

_LABELLED = re.compile(
    r"(?:发布时间|发表时间|发布日期|更新时间|时间|日期|date)\s*[:：]\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})",
    re.I,
)
_FULL = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*(?:年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|-(\d{1,2})-(\d{1,2})(?!\d))")
_MONTH_DAY = re.compile(r"(?<![\d年])(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_EVENT_YEAR = re.compile(
    r"(?<!\d)((?:19|20)\d{2})(?:年)?(?:第[一二三四五六七八九十\d]{1,3}届)?"
    r"[^\s，。,；;、“”\"]{0,40}?(?:论坛|峰会|大会|会议|产业周|创新周|博览会|展览会|交易会|研讨会|年会)"
)


def iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def find_date(text: str, raw_text: str, file_date: str | None) -> str | None:
    """`text` is the cleaned text; `raw_text` the text before boilerplate lines went."""
    for m in _LABELLED.finditer(raw_text[:3000]):
        found = iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if found:
            return found
    found = first_full_date(text[:LEAD_CHARS]) or _signature_date(text)
    if found:
        return found
    month_day = _MONTH_DAY.search(text[:LEAD_CHARS])
    event_year = _EVENT_YEAR.search(text)
    if month_day and event_year:
        found = iso(int(event_year.group(1)), int(month_day.group(1)), int(month_day.group(2)))
        if found:
            return found
    return file_date


def first_full_date(text: str) -> str | None:
    for m in _FULL.finditer(text):
        month, day = (m.group(2), m.group(3)) if m.group(2) else (m.group(4), m.group(5))
        found = iso(int(m.group(1)), int(month), int(day))
        if found:
            return found
    return None


def _signature_date(text: str) -> str | None:
    for line in text.strip().splitlines()[-3:]:
        m = _FULL.fullmatch(line.strip())
        if m:
            return first_full_date(line)
    return None


# ---------------------------------------------------------------- title

_WRAPPER = re.compile(r"^[（(【\[]?\s*(?:新闻稿|通稿|征求意见稿|送审稿|附件\s*\d*|公示|通知|快讯|摘要)\s*[)）】\]]?$")
_MASTHEAD = re.compile(r"第\s*[A-Z]?\d{1,3}\s*版|[%#@$^*={}<>\\]")
_HAN = re.compile(r"[\u4e00-\u9fff]")


def find_title(text: str, preferred: list[str] | None = None) -> str:
    """The first line that reads like a headline; `preferred` (e.g. an HTML <h1>) wins."""
    for candidate in preferred or []:
        candidate = candidate.strip()
        if 4 <= len(candidate) <= 120:
            return candidate
    lines = [line.strip(" ·•-") for line in text.splitlines() if line.strip()]
    for line in lines[:10]:
        if _is_headline(line):
            return line
    return lines[0][:80] if lines else ""


def _is_headline(line: str) -> bool:
    if not 5 <= len(line) <= 80 or _WRAPPER.match(line) or _MASTHEAD.search(line):
        return False
    if len(_HAN.findall(line)) < 0.4 * len(line):
        return False
    return not (line.endswith("。") and len(line) > 40)


def html_title(title: str) -> tuple[str, str | None]:
    """'Headline_Site' -> ('Headline', 'Site')."""
    parts = re.split(r"\s*(?:_|\||｜| - | — | – )\s*", title)
    if len(parts) >= 2 and 2 <= len(parts[-1]) <= 30:
        return "_".join(parts[:-1]).strip(), parts[-1].strip()
    return title.strip(), None


# ---------------------------------------------------------------- source

_SOURCE_LABEL = re.compile(r"(?:来源|稿源|出处)\s*[:：]\s*([^\s|，,。:：]{2,30})")
_COPYRIGHT_NOISE = re.compile(
    r"copyright|©|\(c\)|^\?|(?:19|20)\d{2}\s*(?:[-–—~]\s*(?:19|20)\d{2})?|版权所有|all rights reserved|[.,，。]",
    re.I,
)


def find_source(raw_text: str, fallback: str | None = None) -> str | None:
    """The site or publisher: a "来源:" label, else the holder in a copyright line."""
    m = _SOURCE_LABEL.search(raw_text[:3000])
    if m and not is_boilerplate(m.group(1)):
        return m.group(1)
    for line in reversed(raw_text[-5000:].splitlines()):
        line = line.strip(" -*·•")
        if is_boilerplate(line) and re.search(r"copyright|©|版权所有|^\?\s*\d{4}", line, re.I):
            holder = _COPYRIGHT_NOISE.sub(" ", line).strip()
            if 2 <= len(holder) <= 40:
                return re.sub(r"\s+", " ", holder)
    return fallback
