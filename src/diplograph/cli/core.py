"""The command group, its shared options, and the pipeline's commands.

Each command parses its options, calls one library function, formats the
result (a rich table, or JSON with `--json`) and turns a `DiplographError`
into a clean error message. Exit codes: 0 all processed, 1 some documents
skipped, 2 usage error, 3 nothing could be processed.

Why the library is imported inside the commands: registering a command must not load
SQLAlchemy, trafilatura, numpy or matplotlib, or `diplograph --help` and every query would
wait seconds for them (tests/test_startup.py holds it). Module level imports only click,
rich and the foundation (`models`, `vocab`, `errors`, `settings`).
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import json
import re
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TypeVar

import click
from rich.console import Console
from rich.table import Table

from diplograph.errors import DiplographError, InvalidQuery, NotFound
from diplograph.models import Event, Extraction, InputFailure, Mechanism
from diplograph.settings import Settings, load_settings
from diplograph.vocab import EVENT_KINDS, EVENT_STATUSES, MECHANISM_STATUSES

if TYPE_CHECKING:
    from diplograph.evaluation.scoring import Scores
    from diplograph.store import Store

F = TypeVar("F", bound=Callable[..., Any])

# Tables stay readable when the output is piped (rich would otherwise assume 80 columns).
out = Console(soft_wrap=False, width=None if sys.stdout.isatty() else 160)
err = Console(stderr=True, soft_wrap=True)


def db_option(func: F) -> F:
    """The shared `--db` option: the store's SQLAlchemy URL."""
    return click.option(
        "--db",
        "db_url",
        envvar="DIPLOGRAPH_DB_URL",
        help="Store URL (default sqlite:///diplograph.db; postgresql://… works the same).",
    )(func)


def config_option(func: F) -> F:
    """The shared `--config` option: a TOML settings file."""
    return click.option(
        "--config",
        "config_path",
        type=click.Path(dir_okay=False),
        help="Settings file (default ./diplograph.toml when present).",
    )(func)


def parallel_options(func: F) -> F:
    """The shared `--workers` and `--dask` options: where stages 2–5 run."""
    func = click.option(
        "--dask",
        "dask_address",
        metavar="ADDRESS",
        envvar="DIPLOGRAPH_DASK",
        help="Extract on the Dask cluster whose scheduler is at ADDRESS (tcp://host:8786); "
        "needs pip install 'diplograph[distributed]'.",
    )(func)
    return click.option(
        "--workers",
        type=click.IntRange(min=1),
        default=1,
        show_default=True,
        envvar="DIPLOGRAPH_WORKERS",
        help="Worker processes that extract in parallel (results are the same as with 1).",
    )(func)


def filter_options(func: F) -> F:
    """The shared query filters of `events` and `mechanisms`."""
    for option in reversed(
        [
            click.option(
                "--party",
                multiple=True,
                callback=state_option,
                help="A party, as ISO3 code or name (CHN, China); repeat for several (all must take part).",
            ),
            click.option("--kind", type=click.Choice(EVENT_KINDS), help="Event or mechanism kind."),
            click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table."),
        ]
    ):
        func = option(func)
    return func


class _Confidence(click.ParamType[float]):
    """A confidence from 0 to 1.

    Why not FloatRange: it answers "not a valid float range" to a word, and lets NaN through
    (every comparison with NaN is false); this says what to give instead.
    """

    name = "confidence"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> float:
        try:
            number = float(value)
        except (TypeError, ValueError):
            self.fail(f"{value!r} is not a number; give a confidence from 0 to 1, e.g. 0.8", param, ctx)
        if not 0 <= number <= 1:  # NaN fails this too
            self.fail(f"{value} is not from 0 to 1; give a confidence such as 0.8", param, ctx)
        return number


def min_confidence_option(func: F) -> F:
    """The `--min-confidence` option of `events` and `mechanisms`, checked to lie in [0, 1]."""
    return click.option(
        "--min-confidence",
        type=_Confidence(),
        metavar="X",
        help="Only those whose confidence is at least X (0 to 1); see the reliability table of `evaluate`.",
    )(func)


@contextmanager
def _errors() -> Iterator[None]:
    "Turn library errors into click errors (exit code 1) with the library's message."
    try:
        yield
    except DiplographError as exc:
        raise click.ClickException(str(exc)) from exc


