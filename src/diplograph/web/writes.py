"""The web API's writes: extract (without storing), ingest and review.

Input: posted text, documents or JSON Lines records, and analysts' verdicts on events.
Output: `extract_router(read_codes)` (extract) and `router` (ingest, review), the POST
routes, which run the same pipeline as `diplograph ingest` (`pipeline.process_document`,
`ingest_document`) and the store's `review_event`.

Why extract counts as a read: it stores nothing, so it is exactly as open as the reads
(open, or the token with `--closed-reads`); anything that changes the store needs the
operator's token, and clears the analyses' cache so the next read sees the change.

Why extract is bounded (`ApiState.max_extract_chars`, 413 beyond) and runs one at a time:
extraction is pure-Python work proportional to the text, which holds the interpreter
while it runs. Measured on the development machine (issue 11, 2 shared cores): 100,000
characters of the costliest text tried (one endless sentence naming many states) take
about 2.6 s and answer at most 0.4 MB; 990 kB took 28–39 s and answered 8.5 MB. One at a
time, a burst of extractions waits in line on the event loop instead of starving readers.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Any

import anyio
from fastapi import APIRouter, Depends
from fastapi import Path as PathParam

from diplograph.errors import DocumentConflict, InputError
from diplograph.extract.ingest import read_jsonl_text, read_text
from diplograph.extract.pipeline import ingest_document, process_document
from diplograph.models import Extraction, InputFailure, RawDocument
from diplograph.web.edge import jsonl_problem
from diplograph.web.payloads import (
    EventDetail,
    ExtractOut,
    FailureOut,
    IngestIn,
    IngestOut,
    ReviewIn,
    SavedOut,
    TextIn,
    character_problem,
    error_responses,
    event_out,
    mechanism_out,
)
from diplograph.web.reads import event_detail
from diplograph.web.state import ApiError, ApiState, State, authorize_read, authorize_write

# A JSON Lines record's one-line fields; every other string is text (tabs and line breaks allowed).
_LINE_FIELDS = ("id", "url", "published")


router = APIRouter()


def extract_router(read_codes: Sequence[int]) -> APIRouter:
    """Return the extract route, which answers `read_codes` too (401 and 403 when reads are closed)."""
    reads = APIRouter()
    reads.add_api_route(
        "/api/extract",
        extract,
        methods=["POST"],
        response_model=ExtractOut,
        dependencies=[Depends(authorize_read)],
        responses=error_responses(400, *read_codes, 413),
    )
    return reads


async def extract(state: State, body: TextIn) -> ExtractOut:
    """Extract events and mechanisms from posted text without storing anything (a read: open like the reads)."""
    if len(body.text) > state.max_extract_chars:
        raise ApiError(
            413,
            "InputTooLarge",
            f"the text is {len(body.text):,} characters; /api/extract takes at most "
            f"{state.max_extract_chars:,} (one long article); split it, or use `diplograph extract`",
        )
    extraction = await anyio.to_thread.run_sync(_extract, state, body, limiter=state.extracting)
    return ExtractOut(
        document=extraction.article.info(),
        events=[event_out(e) for e in extraction.events],
        mechanisms=[mechanism_out(m) for m in extraction.mechanisms],
    )


def _extract(state: ApiState, body: TextIn) -> Extraction:
    "Run the pipeline on the posted text (in a worker thread)."
    return process_document(read_text(body.text, title=body.title, published=body.published), state.settings)


@router.post(
    "/api/ingest",
    response_model=IngestOut,
    dependencies=[Depends(authorize_write)],
    responses=error_responses(400, 401, 403, 413),
)
def ingest(state: State, body: IngestIn) -> IngestOut:
    """Extract and store documents (JSON objects, or JSON Lines records); each is saved on its own.

    The same identity rules as `diplograph ingest`: a document's id is its own `id`, else a
    hash of its URL and text; a document stored from the same input is `unchanged` (not
    extracted again); another text under a stored id is a failure unless `replace`.
    """
    problem = jsonl_problem(body.jsonl or "", _record_problem)
    if problem:
        raise ApiError(400, "InvalidQuery", problem)
    out = IngestOut(documents=0, events=0, mechanisms=0, unchanged=0, saved=[], failures=[])
    items: list[RawDocument | InputFailure] = [_request_document(item) for item in body.documents]
    if (body.jsonl or "").strip():
        items.extend(read_jsonl_text(body.jsonl or "", state.settings, name="jsonl"))
    try:
        for item in items:
            _ingest_one(state, item, out, replace=body.replace)
    finally:
        state.cache.clear()
    return out


@router.post(
    "/api/events/{event_id}/review",
    response_model=EventDetail,
    dependencies=[Depends(authorize_write)],
    responses=error_responses(400, 401, 403, 404, 413),
)
def review(state: State, event_id: Annotated[str, PathParam(max_length=64)], body: ReviewIn) -> EventDetail:
    """Confirm, reject or edit an event; the review outlives re-extraction and is logged."""
    state.store.review_event(
        event_id,
        action=body.action,
        fields=body.fields.overrides(),
        reviewer=body.reviewer,
    )
    state.cache.clear()
    return event_detail(state.store, event_id)


def _record_problem(field: str, value: str) -> str | None:
    "Why a string of a JSON Lines record cannot be taken (as the same field of a JSON document), or None."
    return character_problem(value, text=field not in _LINE_FIELDS)


def _request_document(item: Any) -> RawDocument | InputFailure:
    "Return the document of one JSON object of a request, or the failure that prevents it."
    try:
        return read_text(item.text, id=item.id, title=item.title, url=item.url, published=item.published)
    except InputError as exc:
        return InputFailure(source=item.id or "<text>", reason=exc.reason)


def _ingest_one(state: ApiState, item: RawDocument | InputFailure, out: IngestOut, *, replace: bool) -> None:
    "Save one document of a request (or note why not) and count it in `out`."
    if isinstance(item, InputFailure):
        out.failures.append(FailureOut(source=item.source, reason=item.reason))
        return
    try:
        result = ingest_document(item, state.store, state.settings, replace=replace)
    except (InputError, DocumentConflict) as exc:
        out.failures.append(FailureOut(source=item.label or item.id, reason=getattr(exc, "reason", str(exc))))
        return
    out.documents += 1
    out.unchanged += result.unchanged
    out.events += len(result.events)
    out.mechanisms += len(result.mechanisms)
    out.saved.append(SavedOut(document=result.document, status=result.status, events=list(result.events)))


__all__ = ["extract_router", "router"]
