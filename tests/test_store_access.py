"""Opening a store: query commands never create one, read what they cannot write, and keep secrets.

Issue 11's operator findings: `events --db sqlite:///typo.db` created an empty store and
printed "0 event(s)"; read commands failed on a read-only mount; a store URL's password
could reach a message.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_store import _postgres_url

from diplograph.cli import cli
from diplograph.errors import NoStore, StoreError
from diplograph.extract.pipeline import process_corpus
from diplograph.store import Store, schema

SAMPLE = Path(schema.__file__).parents[1] / "sample"
READ_COMMANDS = [
    ["events"],
    ["mechanisms"],
    ["show", "ev_0000000000000000"],
    ["partners", "CHN"],
    ["network"],
    ["registry"],
    ["export", "events", "-o", "events.csv"],
    ["forecast", "--hub", "CHN"],
]


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="module")
def sample_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sample") / "store.db"
    with Store(f"sqlite:///{path}") as store:
        process_corpus([SAMPLE], store)
    return path


@pytest.fixture
def pg_url(request: pytest.FixtureRequest) -> Iterator[str]:
    yield from _postgres_url(request.config)


@pytest.mark.parametrize("command", READ_COMMANDS, ids=lambda c: c[0] + ("-" + c[1] if len(c) > 1 else ""))
def test_a_read_command_on_a_store_that_does_not_exist_says_so_and_creates_nothing(
    runner: CliRunner, tmp_path: Path, command: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    typo = tmp_path / "typo.db"
    monkeypatch.chdir(tmp_path)

    result = runner.invoke(cli, [*command, "--db", f"sqlite:///{typo}"])

    assert result.exit_code == 1
    assert f"no store at {typo}" in result.output and "ingest" in result.output
    assert not typo.exists()
    assert list(tmp_path.iterdir()) == []


def test_a_read_command_on_a_database_without_a_store_says_so(runner: CliRunner, pg_url: str) -> None:
    result = runner.invoke(cli, ["events", "--db", pg_url])

    assert result.exit_code == 1
    assert "no diplograph store in" in result.output
    with pytest.raises(NoStore):
        Store(pg_url, read_only=True)


def test_read_commands_read_a_store_whose_folder_cannot_be_written(
    runner: CliRunner, sample_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A read-only mount (simulated: running as root ignores file modes): SQLite opens it immutable."""
    mounted = tmp_path / "cdrom"
    mounted.mkdir()
    shutil.copy(sample_file, mounted / "store.db")
    real_access = os.access
    monkeypatch.setattr(
        schema.os, "access", lambda path, mode: False if Path(path) == mounted else real_access(path, mode)
    )
    with Store(f"sqlite:///{sample_file}") as writable:
        expected = len(writable.events())

    listed = runner.invoke(cli, ["events", "--db", f"sqlite:///{mounted / 'store.db'}", "--json"])
    partners = runner.invoke(cli, ["partners", "CHN", "--db", f"sqlite:///{mounted / 'store.db'}"])

    assert listed.exit_code == 0, listed.output
    assert len(json.loads(listed.stdout)) == expected
    assert partners.exit_code == 0, partners.output
    assert sorted(p.name for p in mounted.iterdir()) == ["store.db"]  # no -wal, no -shm written


def test_a_store_opened_read_only_refuses_to_write(sample_file: Path) -> None:
    with Store(f"sqlite:///{sample_file}", read_only=True) as store:
        before = store.counts()
        with pytest.raises(StoreError, match="read-only"):
            store.review_event(store.events()[0].id, action="confirm", reviewer="analyst")
        assert store.counts() == before


def test_a_read_only_postgresql_session_cannot_write(pg_url: str) -> None:
    Store(pg_url).close()  # an empty store
    with (
        Store(pg_url, read_only=True) as store,
        store._engine.connect() as conn,
        pytest.raises(Exception, match="read-only"),
    ):
        conn.exec_driver_sql("DELETE FROM documents")


def test_the_password_of_a_store_url_appears_in_no_message(runner: CliRunner) -> None:
    url = "postgresql://diplograph_nobody:hunter2-secret@127.0.0.1:5432/test"
    for command in (["events"], ["ingest", str(SAMPLE / "ausmin-2010-melbourne.txt")], ["db", "status"]):
        result = runner.invoke(cli, [*command, "--db", url])
        assert result.exit_code != 0
        assert "hunter2-secret" not in result.output, (command, result.output)
        assert "diplograph_nobody:***@" in result.output, (command, result.output)
    with pytest.raises(StoreError) as raised:
        Store("postgresql://diplograph_nobody:hunter2-secret@127.0.0.1:5432/test?bogus_option=1")
    assert "hunter2-secret" not in str(raised.value)


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("postgresql://ana:s3cret@db.example/kb", "postgresql://ana:***@db.example/kb"),
        ("postgresql://ana@db.example/kb", "postgresql://ana@db.example/kb"),
        ("sqlite:///kb.db", "sqlite:///kb.db"),
        ("postgresql://ana:s3cret@db.example:notaport/kb", "postgresql://ana:***@db.example:notaport/kb"),
    ],
)
def test_masked_url_hides_only_the_password(url: str, shown: str) -> None:
    assert schema.masked_url(url) == shown


def test_ingesting_the_folder_that_holds_the_store_does_not_read_the_store_as_input(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(SAMPLE / "ausmin-2010-melbourne.txt", tmp_path / "ausmin.txt")
    monkeypatch.chdir(tmp_path)
    for _ in range(2):  # the second time the store, its -wal and -shm files are there
        result = runner.invoke(cli, ["ingest", ".", "--db", "sqlite:///kb.db"])
        assert result.exit_code == 0, result.output
        assert "skipped" not in result.stderr


@pytest.mark.parametrize("bad", ["2025-13", "2025-02-30", "2025-1"])
def test_a_date_filter_that_is_no_real_date_is_refused(bad: str) -> None:
    with Store.memory() as store, pytest.raises(StoreError, match="since="):
        store.events(since=bad)
