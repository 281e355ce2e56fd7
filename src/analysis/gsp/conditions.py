"""What the GSP model's results depend on: break-evens, who loses where, scenarios and the worked example."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from analysis.gsp.inputs import Input, central, induced_scenarios, model_inputs, palim_take_up, quantities
from analysis.gsp.model import (
    ACTOR_LABELS,
    ACTORS,
    COUNTERFACTUALS,
    bounded,
    break_even,
    covering_rate,
    npv,
    outlay,
    repayment,
    training_factor,
)
from analysis.gsp.parameter_table import parameters, value
from analysis.gsp.simulation import LEVEL, main_simulation

#: The break-evens the chapter reports: key -> (input, actor, counterfactual, "gains if" side, input name).
BREAK_EVENS = {
    "take_up_domestic": ("take-up", "destination", "domestic", "above", "m"),
    "take_up_recruit": ("take-up", "destination", "recruit", "above", "m"),
    "home_share_domestic": ("home-track share", "destination", "domestic", "below", "s_home"),
    "home_share_recruit": ("home-track share", "destination", "recruit", "below", "s_home"),
    "cost_ratio_domestic": ("training-cost ratio", "destination", "domestic", "above", "k"),
    "recruit_cost_recruit": ("recruitment cost per nurse (EUR)", "destination", "recruit", "above", "r"),
    "wage_ratio_domestic": ("wage ratio", "migrant", "domestic", "above", "omega"),
    "leakage_domestic": ("home-track leakage", "origin", "domestic", "below", "leak"),
}
#: What a break-even at the edge of its range means, for readers.
EDGE_MEANING = {
    "take_up": {1.0: "not even at full take-up"},
    "home_share": {0.0: "not even without a home track", 1.0: "at any share"},
    "cost_ratio": {0.0: "even if training at home cost nothing"},
    "recruit_cost": {0.0: "even if recruiting cost nothing"},
    "leakage": {1.0: "even if every home-track graduate leaves"},
}


def _drawn(inputs: Mapping[str, Input], sim: pd.DataFrame) -> dict[str, np.ndarray | float]:
    """The central inputs with the drawn ones replaced by the draws of ``sim``."""
    return {**central(inputs), **{c: sim[c].to_numpy() for c in sim.columns if c in inputs}}


def break_even_table(sim: pd.DataFrame | None = None, level: float = LEVEL) -> pd.DataFrame:
    """Break-even values, clipped to the possible range of their input, at the central case and over the
    draws; ``% of draws at the edge`` counts draws where no value in the range makes the actor break even."""
    inputs = model_inputs()
    sim = main_simulation() if sim is None else sim
    point = break_even(central(inputs))
    draws = break_even(_drawn(inputs, sim))
    lo, hi = (1 - level) / 2, 1 - (1 - level) / 2
    rows = []
    for key, (label, actor, cf, side, name) in BREAK_EVENS.items():
        kind = key.rsplit("_", 1)[0]
        values = bounded(key, draws[key])
        at_edge = ~np.isclose(values, np.asarray(draws[key], dtype=float))
        inp = inputs[name]
        rows.append(
            {
                "key": key,
                "input": label,
                "actor": actor,
                "counterfactual": COUNTERFACTUALS[cf],
                "gains if": side,
                "break-even (central case)": float(bounded(key, point[key])),
                "median": float(np.median(values)),
                "low": float(np.quantile(values, lo)),
                "high": float(np.quantile(values, hi)),
                "% of draws at the edge": 100 * float(at_edge.mean()),
                "edge means": "; ".join(f"{v:g} = {text}" for v, text in EDGE_MEANING.get(kind, {}).items()),
                "model range": f"{inp.low:.3g} to {inp.high:.3g}" if inp.low != inp.high else f"{inp.central:.3g}",
            }
        )
    return pd.DataFrame(rows).set_index("key")


def all_gain_grid(
    take_up: np.ndarray | None = None,
    home_share: np.ndarray | None = None,
    inputs: Mapping[str, Input] | None = None,
) -> pd.DataFrame:
    """Who loses among destination, origin, migrant and graduates who stay, over a grid of take-up and
    home-track share (other inputs at central). The displaced domestic trainee, who loses under (a) at every
    point, is left out of the map and said in the caption."""
    take_up = np.linspace(0.01, 1.0, 100) if take_up is None else np.asarray(take_up)
    home_share = np.linspace(0.05, 0.9, 86) if home_share is None else np.asarray(home_share)
    mm, ss = np.meshgrid(take_up, home_share, indexing="xy")
    result = npv(central(inputs, m=mm.ravel(), s_home=ss.ravel()))
    mapped = tuple(a for a in ACTORS if a != "displaced")
    names = np.array([ACTOR_LABELS[a] for a in mapped])
    frames = []
    for cf, label in COUNTERFACTUALS.items():
        losing = np.stack([result[f"{a}_{cf}"] <= 0 for a in mapped], axis=1)
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


def brief_values(inputs: Mapping[str, Input] | None = None) -> dict[str, float]:
    """The evidence inputs at the values the CGD brief uses or implies (the favourable ends of the ranges)."""
    inputs = model_inputs() if inputs is None else inputs
    return {
        "k": inputs["k"].high,
        "omega": inputs["omega"].high,
        "t_abroad": inputs["t_abroad"].low,
        "m": 1.0,
    }


def scenario_table(inputs: Mapping[str, Input] | None = None) -> pd.DataFrame:
    """The central case against alternatives from published rows, one change at a time (thousand EUR per
    away-track migrant)."""
    inputs = model_inputs() if inputs is None else inputs
    induced = induced_scenarios()
    unemployed = kenya_unemployment()
    scenarios = {
        "central": ("central case (CGD design case, evidence inputs mid-range)", {}),
        "brief": ("the CGD brief's own numbers (favourable ends of the ranges)", brief_values(inputs)),
        **{
            f"induced_{label}": (f"induced training: {value:g} {label} per migrant", {"induced": value})
            for label, value in induced.items()
        },
        "unemployment": (
            f"{100 * unemployed:.0f}% of graduates at home without a nursing post (Kenya)",
            {"unemp": unemployed},
        ),
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


def palim_per_trainee(inputs: Mapping[str, Input] | None = None) -> dict[str, float]:
    """The destination's NPV against home training **per away-track trainee** at PALIM's interim take-up
    (low and high), in EUR: per trainee, not per migrant, so that a tiny take-up does not inflate it."""
    inputs = model_inputs() if inputs is None else inputs
    low, high = palim_take_up()
    out = {}
    for name, m in (("low", low), ("high", high)):
        out[name] = m * float(npv(central(inputs, m=m))["destination_domestic"])
    return out


def worked_example(inputs: Mapping[str, Input] | None = None) -> dict[str, float]:
    """The CGD example's arithmetic: the destination's outlay and the migrant's repayment, nominal and in
    present value with the training lag, and the discount rate below which the repayment covers the outlay."""
    inputs = model_inputs() if inputs is None else inputs
    p = central(inputs, m=1.0)
    nominal_outlay = p["c_o"] * (p["f_away"] + p["f_home"] * p["s_home"] / (1 - p["s_home"]))
    return {
        "c_o": p["c_o"],
        "outlay": nominal_outlay,
        "outlay_pv": float(outlay(p)),
        "repayment_nominal": p["rho"] * p["w_d"] * p["t_bond"],
        "repayment_pv": float(repayment(p)),
        "covering_rate_pct": 100 * covering_rate(p),
        "w_d": p["w_d"],
        "w_o": p["w_d"] / p["omega"],
        "c_d": p["k"] * p["c_o"],
        "k": p["k"],
        "delta_pct": 100 * p["delta"],
        "t_train": p["t_train"],
    }


def kenya_unemployment(table: pd.DataFrame | None = None) -> float:
    """Share of Kenya's registered nurses reported unemployed or underemployed (Nursing Council, via press)."""
    return quantities(parameters() if table is None else table)["kenya_idle_pct"] / 100


