"""Design cases: the partnership's terms (design choices, not evidence) varied one at a time.

The CGD brief's worked example fixes a training cost, finance shares, a repayment, a bond and a pair of
trainees. They are choices of whoever designs a partnership, not measurements, so the Monte Carlo does
not draw them: each design case fixes them, and the evidence inputs are drawn around it. The
**CGD design case** uses the brief's terms; the others change one term, to a published pilot's value where
one exists and otherwise to a value we chose to show the effect (labelled so). The origin's training cost is
not varied: the destination's cost is expressed as a multiple of it, so changing it alone would change both.
One case is not a term but the shortest stay the brief implies: migrants who leave when the bond ends.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from analysis.gsp.inputs import Input, model_inputs
from analysis.gsp.parameter_table import number_in_text, parameters, value

PILOT = "published pilot design"
OURS = "our choice, to show the effect"
CGD = "CGD worked example"


@dataclass(frozen=True)
class Design:
    """One design case: its key, a label for readers, the terms it changes and where they come from."""

    key: str
    label: str
    overrides: Mapping[str, float]
    basis: str


def palim_home_share(table: pd.DataFrame | None = None) -> float:
    """Home-track share of PALIM's trainees (Enabel, 2019): home / (away + home)."""
    t = parameters() if table is None else table
    away = value(t, "palim_tracks_enabel_2019", "central")
    home = number_in_text(t, "palim_tracks_enabel_2019", "unit", r"home track (\d+)")
    return home / (away + home)


def design_cases(inputs: Mapping[str, Input] | None = None, table: pd.DataFrame | None = None) -> list[Design]:
    """The CGD design case first, then one term changed at a time."""
    inputs = model_inputs() if inputs is None else inputs
    c = {name: inp.central for name, inp in inputs.items()}
    s_palim = palim_home_share(table)
    return [
        Design("cgd", "CGD design case", {}, CGD),
        Design("palim_tracks", f"PALIM's track shares ({100 * s_palim:.0f}% home track)", {"s_home": s_palim}, PILOT),
        Design("away_only", "destination pays the away track only", {"f_home": 0.0}, OURS),
        Design("repay_low", f"repayment {50 * c['rho']:.0f}% of pay", {"rho": c["rho"] / 2}, OURS),
        Design("repay_high", f"repayment {200 * c['rho']:.0f}% of pay", {"rho": 2 * c["rho"]}, OURS),
        Design("bond_long", f"bond of {2 * c['t_bond']:.0f} years", {"t_bond": 2 * c["t_bond"]}, OURS),
        Design("stay_bond", f"migrants stay only the {c['t_bond']:.0f}-year bond", {"t_abroad": c["t_bond"]}, CGD),
    ]


def design_table(designs: list[Design] | None = None) -> pd.DataFrame:
    """The design cases for readers: what each changes and on what basis."""
    designs = design_cases() if designs is None else designs
    labels = {name: inp.meaning for name, inp in model_inputs().items()}
    rows = [
        {
            "Design case": d.label,
            "Changes": "; ".join(f"{labels[k]}: {v:g}" for k, v in d.overrides.items())
            or "nothing (the brief's terms)",
            "Basis": d.basis,
        }
        for d in designs
    ]
    return pd.DataFrame(rows)
