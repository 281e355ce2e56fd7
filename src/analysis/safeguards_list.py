"""An approximate re-derivation of the WHO Health Workforce Support and Safeguards List (SSL),
compared with the official list.

Inputs are WHO workforce densities (per 10,000) and the UHC service coverage index, as tidy frames of
:mod:`analysis.data.sources.who`. WHO applied its own data cut-off and rules, so the result is approximate.

Which data WHO had: the 2023 list was published in March 2023. WHO says the UHC threshold was raised
from 50 to 55 "because the updated data on the UHC SCI is not yet available" (``who_ssl_criteria.csv``):
the latest index then published was for 2019 (the 2021 values came with the 2023 Global Monitoring
Report, in the newer file we hold). For densities the nearest vintage we hold is the WHO NHWA export of
January-February 2022 (values to 2020). Our UHC file is the 2023 report's, whose 2019 values may differ
slightly from those WHO used; the :data:`UHC_MARGIN` and :data:`DENSITY_MARGIN` allow for that.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.data import published
from analysis.data.countries import country_name
from analysis.evidence import ClaimResult, evaluates, judged
from analysis.origin_profiles import latest_values
from analysis.verdicts import Assertion, DecidingInput, Specification

#: The UHC index year WHO could use for the 2023 list (pre-pandemic; see the module docstring).
UHC_YEAR_AVAILABLE = 2019
#: Editorial margins within which a listed country that misses a threshold in our data is counted as a
#: possible match: 1 index point, and 5% of the density (about three quarters of the country-years since
#: 2013 present in both WHO density vintages differ by less; see :func:`vintage_revisions`).
UHC_MARGIN = 1.0
DENSITY_MARGIN = 0.05


def derive_ssl(
    density_doctors: pd.DataFrame,
    density_nurses: pd.DataFrame,
    uhc: pd.DataFrame,
    density_threshold: float = 49,
    uhc_threshold: float = 55,
    first_year: int = 2013,
    uhc_year: int = UHC_YEAR_AVAILABLE,
    last_year: int | None = None,
) -> pd.DataFrame:
    """An approximate re-derivation of the WHO Support and Safeguards List.

    Per country: the latest doctors density and the latest nurses-and-midwives density (per
    10,000), each taken separately in ``[first_year, last_year]`` (default: the latest year in the
    data), their sum, and the
    UHC service coverage index in ``uhc_year``. ``on_derived_list`` is ``density_sum <
    density_threshold`` **and** ``uhc_index < uhc_threshold`` (strict inequalities). A country
    lacking any input has NaN where it lacks it and is not listed. WHO applied its own data cut-off
    and rules, so the result is approximate, not the official list.

    Returns ``iso3, doctors_density, doctors_year, nurses_density, nurses_year, density_sum,
    uhc_index, on_derived_list``, sorted by ``iso3``.
    """
    doctors = latest_values(density_doctors, first_year, last_year).set_index("iso3")
    nurses = latest_values(density_nurses, first_year, last_year).set_index("iso3")
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


def vintage_revisions(old: pd.DataFrame, new: pd.DataFrame, first_year: int = 2013) -> pd.Series:
    """Absolute relative difference ``|new / old - 1|`` of every country-year (from ``first_year``) present
    in both WHO vintages of one density indicator."""
    both = old.merge(new, on=["iso3", "year"], suffixes=("_old", "_new"))
    both = both[(both["year"] >= first_year) & (both["value_old"] > 0)]
    return (both["value_new"] / both["value_old"] - 1).abs().reset_index(drop=True)


def _why(row: pd.Series) -> str:
    if row["status"] == "derived only":
        return "meets both criteria in these data, but is not on the official list"
    if pd.isna(row["density_sum"]) or pd.isna(row["uhc_index"]):
        return "lacks a density or a UHC index in these data"
    missed = [
        f"density {row['density_sum']:.1f}" if not row["density_ok"] else "",
        f"UHC index {row['uhc_index']:.2f}" if not row["uhc_ok"] else "",
    ]
    margin = ", within the margin" if row["possible_match"] else ""
    return "misses " + " and ".join(m for m in missed if m) + margin


def mismatch_sentence(row: pd.Series, name: str, density_threshold: float = 49, uhc_threshold: float = 55) -> str:
    """A reader's explanation of one row of :func:`explain_mismatches` for the country called ``name``."""
    density, uhc = row["density_sum"], row["uhc_index"]
    if pd.isna(density) or pd.isna(uhc):
        return f"{name} is listed but lacks a density or a UHC index in these data, so it cannot be checked"
    values = f"{density:.1f} doctors, nurses and midwives per 10,000 and a 2019 UHC index of {uhc:.2f}"
    if row["status"] == "derived only":
        gap = uhc_threshold - uhc
        return (
            f"{name} has {values} in these data, {gap:.1f} index points below {uhc_threshold:g}, and a density below "
            f"{density_threshold:g}, yet it is not on the official list. This does not contradict the claim, which "
            f"says that listed countries meet the criteria, not that every country meeting them is listed; but "
            f"for the rule alone to leave {name} out, WHO's index for it would have had to be at least "
            f"{gap:.1f} points higher than in our later file, more than the {UHC_MARGIN:g}-point revision we allow "
            f"for elsewhere. The data we hold do not explain the omission, and WHO, which did not publish its "
            f"per-country inputs, gives no reason in the texts we read"
        )
    over = [f"UHC index {uhc - uhc_threshold:.2f} points above {uhc_threshold:g}" if uhc >= uhc_threshold else ""]
    over.append(
        f"density {density - density_threshold:.1f} above {density_threshold:g}" if density >= density_threshold else ""
    )
    missed = " and ".join(part for part in over if part)
    if row["possible_match"]:
        return (
            f"{name} is listed with {values} in our later file ({missed}): within the margin by which WHO's "
            f"pre-revision inputs may have differed, so WHO's own value may have met the criterion"
        )
    return f"{name} is listed with {values} in these data ({missed}), beyond the margin of revision"


