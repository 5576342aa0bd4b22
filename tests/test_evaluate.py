"""Tests for diplograph.evaluation.scoring: the corpus README's scoring rules, one by one."""

from __future__ import annotations

import itertools
import json
import random
from dataclasses import replace
from pathlib import Path

import pytest

from diplograph.errors import InputError, ReferenceDataError
from diplograph.evaluation.scoring import (
    ERROR_CLASSES,
    GoldDocument,
    GoldEvent,
    GoldMechanism,
    best_assignment,
    confidence_reliability,
    event_attributes,
    format_errors,
    format_scores,
    gold_layout,
    is_party_match,
    is_same_location,
    is_same_person,
    load_gold,
    predictions_from_extractions,
    read_gold_file,
    score_documents,
)
from diplograph.models import Article, Event, Evidence, Extraction, Location, Mechanism, Person

RESOURCES = Path(__file__).parent / "resources" / "eval"
C5 = ("CHN", "KAZ", "KGZ", "TJK", "TKM", "UZB")
DOC = "doc.txt"


def _dev_corpus() -> Path:
    """The shared dev corpus: ../shared beside the repository (CI), else /work/shared."""
    beside_repo = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"
    return beside_repo if beside_repo.is_dir() else Path("/work/shared/corpus/dev")


DEV = _dev_corpus()
needs_dev = pytest.mark.skipif(not DEV.is_dir(), reason="shared dev corpus not available")


def event(
    kind: str = "2+2 dialogue", status: str = "occurred", parties: tuple[str, ...] = ("IND", "USA"), **kw
) -> Event:
    kw.setdefault("id", f"e-{kind}-{status}-{'-'.join(parties)}")
    return Event(kind=kind, status=status, parties=parties, **kw)


def mechanism(
    kind: str = "2+2 dialogue", status: str = "existing", parties: tuple[str, ...] = ("IND", "USA"), **kw
) -> Mechanism:
    return Mechanism(id=f"m-{kind}-{'-'.join(parties)}", kind=kind, status=status, parties=parties, **kw)


def gold_event(
    kind: str = "2+2 dialogue", status: str = "occurred", parties: tuple[str, ...] = ("IND", "USA"), **kw
) -> GoldEvent:
    return GoldEvent(kind=kind, status=status, parties=tuple(sorted(parties)), **kw)


def gold_mechanism(
    kind: str = "2+2 dialogue", status: str = "existing", parties: tuple[str, ...] = ("IND", "USA"), **kw
) -> GoldMechanism:
    return GoldMechanism(kind=kind, status=status, parties=tuple(sorted(parties)), **kw)


def score(events=(), gold_events=(), mechanisms=(), gold_mechanisms=()):
    """Score one document's predictions against its gold."""
    gold = {DOC: GoldDocument(doc=DOC, events=tuple(gold_events), mechanisms=tuple(gold_mechanisms))}
    return score_documents({DOC: (list(events), list(mechanisms))}, gold)


def counts(prf) -> tuple[int, int, int]:
    return prf.tp, prf.fp, prf.fn


# ── matching ──────────────────────────────────────────────────────────────────


def test_a_perfect_prediction_scores_one():
    gold = gold_event(date="2024-03-01", location=Location(city="New Delhi", country="IND"), ordinal=1)
    predicted = event(date="2024-03-01", location=Location(city="New Delhi", country="IND"), ordinal=1)
    scores = score([predicted], [gold], [mechanism()], [gold_mechanism()])
    assert (scores.events.precision, scores.events.recall, scores.events.f1) == (1.0, 1.0, 1.0)
    assert scores.mechanisms.f1 == 1.0
    assert all(accuracy.value == 1.0 for accuracy in scores.attributes.values())
    assert scores.modality_errors == []


@pytest.mark.parametrize(
    ("gold_status", "predicted_status", "is_match"),
    [
        ("proposed", "predicted", True),
        ("predicted", "proposed", True),
        ("occurred", "occurred", True),
        ("planned", "planned", True),
        ("planned", "occurred", False),
        ("occurred", "planned", False),
        ("proposed", "planned", False),
        ("predicted", "occurred", False),
    ],
)
def test_statuses_match_within_their_group(gold_status, predicted_status, is_match):
    scores = score([event(status=predicted_status)], [gold_event(status=gold_status)])
    assert counts(scores.events) == ((1, 0, 0) if is_match else (0, 1, 1))


@pytest.mark.parametrize(
    ("gold_parties", "predicted_parties", "is_match"),
    [
        (C5, C5, True),
        (C5, C5[:5], True),  # 5 of 6 Central Asia + China states: Jaccard 5/6
        (C5, C5[:4], True),  # 4 of 6: Jaccard 0.667
        (C5, C5[:3], False),  # 3 of 6: Jaccard 0.5
        (C5[:5], C5[:3], True),  # 3 of 5: Jaccard exactly 0.6
        (C5, (*C5[:5], "RUS"), True),  # one wrong of six: 5/7
        (("IND", "USA"), ("IND", "USA"), True),
        (("IND", "USA"), ("USA", "IND"), True),  # order does not matter
        (("IND", "USA"), ("IND", "JPN"), False),
        (("IND", "USA"), ("IND", "JPN", "USA"), True),  # 3 states on one side: Jaccard 2/3
        (("IND", "USA"), ("IND",), False),
    ],
)
def test_parties_match_exactly_or_by_jaccard_for_three_or_more(gold_parties, predicted_parties, is_match):
    assert is_party_match(predicted_parties, gold_parties) is is_match
    scores = score(
        [event(kind="summit", parties=predicted_parties)], [gold_event(kind="summit", parties=gold_parties)]
    )
    assert scores.events.tp == int(is_match)


