"""Where foreign-trained doctors come from, and how many of each origin's doctors are abroad.

Inputs are the tidy frames of :mod:`analysis.data.sources`: OECD foreign-trained doctors (``FTDS``) by
origin (21 destinations in 2018, the USA in 2016), WHO workforce counts, World Bank income groups
(CLASS FY2023, and OGHIST for the classification of the data year) and regions. All functions but
the claim's evaluator are pure: they take frames and return frames.

Coverage limits that apply throughout: the OECD extracts cover 22 OECD destinations only (no
Gulf states, no South Africa, no intra-African or intra-Asian movement), one year each, and
count doctors by country of *training*, not of birth or citizenship (except Germany, whose counts
are by nationality; OECD, Health at a Glance 2017, note to Figure 8.19).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.data.sources.oecd import NON_COUNTRY_ORIGINS
from analysis.evidence import ClaimResult, evaluates, judged
from analysis.verdicts import Assertion, DecidingInput, Specification

UNCLASSIFIED = "unclassified"
HIGH_INCOME = "High income"
#: WHO count of medical doctors (head count), 2022 vintage.
DOCTOR_COUNT_MEASURE = "HWF_0002"
#: OGHIST income codes as CLASS spells them.
INCOME_LABELS = {"L": "Low income", "LM": "Lower middle income", "UM": "Upper middle income", "H": "High income"}
#: Destinations whose foreign-trained doctor counts are by nationality, not by country of training.
BY_NATIONALITY = ("DEU",)
#: Countries whose medical schools teach many foreign students who then go home, and the destinations
#: (the students' home countries) where their graduates are counted as "abroad" (issue 12, section 4).
STUDENT_EXPORTERS = {"HUN": ("NOR", "ISR", "USA"), "POL": ("USA", "NOR"), "IRL": ("CAN",)}
#: The fifteen successor states of the Soviet Union.
FORMER_SOVIET = ("ARM", "AZE", "BLR", "EST", "GEO", "KAZ", "KGZ", "LTU", "LVA", "MDA", "RUS", "TJK", "TKM",
                 "UKR", "UZB")  # fmt: skip
#: Editorial reading of "substantial": at least this share (%) of the foreign-trained doctors observed.
SUBSTANTIAL_SHARE = 10.0


def _by_origin(ftds: pd.DataFrame) -> pd.DataFrame:
    """Country-of-origin rows only: no ``TOT``/``NS`` rows, no origin equal to the destination."""
    rows = ftds[~ftds["origin"].isin(NON_COUNTRY_ORIGINS) & (ftds["origin"] != ftds["iso3"])]
    return rows.reset_index(drop=True)


def _scope_label(destinations: pd.Series) -> str:
    unique = sorted(destinations.unique())
    return unique[0] if len(unique) == 1 else f"{len(unique)} destinations"


def _with_groups(rows: pd.DataFrame, groups: pd.DataFrame) -> pd.DataFrame:
    """Attach origin ``income_group`` and ``region``; missing ones become ``"unclassified"``.

    If ``groups`` has a ``year`` column (see :func:`groups_of_data_years`), each row gets the groups of
    its own year."""
    keys = ["iso3", "year"] if "year" in groups.columns else ["iso3"]
    lookup = groups.set_index(keys)[["income_group", "region"]]
    out = rows.join(lookup, on=["origin", *keys[1:]])
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


def origin_destination_table(ftds: pd.DataFrame) -> pd.DataFrame:
    """Foreign-trained doctors by country of training (rows) and destination (one column per destination
    code, each of its own data year), with ``origin`` first and ``all destinations`` last; origins with no
    doctor in any destination are left out; sorted by the total, largest first (ties by code)."""
    rows = _by_origin(ftds)
    wide = rows.astype({"value": float}).pivot_table(
        index="origin", columns="iso3", values="value", aggfunc="sum", fill_value=0.0
    )
    wide = wide[sorted(wide.columns)]
    wide["all destinations"] = wide.sum(axis=1)
    wide = wide[wide["all destinations"] > 0].reset_index()
    order = wide.sort_values("origin", kind="stable").sort_values("all destinations", ascending=False, kind="stable")
    return order.reset_index(drop=True).rename_axis(columns=None)


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
    columns = ["destination", "year", "doctors", "north_north", "south_north", "of_which_unclassified"]
    columns += ["share_north_north", "share_south_north"]
    return out[columns].sort_values(["year", "destination"], ascending=[False, True], ignore_index=True, kind="stable")


def _nearest_year(frame: pd.DataFrame, keys: list[str], target: int) -> pd.DataFrame:
    """Per ``keys``, the row whose year is nearest ``target`` (ties go to the earlier year)."""
    ranked = frame.assign(_gap=(frame["year"] - target).abs()).sort_values([*keys, "_gap", "year"], kind="stable")
    return ranked.drop_duplicates(keys).drop(columns="_gap")


def _nearest_rows(rows: pd.DataFrame, target_year: int = 2018) -> pd.DataFrame:
    """The rows of each destination's year nearest ``target_year`` (2018 extract; the USA in 2016)."""
    dest_years = _nearest_year(rows[["iso3", "year"]].drop_duplicates(), ["iso3"], target_year)
    return rows.merge(dest_years, on=["iso3", "year"])


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
      Africa, no Sweden, Italy, Spain, Japan...), so ``abroad`` misses emigrants elsewhere;
    * foreign students: where a country's medical schools teach many foreign students who go home
      (:data:`STUDENT_EXPORTERS`, see :func:`flag_student_exporters`), their graduates working at
      home are counted as "abroad", so the rate is *not* a lower bound of emigration there;
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
    rows = _nearest_rows(_by_origin(ftds), target_year)
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


