"""Figure of the Swiss medical register: licences by year of first licence, window of the trend marked."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from analysis.report.figures.style import LINE_STYLES, MARKERS, OKABE_ITO, year_ticks

COLOURS = {"foreign diploma": OKABE_ITO["vermillion"], "Swiss diploma": OKABE_ITO["blue"]}
STYLES = {"foreign diploma": ("-", "o"), "Swiss diploma": ("--", "s")}


def licences_chart(by_year: pd.DataFrame, by_country: pd.DataFrame, window: tuple[int, int],
                   since: int = 1980) -> plt.Figure:  # fmt: skip
    """Left: doctors by year of first licence, foreign vs Swiss diploma, trend window shaded.
    Right: foreign-diploma doctors by country of diploma (English names) over the same years."""
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.2), gridspec_kw={"width_ratios": [1.35, 1]})
    shown = by_year[by_year["year"] >= since]
    for column, label in (("foreign", "foreign diploma"), ("swiss", "Swiss diploma")):
        style, marker = STYLES[label]
        left.plot(shown["year"], shown[column], marker=marker, markersize=3, color=COLOURS[label], linestyle=style,
                  label=label)  # fmt: skip
    left.axvspan(window[0] - 0.5, window[1] + 0.5, color="#7f8c8d", alpha=0.15, label="window of the trend fit")
    left.set_xlabel("year of first licence (doctors still licensed at the end of 2016)")
    left.set_ylabel("doctors")
    left.set_title("Doctors licensed in Switzerland, by diploma", fontsize=10)
    left.legend(fontsize=8, loc="upper left")
    countries = by_country.set_index("year")
    for i, name in enumerate(countries.columns):
        right.plot(countries.index, countries[name], marker=MARKERS[i % len(MARKERS)], markersize=3,
                   linestyle=LINE_STYLES[i % len(LINE_STYLES)], label=name)  # fmt: skip
    right.axvspan(window[0] - 0.5, window[1] + 0.5, color="#7f8c8d", alpha=0.15)
    right.set_xlabel("year of first licence")
    right.set_ylabel("doctors with a foreign diploma")
    right.set_title("Foreign diplomas by country of diploma", fontsize=10)
    right.legend(fontsize=7.5, loc="upper left", title="country of diploma", title_fontsize=7.5)
    for axis in (left.xaxis, right.xaxis):
        year_ticks(axis)
    fig.tight_layout()
    return fig