def test_kinds_must_be_equal():
    scores = score([event(kind="summit")], [gold_event(kind="2+2 dialogue")])
    assert counts(scores.events) == (0, 1, 1)


def test_matching_is_one_to_one():
    scores = score([event(id="a"), event(id="b")], [gold_event()])
    assert counts(scores.events) == (1, 1, 0)


def test_matching_finds_the_assignment_a_greedy_choice_would_miss():
    # `first` fits gold A exactly and gold B by Jaccard 5/6; `second` fits only A (5/7).
    # Pairing first-A greedily would leave `second` unmatched.
    gold_a, gold_b = gold_event(kind="summit", parties=C5), gold_event(kind="summit", parties=C5[:5])
    first = event(id="first", kind="summit", parties=C5)
    second = event(id="second", kind="summit", parties=("KAZ", "KGZ", "RUS", "TJK", "TKM", "UZB"))
    scores = score([first, second], [gold_a, gold_b])
    assert counts(scores.events) == (2, 0, 0)
    assert {(m.predicted.id, m.gold.parties) for m in scores.matches} == {
        ("first", gold_b.parties),
        ("second", gold_a.parties),
    }


def test_matching_prefers_the_gold_item_with_the_same_date():
    gold = [gold_event(date="2018-09"), gold_event(date="2020-10")]
    scores = score([event(id="late", date="2020-10"), event(id="early", date="2018-09")], gold)
    assert {(m.predicted.id, m.gold.date) for m in scores.matches} == {
        ("late", "2020-10"),
        ("early", "2018-09"),
    }
    assert scores.attributes["date"].value == 1.0


@pytest.mark.parametrize("seed", range(30))
def test_matching_count_equals_the_brute_force_maximum(seed):
    rng = random.Random(seed)
    pool = ("AUS", "IND", "JPN", "USA")

    def random_parties() -> tuple[str, ...]:
        return tuple(sorted(rng.sample(pool, rng.choice((2, 3, 4)))))

    gold = [gold_event(kind="summit", parties=random_parties()) for _ in range(rng.randint(1, 5))]
    predicted = [event(id=f"p{i}", kind="summit", parties=random_parties()) for i in range(rng.randint(1, 5))]
    fits = [[is_party_match(p.parties, g.parties) for g in gold] for p in predicted]
    if len(predicted) <= len(gold):
        best = max(
            sum(fits[p][g] for p, g in enumerate(c))
            for c in itertools.permutations(range(len(gold)), len(predicted))
        )
    else:
        best = max(
            sum(fits[p][g] for g, p in enumerate(c))
            for c in itertools.permutations(range(len(predicted)), len(gold))
        )
    assert score(predicted, gold).events.tp == best


def test_best_assignment_maximises_the_higher_tier_first():
    # Row 0 may take column 0 (tier 2) or 1 (tier 1, better quality); row 1 only column 0.
    weights = {(0, 0): (2, 0), (0, 1): (1, 9), (1, 0): (2, 5)}
    assert best_assignment(2, 2, lambda r, c: weights.get((r, c))) == [(0, 1), (1, 0)]


# ── optional gold items ───────────────────────────────────────────────────────


def test_a_prediction_of_an_optional_item_is_neither_hit_nor_miss():
    scores = score([event(kind="bilateral talks")], [gold_event(kind="bilateral talks", optional=True)])
    assert counts(scores.events) == (0, 0, 0)
    assert [m.optional for m in scores.matches] == [True]


def test_an_unmatched_optional_item_is_not_a_miss():
    scores = score([event()], [gold_event(), gold_event(kind="summit", optional=True)])
    assert counts(scores.events) == (1, 0, 0)
    assert scores.false_negatives == []


def test_an_optional_item_does_not_steal_a_prediction_from_a_required_one():
    # The optional item agrees better (same date), but the required one takes the prediction.
    gold = [gold_event(date="2021-09", optional=True), gold_event(date="2018")]
    scores = score([event(date="2021-09")], gold)
    assert counts(scores.events) == (1, 0, 0)
    assert [m.optional for m in scores.matches] == [False]


def test_optional_items_absorb_the_predictions_required_ones_leave():
    # Either prediction can take the required item; only one of them fits the optional one.
    gold = [gold_event(parties=C5), gold_event(parties=C5[:5], optional=True)]
    predicted = [
        event(id="six", parties=C5),
        event(id="other", parties=("KAZ", "KGZ", "RUS", "TJK", "TKM", "UZB")),
    ]
    scores = score(predicted, gold)
    assert counts(scores.events) == (1, 0, 0)


def test_optional_mechanisms_are_neither_hit_nor_miss():
    gold = [
        gold_mechanism(),
        gold_mechanism(kind="summit", parties=("AUS", "IND", "JPN", "USA"), optional=True),
    ]
    assert counts(score(mechanisms=[mechanism()], gold_mechanisms=gold).mechanisms) == (1, 0, 0)


# ── mechanisms and modality errors ────────────────────────────────────────────


