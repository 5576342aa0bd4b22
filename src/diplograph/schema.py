"""The database behind the store: its tables, how to open it, and its version.

Input: a store URL (SQLite file or memory, PostgreSQL). Output: an engine whose
write transactions take the database's write lock, and the tables below,
created on first open with a `meta` row recording `schema_version`; a store made
by another schema version is refused with `SchemaMismatch` instead of being read
wrongly. Only this module and `store.py` import SQLAlchemy.

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

The schema is created in one step (version 1). A later change bumps
`SCHEMA_VERSION` and adds a named step to `MIGRATIONS`; until a step exists
for a version, opening an older store fails with a message saying what to do.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import (
    JSON,
    Column,
    Connection,
    Engine,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    create_engine,
    func,
    inspect,
    select,
)
from sqlalchemy import event as sa_event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError
from sqlalchemy.pool import StaticPool

from diplograph.errors import SchemaMismatch, StoreError

SCHEMA_VERSION = 1

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

# Named, ordered steps that bring a store to SCHEMA_VERSION; the index + 1 is the
# version a step produces. Version 1 is the initial `metadata.create_all`.
MIGRATIONS: tuple[tuple[str, Callable[[Connection], None]], ...] = (
    ("0001_initial", lambda conn: metadata.create_all(conn)),
)


# What to append to a year- or month-precise ISO date to get its first and last day.
def ensure_schema(conn: Connection) -> None:
    """Create the tables of an empty database, or check that an existing store has our version.

    Args:
        conn: a connection inside a transaction that holds the write lock.

    Raises:
        SchemaMismatch: the database holds diplograph tables of another (or no) schema version.
    """
    names = set(inspect(conn).get_table_names())
    if meta.name not in names:
        ours = names & set(metadata.tables)
        if ours:
            raise SchemaMismatch(
                f"the database has diplograph tables ({', '.join(sorted(ours))}) but no schema version; "
                "it was not made by this diplograph. Use a new database file or URL, "
                "or drop those tables and ingest again."
            )
        for _name, step in MIGRATIONS:
            step(conn)
        conn.execute(meta.insert().values(key="schema_version", value=str(SCHEMA_VERSION)))
        return
    check_schema_version(conn)


def is_created(conn: Connection) -> bool:
    """Return True when the database already has diplograph's `meta` table."""
    return meta.name in inspect(conn).get_table_names()


def check_schema_version(conn: Connection) -> None:
    """Raise `SchemaMismatch` unless the store's recorded schema version is ours."""
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


def take_write_lock(conn: Connection) -> None:
    """Serialise writers: on PostgreSQL take a transaction-level advisory lock.

    On SQLite the transaction already holds the write lock (it began with BEGIN IMMEDIATE).
    """
    if conn.dialect.name == "postgresql":
        conn.execute(select(func.pg_advisory_xact_lock(_PG_LOCK_KEY)))


def open_engine(url: str) -> tuple[Engine, bool]:
    """Return the engine for a store URL, and True when it is an in-memory SQLite database.

    Args:
        url: a SQLAlchemy URL of SQLite or PostgreSQL (`postgresql://` and `postgres://`
            use psycopg 3), or a plain file path for SQLite.

    Raises:
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
            return create_engine(parsed, pool_pre_ping=True), False
        if backend != "sqlite":
            raise StoreError(f"diplograph stores in SQLite or PostgreSQL, not {backend!r} ({url})")
        in_memory = parsed.database in (None, "", ":memory:")
        if in_memory:
            engine = create_engine(parsed, poolclass=StaticPool, connect_args={"check_same_thread": False})
        else:
            engine = create_engine(parsed, connect_args={"check_same_thread": False, "timeout": 60})
    except (ArgumentError, NoSuchModuleError, ImportError) as exc:
        raise StoreError(
            f"cannot use store URL {url!r}: {exc}. "
            "For PostgreSQL, install the extra: pip install 'diplograph[postgres]'"
        ) from exc
    _take_over_sqlite_transactions(engine, wal=not in_memory)
    return engine, in_memory


# Settings of a SQLite file store. WAL lets readers work while one process writes; a
# writer waits up to a minute for another's transaction (one article) to end;
# synchronous=NORMAL is durable in WAL mode up to the last checkpoint. A checkpoint
# every 10,000 pages (~40 MB of WAL) instead of 1,000 made saving 25 % faster (230 vs
# 180 articles/s, 2,000 synthetic articles of 3 events each into a file on a 2-core VM).
# Re-measure saving speed after changing them.
_FILE_PRAGMAS = (
    "busy_timeout = 60000",
    "journal_mode = WAL",
    "synchronous = NORMAL",
    "wal_autocheckpoint = 10000",
)


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
        cursor.close()

    def on_begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITE_OPTION) else "BEGIN")

    sa_event.listen(engine, "connect", on_connect)
    sa_event.listen(engine, "begin", on_begin)
