"""Annual inflows into one destination: nurses trained abroad joining the UK register (NMC), 2017/18-2024/25.

A growing stock does not show growing migration; an inflow series does. The NMC changed its definition in
2020/21 (from joiners registered outside the EU/EEA to joiners trained outside the UK, EU/EEA included), so
the two definitions are kept as separate series and never compared across the break. One year has two NMC
figures; the one the NMC pairs with the previous year (same sentence) is kept, the other dropped.
"""

from __future__ import annotations

import pandas as pd

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
    ``value`` (persons), ``source_kind``."""
    figures = published.figures()
    rows = figures[(figures["concept"] == CONCEPT) & ~figures["figure_id"].str.endswith(DROPPED_SUFFIX)].copy()
    rows["series"] = rows["figure_id"].map(
        lambda fid: next(label for prefix, label in SERIES.items() if fid.startswith(prefix))
    )
    rows["year"] = (rows["year_start"] + rows["year_end"]) / 2
    rows["year_label"] = (
        rows["year_start"].astype(int).astype(str) + "/" + (rows["year_end"] % 100).astype(int).map("{:02d}".format)
    )
    columns = ["figure_id", "series", "year", "year_label", "value", "source_kind"]
    return rows[columns].sort_values(["series", "year"], kind="stable").reset_index(drop=True)


def _compound_growth(frame: pd.DataFrame) -> float:
    """Average annual growth between the first and last year, in %."""
    first, last = frame.iloc[0], frame.iloc[-1]
    return 100 * ((last["value"] / first["value"]) ** (1 / (last["year"] - first["year"])) - 1)


def specifications() -> list[Specification]:
    """Each series' growth as a specification of "migration is increasing", in % a year.

    A series long enough for a log-linear fit (HC3 interval) gets one; a shorter one gets the compound growth
    between its first and last year, an exact count with no interval.
    """
    specs = []
    for label, frame in nmc_joiners().groupby("series", sort=False):
        name = f"UK nurses, {label}"
        if len(frame) >= MIN_POINTS_FOR_FIT:
            fit = fit_published_trend(frame, f"NMC {label}")
            specs.append(Specification(name, fit.growth_pct, fit.low_pct, fit.high_pct))
        else:
            growth = float(_compound_growth(frame))
            specs.append(Specification(name, growth, growth, growth))
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
        DecidingInput(f"NMC joiners {row.year_label} ({row.series})", row.source_kind)
        for row in nmc_joiners().itertuples()
    ]