def explain_mismatches(
    comparison: pd.DataFrame, derived: pd.DataFrame, density_threshold: float = 49, uhc_threshold: float = 55
) -> pd.DataFrame:
    """The countries on one list only (:func:`compare_ssl`), with their inputs and the reason: missing
    data, a threshold missed, or meeting both criteria without being listed. ``possible_match`` marks
    listed countries that lack data or miss a threshold only within :data:`DENSITY_MARGIN` and
    :data:`UHC_MARGIN` (WHO's inputs may have been that different from ours).
    Returns ``iso3, status, density_sum, uhc_index, possible_match, reason``."""
    rows = comparison[comparison["status"] != "both"].merge(derived, on="iso3", how="left")
    rows["density_ok"] = rows["density_sum"] < density_threshold
    rows["uhc_ok"] = rows["uhc_index"] < uhc_threshold
    missing = rows["density_sum"].isna() | rows["uhc_index"].isna()
    near = (rows["density_sum"] < density_threshold * (1 + DENSITY_MARGIN)) & (
        rows["uhc_index"] < uhc_threshold + UHC_MARGIN
    )
    rows["possible_match"] = (rows["status"] == "official only") & (missing | near)
    rows["reason"] = [_why(row) for _, row in rows.iterrows()]
    columns = ["iso3", "status", "density_sum", "uhc_index", "possible_match", "reason"]
    return rows[columns].reset_index(drop=True)


def listed_match(derived: pd.DataFrame, official: pd.DataFrame, label: str) -> Specification:
    """How many officially listed countries meet both criteria in ``derived``: the strict count (estimate
    and low end) and, as the high end, that count plus the listed countries that are a possible match
    (:func:`explain_mismatches`)."""
    table = explain_mismatches(compare_ssl(derived, official), derived)
    listed = table[table["status"] == "official only"]
    matched = int(official["iso3"].nunique()) - len(listed)
    return Specification(label, matched, matched, matched + int(listed["possible_match"].sum()))


def ssl_choices(densities: dict[str, tuple[pd.DataFrame, pd.DataFrame]]) -> list[tuple]:
    """Every reasonable choice of the data WHO had, as ``(label, doctors, nurses, first_year, uhc_year,
    last_year)``. ``densities`` maps a vintage label to (doctors, nurses) density frames; the first is the
    headline vintage, used with densities from 2013 and the 2019 UHC index (the headline), with the 2017
    index, and with densities from 2010 or 2015; each other vintage is used with the 2019 index and the
    density years WHO could have had (2013 to 2021)."""
    (label, (doctors, nurses)), *others = densities.items()
    choices = [
        (f"{label}, densities 2013 on, UHC 2019", doctors, nurses, 2013, 2019, None),
        (f"{label}, densities 2013 on, UHC 2017", doctors, nurses, 2013, 2017, None),
        (f"{label}, densities 2010 on, UHC 2019", doctors, nurses, 2010, 2019, None),
        (f"{label}, densities 2015 on, UHC 2019", doctors, nurses, 2015, 2019, None),
    ]
    return choices + [(f"{other}, densities 2013-2021, UHC 2019", d, n, 2013, 2019, 2021) for other, (d, n) in others]


def _derive(choice: tuple, uhc: pd.DataFrame) -> pd.DataFrame:
    _, doctors, nurses, first, year, last = choice
    return derive_ssl(doctors, nurses, uhc, first_year=first, uhc_year=year, last_year=last)


def ssl_specifications(choices: list[tuple], uhc: pd.DataFrame, official: pd.DataFrame) -> list[Specification]:
    """The match of the derived list to ``official`` (:func:`listed_match`) under each of ``choices``."""
    return [listed_match(_derive(choice, uhc), official, choice[0]) for choice in choices]


