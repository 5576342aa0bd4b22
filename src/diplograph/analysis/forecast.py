"""Who is likely next: rank the states a hub may hold its first meeting of a kind with.

Input: the store's events (read once, through `graph.load_events`), the
documents' publication dates, and the reference tables (groupings with their
membership dates). Output: a `Forecast` — candidate states ranked by a
probability-like score, each with each feature's push on the score, the reasons
in words and the events behind them (signals first, with their quotes), and the
model's weights. `backtest.py` scores the same model at past cutoffs against two
baselines.

The model: a logistic regression trained on *dyad-year snapshots* pooled over
every hub in the store. For each year t before the cutoff and each pair (hub,
candidate) that had not held the kind before t, the features (`features.py`:
reports of the format, co-membership in groupings, partners in common, ladder
rung, recent contacts, the candidate's partners, the hub's new partners, and
the candidate's likeness to the most alike of the hub's partners)
describe the pair on 1 January of t and the label says whether they first held
the kind within `horizon` years.

Why every weight is zero or positive: each feature is chosen so that more of it
can only make a first meeting likelier, and the fit is constrained to that
(projected Newton, `fit_signed_logistic`). A free fit on a corpus learns its
coverage as well as diplomacy: reference tables add first meetings of pairs
the news never mentions, while the pairs the news follows closely meet often
without holding the format yet, so contacts came out *against* a first meeting.
A weight the data does not support becomes zero, never negative, and the
output prints the weights so an analyst can see which features carry the score.

Why reports of a plan enter through a stated prior: a report that the hub and a
candidate plan, propose or are predicted to hold the format is the most direct
sign of it, but the store cannot say how often such reports came true — a plan
that came true is merged into the meeting, and few pairs have either. When
fewer than MIN_SIGNALLED first meetings had one, the weight of a report is
fixed: the first report multiplies the odds by SIGNAL_ODDS (a pair the rest of
the model puts at 3 % goes to about 24 %), and further reports add less (the
weight is per log(1 + reports)).

Why snapshots pooled over all hubs: one hub has a handful of first meetings in
its whole history; every hub's history together is what a model can learn
from. Why no leakage: every feature at t reads only what was published before
the cutoff (`features.py` says how); labels of training snapshots end before
the cutoff.

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
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from diplograph.analysis.features import (
    CONTACT_KINDS,
    CONTACT_YEARS,
    FEATURES,
    FIRST_YEAR,
    KnownHistory,
    StateTables,
    known_history,
    pairs_held_before,
)
from diplograph.analysis.graph import Filters, load_events
from diplograph.analysis.ladder import MINILATERAL, Rung
from diplograph.errors import InvalidQuery
from diplograph.models import Event
from diplograph.store import Store
from diplograph.vocab import EVENT_KINDS, EVENT_STATUSES, EventKind, EventStatus

# States that no longer exist (the Soviet Union, in the store for events before 1992): never a next partner.
GONE = frozenset({"SUN"})

HORIZON_YEARS = 3
MAX_TRAINING_ROWS = 100_000  # beyond this, negatives are sampled (and the intercept corrected)
MIN_POSITIVES = 20  # fewer first meetings than this and the note says the score means little
# Below MIN_SIGNALLED first meetings with a prior report, the weight of reports is not fitted but
# set so that the first report multiplies the odds by SIGNAL_ODDS (the module docstring says why).
MIN_SIGNALLED = 10
SIGNAL_ODDS = 10.0
SIGNAL_PRIOR = math.log(SIGNAL_ODDS) / math.log(2)  # log-odds per log(1 + reports)
PENALTY = 1.0  # L2 penalty on the standardised weights (as scikit-learn's C=1)
SEED = 0
# Counts enter the model as log(1 + n): the tenth contact says less than the first.
_LOGGED = frozenset(
    {"signals", "shared_partners", "contacts_3y", "candidate_partners", "hub_new_partners_3y"}
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
    undated_documents: int = 0  # left out because their facts cannot be placed before the cutoff

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
    groupings: tuple[str, ...] = ()  # the groupings both belong to at the forecast date, smallest first

    @property
    def signals(self) -> tuple[EvidenceItem, ...]:
        """The reports of the format for this pair (planned, proposed, predicted), with their quotes."""
        return tuple(e for e in self.evidence if e.feature == "signals")

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
    """The ranked candidates of one hub for one kind, at a cutoff, with the model's weights and history."""

    hub: str
    kind: str
    cutoff: str
    horizon_years: int
    existing: tuple[str, ...]
    candidates: tuple[Candidate, ...]
    history: HistoryNote
    weights: dict[str, float] = dataclasses.field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "hub": self.hub,
            "kind": self.kind,
            "cutoff": self.cutoff,
            "horizon_years": self.horizon_years,
            "existing_partners": list(self.existing),
            "weights": {k: round(v, 4) for k, v in self.weights.items()},
            "candidates": [c.to_dict() for c in self.candidates],
            "history": self.history.to_dict(),
        }


