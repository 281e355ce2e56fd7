"""The model inputs, declared: published readings, stated arithmetic, and one record per input.

Every input comes from ``data/published/gsp_parameters.csv`` (by ``parameter`` id), is derived from its
rows by stated arithmetic, or is a modelling assumption labelled as such. Amounts stay in EUR, the
currency of the CGD worked example; figures published in other currencies enter only as ratios of two
figures in the same currency, so no exchange rate is needed (none is published in the parameter file).
:func:`analysis.gsp.inputs.model_inputs` evaluates this table against the parameter table.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

PUBLISHED = "published"
DERIVED = "derived from published rows"
ASSUMPTION = "assumption, no published source"
#: Basis of a single published amount given an assumed range around it.
SPREAD_BASIS = f"{PUBLISHED} (central); range: {ASSUMPTION}"
#: Assumed relative spread (+/-) around single illustrative amounts (origin training cost, destination pay).
AMOUNT_SPREAD = 0.2

#: Published numbers the inputs are built from, in reading order: quantity -> (row, field) of the
#: parameter table, or (row, text column, regular expression) for a number stated in the text.
READINGS: dict[str, tuple[str, str] | tuple[str, str, str]] = {
    "c_o": ("gsp_training_cost_per_trainee_origin_moldova", "central"),
    "f_home": ("gsp_employer_finance_share_home_track_moldova", "central"),
    "employer_total": ("gsp_employer_finance_total_moldova", "central"),
    "dest_cost_usd": ("training_cost_nurse_destination_de_uk_clemens", "central"),
    "maghreb_usd": ("training_cost_nurse_origin_maghreb_clemens", "high"),
    "kenya_usd": ("training_cost_nurse_origin_kenya_tertiary", "central"),
    "w_d": ("nurse_pay_destination_germany_hospital", "central"),
    "omega_low": ("wage_ratio_place_premium_median", "central"),
    "omega_cgd": ("wage_ratio_migrant_vs_stayer_moldova_germany", "central"),
    "away_design": ("away_track_share_palim_design", "central"),
    "blog_away": ("away_track_share_palim_design", "notes", r"(\d+) away"),
    "blog_home": ("away_track_share_palim_design", "notes", r"(\d+) home"),
    "bond": ("repayment_years_moldova", "central"),
    "career": ("years_service_abroad_kirigia", "central"),
    "green_book_pct": ("discount_rate_uk_green_book", "central"),
    "kirigia_pct": ("discount_rate_kirigia_kenya", "central"),
    "rho_pct": ("repayment_share_moldova", "central"),
}

Quantities = Mapping[str, float]

#: Quantities derived from the readings by stated arithmetic (each may use those above it).
ARITHMETIC: dict[str, Callable[[Quantities], float]] = {
    "f_away": lambda q: (q["employer_total"] - q["f_home"] * q["c_o"]) / q["c_o"],
    "k_clemens": lambda q: q["dest_cost_usd"] / q["maghreb_usd"],
    "k_kenya": lambda q: q["dest_cost_usd"] / q["kenya_usd"],
    "s_home_design": lambda q: 1 - q["away_design"],
    "blog_trainees": lambda q: q["blog_away"] + q["blog_home"],
    "s_home_blog": lambda q: q["blog_home"] / (q["blog_away"] + q["blog_home"]),
    "delta_low": lambda q: q["green_book_pct"] / 100,
    "delta_high": lambda q: q["kirigia_pct"] / 100,
    "rho": lambda q: q["rho_pct"] / 100,
    "c_o_low": lambda q: q["c_o"] * (1 - AMOUNT_SPREAD),
    "c_o_high": lambda q: q["c_o"] * (1 + AMOUNT_SPREAD),
    "w_d_low": lambda q: q["w_d"] * (1 - AMOUNT_SPREAD),
    "w_d_high": lambda q: q["w_d"] * (1 + AMOUNT_SPREAD),
}

#: A bound or central value of an input: the name of a quantity above, or an assumed number.
Amount = str | float


@dataclass(frozen=True)
class InputSpec:
    """How one model input is made: its range (quantities or assumed numbers) and its provenance."""

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


#: The model inputs, in the order of the chapter's table (and of the Monte Carlo draws).
INPUT_SPECS = (
    InputSpec(
        name="c_o",
        label="origin training cost",
        meaning="training cost per trainee in the origin",
        unit="EUR",
        basis=SPREAD_BASIS,
        rows=("gsp_training_cost_per_trainee_origin_moldova",),
        low="c_o_low",
        central="c_o",
        high="c_o_high",
        derivation="CGD worked example (Moldova), an illustrative figure; +/-20% for sensitivity",
    ),
    InputSpec(
        name="k",
        label="training-cost ratio",
        meaning="ratio of destination to origin training cost per nurse",
        unit="ratio",
        basis=DERIVED,
        rows=(
            "training_cost_nurse_destination_de_uk_clemens",
            "training_cost_nurse_origin_maghreb_clemens",
            "training_cost_nurse_origin_kenya_tertiary",
        ),
        low="k_kenya",
        central="k_clemens",
        high="k_clemens",
        derivation="USD {dest_cost_usd:,.0f} (DE/UK) / USD {maghreb_usd:,.0f} (Maghreb, an upper bound) = "
        "{k_clemens:.2f}; / USD {kenya_usd:,.0f} (Kenya, nursing college, 2005 prices, not adjusted) = "
        "{k_kenya:.2f}. Ratios of USD figures, applied to the EUR origin cost",
    ),
    InputSpec(
        name="w_d",
        label="destination pay",
        meaning="annual earnings of a nurse in the destination",
        unit="EUR per year",
        basis=SPREAD_BASIS,
        rows=("nurse_pay_destination_germany_hospital",),
        low="w_d_low",
        central="w_d",
        high="w_d_high",
        derivation="German hospital nursing staff (Destatis, via a magazine); +/-20% for sensitivity",
    ),
    InputSpec(
        name="omega",
        label="wage ratio",
        meaning="destination / origin nurse earnings",
        unit="ratio",
        basis=PUBLISHED,
        rows=("wage_ratio_place_premium_median", "wage_ratio_migrant_vs_stayer_moldova_germany"),
        low="omega_low",
        central="omega_cgd",
        high="omega_cgd",
        derivation="{omega_low:g} (place premium, median country, PPP, all workers) to {omega_cgd:g} (CGD brief, "
        "nurses, probably nominal); origin nurse earnings = w_d / omega",
    ),
    InputSpec(
        name="s_home",
        label="home-track share",
        meaning="home-track share of trainees",
        unit="share",
        basis=DERIVED,
        rows=("away_track_share_palim_design", "away_track_share_moldova_example"),
        low="s_home_design",
        central="s_home_design",
        high="s_home_blog",
        derivation="1 - {away_design:g} (PALIM design; the CGD example's 1:1 pair); up to {blog_home:.0f}/"
        "{blog_trainees:.0f} (PALIM as reported by a secondary blog, row notes)",
    ),
    InputSpec(
        name="m",
        label="take-up",
        meaning="take-up: share of away-track trainees who work in the destination",
        unit="share",
        basis=ASSUMPTION,
        rows=("away_track_realised_palim_2020",),
        low=0.5,
        central=1.0,
        high=1.0,
        derivation="1 = the design (every away-track trainee migrates); 0.5 = half do. The one realised figure "
        "(PALIM, ICT, mid-2020) is far lower and is shown as a separate scenario",
    ),
    InputSpec(
        name="f_away",
        label="finance share, away",
        meaning="destination's share of away-track training cost",
        unit="share",
        basis=DERIVED,
        rows=("gsp_employer_finance_total_moldova", "gsp_employer_finance_share_home_track_moldova"),
        low="f_away",
        central="f_away",
        high="f_away",
        derivation="(EUR {employer_total:,.0f} - {f_home:g} x EUR {c_o:,.0f}) / EUR {c_o:,.0f}",
    ),
    InputSpec(
        name="f_home",
        label="finance share, home",
        meaning="destination's share of home-track training cost",
        unit="share",
        basis=PUBLISHED,
        rows=("gsp_employer_finance_share_home_track_moldova",),
        low="f_home",
        central="f_home",
        high="f_home",
        derivation="CGD worked example ('half of Ion's'); the origin is assumed to pay the rest",
    ),
    InputSpec(
        name="rho",
        label="repayment share",
        meaning="repayment: share of the migrant's earnings paid to the financer",
        unit="share",
        basis=PUBLISHED,
        rows=("repayment_share_moldova",),
        low="rho",
        central="rho",
        high="rho",
        derivation="CGD worked example, 10 percent, paid during the bond",
    ),
    InputSpec(
        name="t_bond",
        label="bond years",
        meaning="years of repayment (bond)",
        unit="years",
        basis=PUBLISHED,
        rows=("repayment_years_moldova",),
        low="bond",
        central="bond",
        high="bond",
        derivation="CGD worked example ('at least four years')",
        integer=True,
    ),
    InputSpec(
        name="t_abroad",
        label="years abroad",
        meaning="years the migrant works in the destination",
        unit="years",
        basis=PUBLISHED,
        rows=("repayment_years_moldova", "years_service_abroad_kirigia"),
        low="bond",
        central="bond",
        high="career",
        derivation="{bond:g} (the bond) to {career:g} (emigration at 30 to retirement at 62, Kirigia et al.)",
        integer=True,
    ),
    InputSpec(
        name="t_career",
        label="career years",
        meaning="years of a nursing career at home",
        unit="years",
        basis=PUBLISHED,
        rows=("years_service_abroad_kirigia",),
        low="career",
        central="career",
        high="career",
        derivation="Kirigia et al.'s working period (30 to 62), used as the length of a career",
        integer=True,
    ),
    InputSpec(
        name="delta",
        label="discount rate",
        meaning="discount rate (real, per year)",
        unit="rate",
        basis=PUBLISHED,
        rows=("discount_rate_uk_green_book", "discount_rate_kirigia_kenya"),
        low="delta_low",
        central="delta_low",
        high="delta_high",
        derivation="3.5% (HM Treasury Green Book, years 0-30) to 6.65% (Kirigia et al.'s central rate)",
    ),
    InputSpec(
        name="lam",
        label="alternative earnings",
        meaning="trainees' alternative earnings without the training / origin nurse earnings",
        unit="ratio",
        basis=ASSUMPTION,
        rows=(),
        low=0.5,
        central=0.75,
        high=1.0,
        derivation="1 = nursing pays no more than the trainee's alternative; 0.5 = it doubles earnings",
    ),
    InputSpec(
        name="leak",
        label="home-track leakage",
        meaning="share of home-track graduates who emigrate outside the partnership",
        unit="share",
        basis=ASSUMPTION,
        rows=(),
        low=0.0,
        central=0.0,
        high=0.0,
        derivation="none in the main runs; its break-even value is reported instead",
    ),
    InputSpec(
        name="induced",
        label="induced training",
        meaning="extra nurses trained at the origin per migrant (induced training)",
        unit="nurses per migrant",
        basis=ASSUMPTION,
        rows=("induced_nursing_graduates_per_migrant_wp2018", "induced_licensed_nurses_per_migrant_published"),
        low=0.0,
        central=0.0,
        high=0.0,
        derivation="none in the main runs; the published Philippine estimates (2 and 9) are a separate scenario",
    ),
)
