"""The GSP chapter's claims: evaluators that turn the simulations into estimates and verdicts.

Each claim is judged over the **design cases** (the partnership's terms, :mod:`analysis.gsp.designs`) and
both counterfactuals; within a design case the interval is the 95% range of the Monte Carlo over the
evidence inputs.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.evidence import ClaimResult, evaluates, judged
from analysis.gsp.conditions import (
    break_even_table,
    palim_per_trainee,
    recruitment_fees,
    scenario_table,
    worked_example,
)
from analysis.gsp.designs import design_cases
from analysis.gsp.inputs import central, model_inputs, palim_take_up
from analysis.gsp.model import ACTOR_LABELS, ACTORS, after_training
from analysis.gsp.parameter_table import parameters
from analysis.gsp.simulation import design_simulation, design_summary, gain_shares, main_simulation, parties_gain
from analysis.montecarlo import batch_standard_error
from analysis.verdicts import Assertion, DecidingInput, Specification

#: Share of draws needed to call an outcome robust (a design choice of ours).
ROBUST = 0.95
#: Editorial threshold: a split is "mutual" if no party gets less than this share of the total gain.
MUTUAL_MIN_SHARE = 0.10
_CF = {"domestic": "against training at home", "recruit": "against recruiting"}


def _interval(col: pd.Series, scale: float = 1000.0) -> tuple[float, float, float]:
    """Median and 95% interval of the draws, in ``scale`` EUR."""
    return col.median() / scale, col.quantile(0.025) / scale, col.quantile(0.975) / scale


def _interval_mcse(col: pd.Series, scale: float = 1000.0) -> tuple[float, float, float]:
    """Monte Carlo standard errors of :func:`_interval`."""
    return batch_standard_error(col, lambda part: _interval(part, scale))


def _proportion_spec(label: str, holds: np.ndarray) -> Specification:
    """The percentage of draws in which something holds, with its 95% Monte Carlo interval."""
    p = float(np.mean(holds))
    half = 1.96 * float(np.sqrt(p * (1 - p) / len(holds)))
    return Specification(label, 100 * p, 100 * max(p - half, 0.0), 100 * min(p + half, 1.0))


def design_specs(actor: str, counterfactuals: tuple[str, ...] = ("domestic",)) -> list[Specification]:
    """One specification per design case and counterfactual: the actor's median NPV and 95% interval."""
    summary = design_summary()
    specs = []
    for cf in counterfactuals:
        for _, row in summary[summary["cf"] == cf].iterrows():
            label = f"{row['design case']}, {_CF[cf]}"
            specs.append(Specification(label, row[f"{actor} median"], row[f"{actor} low"], row[f"{actor} high"]))
    return specs


def with_recruitment_fee(sim: pd.DataFrame) -> Specification:
    """The destination against recruitment if the GSP saves a Triple Win employer fee (low to high)."""
    fee_low, fee_high = recruitment_fees()
    later = float(after_training(central()))
    base = sim["destination_recruit"]
    return Specification(
        f"CGD design case, against recruiting through Triple Win (fee EUR {fee_low:,.0f} to {fee_high:,.0f} saved)",
        (base + later * (fee_low + fee_high) / 2).median() / 1000,
        (base + later * fee_low).quantile(0.025) / 1000,
        (base + later * fee_high).quantile(0.975) / 1000,
    )


def deciding_inputs() -> list[DecidingInput]:
    """Every row of the parameter table that a drawn or published model input rests on, labelled for readers."""
    table = parameters()
    rows = dict.fromkeys(row for inp in model_inputs().values() if inp.role == "evidence" for row in inp.rows)
    return [
        DecidingInput(row, table.loc[row, "source_kind"], label=str(table.loc[row, "description"]))
        for row in rows
        if row in table.index
    ]


def _gains(amount: float) -> str:
    """'gains EUR 5.0 thousand' or 'loses EUR 5.0 thousand'."""
    return f"{'gains' if amount >= 0 else 'loses'} EUR {abs(amount):,.1f} thousand"


