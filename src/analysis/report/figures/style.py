"""The book's figure style: palette and matplotlib/seaborn settings, applied once per notebook."""

from __future__ import annotations

import matplotlib.pyplot as plt
import seaborn as sns

PALETTE = {"doctors": "#1b6ca8", "nurses": "#c0392b", "doctors_and_nurses": "#6c3483"}


def setup() -> None:
    """House style: white grid, readable fonts, figures sized for the book's column."""
    sns.set_theme(style="whitegrid", context="notebook", font_scale=0.95)
    plt.rcParams.update({"figure.dpi": 110, "savefig.bbox": "tight", "figure.figsize": (8, 4.5)})
