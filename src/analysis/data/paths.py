"""Where the project, the shared data and the local cache live.

Notebooks execute with their own folder as working directory, so nothing here depends on
the current directory unless the package cannot find the project root any other way.
A folder named by an ``HWM_*`` variable that is unusable raises :class:`DataFolderError`
instead of being silently ignored.
"""

from __future__ import annotations

import os
from pathlib import Path

from analysis.data.errors import DataFolderError

ROOT_MARKER = "_toc.yml"
#: Subfolder of the cache holding parsed frames; manifest paths may not start with it.
PARSED_SUBDIR = "_parsed"
_ENV_REMEDY = "Set {0} to an existing folder (create it, or correct the path), or unset it (`unset {0}`)."
_CACHE = "a folder (created on first download) for downloaded files and parsed frames"


def project_root() -> Path:
    """Return the repository root: ``$HWM_PROJECT_ROOT`` or the nearest folder holding ``_toc.yml``."""
    override = os.environ.get("HWM_PROJECT_ROOT")
    if override:
        return Path(override).resolve()
    for start in (Path(__file__).resolve(), Path.cwd().resolve()):
        for folder in (start, *start.parents):
            if (folder / ROOT_MARKER).is_file():
                return folder
    raise FileNotFoundError(f"Cannot find the project root (a folder holding {ROOT_MARKER}); set HWM_PROJECT_ROOT.")


def _require_folder(folder: Path, label: str, expected: str, remedy: str, must_exist: bool) -> Path:
    """Raise :class:`DataFolderError` if ``folder`` is a file, or is absent when it must exist."""
    if folder.exists() and not folder.is_dir():
        raise DataFolderError(f"{folder} ({label}): this is a file, not a folder. Expected {expected}. {remedy}")
    if must_exist and not folder.exists():
        raise DataFolderError(f"{folder} ({label}): folder not found. Expected {expected}. {remedy}")
    return folder


def _env_folder(variable: str) -> Path | None:
    value = os.environ.get(variable)
    return Path(value) if value else None


def shared_data_dir() -> Path:
    """Read-only staged data: ``$HWM_SHARED_DATA`` (must exist if set) or ``<root>/../shared/data``."""
    folder = _env_folder("HWM_SHARED_DATA")
    if folder is None:
        return project_root().parent / "shared" / "data"
    return _require_folder(
        folder,
        "HWM_SHARED_DATA",
        "an existing folder of staged data files",
        _ENV_REMEDY.format("HWM_SHARED_DATA"),
        True,
    )


def cache_dir() -> Path:
    """Local download cache: ``$HWM_CACHE_DIR`` or ``<root>/.cache/data`` (created when needed)."""
    folder = _env_folder("HWM_CACHE_DIR")
    if folder is None:
        remedy = "Move the file away, or set HWM_CACHE_DIR to another folder."
        return _require_folder(project_root() / ".cache" / "data", "default cache folder", _CACHE, remedy, False)
    return _require_folder(folder, "HWM_CACHE_DIR", _CACHE, _ENV_REMEDY.format("HWM_CACHE_DIR"), False)


def parsed_cache_dir() -> Path:
    """Folder of parsed frames, inside the download cache."""
    return cache_dir() / PARSED_SUBDIR


def override_dir() -> Path | None:
    """Folder searched first for data files (``$HWM_DATA_DIR``), if set; it must exist."""
    folder = _env_folder("HWM_DATA_DIR")
    if folder is None:
        return None
    expected = "an existing folder of data files, searched first"
    return _require_folder(folder, "HWM_DATA_DIR", expected, _ENV_REMEDY.format("HWM_DATA_DIR"), True)


def data_dir() -> Path:
    """The project's own ``data/`` folder (manifest, published figures, reference tables)."""
    return project_root() / "data"
