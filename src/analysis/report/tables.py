"""Tables for the page: :func:`people_table` (formats, units, no index) for every chapter table,
:func:`explorable_table` for large ones, and the HTML tables of the GSP chapter."""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    from IPython.display import HTML
    from pandas.io.formats.style import Styler


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


# ---------------------------------------------------------------------------------------------------------
# Tables for people: one helper for every chapter table (formats, hidden index, human headers, units).

NA_TEXT = "–"
#: The class every reader table carries; ``book/_static/reader.css`` lets it scroll sideways on a phone.
TABLE_CLASS = "hwm-table"


def _integral(values: pd.Series) -> bool:
    """Whether every non-missing value of a numeric column is a whole number."""
    finite = values.dropna()
    return bool(len(finite)) and bool(np.all(np.mod(finite.to_numpy(dtype=float), 1) == 0))


def column_format(values: pd.Series, header: str, percent: bool, decimals: int, year: bool) -> Callable | str:
    """The formatter of one column: years bare, whole numbers with thousands separators, percentages with %."""
    if pd.api.types.is_bool_dtype(values):
        return lambda v: "yes" if v else "no"
    if not pd.api.types.is_numeric_dtype(values):
        return lambda v: NA_TEXT if v is None or (isinstance(v, float) and np.isnan(v)) else str(v)
    suffix = "%" if percent else ""
    if year or ("year" in header.lower() and not percent and "a year" not in header.lower()):
        digits = 0 if _integral(values) else decimals
        return lambda v: f"{v:.{digits}f}"  # a year: no thousands separator
    if _integral(values):
        return lambda v: f"{v:,.0f}{suffix}"
    return lambda v: f"{v:,.{decimals}f}{suffix}"


def people_table(
    frame: pd.DataFrame,
    columns: Mapping[str, str] | None = None,
    *,
    percent: Iterable[str] = (),
    decimals: int | Mapping[str, int] = 1,
    years: Iterable[str] = (),
    countries: Iterable[str] = (),
    uuid: str | None = None,
) -> Styler:
    """A data frame as a table for people: a pandas ``Styler`` with human headers and formats, no index.

    ``columns`` maps source columns to headers, in the order shown (``None`` keeps every column as it is);
    headers should carry units ("Remittances 2022 (US$ million)"). ``countries`` names source columns of
    ISO3 codes, shown as country names (:func:`analysis.data.countries.name_countries`). ``percent``,
    ``years`` and ``decimals`` (a number, or one per header) refer to headers. Whole-number columns are
    shown as integers with thousands separators, columns whose header says "year" without separators,
    other numbers to ``decimals`` decimals, missing values as a dash, booleans as yes/no.
    """
    from analysis.data.countries import name_countries

    shown = frame.copy()
    for column in countries:
        shown[column] = name_countries(shown[column])
    if columns is not None:
        shown = shown[list(columns)].rename(columns=dict(columns))
    percent, years = set(percent), set(years)
    formats = {}
    for header in shown.columns:
        digits = decimals.get(header, 1) if isinstance(decimals, Mapping) else decimals
        formats[header] = column_format(shown[header], str(header), header in percent, digits, header in years)
    styler = shown.style.hide(axis="index").format(formats, na_rep=NA_TEXT)
    styler = styler.set_table_attributes(f'class="{TABLE_CLASS}"')
    return styler.set_uuid(uuid) if uuid else styler


def explorable_table(styler: Styler, label: str) -> HTML:
    """A :func:`people_table` that a reader can sort (click a header) and search, offline.

    The table itself is static HTML, printed as it is; ``book/_static/hwm-tables.js`` (added to every page by
    ``_ext/reader.py``) adds the search box and sorting in the browser. ``label`` names the table for
    screen readers.
    """
    from IPython.display import HTML

    # without per-cell ids and classes: a table of a thousand rows stays small
    table = styler.to_html(exclude_styles=True).replace("<table>", f'<table class="{TABLE_CLASS} hwm-sortable">', 1)
    return HTML(f'<div class="hwm-explore" role="region" aria-label="{html.escape(label)}">{table}</div>')
