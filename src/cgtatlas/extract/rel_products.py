"""Product relations: develops, targets, treats, uses_technology, milestone.

- develops: a developer named right before its product in one clause
  ("X自主研发的…Y", "X的在研产品Y", "X…CAR-T疗法Y"), or "Y由X研发".
- uses_technology: a modality named in the product's description, between the
  developer (or clause start) and the product.
- targets: "靶向T的…Y" / "Y靶向T"; treats: "Y…用于治疗D".
- milestone: a regulatory or market label in the product's clause; the granting body
  goes in "authority", a stock board in "board".
"""
from __future__ import annotations

import re

from cgtatlas.extract.rel_common import COMPANY_BACKREF, PRODUCT_BACKREF, Ctx
from cgtatlas.model import ORG_TYPES, Mention

DEVELOPERS = ("Company", "Academic", "Hospital")
NOT_DEVELOPED = re.compile(r"与|和|及|联合|合作|引进|授权|采购|购买|销售|代理")
DEVELOPED_BY = re.compile(r".{0,12}?由(?P<who>[^，,。；;]{2,40}?)(?:自主)?(?:研发|开发|研制)")
TARGET_BEFORE = re.compile(r"(?:靶向|针对)\s*$")
TARGET_AFTER = re.compile(r"\s*靶点")
TREAT_BEFORE = re.compile(r"(?:用于|拟用于|适用于|主要用于)?(?:治疗|适应症(?:为|是)?)\s*$")
LABELS = (
    ("突破性治疗品种", re.compile(r"突破性治疗(?:品种|药物|认定|资格|用药)?")),
    ("孤儿药资格", re.compile(r"孤儿药(?:资格|认定|称号|地位)?")),
    ("快速通道资格", re.compile(r"快速通道(?:资格|认定)?")),
    ("上市许可", re.compile(r"(?:获批|批准|获准)上市|上市许可|上市批准")),
    ("临床试验许可", re.compile(r"临床试验(?:许可|批件|默示许可)|(?:获批|批准)(?:开展)?[^，,。；;]{0,6}?临床|IND(?:申请)?获批")),
)
LABEL_NAMES = {f"m{i}": label for i, (label, _) in enumerate(LABELS)}
LABEL_RE = re.compile("|".join(f"(?P<m{i}>{p.pattern})" for i, (_, p) in enumerate(LABELS)))
LABEL_ANCHORS = ("突破性治疗", "孤儿药", "快速通道", "上市", "临床", "IND")
BOARDS = r"科创板|创业板|港交所|香港联交所|联交所|北交所|北京证券交易所|纳斯达克|纽交所|深交所|上交所"
IPO = re.compile(rf"(?P<board>{BOARDS})(?:主板)?(?:成功|正式|挂牌)?上市|IPO|首次公开发行")
AUTHORITIES = (("FDA", r"FDA|美国食品药品监督管理局|美国食品药品管理局"),
               ("NMPA", r"NMPA|国家药监局|国家药品监督管理局|CDE|药品审评中心"),
               ("EMA", r"EMA|欧洲药品管理局"), ("PMDA", r"PMDA"))
AUTHORITY_RES = [(label, re.compile(p)) for label, p in AUTHORITIES]


def _products(ctx: Ctx) -> list[Mention]:
    return [m for m in ctx.mentions if m.type == "Product"]


def develops(ctx: Ctx) -> None:
    for p in _products(ctx):
        c_start, _ = ctx.clause(p.start)
        before = ctx.last_before(p.start, (*ORG_TYPES, "Product"), floor=c_start)
        if before and before.type in DEVELOPERS:
            gap = ctx.text[before.end:p.start]
            if len(gap) <= 40 and not NOT_DEVELOPED.search(gap):
                ctx.add("develops", before.name, p.name, before.start, p.end)
        by = DEVELOPED_BY.match(ctx.text, p.end)
        if by:
            for org in ctx.between(by.start("who"), by.end("who"), DEVELOPERS):
                ctx.add("develops", org.name, p.name, p.start, by.end())


