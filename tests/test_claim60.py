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
    draws = claim60.bootstrap(totals, shares, n_draws=500, rounding=0.0)
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
    first = claim60.bootstrap(totals, shares, n_draws=800, seed=5)
    again = claim60.bootstrap(totals, shares, n_draws=800, seed=5)
    pd.testing.assert_frame_equal(first, again)
    summary = claim60.summarise(first)
    assert summary.loc["combined_fb_growth", "high_pct"] - summary.loc["combined_fb_growth", "low_pct"] > 5
    point = claim60.point_estimate(totals, shares)["combined_fb_growth"] * 100
    assert summary.loc["combined_fb_growth", "low_pct"] < point < summary.loc["combined_fb_growth", "high_pct"]


def test_window_level_and_matching():
    panel = pd.DataFrame(
        {
            "iso3": ["A", "A", "A", "B", "B", "C"],
            "year": [1999, 2000, 2010, 2001, 2011, 2010],
            "value": [90.0, 110.0, 150.0, 50.0, 70.0, 10.0],
        }
    )
    assert claim60.window_level(panel, 2000, 1).to_dict() == {"A": 100.0, "B": 50.0}
    matched = claim60.matched_totals(panel, ["A", "B", "C"], window=1)
    assert matched["iso3"].tolist() == ["A", "B"]  # C has no value near 2000
    assert claim60.matched_totals(panel, ["A", "B", "C"], window=0)["iso3"].tolist() == ["A"]


def test_annualised_growth():
    assert claim60.annualised(60, 10) == pytest.approx(100 * (1.6**0.1 - 1))
    assert claim60.annualised(21, 2) == pytest.approx(10.0)
