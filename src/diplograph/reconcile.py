"""Reconcile reports of one event from several documents into one stored event.

Input: `Report`s (one document's account of one event) and `Candidate`s
(what matching needs to know of an event already stored). Output: which
stored event a report describes, and the folded attributes of an event from
all of its reports, with the disagreements kept as `conflicts`.

Why a module of its own, without SQL: the rules (when two reports are the
same meeting, which date wins, what counts as a conflict) are the heart of
"the same event reported by ten articles is one event with ten sources"; they
are easier to read, test and tune apart from the statements that store them.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from diplograph.vocab import EventStatus, status_group

T = TypeVar("T")

_LOW_FILL = {4: "-01-01", 7: "-01"}
_HIGH_FILL = {4: "-12-31", 7: "-31"}


def parties_key(parties: Iterable[str]) -> str:
    """Return the canonical key of a parties set: sorted distinct codes joined by `|`."""
    return "|".join(sorted(set(parties)))


def split_parties(key: str) -> tuple[str, ...]:
    """Return the parties of a `parties_key`."""
    return tuple(key.split("|")) if key else ()


def date_bounds(date: str | None, date_end: str | None = None) -> tuple[str | None, str | None]:
    """Return the first and last day a partial ISO date (or range) can mean, as `YYYY-MM-DD` strings.

    "2025" spans 2025-01-01..2025-12-31 and "2025-04" spans 2025-04-01..2025-04-31:
    the upper bound is only ever compared as a string, so day 31 is a safe ceiling.
    """
    if not date:
        return None, None
    last = date_end if date_end and date_end >= date else date
    return date + _LOW_FILL.get(len(date), ""), last + _HIGH_FILL.get(len(last), "")


# Reconciliation thresholds. JACCARD_MIN and MIN_JACCARD_PARTIES follow the corpus
# scoring rules (shared/corpus/README.md); MAX_DAY_GAP covers reports of one meeting
# that differ by a day or two (time zones, a range's start vs a day inside it).
# Re-run `pytest tests/test_store.py` and the pipeline tests after changing them.
JACCARD_MIN = 0.6
MIN_JACCARD_PARTIES = 3
MAX_DAY_GAP = 2
CONFIDENCE_CAP = 0.99

# How well a report's date agrees with a stored event's, best first. EXACT and
# NEAR pick the best candidate; PREFIX and SAME_YEAR are coarse and merge only
# when exactly one candidate is compatible at all.
EXACT, NEAR, PREFIX, SAME_YEAR = range(4)

DECIDED = (EventStatus.OCCURRED.value, EventStatus.PLANNED.value)
UNDECIDED = (EventStatus.PROPOSED.value, EventStatus.PREDICTED.value)


@dataclass(slots=True, kw_only=True)
class Report:
    """One document's account of one event: the unit that reconciliation folds."""

    document: str
    published: str | None
    kind: str
    status: str
    parties_key: str
    date: str | None
    date_end: str | None
    city: str | None
    country: str | None
    ordinal: int | None
    people: list[dict[str, Any]]
    topics: list[str]
    mechanism_id: str | None
    confidence: float
    evidence: list[dict[str, Any]]


@dataclass(slots=True, kw_only=True)
class Candidate:
    """What matching needs to know of a stored event (kept up to date during one save)."""

    id: str
    kind: str
    status: str
    parties_key: str
    date: str | None
    date_end: str | None
    city: str | None
    ordinal: int | None
    year: int | None


def report_year(report: Report) -> int | None:
    "Return the year a report places its event in: its date's, else its publication's."
    return year_of(report.date) or year_of(report.published)


def best_candidate(report: Report, candidates: Iterable[Candidate]) -> Candidate | None:
    "Return the stored event the report describes, or None for a new event."
    ranked = sorted(
        ((rank, c) for c in candidates if (rank := match_rank(report, c)) is not None),
        key=lambda pair: pair[0],
    )
    if not ranked:
        return None
    (agreement, _, _), best = ranked[0]
    if agreement >= PREFIX and len(ranked) > 1:
        return None  # a coarse date fits several stored events: do not guess which
    return best


