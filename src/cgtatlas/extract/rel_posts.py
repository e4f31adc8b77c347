"""affiliated_with in appointment language, where the post follows the name:
"任命某某博士为公司首席医学官", "某某受聘出任公司科学顾问委员会主席", "某某同时兼任
甲公司董事长", "某某继续担任联盟秘书长", "某某加盟甲，担任首席科学家一职".

The post phrase after the verb opens with its organisation (a mention; "公司" for the
company that announces it; "联盟"/"协会" for the document's association) and the rest,
up to the clause end or "一职", must be a post. Former posts ("此前担任", "曾在…任职")
are not current affiliations and are left alone (no verb here matches them)."""
from __future__ import annotations

import re

from cgtatlas.extract.rel_common import Ctx
from cgtatlas.extract.rel_people import TITLE_END
from cgtatlas.extract.rel_refs import main_of, own_company, person_spots
from cgtatlas.model import ORG_TYPES, Mention

# who names the person to a post: "任命/聘任某某为…" (only then does a bare "为" give a post)
APPOINTER = re.compile(r"(?:任命|聘任|聘请|委任|提名)\s*$")
ADVERBS = r"(?:正式|同时|继续|将|还|亦|也|再次|已|另)?"
POST_VERB = re.compile(
    rf"\s*(?:博士|先生|女士|教授)?\s*{ADVERBS}(?:受聘|获聘|被任命为|被聘为|被聘任为)?"
    r"(?P<verb>出任|担任|兼任|就任|留任|接任|为)(?:首任|新任|新一任)?")
JOINS = re.compile(rf"\s*{ADVERBS}(?:加盟|加入)")
# after the organisation joined: "，担任首席科学家一职" / "并出任总裁"
JOIN_POST = re.compile(r"\s*[，,]?\s*(?:并|随后|将)?(?:担任|出任)(?:首任|新任)?")
STRETCH = re.compile(r"[^，,。；;：:（(\n]{1,40}")
POST_END = re.compile(r"一职$")
# the organisation a post phrase opens with, by back-reference
COMPANY_REF = re.compile(r"(?:本|该)?公司")
ASSOCIATION_REF = re.compile(r"(?:本|该)?(?:联盟|协会|学会|促进会)")
# what may stand between the organisation and the one named before it in the phrase:
# anything else means a name the entity stage cut ("甲全资子公司乙（香港）有限公司")
ORG_LINK = re.compile(r"^(?:的|旗下|下属|[、和及与])?$")
MAX_TITLE = 14


def appointments(ctx: Ctx) -> None:
    for person in person_spots(ctx):
        for org, title in _appointed(ctx, person):
            ctx.add("affiliated_with", person.name, org, person.start, person.end, title=title)


def _appointed(ctx: Ctx, person: Mention) -> list[tuple[str, str]]:
    found = []
    verb = POST_VERB.match(ctx.text, person.end)
    if verb and (verb.group("verb") != "为" or APPOINTER.search(ctx.text, max(0, person.start - 4), person.start)):
        found.append(_post(ctx, person, verb.end()))
    joined = JOINS.match(ctx.text, person.end)
    if joined:
        found.append(_joined_post(ctx, person, joined.end()))
    return [pair for pair in found if pair[0] and pair[1]]


def _joined_post(ctx: Ctx, person: Mention, pos: int) -> tuple[str, str]:
    """"某某加盟甲，担任首席科学家一职": the organisation joined, the post named after it."""
    org = ctx.between(pos, pos + 40, ORG_TYPES)[:1]
    if not org or ctx.text[pos:org[0].start].strip():
        return "", ""
    then = JOIN_POST.match(ctx.text, org[0].end)
    stretch = STRETCH.match(ctx.text, then.end()) if then else None
    return (org[0].name, _title(stretch.group(0))) if stretch else ("", "")


def _post(ctx: Ctx, person: Mention, pos: int) -> tuple[str, str]:
    stretch = STRETCH.match(ctx.text, pos)
    if not stretch:
        return "", ""
    start, end = stretch.span()
    ref = COMPANY_REF.match(ctx.text, start, end)
    if ref:
        return _announcer(ctx, person), _title(ctx.text[ref.end():end])
    ref = ASSOCIATION_REF.match(ctx.text, start, end)
    if ref:
        return main_of(ctx, "Association"), _title(ctx.text[ref.end():end])
    orgs = ctx.between(start, end, ORG_TYPES)
    if not orgs:
        return "", ""
    org = orgs[-1]
    link_from = orgs[-2].end if len(orgs) > 1 else start
    if not ORG_LINK.match(ctx.text[link_from:org.start]):
        return "", ""
    return org.name, _title(ctx.text[org.end:end])


def _announcer(ctx: Ctx, person: Mention) -> str:
    """The company a bare "公司" in a post stands for: the one the document defines as
    "公司", else the last company named before the person in the sentence (the one
    announcing the appointment: "甲宣布，任命某某为公司…")."""
    own = own_company(ctx)
    if own:
        return own.name
    sent = ctx.sentence_at(person.start)
    company = ctx.last_before(person.start, ("Company",), floor=sent.start)
    return company.name if company else ""


def _title(raw: str) -> str:
    title = POST_END.sub("", raw.strip())
    return title if len(title) <= MAX_TITLE and TITLE_END.search(title) else ""
