"""NHS nationality snapshots: synthetic frames with hand-computed answers, then the real file
checked against PROVENANCE.md section 9a."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis import nhs_snapshot

SEP, JUN = pd.Timestamp("2017-09-30"), pd.Timestamp("2018-06-30")


@pytest.fixture
def fte() -> pd.DataFrame:
    # synthetic: one staff group, two dates; "New" appears only at the second date
    rows = [
        (SEP, "Nurses", "Alpha", 100.0),
        (JUN, "Nurses", "Alpha", 150.0),
        (SEP, "Nurses", "Beta", 200.0),
        (JUN, "Nurses", "Beta", 180.0),
        (SEP, "Nurses", "Unknown", 100.0),
        (JUN, "Nurses", "Unknown", 50.0),
        (JUN, "Nurses", "New", 10.0),
        (SEP, "Doctors", "Alpha", 999.0),
    ]
    frame = pd.DataFrame(rows, columns=["date", "staff_group", "nationality", "value"])
    return frame.assign(iso3=None, measure="fte")


def test_nationality_changes_hand_computed(fte):
    table = nhs_snapshot.nationality_changes(fte, "Nurses")
    assert table["nationality"].tolist() == ["Alpha", "New", "Beta", "Unknown"]  # Unknown last
    alpha = table.set_index("nationality").loc["Alpha"]
    assert alpha["fte_2017-09-30"] == 100 and alpha["fte_2018-06-30"] == 150
    assert alpha["change"] == 50 and alpha["pct_change"] == pytest.approx(50)
    new = table.set_index("nationality").loc["New"]
    assert new["fte_2017-09-30"] == 0 and np.isnan(new["pct_change"])
    assert table.set_index("nationality").loc["Beta", "pct_change"] == pytest.approx(-10)
    assert table["unknown"].tolist() == [False, False, False, True]


def test_unknown_share_hand_computed(fte):
    share = nhs_snapshot.unknown_share(fte, "Nurses")
    assert share["total_fte"].tolist() == [400, 390]
    assert share["unknown_share"].tolist() == pytest.approx([0.25, 50 / 390])


def test_unknown_staff_group_raises(fte):
    with pytest.raises(ValueError, match="Midwives"):
        nhs_snapshot.nationality_changes(fte, "Midwives")


def test_real_nurses_filipino_and_unknown():
    from analysis.data.sources import nhs

    real = nhs.load_staff_group_fte()
    table = nhs_snapshot.nationality_changes(real, "Nurses & health visitors").set_index("nationality")
    assert table.loc["Filipino", "fte_2017-09-30"] == pytest.approx(9_278, abs=1)
    assert table.loc["Filipino", "fte_2018-06-30"] == pytest.approx(10_457, abs=1)
    assert table.loc["Spanish", "change"] == pytest.approx(3_275 - 4_027, abs=2)
    assert table.index[0] == "Filipino"  # the largest rise
    share = nhs_snapshot.unknown_share(real, "Nurses & health visitors")
    assert share["total_fte"].tolist() == pytest.approx([283_853, 283_327], abs=1)
    assert share["unknown_fte"].tolist() == pytest.approx([17_328, 15_640], abs=1)
    # the fall in Unknowns is larger than the rise of the largest nationality
    assert -table.loc["Unknown", "change"] > table.loc["Filipino", "change"]
