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
from matplotlib.patches import Patch
from matplotlib.ticker import MultipleLocator

from analysis.report.figures.style import (
    CATEGORY_COLOURS,
    CLAIM,
    ESTIMATE,
    GREY,
    LINE_STYLES,
    MARKERS,
    TREND,
    category_styles,
    percent_ticks,
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


#: Font sizes of the trend grid, large enough to read when the image is shrunk to a phone's width.
_GRID_FONT = {"tick": 12, "label": 12.5, "title": 14, "legend": 11.5}


def _trend_panel(ax: plt.Axes, points: pd.DataFrame, band: pd.DataFrame, styles: dict[str, dict]) -> None:
    """One series: the band and the trend, then each publication's points (hollow where not fitted)."""
    ax.fill_between(band["year"], band["low"], band["high"], color=GREY, alpha=0.25, linewidth=0)
    ax.plot(band["year"], band["fit"], color=TREND, linewidth=1.8)
    for (publication, fitted), part in points.groupby(["publication", "fitted"], sort=False):
        colour, marker = styles[publication]["color"], styles[publication]["marker"]
        ax.scatter(part["year"], part["value"], s=55, marker=marker, edgecolors=colour, linewidths=1.6,
                   facecolors=colour if fitted else "white", zorder=3)  # fmt: skip
    ax.tick_params(labelsize=_GRID_FONT["tick"])


def _trend_legend(fig: plt.Figure, styles: dict[str, dict], hollow: list[str], hollow_label: str) -> None:
    """One legend for the whole figure, below the panels, in two columns (it fits a phone's width): each
    publication, then the hollow marker of each publication with points not fitted, the trend and its band."""
    handles = [
        Line2D([], [], linestyle="", marker=st["marker"], color=st["color"], markersize=8, label=name)
        for name, st in styles.items()
    ]
    handles += [
        Line2D([], [], linestyle="", marker=styles[name]["marker"], markerfacecolor="white", markersize=8,
               markeredgecolor=styles[name]["color"], markeredgewidth=1.6, label=hollow_label)
        for name in hollow
    ]  # fmt: skip
    handles += [
        Line2D([], [], color=TREND, linewidth=1.8, label="log-linear trend"),
        Patch(facecolor=GREY, alpha=0.25, label="95% confidence band"),
    ]  # fmt: skip
    fig.legend(handles=handles, loc="outside lower center", ncol=2, frameon=False, fontsize=_GRID_FONT["legend"])


def published_trends(
    panels: list[pd.DataFrame], bands: list[pd.DataFrame], publications: list[str], hollow_label: str
) -> plt.Figure:
    """Published series as a 2 x 2 grid: rows share (%) and number, columns doctors and nurses, ``panels``
    and ``bands`` in that order (doctors' share, nurses' share, doctors, nurses). Each publication keeps one
    colour and marker in every panel (``publications`` gives the order); points with ``fitted`` false are
    hollow (``hollow_label`` says why). Whole-year ticks, shares with "%", counts with thousands separators."""
    styles = category_styles(publications)
    fig, axes = plt.subplots(2, 2, figsize=(6.2, 8.4), sharex=True, sharey="row", layout="constrained")
    for ax, points, band in zip(axes.flat, panels, bands, strict=True):
        _trend_panel(ax, points, band, styles)
    for ax, title in zip(axes[0], ("Doctors", "Nurses"), strict=True):
        ax.set_title(title, fontsize=_GRID_FONT["title"], fontweight="bold")
    axes[0, 0].set_ylabel("share foreign-trained", fontsize=_GRID_FONT["label"])
    axes[1, 0].set_ylabel("number foreign-trained", fontsize=_GRID_FONT["label"])
    percent_ticks(axes[0, 0].yaxis)
    thousands_ticks(axes[1, 0].yaxis)
    axes[1, 0].yaxis.set_major_locator(MultipleLocator(100_000))
    for ax in axes[1]:
        year_ticks(ax.xaxis, step=4)
    unfitted = pd.concat(panels).query("not fitted")["publication"]
    _trend_legend(fig, styles, [name for name in styles if name in set(unfitted)], hollow_label)
    return fig


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
