"""What an analysis concludes about one claim: the result type, and the registry of evaluators.

Each chapter module decorates the function that evaluates one of its claims with :func:`evaluates`;
the claims register (:mod:`analysis.claims`) runs them. This module sits between the two so that
analyses never import the register.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

VERDICTS = (
    "supported",
    "partly supported",
    "not supported",
    "not testable with the available data",
)
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
    #: Monte Carlo standard errors of (estimate, low, high) when they summarise random draws.
    mcse: tuple[float, float, float] | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if self.verdict not in VERDICTS:
            raise ValueError(f"claim {self.claim_id}: verdict {self.verdict!r} not in {VERDICTS}")
        if not self.reason.strip() or not self.would_change.strip():
            raise ValueError(f"claim {self.claim_id}: reason and would_change must not be empty")
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(f"claim {self.claim_id}: interval low {self.low} > high {self.high}")


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
