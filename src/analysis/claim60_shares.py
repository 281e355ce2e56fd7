"""The published foreign-born shares behind the 60% re-estimate, their range, and what other decades imply.

OECD published the foreign-born shares of doctors and nurses for 2000/01 and 2010/11 without their
country panels, and we could read them only second-hand. Other OECD publications imply different
values for the same rounds: IMO 2025 puts the doctors' share at 21% two decades before 2020/21 (18% in
IMO 2007), and OECD 2019 gives 2015/16 levels and the rise since 2010/11 on an 18-country panel. Every
reading is kept here with the rows it comes from; the range they span (widened by rounding) is what
the re-estimate draws from (:func:`share_ranges`), and each reading is also a specification of its own
(:func:`share_bounds`).

This module also checks the panels against each other (:func:`panel_check`) and works out what the
published growth of the other decades implies for 2000/01-2010/11 (:func:`implied_first_decade`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.data import published

BASE_YEAR, END_YEAR = 2000, 2010
TABLE = "oecd_migration_figures_claim60"
#: Published shares are whole percentages: the true value lies within +/- this many points.
SHARE_ROUNDING = 0.5


@dataclass(frozen=True)
class ShareReading:
    """One published reading of a foreign-born share: value (percent), +/- half-width, source rows."""

    key: str
    profession: str
    year: int
    value: float
    half_width: float
    label: str
    rows: tuple[str, ...]


def _value(figure_id: str) -> float:
    return float(published.figure(figure_id)["value"])


#: Every reading: key, profession, round, the row giving the value, the row of a change to subtract from
#: it (or ""), the half-width of its rounding, and a label. The first of each (profession, round) is the main one.
READINGS = (
    ("imo2007_doctors_2000", "doctors", BASE_YEAR, "aceprensa2007_imo2007_fb_doctors_share_2000", "",
     SHARE_ROUNDING, "IMO 2007, as quoted by Aceprensa"),
    ("imo2025_doctors_2000", "doctors", BASE_YEAR, "imo2025_thenational_fb_doctors_share_2000", "",
     SHARE_ROUNDING, "IMO 2025 editorial ('from 21 per cent'), as quoted by The National"),
    ("imo2007_nurses_2000", "nurses", BASE_YEAR, "aceprensa2007_imo2007_fb_nurses_share_2000", "",
     SHARE_ROUNDING, "IMO 2007, as quoted by Aceprensa"),
    ("imo2015_doctors_2010", "doctors", END_YEAR, "imo2015_fb_doctors_share_2010", "",
     SHARE_ROUNDING, "IMO 2015, French chapter abstract"),
    ("oecd2019_doctors_2010", "doctors", END_YEAR, "oecd2019_fb_doctors_share_2015",
     "oecd2019_fb_doctors_share_change_2010_2015", SHARE_ROUNDING + 0.5,
     "OECD 2019: 27% in 2015/16 less the 3-point rise, 18 countries"),
    ("imo2015_nurses_2010", "nurses", END_YEAR, "imo2015_fb_nurses_share_2010", "",
     SHARE_ROUNDING, "IMO 2015, French chapter abstract"),
    ("oecd2019_nurses_2010", "nurses", END_YEAR, "oecd2019_fb_nurses_share_2015",
     "oecd2019_fb_nurses_share_change_2010_2015", SHARE_ROUNDING + 0.05,
     "OECD 2019: 16% in 2015/16 less the 1.5-point rise, 18 countries"),
)  # fmt: skip


def share_readings() -> list[ShareReading]:
    """Every published reading of the four shares, in the order of :data:`READINGS`."""
    readings = []
    for key, profession, year, level, change, half_width, label in READINGS:
        value = _value(level) - (_value(change) if change else 0.0)
        rows = (level, change) if change else (level,)
        readings.append(ShareReading(key, profession, year, value, half_width, label, rows))
    return readings


def share_ranges(readings: list[ShareReading] | None = None) -> pd.DataFrame:
    """Per profession and round: the main reading and the range all readings span, with their rows."""
    readings = share_readings() if readings is None else readings
    rows = []
    for (profession, year), group in _grouped(readings).items():
        rows.append(
            {
                "profession": profession,
                "year": year,
                "low": min(r.value - r.half_width for r in group),
                "central": group[0].value,
                "high": max(r.value + r.half_width for r in group),
                "readings": "; ".join(f"{r.value:g}% ({r.label})" for r in group),
                "rows": ", ".join(fid for r in group for fid in r.rows),
            }
        )
    return pd.DataFrame(rows)


def _grouped(readings: list[ShareReading]) -> dict[tuple[str, int], list[ShareReading]]:
    groups: dict[tuple[str, int], list[ShareReading]] = {}
    for reading in readings:
        groups.setdefault((reading.profession, reading.year), []).append(reading)
    return groups


def central_shares() -> dict[tuple[str, int], float]:
    """The main reading of each share (percent), by (profession, year)."""
    return {key: group[0].value for key, group in _grouped(share_readings()).items()}


def share_bounds(choice: str = "range") -> dict[tuple[str, int], tuple[float, float]]:
    """The interval each share is drawn from, by (profession, year).

    ``"range"``: the whole range the readings span; ``"first"``: the main readings within their
    rounding; a reading's key (e.g. ``"imo2025_doctors_2000"``): that reading within its rounding,
    the other shares at their main readings; ``"oecd2019_2010"``: both OECD 2019 readings for 2010/11.
    """
    groups = _grouped(share_readings())
    if choice == "range":
        table = share_ranges()
        return {(r.profession, r.year): (r.low, r.high) for r in table.itertuples()}
    chosen = {key: group[0] for key, group in groups.items()}
    picks = {"oecd2019_2010": ("oecd2019_doctors_2010", "oecd2019_nurses_2010")}.get(choice, (choice,))
    if choice != "first":
        by_key = {r.key: r for group in groups.values() for r in group}
        unknown = [p for p in picks if p not in by_key]
        if unknown:
            raise KeyError(f"no share reading {unknown}; expected 'range', 'first' or one of {sorted(by_key)}")
        for pick in picks:
            chosen[(by_key[pick].profession, by_key[pick].year)] = by_key[pick]
    return {key: (r.value - r.half_width, r.value + r.half_width) for key, r in chosen.items()}


def deciding_rows() -> list[str]:
    """The figure ids of every share reading (each bears on the verdict through the share ranges)."""
    return [fid for reading in share_readings() for fid in reading.rows]


def panel_check() -> pd.DataFrame:
    """Foreign-born counts implied by the shares against OECD's own published counts (thousands).

    The shares times OECD's all-country totals give a foreign-born count for 2000; OECD Observer
    (2007) gives 1.3 million foreign-born health professionals of every kind in 2000, and IMO 2025's
    2020/21 counts and two-decade growth give the 2000/01 count on its consistent-data panel.
    """
    total = {p: _value(f"oecd2016_total_{p}_count_2000") for p in ("doctors", "nurses")}
    shares = central_shares()
    implied = {p: shares[(p, BASE_YEAR)] / 100 * total[p] for p in total}
    imo2025 = {
        "doctors": _value("imo2025_fb_doctors_count_2020") / (1 + _value("imo2025_fb_doctors_growth_2000_2020") / 100),
        "nurses": _value("imo2025_fb_nurses_count_2020") / (1 + _value("imo2025_fb_nurses_growth_2000_2020") / 100),
    }
    doctors_2020_panel = _value("imo2025_fb_doctors_count_2020") / (
        _value("imo2025_thenational_fb_doctors_share_2020") / 100
    )
    rows = [
        ("doctors, 2000: main share times OECD's total", implied["doctors"], "oecd2016_total_doctors_count_2000"),
        ("nurses, 2000: main share times OECD's total", implied["nurses"], "oecd2016_total_nurses_count_2000"),
        ("doctors and nurses, 2000: sum of the two", implied["doctors"] + implied["nurses"], ""),
        (
            "all foreign-born health professionals, 2000 (OECD Observer)",
            _value("observer2007_imo2007_fb_health_professionals_count_2000"),
            "observer2007_imo2007_fb_health_professionals_count_2000",
        ),
        (
            "doctors, 2000/01: IMO 2025's 2020/21 count over its growth",
            imo2025["doctors"],
            "imo2025_fb_doctors_count_2020",
        ),
        (
            "nurses, 2000/01: IMO 2025's 2020/21 count over its growth",
            imo2025["nurses"],
            "imo2025_fb_nurses_count_2020",
        ),
        (
            "all doctors in the panel of IMO 2025's 2020/21 share, 2020/21 (count / share)",
            doctors_2020_panel,
            "imo2025_thenational_fb_doctors_share_2020",
        ),
        ("all doctors in OECD countries, 2021 (Health at a Glance)", _value("haag_total_doctors_count_2021"), ""),
    ]
    return pd.DataFrame(rows, columns=["quantity", "thousands", "row"]).assign(thousands=lambda f: f["thousands"] / 1e3)


#: Published growth of foreign-born doctors and nurses in the other decades (figure id, low and high
#: offsets in points): "over 20%" is read as 20 to 25, "20%" as 17.5 to 22.5, IMO 2025 nurses as 136 to
#: 142 (two outlets disagree), doctors' 86 within its rounding.
LATER_GROWTH = {
    "doctors": {
        "two_decades": ("imo2025_fb_doctors_growth_2000_2020", (-0.5, 0.5)),
        "five_years": ("oecd2019_fb_doctors_growth_2010_2015", (0.0, 5.0)),
    },
    "nurses": {
        "two_decades": ("imo2025_fb_nurses_growth_2000_2020", (0.0, 6.0)),
        "five_years": ("oecd2019_fb_nurses_growth_2010_2015", (-2.5, 2.5)),
    },
}


def first_decade_growth(two_decades, five_years=None):
    """Growth (percent) of the first decade of two, from the growth over both (percent).

    Without ``five_years``, growth is taken as steady over the two decades; with it, the second decade
    is taken to grow at that five-year rate twice.
    """
    whole = 1 + np.asarray(two_decades, dtype=float) / 100
    if five_years is None:
        return 100 * (np.sqrt(whole) - 1)
    return 100 * (whole / (1 + np.asarray(five_years, dtype=float) / 100) ** 2 - 1)


def implied_first_decade() -> pd.DataFrame:
    """What IMO 2025 (2000/01-2020/21) and OECD 2019 (2010/11-2015/16) imply for 2000/01-2010/11 (percent).

    Doctors and nurses are combined with their 2000/01 foreign-born counts implied by IMO 2025 as
    weights. ``low`` and ``high`` take each published figure at the end of its rounding interval.
    """
    rows = []
    for assumption, use_five in (
        ("steady growth over the two decades", False),
        ("second decade as 2010/11-2015/16", True),
    ):
        values = {}
        for bound in ("central", "low", "high"):
            per = {}
            for profession, series in LATER_GROWTH.items():
                fid, (lo_off, hi_off) = series["two_decades"]
                two = _value(fid) + {"central": 0, "low": lo_off, "high": hi_off}[bound]
                five = None
                if use_five:
                    fid5, (lo5, hi5) = series["five_years"]
                    five = _value(fid5) + {"central": (lo5 + hi5) / 2, "low": hi5, "high": lo5}[bound]
                per[profession] = float(first_decade_growth(two, five))
            weights = {
                p: _value(f"imo2025_fb_{p}_count_2020") / (1 + _value(LATER_GROWTH[p]["two_decades"][0]) / 100)
                for p in per
            }
            combined = sum(weights[p] * (1 + per[p] / 100) for p in per) / sum(weights.values()) - 1
            values[bound] = {**per, "combined": 100 * combined}
        for measure in ("doctors", "nurses", "combined"):
            rows.append(
                {
                    "assumption": assumption,
                    "series": measure,
                    "growth %": values["central"][measure],
                    "low %": values["low"][measure],
                    "high %": values["high"][measure],
                }
            )
    return pd.DataFrame(rows)
