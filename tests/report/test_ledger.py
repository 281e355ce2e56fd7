"""Results are checked at the precision they are reported: glue rounding, the ledger, nbval.

Numbers in the synthetic notebooks below are made up for the test; the ledger tests perturb real
quantities of the committed ``results/ledger.csv``.
"""

from __future__ import annotations

import dataclasses
import json
import math
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import numpy as np
import pandas as pd
import pytest
from nbclient import NotebookClient

from analysis.data.paths import project_root
from analysis.montecarlo import batch_standard_error
from analysis.report import ledger
from analysis.report.glue import reported

# --- rounding of glued values -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("one_cpu", "other_cpu", "shown"),
    [
        (0.8066531845398712, 0.8066531845398717, 0.806653),  # seen between an AVX2 and an AVX-512 machine
        (389.9166438667835, 389.91664386678343, 389.917),
        (-12.345678901234, -12.345678901233, -12.3457),
        (1234567.891234, 1234567.891233, 1234567.891),  # never fewer than 3 decimals: ",.0f" stays exact
    ],
)
def test_last_digit_noise_disappears_from_the_glued_value(one_cpu, other_cpu, shown):
    assert reported(one_cpu) == reported(other_cpu) == shown


def test_rounding_keeps_what_the_prose_shows():
    for value in (0.0123456789, 3.14159265, 45.678901, 71942.123456):
        for spec in (".0f", ".1f", ".2f", ".3f", ",.0f"):
            assert format(reported(value), spec) == format(value, spec), (value, spec)
    assert reported(0.0) == 0.0 and math.isnan(reported(float("nan")))


# --- the ledger: tolerances and messages --------------------------------------------------------


@pytest.fixture(scope="module")
def reference() -> list[ledger.Quantity]:
    return ledger.read(ledger.ledger_path())


def _first(reference, kind):
    return next(q for q in reference if q.kind == kind and q.value)


def _perturbed(reference, target, value):
    return [dataclasses.replace(q, value=value) if q == target else q for q in reference]


def test_a_real_change_of_one_in_a_thousand_is_caught_and_named(reference):
    target = next(q for q in reference if q.quantity == "claim_migration_increasing_estimate")
    differences = ledger.compare(_perturbed(reference, target, target.value * 1.001), reference)
    assert len(differences) == 1
    message = differences[0].message
    assert "02_trends" in message and "claim_migration_increasing_estimate" in message
    assert repr(target.value) in message and repr(target.value * 1.001) in message
    assert "relative 1e-09" in message


def test_floating_point_noise_is_not_a_change(reference):
    noisy = [
        dataclasses.replace(q, value=q.value * (1 + 1e-13)) if isinstance(q.value, float) else q for q in reference
    ]
    assert ledger.compare(noisy, reference) == []


def test_monte_carlo_quantities_get_a_multiple_of_their_standard_error(reference):
    target = _first(reference, "monte carlo")
    assert target.mcse > 0
    within = _perturbed(reference, target, target.value + 0.5 * ledger.MC_MULTIPLE * target.mcse)
    beyond = _perturbed(reference, target, target.value + 2 * ledger.MC_MULTIPLE * target.mcse)
    assert ledger.compare(within, reference) == []
    [difference] = ledger.compare(beyond, reference)
    assert "Monte Carlo standard error" in difference.message


def test_counts_and_verdicts_must_match_exactly(reference):
    count = _first(reference, "integer")
    verdict = _first(reference, "verdict")
    assert len(ledger.compare(_perturbed(reference, count, count.value + 1), reference)) == 1
    assert len(ledger.compare(_perturbed(reference, verdict, "not supported?"), reference)) == 1


def test_missing_and_new_quantities_are_reported(reference):
    dropped = reference[1:]
    extra = [*reference, ledger.Quantity(reference[0].chapter, "brand_new", "number", 1.0)]
    assert "not glued" in ledger.compare(dropped, reference)[0].message
    assert "not in the reference" in ledger.compare(extra, reference)[0].message


def test_committed_ledger_was_recorded_with_the_committed_notebooks(reference):
    """`make record` writes both; a ledger out of step with the reference notebooks is an error."""
    assert ledger.collect(project_root() / "notebooks") == reference


def test_ledger_round_trips_through_its_file(reference, tmp_path):
    path = tmp_path / "ledger.csv"
    ledger.write(reference, path)
    assert ledger.read(path) == reference


def test_a_damaged_ledger_names_its_line(tmp_path):
    path = tmp_path / "ledger.csv"
    path.write_text("chapter,quantity,kind,value,mcse\n01_data,n_files,integer,22,\n01_data,x,number,abc,\n")
    with pytest.raises(ValueError, match=r"ledger.csv:3: cannot read"):
        ledger.read(path)


# --- the whole chain on a synthetic notebook: glue -> nbval and ledger ---------------------------