def recruitment_fees(table: pd.DataFrame | None = None) -> tuple[float, float]:
    """Cost to a German employer of recruiting one nurse through Triple Win, low and high (EUR)."""
    known = quantities(parameters() if table is None else table)
    return known["fee_low"], known["fee_high"]


def lost_investment_benchmarks(inputs: Mapping[str, Input] | None = None) -> pd.DataFrame:
    """The origin's training investment lost per recruited nurse in the model, beside published costs of
    training a health worker in origin countries, converted at the 2015 euro reference rate (thousand EUR)."""
    inputs = model_inputs() if inputs is None else inputs
    t = parameters()
    usd_per_eur = value(t, "eur_usd_exchange_rate_2015")
    p = central(inputs)
    model = float(p["c_o"] * np.asarray(training_factor(p))) / 1000
    kenya = value(t, "training_cost_nurse_origin_kenya_tertiary") / usd_per_eur / 1000
    doctors = [value(t, "training_cost_doctor_origin_ssa_mills", side) / usd_per_eur / 1000 for side in ("low", "high")]
    return pd.DataFrame(
        [
            {
                "Benchmark": "This model: origin's investment lost per recruited nurse (CGD design case)",
                "Low": model,
                "High": model,
                "Price year": "not stated (CGD brief)",
            },
            {
                "Benchmark": "Kenya: nursing-college cost of one nurse (Kirigia et al. 2006)",
                "Low": kenya,
                "High": kenya,
                "Price year": "2005",
            },
            {
                "Benchmark": "Sub-Saharan Africa: cost of educating one doctor (Mills et al. 2011)",
                "Low": doctors[0],
                "High": doctors[1],
                "Price year": "2011 (approx.)",
            },
        ]
    )
