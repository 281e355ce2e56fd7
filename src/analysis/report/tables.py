"""Tables for the page: data frames as HTML, every cell shown in full."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    from IPython.display import HTML


def table_html(frame: pd.DataFrame, digits: int = 3) -> HTML:
    """A table as HTML with every cell shown in full (numbers to ``digits`` significant figures)."""
    from IPython.display import HTML

    def cell(v: object) -> str:
        if isinstance(v, float):
            return "" if np.isnan(v) else f"{v:,.0f}" if abs(v) >= 1000 else f"{v:.{digits}g}"
        return html.escape(str(v))

    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in frame.columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{cell(v)}</td>" for v in row) + "</tr>" for row in frame.itertuples(index=False)
    )
    style = (
        "<style>.hwm-gsp-table{border-collapse:collapse;font-size:0.85em}.hwm-gsp-table td,"
        ".hwm-gsp-table th{border-bottom:1px solid #ddd;padding:4px;vertical-align:top;text-align:left}</style>"
    )
    return HTML(f'{style}<table class="hwm-gsp-table"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>')


def gsp_sources_html(sources: pd.DataFrame) -> HTML:
    """The GSP sources table (:func:`analysis.gsp.sources_table`) as HTML: value, use, citation, quote."""
    from IPython.display import HTML

    def number(v: float) -> str:
        return "" if pd.isna(v) else f"{v:,.4g}" if abs(v) < 100 else f"{v:,.0f}"

    cells = []
    for row in sources.to_dict("records"):
        values = " / ".join(number(row[c]) for c in ("low", "central", "high"))
        use = html.escape(row["used for"]) + (f" ({html.escape(row['why not'])})" if row["why not"] else "")
        cells.append(
            f"<tr><td><code>{html.escape(row['parameter'])}</code></td><td>{values}<br><small>"
            f"{html.escape(row['unit'])}</small></td><td>{use}</td><td><small>{html.escape(row['publication'])}; "
            f"{html.escape(row['locator'])}. <q>{html.escape(row['quote'])}</q> "
            f'<a href="{html.escape(row["url"])}">link</a></small></td></tr>'
        )
    head = "<thead><tr><th>row</th><th>low / central / high</th><th>used for</th><th>source and quote</th></tr></thead>"
    style = (
        "<style>.hwm-gsp-sources{border-collapse:collapse;font-size:0.85em}.hwm-gsp-sources td,"
        ".hwm-gsp-sources th{border-bottom:1px solid #ddd;padding:4px;vertical-align:top}</style>"
    )
    return HTML(f'{style}<table class="hwm-gsp-sources">{head}<tbody>{"".join(cells)}</tbody></table>')
