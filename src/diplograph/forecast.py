"""Who is likely next: rank the states a hub may hold its first meeting of a kind with.

Input: the store's events (read once, through `graph.load_events`), the
documents' publication dates, and the reference tables (groupings with their
membership dates, regions, land borders). Output: a `Forecast` — candidate
states ranked by a probability-like score, each with the per-feature
contributions and the events behind them — and a `BacktestResult` comparing
the model's top k with a popularity baseline at past cutoffs.

The model: a logistic regression (standardised features, L2, fixed seed)
trained on *dyad-year snapshots* pooled over every hub in the store. For each
year t before the cutoff and each pair (hub, candidate) that had not held the
kind before t, the features describe the pair on 1 January of t and the label
says whether they first held the kind within `horizon` years. The features:

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

Why snapshots pooled over all hubs: one hub has a handful of first meetings in
its whole history; every hub's history together is what a model can learn
from. Why no leakage: every feature at t reads only events dated before t
that some document visible at the cutoff reports (an undated event counts from
its earliest source's publication date; a report counts from its own); labels
of training snapshots end before the cutoff. Why a linear model: with a few
dozen positive examples, a model whose every point of score can be traced to
a named feature is the honest choice; the output says how much history it rests on.

What the score means: the model's estimate, from similar pairs in the store's
history, of the chance that the pair holds its first meeting of the kind
within `horizon` years of the cutoff. It is only as good as the store's
coverage: pairs the corpus never mentions look alike, and a store of one
region's news knows little of others.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

import numpy as np
from numpy.typing import NDArray
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

from diplograph.errors import InvalidQuery
from diplograph.gazetteer import Gazetteer, load_gazetteer
from diplograph.graph import Filters, load_events
from diplograph.ladder import MINILATERAL, Rung, event_rung, ladders
from diplograph.models import Event
from diplograph.reconcile import date_bounds
from diplograph.reference import land_borders
from diplograph.store import Store
from diplograph.vocab import EVENT_KINDS, EVENT_STATUSES, TOPICS, EventKind, EventStatus

FIRST_YEAR = 1990  # the first snapshot; earlier events still count in the features (as "before 1990")
HORIZON_YEARS = 3
CONTACT_YEARS = 3
NEVER = 10.0  # years_since_contact when the pair never met
MAX_TRAINING_ROWS = 100_000  # beyond this, negatives are sampled (and the intercept corrected)
MIN_POSITIVES = 20  # fewer first meetings than this and the note says the score means little
# Reports that a meeting is planned, proposed or predicted are the most direct sign of it, but a
# store under-counts the ones that came true: a plan merges into the meeting once it is held. When
# fewer than MIN_SIGNALLED positive snapshots had such a report, their weight is not fitted but set
# to SIGNAL_PRIOR log-odds per log(1 + reports): one report multiplies the odds by 4, three by 16.
MIN_SIGNALLED = 10
SIGNAL_PRIOR = 2.0
SEED = 0
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
# Counts enter the model as log(1 + n): the tenth shared grouping says less than the first.
_LOGGED = frozenset(
    {"shared_groupings", "contacts_3y", "signals", "candidate_partners", "hub_new_partners_3y"}
)
_EVIDENCE_CAP = 5  # events listed per feature and candidate


# ── the result types ─────────────────────────────────────────────────────────


@dataclass(frozen=True, slots=True)
class HistoryNote:
    """How much history a score rests on, in plain numbers and one sentence."""

    snapshots: int
    positives: int
    first_year: int | None
    last_year: int | None
    hubs: int
    model: str
    note: str

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True, slots=True)
class EvidenceItem:
    """An event behind a feature of a candidate: what it is and the sentence that states it."""

    feature: str
    event: str
    kind: str
    status: str
    date: str | None
    document: str | None
    quote: str | None

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True, slots=True)
class Candidate:
    """One ranked candidate: its score, feature values, each feature's push on the score, and the evidence."""

    rank: int
    code: str
    name: str
    score: float
    features: dict[str, float]
    contributions: dict[str, float]
    reasons: tuple[str, ...]
    evidence: tuple[EvidenceItem, ...]
    groupings: tuple[str, ...] = ()  # the groupings both belong to at the forecast date

    def to_dict(self) -> dict[str, Any]:
        return {
            "rank": self.rank,
            "code": self.code,
            "name": self.name,
            "score": round(self.score, 4),
            "features": {k: round(v, 4) for k, v in self.features.items()},
            "contributions": {k: round(v, 4) for k, v in self.contributions.items()},
            "reasons": list(self.reasons),
            "evidence": [e.to_dict() for e in self.evidence],
            "groupings": list(self.groupings),
        }


