"""Gold annotations: read and validate the corpus's hand-made gold files.

Input: a gold corpus directory (`CORPUS/articles/NAME.txt` + `CORPUS/gold/NAME.json`,
or `NAME.txt` beside `NAME.json`). Output: `GoldDocument`s whose events and
mechanisms use the same vocabularies and types as the extraction, so that
`evaluate` can compare them directly.

Why strict validation: a typo in a gold file (a kind outside the vocabulary,
an unsorted party list) silently changes every score computed from it; it is
reported with the file, the field and what to do.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

from diplograph.errors import InputError, ReferenceDataError
from diplograph.models import Event, Location, Mechanism, Person, parse_partial_date
from diplograph.vocab import (
    EVENT_KINDS,
    EVENT_STATUSES,
    MECHANISM_STATUSES,
    TOPICS,
)

logger = logging.getLogger(__name__)

# The corpus README's party rule: exact party sets, or a Jaccard overlap of at least
# 0.6 when either side has three or more states. Fixed by the corpus, not tuned.
_PARTIAL_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


# ── gold data ─────────────────────────────────────────────────────────────────


@dataclass(frozen=True, slots=True, kw_only=True)
class GoldEvent:
    """One annotated event of a gold file; `parties` are sorted ISO3 codes."""

    kind: str
    status: str
    parties: tuple[str, ...]
    date: str | None = None
    date_end: str | None = None
    location: Location | None = None
    ordinal: int | None = None
    people: tuple[Person, ...] = ()
    topics: tuple[str, ...] = ()
    evidence: str | None = None
    optional: bool = False

    def to_event(self, id: str) -> Event:
        """Return this gold event as an extracted `Event` (for self-checks and tests)."""
        return Event(
            id=id,
            kind=self.kind,
            status=self.status,
            parties=self.parties,
            date=self.date,
            date_end=self.date_end,
            location=self.location,
            ordinal=self.ordinal,
            people=self.people,
            topics=self.topics,
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class GoldMechanism:
    """One annotated standing mechanism of a gold file."""

    kind: str
    status: str
    parties: tuple[str, ...]
    name: str | None = None
    evidence: str | None = None
    optional: bool = False

    def to_mechanism(self, id: str) -> Mechanism:
        """Return this gold mechanism as an extracted `Mechanism`."""
        return Mechanism(id=id, kind=self.kind, status=self.status, parties=self.parties, name=self.name)


@dataclass(frozen=True, slots=True, kw_only=True)
class GoldDocument:
    """The gold annotation of one article; `doc` is the article's file name."""

    doc: str
    events: tuple[GoldEvent, ...] = ()
    mechanisms: tuple[GoldMechanism, ...] = ()
    source: str | None = None

    def as_predictions(self) -> tuple[list[Event], list[Mechanism]]:
        """Return every gold item (optional ones included) as extracted objects.

        Scoring a corpus against these must give F1 = 1.0: the self-check of the scorer.
        """
        events = [e.to_event(f"{self.doc}#events[{i}]") for i, e in enumerate(self.events)]
        mechanisms = [m.to_mechanism(f"{self.doc}#mechanisms[{i}]") for i, m in enumerate(self.mechanisms)]
        return events, mechanisms


def gold_layout(corpus_dir: str | Path) -> tuple[Path, Path]:
    """Return `(articles_dir, gold_dir)` for a corpus folder.

    Args:
        corpus_dir: either a folder holding `articles/` and `gold/`, or a flat folder
            with `NAME.json` beside each `NAME.txt`.

    Returns:
        The folder of the article files and the folder of the gold `*.json` files
        (the same folder for the flat layout).

    Raises:
        InputError: `corpus_dir` is not a folder.
    """
    root = Path(corpus_dir)
    if not root.is_dir():
        raise InputError(
            "not a folder; give one with articles/ and gold/, or one with NAME.json beside NAME.txt",
            source=str(root),
        )
    if (root / "gold").is_dir():
        return root / "articles", root / "gold"
    return root, root


def load_gold(corpus_dir: str | Path) -> dict[str, GoldDocument]:
    """Return the gold documents of a corpus, keyed by article file name (gold `doc`).

    Args:
        corpus_dir: a corpus folder in either layout (see `gold_layout`).

    Returns:
        One `GoldDocument` per gold file, keyed by its `doc` (e.g. `"name.txt"`).

    Raises:
        InputError: the folder does not exist or holds no gold `*.json` file.
        ReferenceDataError: a gold file is malformed; the message names the file and the field.
    """
    _, gold_dir = gold_layout(corpus_dir)
    paths = sorted(gold_dir.glob("*.json"))
    if not paths:
        raise InputError("no gold *.json files found; is this an annotated corpus?", source=str(gold_dir))
    documents: dict[str, GoldDocument] = {}
    for path in paths:
        document = read_gold_file(path)
        if document.doc in documents:
            raise ReferenceDataError(
                f'document "{document.doc}" is already annotated in {documents[document.doc].source}; '
                "keep one gold file per article",
                source=str(path),
            )
        documents[document.doc] = document
    return documents


