"""Claims about national reporting on the WHO Global Code of Practice (the ILO/OECD/WHO platform document)."""

from __future__ import annotations

import pandas as pd

from analysis.data import published
from analysis.evidence import ClaimResult, evaluates, judged
from analysis.verdicts import Assertion, DecidingInput, Specification

ROUND1_REPORTS = "WHOCODE-R1-REP"
ROUND2_REPORTS = "WHOCODE-R2-REP"
ROUND2_AGREEMENTS = "WHOCODE-R2-BILAT"
TABLE = "who_code_reporting_rounds"


def _input(figure_id: str, label: str) -> DecidingInput:
    return DecidingInput(figure_id, published.source_kind(TABLE, figure_id), label=label)


#: Reader's names of the measures WHO counts per round.
MEASURES = {
    "designated_national_authorities": "countries with a designated national authority",
    "reporting_countries": "countries that submitted a national report",
    "bilateral_agreements": "bilateral agreements notified",
}


def rounds_table() -> pd.DataFrame:
    """Reporting countries, national authorities and agreements per round, from WHO sources only (the platform
    document's own figures and counts whose meaning the source leaves unclear are left out); ``measure`` in
    words (:data:`MEASURES`)."""
    rounds = published.code_reporting_rounds()
    who_only = rounds[~rounds["figure_id"].str.endswith("-SEED") & rounds["measure"].isin(list(MEASURES))]
    who_only = who_only.assign(measure=who_only["measure"].map(MEASURES))
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
    # the smallest whole first-round count at which the rise would be 30% or less
    break_even = int(-(-counts["second"] // 1.30))
    counted = Specification("WHO counts of complete national reports", pct, pct, pct)
    return judged(
        "who_code_round2_increase",
        counted,
        "% increase in reporting countries",
        Assertion("above", 30),
        [counted],
        [
            _input(ROUND1_REPORTS, "countries reporting in the first round (Siyam et al. 2013, Bulletin of the WHO)"),
            _input(
                ROUND2_REPORTS,
                "countries reporting in the second round (WHO National Reporting Instrument 2018, citing WHA "
                "document A69/37)",
            ),
        ],
        reason=(
            f"WHO reports {counts['second']:.0f} countries submitting complete reports in the second round "
            f"and {counts['first']:.0f} in the first, an increase of {pct:.0f}%, consistent with "
            "'an increase in over 30%'. The first-round count is read from the abstract of Siyam et al. "
            "(2013), in a copy cut off after the number ('Only 56 c...'), so it is not confirmed that it counts "
            "complete national reports, as the second-round count does."
        ),
        would_change=(
            "The first-round count in WHA document A65/25 or the full Siyam et al. (2013) text: a first "
            f"round of {break_even} countries or more would bring the increase to 30% or less."
        ),
        unmatched="what the first-round count of 56 counts could not be read in full",
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
        [
            _input(
                ROUND2_AGREEMENTS,
                "agreements notified in the second round (WHO presentation 'WHO Global Code of Practice', in a "
                "copy on docslib.org)",
            )
        ],
        reason=(
            f"A WHO presentation on Code reporting states that {value:.0f} bilateral agreements were "
            "notified in the second round. It is a count of notified agreements, not of agreements in "
            "force, and says nothing about their content."
        ),
        would_change="The WHA report A69/37 Add.1, if its count of agreements differs from the slide.",
    )