def _settings(config_path: str | None, db_url: str | None = None) -> Settings:
    with _errors():
        return load_settings(config_path, db_url=db_url)


def _store(settings: Settings, *, read_only: bool = False) -> Store:
    """Open the store of the settings; commands that only read open it `read_only`.

    Why read-only for queries: a typo in `--db` must say "no store at …" rather than
    create an empty store and answer "0 event(s)", and a store on a read-only mount
    must still be readable.
    """
    from diplograph.store import Store

    with _errors():
        return Store(settings.db_url, read_only=read_only)


def resolve_state(value: str) -> str:
    """Return the ISO 3166-1 alpha-3 code of a state typed as a code, name, abbreviation or demonym.

    Why: `--party Kazakhstan` used to match nothing and answer "0 event(s)", as if the store
    knew no such event. "KAZ", "kaz", "Kazakhstan", "Republic of Kazakhstan", "Kazakh" and
    "U.S." all resolve; anything else is refused with the nearest names as a suggestion.

    Raises:
        InvalidQuery: no state goes by that name (the message suggests the nearest ones).
    """
    text = " ".join(value.split())
    if text.upper() in _state_codes():
        return text.upper()
    names = _state_names()
    found = names.get(text.casefold()) or names.get(text.replace(".", "").casefold())
    if found:
        return found
    raise InvalidQuery(_unknown_state(text, names))


def _unknown_state(text: str, names: dict[str, str]) -> str:
    "Say that `text` names no state, what it is instead when the gazetteer knows, and the nearest names."
    import difflib

    from diplograph.extract.gazetteer import load_gazetteer, token_key

    gaz = load_gazetteer()
    message = f"unknown state {text!r}"
    other = next(iter(gaz.lookup(token_key(text)) or gaz.lookup(token_key(text.upper()))), None)
    if other is not None and other.type == "capital" and other.country:
        message += f": it is the capital of {gaz.state_name(other.country)}; give {other.country}"
        return message
    if other is not None and other.type == "grouping":
        message += ": it is a grouping; give its member states one by one"
        return message
    close = difflib.get_close_matches(text.casefold(), list(names), n=3, cutoff=0.75)
    suggestions = list(dict.fromkeys(f"{gaz.state_name(names[c])} ({names[c]})" for c in close))
    message += f"; did you mean {' or '.join(suggestions)}?" if suggestions else "."
    return message + " Give an ISO 3166-1 alpha-3 code (CHN, KAZ) or a state's name (China, Kazakhstan)."


@functools.cache
def _states_csv() -> tuple[dict[str, str], ...]:
    """The rows of the shipped states.csv, read directly.

    Why not `load_gazetteer()`: it also reads the office-holders, groupings and mechanisms,
    which a query by state does not need and which cost it a third of a second.
    """
    from diplograph.extract.gazetteer import default_data_dir

    with (default_data_dir() / "states.csv").open(encoding="utf-8", newline="") as fp:
        return tuple(row for row in csv.DictReader(fp) if (row.get("code") or "").strip())


@functools.cache
def _state_codes() -> frozenset[str]:
    "The ISO3 codes of states.csv."
    return frozenset(row["code"].strip() for row in _states_csv())


@functools.cache
def _state_names() -> dict[str, str]:
    "Every name, official name, alias and demonym of every state, case-folded, with its ISO3 code."
    names: dict[str, str] = {}
    for row in _states_csv():
        code = row["code"].strip()
        cells = (row.get(column) or "" for column in ("name", "official_name", "aliases", "demonyms"))
        for name in (part for cell in cells for part in cell.split("|") if part.strip()):
            for form in {name, name.replace(".", "")}:
                names.setdefault(" ".join(form.split()).casefold(), code)
    return names


