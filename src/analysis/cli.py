"""Command line for researchers.

    python -m analysis data verify   # check every manifest file's sha256, print a table
    python -m analysis data fetch    # download missing files into the cache, then verify
    python -m analysis claims [--format table|csv|json]   # the claims register

Exit status is non-zero when any file is missing or corrupted.
"""

from __future__ import annotations

import argparse
import sys

from analysis.datafiles import fetch, verify_all
from analysis.errors import DataError
from analysis.manifest import read_manifest


def _print_table(rows: list[list[str]], header: list[str]) -> None:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, ["-" * w for w in widths], *rows]:
        print("  ".join(str(cell).ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())


def cmd_verify(_: argparse.Namespace) -> int:
    results = verify_all()
    _print_table(
        [[r.key, r.status, r.detail, r.location] for r in results],
        ["key", "status", "sha256/detail", "location"],
    )
    bad = [r for r in results if r.status != "ok"]
    print(f"\n{len(results) - len(bad)} of {len(results)} files verified.")
    return 1 if bad else 0


def cmd_fetch(_: argparse.Namespace) -> int:
    failures = 0
    for item in read_manifest().values():
        try:
            path = fetch(item)
            print(f"ok        {item.key}: {path}")
        except (DataError, OSError) as exc:  # network errors are OSError subclasses
            failures += 1
            print(f"FAILED    {item.key}: {exc}", file=sys.stderr)
    return 1 if failures else 0


def cmd_claims(args: argparse.Namespace) -> int:
    from analysis.claims import format_register, load_register

    print(format_register(load_register(), args.format))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m analysis", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    data = sub.add_parser("data", help="check or fetch the input data files")
    data_sub = data.add_subparsers(dest="action", required=True)
    data_sub.add_parser("verify", help="check every manifest file").set_defaults(func=cmd_verify)
    data_sub.add_parser("fetch", help="download missing files").set_defaults(func=cmd_fetch)
    claims = sub.add_parser("claims", help="print the claims register")
    claims.add_argument("--format", choices=["table", "csv", "json"], default="table")
    claims.set_defaults(func=cmd_claims)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except DataError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
