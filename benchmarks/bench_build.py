"""Time the whole workflow in a fresh clone and print a table of medians.

    python3 benchmarks/bench_build.py [--repeats N] [--keep]

Steps: environment from scratch (venv + locked install), cold `make book`, no-change rebuild, rebuild
after editing one notebook, rebuild after editing one function in src/analysis, `make test`, and each
notebook's execution time (from the jupyter-cache of the last build). Runs in a temporary clone with
HWM_SHARED_DATA pointing at this checkout's ../shared/data, so the working tree is not touched.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(cmd: str, cwd: Path, env: dict) -> float:
    start = time.perf_counter()
    done = subprocess.run(cmd, shell=True, cwd=cwd, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"`{cmd}` failed in {cwd}:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return time.perf_counter() - start


def touch_notebook(clone: Path) -> None:
    path = clone / "notebooks" / "05_global_code.md"
    path.write_text(path.read_text().replace("code_reporting.rounds_table()[", "code_reporting.rounds_table()[ ", 1))


def touch_function(clone: Path) -> None:
    path = clone / "src" / "analysis" / "reporting.py"
    path.write_text(path.read_text() + "\n# benchmark edit\n")


def notebook_times(clone: Path) -> list[tuple[str, float]]:
    """Execution time of each notebook recorded by jupyter-cache in the last build."""
    import sqlite3

    db = clone / "_build" / ".jupyter_cache" / "global.db"
    if not db.exists():
        return []
    with sqlite3.connect(db) as con:
        rows = con.execute("select uri, data from nbcache").fetchall()
    import json

    return sorted(
        ((Path(uri).name, json.loads(data).get("execution_seconds", float("nan"))) for uri, data in rows),
        key=lambda r: -r[1],
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    env = dict(os.environ, HWM_SHARED_DATA=str(ROOT.parent / "shared" / "data"))
    results: dict[str, list[float]] = {}
    last_clone = None
    for _ in range(args.repeats):
        clone = Path(tempfile.mkdtemp(prefix="hwm-bench-")) / "repo"
        subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
        steps = [
            ("environment from scratch", "make env", None),
            ("cold make book", "make book", None),
            ("no-change rebuild", "make book", None),
            ("rebuild after editing one notebook", "make book", touch_notebook),
            ("rebuild after editing src/analysis", "make book", touch_function),
            ("make test", "git checkout -q -- . && make test", None),
        ]
        for label, cmd, before in steps:
            if before:
                before(clone)
            results.setdefault(label, []).append(run(cmd, clone, env))
        if last_clone and not args.keep:
            shutil.rmtree(last_clone.parent, ignore_errors=True)
        last_clone = clone
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"{'step':40s} {'median s':>9s} {'min s':>7s} {'max s':>7s}  (n={args.repeats})")
    for label, times in results.items():
        print(f"{label:40s} {statistics.median(times):9.1f} {min(times):7.1f} {max(times):7.1f}")
    print("\nnotebook execution in the last build (jupyter-cache):")
    for name, seconds in notebook_times(last_clone):
        print(f"  {name:40s} {seconds:6.1f} s")
    if not args.keep:
        shutil.rmtree(last_clone.parent, ignore_errors=True)


if __name__ == "__main__":
    main()
