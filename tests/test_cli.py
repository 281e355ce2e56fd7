"""The researchers' command line: non-zero exit on a problem, one row per problem, no tracebacks."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import time

from analysis.cli import main
from analysis.data.manifest import entry, read_manifest
from analysis.data.paths import shared_data_dir

REAL_SHARED = shared_data_dir()
FETCH = "python -m analysis data fetch"


def test_verify_ok(capsys):
    assert main(["data", "verify"]) == 0
    assert "files verified" in capsys.readouterr().out


def _row(out: str, key: str) -> str:
    [row] = [line for line in out.splitlines() if line.startswith(f"{key} ")]
    return row


def test_verify_fails_on_corrupted_and_missing(isolated_data, capsys):
    item = entry("iso3166")
    copy = isolated_data["override"] / item.path
    copy.parent.mkdir(parents=True)
    shutil.copy(REAL_SHARED / item.path, copy)
    with copy.open("a") as handle:
        handle.write("corrupted\n")
    assert main(["data", "verify"]) == 1
    out = capsys.readouterr().out
    mismatch = _row(out, "iso3166")
    assert mismatch.split()[1:3] == ["mismatch", str(copy)]
    # both full hashes, and the remedy: the pinned address and the fetch command
    assert f"expected sha256 {item.sha256}" in mismatch
    assert f"found {hashlib.sha256(copy.read_bytes()).hexdigest()}" in mismatch
    assert item.download_url in mismatch and FETCH in mismatch
    missing = _row(out, "oecd_wfmi_totals")
    assert missing.split()[1] == "missing"
    assert FETCH in missing and entry("oecd_wfmi_totals").download_url in missing
    total = len(read_manifest())
    assert f"0 of {total} files verified." in out and f"{total} problem(s)" in out


def test_verify_piped_into_head_stops_quietly():
    """`python -m analysis data verify | head -1`: the reader quits first; no BrokenPipeError traceback."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "analysis", "data", "verify"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    proc.stdout.close()  # the reader is gone before the command writes its first line
    start = time.monotonic()
    _, err = proc.communicate(timeout=120)
    assert time.monotonic() - start < 120
    assert b"Traceback" not in err and b"BrokenPipe" not in err and b"Exception ignored" not in err
    assert proc.returncode == 1


def _one_entry_manifest(temp_manifest, url: str, sha: str) -> None:
    """Reduce the temporary manifest to one synthetic entry served from ``url``."""
    table, path = temp_manifest
    row = table.iloc[[0]].copy()
    row[["key", "path", "sha256", "download_url", "min_rows"]] = ["fixture", "fixture/fixture.csv", sha, url, "1"]
    row.to_csv(path, index=False)


def test_fetch_command_downloads_with_a_progress_line(isolated_data, temp_manifest, served, capsys):
    url, payload = served
    _one_entry_manifest(temp_manifest, url, hashlib.sha256(payload).hexdigest())
    assert main(["data", "fetch"]) == 0
    captured = capsys.readouterr()
    target = isolated_data["cache"] / "fixture" / "fixture.csv"
    assert target.read_bytes() == payload
    assert f"downloading fixture/fixture.csv from {url}" in captured.err
    assert f"ok        fixture: {target}" in captured.out


def test_fetch_command_reports_a_failed_download_in_one_line(isolated_data, temp_manifest, capsys):
    url = "http://127.0.0.1:9/unreachable.csv"
    _one_entry_manifest(temp_manifest, url, "0" * 64)
    assert main(["data", "fetch"]) == 1
    err = capsys.readouterr().err
    failed = [line for line in err.splitlines() if line.startswith("FAILED")]
    assert len(failed) == 1
    assert failed[0].startswith(f"FAILED    fixture: {url}: download of 'fixture/fixture.csv' failed")
    assert "Traceback" not in err
