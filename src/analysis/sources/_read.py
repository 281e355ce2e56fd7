"""Reading helpers shared by the loaders: verified path, then CSV/Excel read with clear errors."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis.checks import require_min_rows
from analysis.datafiles import resolve
from analysis.errors import ParseError
from analysis.manifest import ManifestEntry, entry


def verified(key: str) -> tuple[Path, ManifestEntry]:
    """Manifest entry and the path of its sha256-verified file."""
    item = entry(key)
    return resolve(item), item


def read_csv(path: Path, item: ManifestEntry, **kwargs) -> pd.DataFrame:
    """``pd.read_csv`` that reports tokenising errors with the file name."""
    try:
        frame = pd.read_csv(path, **kwargs)
    except (pd.errors.ParserError, UnicodeDecodeError) as exc:
        raise ParseError(f"{path}: cannot read as CSV ({exc})") from exc
    require_min_rows(frame, item.min_rows, path)
    return frame


def read_excel(path: Path, item: ManifestEntry, check_rows: bool = True, **kwargs) -> pd.DataFrame:
    try:
        frame = pd.read_excel(path, **kwargs)
    except (ValueError, KeyError) as exc:
        raise ParseError(f"{path}: cannot read as Excel ({exc})") from exc
    if check_rows:
        require_min_rows(frame, item.min_rows, path)
    return frame
