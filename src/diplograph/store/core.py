"""The `Store` class: open a store, save each article in one transaction, answer queries.

Input: `Extraction`s to save, and the arguments of the reading methods. Output:
`SaveResult`s, and `Event`, `Mechanism` and plain-dict answers.

Why one class over several modules: callers need one object with one API for SQLite and
PostgreSQL (`Store(url)`), while the work splits by responsibility. This module owns the
connections and transactions (`_reading`, `_writing`), the order of a save (document,
near-duplicate link, actors, mechanisms, events, reviews) and the reading queries. What
runs inside a transaction is in `reconciling` (reports folded into events and
mechanisms, withdrawals), `links` (near-duplicates), `reviews` (analysts' overrides),
`filters` (WHERE and ORDER BY of event queries) and `rows` (rows to models); none of
them imports this module.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, bindparam, func, select, update
from sqlalchemy.exc import SQLAlchemyError

from diplograph.errors import DocumentConflict, NoStore, NotFound, StoreError
from diplograph.models import ActorMention, Event, Extraction, Mechanism
from diplograph.store import schema as s
from diplograph.store.filters import as_list, confidence_filter, event_filters, event_order
from diplograph.store.links import duplicate_group, link_near_duplicate
from diplograph.store.reconcile import MIN_JACCARD_PARTIES, Candidate, EventFold, Report, split_parties
from diplograph.store.reconciling import (
    CANDIDATE_FIELDS,
    REPORT_COLUMNS,
    Batch,
    candidates,
    events_of_document,
    ids_of_document,
    matching_event,
    new_event_id,
    overlapping_candidates,
    refold_event,
    report_of,
    save_mechanisms,
    withdraw,
)
from diplograph.store.reviews import (
    apply_reviews,
    checked_review,
    current_reviews,
    record_review,
    review_log_entries,
)
from diplograph.store.rows import EVENT_COLUMNS, document_of, event_of, mechanism_of, paused_gc, sources_of
from diplograph.store.statements import INSERT, Upserts


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


# The statements on documents that only this module runs (built once: see `statements.py`).
_DOCUMENT_FINGERPRINT = select(s.documents.c.fingerprint).where(s.documents.c.id == bindparam("b_id"))
_DOCUMENT_STORED = select(s.documents.c.content_hash, s.documents.c.label, s.documents.c.source).where(
    s.documents.c.id == bindparam("b_id")
)
_DOCUMENT_VERSIONS = select(s.documents.c.versions).where(s.documents.c.id == bindparam("b_id"))
_UPDATE_DOCUMENT = update(s.documents).where(s.documents.c.id == bindparam("b_id"))


class Store:
    """A diplograph knowledge base in SQLite or PostgreSQL, with one API for both.

    Example::

        with Store("sqlite:///diplograph.db") as store:
            store.save_extraction(extraction)  # SaveResult(status="created", …)
            store.events(party=["CHN", "KHM"], since="2026")
    """

    def __init__(self, url: str, *, read_only: bool = False) -> None:
        """Open (and on first use create) the store at `url`.

        Args:
            url: `sqlite:///path.db`, a plain file path, `sqlite://` (memory),
                `postgresql://user@host/db` or `postgresql+psycopg://…`. A
                PostgreSQL URL may carry `?options=-csearch_path%3Dschema`.
            read_only: open an existing store for reading only (the CLI's query
                commands): nothing is created, a missing store is an error, and a
                SQLite file on a read-only mount can be read.

        Raises:
            NoStore: `read_only` and there is no store at `url`.
            StoreError: the database cannot be reached or the URL is not supported.
            SchemaMismatch: the database was made by another schema version.
        """
        self._engine, self._is_memory = s.open_engine(url, read_only=read_only)
        self.url = s.masked_url(url if "://" in url else f"sqlite:///{url}")
        self.read_only = read_only
        self._file = s.sqlite_file(url)
        self._lock = threading.RLock()
        self._writer: Connection | None = None
        self._upserts = Upserts.for_dialect(self._engine.dialect.name)
        try:
            self._open()
        except BaseException:
            self.close()
            raise

    def own_files(self) -> tuple[Path, ...]:
        """Return the files of a SQLite store (the database, its WAL, shared memory and journal); () otherwise.

        Why: an analyst may keep the store in the very folder of articles they ingest;
        its files are not input, and must not be reported as unreadable articles.
        """
        path = self._file
        if path is None:
            return ()
        return (path, *(path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal")))

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
        self, extraction: Extraction, *, versions: Mapping[str, str] | None = None, replace: bool = False
    ) -> SaveResult:
        """Store one article with its actors, mechanisms and events, in one transaction.

        Args:
            extraction: the article and what was extracted from it.
            versions: optional component versions and data hashes (provenance),
                stored with the document.
            replace: when the id is already stored with a different text, replace
                that document (and withdraw what it fed) instead of refusing.

        Returns:
            What happened: `unchanged` when the same extraction was saved before,
            `replaced` when the document was extracted again (new code or settings,
            new metadata, or with `replace` a new text), else `created`.

        Raises:
            DocumentConflict: another text is stored under this id and `replace` is
                false; the store is left as it was.
            StoreError: the database refused the write; nothing of the article was kept.
        """
        fingerprint = _fingerprint(extraction, versions)
        try:
            with self._writing() as conn:
                return self._save(conn, extraction, fingerprint, versions, replace=replace)
        except SQLAlchemyError as exc:
            raise StoreError(
                f"could not save document {extraction.article.id!r}: {database_reason(exc)}. "
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
            events, mechanisms = ids_of_document(conn, document_id)
        return SaveResult(document=document_id, status="unchanged", events=events, mechanisms=mechanisms)

    def _save(
        self,
        conn: Connection,
        extraction: Extraction,
        fingerprint: str,
        versions: Mapping[str, str] | None,
        *,
        replace: bool,
    ) -> SaveResult:
        "Write one article inside an open write transaction."
        article = extraction.article
        values = {
            "label": article.label,
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
            stored = conn.execute(_DOCUMENT_STORED, {"b_id": article.id}).one()
            if stored.content_hash != values["content_hash"] and not replace:
                raise DocumentConflict(_conflict_reason(article.id, stored.source))
            if conn.execute(_DOCUMENT_FINGERPRINT, {"b_id": article.id}).scalar_one() == fingerprint:
                events, mechanisms = ids_of_document(conn, article.id)
                return SaveResult(
                    document=article.id, status="unchanged", events=events, mechanisms=mechanisms
                )
            withdraw(conn, article.id)
            conn.execute(_UPDATE_DOCUMENT, {"b_id": article.id, **values})
        original = link_near_duplicate(conn, article, replaced=not created)
        self._save_actors(conn, article.id, extraction.actors)
        local_to_stored, mechanism_ids = save_mechanisms(
            conn, self._upserts.mechanism, article.id, extraction.mechanisms
        )
        reports = [report_of(e, extraction, local_to_stored) for e in extraction.events]
        batch = Batch(known=candidates(conn, reports))
        if original is not None:
            batch.copy_of = [batch.known.setdefault(c.id, c) for c in events_of_document(conn, original)]
        event_ids: list[str] = []
        merged = 0
        for position, report in enumerate(reports):
            event_id, joined = self._save_event(conn, report, position, batch)
            event_ids.append(event_id)
            merged += joined
        batch.flush(conn)
        apply_reviews(conn, event_ids)  # a reviewed event re-created by this save gets its review back
        status = "created" if created else "replaced"
        return SaveResult(
            document=article.id,
            status=status,
            events=tuple(event_ids),
            mechanisms=mechanism_ids,
            merged=merged,
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
        conn.execute(INSERT[s.mentions.name], list(mention_rows.values()))

    def _save_event(self, conn: Connection, report: Report, position: int, batch: Batch) -> tuple[str, bool]:
        "Store one report: join the stored event it describes, or create one. True when joined."
        if len(split_parties(report.parties_key)) >= MIN_JACCARD_PARTIES:
            for candidate in overlapping_candidates(conn, report):
                batch.known.setdefault(candidate.id, candidate)
        match = matching_event(report, batch)
        event_id = match.id if match is not None else new_event_id(conn, report, set(batch.known))
        row = {name: getattr(report, name) for name in REPORT_COLUMNS}
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
            batch.known[event_id] = Candidate(id=event_id, **{f: values[f] for f in CANDIDATE_FIELDS[1:]})
            return event_id, False
        batch.flush(conn)
        if (refolded := refold_event(conn, event_id, match.parties_key, added=report)) is not None:
            for name in CANDIDATE_FIELDS[1:]:  # later reports of this article match the new state
                setattr(match, name, refolded[name])
        return event_id, True

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
        min_confidence: float | None = None,
        min_parties: int | None = None,
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
            min_confidence: only events whose confidence is at least this (0 to 1).
            min_parties: only events of at least this many parties (the sessions a
                multilateral format may have, `registry`).

        Raises:
            InvalidQuery: `since` or `until` is not a partial ISO date, `review`/`sort` is
                unknown, or `min_confidence` is not a number from 0 to 1.
        """
        query = select(*EVENT_COLUMNS).where(
            *event_filters(party, kind, status, since, until, document, review, mechanism, min_confidence)
        )
        if min_parties is not None:
            query = query.where(s.events.c.n_parties >= min_parties)
        query = query.order_by(*event_order(sort))
        query = query.offset(offset).limit(limit) if limit is not None or offset else query
        with self._reading() as conn, paused_gc():
            rows = conn.execute(query).all()
            ids = [row[0] for row in rows]  # the first of EVENT_COLUMNS (indexing a row is quicker)
            sources = sources_of(conn, s.event_reports, s.event_reports.c.event_id, ids)
            return [event_of(row, sources) for row in rows]

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
        min_confidence: float | None = None,
    ) -> int:
        """Return how many events `events()` would return with the same filters and no limit.

        Raises:
            InvalidQuery: as `events()`.
        """
        filters = event_filters(
            party, kind, status, since, until, document, review, mechanism, min_confidence
        )
        query = select(func.count()).select_from(s.events).where(*filters)
        with self._reading() as conn:
            return int(conn.execute(query).scalar_one())

    def event(self, id: str) -> Event:
        """Return the stored event `id`.

        Raises:
            NotFound: there is no event with that id.
        """
        with self._reading() as conn:
            row = conn.execute(select(*EVENT_COLUMNS).where(s.events.c.id == id)).first()
            if row is None:
                raise NotFound(f"no event with id {id!r}; list ids with Store.events()")
            sources = sources_of(conn, s.event_reports, s.event_reports.c.event_id, [id])
        return event_of(row, sources)

    def mechanisms(
        self,
        *,
        party: str | Sequence[str] | None = None,
        kind: str | Sequence[str] | None = None,
        status: str | Sequence[str] | None = None,
        min_confidence: float | None = None,
    ) -> list[Mechanism]:
        """Return stored mechanisms, ordered by kind, parties, status.

        Args:
            party: one ISO3 code or several; a mechanism must have all of them as parties.
            kind: a kind, or several (any of them).
            status: `existing`, `proposed`, `predicted`, or several.
            min_confidence: only mechanisms whose confidence is at least this (0 to 1).

        Raises:
            InvalidQuery: `min_confidence` is not a number from 0 to 1.
        """
        me = s.mechanisms
        query = select(me).where(*confidence_filter(me.c.confidence, min_confidence))
        for code in as_list(party):
            query = query.where(
                me.c.id.in_(
                    select(s.mechanism_parties.c.mechanism_id).where(s.mechanism_parties.c.party == code)
                )
            )
        if kinds := as_list(kind):
            query = query.where(me.c.kind.in_(kinds))
        if statuses := as_list(status):
            query = query.where(me.c.status.in_(statuses))
        query = query.order_by(me.c.kind, me.c.parties_key, me.c.status, me.c.id)
        with self._reading() as conn, paused_gc():
            rows = conn.execute(query).all()
            sources = sources_of(
                conn, s.mechanism_reports, s.mechanism_reports.c.mechanism_id, [r.id for r in rows]
            )
            return [mechanism_of(row, sources.get(row.id, ())) for row in rows]

    def mechanism(self, id: str) -> Mechanism:
        """Return the stored mechanism `id`.

        Raises:
            NotFound: there is no mechanism with that id.
        """
        with self._reading() as conn:
            row = conn.execute(select(s.mechanisms).where(s.mechanisms.c.id == id)).first()
            if row is None:
                raise NotFound(f"no mechanism with id {id!r}; list ids with Store.mechanisms()")
            sources = sources_of(conn, s.mechanism_reports, s.mechanism_reports.c.mechanism_id, [id])
        return mechanism_of(row, sources.get(id, ()))

    def document(self, id: str) -> dict[str, Any]:
        """Return a stored document: its metadata, text, hashes, versions and what it fed.

        Raises:
            NotFound: there is no document with that id.
        """
        with self._reading() as conn:
            row = conn.execute(select(s.documents).where(s.documents.c.id == id)).first()
            if row is None:
                raise NotFound(f"no document with id {id!r}; list ids with Store.documents()")
            out = document_of(row, with_text=True)
            events, mechanisms = ids_of_document(conn, id)
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
        with self._reading() as conn:
            group = duplicate_group(conn, document_id)
            if group is None:
                raise NotFound(f"no document with id {document_id!r}; list ids with Store.documents()")
        return group

    def documents(self, limit: int | None = None) -> list[dict[str, Any]]:
        """Return the stored documents' metadata (without text), ordered by id."""
        columns = [c for c in s.documents.c if c.name not in ("text", "fingerprint")]
        with self._reading() as conn:
            rows = conn.execute(select(*columns).order_by(s.documents.c.id).limit(limit)).all()
        return [document_of(row, with_text=False) for row in rows]

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
        raise NotFound(f"no event, mechanism or document with id {id!r}")

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
    # The transactions are here; what runs inside them, and why a review is stored beside the
    # extracted rows and laid over them at every refold, is in `reviews.py`.

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
        review = checked_review(action, fields, reviewer)
        try:
            with self._writing() as conn:
                if not record_review(conn, id, review):
                    raise NotFound(f"no event with id {id!r}; list ids with Store.events()")
        except SQLAlchemyError as exc:
            raise StoreError(f"could not save the review of {id!r}: {database_reason(exc)}") from exc
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
        with self._reading() as conn:
            return current_reviews(conn, event=event, state=state, limit=limit, offset=offset)

    def review_log(
        self, *, event: str | None = None, limit: int | None = None, offset: int = 0
    ) -> list[dict[str, Any]]:
        """Return the audit log of reviews, newest first: id, event_id, action, before, after, reviewer, at."""
        with self._reading() as conn:
            return review_log_entries(conn, event=event, limit=limit, offset=offset)

    # ── connections ──────────────────────────────────────────────────────────

    def _open(self) -> None:
        "Create the schema on first use, or check its version (a read-only store must exist already)."
        try:
            with self._reading() as conn:
                if s.is_created(conn):
                    s.check_schema_version(conn)
                    return
            if self.read_only:
                raise NoStore(
                    f"no diplograph store in {self.url}; run `diplograph ingest` first, or give the right --db"
                )
            with self._writing() as conn:
                s.ensure_schema(conn)
        except SQLAlchemyError as exc:
            raise StoreError(
                f"cannot open the store at {self.url}: {database_reason(exc)}. "
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
        if self.read_only:
            raise StoreError(
                f"the store at {self.url} was opened read-only; open it without read_only to write"
            )
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


def _actor_id(mention: ActorMention) -> str:
    "Return the natural key of the actor a mention names."
    if mention.type == "place":
        return f"place:{mention.name}@{mention.country or ''}"
    if mention.code and mention.type != "person":
        return f"{mention.type}:{mention.code}"
    return f"{mention.type}:{mention.name}"


def _fingerprint(extraction: Extraction, versions: Mapping[str, str] | None) -> str:
    """Return a hash of everything a save would write, so an identical re-save can be skipped.

    The repr of the frozen model dataclasses lists every field; it is twice as fast as JSON.
    """
    payload = repr((extraction, sorted((versions or {}).items())))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def database_reason(exc: SQLAlchemyError) -> str:
    """Return the database's own one-line reason for a failed statement, without the SQL or its parameters.

    Why: SQLAlchemy's message quotes the statement and its bound values, which may hold
    a whole article or a credential, and which a caller (the CLI's user, an API client)
    cannot act on; the driver's first line (`UNIQUE constraint failed: …`, `A string
    literal cannot contain NUL …`) says what went wrong.
    """
    reason = str(getattr(exc, "orig", None) or type(exc).__name__).strip()
    return reason.splitlines()[0] if reason else type(exc).__name__


def _conflict_reason(document_id: str, stored_source: str) -> str:
    return (
        f"id {document_id!r} is already stored with a different text (read from {stored_source}); "
        "nothing was replaced. Give the new text its own id, or ingest with --replace "
        "(replace=True) to replace the stored one"
    )
