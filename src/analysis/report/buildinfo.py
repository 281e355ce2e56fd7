"""Facts about this build for the reproducibility page: package versions and data hashes.

(Keeping the build fresh after a change of code or data is :mod:`analysis.build`'s job.)
"""

from __future__ import annotations

import sys
from importlib.metadata import PackageNotFoundError, version

import pandas as pd

from analysis.data.files import verify_all

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
