"""Reading helpers shared by the loaders: verified path, then CSV/Excel read with clear errors,
and an on-disk cache of parsed frames for slow sources."""

from __future__ import annotations

import csv
import hashlib
import os
import pickle
import re
import sys
import tempfile
import warnings
import zipfile
import zlib
from collections.abc import Callable
from functools import cache
from importlib import metadata
from pathlib import Path

import pandas as pd

from analysis.data.checks import require_min_rows
from analysis.data.errors import EmptyFileError, ParseError, TruncatedFile, WrongFormatError, where
from analysis.data.files import remedy, resolve, unreadable
from analysis.data.manifest import ManifestEntry, entry
from analysis.data.paths import parsed_cache_dir

#: Libraries whose version can change what a parsed (pickled) frame holds.
CACHE_LIBRARIES = ("pandas", "numpy", "openpyxl")
PACKAGE_DIR = Path(__file__).resolve().parents[1]
_XLSX_MAGIC = b"PK\x03\x04"
_XLS_MAGIC = b"\xd0\xcf\x11\xe0"


def verified(key: str) -> tuple[Path, ManifestEntry]:
    """Manifest entry and the path of its sha256-verified file."""
    item = entry(key)
    return resolve(item), item


# --- CSV ------------------------------------------------------------------------------------


def _csv_error(path: Path, item: ManifestEntry, exc: pd.errors.ParserError) -> ParseError | TruncatedFile:
    """A clear error for a pandas tokenising error, with the file line where pandas gives it."""
    text = str(exc)
    if match := re.search(r"EOF inside string starting at row (\d+)", text):
        return TruncatedFile(
            f"{where(path, int(match[1]) + 1)}: a quoted field opened on this line is never closed. Expected a "
            f"closing quote before the end of the file. The file looks truncated or damaged. {remedy(item)}"
        )
    if match := re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", text):
        expected, line, saw = (int(g) for g in match.groups())
        return ParseError(
            f"{where(path, line)}: {saw} fields. Expected {expected} fields, as on the header line. "
            f"Correct the line (an extra separator or quote?). {remedy(item)}"
        )
    return ParseError(f"{path}: cannot read as CSV ({text}). Expected a comma-separated table. {remedy(item)}")


def _count_fields(line: bytes, encoding: str) -> int:
    return len(next(csv.reader([line.decode(encoding, errors="replace")]), []))


def check_last_line(path: Path, item: ManifestEntry, header_line: int = 1, encoding: str = "utf-8-sig") -> None:
    """Raise :class:`TruncatedFile` if the file ends, without a line break, in a line shorter than its header.

    ``header_line`` is the 1-based file line of the header. A last line with all its fields but no
    final line break is accepted (some published files end that way).
    """
    with path.open("rb") as handle:
        handle.seek(-1, os.SEEK_END)
        if handle.read(1) in (b"\n", b"\r"):
            return
    lines = path.read_bytes().splitlines()
    if len(lines) <= header_line:
        return
    header, last = (_count_fields(lines[i], encoding) for i in (header_line - 1, -1))
    if last < header:
        raise TruncatedFile(
            f"{where(path, len(lines))}: the file ends in the middle of this line ({last} of {header} fields, "
            f"no line break). Expected a complete last line. The file looks truncated. {remedy(item)}"
        )


def read_csv(path: Path, item: ManifestEntry, **kwargs) -> pd.DataFrame:
    """``pd.read_csv`` whose every failure is one :class:`DataError` naming the file (and line)."""
    try:
        frame = pd.read_csv(path, **kwargs)
        if kwargs.get("header", "infer") is not None and isinstance(kwargs.get("skiprows", 0), int):
            check_last_line(path, item, kwargs.get("skiprows", 0) + 1, kwargs.get("encoding") or "utf-8-sig")
    except pd.errors.EmptyDataError as exc:
        raise EmptyFileError(
            f"{path}: no header line (the file holds only blank lines). Expected a CSV table with a header. "
            f"{remedy(item)}"
        ) from exc
    except pd.errors.ParserError as exc:
        raise _csv_error(path, item, exc) from exc
    except UnicodeDecodeError as exc:
        raise ParseError(
            f"{path}: bytes that are not {exc.encoding} text ({exc.reason}). Expected a UTF-8 CSV file. {remedy(item)}"
        ) from exc
    except OSError as exc:
        raise unreadable(path, exc, item) from exc
    require_min_rows(frame, item.min_rows, path)
    return frame


# --- Excel ----------------------------------------------------------------------------------


def _looks_like(head: bytes) -> str:
    """Describe non-workbook content: 'HTML/XML' or 'CSV/text', or '' for binary of unknown kind."""
    if b"\0" in head:
        return ""
    text = head.decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n")
    return "HTML/XML" if text.startswith("<") else "CSV/text"