@pytest.mark.parametrize(
    ("gold_status", "predicted_status", "is_match"),
    [
        ("existing", "existing", True),
        ("proposed", "predicted", True),
        ("proposed", "existing", False),
        ("predicted", "existing", False),
    ],
)
def test_mechanisms_match_on_kind_status_group_and_parties(gold_status, predicted_status, is_match):
    scores = score(
        mechanisms=[mechanism(status=predicted_status)], gold_mechanisms=[gold_mechanism(status=gold_status)]
    )
    assert counts(scores.mechanisms) == ((1, 0, 0) if is_match else (0, 1, 1))


def test_an_occurred_event_of_a_proposed_mechanism_is_a_modality_error():
    quote = Evidence(document=DOC, quote="Japan and the Philippines held a 2+2", start=0, end=36)
    predicted = event(parties=("PHL", "JPN"), sources=(quote,))
    gold = gold_mechanism(status="proposed", parties=("JPN", "PHL"))
    scores = score([predicted], gold_mechanisms=[gold])
    assert len(scores.modality_errors) == 1
    error = scores.modality_errors[0]
    assert (error.doc, error.event.evidence, error.mechanism.status) == (DOC, quote.quote, "proposed")
    assert scores.per_document[DOC].modality_errors == 1
    assert format_scores(scores).splitlines()[2] == "modality errors: 1"


@pytest.mark.parametrize(
    ("predicted", "gold_mechanisms", "gold_events"),
    [
        (event(status="planned"), [gold_mechanism(status="proposed")], []),  # not claimed to have happened
        (event(kind="summit"), [gold_mechanism(status="proposed")], []),  # another kind
        (event(parties=("IND", "JPN")), [gold_mechanism(status="predicted")], []),  # other parties
        (event(), [gold_mechanism(status="proposed"), gold_mechanism()], []),  # also existing
        (event(), [gold_mechanism(status="proposed")], [gold_event()]),  # gold says one occurred
    ],
)
def test_no_modality_error_unless_the_format_is_only_proposed_or_predicted(
    predicted, gold_mechanisms, gold_events
):
    assert score([predicted], gold_events, gold_mechanisms=gold_mechanisms).modality_errors == []


def test_a_multilateral_modality_error_uses_the_jaccard_rule():
    gold = gold_mechanism(
        kind="defence ministers meeting", status="proposed", parties=("AUS", "IND", "JPN", "USA")
    )
    predicted = event(kind="defence ministers meeting", parties=("AUS", "IND", "USA"))
    assert len(score([predicted], gold_mechanisms=[gold]).modality_errors) == 1


# ── attribute accuracy ────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("predicted", "gold", "strict", "lenient"),
    [
        ("2025-04-21", "2025-04-21", 1.0, 1.0),
        ("2025-04", "2025-04-21", 0.0, 0.5),  # a correct prefix
        ("2025", "2025-04-21", 0.0, 0.5),
        ("2025-04-22", "2025-04-21", 0.0, 0.0),
        ("2025-04-21", "2025-04", 0.0, 0.0),  # more precise than the text allows
        ("2025-0", "2025-04", 0.0, 0.0),  # not a prefix at a component boundary
        (None, "2025-04", 0.0, 0.0),
        ("2025-04", None, 0.0, 0.0),
        (None, None, 1.0, 1.0),
    ],
)
def test_date_is_exact_and_lenient_gives_half_to_a_correct_prefix(predicted, gold, strict, lenient):
    attributes = event_attributes(event(date=predicted), gold_event(date=gold))
    assert (attributes["date"], attributes["date_lenient"]) == (strict, lenient)


@pytest.mark.parametrize(
    ("predicted", "gold", "is_correct"),
    [
        (("New Delhi", "IND"), ("New Delhi", "IND"), True),
        (("Delhi", "IND"), ("New Delhi", "IND"), True),  # one name is the other's final words
        (("New Delhi", "IND"), ("Delhi", "IND"), True),
        (("new delhi", "ind"), ("New Delhi", "IND"), True),
        (("Xian", "CHN"), ("Xi'an", "CHN"), True),
        (("Xi’an", "CHN"), ("Xi'an", "CHN"), True),
        (("Nur Sultan", "KAZ"), ("Nur-Sultan", "KAZ"), True),
        (("São Paulo", "BRA"), ("Sao Paulo", "BRA"), True),
        (("Delhi", "USA"), ("New Delhi", "IND"), False),  # country differs
        (("New York", "USA"), ("York", "GBR"), False),
        (("Tokyo", "JPN"), ("Osaka", "JPN"), False),
        (("New", "IND"), ("New Delhi", "IND"), False),  # a prefix is not enough
        (("Washington", "USA"), ("Washington D.C.", "USA"), True),  # unless the rest only says "city"
        (("Kuwait City", "KWT"), ("Kuwait", "KWT"), True),
        ((None, "KAZ"), (None, "KAZ"), True),
        (("Astana", "KAZ"), (None, "KAZ"), False),
        ((None, "KAZ"), ("Astana", "KAZ"), False),
        (None, None, True),
        (None, ("Beijing", "CHN"), False),
        (("Beijing", "CHN"), None, False),
    ],
)
def test_location_rule(predicted, gold, is_correct):
    def location(pair):
        return None if pair is None else Location(city=pair[0], country=pair[1])

    assert is_same_location(location(predicted), location(gold)) is is_correct


