"""The on-disk cache of parsed frames (``analysis.data.reading.parsed_cache``).

The frames built here are synthetic stand-ins for a slow parse; the raw file they are keyed on is
a real staged file copied into a temporary shared folder.
"""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

from analysis.data import reading as _read
from analysis.data.errors import ManifestError
from analysis.data.manifest import entry, manifest_path, read_manifest
from analysis.data.paths import shared_data_dir
from analysis.data.reading import cache_key, parsed_cache, source_hash

REAL_SHARED = shared_data_dir()
PACKAGE = Path(_read.__file__).resolve().parents[1]


@pytest.fixture
def staged(isolated_data):
    """The real iso3166 file in the (temporary) shared folder; returns the temporary folders."""
    item = entry("iso3166")
    target = isolated_data["shared"] / item.path
    target.parent.mkdir(parents=True)
    shutil.copy(REAL_SHARED / item.path, target)
    return isolated_data


class Builder:
    """Counts calls; each build returns a frame holding the call number."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> pd.DataFrame:
        self.calls += 1
        return pd.DataFrame({"x": [self.calls]})


def _cached_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


def test_cached_frames_live_inside_the_cache_folder(staged, tmp_path):
    build = Builder()
    first = parsed_cache("iso3166", build)
    again = parsed_cache("iso3166", build)
    assert build.calls == 1
    assert first["x"].tolist() == again["x"].tolist() == [1]
    files = [p for p in _cached_files(tmp_path) if staged["shared"] not in p.parents]
    assert len(files) == 1  # nothing written beside the cache folder
    assert files[0].parent == staged["cache"] / "_parsed"
    assert files[0].name.startswith("iso3166-") and files[0].suffix == ".pkl"


def test_extra_inputs_change_the_key(staged):
    build = Builder()
    parsed_cache("iso3166", build, "table v1")
    parsed_cache("iso3166", build, "table v1")
    changed = parsed_cache("iso3166", build, "table v2")
    assert build.calls == 2
    assert changed["x"].tolist() == [2]
    assert len(_cached_files(staged["cache"] / "_parsed")) == 2


def test_package_source_and_library_versions_change_the_key(staged, monkeypatch):
    build = Builder()
    parsed_cache("iso3166", build)
    monkeypatch.setattr(_read, "package_source_hash", lambda: "another version of the code")
    parsed_cache("iso3166", build)
    monkeypatch.setattr(_read, "library_versions", lambda: "pandas=0.0")
    parsed_cache("iso3166", build)
    assert build.calls == 3


def test_data_sha256_changes_the_key():
    item = entry("iso3166")
    assert cache_key(item) != cache_key(replace(item, sha256="0" * 64))
    assert cache_key(item) == cache_key(item)


def test_library_versions_name_pandas_numpy_openpyxl():
    versions = _read.library_versions()
    for name in ("pandas", "numpy", "openpyxl"):
        assert f"{name}=" in versions
    assert f"pandas={pd.__version__}" in versions


def test_source_hash_covers_every_module_of_the_package(tmp_path):
    tree = tmp_path / "analysis"
    shutil.copytree(PACKAGE, tree, ignore=shutil.ignore_patterns("__pycache__"))
    original = source_hash(tree)
    assert original == source_hash(PACKAGE)  # same files, same hash, wherever the tree is
    helper = tree / "data" / "checks.py"  # a helper module, not a loader
    text = helper.read_bytes()
    helper.write_bytes(text + b"# changed\n")
    assert source_hash(tree) != original
    helper.write_bytes(text)
    assert source_hash(tree) == original
    (tree / "data" / "sources" / "new_helper.py").write_text("X = 1\n")
    with_new = source_hash(tree)
    assert with_new != original
    (tree / "data" / "sources" / "new_helper.py").rename(tree / "data" / "sources" / "renamed_helper.py")
    assert source_hash(tree) not in (original, with_new)


def test_unwritable_cache_folder_still_returns_the_frame(staged, monkeypatch):
    def refuse(*args, **kwargs):  # simulates a read-only folder (chmod does not stop root)
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(_read.tempfile, "mkstemp", refuse)
    build = Builder()
    with pytest.warns(UserWarning, match="cannot write the parsed-data cache"):
        frame = parsed_cache("iso3166", build)
    assert frame["x"].tolist() == [1]
    assert _cached_files(staged["cache"]) == []


def test_failed_write_leaves_no_partial_file(staged, monkeypatch):
    def half_write(self, path, *args, **kwargs):
        Path(path).write_bytes(b"partial")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pd.DataFrame, "to_pickle", half_write)
    with pytest.warns(UserWarning, match="No space left on device"):
        frame = parsed_cache("iso3166", Builder())
    assert frame["x"].tolist() == [1]
    assert _cached_files(staged["cache"]) == []


def test_damaged_cache_file_is_rebuilt(staged):
    build = Builder()
    parsed_cache("iso3166", build)
    [cached] = _cached_files(staged["cache"] / "_parsed")
    cached.write_bytes(b"not a pickle")
    assert parsed_cache("iso3166", build)["x"].tolist() == [2]
    assert build.calls == 2


def test_manifest_paths_cannot_collide_with_the_parsed_cache(tmp_path):
    table = pd.read_csv(manifest_path(), dtype=str, keep_default_na=False)
    for bad in ("_parsed/x.csv", "../outside.csv", "/abs/x.csv"):
        table.loc[0, "path"] = bad
        table.to_csv(tmp_path / "manifest.csv", index=False)
        with pytest.raises(ManifestError, match=r"manifest\.csv:line 2, column 'path'"):
            read_manifest(tmp_path / "manifest.csv")
