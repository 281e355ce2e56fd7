"""The GSP chapter's four claims: evaluators that turn the simulation into estimates and verdicts."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.evidence import ClaimResult, evaluates, judged
from analysis.gsp.inputs import central, model_inputs, palim_take_up
from analysis.gsp.model import ACTOR_LABELS, ACTORS, COUNTERFACTUALS, npv
from analysis.gsp.parameter_table import parameters
from analysis.gsp.simulation import break_even_table, gain_shares, main_simulation, scenario_table, worked_example
from analysis.montecarlo import batch_standard_error
from analysis.verdicts import Assertion, DecidingInput, Specification

#: Share of draws needed to call a sign robust (and its complement to call it robustly reversed).
ROBUST = 0.95
#: Editorial threshold: a split is "mutual" if no party gets less than this share of the total gain.
MUTUAL_MIN_SHARE = 0.10


def _gains(amount: float, unit: str = "thousand") -> str:
    """'gains EUR 5.0 thousand' or 'loses EUR 5.0 thousand'."""
    return f"{'gains' if amount >= 0 else 'loses'} EUR {abs(amount):,.1f} {unit}"


def _interval(col: pd.Series, scale: float = 1000.0) -> tuple[float, float, float]:
    """Median and 95% interval of the draws, in ``scale`` EUR."""
    return col.median() / scale, col.quantile(0.025) / scale, col.quantile(0.975) / scale


def _interval_mcse(col: pd.Series, scale: float = 1000.0) -> tuple[float, float, float]:
    """Monte Carlo standard errors of :func:`_interval`."""
    return batch_standard_error(col, lambda part: _interval(part, scale))


def _percent_interval(col: pd.Series) -> tuple[float, float, float]:
    """Median and 95% interval of a share, in percent."""
    return 100 * col.median(), 100 * col.quantile(0.025), 100 * col.quantile(0.975)


def _take_up_mcse(sim: pd.DataFrame) -> tuple[float, float, float]:
    """Monte Carlo standard errors of the break-even take-up's median and interval, in percent."""
    errors = batch_standard_error(sim, break_even_table).loc["take_up_domestic"]
    return tuple(100 * float(errors[c]) for c in ("median", "low", "high"))


def _spec(label: str, col: pd.Series, scale: float = 1000.0) -> Specification:
    """The draws of one net present value as a specification: median and 95% interval."""
    return Specification(label, *_interval(col, scale))


def _proportion_spec(label: str, gains: np.ndarray) -> Specification:
    """The percentage of draws in which something holds, with its 95% Monte Carlo interval."""
    p = float(np.mean(gains))
    half = 1.96 * float(np.sqrt(p * (1 - p) / len(gains)))
    return Specification(label, 100 * p, 100 * max(p - half, 0.0), 100 * min(p + half, 1.0))


def deciding_inputs() -> list[DecidingInput]:
    """Every row of the parameter table that a model input rests on, with how it was read."""
    table = parameters()
    rows = dict.fromkeys(row for inp in model_inputs().values() for row in inp.rows)
    return [DecidingInput(row, table.loc[row, "source_kind"]) for row in rows]


def _share_gaining(col: pd.Series) -> float:
    """Share of draws with a gain."""
    return float((col > 0).mean())


def _at_palim(**overrides: float) -> dict[str, float]:
    """The destination's NPV against home training at the low and high take-up realised in PALIM."""
    low, high = palim_take_up()
    return {
        "low": float(npv(central(m=low, **overrides))["destination_domestic"][()]),
        "high": float(npv(central(m=high, **overrides))["destination_domestic"][()]),
    }


