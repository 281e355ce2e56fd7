"""Trend estimators on synthetic series with known answers, and the full-panel path."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis import trends
from analysis.data.sources.oecd import parse_wfmi


def _points(values, years, ids):
    return pd.DataFrame({"figure_id": ids, "year": np.asarray(years, float), "value": values})


def test_exact_exponential_growth_is_recovered():
    years = np.arange(2008, 2022, 2)
    values = 100 * 1.03 ** (years - 2008)  # synthetic: exactly 3% a year
    fit = trends.fit_published_trend(_points(values, years, [f"x_{i}" for i in range(len(years))]), "synthetic")
    assert fit.growth_pct == pytest.approx(3.0, abs=1e-8)
    assert fit.curvature == pytest.approx(0.0, abs=1e-10)


def test_acceleration_gives_positive_curvature():
    years = np.arange(2000, 2022)
    values = np.exp(0.01 * (years - 2000) + 0.002 * (years - 2000) ** 2)  # synthetic accelerating series
    fit = trends.fit_published_trend(_points(values, years, [f"x_{i}" for i in range(len(years))]), "synthetic")
    assert fit.curvature == pytest.approx(0.002, rel=1e-6)
    assert fit.curvature_low > 0


def test_within_publication_model_ignores_level_differences():
    # two synthetic publications with different coverage (levels 10 and 20) but the same 2% growth
    years = [2005, 2010, 2015, 2008, 2013, 2018]
    base = [10, 10, 10, 20, 20, 20]
    values = [b * 1.02 ** (y - 2005) for b, y in zip(base, years, strict=True)]
    ids = ["pubA_1", "pubA_2", "pubA_3", "pubB_1", "pubB_2", "pubB_3"]
    within = trends.fit_published_trend(_points(values, years, ids), "synthetic", by_publication=True)
    pooled = trends.fit_published_trend(_points(values, years, ids), "synthetic")
    assert within.growth_pct == pytest.approx(2.0, abs=1e-8)
    assert pooled.growth_pct > 3  # pooling confounds coverage with time


def _synthetic_panel() -> pd.DataFrame:
    """A synthetic HEALTH_WFMI panel in the raw OECD.Stat layout (not real data)."""
    rows = []
    for year in range(2010, 2020):
        level = 1000 * 1.02 ** (year - 2010) * (1.5 if year >= 2015 else 1.0)  # definitional break in 2015
        rows.append(["AAA", "TNBD", "TOT", year, level, "B" if year == 2015 else ""])
        rows.append(["BBB", "TNBD", "TOT", year, 500 * 0.99 ** (year - 2010), ""])
    rows += [
        ["AAA", "FTDS", "CCC", 2018, 120, ""],
        ["AAA", "FTDS", "DDD", 2018, 80, ""],
        ["BBB", "FTDS", "TOT", 2018, 50, ""],
        ["BBB", "FTDS", "CCC", 2018, 45, ""],
    ]
    raw = pd.DataFrame(rows, columns=["COU", "VAR", "CO2", "YEA", "Value", "Flag Codes"])
    raw["Country"] = raw["Variable"] = raw["Country of origin"] = raw["Year"] = raw["Flags"] = ""
    return parse_wfmi(raw.astype(str), "synthetic_full_panel.csv")


def test_destination_growth_handles_break_flags_on_a_full_panel():
    panel = _synthetic_panel()
    growth = trends.destination_growth(panel, "TNBD").set_index("iso3")
    assert growth.loc["AAA", "growth_pct"] == pytest.approx(2.0, abs=1e-6)  # the 1.5x jump is not growth
    assert growth.loc["AAA", "breaks"] == "2015"
    assert growth.loc["BBB", "growth_pct"] == pytest.approx(-1.0, abs=1e-6)


def test_foreign_trained_shares_prefer_the_total_row():
    panel = _synthetic_panel()
    shares = trends.foreign_trained_shares(panel[panel["measure"] == "FTDS"], panel).set_index("iso3")
    total_a = 1000 * 1.02**8 * 1.5
    assert shares.loc["AAA", "share_pct"] == pytest.approx(100 * 200 / total_a)
    assert shares.loc["AAA", "numerator"] == "sum of origins"
    assert shares.loc["BBB", "share_pct"] == pytest.approx(100 * 50 / (500 * 0.99**8))
    assert shares.loc["BBB", "numerator"] == "OECD total"


def test_a_destination_without_any_doctor_of_stated_origin_is_reported_as_dropped():
    panel = _synthetic_panel()
    ftds = panel[panel["measure"] == "FTDS"]
    zero = ftds[ftds["iso3"] == "AAA"].assign(iso3="ZZZ", value=0.0)  # like Greece in the 2018 extract
    with_zero = pd.concat([ftds, zero], ignore_index=True)
    shares = trends.foreign_trained_shares(with_zero, panel)
    assert "ZZZ" not in set(shares["iso3"])
    assert trends.destinations_without_share(with_zero, shares) == ["ZZZ"]
    assert trends.destinations_without_share(ftds, trends.foreign_trained_shares(ftds, panel)) == []


def test_too_few_points_is_an_error():
    with pytest.raises(ValueError, match="at least 3"):
        trends.fit_published_trend(_points([1.0, 2.0], [2000, 2001], ["a_1", "a_2"]), "synthetic")


def test_trend_glue_keys():
    fits = pd.DataFrame(
        {
            "series": ["foreign-trained doctors (number)", "foreign-trained share of nurses"],
            "model": ["pooled points", "within publication"],
            "growth_pct": [3.0, 1.0],
            "low_pct": [2.0, 0.5],
            "high_pct": [4.0, 1.5],
        }
    )
    values = trends.trend_glue_values(fits)
    assert values["doctors_pooled_growth"] == 3.0
    assert values["share_of_nurses_within_high"] == 1.5


def test_largest_jump_skips_unreported_zeros():
    from analysis.origin_profiles import largest_jump

    synthetic = pd.DataFrame(
        {"iso3": ["AAA"] * 4, "year": [2010, 2011, 2012, 2013], "value": [0.0, 100.0, 120.0, 600.0]}
    )
    assert largest_jump(synthetic, "AAA") == {"from_year": 2012, "to_year": 2013, "ratio": 5.0}
    assert largest_jump(synthetic, "AAA", start=2011)["ratio"] == 5.0
    assert largest_jump(synthetic.iloc[:3], "AAA", start=2011)["ratio"] == 1.2


def test_input_labels_name_the_figure_its_years_and_the_publication():
    import pandas as pd

    primary = pd.Series(
        {"publication": "OECD (2019), Recent Trends ...", "source_kind": "primary", "year_start": 2011.0,
         "year_end": 2011.0},
        name="oecd2019_ft_doctors_count_2011",
    )  # fmt: skip
    assert trends.input_label(primary, "doctors", "count") == (
        "foreign-trained doctors in OECD countries, 2011 (OECD 2019 Recent trends)"
    )
    summary = pd.Series(
        {"publication": "A blog post 'Title' (2016), a summary of OECD (2016)", "source_kind": "secondary",
         "year_start": 2013.0, "year_end": 2014.0},
        name="osinsa_oecd2016_ft_nurses_share_2013",
    )  # fmt: skip
    label = trends.input_label(summary, "nurses", "share_pct")
    assert label == "foreign-trained share of nurses, 2013-14 (OECD 2016, as summarised in A blog post 'Title')"
    assert "_" not in label  # never a row id
