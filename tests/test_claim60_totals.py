"""Totals for the 60% re-estimate: spikes, nearest years, level shifts, coverage (synthetic panels, known answers)."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import claim60_totals


def _panel(rows: dict[str, dict[int, float]]) -> pd.DataFrame:
    """Synthetic WHO-like panel: {iso3: {year: value}}."""
    records = [(iso, year, value) for iso, series in rows.items() for year, value in series.items()]
    frame = pd.DataFrame(records, columns=["iso3", "year", "value"])
    return frame.assign(measure="HWF_TEST", vintage="synthetic")


def test_two_year_spike_is_removed_but_steady_growth_is_not():
    # like New Zealand's nurses: 2000-01 about double the neighbours
    spiky = {1997: 34.0, 1998: 36.8, 1999: 36.8, 2000: 67.8, 2001: 68.4, 2002: 37.1, 2003: 36.5, 2004: 38.5}
    steady = {year: 100 * 1.05 ** (year - 1997) for year in range(1997, 2005)}
    flagged = claim60_totals.spikes(_panel({"NZL": spiky, "AAA": steady}))
    assert sorted(zip(flagged["iso3"], flagged["year"], strict=True)) == [("NZL", 2000), ("NZL", 2001)]


def test_nearest_level_takes_the_nearest_year_and_averages_ties():
    panel = _panel({"A": {1999: 90.0, 2001: 110.0, 2010: 150.0}, "B": {2002: 50.0, 2004: 60.0}, "C": {2005: 1.0}})
    levels = claim60_totals.nearest_level(panel, 2000, 2).set_index("iso3")
    assert levels.loc["A", "level"] == pytest.approx(100.0) and levels.loc["A", "year_used"] == 2000
    assert levels.loc["B", "level"] == 50.0 and levels.loc["B", "year_used"] == 2002
    assert "C" not in levels.index


def test_matched_totals_flags_level_shift_inside_the_decade():
    years = range(1998, 2013)
    shifted = {y: 100.0 * (1.4 if y >= 2005 else 1.0) for y in years}  # a 40% break in 2005
    flat = {y: 200.0 for y in years}
    panel = _panel({"S": shifted, "F": flat, "X": {2010: 5.0}})
    matched = claim60_totals.matched_totals(panel, ["S", "F", "X"], window=2).set_index("iso3")
    assert sorted(matched.index) == ["F", "S"]  # X has nothing near 2000
    assert bool(matched.loc["S", "shift"]) and not bool(matched.loc["F", "shift"])
    dropped = claim60_totals.matched_totals(panel, ["S", "F", "X"], window=2, drop_shifts=True)
    assert dropped["iso3"].tolist() == ["F"]


def test_level_shift_over_a_long_gap_is_growth_not_a_break():
    panel = _panel({"G": {1999: 46.0, 2005: 55.6, 2006: 56.0}})  # like Greece's doctors: +20% over 6 years
    assert claim60_totals.level_shifts(panel, threshold=0.15).empty


def test_published_totals_interpolate_2013_back_to_2010_at_constant_growth():
    totals = claim60_totals.published_totals("oecd2016")
    nurses = totals["nurses"].iloc[0]
    assert nurses["level_end"] == pytest.approx(8.3e6 * (10.8 / 8.3) ** (10 / 13))
    doctors = claim60_totals.published_totals("haag")["doctors"].iloc[0]
    assert (doctors["level_base"], doctors["level_end"]) == (2.9e6, 3.5e6)  # Health at a Glance, 2001 and 2011


def test_coverage_table_names_every_member_and_why_it_is_missing():
    panel = _panel({"USA": {2000: 730.0, 2004: 790.0}, "FRA": {2000: 198.0, 2010: 212.0}})
    table = claim60_totals.coverage_table(panel, ["USA", "FRA"], window=2).set_index("country")
    assert table.loc["France", "included"] == "yes"
    assert table.loc["United States", "included"] == "no"
    assert "no value within 2 years of 2010 (nearest 2004)" in table.loc["United States", "note"]
