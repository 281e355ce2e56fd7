"""Pandera schemas of the tidy frames the loaders return."""

from __future__ import annotations

import pandera.pandas as pa
from pandera.pandas import Check, Column

_ISO3 = Check.str_matches(r"^[A-Z]{3}$")
_YEAR = Check.in_range(1900, 2100)


def _panel(name: str, extra: dict[str, Column] | None = None, unique: list[str] | None = None):
    columns = {
        "iso3": Column(str, _ISO3),
        "year": Column("int64", _YEAR),
        "measure": Column(str),
        "value": Column("float64", nullable=False),
        **(extra or {}),
    }
    return pa.DataFrameSchema(
        columns,
        name=name,
        strict=True,
        coerce=False,
        unique=unique or ["iso3", "year", "measure"],
    )


OECD_WFMI = _panel(
    "oecd_wfmi",
    {"origin": Column(str), "flag": Column(str, nullable=True)},
    unique=["iso3", "origin", "year", "measure"],
)
WHO_PANEL = _panel("who_panel", {"vintage": Column(str)})
WDI_PANEL = _panel("wdi_panel")
REMITTANCES = _panel("remittances")
INCOME_HISTORY = pa.DataFrameSchema(
    {
        "iso3": Column(str, _ISO3),
        "fiscal_year": Column("int64", _YEAR),
        "gni_year": Column("int64", _YEAR),
        "income_group": Column(str, Check.isin(["L", "LM", "UM", "H"])),
    },
    name="income_history",
    strict=True,
    unique=["iso3", "fiscal_year"],
)
COUNTRY_GROUPS = pa.DataFrameSchema(
    {
        "iso3": Column(str, _ISO3, unique=True),
        "name": Column(str),
        "region": Column(str, nullable=True),
        "income_group": Column(str, nullable=True),
    },
    name="country_groups",
    strict=False,
)
NHS_NATIONALITY = pa.DataFrameSchema(
    {
        "date": Column("datetime64[ns]"),
        "staff_group": Column(str),
        "nationality": Column(str),
        "iso3": Column(str, _ISO3, nullable=True),
        "measure": Column(str, Check.isin(["fte", "headcount"])),
        "value": Column("float64", Check.ge(0)),
    },
    name="nhs_nationality",
    strict=True,
    unique=["date", "staff_group", "nationality", "measure"],
)
_DIPLOMA_TYPES = ["federal", "recognised_eu_efta", "equivalent_non_eu_efta", "other"]
MEDREG_GRANTS = pa.DataFrameSchema(
    {
        "doctor_id": Column("int64"),
        "canton": Column(str),
        "licence_year": Column("int64", _YEAR),
        "sheet_row": Column("int64", Check.ge(2)),
    },
    name="medreg_grants",
    strict=True,
    unique=["doctor_id", "canton"],
)
MEDREG_DOCTORS = pa.DataFrameSchema(
    {
        "doctor_id": Column("int64", unique=True),
        "sex": Column(str, Check.isin(["female", "male"])),
        "birth_year": Column("int64", _YEAR),
        "diploma_type": Column(str, Check.isin(_DIPLOMA_TYPES)),
        "diploma_country": Column(str),
        "diploma_iso3": Column(str, _ISO3),
        "foreign_diploma": Column(bool),
        "diploma_year": Column("int64", _YEAR),
        "recognition_year": Column("Int64", _YEAR, nullable=True),
        "licence_year": Column("int64", _YEAR),
        "last_licence_year": Column("int64", _YEAR),
        "n_licences": Column("int64", Check.ge(1)),
    },
    name="medreg_doctors",
    strict=True,
)
