"""The forecast's features: what was known of every pair of states on 1 January of each year.

Input: events of every status (read once, by `forecast.read_events_and_dates`),
the documents' publication dates, a cutoff, the event kind being forecast, and
the reference tables (groupings with their membership dates). Output: a
`KnownHistory` (`known_history`): what was known at the cutoff, as dense arrays
indexed by snapshot (1 January of each year from FIRST_YEAR on), state and
state, whose `features(y, h, c)` is the raw feature matrix of the rows
(snapshot, hub, candidate), one column per name of FEATURES:

    signals             planned, proposed or predicted reports of the kind for the pair, published before t
    co_membership       the groupings both belonged to at t, each counted as 1 / (its members - 1)
    shared_partners     states both already held the kind with (partners of the hub's partners)
    ladder_rung         the highest rung of the institutionalisation ladder the pair reached before t
    contacts_3y         bilateral or minilateral ministerial, summit and talks events of both in the 3 years before t
    candidate_partners  how many partners the candidate already held the kind with (popularity)
    hub_new_partners_3y how many new partners the hub took in the 3 years before t
    partner_likeness    how closely the candidate resembles the state most like it that the hub already
                        held the kind with: the cosine of their membership profiles at t (groupings,
                        each weighted 1 / (its members - 1), and the UN subregion), 0 to 1

Why these and only these: each says one thing an analyst would cite for "they
may hold one next", and more of it can only make that likelier, so the model
may give each a weight of one sign only (zero or positive, `forecast.py`). A land
border, a shared region or similar topics have no such direction (neighbours
are often rivals; most 2+2 partners are far apart): fitted freely on a corpus
they learn its coverage, not diplomacy, and earlier versions gave them large
negative weights. Why co-membership is weighted by size: sharing the Quad says
more than sharing the United Nations; a grouping of n states makes each member
1/(n - 1) of a member's fellows there.

Why partner likeness: a hub picks its partners of a kind by type — allies,
neighbours of a partner, fellows of a club — so a state that looks like one
it already holds the format with is a likelier next one (South Korea after
Japan for the United States, Indonesia after Singapore for Australia, Germany
after France and the United Kingdom for Japan). A state's profile is its row
of memberships, each grouping weighted as in co-membership, plus its UN
subregion counted as much as a pair's own grouping (the neighbourhood is the
strongest likeness a table can show); two profiles are compared by their
cosine, so a state in many large organisations is not like everyone. The
feature is the likeness to the *most* alike partner: one close analogue is
the argument an analyst makes. It rises with likeness and is 0 for a hub
with no partner yet, so its weight, too, is held at zero or above. Measured
on the sample corpus with the reference tables it lifts the backtest's P@5
from 0.193 to 0.209 (docs/analysis.md, "Forecasts"); re-run
`diplograph backtest` after changing the profile.

Why arrays over (year, state, state): the model trains on every dyad-year
snapshot of every hub, and a backtest rebuilds them at each cutoff; with the
events binned by year once, each snapshot's counts are cumulative sums over the
year axis, not a pass over the events per pair and year.

Why no leakage: at a cutoff, a fact counts only if a document *published* by
the cutoff reports it. A document without a publication date could have been
written at any time (a 2026 commentary would inform a 2019 forecast), so it is
left out of every cutoff, and `KnownHistory.undated_documents` says how many
were. Only today's forecast (`live=True`) reads them: it speaks from now, and
what they report is known now, though not since when, so their facts count at
the forecast's own snapshot and in no past one. An event counts from its date
(an occurred event) or from its first visible report (a signal, or an undated
event).
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations

import numpy as np
from numpy.typing import NDArray

from diplograph.analysis.ladder import MINILATERAL, Rung, event_rung, ladders
from diplograph.errors import InvalidQuery
from diplograph.extract.gazetteer import Gazetteer, Grouping, load_gazetteer
from diplograph.models import Event
from diplograph.store.reconcile import date_bounds
from diplograph.vocab import EventKind, EventStatus

FIRST_YEAR = 1990  # the first snapshot; earlier events still count in the features (as "before 1990")
CONTACT_YEARS = 3
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
    "signals",
    "co_membership",
    "shared_partners",
    "ladder_rung",
    "contacts_3y",
    "candidate_partners",
    "hub_new_partners_3y",
    "partner_likeness",
)
# The weight of the UN subregion in a membership profile, in the units of a grouping's
# 1 / (members - 1): 1 is a grouping of two, the closest tie a table can record.
# Set before measuring (docs/analysis.md, "Forecasts", gives the backtest with 0.5 and 2).
SUBREGION_WEIGHT = 1.0


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
    gaz: Gazetteer
    _co_membership: dict[int, NDArray[np.float32]] = field(default_factory=dict)
    _likeness: dict[int, NDArray[np.float32]] = field(default_factory=dict)

    @classmethod
    def build(cls, extra: Iterable[str] = ()) -> StateTables:
        gaz = load_gazetteer()
        codes = sorted(set(gaz.states) | set(extra))
        return cls(codes, {c: i for i, c in enumerate(codes)}, gaz)

    def groupings(self) -> list[Grouping]:
        """The organisations and informal groupings (not regions or companies), in a fixed order."""
        return [g for g in self.gaz.groupings.values() if g.type in GROUPING_TYPES]

    def shared_groupings(self, a: str, b: str, year: int) -> list[tuple[str, int]]:
        """The groupings `a` and `b` both belonged to on 1 January of `year`, smallest first, with their sizes."""
        day = f"{year}-01-01"
        shared = [(g.name, members) for g in self.groupings() if {a, b} <= set(members := g.members_at(day))]
        return sorted(((name, len(members)) for name, members in shared), key=lambda s: (s[1], s[0]))

    def co_membership(self, year: int) -> NDArray[np.float32]:
        """Return each pair's co-membership on 1 January of `year`: Σ 1/(n − 1) over the groupings of n both are in."""
        if year not in self._co_membership:
            day = f"{year}-01-01"
            out = np.zeros((len(self.codes), len(self.codes)), np.float32)
            for grouping in self.groupings():
                members = [self.index[c] for c in grouping.members_at(day) if c in self.index]
                if len(members) >= 2:
                    out[np.ix_(members, members)] += 1 / (len(members) - 1)
            np.fill_diagonal(out, 0)
            self._co_membership[year] = out
        return self._co_membership[year]

    def likeness(self, year: int) -> NDArray[np.float32]:
        """Return how alike each two states' membership profiles are on 1 January of `year` (cosine, 0 to 1).

        A profile holds √(1/(n − 1)) for each grouping of n the state belongs to and
        √SUBREGION_WEIGHT for its UN subregion, so the dot product of two profiles is
        their co-membership plus SUBREGION_WEIGHT when they share a subregion.
        """
        if year not in self._likeness:
            day = f"{year}-01-01"
            columns: list[NDArray[np.float64]] = []
            for grouping in self.groupings():
                members = [self.index[c] for c in grouping.members_at(day) if c in self.index]
                if len(members) >= 2:
                    column = np.zeros(len(self.codes))
                    column[members] = math.sqrt(1 / (len(members) - 1))
                    columns.append(column)
            subregions: dict[str, list[int]] = {}
            for i, code in enumerate(self.codes):
                if (state := self.gaz.states.get(code)) is not None and state.subregion:
                    subregions.setdefault(state.subregion, []).append(i)
            for members in subregions.values():
                column = np.zeros(len(self.codes))
                column[members] = math.sqrt(SUBREGION_WEIGHT)
                columns.append(column)
            profiles = np.column_stack(columns) if columns else np.zeros((len(self.codes), 1))
            norms = np.linalg.norm(profiles, axis=1)
            unit = profiles / np.where(norms > 0, norms, 1)[:, None]
            out = (unit @ unit.T).astype(np.float32)
            np.fill_diagonal(out, 0)
            self._likeness[year] = out
        return self._likeness[year]

    def most_alike(self, code: str, partners: Iterable[str], year: int) -> tuple[str, float] | None:
        "The partner whose profile is most like `code`'s on 1 January of `year`, and how alike (None without partners)."
        likeness = self.likeness(year)[self.index[code]]
        scored = sorted((-float(likeness[self.index[p]]), p) for p in partners if p in self.index)
        return (scored[0][1], -scored[0][0]) if scored else None

    def shared_profile(self, a: str, b: str, year: int) -> list[str]:
        "What `a` and `b` share in their profiles on 1 January of `year`: the subregion, then groupings, smallest first."
        states = self.gaz.states
        sub_a = states[a].subregion if a in states else ""
        same = [sub_a] if sub_a and b in states and states[b].subregion == sub_a else []
        return same + [name for name, _ in self.shared_groupings(a, b, year)]


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
    known: dict[str, str]  # event id -> the date it was known from (its date, or its first report's)
    undated_documents: int  # documents without a publication date, left out (0 when live)
    first_kind: NDArray[np.int64]  # bucket of the pair's first `kind`, or a large number
    rung: NDArray[np.float32]  # [snapshot, a, b]
    contacts: NDArray[np.float32]  # cumulative counts [snapshot, a, b]
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
        window = np.maximum(y - CONTACT_YEARS, 0)
        contacts = self.contacts[y, h, c] - np.where(y >= CONTACT_YEARS, self.contacts[window, h, c], 0)
        hub_new = self.partners[y, h] - np.where(y >= CONTACT_YEARS, self.partners[window, h], 0)
        co_membership = np.empty(len(y), np.float32)
        shared = np.empty(len(y), np.float32)
        likeness = np.empty(len(y), np.float32)
        for year in np.unique(y):
            rows = y == year
            co_membership[rows] = self.tables.co_membership(FIRST_YEAR + int(year))[h[rows], c[rows]]
            held = self.first_kind <= year
            shared[rows] = (held[h[rows]] & held[c[rows]]).sum(axis=1)
            likeness[rows] = self._partner_likeness(int(year), held, h[rows], c[rows])
        columns = {
            "signals": self.signals[y, h, c],
            "co_membership": co_membership,
            "shared_partners": shared,
            "ladder_rung": self.rung[y, h, c],
            "contacts_3y": contacts,
            "candidate_partners": self.partners[y, c],
            "hub_new_partners_3y": hub_new,
            "partner_likeness": likeness,
        }
        return np.column_stack([columns[name] for name in FEATURES]).astype(np.float64)

    def _partner_likeness(
        self, year: int, held: NDArray[np.bool_], h: NDArray[np.int64], c: NDArray[np.int64]
    ) -> NDArray[np.float32]:
        "For rows (hub h, candidate c) at snapshot `year`: c's likeness to the most alike of h's partners (0 if none)."
        likeness = self.tables.likeness(FIRST_YEAR + year)
        hubs, which = np.unique(h, return_inverse=True)
        # [hub, state]: the state's likeness to the most alike of the hub's partners (one hub at a time:
        # a hub has few partners, and the rows of one hub share them)
        best = np.zeros((len(hubs), likeness.shape[0]), np.float32)
        for k, hub in enumerate(hubs):
            partners = np.flatnonzero(held[hub])
            if len(partners):
                best[k] = likeness[:, partners].max(axis=1)
        out: NDArray[np.float32] = best[which.ravel(), c]
        return out


