"""Persist extractions and answer queries over them: the one door to the database.

Input: `Extraction`s, one article at a time, each with its events, mechanisms
and actor mentions. Output: rows in SQLite or PostgreSQL (tables in
`schema.py`), and model objects for queries: `Event`, `Mechanism`, and plain
dicts for documents and actors. Callers never see SQLAlchemy.

Why the store reconciles: several articles report the same meeting, so each
extracted event is stored as a *report* and folded into one stored event per
real-world event. A report joins a stored event of the same kind when

- the parties are equal (or, with 3+ parties on both sides, Jaccard ≥ 0.6);
- the statuses are in one group (occurred/planned, or proposed/predicted):
  a plan and the later report that it happened are one event;
- the dates agree (`date_agreement`): equal; day-precise within 2 days or
  inside the other's range; one a prefix of the other ("2026-04",
  "2026-04-21"); or, for an undated side, the same year as the other's
  publication. The last two are coarse: they join only when exactly one
  stored event is compatible, and never across different ordinals or cities.

The stored attributes are the fold of all reports (`reconcile.EventFold`), which
makes saving idempotent and lets a changed document withdraw exactly its own
contribution. A new report updates the event's saved fold state (`event_folds`);
a withdrawal folds the remaining reports again from scratch. Disagreements between sources are kept in `Event.conflicts`
rather than silently resolved.

Near-duplicates (syndicated copies, `dedupe.py`) are linked to the first-saved
original in the same transaction (`document_links`), found through their MinHash
band buckets (`minhash_bands`); a copy's reports try the original's events first,
so a copy whose extraction differs slightly still adds sources, not events.

Why one write transaction per article, taken with a write lock at its start
(`BEGIN IMMEDIATE` on SQLite, `pg_advisory_xact_lock` on PostgreSQL): the
look-up of candidate events and the insert of a new one must not interleave
with another writer, or two processes would create the same event twice.
A failure anywhere rolls the whole article back.

What it does not do: split an event again when a withdrawn report was the
link between two others, or merge two stored events that a later report
shows to be one. Both would need a re-run over the affected documents.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import itertools
import json
import logging
import math
import re
import threading
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy import (
    Connection,
    Row,
    Select,
    Text,
    and_,
    bindparam,
    case,
    delete,
    func,
    insert,
    or_,
    select,
    type_coerce,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import SQLAlchemyError

from diplograph import dedupe
from diplograph import schema as s
from diplograph.errors import InvalidQuery, NotFound, StoreError
from diplograph.models import (
    ActorMention,
    Article,
    Event,
    Evidence,
    Extraction,
    Location,
    Mechanism,
    Person,
)
from diplograph.reconcile import (
    JACCARD_MIN,
    MIN_JACCARD_PARTIES,
    NEAR,
    Candidate,
    EventFold,
    Report,
    best_candidate,
    combined_confidence,
    date_bounds,
    match_rank,
    parties_key,
    report_year,
    split_parties,
    status_family,
    year_of,
)
from diplograph.vocab import EVENT_KINDS, EVENT_STATUSES, TOPICS

logger = logging.getLogger(__name__)

T = TypeVar("T")

_ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_CHUNK = 500  # ids per IN (...) list when loading sources


@dataclass(frozen=True, slots=True, kw_only=True)
class SaveResult:
    """What `Store.save_extraction` did with one article.

    `status` is `created` (new document), `replaced` (same id, new content:
    its previous contribution was withdrawn first) or `unchanged`. `events`
    and `mechanisms` give, for each extracted item in order, the id of the
    stored row it went into; `merged` counts events that joined an event
    already in the store.
    """

    document: str
    status: str
    events: tuple[str, ...] = ()
    mechanisms: tuple[str, ...] = ()
    merged: int = 0

    @property
    def unchanged(self) -> bool:
        """True when the store already held exactly this extraction."""
        return self.status == "unchanged"


@dataclass(slots=True)
class _Batch:
    """One save's candidate events, and its new rows, inserted with one executemany per table.

    The rows are flushed before anything reads them back (a refold) and at the end;
    until then `known` stands in for them in matching.
    """

    known: dict[str, Candidate]
    events: list[dict[str, Any]] = field(default_factory=list)
    parties: list[dict[str, Any]] = field(default_factory=list)
    reports: list[dict[str, Any]] = field(default_factory=list)
    folds: list[dict[str, Any]] = field(default_factory=list)
    # The original's events when the article is a near-duplicate (tried first, see `_match`).
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
                conn.execute(_INSERT[table.name], rows)
                rows.clear()


_REPORT_FIELDS = tuple(f.name for f in dataclasses.fields(Report))  # "document" first, "published" second
_REPORT_COLUMNS = _REPORT_FIELDS[2:]  # the others are event_reports columns of the same name
_CANDIDATE_FIELDS = tuple(f.name for f in dataclasses.fields(Candidate))  # "id" first

# Statements of the write path, built once: building a Core statement took longer than
# running it (0.3 vs 0.1 ms for a primary-key SELECT on SQLite).
_INSERT = {table.name: insert(table) for table in s.metadata.sorted_tables}
_DOCUMENT_FINGERPRINT = select(s.documents.c.fingerprint).where(s.documents.c.id == bindparam("b_id"))
_DOCUMENT_VERSIONS = select(s.documents.c.versions).where(s.documents.c.id == bindparam("b_id"))
_UPDATE_DOCUMENT = update(s.documents).where(s.documents.c.id == bindparam("b_id"))
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
_EVENT_PARTIES_KEY = select(s.events.c.parties_key).where(s.events.c.id == bindparam("b_id"))
_UPDATE_EVENT = update(s.events).where(s.events.c.id == bindparam("b_id"))
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
            for f in _REPORT_COLUMNS
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


_NEAR_CANDIDATES = select(*_CANDIDATE_COLUMNS).where(
    s.events.c.id.in_(
        select(s.event_parties.c.event_id)
        .join(s.events, s.events.c.id == s.event_parties.c.event_id)
        .where(
            s.events.c.kind == bindparam("b_kind"),
            s.events.c.year.between(bindparam("b_first"), bindparam("b_last")),
            s.events.c.parties_key != bindparam("b_key"),
            s.events.c.n_parties.between(bindparam("b_min"), bindparam("b_max")),
            s.event_parties.c.party.in_(bindparam("b_parties", expanding=True)),
        )
        .group_by(s.event_parties.c.event_id)
        .having(func.count() >= bindparam("b_need"))
    )
)


@dataclass(frozen=True, slots=True)
class _Upserts:
    """The INSERT … ON CONFLICT statements of one dialect (SQLite and PostgreSQL spell them alike)."""

    document: Any  # insert if new, returning its id
    actor: Any  # insert, or fill the attributes still unknown
    mechanism: Any  # insert if new, returning its id

    @classmethod
    def for_dialect(cls, dialect: str) -> _Upserts:
        """Build the statements for `dialect`."""
        build = postgresql.insert if dialect == "postgresql" else sqlite.insert
        actor = build(s.actors)
        attributes = ("code", "country", "role")
        fill = {key: func.coalesce(s.actors.c[key], actor.excluded[key]) for key in attributes}
        learns = or_(
            *(and_(s.actors.c[key].is_(None), actor.excluded[key].is_not(None)) for key in attributes)
        )
        return cls(
            document=build(s.documents).on_conflict_do_nothing().returning(s.documents.c.id),
            actor=actor.on_conflict_do_update(index_elements=[s.actors.c.id], set_=fill, where=learns),
            mechanism=build(s.mechanisms).on_conflict_do_nothing().returning(s.mechanisms.c.id),
        )


class Store:
    """A diplograph knowledge base in SQLite or PostgreSQL, with one API for both.

    Example::

        with Store("sqlite:///diplograph.db") as store:
            store.save_extraction(extraction)  # SaveResult(status="created", …)
            store.events(party=["CHN", "KHM"], since="2026")
    """

    def __init__(self, url: str) -> None:
        """Open (and on first use create) the store at `url`.

        Args:
            url: `sqlite:///path.db`, a plain file path, `sqlite://` (memory),
                `postgresql://user@host/db` or `postgresql+psycopg://…`. A
                PostgreSQL URL may carry `?options=-csearch_path%3Dschema`.

        Raises:
            StoreError: the database cannot be reached or the URL is not supported.
            SchemaMismatch: the database was made by another schema version.
        """
        self._engine, self._is_memory = s.open_engine(url)
        self.url = self._engine.url.render_as_string(hide_password=True)
        self._lock = threading.RLock()
        self._writer: Connection | None = None
        self._upserts = _Upserts.for_dialect(self._engine.dialect.name)
        try:
            self._open()
        except BaseException:
            self.close()
            raise

    @classmethod
    def memory(cls) -> Store:
        """Return a new, empty store in memory (SQLite), shared by all of its connections."""
        return cls("sqlite://")

    def close(self) -> None:
        """Close every connection of the store; it cannot be used afterwards."""
        with self._lock:
            if self._writer is not None:
                self._writer.close()
                self._writer = None
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.url!r})"

    # ── writing ──────────────────────────────────────────────────────────────

    def save_extraction(
        self, extraction: Extraction, *, versions: Mapping[str, str] | None = None
    ) -> SaveResult:
        """Store one article with its actors, mechanisms and events, in one transaction.

        Args:
            extraction: the article and what was extracted from it.
            versions: optional component versions and data hashes (provenance),
                stored with the document.

        Returns:
            What happened: `unchanged` when the same extraction was saved before,
            `replaced` when the document's content changed, else `created`.

        Raises:
            StoreError: the database refused the write; nothing of the article was kept.
        """
        fingerprint = _fingerprint(extraction, versions)
        try:
            with self._writing() as conn:
                return self._save(conn, extraction, fingerprint, versions)
        except SQLAlchemyError as exc:
            raise StoreError(
                f"could not save document {extraction.article.id!r} to {self.url}: {exc}. "
                "Nothing of it was stored; fix the cause and save it again."
            ) from exc

    def is_current(self, document_id: str, versions: Mapping[str, str]) -> bool:
        """True when the store holds `document_id` saved with exactly these `versions`.

        The pipeline's no-op test before extracting a document (`pipeline.process_corpus`):
        its versions name the input (a hash of the document as read) and the code, rules
        and settings that extract it, so equal versions mean re-extracting would give the
        extraction already stored. One primary-key look-up.
        """
        with self._reading() as conn:
            stored = conn.execute(_DOCUMENT_VERSIONS, {"b_id": document_id}).first()
        return stored is not None and stored.versions == dict(versions)

    def current_result(self, document_id: str, versions: Mapping[str, str]) -> SaveResult | None:
        """Return what saving the document again would return (`unchanged`), if `is_current`; else None."""
        with self._reading() as conn:
            stored = conn.execute(_DOCUMENT_VERSIONS, {"b_id": document_id}).first()
            if stored is None or stored.versions != dict(versions):
                return None
            events, mechanisms = _ids_of_document(conn, document_id)
        return SaveResult(document=document_id, status="unchanged", events=events, mechanisms=mechanisms)

    def _save(
        self, conn: Connection, extraction: Extraction, fingerprint: str, versions: Mapping[str, str] | None
    ) -> SaveResult:
        "Write one article inside an open write transaction."
        article = extraction.article
        values = {
            "source": article.source,
            "url": article.url,
            "title": article.title,
            "published": article.published,
            "text": article.text,
            "fingerprint": fingerprint,
            "content_hash": hashlib.sha256(article.text.encode("utf-8")).hexdigest(),
            "versions": dict(versions) if versions else None,
        }
        created = conn.execute(self._upserts.document, {"id": article.id, **values}).first() is not None
        if not created:
            if conn.execute(_DOCUMENT_FINGERPRINT, {"b_id": article.id}).scalar_one() == fingerprint:
                events, mechanisms = _ids_of_document(conn, article.id)
                return SaveResult(
                    document=article.id, status="unchanged", events=events, mechanisms=mechanisms
                )
            self._withdraw(conn, article.id)
            conn.execute(_UPDATE_DOCUMENT, {"b_id": article.id, **values})
        original = _link_near_duplicate(conn, article, replaced=not created)
        self._save_actors(conn, article.id, extraction.actors)
        local_to_stored, mechanism_ids = self._save_mechanisms(conn, article.id, extraction.mechanisms)
        reports = [_report_of(e, extraction, local_to_stored) for e in extraction.events]
        batch = _Batch(known=_candidates(conn, reports))
        if original is not None:
            batch.copy_of = [batch.known.setdefault(c.id, c) for c in _events_of_document(conn, original)]
        event_ids: list[str] = []
        merged = 0
        for position, report in enumerate(reports):
            event_id, joined = self._save_event(conn, report, position, batch)
            event_ids.append(event_id)
            merged += joined
        batch.flush(conn)
        _apply_reviews(conn, event_ids)  # a reviewed event re-created by this save gets its review back
        status = "created" if created else "replaced"
        return SaveResult(
            document=article.id,
            status=status,
            events=tuple(event_ids),
            mechanisms=mechanism_ids,
            merged=merged,
        )

    def _withdraw(self, conn: Connection, document_id: str) -> None:
        "Remove a document's reports and mentions, and refold (or delete) what they fed."
        event_ids, mechanism_ids = (dict.fromkeys(ids) for ids in _ids_of_document(conn, document_id))
        mentioned = s.mentions.c.actor_id
        actor_ids = list(
            dict.fromkeys(
                conn.execute(select(mentioned).where(s.mentions.c.document_id == document_id)).scalars()
            )
        )
        for table in (s.event_reports, s.mechanism_reports, s.mentions):
            conn.execute(delete(table).where(table.c.document_id == document_id))
        for event_id in event_ids:
            self._refold_event(conn, event_id)
        for mechanism_id in mechanism_ids:
            self._refold_mechanism(conn, mechanism_id)
        if actor_ids:
            still_named = select(mentioned).where(mentioned.in_(actor_ids))
            conn.execute(
                delete(s.actors).where(s.actors.c.id.in_(actor_ids), s.actors.c.id.not_in(still_named))
            )

    def _save_actors(self, conn: Connection, document_id: str, mentions: Sequence[ActorMention]) -> None:
        "Upsert one row per distinct actor and insert the document's mentions of them."
        if not mentions:
            return
        actor_rows: dict[str, dict[str, Any]] = {}
        mention_rows: dict[tuple[str, int], dict[str, Any]] = {}
        for m in mentions:
            actor_id = _actor_id(m)
            row = actor_rows.setdefault(actor_id, {"id": actor_id, "type": m.type, "name": m.name})
            for key, value in (
                ("code", m.code),
                ("country", m.country),
                ("role", m.role),
                ("members", list(m.members) or None),
            ):
                row[key] = row.get(key) or value or None
            mention_rows.setdefault(
                (actor_id, m.start),
                {
                    "document_id": document_id,
                    "actor_id": actor_id,
                    "start_char": m.start,
                    "end_char": m.end,
                    "sentence": m.sentence,
                    "text": m.text,
                    "via": m.via,
                },
            )
        conn.execute(self._upserts.actor, list(actor_rows.values()))
        conn.execute(_INSERT[s.mentions.name], list(mention_rows.values()))

    def _save_mechanisms(
        self, conn: Connection, document_id: str, extracted: Sequence[Mechanism]
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
            if conn.execute(self._upserts.mechanism, row).first() is not None:
                created.add(mechanism_id)
                parties = [{"mechanism_id": mechanism_id, "party": p} for p in split_parties(key)]
                if parties:
                    conn.execute(_INSERT[s.mechanism_parties.name], parties)
            report = {
                "mechanism_id": mechanism_id,
                "document_id": document_id,
                "position": position,
                "local_id": mechanism.id,
                "name": mechanism.name,
                "confidence": mechanism.confidence,
                "evidence": [_evidence_dict(e) for e in mechanism.sources],
            }
            conn.execute(_INSERT[s.mechanism_reports.name], report)
            local_to_stored[mechanism.id] = mechanism_id
            stored.append(mechanism_id)
        counts = Counter(stored)
        for mechanism_id in counts:  # a new mechanism with one report already has its values
            if mechanism_id not in created or counts[mechanism_id] > 1:
                self._refold_mechanism(conn, mechanism_id)
        return local_to_stored, tuple(stored)

    def _save_event(self, conn: Connection, report: Report, position: int, batch: _Batch) -> tuple[str, bool]:
        "Store one report: join the stored event it describes, or create one. True when joined."
        if len(split_parties(report.parties_key)) >= MIN_JACCARD_PARTIES:
            for candidate in _overlapping_candidates(conn, report):
                batch.known.setdefault(candidate.id, candidate)
        match = _match(report, batch)
        event_id = match.id if match is not None else _new_event_id(conn, report, set(batch.known))
        row = {name: getattr(report, name) for name in _REPORT_COLUMNS}
        batch.reports.append(
            {**row, "event_id": event_id, "document_id": report.document, "position": position}
        )
        if match is None:
            fold = EventFold.of([report])
            values = fold.values()
            batch.events.append({"id": event_id, **values})
            batch.folds.append({"event_id": event_id, "state": fold.to_json()})
            batch.parties.extend(
                {"event_id": event_id, "party": p} for p in split_parties(values["parties_key"])
            )
            batch.known[event_id] = Candidate(id=event_id, **{f: values[f] for f in _CANDIDATE_FIELDS[1:]})
            return event_id, False
        batch.flush(conn)
        if (refolded := self._refold_event(conn, event_id, match.parties_key, added=report)) is not None:
            for name in _CANDIDATE_FIELDS[1:]:  # later reports of this article match the new state
                setattr(match, name, refolded[name])
        return event_id, True

    def _refold_event(
        self, conn: Connection, event_id: str, old_key: str | None = None, *, added: Report | None = None
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
            conn.execute(_INSERT[s.event_folds.name], {"event_id": event_id, "state": fold.to_json()})
        else:
            conn.execute(_UPDATE_EVENT_FOLD, {"b_id": event_id, "state": fold.to_json()})
        values = fold.values()
        if old_key is None:
            old_key = conn.execute(_EVENT_PARTIES_KEY, {"b_id": event_id}).scalar_one()
        conn.execute(_UPDATE_EVENT, {"b_id": event_id, **values})
        if old_key != values["parties_key"]:
            conn.execute(delete(s.event_parties).where(s.event_parties.c.event_id == event_id))
            parties = [{"event_id": event_id, "party": p} for p in split_parties(values["parties_key"])]
            if parties:
                conn.execute(_INSERT[s.event_parties.name], parties)
        _apply_review(conn, event_id)
        return values

    def _refold_mechanism(self, conn: Connection, mechanism_id: str) -> None:
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

    # ── reading ──────────────────────────────────────────────────────────────

    def events(
        self,
        *,
        party: str | Sequence[str] | None = None,
        kind: str | Sequence[str] | None = None,
        status: str | Sequence[str] | None = None,
        since: str | None = None,
        until: str | None = None,
        document: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        review: str | None = None,
        sort: str = "date",
        mechanism: str | None = None,
    ) -> list[Event]:
        """Return stored events, ordered by date (undated last), then id.

        Args:
            party: one ISO3 code or several; an event must have *all* of them as parties.
            kind: an event kind, or several (any of them).
            status: an event status, or several (any of them).
            since: a partial ISO date; keeps events whose dates reach it ("2025" is within
                since="2025-06-01"). Undated events are left out.
            until: a partial ISO date; keeps events that start on or before it. Undated
                events are left out.
            document: only events with a source in this document.
            limit: at most this many events.
            offset: skip this many events first.
            review: None hides events an analyst rejected; one of `REVIEW_FILTERS`
                (`all`, `reviewed`, `unreviewed`, `confirmed`, `edited`, `rejected`) selects by review.
            sort: one of `EVENT_SORTS` (`date`, `-date`, `kind`, `status`, `confidence`,
                `-confidence`, `id`); ties are broken by id.
            mechanism: only the sessions of this standing mechanism.

        Raises:
            InvalidQuery: `since` or `until` is not a partial ISO date, or `review`/`sort` is unknown.
        """
        query = select(s.events).where(
            *self._event_filters(party, kind, status, since, until, document, review, mechanism)
        )
        query = query.order_by(*_event_order(sort))
        query = query.offset(offset).limit(limit) if limit is not None or offset else query
        with self._reading() as conn:
            rows = conn.execute(query).all()
            sources = _sources(conn, s.event_reports, s.event_reports.c.event_id, [r.id for r in rows])
        return [_event_of(row, sources.get(row.id, ())) for row in rows]

    def count_events(
        self,
        *,
        party: str | Sequence[str] | None = None,
        kind: str | Sequence[str] | None = None,
        status: str | Sequence[str] | None = None,
        since: str | None = None,
        until: str | None = None,
        document: str | None = None,
        review: str | None = None,
        mechanism: str | None = None,
    ) -> int:
        """Return how many events `events()` would return with the same filters and no limit.

        Raises:
            InvalidQuery: as `events()`.
        """
        filters = self._event_filters(party, kind, status, since, until, document, review, mechanism)
        query = select(func.count()).select_from(s.events).where(*filters)
        with self._reading() as conn:
            return int(conn.execute(query).scalar_one())

    @staticmethod
    def _event_filters(
        party: str | Sequence[str] | None,
        kind: str | Sequence[str] | None,
        status: str | Sequence[str] | None,
        since: str | None,
        until: str | None,
        document: str | None,
        review: str | None,
        mechanism: str | None = None,
    ) -> list[Any]:
        "Return the WHERE clauses of the event filters shared by `events` and `count_events`."
        ev = s.events
        where: list[Any] = []
        for code in _as_list(party):
            where.append(
                ev.c.id.in_(select(s.event_parties.c.event_id).where(s.event_parties.c.party == code))
            )
        if kinds := _as_list(kind):
            where.append(ev.c.kind.in_(kinds))
        if statuses := _as_list(status):
            where.append(ev.c.status.in_(statuses))
        if since is not None:
            where.append(ev.c.date_hi >= date_bounds(_checked_date("since", since))[0])
        if until is not None:
            where.append(ev.c.date_lo <= date_bounds(_checked_date("until", until))[1])
        if document is not None:
            reports = s.event_reports
            where.append(ev.c.id.in_(select(reports.c.event_id).where(reports.c.document_id == document)))
        if mechanism is not None:
            where.append(ev.c.mechanism_id == mechanism)
        where.extend(_review_filter(review))
        return where

    def event(self, id: str) -> Event:
        """Return the stored event `id`.

        Raises:
            NotFound: there is no event with that id.
        """
        with self._reading() as conn:
            row = conn.execute(select(s.events).where(s.events.c.id == id)).first()
            if row is None:
                raise NotFound(f"no event with id {id!r} in {self.url}; list ids with Store.events()")
            sources = _sources(conn, s.event_reports, s.event_reports.c.event_id, [id])
        return _event_of(row, sources.get(id, ()))

    def mechanisms(
        self,
        *,
        party: str | Sequence[str] | None = None,
        kind: str | Sequence[str] | None = None,
        status: str | Sequence[str] | None = None,
    ) -> list[Mechanism]:
        """Return stored mechanisms, ordered by kind, parties, status.

        Args:
            party: one ISO3 code or several; a mechanism must have all of them as parties.
            kind: a kind, or several (any of them).
            status: `existing`, `proposed`, `predicted`, or several.
        """
        me = s.mechanisms
        query = select(me)
        for code in _as_list(party):
            query = query.where(
                me.c.id.in_(
                    select(s.mechanism_parties.c.mechanism_id).where(s.mechanism_parties.c.party == code)
                )
            )
        if kinds := _as_list(kind):
            query = query.where(me.c.kind.in_(kinds))
        if statuses := _as_list(status):
            query = query.where(me.c.status.in_(statuses))
        query = query.order_by(me.c.kind, me.c.parties_key, me.c.status, me.c.id)
        with self._reading() as conn:
            rows = conn.execute(query).all()
            sources = _sources(
                conn, s.mechanism_reports, s.mechanism_reports.c.mechanism_id, [r.id for r in rows]
            )
        return [_mechanism_of(row, sources.get(row.id, ())) for row in rows]

    def mechanism(self, id: str) -> Mechanism:
        """Return the stored mechanism `id`.

        Raises:
            NotFound: there is no mechanism with that id.
        """
        with self._reading() as conn:
            row = conn.execute(select(s.mechanisms).where(s.mechanisms.c.id == id)).first()
            if row is None:
                raise NotFound(f"no mechanism with id {id!r} in {self.url}; list ids with Store.mechanisms()")
            sources = _sources(conn, s.mechanism_reports, s.mechanism_reports.c.mechanism_id, [id])
        return _mechanism_of(row, sources.get(id, ()))

    def document(self, id: str) -> dict[str, Any]:
        """Return a stored document: its metadata, text, hashes, versions and what it fed.

        Raises:
            NotFound: there is no document with that id.
        """
        with self._reading() as conn:
            row = conn.execute(select(s.documents).where(s.documents.c.id == id)).first()
            if row is None:
                raise NotFound(f"no document with id {id!r} in {self.url}; list ids with Store.documents()")
            out = _document_of(row, with_text=True)
            events, mechanisms = _ids_of_document(conn, id)
            out["events"], out["mechanisms"] = list(dict.fromkeys(events)), list(dict.fromkeys(mechanisms))
            links = s.document_links.c
            out["duplicate_of"] = conn.execute(
                select(links.duplicate_of).where(links.document_id == id)
            ).scalar()
            out["duplicates"] = list(
                conn.execute(
                    select(links.document_id).where(links.duplicate_of == id).order_by(links.document_id)
                ).scalars()
            )
        return out

    def duplicates(self, document_id: str) -> list[dict[str, Any]]:
        """Return the near-duplicate links of a document's group: the original and each of its copies.

        Args:
            document_id: a stored document, the original or any of its copies.

        Returns:
            One dict per copy in the group, `{"document", "duplicate_of", "similarity"}`,
            ordered by document id; an empty list when the document has no near-duplicate.
            `similarity` is the estimated Jaccard similarity (of word 5-shingles) with the
            stored document it resembled most when it was saved.

        Raises:
            NotFound: there is no document with that id.
        """
        links = s.document_links.c
        with self._reading() as conn:
            if conn.execute(select(s.documents.c.id).where(s.documents.c.id == document_id)).first() is None:
                raise NotFound(
                    f"no document with id {document_id!r} in {self.url}; list ids with Store.documents()"
                )
            original = (
                conn.execute(select(links.duplicate_of).where(links.document_id == document_id)).scalar()
                or document_id
            )
            rows = conn.execute(
                select(links.document_id, links.duplicate_of, links.similarity)
                .where(links.duplicate_of == original)
                .order_by(links.document_id)
            ).all()
        return [
            {"document": r.document_id, "duplicate_of": r.duplicate_of, "similarity": r.similarity}
            for r in rows
        ]

    def documents(self, limit: int | None = None) -> list[dict[str, Any]]:
        """Return the stored documents' metadata (without text), ordered by id."""
        columns = [c for c in s.documents.c if c.name not in ("text", "fingerprint")]
        with self._reading() as conn:
            rows = conn.execute(select(*columns).order_by(s.documents.c.id).limit(limit)).all()
        return [_document_of(row, with_text=False) for row in rows]

    def get(self, id: str) -> Event | Mechanism | dict[str, Any]:
        """Return the event, mechanism or document (as a dict) with this id.

        Raises:
            NotFound: nothing in the store has that id.
        """
        lookups: tuple[Callable[[str], Event | Mechanism | dict[str, Any]], ...] = (
            self.event,
            self.mechanism,
            self.document,
        )
        for lookup in lookups:
            try:
                return lookup(id)
            except NotFound:
                continue
        raise NotFound(f"no event, mechanism or document with id {id!r} in {self.url}")

    def actors(self, type: str | None = None) -> list[dict[str, Any]]:
        """Return the distinct actors (optionally of one type) with how often they are mentioned."""
        mentioned = (
            select(func.count())
            .where(s.mentions.c.actor_id == s.actors.c.id)
            .scalar_subquery()
            .label("mentions")
        )
        query = select(s.actors, mentioned)
        if type is not None:
            query = query.where(s.actors.c.type == type)
        query = query.order_by(s.actors.c.type, s.actors.c.name, s.actors.c.id)
        with self._reading() as conn:
            return [dict(row._mapping) for row in conn.execute(query)]

    def counts(self) -> dict[str, int]:
        """Return how many rows each part of the store holds (`duplicate_documents`: near-duplicate copies)."""
        tables = {
            "documents": s.documents,
            "events": s.events,
            "mechanisms": s.mechanisms,
            "actors": s.actors,
            "mentions": s.mentions,
            "event_reports": s.event_reports,
            "mechanism_reports": s.mechanism_reports,
            "duplicate_documents": s.document_links,
        }
        with self._reading() as conn:
            return {
                name: conn.execute(select(func.count()).select_from(t)).scalar_one()
                for name, t in tables.items()
            }

    # ── review: analysts confirm, reject or edit events (issue 4) ─────────────
    #
    # A review is stored beside the extracted rows (`event_reviews`) and laid over the event's
    # row by `_apply_review` every time the row is (re)computed from its reports, so a later
    # re-extraction never overwrites what an analyst decided. Every change is appended to
    # `review_log` with who, when, and the attributes before and after.

    def review_event(
        self,
        id: str,
        *,
        action: str,
        fields: Mapping[str, Any] | None = None,
        reviewer: str,
    ) -> Event:
        """Record an analyst's verdict on an event and return the event as it now reads.

        Args:
            id: the event's id.
            action: `confirm`, `reject` or `edit` (see `REVIEW_ACTIONS`); the review's state
                becomes `confirmed`, `rejected` or `edited`.
            fields: attributes to override (`REVIEW_FIELDS`: kind, status, parties, date,
                date_end, location, ordinal, topics); merged into earlier overrides. A value
                of None clears that attribute (parties and kind cannot be cleared).
            reviewer: who decided (a name or login), kept in the audit log.

        Returns:
            The event with the review applied (a rejected event is still returned here).

        Raises:
            NotFound: there is no event with that id.
            InvalidQuery: the action, a field or the reviewer is not valid; nothing is changed.
        """
        if action not in REVIEW_ACTIONS:
            raise InvalidQuery(
                f"action={action!r} is not a review action; use one of {', '.join(REVIEW_ACTIONS)}"
            )
        who = (reviewer or "").strip()
        if not who or len(who) > 200:
            raise InvalidQuery("reviewer must be a name of 1 to 200 characters; say who made the change")
        overrides = checked_review_fields(fields or {})
        if action == "edit" and not overrides:
            raise InvalidQuery("an edit needs at least one field to change (kind, status, parties, date, …)")
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        try:
            with self._writing() as conn:
                row = conn.execute(select(s.events).where(s.events.c.id == id)).first()
                if row is None:
                    raise NotFound(f"no event with id {id!r} in {self.url}; list ids with Store.events()")
                previous = conn.execute(
                    select(s.event_reviews).where(s.event_reviews.c.event_id == id)
                ).first()
                merged = {**(previous.fields if previous is not None else {}), **overrides}
                state = _REVIEW_STATES[action]
                before = {"state": previous.state if previous is not None else None, **_reviewable(row)}
                values = {"state": state, "fields": merged, "reviewer": who, "reviewed_at": now}
                if previous is None:
                    conn.execute(insert(s.event_reviews), {"event_id": id, **values})
                else:
                    conn.execute(update(s.event_reviews).where(s.event_reviews.c.event_id == id), values)
                _apply_review(conn, id)
                after_row = conn.execute(select(s.events).where(s.events.c.id == id)).one()
                after = {"state": state, **_reviewable(after_row)}
                conn.execute(
                    insert(s.review_log),
                    {
                        "event_id": id,
                        "action": action,
                        "before": before,
                        "after": after,
                        "reviewer": who,
                        "at": now,
                    },
                )
        except SQLAlchemyError as exc:
            raise StoreError(f"could not save the review of {id!r} to {self.url}: {exc}") from exc
        return self.event(id)

    def reviews(
        self,
        *,
        event: str | Sequence[str] | None = None,
        state: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Return the current reviews (newest first): event_id, state, fields, reviewer, reviewed_at.

        Args:
            event: only the reviews of this event, or of these events (a page of a list).
            state: only reviews in this state (`confirmed`, `rejected`, `edited`).
            limit: at most this many.
            offset: skip this many first.
        """
        rv = s.event_reviews
        query = select(rv)
        if event is not None:
            query = query.where(rv.c.event_id.in_(_as_list(event)))
        if state is not None:
            query = query.where(rv.c.state == state)
        query = query.order_by(rv.c.reviewed_at.desc(), rv.c.event_id).offset(offset).limit(limit)
        with self._reading() as conn:
            return [dict(row._mapping) for row in conn.execute(query)]

    def review_log(
        self, *, event: str | None = None, limit: int | None = None, offset: int = 0
    ) -> list[dict[str, Any]]:
        """Return the audit log of reviews, newest first: id, event_id, action, before, after, reviewer, at."""
        log = s.review_log
        query = select(log)
        if event is not None:
            query = query.where(log.c.event_id == event)
        query = query.order_by(log.c.id.desc()).offset(offset).limit(limit)
        with self._reading() as conn:
            return [dict(row._mapping) for row in conn.execute(query)]

    # ── connections ──────────────────────────────────────────────────────────

    def _open(self) -> None:
        "Create the schema on first use, or check its version."
        try:
            with self._reading() as conn:
                if s.is_created(conn):
                    s.check_schema_version(conn)
                    return
            with self._writing() as conn:
                s.ensure_schema(conn)
        except SQLAlchemyError as exc:
            raise StoreError(
                f"cannot open the store at {self.url}: {exc}. "
                "Check that the database exists and is reachable."
            ) from exc

    def _guard(self) -> AbstractContextManager[Any]:
        "Serialise use of an in-memory store, whose one connection is shared (StaticPool)."
        return self._lock if self._is_memory else nullcontext()

    @contextmanager
    def _reading(self) -> Iterator[Connection]:
        "Yield a connection inside a read transaction (one consistent snapshot)."
        with self._guard(), self._engine.connect() as conn, conn.begin():
            yield conn

    @contextmanager
    def _writing(self) -> Iterator[Connection]:
        """Yield a connection inside a transaction that holds the database's write lock.

        The store keeps one connection for writing (checking one out of the pool for each
        article cost a few per cent of a save); it is dropped after a failure and reopened
        by the next write.
        """
        with self._lock:
            if self._writer is None:
                self._writer = self._engine.connect().execution_options(**{s.WRITE_OPTION: True})
            conn = self._writer
            try:
                with conn.begin():
                    s.take_write_lock(conn)
                    yield conn
            except BaseException:
                self._writer = None
                conn.close()
                raise


# ── reconciliation (pure functions over reports) ────────────────────────────


def _match(report: Report, batch: _Batch) -> Candidate | None:
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


def _events_of_document(conn: Connection, document_id: str) -> list[Candidate]:
    "Return the stored events a document's reports went into, as matching candidates."
    query = select(*_CANDIDATE_COLUMNS).where(
        s.events.c.id.in_(
            select(s.event_reports.c.event_id).where(s.event_reports.c.document_id == document_id)
        )
    )
    return [Candidate(**row._mapping) for row in conn.execute(query.order_by(s.events.c.id))]


# At most this many stored documents sharing a band are compared signature by signature
# (those sharing the most bands); an article has a handful of copies, rarely more.
_MAX_DUPLICATE_CANDIDATES = 50
_VERIFIED_CANDIDATES = 3  # the best-estimated ones are compared text to text

# The stored documents sharing at least one LSH band bucket with a fingerprint, with their
# signatures and publication dates. One primary-key search per band: a row-value
# `(band, bucket) IN (…)` made SQLite scan the whole table (quadratic over an ingest).
_SHARED_BANDS = (
    select(s.minhash_bands.c.document_id)
    .where(
        or_(
            *(
                and_(s.minhash_bands.c.band == band, s.minhash_bands.c.bucket == bindparam(f"b_bucket{band}"))
                for band in range(dedupe.BANDS)
            )
        ),
        s.minhash_bands.c.document_id != bindparam("b_id"),
    )
    .group_by(s.minhash_bands.c.document_id)
    .order_by(func.count().desc(), s.minhash_bands.c.document_id)
    .limit(_MAX_DUPLICATE_CANDIDATES)
)
_SIMILAR_DOCUMENTS = (
    select(s.document_minhash.c.document_id, s.document_minhash.c.signature, s.documents.c.published)
    .join(s.documents, s.documents.c.id == s.document_minhash.c.document_id)
    .where(s.document_minhash.c.document_id.in_(_SHARED_BANDS.scalar_subquery()))
    .order_by(s.document_minhash.c.document_id)
)


def _link_near_duplicate(conn: Connection, article: Article, *, replaced: bool) -> str | None:
    """Store a document's MinHash fingerprint and link it to the original it copies; return that original.

    The original is the first-saved document of the group: a copy of a copy is linked to
    the copy's original. Documents saved later are compared with this one when they are
    saved; a replaced document drops its old fingerprint and link first. Only documents
    published close enough in time are candidates (`dedupe.published_close`).
    """
    document_id = article.id
    if replaced:
        for table in (s.document_links, s.minhash_bands, s.document_minhash):
            conn.execute(delete(table).where(table.c.document_id == document_id))
    fingerprint = dedupe.fingerprint(article.text)
    if fingerprint is None:
        return None
    params = {f"b_bucket{band}": bucket for band, bucket in enumerate(fingerprint.bands)}
    stored = conn.execute(_SIMILAR_DOCUMENTS, {"b_id": document_id, **params}).all()
    conn.execute(
        _INSERT[s.document_minhash.name], {"document_id": document_id, "signature": fingerprint.signature}
    )
    conn.execute(
        _INSERT[s.minhash_bands.name],
        [{"band": i, "bucket": b, "document_id": document_id} for i, b in enumerate(fingerprint.bands)],
    )
    ranked = dedupe.ranked_candidates(
        fingerprint.signature,
        ((row[0], bytes(row[1])) for row in stored if dedupe.published_close(article.published, row[2])),
    )
    for closest, _estimate in ranked[:_VERIFIED_CANDIDATES]:
        other = conn.execute(select(s.documents.c.text).where(s.documents.c.id == closest)).scalar_one()
        if (score := dedupe.copy_similarity(article.text, other)) is not None:
            break
    else:
        return None
    links = s.document_links.c
    original = (
        conn.execute(select(links.duplicate_of).where(links.document_id == closest)).scalar() or closest
    )
    if original == document_id:  # the original of its own copy was re-saved: it stays the original
        return None
    conn.execute(
        _INSERT[s.document_links.name],
        {"document_id": document_id, "duplicate_of": original, "similarity": round(score, 4)},
    )
    return original


def _candidates(conn: Connection, reports: Sequence[Report]) -> dict[str, Candidate]:
    """Return the stored events that have the kind and parties of a report, within a year of it.

    Every event a report can match is placed within a year of the report's own year (see
    `date_agreement`), so the look-up stays small however long the story of a pair is.
    """
    keys = [(r.kind, r.parties_key, year) for r in reports if (year := report_year(r)) is not None]
    pairs = list(dict.fromkeys(keys))
    found: dict[str, Candidate] = {}
    for start in range(0, len(pairs), _PAIRS_PER_QUERY):
        params: dict[str, Any] = {}
        for i, (kind, key, year) in enumerate(pairs[start : start + _PAIRS_PER_QUERY]):
            params.update({f"kind{i}": kind, f"key{i}": key, f"first{i}": year - 1, f"last{i}": year + 1})
        chunk = pairs[start : start + _PAIRS_PER_QUERY]
        found.update(
            (row.id, Candidate(**row._mapping)) for row in conn.execute(_candidates_query(len(chunk)), params)
        )
    return found


def _overlapping_candidates(conn: Connection, report: Report) -> list[Candidate]:
    "Return stored events of the report's kind whose (3+) parties may overlap its own by Jaccard ≥ 0.6."
    year = report_year(report)
    if year is None:
        return []
    parties = split_parties(report.parties_key)
    # Jaccard ≥ 0.6 needs at least 60 % of our parties shared and a size within [0.6 n, n / 0.6].
    need = math.ceil(round(len(parties) * JACCARD_MIN, 9))
    params = {
        "b_kind": report.kind,
        "b_key": report.parties_key,
        "b_first": year - 1,
        "b_last": year + 1,
        "b_parties": parties,
        "b_need": need,
        "b_min": max(MIN_JACCARD_PARTIES, need),
        "b_max": int(len(parties) / JACCARD_MIN),
    }
    return [Candidate(**row._mapping) for row in conn.execute(_NEAR_CANDIDATES, params)]


def _report_of(extracted: Event, extraction: Extraction, local_to_stored: Mapping[str, str]) -> Report:
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
        evidence=[_evidence_dict(e) for e in extracted.sources],
    )


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


def _new_event_id(conn: Connection, report: Report, taken: set[str]) -> str:
    """Return a new stable id: a hash of the first source's document, kind, status group, parties and date.

    An event with the same hash has the same kind, status group and (for fewer than
    MIN_JACCARD_PARTIES parties, whose key never changes) parties key, so its id is in
    `taken` (the save's candidates); only multilateral events need a look-up.
    """
    family = status_family(report.status)[0]
    multilateral = len(split_parties(report.parties_key)) >= MIN_JACCARD_PARTIES
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
        if not multilateral or conn.execute(_EVENT_PARTIES_KEY, {"b_id": event_id}).first() is None:
            return event_id
    raise AssertionError("unreachable")  # pragma: no cover


def _sources(conn: Connection, table: Any, owner: Any, ids: Sequence[str]) -> dict[str, list[Evidence]]:
    "Return the evidence of each owner id, in the order the reports arrived."
    out: dict[str, list[Evidence]] = {}
    for start in range(0, len(ids), _CHUNK):
        query: Select[Any] = (
            select(owner, table.c.document_id, table.c.evidence)
            .where(owner.in_(ids[start : start + _CHUNK]))
            .order_by(table.c.id)
        )
        for owner_id, document_id, evidence in conn.execute(query):
            out.setdefault(owner_id, []).extend(
                Evidence(document=document_id, quote=e["quote"], start=e["start"], end=e["end"])
                for e in evidence
            )
    return out


def _event_of(row: Row[Any], sources: Sequence[Evidence]) -> Event:
    "Return the model object of a stored event row."
    location = Location(city=row.city, country=row.country) if row.city or row.country else None
    return Event(
        id=row.id,
        kind=row.kind,
        status=row.status,
        parties=split_parties(row.parties_key),
        date=row.date,
        date_end=row.date_end,
        location=location,
        ordinal=row.ordinal,
        people=tuple(
            Person(name=p["name"], country=p.get("country"), role=p.get("role")) for p in row.people
        ),
        topics=tuple(row.topics),
        mechanism=row.mechanism_id,
        confidence=row.confidence,
        sources=tuple(sources),
        conflicts=tuple(row.conflicts),
    )


def _mechanism_of(row: Row[Any], sources: Sequence[Evidence]) -> Mechanism:
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


def _document_of(row: Row[Any], *, with_text: bool) -> dict[str, Any]:
    "Return a stored document row as a dict."
    out = {
        key: row._mapping[key]
        for key in ("id", "source", "url", "title", "published", "content_hash", "versions")
    }
    if with_text:
        out["text"] = row.text
    return out


def _ids_of_document(conn: Connection, document_id: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    "Return the stored event and mechanism ids of a document's reports, in extraction order."
    params = {"b_id": document_id}
    events = tuple(conn.execute(_DOCUMENT_EVENTS, params).scalars())
    return events, tuple(conn.execute(_DOCUMENT_MECHANISMS, params).scalars())


def _actor_id(mention: ActorMention) -> str:
    "Return the natural key of the actor a mention names."
    if mention.type == "place":
        return f"place:{mention.name}@{mention.country or ''}"
    if mention.code and mention.type != "person":
        return f"{mention.type}:{mention.code}"
    return f"{mention.type}:{mention.name}"


def _evidence_dict(evidence: Evidence) -> dict[str, Any]:
    "Return the stored form of an evidence (its document is the report's)."
    return {"quote": evidence.quote, "start": evidence.start, "end": evidence.end}


def _fingerprint(extraction: Extraction, versions: Mapping[str, str] | None) -> str:
    """Return a hash of everything a save would write, so an identical re-save can be skipped.

    The repr of the frozen model dataclasses lists every field; it is twice as fast as JSON.
    """
    payload = repr((extraction, sorted((versions or {}).items())))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _digest(*parts: str) -> str:
    "Return 16 hex digits of the SHA-1 of the parts."
    return hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:16]


def _as_list(value: str | Sequence[str] | None) -> list[str]:
    "Return a filter value as a list of strings."
    if value is None:
        return []
    return [value] if isinstance(value, str) else [str(v) for v in value]


def _checked_date(name: str, value: str) -> str:
    "Return a partial ISO date parameter, or raise InvalidQuery saying what is expected."
    if not _ISO_DATE.match(value):
        raise InvalidQuery(f"{name}={value!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD")
    return value


# ── review (applied over the folded row) ─────────────────────────────────────

REVIEW_ACTIONS = ("confirm", "reject", "edit")
REVIEW_STATES = ("confirmed", "rejected", "edited")
REVIEW_FIELDS = ("kind", "status", "parties", "date", "date_end", "location", "ordinal", "topics")
REVIEW_FILTERS = ("all", "reviewed", "unreviewed", "confirmed", "edited", "rejected")
EVENT_SORTS = ("date", "-date", "kind", "status", "confidence", "-confidence", "id")
_REVIEW_STATES = dict(zip(REVIEW_ACTIONS, REVIEW_STATES, strict=True))
_ISO3 = re.compile(r"^[A-Z]{3}$")
_APPLY_REVIEW = select(s.event_reviews.c.fields).where(s.event_reviews.c.event_id == bindparam("b_id"))


def checked_review_fields(fields: Mapping[str, Any]) -> dict[str, Any]:
    """Return review overrides in their stored form, or raise InvalidQuery naming the bad field.

    Why strict: an override is laid over every later re-extraction, so a typo would
    outlive the analyst's session; the vocabularies of `vocab.py` are the only values.
    """
    out: dict[str, Any] = {}
    for name, value in fields.items():
        if name not in REVIEW_FIELDS:
            raise InvalidQuery(f"{name!r} cannot be reviewed; editable fields: {', '.join(REVIEW_FIELDS)}")
        out[name] = _checked_review_value(name, value)
    date, date_end = out.get("date"), out.get("date_end")
    if date and date_end and date_end < date:
        raise InvalidQuery(f"date_end={date_end!r} is before date={date!r}")
    return out


def _checked_review_value(name: str, value: Any) -> Any:
    "Return one override checked against its vocabulary or format."
    if name in ("kind", "status"):
        allowed = EVENT_KINDS if name == "kind" else EVENT_STATUSES
        if value not in allowed:
            raise InvalidQuery(f"{name}={value!r} is not one of: {', '.join(allowed)}")
        return value
    if name == "parties":
        codes = _as_list(value) if isinstance(value, (str, list, tuple)) else None
        if not codes or not all(isinstance(c, str) and _ISO3.match(c) for c in codes):
            raise InvalidQuery(f"parties={value!r} must be a non-empty list of ISO3 codes such as CHN")
        return sorted(set(codes))
    if name in ("date", "date_end"):
        if value is None:
            return None
        if not isinstance(value, str) or not _is_real_date(value):
            raise InvalidQuery(f"{name}={value!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD")
        return value
    if name == "location":
        if value is None:
            return None
        if not isinstance(value, Mapping) or set(value) - {"city", "country"}:
            raise InvalidQuery(f"location={value!r} must be an object with city and/or country")
        city, country = value.get("city"), value.get("country")
        if city is not None and (not isinstance(city, str) or not 0 < len(city.strip()) <= 200):
            raise InvalidQuery(f"location city={city!r} must be a name of 1 to 200 characters")
        if country is not None and (not isinstance(country, str) or not _ISO3.match(country)):
            raise InvalidQuery(f"location country={country!r} must be an ISO3 code such as KHM")
        return {"city": city.strip() if city else None, "country": country}
    if name == "ordinal":
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 1000:
            raise InvalidQuery(f"ordinal={value!r} must be a whole number from 1 to 1000")
        return value
    if not isinstance(value, (list, tuple)) or not all(t in TOPICS for t in value):  # topics
        raise InvalidQuery(f"topics={value!r} must be a list of: {', '.join(TOPICS)}")
    return sorted(set(value))


def _is_real_date(value: str) -> bool:
    "True for a partial ISO date that names a real year, month or day."
    if not _ISO_DATE.match(value):
        return False
    try:
        dt.date.fromisoformat((value + "-01-01")[:10] if len(value) < 10 else value)
    except ValueError:
        return False
    return True


def _review_filter(review: str | None) -> list[Any]:
    "Return the WHERE clauses of the `review` filter of `Store.events` (default: hide rejected)."
    if review is not None and review not in REVIEW_FILTERS:
        raise InvalidQuery(
            f"review={review!r} is not a review filter; use one of {', '.join(REVIEW_FILTERS)}"
        )
    rv, ev_id = s.event_reviews, s.events.c.id
    if review == "all":
        return []
    if review is None:
        return [ev_id.not_in(select(rv.c.event_id).where(rv.c.state == "rejected"))]
    if review == "reviewed":
        return [ev_id.in_(select(rv.c.event_id))]
    if review == "unreviewed":
        return [ev_id.not_in(select(rv.c.event_id))]
    return [ev_id.in_(select(rv.c.event_id).where(rv.c.state == review))]


def _event_order(sort: str) -> list[Any]:
    "Return the ORDER BY of an `EVENT_SORTS` key; undated events stay last in date order."
    ev = s.events.c
    undated_last = case((ev.date_lo.is_(None), 1), else_=0)
    orders: dict[str, list[Any]] = {
        "date": [undated_last, ev.date_lo, ev.id],
        "-date": [undated_last, ev.date_lo.desc(), ev.id],
        "kind": [ev.kind, undated_last, ev.date_lo, ev.id],
        "status": [ev.status, undated_last, ev.date_lo, ev.id],
        "confidence": [ev.confidence, ev.id],
        "-confidence": [ev.confidence.desc(), ev.id],
        "id": [ev.id],
    }
    if sort not in orders:
        raise InvalidQuery(f"sort={sort!r} is not a sort key; use one of {', '.join(EVENT_SORTS)}")
    return orders[sort]


def _reviewable(row: Row[Any]) -> dict[str, Any]:
    "Return the reviewable attributes of an events row, as the audit log keeps them."
    return {
        "kind": row.kind,
        "status": row.status,
        "parties": list(split_parties(row.parties_key)),
        "date": row.date,
        "date_end": row.date_end,
        "location": {"city": row.city, "country": row.country} if row.city or row.country else None,
        "ordinal": row.ordinal,
        "topics": list(row.topics),
    }


def _apply_reviews(conn: Connection, event_ids: Sequence[str]) -> None:
    "Lay the reviews of any of these events over their rows (one look-up for all of them)."
    ids = list(dict.fromkeys(event_ids))
    reviewed: list[str] = []
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        reviewed += conn.execute(
            select(s.event_reviews.c.event_id).where(s.event_reviews.c.event_id.in_(chunk))
        ).scalars()
    for event_id in reviewed:
        _apply_review(conn, event_id)


def _apply_review(conn: Connection, event_id: str) -> None:
    """Overwrite an event row's reviewed attributes with the analyst's values (no-op if unreviewed).

    Called at the end of every (re)computation of the row from its reports, so the
    extracted values change underneath while the reviewed ones stand.
    """
    fields = conn.execute(_APPLY_REVIEW, {"b_id": event_id}).scalar()
    if not fields:
        return
    values: dict[str, Any] = {}
    for name in ("kind", "status", "ordinal"):
        if name in fields:
            values[name] = fields[name]
    if "topics" in fields:
        values["topics"] = fields["topics"]
    if "location" in fields:
        location = fields["location"] or {}
        values["city"], values["country"] = location.get("city"), location.get("country")
    if "parties" in fields:
        values["parties_key"] = parties_key(fields["parties"])
        values["n_parties"] = len(fields["parties"])
    if "date" in fields or "date_end" in fields:
        current = conn.execute(
            select(s.events.c.date, s.events.c.date_end).where(s.events.c.id == event_id)
        ).one()
        date = fields.get("date", current.date)
        date_end = fields.get("date_end", current.date_end)
        values["date"], values["date_end"] = date, date_end
        values["date_lo"], values["date_hi"] = date_bounds(date, date_end)
        if year_of(date) is not None:
            values["year"] = year_of(date)
    conn.execute(_UPDATE_EVENT, {"b_id": event_id, **values})
    if "parties" in fields:
        conn.execute(delete(s.event_parties).where(s.event_parties.c.event_id == event_id))
        conn.execute(
            _INSERT[s.event_parties.name], [{"event_id": event_id, "party": p} for p in fields["parties"]]
        )
