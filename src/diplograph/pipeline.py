"""The pipeline: the only module that chains the stages.

Input: sources (files, directories, JSON Lines dumps) or a `RawDocument`.
Output: one `Extraction` per document, or a `RunReport` when the extractions
are written to a `Store`.

The stages, in the order a document travels:
    1. read       ingest.read_documents   files → RawDocument (or InputFailure)
    2. clean      clean.clean_document    RawDocument → Article (sentences, offsets)
    3. recognise  actors.find_actors      Article → ActorMention (states, people, places…)
    4. resolve    dates.resolve_dates     Article → DateMention (anchored on published)
    5. extract    events.extract_events   Article + mentions → Extraction
    6. store      Store.save_extraction   Extraction → rows, one transaction per article

Why a per-document safeguard: a batch must never stop because of one broken
or pathological document; the failure is recorded (source and reason) in the
run report and the rest goes on.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Protocol, TypeVar

from diplograph import actors, clean, dates, events, ingest
from diplograph.errors import ConfigError, DiplographError
from diplograph.gazetteer import Gazetteer, load_gazetteer
from diplograph.models import (
    ActorMention,
    Article,
    DateMention,
    Extraction,
    InputFailure,
    RawDocument,
    RunReport,
)
from diplograph.settings import Settings

logger = logging.getLogger(__name__)

Recognizer = Callable[[Article, Gazetteer], list[ActorMention]]
Extractor = Callable[[Article, Sequence[ActorMention], Sequence[DateMention], Gazetteer | None], Extraction]
C = TypeVar("C")

# Components chosen by versioned name in the settings (`recognizer`, `extractor`).
RECOGNIZERS: dict[str, Recognizer] = {actors.COMPONENT: actors.find_actors}
EXTRACTORS: dict[str, Extractor] = {events.COMPONENT: events.extract_events}


class ExtractionSink(Protocol):
    """Where extractions go: the store implements it."""

    def save_extraction(self, extraction: Extraction) -> object: ...


def process_document(
    raw: RawDocument, settings: Settings | None = None, gazetteer: Gazetteer | None = None
) -> Extraction:
    """Return the extraction of one document, running stages 2–5.

    Args:
        raw: the document as read.
        settings: component names and thresholds (defaults when None).
        gazetteer: reference tables (the shipped ones when None).

    Raises:
        ConfigError: a component named in the settings does not exist.
        InputError: the document has no text once cleaned.
    """
    settings = settings or Settings()
    gaz = gazetteer or load_gazetteer()
    recognize = _component(RECOGNIZERS, settings.recognizer, "recognizer")
    extract = _component(EXTRACTORS, settings.extractor, "extractor")
    # 2. clean
    article = clean.clean_document(raw)
    # 3. recognise actors
    mentions = recognize(article, gaz)
    # 4. resolve dates
    date_mentions = dates.resolve_dates(article)
    # 5. extract events and mechanisms
    extraction = extract(article, mentions, date_mentions, gaz)
    if settings.min_confidence > 0:
        extraction = replace(
            extraction,
            events=tuple(e for e in extraction.events if e.confidence >= settings.min_confidence),
            mechanisms=tuple(m for m in extraction.mechanisms if m.confidence >= settings.min_confidence),
        )
    return extraction


def extract_corpus(
    sources: Iterable[str | Path], settings: Settings | None = None, *, published: str | None = None
) -> Iterator[Extraction | InputFailure]:
    """Yield the extraction of every document of `sources`, or a failure for what could not be processed.

    Streams: one document is in memory at a time.
    """
    settings = settings or Settings()
    gaz = load_gazetteer()
    # 1. read
    for item in ingest.read_documents(sources, settings, published=published):
        if isinstance(item, InputFailure):
            yield item
            continue
        yield _safely(item, settings, gaz)


def _safely(raw: RawDocument, settings: Settings, gaz: Gazetteer) -> Extraction | InputFailure:
    "Process one document; turn any failure into an InputFailure so the batch goes on."
    try:
        return process_document(raw, settings, gaz)
    except ConfigError:
        raise
    except DiplographError as exc:
        return InputFailure(source=raw.source, reason=getattr(exc, "reason", str(exc)))
    except Exception as exc:  # a bug must not stop a batch of thousands of articles
        logger.exception("extraction failed for %s", raw.source)
        return InputFailure(source=raw.source, reason=f"extraction failed ({type(exc).__name__}: {exc})")


def process_corpus(
    sources: Iterable[str | Path],
    store: ExtractionSink,
    settings: Settings | None = None,
    *,
    published: str | None = None,
    on_item: Callable[[Extraction | InputFailure], None] | None = None,
) -> RunReport:
    """Extract every document of `sources` and save it to `store` (stage 6); return what happened.

    Args:
        sources: files and directories.
        store: anything with `save_extraction` (a `Store`).
        settings: shared settings.
        published: publication date for plain-text files without a header.
        on_item: called after each document (the CLI's progress bar).

    Returns:
        Counts, failures and timing. Each document is saved in its own
        transaction, so an interrupted run leaves the store consistent, and
        re-running it changes nothing.
    """
    report = RunReport()
    started = time.perf_counter()
    for item in extract_corpus(sources, settings, published=published):
        if isinstance(item, InputFailure):
            report.failures.append(item)
        else:
            try:
                result = store.save_extraction(item)
            except DiplographError as exc:
                report.failures.append(InputFailure(source=item.article.source, reason=str(exc)))
            else:
                report.documents += 1
                report.events += len(item.events)
                report.mechanisms += len(item.mechanisms)
                if getattr(result, "unchanged", False):
                    report.unchanged += 1
        if on_item is not None:
            on_item(item)
    report.seconds = time.perf_counter() - started
    return report


def _component(registry: dict[str, C], name: str, what: str) -> C:
    "Return the component registered under `name`, or raise a ConfigError listing the known ones."
    try:
        return registry[name]
    except KeyError:
        raise ConfigError(f"unknown {what} {name!r}; available: {', '.join(sorted(registry))}") from None
