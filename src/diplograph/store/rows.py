"""Convert between the store's rows and the model objects callers see.

Input: rows of `events`, `mechanisms` and `documents`, and the evidence lists of
`event_reports` / `mechanism_reports`. Output: `Event` and `Mechanism` objects with
their sources, documents as plain dicts, and (the other way) the stored form of an
`Evidence`.

Why here, apart from the queries: every reading method of `Store` returns the same
shapes, so the conversion is written once; callers never see a SQLAlchemy row.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Row, Select, select

from diplograph.models import Event, Evidence, Location, Mechanism, Person
from diplograph.reconcile import split_parties
from diplograph.store.statements import CHUNK


def sources_of(conn: Connection, table: Any, owner: Any, ids: Sequence[str]) -> dict[str, list[Evidence]]:
    "Return the evidence of each owner id, in the order the reports arrived."
    out: dict[str, list[Evidence]] = {}
    for start in range(0, len(ids), CHUNK):
        query: Select[Any] = (
            select(owner, table.c.document_id, table.c.evidence)
            .where(owner.in_(ids[start : start + CHUNK]))
            .order_by(table.c.id)
        )
        for owner_id, document_id, evidence in conn.execute(query):
            out.setdefault(owner_id, []).extend(
                Evidence(document=document_id, quote=e["quote"], start=e["start"], end=e["end"])
                for e in evidence
            )
    return out


def event_of(row: Row[Any], sources: Sequence[Evidence]) -> Event:
    "Return the model object of a stored event row."
    location = Location(city=row.city, country=row.country) if row.city or row.country else None
    return Event(
        id=row.id,
        kind=row.kind,
        status=row.status,
        parties=split_parties(row.parties_key),
        date=row.date,
        date_end=row.date_end,
        location=location,
        ordinal=row.ordinal,
        people=tuple(
            Person(name=p["name"], country=p.get("country"), role=p.get("role")) for p in row.people
        ),
        topics=tuple(row.topics),
        mechanism=row.mechanism_id,
        confidence=row.confidence,
        sources=tuple(sources),
        conflicts=tuple(row.conflicts),
    )


def mechanism_of(row: Row[Any], sources: Sequence[Evidence]) -> Mechanism:
    "Return the model object of a stored mechanism row."
    return Mechanism(
        id=row.id,
        kind=row.kind,
        status=row.status,
        parties=split_parties(row.parties_key),
        name=row.name,
        confidence=row.confidence,
        sources=tuple(sources),
    )


def document_of(row: Row[Any], *, with_text: bool) -> dict[str, Any]:
    "Return a stored document row as a dict."
    out = {
        key: row._mapping[key]
        for key in ("id", "source", "url", "title", "published", "content_hash", "versions")
    }
    if with_text:
        out["text"] = row.text
    return out


def evidence_dict(evidence: Evidence) -> dict[str, Any]:
    "Return the stored form of an evidence (its document is the report's)."
    return {"quote": evidence.quote, "start": evidence.start, "end": evidence.end}
