"""The forecast's features: what was known of every pair of states on 1 January of each year.

Input: events of every status (read once, by `forecast.read_events_and_dates`),
the documents' publication dates, a cutoff, the event kind being forecast, and
the reference tables (groupings with their membership dates, regions, land
borders). Output: a `KnownHistory` (`known_history`): what was known at the
cutoff, as dense arrays indexed by snapshot (1 January of each year from
FIRST_YEAR on), state and state, whose `features(y, h, c)` is the raw feature
matrix of the rows (snapshot, hub, candidate), one column per name of FEATURES:

    shared_groupings    organisations and groupings both belonged to at t (memberships.csv dates)
    land_border         the two share a land border (borders.csv)
    same_region         same UN M49 region; same_subregion likewise
    ladder_rung         the pair's rung on the institutionalisation ladder at t (ladder.py)
    contacts_3y         ministerial, summit and talks events of both in the 3 years before t
    years_since_contact years since their last such contact (10 when never)
    topic_overlap       cosine similarity of the topics of the two states' events before t
    signals             planned/proposed/predicted reports of the kind for this pair published before t
    candidate_partners  how many partners the candidate already holds the kind with (popularity)
    hub_new_partners_3y how many new partners the hub took in the 3 years before t

Why arrays over (year, state, state): the model trains on every dyad-year
snapshot of every hub, and a backtest rebuilds them at each cutoff; with the
events binned by year once, each snapshot's counts are cumulative sums over the
year axis, not a pass over the events per pair and year.

Why no leakage: every feature at t reads only events dated before t that some
document visible at the cutoff reports (an undated event counts from its
earliest source's publication date; a report counts from its own).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations

import numpy as np
from numpy.typing import NDArray

from diplograph.errors import InvalidQuery
from diplograph.gazetteer import Gazetteer, load_gazetteer
from diplograph.ladder import MINILATERAL, Rung, event_rung, ladders
from diplograph.models import Event
from diplograph.reconcile import date_bounds
from diplograph.reference import land_borders
from diplograph.vocab import TOPICS, EventKind, EventStatus

FIRST_YEAR = 1990  # the first snapshot; earlier events still count in the features (as "before 1990")
CONTACT_YEARS = 3
NEVER = 10.0  # years_since_contact when the pair never met
SIGNAL_STATUSES = (EventStatus.PLANNED, EventStatus.PROPOSED, EventStatus.PREDICTED)
CONTACT_KINDS = frozenset(
    {
        EventKind.FOREIGN_MINISTERS,
        EventKind.DEFENCE_MINISTERS,
        EventKind.SUMMIT,
        EventKind.BILATERAL_TALKS,
        EventKind.TWO_PLUS_TWO,
    }
)
GROUPING_TYPES = frozenset({"organisation", "grouping"})
FEATURES: tuple[str, ...] = (
    "shared_groupings",
    "land_border",
    "same_region",
    "same_subregion",
    "ladder_rung",
    "contacts_3y",
    "years_since_contact",
    "topic_overlap",
    "signals",
    "candidate_partners",
    "hub_new_partners_3y",
)


# ── the history: events as dense arrays of (year, state, state) ──────────────


def cutoff_end(cutoff: str) -> str:
    """Return the last day a partial ISO cutoff covers ("2015" → "2015-12-31").

    Raises:
        InvalidQuery: the cutoff is not a partial ISO date.
    """
    parts = cutoff.split("-")
    if not (1 <= len(parts) <= 3 and len(parts[0]) == 4 and all(p.isdigit() for p in parts)):
        raise InvalidQuery(f"cutoff {cutoff!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD")
    return date_bounds(cutoff)[1] or cutoff


def _year(date: str) -> int:
    return int(date[:4])


@dataclass(slots=True)
class StateTables:
    """The reference tables as arrays over states (index order = `codes`)."""

    codes: list[str]
    index: dict[str, int]
    border: NDArray[np.float32]
    region: NDArray[np.float32]
    subregion: NDArray[np.float32]
    gaz: Gazetteer
    _groupings: dict[int, NDArray[np.float32]] = field(default_factory=dict)

    @classmethod
    def build(cls, extra: Iterable[str] = ()) -> StateTables:
        gaz = load_gazetteer()
        codes = sorted(set(gaz.states) | set(extra))
        index = {c: i for i, c in enumerate(codes)}
        n = len(codes)
        border = np.zeros((n, n), np.float32)
        for a, b in land_borders():
            if a in index and b in index:
                border[index[a], index[b]] = border[index[b], index[a]] = 1
        regions = [gaz.states[c].region if c in gaz.states else "" for c in codes]
        subregions = [gaz.states[c].subregion if c in gaz.states else "" for c in codes]
        return cls(codes, index, border, _same(regions), _same(subregions), gaz)

    def shared_groupings(self, year: int) -> NDArray[np.float32]:
        """Return how many groupings each pair of states belonged to together on 1 January of `year`."""
        if year not in self._groupings:
            day = f"{year}-01-01"
            groupings = [g for g in self.gaz.groupings.values() if g.type in GROUPING_TYPES]
            member = np.zeros((len(self.codes), len(groupings)), np.float32)
            for j, grouping in enumerate(groupings):
                for code in grouping.members_at(day):
                    if code in self.index:
                        member[self.index[code], j] = 1
            shared = member @ member.T
            np.fill_diagonal(shared, 0)
            self._groupings[year] = shared
        return self._groupings[year]


def _same(labels: Sequence[str]) -> NDArray[np.float32]:
    values = np.array(labels, dtype=object)
    same = (values[:, None] == values[None, :]) & (values[:, None] != "")
    out: NDArray[np.float32] = same.astype(np.float32)
    return out


@dataclass(slots=True)
class KnownHistory:
    """What was known at a cutoff, as arrays indexed by snapshot (bucket), state and state.

    Bucket b holds events of year FIRST_YEAR + b - 1 (bucket 0: every earlier year);
    snapshot y (1 January of FIRST_YEAR + y) sees buckets 0..y.
    """

    tables: StateTables
    kind: str
    cutoff: str
    end: str
    snapshots: int
    visible: list[Event]
    known: dict[str, str]  # event id -> the date it was known from (its date, or its first source's)
    first_kind: NDArray[np.int64]  # bucket of the pair's first `kind`, or a large number
    rung: NDArray[np.float32]  # [snapshot, a, b]
    contacts: NDArray[np.float32]  # cumulative counts [snapshot, a, b]
    last_contact: NDArray[np.float32]  # bucket of the last contact seen at each snapshot, -1 if none
    topics: NDArray[np.float32]  # cumulative topic counts [snapshot, state, topic]
    signals: NDArray[np.float32]  # cumulative counts [snapshot, a, b]
    partners: NDArray[np.float32]  # [snapshot, state]: kind partners held before the snapshot

    @property
    def forecast_snapshot(self) -> int:
        """The snapshot right after the cutoff: the date the forecast speaks from."""
        return _year(self.end) + 1 - FIRST_YEAR

    def bucket(self, date: str) -> int:
        return min(max(_year(date) - FIRST_YEAR + 1, 0), self.snapshots - 1)

    def hubs(self) -> list[str]:
        """States that held the kind with someone by the cutoff."""
        held = (self.first_kind <= self.forecast_snapshot).any(axis=1)
        return [self.tables.codes[i] for i in np.flatnonzero(held)]

    def features(
        self, y: NDArray[np.int64], h: NDArray[np.int64], c: NDArray[np.int64]
    ) -> NDArray[np.float64]:
        """Return the raw feature matrix of the rows (snapshot y, hub h, candidate c), columns as FEATURES."""
        t = self.tables
        window = np.maximum(y - CONTACT_YEARS, 0)
        contacts = self.contacts[y, h, c] - np.where(y >= CONTACT_YEARS, self.contacts[window, h, c], 0)
        last = self.last_contact[y, h, c]
        since = np.where(last < 0, NEVER, np.minimum(y - last + 1, NEVER))
        a, b = self.topics[y, h], self.topics[y, c]
        norms = np.linalg.norm(a, axis=1) * np.linalg.norm(b, axis=1)
        overlap = np.where(norms > 0, (a * b).sum(axis=1) / np.where(norms > 0, norms, 1), 0)
        hub_new = self.partners[y, h] - np.where(y >= CONTACT_YEARS, self.partners[window, h], 0)
        groupings = np.empty(len(y), np.float32)
        for year in np.unique(y):
            rows = y == year
            groupings[rows] = t.shared_groupings(FIRST_YEAR + int(year))[h[rows], c[rows]]
        columns = [
            groupings,
            t.border[h, c],
            t.region[h, c],
            t.subregion[h, c],
            self.rung[y, h, c],
            contacts,
            since,
            overlap,
            self.signals[y, h, c],
            self.partners[y, c],
            hub_new,
        ]
        return np.column_stack(columns).astype(np.float64)


def _known_dates(
    events: Sequence[Event], published: dict[str, str | None], end: str, *, live: bool
) -> tuple[list[Event], dict[str, str]]:
    """Keep the events visible at the cutoff and the date each was known from.

    An event is visible when a source published by the cutoff (or undated) reports it
    and it is dated (or, undated, was first reported) by the cutoff. Occurred events
    are known from their date; signals from their first visible report's publication.
    """
    visible: list[Event] = []
    known: dict[str, str] = {}
    for event in events:
        dates = [published.get(s.document) for s in event.sources]
        if dates and all(d is not None and d > end for d in dates):
            continue
        reported = min((d for d in dates if d is not None and d <= end), default=None)
        if event.status == EventStatus.OCCURRED:
            when = event.date or reported
        else:
            when = reported or event.date
            if when is None and live:
                when = f"{FIRST_YEAR - 1}"  # an undated, unpublished signal: known, but not when
        if when is None or when > end:
            continue
        visible.append(event)
        known[event.id] = when
    return visible, known


def _announced(event: Event, published: dict[str, str | None], end: str) -> str | None:
    "The first publication, by the cutoff, of a report of `event` that came out before it was held, if any."
    start = date_bounds(event.date)[0]
    if start is None:
        return None
    dates = [published.get(s.document) for s in event.sources]
    return min((d for d in dates if d is not None and d < start and d <= end), default=None)


def known_history(
    events: Sequence[Event],
    published: dict[str, str | None],
    tables: StateTables,
    kind: str,
    cutoff: str,
    *,
    live: bool = False,
    last_year: int | None = None,
) -> KnownHistory:
    "Build the arrays of what was known at `cutoff` (events after it, and documents published after it, hidden)."
    end = cutoff_end(cutoff)
    visible, known = _known_dates(events, published, end, live=live)
    snapshots = max(_year(end), last_year or 0) + 2 - FIRST_YEAR
    n, index = len(tables.codes), tables.index
    first = np.full((n, n), 10**6, np.int64)
    history = KnownHistory(
        tables=tables,
        kind=kind,
        cutoff=cutoff,
        end=end,
        snapshots=snapshots,
        visible=visible,
        known=known,
        first_kind=first,
        rung=np.zeros((snapshots, n, n), np.float32),
        contacts=np.zeros((snapshots, n, n), np.float32),
        last_contact=np.full((snapshots, n, n), -1, np.float32),
        topics=np.zeros((snapshots, n, len(TOPICS)), np.float32),
        signals=np.zeros((snapshots, n, n), np.float32),
        partners=np.zeros((snapshots, n), np.float32),
    )
    topic_index = {t: i for i, t in enumerate(TOPICS)}
    occurred: list[Event] = []
    for event in visible:
        codes = [index[p] for p in sorted(set(event.parties)) if p in index]
        b = history.bucket(known[event.id])
        pairs = list(combinations(codes, 2))
        for code in codes:
            for topic in event.topics:
                if topic in topic_index:
                    history.topics[b, code, topic_index[topic]] += 1
        if event.status != EventStatus.OCCURRED:
            if event.kind == kind:
                for i, j in pairs:
                    history.signals[b, i, j] += 1
                    history.signals[b, j, i] += 1
            continue
        if len(codes) > 2 and event_rung(event) == Rung.CONTACT:
            # A large meeting gives its pairs only "contact": set it here, in one step, rather than
            # through ladders() pair by pair (most of its time on a big store).
            block = np.ix_(codes, codes)
            history.rung[b][block] = np.maximum(history.rung[b][block], float(Rung.CONTACT))
        else:
            occurred.append(event if event.date else dataclasses.replace(event, date=known[event.id]))
        if event.kind == kind:
            for i, j in pairs:
                first[i, j] = first[j, i] = min(first[i, j], b)
            if (announced := _announced(event, published, end)) is not None:
                for i, j in pairs:  # a plan that came true merged into the meeting: count it back
                    history.signals[history.bucket(announced), i, j] += 1
                    history.signals[history.bucket(announced), j, i] += 1
        if event.kind in CONTACT_KINDS and len(codes) <= MINILATERAL:
            for i, j in pairs:
                history.contacts[b, i, j] += 1
                history.contacts[b, j, i] += 1
    for pair, ladder in ladders(occurred).items():
        if pair[0] not in index or pair[1] not in index:
            continue
        i, j = index[pair[0]], index[pair[1]]
        for rung, step in ladder.steps.items():
            b = history.bucket(step.date) if step.date else 0
            history.rung[b, i, j] = history.rung[b, j, i] = max(history.rung[b, i, j], float(rung))
    np.maximum.accumulate(history.rung, axis=0, out=history.rung)
    seen = history.contacts > 0
    buckets = np.arange(snapshots, dtype=np.float32)[:, None, None]
    np.maximum.accumulate(np.where(seen, buckets, -1), axis=0, out=history.last_contact)
    np.cumsum(history.contacts, axis=0, out=history.contacts)
    np.cumsum(history.topics, axis=0, out=history.topics)
    np.cumsum(history.signals, axis=0, out=history.signals)
    # partners[y, s]: partners whose first `kind` with s fell in a bucket the snapshot sees (≤ y)
    for y in range(snapshots):
        history.partners[y] = (first <= y).sum(axis=1)
    return history


def pairs_held_before(history: KnownHistory, y: int) -> NDArray[np.bool_]:
    "Pairs that held the kind before snapshot y (in a bucket ≤ y)."
    return np.asarray(history.first_kind <= y)
