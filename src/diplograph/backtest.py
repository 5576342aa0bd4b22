"""How good the forecast is: hide what came after past cutoffs, rank, and score the top k.

Input: the store (read once: events of every status and the documents'
publication dates), an event kind, one or more cutoffs, a horizon and k.
Output: a `BacktestResult`: for each cutoff, each hub that took at least one
new partner of the kind in (cutoff, cutoff + horizon], those partners and what
the model's and a popularity baseline's top k held; with precision@k and hit
rate per cutoff and pooled over every hub-cutoff evaluation.

Why a popularity baseline beside the model: ranking candidates by how many
partners of the kind they already have (then by rung) is what one would do
without a model, so the model's figures mean something only next to it. Why
several cutoffs, pooled: one cutoff holds too few first meetings to judge by.
Why what happened is read from one history built up to the last cutoff plus the
horizon: a first meeting reported after a cutoff still counts as what happened
after it, while the model at that cutoff sees none of it (`features.py`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from diplograph.errors import InvalidQuery
from diplograph.features import KnownHistory, StateTables, cutoff_end, known_history, pairs_held_before
from diplograph.forecast import (
    HORIZON_YEARS,
    HistoryNote,
    baseline_scores,
    check_kind_and_horizon,
    fit_model,
    read_events_and_dates,
)
from diplograph.models import Event
from diplograph.store import Store
from diplograph.vocab import EventKind

# ── the result types ─────────────────────────────────────────────────────────


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
    truth = known_history(events, published, tables, kind, f"{last_year}", last_year=last_year)
    results = tuple(
        _backtest_one(events, published, tables, kind, c, truth, horizon_years, k, wanted) for c in cutoffs
    )
    return BacktestResult(kind, horizon_years, k, results)


def _backtest_one(
    events: Sequence[Event],
    published: dict[str, str | None],
    tables: StateTables,
    kind: str,
    cutoff: str,
    truth: KnownHistory,
    horizon: int,
    k: int,
    hubs: Sequence[str] | None,
) -> CutoffResult:
    history = known_history(events, published, tables, kind, cutoff)
    model = fit_model(history, horizon)
    y = history.forecast_snapshot
    held = pairs_held_before(history, y)
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
        baseline = baseline_scores(raw)
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
    tables: StateTables, candidates: NDArray[np.int64], scores: NDArray[np.float64], k: int
) -> tuple[str, ...]:
    "The k best candidates by score, ties broken by code (so a ranking is reproducible)."
    order = sorted(range(len(candidates)), key=lambda r: (-scores[r], tables.codes[candidates[r]]))
    return tuple(tables.codes[candidates[r]] for r in order[:k])
