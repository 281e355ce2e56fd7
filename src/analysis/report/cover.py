"""The PDF's cover page: title, subtitle, version (git commit), build date, licence and how to cite.

Everything comes from ``CITATION.cff`` and ``git``; :mod:`analysis.report.pdf` puts the HTML made here in
front of the single-page book before printing it.
"""

from __future__ import annotations

import datetime as dt
import html
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

import yaml

DATA_LICENCES = "data: each publisher's terms, listed in the data chapter"


@dataclass(frozen=True)
class CoverFacts:
    """What the cover says."""

    title: str
    subtitle: str
    authors: str
    version: str
    commit: str
    date: str
    licence: str
    citation: str


def read_citation(root: Path) -> dict[str, object]:
    """The fields of ``CITATION.cff`` (empty when the file is missing)."""
    path = root / "CITATION.cff"
    if not path.is_file():
        return {}
    fields = yaml.safe_load(path.read_text(encoding="utf-8"))
    return fields if isinstance(fields, dict) else {}


def git_commit(root: Path) -> str:
    """Short hash of ``HEAD``, with ``+ uncommitted changes`` when the work tree differs; ``unknown`` without git."""
    try:
        run = {"cwd": root, "capture_output": True, "text": True, "check": True, "timeout": 20}
        commit = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], **run).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], **run).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return f"{commit} + uncommitted changes" if dirty else commit


def build_date() -> str:
    """Today (UTC) as YYYY-MM-DD, or the date of ``$SOURCE_DATE_EPOCH`` when set (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch else dt.datetime.now(dt.UTC)
    return moment.date().isoformat()


def author_names(cff: dict[str, object]) -> str:
    """Authors as written in a citation: ``name``, or ``given-names family-names``, joined by commas."""
    names = []
    for author in cff.get("authors") or []:
        if isinstance(author, dict):
            name = author.get("name") or " ".join(str(author.get(k, "")) for k in ("given-names", "family-names"))
            names.append(str(name).strip())
    return ", ".join(n for n in names if n) or "Anonymous"


def suggested_citation(cff: dict[str, object], commit: str) -> str:
    """One line to cite the book: authors (year). Title. Version, commit. Address."""
    year = str(cff.get("date-released", ""))[:4] or "n.d."
    address = cff.get("url") or cff.get("repository-code") or ""
    parts = [
        f"{author_names(cff)} ({year}).",
        f"{cff.get('title', 'Untitled')}.",
        f"Version {cff.get('version', 'unversioned')}, commit {commit}.",
    ]
    return " ".join([*parts, str(address)]).strip()


def cover_facts(root: Path) -> CoverFacts:
    """Collect the cover's facts from ``CITATION.cff``, git and the clock."""
    cff = read_citation(root)
    full_title = str(cff.get("title", "Untitled"))
    title, _, subtitle = full_title.partition(": ")
    commit = git_commit(root)
    licence = str(cff.get("license", "see LICENSE"))
    return CoverFacts(
        title=title,
        subtitle=subtitle[:1].upper() + subtitle[1:],
        authors=author_names(cff),
        version=str(cff.get("version", "unversioned")),
        commit=commit,
        date=build_date(),
        licence=f"{licence} (text and code); {DATA_LICENCES}",
        citation=suggested_citation(cff, commit),
    )


def cover_html(facts: CoverFacts) -> str:
    """The cover as an HTML fragment (styled by ``book/_static/print.css``)."""
    e = html.escape
    rows = [
        ("Version", f"{facts.version}, commit {facts.commit}"),
        ("Built", facts.date),
        ("Licence", facts.licence),
        ("Suggested citation", facts.citation),
    ]
    details = "".join(f"<dt>{e(k)}</dt><dd>{e(v)}</dd>" for k, v in rows)
    return (
        f'<h1 class="hwm-cover-title">{e(facts.title)}</h1>'
        f'<div class="hwm-cover-subtitle">{e(facts.subtitle)}</div>'
        f'<div class="hwm-cover-authors">{e(facts.authors)}</div>'
        f"<dl>{details}</dl>"
    )