def _at_most(percent: float, exact: bool = False) -> str:
    """'no draw', or 'at most 12% of draws' ('12% of draws' when ``exact``)."""
    if percent == 0:
        return "no draw"
    return f"{'' if exact else 'at most '}{percent:.0f}% of draws"


def _range_over_designs(specs: list[Specification]) -> str:
    """'from X (design) to Y (design)' over the medians of ``specs``."""
    lo = min(specs, key=lambda s: s.estimate)
    hi = max(specs, key=lambda s: s.estimate)
    return f"from {lo.estimate:,.1f} ({lo.label}) to {hi.estimate:,.1f} ({hi.label})"


@evaluates("gsp_destination_cost_effective")
def evaluate_destination_cost_effective() -> ClaimResult:
    """Is the partnership a bargain for the destination?"""
    sim = main_simulation()
    home = design_specs("destination", ("domestic",))
    recruit = design_specs("destination", ("recruit",))
    be = break_even_table(sim)
    m_star, r_star = be.loc["take_up_domestic"], be.loc["recruit_cost_recruit"]
    ex = worked_example()
    palim = palim_per_trainee()
    palim_low, palim_high = palim_take_up()
    negative = [s.label.split(",")[0] for s in home if s.low < 0]
    fee = with_recruitment_fee(sim)
    reason = (
        f"Valuing the training it avoids per year of service, the destination {_gains(home[0].estimate)} per "
        f"away-track migrant against training a nurse at home in the CGD design case (median; 95% of draws "
        f"between {home[0].low:,.1f} and {home[0].high:,.1f}); over the design cases the median runs "
        f"{_range_over_designs(home)}, and the interval reaches below zero in {len(negative)} of {len(home)}. "
        f"The gain needs at least {100 * float(m_star['break-even (central case)']):.0f}% of away-track trainees "
        f"to take up a destination job (central case; {100 * float(m_star['low']):.0f}% to "
        f"{100 * float(m_star['high']):.0f}% over the draws); no nursing partnership has published its take-up. "
        f"With a {ex['t_train']:.0f}-year course the repayment covers the destination's outlay only at real "
        f"discount rates below {ex['covering_rate_pct']:.1f}%. Against recruiting a trained nurse the destination "
        f"{_gains(recruit[0].estimate)} before recruitment costs; it comes out ahead only if recruiting one nurse "
        f"costs more than EUR {float(r_star['break-even (central case)']):,.0f} (central case); if it saved a "
        f"whole Triple Win employer fee it would come out {'ahead' if fee.estimate >= 0 else 'behind'} by EUR "
        f"{abs(fee.estimate):,.1f} thousand "
        f"({fee.low:,.1f} to {fee.high:,.1f}), but a partnership pays part of the same costs itself. "
        f"In PALIM (ICT, take-up {100 * palim_low:.1f}% to {100 * palim_high:.1f}% by mid-2020) the destination "
        f"would lose EUR {-palim['high']:,.0f} to {-palim['low']:,.0f} per away-track trainee."
    )
    would_change = (
        "Realised take-up of a nursing partnership and its actual cost per graduate; the destination's own cost "
        "of training a nurse (the ratio used here comes from USD figures reported second-hand from Clemens 2015 "
        "and a 2005 Kenyan cost); how long migrants stay; published recruitment costs per nurse."
    )
    return judged(
        "gsp_destination_cost_effective",
        home[0],
        "thousand EUR per away-track migrant (destination, CGD design case, against training at home)",
        Assertion("above", 0),
        [*home, *recruit[:1]],
        deciding_inputs(),
        reason,
        would_change,
        mcse=_interval_mcse(sim["destination_domestic"]),
    )


