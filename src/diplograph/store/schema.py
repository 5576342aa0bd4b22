"""The database behind the store: its tables, how to open it, and its version.

Input: a store URL (SQLite file or memory, PostgreSQL). Output: an engine whose
write transactions take the database's write lock, and the tables below,
created on first open with a `meta` row recording `schema_version`; a store made
by another schema version is refused with `SchemaMismatch` instead of being read
wrongly. Only this module and the `store` package import SQLAlchemy.

    documents ─┬─ mentions ── actors                one row per distinct actor
               ├─ event_reports ──► events ─── event_parties (event_id, party)
               └─ mechanism_reports ──► mechanisms ─── mechanism_parties

Why reports beside reconciled rows: an `events` row is a fold over the
`event_reports` of every document that reported it (one report per extracted
event, with its own attributes and evidence). Keeping the reports makes
reconciliation repeatable: when a document changes, its reports are deleted
and the events it touched are recomputed from the reports that remain.

Why party link tables: `party` filters and candidate look-ups become indexed
SQL instead of scans of JSON. Why `date_lo`/`date_hi`: partial ISO dates
("2025", "2025-04") are stored with the first and last day they can mean, so
`since`/`until` are plain indexed string comparisons. Why no more indexes than
these: each one is written on every save; the ones kept serve candidate
look-ups, the query filters (party, kind, status, since, until, document) and
date order. SQLite's WITHOUT ROWID link tables save one more B-tree each.

Migrations (Alembic, `migrations/versions/` inside the package): each change of
the tables is a revision (`0001_initial`, `0002_near_duplicates`, …) and the store
records the one it is at in Alembic's `alembic_version` table. A new store gets the
tables of `metadata` and is stamped with the head revision; a store at an older
revision is refused until `diplograph db upgrade` (`upgrade_store`) has run the
missing revisions, in one transaction under the write lock. A store made before
Alembic (`meta.schema_version = 1`, no `alembic_version`) is at `0001_initial`.
`meta.schema_version` stays 1: it names the generation of the layout, which only a
redesign that no migration can bridge would change.

Why Alembic is imported only to migrate: opening a store checks its revision, and every
command opens one, but reading `alembic_version` and the shipped revisions' ids needs
only SQL and the revision files' first lines (`_shipped_revisions`); importing Alembic
cost a read command ~0.1 s (issue 13). It loads when a store is created (stamped),
upgraded, or asked for its pending revisions.
"""

from __future__ import annotations

import functools
import os
import re
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    Connection,
    Engine,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    create_engine,
    func,
    inspect,
    select,
    text,
)
from sqlalchemy import event as sa_event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError
from sqlalchemy.pool import StaticPool

from diplograph.errors import NoStore, SchemaMismatch, StoreError

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

# The generation of the layout, in `meta.schema_version`; changes within it are Alembic revisions.
SCHEMA_VERSION = 1
# The revision of a store made before Alembic: its tables are exactly those of `0001_initial`.
LEGACY_REVISION = "0001_initial"

# The execution option that makes a connection's transactions writers (BEGIN IMMEDIATE on SQLite).
WRITE_OPTION = "diplograph_write"
_PG_LOCK_KEY = 0x6469706C6F67  # "diplog": one lock for every diplograph writer of a PostgreSQL database

metadata = MetaData()

