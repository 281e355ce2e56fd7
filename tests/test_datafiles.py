"""Resolving, verifying and downloading data files (the download is served from 127.0.0.1)."""

from __future__ import annotations

import functools
import hashlib
import http.server
import shutil
import threading
from dataclasses import replace

import pytest

from analysis import datafiles
from analysis.errors import ChecksumMismatch, DataFileMissing, ManifestError
from analysis.manifest import entry, read_manifest
from analysis.paths import shared_data_dir

#: the real staged data, resolved before any test changes the environment
REAL_SHARED = shared_data_dir()


def test_every_manifest_file_is_present_and_verified():
    results = datafiles.verify_all()
    assert len(results) == len(read_manifest()) >= 20
    assert [r.key for r in results if r.status != "ok"] == []


def test_corrupted_override_names_file_and_both_hashes(isolated_data):
    item = entry("oecd_wfmi_totals")
    copy = isolated_data["override"] / item.path
    copy.parent.mkdir(parents=True)
    data = bytearray((REAL_SHARED / item.path).read_bytes())
    data[200] = ord("9") if data[200] != ord("9") else ord("8")
    copy.write_bytes(bytes(data))
    with pytest.raises(ChecksumMismatch) as err:
        datafiles.resolve("oecd_wfmi_totals")
    message = str(err.value)
    assert str(copy) in message
    assert item.sha256 in message
    assert hashlib.sha256(bytes(data)).hexdigest() in message


def test_missing_file_names_the_fetch_command(isolated_data):
    with pytest.raises(DataFileMissing) as err:
        datafiles.resolve("iso3166")
    assert "python -m analysis data fetch" in str(err.value)
    assert "iso3166/iso3166_all.csv" in str(err.value)


def test_override_is_searched_before_cache_and_shared(isolated_data):
    item = entry("iso3166")
    order = datafiles.candidate_paths(item)
    assert [p.parents[1] for p in order] == [
        isolated_data["override"],
        isolated_data["cache"],
        isolated_data["shared"],
    ]
    for folder in ("cache", "override"):  # a verified copy in a folder earlier in the order wins
        target = isolated_data[folder] / item.path
        target.parent.mkdir(parents=True)
        shutil.copy(REAL_SHARED / item.path, target)
    assert datafiles.resolve(item) == isolated_data["override"] / item.path


def test_unknown_key_lists_known_keys():
    with pytest.raises(ManifestError, match="known keys"):
        entry("no_such_file")


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


def _fixture_entry(url: str, sha: str):
    template = entry("iso3166")
    return replace(template, key="fixture", path="fixture/fixture.csv", sha256=sha, download_url=url)


def test_fetch_downloads_into_cache_and_verifies(isolated_data, served):
    url, payload = served
    item = _fixture_entry(url, hashlib.sha256(payload).hexdigest())
    path = datafiles.fetch(item)
    assert path == isolated_data["cache"] / "fixture" / "fixture.csv"
    assert path.read_bytes() == payload
    assert datafiles.resolve(item) == path  # now found in the cache, no download


def test_fetch_with_wrong_hash_fails_and_leaves_nothing(isolated_data, served):
    url, _ = served
    item = _fixture_entry(url, "0" * 64)
    with pytest.raises(ChecksumMismatch) as err:
        datafiles.fetch(item)
    assert "0" * 64 in str(err.value)
    assert url in str(err.value)
    leftovers = [p for p in isolated_data["cache"].rglob("*") if p.is_file()]
    assert leftovers == []


def test_fetch_prefers_existing_verified_copy(isolated_data):
    item = entry("iso3166")
    target = isolated_data["shared"] / item.path
    target.parent.mkdir(parents=True)
    shutil.copy(REAL_SHARED / item.path, target)
    unreachable = replace(item, download_url="http://127.0.0.1:9/unreachable")
    assert datafiles.fetch(unreachable) == target


def test_parsed_cache_rebuilds_when_code_changes(isolated_data):
    import pandas as pd

    from analysis.sources._read import parsed_cache

    item = entry("iso3166")
    target = isolated_data["shared"] / item.path
    target.parent.mkdir(parents=True)
    shutil.copy(REAL_SHARED / item.path, target)
    calls = []

    def build():  # synthetic frame standing in for a slow parse
        calls.append(1)
        return pd.DataFrame({"x": [len(calls)]})

    first = parsed_cache("iso3166", build, "code v1")
    again = parsed_cache("iso3166", build, "code v1")
    changed = parsed_cache("iso3166", build, "code v2")
    assert len(calls) == 2
    assert first["x"].tolist() == again["x"].tolist() == [1]
    assert changed["x"].tolist() == [2]
    assert len(list((isolated_data["cache"].parent / "parsed").glob("iso3166-*.pkl"))) == 2
