"""The GSP Monte Carlo and one-way sensitivity (analysis.gsp.simulation), on synthetic inputs."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.gsp.model import npv
from analysis.gsp.simulation import simulate, tornado


def test_monte_carlo_is_seeded_and_respects_ranges(synthetic, synthetic_inputs):
    inputs = synthetic_inputs
    first = simulate(5_000, seed=3, inputs=inputs)
    again = simulate(5_000, seed=3, inputs=inputs)
    other = simulate(5_000, seed=4, inputs=inputs)
    pd.testing.assert_frame_equal(first, again)
    assert not first["destination_domestic"].equals(other["destination_domestic"])
    assert first["k"].between(3.0, 7.0).all() and first["m"].between(0.5, 1.0).all()
    assert set(np.unique(first["t_abroad"])) <= set(np.arange(4.0, 31.0))
    assert {"c_o", "rho"}.isdisjoint(first.columns)  # the partnership's terms are not drawn
    # each draw equals the model evaluated at that draw's inputs
    row = first.iloc[17]
    point = npv({**synthetic, **{k: row[k] for k in ("k", "m", "omega", "t_abroad", "lam")}})
    assert float(point["total_domestic"]) == pytest.approx(row["total_domestic"])


def test_tornado_brackets_the_central_value(run, synthetic_inputs):
    frame = tornado(("destination_domestic",), inputs=synthetic_inputs, scale=1.0)
    central = run()["destination_domestic"]
    assert frame["central"].eq(central).all()
    assert frame["swing"].is_monotonic_decreasing
    k_row = frame.set_index("input").loc["k"]
    assert k_row["at high"] - k_row["at low"] == pytest.approx(100 * (7.0 - 3.0) * 4 / 10)  # 4 of 10 career years
