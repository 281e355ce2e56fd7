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
