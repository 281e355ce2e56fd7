"""Trends in the foreign-trained and foreign-born health workforce of OECD countries.

Two kinds of evidence, kept apart:

* OECD-wide aggregates that OECD has *published* (transcribed in ``data/published/``): a few points
  per series, from publications whose country coverage differs. :func:`fit_published_trend` fits
  log-linear trends to them, optionally with one intercept per publication so that growth is
  identified only *within* each publication's own comparison (robust to coverage differences).
* Destination panels from the OECD HEALTH_WFMI extracts: totals of doctors and nurses (2010-2022),
  foreign-trained doctors by origin (2018; USA 2016). The functions accept any HEALTH_WFMI frame in the
  tidy layout of :func:`analysis.data.sources.oecd.parse_wfmi`, so a full panel can be substituted.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import statsmodels.api as sm

from analysis.data import published
from analysis.evidence import ClaimResult, evaluates, judged
from analysis.verdicts import Assertion, DecidingInput, Specification

#: Reference year of the centred time variable in the published-series models.
CENTRE_YEAR = 2015


def published_points(profession: str, concept: str, measure: str, series: str | None = None) -> pd.DataFrame:
    """Published OECD-wide levels (count or share) of one series, one row per datum.

    Figures transcribed twice (same publication, year and value) are kept once, and a figure that only
    restates another (``duplicate_of`` in ``data/reference/trend_points.csv``, e.g. "nearly 500 000" for
    "about 483 000") is dropped. ``series`` keeps one concept ("country average" or "pooled panel" for
    shares). A figure that refers to a span of years (e.g. 2021-2023) is placed at its midpoint. Rows
    without a year are dropped. ``rounding`` is the half-width of the interval the published rounding allows.
    """
    figs = published.figures()
    rows = figs[(figs["profession"] == profession) & (figs["concept"] == concept) & (figs["measure"] == measure)]
    rows = rows.dropna(subset=["year_start", "year_end"]).copy()
    rows["year"] = (rows["year_start"] + rows["year_end"]) / 2
    rows["publication_short"] = rows["publication"].str.split(",").str[0].str.slice(0, 60)
    rows = rows.drop_duplicates(subset=["year", "value", "publication_short"])
    notes = published.trend_points()
    missing = sorted(set(rows["figure_id"]) - set(notes.index))
    if missing:
        raise KeyError(f"data/reference/trend_points.csv does not classify {missing}: add a row for each")
    rows = rows.join(notes[["series", "duplicate_of", "rounding"]], on="figure_id")
    rows = rows[rows["duplicate_of"] == ""]
    if series is not None:
        rows = rows[rows["series"] == series]
    columns = ["figure_id", "year", "year_start", "year_end", "value", "coverage", "publication_short", "locator"]
    columns += ["series", "rounding"]
    return rows[columns].sort_values("year", kind="stable").reset_index(drop=True)


def publication_group(figure_id: str) -> str:
    """Group figures by the publication they come from (the prefix of their id)."""
    prefix = figure_id.lower().split("_")[0]
    aliases = {
        "oecd2019": "OECD 2019 Recent trends",
        "haag2021": "Health at a Glance 2021",
        "haag2023": "Health at a Glance 2023",
        "hag2019": "Health at a Glance 2019",
        "hag2021": "Health at a Glance 2021",
        "hag2023": "Health at a Glance 2023",
        "osinsa": "OECD 2016 (secondary)",
        "imo2025": "IMO 2025 (secondary)",
        "aceprensa2015": "IMO 2015 (secondary)",
    }
    return aliases.get(prefix, prefix)


@dataclass(frozen=True)
class TrendFit:
    """Average annual growth (percent) with a 95% interval, and the curvature test."""

    label: str
    n_points: int
    growth_pct: float
    low_pct: float
    high_pct: float
    curvature: float  # coefficient of the centred squared year (log scale, per year^2)
    curvature_low: float
    curvature_high: float
    curvature_p: float


def fit_published_trend(points: pd.DataFrame, label: str, by_publication: bool = False) -> TrendFit:
    """Log-linear trend ``log(value) ~ year`` (+ publication intercepts), HC3 standard errors.

    The curvature test adds the squared centred year; a positive coefficient means acceleration.
    HC3 is used rather than HAC because the points are irregularly spaced and come from different
    publications, not a regular time series.
    """
    if by_publication:  # a publication with a single point only identifies its own intercept
        groups = points["figure_id"].map(publication_group)
        points = points[groups.map(groups.value_counts()) >= 2].reset_index(drop=True)
    if len(points) < 3:
        raise ValueError(f"{label}: need at least 3 usable published points, got {len(points)}")
    t = points["year"].to_numpy(dtype=float) - CENTRE_YEAR
    y = np.log(points["value"].to_numpy(dtype=float))
    base = pd.DataFrame({"t": t})
    if by_publication:
        groups = points["figure_id"].map(publication_group)
        dummies = pd.get_dummies(groups, drop_first=True, dtype=float).set_index(base.index)
        base = pd.concat([base, dummies], axis=1)
    if len(points) <= base.shape[1] + 2:
        raise ValueError(f"{label}: too few points ({len(points)}) for {base.shape[1] + 1} parameters")
    linear = sm.OLS(y, sm.add_constant(base, has_constant="add")).fit(cov_type="HC3")
    low, high = linear.conf_int().loc["t"]
    curved_x = base.assign(t2=t**2)
    if len(points) > curved_x.shape[1] + 2:
        curved = sm.OLS(y, sm.add_constant(curved_x, has_constant="add")).fit(cov_type="HC3")
        c, (c_low, c_high), c_p = curved.params["t2"], curved.conf_int().loc["t2"], curved.pvalues["t2"]
    else:
        c, c_low, c_high, c_p = (float("nan"),) * 4
    to_pct = lambda b: 100 * (np.exp(b) - 1)  # noqa: E731
    return TrendFit(
        label,
        len(points),
        float(to_pct(linear.params["t"])),
        float(to_pct(low)),
        float(to_pct(high)),
        float(c),
        float(c_low),
        float(c_high),
        float(c_p),
    )


SERIES = (
    ("doctors", "foreign_trained", "share_pct", "foreign-trained share of doctors"),
    ("nurses", "foreign_trained", "share_pct", "foreign-trained share of nurses"),
    ("doctors", "foreign_trained", "count", "foreign-trained doctors (number)"),
    ("nurses", "foreign_trained", "count", "foreign-trained nurses (number)"),
)


def published_trend_table() -> pd.DataFrame:
    """Growth and curvature of each published series, pooled and within publication.

    Pooled share fits use the OECD averages only (OECD 2019's shares pooled over one panel are another
    concept); within-publication fits may use both, since each publication has its own intercept.
    """
    rows = []
    for profession, concept, measure, label in SERIES:
        for by_pub, how in ((False, "pooled points"), (True, "within publication")):
            series = "country average" if measure == "share_pct" and not by_pub else None
            points = published_points(profession, concept, measure, series)
            try:
                fit = fit_published_trend(points, label, by_publication=by_pub)
            except ValueError:
                continue
            rows.append({"series": label, "model": how, **{k: v for k, v in fit.__dict__.items() if k != "label"}})
    return pd.DataFrame(rows)


def leave_one_publication_out(points: pd.DataFrame, label: str) -> pd.DataFrame:
    """Pooled growth estimate dropping each publication in turn (coverage sensitivity)."""
    groups = points["figure_id"].map(publication_group)
    rows = []
    for group in sorted(groups.unique()):
        subset = points[groups != group]
        if len(subset) >= 3:
            fit = fit_published_trend(subset, label)
            rows.append(
                {
                    "dropped": group,
                    "n_points": fit.n_points,
                    "growth_pct": fit.growth_pct,
                    "low_pct": fit.low_pct,
                    "high_pct": fit.high_pct,
                }
            )
    return pd.DataFrame(rows)


# --- destination panels ------------------------------------------------------------------------


def foreign_trained_shares(ftds: pd.DataFrame, totals: pd.DataFrame) -> pd.DataFrame:
    """Foreign-trained doctors over total doctors per destination and year.

    Uses the ``TOT`` row where the extract has one (USA 2016), else the sum over origins (2018
    extract, which lacks the 'Total' and 'Others' rows, so the share is a slight underestimate).
    Destinations whose origins sum to zero (Greece) are dropped.
    """
    has_total = ftds[ftds["origin"] == "TOT"].groupby(["iso3", "year"])["value"].sum()
    summed = ftds[~ftds["origin"].isin(["TOT", "NS"])].groupby(["iso3", "year"])["value"].sum()
    foreign = summed.copy()
    foreign.loc[has_total.index] = has_total
    source = pd.Series("sum of origins", index=foreign.index)
    source.loc[has_total.index] = "OECD total"
    doctors = totals[(totals["measure"] == "TNBD") & (totals["origin"] == "TOT")].set_index(["iso3", "year"])["value"]
    table = pd.DataFrame({"foreign_trained": foreign, "total_doctors": doctors, "numerator": source}).dropna()
    table = table[table["foreign_trained"] > 0]
    table["share_pct"] = 100 * table["foreign_trained"] / table["total_doctors"]
    return table.reset_index().sort_values("share_pct", ascending=False, kind="stable").reset_index(drop=True)


def destinations_without_share(ftds: pd.DataFrame, shares: pd.DataFrame) -> list[str]:
    """Destinations of the extract that :func:`foreign_trained_shares` drops (no doctor of any origin: Greece)."""
    return sorted(set(ftds["iso3"]) - set(shares["iso3"]))


def destination_growth(totals: pd.DataFrame, measure: str, min_points: int = 5) -> pd.DataFrame:
    """Average annual growth of total doctors (``TNBD``) or nurses (``TNBN``) per destination.

    Log-linear OLS on year with a level-shift dummy from each year flagged ``B`` (break in series),
    so a break does not count as growth; HAC standard errors (1 lag) for serial correlation.
    Countries with fewer than ``min_points`` years are skipped.
    """
    rows = []
    subset = totals[(totals["measure"] == measure) & (totals["origin"] == "TOT")]
    for iso3, frame in subset.groupby("iso3"):
        frame = frame.sort_values("year", kind="stable")
        if len(frame) < min_points:
            continue
        x = pd.DataFrame({"year": frame["year"].to_numpy(dtype=float) - CENTRE_YEAR})
        breaks = sorted(frame.loc[frame["flag"] == "B", "year"])
        for year in breaks:
            dummy = (frame["year"].to_numpy() >= year).astype(float)
            if 0 < dummy.sum() < len(dummy):
                x[f"break_{year}"] = dummy
        fit = sm.OLS(np.log(frame["value"].to_numpy()), sm.add_constant(x)).fit(cov_type="HAC", cov_kwds={"maxlags": 1})
        low, high = fit.conf_int().loc["year"]
        rows.append(
            {
                "iso3": iso3,
                "first_year": int(frame["year"].min()),
                "last_year": int(frame["year"].max()),
                "n_years": len(frame),
                "breaks": ", ".join(str(b) for b in breaks) or "-",
                "growth_pct": 100 * (np.exp(fit.params["year"]) - 1),
                "low_pct": 100 * (np.exp(low) - 1),
                "high_pct": 100 * (np.exp(high) - 1),
            }
        )
    return pd.DataFrame(rows).sort_values("growth_pct", ascending=False, kind="stable").reset_index(drop=True)


# --- claims ------------------------------------------------------------------------------------


def _main_fit(profession: str, measure: str, by_publication: bool) -> TrendFit:
    """A published series fitted one way; shares pooled across publications use the OECD averages only."""
    series = "country average" if measure == "share_pct" and not by_publication else None
    points = published_points(profession, "foreign_trained", measure, series)
    return fit_published_trend(points, f"foreign-trained {profession} ({measure})", by_publication)


SERIES_NAMES = {"count": "number", "share_pct": "share of all"}


def _fit_spec(profession: str, measure: str, by_publication: bool) -> Specification:
    """One published series fitted one way, as a specification of growth in % a year."""
    fit = _main_fit(profession, measure, by_publication)
    model = "within each publication" if by_publication else "all publications pooled"
    label = f"foreign-trained {profession} in OECD countries, {SERIES_NAMES[measure]}, {model}"
    return Specification(label, fit.growth_pct, fit.low_pct, fit.high_pct)


def _swiss_register_spec() -> Specification:
    """New licences to doctors with a foreign diploma in Switzerland (a destination register, 2006-2016)."""
    from analysis.swiss_register import register_growth_estimate

    return Specification("Switzerland, new licences to doctors with a foreign diploma", *register_growth_estimate())


def _same_panel_spec(profession: str) -> Specification:
    """Growth 2011-2016 on OECD (2019)'s fixed panel: the only same-coverage comparison published."""
    from analysis.acceleration import same_panel_growth

    label = f"foreign-trained {profession} in OECD countries, number, OECD 2019's fixed panel, 2011-2016"
    return Specification(label, *same_panel_growth(profession))


