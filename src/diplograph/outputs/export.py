"""Exports in the formats the field reads: tables, networks and PLOVER event records.

Input: a `Store` (read through its public methods and `graph.py`'s readers) and
a target path or file object. Output:

- events and mechanisms as CSV or Parquet (`export_events`, `export_mechanisms`);
- the partnership network as GraphML or GEXF (`export_network`), for Gephi,
  Cytoscape, igraph or networkx;
- events as PLOVER JSON records, one per line (JSONL) or as one array, or as a
  flat table with POLECAT's column names (`export_plover`).

Why these formats: analysts load events into pandas/R/DuckDB (Parquet keeps
list columns and types; CSV opens in a spreadsheet), networks into Gephi (GEXF)
or any graph library (GraphML), and compare with machine-coded event data in
PLOVER/POLECAT. The PLOVER mapping is documented, with its reasons, in
`docs/exports.md`; its one rule that matters most is that a planned, proposed or
predicted meeting is never coded as a meeting (`plover_record`).

Why batches: events are read from the store a page at a time and written as they
come (a CSV row or a Parquet row group per page), so exporting 100,000 events
never holds them all as Python objects.

The format comes from `format=` or else from the file name's extension; an
unknown one raises `InvalidQuery` naming the formats that exist.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import json
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import IO, Any, cast

import networkx as nx
import pyarrow as pa
import pyarrow.parquet as pq

from diplograph.analysis import graph, registry, timeline
from diplograph.errors import InvalidQuery
from diplograph.extract.gazetteer import load_gazetteer
from diplograph.models import Event, Evidence, Mechanism
from diplograph.store import Store
from diplograph.vocab import EventKind, EventStatus

Target = str | os.PathLike[str] | IO[str] | IO[bytes]

TABLE_FORMATS = ("csv", "parquet")
NETWORK_FORMATS = ("graphml", "gexf")
PLOVER_FORMATS = ("jsonl", "json", "tsv")
BATCH = 2000  # events read from the store and written per batch
LIST_SEPARATOR = "|"  # how CSV writes a list column


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Which events an export writes: the filters of `diplograph events`, plus reference facts.

    `party` requires all of its codes; `kind` and `status` keep any of theirs (empty = all);
    `since`/`until` are partial ISO dates; `include_reference=False` drops events known only
    from `reference:` documents.
    """

    party: tuple[str, ...] = ()
    kind: tuple[str, ...] = ()
    status: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None
    include_reference: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {
            "party": list(self.party),
            "kind": list(self.kind),
            "status": list(self.status),
            "since": self.since,
            "until": self.until,
            "include_reference": self.include_reference,
        }


# ── formats and targets ──────────────────────────────────────────────────────


def format_of(target: Target, format: str | None, allowed: Sequence[str]) -> str:
    """Return the export format: `format` if given, else the target file's extension.

    Raises:
        InvalidQuery: the format is not one of `allowed`, or it cannot be told (a file
            object without `format=`, or a file name without a known extension).
    """
    if format is None:
        if not isinstance(target, str | os.PathLike):
            raise InvalidQuery(f"writing to a file object needs format=; use one of: {', '.join(allowed)}")
        suffix = Path(target).suffix.lower().lstrip(".")
        format = {"parq": "parquet", "pq": "parquet", "ndjson": "jsonl"}.get(suffix, suffix)
        if format not in allowed:
            raise InvalidQuery(
                f"cannot tell the format of {os.fspath(target)!r} from its extension; "
                f"name the file .{' / .'.join(allowed)} or choose a format"
            )
    format = format.lower()
    if format not in allowed:
        raise InvalidQuery(f"unknown export format {format!r}; use one of: {', '.join(allowed)}")
    return format


@contextmanager
def _text(target: Target) -> Iterator[IO[str]]:
    "Open a path for writing text, or use (or wrap) a file object the caller owns."
    if isinstance(target, str | os.PathLike):
        with open(target, "w", encoding="utf-8", newline="") as handle:
            yield handle
    elif isinstance(target, io.TextIOBase):
        yield target
    else:
        wrapper = io.TextIOWrapper(cast(IO[bytes], target), encoding="utf-8", newline="")
        try:
            yield wrapper
        finally:
            wrapper.flush()
            wrapper.detach()


