"""Watching news feeds (issue 15): feeds' HTTP state, items seen, alerts and their deliveries.

Four new tables, nothing changed in the others: `watch_feeds` (validators and back-off
of each feed polled), `watch_items` (each feed item seen, its state and the document it
became), `alerts` (deterministic ids, so that computing an alert twice finds the row)
and `alert_deliveries` (each alert's delivery to each webhook). See `schema.watch_feeds`.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_watch"
down_revision = "0005_document_labels"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create `watch_feeds`, `watch_items`, `alerts` and `alert_deliveries`."""
    op.create_table(
        "watch_feeds",
        sa.Column("url", sa.Text, primary_key=True),
        sa.Column("etag", sa.Text),
        sa.Column("last_modified", sa.Text),
        sa.Column("content_hash", sa.String(64)),
        sa.Column("checked_at", sa.String(32)),
        sa.Column("next_check_at", sa.String(32)),
        sa.Column("failures", sa.Integer, nullable=False),
        sa.Column("last_outcome", sa.String(16)),
        sa.Column("last_error", sa.Text),
    )
    op.create_table(
        "watch_items",
        sa.Column("url", sa.Text, primary_key=True),
        sa.Column("feed_url", sa.Text, nullable=False),
        sa.Column("fingerprint", sa.String(32), nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.String(10)),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("document_id", sa.Text),
        sa.Column("snapshot", sa.JSON),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("next_try_at", sa.String(32)),
        sa.Column("error", sa.Text),
        sa.Column("seen_at", sa.String(32), nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
    )
    op.create_index("ix_watch_items_state", "watch_items", ["state", "next_try_at"])
    op.create_table(
        "alerts",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("rule", sa.String(24), nullable=False),
        sa.Column("subject", sa.String(32), nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("status", sa.String(16)),
        sa.Column("parties", sa.JSON, nullable=False),
        sa.Column("date", sa.String(10)),
        sa.Column("quote", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("document_id", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("confidence", sa.Float),
        sa.Column("detail", sa.JSON, nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
    )
    op.create_index("ix_alerts_created", "alerts", ["created_at"])
    op.create_table(
        "alert_deliveries",
        sa.Column(
            "alert_id", sa.String(32), sa.ForeignKey("alerts.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("target", sa.Text, primary_key=True),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("next_try_at", sa.String(32)),
        sa.Column("last_error", sa.Text),
        sa.Column("delivered_at", sa.String(32)),
    )
    op.create_index("ix_alert_deliveries_state", "alert_deliveries", ["state", "next_try_at"])


def downgrade() -> None:
    """Drop the four tables (what was seen, the alerts and their delivery states are lost)."""
    op.drop_index("ix_alert_deliveries_state", table_name="alert_deliveries")
    op.drop_table("alert_deliveries")
    op.drop_index("ix_alerts_created", table_name="alerts")
    op.drop_table("alerts")
    op.drop_index("ix_watch_items_state", table_name="watch_items")
    op.drop_table("watch_items")
    op.drop_table("watch_feeds")
