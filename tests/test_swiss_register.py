"""The Swiss register analysis: survivorship logic on small synthetic frames (labelled synthetic), and the
restricted-window trend on the real register."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis import swiss_register as sr


def synthetic_doctors(per_year: dict[int, int], foreign: bool = True, age_at_licence: int = 40) -> pd.DataFrame:
    """Synthetic register: ``per_year[t]`` doctors licensed in year t, all at the same age."""
    rows = [
        {"licence_year": year, "birth_year": year - age_at_licence, "foreign_diploma": foreign}
        for year, n in per_year.items()
        for _ in range(n)
    ]
    return pd.DataFrame(rows)


def test_licences_by_year_counts_and_share_synthetic():
    doctors = pd.concat([synthetic_doctors({2010: 3, 2011: 1}), synthetic_doctors({2010: 1}, foreign=False)])
    table = sr.licences_by_year(doctors).set_index("year")
    assert table.loc[2010, ["all", "foreign", "swiss"]].tolist() == [4, 3, 1]
    assert table.loc[2010, "share_foreign_pct"] == 75.0
    assert table.loc[2011, "swiss"] == 0 and table.loc[2011, "share_foreign_pct"] == 100.0


def test_exit_age_is_where_holders_halve_synthetic():
    ages = {**{a: 100 for a in range(50, 60)}, **{a: 80 for a in range(60, 66)}, **{a: 40 for a in range(66, 80)}}
    doctors = pd.DataFrame({"birth_year": [2016 - a for a, n in ages.items() for _ in range(n)]})
    assert sr.exit_age(doctors) == 66


def test_exposure_counts_recent_entrants_who_would_have_reached_exit_age_synthetic():
    doctors = synthetic_doctors({year: 5 for year in range(1980, 2017)})  # everyone licensed at 40
    exposure = sr.retirement_exposure(doctors, age=69).set_index("year")["exposure"]
    # a 40-year-old licensed in year t is 69 in 2016 if t <= 1987
    assert (exposure.loc[:1987] == 1).all() and (exposure.loc[1988:] == 0).all()
    table = sr.retirement_exposure(doctors, age=69)
    assert sr.restricted_window(table, floor=1980) == (1988, 2016)
    assert sr.restricted_window(table) == (2002, 2016)  # never before free movement
    with pytest.raises(ValueError, match="too short"):
        sr.restricted_window(table, floor=2015)


def test_exit_hazard_bias_and_its_correction_synthetic():
    """Constant true inflow of 1,000 a year; 5% of survivors leave every year: the snapshot shows growth."""
    hazard = 0.05
    observed = {year: round(1000 * (1 - hazard) ** (2016 - year)) for year in range(2006, 2017)}
    doctors = synthetic_doctors(observed, age_at_licence=40)
    older = pd.DataFrame({"birth_year": np.repeat(np.arange(1940, 1960), [10] * 10 + [200] * 10),
                          "licence_year": 1990, "foreign_diploma": False})  # fmt: skip
    trend = sr.foreign_growth(pd.concat([doctors, older], ignore_index=True), (2006, 2016))
    assert trend.growth_pct == pytest.approx(100 * (1 / (1 - hazard) - 1), abs=0.05)
    assert trend.adjusted[hazard][0] == pytest.approx(0, abs=0.05)
    assert sr.exit_adjusted(10.0, 0.0) == pytest.approx(10.0)


@pytest.fixture(scope="module")
def register():
    from analysis.data.sources import medreg

    return medreg.load_licences()


def test_register_window_and_trend(register):
    trend = sr.register_trend(register)
    assert trend.exit_age == 69
    assert (trend.start, trend.end, trend.n_years) == (2006, 2016, 11)
    assert 0 < trend.low_pct < trend.growth_pct < trend.high_pct
    assert trend.growth_pct == pytest.approx(19.29, abs=0.01)
    for growth, low, high in trend.adjusted.values():
        assert low < growth < high < trend.high_pct and growth < trend.growth_pct


def test_early_years_are_more_exposed_than_the_window(register):
    exposure = sr.retirement_exposure(register, sr.exit_age(register))
    foreign = exposure[exposure["group"] == "foreign diploma"].set_index("year")["exposure"]
    assert foreign.loc[2002] > sr.MAX_EXPOSURE >= foreign.loc[2006:].max()


def test_country_table_uses_names(register):
    table = sr.licences_by_country(register)
    assert list(table.columns[1:6]) == ["Germany", "France", "Italy", "Austria", "Romania"]
    by_year = sr.licences_by_year(register).set_index("year")
    assert (table.set_index("year").sum(axis=1) == by_year.loc[2002:, "foreign"]).all()
