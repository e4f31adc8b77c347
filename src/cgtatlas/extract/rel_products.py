"""Product relations: develops, targets, treats, uses_technology, milestone.

Attributes of a product are read within its clause, before or after its name:
"靶向CD19的CAR-T产品X", "X为CD19/CD22双靶点CAR-T", "X是一款…CAR-T细胞注射液，用于治疗D".
- develops: a developer named right before its product ("甲自主研发的…X", "甲的在研产品X"),
  a developer verb anchored list ("甲与乙联合开发的X", "由甲与乙联合研制，研发代号X"),
  "X由甲研发", and back-references ("公司自主研发的X", "该公司开发的X").
- milestone: a regulatory or market label in the product's clause (or, for a clause with
  no subject of its own, the product named earlier in the sentence: "X用于…，被…纳入…");
  the granting body goes in "authority", a stock board in "board".
"""
from __future__ import annotations

import re

from cgtatlas.extract.rel_common import COMPANY_BACKREF, PRODUCT_BACKREF, Ctx, anchored
from cgtatlas.extract.rel_refs import backref, listed_before, with_own_refs
from cgtatlas.model import ORG_TYPES, Mention

DEVELOPERS = ("Company", "Academic", "Hospital")
OWNERS = tuple(t for t in ORG_TYPES if t != "Agency")  # a regulator named in a clause is not its subject
NOT_DEVELOPED = re.compile(r"与|和|及|联合|合作|引进|授权|采购|购买|销售|代理")
DEVELOPED_BY = re.compile(r".{0,12}?由(?P<who>[^，,。；;]{2,40}?)(?:自主)?(?:研发|开发|研制)")
DEV_VERB = anchored(
    r"(?:联合|共同|自主|独立|合作)?(?:研发|开发|研制)(?!代号|管线|中心|投入|团队|平台|费用|能力|实力|项目|生产)",
    "研发", "开发", "研制")
DEV_LEAD = re.compile(r"^(?:[（(][^（）()]{1,20}[）)]|[”\"」』]?[）)])?\s*(?:负责|主导|牵头|已|还|先后|成功)?\s*$")
TRANSFERRED = re.compile(r"引进|授权|许可|采购|购买|销售|代理|收购")
# the product as the subject: "X是/为…研发的…", "X由…开发", "该产品由…开发"
SUBJECT_VERB = re.compile(r"\s*(?:注射液|细胞注射液)?\s*(?:[（(][^（）()]{0,20}[）)])?\s*(?:是|为|系|由)")
JOINT = ("联合", "共同", "合作")
PRODUCT_REF_OPEN = re.compile(rf"\s*(?:{PRODUCT_BACKREF.pattern})")
BACKREF_OPEN = re.compile(r"\s*(?:该公司|公司|其|该企业)")
CODE_NAME = re.compile(r"(?:研发)?代号(?:为|是)?\s*[“\"]?$")
TARGET_BEFORE = re.compile(r"(?:靶向|针对(?:的是)?|识别(?:的是)?)\s*$")
TARGET_AFTER = re.compile(r"(?:\s*[/／、]\s*[A-Za-z0-9.\-]+)*\s*(?:双|三|多)?靶(?:点|向)")
TREAT_BEFORE = re.compile(
    r"(?:(?:(?:拟|主要|可)?用于|适用于)?(?:治疗|适应症(?:同样|也)?(?:为|是)?)|(?:拟|主要|可)?(?:用于|针对(?:的是)?))\s*$")
