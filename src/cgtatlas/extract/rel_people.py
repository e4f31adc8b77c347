"""Relations of people: affiliated_with (the post before or after a name) and
spoke_at (a speech word in the person's sentence)."""
from __future__ import annotations

import re

from cgtatlas.extract.rel_common import COMPANY_BACKREF, MEETING, Ctx
from cgtatlas.extract.rel_refs import main_of, person_spots
from cgtatlas.model import ORG_TYPES, Mention

TITLE_END = re.compile(
    r"(?:院士|教授|研究员|主任|司长|秘书长|院长|所长|局长|处长|厅长|部长|科长|理事长|会长|"
    r"首席科学家|首席[^\s，,、]{1,4}官|总经理|总裁|董事长|董事|创始人|书记|常委|委员|主席|组长|"
    r"校长|主任医师|医师|医生|总监|负责人|合伙人|专家|区长|市长|省长|县长|镇长|行长|经理|秘书|理事|监事|"
    r"CEO|CTO|CSO|CMO)$"
)
TITLE_AFTER = re.compile(r"(?:副)?(?:院士|教授|研究员|主任|院长|所长|局长|校长|书记|理事长|会长|董事长|总经理)")
POST_VERB = re.compile(
    r"(?:继续|同时|正式|再次|还|也)?(?:当选|出任|担任|就任|被选为|当选为)(?:为)?(?:首任|新一任|新任|第[一二三四五六七八九十]+届)?"
    r"(?P<org>[^，,。；;]{0,30}?)(?P<title>副?(?:理事长|会长|秘书长|监事长|主任委员|理事|主席|执行主席))"
)
GOV_TITLE = re.compile(r"副?(?:区长|市长|省长|县长|镇长|州长)$")
GOVERNMENT = re.compile(r"人民政府|政府")
# a hospital department ("血液科", "病区"), not the 科 of 科学家 or 科技
DEPARTMENT = re.compile(r"科(?!学|技|研)|病区")
GOV_POST = re.compile(r"(?:区长|市长|省长|县长|镇长|州长|书记)$")
ASSOC_POST = re.compile(r"(?:联盟|协会|学会|促进会|商会)(?P<title>副?(?:理事长|会长|秘书长|监事长|主席|理事))[、，,]?$")
# "甲还迎来了新任首席商务官某某": the post is what follows the verb
WELCOMED = re.compile(r"^[^、，,]{0,6}?迎来了?(?:新任|首任)?")
FIRST_PART = re.compile(r"[^、，,]+[、，,]?")
LIST_OPEN = re.compile(r"[、和及与]")
SEPARATOR_ONLY = re.compile(r"^[、和及与\s]*$")
BRACKETS = re.compile(r"[（(][^（）()]{0,20}[）)]")
SPEECH = re.compile(
    r"讲话|致辞|致欢迎辞|演讲|作(?:了)?(?:主题|专题|大会|特邀)?报告|报告中|发言|主持|共话|主旨报告|主题报告|"
    r"口头报告|特邀报告|分享了|作了题为|"
    r"在(?:本次|本届)?(?:论坛|峰会|大会|会议|年会|活动)(?:上|中)(?:说|表示|指出|介绍)"
)


# said of a person named right before (again, bare): a talk, when the event is clear.
# A bare "表示"/"指出" is not one: it also quotes people who only attend or were asked.
SAID_AFTER = re.compile(
    r"\s*(?:则|也|还|随后|同时|(?:在)?会上)?\s*(?:作了?题为|作了?[^，,。；;]{0,6}报告|分享了?|发言)")
# a panel: everyone named in the sentence took part
PANEL = re.compile(r"圆桌|展开讨论|进行讨论|展开对话|共同探讨|对话环节")


def _title_of(raw: str) -> str:
    """The post in the text between an organisation and a name: parts that end in a post word."""
    raw = WELCOMED.sub("", raw)
    parts = [p.strip(" ，,") for p in BRACKETS.sub("", raw).split("、")]
    return "、".join(p for p in parts if p and len(p) <= 12 and TITLE_END.search(p))


def _window_start(ctx: Ctx, person: Mention) -> int:
    """Where the words about a person begin: the clause start, or the previous person in it."""
    start, _ = ctx.clause(person.start)
    prev_person = ctx.last_before(person.start, ("Person",), floor=start)
    return prev_person.end if prev_person else start


def _affiliations(ctx: Ctx, person: Mention) -> list[tuple[str, str]]:
    start = _window_start(ctx, person)
    orgs = ctx.between(start, person.start, (*ORG_TYPES, "Region"))
    if not orgs:
        back = COMPANY_BACKREF.search(ctx.text, start, person.start)
        company = ctx.last_company_before(start) if back else ""
        title = _title_of(ctx.text[back.end():person.start]) if back else ""
        if company and title:
            return [(company, title)]
        return _department_post(ctx, start, person)
    pairs: list[tuple[str, str]] = []
    following_title = ""
    for i in range(len(orgs) - 1, -1, -1):
        org = orgs[i]
        gap_end = orgs[i + 1].start if i + 1 < len(orgs) else person.start
        gap = ctx.text[org.end:gap_end]
        if not gap and i + 1 < len(orgs):
            continue  # "集团医院": the first name is the parent of the next
        title = _title_of(gap)
        if org.type == "Region":  # a person works for a government, never for a region
            org = _government(ctx, org, gap) if GOV_POST.search(title) else None
            if org is None:
                continue
            title = GOV_TITLE.search(gap).group(0)
        if not title and i + 1 == len(orgs) and not gap.strip():
            after = TITLE_AFTER.match(ctx.text, person.end)
            title = after.group(0) if after else ""
        if not title and SEPARATOR_ONLY.match(gap) and i + 1 < len(orgs):
            title = following_title  # "甲中心、乙医院副院长某某": both posts
        if title:
            pairs.append((org.name, title))
            following_title = title
    return pairs


