"""The verdict rubric, case by case (the specifications and inputs here are made up for the test)."""

from __future__ import annotations

import pytest

from analysis.verdicts import (
    CONSISTENT,
    MIXED,
    NOT_SCORED,
    NOT_SUPPORTED,
    NOT_TESTABLE,
    SUPPORTED,
    Assertion,
    DecidingInput,
    Specification,
    decide,
    weakest,
)

PRIMARY = DecidingInput("a table read in the report", "primary")
OFFICIAL = DecidingInput("the organisation's own summary", "official restatement")
SECONDARY = DecidingInput("a press summary", "secondary")


def spec(low, high, label="s"):
    return Specification(label, (low + high) / 2, low, high)


def test_claim_inside_every_interval_with_strong_inputs_is_supported():
    result = decide(Assertion("equals", 60), [spec(45, 64), spec(50, 70)], [PRIMARY, OFFICIAL])
    assert result.verdict == SUPPORTED
    assert "all 2 specifications" in result.rule and result.weakest_input == OFFICIAL


def test_a_secondary_deciding_input_caps_the_verdict():
    result = decide(Assertion("equals", 60), [spec(45, 64)], [PRIMARY, SECONDARY])
    assert result.verdict == CONSISTENT
    assert "a press summary (secondary)" in result.rule and result.weakest_input == SECONDARY


def test_unmatched_coverage_caps_the_verdict():
    result = decide(Assertion("equals", 60), [spec(45, 64)], [PRIMARY], unmatched="stocks, not flows")
    assert result.verdict == CONSISTENT and result.rule.endswith("cannot match the claim: stocks, not flows")


def test_outside_every_interval_is_not_supported():
    result = decide(Assertion("equals", 60), [spec(30, 45), spec(40, 55)], [SECONDARY])
    assert result.verdict == NOT_SUPPORTED and "all 2" in result.rule


def test_disagreeing_specifications_are_mixed():
    result = decide(Assertion("equals", 60), [spec(45, 64), spec(40, 55), spec(55, 61)], [PRIMARY])
    assert result.verdict == MIXED and result.rule.endswith("holds in 2 and is contradicted in 1 of 3")


@pytest.mark.parametrize(
    ("low", "high", "verdict"),
    [(0.5, 2.0, SUPPORTED), (-2.0, -0.5, NOT_SUPPORTED), (-0.5, 2.0, CONSISTENT)],
)
def test_directional_claims(low, high, verdict):
    """'Increasing' holds when the whole interval is above zero; an interval across zero leaves it open."""
    assert decide(Assertion("above", 0), [spec(low, high)], [PRIMARY]).verdict == verdict


def test_holding_and_open_specifications_without_a_contradiction_are_consistent():
    """More support never gives a weaker verdict: holding and open specifications, none contradicting, are
    'consistent, not verified', like all-open ones, not 'mixed'."""
    result = decide(Assertion("above", 0), [spec(0.5, 2.0), spec(-0.5, 2.0)], [PRIMARY])
    assert result.verdict == CONSISTENT and "holds in 1 of 2" in result.rule
    assert decide(Assertion("above", 0), [spec(0.5, 2.0), spec(-2.0, -0.5)], [PRIMARY]).verdict == MIXED


def test_below_is_the_mirror_of_above():
    assert decide(Assertion("below", 55), [spec(40, 50)], [PRIMARY]).verdict == SUPPORTED
    assert decide(Assertion("below", 55), [spec(56, 60)], [PRIMARY]).verdict == NOT_SUPPORTED


def test_no_evidence_is_not_testable():
    assert decide(None, [spec(1, 2)]).verdict == NOT_TESTABLE
    assert decide(Assertion("above", 0), []).verdict == NOT_TESTABLE


def test_a_statement_about_a_debate_is_not_scored():
    result = decide(Assertion("above", 0), [spec(1, 2)], [PRIMARY], describes_debate=True)
    assert result.verdict == NOT_SCORED and "debate" in result.rule


def test_weakest_input_and_bad_kinds():
    assert weakest([PRIMARY, SECONDARY, OFFICIAL]) == SECONDARY
    assert weakest([]) is None
    with pytest.raises(ValueError, match="source kind"):
        DecidingInput("x", "blog")
    with pytest.raises(ValueError, match="assertion form"):
        Assertion("about", 1)


def test_a_human_label_replaces_the_row_id_where_readers_see_it():
    from analysis.evidence import judged, labelled

    raw = DecidingInput("training_cost_row_7", "secondary")
    assert raw.describe() == "training_cost_row_7 (secondary)"  # no label: the name, as before
    named = DecidingInput("training_cost_row_7", "secondary", label="cost of training a nurse (a 2019 paper)")
    assert named.describe() == "cost of training a nurse (a 2019 paper) (secondary)"
    relabelled = labelled([raw, PRIMARY], {"training_cost_row_7": "a cost, as a paper reports it"})
    assert relabelled[0].describe() == "a cost, as a paper reports it (secondary)" and relabelled[1] == PRIMARY
    assert labelled([named], {"training_cost_row_7": "other"})[0].label == named.label  # a given label is kept
    result = judged(
        "c", spec(1, 2), "u", Assertion("above", 0), [spec(1, 2)], [raw], "r", "w",
        input_labels={"training_cost_row_7": "a cost, as a paper reports it"},
    )  # fmt: skip
    assert result.weakest_input == "a cost, as a paper reports it (secondary)"
    assert "training_cost_row_7" not in result.rule
