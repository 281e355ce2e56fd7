"""Verdicts and estimates in words (analysis.report.scorecard), on a synthetic register."""

from __future__ import annotations

import math

import pandas as pd

from analysis.report import scorecard
from analysis.verdicts import VERDICTS


def test_every_verdict_has_a_colour_and_a_symbol():
    assert set(scorecard.BADGE_COLOURS) == set(VERDICTS) == set(scorecard.BADGE_SYMBOLS)
    assert len(set(scorecard.BADGE_SYMBOLS.values())) == len(VERDICTS)
    badge = scorecard.verdict_badge("consistent, not verified")
    assert "consistent, not verified</span>" in badge and "≈" in badge


def test_estimate_text_units_and_intervals():
    assert scorecard.estimate_text(54.2128, 44.1163, 65.62, "% growth over the decade") == (
        "54.2% growth over the decade",
        "interval 44.1 to 65.6",
    )
    assert scorecard.estimate_text(3.28, 2.0, 4.57, "% per year: doctors and nurses (number)") == (
        "3.3% per year",
        "interval 2.0 to 4.6",
    )
    value, interval = scorecard.estimate_text(
        -0.0787, -0.4558, 0.3974, "change in the annual growth rate of doctors (share), percentage points per year"
    )
    assert value == "-0.08 percentage points per year (change in the annual growth rate of doctors)"
    assert interval == "interval -0.46 to 0.40"
    assert scorecard.estimate_text(65.0, 65.0, 65.0, "bilateral agreements") == (
        "65 bilateral agreements",
        "count, no interval",
    )
    assert scorecard.estimate_text(2010.0, 2010.0, 2010.0, "year") == ("2010", "date, no interval")
    assert scorecard.estimate_text(32.14, 32.14, 32.14, "% increase in reporting countries") == (
        "32.1% increase in reporting countries",
        "computed from counts, no interval",
    )
    assert scorecard.estimate_text(2.0, 2.0, 2.0, "rank among WHO codes")[1] == "rank, no interval"
    assert "65.0" not in "".join(scorecard.estimate_text(65.0, 65.0, 65.0, "bilateral agreements"))
    assert scorecard.estimate_text(math.nan, math.nan, math.nan, "none") == ("no estimate", "")


def _register() -> pd.DataFrame:
    row = {
        "claim": "Sixty percent more.", "short": "60% more", "source": "S", "source_locator": "p. 1",
        "counts": "c", "notebook": "notebooks/03_claim60", "section": "The verdict", "unit": "% growth",
        "rule": "the specifications disagree", "weakest_input": "", "reason": "r", "would_change": "w",
    }  # fmt: skip
    return pd.DataFrame(
        [
            {**row, "claim_id": "a", "estimate": 54.0, "low": 44.0, "high": 66.0, "verdict": "mixed"},
            {**row, "claim_id": "b", "estimate": None, "low": None, "high": None, "verdict": "not testable"},
            {**row, "claim_id": "c", "estimate": None, "low": None, "high": None, "verdict": "not testable"},
        ]
    )


def test_at_a_glance_lists_estimated_claims_and_counts_the_rest():
    html = scorecard.at_a_glance_html(_register()).data
    assert html.count("<tr>") == 2  # header + one claim
    assert '<a href="../notebooks/03_claim60.html">60% more</a>' in html
    assert "mixed</span>" in html and "The specifications disagree." in html
    assert "2 further statements have no estimate (2 not testable)" in html


def test_reasons_show_short_texts_not_ids():
    html = scorecard.reasons_html(_register()).data
    assert "60% more" in html and "<code>" not in html
