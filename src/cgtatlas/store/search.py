"""Chinese-aware search over entity names, aliases and document text, the same
on SQLite and PostgreSQL (no engine-specific full-text extension).

Documents: a character-bigram index (`search_grams`, written per document by
`index_document`) narrows the candidates; each candidate's text is then checked
for the exact query terms, ranked by hits (title hits count most) and cut into
highlighted snippets. Bigrams answer 2+ character queries of any script; a
term without one (a single character) falls back to a substring scan. Entities: substring match on
names and aliases (there are far fewer entities than document characters),
ranked exact name, exact alias, prefix, substring, then by mentions.

The index stays correct when documents come and go: a document's id is the hash
of its text, so an indexed id never needs re-indexing; `search` checks for
documents missing from (or gone from) the index and refreshes it lazily.
Snippets are HTML: the text is escaped here and only <mark> tags are added.
"""
from __future__ import annotations

import html
import logging
from collections import Counter
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    Column, Integer, MetaData, String, Table, case, exists, func, or_, select,
)
from sqlalchemy.engine import Connection

from cgtatlas.store.rows import aliases_of, entity_filters, ids_named, mention_stats
from cgtatlas.store.schema import aliases, documents, entities, mentions

log = logging.getLogger(__name__)

index_metadata = MetaData()
search_docs = Table(
    "search_docs", index_metadata,
    Column("doc_id", String(64), primary_key=True),
    Column("version", Integer, nullable=False),  # INDEX_VERSION it was written with
)
search_grams = Table(
    "search_grams", index_metadata,
    Column("gram", String(8), primary_key=True),
    Column("doc_id", String(64), primary_key=True, index=True),
    Column("n", Integer, nullable=False),
)
INDEX_VERSION = 1  # bump when grams() changes: older rows are then re-indexed
CANDIDATES = 200  # documents whose text is checked and ranked per query
SNIPPET_CONTEXT = 40  # characters either side of a hit


# ---------------------------------------------------------------- text units

@lru_cache(maxsize=1)
def _to_simplified():
    try:
        import opencc
    except ImportError:  # the store still works without it; Traditional queries just match less
        return lambda s: s
    return opencc.OpenCC("t2s").convert


def normalise(text: str) -> str:
    """Query form: Simplified Chinese, lower case, single spaces."""
    return " ".join(_to_simplified()(text).lower().split())


def grams(text: str) -> Counter:
    """Character bigrams of each run of letters/digits/CJK (lower-cased).
    Punctuation and spaces break runs ("CAR-T" -> ca, ar), so a term with no
    bigram (one character, or split by punctuation) is matched by a scan."""
    out: Counter = Counter()
    run: list[str] = []
    for ch in text.lower() + " ":
        if ch.isalnum():
            run.append(ch)
            continue
        out.update(a + b for a, b in zip(run, run[1:]))
        run = []
    return out


def query_terms(query: str) -> list[str]:
    return [t for t in normalise(query).split(" ") if t]


# ---------------------------------------------------------------- the index

def ensure_tables(conn: Connection) -> None:
    index_metadata.create_all(conn, checkfirst=True)


def index_document(conn: Connection, doc_id: str) -> int:
    """(Re)write one document's bigrams; call inside the ingest transaction.
    Returns the number of distinct grams written (0 if the document is absent)."""
    ensure_tables(conn)
    conn.execute(search_grams.delete().where(search_grams.c.doc_id == doc_id))
    conn.execute(search_docs.delete().where(search_docs.c.doc_id == doc_id))
    row = conn.execute(select(documents.c.title, documents.c.text).where(documents.c.id == doc_id)).first()
    if row is None:
        return 0
    counted = grams(f"{row.title or ''}\n{row.text}")
    if counted:
        conn.execute(search_grams.insert(), [{"gram": g, "doc_id": doc_id, "n": n} for g, n in counted.items()])
    conn.execute(search_docs.insert().values(doc_id=doc_id, version=INDEX_VERSION))
    return len(counted)


def _missing(conn: Connection) -> list[str]:
    q = select(documents.c.id).where(~exists().where(search_docs.c.doc_id == documents.c.id))
    return list(conn.execute(q).scalars())


def _gone(conn: Connection) -> list[str]:
    """Indexed ids whose document is gone or whose rows are of an older index version."""
    q = select(search_docs.c.doc_id).where(or_(~exists().where(documents.c.id == search_docs.c.doc_id),
                                               search_docs.c.version != INDEX_VERSION))
    return list(conn.execute(q).scalars())