def flag_student_exporters(
    rates: pd.DataFrame, ftds: pd.DataFrame, exporters: dict[str, tuple[str, ...]] | None = None
) -> pd.DataFrame:
    """Add ``trains_foreign_students`` (the origin is in ``exporters``, default :data:`STUDENT_EXPORTERS`)
    and ``share_in_student_homes``: the share of its ``abroad`` doctors working in the destinations named
    for it (its foreign students' home countries; NaN for other origins). Those doctors may be natives of
    the destination who went home, not emigrants, so the rate overstates emigration."""
    exporters = STUDENT_EXPORTERS if exporters is None else exporters
    rows = _nearest_rows(_by_origin(ftds))
    homes = rows[[dest in exporters.get(origin, ()) for origin, dest in zip(rows["origin"], rows["iso3"], strict=True)]]
    in_homes = homes.groupby("origin")["value"].sum()
    out = rates.copy()
    out["trains_foreign_students"] = out["origin"].isin(list(exporters))
    share = out["origin"].map(in_homes) / out["abroad"]
    out["share_in_student_homes"] = share.where(out["trains_foreign_students"])
    return out


def share_trained_in(ftds: pd.DataFrame, destination: str, training: tuple[str, ...]) -> float:
    """Share of ``destination``'s foreign-trained doctors (stated origin, year nearest 2018) trained in ``training``."""
    rows = _nearest_rows(_by_origin(ftds))
    rows = rows[rows["iso3"] == destination]
    if rows["value"].sum() == 0:
        raise ValueError(f"{destination}: no foreign-trained doctors of stated origin")
    return float(rows.loc[rows["origin"].isin(training), "value"].sum() / rows["value"].sum())


def groups_of_data_years(
    oghist: pd.DataFrame, class_table: pd.DataFrame, years: list[int], basis: str = "gni"
) -> pd.DataFrame:
    """The World Bank income group of every economy for data of each of ``years``, with its CLASS region.

    ``basis="gni"``: the classification made from GNI per capita of the data year (OGHIST's fiscal year
    whose "data for calendar year" is the data year: FY2020 for 2018, FY2018 for 2016); ``basis="in
    force"``: the classification in force at the end of the data year (made from GNI of the year before:
    FY2019 for 2018). Economies unclassified that year are absent (they become "unclassified" in
    :func:`origin_composition`); regions are CLASS FY2023's. Returns ``iso3, year, income_group, region,
    fiscal_year``.
    """
    if basis not in ("gni", "in force"):
        raise ValueError(f"basis must be 'gni' or 'in force', not {basis!r}")
    parts = []
    for year in years:
        gni_year = year if basis == "gni" else year - 1
        rows = oghist[oghist["gni_year"] == gni_year]
        if rows.empty:
            raise ValueError(f"OGHIST holds no classification made from GNI of {gni_year}")
        parts.append(rows.assign(year=year))
    out = pd.concat(parts, ignore_index=True)
    out["income_group"] = out["income_group"].map(INCOME_LABELS)
    out = out.merge(class_table[["iso3", "region"]], on="iso3", how="left")
    return out[["iso3", "year", "income_group", "region", "fiscal_year"]]


def income_shares(ftds: pd.DataFrame, groups: pd.DataFrame, exclude: tuple[str, ...] = ()) -> pd.Series:
    """Share of foreign-trained doctors (stated origin) by origin income group, the destinations of ``ftds``
    (each in its year nearest 2018, less ``exclude``) pooled. Indexed by income group."""
    rows = _with_groups(_nearest_rows(_by_origin(ftds)), groups)
    counts = rows[~rows["iso3"].isin(exclude)].groupby("income_group")["value"].sum()
    return counts / counts.sum()


