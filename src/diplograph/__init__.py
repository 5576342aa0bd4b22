"""diplograph: a sourced, queryable knowledge base of diplomatic events and standing mechanisms.

The data's journey, one folder per stage (imports flow right to left only):

    files ─► extract/ ─► store/ ─► analysis/, evaluation/ ─► outputs/, watch/ ─► web/, cli/
             ingest ─► clean ─► actors ─► dates ─► events   (`extract.pipeline` chains them)
             RawDocument Article ActorMention DateMention Extraction

The data model every stage shares (`models`), its vocabularies (`vocab`), errors and
settings sit here at the root; this module is the public API. The names that need the
pipeline or the store (`Store`, `process_document`, `process_corpus`, `extract_corpus`)
are imported on first use, so that `import diplograph` stays light.

>>> from diplograph import extract_text
>>> x = extract_text("China and Cambodia held their first 2+2 dialogue in Phnom Penh on Tuesday.",
...                  published="2026-04-22")
>>> [(e.kind, str(e.status), e.parties, e.date) for e in x.events]
[('2+2 dialogue', 'occurred', ('CHN', 'KHM'), '2026-04-21')]
"""

from __future__ import annotations

import importlib as _importlib
import typing as _typing

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

if _typing.TYPE_CHECKING:
    from diplograph.extract.pipeline import extract_corpus, process_corpus, process_document
    from diplograph.store import Store

# Names whose modules pull in the heavy libraries (SQLAlchemy, trafilatura, numpy…): they are
# imported on first use (PEP 562), so that `import diplograph` and every CLI command that does
# not need them start in a fraction of a second. Name -> the module that defines it.
_LAZY = {
    "Store": "diplograph.store",
    "extract_corpus": "diplograph.extract.pipeline",
    "process_corpus": "diplograph.extract.pipeline",
    "process_document": "diplograph.extract.pipeline",
}


def __getattr__(name: str) -> object:
    "Import a heavy public name on first use, and keep it so the next use is a plain lookup."
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'diplograph' has no attribute {name!r}")
    value = getattr(_importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


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
    from diplograph.extract.pipeline import process_document

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
