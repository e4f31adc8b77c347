"""POST /api/documents: bearer token when configured, one outcome per file, reading open."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from cgtatlas.settings import Settings
from cgtatlas.store.schema import documents

TEXT = "华禾生物在苏州工业园区建设细胞治疗生产基地。\n该基地面积约2万平方米。\n".encode()


def make_client(tmp_path, token=None) -> TestClient:
    from cgtatlas.web.app import create_app

    return TestClient(create_app(Settings(db=str(tmp_path / "atlas.db"), token=token)))


def stored(client) -> int:
    with client.app.state.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(documents)).scalar_one()


def test_web_upload_without_token_is_refused_and_stores_nothing(tmp_path):
    client = make_client(tmp_path, token="s3cret")
    response = client.post("/api/documents", files=[("files", ("a.txt", TEXT, "text/plain"))])
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    wrong = client.post("/api/documents", files=[("files", ("a.txt", TEXT, "text/plain"))],
                        headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401
    assert stored(client) == 0
    assert client.get("/api/documents").status_code == 200  # reading stays open


def test_web_upload_with_token_stores_then_is_unchanged(tmp_path):
    client = make_client(tmp_path, token="s3cret")
    auth = {"Authorization": "Bearer s3cret"}
    first = client.post("/api/documents", files=[("files", ("a.txt", TEXT, "text/plain"))], headers=auth)
    assert first.status_code == 200
    assert [r["outcome"] for r in first.json()["results"]] == ["stored"]
    again = client.post("/api/documents", files=[("files", ("a.txt", TEXT, "text/plain"))], headers=auth)
    assert [r["outcome"] for r in again.json()["results"]] == ["unchanged"]
    assert stored(client) == 1


def test_web_upload_bad_file_fails_alone(tmp_path):
    client = make_client(tmp_path)  # no token configured: writes are open
    files = [("files", ("broken.pdf", b"%PDF-1.4 not really a pdf", "application/pdf")),
             ("files", ("good.txt", TEXT, "text/plain")),
             ("files", ("copy.txt", TEXT, "text/plain"))]
    results = client.post("/api/documents", files=files).json()["results"]
    assert [r["outcome"] for r in results] == ["failed", "stored", "duplicate"]
    assert results[0]["reason"]
    assert stored(client) == 1


@pytest.mark.parametrize("name", ["../../etc/passwd.txt", "..\\evil.txt", ""])
def test_web_upload_file_names_cannot_escape(name):
    from cgtatlas.web.api_documents import safe_file_name

    safe = safe_file_name(name, 3)
    assert "/" not in safe and "\\" not in safe and not safe.startswith(".")
