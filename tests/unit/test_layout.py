"""The package's layout rules: a folder per stage, no MkDocs in the pure package, no module
reaching into another's private names, modules of one job (about 300 lines at most, or a
docstring that says why)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "hooks" / "briefings"
MODULES = sorted(path for path in PACKAGE.rglob("*.py") if "__pycache__" not in path.parts)
MAX_LINES = 310


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def test_the_pure_package_never_imports_mkdocs():
    names = [module_name(path) for path in MODULES]
    code = f"import importlib, sys\nfor name in {names!r}: importlib.import_module(name)\nprint('mkdocs' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


@pytest.mark.parametrize("path", MODULES, ids=lambda path: str(path.relative_to(PACKAGE)))
def test_no_private_name_is_imported_across_modules(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    private = [
        f"{node.module}.{alias.name}"
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("briefings") or
        isinstance(node, ast.ImportFrom) and node.level > 0
        for alias in node.names
        if alias.name.startswith("_")
    ]
    assert private == []


@pytest.mark.parametrize("path", MODULES, ids=lambda path: str(path.relative_to(PACKAGE)))
def test_modules_are_short_or_say_why(path):
    lines = path.read_text(encoding="utf-8").count("\n")
    docstring = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
    assert lines <= MAX_LINES or "Longer than" in docstring, f"{lines} lines"


def test_stage_folders():
    stages = {path.name for path in PACKAGE.iterdir() if path.is_dir() and path.name != "__pycache__"}
    assert {"ingest", "site", "search", "cache"} <= stages
    for stage in ("ingest", "site", "search", "cache"):
        assert (PACKAGE / stage / "__init__.py").is_file()
