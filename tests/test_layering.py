"""The import rules of the architecture (STYLE.md §5.2), checked by parsing each module's imports.

The package's folders are its stages, and imports flow one way, from the interfaces down to
the foundation:

    foundation ◄─ extract ◄─ store ◄─ analysis, evaluation ◄─ outputs, watch ◄─ web ◄─ cli

(`models`, `vocab`, `errors` and `settings` are the foundation, at the package's root.)
A layer may import any layer to its left and nothing to its right; the two layers that share
a rank (analysis and evaluation; outputs and watch) do not import each other.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "diplograph"
FOUNDATION = {"models", "vocab", "errors", "settings"}
RANK = {
    "foundation": 0,
    "extract": 1,
    "store": 2,
    "analysis": 3,
    "evaluation": 3,
    "outputs": 4,
    "watch": 4,
    "web": 5,
    "cli": 6,
    "__init__": 7,  # the public facade re-exports from the layers below it
    "__main__": 7,
}
# Within extract, each stage of an article's journey sees only the foundation and the shared
# helpers (the gazetteer, and `folding`, which runs the rules' patterns fast, with `prefilter`,
# which tells it the alternatives a text cannot match); `pipeline` is the one module that chains them.
SHARED = {"gazetteer", "folding", "prefilter"}
EXTRACT_STAGES = {"ingest", "clean", "actors", "dates", "events", "dedupe", "parallel"} | SHARED
INTERFACE_LIBRARIES = {"click", "rich", "fastapi", "jinja2", "uvicorn", "starlette"}
INTERFACES = {"web", "cli", "__main__"}
MAX_ROOT_MODULES = 12


def _layer(path: Path) -> str:
    "The layer of a file: its top-level folder under the package, or `foundation` at the root."
    relative = path.relative_to(PACKAGE)
    if len(relative.parts) == 1:
        return "foundation" if relative.stem in FOUNDATION else relative.stem
    return relative.parts[0]


def _python_files() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "versions" not in p.parts)


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def _layers_imported(path: Path) -> set[str]:
    "The layers of the diplograph modules a file imports (`diplograph.x.y` → x's layer)."
    layers = set()
    for name in _imports(path):
        parts = name.split(".")
        if parts[0] != "diplograph" or len(parts) < 2:
            continue
        top = parts[1]
        if top in FOUNDATION:
            layers.add("foundation")
        elif (PACKAGE / top).is_dir():
            layers.add(top)
    return layers


def _id(path: Path) -> str:
    return path.relative_to(PACKAGE).as_posix()


@pytest.mark.parametrize("path", _python_files(), ids=_id)
def test_imports_flow_from_the_interfaces_down_to_the_foundation(path: Path) -> None:
    layer = _layer(path)
    if layer == "__init__" and path.parent == PACKAGE:
        return
    rank = RANK[layer]
    wrong = {other for other in _layers_imported(path) - {layer} if RANK[other] >= rank}
    assert not wrong, f"{_id(path)} ({layer}) imports {sorted(wrong)}, which sit at or above it"


@pytest.mark.parametrize("path", sorted((PACKAGE / "extract").rglob("*.py")), ids=_id)
def test_an_extraction_stage_imports_only_the_foundation_and_the_gazetteer(path: Path) -> None:
    stage = path.relative_to(PACKAGE / "extract").parts[0].removesuffix(".py")
    if stage not in EXTRACT_STAGES:
        return
    inside = {
        name.split(".")[2]
        for name in _imports(path)
        if name.startswith("diplograph.extract.") and len(name.split(".")) > 2
    }
    assert inside <= {stage} | SHARED, f"{_id(path)} imports the stages {sorted(inside - {stage})}"


@pytest.mark.parametrize("path", _python_files(), ids=_id)
def test_only_interfaces_import_click_rich_or_web_frameworks(path: Path) -> None:
    if _layer(path) in INTERFACES:
        return
    roots = {name.split(".")[0] for name in _imports(path)}
    assert not roots & INTERFACE_LIBRARIES


@pytest.mark.parametrize("path", _python_files(), ids=_id)
def test_only_the_store_imports_sqlalchemy(path: Path) -> None:
    if _layer(path) == "store":
        return
    assert "sqlalchemy" not in {name.split(".")[0] for name in _imports(path)}


def test_the_root_holds_the_foundation_and_one_folder_per_stage() -> None:
    modules = sorted(p.stem for p in PACKAGE.glob("*.py"))
    packages = sorted(p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists())
    assert len(modules) <= MAX_ROOT_MODULES, modules
    assert set(modules) == FOUNDATION | {"__init__", "__main__"}
    assert set(packages) == set(RANK) - {"foundation", "__init__", "__main__"}
