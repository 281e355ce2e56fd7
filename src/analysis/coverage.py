"""Tables about the inputs themselves: the data catalog, panel coverage and series breaks."""

from __future__ import annotations

import pandas as pd

from analysis.data.files import verify_all
from analysis.data.manifest import read_manifest


def catalog_table() -> pd.DataFrame:
    """One row per manifest file: publisher, dataset, licence, sha256 prefix and check status."""
    status = {r.key: r.status for r in verify_all()}
    rows = [
        {
            "file": item.path,
            "publisher": item.publisher,
            "dataset": item.dataset,
            "licence": item.licence,
            "sha256": item.sha256[:12],
            "status": status[item.key],
        }
        for item in read_manifest().values()
    ]
    return pd.DataFrame(rows)


def coverage_matrix(panel: pd.DataFrame, measure: str) -> pd.DataFrame:
    """Countries x years, True where ``panel`` has a value of ``measure``."""
    subset = panel[panel["measure"] == measure]
    if subset.empty:
        raise ValueError(f"measure {measure!r} not in panel (has {sorted(panel['measure'].unique())})")
    matrix = pd.crosstab(subset["iso3"], subset["year"]).gt(0)
    years = range(int(subset["year"].min()), int(subset["year"].max()) + 1)
    return matrix.reindex(columns=years, fill_value=False)


def coverage_summary(panel: pd.DataFrame, label: str) -> pd.DataFrame:
    """Per measure: number of countries, first and last year, and country-years with data."""
    grouped = panel.groupby("measure")
    return pd.DataFrame(
        {
            "panel": label,
            "countries": grouped["iso3"].nunique(),
            "first_year": grouped["year"].min(),
            "last_year": grouped["year"].max(),
            "country_years": grouped.size(),
        }
    ).reset_index()


def oecd_break_flags(panel: pd.DataFrame) -> pd.DataFrame:
    """Rows of an OECD HEALTH_WFMI frame that carry a flag (B break, D difference in method)."""
    flagged = panel[panel["flag"].notna()]
    return (
        flagged.groupby(["iso3", "measure", "flag"])["year"]
        .agg(lambda years: ", ".join(str(y) for y in sorted(years)))
        .reset_index()
        .rename(columns={"year": "years"})
    )


def single_year_jumps(panel: pd.DataFrame, threshold: float = 0.5) -> pd.DataFrame:
    """Year-on-year changes larger than ``threshold`` (relative) between consecutive observations.

    Such jumps in workforce densities are usually definitional (a change of source or of the
    occupations counted), not migration; later chapters treat them as series breaks.
    """
    ordered = panel.sort_values(["measure", "iso3", "year"], kind="stable")
    previous = ordered.groupby(["measure", "iso3"])["value"].shift()
    prev_year = ordered.groupby(["measure", "iso3"])["year"].shift()
    change = ordered["value"] / previous - 1
    jumps = ordered.assign(previous_year=prev_year, previous_value=previous, change=change)
    jumps = jumps[jumps["change"].abs() > threshold]
    jumps = jumps.assign(previous_year=jumps["previous_year"].astype("int64"))
    return jumps[["measure", "iso3", "previous_year", "previous_value", "year", "value", "change"]]


def vintage_agreement(old: pd.DataFrame, new: pd.DataFrame, tolerance: float = 0.01) -> pd.Series:
    """Compare two WHO vintages of one indicator on their common country-years.

    Returns the number of common country-years, how many agree within ``tolerance``, and the
    median absolute relative revision.
    """
    merged = old.merge(new, on=["iso3", "year", "measure"], suffixes=("_old", "_new"))
    diff = (merged["value_new"] - merged["value_old"]).abs()
    within = diff <= tolerance + 1e-9  # values have 2 decimals: allow for float representation error
    relative = diff / merged["value_old"].where(merged["value_old"] != 0)
    return pd.Series(
        {
            "common": len(merged),
            "identical": int(within.sum()),
            "share_identical": float(within.mean()) if len(merged) else float("nan"),
            "median_relative_revision": float(relative.median()),
        }
    )


def countries_per_year(series: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Long table ``series, year, countries``: how many countries report each year."""
    frames = [
        frame.groupby("year")["iso3"].nunique().rename("countries").reset_index().assign(series=label)
        for label, frame in series.items()
    ]
    return pd.concat(frames, ignore_index=True)[["series", "year", "countries"]]