meta = Table(
    "meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

documents = Table(
    "documents",
    metadata,
    Column("id", Text, primary_key=True),
    # What a person calls the document (`sub/article.txt`, `batch.jsonl#3`): the id is
    # its record's own id or a hash of its text, so that it names the article, not a path.
    Column("label", Text),
    Column("source", Text, nullable=False),
    Column("url", Text),
    Column("title", Text),
    Column("published", String(10)),
    Column("text", Text, nullable=False),
    # sha256 of the text; `fingerprint` hashes the whole extraction (text, metadata,
    # events, mechanisms, actors, component versions): equal fingerprint = nothing to do.
    Column("content_hash", String(64), nullable=False),
    Column("fingerprint", String(64), nullable=False),
    Column("versions", JSON),
)

actors = Table(
    "actors",
    metadata,
    # A readable natural key: "state:USA", "person:Wang Yi", "place:Almaty@KAZ".
    Column("id", Text, primary_key=True),
    Column("type", String(16), nullable=False),
    Column("code", Text),
    Column("name", Text, nullable=False),
    Column("country", String(8)),
    Column("role", Text),
    Column("members", JSON),
    Index("ix_actors_type", "type"),
    sqlite_with_rowid=False,
)

mentions = Table(
    "mentions",
    metadata,
    Column("document_id", Text, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("actor_id", Text, ForeignKey("actors.id"), primary_key=True),
    Column("start_char", Integer, primary_key=True),
    Column("end_char", Integer, nullable=False),
    Column("sentence", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("via", String(16), nullable=False),
    Index("ix_mentions_actor", "actor_id"),
    sqlite_with_rowid=False,
)

mechanisms = Table(
    "mechanisms",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("kind", Text, nullable=False),
    Column("status", String(16), nullable=False),
    Column("parties_key", Text, nullable=False),
    Column("name", Text),
    Column("confidence", Float, nullable=False),
    UniqueConstraint("kind", "parties_key", "status", name="uq_mechanisms_kind_parties_status"),
    Index("ix_mechanisms_status", "status"),
)

mechanism_parties = Table(
    "mechanism_parties",
    metadata,
    Column("mechanism_id", String(32), ForeignKey("mechanisms.id", ondelete="CASCADE"), primary_key=True),
    Column("party", String(8), primary_key=True),
    Index("ix_mechanism_parties_party", "party", "mechanism_id"),
    sqlite_with_rowid=False,
)

mechanism_reports = Table(
    "mechanism_reports",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("mechanism_id", String(32), ForeignKey("mechanisms.id"), nullable=False),
    Column("document_id", Text, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("local_id", Text),
    Column("name", Text),
    Column("confidence", Float, nullable=False),
    Column("evidence", JSON, nullable=False),
    Index("ix_mechanism_reports_mechanism", "mechanism_id"),
    Index("ix_mechanism_reports_document", "document_id"),
)

events = Table(
    "events",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("kind", Text, nullable=False),
    Column("status", String(16), nullable=False),
    Column("parties_key", Text, nullable=False),
    Column("n_parties", Integer, nullable=False),
    Column("date", String(10)),
    Column("date_end", String(10)),
    Column("date_lo", String(10)),
    Column("date_hi", String(10)),
    Column("city", Text),
    Column("country", String(8)),
    Column("ordinal", Integer),
    Column("people", JSON, nullable=False),
    Column("topics", JSON, nullable=False),
    Column("mechanism_id", String(32), ForeignKey("mechanisms.id", ondelete="SET NULL")),
    Column("confidence", Float, nullable=False),
    Column("conflicts", JSON, nullable=False),
    # The year the event is placed in: its date's, or when undated the earliest publication
    # year of its documents. Matching only looks at events within a year of a report's.
    Column("year", Integer),
    Index("ix_events_kind_parties", "kind", "parties_key", "year"),
    Index("ix_events_kind_year_size", "kind", "year", "n_parties"),
    Index("ix_events_status", "status"),
    Index("ix_events_date_lo", "date_lo"),
    Index("ix_events_date_hi", "date_hi"),
    Index("ix_events_mechanism", "mechanism_id"),
)

event_parties = Table(
    "event_parties",
    metadata,
    Column("event_id", String(32), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("party", String(8), primary_key=True),
    Index("ix_event_parties_party", "party", "event_id"),
    sqlite_with_rowid=False,
)

event_reports = Table(
    "event_reports",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(32), ForeignKey("events.id"), nullable=False),
    Column("document_id", Text, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("kind", Text, nullable=False),
    Column("status", String(16), nullable=False),
    Column("parties_key", Text, nullable=False),
    Column("date", String(10)),
    Column("date_end", String(10)),
    Column("city", Text),
    Column("country", String(8)),
    Column("ordinal", Integer),
    Column("people", JSON, nullable=False),
    Column("topics", JSON, nullable=False),
    Column("mechanism_id", String(32)),
    Column("confidence", Float, nullable=False),
    Column("evidence", JSON, nullable=False),
    Index("ix_event_reports_event", "event_id"),
    Index("ix_event_reports_document", "document_id"),
)

# The running state of each event's fold (`reconcile.EventFold`, as JSON text so that its
# counters keep their order on every backend): adding a report to an event updates it
# instead of re-reading all the event's reports, which made an event reported k times cost
# O(k²). Derived data: an event without a row is re-folded from its reports when next joined.
event_folds = Table(
    "event_folds",
    metadata,
    Column("event_id", String(32), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("state", Text, nullable=False),
)

# ── review: analysts' corrections, kept apart from the extracted rows ─────────
# `event_reviews.event_id` names an `events.id` but has no FOREIGN KEY on purpose: when a
# reviewed event's only document is re-ingested, the event row is deleted and re-created
# under the same id (ids hash the first source's document, kind, status group, parties and
# date), and the review must outlive that moment to be applied to the new row.
event_reviews = Table(
    "event_reviews",
    metadata,
    Column("event_id", String(32), primary_key=True),
    Column("state", String(16), nullable=False),  # confirmed | rejected | edited
    Column("fields", JSON, nullable=False),  # the overridden attributes, e.g. {"date": "2026-04-21"}
    Column("reviewer", Text, nullable=False),
    Column("reviewed_at", String(32), nullable=False),  # ISO 8601 UTC timestamp
    Index("ix_event_reviews_state", "state"),
)

review_log = Table(
    "review_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(32), nullable=False),
    Column("action", String(16), nullable=False),  # confirm | reject | edit
    Column("before", JSON, nullable=False),
    Column("after", JSON, nullable=False),
    Column("reviewer", Text, nullable=False),
    Column("at", String(32), nullable=False),
    Index("ix_review_log_event", "event_id"),
)

# ── near-duplicates: syndicated copies of one article (dedupe.py) ─────────────
# The MinHash signature of every document long enough to have one, its LSH band buckets
# (indexed, so finding the stored documents that share a band is one SQL query at any
# store size), and one link per near-duplicate to the original it copies.
document_minhash = Table(
    "document_minhash",
    metadata,
    Column("document_id", Text, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("signature", LargeBinary, nullable=False),
)

minhash_bands = Table(
    "minhash_bands",
    metadata,
    Column("band", Integer, primary_key=True),
    Column("bucket", BigInteger, primary_key=True),
    Column("document_id", Text, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_minhash_bands_document", "document_id"),
    sqlite_with_rowid=False,
)

document_links = Table(
    "document_links",
    metadata,
    Column("document_id", Text, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("duplicate_of", Text, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("similarity", Float, nullable=False),
    Index("ix_document_links_duplicate_of", "duplicate_of"),
)

# ── watch: news feeds polled, items seen, alerts and their deliveries (issue 15) ─
# What `diplograph watch` must remember across restarts, in the store itself so that a
# restart, a crash or a second machine sharing the store never fetches an article twice
# for nothing, never loses one, and never alerts twice: each feed's HTTP validators and
# back-off, each item seen (its state, the document it became and, between the save and
# its alerts, the facts known before the save), each alert (its id is deterministic, so a
# second computation of the same alert finds the row) and each alert's delivery to each
# webhook. Times are ISO 8601 UTC strings, which sort as they read.
watch_feeds = Table(
    "watch_feeds",
    metadata,
    Column("url", Text, primary_key=True),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("content_hash", String(64)),  # of the last body: a server without validators costs no parse
    Column("checked_at", String(32)),
    Column("next_check_at", String(32)),
    Column("failures", Integer, nullable=False),  # consecutive failed polls: the back-off grows with them
    Column("last_outcome", String(16)),  # changed | unchanged | failed
    Column("last_error", Text),
)

watch_items = Table(
    "watch_items",
    metadata,
    Column("url", Text, primary_key=True),
    Column("feed_url", Text, nullable=False),
    # A hash of the feed entry (id, link, date): a new one re-fetches the page (an updated article).
    Column("fingerprint", String(32), nullable=False),
    Column("title", Text),
    Column("published", String(10)),
    Column("state", String(16), nullable=False),  # new | saving | done | failed | given_up | blocked
    Column("document_id", Text),
    Column("snapshot", JSON),  # the facts before the save, kept only while the item is `saving`
    Column("attempts", Integer, nullable=False),
    Column("next_try_at", String(32)),
    Column("error", Text),
    Column("seen_at", String(32), nullable=False),
    Column("updated_at", String(32), nullable=False),
    Index("ix_watch_items_state", "state", "next_try_at"),
)

alerts = Table(
    "alerts",
    metadata,
    # A hash of the rule and what it is about (a kind and parties, an event, a mechanism, a
    # hub, partner and rung): the same alert computed twice is the same row.
    Column("id", String(32), primary_key=True),
    Column("rule", String(24), nullable=False),  # first meeting | new mechanism | new partner | signal
    Column("subject", String(32), nullable=False),  # the event or mechanism id
    Column("kind", Text, nullable=False),
    Column("status", String(16)),
    Column("parties", JSON, nullable=False),
    Column("date", String(10)),
    Column("quote", Text),
    Column("url", Text),
    Column("document_id", Text),
    Column("title", Text),
    Column("confidence", Float),
    Column("detail", JSON, nullable=False),  # rule-specific: hub, partner, rung
    Column("created_at", String(32), nullable=False),
    Index("ix_alerts_created", "created_at"),
)

alert_deliveries = Table(
    "alert_deliveries",
    metadata,
    Column("alert_id", String(32), ForeignKey("alerts.id", ondelete="CASCADE"), primary_key=True),
    Column("target", Text, primary_key=True),  # a webhook URL
    Column("state", String(16), nullable=False),  # pending | delivered
    Column("attempts", Integer, nullable=False),
    Column("next_try_at", String(32)),
    Column("last_error", Text),
    Column("delivered_at", String(32)),
    Index("ix_alert_deliveries_state", "state", "next_try_at"),
)


def ensure_schema(conn: Connection) -> None:
    """Create the tables of an empty database, or check that an existing store is at our revision.

    An empty database gets `metadata.create_all` and is stamped with the head revision,
    rather than replaying every revision: one step that is the same whatever the history
    (a test checks that replaying the revisions gives exactly these tables), and a
    new store, which every test makes, is ready in milliseconds.

    Why an older store is refused rather than upgraded on the spot: an upgrade changes a
    store that other analysts, other processes and older diplograph versions may be using,
    and cannot be undone by them; it should be a decision (after a backup), taken once, with
    `diplograph db upgrade`. Reading an old store as if it were new would break it silently.

    Args:
        conn: a connection inside a transaction that holds the write lock.

    Raises:
        SchemaMismatch: the database holds diplograph tables of another schema generation or
            revision, or tables with diplograph's names but no schema version.
    """
    names = set(inspect(conn).get_table_names())
    if meta.name not in names:
        _refuse_foreign_tables(names)
        metadata.create_all(conn)
        conn.execute(meta.insert().values(key="schema_version", value=str(SCHEMA_VERSION)))
        from alembic import command

        command.stamp(alembic_config(conn), "head")
        return
    check_schema_version(conn)


def _refuse_foreign_tables(names: set[str]) -> None:
    "Raise SchemaMismatch when a database without `meta` has tables of diplograph's names."
    ours = names & set(metadata.tables)
    if ours:
        raise SchemaMismatch(
            f"the database has diplograph tables ({', '.join(sorted(ours))}) but no schema version; "
            "it was not made by this diplograph. Use a new database file or URL, "
            "or drop those tables and ingest again."
        )


def is_created(conn: Connection) -> bool:
    """Return True when the database already has diplograph's `meta` table."""
    return meta.name in inspect(conn).get_table_names()


def check_schema_version(conn: Connection) -> None:
    """Raise `SchemaMismatch` unless the store is of our generation and at the head revision."""
    _check_generation(conn)
    revision, head = store_revision(conn), head_revision()
    if revision == head:
        return
    if revision not in _known_revisions():
        raise SchemaMismatch(
            f"this store is at schema revision {revision!r}, which this diplograph does not know: "
            f"a newer diplograph upgraded it (this one reads {head!r}). "
            "Upgrade diplograph (pip install -U diplograph) to read it, or use another database."
        )
    url = conn.engine.url.render_as_string(hide_password=True)
    raise SchemaMismatch(
        f"this store is at schema revision {revision!r}; this diplograph needs {head!r} "
        f"({len(pending_revisions(revision))} migration(s) to run). Back it up, then run: "
        f"diplograph db upgrade --db {url}"
    )


def _check_generation(conn: Connection) -> None:
    "Raise SchemaMismatch unless `meta.schema_version` is SCHEMA_VERSION."
    found = conn.execute(select(meta.c.value).where(meta.c.key == "schema_version")).scalar()
    if found == str(SCHEMA_VERSION):
        return
    if found is not None and found.isdigit() and int(found) > SCHEMA_VERSION:
        advice = "Upgrade diplograph (pip install -U diplograph) to read it, or use another database."
    else:
        advice = (
            "Open it with the diplograph version that created it, or ingest your sources again into a new "
            "database (e.g. --db sqlite:///diplograph-new.db)."
        )
    raise SchemaMismatch(
        f"this store has schema version {found or 'unknown'}; this diplograph reads version "
        f"{SCHEMA_VERSION}. {advice}"
    )


# ── migrations (Alembic, configured in code) ─────────────────────────────────


def alembic_config(conn: Connection | None = None) -> Config:
    """Return an Alembic configuration for the migrations shipped in the package (no alembic.ini).

    Args:
        conn: the connection `migrations/env.py` runs the revisions on, inside the caller's
            transaction (which holds the write lock).
    """
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(resources.files("diplograph.store") / "migrations"))
    if conn is not None:
        config.attributes["connection"] = conn
    return config


@functools.cache
def _scripts() -> ScriptDirectory:
    "Return the revisions shipped in the package, as Alembic reads them (to migrate; once per process)."
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


# The two lines of a revision file that place it in the chain: `revision = "0002_…"` and
# `down_revision = "0001_…"` (or None), as Alembic's template writes them.
_REVISION_LINE = re.compile(r'^(revision|down_revision)\s*=\s*(?:"([^"]+)"|None)\s*$', re.MULTILINE)


@functools.cache
def _shipped_revisions() -> dict[str, str | None]:
    """Return {revision: the revision it follows} of the shipped migrations, read without Alembic.

    Why not `ScriptDirectory`: every command checks the store's revision against the head, and
    these few lines are all that check needs (a test keeps this equal to Alembic's reading).
    """
    chain: dict[str, str | None] = {}
    folder = resources.files("diplograph.store") / "migrations" / "versions"
    for entry in folder.iterdir():
        if not entry.name.endswith(".py") or entry.name.startswith("_"):
            continue
        found = {key: value or None for key, value in _REVISION_LINE.findall(entry.read_text("utf-8"))}
        if revision := found.get("revision"):
            chain[revision] = found.get("down_revision")
    return chain


def head_revision() -> str:
    """Return the newest revision of the shipped migrations: the one this diplograph reads.

    Raises:
        StoreError: the shipped revisions do not form one line (a missing or doubled revision).
    """
    chain = _shipped_revisions()
    heads = sorted(set(chain) - set(chain.values()))
    if not chain:  # pragma: no cover - the package always ships 0001_initial
        raise StoreError("diplograph's migrations are missing. Reinstall diplograph.")
    if len(heads) != 1:
        raise StoreError(
            f"diplograph's migrations are inconsistent: {len(heads)} heads ({', '.join(heads)}). "
            "Reinstall diplograph."
        )
    return heads[0]


def _known_revisions() -> frozenset[str]:
    "Return every shipped revision id."
    return frozenset(_shipped_revisions())


def store_revision(conn: Connection) -> str | None:
    """Return the revision a database is at: None when it has no diplograph tables yet.

    A store made before Alembic has `meta` but no `alembic_version`: it is at LEGACY_REVISION.
    The revision is read from Alembic's `alembic_version` table with plain SQL.

    Raises:
        SchemaMismatch: `alembic_version` names more than one revision (not a diplograph store's).
    """
    names = set(inspect(conn).get_table_names())
    if "alembic_version" in names:
        rows = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
        if len(rows) > 1:
            raise SchemaMismatch(
                f"this store's alembic_version names {len(rows)} revisions ({', '.join(sorted(rows))}); "
                "a diplograph store is at one. Use the database diplograph made, or a new one."
            )
        return str(rows[0]) if rows else None
    return LEGACY_REVISION if meta.name in names else None


def pending_revisions(revision: str | None) -> tuple[str, ...]:
    """Return the revisions, oldest first, that bring a store at `revision` to the head."""
    head = head_revision()
    if revision == head:
        return ()
    scripts = _scripts().iterate_revisions(head, revision or "base")
    return tuple(reversed([script.revision for script in scripts]))


def upgrade(conn: Connection) -> tuple[str, ...]:
    """Run the revisions a database lacks, up to the head; return those it ran, oldest first.

    An empty database runs them all (and becomes a store equal to one `ensure_schema`
    creates). A pre-Alembic store is stamped LEGACY_REVISION first.

    Args:
        conn: a connection inside a transaction that holds the write lock: the whole
            upgrade commits or rolls back with it.

    Raises:
        SchemaMismatch: the store is of another generation, or at a revision this diplograph
            does not know (a newer one's).
    """
    names = set(inspect(conn).get_table_names())
    if meta.name in names:
        _check_generation(conn)
    else:
        _refuse_foreign_tables(names)
    revision = store_revision(conn)
    if revision is not None and revision not in _known_revisions():
        check_schema_version(conn)  # raises, with the advice to upgrade diplograph
    pending = pending_revisions(revision)
    if not pending:
        return ()
    from alembic import command

    config = alembic_config(conn)
    if revision == LEGACY_REVISION and "alembic_version" not in names:
        command.stamp(config, LEGACY_REVISION)
    command.upgrade(config, "head")
    return pending


@dataclass(frozen=True, slots=True)
class SchemaStatus:
    """Where a store stands: its revision, the head this diplograph reads, and what is missing.

    `revision` is None for a database without diplograph tables; `applied` lists the
    revisions an upgrade just ran (empty for a status query).
    """

    url: str
    revision: str | None
    head: str
    pending: tuple[str, ...]
    applied: tuple[str, ...] = ()

    @property
    def up_to_date(self) -> bool:
        """True when the store is at the head revision."""
        return self.revision == self.head

    def to_dict(self) -> dict[str, Any]:
        """Return the status as plain JSON types."""
        return {
            "url": self.url,
            "revision": self.revision,
            "head": self.head,
            "up_to_date": self.up_to_date,
            "pending": list(self.pending),
            "applied": list(self.applied),
        }


def schema_status(url: str) -> SchemaStatus:
    """Return the revision of the store at `url` and the migrations it lacks, changing nothing.

    Raises:
        StoreError: the database cannot be reached.
    """
    engine, _ = open_engine(url)
    shown = engine.url.render_as_string(hide_password=True)
    try:
        with engine.connect() as conn, conn.begin():
            revision = store_revision(conn)
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot read the store at {shown}: {exc}") from exc
    finally:
        engine.dispose()
    pending = pending_revisions(revision) if revision in _known_revisions() or revision is None else ()
    return SchemaStatus(url=shown, revision=revision, head=head_revision(), pending=pending)


def upgrade_store(url: str) -> SchemaStatus:
    """Bring the store at `url` to the head revision (creating it when the database is empty).

    One transaction under the write lock: writers wait, and a failure leaves the store as it was.

    Raises:
        StoreError: the database cannot be reached or refused a migration.
        SchemaMismatch: the store is of another generation or newer than this diplograph.
    """
    engine, _ = open_engine(url)
    shown = engine.url.render_as_string(hide_password=True)
    try:
        with engine.connect().execution_options(**{WRITE_OPTION: True}) as conn, conn.begin():
            take_write_lock(conn)
            applied = upgrade(conn)
            revision = store_revision(conn)
    except SQLAlchemyError as exc:
        raise StoreError(f"could not upgrade the store at {shown}: {exc}. It was left unchanged.") from exc
    finally:
        engine.dispose()
    return SchemaStatus(url=shown, revision=revision, head=head_revision(), pending=(), applied=applied)


def take_write_lock(conn: Connection) -> None:
    """Serialise writers: on PostgreSQL take a transaction-level advisory lock.

    On SQLite the transaction already holds the write lock (it began with BEGIN IMMEDIATE).
    """
    if conn.dialect.name == "postgresql":
        conn.execute(select(func.pg_advisory_xact_lock(_PG_LOCK_KEY)))


def open_engine(url: str, *, read_only: bool = False) -> tuple[Engine, bool]:
    """Return the engine for a store URL, and True when it is an in-memory SQLite database.

    Args:
        url: a SQLAlchemy URL of SQLite or PostgreSQL (`postgresql://` and `postgres://`
            use psycopg 3), or a plain file path for SQLite.
        read_only: for commands that only read. A SQLite file must exist (a typo in
            `--db` would otherwise create an empty store and answer "0 events") and is
            opened read-only (`mode=ro`, and `immutable=1` when its folder cannot be
            written, so a store on a read-only mount or CD can be queried); PostgreSQL
            sessions are read-only transactions.

    Raises:
        NoStore: `read_only` and the SQLite file does not exist.
        StoreError: the URL names another database, or its driver is not installed.
    """
    if "://" not in url:
        url = "sqlite:///" + url
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    try:
        parsed = make_url(url)
        backend = parsed.get_backend_name()
        if backend == "postgresql":
            if parsed.drivername == "postgresql":
                parsed = parsed.set(drivername="postgresql+psycopg")
            options = {"postgresql_readonly": True} if read_only else {}
            return create_engine(parsed, pool_pre_ping=True, execution_options=options), False
        if backend != "sqlite":
            raise StoreError(
                f"diplograph stores in SQLite or PostgreSQL, not {backend!r} ({masked_url(url)})"
            )
        in_memory = parsed.database in (None, "", ":memory:")
        if in_memory:
            engine = create_engine(parsed, poolclass=StaticPool, connect_args={"check_same_thread": False})
        elif read_only:
            engine = create_engine(
                "sqlite://",
                creator=_read_only_sqlite(str(parsed.database)),
                connect_args={"check_same_thread": False},
            )
        else:
            engine = create_engine(parsed, connect_args={"check_same_thread": False, "timeout": 60})
    except (ArgumentError, NoSuchModuleError, ImportError) as exc:
        raise StoreError(
            f"cannot use store URL {masked_url(url)!r}: {_masked(str(exc), url)}. "
            "For PostgreSQL, install the extra: pip install 'diplograph[postgres]'"
        ) from exc
    _take_over_sqlite_transactions(engine, wal=not in_memory and not read_only)
    return engine, in_memory


def sqlite_file(url: str) -> Path | None:
    "Return the file of a SQLite store URL (or plain path), None for PostgreSQL or memory."
    if "://" not in url:
        url = "sqlite:///" + url
    try:
        parsed = make_url(url)
    except ArgumentError:
        return None
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database).expanduser()


def masked_url(url: str) -> str:
    """Return a store URL with its password replaced by `***`, for messages and logs.

    SQLAlchemy's own rendering when the URL parses; a pattern on `scheme://user:password@`
    when it does not (a malformed URL is exactly what an error message quotes).
    """
    try:
        return make_url(url).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return _PASSWORD_IN_URL.sub(r"\1***@", url)


def _masked(message: str, url: str) -> str:
    "Return `message` without the password of `url`, wherever the message quotes it."
    password = _PASSWORD_IN_URL.search(url)
    secret = password.group(2) if password else None
    return message.replace(secret, "***") if secret else message


_PASSWORD_IN_URL = re.compile(r"(://[^:/@\s]*:)([^@\s]+)@")


def _read_only_sqlite(path: str) -> Callable[[], sqlite3.Connection]:
    """Return a connection factory that opens an existing SQLite store read-only.

    Raises:
        NoStore: there is no file at `path`.
    """
    file = Path(path).expanduser().resolve()
    if not file.is_file():
        raise NoStore(f"no store at {path}; run `diplograph ingest` first, or give the right --db")
    immutable = "&immutable=1" if not os.access(file.parent, os.W_OK) else ""
    uri = f"{file.as_uri()}?mode=ro{immutable}"

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(uri, uri=True, check_same_thread=False, timeout=60)

    return connect


# Settings of a SQLite file store. WAL lets readers work while one process writes; a
# writer waits up to a minute for another's transaction (one article) to end;
# synchronous=NORMAL is durable in WAL mode up to the last checkpoint. A checkpoint
# every 10,000 pages (~40 MB of WAL) instead of 1,000 made saving 25 % faster (230 vs
# 180 articles/s, 2,000 synthetic articles of 3 events each into a file on a 2-core VM).
# Re-measure saving speed after changing them.
_FILE_PRAGMAS = (
    "busy_timeout = 60000",
    "synchronous = NORMAL",
    "wal_autocheckpoint = 10000",
)
_WAL_WAIT_SECONDS = 60.0


def _use_wal(cursor: Any) -> None:
    """Put a SQLite file in WAL mode (it stays so), waiting for other connections if need be.

    Why the loop: switching a new file to WAL needs an exclusive lock, and SQLite answers
    "database is locked" at once, without calling the busy handler, when another connection
    holds any lock; two processes opening a new store together hit it one time in four.
    Once the file is in WAL mode, asking is enough and no lock is needed.
    """
    deadline = time.monotonic() + _WAL_WAIT_SECONDS
    pause = 0.005
    while True:
        try:
            if str(cursor.execute("PRAGMA journal_mode").fetchone()[0]).lower() == "wal":
                return
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 0.25)


def _take_over_sqlite_transactions(engine: Engine, *, wal: bool) -> None:
    """Let SQLAlchemy emit BEGIN (IMMEDIATE for writes) instead of the sqlite3 module.

    The recipe from SQLAlchemy's SQLite docs ("Serializable isolation / Savepoints /
    Transactional DDL"): the legacy sqlite3 module would otherwise start transactions
    late, so two writers could both read "no such event" before either writes.
    """

    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        if wal:
            for pragma in _FILE_PRAGMAS:
                cursor.execute(f"PRAGMA {pragma}")
            _use_wal(cursor)
        cursor.close()

    def on_begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITE_OPTION) else "BEGIN")

    sa_event.listen(engine, "connect", on_connect)
    sa_event.listen(engine, "begin", on_begin)
