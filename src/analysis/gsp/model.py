"""The NPV model of a Global Skill Partnership per actor, and its break-evens (pure numpy, vectorised).

In a GSP (Clemens, IZA Journal of Labor Policy 2015) a destination finances the training of nurses in an
origin country on two tracks: "away" graduates migrate to work for the financer, "home" graduates stay.
This module computes, **per away-track migrant**, the net present value (NPV) of the partnership for five
actors, relative to two counterfactuals:

``domestic``  (a) the destination trains a nurse itself, at home;
``recruit``   (b) the destination recruits a nurse already trained by the origin, which loses its
              training investment.

One price concept throughout: EUR at market exchange rates, in constant prices, discounted at a real rate
to the start of training. Timing: training lasts ``t_train`` years, its cost paid in equal parts at the start
of each training year; earnings, repayments and recruitment costs come after graduation (earnings at the end
of each working year).

One valuation convention for every employer and every worker:

* an **employer** (destination or origin health system) pays each nurse a wage worth the nurse's work, so
  wages cancel for employers; what an employer gains from a nurse it did not train is the cost of training
  one, **pro-rated by years of service** (a migrant who serves 4 years replaces 4 years of a domestic
  nurse's career, in present value);
* a **worker** gains the difference between a nurse's pay and what they would earn otherwise (a share
  ``lam`` of a nurse's pay in the origin, ``lam_d`` in the destination), over the years they work.

Actors (all present values, EUR per away-track migrant):

* **destination**: avoided cost of the counterfactual (pro-rated domestic training for (a), recruitment
  costs ``r`` for (b)), minus its finance of GSP training, plus the migrant's repayment ``R``;
* **origin**: the nurses it ends up employing, at what training them costs, minus its own share of GSP
  training; home-track graduates who find no nursing post (``unemp``) or emigrate outside the partnership
  (``leak``) are worth nothing to it; against (b) it also saves the training of the nurse it would have lost;
* **migrant**: against (a), destination pay minus what the person would earn without the training, over the
  years abroad, minus ``R``; against (b), the same person would have trained and migrated anyway: ``-R``;
* **graduates who stay** (employed at home): the pay gain of a nursing career over their alternative;
* **displaced trainee** (only (a)): the destination resident who would have trained as a nurse had the
  destination trained at home loses the pay gain of the years the migrant serves instead.

Every input may be a scalar or an array; arrays broadcast together.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

ACTORS = ("destination", "origin", "migrant", "stayers", "displaced")
#: The parties of a partnership (the platform's "countries of both source and destination" and the migrant).
PARTIES = ("destination", "origin", "migrant")
ACTOR_LABELS = {
    "destination": "destination",
    "origin": "origin",
    "migrant": "migrant",
    "stayers": "graduates who stay",
    "displaced": "displaced domestic trainee",
    "total": "total",
}
COUNTERFACTUALS = {
    "domestic": "(a) destination trains a nurse at home",
    "recruit": "(b) destination recruits an origin-trained nurse",
}


def _f(x: ArrayLike) -> np.ndarray:
    """``x`` as a float array."""
    return np.asarray(x, dtype=float)


def annuity(years: ArrayLike, rate: ArrayLike) -> np.ndarray:
    """Present value of 1 a year, paid at the end of years 1..``years``, at ``rate`` (0 allowed)."""
    years, rate = _f(years), _f(rate)
    safe = np.where(rate == 0, 1.0, rate)
    return np.where(rate == 0, years, (1 - (1 + safe) ** -years) / safe)


def after_training(p: Mapping[str, Any]) -> np.ndarray:
    """Discount factor from the start of training to graduation, ``(1 + delta) ** -t_train``."""
    return (1 + _f(p["delta"])) ** -_f(p["t_train"])


def training_factor(p: Mapping[str, Any]) -> np.ndarray:
    """Present value of a training cost of 1 paid in equal parts at the start of each training year."""
    years = np.maximum(_f(p["t_train"]), 1.0)
    return (1 + annuity(years - 1, p["delta"])) / years


def service_share(p: Mapping[str, Any]) -> np.ndarray:
    """Share of a domestic nurse's career (in present value) that the migrant's years abroad replace."""
    served = np.minimum(_f(p["t_abroad"]), _f(p["t_career"]))
    return annuity(served, p["delta"]) / annuity(p["t_career"], p["delta"])


def repayment(p: Mapping[str, Any]) -> np.ndarray:
    """Present value of the migrant's repayment: ``rho * w_d`` a year during the bond (or the stay)."""
    years = np.minimum(_f(p["t_bond"]), _f(p["t_abroad"]))
    return _f(p["rho"]) * _f(p["w_d"]) * annuity(years, p["delta"]) * after_training(p)


