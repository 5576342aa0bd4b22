"""The fold of an event's reports, built one report at a time, is the fold of all of them.

`EventFold` is what the store saves next to each event so that one more report costs
O(1). These tests hold it to the rules written out the plain way (`folded_from_scratch`,
a direct transcription of the rules over the whole list of reports), on hand-made
examples and on reports drawn by hypothesis, with the state saved to JSON and read back
between every two reports as the store does.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from diplograph.store.reconcile import (
    CONFIDENCE_CAP,
    CONFLICT_DOCUMENTS,
    DECIDED,
    EventFold,
    Report,
    date_bounds,
    fold_event,
    split_parties,
    year_of,
)


def report(document: str = "a", **fields: Any) -> Report:
    "A report of a China–Cambodia 2+2 held on 21 April 2026, with `fields` changed."
    values: dict[str, Any] = {
        "document": document,
        "published": "2026-04-22",
        "kind": "2+2 dialogue",
        "status": "occurred",
        "parties_key": "CHN KHM",
        "date": "2026-04-21",
        "date_end": None,
        "city": "Phnom Penh",
        "country": "KHM",
        "ordinal": None,
        "people": [],
        "topics": [],
        "mechanism_id": None,
        "confidence": 0.5,
        "evidence": [],
    }
    values.update(fields)
    return Report(**values)


def most_common(values: list[Any]) -> Any:
    counts = Counter(values)
    return max(counts, key=counts.__getitem__) if counts else None


def folded_from_scratch(reports: list[Report]) -> dict[str, Any]:
    """The fold rules applied to the whole list at once: the oracle the incremental fold must match."""
    statuses = [r.status for r in reports]
    party_sets = Counter(r.parties_key for r in reports)
    key = max(party_sets, key=lambda k: (party_sets[k], len(split_parties(k))))
    date, date_end = span_from_scratch(reports)
    lo, hi = date_bounds(date, date_end)
    city = most_common([r.city for r in reports if r.city])
    country = most_common([r.country for r in reports if (r.city or None) == city and r.country])
    country = country or most_common([r.country for r in reports if r.country])
    people: dict[str, dict[str, Any]] = {}
    for person in (p for r in reports for p in r.people):
        known = people.setdefault(person["name"], dict(person))
        for attribute in ("country", "role"):
            known[attribute] = known.get(attribute) or person.get(attribute)
    best: dict[str, float] = {}
    for r in reports:
        best[r.document] = max(best.get(r.document, 0.0), min(max(r.confidence, 0.0), 1.0))
    years = [y for r in reports if (y := year_of(r.published)) is not None]
    return {
        "kind": reports[0].kind,
        "status": next((s for s in DECIDED if s in statuses), None) or most_common(statuses),
        "parties_key": key,
        "n_parties": len(split_parties(key)),
        "date": date,
        "date_end": date_end,
        "date_lo": lo,
        "date_hi": hi,
        "city": city,
        "country": country,
        "ordinal": most_common([r.ordinal for r in reports if r.ordinal is not None]),
        "people": list(people.values()),
        "topics": sorted({t for r in reports for t in r.topics}),
        "mechanism_id": most_common([r.mechanism_id for r in reports if r.mechanism_id]),
        "confidence": min(CONFIDENCE_CAP, 1.0 - math.prod(1.0 - c for c in best.values())),
        "conflicts": conflicts_from_scratch(reports, lo, hi) if len(reports) > 1 else [],
        "year": year_of(date) or (min(years) if years else None),
    }


def first_day(date: str) -> str:
    return date_bounds(date)[0] or ""


def last_day(date: str) -> str:
    return date_bounds(date)[1] or ""


def span_from_scratch(reports: list[Report]) -> tuple[str | None, str | None]:
    """The span (a most precise date, alone or with an end reported with it) holding the most reports' dates.

    Ties: a range over a single day, the start reported most often, the start reported first,
    then the same for the end.
    """
    dated = [r for r in reports if r.date]
    precision = max((len(r.date or "") for r in dated), default=0)
    top = [r.date for r in dated if r.date and len(r.date) == precision]
    starts = list(dict.fromkeys(top))
    best: tuple[Any, str | None, str | None] = (None, None, None)
    for start in starts:
        reported = [r.date_end for r in dated if r.date == start and r.date_end]
        end_precision = max((len(e) for e in reported), default=0)
        ends = [e for e in reported if len(e) == end_precision]
        for end in [None, *dict.fromkeys(ends)]:
            lo, hi = date_bounds(start, end)
            held = sum(1 for d in top if lo and hi and lo <= first_day(d) and last_day(d) <= hi)
            rank = (
                held,
                end is not None,
                top.count(start),
                -starts.index(start),
                ends.count(end) if end else 0,
                -list(dict.fromkeys(ends)).index(end) if end else 0,
            )
            if best[0] is None or rank > best[0]:
                best = (rank, start, end)
    return best[1], best[2]


def conflicts_from_scratch(reports: list[Report], lo: str | None, hi: str | None) -> list[dict[str, Any]]:
    "The conflict rules over the whole list, with at most CONFLICT_DOCUMENTS documents per value."
    out = []

    def note(field: str, pairs: list[tuple[Any, str]], shown: bool) -> None:
        listed: list[tuple[str, str]] = []
        omitted = 0
        for value, document in pairs:
            pair = (json.dumps(value, sort_keys=True), document)
            if pair in listed:
                continue
            if sum(v == pair[0] for v, _ in listed) >= CONFLICT_DOCUMENTS:
                omitted += 1
                continue
            listed.append(pair)
        if shown:
            conflict: dict[str, Any] = {
                "field": field,
                "values": [{"value": json.loads(v), "document": d} for v, d in listed],
            }
            if omitted:
                conflict["omitted"] = omitted
            out.append(conflict)

    note("status", [(r.status, r.document) for r in reports], len({r.status for r in reports}) > 1)
    note(
        "parties",
        [(list(split_parties(r.parties_key)), r.document) for r in reports],
        len({r.parties_key for r in reports}) > 1,
    )
    dates = [(r.date, r.document) for r in reports if r.date]
    outside = [d for d, _ in dates if lo and hi and (first_day(d) > hi or last_day(d) < lo)]
    note("date", dates, bool(outside))
    note(
        "location",
        [({"city": r.city, "country": r.country}, r.document) for r in reports if r.city or r.country],
        len({r.city for r in reports if r.city}) > 1 or len({r.country for r in reports if r.country}) > 1,
    )
    ordinals = [(r.ordinal, r.document) for r in reports if r.ordinal is not None]
    note("ordinal", ordinals, len({o for o, _ in ordinals}) > 1)
    return out


def folded_one_at_a_time(reports: list[Report]) -> dict[str, Any]:
    "Fold as the store does: one report at a time, the state saved and read back in between."
    state = EventFold.of(reports[:1]).to_json()
    for r in reports[1:]:
        fold = EventFold.from_json(state)
        fold.add(r)
        state = fold.to_json()
    return EventFold.from_json(state).values()


# ── examples ────────────────────────────────────────────────────────────────


def test_a_plan_later_reported_as_held_is_held_with_the_disagreement_kept() -> None:
    values = folded_one_at_a_time([report("a", status="planned"), report("b", status="occurred")])

    assert values["status"] == "occurred"
    assert values["conflicts"] == [
        {
            "field": "status",
            "values": [{"value": "planned", "document": "a"}, {"value": "occurred", "document": "b"}],
        }
    ]


def test_the_most_precise_date_wins_and_brings_its_end_date() -> None:
    reports = [
        report("a", date="2026-04"),
        report("b", date="2026-04-21", date_end="2026-04-22"),
        report("c", date="2026"),
    ]

    values = folded_one_at_a_time(reports)

    assert (values["date"], values["date_end"], values["date_lo"], values["date_hi"]) == (
        "2026-04-21",
        "2026-04-22",
        "2026-04-21",
        "2026-04-22",
    )
    assert values["conflicts"] == []


def test_each_document_counts_once_towards_confidence_with_its_best_report() -> None:
    reports = [report("a", confidence=0.3), report("a", confidence=0.6), report("b", confidence=0.5)]

    assert folded_one_at_a_time(reports)["confidence"] == 1.0 - (1.0 - 0.6) * (1.0 - 0.5)


def test_confidence_never_reaches_certainty() -> None:
    reports = [report(f"d{i}", confidence=0.9) for i in range(10)]

    assert folded_one_at_a_time(reports)["confidence"] == CONFIDENCE_CAP


def test_a_much_reported_disagreement_lists_ten_documents_per_value_and_counts_the_rest() -> None:
    reports = [report(f"d{i:02}") for i in range(14)] + [report("z", city="Siem Reap")]

    [location] = folded_one_at_a_time(reports)["conflicts"]

    assert location["field"] == "location"
    assert [v["document"] for v in location["values"]] == [f"d{i:02}" for i in range(10)] + ["z"]
    assert location["omitted"] == 4


def test_the_state_of_an_event_reported_a_thousand_times_stays_small() -> None:
    reports = [report(f"d{i}", city="Phnom Penh" if i % 3 else "Siem Reap") for i in range(1_000)]

    state = EventFold.of(reports).to_json()

    assert len(state) < 4_000
    assert folded_one_at_a_time(reports) == folded_from_scratch(reports)


def test_fold_event_folds_a_list_in_one_go() -> None:
    reports = [report("a", ordinal=2), report("b", ordinal=3), report("c", ordinal=3)]

    assert fold_event(reports) == folded_from_scratch(reports)
    assert fold_event(reports)["ordinal"] == 3


# ── any reports ─────────────────────────────────────────────────────────────

PEOPLE = [
    {"name": "Wang Yi", "country": "CHN", "role": None},
    {"name": "Wang Yi", "country": None, "role": "foreign minister"},
    {"name": "Prak Sokhonn", "country": "KHM", "role": None},
]


@st.composite
def reports(draw: st.DrawFn) -> list[Report]:
    """Reports of one event from a few documents, values clashing often.

    A document's reports come together, as in the store, where a document is saved in one
    transaction and its earlier reports withdrawn first.
    """
    documents = draw(st.lists(st.integers(1, 3), min_size=1, max_size=25))  # reports per document
    out = []
    for n, count in enumerate(documents):
        for _ in range(count):
            out.append(
                report(
                    f"doc{n}",
                    published=draw(st.sampled_from([None, "2025-12-30", "2026-04-22", "2027"])),
                    status=draw(st.sampled_from(["occurred", "planned", "proposed", "predicted"])),
                    parties_key=draw(st.sampled_from(["CHN KHM", "CHN KHM LAO", "CHN"])),
                    date=draw(
                        st.sampled_from([None, "2026", "2026-04", "2026-04-21", "2026-04-22", "2026-05-02"])
                    ),
                    date_end=draw(st.sampled_from([None, None, "2026-04-22", "2026-04"])),
                    city=draw(st.sampled_from([None, "Phnom Penh", "Siem Reap"])),
                    country=draw(st.sampled_from([None, "KHM", "CHN"])),
                    ordinal=draw(st.sampled_from([None, 1, 2])),
                    people=draw(st.lists(st.sampled_from(PEOPLE), max_size=2)),
                    topics=draw(
                        st.lists(st.sampled_from(["security", "trade", "energy"]), max_size=2, unique=True)
                    ),
                    mechanism_id=draw(st.sampled_from([None, "me_a", "me_b"])),
                    confidence=draw(st.floats(-0.5, 1.5, allow_nan=False)),
                )
            )
    return out


@given(reports())
def test_folding_one_report_at_a_time_gives_the_fold_of_all_reports(drawn: list[Report]) -> None:
    assert folded_one_at_a_time(drawn) == folded_from_scratch(drawn)