@pytest.mark.parametrize(
    ("predicted", "gold", "is_same"),
    [
        (("Wang Yi", "CHN"), ("Wang Yi", "CHN"), True),
        (("Minoru Kihara", "JPN"), ("Kihara", "JPN"), True),  # surname and country
        (("Subrahmanyam Jaishankar", "IND"), ("S. Jaishankar", "IND"), True),
        (("Teodoro Locsin", "PHL"), ("Teodoro Locsin Jr.", "PHL"), True),
        (("Wang", "CHN"), ("Wang Yi", "CHN"), True),  # family name first
        (("Wang Yi", None), ("Wang Yi", "CHN"), True),  # the full name is enough
        (("Kihara", "USA"), ("Minoru Kihara", "JPN"), False),  # surname, but another country
        (("Rajnath Singh", "IND"), ("Dong Jun", "CHN"), False),
    ],
)
def test_people_match_by_full_name_or_by_surname_and_country(predicted, gold, is_same):
    assert (
        is_same_person(
            Person(name=predicted[0], country=predicted[1], role=None),
            Person(name=gold[0], country=gold[1], role=None),
        )
        is is_same
    )


def test_attribute_accuracy_on_matched_events():
    gold = gold_event(
        date="2024-07-28",
        location=Location(city="New Delhi", country="IND"),
        ordinal=1,
        people=(
            Person(name="Kihara", country="JPN", role=None),
            Person(name="Austin", country="USA", role=None),
        ),
        topics=("security", "defence"),
    )
    predicted = event(
        date="2024-07",
        location=Location(city="Delhi", country="IND"),
        ordinal=None,
        people=(Person(name="Minoru Kihara", country="JPN", role=None),),
        topics=("defence",),
    )
    attributes = score([predicted], [gold]).attributes
    values = {name: accuracy.value for name, accuracy in attributes.items()}
    assert values == {
        "date": 0.0,
        "date_lenient": 0.5,
        "date_end": 1.0,
        "location": 1.0,
        "ordinal": 0.0,
        "people": pytest.approx(2 / 3),  # 1 of 1 predicted, 1 of 2 gold
        "topics": 0.5,
    }
    assert all(accuracy.total == 1 for accuracy in attributes.values())


def test_attributes_are_averaged_over_required_matches_only():
    gold = [gold_event(date="2020"), gold_event(kind="summit", date="2021", optional=True)]
    predicted = [event(date="2020"), event(kind="summit", date="1999")]
    attributes = score(predicted, gold).attributes
    assert (attributes["date"].total, attributes["date"].value) == (1, 1.0)


def test_no_people_on_either_side_scores_one():
    assert event_attributes(event(), gold_event())["people"] == 1.0
    assert event_attributes(event(), gold_event())["topics"] == 1.0


# ── per document, per kind, reports ───────────────────────────────────────────


def two_documents():
    gold = {
        "a.txt": GoldDocument(
            doc="a.txt", events=(gold_event(), gold_event(kind="summit")), mechanisms=(gold_mechanism(),)
        ),
        "b.txt": GoldDocument(
            doc="b.txt", events=(gold_event(kind="joint exercise", parties=("CHN", "KHM")),)
        ),
    }
    predicted = {"a.txt": ([event(), event(kind="agreement signed")], [mechanism()])}
    return score_documents(predicted, gold)


def test_scores_per_document_and_a_document_without_predictions_misses_everything():
    scores = two_documents()
    assert counts(scores.per_document["a.txt"].events) == (1, 1, 1)
    assert counts(scores.per_document["a.txt"].mechanisms) == (1, 0, 0)
    assert counts(scores.per_document["b.txt"].events) == (0, 0, 1)
    assert counts(scores.events) == (1, 1, 2)  # micro: summed over documents
    assert scores.events.precision == 0.5
    assert scores.events.recall == pytest.approx(1 / 3)


def test_scores_per_kind():
    per_kind = two_documents().per_kind
    assert list(per_kind) == ["2+2 dialogue", "summit", "agreement signed", "joint exercise"]
    assert counts(per_kind["2+2 dialogue"]) == (1, 0, 0)
    assert counts(per_kind["summit"]) == (0, 0, 1)
    assert counts(per_kind["agreement signed"]) == (0, 1, 0)


def test_false_positives_and_negatives_carry_what_is_needed_to_debug():
    scores = two_documents()
    assert [(r.doc, r.kind, r.status, r.parties) for r in scores.false_positives] == [
        ("a.txt", "agreement signed", "occurred", ("IND", "USA"))
    ]
    assert [(r.doc, r.kind, r.id) for r in scores.false_negatives] == [
        ("a.txt", "summit", "a.txt#events[1]"),
        ("b.txt", "joint exercise", "b.txt#events[0]"),
    ]


@pytest.mark.parametrize("key", ["doc.txt", "doc", "articles/doc.txt", "/abs/path/doc.txt"])
def test_prediction_keys_are_matched_to_gold_by_file_name(key):
    gold = {DOC: GoldDocument(doc=DOC, events=(gold_event(),))}
    assert score_documents({key: ([event()], [])}, gold).events.tp == 1


def test_predictions_for_documents_without_gold_are_ignored_and_listed():
    gold = {DOC: GoldDocument(doc=DOC, events=(gold_event(),))}
    scores = score_documents({DOC: ([event()], []), "other.txt": ([event()], [])}, gold)
    assert counts(scores.events) == (1, 0, 0)
    assert scores.unscored == ["other.txt"]