# ── the model ────────────────────────────────────────────────────────────────


def transform(raw: NDArray[np.float64]) -> NDArray[np.float64]:
    "The features as the model reads them: counts as log(1 + n), the rest as they are."
    out = raw.copy()
    for k, name in enumerate(FEATURES):
        if name in _LOGGED:
            out[:, k] = np.log1p(out[:, k])
    return out


@dataclass(slots=True)
class Model:
    """A fitted logistic regression over standardised features, every weight ≥ 0 (None when nothing to learn).

    `weights[k]` is the log-odds per standard deviation of feature k (as `transform` gives it);
    `signal_prior`, when set, is the fixed log-odds per log(1 + reports) used instead of a fitted one.
    """

    note: HistoryNote
    mean: NDArray[np.float64] | None = None
    scale: NDArray[np.float64] | None = None
    weights: NDArray[np.float64] | None = None
    intercept: float = 0.0
    signal_prior: float | None = None

    def scores(self, raw: NDArray[np.float64]) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
        """Return each row's score and each feature's contribution to its log-odds (vs. an average pair)."""
        if self.mean is None or self.scale is None or self.weights is None:
            return baseline_scores(raw), np.zeros_like(raw)
        x = transform(raw)
        contributions = (x - self.mean) / self.scale * self.weights
        if self.signal_prior is not None:
            signals = FEATURES.index("signals")
            contributions[:, signals] = self.signal_prior * x[:, signals]
        return _sigmoid(contributions.sum(axis=1) + self.intercept), contributions

    def per_unit(self) -> dict[str, float]:
        """Each feature's weight in log-odds per unit of the feature as the model reads it (counts: log(1 + n))."""
        if self.scale is None or self.weights is None:
            return {}
        out = {name: float(self.weights[k] / self.scale[k]) for k, name in enumerate(FEATURES)}
        if self.signal_prior is not None:
            out["signals"] = self.signal_prior
        return out


def _sigmoid(z: NDArray[np.float64]) -> NDArray[np.float64]:
    "1 / (1 + e^-z), without overflow for large |z|."
    out: NDArray[np.float64] = np.exp(-np.logaddexp(0, -z))
    return out


def baseline_scores(raw: NDArray[np.float64]) -> NDArray[np.float64]:
    "The popularity baseline as a score: how many partners of the kind the candidate already has."
    return raw[:, FEATURES.index("candidate_partners")].copy()


def rung_scores(raw: NDArray[np.float64]) -> NDArray[np.float64]:
    "The ladder baseline as a score: the highest rung the pair has already reached."
    return raw[:, FEATURES.index("ladder_rung")].copy()


