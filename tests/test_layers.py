"""The package's shape: data flows one way (data -> analyses -> claims, report), modules stay small."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "analysis"
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60

#: Which layers each layer may import. Analyses are every module that is not in another layer.
ALLOWED = {
    "data": {"data"},
    "analyses": {"data", "analyses"},
    "claims": {"data", "analyses", "claims"},
    "report": {"data", "analyses", "claims", "report"},
    "tools": {"data", "analyses", "claims", "report", "tools"},
}
TOOLS = {"analysis.build", "analysis.cli", "analysis.__main__", "analysis"}
#: Presentation libraries: an analysis returns numbers and frames, never HTML, glue or figures.
PRESENTATION_LIBRARIES = {"IPython", "myst_nb", "matplotlib", "seaborn"}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _layer(module: str) -> str:
    if module in TOOLS:
        return "tools"
    for layer in ("data", "claims", "report"):
        if module == f"analysis.{layer}" or module.startswith(f"analysis.{layer}."):
            return layer
    return "analyses"


def _imports(path: Path) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "analysis":  # from analysis import trends
                found += [(node.lineno, f"analysis.{alias.name}") for alias in node.names]
            else:
                found.append((node.lineno, node.module))
    return found


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: _module_name(p))
def test_imports_follow_the_data_flow(path):
    layer = _layer(_module_name(path))
    wrong = [
        f"line {line}: {name} ({_layer(name)})"
        for line, name in _imports(path)
        if name.startswith("analysis") and _layer(name) not in ALLOWED[layer]
    ]
    if layer in ("data", "analyses"):
        wrong += [
            f"line {line}: {name} (presentation)"
            for line, name in _imports(path)
            if name.split(".")[0] in PRESENTATION_LIBRARIES
        ]
    assert wrong == [], f"{_module_name(path)} is in layer '{layer}', which may import only {sorted(ALLOWED[layer])}"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: _module_name(p))
def test_modules_and_functions_stay_small(path):
    text = path.read_text()
    assert text.count("\n") <= MAX_MODULE_LINES
    long = [
        f"{node.name} ({node.end_lineno - node.lineno + 1} lines)"
        for node in ast.walk(ast.parse(text))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
    ]
    assert long == []


@pytest.mark.parametrize("path", MODULES, ids=lambda p: _module_name(p))
def test_every_module_says_what_it_does(path):
    docstring = ast.get_docstring(ast.parse(path.read_text()))
    assert docstring and docstring.strip(), f"{_module_name(path)} has no module docstring"


def test_the_layer_rules_catch_a_wrong_import(tmp_path):
    """The checker itself: an analysis importing the presentation layer is reported."""
    bad = tmp_path / "bad.py"
    bad.write_text('"""x"""\nfrom analysis.report.glue import glue_value\nimport matplotlib.pyplot as plt\n')
    names = [name for _, name in _imports(bad)]
    assert names == ["analysis.report.glue", "matplotlib.pyplot"]
    assert _layer("analysis.report.glue") not in ALLOWED["analyses"]
    assert "matplotlib" in PRESENTATION_LIBRARIES