def test_two_keys_for_one_gold_document_are_an_error():
    gold = {DOC: GoldDocument(doc=DOC)}
    with pytest.raises(InputError, match=r"doc\.txt"):
        score_documents({"doc": ([], []), "doc.txt": ([], [])}, gold)


def test_predictions_from_extractions_are_keyed_by_the_article_label_the_gold_files_are_named_after():
    article = Article(id="doc_0123456789abcdef", label="x.txt", source="corpus/x.txt", text="", sentences=())
    predicted = predictions_from_extractions(
        [Extraction(article=article, events=(event(),), mechanisms=(mechanism(),))]
    )
    assert list(predicted) == ["x.txt"]
    assert (len(predicted["x.txt"][0]), len(predicted["x.txt"][1])) == (1, 1)


def test_scores_to_dict_is_json_serialisable():
    data = json.loads(json.dumps(two_documents().to_dict()))
    assert data["events"] == {"tp": 1, "fp": 1, "fn": 2, "precision": 0.5, "recall": 0.3333, "f1": 0.4}
    assert data["per_document"]["b.txt"]["events"]["fn"] == 1
    assert data["attributes"]["date"] == {"n": 1, "accuracy": 1.0}
    assert data["false_positives"][0]["parties"] == ["IND", "USA"]
    assert data["matches"][0]["gold"]["id"] == "a.txt#events[0]"


def test_format_scores_keeps_its_first_lines_stable():
    lines = format_scores(two_documents()).splitlines()
    assert lines[0] == "events      P=0.500 R=0.333 F1=0.400  (tp=1 fp=1 fn=2)"
    assert lines[1] == "mechanisms  P=1.000 R=1.000 F1=1.000  (tp=1 fp=0 fn=0)"
    assert lines[2] == "modality errors: 0"
    assert any(line.startswith("  date_lenient") for line in lines)
    assert any(line.startswith("summit ") for line in lines)


def test_format_scores_by_document_and_with_details():
    report = format_scores(two_documents(), by_doc=True, details=True)
    assert any(line.startswith("b.txt ") for line in report.splitlines())
    assert "false negatives: 2" in report
    assert "b.txt  joint exercise [occurred] CHN-KHM" in report


def test_prf_of_nothing_predicted_and_nothing_expected_is_one():
    scores = score()
    assert (scores.events.precision, scores.events.recall, scores.events.f1) == (1.0, 1.0, 1.0)
    assert scores.attributes["date"].value is None


# ── error classes ─────────────────────────────────────────────────────────────


def quoted(text: str) -> tuple[Evidence, ...]:
    """The evidence of an extracted item: one sentence of our own."""
    return (Evidence(document=DOC, quote=text, start=0, end=len(text)),)


def cases(scores):
    return [(c.error, c.item, c.extra is not None, c.miss is not None) for c in scores.errors]


@pytest.mark.parametrize(
    ("predicted", "gold", "error"),
    [
        (event(status="planned"), gold_event(status="occurred"), "wrong status"),
        (event(kind="bilateral talks"), gold_event(kind="2+2 dialogue"), "wrong kind"),
        (event(parties=("IND", "JPN")), gold_event(parties=("AUS", "IND")), "wrong parties"),
        (event(kind="summit", status="planned"), gold_event(status="occurred"), "wrong kind and status"),
        (
            event(kind="summit", status="predicted", parties=C5[:2]),
            gold_event(kind="summit", parties=C5),
            "wrong status and parties",
        ),
    ],
)
def test_an_extra_and_a_miss_of_the_same_thing_are_one_near_miss_pair(predicted, gold, error):
    scores = score([predicted], [gold])
    assert counts(scores.events) == (0, 1, 1)
    assert cases(scores) == [(error, "event", True, True)]


def test_a_near_miss_pair_says_which_states_are_extra_and_missing():
    scores = score([event(parties=("IND", "JPN"))], [gold_event(parties=("AUS", "IND"))])
    assert scores.errors[0].detail == "extra states: JPN; missing states: AUS"


def test_a_near_miss_pair_carries_the_gold_evidence_and_the_extracted_quote():
    predicted = event(status="planned", confidence=0.7, sources=quoted("India and the US will hold a 2+2."))
    gold = gold_event(evidence="India and the US held a 2+2")
    case = score([predicted], [gold]).errors[0]
    assert (case.miss.evidence, case.extra.evidence) == (
        "India and the US held a 2+2",
        predicted.sources[0].quote,
    )
    assert (case.extra.confidence, case.miss.confidence) == (0.7, None)


def test_pairs_with_one_difference_come_before_pairs_with_two():
    # The extra could pair with either miss; the one only its status away wins.
    predicted = event(status="planned")
    gold = [gold_event(kind="summit", status="occurred"), gold_event(status="occurred")]
    scores = score([predicted], gold)
    pair = next(c for c in scores.errors if c.extra and c.miss)
    assert (pair.error, pair.miss.kind) == ("wrong status", "2+2 dialogue")
    assert [(c.error, c.miss.kind) for c in scores.errors if not c.extra] == [("missed", "summit")]


