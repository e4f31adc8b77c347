"""`create_app(settings)`: the FastAPI app, with everything it needs built inside.

Nothing is created at import time: the store engine, the templates and the
routers are made here, so tests build an app per store and override
`get_conn` through `app.dependency_overrides` instead of patching globals.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import html

import jinja2
from markupsafe import Markup, escape
from fastapi import FastAPI, Request
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException
from sqlalchemy.engine import Connection, Engine

from cgtatlas.settings import Settings
from cgtatlas.web import i18n

WEB_DIR = Path(__file__).resolve().parent
TEMPLATES_DIR = WEB_DIR / "templates"
STATIC_DIR = WEB_DIR / "static"


def get_engine(request: Request) -> Engine:
    return request.app.state.engine


def get_conn(request: Request) -> Iterator[Connection]:
    """One read connection per request; closed when the response is done."""
    with request.app.state.engine.connect() as conn:
        yield conn


def get_app_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_lang(request: Request) -> str:
    return i18n.pick_lang(request.query_params.get("lang"), request.cookies.get(i18n.COOKIE))


def make_templates() -> Jinja2Templates:
    # autoescape on for every template, whatever its extension: document text is untrusted
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES_DIR)), autoescape=True,
        trim_blocks=True, lstrip_blocks=True,
    )
    env.filters["number"] = format_number
    env.filters["marks"] = keep_marks
    env.filters["mark_term"] = mark_term
    return Jinja2Templates(env=env)


def format_number(value) -> str:
    """15.0 -> "15", 3.5 -> "3.5", 1200000 -> "1,200,000"."""
    if not isinstance(value, (int, float)):
        return "" if value is None else str(value)
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.4g}"


def mark_term(quote: str | None, term: str | None) -> Markup:
    """The quote escaped, with each occurrence of `term` in <mark>."""
    escaped = str(escape(quote or ""))
    if term:
        term_html = str(escape(term))
        escaped = escaped.replace(term_html, f"<mark>{term_html}</mark>")
    return Markup(escaped)


def keep_marks(snippet: str | None) -> Markup:
    """A search snippet (HTML with <mark> hits) made safe: back to plain text,
    escaped again, and only the <mark> tags restored."""
    escaped = str(escape(html.unescape(snippet or "")))
    return Markup(escaped.replace("&lt;mark&gt;", "<mark>").replace("&lt;/mark&gt;", "</mark>"))


def open_engine(db: str) -> Engine:
    from cgtatlas.store.ingest import open_store

    return open_store(db)


def create_app(settings: Settings, *, engine: Engine | None = None) -> FastAPI:
    """Build the app over the store named by `settings.db` (or an engine given)."""
    from cgtatlas.web import api, api_documents, pages

    app = FastAPI(
        title="CGT Atlas API",
        description="细胞与基因治疗产业图谱 — the JSON twin of every page.",
        version="0.1.0",
    )
    app.state.settings = settings
    app.state.engine = engine if engine is not None else open_engine(settings.db)
    app.state.templates = make_templates()
    app.mount("/static", StaticFiles(directory=str(STATIC_DIR)), name="static")
    for router in (*api.routers(), api_documents.router(), *pages.routers()):
        app.include_router(router)
    app.add_exception_handler(StarletteHTTPException, pages.error_page)
    app.middleware("http")(remember_lang)
    return app


async def remember_lang(request: Request, call_next):
    """`?lang=en` switches the interface language and a cookie keeps it."""
    response = await call_next(request)
    lang = request.query_params.get("lang")
    if lang in i18n.LANGS and request.cookies.get(i18n.COOKIE) != lang:
        response.set_cookie(i18n.COOKIE, lang, max_age=365 * 24 * 3600, samesite="lax")
    return response
