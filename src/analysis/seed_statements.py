"""Other checkable statements of the source documents (ch. 7): student movement, the WHO Code, the ILO.

The platform concept note, the PSI panel note, the IHP article, the ILO slides and the WSSD partnership
sheet make statements beyond those of chapters 2-5. Those that published figures can speak to are
checked here against rows transcribed in ``data/published/seed_statement_figures.csv``, each with its
citation, quote and source kind. The statements that cannot be tested, and those that describe a
debate, an aim or an opinion, are evaluated in :mod:`analysis.seed_statements_unscored`, imported at
the end of this module so that the register sees every evaluator.
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from analysis.data import published
from analysis.data.checks import require_columns, require_unique, to_number
from analysis.data.errors import SchemaError, where
from analysis.data.paths import data_dir
from analysis.evidence import ClaimResult, evaluates, judged
from analysis.verdicts import Assertion, DecidingInput, Specification

TABLE = "seed_statement_figures"
COLUMNS = [
    "figure_id",
    "claim_id",
    "measure",
    "period",
    "value",
    "low",
    "high",
    "unit",
    "coverage",
    *published.CITATION_COLUMNS,
    *published.SOURCE_COLUMNS,
]
#: Each series of student movement: (label, first figure, last figure). The last figure is the latest
#: point published for a year before the concept note (written in 2017, before the platform's launch).
STUDENT_SERIES = (
    (
        "International students, all fields, worldwide (OECD)",
        "OECD2019-INTL-STUDENTS-1999",
        "OECD2019-INTL-STUDENTS-2016",
    ),
    (
        "French students of medicine in Romania (OECD)",
        "OECD2019-FR-MEDSTUD-ROMANIA-2014",
        "OECD2019-FR-MEDSTUD-ROMANIA-2017",
    ),
    ("Norwegian medical students abroad (loan fund)", "NO-MEDSTUD-ABROAD-2006", "NO-MEDSTUD-ABROAD-2016"),
)
#: The headline series: the OECD's count of medical students, the closest to the claim's coverage.
HEADLINE_SERIES = 1
NORWAY_LATER = "NO-MEDSTUD-ABROAD-2017"
FRANCE_INCOMING = "OECD2019-FR-FOREIGN-MEDSTUD-2017"
ETHICS_MEASURE = "countries_ethics_considered"


def _check_bounds(frame: pd.DataFrame, path: object) -> None:
    """Raise :class:`SchemaError` unless ``low <= value <= high`` on every row, naming the first bad line."""
    bad = ~((frame["low"] <= frame["value"]) & (frame["value"] <= frame["high"]))
    if bad.any():
        position = int(bad.to_numpy().argmax())
        line = published.record_lines(path)[position]
        row = frame.iloc[position]
        raise SchemaError(
            f"{where(path, line, 'value')}: {row['figure_id']} has value {row['value']:g} outside its range "
            f"{row['low']:g} to {row['high']:g}; the range is what the published wording allows."
        )


@cache
def figures() -> pd.DataFrame:
    """The transcribed figures for the statements of this chapter, checked: citation, kind, numbers, range."""
    path = data_dir() / "published" / f"{TABLE}.csv"
    if not path.is_file():
        raise SchemaError(f"{path}: published-figures file not found")
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    require_columns(frame, COLUMNS, path)
    lines = published.record_lines(path)
    for col in ["figure_id", "claim_id", *published.CITATION_COLUMNS]:
        empty = (frame[col].str.strip() == "").to_numpy()
        if empty.any():
            raise SchemaError(f"{where(path, lines[int(empty.argmax())], col)}: empty (every figure needs it)")
    published.check_source_kinds(frame, path, lines)
    for col in ("value", "low", "high"):
        frame[col] = to_number(frame[col], col, path, allow_missing=False)
    require_unique(frame, ["figure_id"], path)
    _check_bounds(frame, path)
    return frame


def figure(figure_id: str) -> pd.Series:
    """One transcribed row by its ``figure_id``."""
    rows = figures()[figures()["figure_id"] == figure_id]
    if len(rows) != 1:
        raise KeyError(f"figure_id {figure_id!r}: {len(rows)} rows in data/published/{TABLE}.csv, expected 1")
    return rows.iloc[0]


def deciding_input(figure_id: str) -> DecidingInput:
    """A row as a deciding input: its measure and publication, how it was read, and where."""
    row = figure(figure_id)
    return DecidingInput(f"{row['measure']} ({row['period']})", row["source_kind"], row["locator"])


def growth(first_id: str, last_id: str, label: str) -> Specification:
    """Percentage growth between two points of one series, with the interval their wording allows."""
    first, last = figure(first_id), figure(last_id)
    if first["measure"] != last["measure"]:
        raise ValueError(f"{first_id} and {last_id} are not the same series: {first['measure']!r}, {last['measure']!r}")
    estimate = 100 * (last["value"] / first["value"] - 1)
    low = 100 * (last["low"] / first["high"] - 1)
    high = 100 * (last["high"] / first["low"] - 1)
    return Specification(f"{label}, {first['period']} to {last['period']}", estimate, low, high)


def student_specifications() -> list[Specification]:
    """The growth of every published series of student movement (one specification each)."""
    return [growth(first, last, label) for label, first, last in STUDENT_SERIES]


def student_points() -> pd.DataFrame:
    """The published points of student movement, for the chapter's table."""
    rows = figures()[figures()["claim_id"] == "seed_student_movement"]
    return rows[["measure", "period", "value", "unit", "publication", "source_kind"]].reset_index(drop=True)


