"""Is the growth of the foreign-trained workforce speeding up? Curvature tests under rounding, and growth
rates compared within one publication's own counts.

Acceleration is a rising growth rate. Every estimate here is expressed in one unit: the change in the
annual growth rate, in percentage points per year (for a log-quadratic trend ``a + b t + c t^2`` that is
``200 c``). Published shares are rounded ("15%", "one in seven"), which is coarse next to the differences
that identify curvature, so each value is redrawn within its rounding and the curvature's sampling
uncertainty is added on top (a mixture, as in multiple imputation).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np
import pandas as pd

from analysis.data import published
from analysis.evidence import ClaimResult, evaluates, judged
from analysis.montecarlo import batch_standard_error
from analysis.trends import fit_published_trend, published_points, trend_inputs
from analysis.verdicts import Assertion, Specification

DRAWS = 400
SEED = 20_261_126
#: From the curvature coefficient of a log-quadratic trend to percentage points per year, per year.
TO_PP_PER_YEAR = 200.0


@dataclass(frozen=True)
class Acceleration:
    """Change in the annual growth rate (pp per year) with a 95% interval, and how often it is significant."""

    label: str
    estimate: float
    low: float
    high: float
    share_significant: float  # share of rounding draws whose own 95% interval lies above zero
    mcse: tuple[float, float, float] | None = None  # Monte Carlo standard errors of (estimate, low, high)

    def specification(self) -> Specification:
        return Specification(self.label, self.estimate, self.low, self.high)


def curvature_under_rounding(
    points: pd.DataFrame, label: str, by_publication: bool, draws: int = DRAWS, seed: int = SEED
) -> Acceleration:
    """The curvature of a published series when each value may lie anywhere within its rounding.

    ``points`` needs ``value`` and ``rounding`` (half-width) columns, as from
    :func:`analysis.trends.published_points`.
    """
    rng = np.random.default_rng(seed)
    values = points["value"].to_numpy(dtype=float)
    half = points["rounding"].to_numpy(dtype=float)
    mixture, significant = np.empty(draws), 0
    for i in range(draws):
        redrawn = points.assign(value=values + rng.uniform(-half, half))
        fit = fit_published_trend(redrawn, label, by_publication)
        se = (fit.curvature_high - fit.curvature) / 1.959963984540054
        mixture[i] = rng.normal(fit.curvature, se)
        significant += fit.curvature_low > 0
    mid, low, high = _summary(pd.Series(mixture))
    mcse = batch_standard_error(pd.Series(mixture), _summary)
    return Acceleration(label, mid, low, high, significant / draws, mcse)


def _summary(curvatures: pd.Series) -> tuple[float, float, float]:
    """Median and 95% interval of curvature draws, in pp per year."""
    mid, low, high = TO_PP_PER_YEAR * np.quantile(curvatures, [0.5, 0.025, 0.975])
    return float(mid), float(low), float(high)


def _bounds(figure_id: str) -> tuple[float, float]:
    """The interval a published figure's rounding allows."""
    value = float(published.figure(figure_id)["value"])
    half = float(published.trend_points().loc[figure_id, "rounding"])
    return value - half, value + half


#: OECD (2019): foreign-trained doctors "+50% ... to nearly 500 000" over 2006-2016, and about 424 000 in
#: 2011 and about 483 000 in 2016 on a fixed panel of 26 countries.
DECADE_GROWTH = "OECD2019_CH1_FTD_GROWTH_2006_2016"
COUNT_2011, COUNT_2016 = "oecd2019_ft_doctors_count_2011", "oecd2019_ft_doctors_count_2016"
#: Half-width of the rounding of "+50%" (a growth stated to the nearest ten per cent).
DECADE_GROWTH_ROUNDING = 5.0


@cache
def oecd2019_count_acceleration() -> Acceleration:
    """Growth 2011-2016 minus growth 2006-2011 of OECD's own counts of foreign-trained doctors, per year.

    The 2006 level is implied by the decade growth: ``count_2016 / (1 + growth)``. The interval is the range
    over every combination of the rounding bounds (the counts are rounded, the growth to the nearest 10%).
    """
    growth = float(published.figure(DECADE_GROWTH)["value"])
    outcomes = []
    for g in (growth - DECADE_GROWTH_ROUNDING, growth + DECADE_GROWTH_ROUNDING):
        for c11 in _bounds(COUNT_2011):
            for c16 in _bounds(COUNT_2016):
                c06 = c16 / (1 + g / 100)
                early, late = np.log(c11 / c06) / 5, np.log(c16 / c11) / 5
                outcomes.append(100 * (late - early) / 5)  # midpoints 2008.5 and 2013.5 are 5 years apart
    mid_g = growth
    c11, c16 = float(published.figure(COUNT_2011)["value"]), float(published.figure(COUNT_2016)["value"])
    c06 = c16 / (1 + mid_g / 100)
    estimate = 100 * (np.log(c16 / c11) / 5 - np.log(c11 / c06) / 5) / 5
    significant = float(max(outcomes) < 0 or min(outcomes) > 0)
    label = "foreign-trained doctors, number, OECD 2019 (2006, 2011 and 2016)"
    return Acceleration(label, float(estimate), float(min(outcomes)), float(max(outcomes)), significant)


