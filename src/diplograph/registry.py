"""The registry of standing mechanisms and the history of each: its sessions, numbers, cadence and venues.

Input: stored events and mechanisms, and the known mechanisms of
`data/mechanisms.csv` (names, aliases, first meeting, secretariat). Output:
`mechanism_registry` (one `MechanismRecord` per stored mechanism, with its
sessions counted) and `mechanism_history` (the sessions of one mechanism in
date order, with session numbers reconciled, cadence, topics over time, venues
and secretariat).

Why events are linked to mechanisms here, after storage, and not only by the
extractor: an article about the 34th AUSMIN rarely says "this is a session of
mechanism X" in a way the extractor can link, and the mechanism and its
sessions are often reported by different articles. So a session is an event
that either names the mechanism (`Event.mechanism`), or has the mechanism's
kind and parties (the same pair for a bilateral format; Jaccard ≥ 0.6 for a
multilateral one, the corpus's matching rule, since membership changes over
time and extraction misses a member now and then).

Why session numbers are reconciled rather than copied: sources number sessions
("the 33rd AUSMIN"), but most reports do not, and the store holds only the
sessions some article reported. A stated number wins; an unnumbered session
gets a number only when it can be counted from a numbered neighbour without
crossing a gap the store cannot account for; contradictions (a later session
with a smaller number, two sources disagreeing) are kept as `conflicts`.

What it does not do: guess the sessions no article reports, or merge two stored
mechanisms that are the same format under different party lists beyond the
Jaccard rule.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from diplograph.errors import NotFound
from diplograph.gazetteer import Gazetteer, KnownMechanism, load_gazetteer
from diplograph.graph import is_reference_only
from diplograph.models import Event, Mechanism, parse_partial_date
from diplograph.store import Store
from diplograph.timeline import TimelineEntry
from diplograph.vocab import EVENT_KINDS, EventKind, EventStatus, MechanismStatus

# The corpus's rule for "the same multilateral meeting" (shared/corpus/README.md), reused for
# "a session of the same multilateral format".
JACCARD_MIN = 0.6

_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
_SPACES = re.compile(r"\s+")
_PARTIES_AND_KIND = re.compile(r"^\s*([A-Za-z]{3}(?:\s*[-+/,]\s*[A-Za-z]{3})+)\s*[: ]\s*(.+?)\s*$")


# Short names of kinds a user types after the parties ("CHN-KHM 2+2").
_KIND_ALIASES = {
    "2+2": EventKind.TWO_PLUS_TWO.value,
    "foreign ministers": EventKind.FOREIGN_MINISTERS.value,
    "foreign ministers' meeting": EventKind.FOREIGN_MINISTERS.value,
    "defence ministers": EventKind.DEFENCE_MINISTERS.value,
    "defense ministers": EventKind.DEFENCE_MINISTERS.value,
    "defense ministers meeting": EventKind.DEFENCE_MINISTERS.value,
    "defence ministers' meeting": EventKind.DEFENCE_MINISTERS.value,
    "exercise": EventKind.EXERCISE.value,
    "talks": EventKind.BILATERAL_TALKS.value,
}


def _normal(name: str) -> str:
    "A name as compared: case-folded, dashes and quotes unified, spaces collapsed, quotes around 2+2 dropped."
    text = _DASHES.sub("-", name.translate(_QUOTES)).casefold().replace('"', "")
    return _SPACES.sub(" ", text).strip()


def jaccard(a: Iterable[str], b: Iterable[str]) -> float:
    """Return |a ∩ b| / |a ∪ b| of two party lists (0 when both are empty)."""
    sa, sb = set(a), set(b)
    union = sa | sb
    return len(sa & sb) / len(union) if union else 0.0


def same_parties(a: Sequence[str], b: Sequence[str]) -> bool:
    """True when two party lists are one format's: equal for a pair, Jaccard ≥ 0.6 when both have 3+."""
    if len(set(a)) <= 2 or len(set(b)) <= 2:
        return set(a) == set(b)
    return jaccard(a, b) >= JACCARD_MIN


# ── the target of a history ──────────────────────────────────────────────────


@dataclass(frozen=True, slots=True)
class _Target:
    """What a history is about: a kind and parties, and what is known of it."""

    kind: str
    parties: tuple[str, ...]
    name: str | None
    known: KnownMechanism | None
    stored: tuple[Mechanism, ...]
    rivals: tuple[KnownMechanism, ...] = ()


def _known_by_name(name: str, gaz: Gazetteer) -> KnownMechanism | None:
    "The known mechanism whose id, name or alias is `name` (normalised)."
    wanted = _normal(name)
    for known in gaz.mechanisms.values():
        if wanted in {known.id.casefold(), *(_normal(n) for n in (known.name, *known.aliases))}:
            return known
    return None


def _known_like(kind: str, parties: Sequence[str], name: str | None, gaz: Gazetteer) -> KnownMechanism | None:
    "The known mechanism of the same kind and parties (or named alike), if any."
    if name and (known := _known_by_name(name, gaz)) is not None and known.kind == kind:
        return known
    matches = [k for k in gaz.mechanisms.values() if k.kind == kind and same_parties(k.parties, parties)]
    return max(matches, key=lambda k: jaccard(k.parties, parties), default=None)


