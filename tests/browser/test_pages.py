"""The built book in a real browser: every page loads offline with its assets, figures, maths and tables.

Serves ``_build/html`` on 127.0.0.1 and drives the system Chromium (Debian package ``chromium``) with
Playwright; no browser is downloaded. Skipped, with the reason, when Chromium or the built book is missing.
Screenshots of the landing page, one chapter and the scorecard at desktop and phone widths are saved in
``_build/screenshots/``.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

import pytest

from analysis.data.paths import project_root
from analysis.report.pdf import CHROMIUM_ARGS

HTML = project_root() / "_build" / "html"
SHOTS = project_root() / "_build" / "screenshots"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHAPTERS_WITH_FIGURES = ("notebooks/01_data", "notebooks/02_trends", "notebooks/03_claim60")
MATH_PAGES = ("notebooks/03_claim60",)
WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}

pytestmark = [
    pytest.mark.skipif(
        CHROMIUM is None, reason="Chromium not installed (apt-get install chromium); browser checks skipped"
    ),
    pytest.mark.skipif(not (HTML / "index.html").exists(), reason="book not built (make book); browser checks skipped"),
]


def _pages() -> list[str]:
    pages = sorted(str(p.relative_to(HTML).with_suffix("")) for p in HTML.rglob("*.html"))
    return [p for p in pages if p not in ("genindex", "search", "index") and not p.startswith("_")]


@pytest.fixture(scope="module")
def server():
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(HTML))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        instance = pw.chromium.launch(
            executable_path=CHROMIUM,
            args=[*CHROMIUM_ARGS, "--disable-quic"],
        )
        yield instance
        instance.close()


@contextmanager
def _visit(browser, url: str, viewport=(1280, 900)):
    """Open ``url`` in a new page, recording requests that leave the host, failures and JS errors; close it after."""
    page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})
    record = {"external": [], "failed": [], "errors": []}
    host = urlparse(url).hostname

    def on_request(request):
        if urlparse(request.url).hostname not in (host, None) and not request.url.startswith("data:"):
            record["external"].append(request.url)

    page.on("request", on_request)
    # the browser asks for /favicon.ico on its own; the book does not reference one
    page.on(
        "response",
        lambda r: (
            r.status >= 400 and not r.url.endswith("/favicon.ico") and record["failed"].append(f"{r.status} {r.url}")
        ),
    )
    page.on("pageerror", lambda exc: record["errors"].append(str(exc)))
    # failed loads are checked through the responses above (the favicon excepted)
    page.on(
        "console",
        lambda msg: (
            msg.type == "error"
            and not msg.text.startswith("Failed to load resource")
            and record["errors"].append(msg.text)
        ),
    )
    try:
        yield page, page.goto(url, wait_until="networkidle"), record
    finally:
        page.close()


@pytest.mark.parametrize("name", _pages() if (HTML / "index.html").exists() else [])
def test_page_loads_offline_with_all_assets(browser, server, name):
    with _visit(browser, f"{server}/{name}.html") as (page, response, record):
        assert response is not None and response.status == 200
        assert record["external"] == [], f"requests left 127.0.0.1: {record['external']}"
        assert record["failed"] == [], f"missing assets: {record['failed']}"
        assert record["errors"] == [], f"JavaScript errors: {record['errors']}"
        broken = page.eval_on_selector_all(
            "img", "imgs => imgs.filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src)"
        )
        assert broken == [], f"images that did not render: {broken}"
        text = page.inner_text("main")
        assert "\\frac" not in text and "$$" not in text, "raw TeX left on the page"


@pytest.mark.parametrize("name", CHAPTERS_WITH_FIGURES)
def test_chapter_shows_its_figures(browser, server, name):
    with _visit(browser, f"{server}/{name}.html") as (page, _, _):
        assert page.locator("figure img").count() >= 2
        assert page.locator("figcaption").count() >= 2


@pytest.mark.parametrize("name", MATH_PAGES)
def test_maths_is_rendered_by_local_mathjax(browser, server, name):
    with _visit(browser, f"{server}/{name}.html") as (page, _, record):
        page.wait_for_selector("mjx-container", timeout=15000)
        assert page.locator("mjx-container").count() >= 1
        assert record["external"] == []


def test_scorecard_table_and_downloads(browser, server):
    with _visit(browser, f"{server}/notebooks/06_scorecard.html") as (page, _, _):
        rows = page.locator("table.hwm-scorecard tbody tr").count()
        assert rows >= 5
        assert page.locator(".hwm-badge").count() == rows
        hrefs = page.eval_on_selector_all("a.download, a[download], a.reference.download", "as => as.map(a => a.href)")
        assert any(h.endswith("claims.csv") for h in hrefs) and any(h.endswith("claims.json") for h in hrefs)


@pytest.mark.parametrize("width", WIDTHS)
def test_screenshots_and_phone_layout(browser, server, width):
    SHOTS.mkdir(parents=True, exist_ok=True)
    for name in ("book/intro", "notebooks/03_claim60", "notebooks/06_scorecard"):
        with _visit(browser, f"{server}/{name}.html", WIDTHS[width]) as (page, _, _):
            page.screenshot(path=str(SHOTS / f"{Path(name).name}-{width}.png"), full_page=False)
            overflow = page.evaluate("document.querySelector('main').scrollWidth - window.innerWidth")
            if width == "phone":
                assert overflow <= 2, f"{name}: main content wider than the {WIDTHS[width][0]} px screen"
