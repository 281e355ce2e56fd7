"""The GSP cost-benefit model: hand-computed cases, monotonicity, seeded Monte Carlo, parameter errors.

Inputs written in this file (``SYNTHETIC`` and the CSV fixtures) are synthetic, chosen for easy arithmetic;
the tests marked "project file" read the real ``data/published/gsp_parameters.csv``.
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis import gsp
from analysis.data.paths import data_dir
from analysis.evidence import VERDICTS, ClaimResult

#: Synthetic inputs (not published values): zero discounting so that present values are plain sums.
SYNTHETIC = {
    "c_o": 100.0,
    "k": 5.0,
    "w_d": 50.0,
    "omega": 5.0,
    "s_home": 0.5,
    "m": 1.0,
    "f_away": 1.0,
    "f_home": 0.5,
    "rho": 0.1,
    "t_bond": 4.0,
    "t_abroad": 4.0,
    "t_career": 10.0,
    "delta": 0.0,
    "lam": 1.0,
    "leak": 0.0,
    "induced": 0.0,
}


def run(**overrides) -> dict[str, float]:
    return {key: float(v) for key, v in gsp.npv({**SYNTHETIC, **overrides}).items()}


# --- NPV arithmetic against hand-computed cases -------------------------------------------------


def test_annuity_matches_explicit_sum_and_zero_rate():
    assert gsp.annuity(4, 0.0) == pytest.approx(4.0)
    explicit = sum(1.05**-t for t in range(1, 11))
    assert gsp.annuity(10, 0.05) == pytest.approx(explicit)
    assert np.allclose(gsp.annuity(np.array([1, 2]), 0.1), [1 / 1.1, 1 / 1.1 + 1 / 1.21])


def test_npv_hand_computed_case_without_discounting():
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


def test_npv_hand_computed_case_with_discounting_and_partial_take_up():
    r = run(delta=0.1, m=0.5, lam=0.5, t_abroad=2.0, t_bond=2.0, t_career=2.0)
    a2 = 1 / 1.1 + 1 / 1.1**2
    rep = 0.1 * 50 * a2
    # per migrant: 2 away-track trainees, 2 home-track trainees, 1 away-track trainee stays home
    assert r["destination_domestic"] == pytest.approx(500 - (2 * 100 + 2 * 50) + rep)
    assert r["origin_domestic"] == pytest.approx(100 * (2 + 1) - 2 * 50)
    assert r["migrant_domestic"] == pytest.approx((50 - 0.5 * 10) * a2 - rep)
    assert r["stayers_domestic"] == pytest.approx(3 * 10 * 0.5 * a2)


def test_against_recruitment_the_partnership_only_moves_money():
    """Total against (b) = stayers' earnings gain minus leaked home-track nurses (replacement cost)."""
    rng = np.random.default_rng(1)
    p = {**SYNTHETIC, "m": rng.uniform(0.1, 1, 50), "s_home": rng.uniform(0, 0.8, 50), "leak": 0.2}
    r = gsp.npv(p)
    home = p["s_home"] / (1 - p["s_home"])
    expected = r["stayers_recruit"] - p["c_o"] * p["leak"] * home / p["m"]
    assert np.allclose(r["total_recruit"], expected)


def test_break_even_values_zero_the_npv():
    p = {**SYNTHETIC, "delta": 0.035, "lam": 0.8, "t_abroad": 10.0, "s_home": 0.4, "m": 0.7}
    be = gsp.break_even(p)
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
def test_monotone_in_obvious_inputs(output, name, low, high, direction):
    base = {"lam": 0.7, "t_abroad": 8.0, "delta": 0.035}
    grid = np.linspace(low, high, 25)
    values = gsp.npv({**SYNTHETIC, **base, name: grid})[output]
    steps = np.diff(values) * direction
    assert (steps > 0).all(), f"{output} not monotone in {name}"


# --- Monte Carlo --------------------------------------------------------------------------------


def _synthetic_inputs() -> dict[str, gsp.Input]:
    """Synthetic ranges around SYNTHETIC (not published values)."""
    ranges = {"k": (3.0, 7.0), "m": (0.5, 1.0), "omega": (2.0, 10.0), "t_abroad": (4.0, 30.0), "lam": (0.5, 1.0)}
    out = {}
    for name, centre in SYNTHETIC.items():
        low, high = ranges.get(name, (centre, centre))
        out[name] = gsp.Input(name, name, low, centre, high, "", "synthetic", (), "", integer=name.startswith("t_"))
    return out


def test_monte_carlo_is_seeded_and_respects_ranges():
    inputs = _synthetic_inputs()
    first = gsp.simulate(5_000, seed=3, inputs=inputs)
    again = gsp.simulate(5_000, seed=3, inputs=inputs)
    other = gsp.simulate(5_000, seed=4, inputs=inputs)
    pd.testing.assert_frame_equal(first, again)
    assert not first["destination_domestic"].equals(other["destination_domestic"])
    assert first["k"].between(3.0, 7.0).all() and first["m"].between(0.5, 1.0).all()
    assert set(np.unique(first["t_abroad"])) <= set(np.arange(4.0, 31.0))
    assert {"c_o", "rho"}.isdisjoint(first.columns)  # fixed inputs are not drawn
    # each draw equals the model evaluated at that draw's inputs
    row = first.iloc[17]
    point = gsp.npv({**SYNTHETIC, **{k: row[k] for k in ("k", "m", "omega", "t_abroad", "lam")}})
    assert float(point["total_domestic"]) == pytest.approx(row["total_domestic"])


def test_tornado_brackets_the_central_value():
    frame = gsp.tornado(("destination_domestic",), inputs=_synthetic_inputs(), scale=1.0)
    central = run()["destination_domestic"]
    assert frame["central"].eq(central).all()
    assert frame["swing"].is_monotonic_decreasing
    k_row = frame.set_index("input").loc["k"]
    assert k_row["at high"] - k_row["at low"] == pytest.approx(100 * (7.0 - 3.0))


