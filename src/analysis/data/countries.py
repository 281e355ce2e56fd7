"""Country codes and names, harmonised to ISO3 in one place.

* :func:`load_iso3166` reads the ISO 3166 / UN M49 table;
* :func:`world_bank_name_to_iso3` maps World Bank economy names (CLASS, KNOMAD) to ISO3;
* :func:`nhs_nationality_to_iso3` maps NHS Digital nationality labels to ISO3
  (table ``data/reference/nhs_nationality_iso3.csv``);
* :func:`country_name` and :func:`name_countries` turn codes into the names the book shows (the one
  converter for prose, tables, axes and legends).
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from analysis.data.checks import require_columns, require_unique, validate
from analysis.data.errors import SchemaError
from analysis.data.paths import data_dir
from analysis.data.reading import read_csv, verified
from analysis.data.schemas import COUNTRY_GROUPS

#: World Bank names used by KNOMAD that differ from the CLASS FY2023 list.
WORLD_BANK_NAME_ALIASES = {
    "Cote d'Ivoire": "CIV",
    "Curacao": "CUW",
    "Faeroe Islands": "FRO",
    "Korea, Dem. Rep.": "PRK",
    "Sao Tome and Principe": "STP",
    "Türkiye, Rep. of": "TUR",
}
#: Names of aggregates (not economies) in World Bank tables, kept apart from countries.
WORLD_BANK_AGGREGATE_NAMES = {"Low-and Middle-Income Countries", "World"}
NHS_NATIONALITY_TABLE = "reference/nhs_nationality_iso3.csv"


def load_iso3166() -> pd.DataFrame:
    """ISO 3166-1: ``iso3, iso2, m49, name, region, sub_region``."""
    path, item = verified("iso3166")
    raw = read_csv(path, item, dtype=str, keep_default_na=False)
    require_columns(raw, ["name", "alpha-2", "alpha-3", "country-code", "region", "sub-region"], path)
    frame = pd.DataFrame(
        {
            "iso3": raw["alpha-3"].str.strip(),
            "iso2": raw["alpha-2"].str.strip(),
            "m49": raw["country-code"].str.strip(),
            "name": raw["name"].str.strip(),
            "region": raw["region"].str.strip().replace("", None),
            "sub_region": raw["sub-region"].str.strip().replace("", None),
            "income_group": None,
        }
    )
    return validate(frame, COUNTRY_GROUPS, path).drop(columns="income_group")


@cache
def _class_names() -> dict[str, str]:
    from analysis.data.sources.worldbank import load_class

    table = load_class()
    return dict(zip(table["name"], table["iso3"], strict=True))


def world_bank_name_to_iso3(names: pd.Series, source: str) -> pd.Series:
    """ISO3 for World Bank economy names; aggregates map to ``None``; unknown names raise."""
    lookup = {**_class_names(), **WORLD_BANK_NAME_ALIASES}
    cleaned = names.astype(str).str.strip()
    unknown = sorted(set(cleaned) - set(lookup) - WORLD_BANK_AGGREGATE_NAMES)
    if unknown:
        raise SchemaError(
            f"{source}: economy name(s) not in the World Bank CLASS list or the alias table "
            f"(analysis.data.countries.WORLD_BANK_NAME_ALIASES): {unknown}"
        )
    return cleaned.map(lookup).astype(object).where(~cleaned.isin(WORLD_BANK_AGGREGATE_NAMES), None)


@cache
def nhs_nationality_table() -> pd.DataFrame:
    """NHS nationality label to ISO3 (empty where the label is not one country)."""
    path = data_dir() / NHS_NATIONALITY_TABLE
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    require_columns(table, ["nationality", "iso3", "note"], path)
    require_unique(table, ["nationality"], path)
    return table


def nhs_nationality_to_iso3(labels: pd.Series, source: str) -> pd.Series:
    """ISO3 for NHS nationality labels; a label absent from the table raises."""
    table = nhs_nationality_table()
    lookup = dict(zip(table["nationality"], table["iso3"], strict=True))
    cleaned = labels.astype(str).str.strip()
    unknown = sorted(set(cleaned) - set(lookup))
    if unknown:
        raise SchemaError(f"{source}: nationality label(s) missing from data/{NHS_NATIONALITY_TABLE}: {unknown}")
    mapped = cleaned.map(lookup).astype(object)
    return mapped.where(mapped != "", None)


#: Short English names where the ISO 3166 name is long or formal ("United Kingdom of Great Britain and
#: Northern Ireland"); every other code uses the ISO name. Codes of aggregates are named here too.
SHORT_NAMES = {
    "BOL": "Bolivia",
    "COD": "DR Congo",
    "FSM": "Micronesia",
    "GBR": "United Kingdom",
    "IRN": "Iran",
    "KOR": "Korea",
    "LAO": "Laos",
    "MDA": "Moldova",
    "NLD": "Netherlands",
    "PRK": "North Korea",
    "PSE": "Palestine",
    "RUS": "Russia",
    "SYR": "Syria",
    "TWN": "Taiwan",
    "TZA": "Tanzania",
    "USA": "United States",
    "VEN": "Venezuela",
    "VGB": "British Virgin Islands",
    "VIR": "US Virgin Islands",
    "TOT": "all countries",
    "OTH": "other countries",
}


@cache
def country_names() -> dict[str, str]:
    """ISO3 code -> the English name the book shows (:data:`SHORT_NAMES`, else the ISO 3166 short name)."""
    table = load_iso3166()
    names = dict(zip(table["iso3"], table["name"], strict=True))
    return {**names, **SHORT_NAMES}


def country_name(iso3: str) -> str:
    """The English name the book shows for a country code (``iso3`` itself when no table knows it).

    This is the one converter from codes to names for prose, tables, axes and legends.
    """
    return country_names().get(str(iso3), str(iso3))


def name_countries(codes: pd.Series) -> pd.Series:
    """:func:`country_name` of every code of a column (missing values stay missing)."""
    names = country_names()
    return codes.map(lambda code: code if pd.isna(code) else names.get(str(code), str(code)))