_PARTIAL_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def date_option(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Click callback that refuses anything but a real partial date: YYYY, YYYY-MM or YYYY-MM-DD.

    Why here as well as in the store: a typo such as `--since 2025-13` is a usage error
    (exit code 2) caught before the store is opened, and says which option is wrong.
    """
    if value is None:
        return None
    text = value.strip()
    problem = "" if _PARTIAL_DATE.fullmatch(text) else "not a date"
    if not problem:
        year, month, day = (int(part) for part in [*text.split("-"), "1", "1"][:3])
        try:
            dt.date(year, month, day)
        except ValueError as exc:
            problem = f"no such date ({exc})"
    if problem:
        raise click.BadParameter(f"{value!r}: {problem}; give YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2025-12")
    return text


def state_option(
    ctx: click.Context, param: click.Parameter, value: str | tuple[str, ...] | None
) -> str | tuple[str, ...] | None:
    """Click callback that turns the states given to an option or argument into ISO3 codes.

    An unknown state exits with code 1, as the library's other unknown names (a region, a
    mechanism) do; a malformed value (a date) is a usage error, code 2.
    """
    if value is None:
        return None
    try:
        if isinstance(value, str):
            return resolve_state(value)
        return tuple(resolve_state(v) for v in value)
    except InvalidQuery as exc:
        name = param.opts[0] if isinstance(param, click.Option) else param.human_readable_name
        raise click.ClickException(f"{name}: {exc}") from exc


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="diplograph")
def cli() -> None:
    """diplograph: a sourced knowledge base of diplomatic events and mechanisms, built from news articles.

    \b
    Example:
        diplograph extract article.txt --json
        diplograph ingest corpus/ && diplograph events --party CHN --kind "2+2 dialogue"
    """


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object (the documented contract).")
@click.option("--published", help="Publication date (YYYY[-MM[-DD]]) for plain text files without one.")
@parallel_options
@config_option
def extract(
    paths: Sequence[str],
    as_json: bool,
    published: str | None,
    workers: int,
    dask_address: str | None,
    config_path: str | None,
) -> None:
    """Extract events and mechanisms from articles, without storing them.

    PATHS are .txt, .html/.htm, .jsonl files or directories of them.

    \b
    Example:
        diplograph extract news/ --json > events.json
        diplograph extract readout.txt --published 2026-04-22
        diplograph extract dump.jsonl --workers 2 --json > events.json
    """
    from diplograph.extract.pipeline import extract_corpus

    settings = _settings(config_path)
    with _errors():
        items = extract_corpus(
            paths, settings, published=published, workers=workers, dask_address=dask_address
        )
        if as_json:
            failures = _write_json(items, sys.stdout)
        else:
            failures = _print_extractions(items)
    _report_failures(failures)
    sys.exit(_exit_code(failures.documents, failures.items))


class _Failures:
    def __init__(self) -> None:
        self.items: list[InputFailure] = []
        self.documents = 0


def _write_json(items: Iterator[Extraction | InputFailure], fp: IO[str]) -> _Failures:
    """Stream the contract's JSON object: documents are written as they come, events and mechanisms spooled."""
    result = _Failures()
    with (
        tempfile.TemporaryFile("w+", encoding="utf-8") as ev,
        tempfile.TemporaryFile("w+", encoding="utf-8") as mx,
    ):
        fp.write('{"documents": [')
        counts = {"doc": 0, "ev": 0, "mx": 0}
        for item in items:
            if isinstance(item, InputFailure):
                result.items.append(item)
                continue
            result.documents += 1
            fp.write(
                ("," if counts["doc"] else "") + "\n  " + json.dumps(item.article.info(), ensure_ascii=False)
            )
            counts["doc"] += 1
            for e in item.events:
                ev.write(("," if counts["ev"] else "") + "\n  " + json.dumps(e.to_dict(), ensure_ascii=False))
                counts["ev"] += 1
            for m in item.mechanisms:
                mx.write(("," if counts["mx"] else "") + "\n  " + json.dumps(m.to_dict(), ensure_ascii=False))
                counts["mx"] += 1
        for name, spool in (("events", ev), ("mechanisms", mx)):
            fp.write('\n],\n"' + name + '": [')
            spool.seek(0)
            shutil.copyfileobj(spool, fp)
        fp.write("\n]}\n")
    return result


