"""Examples of the schema migrations: new stores, stores made before Alembic, and refusals.

A "version-1 store" is `resources/store-v1.sql`: the SQLite dump of a store that the
code before Alembic made from two short articles written for this test. On PostgreSQL
the same rows are copied into a schema made by the `0001_initial` revision alone, which
is what that code created there.
"""

from __future__ import annotations

import ast
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from click.testing import CliRunner
from sqlalchemy import JSON, MetaData, Table, create_engine, inspect, text
from test_store import POSTGRES, _postgres_url, event, make_extraction

from diplograph.cli import cli
from diplograph.errors import SchemaMismatch
from diplograph.store import Store, schema

V1_DUMP = Path(__file__).parent / "resources" / "store-v1.sql"
V1_TABLES = (
    "meta",
    "documents",
    "actors",
    "mentions",
    "mechanisms",
    "mechanism_parties",
    "mechanism_reports",
    "events",
    "event_parties",
    "event_reports",
)
MIGRATIONS_DIR = Path(schema.__file__).parent / "migrations"


@pytest.fixture(params=["sqlite-file", POSTGRES])
def empty_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of an empty SQLite file or PostgreSQL schema."""
    if request.param == "sqlite-file":
        yield f"sqlite:///{tmp_path / 'store.db'}"
    else:
        yield from _postgres_url(request.config)


def _engine(url: str) -> Any:
    return create_engine(url.replace("postgresql://", "postgresql+psycopg://"))


def _v1_rows() -> dict[str, list[dict[str, Any]]]:
    "Return the rows of every table of the version-1 store, in primary-key order."
    conn = sqlite3.connect(":memory:")
    conn.row_factory = sqlite3.Row
    conn.executescript(V1_DUMP.read_text(encoding="utf-8"))
    rows = {
        name: [dict(r) for r in conn.execute(f"SELECT * FROM {name} ORDER BY 1, 2")] for name in V1_TABLES
    }
    conn.close()
    return rows


def _rows(url: str, names: tuple[str, ...] = V1_TABLES) -> dict[str, list[dict[str, Any]]]:
    "Return the rows of the named tables of a database, in primary-key order, JSON read back as text."
    engine = _engine(url)
    out: dict[str, list[dict[str, Any]]] = {}
    with engine.connect() as conn:
        for name in names:
            table = Table(name, MetaData(), autoload_with=conn)
            out[name] = [dict(r._mapping) for r in conn.execute(table.select().order_by(text("1, 2")))]
    engine.dispose()
    return out


def make_v1_store(url: str) -> None:
    "Write the version-1 store into an empty database: the dump on SQLite, 0001 + the same rows elsewhere."
    if url.startswith("sqlite"):
        conn = sqlite3.connect(url.removeprefix("sqlite:///"))
        conn.executescript(V1_DUMP.read_text(encoding="utf-8"))
        conn.close()
        return
    engine = _engine(url)
    with engine.begin() as conn:
        command.upgrade(schema.alembic_config(conn), schema.LEGACY_REVISION)
        conn.execute(text("DROP TABLE alembic_version"))
        conn.execute(text("DELETE FROM meta"))
        for name, rows in _v1_rows().items():
            table = Table(name, MetaData(), autoload_with=conn)
            as_json = [c.name for c in table.columns if isinstance(c.type, JSON)]
            decoded = [{**r, **{c: json.loads(r[c]) for c in as_json if r[c] is not None}} for r in rows]
            if decoded:
                conn.execute(table.insert(), decoded)
            if decoded and name.endswith("_reports"):  # rows copied with their ids: move the sequence on
                conn.execute(
                    text(f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), max(id)) FROM {name}")
                )
    engine.dispose()


# ── new stores ──────────────────────────────────────────────────────────────


def test_replaying_every_revision_gives_exactly_the_tables_of_the_metadata(empty_url: str) -> None:
    status = schema.upgrade_store(empty_url)

    assert status.applied[0] == "0001_initial"
    assert status.revision == schema.head_revision()
    engine = _engine(empty_url)
    with engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), schema.metadata)
    engine.dispose()
    assert differences == []


def test_a_new_store_is_created_at_the_head_revision(empty_url: str) -> None:
    Store(empty_url).close()

    status = schema.schema_status(empty_url)

    assert status.up_to_date
    assert status.revision == schema.head_revision()
    assert status.pending == ()


def test_a_store_made_by_replaying_revisions_is_opened_like_a_new_one(empty_url: str) -> None:
    schema.upgrade_store(empty_url)

    with Store(empty_url) as store:
        store.save_extraction(make_extraction("a", [event()]))
        assert store.counts()["events"] == 1


def test_the_revisions_form_one_line_from_0001_initial_to_the_head() -> None:
    pending = schema.pending_revisions(None)

    assert pending[0] == "0001_initial"
    assert pending[-1] == schema.head_revision()
    assert len(set(pending)) == len(pending) == len(list(MIGRATIONS_DIR.glob("versions/*.py")))


# ── stores made before Alembic ──────────────────────────────────────────────


def test_a_version_1_store_is_refused_with_the_command_that_upgrades_it(empty_url: str) -> None:
    make_v1_store(empty_url)

    with pytest.raises(SchemaMismatch, match=r"revision '0001_initial'.*diplograph db upgrade --db"):
        Store(empty_url)
    assert schema.schema_status(empty_url).revision == "0001_initial"


def test_upgrading_a_version_1_store_keeps_its_data_and_adds_the_new_tables(empty_url: str) -> None:
    make_v1_store(empty_url)
    before = _rows(empty_url)

    status = schema.upgrade_store(empty_url)

    assert status.applied == schema.pending_revisions("0001_initial")
    assert status.up_to_date
    after = _rows(empty_url)
    labels = [row.pop("label") for row in after["documents"]]
    assert labels == [row["id"] for row in before["documents"]]  # the old ids become the labels
    assert after == before
    engine = _engine(empty_url)
    with engine.connect() as conn:
        assert set(schema.metadata.tables) <= set(inspect(conn).get_table_names())
        assert compare_metadata(MigrationContext.configure(conn), schema.metadata) == []
    engine.dispose()
    with Store(empty_url) as store:
        [stored] = store.events()
        assert (stored.kind, stored.parties, stored.date) == ("bilateral talks", ("JPN", "VNM"), "2025-03-11")
        assert store.counts()["documents"] == 2
        assert store.document(before["documents"][0]["id"])["text"] == before["documents"][0]["text"]
        store.save_extraction(make_extraction("new", [event()]))  # and it takes new articles
        assert store.counts()["documents"] == 3


def test_upgrading_twice_changes_nothing_the_second_time(empty_url: str) -> None:
    make_v1_store(empty_url)
    schema.upgrade_store(empty_url)
    rows = _rows(empty_url)

    again = schema.upgrade_store(empty_url)

    assert again.applied == ()
    assert _rows(empty_url) == rows


def test_a_store_upgraded_by_a_newer_diplograph_is_refused(empty_url: str) -> None:
    Store(empty_url).close()
    engine = _engine(empty_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0099_from_the_future'"))
    engine.dispose()

    with pytest.raises(SchemaMismatch, match=r"0099_from_the_future.*Upgrade diplograph"):
        Store(empty_url)
    with pytest.raises(SchemaMismatch, match="Upgrade diplograph"):
        schema.upgrade_store(empty_url)


# ── the db commands ─────────────────────────────────────────────────────────


def test_db_status_says_what_to_run_and_db_upgrade_runs_it(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    make_v1_store(url)
    runner = CliRunner()

    status = runner.invoke(cli, ["db", "status", "--db", url])
    upgraded = runner.invoke(cli, ["db", "upgrade", "--db", url])
    current = runner.invoke(cli, ["db", "current", "--db", url])
    again = runner.invoke(cli, ["db", "status", "--db", url, "--json"])

    assert status.exit_code == 1
    assert "0001_initial" in status.output
    assert "diplograph db upgrade" in status.output
    assert upgraded.exit_code == 0, upgraded.output
    assert f"upgraded {url} to {schema.head_revision()}" in upgraded.output
    assert current.output.strip() == schema.head_revision()
    assert again.exit_code == 0
    assert '"up_to_date": true' in again.output


def test_ingest_into_an_old_store_stops_with_the_upgrade_advice(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    make_v1_store(url)
    article = tmp_path / "a.txt"
    article.write_text("published: 2025-03-12\n---\nJapan and Vietnam held talks in Hanoi on March 11.\n")

    result = CliRunner().invoke(cli, ["ingest", str(article), "--db", url])

    assert result.exit_code == 1
    assert "diplograph db upgrade" in result.output
    assert schema.schema_status(url).revision == "0001_initial"  # nothing was changed


# ── the migrations package ──────────────────────────────────────────────────


@pytest.mark.parametrize("path", sorted(MIGRATIONS_DIR.rglob("*.py")), ids=lambda p: p.name)
def test_migrations_import_only_alembic_sqlalchemy_and_the_schema(path: Path) -> None:
    # Revisions must not import the store or the stages: they run against old databases.
    roots = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            roots.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("diplograph"):
            roots.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            roots.add(node.module)
    allowed = {"__future__", "alembic", "sqlalchemy", "diplograph.store.schema", "typing"}
    assert {r for r in roots if r.split(".")[0] not in {"alembic", "sqlalchemy"}} <= allowed
