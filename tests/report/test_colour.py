"""The figure palette stays distinguishable with deuteranopia (Machado et al. 2009 simulation, CIE76 ΔE)."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from analysis.report.figures import colour, style

#: Minimum colour difference between any two category colours as seen with deuteranopia.
MIN_DELTA_E = 15.0


@pytest.mark.parametrize("pair", list(itertools.combinations(style.CATEGORY_COLOURS, 2)))
def test_category_colours_distinguishable_with_deuteranopia(pair):
    first, second = (colour.simulate_deuteranopia(c) for c in pair)
    assert colour.delta_e(first, second) >= MIN_DELTA_E, f"{pair} look alike with deuteranopia"


def test_named_palettes_distinguishable_with_deuteranopia():
    assert colour.closest_pair_deuteranopia(list(style.PALETTE.values()))[2] >= MIN_DELTA_E
    assert colour.delta_e(colour.simulate_deuteranopia(style.CLAIM), colour.simulate_deuteranopia(style.ESTIMATE)) >= (
        MIN_DELTA_E
    )


def test_simulation_merges_a_red_green_pair_the_eye_tells_apart():
    # a red and a green that differ strongly for normal vision collapse with deuteranopia: the check can fail
    red, green = "#d62728", "#2ca02c"
    normal = colour.delta_e(colour.to_linear(colour.hex_to_rgb(red)), colour.to_linear(colour.hex_to_rgb(green)))
    assert normal > 60
    assert colour.closest_pair_deuteranopia([red, green, "#0072B2"])[:2] == (red, green)


def test_greys_stay_grey_and_bad_input_is_refused():
    grey = colour.simulate_deuteranopia("#808080")
    assert np.allclose(grey, grey[0], atol=0.01)
    with pytest.raises(ValueError, match="RRGGBB"):
        colour.hex_to_rgb("#fff")
