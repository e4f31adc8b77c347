"""Policy stage: named policies, plans, regulations and guidance documents.

- 《…》 titles whose text ends with a policy word (方案, 规划, 意见, 办法, 指导原则 …),
  optionally followed by bracketed qualifiers: (2025-2027), （试行）, (2024年本).
  Talk, report and book titles (作主题报告《…》) are not policies.
- a line that is itself a policy title (the heading of a policy document);
- named rules without 《》 built around a quoted list word: X“白名单”(制度);
- national lists: 国家…目录.
The name drops 《》 and a trailing （征求意见稿）, keeps inner quotes as written;
the form with the draft note is an alias.
"""
from __future__ import annotations

import re
from functools import lru_cache

from cgtatlas.extract.regions import region_matches
from cgtatlas.lexicon import load_words
from cgtatlas.model import Document, Mention

QUALIFIER = r"(?:\s*[（(][^（()）]{1,16}[)）])"
DRAFT = re.compile(r"\s*[（(](?:征求意见稿|草案|送审稿|讨论稿)[)）]$")
BOOK = re.compile(r"《(?P<t>[^《》\n]{3,80})》")
NOT_POLICY_BEFORE = re.compile(r"(报告|演讲|讲座|题为|主题为|专著|著作|新书|出版|书籍|论文|课程|分享|发表了?)[\s:：]*$")
QUOTED_LIST_WORDS = ("白名单", "清单", "绿色通道")  # cheap test before the regex
QUOTED_LIST = re.compile(r"[“\"](?:白名单|负面清单|正面清单|绿色通道)[”\"](?:制度|机制|政策|清单)?")
NAME_CHAR = re.compile(r"[\u4e00-\u9fff]")
NATIONAL_LIST = re.compile(r"国家[\u4e00-\u9fff]{2,10}?目录")
# Section headings ("三、保障措施", "（一）工作方案") are not titles.
ENUMERATED = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．\s]|第[一二三四五六七八九十]+[章条节]|附件|关于印发)")
# A short line that may be a title. Lines after the first are found from their
# "\n": a pattern that starts with a literal is searched far faster than "^" in
# MULTILINE mode, which the regex engine tries at every position.
LINE = r"[ \t]*(?P<t>[^\n。，,；;！？!?《》]{6,60}?)[ \t]*$"
FIRST_LINE = re.compile(LINE, re.M)
LATER_LINE = re.compile(r"\n" + LINE, re.M)
DRAFT_NEXT_LINE = re.compile(r"\s*\n\s*([（(](?:征求意见稿|草案|送审稿|讨论稿)[)）])")
SPACES = re.compile(r"\s+")
# 《…行动计划》（以下简称《行动计划》）: a short title standing for the full one.
SHORT_TITLE = re.compile(r"》\s*[（(](?:以下|下文)?简称[:：]?\s*《([^《》]{2,30})》")
NEWS_VERBS = re.compile(r"发布|出台|印发|推出|解读|聚焦|助力|亮相|迎来|启动|正式|获批|召开")
# Verbs that start the clause before a named rule, never part of its name.
LEAD_VERBS = ("落实", "出台", "实施", "推进", "推行", "纳入", "列入", "建立", "执行", "发布", "印发", "制定", "完善",
              "优化", "推出", "试行", "探索", "用好", "依托", "持续", "进一步", "加快", "了", "的")


@lru_cache(maxsize=1)
def policy_end() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in sorted(load_words("policy_words"), key=len, reverse=True))
    return re.compile(f"(?:{words}){QUALIFIER}*$")


@lru_cache(maxsize=1)
def _title_last_chars() -> frozenset[str]:
    """Characters a policy title can end with: a policy word's last one or a bracket."""
    return frozenset(w[-1] for w in load_words("policy_words")) | frozenset(")）")


def is_policy_title(title: str) -> bool:
    """A title that ends with a policy word (qualifiers allowed after it)."""
    title = title.strip()
    return title[-1:] in _title_last_chars() and bool(policy_end().search(title))


def _book_titles(doc: Document, found: list) -> None:
    text = doc.text
    for m in BOOK.finditer(text):
        title = m.group("t")
        if not is_policy_title(title) or NOT_POLICY_BEFORE.search(text[max(0, m.start() - 12):m.start()]):
            continue
        found.append((m.start("t"), m.end("t")))


def _reads_as_policy_heading(title: str) -> bool:
    """"某市…实施方案（2025-2027年）" yes; "某市发布新政策" (a news headline) and
    "三、保障措施" (a section) no: the heading starts with an issuer's place or 关于."""
    if not is_policy_title(title) or ENUMERATED.match(title) or NEWS_VERBS.search(title):
        return False
    starts_with_place = any(start == 0 for start, _, _ in region_matches(title[:8]))
    return starts_with_place or title.startswith(("关于", "国家", "全国"))


def _title_lines(doc: Document, found: list) -> None:
    """A short line that is a policy title (a policy document's own heading)."""
    first = FIRST_LINE.match(doc.text)
    for m in ([first] if first else []) + list(LATER_LINE.finditer(doc.text)):
        title = m.group("t")
        if _reads_as_policy_heading(title):
            end = m.end("t")
            nxt = DRAFT_NEXT_LINE.match(doc.text, end)
            found.append((m.start("t"), end))
            if nxt:
                doc.meta.setdefault("aliases", {}).setdefault(_clean_name(title), set()).add(
                    title + nxt.group(1))


def _trim_lead(text: str, start: int, end: int) -> int:
    """Move `start` past a leading verb such as 落实 or 纳入."""
    part = text[start:end]
    best = 0
    for verb in LEAD_VERBS:
        idx = part.rfind(verb)
        if idx >= 0:
            best = max(best, idx + len(verb))
    return start + best


def _named_lists(doc: Document, found: list) -> None:
    text = doc.text
    quoted = QUOTED_LIST.finditer(text) if any(w in text for w in QUOTED_LIST_WORDS) else ()
    for m in quoted:
        start = m.start()
        while start > max(0, m.start() - 18) and NAME_CHAR.match(text, start - 1):
            start -= 1
        start = _trim_lead(text, start, m.start())
        if m.start() - start >= 4:
            found.append((start, m.end()))
    for m in NATIONAL_LIST.finditer(text):
        found.append(m.span())


def _clean_name(surface: str) -> str:
    return DRAFT.sub("", SPACES.sub("", surface))


def find_policies(doc: Document) -> Document:
    found: list[tuple[int, int]] = []
    _book_titles(doc, found)
    _title_lines(doc, found)
    _named_lists(doc, found)
    seen = set()
    full_names = _short_titles(doc.text, found)
    for s, e in sorted(found):
        if (s, e) in seen:
            continue
        seen.add((s, e))
        surface = doc.text[s:e]
        name = _clean_name(surface)
        doc.mentions.append(Mention("Policy", surface, s, e, full_names.get(name, name), source="policies"))
    return doc


def _short_titles(text: str, found: list[tuple[int, int]]) -> dict[str, str]:
    """short title -> full name, for titles given a short form right after them."""
    out: dict[str, str] = {}
    for s, e in found:
        m = SHORT_TITLE.match(text, e)
        if m:
            out.setdefault(m.group(1).strip(), _clean_name(text[s:e]))
    return out