CELL = """\
from analysis.report.glue import glue_value
result = 0.8066531845398712 * FACTOR
glue_value("result", result)
print(f"result: {result:.6g}")
"""


def _notebook(factor: str) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell(CELL.replace("FACTOR", factor))]
    return nb


@pytest.fixture(scope="module")
def recorded(tmp_path_factory) -> Path:
    """A reference notebook executed and stored as `make record` does."""
    folder = tmp_path_factory.mktemp("record")
    nb = _notebook("1.0")
    NotebookClient(nb, timeout=120, kernel_name="python3").execute()
    path = folder / "01_synthetic.ipynb"
    nbformat.write(nb, path)
    return path


def _nbval(reference: Path, factor: str, tmp_path: Path) -> subprocess.CompletedProcess:
    """nbval on the reference outputs with the code changed to multiply by ``factor``."""
    nb = nbformat.read(reference, as_version=4)
    nb.cells[0].source = CELL.replace("FACTOR", factor)
    path = tmp_path / reference.name
    nbformat.write(nb, path)
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--nbval", "--nbval-current-env"]
    return subprocess.run([*command, str(path)], capture_output=True, text=True, cwd=tmp_path, timeout=300)


def test_nbval_fails_on_a_change_of_one_in_a_thousand(recorded, tmp_path):
    done = _nbval(recorded, "1.001", tmp_path)
    assert done.returncode != 0
    assert "Cell 0" in done.stdout and "0.806653" in done.stdout and "0.80746" in done.stdout


def test_nbval_passes_on_floating_point_noise(recorded, tmp_path):
    done = _nbval(recorded, "(1 + 1e-13)", tmp_path)
    assert done.returncode == 0, done.stdout


def test_ledger_reads_the_full_precision_value_behind_the_rounded_glue(recorded):
    [quantity] = ledger.collect_notebook(recorded)
    assert quantity == ledger.Quantity("01_synthetic", "result", "number", 0.8066531845398712)
    glued = [
        out
        for out in json.loads(recorded.read_text())["cells"][0]["outputs"]
        if "application/papermill.record/text/plain" in out.get("data", {})
    ]
    assert glued[0]["data"]["application/papermill.record/text/plain"] == "0.806653"


# --- row order must not depend on the CPU ----------------------------------------------------


def test_every_sort_is_stable():
    """numpy's default quicksort dispatches to CPU-specific SIMD sorts that order ties differently
    (a table's rows changed order between an AVX2 and an SSE kernel), so every sort names a stable kind."""
    call = re.compile(r"\.(sort_values|argsort|sort_index)\(")
    offenders = []
    files = [*(project_root() / "src" / "analysis").rglob("*.py"), *(project_root() / "notebooks").glob("*.md")]
    for path in files:
        text = path.read_text()
        for match in call.finditer(text):
            depth, end = 1, match.end()
            while depth:
                depth += {"(": 1, ")": -1}.get(text[end], 0)
                end += 1
            if "kind=" not in text[match.end() : end]:
                offenders.append(f"{path.name}:{text.count(chr(10), 0, match.start()) + 1}")
    assert offenders == []


# --- Monte Carlo standard errors ----------------------------------------------------------------


def test_batch_standard_error_of_a_mean_matches_the_textbook_value():
    draws = pd.Series(np.random.default_rng(1).normal(0.0, 2.0, 40_000))
    textbook = 2.0 / math.sqrt(len(draws))
    assert batch_standard_error(draws, lambda s: float(s.mean())) == pytest.approx(textbook, rel=0.4)


def test_batch_standard_error_keeps_the_shape_and_zeroes_deterministic_parts():
    draws = pd.DataFrame({"x": np.random.default_rng(2).normal(size=1000)})

    def summary(d: pd.DataFrame) -> pd.DataFrame:
        return pd.DataFrame({"label": ["x"], "median": [d["x"].median()], "fixed": [1.0]})

    errors = batch_standard_error(draws, summary)
    assert list(errors.columns) == ["label", "median", "fixed"] and errors.at[0, "label"] == "x"
    assert errors.at[0, "median"] > 0 and errors.at[0, "fixed"] == 0
    with pytest.raises(ValueError, match="at least 40 draws"):
        batch_standard_error(draws.head(10), summary)


def test_the_prose_never_shows_more_decimals_than_the_glue_keeps():
    from analysis.report.glue import MIN_DECIMALS

    role = re.compile(r"\{glue:text\}`[^`]*?:[^`:]*?\.(\d+)[fe%]`")
    pages = [*(project_root() / "notebooks").glob("*.md"), *(project_root() / "book").glob("*.md")]
    shown = [int(m.group(1)) for path in pages for m in role.finditer(path.read_text())]
    assert shown and max(shown) <= MIN_DECIMALS