def _years(start: float, end: float) -> str:
    return f"{start:.0f}" if start == end else f"{start:.0f}-{end % 100:02.0f}"


def input_label(figure: pd.Series, profession: str, measure: str) -> str:
    """A reader's name for one published OECD-wide figure: what it counts, its years, and the publication it
    was read in (for a secondary summary, the OECD publication it summarises and the summary's title)."""
    counted = f"foreign-trained {profession} in OECD countries"
    what = counted if measure == "count" else f"foreign-trained share of {profession}"
    group = publication_group(str(figure.name)).replace("IMO ", "OECD International Migration Outlook ")
    source = group
    if group.endswith(" (secondary)"):
        source = f"{group.removesuffix(' (secondary)')}, as summarised in {figure['publication'].split(' (')[0]}"
    return f"{what}, {_years(figure['year_start'], figure['year_end'])} ({source})"


def trend_inputs(*series: tuple[str, str, str]) -> list[DecidingInput]:
    """The published figures behind the given (profession, concept, measure) series, with their source kinds."""
    figures = published.figures().set_index("figure_id")
    inputs = []
    for profession, concept, measure in series:
        for row in published_points(profession, concept, measure).itertuples():
            figure = figures.loc[row.figure_id]
            label = input_label(figure, profession, measure)
            inputs.append(DecidingInput(row.figure_id, figure["source_kind"], label=label))
    return inputs


