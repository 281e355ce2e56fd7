"""Shared fixtures. Fixture files written here are synthetic unless a test says otherwise."""

from __future__ import annotations

import functools
import hashlib
import http.server
import os
import threading
from collections.abc import Callable
from pathlib import Path

import matplotlib
import pandas as pd
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
    from analysis.data import files as datafiles

    datafiles._verified.clear()
    return dirs


@pytest.fixture
def temp_manifest(tmp_path, monkeypatch) -> tuple[pd.DataFrame, Path]:
    """A copy of data/manifest.csv in tmp, used by every manifest lookup for the test's duration."""
    from analysis.data import manifest

    table = pd.read_csv(manifest.manifest_path(), dtype=str, keep_default_na=False)
    path = tmp_path / "manifest.csv"
    table.to_csv(path, index=False)
    monkeypatch.setattr(manifest, "manifest_path", lambda: path)
    return table, path


@pytest.fixture
def bad_file(tmp_path, monkeypatch, temp_manifest) -> Callable[[str, bytes], Path]:
    """``put(key, data)``: the bytes ``data`` (a synthetic or damaged copy) replace one manifest file.

    The copy is written to a temporary ``$HWM_DATA_DIR`` (searched first) and the temporary manifest
    gets its sha256, so the loader gets past the hash check to the parser; every other file still
    comes from the real shared data. Returns the path of the copy.
    """
    from analysis.data import files as datafiles
    from analysis.data.manifest import entry
    from analysis.data.paths import shared_data_dir

    shared = shared_data_dir()  # the real staged data, resolved before the environment changes
    override, cache = tmp_path / "override", tmp_path / "cache"
    override.mkdir()
    cache.mkdir()
    monkeypatch.setenv("HWM_DATA_DIR", str(override))
    monkeypatch.setenv("HWM_CACHE_DIR", str(cache))
    monkeypatch.setenv("HWM_SHARED_DATA", str(shared))
    datafiles._verified.clear()
    table, manifest_file = temp_manifest

    def put(key: str, data: bytes) -> Path:
        target = override / entry(key).path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        table.loc[table["key"] == key, "sha256"] = hashlib.sha256(data).hexdigest()
        table.to_csv(manifest_file, index=False)
        return target

    return put


@pytest.fixture
def served(tmp_path):
    """A local HTTP server on 127.0.0.1 serving a synthetic fixture file."""
    root = tmp_path / "www"
    root.mkdir()
    payload = b"iso3,year,value\nAAA,2000,1.5\n"  # synthetic fixture
    (root / "fixture.csv").write_bytes(payload)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/fixture.csv", payload
    server.shutdown()
