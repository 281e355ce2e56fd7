"""Other statements of the source documents (``analysis.seed_statements``, chapter 7)."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pandas as pd
import pytest

from analysis import seed_statements, seed_statements_unscored
from analysis.data import published
from analysis.data.errors import SchemaError
from analysis.data.paths import data_dir
from analysis.verdicts import CONSISTENT, NOT_SCORED, NOT_SUPPORTED, NOT_TESTABLE, SUPPORTED

TABLE = data_dir() / "published" / "seed_statement_figures.csv"


def _rows() -> dict[str, dict[str, str]]:
    """The published rows as the file holds them, by figure id (read without the module under test)."""
    with TABLE.open(newline="", encoding="utf-8") as handle:
        return {row["figure_id"]: row for row in csv.DictReader(handle)}


@pytest.fixture
def copied(tmp_path, monkeypatch) -> Path:
    """A copy of data/published/ in tmp, read by the loader for the test's duration; returns the table's path."""
    folder = tmp_path / "data" / "published"
    shutil.copytree(data_dir() / "published", folder)
    monkeypatch.setattr(seed_statements, "data_dir", lambda: tmp_path / "data")
    seed_statements.figures.cache_clear()
    yield folder / TABLE.name
    seed_statements.figures.cache_clear()


def _set_cell(path: Path, figure_id: str, column: str, value: str) -> None:
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame.loc[frame["figure_id"] == figure_id, column] = value
    frame.to_csv(path, index=False, quoting=csv.QUOTE_ALL)


# --- verdicts from the rubric ------------------------------------------------------------------------


def test_statements_without_data_are_not_testable_and_opinions_not_scored():
    for claim_id, _, _ in seed_statements_unscored.NOT_TESTABLE:
        result = seed_statements_unscored.EVALUATORS[claim_id]()
        assert (result.verdict, result.estimate, result.specifications) == (NOT_TESTABLE, None, ())
    for claim_id, _, _ in seed_statements_unscored.NOT_SCORED:
        assert seed_statements_unscored.EVALUATORS[claim_id]().verdict == NOT_SCORED


def test_the_22_countries_are_not_testable_until_who_publishes_a_count(monkeypatch):
    assert seed_statements.evaluate_code_ethics_22().verdict == NOT_TESTABLE
    rounds = published.code_reporting_rounds()
    who_row = rounds[rounds["figure_id"] == "WHOCODE-R2-REP"].assign(
        figure_id="WHOCODE-R2-ETHICS", measure=seed_statements.ETHICS_MEASURE, value=17.0
    )
    monkeypatch.setattr(published, "code_reporting_rounds", lambda: pd.concat([rounds, who_row]))
    result = seed_statements.evaluate_code_ethics_22()
    assert result.verdict == NOT_SUPPORTED and result.estimate == 17.0 and result.claimed == 22.0


def test_student_growth_is_recomputed_from_the_published_rows():
    rows = _rows()
    by_label = {spec.label.split(",")[0]: spec for spec in seed_statements.student_specifications()}
    romania = by_label["French students of medicine in Romania (OECD)"]
    first, last = rows["OECD2019-FR-MEDSTUD-ROMANIA-2014"], rows["OECD2019-FR-MEDSTUD-ROMANIA-2017"]
    assert romania.estimate == pytest.approx(100 * (float(last["value"]) / float(first["value"]) - 1))
    # the widest reading of "around 680" and "over 1 200" gives the interval
    assert romania.low == pytest.approx(100 * (float(last["low"]) / float(first["high"]) - 1))
    assert romania.high == pytest.approx(100 * (float(last["high"]) / float(first["low"]) - 1))
    norway = by_label["Norwegian medical students abroad (loan fund)"]
    expected = 100 * (
        float(rows["NO-MEDSTUD-ABROAD-2016"]["value"]) / float(rows["NO-MEDSTUD-ABROAD-2006"]["value"]) - 1
    )
    assert norway.estimate == pytest.approx(expected) and norway.low == norway.high


def test_student_movement_is_at_best_consistent_as_no_series_covers_health_students_worldwide():
    result = seed_statements.evaluate_student_movement()
    assert result.verdict == CONSISTENT and "cannot match the claim" in result.rule
    assert "(secondary)" in result.weakest_input  # the Norwegian loan-fund counts


def test_a_falling_series_would_contradict_student_growth(copied):
    _set_cell(copied, "NO-MEDSTUD-ABROAD-2016", "value", "2000")
    for column in ("low", "high"):
        _set_cell(copied, "NO-MEDSTUD-ABROAD-2016", column, "2000")
    result = seed_statements.evaluate_student_movement()
    assert result.verdict == "mixed" and "contradicted in 1" in result.rule


def test_single_figure_claims_follow_the_source_kind():
    # the ILO reads its own page (primary), WHO's rank only on a mirror (secondary)
    assert seed_statements.evaluate_ilo_tripartite_unique().verdict == SUPPORTED
    assert seed_statements.evaluate_code_second_instrument().verdict == CONSISTENT
    adopted = seed_statements.evaluate_code_adopted_2010()
    assert adopted.verdict == SUPPORTED and adopted.estimate == float(_rows()["WHO-CODE-ADOPTION-YEAR"]["value"])


def test_series_of_different_measures_are_refused():
    with pytest.raises(ValueError, match="not the same series"):
        seed_statements.growth("NO-MEDSTUD-ABROAD-2006", "OECD2019-FR-MEDSTUD-ROMANIA-2017", "mixed up")


# --- the published table is checked --------------------------------------------------------------------


def test_a_value_outside_its_published_range_names_the_line(copied):
    _set_cell(copied, "NO-MEDSTUD-ABROAD-2016", "value", "4000")
    line = 1 + 1 + list(_rows()).index("NO-MEDSTUD-ABROAD-2016")
    with pytest.raises(SchemaError, match=rf"line {line}, column 'value'.*NO-MEDSTUD-ABROAD-2016"):
        seed_statements.figures()


def test_a_bad_source_kind_or_an_empty_quote_is_refused(copied):
    _set_cell(copied, "WHO-CODE-RANK", "source_kind", "mirror")
    with pytest.raises(SchemaError, match="'mirror' is not a source kind"):
        seed_statements.figures()
    _set_cell(copied, "WHO-CODE-RANK", "source_kind", "secondary")
    _set_cell(copied, "WHO-CODE-RANK", "quote", " ")
    seed_statements.figures.cache_clear()
    with pytest.raises(SchemaError, match="column 'quote': empty"):
        seed_statements.figures()


# --- register and chapter agree --------------------------------------------------------------------------


def test_every_statement_has_one_register_row_and_the_table_lists_the_untested():
    texts = pd.read_csv(data_dir() / "claims_seeds.csv", dtype=str, keep_default_na=False)
    evaluated = {"seed_student_movement", "seed_code_second_instrument", "seed_code_adopted_2010"}
    evaluated |= {"seed_ilo_tripartite_unique", "seed_code_ethics_22", *seed_statements_unscored.EVALUATORS}
    assert sorted(texts["claim_id"]) == sorted(evaluated)
    texts["order"] = texts["order"].astype(int)
    results = [evaluate() for evaluate in seed_statements_unscored.EVALUATORS.values()]
    results.append(seed_statements.evaluate_student_movement())
    table = seed_statements_unscored.untested_table(texts, results)
    assert len(table) == len(seed_statements_unscored.EVALUATORS)  # the consistent claim is left out
    assert set(table["verdict"]) == {NOT_TESTABLE, NOT_SCORED}
    with pytest.raises(KeyError, match="seed_gsp_high_uptake"):
        seed_statements_unscored.untested_table(texts[texts["claim_id"] != "seed_gsp_high_uptake"], results)
