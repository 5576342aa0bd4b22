"""The registry of standing mechanisms and the history of each: its sessions, numbers, cadence and venues.

Input: stored events and mechanisms, and the known mechanisms of
`data/mechanisms.csv` (names, aliases, memberships over time, first meeting,
secretariat). Output: `mechanism_registry` (one `MechanismRecord` per format
that has stored mechanisms, with its sessions counted) and `mechanism_history`
(the sessions of one format in date order, with session numbers reconciled,
cadence, topics over time, venues and secretariat). Both read the formats and
their sessions from one `formats.Catalogue`, and a record is the summary of the
format's history (`format_records`), so the two always agree; `hubs.dyad_report`
reads the same records.

Why events are linked to mechanisms here, after storage, and not only by the
extractor: an article about the 34th AUSMIN rarely says "this is a session of
mechanism X" in a way the extractor can link, and the mechanism and its
sessions are often reported by different articles. What makes an event a
session of a format (its members on the event's date, and the name its article
gives it) is `formats.py`'s rule.

Why session numbers are reconciled rather than copied: sources number sessions
("the 33rd AUSMIN"), but most reports do not, and the store holds only the
sessions some article reported. A stated number wins; an unnumbered session
gets a number only when it can be counted from a numbered neighbour without
crossing a gap the store cannot account for; contradictions (a later session
with a smaller number, two sources disagreeing) are kept as `conflicts`.

What it does not do: guess the sessions no article reports.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from diplograph.analysis.formats import Catalogue, Format, fit, normal_name
from diplograph.analysis.graph import Filters, is_reference_only, load_mechanisms
from diplograph.analysis.timeline import TimelineEntry
from diplograph.errors import NotFound
from diplograph.extract.gazetteer import load_gazetteer
from diplograph.models import Event, Mechanism, parse_partial_date
from diplograph.store import Store
from diplograph.vocab import EVENT_KINDS, EventKind, EventStatus, MechanismStatus

# Counting a session's number on from a numbered one assumes no session is missing in between:
# stored sessions more than three years apart say some probably are (most formats meet yearly
# or every two years). Re-run tests/test_registry.py after changing it.
MAX_STEP_DAYS = 3 * 366

_PARTIES_AND_KIND = re.compile(r"^\s*([A-Za-z]{3}(?:\s*[-+/,]\s*[A-Za-z]{3})+)\s*[: ]\s*(.+?)\s*$")


# Short names of kinds a user types after the parties ("CHN-KHM 2+2"), as `formats.normal_name` gives them.
_KIND_ALIASES = {
    "2+2": EventKind.TWO_PLUS_TWO.value,
    "foreign ministers": EventKind.FOREIGN_MINISTERS.value,
    "defence ministers": EventKind.DEFENCE_MINISTERS.value,
    "defense ministers": EventKind.DEFENCE_MINISTERS.value,
    "defense ministers meeting": EventKind.DEFENCE_MINISTERS.value,
    "exercise": EventKind.EXERCISE.value,
    "talks": EventKind.BILATERAL_TALKS.value,
}


# ── the format a history is about ────────────────────────────────────────────


def _resolve(query: str, catalogue: Catalogue) -> Format:
    "Find what `query` names: a stored mechanism id, a known id/name/alias, a stored name, or 'AAA-BBB kind'."
    found = catalogue.by_name(query) if query else None
    if found is not None:
        return found
    match = _PARTIES_AND_KIND.match(query)
    typed = normal_name(match.group(2)) if match else ""
    kind = _KIND_ALIASES.get(typed, typed)
    if match and kind in EVENT_KINDS:
        parties = tuple(sorted({p.upper() for p in re.split(r"[-+/,\s]+", match.group(1)) if p}))
        return catalogue.by_members(kind, parties)
    raise NotFound(
        f"no mechanism called {query!r}: give a stored mechanism id (diplograph registry), a name or alias "
        'from mechanisms.csv ("AUSMIN"), or parties and kind ("CHN-KHM 2+2 dialogue")'
    )


def _is_session(event: Event, fmt: Format, catalogue: Catalogue) -> bool:
    """An event is a session of the format the catalogue gives it (`formats.Catalogue.format_of`).

    A format made for a query ("BRA-ZAF foreign ministers meeting", no stored mechanism)
    takes the events of its kind that fit its members and belong to no other format.
    """
    if event.kind != fmt.kind:
        return False
    found = catalogue.format_of(event)
    if fmt.key in catalogue.formats:
        return found is not None and found.key == fmt.key
    return found is None and fit(event.parties, fmt.parties) is not None


# ── sessions and their numbers ───────────────────────────────────────────────


@dataclass(frozen=True, slots=True)
class Session:
    """One session of a mechanism: the event, its reconciled number and where that number came from.

    `ordinal_source` is `stated` (a source gives it), `reference` (the first
    meeting of mechanisms.csv), `inferred` (counted from a numbered neighbour)
    or None (cannot be numbered from what the store holds).
    """

    event: TimelineEntry
    ordinal: int | None
    ordinal_source: str | None

    def to_dict(self) -> dict[str, Any]:
        return {**self.event.to_dict(), "ordinal": self.ordinal, "ordinal_source": self.ordinal_source}


def number_sessions(
    sessions: Sequence[Event], first_meeting: str | None = None
) -> tuple[list[tuple[int | None, str | None]], list[dict[str, Any]]]:
    """Return each session's (number, where it came from), and the conflicts found.

    Sessions must be in date order (undated last). A stated ordinal wins; the
    session dated on the known first meeting is number 1; an unnumbered dated
    session is counted from the nearest numbered one before it (or after it),
    unless a numbered neighbour on the other side shows sessions are missing in
    between, or two sessions counted over lie more than MAX_STEP_DAYS apart (the
    SCO's 1st summit in 2001 and one in 2007 do not make that one the 2nd). Undated
    sessions keep only a stated number and take no part in the order checks.
    """
    numbers: list[tuple[int | None, str | None]] = []
    for event in sessions:
        if event.ordinal is not None:
            numbers.append((event.ordinal, "stated"))
        elif first_meeting and event.date and _same_day(event.date, first_meeting) and not numbers:
            numbers.append((1, "reference"))
        else:
            numbers.append((None, None))
    conflicts: list[dict[str, Any]] = []
    for event in sessions:
        for conflict in event.conflicts:
            if conflict.get("field") == "ordinal":
                conflicts.append({"event": event.id, "field": "ordinal", "detail": dict(conflict)})
    anchors = [i for i, (n, _) in enumerate(numbers) if n is not None and sessions[i].date]
    for before, after in itertools.pairwise(anchors):
        a, b = numbers[before][0], numbers[after][0]
        assert a is not None and b is not None
        if b > a:
            continue
        first, then = sessions[before].date, sessions[after].date
        detail = (
            f"two sessions numbered {a} (dated {first} and {then}): one session reported twice, or a wrong number"
            if a == b
            else f"session {b} dated {then} comes after session {a} dated {first}"
        )
        conflicts.append({"event": sessions[after].id, "field": "ordinal", "detail": detail})
    out = list(numbers)
    for i, (n, _) in enumerate(numbers):
        if n is not None or not sessions[i].date:
            continue
        prev = max((j for j in anchors if j < i), default=None)
        nxt = min((j for j in anchors if j > i), default=None)
        guess_prev = _count_from(numbers, sessions, prev, i) if prev is not None else None
        guess_next = _count_from(numbers, sessions, nxt, i) if nxt is not None else None
        if guess_prev is not None and guess_next is not None:
            out[i] = (guess_prev, "inferred") if guess_prev == guess_next else (None, None)
        elif guess_prev is not None or guess_next is not None:
            guess = guess_prev if guess_prev is not None else guess_next
            out[i] = (guess, "inferred") if guess is not None and guess >= 1 else (None, None)
    return out, conflicts


def _count_from(
    numbers: Sequence[tuple[int | None, str | None]], sessions: Sequence[Event], anchor: int, i: int
) -> int | None:
    "The number of session i counted from the anchor's number, one per session in between (none across a long gap)."
    n = numbers[anchor][0]
    days = [parse_partial_date(sessions[j].date or "") for j in range(min(anchor, i), max(anchor, i) + 1)]
    if n is None or any(
        a is None or b is None or (b - a).days > MAX_STEP_DAYS for a, b in itertools.pairwise(days)
    ):
        return None
    return n + (i - anchor)


def _same_day(date: str, reference: str) -> bool:
    "True when a session's date is the reference date at the reference's precision (or finer)."
    return date[: len(reference)] == reference or reference[: len(date)] == date


# ── cadence ──────────────────────────────────────────────────────────────────


def cadence(dates: Sequence[str], numbered: Sequence[tuple[int, str]] = ()) -> tuple[str, int | None]:
    """Return a label for how often sessions are held, and the typical interval in days.

    With two numbered sessions (`numbered`: (number, date) pairs) the interval is
    their distance divided by the sessions between them: the store rarely holds
    every session, but "the 1st in 1985, the 34th in 2024" says it is annual.
    Otherwise it is the median interval between the dated sessions.

    Labels: "one dated session", "2 sessions ~N months apart" (one interval is
    not a rhythm), "several a year", "twice a year", "annual", "every ~N years",
    or "irregular" when observed intervals vary by more than
    half their median (three intervals or more). Partial dates count from their
    first day.
    """
    counted = sorted((n, d) for n, d in ((n, parse_partial_date(x)) for n, x in numbered) if d is not None)
    if len(counted) >= 2 and counted[-1][0] > counted[0][0]:
        (n1, d1), (n2, d2) = counted[0], counted[-1]
        if d2 > d1:
            return _cadence_label(int((d2 - d1).days / (n2 - n1))), int((d2 - d1).days / (n2 - n1))
    days = sorted({d for d in (parse_partial_date(x) for x in dates) if d is not None})
    if len(days) < 2:
        return ("one dated session" if days else "unknown"), None
    intervals = [(b - a).days for a, b in itertools.pairwise(days)]
    median = int(statistics.median(intervals))
    if len(intervals) == 1:  # one interval is not a rhythm yet
        return f"2 sessions {_span(median)} apart", median
    if len(intervals) >= 3 and statistics.pstdev(intervals) > 0.5 * median:
        return "irregular", median
    return _cadence_label(median), median


def _span(days: int) -> str:
    "A distance in days as people say it: days, months, or years."
    if days < 61:
        return f"{days} days"
    if days < 730:
        return f"~{round(days / 30.44)} months"
    return f"~{round(days / 365.25)} years"


def _cadence_label(days: int) -> str:
    "Name an interval: under 5 months several a year, 5-9 twice a year, up to 15 annual, else every ~N years."
    if days < 150:
        return "several a year"
    if days < 270:
        return "twice a year"
    if days <= 456:
        return "annual"
    return f"every ~{max(2, round(days / 365.25))} years"


# ── records ──────────────────────────────────────────────────────────────────


@dataclass(frozen=True, slots=True)
class Secretariat:
    """Whether a mechanism has a permanent body, and how we know."""

    has: bool | None
    source: str | None
    event: str | None = None
    date: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"has": self.has, "source": self.source, "event": self.event, "date": self.date}


@dataclass(frozen=True, slots=True)
class MechanismRecord:
    """One format in the registry, with its stored mechanisms (`ids`; `id` is the first) and sessions counted.

    The counts are those of the format's history (`mechanism_history(store, record.id)`).
    """

    id: str
    ids: tuple[str, ...]
    name: str | None
    kind: str
    status: str
    parties: tuple[str, ...]
    known: str | None
    sessions: int
    first: str | None
    last: str | None
    cadence: str
    secretariat: Secretariat

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "ids": list(self.ids),
            "name": self.name,
            "kind": self.kind,
            "status": self.status,
            "parties": list(self.parties),
            "known": self.known,
            "sessions": self.sessions,
            "first": self.first,
            "last": self.last,
            "cadence": self.cadence,
            "secretariat": self.secretariat.to_dict(),
        }


@dataclass(frozen=True, slots=True)
class MechanismHistory:
    """The sessions of one mechanism in date order, and what they add up to."""

    query: str
    name: str | None
    kind: str
    parties: tuple[str, ...]
    mechanisms: tuple[str, ...]
    known: str | None
    sessions: tuple[Session, ...]
    upcoming: tuple[TimelineEntry, ...]
    signals: tuple[TimelineEntry, ...]
    first: str | None
    last: str | None
    cadence: str
    median_interval_days: int | None
    topics_by_year: tuple[tuple[str, tuple[tuple[str, int], ...]], ...]
    venues: tuple[tuple[str, int], ...]
    secretariat: Secretariat
    conflicts: tuple[dict[str, Any], ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "name": self.name,
            "kind": self.kind,
            "parties": list(self.parties),
            "mechanisms": list(self.mechanisms),
            "known": self.known,
            "sessions": [s.to_dict() for s in self.sessions],
            "upcoming": [e.to_dict() for e in self.upcoming],
            "signals": [e.to_dict() for e in self.signals],
            "first": self.first,
            "last": self.last,
            "cadence": self.cadence,
            "median_interval_days": self.median_interval_days,
            "topics_by_year": {year: dict(counts) for year, counts in self.topics_by_year},
            "venues": dict(self.venues),
            "secretariat": self.secretariat.to_dict(),
            "conflicts": [dict(c) for c in self.conflicts],
        }


def read_formats(store: Store, *, include_reference: bool = True) -> tuple[list[Event], Catalogue]:
    """Read every event once and the catalogue of formats built from every stored mechanism.

    The registry, the histories and the dyads link events to formats in memory from these.
    """
    events = [e for e in store.events() if include_reference or not is_reference_only(e.sources)]
    return events, catalogue_of(store, include_reference=include_reference)


def catalogue_of(store: Store, *, include_reference: bool = True) -> Catalogue:
    """The formats of the store's mechanisms (and of every known mechanism)."""
    mechanisms = [m for m in store.mechanisms() if include_reference or not is_reference_only(m.sources)]
    return Catalogue(mechanisms, load_gazetteer())


def _sort_key(event: Event) -> tuple[bool, str, str]:
    return (event.date is None, event.date or "", event.id)


def _institutions(events: Iterable[Event]) -> list[Event]:
    "The bodies established (occurred), earliest first: the secretariats a format may have."
    found = (e for e in events if e.kind == EventKind.INSTITUTION and e.status == EventStatus.OCCURRED)
    return sorted(found, key=_sort_key)


def _secretariat(fmt: Format, institutions: Sequence[Event], catalogue: Catalogue) -> Secretariat:
    """From a body established by the format's members (on its date), else from mechanisms.csv.

    The members decide, not an overlap: the SCO's secretariat (2004) is not China–Central Asia's.
    An exercise series has no body of its own: what its navies' governments set up belongs
    to their political formats (the Quad's working groups are not Malabar's).
    """
    for event in institutions if fmt.kind != EventKind.EXERCISE else ():
        if catalogue.holds(fmt, event):
            return Secretariat(True, "event", event.id, event.date)
    if fmt.known is not None and fmt.known.secretariat is not None:
        return Secretariat(fmt.known.secretariat, "mechanisms.csv")
    return Secretariat(None, None)


def mechanism_history(store: Store, mechanism: str, *, include_reference: bool = True) -> MechanismHistory:
    """Return the sessions of a standing mechanism in date order, numbered, with cadence, topics and venues.

    Args:
        store: the store to read.
        mechanism: a stored mechanism id, a known mechanism's id, name or alias
            ("AUSMIN", "China–Central Asia foreign ministers' meeting"), or parties
            and kind ("CHN-KHM 2+2 dialogue").
        include_reference: False leaves out facts known only from `reference:` documents.

    Raises:
        NotFound: nothing matches `mechanism`.
    """
    events, catalogue = read_formats(store, include_reference=include_reference)
    fmt = _resolve(mechanism.strip(), catalogue)
    linked = [e for e in events if _is_session(e, fmt, catalogue)]
    return format_history(mechanism, fmt, linked, _institutions(events), catalogue)


def format_history(
    query: str, fmt: Format, linked: Iterable[Event], institutions: Sequence[Event], catalogue: Catalogue
) -> MechanismHistory:
    """Return the history of a format from its events (`linked`, any status) and the bodies established."""
    linked = sorted(linked, key=_sort_key)
    held = [e for e in linked if e.status == EventStatus.OCCURRED]
    numbers, conflicts = number_sessions(held, fmt.known.first_meeting if fmt.known else None)
    sessions = _in_session_order(
        [Session(TimelineEntry.of(e), n, source) for e, (n, source) in zip(held, numbers, strict=True)]
    )
    dated = [e for e in held if e.date]
    label, median = cadence(
        [e.date for e in dated if e.date],
        [
            (n, e.date)
            for e, (n, src) in zip(held, numbers, strict=True)
            if n and e.date and src != "inferred"
        ],
    )
    topics: dict[str, Counter[str]] = defaultdict(Counter)
    for event in dated:
        topics[(event.date or "")[:4]].update(event.topics)
    venues = Counter(_venue(e) for e in held if e.location is not None)
    return MechanismHistory(
        query=query,
        name=fmt.name,
        kind=fmt.kind,
        parties=fmt.parties,
        mechanisms=fmt.ids,
        known=fmt.known.id if fmt.known else None,
        sessions=tuple(sessions),
        upcoming=tuple(TimelineEntry.of(e) for e in linked if e.status == EventStatus.PLANNED),
        signals=tuple(
            TimelineEntry.of(e) for e in linked if e.status in (EventStatus.PROPOSED, EventStatus.PREDICTED)
        ),
        first=dated[0].date if dated else None,
        last=max(((e.date_end or e.date or "") for e in dated), default=None) or None,
        cadence=label,
        median_interval_days=median,
        topics_by_year=tuple(
            (year, tuple(sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))))
            for year, c in sorted(topics.items())
        ),
        venues=tuple(sorted(venues.items(), key=lambda kv: (-kv[1], kv[0]))),
        secretariat=_secretariat(fmt, institutions, catalogue),
        conflicts=tuple(conflicts),
    )


