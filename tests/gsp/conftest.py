"""Synthetic inputs shared by the tests of the GSP package (not published values)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from analysis.gsp.inputs import Input
from analysis.gsp.model import npv

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
    "t_train": 0.0,
    "lam_d": 1.0,
    "r": 0.0,
    "unemp": 0.0,
}


@pytest.fixture
def synthetic() -> dict[str, float]:
    """A fresh copy of :data:`SYNTHETIC`."""
    return dict(SYNTHETIC)


@pytest.fixture
def run() -> Callable[..., dict[str, float]]:
    """``run(**overrides)``: the NPVs at the synthetic inputs, as plain floats."""

    def run(**overrides: float) -> dict[str, float]:
        return {key: float(v) for key, v in npv({**SYNTHETIC, **overrides}).items()}

    return run


@pytest.fixture
def synthetic_inputs() -> dict[str, Input]:
    """Synthetic ranges around SYNTHETIC (not published values)."""
    ranges = {"k": (3.0, 7.0), "m": (0.5, 1.0), "omega": (2.0, 10.0), "t_abroad": (4.0, 30.0), "lam": (0.5, 1.0)}
    out = {}
    for name, centre in SYNTHETIC.items():
        low, high = ranges.get(name, (centre, centre))
        out[name] = Input(name, name, low, centre, high, "", "synthetic", (), "", integer=name.startswith("t_"))
    for name in ("c_o", "rho", "f_away", "f_home", "t_bond", "s_home"):  # the partnership's terms
        out[name] = Input(name, name, *(SYNTHETIC[name],) * 3, "", "synthetic", (), "", role="design")
    return out
