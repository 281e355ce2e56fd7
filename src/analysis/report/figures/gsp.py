"""Figures of the Global Skill Partnership chapter (seaborn on matplotlib), drawn from :mod:`analysis.gsp`."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib.colors import ListedColormap
from matplotlib.patches import Patch

from analysis.gsp.model import ACTOR_LABELS, ACTORS, COUNTERFACTUALS
from analysis.report.figures.style import CATEGORY_COLOURS

CF_COLOURS = {"domestic": "#1b6ca8", "recruit": "#e67e22"}


def npv_distributions(sim: pd.DataFrame, scale: float = 1000.0, max_draws: int = 20_000) -> plt.Figure:
    """One panel per actor (and the total): histograms of the NPV draws under each counterfactual."""
    draws = sim.iloc[:max_draws]
    panels = [*ACTORS, "total"]
    fig, grid = plt.subplots(2, 3, figsize=(11, 5.6))
    axes = grid.ravel()
    for ax, actor in zip(axes, panels, strict=True):
        long = pd.concat(
            [
                pd.DataFrame({"NPV": draws[f"{actor}_{cf}"] / scale, "counterfactual": label})
                for cf, label in COUNTERFACTUALS.items()
            ],
            ignore_index=True,
        )
        sns.histplot(
            data=long,
            x="NPV",
            hue="counterfactual",
            palette=list(CF_COLOURS.values()),
            element="step",
            stat="density",
            common_norm=False,
            bins=50,
            ax=ax,
            legend=actor == panels[-1],
        )
        ax.axvline(0, color="black", linewidth=0.8)
        ax.set_title(ACTOR_LABELS[actor])
        ax.set_xlabel("")
        ax.set_ylabel("")
        ax.set_yticks([])
    legend = axes[-1].get_legend()
    if legend is not None:
        sns.move_legend(axes[-1], "upper left", bbox_to_anchor=(1.02, 1), title=None, fontsize=8)
    fig.supxlabel("NPV, thousand EUR per away-track migrant (0 = no gain, no loss)", fontsize=10)
    fig.tight_layout()
    return fig


def tornado(frame: pd.DataFrame, titles: dict[str, str], scale_label: str = "thousand EUR per migrant"):
    """One panel per output: bars from the central value to the value at each input's low and high end."""
    outputs = list(titles)
    ncols = 2 if len(outputs) > 2 else len(outputs)
    nrows = -(-len(outputs) // ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(5.2 * ncols, 2.9 * nrows), squeeze=False)
    flat = axes.ravel()
    for ax in flat[len(outputs) :]:
        ax.set_visible(False)
    for ax, output in zip(flat, outputs, strict=False):
        rows = frame[(frame["output"] == output) & (frame["swing"] > 0)].iloc[::-1]
        centre = float(frame.loc[frame["output"] == output, "central"].iloc[0])
        y = np.arange(len(rows))
        ax.barh(y, rows["at low"] - centre, left=centre, color="#7fb3d5", label="input at its low end")
        ax.barh(y, rows["at high"] - centre, left=centre, color="#1b4f72", label="input at its high end", alpha=0.8)
        ax.axvline(centre, color="black", linewidth=0.8)
        ax.axvline(0, color="#c0392b", linewidth=0.8, linestyle="--")
        ax.set_yticks(y)
        ax.set_yticklabels(rows["label"] if "label" in rows else rows["input"], fontsize=9)
        ax.set_title(titles[output], fontsize=10)
    fig.supxlabel(scale_label, fontsize=10)
    handles, names = flat[0].get_legend_handles_labels()
    fig.legend(handles, names, fontsize=8, loc="upper center", ncol=2, bbox_to_anchor=(0.5, 1.04))
    fig.tight_layout()
    return fig


def all_gain_map(
    grid: pd.DataFrame,
    design: tuple[float, float],
    realised_take_up: tuple[float, float],
    realised_home_share: float,
) -> plt.Figure:
    """Who loses, over take-up x home-track share, one panel per counterfactual.

    ``design`` marks the CGD design case (take-up, home share); PALIM's interim take-up range is drawn
    as a thick line at its home-track share.
    """
    categories = sorted(grid["losers"].unique(), key=lambda c: (c != "none: all gain", c.count("+"), c))
    palette = list(CATEGORY_COLOURS)  # Okabe-Ito, checked under simulated deuteranopia
    colours = dict(zip(categories, palette, strict=False))
    codes = {c: i for i, c in enumerate(categories)}
    labels = list(COUNTERFACTUALS.values())
    fig, axes = plt.subplots(1, len(labels), figsize=(11, 4.2), sharey=True)
    for ax, label in zip(axes, labels, strict=True):
        part = grid[grid["counterfactual"] == label]
        table = part.pivot(index="home_share", columns="take_up", values="losers").map(codes.get)
        ax.pcolormesh(
            table.columns,
            table.index,
            table.to_numpy(),
            cmap=ListedColormap([colours[c] for c in categories]),
            vmin=-0.5,
            vmax=len(categories) - 0.5,
            shading="nearest",
        )
        ax.plot(*design, marker="*", color="black", markersize=13, linestyle="")
        ax.annotate("CGD design", design, xytext=(-75, 8), textcoords="offset points", fontsize=8)
        (x0, x1), y = realised_take_up, realised_home_share
        ax.plot([x0, x1], [y, y], color="black", linewidth=5, solid_capstyle="butt")
        ax.annotate("PALIM, interim", (x1, y), xytext=(6, 6), textcoords="offset points", fontsize=8)
        ax.set_title(label, fontsize=10)
    fig.supxlabel("take-up: share of away-track trainees who work in the destination", fontsize=10)
    axes[0].set_ylabel("home-track share of trainees")
    handles = [Patch(color=colours[c], label=f"loses: {c}" if c != "none: all gain" else c) for c in categories]
    axes[-1].legend(handles=handles, fontsize=8, loc="upper left", bbox_to_anchor=(1.02, 1))
    fig.tight_layout()
    return fig


def npv_histogram_data(
    sim: pd.DataFrame, scale: float = 1000.0, max_draws: int = 20_000, bins: int = 50
) -> pd.DataFrame:
    """The data behind :func:`npv_distributions`: per party and counterfactual, the histogram's bins (lower
    and upper edge, thousand EUR) and the share of the draws in each."""
    draws = sim.iloc[:max_draws]
    frames = []
    for actor in [*ACTORS, "total"]:
        for cf, label in COUNTERFACTUALS.items():
            values = draws[f"{actor}_{cf}"].to_numpy() / scale
            counts, edges = np.histogram(values, bins=bins)
            frames.append(
                pd.DataFrame(
                    {
                        "party": ACTOR_LABELS[actor],
                        "counterfactual": label,
                        "from (thousand EUR)": edges[:-1],
                        "to (thousand EUR)": edges[1:],
                        "share of draws": counts / len(values),
                    }
                )
            )
    return pd.concat(frames, ignore_index=True)
