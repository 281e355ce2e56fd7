"""Command line for researchers.

    python -m analysis data verify   # check every manifest file's sha256, print a table
    python -m analysis data fetch    # download missing files into the cache, then verify
    python -m analysis claims [--format table|csv|json]   # the claims register

Exit status is non-zero when any file is missing, unreadable or corrupted. Problems are reported
as one clear message (or one table row per file), never as a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys

from analysis.data.errors import DataError
from analysis.data.files import fetch, search_folders, verify_all
from analysis.data.manifest import read_manifest


def _print_table(rows: list[list[str]], header: list[str]) -> None:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, ["-" * w for w in widths], *rows]:
        print("  ".join(str(cell).ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())


def cmd_verify(_: argparse.Namespace) -> int:
    """One row per manifest file; a problem row says what is wrong and what to do."""
    results = verify_all()
    _print_table(
        [[r.key, r.status, r.location, ". ".join(filter(None, [r.detail, r.remedy]))] for r in results],
        ["key", "status", "location", "sha256/detail"],
    )
    bad = [r for r in results if r.status != "ok"]
    print(f"\n{len(results) - len(bad)} of {len(results)} files verified.")
    if bad:
        print(f"{len(bad)} problem(s): see the status and detail columns above.")
    return 1 if bad else 0


def cmd_fetch(_: argparse.Namespace) -> int:
    """Download each missing file; one ``FAILED`` line per file that could not be fetched."""
    search_folders()  # a misconfigured HWM_* folder is reported once, not once per file
    failures = 0
    for item in read_manifest().values():
        try:
            path = fetch(item)
            print(f"ok        {item.key}: {path}")
        except (DataError, OSError) as exc:  # network errors are OSError subclasses
            failures += 1
            print(f"FAILED    {item.key}: {exc}", file=sys.stderr)
    if failures:
        print(
            f"{failures} file(s) could not be fetched. Connect to the internet and run this again, or put the "
            "files (same folder layout as the manifest paths) in a folder and set HWM_DATA_DIR to it.",
            file=sys.stderr,
        )
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


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that the final flush at exit cannot fail again."""
    try:
        target = sys.stdout.fileno()
    except (OSError, ValueError):  # stdout replaced by an object without a file descriptor
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, target)
    os.close(devnull)


def main(argv: list[str] | None = None) -> int:
    """Run a command; report a data problem as one ``error:`` line, and stop quietly on a closed pipe."""
    args = build_parser().parse_args(argv)
    try:
        status = args.func(args)
        sys.stdout.flush()  # inside the try: a reader that quit early (`| head`) fails here, not at exit
        return status
    except BrokenPipeError:
        _silence_stdout()
        return 1  # the output was not all delivered
    except (DataError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
