"""Acceleration under rounding and in consistent counts; one point per datum in the published series.

The curved series below is synthetic (made up for the test); the other tests use the transcribed figures.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from analysis import acceleration, trends
from analysis.data import published


def test_restatements_are_dropped_and_concepts_kept_apart():
    counts = trends.published_points("doctors", "foreign_trained", "count")
    assert "oecd2019_ft_doctors_count_2016_nearly500k" not in set(counts["figure_id"])
    assert counts["year"].is_unique  # one datum per year in this series
    averages = trends.published_points("doctors", "foreign_trained", "share_pct", "country average")
    assert not averages["figure_id"].str.startswith("oecd2019").any()
    assert set(trends.published_points("doctors", "foreign_trained", "share_pct")["series"]) == {
        "country average",
        "pooled panel",
    }


def test_same_panel_growth_is_the_compound_rate_between_the_two_counts():
    growth, low, high = acceleration.same_panel_growth("doctors")
    assert growth == pytest.approx(100 * ((483_000 / 424_000) ** 0.2 - 1))
    assert low < growth < high and high - low < 0.2  # counts rounded to the nearest 1,000


def test_oecd_counts_show_growth_slowing():
    result = acceleration.oecd2019_count_acceleration()
    c06 = 483_000 / 1.5
    by_hand = 100 * (math.log(483_000 / 424_000) / 5 - math.log(424_000 / c06) / 5) / 5
    assert result.estimate == pytest.approx(by_hand)
    assert result.high < 0  # slower in 2011-16 than in 2006-11 over every rounding of the inputs


def test_curvature_under_rounding_recovers_a_known_curve():
    years = np.arange(2000, 2021, 2, dtype=float)
    c = 0.002  # log-quadratic curvature: the growth rate rises by 200 c = 0.4 points a year
    t = years - trends.CENTRE_YEAR
    points = pd.DataFrame(
        {"figure_id": [f"x{i}" for i in range(len(years))], "year": years, "value": np.exp(2 + 0.02 * t + c * t**2)}
    )
    exact = acceleration.curvature_under_rounding(points.assign(rounding=0.0), "synthetic", by_publication=False)
    assert exact.estimate == pytest.approx(200 * c, abs=0.01)
    assert exact.share_significant == 1.0
    coarse = acceleration.curvature_under_rounding(points.assign(rounding=0.5), "synthetic", by_publication=False)
    assert coarse.high - coarse.low > exact.high - exact.low  # rounding widens the interval


def test_a_trend_point_file_with_an_unknown_series_is_refused(tmp_path, monkeypatch):
    (tmp_path / "reference").mkdir()
    (tmp_path / "reference" / "trend_points.csv").write_text(
        "figure_id,series,duplicate_of,rounding,note\noecd2019_ft_doctors_count_2011,pooled,,500,\n"
    )
    monkeypatch.setattr(published, "data_dir", lambda: tmp_path)
    published.trend_points.cache_clear()
    try:
        with pytest.raises(published.SchemaError, match=r"trend_points.csv:line 2, column 'series'"):
            published.trend_points()
    finally:
        published.trend_points.cache_clear()
