"""The model inputs, declared: published readings, stated arithmetic, and one record per input.

Every input comes from ``data/published/gsp_parameters.csv`` (by ``parameter`` id), is derived from its
rows by stated arithmetic, is a **design choice** of a partnership (the CGD brief's worked example, varied
as scenario axes in :mod:`analysis.gsp.designs`), or is a modelling assumption labelled as such.

One price concept: EUR at market exchange rates, constant prices, real discount rates. Figures published
in other currencies enter as ratios of two figures in the same currency; a ratio measured at purchasing
power parity is converted to market exchange rates with published price-level ratios.
:func:`analysis.gsp.inputs.model_inputs` evaluates this table against the parameter table.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

PUBLISHED = "published"
DERIVED = "derived from published rows"
ASSUMPTION = "assumption, no published source"
DESIGN = "design choice (CGD worked example)"
#: Basis of a single published amount given an assumed range around it.
SPREAD_BASIS = f"{PUBLISHED} (central); range: {ASSUMPTION}"
#: Assumed relative spread (+/-) around a single published amount (destination pay).
AMOUNT_SPREAD = 0.2

#: Roles of an input: drawn in the Monte Carlo, fixed per design case, or fixed at zero but for scenarios.
EVIDENCE, DESIGN_AXIS, SCENARIO = "evidence", "design", "scenario"

#: Published numbers the inputs are built from: quantity -> (row, field) of the parameter table, or
#: (row, text column, regular expression) for a number stated in the text.
READINGS: dict[str, tuple[str, str] | tuple[str, str, str]] = {
    "c_o": ("gsp_training_cost_per_trainee_origin_moldova", "central"),
    "f_home": ("gsp_employer_finance_share_home_track_moldova", "central"),
    "employer_total": ("gsp_employer_finance_total_moldova", "central"),
    "dest_cost_usd": ("training_cost_nurse_destination_de_uk_clemens", "central"),
    "maghreb_usd": ("training_cost_nurse_origin_maghreb_clemens", "high"),
    "kenya_usd": ("training_cost_nurse_origin_kenya_tertiary", "central"),
    "w_d": ("nurse_pay_destination_germany_hospital", "central"),
    "omega_cgd": ("wage_ratio_migrant_vs_stayer_moldova_germany", "central"),
    "away_design": ("away_track_share_palim_design", "central"),
    "bond": ("repayment_years_moldova", "central"),
    "career": ("years_service_abroad_kirigia", "central"),
    "train_years": ("nurse_training_min_duration_eu", "central"),
    "green_book_pct": ("discount_rate_uk_green_book", "central"),
    "rho_pct": ("repayment_share_moldova", "central"),
    "nurse_to_avg_low": ("nurse_wage_to_average_wage_us_2015", "central"),
    "nurse_to_avg_high": ("nurse_wage_to_average_wage_us_2009", "central"),
    "fee_low": ("triple_win_employer_fee_per_nurse", "low"),
    "fee_high": ("triple_win_employer_fee_per_nurse", "high"),
    "kenya_idle_pct": ("nurse_unemployment_origin_kenya", "notes", r"more than (\d+) percent"),
}

Quantities = Mapping[str, float]

#: Quantities derived from the readings by stated arithmetic (each may use those above it).
ARITHMETIC: dict[str, Callable[[Quantities], float]] = {
    "f_away": lambda q: (q["employer_total"] - q["f_home"] * q["c_o"]) / q["c_o"],
    "k_clemens": lambda q: q["dest_cost_usd"] / q["maghreb_usd"],
    "k_kenya": lambda q: q["dest_cost_usd"] / q["kenya_usd"],
    "k_mid": lambda q: (q["dest_cost_usd"] / q["maghreb_usd"] + q["dest_cost_usd"] / q["kenya_usd"]) / 2,
    "s_home_design": lambda q: 1 - q["away_design"],
    "delta_central": lambda q: q["green_book_pct"] / 100,
    "rho": lambda q: q["rho_pct"] / 100,
    "lam_d_low": lambda q: 1 / q["nurse_to_avg_high"],
    "lam_d_high": lambda q: 1 / q["nurse_to_avg_low"],
    "lam_d_mid": lambda q: (1 / q["nurse_to_avg_high"] + 1 / q["nurse_to_avg_low"]) / 2,
    "spread": lambda q: 100 * AMOUNT_SPREAD,
    "w_d_low": lambda q: q["w_d"] * (1 - AMOUNT_SPREAD),
    "w_d_high": lambda q: q["w_d"] * (1 + AMOUNT_SPREAD),
    "t_abroad_mid": lambda q: round((q["bond"] + q["career"]) / 2),
}

#: A bound or central value of an input: the name of a quantity above, or an assumed number.
Amount = str | float


@dataclass(frozen=True)
class InputSpec:
    """How one model input is made: its range (quantities or assumed numbers), role and provenance."""

    name: str
    label: str  # short name, for figure labels
    meaning: str
    unit: str
    basis: str
    rows: tuple[str, ...]  # rows of gsp_parameters.csv it rests on
    low: Amount
    central: Amount
    high: Amount
    derivation: str  # filled in with the quantities (str.format)
    integer: bool = False
    role: str = EVIDENCE


def _fixed(
    name: str,
    label: str,
    meaning: str,
    unit: str,
    basis: str,
    rows: tuple[str, ...],
    value: Amount,
    derivation: str,
    role: str,
    integer: bool = False,
) -> InputSpec:
    """An input with one value (a design choice, or a scenario input at its main-run value)."""
    return InputSpec(name, label, meaning, unit, basis, rows, value, value, value, derivation, integer, role)


_CGD = ("Clemens, CGD brief, worked example ('Maria and Ion')",)

#: The model inputs, in the order of the chapter's table (and of the Monte Carlo draws).
INPUT_SPECS = (
    # --- evidence: drawn uniformly over their range -------------------------------------------------
    InputSpec(
        "k",
        "training-cost ratio",
        "cost of training a nurse in the destination / in the origin",
        "ratio",
        DERIVED,
        (
            "training_cost_nurse_destination_de_uk_clemens",
            "training_cost_nurse_origin_maghreb_clemens",
            "training_cost_nurse_origin_kenya_tertiary",
        ),
        "k_kenya",
        "k_mid",
        "k_clemens",
        "USD {dest_cost_usd:,.0f} (Germany/UK) / USD {kenya_usd:,.0f} (Kenya, nursing college, 2005 prices) = "
        "{k_kenya:.2f} to / USD {maghreb_usd:,.0f} (Morocco and Tunisia, an upper bound) = {k_clemens:.2f}; "
        "ratios of USD figures, applied to the origin cost in EUR",
    ),
    InputSpec(
        "w_d",
        "destination pay",
        "annual pay of a nurse in the destination",
        "EUR per year",
        SPREAD_BASIS,
        ("nurse_pay_destination_germany_hospital",),
        "w_d_low",
        "w_d",
        "w_d_high",
        "German hospital nursing staff, about EUR {w_d:,.0f} (Destatis, as reported by a magazine); "
        "+/-{spread:.0f}% assumed",
    ),
    _fixed(
        "omega",
        "wage ratio",
        "destination / origin nurse pay, at market exchange rates",
        "ratio",
        PUBLISHED,
        ("wage_ratio_migrant_vs_stayer_moldova_germany",),
        "omega_cgd",
        "CGD brief: 'those who migrate typically earn ten times more', an illustrative figure for migrants, taken "
        "as a ratio at market exchange rates; origin pay = destination pay / ratio. The place premium (all "
        "workers, at purchasing power parity) is not comparable and not used",
        EVIDENCE,
    ),
    InputSpec(
        "m",
        "take-up",
        "share of away-track trainees who work in the destination",
        "share",
        ASSUMPTION,
        ("away_track_realised_palim_2020", "palim_tracks_enabel_2019"),
        0.5,
        0.75,
        1.0,
        "1 = the design; no nursing partnership has published its take-up. PALIM (ICT, not nursing) is shown apart",
    ),
    InputSpec(
        "t_abroad",
        "years abroad",
        "years the migrant works in the destination",
        "years",
        ASSUMPTION,
        ("repayment_years_moldova", "years_service_abroad_kirigia"),
        "bond",
        "t_abroad_mid",
        "career",
        "{bond:g} (the bond) to {career:g} (emigration at 30 to retirement at 62, Kirigia et al.)",
        True,
    ),
    _fixed(
        "delta",
        "discount rate",
        "real discount rate per year",
        "rate",
        PUBLISHED,
        ("discount_rate_uk_green_book",),
        "delta_central",
        "HM Treasury Green Book, real, first 30 years; the rate at which the repayment stops covering the "
        "outlay is shown apart",
        EVIDENCE,
    ),
    InputSpec(
        "lam",
        "alternative pay, origin",
        "origin trainees' pay without the training / an origin nurse's pay",
        "ratio",
        ASSUMPTION,
        (),
        0.5,
        0.75,
        1.0,
        "1 = nursing pays no more than the trainee's alternative; 0.5 = it doubles pay",
    ),
    InputSpec(
        "lam_d",
        "alternative pay, destination",
        "destination trainee's pay without the training / a nurse's pay",
        "ratio",
        DERIVED,
        ("nurse_wage_to_average_wage_us_2015", "nurse_wage_to_average_wage_us_2009"),
        "lam_d_low",
        "lam_d_mid",
        "lam_d_high",
        "average wage / hospital nurse pay: 1 / {nurse_to_avg_high:g} to 1 / {nurse_to_avg_low:g} (OECD, "
        "United States; Germany is not published)",
    ),
    # --- published and fixed ------------------------------------------------------------------------
    _fixed(
        "t_train",
        "training years",
        "length of nurse training",
        "years",
        PUBLISHED,
        ("nurse_training_min_duration_eu",),
        "train_years",
        "EU minimum for general-care nurses",
        EVIDENCE,
        True,
    ),
    _fixed(
        "t_career",
        "career years",
        "years of a nursing career",
        "years",
        PUBLISHED,
        ("years_service_abroad_kirigia",),
        "career",
        "Kirigia et al.'s working period (30 to 62)",
        EVIDENCE,
        True,
    ),
    # --- design choices of the partnership (scenario axes) ---------------------------------------------
    _fixed(
        "c_o",
        "origin training cost",
        "cost of training one nurse in the origin",
        "EUR",
        DESIGN,
        ("gsp_training_cost_per_trainee_origin_moldova",),
        "c_o",
        "CGD worked example (Moldova)",
        DESIGN_AXIS,
    ),
    _fixed(
        "f_away",
        "finance share, away",
        "destination's share of away-track training cost",
        "share",
        DESIGN,
        ("gsp_employer_finance_total_moldova", "gsp_employer_finance_share_home_track_moldova"),
        "f_away",
        "(EUR {employer_total:,.0f} - {f_home:g} x EUR {c_o:,.0f}) / EUR {c_o:,.0f}",
        DESIGN_AXIS,
    ),
    _fixed(
        "f_home",
        "finance share, home",
        "destination's share of home-track training cost",
        "share",
        DESIGN,
        ("gsp_employer_finance_share_home_track_moldova",),
        "f_home",
        "'half of Ion's'; the origin pays the rest",
        DESIGN_AXIS,
    ),
    _fixed(
        "rho",
        "repayment share",
        "share of the migrant's pay repaid during the bond",
        "share",
        DESIGN,
        ("repayment_share_moldova",),
        "rho",
        "'10 percent of Maria's earnings'",
        DESIGN_AXIS,
    ),
    _fixed(
        "t_bond",
        "bond years",
        "years of repayment (bond)",
        "years",
        DESIGN,
        ("repayment_years_moldova",),
        "bond",
        "'at least four years'",
        DESIGN_AXIS,
        True,
    ),
    _fixed(
        "s_home",
        "home-track share",
        "home-track share of trainees",
        "share",
        DESIGN,
        ("away_track_share_moldova_example", "away_track_share_palim_design"),
        "s_home_design",
        "one trainee on each track (the CGD pair; PALIM's first design too)",
        DESIGN_AXIS,
    ),
    # --- zero in the main runs; published values as scenarios ---------------------------------------------
    _fixed(
        "r",
        "recruitment cost",
        "cost to the destination of recruiting one nurse abroad",
        "EUR",
        PUBLISHED,
        ("triple_win_employer_fee_per_nurse",),
        0.0,
        "none in the main runs; the Triple Win employer fee (EUR {fee_low:,.0f} to {fee_high:,.0f} per nurse) is "
        "a specification, and the break-even cost is shown",
        SCENARIO,
    ),
    _fixed(
        "leak",
        "home-track leakage",
        "share of home-track graduates who emigrate outside the partnership",
        "share",
        ASSUMPTION,
        (),
        0.0,
        "none in the main runs; the break-even share is shown apart",
        SCENARIO,
    ),
    _fixed(
        "unemp",
        "origin unemployment",
        "share of graduates at home who find no nursing post",
        "share",
        PUBLISHED,
        ("nurse_unemployment_origin_kenya",),
        0.0,
        "none in the main runs; Kenya's reported {kenya_idle_pct:.0f}% of registered nurses unemployed or "
        "underemployed is a scenario",
        SCENARIO,
    ),
    _fixed(
        "induced",
        "induced training",
        "extra nurses trained at the origin per migrant",
        "nurses per migrant",
        ASSUMPTION,
        ("induced_nursing_graduates_per_migrant_wp2018", "induced_licensed_nurses_per_migrant_published"),
        0.0,
        "none in the main runs; the Philippine estimates are a scenario",
        SCENARIO,
    ),
)
