"""Reviewed events as gold: score the current extraction against what analysts decided.

Input: a store in which analysts confirmed, edited or rejected events (`Store.review_event`).
Output: gold documents (`gold.GoldDocument`), one per document that fed a reviewed event,
and the `evaluate.Scores` of re-extracting those documents' stored text now.

Why this shape: a review is a judgement on one event of a document, not an annotation of
the whole document, so a document's events are turned into gold by their review:

- confirmed or edited → a required gold event with the reviewed attributes;
- rejected → absent, so extracting it again counts as a false positive;
- not reviewed → optional gold: finding it is neither a hit nor a miss.

Re-extraction uses the stored (cleaned) text and publication date with the current
settings, so a rule change can be measured on the analysts' corrections. Mechanisms are
not reviewed, so only events are scored (predicted mechanisms are left out).
"""

from __future__ import annotations

from diplograph.evaluation.gold import GoldDocument, GoldEvent
from diplograph.evaluation.scoring import Scores, score_documents
from diplograph.extract.pipeline import process_document
from diplograph.models import Event, Mechanism, RawDocument
from diplograph.settings import Settings
from diplograph.store import Store


def reviewed_gold(store: Store) -> dict[str, GoldDocument]:
    """Return, per id of a document that fed a reviewed event, its events as gold.

    Reviews of events no longer in the store (their documents were withdrawn) are ignored.
    """
    states = {r["event_id"]: r["state"] for r in store.reviews()}
    documents: dict[str, None] = {}
    for event in store.events(review="reviewed"):
        documents.update(dict.fromkeys(source.document for source in event.sources))
    gold: dict[str, GoldDocument] = {}
    for document in documents:
        events = [
            _gold_event(event, optional=event.id not in states)
            for event in store.events(document=document, review="all")
            if states.get(event.id) != "rejected"
        ]
        gold[document] = GoldDocument(doc=document, events=tuple(events))
    return gold


def score_reviewed(store: Store, settings: Settings | None = None) -> Scores:
    """Return the scores of re-extracting every reviewed document against `reviewed_gold`.

    Raises:
        NotFound: a document disappeared while scoring (a concurrent withdrawal).
    """
    gold = reviewed_gold(store)
    predicted: dict[str, tuple[list[Event], list[Mechanism]]] = {}
    for document in gold:
        stored = store.document(document)
        raw = RawDocument(
            id=stored["id"],
            source=stored["source"],
            text=stored["text"],
            format="text",
            title=stored["title"],
            url=stored["url"],
            published=stored["published"],
        )
        predicted[document] = (list(process_document(raw, settings).events), [])
    return score_documents(predicted, gold)


def _gold_event(event: Event, *, optional: bool) -> GoldEvent:
    "Return a stored (reviewed) event as a gold event."
    return GoldEvent(
        kind=event.kind,
        status=event.status,
        parties=event.parties,
        date=event.date,
        date_end=event.date_end,
        location=event.location,
        ordinal=event.ordinal,
        people=event.people,
        topics=event.topics,
        evidence=event.sources[0].quote if event.sources else None,
        optional=optional,
    )