def _print_extractions(items: Iterator[Extraction | InputFailure]) -> _Failures:
    result = _Failures()
    for item in items:
        if isinstance(item, InputFailure):
            result.items.append(item)
            continue
        result.documents += 1
        article = item.article
        name = (
            f"{article.label} ({article.id})" if article.label and article.label != article.id else article.id
        )
        out.print(f"[bold]{name}[/bold] — {article.title or 'untitled'}", highlight=False)
        if item.events:
            out.print(_events_table(item.events, quote=True))
        if item.mechanisms:
            out.print(_mechanisms_table(item.mechanisms))
        if not item.events and not item.mechanisms:
            out.print("  (no diplomatic events found)")
    return result


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--published", help="Publication date (YYYY[-MM[-DD]]) for plain text files without one.")
@click.option(
    "--replace",
    is_flag=True,
    help="A record whose id is stored with a different text replaces it (default: skipped and reported).",
)
@parallel_options
@db_option
@config_option
def ingest(
    paths: Sequence[str],
    published: str | None,
    replace: bool,
    workers: int,
    dask_address: str | None,
    db_url: str | None,
    config_path: str | None,
) -> None:
    """Extract articles and store their documents, actors, events and mechanisms.

    Re-ingesting an article changes nothing, by whatever path it is reached;
    the same event reported by several articles becomes one event with
    several sources. A document's id is its record's own id, else a hash of
    its text: two different files that share a name are two documents, and
    an id already stored with another text is reported, never replaced
    (unless --replace).

    \b
    Example:
        diplograph ingest corpus/
        diplograph ingest dump.jsonl --db postgresql://localhost/diplograph
        diplograph ingest corpus/ --workers 2
        diplograph ingest corpus/ --dask tcp://scheduler:8786
    """
    settings = _settings(config_path, db_url)
    report = _ingest(paths, settings, published, workers=workers, dask_address=dask_address, replace=replace)
    _report_failures(report)
    sys.exit(report.exit_code)


