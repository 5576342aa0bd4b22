"""diplograph: a sourced, queryable knowledge base of diplomatic events and standing mechanisms.

The data's journey, one folder per stage (imports flow right to left only):

    files ─► extract/ ─► store/ ─► analysis/, evaluation/ ─► outputs/, watch/ ─► web/, cli/
             ingest ─► clean ─► actors ─► dates ─► events   (`extract.pipeline` chains them)
             RawDocument Article ActorMention DateMention Extraction

The data model every stage shares (`models`), its vocabularies (`vocab`), errors and
settings sit here at the root; this module is the public API.

>>> from diplograph import extract_text
>>> x = extract_text("China and Cambodia held their first 2+2 dialogue in Phnom Penh on Tuesday.",
...                  published="2026-04-22")
>>> [(e.kind, str(e.status), e.parties, e.date) for e in x.events]
[('2+2 dialogue', 'occurred', ('CHN', 'KHM'), '2026-04-21')]
"""

from __future__ import annotations

from diplograph.errors import (
    ConfigError,
    DiplographError,
    EmptyDocument,
    InputError,
    InputTooLarge,
    InvalidQuery,
    ModelUnavailable,
    NotFound,
    ReferenceDataError,
    SchemaMismatch,
    StoreError,
    UnsupportedFormat,
)
from diplograph.extract.pipeline import extract_corpus, process_corpus, process_document
from diplograph.models import (
    ActorMention,
    Article,
    DateMention,
    Event,
    Evidence,
    Extraction,
    InputFailure,
    Location,
    Mechanism,
    Person,
    RawDocument,
    RunReport,
    Sentence,
)
from diplograph.settings import Settings, load_settings
from diplograph.store import Store


def extract_text(
    text: str, *, published: str | None = None, title: str | None = None, id: str | None = None
) -> Extraction:
    """Return the events and mechanisms of one article given as a string.

    Args:
        text: the article's text.
        published: its publication date (`YYYY[-MM[-DD]]`), which anchors relative dates.
        title: its headline, if known.
        id: a document id (derived from the text when None).
    """
    from diplograph.extract.ingest import read_text

    return process_document(read_text(text, id=id, title=title, published=published))


__all__ = [
    "ActorMention",
    "Article",
    "ConfigError",
    "DateMention",
    "DiplographError",
    "EmptyDocument",
    "Event",
    "Evidence",
    "Extraction",
    "InputError",
    "InputFailure",
    "InputTooLarge",
    "InvalidQuery",
    "Location",
    "Mechanism",
    "ModelUnavailable",
    "NotFound",
    "Person",
    "RawDocument",
    "ReferenceDataError",
    "RunReport",
    "SchemaMismatch",
    "Sentence",
    "Settings",
    "Store",
    "StoreError",
    "UnsupportedFormat",
    "extract_corpus",
    "extract_text",
    "load_settings",
    "process_corpus",
    "process_document",
]
