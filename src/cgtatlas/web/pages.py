"""Server-rendered pages (Jinja2). Each page calls the same query function as
its JSON twin under /api, then hands plain dicts to a template."""
from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.responses import HTMLResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from sqlalchemy.engine import Connection

from cgtatlas.model import ENTITY_TYPES, MILESTONE_LABELS, ORG_TYPES
from cgtatlas.store import queries
from cgtatlas.web import i18n
from cgtatlas.web.api import SORTS, Sort, document_or_404, entity_or_404, overview_data, search_data
from cgtatlas.web.app import get_app_settings, get_conn, get_lang
from cgtatlas.web.highlight import highlight_segments, mention_types

# One colour per entity type: the CSS classes, the charts and the graphs all use it.
TYPE_COLORS = {
    "Company": "#2563eb", "Hospital": "#dc2626", "Academic": "#7c3aed", "Agency": "#b45309",
    "Park": "#059669", "Platform": "#0891b2", "Association": "#db2777", "Event": "#ea580c",
    "Policy": "#4b5563", "Person": "#9333ea", "Product": "#16a34a", "Technology": "#0d9488",
    "Disease": "#e11d48", "Target": "#a16207", "Region": "#64748b",
}


def render(request: Request, lang: str, template: str, **context: Any) -> HTMLResponse:
    """Render a page with the interface helpers every template uses."""
    other = "en" if lang == "zh" else "zh"
    context.update(
        request=request, lang=lang, lang_url=lang_url(request, other), other_lang=other,
        t=i18n.translator(lang), type_name=lambda x: i18n.type_name(x, lang),
        rel_name=lambda x, direction="out": i18n.relation_name(x, lang, direction),
        milestone_name=lambda x: i18n.milestone_name(x, lang),
        type_colors=TYPE_COLORS, entity_types=ENTITY_TYPES,
        ui={"types": {k: i18n.type_name(k, lang) for k in ENTITY_TYPES},
            "relations": {k: i18n.relation_name(k, lang) for k in i18n.RELATION_TYPES},
            "colors": TYPE_COLORS, "lang": lang},
    )
    return request.app.state.templates.TemplateResponse(request, template, context)


def split_counts(counts: dict[str, Any]) -> dict[str, Any]:
    """Totals (documents, entities, relations, ...) and [type, n] pairs by entity type."""
    totals = {k: v for k, v in counts.items() if isinstance(v, int)}
    return {"totals": totals, "by_type": counts.get("by_type", [])}


