"""Facts about this build: package versions, data hashes, and the source stamp that keeps the
notebook execution cache honest.

Jupyter Book's execution cache is keyed on notebook code only, so editing ``src/analysis`` or a
data file would not re-execute anything. :func:`invalidate_stale_cache` (run by ``make book``
before every build) hashes the package, the project's data folder and the lock file, and
deletes the cache when that stamp changed since the last build.
"""

from __future__ import annotations

import hashlib
import shutil
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pandas as pd

from analysis.datafiles import verify_all
from analysis.paths import project_root

KEY_PACKAGES = (
    "jupyter-book",
    "sphinx",
    "myst-nb",
    "jupytext",
    "nbval",
    "pandas",
    "numpy",
    "scipy",
    "statsmodels",
    "matplotlib",
    "seaborn",
    "pandera",
    "pooch",
)
STAMPED = ("src/analysis", "data", "requirements.txt")
STAMP_FILE = ".source_stamp"


def package_versions() -> pd.DataFrame:
    rows = [{"package": "python", "version": sys.version.split()[0]}]
    for name in KEY_PACKAGES:
        try:
            rows.append({"package": name, "version": version(name)})
        except PackageNotFoundError:
            rows.append({"package": name, "version": "not installed"})
    return pd.DataFrame(rows)


def data_hash_table() -> pd.DataFrame:
    return pd.DataFrame([{"file": r.path, "status": r.status, "sha256 (first 12)": r.detail} for r in verify_all()])


def source_stamp(root: Path | None = None) -> str:
    """sha256 over the paths and contents of every file the notebooks' results depend on."""
    root = root or project_root()
    digest = hashlib.sha256()
    for entry in STAMPED:
        base = root / entry
        files = sorted(p for p in base.rglob("*") if p.is_file()) if base.is_dir() else [base]
        for path in files:
            if "__pycache__" in path.parts or not path.exists():
                continue
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


#: What a stale build must lose: the execution cache, and Sphinx's environment, without which Sphinx
#: would re-read (and so re-execute) only the documents whose own source changed.
STALE_PARTS = (".jupyter_cache", ".doctrees")


def invalidate_stale_cache(build_dir: Path, root: Path | None = None) -> bool:
    """Delete the execution cache and Sphinx environment if the source stamp changed.

    Returns True if they were deleted (the next build re-executes every notebook).
    """
    stamp = source_stamp(root)
    stamp_path = build_dir / STAMP_FILE
    cache = build_dir / ".jupyter_cache"
    stale = stamp_path.exists() and stamp_path.read_text().strip() != stamp
    missing_stamp = not stamp_path.exists() and cache.exists()
    if stale or missing_stamp:
        for part in STALE_PARTS:
            shutil.rmtree(build_dir / part, ignore_errors=True)
    build_dir.mkdir(parents=True, exist_ok=True)
    stamp_path.write_text(stamp + "\n")
    return stale or missing_stamp


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    build_dir = Path(args[0]) if args else project_root() / "_build"
    if invalidate_stale_cache(build_dir):
        print(f"sources changed since the last build: cleared {', '.join(STALE_PARTS)} in {build_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