def test_an_occurred_event_paired_with_a_proposed_one_that_is_only_proposed_is_a_modality_error():
    gold_events = [gold_event(status="proposed", parties=("JPN", "PHL"))]
    gold_mechanisms = [gold_mechanism(status="proposed", parties=("JPN", "PHL"))]
    scores = score([event(parties=("JPN", "PHL"))], gold_events, gold_mechanisms=gold_mechanisms)
    assert [c for c in cases(scores) if c[1] == "event"] == [("modality error", "event", True, True)]


def test_a_lone_modality_error_shows_the_proposed_mechanism():
    gold = gold_mechanism(
        status="predicted", parties=("JPN", "PHL"), evidence="a Japan-Philippines 2+2 may follow"
    )
    case = score([event(parties=("JPN", "PHL"))], gold_mechanisms=[gold]).errors[0]
    assert (case.error, case.miss, case.near.item, case.near.status) == (
        "modality error",
        None,
        "mechanism",
        "predicted",
    )
    assert "only as a predicted mechanism" in case.detail


def test_an_extra_sharing_neither_kind_nor_parties_with_the_gold_is_spurious():
    scores = score([event(), event(kind="summit", parties=("CHN", "RUS"))], [gold_event()])
    assert cases(scores) == [("spurious", "event", True, False)]
    assert scores.errors[0].near is None


def test_a_gold_item_with_nothing_extracted_near_it_is_missed():
    scores = score([event()], [gold_event(), gold_event(kind="summit", parties=("CHN", "RUS"))])
    assert cases(scores) == [("missed", "event", False, True)]
    assert scores.errors[0].near is None


def test_a_second_extraction_of_a_found_event_is_a_duplicate():
    scores = score([event(id="first", date="2024-03"), event(id="second", date="2024-04")], [gold_event()])
    (case,) = scores.errors
    assert (case.error, case.extra.id, case.near.id) == ("duplicate", "second", "doc.txt#events[0]")
    assert case.detail == "that gold item is matched by first"


def test_two_gold_events_found_as_one_are_a_merge():
    gold = [gold_event(date="2018-09"), gold_event(date="2019-12")]
    (case,) = score([event(id="one", date="2018-09")], gold).errors
    assert (case.error, case.miss.date, case.near.id) == ("merged", "2019-12", "one")
    assert case.detail == "that extraction matches events[0]"


def test_an_extra_is_named_after_a_gold_item_another_extraction_found():
    # Both readings of one sentence were extracted; the planned one is wrong.
    scores = score([event(id="right"), event(id="wrong", status="planned")], [gold_event()])
    (case,) = scores.errors
    assert (case.error, case.extra.id, case.miss) == ("wrong status", "wrong", None)
    assert case.detail == "that gold item is matched by right"


def test_an_extra_of_an_optional_gold_item_with_a_wrong_kind_says_so():
    scores = score(
        [event(kind="bilateral talks")], [gold_event(kind="defence ministers meeting", optional=True)]
    )
    (case,) = scores.errors
    assert (case.error, case.detail) == ("wrong kind", "that optional gold item is not matched")


def test_a_lone_miss_is_missed_even_when_a_correct_extraction_resembles_it():
    # The summit on the same day was found; the agreement signed at it was not.
    gold = [gold_event(kind="summit"), gold_event(kind="agreement signed")]
    scores = score([event(id="summit", kind="summit")], gold)
    (case,) = scores.errors
    assert (case.error, case.miss.kind, case.near.id) == ("missed", "agreement signed", "summit")


def test_mechanisms_are_classified_the_same_way():
    scores = score(mechanisms=[mechanism(status="proposed")], gold_mechanisms=[gold_mechanism()])
    assert cases(scores) == [("wrong status", "mechanism", True, True)]


def test_error_cases_come_in_class_order_and_are_counted():
    predicted = [event(kind="summit", parties=("CHN", "RUS")), event(status="planned")]
    gold = [gold_event(), gold_event(kind="joint exercise", parties=("AUS", "NZL"))]
    scores = score(predicted, gold)
    assert [c.error for c in scores.errors] == ["wrong status", "spurious", "missed"]
    assert scores.error_counts() == {"wrong status": 1, "spurious": 1, "missed": 1}


def test_errors_are_in_the_json_only_when_asked_for():
    scores = score([event(status="planned")], [gold_event()])
    assert "errors" not in scores.to_dict()
    data = json.loads(json.dumps(scores.to_dict(errors=True)))
    assert data["error_counts"] == {"wrong status": 1}
    (case,) = data["errors"]
    assert (case["error"], case["extra"]["status"], case["miss"]["status"], case["near"]) == (
        "wrong status",
        "planned",
        "occurred",
        None,
    )


@pytest.mark.parametrize("seed", range(20))
def test_every_extra_and_every_miss_is_in_exactly_one_case(seed):
    rng = random.Random(seed)
    kinds, statuses, pool = (
        ("summit", "2+2 dialogue"),
        ("occurred", "planned", "proposed"),
        ("AUS", "IND", "JPN"),
    )

    def draw(make, n):
        return [
            make(
                kind=rng.choice(kinds),
                status=rng.choice(statuses),
                parties=tuple(sorted(rng.sample(pool, 2))),
            )
            for _ in range(n)
        ]

    predicted = [replace(e, id=f"p{i}") for i, e in enumerate(draw(event, rng.randint(0, 5)))]
    scores = score(predicted, draw(gold_event, rng.randint(0, 5)))
    assert sorted(c.extra.id for c in scores.errors if c.extra) == sorted(
        r.id for r in scores.false_positives
    )
    assert sorted(c.miss.id for c in scores.errors if c.miss) == sorted(r.id for r in scores.false_negatives)
    assert all(c.error in ERROR_CLASSES for c in scores.errors)


