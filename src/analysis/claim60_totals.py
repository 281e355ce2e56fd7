"""Totals of doctors and nurses for the 60% re-estimate: OECD's published totals, or WHO counts with explicit gaps.

The published shares describe "OECD countries", so the totals must cover the same countries. OECD's
own published totals do (:func:`published_totals`). The WHO counts leave out whole countries around
2000 or 2010 (the United States, Canada and Chile; for nurses also Belgium), so they are used with
every gap and break made explicit: single-year spikes are removed first (:func:`spikes`), each round
takes the nearest reported year within a stated window (:func:`nearest_level`), level shifts inside
the decade are flagged (:func:`level_shifts`), and :func:`coverage_table` says for every member
country whether it is included and why not.
"""

from __future__ import annotations

import re

import pandas as pd

from analysis.coverage import single_year_jumps
from analysis.data import published
from analysis.data.sources import who

BASE_YEAR, END_YEAR = 2000, 2010
#: WHO 2022-vintage count indicators for each profession (main choice first).
COUNT_MEASURES = {"doctors": ("HWF_0002",), "nurses": ("HWF_0008", "HWF_0007")}
#: A value further than this (relative) from the median of its country's values within SPIKE_YEARS is a spike.
SPIKE_THRESHOLD, SPIKE_YEARS = 0.2, 3
#: A change larger than this (relative) between consecutive kept values at most SHIFT_YEARS apart is a
#: level shift (a series break); over longer gaps such a change can be growth.
SHIFT_THRESHOLD, SHIFT_YEARS = 0.2, 3
#: Half-width of OECD's published totals, stated to 0.1 million.
TOTAL_ROUNDING = 50_000


def workforce_counts(profession: str, measure: str | None = None) -> pd.DataFrame:
    """WHO (2022 vintage) head counts of doctors or nurses, one measure."""
    measure = measure or COUNT_MEASURES[profession][0]
    panel = who.load_nhwa2022(profession)
    who.require_single_vintage(panel)
    return panel[panel["measure"] == measure]


def spikes(panel: pd.DataFrame, threshold: float = SPIKE_THRESHOLD, years: int = SPIKE_YEARS) -> pd.DataFrame:
    """Values further than ``threshold`` from the median of the same country's other values within ``years``.

    A one- or two-year departure that returns to the trend (New Zealand's nurses 2000-01, Mexico's 2000)
    is a reporting artefact, not growth; points with fewer than two neighbours are never flagged.
    """
    flagged = []
    for _, group in panel.groupby("iso3", sort=True):
        remaining = group.reset_index(drop=True)
        while True:  # remove the worst outlier first, so that a two-year spike does not mask itself
            worst = _worst_outlier(remaining, threshold, years)
            if worst is None:
                break
            flagged.append(worst)
            remaining = remaining[remaining["year"] != worst["year"]].reset_index(drop=True)
    columns = [*panel.columns, "reference"]
    return pd.DataFrame(flagged, columns=columns)


def _worst_outlier(group: pd.DataFrame, threshold: float, years: int) -> dict | None:
    """The value furthest (beyond ``threshold``) from the median of its neighbours within ``years``, or None."""
    worst, worst_gap = None, threshold
    year_arr, values = group["year"].to_numpy(), group["value"].to_numpy()
    for position, (year, value) in enumerate(zip(year_arr, values, strict=True)):
        near = (abs(year_arr - year) <= years) & (year_arr != year)
        if near.sum() < 2:
            continue
        reference = float(pd.Series(values[near]).median())
        if reference > 0 and abs(value / reference - 1) > worst_gap:
            worst, worst_gap = {**group.iloc[position].to_dict(), "reference": reference}, abs(value / reference - 1)
    return worst


def without_spikes(panel: pd.DataFrame) -> pd.DataFrame:
    """``panel`` without the values :func:`spikes` flags."""
    flagged = spikes(panel)
    drop = set(zip(flagged["iso3"], flagged["year"], strict=True))
    keep = [(i, y) not in drop for i, y in zip(panel["iso3"], panel["year"], strict=True)]
    return panel[keep]


def nearest_level(panel: pd.DataFrame, year: int, window: int) -> pd.DataFrame:
    """Per country, the value of the reported year nearest ``year`` within ``window`` (two equally near: their mean).

    Returns ``iso3, year_used, level``; countries with no value in the window are left out.
    """
    inside = panel[(panel["year"] - year).abs() <= window].assign(distance=lambda f: (f["year"] - year).abs())
    nearest = inside[inside["distance"] == inside.groupby("iso3")["distance"].transform("min")]
    grouped = nearest.groupby("iso3")
    return pd.DataFrame({"year_used": grouped["year"].mean(), "level": grouped["value"].mean()}).reset_index()


def level_shifts(panel: pd.DataFrame, threshold: float = SHIFT_THRESHOLD, years: int = SHIFT_YEARS) -> pd.DataFrame:
    """Changes larger than ``threshold`` between consecutive values (spikes removed) at most ``years`` apart."""
    jumps = single_year_jumps(without_spikes(panel), threshold)
    return jumps[jumps["year"] - jumps["previous_year"] <= years].reset_index(drop=True)