def north_share_table(ftds: pd.DataFrame, class_table: pd.DataFrame, oghist: pd.DataFrame) -> pd.DataFrame:
    """Share (%) of foreign-trained doctors trained in high-income countries, under three classifications
    (CLASS FY2023 for every year; OGHIST from GNI of the data year; OGHIST in force at the end of the data
    year) and three scopes (21 destinations in 2018; with the USA in 2016; the same without Germany, whose
    counts are by nationality). Returns ``classification, scope, share_high_income``."""
    years = sorted(int(y) for y in ftds["year"].unique())
    classifications = {
        "CLASS FY2023, for every data year": class_table,
        "GNI of the data year (OGHIST)": groups_of_data_years(oghist, class_table, years, "gni"),
        "in force at the end of the data year (OGHIST)": groups_of_data_years(oghist, class_table, years, "in force"),
    }
    rows = []
    for classification, groups in classifications.items():
        for scope, (frame, exclude) in _scopes(ftds).items():
            share = income_shares(frame, groups, exclude).get(HIGH_INCOME, 0.0)
            rows.append({"classification": classification, "scope": scope, "share_high_income": 100 * share})
    return pd.DataFrame(rows)


def _scopes(ftds: pd.DataFrame) -> dict[str, tuple[pd.DataFrame, tuple[str, ...]]]:
    return {
        "21 destinations, 2018": (ftds[ftds["year"] == 2018], ()),
        "and the United States, 2016": (ftds, ()),
        "all but Germany (counts by nationality)": (ftds, BY_NATIONALITY),
    }


def _south_south_reason(table: pd.DataFrame, europe: np.ndarray, specs: list[Specification]) -> str:
    """The verdict's reason, from the same-region table (World Bank regions, by destination and ``"all"``)."""
    everything, headline = table.at["all", "same_region"], specs[1]
    inside = sum(s.low <= SUBSTANTIAL_SHARE <= s.high for s in specs)
    return (
        "The claim bundles intra-regional, South-South and North-South movement and says the evidence for them "
        f"is growing. All {len(table) - 1} OECD destinations in the data are high-income countries, so "
        "South-South and North-South movement cannot be seen at all, and one year cannot show growth. What the "
        f"data can test is intra-regional movement into these destinations: "
        f"{100 * everything / table.at['all', 'doctors']:.0f}% of their foreign-trained doctors trained in a "
        "country of the destination's own World Bank region, but "
        f"{100 * table.at['all', 'same_region_high_income'] / everything:.0f}% of those trained in a high-income "
        f"country ({100 * table.loc[europe, 'same_region'].sum() / everything:.0f}% of the intra-regional total "
        "is into European destinations, mostly North-North). Intra-regional movement from countries outside the "
        f"high-income group, the part closest to the claim, is {headline.estimate:.0f}% of the foreign-trained "
        f"doctors (95% of bootstrap draws over destinations between {headline.low:.0f}% and "
        f"{headline.high:.0f}%); across region schemes, destinations and income classifications the estimate "
        f"runs from {min(s.estimate for s in specs):.0f}% to {max(s.estimate for s in specs):.0f}%, and {inside} "
        f"of the {len(specs)} intervals include the {SUBSTANTIAL_SHARE:.0f}% we read as 'substantial' (an "
        "editorial threshold). The counts are complete for the destinations covered; the intervals show how much "
        "the share depends on which destinations happen to be covered."
    )


@evaluates("south_south_movement")
def evaluate_south_south() -> ClaimResult:
    """The claim's intra-regional part from outside the high-income group, the only part the OECD data can see
    (see :mod:`analysis.intra_regional`)."""
    from analysis import intra_regional
    from analysis.data.countries import load_iso3166
    from analysis.data.sources import oecd, worldbank

    ftds, class_table, oghist = oecd.load_foreign_trained_doctors(), worldbank.load_class(), worldbank.load_oghist()
    specs = intra_regional.specifications(ftds, class_table, load_iso3166(), oghist)
    headline = specs[1]
    groups = groups_of_data_years(oghist, class_table, [2016, 2018])
    table = intra_regional.same_region_shares(ftds, class_table[["iso3", "region"]], groups).set_index("destination")
    europe = table.index.isin(class_table.loc[class_table["region"] == "Europe & Central Asia", "iso3"])
    return judged(
        "south_south_movement",
        headline,
        "% of foreign-trained doctors in 22 high-income OECD destinations (2018; United States 2016) trained in "
        "a country of the destination's own region that was not high income",
        Assertion("above", SUBSTANTIAL_SHARE),
        specs,
        [
            DecidingInput(
                "ftds",
                "primary",
                label="foreign-trained doctors by country of training, OECD Health Workforce Migration database "
                "(21 destinations in 2018, the United States in 2016)",
            ),
            DecidingInput("oghist", "primary", label="World Bank income classifications by year, and regions"),
        ],
        reason=_south_south_reason(table, europe, specs),
        would_change=(
            "Stocks of foreign-trained doctors and nurses by origin for destinations outside the high-income group "
            "(for example from the WHO National Health Workforce Accounts indicator on foreign-trained workers) "
            "in at least two years."
        ),
        unmatched=(
            "every destination observed is high income, so South-South and North-South movement cannot be seen, "
            "and one year cannot show growth"
        ),
    )
