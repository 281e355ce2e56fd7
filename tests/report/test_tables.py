"""Tables for people (analysis.report.tables.people_table / explorable_table), on synthetic frames."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.report.tables import explorable_table, people_table


@pytest.fixture
def frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "iso3": ["GBR", "ISR"],
            "year": [2018.0, 2016.0],
            "doctors": [2803.0, 1234567.0],
            "share_pct": [12.345, 56.1],
            "growth": [0.123456, np.nan],
            "ok": [True, False],
            "note": ["a", None],
        }
    )


def _cells(styler) -> list[list[str]]:
    """The displayed text of every body cell, row by row."""
    html = styler.to_html()
    rows = html.split("<tbody>")[1].split("</tbody>")[0].split("<tr>")[1:]
    return [[cell.split(">", 1)[1].split("</td>")[0] for cell in row.split("<td")[1:]] for row in rows]


def test_formats_for_people(frame):
    styler = people_table(
        frame,
        {"iso3": "Destination", "year": "Year", "doctors": "Doctors", "share_pct": "Share of doctors",
         "growth": "Growth a year", "ok": "Reported", "note": "Note"},
        percent=["Share of doctors"],
        decimals={"Growth a year": 3},
        countries=["iso3"],
    )  # fmt: skip
    assert _cells(styler) == [
        ["United Kingdom", "2018", "2,803", "12.3%", "0.123", "yes", "a"],
        ["Israel", "2016", "1,234,567", "56.1%", "–", "no", "–"],
    ]
    html = styler.to_html()
    assert 'class="hwm-table"' in html
    assert ">0<" not in html.split("<tbody>")[1].split("<td")[0]  # no index column


def test_columns_select_and_order(frame):
    styler = people_table(frame, {"doctors": "Doctors", "iso3": "Country"})
    assert list(styler.data.columns) == ["Doctors", "Country"]
    assert "GBR" in _cells(styler)[0]  # codes stay codes unless named in `countries`


def test_fractional_years_have_no_thousands_separator():
    styler = people_table(pd.DataFrame({"year": [2013.5, 2020.0]}), {"year": "Year"})
    assert _cells(styler) == [["2013.5"], ["2020.0"]]


def test_explorable_table_is_lean_and_sortable(frame):
    html = explorable_table(people_table(frame, {"iso3": "Country"}, countries=["iso3"]), "Countries").data
    assert html.startswith('<div class="hwm-explore" role="region" aria-label="Countries">')
    assert 'class="hwm-table hwm-sortable"' in html
    assert "id=" not in html and "United Kingdom" in html