def _government(ctx: Ctx, region: Mention, gap: str) -> Mention | None:
    """"杭州市钱塘区副区长": the government the document names for the place written
    before the post ("杭州市钱塘区人民政府"), if it names one."""
    post = GOV_TITLE.search(gap)
    if not post:
        return None
    place = ctx.text[region.start:region.end + post.start()]
    for agency in ctx.of_type(("Agency",)):
        if agency.name.startswith(place) and GOVERNMENT.search(agency.name, len(place)):
            return agency
    return None


def _department_post(ctx: Ctx, start: int, person: Mention) -> list[tuple[str, str]]:
    """"血液科主任某某" with no organisation named: a department of the document's hospital."""
    title = _title_of(ctx.text[start:person.start])
    hospital = main_of(ctx, "Hospital")
    return [(hospital, title)] if hospital and title and DEPARTMENT.search(title) else []


def _elected_post(ctx: Ctx, person: Mention) -> tuple[str, str]:
    """"某某当选（首任）理事长": the association named there, else the document's main one."""
    hit = POST_VERB.match(ctx.text, _list_end(ctx, person).end)
    if not hit:
        return "", ""
    named = ctx.between(hit.start("org"), hit.end("org"), ORG_TYPES)
    org = named[-1].name if named else main_of(ctx, "Association")
    return org, hit.group("title")


def _list_end(ctx: Ctx, person: Mention) -> Mention:
    """The last person of a list the person opens, each with their own organisation and
    post ("甲公司董事长某某、乙医院主任某某当选副理事长"): what is said after it is said of all."""
    _, s_end = ctx.segment(person.start)
    while True:
        nxt = ctx.between(person.end, s_end, ("Person",))[:1]
        if not nxt or not LIST_OPEN.match(ctx.text, person.end):
            return person
        gap_start = person.end + 1
        orgs = ctx.between(gap_start, nxt[0].start, ORG_TYPES)
        rest = ctx.text[orgs[-1].end if orgs else gap_start:nxt[0].start]
        if rest and not _title_of(rest):
            return person
        person = nxt[0]


def _association_post(ctx: Ctx, person: Mention) -> tuple[str, str]:
    """"联盟理事长、某大学教授某某": a post in the document's association, by back-reference."""
    start = _window_start(ctx, person)
    part = FIRST_PART.match(ctx.text, start, person.start)  # only a part opening the window counts
    hit = ASSOC_POST.search(part.group(0)) if part else None
    if hit:
        return main_of(ctx, "Association"), hit.group("title")
    return "", ""


def affiliated_with(ctx: Ctx) -> None:
    for person in ctx.of_type(("Person",)):
        for org, title in _affiliations(ctx, person):
            ctx.add("affiliated_with", person.name, org, person.start, person.end, title=title)
        org, title = _elected_post(ctx, person)
        ctx.add("affiliated_with", person.name, org, person.start, person.end, title=title)
        org, title = _association_post(ctx, person)
        ctx.add("affiliated_with", person.name, org, person.start, person.end, title=title)


def spoke_at(ctx: Ctx) -> None:
    """Everyone named in a sentence with a speech word spoke at the meeting named there,
    or at the document's main event."""
    checked: dict[int, bool] = {}
    for person in ctx.of_type(("Person",)):
        sent = ctx.sentence_at(person.start)
        if sent.start not in checked:
            checked[sent.start] = bool(SPEECH.search(ctx.text, sent.start, sent.end))
        if not checked[sent.start]:
            continue
        events = [e for e in ctx.between(sent.start, sent.end, ("Event",)) if MEETING.search(e.name)]
        event = events[0].name if events else ctx.main_event
        ctx.add("spoke_at", person.name, event, person.start, person.end)


def spoke_at_event(ctx: Ctx) -> None:
    """Talks said in the words after a name ("某某作了题为《…》的报告", "某某则分享了…",
    "某某表示") and panels ("圆桌对话中，甲、乙与丙围绕…展开讨论"), each at the meeting
    the sentence names, else at the document's one event: with several events named and
    none in the sentence, who spoke where is not clear."""
    events = {e.name for e in ctx.of_type(("Event",))}
    panels: dict[int, bool] = {}
    for person in person_spots(ctx):
        sent = ctx.sentence_at(person.start)
        if sent.start not in panels:
            panels[sent.start] = bool(PANEL.search(ctx.text, sent.start, sent.end))
        if not (panels[sent.start] or SAID_AFTER.match(ctx.text, person.end)):
            continue
        named = [e for e in ctx.between(sent.start, sent.end, ("Event",)) if MEETING.search(e.name)]
        event = named[0].name if named else (next(iter(events)) if len(events) == 1 else "")
        ctx.add("spoke_at", person.name, event, person.start, person.end)