def read_gold_file(path: str | Path) -> GoldDocument:
    """Return the gold document stored in one JSON file.

    A missing `doc` defaults to `NAME.txt` for `NAME.json`; missing `events` or
    `mechanisms` are empty lists.

    Raises:
        InputError: the file cannot be read.
        ReferenceDataError: the file is not valid JSON or does not follow the schema.
    """
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ReferenceDataError(
            f"not valid JSON: {exc.msg} (column {exc.colno})", source=str(path), line=exc.lineno
        ) from exc
    except UnicodeDecodeError as exc:
        raise ReferenceDataError("not UTF-8 text", source=str(path)) from exc
    except OSError as exc:
        raise InputError(f"cannot read gold file: {exc.strerror}", source=str(path)) from exc
    top = _Fields(data, "", str(path))
    return GoldDocument(
        doc=top.text("doc") or f"{path.stem}.txt",
        events=tuple(_parse_event(fields) for fields in top.objects("events")),
        mechanisms=tuple(_parse_mechanism(fields) for fields in top.objects("mechanisms")),
        source=str(path),
    )


class _Fields:
    """Checked access to one JSON object of a gold file; errors name the file and the field."""

    def __init__(self, value: Any, where: str, source: str) -> None:
        self.where, self.source = where, source
        if not isinstance(value, dict):
            self.fail("", f"expected a JSON object, got {type(value).__name__}")
        self.obj: dict[str, Any] = value

    def fail(self, key: str, message: str) -> NoReturn:
        """Raise the error for a malformed field."""
        where = ".".join(part for part in (self.where, key) if part) or "the file"
        raise ReferenceDataError(f"{where}: {message}; fix the gold file", source=self.source)

    def text(self, key: str, choices: Sequence[str] = ()) -> str | None:
        """Return the string under `key` (None when absent), checked against `choices`."""
        value = self.obj.get(key)
        if value is not None and not isinstance(value, str):
            self.fail(key, "expected a string or null")
        if value is not None and choices and value not in choices:
            self.fail(key, f'"{value}" is not one of: {", ".join(choices)}')
        return value

    def required(self, key: str, choices: Sequence[str] = ()) -> str:
        """Return the non-empty string under `key`."""
        value = self.text(key, choices)
        if not value:
            self.fail(key, "missing")
        return value

    def items(self, key: str, choices: Sequence[str] = ()) -> list[Any]:
        """Return the list under `key` (empty when absent), its items checked against `choices`."""
        value = self.obj.get(key)
        value = [] if value is None else value
        if not isinstance(value, list):
            self.fail(key, "expected a list")
        for item in value if choices else ():
            if item not in choices:
                self.fail(key, f"{item!r} is not one of: {', '.join(choices)}")
        return value

    def nested(self, key: str) -> _Fields | None:
        """Return the object under `key`, or None when it is null or absent."""
        value = self.obj.get(key)
        return None if value is None else _Fields(value, f"{self.where}.{key}", self.source)

    def objects(self, key: str) -> list[_Fields]:
        """Return the objects of the list under `key`."""
        where = f"{self.where}.{key}".lstrip(".")
        return [_Fields(value, f"{where}[{i}]", self.source) for i, value in enumerate(self.items(key))]

    def date(self, key: str) -> str | None:
        """Return the partial ISO date under `key`, or None."""
        value = self.text(key)
        if value is not None and (not _PARTIAL_DATE.fullmatch(value) or parse_partial_date(value) is None):
            self.fail(key, f'"{value}" is not a date as YYYY, YYYY-MM or YYYY-MM-DD')
        return value

    def parties(self) -> tuple[str, ...]:
        """Return the sorted, distinct ISO3 codes under `parties` (at least one)."""
        codes = self.items("parties")
        if not codes or not all(
            isinstance(c, str) and len(c) == 3 and c.isalpha() and c.isupper() for c in codes
        ):
            self.fail("parties", f"expected ISO 3166-1 alpha-3 codes such as USA, got {codes!r}")
        return tuple(sorted(set(codes)))

    def ordinal(self) -> int | None:
        """Return the positive integer under `ordinal`, or None."""
        value = self.obj.get("ordinal")
        if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
            self.fail("ordinal", f"{value!r} is not a positive integer or null")
        return value

    def flag(self, key: str) -> bool:
        """Return the boolean under `key` (false when absent)."""
        value = self.obj.get(key, False)
        if not isinstance(value, bool):
            self.fail(key, "expected true or false")
        return value


def _parse_event(fields: _Fields) -> GoldEvent:
    """Return one gold event, validated against the annotation schema."""
    place = fields.nested("location")
    return GoldEvent(
        kind=fields.required("kind", EVENT_KINDS),
        status=fields.required("status", EVENT_STATUSES),
        parties=fields.parties(),
        date=fields.date("date"),
        date_end=fields.date("date_end"),
        location=Location(city=place.text("city"), country=place.text("country")) if place else None,
        ordinal=fields.ordinal(),
        people=tuple(
            Person(name=p.required("name"), country=p.text("country"), role=p.text("role"))
            for p in fields.objects("people")
        ),
        topics=tuple(fields.items("topics", TOPICS)),
        evidence=fields.text("evidence"),
        optional=fields.flag("optional"),
    )


def _parse_mechanism(fields: _Fields) -> GoldMechanism:
    """Return one gold mechanism, validated against the annotation schema."""
    return GoldMechanism(
        kind=fields.required("kind", EVENT_KINDS),
        status=fields.required("status", MECHANISM_STATUSES),
        parties=fields.parties(),
        name=fields.text("name"),
        evidence=fields.text("evidence"),
        optional=fields.flag("optional"),
    )
