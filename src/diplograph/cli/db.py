"""The `db` commands: where a store stands among the schema migrations, and upgrading it.

`diplograph db upgrade` runs the migrations a store lacks (Alembic revisions shipped in
the package) in one transaction under the write lock; `db current` prints the store's
revision; `db status` compares it with the head this diplograph reads and lists what is
pending. A store at an older revision is refused by every other command until upgraded.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import click
from rich.table import Table

from diplograph.cli.core import _errors, _settings, cli, config_option, db_option, out

if TYPE_CHECKING:  # SQLAlchemy and Alembic: imported by the commands that use them
    from diplograph.store.schema import SchemaStatus


@cli.group()
def db() -> None:
    """Inspect and upgrade the store's schema (migrations).

    \b
    Example:
        diplograph db status
        diplograph db upgrade --db postgresql://localhost/diplograph
    """


@db.command()
@db_option
@config_option
def upgrade(db_url: str | None, config_path: str | None) -> None:
    """Bring the store to the schema this diplograph reads (back it up first).

    Creates the tables when the database is empty. Runs in one transaction: on
    failure the store is left as it was. Running it again changes nothing.

    \b
    Example:
        diplograph db upgrade --db sqlite:///diplograph.db
    """
    from diplograph.store.schema import upgrade_store

    settings = _settings(config_path, db_url)
    with _errors():
        status = upgrade_store(settings.db_url)
    if status.applied:
        out.print(
            f"upgraded {status.url} to {status.head}: ran {', '.join(status.applied)}",
            highlight=False,
        )
    else:
        out.print(f"{status.url} is already at {status.head}; nothing to do", highlight=False)


@db.command()
@db_option
@config_option
def current(db_url: str | None, config_path: str | None) -> None:
    """Print the store's schema revision (`none` for a database without diplograph tables).

    \b
    Example:
        diplograph db current --db sqlite:///diplograph.db
    """
    from diplograph.store.schema import schema_status

    settings = _settings(config_path, db_url)
    with _errors():
        status = schema_status(settings.db_url)
    out.print(status.revision or "none", highlight=False)


@db.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@db_option
@config_option
def status(as_json: bool, db_url: str | None, config_path: str | None) -> None:
    """Show the store's revision, the one this diplograph needs, and the migrations pending.

    Exit code 0 when the store is up to date, 1 when it needs `diplograph db upgrade`.

    \b
    Example:
        diplograph db status --json
    """
    from diplograph.store.schema import schema_status

    settings = _settings(config_path, db_url)
    with _errors():
        found = schema_status(settings.db_url)
    if as_json:
        click.echo(json.dumps(found.to_dict(), ensure_ascii=False, indent=2))
    else:
        out.print(_status_table(found))
    if not found.up_to_date:
        raise SystemExit(1)


def _status_table(found: SchemaStatus) -> Table:
    "Return the status as a two-column table."
    table = Table(show_header=False, box=None)
    table.add_column(style="bold")
    table.add_column()
    table.add_row("store", found.url)
    table.add_row("revision", found.revision or "none (no diplograph tables)")
    table.add_row("needs", found.head)
    if found.up_to_date:
        table.add_row("state", "up to date")
    elif found.revision is None:
        table.add_row("state", "empty: created on first ingest, or by `diplograph db upgrade`")
    elif found.pending:
        table.add_row("state", f"run `diplograph db upgrade` ({len(found.pending)} migration(s))")
        table.add_row("pending", ", ".join(found.pending))
    else:
        table.add_row("state", "made by a newer diplograph: upgrade diplograph to read it")
    return table
