"""Find, verify and fetch the manifest's data files.

Resolution order for a manifest path: ``$HWM_DATA_DIR`` (an override folder), the local cache
(``$HWM_CACHE_DIR`` or ``.cache/data``), then the read-only ``../shared/data``. A file found
nowhere can be downloaded from its pinned URL with :func:`fetch`. Every file is checked against
its sha256 before anything parses it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from analysis.errors import ChecksumMismatch, DataFileMissing
from analysis.manifest import ManifestEntry, entry, read_manifest
from analysis.paths import cache_dir, override_dir, shared_data_dir

FETCH_COMMAND = "python -m analysis data fetch"
_verified: dict[tuple[Path, int, int], str] = {}


def sha256_of(path: Path) -> str:
    """Hex sha256 of a file, read in 1 MiB blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def candidate_paths(item: ManifestEntry) -> list[Path]:
    """Where the file may be, in the order searched."""
    folders = [override_dir(), cache_dir(), shared_data_dir()]
    return [folder / item.path for folder in folders if folder is not None]


def verify_file(path: Path, item: ManifestEntry) -> Path:
    """Raise :class:`ChecksumMismatch` unless ``path`` has the manifest's sha256."""
    stat = path.stat()
    memo = (path.resolve(), stat.st_size, stat.st_mtime_ns)
    found = _verified.get(memo) or sha256_of(path)
    if found != item.sha256:
        raise ChecksumMismatch(
            f"{path}: sha256 mismatch for manifest entry '{item.key}'\n"
            f"  expected {item.sha256}\n  found    {found}\n"
            "The file is corrupted or a different version; restore it from "
            f"{item.download_url} (or remove it and run `{FETCH_COMMAND}`)."
        )
    _verified[memo] = found
    return path


def resolve(key_or_entry: str | ManifestEntry) -> Path:
    """Path of a verified copy of the manifest file; raise if missing or corrupted."""
    item = entry(key_or_entry) if isinstance(key_or_entry, str) else key_or_entry
    for path in candidate_paths(item):
        if path.is_file():
            return verify_file(path, item)
    searched = "\n".join(f"  {p}" for p in candidate_paths(item))
    raise DataFileMissing(
        f"Data file '{item.path}' (manifest key '{item.key}') was not found. Searched:\n{searched}\n"
        f"Run `{FETCH_COMMAND}` to download it from {item.download_url} into the cache, "
        "or set HWM_DATA_DIR to a folder holding it."
    )


def fetch(item: ManifestEntry, url: str | None = None) -> Path:
    """Return a verified local copy, downloading into the cache if none exists.

    The download goes to a temporary file and is only moved into place once its sha256
    matches, so a failed or corrupted download leaves nothing behind.
    """
    try:
        return resolve(item)
    except DataFileMissing:
        pass
    import pooch  # imported here: only the download path needs it

    target = cache_dir() / item.path
    target.parent.mkdir(parents=True, exist_ok=True)
    source = url or item.download_url
    try:
        pooch.retrieve(
            source,
            known_hash=f"sha256:{item.sha256}",
            fname=target.name,
            path=target.parent,
            progressbar=False,
        )
    except ValueError as exc:  # pooch reports a hash mismatch as ValueError
        if "hash" not in str(exc).lower():
            raise
        raise ChecksumMismatch(
            f"Download of '{item.path}' from {source}: sha256 mismatch, file discarded.\n"
            f"  expected {item.sha256}\n  pooch said: {exc}"
        ) from exc
    return verify_file(target, item)


@dataclass(frozen=True)
class VerifyResult:
    """Outcome of checking one manifest entry."""

    key: str
    path: str
    status: str  # "ok", "missing" or "mismatch"
    location: str
    detail: str


def verify_all() -> list[VerifyResult]:
    """Check every manifest entry; never raises for a bad file, reports it instead."""
    results = []
    for item in read_manifest().values():
        try:
            path = resolve(item)
            results.append(VerifyResult(item.key, item.path, "ok", str(path), item.sha256[:12]))
        except DataFileMissing:
            results.append(VerifyResult(item.key, item.path, "missing", "-", f"run {FETCH_COMMAND}"))
        except ChecksumMismatch as exc:
            results.append(VerifyResult(item.key, item.path, "mismatch", "-", str(exc).splitlines()[0]))
    return results
