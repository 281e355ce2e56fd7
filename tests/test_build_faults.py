"""Faults a reviewer reproduced, replayed through the real build command on a miniature book.

The miniature book is a synthetic fixture: two pages, one notebook whose glued value depends on a
helper module under ``src/analysis`` and on a small data file listed in its own manifest. Each test
checks that, after the fault, the next build gives the same pages as a clean build of the same
sources. A tiny Sphinx extension in the fixture slows page writing down, so that an interrupt
lands while Sphinx writes pages.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

MANIFEST_HEADER = "key,path,sha256,publisher,dataset,dataset_url,download_url,licence,description,min_rows\n"
CONFIG = """\
title: Miniature
only_build_toc_files: true
exclude_patterns: [_build, src, data, datafiles, shared, cache, _ext]
execute:
  execute_notebooks: cache
  timeout: 120
sphinx:
  local_extensions:
    slow_writer: _ext/
  config:
    nb_execution_raise_on_error: true
"""
TOC = "format: jb-book\nroot: book/intro\nchapters:\n  - file: notebooks/01_value\n"
SLOW_WRITER = """\
import os, time

def setup(app):
    def slow(app, pagename, templatename, context, doctree):
        time.sleep(float(os.environ.get("MINI_WRITE_DELAY", "0")))
    app.connect("html-page-context", slow)
    return {"parallel_read_safe": True}
"""
NOTEBOOK = """\
---
jupytext:
  text_representation: {extension: .md, format_name: myst}
kernelspec: {display_name: Python 3, language: python, name: python3}
---
# Value

```{code-cell} ipython3
import runpy
from analysis.data.files import resolve
from analysis.data.paths import project_root
from analysis.report.glue import glue_value

helper = runpy.run_path(str(project_root() / "src" / "analysis" / "helper.py"))
rows = len(resolve("tiny").read_text().splitlines())
glue_value("value", helper["VALUE"] * rows)
```