def _resolve(query: str, mechanisms: Sequence[Mechanism], gaz: Gazetteer) -> _Target:
    "Find what `query` names: a stored mechanism id, a known id/name/alias, a stored name, or 'AAA-BBB kind'."
    by_id = {m.id: m for m in mechanisms}
    if query in by_id:
        mechanism = by_id[query]
        known = _known_like(mechanism.kind, mechanism.parties, mechanism.name, gaz)
        return _target(mechanism.kind, mechanism.parties, mechanism.name, known, mechanisms)
    known = _known_by_name(query, gaz)
    if known is not None:
        return _target(known.kind, known.parties, known.name, known, mechanisms)
    wanted = _normal(query)
    for mechanism in mechanisms:
        if mechanism.name and _normal(mechanism.name) == wanted:
            known = _known_like(mechanism.kind, mechanism.parties, mechanism.name, gaz)
            return _target(mechanism.kind, mechanism.parties, mechanism.name, known, mechanisms)
    match = _PARTIES_AND_KIND.match(query)
    kind = _KIND_ALIASES.get(_normal(match.group(2)), _normal(match.group(2))) if match else ""
    if match and kind in EVENT_KINDS:
        parties = tuple(sorted({p.upper() for p in re.split(r"[-+/,\s]+", match.group(1)) if p}))
        known = _known_like(kind, parties, None, gaz)
        return _target(kind, parties, known.name if known else None, known, mechanisms)
    raise NotFound(
        f"no mechanism called {query!r}: give a stored mechanism id (diplograph registry), a name or alias "
        'from mechanisms.csv ("AUSMIN"), or parties and kind ("CHN-KHM 2+2 dialogue")'
    )


def _target(
    kind: str,
    parties: Sequence[str],
    name: str | None,
    known: KnownMechanism | None,
    mechanisms: Sequence[Mechanism],
) -> _Target:
    parties = tuple(sorted(set(parties)))
    stored = tuple(
        m
        for m in mechanisms
        if m.kind == kind
        and (same_parties(m.parties, parties) or (known is not None and _names_known(m, known)))
    )
    return _Target(
        kind=kind,
        parties=parties,
        name=(known.name if known else None) or name or _first_name(stored),
        known=known,
        stored=stored,
        rivals=_rivals(kind, known, load_gazetteer()),
    )


def _rivals(kind: str, known: KnownMechanism | None, gaz: Gazetteer) -> tuple[KnownMechanism, ...]:
    "The other known multilateral mechanisms of the same kind, which may claim a multilateral event."
    return tuple(
        k for k in gaz.mechanisms.values() if k.kind == kind and k is not known and len(k.parties) > 2
    )


def _names_known(mechanism: Mechanism, known: KnownMechanism) -> bool:
    "A stored mechanism whose name is the known one's name or alias is that mechanism, whatever its parties."
    return bool(mechanism.name) and _normal(mechanism.name or "") in {
        _normal(n) for n in (known.name, *known.aliases)
    }


def _first_name(mechanisms: Sequence[Mechanism]) -> str | None:
    return next((m.name for m in mechanisms if m.name), None)


def _is_session(event: Event, target: _Target) -> bool:
    """An event is a session of the target when it names one of its mechanisms, or has its kind and parties.

    A multilateral event goes to the known mechanism whose parties it matches best
    (the 2007 SCO summit is not a China–Central Asia summit, though 5 of its 6
    members are), and an event dated before a known mechanism's first meeting
    year is not one of its sessions.
    """
    if event.mechanism and any(event.mechanism == m.id for m in target.stored):
        return True
    known = target.known
    members = [target.parties, *([known.parties] if known else [])]
    if event.kind != target.kind or not any(same_parties(event.parties, m) for m in members):
        return False
    if known is not None and known.first_meeting and event.date and event.date[:4] < known.first_meeting[:4]:
        return False
    if len(set(event.parties)) <= 2:
        return True
    score = max(jaccard(event.parties, m) for m in members)
    return not any(jaccard(event.parties, rival.parties) > score for rival in target.rivals)


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
    between. Undated sessions keep only a stated number and take no part in the
    order checks.
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
        guess_prev = _count_from(numbers, prev, i) if prev is not None else None
        guess_next = _count_from(numbers, nxt, i) if nxt is not None else None
        if guess_prev is not None and guess_next is not None:
            out[i] = (guess_prev, "inferred") if guess_prev == guess_next else (None, None)
        elif guess_prev is not None or guess_next is not None:
            guess = guess_prev if guess_prev is not None else guess_next
            out[i] = (guess, "inferred") if guess is not None and guess >= 1 else (None, None)
    return out, conflicts