def clear_misses(choices: list[tuple], uhc: pd.DataFrame, official: pd.DataFrame) -> pd.DataFrame:
    """Listed countries that miss a threshold by more than the margins, under each choice:
    ``specification, iso3, density_sum, uhc_index, reason``."""
    parts = []
    for choice in choices:
        derived = _derive(choice, uhc)
        table = explain_mismatches(compare_ssl(derived, official), derived)
        far = table[(table["status"] == "official only") & ~table["possible_match"]]
        parts.append(far.assign(specification=choice[0]))
    columns = ["specification", "iso3", "density_sum", "uhc_index", "reason"]
    return pd.concat(parts, ignore_index=True)[columns]


def _ssl_inputs() -> list[DecidingInput]:
    key = "2023|density of medical doctors, nursing personnel and midwifery personnel|test-cms.who.int"
    return [
        DecidingInput(
            "ssl_criteria_2023",
            published.source_kind("who_ssl_criteria", key),
            label="the list's two criteria (WHO, questions and answers on the support and safeguards list, 2024)",
        ),
        DecidingInput(
            "ssl_list_2023",
            published.source_kind("who_ssl_lists", "AFG|2023"),
            label="the 55 countries of WHO's support and safeguards list 2023, as transcribed by the Nigerian "
            "newspaper The Nation",
        ),
        DecidingInput(
            "who_densities_uhc",
            "primary",
            label="WHO National Health Workforce Accounts densities (2022 release) and UHC service coverage index",
        ),
    ]


@evaluates("who_ssl_criteria_2023")
def evaluate_ssl() -> ClaimResult:
    from analysis.data.sources import who

    official = published.ssl_list()
    official = official[official["list_year"] == "2023"]
    nhwa = [who.load_nhwa2022(p) for p in ("doctors", "nurses")]
    densities = {
        "WHO NHWA 2022 vintage": (nhwa[0][nhwa[0]["measure"] == "HWF_0001"], nhwa[1][nhwa[1]["measure"] == "HWF_0006"]),
        "newer WHO densities": (who.load_ddf("HWF_0001"), who.load_ddf("HWF_0006")),
    }
    choices, uhc = ssl_choices(densities), who.load_ddf("UHC_INDEX_REPORTED")
    every = ssl_specifications(choices, uhc, official)
    # the verdict sees only what WHO could have used (2022-vintage densities, the 2019 index); the 2017 index
    # and newer densities are sensitivity checks, reported in the reason
    specs = [spec for choice, spec in zip(choices, every, strict=True) if choice[4] == 2019 and choice[5] is None]
    head, n = specs[0], len(official)
    clear = clear_misses(choices, uhc, official)
    names = official.set_index("iso3")["country"]
    clear_text = "; ".join(
        f"{names[row.iso3]} under '{row.specification}' ({row.reason})" for row in clear.itertuples()
    )
    headline = derive_ssl(*densities["WHO NHWA 2022 vintage"], uhc)
    mismatches = explain_mismatches(compare_ssl(headline, official), headline)
    explained = ". ".join(mismatch_sentence(row, country_name(row["iso3"])) for _, row in mismatches.iterrows())
    return judged(
        "who_ssl_criteria_2023",
        head,
        f"countries of the {n} on the official 2023 list that meet both criteria in the data WHO had",
        Assertion("equals", n),
        specs,
        _ssl_inputs(),
        reason=(
            f"With the data WHO could have used in early 2023 (WHO NHWA densities of the 2022 vintage, latest "
            f"value from 2013; the pre-pandemic UHC index of 2019), {head.estimate:.0f} of the {n} listed "
            f"countries meet both criteria, and {head.high:.0f} if the listed countries that miss a threshold "
            f"by less than {UHC_MARGIN:g} index point or {100 * DENSITY_MARGIN:g}% of the density, or lack data, "
            "are counted (WHO's inputs may have differed from ours by that much). Across the density windows WHO "
            f"could have used, {min(s.estimate for s in specs):.0f} to {max(s.estimate for s in specs):.0f} listed "
            "countries meet both criteria strictly"
            + (
                "; in sensitivity checks that include data WHO did not use (the 2017 index, densities published "
                f"after the list), a listed country misses a threshold clearly in {len(clear)} "
                f"{'case' if len(clear) == 1 else 'cases'}: "
                f"{clear_text}"
                if len(clear)
                else ""
            )
            + f". Each difference from the official list: {explained}. The list itself was read in a press "
            "transcription, not in WHO's PDF."
        ),
        would_change=(
            "WHO's own inputs for the 2023 list (the density and UHC values per country in the list's annex): a "
            "listed country that misses a criterion there would show the rule was not applied as stated."
        ),
    )
