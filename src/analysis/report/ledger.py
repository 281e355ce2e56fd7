"""The results ledger: every number glued into the book, at full precision, with its tolerance.

Each chapter glues its numbers with :func:`analysis.report.glue.glue_value`, which rounds the pasted
value and keeps the full-precision one (and, for Monte Carlo summaries, its standard error) in the
output's metadata. :func:`collect` reads them from executed notebooks; ``results/ledger.csv`` holds
the reference, recorded from ``notebooks/*.ipynb`` by ``make record``; :func:`compare` checks a
fresh run against it with a tolerance per quantity:

* deterministic arithmetic: relative :data:`DETERMINISTIC_RTOL` (floating-point noise between CPUs
  is about 1e-15 relative; a real change of a result is many orders larger);
* Monte Carlo summaries: :data:`MC_MULTIPLE` times their Monte Carlo standard error;
* integers (counts) and verdict words: exactly.

Command line: ``python -m analysis.report.ledger record`` (rewrite the reference from the committed
notebooks) and ``python -m analysis.report.ledger check [FOLDER]`` (compare the executed notebooks in
FOLDER, by default the book's ``_build/jupyter_execute/notebooks``).
"""

from __future__ import annotations

import csv
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from analysis.data.paths import project_root
from analysis.report.glue import LEDGER_KEY

DETERMINISTIC_RTOL = 1e-9
DETERMINISTIC_ATOL = 1e-12
MC_MULTIPLE = 4.0
COLUMNS = ("chapter", "quantity", "kind", "value", "mcse")


@dataclass(frozen=True)
class Quantity:
    """One glued result: where it is, what it is, and its value."""

    chapter: str
    quantity: str
    kind: str  # "number", "integer", "monte carlo" or "verdict"
    value: float | int | str
    mcse: float | None = None

    def tolerance(self) -> tuple[float, float]:
        """(relative, absolute) tolerance: ``|fresh - reference| <= atol + rtol * |reference|``."""
        if self.kind == "monte carlo" and self.mcse:
            return DETERMINISTIC_RTOL, MC_MULTIPLE * self.mcse
        if self.kind in ("number", "monte carlo"):
            return DETERMINISTIC_RTOL, DETERMINISTIC_ATOL
        return 0.0, 0.0

    def describe_tolerance(self) -> str:
        rtol, atol = self.tolerance()
        if self.kind == "monte carlo" and self.mcse:
            return f"{MC_MULTIPLE:g} x its Monte Carlo standard error {self.mcse:.3g} (absolute {atol:.3g})"
        if rtol or atol:
            return f"relative {rtol:g} (deterministic arithmetic)"
        return "exact"


def ledger_path() -> Path:
    """The committed reference ledger."""
    return project_root() / "results" / "ledger.csv"


def default_fresh_dir() -> Path:
    """Where the book build leaves its executed notebooks."""
    return project_root() / "_build" / "jupyter_execute" / "notebooks"


def _kind(entry: dict[str, object]) -> str:
    value = entry["value"]
    if isinstance(value, str):
        return "verdict"
    if isinstance(value, int):
        return "integer"
    return "monte carlo" if entry.get("mcse") is not None else "number"


def _quantity(chapter: str, output: dict) -> Quantity | None:
    meta = output.get("metadata", {})
    entry = meta.get(LEDGER_KEY)
    if entry is None:
        return None
    return Quantity(chapter, meta["scrapbook"]["name"], _kind(entry), entry["value"], entry.get("mcse"))


def collect_notebook(path: Path) -> list[Quantity]:
    """Every ledger entry glued in one executed notebook.

    Jupyter Book moves a notebook's glue outputs into ``NN_name.glue.json`` beside the executed
    ``NN_name.ipynb``; that file is read when it exists, else the notebook's own outputs.
    """
    glue_file = path.with_suffix(".glue.json")
    if glue_file.is_file():
        outputs = list(json.loads(glue_file.read_text(encoding="utf-8")).values())
    else:
        notebook = json.loads(path.read_text(encoding="utf-8"))
        outputs = [output for cell in notebook.get("cells", []) for output in cell.get("outputs", [])]
    return [q for output in outputs if (q := _quantity(path.stem, output)) is not None]


def collect(folder: Path) -> list[Quantity]:
    """The ledger entries of every ``NN_*.ipynb`` in ``folder``, sorted by chapter then quantity."""
    notebooks = sorted(folder.glob("[0-9][0-9]_*.ipynb"))
    if not notebooks:
        raise FileNotFoundError(f"{folder}: no executed notebooks (NN_*.ipynb) found; build the book with `make book`")
    quantities = [q for path in notebooks for q in collect_notebook(path)]
    return sorted(quantities, key=lambda q: (q.chapter, q.quantity))