def _count_from(numbers: Sequence[tuple[int | None, str | None]], anchor: int, i: int) -> int | None:
    "The number of session i counted from the anchor's number, one per session in between."
    n = numbers[anchor][0]
    return None if n is None else n + (i - anchor)


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
    """One stored mechanism in the registry, with its sessions counted."""

    id: str
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


def _read(store: Store, include_reference: bool) -> tuple[list[Event], list[Mechanism]]:
    "Read every event and mechanism once (the registry links them in memory)."
    events = [e for e in store.events() if include_reference or not is_reference_only(e.sources)]
    mechanisms = [m for m in store.mechanisms() if include_reference or not is_reference_only(m.sources)]
    return events, mechanisms


def _sort_key(event: Event) -> tuple[bool, str, str]:
    return (event.date is None, event.date or "", event.id)


def _secretariat(target: _Target, events: Sequence[Event]) -> Secretariat:
    "From mechanisms.csv when the mechanism is known, else from an institution its parties established."
    for event in sorted(events, key=_sort_key):
        if (
            event.kind == EventKind.INSTITUTION
            and event.status == EventStatus.OCCURRED
            and same_parties(event.parties, target.parties)
        ):
            return Secretariat(True, "event", event.id, event.date)
    if target.known is not None and target.known.secretariat is not None:
        return Secretariat(target.known.secretariat, "mechanisms.csv")
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
    gaz = load_gazetteer()
    events, mechanisms = _read(store, include_reference)
    target = _resolve(mechanism.strip(), mechanisms, gaz)
    linked = sorted((e for e in events if _is_session(e, target)), key=_sort_key)
    held = [e for e in linked if e.status == EventStatus.OCCURRED]
    numbers, conflicts = number_sessions(held, target.known.first_meeting if target.known else None)
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
        query=mechanism,
        name=target.name or (target.known.name if target.known else None),
        kind=target.kind,
        parties=target.parties,
        mechanisms=tuple(m.id for m in target.stored),
        known=target.known.id if target.known else None,
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
        secretariat=_secretariat(target, events),
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


class _SessionIndex:
    """Events indexed so that finding a mechanism's sessions does not scan every event."""

    def __init__(self, events: Iterable[Event]) -> None:
        self.by_mechanism: dict[str, list[Event]] = defaultdict(list)
        self.by_pair: dict[tuple[str, tuple[str, ...]], list[Event]] = defaultdict(list)
        self.multilateral: dict[str, list[Event]] = defaultdict(list)
        for event in events:
            if event.mechanism:
                self.by_mechanism[event.mechanism].append(event)
            if len(set(event.parties)) <= 2:
                self.by_pair[(event.kind, tuple(sorted(set(event.parties))))].append(event)
            else:
                self.multilateral[event.kind].append(event)

    def candidates(self, target: _Target) -> list[Event]:
        """The events that may be sessions of `target` (each once)."""
        found = [e for m in target.stored for e in self.by_mechanism.get(m.id, ())]
        if len(target.parties) <= 2:
            found += self.by_pair.get((target.kind, target.parties), [])
        else:
            found += self.multilateral.get(target.kind, [])
        return list({e.id: e for e in found}.values())


def mechanism_registry(store: Store, *, include_reference: bool = True) -> list[MechanismRecord]:
    """Return every stored mechanism with its sessions counted, first and last, cadence and secretariat.

    Sessions are linked as in `mechanism_history`. Ordered by kind, then the
    number of sessions (most first), then parties.

    Args:
        store: the store to read.
        include_reference: False leaves out facts known only from `reference:` documents.
    """
    gaz = load_gazetteer()
    events, mechanisms = _read(store, include_reference)
    index = _SessionIndex(e for e in events if e.status == EventStatus.OCCURRED)
    institutions = [e for e in events if e.kind == EventKind.INSTITUTION]
    records: list[MechanismRecord] = []
    for mechanism in mechanisms:
        known = _known_like(mechanism.kind, mechanism.parties, mechanism.name, gaz)
        target = _Target(
            mechanism.kind,
            mechanism.parties,
            mechanism.name,
            known,
            (mechanism,),
            _rivals(mechanism.kind, known, gaz),
        )
        held = sorted((e for e in index.candidates(target) if _is_session(e, target)), key=_sort_key)
        if mechanism.status != MechanismStatus.EXISTING:
            held = []
        dates = [e.date for e in held if e.date]
        label, _ = cadence(dates, [(e.ordinal, e.date) for e in held if e.ordinal and e.date])
        records.append(
            MechanismRecord(
                id=mechanism.id,
                name=(known.name if known else None) or mechanism.name,
                kind=mechanism.kind,
                status=mechanism.status,
                parties=mechanism.parties,
                known=known.id if known else None,
                sessions=len(held),
                first=dates[0] if dates else None,
                last=max(((e.date_end or e.date or "") for e in held if e.date), default=None) or None,
                cadence=label,
                secretariat=_secretariat(target, institutions)
                if mechanism.status == MechanismStatus.EXISTING
                else Secretariat(None, None),
            )
        )
    records.sort(key=lambda r: (r.kind, -r.sessions, r.parties, r.status, r.id))
    return records
