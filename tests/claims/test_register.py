"""The claims register: complete entries, and estimates equal to what the notebooks computed."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd
import pytest

from analysis import claims, evidence
from analysis.data.paths import project_root
from analysis.report.ledger import collect_notebook


@pytest.fixture(scope="module")
def register() -> pd.DataFrame:
    return claims.build_register()


def test_every_claim_has_source_verdict_reason_and_place(register):
    assert len(register) >= 3
    for col in (
        "claim",
        "source",
        "source_locator",
        "counts",
        "verdict",
        "reason",
        "would_change",
        "notebook",
        "section",
    ):
        assert register[col].str.strip().ne("").all(), col
    assert register["verdict"].isin(evidence.VERDICTS).all()
    for notebook in register["notebook"]:
        assert (project_root() / f"{notebook}.md").is_file(), notebook


def _glued_numbers(notebook: Path) -> dict[str, float]:
    """Numbers glued in a notebook's committed reference outputs, at full precision (ledger metadata)."""
    return {q.quantity: q.value for q in collect_notebook(notebook) if q.kind != "verdict"}


def test_register_estimates_match_the_notebooks(register):
    checked = 0
    for _, row in register.iterrows():
        glued = _glued_numbers(project_root() / f"{row['notebook']}.ipynb")
        for field in ("estimate", "low", "high"):
            key = f"claim_{row['claim_id']}_{field}"
            if pd.isna(row[field]):  # not testable or not scored: no number to glue
                assert key not in glued, key
                checked += 1
                continue
            assert key in glued, f"{row['notebook']}.ipynb does not glue {key}"
            assert math.isclose(glued[key], row[field], rel_tol=1e-9), (key, glued[key], row[field])
            checked += 1
    assert checked == 3 * len(register)


def test_invalid_results_are_refused():
    with pytest.raises(ValueError, match="verdict"):
        evidence.ClaimResult("x", 1.0, 0.0, 2.0, "u", "probably", "r", "w", rule="a rule")
    with pytest.raises(ValueError, match="interval"):
        evidence.ClaimResult("x", 1.0, 3.0, 2.0, "u", "supported", "r", "w", rule="a rule")
    with pytest.raises(ValueError, match="empty"):
        evidence.ClaimResult("x", 1.0, 0.0, 2.0, "u", "supported", " ", "w", rule="a rule")
    with pytest.raises(ValueError, match="rule"):
        evidence.ClaimResult("x", 1.0, 0.0, 2.0, "u", "supported", "r", "w")


def test_every_verdict_comes_with_its_rule_and_evidence(register):
    """The register carries, for each claim, the rule that gave the verdict, the weakest deciding input with
    its source kind, and the specification estimates the rule saw."""
    for row in register.itertuples():
        assert row.rule.strip(), row.claim_id
        if row.verdict not in ("not testable", "not scored"):
            assert row.specifications, row.claim_id
            assert row.weakest_input.endswith(("(primary)", "(official restatement)", "(secondary)")), row.claim_id
    exported = json.loads(claims.format_register(register, "json"))
    assert all({"rule", "weakest_input", "specifications"} <= record.keys() for record in exported)


def test_exports_round_trip(register, tmp_path):
    from analysis.claims import write_exports

    paths = write_exports(register, tmp_path)
    from_csv = pd.read_csv(paths["csv"])
    from_json = pd.DataFrame(json.loads(paths["json"].read_text()))
    assert from_csv["claim_id"].tolist() == register["claim_id"].tolist()
    assert from_json["verdict"].tolist() == register["verdict"].tolist()
    assert from_csv["estimate"].tolist() == pytest.approx(register["estimate"].tolist(), nan_ok=True)


def test_register_export_is_deterministic(register):
    """Two independent evaluations (seeded Monte Carlo and bootstraps) give byte-identical exports."""
    again = claims.build_register()
    assert claims.format_register(register, "csv") == claims.format_register(again, "csv")
    assert claims.format_register(register, "json") == claims.format_register(again, "json")


def test_readme_snapshot_matches_the_register(register):
    """The README quotes the 60% re-estimate; it must be what the code computes (rounded)."""
    readme = (project_root() / "README.md").read_text()
    row = register.set_index("claim_id").loc["oecd_60pct"]
    quoted = f"about {row['estimate']:.0f}% (95% interval {row['low']:.0f}% to {row['high']:.0f}%). Verdict:"
    assert quoted in readme, f"README should say: {quoted}"
    after = readme[readme.index(quoted) + len(quoted) :]
    assert after.split("**")[1] == row["verdict"], "the README states another verdict than the register"
