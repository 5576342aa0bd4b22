"""The import rules of the architecture (STYLE.md §5.2), checked by parsing each module's imports."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "diplograph"
FOUNDATION = {"models", "vocab", "errors", "settings", "gazetteer"}
STAGES = {"ingest", "clean", "actors", "dates", "events"}
INTERFACE_LIBRARIES = {"click", "rich", "fastapi", "jinja2", "uvicorn"}
INTERFACES = {"cli", "api", "dashboard", "__main__"}
INTERFACE_PREFIXES = ("api_",)  # the web API split into flat modules: api_models, api_reads, …


def _files(module: str) -> list[Path]:
    "A module is a file, or a sub-package (a stage split into several files)."
    package = PACKAGE / module
    return sorted(package.glob("*.py")) if package.is_dir() else [PACKAGE / f"{module}.py"]


def _imports(module: str) -> set[str]:
    names: set[str] = set()
    for path in _files(module):
        names |= _file_imports(path)
    return names


def _file_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            if node.module == "diplograph":
                names.update(f"diplograph.{alias.name}" for alias in node.names)
    return names


def _modules() -> list[str]:
    files = {p.stem for p in PACKAGE.glob("*.py") if p.stem != "__init__"}
    packages = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()}
    return sorted(files | packages)


def _internal(module: str) -> set[str]:
    "The diplograph modules `module` imports, its own sub-modules excepted."
    return {name.split(".")[1] for name in _imports(module) if name.startswith("diplograph.")} - {module}


@pytest.mark.parametrize("module", sorted(FOUNDATION))
def test_foundation_modules_import_no_stage(module: str) -> None:
    assert not _internal(module) - FOUNDATION


@pytest.mark.parametrize("module", sorted(STAGES))
def test_a_stage_imports_only_the_foundation(module: str) -> None:
    assert not _internal(module) - FOUNDATION


@pytest.mark.parametrize("module", _modules())
def test_only_interfaces_import_click_rich_or_web_frameworks(module: str) -> None:
    if module in INTERFACES or module.startswith(INTERFACE_PREFIXES):
        return
    roots = {name.split(".")[0] for name in _imports(module)}
    assert not roots & INTERFACE_LIBRARIES


@pytest.mark.parametrize("module", _modules())
def test_only_store_and_schema_import_sqlalchemy(module: str) -> None:
    if module in {"store", "schema"}:
        return
    assert "sqlalchemy" not in {name.split(".")[0] for name in _imports(module)}
