"""The book's figure style: a colour-blind-safe palette (Okabe-Ito) with line styles and markers, integer
year ticks and thousands separators, applied once per notebook by :func:`setup`."""

from __future__ import annotations

import matplotlib.pyplot as plt
import seaborn as sns
from cycler import cycler
from matplotlib.axis import Axis
from matplotlib.ticker import FuncFormatter, MaxNLocator

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


def year_ticks(axis: Axis) -> None:
    """Whole years on ``axis`` (no "2007.5"), without thousands separators."""
    axis.set_major_locator(MaxNLocator(integer=True))
    axis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:.0f}"))


def thousands_ticks(axis: Axis) -> None:
    """Tick labels with thousands separators ("600,000", not "600000")."""
    axis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}" if abs(v) >= 1000 or v == int(v) else f"{v:g}"))