def outlay(p: Mapping[str, Any]) -> np.ndarray:
    """Present value of the destination's finance of GSP training per away-track trainee."""
    s = _f(p["s_home"])
    home = s / (1 - s)
    return _f(p["c_o"]) * training_factor(p) * (_f(p["f_away"]) + _f(p["f_home"]) * home)


def _origin_nurses(p: Mapping[str, Any], n_away: np.ndarray, n_home: np.ndarray) -> np.ndarray:
    """Graduates per migrant who work as nurses in the origin (home track less leavers, away track left)."""
    return (n_home * (1 - _f(p["leak"])) + (n_away - 1)) * (1 - _f(p["unemp"]))


def npv(p: Mapping[str, Any]) -> dict[str, np.ndarray]:
    """NPV per away-track migrant of each actor, and the total, under each counterfactual.

    Keys ``{actor}_{counterfactual}`` for the :data:`ACTORS` and ``total``, counterfactuals ``domestic`` (a)
    and ``recruit`` (b). Amounts in the unit of ``c_o``, ``w_d`` and ``r``.
    """
    c_o, m, s = _f(p["c_o"]), _f(p["m"]), _f(p["s_home"])
    n_away, n_home = 1 / m, s / (1 - s) / m  # trainees per migrant
    train, later, rep = c_o * training_factor(p), after_training(p), repayment(p)
    w_d = _f(p["w_d"])
    w_o = w_d / _f(p["omega"])
    dest_finance = outlay(p) / m
    origin_finance = train * ((1 - _f(p["f_away"])) * n_away + (1 - _f(p["f_home"])) * n_home)
    nurses_kept = _origin_nurses(p, n_away, n_home)
    stayers = nurses_kept * w_o * (1 - _f(p["lam"])) * annuity(p["t_career"], p["delta"]) * later
    abroad = annuity(np.minimum(_f(p["t_abroad"]), _f(p["t_career"])), p["delta"]) * later
    out = {
        "destination_domestic": _f(p["k"]) * train * service_share(p) - dest_finance + rep,
        "destination_recruit": _f(p["r"]) * later - dest_finance + rep,
        "origin_domestic": train * (nurses_kept + _f(p["induced"])) - origin_finance,
        # against (b) the origin saves the training of the nurse it would have lost; induced training
        # follows migration in both worlds and cancels
        "origin_recruit": train * (nurses_kept + 1) - origin_finance,
        "migrant_domestic": (w_d - _f(p["lam"]) * w_o) * abroad - rep,
        "migrant_recruit": -rep,
        "stayers_domestic": stayers,
        "stayers_recruit": stayers,
        "displaced_domestic": -(1 - _f(p["lam_d"])) * w_d * abroad,
        "displaced_recruit": 0.0,
    }
    for cf in COUNTERFACTUALS:
        out[f"total_{cf}"] = sum(out[f"{a}_{cf}"] for a in ACTORS)
    shape = np.broadcast_shapes(*(np.shape(v) for v in out.values()))
    return {key: np.broadcast_to(np.asarray(v, dtype=float), shape) for key, v in out.items()}


def _share(home_count: np.ndarray) -> np.ndarray:
    """Home-track share from home-track trainees per away-track trainee (never below 0)."""
    home_count = np.maximum(home_count, 0.0)
    return home_count / (1 + home_count)


