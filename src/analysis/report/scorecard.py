"""Render the claims register for readers: verdict badges, estimates in words, the scorecard and the
"At a glance" table that opens the book (both from the same register and the same rubric words)."""

from __future__ import annotations

import html
import math
from pathlib import Path

import pandas as pd
from IPython.display import HTML

from analysis.report.tables import TABLE_CLASS

#: Badge colours (white text on each passes WCAG AA); the verdict is always written out and carries a
#: symbol as well, so colour is never the only signal.
BADGE_COLOURS = {
    "supported": "#1b7340",
    "consistent, not verified": "#1f5f99",
    "mixed": "#8a5a00",
    "not supported": "#b3261e",
    "not testable": "#55606e",
    "not scored": "#6b6b6b",
}
BADGE_SYMBOLS = {
    "supported": "✔",
    "consistent, not verified": "≈",
    "mixed": "◐",
    "not supported": "✘",
    "not testable": "?",
    "not scored": "–",
}


def verdict_badge(verdict: str) -> str:
    """The verdict as a badge: a symbol, the verdict in words, and a colour (HTML)."""
    return (
        f'<span class="hwm-badge" style="background:{BADGE_COLOURS[verdict]}">'
        f'<span aria-hidden="true">{BADGE_SYMBOLS[verdict]}</span> {html.escape(verdict)}</span>'
    )


def _decimals(value: float) -> int:
    """Decimals the book shows for a value of this size: 0 for whole numbers, else 2 below 1, 1 below 100."""
    if float(value).is_integer() or abs(value) >= 100:
        return 0
    return 2 if abs(value) < 1 else 1


def number_text(value: float, like: float | None = None) -> str:
    """``value`` with the decimals the book uses for numbers of the size of ``like`` (default: itself)."""
    return f"{value:,.{_decimals(value if like is None else like)}f}"


def unit_head(unit: str) -> str:
    """The unit without its explanation: the part before a colon or an opening parenthesis, or a trailing
    "percentage points ..." measure with what it measures in brackets."""
    cut = [i for i in (unit.find(":"), unit.find(" (")) if i > 0]
    head = unit[: min(cut)] if cut else unit
    tail = unit.rsplit(", ", 1)[-1]
    return f"{tail} ({head})" if tail.startswith("percentage points") and tail != unit else head


def estimate_text(estimate: float | None, low: float | None, high: float | None, unit: str) -> tuple[str, str]:
    """(our estimate with its unit, its interval in words); "no estimate" when nothing bears on the claim."""
    if estimate is None or (isinstance(estimate, float) and math.isnan(estimate)):
        return "no estimate", ""
    head = unit_head(unit)
    if head == "year":
        value = f"{estimate:.0f}"
    elif head.startswith("rank "):
        value = f"rank {number_text(estimate)} {head.removeprefix('rank ')}"
    else:
        value = number_text(estimate) + ("%" + head[1:] if head.startswith("%") else f" {head}")
    if low is None or high is None or math.isnan(low) or low == high:
        return value, _exact_kind(head) + ", no interval"
    return value, f"interval {number_text(low, estimate)} to {number_text(high, estimate)}"


def _exact_kind(head: str) -> str:
    """What an estimate without uncertainty is: a date, a rank, a share computed from counts, or a count."""
    if head == "year":
        return "date"
    if head.startswith("rank "):
        return "rank"
    return "computed from counts" if head.startswith("%") else "count"


def _estimate_cell(row: pd.Series) -> str:
    value, interval = estimate_text(row["estimate"], row["low"], row["high"], row["unit"])
    return html.escape(value) + (f"<br><small>{html.escape(interval)}</small>" if interval else "")


def _weakest_text(row: pd.Series) -> str:
    return f"weakest deciding input: {row['weakest_input']}" if row["weakest_input"] else ""


def _table(header: list[str], rows: list[str], css_class: str, explorable: bool = True) -> HTML:
    """A reader table; ``explorable`` ones get a search box and sortable columns in the browser."""
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    sortable = " hwm-sortable" if explorable else ""
    table = (
        f'<table class="{TABLE_CLASS} {css_class}{sortable}"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )
    if not explorable:
        return HTML(table)
    return HTML(f'<div class="hwm-explore" role="region" aria-label="{header[0]}">{table}</div>')


def scorecard_html(register: pd.DataFrame) -> HTML:
    """Every claim: quote and source, our estimate, the verdict badge and its weakest input, and a link
    to the chapter; sortable and searchable in the browser, stacked on a phone."""
    rows = []
    for _, row in register.iterrows():
        link = f"{Path(row['notebook']).name}.html"
        rows.append(
            "<tr>"
            f"<td><q>{html.escape(row['claim'])}</q><br><small>{html.escape(row['source'])}, "
            f"{html.escape(row['source_locator'])}</small></td>"
            f"<td>{_estimate_cell(row)}<br><small>{html.escape(row['counts'])}</small></td>"
            f"<td>{verdict_badge(row['verdict'])}<br><small>{html.escape(_weakest_text(row))}</small></td>"
            f'<td><a href="{link}">{html.escape(row["section"])}</a></td>'
            "</tr>"
        )
    return _table(["Claim and source", "Our estimate", "Verdict", "Examined in"], rows, "hwm-scorecard")


def at_a_glance_html(register: pd.DataFrame, chapters: str = "../notebooks/") -> HTML:
    """The claims the book estimates, one line each: claim, verdict badge, estimate and interval, why.

    "Why" is the rule of the rubric that gave the verdict (the scorecard's words). Claims without an
    estimate (not testable, or not scored) are counted in a closing line. ``chapters`` is the path from
    the page to the chapters, for the links.
    """
    estimated = register[register["estimate"].notna()]
    rows = []
    for _, row in estimated.iterrows():
        link = f"{chapters}{Path(row['notebook']).name}.html"
        why = row["rule"][:1].upper() + row["rule"][1:] + "."
        rows.append(
            f'<tr><td><a href="{link}">{html.escape(row["short"])}</a></td>'
            f"<td>{verdict_badge(row['verdict'])}</td><td>{_estimate_cell(row)}</td>"
            f"<td><small>{html.escape(why)}</small></td></tr>"
        )
    table = _table(["Claim", "Verdict", "Our estimate", "Why"], rows, "hwm-glance", explorable=False)
    rest = register[register["estimate"].isna()]["verdict"].value_counts(sort=False)
    counts = ", ".join(f"{n} {verdict}" for verdict, n in rest.items())
    note = f"<p>{len(register) - len(estimated)} further statements have no estimate ({counts}).</p>"
    return HTML(table.data + note)


def reasons_html(register: pd.DataFrame) -> HTML:
    """Each claim's reason and what would change its verdict, as a definition list (the verdict itself is in
    the scorecard table above it: each verdict appears once on a page)."""
    items = "".join(
        f"<dt>{html.escape(row['short'])}</dt>"
        f"<dd><p><em>Rule:</em> {html.escape(row['rule'])}.</p><p>{html.escape(row['reason'])}</p>"
        f"<p><em>What would change it:</em> "
        f"{html.escape(row['would_change'])}</p></dd>"
        for _, row in register.iterrows()
    )
    return HTML(f'<dl class="hwm-reasons">{items}</dl>')
