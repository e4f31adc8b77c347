"""The real app on a real SQLite store built from hand-written Documents."""
from __future__ import annotations

import hashlib
import re

import pytest
from fastapi.testclient import TestClient

from cgtatlas.model import Document, Mention, Relation, Span
from cgtatlas.settings import Settings

NEWS = ("启明细胞的CAR-T产品QM-7靶向BCMA。\n"
        "QM-7获得美国食品药品监督管理局授予的孤儿药资格。\n"
        "启明细胞位于成都天府国际生物城。")
NOTICE = ("FDA发布细胞治疗产品指导原则。\n"
          "启明细胞表示将继续推进CAR-T研发。<script>alert('x')</script>")


def build(file_name, text, names, relations=()):
    doc = Document(id=hashlib.sha256(text.encode()).hexdigest()[:16], text=text, file_name=file_name,
                   title=text.split("\n")[0], date="2025-09-01", original=text,
                   sentences=[Span(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)],
                   offset_map=list(range(len(text) + 1)))
    for type_, surface, name in names:
        for m in re.finditer(re.escape(surface), text):
            doc.mentions.append(Mention(type_, surface, m.start(), m.end(), name))
    for type_, head, tail, anchor, attrs in relations:
        start = text.index(anchor)
        doc.relations.append(Relation(type_, head, tail, doc.evidence(start, start + len(anchor)), attrs))
    return doc


@pytest.fixture
def client(tmp_path):
    from cgtatlas.store.ingest import ingest_document, open_store
    from cgtatlas.web.app import create_app

    db = str(tmp_path / "atlas.db")
    engine = open_store(db)
    news = build("news.txt", NEWS, [
        ("Company", "启明细胞", "启明细胞"), ("Technology", "CAR-T", "CAR-T"), ("Product", "QM-7", "QM-7"),
        ("Target", "BCMA", "BCMA"), ("Agency", "美国食品药品监督管理局", "美国食品药品监督管理局"),
        ("Park", "成都天府国际生物城", "成都天府国际生物城")],
        [("develops", "启明细胞", "QM-7", "启明细胞的CAR-T产品QM-7", {}),
         ("targets", "QM-7", "BCMA", "靶向BCMA", {}),
         ("uses_technology", "QM-7", "CAR-T", "CAR-T产品", {}),
         ("milestone", "QM-7", "孤儿药资格", "孤儿药资格", {"authority": "FDA"})])
    notice = build("notice.txt", NOTICE, [("Agency", "FDA", "FDA"), ("Company", "启明细胞", "启明细胞"),
                                          ("Technology", "CAR-T", "CAR-T")])
    for doc in (news, notice):
        ingest_document(engine, doc, extract=lambda d: d)
    app = create_app(Settings(db=db), engine=engine)
    with TestClient(app) as c:
        c.docs = {"news": news, "notice": notice}
        yield c


def entity_id(client, type_, name):
    items = client.get("/api/entities", params={"type": type_, "limit": 1000}).json()["items"]
    return next(e["id"] for e in items if e["name"] == name)


def test_web_api_entities_filter_by_type(client):
    response = client.get("/api/entities", params={"type": "Company"})
    assert response.status_code == 200
    names = [e["name"] for e in response.json()["items"]]
    assert names == ["启明细胞"]
    assert {e["type"] for e in client.get("/api/entities").json()["items"]} >= {"Company", "Product", "Technology"}


def test_web_api_entities_pages_carry_the_total(client):
    everything = client.get("/api/entities").json()
    assert everything["total"] == len(everything["items"]) >= 6
    second = client.get("/api/entities", params={"limit": 2, "offset": 2}).json()
    assert second["total"] == everything["total"]
    assert [e["id"] for e in second["items"]] == [e["id"] for e in everything["items"][2:4]]


