"""Read and validate the published GSP parameter table (``data/published/gsp_parameters.csv``)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from analysis.data.errors import DataError
from analysis.data.paths import data_dir
from analysis.data.published import SOURCE_KINDS

PARAMETER_FILE = "gsp_parameters.csv"
REQUIRED_COLUMNS = [
    "parameter",
    "description",
    "low",
    "central",
    "high",
    "unit",
    "currency",
    "price_year",
    "publication",
    "locator",
    "quote",
    "url",
    "notes",
    "source_kind",
    "original_locator",
]
NUMERIC_COLUMNS = ("low", "central", "high")
CITATION_COLUMNS = ("publication", "locator", "quote", "url")
#: Currencies the model knows how to label; an empty cell means the value has no currency.
KNOWN_CURRENCIES = ("EUR", "USD", "GBP", "AUD", "MDL", "international $ (PPP)")


class ParameterError(DataError, ValueError):
    """A row of the GSP parameter table is unusable (the message names file, line and column)."""


def parameter_path() -> Path:
    """Where the project's parameter table lives."""
    return data_dir() / "published" / PARAMETER_FILE


def _parse_number(text: str, path: Path, line: int, column: str, pid: str) -> float:
    """A numeric cell as a float (empty -> NaN); a clear error if it is not a number."""
    text = text.strip().replace(",", "")
    if text == "":
        return float("nan")
    try:
        return float(text)
    except ValueError:
        raise ParameterError(
            f"{path}, line {line}, column '{column}': cannot read {text!r} as a number (parameter '{pid}')"
        ) from None


def _check_text(row: Any, pid: str, path: Path, seen: dict[str, int]) -> str:
    """Check a row's id, citation and currency; return its currency."""
    if not pid:
        raise ParameterError(f"{path}, line {row.line}, column 'parameter': empty parameter id")
    if pid in seen:
        raise ParameterError(f"{path}, line {row.line}: parameter '{pid}' already defined on line {seen[pid]}")
    seen[pid] = row.line
    for col in CITATION_COLUMNS:
        if not getattr(row, col).strip():
            raise ParameterError(f"{path}, line {row.line}, column '{col}': empty for parameter '{pid}'")
    currency = row.currency.strip()
    if currency and currency not in KNOWN_CURRENCIES:
        raise ParameterError(
            f"{path}, line {row.line}, column 'currency': unknown currency {currency!r} for parameter "
            f"'{pid}'; expected one of {list(KNOWN_CURRENCIES)} or empty"
        )
    return currency


def _check_numbers(row: Any, pid: str, currency: str, path: Path) -> dict[str, float]:
    """Parse a row's low, central and high; refuse negative values and an inconsistent range."""
    parsed = {col: _parse_number(getattr(row, col), path, row.line, col, pid) for col in NUMERIC_COLUMNS}
    for col, value in parsed.items():
        if value < 0:
            kind = "cost or amount" if currency else "value"
            raise ParameterError(
                f"{path}, line {row.line}, column '{col}': negative {kind} {value:g} for parameter '{pid}' "
                "(costs, wages, shares, rates and durations cannot be negative)"
            )
    low, central, high = parsed["low"], parsed["central"], parsed["high"]
    if low > high:
        raise ParameterError(
            f"{path}, line {row.line}, columns 'low'/'high': low {low:g} > high {high:g} for parameter '{pid}'"
        )
    if (low > central) or (central > high):
        raise ParameterError(
            f"{path}, line {row.line}, column 'central': {central:g} outside [low, high] for parameter '{pid}'"
        )
    return parsed


def _check_source_kinds(frame: pd.DataFrame, path: Path) -> None:
    """Refuse a row whose ``source_kind`` is not one of :data:`analysis.data.published.SOURCE_KINDS`."""
    for row in frame.itertuples(index=False):
        if row.source_kind not in SOURCE_KINDS:
            raise ParameterError(
                f"{path}, line {row.line}, column 'source_kind': {row.source_kind!r} is not a source kind "
                f"(parameter '{row.parameter.strip()}'); expected one of {list(SOURCE_KINDS)}"
            )


def load_parameters(path: Path | str | None = None) -> pd.DataFrame:
    """The transcribed GSP parameters, checked, one row per ``parameter`` id (index).

    Refused with :class:`ParameterError` (a :class:`ValueError`), naming file, line and column: a missing
    file or column, an empty id or citation, a duplicate id, a value that is not a number, a negative
    value (costs, wages, shares, rates and durations cannot be negative), ``low > high``, a central value
    outside ``[low, high]``, an unknown currency, a ``source_kind`` that is not one of
    :data:`analysis.data.published.SOURCE_KINDS` (checked after the other checks). The file line of each
    row is kept in column ``line``.
    """
    path = Path(path) if path is not None else parameter_path()
    if not path.is_file():
        raise ParameterError(f"{path}: GSP parameter file not found")
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = [c for c in REQUIRED_COLUMNS if c not in frame.columns]
    if missing:
        raise ParameterError(f"{path}: missing column(s) {missing}; found {list(frame.columns)}")
    frame = frame[REQUIRED_COLUMNS].copy()
    frame.insert(0, "line", range(2, len(frame) + 2))
    seen: dict[str, int] = {}
    values: dict[str, list[float]] = {col: [] for col in NUMERIC_COLUMNS}
    for row in frame.itertuples(index=False):
        pid = row.parameter.strip()
        currency = _check_text(row, pid, path, seen)
        for col, value in _check_numbers(row, pid, currency, path).items():
            values[col].append(value)
    _check_source_kinds(frame, path)
    for col in NUMERIC_COLUMNS:
        frame[col] = np.array(values[col], dtype="float64")
    frame["parameter"] = frame["parameter"].str.strip()
    frame["currency"] = frame["currency"].str.strip()
    return frame.set_index("parameter")


def value(table: pd.DataFrame, pid: str, field: str = "central") -> float:
    """One published number by parameter id and field; a clear error if it is absent or empty."""
    if pid not in table.index:
        raise KeyError(f"parameter '{pid}' is not in {PARAMETER_FILE}")
    number = float(table.at[pid, field])
    if np.isnan(number):
        raise ParameterError(
            f"{PARAMETER_FILE}, line {table.at[pid, 'line']}, column '{field}': empty for parameter '{pid}', "
            "which the model needs"
        )
    return number


def number_in_text(table: pd.DataFrame, pid: str, column: str, pattern: str) -> float:
    """A number stated in a text column of a row (e.g. '120' in 'out of 120'), by regular expression."""
    text = str(table.at[pid, column])
    match = re.search(pattern, text)
    if not match:
        raise ParameterError(
            f"{PARAMETER_FILE}, line {table.at[pid, 'line']}, column '{column}': pattern {pattern!r} not found "
            f"for parameter '{pid}'"
        )
    return float(match.group(1))


@cache
def parameters() -> pd.DataFrame:
    """The project's parameter table (cached; do not modify the returned frame)."""
    return load_parameters()
