"""Analysts' reviews: confirm, reject or edit a stored event, and keep an audit log (issue 4).

Input: a verdict on an event (`confirm`, `reject` or `edit` with attribute overrides)
and who made it. Output: a row in `event_reviews` (the current review, overrides merged
into earlier ones), a row in `review_log` (who, when, the attributes before and after),
and the event's row with the overrides laid over it.

Why beside the extracted rows rather than in them: the review is laid over the event's
row by `apply_review` every time the row is (re)computed from its reports, so a later
re-extraction never overwrites what an analyst decided. The overrides are checked
strictly against `vocab.py` (`checked_review_fields`) because they outlive the session.

The `Store` methods (`review_event`, `reviews`, `review_log`) own the transactions and
their errors; the functions here run inside a connection they are given.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Row, bindparam, delete, insert, select, update

from diplograph.errors import InvalidQuery
from diplograph.store import schema as s
from diplograph.store.filters import ISO_DATE, as_list
from diplograph.store.reconcile import date_bounds, parties_key, split_parties, year_of
from diplograph.store.statements import CHUNK, INSERT, UPDATE_EVENT
from diplograph.vocab import EVENT_KINDS, EVENT_STATUSES, TOPICS

REVIEW_ACTIONS = ("confirm", "reject", "edit")
REVIEW_STATES = ("confirmed", "rejected", "edited")
REVIEW_FIELDS = ("kind", "status", "parties", "date", "date_end", "location", "ordinal", "topics")
_REVIEW_STATES = dict(zip(REVIEW_ACTIONS, REVIEW_STATES, strict=True))
_ISO3 = re.compile(r"^[A-Z]{3}$")
_APPLY_REVIEW = select(s.event_reviews.c.fields).where(s.event_reviews.c.event_id == bindparam("b_id"))


@dataclass(frozen=True, slots=True, kw_only=True)
class Review:
    """An analyst's verdict, checked and timestamped, ready to be recorded on an event."""

    action: str
    state: str
    fields: dict[str, Any]
    reviewer: str
    at: str


def checked_review(action: str, fields: Mapping[str, Any] | None, reviewer: str) -> Review:
    """Return the review `Store.review_event` records, or raise InvalidQuery before anything is opened.

    Raises:
        InvalidQuery: the action, a field or the reviewer is not valid.
    """
    if action not in REVIEW_ACTIONS:
        raise InvalidQuery(
            f"action={action!r} is not a review action; use one of {', '.join(REVIEW_ACTIONS)}"
        )
    who = (reviewer or "").strip()
    if not who or len(who) > 200:
        raise InvalidQuery("reviewer must be a name of 1 to 200 characters; say who made the change")
    overrides = checked_review_fields(fields or {})
    if action == "edit" and not overrides:
        raise InvalidQuery("an edit needs at least one field to change (kind, status, parties, date, …)")
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    return Review(action=action, state=_REVIEW_STATES[action], fields=overrides, reviewer=who, at=now)


def record_review(conn: Connection, event_id: str, review: Review) -> bool:
    """Store a review of an event, apply it to the event's row and log it; False when there is no such event.

    Runs inside the caller's write transaction; nothing is written for a missing event.
    """
    row = conn.execute(select(s.events).where(s.events.c.id == event_id)).first()
    if row is None:
        return False
    previous = conn.execute(select(s.event_reviews).where(s.event_reviews.c.event_id == event_id)).first()
    merged = {**(previous.fields if previous is not None else {}), **review.fields}
    before = {"state": previous.state if previous is not None else None, **_reviewable(row)}
    values = {"state": review.state, "fields": merged, "reviewer": review.reviewer, "reviewed_at": review.at}
    if previous is None:
        conn.execute(insert(s.event_reviews), {"event_id": event_id, **values})
    else:
        conn.execute(update(s.event_reviews).where(s.event_reviews.c.event_id == event_id), values)
    apply_review(conn, event_id)
    after_row = conn.execute(select(s.events).where(s.events.c.id == event_id)).one()
    after = {"state": review.state, **_reviewable(after_row)}
    conn.execute(
        insert(s.review_log),
        {
            "event_id": event_id,
            "action": review.action,
            "before": before,
            "after": after,
            "reviewer": review.reviewer,
            "at": review.at,
        },
    )
    return True