def uses_technology(ctx: Ctx) -> None:
    for p in _products(ctx):
        c_start, _ = ctx.clause(p.start)
        prev = ctx.last_before(p.start, (*ORG_TYPES, "Product"), floor=c_start)
        floor = max(prev.end if prev else c_start, p.start - 30)
        for tech in ctx.between(floor, p.start, ("Technology",)):
            ctx.add("uses_technology", p.name, tech.name, tech.start, p.end)


def _product_near(ctx: Ctx, start: int, end: int, pos: int, prefer_after: bool) -> str:
    products = ctx.between(start, end, ("Product",))
    after = [p for p in products if p.start >= pos]
    before = [p for p in products if p.end <= pos]
    order = (after[:1] + before[-1:]) if prefer_after else (before[-1:] + after[:1])
    return order[0].name if order else ""


def targets(ctx: Ctx) -> None:
    for t in ctx.mentions:
        if t.type != "Target":
            continue
        lead = TARGET_BEFORE.search(ctx.text, max(0, t.start - 4), t.start)
        if not (lead or TARGET_AFTER.match(ctx.text, t.end)):
            continue
        c_start, c_end = ctx.clause(t.start)
        product = _product_near(ctx, c_start, c_end, t.end, prefer_after=bool(lead))
        ctx.add("targets", product, t.name, t.start, t.end)


def treats(ctx: Ctx) -> None:
    for d in ctx.mentions:
        if d.type != "Disease" or not TREAT_BEFORE.search(ctx.text, max(0, d.start - 8), d.start):
            continue
        s_start, s_end = ctx.segment(d.start)
        product = _product_near(ctx, s_start, s_end, d.start, prefer_after=False)
        ctx.add("treats", product, d.name, d.start, d.end)


def _authority(text: str) -> str:
    best, best_pos = "", -1
    for label, pattern in AUTHORITY_RES:
        for m in pattern.finditer(text):
            if m.start() > best_pos:
                best, best_pos = label, m.start()
    return best


def _product_head(ctx: Ctx, c_start: int, pos: int) -> str:
    product = ctx.last_before(pos, ("Product",), floor=c_start)
    if product:
        return product.name
    if PRODUCT_BACKREF.search(ctx.text, c_start, pos):
        return ctx.last_product_before(c_start)
    return ""


def _anchored(text: str, anchors: tuple[str, ...], pattern: re.Pattern, reach: int = 14):
    """Matches of `pattern` near occurrences of literal anchor words: a fast str.find
    scan first, the regex only in small windows around each anchor."""
    seen: set[tuple[int, int]] = set()
    for anchor in anchors:
        pos = text.find(anchor)
        while pos >= 0:
            hit = pattern.search(text, max(0, pos - reach), pos + len(anchor) + reach)
            if hit and hit.span() not in seen and hit.start() <= pos + len(anchor):
                seen.add(hit.span())
                yield hit
            pos = text.find(anchor, pos + 1)


def milestone(ctx: Ctx) -> None:
    for hit in _anchored(ctx.text, LABEL_ANCHORS, LABEL_RE):
        label = LABEL_NAMES[hit.lastgroup]
        c_start, _ = ctx.clause(hit.start())
        head = _product_head(ctx, c_start, hit.start())
        authority = _authority(ctx.text[c_start:hit.end()])
        ctx.add("milestone", head, label, c_start, hit.end(), authority=authority)
    for hit in _anchored(ctx.text, ("上市", "IPO", "首次公开发行"), IPO):
        c_start, _ = ctx.clause(hit.start())
        company = ctx.last_before(hit.start(), ("Company",), floor=c_start)
        head = company.name if company else ""
        if not head and COMPANY_BACKREF.search(ctx.text, c_start, hit.start()):
            head = ctx.last_company_before(c_start)
        ctx.add("milestone", head, "IPO", c_start, hit.end(), board=hit.group("board") or "")
