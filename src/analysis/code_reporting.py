"""Claims about national reporting on the WHO Global Code of Practice (seed document 002)."""

from __future__ import annotations

import pandas as pd

from analysis.data import published
from analysis.evidence import ClaimResult, evaluates, judged
from analysis.verdicts import Assertion, DecidingInput, Specification

ROUND1_REPORTS = "WHOCODE-R1-REP"
ROUND2_REPORTS = "WHOCODE-R2-REP"
ROUND2_AGREEMENTS = "WHOCODE-R2-BILAT"
TABLE = "who_code_reporting_rounds"


def _input(figure_id: str, name: str) -> DecidingInput:
    return DecidingInput(name, published.source_kind(TABLE, figure_id))


def rounds_table() -> pd.DataFrame:
    """Reporting countries, national authorities and agreements per round, from WHO sources only."""
    rounds = published.code_reporting_rounds()
    who_only = rounds[~rounds["figure_id"].str.endswith("-SEED")]
    return who_only[["round", "year", "measure", "value", "locator", "publication"]].reset_index(drop=True)


def round_increase() -> dict[str, float]:
    first = float(published.code_reporting_rounds().set_index("figure_id").loc[ROUND1_REPORTS, "value"])
    second = float(published.code_reporting_rounds().set_index("figure_id").loc[ROUND2_REPORTS, "value"])
    # a count of countries is exact; the uncertainty is in what the first-round 56 counts
    return {"first": first, "second": second, "increase_pct": 100 * (second / first - 1)}


@evaluates("who_code_round2_increase")
def evaluate_round2_increase() -> ClaimResult:
    counts = round_increase()
    pct = counts["increase_pct"]
    break_even = counts["second"] / 1.30  # first-round count at which the rise would be exactly 30%
    counted = Specification("WHO counts of complete national reports", pct, pct, pct)
    return judged(
        "who_code_round2_increase",
        counted,
        "% increase in reporting countries",
        Assertion("above", 30),
        [counted],
        [
            _input(ROUND1_REPORTS, "first-round reports (Siyam et al. 2013)"),
            _input(ROUND2_REPORTS, "second-round reports (WHO)"),
        ],
        reason=(
            f"WHO reports {counts['second']:.0f} countries submitting complete reports in the second round "
            f"and {counts['first']:.0f} in the first, an increase of {pct:.0f}%, consistent with "
            "'an increase in over 30%'. The first-round count is read from the abstract of Siyam et al. "
            "(2013), whose stored text is cut off after the number, so what exactly it counts is not "
            "confirmed."
        ),
        would_change=(
            "The first-round count in WHA document A65/25 or the full Siyam et al. (2013) text: a first "
            f"round of more than {break_even:.1f} countries would bring the increase to 30% or less."
        ),
    )


@evaluates("who_code_round2_agreements")
def evaluate_round2_agreements() -> ClaimResult:
    rounds = published.code_reporting_rounds().set_index("figure_id")
    value = float(rounds.loc[ROUND2_AGREEMENTS, "value"])
    claimed = float(rounds.loc[f"{ROUND2_AGREEMENTS}-SEED", "value"])
    counted = Specification("agreements notified to WHO in the second round", value, value, value)
    return judged(
        "who_code_round2_agreements",
        counted,
        "bilateral agreements",
        Assertion("equals", claimed),
        [counted],
        [_input(ROUND2_AGREEMENTS, "second-round count of agreements (WHO presentation)")],
        reason=(
            f"A WHO presentation on Code reporting states that {value:.0f} bilateral agreements were "
            "notified in the second round. It is a count of notified agreements, not of agreements in "
            "force, and says nothing about their content."
        ),
        would_change="The WHA report A69/37 Add.1, if its count of agreements differs from the slide.",
    )
