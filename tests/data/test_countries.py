"""Country harmonisation: every name used by the sources maps to one ISO3 code or is an aggregate."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.data import countries
from analysis.data.errors import SchemaError


def test_iso_table():
    iso = countries.load_iso3166()
    assert len(iso) == 249
    assert iso.set_index("iso3").loc["PHL", "region"] == "Asia"


def test_world_bank_names():
    mapped = countries.world_bank_name_to_iso3(
        pd.Series(["Ghana", "Cote d'Ivoire", "World", "Türkiye, Rep. of"]), "synthetic"
    )
    assert mapped.tolist() == ["GHA", "CIV", None, "TUR"]
    with pytest.raises(SchemaError, match="Atlantis"):
        countries.world_bank_name_to_iso3(pd.Series(["Atlantis"]), "synthetic")


def test_nhs_table_codes_are_iso():
    table = countries.nhs_nationality_table()
    iso = set(countries.load_iso3166()["iso3"])
    codes = set(table["iso3"]) - {""}
    assert codes <= iso
    assert countries.nhs_nationality_to_iso3(pd.Series(["Filipino", "Unknown"]), "x").tolist() == [
        "PHL",
        None,
    ]
    with pytest.raises(SchemaError, match="Martian"):
        countries.nhs_nationality_to_iso3(pd.Series(["Martian"]), "synthetic")


def test_country_names_for_readers():
    assert countries.country_name("GBR") == "United Kingdom"
    assert countries.country_name("USA") == "United States"
    assert countries.country_name("ISR") == "Israel"
    assert countries.country_name("XXX") == "XXX"  # unknown codes pass through
    named = countries.name_countries(pd.Series(["ROU", None, "KNA"]))
    assert named.iloc[0] == "Romania" and pd.isna(named.iloc[1]) and named.iloc[2] == "Saint Kitts and Nevis"
