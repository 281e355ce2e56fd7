"""World Bank WDI bulk CSVs, their country metadata, and the CLASS / OGHIST income groups.

Aggregates (regions, income groups, "World") are kept apart from countries: WDI loaders return
a :class:`WdiData` with the two in separate frames.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.data.checks import index_lines, require_columns, require_unique, to_number, validate
from analysis.data.errors import SchemaError
from analysis.data.reading import read_csv, read_excel, verified
from analysis.data.schemas import COUNTRY_GROUPS, INCOME_HISTORY, WDI_PANEL

WDI_KEYS = {
    "SH.MED.PHYS.ZS": ("wdi_physicians", "wdi_physicians_country_meta"),
    "SH.MED.NUMW.P3": ("wdi_nurses", "wdi_physicians_country_meta"),
    "NY.GDP.PCAP.PP.KD": ("wdi_gdp_pc_ppp", "wdi_gdp_country_meta"),
}
WDI_ID_COLUMNS = ["Country Name", "Country Code", "Indicator Name", "Indicator Code"]
#: WDI bulk files start with 4 lines of metadata before the header.
WDI_SKIPROWS = 4
CLASS_COLUMNS = ["Economy", "Code", "Region", "Income group"]
INCOME_CODES = {"L", "LM", "UM", "H"}


@dataclass(frozen=True)
class WdiData:
    """A WDI indicator split into economies and aggregates (both long format)."""

    countries: pd.DataFrame
    aggregates: pd.DataFrame


def parse_wdi_wide(raw: pd.DataFrame, source: Path | str) -> pd.DataFrame:
    """Wide WDI table (one column per year) to long ``iso3, year, measure, value``."""
    require_columns(raw, WDI_ID_COLUMNS, source)
    year_cols = [c for c in raw.columns if str(c).strip().isdigit()]
    if not year_cols:
        raise SchemaError(
            f"{source}: no year columns. Expected columns 1960, 1961, ... after {WDI_ID_COLUMNS} "
            f"(the header on line {WDI_SKIPROWS + 1}). Restore the original WDI bulk CSV."
        )
    numbers = raw[WDI_ID_COLUMNS].copy()
    numbers["line"] = index_lines(raw, WDI_SKIPROWS + 2)
    for col in year_cols:  # parse column by column so an error names the file line and year
        numbers[col] = to_number(raw[col], str(col), source, first_line=WDI_SKIPROWS + 2)
    long = numbers.melt(
        id_vars=["Country Code", "Indicator Code", "line"], value_vars=year_cols, var_name="year", value_name="value"
    )
    tidy = pd.DataFrame(
        {
            "iso3": long["Country Code"].str.strip(),
            "year": long["year"].astype("int64"),
            "measure": long["Indicator Code"].str.strip(),
            "value": long["value"],
        }
    ).dropna(subset=["value"])
    require_unique(tidy, ["iso3", "year", "measure"], source, long.loc[tidy.index, "line"])
    return tidy.reset_index(drop=True)


def load_wdi_country_meta(key: str = "wdi_physicians_country_meta") -> pd.DataFrame:
    """WDI country metadata: ``iso3, name, region, income_group, is_aggregate``."""
    path, item = verified(key)
    raw = read_csv(path, item, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    require_columns(raw, ["Country Code", "Region", "IncomeGroup", "TableName"], path)
    meta = pd.DataFrame(
        {
            "iso3": raw["Country Code"].str.strip(),
            "name": raw["TableName"].str.strip(),
            "region": raw["Region"].str.strip().replace("", None),
            "income_group": raw["IncomeGroup"].str.strip().replace("", None),
        }
    )
    # WDI marks aggregates by an empty region; Venezuela (unclassified) has a region.
    meta["is_aggregate"] = meta["region"].isna()
    require_unique(meta, ["iso3"], path, index_lines(meta))
    return validate(meta, COUNTRY_GROUPS, path)


def load_wdi(indicator: str) -> WdiData:
    """One WDI indicator, split into countries and aggregates using its country metadata."""
    if indicator not in WDI_KEYS:
        raise ValueError(f"indicator must be one of {sorted(WDI_KEYS)}, got {indicator!r}")
    data_key, meta_key = WDI_KEYS[indicator]
    path, item = verified(data_key)
    raw = read_csv(path, item, skiprows=WDI_SKIPROWS, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    tidy = validate(parse_wdi_wide(raw, path), WDI_PANEL, path)
    meta = load_wdi_country_meta(meta_key)
    aggregate_codes = set(meta.loc[meta["is_aggregate"], "iso3"])
    is_agg = tidy["iso3"].isin(aggregate_codes)
    return WdiData(tidy[~is_agg].reset_index(drop=True), tidy[is_agg].reset_index(drop=True))


def load_class() -> pd.DataFrame:
    """CLASS FY2023 economies (aggregates dropped): ``iso3, name, region, income_group, lending``."""
    path, item = verified("wb_class_fy2023")
    raw = read_excel(path, item, sheet_name="List of economies", dtype=str)
    require_columns(raw, CLASS_COLUMNS, path)
    economies = raw[raw["Region"].notna()]
    frame = pd.DataFrame(
        {
            "iso3": economies["Code"].str.strip(),
            "name": economies["Economy"].str.strip(),
            "region": economies["Region"].str.strip(),
            "income_group": economies["Income group"].str.strip(),
            "lending": economies.get("Lending category"),
        }
    )
    require_unique(frame, ["iso3"], path, index_lines(frame), unit="sheet row")
    return validate(frame.reset_index(drop=True), COUNTRY_GROUPS, path)


def parse_oghist(raw: pd.DataFrame, source: Path | str) -> pd.DataFrame:
    """Tidy the 'Country Analytical History' sheet (read with ``header=None``)."""
    fy_row = raw.index[raw[1].astype(str).str.startswith("Bank's fiscal year")]
    cy_row = raw.index[raw[1].astype(str).str.startswith("Data for calendar year")]
    if len(fy_row) != 1 or len(cy_row) != 1:
        raise SchemaError(
            f'{source}: cannot find the header rows. Expected one row starting "Bank\'s fiscal year" and one '
            "starting 'Data for calendar year' in column B. Restore the original OGHIST workbook."
        )
    fiscal = raw.loc[fy_row[0], 2:].astype(str).str.replace("FY", "", regex=False)
    gni = raw.loc[cy_row[0], 2:]
    body = raw[raw[0].astype(str).str.fullmatch(r"[A-Z]{3}")]
    records = []
    for col in fiscal.index:
        fy = int(fiscal[col])
        records.append(
            pd.DataFrame(
                {
                    "iso3": body[0].astype(str),
                    "fiscal_year": fy + (1900 if fy >= 50 else 2000),
                    "gni_year": int(gni[col]),
                    "income_group": body[col].astype(str).str.rstrip("*").str.strip(),
                    "row": index_lines(body, 1),  # read with header=None: index 0 is sheet row 1
                }
            )
        )
    tidy = pd.concat(records, ignore_index=True)
    tidy = tidy[tidy["income_group"].isin(INCOME_CODES)].reset_index(drop=True)
    require_unique(tidy, ["iso3", "fiscal_year"], source, tidy.pop("row"), unit="sheet row")
    tidy[["fiscal_year", "gni_year"]] = tidy[["fiscal_year", "gni_year"]].astype("int64")
    return validate(tidy, INCOME_HISTORY, source)


def load_oghist() -> pd.DataFrame:
    """Income group (L/LM/UM/H) of every economy by World Bank fiscal year, FY1989-FY2023."""
    path, item = verified("wb_oghist_fy2023")
    raw = read_excel(path, item, sheet_name="Country Analytical History", header=None)
    return parse_oghist(raw, path)