def _known_dates(
    events: Sequence[Event], published: dict[str, str | None], end: str, *, live: bool
) -> tuple[list[Event], dict[str, str]]:
    """Keep the events visible at the cutoff and the date each was known from.

    An event is visible when a document published by the cutoff reports it (or, live,
    any document) and it is dated (or, undated, was first reported) by the cutoff.
    Occurred events are known from their date; signals from their first report's
    publication. Live, what only undated documents report is known from the cutoff.
    """
    visible: list[Event] = []
    known: dict[str, str] = {}
    for event in events:
        dates = [published.get(s.document) for s in event.sources]
        reported = min((d for d in dates if d is not None and d <= end), default=None)
        if reported is None and not (live and None in dates):
            continue  # no document published by the cutoff reports it
        # live only, `reported` may be None: what undated documents alone report is known now
        when = (event.date if event.status == EventStatus.OCCURRED else None) or reported or end
        if when > end:
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


def undated_documents(events: Sequence[Event], published: dict[str, str | None]) -> int:
    "How many documents that report an event have no publication date."
    return len({s.document for e in events for s in e.sources if published.get(s.document) is None})


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
    n = len(tables.codes)
    history = KnownHistory(
        tables=tables,
        kind=kind,
        cutoff=cutoff,
        end=end,
        snapshots=snapshots,
        visible=visible,
        known=known,
        undated_documents=0 if live else undated_documents(events, published),
        first_kind=np.full((n, n), 10**6, np.int64),
        rung=np.zeros((snapshots, n, n), np.float32),
        contacts=np.zeros((snapshots, n, n), np.float32),
        signals=np.zeros((snapshots, n, n), np.float32),
        partners=np.zeros((snapshots, n), np.float32),
    )
    occurred = _count_events(history, published)
    _climb_ladders(history, occurred)
    np.cumsum(history.contacts, axis=0, out=history.contacts)
    np.cumsum(history.signals, axis=0, out=history.signals)
    # partners[y, s]: partners whose first `kind` with s fell in a bucket the snapshot sees (≤ y)
    for y in range(snapshots):
        history.partners[y] = (history.first_kind <= y).sum(axis=1)
    return history


