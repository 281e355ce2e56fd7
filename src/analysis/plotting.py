"""All figures of the book: one helper per figure type, seaborn on matplotlib, PNG output."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns

PALETTE = {"doctors": "#1b6ca8", "nurses": "#c0392b", "doctors_and_nurses": "#6c3483"}


def setup() -> None:
    """House style: white grid, readable fonts, figures sized for the book's column."""
    sns.set_theme(style="whitegrid", context="notebook", font_scale=0.95)
    plt.rcParams.update({"figure.dpi": 110, "savefig.bbox": "tight", "figure.figsize": (8, 4.5)})


def coverage_heatmap(matrix: pd.DataFrame, title: str, ax: plt.Axes | None = None) -> plt.Figure:
    """Countries x years presence map (dark = value present)."""
    if ax is None:
        _, ax = plt.subplots(figsize=(8, max(3.0, 0.16 * len(matrix) + 1)))
    sns.heatmap(
        matrix.astype(int), cmap=["#f2f2f2", "#1b6ca8"], cbar=False, ax=ax, linewidths=0.3, linecolor="white"
    )
    ax.set_title(title)
    ax.set_xlabel("year")
    ax.set_ylabel("country (ISO3)")
    ax.tick_params(axis="y", labelsize=7)
    return ax.figure


def countries_per_year(counts: pd.DataFrame, title: str) -> plt.Figure:
    """Line chart of the number of countries reporting each year, one line per series."""
    fig, ax = plt.subplots(figsize=(8, 4))
    sns.lineplot(data=counts, x="year", y="countries", hue="series", marker="o", ax=ax)
    ax.set_title(title)
    ax.set_ylabel("countries with a value")
    ax.legend(title=None, fontsize=8)
    return fig
