"""The claims register as a terminal table, CSV or JSON, and the files the scorecard offers."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from analysis.data.paths import project_root

EXPORT_DIR = "notebooks/exports"


def format_register(register: pd.DataFrame, fmt: str = "table") -> str:
    """The register as a terminal table, CSV or JSON."""
    if fmt == "csv":  # the specifications, a list per claim, go into one JSON cell
        flat = register.assign(specifications=register["specifications"].map(json.dumps))
        return flat.to_csv(index=False)
    if fmt == "json":
        records = register.astype(object).where(register.notna(), None).to_dict(orient="records")
        return json.dumps(records, indent=2, ensure_ascii=False)
    if fmt != "table":
        raise ValueError(f"format must be table, csv or json, not {fmt!r}")
    view = register[["claim_id", "estimate", "low", "high", "unit", "verdict"]].copy()
    for col in ("estimate", "low", "high"):
        view[col] = view[col].map(lambda v: "" if pd.isna(v) else f"{v:,.1f}")
    return view.to_string(index=False)


def specifications_table(register: pd.DataFrame) -> pd.DataFrame:
    """One row per (claim, specification): estimate, interval, and the claimed value it was tested against."""
    rows = [
        {
            "claim": row.claim_id,
            "specification": spec["label"],
            "estimate": spec["estimate"],
            "low": spec["low"],
            "high": spec["high"],
            "claim asserts": f"{row.claimed_form} {row.claimed:g}",
            "unit": row.unit,
            "verdict": row.verdict,
        }
        for row in register.itertuples()
        if row.claimed_form
        for spec in row.specifications
    ]
    return pd.DataFrame(rows)


def write_exports(register: pd.DataFrame, folder: Path | None = None) -> dict[str, Path]:
    """Write ``claims.csv``, ``claims.json`` and ``claims_specifications.csv``; return their paths."""
    folder = folder or project_root() / EXPORT_DIR
    folder.mkdir(parents=True, exist_ok=True)
    paths = {
        "csv": folder / "claims.csv",
        "json": folder / "claims.json",
        "specifications": folder / "claims_specifications.csv",
    }
    paths["csv"].write_text(format_register(register, "csv"), encoding="utf-8")
    paths["json"].write_text(format_register(register, "json") + "\n", encoding="utf-8")
    paths["specifications"].write_text(specifications_table(register).to_csv(index=False), encoding="utf-8")
    return paths
