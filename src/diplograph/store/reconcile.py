"""Reconcile reports of one event from several documents into one stored event.

Input: `Report`s (one document's account of one event) and `Candidate`s
(what matching needs to know of an event already stored). Output: which
stored event a report describes, and the folded attributes of an event from
all of its reports, with the disagreements kept as `conflicts`.

Why a module of its own, without SQL: the rules (when two reports are the
same meeting, which date wins, what counts as a conflict) are the heart of
"the same event reported by ten articles is one event with ten sources"; they
are easier to read, test and tune apart from the statements that store them.

Why a session number is an identity: "the first 2+2 between X and Y" names one
meeting whenever the article mentioning it was written. So two reports of the same
kind, parties and stated number are one event when one of them is undated, whatever
year each was published in, and when their dates agree even coarsely, whatever city
each names (`same_session`); what they disagree on is kept as a conflict. Parties
must be the same, or for 3+ states one list inside the other (a member missed by one
report): the SCO's first foreign ministers' meeting and China–Central Asia's share
five of seven states and are two meetings. Dates that contradict each other keep two
reports apart even with one number: "first" is said of a first meeting by video link
and of a first summit in person, and of the first edition of each of a pair's exercise
series.
"""

from __future__ import annotations

import bisect
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

# How well a report agrees with a stored event, best first. EXACT and NEAR (dates)
# pick the best candidate; SESSION (the same session number of the same format, one
# side undated or dates agreeing coarsely) merges when one candidate is that session; PREFIX and
# SAME_YEAR are coarse and merge only when exactly one candidate is compatible at all.
EXACT, NEAR, SESSION, PREFIX, SAME_YEAR = range(5)

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
    (agreement, overlap, _), best = ranked[0]
    if agreement == SESSION and sum(1 for (a, o, _), _ in ranked if a == SESSION and o == overlap) == 1:
        return best  # the one stored event that is this session (the closest party list), whatever else fits
    if agreement >= SESSION and len(ranked) > 1:
        return None  # a coarse date (or a number) fits several stored events: do not guess which
    return best


def match_rank(report: Report, candidate: Candidate) -> tuple[int, float, str] | None:
    """Return how well a report matches a stored event (lower is better), or None when it cannot.

    Same kind is guaranteed by the look-up. Parties: equal, or for 3+ parties on both
    sides a Jaccard overlap ≥ JACCARD_MIN. Status: the same group, where `planned`
    and `occurred` count as one (a plan and the report that it happened). Dates: see
    `date_agreement`; a coarse date agreement also needs no contradicting ordinal or city.
    The same session (`same_session`) matches whatever the publication years and cities say.
    """
    if candidate.status not in status_family(report.status):
        return None
    overlap = 1.0
    ours, theirs = set(split_parties(report.parties_key)), set(split_parties(candidate.parties_key))
    if candidate.parties_key != report.parties_key:
        overlap = len(ours & theirs) / len(ours | theirs)
        if min(len(ours), len(theirs)) < MIN_JACCARD_PARTIES or overlap < JACCARD_MIN:
            return None
    agreement = date_agreement(report, candidate)
    if same_session(report, candidate, ours, theirs):
        return min(agreement, SESSION) if agreement is not None else SESSION, -overlap, candidate.id
    if agreement is None:
        return None
    if agreement >= PREFIX and contradicts(report, candidate):
        return None
    return agreement, -overlap, candidate.id


