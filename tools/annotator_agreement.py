"""Score one annotator's gold files against another's: how far two careful people agree.

Usage:
    .venv/bin/python tools/annotator_agreement.py FIRST SECOND [--json]

FIRST and SECOND are gold corpora as `diplograph evaluate` reads them (a folder with `gold/`,
or a flat folder of `NAME.json`), annotated independently on the same articles. Only the
documents both annotated are compared.

Why: a blind set's figure is diplograph's agreement with one annotator. Without knowing how
well two annotators following the same `shared/corpus/README.md` agree with each other, a
score of 0.6 cannot be told apart from a ceiling of 0.7. The scorer is the project's own
(`score_documents`), so the figures read like `diplograph evaluate`'s: SECOND's required items
are scored as predictions against FIRST (optional gold items are neither hits nor misses), and
the other way round; the two directions differ only through the items each marked optional.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from diplograph.evaluation.gold import GoldDocument, load_gold
from diplograph.evaluation.scoring import Scores, score_documents
from diplograph.models import Event, Mechanism


def required_items(document: GoldDocument) -> tuple[list[Event], list[Mechanism]]:
    """Return a gold document's required events and mechanisms as predictions (optional ones left out)."""
    events = [
        e.to_event(f"{document.doc}#events[{i}]") for i, e in enumerate(document.events) if not e.optional
    ]
    mechanisms = [
        m.to_mechanism(f"{document.doc}#mechanisms[{i}]")
        for i, m in enumerate(document.mechanisms)
        if not m.optional
    ]
    return events, mechanisms


def agreement(reference: dict[str, GoldDocument], other: dict[str, GoldDocument]) -> Scores:
    """Return `other`'s required items scored against `reference`, over the documents both hold."""
    shared = sorted(set(reference) & set(other))
    return score_documents(
        {doc: required_items(other[doc]) for doc in shared}, {doc: reference[doc] for doc in shared}
    )


def summary(scores: Scores) -> dict[str, Any]:
    """Return the figures worth quoting: event and mechanism P/R/F1, attribute accuracy, modality errors."""
    return {
        "events": scores.events.to_dict(),
        "mechanisms": scores.mechanisms.to_dict(),
        "attributes": {name: accuracy.to_dict() for name, accuracy in scores.attributes.items()},
        "modality_errors": len(scores.modality_errors),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("first", type=Path)
    parser.add_argument("second", type=Path)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    first, second = load_gold(args.first), load_gold(args.second)
    shared = set(first) & set(second)
    if not shared:
        print("the two corpora annotate no document in common", file=sys.stderr)
        return 2
    result = {
        "documents": len(shared),
        "second_against_first": summary(agreement(first, second)),
        "first_against_second": summary(agreement(second, first)),
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"{len(shared)} documents annotated by both")
    for direction, label in (
        ("second_against_first", "SECOND scored against FIRST"),
        ("first_against_second", "FIRST scored against SECOND"),
    ):
        figures = result[direction]
        ev, me = figures["events"], figures["mechanisms"]
        print(f"{label}:")
        print(
            f"  events      P {ev['precision']:.3f}  R {ev['recall']:.3f}  F1 {ev['f1']:.3f}"
            f"  (tp {ev['tp']}, fp {ev['fp']}, fn {ev['fn']})"
        )
        print(f"  mechanisms  P {me['precision']:.3f}  R {me['recall']:.3f}  F1 {me['f1']:.3f}")
        attributes = ", ".join(
            f"{name} {a['accuracy']:.2f}"
            for name, a in figures["attributes"].items()
            if a["accuracy"] is not None
        )
        print(f"  on matched events: {attributes}; modality errors {figures['modality_errors']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
