"""The researchers' command line: non-zero exit on a missing or corrupted file."""

from __future__ import annotations

import shutil

from analysis.cli import main
from analysis.manifest import entry
from analysis.paths import shared_data_dir

REAL_SHARED = shared_data_dir()


def test_verify_ok(capsys):
    assert main(["data", "verify"]) == 0
    assert "files verified" in capsys.readouterr().out


def test_verify_fails_on_corrupted_and_missing(isolated_data, capsys):
    item = entry("iso3166")
    copy = isolated_data["override"] / item.path
    copy.parent.mkdir(parents=True)
    shutil.copy(REAL_SHARED / item.path, copy)
    with copy.open("a") as handle:
        handle.write("corrupted\n")
    assert main(["data", "verify"]) == 1
    out = capsys.readouterr().out
    assert "mismatch" in out and "missing" in out
