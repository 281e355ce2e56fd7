"""Build the book so that it is never stale or mixed, whatever happened to the last build.

``python -m analysis.build [--builder html|singlehtml] [--strict]`` (what ``make book``, ``make test``
and ``make pdf`` run) does, in order:

1. **Data.** Every file of the manifest is found and sha256-verified, or downloaded into the cache
   from its pinned address. Anything missing or corrupt stops here, with one message per file,
   before a notebook runs.
2. **Computation stamp.** A hash of what the notebooks' *results* depend on: the package source,
   the project's ``data/`` folder, the lock file, the Python version, the settings that choose
   numerical kernels (``NPY_DISABLE_CPU_FEATURES``, thread counts...), and the verified sha256 of
   every data file (not its path). When it changed since the last build, the execution cache is
   deleted, so every notebook is executed again. (Parsed data frames, cached under
   ``$HWM_CACHE_DIR/_parsed``, need no deleting: each is keyed on its file's sha256, the whole package
   source and the library versions, so a changed computation never finds an old frame.)
3. **Source stamp.** The computation stamp plus every page source (notebooks, ``book/``, the
   configuration). When it changed, or when the last build with this builder did not finish (it was
   interrupted or failed), the builder's output, Sphinx's environment and the executed notebooks are
   deleted *before* the build, so no page can survive from an older state.
4. **Build**, with Jupyter Book. Its output is shown as it runs; if it fails, the real cause is
   printed again as the last lines. The stamp is written only after a successful build.

The state lives in ``_build/.build-state.json``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

from analysis.data.paths import project_root

STATE_FILE = ".build-state.json"
#: What the notebooks' results depend on (besides the data files, hashed separately).
COMPUTATION_SOURCES = ("src/analysis", "data", "requirements.txt", "pyproject.toml")
#: What the pages depend on, besides the computation.
PAGE_SOURCES = ("notebooks", "book", "_config.yml", "_toc.yml", "_ext", "CITATION.cff")
#: Shared by every builder: Sphinx's environment and the notebooks as executed for the pages.
SHARED_PARTS = (".doctrees", "jupyter_execute")
#: Settings that choose numerical kernels: results computed under other settings are not reused.
NUMERIC_ENVIRONMENT = (
    "NPY_DISABLE_CPU_FEATURES",
    "NPY_ENABLE_CPU_FEATURES",
    "OPENBLAS_CORETYPE",
    "OMP_NUM_THREADS",
    "OPENBLAS_NUM_THREADS",
    "MKL_NUM_THREADS",
)
EXECUTION_CACHE = ".jupyter_cache"
#: Builders ``make`` uses; each writes ``_build/<builder>``.
BUILDERS = ("html", "singlehtml")
SKIPPED_PARTS = {"__pycache__", ".ipynb_checkpoints"}
SKIPPED_SUFFIXES = (".ipynb", ".pyc")


class BuildError(Exception):
    """The book cannot be built; the message says why and what to do."""


def _files(root: Path, entries: Iterable[str]) -> list[Path]:
    files = []
    for entry in entries:
        base = root / entry
        candidates = base.rglob("*") if base.is_dir() else [base]
        for path in candidates:
            if not path.is_file() or SKIPPED_PARTS & set(path.parts) or path.name.endswith(SKIPPED_SUFFIXES):
                continue
            files.append(path)
    return sorted(files)


def hash_files(root: Path, entries: Iterable[str], extra: Iterable[str] = ()) -> str:
    """sha256 over the relative paths and bytes of the files under ``entries``, then ``extra`` lines."""
    digest = hashlib.sha256()
    for path in _files(root, entries):
        digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    for line in extra:
        digest.update(line.encode() + b"\n")
    return digest.hexdigest()


def verified_data() -> list[str]:
    """``key=sha256`` of every manifest file, fetching missing ones; raise BuildError listing each problem."""
    from analysis.data.errors import DataError, DownloadError
    from analysis.data.files import fetch
    from analysis.data.manifest import read_manifest
    from analysis.data.paths import cache_dir, override_dir, shared_data_dir

    entries = read_manifest()
    lines, problems = [], []
    for item in entries.values():
        try:
            fetch(item)
            lines.append(f"{item.key}={item.sha256}")
        except DownloadError as exc:
            problems.append(f"  {item.path}  (not found locally; download failed: {exc.reason})")
        except (DataError, OSError) as exc:
            problems.append(f"  {exc}")
    if problems:
        override = override_dir()
        looked = [f"HWM_DATA_DIR={override}" if override else "HWM_DATA_DIR (not set)", str(cache_dir())]
        raise BuildError(
            f"{len(problems)} of {len(entries)} data files are missing or damaged, and could not be downloaded:\n"
            + "\n".join(problems)
            + f"\nLooked in: {', '.join(looked)}, {shared_data_dir()}.\nWhat to do: connect to the internet "
            "and run the command again (files are downloaded from their pinned addresses and hash-checked), "
            "or copy the files, in the folder layout shown, into a folder and set HWM_DATA_DIR to it."
        )
    return lines


def stamps(root: Path, data_lines: list[str]) -> tuple[str, str]:
    """(computation stamp, source stamp)."""
    kernels = [f"{name}={os.environ.get(name, '')}" for name in NUMERIC_ENVIRONMENT]
    computation = hash_files(root, COMPUTATION_SOURCES, [sys.version, *kernels, *data_lines])
    source = hash_files(root, PAGE_SOURCES, [computation])
    return computation, source


def read_state(build_dir: Path) -> dict[str, object]:
    try:
        state = json.loads((build_dir / STATE_FILE).read_text())
    except (OSError, ValueError):
        return {}
    return state if isinstance(state, dict) else {}


def write_state(build_dir: Path, state: dict[str, object]) -> None:
    """Write the state atomically (a crash leaves the old file or the new one, never half of one)."""
    build_dir.mkdir(parents=True, exist_ok=True)
    tmp = build_dir / f".{STATE_FILE}.{os.getpid()}.tmp"
    tmp.write_text(json.dumps(state, indent=1) + "\n")
    tmp.replace(build_dir / STATE_FILE)


def _remove(paths: Iterable[Path]) -> list[str]:
    removed = []
    for path in paths:
        if path.exists():
            shutil.rmtree(path) if path.is_dir() else path.unlink()
            removed.append(path.name)
    return removed


def invalidate(build_dir: Path, builder: str, computation: str, source: str) -> list[str]:
    """Delete what the current sources make stale, record that ``builder`` is unfinished; return what went."""
    state = read_state(build_dir)
    removed = []
    if state.get("computation") != computation:
        removed += _remove([build_dir / EXECUTION_CACHE])
        state = {"computation": computation}
    finished = state.get("finished", {})
    finished = finished if isinstance(finished, dict) else {}
    if state.get("source") != source:
        removed += _remove(build_dir / name for name in (*SHARED_PARTS, *BUILDERS))
        finished = {}
    elif builder not in finished:
        removed += _remove(build_dir / name for name in (*SHARED_PARTS, builder))
    finished.pop(builder, None)
    write_state(build_dir, {"computation": computation, "source": source, "finished": finished})
    return removed


def mark_finished(build_dir: Path, builder: str) -> None:
    state = read_state(build_dir)
    finished = dict(state.get("finished") or {})
    finished[builder] = True
    write_state(build_dir, {**state, "finished": finished})


CAUSE = re.compile(r"^(\w+(\.\w+)*(Error|Exception|Interrupt)\b.*|.*\b(ERROR|CRITICAL)\b.*|.*: (WARNING|ERROR): .*)$")
NOISE = ("Please also report this", "Traceback (most recent call last)", "Running Sphinx")


def real_cause(log: list[str], limit: int = 12) -> list[str]:
    """The lines of a failed build's output that say why it failed (errors, warnings, exceptions)."""
    ansi = re.compile(r"\x1b\[[0-9;]*m")
    lines = [ansi.sub("", line).rstrip() for line in log]
    found = [
        line
        for line in lines
        if CAUSE.match(line.strip()) and not any(n in line for n in NOISE) and not line.strip().endswith("Error:")
    ]
    unique = list(dict.fromkeys(found))
    return unique[-limit:] if unique else [line for line in lines if line.strip()][-limit:]


