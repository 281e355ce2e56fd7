"""Reading and validating the GSP parameter table (analysis.gsp.parameter_table), on synthetic CSV fixtures."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from analysis.gsp.parameter_table import REQUIRED_COLUMNS, ParameterError, load_parameters, value


def _write_parameters(path: Path, **changes) -> Path:
    """A synthetic two-row parameter file; ``changes`` maps 'row:column' to a new cell value."""
    rows = [
        {col: "" for col in REQUIRED_COLUMNS}
        | {
            "parameter": "synthetic_cost",
            "description": "synthetic training cost (test fixture)",
            "central": "1000",
            "unit": "EUR",
            "currency": "EUR",
            "publication": "synthetic",
            "locator": "none",
            "quote": "none",
            "url": "https://example.org",
            "source_kind": "primary",
        },
        {col: "" for col in REQUIRED_COLUMNS}
        | {
            "parameter": "synthetic_share",
            "description": "synthetic share (test fixture)",
            "low": "0.2",
            "central": "0.5",
            "high": "0.8",
            "unit": "share",
            "publication": "synthetic",
            "locator": "none",
            "quote": "none",
            "url": "https://example.org",
            "source_kind": "primary",
        },
    ]
    for key, new in changes.items():
        index, column = key.split(":")
        rows[int(index)][column] = new
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=REQUIRED_COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_synthetic_file_loads(tmp_path):
    table = load_parameters(_write_parameters(tmp_path / "p.csv"))
    assert value(table, "synthetic_cost") == 1000
    assert table.at["synthetic_share", "line"] == 3


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"0:central": "-1000"}, r"line 2, column 'central': negative cost or amount -1000 .*synthetic_cost"),
        ({"1:low": "0.9"}, r"line 3, columns 'low'/'high': low 0.9 > high 0.8 .*synthetic_share"),
        ({"0:currency": "EURO"}, r"line 2, column 'currency': unknown currency 'EURO' .*synthetic_cost"),
        ({"1:central": "0.95"}, r"line 3, column 'central': 0.95 outside \[low, high\]"),
        ({"1:high": "lots"}, r"line 3, column 'high': cannot read 'lots' as a number"),
        ({"1:parameter": "synthetic_cost"}, r"line 3: parameter 'synthetic_cost' already defined on line 2"),
        ({"0:quote": ""}, r"line 2, column 'quote': empty"),
    ],
)
def test_invalid_parameters_raise_clear_value_errors(tmp_path, changes, message):
    path = _write_parameters(tmp_path / "p.csv", **changes)
    with pytest.raises(ValueError, match=message) as info:
        load_parameters(path)
    assert str(path) in str(info.value)


def test_missing_file_and_column(tmp_path):
    with pytest.raises(ParameterError, match="not found"):
        load_parameters(tmp_path / "absent.csv")
    path = _write_parameters(tmp_path / "p.csv")
    pd.read_csv(path).drop(columns="currency").to_csv(path, index=False)
    with pytest.raises(ParameterError, match=r"missing column\(s\) \['currency'\]"):
        load_parameters(path)


def test_value_names_empty_field(tmp_path):
    table = load_parameters(_write_parameters(tmp_path / "p.csv"))
    with pytest.raises(ParameterError, match="line 2, column 'high': empty for parameter 'synthetic_cost'"):
        value(table, "synthetic_cost", "high")
    with pytest.raises(KeyError, match="no_such_row"):
        value(table, "no_such_row")
