"""Small checks shared by the loaders; each raises a :mod:`analysis.data.errors` error naming the file."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaError as PanderaSchemaError
from pandera.errors import SchemaErrors as PanderaSchemaErrors

from analysis.data.errors import DuplicateKeyError, ParseError, SchemaError, where


def require_columns(frame: pd.DataFrame, expected: Iterable[str], source: Path | str) -> None:
    """Raise :class:`SchemaError` naming each expected column that is absent."""
    expected = list(expected)
    missing = [c for c in expected if c not in frame.columns]
    if missing:
        raise SchemaError(
            f"{source}: missing column(s) {missing}. Expected columns {expected}; "
            f"found {list(frame.columns)}. Was a column renamed?"
        )


def to_number(
    values: pd.Series,
    column: str,
    source: Path | str,
    first_line: int = 2,
    allow_missing: bool = True,
    thousands: str | None = None,
) -> pd.Series:
    """Parse a column as float; raise :class:`ParseError` with the file line of the first bad cell.

    ``first_line`` is the file line of the series' first element (2 for a CSV with a header).
    """
    text = values.astype("string").str.strip()
    if thousands:
        text = text.str.replace(thousands, "", regex=False)
    text = text.replace("", pd.NA)
    parsed = pd.to_numeric(text, errors="coerce")
    bad = parsed.isna() & text.notna()
    if not allow_missing:
        bad |= text.isna()
    if bad.any():
        position = int(bad.to_numpy().argmax())
        raise ParseError(
            f"{where(source, first_line + position, column)}: cannot parse {values.iloc[position]!r} as a number. "
            "Expected a number (or an empty cell where values may be missing). Correct the cell, or restore the file."
        )
    return parsed.astype("float64")


def index_lines(frame: pd.DataFrame, first_line: int = 2) -> np.ndarray:
    """File line of each row of a frame read straight from a file: index label + ``first_line``.

    Filtering keeps the labels, so the lines stay right; a non-integer index falls back to positions.
    """
    if pd.api.types.is_integer_dtype(frame.index):
        return frame.index.to_numpy() + first_line
    return np.arange(len(frame)) + first_line


def _plain(value: object) -> object:
    """A numpy scalar as the plain Python value, a missing value as None (for a readable repr in messages)."""
    if pd.api.types.is_scalar(value) and pd.isna(value):
        return None
    return value.item() if isinstance(value, np.generic) else value


def require_unique(
    frame: pd.DataFrame,
    keys: Sequence[str],
    source: Path | str,
    lines: Sequence[int] | np.ndarray | pd.Series | None = None,
    unit: str = "line",
) -> None:
    """Raise :class:`DuplicateKeyError` naming the file lines of the first two rows that share a key.

    ``lines`` holds each row's 1-based line in the file, by position (default: row ``i`` is line
    ``i + 2``, a CSV read with its header on line 1); ``unit`` names them ("line", "sheet row").
    """
    keys = list(keys)
    second = frame.duplicated(keys, keep="first").to_numpy()
    if not second.any():
        return
    groups = frame.groupby(keys, dropna=False, sort=False).ngroup().to_numpy()
    pair = np.flatnonzero(groups == groups[second.argmax()])[:2]
    numbers = np.arange(len(frame)) + 2 if lines is None else np.asarray(lines)
    first_line, second_line = (int(numbers[i]) for i in pair)
    key = ", ".join(f"{k}={_plain(frame[k].iloc[pair[0]])!r}" for k in keys)
    n_rows = int(frame.duplicated(keys, keep=False).sum())
    raise DuplicateKeyError(
        f"{source}:{unit}s {first_line} and {second_line}: the same key ({key}). Expected one row per "
        f"{tuple(keys)} ({n_rows} rows share a key in all). Remove or correct the duplicate row, or restore the file."
    )


def require_min_rows(frame: pd.DataFrame, minimum: int, source: Path | str) -> None:
    """Raise :class:`SchemaError` if the table is shorter than the manifest's ``min_rows``."""
    if len(frame) < minimum:
        raise SchemaError(
            f"{source}: {len(frame)} rows. Expected at least {minimum} (the manifest's min_rows). The file may be "
            "truncated or a different file: check it with `python -m analysis data verify`."
        )


def validate(frame: pd.DataFrame, schema: pa.DataFrameSchema, source: Path | str) -> pd.DataFrame:
    """Validate with pandera, re-raising as :class:`SchemaError` naming the source."""
    try:
        return schema.validate(frame, lazy=True)
    except (PanderaSchemaError, PanderaSchemaErrors) as exc:
        cases = getattr(exc, "failure_cases", None)
        detail = cases.head(5).to_string() if cases is not None else str(exc)
        raise SchemaError(
            f"{source}: fails schema '{schema.name}' (the index below is the 0-based row of the parsed table, "
            f"not a file line). Expected every check to pass. Correct the file, or restore it:\n{detail}"
        ) from exc
