"""Figures transcribed from publications (``data/published/*.csv``), each with its citation.

Every row must carry the publication, a locator (table, figure, page or section), a verbatim
quote and the address it was read from; a row without them is refused with the file, line and
column named.
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from analysis.data.checks import require_columns, require_unique, to_number
from analysis.data.errors import SchemaError
from analysis.data.paths import data_dir

FIGURE_FILES = ("oecd_migration_figures_claim60.csv", "oecd_migration_figures_trends.csv")
FIGURE_COLUMNS = [
    "figure_id",
    "profession",
    "concept",
    "measure",
    "year_start",
    "year_end",
    "value",
    "unit",
    "coverage",
    "publication",
    "locator",
    "quote",
    "url",
]
CITATION_COLUMNS = ["publication", "locator", "quote", "url"]


def _read(name: str, columns: list[str], key: list[str], numeric: list[str]) -> pd.DataFrame:
    path = data_dir() / "published" / name
    if not path.is_file():
        raise SchemaError(f"{path}: published-figures file not found")
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    require_columns(frame, columns, path)
    for col in CITATION_COLUMNS:
        if col in frame.columns:
            empty = frame[col].str.strip() == ""
            if empty.any():
                line = int(empty.to_numpy().argmax()) + 2
                raise SchemaError(f"{path}, line {line}: column '{col}' is empty (every figure needs it)")
    for col in numeric:
        frame[col] = to_number(frame[col], col, path)
    require_unique(frame, key, path)
    return frame


@cache
def figures() -> pd.DataFrame:
    """All transcribed OECD/WHO migration figures, one row per (file, figure_id)."""
    frames = [
        _read(name, FIGURE_COLUMNS, ["figure_id"], ["year_start", "year_end", "value"]).assign(file=name)
        for name in FIGURE_FILES
    ]
    return pd.concat(frames, ignore_index=True)


def figure(figure_id: str) -> pd.Series:
    """One transcribed figure by id (the row, with its citation)."""
    rows = figures()[figures()["figure_id"] == figure_id]
    if len(rows) != 1:
        raise KeyError(f"figure_id {figure_id!r}: {len(rows)} rows in {FIGURE_FILES}, expected 1")
    return rows.iloc[0]


@cache
def code_reporting_rounds() -> pd.DataFrame:
    """WHO Global Code national reporting rounds: counts per round with citations."""
    columns = ["figure_id", "round", "year", "measure", "value", "unit", *CITATION_COLUMNS]
    return _read("who_code_reporting_rounds.csv", columns, ["figure_id"], ["value"])


@cache
def ssl_list() -> pd.DataFrame:
    """The WHO Health Workforce Support and Safeguards List, as transcribed (ISO3 per country)."""
    columns = ["iso3", "country", "list_year", "publication", "locator", "url"]
    path = data_dir() / "published" / "who_ssl_lists.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    require_columns(frame, columns, path)
    require_unique(frame, ["iso3", "list_year"], path)
    return frame


@cache
def oecd_members() -> pd.DataFrame:
    """OECD member countries with their accession year."""
    columns = ["iso3", "country", "accession_year", "accession_date", "publication", "locator", "url"]
    path = data_dir() / "published" / "oecd_members.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    require_columns(frame, columns, path)
    require_unique(frame, ["iso3"], path)
    frame["accession_year"] = to_number(frame["accession_year"], "accession_year", path).astype("int64")
    return frame


def oecd_members_in(year: int) -> list[str]:
    """ISO3 codes of the countries that were OECD members by the end of ``year``."""
    members = oecd_members()
    return sorted(members.loc[members["accession_year"] <= year, "iso3"])
