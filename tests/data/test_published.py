"""The source kind of every transcribed figure (``analysis.data.published``; issue 12, section 1).

The tables read here are the project's own ``data/published/*.csv``; the broken ones are copies
damaged in a temporary folder, which the loaders are pointed at.
"""

from __future__ import annotations

import csv
import itertools
import shutil
from pathlib import Path

import pandas as pd
import pytest

from analysis.data import published
from analysis.data.errors import SchemaError
from analysis.data.paths import data_dir
from analysis.data.published import SOURCE_KINDS, source_kind, weakest_kind
from analysis.gsp.parameter_table import ParameterError, load_parameters

PUBLISHED = data_dir() / "published"
CACHED = (
    published.figures,
    published.code_reporting_rounds,
    published.ssl_list,
    published.oecd_members,
    published.source_kinds,
)


def _rows(table: str) -> tuple[list[str], list[dict[str, str]]]:
    with (PUBLISHED / f"{table}.csv").open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def _clear() -> None:
    for function in CACHED:
        function.cache_clear()


@pytest.fixture
def copied(tmp_path, monkeypatch) -> Path:
    """A copy of data/published/ in tmp, read by the loaders for the test's duration; returns its folder."""
    folder = tmp_path / "data" / "published"
    shutil.copytree(PUBLISHED, folder)
    monkeypatch.setattr(published, "data_dir", lambda: tmp_path / "data")
    _clear()
    yield folder
    _clear()


