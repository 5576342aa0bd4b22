"""The schema of version 1: documents, actors and mentions, mechanisms and events with their reports.

Written out table by table rather than with `metadata.create_all` because the metadata
grows with every later revision: this revision must stay exactly the schema that stores
made before Alembic have (`meta.schema_version = 1`, no `alembic_version` table), so that
`diplograph db upgrade` can stamp such a store with it and run only the later revisions.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the version-1 tables and record `schema_version = 1` in `meta`."""
    meta = op.create_table(
        "meta",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.bulk_insert(meta, [{"key": "schema_version", "value": "1"}])
    op.create_table(
        "documents",
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.String(10)),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("versions", sa.JSON),
    )
    op.create_table(
        "actors",
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("code", sa.Text),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("country", sa.String(8)),
        sa.Column("role", sa.Text),
        sa.Column("members", sa.JSON),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_actors_type", "actors", ["type"])
    op.create_table(
        "mentions",
        sa.Column(
            "document_id", sa.Text, sa.ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("actor_id", sa.Text, sa.ForeignKey("actors.id"), primary_key=True),
        sa.Column("start_char", sa.Integer, primary_key=True),
        sa.Column("end_char", sa.Integer, nullable=False),
        sa.Column("sentence", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("via", sa.String(16), nullable=False),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_mentions_actor", "mentions", ["actor_id"])
    op.create_table(
        "mechanisms",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("parties_key", sa.Text, nullable=False),
        sa.Column("name", sa.Text),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.UniqueConstraint("kind", "parties_key", "status", name="uq_mechanisms_kind_parties_status"),
    )
    op.create_index("ix_mechanisms_status", "mechanisms", ["status"])
    op.create_table(
        "mechanism_parties",
        sa.Column(
            "mechanism_id",
            sa.String(32),
            sa.ForeignKey("mechanisms.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("party", sa.String(8), primary_key=True),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_mechanism_parties_party", "mechanism_parties", ["party", "mechanism_id"])
    op.create_table(
        "mechanism_reports",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("mechanism_id", sa.String(32), sa.ForeignKey("mechanisms.id"), nullable=False),
        sa.Column("document_id", sa.Text, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("local_id", sa.Text),
        sa.Column("name", sa.Text),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("evidence", sa.JSON, nullable=False),
    )
    op.create_index("ix_mechanism_reports_mechanism", "mechanism_reports", ["mechanism_id"])
    op.create_index("ix_mechanism_reports_document", "mechanism_reports", ["document_id"])
    op.create_table(
        "events",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("parties_key", sa.Text, nullable=False),
        sa.Column("n_parties", sa.Integer, nullable=False),
        sa.Column("date", sa.String(10)),
        sa.Column("date_end", sa.String(10)),
        sa.Column("date_lo", sa.String(10)),
        sa.Column("date_hi", sa.String(10)),
        sa.Column("city", sa.Text),
        sa.Column("country", sa.String(8)),
        sa.Column("ordinal", sa.Integer),
        sa.Column("people", sa.JSON, nullable=False),
        sa.Column("topics", sa.JSON, nullable=False),
        sa.Column("mechanism_id", sa.String(32), sa.ForeignKey("mechanisms.id", ondelete="SET NULL")),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("conflicts", sa.JSON, nullable=False),
        sa.Column("year", sa.Integer),
    )
    op.create_index("ix_events_kind_parties", "events", ["kind", "parties_key", "year"])
    op.create_index("ix_events_kind_year_size", "events", ["kind", "year", "n_parties"])
    op.create_index("ix_events_status", "events", ["status"])
    op.create_index("ix_events_date_lo", "events", ["date_lo"])
    op.create_index("ix_events_date_hi", "events", ["date_hi"])
    op.create_index("ix_events_mechanism", "events", ["mechanism_id"])
    op.create_table(
        "event_parties",
        sa.Column(
            "event_id", sa.String(32), sa.ForeignKey("events.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("party", sa.String(8), primary_key=True),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_event_parties_party", "event_parties", ["party", "event_id"])
    op.create_table(
        "event_reports",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("event_id", sa.String(32), sa.ForeignKey("events.id"), nullable=False),
        sa.Column("document_id", sa.Text, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("parties_key", sa.Text, nullable=False),
        sa.Column("date", sa.String(10)),
        sa.Column("date_end", sa.String(10)),
        sa.Column("city", sa.Text),
        sa.Column("country", sa.String(8)),
        sa.Column("ordinal", sa.Integer),
        sa.Column("people", sa.JSON, nullable=False),
        sa.Column("topics", sa.JSON, nullable=False),
        sa.Column("mechanism_id", sa.String(32)),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("evidence", sa.JSON, nullable=False),
    )
    op.create_index("ix_event_reports_event", "event_reports", ["event_id"])
    op.create_index("ix_event_reports_document", "event_reports", ["document_id"])


def downgrade() -> None:
    """Drop every table (the store is emptied)."""
    for name in (
        "event_reports",
        "event_parties",
        "events",
        "mechanism_reports",
        "mechanism_parties",
        "mechanisms",
        "mentions",
        "actors",
        "documents",
        "meta",
    ):
        op.drop_table(name)