def test_web_entities_page_links_to_the_next_and_previous_pages(client, monkeypatch):
    from cgtatlas.web import pages

    monkeypatch.setattr(pages, "PAGE_SIZE", 2)
    total = client.get("/api/entities").json()["total"]
    first = client.get("/entities").text
    assert f"1–2 / {total}" in first
    assert 'id="next-page" href="/entities?type=&amp;region=&amp;technology=&amp;sort=name&amp;offset=2"' in first
    assert 'id="prev-page"' not in first
    last = client.get("/entities", params={"offset": total - 1}).text
    assert 'id="next-page"' not in last and 'id="prev-page"' in last


def test_web_api_entity_profile_has_mentions_from_both_documents(client):
    profile = client.get(f"/api/entities/{entity_id(client, 'Technology', 'CAR-T')}").json()
    assert {m["doc_id"] for m in profile["mentions"]} == {d.id for d in client.docs.values()}
    assert all(m["quote"] for m in profile["mentions"])


def test_web_api_fda_is_one_entity_across_names(client):
    """The store resolves 美国食品药品监督管理局 and FDA into one Agency; its page lists both documents."""
    found = client.get("/api/search", params={"q": "FDA", "type": "Agency"}).json()["entities"]
    fda = client.get(f"/api/entities/{found[0]['id']}").json()
    assert len({m["doc_id"] for m in fda["mentions"]}) == 2
    assert "FDA" in client.get(f"/entities/{fda['id']}").text


def test_web_api_pipeline_lists_product_with_company_and_milestone(client):
    rows = client.get("/api/pipeline").json()["items"]
    text = str(rows)
    assert "QM-7" in text and "启明细胞" in text and "孤儿药资格" in text


def test_web_api_missing_things_are_404(client):
    assert client.get("/api/entities/999999").status_code == 404
    assert client.get("/api/documents/nope").status_code == 404
    assert client.get("/entities/999999").status_code == 404


def test_web_api_search_groups_entities_and_documents(client):
    found = client.get("/api/search", params={"q": "CAR-T"}).json()
    assert any(e["name"] == "CAR-T" for e in found["entities"])
    assert len(found["documents"]) == 2


def test_web_api_graph_and_neighbours(client):
    product = entity_id(client, "Product", "QM-7")
    near = client.get(f"/api/entities/{product}/neighbours").json()
    assert {"启明细胞", "BCMA"} <= {n["name"] for n in near["nodes"]}
    whole = client.get("/api/graph").json()
    assert len(whole["nodes"]) >= 5 and whole["edges"]


def test_web_api_every_page_answers(client):
    doc_id = client.docs["news"].id
    product = entity_id(client, "Product", "QM-7")
    for path in ["/", "/entities", "/entities?type=Company", f"/entities/{product}", f"/documents/{doc_id}",
                 f"/documents/{doc_id}?view=original", "/documents", "/graph", "/pipeline", "/policies",
                 "/events", "/conflicts", "/search?q=CAR-T", "/upload", "/api/stats", "/api/overview",
                 "/api/policies", "/api/events", "/api/conflicts", "/api/regions", "/docs", "/openapi.json"]:
        assert client.get(path).status_code == 200, path


def test_web_api_document_page_highlights_mentions_with_type_and_name(client):
    doc = client.docs["news"]
    html = client.get(f"/documents/{doc.id}").text
    start = NEWS.index("QM-7")
    assert re.search(rf'<mark class="m t-Product" id="m-{start}"[^>]*title="产品 · QM-7"', html)


def test_web_api_script_in_a_document_is_shown_as_text(client):
    doc = client.docs["notice"]
    for path in (f"/documents/{doc.id}", f"/documents/{doc.id}?view=original"):
        html = client.get(path).text
        assert "<script>alert(" not in html
        assert "&lt;script&gt;alert(" in html


def test_web_api_english_toggle_translates_labels_not_names(client):
    zh = client.get("/pipeline").text
    en = client.get("/pipeline", params={"lang": "en"})
    assert "产品管线" in zh and "Product pipeline" in en.text
    assert "启明细胞" in en.text
    assert en.cookies.get("cgtatlas_lang") == "en"
    assert "Product pipeline" in client.get("/pipeline").text  # remembered
