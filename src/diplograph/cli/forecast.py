"""Commands of reference knowledge and forecasts: load-reference, forecast, backtest.

Each parses its options, calls one library function (`reference.load_reference`,
`forecast.forecast_partners`, `backtest.backtest`) and prints a table or JSON.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

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
    out,
    state_option,
)
from diplograph.vocab import EVENT_KINDS, EventKind

if TYPE_CHECKING:  # the forecast loads numpy: imported by the commands that run it
    from diplograph.analysis.backtest import BacktestResult
    from diplograph.analysis.forecast import Candidate, Forecast

# `diplograph.analysis.forecast.HORIZON_YEARS`, repeated so that `--help` shows the default
# without importing numpy; tests/test_startup.py checks they are the same.
HORIZON_YEARS = 3


@cli.command("load-reference")
@db_option
@config_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a summary.")
def load_reference_command(db_url: str | None, config_path: str | None, as_json: bool) -> None:
    """Load the reference tables (known mechanisms and their first meetings) into the store.

    Each row becomes a document `reference:mechanisms:<id>` (source "reference") whose
    facts reconcile with the articles' reports of the same meetings. Re-running changes nothing.

    \b
    Example:
        diplograph load-reference --db sqlite:///diplograph.db
    """
    from diplograph.analysis.reference import load_reference

    settings = _settings(config_path, db_url)
    with _store(settings) as store, _errors():
        report = load_reference(store)
    if as_json:
        click.echo(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
        return
    out.print(
        f"Loaded {len(report.rows)} reference documents: {report.count('created')} created, "
        f"{report.count('replaced')} replaced, {report.count('unchanged')} unchanged; "
        f"{report.events} events, {report.merged} merged with events already in the store."
    )
    for row, reason in report.skipped:
        out.print(f"  skipped {row}: {reason}")


@cli.command("forecast")
@click.option(
    "--hub",
    required=True,
    callback=state_option,
    help="The state whose next partners are wanted (ISO3 code or name).",
)
@click.option(
    "--kind", type=click.Choice(EVENT_KINDS), default=EventKind.TWO_PLUS_TWO.value, show_default=True
)
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True, help="How many candidates.")
@click.option(
    "--cutoff",
    callback=date_option,
    help="Use only what was known by this date (YYYY[-MM[-DD]]; default today).",
)
@click.option(
    "--horizon", type=click.IntRange(min=1), default=HORIZON_YEARS, show_default=True, help="Years."
)
@click.option("--no-reference", is_flag=True, help="Leave out facts loaded by load-reference.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@db_option
@config_option
def forecast_command(
    hub: str,
    kind: str,
    top: int,
    cutoff: str | None,
    horizon: int,
    no_reference: bool,
    as_json: bool,
    db_url: str | None,
    config_path: str | None,
) -> None:
    """Rank the states a hub is likely to hold its first meeting of a kind with next.

    \b
    Example:
        diplograph forecast --hub CHN --kind "2+2 dialogue" --top 10
        diplograph forecast --hub JPN --cutoff 2015 --json
    """
    from diplograph.analysis.forecast import forecast_partners

    settings = _settings(config_path, db_url)
    with _store(settings, read_only=True) as store, _errors():
        result = forecast_partners(
            store,
            hub,
            kind,
            cutoff=cutoff,
            top=top,
            include_reference=not no_reference,
            horizon_years=horizon,
        )
    if as_json:
        click.echo(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
        return
    _print_forecast(result)


def _print_forecast(result: Forecast) -> None:
    table = Table(title=f"Likely next {result.kind} partners of {result.hub} (known by {result.cutoff})")
    for column in ("rank", "state", "score", "why (log-odds push)", "reports of the format"):
        table.add_column(column)
    for c in result.candidates:
        table.add_row(
            str(c.rank), f"{c.code} {c.name}", f"{c.score:.3f}", "; ".join(c.reasons), _signal_quotes(c)
        )
    out.print(table)
    weights = ", ".join(f"{name} {weight:+.2f}" for name, weight in result.weights.items())
    if weights:
        out.print(f"Weights (log-odds per unit; counts as log(1 + n); none below zero): {weights}.")
    existing = ", ".join(result.existing) or "none"
    out.print(f"Already held with: {existing}.")
    out.print(f"Model: {result.history.model}. {result.history.note}")


def _signal_quotes(candidate: Candidate, width: int = 90) -> str:
    "The reports of the format for the pair: status, document and the start of the quote."
    lines = []
    for item in candidate.signals:
        quote = item.quote or ""
        quote = quote if len(quote) <= width else quote[: width - 1] + "…"
        lines.append(f"{item.status} ({item.document}): “{quote}”")
    return "\n".join(lines)


@cli.command("backtest")
@click.option(
    "--kind", type=click.Choice(EVENT_KINDS), default=EventKind.TWO_PLUS_TWO.value, show_default=True
)
@click.option(
    "--cutoff", "cutoffs", multiple=True, help="A cutoff (YYYY); repeat for several. Default 2005–2021."
)
@click.option(
    "--horizon", type=click.IntRange(min=1), default=HORIZON_YEARS, show_default=True, help="Years."
)
@click.option("--k", type=click.IntRange(min=1), default=5, show_default=True, help="Top k scored per hub.")
@click.option(
    "--hub",
    "hubs",
    multiple=True,
    callback=state_option,
    help="Evaluate only this hub (ISO3 code or name); repeat for several.",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@db_option
@config_option
def backtest_command(
    kind: str,
    cutoffs: Sequence[str],
    horizon: int,
    k: int,
    hubs: Sequence[str],
    as_json: bool,
    db_url: str | None,
    config_path: str | None,
) -> None:
    """Score the forecast against what happened after past cutoffs, next to two baselines.

    The baselines rank candidates by their partners of the kind (popularity) and by the
    ladder rung the pair has reached; the model's margin over each comes with a 95 %
    bootstrap interval over the hub evaluations. Documents without a publication date
    are left out of every cutoff.

    \b
    Example:
        diplograph backtest --kind "2+2 dialogue" --horizon 3 --k 5
        diplograph backtest --cutoff 2015 --cutoff 2019 --json
    """
    from diplograph.analysis.backtest import backtest

    settings = _settings(config_path, db_url)
    with _store(settings, read_only=True) as store, _errors():
        result = backtest(store, kind, cutoff=cutoffs or None, horizon_years=horizon, k=k, hubs=hubs or None)
    if as_json:
        click.echo(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
        return
    _print_backtest(result)


def _print_backtest(result: BacktestResult) -> None:
    from diplograph.analysis.backtest import RANKINGS

    k = result.k
    table = Table(title=f"Backtest of {result.kind} forecasts: top {k}, horizon {result.horizon_years} years")
    for column in (
        "cutoff",
        "hubs",
        "new",
        *(f"{name} P@{k}" for name in RANKINGS),
        "first meetings learnt from",
    ):
        table.add_column(column)
    for c in result.cutoffs:
        table.add_row(
            c.cutoff,
            str(len(c.hubs)),
            str(sum(len(h.actual) for h in c.hubs)),
            *(f"{c.metrics(name).precision_at_k:.3f}" for name in RANKINGS),
            str(c.history.positives),
        )
    table.add_row(
        "pooled",
        str(len(result.evaluations)),
        str(sum(len(h.actual) for h in result.evaluations)),
        *(f"{result.metrics(name).precision_at_k:.3f}" for name in RANKINGS),
        "",
    )
    out.print(table)
    rates = ", ".join(f"{name} {result.metrics(name).hit_rate:.3f}" for name in RANKINGS)
    out.print(f"Hit rate (at least one new partner in the top {k}): {rates}.")
    for name in result.baselines:
        m = result.margin(name)
        ratio = f", ×{m.ratio:.2f}" if m.ratio is not None else ""
        out.print(
            f"Model − {name}: {m.difference:+.3f} P@{k} (95 % bootstrap interval {m.low:+.3f} to {m.high:+.3f}{ratio})."
        )
    out.print(
        f"{len(result.evaluations)} hub evaluations; ties in a ranking count as a random pick among the tied."
    )
    if result.undated_documents:
        out.print(
            f"{result.undated_documents} document(s) without a publication date left out of every cutoff: "
            "what they report cannot be placed before one."
        )
