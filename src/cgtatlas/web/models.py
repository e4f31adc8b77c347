"""Response models of the JSON API (they name the OpenAPI schemas at /docs).

The store's queries return plain dicts; these models pin the fields every
client can rely on and let the rest through (`extra="allow"`), so a new
column in a query shows up in the API without a change here.
"""
from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict


class Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class EntityPublic(Open):
    id: int
    type: str
    name: str


class EntitiesPublic(BaseModel):
    items: list[EntityPublic]
    total: int  # entities matching the filters, over all pages
    limit: int
    offset: int


class EntityProfilePublic(EntityPublic):
    aliases: list[Any] = []
    relations: Any = None
    facts: list[Any] = []
    mentions: list[Any] = []


class GraphPublic(Open):
    nodes: list[Any]
    edges: list[Any]


class DocumentSummaryPublic(Open):
    id: str


class DocumentsPublic(BaseModel):
    items: list[DocumentSummaryPublic]


class DocumentPublic(Open):
    id: str
    text: str
    mentions: list[Any] = []
    relations: list[Any] = []
    facts: list[Any] = []


class SearchPublic(Open):
    query: str
    entities: list[Any]
    documents: list[Any]


class RowsPublic(BaseModel):
    """A list page's rows (pipeline, policies, events, conflicts, regions)."""

    items: list[Any]


class OverviewPublic(Open):
    counts: Any
    regions: list[Any]
    latest_documents: list[Any]
    technologies: list[Any]
    milestones_by_year: list[Any]


class UploadResultPublic(BaseModel):
    file_name: str
    outcome: str  # stored | unchanged | reextracted | duplicate | failed
    doc_id: str | None = None
    title: str | None = None
    reason: str | None = None


class UploadPublic(BaseModel):
    results: list[UploadResultPublic]
