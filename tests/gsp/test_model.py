"""The GSP NPV model (analysis.gsp.model): hand-computed cases, break-evens, monotonicity.

Inputs are synthetic (``SYNTHETIC`` in conftest.py), chosen for easy arithmetic.
"""

from __future__ import annotations

import numpy as np
import pytest

from analysis.gsp.model import annuity, break_even, npv

# --- NPV arithmetic against hand-computed cases -------------------------------------------------


def test_annuity_matches_explicit_sum_and_zero_rate():
    assert annuity(4, 0.0) == pytest.approx(4.0)
    explicit = sum(1.05**-t for t in range(1, 11))
    assert annuity(10, 0.05) == pytest.approx(explicit)
    assert np.allclose(annuity(np.array([1, 2]), 0.1), [1 / 1.1, 1 / 1.1 + 1 / 1.21])


def test_npv_hand_computed_case_without_discounting(run):
    r = run()
    # repayment 0.1 * 50 * 4 = 20; destination finances 100 (away) + 0.5 * 100 (one home trainee) = 150
    assert r["destination_domestic"] == pytest.approx(5 * 100 - 150 + 20)  # 370
    assert r["destination_recruit"] == pytest.approx(-150 + 20)  # -130
    # origin: one home-track nurse worth 100, pays the other half (50)
    assert r["origin_domestic"] == pytest.approx(100 - 50)
    assert r["origin_recruit"] == pytest.approx(100 - 50 + 100)  # also keeps the nurse it would have lost
    # migrant: (50 - 1.0 * 50/5) * 4 years - 20 = 140; against (b) only the repayment
    assert r["migrant_domestic"] == pytest.approx((50 - 10) * 4 - 20)
    assert r["migrant_recruit"] == pytest.approx(-20)
    assert r["stayers_domestic"] == pytest.approx(0.0)  # lam = 1: nursing pays no more than the alternative
    assert r["total_domestic"] == pytest.approx(370 + 50 + 140)


def test_npv_hand_computed_case_with_discounting_and_partial_take_up(run):
    r = run(delta=0.1, m=0.5, lam=0.5, t_abroad=2.0, t_bond=2.0, t_career=2.0)
    a2 = 1 / 1.1 + 1 / 1.1**2
    rep = 0.1 * 50 * a2
    # per migrant: 2 away-track trainees, 2 home-track trainees, 1 away-track trainee stays home
    assert r["destination_domestic"] == pytest.approx(500 - (2 * 100 + 2 * 50) + rep)
    assert r["origin_domestic"] == pytest.approx(100 * (2 + 1) - 2 * 50)
    assert r["migrant_domestic"] == pytest.approx((50 - 0.5 * 10) * a2 - rep)
    assert r["stayers_domestic"] == pytest.approx(3 * 10 * 0.5 * a2)


def test_against_recruitment_the_partnership_only_moves_money(synthetic):
    """Total against (b) = stayers' earnings gain minus leaked home-track nurses (replacement cost)."""
    rng = np.random.default_rng(1)
    p = {**synthetic, "m": rng.uniform(0.1, 1, 50), "s_home": rng.uniform(0, 0.8, 50), "leak": 0.2}
    r = npv(p)
    home = p["s_home"] / (1 - p["s_home"])
    expected = r["stayers_recruit"] - p["c_o"] * p["leak"] * home / p["m"]
    assert np.allclose(r["total_recruit"], expected)


def test_break_even_values_zero_the_npv(synthetic, run):
    p = {**synthetic, "delta": 0.035, "lam": 0.8, "t_abroad": 10.0, "s_home": 0.4, "m": 0.7}
    be = break_even(p)
    assert run(**{**p, "m": float(be["take_up_domestic"])})["destination_domestic"] == pytest.approx(0, abs=1e-9)
    assert run(**{**p, "m": float(be["take_up_recruit"])})["destination_recruit"] == pytest.approx(0, abs=1e-9)
    assert run(**{**p, "k": float(be["cost_ratio_domestic"])})["destination_domestic"] == pytest.approx(0, abs=1e-9)
    assert run(**{**p, "omega": float(be["wage_ratio_domestic"])})["migrant_domestic"] == pytest.approx(0, abs=1e-9)
    assert run(**{**p, "leak": float(be["leakage_domestic"])})["origin_domestic"] == pytest.approx(0, abs=1e-9)
    s_star = float(be["home_share_domestic"])
    assert run(**{**p, "s_home": s_star})["destination_domestic"] == pytest.approx(0, abs=1e-9)


# --- monotonicity -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("output", "name", "low", "high", "direction"),
    [
        ("destination_domestic", "k", 2.0, 8.0, +1),
        ("destination_domestic", "m", 0.3, 1.0, +1),
        ("destination_domestic", "s_home", 0.2, 0.7, -1),
        ("destination_recruit", "rho", 0.05, 0.2, +1),
        ("migrant_domestic", "omega", 2.0, 10.0, +1),
        ("migrant_domestic", "t_abroad", 4.0, 30.0, +1),
        ("migrant_domestic", "rho", 0.05, 0.2, -1),
        ("origin_domestic", "leak", 0.0, 0.6, -1),
        ("origin_domestic", "f_home", 0.2, 0.8, +1),
        ("stayers_domestic", "lam", 0.5, 0.9, -1),
    ],
)
def test_monotone_in_obvious_inputs(synthetic, output, name, low, high, direction):
    base = {"lam": 0.7, "t_abroad": 8.0, "delta": 0.035}
    grid = np.linspace(low, high, 25)
    values = npv({**synthetic, **base, name: grid})[output]
    steps = np.diff(values) * direction
    assert (steps > 0).all(), f"{output} not monotone in {name}"