@dataclass(frozen=True, slots=True)
class Forecast:
    """The ranked candidates of one hub for one kind, at a cutoff, with the history behind the model."""

    hub: str
    kind: str
    cutoff: str
    horizon_years: int
    existing: tuple[str, ...]
    candidates: tuple[Candidate, ...]
    history: HistoryNote

    def to_dict(self) -> dict[str, Any]:
        return {
            "hub": self.hub,
            "kind": self.kind,
            "cutoff": self.cutoff,
            "horizon_years": self.horizon_years,
            "existing_partners": list(self.existing),
            "candidates": [c.to_dict() for c in self.candidates],
            "history": self.history.to_dict(),
        }


@dataclass(frozen=True, slots=True)
class HubResult:
    """One hub at one cutoff: who it actually took as new partners, and what each ranking's top k held."""

    hub: str
    actual: tuple[str, ...]
    model_top: tuple[str, ...]
    baseline_top: tuple[str, ...]

    @property
    def model_hits(self) -> int:
        return len(set(self.model_top) & set(self.actual))

    @property
    def baseline_hits(self) -> int:
        return len(set(self.baseline_top) & set(self.actual))

    def to_dict(self) -> dict[str, Any]:
        return {
            "hub": self.hub,
            "actual": list(self.actual),
            "model_top": list(self.model_top),
            "baseline_top": list(self.baseline_top),
            "model_hits": self.model_hits,
            "baseline_hits": self.baseline_hits,
        }


@dataclass(frozen=True, slots=True)
class Metrics:
    """precision@k and hit rate (share of hubs with at least one new partner in the top k)."""

    precision_at_k: float
    hit_rate: float

    def to_dict(self) -> dict[str, float]:
        return {"precision_at_k": round(self.precision_at_k, 4), "hit_rate": round(self.hit_rate, 4)}


def metrics(results: Sequence[HubResult], k: int, *, baseline: bool = False) -> Metrics:
    """Return the mean precision@k and the hit rate over hub results (zeros when there are none)."""
    if not results:
        return Metrics(0.0, 0.0)
    hits = [r.baseline_hits if baseline else r.model_hits for r in results]
    return Metrics(sum(h / k for h in hits) / len(hits), sum(1 for h in hits if h) / len(hits))


@dataclass(frozen=True, slots=True)
class CutoffResult:
    """The backtest at one cutoff: the hubs evaluated and the model's history."""

    cutoff: str
    hubs: tuple[HubResult, ...]
    history: HistoryNote
    k: int

    @property
    def model(self) -> Metrics:
        return metrics(self.hubs, self.k)

    @property
    def baseline(self) -> Metrics:
        return metrics(self.hubs, self.k, baseline=True)

    def to_dict(self) -> dict[str, Any]:
        return {
            "cutoff": self.cutoff,
            "hubs_evaluated": len(self.hubs),
            "new_partnerships": sum(len(h.actual) for h in self.hubs),
            "model": self.model.to_dict(),
            "baseline": self.baseline.to_dict(),
            "history": self.history.to_dict(),
            "hubs": [h.to_dict() for h in self.hubs],
        }


