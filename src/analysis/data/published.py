"""Figures transcribed from publications (``data/published/*.csv``), each with its citation and source kind.

Every row must carry the publication, a locator (table, figure, page or section), a verbatim
quote and the address it was read from; a row without them is refused with the file, line and
column named. Every row also says how it was read (``source_kind``, one of :data:`SOURCE_KINDS`)
and, when known, where the original publication states it (``original_locator``); the kinds are
explained in ``data/published/SOURCE_KINDS.md``.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from urllib.parse import urlparse

import pandas as pd

from analysis.data.checks import require_columns, require_unique, to_number
from analysis.data.errors import SchemaError, where
from analysis.data.paths import data_dir

#: How a row was read, strongest first: in the publication itself; in the same organisation's own
#: restatement of it (another page, edition or language); or second-hand (press, blog, summary, mirror).
SOURCE_KINDS = ("primary", "official restatement", "secondary")
SOURCE_COLUMNS = ["source_kind", "original_locator"]

FIGURE_FILES = (
    "oecd_migration_figures_claim60.csv",
    "oecd_migration_figures_trends.csv",
    "uk_register_inflows.csv",
)
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
    *SOURCE_COLUMNS,
]
CITATION_COLUMNS = ["publication", "locator", "quote", "url"]

#: Every table of ``data/published/`` (file name without ``.csv``) and the columns naming a row in
#: :func:`source_kind` (joined with ``|``). ``who_ssl_criteria`` has no key column: its rows are named
#: ``list_year|criterion|host of url`` (without ``www.``), as two 2020 rows differ only by source.
TABLE_KEYS: dict[str, tuple[str, ...]] = {
    "oecd_migration_figures_claim60": ("figure_id",),
    "oecd_migration_figures_trends": ("figure_id",),
    "uk_register_inflows": ("figure_id",),
    "who_code_reporting_rounds": ("figure_id",),
    "who_ssl_criteria": ("list_year", "criterion", "url"),
    "who_ssl_lists": ("iso3", "list_year"),
    "oecd_members": ("iso3",),
    "gsp_parameters": ("parameter",),
    "seed_statement_figures": ("figure_id",),
}


def record_lines(path: Path | str) -> list[int]:
    """The 1-based file line on which each data row of a CSV starts (a quoted cell may span lines)."""
    starts = []
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        line = 1
        for record in reader:
            if record:  # pandas skips blank lines too
                starts.append(line)
            line = reader.line_num + 1
    return starts[1:]


def check_source_kinds(frame: pd.DataFrame, path: Path | str, lines: Iterable[int] | None = None) -> None:
    """Raise :class:`SchemaError` unless every ``source_kind`` is one of :data:`SOURCE_KINDS`.

    The message names the file, the file line of the first bad row (``lines``: each row's line, by
    position; default: read from the file), the bad value and the allowed ones.
    """
    require_columns(frame, ["source_kind"], path)
    bad = ~frame["source_kind"].isin(SOURCE_KINDS).to_numpy()
    if not bad.any():
        return
    position = int(bad.argmax())
    line = list(record_lines(path) if lines is None else lines)[position]
    value = frame["source_kind"].iloc[position]
    raise SchemaError(
        f"{where(path, line, 'source_kind')}: {value!r} is not a source kind. Expected one of "
        f"{', '.join(repr(k) for k in SOURCE_KINDS)} (strongest first; see data/published/SOURCE_KINDS.md). "
        "Correct the cell, or restore the file."
    )


def weakest_kind(kinds: Iterable[str]) -> str:
    """The weakest of the given source kinds (``secondary`` < ``official restatement`` < ``primary``)."""
    kinds = list(kinds)
    unknown = [k for k in kinds if k not in SOURCE_KINDS]
    if unknown:
        raise ValueError(f"not source kinds: {unknown}; expected each to be one of {SOURCE_KINDS}")
    if not kinds:
        raise ValueError("weakest_kind() of no kinds: pass at least one")
    return max(kinds, key=SOURCE_KINDS.index)


def _path(name: str) -> Path:
    path = data_dir() / "published" / name
    if not path.is_file():
        raise SchemaError(f"{path}: published-figures file not found")
    return path


def _read(name: str, columns: list[str], key: list[str], numeric: list[str]) -> pd.DataFrame:
    path = _path(name)
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    require_columns(frame, columns, path)
    for col in CITATION_COLUMNS:
        if col in frame.columns:
            empty = frame[col].str.strip() == ""
            if empty.any():
                line = int(empty.to_numpy().argmax()) + 2
                raise SchemaError(f"{path}, line {line}: column '{col}' is empty (every figure needs it)")
    check_source_kinds(frame, path)
    for col in numeric:
        frame[col] = to_number(frame[col], col, path)
    require_unique(frame, key, path)
    return frame


def _row_keys(table: str, frame: pd.DataFrame) -> pd.Series:
    parts = [frame[col] for col in TABLE_KEYS[table]]
    if table == "who_ssl_criteria":
        parts[-1] = frame["url"].map(lambda url: (urlparse(url).hostname or "").removeprefix("www."))
    keys = parts[0]
    for part in parts[1:]:
        keys = keys + "|" + part
    return keys


@cache
def source_kinds(table: str) -> pd.Series:
    """The source kind of every row of a table of ``data/published/``, indexed by row key (see :data:`TABLE_KEYS`)."""
    table = table.removesuffix(".csv")
    if table not in TABLE_KEYS:
        raise KeyError(f"{table!r} is not a table of data/published/; expected one of {sorted(TABLE_KEYS)}")
    path = _path(f"{table}.csv")
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    require_columns(frame, [*TABLE_KEYS[table], *SOURCE_COLUMNS], path)
    check_source_kinds(frame, path)
    frame["key"] = _row_keys(table, frame)
    require_unique(frame, ["key"], path)
    return frame.set_index("key")["source_kind"]


def source_kind(table: str, key: str) -> str:
    """How one row of a table of ``data/published/`` was read: one of :data:`SOURCE_KINDS`.

    ``table`` is the file name with or without ``.csv``; ``key`` names the row: its ``figure_id``,
    ``parameter`` or ``iso3``, ``iso3|list_year`` in ``who_ssl_lists`` (see :data:`TABLE_KEYS`).
    """
    kinds = source_kinds(table.removesuffix(".csv"))
    if key not in kinds.index:
        raise KeyError(f"{key!r} is not a row of data/published/{table.removesuffix('.csv')}.csv")
    return str(kinds[key])


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
    columns = ["figure_id", "round", "year", "measure", "value", "unit", *CITATION_COLUMNS, *SOURCE_COLUMNS]
    return _read("who_code_reporting_rounds.csv", columns, ["figure_id"], ["value"])


@cache
def ssl_list() -> pd.DataFrame:
    """The WHO Health Workforce Support and Safeguards List, as transcribed (ISO3 per country)."""
    columns = ["iso3", "country", "list_year", "publication", "locator", "url", *SOURCE_COLUMNS]
    path = data_dir() / "published" / "who_ssl_lists.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    require_columns(frame, columns, path)
    check_source_kinds(frame, path)
    require_unique(frame, ["iso3", "list_year"], path)
    return frame


@cache
def oecd_members() -> pd.DataFrame:
    """OECD member countries with their accession year."""
    columns = ["iso3", "country", "accession_year", "accession_date", "publication", "locator", "url"]
    path = data_dir() / "published" / "oecd_members.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    require_columns(frame, [*columns, *SOURCE_COLUMNS], path)
    check_source_kinds(frame, path)
    require_unique(frame, ["iso3"], path)
    frame["accession_year"] = to_number(frame["accession_year"], "accession_year", path).astype("int64")
    return frame


def oecd_members_in(year: int) -> list[str]:
    """ISO3 codes of the countries that were OECD members by the end of ``year``."""
    members = oecd_members()
    return sorted(members.loc[members["accession_year"] <= year, "iso3"])


TREND_POINT_COLUMNS = ["figure_id", "series", "duplicate_of", "rounding", "note"]
TREND_SERIES = ("count", "country average", "pooled panel")


@cache
def trend_points() -> pd.DataFrame:
    """How each published OECD-wide foreign-trained figure enters a trend (``data/reference/trend_points.csv``).

    ``series`` separates concepts that must not share a regression (a count; an unweighted average of OECD
    countries; a share pooled over one fixed panel); ``duplicate_of`` names the figure a row merely restates
    (one point per datum); ``rounding`` is the half-width of the interval the published rounding allows.
    """
    path = data_dir() / "reference" / "trend_points.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    require_columns(frame, TREND_POINT_COLUMNS, path)
    require_unique(frame, ["figure_id"], path)
    bad = ~frame["series"].isin(TREND_SERIES)
    if bad.any():
        line = int(bad.to_numpy().argmax()) + 2
        raise SchemaError(
            f"{where(path, line, 'series')}: {frame.loc[bad, 'series'].iloc[0]!r} is not a series. Expected one of "
            f"{', '.join(TREND_SERIES)}."
        )
    known = set(figures()["figure_id"])
    unknown = sorted((set(frame["figure_id"]) | set(frame["duplicate_of"]) - {""}) - known)
    if unknown:
        raise SchemaError(f"{path}: figure ids not in data/published/: {unknown}. Correct the id or add the figure.")
    frame["rounding"] = to_number(frame["rounding"], "rounding", path)
    return frame.set_index("figure_id")
