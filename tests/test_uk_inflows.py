"""Nurses trained abroad joining the UK register: one value per year, definitions kept apart."""

from __future__ import annotations

import pytest

from analysis import uk_inflows


def test_one_figure_per_year_and_the_alternative_reading_dropped():
    joiners = uk_inflows.nmc_joiners()
    assert not joiners["figure_id"].str.endswith("_ALT").any()
    assert not joiners.duplicated(["series", "year"]).any()
    assert joiners["series"].nunique() == 2  # the 2020/21 change of definition is never bridged


def test_short_series_get_their_compound_growth_without_an_interval():
    old_definition = uk_inflows.specifications()[0]
    by_hand = 100 * ((12_033 / 2_720) ** (1 / 2) - 1)  # 2017/18 to 2019/20, as published
    assert old_definition.estimate == pytest.approx(by_hand)
    assert old_definition.low == old_definition.high == old_definition.estimate


def test_the_consistent_series_is_fitted_with_an_interval():
    new_definition = uk_inflows.specifications()[1]
    assert new_definition.low < new_definition.estimate < new_definition.high


def test_every_figure_is_a_deciding_input_with_its_source_kind():
    inputs = uk_inflows.deciding_inputs()
    assert len(inputs) == len(uk_inflows.nmc_joiners())
    assert {i.source_kind for i in inputs} <= {"primary", "official restatement", "secondary"}


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
