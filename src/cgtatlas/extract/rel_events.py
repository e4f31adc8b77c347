"""Events, policies and ties between organisations: organized_by, held_at,
issued_by, member_of, partner_of."""
from __future__ import annotations

import re

from cgtatlas.extract.rel_common import PLACE_TYPES, Ctx, anchored
from cgtatlas.extract.rel_refs import listed_before, with_own_refs
from cgtatlas.model import ORG_TYPES, Mention

ROLE = anchored(
    r"(?:共同|联合)?(主办|承办|协办|指导|举办)",
    "主办", "承办", "协办", "指导", "举办")
LIST_GAP = re.compile(r"^[、，,和及与以及\s]*$")
ROLE_GAP = re.compile(r"^[、，,和及与以及\s]*(?:共同|联合)?$")
EVENT_BACKREF = re.compile(r"本次|本届|此次|大会|峰会|论坛")
VENUE_VERB = anchored(
    r"(?:隆重|成功|顺利|盛大|正式)?(?:举办|召开|举行|开幕|启幕|落幕|拉开帷幕)",
    "举办", "召开", "举行", "开幕", "启幕", "落幕", "拉开帷幕")
VENUE_START = re.compile(r"(?:在|于)(?P<venue>[^，,。；;“”\"在于]{2,40})$")
ISSUE_BEFORE = re.compile(r"(?:联合|共同)?(?:发布|印发|出台|颁布|发文|制定|修订)(?:了|的)?[\s《“\"]*$")
ISSUE_AFTER = re.compile(r"[》”\"]*由(?P<who>[^，,。；;]{2,40}?)(?:联合|共同)?(?:发布|印发|出台|颁布)")
JOIN = re.compile(r"加入(?:了)?")
MEMBER = re.compile(r"成为(?P<assoc>[^，,。；;]{2,30}?)(?:的)?(?:成员|会员|理事)(?:单位)?")
# what may stand between two partners: "甲（简称）还与乙", "甲”）同时与乙"
PARTNER_LINK = re.compile(r"^(?:[（(][^（）()]{1,20}[）)]|[”\"」』]?[）)])?\s*"
                          r"(?:还|也|已|已经|将|同时|再次|正式|又|则|此前|率先|首次)*\s*(?:与|和|同|携手|联合)\s*$")
# agencies that co-issue a policy are its issuers, not partners: "甲与乙联合印发《…》"
CO_ISSUE = re.compile(r"\s*(?:等)?(?:[\u4e00-\u9fff]{0,2}部门)?(?:联合|共同)?(?:印发|出台|发布|颁布|发文|制定|修订)(?:了)?\s*[《“\"]")
RESPECTIVELY = anchored(r"分别(?:与|和|同)", "分别")
TEAMS_UP = anchored(r"携手", "携手")
# "携手本土基因治疗企业乙": a short description of the partner before its name
# (a kind of organisation ends it: "携手打造乙平台" names what is built, not a partner)
DESCRIBED = re.compile(r"^(?:[^，,。；;、：:“”\"《》()（）]{0,12}(?:企业|公司|药企|集团|机构|医院|大学|高校|院所|伙伴|巨头|龙头))?$")
MEMBER_WHO = r"(?:等(?:[\u4e00-\u9fff]{0,2}单位|机构|企业)?)?(?:均|都|已|也)?"
MEMBER_LIST = anchored(
    rf"{MEMBER_WHO}(?:在|为|是|成为|列入|入选)(?:该|本)?(?:联盟|协会)?的?(?:首批|第一批|创始|首届)(?:会员|成员)"
    rf"|{MEMBER_WHO}成为[^，,。；;]{{0,16}}?(?:会员|成员)",
    "会员", "成员")
PARTNER_OF_WORD = anchored(
    r"的(?:长期|重要|战略|核心|独家)*合作伙伴",
    "合作伙伴")
PARTNER_WORD = re.compile(r"签约|签署|签订|合作|共建|携手|达成|联合|战略")
ORG_NO_PLACE = tuple(t for t in ORG_TYPES if t not in ("Park",))


