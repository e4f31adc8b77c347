"""The relations stage: the 14 relation types of GUIDE.md between mentions.

Each rule is a small function over a shared context (rel_common.Ctx) that reads
the mentions in a sentence or clause, looks for its trigger words and adds
relations with their evidence. Head and tail are the mentions' in-document
canonical names; the same (type, head, tail) is kept once per document.
"""
from __future__ import annotations

from cgtatlas.extract import rel_events, rel_people, rel_places, rel_posts, rel_products
from cgtatlas.extract.rel_common import Ctx
from cgtatlas.model import Document

RULES = (
    rel_people.affiliated_with,
    rel_posts.appointments,
    rel_people.spoke_at,
    rel_people.spoke_at_event,
    rel_events.organized_by,
    rel_events.held_at,
    rel_events.issued_by,
    rel_events.member_of,
    rel_events.partner_of,
    rel_places.located_in,
    rel_places.operates,
    rel_products.develops,
    rel_products.uses_technology,
    rel_products.targets,
    rel_products.treats,
    rel_products.milestone,
)


def find_relations(doc: Document) -> Document:
    if not doc.mentions:
        return doc
    ctx = Ctx.of(doc)
    for rule in RULES:
        rule(ctx)
    doc.relations.extend(ctx.found)
    return doc