@contextmanager
def _binary(target: Target) -> Iterator[IO[bytes]]:
    "Open a path for writing bytes, or use a binary file object the caller owns."
    if isinstance(target, str | os.PathLike):
        with open(target, "wb") as handle:
            yield handle
    elif isinstance(target, io.TextIOBase):
        raise InvalidQuery("this format is binary: pass a path or a file opened in binary mode ('wb')")
    else:
        yield target  # type: ignore[misc]


# ── reading in batches ───────────────────────────────────────────────────────


def event_batches(
    store: Store, query: EventQuery = EventQuery(), batch: int = BATCH
) -> Iterator[list[Event]]:
    """Yield the events `query` selects, in date order (undated last), `batch` at a time.

    Raises:
        InvalidQuery: a date filter is not a partial ISO date.
    """
    offset = 0
    while True:
        page = store.events(
            party=list(query.party) or None,
            kind=list(query.kind) or None,
            status=list(query.status) or None,
            since=query.since,
            until=query.until,
            limit=batch,
            offset=offset,
        )
        kept = [e for e in page if query.include_reference or not graph.is_reference_only(e.sources)]
        if kept:
            yield kept
        if len(page) < batch:
            return
        offset += batch


# ── events and mechanisms as tables ──────────────────────────────────────────

_STR = pa.string()
_LIST = pa.list_(pa.string())
_PERSON = pa.struct([("name", _STR), ("country", _STR), ("role", _STR)])
_EVIDENCE = pa.struct([("document", _STR), ("quote", _STR), ("start", pa.int64()), ("end", pa.int64())])

EVENT_SCHEMA = pa.schema(
    [
        ("id", _STR),
        ("kind", _STR),
        ("status", _STR),
        ("parties", _LIST),
        ("date", _STR),
        ("date_end", _STR),
        ("city", _STR),
        ("country", _STR),
        ("ordinal", pa.int64()),
        ("people", pa.list_(_PERSON)),
        ("topics", _LIST),
        ("mechanism", _STR),
        ("confidence", pa.float64()),
        ("quote", _STR),
        ("document", _STR),
        ("source_count", pa.int64()),
        ("sources", pa.list_(_EVIDENCE)),
        ("reference_only", pa.bool_()),
        ("conflicts_json", _STR),
    ]
)

MECHANISM_SCHEMA = pa.schema(
    [
        ("id", _STR),
        ("kind", _STR),
        ("status", _STR),
        ("parties", _LIST),
        ("name", _STR),
        ("known", _STR),
        ("confidence", pa.float64()),
        ("sessions", pa.int64()),
        ("first", _STR),
        ("last", _STR),
        ("cadence", _STR),
        ("secretariat", pa.bool_()),
        ("quote", _STR),
        ("document", _STR),
        ("source_count", pa.int64()),
        ("sources", pa.list_(_EVIDENCE)),
        ("reference_only", pa.bool_()),
    ]
)


def event_row(event: Event) -> dict[str, Any]:
    """Return an event as one table row: lists stay lists, evidence is the best quote plus every source."""
    first = timeline.best_evidence(event)
    return {
        "id": event.id,
        "kind": event.kind,
        "status": event.status,
        "parties": list(event.parties),
        "date": event.date,
        "date_end": event.date_end,
        "city": event.location.city if event.location else None,
        "country": event.location.country if event.location else None,
        "ordinal": event.ordinal,
        "people": [p.to_dict() for p in event.people],
        "topics": list(event.topics),
        "mechanism": event.mechanism,
        "confidence": round(event.confidence, 3),
        **_evidence_columns(first, event.sources),
        "conflicts_json": json.dumps([dict(c) for c in event.conflicts], ensure_ascii=False)
        if event.conflicts
        else None,
    }


