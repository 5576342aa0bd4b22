"""Benchmark the analyses (network, forecast, backtest) on a generated store of ≥ 50,000 events.

The store is built quickly by saving programmatically generated `Extraction`s
through `Store.save_extraction` (so reconciliation runs as for articles), not
through the NLP pipeline: each generated document states 50 events, one
sentence each, with evidence offsets into its text. Parties are drawn from the
reference tables (states weighted by how active they are in diplomacy, and
grouping memberships at the event's date for multilateral meetings), kinds and
statuses in realistic proportions, dates over 1990–2026.

    .venv/bin/python bench/bench_analysis.py                        # 52,000 events, temporary store
    .venv/bin/python bench/bench_analysis.py --db /tmp/bench.db     # build once, reuse afterwards
    .venv/bin/python bench/bench_analysis.py --events 10000 --json figures.json

Prints the seconds of each step and the process's peak RSS after it.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from diplograph.analysis.backtest import backtest
from diplograph.analysis.forecast import forecast_partners
from diplograph.analysis.graph import Filters, load_events, network_summary, partnership_graph
from diplograph.analysis.reference import load_reference
from diplograph.extract.gazetteer import load_gazetteer
from diplograph.models import Article, Event, Evidence, Extraction, Sentence
from diplograph.store import Store
from diplograph.vocab import EVENT_STATUSES, TOPICS

EVENTS_PER_DOCUMENT = 50
# Kind and status proportions, roughly those of the sample corpus.
KINDS = {
    "bilateral talks": 30,
    "foreign ministers meeting": 20,
    "summit": 15,
    "defence ministers meeting": 10,
    "agreement signed": 10,
    "joint exercise": 9,
    "2+2 dialogue": 4,
    "institution established": 2,
}
STATUSES = {"occurred": 88, "planned": 6, "proposed": 3, "predicted": 3}
# States most present in diplomatic news weigh more (the rest weigh 1).
ACTIVE = {
    "USA": 40, "CHN": 40, "RUS": 25, "JPN": 25, "IND": 25, "GBR": 15, "FRA": 15, "DEU": 15, "AUS": 15,
    "KOR": 12, "IDN": 10, "TUR": 8, "BRA": 8, "SAU": 8, "KAZ": 8, "UZB": 6, "VNM": 8, "PHL": 8, "SGP": 6,
    "MYS": 6, "THA": 6, "KHM": 5, "PAK": 6, "IRN": 6, "EGY": 5, "ZAF": 5, "ITA": 6, "CAN": 6,
}  # fmt: skip
GROUPINGS = ("asean", "sco", "brics", "g7", "g20", "quad", "eu", "au", "csto", "apec")


def peak_rss_mb() -> float:
    """The process's peak resident set size so far, in MB (Linux reports KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _document(
    doc_id: str, year: int, rng: random.Random, states: list[str], weights: list[float]
) -> Extraction:
    gaz = load_gazetteer()
    kinds, kind_w = zip(*KINDS.items(), strict=True)
    statuses, status_w = zip(*STATUSES.items(), strict=True)
    sentences: list[Sentence] = []
    events: list[Event] = []
    text = ""
    for n in range(EVENTS_PER_DOCUMENT):
        date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        kind = rng.choices(kinds, kind_w)[0]
        status = rng.choices(statuses, status_w)[0]
        if rng.random() < 0.12 and kind in (
            "summit",
            "foreign ministers meeting",
            "defence ministers meeting",
        ):
            members = gaz.groupings[rng.choice(GROUPINGS)].members_at(date) if GROUPINGS else ()
            parties = tuple(sorted(members)) if len(members) >= 3 else ()
        else:
            parties = ()
        if not parties:
            a = rng.choices(states, weights)[0]
            b = a
            while b == a:
                b = rng.choices(states, weights)[0]
            parties = tuple(sorted((a, b)))
        names = " and ".join(gaz.states[p].name for p in parties[:4])
        sentence = f"Officials of {names} reported a {kind} ({status}) on {date}."
        start = len(text) + (1 if text else 0)
        text = f"{text} {sentence}" if text else sentence
        end = start + len(sentence)
        sentences.append(Sentence(index=n, start=start, end=end, text=sentence))
        events.append(
            Event(
                id=f"e{n}",
                kind=kind,
                status=status,
                parties=parties,
                date=date if status == "occurred" or rng.random() < 0.5 else None,
                topics=tuple(rng.sample(TOPICS, rng.randint(0, 2))),
                confidence=0.7,
                sources=(Evidence(document=doc_id, quote=sentence, start=start, end=end),),
            )
        )
    article = Article(
        id=doc_id, source="bench", text=text, sentences=tuple(sentences), published=f"{year}-12-31"
    )
    return Extraction(article=article, events=tuple(events))