def reindex(conn: Connection, *, full: bool = False) -> int:
    """Bring the index up to date (everything again when `full`); returns the
    number of documents indexed."""
    ensure_tables(conn)
    if full:
        conn.execute(search_grams.delete())
        conn.execute(search_docs.delete())
    for doc_id in _gone(conn):
        conn.execute(search_grams.delete().where(search_grams.c.doc_id == doc_id))
        conn.execute(search_docs.delete().where(search_docs.c.doc_id == doc_id))
    todo = _missing(conn)
    for doc_id in todo:
        index_document(conn, doc_id)
    return len(todo)


def is_stale(conn: Connection) -> bool:
    inspector_has = conn.dialect.has_table
    if not (inspector_has(conn, "search_docs") and inspector_has(conn, "search_grams")):
        return True
    return bool(_missing(conn) or _gone(conn))


def refresh_index(conn: Connection) -> bool:
    """Make the index current without touching the caller's transaction: the
    refresh runs and commits on a connection of its own. False when it cannot
    (search then scans document text instead)."""
    try:
        if not is_stale(conn):
            return True
        with conn.engine.begin() as writer:
            reindex(writer)
        return not is_stale(conn)
    except Exception as exc:  # a locked or read-only store must not break search
        log.warning("search index not refreshed: %s", exc)
        return False


# ---------------------------------------------------------------- snippets

def highlight(text: str, terms: list[str]) -> str:
    """`text` HTML-escaped, with every (case-insensitive) hit of a term in <mark>."""
    lower = text.lower()
    spans: list[list[int]] = []
    for term in terms:
        start = lower.find(term)
        while term and start >= 0:
            spans.append([start, start + len(term)])
            start = lower.find(term, start + 1)
    merged: list[list[int]] = []
    for s in sorted(spans):
        if merged and s[0] <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], s[1])
        else:
            merged.append(s)
    out, pos = [], 0
    for start, end in merged:
        out.append(html.escape(text[pos:start]) + "<mark>" + html.escape(text[start:end]) + "</mark>")
        pos = end
    return "".join(out) + html.escape(text[pos:])


def snippet(text: str, terms: list[str], *, windows: int = 2) -> str:
    """Up to `windows` highlighted passages around the first hits, joined by …"""
    lower = text.lower()
    hits = sorted(p for p in (lower.find(t) for t in terms if t) if p >= 0)
    if not hits:
        return html.escape(" ".join(text[:2 * SNIPPET_CONTEXT].split()))
    passages: list[tuple[int, int]] = []
    for hit in hits:
        if passages and hit < passages[-1][1]:
            continue
        passages.append((max(0, hit - SNIPPET_CONTEXT), min(len(text), hit + 2 * SNIPPET_CONTEXT)))
        if len(passages) == windows:
            break
    parts = [highlight(" ".join(text[a:b].split()), terms) for a, b in passages]
    lead = "…" if passages[0][0] > 0 else ""
    tail = "…" if passages[-1][1] < len(text) else ""
    return lead + " … ".join(parts) + tail


# ---------------------------------------------------------------- entities

def _contains(column, term: str):
    return func.lower(column).contains(term, autoescape=True)


def search_entities(conn: Connection, terms: list[str], *, type: str | None = None,
                    region: str | None = None, limit: int = 20) -> list[dict[str, Any]]:
    """Entities whose name or an alias contains every term; exact names first."""
    phrase = " ".join(terms)
    conds = [or_(_contains(entities.c.name, t),
                 entities.c.id.in_(select(aliases.c.entity_id).where(_contains(aliases.c.alias, t))))
             for t in terms]
    ms = mention_stats()
    exact = case((func.lower(entities.c.name) == phrase, 0), else_=1)
    q = (select(entities.c.id, entities.c.type, entities.c.name, entities.c.region,
                func.coalesce(ms.c.n_mentions, 0).label("n_mentions"))
         .select_from(entities.outerjoin(ms, ms.c.entity_id == entities.c.id))
         .where(*conds, *entity_filters(type=type, region=region))
         .order_by(exact, ms.c.n_mentions.desc().nulls_last(), entities.c.id).limit(max(limit * 5, 100)))
    rows = [dict(r._mapping) for r in conn.execute(q)]
    names = aliases_of(conn, [r["id"] for r in rows])
    for r in rows:
        r["aliases"] = names.get(r["id"], [])
        r["score"], r["match"], r["snippet"] = _entity_match(r, terms, phrase)
    rows.sort(key=lambda r: (r["score"], -r["n_mentions"], len(r["name"]), r["id"]))
    return rows[:limit]


