"""Resolving, verifying and downloading data files (the download is served from 127.0.0.1)."""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from analysis.data import files as datafiles
from analysis.data.errors import ChecksumMismatch, DataFileMissing, DataFolderError, DownloadError, ManifestError
from analysis.data.manifest import entry, read_manifest
from analysis.data.paths import shared_data_dir

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


def _fixture_entry(url: str, sha: str):
    template = entry("iso3166")
    return replace(template, key="fixture", path="fixture/fixture.csv", sha256=sha, download_url=url)


def test_fetch_downloads_into_cache_and_verifies(isolated_data, served, capsys):
    url, payload = served
    item = _fixture_entry(url, hashlib.sha256(payload).hexdigest())
    path = datafiles.fetch(item)
    assert path == isolated_data["cache"] / "fixture" / "fixture.csv"
    assert path.read_bytes() == payload
    # the progress display (no tqdm in the environment): what, from where, and the size once done
    err = capsys.readouterr().err
    assert f"downloading fixture/fixture.csv from {url}" in err
    assert f"downloaded fixture/fixture.csv ({len(payload)} bytes)" in err
    assert datafiles.resolve(item) == path  # now found in the cache, no download
    assert "downloading" not in capsys.readouterr().err


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


def test_fetch_from_unreachable_address_is_one_clear_error(isolated_data):
    item = _fixture_entry("http://127.0.0.1:9/unreachable.csv", "0" * 64)
    with pytest.raises(DownloadError) as err:
        datafiles.fetch(item)
    message = str(err.value)
    assert message.startswith("http://127.0.0.1:9/unreachable.csv: download of 'fixture/fixture.csv' failed")
    assert "Check the network connection" in message
    assert [p for p in isolated_data["cache"].rglob("*") if p.is_file()] == []


def test_fetch_into_uncreatable_cache_names_the_folder_and_variable(isolated_data, monkeypatch):
    item = _fixture_entry("http://127.0.0.1:9/never-used.csv", "0" * 64)
    real_mkdir = Path.mkdir

    def refuse(self, *args, **kwargs):  # simulates a read-only cache (chmod does not stop root)
        if self == isolated_data["cache"] / "fixture":
            raise PermissionError(13, "Permission denied", str(self))
        return real_mkdir(self, *args, **kwargs)

    monkeypatch.setattr(Path, "mkdir", refuse)
    with pytest.raises(DataFolderError) as err:
        datafiles.fetch(item)
    assert str(isolated_data["cache"] / "fixture") in str(err.value)
    assert "HWM_CACHE_DIR" in str(err.value) and "Permission denied" in str(err.value)


def test_download_failures_are_said_in_a_few_words():
    dns = OSError("HTTPSConnectionPool(host='x', port=443): Max retries exceeded (Caused by NameResolutionError(...))")
    http = OSError("404 Client Error: Not Found for url: https://example.invalid/a.csv")
    assert datafiles.download_failure(dns) == "no network: the host name does not resolve"
    assert datafiles.download_failure(http) == "HTTP 404"
    assert datafiles.download_failure(OSError("Read timed out.")) == "the connection timed out"
