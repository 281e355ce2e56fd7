"""Glue for the prose: numbers pasted into the text at the precision the book reports.

A glued float is rounded to :data:`SIGNIFICANT_DIGITS` significant digits (and never to fewer than
:data:`MIN_DECIMALS` decimals) before it is stored in the notebook, so the recorded outputs do not
carry the last, CPU-dependent digits of a computation (numpy and OpenBLAS pick SIMD kernels at run
time; sums, logs and quantiles differ in the 15th-16th digit between machines). The prose never
shows more than three decimals, so a glued number keeps at least that many: whatever format the
prose uses, it shows the same digits as the full-precision value.

The full-precision value travels beside it, in the output's metadata (which nbval does not compare),
under :data:`LEDGER_KEY`, with its Monte Carlo standard error when it summarises random draws. The
results ledger (:mod:`analysis.report.ledger`) reads it from there.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import pandas as pd

from analysis.evidence import ClaimResult

SIGNIFICANT_DIGITS = 6
MIN_DECIMALS = 3
LEDGER_KEY = "hwm_ledger"
GLUE_PREFIX = "application/papermill.record/"
VERDICT_SUFFIX = "_verdict"


def plain(value: object) -> object:
    """Turn numpy scalars into plain Python numbers (stable reprs across numpy versions)."""
    return value.item() if hasattr(value, "item") else value


def reported(value: float) -> float:
    """``value`` rounded to 6 significant digits, keeping at least 3 decimals (non-finite unchanged)."""
    if not math.isfinite(value) or value == 0:
        return value
    decimals = SIGNIFICANT_DIGITS - 1 - math.floor(math.log10(abs(value)))
    return round(value, max(decimals, MIN_DECIMALS))


def _ledger_entry(key: str, value: object, mcse: float | None) -> dict[str, object] | None:
    """What the results ledger records for a glued value: numbers, and the words of verdicts."""
    if isinstance(value, str):
        return {"value": value} if key.endswith(VERDICT_SUFFIX) else None
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        entry: dict[str, object] = {"value": float(value) if isinstance(value, float) else value}
        if mcse is not None:
            entry["mcse"] = float(mcse)
        return entry
    return None


def glue_value(key: str, value: object, mcse: float | None = None) -> object:
    """Glue a value for the prose, without displaying it; return what was glued.

    Numbers are pasted with ``{glue:text}`key:fmt```; strings are glued as Markdown and pasted
    with ``{glue:md}`key```. ``mcse`` is the Monte Carlo standard error of a number that summarises
    random draws (see :mod:`analysis.montecarlo`); it sets the number's tolerance in the ledger.
    """
    from IPython.core.formatters import format_display_data
    from IPython.display import Markdown, display

    value = plain(value)
    entry = _ledger_entry(key, value, None if mcse is None else float(plain(mcse)))
    if isinstance(value, float):
        value = reported(value)
    shown = Markdown(value) if isinstance(value, str) else value
    bundle, metadata = format_display_data(shown)
    metadata["scrapbook"] = {"name": key, "mime_prefix": GLUE_PREFIX}
    if entry is not None:
        metadata[LEDGER_KEY] = entry
    display({GLUE_PREFIX + mime: data for mime, data in bundle.items()}, raw=True, metadata=metadata)
    return value


def glue_values(prefix: str, values: Mapping[str, object], mcse: Mapping[str, float] | None = None) -> None:
    """Glue ``values`` as ``{prefix}_{name}``; ``mcse`` gives the Monte Carlo standard errors by name."""
    for name, value in values.items():
        glue_value(f"{prefix}_{name}", value, None if mcse is None else mcse.get(name))


def glue_claim(result: ClaimResult) -> pd.DataFrame:
    """Glue a claim's numbers and verdict for the prose; return a one-row table to display."""
    prefix = f"claim_{result.claim_id}"
    for position, name in enumerate(("estimate", "low", "high")):
        value = getattr(result, name)
        if value is not None:
            mcse = None if result.mcse is None else result.mcse[position]
            glue_value(f"{prefix}_{name}", float(value), mcse)
    glue_value(f"{prefix}_verdict", result.verdict)
    glue_value(f"{prefix}_rule", result.rule)
    glue_value(f"{prefix}_weakest_input", result.weakest_input or "none needed")
    glue_value(f"{prefix}_reason", result.reason)
    glue_value(f"{prefix}_would_change", result.would_change)
    return pd.DataFrame(
        [
            {
                "claim": result.claim_id,
                "estimate": "" if result.estimate is None else f"{result.estimate:,.1f}",
                "interval": "" if result.low is None else f"{result.low:,.1f} to {result.high:,.1f}",
                "unit": result.unit,
                "verdict": result.verdict,
            }
        ]
    )


def flatten(frame: pd.DataFrame, columns: Mapping[str, str] | None = None) -> dict[str, object]:
    """``{f"{row}_{name}": value}`` for each row index and each column (renamed by ``columns``), for glue."""
    columns = {c: str(c).replace(" ", "_") for c in frame.columns} if columns is None else columns
    return {f"{index}_{name}": frame.at[index, col] for index in frame.index for col, name in columns.items()}
