"""Where things are and who runs them: located_in and operates.

- "X 位于 / 落户 / 落地 / 入驻 Y", "X 在 Y 成立": X located_in Y.
- "Y 拥有 / 汇聚 / 建设 / 设立 / 搭建 X1、X2": located_in Y when Y is a region or park
  (a subject-less clause takes the document's main region; "园区" its main park);
  operates when Y is an organisation and X a Park or Platform.
- "园区企业X": X located_in the main park.
- A Park or Platform whose name contains a Park's name is located in that park.
"""
from __future__ import annotations

import re

from cgtatlas.extract.rel_common import ACTOR_TYPES, PARK_BACKREF, PLACE_TYPES, Ctx, anchored
from cgtatlas.extract.rel_refs import backref, listed_before
from cgtatlas.model import ORG_TYPES

ORG_FIRST = anchored(
    r"(?:位于|落户(?:于|在)?|落地(?:于|在)?|坐落(?:于|在)|入驻|扎根|设在|安家(?:于|在)?)",
    "位于", "落户", "落地", "坐落", "入驻", "扎根", "设在", "安家")
FOUNDED_VERB = anchored(
    r"(?:正式)?(?:成立|揭牌|挂牌|开业|落成|启用|建成|投产)",
    "成立", "揭牌", "挂牌", "开业", "落成", "启用", "建成", "投产")
FOUNDED_PLACE = re.compile(r"在(?P<place>[^，,。；;在]{1,20})$")
PLACE_FIRST = anchored(
    r"拥有|汇聚(?:了)?|聚集(?:了)?|集聚(?:了)?|设立(?:了)?|建设(?:了)?|建立(?:了)?|"
                         r"搭建(?:了)?|布局(?:了)?|打造(?:了)?|引进(?:了)?|运营(?:着)?|建成(?:了)?",
    "拥有", "汇聚", "聚集", "集聚", "设立", "建设", "建立", "搭建", "布局", "打造", "引进", "运营", "建成")
# a clause about its sentence's subject: "甲与乙签约，其新建的基地落户Y"
ITS_OPEN = re.compile(r"\s*其[^，,。；;]{0,16}$")
NEARBY = re.compile(r"周边|周围|附近|毗邻|邻近|之外|以外")
OPERATE = anchored(
    r"(?:投资|牵头|联合|共同|负责)?(?:建设运营|建设|运营|打造|共建|设立|搭建|创办|组建)(?:了|的)?",
    "建设", "运营", "打造", "共建", "设立", "搭建", "创办", "组建")
OPERATOR_LEAD = re.compile(r"^(?:[（(][^（）()]{1,20}[）)])?\s*(?:宣布|将|已|正|还|计划|拟|负责|率先|正式|携手|与)*\s*$")
OBJECT_QUOTE = re.compile(r"^[“\"「]?$")
OBJECT_GAP = re.compile(r"^[了一批个座家系列多等\s]{0,4}$")
PART_OF = anchored(
    r"作为(?P<place>[^，,。；;]{2,20}?)(?:内|中)?的(?:重要)?(?:组成部分|一部分)",
    "组成部分", "一部分")
LISTED_WITH = re.compile(r"等(?:一批|多个)?[^，,。；;]{0,12}?(?:平台|项目|园区|载体|机构|基地|医院|企业)")
PARK_HEAD = re.compile(r"园区?|基地|平台|中心|服务站|孵化器|加速器|小镇|科学城")
OPERATE_VERBS = ("设立", "建设", "建立", "搭建", "打造", "运营")
PARK_COMPANIES = anchored(
    r"园区内?(?:的)?(?:企业|公司)",
    "园区")
HOLDS = ORG_TYPES  # things that can be located somewhere


def located_in(ctx: Ctx) -> None:
    _org_first(ctx)
    _founded_in(ctx)
    _place_first(ctx)
    _park_companies(ctx)
    _name_containment(ctx)
    _part_of(ctx)
    _listed_in_main_region(ctx)


def _org_first(ctx: Ctx) -> None:
    for verb in ctx.hits(ORG_FIRST):
        c_start, c_end = ctx.clause(verb.start())
        places = ctx.between(verb.end(), c_end, PLACE_TYPES)
        if not places or places[0].start - verb.end() > 2:
            continue
        for m in _located_things(ctx, c_start, verb.start(), places[0].end, c_end):
            ctx.add("located_in", m.name, places[0].name, m.start, places[0].end)


def _located_things(ctx: Ctx, c_start: int, verb_start: int, place_end: int, c_end: int) -> list:
    """What "位于/落户 Y" is said of: the list right before the verb ("甲、乙落户Y"),
    "位于Y的X", a back-reference ("该平台位于Y"), or the subject of the sentence part
    for a short clause ("甲成立于2018年，总部位于Y")."""
    things = listed_before(ctx, verb_start, c_start, HOLDS, lead=re.compile(r"^[^，,]{0,6}$"))
    if things:
        return things
    if ctx.text.startswith("的", place_end):
        after = ctx.between(place_end, c_end, HOLDS)
        return after[:1] if after and after[0].start - place_end <= 4 else []
    its = ITS_OPEN.match(ctx.text, c_start, verb_start)
    if its and not ctx.between(c_start, verb_start, HOLDS):
        pass  # "其…基地落户Y": what the sentence is about is in Y
    elif verb_start - c_start > 6:
        return []
    else:
        ref = backref(ctx, c_start, verb_start)
        if ref:
            return [ref]
    s_start, _ = ctx.segment(c_start)
    first = ctx.between(s_start, c_start, HOLDS)[:1]
    return first if first and first[0].type not in PLACE_TYPES else []


