"""The claims register: every claim the book checks, its source, our estimate and a verdict.

The text of each claim (the quote, who made it and where, what it counts) is editorial and lives
in ``data/claims.csv``. The estimate, interval, verdict and reason are *computed*: each chapter
module registers an evaluator (:func:`analysis.evidence.evaluates`), and :func:`build_register` runs
them all. Chapter notebooks call the same evaluators and glue the results, so the register and the
chapters cannot disagree (a test compares them).
"""

from __future__ import annotations

import importlib
from dataclasses import asdict
from functools import cache

import pandas as pd

from analysis.data.checks import require_columns, require_unique
from analysis.data.errors import SchemaError
from analysis.data.paths import data_dir
from analysis.evidence import ClaimResult, evaluators

TEXT_COLUMNS = [
    "claim_id",
    "chapter",
    "order",
    "claim",
    "short",
    "source",
    "source_locator",
    "counts",
    "notebook",
    "section",
]
#: Chapter modules that register evaluators (imported by :func:`build_register`).
CHAPTER_MODULES = (
    "analysis.trends",
    "analysis.acceleration",
    "analysis.origins",
    "analysis.safeguards_list",
    "analysis.claim60",
    "analysis.gsp",
    "analysis.code_reporting",
    "analysis.seed_statements",
)


def _chapter_evaluators() -> dict:
    """Import every chapter module (which registers its evaluators) and return the registry."""
    for module in CHAPTER_MODULES:
        importlib.import_module(module)
    return evaluators()


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
    registered = _chapter_evaluators()
    if claim_id not in registered:
        raise KeyError(f"no evaluator registered for claim {claim_id}")
    result = registered[claim_id]()
    if result.claim_id != claim_id:
        raise ValueError(f"evaluator for {claim_id} returned a result for {result.claim_id}")
    return result


def build_register() -> pd.DataFrame:
    """Texts joined with freshly computed results, sorted by chapter and order."""
    texts = claim_texts()
    registered = _chapter_evaluators()
    missing = sorted(set(texts["claim_id"]) - set(registered))
    orphans = sorted(set(registered) - set(texts["claim_id"]))
    if missing or orphans:
        raise SchemaError(
            f"claims without evaluator: {missing}; evaluators without a row in data/claims.csv: {orphans}"
        )
    results = pd.DataFrame([asdict(evaluate(cid)) for cid in texts["claim_id"]]).drop(columns="mcse")
    results["specifications"] = results["specifications"].map(list)
    register = texts.merge(results, on="claim_id", validate="one_to_one")
    return register.sort_values(["chapter", "order"], kind="stable").reset_index(drop=True)


def load_register() -> pd.DataFrame:
    return build_register()
