"""Reader tables of the GSP chapter (analysis.report.gsp_tables), on a synthetic summary (not model output)."""

from __future__ import annotations

import pandas as pd

from analysis.gsp.model import COUNTERFACTUALS
from analysis.report.gsp_tables import SHORT_COUNTERFACTUALS, designs_for_readers, summary_for_readers


def test_every_counterfactual_has_a_short_name():
    assert set(SHORT_COUNTERFACTUALS) == set(COUNTERFACTUALS.values())


def test_summary_writes_intervals_and_shares_for_readers():
    summary = pd.DataFrame(
        {
            "counterfactual": [COUNTERFACTUALS["domestic"]],
            "actor": ["destination"],
            "central case": [31.64],
            "median": [29.13],
            "low": [-2.05],
            "high": [1057.3],
            "% of draws with a gain": [98.6],
        }
    )
    row = summary_for_readers(summary).iloc[0]
    assert row["Against"] == "(a) train at home"
    assert row["Median (95% of draws), thousand EUR"] == "29.1 (-2.0 to 1,057.3)"
    assert row["Draws with a gain (%)"] == "99"


def test_design_table_has_one_column_per_party_and_no_codes():
    cols = {f"{a} {s}": [1.0] for a in ("destination", "origin", "migrant") for s in ("median", "low", "high")}
    frame = pd.DataFrame(
        {"design case": ["CGD design case"], "counterfactual": [COUNTERFACTUALS["recruit"]], **cols}
    ).assign(**{"% of draws: parties all gain": [0.0]})
    out = designs_for_readers(frame)
    assert list(out.columns[:2]) == ["Design case", "Against"]
    assert out.iloc[0]["Against"] == "(b) recruit"
    assert out.iloc[0]["Destination, thousand EUR"] == "1.0 (every draw)"  # no spread: no interval shown


def test_input_amounts_are_written_for_people():
    from analysis.report.gsp_tables import amount_text

    assert amount_text(42000.0) == "42,000"
    assert amount_text(0.035) == "0.035"
    assert amount_text(5.54366) == "5.54"
