"""The controlled vocabularies of diplograph, written once.

Input: nothing. Output: Enums whose values are exactly the strings of the
annotation schema (`shared/corpus/README.md`), so that JSON written by any
stage validates against the gold corpus without translation.

Why StrEnum: the values travel through JSON, SQL and the CLI as plain
strings; a StrEnum compares equal to its value, so no stage has to convert.
"""

from __future__ import annotations

from enum import StrEnum


class EventKind(StrEnum):
    """What happened: the eight kinds of the annotation schema."""

    TWO_PLUS_TWO = "2+2 dialogue"
    FOREIGN_MINISTERS = "foreign ministers meeting"
    DEFENCE_MINISTERS = "defence ministers meeting"
    SUMMIT = "summit"
    BILATERAL_TALKS = "bilateral talks"
    AGREEMENT = "agreement signed"
    INSTITUTION = "institution established"
    EXERCISE = "joint exercise"


class EventStatus(StrEnum):
    """Whether an event happened, is scheduled, is suggested, or is only forecast."""

    OCCURRED = "occurred"
    PLANNED = "planned"
    PROPOSED = "proposed"
    PREDICTED = "predicted"


class MechanismStatus(StrEnum):
    """Whether a standing format exists, is suggested, or is only forecast."""

    EXISTING = "existing"
    PROPOSED = "proposed"
    PREDICTED = "predicted"


class Topic(StrEnum):
    """The fixed topic vocabulary of the annotation schema."""

    SECURITY = "security"
    DEFENCE = "defence"
    COUNTER_TERRORISM = "counter-terrorism"
    MARITIME = "maritime"
    ENERGY = "energy"
    TRANSPORT = "transport"
    TRADE = "trade"
    DIGITAL = "digital"
    ENVIRONMENT = "environment"
    FOOD = "food"
    HEALTH = "health"
    EDUCATION = "education"
    CULTURE = "culture"


class ActorType(StrEnum):
    """What an actor mention refers to."""

    STATE = "state"
    GROUPING = "grouping"
    ORGANISATION = "organisation"
    PERSON = "person"
    PLACE = "place"
    MECHANISM = "mechanism"


class Precision(StrEnum):
    """How precise a resolved date is; mirrors the length of its ISO string."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"


def status_group(status: str) -> str:
    """Return the scoring group of an event status.

    The corpus scoring rules treat `proposed` and `predicted` as one group
    (both are "not decided"), while `occurred` and `planned` stand alone.
    """
    if status in (EventStatus.PROPOSED, EventStatus.PREDICTED):
        return "proposed-or-predicted"
    return str(status)


def mechanism_status_for(status: str) -> MechanismStatus:
    """Return the mechanism status implied by an event status."""
    if status == EventStatus.PROPOSED:
        return MechanismStatus.PROPOSED
    if status == EventStatus.PREDICTED:
        return MechanismStatus.PREDICTED
    return MechanismStatus.EXISTING


# Number words as news writes them ("two years ago", "the four foreign ministers").
NUMBER_WORDS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip

EVENT_KINDS: tuple[str, ...] = tuple(k.value for k in EventKind)
EVENT_STATUSES: tuple[str, ...] = tuple(s.value for s in EventStatus)
MECHANISM_STATUSES: tuple[str, ...] = tuple(s.value for s in MechanismStatus)
TOPICS: tuple[str, ...] = tuple(t.value for t in Topic)
