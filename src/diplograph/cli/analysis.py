"""The analysis commands: network, partners, dyad, compare, history, registry.

Each parses its options into `graph.Filters`, calls one function of
`diplograph.analysis.graph`, `diplograph.analysis.hubs` or `diplograph.analysis.registry`, and prints a
rich table (or the result's `to_dict()` with `--json`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click
from rich.table import Table

from diplograph.cli.core import (
    _errors,
    _settings,
    _store,
    cli,
    config_option,
    date_option,
    db_option,
    err,
    out,
    state_option,
)
from diplograph.vocab import EVENT_KINDS, EVENT_STATUSES, TOPICS

if TYPE_CHECKING:  # the analyses load networkx and numpy: imported by the commands that run them
    from diplograph.analysis import graph, timeline

F = TypeVar("F", bound=Callable[..., Any])


def analysis_filters(func: F) -> F:
    """The shared filters of the analysis commands (they become a `graph.Filters`), and `--json`."""
    return click.option("--json", "as_json", is_flag=True, help="Print JSON instead of tables.")(
        graph_filters(func)
    )


def graph_filters(func: F) -> F:
    """The options every command over the partnership graph takes (`filters_from` turns them into `graph.Filters`)."""
    options = [
        click.option(
            "--kind", "kinds", multiple=True, type=click.Choice(EVENT_KINDS), help="Event kind; repeatable."
        ),
        click.option(
            "--topic", "topics", multiple=True, type=click.Choice(TOPICS), help="Topic; repeatable."
        ),
        click.option("--region", help='Region or subregion of states.csv ("Asia", "Central Asia").'),
        click.option("--since", callback=date_option, help="Earliest date (YYYY[-MM[-DD]])."),
        click.option("--until", callback=date_option, help="Latest date (YYYY[-MM[-DD]])."),
        click.option(
            "--status",
            "statuses",
            multiple=True,
            type=click.Choice(EVENT_STATUSES),
            help="Event status to count; repeatable (default: occurred).",
        ),
        click.option(
            "--no-reference", is_flag=True, help="Leave out facts known only from reference documents."
        ),
        db_option,
        config_option,
    ]
    for option in reversed(options):
        func = option(func)
    return func


def filters_from(options: dict[str, Any]) -> graph.Filters:
    "Build the library's filters from the parsed options (removing them from `options`)."
    from diplograph.analysis import graph

    with _errors():
        return graph.Filters(
            kinds=tuple(options.pop("kinds")),
            topics=tuple(options.pop("topics")),
            region=options.pop("region"),
            since=options.pop("since"),
            until=options.pop("until"),
            statuses=tuple(options.pop("statuses")) or ("occurred",),
            include_reference=not options.pop("no_reference"),
        )


def _echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


# How much of a source's quote the tables show: enough to read the sentence's claim.
QUOTE_WIDTH = 100


def _source(quote: str | None, document: str | None) -> str:
    "A source as the tables show it: the start of its quote, then the document it is from."
    if not quote:
        return ""
    return f"“{_cut(quote, QUOTE_WIDTH)}”" + (f" ({document})" if document else "")


def _cut(text: str | None, width: int = 90) -> str:
    if not text:
        return ""
    return text if len(text) <= width else text[: width - 1] + "…"


# ── network ──────────────────────────────────────────────────────────────────


@cli.command()
@click.argument("hub", required=False, callback=state_option)
@analysis_filters
@click.option(
    "--top", type=click.IntRange(min=1), default=15, show_default=True, help="States listed in the table."
)
@click.option(
    "--organisations", is_flag=True, help="Add the groupings that frame mechanisms as context nodes."
)
@click.option(
    "--export",
    "export_path",
    type=click.Path(dir_okay=False),
    help="Also write the graph to PATH (.graphml or .gexf).",
)
def network(hub: str | None, top: int, organisations: bool, export_path: str | None, **options: Any) -> None:
    """Summarise the partnership network of states (or one HUB's ego network).

    Degree, weighted degree (events), betweenness and eigenvector centrality,
    Louvain communities, and the new ties (or the HUB's new partners) per year.

    \b
    Example:
        diplograph network --kind "2+2 dialogue"
        diplograph network CHN --region Asia --since 2020 --export china.graphml
    """
    import networkx as nx

    from diplograph.analysis import graph

    filters = filters_from(options)
    settings = _settings(options["config_path"], options["db_url"])
    if export_path and Path(export_path).suffix.lower() not in (".graphml", ".gexf"):
        raise click.BadParameter("the file name must end in .graphml or .gexf", param_hint="--export")
    with _store(settings, read_only=True) as store, _errors():
        g = graph.partnership_graph(store, filters, hub=hub, organisations=organisations)
        summary = graph.network_summary(g, hub=hub)
    if export_path:
        writer = nx.write_gexf if export_path.lower().endswith(".gexf") else nx.write_graphml
        g = g.copy()
        g.graph.pop("filters", None)
        writer(g, export_path)
        err.print(f"wrote {g.number_of_nodes()} nodes and {g.number_of_edges()} edges to {export_path}")
    if options["as_json"]:
        _echo_json(summary.to_dict())
        return
    table = Table("state", "name", "region", "partners", "events", "betweenness", "eigenvector", "community")
    for node in summary.nodes_stats[:top]:
        table.add_row(
            node.code,
            node.name,
            node.region,
            str(node.degree),
            str(node.weighted_degree),
            f"{node.betweenness:.3f}",
            "" if node.eigenvector is None else f"{node.eigenvector:.3f}",
            str(node.community),
        )
    out.print(table)
    growth = "  ".join(f"{year}: {n}" for year, n in summary.new_by_year)
    rungs = "  ".join(f"{label}: {n}" for label, n in summary.rungs)
    out.print(f"ties by rung  {rungs}")
    out.print(f"{'new partners' if hub else 'new ties'} per year  {growth}")
    for i, group in enumerate(summary.communities):
        out.print(f"community {i}: {' '.join(group)}")
    err.print(f"{summary.nodes} state(s), {summary.edges} tie(s), density {summary.density:.3f}")


# ── partners ─────────────────────────────────────────────────────────────────


@cli.command()
@click.argument("hub", callback=state_option)
@analysis_filters
def partners(hub: str, **options: Any) -> None:
    """List a HUB's partners: rung, first and last meeting, formats, and the first session's people and source.

    HUB is a state's ISO3 code or name (CHN, China).

    \b
    Example:
        diplograph partners CHN --kind "2+2 dialogue"
        diplograph partners Kazakhstan
        diplograph partners USA --region "South-eastern Asia" --json
    """
    from diplograph.analysis import hubs

    filters = filters_from(options)
    settings = _settings(options["config_path"], options["db_url"])
    with _store(settings, read_only=True) as store, _errors():
        report = hubs.hub_report(store, hub, filters)
    if options["as_json"]:
        _echo_json(report.to_dict())
        return
    table = Table()
    table.add_column("partner", max_width=18)
    for column in ("rung", "first", "last", "events"):
        table.add_column(column)
    table.add_column("kinds", max_width=22)
    table.add_column("first session: people", max_width=22)
    # The quote is what the analyst reads to trust the row: it keeps QUOTE_WIDTH characters,
    # wrapped by rich, where the other columns give way.
    table.add_column("first session: source")
    for p in report.partners:
        first = p.first_event
        table.add_row(
            f"{p.code} {p.name}",
            p.rung.label,
            p.first or "",
            p.last or "",
            str(p.events),
            ", ".join(p.kinds),
            "; ".join(first.people) if first else "",
            _source(first.quote, first.document) if first else "",
        )
    out.print(table)
    if report.signals:
        out.print(_timeline_table(report.signals, title="signals (planned, proposed, predicted)"))
    err.print(f"{len(report.partners)} partner(s) of {report.hub} {report.name}")


def _timeline_table(entries: Sequence[timeline.TimelineEntry], title: str | None = None) -> Table:
    table = Table("date", "kind", "status", "parties", "where", "#", "source", title=title)
    for e in entries:
        date = f"{e.date}…{e.date_end}" if e.date and e.date_end and e.date_end != e.date else (e.date or "")
        table.add_row(
            date,
            e.kind,
            e.status,
            "-".join(e.parties),
            e.location or "",
            "" if e.ordinal is None else str(e.ordinal),
            _source(e.quote, e.document),
        )
    return table


# ── dyad ─────────────────────────────────────────────────────────────────────


@cli.command()
@click.argument("a", callback=state_option)
@click.argument("b", callback=state_option)
@analysis_filters
def dyad(a: str, b: str, **options: Any) -> None:
    """Show what two states share: formats (most institutionalised first), ladder history, timeline, signals.

    A and B are states' ISO3 codes or names.

    \b
    Example:
        diplograph dyad AUS USA
        diplograph dyad China Kazakhstan
        diplograph dyad CHN KHM --since 2020 --json
    """
    from diplograph.analysis import hubs

    filters = filters_from(options)
    settings = _settings(options["config_path"], options["db_url"])
    with _store(settings, read_only=True) as store, _errors():
        report = hubs.dyad_report(store, a, b, filters)
    if options["as_json"]:
        _echo_json(report.to_dict())
        return
    out.print(f"{report.names[0]} – {report.names[1]}: {report.rung.label} (rung {int(report.rung)})")
    formats = Table(
        "format", "mechanism", "parties", "sessions", "first", "last", "rung", title="shared formats"
    )
    for f in report.formats:
        formats.add_row(
            f.kind,
            f.name or f.mechanism or "",
            "-".join(f.parties),
            str(f.sessions),
            f.first or "",
            f.last or "",
            f.rung.label,
        )
    out.print(formats)
    ladder = Table("date", "rung reached", "by", "kind", title="ladder")
    for step in report.ladder:
        ladder.add_row(step["date"] or "undated", step["label"], step["by"], step["kind"])
    out.print(ladder)
    out.print(_timeline_table(report.timeline, title="timeline"))
    if report.signals:
        out.print(_timeline_table(report.signals, title="signals (planned, proposed, predicted)"))


# ── compare ──────────────────────────────────────────────────────────────────


@cli.command()
@click.argument("a", callback=state_option)
@click.argument("b", callback=state_option)
@analysis_filters
def compare(a: str, b: str, **options: Any) -> None:
    """Compare two hubs: partners, regions, topics, growth per year, and the partners they share.

    \b
    Example:
        diplograph compare CHN USA --kind "2+2 dialogue"
        diplograph compare CHN RUS --region Asia --json
    """
    from diplograph.analysis import hubs

    filters = filters_from(options)
    settings = _settings(options["config_path"], options["db_url"])
    with _store(settings, read_only=True) as store, _errors():
        result = hubs.compare_hubs(store, a, b, filters)
    if options["as_json"]:
        _echo_json(result.to_dict())
        return
    side = Table("", f"{result.a.hub} {result.a.name}", f"{result.b.hub} {result.b.name}")
    side.add_row("partners", str(len(result.a.partners)), str(len(result.b.partners)))
    side.add_row("by region", _counts(result.a.regions), _counts(result.b.regions))
    side.add_row("topics", _counts(result.a.topics[:6]), _counts(result.b.topics[:6]))
    side.add_row("new partners per year", _growth(result.a.growth), _growth(result.b.growth))
    side.add_row(
        "shared partners",
        " ".join(f"{c} ({fa or '?'})" for c, fa, _ in result.shared),
        " ".join(f"{c} ({fb or '?'})" for c, _, fb in result.shared),
    )
    out.print(side)


def _counts(pairs: Sequence[tuple[str, int]]) -> str:
    return ", ".join(f"{k} {v}" for k, v in pairs)


def _growth(rows: Sequence[tuple[str, int, int]]) -> str:
    return ", ".join(f"{year} +{new} (={total})" for year, new, total in rows)


# ── mechanisms ───────────────────────────────────────────────────────────────


@cli.command()
@click.argument("mechanism")
@click.option("--no-reference", is_flag=True, help="Leave out facts known only from reference documents.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of tables.")
@db_option
@config_option
def history(
    mechanism: str, no_reference: bool, as_json: bool, db_url: str | None, config_path: str | None
) -> None:
    """Show the sessions of a standing MECHANISM: numbers, dates, venues, cadence, topics, secretariat.

    MECHANISM is a stored mechanism id (see `diplograph registry`), a name or
    alias from mechanisms.csv, or parties and kind.

    \b
    Example:
        diplograph history AUSMIN
        diplograph history "China–Central Asia foreign ministers' meeting"
        diplograph history "CHN-KHM 2+2 dialogue" --json
    """
    from diplograph.analysis import registry

    settings = _settings(config_path, db_url)
    with _store(settings, read_only=True) as store, _errors():
        found = registry.mechanism_history(store, mechanism, include_reference=not no_reference)
    if as_json:
        _echo_json(found.to_dict())
        return
    out.print(f"{found.name or mechanism} — {found.kind}, {'-'.join(found.parties)}")
    table = Table("#", "numbered by", "date", "where", "topics", "people", "source", title="sessions")
    for s in found.sessions:
        e = s.event
        table.add_row(
            "" if s.ordinal is None else str(s.ordinal),
            s.ordinal_source or "",
            e.date or "undated",
            e.location or "",
            ", ".join(e.topics),
            str(len(e.people)),
            _source(e.quote, e.document),
        )
    out.print(table)
    if found.upcoming or found.signals:
        out.print(_timeline_table((*found.upcoming, *found.signals), title="upcoming and signals"))
    interval = f" (~{found.median_interval_days} days)" if found.median_interval_days else ""
    out.print(f"first {found.first or '?'}, last {found.last or '?'}; cadence {found.cadence}{interval}")
    out.print(f"venues: {_counts(found.venues) or 'unknown'}")
    secretariat = {True: "yes", False: "no", None: "unknown"}[found.secretariat.has]
    out.print(
        f"secretariat: {secretariat}" + (f" ({found.secretariat.source})" if found.secretariat.source else "")
    )
    for conflict in found.conflicts:
        out.print(f"[yellow]conflict[/yellow] {conflict['event']}: {conflict['detail']}")


@cli.command("registry")
@click.option("--kind", type=click.Choice(EVENT_KINDS), help="Mechanism kind.")
@click.option(
    "--party",
    multiple=True,
    callback=state_option,
    help="A party, as ISO3 code or name (CHN, China); repeat for several (all must take part).",
)
@click.option("--no-reference", is_flag=True, help="Leave out facts known only from reference documents.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@db_option
@config_option
def registry_command(
    kind: str | None,
    party: tuple[str, ...],
    no_reference: bool,
    as_json: bool,
    db_url: str | None,
    config_path: str | None,
) -> None:
    """List the standing mechanisms with their sessions, first and last, cadence and secretariat.

    \b
    Example:
        diplograph registry --kind "2+2 dialogue"
        diplograph registry --party CHN --json
    """
    from diplograph.analysis import registry

    settings = _settings(config_path, db_url)
    with _store(settings, read_only=True) as store, _errors():
        records = registry.mechanism_registry(store, include_reference=not no_reference)
    wanted = set(party)
    records = [r for r in records if (kind is None or r.kind == kind) and wanted <= set(r.parties)]
    if as_json:
        _echo_json([r.to_dict() for r in records])
        return
    table = Table(
        "id", "name", "kind", "status", "parties", "sessions", "first", "last", "cadence", "secretariat"
    )
    for r in records:
        table.add_row(
            r.id,
            r.name or "",
            r.kind,
            r.status,
            "-".join(r.parties),
            str(r.sessions),
            r.first or "",
            r.last or "",
            r.cadence,
            {True: "yes", False: "no", None: ""}[r.secretariat.has],
        )
    out.print(table)
    err.print(f"{len(records)} mechanism(s)")
