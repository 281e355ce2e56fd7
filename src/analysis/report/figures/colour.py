"""Colour checks for the figures: how a colour looks with deuteranopia, and how far apart two colours are.

Deuteranopia is simulated with the matrix of Machado, Oliveira and Fernandes (2009), severity 1.0, applied
to linear sRGB; distances are CIE76 ΔE in CIELAB (D65 white). A ΔE of about 2 is just noticeable; lines
and areas in a chart need far more.
"""

from __future__ import annotations

import itertools

import numpy as np

#: Machado et al. (2009), deuteranomaly of severity 1.0 (deuteranopia), for linear RGB.
DEUTERANOPIA = np.array(
    [
        [0.367322, 0.860646, -0.227968],
        [0.280085, 0.672501, 0.047413],
        [-0.011820, 0.042940, 0.968881],
    ]
)
_RGB_TO_XYZ = np.array(
    [
        [0.4124564, 0.3575761, 0.1804375],
        [0.2126729, 0.7151522, 0.0721750],
        [0.0193339, 0.1191920, 0.9503041],
    ]
)
_WHITE = np.array([0.95047, 1.0, 1.08883])


def hex_to_rgb(colour: str) -> np.ndarray:
    """'#RRGGBB' -> sRGB in [0, 1]."""
    text = colour.lstrip("#")
    if len(text) != 6:
        raise ValueError(f"not a #RRGGBB colour: {colour!r}")
    return np.array([int(text[i : i + 2], 16) for i in (0, 2, 4)]) / 255.0


def to_linear(srgb: np.ndarray) -> np.ndarray:
    """sRGB (gamma-encoded) -> linear RGB."""
    return np.where(srgb <= 0.04045, srgb / 12.92, ((srgb + 0.055) / 1.055) ** 2.4)


def simulate_deuteranopia(colour: str) -> np.ndarray:
    """Linear RGB of ``colour`` as seen with deuteranopia (clipped to the gamut)."""
    return np.clip(DEUTERANOPIA @ to_linear(hex_to_rgb(colour)), 0.0, 1.0)


def linear_to_lab(linear: np.ndarray) -> np.ndarray:
    """Linear RGB -> CIELAB (D65)."""
    xyz = _RGB_TO_XYZ @ linear / _WHITE
    f = np.where(xyz > (6 / 29) ** 3, np.cbrt(xyz), xyz / (3 * (6 / 29) ** 2) + 4 / 29)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def delta_e(first: np.ndarray, second: np.ndarray) -> float:
    """CIE76 colour difference of two linear RGB colours."""
    return float(np.linalg.norm(linear_to_lab(first) - linear_to_lab(second)))


def closest_pair_deuteranopia(colours: list[str]) -> tuple[str, str, float]:
    """The two colours of ``colours`` that are closest with deuteranopia, and their ΔE."""
    pairs = (
        (a, b, delta_e(simulate_deuteranopia(a), simulate_deuteranopia(b)))
        for a, b in itertools.combinations(colours, 2)
    )
    return min(pairs, key=lambda pair: pair[2])
