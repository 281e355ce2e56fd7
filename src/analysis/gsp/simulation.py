"""Monte Carlo of the GSP model over the evidence inputs, for each design case, and what the chapter reports."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

import numpy as np
import pandas as pd

from analysis.gsp.designs import Design, design_cases
from analysis.gsp.input_specs import EVIDENCE
from analysis.gsp.inputs import SHORT_LABELS, Input, central, model_inputs
from analysis.gsp.model import ACTOR_LABELS, ACTORS, COUNTERFACTUALS, PARTIES, npv

N_DRAWS = 100_000
SEED = 20_260_604
LEVEL = 0.95


def draw(inputs: Mapping[str, Input], n: int, seed: int = SEED) -> dict[str, np.ndarray | float]:
    """Draws of every evidence input with a range: uniform over [low, high] (whole years for durations);
    every other input at its central value, as a scalar."""
    rng = np.random.default_rng(seed)
    out: dict[str, np.ndarray | float] = {}
    for name, inp in inputs.items():
        if inp.role != EVIDENCE or inp.low == inp.high:
            out[name] = inp.central
        elif inp.integer:
            out[name] = rng.integers(int(inp.low), int(inp.high), size=n, endpoint=True).astype(float)
        else:
            out[name] = rng.uniform(inp.low, inp.high, size=n)
    return out


def simulate(
    n: int = N_DRAWS,
    seed: int = SEED,
    inputs: Mapping[str, Input] | None = None,
    design: Mapping[str, float] | None = None,
) -> pd.DataFrame:
    """Monte Carlo: one row per draw, the drawn inputs and every NPV (EUR per away-track migrant).

    ``design`` fixes terms of the partnership (see :mod:`analysis.gsp.designs`); the same seed gives the
    same evidence draws for every design (common random numbers)."""
    inputs = model_inputs() if inputs is None else inputs
    draws = {**draw(inputs, n, seed), **(design or {})}
    results = npv(draws)
    varying = {name: v for name, v in draws.items() if np.ndim(v)}
    return pd.DataFrame({**varying, **results})


@cache
def design_simulation(key: str) -> pd.DataFrame:
    """The chapter's Monte Carlo for one design case (cached; treat as read-only)."""
    design = {d.key: d for d in design_cases()}[key]
    return simulate(design=dict(design.overrides))


def main_simulation() -> pd.DataFrame:
    """The Monte Carlo of the CGD design case."""
    return design_simulation("cgd")


def _bounds(level: float = LEVEL) -> tuple[float, float]:
    """Lower and upper quantile of a central interval."""
    return (1 - level) / 2, 1 - (1 - level) / 2


def summarise(sim: pd.DataFrame, design: Mapping[str, float] | None = None, scale: float = 1000.0) -> pd.DataFrame:
    """Per actor and counterfactual: central case, median and 95% interval of the draws (in ``scale`` EUR),
    and the percentage of draws in which the actor gains."""
    point = npv(central(**dict(design or {})))
    lo, hi = _bounds()
    rows = []
    for cf, cf_label in COUNTERFACTUALS.items():
        for actor in (*ACTORS, "total"):
            col = sim[f"{actor}_{cf}"]
            rows.append(
                {
                    "key": f"{actor}_{cf}",
                    "counterfactual": cf_label,
                    "actor": ACTOR_LABELS[actor],
                    "central case": float(point[f"{actor}_{cf}"]) / scale,
                    "median": col.median() / scale,
                    "low": col.quantile(lo) / scale,
                    "high": col.quantile(hi) / scale,
                    "% of draws with a gain": 100 * float((col > 0).mean()),
                }
            )
    return pd.DataFrame(rows).set_index("key")


def parties_gain(sim: pd.DataFrame, counterfactual: str, actors: tuple[str, ...] = PARTIES) -> np.ndarray:
    """Per draw: do all of ``actors`` gain under ``counterfactual``?"""
    return np.logical_and.reduce([sim[f"{a}_{counterfactual}"].to_numpy() > 0 for a in actors])


def design_summary(designs: list[Design] | None = None, scale: float = 1000.0) -> pd.DataFrame:
    """For every design case and counterfactual: median and 95% interval of each party's NPV, and the share
    of draws in which destination, origin and migrant all gain."""
    designs = design_cases() if designs is None else designs
    lo, hi = _bounds()
    rows = []
    for d in designs:
        sim = design_simulation(d.key)
        for cf, cf_label in COUNTERFACTUALS.items():
            row = {"design": d.key, "design case": d.label, "counterfactual": cf_label, "cf": cf}
            for actor in (*ACTORS, "total"):
                col = sim[f"{actor}_{cf}"]
                row.update({f"{actor} median": col.median() / scale, f"{actor} low": col.quantile(lo) / scale})
                row[f"{actor} high"] = col.quantile(hi) / scale
            row["% of draws: parties all gain"] = 100 * float(parties_gain(sim, cf).mean())
            rows.append(row)
    return pd.DataFrame(rows)


def gain_shares(sim: pd.DataFrame, counterfactual: str = "domestic") -> pd.DataFrame:
    """Each actor's NPV as a share of the sum of all gains, per draw (a loser's share is negative)."""
    values = sim[[f"{a}_{counterfactual}" for a in ACTORS]].to_numpy()
    gains = np.where(values > 0, values, 0.0).sum(axis=1)
    keep = gains > 0
    return pd.DataFrame(values[keep] / gains[keep, None], columns=list(ACTORS))


def summarise_shares(sim: pd.DataFrame, counterfactual: str = "domestic", level: float = LEVEL) -> pd.DataFrame:
    """Median and interval of each actor's share of the sum of all gains, in percent."""
    shares = gain_shares(sim, counterfactual)
    lo, hi = _bounds(level)
    return pd.DataFrame(
        {
            "key": list(ACTORS),
            "actor": [ACTOR_LABELS[a] for a in ACTORS],
            "median %": [100 * shares[a].median() for a in ACTORS],
            "low %": [100 * shares[a].quantile(lo) for a in ACTORS],
            "high %": [100 * shares[a].quantile(hi) for a in ACTORS],
        }
    ).set_index("key")


def tornado(outputs: tuple[str, ...], inputs: Mapping[str, Input] | None = None, scale: float = 1000.0) -> pd.DataFrame:
    """One-way sensitivity: each drawn input set to its low and its high, the others at central.

    One row per (output, input), sorted by swing within each output; amounts in ``scale`` EUR.
    """
    inputs = model_inputs() if inputs is None else inputs
    base = central(inputs)
    point = npv(base)
    rows = []
    for output in outputs:
        for name, inp in inputs.items():
            if inp.role != EVIDENCE or inp.low == inp.high:
                continue
            at_low = float(npv({**base, name: inp.low})[output]) / scale
            at_high = float(npv({**base, name: inp.high})[output]) / scale
            rows.append(
                {
                    "output": output,
                    "input": name,
                    "label": SHORT_LABELS[name],
                    "meaning": inp.meaning,
                    "low value": inp.low,
                    "high value": inp.high,
                    "central": float(point[output]) / scale,
                    "at low": at_low,
                    "at high": at_high,
                    "swing": abs(at_high - at_low),
                }
            )
    frame = pd.DataFrame(rows)
    frame["order"] = frame.groupby("output")["swing"].rank(ascending=False, method="first")
    return frame.sort_values(["output", "order"], kind="stable").drop(columns="order").reset_index(drop=True)
