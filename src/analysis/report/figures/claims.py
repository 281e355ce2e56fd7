"""The evidence behind each verdict: every specification's estimate and interval against the claimed value."""

from __future__ import annotations

import math
import textwrap

import matplotlib.pyplot as plt
import pandas as pd

from analysis.report.figures.style import GREY, OKABE_ITO
from analysis.verdicts import FAILS, HOLDS, NOT_SCORED, OPEN, Assertion, Specification

#: Colour and marker per outcome (colour is not the only signal).
OUTCOME_COLOURS = {HOLDS: OKABE_ITO["blue"], FAILS: OKABE_ITO["vermillion"], OPEN: GREY}
OUTCOME_MARKERS = {HOLDS: "o", FAILS: "X", OPEN: "s"}


def specification_panels(register: pd.DataFrame, columns: int = 2) -> plt.Figure:
    """Small multiples: for each claim tested against data, each specification's 95% interval (line) and
    estimate (dot), coloured by whether it bears the claim out, and the claimed value (dashed line)."""
    scored = register["verdict"] != NOT_SCORED
    tested = register[(register["specifications"].map(len) > 0) & register["claimed"].notna() & scored]
    tested = tested.reset_index(drop=True)
    rows = math.ceil(len(tested) / columns)
    counts = tested["specifications"].map(len).tolist()
    heights = [0.5 * max(counts[r * columns : (r + 1) * columns]) + 1.6 for r in range(rows)]
    fig, axes = plt.subplots(
        rows, columns, figsize=(10, sum(heights)), squeeze=False, gridspec_kw={"height_ratios": heights}
    )
    for ax, row in zip(axes.flat, tested.itertuples(), strict=False):
        specs = list(row.specifications)
        assertion = Assertion(row.claimed_form, row.claimed)
        for i, spec in enumerate(reversed(specs)):
            outcome = Specification(**spec).outcome(assertion)
            colour = OUTCOME_COLOURS[outcome]
            ax.plot([spec["low"], spec["high"]], [i, i], color=colour, linewidth=3, alpha=0.7)
            ax.plot(spec["estimate"], i, OUTCOME_MARKERS[outcome], color=colour, markersize=6)
        ax.axvline(row.claimed, color="#333333", linestyle="--", linewidth=1)
        ax.set_yticks(range(len(specs)))
        ax.set_yticklabels([textwrap.fill(s["label"], 30) for s in reversed(specs)], fontsize=7)
        ax.set_title(textwrap.fill(f"{row.short}: {row.verdict}", 52), fontsize=9, loc="left")
        ax.set_xlabel(textwrap.fill(row.unit, 60), fontsize=7)
        ax.tick_params(axis="x", labelsize=7)
        ax.set_ylim(-0.7, len(specs) - 0.3)
    for ax in list(axes.flat)[len(tested) :]:
        ax.set_visible(False)
    fig.tight_layout()
    return fig