@dataclass(frozen=True, slots=True)
class BacktestResult:
    """Backtests at one or more cutoffs, and their pooled figures (every hub-cutoff evaluation weighs one)."""

    kind: str
    horizon_years: int
    k: int
    cutoffs: tuple[CutoffResult, ...]

    @property
    def evaluations(self) -> tuple[HubResult, ...]:
        return tuple(h for c in self.cutoffs for h in c.hubs)

    @property
    def model(self) -> Metrics:
        return metrics(self.evaluations, self.k)

    @property
    def baseline(self) -> Metrics:
        return metrics(self.evaluations, self.k, baseline=True)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "horizon_years": self.horizon_years,
            "k": self.k,
            "evaluations": len(self.evaluations),
            "model": self.model.to_dict(),
            "baseline": self.baseline.to_dict(),
            "cutoffs": [c.to_dict() for c in self.cutoffs],
        }


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
class _Tables:
    """The reference tables as arrays over states (index order = `codes`)."""

    codes: list[str]
    index: dict[str, int]
    border: NDArray[np.float32]
    region: NDArray[np.float32]
    subregion: NDArray[np.float32]
    gaz: Gazetteer
    _groupings: dict[int, NDArray[np.float32]] = field(default_factory=dict)

    @classmethod
    def build(cls, extra: Iterable[str] = ()) -> _Tables:
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
class _History:
    """What was known at a cutoff, as arrays indexed by snapshot (bucket), state and state.

    Bucket b holds events of year FIRST_YEAR + b - 1 (bucket 0: every earlier year);
    snapshot y (1 January of FIRST_YEAR + y) sees buckets 0..y.
    """

    tables: _Tables
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


