"""Chart types shared by several chapters (coverage maps, interval plots, bars, lines).

Countries are labelled with names (convert codes with :func:`analysis.data.countries.name_countries` before
plotting); colours, line styles and markers come from :mod:`analysis.report.figures.style`.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib.lines import Line2D

from analysis.report.figures.style import (
    CATEGORY_COLOURS,
    CLAIM,
    ESTIMATE,
    GREY,
    LINE_STYLES,
    MARKERS,
    thousands_ticks,
    year_ticks,
)


def coverage_heatmap(matrix: pd.DataFrame, title: str, ax: plt.Axes | None = None) -> plt.Figure:
    """Countries (named) x years presence map (dark = value present)."""
    if ax is None:
        _, ax = plt.subplots(figsize=(8, max(3.0, 0.16 * len(matrix) + 1)))
    sns.heatmap(matrix.astype(int), cmap=["#f2f2f2", ESTIMATE], cbar=False, ax=ax, linewidths=0.3, linecolor="white")
    ax.set_title(title)
    ax.set_xlabel("year")
    ax.set_ylabel("country")
    ax.tick_params(axis="y", labelsize=7)
    return ax.figure


def countries_per_year(counts: pd.DataFrame, title: str) -> plt.Figure:
    """Line chart of the number of countries reporting each year, one line per series."""
    fig, ax = plt.subplots(figsize=(8, 4))
    for i, (series, part) in enumerate(counts.groupby("series", sort=False)):
        ax.plot(part["year"], part["countries"], color=CATEGORY_COLOURS[i], linestyle=LINE_STYLES[i],
                marker=MARKERS[i], markersize=3, label=series)  # fmt: skip
    year_ticks(ax.xaxis)
    ax.set_xlabel("year")
    ax.set_title(title)
    ax.set_ylabel("countries with a value")
    ax.legend(title=None, fontsize=8)
    return fig


def growth_intervals(table: pd.DataFrame, title: str) -> plt.Figure:
    """Horizontal interval plot of annualised growth: one row per series, claim highlighted."""
    colours = {"claim": CLAIM, "our estimate": ESTIMATE, "published": GREY}
    markers = {"claim": "D", "our estimate": "o", "published": "s"}
    fig, ax = plt.subplots(figsize=(8.5, 0.55 * len(table) + 1.2))
    for i, row in enumerate(table.itertuples(index=False)):
        y = len(table) - 1 - i
        colour = colours[row.kind]
        ax.plot([row.low_per_year, row.high_per_year], [y, y], color=colour, linewidth=3, alpha=0.6)
        ax.plot(row.growth_per_year, y, markers[row.kind], color=colour, markersize=7)
    claim = table.loc[table["kind"] == "claim", "growth_per_year"]
    if len(claim):
        ax.axvline(float(claim.iloc[0]), color=colours["claim"], linestyle="--", linewidth=1)
    ax.set_yticks(range(len(table)))
    ax.set_yticklabels(list(table["series"])[::-1], fontsize=8)
    ax.set_xlabel("average growth per year, %")
    ax.set_title(title)
    return fig


def decomposition_bars(frame: pd.DataFrame, title: str) -> plt.Figure:
    """Stacked bars of log-point contributions per profession."""
    wide = frame.pivot(index="profession", columns="component", values="log points")
    fig, ax = plt.subplots(figsize=(7, 3.6))
    wide.plot(kind="barh", stacked=True, ax=ax, color=CATEGORY_COLOURS[:2], width=0.6, edgecolor="white")
    for patch in ax.containers[-1]:
        patch.set_hatch("//")
    ax.set_xlabel("log points (100 x log change), 2000/01 to 2010/11")
    ax.set_ylabel("")
    ax.set_title(title)
    ax.legend(title=None, fontsize=8, loc="lower right")
    return fig


def published_trend(points: pd.DataFrame, band: pd.DataFrame, title: str, ylabel: str, ax=None) -> plt.Axes:
    """Published points (marker per publication) with the fitted log-linear trend and its band."""
    if ax is None:
        _, ax = plt.subplots(figsize=(6, 4))
    ax.fill_between(band["year"], band["low"], band["high"], color=ESTIMATE, alpha=0.18, label="95% band")
    ax.plot(band["year"], band["fit"], color=ESTIMATE, linewidth=1.5, marker="", label="log-linear trend")
    sns.scatterplot(data=points, x="year", y="value", hue="publication", style="publication", s=60, ax=ax,
                    palette=CATEGORY_COLOURS[1 : 1 + points["publication"].nunique()])  # fmt: skip
    year_ticks(ax.xaxis)
    thousands_ticks(ax.yaxis)
    ax.set_title(title, fontsize=10)
    ax.set_ylabel(ylabel)
    ax.set_xlabel("year")
    ax.legend(fontsize=6.5, loc="upper left")
    return ax


def forest(table: pd.DataFrame, label_col: str, title: str, xlabel: str) -> plt.Figure:
    """Point estimates with 95% intervals, one row per item (columns growth_pct, low_pct, high_pct)."""
    ordered = table.sort_values("growth_pct", kind="stable")
    fig, ax = plt.subplots(figsize=(7, 0.28 * len(ordered) + 1.3))
    y = np.arange(len(ordered))
    ax.errorbar(
        ordered["growth_pct"],
        y,
        xerr=[ordered["growth_pct"] - ordered["low_pct"], ordered["high_pct"] - ordered["growth_pct"]],
        fmt="o",
        color=ESTIMATE,
        ecolor="#7fb3d5",
        markersize=4,
        capsize=2,
    )
    ax.axvline(0, color="#555", linewidth=0.8)
    ax.set_yticks(y)
    ax.set_yticklabels(ordered[label_col], fontsize=8)
    ax.set_xlabel(xlabel)
    ax.set_title(title)
    return fig


def share_bars(table: pd.DataFrame, title: str) -> plt.Figure:
    """Foreign-trained share of doctors by destination, horizontal bars."""
    ordered = table.sort_values("share_pct", kind="stable")
    fig, ax = plt.subplots(figsize=(7, 0.3 * len(ordered) + 1.2))
    labels = [f"{r.iso3} ({r.year})" for r in ordered.itertuples()]
    ax.barh(labels, ordered["share_pct"], color=ESTIMATE)
    ax.set_xlabel("foreign-trained doctors, % of all doctors")
    ax.set_title(title)
    ax.tick_params(axis="y", labelsize=8)
    return fig


def composition_bars(composition: pd.DataFrame, dimension: str, title: str) -> plt.Figure:
    """Share of foreign-trained doctors by origin group, one bar per destination scope."""
    subset = composition[composition["dimension"] == dimension].copy()
    subset["scope"] = subset["destinations"] + " (" + subset["year"].astype(str) + ")"
    subset["share_pct"] = 100 * subset["share"]
    fig, ax = plt.subplots(figsize=(8, 3.8))
    sns.barplot(data=subset, y="group", x="share_pct", hue="scope", ax=ax, palette=CATEGORY_COLOURS[:2])
    for container, hatch in zip(ax.containers, ("", "//"), strict=False):
        for patch in container:
            patch.set_hatch(hatch)
    ax.set_xlabel("% of foreign-trained doctors")
    ax.set_ylabel("")
    ax.set_title(title)
    ax.legend(title=None, fontsize=8)
    return fig


def density_lines(density: pd.DataFrame, title: str, ylabel: str) -> plt.Figure:
    """Workforce density over time: one colour and marker per country, one line style per indicator
    (columns country, year, value, indicator), with one legend for countries and one for indicators."""
    fig, ax = plt.subplots(figsize=(8, 4.6))
    places = list(dict.fromkeys(density["country"]))
    indicators = list(dict.fromkeys(density["indicator"]))
    styles = dict(zip(indicators, ("-", "--", ":"), strict=False))
    for i, place in enumerate(places):
        for indicator in indicators:
            part = density[(density["country"] == place) & (density["indicator"] == indicator)]
            part = part.sort_values("year", kind="stable")
            ax.plot(part["year"], part["value"], color=CATEGORY_COLOURS[i % len(CATEGORY_COLOURS)],
                    linestyle=styles[indicator], marker=MARKERS[i % len(MARKERS)], markersize=3)  # fmt: skip
    country_handles = [
        Line2D([], [], color=CATEGORY_COLOURS[i % len(CATEGORY_COLOURS)], marker=MARKERS[i % len(MARKERS)], label=p)
        for i, p in enumerate(places)
    ]
    style_handles = [Line2D([], [], color="black", linestyle=styles[k], label=k) for k in indicators]
    first = ax.legend(handles=country_handles, title="Country", fontsize=7, title_fontsize=8, loc="upper left")
    ax.add_artist(first)
    ax.legend(handles=style_handles, title="Density of", fontsize=7, title_fontsize=8, loc="upper center")
    year_ticks(ax.xaxis)
    ax.set_xlabel("year")
    ax.set_title(title)
    ax.set_ylabel(ylabel)
    return fig
