"""Find quantities (a number with a unit) in Chinese text and normalise them.

`find_quantities(text)` returns `Quantity` objects over character offsets:
"55万平米" -> 550000 平方米, "约5亿元" -> 500000000 元 (~), "超400家" -> 400 家 (>),
"15个以上" -> 15 个 (>=), "上百家" -> 100 家 (~), "1-2家" -> 1 (>=) and 2 (<=),
"27%" -> 27 %, "约1/6" -> 0.1667 (unit ""). Dates, ordinals (第五届), ranks (前2%),
years, codes (QX021, IL-2) and phone-like digit runs are not quantities.
Durations (天, 年, 个月) count only after a duration word (为期, 连续, 经过, …).
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
         "六": 6, "七": 7, "八": 8, "九": 9}
SMALL = {"十": 10, "百": 100, "千": 1000}
BIG = {"万": 10_000, "亿": 100_000_000}

# surface unit -> (base unit, multiplier)
UNITS: dict[str, tuple[str, float]] = {
    "平方米": ("平方米", 1), "平米": ("平方米", 1), "㎡": ("平方米", 1), "平方公里": ("平方米", 1e6),
    "人份": ("人份", 1), "条": ("条", 1), "批次": ("批次", 1),
    "亩": ("亩", 1), "公里": ("公里", 1),
    "亿元": ("元", 1e8), "万元": ("元", 1e4), "元": ("元", 1), "亿美元": ("美元", 1e8),
    "万美元": ("美元", 1e4), "美元": ("美元", 1), "亿港元": ("港元", 1e8), "万港元": ("港元", 1e4),
    "港元": ("港元", 1), "亿欧元": ("欧元", 1e8), "万欧元": ("欧元", 1e4), "欧元": ("欧元", 1),
    "亿日元": ("日元", 1e8), "万日元": ("日元", 1e4), "日元": ("日元", 1),
    "人次": ("人次", 1), "个方面": ("个", 1), "方面": ("个", 1), "个": ("个", 1),
    "家": ("家", 1), "人": ("人", 1), "名": ("名", 1), "位": ("位", 1), "例": ("例", 1),
    "套": ("套", 1), "项": ("项", 1), "场": ("场", 1), "款": ("款", 1), "件": ("件", 1),
    "所": ("所", 1), "座": ("座", 1), "台": ("台", 1), "支": ("支", 1), "种": ("种", 1),
    "倍": ("倍", 1), "次": ("次", 1), "大": ("个", 1),
}
DURATION_UNITS = {"天": "天", "年": "年", "载": "年", "个月": "个月", "周": "周", "届": "届", "岁": "岁"}
DURATION_WORDS = ("为期", "连续", "历时", "经过", "长达", "深耕", "持续", "累计", "用时", "耗时",
                  "任职", "从业", "扎根", "专注")
# units that count only after particular words: editions of a series ("连续举办四届"), ages
CONTEXT_WORDS = {"届": ("连续", "举办", "已办"), "岁": ("年龄",)}

PRE_COMPARATOR = {
    "超过": ">", "超出": ">", "逾": ">", "超": ">", "多于": ">", "不少于": ">=", "不低于": ">=",
    "至少": ">=", "不超过": "<=", "不到": "<", "少于": "<", "约": "~", "大约": "~", "近": "~",
    "将近": "~", "接近": "~",
}
POST_COMPARATOR = {"以上": ">=", "以下": "<=", "以内": "<=", "左右": "~", "余": ">", "多": ">"}

_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?|[零〇一二两三四五六七八九十百千万亿]+"
_UNIT_ALT = "|".join(sorted([*UNITS, *DURATION_UNITS], key=len, reverse=True))
_PRE_ALT = "|".join(sorted(PRE_COMPARATOR, key=len, reverse=True))

QUANTITY_RE = re.compile(
    rf"(?:(?P<vague>[上数几])(?P<vnum>[十百千万])"
    rf"|(?P<num>{_NUM})(?:[ \t]*[-~～－—–至到][ \t]*(?P<num2>{_NUM}))?)"
    r"(?P<mult>[十百千万亿]*)(?P<approx>余|多)?[ \t\n]?"
    rf"(?P<unit>{_UNIT_ALT})(?P<post>以上|以下|以内|左右)?"
)
# Every BMP character \d matches, as literals: `re` finds the start of a pattern
# opening with a class of literals several times faster than of one holding \d
# (a Unicode category, looked up at every character of the text).
_BMP_DIGITS = "".join(filter(str.isdecimal, map(chr, range(0x10000))))  # (~5 ms at import)
# Where QUANTITY_RE may start: its first character, then only characters its
# number part can hold, then a unit. A looser test than QUANTITY_RE itself, but
# it begins with a character class, which `re` scans for fast (QUANTITY_RE,
# opening with named groups, is tried at every position of the text). Any
# character beyond the BMP may start (they are rare; QUANTITY_RE decides).
QUANTITY_START = re.compile(
    rf"[上数几{_BMP_DIGITS}零〇一二两三四五六七八九十百千万亿\U00010000-\U0010ffff]"
    rf"(?=[\d,.零〇一二两三四五六七八九十百千万亿 \t\n\-~～－—–至到余多]*(?:{_UNIT_ALT}))"
)
# PERCENT_RE and FRACTION_RE without their optional comparator word in front,
# which `_with_pre` looks for behind each match instead (a regex opening with an
# optional alternation of words tries every word at every position).
PERCENT_RE = re.compile(
    r"(?P<num>\d+(?:\.\d+)?)[%％]|百分之(?P<cnum>[零〇一二两三四五六七八九十百]+(?:点[零〇一二三四五六七八九]+)?)"
)
# (the lookbehind, "no digit or / before a", sits after a's first digit so
# that the pattern opens with \d, which `re` scans for fast)
FRACTION_RE = re.compile(r"(?P<a>\d(?<![\d/]\d)\d?)[ \t]*/[ \t]*(?P<b>\d{1,3})(?![\d/])")
PERCENT_SIGN = re.compile(r"[%％]")
CHINESE_PERCENT = re.compile(r"百分之")
# 六成 (60 %): a digit word before 成 only counts when a boundary follows
# (成立, 成为, 成都 and 一成不变 are words of their own). The digit is checked
# behind 成: a pattern opening with a literal is searched far faster.
TENTHS = re.compile(r"成(以上|以下|左右|多)?(?=的|[，。；、,;）)\s]|$)")
TENTH_DIGITS = "一二三四五六七八九"
PRE_RIGHT_BEFORE = re.compile(rf"(?:{_PRE_ALT})\Z")
PRE_LONGEST = max(map(len, PRE_COMPARATOR))
RANK_BEFORE = ("第", "前", "后", "首")
ARABIC_NUMBER = re.compile(r"(\d+(?:,\d{3})*(?:\.\d+)?)([十百千万亿]*)")
CLAUSE_MARK = re.compile(r"[，,。；;：:、\n]")
TITLE = re.compile(r"《[^《》]{0,80}》")


class Quantity(NamedTuple):  # (a frozen dataclass takes several times longer to build)
    start: int
    end: int
    value: float
    unit: str
    comparator: str = "="
    text: str = ""


def chinese_to_number(s: str) -> float | None:
    """Value of a Chinese numeral ("二十", "三百五十万", "两"), None if malformed ("十四五")."""
    total, section, digit = 0.0, 0.0, None
    for ch in s:
        if ch in DIGIT:
            if digit is not None:
                return None  # two digits in a row: "十四五", "二〇二四" are names or years
            digit = DIGIT[ch]
        elif ch in SMALL:
            section += (1 if digit is None else digit) * SMALL[ch]
            digit = None
        elif ch in BIG:
            section += digit or 0
            total = (total + section) * BIG[ch] if total < BIG[ch] else total + section * BIG[ch]
            section, digit = 0.0, None
        else:
            return None
    return total + section + (digit or 0)


def parse_number(s: str) -> float | None:
    """"55" -> 55, "1,200" -> 1200, "2.5" -> 2.5, "二十" -> 20, "55万" -> 550000."""
    s = s.strip()
    if s.isdecimal():
        return float(s)  # the common case, what the pattern below makes of it
    m = ARABIC_NUMBER.fullmatch(s)
    if m:
        value = float(m.group(1).replace(",", ""))
        for ch in m.group(2):
            value *= SMALL.get(ch) or BIG[ch]
        return value
    return chinese_to_number(s) if s else None


def _is_excluded(text: str, num_start: int, end: int) -> bool:
    before = text[max(0, num_start - 1):num_start]
    after = text[end:end + 1]
    if before and (before in RANK_BEFORE or before.isascii() and (before.isalnum() or before in "-_./")):
        return True
    if num_start >= 2 and text[num_start - 1] == "-" and text[num_start - 2].isascii() and text[num_start - 2].isalpha():
        return True
    if after.isdigit() and after.isascii():
        return True
    return False


def _duration_ok(text: str, num_start: int, unit: str) -> bool:
    window = text[max(0, num_start - 8):num_start]
    window = CLAUSE_MARK.split(window)[-1]
    return any(w in window for w in CONTEXT_WORDS.get(unit, DURATION_WORDS))


PRE_BEFORE = re.compile(rf"(?:{_PRE_ALT})[ \t]*$")


def _pre_comparator(text: str, start: int) -> tuple[str, int]:
    """A comparator word right before a number ("超过40家"): (comparator, its start)."""
    m = PRE_BEFORE.search(text, max(0, start - 5), start)
    return (PRE_COMPARATOR[m.group(0).strip()], m.start()) if m else ("", start)


def _quantity_values(m: re.Match, pre: str) -> list[tuple[float, str]] | None:
    """Numbers and comparators a match stands for (two for a range)."""
    vague, vnum, num, num2, approx, post = m.group("vague", "vnum", "num", "num2", "approx", "post")
    if vague:
        return [(float(SMALL.get(vnum) or BIG[vnum]), "~")]
    first = parse_number(num)
    if first is None:
        return None
    if num2:
        second = parse_number(num2)
        if second is None or second <= first:
            return None
        return [(first, ">="), (second, "<=")]
    comparator = pre or "="
    if approx:
        comparator = ">"
    if post:
        comparator = POST_COMPARATOR[post]
    return [(first, comparator)]


def _unit_quantities(text: str, m: re.Match) -> list[Quantity]:
    unit_text, num_text, num2, mult = m.group("unit", "num", "num2", "mult")
    num_text = num_text or ""
    num_start, end = m.span()  # (the number, or the vague word, opens the match)
    if num_text == "一" and not mult:
        return []  # "一家企业", "一批", "一次": an article, not a count
    if _is_excluded(text, num_start, end):
        return []
    if len(num_text.replace(",", "")) >= 7 and "." not in num_text:
        return []  # phone numbers, licence numbers
    if unit_text in DURATION_UNITS:
        if not _duration_ok(text, num_start, unit_text) or (num_text.isdigit() and int(num_text) >= 1900):
            return []
        base, factor = DURATION_UNITS[unit_text], 1.0
    elif unit_text == "大":
        if mult or num2 or not num_text or (num_text.isdigit() and int(num_text) > 20):
            return []  # "六大板块", "两大国际机场"; not "55万大"
        base, factor = "个", 1.0
    else:
        base, factor = UNITS[unit_text]
    pre, start = _pre_comparator(text, num_start)
    values = _quantity_values(m, pre)
    if not values:
        return []
    scale = 1.0
    for ch in mult:
        scale *= SMALL.get(ch) or BIG[ch]
    return [Quantity(start, end, round(v * scale * factor, 4), base, c, text[start:end])
            for v, c in values]


def _percent_quantities(text: str) -> list[Quantity]:
    out: list[Quantity] = []
    if "%" not in text and "％" not in text and "百分之" not in text:
        return out
    for begin, pre, m in _with_pre(_percent_matches(text), text):
        start = m.start("num") if m.group("num") else m.start("cnum") - 3
        if start > 0 and text[start - 1] in RANK_BEFORE:
            continue  # "前2%" is a rank
        if m.group("num"):
            value = float(m.group("num"))
        else:
            whole, _, frac = m.group("cnum").partition("点")
            value = chinese_to_number(whole)
            if value is None:
                continue
            if frac:
                value += float("0." + "".join(str(DIGIT[c]) for c in frac))
        comparator = PRE_COMPARATOR.get(pre, "=")
        out.append(Quantity(begin, m.end(), value, "%", comparator, text[begin:m.end()]))
    return out


def _tenths_quantities(text: str) -> list[Quantity]:
    """超过六成的企业: 60 %, with the comparator before or after."""
    out: list[Quantity] = []
    for m in TENTHS.finditer(text, 1):
        digit_at = m.start() - 1
        if text[digit_at] not in TENTH_DIGITS or (digit_at and text[digit_at - 1] in TENTH_DIGITS + "十"):
            continue  # 成立, 十六成
        pre, begin = _pre_comparator(text, digit_at)
        post = m.group(1)
        comparator = POST_COMPARATOR[post] if post else pre or "="
        out.append(Quantity(begin, m.end(), DIGIT[text[digit_at]] * 10.0, "%", comparator, text[begin:m.end()]))
    return out


def _fraction_quantities(text: str) -> list[Quantity]:
    out: list[Quantity] = []
    if "/" not in text:
        return out
    for begin, pre, m in _with_pre(FRACTION_RE.finditer(text), text):
        a, b = int(m.group("a")), int(m.group("b"))
        if b == 0 or a >= b:
            continue
        context = text[max(0, begin - 6):begin]
        if not (pre or "占" in context or "比" in context):
            continue  # a bare "3/4" may be a date or a code
        comparator = PRE_COMPARATOR.get(pre, "=")
        out.append(Quantity(begin, m.end(), round(a / b, 4), "", comparator, text[begin:m.end()]))
    return out


def _percent_matches(text: str) -> list[re.Match]:
    """PERCENT_RE.finditer(text), tried only where a match can start: where the
    number before each % begins, and at each 百分之. (`re` tries PERCENT_RE, an
    alternation, at every digit of the text; % signs are few.)"""
    starts = []
    for sign in PERCENT_SIGN.finditer(text):
        i = _digits_before(text, sign.start())
        if i > 0 and text[i - 1] == "." and text[i - 2:i - 1].isdecimal():
            i = _digits_before(text, i - 1)  # "12.5%"
        starts.append(i)
    starts += [m.start() for m in CHINESE_PERCENT.finditer(text)]
    found, end = [], 0
    for start in sorted(starts):
        if start >= end and (m := PERCENT_RE.match(text, start)):
            end = m.end()
            found.append(m)
    return found


def _digits_before(text: str, pos: int) -> int:
    """Start of the run of digits (\\d: any decimal digit) that ends at `pos`."""
    while pos > 0 and text[pos - 1].isdecimal():
        pos -= 1
    return pos


def _with_pre(matches: Iterable[re.Match], text: str) -> Iterator[tuple[int, str, re.Match]]:
    """`matches` (of a pattern, in order) with the comparator word right before each,
    if any: (start, word, match). The same as finditer with an optional `(?:PRE_ALT)?`
    in front of the pattern: the words hold no digits, so they never overlap a
    match, and the leftmost (longest) word ending at the match is the one taken."""
    end = 0
    for m in matches:
        pre = PRE_RIGHT_BEFORE.search(text, max(end, m.start() - PRE_LONGEST), m.start())
        end = m.end()
        yield (pre.start(), pre.group(0), m) if pre else (m.start(), "", m)


def _quantity_matches(text: str) -> Iterator[re.Match]:
    """QUANTITY_RE.finditer(text), trying QUANTITY_RE only where QUANTITY_START says it may match."""
    pos = 0
    while candidate := QUANTITY_START.search(text, pos):
        m = QUANTITY_RE.match(text, candidate.start())
        pos = m.end() if m else candidate.start() + 1  # (no match inside a match)
        if m:
            yield m


def _masked(text: str) -> str:
    """Blank out 《titles》 (numbers in policy titles are not claims), keeping offsets."""
    return TITLE.sub(lambda m: "《" + " " * (len(m.group(0)) - 2) + "》", text)


def find_quantities(text: str) -> list[Quantity]:
    """All quantities in `text`, in order of position, none overlapping."""
    work = _masked(text)
    found = _percent_quantities(work) + _tenths_quantities(work) + _fraction_quantities(work)
    taken = [(q.start, q.end) for q in found]
    for m in _quantity_matches(work):
        if taken and any(s < m.end() and m.start() < e for s, e in taken):
            continue
        found.extend(_unit_quantities(work, m))
    return sorted(found, key=lambda q: (q.start, q.value))
