"""How good the forecast is: hide what came after past cutoffs, rank, and score the top k.

Input: the store (read once: events of every status and the documents'
publication dates), an event kind, one or more cutoffs, a horizon and k.
Output: a `BacktestResult`: for each cutoff, each hub that took at least one
new partner of the kind in (cutoff, cutoff + horizon], those partners and what
the model's and two baselines' top k held; precision@k and hit rate per cutoff
and pooled over every hub-cutoff evaluation; and the model's margin over each
baseline with a bootstrap interval.

Why two baselines: ranking candidates by how many partners of the kind they
already have (popularity), or by the highest rung of the ladder the pair has
already reached, is what one would do without a model; the model's figures
mean something only next to the better of them. Why ties count as a random
pick: most candidates tie on a baseline (no partners, rung 0), and breaking
ties by code would credit a baseline for a partner whose name comes first in
the alphabet; a ranking is scored by the hits it makes *on average* over the
orders its ties allow (`expected_hits`), the model's too.

Why the margin has an interval: a few dozen hub evaluations hold a few dozen
first meetings, so the difference between two precisions moves a lot with
which evaluations happened to be in the sample. The interval resamples the
evaluations (paired: model and baseline are scored on the same resample),
BOOTSTRAP times with a fixed seed, and keeps the middle 95 %.

Why no leakage: at each cutoff the model sees only what documents published by
then report, and documents without a publication date not at all (`features.py`);
the result says how many were left out. What happened after a cutoff is read
from every dated meeting in the store, whoever reported it and whenever
(`features.first_meetings`): a first meeting reported years later still
happened when it did.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from diplograph.analysis.features import (
    StateTables,
    cutoff_end,
    first_meetings,
    known_history,
    pairs_held_before,
    undated_documents,
)
from diplograph.analysis.forecast import (
    HORIZON_YEARS,
    HistoryNote,
    baseline_scores,
    check_kind_and_horizon,
    fit_model,
    read_events_and_dates,
    rung_scores,
)
from diplograph.errors import InvalidQuery
from diplograph.models import Event
from diplograph.store import Store
from diplograph.vocab import EventKind

RANKINGS = ("model", "popularity", "rung")
BASELINES = RANKINGS[1:]
BOOTSTRAP = 2000
SEED = 0

# ── the result types ─────────────────────────────────────────────────────────


@dataclass(frozen=True, slots=True)
class Ranking:
    """What one ranking's top k held for a hub: the k shown (ties in code order) and the expected hits."""

    top: tuple[str, ...]
    hits: float  # expected hits in the top k over the random orders of its ties
    hit_chance: float  # the chance that at least one of the top k is a new partner

    def to_dict(self) -> dict[str, Any]:
        return {"top": list(self.top), "hits": round(self.hits, 4), "hit_chance": round(self.hit_chance, 4)}


@dataclass(frozen=True, slots=True)
class HubResult:
    """One hub at one cutoff: who it actually took as new partners, and what each ranking's top k held."""

    hub: str
    actual: tuple[str, ...]
    candidates: int
    rankings: dict[str, Ranking]

    def to_dict(self) -> dict[str, Any]:
        return {
            "hub": self.hub,
            "actual": list(self.actual),
            "candidates": self.candidates,
            **{name: ranking.to_dict() for name, ranking in self.rankings.items()},
        }


@dataclass(frozen=True, slots=True)
class Metrics:
    """precision@k and hit rate (share of hubs with at least one new partner in the top k)."""

    precision_at_k: float
    hit_rate: float

    def to_dict(self) -> dict[str, float]:
        return {"precision_at_k": round(self.precision_at_k, 4), "hit_rate": round(self.hit_rate, 4)}


def metrics(results: Sequence[HubResult], k: int, ranking: str = "model") -> Metrics:
    """Return one ranking's mean precision@k and hit rate over hub results (zeros when there are none)."""
    if not results:
        return Metrics(0.0, 0.0)
    chosen = [r.rankings[ranking] for r in results]
    return Metrics(
        sum(c.hits for c in chosen) / k / len(chosen), sum(c.hit_chance for c in chosen) / len(chosen)
    )


@dataclass(frozen=True, slots=True)
class Margin:
    """The model's precision@k minus a baseline's, its 95 % bootstrap interval, and the ratio of the two."""

    baseline: str
    difference: float
    low: float
    high: float
    ratio: float | None  # model / baseline (None when the baseline scored 0)

    def to_dict(self) -> dict[str, Any]:
        return {
            "baseline": self.baseline,
            "difference": round(self.difference, 4),
            "low": round(self.low, 4),
            "high": round(self.high, 4),
            "ratio": None if self.ratio is None else round(self.ratio, 3),
        }


def margin(results: Sequence[HubResult], k: int, baseline: str) -> Margin:
    """The model's margin in precision@k over `baseline`, with a paired bootstrap over the hub evaluations."""
    model = np.array([r.rankings["model"].hits / k for r in results])
    other = np.array([r.rankings[baseline].hits / k for r in results])
    if not len(model):
        return Margin(baseline, 0.0, 0.0, 0.0, None)
    rng = np.random.default_rng(SEED)
    samples = rng.integers(0, len(model), size=(BOOTSTRAP, len(model)))
    differences = (model[samples] - other[samples]).mean(axis=1)
    low, high = np.percentile(differences, [2.5, 97.5])
    ratio = float(model.mean() / other.mean()) if other.mean() > 0 else None
    return Margin(baseline, float(model.mean() - other.mean()), float(low), float(high), ratio)


