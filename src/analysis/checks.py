"""Small checks shared by the loaders; each raises a :mod:`analysis.errors` error naming the file."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaError as PanderaSchemaError
from pandera.errors import SchemaErrors as PanderaSchemaErrors

from analysis.errors import DuplicateKeyError, ParseError, SchemaError


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
            f"{source}, line {first_line + position}, column '{column}': "
            f"cannot parse {values.iloc[position]!r} as a number"
        )
    return parsed.astype("float64")


def require_unique(frame: pd.DataFrame, keys: Sequence[str], source: Path | str) -> None:
    """Raise :class:`DuplicateKeyError` listing the first duplicated key."""
    dup = frame.duplicated(list(keys), keep=False)
    if dup.any():
        first = frame.loc[dup, list(keys)].iloc[0].to_dict()
        raise DuplicateKeyError(f"{source}: {int(dup.sum())} rows share a key {list(keys)}; first: {first}")


def require_min_rows(frame: pd.DataFrame, minimum: int, source: Path | str) -> None:
    if len(frame) < minimum:
        raise SchemaError(f"{source}: {len(frame)} rows, expected at least {minimum}")


def validate(frame: pd.DataFrame, schema: pa.DataFrameSchema, source: Path | str) -> pd.DataFrame:
    """Validate with pandera, re-raising as :class:`SchemaError` naming the source."""
    try:
        return schema.validate(frame, lazy=True)
    except (PanderaSchemaError, PanderaSchemaErrors) as exc:
        cases = getattr(exc, "failure_cases", None)
        detail = cases.head(5).to_string() if cases is not None else str(exc)
        raise SchemaError(f"{source}: fails schema '{schema.name}':\n{detail}") from exc