def _founded_in(ctx: Ctx) -> None:
    for verb in ctx.hits(FOUNDED_VERB):
        sent = ctx.sentence_at(verb.start())
        hit = FOUNDED_PLACE.search(ctx.text, max(sent.start, verb.start() - 21), verb.start())
        if not hit:
            continue
        places = [m.name for m in ctx.between(hit.start("place"), hit.end("place"), PLACE_TYPES)]
        if not places and PARK_BACKREF.fullmatch(hit.group("place").strip()) and ctx.main_park:
            places = [ctx.main_park]  # "在园区挂牌运行"
        if not places:
            continue
        c_start, _ = ctx.clause(hit.start())
        for m in ctx.between(c_start, hit.start(), HOLDS):
            ctx.add("located_in", m.name, places[-1], m.start, hit.end())


def _subject_of(ctx: Ctx, sent_start: int, verb_start: int) -> tuple[str, str]:
    """(name, type) of who does the verb: the nearest region/park/organisation before it
    in the sentence, a "园区" back-reference, or the main region for a subject-less clause."""
    subject = ctx.last_before(verb_start, (*PLACE_TYPES, *ACTOR_TYPES), floor=sent_start)
    back = None
    for back in PARK_BACKREF.finditer(ctx.text, subject.end if subject else sent_start, verb_start):
        pass
    if back and ctx.main_park:
        return ctx.main_park, "Park"
    if subject:
        return subject.name, subject.type
    return ctx.main_region, "Region"


def _place_first(ctx: Ctx) -> None:
    for verb in ctx.hits(PLACE_FIRST):
        if ctx.gap_to_next(verb.end(), HOLDS) > 4:
            continue  # no object close enough for OBJECT_GAP (most verbs)
        _, c_end = ctx.clause(verb.end())
        objects = ctx.between(verb.end(), c_end, HOLDS)
        if not objects or not OBJECT_GAP.match(ctx.text[verb.end():objects[0].start]):
            continue
        sent = ctx.sentence_at(verb.start())
        name, stype = _subject_of(ctx, sent.start, verb.start())
        if NEARBY.search(ctx.text, max(sent.start, verb.start() - 8), verb.start()):
            continue  # "园区周边汇聚甲、乙": near the place, not in it
        for obj in objects:
            if stype in PLACE_TYPES and obj.name != name:
                ctx.add("located_in", obj.name, name, obj.start, obj.end)
            elif verb.group(0)[:2] in OPERATE_VERBS and obj.type in ("Park", "Platform"):
                ctx.add("operates", name, obj.name, obj.start, obj.end)


def operates(ctx: Ctx) -> None:
    """"甲（与乙）投资建设/运营/共建的X", "由甲运营的X", "甲宣布将牵头建设“X”": X a Park or Platform."""
    for verb in ctx.hits(OPERATE):
        if ctx.gap_to_next(verb.end(), ORG_TYPES) > 1:
            continue  # no object close enough for OBJECT_QUOTE (most verbs)
        c_start, c_end = ctx.clause(verb.start())
        objects = ctx.between(verb.end(), c_end, ORG_TYPES)
        if not objects or objects[0].type not in ("Park", "Platform"):
            continue
        if not OBJECT_QUOTE.match(ctx.text[verb.end():objects[0].start]):
            continue
        for org in listed_before(ctx, verb.start(), c_start, ACTOR_TYPES, lead=OPERATOR_LEAD):
            ctx.add("operates", org.name, objects[0].name, org.start, objects[0].end)


def _park_companies(ctx: Ctx) -> None:
    if not ctx.main_park:
        return
    done = -1
    for hit in ctx.hits(PARK_COMPANIES):
        sent = ctx.sentence_at(hit.start())
        if sent.start == done:
            continue
        done = sent.start
        for m in ctx.between(hit.end(), sent.end, ("Company",)):
            ctx.add("located_in", m.name, ctx.main_park, m.start, m.end)


def _name_containment(ctx: Ctx) -> None:
    named = ctx.of_type(("Park", "Platform"))
    if not named:
        return
    parks = {m.name for m in ctx.doc.mentions if m.type == "Park" and len(m.name) >= 2}
    for m in named:
        name = m.name
        for park in parks:
            if name.startswith(park) and len(name) - len(park) >= 4 and PARK_HEAD.search(name[-3:]):
                ctx.add("located_in", name, park, m.start, m.end)


def _part_of(ctx: Ctx) -> None:
    for hit in ctx.hits(PART_OF):
        places = ctx.between(hit.start("place"), hit.end("place"), PLACE_TYPES)
        head = ctx.last_before(hit.start(), (*HOLDS, "Region"), floor=ctx.clause(hit.start())[0])
        if places and head:
            ctx.add("located_in", head.name, places[-1].name, head.start, hit.end())


def _listed_in_main_region(ctx: Ctx) -> None:
    """"甲园、乙谷等平台项目…" in a sentence that names no place: the document's region."""
    if not ctx.main_region:
        return
    pos = ctx.text.find("等")  # few names are followed by "等…": start from the 等s, in text order
    while pos >= 0:
        m = ctx.last_before(pos, HOLDS)
        at = pos
        pos = ctx.text.find("等", pos + 1)
        if not m or m.end != at or m.type == "Agency" or not LISTED_WITH.match(ctx.text, at):
            continue
        sent = ctx.sentence_at(m.start)
        if not sent.start <= m.start < m.end <= sent.end or ctx.between(sent.start, sent.end, ("Region",)):
            continue
        items = [x for x in ctx.between(sent.start, m.start, HOLDS) if x.type != "Agency"]
        chain = [m]
        for prev in reversed(items):
            if ctx.text[prev.end:chain[0].start].strip() not in ("、", "，", ","):
                break
            chain.insert(0, prev)
        for x in chain:
            ctx.add("located_in", x.name, ctx.main_region, x.start, x.end)
