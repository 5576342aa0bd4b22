"""The `serve` command: the JSON API and the analyst dashboard over a store.

Why the care with what is printed: the store's URL may carry a database password and the
operator's token is the key to every write, so neither appears in any line `serve`
prints or logs. The store is named by its masked URL (`Store.url`), an error that quotes
the URL is masked before it is shown, and every log record (uvicorn's and ours) passes
through `Redact` first.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from urllib.parse import unquote, urlsplit

import click
from click.core import ParameterSource

from diplograph.cli.core import _settings, cli, config_option, db_option, err
from diplograph.errors import DiplographError

_WILDCARD_ADDRESSES = ("", "0.0.0.0", "::")  # bound on every interface: no name to allow by itself


class Redact(logging.Filter):
    """A logging filter that masks secrets in each record: a URL's password and whole tokens.

    Args:
        secrets: store URLs (their password is masked, `user:***@host`) and tokens (masked
            whole, as `***`); empty ones are ignored.
    """

    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__()
        self.replacements = _replacements(secrets)

    def redact(self, text: str) -> str:
        """Return `text` with every secret masked."""
        for secret, mask in self.replacements:
            text = text.replace(secret, mask)
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name == "uvicorn.access":  # its formatter needs the arguments; it prints no secret
            return True
        message = self.redact(record.getMessage())
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        record.msg, record.args = message, None
        return True


def _replacements(secrets: Iterable[str]) -> list[tuple[str, str]]:
    "Return (secret, mask) pairs, longest first, so that a URL is masked before its password alone."
    pairs: list[tuple[str, str]] = []
    for secret in secrets:
        if "://" in secret:
            password = urlsplit(secret).password
            if password:
                pairs.append((secret, secret.replace(f":{password}@", ":***@", 1)))
                pairs += [(p, "***") for p in {password, unquote(password)} if len(p) >= 4]
        elif len(secret) >= 4:  # shorter "secrets" would mask every word they occur in
            pairs.append((secret, "***"))
    return sorted(set(pairs), key=lambda pair: -len(pair[0]))


def allowed_hosts(host: str, extra: Sequence[str]) -> list[str]:
    """Return the host names to answer besides loopback: the bound address, then the operator's.

    An address bound on every interface (0.0.0.0, ::) names no host; an IPv6 address is
    written as browsers send it in `Host` (`[::1]`).
    """
    names = [] if host in _WILDCARD_ADDRESSES else [f"[{host}]" if ":" in host else host]
    return names + [name for name in extra if name.strip()]


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
    help="Whether reads (and the dashboard, the API docs, /api/extract) need the token too.",
)
@click.option(
    "--allowed-host",
    "allowed_host",
    multiple=True,
    envvar="DIPLOGRAPH_ALLOWED_HOSTS",
    metavar="NAME",
    help="A host name browsers may reach the server by (repeatable); localhost, 127.0.0.1, "
    "[::1] and the bound address are always allowed, any other Host is refused.",
)
@db_option
@config_option
def serve(
    host: str,
    port: int,
    token: str | None,
    open_reads: bool,
    allowed_host: tuple[str, ...],
    db_url: str | None,
    config_path: str | None,
) -> None:
    """Serve the web API (/api/, OpenAPI at /api/docs) and the analyst dashboard (/) over a store.

    \b
    Example:
        diplograph serve --db diplograph.db
        DIPLOGRAPH_TOKEN=s3cret diplograph serve --port 8080 --closed-reads
        diplograph serve --host 0.0.0.0 --allowed-host diplograph.example.org
    """
    import uvicorn

    from diplograph.store import Store
    from diplograph.web.app import create_app

    settings = _settings(config_path, db_url)
    redact = Redact([settings.db_url, token or ""])
    try:
        store = Store(settings.db_url)
    except DiplographError as exc:
        raise click.ClickException(redact.redact(str(exc))) from exc
    hosts = allowed_hosts(host, allowed_host)
    with store:
        app = create_app(
            store, token=token, open_reads=open_reads, settings=settings, allowed_hosts=hosts, warm=True
        )
        _print_start(store.url, token, open_reads, hosts)
        config = uvicorn.Config(app, host=host, port=port, log_level="warning")
        _redact_logs(redact)
        shown = "127.0.0.1" if host in _WILDCARD_ADDRESSES else (f"[{host}]" if ":" in host else host)
        click.echo(f"Dashboard: http://{shown}:{port}/", err=False)
        uvicorn.Server(config).run()


def _print_start(store_url: str, token: str | None, open_reads: bool, hosts: Sequence[str]) -> None:
    "Say on stderr what is served and to whom (the store's URL masked, the token never)."
    err.print(f"Store: {store_url}", highlight=False)
    err.print(
        f"Writes (ingest, review): {'need the bearer token' if token else 'disabled (set DIPLOGRAPH_TOKEN or --token to review)'}; "
        f"reads: {'open' if open_reads else 'need the token (browsers: sign in at /login)'}",
        highlight=False,
    )
    from diplograph.web.edge import LOOPBACK_HOSTS  # here: the CLI starts without the web framework

    names = list(dict.fromkeys([*LOOPBACK_HOSTS, *hosts]))
    err.print(
        f"Hosts answered: {', '.join(names)} (others: 400; add one with --allowed-host)", highlight=False
    )
    source = click.get_current_context().get_parameter_source("token")
    if token and source == ParameterSource.COMMANDLINE:
        err.print(
            "Note: a --token on the command line is visible to other users of this machine; "
            "prefer DIPLOGRAPH_TOKEN.",
            highlight=False,
        )


def _redact_logs(redact: Redact) -> None:
    "Pass every log record of the server through `redact`: uvicorn's handlers, and ours via the root."
    for handler in logging.getLogger("uvicorn").handlers:
        handler.addFilter(redact)
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)s: %(name)s: %(message)s"))
    handler.addFilter(redact)
    logging.getLogger().addHandler(handler)
