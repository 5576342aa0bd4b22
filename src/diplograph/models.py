"""The data model that every stage of diplograph shares.

Input: nothing. Output: frozen, slotted, keyword-only dataclasses that carry
a document from the file it was read from to the rows of the store:

    RawDocument ─► Article (sentences with offsets) ─► ActorMention, DateMention
                 ─► Event, Mechanism (each with Evidence) ─► Extraction

Why frozen dataclasses with evidence inside: every extracted fact must be
traceable to the sentence that states it, so `Evidence` (document id, quote,
character offsets into `Article.text`) is part of the type of an `Event` and
a `Mechanism` rather than a convention. Frozen objects can be shared between
stages (and processes) without defensive copies.

`to_dict()` methods produce exactly the JSON of the CLI contract
(`diplograph extract --json`), which later tooling depends on.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True, kw_only=True)
class RawDocument:
    """A document as read from its source, before cleaning.

    `id` is the document's identity: a record's own `id` when it gives one, else
    `doc_` and a hash of the text (`ingest.content_id`), so that the same article
    is the same document however it was reached (`corpus/a.txt`, `./a.txt`, a copy
    elsewhere) and two different articles never share an id because their files
    share a name. `label` is the readable name a person knows it by (the path
    relative to the directory given, `batch.jsonl#12`); `source` is the path as
    given, for messages.
    `published` is a partial ISO date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) or None.
    """

    id: str
    source: str
    text: str
    format: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    label: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Sentence:
    """A sentence of an article: `text == article.text[start:end]`."""

    index: int
    start: int
    end: int
    text: str


# A year as written in a story: "in 2023", "August 22, 2023" (not "2+2", not "1,500 troops").
_YEAR = re.compile(r"(?<![\d+])(?<!\d[,.])((?:19|20)\d\d)(?![\d%]|[,.]\d)")
# A year that names a line drawn then, "the borders of June 4, 1967", "the pre-1967 lines", tells no story's year.
_YEAR_OF_A_LINE = re.compile(
    r"(?:\b(?:borders?|lines?|boundar(?:y|ies))\s+of\s+(?:the\s+)?(?:[A-Z][a-z]+\s+\d{1,2},?\s+|\d{1,2}\s+[A-Z][a-z]+,?\s+)?"
    r"|\bpre-)(?:19|20)\d\d\b|\b(?:19|20)\d\d\s+(?:borders|lines|boundaries)\b"
)


@functools.lru_cache(maxsize=64)
def _story_year(text: str) -> str | None:
    "Return the year a text writes most often (the latest of a tie), up to this year, or None."
    this_year = dt.date.today().year
    years = [int(y) for y in _YEAR.findall(_YEAR_OF_A_LINE.sub(" ", text)) if 1950 <= int(y) <= this_year]
    if not years:
        return None
    counts = {y: years.count(y) for y in set(years)}
    return str(max(counts, key=lambda y: (counts[y], y)))


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    """A cleaned document: normalised text split into sentences with offsets."""

    id: str
    source: str
    text: str
    sentences: tuple[Sentence, ...]
    title: str | None = None
    url: str | None = None
    published: str | None = None
    label: str | None = None

    @property
    def published_date(self) -> dt.date | None:
        """The publication date as a date, filling a missing month or day with 1."""
        return parse_partial_date(self.published)

    @property
    def story_date(self) -> str | None:
        """The date memberships are read on: the publication date, else the story's year.

        Why: nearly half the pages analysts collect carry no date, and "the BRICS summit opened in
        Johannesburg" in a report that speaks of 2023 is a summit of BRICS's five members of 2023,
        not of today's ten. The year written most often in the text (the latest of a tie), not
        later than today, stands in for the missing date; none, and today's members are meant.
        Only membership reads this: relative dates and tenses still wait for a real date.
        """
        return self.published or _story_year(self.text)

    def sentence_at(self, offset: int) -> Sentence | None:
        """Return the sentence containing character `offset`, if any."""
        for sentence in self.sentences:
            if sentence.start <= offset < sentence.end:
                return sentence
        return None

    def info(self) -> dict[str, Any]:
        """Return the document's metadata as in the CLI contract's `documents` list."""
        return {
            "id": self.id,
            "label": self.label,
            "source": self.source,
            "url": self.url,
            "title": self.title,
            "published": self.published,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Evidence:
    """Where a fact is stated: `quote == article.text[start:end]` in document `document`."""

    document: str
    quote: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"document": self.document, "quote": self.quote, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True, kw_only=True)
class ActorMention:
    """A state, grouping, organisation, person or place named in an article.

    - state: `code` is ISO 3166-1 alpha-3; `via` says how it was named
      (name, abbreviation, demonym, capital).
    - grouping: `code` is the grouping id; `members` are the ISO3 codes the
      text means when it uses the grouping for its states.
    - organisation: `code` is the organisation id; never a party.
    - person: `name` is the canonical name, `country` and `role` as known.
    - place: `name` is the city, `country` its ISO3 code.
    """

    type: str
    text: str
    start: int
    end: int
    sentence: int
    name: str
    code: str | None = None
    country: str | None = None
    role: str | None = None
    via: str = "name"
    members: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class DateMention:
    """A date expression and the calendar date(s) it resolves to.

    `date`/`date_end` are partial ISO strings whose length is their precision;
    both are None when the expression could not be anchored (never a guess).
    `dateline` marks the date of a wire dateline ("JAKARTA, June 10 (Reuters) -"): the day
    the report was filed, which is an event's date only when nothing else dates it.
    """

    text: str
    start: int
    end: int
    sentence: int
    date: str | None
    date_end: str | None = None
    relative: bool = False
    dateline: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class Location:
    """Where an event took place: a city (may be None) and its country (ISO3)."""

    city: str | None
    country: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"city": self.city, "country": self.country}


@dataclass(frozen=True, slots=True, kw_only=True)
class Person:
    """A participant in an event, with their country (ISO3) and role."""

    name: str
    country: str | None
    role: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country, "role": self.role}


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    """A diplomatic event reported by one or more documents.

    `kind` and `status` take values of `vocab.EventKind` / `vocab.EventStatus`;
    `parties` are sorted ISO3 codes of every state taking part; `mechanism` is
    the id of the standing mechanism this event is a session of, if any.
    `conflicts` lists attribute disagreements between sources kept by the store
    (e.g. two different dates), so reconciliation never silently drops one.
    """

    id: str
    kind: str
    status: str
    parties: tuple[str, ...]
    date: str | None = None
    date_end: str | None = None
    location: Location | None = None
    ordinal: int | None = None
    people: tuple[Person, ...] = ()
    topics: tuple[str, ...] = ()
    mechanism: str | None = None
    confidence: float = 0.5
    sources: tuple[Evidence, ...] = ()
    conflicts: tuple[dict[str, Any], ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        """Return the event as in the CLI contract (`conflicts` only when there are any)."""
        out: dict[str, Any] = {
            "id": self.id,
            "kind": self.kind,
            "status": self.status,
            "parties": list(self.parties),
            "date": self.date,
            "date_end": self.date_end,
            "location": self.location.to_dict() if self.location else None,
            "ordinal": self.ordinal,
            "people": [p.to_dict() for p in self.people],
            "topics": list(self.topics),
            "mechanism": self.mechanism,
            "confidence": round(self.confidence, 3),
            "sources": [s.to_dict() for s in self.sources],
        }
        if self.conflicts:
            out["conflicts"] = [dict(c) for c in self.conflicts]
        return out


@dataclass(frozen=True, slots=True, kw_only=True)
class Mechanism:
    """A standing format (a recurring dialogue, meeting series, exercise...).

    `status` takes values of `vocab.MechanismStatus`; `name` is the official
    name when the text gives one.
    """

    id: str
    kind: str
    status: str
    parties: tuple[str, ...]
    name: str | None = None
    confidence: float = 0.5
    sources: tuple[Evidence, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "status": self.status,
            "parties": list(self.parties),
            "name": self.name,
            "confidence": round(self.confidence, 3),
            "sources": [s.to_dict() for s in self.sources],
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Extraction:
    """Everything extracted from one article."""

    article: Article
    events: tuple[Event, ...] = ()
    mechanisms: tuple[Mechanism, ...] = ()
    actors: tuple[ActorMention, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class InputFailure:
    """A source that could not be read or processed, and why."""

    source: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "reason": self.reason}


@dataclass(slots=True, kw_only=True)
class RunReport:
    """What a run over a corpus did: counts, failures and timing.

    Mutable on purpose: the pipeline fills it as documents stream through.
    """

    documents: int = 0
    skipped: int = 0
    unchanged: int = 0
    events: int = 0
    mechanisms: int = 0
    failures: list[InputFailure] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def exit_code(self) -> int:
        """0 when everything was processed, 1 when some sources failed, 3 when none succeeded."""
        if not self.failures:
            return 0
        return 3 if self.documents == 0 else 1

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "unchanged": self.unchanged,
            "events": self.events,
            "mechanisms": self.mechanisms,
            "failures": [f.to_dict() for f in self.failures],
            "seconds": round(self.seconds, 3),
        }


def parse_partial_date(value: str | None) -> dt.date | None:
    """Return a date for a partial ISO string (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`), or None.

    A missing month or day is taken as the first, which is what anchoring
    relative expressions on a month-precision publication date needs.
    """
    if not value:
        return None
    parts = value.split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else 1
        day = int(parts[2]) if len(parts) > 2 else 1
        return dt.date(year, month, day)
    except (ValueError, IndexError):
        return None