UNIT_INCREASING = (
    "% per year: foreign-trained doctors and nurses in OECD countries (number or share), new Swiss licences to "
    "doctors with a foreign diploma, nurses trained abroad joining the UK register"
)


@evaluates("migration_increasing")
def evaluate_increasing() -> ClaimResult:
    doctors = _main_fit("doctors", "count", by_publication=False)
    nurses = _main_fit("nurses", "count", by_publication=False)
    # every series with enough points for its model (within-publication fits need two points a publication)
    series = [("doctors", "count", False), ("nurses", "count", False), ("doctors", "share_pct", False)]
    series += [("nurses", "share_pct", False), ("doctors", "share_pct", True)]
    specifications = [_fit_spec(*one) for one in series] + [_same_panel_spec(p) for p in ("doctors", "nurses")]
    specifications.append(_swiss_register_spec())
    from analysis import uk_inflows  # nurses trained abroad joining the UK register, one series per definition

    uk, uk_fall = uk_inflows.specifications(), uk_inflows.summary()["fall_pct"]
    specifications += uk
    return judged(
        "migration_increasing",
        specifications[0],
        UNIT_INCREASING,
        Assertion("above", 0),
        specifications,
        [
            *trend_inputs(*[(p, "foreign_trained", m) for p in ("doctors", "nurses") for m in ("count", "share_pct")]),
            DecidingInput(
                "medreg", "primary", label="Swiss medical register MedReg (Federal Office of Public Health), end-2016"
            ),
            *uk_inflows.deciding_inputs(),
        ],
        reason=(
            f"The published OECD counts of foreign-trained doctors ({doctors.n_points} points, 2011-2022) "
            f"grew by {doctors.growth_pct:.1f}% a year (95% interval {doctors.low_pct:.1f}% to "
            f"{doctors.high_pct:.1f}%), and of foreign-trained nurses ({nurses.n_points} points) by "
            f"{nurses.growth_pct:.1f}% a year ({nurses.low_pct:.1f}% to {nurses.high_pct:.1f}%). The points "
            "come from publications with different country coverage, so the intervals understate the "
            "uncertainty about a constant set of countries. On OECD (2019)'s one fixed panel, the counts grew by "
            f"{specifications[5].estimate:.1f}% a year for doctors and {specifications[6].estimate:.1f}% for "
            "nurses (2011-2016). One destination register with a time dimension, Switzerland's, shows new "
            f"licences to doctors with a foreign diploma rising by {specifications[7].estimate:.0f}% a year over "
            "2006-2016, an upper bound since doctors who left are not in the register. The one annual inflow "
            "series, nurses trained abroad joining the UK register, rose steeply to 2023/24 and then fell by "
            f"{uk_fall:.0f}%; on its consistent 2020/21-2024/25 definition it grew by {uk[1].estimate:.0f}% a year "
            f"({uk[1].low:.0f}% to {uk[1].high:.0f}%), which leaves the direction open; under the earlier "
            f"definition (three years, 2017/18-2019/20) joiners grew by {uk[0].estimate:.0f}% a year, with an "
            f"interval of {uk[0].low:.0f}% to {uk[0].high:.0f}% on one degree of freedom. These are stocks and "
            "licences in OECD destinations: a growing stock does not show growing migration, and the claim is "
            "about migration worldwide, so its coverage cannot be matched."
        ),
        would_change=(
            "The full OECD Health Workforce Migration panel (stocks by destination and year on a constant "
            "set of countries) showing flat or falling stocks, or annual inflows of foreign-trained doctors "
            "and nurses into major destinations."
        ),
        unmatched="the points are stocks in OECD destinations; the claim is about migration worldwide",
    )