def _ingest(
    paths: Sequence[str],
    settings: Settings,
    published: str | None,
    *,
    workers: int = 1,
    dask_address: str | None = None,
    replace: bool = False,
) -> Any:
    "Run process_corpus with a progress display; return its RunReport."
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    from diplograph.extract.pipeline import process_corpus

    with _store(settings) as store, _errors():
        progress = Progress(
            SpinnerColumn(),
            TextColumn("[progress.description]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err,
            transient=True,
            disable=not err.is_terminal,
        )
        with progress:
            task = progress.add_task("ingesting", total=None)

            def advance(_item: Extraction | InputFailure) -> None:
                progress.advance(task)

            report = process_corpus(
                paths,
                store,
                settings,
                published=published,
                on_item=advance,
                workers=workers,
                dask_address=dask_address,
                replace=replace,
            )
        counts = store.counts()
    err.print(
        f"ingested {report.documents} document(s) ({report.unchanged} unchanged) in {report.seconds:.1f}s: "
        f"{report.events} event report(s), {report.mechanisms} mechanism report(s); "
        f"store now holds {counts.get('events', 0)} events, {counts.get('mechanisms', 0)} mechanisms "
        f"from {counts.get('documents', 0)} documents "
        f"({counts.get('duplicate_documents', 0)} near-duplicate(s) of another)",
        highlight=False,
    )
    return report


@cli.command()
@filter_options
@click.option("--status", type=click.Choice(EVENT_STATUSES), help="Event status.")
@click.option("--since", callback=date_option, help="Earliest date (YYYY[-MM[-DD]]).")
@click.option("--until", callback=date_option, help="Latest date (YYYY[-MM[-DD]]).")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many events.")
@min_confidence_option
@db_option
@config_option
def events(
    party: tuple[str, ...],
    kind: str | None,
    as_json: bool,
    status: str | None,
    since: str | None,
    until: str | None,
    limit: int | None,
    min_confidence: float | None,
    db_url: str | None,
    config_path: str | None,
) -> None:
    """List stored events, filtered.

    \b
    Example:
        diplograph events --party CHN --kind "2+2 dialogue"
        diplograph events --party USA --party JPN --since 2020 --json
        diplograph events --status occurred --min-confidence 0.8
    """
    settings = _settings(config_path, db_url)
    with _store(settings, read_only=True) as store, _errors():
        found = store.events(
            party=list(party) or None,
            kind=kind,
            status=status,
            since=since,
            until=until,
            limit=limit,
            min_confidence=min_confidence,
        )
    if as_json:
        click.echo(json.dumps([e.to_dict() for e in found], ensure_ascii=False, indent=2))
    else:
        out.print(_events_table(found))
        err.print(f"{len(found)} event(s)")


@cli.command()
@filter_options
@click.option("--status", type=click.Choice(MECHANISM_STATUSES), help="Mechanism status.")
@min_confidence_option
@db_option
@config_option
def mechanisms(
    party: tuple[str, ...],
    kind: str | None,
    as_json: bool,
    status: str | None,
    min_confidence: float | None,
    db_url: str | None,
    config_path: str | None,
) -> None:
    """List stored standing mechanisms, filtered.

    \b
    Example:
        diplograph mechanisms --party CHN
        diplograph mechanisms --status proposed --json
        diplograph mechanisms --min-confidence 0.7
    """
    settings = _settings(config_path, db_url)
    with _store(settings, read_only=True) as store, _errors():
        found = store.mechanisms(
            party=list(party) or None, kind=kind, status=status, min_confidence=min_confidence
        )
    if as_json:
        click.echo(json.dumps([m.to_dict() for m in found], ensure_ascii=False, indent=2))
    else:
        out.print(_mechanisms_table(found))
        err.print(f"{len(found)} mechanism(s)")


@cli.command()
@click.argument("record_id")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@db_option
@config_option
def show(record_id: str, as_json: bool, db_url: str | None, config_path: str | None) -> None:
    """Show one stored event, mechanism or document with its sources.

    \b
    Example:
        diplograph show ev_3f2a9c0d1e4b5a6c
    """
    settings = _settings(config_path, db_url)
    with _store(settings, read_only=True) as store, _errors():
        try:
            record = store.get(record_id)
        except NotFound as exc:
            raise click.ClickException(str(exc)) from exc
    data = record.to_dict() if isinstance(record, Event | Mechanism) else dict(record)
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    for key, value in data.items():
        if key in ("sources", "text"):
            continue
        out.print(f"[bold]{key}[/bold]: {_plain(value)}", highlight=False)
    for source in data.get("sources", []):
        out.print(f"\n[dim]{source['document']} [{source['start']}:{source['end']}][/dim]", highlight=False)
        out.print(f"  “{source['quote']}”", highlight=False)


@cli.command(name="evaluate")
@click.argument("corpus_dir", required=False, type=click.Path(exists=True, file_okay=False))
@click.option("--by-doc", is_flag=True, help="Also print scores per document.")
@click.option(
    "--errors",
    "show_errors",
    is_flag=True,
    help="Also list every miss and extra with its class of error; near-misses are shown as pairs.",
)
@click.option(
    "--json", "as_json", is_flag=True, help="Print the scores as JSON (with --errors, the cases too)."
)
@click.option(
    "--reviewed", is_flag=True, help="Use the events analysts reviewed in the store (--db) as gold."
)
@db_option
@config_option
def evaluate_command(
    corpus_dir: str | None,
    by_doc: bool,
    show_errors: bool,
    as_json: bool,
    reviewed: bool,
    db_url: str | None,
    config_path: str | None,
) -> None:
    """Score extraction against a gold corpus (event and mechanism P/R/F1, attributes, modality errors).

    CORPUS_DIR holds articles/ and gold/, or NAME.txt beside NAME.json (as tests/articles).
    With --reviewed, the gold is the store's reviewed events instead (see `diplograph serve`).
    The report ends with the precision of extracted events per confidence bin.

    \b
    Example:
        diplograph evaluate tests/articles --by-doc
        diplograph evaluate tests/articles --errors
        diplograph evaluate --reviewed --db diplograph.db
    """
    from diplograph.evaluation import scoring as evaluation

    settings = _settings(config_path, db_url)
    failures: list[InputFailure] = []
    if reviewed:
        from diplograph.evaluation.review import score_reviewed

        with _store(settings, read_only=True) as store, _errors():
            scores = score_reviewed(store, settings)
    elif corpus_dir is None:
        raise click.UsageError("give CORPUS_DIR, or --reviewed to score against the store's reviewed events")
    else:
        scores, failures = _score_corpus(corpus_dir, settings)
    if as_json:
        click.echo(json.dumps(scores.to_dict(errors=show_errors), ensure_ascii=False, indent=2))
    else:
        click.echo(evaluation.format_scores(scores, by_doc=by_doc))
        if show_errors:
            click.echo("\n" + evaluation.format_errors(scores))
    for f in failures:
        err.print(f"[red]skipped[/red] {f.source}: {f.reason}", highlight=False)


def _score_corpus(corpus_dir: str, settings: Settings) -> tuple[Scores, list[InputFailure]]:
    "Extract every annotated article of a gold corpus and score it; return the scores and unreadable files."
    from diplograph.evaluation import scoring as evaluation
    from diplograph.extract.pipeline import extract_corpus

    with _errors():
        gold = evaluation.load_gold(corpus_dir)
        articles_dir, _ = evaluation.gold_layout(corpus_dir)
        paths = [str(articles_dir / name) for name in sorted(gold)]
        predicted: dict[str, tuple[list[Event], list[Mechanism]]] = {}
        failures = []
        for item in extract_corpus(paths, settings):
            if isinstance(item, InputFailure):
                failures.append(item)
                continue
            predicted[Path(item.article.source).name] = (list(item.events), list(item.mechanisms))
        return evaluation.score_documents(predicted, gold), failures


@cli.command()
@db_option
@config_option
def demo(db_url: str | None, config_path: str | None) -> None:
    """Ingest the sample corpus shipped with diplograph and show what was found.

    \b
    Example:
        diplograph demo
        diplograph demo --db sqlite:///demo.db
    """
    settings = _settings(config_path, db_url)
    sample = Path(str(resources.files("diplograph") / "sample"))
    err.print(f"sample corpus: {sample}", highlight=False)
    report = _ingest([str(sample)], settings, None)
    _report_failures(report)
    with _store(settings) as store, _errors():
        found = store.events()
        mechs = store.mechanisms()
    out.print(_events_table(found))
    out.print(_mechanisms_table(mechs))
    out.print(_summary_table(found))
    multi = max(found, key=lambda e: len(e.sources), default=None)
    out.print(
        f"\n{len(found)} events and {len(mechs)} mechanisms from {report.documents} articles in {settings.db_url}."
        + (
            f" The best-sourced event, {multi.id}, is reported by {len(multi.sources)} sentences."
            if multi
            else ""
        )
        + f'\nTry:\n  diplograph events --party CHN --kind "2+2 dialogue"\n  diplograph show {multi.id if multi else "ID"}',
        highlight=False,
    )
    sys.exit(report.exit_code)


def _summary_table(events: Sequence[Event]) -> Table:
    "Count events by kind and status."
    table = Table(title="events by kind and status", pad_edge=False)
    table.add_column("kind")
    for status in EVENT_STATUSES:
        table.add_column(status, justify="right")
    for kind in EVENT_KINDS:
        row = [sum(1 for e in events if e.kind == kind and e.status == status) for status in EVENT_STATUSES]
        if any(row):
            table.add_row(kind, *(str(n) for n in row))
    return table


def _events_table(events: Sequence[Event], quote: bool = False) -> Table:
    table = Table(show_lines=False, pad_edge=False)
    for column in ("id", "kind", "status", "parties", "date", "where", "#", "sources"):
        table.add_column(column, overflow="fold")
    if quote:
        table.add_column("evidence", overflow="fold", max_width=60)
    for e in events:
        date = (e.date or "") + (f"…{e.date_end}" if e.date_end else "")
        where = ", ".join(x for x in (e.location.city, e.location.country) if x) if e.location else ""
        row = [
            e.id,
            e.kind,
            e.status,
            "-".join(e.parties),
            date,
            where,
            str(e.ordinal or ""),
            str(len(e.sources)),
        ]
        if quote:
            row.append(e.sources[0].quote[:160] if e.sources else "")
        table.add_row(*row)
    return table


def _mechanisms_table(mechanisms: Sequence[Mechanism]) -> Table:
    table = Table(show_lines=False, pad_edge=False)
    for column in ("id", "kind", "status", "parties", "name", "sources"):
        table.add_column(column, overflow="fold")
    for m in mechanisms:
        table.add_row(m.id, m.kind, m.status, "-".join(m.parties), m.name or "", str(len(m.sources)))
    return table


def _plain(value: Any) -> str:
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else str(value)


def _report_failures(report: Any) -> None:
    for f in getattr(report, "failures", None) or getattr(report, "items", []):
        err.print(f"[red]skipped[/red] {f.source}: {f.reason}", highlight=False)


def _exit_code(documents: int, failures: Sequence[InputFailure]) -> int:
    if not failures:
        return 0
    return 3 if documents == 0 else 1


def main() -> None:
    """Entry point for `python -m diplograph`."""
    cli()
