"""Reading helpers shared by the loaders: verified path, then CSV/Excel read with clear errors."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from analysis.checks import require_min_rows
from analysis.datafiles import resolve
from analysis.errors import ParseError
from analysis.manifest import ManifestEntry, entry
from analysis.paths import cache_dir


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


def parsed_cache(key: str, build: Callable[[], pd.DataFrame], code: str) -> pd.DataFrame:
    """Return ``build()``, cached on disk under the file's sha256 and the parsing code's hash.

    For slow sources (the 80,000-row NHS workbook takes several seconds to read). The cache key
    changes when the data file (its manifest sha256) or the loader module changes, so a cached frame
    is never stale; it is written atomically and only after ``build()`` validated the data.
    """
    item = entry(key)
    digest = hashlib.sha256(code.encode()).hexdigest()[:12]
    path = cache_dir().parent / "parsed" / f"{key}-{item.sha256[:12]}-{digest}.pkl"
    verified(key)  # the raw file must still exist and match its hash
    if path.is_file():
        return pd.read_pickle(path)
    frame = build()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    frame.to_pickle(tmp)
    tmp.replace(path)
    return frame