def _student_reason(specs: list[Specification]) -> str:
    """The reason of the student-movement verdict, from the computed growth and the published rows."""
    grew = "; ".join(
        f"{s.label}: {s.estimate:+.0f}%" + ("" if s.low == s.high else f" ({s.low:+.0f}% to {s.high:+.0f}%)")
        for s in specs
    )
    later, last = figure(NORWAY_LATER), figure(STUDENT_SERIES[-1][2])
    france = figure(FRANCE_INCOMING)
    return (
        f"Every published series of student movement we could read grew: {grew}. No series counts health "
        "students studying abroad worldwide, and not every figure rises: Norwegian medical students abroad fell "
        f"from {last['value']:,.0f} in "
        f"{last['period']} to {later['value']:,.0f} in {later['period']}, and OECD reports about "
        f"{france['value']:,.0f} foreign students in French medical schools in {france['period']}, fewer than "
        "in 2010-11."
    )


@evaluates("seed_student_movement")
def evaluate_student_movement() -> ClaimResult:
    """'Increasing scale ... of student movement': growth of each published series, claimed above zero."""
    specs = student_specifications()
    inputs = [deciding_input(fid) for _, first, last in STUDENT_SERIES for fid in (first, last)]
    return judged(
        "seed_student_movement",
        specs[HEADLINE_SERIES],
        "% growth in students studying abroad",
        Assertion("above", 0),
        specs,
        inputs,
        reason=_student_reason(specs),
        would_change=(
            "A published count of students of medicine, nursing or other health professions studying abroad, "
            "for the world or for OECD countries, at two dates or more (for instance from UNESCO or OECD "
            "education statistics by field of study): a fall would contradict the claim, a rise would verify it."
        ),
        unmatched=(
            "the claim is about health professional education worldwide, but the series are students of all "
            "fields, or medical students from or in one country"
        ),
    )


def _single_figure_claim(claim_id: str, evidence_id: str, claimed_id: str) -> tuple[Specification, Assertion]:
    """A claim about one published count or rank: the published value as an exact specification, and the claim."""
    evidence, claimed = figure(evidence_id), figure(claimed_id)
    spec = Specification(evidence["publication"], evidence["value"], evidence["low"], evidence["high"])
    if evidence["claim_id"] != claim_id or claimed["claim_id"] != claim_id:
        raise ValueError(f"{evidence_id} and {claimed_id} must both be rows of claim {claim_id}")
    return spec, Assertion("equals", claimed["value"])


@evaluates("seed_code_second_instrument")
def evaluate_code_second_instrument() -> ClaimResult:
    """'Only the second such instrument promulgated in WHO's history': WHO's own statement of the rank."""
    spec, claim = _single_figure_claim("seed_code_second_instrument", "WHO-CODE-RANK", "CLAIM-CODE-RANK")
    first = figure("WHO-BMS-CODE-YEAR")
    adopted = figure("WHO-CODE-ADOPTION-YEAR")
    return judged(
        "seed_code_second_instrument",
        spec,
        "rank among WHO codes",
        claim,
        [spec],
        [deciding_input("WHO-CODE-RANK"), deciding_input("WHO-BMS-CODE-YEAR")],
        reason=(
            f"A WHO presentation on the Code calls it the number {spec.estimate:.0f} instrument of its kind "
            f"promulgated by WHO; the earlier one is the International Code of Marketing of Breast-milk "
            f"Substitutes, which the World Health Assembly adopted in {first['value']:.0f} as a recommendation "
            f"under Article 23 of WHO's Constitution, {adopted['value'] - first['value']:.0f} years before the "
            "Code. Both were read only on copies of WHO pages, not on WHO's own site, and no WHO list of every "
            "instrument adopted under Article 23 was read."
        ),
        would_change=(
            "WHO's own text (the Code's User's Guide or a WHA document) stating the rank would make the verdict "
            "supported; a third code or regulation of the same kind adopted before 2010 would contradict it."
        ),
    )