def match_rank(report: Report, candidate: Candidate) -> tuple[int, float, str] | None:
    """Return how well a report matches a stored event (lower is better), or None when it cannot.

    Same kind is guaranteed by the look-up. Parties: equal, or for 3+ parties on both
    sides a Jaccard overlap ≥ JACCARD_MIN. Status: the same group, where `planned`
    and `occurred` count as one (a plan and the report that it happened). Dates: see
    `date_agreement`; a coarse date agreement also needs no contradicting ordinal or city.
    """
    if candidate.status not in status_family(report.status):
        return None
    overlap = 1.0
    if candidate.parties_key != report.parties_key:
        ours, theirs = set(split_parties(report.parties_key)), set(split_parties(candidate.parties_key))
        overlap = len(ours & theirs) / len(ours | theirs)
        if min(len(ours), len(theirs)) < MIN_JACCARD_PARTIES or overlap < JACCARD_MIN:
            return None
    agreement = date_agreement(report, candidate)
    if agreement is None:
        return None
    if agreement >= PREFIX and contradicts(report, candidate):
        return None
    return agreement, -overlap, candidate.id


def date_agreement(report: Report, candidate: Candidate) -> int | None:
    """Return how a report's date agrees with a stored event's (`EXACT` … `SAME_YEAR`), or None.

    Equal dates are exact. Two day-precise dates agree when at most MAX_DAY_GAP days
    apart or when one lies inside the other's range. A less precise date agrees with
    a more precise one it is a prefix of ("2026-04" and "2026-04-21"). An undated side
    agrees only within the same year: the dated side's year against the undated
    side's publication year (for a stored event, its earliest source's).
    """
    ours, theirs = report.date, candidate.date
    if ours and theirs:
        if ours == theirs:
            return EXACT
        if len(ours) == len(theirs) == 10:
            near = (
                days_apart(ours, theirs) <= MAX_DAY_GAP
                or is_inside(ours, theirs, candidate.date_end)
                or is_inside(theirs, ours, report.date_end)
            )
            return NEAR if near else None
        return PREFIX if ours.startswith(theirs) or theirs.startswith(ours) else None
    our_year = year_of(ours) if ours else year_of(report.published)
    their_year = year_of(theirs) if theirs else candidate.year
    return SAME_YEAR if our_year is not None and our_year == their_year else None


def contradicts(report: Report, candidate: Candidate) -> bool:
    "True when both state an ordinal, or a city, and they differ."
    if report.ordinal is not None and candidate.ordinal is not None and report.ordinal != candidate.ordinal:
        return True
    return bool(report.city and candidate.city and report.city.casefold() != candidate.city.casefold())


def fold_event(reports: Sequence[Report]) -> dict[str, Any]:
    """Return the column values of a stored event folded from its reports (oldest first).

    Status: `occurred` if any report says so, else `planned` if any, else the most
    frequent. Parties: the most frequent set (ties: the larger, then the first).
    Date: the most precise wins (day > month > year), then the most frequent, then the
    first; `date_end` comes with it. Location: a city beats a country alone. Ordinal:
    the most frequent stated. People, topics: the union. Confidence: 1 − Π(1 − c) over
    documents (each document counted once, with its best report), capped at CONFIDENCE_CAP.
    Disagreements are listed in `conflicts` (see `conflicts_of`).
    """
    statuses = [r.status for r in reports]
    party_sets = Counter(r.parties_key for r in reports)
    key = max(party_sets, key=lambda k: (party_sets[k], len(split_parties(k))))
    dated = [r for r in reports if r.date]
    precision = max((len(r.date or "") for r in dated), default=0)
    date = most_common(r.date for r in dated if len(r.date or "") == precision)
    ends = [r.date_end for r in dated if r.date == date and r.date_end]
    end_precision = max((len(e) for e in ends), default=0)
    date_end = most_common(e for e in ends if len(e) == end_precision)
    lo, hi = date_bounds(date, date_end)
    city = most_common(r.city for r in reports if r.city)
    country = most_common(r.country for r in reports if r.city == city and r.country) or most_common(
        r.country for r in reports if r.country
    )
    people: dict[str, dict[str, Any]] = {}
    for person in itertools.chain.from_iterable(r.people for r in reports):
        known = people.setdefault(person["name"], dict(person))
        for attribute in ("country", "role"):
            known[attribute] = known.get(attribute) or person.get(attribute)
    years = [y for r in reports if (y := year_of(r.published)) is not None]
    return {
        "kind": reports[0].kind,
        "status": next((st for st in DECIDED if st in statuses), None) or most_common(statuses),
        "parties_key": key,
        "n_parties": len(split_parties(key)),
        "date": date,
        "date_end": date_end,
        "date_lo": lo,
        "date_hi": hi,
        "city": city,
        "country": country,
        "ordinal": most_common(r.ordinal for r in reports if r.ordinal is not None),
        "people": list(people.values()),
        "topics": sorted({t for r in reports for t in r.topics}),
        "mechanism_id": most_common(r.mechanism_id for r in reports if r.mechanism_id),
        "confidence": combined_confidence((r.document, r.confidence) for r in reports),
        "conflicts": conflicts_of(reports, lo, hi) if len(reports) > 1 else [],
        "year": year_of(date) or (min(years) if years else None),
    }


