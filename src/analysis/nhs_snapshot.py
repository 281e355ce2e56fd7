"""NHS England staff by nationality: what two snapshots nine months apart can and cannot show.

The NHS Digital file holds full-time equivalents (FTE) by staff group and nationality on
30 September 2017 and 30 June 2018 only. Read the changes with three caveats:

* two snapshots nine months apart are not a trend (and not annual: multiply by 12/9 at your peril,
  as recruitment is seasonal);
* nationality is self-reported and is not the country of training or of birth: UK-trained foreign
  nationals count as foreign, naturalised staff as British;
* the ``Unknown`` category shrinks between the dates (nurses: 17,328 -> 15,640 FTE), so part of any
  apparent rise of a nationality is staff whose nationality was recorded between the dates.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

#: Nationality labels that mean "not recorded" ("Unknown_RoW" is a known non-EU nationality with
#: no country, so it is treated as a nationality of its own).
UNKNOWN_LABELS = ("Unknown",)


def _by_date(fte: pd.DataFrame, staff_group: str) -> pd.DataFrame:
    """FTE of one staff group, nationalities as rows and the dates as columns (absent = 0)."""
    rows = fte[fte["staff_group"] == staff_group]
    if "measure" in rows.columns:
        rows = rows[rows["measure"] == "fte"]
    if rows.empty:
        raise ValueError(f"no FTE rows for staff group {staff_group!r}")
    wide = rows.pivot_table(index="nationality", columns="date", values="value", aggfunc="sum", fill_value=0)
    if wide.shape[1] != 2:
        raise ValueError(f"expected two snapshot dates for {staff_group!r}, found {list(wide.columns)}")
    return wide


def nationality_changes(
    fte: pd.DataFrame, staff_group: str, unknown_labels: tuple[str, ...] = UNKNOWN_LABELS
) -> pd.DataFrame:
    """FTE per nationality at both dates, the change and the % change, for one staff group.

    ``fte`` is :func:`analysis.data.sources.nhs.load_staff_group_fte`. A nationality absent at one date
    counts as 0 FTE there (``pct_change`` is NaN when the first value is 0). The ``Unknown``
    category is kept apart: it has ``unknown = True`` and comes last; the other rows are sorted by
    change, largest rise first. Snapshots are nine months apart, nationality is not country of
    training, and a falling ``Unknown`` count inflates apparent rises (see the module docstring).

    Returns ``nationality, unknown, fte_<first date>, fte_<second date>, change, pct_change``
    (dates as ``YYYY-MM-DD``).
    """
    wide = _by_date(fte, staff_group)
    first, second = sorted(wide.columns)
    names = [f"fte_{d:%Y-%m-%d}" for d in (first, second)]
    out = pd.DataFrame(
        {
            "nationality": wide.index,
            "unknown": wide.index.isin(unknown_labels),
            names[0]: wide[first].to_numpy(dtype=float),
            names[1]: wide[second].to_numpy(dtype=float),
        }
    )
    out["change"] = out[names[1]] - out[names[0]]
    base = out[names[0]].where(out[names[0]] > 0)
    out["pct_change"] = 100 * out["change"] / base
    out = out.sort_values(["unknown", "change", "nationality"], ascending=[True, False, True], kind="stable")
    return out.reset_index(drop=True)


def unknown_share(
    fte: pd.DataFrame, staff_group: str, unknown_labels: tuple[str, ...] = UNKNOWN_LABELS
) -> pd.DataFrame:
    """Share of a staff group's FTE whose nationality is unknown, at each date.

    Returns ``date, total_fte, unknown_fte, unknown_share``.
    """
    wide = _by_date(fte, staff_group)
    total = wide.sum()
    unknown = wide[wide.index.isin(unknown_labels)].sum()
    out = pd.DataFrame(
        {
            "date": total.index,
            "total_fte": total.to_numpy(dtype=float),
            "unknown_fte": unknown.reindex(total.index).to_numpy(dtype=float),
        }
    )
    out["unknown_share"] = np.where(out["total_fte"] > 0, out["unknown_fte"] / out["total_fte"], np.nan)
    return out.sort_values("date", ignore_index=True, kind="stable")
