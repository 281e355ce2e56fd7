"""Loaders on the real staged files, checked against values recorded independently in the
staging notes (PROVENANCE.md "Checks"), and their errors on broken (synthetic) input."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.data.errors import DuplicateKeyError, ParseError, SchemaError
from analysis.data.manifest import entry
from analysis.data.paths import shared_data_dir
from analysis.data.sources import knomad, nhs, oecd, who, worldbank

REAL_SHARED = shared_data_dir()


def _value(frame: pd.DataFrame, **where) -> float:
    mask = pd.Series(True, index=frame.index)
    for col, val in where.items():
        mask &= frame[col] == val
    assert mask.sum() == 1, f"expected one row for {where}, found {int(mask.sum())}"
    return float(frame.loc[mask, "value"].iloc[0])


def test_oecd_totals_known_values_and_flags():
    totals = oecd.load_totals()
    assert _value(totals, iso3="GBR", year=2018, measure="TNBD") == 174_845
    assert _value(totals, iso3="USA", year=2016, measure="TNBD") == 862_965
    assert totals["iso3"].nunique() == 31
    breaks = totals[totals["flag"] == "B"]
    assert {("HUN", 2015), ("SWE", 2015)} <= set(zip(breaks["iso3"], breaks["year"], strict=True))


def test_oecd_foreign_trained_doctors():
    ftds = oecd.load_foreign_trained_doctors()
    assert _value(ftds, iso3="USA", origin="TOT", year=2016) == 215_630
    assert _value(ftds, iso3="GBR", origin="IND", year=2018) == 15_870
    germany = ftds[(ftds["iso3"] == "DEU") & (ftds["year"] == 2018)]
    assert germany["value"].sum() == 44_085


def test_who_vintages_known_values_and_no_mixing():
    doctors = who.load_nhwa2022("doctors")
    assert _value(doctors, iso3="GBR", year=2019, measure="HWF_0002") == 196_463
    newer = who.load_ddf("HWF_0001")
    assert _value(newer, iso3="GBR", year=2019, measure="HWF_0001") == pytest.approx(29.32)
    who.require_single_vintage(newer)
    with pytest.raises(SchemaError, match="mixes vintages"):
        who.require_single_vintage(pd.concat([doctors, newer]))


def test_wdi_keeps_aggregates_apart():
    wdi = worldbank.load_wdi("SH.MED.PHYS.ZS")
    assert _value(wdi.countries, iso3="GBR", year=2019) == pytest.approx(2.9093, abs=1e-4)
    assert "WLD" in set(wdi.aggregates["iso3"]) and "WLD" not in set(wdi.countries["iso3"])
    assert "GBR" not in set(wdi.aggregates["iso3"])


def test_income_classifications():
    class_table = worldbank.load_class()
    assert class_table.set_index("iso3").loc["GHA", "income_group"] == "Lower middle income"
    history = worldbank.load_oghist()
    ind = history[(history["iso3"] == "IND") & (history["fiscal_year"] == 2023)]
    assert ind["income_group"].tolist() == ["LM"]
    assert history["fiscal_year"].min() == 1989 and history["fiscal_year"].max() == 2023


def test_knomad_remittances_map_every_economy():
    remit = knomad.load_remittances()
    assert _value(remit.countries, iso3="IND", year=2022) == pytest.approx(111_222, abs=1)
    assert _value(remit.countries, iso3="PHL", year=2022) == pytest.approx(38_049, abs=1)
    assert set(remit.aggregates["name"]) == {"World", "Low-and Middle-Income Countries"}
    # every one of the 214 economy names mapped (the loader raises otherwise); economies
    # with no value in any year (e.g. American Samoa) have no rows
    assert remit.countries["iso3"].str.fullmatch(r"[A-Z]{3}").all()
    assert remit.countries["iso3"].nunique() > 190


def test_nhs_snapshots():
    fte = nhs.load_staff_group_fte()
    nurses = fte[fte["staff_group"] == "Nurses & health visitors"]
    sept = nurses[nurses["date"] == "2017-09-30"]
    assert sept["value"].sum() == pytest.approx(283_853, abs=1)
    assert _value(sept, nationality="Filipino") == pytest.approx(9_278, abs=1)
    region = nhs.load_all_staff_by_nationality()
    head = region[(region["measure"] == "headcount") & (region["date"] == "2016-03-31")]
    assert _value(head, nationality="Indian") == 17_585
    assert _value(head, nationality="Polish") == 7_297


# --- errors on broken input (synthetic variations of a real file, written to tmp) ---------


def _oecd_raw() -> pd.DataFrame:
    path = REAL_SHARED / entry("oecd_wfmi_totals").path
    return pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False)


def test_renamed_column_is_named(tmp_path):
    broken = tmp_path / "renamed.csv"
    _oecd_raw().rename(columns={"Value": "Valeur"}).to_csv(broken, index=False)
    raw = pd.read_csv(broken, dtype=str, keep_default_na=False)
    with pytest.raises(SchemaError) as err:
        oecd.parse_wfmi(raw, broken)
    assert "'Value'" in str(err.value) and str(broken) in str(err.value)


def test_unparseable_value_names_line_and_column(tmp_path):
    raw = _oecd_raw()
    raw.loc[9, "Value"] = "n/a"
    with pytest.raises(ParseError) as err:
        oecd.parse_wfmi(raw, tmp_path / "bad.csv")
    assert "line 11" in str(err.value) and "'Value'" in str(err.value) and "'n/a'" in str(err.value)


def test_duplicate_key_is_reported_with_both_file_lines(tmp_path):
    original = _oecd_raw()
    raw = pd.concat([original, original.iloc[[3]]], ignore_index=True)  # row 3 is file line 5
    with pytest.raises(DuplicateKeyError) as err:
        oecd.parse_wfmi(raw, tmp_path / "dup.csv")
    copied = original.iloc[3]
    assert str(err.value).startswith(
        f"{tmp_path / 'dup.csv'}:lines 5 and {len(original) + 2}: the same key (iso3='{copied['COU']}', "
        f"origin='{copied['CO2']}', year={int(copied['YEA'])}, measure='{copied['VAR']}')"
    )


def test_ddf_duplicate_and_parse_errors(tmp_path):
    raw = pd.DataFrame({"country": ["aaa", "aaa"], "year": ["2000", "2000"], "hwf_0001": ["1", "2"]})
    with pytest.raises(DuplicateKeyError, match=r"synthetic\.csv:lines 2 and 3: the same key \(iso3='AAA', year=2000"):
        who.parse_ddf(raw, "HWF_0001", tmp_path / "synthetic.csv")
    raw = pd.DataFrame({"country": ["aaa"], "year": ["2000"], "hwf_0001": ["1,5"]})
    with pytest.raises(ParseError, match="line 2, column 'hwf_0001'"):
        who.parse_ddf(raw, "HWF_0001", tmp_path / "synthetic.csv")


def test_wdi_parse_error_names_year_column(tmp_path):
    raw = pd.DataFrame(
        {
            "Country Name": ["A", "B"],
            "Country Code": ["AAA", "BBB"],
            "Indicator Name": ["x", "x"],
            "Indicator Code": ["X", "X"],
            "2000": ["1.0", "oops"],
        }
    )
    with pytest.raises(ParseError, match=r"line 7, column '2000'"):
        worldbank.parse_wdi_wide(raw, tmp_path / "synthetic_wdi.csv")


def test_who_vintages_mostly_revised():
    """PROVENANCE.md: only 6.8% of the 2,803 common HWF_0001 country-years agree to +/-0.01."""
    from analysis.coverage import vintage_agreement

    old = who.load_nhwa2022("doctors")
    agreement = vintage_agreement(old[old["measure"] == "HWF_0001"], who.load_ddf("HWF_0001"))
    assert agreement["common"] == 2803
    assert agreement["share_identical"] == pytest.approx(0.068, abs=0.001)


def test_require_unique_default_lines_and_missing_keys(tmp_path):
    from analysis.data.checks import require_unique

    # synthetic frame read from a CSV with a header: row i is file line i + 2; NaN keys are equal
    frame = pd.DataFrame({"iso3": ["AAA", None, "BBB", None], "year": [2000, 2001, 2000, 2001]})
    with pytest.raises(DuplicateKeyError, match=r"x\.csv:lines 3 and 5: the same key \(iso3=None, year=2001\)"):
        require_unique(frame, ["iso3", "year"], tmp_path / "x.csv")
    require_unique(frame.iloc[:3], ["iso3", "year"], tmp_path / "x.csv")  # no duplicate: no error