def test_benchmark_size_runs_fast_enough():
    import time

    inputs = _synthetic_inputs()
    start = time.perf_counter()
    gsp.npv(gsp.draw(inputs, 1_000_000, seed=0))
    assert time.perf_counter() - start < 5  # generous bound for CI; the benchmark reports the real time


# --- parameter file errors (synthetic CSV fixtures) ---------------------------------------------


def _write_parameters(path: Path, **changes) -> Path:
    """A synthetic two-row parameter file; ``changes`` maps 'row:column' to a new cell value."""
    rows = [
        {col: "" for col in gsp.REQUIRED_COLUMNS}
        | {
            "parameter": "synthetic_cost",
            "description": "synthetic training cost (test fixture)",
            "central": "1000",
            "unit": "EUR",
            "currency": "EUR",
            "publication": "synthetic",
            "locator": "none",
            "quote": "none",
            "url": "https://example.org",
        },
        {col: "" for col in gsp.REQUIRED_COLUMNS}
        | {
            "parameter": "synthetic_share",
            "description": "synthetic share (test fixture)",
            "low": "0.2",
            "central": "0.5",
            "high": "0.8",
            "unit": "share",
            "publication": "synthetic",
            "locator": "none",
            "quote": "none",
            "url": "https://example.org",
        },
    ]
    for key, new in changes.items():
        index, column = key.split(":")
        rows[int(index)][column] = new
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=gsp.REQUIRED_COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_synthetic_file_loads(tmp_path):
    table = gsp.load_parameters(_write_parameters(tmp_path / "p.csv"))
    assert gsp.value(table, "synthetic_cost") == 1000
    assert table.at["synthetic_share", "line"] == 3


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"0:central": "-1000"}, r"line 2, column 'central': negative cost or amount -1000 .*synthetic_cost"),
        ({"1:low": "0.9"}, r"line 3, columns 'low'/'high': low 0.9 > high 0.8 .*synthetic_share"),
        ({"0:currency": "EURO"}, r"line 2, column 'currency': unknown currency 'EURO' .*synthetic_cost"),
        ({"1:central": "0.95"}, r"line 3, column 'central': 0.95 outside \[low, high\]"),
        ({"1:high": "lots"}, r"line 3, column 'high': cannot read 'lots' as a number"),
        ({"1:parameter": "synthetic_cost"}, r"line 3: parameter 'synthetic_cost' already defined on line 2"),
        ({"0:quote": ""}, r"line 2, column 'quote': empty"),
    ],
)
def test_invalid_parameters_raise_clear_value_errors(tmp_path, changes, message):
    path = _write_parameters(tmp_path / "p.csv", **changes)
    with pytest.raises(ValueError, match=message) as info:
        gsp.load_parameters(path)
    assert str(path) in str(info.value)


def test_missing_file_and_column(tmp_path):
    with pytest.raises(gsp.ParameterError, match="not found"):
        gsp.load_parameters(tmp_path / "absent.csv")
    path = _write_parameters(tmp_path / "p.csv")
    pd.read_csv(path).drop(columns="currency").to_csv(path, index=False)
    with pytest.raises(gsp.ParameterError, match=r"missing column\(s\) \['currency'\]"):
        gsp.load_parameters(path)


def test_value_names_empty_field(tmp_path):
    table = gsp.load_parameters(_write_parameters(tmp_path / "p.csv"))
    with pytest.raises(gsp.ParameterError, match="line 2, column 'high': empty for parameter 'synthetic_cost'"):
        gsp.value(table, "synthetic_cost", "high")
    with pytest.raises(KeyError, match="no_such_row"):
        gsp.value(table, "no_such_row")


# --- the project file and the claims ------------------------------------------------------------


def test_project_file_inputs_come_from_rows():
    """project file: every input's rows exist; derived values follow from them."""
    table = gsp.parameters()
    inputs = gsp.model_inputs()
    for inp in inputs.values():
        assert set(inp.rows) <= set(table.index), inp.name
        assert inp.low <= inp.central <= inp.high, inp.name
        assert inp.basis.startswith((gsp.PUBLISHED, gsp.DERIVED, gsp.ASSUMPTION)), inp.name
    assert inputs["f_away"].central == pytest.approx(1.0)  # EUR 15,000 = all of one + half of another 10,000
    assert inputs["k"].central == pytest.approx(100_000 / 14_000)
    lo, hi = gsp.palim_take_up()
    assert 0 < lo < hi < 0.1


def test_every_unused_row_has_a_reason():
    """project file: each row is either used by an input/scenario or has a stated reason."""
    sources = gsp.sources_table()
    unused = sources[sources["used for"] == "not used"]
    assert unused["why not"].ne("not needed by the model").all(), list(unused["parameter"])
    assert set(gsp.UNUSED_ROWS) <= set(sources["parameter"])
    used = sources.loc[sources["used for"] != "not used", "parameter"]
    assert set(gsp.UNUSED_ROWS).isdisjoint(used)


def test_claim_rows_match_the_evaluators():
    texts = pd.read_csv(data_dir() / "claims_gsp.csv", dtype=str)
    results = gsp.evaluate_all()
    assert list(texts["claim_id"]) == [r.claim_id for r in results]
    headings = (data_dir().parent / "notebooks" / "04_gsp.md").read_text(encoding="utf-8")
    for section in texts["section"]:
        assert f"## {section}\n" in headings, section
    for result in results:
        assert isinstance(result, ClaimResult)
        assert result.verdict in VERDICTS
        assert result.low <= result.estimate <= result.high, result.claim_id
