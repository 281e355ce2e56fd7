"""Statements of the source documents that cannot be tested, and those that are not scored (ch. 7).

Each is evaluated by the rubric like every other claim: a statement with no bearing data (no
specification) comes out "not testable", and one that describes a debate, an aim, a forecast or an
opinion comes out "not scored". The reason says, in one sentence, why; "what would change it" names
the data or text that would make the statement testable.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pandas as pd

from analysis.evidence import ClaimResult, evaluates, judged
from analysis.verdicts import NOT_SCORED as NOT_SCORED_VERDICT
from analysis.verdicts import NOT_TESTABLE as NOT_TESTABLE_VERDICT

#: Checkable in principle, but no data or transcribed figure bears on them: (claim id, reason, what would change it).
NOT_TESTABLE: tuple[tuple[str, str, str], ...] = (
    (
        "seed_gsp_high_uptake",
        "No count of member states that have set up, or committed to, Global Skill Partnerships exists in the "
        "data or in any publication we found; that the Global Compact's objective 18 names them is a mention, "
        "not uptake.",
        "A register of partnerships by country (for instance from the Global Compact's review forum or the "
        "proposers' own list of pilots), dated around 2018.",
    ),
    (
        "seed_gsp_nursing_pilot",
        "No list of Global Skill Partnership pilots by sector was found; of the two pilots we read about, "
        "one trains nurses (Germany with the Philippines and Mexico) and one trains ICT workers (Belgium with "
        "Morocco), which cannot show which sector was 'primary'.",
        "A complete list of the pilots planned or running in 2018, with their sectors.",
    ),
    (
        "seed_temporary_migration",
        "No series counts health workers migrating temporarily, or registered in more than one country, at "
        "two dates or more; OECD's figures on temporary labour migration do not single out health workers.",
        "A published count of temporary permits, locum or multiple registrations of doctors or nurses over "
        "time (for instance a medical or nursing register reporting registrants also licensed abroad).",
    ),
    (
        "seed_ilo_six_countries",
        "The slides themselves name six countries (Costa Rica, Kenya, Romania, Senegal, Sri Lanka, and "
        "Trinidad and Tobago), but no ILO text listing the programme's countries was read to check them against.",
        "The ILO programme's own description or its country reports.",
    ),
    (
        "seed_nyd_193_states",
        "A statement about who adopted the New York Declaration, checkable only against the UN General "
        "Assembly's record of resolution 71/1, which this book has not transcribed.",
        "The UN record of the adoption of resolution A/RES/71/1 (19 September 2016).",
    ),
    (
        "seed_agenda2030_date",
        "A statement about the date and wording of the 2030 Agenda, checkable only against resolution 70/1 "
        "of the UN General Assembly, which this book has not transcribed.",
        "The text of resolution A/RES/70/1 and its date of adoption.",
    ),
    (
        "seed_comheeg_rec9",
        "A statement about the numbering and wording of the Commission's recommendations and the date of its "
        "immediate action, checkable only against the Commission's report, which this book has not transcribed.",
        "The report 'Working for Health and Growth' (WHO, 2016), its list of recommendations and immediate actions.",
    ),
    (
        "seed_gcm_negotiation_dates",
        "A statement about when the Global Compact was negotiated, checkable only against the UN's record of "
        "the intergovernmental negotiations, which this book has not transcribed.",
        "The UN's calendar of the intergovernmental negotiations on the Global Compact for Migration (2018).",
    ),
    (
        "seed_gsp_in_gcm",
        "A statement about the text of the Global Compact (objective 18), which this book has not transcribed; "
        "the proposers of Global Skill Partnerships say the Compact names them, but that is not the text itself.",
        "The text of the Global Compact (A/RES/73/195), objective 18.",
    ),
    (
        "seed_wha70_6_programme",
        "A statement about what resolution WHA70.6 established, checkable only against the resolution, which "
        "this book has not transcribed.",
        "The text of resolution WHA70.6 (Seventieth World Health Assembly, 2017).",
    ),
    (
        "seed_ilo_fair_recruitment_2016",
        "A statement about when the ILO Governing Body adopted its fair recruitment principles, checkable only "
        "against the ILO's record, which this book has not transcribed.",
        "The ILO's General Principles and Operational Guidelines for Fair Recruitment and the Governing Body "
        "decision adopting them.",
    ),
    (
        "seed_wha_2002",
        "A statement about the World Health Assembly of May 2002 and a SADC ministers' meeting, checkable only "
        "against their records, which this book has not transcribed.",
        "The resolutions of the Fifty-fifth World Health Assembly (2002) and the SADC Health Ministers' record.",
    ),
)

#: Statements describing a debate, an aim, a forecast or an opinion: (claim id, reason, what would change it).
NOT_SCORED: tuple[tuple[str, str, str], ...] = (
    (
        "seed_dichotomies_blur",
        "A forecast ('likely to blur further over the next fifteen years') and an interpretation of patterns, "
        "with no measure attached.",
        "A measurable version, such as the share of countries that are both major origins and major "
        "destinations of health workers, tracked over time.",
    ),
    (
        "seed_gsp_rights_approach",
        "The authors' assessment of the concept against a human rights-based approach, an opinion rather than a fact.",
        "Nothing in the data: it is a judgement about the design of the concept.",
    ),
    (
        "seed_partnership_resources",
        "An expectation about the partnership's future funding needs, stated before the partnership began.",
        "The partnership's later accounts, which would show whether extra resources were needed.",
    ),
    (
        "seed_funds_permit_meeting",
        "A plan ('if funds permit, conduct international meeting end 2007'), not a statement of fact.",
        "A record of whether the meeting took place would show whether the plan was carried out.",
    ),
)


def _evaluator(claim_id: str, reason: str, would_change: str, describes_debate: bool) -> Callable[[], ClaimResult]:
    """An evaluator that applies the rubric to a statement with no specification."""

    def evaluate() -> ClaimResult:
        return judged(
            claim_id,
            None,
            "none",
            None,
            [],
            [],
            reason=reason,
            would_change=would_change,
            describes_debate=describes_debate,
        )

    evaluate.__name__ = f"evaluate_{claim_id}"
    evaluate.__doc__ = f"The rubric's verdict on {claim_id} (no specification)."
    return evaluate


EVALUATORS: dict[str, Callable[[], ClaimResult]] = {
    claim_id: evaluates(claim_id)(_evaluator(claim_id, reason, change, describes_debate))
    for statements, describes_debate in ((NOT_TESTABLE, False), (NOT_SCORED, True))
    for claim_id, reason, change in statements
}


def untested_table(texts: pd.DataFrame, results: Sequence[ClaimResult]) -> pd.DataFrame:
    """The statements among ``results`` that are not testable or not scored: statement, document, verdict, why.

    ``texts`` is the register's text table (``analysis.claims.register.claim_texts()``); rows keep the
    chapter's order within each verdict.
    """
    kept = [r for r in results if r.verdict in (NOT_TESTABLE_VERDICT, NOT_SCORED_VERDICT)]
    frame = pd.DataFrame([{"claim_id": r.claim_id, "verdict": r.verdict, "why": r.reason} for r in kept])
    merged = frame.merge(texts, on="claim_id", how="left", validate="one_to_one")
    missing = merged.loc[merged["claim"].isna(), "claim_id"].tolist()
    if missing:
        raise KeyError(f"statements without a row in data/claims_seeds.csv: {missing}")
    merged = merged.sort_values(["verdict", "order"], kind="stable")
    columns = {"claim": "statement", "source": "document", "verdict": "verdict", "why": "why"}
    return merged.rename(columns=columns)[list(columns.values())].reset_index(drop=True)