def _in_session_order(sessions: list[Session]) -> list[Session]:
    "Dated sessions by date; an undated numbered one goes before the first dated session with a higher number."
    dated = [s for s in sessions if s.event.date]
    for session in (s for s in sessions if not s.event.date):
        at = len(dated)
        if session.ordinal is not None:
            at = next((i for i, d in enumerate(dated) if (d.ordinal or 0) > session.ordinal), len(dated))
        dated.insert(at, session)
    return dated


def _venue(event: Event) -> str:
    location = event.location
    if location is None:
        return ""
    return ", ".join(p for p in (location.city, location.country) if p)


def mechanism_registry(store: Store, *, include_reference: bool = True) -> list[MechanismRecord]:
    """Return every format with stored mechanisms: its sessions counted, first and last, cadence and secretariat.

    One record per format (`formats.py`), however many stored mechanisms state it; its
    figures are those of its history. Ordered by kind, then the number of sessions
    (most first), then parties.

    Args:
        store: the store to read.
        include_reference: False leaves out facts known only from `reference:` documents.
    """
    events, catalogue = read_formats(store, include_reference=include_reference)
    return format_records(catalogue, events)


def format_records(
    catalogue: Catalogue, events: Sequence[Event], formats: Iterable[Format] | None = None
) -> list[MechanismRecord]:
    """Return the record of each format (by default every format with stored mechanisms) from these events.

    Each record summarises `format_history` of the format over the same events, so the
    registry, the histories and the dyads that read records agree.
    """
    sessions = catalogue.sessions(events)
    institutions = _institutions(events)
    records = [
        _record(fmt, format_history(fmt.key, fmt, sessions.get(fmt.key, ()), institutions, catalogue))
        for fmt in (catalogue.stored_formats() if formats is None else formats)
    ]
    records.sort(key=lambda r: (r.kind, -r.sessions, r.parties, r.status, r.id))
    return records


