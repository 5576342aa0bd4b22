"""The `serve` command: the JSON API and the analyst dashboard over a store."""

from __future__ import annotations

import click

from diplograph.cli.core import _errors, _settings, _store, cli, config_option, db_option, err


@cli.command()
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to bind; 0.0.0.0 exposes it to the network.",
)
@click.option(
    "--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on."
)
@click.option(
    "--token",
    envvar="DIPLOGRAPH_TOKEN",
    help="Bearer token that writes (ingest, review) need; without one, writes are refused.",
)
@click.option(
    "--open-reads/--closed-reads",
    default=True,
    show_default=True,
    help="Whether reads (and the dashboard) need the token too.",
)
@db_option
@config_option
def serve(
    host: str, port: int, token: str | None, open_reads: bool, db_url: str | None, config_path: str | None
) -> None:
    """Serve the web API (/api/, OpenAPI at /api/docs) and the analyst dashboard (/) over a store.

    \b
    Example:
        diplograph serve --db diplograph.db
        DIPLOGRAPH_TOKEN=s3cret diplograph serve --port 8080 --closed-reads
    """
    import uvicorn

    from diplograph.api import create_app

    settings = _settings(config_path, db_url)
    with _store(settings) as store, _errors():
        app = create_app(store, token=token, open_reads=open_reads, settings=settings, warm=True)
        shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
        err.print(f"Store: {settings.db_url}", highlight=False)
        err.print(
            f"Writes (ingest, review): {'need the bearer token' if token else 'disabled (set DIPLOGRAPH_TOKEN or --token to review)'}; "
            f"reads: {'open' if open_reads else 'need the token'}",
            highlight=False,
        )
        click.echo(f"Dashboard: http://{shown}:{port}/", err=False)
        uvicorn.run(app, host=host, port=port, log_level="warning")
