"""Shared fixtures. Fixture files written here are synthetic unless a test says otherwise."""

from __future__ import annotations

import os

import matplotlib
import pytest

matplotlib.use("Agg")
os.environ.setdefault("MPLBACKEND", "Agg")


@pytest.fixture
def isolated_data(tmp_path, monkeypatch):
    """Empty override, cache and shared folders: nothing resolves unless the test puts it there."""
    dirs = {name: tmp_path / name for name in ("override", "cache", "shared")}
    for folder in dirs.values():
        folder.mkdir()
    monkeypatch.setenv("HWM_DATA_DIR", str(dirs["override"]))
    monkeypatch.setenv("HWM_CACHE_DIR", str(dirs["cache"]))
    monkeypatch.setenv("HWM_SHARED_DATA", str(dirs["shared"]))
    from analysis import datafiles

    datafiles._verified.clear()
    return dirs
