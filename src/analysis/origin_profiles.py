"""Profiles of origin countries: health workforce density trends with series breaks, remittances,
and the six supplying countries of the ILO action programme on health worker migration.

All functions are pure: they take the tidy frames of :mod:`analysis.data.sources` and return frames.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import statsmodels.api as sm
from scipy.stats import norm

#: ILO action programme on health worker migration: the six supplying countries (seed 003).
ILO_SIX = ["CRI", "KEN", "ROU", "SEN", "LKA", "TTO"]
#: Fewest observations for which a density trend is estimated.
MIN_TREND_OBS = 5


def latest_values(panel: pd.DataFrame, first_year: int | None = None, last_year: int | None = None) -> pd.DataFrame:
    """Per country, the latest ``value`` with ``first_year <= year <= last_year``: ``iso3, year, value``."""
    keep = pd.Series(True, index=panel.index)
    if first_year is not None:
        keep &= panel["year"] >= first_year
    if last_year is not None:
        keep &= panel["year"] <= last_year
    inside = panel.loc[keep, ["iso3", "year", "value"]].dropna(subset=["value"])
    latest = inside.sort_values(["iso3", "year"], kind="stable").drop_duplicates("iso3", keep="last")
    return latest.reset_index(drop=True)


def series_breaks(years: np.ndarray, values: np.ndarray, threshold: float = 0.5, max_gap: int = 2) -> list[int]:
    """Years at which the value jumps by more than ``threshold`` (relative, up or down:
    ``|v_t / v_prev - 1| > threshold``) from the previous observation, that observation being at
    most ``max_gap`` years earlier (a larger change across a longer gap may be genuine growth)."""
    order = np.argsort(years, kind="stable")
    years, values = np.asarray(years)[order], np.asarray(values, dtype=float)[order]
    jumps = (np.abs(values[1:] / values[:-1] - 1) > threshold) & (np.diff(years) <= max_gap)
    return [int(y) for y in years[1:][jumps]]


def _trend_one(years: np.ndarray, values: np.ndarray, break_threshold: float, max_gap: int) -> dict:
    breaks = series_breaks(years, values, break_threshold, max_gap)
    columns = {"const": np.ones(len(years)), "year": years - years.min()}
    for year in breaks:
        columns[f"break_{year}"] = (years >= year).astype(float)
    design = pd.DataFrame(columns)
    result = {
        "n_obs": len(years),
        "first_year": int(years.min()),
        "last_year": int(years.max()),
        "breaks": ",".join(str(y) for y in breaks),
    }
    nan = {"slope": np.nan, "growth": np.nan, "growth_low": np.nan, "growth_high": np.nan}
    if len(years) < MIN_TREND_OBS or len(years) - design.shape[1] < 2:
        return {**result, **nan}
    fit = sm.OLS(np.log(values), design).fit(cov_type="HAC", cov_kwds={"maxlags": 1})
    slope = float(fit.params["year"])
    variance = float(fit.cov_params().loc["year", "year"])
    half = norm.ppf(0.975) * np.sqrt(variance) if variance >= 0 else np.nan
    return {
        **result,
        "slope": slope,
        "growth": np.expm1(slope),
        "growth_low": np.expm1(slope - half),
        "growth_high": np.expm1(slope + half),
    }


def density_trends(
    density: pd.DataFrame,
    countries: list[str],
    start: int = 1990,
    end: int = 2023,
    break_threshold: float = 0.5,
    break_max_gap: int = 2,
) -> pd.DataFrame:
    """Average annual growth of a density per country, from a log-linear trend.

    For each country, ``log(value) = a + b * year (+ level-shift dummies)`` is fitted by OLS on
    the positive values in ``[start, end]``, with HAC (Newey-West, 1 lag) standard errors.
    ``growth = exp(b) - 1`` with its 95% interval (normal approximation). A single-year jump of
    more than ``break_threshold`` in relative terms (``|v_t / v_prev - 1| > threshold``, the
    previous observation at most ``break_max_gap`` years earlier, so a missing year in between is
    allowed) is treated as a series break, not as growth: a dummy equal to 1 from the jump year on
    absorbs the shift in level (the years are listed in ``breaks``). This also removes any genuine
    growth concentrated in that jump, and smaller breaks (e.g. a 30% drop) are not caught.
    Countries with fewer than 5 observations (or fewer than 2 residual degrees of freedom after
    the dummies) get NaN estimates.

    Returns ``iso3, n_obs, first_year, last_year, breaks, slope, growth, growth_low,
    growth_high`` in the order of ``countries`` (countries without data included).
    """
    if "measure" in density.columns and density["measure"].nunique() > 1:
        raise ValueError(f"density holds several measures {sorted(density['measure'].unique())}; pass one")
    inside = density[(density["year"] >= start) & (density["year"] <= end) & (density["value"] > 0)]
    rows = []
    for iso3 in countries:
        series = inside[inside["iso3"] == iso3].sort_values("year", kind="stable")
        if series.empty:
            rows.append({"iso3": iso3, "n_obs": 0})
            continue
        years = series["year"].to_numpy(dtype=float)
        trend = _trend_one(years, series["value"].to_numpy(), break_threshold, break_max_gap)
        rows.append({"iso3": iso3, **trend})
    columns = [
        "iso3",
        "n_obs",
        "first_year",
        "last_year",
        "breaks",
        "slope",
        "growth",
        "growth_low",
        "growth_high",
    ]
    out = pd.DataFrame(rows).reindex(columns=columns)
    out["n_obs"] = out["n_obs"].astype("int64")
    out[["first_year", "last_year"]] = out[["first_year", "last_year"]].astype("Int64")
    return out


def remittance_growth(remittances: pd.DataFrame, start: int = 2010, end: int = 2022) -> pd.DataFrame:
    """Average annual (compound) growth of remittance inflows between the first and last reported
    years in ``[start, end]``; zeros are treated as 'not reported' and skipped.

    Only the two end points enter, so a break in the series (e.g. Romania's inflows jump from
    US$733m in 2012 to US$4,806m in 2013, a change of coverage) passes straight into the rate.

    Returns ``iso3, growth_first_year, growth_last_year, growth``.
    """
    inside = remittances[(remittances["year"] >= start) & (remittances["year"] <= end)]
    inside = inside[inside["value"] > 0].sort_values(["iso3", "year"], kind="stable")
    first = inside.drop_duplicates("iso3", keep="first").set_index("iso3")
    last = inside.drop_duplicates("iso3", keep="last").set_index("iso3")
    span = last["year"] - first["year"]
    growth = (last["value"] / first["value"]) ** (1 / span.where(span > 0)) - 1
    out = pd.DataFrame({"growth_first_year": first["year"], "growth_last_year": last["year"], "growth": growth})
    return out.rename_axis("iso3").reset_index()


def ilo_six_profile(
    density_doctors: pd.DataFrame,
    density_nurses: pd.DataFrame,
    remittances: pd.DataFrame,
    emigration: pd.DataFrame | None = None,
    countries: list[str] | None = None,
    remittance_year: int = 2022,
    growth_start: int = 2010,
    trend_start: int = 1990,
    trend_end: int = 2023,
) -> pd.DataFrame:
    """One row per ILO action-programme country: workforce, its trend, emigration, remittances.

    Columns: latest doctor and nurse densities (per 10,000) and their years; average annual growth
    of the doctor density with its 95% interval (:func:`density_trends`, breaks as level shifts);
    the doctor emigration rate if ``emigration`` (:func:`emigration_rates`) has the country (NaN
    otherwise); remittance inflows in ``remittance_year`` (US$ million, NaN if zero = not
    reported), their average annual growth from ``growth_start`` (:func:`remittance_growth`) and
    ``remittances_note``, which flags a break in the series that makes that growth not comparable.
    """
    countries = list(countries or ILO_SIX)
    frame = pd.DataFrame({"iso3": countries})
    for name, panel in (("doctors", density_doctors), ("nurses", density_nurses)):
        latest = latest_values(panel[panel["iso3"].isin(countries)])
        latest = latest.rename(columns={"value": f"{name}_density", "year": f"{name}_year"})
        frame = frame.merge(latest, on="iso3", how="left")
    trend = density_trends(density_doctors, countries, trend_start, trend_end)
    trend = trend[["iso3", "growth", "growth_low", "growth_high", "breaks"]].rename(
        columns={
            "growth": "doctors_growth",
            "growth_low": "doctors_growth_low",
            "growth_high": "doctors_growth_high",
            "breaks": "doctors_breaks",
        }
    )
    frame = frame.merge(trend, on="iso3", how="left")
    if emigration is not None:
        rates = emigration[["origin", "rate", "abroad", "home"]].rename(
            columns={"origin": "iso3", "rate": "emigration_rate", "abroad": "doctors_abroad"}
        )
        frame = frame.merge(rates.drop(columns="home"), on="iso3", how="left")
    else:
        frame["emigration_rate"] = np.nan
        frame["doctors_abroad"] = np.nan
    return frame.merge(_remittance_columns(remittances, remittance_year, growth_start), on="iso3", how="left")


def _remittance_columns(remittances: pd.DataFrame, year: int, growth_start: int) -> pd.DataFrame:
    """Per country: inflows in ``year`` (NaN if zero), their growth since ``growth_start``, and a note
    flagging a break in the series inside that window (:func:`remittance_breaks`)."""
    level = remittances[(remittances["year"] == year) & (remittances["value"] > 0)]
    level = level[["iso3", "value"]].rename(columns={"value": f"remittances_{year}"})
    growth = remittance_growth(remittances, growth_start, year)
    growth = growth.rename(columns={"growth": f"remittances_growth_{growth_start}_{year}"})
    out = level.merge(growth.drop(columns=["growth_first_year", "growth_last_year"]), on="iso3", how="outer")
    breaks = remittance_breaks(remittances, growth_start, year)
    notes = {
        row.iso3: f"break: {row.ratio:.1f}-fold change {row.from_year}-{row.to_year} (coverage), growth not comparable"
        for row in breaks.itertuples()
    }
    return out.assign(remittances_note=out["iso3"].map(notes).fillna(""))


#: A change of at least this factor in one year is a change of the series' coverage, not of the flows.
JUMP_RATIO = 3.0


def remittance_breaks(remittances: pd.DataFrame, start: int, end: int, ratio: float = JUMP_RATIO) -> pd.DataFrame:
    """Countries whose inflows change by ``ratio`` or more (up or down) between consecutive reported years
    in ``[start, end]`` (zeros = not reported, skipped): ``iso3, from_year, to_year, ratio`` (the largest
    such change, as a factor above 1)."""
    inside = remittances[remittances["year"].between(start, end) & (remittances["value"] > 0)]
    rows = []
    for iso3, series in inside.sort_values(["iso3", "year"], kind="stable").groupby("iso3", sort=False):
        values, years = series["value"].to_numpy(dtype=float), series["year"].to_numpy()
        change = np.maximum(values[1:] / values[:-1], values[:-1] / values[1:])
        if len(change) and change.max() >= ratio:
            i = int(np.argmax(change))
            rows.append({"iso3": iso3, "from_year": int(years[i]), "to_year": int(years[i + 1]),
                         "ratio": float(change[i])})  # fmt: skip
    return pd.DataFrame(rows, columns=["iso3", "from_year", "to_year", "ratio"])


def largest_jump(remittances: pd.DataFrame, iso3: str, start: int | None = None) -> dict[str, float]:
    """The largest year-on-year ratio in one country's remittance inflows from ``start`` on (zeros, i.e.
    'not reported', excluded): a jump of several times in one year is a change of coverage."""
    keep = (remittances["iso3"] == iso3) & (remittances["value"] > 0)
    if start is not None:
        keep &= remittances["year"] >= start
    series = remittances[keep].sort_values("year", kind="stable")
    ratio = series["value"].to_numpy()[1:] / series["value"].to_numpy()[:-1]
    if len(ratio) == 0:
        raise ValueError(f"{iso3}: fewer than two non-zero remittance values")
    i = int(np.argmax(ratio))
    years = series["year"].to_numpy()
    return {"from_year": int(years[i]), "to_year": int(years[i + 1]), "ratio": float(ratio[i])}
