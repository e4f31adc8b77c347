"""Browser-test fixtures: a small atlas built from hand-written Documents, the
real app served by uvicorn on a free loopback port, and Debian's Chromium
driven by Playwright (never `playwright install`)."""
from __future__ import annotations

import hashlib
import re
import socket
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from cgtatlas.model import Document, Fact, Mention, Relation, Span

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]

# Our own sentences about invented companies; every mention is found by its surface.
DOCS = [
    ("park_news.txt", "华禾生物新品获批临床",
     "华禾生物科技（苏州）有限公司（简称华禾生物）位于苏州工业园区。\n"
     "华禾生物研发的CAR-T产品HX-101靶向CD19，用于治疗弥漫性大B细胞淋巴瘤。\n"
     "2025年5月，HX-101获得国家药品监督管理局临床试验许可。\n"
     "苏州工业园区已集聚细胞治疗企业120家。\n"
     "苏州工业园区地处江苏省苏州市。",
     [("Company", "华禾生物科技（苏州）有限公司", None), ("Company", "华禾生物", "华禾生物科技（苏州）有限公司"),
      ("Park", "苏州工业园区", None), ("Technology", "CAR-T", None), ("Product", "HX-101", None),
      ("Target", "CD19", None), ("Disease", "弥漫性大B细胞淋巴瘤", None), ("Agency", "国家药品监督管理局", None),
      ("Region", "江苏省", "江苏"), ("Region", "苏州市", "苏州")]),
    ("policy_plan.txt", "苏州细胞治疗产业行动计划",
     "苏州市人民政府发布《苏州细胞治疗产业发展行动计划》。\n"
     "计划提出，到2027年苏州工业园区集聚细胞治疗企业150家以上。\n"
     "华禾生物等企业将获得CAR-T研发支持。",
     [("Agency", "苏州市人民政府", None), ("Policy", "苏州细胞治疗产业发展行动计划", None),
      ("Park", "苏州工业园区", None), ("Company", "华禾生物", "华禾生物"), ("Technology", "CAR-T", None)]),
]


def doc_from(file_name: str, title: str, text: str, names) -> Document:
    sentences = [Span(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    doc = Document(id=hashlib.sha256(text.encode()).hexdigest()[:16], text=text, file_name=file_name,
                   title=title, date="2025-06-01", original=text, sentences=sentences,
                   offset_map=list(range(len(text) + 1)))
    taken: set[int] = set()
    for type_, surface, name in names:
        for m in re.finditer(re.escape(surface), text):
            if not taken & set(range(m.start(), m.end())):
                doc.mentions.append(Mention(type_, surface, m.start(), m.end(), name or surface))
                taken |= set(range(m.start(), m.end()))
    return doc


def add_links(doc: Document) -> Document:
    """Relations and a fact for the news document, with evidence from its text."""
    if "HX-101" not in doc.text:
        return doc
    at = doc.text.index
    company = "华禾生物科技（苏州）有限公司"
    doc.relations += [
        Relation("develops", company, "HX-101", doc.evidence(at("华禾生物研发"), at("HX-101") + 6)),
        Relation("targets", "HX-101", "CD19", doc.evidence(at("CD19"), at("CD19") + 4)),
        Relation("located_in", company, "苏州工业园区", doc.evidence(at("位于"), at("位于") + 8)),
        Relation("located_in", "苏州工业园区", "苏州", doc.evidence(at("地处"), at("苏州市") + 3)),
        Relation("milestone", "HX-101", "临床试验许可", doc.evidence(at("2025年5月"), at("临床试验许可") + 6),
                 {"authority": "国家药品监督管理局", "date": "2025-05"}),
    ]
    doc.facts.append(Fact("苏州工业园区", "细胞治疗企业数量", 120, "家", doc.evidence(at("已集聚"), at("120家") + 4)))
    return doc


def build_atlas(db: Path) -> None:
    from cgtatlas.store.ingest import ingest_document, open_store

    engine = open_store(str(db))
    for file_name, title, text, names in DOCS:
        ingest_document(engine, add_links(doc_from(file_name, title, text, names)), extract=lambda d: d)
    engine.dispose()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serve(settings):
    """The real app for `settings`, served by uvicorn in a background thread; yields its URL."""
    import uvicorn

    from cgtatlas.web.app import create_app

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(settings), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(200):  # wait until it listens (not a timing assertion: it just polls readiness)
        if server.started:
            break
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture
def serve_app():
    """serve(settings) for a test that needs an app of its own (one it may change)."""
    return serve


@pytest.fixture(scope="session")
def atlas_url(tmp_path_factory):
    """The real app over a fresh atlas of DOCS (read-only for the tests that share it)."""
    from cgtatlas.settings import get_settings

    db = tmp_path_factory.mktemp("atlas") / "atlas.db"
    build_atlas(db)
    with serve(get_settings(db=str(db))) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is missing (scripts/system-deps.sh installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="zh-CN")
    context.add_init_script("window.CGTATLAS_NO_ANIMATION = true;")
    pg = context.new_page()
    yield pg
    context.close()
