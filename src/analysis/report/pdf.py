"""The whole book as one PDF: the single-page HTML printed by headless Chromium (``make pdf``).

``python -m analysis.report.pdf [--paper a4|letter]`` expects ``_build/singlehtml`` (``make pdf`` builds
it first) and writes ``_build/book.pdf``, and a copy at ``_build/html/book.pdf`` where the landing page
links to it. The layout comes from ``book/_static/print.css`` (loaded by every page, for print media
only): tables wrap and shrink, code wraps, figures keep their captions, hidden cells stay hidden.

The page opened in Chromium (through Playwright, with the system ``chromium``; nothing is downloaded)
gets a cover (:mod:`analysis.report.cover`) and a table of contents built from its h2/h3 headings. A
table of contents with page numbers takes two prints: the first finds on which page each heading
lands (Chromium writes a named destination for every link target, read back with pypdf), the numbers
are written into the contents and the page is printed again. The numbers sit in fixed-width boxes, so
writing them moves nothing; the second print is checked, and printed again if a number moved.
"""

from __future__ import annotations

import argparse
import io
import math
import shutil
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from analysis.data.paths import project_root
from analysis.report.cover import CoverFacts, cover_facts, cover_html

#: Paper sizes offered, in millimetres (width, height), keyed by the name ``make pdf PAPER=...`` takes.
PAPERS = {"a4": (210.0, 297.0), "letter": (215.9, 279.4)}
#: Chromium's name for each paper size (it defines them exactly; millimetres would be rounded to pixels).
PAPER_FORMATS = {"a4": "A4", "letter": "Letter"}
DEFAULT_PAPER = "a4"
MARGINS_MM = {"top": 14.0, "right": 16.0, "bottom": 18.0, "left": 16.0}
PX_PER_MM = 96 / 25.4
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
MAX_PRINTS = 4

WAIT_READY_JS = """async () => {
  if (window.MathJax && MathJax.startup && MathJax.startup.promise) { await MathJax.startup.promise; }
  await document.fonts.ready;
  await Promise.all([...document.images].filter(i => !i.complete)
    .map(i => new Promise(done => { i.onload = i.onerror = done; })));
}"""

#: Put the cover and an empty table of contents in front of the article; return the headings' new ids.
FRONT_MATTER_JS = """([coverHtml, title]) => {
  const article = document.querySelector('article.bd-article') || document.body;
  const headings = [...article.querySelectorAll('section > h2, section > h3')]
    .filter(h => h.offsetParent !== null);
  const list = document.createElement('ol');
  const ids = headings.map((h, i) => {
    h.id = h.id || `hwm-toc-${i}`;
    const li = document.createElement('li');
    li.className = `hwm-toc-${h.tagName.toLowerCase()}`;
    const link = document.createElement('a');
    link.href = `#${h.id}`;
    link.textContent = [...h.childNodes].filter(n => !(n.classList && n.classList.contains('headerlink')))
      .map(n => n.textContent).join('').trim();
    li.append(link);
    li.insertAdjacentHTML('beforeend',
      `<span class="hwm-toc-dots"></span><span class="hwm-toc-page" data-target="${h.id}"></span>`);
    list.append(li);
    return h.id;
  });
  const cover = document.createElement('section');
  cover.id = 'hwm-cover';
  cover.innerHTML = coverHtml;
  const toc = document.createElement('nav');
  toc.id = 'hwm-toc';
  toc.innerHTML = '<h2 class="hwm-toc-title">Contents</h2>';
  toc.append(list);
  article.prepend(cover, toc);
  document.title = title;
  return ids;
}"""

#: Mark cells with a long unbroken word (breakable anywhere). A table still wider than the page gets smaller
#: type; one still too wide then breaks every cell anywhere. Returns how many tables took each step.
FIT_TABLES_JS = """(longest) => {
  for (const cell of document.querySelectorAll('td, th')) {
    if (cell.textContent.split(/\\s+/).some(word => word.length > longest)) {
      cell.classList.add('hwm-wrap-anywhere');
    }
  }
  const limit = document.documentElement.clientWidth;
  const tooWide = table => table.getBoundingClientRect().right > limit;
  const steps = [0, 0];
  for (const table of document.querySelectorAll('table')) {
    ['hwm-squeeze', 'hwm-squeeze-anywhere'].forEach((step, i) => {
      if (tooWide(table)) { table.classList.add(step); steps[i] += 1; }
    });
  }
  return steps;
}"""
#: Words longer than this (in characters) may break anywhere in a printed table cell.
LONGEST_UNBROKEN_WORD = 16

SET_PAGES_JS = """(pages) => {
  for (const box of document.querySelectorAll('#hwm-toc .hwm-toc-page')) {
    box.textContent = pages[box.dataset.target] ?? '';
  }
}"""