def oecd2019_period_growth() -> tuple[float, float]:
    """Compound annual growth of OECD (2019)'s doctor counts over 2006-2011 and 2011-2016, in % (central values)."""
    growth = float(published.figure(DECADE_GROWTH)["value"])
    c11, c16 = float(published.figure(COUNT_2011)["value"]), float(published.figure(COUNT_2016)["value"])
    c06 = c16 / (1 + growth / 100)
    return 100 * ((c11 / c06) ** 0.2 - 1), 100 * ((c16 / c11) ** 0.2 - 1)


def same_panel_growth(profession: str) -> tuple[float, float, float]:
    """Annual growth 2011-2016 of OECD (2019)'s counts on one fixed panel, with the range its rounding allows."""
    c11, c16 = f"oecd2019_ft_{profession}_count_2011", f"oecd2019_ft_{profession}_count_2016"
    (lo11, hi11), (lo16, hi16) = _bounds(c11), _bounds(c16)
    v11, v16 = float(published.figure(c11)["value"]), float(published.figure(c16)["value"])

    def annual(start: float, end: float) -> float:
        return 100 * ((end / start) ** (1 / 5) - 1)

    return annual(v11, v16), annual(hi11, lo16), annual(lo11, hi16)


@cache
def specifications() -> tuple[Acceleration, ...]:
    """The acceleration of the foreign-trained doctor workforce, every reasonable way the published data allow."""
    averages = published_points("doctors", "foreign_trained", "share_pct", "country average")
    shares = published_points("doctors", "foreign_trained", "share_pct")
    share = "foreign-trained share of doctors"
    return (
        curvature_under_rounding(averages, f"{share}, OECD averages pooled", by_publication=False),
        curvature_under_rounding(shares, f"{share}, within each publication", by_publication=True),
        oecd2019_count_acceleration(),
    )


@evaluates("migration_accelerating")
def evaluate_accelerating() -> ClaimResult:
    pooled, within, counts = specifications()
    early, late = oecd2019_period_growth()
    return judged(
        "migration_accelerating",
        pooled.specification(),
        "change in the annual growth rate of foreign-trained doctors in OECD countries (share or number), "
        "percentage points per year",
        Assertion("above", 0),
        [spec.specification() for spec in (pooled, within, counts)],
        trend_inputs(("doctors", "foreign_trained", "share_pct"), ("doctors", "foreign_trained", "count")),
        reason=(
            "Acceleration is a rising growth rate. Fitted to the OECD averages of the foreign-trained share of "
            f"doctors, the growth rate changes by {pooled.estimate:+.2f} percentage points a year (95% interval "
            f"{pooled.low:+.2f} to {pooled.high:+.2f}); identified only within each publication's own comparison "
            f"over time, by {within.estimate:+.2f} ({within.low:+.2f} to {within.high:+.2f}). Both intervals "
            "include the published rounding ('15%', 'one in seven'): redrawing each share within its rounding, "
            f"the within-publication curvature is significantly positive in only {100 * within.share_significant:.0f}% "
            "of draws. OECD (2019)'s own counts of foreign-trained doctors point the other way: about "
            f"{counts.estimate:+.2f} points a year ({counts.low:+.2f} to {counts.high:+.2f} over their rounding), "
            f"from {early:.1f}% a year over 2006-2011 to {late:.1f}% over 2011-2016; but only the 2011 and 2016 "
            "counts are on one stated set of 26 countries, and the 2006 level, implied by a '+50%' growth, may "
            "rest on another set. The claim itself is about projections, which past data cannot confirm."
        ),
        would_change=(
            "An annual series of foreign-trained stocks or inflows on a constant set of countries (the OECD "
            "Health Workforce Migration database, 2000 onwards) long enough to estimate a change in the growth rate."
        ),
        unmatched="the claim is about projections of demand and supply, which past data cannot test",
        mcse=pooled.mcse,
    )
