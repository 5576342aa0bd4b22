"""Near-duplicate documents: MinHash signatures, LSH band buckets and links to the original.

The tables match `schema.document_minhash`, `schema.minhash_bands` and
`schema.document_links` (see `dedupe.py` for why MinHash/LSH). A store upgraded from
0001 has no signatures for the documents it already holds: they are computed when a
document is saved again, so re-ingest the corpus to link the copies among them.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_near_duplicates"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create `document_minhash`, `minhash_bands` and `document_links`."""
    op.create_table(
        "document_minhash",
        sa.Column(
            "document_id", sa.Text, sa.ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("signature", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "minhash_bands",
        sa.Column("band", sa.Integer, primary_key=True),
        sa.Column("bucket", sa.BigInteger, primary_key=True),
        sa.Column(
            "document_id", sa.Text, sa.ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
        ),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_minhash_bands_document", "minhash_bands", ["document_id"])
    op.create_table(
        "document_links",
        sa.Column(
            "document_id", sa.Text, sa.ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("duplicate_of", sa.Text, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("similarity", sa.Float, nullable=False),
    )
    op.create_index("ix_document_links_duplicate_of", "document_links", ["duplicate_of"])


def downgrade() -> None:
    """Drop the three tables (the links are lost; re-ingesting recomputes them)."""
    op.drop_index("ix_document_links_duplicate_of", table_name="document_links")
    op.drop_table("document_links")
    op.drop_index("ix_minhash_bands_document", table_name="minhash_bands")
    op.drop_table("minhash_bands")
    op.drop_table("document_minhash")
