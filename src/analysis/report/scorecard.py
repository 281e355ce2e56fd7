"""Render and export the claims register for the scorecard page."""

from __future__ import annotations

import html
from pathlib import Path

import pandas as pd
from IPython.display import HTML

BADGE_COLOURS = {
    "supported": "#1e8449",
    "consistent, not verified": "#2e86c1",
    "mixed": "#b9770e",
    "not supported": "#c0392b",
    "not testable": "#5d6d7e",
    "not scored": "#7f8c8d",
}


def _estimate_text(row: pd.Series) -> str:
    if pd.isna(row["estimate"]):
        return "none"
    text = f"{row['estimate']:,.1f}"
    if not pd.isna(row["low"]) and row["low"] != row["high"]:
        text += f" ({row['low']:,.1f} to {row['high']:,.1f})"
    return f"{text} {row['unit']}"


def _weakest_text(row: pd.Series) -> str:
    return f"weakest deciding input: {row['weakest_input']}" if row["weakest_input"] else ""


def scorecard_html(register: pd.DataFrame) -> HTML:
    """A phone-friendly table: one row per claim with a coloured verdict badge and a link."""
    rows = []
    for _, row in register.iterrows():
        colour = BADGE_COLOURS[row["verdict"]]
        link = f"{Path(row['notebook']).name}.html"
        rows.append(
            "<tr>"
            f"<td><q>{html.escape(row['claim'])}</q><br><small>{html.escape(row['source'])}, "
            f"{html.escape(row['source_locator'])}</small></td>"
            f"<td>{html.escape(_estimate_text(row))}<br><small>{html.escape(row['counts'])}</small></td>"
            f'<td><span class="hwm-badge" style="background:{colour}">{html.escape(row["verdict"])}'
            f"</span><br><small>{html.escape(_weakest_text(row))}</small></td>"
            f'<td><a href="{link}">{html.escape(row["section"])}</a></td>'
            "</tr>"
        )
    style = (
        "<style>.hwm-scorecard{width:100%;border-collapse:collapse;font-size:0.9em}"
        ".hwm-scorecard td,.hwm-scorecard th{border-bottom:1px solid #ddd;padding:6px;vertical-align:top}"
        ".hwm-badge{color:#fff;border-radius:4px;padding:2px 6px;white-space:nowrap;font-size:0.85em}"
        "@media (max-width:600px){.hwm-scorecard thead{display:none}.hwm-scorecard tr{display:block;"
        "margin-bottom:12px}.hwm-scorecard td{display:block;border:none;padding:2px 0}}</style>"
    )
    header = (
        "<thead><tr><th>Claim and source</th><th>Our estimate</th><th>Verdict</th><th>Examined in</th></tr></thead>"
    )
    return HTML(f'{style}<table class="hwm-scorecard">{header}<tbody>{"".join(rows)}</tbody></table>')


def reasons_html(register: pd.DataFrame) -> HTML:
    """Each claim's reason and what would change its verdict, as a definition list."""
    items = "".join(
        f"<dt><code>{html.escape(row['claim_id'])}</code>: {html.escape(row['verdict'])}</dt>"
        f"<dd><p><em>Rule:</em> {html.escape(row['rule'])}.</p><p>{html.escape(row['reason'])}</p>"
        f"<p><em>What would change it:</em> "
        f"{html.escape(row['would_change'])}</p></dd>"
        for _, row in register.iterrows()
    )
    return HTML(f'<dl class="hwm-reasons">{items}</dl>')
