"""The GSP claim evaluators (analysis.gsp.claims), against the project's files and the chapter."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd

from analysis.data.paths import data_dir
from analysis.evidence import VERDICTS, ClaimResult
from analysis.gsp.claims import evaluate_all


def test_claim_rows_match_the_evaluators():
    texts = pd.read_csv(data_dir() / "claims_gsp.csv", dtype=str)
    results = evaluate_all()
    assert list(texts["claim_id"]) == [r.claim_id for r in results]
    headings = (data_dir().parent / "notebooks" / "04_gsp.md").read_text(encoding="utf-8")
    for section in texts["section"]:
        assert f"## {section}\n" in headings, section
    for result in results:
        assert isinstance(result, ClaimResult)
        assert result.verdict in VERDICTS
        assert result.low <= result.estimate <= result.high, result.claim_id


def test_importing_the_package_registers_the_evaluators():
    """The claims register imports ``analysis.gsp``; in a fresh interpreter that alone registers the evaluators."""
    code = "import analysis.gsp; from analysis.evidence import evaluators; print(' '.join(sorted(evaluators())))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    expected = pd.read_csv(data_dir() / "claims_gsp.csv", dtype=str)["claim_id"]
    assert done.stdout.split() == sorted(expected)