def record_id(fmt: Format) -> str:
    """The id a format's record goes by: its first stored mechanism's (`history` takes it), else its key."""
    return fmt.ids[0] if fmt.ids else fmt.key


def _record(fmt: Format, history: MechanismHistory) -> MechanismRecord:
    "A format's registry line: its history summed up (a format that met exists, whatever a report said)."
    status = MechanismStatus.EXISTING if history.sessions else fmt.status
    return MechanismRecord(
        id=record_id(fmt),
        ids=fmt.ids,
        name=fmt.name,
        kind=fmt.kind,
        status=status,
        parties=fmt.parties,
        known=fmt.known.id if fmt.known else None,
        sessions=len(history.sessions),
        first=history.first,
        last=history.last,
        cadence=history.cadence,
        secretariat=history.secretariat,
    )


def mechanisms_of(
    store: Store,
    filters: Filters = Filters(),  # noqa: B008  (frozen dataclass, never mutated)
    *,
    party: str | Sequence[str] | None = None,
) -> tuple[list[Mechanism], dict[str, MechanismRecord]]:
    """Return one stored mechanism per format among the existing ones `party` takes part in, and their records.

    What a report lists as a hub's mechanisms: the SCO summit stated by the reference table
    and by an article is one line, with the registry's record under the listed
    mechanism's id (`graph.load_mechanisms` gives one line per stored mechanism).
    """
    mechanisms = load_mechanisms(store, filters, party=party)
    if not mechanisms:
        return [], {}
    by_id = {
        i: r for r in mechanism_registry(store, include_reference=filters.include_reference) for i in r.ids
    }
    listed: dict[str, Mechanism] = {}
    for mechanism in mechanisms:
        record = by_id.get(mechanism.id)
        if record is not None:
            listed.setdefault(record.id, mechanism)
    return list(listed.values()), {m.id: by_id[m.id] for m in listed.values()}
