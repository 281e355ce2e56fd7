"""World Bank-KNOMAD annual remittance inflows (US$ million, current prices)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from analysis.data.checks import index_lines, require_unique, to_number, validate
from analysis.data.countries import world_bank_name_to_iso3
from analysis.data.errors import SchemaError
from analysis.data.reading import read_excel, verified
from analysis.data.schemas import REMITTANCES

KEY = "knomad_remittances"
HEADER = "Remittance inflows (US$ million)"
#: 214 economies + "Low-and Middle-Income Countries" + "World"; notes follow below.
N_ROWS = 216


@dataclass(frozen=True)
class Remittances:
    """Inflows by economy and for the two aggregates, long format, US$ million."""

    countries: pd.DataFrame
    aggregates: pd.DataFrame


def load_remittances() -> Remittances:
    """KNOMAD June 2023 inflows, 2000-2022. Zeros are kept: they often mean 'not reported'."""
    path, item = verified(KEY)
    raw = read_excel(path, item, nrows=N_ROWS)
    if raw.columns[0] != HEADER:
        raise SchemaError(f"{path}: first column should be '{HEADER}', found '{raw.columns[0]}'")
    year_cols = [c for c in raw.columns[1:] if str(c).strip().isdigit()]
    if len(year_cols) < 20:
        raise SchemaError(f"{path}: expected year columns 2000..2022, found {list(raw.columns[1:])}")
    names = raw[HEADER].astype(str).str.strip()
    wide = pd.DataFrame({"name": names, "iso3": world_bank_name_to_iso3(names, str(path)), "row": index_lines(raw)})
    for col in year_cols:  # row 1 of the sheet is the header, data start on sheet row 2
        wide[int(col)] = to_number(raw[col], str(col), path, first_line=2)
    long = wide.melt(id_vars=["name", "iso3", "row"], var_name="year", value_name="value")
    long = long.dropna(subset=["value"])
    long["year"] = long["year"].astype("int64")
    long["measure"] = "remittance_inflows_usd_m"
    is_agg = long["iso3"].isna()
    countries = long.loc[~is_agg, ["iso3", "year", "measure", "value"]].reset_index(drop=True)
    require_unique(countries, ["iso3", "year"], path, long.loc[~is_agg, "row"], unit="sheet row")
    aggregates = long.loc[is_agg, ["name", "year", "measure", "value"]].reset_index(drop=True)
    return Remittances(validate(countries, REMITTANCES, path), aggregates)
