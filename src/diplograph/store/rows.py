"""Convert between the store's rows and the model objects callers see.

Input: rows of `events`, `mechanisms` and `documents`, and the evidence lists of
`event_reports` / `mechanism_reports`. Output: `Event` and `Mechanism` objects with
their sources, documents as plain dicts, and (the other way) the stored form of an
`Evidence`.

Why here, apart from the queries: every reading method of `Store` returns the same
shapes, so the conversion is written once; callers never see a SQLAlchemy row. Reading
every event with its sources is what analyses start with, so that path is written for
speed; `sources_of` says how, with the figures.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Row, Text, cast, func, select

from diplograph.models import Event, Evidence, Location, Mechanism, Person
from diplograph.store import schema as s
from diplograph.store.reconcile import split_parties
from diplograph.store.statements import CHUNK

_DECODE_BATCH = 1_000  # reports whose evidence is decoded in one json.loads (see `_json_lists`)


def sources_of(conn: Connection, table: Any, owner: Any, ids: Sequence[str]) -> dict[str, list[Evidence]]:
    """Return the evidence of each owner id, in the order the reports arrived.

    Args:
        conn: an open connection.
        table: `event_reports` or `mechanism_reports`.
        owner: its column naming the event or mechanism a report is about.
        ids: the events or mechanisms whose sources to return.

    Why shaped this way: every analysis starts by reading all events with their sources,
    and most of that time went to Python, not SQL. On a SQLite store of 9,495 events with
    222,117 sources, `Store.events()` took 3.2 s and now takes 1.3 s (52,599 events with
    53,081 sources: 2.9 s, now 0.9 s; PostgreSQL, 20,981 events: 1.5 s, now 0.44 s; see
    bench/README.md, "Analyses"). What changed, each measured in its own docstring: the
    reports of most owners are read in one pass (`_report_batches`); the evidence is read
    as text, skipping SQLAlchemy's JSON processing of each row, and decoded a batch of
    reports at a time (`_json_lists`); each `Evidence` is built without the frozen
    dataclass's `__init__` (`stored_evidence`); event rows are unpacked, not read by
    attribute (`EVENT_COLUMNS`); and the callers pause the garbage collector while they
    build (`paused_gc`), which saved the most.
    """
    out: dict[str, list[Evidence]] = {}
    for batch in _report_batches(conn, table, owner, ids):
        decoded = _json_lists([stored for _, _, stored in batch])
        for (owner_id, document_id, _), evidences in zip(batch, decoded, strict=True):
            sources = out.get(owner_id)
            if sources is None:
                sources = out[owner_id] = []
            sources.extend(
                [stored_evidence(document_id, e["quote"], e["start"], e["end"]) for e in evidences]
            )
    return out


def _report_batches(conn: Connection, table: Any, owner: Any, ids: Sequence[str]) -> Iterator[Sequence[Any]]:
    """Yield the reports of `ids` as (owner id, document id, evidence text), in batches, in report order.

    Why two ways: looking reports up by their owners' ids, `CHUNK` ids at a time, costs an
    index search per id and a sort per chunk. When `ids` are most of the owners (analyses
    read every event), one pass over the whole table in id order, skipping the others'
    reports, is three times quicker (SQLite, 158,025 reports: 0.25 s instead of 0.76 s);
    a page or a filtered list still looks its few reports up by id.
    """
    reports = select(owner, table.c.document_id, cast(table.c.evidence, Text)).order_by(table.c.id)
    if len(ids) > CHUNK and 2 * len(ids) >= _count_of_owners(conn, owner):
        wanted = set(ids)
        for batch in conn.execute(reports).partitions(_DECODE_BATCH):
            yield [row for row in batch if row[0] in wanted]
        return
    for start in range(0, len(ids), CHUNK):
        chunk = reports.where(owner.in_(ids[start : start + CHUNK]))
        yield from conn.execute(chunk).partitions(_DECODE_BATCH)


def _count_of_owners(conn: Connection, owner: Any) -> int:
    "Return how many rows the table that `owner` references holds (events or mechanisms)."
    [foreign_key] = owner.foreign_keys
    return int(conn.execute(select(func.count()).select_from(foreign_key.column.table)).scalar_one())


def _json_lists(texts: Sequence[str]) -> list[Any]:
    """Return each JSON text decoded, in order.

    Why one `json.loads` of the texts joined into one array: each call costs more than
    decoding one report's evidence (setting up, checking whitespace); decoding 158,025
    reports took 0.33 s in batches of 1,000, 0.60 s one by one.
    """
    return json.loads("[" + ",".join(texts) + "]")  # type: ignore[no-any-return]


_new = object.__new__
_SET_DOCUMENT, _SET_QUOTE, _SET_START, _SET_END = (
    Evidence.__dict__[name].__set__ for name in ("document", "quote", "start", "end")
)


def stored_evidence(document: str, quote: str, start: int, end: int) -> Evidence:
    """Return `Evidence(document=document, quote=quote, start=start, end=end)`, built 2.4× faster.

    Why: a frozen dataclass's `__init__` sets each field through `object.__setattr__`
    (to get past its own refusing `__setattr__`), 1.1 µs per `Evidence`; setting the four
    slots through their descriptors gives the same object in 0.46 µs, and a store holds
    hundreds of thousands of sources. Valid while `Evidence` has exactly these fields and
    no `__post_init__` (tests/test_store.py checks that both ways give equal objects).
    """
    evidence = _new(Evidence)
    _SET_DOCUMENT(evidence, document)
    _SET_QUOTE(evidence, quote)
    _SET_START(evidence, start)
    _SET_END(evidence, end)
    return evidence


_ev = s.events.c
# The columns of `events` that `event_of` reads, in the order it unpacks them: unpacking
# a row is quicker than reading its attributes (1.3 µs each, 14 per event, against 0.08 µs
# for an index). The JSON columns are read as text, for the reason given in `sources_of`.
EVENT_COLUMNS = (
    _ev.id,
    _ev.kind,
    _ev.status,
    _ev.parties_key,
    _ev.date,
    _ev.date_end,
    _ev.city,
    _ev.country,
    _ev.ordinal,
    cast(_ev.people, Text).label("people"),
    cast(_ev.topics, Text).label("topics"),
    _ev.mechanism_id,
    _ev.confidence,
    cast(_ev.conflicts, Text).label("conflicts"),
)


def event_of(row: Sequence[Any], sources: Mapping[str, Sequence[Evidence]]) -> Event:
    "Return the model object of a stored event row (of `EVENT_COLUMNS`), with its `sources`."
    (
        id,
        kind,
        status,
        parties_key,
        date,
        date_end,
        city,
        country,
        ordinal,
        people,
        topics,
        mechanism,
        confidence,
        conflicts,
    ) = row
    return Event(
        id=id,
        kind=kind,
        status=status,
        parties=split_parties(parties_key),
        date=date,
        date_end=date_end,
        location=Location(city=city, country=country) if city or country else None,
        ordinal=ordinal,
        people=tuple(
            Person(name=p["name"], country=p.get("country"), role=p.get("role")) for p in _json_list(people)
        ),
        topics=tuple(_json_list(topics)),
        mechanism=mechanism,
        confidence=confidence,
        sources=tuple(sources.get(id, ())),
        conflicts=tuple(_json_list(conflicts)),
    )


def _json_list(stored: str) -> list[Any]:
    "Return a JSON list stored as text; most are empty, and `[]` is not worth a `json.loads`."
    return [] if stored == "[]" else json.loads(stored)


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while a reading method builds its model objects.

    Why: reading every event allocates hundreds of thousands of tracked objects (events,
    evidence, tuples), and every 700 allocations started a collection, the older ones
    walking every live object, the caller's included. Pausing it made `Store.events()`
    1.3 s instead of 3.1 s on 9,495 events with 222,117 sources (1.0 s instead of 1.7 s on
    52,599 events); one collection walks the new objects once when it resumes. It resumes
    only if it was running before; another thread sees it paused only that long.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def mechanism_of(row: Row[Any], sources: Sequence[Evidence]) -> Mechanism:
    "Return the model object of a stored mechanism row."
    return Mechanism(
        id=row.id,
        kind=row.kind,
        status=row.status,
        parties=split_parties(row.parties_key),
        name=row.name,
        confidence=row.confidence,
        sources=tuple(sources),
    )


def document_of(row: Row[Any], *, with_text: bool) -> dict[str, Any]:
    "Return a stored document row as a dict."
    out = {
        key: row._mapping[key]
        for key in ("id", "label", "source", "url", "title", "published", "content_hash", "versions")
    }
    if with_text:
        out["text"] = row.text
    return out


def evidence_dict(evidence: Evidence) -> dict[str, Any]:
    "Return the stored form of an evidence (its document is the report's)."
    return {"quote": evidence.quote, "start": evidence.start, "end": evidence.end}