def current_reviews(
    conn: Connection,
    *,
    event: str | Sequence[str] | None = None,
    state: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[dict[str, Any]]:
    "Return the current reviews (newest first), as `Store.reviews` documents them."
    rv = s.event_reviews
    query = select(rv)
    if event is not None:
        query = query.where(rv.c.event_id.in_(as_list(event)))
    if state is not None:
        query = query.where(rv.c.state == state)
    query = query.order_by(rv.c.reviewed_at.desc(), rv.c.event_id).offset(offset).limit(limit)
    return [dict(row._mapping) for row in conn.execute(query)]


def review_log_entries(
    conn: Connection, *, event: str | None = None, limit: int | None = None, offset: int = 0
) -> list[dict[str, Any]]:
    "Return the audit log of reviews, newest first, as `Store.review_log` documents it."
    log = s.review_log
    query = select(log)
    if event is not None:
        query = query.where(log.c.event_id == event)
    query = query.order_by(log.c.id.desc()).offset(offset).limit(limit)
    return [dict(row._mapping) for row in conn.execute(query)]


def checked_review_fields(fields: Mapping[str, Any]) -> dict[str, Any]:
    """Return review overrides in their stored form, or raise InvalidQuery naming the bad field.

    Why strict: an override is laid over every later re-extraction, so a typo would
    outlive the analyst's session; the vocabularies of `vocab.py` are the only values.
    """
    out: dict[str, Any] = {}
    for name, value in fields.items():
        if name not in REVIEW_FIELDS:
            raise InvalidQuery(f"{name!r} cannot be reviewed; editable fields: {', '.join(REVIEW_FIELDS)}")
        out[name] = _checked_review_value(name, value)
    date, date_end = out.get("date"), out.get("date_end")
    if date and date_end and date_end < date:
        raise InvalidQuery(f"date_end={date_end!r} is before date={date!r}")
    return out


def _checked_review_value(name: str, value: Any) -> Any:
    "Return one override checked against its vocabulary or format."
    if name in ("kind", "status"):
        allowed = EVENT_KINDS if name == "kind" else EVENT_STATUSES
        if value not in allowed:
            raise InvalidQuery(f"{name}={value!r} is not one of: {', '.join(allowed)}")
        return value
    if name == "parties":
        codes = as_list(value) if isinstance(value, (str, list, tuple)) else None
        if not codes or not all(isinstance(c, str) and _ISO3.match(c) for c in codes):
            raise InvalidQuery(f"parties={value!r} must be a non-empty list of ISO3 codes such as CHN")
        return sorted(set(codes))
    if name in ("date", "date_end"):
        if value is None:
            return None
        if not isinstance(value, str) or not _is_real_date(value):
            raise InvalidQuery(f"{name}={value!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD")
        return value
    if name == "location":
        if value is None:
            return None
        if not isinstance(value, Mapping) or set(value) - {"city", "country"}:
            raise InvalidQuery(f"location={value!r} must be an object with city and/or country")
        city, country = value.get("city"), value.get("country")
        if city is not None and (not isinstance(city, str) or not 0 < len(city.strip()) <= 200):
            raise InvalidQuery(f"location city={city!r} must be a name of 1 to 200 characters")
        if country is not None and (not isinstance(country, str) or not _ISO3.match(country)):
            raise InvalidQuery(f"location country={country!r} must be an ISO3 code such as KHM")
        return {"city": city.strip() if city else None, "country": country}
    if name == "ordinal":
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 1000:
            raise InvalidQuery(f"ordinal={value!r} must be a whole number from 1 to 1000")
        return value
    if not isinstance(value, (list, tuple)) or not all(t in TOPICS for t in value):  # topics
        raise InvalidQuery(f"topics={value!r} must be a list of: {', '.join(TOPICS)}")
    return sorted(set(value))


def _is_real_date(value: str) -> bool:
    "True for a partial ISO date that names a real year, month or day."
    if not ISO_DATE.match(value):
        return False
    try:
        dt.date.fromisoformat((value + "-01-01")[:10] if len(value) < 10 else value)
    except ValueError:
        return False
    return True


def _reviewable(row: Row[Any]) -> dict[str, Any]:
    "Return the reviewable attributes of an events row, as the audit log keeps them."
    return {
        "kind": row.kind,
        "status": row.status,
        "parties": list(split_parties(row.parties_key)),
        "date": row.date,
        "date_end": row.date_end,
        "location": {"city": row.city, "country": row.country} if row.city or row.country else None,
        "ordinal": row.ordinal,
        "topics": list(row.topics),
    }


def apply_reviews(conn: Connection, event_ids: Sequence[str]) -> None:
    "Lay the reviews of any of these events over their rows (one look-up for all of them)."
    ids = list(dict.fromkeys(event_ids))
    reviewed: list[str] = []
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        reviewed += conn.execute(
            select(s.event_reviews.c.event_id).where(s.event_reviews.c.event_id.in_(chunk))
        ).scalars()
    for event_id in reviewed:
        apply_review(conn, event_id)


def apply_review(conn: Connection, event_id: str) -> None:
    """Overwrite an event row's reviewed attributes with the analyst's values (no-op if unreviewed).

    Called at the end of every (re)computation of the row from its reports, so the
    extracted values change underneath while the reviewed ones stand.
    """
    fields = conn.execute(_APPLY_REVIEW, {"b_id": event_id}).scalar()
    if not fields:
        return
    values: dict[str, Any] = {}
    for name in ("kind", "status", "ordinal"):
        if name in fields:
            values[name] = fields[name]
    if "topics" in fields:
        values["topics"] = fields["topics"]
    if "location" in fields:
        location = fields["location"] or {}
        values["city"], values["country"] = location.get("city"), location.get("country")
    if "parties" in fields:
        values["parties_key"] = parties_key(fields["parties"])
        values["n_parties"] = len(fields["parties"])
    if "date" in fields or "date_end" in fields:
        current = conn.execute(
            select(s.events.c.date, s.events.c.date_end).where(s.events.c.id == event_id)
        ).one()
        date = fields.get("date", current.date)
        date_end = fields.get("date_end", current.date_end)
        values["date"], values["date_end"] = date, date_end
        values["date_lo"], values["date_hi"] = date_bounds(date, date_end)
        if year_of(date) is not None:
            values["year"] = year_of(date)
    conn.execute(UPDATE_EVENT, {"b_id": event_id, **values})
    if "parties" in fields:
        conn.execute(delete(s.event_parties).where(s.event_parties.c.event_id == event_id))
        conn.execute(
            INSERT[s.event_parties.name], [{"event_id": event_id, "party": p} for p in fields["parties"]]
        )