def mechanism_row(mechanism: Mechanism, record: registry.MechanismRecord | None = None) -> dict[str, Any]:
    """Return a mechanism as one table row, with its sessions counted when the registry `record` is given."""
    return {
        "id": mechanism.id,
        "kind": mechanism.kind,
        "status": mechanism.status,
        "parties": list(mechanism.parties),
        "name": (record.name if record else None) or mechanism.name,
        "known": record.known if record else None,
        "confidence": round(mechanism.confidence, 3),
        "sessions": record.sessions if record else None,
        "first": record.first if record else None,
        "last": record.last if record else None,
        "cadence": record.cadence if record else None,
        "secretariat": record.secretariat.has if record else None,
        **_evidence_columns(mechanism.sources[0] if mechanism.sources else None, mechanism.sources),
    }


def _evidence_columns(first: Evidence | None, sources: Sequence[Evidence]) -> dict[str, Any]:
    return {
        "quote": first.quote if first else None,
        "document": first.document if first else None,
        "source_count": len(sources),
        "sources": [s.to_dict() for s in sources],
        "reference_only": graph.is_reference_only(sources),
    }


def export_events(
    store: Store, target: Target, *, query: EventQuery = EventQuery(), format: str | None = None
) -> int:
    """Write the events `query` selects as CSV or Parquet; return how many were written.

    Parquet keeps `parties`/`topics` as list columns, `people` and `sources` as lists of
    structs. CSV joins lists with "|" and writes `people` and `sources` as JSON.

    Raises:
        InvalidQuery: unknown format, or a bad date filter.
    """
    fmt = format_of(target, format, TABLE_FORMATS)
    rows = ([event_row(e) for e in batch] for batch in event_batches(store, query))
    return _write_table(rows, target, fmt, EVENT_SCHEMA)


def export_mechanisms(
    store: Store,
    target: Target,
    *,
    party: Sequence[str] = (),
    kind: Sequence[str] = (),
    status: Sequence[str] = (),
    include_reference: bool = True,
    format: str | None = None,
) -> int:
    """Write stored mechanisms as CSV or Parquet, each with its sessions, first and last, cadence.

    Raises:
        InvalidQuery: unknown format.
    """
    fmt = format_of(target, format, TABLE_FORMATS)
    mechanisms = store.mechanisms(
        party=list(party) or None, kind=list(kind) or None, status=list(status) or None
    )
    mechanisms = [m for m in mechanisms if include_reference or not graph.is_reference_only(m.sources)]
    records = {  # a mechanism stored in several rows is one record, under each of its ids
        i: r for r in registry.mechanism_registry(store, include_reference=include_reference) for i in r.ids
    }
    rows = [mechanism_row(m, records.get(m.id)) for m in mechanisms]
    return _write_table(iter([rows]), target, fmt, MECHANISM_SCHEMA)


def _write_table(batches: Iterator[list[dict[str, Any]]], target: Target, fmt: str, schema: pa.Schema) -> int:
    "Write batches of rows as one CSV or Parquet table (a row group per batch); return the row count."
    count = 0
    if fmt == "parquet":
        with _binary(target) as handle, pq.ParquetWriter(handle, schema) as writer:
            for rows in batches:
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                count += len(rows)
            if count == 0:
                writer.write_table(schema.empty_table())
        return count
    with _text(target) as text:
        table = csv.DictWriter(text, fieldnames=schema.names)
        table.writeheader()
        for rows in batches:
            table.writerows(_csv_cells(row) for row in rows)
            count += len(rows)
    return count


def _csv_cells(row: Mapping[str, Any]) -> dict[str, Any]:
    "Flatten a row for CSV: lists of strings joined by '|', lists of records as JSON, None as empty."
    out: dict[str, Any] = {}
    for key, value in row.items():
        if isinstance(value, list):
            if all(isinstance(v, str) for v in value):
                value = LIST_SEPARATOR.join(value)
            else:
                value = json.dumps(value, ensure_ascii=False)
        elif isinstance(value, bool):
            value = "true" if value else "false"
        out[key] = "" if value is None else value
    return out


# ── the network ──────────────────────────────────────────────────────────────


