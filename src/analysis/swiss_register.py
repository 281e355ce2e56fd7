"""Licences granted to doctors in Switzerland by year, read backwards from the end-2016 register (ch. 2)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.data.sources import medreg
from analysis.trends import fit_published_trend

SNAPSHOT = medreg.SNAPSHOT_YEAR
#: Largest share of a cohort's entrants allowed to have reached the exit age by the snapshot.
MAX_EXPOSURE = 0.10
#: No window starts before the Swiss-EU free movement agreement (2002): MEBEKO recognitions start then.
FLOOR_YEAR = 2002
#: Years of the most recent cohorts whose age at licence serves as the no-attrition reference.
REFERENCE_YEARS = 3
#: Annual exit rates of foreign-diploma doctors (emigration, career change) used as a sensitivity.
EXIT_HAZARDS = (0.02, 0.05)
GROUPS = {True: "foreign diploma", False: "Swiss diploma"}
CAVEATS = (
    "Only doctors still licensed at the end of 2016 appear: every year's count is a lower bound on the licences "
    "granted that year, and more so the earlier the year.",
    "Exits by emigration cannot be seen in a snapshot; they bias the growth of foreign-diploma licences upwards.",
    "A doctor's year is that of the earliest licence still held; licences given up earlier are not recorded.",
    "A licence to practise is not employment, and the register holds doctors only (no nurses).",
    "Annual counts also move with Swiss admission rules (the 2012-2013 peak); the log-linear fit averages them.",
)


def licences_by_year(doctors: pd.DataFrame) -> pd.DataFrame:
    """Doctors by year of first licence: ``year, all, foreign, swiss, share_foreign_pct`` (survivors of 2016)."""
    counts = pd.crosstab(doctors["licence_year"], doctors["foreign_diploma"]).reindex(columns=[False, True])
    counts = counts.fillna(0).astype("int64")
    table = pd.DataFrame(
        {"year": counts.index.astype("int64"), "foreign": counts[True].to_numpy(), "swiss": counts[False].to_numpy()}
    )
    table["all"] = table["foreign"] + table["swiss"]
    table["share_foreign_pct"] = 100 * table["foreign"] / table["all"]
    return table[["year", "all", "foreign", "swiss", "share_foreign_pct"]]


def licences_by_country(doctors: pd.DataFrame, top: int = 5, since: int = FLOOR_YEAR) -> pd.DataFrame:
    """Foreign-diploma doctors by year of first licence (from ``since``) and country of diploma (English names).

    The ``top`` countries by total are columns; the rest are summed in "other countries".
    """
    foreign = doctors[doctors["foreign_diploma"] & (doctors["licence_year"] >= since)]
    names = medreg.country_names()
    country = foreign["diploma_iso3"].map(names)
    leaders = list(country.value_counts().index[:top])
    country = country.where(country.isin(leaders), "other countries")
    table = pd.crosstab(foreign["licence_year"], country).reindex(columns=[*leaders, "other countries"])
    table.index.name, table.columns.name = "year", None
    return table.fillna(0).astype("int64").reset_index()


def exit_age(doctors: pd.DataFrame, snapshot: int = SNAPSHOT, reference: tuple[int, int] = (50, 59)) -> int:
    """Age at which licence holders thin out: the first age above the reference ages whose count of holders
    (age at the snapshot) falls below half the mean count at the reference ages."""
    counts = (snapshot - doctors["birth_year"]).value_counts().sort_index(kind="stable")
    level = counts.loc[reference[0] : reference[1]].mean()
    older = counts.loc[reference[1] + 1 :]
    below = older[older < level / 2]
    if below.empty:
        raise ValueError("no age at which the number of licence holders halves; too few older doctors")
    return int(below.index[0])


def retirement_exposure(doctors: pd.DataFrame, age: int, snapshot: int = SNAPSHOT) -> pd.DataFrame:
    """Per year of licence and group: median age at licence of the survivors, and the *exposure*: the share of
    recent entrants (last :data:`REFERENCE_YEARS` cohorts) who, licensed that year at the same ages, would have
    reached ``age`` by the snapshot. Exposure measures how much retirement can have thinned a cohort."""
    rows = []
    for foreign, group in doctors.groupby("foreign_diploma"):
        at_licence = group["licence_year"] - group["birth_year"]
        recent = at_licence[group["licence_year"] > snapshot - REFERENCE_YEARS].to_numpy()
        medians = at_licence.groupby(group["licence_year"]).median()
        for year, median in medians.items():
            exposure = float(np.mean(recent + (snapshot - year) >= age))
            rows.append({"year": int(year), "group": GROUPS[bool(foreign)], "median_age": median, "exposure": exposure})
    return pd.DataFrame(rows)


def restricted_window(exposure: pd.DataFrame, group: str = GROUPS[True], max_exposure: float = MAX_EXPOSURE,
                      floor: int = FLOOR_YEAR, snapshot: int = SNAPSHOT) -> tuple[int, int]:  # fmt: skip
    """The years from which every cohort of ``group`` has exposure <= ``max_exposure`` (never before ``floor``)."""
    rows = exposure[exposure["group"] == group].set_index("year")["exposure"].sort_index(kind="stable")
    too_exposed = rows[rows > max_exposure].index
    start = max(floor, int(too_exposed.max()) + 1 if len(too_exposed) else int(rows.index.min()))
    if start > snapshot - 3:
        raise ValueError(f"window {start}-{snapshot} too short for a trend (fewer than 4 years)")
    return start, snapshot


def exit_adjusted(growth_pct: float, hazard: float) -> float:
    """Growth of licences granted if a constant share ``hazard`` of survivors left every year.

    A cohort observed after ``k`` years keeps ``(1 - hazard) ** k`` of its members, so the log-linear slope of
    the observed counts exceeds the true one by ``-log(1 - hazard)``.
    """
    return 100 * ((1 + growth_pct / 100) * (1 - hazard) - 1)


@dataclass(frozen=True)
class RegisterTrend:
    """Growth of licences to foreign-diploma doctors over the window where retirement attrition is small."""

    start: int
    end: int
    n_years: int
    growth_pct: float
    low_pct: float
    high_pct: float
    exit_age: int
    max_exposure: float
    adjusted: dict[float, tuple[float, float, float]]  # hazard -> (growth, low, high), % per year
    caveats: tuple[str, ...] = CAVEATS


def foreign_growth(doctors: pd.DataFrame, window: tuple[int, int]) -> RegisterTrend:
    """Log-linear growth (HC3 interval, :func:`analysis.trends.fit_published_trend`) of foreign-diploma licences."""
    counts = licences_by_year(doctors)
    points = counts[counts["year"].between(*window)].rename(columns={"foreign": "value"})
    fit = fit_published_trend(points[["year", "value"]], "licences to foreign-diploma doctors (Switzerland)")
    estimates = (fit.growth_pct, fit.low_pct, fit.high_pct)
    adjusted = {h: tuple(exit_adjusted(v, h) for v in estimates) for h in EXIT_HAZARDS}
    age = exit_age(doctors)
    return RegisterTrend(window[0], window[1], fit.n_points, *estimates, age, MAX_EXPOSURE, adjusted)  # type: ignore[arg-type]


def register_trend(doctors: pd.DataFrame | None = None) -> RegisterTrend:
    """The register's trend claim: growth of licences to foreign-diploma doctors over the restricted window."""
    doctors = medreg.load_licences() if doctors is None else doctors
    exposure = retirement_exposure(doctors, exit_age(doctors))
    return foreign_growth(doctors, restricted_window(exposure))