def _list_before(ctx: Ctx, end: int, floor: int, types=ORG_TYPES) -> list[Mention]:
    """Organisations listed right before `end` ("甲、乙和丙主办"): walk back over separators."""
    found: list[Mention] = []
    cursor = end
    for m in reversed(ctx.between(floor, end, types)):
        gap = ctx.text[m.end:cursor]
        if not (LIST_GAP.match(gap) or (not found and ROLE_GAP.match(gap))):
            break
        found.append(m)
        cursor = m.start
    return list(reversed(found))


def _event_for(ctx: Ctx, start: int, end: int, anchor: int) -> str:
    """The event a phrase is about: the first event after `anchor` in the sentence
    ("主办的X论坛"), else the nearest before it, else the main event for "本次大会"."""
    events = ctx.between(start, end, ("Event",))
    after = [e for e in events if e.start >= anchor and e.start - anchor <= 6]
    if after:
        return after[0].name
    before = [e for e in events if e.end <= anchor]
    if before:
        return before[-1].name
    if events:
        return events[0].name
    return ctx.main_event if EVENT_BACKREF.search(ctx.text, start, end) else ""


def organized_by(ctx: Ctx) -> None:
    for role in ctx.hits(ROLE):
        sent = ctx.sentence_at(role.start())
        word = role.group(1)
        if word == "举办" and "由" not in ctx.text[max(sent.start, role.start() - 40):role.start()]:
            continue  # "在…举办" is a venue, not an organiser
        orgs = _list_before(ctx, role.start(), sent.start)
        if not orgs:
            continue
        event = _event_for(ctx, sent.start, sent.end, role.end())
        for org in orgs:
            ctx.add("organized_by", event, org.name, org.start, role.end(), role=word)


def _venue_places(ctx: Ctx, start: int, end: int) -> list[str]:
    """The last Park and the last Region named in a venue phrase."""
    hits = []
    for surface, m in ctx.memo("§places", lambda: _places_by_surface(ctx)).items():
        pos = ctx.text.find(surface, start, end)
        if pos >= 0:
            hits.append((pos + len(surface), m))
    out = []
    for etype in ("Park", "Region"):
        typed = sorted((p for p in hits if p[1].type == etype), key=lambda p: p[0])
        if typed:
            out.append(typed[-1][1].name)
    return out


def _places_by_surface(ctx: Ctx) -> dict[str, Mention]:
    return {m.surface: m for m in ctx.doc.mentions if m.type in PLACE_TYPES and len(m.surface) >= 2}


def held_at(ctx: Ctx) -> None:
    """"X在某地某馆举办": the verb first (rare), then the venue phrase back to 在/于."""
    for verb in ctx.hits(VENUE_VERB):
        sent = ctx.sentence_at(verb.start())
        hit = VENUE_START.search(ctx.text, max(sent.start, verb.start() - 42), verb.start())
        if not hit:
            continue
        event = _event_for(ctx, sent.start, sent.end, hit.start())
        for place in _venue_places(ctx, hit.start("venue"), hit.end("venue")):
            ctx.add("held_at", event, place, hit.start(), verb.end())


def issued_by(ctx: Ctx) -> None:
    for policy in ctx.of_type(("Policy",)):
        c_start, c_end = ctx.clause(policy.start)
        verb = ISSUE_BEFORE.search(ctx.text, c_start, policy.start)
        agencies = ctx.between(c_start, verb.start(), ("Agency",)) if verb else []
        after = ISSUE_AFTER.match(ctx.text, policy.end)
        if after:
            agencies += ctx.between(after.start("who"), after.end("who"), ("Agency",))
        for agency in agencies:
            ctx.add("issued_by", policy.name, agency.name, policy.start, policy.end)


def _association_at(ctx: Ctx, start: int, end: int) -> str:
    found = ctx.between(start, end, ("Association",))
    if found:
        return found[0].name
    return ctx.main_association if "联盟" in ctx.text[start:end] or "协会" in ctx.text[start:end] else ""