def export_network(
    store: Store,
    target: Target,
    *,
    filters: graph.Filters | None = None,
    hub: str | None = None,
    format: str | None = None,
) -> nx.Graph:
    """Write the partnership network (or a hub's ego network) as GraphML or GEXF; return the graph written.

    Attributes are scalars (strings and integers; dates as ISO strings, "" when
    undated) so that Gephi, Cytoscape and igraph read them; each node gets a
    `label` (the state's name), which Gephi shows.

    Raises:
        InvalidQuery: unknown format, a bad filter, or a hub without partners.
    """
    fmt = format_of(target, format, NETWORK_FORMATS)
    g = network_for_export(graph.partnership_graph(store, filters or graph.Filters(), hub=hub))
    with _binary(target) as handle:
        if fmt == "gexf":
            nx.write_gexf(g, handle)
        else:
            nx.write_graphml(g, handle)
    return g


def network_for_export(g: nx.Graph) -> nx.Graph:
    """Return a copy of `g` ready to write: node labels, graph attributes as plain strings."""
    out = g.copy()
    for node, name in out.nodes(data="name"):
        out.nodes[node]["label"] = name or node
    out.graph = {key: str(value) for key, value in out.graph.items()}
    return out


# ── PLOVER ───────────────────────────────────────────────────────────────────

CONSULT, AGREE, SUPPORT, COOPERATE = "CONSULT", "AGREE", "SUPPORT", "COOPERATE"
QUAD = {CONSULT: 1, AGREE: 1, SUPPORT: 1, COOPERATE: 2}  # 1 verbal, 2 material cooperation
QUAD_NAMES = {1: "VERBAL COOPERATION", 2: "MATERIAL COOPERATION"}
MEETINGS = frozenset(
    {
        EventKind.TWO_PLUS_TWO,
        EventKind.FOREIGN_MINISTERS,
        EventKind.DEFENCE_MINISTERS,
        EventKind.SUMMIT,
        EventKind.BILATERAL_TALKS,
    }
)
# The PLOVER event type of each kind *when it happened* (docs/exports.md gives the reasons).
OCCURRED_TYPE: dict[str, str] = {
    **{kind: CONSULT for kind in MEETINGS},
    EventKind.AGREEMENT: SUPPORT,
    EventKind.EXERCISE: COOPERATE,
    EventKind.INSTITUTION: COOPERATE,
}
KIND_CONTEXTS: dict[str, tuple[str, ...]] = {
    EventKind.TWO_PLUS_TWO: ("diplomatic", "military"),
    EventKind.FOREIGN_MINISTERS: ("diplomatic",),
    EventKind.DEFENCE_MINISTERS: ("military",),
    EventKind.SUMMIT: ("diplomatic",),
    EventKind.BILATERAL_TALKS: ("diplomatic",),
    EventKind.AGREEMENT: ("diplomatic",),
    EventKind.EXERCISE: ("military",),
    EventKind.INSTITUTION: ("diplomatic", "political_institutions"),
}
# Our topics that name a PLOVER context; the others (security, maritime, culture...) have none.
TOPIC_CONTEXTS = {
    "defence": "military",
    "counter-terrorism": "terrorism",
    "trade": "economic",
    "transport": "economic",
    "energy": "resource",
    "digital": "cyber",
}
# The special context that marks what has not happened.
STATUS_CONTEXT: dict[str, str] = {
    EventStatus.PLANNED: "future",
    EventStatus.PROPOSED: "hypothetical",
    EventStatus.PREDICTED: "hypothetical",
}
ROLE_SECTOR = {
    "defence minister": "GOV",
    "foreign minister": "GOV",
    "head of state": "GOV",
    "head of government": "GOV",
}
CODEBOOK = "PLOVER v0.8"


def plover_type(event: Event) -> str:
    """Return the PLOVER event type: what happened, or AGREE (an intention) for what has not.

    PLOVER codes "cooperative actions reported in future tense" as intentions
    (AGREE), like CAMEO 036 "express intent to meet": a planned 2+2 is not a
    consultation, a proposed exercise is not military cooperation.
    """
    if event.status != EventStatus.OCCURRED:
        return AGREE
    return OCCURRED_TYPE.get(event.kind, CONSULT)


