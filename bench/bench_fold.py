"""How does saving cost grow when one event is reported again and again?

Input: a number of articles N (default 2,000) and a store URL (default a fresh SQLite file
in a temporary directory). Every article reports the same two events — a China–Cambodia
2+2 in Phnom Penh and a summit the next day — with its own wording of the city in one
article out of seven, so the events also collect conflicts. Output: a table on stdout of
milliseconds per saved article over each quarter of the run, and the ratio of the last
quarter to the first.

Why this case: a big summit is reported by hundreds of articles, and a wire story copied
by thousands of sites; with a fold that re-reads every report of an event each time one
more arrives, the k-th report costs O(k), and the last quarter of such a run is several
times slower than the first. With the saved fold state (`reconcile.EventFold`,
`event_folds`) a report costs the same whatever k is, so the ratio should stay near 1.
Extraction is left out (the extractions are built by hand): this measures the store alone.

Usage (from the repository root):
    .venv/bin/python bench/bench_fold.py                 # N = 2,000, SQLite file
    .venv/bin/python bench/bench_fold.py --n 5000
    .venv/bin/python bench/bench_fold.py --db postgresql://postgres@127.0.0.1:5432/test
"""

from __future__ import annotations

import argparse
import itertools
import os
import platform
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from diplograph.models import Article, Event, Evidence, Extraction, Location, Person, Sentence
from diplograph.store import Store


def article_reporting_both_events(number: int) -> Extraction:
    """Return article `number`'s extraction: the same 2+2 and summit, in its own words."""
    doc_id = f"wire-{number:06d}"
    first = f"Wang Yi and Dong Jun met Prak Sokhonn and Tea Seiha in Phnom Penh (report {number})."
    second = f"The leaders of China and Cambodia held a summit the next day (report {number})."
    text = f"{first} {second}"
    spans = ((0, len(first)), (len(first) + 1, len(text)))
    sentences = tuple(Sentence(index=i, start=a, end=b, text=text[a:b]) for i, (a, b) in enumerate(spans))
    city = "Siem Reap" if number % 7 == 6 else "Phnom Penh"
    people = (
        Person(name="Wang Yi", country="CHN", role="foreign minister"),
        Person(name="Prak Sokhonn", country="KHM", role="foreign minister"),
    )
    events = (
        Event(
            id="e0",
            kind="2+2 dialogue",
            status="occurred",
            parties=("CHN", "KHM"),
            date="2026-04-21",
            location=Location(city=city, country="KHM"),
            people=people,
            topics=("security", "defence"),
            confidence=0.8,
            sources=(Evidence(document=doc_id, quote=first, start=0, end=len(first)),),
        ),
        Event(
            id="e1",
            kind="summit",
            status="occurred",
            parties=("CHN", "KHM"),
            date="2026-04-22",
            confidence=0.7,
            sources=(Evidence(document=doc_id, quote=second, start=spans[1][0], end=spans[1][1]),),
        ),
    )
    article = Article(
        id=doc_id,
        source=f"{doc_id}.txt",
        text=text,
        sentences=sentences,
        title=f"Report {number}",
        published="2026-04-23",
    )
    return Extraction(article=article, events=events)


def quarter_costs(store: Store, n: int) -> list[float]:
    """Save N articles; return the mean milliseconds per article of each quarter of the run."""
    bounds = [n * q // 4 for q in range(5)]
    costs = []
    for start, stop in itertools.pairwise(bounds):
        started = time.perf_counter()
        for number in range(start, stop):
            store.save_extraction(article_reporting_both_events(number))
        costs.append((time.perf_counter() - started) * 1e3 / max(stop - start, 1))
    return costs


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2_000, help="articles, all reporting the same events")
    parser.add_argument("--db", help="store URL (default: a new SQLite file in a temporary directory)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="diplograph-fold-") as tmp:
        url = args.db or f"sqlite:///{Path(tmp) / 'fold.db'}"
        with Store(url) as store:
            costs = quarter_costs(store, args.n)
            events = store.events()
    print(
        f"diplograph fold benchmark · Python {platform.python_version()} · {os.cpu_count()} CPUs · "
        f"load average {', '.join(f'{x:.2f}' for x in os.getloadavg())}"
    )
    print(f"{args.n:,} articles, each reporting the same 2 events; store {url.split('://')[0]}")
    print("ms per article, quarters 1-4: " + " / ".join(f"{c:.2f}" for c in costs))
    print(f"last quarter / first quarter: {costs[-1] / costs[0]:.2f}")
    for event in events:
        conflicts = ", ".join(
            f"{c['field']} ({len(c['values'])} listed, {c.get('omitted', 0)} omitted)"
            for c in event.conflicts
        )
        print(f"  {event.kind}: {len(event.sources):,} sources; conflicts: {conflicts or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