# "用于经标准治疗失败的D", "适应症为既往接受过二线治疗的D": a clause of who is treated
# between the indication word and the disease (no other disease inside it)
TREAT_MODIFIED = re.compile(r"(?:用于|适用于|适应症(?:为|是))(?:治疗)?[^，,。；;：:]{1,30}?的$")
CLAUSE_END = re.compile(r"(?:患者)?(?:[，,。；;！!？?\n]|$)")
DISEASE_AND = re.compile(r"^\s*(?:及|和|与|或|、|以及)\s*$")
# a sentence said of the product named in the one before: "X…。它是一款…，识别的是T"
PRODUCT_SUBJECT = re.compile(rf"\s*(?:它|{PRODUCT_BACKREF.pattern})")
DESCRIBED_AS = re.compile(r"(?:注射液|细胞注射液|注射剂)?\s*(?:[（(][^（）()]{0,20}[）)])?\s*(?:为|是|系|属于)")
# "X的上市申请获得NMPA批准", "临床试验申请获FDA批准": the application is the subject
# (an application only "获受理" is not a milestone: the approval word is required)
APPROVED = r"(?:注册)?申请(?:已|正式)?获(?:得)?[^，,。；;]{0,16}?(?:批准|许可)"
LABELS = (
    ("突破性治疗品种", r"突破性治疗(?:品种|药物|认定|资格|用药)?"),
    ("孤儿药资格", r"孤儿药(?:资格|认定|称号|地位)?"),
    ("快速通道资格", r"快速通道(?:资格|认定)?"),
    ("上市许可", rf"(?:获批|批准|获准)上市|上市许可|上市批准|上市{APPROVED}"),
    ("临床试验许可", r"临床试验(?:许可|批件|默示许可)|默示许可|(?:获批|批准|获准)(?:开展)?[^，,。；;]{0,6}?临床"
                     rf"|IND(?:申请)?获批|临床试验{APPROVED}"),
)
LABEL_NAMES = {f"m{i}": label for i, (label, _) in enumerate(LABELS)}
LABEL_RE = anchored("|".join(f"(?P<m{i}>{p})" for i, (_, p) in enumerate(LABELS)),
                    "突破性治疗", "孤儿药", "快速通道", "上市", "临床", "默示许可", "IND")
BOARDS = r"科创板|创业板|港交所|香港联交所|联交所|北交所|纳斯达克|纽交所|深交所|上交所"
IPO = anchored(rf"(?:{BOARDS})?(?P<board>{BOARDS})(?:主板)?(?:成功|正式|挂牌)*上市|IPO|首次公开发行",
               "上市", "IPO", "首次公开发行")
# the listing venue and its time are not the company that lists: "甲于上周四在港交所上市"
EXCHANGE = re.compile(rf"交易所|{BOARDS}")
AT_OR_ON = re.compile(r"(?:在|于)\s*$")
AUTHORITIES = (("FDA", r"FDA|美国食品药品监督管理局|美国食品药品管理局"),
               ("NMPA", r"NMPA|国家药监局|国家药品监督管理局|CDE|药品审评中心"),
               ("EMA", r"EMA|欧洲药品管理局"), ("PMDA", r"PMDA"))
AUTHORITY_RES = [(label, re.compile(p)) for label, p in AUTHORITIES]
AUTHORITY_ANY = re.compile("|".join(p for _, p in AUTHORITIES))  # a quick "none here"


def _products(ctx: Ctx) -> list[Mention]:
    return ctx.of_type(("Product",))


def develops(ctx: Ctx) -> None:
    for p in _products(ctx):
        c_start, _ = ctx.clause(p.start)
        before = ctx.last_before(p.start, (*ORG_TYPES, "Product"), floor=c_start)
        owner = _clause_owner(ctx, c_start, p) if before is None else None
        if owner:
            ctx.add("develops", owner.name, p.name, c_start, p.end)
        elif before and before.type in DEVELOPERS:
            gap = ctx.text[before.end:p.start]
            if len(gap) <= 40 and not NOT_DEVELOPED.search(gap):
                ctx.add("develops", before.name, p.name, before.start, p.end)
        by = DEVELOPED_BY.match(ctx.text, p.end)
        if by:
            for org in ctx.between(by.start("who"), by.end("who"), DEVELOPERS):
                ctx.add("develops", org.name, p.name, p.start, by.end())
    for verb in ctx.hits(DEV_VERB):
        _develop_verb(ctx, verb)


def _develop_verb(ctx: Ctx, verb: re.Match) -> None:
    """"甲与乙联合开发的X", "公司自主研发的X", "由甲研制，研发代号X", "X是基于公司…平台
    开发的…"; developers that develop together are partners."""
    c_start, _ = ctx.clause(verb.start())
    developers = listed_before(ctx, verb.start(), c_start, DEVELOPERS, lead=DEV_LEAD)
    if not developers:
        ref = backref(ctx, max(c_start, verb.start() - 4), verb.start())
        developers = [ref] if ref and ref.type == "Company" else []
    subject, said_from = _subject_product(ctx, c_start, verb.start())
    if not developers and subject:
        developers = _sole_developer(ctx, said_from, verb.start())
    if not developers:
        return
    _, s_end = ctx.segment(verb.start())
    product = _developed(ctx, verb.end(), s_end) or subject
    if product:
        for dev in developers:
            ctx.add("develops", dev.name, product.name, dev.start, product.end)
    if verb.group(0).startswith(JOINT):
        for i, dev in enumerate(developers):
            for other in developers[i + 1:]:
                ctx.add("partner_of", dev.name, other.name, dev.start, verb.end())


