"""The command line starts in a fraction of a second: registering commands loads no heavy library.

Issue 13: every command, `--help` included, used to wait 1.5–4 s while `diplograph.cli`
imported matplotlib, networkx, numpy, trafilatura and SQLAlchemy. The commands now import
them when they run, and `diplograph/__init__` imports the pipeline and the store on first
use (PEP 562). A command that only reads the store loads neither Alembic (needed to
migrate) nor numpy (needed to fingerprint an article being saved). Each check runs in a
fresh interpreter, since this test process has long imported everything. Figures:
bench/README.md#cli-start-up.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

HEAVY = (
    "sklearn",
    "pandas",
    "matplotlib",
    "networkx",
    "numpy",
    "trafilatura",
    "fastapi",
    "uvicorn",
    "sqlalchemy",
    "pyarrow",
    "datasketch",
)
DIPLOGRAPH = Path(sys.executable).with_name("diplograph")
# What opening a store and reading it never needs: Alembic migrates, numpy fingerprints new articles.
NOT_FOR_READING = ["alembic", "numpy"]


def _modules_after(statement: str) -> set[str]:
    "Return the top-level modules a fresh interpreter holds after running `statement`."
    code = f"{statement}; import sys; print(sorted(m for m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return {name.split(".")[0] for name in ast.literal_eval(result.stdout.strip().splitlines()[-1])}


@pytest.mark.parametrize("statement", ["import diplograph.cli", "import diplograph"])
def test_importing_the_cli_or_the_package_loads_no_heavy_library(statement: str) -> None:
    assert _modules_after(statement) & set(HEAVY) == set()


def test_every_commands_help_loads_no_heavy_library() -> None:
    "`diplograph <command> --help`, subcommands included, needs only click and the foundation."
    loaded = _modules_after(
        "from click.testing import CliRunner; from diplograph.cli import cli; r = CliRunner(); "
        "codes = [r.invoke(cli, [*path, '--help']).exit_code for path in "
        "[[n] for n in cli.commands] + [[n, s] for n, c in cli.commands.items() for s in getattr(c, 'commands', {})]]; "
        "assert codes and set(codes) == {0}, codes"
    )
    assert loaded & set(HEAVY) == set()


@pytest.mark.parametrize("library", NOT_FOR_READING)
def test_a_read_command_on_a_stored_corpus_loads_neither_alembic_nor_numpy(
    library: str, sample_store: Any
) -> None:
    "`diplograph events --limit 3` on an existing store: the issue's measure of a store command."
    loaded = _modules_after(
        "from click.testing import CliRunner; from diplograph.cli import cli; "
        f"r = CliRunner().invoke(cli, ['events', '--limit', '3', '--db', {sample_store.url!r}]); "
        "assert r.exit_code == 0 and '3 event(s)' in r.output, r.output"
    )
    assert library not in loaded


@pytest.mark.parametrize("library", NOT_FOR_READING)
def test_importing_the_store_loads_neither_alembic_nor_numpy(library: str) -> None:
    assert library not in _modules_after("import diplograph.store")


def test_the_store_reads_the_head_revision_as_alembic_does() -> None:
    "The revision check reads the migration files' `revision` lines itself; Alembic must agree."
    from diplograph.store import schema

    scripts = schema._scripts()
    assert schema.head_revision() == scripts.get_current_head()
    assert schema._known_revisions() == {script.revision for script in scripts.walk_revisions()}


def test_the_lazy_public_names_still_import() -> None:
    loaded = _modules_after(
        "from diplograph import Store, extract_corpus, process_corpus, process_document, extract_text"
    )
    assert {"sqlalchemy", "trafilatura"} <= loaded


def test_diplograph_help_exits_0_and_lists_the_commands() -> None:
    result = subprocess.run([str(DIPLOGRAPH), "--help"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "Commands:" in result.stdout and "partners" in result.stdout


def test_python_m_diplograph_help_exits_0() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "diplograph", "events", "--help"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert "--party" in result.stdout


@pytest.mark.parametrize(
    ("cli_name", "library", "library_name"),
    [
        ("diplograph.cli.export:TABLE_FORMATS", "diplograph.outputs.export", "TABLE_FORMATS"),
        ("diplograph.cli.export:NETWORK_FORMATS", "diplograph.outputs.export", "NETWORK_FORMATS"),
        ("diplograph.cli.export:PLOVER_FORMATS", "diplograph.outputs.export", "PLOVER_FORMATS"),
        ("diplograph.cli.forecast:HORIZON_YEARS", "diplograph.analysis.forecast", "HORIZON_YEARS"),
        ("diplograph.cli.watch:RULES", "diplograph.watch", "RULES"),
    ],
)
def test_the_constants_the_cli_repeats_are_the_librarys(
    cli_name: str, library: str, library_name: str
) -> None:
    "The options list them without importing the library's heavy module: they must not drift."
    import importlib

    module, name = cli_name.split(":")
    assert getattr(importlib.import_module(module), name) == getattr(
        importlib.import_module(library), library_name
    )