def same_session(report: Report, candidate: Candidate, parties: set[str], others: set[str]) -> bool:
    """True when a report states the number of a stored event's session, of the same format: one meeting.

    The parties must be equal, or one list inside the other (a member missed or added by
    one report); overlapping lists that each have a state the other lacks are two formats
    (the SCO's founders and China with the five Central Asian states). One side undated
    ("since their first 2+2"), the year it was written in does not matter; two dates must
    agree (`date_agreement`), since two "first" meetings on dates that contradict each
    other are two meetings numbered alike (a first leaders' meeting by video link and a
    first summit in person; Joint Sea and Peace Mission, two exercise series of one pair),
    which `registry.number_sessions` shows as a conflict rather than hiding one of them.
    """
    if report.ordinal is None or report.ordinal != candidate.ordinal:
        return False
    if not (parties <= others or others <= parties):
        return False
    return not report.date or not candidate.date or date_agreement(report, candidate) is not None


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

    The rules are `EventFold`'s; this folds all reports at once (a new event, or one
    whose reports were withdrawn).
    """
    return EventFold.of(reports).values()


# At most this many documents are listed for each distinct value of a conflict; the others
# are counted in the conflict's `omitted`. Why a cap: a summit reported by 5,000 articles
# that disagree on its city does not need 5,000 rows to show the disagreement, and a
# bounded fold state keeps adding one more report O(1) (see `EventFold`).
CONFLICT_DOCUMENTS = 10
CONFLICT_FIELDS = ("status", "parties", "date", "location", "ordinal")


class EventFold:
    """The running state of an event's fold: everything the rules need, in bounded space.

    Why a state rather than a re-fold: every rule is a count (most frequent status,
    party set, date, city…), a union (people, topics) or a product (confidence), so one
    more report updates the state without reading the others. The store keeps the state
    next to the event (`event_folds`) and only re-folds from all reports when one is
    withdrawn. Adding the reports one by one is the only way a state is built, so a
    state and a fold of all reports from scratch agree exactly.

    Rules of `values()`. Status: `occurred` if any report says so, else `planned` if any,
    else the most frequent. Parties: the most frequent set (ties: the larger, then the
    first). Date: see `_span`; `date_end` comes with it. Location: a city beats a country alone. Ordinal:
    the most frequent stated. People, topics: the union. Confidence: 1 − Π(1 − c) over
    documents (each document counted once, with its best report; a document's reports
    arrive together), capped at CONFIDENCE_CAP. Year: the date's, else the earliest
    publication year. Conflicts: see `_conflicts`. Among equal counts the value seen
    first wins: counters keep first-seen order.
    """

    __slots__ = (
        "cities",
        "countries",
        "countries_by_city",
        "dates",
        "ends",
        "first_year",
        "kind",
        "last_best",
        "last_document",
        "mechanisms",
        "omitted",
        "ordinals",
        "pairs",
        "parties",
        "people",
        "product",
        "reports",
        "statuses",
        "topics",
    )

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.reports = 0
        self.statuses: dict[str, int] = {}
        self.parties: dict[str, int] = {}
        self.dates: dict[str, int] = {}
        self.ends: dict[str, dict[str, int]] = {}  # date → its end dates
        self.cities: dict[str, int] = {}
        self.countries: dict[str, int] = {}
        self.countries_by_city: dict[str, dict[str, int]] = {}  # city ("" when none) → countries
        self.ordinals: dict[int, int] = {}
        self.people: dict[str, dict[str, Any]] = {}
        self.topics: set[str] = set()
        self.mechanisms: dict[str, int] = {}
        self.product = 1.0  # Π(1 − best) over the documents before the last one
        self.last_document: str | None = None
        self.last_best = 0.0
        self.first_year: int | None = None
        # Per conflict field: distinct (value as JSON, document) pairs in first-seen order.
        self.pairs: dict[str, list[tuple[str, str]]] = {f: [] for f in CONFLICT_FIELDS}
        self.omitted: dict[str, int] = {f: 0 for f in CONFLICT_FIELDS}

    @classmethod
    def of(cls, reports: Sequence[Report]) -> EventFold:
        "Return the fold of `reports` (oldest first; at least one)."
        fold = cls(reports[0].kind)
        for report in reports:
            fold.add(report)
        return fold

    def add(self, r: Report) -> None:
        "Take one more report into the state."
        self.reports += 1
        _count(self.statuses, r.status)
        _count(self.parties, r.parties_key)
        if r.date:
            _count(self.dates, r.date)
            if r.date_end:
                _count(self.ends.setdefault(r.date, {}), r.date_end)
        if r.city:
            _count(self.cities, r.city)
        if r.country:
            _count(self.countries, r.country)
            _count(self.countries_by_city.setdefault(r.city or "", {}), r.country)
        if r.ordinal is not None:
            _count(self.ordinals, r.ordinal)
        for person in r.people:
            known = self.people.setdefault(person["name"], dict(person))
            for attribute in ("country", "role"):
                known[attribute] = known.get(attribute) or person.get(attribute)
        self.topics.update(r.topics)
        if r.mechanism_id:
            _count(self.mechanisms, r.mechanism_id)
        score = min(max(r.confidence, 0.0), 1.0)
        if r.document == self.last_document:
            self.last_best = max(self.last_best, score)
        else:
            if self.last_document is not None:
                self.product *= 1.0 - self.last_best
            self.last_document, self.last_best = r.document, score
        if (year := year_of(r.published)) is not None:
            self.first_year = year if self.first_year is None else min(self.first_year, year)
        self._pair("status", r.status, r.document)
        self._pair("parties", list(split_parties(r.parties_key)), r.document)
        if r.date:
            self._pair("date", r.date, r.document)
        if r.city or r.country:
            self._pair("location", {"city": r.city, "country": r.country}, r.document)
        if r.ordinal is not None:
            self._pair("ordinal", r.ordinal, r.document)

    def _pair(self, field: str, value: Any, document: str) -> None:
        "Remember that `document` gave `value` for `field` (up to CONFLICT_DOCUMENTS per value)."
        pair = (json.dumps(value, sort_keys=True), document)
        pairs = self.pairs[field]
        if pair in pairs:
            return
        if sum(1 for v, _ in pairs if v == pair[0]) >= CONFLICT_DOCUMENTS:
            self.omitted[field] += 1
            return
        pairs.append(pair)

    def values(self) -> dict[str, Any]:
        "Return the column values of the event."
        key = max(self.parties, key=lambda k: (self.parties[k], len(split_parties(k))))
        date, date_end = self._span()
        lo, hi = date_bounds(date, date_end)
        city = _most_counted(self.cities)
        country = _most_counted(self.countries_by_city.get(city or "", {})) or _most_counted(self.countries)
        confidence = 1.0 - self.product * (1.0 - self.last_best)
        return {
            "kind": self.kind,
            "status": next((st for st in DECIDED if st in self.statuses), None)
            or _most_counted(self.statuses),
            "parties_key": key,
            "n_parties": len(split_parties(key)),
            "date": date,
            "date_end": date_end,
            "date_lo": lo,
            "date_hi": hi,
            "city": city,
            "country": country,
            "ordinal": _most_counted(self.ordinals),
            "people": [dict(p) for p in self.people.values()],
            "topics": sorted(self.topics),
            "mechanism_id": _most_counted(self.mechanisms),
            "confidence": min(CONFIDENCE_CAP, confidence),
            "conflicts": self._conflicts(lo, hi) if self.reports > 1 else [],
            "year": year_of(date) or self.first_year,
        }

    def _span(self) -> tuple[str | None, str | None]:
        """Return the date and end date the reports agree on best.

        The most precise dates compete (day > month > year). Each reported date, alone or
        with one of the end dates reported with it (the most precise ones), is a span; the
        span wins that holds the most reports' dates, so a known range ("21–22 April")
        survives reports of single days inside it (a dateline's 22nd, a reference row's
        21st). Ties: a range over a single day, then the start reported most often, then
        the first reported; the same for the end.
        """
        precision = max((len(d) for d in self.dates), default=0)
        starts = {d: n for d, n in self.dates.items() if len(d) == precision}
        held = _Tally(starts)
        best: tuple[tuple[int, bool, int, int, int, int], str, str | None] | None = None
        for order, (start, count) in enumerate(starts.items()):
            ends = self.ends.get(start, {})
            end_precision = max((len(e) for e in ends), default=0)
            spans = [
                (None, 0, 0),
                *((e, n, i) for i, (e, n) in enumerate(ends.items()) if len(e) == end_precision),
            ]
            for end, end_count, end_order in spans:
                rank = (
                    held.within(*date_bounds(start, end)),
                    end is not None,
                    count,
                    -order,
                    end_count,
                    -end_order,
                )
                if best is None or rank > best[0]:
                    best = (rank, start, end)
        return (best[1], best[2]) if best else (None, None)

    def _conflicts(self, lo: str | None, hi: str | None) -> list[dict[str, Any]]:
        """Return where the reports disagree, each value with the documents that gave it.

        Status, parties and ordinal: any two different values. Date: a reported date that
        cannot fall within the chosen date (or range) `lo`..`hi` (a day outside it, a month
        or year that does not overlap it). Location: two different cities, or countries.
        At most CONFLICT_DOCUMENTS documents per value; `omitted` counts the reports left out.
        """
        dates = {json.loads(v) for v, _ in self.pairs["date"]}
        shown = {
            "status": len(self.statuses) > 1,
            "parties": len(self.parties) > 1,
            "date": bool(lo and hi and any(not _overlaps(date_bounds(d), lo, hi) for d in dates)),
            "location": len(self.cities) > 1 or len(self.countries) > 1,
            "ordinal": len(self.ordinals) > 1,
        }
        conflicts: list[dict[str, Any]] = []
        for field in CONFLICT_FIELDS:
            if not shown[field]:
                continue
            conflict: dict[str, Any] = {
                "field": field,
                "values": [{"value": json.loads(v), "document": d} for v, d in self.pairs[field]],
            }
            if self.omitted[field]:
                conflict["omitted"] = self.omitted[field]
            conflicts.append(conflict)
        return conflicts

    def to_json(self) -> str:
        "Return the state as JSON text (counters as [value, count] lists, so their order survives)."
        return json.dumps(
            {
                "kind": self.kind,
                "reports": self.reports,
                "statuses": list(self.statuses.items()),
                "parties": list(self.parties.items()),
                "dates": list(self.dates.items()),
                "ends": [[d, list(c.items())] for d, c in self.ends.items()],
                "cities": list(self.cities.items()),
                "countries": list(self.countries.items()),
                "countries_by_city": [[c, list(n.items())] for c, n in self.countries_by_city.items()],
                "ordinals": list(self.ordinals.items()),
                "people": list(self.people.values()),
                "topics": sorted(self.topics),
                "mechanisms": list(self.mechanisms.items()),
                "product": self.product,
                "last_document": self.last_document,
                "last_best": self.last_best,
                "first_year": self.first_year,
                "pairs": {f: [list(p) for p in ps] for f, ps in self.pairs.items()},
                "omitted": self.omitted,
            },
            ensure_ascii=False,
            separators=(",", ":"),
        )

    @classmethod
    def from_json(cls, text: str) -> EventFold:
        "Return the state saved by `to_json`."
        data = json.loads(text)
        fold = cls(data["kind"])
        fold.reports = data["reports"]
        fold.statuses = dict(data["statuses"])
        fold.parties = dict(data["parties"])
        fold.dates = dict(data["dates"])
        fold.ends = {d: dict(c) for d, c in data["ends"]}
        fold.cities = dict(data["cities"])
        fold.countries = dict(data["countries"])
        fold.countries_by_city = {c: dict(n) for c, n in data["countries_by_city"]}
        fold.ordinals = {int(o): n for o, n in data["ordinals"]}
        fold.people = {p["name"]: p for p in data["people"]}
        fold.topics = set(data["topics"])
        fold.mechanisms = dict(data["mechanisms"])
        fold.product = data["product"]
        fold.last_document = data["last_document"]
        fold.last_best = data["last_best"]
        fold.first_year = data["first_year"]
        fold.pairs = {f: [(v, d) for v, d in data["pairs"][f]] for f in CONFLICT_FIELDS}
        fold.omitted = {f: data["omitted"][f] for f in CONFLICT_FIELDS}
        return fold


class _Tally:
    """How many reports gave a date inside a span, for dates of one precision, in O(log n) a span.

    Why not a loop over the dates for each span: an event reported by thousands of articles
    may collect hundreds of distinct days, and the fold runs once per report.
    """

    def __init__(self, counts: dict[str, int]) -> None:
        days = sorted(counts)  # one precision: the strings sort as the dates do
        bounds = [date_bounds(d) for d in days]
        self.firsts = [first or "" for first, _ in bounds]
        self.lasts = [last or "" for _, last in bounds]
        self.totals = list(itertools.accumulate((counts[d] for d in days), initial=0))

    def within(self, lo: str | None, hi: str | None) -> int:
        "The reports whose date lies wholly inside lo..hi."
        if lo is None or hi is None:
            return 0
        i, j = bisect.bisect_left(self.firsts, lo), bisect.bisect_right(self.lasts, hi)
        return self.totals[j] - self.totals[i] if j > i else 0


def _overlaps(bounds: tuple[str | None, str | None], lo: str, hi: str) -> bool:
    "True when a date's first..last day overlaps lo..hi."
    first, last = bounds
    return first is not None and last is not None and first <= hi and lo <= last


def _count(counter: dict[Any, int], value: Any) -> None:
    counter[value] = counter.get(value, 0) + 1


def _most_counted(counter: dict[T, int]) -> T | None:
    "Return the key with the highest count (the first seen among equals), or None when empty."
    return max(counter, key=counter.__getitem__) if counter else None


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