def fit_signed_logistic(
    x: NDArray[np.float64], label: NDArray[np.bool_], penalty: float = PENALTY, iterations: int = 100
) -> tuple[NDArray[np.float64], float]:
    """Fit log-odds = b + x·w by maximum likelihood with an L2 penalty on w and every w ≥ 0.

    Projected Newton (Bertsekas): a weight held at zero whose gradient pushes it
    below zero stays out of the Newton step; the step is projected back onto
    w ≥ 0 and shortened until the penalised loss falls. With a handful of
    features the Hessian is tiny, so each step costs two passes over the rows.
    """
    rows, d = x.shape
    design = np.column_stack([x, np.ones(rows)])
    y = label.astype(np.float64)
    ridge = np.r_[np.full(d, penalty), 0.0]
    mean = min(max(y.mean(), 1e-6), 1 - 1e-6)
    theta = np.r_[np.zeros(d), math.log(mean / (1 - mean))]

    def loss(t: NDArray[np.float64]) -> float:
        z = design @ t
        return float(np.sum(np.logaddexp(0, z) - y * z) + 0.5 * np.sum(ridge * t * t))

    current = loss(theta)
    for _ in range(iterations):
        p = _sigmoid(design @ theta)
        gradient = design.T @ (p - y) + ridge * theta
        hessian = (design * (p * (1 - p))[:, None]).T @ design + np.diag(ridge)
        free = np.r_[(theta[:d] > 0) | (gradient[:d] < 0), True]
        step = np.zeros_like(theta)
        step[free] = np.linalg.solve(hessian[np.ix_(free, free)] + 1e-9 * np.eye(free.sum()), gradient[free])
        size = 1.0
        while size > 1e-10:
            trial = theta - size * step
            trial[:d] = np.maximum(trial[:d], 0)
            value = loss(trial)
            if value <= current - 1e-4 * float(gradient @ (theta - trial)):
                break
            size /= 2
        else:
            break
        moved = float(np.max(np.abs(trial - theta)))
        theta, current = trial, value
        if moved < 1e-8:
            break
    return theta[:d], float(theta[d])


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
    shift = 0.0
    positives, negatives = np.flatnonzero(label), np.flatnonzero(~label)
    if len(y) > MAX_TRAINING_ROWS and len(negatives):
        keep = max(MAX_TRAINING_ROWS - len(positives), 1)
        rate = min(1.0, keep / len(negatives))
        rng = np.random.default_rng(SEED)
        negatives = np.sort(rng.choice(negatives, size=min(keep, len(negatives)), replace=False))
        shift = math.log(rate)
        rows = np.concatenate([positives, negatives])
        y, h, c, label = y[rows], h[rows], c[rows], label[rows]
    note = _note(history, y, h, c, label, shift)
    if note.model != "logistic regression":
        return Model(note)
    raw = history.features(y, h, c)
    x = transform(raw)
    signals = FEATURES.index("signals")
    reported = label & (raw[:, signals] > 0)
    signalled = len(
        {(min(a, b), max(a, b)) for a, b in zip(h[reported].tolist(), c[reported].tolist(), strict=True)}
    )
    fitted = [k for k in range(len(FEATURES)) if k != signals or signalled >= MIN_SIGNALLED]
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale = np.where(scale > 0, scale, 1.0)
    weights, intercept = fit_signed_logistic((x[:, fitted] - mean[fitted]) / scale[fitted], label)
    model = Model(note, mean, scale, np.zeros(len(FEATURES)), intercept + shift)
    assert model.weights is not None
    model.weights[fitted] = weights
    if signals not in fitted:
        model.signal_prior = SIGNAL_PRIOR
        model.note = dataclasses.replace(
            note,
            note=f"{note.note} Reports of the format are too few in the history to fit their weight "
            f"({signalled} first meetings had one): the first report multiplies the odds by {SIGNAL_ODDS:g}.",
        )
    return model


def _note(
    history: KnownHistory,
    y: NDArray[np.int64],
    h: NDArray[np.int64],
    c: NDArray[np.int64],
    label: NDArray[np.bool_],
    shift: float,
) -> HistoryNote:
    "What the model rests on: snapshots, distinct first meetings, years, hubs, and whether it can be fitted."
    years = sorted({FIRST_YEAR + int(v) for v in np.unique(y)})
    first = history.first_kind[h[label], c[label]]
    meetings = {(min(a, b), max(a, b), int(f)) for a, b, f in zip(h[label], c[label], first, strict=True)}
    hubs = len({int(v) for v in h[label]})
    fitted = bool(meetings) and bool((~label).any())
    if fitted:
        span = f"{years[0]}–{years[-1]}" if years else "no years"
        sampled = " (negatives sampled, intercept corrected)" if shift else ""
        text = (
            f"Trained on {len(label)} dyad-year snapshots{sampled} from {span}, with {len(meetings)} first "
            f"meetings by {hubs} hubs."
        )
        if len(meetings) < MIN_POSITIVES:
            text += f" Fewer than {MIN_POSITIVES} positive examples: treat the ranking as indicative, the scores as rough."
    else:
        text = (
            f"No model: {len(label)} snapshots hold {len(meetings)} first meetings of this kind, so there is "
            "nothing to learn from; candidates are ranked by how many partners they already have (popularity)."
        )
    if history.undated_documents:
        n = history.undated_documents
        text += (
            f" {n} document{'s' if n != 1 else ''} without a publication date left out: "
            "what they report cannot be placed before the cutoff."
        )
    return HistoryNote(
        snapshots=len(label),
        positives=len(meetings),  # distinct first meetings (a pair is positive in up to `horizon` snapshots)
        first_year=years[0] if years else None,
        last_year=years[-1] if years else None,
        hubs=hubs,
        model="logistic regression" if fitted else "popularity baseline (no positive example to learn from)",
        note=text,
        undated_documents=history.undated_documents,
    )


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
        cutoff: a partial ISO date; only what was published by then is used, and documents
            without a publication date are left out (default today, when they are read).
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
    held = pairs_held_before(history, y)
    candidates = np.array(
        [i for i in range(len(tables.codes)) if i != h and not held[h, i] and tables.codes[i] not in GONE],
        np.int64,
    )
    existing = tuple(tables.codes[i] for i in np.flatnonzero(held[h]) if i != h)
    raw = history.features(
        np.full(len(candidates), y, np.int64), np.full(len(candidates), h, np.int64), candidates
    )
    scores, contributions = model.scores(raw)
    order = sorted(range(len(candidates)), key=lambda r: (-scores[r], tables.codes[candidates[r]]))[:top]
    evidence = _evidence_index(history, hub)
    explain = _Explainer(history, hub, held)
    ranked = tuple(
        explain.candidate(rank, int(candidates[r]), float(scores[r]), raw[r], contributions[r], evidence)
        for rank, r in enumerate(order, start=1)
    )
    return Forecast(hub, kind, cutoff, horizon_years, existing, ranked, model.note, model.per_unit())