def _subject_product(ctx: Ctx, c_start: int, pos: int) -> tuple[Mention | None, int]:
    """The product a clause is about when it opens with it ("X是…", "X由…", "该产品由…"),
    and where the words said of it begin."""
    first = ctx.between(c_start, pos, None)[:1]
    if first and first[0].type == "Product" and not ctx.text[c_start:first[0].start].strip():
        said = SUBJECT_VERB.match(ctx.text, first[0].end, pos)
        return (first[0], said.end()) if said else (None, pos)
    ref = PRODUCT_REF_OPEN.match(ctx.text, c_start, pos)
    if ref and (said := SUBJECT_VERB.match(ctx.text, ref.end(), pos)):
        product = ctx.last_before(c_start, ("Product",))
        return (product, said.end()) if product else (None, pos)
    return None, pos


def _sole_developer(ctx: Ctx, start: int, pos: int) -> list[Mention]:
    """"X是基于公司…平台开发的": the one developer named between the subject and the verb."""
    named = [m for m in with_own_refs(ctx, ctx.between(start, pos, None), start, pos)
             if m.type in (*ORG_TYPES, "Product")]
    if len(named) != 1 or named[0].type not in DEVELOPERS or TRANSFERRED.search(ctx.text, start, pos):
        return []
    return named


def _developed(ctx: Ctx, pos: int, s_end: int) -> Mention | None:
    """The product a developer verb is about: its object ("研发的…X", "开发靶向…的X",
    before any other organisation), else one introduced by "研发代号X" later in the sentence."""
    _, c_end = ctx.clause(pos)
    reach = min(s_end, pos + 40) if ctx.text.startswith("的", pos) else c_end
    after = ctx.between(pos, reach, (*ORG_TYPES, "Product"))
    if after and after[0].type == "Product":
        return after[0]
    for p in ctx.between(pos, s_end, ("Product",)):
        if CODE_NAME.search(ctx.text, max(pos, p.start - 8), p.start):
            return p
    return None


def _clause_owner(ctx: Ctx, c_start: int, p: Mention) -> Mention | None:
    """"公司另一款…产品X", "其CAR-T产品X": a company back-reference opening the clause."""
    ref = BACKREF_OPEN.match(ctx.text, c_start)
    if not ref or NOT_DEVELOPED.search(ctx.text, ref.end(), p.start):
        return None
    return backref(ctx, ref.start(), ref.end())


def uses_technology(ctx: Ctx) -> None:
    for p in _products(ctx):
        c_start, c_end = ctx.clause(p.start)
        prev = ctx.last_before(p.start, (*ORG_TYPES, "Product"), floor=c_start)
        floor = max(prev.end if prev else c_start, p.start - 30)
        if CODE_NAME.search(ctx.text, max(0, p.start - 8), p.start):
            floor = ctx.segment(p.start)[0]  # "…CAR-T细胞…，研发代号X": the whole description
        techs = ctx.between(floor, p.start, ("Technology",))
        if DESCRIBED_AS.match(ctx.text, p.end):
            nxt = ctx.between(p.end, c_end, ("Product",))
            techs += ctx.between(p.end, nxt[0].start if nxt else c_end, ("Technology",))
        for tech in techs:
            ctx.add("uses_technology", p.name, tech.name, tech.start, p.end)


def _product_near(ctx: Ctx, start: int, end: int, pos: int, prefer_after: bool) -> str:
    products = ctx.between(start, end, ("Product",))
    after = [p for p in products if p.start >= pos]
    before = [p for p in products if p.end <= pos]
    order = (after[:1] + before[-1:]) if prefer_after else (before[-1:] + after[:1])
    if not order:  # "X为…，主要针对…": the product named earlier in the sentence
        s_start, _ = ctx.segment(pos)
        order = ctx.between(s_start, start, ("Product",))[-1:] or _product_referred(ctx, s_start)
    return order[0].name if order else ""


def _product_referred(ctx: Ctx, s_start: int) -> list[Mention]:
    """The product a sentence opening with "它"/"该产品" is about: the last one named in
    the sentence before it."""
    if not s_start or not PRODUCT_SUBJECT.match(ctx.text, s_start):
        return []
    prev_start, _ = ctx.segment(s_start - 1)
    return ctx.between(prev_start, s_start, ("Product",))[-1:]