def plover_mode(event: Event) -> str | None:
    """Return the CONSULT mode: `multilateral` (3+ parties), `visit` (a party hosts), `third-party`, or None.

    Only meetings that happened have a mode: AGREE, SUPPORT and COOPERATE have none in v0.8.
    """
    if plover_type(event) != CONSULT:
        return None
    if len(event.parties) >= 3:
        return "multilateral"
    country = event.location.country if event.location else None
    if country is None:
        return None
    return "visit" if country in event.parties else "third-party"


def plover_contexts(event: Event) -> list[str]:
    """Return the PLOVER contexts: the kind's, the topics', and `future`/`hypothetical` for what has not happened."""
    contexts = [*KIND_CONTEXTS.get(event.kind, ("diplomatic",))]
    contexts += [TOPIC_CONTEXTS[t] for t in event.topics if t in TOPIC_CONTEXTS]
    if event.status in STATUS_CONTEXT:
        contexts.append(STATUS_CONTEXT[event.status])
    return list(dict.fromkeys(contexts))


def plover_record(
    event: Event,
    documents: Mapping[str, Mapping[str, Any]] | None = None,
    *,
    state_names: Mapping[str, str] | None = None,
    coded_date: str | None = None,
) -> dict[str, Any]:
    """Return an event as a PLOVER v0.8 JSON record, with our own fields under `diplograph_*`.

    - `event`/`quad_code`/`mode`/`context` follow `plover_type`, `plover_mode` and
      `plover_contexts`; a predicted event has `has_event: false` (no actor did or
      said anything: an observer forecast it).
    - `date` is always a day (`plover_date`): the day the event happened, or, when the
      event is undated, the day its story was published (what POLECAT's coder does);
      for what has not happened, the day the intention or forecast was first reported.
      `diplograph_date_basis` says which ("event" or "published") and
      `diplograph_date_precision` how much of it is known ("day", "month", "year": a
      month or year is filled to its first day); the event's own date stays in
      `diplograph_date`. Call it only for events `plover_date` can date.
    - `source`/`recipient`: in a visit the host is the recipient and the visitors the
      source; otherwise every party is a source (PLOVER's rule when host and visitor
      are unclear). People are actors with their country and `office`.
    - `text`, `text_info` (offsets) and `cite_info` (document, url, title) come from
      the quote that best states the event.
    """
    documents = documents or {}
    names = state_names or {}
    date = plover_date(event, documents)
    best = timeline.best_evidence(event)
    doc = documents.get(best.document, {}) if best else {}
    mode = plover_mode(event)
    host = event.location.country if mode == "visit" and event.location else None
    sector = "MIL" if event.kind == EventKind.EXERCISE else "GOV"
    actors = {code: _actors_of(event, code, names, sector) for code in event.parties}
    record: dict[str, Any] = {
        "id": event.id,
        "date": date.day if date else None,
        "enddate": _full_date(event.date_end) if event.status == EventStatus.OCCURRED else None,
        "source": [a for code, group in actors.items() if code != host for a in group],
        "recipient": actors.get(host, []) if host else [],
        "event": [plover_type(event)],
        "has_event": event.status != EventStatus.PREDICTED,
        "quad_code": QUAD[plover_type(event)],
        "mode": [mode] if mode else [],
        "context": plover_contexts(event),
        "event_loc": _event_loc(event, names),
        "text": best.quote if best else None,
        "text_info": {"start": best.start, "end": best.end} if best else None,
        "cite_info": {
            "corpus": "diplograph",
            "citation": best.document if best else None,
            "url": doc.get("url"),
            "title": doc.get("title"),
            "codebook": CODEBOOK,
        },
        "coder": f"diplograph {_version()}",
        "coded_date": coded_date or dt.date.today().isoformat(),
        "language": "en",
        "diplograph_kind": event.kind,
        "diplograph_status": event.status,
        "diplograph_date": event.date,
        "diplograph_date_basis": date.basis if date else None,
        "diplograph_date_precision": date.precision if date else None,
        "diplograph_date_end": event.date_end,
        "diplograph_mechanism": event.mechanism,
        "diplograph_ordinal": event.ordinal,
        "diplograph_topics": list(event.topics),
        "diplograph_confidence": round(event.confidence, 3),
        "diplograph_parties": list(event.parties),
        "diplograph_sources": [s.to_dict() for s in event.sources],
        "diplograph_conflicts": [dict(c) for c in event.conflicts],
    }
    return record


