"""Intra-regional movement of foreign-trained doctors into OECD destinations (the testable part of the
"intra-regional, South-South and North-South movement" claim).

Every destination in the OECD extracts (21 in 2018, the USA in 2016) is classed high income, so
movement *between* countries outside the high-income group (South-South) and movement *into* them
(North-South) cannot be seen at all. What can be seen is how many of the destinations' foreign-trained
doctors trained in a country of the destination's own region, and how many of those in a country that
was not high income in the data year: intra-regional movement from outside the high-income group,
which excludes the North-North movement within Europe that dominates the intra-regional total.

The counts are complete for the destinations covered; what is uncertain is what they say beyond those
destinations. Each specification's interval is therefore a bootstrap over destinations (how much the
pooled share depends on which destinations happen to be covered), and the specification set spans the
other choices: the region scheme (World Bank regions, or UN M49 sub-regions, which split Europe in
four), the destinations (with or without the USA, without Germany whose counts are by nationality) and
the income classification (of the data year, or FY2023 for every year).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.origins import HIGH_INCOME, _by_origin, _nearest_rows, _scopes, _with_groups, groups_of_data_years
from analysis.verdicts import Specification

N_DRAWS = 4000
SEED = 20_261_126


def same_region_shares(ftds: pd.DataFrame, regions: pd.DataFrame, groups: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per destination (each in its year nearest 2018) and pooled (``"all"``): the share of foreign-trained
    doctors of stated origin who trained in a country of the destination's own region.

    ``regions`` maps ``iso3`` to ``region``; an origin or destination without a region never matches.
    A destination with no doctors of stated origin (Greece in 2018) gets a NaN share. With ``groups``
    (income groups, as in :func:`analysis.origins.origin_composition`), ``same_region_high_income`` counts
    the same-region doctors trained in a high-income country and ``same_region_other`` the rest (origins
    outside the high-income group, unclassified ones included). Returns ``destination, doctors,
    same_region[, same_region_high_income, same_region_other], share``.
    """
    lookup = regions.dropna(subset=["region"]).set_index("iso3")["region"]
    rows = _nearest_rows(_by_origin(ftds))
    same = rows["iso3"].map(lookup).eq(rows["origin"].map(lookup)) & rows["origin"].map(lookup).notna()
    rows = rows.assign(same_region=np.where(same, rows["value"], 0.0))
    sums = ["value", "same_region"]
    if groups is not None:
        high = _with_groups(rows, groups)["income_group"].eq(HIGH_INCOME).to_numpy()
        rows["same_region_high_income"] = np.where(high, rows["same_region"], 0.0)
        rows["same_region_other"] = rows["same_region"] - rows["same_region_high_income"]
        sums += ["same_region_high_income", "same_region_other"]
    per_dest = rows.groupby("iso3")[sums].sum()
    per_dest.loc["all"] = per_dest.sum()
    out = per_dest.rename(columns={"value": "doctors"}).rename_axis("destination").reset_index()
    out["share"] = out["same_region"] / out["doctors"].where(out["doctors"] > 0)
    return out


def destination_bootstrap(
    per_destination: pd.DataFrame, column: str, n_draws: int = N_DRAWS, seed: int = SEED, level: float = 0.95
) -> tuple[float, float, float]:
    """Pooled share (%) of ``column`` in all doctors over the destinations of ``per_destination`` (the
    ``"all"`` row left out), and the central ``level`` interval of the same share over destinations
    resampled with replacement."""
    rows = per_destination[per_destination["destination"] != "all"]
    counts, doctors = rows[column].to_numpy(dtype=float), rows["doctors"].to_numpy(dtype=float)
    if doctors.sum() <= 0:
        raise ValueError("no foreign-trained doctors of stated origin in these destinations")
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, len(rows), size=(n_draws, len(rows)))
    draws = 100 * counts[idx].sum(axis=1) / doctors[idx].sum(axis=1)
    tail = (1 - level) / 2
    low, high = np.quantile(draws, [tail, 1 - tail])
    return 100 * counts.sum() / doctors.sum(), float(low), float(high)


def specifications(
    ftds: pd.DataFrame, class_table: pd.DataFrame, iso: pd.DataFrame, oghist: pd.DataFrame
) -> list[Specification]:
    """The share (%) of foreign-trained doctors who trained in a country of the destination's own region
    that was not high income, under each region scheme and scope with the classification of the data year,
    and with the FY2023 classification for all 22 destinations; each with its bootstrap over destinations."""
    schemes = {
        "World Bank regions": class_table[["iso3", "region"]],
        "UN M49 sub-regions": iso[["iso3", "sub_region"]].rename(columns={"sub_region": "region"}),
    }
    years = sorted(int(y) for y in ftds["year"].unique())
    data_year = groups_of_data_years(oghist, class_table, years)
    specs = []
    for scheme, regions in schemes.items():
        for scope, (frame, exclude) in _scopes(ftds).items():
            table = same_region_shares(frame[~frame["iso3"].isin(exclude)], regions, data_year)
            specs.append(Specification(f"{scheme}; {scope}", *destination_bootstrap(table, "same_region_other")))
    for scheme, regions in schemes.items():
        table = same_region_shares(ftds, regions, class_table[["iso3", "income_group", "region"]])
        label = f"{scheme}; and the United States, 2016; FY2023 income groups for every year"
        specs.append(Specification(label, *destination_bootstrap(table, "same_region_other")))
    return specs