The value is {glue:text}`value`.
"""
INTRO = "# Intro {label}\n\nThe chapter finds {{glue:text}}`../notebooks/01_value.md::value:.0f`.\n"


def _write_data(root: Path, text: str) -> None:
    path = root / "datafiles" / "tiny" / "tiny.csv"
    path.write_text(text)
    sha = hashlib.sha256(text.encode()).hexdigest()
    row = f"tiny,tiny/tiny.csv,{sha},Test,synthetic,https://example.invalid,https://example.invalid/tiny.csv,none,fixture,1\n"
    (root / "data" / "manifest.csv").write_text(MANIFEST_HEADER + row)


@pytest.fixture
def mini(tmp_path) -> Path:
    root = tmp_path / "mini"
    for folder in ("book", "notebooks", "src/analysis", "data", "datafiles/tiny", "shared", "_ext"):
        (root / folder).mkdir(parents=True)
    (root / "_config.yml").write_text(CONFIG)
    (root / "_toc.yml").write_text(TOC)
    (root / "_ext" / "slow_writer.py").write_text(SLOW_WRITER)
    (root / "notebooks" / "01_value.md").write_text(NOTEBOOK)
    (root / "book" / "intro.md").write_text(INTRO.format(label="A"))
    (root / "src" / "analysis" / "helper.py").write_text("VALUE = 10\n")
    _write_data(root, "a,b\n1,2\n3,4\n")  # 3 lines
    return root


def _env(root: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ, HWM_PROJECT_ROOT=str(root), HWM_DATA_DIR=str(root / "datafiles"))
    env.update(HWM_CACHE_DIR=str(root / "cache"), HWM_SHARED_DATA=str(root / "shared"), **extra)
    return env


def _build(root: Path, **extra: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "analysis.build"]
    return subprocess.run(command, cwd=root, env=_env(root, **extra), capture_output=True, text=True, timeout=300)


def _pages(root: Path) -> dict[str, str]:
    """The text of every built page, without the parts that differ between any two builds."""
    html = root / "_build" / "html"
    pages = {}
    for name in ("book/intro.html", "notebooks/01_value.html"):
        text = (html / name).read_text()
        main = re.search(r"<main.*?</main>", text, re.S)
        pages[name] = re.sub(r"\s+", " ", main.group(0) if main else text)
    return pages


def _clean_pages(root: Path) -> dict[str, str]:
    shutil.rmtree(root / "_build")
    shutil.rmtree(root / "cache", ignore_errors=True)
    done = _build(root)
    assert done.returncode == 0, done.stdout + done.stderr
    return _pages(root)


def test_helper_change_reaches_every_page(mini):
    assert _build(mini).returncode == 0
    assert "30" in _pages(mini)["book/intro.html"]
    (mini / "src" / "analysis" / "helper.py").write_text("VALUE = 7\n")
    assert _build(mini).returncode == 0
    after = _pages(mini)
    assert "21" in after["book/intro.html"] and "21" in after["notebooks/01_value.html"]
    assert after == _clean_pages(mini)


def test_interrupt_while_writing_pages_gives_a_clean_book_next_time(mini):
    assert _build(mini).returncode == 0
    (mini / "book" / "intro.md").write_text(INTRO.format(label="B"))
    (mini / "src" / "analysis" / "helper.py").write_text("VALUE = 5\n")
    command = [sys.executable, "-m", "analysis.build"]
    env = _env(mini, MINI_WRITE_DELAY="3")
    proc = subprocess.Popen(
        command, cwd=mini, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True
    )
    assert proc.stdout is not None
    interrupted = False
    for line in proc.stdout:
        if re.search(r"writing output\.\.\..*\[\s*\d+%\]", line):
            os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C in a terminal signals the whole process group
            interrupted = True
            break
    proc.communicate(timeout=120)
    assert interrupted and proc.returncode != 0
    done = _build(mini)
    assert done.returncode == 0, done.stdout + done.stderr
    after = _pages(mini)
    assert "Intro B" in after["book/intro.html"] and "15" in after["book/intro.html"]
    assert after == _clean_pages(mini)


def test_corrupted_data_after_a_good_build_stops_the_next_build(mini):
    assert _build(mini).returncode == 0
    data = mini / "datafiles" / "tiny" / "tiny.csv"
    good = data.read_text()
    data.write_text(good + "5,6\n")  # the manifest still holds the old sha256
    done = _build(mini)
    assert done.returncode != 0
    last_lines = done.stderr.strip().splitlines()[-6:]
    assert any("tiny/tiny.csv" in line and "sha256" in line for line in last_lines), done.stderr
    data.write_text(good)
    assert _build(mini).returncode == 0
    assert _pages(mini) == _clean_pages(mini)


def test_missing_data_file_is_reported_before_any_notebook_runs(mini):
    (mini / "datafiles" / "tiny" / "tiny.csv").unlink()
    done = _build(mini)
    assert done.returncode != 0
    assert "Running Jupyter-Book" not in done.stdout
    last_lines = done.stderr.strip().splitlines()[-4:]
    assert any(line.strip().startswith("tiny/tiny.csv  (not found locally; download failed") for line in last_lines)
    assert last_lines[-1].startswith("What to do:")


def test_failed_build_ends_with_its_real_cause_and_is_not_marked_finished(mini):
    (mini / "src" / "analysis" / "helper.py").write_text("VALUE = 1 / 0\n")
    done = _build(mini)
    assert done.returncode != 0
    last_lines = done.stderr.strip().splitlines()[-4:]
    assert any("ZeroDivisionError: division by zero" in line for line in last_lines), done.stderr
    assert any("01_value.md" in line for line in done.stderr.strip().splitlines()[-8:])
    state = json.loads((mini / "_build" / ".build-state.json").read_text())
    assert state["finished"] == {}
