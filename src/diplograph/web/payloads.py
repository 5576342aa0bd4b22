"""The request and response models of the web API: what the OpenAPI document says.

Input: nothing. Output: pydantic models of every JSON body the API reads or answers,
the types of the path and query parameters the routes share (the `Literal` types of the
controlled vocabularies, ISO3 codes, dates, pages), the error responses a route lists,
and the conversions of the library's `Event` and `Mechanism` into their API form.

Why apart from the routes (`reads.py`, `analyses.py`, `writes.py`): the
routes read better without two hundred lines of field lists, and these models are the
contract a client (or the schema-driven fuzzer) relies on, so they are kept together
where a change to one shows next to the others.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from fastapi import Path as PathParam
from fastapi import Query
from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from diplograph.models import Event, Mechanism
from diplograph.store import EVENT_SORTS, REVIEW_FILTERS, REVIEW_STATES
from diplograph.vocab import EVENT_KINDS, EVENT_STATUSES, MECHANISM_STATUSES, TOPICS

MAX_PAGE = 500  # rows per page of a list endpoint

EventKindParam = Literal[EVENT_KINDS]  # type: ignore[valid-type]
EventStatusParam = Literal[EVENT_STATUSES]  # type: ignore[valid-type]
MechanismStatusParam = Literal[MECHANISM_STATUSES]  # type: ignore[valid-type]
TopicParam = Literal[TOPICS]  # type: ignore[valid-type]
ReviewFilterParam = Literal[REVIEW_FILTERS]  # type: ignore[valid-type]
ReviewStateParam = Literal[REVIEW_STATES]  # type: ignore[valid-type]
SortParam = Literal[EVENT_SORTS]  # type: ignore[valid-type]
ISO_DATE = r"^[12]\d{3}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"
PUBLISHED = (
    r"^(unknown|[12]\d{3}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01])"
    r"([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?)$"
)

# ── the characters a body's strings may hold ──

# PostgreSQL cannot store a NUL, UTF-8 cannot encode a lone surrogate, and no id, name or URL holds
# a control character; article text keeps its tabs and line breaks (\t \n \r).
_NOT_IN_A_LINE = re.compile(r"[\x00-\x1f\x7f\ud800-\udfff]")
_NOT_IN_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")


def character_problem(value: str, *, text: bool = False) -> str | None:
    """Return why `value` cannot be taken (the first forbidden character), or None when it can.

    Args:
        value: a string of a request body.
        text: True for article text, which may hold tabs and line breaks.
    """
    found = (_NOT_IN_TEXT if text else _NOT_IN_A_LINE).search(value)
    if found is None:
        return None
    return (
        f"holds the character U+{ord(found.group()):04X} at {found.start()} (a NUL, another control "
        "character or a lone surrogate); remove it"
    )


def _line(value: str) -> str:
    problem = character_problem(value)
    if problem:
        raise ValueError(problem)
    return value


def _text(value: str) -> str:
    problem = character_problem(value, text=True)
    if problem:
        raise ValueError(problem)
    return value


Line = Annotated[str, AfterValidator(_line)]  # ids, names, URLs, dates: no control character at all
Text = Annotated[str, AfterValidator(_text)]  # article text and titles: tabs and line breaks allowed

# ── path and query parameters the routes share ──

Code = Annotated[str, PathParam(pattern=r"^[A-Za-z]{3}$", description="ISO3 code of a state, e.g. CHN")]
PartyList = Annotated[
    list[Annotated[str, Field(pattern=r"^[A-Za-z]{3}$")]],
    Query(description="ISO3 code of a party; repeat for several (all must take part)."),
]
DateParam = Annotated[
    str | None, Query(max_length=10, pattern=ISO_DATE, description="YYYY, YYYY-MM or YYYY-MM-DD")
]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE)]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]

# ── response and request models (the OpenAPI document is built from them) ──


class ErrorOut(BaseModel):
    """Every error: the error class (NotFound, InvalidQuery, Unauthorized…) and what to do."""

    error: str
    message: str


class EvidenceOut(BaseModel):
    document: str
    quote: str
    start: int
    end: int


class LocationModel(BaseModel):
    model_config = ConfigDict(extra="forbid")

    city: Line | None = Field(default=None, max_length=200)
    country: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")


class PersonOut(BaseModel):
    name: str
    country: str | None = None
    role: str | None = None


class ReviewOut(BaseModel):
    event_id: str
    state: str
    fields: dict[str, Any]
    reviewer: str
    reviewed_at: str


class EventOut(BaseModel):
    id: str
    kind: str
    status: str
    parties: list[str]
    date: str | None
    date_end: str | None
    location: LocationModel | None
    ordinal: int | None
    people: list[PersonOut]
    topics: list[str]
    mechanism: str | None
    confidence: float
    sources: list[EvidenceOut]
    conflicts: list[dict[str, Any]]
    review: ReviewOut | None = None


class EventPage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[EventOut]


class MechanismOut(BaseModel):
    id: str
    kind: str
    status: str
    parties: list[str]
    name: str | None
    confidence: float
    sources: list[EvidenceOut]


class MechanismDetail(BaseModel):
    mechanism: MechanismOut
    sessions: list[EventOut]


class SourceOut(BaseModel):
    """One source of an event: the evidence and the document it is in."""

    document: str
    title: str | None
    url: str | None
    published: str | None
    quote: str
    start: int
    end: int


class LogEntryOut(BaseModel):
    id: int
    event_id: str
    action: str
    before: dict[str, Any]
    after: dict[str, Any]
    reviewer: str
    at: str


class EventDetail(BaseModel):
    event: EventOut
    sources: list[SourceOut]
    mechanism: MechanismOut | None
    sessions: list[EventOut]
    log: list[LogEntryOut]


class DocumentSummary(BaseModel):
    id: str
    label: str | None = Field(
        default=None, description="What a person calls it: the file's path as ingested."
    )
    source: str
    url: str | None
    title: str | None
    published: str | None
    content_hash: str
    versions: dict[str, Any] | None


class DocumentPage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[DocumentSummary]


class DocumentOut(DocumentSummary):
    text: str
    events: list[str]
    mechanisms: list[str]


class ActorOut(BaseModel):
    id: str
    type: str
    code: str | None
    name: str
    country: str | None
    role: str | None
    members: list[str] | None
    mentions: int


class StatsOut(BaseModel):
    counts: dict[str, int]
    reviews: int
    hub: str | None


class ReviewFields(BaseModel):
    """The attributes an analyst may override; leave a field out to keep the extracted value."""

    model_config = ConfigDict(extra="forbid")

    kind: EventKindParam | None = None
    status: EventStatusParam | None = None
    parties: list[Annotated[str, Field(pattern=r"^[A-Z]{3}$")]] | None = Field(default=None, min_length=1)
    date: str | None = Field(default=None, max_length=10, pattern=ISO_DATE)
    date_end: str | None = Field(default=None, max_length=10, pattern=ISO_DATE)
    location: LocationModel | None = None
    ordinal: int | None = Field(default=None, ge=1, le=1000)
    topics: list[TopicParam] | None = None

    def overrides(self) -> dict[str, Any]:
        """Return the fields the client set; a null kind, status, parties or topics keeps the extracted value."""
        keep_if_null = ("kind", "status", "parties", "topics")
        return {
            name: value
            for name, value in self.model_dump(exclude_unset=True).items()
            if value is not None or name not in keep_if_null
        }


class ReviewIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    action: Literal["confirm", "reject", "edit"]
    reviewer: Line = Field(min_length=1, max_length=200)
    fields: ReviewFields = Field(default_factory=ReviewFields)


class TextIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: Text = Field(min_length=1)
    published: Line | None = Field(default=None, max_length=32, pattern=PUBLISHED)
    title: Text | None = Field(default=None, max_length=1000)


class DocumentIn(TextIn):
    id: Line | None = Field(default=None, min_length=1, max_length=300)
    url: Line | None = Field(default=None, max_length=2000)


class IngestIn(BaseModel):
    """Documents as JSON objects, or JSON Lines records (one object per line, as `diplograph ingest` reads)."""

    model_config = ConfigDict(extra="forbid")

    documents: list[DocumentIn] = Field(default_factory=list, max_length=1000)
    jsonl: Text | None = None
    replace: bool = Field(
        default=False,
        description="A document whose id is stored with a different text replaces it "
        "(default: that document is a failure and the stored one stays).",
    )


class ExtractOut(BaseModel):
    document: dict[str, Any]
    events: list[EventOut]
    mechanisms: list[MechanismOut]


class SavedOut(BaseModel):
    document: str
    status: str
    events: list[str]


class FailureOut(BaseModel):
    source: str
    reason: str


class IngestOut(BaseModel):
    documents: int
    events: int
    mechanisms: int
    unchanged: int
    saved: list[SavedOut]
    failures: list[FailureOut]


def error_responses(*codes: int) -> dict[int | str, dict[str, Any]]:
    """Return the `responses=` of a route that can answer these error codes (in this order)."""
    descriptions = {
        400: "Invalid query or body (InvalidQuery)",
        401: "Missing bearer token (Unauthorized)",
        403: "Wrong token, or writes not enabled (Forbidden)",
        404: "No such record (NotFound)",
        413: "Body over the size limit (InputTooLarge)",
        415: "Unsupported input format",
    }
    return {code: {"model": ErrorOut, "description": descriptions[code]} for code in codes}


# ── conversions ──


def event_out(event: Event, review: dict[str, Any] | None = None) -> EventOut:
    """Return the API form of an event (the CLI contract, plus its review)."""
    data = event.to_dict()
    data["conflicts"] = [dict(c) for c in event.conflicts]
    data["review"] = review
    return EventOut.model_validate(data)


def mechanism_out(mechanism: Mechanism) -> MechanismOut:
    """Return the API form of a mechanism."""
    return MechanismOut.model_validate(mechanism.to_dict())