@dataclass(frozen=True, slots=True)
class CutoffResult:
    """The backtest at one cutoff: the hubs evaluated and the model's history."""

    cutoff: str
    hubs: tuple[HubResult, ...]
    history: HistoryNote
    k: int

    def metrics(self, ranking: str = "model") -> Metrics:
        return metrics(self.hubs, self.k, ranking)

    def to_dict(self) -> dict[str, Any]:
        return {
            "cutoff": self.cutoff,
            "hubs_evaluated": len(self.hubs),
            "new_partnerships": sum(len(h.actual) for h in self.hubs),
            **{name: self.metrics(name).to_dict() for name in RANKINGS},
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
    undated_documents: int = 0  # documents without a publication date, left out of every cutoff
    baselines: tuple[str, ...] = BASELINES

    @property
    def evaluations(self) -> tuple[HubResult, ...]:
        return tuple(h for c in self.cutoffs for h in c.hubs)

    def metrics(self, ranking: str = "model") -> Metrics:
        return metrics(self.evaluations, self.k, ranking)

    def margin(self, baseline: str) -> Margin:
        return margin(self.evaluations, self.k, baseline)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "horizon_years": self.horizon_years,
            "k": self.k,
            "evaluations": len(self.evaluations),
            "new_partnerships": sum(len(h.actual) for h in self.evaluations),
            "undated_documents": self.undated_documents,
            "pooled": {name: self.metrics(name).to_dict() for name in RANKINGS},
            "margins": {name: self.margin(name).to_dict() for name in self.baselines},
            "cutoffs": [c.to_dict() for c in self.cutoffs],
        }


# ── scoring a ranking ────────────────────────────────────────────────────────


def expected_hits(scores: NDArray[np.float64], actual: NDArray[np.bool_], k: int) -> tuple[float, float]:
    """Return the expected hits in the top k, and the chance of at least one, when ties are ordered at random.

    Candidates scoring above the k-th score are in; of the ones tied with it, a random
    subset fills the places left, so each tied new partner is in with probability
    places / tied (and none is with the hypergeometric chance C(tied − new, places) / C(tied, places)).
    """
    k = min(k, len(scores))
    if k == 0:
        return 0.0, 0.0
    kth = np.sort(scores)[::-1][k - 1]
    above, tied = scores > kth, scores == kth
    sure = int((above & actual).sum())
    places, n_tied, new_tied = k - int(above.sum()), int(tied.sum()), int((tied & actual).sum())
    hits = sure + places * new_tied / n_tied
    miss = 0.0 if sure else math.comb(n_tied - new_tied, places) / math.comb(n_tied, places)
    return hits, 1 - miss


def _ranking(codes: Sequence[str], scores: NDArray[np.float64], actual: NDArray[np.bool_], k: int) -> Ranking:
    "A ranking's top k (ties in code order, for display) and its expected hits."
    order = sorted(range(len(scores)), key=lambda r: (-scores[r], codes[r]))
    hits, chance = expected_hits(scores, actual, k)
    return Ranking(tuple(codes[r] for r in order[:k]), hits, chance)


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
    did, and a hit means at least one did. The baselines rank the same
    candidates by how many partners of the kind they already had (popularity)
    and by the rung the pair had reached (rung).

    Args:
        cutoff: one partial ISO date or several (default `default_cutoffs()`); figures are pooled.
        hubs: ISO3 codes to evaluate (default every state that held the kind by the cutoff).

    Raises:
        InvalidQuery: unknown kind or hub, a malformed cutoff, or k < 1.
    """
    check_kind_and_horizon(kind, horizon_years)
    if k < 1:
        raise InvalidQuery(f"k must be at least 1, not {k}")
    cutoffs = (cutoff,) if isinstance(cutoff, str) else tuple(cutoff or default_cutoffs())
    events, published = read_events_and_dates(store, include_reference)
    tables = StateTables.build(p for e in events for p in e.parties)
    wanted = [h.upper() for h in hubs] if hubs else None
    for code in wanted or ():
        if code not in tables.index:
            raise InvalidQuery(f"unknown state {code!r}; use an ISO3 code of states.csv")
    last_year = max(int(cutoff_end(c)[:4]) for c in cutoffs) + horizon_years
    truth = first_meetings(events, tables, kind, last_year + 2)
    results = tuple(
        _backtest_one(events, published, tables, kind, c, truth, horizon_years, k, wanted) for c in cutoffs
    )
    return BacktestResult(kind, horizon_years, k, results, undated_documents(events, published))


def _backtest_one(
    events: Sequence[Event],
    published: dict[str, str | None],
    tables: StateTables,
    kind: str,
    cutoff: str,
    truth: NDArray[np.int64],
    horizon: int,
    k: int,
    hubs: Sequence[str] | None,
) -> CutoffResult:
    history = known_history(events, published, tables, kind, cutoff)
    model = fit_model(history, horizon)
    y = history.forecast_snapshot
    held = pairs_held_before(history, y)
    out: list[HubResult] = []
    for hub in hubs or history.hubs():
        h = tables.index[hub]
        candidates = np.array([i for i in range(len(tables.codes)) if i != h and not held[h, i]], np.int64)
        first = truth[h, candidates]
        new = (y < first) & (first <= y + horizon)  # first held in (cutoff, cutoff + horizon]
        if not new.any():
            continue
        raw = history.features(
            np.full(len(candidates), y, np.int64), np.full(len(candidates), h, np.int64), candidates
        )
        codes = [tables.codes[i] for i in candidates]
        scores = {"model": model.scores(raw)[0], "popularity": baseline_scores(raw), "rung": rung_scores(raw)}
        out.append(
            HubResult(
                hub=hub,
                actual=tuple(sorted(c for c, is_new in zip(codes, new, strict=True) if is_new)),
                candidates=len(candidates),
                rankings={name: _ranking(codes, scores[name], new, k) for name in RANKINGS},
            )
        )
    return CutoffResult(cutoff, tuple(out), model.note, k)
