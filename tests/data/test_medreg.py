"""The Swiss medical register loader on the staged workbook, checked against the values recorded independently
in PROVENANCE.md section 10 ("Checks"), and its errors on broken (synthetic) rows."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.data.countries import load_iso3166
from analysis.data.errors import SchemaError
from analysis.data.sources import medreg

#: PROVENANCE.md section 10: licences to foreign-diploma doctors of all licences, by year of licence.
PROVENANCE_BY_YEAR = {2002: (227, 1111), 2008: (388, 851), 2012: (1015, 2018), 2013: (1414, 2581), 2016: (1287, 2123)}


@pytest.fixture(scope="module")
def doctors() -> pd.DataFrame:
    return medreg.load_licences()


def test_doctor_counts_match_provenance(doctors):
    assert len(doctors) == 29_586
    assert doctors["doctor_id"].is_unique
    assert int(doctors["foreign_diploma"].sum()) == 8_758
    assert round(100 * doctors["foreign_diploma"].mean(), 1) == 29.6


def test_main_diploma_countries_match_provenance(doctors):
    foreign = doctors[doctors["foreign_diploma"]]
    by_label = foreign["diploma_country"].value_counts()
    assert by_label.head(5).to_dict() == {
        "Deutschland": 4622, "Frankreich": 1187, "Italien": 1018, "Österreich": 392, "Rumänien": 177,
    }  # fmt: skip
    by_iso3 = foreign["diploma_iso3"].value_counts()
    assert by_iso3[["DEU", "FRA", "ITA", "AUT", "ROU"]].tolist() == [4622, 1187, 1018, 392, 177]
    assert "CHE" not in set(by_iso3.index)


def test_licence_years_as_the_provenance_check_counted_them(doctors):
    """The staging check took each doctor's licence year from the doctor's first row in the sheet."""
    grants = medreg.load_licence_grants()
    listed = grants.sort_values("sheet_row").drop_duplicates("doctor_id")
    listed = listed.merge(doctors[["doctor_id", "foreign_diploma"]], on="doctor_id", validate="one_to_one")
    table = pd.crosstab(listed["licence_year"], listed["foreign_diploma"])
    for year, (foreign, total) in PROVENANCE_BY_YEAR.items():
        assert (int(table.loc[year, True]), int(table.loc[year].sum())) == (foreign, total)


def test_first_licence_is_the_earliest_held(doctors):
    """The loader's year is the earliest licence still held: never later than any, and differs for
    multi-canton doctors (so its counts differ slightly from the provenance check's)."""
    grants = medreg.load_licence_grants()
    earliest = grants.groupby("doctor_id")["licence_year"].min()
    assert doctors.set_index("doctor_id")["licence_year"].equals(earliest.rename("licence_year"))
    assert int((doctors["n_licences"] > 1).sum()) == 3_462
    assert (doctors["last_licence_year"] >= doctors["licence_year"]).all()


def test_every_code_is_iso_or_a_named_former_state(doctors):
    known = set(load_iso3166()["iso3"]) | set(medreg.FORMER_CODES)
    assert set(doctors["diploma_iso3"]) <= known
    assert set(medreg.COUNTRY_ISO3.values()) <= known
    names = medreg.country_names()
    assert names["DEU"] == "Germany" and names["SUN"] == "Soviet Union"


def test_recognition_years_for_foreign_diplomas_only(doctors):
    federal = doctors[doctors["diploma_type"] == "federal"]
    assert federal["recognition_year"].isna().all() and not federal["foreign_diploma"].any()
    recognised = doctors[doctors["diploma_type"] == "recognised_eu_efta"]
    assert recognised["recognition_year"].notna().all()
    assert recognised["recognition_year"].min() >= 2002  # MEBEKO recognitions start with free movement


# --- errors on broken input (synthetic rows, not the register) -------------------------------


def _synthetic_raw() -> pd.DataFrame:
    """Two synthetic doctors: one Swiss diploma with two titles, one German diploma licensed in two cantons."""
    base = {
        "Beruf": "Ärztin/Arzt", "Bewilligungsstatus": "Erteilt", "JahrGleichwertigkeitDiplom": None,
        "Facharzttitel": "x", "GV_SP_Roh": "x",
    }  # fmt: skip
    rows = [
        (1, "Weiblich", 1970, "Bern", 2000, "Eidg. Diplom", "Schweiz", 1996, None),
        (1, "Weiblich", 1970, "Bern", 2000, "Eidg. Diplom", "Schweiz", 1996, None),
        (2, "Männlich", 1975, "Zürich", 2012, "Anerkanntes Diplom MEBEKO", "Deutschland", 2001, 2011.0),
        (2, "Männlich", 1975, "Aargau", 2015, "Anerkanntes Diplom MEBEKO", "Deutschland", 2001, 2011.0),
    ]
    names = ["Identifikator", "Geschlecht", "JahrGeburt", "Bewilligungskanton", "JahrEntscheidBewilligung",
             "Diplomtyp", "ErteilungslandDiplom", "JahrErteilungDiplom", "JahrAnerkennungDiplom"]  # fmt: skip
    return pd.DataFrame(rows, columns=names).assign(**base)


def test_synthetic_rows_aggregate_to_doctors():
    doctors = medreg.aggregate_doctors(medreg.parse_rows(_synthetic_raw(), "synthetic.xlsx"))
    second = doctors.set_index("doctor_id").loc[2]
    assert (second["licence_year"], second["last_licence_year"], second["n_licences"]) == (2012, 2015, 2)
    assert second["foreign_diploma"] and second["diploma_iso3"] == "DEU" and second["recognition_year"] == 2011


def test_inconsistent_person_column_names_rows_and_column():
    raw = _synthetic_raw()
    raw.loc[3, "JahrGeburt"] = 1976
    with pytest.raises(SchemaError, match=r"sheet rows \[4, 5\], column 'JahrGeburt'.*Identifikator 2"):
        medreg.parse_rows(raw, "synthetic.xlsx")


def test_unknown_country_and_missing_column_are_named():
    raw = _synthetic_raw()
    raw.loc[0, "ErteilungslandDiplom"] = "Atlantis"
    with pytest.raises(SchemaError, match=r"column 'ErteilungslandDiplom': unknown or empty label\(s\) \['Atlantis'\]"):
        medreg.parse_rows(raw, "synthetic.xlsx")
    with pytest.raises(SchemaError, match=r"missing column\(s\) \['JahrGeburt'\]"):
        medreg.parse_rows(_synthetic_raw().drop(columns="JahrGeburt"), "synthetic.xlsx")
