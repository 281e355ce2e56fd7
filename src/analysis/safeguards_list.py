"""An approximate re-derivation of the WHO Health Workforce Support and Safeguards List (SSL),
compared with the official list.

Inputs are WHO workforce densities (per 10,000) and the UHC service coverage index, as tidy frames of
:mod:`analysis.data.sources.who`. WHO applied its own data cut-off and rules, so the result is approximate.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.origin_profiles import latest_values


def derive_ssl(
    density_doctors: pd.DataFrame,
    density_nurses: pd.DataFrame,
    uhc: pd.DataFrame,
    density_threshold: float = 49,
    uhc_threshold: float = 55,
    first_year: int = 2013,
    uhc_year: int = 2021,
) -> pd.DataFrame:
    """An approximate re-derivation of the WHO Support and Safeguards List.

    Per country: the latest doctors density and the latest nurses-and-midwives density (per
    10,000), each taken separately in ``[first_year, latest year in the data]``, their sum, and the
    UHC service coverage index in ``uhc_year``. ``on_derived_list`` is ``density_sum <
    density_threshold`` **and** ``uhc_index < uhc_threshold`` (strict inequalities). A country
    lacking any input has NaN where it lacks it and is not listed. WHO applied its own data cut-off
    and rules, so the result is approximate, not the official list.

    Returns ``iso3, doctors_density, doctors_year, nurses_density, nurses_year, density_sum,
    uhc_index, on_derived_list``, sorted by ``iso3``.
    """
    doctors = latest_values(density_doctors, first_year).set_index("iso3")
    nurses = latest_values(density_nurses, first_year).set_index("iso3")
    index = uhc[uhc["year"] == uhc_year].set_index("iso3")["value"]
    countries = sorted(set(density_doctors["iso3"]) | set(density_nurses["iso3"]) | set(uhc["iso3"]))
    out = pd.DataFrame(
        {
            "doctors_density": doctors["value"],
            "doctors_year": doctors["year"].astype("Int64"),
            "nurses_density": nurses["value"],
            "nurses_year": nurses["year"].astype("Int64"),
            "uhc_index": index,
        },
        index=pd.Index(countries, name="iso3"),
    )
    out["density_sum"] = out["doctors_density"] + out["nurses_density"]
    out["on_derived_list"] = (out["density_sum"] < density_threshold) & (out["uhc_index"] < uhc_threshold)
    columns = [
        "doctors_density",
        "doctors_year",
        "nurses_density",
        "nurses_year",
        "density_sum",
        "uhc_index",
        "on_derived_list",
    ]
    return out[columns].reset_index()


def compare_ssl(derived: pd.DataFrame, official: pd.DataFrame) -> pd.DataFrame:
    """Countries on the derived list, the official list, or both.

    ``official`` is :func:`analysis.data.published.ssl_list` (if it holds several list years the latest
    is used). Returns ``iso3, derived, official, status`` with status one of ``"both"``,
    ``"derived only"``, ``"official only"``, sorted by status then ``iso3``.
    """
    if "list_year" in official.columns and len(official):
        official = official[official["list_year"].astype(int) == official["list_year"].astype(int).max()]
    derived_set = set(derived.loc[derived["on_derived_list"].astype(bool), "iso3"])
    official_set = set(official["iso3"])
    countries = sorted(derived_set | official_set)
    out = pd.DataFrame(
        {
            "iso3": countries,
            "derived": [c in derived_set for c in countries],
            "official": [c in official_set for c in countries],
        }
    )
    out["status"] = np.select(
        [out["derived"] & out["official"], out["derived"]], ["both", "derived only"], "official only"
    )
    return out.sort_values(["status", "iso3"], ignore_index=True, kind="stable")
