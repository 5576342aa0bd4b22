"""Events as the lines of a timeline, each with the sentence that best states it.

Input: stored `Event`s. Output: `TimelineEntry`, an event flattened to what a
timeline row shows (dates, kind, status, parties, place, people with their
country and role, topics, and one source quote with its document), and
`best_evidence`, which of an event's source quotes to show.

Why a module of its own: the hub and dyad reports (`hubs.py`), the mechanism
registry's sessions (`registry.py`), the HTML report and the exports all show an
event the same way, with the same quote, and none of them needs the
partnership network to do so.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from diplograph.models import Event, Evidence


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One event on a timeline, with its first evidence."""

    id: str
    date: str | None
    date_end: str | None
    kind: str
    status: str
    parties: tuple[str, ...]
    location: str | None
    ordinal: int | None
    people: tuple[str, ...]
    topics: tuple[str, ...]
    quote: str | None
    document: str | None

    @classmethod
    def of(cls, event: Event) -> TimelineEntry:
        """Return the timeline entry of an event."""
        first = best_evidence(event)
        return cls(
            id=event.id,
            date=event.date,
            date_end=event.date_end,
            kind=event.kind,
            status=event.status,
            parties=event.parties,
            location=_place(event),
            ordinal=event.ordinal,
            people=tuple(_person(p.name, p.country, p.role) for p in event.people),
            topics=event.topics,
            quote=first.quote if first else None,
            document=first.document if first else None,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "date": self.date,
            "date_end": self.date_end,
            "kind": self.kind,
            "status": self.status,
            "parties": list(self.parties),
            "location": self.location,
            "ordinal": self.ordinal,
            "people": list(self.people),
            "topics": list(self.topics),
            "quote": self.quote,
            "document": self.document,
        }


def best_evidence(event: Event) -> Evidence | None:
    """Return the source quote that best states the event: the one naming its city and people, else the first.

    Sources come in the order articles arrived, and the first is often a
    background mention ("such formats, like the one held in Beijing..."); a quote
    that names the venue and the participants is the report of the meeting itself.
    """
    if not event.sources:
        return None
    city = event.location.city if event.location else None
    names = [p.name.split()[-1] for p in event.people if p.name]

    def score(evidence: Evidence) -> int:
        quote = evidence.quote
        return (2 if city and city in quote else 0) + sum(1 for n in names if n in quote)

    return max(event.sources, key=score)  # max keeps the first of equal scores


def _place(event: Event) -> str | None:
    if event.location is None:
        return None
    return ", ".join(p for p in (event.location.city, event.location.country) if p) or None


def _person(name: str, country: str | None, role: str | None) -> str:
    detail = ", ".join(p for p in (country, role) if p)
    return f"{name} ({detail})" if detail else name