def _count_events(history: KnownHistory, published: dict[str, str | None]) -> list[Event]:
    """Bin the visible events by year: first meetings, contacts, signals, and large meetings' contact rung.

    Returns the occurred events the ladder still has to place (bilateral and minilateral ones,
    each dated: an undated one from the date it was known).
    """
    index, kind, first = history.tables.index, history.kind, history.first_kind
    occurred: list[Event] = []
    for event in history.visible:
        codes = [index[p] for p in sorted(set(event.parties)) if p in index]
        b = history.bucket(history.known[event.id])
        pairs = list(combinations(codes, 2))
        if event.status != EventStatus.OCCURRED:
            if event.kind == kind:
                _add_pairs(history.signals[b], pairs)
            continue
        if len(codes) > 2 and event_rung(event) == Rung.CONTACT:
            # A large meeting gives its pairs only "contact": set it here, in one step, rather than
            # through ladders() pair by pair (most of its time on a big store).
            block = np.ix_(codes, codes)
            history.rung[b][block] = np.maximum(history.rung[b][block], float(Rung.CONTACT))
        else:
            occurred.append(event if event.date else dataclasses.replace(event, date=history.known[event.id]))
        if event.kind == kind:
            for i, j in pairs:
                first[i, j] = first[j, i] = min(first[i, j], b)
            if (announced := _announced(event, published, history.end)) is not None:
                # a plan that came true merged into the meeting: count it back as a signal
                _add_pairs(history.signals[history.bucket(announced)], pairs)
        if event.kind in CONTACT_KINDS and len(codes) <= MINILATERAL:
            _add_pairs(history.contacts[b], pairs)
    return occurred