def build_store(url: str, events: int, seed: int) -> dict[str, Any]:
    """Fill the store at `url` with generated documents until it holds `events` events (and the reference rows)."""
    rng = random.Random(seed)
    states = sorted(load_gazetteer().states)
    weights = [float(ACTIVE.get(code, 1)) for code in states]
    started = time.perf_counter()
    with Store(url) as store:
        load_reference(store)
        n = 0
        while store.count_events() < events:
            for _ in range(20):
                year = rng.randint(1990, 2026)
                store.save_extraction(_document(f"bench-{seed}-{n:06d}", year, rng, states, weights))
                n += 1
        counts = store.counts()
    return {
        "documents": counts["documents"],
        "events": counts["events"],
        "seconds": time.perf_counter() - started,
    }


def timed(name: str, step: Callable[[], Any], figures: dict[str, Any]) -> Any:
    started = time.perf_counter()
    result = step()
    figures[name] = {
        "seconds": round(time.perf_counter() - started, 2),
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }
    print(f"{name:<28} {figures[name]['seconds']:>8.2f} s   peak RSS {figures[name]['peak_rss_mb']:>7.1f} MB")
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--db", help="SQLite file to build (if empty or missing) or reuse; default a temporary file"
    )
    parser.add_argument("--events", type=int, default=52_000, help="events to generate (default 52,000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--hub", default="CHN")
    parser.add_argument("--json", help="also write the figures to this JSON file")
    args = parser.parse_args(argv)

    path = Path(args.db) if args.db else Path(tempfile.mkdtemp(prefix="diplograph-bench-")) / "analysis.db"
    url = f"sqlite:///{path}"
    figures: dict[str, Any] = {}
    with Store(url) as store:
        have = store.count_events()
    if have < args.events:
        built = timed("build store", lambda: build_store(url, args.events, args.seed), figures)
        figures["build store"].update(built)
        print(f"  {built['events']:,} events in {built['documents']:,} documents at {path}")
    else:
        print(f"reusing {path}: {have:,} events")
    with Store(url) as store:
        figures["events"] = store.count_events()
        graph = timed("network (whole)", lambda: partnership_graph(store, Filters()), figures)
        timed("network summary (whole)", lambda: network_summary(graph), figures)
        ego = timed(
            f"network (hub {args.hub})", lambda: partnership_graph(store, Filters(), hub=args.hub), figures
        )
        timed(f"network summary ({args.hub})", lambda: network_summary(ego, args.hub), figures)
        timed(
            "read events (all statuses)",
            lambda: load_events(store, Filters(statuses=EVENT_STATUSES)),
            figures,
        )
        forecast = timed(f"forecast (hub {args.hub})", lambda: forecast_partners(store, args.hub), figures)
        print(f"  {forecast.history.note}")
        result = timed("backtest (9 cutoffs)", lambda: backtest(store), figures)
        precision = {name: result.metrics(name).precision_at_k for name in ("model", *result.baselines)}
        print(
            f"  pooled over {len(result.evaluations)} hub evaluations: P@5 "
            + ", ".join(f"{name} {value:.3f}" for name, value in precision.items())
        )
        for name in result.baselines:
            m = result.margin(name)
            print(f"  model - {name}: {m.difference:+.3f} (95 % interval {m.low:+.3f} to {m.high:+.3f})")
        figures["backtest"] = result.to_dict() | {"cutoffs": len(result.cutoffs)}
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
