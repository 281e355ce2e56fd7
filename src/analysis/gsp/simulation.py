"""Monte Carlo of the GSP model and what the chapter reports from it: summaries, tornado, grids, scenarios."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

import numpy as np
import pandas as pd

from analysis.gsp.inputs import SHORT_LABELS, Input, central, induced_scenarios, model_inputs, palim_take_up
from analysis.gsp.model import ACTOR_LABELS, ACTORS, COUNTERFACTUALS, break_even, npv, repayment

N_DRAWS = 100_000
SEED = 20_260_604


def draw(inputs: Mapping[str, Input], n: int, seed: int = SEED) -> dict[str, np.ndarray | float]:
    """Draws of every input: uniform over [low, high] (whole years for durations); fixed inputs as scalars."""
    rng = np.random.default_rng(seed)
    out: dict[str, np.ndarray | float] = {}
    for name, inp in inputs.items():
        if inp.low == inp.high:
            out[name] = inp.central
        elif inp.integer:
            out[name] = rng.integers(int(inp.low), int(inp.high), size=n, endpoint=True).astype(float)
        else:
            out[name] = rng.uniform(inp.low, inp.high, size=n)
    return out


def simulate(n: int = N_DRAWS, seed: int = SEED, inputs: Mapping[str, Input] | None = None) -> pd.DataFrame:
    """Monte Carlo: one row per draw, the varying inputs and every NPV (EUR per away-track migrant)."""
    inputs = model_inputs() if inputs is None else inputs
    draws = draw(inputs, n, seed)
    results = npv(draws)
    varying = {name: v for name, v in draws.items() if np.ndim(v)}
    return pd.DataFrame({**varying, **results})


@cache
def main_simulation() -> pd.DataFrame:
    """The chapter's Monte Carlo (cached; treat as read-only)."""
    return simulate()


def summarise(sim: pd.DataFrame, level: float = 0.95, scale: float = 1000.0) -> pd.DataFrame:
    """Per actor and counterfactual: central case, median and interval of the draws (in ``scale`` EUR),
    and the percentage of draws in which the actor gains."""
    point = npv(central())
    lo, hi = (1 - level) / 2, 1 - (1 - level) / 2
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


def gain_shares(sim: pd.DataFrame, counterfactual: str = "domestic") -> pd.DataFrame:
    """Each actor's share of the total gain, per draw (draws with a positive total only)."""
    total = sim[f"total_{counterfactual}"]
    keep = total > 0
    return pd.DataFrame({a: sim.loc[keep, f"{a}_{counterfactual}"] / total[keep] for a in ACTORS})


def summarise_shares(sim: pd.DataFrame, counterfactual: str = "domestic", level: float = 0.95) -> pd.DataFrame:
    """Median and interval of each actor's share of the total gain, in percent."""
    shares = gain_shares(sim, counterfactual)
    lo, hi = (1 - level) / 2, 1 - (1 - level) / 2
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
    """One-way sensitivity: each varying input set to its low and its high, the others at central.

    One row per (output, input), sorted by swing within each output; amounts in ``scale`` EUR.
    """
    inputs = model_inputs() if inputs is None else inputs
    base = central(inputs)
    point = npv(base)
    rows = []
    for output in outputs:
        for name, inp in inputs.items():
            if inp.low == inp.high:
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