@evaluates("seed_code_adopted_2010")
def evaluate_code_adopted_2010() -> ClaimResult:
    """'Adopted in 2010 at the 63rd World Health Assembly (WHA Res 63.16)': WHO's statement of the year."""
    spec, claim = _single_figure_claim("seed_code_adopted_2010", "WHO-CODE-ADOPTION-YEAR", "CLAIM-CODE-ADOPTION-YEAR")
    session = figure("WHO-CODE-ADOPTION-SESSION")
    return judged(
        "seed_code_adopted_2010",
        spec,
        "year",
        claim,
        [spec],
        [deciding_input("WHO-CODE-ADOPTION-YEAR"), deciding_input("WHO-CODE-ADOPTION-SESSION")],
        reason=(
            f"WHO's page of its report on the second round of Code reporting states that the World Health "
            f"Assembly at its session number {session['value']:.0f} adopted the Code in {spec.estimate:.0f}, "
            "in resolution WHA63.16, as the concept note says."
        ),
        would_change="The text of resolution WHA63.16 itself, if it gave another year or session (not expected).",
    )


@evaluates("seed_ilo_tripartite_unique")
def evaluate_ilo_tripartite_unique() -> ClaimResult:
    """'ILO tripartite structure ... unique in United Nations system': the ILO's count of tripartite agencies."""
    spec, claim = _single_figure_claim("seed_ilo_tripartite_unique", "ILO-TRIPARTITE-UN-AGENCIES", "CLAIM-ILO-UNIQUE")
    return judged(
        "seed_ilo_tripartite_unique",
        spec,
        "tripartite UN agencies",
        claim,
        [spec],
        [deciding_input("ILO-TRIPARTITE-UN-AGENCIES")],
        reason=(
            f"The ILO's own page on tripartism says it is the only tripartite United Nations agency "
            f"({spec.estimate:.0f} agency in which governments, employers and workers shape its standards and "
            "programmes). This is the organisation's description of itself; we did not survey the governing "
            "bodies of the other UN agencies."
        ),
        would_change="Another United Nations agency whose governing bodies give employers and workers a vote.",
    )


def ethics_counts() -> pd.DataFrame:
    """WHO's own published counts of countries that took ethical considerations into account (round 2).

    The concept note's figure is a ``-SEED`` row of ``who_code_reporting_rounds``; only rows from WHO's own
    texts count as evidence.
    """
    rounds = published.code_reporting_rounds()
    own = rounds[(rounds["measure"] == ETHICS_MEASURE) & ~rounds["figure_id"].str.endswith("-SEED")]
    return own.reset_index(drop=True)


@evaluates("seed_code_ethics_22")
def evaluate_code_ethics_22() -> ClaimResult:
    """'22 countries identifying having taken into account ethical considerations': WHO's count, if published."""
    rounds = published.code_reporting_rounds().set_index("figure_id")
    claimed = float(rounds.loc["WHOCODE-R2-ETHICS-SEED", "value"])
    own = ethics_counts()
    specs = [Specification(row.publication, row.value, row.value, row.value) for row in own.itertuples()]
    inputs = [DecidingInput(row.figure_id, row.source_kind, row.locator) for row in own.itertuples()]
    found = (
        f"WHO's own count is {specs[0].estimate:.0f} countries."
        if specs
        else f"The figure of {claimed:.0f} countries appears only in the concept note; none of the "
        f"{len(rounds)} published rows on Code reporting rounds we transcribed from WHO texts counts it."
    )
    return judged(
        "seed_code_ethics_22",
        specs[0] if specs else None,
        "countries",
        Assertion("equals", claimed) if specs else None,
        specs,
        inputs,
        reason=f"{found} The per-country answers of the second round are not in the book's data.",
        would_change=(
            "The count in WHO's report on the second round (A69/37 and A69/37 Add.1) or in the published "
            "national reports of that round."
        ),
    )


# The statements that cannot be tested, and those not scored, register their evaluators on import.
from analysis import seed_statements_unscored  # noqa: E402,F401
