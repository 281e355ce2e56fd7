"""Author-year labels for the book's bibliography (a Sphinx extension, loaded from ``_config.yml``).

sphinxcontrib-bibtex labels the reference list with pybtex's ``alpha`` style by default, which gives
labels such as ``[Cled.]`` (Clemens, no date) or a run-together string of corporate names. This module
registers a pybtex formatting style ``authoryear``: pybtex's ``plain`` entries, sorted by author, year
and title, labelled ``Clemens 2015``, ``Abarcar and Theoharides 2024``, ``Mills et al. 2011`` or
``OECD 2019a`` / ``OECD 2019b`` (a letter only where the same label would otherwise repeat). The in-text
citations are set separately by ``bibtex_reference_style: author_year``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

from pybtex.plugin import register_plugin
from pybtex.richtext import Text
from pybtex.style.formatting.plain import Style as PlainStyle
from pybtex.style.labels import BaseLabelStyle
from pybtex.style.sorting import BaseSortingStyle

STYLE_NAME = "authoryear"


def _plain(latex: str) -> str:
    """LaTeX as plain text: braces dropped, accents decoded (``{\\"a}`` -> ``ä``)."""
    return Text.from_latex(latex).render_as("text")


def _surname(person: Any) -> str:
    """A person's surname with its particles (``van de Pas``); a corporate author's whole name."""
    parts = [*person.prelast_names, *person.last_names] or [*person.first_names]
    return _plain(" ".join(parts))


def author_year_label(entry: Any) -> str:
    """``Surname Year``, ``A and B Year`` or ``A et al. Year`` (authors, else editors, else the key)."""
    persons = entry.persons.get("author") or entry.persons.get("editor") or []
    names = [_surname(p) for p in persons]
    if not names:
        who = entry.key
    elif len(names) == 1:
        who = names[0]
    elif len(names) == 2:
        who = f"{names[0]} and {names[1]}"
    else:
        who = f"{names[0]} et al."
    year = _plain(entry.fields.get("year", "")) or "n.d."
    return f"{who} {year}"


class AuthorYearLabelStyle(BaseLabelStyle):
    """Author-year labels, with a, b, ... appended where two entries would share a label."""

    def format_labels(self, sorted_entries: Iterable[Any]) -> Iterator[str]:
        labels = [author_year_label(entry) for entry in sorted_entries]
        count = Counter(labels)
        seen: Counter[str] = Counter()
        for label in labels:
            if count[label] == 1:
                yield label
            else:
                yield label + chr(ord("a") + seen[label])
                seen[label] += 1


class AuthorYearSortingStyle(BaseSortingStyle):
    """Alphabetical by surname (particles and braces ignored, so corporate authors sort among people),
    then year, then title."""

    def sorting_key(self, entry: Any) -> tuple[str, str, str]:
        persons = entry.persons.get("author") or entry.persons.get("editor") or []
        names = " ".join(_plain(" ".join(p.last_names or p.first_names)) for p in persons) or entry.key
        title = _plain(entry.fields.get("title", "")).casefold()
        return (names.casefold(), _plain(entry.fields.get("year", "")), title)

    def sort(self, entries: Iterable[Any]) -> list[Any]:
        return sorted(entries, key=self.sorting_key)


class AuthorYearStyle(PlainStyle):
    """pybtex's plain entries, sorted by author, year and title, with author-year labels."""

    default_label_style = AuthorYearLabelStyle
    default_sorting_style = AuthorYearSortingStyle


def register() -> None:
    """Make ``authoryear`` known to pybtex (idempotent)."""
    register_plugin("pybtex.style.labels", STYLE_NAME, AuthorYearLabelStyle, force=True)
    register_plugin("pybtex.style.formatting", STYLE_NAME, AuthorYearStyle, force=True)


def setup(app: Any) -> dict[str, Any]:
    """Sphinx entry point: register the style before sphinxcontrib-bibtex looks it up."""
    register()
    return {"parallel_read_safe": True, "parallel_write_safe": True}