def break_even_table(sim: pd.DataFrame | None = None, level: float = 0.95) -> pd.DataFrame:
    """Break-even values at the central case and their spread over the Monte Carlo draws."""
    inputs = model_inputs()
    sim = main_simulation() if sim is None else sim
    point = break_even(central(inputs))
    draws = break_even({**central(inputs), **{c: sim[c].to_numpy() for c in sim.columns if c in inputs}})
    palim = palim_take_up()
    lo, hi = (1 - level) / 2, 1 - (1 - level) / 2
    spec = [
        ("take_up_domestic", "take-up m", "destination", COUNTERFACTUALS["domestic"], "above", "m"),
        ("take_up_recruit", "take-up m", "destination", COUNTERFACTUALS["recruit"], "above", "m"),
        ("home_share_domestic", "home-track share", "destination", COUNTERFACTUALS["domestic"], "below", "s_home"),
        ("home_share_recruit", "home-track share", "destination", COUNTERFACTUALS["recruit"], "below", "s_home"),
        ("cost_ratio_domestic", "training-cost ratio k", "destination", COUNTERFACTUALS["domestic"], "above", "k"),
        ("wage_ratio_domestic", "wage ratio omega", "migrant", COUNTERFACTUALS["domestic"], "above", "omega"),
        ("leakage_domestic", "home-track leakage", "origin", COUNTERFACTUALS["domestic"], "below", "leak"),
    ]
    rows = []
    for key, label, actor, cf, side, name in spec:
        inp = inputs[name]
        published = f"{inp.low:.3g} to {inp.high:.3g}" if inp.low != inp.high else f"{inp.central:.3g}"
        if name == "m":
            published += f" (realised in PALIM: {palim[0]:.3f} to {palim[1]:.3f})"
        rows.append(
            {
                "key": key,
                "input": label,
                "actor": actor,
                "counterfactual": cf,
                "gains if": side,
                "break-even (central case)": float(point[key]),
                "median": float(np.median(draws[key])),
                "low": float(np.quantile(draws[key], lo)),
                "high": float(np.quantile(draws[key], hi)),
                "model range": published,
            }
        )
    return pd.DataFrame(rows).set_index("key")


def all_gain_grid(
    take_up: np.ndarray | None = None,
    home_share: np.ndarray | None = None,
    inputs: Mapping[str, Input] | None = None,
) -> pd.DataFrame:
    """Which actors lose, over a grid of take-up and home-track share (other inputs at central)."""
    take_up = np.linspace(0.01, 1.0, 100) if take_up is None else np.asarray(take_up)
    home_share = np.linspace(0.05, 0.9, 86) if home_share is None else np.asarray(home_share)
    mm, ss = np.meshgrid(take_up, home_share, indexing="xy")
    result = npv(central(inputs, m=mm.ravel(), s_home=ss.ravel()))
    frames = []
    for cf, label in COUNTERFACTUALS.items():
        losing = np.stack([result[f"{a}_{cf}"] <= 0 for a in ACTORS], axis=1)
        names = np.array([ACTOR_LABELS[a] for a in ACTORS])
        losers = [" + ".join(names[row]) if row.any() else "none: all gain" for row in losing]
        frames.append(
            pd.DataFrame(
                {
                    "counterfactual": label,
                    "take_up": mm.ravel(),
                    "home_share": ss.ravel(),
                    "losers": losers,
                    "all_gain": ~losing.any(axis=1),
                }
            )
        )
    return pd.concat(frames, ignore_index=True)


def scenario_table() -> pd.DataFrame:
    """Central case against alternatives drawn from published rows: realised take-up, induced training."""
    inputs = model_inputs()
    palim_low, palim_high = palim_take_up()
    induced = induced_scenarios()
    scenarios = {
        "central": ("central case (CGD design)", {}),
        "palim_high": (f"PALIM take-up, high ({palim_high:.3f})", {"m": palim_high}),
        "palim_low": (f"PALIM take-up, low ({palim_low:.3f})", {"m": palim_low}),
        **{
            f"induced_{label}": (f"induced training: {value:g} {label}", {"induced": value})
            for label, value in induced.items()
        },
        "stay_career": (
            f"migrants stay {inputs['t_career'].central:.0f} years",
            {"t_abroad": inputs["t_career"].central},
        ),
    }
    rows = []
    for key, (label, overrides) in scenarios.items():
        result = npv(central(inputs, **overrides))
        row = {"key": key, "scenario": label}
        for cf in COUNTERFACTUALS:
            for actor in (*ACTORS, "total"):
                row[f"{actor} {cf}"] = float(result[f"{actor}_{cf}"]) / 1000
        rows.append(row)
    return pd.DataFrame(rows).set_index("key")


def worked_example() -> dict[str, float]:
    """The CGD example's arithmetic: employer outlay, repayment (nominal and present value)."""
    inputs = model_inputs()
    p = central(inputs)
    outlay = p["c_o"] * (p["f_away"] + p["f_home"] * p["s_home"] / (1 - p["s_home"]))
    return {
        "c_o": p["c_o"],
        "outlay": outlay,
        "repayment_nominal": p["rho"] * p["w_d"] * p["t_bond"],
        "repayment_pv": float(repayment(p)),
        "w_d": p["w_d"],
        "w_o": p["w_d"] / p["omega"],
        "c_d": p["k"] * p["c_o"],
        "k": p["k"],
        "delta_pct": 100 * p["delta"],
    }
