"""The share readings, their ranges, the panel check and the first decade implied by later ones."""

from __future__ import annotations

import pytest

from analysis import claim60_shares


def test_share_ranges_span_every_reading_plus_rounding():
    ranges = claim60_shares.share_ranges().set_index(["profession", "year"])
    doctors_2000 = ranges.loc[("doctors", 2000)]
    # IMO 2007 (as quoted) says 18%, IMO 2025 implies 21%: the range is 17.5 to 21.5
    assert (doctors_2000["low"], doctors_2000["central"], doctors_2000["high"]) == (17.5, 18.0, 21.5)
    assert "imo2025_thenational_fb_doctors_share_2000" in doctors_2000["rows"]
    # OECD 2019: 27% in 2015/16 after a 3-point rise -> 24% in 2010/11, +/-1 point (two roundings)
    assert ranges.loc[("doctors", 2010), "high"] == pytest.approx(25.0)
    assert ranges.loc[("nurses", 2000), "low"] == pytest.approx(10.5)


def test_share_bounds_for_one_alternative_reading():
    bounds = claim60_shares.share_bounds("imo2025_doctors_2000")
    assert bounds[("doctors", 2000)] == (20.5, 21.5)
    assert bounds[("nurses", 2000)] == (10.5, 11.5)  # the others stay at their main readings
    assert claim60_shares.share_bounds("first")[("doctors", 2000)] == (17.5, 18.5)
    with pytest.raises(KeyError, match="no share reading"):
        claim60_shares.share_bounds("nonsense")


def test_first_decade_growth_known_cases():
    # steady: 4-fold over two decades = doubling in each
    assert claim60_shares.first_decade_growth(300) == pytest.approx(100)
    # second decade at +20% per five years twice (x1.44): 1.86 / 1.44 - 1
    assert claim60_shares.first_decade_growth(86, 20) == pytest.approx(100 * (1.86 / 1.44 - 1))


def test_implied_first_decade_intervals_contain_central_values():
    table = claim60_shares.implied_first_decade()
    assert ((table["low %"] <= table["growth %"]) & (table["growth %"] <= table["high %"])).all()
    steady = table[(table["assumption"].str.startswith("steady")) & (table["series"] == "doctors")].iloc[0]
    assert steady["growth %"] == pytest.approx(100 * (1.86**0.5 - 1))


def test_panel_check_compares_implied_and_published_counts():
    check = claim60_shares.panel_check().set_index("quantity")["thousands"]
    # 18% of 2.9 million doctors and 11% of 8.3 million nurses
    assert check.iloc[2] == pytest.approx(0.18 * 2900 + 0.11 * 8300)
    assert check.iloc[3] == pytest.approx(1300)
