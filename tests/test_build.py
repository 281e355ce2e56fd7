"""The build state: what a change of code, data or pages, or an unfinished build, makes stale.

Fixture trees here are synthetic (a few small files standing for the project).
"""

from __future__ import annotations

import pytest

from analysis import build


def _project(tmp_path):
    for folder in ("src/analysis", "data", "notebooks", "book"):
        (tmp_path / folder).mkdir(parents=True)
    (tmp_path / "src" / "analysis" / "trends.py").write_text("RATE = 1\n")
    (tmp_path / "data" / "manifest.csv").write_text("key,sha256\n")
    (tmp_path / "requirements.txt").write_text("pandas==3\n")
    (tmp_path / "notebooks" / "01_x.md").write_text("# One\n")
    (tmp_path / "notebooks" / "01_x.ipynb").write_text("{}")
    (tmp_path / "book" / "intro.md").write_text("# Intro\n")
    (tmp_path / "_config.yml").write_text("title: x\n")
    return tmp_path


DATA = ["tiny=" + "a" * 64]


def test_computation_stamp_follows_code_data_and_data_files(tmp_path):
    root = _project(tmp_path)
    first = build.stamps(root, DATA)[0]
    (root / "src" / "analysis" / "trends.py").write_text("RATE = 2\n")
    second = build.stamps(root, DATA)[0]
    (root / "data" / "manifest.csv").write_text("key,sha256\nx,y\n")
    third = build.stamps(root, DATA)[0]
    fourth = build.stamps(root, ["tiny=" + "b" * 64])[0]
    assert len({first, second, third, fourth}) == 4


def test_page_change_moves_only_the_source_stamp(tmp_path):
    root = _project(tmp_path)
    computation, source = build.stamps(root, DATA)
    (root / "book" / "intro.md").write_text("# Intro, edited\n")
    assert build.stamps(root, DATA)[0] == computation
    assert build.stamps(root, DATA)[1] != source


def test_reference_notebooks_and_bytecode_do_not_count(tmp_path):
    root = _project(tmp_path)
    before = build.stamps(root, DATA)
    (root / "notebooks" / "01_x.ipynb").write_text('{"cells": []}')  # reference outputs, not a page source
    (root / "src" / "analysis" / "__pycache__").mkdir()
    (root / "src" / "analysis" / "__pycache__" / "trends.cpython-311.pyc").write_bytes(b"\0")
    assert build.stamps(root, DATA) == before


def test_numerical_kernel_settings_are_part_of_the_computation(tmp_path, monkeypatch):
    root = _project(tmp_path)
    monkeypatch.delenv("NPY_DISABLE_CPU_FEATURES", raising=False)
    native = build.stamps(root, DATA)[0]
    monkeypatch.setenv("NPY_DISABLE_CPU_FEATURES", "X86_V4")
    assert build.stamps(root, DATA)[0] != native


def _built(build_dir, *parts):
    for part in parts:
        (build_dir / part).mkdir(parents=True, exist_ok=True)
        (build_dir / part / "page.html").write_text("old")


@pytest.fixture
def build_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("HWM_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "cache" / "_parsed").mkdir(parents=True)
    return tmp_path / "_build"


def test_finished_build_with_same_stamps_keeps_everything(build_dir):
    build.invalidate(build_dir, "html", "c1", "s1")
    build.mark_finished(build_dir, "html")
    _built(build_dir, "html", ".doctrees", "jupyter_execute", ".jupyter_cache")
    assert build.invalidate(build_dir, "html", "c1", "s1") == []
    assert (build_dir / "html" / "page.html").exists()


def test_unfinished_build_is_rebuilt_from_scratch(build_dir):
    """An interrupted or failed build leaves its builder unmarked: next time its pages go first."""
    build.invalidate(build_dir, "html", "c1", "s1")  # the build starts ... and never finishes
    _built(build_dir, "html", ".doctrees", "jupyter_execute", ".jupyter_cache")
    removed = build.invalidate(build_dir, "html", "c1", "s1")
    assert set(removed) == {"html", ".doctrees", "jupyter_execute"}
    assert (build_dir / ".jupyter_cache").exists()  # executions of unchanged code stay valid


def test_page_change_removes_pages_but_keeps_executions(build_dir):
    build.invalidate(build_dir, "html", "c1", "s1")
    build.mark_finished(build_dir, "html")
    _built(build_dir, "html", "singlehtml", ".doctrees", "jupyter_execute", ".jupyter_cache")
    removed = build.invalidate(build_dir, "html", "c1", "s2")
    assert set(removed) == {"html", "singlehtml", ".doctrees", "jupyter_execute"}
    assert (build_dir / ".jupyter_cache").exists()


def test_computation_change_removes_executions(build_dir):
    build.invalidate(build_dir, "html", "c1", "s1")
    build.mark_finished(build_dir, "html")
    _built(build_dir, "html", ".jupyter_cache")
    removed = build.invalidate(build_dir, "html", "c2", "s2")
    assert ".jupyter_cache" in removed and "html" in removed


def test_other_builder_finished_is_kept_when_stamps_hold(build_dir):
    build.invalidate(build_dir, "html", "c1", "s1")
    build.mark_finished(build_dir, "html")
    _built(build_dir, "html")
    build.invalidate(build_dir, "singlehtml", "c1", "s1")
    assert (build_dir / "html" / "page.html").exists()
    assert build.read_state(build_dir)["finished"] == {"html": True}


def test_real_cause_is_picked_from_a_failed_build_log():
    log = [
        "Running Sphinx v7.4.7\n",
        "\x1b[91m/work/notebooks/02_trends.md: ERROR: Cell execution error\n",
        "ZeroDivisionError: division by zero\n",
        "Traceback (most recent call last):\n",
        "Please also report this if it was a user error, so that a better error message can be provided.\n",
    ]
    cause = build.real_cause(log)
    assert cause == ["/work/notebooks/02_trends.md: ERROR: Cell execution error", "ZeroDivisionError: division by zero"]
