"""The book's figure style: a colour-blind-safe palette (Okabe-Ito) with line styles and markers, integer
year ticks and thousands separators, applied once per notebook by :func:`setup`."""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt
import seaborn as sns
from cycler import cycler
from matplotlib.axis import Axis
from matplotlib.ticker import FuncFormatter, MaxNLocator, MultipleLocator

#: Okabe and Ito (2008), "Color Universal Design": distinguishable with the common colour-vision
#: deficiencies. Order of use for categories; yellow comes last (weak on white).
OKABE_ITO = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "bluish green": "#009E73",
    "vermillion": "#D55E00",
    "sky blue": "#56B4E9",
    "reddish purple": "#CC79A7",
    "black": "#000000",
    "yellow": "#F0E442",
}
#: Colours for categories, in order (checked under simulated deuteranopia by the tests).
CATEGORY_COLOURS = [OKABE_ITO[name] for name in ("blue", "orange", "bluish green", "vermillion", "sky blue",
                                                 "reddish purple", "black")]  # fmt: skip
#: Line styles and markers paired with the colours, so that no category relies on colour alone.
LINE_STYLES = ["-", "--", "-.", ":", (0, (5, 1, 1, 1)), (0, (3, 1, 1, 1, 1, 1)), (0, (1, 2))]
MARKERS = ["o", "s", "^", "D", "v", "P", "X"]
PALETTE = {
    "doctors": OKABE_ITO["blue"],
    "nurses": OKABE_ITO["vermillion"],
    "doctors_and_nurses": OKABE_ITO["reddish purple"],
}
#: Neutral grey for context (published points, bands, shading) and the colour of a claimed value.
GREY = "#7f7f7f"
#: A fitted trend line drawn over coloured categories (dark grey: none of the category colours).
TREND = "#3a3a3a"
CLAIM = OKABE_ITO["vermillion"]
ESTIMATE = OKABE_ITO["blue"]


def setup() -> None:
    """House style: white grid, readable fonts, the Okabe-Ito colours as the default colour cycle."""
    sns.set_theme(style="whitegrid", context="notebook", font_scale=0.95)
    plt.rcParams.update(
        {
            "figure.dpi": 110,
            "savefig.bbox": "tight",
            "figure.figsize": (8, 4.5),
            # colours only: a line style or marker in the cycle would also restyle interval bars and
            # reference lines; charts pair CATEGORY_COLOURS with LINE_STYLES and MARKERS explicitly
            "axes.prop_cycle": cycler(color=CATEGORY_COLOURS),
            "figure.facecolor": "white",
        }
    )


def year_ticks(axis: Axis, step: int | None = None) -> None:
    """Whole years on ``axis`` (no "2007.5"), without thousands separators; every ``step`` years if given."""
    axis.set_major_locator(MultipleLocator(step) if step else MaxNLocator(integer=True))
    axis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:.0f}"))


def thousands_ticks(axis: Axis) -> None:
    """Tick labels with thousands separators ("600,000", not "600000")."""
    axis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}" if abs(v) >= 1000 or v == int(v) else f"{v:g}"))


def percent_ticks(axis: Axis) -> None:
    """Tick labels of a percentage axis with their sign ("15%"), whole numbers where the ticks are whole."""
    axis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:.0f}%" if v == round(v) else f"{v:g}%"))


def category_styles(names: Sequence[str]) -> dict[str, dict[str, object]]:
    """One colour, marker and line style per category, in the order given. Build it once from every
    category a figure shows and use it in all its panels, so that a category looks the same everywhere."""
    distinct = list(dict.fromkeys(names))
    if len(distinct) > len(CATEGORY_COLOURS):
        raise ValueError(f"{len(distinct)} categories, but the style has {len(CATEGORY_COLOURS)} colours")
    return {
        name: {"color": CATEGORY_COLOURS[i], "marker": MARKERS[i], "linestyle": LINE_STYLES[i]}
        for i, name in enumerate(distinct)
    }
