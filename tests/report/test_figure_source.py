"""The source line and CSV download under each figure (analysis.report.figures.source)."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.report.figures import source


@pytest.fixture
def root(tmp_path, monkeypatch):
    monkeypatch.setenv("HWM_PROJECT_ROOT", str(tmp_path))
    return tmp_path


def test_figure_source_writes_csv_and_links_it(root):
    frame = pd.DataFrame({"country": ["Israel"], "share": [56.123456789], "doctors": [1234567.0]})
    html = source.figure_source(frame, "trends-shares", "OECD, HEALTH_WFMI").data
    written = root / source.DATA_FOLDER / "trends-shares.csv"
    assert written.read_text().splitlines() == ["country,share,doctors", "Israel,56.123457,1234567"]
    assert 'href="../_static/data/trends-shares.csv"' in html and "Source: OECD, HEALTH_WFMI." in html
    assert source.figure_data_files().to_dict("records") == [{"file": "trends-shares.csv", "rows": 1}]


def test_figure_data_names_are_safe(root):
    with pytest.raises(ValueError, match="lower-case"):
        source.write_figure_data(pd.DataFrame({"a": [1]}), "../Escape")
