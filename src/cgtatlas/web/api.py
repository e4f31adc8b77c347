"""The JSON API under /api: the twin of every page, calling the same queries.

Routers per resource; handlers parse parameters, call one function of
`cgtatlas.store.queries` / `cgtatlas.store.search` (or `overview_data`, which
the overview page calls too) and return its plain dicts.
"""
from __future__ import annotations

from typing import Any, Literal, get_args

from fastapi import APIRouter, Depends, HTTPException, Query
from sqlalchemy.engine import Connection

from cgtatlas.store import queries
from cgtatlas.web.app import get_conn
from cgtatlas.web.models import (
    DocumentPublic, DocumentsPublic, EntitiesPublic, EntityProfilePublic, GraphPublic,
    OverviewPublic, RowsPublic, SearchPublic,
)

Sort = Literal["name", "mentions", "documents"]
SORTS = get_args(Sort)


def overview_data(conn: Connection) -> dict[str, Any]:
    """Everything the overview page shows, from the store's queries."""
    return {
        "counts": queries.counts(conn),
        "regions": queries.region_summary(conn),
        "latest_documents": queries.latest_documents(conn, limit=10),
        "technologies": queries.technology_counts(conn),
        "milestones_by_year": queries.milestones_by_year(conn),
    }


def search_data(conn: Connection, q: str, *, type: str | None = None, region: str | None = None,
                limit: int = 20) -> dict[str, Any]:
    from cgtatlas.store.search import search

    found = search(conn, q, type=type or None, region=region or None, limit=limit) if q.strip() else {}
    return {"query": q, "entities": found.get("entities", []), "documents": found.get("documents", [])}


def entity_or_404(conn: Connection, entity_id: int) -> dict[str, Any]:
    profile = queries.entity_profile(conn, entity_id=entity_id)
    if not profile:
        raise HTTPException(404, f"no entity {entity_id}")
    return profile


def document_or_404(conn: Connection, doc_id: str) -> dict[str, Any]:
    doc = queries.document(conn, doc_id=doc_id)
    if not doc:
        raise HTTPException(404, f"no document {doc_id}")
    return doc


def entities_router() -> APIRouter:
    router = APIRouter(prefix="/api/entities", tags=["entities"])

    @router.get("", response_model=EntitiesPublic)
    def list_entities(type: str | None = None, region: str | None = None,
                      technology: str | None = None, sort: Sort = "name",
                      limit: int = Query(100, ge=1, le=1000), offset: int = Query(0, ge=0),
                      conn: Connection = Depends(get_conn)):
        filters = {"type": type or None, "region": region or None, "technology": technology or None}
        items = queries.list_entities(conn, **filters, sort=sort, limit=limit, offset=offset)
        return {"items": items, "total": queries.count_entities(conn, **filters), "limit": limit,
                "offset": offset}

    @router.get("/{entity_id}", response_model=EntityProfilePublic)
    def entity(entity_id: int, conn: Connection = Depends(get_conn)):
        return entity_or_404(conn, entity_id)

    @router.get("/{entity_id}/neighbours", response_model=GraphPublic)
    def neighbours(entity_id: int, depth: int = Query(1, ge=1, le=3), conn: Connection = Depends(get_conn)):
        entity_or_404(conn, entity_id)
        return queries.neighbours(conn, entity_id=entity_id, depth=depth)

    return router


def graph_router() -> APIRouter:
    router = APIRouter(prefix="/api", tags=["graph"])

    @router.get("/graph", response_model=GraphPublic)
    def graph(type: str | None = None, region: str | None = None, technology: str | None = None,
              limit: int = Query(500, ge=1, le=5000), conn: Connection = Depends(get_conn)):
        return queries.graph(conn, type=type or None, region=region or None,
                             technology=technology or None, limit=limit)

    return router


def documents_router() -> APIRouter:
    router = APIRouter(prefix="/api/documents", tags=["documents"])

    @router.get("", response_model=DocumentsPublic)
    def documents(limit: int = Query(50, ge=1, le=1000), conn: Connection = Depends(get_conn)):
        return {"items": queries.latest_documents(conn, limit=limit)}

    @router.get("/{doc_id}", response_model=DocumentPublic)
    def document(doc_id: str, conn: Connection = Depends(get_conn)):
        return document_or_404(conn, doc_id)

    return router


def search_router() -> APIRouter:
    router = APIRouter(prefix="/api", tags=["search"])

    @router.get("/search", response_model=SearchPublic)
    def search(q: str = "", type: str | None = None, region: str | None = None,
               limit: int = Query(20, ge=1, le=200), conn: Connection = Depends(get_conn)):
        return search_data(conn, q, type=type, region=region, limit=limit)

    return router


def lists_router() -> APIRouter:
    router = APIRouter(prefix="/api", tags=["lists"])

    @router.get("/pipeline", response_model=RowsPublic)
    def pipeline(conn: Connection = Depends(get_conn)):
        return {"items": queries.product_pipeline(conn)}

    @router.get("/policies", response_model=RowsPublic)
    def policies(conn: Connection = Depends(get_conn)):
        return {"items": queries.policies(conn)}

    @router.get("/events", response_model=RowsPublic)
    def events(conn: Connection = Depends(get_conn)):
        return {"items": queries.events(conn)}

    @router.get("/conflicts", response_model=RowsPublic)
    def conflicts(conn: Connection = Depends(get_conn)):
        return {"items": queries.conflicts(conn)}

    @router.get("/regions", response_model=RowsPublic)
    def regions(conn: Connection = Depends(get_conn)):
        return {"items": queries.region_summary(conn)}

    return router


def stats_router() -> APIRouter:
    router = APIRouter(prefix="/api", tags=["stats"])

    @router.get("/stats")
    def stats(conn: Connection = Depends(get_conn)) -> dict[str, Any]:
        return queries.counts(conn)

    @router.get("/overview", response_model=OverviewPublic)
    def overview(conn: Connection = Depends(get_conn)):
        return overview_data(conn)

    return router


def routers() -> list[APIRouter]:
    return [entities_router(), graph_router(), documents_router(), search_router(),
            lists_router(), stats_router()]
