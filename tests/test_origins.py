"""Origins of foreign-trained doctors, emigration rates, the derived SSL and density trends.

The first tests use small synthetic frames (made-up codes such as AAA, HIC, LIC) with answers
computed by hand; the last ones run on the staged real data and check facts recorded in
PROVENANCE.md.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis import origin_profiles, origins, safeguards_list

# --- synthetic fixtures ------------------------------------------------------------------------


def _ftds(rows: list[tuple[str, str, int, float]]) -> pd.DataFrame:
    """Synthetic FTDS frame from (destination, origin, year, value) tuples."""
    frame = pd.DataFrame(rows, columns=["iso3", "origin", "year", "value"])
    return frame.assign(measure="FTDS", flag=None)


@pytest.fixture
def ftds() -> pd.DataFrame:
    # synthetic: two destinations in 2018 (no totals), the USA in 2016 with TOT and NS rows
    return _ftds(
        [
            ("AAA", "HIC", 2018, 60),
            ("AAA", "LIC", 2018, 30),
            ("AAA", "ZZZ", 2018, 10),  # origin not in the groups table
            ("AAA", "AAA", 2018, 0),  # own country: ignored
            ("BBB", "HIC", 2018, 20),
            ("BBB", "LIC", 2018, 80),
            ("USA", "LIC", 2016, 40),
            ("USA", "HIC", 2016, 10),
            ("USA", "NS", 2016, 5),
            ("USA", "TOT", 2016, 55),
        ]
    )


@pytest.fixture
def groups() -> pd.DataFrame:
    # synthetic CLASS-like table
    return pd.DataFrame(
        {
            "iso3": ["HIC", "LIC", "AAA", "BBB", "USA"],
            "name": ["High", "Low", "A", "B", "United States"],
            "region": ["Europe & Central Asia", "Sub-Saharan Africa", "X", "X", "North America"],
            "income_group": ["High income", "Low income", "High income", "High income", "High income"],
        }
    )


def test_origin_composition_counts_and_shares(ftds, groups):
    comp = origins.origin_composition(ftds, groups)
    y2018 = comp[(comp["year"] == 2018) & (comp["dimension"] == "income_group")].set_index("group")
    # 2018: HIC 60+20=80, LIC 30+80=110, ZZZ 10 -> unclassified; total 200
    assert y2018.loc["High income", "doctors"] == 80
    assert y2018.loc["Low income", "share"] == pytest.approx(110 / 200)
    assert y2018.loc["unclassified", "doctors"] == 10
    assert set(comp.loc[comp["year"] == 2018, "destinations"]) == {"2 destinations"}
    usa = comp[(comp["year"] == 2016) & (comp["dimension"] == "region")].set_index("group")
    # TOT and NS left out: 40 + 10 = 50
    assert usa["doctors"].sum() == 50
    assert usa.loc["Sub-Saharan Africa", "share"] == pytest.approx(0.8)
    assert set(comp.loc[comp["year"] == 2016, "destinations"]) == {"USA"}


def test_top_origins_per_destination_and_pooled(ftds):
    top = origins.top_origins(ftds, 2)
    aaa = top[top["destination"] == "AAA"]
    assert aaa["origin"].tolist() == ["HIC", "LIC"]
    assert aaa["share"].tolist() == pytest.approx([0.6, 0.3])
    assert "TOT" not in set(top["origin"]) and "NS" not in set(top["origin"])
    pooled = origins.top_origins(ftds, 1, pooled=True)
    row = pooled[pooled["year"] == 2018].iloc[0]
    assert (row["destination"], row["origin"], row["doctors"]) == ("2 destinations", "LIC", 110)


def test_north_south_split(ftds, groups):
    split = origins.north_south_split(ftds, groups).set_index(["destination", "year"])
    assert split.loc[("AAA", 2018), "share_north_north"] == pytest.approx(0.6)
    # the unclassified origin counts as "other" and is reported again
    assert split.loc[("AAA", 2018), "share_south_north"] == pytest.approx(0.4)
    assert split.loc[("AAA", 2018), "of_which_unclassified"] == 10
    assert split.loc[("all", 2018), "share_north_north"] == pytest.approx(80 / 200)
    assert split.loc[("USA", 2016), "share_south_north"] == pytest.approx(0.8)


def test_emigration_rate_hand_computed():
    # synthetic: origin ORG has 20 doctors in AAA (2018) and 10 in the USA (2016): 30 abroad;
    # at home 70 in 2017 (1 year from 2018) and 90 in 2022 (4 years): 70 is used
    ftds = _ftds(
        [
            ("AAA", "ORG", 2018, 20),
            ("USA", "ORG", 2016, 10),
            ("USA", "TOT", 2016, 10),
            ("AAA", "TIE", 2018, 50),
            ("AAA", "FAR", 2018, 5),
        ]
    )
    counts = pd.DataFrame(
        {
            "iso3": ["ORG", "ORG", "TIE", "TIE", "FAR"],
            "year": [2017, 2022, 2016, 2020, 2010],
            "measure": "HWF_0002",
            "value": [70.0, 90.0, 50.0, 150.0, 100.0],
        }
    )
    rates = origins.emigration_rates(ftds, counts).set_index("origin")
    assert rates.loc["ORG", "abroad"] == 30
    assert rates.loc["ORG", "home"] == 70 and rates.loc["ORG", "home_year"] == 2017
    assert rates.loc["ORG", "rate"] == pytest.approx(0.3)
    assert rates.loc["ORG", "destination_years"] == "2016/2018"
    # tie between 2016 and 2020 (both 2 years away): the earlier year wins -> 50 / (50 + 50)
    assert rates.loc["TIE", "home_year"] == 2016
    assert rates.loc["TIE", "rate"] == pytest.approx(0.5)
    # no home count within 3 years: dropped
    assert "FAR" not in rates.index
    assert "FAR" in origins.emigration_rates(ftds, counts, max_year_gap=8)["origin"].tolist()


def test_emigration_uses_each_destinations_year_nearest_2018():
    # synthetic: a destination with both 2016 and 2018 data contributes its 2018 value only
    ftds = _ftds([("AAA", "ORG", 2016, 999), ("AAA", "ORG", 2018, 25)])
    counts = pd.DataFrame({"iso3": ["ORG"], "year": [2018], "measure": "HWF_0002", "value": [75.0]})
    rates = origins.emigration_rates(ftds, counts)
    assert rates["abroad"].tolist() == [25] and rates["rate"].tolist() == [pytest.approx(0.25)]


def _panel(rows: list[tuple[str, int, float]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["iso3", "year", "value"])


def test_derive_ssl_threshold_edges():
    # synthetic densities; the list needs density sum < 49 AND UHC < 55 (strict)
    doctors = _panel(
        [
            ("INN", 2020, 10.0),
            ("EDG", 2020, 20.0),
            ("UHC", 2020, 5.0),
            ("OLD", 2012, 1.0),  # before 2013: ignored
            ("LAT", 2015, 100.0),
            ("LAT", 2019, 4.0),  # latest doctors year 2019
            ("NOU", 2020, 1.0),
        ]
    )
    nurses = _panel(
        [
            ("INN", 2021, 38.99),  # 48.99 < 49
            ("EDG", 2021, 29.0),  # 49.0, not < 49
            ("UHC", 2021, 5.0),
            ("OLD", 2020, 1.0),
            ("LAT", 2016, 5.0),
            ("LAT", 2022, 6.0),  # latest nurses year 2022, taken separately
            ("NOU", 2020, 1.0),
        ]
    )
    uhc = _panel(
        [
            ("INN", 2021, 54.99),
            ("EDG", 2021, 30.0),
            ("UHC", 2021, 55.0),  # not < 55
            ("OLD", 2021, 30.0),
            ("LAT", 2021, 40.0),
            ("NOU", 2019, 30.0),  # not the UHC year
        ]
    )
    ssl = safeguards_list.derive_ssl(doctors, nurses, uhc, uhc_year=2021).set_index("iso3")
    assert ssl.loc["INN", "on_derived_list"]
    assert not ssl.loc["EDG", "on_derived_list"] and ssl.loc["EDG", "density_sum"] == pytest.approx(49)
    assert not ssl.loc["UHC", "on_derived_list"]
    assert np.isnan(ssl.loc["OLD", "doctors_density"]) and not ssl.loc["OLD", "on_derived_list"]
    assert ssl.loc["LAT", "doctors_year"] == 2019 and ssl.loc["LAT", "nurses_year"] == 2022
    assert ssl.loc["LAT", "density_sum"] == pytest.approx(10) and ssl.loc["LAT", "on_derived_list"]
    assert np.isnan(ssl.loc["NOU", "uhc_index"]) and not ssl.loc["NOU", "on_derived_list"]
    assert ssl["on_derived_list"].sum() == 2


def test_compare_ssl_statuses():
    derived = pd.DataFrame({"iso3": ["AAA", "BBB", "CCC"], "on_derived_list": [True, True, False]})
    official = pd.DataFrame({"iso3": ["BBB", "DDD"], "country": ["B", "D"], "list_year": ["2023", "2023"]})
    table = safeguards_list.compare_ssl(derived, official).set_index("iso3")
    assert table["status"].to_dict() == {"BBB": "both", "AAA": "derived only", "DDD": "official only"}
    assert table.loc["DDD", "official"] and not table.loc["DDD", "derived"]
    assert list(table.reset_index().columns) == ["iso3", "derived", "official", "status"]


def test_density_trend_recovers_growth_with_a_break():
    # synthetic: exact 3% a year growth, 2000-2015, with the level doubled from 2008 on
    years = np.arange(2000, 2016)
    values = 10 * 1.03 ** (years - 2000) * np.where(years >= 2008, 2.0, 1.0)
    density = pd.DataFrame({"iso3": "EXP", "year": years, "value": values})
    trend = origin_profiles.density_trends(density, ["EXP"]).iloc[0]
    assert trend["breaks"] == "2008"
    assert trend["growth"] == pytest.approx(0.03, abs=1e-10)
    assert trend["n_obs"] == 16 and trend["first_year"] == 2000 and trend["last_year"] == 2015


def test_density_trend_interval_and_short_series():
    rng = np.random.default_rng(1)  # synthetic noisy 2% growth, no break
    years = np.arange(1990, 2020)
    values = 5 * np.exp(0.02 * (years - 1990) + rng.normal(0, 0.02, len(years)))
    density = pd.concat(
        [
            pd.DataFrame({"iso3": "NOI", "year": years, "value": values}),
            pd.DataFrame({"iso3": "SHO", "year": [2000, 2001, 2002, 2003], "value": [1.0, 1.1, 1.2, 1.3]}),
        ]
    )
    trends = origin_profiles.density_trends(density, ["NOI", "SHO", "NON"]).set_index("iso3")
    noisy = trends.loc["NOI"]
    assert noisy["breaks"] == ""
    assert noisy["growth_low"] < np.expm1(0.02) < noisy["growth_high"]
    assert noisy["growth_high"] - noisy["growth_low"] < 0.01
    assert trends.loc["SHO", "n_obs"] == 4 and np.isnan(trends.loc["SHO", "growth"])
    assert trends.loc["NON", "n_obs"] == 0 and np.isnan(trends.loc["NON", "growth"])


def test_series_breaks_up_down_and_gaps():
    years = np.array([2000, 2001, 2002, 2005, 2006])
    values = np.array([10.0, 16.0, 7.0, 14.0, 14.5])
    # +60% in 2001 and -56% in 2002 are breaks; +100% across 2002-2005 (3 years) is not
    assert origin_profiles.series_breaks(years, values) == [2001, 2002]
    assert origin_profiles.series_breaks(years, values, max_gap=3) == [2001, 2002, 2005]


def test_remittance_growth_skips_zeros():
    # synthetic: 2010 = 0 (not reported), 100 in 2011, 121 in 2013 -> 10% a year over 2 years
    remit = _panel([("RRR", 2010, 0.0), ("RRR", 2011, 100.0), ("RRR", 2013, 121.0), ("RRR", 2023, 1e6)])
    growth = origin_profiles.remittance_growth(remit).set_index("iso3").loc["RRR"]
    assert growth["growth_first_year"] == 2011 and growth["growth_last_year"] == 2013
    assert growth["growth"] == pytest.approx(0.10)


# --- real data (facts from PROVENANCE.md) ------------------------------------------------------


@pytest.fixture(scope="module")
def real():
    from analysis.data import published
    from analysis.data.sources import knomad, oecd, who, worldbank

    return {
        "ftds": oecd.load_foreign_trained_doctors(),
        "groups": worldbank.load_class(),
        "counts": who.load_nhwa2022("doctors"),
        "doctors": who.load_ddf("HWF_0001"),
        "nurses": who.load_ddf("HWF_0006"),
        "uhc": who.load_ddf("UHC_INDEX_REPORTED"),
        "official": published.ssl_list(),
        "remittances": knomad.load_remittances().countries,
    }


def test_real_top_origins_of_uk_doctors(real):
    top = origins.top_origins(real["ftds"], 2)
    gbr = top[top["destination"] == "GBR"]
    assert gbr["origin"].tolist() == ["IND", "PAK"]
    assert gbr["doctors"].tolist() == [15_870, 5_922]


def test_real_composition_and_split_are_consistent(real):
    comp = origins.origin_composition(real["ftds"], real["groups"])
    usa = comp[(comp["year"] == 2016) & (comp["dimension"] == "income_group")]
    # USA total 215,630 includes 5,810 of unstated origin (NS), left out here (rounding aside)
    assert usa["doctors"].sum() == pytest.approx(215_630 - 5_810, abs=20)
    germany = origins.top_origins(real["ftds"], 500).query("destination == 'DEU'")
    assert germany["doctors"].sum() == 44_085
    split = origins.north_south_split(real["ftds"], real["groups"])
    overall = split[split["destination"] == "all"]
    assert (overall["share_north_north"] + overall["share_south_north"]).tolist() == pytest.approx([1, 1])


def test_real_derived_ssl_close_to_official(real):
    derived = safeguards_list.derive_ssl(real["doctors"], real["nurses"], real["uhc"])
    n_listed = int(derived["on_derived_list"].sum())
    assert 45 <= n_listed <= 60  # PROVENANCE section 6: 53 countries
    table = safeguards_list.compare_ssl(derived, real["official"])
    assert len(real["official"]) == 55
    both = int((table["status"] == "both").sum())
    assert both / n_listed > 0.8


def test_real_emigration_and_ilo_profile(real):
    rates = origins.emigration_rates(real["ftds"], real["counts"])
    assert rates["rate"].between(0, 1).all()
    assert rates["home_year"].between(2015, 2021).all()
    profile = origin_profiles.ilo_six_profile(real["doctors"], real["nurses"], real["remittances"], rates)
    assert profile["iso3"].tolist() == origin_profiles.ILO_SIX
    assert profile[["doctors_density", "nurses_density", "remittances_2022"]].notna().all().all()


# --- classification of the data year, same-region shares, foreign students (issue 12, section 4) ---------


@pytest.fixture
def oghist() -> pd.DataFrame:
    # synthetic OGHIST rows: MID is upper middle income on GNI of 2016 and 2018 but high income on GNI of 2017
    rows = [
        ("HIC", 2017, 2015, "H"),
        ("MID", 2017, 2015, "UM"),
        ("LIC", 2017, 2015, "L"),
        ("HIC", 2018, 2016, "H"),
        ("HIC", 2019, 2017, "H"),
        ("HIC", 2020, 2018, "H"),
        ("MID", 2018, 2016, "UM"),
        ("MID", 2019, 2017, "H"),
        ("MID", 2020, 2018, "UM"),
        ("LIC", 2018, 2016, "L"),
        ("LIC", 2019, 2017, "L"),
        ("LIC", 2020, 2018, "LM"),
    ]
    return pd.DataFrame(rows, columns=["iso3", "fiscal_year", "gni_year", "income_group"])


@pytest.fixture
def regions() -> pd.DataFrame:
    # synthetic CLASS-like table: AAA, HIC and MID in Europe; BBB, LIC in Africa; USA in North America
    return pd.DataFrame(
        {
            "iso3": ["AAA", "BBB", "HIC", "MID", "LIC", "USA"],
            "region": ["Europe", "Africa", "Europe", "Europe", "Africa", "North America"],
            "income_group": ["High income"] * 3 + ["High income", "Low income", "High income"],
        }
    )


def test_groups_of_data_years_pick_the_fiscal_year_of_the_data(oghist, regions):
    gni = origins.groups_of_data_years(oghist, regions, [2016, 2018]).set_index(["iso3", "year"])
    # on GNI of the data year: FY2018 for 2016, FY2020 for 2018
    assert gni.loc[("MID", 2018), "income_group"] == "Upper middle income"
    assert gni.loc[("MID", 2018), "fiscal_year"] == 2020 and gni.loc[("LIC", 2016), "fiscal_year"] == 2018
    assert gni.loc[("LIC", 2018), "income_group"] == "Lower middle income"
    assert gni.loc[("MID", 2018), "region"] == "Europe"
    # in force at the end of 2018: FY2019, made from GNI of 2017
    in_force = origins.groups_of_data_years(oghist, regions, [2018], "in force").set_index("iso3")
    assert in_force.loc["MID", "income_group"] == "High income" and in_force.loc["MID", "fiscal_year"] == 2019
    with pytest.raises(ValueError, match="no classification"):
        origins.groups_of_data_years(oghist, regions, [2030])
    with pytest.raises(ValueError, match="basis"):
        origins.groups_of_data_years(oghist, regions, [2018], "latest")


def test_income_shares_use_each_rows_own_year(oghist, regions):
    # synthetic: MID-trained doctors count as upper middle income in 2018 (FY2020) whatever FY2023 says
    frame = _ftds(
        [("AAA", "MID", 2018, 30), ("AAA", "HIC", 2018, 70), ("USA", "MID", 2016, 50), ("USA", "LIC", 2016, 50)]
    )
    groups = origins.groups_of_data_years(oghist, regions, [2016, 2018])
    shares = origins.income_shares(frame, groups)
    assert shares["High income"] == pytest.approx(70 / 200)
    assert shares["Upper middle income"] == pytest.approx(80 / 200)
    assert shares["Low income"] == pytest.approx(50 / 200)
    # FY2023-style table (no year): MID is high income
    assert origins.income_shares(frame, regions)["High income"] == pytest.approx(150 / 200)
    assert origins.income_shares(frame, groups, exclude=("USA",))["High income"] == pytest.approx(0.7)


def test_north_share_table_covers_classifications_and_scopes(oghist, regions):
    frame = _ftds(
        [("AAA", "MID", 2018, 30), ("AAA", "HIC", 2018, 70), ("DEU", "HIC", 2018, 100), ("USA", "LIC", 2016, 100)]
    )
    table = origins.north_share_table(frame, regions, oghist).set_index(["classification", "scope"])
    assert len(table) == 9
    fy2023 = table.loc[("CLASS FY2023, for every data year", "21 destinations, 2018"), "share_high_income"]
    data_year = table.loc[("GNI of the data year (OGHIST)", "21 destinations, 2018"), "share_high_income"]
    assert fy2023 == pytest.approx(100.0)  # DEU is missing from the synthetic CLASS table: its doctors still count
    assert data_year == pytest.approx(100 * 170 / 200)
    with_usa = table.loc[("GNI of the data year (OGHIST)", "and the United States, 2016"), "share_high_income"]
    assert with_usa == pytest.approx(100 * 170 / 300)
    no_deu = table.loc[
        ("GNI of the data year (OGHIST)", "all but Germany (counts by nationality)"), "share_high_income"
    ]
    assert no_deu == pytest.approx(100 * 70 / 200)


def test_flag_student_exporters_and_share_trained_in():
    frame = _ftds(
        [
            ("NOR", "HUN", 2018, 30),
            ("DEU", "HUN", 2018, 70),
            ("NOR", "SWE", 2018, 50),
            ("ISR", "RUS", 2018, 3),
            ("ISR", "ROU", 2018, 1),
        ]
    )
    counts = pd.DataFrame({"iso3": ["HUN", "SWE"], "year": 2018, "measure": "HWF_0002", "value": [900.0, 950.0]})
    flagged = origins.flag_student_exporters(origins.emigration_rates(frame, counts), frame).set_index("origin")
    assert flagged.loc["HUN", "trains_foreign_students"] and flagged.loc[
        "HUN", "share_in_student_homes"
    ] == pytest.approx(0.3)
    assert not flagged.loc["SWE", "trains_foreign_students"] and np.isnan(flagged.loc["SWE", "share_in_student_homes"])
    assert origins.share_trained_in(frame, "ISR", origins.FORMER_SOVIET) == pytest.approx(0.75)
    with pytest.raises(ValueError, match="no foreign-trained"):
        origins.share_trained_in(frame, "GRC", ("RUS",))


def test_real_north_share_falls_with_the_data_year_classification(real):
    from analysis.data.sources import worldbank

    table = origins.north_share_table(real["ftds"], real["groups"], worldbank.load_oghist())
    table = table.set_index(["classification", "scope"])["share_high_income"]
    fy2023 = table[("CLASS FY2023, for every data year", "21 destinations, 2018")]
    data_year = table[("GNI of the data year (OGHIST)", "21 destinations, 2018")]
    assert fy2023 == pytest.approx(46.0, abs=0.1)  # the chapter's old headline
    assert data_year < fy2023 - 5  # Romania was upper middle income in 2018
    assert table[("GNI of the data year (OGHIST)", "and the United States, 2016")] < data_year


def test_real_south_south_verdict_follows_the_rubric(real):
    from analysis.verdicts import HOLDS, Assertion

    result = origins.evaluate_south_south()
    assert len(result.specifications) == 8
    assert all(s.low < s.estimate < s.high for s in result.specifications)  # no degenerate interval
    outcomes = {s.outcome(Assertion("above", origins.SUBSTANTIAL_SHARE)) for s in result.specifications}
    if HOLDS not in outcomes and "contradicted" not in outcomes:
        assert result.verdict == "consistent, not verified" and "none shows it" in result.rule
    assert result.weakest_input.endswith("(primary)") and "_" not in result.weakest_input
    assert "high income" in result.unit and "own region" in result.unit


def test_origin_destination_table_rows_columns_and_order(ftds):
    table = origins.origin_destination_table(ftds)
    # TOT and NS rows and the destination's own country are left out; largest total first, ties by code
    assert table.columns.tolist() == ["origin", "AAA", "BBB", "USA", "all destinations"]
    assert table["origin"].tolist() == ["LIC", "HIC", "ZZZ"]
    assert table.set_index("origin").loc["LIC"].tolist() == [30, 80, 40, 150]
    assert table.set_index("origin").loc["ZZZ", "BBB"] == 0


def test_remittance_breaks_flag_jumps_up_and_down_inside_the_window():
    remit = pd.DataFrame({
        "iso3": ["UPP"] * 4 + ["DWN"] * 3 + ["SMO"] * 3,
        "year": [2010, 2011, 2012, 2013, 2010, 2011, 2012, 2010, 2011, 2012],
        "value": [100.0, 0.0, 110.0, 700.0, 900.0, 250.0, 260.0, 100.0, 150.0, 220.0],
    })  # fmt: skip
    breaks = origin_profiles.remittance_breaks(remit, 2010, 2013).set_index("iso3")
    assert sorted(breaks.index) == ["DWN", "UPP"]  # SMO grows 50% a year: no break
    assert breaks.loc["UPP", ["from_year", "to_year"]].tolist() == [2012, 2013]  # the zero of 2011 is skipped
    assert breaks.loc["DWN", "ratio"] == pytest.approx(3.6)
    assert origin_profiles.remittance_breaks(remit, 2010, 2012).index.size == 1  # UPP's jump is after 2012


def test_real_ilo_profile_flags_romania_remittance_break(real):
    profile = origin_profiles.ilo_six_profile(real["doctors"], real["nurses"], real["remittances"]).set_index("iso3")
    assert profile.loc["ROU", "remittances_note"].startswith("break:")
    assert (profile.drop(index="ROU")["remittances_note"] == "").all()
