"""The bibliography a reader can follow (issue 14, section 5).

Every key cited in the pages exists in ``book/references.bib``; every cited work has a DOI or an address
at its publisher, never a mirror or proxy; entries without any address say why in a ``note``; the
reference list is labelled author-year; and the "How to cite" page says what ``CITATION.cff`` says.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml
from pybtex.database import BibliographyData, parse_file, parse_string
from pybtex.plugin import find_plugin

from analysis.report import bibstyle, cite
from analysis.report.cover import read_citation

ROOT = Path(__file__).resolve().parents[1]
BIB = ROOT / "book" / "references.bib"
PAGES = sorted((ROOT / "notebooks").glob("*.md")) + sorted((ROOT / "book").glob("*.md"))

# Hosts that copy or proxy other publishers' documents: never a work's address in the bibliography.
MIRROR_HOSTS = (
    "pdfslide.us",
    "pdfslide.net",
    "melakarnets.com",
    "essensys.ro",
    "readkong.com",
    "vdocuments.us",
    "vdocuments.mx",
    "vdocuments.site",
    "vdocuments.net",
    "1library.org",
    "1library.net",
    "123docz.net",
    "123doc.top",
    "123dok.org",
    "123dok.net",
    "docslib.org",
    "docplayer.net",
    "fdocuments.in",
    "fdocuments.net",
    "lawsdocbox.com",
    "studylib.net",
    "moam.info",
    "pdfprof.com",
    "docest.com",
    "scribd.com",
    "yumpu.com",
    "proxy-redirect.netlify.app",
    "test-cms.who.int",
    "open-test.enabel.be",
)

# Cited works with no public address found (the documents the book checks, read from copies): each must
# say so in a ``note`` with what identifies it. Remove a key from here when its address is found.
NO_PUBLIC_ADDRESS = {
    "psi_panel4_2018": "PSI panel description, 2018 (undated note)",
    "wssd_partnership_2002": "WSSD type-II partnership information sheet, 2002",
}

CITE_ROLE = re.compile(r"\{cite(?::[a-z]+)?\}`([^`]+)`")


def cited_keys(paths: list[Path]) -> dict[str, list[str]]:
    """Every key of a ``{cite}``, ``{cite:t}``, ``{cite:p}`` ... role, with the pages that cite it."""
    keys: dict[str, list[str]] = {}
    for path in paths:
        for match in CITE_ROLE.finditer(path.read_text(encoding="utf-8")):
            for key in match.group(1).split(","):
                keys.setdefault(key.strip(), []).append(path.name)
    return keys


def is_mirror(url: str) -> bool:
    host = (urlparse(url).hostname or "").lower()
    return any(host == m or host.endswith("." + m) for m in MIRROR_HOSTS)


def address_problem(fields: dict[str, str]) -> str | None:
    """Why an entry cannot be followed (no DOI and no publisher address), or None."""
    url = fields.get("url", "").strip()
    if url and is_mirror(url):
        return f"its address is a mirror or proxy: {url}"
    if fields.get("doi", "").strip():
        return None
    if not url:
        return "it has neither a DOI nor an address"
    if urlparse(url).scheme not in ("http", "https") or not urlparse(url).hostname:
        return f"its address is not a web address: {url}"
    return None


def problems(bib: BibliographyData, keys: list[str]) -> dict[str, str]:
    out = {}
    for key in keys:
        if key not in bib.entries:
            out[key] = "no such entry in the bibliography"
        elif (why := address_problem(dict(bib.entries[key].fields))) is not None:
            out[key] = why
    return out


@pytest.fixture(scope="module")
def bib() -> BibliographyData:
    return parse_file(str(BIB))


def test_the_pages_cite_something():
    assert cited_keys(PAGES), "no {cite} role found: the pattern or the page list is wrong"


def test_every_cited_key_exists_and_can_be_followed(bib):
    keys = cited_keys(PAGES)
    found = problems(bib, sorted(keys))
    for key in NO_PUBLIC_ADDRESS:
        if key in found and found[key].startswith("it has neither"):
            assert bib.entries[key].fields.get("note", "").strip(), f"{key}: say in a note why it has no address"
            del found[key]
    assert found == {}


def test_the_exceptions_are_still_exceptions(bib):
    """An entry listed as having no public address must not have gained one (then drop it from the list)."""
    for key in NO_PUBLIC_ADDRESS:
        fields = bib.entries[key].fields
        assert not fields.get("url") and not fields.get("doi"), f"{key} has an address now: remove the exception"


def test_every_entry_has_a_doi_or_publisher_address_or_says_why_not(bib):
    bad = {}
    for key, entry in bib.entries.items():
        fields = dict(entry.fields)
        why = address_problem(fields)
        if why is not None and not (why.startswith("it has neither") and fields.get("note", "").strip()):
            bad[key] = why
    assert bad == {}


def test_the_checks_catch_a_missing_address_a_mirror_and_a_missing_key():
    bib = parse_string(
        """
        @misc{no_address, author = {{OECD}}, title = {Something}, year = {2019}}
        @misc{mirrored, author = {Doe, Jane}, title = {Slides}, year = {2006},
              url = {https://pdfslide.net/documents/slides.html}}
        @misc{proxied, author = {{WHO}}, title = {Page}, year = {2020},
              url = {https://melakarnets.com/proxy/index.php?q=https%3A%2F%2Fwww.who.int%2F}}
        @article{good, author = {Roe, R.}, title = {Paper}, journal = {J}, year = {2015}, doi = {10.1/x}}
        """,
        "bibtex",
    )
    found = problems(bib, ["no_address", "mirrored", "proxied", "good", "missing"])
    assert set(found) == {"no_address", "mirrored", "proxied", "missing"}
    assert "neither" in found["no_address"] and "mirror" in found["mirrored"]
    page = "See {cite}`good,missing` and {cite:t}`mirrored`; {cite:p}`no_address`."
    tmp = ROOT / "tests" / "__cite_probe__.md"
    try:
        tmp.write_text(page, encoding="utf-8")
        assert set(cited_keys([tmp])) == {"good", "missing", "mirrored", "no_address"}
    finally:
        tmp.unlink()


def test_no_entry_points_at_a_mirror(bib):
    assert {k: e.fields["url"] for k, e in bib.entries.items() if is_mirror(e.fields.get("url", ""))} == {}


def test_corporate_authors_are_braced(bib):
    """A corporate author parsed as a person gets a first name ("World Health" "Organization")."""
    corporate = re.compile(r"Organi[sz]ation|OECD|Bank|Council|Forum|International|Digital|Treasury")
    for key, entry in bib.entries.items():
        for person in entry.persons.get("author", []):
            if corporate.search(str(person)):
                assert not person.first_names, f"{key}: brace the corporate author {person}"


def test_titles_protect_acronyms_and_proper_nouns(bib):
    """Sentence case lower-cases unbraced words: NHS, HCHS, OECD, WHO, country names, German nouns."""
    must_be_braced = ("NHS", "HCHS", "OECD", "WHO", "ISO", "Kenya", "Africa", "Morocco", "Belgium", "Pflegekr")
    for key, entry in bib.entries.items():
        unbraced = re.sub(r"\{[^{}]*(\{[^{}]*\}[^{}]*)*\}", "", entry.fields.get("title", ""))
        for word in must_be_braced:
            assert word not in unbraced, f"{key}: brace {word!r} in the title"


def labels(bib: BibliographyData) -> list[str]:
    bibstyle.register()
    style = find_plugin("pybtex.style.formatting", bibstyle.STYLE_NAME)()
    return [entry.label for entry in style.format_entries(bib.entries.values())]


def test_reference_list_is_labelled_author_year(bib):
    found = labels(bib)
    assert "Clemens 2015" in found and "Clemens n.d." in found and "Mills et al. 2011" in found
    assert "International Labour Organization et al. 2017" in found
    for label in found:
        assert re.fullmatch(r".+ (\d{4}|n\.d\.)[a-z]?", label), label
        assert "{" not in label and "\\" not in label, label
    assert len(found) == len(set(found)), "labels must be unique"


def test_labels_disambiguate_same_author_and_year():
    bib = parse_string(
        "@misc{a, author = {{OECD}}, title = {B}, year = {2019}}\n"
        "@misc{b, author = {{OECD}}, title = {A}, year = {2019}}\n"
        "@misc{c, author = {van de Pas, Remco and Hinlopen, Corinne}, title = {C}, year = {n.d.}}\n",
        "bibtex",
    )
    assert labels(bib) == ["OECD 2019a", "OECD 2019b", "van de Pas and Hinlopen n.d."]


def test_config_uses_the_author_year_styles():
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    sphinx = config["sphinx"]
    assert "analysis.report.bibstyle" in sphinx["extra_extensions"]
    assert sphinx["config"]["bibtex_default_style"] == bibstyle.STYLE_NAME
    assert sphinx["config"]["bibtex_reference_style"] == "author_year"
    assert config["bibtex_bibfiles"] == ["book/references.bib"]


def test_cite_page_is_generated_from_citation_cff():
    cff = read_citation(ROOT)
    page = (ROOT / cite.PAGE).read_text(encoding="utf-8")
    assert page == cite.cite_page(cff), "book/cite.md is stale: run python -m analysis.report.cite"
    for value in (cff["title"], str(cff["version"]), "MIT License", "```bibtex"):
        assert value in page
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    about = next(p for p in toc["parts"] if p["caption"] == "About this book")
    assert {"file": "book/cite"} in about["chapters"]


def test_cite_page_bibtex_parses_and_follows_the_cff():
    cff = {
        "title": "A book: on 100% of things",
        "authors": [{"name": "Some Group"}, {"given-names": "Ada", "family-names": "Lovelace"}],
        "version": "2.0.1",
        "date-released": "2030-01-02",
        "license": "MIT",
        "repository-code": "https://example.org/repo",
    }
    entry = parse_string(cite.bibtex_entry(cff, key="k"), "bibtex").entries["k"]
    assert [str(p) for p in entry.persons["author"]] == ["{Some Group}", "Lovelace, Ada"]
    assert entry.fields["version"] == "2.0.1" and entry.fields["year"] == "2030"
    assert entry.fields["url"] == "https://example.org/repo"
    text = cite.citation_text(cff)
    assert (
        text
        == "Some Group, Ada Lovelace (2030). *A book: on 100% of things*. Version 2.0.1. <https://example.org/repo>"
    )
    assert cite.cite_page(cff) != cite.cite_page({**cff, "version": "2.0.2"})