def test_format_errors_shows_a_near_miss_pair_as_two_consecutive_lines():
    predicted = event(status="planned", confidence=0.62, sources=quoted("India and the US will hold a 2+2."))
    gold = [
        gold_event(evidence="India and the US held a 2+2"),
        gold_event(kind="summit", parties=("CHN", "RUS")),
    ]
    lines = format_errors(score([predicted], gold)).splitlines()
    assert lines[0] == "errors: 2 case(s) (events: 1 extra, 2 missed; mechanisms: 0 extra, 0 missed)"
    assert lines[2:4] == ["doc.txt", "  events"]
    miss, extra = lines[4], lines[5]
    assert miss.split()[:4] == ["wrong", "status", "-", "missed"]
    assert miss.endswith('2+2 dialogue [occurred] IND-USA -  "India and the US held a 2+2"')
    assert extra.lstrip().startswith("+ extra")
    assert extra.endswith('2+2 dialogue [planned] IND-USA -  conf 0.62  "India and the US will hold a 2+2."')
    assert lines[6].split()[:3] == ["missed", "-", "missed"]
    assert lines[-1] == "errors by class: wrong status 1, missed 1"


def test_format_errors_cuts_long_quotes_and_without_errors_says_none():
    long = "India and the United States held a 2+2 " + "and talked about many things " * 10
    report = format_errors(score([event(kind="summit", sources=quoted(long))], []))
    assert '…"' in report
    assert max(len(line) for line in report.splitlines()) < 200
    assert format_errors(score()).splitlines()[-1] == "errors by class: none"


# ── reliability of confidence ─────────────────────────────────────────────────


def reliability_example():
    """Six extracted events across the bins, and one matched to an optional gold item."""
    predicted = [
        event(id="low", kind="summit", parties=("CHN", "RUS"), confidence=0.45),  # wrong
        event(id="fair", kind="bilateral talks", confidence=0.55),  # right
        event(id="mid-right", kind="joint exercise", confidence=0.65),  # right
        event(id="mid-wrong", kind="agreement signed", confidence=0.65),  # wrong
        event(id="edge", confidence=0.7 + 0.1),  # right; 0.7999999999999999 is shown and binned as 0.8
        event(id="top", kind="institution established", confidence=0.95),  # right
        event(id="optional", kind="foreign ministers meeting", confidence=0.95),  # neither
    ]
    gold = [
        gold_event(kind="bilateral talks"),
        gold_event(kind="joint exercise"),
        gold_event(),
        gold_event(kind="institution established"),
        gold_event(kind="foreign ministers meeting", optional=True),
    ]
    return score(predicted, gold, [mechanism(confidence=0.3)], [])


def test_reliability_counts_events_and_right_ones_per_confidence_bin():
    reliability = reliability_example().reliability()
    rows = [(b.label, b.n, b.correct, b.precision) for b in reliability.bins]
    assert rows == [
        ("< 0.5", 1, 0, 0.0),
        ("0.5–0.6", 1, 1, 1.0),
        ("0.6–0.7", 2, 1, 0.5),
        ("0.7–0.8", 0, 0, None),  # an empty bin has no precision
        ("0.8–0.9", 1, 1, 1.0),
        ("≥ 0.9", 1, 1, 1.0),  # the optional match is left out, and so is the mechanism
    ]
    assert (reliability.above.label, reliability.above.n, reliability.above.precision) == ("≥ 0.8", 2, 1.0)


def test_reliability_in_the_report_and_the_json():
    scores = reliability_example()
    report = format_scores(scores).splitlines()
    table = report[report.index("reliability of event confidence (optional-gold matches left out)") :]
    assert table[1].split() == ["confidence", "n", "correct", "precision"]
    assert table[2].split() == ["<", "0.5", "1", "0", "0.000"]
    assert table[5].split() == ["0.7–0.8", "0", "0", "n/a"]
    assert table[8] == "events with confidence ≥ 0.8: precision 1.000 (n=2)"
    data = json.loads(json.dumps(scores.to_dict()))["reliability"]
    assert data["threshold"] == 0.8
    assert data["above_threshold"] == {
        "range": "≥ 0.8", "low": 0.8, "high": None, "n": 2, "correct": 2, "precision": 1.0,
    }  # fmt: skip
    assert [b["n"] for b in data["bins"]] == [1, 1, 2, 0, 1, 1]


def test_reliability_without_events_has_no_precision_anywhere():
    reliability = score().reliability()
    assert all(b.n == 0 and b.precision is None for b in (*reliability.bins, reliability.above))
    assert format_scores(score()).splitlines()[-1] == "events with confidence ≥ 0.8: precision n/a (n=0)"


def test_reliability_takes_other_edges_and_threshold():
    reliability = confidence_reliability(
        [(0.2, True), (0.5, False), (0.99, True)], edges=(0.5,), threshold=0.9
    )
    assert [(b.label, b.n, b.correct) for b in reliability.bins] == [("< 0.5", 1, 1), ("≥ 0.5", 2, 1)]
    assert (reliability.above.n, reliability.above.precision) == (1, 1.0)


