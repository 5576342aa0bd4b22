"""Persist extractions and answer queries over them: the one door to the database.

Input: `Extraction`s, one article at a time, each with its events, mechanisms
and actor mentions. Output: rows in SQLite or PostgreSQL (tables in
`schema.py`), and model objects for queries: `Event`, `Mechanism`, and plain
dicts for documents and actors. Callers never see SQLAlchemy.

Why the store reconciles: several articles report the same meeting, so each
extracted event is stored as a *report* and folded into one stored event per
real-world event. A report joins a stored event of the same kind when

- the parties are equal (or, with 3+ parties on both sides, Jaccard ≥ 0.6);
- the statuses are in one group (occurred/planned, or proposed/predicted):
  a plan and the later report that it happened are one event;
- the dates agree (`date_agreement`): equal; day-precise within 2 days or
  inside the other's range; one a prefix of the other ("2026-04",
  "2026-04-21"); or, for an undated side, the same year as the other's
  publication. The last two are coarse: they join only when exactly one
  stored event is compatible, and never across different ordinals or cities;
- or it is the same session: the same stated number ("the first 2+2"), the
  same parties (or one list inside the other), one side undated whatever year
  it was published in, or the dates agreeing even coarsely whatever city each
  names (`reconcile.same_session`).

The stored attributes are the fold of all reports (`reconcile.EventFold`), which
makes saving idempotent and lets a changed document withdraw exactly its own
contribution. A new report updates the event's saved fold state (`event_folds`);
a withdrawal folds the remaining reports again from scratch. Disagreements between sources are kept in `Event.conflicts`
rather than silently resolved.

Near-duplicates (syndicated copies, `dedupe.py`) are linked to the first-saved
original in the same transaction (`document_links`), found through their MinHash
band buckets (`minhash_bands`); a copy's reports try the original's events first,
so a copy whose extraction differs slightly still adds sources, not events.

Why one write transaction per article, taken with a write lock at its start
(`BEGIN IMMEDIATE` on SQLite, `pg_advisory_xact_lock` on PostgreSQL): the
look-up of candidate events and the insert of a new one must not interleave
with another writer, or two processes would create the same event twice.
A failure anywhere rolls the whole article back.

What it does not do: split an event again when a withdrawn report was the
link between two others, or merge two stored events that a later report
shows to be one. Both would need a re-run over the affected documents.

The package, one responsibility a module (only `core` imports the others):

- `core`: the `Store` class, its connections and transactions, the save path
  and the reading queries;
- `reconciling`: the SQL side of reconciliation (candidate look-ups, matching a
  report to a stored event, new event ids, refolding events and mechanisms);
- `links`: near-duplicate fingerprints and links;
- `reviews`: analysts' reviews, their checks and their audit log;
- `filters`: the WHERE and ORDER BY of event queries (`EVENT_SORTS`, `REVIEW_FILTERS`);
- `rows`: rows to model objects and back;
- `statements`: the prebuilt statements several of them share.
"""

from __future__ import annotations

from diplograph.store.core import SaveResult, Store
from diplograph.store.filters import EVENT_SORTS, REVIEW_FILTERS
from diplograph.store.reviews import REVIEW_ACTIONS, REVIEW_FIELDS, REVIEW_STATES, checked_review_fields

__all__ = [
    "EVENT_SORTS",
    "REVIEW_ACTIONS",
    "REVIEW_FIELDS",
    "REVIEW_FILTERS",
    "REVIEW_STATES",
    "SaveResult",
    "Store",
    "checked_review_fields",
]
