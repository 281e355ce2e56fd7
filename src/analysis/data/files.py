"""Find, verify and fetch the manifest's data files.

Resolution order for a manifest path: ``$HWM_DATA_DIR`` (an override folder), the local cache
(``$HWM_CACHE_DIR`` or ``.cache/data``), then the read-only ``../shared/data``. A file found
nowhere can be downloaded from its pinned URL with :func:`fetch`. Every file is checked against
its sha256 before anything parses it; every problem raises one :class:`DataError` naming the file.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import logging
import re
import stat
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from analysis.data.errors import (
    ChecksumMismatch,
    DataError,
    DataFileMissing,
    DataFolderError,
    DownloadError,
    EmptyFileError,
    UnreadableFile,
)
from analysis.data.manifest import ManifestEntry, entry, read_manifest
from analysis.data.paths import cache_dir, override_dir, shared_data_dir

FETCH_COMMAND = "python -m analysis data fetch"
_verified: dict[tuple[Path, int, int], str] = {}


def remedy(item: ManifestEntry) -> str:
    """What to do about a bad copy of ``item``."""
    return f"Restore it from {item.download_url}, or delete it and run `{FETCH_COMMAND}`."


def permission_remedy(item: ManifestEntry) -> str:
    """What to do about a copy of ``item`` that cannot be read."""
    return (
        "Give read permission (`chmod u+r` on the file, `chmod u+rx` on its folders), "
        f"or put a readable copy from {item.download_url} in $HWM_DATA_DIR."
    )


def unreadable(path: Path, exc: OSError, item: ManifestEntry) -> UnreadableFile:
    """An :class:`UnreadableFile` for an ``OSError`` met while reading ``path``."""
    reason = f"{exc.strerror or exc} ({type(exc).__name__})"
    message = f"{path}: cannot read the file: {reason}. Expected a readable file. {permission_remedy(item)}"
    return UnreadableFile(message, reason, path)


def sha256_of(path: Path) -> str:
    """Hex sha256 of a file, read in 1 MiB blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def search_folders() -> list[Path]:
    """The folders searched, in order; raises :class:`DataFolderError` for a misconfigured ``HWM_*`` folder."""
    return [folder for folder in (override_dir(), cache_dir(), shared_data_dir()) if folder is not None]


def candidate_paths(item: ManifestEntry) -> list[Path]:
    """Where the file may be, in the order searched."""
    return [folder / item.path for folder in search_folders()]


def _is_file(path: Path, item: ManifestEntry) -> bool:
    """True if ``path`` is a regular file; raise :class:`UnreadableFile` if a folder on the way forbids looking."""
    try:
        info = path.stat()
    except (FileNotFoundError, NotADirectoryError):
        return False
    except OSError as exc:
        raise unreadable(path, exc, item) from exc
    return stat.S_ISREG(info.st_mode)


def locate(item: ManifestEntry) -> Path | None:
    """The first candidate path holding a file (not yet verified), or ``None``."""
    return next((path for path in candidate_paths(item) if _is_file(path, item)), None)


def verify_file(path: Path, item: ManifestEntry) -> Path:
    """Return ``path`` if it has the manifest's sha256; raise a :class:`DataError` naming the file otherwise."""
    try:
        info = path.stat()
        memo = (path.resolve(), info.st_size, info.st_mtime_ns)
        if info.st_size == 0:
            raise EmptyFileError(
                f"{path}: the file is empty (0 bytes). Expected the data of manifest entry '{item.key}' "
                f"(sha256 {item.sha256[:12]}...). {remedy(item)}"
            )
        found = _verified.get(memo) or sha256_of(path)
    except OSError as exc:
        raise unreadable(path, exc, item) from exc
    if found != item.sha256:
        raise ChecksumMismatch(
            f"{path}: sha256 {found} does not match manifest entry '{item.key}'. Expected sha256 "
            f"{item.sha256}. The file is corrupted or a different version. {remedy(item)}",
            expected=item.sha256,
            found=found,
        )
    _verified[memo] = found
    return path


def resolve(key_or_entry: str | ManifestEntry) -> Path:
    """Path of a verified copy of the manifest file; raise if missing, unreadable or corrupted."""
    item = entry(key_or_entry) if isinstance(key_or_entry, str) else key_or_entry
    path = locate(item)
    if path is not None:
        return verify_file(path, item)
    searched = "\n".join(f"  {p}" for p in candidate_paths(item))
    raise DataFileMissing(
        f"{item.path}: not found (manifest key '{item.key}'). Expected it in one of:\n{searched}\n"
        f"Run `{FETCH_COMMAND}` to download it from {item.download_url} into the cache, "
        "or set HWM_DATA_DIR to a folder holding it."
    )


def _human_size(size: int) -> str:
    for unit, scale in (("MB", 1e6), ("kB", 1e3)):
        if size >= scale:
            return f"{size / scale:.1f} {unit}"
    return f"{size} bytes"


