"""Link a saved article to the original it nearly duplicates, and read the links back.

Input: an article being saved (inside its write transaction), and the MinHash
fingerprints of the documents already stored (`document_minhash`, `minhash_bands`).
Output: the article's own fingerprint rows, a `document_links` row when it is a
near-duplicate (syndicated copy) of a stored document, and the id of that original,
whose events the article's reports then try first (`reconciling.matching_event`).

Why in the save's transaction and through band buckets: the link must exist before the
copy's reports are matched, and "which stored articles may be copies of this one" stays
one indexed query however many articles the store holds (`dedupe.py` explains the
fingerprints and thresholds).

Why `dedupe` is imported inside the functions that save: it needs numpy, which a command
that only reads the store should not wait for (issue 13).
"""

from __future__ import annotations

import functools
from typing import Any

from sqlalchemy import Connection, Select, and_, bindparam, delete, func, or_, select

from diplograph.models import Article
from diplograph.store import schema as s
from diplograph.store.statements import INSERT

# At most this many stored documents sharing a band are compared signature by signature
# (those sharing the most bands); an article has a handful of copies, rarely more.
_MAX_DUPLICATE_CANDIDATES = 50
_VERIFIED_CANDIDATES = 3  # the best-estimated ones are compared text to text


@functools.cache
def _similar_documents(bands: int) -> Select[Any]:
    """Return the query of the stored documents sharing an LSH band bucket with a fingerprint.

    With their signatures and publication dates. One primary-key search per band: a
    row-value `(band, bucket) IN (…)` made SQLite scan the whole table (quadratic over an
    ingest). Built on the first save, once `dedupe` (and its number of bands) is loaded.
    """
    shared_bands = (
        select(s.minhash_bands.c.document_id)
        .where(
            or_(
                *(
                    and_(
                        s.minhash_bands.c.band == band,
                        s.minhash_bands.c.bucket == bindparam(f"b_bucket{band}"),
                    )
                    for band in range(bands)
                )
            ),
            s.minhash_bands.c.document_id != bindparam("b_id"),
        )
        .group_by(s.minhash_bands.c.document_id)
        .order_by(func.count().desc(), s.minhash_bands.c.document_id)
        .limit(_MAX_DUPLICATE_CANDIDATES)
    )
    return (
        select(s.document_minhash.c.document_id, s.document_minhash.c.signature, s.documents.c.published)
        .join(s.documents, s.documents.c.id == s.document_minhash.c.document_id)
        .where(s.document_minhash.c.document_id.in_(shared_bands.scalar_subquery()))
        .order_by(s.document_minhash.c.document_id)
    )


def link_near_duplicate(conn: Connection, article: Article, *, replaced: bool) -> str | None:
    """Store a document's MinHash fingerprint and link it to the original it copies; return that original.

    The original is the first-saved document of the group: a copy of a copy is linked to
    the copy's original. Documents saved later are compared with this one when they are
    saved; a replaced document drops its old fingerprint and link first. Only documents
    published close enough in time are candidates (`dedupe.published_close`).
    """
    from diplograph.extract import dedupe

    document_id = article.id
    if replaced:
        for table in (s.document_links, s.minhash_bands, s.document_minhash):
            conn.execute(delete(table).where(table.c.document_id == document_id))
    fingerprint = dedupe.fingerprint(article.text)
    if fingerprint is None:
        return None
    params = {f"b_bucket{band}": bucket for band, bucket in enumerate(fingerprint.bands)}
    stored = conn.execute(_similar_documents(dedupe.BANDS), {"b_id": document_id, **params}).all()
    conn.execute(
        INSERT[s.document_minhash.name], {"document_id": document_id, "signature": fingerprint.signature}
    )
    conn.execute(
        INSERT[s.minhash_bands.name],
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
        INSERT[s.document_links.name],
        {"document_id": document_id, "duplicate_of": original, "similarity": round(score, 4)},
    )
    return original


def duplicate_group(conn: Connection, document_id: str) -> list[dict[str, Any]] | None:
    """Return the near-duplicate links of a document's group, as `Store.duplicates` documents them.

    None when there is no such document (the caller raises `NotFound`, naming its store).
    """
    links = s.document_links.c
    if conn.execute(select(s.documents.c.id).where(s.documents.c.id == document_id)).first() is None:
        return None
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
        {"document": r.document_id, "duplicate_of": r.duplicate_of, "similarity": r.similarity} for r in rows
    ]