def _add_pairs(counts: NDArray[np.float32], pairs: Sequence[tuple[int, int]]) -> None:
    for i, j in pairs:
        counts[i, j] += 1
        counts[j, i] += 1


def _climb_ladders(history: KnownHistory, occurred: Sequence[Event]) -> None:
    "Set each pair's rung from the year its ladder reached it on, and carry it forward."
    index = history.tables.index
    for pair, ladder in ladders(occurred).items():
        if pair[0] not in index or pair[1] not in index:
            continue
        i, j = index[pair[0]], index[pair[1]]
        for rung, step in ladder.steps.items():
            b = history.bucket(step.date) if step.date else 0
            history.rung[b, i, j] = history.rung[b, j, i] = max(history.rung[b, i, j], float(rung))
    np.maximum.accumulate(history.rung, axis=0, out=history.rung)


def first_meetings(
    events: Sequence[Event], tables: StateTables, kind: str, snapshots: int
) -> NDArray[np.int64]:
    """Return the bucket of each pair's first dated `kind` that happened, whoever reported it and whenever.

    This is what the backtest scores against: what happened, not what was known.
    An undated meeting cannot be placed in a window and is not counted.
    """
    n = len(tables.codes)
    first = np.full((n, n), 10**6, np.int64)
    for event in events:
        if event.kind != kind or event.status != EventStatus.OCCURRED or not event.date:
            continue
        b = min(max(_year(event.date) - FIRST_YEAR + 1, 0), snapshots - 1)
        codes = [tables.index[p] for p in sorted(set(event.parties)) if p in tables.index]
        for i, j in combinations(codes, 2):
            first[i, j] = first[j, i] = min(first[i, j], b)
    return first


def pairs_held_before(history: KnownHistory, y: int) -> NDArray[np.bool_]:
    "Pairs that held the kind before snapshot y (in a bucket ≤ y)."
    return np.asarray(history.first_kind <= y)
