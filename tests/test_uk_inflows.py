"""Nurses trained abroad joining the UK register: one value per year, definitions kept apart."""

from __future__ import annotations

import pytest

from analysis import uk_inflows


def test_one_figure_per_year_and_the_alternative_reading_dropped():
    joiners = uk_inflows.nmc_joiners()
    assert not joiners["figure_id"].str.endswith("_ALT").any()
    assert not joiners.duplicated(["series", "year"]).any()
    assert joiners["series"].nunique() == 2  # the 2020/21 change of definition is never bridged


def test_the_three_year_series_gets_a_small_sample_interval():
    old_definition = uk_inflows.specifications()[0]
    # three equally spaced years: the least-squares slope of the logs is half the first-to-last log change
    by_hand = 100 * ((12_033 / 2_720) ** (1 / 2) - 1)  # 2017/18 to 2019/20, as published
    assert old_definition.estimate == pytest.approx(by_hand)
    assert old_definition.low < old_definition.estimate < old_definition.high  # no degenerate interval


def test_short_series_trend_matches_the_textbook_interval():
    import math

    import pandas as pd

    frame = pd.DataFrame({"year": [0.0, 1.0, 2.0], "value": [math.exp(0.0), math.exp(1.2), math.exp(2.0)]})
    growth, low, high = uk_inflows.short_series_trend(frame)
    # by hand: slope (2.0 - 0.0) / 2 = 1, fitted line 1/15 + t, residuals (-1/15, 2/15, -1/15);
    # s^2 = 6/225 on 1 degree of freedom; se = sqrt(s^2 / 2); t(0.975, 1) = 12.7062
    se = math.sqrt((6 / 225) / 2)
    assert growth == pytest.approx(100 * (math.e - 1))
    assert low == pytest.approx(100 * (math.exp(1 - 12.7062047 * se) - 1), rel=1e-6)
    assert high == pytest.approx(100 * (math.exp(1 + 12.7062047 * se) - 1), rel=1e-6)
    with pytest.raises(ValueError, match="at least 3"):
        uk_inflows.short_series_trend(frame.head(2))


def test_the_consistent_series_is_fitted_with_an_interval():
    new_definition = uk_inflows.specifications()[1]
    assert new_definition.low < new_definition.estimate < new_definition.high


def test_every_figure_is_a_deciding_input_with_its_source_kind():
    inputs = uk_inflows.deciding_inputs()
    assert len(inputs) == len(uk_inflows.nmc_joiners())
    assert {i.source_kind for i in inputs} <= {"primary", "official restatement", "secondary"}
    assert all("joining the UK register" in i.describe() and "NMC_" not in i.describe() for i in inputs)


def test_summary_states_the_peak_the_fall_and_the_old_rise():
    facts = uk_inflows.summary()
    assert (facts["peak"], facts["peak_year"], facts["last"], facts["last_year"]) == (
        29_628,
        "2023/24",
        20_671,
        "2024/25",
    )
    assert facts["fall_pct"] == pytest.approx(100 * (1 - 20_671 / 29_628))
    assert facts["old_ratio"] == pytest.approx(12_033 / 2_720)