# ── loading gold ──────────────────────────────────────────────────────────────


def test_load_gold_reads_the_corpus_layout():
    gold = load_gold(RESOURCES / "nested")
    assert list(gold) == ["alpha-2plus2.txt"]
    document = gold["alpha-2plus2.txt"]
    assert document.events[0].parties == ("IND", "USA")  # sorted
    assert document.events[0].location == Location(city="New Delhi", country="IND")
    assert document.events[1].optional is True
    assert document.mechanisms[0].status == "existing"
    assert gold_layout(RESOURCES / "nested") == (
        RESOURCES / "nested" / "articles",
        RESOURCES / "nested" / "gold",
    )
    assert (RESOURCES / "nested" / "articles" / document.doc).is_file()


def test_load_gold_reads_the_flat_layout():
    gold = load_gold(RESOURCES / "flat")
    assert list(gold) == ["beta-exercise.txt"]
    assert gold["beta-exercise.txt"].events[0].date == "2024-05"
    assert gold_layout(RESOURCES / "flat") == (RESOURCES / "flat", RESOURCES / "flat")


def test_a_fixture_scored_against_its_own_gold_is_perfect():
    gold = load_gold(RESOURCES / "nested")
    scores = score_documents({doc: document.as_predictions() for doc, document in gold.items()}, gold)
    assert (scores.events.f1, scores.mechanisms.f1) == (1.0, 1.0)


VALID_EVENT = {"kind": "summit", "parties": ["IND", "JPN"], "status": "occurred"}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"doc": "x.txt", "events": [', "not valid JSON"),
        ("[]", "expected a JSON object"),
        ({"events": {}}, "events: expected a list"),
        ({"events": [{**VALID_EVENT, "status": "happened"}]}, 'events[0].status: "happened" is not one of'),
        ({"events": [{**VALID_EVENT, "kind": None}]}, "events[0].kind: missing"),
        (
            {"events": [{**VALID_EVENT, "parties": ["India"]}]},
            "events[0].parties: expected ISO 3166-1 alpha-3",
        ),
        ({"events": [{**VALID_EVENT, "parties": []}]}, "events[0].parties"),
        ({"events": [{**VALID_EVENT, "date": "21 April 2025"}]}, "events[0].date"),
        ({"events": [{**VALID_EVENT, "date": "2025-13"}]}, "events[0].date"),
        ({"events": [{**VALID_EVENT, "ordinal": "first"}]}, "events[0].ordinal"),
        ({"events": [{**VALID_EVENT, "topics": ["space"]}]}, "events[0].topics: 'space' is not one of"),
        ({"events": [{**VALID_EVENT, "people": [{"country": "IND"}]}]}, "events[0].people[0].name: missing"),
        ({"events": [{**VALID_EVENT, "location": "Delhi"}]}, "events[0].location: expected a JSON object"),
        ({"events": [{**VALID_EVENT, "optional": "yes"}]}, "events[0].optional: expected true or false"),
        ({"mechanisms": [{**VALID_EVENT, "status": "occurred"}]}, "mechanisms[0].status"),
    ],
)
def test_a_malformed_gold_file_is_a_clear_error_naming_the_file(tmp_path, content, message):
    path = tmp_path / "broken.json"
    path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    with pytest.raises(ReferenceDataError) as caught:
        load_gold(tmp_path)
    assert "broken.json" in str(caught.value)
    assert message in str(caught.value)
    assert caught.value.source == str(path)


def test_invalid_json_reports_its_line(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{\n  "doc": "x.txt",\n  "events": [,]\n}', encoding="utf-8")
    with pytest.raises(ReferenceDataError, match=r"broken\.json line 3"):
        read_gold_file(path)


def test_a_gold_file_without_doc_names_its_article_after_itself(tmp_path):
    (tmp_path / "gamma.json").write_text(json.dumps({"events": [VALID_EVENT]}), encoding="utf-8")
    assert list(load_gold(tmp_path)) == ["gamma.txt"]


def test_two_gold_files_for_one_article_are_an_error(tmp_path):
    for name in ("one.json", "two.json"):
        (tmp_path / name).write_text(json.dumps({"doc": "same.txt"}), encoding="utf-8")
    with pytest.raises(ReferenceDataError, match=r"same\.txt"):
        load_gold(tmp_path)


def test_a_missing_folder_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="not a folder"):
        load_gold(tmp_path / "nowhere")


def test_a_folder_without_gold_files_is_an_input_error(tmp_path):
    (tmp_path / "gold").mkdir()
    with pytest.raises(InputError, match="no gold"):
        load_gold(tmp_path)


# ── the shared dev corpus ─────────────────────────────────────────────────────


@needs_dev
def test_load_gold_reads_the_fifteen_dev_documents():
    gold = load_gold(DEV)
    assert len(gold) == 15
    articles, _ = gold_layout(DEV)
    assert all((articles / doc).is_file() for doc in gold)


@needs_dev
def test_the_dev_gold_scored_against_itself_is_perfect():
    gold = load_gold(DEV)
    scores = score_documents({doc: document.as_predictions() for doc, document in gold.items()}, gold)
    assert (scores.events.f1, scores.mechanisms.f1) == (1.0, 1.0)
    assert scores.events.fp == 0
    assert scores.modality_errors == []
    assert all(accuracy.value == 1.0 for accuracy in scores.attributes.values())
