"""Document labels: the readable name of a document, now that its id names its content.

Until this revision a document's id was its path relative to the directory given, so
two different articles named `article.txt` in two folders were one document, and the
same article reached by another path was another. Documents read from now on get the
id of their text (`ingest.content_id`) or their record's own id, and keep the path as
`label`. The documents already stored keep their ids, which become their labels too:
their events, reviews and links stay as they are. Re-ingesting the same files stores
them again under content ids (the old rows are then near-duplicates of the new); to
have one row per article, ingest into a new store.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_document_labels"
down_revision = "0004_event_folds"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add `documents.label`, filled with the id of every stored document."""
    op.add_column("documents", sa.Column("label", sa.Text, nullable=True))
    documents = sa.table("documents", sa.column("id", sa.Text), sa.column("label", sa.Text))
    op.execute(documents.update().values(label=documents.c.id))


def downgrade() -> None:
    """Drop `documents.label` (the ids are kept; only the readable names are lost).

    Plain `ALTER TABLE … DROP COLUMN` (SQLite 3.35+, PostgreSQL) rather than Alembic's
    batch mode, whose copy-and-rename of `documents` would cascade-delete every row
    that refers to it.
    """
    op.execute("ALTER TABLE documents DROP COLUMN label")