@evaluates("gsp_origin_benefit")
def evaluate_origin_benefit() -> ClaimResult:
    """Does the origin gain?"""
    sim = main_simulation()
    home = design_specs("origin", ("domestic",))
    recruit = design_specs("origin", ("recruit",))
    leak = break_even_table(sim).loc["leakage_domestic"]
    scen = scenario_table()
    ex = worked_example()
    subsidy = ex["c_o"] * model_inputs()["f_home"].central / 1000
    reason = (
        f"If every home-track graduate stays and finds a nursing post, the origin gains EUR {home[0].estimate:,.1f} "
        f"thousand per away-track migrant in the CGD design case (95% of draws {home[0].low:,.1f} to "
        f"{home[0].high:,.1f}); over the design cases the median runs {_range_over_designs(home)}. Against "
        f"losing a nurse it trained itself it gains EUR {recruit[0].estimate:,.1f} thousand. The gain is the "
        f"destination's share of home-track training (EUR {subsidy:,.0f} thousand per home-track trainee in the "
        "brief) plus away-track trainees who stay, valued at what training them costs. It becomes a loss if more "
        f"than {100 * float(leak['break-even (central case)']):.0f}% of home-track graduates leave, and no "
        "published figure says how many do; at Kenya's reported rate of nurses without a post the central gain "
        f"falls to EUR {scen.loc['unemployment', 'origin domestic']:,.1f} thousand. Induced private training "
        "(Philippines) would "
        f"raise the central gain from EUR {scen.loc['central', 'origin domestic']:,.1f} to "
        f"{scen.loc['induced_licensed', 'origin domestic']:,.1f} thousand, but it measures migration in general, "
        "not partnerships. The benefit is a projection of the design, as the critics say: no nursing partnership "
        "has published outcomes."
    )
    would_change = (
        "Outcome data from a nursing partnership: how many home-track graduates work in the origin's health "
        "system after 3 to 5 years, what the origin paid, and whether the partnership displaced training the "
        "origin would have done anyway."
    )
    return judged(
        "gsp_origin_benefit",
        home[0],
        "thousand EUR per away-track migrant (origin, CGD design case, against no partnership)",
        Assertion("above", 0),
        [*home, *recruit[:1]],
        deciding_inputs(),
        reason,
        would_change,
        unmatched="the claim is a projection; whether home-track graduates stay has never been measured",
        mcse=_interval_mcse(sim["origin_domestic"]),
    )


@evaluates("gsp_surplus_split")
def evaluate_surplus_split() -> ClaimResult:
    """Who gets the gain? (A statement about a debate: not scored.)"""
    sim = main_simulation()
    shares = gain_shares(sim, "domestic")
    origin_side = shares["origin"]
    est, low, high = (100 * origin_side.median(), 100 * origin_side.quantile(0.025), 100 * origin_side.quantile(0.975))
    medians = {a: 100 * shares[a].median() for a in ACTORS}
    reason = (
        f"Against training at home, the migrant takes a median {medians['migrant']:.0f}% of all gains, "
        f"graduates who stay {medians['stayers']:.0f}%, the destination {medians['destination']:.0f}% and the "
        f"origin {est:.1f}% (95% of draws between {low:.1f}% and {high:.1f}%); the displaced domestic trainee "
        f"loses the equivalent of {-medians['displaced']:.0f}% of them. The statement says that many ways of "
        "sharing the gain are being modelled: it describes a debate, so it is not scored; these shares are "
        "what the book adds to it."
    )
    would_change = "Not scored. Measured pay of nurses and of trainees' alternatives would change the shares."
    origin_share = Specification("CGD design case, against training at home", est, low, high)
    return judged(
        "gsp_surplus_split",
        origin_share,
        "% of all gains going to the origin (CGD design case, against training at home)",
        Assertion("above", 100 * MUTUAL_MIN_SHARE),
        [origin_share],
        deciding_inputs(),
        reason,
        would_change,
        describes_debate=True,
        mcse=batch_standard_error(
            origin_side, lambda c: (100 * c.median(), 100 * c.quantile(0.025), 100 * c.quantile(0.975))
        ),
    )


