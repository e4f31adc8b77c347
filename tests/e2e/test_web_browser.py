"""Headless Chromium through the real app: overview, search, entity, mention -> document."""
from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser


def test_web_browser_overview_shows_counts_and_charts(page, atlas_url):
    page.goto(atlas_url + "/")
    assert page.locator("h1").first.inner_text() == "总览"
    page.wait_for_selector("#chart-types[data-ready='1'] canvas")
    assert page.locator(".stat b").first.inner_text() == "2"  # two documents
    assert "苏州工业园区" in page.locator("main").inner_text()


def test_web_browser_search_entity_mention_document(page, atlas_url):
    page.goto(atlas_url + "/")
    page.fill("header input[name=q]", "CAR-T")
    page.press("header input[name=q]", "Enter")
    page.wait_for_url(re.compile(r"/search\?q=CAR-T"))
    page.locator("#entity-results a", has_text="CAR-T").first.click()
    page.wait_for_url(re.compile(r"/entities/\d+$"))
    assert page.locator("h1").inner_text() == "CAR-T"
    links = page.locator("a.mention-link")
    assert links.count() >= 2  # one mention in each document
    href = links.first.get_attribute("href")
    links.first.click()
    page.wait_for_url(re.compile(r"/documents/\w+#m-\d+$"))
    anchor = href.split("#", 1)[1]
    mark = page.locator(f"mark#{anchor}")
    assert mark.inner_text() == "CAR-T"
    assert mark.evaluate("el => el.matches(':target') && el.classList.contains('focus')")
    assert mark.evaluate("el => getComputedStyle(el).outlineStyle") == "solid"


def test_web_browser_entity_graph_is_interactive(page, atlas_url):
    page.goto(atlas_url + "/entities?type=Product")
    page.locator("#entities a", has_text="HX-101").click()
    page.wait_for_selector("#graph[data-ready='1']")
    assert int(page.locator("#graph").get_attribute("data-nodes")) >= 3
    names = page.evaluate("window.CGTATLAS_CY.nodes().map(n => n.data('name'))")
    assert "CD19" in names


def test_web_browser_english_toggle_keeps_names(page, atlas_url):
    page.goto(atlas_url + "/pipeline")
    page.locator("a.lang").click()
    page.wait_for_url(re.compile(r"lang=en"))
    assert page.locator("h1").inner_text() == "Product pipeline"
    assert "HX-101" in page.locator("#pipeline").inner_text()
    page.goto(atlas_url + "/")  # the cookie keeps English
    assert page.locator("h1").first.inner_text() == "Overview"


UPLOAD_TEXT = "澄川细胞治疗有限公司宣布，其CAR-T产品CC-301获得国家药品监督管理局临床试验默示许可。\n"


def test_web_browser_upload_needs_the_token_then_links_to_the_document(page, tmp_path, serve_app):
    from cgtatlas.settings import get_settings

    upload_file = {"name": "upload_news.txt", "mimeType": "text/plain", "buffer": UPLOAD_TEXT.encode()}
    with serve_app(get_settings(db=str(tmp_path / "atlas.db"), token="s3cret")) as url:
        page.goto(url + "/upload")
        page.set_input_files("#upload-form input[type=file]", upload_file)
        page.click("#upload-form button[type=submit]")
        page.wait_for_selector("#upload-status:has-text('401')")
        assert page.locator("#upload-results").is_hidden()

        page.fill("#upload-form input[name=token]", "s3cret")
        page.set_input_files("#upload-form input[type=file]", upload_file)
        page.click("#upload-form button[type=submit]")
        row = page.locator("#upload-results tbody tr").first
        row.wait_for()
        assert row.locator("td").nth(0).inner_text() == "upload_news.txt"
        assert row.locator("td").nth(1).inner_text() == "stored"
        row.locator("a").click()
        page.wait_for_url(re.compile(r"/documents/\w+$"))
        assert page.locator("mark.t-Product", has_text="CC-301").count() >= 1