def _actors_of(event: Event, code: str, names: Mapping[str, str], sector: str) -> list[dict[str, Any]]:
    "The actor objects of one party: its people (with `office`), or the state itself when none is named."
    people = [p for p in event.people if p.country == code]
    if not people:
        return [{"code": code, "sector": sector, "actor_text": names.get(code, code)}]
    return [
        {"code": code, "sector": ROLE_SECTOR.get(p.role or "", "GOV"), "actor_text": p.name, "office": p.role}
        for p in people
    ]


def _event_loc(event: Event, names: Mapping[str, str]) -> dict[str, Any] | None:
    "GeoNames-style fields: the city as `name`, the country as `cc3` (and its name)."
    location = event.location
    if location is None or (location.city is None and location.country is None):
        return None
    return {
        "name": location.city or names.get(location.country or "", location.country),
        "cc3": location.country,
        "country": names.get(location.country or "", location.country) if location.country else None,
    }


@dataclass(frozen=True, slots=True)
class PloverDate:
    """A record's `date`: a full day, what it was read from, and how much of it the source gave."""

    day: str  # YYYY-MM-DD, as PLOVER requires
    basis: str  # "event": the event's own date; "published": its story's publication date
    precision: str  # "day", "month" or "year": a month or a year is filled to its first day


_PRECISION = {4: "year", 7: "month", 10: "day"}


def plover_date(event: Event, documents: Mapping[str, Mapping[str, Any]]) -> PloverDate | None:
    """Return the date a PLOVER record of `event` carries, or None when nothing dates it.

    What happened is dated by the event, and when the event is undated by the first
    publication of a story that reports it (it happened by then; NGEC, POLECAT's coder,
    falls back the same way). What has not happened is dated by its first report, since
    that is the act an AGREE record codes; failing that, by the date it is planned for.
    """
    published = sorted(
        str(p) for s in event.sources if (p := documents.get(s.document, {}).get("published")) is not None
    )
    reported = ("published", published[0]) if published else None
    own = ("event", event.date) if event.date else None
    happened = event.status == EventStatus.OCCURRED
    chosen = (own or reported) if happened else (reported or own)
    if chosen is None:
        return None
    basis, value = chosen
    day = _full_date(value)
    assert day is not None
    return PloverDate(day, basis, _PRECISION.get(len(value), "day"))


def _full_date(value: str | None) -> str | None:
    "A partial ISO date as YYYY-MM-DD (a missing month or day is the first), as PLOVER requires."
    if not value:
        return None
    parts = [*value.split("-"), "01", "01"]
    return "-".join(parts[:3]) if len(value) < 10 else value


@functools.cache
def _version() -> str:
    try:
        return metadata.version("diplograph")
    except metadata.PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "dev"


def _offices(actors: Sequence[Mapping[str, Any]]) -> str:
    "The actors' offices ';'-joined in actor order, or empty when no actor has one."
    offices = [a.get("office") or "" for a in actors]
    return ";".join(offices) if any(offices) else ""


