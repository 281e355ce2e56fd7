"""The GSP NPV model (analysis.gsp.model): hand-computed cases, break-evens, bounds, monotonicity.

Inputs are synthetic (``SYNTHETIC`` in conftest.py), chosen for easy arithmetic: no discounting and no
training lag unless a test sets them.
"""

from __future__ import annotations

import numpy as np
import pytest

from analysis.gsp.model import annuity, bounded, break_even, covering_rate, npv, outlay, repayment


def test_annuity_matches_explicit_sum_and_zero_rate():
    assert annuity(4, 0.0) == pytest.approx(4.0)
    explicit = sum(1.05**-t for t in range(1, 11))
    assert annuity(10, 0.05) == pytest.approx(explicit)
    assert np.allclose(annuity(np.array([1, 2]), 0.1), [1 / 1.1, 1 / 1.1 + 1 / 1.21])


def test_npv_hand_computed_case_without_discounting(run):
    r = run()
    # the migrant serves 4 of a 10-year career: the destination avoids 4/10 of a domestic training (5 x 100);
    # it finances 100 (away) + 0.5 x 100 (one home trainee) = 150 and gets back 0.1 x 50 x 4 = 20
    assert r["destination_domestic"] == pytest.approx(5 * 100 * 4 / 10 - 150 + 20)  # 70
    assert r["destination_recruit"] == pytest.approx(-150 + 20)  # no recruitment cost saved
    assert r["origin_domestic"] == pytest.approx(100 - 50)  # one home-track nurse, pays the other half
    assert r["origin_recruit"] == pytest.approx(100 - 50 + 100)  # also saves the nurse it would have lost
    assert r["migrant_domestic"] == pytest.approx((50 - 10) * 4 - 20)
    assert r["migrant_recruit"] == pytest.approx(-20)
    assert r["stayers_domestic"] == pytest.approx(0.0)  # lam = 1: nursing pays no more than the alternative
    assert r["displaced_domestic"] == pytest.approx(0.0)  # lam_d = 1: nor in the destination
    assert r["total_domestic"] == pytest.approx(70 + 50 + 140)


def test_service_horizon_pro_rates_the_avoided_training(run):
    """A migrant who serves a whole career replaces a whole domestic training; half a career, half of it."""
    whole = run(t_abroad=10.0)["destination_domestic"]
    half = run(t_abroad=5.0)["destination_domestic"]
    assert whole == pytest.approx(5 * 100 - 150 + 20)
    assert half == pytest.approx(5 * 100 / 2 - 150 + 20)


def test_displaced_domestic_trainee_loses_the_pay_gain_of_the_years_served(run):
    r = run(lam_d=0.8, t_abroad=6.0, t_bond=4.0)
    assert r["displaced_domestic"] == pytest.approx(-(1 - 0.8) * 50 * 6)
    assert r["displaced_recruit"] == 0.0
    assert r["total_domestic"] == pytest.approx(
        sum(r[f"{a}_domestic"] for a in ("destination", "origin", "migrant", "stayers", "displaced"))
    )


def test_training_lag_and_discounting_hand_computed(run):
    d, lag = 0.1, 3.0
    r = run(delta=d, t_train=lag, m=0.5, lam=0.5, t_abroad=2.0, t_bond=2.0, t_career=4.0, lam_d=0.9)
    tau = (1 + 1 / 1.1 + 1 / 1.1**2) / 3  # a cost of 1 spread over the three training years
    later = 1.1**-3  # graduation
    a2 = 1 / 1.1 + 1 / 1.1**2
    a4 = a2 + 1 / 1.1**3 + 1 / 1.1**4
    rep = 0.1 * 50 * a2 * later
    # per migrant: 2 away-track and 2 home-track trainees; 1 away-track trainee stays home
    assert r["destination_domestic"] == pytest.approx(5 * 100 * tau * a2 / a4 - (2 * 100 + 2 * 50) * tau + rep)
    assert r["origin_domestic"] == pytest.approx(100 * tau * (2 + 1) - 2 * 50 * tau)
    assert r["migrant_domestic"] == pytest.approx((50 - 0.5 * 10) * a2 * later - rep)
    assert r["stayers_domestic"] == pytest.approx(3 * 10 * 0.5 * a4 * later)
    assert r["displaced_domestic"] == pytest.approx(-0.1 * 50 * a2 * later)


def test_unemployment_removes_the_origin_value_and_the_graduates_gain(run):
    full = run(lam=0.5)
    half = run(lam=0.5, unemp=0.5)
    assert half["stayers_domestic"] == pytest.approx(full["stayers_domestic"] / 2)
    assert half["origin_domestic"] == pytest.approx(100 * 0.5 - 50)


