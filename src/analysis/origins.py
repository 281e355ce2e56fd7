"""Where foreign-trained doctors come from, and how many of each origin's doctors are abroad.

Inputs are the tidy frames of :mod:`analysis.data.sources`: OECD foreign-trained doctors (``FTDS``) by
origin (21 destinations in 2018, the USA in 2016), WHO workforce densities and counts, the UHC
service coverage index, World Bank CLASS income groups and KNOMAD remittances. All functions are
pure: they take frames and return frames.

Coverage limits that apply throughout: the OECD extracts cover 22 OECD destinations only (no
Gulf states, no South Africa, no intra-African or intra-Asian movement), one year each, and
count doctors by country of *training*, not of birth or citizenship.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.data.sources.oecd import NON_COUNTRY_ORIGINS

UNCLASSIFIED = "unclassified"
HIGH_INCOME = "High income"
#: WHO count of medical doctors (head count), 2022 vintage.
DOCTOR_COUNT_MEASURE = "HWF_0002"


def _by_origin(ftds: pd.DataFrame) -> pd.DataFrame:
    """Country-of-origin rows only: no ``TOT``/``NS`` rows, no origin equal to the destination."""
    rows = ftds[~ftds["origin"].isin(NON_COUNTRY_ORIGINS) & (ftds["origin"] != ftds["iso3"])]
    return rows.reset_index(drop=True)


def _scope_label(destinations: pd.Series) -> str:
    unique = sorted(destinations.unique())
    return unique[0] if len(unique) == 1 else f"{len(unique)} destinations"


def _with_groups(rows: pd.DataFrame, groups: pd.DataFrame) -> pd.DataFrame:
    """Attach origin ``income_group`` and ``region``; missing ones become ``"unclassified"``."""
    lookup = groups.set_index("iso3")[["income_group", "region"]]
    out = rows.join(lookup, on="origin")
    for col in ("income_group", "region"):
        out[col] = out[col].astype(object).where(out[col].notna(), UNCLASSIFIED)
    return out


def origin_composition(ftds: pd.DataFrame, groups: pd.DataFrame) -> pd.DataFrame:
    """Foreign-trained doctors by origin income group and by origin region, per year of the data.

    ``groups`` is the CLASS table (``iso3, region, income_group``). ``TOT`` and ``NS`` rows are
    left out (so the USA total excludes its 5,810 doctors of unstated origin); origins absent from
    CLASS or without an income group (e.g. Cook Islands, Niue, Venezuela in FY2023) are
    ``"unclassified"``. Each year is one scope: in the staged data, 2018 = 21 destinations and
    2016 = the USA. Returns ``year, destinations, dimension, group, doctors, share`` (share of the
    scope's doctors of stated origin).
    """
    rows = _with_groups(_by_origin(ftds), groups)
    parts = []
    for year, scope in rows.groupby("year"):
        label = _scope_label(scope["iso3"])
        for dimension in ("income_group", "region"):
            counts = scope.groupby(dimension)["value"].sum()
            parts.append(
                pd.DataFrame(
                    {
                        "year": year,
                        "destinations": label,
                        "dimension": dimension,
                        "group": counts.index,
                        "doctors": counts.to_numpy(),
                        "share": (counts / counts.sum()).to_numpy(),
                    }
                )
            )
    out = pd.concat(parts, ignore_index=True)
    return out.sort_values(
        ["year", "dimension", "doctors"], ascending=[False, True, False], ignore_index=True, kind="stable"
    )


def top_origins(ftds: pd.DataFrame, n: int = 10, pooled: bool = False) -> pd.DataFrame:
    """The ``n`` largest origins of foreign-trained doctors per destination and year.

    With ``pooled=True`` destinations of the same year are summed first (``destination`` is then
    e.g. ``"21 destinations"``). ``share`` is of the destination's doctors of stated origin.
    Returns ``year, destination, rank, origin, doctors, share``.
    """
    rows = _by_origin(ftds)
    if pooled:
        labels = rows.groupby("year")["iso3"].agg(_scope_label)
        rows = rows.assign(iso3=rows["year"].map(labels))
    totals = rows.groupby(["year", "iso3", "origin"], as_index=False)["value"].sum()
    totals["share"] = totals["value"] / totals.groupby(["year", "iso3"])["value"].transform("sum")
    totals = totals.sort_values(
        ["year", "iso3", "value", "origin"], ascending=[False, True, False, True], kind="stable"
    )
    totals["rank"] = totals.groupby(["year", "iso3"]).cumcount() + 1
    top = totals[totals["rank"] <= n].rename(columns={"iso3": "destination", "value": "doctors"})
    return top[["year", "destination", "rank", "origin", "doctors", "share"]].reset_index(drop=True)


def north_south_split(ftds: pd.DataFrame, groups: pd.DataFrame) -> pd.DataFrame:
    """Share of foreign-trained doctors trained in high-income ("North-North") vs other origins.

    "South-North" is every origin not classed high income in CLASS FY2023, including the few
    unclassified ones (counted again in ``of_which_unclassified``). Rows per destination and
    year, plus one ``"all"`` row per year (destinations summed). A destination with no doctors
    of stated origin (Greece in the 2018 extract: every cell is 0) gets NaN shares.

    Only two of the four directions can be measured: every destination in the OECD data is an
    OECD country, almost all of them high income (Colombia, Mexico, Turkey and the like are not in
    the extracts). Doctors moving South-South (e.g. to South Africa or the Gulf states) or
    North-South are not counted at all, so these shares describe movement *into the OECD*, not
    health worker mobility in general.

    Returns ``destination, year, doctors, north_north, south_north, of_which_unclassified,
    share_north_north, share_south_north``.
    """
    rows = _with_groups(_by_origin(ftds), groups)
    rows["north"] = np.where(rows["income_group"] == HIGH_INCOME, rows["value"], 0.0)
    rows["unclassified"] = np.where(rows["income_group"] == UNCLASSIFIED, rows["value"], 0.0)
    sums = {"doctors": ("value", "sum"), "north_north": ("north", "sum"), "unclass": ("unclassified", "sum")}
    per_dest = rows.groupby(["iso3", "year"]).agg(**sums).reset_index()
    overall = rows.groupby("year").agg(**sums).reset_index().assign(iso3="all")
    out = pd.concat([per_dest, overall], ignore_index=True).rename(
        columns={"iso3": "destination", "unclass": "of_which_unclassified"}
    )
    out["south_north"] = out["doctors"] - out["north_north"]
    out["share_north_north"] = out["north_north"] / out["doctors"]
    out["share_south_north"] = out["south_north"] / out["doctors"]
    columns = [
        "destination",
        "year",
        "doctors",
        "north_north",
        "south_north",
        "of_which_unclassified",
        "share_north_north",
        "share_south_north",
    ]
    return out[columns].sort_values(["year", "destination"], ascending=[False, True], ignore_index=True, kind="stable")


def _nearest_year(frame: pd.DataFrame, keys: list[str], target: int) -> pd.DataFrame:
    """Per ``keys``, the row whose year is nearest ``target`` (ties go to the earlier year)."""
    ranked = frame.assign(_gap=(frame["year"] - target).abs()).sort_values([*keys, "_gap", "year"], kind="stable")
    return ranked.drop_duplicates(keys).drop(columns="_gap")


def emigration_rates(
    ftds: pd.DataFrame,
    who_counts: pd.DataFrame,
    max_year_gap: int = 3,
    target_year: int = 2018,
    measure: str = DOCTOR_COUNT_MEASURE,
) -> pd.DataFrame:
    """Per origin, the share of its doctors working in the covered destinations.

    ``abroad`` sums foreign-trained doctors over the destinations covered, each destination in
    the year of its data nearest ``target_year`` (the 2018 extract, plus the USA in 2016 from its
    own file); ``n_destinations`` counts those with at least one such doctor. ``home`` is the WHO
    head count (``HWF_0002``, 2022 vintage) in the year nearest ``target_year`` within
    ``max_year_gap`` years (ties go to the earlier year); origins without such a count are
    dropped. ``rate = abroad / (abroad + home)``.

    Caveats, all of which matter when reading the numbers:

    * missing destinations: only 22 OECD destinations are covered (no Gulf states, no South
      Africa, no Sweden, Italy, Spain, Japan...), so ``abroad`` and the rate are lower bounds for
      emigration to the world;
    * year mismatch: the USA counts are for 2016, the others for 2018, and the home count may be
      up to ``max_year_gap`` years from 2018;
    * foreign-trained is not emigrant: doctors trained abroad include natives of the destination
      (e.g. US citizens trained in Caribbean medical schools, which inflates the "abroad" count of
      Grenada, Dominica, Saint Kitts and Nevis or Saint Lucia), and home-trained doctors who
      left for a non-covered country or left medicine are not counted;
    * the home count is of doctors active in the country, which may include foreign-trained
      doctors there (so ``abroad + home`` is not exactly "doctors trained in the country").

    Returns ``origin, abroad, n_destinations, destination_years, home, home_year, rate``.
    """
    rows = _by_origin(ftds)
    dest_years = _nearest_year(rows[["iso3", "year"]].drop_duplicates(), ["iso3"], target_year)
    rows = rows.merge(dest_years, on=["iso3", "year"])
    abroad = rows.groupby("origin").agg(
        abroad=("value", "sum"),
        n_destinations=("value", lambda v: int((v > 0).sum())),
        destination_years=("year", lambda y: "/".join(str(v) for v in sorted(set(y)))),
    )
    counts = who_counts
    if "measure" in counts.columns:
        counts = counts[counts["measure"] == measure]
    near = counts[(counts["year"] - target_year).abs() <= max_year_gap]
    home = _nearest_year(near[["iso3", "year", "value"]], ["iso3"], target_year)
    home = home.rename(columns={"iso3": "origin", "value": "home", "year": "home_year"})
    out = abroad.reset_index().merge(home, on="origin", how="inner")
    out["home_year"] = out["home_year"].astype("int64")
    out["rate"] = out["abroad"] / (out["abroad"] + out["home"])
    columns = ["origin", "abroad", "n_destinations", "destination_years", "home", "home_year", "rate"]
    return out[columns].sort_values("rate", ascending=False, ignore_index=True, kind="stable")
