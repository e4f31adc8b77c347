"""The issue's must-show through the web API, on an atlas built from the seeds."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from cgtatlas.settings import Settings

pytestmark = [pytest.mark.seeds, pytest.mark.slow]


@pytest.fixture(scope="module")
def client(seeds_dir, tmp_path_factory):
    from cgtatlas.ingest.batch import ingest_paths
    from cgtatlas.web.app import create_app

    settings = Settings(db=str(tmp_path_factory.mktemp("seeds") / "atlas.db"))
    ingest_paths([seeds_dir], settings, progress=False)
    with TestClient(create_app(settings)) as c:
        yield c


def test_web_seeds_fda_page_lists_mentions_from_two_documents(client):
    found = client.get("/api/search", params={"q": "FDA", "type": "Agency"}).json()["entities"]
    fda = client.get(f"/api/entities/{found[0]['id']}").json()
    assert len({m["doc_id"] for m in fda["mentions"]}) >= 2
    page = client.get(f"/entities/{fda['id']}").text
    assert page.count('class="mention-link"') == len(fda["mentions"])


def test_web_seeds_pipeline_shows_nk010_with_company_and_fda_milestone(client):
    rows = {r["name"]: r for r in client.get("/api/pipeline").json()["items"]}
    nk010 = rows["NK010"]
    assert nk010["companies"]
    assert any(m["authority"] == "FDA" for m in nk010["milestones"])
    assert "NK010" in client.get("/pipeline").text
