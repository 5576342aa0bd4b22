"""Fit the event-confidence model (`src/diplograph/rules/confidence.v1.json`) on annotated corpora.

Usage:
    .venv/bin/python tools/train_confidence.py tests/articles /path/to/retired-blind-set [...]
        [--write] [--folds 5]

Each corpus is a gold corpus as `diplograph evaluate` reads it. Every event the current
rules extract becomes one example: its features (`events.merge.event_features`) and
whether it matched a required gold event (events matched to optional gold items are
left out, as in the reliability table); it sees every candidate, whatever the thresholds
of the settings, so that it can choose them. The script prints the cross-validated
reliability table (each article's events scored by a model that never saw that article),
event P/R/F1 over all corpora for pairs of `min_confidence` and `min_talks_confidence`, and,
with --write, stores the model fitted on all of them. Only weights are written: the
articles stay where they are (a blind set's text never enters the repository).

Re-run it after changing the rules: the features' meaning shifts with them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from diplograph.evaluation import scoring as evaluate
from diplograph.extract.events import merge
from diplograph.extract.ingest import read_documents
from diplograph.extract.pipeline import process_document
from diplograph.models import InputFailure
from diplograph.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
MODEL_PATH = ROOT / "src" / "diplograph" / "rules" / "confidence.v1.json"
EDGES = (0.5, 0.6, 0.7, 0.8, 0.9)


ALL_CANDIDATES = Settings(min_confidence=0.0, min_talks_confidence=0.0)


def examples(corpus: Path) -> tuple[list[dict[str, float]], list[int], list[str], int]:
    """Return the features, labels (1 right, 0 wrong) and documents of the events extracted from a corpus,
    and how many required gold events the corpus holds (for recall at a threshold)."""
    gold = evaluate.load_gold(corpus)
    layout = corpus / "articles" if (corpus / "articles").is_dir() else corpus
    recorded: dict[str, dict[str, float]] = {}
    pending: list[dict[str, float]] = []
    original_features, original_event_of = merge.event_features, merge.event_of

    def features(*args: Any) -> dict[str, float]:
        found = original_features(*args)
        pending.append(found)
        return found

    def event_of(*args: Any) -> Any:
        event = original_event_of(*args)
        recorded[event.id] = pending.pop()
        return event

    merge.event_features, merge.event_of = features, event_of  # type: ignore[assignment]
    import diplograph.extract.events as events_module

    events_module.event_of = event_of  # type: ignore[attr-defined]
    try:
        predicted = {}
        for raw in read_documents([layout / name for name in sorted(gold)]):
            if isinstance(raw, InputFailure):
                print(f"skipped: {raw}", file=sys.stderr)
                continue
            # every candidate, kept or not: the thresholds are chosen from these below
            extraction = process_document(raw, ALL_CANDIDATES)
            predicted[Path(raw.source).name] = (list(extraction.events), list(extraction.mechanisms))
    finally:
        merge.event_features, merge.event_of = original_features, original_event_of  # type: ignore[assignment]
        events_module.event_of = original_event_of  # type: ignore[attr-defined]
    scores = evaluate.score_documents(predicted, gold)
    outcomes = [(m.predicted, 1) for m in scores.matches if not m.optional and m.predicted.item == "event"]
    outcomes += [(ref, 0) for ref in scores.false_positives if ref.item == "event"]
    feats, labels, docs = [], [], []
    for ref, label in outcomes:
        if ref.id in recorded:
            feats.append(recorded[ref.id])
            labels.append(label)
            docs.append(f"{corpus}/{ref.doc}")
    required = sum(1 for m in scores.matches if not m.optional and m.predicted.item == "event")
    required += sum(1 for ref in scores.false_negatives if ref.item == "event")
    return feats, labels, docs, required


def reliability(probabilities: Sequence[float], labels: Sequence[int]) -> str:
    """Return the reliability table of predicted probabilities against outcomes, as text."""
    rows = ["confidence       n  correct  precision"]
    bins = [(0.0, EDGES[0]), *zip(EDGES, (*EDGES[1:], 1.01), strict=True)]
    for lo, hi in bins:
        inside = [y for p, y in zip(probabilities, labels, strict=True) if lo <= p < hi]
        precision = f"{sum(inside) / len(inside):.3f}" if inside else "n/a"
        rows.append(f"{lo:.1f}–{min(hi, 1.0):.1f}   {len(inside):6d}  {sum(inside):7d}  {precision:>9}")
    high = [y for p, y in zip(probabilities, labels, strict=True) if p >= 0.8]
    if high:
        rows.append(f"confidence ≥ 0.8: precision {sum(high) / len(high):.3f} (n={len(high)})")
    return "\n".join(rows)


def threshold_table(
    probabilities: Sequence[float], labels: Sequence[int], feats: Sequence[dict[str, float]], required: int
) -> str:
    """Return event P/R/F1 over all corpora for pairs of (min_confidence, min_talks_confidence), as text.

    Mirrors `pipeline.is_kept`: bilateral talks whose people are not named on both sides need
    the second threshold. `required` is the number of required gold events (recall's base).
    """
    rows = ["min_conf  min_talks    kept     P      R      F1"]
    for floor in (0.1, 0.15, 0.2, 0.25, 0.3, 0.4):
        for talks in (0.0, 0.25, 0.3, 0.4, 0.5):
            if talks and talks <= floor:
                continue
            kept = [
                y
                for p, y, f in zip(probabilities, labels, feats, strict=True)
                if p >= (max(floor, talks) if f.get("talks") and not f.get("both_sides_named") else floor)
            ]
            tp = sum(kept)
            precision = tp / len(kept) if kept else 0.0
            recall = tp / required if required else 0.0
            f1 = 2 * precision * recall / (precision + recall) if tp else 0.0
            rows.append(
                f"{floor:8.2f}  {talks:9.2f}  {len(kept):6d}  {precision:.3f}  {recall:.3f}  {f1:.3f}"
            )
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpora", nargs="+", type=Path)
    parser.add_argument("--write", action="store_true", help="store the model fitted on all examples")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("-C", type=float, default=1.0, help="inverse regularisation strength")
    args = parser.parse_args()
    feats: list[dict[str, float]] = []
    labels: list[int] = []
    docs: list[str] = []
    required = 0
    for corpus in args.corpora:
        f, y, d, r = examples(corpus)
        feats += f
        labels += y
        docs += d
        required += r
        print(f"{corpus}: {len(y)} events, {sum(y)} right, {r} required gold events")
    names = sorted({k for f in feats for k in f})
    x = np.array([[f.get(k, 0.0) for k in names] for f in feats])
    y = np.array(labels)
    held_out = np.zeros(len(y))
    for train, test in GroupKFold(n_splits=args.folds).split(x, y, groups=docs):
        model = LogisticRegression(C=args.C, max_iter=1000).fit(x[train], y[train])
        held_out[test] = model.predict_proba(x[test])[:, 1]
    print(f"\ncross-validated by article ({args.folds} folds):")
    print(reliability(list(held_out), list(y)))
    print("\nthresholds (cross-validated probabilities):")
    print(threshold_table(list(held_out), list(y), feats, required))
    model = LogisticRegression(C=args.C, max_iter=1000).fit(x, y)
    weights = {k: round(float(w), 4) for k, w in zip(names, model.coef_[0], strict=True)}
    print("\nweights:", json.dumps(weights, indent=1))
    if args.write:
        # (the calibration knots are fitted apart, on the least-tuned sets: keep them)
        previous = json.loads(MODEL_PATH.read_text(encoding="utf-8")) if MODEL_PATH.exists() else {}
        MODEL_PATH.write_text(
            json.dumps(
                {
                    "model": "logistic regression over merge.event_features",
                    "trained": dt.date.today().isoformat(),
                    "examples": len(y),
                    "right": int(y.sum()),
                    "corpora": [c.name for c in args.corpora],
                    "C": args.C,
                    "intercept": round(float(model.intercept_[0]), 4),
                    "weights": weights,
                    **({"calibration": previous["calibration"]} if "calibration" in previous else {}),
                },
                indent=2,
            )
            + "\n",
            encoding="utf-8",
        )
        print(f"wrote {MODEL_PATH}")


if __name__ == "__main__":
    main()