def _history(
    events: Sequence[Event],
    published: dict[str, str | None],
    tables: _Tables,
    kind: str,
    cutoff: str,
    *,
    live: bool = False,
    last_year: int | None = None,
) -> _History:
    "Build the arrays of what was known at `cutoff` (events after it, and documents published after it, hidden)."
    end = cutoff_end(cutoff)
    visible, known = _known_dates(events, published, end, live=live)
    snapshots = max(_year(end), last_year or 0) + 2 - FIRST_YEAR
    n, index = len(tables.codes), tables.index
    first = np.full((n, n), 10**6, np.int64)
    history = _History(
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


def _bucket_seen(history: _History, y: int) -> NDArray[np.bool_]:
    "Pairs that held the kind before snapshot y (in a bucket ≤ y)."
    return np.asarray(history.first_kind <= y)


# ── the model ────────────────────────────────────────────────────────────────


@dataclass(slots=True)
class _Model:
    """A fitted logistic regression over the transformed features (None when history is too thin).

    `columns` are the features the regression was fitted on; `signal_prior`, when set,
    is the fixed log-odds weight of log(1 + signals) used instead of a fitted one.
    """

    scaler: StandardScaler | None
    regression: LogisticRegression | None
    intercept_shift: float
    note: HistoryNote
    columns: list[int] = field(default_factory=lambda: list(range(len(FEATURES))))
    signal_prior: float | None = None

    def transform(self, raw: NDArray[np.float64]) -> NDArray[np.float64]:
        out = raw.copy()
        for k, name in enumerate(FEATURES):
            if name in _LOGGED:
                out[:, k] = np.log1p(out[:, k])
        return out

    def scores(self, raw: NDArray[np.float64]) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
        """Return each row's score and each feature's contribution to its log-odds (vs. an average pair)."""
        if self.scaler is None or self.regression is None:
            return _baseline_scores(raw), np.zeros_like(raw)
        x = self.transform(raw)
        contributions = np.zeros_like(raw)
        contributions[:, self.columns] = self.scaler.transform(x[:, self.columns]) * self.regression.coef_[0]
        if self.signal_prior is not None:
            signals = FEATURES.index("signals")
            contributions[:, signals] = self.signal_prior * x[:, signals]
        logit = contributions.sum(axis=1) + self.regression.intercept_[0] + self.intercept_shift
        return 1 / (1 + np.exp(-logit)), contributions


def _baseline_scores(raw: NDArray[np.float64]) -> NDArray[np.float64]:
    "The popularity baseline as a score: partners first, then the ladder rung (a ranking, not a probability)."
    return raw[:, FEATURES.index("candidate_partners")] + raw[:, FEATURES.index("ladder_rung")] / 10


def _training_rows(
    history: _History, hubs: Sequence[int], horizon: int
) -> tuple[NDArray[np.int64], NDArray[np.int64], NDArray[np.int64], NDArray[np.bool_]]:
    "Every (snapshot, hub, candidate) whose label window ends before the forecast snapshot."
    ys, hs, cs, labels = [], [], [], []
    hub_array = np.asarray(hubs, np.int64)
    first = history.first_kind[hub_array]  # [hub, candidate]
    for y in range(history.forecast_snapshot - horizon + 1):
        open_ = first > y
        open_[np.arange(len(hub_array)), hub_array] = False
        h_idx, c_idx = np.nonzero(open_)
        ys.append(np.full(len(h_idx), y, np.int64))
        hs.append(hub_array[h_idx])
        cs.append(c_idx.astype(np.int64))
        labels.append(first[h_idx, c_idx] <= y + horizon)  # first held in the years [t, t + horizon)
    if not ys:
        none = np.zeros(0, np.int64)
        return none, none, none, np.zeros(0, bool)
    return np.concatenate(ys), np.concatenate(hs), np.concatenate(cs), np.concatenate(labels)


def _fit(history: _History, horizon: int) -> _Model:
    "Train on the pooled snapshots of every hub known at the cutoff."
    hubs = [history.tables.index[c] for c in history.hubs()]
    y, h, c, label = _training_rows(history, hubs, horizon)
    rng = np.random.default_rng(SEED)
    shift = 0.0
    positives, negatives = np.flatnonzero(label), np.flatnonzero(~label)
    if len(y) > MAX_TRAINING_ROWS and len(negatives):
        keep = max(MAX_TRAINING_ROWS - len(positives), 1)
        rate = min(1.0, keep / len(negatives))
        negatives = np.sort(rng.choice(negatives, size=min(keep, len(negatives)), replace=False))
        shift = math.log(rate)
        rows = np.concatenate([positives, negatives])
        y, h, c, label = y[rows], h[rows], c[rows], label[rows]
    years = sorted({FIRST_YEAR + int(v) for v in np.unique(y)}) if len(y) else []
    contributing = len({int(v) for v in h[label]}) if len(y) else 0
    n_pos = len(
        {
            (min(a, b), max(a, b), int(f))
            for a, b, f in zip(h[label], c[label], history.first_kind[h[label], c[label]], strict=True)
        }
    )
    enough = n_pos >= 1 and bool((~label).any())
    model_name = (
        "logistic regression" if enough else "popularity baseline (no positive example to learn from)"
    )
    note = HistoryNote(
        snapshots=len(label),
        positives=n_pos,  # distinct first meetings (a pair is positive in up to `horizon` snapshots)
        first_year=years[0] if years else None,
        last_year=years[-1] if years else None,
        hubs=contributing,
        model=model_name,
        note=_history_sentence(len(label), n_pos, years, contributing, enough, shift),
    )
    if not enough:
        return _Model(None, None, 0.0, note)
    raw = history.features(y, h, c)
    signals = FEATURES.index("signals")
    signalled = int(((raw[:, signals] > 0) & label).sum())
    # Unweighted, C=1: the score stays an estimated chance (balanced class weights would inflate it), and
    # on the sample's backtest (9 cutoffs) balanced weights and C=0.1 both ranked worse (P@5 0.157 vs 0.183).
    model = _Model(StandardScaler(), LogisticRegression(C=1.0, max_iter=2000, random_state=SEED), shift, note)
    if signalled < MIN_SIGNALLED:
        model.columns = [k for k in range(len(FEATURES)) if k != signals]
        model.signal_prior = SIGNAL_PRIOR
        model.note = dataclasses.replace(
            note,
            note=note.note + f" Only {signalled} positive snapshots had a prior report, so the weight of "
            f"reports is the fixed prior {SIGNAL_PRIOR} log-odds per log(1 + reports), not fitted.",
        )
    x = model.transform(raw)[:, model.columns]
    assert model.scaler is not None and model.regression is not None
    model.regression.fit(model.scaler.fit_transform(x), label)
    return model


def _history_sentence(
    rows: int, positives: int, years: Sequence[int], hubs: int, fitted: bool, shift: float
) -> str:
    if not fitted:
        return (
            f"No model: {rows} snapshots hold {positives} first meetings of this kind, so there is nothing to "
            "learn from; candidates are ranked by how many partners they already have (popularity), then rung."
        )
    span = f"{years[0]}–{years[-1]}" if years else "no years"
    sampled = " (negatives sampled, intercept corrected)" if shift else ""
    text = (
        f"Trained on {rows} dyad-year snapshots{sampled} from {span}, with {positives} first meetings "
        f"by {hubs} hubs."
    )
    if positives < MIN_POSITIVES:
        text += f" Fewer than {MIN_POSITIVES} positive examples: treat the ranking as indicative, the scores as rough."
    return text


# ── forecast ─────────────────────────────────────────────────────────────────


def _check(kind: str, horizon: int) -> None:
    if kind not in EVENT_KINDS:
        raise InvalidQuery(f"unknown kind {kind!r}; use one of: {', '.join(EVENT_KINDS)}")
    if horizon < 1:
        raise InvalidQuery(f"horizon must be at least 1 year, not {horizon}")


def _read(store: Store, include_reference: bool) -> tuple[list[Event], dict[str, str | None]]:
    "Read every event (all statuses) once, and every document's publication date."
    events = load_events(store, Filters(statuses=EVENT_STATUSES, include_reference=include_reference))
    published = {d["id"]: d.get("published") for d in store.documents()}
    return events, published


def forecast_partners(
    store: Store,
    hub: str,
    kind: str = EventKind.TWO_PLUS_TWO,
    *,
    cutoff: str | None = None,
    top: int = 10,
    include_reference: bool = True,
    horizon_years: int = HORIZON_YEARS,
) -> Forecast:
    """Rank the states `hub` is likely to hold its first `kind` with, within `horizon_years` of the cutoff.

    Args:
        store: the store to read (events of every status; documents' publication dates).
        hub: ISO3 code of the state whose next partners are wanted.
        kind: the event kind (default "2+2 dialogue").
        cutoff: a partial ISO date; only what was known by then is used (default today).
        top: how many candidates to return.
        include_reference: use facts from the reference tables (`load-reference`) too.
        horizon_years: the window the training labels and the score speak of.

    Raises:
        InvalidQuery: unknown hub, kind or a malformed cutoff.
    """
    _check(kind, horizon_years)
    hub = hub.upper()
    events, published = _read(store, include_reference)
    tables = _Tables.build(p for e in events for p in e.parties)
    if hub not in tables.index:
        raise InvalidQuery(f"unknown state {hub!r}; use an ISO3 code of states.csv")
    live = cutoff is None
    cutoff = cutoff or dt.date.today().isoformat()
    history = _history(events, published, tables, kind, cutoff, live=live)
    model = _fit(history, horizon_years)
    y = history.forecast_snapshot
    h = tables.index[hub]
    held = _bucket_seen(history, y)[h]
    candidates = np.array([i for i in range(len(tables.codes)) if i != h and not held[i]], np.int64)
    existing = tuple(tables.codes[i] for i in np.flatnonzero(held) if i != h)
    raw = history.features(
        np.full(len(candidates), y, np.int64), np.full(len(candidates), h, np.int64), candidates
    )
    scores, contributions = model.scores(raw)
    order = sorted(range(len(candidates)), key=lambda r: (-scores[r], tables.codes[candidates[r]]))[:top]
    evidence = _evidence_index(history, hub)
    ranked = tuple(
        _candidate(
            rank, tables, int(candidates[r]), float(scores[r]), raw[r], contributions[r], evidence, hub, y
        )
        for rank, r in enumerate(order, start=1)
    )
    return Forecast(hub, kind, cutoff, horizon_years, existing, ranked, model.note)


def _evidence_index(history: _History, hub: str) -> dict[str, tuple[EvidenceItem, ...]]:
    "The events behind each partner's features, from the hub's visible events (in date order)."
    by_partner: dict[str, list[Event]] = defaultdict(list)
    for event in history.visible:
        if hub in event.parties:
            for party in set(event.parties) - {hub}:
                by_partner[party].append(event)
    window = f"{FIRST_YEAR + history.forecast_snapshot - CONTACT_YEARS}"
    return {p: tuple(_items(events, history, window)) for p, events in by_partner.items()}


def _candidate(
    rank: int,
    tables: _Tables,
    code_index: int,
    score: float,
    raw: NDArray[np.float64],
    contributions: NDArray[np.float64],
    evidence: dict[str, tuple[EvidenceItem, ...]],
    hub: str,
    snapshot: int,
) -> Candidate:
    code = tables.codes[code_index]
    day = f"{FIRST_YEAR + snapshot}-01-01"
    shared = tuple(
        g.name
        for g in tables.gaz.groupings.values()
        if g.type in GROUPING_TYPES and {hub, code} <= set(g.members_at(day))
    )
    state = tables.gaz.states.get(code)
    values = {name: float(raw[k]) for k, name in enumerate(FEATURES)}
    pushes = {name: float(contributions[k]) for k, name in enumerate(FEATURES)}
    reasons = tuple(
        f"{_describe(name, values[name])} ({pushes[name]:+.2f})"
        for name in sorted(pushes, key=lambda n: -pushes[n])[:3]
        if pushes[name] > 0
    )
    return Candidate(
        rank=rank,
        code=code,
        name=state.name if state else code,
        score=score,
        features=values,
        contributions=pushes,
        reasons=reasons,
        evidence=evidence.get(code, ()),
        groupings=shared,
    )


def _items(events: Sequence[Event], history: _History, window: str) -> Iterable[EvidenceItem]:
    """The events behind the features: reports of the kind not (yet) held, contacts in the window, the rest.

    Signals are the planned, proposed and predicted reports of the forecast's kind; contacts
    the ministerial, summit and talks meetings known from `window` on; the other occurred events
    (agreements, exercises, older meetings) are what the ladder rung rests on.
    """
    signals = [e for e in events if e.status != EventStatus.OCCURRED and e.kind == history.kind]
    occurred = [e for e in events if e.status == EventStatus.OCCURRED]
    contacts = [
        e
        for e in occurred
        if e.kind in CONTACT_KINDS and len(e.parties) <= MINILATERAL and history.known[e.id] >= window
    ]
    chosen_contacts = {e.id for e in contacts}
    others = [e for e in occurred if e.id not in chosen_contacts]
    for feature, chosen in (
        ("signals", signals[:_EVIDENCE_CAP]),
        ("contacts_3y", contacts[-_EVIDENCE_CAP:]),
        ("ladder_rung", others[-_EVIDENCE_CAP:]),
    ):
        for event in chosen:
            source = event.sources[0] if event.sources else None
            yield EvidenceItem(
                feature=feature,
                event=event.id,
                kind=event.kind,
                status=event.status,
                date=event.date,
                document=source.document if source else None,
                quote=source.quote if source else None,
            )


def _describe(name: str, value: float) -> str:
    "A feature value in words, for the reasons column."
    n = round(value)
    match name:
        case "shared_groupings":
            return f"{n} shared groupings"
        case "land_border":
            return "land border" if value else "no land border"
        case "same_region":
            return "same region" if value else "other region"
        case "same_subregion":
            return "same subregion" if value else "other subregion"
        case "ladder_rung":
            return f"ladder rung {n}"
        case "contacts_3y":
            return f"{n} ministerial/summit contacts in 3 years"
        case "years_since_contact":
            return "never met" if value >= NEVER else f"last contact {n} years before"
        case "topic_overlap":
            return f"topic overlap {value:.2f}"
        case "signals":
            return f"{n} planned/proposed/predicted reports"
        case "candidate_partners":
            return f"{n} existing partners of this kind"
        case _:
            return f"hub took {n} new partners in 3 years"


# ── backtest ─────────────────────────────────────────────────────────────────


def default_cutoffs() -> tuple[str, ...]:
    """Cutoffs every two years, 2005–2021: one cutoff holds too few first meetings to judge by."""
    return tuple(str(year) for year in range(2005, 2022, 2))


def backtest(
    store: Store,
    kind: str = EventKind.TWO_PLUS_TWO,
    *,
    cutoff: str | Sequence[str] | None = None,
    horizon_years: int = HORIZON_YEARS,
    k: int = 5,
    hubs: Sequence[str] | None = None,
    include_reference: bool = True,
) -> BacktestResult:
    """Hide everything after each cutoff, train, rank per hub, and score the top k against what happened.

    A hub is evaluated at a cutoff when it took at least one new partner in
    (cutoff, cutoff + horizon]; its precision@k is the share of its top k that
    did, and a hit means at least one did. The popularity baseline ranks the same
    candidates by how many partners of the kind they already had, then by rung.

    Args:
        cutoff: one partial ISO date or several (default `default_cutoffs()`); figures are pooled.
        hubs: ISO3 codes to evaluate (default every state that held the kind by the cutoff).

    Raises:
        InvalidQuery: unknown kind or hub, a malformed cutoff, or k < 1.
    """
    _check(kind, horizon_years)
    if k < 1:
        raise InvalidQuery(f"k must be at least 1, not {k}")
    cutoffs = (cutoff,) if isinstance(cutoff, str) else tuple(cutoff or default_cutoffs())
    events, published = _read(store, include_reference)
    tables = _Tables.build(p for e in events for p in e.parties)
    wanted = [h.upper() for h in hubs] if hubs else None
    for code in wanted or ():
        if code not in tables.index:
            raise InvalidQuery(f"unknown state {code!r}; use an ISO3 code of states.csv")
    last_year = max(_year(cutoff_end(c)) for c in cutoffs) + horizon_years
    truth = _history(events, published, tables, kind, f"{last_year}", last_year=last_year)
    results = tuple(
        _backtest_one(events, published, tables, kind, c, truth, horizon_years, k, wanted) for c in cutoffs
    )
    return BacktestResult(kind, horizon_years, k, results)


def _backtest_one(
    events: Sequence[Event],
    published: dict[str, str | None],
    tables: _Tables,
    kind: str,
    cutoff: str,
    truth: _History,
    horizon: int,
    k: int,
    hubs: Sequence[str] | None,
) -> CutoffResult:
    history = _history(events, published, tables, kind, cutoff)
    model = _fit(history, horizon)
    y = history.forecast_snapshot
    held = _bucket_seen(history, y)
    actual_first = truth.first_kind  # buckets from the full history
    out: list[HubResult] = []
    for hub in hubs or history.hubs():
        h = tables.index[hub]
        candidates = np.array([i for i in range(len(tables.codes)) if i != h and not held[h, i]], np.int64)
        new = {
            tables.codes[i]
            for i in candidates
            if y < actual_first[h, i] <= y + horizon  # first held in (cutoff, cutoff + horizon]
        }
        if not new:
            continue
        raw = history.features(
            np.full(len(candidates), y, np.int64), np.full(len(candidates), h, np.int64), candidates
        )
        scores, _ = model.scores(raw)
        baseline = _baseline_scores(raw)
        out.append(
            HubResult(
                hub=hub,
                actual=tuple(sorted(new)),
                model_top=_top(tables, candidates, scores, k),
                baseline_top=_top(tables, candidates, baseline, k),
            )
        )
    return CutoffResult(cutoff, tuple(out), model.note, k)


def _top(
    tables: _Tables, candidates: NDArray[np.int64], scores: NDArray[np.float64], k: int
) -> tuple[str, ...]:
    "The k best candidates by score, ties broken by code (so a ranking is reproducible)."
    order = sorted(range(len(candidates)), key=lambda r: (-scores[r], tables.codes[candidates[r]]))
    return tuple(tables.codes[candidates[r]] for r in order[:k])
