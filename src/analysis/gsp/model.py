"""The NPV model of a Global Skill Partnership per actor, and its break-evens (pure numpy, vectorised).

In a GSP (Clemens, IZA Journal of Labor Policy 2015) a destination finances the training of nurses in an
origin country on two tracks: "away" graduates migrate to work for the financer, "home" graduates stay.
This module computes, **per away-track migrant**, the net present value (NPV) of the partnership for four
actors, relative to two counterfactuals:

``domestic``  (a) the destination trains the nurse itself, at home;
``recruit``   (b) the destination recruits a nurse already trained by the origin, which loses its
              training investment.

Actors and their cash flows (all present values at the start of training, in EUR):

* **destination** (employer and health system): avoided cost of the counterfactual (``k * c_o`` for (a),
  nothing for (b)), minus its finance of GSP training, plus the migrant's repayment ``R``;
* **origin** (public purse and health system): the nurses it ends up with, valued at what training them
  costs (replacement cost, the convention of Kirigia et al. 2006), minus its own share of GSP training;
  against (b) it also keeps the investment it would have lost;
* **migrant**: against (a), destination earnings minus what the person would earn without the training,
  over the years abroad, minus ``R``; against (b), the same person would have trained at the origin's
  expense and migrated anyway, so the GSP costs them ``R``;
* **graduates who stay** (home-track graduates, and away-track graduates who do not take up a destination
  job): the earnings gain of a nursing career at home over their alternative.

Every input may be a scalar or an array; arrays broadcast together.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

ACTORS = ("destination", "origin", "migrant", "stayers")
ACTOR_LABELS = {
    "destination": "destination",
    "origin": "origin",
    "migrant": "migrant",
    "stayers": "graduates who stay",
    "total": "total",
}
COUNTERFACTUALS = {
    "domestic": "(a) destination trains a nurse at home",
    "recruit": "(b) destination recruits an origin-trained nurse",
}


def annuity(years: ArrayLike, rate: ArrayLike) -> np.ndarray:
    """Present value of 1 a year, paid at the end of years 1..``years``, at ``rate`` (0 allowed)."""
    years = np.asarray(years, dtype=float)
    rate = np.asarray(rate, dtype=float)
    safe = np.where(rate == 0, 1.0, rate)
    return np.where(rate == 0, years, (1 - (1 + safe) ** -years) / safe)


def repayment(p: Mapping[str, Any]) -> np.ndarray:
    """Present value of the migrant's repayment: ``rho * w_d`` a year during the bond (or the stay)."""
    years = np.minimum(p["t_bond"], p["t_abroad"])
    return np.asarray(p["rho"]) * p["w_d"] * annuity(years, p["delta"])


def npv(p: Mapping[str, Any]) -> dict[str, np.ndarray]:
    """NPV per away-track migrant of each actor, and the total, under each counterfactual.

    Keys ``{actor}_{counterfactual}`` for actors ``destination, origin, migrant, stayers, total`` and
    counterfactuals ``domestic`` (a) and ``recruit`` (b). Amounts in the unit of ``c_o`` and ``w_d``.
    """
    c_o, m = np.asarray(p["c_o"], dtype=float), np.asarray(p["m"], dtype=float)
    s = np.asarray(p["s_home"], dtype=float)
    home = s / (1 - s)  # home-track trainees per away-track trainee
    n_away, n_home = 1 / m, home / m  # trainees per migrant
    rep = repayment(p)
    w_o = p["w_d"] / np.asarray(p["omega"], dtype=float)
    dest_finance = c_o * (p["f_away"] * n_away + p["f_home"] * n_home)
    origin_finance = c_o * ((1 - np.asarray(p["f_away"])) * n_away + (1 - np.asarray(p["f_home"])) * n_home)
    nurses_kept = n_home * (1 - np.asarray(p["leak"])) + (n_away - 1)
    stayers = (n_home + n_away - 1) * w_o * (1 - np.asarray(p["lam"])) * annuity(p["t_career"], p["delta"])
    out = {
        "destination_domestic": p["k"] * c_o - dest_finance + rep,
        "destination_recruit": -dest_finance + rep,
        "origin_domestic": c_o * (nurses_kept + p["induced"]) - origin_finance,
        # against (b) the origin keeps the nurse it would have trained and lost; induced training
        # follows migration in both worlds and cancels
        "origin_recruit": c_o * (nurses_kept + 1) - origin_finance,
        "migrant_domestic": (p["w_d"] - p["lam"] * w_o) * annuity(p["t_abroad"], p["delta"]) - rep,
        "migrant_recruit": -rep,
        "stayers_domestic": stayers,
        "stayers_recruit": stayers,
    }
    for cf in COUNTERFACTUALS:
        out[f"total_{cf}"] = sum(out[f"{a}_{cf}"] for a in ACTORS)
    shape = np.broadcast_shapes(*(np.shape(v) for v in out.values()))
    return {key: np.broadcast_to(np.asarray(v, dtype=float), shape) for key, v in out.items()}


def break_even(p: Mapping[str, Any]) -> dict[str, np.ndarray]:
    """Values of single inputs at which one actor's NPV is zero, the others held at ``p``.

    * ``take_up_{cf}``: the destination gains if take-up ``m`` is above it;
    * ``home_share_{cf}``: the destination gains if the home-track share is below it (0 = not even
      with no home track; the share is capped below 1);
    * ``cost_ratio_domestic``: the destination gains against (a) if ``k`` is above it (may be negative:
      then it gains even if training at home cost nothing);
    * ``wage_ratio_domestic``: the migrant gains against (a) if ``omega`` is above it;
    * ``leakage_domestic``: the origin gains against (a) if fewer home-track graduates leave.
    """
    c_o, m = np.asarray(p["c_o"], dtype=float), np.asarray(p["m"], dtype=float)
    s = np.asarray(p["s_home"], dtype=float)
    home = s / (1 - s)
    rep = repayment(p) / c_o  # repayment in units of the origin training cost
    f_away, f_home = np.asarray(p["f_away"], dtype=float), np.asarray(p["f_home"], dtype=float)
    k = np.asarray(p["k"], dtype=float)

    def share(home_count: np.ndarray) -> np.ndarray:
        """Home-track share from home-track trainees per away-track trainee (never below 0)."""
        home_count = np.maximum(home_count, 0.0)
        return home_count / (1 + home_count)

    earnings = p["w_d"] * annuity(p["t_abroad"], p["delta"])
    return {
        "take_up_domestic": (f_away + f_home * home) / (k + rep),
        "take_up_recruit": (f_away + f_home * home) / rep,
        "home_share_domestic": share((m * (k + rep) - f_away) / f_home),
        "home_share_recruit": share((m * rep - f_away) / f_home),
        "cost_ratio_domestic": (f_away + f_home * home) / m - rep,
        "wage_ratio_domestic": np.asarray(p["lam"]) / (1 - repayment(p) / earnings),
        "leakage_domestic": (f_home * home + f_away - m + m * np.asarray(p["induced"])) / home,
    }
