"""Tables of the GSP chapter for readers: human headers, units, intervals written out, no codes."""

from __future__ import annotations

import pandas as pd

from analysis.gsp.model import ACTOR_LABELS, ACTORS

#: Short names of the counterfactuals, for table cells (the chapter defines them).
SHORT_COUNTERFACTUALS = {
    "(a) destination trains a nurse at home": "(a) train at home",
    "(b) destination recruits an origin-trained nurse": "(b) recruit",
}
ROLE_NAMES = {"evidence": "evidence", "design": "design choice", "scenario": "scenario (0 in main runs)"}


def _interval(median: float, low: float, high: float) -> str:
    """'29.1 (2.0 to 57.3)', or '0.0 (every draw)' when the draws do not vary."""
    if low == high:
        return f"{median:,.1f} (every draw)"
    return f"{median:,.1f} ({low:,.1f} to {high:,.1f})"


def amount_text(value: float) -> str:
    """An input value for a table: thousands separators for amounts, three significant digits otherwise."""
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:.3g}"


def inputs_for_readers(table: pd.DataFrame) -> pd.DataFrame:
    """The model inputs (:func:`analysis.gsp.inputs_table`): what each is, its kind, range and basis."""
    return pd.DataFrame(
        {
            "Input": table["meaning"],
            "Kind": table["role"].map(ROLE_NAMES),
            "Low": table["low"].map(amount_text),
            "Central": table["central"].map(amount_text),
            "High": table["high"].map(amount_text),
            "Unit": table["unit"],
            "Basis and derivation": table["basis"] + ": " + table["derivation"],
        }
    )


def summary_for_readers(summary: pd.DataFrame) -> pd.DataFrame:
    """Per party and counterfactual: central case, median (95% interval), share of draws with a gain."""
    return pd.DataFrame(
        {
            "Against": summary["counterfactual"].map(SHORT_COUNTERFACTUALS),
            "Party": summary["actor"],
            "Central case (thousand EUR)": summary["central case"].map(lambda v: f"{v:,.1f}"),
            "Median (95% of draws), thousand EUR": [
                _interval(m, lo, hi)
                for m, lo, hi in zip(summary["median"], summary["low"], summary["high"], strict=True)
            ],
            "Draws with a gain (%)": summary["% of draws with a gain"].map(lambda v: f"{v:.0f}"),
        }
    )


def designs_for_readers(design_summary: pd.DataFrame) -> pd.DataFrame:
    """Per design case and counterfactual: each party's median (95% interval), thousand EUR per migrant."""
    out = {
        "Design case": design_summary["design case"],
        "Against": design_summary["counterfactual"].map(SHORT_COUNTERFACTUALS),
    }
    for actor in ("destination", "origin", "migrant"):
        out[f"{ACTOR_LABELS[actor].capitalize()}, thousand EUR"] = [
            _interval(*row)
            for row in design_summary[[f"{actor} median", f"{actor} low", f"{actor} high"]].itertuples(index=False)
        ]
    out["Destination, origin and migrant all gain (% of draws)"] = design_summary["% of draws: parties all gain"].map(
        lambda v: f"{v:.0f}"
    )
    return pd.DataFrame(out)


def scenarios_for_readers(scenarios: pd.DataFrame) -> pd.DataFrame:
    """The scenarios (:func:`analysis.gsp.scenario_table`), against training at home, thousand EUR per migrant."""
    out = {"Scenario (against training a nurse at home)": scenarios["scenario"]}
    for actor in ACTORS:
        out[f"{ACTOR_LABELS[actor].capitalize()}"] = scenarios[f"{actor} domestic"].map(lambda v: f"{v:,.1f}")
    return pd.DataFrame(out)
