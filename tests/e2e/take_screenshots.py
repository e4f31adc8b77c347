"""Screenshots of the main pages for the README (docs/*.png).

Run against a served atlas (e.g. `cgtatlas demo --db /tmp/demo.db --port 8765`):
    .venv/bin/python tests/e2e/take_screenshots.py http://127.0.0.1:8765 docs
Uses Debian's Chromium through Playwright, animation off.
"""
from __future__ import annotations

import json
import sys
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]


def get_json(base: str, path: str):
    with urllib.request.urlopen(base + path) as response:
        return json.load(response)


def pick_pages(base: str) -> dict[str, str]:
    """The pages to show: the best-connected company and the richest document."""
    companies = get_json(base, "/api/entities?type=Company&sort=documents&limit=1")["items"]
    docs = get_json(base, "/api/documents?limit=50")["items"]
    doc = max(docs, key=lambda d: d.get("n_mentions") or 0)
    return {"overview": "/", "entity": f"/entities/{companies[0]['id']}",
            "document": f"/documents/{doc['id']}", "graph": "/graph", "pipeline": "/pipeline"}


def main(base: str, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=ARGS)
        context = browser.new_context(viewport={"width": 1440, "height": 900}, locale="zh-CN")
        context.add_init_script("window.CGTATLAS_NO_ANIMATION = true;")
        page = context.new_page()
        for name, path in pick_pages(base).items():
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(800)  # let the graph layout settle before the picture
            page.screenshot(path=str(out / f"{name}.png"))
            print(out / f"{name}.png")
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1].rstrip("/"), Path(sys.argv[2]))
