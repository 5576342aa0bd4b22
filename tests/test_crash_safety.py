"""An ingest killed with SIGKILL half-way and run again ends with the store of an uninterrupted run.

Real processes: `python -m diplograph ingest DIR --db URL` is started on a generated
corpus, killed when the store holds some but not all of its documents, and started
again. The store is then compared, row by row (event ids included: they hash the first
source's document, kind, status group, parties and date, so one order gives one id), with
a store that one uninterrupted run made. On SQLite and, when reachable, PostgreSQL.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import MetaData, Table, create_engine, func, select
from test_store import POSTGRES, _postgres_url

from diplograph.store import schema

# State pairs with the capital of the first; every article reports meetings of one pair.
PAIRS = (
    ("Laos", "Thailand", "Vientiane"),
    ("Kenya", "Ethiopia", "Nairobi"),
    ("Vietnam", "Japan", "Hanoi"),
    ("Chile", "Peru", "Santiago"),
    ("Poland", "Germany", "Warsaw"),
    ("Egypt", "Jordan", "Cairo"),
)
DAYS = ("2024-03-12", "2024-05-14", "2024-09-03", "2025-02-18")
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
TEMPLATES = (
    "{CITY}, {month} {next} -- {a} and {b} held talks in {city} on {month} {day}, the two governments said.\n\n"
    "Their foreign ministers will meet in {year_after} to launch a strategic dialogue.",
    "{b} and {a} held the third round of their strategic dialogue in {city} on {month} {day}, officials said.\n\n"
    "The defence ministers of {b} and {a} met in {city} on {month} {day} and discussed border security.",
    "The defence ministers of {a} and {b} met in {city} on {month} {day} and signed a memorandum on "
    "border security.\n\n{a} and {b} will hold a summit in {city} in December, officials said.",
)


def write_corpus(
    directory: Path, n: int, first: int = 0, templates: tuple[str, ...] = TEMPLATES
) -> list[Path]:
    """Write articles `first`…`first + n − 1`: a few pairs, days and wordings, so most events have several sources."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(first, first + n):
        a, b, city = PAIRS[i % len(PAIRS)]
        day = DAYS[(i // len(PAIRS)) % len(DAYS)]
        template = templates[(i // (len(PAIRS) * len(DAYS))) % len(templates)]
        year, month, dom = (int(part) for part in day.split("-"))
        text = template.format(
            a=a,
            b=b,
            city=city,
            CITY=city.upper(),
            month=MONTHS[month - 1],
            day=dom,
            next=dom + 1,
            year_after=year + 1,
        )
        path = directory / f"article-{i:04d}.txt"
        published = f"{year}-{month:02d}-{dom + 1:02d}"
        path.write_text(
            f"url: https://news.example.org/{i}\npublished: {published}\n---\n{text}\n", encoding="utf-8"
        )
        paths.append(path)
    return paths


def ingest_command(url: str, *paths: Path) -> list[str]:
    """The command line of a real ingest process."""
    return [sys.executable, "-m", "diplograph", "ingest", *map(str, paths), "--db", url]


def run_ingest(url: str, *paths: Path) -> None:
    """Run an ingest to completion; fail the test with its output if it fails."""
    done = subprocess.run(ingest_command(url, *paths), capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr


def _engine(url: str) -> Any:
    return create_engine(url.replace("postgresql://", "postgresql+psycopg://"))


def document_count(url: str) -> int:
    """Return how many documents the store holds (0 before its tables exist)."""
    engine = _engine(url)
    try:
        with engine.connect() as conn:
            if "documents" not in set(conn.dialect.get_table_names(conn)):
                return 0
            return int(conn.execute(select(func.count()).select_from(schema.documents)).scalar_one())
    finally:
        engine.dispose()


# Columns that number rows in the order they were inserted, not what they say.
_SURROGATE = {"event_reports": {"id"}, "mechanism_reports": {"id"}, "review_log": {"id"}}


def canonical_dump(url: str, *, order_free: bool = False) -> dict[str, Any]:
    """Return every row of every diplograph table, as sorted JSON text, without surrogate ids.

    With `order_free`, what depends on the order documents arrived in is left out too:
    event and mechanism ids (replaced by their sorted source documents) and reports' ids.
    """
    engine = _engine(url)
    dump: dict[str, Any] = {}
    with engine.connect() as conn:
        names = sorted(set(conn.dialect.get_table_names(conn)) & set(schema.metadata.tables))
        tables = {name: Table(name, MetaData(), autoload_with=conn) for name in names}
        rows = {name: [dict(r._mapping) for r in conn.execute(select(t))] for name, t in tables.items()}
    engine.dispose()
    if order_free:
        rows = _without_ids(rows)
    for row in rows.get("documents", []):
        # The hash of the package's code (see pipeline.run_versions) changes with any edit of a
        # package file, which in a development tree can happen between the two runs compared.
        row.pop("fingerprint")
        row["versions"] = {k: v for k, v in (row["versions"] or {}).items() if k != "code"}
    for name, table_rows in rows.items():
        drop = _SURROGATE.get(name, set())
        dump[name] = sorted(
            json.dumps({k: v for k, v in r.items() if k not in drop}, sort_keys=True, default=str)
            for r in table_rows
        )
    return dump


def _without_ids(rows: dict[str, list[dict[str, Any]]]) -> dict[str, list[dict[str, Any]]]:
    "Replace event and mechanism ids by the sorted documents of their reports."
    names: dict[str, str] = {}
    for owner, reports in (("event_id", "event_reports"), ("mechanism_id", "mechanism_reports")):
        sources: dict[str, set[str]] = {}
        for report in rows.get(reports, []):
            sources.setdefault(report[owner], set()).add(report["document_id"])
        names.update({key: "|".join(sorted(docs)) for key, docs in sources.items()})

    def rename(row: dict[str, Any]) -> dict[str, Any]:
        out = dict(row)
        for key in ("id", "event_id", "mechanism_id"):
            if isinstance(out.get(key), str) and out[key] in names:
                out[key] = names[out[key]]
        out.pop("conflicts", None)  # lists values in the order their documents arrived
        return out

    renamed = {name: [rename(r) for r in table_rows] for name, table_rows in rows.items()}
    for fold in renamed.get("event_folds", []):
        fold.pop("state")  # an event's fold state: its counters keep the arrival order too
    return renamed


@pytest.fixture(params=["sqlite-file", POSTGRES])
def two_urls(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, str]]:
    """Two empty stores of one backend: one for the reference run, one for the run under test."""
    if request.param == "sqlite-file":
        yield f"sqlite:///{tmp_path / 'reference.db'}", f"sqlite:///{tmp_path / 'crashed.db'}"
        return
    for reference in _postgres_url(request.config):
        for crashed in _postgres_url(request.config):
            yield reference, crashed


def kill_half_way(url: str, corpus: Path, total: int) -> int:
    """Start an ingest, SIGKILL it once the store holds a third of the corpus; return what it held."""
    process = subprocess.Popen(
        ingest_command(url, corpus), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 600
        while document_count(url) < total // 3:
            assert process.poll() is None, "ingest ended before it could be killed"
            assert time.monotonic() < deadline, "ingest made no progress"
            time.sleep(0.05)
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL
    return document_count(url)


@pytest.mark.slow
def test_an_ingest_killed_half_way_and_run_again_ends_with_the_store_of_an_uninterrupted_run(
    two_urls: tuple[str, str], tmp_path: Path
) -> None:
    reference, crashed = two_urls
    total = 150
    corpus = tmp_path / "corpus"
    write_corpus(corpus, total)
    run_ingest(reference, corpus)

    held = kill_half_way(crashed, corpus, total)
    run_ingest(crashed, corpus)

    assert 0 < held < total
    expected = canonical_dump(reference)
    assert len(expected["documents"]) == total
    assert len(expected["events"]) < len(expected["event_reports"])  # events with several sources
    assert canonical_dump(crashed) == expected


def test_the_corpus_has_events_reported_by_several_articles(tmp_path: Path) -> None:
    from diplograph.extract.pipeline import extract_corpus

    extractions = [e for e in extract_corpus(write_corpus(tmp_path, 30)) if not hasattr(e, "reason")]

    keys = [(e.kind, e.parties, e.date) for x in extractions for e in x.events]  # type: ignore[union-attr]
    assert len(extractions) == 30
    assert len(keys) > len(set(keys)) > 10
