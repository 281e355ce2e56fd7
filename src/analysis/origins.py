"""Where foreign-trained doctors come from, how many of each origin's doctors are abroad, and a
re-derivation of the WHO Health Workforce Support and Safeguards List (SSL).

Inputs are the tidy frames of :mod:`analysis.data.sources`: OECD foreign-trained doctors (``FTDS``) by
origin (21 destinations in 2018, the USA in 2016), WHO workforce densities and counts, the UHC
service coverage index, World Bank CLASS income groups and KNOMAD remittances. All functions are
pure: they take frames and return frames.

Coverage limits that apply throughout: the OECD extracts cover 22 OECD destinations only (no
Gulf states, no South Africa, no intra-African or intra-Asian movement), one year each, and
count doctors by country of *training*, not of birth or citizenship.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import statsmodels.api as sm
from scipy.stats import norm

from analysis.data.sources.oecd import NON_COUNTRY_ORIGINS

UNCLASSIFIED = "unclassified"
HIGH_INCOME = "High income"
#: ILO action programme on health worker migration: the six supplying countries (seed 003).
ILO_SIX = ["CRI", "KEN", "ROU", "SEN", "LKA", "TTO"]
#: WHO count of medical doctors (head count), 2022 vintage.
DOCTOR_COUNT_MEASURE = "HWF_0002"
#: Fewest observations for which a density trend is estimated.
MIN_TREND_OBS = 5


def _by_origin(ftds: pd.DataFrame) -> pd.DataFrame:
    """Country-of-origin rows only: no ``TOT``/``NS`` rows, no origin equal to the destination."""
    rows = ftds[~ftds["origin"].isin(NON_COUNTRY_ORIGINS) & (ftds["origin"] != ftds["iso3"])]
    return rows.reset_index(drop=True)


def _scope_label(destinations: pd.Series) -> str:
    unique = sorted(destinations.unique())
    return unique[0] if len(unique) == 1 else f"{len(unique)} destinations"


def _with_groups(rows: pd.DataFrame, groups: pd.DataFrame) -> pd.DataFrame:
    """Attach origin ``income_group`` and ``region``; missing ones become ``"unclassified"``."""
    lookup = groups.set_index("iso3")[["income_group", "region"]]
    out = rows.join(lookup, on="origin")
    for col in ("income_group", "region"):
        out[col] = out[col].astype(object).where(out[col].notna(), UNCLASSIFIED)
    return out


def origin_composition(ftds: pd.DataFrame, groups: pd.DataFrame) -> pd.DataFrame:
    """Foreign-trained doctors by origin income group and by origin region, per year of the data.

    ``groups`` is the CLASS table (``iso3, region, income_group``). ``TOT`` and ``NS`` rows are
    left out (so the USA total excludes its 5,810 doctors of unstated origin); origins absent from
    CLASS or without an income group (e.g. Cook Islands, Niue, Venezuela in FY2023) are
    ``"unclassified"``. Each year is one scope: in the staged data, 2018 = 21 destinations and
    2016 = the USA. Returns ``year, destinations, dimension, group, doctors, share`` (share of the
    scope's doctors of stated origin).
    """
    rows = _with_groups(_by_origin(ftds), groups)
    parts = []
    for year, scope in rows.groupby("year"):
        label = _scope_label(scope["iso3"])
        for dimension in ("income_group", "region"):
            counts = scope.groupby(dimension)["value"].sum()
            parts.append(
                pd.DataFrame(
                    {
                        "year": year,
                        "destinations": label,
                        "dimension": dimension,
                        "group": counts.index,
                        "doctors": counts.to_numpy(),
                        "share": (counts / counts.sum()).to_numpy(),
                    }
                )
            )
    out = pd.concat(parts, ignore_index=True)
    return out.sort_values(
        ["year", "dimension", "doctors"], ascending=[False, True, False], ignore_index=True, kind="stable"
    )


def top_origins(ftds: pd.DataFrame, n: int = 10, pooled: bool = False) -> pd.DataFrame:
    """The ``n`` largest origins of foreign-trained doctors per destination and year.

    With ``pooled=True`` destinations of the same year are summed first (``destination`` is then
    e.g. ``"21 destinations"``). ``share`` is of the destination's doctors of stated origin.
    Returns ``year, destination, rank, origin, doctors, share``.
    """
    rows = _by_origin(ftds)
    if pooled:
        labels = rows.groupby("year")["iso3"].agg(_scope_label)
        rows = rows.assign(iso3=rows["year"].map(labels))
    totals = rows.groupby(["year", "iso3", "origin"], as_index=False)["value"].sum()
    totals["share"] = totals["value"] / totals.groupby(["year", "iso3"])["value"].transform("sum")
    totals = totals.sort_values(
        ["year", "iso3", "value", "origin"], ascending=[False, True, False, True], kind="stable"
    )
    totals["rank"] = totals.groupby(["year", "iso3"]).cumcount() + 1
    top = totals[totals["rank"] <= n].rename(columns={"iso3": "destination", "value": "doctors"})
    return top[["year", "destination", "rank", "origin", "doctors", "share"]].reset_index(drop=True)


def north_south_split(ftds: pd.DataFrame, groups: pd.DataFrame) -> pd.DataFrame:
    """Share of foreign-trained doctors trained in high-income ("North-North") vs other origins.

    "South-North" is every origin not classed high income in CLASS FY2023, including the few
    unclassified ones (counted again in ``of_which_unclassified``). Rows per destination and
    year, plus one ``"all"`` row per year (destinations summed). A destination with no doctors
    of stated origin (Greece in the 2018 extract: every cell is 0) gets NaN shares.

    Only two of the four directions can be measured: every destination in the OECD data is an
    OECD country, almost all of them high income (Colombia, Mexico, Turkey and the like are not in
    the extracts). Doctors moving South-South (e.g. to South Africa or the Gulf states) or
    North-South are not counted at all, so these shares describe movement *into the OECD*, not
    health worker mobility in general.

    Returns ``destination, year, doctors, north_north, south_north, of_which_unclassified,
    share_north_north, share_south_north``.
    """
    rows = _with_groups(_by_origin(ftds), groups)
    rows["north"] = np.where(rows["income_group"] == HIGH_INCOME, rows["value"], 0.0)
    rows["unclassified"] = np.where(rows["income_group"] == UNCLASSIFIED, rows["value"], 0.0)
    sums = {"doctors": ("value", "sum"), "north_north": ("north", "sum"), "unclass": ("unclassified", "sum")}
    per_dest = rows.groupby(["iso3", "year"]).agg(**sums).reset_index()
    overall = rows.groupby("year").agg(**sums).reset_index().assign(iso3="all")
    out = pd.concat([per_dest, overall], ignore_index=True).rename(
        columns={"iso3": "destination", "unclass": "of_which_unclassified"}
    )
    out["south_north"] = out["doctors"] - out["north_north"]
    out["share_north_north"] = out["north_north"] / out["doctors"]
    out["share_south_north"] = out["south_north"] / out["doctors"]
    columns = [
        "destination",
        "year",
        "doctors",
        "north_north",
        "south_north",
        "of_which_unclassified",
        "share_north_north",
        "share_south_north",
    ]
    return out[columns].sort_values(["year", "destination"], ascending=[False, True], ignore_index=True, kind="stable")


def _nearest_year(frame: pd.DataFrame, keys: list[str], target: int) -> pd.DataFrame:
    """Per ``keys``, the row whose year is nearest ``target`` (ties go to the earlier year)."""
    ranked = frame.assign(_gap=(frame["year"] - target).abs()).sort_values([*keys, "_gap", "year"], kind="stable")
    return ranked.drop_duplicates(keys).drop(columns="_gap")


def emigration_rates(
    ftds: pd.DataFrame,
    who_counts: pd.DataFrame,
    max_year_gap: int = 3,
    target_year: int = 2018,
    measure: str = DOCTOR_COUNT_MEASURE,
) -> pd.DataFrame:
    """Per origin, the share of its doctors working in the covered destinations.

    ``abroad`` sums foreign-trained doctors over the destinations covered, each destination in
    the year of its data nearest ``target_year`` (the 2018 extract, plus the USA in 2016 from its
    own file); ``n_destinations`` counts those with at least one such doctor. ``home`` is the WHO
    head count (``HWF_0002``, 2022 vintage) in the year nearest ``target_year`` within
    ``max_year_gap`` years (ties go to the earlier year); origins without such a count are
    dropped. ``rate = abroad / (abroad + home)``.

    Caveats, all of which matter when reading the numbers:

    * missing destinations: only 22 OECD destinations are covered (no Gulf states, no South
      Africa, no Sweden, Italy, Spain, Japan...), so ``abroad`` and the rate are lower bounds for
      emigration to the world;
    * year mismatch: the USA counts are for 2016, the others for 2018, and the home count may be
      up to ``max_year_gap`` years from 2018;
    * foreign-trained is not emigrant: doctors trained abroad include natives of the destination
      (e.g. US citizens trained in Caribbean medical schools, which inflates the "abroad" count of
      Grenada, Dominica, Saint Kitts and Nevis or Saint Lucia), and home-trained doctors who
      left for a non-covered country or left medicine are not counted;
    * the home count is of doctors active in the country, which may include foreign-trained
      doctors there (so ``abroad + home`` is not exactly "doctors trained in the country").

    Returns ``origin, abroad, n_destinations, destination_years, home, home_year, rate``.
    """
    rows = _by_origin(ftds)
    dest_years = _nearest_year(rows[["iso3", "year"]].drop_duplicates(), ["iso3"], target_year)
    rows = rows.merge(dest_years, on=["iso3", "year"])
    abroad = rows.groupby("origin").agg(
        abroad=("value", "sum"),
        n_destinations=("value", lambda v: int((v > 0).sum())),
        destination_years=("year", lambda y: "/".join(str(v) for v in sorted(set(y)))),
    )
    counts = who_counts
    if "measure" in counts.columns:
        counts = counts[counts["measure"] == measure]
    near = counts[(counts["year"] - target_year).abs() <= max_year_gap]
    home = _nearest_year(near[["iso3", "year", "value"]], ["iso3"], target_year)
    home = home.rename(columns={"iso3": "origin", "value": "home", "year": "home_year"})
    out = abroad.reset_index().merge(home, on="origin", how="inner")
    out["home_year"] = out["home_year"].astype("int64")
    out["rate"] = out["abroad"] / (out["abroad"] + out["home"])
    columns = ["origin", "abroad", "n_destinations", "destination_years", "home", "home_year", "rate"]
    return out[columns].sort_values("rate", ascending=False, ignore_index=True, kind="stable")


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


def derive_ssl(
    density_doctors: pd.DataFrame,
    density_nurses: pd.DataFrame,
    uhc: pd.DataFrame,
    density_threshold: float = 49,
    uhc_threshold: float = 55,
    first_year: int = 2013,
    uhc_year: int = 2021,
) -> pd.DataFrame:
    """An approximate re-derivation of the WHO Support and Safeguards List.

    Per country: the latest doctors density and the latest nurses-and-midwives density (per
    10,000), each taken separately in ``[first_year, latest year in the data]``, their sum, and the
    UHC service coverage index in ``uhc_year``. ``on_derived_list`` is ``density_sum <
    density_threshold`` **and** ``uhc_index < uhc_threshold`` (strict inequalities). A country
    lacking any input has NaN where it lacks it and is not listed. WHO applied its own data cut-off
    and rules, so the result is approximate, not the official list.

    Returns ``iso3, doctors_density, doctors_year, nurses_density, nurses_year, density_sum,
    uhc_index, on_derived_list``, sorted by ``iso3``.
    """
    doctors = latest_values(density_doctors, first_year).set_index("iso3")
    nurses = latest_values(density_nurses, first_year).set_index("iso3")
    index = uhc[uhc["year"] == uhc_year].set_index("iso3")["value"]
    countries = sorted(set(density_doctors["iso3"]) | set(density_nurses["iso3"]) | set(uhc["iso3"]))
    out = pd.DataFrame(
        {
            "doctors_density": doctors["value"],
            "doctors_year": doctors["year"].astype("Int64"),
            "nurses_density": nurses["value"],
            "nurses_year": nurses["year"].astype("Int64"),
            "uhc_index": index,
        },
        index=pd.Index(countries, name="iso3"),
    )
    out["density_sum"] = out["doctors_density"] + out["nurses_density"]
    out["on_derived_list"] = (out["density_sum"] < density_threshold) & (out["uhc_index"] < uhc_threshold)
    columns = [
        "doctors_density",
        "doctors_year",
        "nurses_density",
        "nurses_year",
        "density_sum",
        "uhc_index",
        "on_derived_list",
    ]
    return out[columns].reset_index()


def compare_ssl(derived: pd.DataFrame, official: pd.DataFrame) -> pd.DataFrame:
    """Countries on the derived list, the official list, or both.

    ``official`` is :func:`analysis.data.published.ssl_list` (if it holds several list years the latest
    is used). Returns ``iso3, derived, official, status`` with status one of ``"both"``,
    ``"derived only"``, ``"official only"``, sorted by status then ``iso3``.
    """
    if "list_year" in official.columns and len(official):
        official = official[official["list_year"].astype(int) == official["list_year"].astype(int).max()]
    derived_set = set(derived.loc[derived["on_derived_list"].astype(bool), "iso3"])
    official_set = set(official["iso3"])
    countries = sorted(derived_set | official_set)
    out = pd.DataFrame(
        {
            "iso3": countries,
            "derived": [c in derived_set for c in countries],
            "official": [c in official_set for c in countries],
        }
    )
    out["status"] = np.select(
        [out["derived"] & out["official"], out["derived"]], ["both", "derived only"], "official only"
    )
    return out.sort_values(["status", "iso3"], ignore_index=True, kind="stable")


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
    reported) and their average annual growth from ``growth_start`` (:func:`remittance_growth`).
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
    remit = remittances[(remittances["year"] == remittance_year) & (remittances["value"] > 0)]
    frame = frame.merge(
        remit[["iso3", "value"]].rename(columns={"value": f"remittances_{remittance_year}"}),
        on="iso3",
        how="left",
    )
    growth = remittance_growth(remittances, growth_start, remittance_year)
    growth = growth.rename(columns={"growth": f"remittances_growth_{growth_start}_{remittance_year}"})
    frame = frame.merge(growth.drop(columns=["growth_first_year", "growth_last_year"]), on="iso3", how="left")
    return frame


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
