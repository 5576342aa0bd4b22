"""Reference knowledge as a labelled source: the shipped tables, saved like articles.

Input: the rows of `data/mechanisms.csv` (standing 2+2 dialogues, ministerial
meetings, summits and exercises, each with its first meeting, whether it has a
secretariat, and a source note) and `data/borders.csv` (land borders).
Output: for each mechanism row, a document `reference:mechanisms:<id>` with
`source="reference"` whose text is a generated sentence per fact, and an
`Extraction` built from the row with no NLP: the mechanism (existing), its
first session as an occurred event, and an occurred "institution established"
event when the row says the format has a secretariat. Every fact cites the
generated sentence that states it (`quote == text[start:end]`).

Why reference facts go through `Store.save_extraction` like any article: the
store then reconciles them with the article reports of the same meeting (the
first China–Indonesia 2+2 is one event with two kinds of source), re-running
changes nothing, and every analysis can keep or drop them by their document
ids (`is_reference_document`; `graph.Filters(include_reference=False)`).

Why the document's `published` date is the date of the fact (the first
meeting), not the date the table was compiled: time-sliced analyses and the
forecast backtest hide documents published after a cutoff, and a reference
row is knowledge of the fact from the day it happened.

Secretariat dates: the table has no column for them; a row's `source` note
may say "secretariat established <date>", and the event is dated from it
(undated otherwise, which the ladder reads as "reached, date unknown").
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from diplograph.errors import ReferenceDataError
from diplograph.extract.gazetteer import Gazetteer, default_data_dir, load_gazetteer
from diplograph.models import Article, Event, Evidence, Extraction, Mechanism, Sentence
from diplograph.store import Store
from diplograph.vocab import EVENT_KINDS, EventKind, EventStatus, MechanismStatus

REFERENCE_SOURCE = "reference"
REFERENCE_PREFIX = "reference:"
# Facts compiled from official sources are near-certain; an extracted report scores lower.
REFERENCE_CONFIDENCE = 0.95

_SECRETARIAT_DATE = re.compile(r"secretariat established (\d{4}(?:-\d{2}(?:-\d{2})?)?)", re.IGNORECASE)


def is_reference_document(document_id: str) -> bool:
    """True when a document id names a reference row (`reference:<file>:<row id>`), not an article."""
    return document_id.startswith(REFERENCE_PREFIX)


def reference_document_id(file: str, row_id: str) -> str:
    """Return the document id of a row of a reference file (`reference:mechanisms:ausmin`)."""
    return f"{REFERENCE_PREFIX}{Path(file).stem}:{row_id}"


@dataclass(frozen=True, slots=True)
class ReferenceRow:
    """What one reference document did when it was saved."""

    document: str
    status: str
    events: tuple[str, ...]
    mechanisms: tuple[str, ...]
    merged: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "document": self.document,
            "status": self.status,
            "events": list(self.events),
            "mechanisms": list(self.mechanisms),
            "merged": self.merged,
        }


@dataclass(frozen=True, slots=True)
class ReferenceReport:
    """What `load_reference` saved: one entry per row, and the rows it could not use (with why)."""

    rows: tuple[ReferenceRow, ...] = ()
    skipped: tuple[tuple[str, str], ...] = field(default=())

    def count(self, status: str) -> int:
        """How many documents were `created`, `replaced` or `unchanged`."""
        return sum(1 for r in self.rows if r.status == status)

    @property
    def events(self) -> int:
        return sum(len(r.events) for r in self.rows)

    @property
    def merged(self) -> int:
        """Reference events that joined an event already reported by an article (or another row)."""
        return sum(r.merged for r in self.rows)

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": len(self.rows),
            "created": self.count("created"),
            "replaced": self.count("replaced"),
            "unchanged": self.count("unchanged"),
            "events": self.events,
            "merged": self.merged,
            "skipped": [{"row": row, "reason": reason} for row, reason in self.skipped],
            "rows": [r.to_dict() for r in self.rows],
        }


# ── reading the tables ───────────────────────────────────────────────────────


def _read_csv(path: Path, columns: Sequence[str]) -> list[dict[str, str]]:
    "Read a reference CSV, checking that it has the columns we use."
    if not path.exists():
        raise ReferenceDataError(f"{path.name} not found", source=str(path))
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in columns if c not in (reader.fieldnames or ())]
        if missing:
            raise ReferenceDataError(f"missing columns {missing}", source=path.name)
        return [{k: (v or "").strip() for k, v in row.items()} for row in reader]


def mechanism_rows(data_dir: str | Path | None = None) -> list[dict[str, str]]:
    """Return the rows of `mechanisms.csv` (with their source notes, which the gazetteer does not keep)."""
    data = Path(data_dir) if data_dir is not None else default_data_dir()
    return _read_csv(data / "mechanisms.csv", ("id", "name", "kind", "parties", "first_meeting", "source"))


def land_borders(data_dir: str | Path | None = None) -> frozenset[tuple[str, str]]:
    """Return the pairs of states (sorted ISO3 codes) that share a land border, from `borders.csv`."""
    if data_dir is None:
        return _shipped_borders()
    return _read_borders(Path(data_dir))


@cache
def _shipped_borders() -> frozenset[tuple[str, str]]:
    return _read_borders(default_data_dir())


def _read_borders(data: Path) -> frozenset[tuple[str, str]]:
    rows = _read_csv(data / "borders.csv", ("a", "b", "source"))
    out: set[tuple[str, str]] = set()
    for line, row in enumerate(rows, start=2):
        a, b = row["a"], row["b"]
        if not (a < b):
            raise ReferenceDataError(
                f"border {a}-{b}: codes must be sorted (a < b)", source="borders.csv", line=line
            )
        out.add((a, b))
    return frozenset(out)


# ── one row → one document and its extraction ────────────────────────────────


class _Text:
    "Builds a document one sentence at a time, remembering each sentence's offsets."

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.sentences: list[Sentence] = []
        self.length = 0

    def add(self, sentence: str) -> Sentence:
        if self.parts:
            self.parts.append(" ")
            self.length += 1
        start = self.length
        self.parts.append(sentence)
        self.length += len(sentence)
        made = Sentence(index=len(self.sentences), start=start, end=self.length, text=sentence)
        self.sentences.append(made)
        return made

    @property
    def text(self) -> str:
        return "".join(self.parts)


def _evidence(document: str, sentence: Sentence) -> tuple[Evidence, ...]:
    return (Evidence(document=document, quote=sentence.text, start=sentence.start, end=sentence.end),)


def _state_list(codes: Sequence[str], gaz: Gazetteer) -> str:
    names = [gaz.states[c].name for c in codes]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def mechanism_extraction(row: dict[str, str], gaz: Gazetteer | None = None) -> Extraction:
    """Return the document and extraction that state the facts of one `mechanisms.csv` row.

    Raises:
        ReferenceDataError: the row has an unknown kind or state code, or fewer than two parties.
    """
    gaz = gaz or load_gazetteer()
    row_id, kind = row["id"], row["kind"]
    if kind not in EVENT_KINDS:
        raise ReferenceDataError(f"row {row_id}: unknown kind {kind!r}", source="mechanisms.csv")
    parties = tuple(sorted({p for p in row["parties"].split("|") if p}))
    unknown = [p for p in parties if p not in gaz.states]
    if unknown:
        raise ReferenceDataError(f"row {row_id}: unknown state codes {unknown}", source="mechanisms.csv")
    if len(parties) < 2:
        raise ReferenceDataError(
            f"row {row_id}: one party only (a multinational exercise hosted by one state); nothing bilateral to state",
            source="mechanisms.csv",
        )
    document = reference_document_id("mechanisms.csv", row_id)
    first, note = row["first_meeting"] or None, row["source"] or "not recorded"
    text = _Text()
    said_mechanism = text.add(f"{row['name']} is a standing {kind} of {_state_list(parties, gaz)}.")
    mechanism = Mechanism(
        id="m1",
        kind=kind,
        status=MechanismStatus.EXISTING,
        parties=parties,
        name=row["name"],
        confidence=REFERENCE_CONFIDENCE,
        sources=_evidence(document, said_mechanism),
    )
    events: list[Event] = []
    if first:
        said_first = text.add(f"Its first session was held {'on' if len(first) == 10 else 'in'} {first}.")
        events.append(
            Event(
                id="e1",
                kind=kind,
                status=EventStatus.OCCURRED,
                parties=parties,
                date=first,
                ordinal=1,
                mechanism="m1",
                confidence=REFERENCE_CONFIDENCE,
                sources=_evidence(document, said_first),
            )
        )
    if row.get("secretariat") == "yes":
        founded = _SECRETARIAT_DATE.search(note)
        when = founded.group(1) if founded else None
        said_body = text.add(
            f"It has a permanent secretariat, established {'on' if len(when) == 10 else 'in'} {when}."
            if when
            else "It has a permanent secretariat (founding date not recorded)."
        )
        events.append(
            Event(
                id="e2",
                kind=EventKind.INSTITUTION,
                status=EventStatus.OCCURRED,
                parties=parties,
                date=when,
                confidence=REFERENCE_CONFIDENCE,
                sources=_evidence(document, said_body),
            )
        )
    text.add(f"Source: {note}.")
    article = Article(
        id=document,
        source=REFERENCE_SOURCE,
        text=text.text,
        sentences=tuple(text.sentences),
        title=f"Reference: {row['name']}",
        published=first,
    )
    return Extraction(article=article, events=tuple(events), mechanisms=(mechanism,))


def reference_extractions(
    data_dir: str | Path | None = None,
) -> tuple[list[Extraction], list[tuple[str, str]]]:
    """Return the extraction of every usable reference row, and (row id, reason) for the rows left out."""
    gaz = load_gazetteer(data_dir)
    out: list[Extraction] = []
    skipped: list[tuple[str, str]] = []
    for row in mechanism_rows(data_dir):
        try:
            out.append(mechanism_extraction(row, gaz))
        except ReferenceDataError as exc:
            skipped.append((row["id"], str(exc)))
    return out, skipped


def load_reference(store: Store, data_dir: str | Path | None = None) -> ReferenceReport:
    """Save every reference row as a labelled document; re-running changes nothing.

    Args:
        store: the store to load into.
        data_dir: a directory with `mechanisms.csv` and `states.csv` (the shipped data by default).

    Raises:
        ReferenceDataError: a reference file is missing or malformed.
        StoreError: the store refused a write (the rows saved before it stay saved).
    """
    extractions, skipped = reference_extractions(data_dir)
    return ReferenceReport(rows=tuple(_saved(store, extractions)), skipped=tuple(skipped))


def _saved(store: Store, extractions: Iterable[Extraction]) -> Iterable[ReferenceRow]:
    for extraction in extractions:
        result = store.save_extraction(extraction, replace=True)  # our own rows: an edit replaces
        yield ReferenceRow(
            document=result.document,
            status=result.status,
            events=result.events,
            mechanisms=result.mechanisms,
            merged=result.merged,
        )