POLECAT_COLUMNS: tuple[tuple[str, Callable[[dict[str, Any]], Any]], ...] = (
    ("Event ID", lambda r: r["id"]),
    ("Event Date", lambda r: r["date"]),
    ("Event Type", lambda r: ";".join(r["event"])),
    ("Event Mode", lambda r: ";".join(r["mode"])),
    ("Quad Code", lambda r: QUAD_NAMES[r["quad_code"]]),
    ("Contexts", lambda r: ";".join(r["context"])),
    ("Actor Name", lambda r: ";".join(a["actor_text"] for a in r["source"])),
    ("Actor Country", lambda r: ";".join(a["code"] for a in r["source"])),
    ("Primary Actor Sector", lambda r: r["source"][0]["sector"] if r["source"] else ""),
    ("Actor Title", lambda r: _offices(r["source"])),
    ("Recipient Name", lambda r: ";".join(a["actor_text"] for a in r["recipient"])),
    ("Recipient Country", lambda r: ";".join(a["code"] for a in r["recipient"])),
    ("Recipient Title", lambda r: _offices(r["recipient"])),
    ("City", lambda r: (r["event_loc"] or {}).get("name") if (r["event_loc"] or {}).get("name") else ""),
    ("Country", lambda r: (r["event_loc"] or {}).get("cc3") or ""),
    ("Source", lambda r: r["cite_info"]["url"] or r["cite_info"]["citation"]),
    ("Headline", lambda r: r["cite_info"]["title"]),
    ("Event Text", lambda r: r["text"]),
    ("Story ID", lambda r: r["cite_info"]["citation"]),
    ("Version", lambda r: r["coder"]),
    ("diplograph_kind", lambda r: r["diplograph_kind"]),
    ("diplograph_status", lambda r: r["diplograph_status"]),
    ("diplograph_date", lambda r: r["diplograph_date"]),
    ("diplograph_date_basis", lambda r: r["diplograph_date_basis"]),
    ("diplograph_date_precision", lambda r: r["diplograph_date_precision"]),
    ("diplograph_mechanism", lambda r: r["diplograph_mechanism"]),
    ("diplograph_ordinal", lambda r: r["diplograph_ordinal"]),
    ("diplograph_has_event", lambda r: "true" if r["has_event"] else "false"),
)


def polecat_row(record: dict[str, Any]) -> dict[str, Any]:
    """Return a PLOVER record flattened into POLECAT's distributed column names (multiple actors ';'-joined)."""
    return {name: ("" if (value := get(record)) is None else value) for name, get in POLECAT_COLUMNS}


@dataclass(frozen=True, slots=True)
class PloverExport:
    """What `export_plover` wrote: the number of records, and the events left out for want of any date."""

    records: int
    undated: tuple[str, ...]  # ids of events with neither a date nor a dated story

    def to_dict(self) -> dict[str, Any]:
        return {"records": self.records, "undated": list(self.undated)}


def export_plover(
    store: Store,
    target: Target,
    *,
    query: EventQuery = EventQuery(),
    format: str | None = None,
    coded_date: str | None = None,
) -> PloverExport:
    """Write events as PLOVER records: JSONL (one per line), a JSON array, or a POLECAT-style TSV.

    Every record has a `date` (PLOVER requires one; `plover_date` says which): an event
    with neither a date nor a story with a publication date is left out, and counted.

    Raises:
        InvalidQuery: unknown format, or a bad date filter.
    """
    fmt = format_of(target, format, PLOVER_FORMATS)
    documents = {d["id"]: d for d in store.documents()}
    names = _state_names()
    coded = coded_date or dt.date.today().isoformat()
    count = 0
    undated: list[str] = []
    with _text(target) as handle:
        writer = (
            csv.DictWriter(handle, [c for c, _ in POLECAT_COLUMNS], delimiter="\t") if fmt == "tsv" else None
        )
        if writer is not None:
            writer.writeheader()
        if fmt == "json":
            handle.write("[")
        for batch in event_batches(store, query):
            for event in batch:
                if plover_date(event, documents) is None:
                    undated.append(event.id)
                    continue
                record = plover_record(event, documents, state_names=names, coded_date=coded)
                if writer is not None:
                    writer.writerow(polecat_row(record))
                elif fmt == "json":
                    handle.write(("," if count else "") + "\n" + json.dumps(record, ensure_ascii=False))
                else:
                    handle.write(json.dumps(record, ensure_ascii=False) + "\n")
                count += 1
        if fmt == "json":
            handle.write("\n]\n")
    return PloverExport(count, tuple(undated))


def _state_names() -> dict[str, str]:
    return {code: state.name for code, state in load_gazetteer().states.items()}
