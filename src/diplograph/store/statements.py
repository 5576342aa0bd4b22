"""The prebuilt statements that several modules of the store execute.

Input: the tables of `schema.py`, and the store's dialect for the upserts. Output:
Core statements built once (at import, or per `Store` for the upserts) with
`b_`-prefixed bind parameters, and the size of the `IN (…)` lists that look rows up by id.

Why built once: building a Core statement took longer than running it (0.3 vs 0.1 ms
for a primary-key SELECT on SQLite), and the write path runs these for every article.
Statements that only one module uses are built in that module, beside their caller.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, bindparam, func, insert, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite

from diplograph.store import schema as s

CHUNK = 500  # ids per IN (...) list when loading sources or reviews

INSERT = {table.name: insert(table) for table in s.metadata.sorted_tables}
EVENT_PARTIES_KEY = select(s.events.c.parties_key).where(s.events.c.id == bindparam("b_id"))
UPDATE_EVENT = update(s.events).where(s.events.c.id == bindparam("b_id"))


@dataclass(frozen=True, slots=True)
class Upserts:
    """The INSERT … ON CONFLICT statements of one dialect (SQLite and PostgreSQL spell them alike)."""

    document: Any  # insert if new, returning its id
    actor: Any  # insert, or fill the attributes still unknown
    mechanism: Any  # insert if new, returning its id

    @classmethod
    def for_dialect(cls, dialect: str) -> Upserts:
        """Build the statements for `dialect`."""
        build = postgresql.insert if dialect == "postgresql" else sqlite.insert
        actor = build(s.actors)
        attributes = ("code", "country", "role")
        fill = {key: func.coalesce(s.actors.c[key], actor.excluded[key]) for key in attributes}
        learns = or_(
            *(and_(s.actors.c[key].is_(None), actor.excluded[key].is_not(None)) for key in attributes)
        )
        return cls(
            document=build(s.documents).on_conflict_do_nothing().returning(s.documents.c.id),
            actor=actor.on_conflict_do_update(index_elements=[s.actors.c.id], set_=fill, where=learns),
            mechanism=build(s.mechanisms).on_conflict_do_nothing().returning(s.mechanisms.c.id),
        )