def _entity_match(row: dict[str, Any], terms: list[str], phrase: str) -> tuple[int, str, str]:
    """(tier, matched on, snippet): 0 exact name, 1 exact alias, 2 name prefix,
    3 name contains, 4 alias contains."""
    name = row["name"].lower()
    hit_aliases = [a for a in row["aliases"] if any(t in a.lower() for t in terms)]
    exact_alias = [a for a in hit_aliases if a.lower() == phrase]
    if name == phrase:
        tier, match = 0, "name"
    elif exact_alias:
        tier, match, hit_aliases = 1, "alias", exact_alias
    elif name.startswith(terms[0]) and all(t in name for t in terms):
        tier, match = 2, "name"
    elif all(t in name for t in terms):
        tier, match = 3, "name"
    else:
        tier, match = 4, "alias"
    text = highlight(row["name"], terms)
    if match == "alias" and hit_aliases:
        text += "（" + "、".join(highlight(a, terms) for a in hit_aliases[:3]) + "）"
    return tier, match, text


# ---------------------------------------------------------------- documents

def _doc_conditions(terms: list[str], *, indexed: bool, type: str | None, region: str | None) -> list:
    conds = []
    for term in terms:
        term_grams = sorted(grams(term))
        if indexed and term_grams:
            having = (select(search_grams.c.doc_id).where(search_grams.c.gram.in_(term_grams))
                      .group_by(search_grams.c.doc_id).having(func.count() == len(term_grams)))
            conds.append(documents.c.id.in_(having))
        else:
            conds.append(or_(_contains(documents.c.text, term), _contains(documents.c.title, term)))
    if region:
        places = select(ids_named(region).subquery().c.id)
        conds.append(documents.c.id.in_(select(mentions.c.doc_id).where(mentions.c.entity_id.in_(places))))
    if type:
        typed = select(mentions.c.doc_id).where(mentions.c.type == type,
                                                or_(*[_contains(mentions.c.surface, t) for t in terms]))
        conds.append(documents.c.id.in_(typed))
    return conds


def search_documents(conn: Connection, terms: list[str], *, type: str | None = None,
                     region: str | None = None, limit: int = 20, indexed: bool = True) -> list[dict[str, Any]]:
    """Documents containing every term, ranked by hits (a title hit counts 20)."""
    q = (select(documents.c.id, documents.c.title, documents.c.file_name, documents.c.date,
                documents.c.source, documents.c.text)
         .where(*_doc_conditions(terms, indexed=indexed, type=type, region=region))
         .order_by(documents.c.date.desc().nulls_last(), documents.c.id).limit(CANDIDATES))
    found = []
    for r in conn.execute(q):
        text, title = r.text.lower(), (r.title or "").lower()
        if not all(t in text or t in title for t in terms):
            continue  # bigrams all present, but not as the contiguous term
        hits = sum(min(text.count(t), 50) for t in terms)
        in_title = any(t in title for t in terms)
        found.append({"id": r.id, "doc_id": r.id, "title": r.title, "file_name": r.file_name,
                      "date": r.date, "source": r.source, "n_hits": hits,
                      "score": hits + (20 if in_title else 0),
                      "title_html": highlight(r.title or r.file_name, terms),
                      "snippet": snippet(r.text, terms)})
    found.sort(key=lambda d: (-d["score"], d["date"] is None, d["id"]))
    return found[:limit]


def search(conn: Connection, query: str, *, type: str | None = None, region: str | None = None,
           limit: int = 20) -> dict[str, Any]:
    """{"query", "terms", "entities": [...], "documents": [...]}; every snippet
    is escaped HTML with <mark> around the hits. Terms are the query's
    space-separated parts (all must match), in Simplified Chinese."""
    terms = query_terms(query)
    if not terms:
        return {"query": query, "terms": [], "entities": [], "documents": []}
    indexed = refresh_index(conn)
    return {
        "query": query, "terms": terms,
        "entities": search_entities(conn, terms, type=type, region=region, limit=limit),
        "documents": search_documents(conn, terms, type=type, region=region, limit=limit, indexed=indexed),
    }
