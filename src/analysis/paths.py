"""Where the project, the shared data and the local cache live.

Notebooks execute with their own folder as working directory, so nothing here depends on
the current directory unless the package cannot find the project root any other way.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT_MARKER = "_toc.yml"


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


def shared_data_dir() -> Path:
    """Read-only staged data: ``$HWM_SHARED_DATA`` or ``<root>/../shared/data``."""
    override = os.environ.get("HWM_SHARED_DATA")
    return Path(override) if override else project_root().parent / "shared" / "data"


def cache_dir() -> Path:
    """Local download cache: ``$HWM_CACHE_DIR`` or ``<root>/.cache/data``."""
    override = os.environ.get("HWM_CACHE_DIR")
    return Path(override) if override else project_root() / ".cache" / "data"


def override_dir() -> Path | None:
    """Folder searched first for data files (``$HWM_DATA_DIR``), if set."""
    override = os.environ.get("HWM_DATA_DIR")
    return Path(override) if override else None


def data_dir() -> Path:
    """The project's own ``data/`` folder (manifest, published figures, reference tables)."""
    return project_root() / "data"
