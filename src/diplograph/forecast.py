"""Who is likely next: rank the states a hub may hold its first meeting of a kind with.

Input: the store's events (read once, through `graph.load_events`), the
documents' publication dates, and the reference tables (groupings with their
membership dates, regions, land borders). Output: a `Forecast` — candidate
states ranked by a probability-like score, each with the per-feature
contributions and the events behind them. `backtest.py` scores the same model
at past cutoffs against a popularity baseline.

The model: a logistic regression (standardised features, L2, fixed seed)
trained on *dyad-year snapshots* pooled over every hub in the store. For each
year t before the cutoff and each pair (hub, candidate) that had not held the
kind before t, the features (`features.py`: shared groupings, land border,
region, ladder rung, recent contacts, topic overlap, signals, the candidate's
partners, the hub's new partners) describe the pair on 1 January of t and the
label says whether they first held the kind within `horizon` years.

Why snapshots pooled over all hubs: one hub has a handful of first meetings in
its whole history; every hub's history together is what a model can learn
from. Why no leakage: every feature at t reads only what was known before t at
the cutoff (`features.py` says how); labels of training snapshots end before
the cutoff. Why a linear model: with a few dozen positive examples, a model
whose every point of score can be traced to a named feature is the honest
choice; the output says how much history it rests on.

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
from typing import Any

import numpy as np
from numpy.typing import NDArray
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

from diplograph.errors import InvalidQuery
from diplograph.features import (
    CONTACT_KINDS,
    CONTACT_YEARS,
    FEATURES,
    FIRST_YEAR,
    GROUPING_TYPES,
    NEVER,
    KnownHistory,
    StateTables,
    known_history,
    pairs_held_before,
)
from diplograph.graph import Filters, load_events
from diplograph.ladder import MINILATERAL
from diplograph.models import Event
from diplograph.store import Store
from diplograph.vocab import EVENT_KINDS, EVENT_STATUSES, EventKind, EventStatus

HORIZON_YEARS = 3
MAX_TRAINING_ROWS = 100_000  # beyond this, negatives are sampled (and the intercept corrected)
MIN_POSITIVES = 20  # fewer first meetings than this and the note says the score means little
# Reports that a meeting is planned, proposed or predicted are the most direct sign of it, but a
# store under-counts the ones that came true: a plan merges into the meeting once it is held. When
# fewer than MIN_SIGNALLED positive snapshots had such a report, their weight is not fitted but set
# to SIGNAL_PRIOR log-odds per log(1 + reports): one report multiplies the odds by 4, three by 16.
MIN_SIGNALLED = 10
SIGNAL_PRIOR = 2.0
SEED = 0
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


# ── the model ────────────────────────────────────────────────────────────────


@dataclass(slots=True)
class Model:
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
            return baseline_scores(raw), np.zeros_like(raw)
        x = self.transform(raw)
        contributions = np.zeros_like(raw)
        contributions[:, self.columns] = self.scaler.transform(x[:, self.columns]) * self.regression.coef_[0]
        if self.signal_prior is not None:
            signals = FEATURES.index("signals")
            contributions[:, signals] = self.signal_prior * x[:, signals]
        logit = contributions.sum(axis=1) + self.regression.intercept_[0] + self.intercept_shift
        return 1 / (1 + np.exp(-logit)), contributions


def baseline_scores(raw: NDArray[np.float64]) -> NDArray[np.float64]:
    "The popularity baseline as a score: partners first, then the ladder rung (a ranking, not a probability)."
    return raw[:, FEATURES.index("candidate_partners")] + raw[:, FEATURES.index("ladder_rung")] / 10


def _training_rows(
    history: KnownHistory, hubs: Sequence[int], horizon: int
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


def fit_model(history: KnownHistory, horizon: int) -> Model:
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
        return Model(None, None, 0.0, note)
    raw = history.features(y, h, c)
    signals = FEATURES.index("signals")
    signalled = int(((raw[:, signals] > 0) & label).sum())
    # Unweighted, C=1: the score stays an estimated chance (balanced class weights would inflate it), and
    # on the sample's backtest (9 cutoffs) balanced weights and C=0.1 both ranked worse (P@5 0.157 vs 0.183).
    model = Model(StandardScaler(), LogisticRegression(C=1.0, max_iter=2000, random_state=SEED), shift, note)
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


def check_kind_and_horizon(kind: str, horizon: int) -> None:
    "Reject an unknown kind or a horizon under a year (the forecast and the backtest take the same two)."
    if kind not in EVENT_KINDS:
        raise InvalidQuery(f"unknown kind {kind!r}; use one of: {', '.join(EVENT_KINDS)}")
    if horizon < 1:
        raise InvalidQuery(f"horizon must be at least 1 year, not {horizon}")


def read_events_and_dates(store: Store, include_reference: bool) -> tuple[list[Event], dict[str, str | None]]:
    "Return every event (all statuses), read once, and every document's publication date."
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
    check_kind_and_horizon(kind, horizon_years)
    hub = hub.upper()
    events, published = read_events_and_dates(store, include_reference)
    tables = StateTables.build(p for e in events for p in e.parties)
    if hub not in tables.index:
        raise InvalidQuery(f"unknown state {hub!r}; use an ISO3 code of states.csv")
    live = cutoff is None
    cutoff = cutoff or dt.date.today().isoformat()
    history = known_history(events, published, tables, kind, cutoff, live=live)
    model = fit_model(history, horizon_years)
    y = history.forecast_snapshot
    h = tables.index[hub]
    held = pairs_held_before(history, y)[h]
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


def _evidence_index(history: KnownHistory, hub: str) -> dict[str, tuple[EvidenceItem, ...]]:
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
    tables: StateTables,
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


def _items(events: Sequence[Event], history: KnownHistory, window: str) -> Iterable[EvidenceItem]:
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
