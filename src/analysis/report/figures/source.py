"""The line under every figure: where its data come from, and the data behind it as a CSV download.

:func:`figure_source` writes the figure's data frame to ``notebooks/exports/figure_data/<name>.csv`` when
the notebook runs; the book's Sphinx extension (``_ext/reader.py``) copies those files to
``_static/data/`` of the built book, where the link points. The reproducibility page lists them
(:func:`figure_data_files`).
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pandas as pd
from IPython.display import HTML

from analysis.data.paths import project_root

DATA_FOLDER = "notebooks/exports/figure_data"
#: Where the built pages find the files, relative to a page one folder below the book's root.
DATA_URL = "../_static/data/"
_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


def data_folder() -> Path:
    """The folder the figure data are written to (created if needed)."""
    folder = project_root() / DATA_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def write_figure_data(data: pd.DataFrame, name: str) -> Path:
    """Write ``data`` (without its index) as ``<name>.csv``; numbers to 8 significant digits."""
    if not _NAME.match(name):
        raise ValueError(f"figure data name must be lower-case letters, digits, - or _: {name!r}")
    path = data_folder() / f"{name}.csv"
    data.to_csv(path, index=False, float_format="%.8g")
    return path


def figure_source(data: pd.DataFrame, name: str, source: str) -> HTML:
    """Save the data behind a figure and return its source line with a CSV link, to show under it.

    Call it in a cell of its own right after the figure's cell, tagged ``remove-input`` (myst-nb would wrap
    any other output of a figure cell as a second figure): ``figure_source(frame, "trends-shares", "OECD,
    Health Workforce Migration database (HEALTH_WFMI)")``. ``name`` is the file name without ``.csv``
    (use the figure's name without ``fig-``).
    """
    write_figure_data(data, name)
    return HTML(
        f'<p class="hwm-figure-source">Source: {html.escape(source)}. '
        f'<a class="hwm-figure-data" href="{DATA_URL}{name}.csv" download>Data behind this figure (CSV)</a></p>'
    )


def figure_data_files() -> pd.DataFrame:
    """The figure data files written so far: file name and number of rows (for the reproducibility page)."""
    rows = [
        {"file": path.name, "rows": sum(1 for _ in path.open(encoding="utf-8")) - 1}
        for path in sorted(data_folder().glob("*.csv"))
    ]
    return pd.DataFrame(rows, columns=["file", "rows"])