def break_even(p: Mapping[str, Any]) -> dict[str, np.ndarray]:
    """Values of single inputs at which one actor's NPV is zero, the others held at ``p`` (unbounded).

    * ``take_up_{cf}``: the destination gains if take-up ``m`` is above it (``inf``: never);
    * ``home_share_{cf}``: the destination gains if the home-track share is below it (0: not even with no
      home track; 1: at any share);
    * ``cost_ratio_domestic``: the destination gains against (a) if ``k`` is above it (negative: even if
      training at home cost nothing);
    * ``recruit_cost_recruit``: the destination gains against (b) if recruiting a nurse costs more than it;
    * ``wage_ratio_domestic``: the migrant gains against (a) if ``omega`` is above it;
    * ``leakage_domestic``: the origin gains against (a) if a smaller share of home-track graduates leave.

    Values outside an input's possible range are returned as computed; :func:`bounded` clips them.
    """
    c_o, m, s = _f(p["c_o"]), _f(p["m"]), _f(p["s_home"])
    f_away, f_home = _f(p["f_away"]), _f(p["f_home"])
    train, later, rep = c_o * training_factor(p), after_training(p), repayment(p)
    per_trainee = outlay(p)
    gain = {"domestic": _f(p["k"]) * train * service_share(p) + rep, "recruit": _f(p["r"]) * later + rep}
    with np.errstate(divide="ignore", invalid="ignore"):
        out = {f"take_up_{cf}": np.where(g > 0, per_trainee / g, np.inf) for cf, g in gain.items()}
        for cf, g in gain.items():
            home = (m * g / train - f_away) / np.where(f_home == 0, np.nan, f_home)
            out[f"home_share_{cf}"] = np.where(f_home == 0, np.where(m * g >= train * f_away, 1.0, 0.0), _share(home))
        out["cost_ratio_domestic"] = (per_trainee / m - rep) / (train * service_share(p))
        out["recruit_cost_recruit"] = (per_trainee / m - rep) / later
        earnings = _f(p["w_d"]) * annuity(np.minimum(_f(p["t_abroad"]), _f(p["t_career"])), p["delta"]) * later
        out["wage_ratio_domestic"] = _f(p["lam"]) / (1 - rep / earnings)
        n_away, n_home = 1 / m, s / (1 - s) / m
        paid = (1 - f_away) * n_away + (1 - f_home) * n_home - _f(p["induced"])
        out["leakage_domestic"] = 1 - (paid / (1 - _f(p["unemp"])) - (n_away - 1)) / n_home
    return out


#: Possible range of each break-even's input (for :func:`bounded`).
BOUNDS = {
    "take_up": (0.0, 1.0),
    "home_share": (0.0, 1.0),
    "cost_ratio": (0.0, np.inf),
    "recruit_cost": (0.0, np.inf),
    "wage_ratio": (0.0, np.inf),
    "leakage": (0.0, 1.0),
}


def bounded(key: str, values: ArrayLike) -> np.ndarray:
    """A break-even clipped to its input's possible range (e.g. a take-up above 1 becomes 1: never)."""
    low, high = BOUNDS[key.rsplit("_", 1)[0]]
    return np.clip(_f(values), low, high)


def covering_rate(p: Mapping[str, Any], low: float = 0.0, high: float = 0.5) -> float:
    """Real discount rate below which the repayment covers the destination's outlay (full take-up).

    Bisection on ``repayment - outlay`` at scalar inputs; NaN if the sign does not change in [low, high].
    """

    def gap(rate: float) -> float:
        q = {**p, "delta": rate}
        return float(repayment(q) - outlay(q))

    if gap(low) * gap(high) > 0:
        return float("nan")
    for _ in range(80):
        mid = (low + high) / 2
        low, high = (mid, high) if gap(low) * gap(mid) > 0 else (low, mid)
    return (low + high) / 2