def fitted_band(points: pd.DataFrame, years: np.ndarray) -> pd.DataFrame:
    """Pooled log-linear fit evaluated on ``years``: fitted value and 95% confidence band (HC3)."""
    t = points["year"].to_numpy(dtype=float) - CENTRE_YEAR
    fit = sm.OLS(np.log(points["value"].to_numpy(dtype=float)), sm.add_constant(t)).fit(cov_type="HC3")
    grid = sm.add_constant(np.asarray(years, dtype=float) - CENTRE_YEAR, has_constant="add")
    pred = fit.get_prediction(grid).summary_frame(alpha=0.05)
    return pd.DataFrame(
        {
            "year": years,
            "fit": np.exp(pred["mean"]),
            "low": np.exp(pred["mean_ci_lower"]),
            "high": np.exp(pred["mean_ci_upper"]),
        }
    )


def trend_glue_values(fits: pd.DataFrame) -> dict[str, float]:
    """Growth and interval of each fitted series, keyed ``<series>_<model>_<growth|low|high>``.

    ``<series>`` is e.g. ``doctors`` (count) or ``share_of_doctors``; ``<model>`` is ``pooled`` or ``within``.
    """
    values = {}
    for row in fits.itertuples():
        series = row.series.split(" (")[0].replace("foreign-trained ", "").replace(" ", "_")
        key = f"{series}_{row.model.split()[0]}"
        values.update({f"{key}_growth": row.growth_pct, f"{key}_low": row.low_pct, f"{key}_high": row.high_pct})
    return values
