"""What an analysis concludes about one claim: the result type, and the registry of evaluators.

Each chapter module decorates the function that evaluates one of its claims with :func:`evaluates` and
builds its result with :func:`judged`, which applies the verdict rubric (:mod:`analysis.verdicts`) to the
claim's specifications and deciding inputs. The claims register (:mod:`analysis.claims`) runs the
evaluators. This module sits between the two so that analyses never import the register.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from analysis.verdicts import VERDICTS, Assertion, DecidingInput, Specification, decide

_EVALUATORS: dict[str, Callable[[], ClaimResult]] = {}


@dataclass(frozen=True)
class ClaimResult:
    """What the computation says about one claim."""

    claim_id: str
    estimate: float | None
    low: float | None
    high: float | None
    unit: str
    verdict: str
    reason: str
    would_change: str
    #: The rule of the rubric that gave the verdict.
    rule: str = ""
    #: The weakest input the verdict rests on, with how it was read ("" when none is needed).
    weakest_input: str = ""
    #: The claim's value or threshold as the rubric tested it (None when not testable), and its form
    #: ("equals", "above" or "below"; see :class:`analysis.verdicts.Assertion`).
    claimed: float | None = None
    claimed_form: str = ""
    #: The estimate under every reasonable specification.
    specifications: tuple[Specification, ...] = ()
    #: Monte Carlo standard errors of (estimate, low, high) when they summarise random draws.
    mcse: tuple[float, float, float] | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if self.verdict not in VERDICTS:
            raise ValueError(f"claim {self.claim_id}: verdict {self.verdict!r} not in {VERDICTS}")
        if not self.reason.strip() or not self.would_change.strip() or not self.rule.strip():
            raise ValueError(f"claim {self.claim_id}: reason, would_change and rule must not be empty")
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(f"claim {self.claim_id}: interval low {self.low} > high {self.high}")


def judged(
    claim_id: str,
    headline: Specification | None,
    unit: str,
    assertion: Assertion | None,
    specifications: Sequence[Specification],
    inputs: Sequence[DecidingInput],
    reason: str,
    would_change: str,
    unmatched: str = "",
    describes_debate: bool = False,
    mcse: tuple[float, float, float] | None = None,
    input_labels: Mapping[str, str] | None = None,
) -> ClaimResult:
    """A claim's result: the headline estimate, and the verdict the rubric gives for all specifications.

    ``input_labels`` maps an input's ``name`` (e.g. a row id) to the human phrase readers see for it (see
    :func:`labelled`); inputs already carrying a ``label`` keep it.
    """
    inputs = labelled(inputs, input_labels or {})
    verdict = decide(assertion, specifications, inputs, unmatched, describes_debate)
    return ClaimResult(
        claim_id,
        None if headline is None else headline.estimate,
        None if headline is None else headline.low,
        None if headline is None else headline.high,
        unit,
        verdict.verdict,
        reason,
        would_change,
        rule=verdict.rule,
        weakest_input="" if verdict.weakest_input is None else verdict.weakest_input.describe(),
        claimed=None if assertion is None else assertion.value,
        claimed_form="" if assertion is None else assertion.form,
        specifications=tuple(specifications),
        mcse=mcse,
    )


def labelled(inputs: Sequence[DecidingInput], labels: Mapping[str, str]) -> list[DecidingInput]:
    """``inputs`` with the human label of ``labels[name]`` given to each input that has none yet."""
    return [replace(i, label=labels[i.name]) if not i.label and i.name in labels else i for i in inputs]


def evaluates(claim_id: str) -> Callable[[Callable[[], ClaimResult]], Callable[[], ClaimResult]]:
    """Decorator registering the function that evaluates ``claim_id``."""

    def register(func: Callable[[], ClaimResult]) -> Callable[[], ClaimResult]:
        if claim_id in _EVALUATORS and _EVALUATORS[claim_id] is not func:
            raise ValueError(f"claim {claim_id} has two evaluators")
        _EVALUATORS[claim_id] = func
        return func

    return register


def evaluators() -> dict[str, Callable[[], ClaimResult]]:
    """Every registered evaluator, by claim id (only those of modules imported so far)."""
    return dict(_EVALUATORS)