def matched_totals(
    counts: pd.DataFrame,
    members: list[str],
    window: int = 2,
    drop_shifts: bool = False,
    base: int = BASE_YEAR,
    end: int = END_YEAR,
) -> pd.DataFrame:
    """Members with a level at both rounds: ``iso3, level_base, level_end, year_base, year_end, shift``.

    Spikes are removed first; ``shift`` is True where a level shift falls between the two years used,
    and ``drop_shifts`` leaves those countries out.
    """
    panel = without_spikes(counts[counts["iso3"].isin(members)])
    at_base = nearest_level(panel, base, window).rename(columns={"year_used": "year_base", "level": "level_base"})
    at_end = nearest_level(panel, end, window).rename(columns={"year_used": "year_end", "level": "level_end"})
    levels = at_base.merge(at_end, on="iso3")
    shifts = level_shifts(panel)
    levels["shift"] = [
        bool(
            (
                (shifts["iso3"] == row.iso3)
                & (shifts["previous_year"] >= row.year_base)
                & (shifts["year"] <= row.year_end)
            ).any()
        )
        for row in levels.itertuples()
    ]
    if drop_shifts:
        levels = levels[~levels["shift"]]
    return levels[["iso3", "level_base", "level_end", "year_base", "year_end", "shift"]].reset_index(drop=True)


def country_names() -> dict[str, str]:
    """OECD member names by ISO3, without the transcriber's notes in parentheses."""
    members = published.oecd_members()
    return {iso: re.sub(r"\s*\(.*\)$", "", name) for iso, name in zip(members["iso3"], members["country"], strict=True)}


def _years(values) -> str:
    return ", ".join(str(int(y)) for y in sorted(values))


def coverage_table(counts: pd.DataFrame, members: list[str], window: int = 2) -> pd.DataFrame:
    """For every member: included or not, the years used for each round, and the reason."""
    panel = counts[counts["iso3"].isin(members)]
    removed = spikes(panel)
    removed = removed[removed["year"].between(BASE_YEAR - window, END_YEAR + window)]
    matched = matched_totals(counts, members, window).set_index("iso3")
    shifts = level_shifts(panel)
    kept = without_spikes(panel)
    names = country_names()
    rows = []
    for iso in sorted(members, key=lambda i: names.get(i, i)):
        notes = []
        spiked = removed[removed["iso3"] == iso]
        if len(spiked):
            notes.append(f"spike removed ({_years(spiked['year'])})")
        if iso in matched.index:
            row = matched.loc[iso]
            years = f"{row['year_base']:g} / {row['year_end']:g}"
            if row["shift"]:
                moves = shifts[(shifts["iso3"] == iso) & (shifts["year"] <= row["year_end"])]
                moves = moves[moves["previous_year"] >= row["year_base"]]
                notes.append(
                    "level shift "
                    + ", ".join(
                        f"{p}-{y} ({c:+.0%})"
                        for p, y, c in moves[["previous_year", "year", "change"]].itertuples(index=False)
                    )
                )
            rows.append(
                {"country": names.get(iso, iso), "included": "yes", "years used": years, "note": "; ".join(notes)}
            )
            continue
        reported = kept.loc[kept["iso3"] == iso, "year"]
        missing = [r for r in (BASE_YEAR, END_YEAR) if not ((reported - r).abs() <= window).any()]
        nearest = [
            f"no value within {window} years of {r}"
            + (f" (nearest {int(reported.iloc[(reported - r).abs().argmin()])})" if len(reported) else "")
            for r in missing
        ]
        rows.append(
            {"country": names.get(iso, iso), "included": "no", "years used": "", "note": "; ".join(nearest + notes)}
        )
    return pd.DataFrame(rows)


def published_totals(doctors_source: str = "haag") -> dict[str, pd.DataFrame]:
    """OECD's published totals of doctors and nurses for 2000/01 and 2010/11, one row per profession.

    Doctors: Health at a Glance, 2001 and 2011 (``"haag"``), or OECD 2016, 2000 and 2013 (``"oecd2016"``);
    nurses: OECD 2016, 2000 and 2013. A 2013 level is brought back to 2010 at its constant growth rate.
    Each level carries the half-width of its rounding (``base_halfwidth``, ``end_halfwidth``).
    """
    totals = {}
    for profession in ("doctors", "nurses"):
        if profession == "doctors" and doctors_source == "haag":
            base, end = _level("haag_total_doctors_count_2001"), _level("haag_total_doctors_count_2011")
            end_halfwidth = TOTAL_ROUNDING
        else:
            base = _level(f"oecd2016_total_{profession}_count_2000")
            later = published.figure(f"oecd2016_total_{profession}_count_2013")
            span = (END_YEAR - BASE_YEAR) / (later["year_start"] - BASE_YEAR)
            end = base * (float(later["value"]) / base) ** span
            end_halfwidth = TOTAL_ROUNDING * end / float(later["value"])
        totals[profession] = pd.DataFrame(
            {
                "iso3": ["OECD"],
                "level_base": [base],
                "level_end": [end],
                "base_halfwidth": [float(TOTAL_ROUNDING)],
                "end_halfwidth": [end_halfwidth],
            }
        )
    return totals


def _level(figure_id: str) -> float:
    return float(published.figure(figure_id)["value"])