@evaluates("gsp_destination_cost_effective")
def evaluate_destination_cost_effective() -> ClaimResult:
    """Is the partnership a bargain for the destination?"""
    sim = main_simulation()
    est, low, high = _interval(sim["destination_domestic"])
    rec, rec_low, rec_high = _interval(sim["destination_recruit"])
    p_dom = _share_gaining(sim["destination_domestic"])
    p_rec = _share_gaining(sim["destination_recruit"])
    be = break_even_table(sim)
    m_star = be.loc["take_up_domestic"]
    palim_low, palim_high = palim_take_up()
    at_palim = _at_palim()
    example = worked_example()
    m_c, m_lo, m_hi = (100 * float(m_star[c]) for c in ("break-even (central case)", "low", "high"))
    reason = (
        f"Against training a nurse at home, the destination {_gains(est)} per away-track migrant (median; 95% of "
        f"draws between {low:,.1f} and {high:,.1f}; a gain in {100 * p_dom:.0f}% of draws), because training in the "
        "origin costs a fraction of training at home and the migrant's repayment (EUR "
        f"{example['repayment_pv'] / 1000:,.1f} thousand in present value) covers the EUR "
        f"{example['outlay'] / 1000:,.0f} thousand outlay of the CGD example. Against recruiting a nurse the "
        f"origin has trained, the GSP is no bargain: the destination {_gains(rec)} (median; 95% of draws between "
        f"{rec_low:,.1f} and {rec_high:,.1f}; a gain in {100 * p_rec:.0f}% of draws). The gain against home "
        f"training needs at least {m_c:.0f}% of away-track trainees to take up a destination job in the central "
        f"case ({m_lo:.0f}% to {m_hi:.0f}% over the draws). In the only pilot with a published outcome (PALIM, "
        f"ICT, by mid-2020) take-up was {100 * palim_low:.1f}% to {100 * palim_high:.1f}%, at which the "
        f"destination would lose EUR {-at_palim['high'] / 1000:,.0f} to {-at_palim['low'] / 1000:,.0f} thousand "
        "per migrant. The claim holds for the design, not yet for any realised nursing partnership."
    )
    would_change = (
        "Realised take-up of a nursing GSP (the share of away-track trainees who start and stay in a destination "
        "job) and its actual cost per graduate; the destination's own cost of training a nurse in EUR (the ratio "
        "used here comes from USD figures reported second-hand from Clemens 2015); the terms of repayment in the "
        "full CGD brief."
    )
    home = _spec("against training a nurse at home", sim["destination_domestic"])
    palim = [at_palim["low"] / 1000, at_palim["high"] / 1000]
    return judged(
        "gsp_destination_cost_effective",
        home,
        "thousand EUR per away-track migrant (destination, against training at home)",
        Assertion("above", 0),
        [
            home,
            _spec("against recruiting an origin-trained nurse", sim["destination_recruit"]),
            Specification("at the take-up realised in PALIM (central case)", sum(palim) / 2, *sorted(palim)),
        ],
        deciding_inputs(),
        reason,
        would_change,
        mcse=_interval_mcse(sim["destination_domestic"]),
    )


@evaluates("gsp_origin_benefit")
def evaluate_origin_benefit() -> ClaimResult:
    """Does the origin gain?"""
    sim = main_simulation()
    est, low, high = _interval(sim["origin_domestic"])
    rec, rec_low, rec_high = _interval(sim["origin_recruit"])
    be = break_even_table(sim)
    leak = be.loc["leakage_domestic"]
    scen = scenario_table()
    induced_hi = scen.loc["induced_licensed", "origin domestic"]
    ex = worked_example()
    subsidy = ex["c_o"] * model_inputs()["f_home"].central / 1000
    leak_c, leak_lo, leak_hi = (100 * float(leak[c]) for c in ("break-even (central case)", "low", "high"))
    central_gain = float(scen.loc["central", "origin domestic"])
    reason = (
        f"If every home-track graduate stays, the origin gains EUR {est:,.1f} thousand per away-track migrant "
        f"against a world without the partnership (95% of draws between {low:,.1f} and {high:,.1f}), and EUR "
        f"{rec:,.1f} thousand ({rec_low:,.1f} to {rec_high:,.1f}) against losing a nurse it trained itself. "
        f"The gain is the destination's share of home-track training (EUR {subsidy:,.0f} thousand per home-track "
        "trainee in the CGD example) plus any away-track trainees who stay, valued at what their training costs. "
        f"It turns into a loss if more than {leak_c:.0f}% of home-track graduates emigrate outside the "
        f"partnership ({leak_lo:.0f}% to {leak_hi:.0f}% over the draws), and no published figure says how many "
        "do. The one published estimate of an origin benefit from nurse migration (induced private training in "
        f"the Philippines) would raise the central-case gain from EUR {central_gain:,.0f} to {induced_hi:,.0f} "
        "thousand, but it is about migration in general, not about GSPs. The projected origin benefit is an "
        "assumption of the design, as Mans and van de Pas say."
    )
    would_change = (
        "Outcome data from a nursing GSP: how many home-track graduates work in the origin's health system "
        "after 3 to 5 years, what the origin paid, and whether the partnership displaced training the origin "
        "would have done anyway."
    )
    stays = _spec("against no partnership, every home-track graduate staying", sim["origin_domestic"])
    return judged(
        "gsp_origin_benefit",
        stays,
        "thousand EUR per away-track migrant (origin, against no partnership)",
        Assertion("above", 0),
        [stays, _spec("against losing a nurse it trained itself", sim["origin_recruit"])],
        deciding_inputs(),
        reason,
        would_change,
        unmatched="the claim is a projection; whether home-track graduates stay has never been measured",
        mcse=_interval_mcse(sim["origin_domestic"]),
    )


