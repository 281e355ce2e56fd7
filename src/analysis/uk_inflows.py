"""Annual inflows into one destination: nurses trained abroad joining the UK register (NMC), 2017/18-2024/25.

A growing stock does not show growing migration; an inflow series does. The NMC changed its definition in
2020/21 (from joiners registered outside the EU/EEA to joiners trained outside the UK, EU/EEA included), so
the two definitions are kept as separate series and never compared across the break. One year has two NMC
figures; the one the NMC pairs with the previous year (same sentence) is kept, the other dropped.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import statsmodels.api as sm

from analysis.data import published
from analysis.trends import fit_published_trend
from analysis.verdicts import DecidingInput, Specification

TABLE = "uk_register_inflows"
CONCEPT = "foreign_trained_inflow"
#: Figure-id prefix of each series, and what it counts.
SERIES = {
    "NMC_NONEEA_JOINERS_": "joiners registered outside the EU/EEA (2017/18-2019/20)",
    "NMC_INTL_JOINERS_": "joiners trained outside the UK (2020/21-2024/25)",
}
DROPPED_SUFFIX = "_ALT"
#: Fewest years for a log-linear fit with an interval (two parameters and two residual degrees of freedom).
MIN_POINTS_FOR_FIT = 4


def nmc_joiners() -> pd.DataFrame:
    """One row per year and series: ``figure_id, series, year`` (mid-year, April-March), ``year_label``,
    ``value`` (persons), ``source_kind``, ``publication_short`` (the publisher or outlet it was read in)."""
    figures = published.figures()
    rows = figures[(figures["concept"] == CONCEPT) & ~figures["figure_id"].str.endswith(DROPPED_SUFFIX)].copy()
    rows["series"] = rows["figure_id"].map(
        lambda fid: next(label for prefix, label in SERIES.items() if fid.startswith(prefix))
    )
    rows["year"] = (rows["year_start"] + rows["year_end"]) / 2
    rows["year_label"] = (
        rows["year_start"].astype(int).astype(str) + "/" + (rows["year_end"] % 100).astype(int).map("{:02d}".format)
    )
    rows["publication_short"] = rows["publication"].str.split(" (", regex=False).str[0]
    columns = ["figure_id", "series", "year", "year_label", "value", "source_kind", "publication_short"]
    return rows[columns].sort_values(["series", "year"], kind="stable").reset_index(drop=True)


def short_series_trend(frame: pd.DataFrame, level: float = 0.95) -> tuple[float, float, float]:
    """Log-linear trend of a series too short for robust standard errors: growth in % a year with the
    classical interval, Student's t on ``n - 2`` degrees of freedom (one, for three years).

    The counts are exact; what is uncertain is the trend they stand for, and with three points the only
    evidence on it is how far the middle year departs from a straight line. HC3 is not used: with three
    points its leverage corrections are degenerate.
    """
    if len(frame) < 3:
        raise ValueError(f"a trend with an interval needs at least 3 years, got {len(frame)}")
    t = frame["year"].to_numpy(dtype=float)
    fit = sm.OLS(np.log(frame["value"].to_numpy(dtype=float)), sm.add_constant(t - t.mean())).fit()
    low, high = fit.conf_int(alpha=1 - level)[1]
    return tuple(float(100 * np.expm1(b)) for b in (fit.params[1], low, high))


def specifications() -> list[Specification]:
    """Each series' growth as a specification of "migration is increasing", in % a year.

    A series long enough for robust standard errors gets the log-linear fit of the published series (HC3);
    a shorter one, the same trend with the classical small-sample interval (:func:`short_series_trend`).
    """
    specs = []
    for label, frame in nmc_joiners().groupby("series", sort=False):
        name = f"UK register, nurses trained abroad joining: {label}"
        if len(frame) >= MIN_POINTS_FOR_FIT:
            fit = fit_published_trend(frame, f"NMC {label}")
            specs.append(Specification(name, fit.growth_pct, fit.low_pct, fit.high_pct))
        else:
            specs.append(Specification(name, *short_series_trend(frame)))
    return specs


def summary() -> dict[str, object]:
    """The facts the chapter states: growth of each series (with the interval of the consistent one), how
    many times joiners multiplied under the old definition, and the peak and latest year under the new one."""
    joiners = nmc_joiners()
    old, new = (frame for _, frame in joiners.groupby("series", sort=False))
    old_growth, new_growth = specifications()
    peak, latest = new.loc[new["value"].idxmax()], new.iloc[-1]
    return {
        "old_growth": old_growth.estimate,
        "old_low": old_growth.low,
        "old_high": old_growth.high,
        "old_n": len(old),
        "old_ratio": float(old["value"].iloc[-1] / old["value"].iloc[0]),
        "new_growth": new_growth.estimate,
        "new_low": new_growth.low,
        "new_high": new_growth.high,
        "peak": int(peak["value"]),
        "peak_year": peak["year_label"],
        "last": int(latest["value"]),
        "last_year": latest["year_label"],
        "fall_pct": float(100 * (1 - latest["value"] / peak["value"])),
    }


def deciding_inputs() -> list[DecidingInput]:
    """Every NMC figure used, with how it was read."""
    return [
        DecidingInput(
            row.figure_id,
            row.source_kind,
            label=f"nurses trained abroad joining the UK register in {row.year_label} ({row.publication_short}"
            + (", reporting Nursing and Midwifery Council figures)" if row.source_kind == "secondary" else ")"),
        )
        for row in nmc_joiners().itertuples()
    ]
