"""The verdict rubric: from a claim's evidence to one of five verdicts, with the rule that gave it.

A claim is checked against the estimates of every reasonable specification (coverage, input values
within their published range, windows, vintages). Each specification's interval either bears the claim
out, contradicts it, or leaves it open (an interval that straddles the threshold of a directional claim).
The verdict then follows from all of them together and from the weakest of the inputs that decide it:

* **supported**: the claim holds under every specification, and every deciding input was read in the
  publication itself (primary) or in the same organisation's restatement;
* **consistent, not verified**: the claim holds under every specification (or none contradicts it), but a
  deciding input is secondary, the claim's coverage cannot be matched, or no specification shows it;
* **not supported**: every specification contradicts the claim;
* **mixed**: the specifications disagree: some contradict the claim while others bear it out or leave it open;
* **not testable**: no data bear on the claim.

Statements that describe a debate rather than assert a fact are not scored.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from analysis.data.published import SOURCE_KINDS

SUPPORTED = "supported"
CONSISTENT = "consistent, not verified"
NOT_SUPPORTED = "not supported"
MIXED = "mixed"
NOT_TESTABLE = "not testable"
#: Not a verdict: the statement describes a debate rather than asserting a fact.
NOT_SCORED = "not scored"
VERDICTS = (SUPPORTED, CONSISTENT, NOT_SUPPORTED, MIXED, NOT_TESTABLE, NOT_SCORED)

STRONG_KINDS = frozenset(SOURCE_KINDS[:2])

HOLDS, FAILS, OPEN = "holds", "contradicted", "open"


@dataclass(frozen=True)
class Assertion:
    """What the claim asserts about a quantity: equal to ``value`` (``"equals"``), or above or below it."""

    form: str  # "equals", "above" or "below"
    value: float

    def __post_init__(self) -> None:
        if self.form not in ("equals", "above", "below"):
            raise ValueError(f"assertion form must be equals, above or below, not {self.form!r}")

    def describe(self) -> str:
        return {"equals": "equal to", "above": "above", "below": "below"}[self.form] + f" {self.value:g}"


@dataclass(frozen=True)
class Specification:
    """One reasonable way of estimating the claim's quantity: its estimate and interval."""

    label: str
    estimate: float
    low: float
    high: float

    def outcome(self, assertion: Assertion) -> str:
        """Whether this specification bears the assertion out, contradicts it, or leaves it open."""
        inside = self.low <= assertion.value <= self.high
        if assertion.form == "equals":
            return HOLDS if inside else FAILS
        above, below = self.low > assertion.value, self.high < assertion.value
        if assertion.form == "above":
            return HOLDS if above else FAILS if below else OPEN
        return HOLDS if below else FAILS if above else OPEN


@dataclass(frozen=True)
class DecidingInput:
    """An input the verdict rests on, with how it was read.

    ``name`` identifies the input (it may be a row id); ``label``, when given, is the human phrase shown to
    readers in its place (what the figure is and which publication it was read in).
    """

    name: str
    source_kind: str
    locator: str = ""
    label: str = ""

    def __post_init__(self) -> None:
        if self.source_kind not in SOURCE_KINDS:
            raise ValueError(f"{self.name}: source kind {self.source_kind!r} is not one of {SOURCE_KINDS}")

    def describe(self) -> str:
        return f"{self.label or self.name} ({self.source_kind})"


@dataclass(frozen=True)
class Verdict:
    """A verdict, the rule of the rubric that gave it, and the weakest deciding input."""

    verdict: str
    rule: str
    weakest_input: DecidingInput | None


def weakest(inputs: Sequence[DecidingInput]) -> DecidingInput | None:
    """The deciding input read in the weakest way (the first of equals)."""
    return max(inputs, key=lambda i: SOURCE_KINDS.index(i.source_kind), default=None)


def decide(
    assertion: Assertion | None,
    specifications: Sequence[Specification],
    inputs: Sequence[DecidingInput] = (),
    unmatched: str = "",
    describes_debate: bool = False,
) -> Verdict:
    """Apply the rubric to a claim's evidence.

    ``unmatched`` says why the data cannot match what the claim covers (empty when they can).
    """
    weak = weakest(inputs)
    if describes_debate:
        return Verdict(NOT_SCORED, "the statement describes a debate rather than asserting a fact", weak)
    if assertion is None or not specifications:
        return Verdict(NOT_TESTABLE, "no data bear on the claim", weak)
    outcomes = [spec.outcome(assertion) for spec in specifications]
    n, holds, fails = len(outcomes), outcomes.count(HOLDS), outcomes.count(FAILS)
    claim = f"the claimed value ({assertion.describe()})"
    every = "the one specification" if n == 1 else f"all {n} specifications"
    if fails == n:
        return Verdict(NOT_SUPPORTED, f"{claim} is contradicted under {every}", weak)
    if fails:
        parts = [f"holds in {holds}", f"is contradicted in {fails}", f"is left open in {n - holds - fails}"]
        counted = [part for part in parts if not part.endswith(" 0")]
        listed = ", ".join(counted[:-1]) + f" and {counted[-1]}" if len(counted) > 1 else counted[0]
        return Verdict(MIXED, f"the specifications disagree: {claim} {listed} of {n}", weak)
    if not holds:
        return Verdict(CONSISTENT, f"no specification contradicts {claim}, and none shows it", weak)
    if holds < n:
        return Verdict(
            CONSISTENT,
            f"{claim} holds in {holds} of {n} specifications and is left open in the others; none contradicts it",
            weak,
        )
    if unmatched:
        return Verdict(
            CONSISTENT, f"{claim} holds under {every}, but the data cannot match the claim: {unmatched}", weak
        )
    if weak is not None and weak.source_kind not in STRONG_KINDS:
        return Verdict(
            CONSISTENT,
            f"{claim} holds under {every}, but a deciding input was read only in a secondary source: {weak.describe()}",
            weak,
        )
    return Verdict(
        SUPPORTED, f"{claim} holds under {every}, and every deciding input is primary or an official restatement", weak
    )
