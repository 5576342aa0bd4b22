"""The WHERE and ORDER BY clauses of the event queries, and the checks of their parameters.

Input: the filter and sort arguments of `Store.events` / `Store.count_events` (parties,
kinds, statuses, partial ISO dates, a document, a mechanism, a review filter, a minimum
confidence, a sort key).
Output: SQLAlchemy clauses over `events`, or `InvalidQuery` naming the bad argument and
what to use instead.

Why one place: a count must use the very filters of the list it counts (the API pages
with both), and the accepted values (`EVENT_SORTS`, `REVIEW_FILTERS`) are declared once,
here, for the API and the dashboard to offer (through `diplograph.store`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from sqlalchemy import case, select

from diplograph.errors import InvalidQuery
from diplograph.store import schema as s
from diplograph.store.reconcile import date_bounds

REVIEW_FILTERS = ("all", "reviewed", "unreviewed", "confirmed", "edited", "rejected")
# Confidences are sums of float weights (0.7 + 0.1 = 0.7999999999999999): an event shown as
# 0.8 must pass a minimum of 0.8, so the minimum is compared with this much slack (the
# same as `evaluate.CONFIDENCE_SLACK`, so the reliability table's bins and this filter agree).
CONFIDENCE_SLACK = 1e-9
EVENT_SORTS = ("date", "-date", "kind", "status", "confidence", "-confidence", "id")
ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def event_filters(
    party: str | Sequence[str] | None,
    kind: str | Sequence[str] | None,
    status: str | Sequence[str] | None,
    since: str | None,
    until: str | None,
    document: str | None,
    review: str | None,
    mechanism: str | None = None,
    min_confidence: float | None = None,
) -> list[Any]:
    "Return the WHERE clauses of the event filters shared by `events` and `count_events`."
    ev = s.events
    where: list[Any] = []
    for code in as_list(party):
        where.append(ev.c.id.in_(select(s.event_parties.c.event_id).where(s.event_parties.c.party == code)))
    if kinds := as_list(kind):
        where.append(ev.c.kind.in_(kinds))
    if statuses := as_list(status):
        where.append(ev.c.status.in_(statuses))
    if since is not None:
        where.append(ev.c.date_hi >= date_bounds(_checked_date("since", since))[0])
    if until is not None:
        where.append(ev.c.date_lo <= date_bounds(_checked_date("until", until))[1])
    if document is not None:
        reports = s.event_reports
        where.append(ev.c.id.in_(select(reports.c.event_id).where(reports.c.document_id == document)))
    if mechanism is not None:
        where.append(ev.c.mechanism_id == mechanism)
    where.extend(confidence_filter(ev.c.confidence, min_confidence))
    where.extend(_review_filter(review))
    return where


def confidence_filter(column: Any, min_confidence: float | None) -> list[Any]:
    """Return the WHERE clause keeping rows whose `column` is at least `min_confidence` (none for None).

    Raises:
        InvalidQuery: `min_confidence` is not a number from 0 to 1.
    """
    if min_confidence is None:
        return []
    if isinstance(min_confidence, bool) or not isinstance(min_confidence, int | float):
        raise InvalidQuery(f"min_confidence={min_confidence!r} is not a number; use one from 0 to 1")
    if not 0 <= min_confidence <= 1:  # also refuses NaN
        raise InvalidQuery(f"min_confidence={min_confidence!r} is out of range; use a number from 0 to 1")
    return [column >= float(min_confidence) - CONFIDENCE_SLACK]


def event_order(sort: str) -> list[Any]:
    "Return the ORDER BY of an `EVENT_SORTS` key; undated events stay last in date order."
    ev = s.events.c
    undated_last = case((ev.date_lo.is_(None), 1), else_=0)
    orders: dict[str, list[Any]] = {
        "date": [undated_last, ev.date_lo, ev.id],
        "-date": [undated_last, ev.date_lo.desc(), ev.id],
        "kind": [ev.kind, undated_last, ev.date_lo, ev.id],
        "status": [ev.status, undated_last, ev.date_lo, ev.id],
        "confidence": [ev.confidence, ev.id],
        "-confidence": [ev.confidence.desc(), ev.id],
        "id": [ev.id],
    }
    if sort not in orders:
        raise InvalidQuery(f"sort={sort!r} is not a sort key; use one of {', '.join(EVENT_SORTS)}")
    return orders[sort]


def as_list(value: str | Sequence[str] | None) -> list[str]:
    "Return a filter value as a list of strings."
    if value is None:
        return []
    return [value] if isinstance(value, str) else [str(v) for v in value]


def _checked_date(name: str, value: str) -> str:
    "Return a partial ISO date parameter, or raise InvalidQuery saying what is expected (`2025-13` is no date)."
    if not ISO_DATE.match(value):
        raise InvalidQuery(f"{name}={value!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(part) for part in [*value.split("-"), "1", "1"][:3])
    try:
        dt.date(year, month, day)
    except ValueError as exc:
        raise InvalidQuery(
            f"{name}={value!r} is not a real date ({exc}); use YYYY, YYYY-MM or YYYY-MM-DD"
        ) from None
    return value


def _review_filter(review: str | None) -> list[Any]:
    "Return the WHERE clauses of the `review` filter of `Store.events` (default: hide rejected)."
    if review is not None and review not in REVIEW_FILTERS:
        raise InvalidQuery(
            f"review={review!r} is not a review filter; use one of {', '.join(REVIEW_FILTERS)}"
        )
    rv, ev_id = s.event_reviews, s.events.c.id
    if review == "all":
        return []
    if review is None:
        return [ev_id.not_in(select(rv.c.event_id).where(rv.c.state == "rejected"))]
    if review == "reviewed":
        return [ev_id.in_(select(rv.c.event_id))]
    if review == "unreviewed":
        return [ev_id.not_in(select(rv.c.event_id))]
    return [ev_id.in_(select(rv.c.event_id).where(rv.c.state == review))]