def _mutual_specs() -> list[Specification]:
    """Per design case and counterfactual: % of draws in which destination, origin and migrant all gain; then
    the same with the destination country counted as employer plus displaced domestic trainee."""
    specs = [
        _proportion_spec(f"{d.label}, {_CF[cf]}", parties_gain(design_simulation(d.key), cf))
        for cf in ("domestic", "recruit")
        for d in design_cases()
    ]
    sim = main_simulation()
    country = (sim["destination_domestic"] + sim["displaced_domestic"]).to_numpy() > 0
    others = parties_gain(sim, "domestic", ("origin", "migrant"))
    label = "CGD design case, destination country (employer and displaced trainee), against training at home"
    return [*specs, _proportion_spec(label, country & others)]


@evaluates("gsp_mutual_benefit")
def evaluate_mutual_benefit() -> ClaimResult:
    """Do source country, destination country and the migrant all gain (the platform's 'mutuality')?"""
    specs = _mutual_specs()
    n = (len(specs) - 1) // 2
    home, recruit, country = specs[:n], specs[n : 2 * n], specs[-1]
    m_star = break_even_table(main_simulation()).loc["take_up_domestic"]
    robust = [s.label.split(",")[0] for s in home if s.low >= 100 * ROBUST]
    reason = (
        f"Against training at home, destination, origin and migrant all gain in {home[0].estimate:.0f}% of draws "
        f"in the CGD design case, and in {min(s.estimate for s in home):.0f}% to "
        f"{max(s.estimate for s in home):.0f}% over the design cases ({len(robust)} of {n} reach the "
        f"{100 * ROBUST:.0f}% we ask of a robust result). The condition that binds is take-up: at least "
        f"{100 * float(m_star['break-even (central case)']):.0f}% in the central case. Against recruiting a "
        f"trained nurse they all gain in {_at_most(max(s.estimate for s in recruit))} in any design "
        "case: the repayment that makes the destination whole is the migrant's loss, since that nurse could "
        "have migrated without repaying anything. Counting the destination as a country, employer plus the "
        "resident who would have trained as a nurse, it gains together with origin and migrant in "
        f"{_at_most(country.estimate, exact=True)}."
    )
    would_change = (
        "A design that gives the migrant something recruitment does not (a visa, recognised qualifications, no "
        "recruitment fees), valued in money; realised take-up and home-track retention in a nursing partnership."
    )
    return judged(
        "gsp_mutual_benefit",
        home[0],
        "% of draws in which destination, origin and migrant all gain (CGD design case, against training at home)",
        Assertion("above", 100 * ROBUST),
        specs,
        deciding_inputs(),
        reason,
        would_change,
    )


@evaluates("gsp_all_gain_conditions")
def evaluate_all_gain_conditions() -> ClaimResult:
    """'Win-win' framing: a statement about how GSPs are presented (not scored); when do all gain?"""
    sim = main_simulation()
    four = tuple(a for a in ACTORS if a != "displaced")
    holds = {cf: parties_gain(sim, cf, four) for cf in ("domestic", "recruit")}
    specs = [_proportion_spec(f"CGD design case, {_CF[cf]}", h) for cf, h in holds.items()]
    names = ", ".join(ACTOR_LABELS[a] for a in four)
    reason = (
        f"The statement describes how migration and GSPs were framed at a conference, so it is not scored. In the "
        f"model, {names} all gain in {specs[0].estimate:.0f}% of draws against training at home and in "
        f"{specs[1].estimate:.0f}% against recruitment, while the displaced domestic trainee loses in every "
        "draw against training at home."
    )
    return judged(
        "gsp_all_gain_conditions",
        specs[0],
        "% of draws in which destination, origin, migrant and graduates who stay all gain (CGD design case)",
        Assertion("above", 100 * ROBUST),
        specs,
        deciding_inputs(),
        reason,
        "Not scored.",
        describes_debate=True,
    )


def evaluate_all() -> list[ClaimResult]:
    """The GSP claims, in the order of the chapter."""
    return [
        evaluate_destination_cost_effective(),
        evaluate_origin_benefit(),
        evaluate_surplus_split(),
        evaluate_mutual_benefit(),
        evaluate_all_gain_conditions(),
    ]