def test_recruitment_cost_is_saved_after_training(run):
    base = run(delta=0.1, t_train=2.0)["destination_recruit"]
    saved = run(delta=0.1, t_train=2.0, r=1000.0)["destination_recruit"]
    assert saved - base == pytest.approx(1000 / 1.1**2)


def test_against_recruitment_the_partnership_only_moves_money(synthetic):
    """Total against (b) = stayers' pay gain minus leaked home-track nurses (at training cost)."""
    rng = np.random.default_rng(1)
    p = {**synthetic, "m": rng.uniform(0.1, 1, 50), "s_home": rng.uniform(0, 0.8, 50), "leak": 0.2, "lam": 0.7}
    r = npv(p)
    home = p["s_home"] / (1 - p["s_home"])
    expected = r["stayers_recruit"] - p["c_o"] * p["leak"] * home / p["m"]
    assert np.allclose(r["total_recruit"], expected)


def test_break_even_values_zero_the_npv(synthetic, run):
    p = {**synthetic, "delta": 0.035, "lam": 0.8, "t_abroad": 10.0, "t_career": 30.0, "s_home": 0.4, "m": 0.7}
    p.update(t_train=3.0, unemp=0.1)
    be = break_even(p)
    zero = pytest.approx(0, abs=1e-9)
    assert run(**{**p, "m": float(be["take_up_domestic"])})["destination_domestic"] == zero
    assert run(**{**p, "m": float(be["take_up_recruit"])})["destination_recruit"] == zero
    assert run(**{**p, "k": float(be["cost_ratio_domestic"])})["destination_domestic"] == zero
    assert run(**{**p, "r": float(be["recruit_cost_recruit"])})["destination_recruit"] == zero
    assert run(**{**p, "omega": float(be["wage_ratio_domestic"])})["migrant_domestic"] == zero
    assert run(**{**p, "leak": float(be["leakage_domestic"])})["origin_domestic"] == zero
    assert run(**{**p, "s_home": float(be["home_share_domestic"])})["destination_domestic"] == zero


def test_break_evens_outside_the_possible_range_are_bounded(synthetic):
    """No repayment and a small cost ratio: the destination never breaks even (take-up 'above 1')."""
    p = {**synthetic, "rho": 0.0, "k": 0.5}
    raw = float(break_even(p)["take_up_domestic"])
    assert raw > 1
    assert float(bounded("take_up_domestic", raw)) == 1.0
    cheap = {**synthetic, "rho": 1.0}  # repayment (200) alone exceeds the outlay (150): gains at any cost ratio
    assert float(break_even(cheap)["cost_ratio_domestic"]) < 0
    assert float(bounded("cost_ratio_domestic", break_even(cheap)["cost_ratio_domestic"])) == 0.0


def test_covering_rate_equates_repayment_and_outlay(synthetic):
    p = {**synthetic, "t_train": 3.0, "rho": 0.1, "w_d": 400.0, "t_bond": 4.0, "m": 1.0}
    rate = covering_rate(p)
    q = {**p, "delta": rate}
    assert float(repayment(q)) == pytest.approx(float(outlay(q)), rel=1e-9)
    below = {**p, "delta": rate / 2}
    assert float(repayment(below)) > float(outlay(below))


# --- monotonicity -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("output", "name", "low", "high", "direction"),
    [
        ("destination_domestic", "k", 2.0, 8.0, +1),
        ("destination_domestic", "m", 0.3, 1.0, +1),
        ("destination_domestic", "s_home", 0.2, 0.7, -1),
        ("destination_domestic", "t_abroad", 2.0, 10.0, +1),
        ("destination_recruit", "rho", 0.05, 0.2, +1),
        ("destination_recruit", "r", 0.0, 500.0, +1),
        ("migrant_domestic", "omega", 2.0, 10.0, +1),
        ("migrant_domestic", "t_abroad", 4.0, 30.0, +1),
        ("migrant_domestic", "rho", 0.05, 0.2, -1),
        ("origin_domestic", "leak", 0.0, 0.6, -1),
        ("origin_domestic", "unemp", 0.0, 0.6, -1),
        ("origin_domestic", "f_home", 0.2, 0.8, +1),
        ("stayers_domestic", "lam", 0.5, 0.9, -1),
        ("displaced_domestic", "lam_d", 0.5, 0.9, +1),
    ],
)
def test_monotone_in_obvious_inputs(synthetic, output, name, low, high, direction):
    base = {"lam": 0.7, "lam_d": 0.8, "t_abroad": 8.0, "t_career": 30.0, "delta": 0.035, "t_train": 3.0}
    grid = np.linspace(low, high, 25)
    values = npv({**synthetic, **base, name: grid})[output]
    steps = np.diff(values) * direction
    assert (steps > 0).all(), f"{output} not monotone in {name}"