@contextlib.contextmanager
def _quiet_pooch() -> Iterator[None]:
    """Silence pooch's own 'Downloading data from ...' log line (we print ours)."""
    import pooch

    logger = pooch.get_logger()
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)


def _make_cache_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DataFolderError(
            f"{folder}: cannot create the download folder ({exc.strerror or exc}). Expected a writable cache "
            "folder. Make it writable, or set HWM_CACHE_DIR to a writable folder."
        ) from exc


def download_failure(exc: BaseException) -> str:
    """Why a download failed, in a few words (the HTTP library's own message repeats every retry)."""
    text = f"{exc} {exc.__cause__ or ''}"
    if any(sign in text for sign in ("NameResolution", "Failed to resolve", "Name or service not known")):
        return "no network: the host name does not resolve"
    if match := re.search(r"(\d{3}) (Client|Server) Error", text):
        return f"HTTP {match[1]}"
    if "timed out" in text.lower():
        return "the connection timed out"
    return str(exc).splitlines()[0][:160]


def _download(item: ManifestEntry, source: str, target: Path) -> None:
    """Download ``source`` to ``target`` via pooch (hash-checked, atomic), with a progress display."""
    import pooch  # imported here: only the download path needs it

    progressbar = importlib.util.find_spec("tqdm") is not None
    print(f"downloading {item.path} from {source}", file=sys.stderr, flush=True)
    try:
        with _quiet_pooch():
            pooch.retrieve(
                source,
                known_hash=f"sha256:{item.sha256}",
                fname=target.name,
                path=target.parent,
                progressbar=progressbar,
            )
    except ValueError as exc:  # pooch reports a hash mismatch as ValueError
        if "hash" not in str(exc).lower():
            raise
        raise ChecksumMismatch(
            f"{source}: the download of '{item.path}' has the wrong sha256; file discarded, nothing saved. "
            f"Expected sha256 {item.sha256} (pooch said: {exc}). "
            "Check that the address still serves the pinned version, or put a verified copy in $HWM_DATA_DIR.",
            expected=item.sha256,
        ) from exc
    except OSError as exc:  # network and HTTP errors (requests' errors are OSError subclasses)
        reason = download_failure(exc)
        raise DownloadError(
            f"{source}: download of '{item.path}' failed ({reason}). Expected the file at its pinned address. "
            "Check the network connection and retry, or put a copy of the file in $HWM_DATA_DIR.",
            reason,
        ) from exc
    print(f"downloaded {item.path} ({_human_size(target.stat().st_size)})", file=sys.stderr, flush=True)


def fetch(item: ManifestEntry, url: str | None = None) -> Path:
    """Return a verified local copy, downloading into the cache if none exists.

    The download goes to a temporary file and is only moved into place once its sha256
    matches, so a failed or corrupted download leaves nothing behind.
    """
    try:
        return resolve(item)
    except DataFileMissing:
        pass
    target = cache_dir() / item.path
    _make_cache_folder(target.parent)
    _download(item, url or item.download_url, target)
    return verify_file(target, item)


@dataclass(frozen=True)
class VerifyResult:
    """Outcome of checking one manifest entry."""

    key: str
    path: str
    status: str  # "ok", "missing", "mismatch", "empty", "unreadable" or "error"
    location: str
    detail: str  # sha256 prefix when ok, else what is wrong
    remedy: str = ""


def _problem(item: ManifestEntry, status: str, location: Path | str, detail: str, fix: str) -> VerifyResult:
    return VerifyResult(item.key, item.path, status, str(location), detail, fix)


def verify_one(item: ManifestEntry) -> VerifyResult:
    """Check one manifest entry; report a problem as a result, never raise for a bad file."""
    try:
        path = locate(item)
    except UnreadableFile as exc:
        return _problem(item, "unreadable", exc.path, exc.reason, permission_remedy(item))
    if path is None:
        return _problem(item, "missing", "-", "not found", f"run `{FETCH_COMMAND}` (downloads {item.download_url})")
    try:
        verify_file(path, item)
    except ChecksumMismatch as exc:
        return _problem(item, "mismatch", path, f"expected sha256 {exc.expected}, found {exc.found}", remedy(item))
    except EmptyFileError:
        return _problem(item, "empty", path, "0 bytes", remedy(item))
    except UnreadableFile as exc:
        return _problem(item, "unreadable", path, exc.reason, permission_remedy(item))
    except (DataError, OSError) as exc:
        return _problem(item, "error", path, str(exc), remedy(item))
    return VerifyResult(item.key, item.path, "ok", str(path), item.sha256[:12])


def verify_all() -> list[VerifyResult]:
    """Check every manifest entry; never raises for a bad file, reports it instead.

    A misconfigured ``HWM_*`` folder is not a bad file: it raises :class:`DataFolderError` once.
    """
    search_folders()
    return [verify_one(item) for item in read_manifest().values()]