def conflicts_of(reports: Sequence[Report], lo: str | None, hi: str | None) -> list[dict[str, Any]]:
    """Return where an event's reports disagree, each value with the document that gave it.

    Status, parties and ordinal: any two different values. Date: a day-precise date outside
    the chosen date (or range) `lo`..`hi`. Location: two different cities, or countries.
    """
    conflicts: list[dict[str, Any]] = []
    note(conflicts, "status", [(r.status, r.document) for r in reports])
    note(conflicts, "parties", [(list(split_parties(r.parties_key)), r.document) for r in reports])
    days = [(r.date, r.document) for r in reports if r.date and len(r.date) == 10]
    if lo and hi and any(not lo <= day <= hi for day, _ in days):
        note(conflicts, "date", days, force=True)
    if len({r.city for r in reports if r.city}) > 1 or len({r.country for r in reports if r.country}) > 1:
        located = [
            ({"city": r.city, "country": r.country}, r.document) for r in reports if r.city or r.country
        ]
        note(conflicts, "location", located, force=True)
    note(conflicts, "ordinal", [(r.ordinal, r.document) for r in reports if r.ordinal is not None])
    return conflicts


def note(
    conflicts: list[dict[str, Any]], field: str, pairs: Sequence[tuple[Any, str]], force: bool = False
) -> None:
    "Append a conflict for `field` when its (value, document) pairs hold more than one value."
    distinct = list(dict.fromkeys((json.dumps(v, sort_keys=True), d) for v, d in pairs))
    if not force and len({v for v, _ in distinct}) < 2:
        return
    conflicts.append(
        {"field": field, "values": [{"value": json.loads(v), "document": d} for v, d in distinct]}
    )


def most_common(values: Iterable[T]) -> T | None:
    "Return the most frequent value (the first seen among equals), or None when there is none."
    counts = Counter(values)
    return max(counts, key=counts.__getitem__) if counts else None


def combined_confidence(scores: Iterable[tuple[str, float]]) -> float:
    "Return 1 − Π(1 − c) over documents (each with its best score), capped at CONFIDENCE_CAP."
    best: dict[str, float] = {}
    for document, score in scores:
        best[document] = max(best.get(document, 0.0), min(max(score, 0.0), 1.0))
    return min(CONFIDENCE_CAP, 1.0 - math.prod(1.0 - c for c in best.values()))


def status_family(status: str) -> tuple[str, ...]:
    "Return the statuses a stored event may have to be joined by a report of `status`."
    if status in DECIDED:
        return DECIDED
    return UNDECIDED if status_group(status) == status_group(EventStatus.PROPOSED) else (status,)


def days_apart(a: str, b: str) -> int:
    "Return how many days lie between two `YYYY-MM-DD` dates (a large number if either is invalid)."
    try:
        return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days)
    except ValueError:
        return 1 << 30


def is_inside(day: str, start: str, end: str | None) -> bool:
    "True when `day` falls within the range start..end (an end given)."
    if not end:
        return False
    lo, hi = date_bounds(start, end)
    return lo is not None and hi is not None and lo <= day <= hi


def year_of(value: str | None) -> int | None:
    "Return the year of a partial ISO date."
    return int(value[:4]) if value and value[:4].isdigit() else None


# ── conversions ─────────────────────────────────────────────────────────────
