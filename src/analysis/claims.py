"""The claims register: every claim the book checks, its source, our estimate and a verdict.

The text of each claim (the quote, who made it and where, what it counts) is editorial and lives
in ``data/claims.csv``. The estimate, interval, verdict and reason are *computed*: each chapter
module registers an evaluator with :func:`evaluates`, and :func:`build_register` runs them all.
Chapter notebooks call the same evaluators and glue the results, so the register and the chapters
cannot disagree (a test compares them).
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from functools import cache

import pandas as pd

from analysis.checks import require_columns, require_unique
from analysis.errors import SchemaError
from analysis.paths import data_dir

VERDICTS = (
    "supported",
    "partly supported",
    "not supported",
    "not testable with the available data",
)
TEXT_COLUMNS = [
    "claim_id",
    "chapter",
    "order",
    "claim",
    "source",
    "source_locator",
    "counts",
    "notebook",
    "section",
]
#: Chapter modules that register evaluators (imported by :func:`build_register`).
CHAPTER_MODULES = ("analysis.trends", "analysis.claim60", "analysis.gsp", "analysis.code_reporting")

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


@cache
def claim_texts() -> pd.DataFrame:
    """The editorial part of the register (``data/claims.csv`` and ``data/claims_*.csv``, one file
    per chapter if wanted), checked for empty fields and duplicate ids."""
    paths = [data_dir() / "claims.csv", *sorted(data_dir().glob("claims_*.csv"))]
    frames = []
    for path in paths:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        require_columns(frame, TEXT_COLUMNS, path)
        for col in TEXT_COLUMNS:
            empty = frame[col].str.strip() == ""
            if empty.any():
                line = int(empty.to_numpy().argmax()) + 2
                raise SchemaError(f"{path}, line {line}: column '{col}' is empty")
        frames.append(frame[TEXT_COLUMNS])
    texts = pd.concat(frames, ignore_index=True)
    require_unique(texts, ["claim_id"], " + ".join(str(p) for p in paths))
    texts["order"] = texts["order"].astype(int)
    return texts


def evaluate(claim_id: str) -> ClaimResult:
    for module in CHAPTER_MODULES:
        importlib.import_module(module)
    if claim_id not in _EVALUATORS:
        raise KeyError(f"no evaluator registered for claim {claim_id}")
    result = _EVALUATORS[claim_id]()
    if result.claim_id != claim_id:
        raise ValueError(f"evaluator for {claim_id} returned a result for {result.claim_id}")
    return result


def build_register() -> pd.DataFrame:
    """Texts joined with freshly computed results, sorted by chapter and order."""
    texts = claim_texts()
    for module in CHAPTER_MODULES:
        importlib.import_module(module)
    missing = sorted(set(texts["claim_id"]) - set(_EVALUATORS))
    orphans = sorted(set(_EVALUATORS) - set(texts["claim_id"]))
    if missing or orphans:
        raise SchemaError(
            f"claims without evaluator: {missing}; evaluators without a row in data/claims.csv: {orphans}"
        )
    results = pd.DataFrame([asdict(evaluate(cid)) for cid in texts["claim_id"]]).drop(columns="mcse")
    register = texts.merge(results, on="claim_id", validate="one_to_one")
    return register.sort_values(["chapter", "order"], kind="stable").reset_index(drop=True)


def load_register() -> pd.DataFrame:
    return build_register()


def format_register(register: pd.DataFrame, fmt: str = "table") -> str:
    """The register as a terminal table, CSV or JSON."""
    if fmt == "csv":
        return register.to_csv(index=False)
    if fmt == "json":
        records = register.astype(object).where(register.notna(), None).to_dict(orient="records")
        return json.dumps(records, indent=2, ensure_ascii=False)
    if fmt != "table":
        raise ValueError(f"format must be table, csv or json, not {fmt!r}")
    view = register[["claim_id", "estimate", "low", "high", "unit", "verdict"]].copy()
    for col in ("estimate", "low", "high"):
        view[col] = view[col].map(lambda v: "" if pd.isna(v) else f"{v:,.1f}")
    return view.to_string(index=False)


def glue_claim(result: ClaimResult) -> pd.DataFrame:
    """Glue a claim's numbers and verdict for the prose; return a one-row table to display."""
    from analysis.reporting import glue_value

    prefix = f"claim_{result.claim_id}"
    for position, name in enumerate(("estimate", "low", "high")):
        value = getattr(result, name)
        if value is not None:
            mcse = None if result.mcse is None else result.mcse[position]
            glue_value(f"{prefix}_{name}", float(value), mcse)
    glue_value(f"{prefix}_verdict", result.verdict)
    glue_value(f"{prefix}_reason", result.reason)
    glue_value(f"{prefix}_would_change", result.would_change)
    return pd.DataFrame(
        [
            {
                "claim": result.claim_id,
                "estimate": "" if result.estimate is None else f"{result.estimate:,.1f}",
                "interval": "" if result.low is None else f"{result.low:,.1f} to {result.high:,.1f}",
                "unit": result.unit,
                "verdict": result.verdict,
            }
        ]
    )