def _set_cell(path: Path, row: int, column: str, value: str) -> None:
    """Rewrite one cell (``row`` counts data rows from 0), keeping every other cell as text."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame.loc[row, column] = value
    frame.to_csv(path, index=False, quoting=csv.QUOTE_ALL)


# --- every row of every table carries a valid kind -----------------------------------------------


def test_every_table_of_the_folder_is_known():
    assert sorted(p.stem for p in PUBLISHED.glob("*.csv")) == sorted(published.TABLE_KEYS)


@pytest.mark.parametrize("table", sorted(published.TABLE_KEYS))
def test_every_row_has_a_valid_source_kind(table):
    header, rows = _rows(table)
    assert header[-2:] == ["source_kind", "original_locator"]
    assert rows, f"{table} has no rows"
    bad = [(i + 2, r["source_kind"]) for i, r in enumerate(rows) if r["source_kind"] not in SOURCE_KINDS]
    assert bad == []
    # the lookup sees the same rows, one key each
    kinds = published.source_kinds(table)
    assert len(kinds) == len(rows) and kinds.index.is_unique
    assert list(kinds) == [r["source_kind"] for r in rows]


def test_loaders_return_the_kinds():
    for frame in (published.figures(), published.code_reporting_rounds(), published.ssl_list()):
        assert set(frame["source_kind"]) <= set(SOURCE_KINDS)
        assert "original_locator" in frame.columns
    assert set(published.oecd_members()["source_kind"]) == {"primary", "secondary"}


def test_counts_by_kind_are_those_documented():
    """The table of counts in data/published/SOURCE_KINDS.md says what the tables hold (no stale documentation)."""
    text = (data_dir() / "published" / "SOURCE_KINDS.md").read_text()
    documented = {}
    for line in text.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 5 and cells[0] in published.TABLE_KEYS:
            documented[cells[0]] = dict(zip(("rows", *published.SOURCE_KINDS), map(int, cells[1:]), strict=True))
    assert set(documented) == set(published.TABLE_KEYS)
    for table, counts in documented.items():
        kinds = published.source_kinds(table).value_counts()
        actual = {"rows": int(kinds.sum()), **{k: int(kinds.get(k, 0)) for k in published.SOURCE_KINDS}}
        assert actual == counts, f"SOURCE_KINDS.md counts for {table}: documented {counts}, tables hold {actual}"


# --- a bad kind is refused with the file line -----------------------------------------------------


def test_a_bad_kind_names_file_line_value_and_allowed_kinds(copied):
    path = copied / "who_code_reporting_rounds.csv"
    _set_cell(path, 4, "source_kind", "Primary")  # fifth data row: file line 6
    with pytest.raises(SchemaError) as err:
        published.code_reporting_rounds()
    message = str(err.value)
    assert message.startswith(f"{path}:line 6, column 'source_kind': 'Primary' is not a source kind.")
    assert "'primary', 'official restatement', 'secondary'" in message


@pytest.mark.parametrize("bad", ["", "press", "secondary "])
def test_empty_unknown_or_padded_kinds_are_refused_by_each_loader(copied, bad):
    _set_cell(copied / "oecd_members.csv", 0, "source_kind", bad)
    with pytest.raises(SchemaError, match=rf":line 2, column 'source_kind': {bad!r} is not a source kind"):
        published.oecd_members()
    _set_cell(copied / "who_ssl_lists.csv", 54, "source_kind", bad)
    with pytest.raises(SchemaError, match=r"who_ssl_lists.csv:line 56, column 'source_kind'"):
        published.ssl_list()
    _set_cell(copied / "who_ssl_criteria.csv", 8, "source_kind", bad)
    with pytest.raises(SchemaError, match=r"who_ssl_criteria.csv:line 10, column 'source_kind'"):
        published.source_kind("who_ssl_criteria", "2023|UHC service coverage index|test-cms.who.int")


def test_the_line_counts_cells_that_span_lines(copied):
    """A quote with a line break moves the following rows down: the message gives the line in the file."""
    path = copied / "oecd_migration_figures_trends.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame.loc[0, "quote"] = "first line\nsecond line\nthird line"
    frame.loc[3, "source_kind"] = "tertiary"
    frame.to_csv(path, index=False, quoting=csv.QUOTE_ALL)
    with pytest.raises(SchemaError, match=r"trends.csv:line 7, column 'source_kind': 'tertiary'"):
        published.figures()


def test_a_table_without_the_column_is_refused(copied):
    path = copied / "oecd_migration_figures_claim60.csv"
    pd.read_csv(path, dtype=str, keep_default_na=False).drop(columns="source_kind").to_csv(path, index=False)
    with pytest.raises(SchemaError, match=r"missing column\(s\) \['source_kind'\]"):
        published.figures()


def test_the_gsp_loader_checks_kinds_the_same_way(copied):
    path = copied / "gsp_parameters.csv"
    _set_cell(path, 2, "source_kind", "blog")
    with pytest.raises(ParameterError, match=r"line 4, column 'source_kind': 'blog' is not a source kind") as err:
        load_parameters(path)
    assert str(path) in str(err.value) and str(list(SOURCE_KINDS)) in str(err.value)
    pd.read_csv(path, dtype=str, keep_default_na=False).drop(columns="source_kind").to_csv(path, index=False)
    with pytest.raises(ParameterError, match=r"missing column\(s\) \['source_kind'\]"):
        load_parameters(path)


def test_the_gsp_table_loads_with_its_kinds():
    table = load_parameters()
    assert set(table["source_kind"]) == set(SOURCE_KINDS)
    assert table.at["discount_rate_uk_green_book", "source_kind"] == "primary"


# --- weakest_kind and source_kind -----------------------------------------------------------------


def test_weakest_kind_orders_primary_over_restatement_over_secondary():
    assert weakest_kind(["primary"]) == "primary"
    assert weakest_kind(["primary", "primary"]) == "primary"
    for kinds in itertools.permutations(SOURCE_KINDS, 2):
        assert weakest_kind(kinds) == max(kinds, key=SOURCE_KINDS.index)
    assert weakest_kind(["official restatement", "primary"]) == "official restatement"
    assert weakest_kind(iter(["primary", "secondary", "official restatement"])) == "secondary"


def test_weakest_kind_refuses_nothing_and_unknown_kinds():
    with pytest.raises(ValueError, match="at least one"):
        weakest_kind([])
    with pytest.raises(ValueError, match=r"not source kinds: \['blog'\]"):
        weakest_kind(["primary", "blog"])


def test_source_kind_of_named_rows():
    claim60 = "oecd_migration_figures_claim60"
    assert source_kind(claim60, "aceprensa2007_imo2007_fb_doctors_share_2000") == "secondary"
    assert source_kind(claim60, "imo2015_fb_doctors_share_2010") == "official restatement"
    assert source_kind(f"{claim60}.csv", "haag_total_doctors_count_2011") == "primary"
    assert source_kind("who_code_reporting_rounds", "WHOCODE-R2-BILAT") == "secondary"
    assert source_kind("who_ssl_lists", "AFG|2023") == "secondary"
    assert source_kind("oecd_members", "CRI") == "primary"
    assert source_kind("gsp_parameters", "away_track_share_palim_design") == "official restatement"
    key = "2020|list_size (not a criterion: number of countries on the list)|politicmag.net"
    assert source_kind("who_ssl_criteria", key) == "secondary"


def test_oecd_2016_totals_are_primary_with_the_ilibrary_locator():
    """Upgraded in the merge: the same sentence was read on OECD iLibrary (SOURCE_KINDS.md 1.4)."""
    figures = published.figures().set_index("figure_id")
    for profession, year in itertools.product(("doctors", "nurses"), (2000, 2013)):
        fid = f"oecd2016_total_{profession}_count_{year}"
        assert source_kind("oecd_migration_figures_claim60", fid) == "primary"
        assert "oecd-ilibrary.org/content/publication/9789264239517-en/toc" in figures.at[fid, "original_locator"]
    assert figures.at["oecd2016_total_nurses_count_2000", "value"] == 8_300_000  # values untouched


def test_source_kind_refuses_an_unknown_row_or_table():
    with pytest.raises(KeyError, match="'no_such_figure' is not a row"):
        source_kind("oecd_migration_figures_trends", "no_such_figure")
    with pytest.raises(KeyError, match="not a table of data/published"):
        source_kind("claims", "x")
