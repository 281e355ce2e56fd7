"""OECD Health Workforce Migration (HEALTH_WFMI) exports in the legacy OECD.Stat CSV layout.

The same loader reads a full HEALTH_WFMI panel, should a researcher download one: pass its
path to :func:`parse_wfmi` (same columns, any variables, origins and years).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis.data.checks import index_lines, require_columns, require_unique, to_number, validate
from analysis.data.reading import read_csv, verified
from analysis.data.schemas import OECD_WFMI

WFMI_COLUMNS = ["COU", "VAR", "CO2", "YEA", "Value", "Flag Codes"]
TOTALS_KEY = "oecd_wfmi_totals"
FTDS_2018_KEY = "oecd_wfmi_ftds_2018"
FTDS_USA_KEY = "oecd_wfmi_ftds_usa_2016"
#: Origin codes that are not countries.
NON_COUNTRY_ORIGINS = {"TOT", "NS"}


def parse_wfmi(raw: pd.DataFrame, source: Path | str) -> pd.DataFrame:
    """Tidy a raw OECD.Stat HEALTH_WFMI export.

    Returns columns ``iso3`` (destination), ``origin`` (ISO3, or ``TOT``/``NS``), ``year``,
    ``measure`` (the OECD variable code, e.g. ``FTDS``), ``value`` (persons) and ``flag``
    (``B`` break in series, ``D`` difference in methodology, or missing).
    """
    require_columns(raw, WFMI_COLUMNS, source)
    years = to_number(raw["YEA"], "YEA", source, allow_missing=False)
    tidy = pd.DataFrame(
        {
            "iso3": raw["COU"].astype(str).str.strip(),
            "origin": raw["CO2"].astype(str).str.strip(),
            "year": years.astype("int64"),
            "measure": raw["VAR"].astype(str).str.strip(),
            "value": to_number(raw["Value"], "Value", source, allow_missing=False),
            "flag": raw["Flag Codes"].astype("string").str.strip().replace("", pd.NA).astype(object),
        }
    )
    tidy["flag"] = tidy["flag"].where(tidy["flag"].notna(), None)
    require_unique(tidy, ["iso3", "origin", "year", "measure"], source, index_lines(tidy))
    return validate(tidy, OECD_WFMI, source)


def _load(key: str) -> pd.DataFrame:
    path, item = verified(key)
    raw = read_csv(path, item, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    return parse_wfmi(raw, path)


def load_totals() -> pd.DataFrame:
    """Total doctors (``TNBD``) and nurses (``TNBN``), 31 OECD countries, 2010-2022."""
    return _load(TOTALS_KEY)


def load_foreign_trained_doctors() -> pd.DataFrame:
    """Foreign-trained doctors (``FTDS``) by origin: 21 destinations in 2018 and the USA in 2016.

    The 2018 extract has no ``TOT`` rows; the USA extract has ``TOT`` and ``NS`` (others).
    """
    return pd.concat([_load(FTDS_2018_KEY), _load(FTDS_USA_KEY)], ignore_index=True)
