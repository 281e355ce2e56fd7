"""The four published OECD-wide series of chapter 2 as panels: each datum with its publication, whether the
trend is fitted to it, and one table of every datum (the data behind the chapter's main trend figure)."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from analysis.trends import SERIES, fitted_band, publication_group, published_points

#: Panel keys, in the order of :data:`analysis.trends.SERIES`.
PANELS = ("doctors_share", "nurses_share", "doctors_count", "nurses_count")
#: Shares pooled over one fixed panel of countries (OECD 2019) are another concept than the OECD averages:
#: shown, but not fitted.
NOT_FITTED = "pooled panel"


def panels() -> dict[str, pd.DataFrame]:
    """Each published series (``year, year_start, year_end, value, series, publication, fitted, ...``)."""
    frames = {}
    for key, (profession, concept, measure, _) in zip(PANELS, SERIES, strict=True):
        points = published_points(profession, concept, measure)
        frames[key] = points.assign(
            publication=points["figure_id"].map(publication_group), fitted=points["series"] != NOT_FITTED
        )
    return frames


def bands(points: dict[str, pd.DataFrame], n: int = 30) -> dict[str, pd.DataFrame]:
    """The log-linear trend and its 95% band of each panel, fitted to its ``fitted`` points only."""
    out = {}
    for key, frame in points.items():
        fitted = frame[frame["fitted"]]
        out[key] = fitted_band(fitted, np.linspace(fitted["year"].min(), fitted["year"].max(), n))
    return out


def publication_order(publications: pd.Series) -> list[str]:
    """Distinct publications in the order they appeared (the year in their name, then the name), so that
    every panel gives a publication the same colour and marker."""
    names = sorted(set(publications))

    def year(name: str) -> int:
        found = re.search(r"(19|20)\d\d", name)
        return int(found.group(0)) if found else 9999

    return sorted(names, key=lambda name: (year(name), name))


def years_text(start: float, end: float) -> str:
    """The years a published figure refers to: "2016", or a span "2021–2023"."""
    return f"{start:.0f}" if start == end else f"{start:.0f}–{end:.0f}"


def points_table(points: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Every datum of every panel, one row each: ``series, years, share, number, concept, publication, fitted``
    (a share has no number and a count no share)."""
    labels = {key: label for key, (_, _, _, label) in zip(PANELS, SERIES, strict=True)}
    rows = []
    for key, frame in points.items():
        is_share = key.endswith("_share")
        rows.append(
            pd.DataFrame({
                "series": labels[key].removesuffix(" (number)"),
                "years": [years_text(a, b) for a, b in zip(frame["year_start"], frame["year_end"], strict=True)],
                "share": frame["value"] if is_share else np.nan,
                "number": np.nan if is_share else frame["value"],
                "concept": frame["series"] if is_share else "count",
                "publication": frame["publication"],
                "fitted": frame["fitted"],
            })
        )  # fmt: skip
    return pd.concat(rows, ignore_index=True)
