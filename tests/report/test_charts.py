"""The main trend chart of chapter 2 and the style helpers it uses: one look per publication in every
panel, one legend, whole-year ticks, shares with "%" and counts with thousands separators."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from analysis.report.figures import charts, style


def _panel(publications, years, values, fitted=None):
    return pd.DataFrame({
        "year": np.asarray(years, float), "value": np.asarray(values, float), "publication": publications,
        "fitted": [True] * len(years) if fitted is None else fitted,
    })  # fmt: skip


def _band(low, high, level):
    years = np.linspace(low, high, 5)
    return pd.DataFrame({"year": years, "fit": level, "low": 0.9 * level, "high": 1.1 * level})


@pytest.fixture()
def figure():
    panels = [
        _panel(["A 2019", "B 2021", "C 2016"], [2007, 2013, 2021.5], [14.0, 16.0, 19.0], [True, True, False]),
        _panel(["B 2021", "A 2019"], [2011, 2019], [5.0, 8.0]),
        _panel(["C 2016", "A 2019"], [2011, 2013.5], [424_000, 606_000]),
        _panel(["A 2019", "C 2016"], [2011, 2022], [461_000, 733_000]),
    ]
    bands = [_band(2007, 2022, 16.0), _band(2011, 2019, 6.0), _band(2011, 2022, 5e5), _band(2011, 2022, 6e5)]
    fig = charts.published_trends(panels, bands, ["C 2016", "A 2019", "B 2021"], "not fitted")
    fig.canvas.draw()
    yield fig
    plt.close(fig)


def test_a_publication_looks_the_same_in_every_panel(figure):
    looks: dict[tuple, set] = {}
    for ax in figure.axes:
        for collection in ax.collections[1:]:  # the first is the band
            colour = tuple(np.round(collection.get_edgecolor()[0], 3))
            path = tuple(map(tuple, np.round(collection.get_paths()[0].vertices, 3)))
            looks.setdefault(colour, set()).add(path)
    assert len(looks) == 3
    assert all(len(paths) == 1 for paths in looks.values())


def test_one_legend_for_the_figure_with_every_publication(figure):
    assert all(ax.get_legend() is None for ax in figure.axes)
    assert len(figure.legends) == 1
    labels = [text.get_text() for text in figure.legends[0].get_texts()]
    assert labels[:3] == ["C 2016", "A 2019", "B 2021"]
    assert "not fitted" in labels and "log-linear trend" in labels


def test_ticks_are_whole_years_percentages_and_separated_thousands(figure):
    bottom_left = figure.axes[2]
    years = [t.get_text() for t in bottom_left.get_xticklabels() if t.get_text()]
    assert years and all(y.isdigit() and len(y) == 4 for y in years)
    shares = [t.get_text() for t in figure.axes[0].get_yticklabels() if t.get_text()]
    assert shares and all(s.endswith("%") for s in shares)
    counts = [t.get_text() for t in bottom_left.get_yticklabels() if t.get_text()]
    assert counts and all("," in c for c in counts if len(c) > 3)
    assert any(c == "500,000" for c in counts)


def test_category_styles_are_stable_distinct_and_bounded():
    first = style.category_styles(["x", "y", "x", "z"])
    assert list(first) == ["x", "y", "z"]
    assert first == style.category_styles(["x", "y", "z"])
    assert len({v["marker"] for v in first.values()}) == 3
    assert len({v["color"] for v in first.values()}) == 3
    with pytest.raises(ValueError, match="8 categories"):
        style.category_styles([str(i) for i in range(8)])


def test_tick_formatters():
    fig, ax = plt.subplots()
    style.year_ticks(ax.xaxis, step=4)
    style.percent_ticks(ax.yaxis)
    assert ax.xaxis.get_major_formatter()(2008.0, 0) == "2008"
    assert ax.yaxis.get_major_formatter()(15.0, 0) == "15%"
    assert ax.yaxis.get_major_formatter()(2.5, 0) == "2.5%"
    style.thousands_ticks(ax.yaxis)
    assert ax.yaxis.get_major_formatter()(600_000.0, 0) == "600,000"
    plt.close(fig)
