"""The PDF loses nothing: every table and code cell the HTML shows is in it, and nothing is cut at the margin.

Builds the single-page HTML (``python -m analysis.build --builder singlehtml``, as ``make pdf`` does; the
notebooks come from the execution cache), prints it once on A4 with :func:`analysis.report.pdf.make_pdf`,
and checks:

* under print media, laid out at the printable width of A4 and of letter paper, no element's box reaches
  past the printable area and no element clips or scrolls its content (checked again with the collapsed
  code cells opened: they are not printed, but would fit if a chapter showed them);
* every column header of every table, and the last and the longest line of every code cell, that the
  HTML shows (screen media: collapsed cells do not count) is in the PDF's text (pypdf), each table's
  headers on one page; code cells that the HTML collapses are absent;
* figures are printed whole with their captions (``break-inside: avoid``, shorter than a page);
* the cover (title, version = commit, date, licence, citation), the contents with the right page numbers,
  a page number on every page, the paper size, and the landing page's link to the PDF.

Skipped, with the reason, when Chromium is not installed.
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from analysis.data.paths import project_root
from analysis.report import pdf
from analysis.report.cover import cover_facts

ROOT = project_root()
SINGLEHTML = ROOT / "_build" / "singlehtml"
PAPER_SIZES_PT = {"a4": (595.3, 841.9), "letter": (612.0, 792.0)}

pytestmark = pytest.mark.skipif(
    pdf.chromium_path() is None, reason="Chromium not installed (apt-get install chromium); PDF checks skipped"
)

#: Visible elements (under the current media) wider than the printable area, or clipping their content.
OVERFLOW_JS = """(width) => {
  const bad = [];
  for (const el of document.querySelectorAll('body *')) {
    if (!el.checkVisibility()) continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    const style = getComputedStyle(el);
    const clips = style.overflowX !== 'visible' && el.scrollWidth > el.clientWidth + 1;
    if (box.right > width + 0.5 || box.left < -0.5 || clips) {
      const what = `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`;
      bad.push(`${what} [${Math.round(box.left)}, ${Math.round(box.right)}] px${clips ? ', clips' : ''}: `
        + (el.textContent || '').trim().slice(0, 60));
    }
  }
  return bad;
}"""

#: What the HTML shows (run under screen media): table headers, code cells' lines, collapsed code cells.
SHOWN_JS = """() => {
  const article = document.querySelector('article.bd-article');
  const text = el => el.innerText.replace(/\\s+/g, ' ').trim();
  const tables = [...article.querySelectorAll('table')].filter(t => t.checkVisibility()).map(t => {
    const head = t.tHead ? [...t.tHead.querySelectorAll('th, td')] : [...(t.rows[0] ? t.rows[0].cells : [])];
    return head.filter(c => c.checkVisibility()).map(text).filter(Boolean);
  });
  const lines = pre => pre.textContent.split('\\n').filter(l => l.trim());
  const code = [...article.querySelectorAll('div.cell_input pre')];
  const shown = code.filter(p => p.checkVisibility()).map(lines);
  const collapsed = code.filter(p => !p.checkVisibility() && p.closest('details.hide')).map(lines);
  return {tables, shown, collapsed};
}"""

SHOW_COLLAPSED_JS = """() => {
  const style = document.createElement('style');
  style.textContent = '@media print { details.hide { display: block !important; } }';
  document.head.append(style);
  document.querySelectorAll('details.hide').forEach(d => { d.open = true; });
}"""

FIGURES_JS = """(pageHeight) => [...document.querySelectorAll('article figure')]
  .filter(f => f.checkVisibility() && f.querySelector('img'))
  .filter(f => getComputedStyle(f).breakInside !== 'avoid' || f.getBoundingClientRect().height > pageHeight
              || !f.querySelector('figcaption'))
  .map(f => f.id || f.textContent.trim().slice(0, 60))"""


def squash(text: str) -> str:
    """Text compared without whitespace, ligatures or compatibility characters (``ﬁ`` is ``fi``)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