def member_of(ctx: Ctx) -> None:
    """"X加入Y", "加入Y的X", "X成为Y成员单位"."""
    for join in JOIN.finditer(ctx.text):
        c_start, c_end = ctx.clause(join.start())
        assoc = _association_at(ctx, join.end(), min(c_end, join.end() + 30))
        members = ctx.between(c_start, join.start(), ORG_NO_PLACE)
        tail = ctx.text.find("的", join.end(), c_end)
        if tail >= 0:
            members += ctx.between(tail + 1, min(c_end, tail + 40), ORG_NO_PLACE)[:1]
        for m in members:
            if m.type != "Association":
                ctx.add("member_of", m.name, assoc, m.start, join.end())
    _member_lists(ctx)
    for hit in MEMBER.finditer(ctx.text):
        assoc = _association_at(ctx, hit.start("assoc"), hit.end("assoc"))
        c_start, _ = ctx.clause(hit.start())
        for m in ctx.between(c_start, hit.start(), ORG_NO_PLACE):
            ctx.add("member_of", m.name, assoc, m.start, hit.end())


def _member_lists(ctx: Ctx) -> None:
    """"甲、乙（丙）、丁等单位均在首批会员之列": every organisation of the list."""
    for hit in ctx.hits(MEMBER_LIST):
        sent = ctx.sentence_at(hit.start())
        assoc = _association_at(ctx, hit.start(), ctx.clause(hit.end())[1]) or ctx.main_association
        for m in listed_before(ctx, hit.start(), sent.start, ORG_NO_PLACE):
            if m.type != "Association":
                ctx.add("member_of", m.name, assoc, m.start, hit.end())


def _partner_words(ctx: Ctx) -> None:
    """"甲的长期合作伙伴、某类企业乙": 甲 and 乙 are partners."""
    for hit in ctx.hits(PARTNER_OF_WORD):
        c_start, c_end = ctx.clause(hit.start())
        first = ctx.last_before(hit.start(), ORG_NO_PLACE, floor=c_start)
        second = ctx.between(hit.end(), c_end, ORG_NO_PLACE)
        if first and second and first.end == hit.start():
            ctx.add("partner_of", first.name, second[0].name, first.start, second[0].end)


def partner_of(ctx: Ctx) -> None:
    _partner_words(ctx)
    _respectively(ctx)
    _teams_up(ctx)
    orgs = with_own_refs(ctx, ctx.of_type(ORG_NO_PLACE), 0, len(ctx.text))
    for a, b in zip(orgs, orgs[1:]):
        link = ctx.text[a.end:b.start]
        if not PARTNER_LINK.match(link) or CO_ISSUE.match(ctx.text, b.end):
            continue
        _, c_end = ctx.clause(b.end)
        if "联合" in link or "携手" in link or PARTNER_WORD.search(ctx.text, b.end, c_end):
            ctx.add("partner_of", a.name, b.name, a.start, b.end)


def _subject_before(ctx: Ctx, pos: int) -> Mention | None:
    """The organisation right before a verb phrase, over adverbs ("甲同时分别与…")."""
    c_start, _ = ctx.clause(pos)
    subject = ctx.last_before(pos, ORG_NO_PLACE, floor=c_start)
    if subject and PARTNER_LINK.match(ctx.text[subject.end:pos] + "与"):
        return subject
    return None


def _respectively(ctx: Ctx) -> None:
    """"甲分别与乙、丙签订…协议": 甲 partners each of the listed organisations."""
    for hit in ctx.hits(RESPECTIVELY):
        subject = _subject_before(ctx, hit.start())
        _, c_end = ctx.clause(hit.end())
        listed = ctx.between(hit.end(), c_end, ORG_NO_PLACE)
        if not subject or not listed or listed[0].start != hit.end():
            continue
        partners = [listed[0]]
        for m in listed[1:]:
            if not LIST_GAP.match(ctx.text[partners[-1].end:m.start]):
                break
            partners.append(m)
        if PARTNER_WORD.search(ctx.text, partners[-1].end, c_end):
            for m in partners:
                ctx.add("partner_of", subject.name, m.name, subject.start, m.end)


def _teams_up(ctx: Ctx) -> None:
    """"甲携手本土基因治疗企业乙": the partner after a short description."""
    for hit in ctx.hits(TEAMS_UP):
        subject = _subject_before(ctx, hit.start())
        _, c_end = ctx.clause(hit.end())
        after = ctx.between(hit.end(), c_end, None)[:1]
        if subject and after and after[0].type in ORG_NO_PLACE and after[0].type != "Platform" \
                and DESCRIBED.match(ctx.text[hit.end():after[0].start]):
            ctx.add("partner_of", subject.name, after[0].name, subject.start, after[0].end)