def run_jupyter_book(root: Path, builder: str, strict: bool) -> None:
    """Run ``jupyter-book build``, streaming its output; raise BuildError with the real cause on failure."""
    command = [str(Path(sys.executable).with_name("jupyter-book")), "build", str(root), "--builder", builder]
    command += ["-W", "-n", "--keep-going"] if strict else ["--keep-going"]
    log: list[str] = []
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}  # its progress lines arrive as they are written
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=root, env=env
    ) as proc:
        assert proc.stdout is not None
        for line in proc.stdout:
            sys.stdout.write(line)
            sys.stdout.flush()
            log.append(line)
    if proc.returncode != 0:
        cause = "\n".join(f"  {line}" for line in real_cause(log))
        raise BuildError(f"the book build failed (jupyter-book exit status {proc.returncode}). Cause:\n{cause}")


def build(builder: str = "html", strict: bool = False, root: Path | None = None) -> Path:
    """Verify the data, invalidate what is stale, build; return the output folder."""
    root = root or project_root()
    build_dir = root / "_build"
    print("checking the data files (sha256; missing files are downloaded)...", flush=True)
    computation, source = stamps(root, verified_data())
    removed = invalidate(build_dir, builder, computation, source)
    if removed:
        print(f"sources changed or the last build did not finish: removed {', '.join(removed)}", flush=True)
    run_jupyter_book(root, builder, strict)
    mark_finished(build_dir, builder)
    return build_dir / builder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis.build", description=__doc__.splitlines()[0])
    parser.add_argument("--builder", default="html", choices=BUILDERS)
    parser.add_argument("--strict", action="store_true", help="warnings are errors (-W -n)")
    args = parser.parse_args(argv)
    try:
        out = build(args.builder, args.strict)
    except BuildError as exc:
        print(f"\nmake book: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\ninterrupted: the next build starts from a clean output folder", file=sys.stderr)
        return 130
    print(f"Book: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