def _tech_follows(ctx: Ctx, pos: int) -> bool:
    nxt = ctx.between(pos, pos + 16, ("Technology",))
    return bool(nxt) and not ctx.text[pos:nxt[0].start].strip()


def targets(ctx: Ctx) -> None:
    """A target is a product's when introduced as one: "靶向T", "T靶点", "T/U双靶点",
    or named as the antigen of a modality ("T CAR-T"); the product in its clause."""
    linked_end = -1
    for t in ctx.of_type(("Target",)):
        listed = linked_end >= 0 and DISEASE_AND.match(ctx.text[linked_end:t.start])  # "靶向T与U"
        lead = TARGET_BEFORE.search(ctx.text, max(0, t.start - 6), t.start)
        if not (listed or lead or TARGET_AFTER.match(ctx.text, t.end) or _tech_follows(ctx, t.end)):
            continue
        c_start, c_end = ctx.clause(t.start)
        product = _product_near(ctx, c_start, c_end, t.end, prefer_after=True)
        ctx.add("targets", product, t.name, t.start, t.end)
        linked_end = t.end if product else -1


def treats(ctx: Ctx) -> None:
    treated_end = -1
    for d in ctx.of_type(("Disease",)):
        listed = treated_end >= 0 and DISEASE_AND.match(ctx.text[treated_end:d.start])
        if not (listed or TREAT_BEFORE.search(ctx.text, max(0, d.start - 8), d.start)
                or _treated_with_modifier(ctx, d)):
            continue
        s_start, s_end = ctx.segment(d.start)
        product = _product_near(ctx, s_start, s_end, d.start, prefer_after=False)
        ctx.add("treats", product, d.name, d.start, d.end)
        treated_end = d.end if product else -1


def _treated_with_modifier(ctx: Ctx, d: Mention) -> bool:
    """The disease must close its clause: in "用于…的D药物研发" D names what is studied."""
    if d.start < 1 or not ctx.text.startswith("的", d.start - 1) or not CLAUSE_END.match(ctx.text, d.end):
        return False
    c_start, _ = ctx.clause(d.start)
    hit = TREAT_MODIFIED.search(ctx.text, max(c_start, d.start - 40), d.start)
    return bool(hit) and not ctx.between(hit.start(), d.start, ("Disease",))


def _authority(text: str) -> str:
    best, best_pos = "", -1
    if not AUTHORITY_ANY.search(text):
        return best
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
    if not ctx.between(c_start, pos, OWNERS):
        s_start, _ = ctx.segment(pos)  # a clause without its own subject: "…，2024年被…纳入…"
        earlier = ctx.between(s_start, c_start, ("Product",))
        return earlier[-1].name if earlier else ""
    return ""


def milestone(ctx: Ctx) -> None:
    for hit in ctx.hits(LABEL_RE):
        label = LABEL_NAMES[hit.lastgroup]
        c_start, _ = ctx.clause(hit.start())
        head = _product_head(ctx, c_start, hit.start())
        authority = _authority(ctx.text[ctx.segment(hit.start())[0]:hit.end()])
        ctx.add("milestone", head, label, c_start, hit.end(), authority=authority)
    for hit in ctx.hits(IPO):
        c_start, _ = ctx.clause(hit.start())
        head, venue = _ipo_head(ctx, c_start, hit.start())
        ctx.add("milestone", head, "IPO", c_start, hit.end(), board=hit.group("board") or venue)


def _ipo_head(ctx: Ctx, c_start: int, pos: int) -> tuple[str, str]:
    """The listed company and the exchange named: the subject before "于/在", not the
    exchange or a word after "在/于" ("公司股票在上海证券交易所科创板挂牌上市")."""
    venue = ""
    for company in reversed(ctx.between(c_start, pos, ("Company",))):
        if EXCHANGE.search(company.name):
            venue = venue or company.name
        elif not AT_OR_ON.search(ctx.text, max(c_start, company.start - 2), company.start):
            return company.name, venue
    back = COMPANY_BACKREF.search(ctx.text, c_start, pos)
    if not back:
        return "", venue
    ref = backref(ctx, back.start(), back.end())
    return (ref.name if ref else ctx.last_company_before(c_start)), venue
