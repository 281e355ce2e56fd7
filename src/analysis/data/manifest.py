"""The data manifest (``data/manifest.csv``): one row per input file the book reads."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.data.errors import ManifestError, where
from analysis.data.paths import PARSED_SUBDIR, data_dir

MANIFEST_COLUMNS = (
    "key",
    "path",
    "sha256",
    "publisher",
    "dataset",
    "dataset_url",
    "download_url",
    "licence",
    "description",
    "min_rows",
)
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class ManifestEntry:
    """One input file: where it lives under the data folder, its hash and its provenance."""

    key: str
    path: str
    sha256: str
    publisher: str
    dataset: str
    dataset_url: str
    download_url: str
    licence: str
    description: str
    min_rows: int

    @property
    def filename(self) -> str:
        return Path(self.path).name


def manifest_path() -> Path:
    return data_dir() / "manifest.csv"


def read_manifest(path: Path | None = None) -> dict[str, ManifestEntry]:
    """Read and check the manifest; return entries by key, in file order."""
    path = path or manifest_path()
    if not path.is_file():
        raise ManifestError(f"{path}: manifest not found. Expected data/manifest.csv. Restore it with `git checkout`.")
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    except (OSError, ValueError) as exc:  # pandas' ParserError and EmptyDataError are ValueErrors
        raise ManifestError(f"{path}: cannot read the manifest ({exc}). Restore it with `git checkout`.") from exc
    missing = [c for c in MANIFEST_COLUMNS if c not in frame.columns]
    if missing:
        raise ManifestError(f"{path}: missing column(s) {missing}; expected {list(MANIFEST_COLUMNS)}")
    entries: dict[str, ManifestEntry] = {}
    for i, row in frame.iterrows():
        line = int(i) + 2  # header is line 1
        for col in MANIFEST_COLUMNS:
            if not row[col].strip():
                raise ManifestError(f"{where(path, line, col)}: empty. Expected a value in every column.")
        if not _SHA256.match(row["sha256"]):
            raise ManifestError(f"{where(path, line, 'sha256')}: expected 64 lowercase hex digits")
        if not row["min_rows"].isdigit():
            raise ManifestError(f"{where(path, line, 'min_rows')}: expected a whole number")
        if not _is_data_path(row["path"]):
            raise ManifestError(
                f"{where(path, line, 'path')}: {row['path']!r} is not allowed. Expected a relative path "
                f"inside the data folder, without '..' and not under '{PARSED_SUBDIR}/' (the parsed-frame cache)."
            )
        if row["key"] in entries:
            raise ManifestError(f"{where(path, line, 'key')}: duplicate key '{row['key']}'. Expected unique keys.")
        values = {c: row[c] for c in MANIFEST_COLUMNS}
        values["min_rows"] = int(row["min_rows"])
        entries[row["key"]] = ManifestEntry(**values)
    return entries


def _is_data_path(text: str) -> bool:
    """True for a relative path below the data folder that cannot collide with the parsed-frame cache."""
    parts = Path(text).parts
    return bool(parts) and not Path(text).is_absolute() and ".." not in parts and parts[0] != PARSED_SUBDIR


def entry(key: str) -> ManifestEntry:
    """The manifest entry for ``key``; a clear error lists the known keys otherwise."""
    entries = read_manifest()
    if key not in entries:
        raise ManifestError(f"'{key}' is not in {manifest_path()}; known keys: {sorted(entries)}")
    return entries[key]