def chromium_path() -> str | None:
    """The system Chromium (Debian package ``chromium``), or None."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


def printable_width_px(paper: str) -> int:
    """Width of the printable area in CSS pixels (the layout width of a printed page)."""
    width_mm = PAPERS[paper][0] - MARGINS_MM["left"] - MARGINS_MM["right"]
    return math.floor(width_mm * PX_PER_MM)


def prepare_singlehtml(singlehtml: Path) -> Path:
    """Make the single page's assets reachable and return it.

    Jupyter Book writes the page to ``singlehtml/book/intro.html`` (the root page is ``book/intro``) but
    links its assets as if it sat in ``singlehtml/``: the asset folders are copied beside it.
    """
    page = singlehtml / "book" / "intro.html"
    if not page.is_file():
        raise FileNotFoundError(f"{page} not found: build it with `python -m analysis.build --builder singlehtml`")
    for folder in ("_static", "_images"):
        if (singlehtml / folder).is_dir():
            shutil.copytree(singlehtml / folder, page.parent / folder, dirs_exist_ok=True)
    return page


@contextmanager
def launch_chromium() -> Iterator[Any]:
    """A headless system Chromium driven by Playwright, closed on exit."""
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    if executable is None:
        raise FileNotFoundError("Chromium not found: install it (Debian: apt-get install chromium)")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=executable, args=list(CHROMIUM_ARGS))
        try:
            yield browser
        finally:
            browser.close()


def open_for_print(browser: Any, page_file: Path, paper: str = DEFAULT_PAPER) -> Any:
    """Open ``page_file`` as it prints: print media, the printable width, maths, fonts and images ready."""
    page = browser.new_page(viewport={"width": printable_width_px(paper), "height": 1000})
    page.emulate_media(media="print")
    page.goto(page_file.as_uri(), wait_until="load")
    page.evaluate(WAIT_READY_JS)
    return page


def footer_template(title: str) -> str:
    """Chromium's footer: the book's title on the left, ``page / pages`` on the right."""
    padding = f"0 {MARGINS_MM['right']}mm 0 {MARGINS_MM['left']}mm"
    return (
        f'<div style="font-size:8px;color:#555;width:100%;box-sizing:border-box;padding:{padding};display:flex;'
        f'justify-content:space-between;font-family:sans-serif">'
        f'<span class="title"></span><span><span class="pageNumber"></span> / '
        f'<span class="totalPages"></span></span></div>'
    )


def print_pdf(page: Any, paper: str, title: str) -> bytes:
    """Print the open page: paper size, margins, footer with page numbers, PDF bookmarks from headings."""
    return page.pdf(
        format=PAPER_FORMATS[paper],
        margin={side: f"{mm}mm" for side, mm in MARGINS_MM.items()},
        print_background=True,
        display_header_footer=True,
        header_template="<span></span>",
        footer_template=footer_template(title),
        prefer_css_page_size=False,
        outline=True,
        tagged=True,
    )


def destination_pages(pdf: bytes) -> dict[str, int]:
    """Page number (1-based) of every named destination of a PDF, keyed by name without the slash."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    pages = {}
    for name, destination in reader.named_destinations.items():
        number = reader.get_destination_page_number(destination)
        if number is not None and number >= 0:
            pages[str(name).lstrip("/")] = number + 1
    return pages


def book_title(facts: CoverFacts) -> str:
    """The title as the PDF's metadata and footer show it."""
    return f"{facts.title}: {facts.subtitle}" if facts.subtitle else facts.title


def prepare_for_print(page: Any, facts: CoverFacts) -> list[str]:
    """Add the cover and the (unnumbered) contents, fit the tables; return the ids the contents point at."""
    ids = page.evaluate(FRONT_MATTER_JS, [cover_html(facts), book_title(facts)])
    page.evaluate(FIT_TABLES_JS, LONGEST_UNBROKEN_WORD)
    return ids


def print_with_contents(page: Any, paper: str, facts: CoverFacts) -> tuple[bytes, dict[str, int]]:
    """Prepare the page, then print until every contents entry shows the page its heading is on."""
    title = book_title(facts)
    ids = prepare_for_print(page, facts)
    shown: dict[str, int] = {}
    for _ in range(MAX_PRINTS):
        pdf = print_pdf(page, paper, title)
        found = destination_pages(pdf)
        actual = {key: found[key] for key in ids if key in found}
        if actual == shown:
            return pdf, actual
        page.evaluate(SET_PAGES_JS, actual)
        shown = actual
    raise RuntimeError(f"the contents' page numbers did not settle after {MAX_PRINTS} prints")


def make_pdf(
    root: Path | None = None, paper: str = DEFAULT_PAPER, out: Path | None = None, browser: Any = None
) -> Path:
    """Print ``_build/singlehtml`` to ``out`` (default ``_build/book.pdf``), copy it into ``_build/html``.

    ``browser``: a Playwright browser to use (one is launched, and closed after, when it is None).
    """
    if browser is None:
        with launch_chromium() as launched:
            return make_pdf(root, paper, out, launched)
    root = root or project_root()
    build = root / "_build"
    out = out or build / "book.pdf"
    page = open_for_print(browser, prepare_singlehtml(build / "singlehtml"), paper)
    try:
        pdf, _ = print_with_contents(page, paper, cover_facts(root))
    finally:
        page.close()
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".pdf.tmp")
    tmp.write_bytes(pdf)
    tmp.replace(out)
    if (build / "html").is_dir():
        shutil.copyfile(out, build / "html" / "book.pdf")
    return out


def page_count(pdf: Path) -> int:
    """Number of pages of a PDF file."""
    from pypdf import PdfReader

    return len(PdfReader(pdf).pages)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis.report.pdf", description=__doc__.splitlines()[0])
    parser.add_argument("--paper", default=DEFAULT_PAPER, type=str.lower, choices=sorted(PAPERS))
    parser.add_argument("--out", type=Path, default=None, help="where to write the PDF (default _build/book.pdf)")
    args = parser.parse_args(argv)
    start = time.monotonic()
    try:
        out = make_pdf(paper=args.paper, out=args.out)
    except (FileNotFoundError, RuntimeError) as exc:
        print(f"make pdf: {exc}", file=sys.stderr)
        return 1
    size = out.stat().st_size / 1e6
    print(f"PDF: {out} ({page_count(out)} pages, {args.paper}, {size:.1f} MB, {time.monotonic() - start:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
