"""The `export` group (events, mechanisms, network, plover) and the `report` command.

Each subcommand parses its filters, calls one function of `diplograph.outputs.export`
(or `diplograph.outputs.report`), and says on stderr what it wrote. The format comes
from `--format` or the output file's extension.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from diplograph.cli.analysis import filters_from, graph_filters
from diplograph.cli.core import (
    _errors,
    _settings,
    _store,
    cli,
    config_option,
    date_option,
    db_option,
    err,
    state_option,
)
from diplograph.vocab import EVENT_KINDS, EVENT_STATUSES, MECHANISM_STATUSES

if TYPE_CHECKING:  # pyarrow, networkx and matplotlib: imported by the commands that write files
    from diplograph.outputs.export import EventQuery

F = TypeVar("F", bound=Callable[..., Any])

# The formats of `diplograph.outputs.export` (TABLE_FORMATS, NETWORK_FORMATS, PLOVER_FORMATS),
# repeated here so that the options can list them without importing pyarrow;
# tests/test_startup.py checks they are the same.
TABLE_FORMATS = ("csv", "parquet")
NETWORK_FORMATS = ("graphml", "gexf")
PLOVER_FORMATS = ("jsonl", "json", "tsv")


def _output(formats: Sequence[str]) -> Callable[[F], F]:
    "The `-o/--output` and `--format` options shared by every export."

    def decorate(func: F) -> F:
        func = click.option(
            "--format",
            "fmt",
            type=click.Choice(formats),
            help="Output format (default: from the file name's extension).",
        )(func)
        return click.option(
            "-o",
            "--output",
            required=True,
            type=click.Path(dir_okay=False, allow_dash=True),
            help="File to write ('-' for standard output, then --format is required).",
        )(func)

    return decorate


def _event_filters(func: F) -> F:
    "The filters of `diplograph events`, plus --no-reference."
    options = [
        click.option(
            "--party",
            multiple=True,
            callback=state_option,
            help="A party, as ISO3 code or name (CHN, China); repeat for several (all must take part).",
        ),
        click.option("--kind", multiple=True, type=click.Choice(EVENT_KINDS), help="Event kind; repeatable."),
        click.option(
            "--status", multiple=True, type=click.Choice(EVENT_STATUSES), help="Event status; repeatable."
        ),
        click.option("--since", callback=date_option, help="Earliest date (YYYY[-MM[-DD]])."),
        click.option("--until", callback=date_option, help="Latest date (YYYY[-MM[-DD]])."),
        click.option(
            "--no-reference", is_flag=True, help="Leave out facts known only from reference documents."
        ),
        db_option,
        config_option,
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _query(options: dict[str, Any]) -> EventQuery:
    from diplograph.outputs.export import EventQuery

    return EventQuery(
        party=tuple(options["party"]),
        kind=tuple(options["kind"]),
        status=tuple(options["status"]),
        since=options["since"],
        until=options["until"],
        include_reference=not options["no_reference"],
    )


def _target(output: str, fmt: str | None) -> Any:
    "A path, or standard output for '-' (which needs --format)."
    if output != "-":
        return output
    if fmt is None:
        raise click.BadParameter("writing to standard output needs --format", param_hint="--format")
    return sys.stdout.buffer if fmt in ("parquet", "graphml", "gexf") else sys.stdout


@cli.group()
def export() -> None:
    """Export events, mechanisms, the network or PLOVER records to files.

    \b
    Example:
        diplograph export events --party CHN -o china.parquet
        diplograph export network --hub CHN -o china.gexf
        diplograph export plover --status occurred -o events.jsonl
    """


@export.command("events")
@_event_filters
@_output(TABLE_FORMATS)
def export_events(output: str, fmt: str | None, **options: Any) -> None:
    """Write stored events as CSV or Parquet (lists as list columns; every source kept).

    \b
    Example:
        diplograph export events -o events.parquet
        diplograph export events --party CHN --kind "2+2 dialogue" --since 2020 -o china.csv
    """
    from diplograph.outputs import export as exports

    settings = _settings(options["config_path"], options["db_url"])
    with _store(settings, read_only=True) as store, _errors():
        n = exports.export_events(store, _target(output, fmt), query=_query(options), format=fmt)
    err.print(f"wrote {n} event(s) to {output}")


@export.command("mechanisms")
@click.option(
    "--party",
    multiple=True,
    callback=state_option,
    help="A party, as ISO3 code or name (CHN, China); repeat for several (all must take part).",
)
@click.option("--kind", multiple=True, type=click.Choice(EVENT_KINDS), help="Mechanism kind; repeatable.")
@click.option(
    "--status", multiple=True, type=click.Choice(MECHANISM_STATUSES), help="Mechanism status; repeatable."
)
@click.option("--no-reference", is_flag=True, help="Leave out facts known only from reference documents.")
@db_option
@config_option
@_output(TABLE_FORMATS)
def export_mechanisms(output: str, fmt: str | None, **options: Any) -> None:
    """Write stored mechanisms, with their sessions, first and last and cadence, as CSV or Parquet.

    \b
    Example:
        diplograph export mechanisms -o mechanisms.csv
    """
    from diplograph.outputs import export as exports

    settings = _settings(options["config_path"], options["db_url"])
    with _store(settings, read_only=True) as store, _errors():
        n = exports.export_mechanisms(
            store,
            _target(output, fmt),
            party=tuple(options["party"]),
            kind=tuple(options["kind"]),
            status=tuple(options["status"]),
            include_reference=not options["no_reference"],
            format=fmt,
        )
    err.print(f"wrote {n} mechanism(s) to {output}")


@export.command("network")
@click.option("--hub", callback=state_option, help="A state (ISO3 code or name): write only its ego network.")
@graph_filters
@_output(NETWORK_FORMATS)
def export_network(output: str, fmt: str | None, hub: str | None, **options: Any) -> None:
    """Write the partnership network as GraphML or GEXF (Gephi), edges carrying weight, kinds, dates and rung.

    \b
    Example:
        diplograph export network -o network.graphml
        diplograph export network --hub CHN --since 2015 -o china.gexf
    """
    from diplograph.outputs import export as exports

    filters = filters_from(options)
    settings = _settings(options["config_path"], options["db_url"])
    with _store(settings, read_only=True) as store, _errors():
        g = exports.export_network(store, _target(output, fmt), filters=filters, hub=hub, format=fmt)
    err.print(f"wrote {g.number_of_nodes()} state(s) and {g.number_of_edges()} tie(s) to {output}")


@export.command("plover")
@_event_filters
@_output(PLOVER_FORMATS)
def export_plover(output: str, fmt: str | None, **options: Any) -> None:
    """Write events as PLOVER records (.jsonl, .json) or a POLECAT-style table (.tsv).

    Planned, proposed and predicted events are coded as intentions (AGREE with the
    `future` or `hypothetical` context), never as meetings; see docs/exports.md.
    Every record has a date: the event's, or else its story's publication date (the
    record says which, and how precise); events with neither are left out and counted.

    \b
    Example:
        diplograph export plover -o events.jsonl
        diplograph export plover --party CHN -o china.tsv
    """
    from diplograph.outputs import export as exports

    settings = _settings(options["config_path"], options["db_url"])
    with _store(settings, read_only=True) as store, _errors():
        written = exports.export_plover(store, _target(output, fmt), query=_query(options), format=fmt)
    err.print(f"wrote {written.records} PLOVER record(s) to {output}")
    if written.undated:
        shown = ", ".join(written.undated[:10]) + (" …" if len(written.undated) > 10 else "")
        err.print(
            f"left out {len(written.undated)} event(s) with neither an event date nor a publication date "
            f"(PLOVER requires a date): {shown}"
        )


@cli.command()
@click.option(
    "--hub", required=True, callback=state_option, help="The state the report is about (ISO3 code or name)."
)
@graph_filters
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False),
    help="The HTML file to write (self-contained: open it anywhere, offline).",
)
def report(hub: str, output: str, **options: Any) -> None:
    """Write a self-contained HTML report on a HUB: network, timeline, map, partners, mechanisms, sources.

    \b
    Example:
        diplograph report --hub CHN -o china.html
        diplograph report --hub AUS --since 2010 --no-reference -o australia.html
    """
    from diplograph.outputs import report as reports

    filters = filters_from(options)
    settings = _settings(options["config_path"], options["db_url"])
    with _store(settings, read_only=True) as store, _errors():
        html = reports.hub_report_html(store, hub, filters)
    Path(output).write_text(html, encoding="utf-8")
    err.print(f"wrote {output} ({len(html.encode('utf-8')) // 1024} KiB)")
