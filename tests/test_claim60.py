"""The decomposition and the bootstrap behind the 60% chapter (synthetic inputs, known answers)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis import claim60


def test_implied_growth_known_case():
    # workforce +10%, share 20% -> 25%: foreign-born count 0.2*100=20 -> 0.25*110=27.5, +37.5%
    assert claim60.implied_growth(0.10, 20, 25) == pytest.approx(0.375)
    # unchanged share: foreign-born grows like the total
    assert claim60.implied_growth(0.3, 12, 12) == pytest.approx(0.3)


def test_combined_growth_weights_by_foreign_born_counts():
    # doctors: 100 -> 120, share 10% -> 10%: FB 10 -> 12; nurses 300 -> 300, share 10% -> 20%: 30 -> 60
    growth = claim60.combined_growth(
        {"doctors": 100, "nurses": 300},
        {"doctors": 120, "nurses": 300},
        {"doctors": 10, "nurses": 10},
        {"doctors": 10, "nurses": 20},
    )
    assert growth == pytest.approx((12 + 60) / (10 + 30) - 1)


def _synthetic_totals(growth: float, n: int = 12) -> pd.DataFrame:
    base = np.linspace(1_000, 50_000, n)  # synthetic country sizes
    return pd.DataFrame({"iso3": [f"C{i:02d}" for i in range(n)], "level_base": base, "level_end": base * (1 + growth)})


def test_bootstrap_collapses_to_analytic_answer_without_noise():
    totals = {"doctors": _synthetic_totals(0.2), "nurses": _synthetic_totals(0.1)}
    shares = {("doctors", 2000): 18, ("doctors", 2010): 24, ("nurses", 2000): 10, ("nurses", 2010): 12}
    draws = claim60.bootstrap(totals, claim60.rounding_bounds(shares, 0.0), n_draws=500)
    expected_doctors = 1.2 * 24 / 18 - 1
    assert np.allclose(draws["doctors_fb_growth"], expected_doctors)
    assert np.allclose(draws["doctors_total_growth"], 0.2)
    summary = claim60.summarise(draws)
    assert summary.loc["nurses_fb_growth", "low_pct"] == pytest.approx(100 * (1.1 * 12 / 10 - 1))


def test_bootstrap_interval_reflects_country_heterogeneity_and_is_seeded():
    rng = np.random.default_rng(0)
    frame = _synthetic_totals(0.0)
    frame["level_end"] = frame["level_base"] * (1 + rng.uniform(-0.2, 0.6, len(frame)))
    totals = {"doctors": frame, "nurses": frame}
    shares = {("doctors", 2000): 18, ("doctors", 2010): 23, ("nurses", 2000): 11, ("nurses", 2010): 14}
    bounds = claim60.rounding_bounds(shares)
    first = claim60.bootstrap(totals, bounds, n_draws=800, seed=5)
    again = claim60.bootstrap(totals, bounds, n_draws=800, seed=5)
    pd.testing.assert_frame_equal(first, again)
    summary = claim60.summarise(first)
    assert summary.loc["combined_fb_growth", "high_pct"] - summary.loc["combined_fb_growth", "low_pct"] > 5
    point = claim60.point_estimate(totals, shares)["combined_fb_growth"] * 100
    assert summary.loc["combined_fb_growth", "low_pct"] < point < summary.loc["combined_fb_growth", "high_pct"]


def test_share_bounds_are_drawn_uniformly_over_their_interval():
    # synthetic: no workforce growth, doctors' 2000 share anywhere in [18, 21], the rest fixed
    totals = {"doctors": _synthetic_totals(0.0), "nurses": _synthetic_totals(0.0)}
    bounds = {
        ("doctors", 2000): (18, 21),
        ("doctors", 2010): (24, 24),
        ("nurses", 2000): (10, 10),
        ("nurses", 2010): (10, 10),
    }
    draws = claim60.bootstrap(totals, bounds, n_draws=20_000, seed=1)
    growth = draws["doctors_fb_growth"]
    assert growth.max() <= 24 / 18 - 1 + 1e-12 and growth.min() >= 24 / 21 - 1 - 1e-12
    # the median share is 19.5, so the median growth is 24 / 19.5 - 1
    assert growth.median() == pytest.approx(24 / 19.5 - 1, abs=0.003)


def test_published_total_rounding_is_drawn_within_its_half_width():
    one = pd.DataFrame(
        {"iso3": ["OECD"], "level_base": [100.0], "level_end": [120.0], "base_halfwidth": [5.0], "end_halfwidth": [0.0]}
    )
    fixed = {("doctors", 2000): (10, 10), ("doctors", 2010): (10, 10)}
    growth = claim60.bootstrap({"doctors": one}, fixed, n_draws=5000, seed=2)["doctors_total_growth"]
    assert growth.min() >= 120 / 105 - 1 - 1e-12 and growth.max() <= 120 / 95 - 1 + 1e-12
    assert growth.max() - growth.min() > 0.08  # close to the full range 120/95 - 120/105


def test_evaluate_claim_judges_every_specification_with_the_rubric():
    result = claim60.evaluate_claim()
    labels = [spec.label for spec in result.specifications]
    assert len(labels) == len(claim60.SPECIFICATIONS) and labels[0] == claim60.SPECIFICATIONS[0].label
    assert any("IMO 2025" in label for label in labels) and any("WHO" in label for label in labels)
    assert result.claimed == 60 and result.claimed_form == "equals"
    assert (result.estimate, result.low, result.high) == (
        result.specifications[0].estimate,
        result.specifications[0].low,
        result.specifications[0].high,
    )
    assert "secondary" in result.weakest_input
    outcomes = {spec.low <= 60 <= spec.high for spec in result.specifications}
    assert result.verdict == ("mixed" if outcomes == {True, False} else result.verdict)


def test_annualised_growth():
    assert claim60.annualised(60, 10) == pytest.approx(100 * (1.6**0.1 - 1))
    assert claim60.annualised(21, 2) == pytest.approx(10.0)


def test_specifications_are_reported_by_the_assumption_they_change():
    table = pd.DataFrame(
        {
            "dimension": ["main", "totals", "totals", "shares", "shares"],
            "specification": ["m", "t1", "t2", "s1", "s2"],
            "growth_pct": [50.0, 49.0, 52.0, 40.0, 58.0],
            "low_pct": [45.0, 44.0, 47.0, 35.0, 50.0],
            "high_pct": [65.0, 61.0, 62.0, 45.0, 66.0],
        }
    )
    dims = claim60.by_dimension(table, 60).set_index("dimension")
    assert list(dims.index) == ["totals", "shares"]  # the main specification is not a variation
    assert dims.loc["totals", "specifications"] == 2 and dims.loc["totals", "containing the claim"] == 2
    assert (dims.loc["totals", "lowest estimate"], dims.loc["totals", "highest estimate"]) == (49.0, 52.0)
    assert dims.loc["shares", "containing the claim"] == 1 and dims.loc["shares", "excluding it"] == "s1"
    assert dims.loc["shares", "lowest low"] == 35.0 and dims.loc["shares", "highest high"] == 66.0
    sentence = claim60.dimension_sentence(claim60.by_dimension(table, 60), 60)
    assert "totals (2 specifications) puts the central estimate between 49% and 52%, and every interval" in sentence
    assert "60% lies outside the interval with the s1" in sentence


def test_every_specification_names_the_assumption_it_changes():
    assert claim60.SPECIFICATIONS[0].dimension == "main"
    assert {s.dimension for s in claim60.SPECIFICATIONS} == set(claim60.DIMENSIONS)
    assert not any("HWF_" in s.label for s in claim60.SPECIFICATIONS)  # no raw indicator codes shown to readers