def relation_groups(groups: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The profile's relation groups in the model's order of relation types,
    outgoing before incoming."""
    order = {t: i for i, t in enumerate(i18n.RELATION_TYPES)}
    return sorted(groups or [], key=lambda g: (order.get(g["type"], 99), g.get("direction") != "out"))


def lang_url(request: Request, lang: str) -> str:
    """This page in the other language (same path and filters)."""
    params = [(k, v) for k, v in request.query_params.multi_items() if k != "lang"] + [("lang", lang)]
    return f"{request.url.path}?{urlencode(params)}"


def filter_options(conn: Connection) -> dict[str, list]:
    """Choices for the region and technology filters."""
    regions = queries.list_entities(conn, type="Region", sort="mentions", limit=300)
    technologies = queries.list_entities(conn, type="Technology", sort="mentions", limit=100)
    return {"regions": [r["name"] for r in regions], "technologies": [t["name"] for t in technologies]}


def overview_router() -> APIRouter:
    router = APIRouter(include_in_schema=False)

    @router.get("/", response_class=HTMLResponse)
    def overview(request: Request, conn: Connection = Depends(get_conn), lang: str = Depends(get_lang)):
        data = overview_data(conn)
        return render(request, lang, "overview.html", **data, **split_counts(data["counts"]))

    @router.get("/search", response_class=HTMLResponse)
    def search(request: Request, q: str = "", type: str | None = None, region: str | None = None,
               conn: Connection = Depends(get_conn), lang: str = Depends(get_lang)):
        found = search_data(conn, q, type=type, region=region, limit=50)
        return render(request, lang, "search.html", q=q, type=type or "", region=region or "", **found)

    @router.get("/upload", response_class=HTMLResponse)
    def upload(request: Request, lang: str = Depends(get_lang), settings=Depends(get_app_settings)):
        return render(request, lang, "upload.html", needs_token=bool(settings.token))

    return router


PAGE_SIZE = 200  # entities per list page


def entities_router() -> APIRouter:
    router = APIRouter(include_in_schema=False)

    @router.get("/entities", response_class=HTMLResponse)
    def entities(request: Request, type: str = "", region: str = "", technology: str = "",
                 sort: Sort = "name", offset: int = Query(0, ge=0),
                 conn: Connection = Depends(get_conn), lang: str = Depends(get_lang)):
        filters = {"type": type or None, "region": region or None, "technology": technology or None}
        items = queries.list_entities(conn, **filters, sort=sort, limit=PAGE_SIZE, offset=offset)
        return render(request, lang, "entities.html", items=items, type=type, region=region,
                      technology=technology, sort=sort, sorts=SORTS, offset=offset, page_size=PAGE_SIZE,
                      total=queries.count_entities(conn, **filters), org_types=ORG_TYPES,
                      **filter_options(conn))

    @router.get("/entities/{entity_id}", response_class=HTMLResponse)
    def entity(request: Request, entity_id: int, conn: Connection = Depends(get_conn),
               lang: str = Depends(get_lang)):
        profile = entity_or_404(conn, entity_id)
        return render(request, lang, "entity.html", e=profile, relation_groups=relation_groups(profile.get("relations")))

    @router.get("/graph", response_class=HTMLResponse)
    def graph(request: Request, type: str = "", region: str = "", technology: str = "",
              conn: Connection = Depends(get_conn), lang: str = Depends(get_lang)):
        return render(request, lang, "graph.html", type=type, region=region, technology=technology,
                      **filter_options(conn))

    return router


def documents_router() -> APIRouter:
    router = APIRouter(include_in_schema=False)

    @router.get("/documents", response_class=HTMLResponse)
    def documents(request: Request, conn: Connection = Depends(get_conn), lang: str = Depends(get_lang)):
        return render(request, lang, "documents.html", items=queries.latest_documents(conn, limit=500))

    @router.get("/documents/{doc_id}", response_class=HTMLResponse)
    def document(request: Request, doc_id: str, view: str = "cleaned",
                 conn: Connection = Depends(get_conn), lang: str = Depends(get_lang)):
        doc = document_or_404(conn, doc_id)
        mentions = doc.get("mentions", [])
        evidence = [x["start"] for x in doc.get("relations", []) + doc.get("facts", []) if x.get("start") is not None]
        return render(request, lang, "document.html", doc=doc, view=view, legend=mention_types(mentions),
                      segments=highlight_segments(doc["text"], mentions, evidence))

    return router


def lists_router() -> APIRouter:
    router = APIRouter(include_in_schema=False)

    @router.get("/pipeline", response_class=HTMLResponse)
    def pipeline(request: Request, conn: Connection = Depends(get_conn), lang: str = Depends(get_lang)):
        return render(request, lang, "pipeline.html", items=queries.product_pipeline(conn),
                      milestone_labels=MILESTONE_LABELS)

    @router.get("/policies", response_class=HTMLResponse)
    def policies(request: Request, conn: Connection = Depends(get_conn), lang: str = Depends(get_lang)):
        return render(request, lang, "policies.html", items=queries.policies(conn))

    @router.get("/events", response_class=HTMLResponse)
    def events(request: Request, conn: Connection = Depends(get_conn), lang: str = Depends(get_lang)):
        return render(request, lang, "events.html", items=queries.events(conn))

    @router.get("/conflicts", response_class=HTMLResponse)
    def conflicts(request: Request, conn: Connection = Depends(get_conn), lang: str = Depends(get_lang)):
        return render(request, lang, "conflicts.html", items=queries.conflicts(conn))

    return router


async def error_page(request: Request, exc: StarletteHTTPException):
    """Pages get an HTML error page; the API keeps FastAPI's JSON errors."""
    if request.url.path.startswith("/api") or request.url.path.startswith("/static"):
        return await http_exception_handler(request, exc)
    lang = get_lang(request)
    response = render(request, lang, "error.html", status=exc.status_code, detail=exc.detail)
    response.status_code = exc.status_code
    return response


def routers() -> list[APIRouter]:
    return [overview_router(), entities_router(), documents_router(), lists_router()]