@pytest.fixture(scope="module")
def page_file() -> Path:
    """The single-page HTML, built as ``make pdf`` builds it (fails with the build's own message)."""
    run = subprocess.run(
        [sys.executable, "-m", "analysis.build", "--builder", "singlehtml"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if run.returncode != 0:
        pytest.fail(f"the single-page build failed:\n{(run.stdout + run.stderr)[-3000:]}")
    return pdf.prepare_singlehtml(SINGLEHTML)


@pytest.fixture(scope="module")
def browser(page_file):
    with pdf.launch_chromium() as instance:
        yield instance


@pytest.fixture(scope="module")
def book_pdf(browser, tmp_path_factory) -> Path:
    """The A4 PDF, printed as ``make pdf`` prints it."""
    return pdf.make_pdf(ROOT, "a4", tmp_path_factory.mktemp("pdf") / "book.pdf", browser)


@pytest.fixture(scope="module")
def pdf_pages(book_pdf) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(book_pdf).pages]


@pytest.fixture(scope="module")
def shown(browser, page_file) -> dict[str, list]:
    """What a reader of the HTML sees: screen media, desktop width."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(page_file.as_uri(), wait_until="load")
    page.evaluate(pdf.WAIT_READY_JS)
    found = page.evaluate(SHOWN_JS)
    page.close()
    return found


@pytest.mark.parametrize("paper", sorted(pdf.PAPERS))
def test_nothing_is_wider_than_the_printable_area(browser, page_file, paper):
    page = pdf.open_for_print(browser, page_file, paper)
    pdf.prepare_for_print(page, cover_facts(ROOT))
    width = pdf.printable_width_px(paper)
    too_wide = page.evaluate(OVERFLOW_JS, width)
    height_px = (pdf.PAPERS[paper][1] - pdf.MARGINS_MM["top"] - pdf.MARGINS_MM["bottom"]) * pdf.PX_PER_MM
    broken_figures = page.evaluate(FIGURES_JS, height_px)
    page.evaluate(SHOW_COLLAPSED_JS)  # collapsed code is not printed, but would fit if a cell were shown
    too_wide_code = page.evaluate(OVERFLOW_JS, width)
    page.close()
    assert too_wide == [], f"{len(too_wide)} elements exceed the {width} px printable width:\n" + "\n".join(too_wide)
    assert broken_figures == [], f"figures that may be split from their caption: {broken_figures}"
    assert too_wide_code == [], "with collapsed cells shown:\n" + "\n".join(too_wide_code)


def test_every_table_header_is_in_the_pdf(shown, pdf_pages):
    pages = [squash(text) for text in pdf_pages]
    assert len(shown["tables"]) >= 10
    missing = []
    for headers in shown["tables"]:
        wanted = [squash(h) for h in headers]
        if not any(all(w in page for w in wanted) for page in pages):
            absent = [h for h, w in zip(headers, wanted, strict=True) if not any(w in page for page in pages)]
            missing.append(f"{headers} (not on one page; absent anywhere: {absent})")
    assert missing == [], "table headers missing from the PDF:\n" + "\n".join(missing)


def test_every_code_cell_is_in_the_pdf_whole(shown, pdf_pages):
    text = squash("".join(pdf_pages))
    assert len(shown["shown"]) + len(shown["collapsed"]) >= 20, "expected the book's code cells"
    missing = []
    for lines in shown["shown"]:
        for label, line in (("last", lines[-1]), ("longest", max(lines, key=len))):
            if squash(line) not in text:
                missing.append(f"{label} line: {line.strip()[:100]}")
    assert missing == [], "code lines missing from the PDF:\n" + "\n".join(missing)


def test_collapsed_cells_stay_out_of_the_pdf(shown, pdf_pages):
    text = squash("".join(pdf_pages))
    assert shown["collapsed"], "expected hide-input cells in the book"
    printed = [lines[0][:80] for lines in shown["collapsed"] if squash("".join(lines)) in text]
    assert printed == [], f"cells collapsed in the HTML are printed: {printed}"
    assert "Showcodecell" not in text


def test_cover_contents_and_page_numbers(book_pdf, pdf_pages):
    from pypdf import PdfReader

    facts = cover_facts(ROOT)
    cover = squash(pdf_pages[0])
    for fact in (facts.title, facts.subtitle, facts.commit.split()[0], facts.date, "MIT", facts.citation[:60]):
        assert squash(fact) in cover, f"cover lacks {fact!r}"
    assert "Contents" in pdf_pages[1]
    assert squash("Download this book as a PDF") not in squash("".join(pdf_pages)), "the PDF links to itself"
    total = len(pdf_pages)
    unnumbered = [i for i, text in enumerate(pdf_pages, 1) if f"{i} / {total}" not in text]
    assert unnumbered == [], f"pages without 'n / {total}' in the footer: {unnumbered}"
    width, height = (float(v) for v in PdfReader(book_pdf).pages[0].mediabox[2:])
    assert abs(width - PAPER_SIZES_PT["a4"][0]) < 2 and abs(height - PAPER_SIZES_PT["a4"][1]) < 2


def contents_entries(pdf_pages: list[str]) -> list[tuple[str, int]]:
    """(title, page) of every line of the contents, read from page 2 up to the page its first entry names."""
    footer = re.compile(rf"\d+ / {len(pdf_pages)}$")
    entries: list[tuple[str, int]] = []
    for index in range(1, len(pdf_pages)):
        if entries and index + 1 >= entries[0][1]:
            break
        for line in pdf_pages[index].splitlines():
            found = re.fullmatch(r"(.+?)\s+(\d+)", line.strip())
            if found and not footer.search(line.strip()):
                entries.append((found[1], int(found[2])))
    return entries


def test_contents_page_numbers_point_at_their_headings(pdf_pages):
    entries = contents_entries(pdf_pages)
    assert len(entries) >= 30, f"only {len(entries)} contents entries could be read"
    wrong = [
        f"{title!r} -> {page}"
        for title, page in entries
        if not 1 <= page <= len(pdf_pages) or squash(title) not in squash(pdf_pages[page - 1])
    ]
    assert wrong == [], "contents entries whose heading is not on the page they name:\n" + "\n".join(wrong)


def test_letter_paper_is_available(browser, page_file):
    from pypdf import PdfReader

    page = pdf.open_for_print(browser, page_file, "letter")
    data, numbers = pdf.print_with_contents(page, "letter", cover_facts(ROOT))
    page.close()
    reader = PdfReader(io.BytesIO(data))
    width, height = (float(v) for v in reader.pages[0].mediabox[2:])
    assert abs(width - PAPER_SIZES_PT["letter"][0]) < 2 and abs(height - PAPER_SIZES_PT["letter"][1]) < 2
    assert len(numbers) >= 30 and max(numbers.values()) <= len(reader.pages)


def test_landing_page_links_to_the_pdf(book_pdf):
    landing = ROOT / "_build" / "html" / "book" / "intro.html"
    if not landing.exists():
        pytest.skip("HTML book not built (make book)")
    links = re.findall(r'href="([^"]*book\.pdf)"', landing.read_text(encoding="utf-8"))
    assert links, "the landing page has no link to the PDF"
    assert all((landing.parent / link).resolve().is_file() for link in links), f"dead PDF links: {links}"