# ── explanations ─────────────────────────────────────────────────────────────


def _evidence_index(history: KnownHistory, hub: str) -> dict[str, tuple[EvidenceItem, ...]]:
    "The events behind each partner's features, from the hub's visible events (in date order)."
    by_partner: dict[str, list[Event]] = defaultdict(list)
    for event in history.visible:
        if hub in event.parties:
            for party in set(event.parties) - {hub}:
                by_partner[party].append(event)
    window = f"{FIRST_YEAR + history.forecast_snapshot - CONTACT_YEARS}"
    return {p: tuple(_items(events, history, window)) for p, events in by_partner.items()}


@dataclass(slots=True)
class _Explainer:
    """Turns a candidate's row into its reasons: each feature's value in words, with what it rests on."""

    history: KnownHistory
    hub: str
    held: NDArray[np.bool_]

    def candidate(
        self,
        rank: int,
        code_index: int,
        score: float,
        raw: NDArray[np.float64],
        contributions: NDArray[np.float64],
        evidence: dict[str, tuple[EvidenceItem, ...]],
    ) -> Candidate:
        tables = self.history.tables
        code = tables.codes[code_index]
        year = FIRST_YEAR + self.history.forecast_snapshot
        groupings = tuple(f"{name} ({n})" for name, n in tables.shared_groupings(self.hub, code, year))
        items = evidence.get(code, ())
        values = {name: float(raw[k]) for k, name in enumerate(FEATURES)}
        pushes = {name: float(contributions[k]) for k, name in enumerate(FEATURES)}
        reasons = tuple(
            f"{self._describe(name, values[name], code, groupings, items)} ({pushes[name]:+.2f})"
            for name in sorted(pushes, key=lambda n: -pushes[n])[:3]
            if pushes[name] > 0
        )
        state = tables.gaz.states.get(code)
        return Candidate(
            rank=rank,
            code=code,
            name=state.name if state else code,
            score=score,
            features=values,
            contributions=pushes,
            reasons=reasons,
            evidence=items,
            groupings=groupings,
        )

    def _describe(
        self, name: str, value: float, code: str, groupings: Sequence[str], items: Sequence[EvidenceItem]
    ) -> str:
        "A feature value in words, for the reasons column."
        n = round(value)
        match name:
            case "signals":
                statuses = sorted({e.status for e in items if e.feature == "signals"})
                return f"{n} report{'s' if n != 1 else ''} of a {'/'.join(statuses) or 'planned'} {self.history.kind}"
            case "co_membership":
                shown = ", ".join(groupings[:2]) + (f" +{len(groupings) - 2}" if len(groupings) > 2 else "")
                return f"groupings with {self.hub}: {shown}"
            case "shared_partners":
                return f"{n} partner{'s' if n != 1 else ''} in common: {', '.join(self._common(code))}"
            case "ladder_rung":
                return f"ladder rung {n} ({Rung(n).label})"
            case "contacts_3y":
                return f"{n} ministerial/summit contact{'s' if n != 1 else ''} in {CONTACT_YEARS} years"
            case "candidate_partners":
                return f"{n} existing partner{'s' if n != 1 else ''} of this kind"
            case "partner_likeness":
                return self._likeness(code, value)
            case _:
                return f"{self.hub} took {n} new partner{'s' if n != 1 else ''} in {CONTACT_YEARS} years"

    def _likeness(self, code: str, value: float) -> str:
        "The hub's partner most like `code`, and what the two share (subregion, smallest groupings)."
        tables = self.history.tables
        partners = [tables.codes[i] for i in np.flatnonzero(self.held[tables.index[self.hub]])]
        year = FIRST_YEAR + self.history.forecast_snapshot
        alike = tables.most_alike(code, partners, year)
        if alike is None:
            return f"like none of {self.hub}'s partners"
        shared = tables.shared_profile(code, alike[0], year)
        shown = ", ".join(shared[:2]) + (f" +{len(shared) - 2}" if len(shared) > 2 else "")
        return f"like {alike[0]}, a partner already ({value:.2f}: {shown or 'nothing shared'})"

    def _common(self, code: str) -> list[str]:
        "The states both the hub and `code` already hold the kind with."
        index, codes = self.history.tables.index, self.history.tables.codes
        both = self.held[index[self.hub]] & self.held[index[code]]
        return [codes[i] for i in np.flatnonzero(both)]


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