def write(quantities: list[Quantity], path: Path) -> None:
    """Write the ledger as CSV (floats with all 17 significant digits), atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    with tmp.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(COLUMNS)
        for q in quantities:
            value = repr(q.value) if isinstance(q.value, float) else q.value
            writer.writerow([q.chapter, q.quantity, q.kind, value, "" if q.mcse is None else repr(q.mcse)])
    tmp.replace(path)


def _parse(kind: str, text: str) -> float | int | str:
    if kind == "verdict":
        return text
    return int(text) if kind == "integer" else float(text)


def read(path: Path) -> list[Quantity]:
    """Read a ledger written by :func:`write`; a malformed row is an error naming its line."""
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        if tuple(reader.fieldnames or ()) != COLUMNS:
            raise ValueError(f"{path}:1: expected the header {','.join(COLUMNS)}, found {reader.fieldnames}")
        quantities = []
        for line, row in enumerate(reader, start=2):
            try:
                mcse = float(row["mcse"]) if row["mcse"] else None
                quantities.append(
                    Quantity(row["chapter"], row["quantity"], row["kind"], _parse(row["kind"], row["value"]), mcse)
                )
            except (ValueError, TypeError) as exc:
                message = f"{path}:{line}: cannot read this ledger row ({exc}); re-record with `make record`"
                raise ValueError(message) from exc
    return quantities


@dataclass(frozen=True)
class Difference:
    """A quantity whose fresh value is missing, new, or outside its tolerance."""

    chapter: str
    quantity: str
    message: str


def compare_one(reference: Quantity, fresh: Quantity) -> Difference | None:
    """None if ``fresh`` matches ``reference`` within the reference's tolerance."""
    if reference.kind in ("verdict", "integer") or fresh.kind != reference.kind:
        same = fresh.kind == reference.kind and fresh.value == reference.value
    else:
        rtol, atol = reference.tolerance()
        same = bool(np.isclose(float(fresh.value), float(reference.value), rtol=rtol, atol=atol))
    if same:
        return None
    gap = ""
    if isinstance(fresh.value, float) and isinstance(reference.value, float) and reference.value:
        gap = f" (relative difference {abs(fresh.value - reference.value) / abs(reference.value):.2g})"
    return Difference(
        reference.chapter,
        reference.quantity,
        f"chapter {reference.chapter}, quantity '{reference.quantity}': reference {reference.value!r}, "
        f"this run {fresh.value!r}{gap}; tolerance {reference.describe_tolerance()}",
    )


def compare(fresh: list[Quantity], reference: list[Quantity]) -> list[Difference]:
    """Every difference between a fresh run and the reference ledger (empty when they agree).

    A chapter with no glued quantity at all in the fresh run is reported once, not quantity by quantity.
    """
    fresh_by_key = {(q.chapter, q.quantity): q for q in fresh}
    ref_by_key = {(q.chapter, q.quantity): q for q in reference}
    fresh_chapters = {q.chapter for q in fresh}
    differences = []
    for chapter in sorted({q.chapter for q in reference} - fresh_chapters):
        differences.append(Difference(chapter, "", f"chapter {chapter}: no glued quantity in this run"))
    for key, ref in ref_by_key.items():
        if key[0] not in fresh_chapters:
            continue
        if key not in fresh_by_key:
            differences.append(Difference(*key, f"chapter {key[0]}, quantity '{key[1]}': in the reference, not glued"))
        elif (diff := compare_one(ref, fresh_by_key[key])) is not None:
            differences.append(diff)
    for key in sorted(fresh_by_key.keys() - ref_by_key.keys()):
        differences.append(Difference(*key, f"chapter {key[0]}, quantity '{key[1]}': glued, not in the reference"))
    return differences


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["record"]:
        quantities = collect(project_root() / "notebooks")
        write(quantities, ledger_path())
        print(f"results ledger: {len(quantities)} quantities written to {ledger_path()}")
        return 0
    if args[:1] == ["check"]:
        folder = Path(args[1]) if len(args) > 1 else default_fresh_dir()
        differences = compare(collect(folder), read(ledger_path()))
        for diff in differences:
            print(diff.message)
        print(f"results ledger: {len(differences)} difference(s) against {ledger_path()}")
        return 1 if differences else 0
    print("usage: python -m analysis.report.ledger record | check [FOLDER]", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