@evaluates("gsp_surplus_split")
def evaluate_surplus_split() -> ClaimResult:
    """Is the gain shared mutually (no party below :data:`MUTUAL_MIN_SHARE`)?"""
    sim = main_simulation()
    shares = gain_shares(sim, "domestic")
    origin_side = shares["origin"]
    est, low, high = (100 * origin_side.median(), 100 * origin_side.quantile(0.025), 100 * origin_side.quantile(0.975))
    medians = {a: 100 * shares[a].median() for a in ACTORS}
    p_joint = float(np.logical_and.reduce([sim[f"{a}_domestic"] > 0 for a in ACTORS]).mean())
    below = [ACTOR_LABELS[a] for a in ACTORS if medians[a] < 100 * MUTUAL_MIN_SHARE]
    rec = {a: sim[f"{a}_recruit"].median() / 1000 for a in ACTORS}
    if not below:
        verdict_note = "no party is below it"
    else:
        verdict_note = " and ".join(below) + (" are" if len(below) > 1 else " is") + " below it"
    reason = (
        f"Against training at home, all four parties gain together in {100 * p_joint:.0f}% of draws, "
        f"but the gain is far from evenly shared: the migrant takes a median {medians['migrant']:.0f}% of it, the "
        f"destination {medians['destination']:.0f}%, graduates who stay {medians['stayers']:.0f}% and the origin "
        f"{est:.1f}% (95% of draws between {low:.1f}% and {high:.1f}%). We call a split mutual if no party gets "
        f"less than {100 * MUTUAL_MIN_SHARE:.0f}% (an editorial threshold); {verdict_note}. Against "
        f"recruiting an origin-trained nurse, the partnership mostly moves the cost of training: the origin "
        f"{_gains(rec['origin'])} and the migrant {_gains(rec['migrant'])} (medians), while the destination "
        f"{_gains(rec['destination'])}."
    )
    would_change = (
        "A partnership design that pays the origin for more than home-track training (for example a per-migrant "
        "payment), or measured earnings of nurses and of trainees' alternative jobs in the origin, which set the "
        "workers' share; a different threshold for 'mutual' changes the verdict, not the shares."
    )
    origin_share = Specification("against training a nurse at home", est, low, high)
    return judged(
        "gsp_surplus_split",
        origin_share,
        "% of the total gain going to the origin (against training at home)",
        Assertion("above", 100 * MUTUAL_MIN_SHARE),
        [origin_share],
        deciding_inputs(),
        reason,
        would_change,
        describes_debate=True,  # "many variations are being modelled": a statement about a debate
        mcse=batch_standard_error(origin_side, _percent_interval),
    )


@evaluates("gsp_all_gain_conditions")
def evaluate_all_gain_conditions() -> ClaimResult:
    """Under what conditions do all four parties gain?"""
    sim = main_simulation()
    p_all = {cf: float(np.logical_and.reduce([sim[f"{a}_{cf}"] > 0 for a in ACTORS]).mean()) for cf in COUNTERFACTUALS}
    be = break_even_table(sim)
    m_star = be.loc["take_up_domestic"]
    s_star = be.loc["home_share_domestic"]
    w_star = be.loc["wage_ratio_domestic"]
    leak = be.loc["leakage_domestic"]
    est, low, high = (100 * float(m_star[c]) for c in ("median", "low", "high"))
    omega = model_inputs()["omega"]
    palim_low, palim_high = palim_take_up()
    reason = (
        f"All four parties gain in {100 * p_all['domestic']:.0f}% of draws against training at home and in "
        f"{100 * p_all['recruit']:.0f}% against recruiting an origin-trained nurse. Against home training "
        f"everyone gains if enough away-track trainees take up a destination job: at least "
        f"{100 * float(m_star['break-even (central case)']):.0f}% in the central case, a median {est:.0f}% over "
        f"the draws (95% between {low:.0f}% and {high:.0f}%), where PALIM reached {100 * palim_low:.1f}% to "
        f"{100 * palim_high:.1f}% by mid-2020. In the central case the other conditions are loose: a home-track "
        f"share below {100 * float(s_star['break-even (central case)']):.0f}%, destination pay above about "
        f"{float(w_star['high']):.1f} times origin pay for the migrant to gain (published ratios {omega.low:g} to "
        f"{omega.high:g}), and fewer than {100 * float(leak['break-even (central case)']):.0f}% of home-track "
        "graduates leaving. Against recruitment the win-win is impossible by construction: the repayment that "
        "makes the destination whole is the migrant's loss, since that nurse could have migrated without "
        "repaying anything."
    )
    would_change = (
        "Realised take-up and home-track retention in a nursing GSP; evidence that the partnership gives the "
        "migrant something recruitment does not (a visa, recognition of qualifications, lower recruitment "
        "fees), which this model does not value."
    )
    everyone = {cf: np.logical_and.reduce([sim[f"{a}_{cf}"].to_numpy() > 0 for a in ACTORS]) for cf in COUNTERFACTUALS}
    specifications = [_proportion_spec(label, everyone[cf]) for cf, label in COUNTERFACTUALS.items()]
    return judged(
        "gsp_all_gain_conditions",
        specifications[0],
        "% of draws in which destination, origin, migrant and graduates who stay all gain",
        Assertion("above", 100 * ROBUST),  # 'win-win': everyone gains, robustly (a design choice)
        specifications,
        deciding_inputs(),
        reason,
        would_change,
    )


def evaluate_all() -> list[ClaimResult]:
    """The four GSP claims, in the order of the chapter."""
    return [
        evaluate_destination_cost_effective(),
        evaluate_origin_benefit(),
        evaluate_surplus_split(),
        evaluate_all_gain_conditions(),
    ]
