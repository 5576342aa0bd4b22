"""The SQL side of reconciliation: fold each document's reports into stored events and mechanisms.

Input: an article's mechanisms and the reports its extracted events make
(`reconcile.Report`), inside the article's write transaction. Output: the stored
candidate events of each report (`reconcile.Candidate`), the one it joins
(`matching_event`) or the id of a new event (`new_event_id`); the article's mechanisms
and their reports (`save_mechanisms`); and events and mechanisms recomputed from their
reports (`refold_event`, `refold_mechanism`), also when a changed document withdraws its
whole contribution (`withdraw`).

Why split from `diplograph.store.reconcile`: the rules (when two reports are one event, how
their attributes fold) are pure functions there, easier to read, test and tune; this
module only fetches what they need with few, indexed queries. The look-ups are built
around the cost of a long ingest: candidates are found by (kind, parties key, year),
one index search each, and an event folds one new report into its saved fold state
instead of reading all its reports again.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import itertools
import json
import logging
import math
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    Connection,
    Select,
    Text,
    and_,
    bindparam,
    delete,
    func,
    or_,
    select,
    type_coerce,
    update,
)

from diplograph.models import Event, Extraction, Mechanism
from diplograph.store import schema as s
from diplograph.store.reconcile import (
    JACCARD_MIN,
    MIN_JACCARD_PARTIES,
    NEAR,
    Candidate,
    EventFold,
    Report,
    best_candidate,
    combined_confidence,
    match_rank,
    parties_key,
    report_year,
    split_parties,
    status_family,
)
from diplograph.store.reviews import apply_review
from diplograph.store.rows import evidence_dict
from diplograph.store.statements import EVENT_PARTIES_KEY, INSERT, UPDATE_EVENT

logger = logging.getLogger(__name__)


@dataclass(slots=True)
class Batch:
    """One save's candidate events, and its new rows, inserted with one executemany per table.

    The rows are flushed before anything reads them back (a refold) and at the end;
    until then `known` stands in for them in matching.
    """

    known: dict[str, Candidate]
    events: list[dict[str, Any]] = field(default_factory=list)
    parties: list[dict[str, Any]] = field(default_factory=list)
    reports: list[dict[str, Any]] = field(default_factory=list)
    folds: list[dict[str, Any]] = field(default_factory=list)
    # The original's events when the article is a near-duplicate (tried first, see `matching_event`).
    copy_of: list[Candidate] = field(default_factory=list)

    def flush(self, conn: Connection) -> None:
        """Insert the pending rows, events first (the others refer to them)."""
        for table, rows in (
            (s.events, self.events),
            (s.event_parties, self.parties),
            (s.event_reports, self.reports),
            (s.event_folds, self.folds),
        ):
            if rows:
                conn.execute(INSERT[table.name], rows)
                rows.clear()


_REPORT_FIELDS = tuple(f.name for f in dataclasses.fields(Report))  # "document" first, "published" second
REPORT_COLUMNS = _REPORT_FIELDS[2:]  # the others are event_reports columns of the same name
CANDIDATE_FIELDS = tuple(f.name for f in dataclasses.fields(Candidate))  # "id" first

_EVENT_FOLD = select(s.event_folds.c.state).where(s.event_folds.c.event_id == bindparam("b_id"))
_UPDATE_EVENT_FOLD = update(s.event_folds).where(s.event_folds.c.event_id == bindparam("b_id"))
# What a refold reads of each report: every field of `Report` but the evidence (which the fold
# does not use and which was a third of the JSON decoded), people and topics as their JSON text
# (`_load_reports` decodes each distinct text once: most reports repeat a few values).
_FOLDED_JSON = ("people", "topics")
_EVENT_REPORTS = (
    select(
        s.event_reports.c.document_id,
        s.documents.c.published,
        *(
            type_coerce(s.event_reports.c[f], Text) if f in _FOLDED_JSON else s.event_reports.c[f]
            for f in REPORT_COLUMNS
            if f != "evidence"
        ),
    )
    .join(s.documents, s.documents.c.id == s.event_reports.c.document_id)
    .where(s.event_reports.c.event_id == bindparam("b_id"))
    .order_by(s.event_reports.c.id)
)
_MECHANISM_REPORTS = (
    select(s.mechanism_reports.c.document_id, s.mechanism_reports.c.name, s.mechanism_reports.c.confidence)
    .where(s.mechanism_reports.c.mechanism_id == bindparam("b_id"))
    .order_by(s.mechanism_reports.c.id)
)
_UPDATE_MECHANISM = update(s.mechanisms).where(s.mechanisms.c.id == bindparam("b_id"))
_DOCUMENT_EVENTS = (
    select(s.event_reports.c.event_id)
    .where(s.event_reports.c.document_id == bindparam("b_id"))
    .order_by(s.event_reports.c.position)
)
_DOCUMENT_MECHANISMS = (
    select(s.mechanism_reports.c.mechanism_id)
    .where(s.mechanism_reports.c.document_id == bindparam("b_id"))
    .order_by(s.mechanism_reports.c.position)
)
_CANDIDATE_COLUMNS = [s.events.c[f.name] for f in dataclasses.fields(Candidate)]
_PAIRS_PER_QUERY = 8  # (kind, parties) pairs per candidate look-up; an article rarely has more


@functools.cache
def _candidates_query(pairs: int) -> Select[Any]:
    "Return the look-up of stored events by `pairs` (kind, parties key, year range), one index search each."
    ev = s.events.c
    matches = [
        and_(
            ev.kind == bindparam(f"kind{i}"),
            ev.parties_key == bindparam(f"key{i}"),
            ev.year.between(bindparam(f"first{i}"), bindparam(f"last{i}")),
        )
        for i in range(pairs)
    ]
    return select(*_CANDIDATE_COLUMNS).where(or_(*matches))


@functools.cache
def _sessions_query(pairs: int) -> Select[Any]:
    "Return the look-up of stored events by `pairs` (kind, parties key, session number), in any year."
    ev = s.events.c
    matches = [
        and_(
            ev.kind == bindparam(f"kind{i}"),
            ev.parties_key == bindparam(f"key{i}"),
            ev.ordinal == bindparam(f"ordinal{i}"),
        )
        for i in range(pairs)
    ]
    return select(*_CANDIDATE_COLUMNS).where(or_(*matches))


def _overlapping(*conditions: Any) -> Select[Any]:
    "Stored events of a kind whose parties share at least `b_need` of the report's, other conditions given."
    return select(*_CANDIDATE_COLUMNS).where(
        s.events.c.id.in_(
            select(s.event_parties.c.event_id)
            .join(s.events, s.events.c.id == s.event_parties.c.event_id)
            .where(
                s.events.c.kind == bindparam("b_kind"),
                *conditions,
                s.events.c.parties_key != bindparam("b_key"),
                s.events.c.n_parties.between(bindparam("b_min"), bindparam("b_max")),
                s.event_parties.c.party.in_(bindparam("b_parties", expanding=True)),
            )
            .group_by(s.event_parties.c.event_id)
            .having(func.count() >= bindparam("b_need"))
        )
    )


_NEAR_CANDIDATES = _overlapping(s.events.c.year.between(bindparam("b_first"), bindparam("b_last")))
# The same session number in any year (`reconcile.same_session`): "the first summit" in a story
# written years later is still the first summit.
_SESSION_CANDIDATES = _overlapping(s.events.c.ordinal == bindparam("b_ordinal"))


def matching_event(report: Report, batch: Batch) -> Candidate | None:
    """Return the stored event a report joins: for a near-duplicate, the original's events first.

    A copy is the same account of the same events, so its report joins the original's
    event whose date agrees (exactly or within days) under the usual rules, else the one
    original event that the copy's slightly different extraction still fits
    (`dedupe.copy_candidate`); only then is the rest of the store searched.
    """
    if batch.copy_of:
        own = [c for c in batch.copy_of if c.kind == report.kind]
        ranked = [(rank, c) for c in own if (rank := match_rank(report, c)) is not None and rank[0] <= NEAR]
        if ranked:
            return min(ranked, key=lambda pair: pair[0])[1]
        from diplograph.extract import dedupe  # numpy: only when an article is saved, never on reads

        copy_id = dedupe.copy_candidate(
            report.kind,
            report.status,
            status_family(report.status),
            split_parties(report.parties_key),
            report.date,
            ((c.id, c.kind, c.status, split_parties(c.parties_key), c.date) for c in own),
        )
        if copy_id is not None:
            return batch.known[copy_id]
    return best_candidate(report, (c for c in batch.known.values() if c.kind == report.kind))


def events_of_document(conn: Connection, document_id: str) -> list[Candidate]:
    "Return the stored events a document's reports went into, as matching candidates."
    query = select(*_CANDIDATE_COLUMNS).where(
        s.events.c.id.in_(
            select(s.event_reports.c.event_id).where(s.event_reports.c.document_id == document_id)
        )
    )
    return [Candidate(**row._mapping) for row in conn.execute(query.order_by(s.events.c.id))]


def candidates(conn: Connection, reports: Sequence[Report]) -> dict[str, Candidate]:
    """Return the stored events that have the kind and parties of a report, within a year of it.

    Every event a report can match by date is placed within a year of the report's own year
    (see `date_agreement`), so the look-up stays small however long the story of a pair is.
    A report that numbers its session also finds that session of the pair in any year
    (`reconcile.same_session`).
    """
    keys = [(r.kind, r.parties_key, year) for r in reports if (year := report_year(r)) is not None]
    found = _look_up(conn, _candidates_query, _near_params, list(dict.fromkeys(keys)))
    numbered = [(r.kind, r.parties_key, r.ordinal) for r in reports if r.ordinal is not None]
    found.update(_look_up(conn, _sessions_query, _session_params, list(dict.fromkeys(numbered))))
    return found


def _near_params(i: int, kind: str, key: str, year: int) -> dict[str, Any]:
    return {f"kind{i}": kind, f"key{i}": key, f"first{i}": year - 1, f"last{i}": year + 1}


def _session_params(i: int, kind: str, key: str, ordinal: int) -> dict[str, Any]:
    return {f"kind{i}": kind, f"key{i}": key, f"ordinal{i}": ordinal}


def _look_up(
    conn: Connection,
    query: Callable[[int], Select[Any]],
    params_of: Callable[..., dict[str, Any]],
    keys: Sequence[tuple[Any, ...]],
) -> dict[str, Candidate]:
    "Run a keyed look-up of stored events, `_PAIRS_PER_QUERY` keys per query."
    found: dict[str, Candidate] = {}
    for start in range(0, len(keys), _PAIRS_PER_QUERY):
        chunk = keys[start : start + _PAIRS_PER_QUERY]
        params: dict[str, Any] = {}
        for i, key in enumerate(chunk):
            params.update(params_of(i, *key))
        found.update((row.id, Candidate(**row._mapping)) for row in conn.execute(query(len(chunk)), params))
    return found


def overlapping_candidates(conn: Connection, report: Report) -> list[Candidate]:
    """Return stored events of the report's kind whose (3+) parties may overlap its own by Jaccard ≥ 0.6.

    Those within a year of the report, and those that are the session it numbers, in any year.
    """
    parties = split_parties(report.parties_key)
    # Jaccard ≥ 0.6 needs at least 60 % of our parties shared and a size within [0.6 n, n / 0.6].
    need = math.ceil(round(len(parties) * JACCARD_MIN, 9))
    params = {
        "b_kind": report.kind,
        "b_key": report.parties_key,
        "b_parties": parties,
        "b_need": need,
        "b_min": max(MIN_JACCARD_PARTIES, need),
        "b_max": int(len(parties) / JACCARD_MIN),
    }
    found: list[Candidate] = []
    if (year := report_year(report)) is not None:
        near = {**params, "b_first": year - 1, "b_last": year + 1}
        found += [Candidate(**row._mapping) for row in conn.execute(_NEAR_CANDIDATES, near)]
    if report.ordinal is not None:
        numbered = {**params, "b_ordinal": report.ordinal}
        found += [Candidate(**row._mapping) for row in conn.execute(_SESSION_CANDIDATES, numbered)]
    return found


def report_of(extracted: Event, extraction: Extraction, local_to_stored: Mapping[str, str]) -> Report:
    "Return the report an extracted event makes, its mechanism mapped to the stored id."
    article, location = extraction.article, extracted.location
    mechanism_id = local_to_stored.get(extracted.mechanism) if extracted.mechanism else None
    if extracted.mechanism and mechanism_id is None:
        logger.debug("%s: event %s links unknown mechanism %s", article.id, extracted.id, extracted.mechanism)
    return Report(
        document=article.id,
        published=article.published,
        kind=str(extracted.kind),
        status=str(extracted.status),
        parties_key=parties_key(extracted.parties),
        date=extracted.date,
        date_end=extracted.date_end,
        city=location.city if location else None,
        country=location.country if location else None,
        ordinal=extracted.ordinal,
        people=[p.to_dict() for p in extracted.people],
        topics=sorted(set(extracted.topics)),
        mechanism_id=mechanism_id,
        confidence=extracted.confidence,
        evidence=[evidence_dict(e) for e in extracted.sources],
    )


def new_event_id(conn: Connection, report: Report, taken: set[str]) -> str:
    """Return a new stable id: a hash of the first source's document, kind, status group, parties and date.

    The id is looked up even when it is not among `taken` (the save's candidates): an
    event keeps the id its first report gave it while later reports move its date,
    parties or status, so when that first document is extracted again (after an
    upgrade, or read by another path before ids named content) its report may no
    longer find the event as a candidate, and would otherwise hash to the id the event
    still holds (`UNIQUE constraint failed: events.id`). One primary-key look-up.
    """
    family = status_family(report.status)[0]
    for attempt in itertools.count():
        event_id = "ev_" + _digest(
            report.document,
            report.kind,
            family,
            report.parties_key,
            report.date or "",
            str(attempt) if attempt else "",
        )
        if event_id in taken:
            continue
        if conn.execute(EVENT_PARTIES_KEY, {"b_id": event_id}).first() is None:
            return event_id
    raise AssertionError("unreachable")  # pragma: no cover


def _digest(*parts: str) -> str:
    "Return 16 hex digits of the SHA-1 of the parts (the stable ids of events and mechanisms)."
    return hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:16]


def save_mechanisms(
    conn: Connection, upsert: Any, document_id: str, extracted: Sequence[Mechanism]
) -> tuple[dict[str, str], tuple[str, ...]]:
    "Store the article's mechanisms; return local id → stored id, and the stored id of each."
    local_to_stored: dict[str, str] = {}
    stored: list[str] = []
    created: set[str] = set()
    for position, mechanism in enumerate(extracted):
        key = parties_key(mechanism.parties)
        mechanism_id = "me_" + _digest(mechanism.kind, mechanism.status, key)
        row = {
            "id": mechanism_id,
            "kind": str(mechanism.kind),
            "status": str(mechanism.status),
            "parties_key": key,
            "name": mechanism.name,
            "confidence": combined_confidence([(document_id, mechanism.confidence)]),
        }
        if conn.execute(upsert, row).first() is not None:
            created.add(mechanism_id)
            parties = [{"mechanism_id": mechanism_id, "party": p} for p in split_parties(key)]
            if parties:
                conn.execute(INSERT[s.mechanism_parties.name], parties)
        report = {
            "mechanism_id": mechanism_id,
            "document_id": document_id,
            "position": position,
            "local_id": mechanism.id,
            "name": mechanism.name,
            "confidence": mechanism.confidence,
            "evidence": [evidence_dict(e) for e in mechanism.sources],
        }
        conn.execute(INSERT[s.mechanism_reports.name], report)
        local_to_stored[mechanism.id] = mechanism_id
        stored.append(mechanism_id)
    counts = Counter(stored)
    for mechanism_id in counts:  # a new mechanism with one report already has its values
        if mechanism_id not in created or counts[mechanism_id] > 1:
            refold_mechanism(conn, mechanism_id)
    return local_to_stored, tuple(stored)


def withdraw(conn: Connection, document_id: str) -> None:
    "Remove a document's reports and mentions, and refold (or delete) what they fed."
    event_ids, mechanism_ids = (dict.fromkeys(ids) for ids in ids_of_document(conn, document_id))
    mentioned = s.mentions.c.actor_id
    actor_ids = list(
        dict.fromkeys(
            conn.execute(select(mentioned).where(s.mentions.c.document_id == document_id)).scalars()
        )
    )
    for table in (s.event_reports, s.mechanism_reports, s.mentions):
        conn.execute(delete(table).where(table.c.document_id == document_id))
    for event_id in event_ids:
        refold_event(conn, event_id)
    for mechanism_id in mechanism_ids:
        refold_mechanism(conn, mechanism_id)
    if actor_ids:
        still_named = select(mentioned).where(mentioned.in_(actor_ids))
        conn.execute(delete(s.actors).where(s.actors.c.id.in_(actor_ids), s.actors.c.id.not_in(still_named)))


def ids_of_document(conn: Connection, document_id: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    "Return the stored event and mechanism ids of a document's reports, in extraction order."
    params = {"b_id": document_id}
    events = tuple(conn.execute(_DOCUMENT_EVENTS, params).scalars())
    return events, tuple(conn.execute(_DOCUMENT_MECHANISMS, params).scalars())


def refold_event(
    conn: Connection, event_id: str, old_key: str | None = None, *, added: Report | None = None
) -> dict[str, Any] | None:
    """Recompute a stored event and return its values; delete it when no report remains.

    With `added` (a report just stored for this event) the event's saved fold state takes
    that one report, so an event reported k times costs O(k) over a run rather than O(k²);
    otherwise (a withdrawal, or an event saved before fold states existed) it is folded
    again from all its remaining reports.
    """
    state = conn.execute(_EVENT_FOLD, {"b_id": event_id}).scalar_one_or_none()
    if added is not None and state is not None:
        fold = EventFold.from_json(state)
        fold.add(added)
    else:
        reports = _load_reports(conn, event_id)
        if not reports:
            for table in (s.event_folds, s.event_parties):
                conn.execute(delete(table).where(table.c.event_id == event_id))
            conn.execute(delete(s.events).where(s.events.c.id == event_id))
            return None
        fold = EventFold.of(reports)
    if state is None:
        conn.execute(INSERT[s.event_folds.name], {"event_id": event_id, "state": fold.to_json()})
    else:
        conn.execute(_UPDATE_EVENT_FOLD, {"b_id": event_id, "state": fold.to_json()})
    values = fold.values()
    if old_key is None:
        old_key = conn.execute(EVENT_PARTIES_KEY, {"b_id": event_id}).scalar_one()
    conn.execute(UPDATE_EVENT, {"b_id": event_id, **values})
    if old_key != values["parties_key"]:
        conn.execute(delete(s.event_parties).where(s.event_parties.c.event_id == event_id))
        parties = [{"event_id": event_id, "party": p} for p in split_parties(values["parties_key"])]
        if parties:
            conn.execute(INSERT[s.event_parties.name], parties)
    apply_review(conn, event_id)
    return values


def refold_mechanism(conn: Connection, mechanism_id: str) -> None:
    "Recompute a stored mechanism's name and confidence; delete it when no report remains."
    rows = conn.execute(_MECHANISM_REPORTS, {"b_id": mechanism_id}).all()
    if not rows:
        link = s.mechanism_parties
        conn.execute(delete(link).where(link.c.mechanism_id == mechanism_id))
        conn.execute(delete(s.mechanisms).where(s.mechanisms.c.id == mechanism_id))
        return
    names = [row.name for row in rows if row.name]
    values = {
        "name": max(names, key=len) if names else None,
        "confidence": combined_confidence((row.document_id, row.confidence) for row in rows),
    }
    conn.execute(_UPDATE_MECHANISM, {"b_id": mechanism_id, **values})


def _load_reports(conn: Connection, event_id: str) -> list[Report]:
    """Return the reports of a stored event, oldest first, with their documents' publication dates.

    Without their evidence (the fold does not read it). Why the care: an event reported k times
    is refolded from all k reports whenever one more arrives, so this runs O(k²) rows in all.
    """
    decoded: dict[Any, Any] = {}

    def value(raw: Any) -> Any:
        "Decode a JSON text once per distinct text (PostgreSQL's driver may have decoded it already)."
        if not isinstance(raw, str):
            return raw
        if raw not in decoded:
            decoded[raw] = json.loads(raw)
        return decoded[raw]

    return [
        Report(
            document=document_id,
            published=published,
            kind=kind,
            status=status,
            parties_key=key,
            date=date,
            date_end=date_end,
            city=city,
            country=country,
            ordinal=ordinal,
            people=value(people),
            topics=value(topics),
            mechanism_id=mechanism_id,
            confidence=confidence,
            evidence=[],
        )
        for (
            document_id,
            published,
            kind,
            status,
            key,
            date,
            date_end,
            city,
            country,
            ordinal,
            people,
            topics,
            mechanism_id,
            confidence,
        ) in conn.execute(_EVENT_REPORTS, {"b_id": event_id})
    ]
