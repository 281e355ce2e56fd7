"""Intra-regional movement: same-region shares, the part from outside the high-income group, and the
bootstrap over destinations (the frames here are made up for the test)."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import intra_regional


def _ftds(rows):
    return pd.DataFrame(rows, columns=["iso3", "origin", "year", "value"])


@pytest.fixture
def regions() -> pd.DataFrame:
    # AAA, HIC and MID in Europe; BBB and LIC in Africa; MID and LIC are not high income
    return pd.DataFrame(
        {
            "iso3": ["AAA", "BBB", "HIC", "MID", "LIC"],
            "region": ["Europe", "Africa", "Europe", "Europe", "Africa"],
            "income_group": ["High income", "High income", "High income", "Upper middle income", "Low income"],
        }
    )


def test_same_region_shares_split_by_the_income_of_the_origin(regions):
    frame = _ftds(
        [
            ("AAA", "HIC", 2018, 60),
            ("AAA", "MID", 2018, 15),
            ("AAA", "LIC", 2018, 25),
            ("BBB", "LIC", 2018, 10),
            ("BBB", "ZZZ", 2018, 90),
        ]
    )
    table = intra_regional.same_region_shares(frame, regions[["iso3", "region"]], regions).set_index("destination")
    assert table.loc["AAA", "share"] == pytest.approx(0.75)  # HIC and MID are in Europe, LIC is not
    assert table.loc["BBB", "share"] == pytest.approx(0.1)  # ZZZ has no region: never the same region
    assert table.loc["all", "same_region"] == 85
    assert table.loc["all", "same_region_high_income"] == 60
    assert table.loc["AAA", "same_region_other"] == 15 and table.loc["BBB", "same_region_other"] == 10
    assert table.loc["all", "same_region_other"] == 25


def test_destination_bootstrap_spans_the_destinations_covered():
    per_destination = pd.DataFrame(
        {"destination": ["A", "B", "all"], "doctors": [100.0, 100.0, 200.0], "x": [50.0, 0.0, 50.0]}
    )
    estimate, low, high = intra_regional.destination_bootstrap(per_destination, "x", n_draws=4000, seed=1)
    # pooled: 50 of 200; resampling two equal destinations gives 0% (BB), 25% (AB) or 50% (AA), a quarter
    # of the draws each at the ends, so the central 95% runs from 0% to 50%
    assert estimate == pytest.approx(25.0)
    assert (low, high) == (pytest.approx(0.0), pytest.approx(50.0))
    alike = per_destination.assign(x=[20.0, 20.0, 40.0])
    assert intra_regional.destination_bootstrap(alike, "x") == pytest.approx((20.0, 20.0, 20.0))
    with pytest.raises(ValueError, match="no foreign-trained"):
        intra_regional.destination_bootstrap(per_destination.assign(doctors=0.0), "x")