def require_xlsx(path: Path, item: ManifestEntry) -> None:
    """Raise :class:`WrongFormatError` unless the file starts like an xlsx workbook (a zip container)."""
    with path.open("rb") as handle:
        head = handle.read(4096)
    if head.startswith(_XLSX_MAGIC):
        return
    if head.startswith(_XLS_MAGIC):
        found = "an old-format Excel workbook (xls)"
    else:
        kind = _looks_like(head)
        first = next((line for line in head.splitlines() if line.strip()), b"")[:60]
        found = f"looks like {kind} (it starts {first!r})" if kind else "is in an unrecognised binary format"
    raise WrongFormatError(
        f"{path}: expected an Excel workbook (xlsx) but the file {found}. Expected the xlsx file of manifest "
        f"entry '{item.key}'; it was probably saved or downloaded in another format. {remedy(item)}"
    )


def read_excel(path: Path, item: ManifestEntry, check_rows: bool = True, **kwargs) -> pd.DataFrame:
    """``pd.read_excel`` whose every failure is one :class:`DataError` naming the file."""
    try:
        require_xlsx(path, item)
        frame = pd.read_excel(path, **kwargs)
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise TruncatedFile(
            f"{path}: the workbook is damaged or cut short ({exc}). Expected a complete Excel workbook (xlsx). "
            f"{remedy(item)}"
        ) from exc
    except OSError as exc:
        raise unreadable(path, exc, item) from exc
    except (ValueError, KeyError) as exc:
        raise ParseError(
            f"{path}: cannot read the workbook ({exc}). Expected the sheets and layout of the published file. "
            f"{remedy(item)}"
        ) from exc
    if check_rows:
        require_min_rows(frame, item.min_rows, path)
    return frame


# --- parsed-frame cache ---------------------------------------------------------------------


def source_hash(package_dir: Path) -> str:
    """sha256 over every ``.py`` file under ``package_dir``: relative path and bytes, sorted by path."""
    digest = hashlib.sha256()
    files = sorted(package_dir.rglob("*.py"), key=lambda p: p.relative_to(package_dir).as_posix())
    for file in files:
        data = file.read_bytes()
        digest.update(f"{file.relative_to(package_dir).as_posix()}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


@cache
def package_source_hash() -> str:
    """:func:`source_hash` of this package (computed once per process)."""
    return source_hash(PACKAGE_DIR)


def library_versions() -> str:
    """Python and the libraries whose versions the cached frames depend on, e.g. ``python=3.11;pandas=...``."""
    versions = [f"python={sys.version_info.major}.{sys.version_info.minor}"]
    for name in CACHE_LIBRARIES:
        try:
            versions.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name}=absent")
    return ";".join(versions)


def cache_key(item: ManifestEntry, extra: str = "") -> str:
    """Key of a parsed frame: the file's sha256, the package's source, the library versions, ``extra``."""
    parts = [item.sha256, package_source_hash(), library_versions(), extra]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def _read_cached(path: Path) -> pd.DataFrame | None:
    """The cached frame, or ``None`` if absent or unreadable (a damaged cache file is rebuilt)."""
    if not path.is_file():
        return None
    try:
        return pd.read_pickle(path)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, ValueError, TypeError):
        return None


def _write_cached(frame: pd.DataFrame, path: Path) -> None:
    """Write atomically (a temporary file unique to this call, then rename); warn and skip if not writable."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        os.close(handle)
        try:
            frame.to_pickle(tmp)
            os.replace(tmp, path)
        finally:
            Path(tmp).unlink(missing_ok=True)
    except OSError as exc:
        warnings.warn(
            f"{path.parent}: cannot write the parsed-data cache ({exc.strerror or exc}); continuing without it. "
            "Make the folder writable or set HWM_CACHE_DIR to a writable folder.",
            stacklevel=3,
        )


def parsed_cache(key: str, build: Callable[[], pd.DataFrame], extra: str = "") -> pd.DataFrame:
    """Return ``build()``, cached on disk in ``<cache>/_parsed`` under :func:`cache_key`.

    For slow sources (the 80,000-row NHS workbook takes several seconds to read). The key changes
    when the data file (its manifest sha256), any module of this package, the library versions or
    ``extra`` (non-code inputs such as a mapping table) change, so a cached frame is never stale.
    It is written only after ``build()`` validated the data; an unwritable cache is skipped.
    """
    item = entry(key)
    verified(key)  # the raw file must still exist and match its hash
    path = parsed_cache_dir() / f"{key}-{cache_key(item, extra)}.pkl"
    frame = _read_cached(path)
    if frame is None:
        frame = build()
        _write_cached(frame, path)
    return frame
