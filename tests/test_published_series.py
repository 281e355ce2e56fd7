"""The published OECD-wide series of chapter 2: the order of publications, the span of years, the table of
every datum, and the data behind the trend figure."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis import published_series as ps


def test_publications_are_ordered_by_the_year_in_their_name():
    names = pd.Series(["IMO 2025 (secondary)", "Health at a Glance 2019", "OECD 2019 Recent trends",
                       "IMO 2015 (secondary)", "Health at a Glance 2019", "undated"])  # fmt: skip
    assert ps.publication_order(names) == [
        "IMO 2015 (secondary)", "Health at a Glance 2019", "OECD 2019 Recent trends", "IMO 2025 (secondary)",
        "undated",
    ]  # fmt: skip


def test_years_text():
    assert ps.years_text(2016.0, 2016.0) == "2016"
    assert ps.years_text(2021.0, 2023.0) == "2021–2023"


def test_points_table_keeps_shares_and_counts_apart():
    def frame(values, series):
        n = len(values)
        return pd.DataFrame({"year": [2011.0] * n, "year_start": [2011.0] * n, "year_end": [2012.0] * n,
                             "value": values, "series": series, "publication": "P 2019",
                             "fitted": [s != ps.NOT_FITTED for s in series]})  # fmt: skip

    table = ps.points_table({
        "doctors_share": frame([14.0, 15.0], ["country average", ps.NOT_FITTED]),
        "doctors_count": frame([424_000.0], ["count"]),
    })  # fmt: skip
    assert len(table) == 3
    assert table["share"].notna().tolist() == [True, True, False]
    assert table["number"].tolist()[2] == 424_000.0
    assert table["concept"].tolist() == ["country average", ps.NOT_FITTED, "count"]
    assert table["fitted"].tolist() == [True, False, True]
    assert set(table["years"]) == {"2011–2012"}


def test_panels_fit_every_point_but_the_pooled_panel_shares():
    panels = ps.panels()
    assert list(panels) == list(ps.PANELS)
    for frame in panels.values():
        assert (frame["fitted"] == (frame["series"] != ps.NOT_FITTED)).all()
        assert frame["publication"].notna().all()
    bands = ps.bands(panels)
    for key, band in bands.items():
        fitted = panels[key][panels[key]["fitted"]]
        assert band["year"].min() == fitted["year"].min() and band["year"].max() == fitted["year"].max()
        assert np.all(band["low"] <= band["fit"]) and np.all(band["fit"] <= band["high"])
