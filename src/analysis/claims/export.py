"""The claims register as a terminal table, CSV or JSON, and the files the scorecard offers."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from analysis.data.paths import project_root

EXPORT_DIR = "notebooks/exports"


def format_register(register: pd.DataFrame, fmt: str = "table") -> str:
    """The register as a terminal table, CSV or JSON."""
    if fmt == "csv":
        return register.to_csv(index=False)
    if fmt == "json":
        records = register.astype(object).where(register.notna(), None).to_dict(orient="records")
        return json.dumps(records, indent=2, ensure_ascii=False)
    if fmt != "table":
        raise ValueError(f"format must be table, csv or json, not {fmt!r}")
    view = register[["claim_id", "estimate", "low", "high", "unit", "verdict"]].copy()
    for col in ("estimate", "low", "high"):
        view[col] = view[col].map(lambda v: "" if pd.isna(v) else f"{v:,.1f}")
    return view.to_string(index=False)


def write_exports(register: pd.DataFrame, folder: Path | None = None) -> dict[str, Path]:
    """Write ``claims.csv`` and ``claims.json``; return their paths."""
    folder = folder or project_root() / EXPORT_DIR
    folder.mkdir(parents=True, exist_ok=True)
    paths = {"csv": folder / "claims.csv", "json": folder / "claims.json"}
    paths["csv"].write_text(format_register(register, "csv"), encoding="utf-8")
    paths["json"].write_text(format_register(register, "json") + "\n", encoding="utf-8")
    return paths
