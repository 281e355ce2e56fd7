"""The "How to cite this book" page (``book/cite.md``), generated from ``CITATION.cff``.

The page is a plain MyST file so that the book builds without running code; ``tests/test_bibliography.py``
checks that it is exactly what :func:`cite_page` makes from the current ``CITATION.cff``. After editing
``CITATION.cff``, regenerate it with ``python -m analysis.report.cite``.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from analysis.report.cover import author_names, read_citation

PAGE = Path("book") / "cite.md"

LICENCE_NAMES = {
    "MIT": "MIT License",
    "Apache-2.0": "Apache License 2.0",
    "CC-BY-4.0": "Creative Commons Attribution 4.0 International",
    "CC0-1.0": "Creative Commons Zero 1.0 Universal",
}


def _year(cff: dict[str, object]) -> str:
    return str(cff.get("date-released", ""))[:4] or "n.d."


def citation_text(cff: dict[str, object]) -> str:
    """Authors (year). *Title*. Version x. Address (when ``CITATION.cff`` gives one)."""
    address = cff.get("url") or cff.get("repository-code") or ""
    parts = [
        f"{author_names(cff)} ({_year(cff)}).",
        f"*{cff.get('title', 'Untitled')}*.",
        f"Version {cff.get('version', 'unversioned')}.",
    ]
    if address:
        parts.append(f"<{address}>")
    return " ".join(parts)


def _bibtex_escape(text: str) -> str:
    return re.sub(r"([&%$#_])", r"\\\1", text)


def bibtex_names(cff: dict[str, object]) -> str:
    """Authors for BibTeX: a corporate ``name`` in double braces, a person as ``family, given``."""
    names = []
    for author in cff.get("authors") or []:
        if not isinstance(author, dict):
            continue
        if author.get("name"):
            names.append("{" + _bibtex_escape(str(author["name"])) + "}")
        else:
            family = _bibtex_escape(str(author.get("family-names", "")).strip())
            given = _bibtex_escape(str(author.get("given-names", "")).strip())
            names.append(f"{family}, {given}" if given else family)
    return " and ".join(n for n in names if n.strip(", ")) or "{Anonymous}"


def bibtex_entry(cff: dict[str, object], key: str = "hwm_checking_the_numbers") -> str:
    """A BibTeX ``@misc`` entry (readable by BibTeX and biblatex) for the book."""
    fields = [
        ("author", bibtex_names(cff)),
        ("title", "{" + _bibtex_escape(str(cff.get("title", "Untitled"))) + "}"),
        ("year", _year(cff)),
        ("version", str(cff.get("version", ""))),
        ("note", f"Version {cff.get('version')}" if cff.get("version") else ""),
        ("date", str(cff.get("date-released", ""))),
        ("license", str(cff.get("license", ""))),
        ("url", str(cff.get("url") or cff.get("repository-code") or "")),
        ("doi", str(cff.get("doi", ""))),
    ]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if value)
    return f"@misc{{{key},\n{body}\n}}"


def cite_page(cff: dict[str, object]) -> str:
    """The MyST text of ``book/cite.md``."""
    licence = str(cff.get("license", ""))
    licence_name = LICENCE_NAMES.get(licence, licence or "see the LICENSE file")
    lines = [
        "# How to cite this book",
        "",
        "<!-- Generated from CITATION.cff by `python -m analysis.report.cite`; do not edit by hand. -->",
        "",
        str(cff.get("message", "")).strip(),
        "",
        "| Item | Value |",
        "|---|---|",
        f"| Title | {cff.get('title', 'Untitled')} |",
        f"| Authors | {author_names(cff)} |",
        f"| Version | {cff.get('version', 'unversioned')} |",
        f"| Released | {cff.get('date-released', 'not stated')} |",
        f"| Licence | {licence_name} (the text and code; each data set keeps its publisher's terms, "
        "listed in the data chapter) |",
        "",
        "## Suggested citation",
        "",
        citation_text(cff),
        "",
        "## BibTeX",
        "",
        "```bibtex",
        bibtex_entry(cff),
        "```",
        "",
        "## Licence",
        "",
        f"The book's text and code are released under the {licence_name}; the full text is in the "
        "repository's `LICENSE` file. The data the book uses are not covered by it: each data set is "
        "used under its publisher's terms, listed with its source in the data chapter, and the works the "
        "book cites are listed in the [references](references.md).",
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Write ``book/cite.md`` from ``CITATION.cff`` under the project root (the current folder by default)."""
    args = sys.argv[1:] if argv is None else argv
    root = Path(args[0]) if args else Path.cwd()
    (root / PAGE).write_text(cite_page(read_citation(root)), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
