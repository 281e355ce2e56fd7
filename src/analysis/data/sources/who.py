"""WHO Global Health Observatory workforce data, in two vintages that are never mixed.

* ``nhwa2022``: the GHO CSV exports of January-February 2022 (counts and densities to 2020);
* ``gho_ddf``: the newer open-numbers DDF repackaging (densities and UHC index to 2023).

Each frame carries a ``vintage`` column; :func:`require_single_vintage` guards series builders.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis.data.checks import index_lines, require_columns, require_unique, to_number, validate
from analysis.data.errors import SchemaError
from analysis.data.reading import read_csv, verified
from analysis.data.schemas import WHO_PANEL

NHWA_KEYS = {"doctors": "who_nhwa_doctors", "nurses": "who_nhwa_nurses"}
DDF_KEYS = {
    "HWF_0001": "who_ddf_doctors_density",
    "HWF_0006": "who_ddf_nurses_density",
    "UHC_INDEX_REPORTED": "who_ddf_uhc_index",
}
GHO_COLUMNS = ["IndicatorCode", "Location type", "SpatialDimValueCode", "Period", "FactValueNumeric"]


def parse_gho_export(raw: pd.DataFrame, source: Path | str) -> pd.DataFrame:
    """Tidy a GHO CSV export (countries only); ``measure`` is the GHO indicator code."""
    require_columns(raw, GHO_COLUMNS, source)
    raw = raw[raw["Location type"] == "Country"]
    tidy = pd.DataFrame(
        {
            "iso3": raw["SpatialDimValueCode"].str.strip(),
            "year": to_number(raw["Period"], "Period", source, allow_missing=False).astype("int64"),
            "measure": raw["IndicatorCode"].str.strip(),
            "value": to_number(raw["FactValueNumeric"], "FactValueNumeric", source),
        }
    )
    tidy = tidy.dropna(subset=["value"])
    tidy["vintage"] = "nhwa2022"
    require_unique(tidy, ["iso3", "year", "measure"], source, index_lines(tidy))
    return validate(tidy.reset_index(drop=True), WHO_PANEL, source)


def parse_ddf(raw: pd.DataFrame, indicator: str, source: Path | str) -> pd.DataFrame:
    """Tidy one open-numbers DDF datapoints file (``country, year, <indicator>``)."""
    value_col = indicator.lower()
    require_columns(raw, ["country", "year", value_col], source)
    tidy = pd.DataFrame(
        {
            "iso3": raw["country"].str.strip().str.upper(),
            "year": to_number(raw["year"], "year", source, allow_missing=False).astype("int64"),
            "measure": indicator,
            "value": to_number(raw[value_col], value_col, source, allow_missing=False),
            "vintage": "gho_ddf",
        }
    )
    require_unique(tidy, ["iso3", "year", "measure"], source, index_lines(tidy))
    return validate(tidy, WHO_PANEL, source)


def load_nhwa2022(profession: str) -> pd.DataFrame:
    """2022 vintage for ``"doctors"`` (HWF_0001-0005) or ``"nurses"`` (HWF_0006-0009)."""
    if profession not in NHWA_KEYS:
        raise ValueError(f"profession must be one of {sorted(NHWA_KEYS)}, got {profession!r}")
    path, item = verified(NHWA_KEYS[profession])
    raw = read_csv(path, item, dtype=str, keep_default_na=False)
    return parse_gho_export(raw, path)


def load_ddf(indicator: str) -> pd.DataFrame:
    """Newer vintage: ``HWF_0001`` (doctors per 10k), ``HWF_0006`` (nurses/midwives per 10k),
    or ``UHC_INDEX_REPORTED`` (UHC service coverage index)."""
    if indicator not in DDF_KEYS:
        raise ValueError(f"indicator must be one of {sorted(DDF_KEYS)}, got {indicator!r}")
    path, item = verified(DDF_KEYS[indicator])
    raw = read_csv(path, item, dtype=str, keep_default_na=False)
    return parse_ddf(raw, indicator, path)


def require_single_vintage(frame: pd.DataFrame) -> str:
    """Return the one vintage in ``frame``; raise if two WHO vintages were mixed."""
    vintages = sorted(frame["vintage"].unique())
    if len(vintages) != 1:
        raise SchemaError(f"WHO series mixes vintages {vintages}; build each series from one vintage")
    return vintages[0]
