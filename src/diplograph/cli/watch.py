"""The `watch` and `alerts` commands: poll news feeds into the store, and list the alerts they raised.

`diplograph watch FEED_URL... --once` runs one pass and exits (cron, CI), with exit code 0
when everything went through and 1 when a feed, page or webhook failed (it is retried
with back-off by the next pass); without `--once` it runs until stopped (SIGTERM or
Ctrl-C finish the article being saved first), printing what it does. `diplograph alerts`
lists the alerts with their delivery state.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import signal
import sys
from collections.abc import Sequence
from types import FrameType
from typing import TYPE_CHECKING

import click
from rich.markup import escape
from rich.table import Table

from diplograph.cli.core import (
    _errors,
    _settings,
    _store,
    cli,
    config_option,
    db_option,
    err,
    out,
    parallel_options,
    state_option,
)
from diplograph.errors import DiplographError
from diplograph.settings import FeedSettings, Settings, parse_duration

if TYPE_CHECKING:  # httpx, feedparser, trafilatura and the store: imported by the commands
    from diplograph.watch import PassReport, Watcher

# `diplograph.watch.RULES`, repeated so that `--rule` can list them without importing the
# watcher; tests/test_startup.py checks they are the same.
RULES = ("first meeting", "new mechanism", "new partner", "signal")

_STYLE = {"alert": "bold green", "failure": "yellow", "delivery": "cyan", "feed": "dim", "item": ""}


@cli.command()
@click.argument("feeds", nargs=-1, metavar="[FEED_URL]...")
@click.option(
    "--once", is_flag=True, help="Run one pass and exit (for cron and CI); exit code 1 if anything failed."
)
@click.option(
    "--every",
    metavar="DURATION",
    help="How often each feed is polled when running on: 90s, 15m, 1h (default 15m).",
)
@click.option(
    "--webhook",
    "webhooks",
    multiple=True,
    metavar="URL",
    help="POST every new alert as JSON to URL (repeatable; adds to [watch] webhooks).",
)
@click.option(
    "--email",
    "emails",
    multiple=True,
    metavar="ADDRESS",
    help="Email every new alert to ADDRESS through [watch] smtp_host (repeatable; adds to [watch] emails).",
)
@click.option(
    "--hub",
    "hubs",
    multiple=True,
    metavar="STATE",
    callback=state_option,
    help="A hub (ISO3 code or name) whose new partners alert (repeatable).",
)
@click.option("--json", "as_json", is_flag=True, help="With --once: print the pass's report as JSON.")
@parallel_options
@db_option
@config_option
def watch(
    feeds: Sequence[str],
    once: bool,
    every: str | None,
    webhooks: Sequence[str],
    emails: Sequence[str],
    hubs: Sequence[str],
    as_json: bool,
    workers: int,
    dask_address: str | None,
    db_url: str | None,
    config_path: str | None,
) -> None:
    """Poll RSS/Atom feeds and sitemaps, store the new articles, raise alerts and POST them to webhooks.

    Each new item's page is fetched (robots.txt honoured, one request at a time per
    host, conditional GET for feeds), its main text read and ingested as `ingest` does;
    alerts (first meeting, new mechanism, new partner, signal) are stored, listed by
    `diplograph alerts` and served at /api/alerts.atom. What was seen and delivered is
    in the store: a restart never alerts twice and never loses an article. Feeds and
    per-feed settings can also be listed in the config file ([[watch.feeds]]).

    \b
    Example:
        diplograph watch https://example.org/world/rss.xml --once --webhook http://127.0.0.1:9000/hook
        diplograph watch --config diplograph.toml --every 15m
        diplograph watch https://example.org/sitemap-news.xml --hub CHN --workers 2
    """
    from diplograph.watch import Watcher

    settings = _watch_settings(_settings(config_path, db_url), every, hubs)
    _check_urls(feeds, "FEED_URL")
    _check_urls(webhooks, "--webhook")
    for address in emails:
        if "@" not in address or any(c.isspace() for c in address):
            raise click.BadParameter(f"{address!r} is not an email address", param_hint="--email")
    if not feeds and not settings.watch.feeds:
        raise click.UsageError("give a feed URL, or list feeds as [[watch.feeds]] in the config file")
    with (
        _store(settings) as store,
        _errors(),
        Watcher(
            store,
            settings,
            feeds=[FeedSettings(url=url) for url in feeds],
            webhooks=webhooks,
            emails=emails,
            workers=workers,
            dask_address=dask_address,
            on_event=_show,
        ) as watcher,
    ):
        if once:
            report = watcher.run_pass()
            _print_report(report, as_json)
            sys.exit(report.exit_code)
        _run_until_stopped(watcher)


@cli.command(name="alerts")
@click.option(
    "--since", metavar="D", help="Only alerts raised on or after D (YYYY[-MM[-DD]] or an ISO time, UTC)."
)
@click.option("--rule", type=click.Choice(RULES), help="Only alerts of this rule.")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many (newest first).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (each alert with its deliveries).")
@db_option
@config_option
def alerts_command(
    since: str | None,
    rule: str | None,
    limit: int | None,
    as_json: bool,
    db_url: str | None,
    config_path: str | None,
) -> None:
    """List the alerts `watch` raised, newest first, with their delivery state.

    \b
    Example:
        diplograph alerts
        diplograph alerts --since 2026-05-01 --rule "first meeting" --json
    """
    from diplograph.store.watchlog import WatchLog
    from diplograph.watch import alert_headline, alert_record
    from diplograph.watch.timing import parse_since

    try:
        bound = parse_since(since) if since else None
    except (ValueError, OverflowError) as exc:
        raise click.BadParameter(
            f"{since!r}: give YYYY, YYYY-MM, YYYY-MM-DD or an ISO time", param_hint="--since"
        ) from exc
    settings = _settings(config_path, db_url)
    with _store(settings, read_only=True) as store, _errors():
        found = WatchLog(store).alerts(since=bound, rule=rule, limit=limit)
    if as_json:
        click.echo(json.dumps([alert_record(a) for a in found], ensure_ascii=False, indent=2))
        return
    table = Table(box=None, header_style="bold")
    for column in ("raised", "rule", "what", "event or mechanism", "delivered", "url"):
        table.add_column(column, overflow="fold")
    for alert in found:
        deliveries = alert["deliveries"]
        done = sum(d["state"] == "delivered" for d in deliveries)
        table.add_row(
            alert["created_at"],
            alert["rule"],
            alert_headline(alert),
            alert["subject"],
            f"{done}/{len(deliveries)}" if deliveries else "-",
            alert.get("url") or "",
        )
    out.print(table)
    err.print(f"{len(found)} alert(s)")


def _watch_settings(settings: Settings, every: str | None, hubs: Sequence[str]) -> Settings:
    "Return the settings with --every and --hub laid over [watch]."
    watch = settings.watch
    try:
        if every is not None:
            watch = dataclasses.replace(watch, every=parse_duration(every))
    except DiplographError as exc:
        raise click.BadParameter(str(exc), param_hint="--every") from exc
    if hubs:
        rules = dataclasses.replace(
            watch.alerts, hubs=tuple(dict.fromkeys([*watch.alerts.hubs, *(h.upper() for h in hubs)]))
        )
        watch = dataclasses.replace(watch, alerts=rules)
    return dataclasses.replace(settings, watch=watch)


def _check_urls(urls: Sequence[str], hint: str) -> None:
    "Refuse anything but http(s) URLs, before the store is opened."
    for url in urls:
        if not url.lower().startswith(("http://", "https://")):
            raise click.BadParameter(f"{url!r} is not an http:// or https:// URL", param_hint=hint)


def _run_until_stopped(watcher: Watcher) -> None:
    "Run passes until SIGTERM or Ctrl-C (a second Ctrl-C stops at once), printing each pass."

    def stop(signum: int, _frame: FrameType | None) -> None:
        if watcher.stop.is_set():
            raise KeyboardInterrupt
        err.print(f"{signal.Signals(signum).name}: stopping after the article being saved…", highlight=False)
        watcher.stop.set()

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGTERM, signal.SIGINT)}
    feeds = len(watcher.feeds)
    err.print(
        f"watching {feeds} feed(s), each every {_duration(watcher.watch.every)}; store {watcher.store.url}; "
        f"{len(watcher.webhooks)} webhook(s), {len(watcher.emails)} email address(es). Ctrl-C stops.",
        highlight=False,
    )
    try:
        watcher.run_forever(
            on_pass=lambda report: _show(
                "pass", f"{report.summary()}; next look in {_duration(watcher.seconds_to_next_pass())}"
            )
        )
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    err.print("stopped", highlight=False)


def _show(what: str, message: str) -> None:
    "Print one thing the watcher did, with the time."
    stamp = dt.datetime.now().strftime("%H:%M:%S")
    style = _STYLE.get(what, "")
    text = f"{stamp} {escape(message)}"
    err.print(f"[{style}]{text}[/]" if style else text, highlight=False)


def _print_report(report: PassReport, as_json: bool) -> None:
    "Print a pass's report: JSON on stdout, or its summary and failures on stderr."
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
        return
    err.print(report.summary(), highlight=False)


def _duration(seconds: float) -> str:
    "Return a duration as people write it: 45s, 15m, 1h30m."
    seconds = round(seconds)
    if seconds < 60:
        return f"{seconds}s"
    minutes, secs = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes}m" + (f"{secs}s" if secs else "")
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h" + (f"{minutes}m" if minutes else "")