def register_growth_estimate() -> tuple[float, float, float]:
    """Estimate, low and high (95%) of the growth of licences to foreign-diploma doctors, % per year."""
    trend = register_trend()
    return trend.growth_pct, trend.low_pct, trend.high_pct


def window_sensitivity(doctors: pd.DataFrame, starts: range = range(FLOOR_YEAR, SNAPSHOT - 5)) -> pd.DataFrame:
    """The growth estimate for every window start from ``starts`` to the snapshot year (a specification set)."""
    rows = []
    for start in starts:
        trend = foreign_growth(doctors, (start, SNAPSHOT))
        rows.append({"start": start, "growth_pct": trend.growth_pct, "low_pct": trend.low_pct,
                     "high_pct": trend.high_pct})  # fmt: skip
    return pd.DataFrame(rows)


def window_summary(doctors: pd.DataFrame, window: tuple[int, int]) -> dict[str, float | int]:
    """Counts and shares at the window's ends, and in the whole register, for the prose."""
    counts = licences_by_year(doctors).set_index("year")
    first, last = counts.loc[window[0]], counts.loc[window[1]]
    inside = counts.loc[window[0] : window[1]]
    return {
        "n_doctors": len(doctors),
        "n_foreign": int(doctors["foreign_diploma"].sum()),
        "share_foreign_pct": 100 * float(doctors["foreign_diploma"].mean()),
        "foreign_first": int(first["foreign"]),
        "foreign_last": int(last["foreign"]),
        "share_first_pct": float(first["share_foreign_pct"]),
        "share_last_pct": float(last["share_foreign_pct"]),
        "share_window_pct": 100 * float(inside["foreign"].sum() / inside["all"].sum()),
        "foreign_peak_year": int(inside["foreign"].idxmax()),
    }


def register_glue_values(doctors: pd.DataFrame) -> dict[str, float | int]:
    """Every number the chapter's Swiss register section quotes, keyed ``ch_*`` (counts as int, rates in %)."""
    trend = register_trend(doctors)
    exposure = retirement_exposure(doctors, trend.exit_age)
    recent = exposure[exposure["year"] > trend.end - REFERENCE_YEARS].groupby("group")["median_age"].median()
    foreign = exposure[exposure["group"] == GROUPS[True]].set_index("year")["exposure"]
    values: dict[str, float | int] = {
        f"ch_{k}": v for k, v in window_summary(doctors, (trend.start, trend.end)).items()
    }
    values |= {
        "ch_exit_age": trend.exit_age,
        "ch_age_foreign": float(recent[GROUPS[True]]),
        "ch_age_swiss": float(recent[GROUPS[False]]),
        "ch_exposure_2002": 100 * float(foreign.loc[FLOOR_YEAR]),
        "ch_max_exposure": 100 * trend.max_exposure,
        "ch_start": trend.start,
        "ch_end": trend.end,
        "ch_growth": trend.growth_pct,
        "ch_low": trend.low_pct,
        "ch_high": trend.high_pct,
    }
    for hazard, estimates in trend.adjusted.items():
        values |= {
            f"ch_exit{round(100 * hazard)}_{n}": v for n, v in zip(("growth", "low", "high"), estimates, strict=True)
        }
    sensitivity = window_sensitivity(doctors)
    values |= {
        "ch_sens_min": float(sensitivity["growth_pct"].min()),
        "ch_sens_max": float(sensitivity["growth_pct"].max()),
    }
    return values
