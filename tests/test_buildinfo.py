"""The execution cache is cleared when the package or the data change (the book is never stale)."""

from __future__ import annotations

from analysis.buildinfo import invalidate_stale_cache, source_stamp


def _project(tmp_path):
    (tmp_path / "src" / "analysis").mkdir(parents=True)
    (tmp_path / "src" / "analysis" / "trends.py").write_text("RATE = 1\n")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "manifest.csv").write_text("key,sha256\n")
    (tmp_path / "requirements.txt").write_text("pandas==3\n")
    return tmp_path


def test_stamp_changes_with_code_and_data(tmp_path):
    root = _project(tmp_path)
    first = source_stamp(root)
    (root / "src" / "analysis" / "trends.py").write_text("RATE = 2\n")
    second = source_stamp(root)
    (root / "data" / "manifest.csv").write_text("key,sha256\nx,y\n")
    third = source_stamp(root)
    assert len({first, second, third}) == 3


def test_cache_cleared_only_when_sources_change(tmp_path):
    root = _project(tmp_path)
    build = root / "_build"
    cache = build / ".jupyter_cache"
    cache.mkdir(parents=True)
    (cache / "entry").write_text("cached notebook")
    assert invalidate_stale_cache(build, root) is True  # no stamp yet: cannot trust the cache
    cache.mkdir()
    (cache / "entry").write_text("cached notebook")
    assert invalidate_stale_cache(build, root) is False
    assert (cache / "entry").exists()
    (build / ".doctrees").mkdir()
    (root / "src" / "analysis" / "trends.py").write_text("RATE = 3\n")
    assert invalidate_stale_cache(build, root) is True
    assert not cache.exists()
    assert not (build / ".doctrees").exists()  # else Sphinx would not re-read unchanged notebooks
