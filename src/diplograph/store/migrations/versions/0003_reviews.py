"""Reviews of events: analysts' overrides and the audit log of every change.

`event_reviews.event_id` names an `events.id` without a FOREIGN KEY on purpose: a
reviewed event's row is deleted and re-created under the same id when its only document
is re-ingested, and the review must outlive that moment (see `schema.event_reviews`).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_reviews"
down_revision = "0002_near_duplicates"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create `event_reviews` and `review_log`."""
    op.create_table(
        "event_reviews",
        sa.Column("event_id", sa.String(32), primary_key=True),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("fields", sa.JSON, nullable=False),
        sa.Column("reviewer", sa.Text, nullable=False),
        sa.Column("reviewed_at", sa.String(32), nullable=False),
    )
    op.create_index("ix_event_reviews_state", "event_reviews", ["state"])
    op.create_table(
        "review_log",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("event_id", sa.String(32), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("before", sa.JSON, nullable=False),
        sa.Column("after", sa.JSON, nullable=False),
        sa.Column("reviewer", sa.Text, nullable=False),
        sa.Column("at", sa.String(32), nullable=False),
    )
    op.create_index("ix_review_log_event", "review_log", ["event_id"])


def downgrade() -> None:
    """Drop `review_log` and `event_reviews` (the reviews are lost)."""
    op.drop_index("ix_review_log_event", table_name="review_log")
    op.drop_table("review_log")
    op.drop_index("ix_event_reviews_state", table_name="event_reviews")
    op.drop_table("event_reviews")
