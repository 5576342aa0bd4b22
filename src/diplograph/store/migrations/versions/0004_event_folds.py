"""Event folds: the running state of each event's reconciliation, so one more report is O(1).

Derived data only: the table starts empty and an event without a row is re-folded from its
reports the next time a report joins it, so the upgrade is instant on any store.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_event_folds"
down_revision = "0003_reviews"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create `event_folds`."""
    op.create_table(
        "event_folds",
        sa.Column(
            "event_id",
            sa.String(32),
            sa.ForeignKey("events.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("state", sa.Text, nullable=False),
    )


def downgrade() -> None:
    """Drop `event_folds` (nothing is lost: it is recomputed from the reports)."""
    op.drop_table("event_folds")
