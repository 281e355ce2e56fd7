"""From rows of the parameter table to model inputs (evaluating the table of :mod:`analysis.gsp.input_specs`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from analysis.gsp.input_specs import ARITHMETIC, EVIDENCE, INPUT_SPECS, READINGS, Amount, Quantities
from analysis.gsp.parameter_table import number_in_text, parameters, value


@dataclass(frozen=True)
class Input:
    """One model input: its range for the Monte Carlo, central value, and where it comes from."""

    name: str
    meaning: str
    low: float
    central: float
    high: float
    unit: str
    basis: str
    rows: tuple[str, ...]
    derivation: str
    integer: bool = False
    role: str = EVIDENCE


#: Order of the model inputs (also the order of the table in the chapter).
INPUT_NAMES = tuple(spec.name for spec in INPUT_SPECS)
#: Short names of the inputs, for figure labels.
SHORT_LABELS = {spec.name: spec.label for spec in INPUT_SPECS}


def quantities(table: pd.DataFrame) -> dict[str, float]:
    """Every reading of :data:`READINGS` from ``table``, then every quantity of :data:`ARITHMETIC`."""
    found: dict[str, float] = {}
    for name, reading in READINGS.items():
        if len(reading) == 3:
            found[name] = number_in_text(table, *reading)
        else:
            found[name] = value(table, *reading)
    for name, formula in ARITHMETIC.items():
        found[name] = formula(found)
    return found


def _amount(amount: Amount, known: Quantities) -> float:
    """A bound of an input: a named quantity, or an assumed number."""
    return known[amount] if isinstance(amount, str) else float(amount)


def model_inputs(table: pd.DataFrame | None = None) -> dict[str, Input]:
    """Every model input with its range and its provenance (rows of ``gsp_parameters.csv``)."""
    known = quantities(parameters() if table is None else table)
    return {
        spec.name: Input(
            name=spec.name,
            meaning=spec.meaning,
            low=_amount(spec.low, known),
            central=_amount(spec.central, known),
            high=_amount(spec.high, known),
            unit=spec.unit,
            basis=spec.basis,
            rows=spec.rows,
            derivation=spec.derivation.format(**known),
            integer=spec.integer,
            role=spec.role,
        )
        for spec in INPUT_SPECS
    }


def central(inputs: Mapping[str, Input] | None = None, **overrides: float) -> dict[str, float]:
    """Central value of every input, with optional overrides."""
    inputs = model_inputs() if inputs is None else inputs
    values = {name: inp.central for name, inp in inputs.items()}
    unknown = set(overrides) - set(values)
    if unknown:
        raise KeyError(f"unknown model input(s) {sorted(unknown)}; known: {list(values)}")
    values.update(overrides)
    return values


def inputs_table(inputs: Mapping[str, Input] | None = None) -> pd.DataFrame:
    """The model inputs as a table: meaning, range, unit, basis, CSV rows and derivation."""
    inputs = model_inputs() if inputs is None else inputs
    return pd.DataFrame(
        [
            {
                "input": inp.name,
                "meaning": inp.meaning,
                "low": inp.low,
                "central": inp.central,
                "high": inp.high,
                "unit": inp.unit,
                "basis": inp.basis,
                "role": inp.role,
                "rows of gsp_parameters.csv": ", ".join(inp.rows) if inp.rows else "none",
                "derivation": inp.derivation,
            }
            for inp in inputs.values()
        ]
    )


def palim_take_up(table: pd.DataFrame | None = None) -> tuple[float, float]:
    """Interim take-up in PALIM (ICT, not nursing): 1 to 2 trainees moving, of those on the away track."""
    t = parameters() if table is None else table
    movers_low = value(t, "away_track_realised_palim_2020", "low")
    movers_high = value(t, "away_track_realised_palim_2020", "high")
    away = value(t, "palim_tracks_enabel_2019", "central")
    return movers_low / away, movers_high / away


def induced_scenarios(table: pd.DataFrame | None = None) -> dict[str, float]:
    """Extra nurses trained in the origin per nurse migrant, Philippines (Abarcar and Theoharides)."""
    t = parameters() if table is None else table
    return {
        "graduates": value(t, "induced_nursing_graduates_per_migrant_wp2018"),
        "licensed": value(t, "induced_licensed_nurses_per_migrant_published"),
    }


#: Why each row of the parameter file that the model does not use is left out.
UNUSED_ROWS = {
    "training_cost_nurse_origin_kenya_full_education": "includes primary and secondary schooling",
    "training_cost_doctor_origin_kenya_full_education": "doctors",
    "lost_investment_nurse_kenya": "a compounded future value at retirement, not a present value",
    "lost_investment_professional_africa_unctad": "all professions; secondary citation",
    "lost_investment_doctor_ssa_total": "doctors, aggregate",
    "lost_investment_doctor_by_country_mills": "doctors, aggregate",
    "destination_savings_doctors_uk_us_mills": "doctors, aggregate",
    "induced_licensed_nurses_per_migrant_wp2020": "superseded by the published estimate (9)",
    "migrate_share_aptc_cumulative_au_nz": "APTC has no away track: migration of all graduates, not take-up",
    "migrate_share_aptc_new_graduates": "APTC has no away track: migration of all graduates, not take-up",
    "migrate_share_aptc_swanton_ong": "APTC has no away track: migration of all graduates, not take-up",
    "aptc_stage2_budget": "AUD; no published cost per graduate",
    "aptc_graduates_stage2_and_total": "counts; no published cost per graduate",
    "aptc_total_spend_and_graduates_2008_2020": "AUD; no published cost per graduate",
    "wage_ratio_place_premium_philippines": "secondary summary; the median-country ratio is used",
    "wage_gap_place_premium_usd_lowskill": "low-skill men, USD",
    "nurse_pay_origin_ghana_ppp": "Ghana, international $, period of pay not labelled",
    "nurse_pay_origin_zambia_ppp": "Zambia, international $, period of pay not labelled",
    "discount_rate_kirigia_kenya": "a nominal compounding interest rate, not a real discount rate",
    "wage_ratio_place_premium_median": "all workers at purchasing power parity, not nurse pay at market rates",
    "palim_final_outcome": "employment in either country; the split between Belgium and Morocco is not published",
    "tapig_tunisia_planned_and_beneficiaries": "planned places only; no realised take-up published",
    "triple_win_placements": "a count of placements, not a share of trainees",
    "recruitment_cost_nurse_england": "GBP, reported second-hand; the Triple Win fee in EUR is used",
    "nurse_pay_origin_moldova": "MDL, health and social work sector; no MDL/EUR rate in the file",
    "nurse_pay_origin_moldova_2012": "MDL, health and social work sector; no MDL/EUR rate in the file",
    "training_cost_nurse_destination_uk_1983": "GBP 1983: no exchange rate or deflator in the file",
    "training_cost_nurse_destination_uk_1989": "GBP 1989: no exchange rate or deflator in the file",
    "training_cost_doctor_destination_uk_1983": "doctors",
    "training_cost_nurse_destination_uk_press_2017": "GBP, unsourced press figure",
    "tuition_benchmark_nurse_england_2015": "GBP tuition only, not the cost of training",
    "tuition_fee_nurse_england_2024_2025": "GBP price to the student, not the cost of training",
    "remitting_share_migrant_nurses_ireland": "share who remit, not the share of earnings remitted",
    "remittances_philippine_nurses_aggregate_2008": "aggregate; no per-nurse amount",
    "palim_budget_total": "ICT pilot budget including capacity building; no published cost per trainee",
    "origin_compensation_per_nurse_ghana_uk_proposal": "GBP; a reported proposal, not a GSP",
}


def sources_table(inputs: Mapping[str, Input] | None = None, table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every row of the parameter file: how the model uses it (or why not), with its citation."""
    inputs = model_inputs() if inputs is None else inputs
    t = parameters() if table is None else table
    used: dict[str, list[str]] = {}
    for inp in inputs.values():
        for row in inp.rows:
            used.setdefault(row, []).append(inp.name)
    used["away_track_realised_palim_2020"] = ["PALIM interim take-up"]
    used["palim_tracks_enabel_2019"] = ["PALIM interim take-up, PALIM design case"]
    for row in ("eur_usd_exchange_rate_2015", "training_cost_doctor_origin_ssa_mills"):
        used[row] = ["benchmark of the origin's lost investment"]
    used.setdefault("training_cost_nurse_origin_kenya_tertiary", []).append("benchmark")
    used.setdefault("induced_nursing_graduates_per_migrant_wp2018", []).append("scenario")
    rows = []
    for pid, row in t.iterrows():
        rows.append(
            {
                "parameter": pid,
                "low": row["low"],
                "central": row["central"],
                "high": row["high"],
                "unit": row["unit"],
                "used for": ", ".join(dict.fromkeys(used[pid])) if pid in used else "not used",
                "why not": "" if pid in used else UNUSED_ROWS.get(pid, "not needed by the model"),
                "publication": row["publication"],
                "locator": row["locator"],
                "quote": row["quote"],
                "url": row["url"],
            }
        )
    return pd.DataFrame(rows)
