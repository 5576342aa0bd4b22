"""Standing formats: what makes a mechanism itself, and which stored mechanisms and events are its own.

Input: the known mechanisms of `data/mechanisms.csv` with the memberships of their
groupings over time (`gazetteer`), and the stored mechanisms and events. Output: a
`Catalogue`: the formats (one per known mechanism, and one per group of stored
mechanisms that are none of them), the format of each stored mechanism
(`of_mechanism`) and of each event (`format_of`, the session rule).

Why a format is its kind, its membership over time and its name, not a list of
parties: look-alike formats share most of their members. The SCO's founders and
China with the five Central Asian states share five of seven states, and so do the
C5+1 and Central Asia + Japan; ADMM-Plus is ADMM with eight more. Matching by overlap
("the nearest party list") made the SCO's 2001 foreign ministers' meeting the first
China–Central Asia one. So a session belongs to a format when its parties are the
format's members on the session's date, give or take what extraction misses: at
least COVERAGE_MIN of the members present (a member may attend through an
ambassador, or be missed by a report) and no state from outside the format (one per
OUTSIDERS_PER members is tolerated: an observer, a guest). A session dated before a
known format's first meeting is not one of its sessions. Membership changes: the
SCO of 2024 has ten members, the SCO of 2007 six.

Why names still count: a reference row states the first session of the format it
names (`reference.py`), which decides for that event whatever else shares its members
(the first KAMANDAG is not a Balikatan session). An article that names the format
("the 6th China–Central Asia Foreign Ministers' Meeting") links its event to the stored
mechanism it names, and the link decides between formats whose members the session
fits equally. A link that the members contradict (Russia at a "China–Central Asia"
meeting) gives way to the format the members fit; a link is kept alone only when the
members fit no format.

Why stored mechanisms are grouped: the store keeps one mechanism per kind, status and
party list, so the SCO summit stated by the reference table (six founders) and by an
article (ten members) are two rows. A row belongs to the known format whose name or
alias it bears, else to the one format its parties fit at some time of its history;
the other rows form formats of their own, one per kind and name whose party lists
are nested (ADMM-Plus with and without a new member), or per kind and party list.

What it does not do: decide between two formats of one kind whose members a session
fits equally well when nothing names either (the session is left to none), or tell
two formats of the same kind, members and name apart. The store keeps one mechanism
per kind, party list and status (a schema constraint), so two series of one pair and
kind named by articles (Joint Sea and Peace Mission) share a stored mechanism, whose
folded name decides for the article sessions linked to it.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from diplograph.analysis.reference import reference_document_id
from diplograph.extract.gazetteer import Gazetteer, Grouping, KnownMechanism, mechanism_grouping
from diplograph.models import Event, Mechanism
from diplograph.vocab import MechanismStatus

# A session has at least this share of the format's members: the corpus's 0.6 for "the same
# multilateral meeting", since extraction misses a member now and then (and membership is as of
# the session's date). Tune with tests/test_formats.py and tests/test_registry.py.
COVERAGE_MIN = 0.6
# One state from outside the format per this many members is tolerated (an observer or a guest
# listed as a party); below it none is: Russia at a six-member meeting makes it the SCO's.
OUTSIDERS_PER = 10

_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
_APOSTROPHES = re.compile(r"'s\b|['\"]")
_SPACES = re.compile(r"\s+")


def normal_name(name: str) -> str:
    """A name as compared: case-folded, dashes unified, quotes and possessives dropped, spaces collapsed.

    "China–Central Asia Foreign Ministers’ Meeting" and "China-Central Asia foreign ministers
    meeting" are one name; so are `Japan-U.S. "2+2"` and "Japan-U.S. 2+2".
    """
    text = _APOSTROPHES.sub("", _DASHES.sub("-", name.translate(_QUOTES)).casefold())
    return _SPACES.sub(" ", text).strip()


def fit(parties: Iterable[str], members: Iterable[str]) -> tuple[int, int] | None:
    """Return (members missing, outsiders present) when `parties` can be a meeting of `members`, else None.

    Two members (or two parties): the very same states. Three or more: at least
    COVERAGE_MIN of the members, and at most one outsider per OUTSIDERS_PER members.
    """
    ours, theirs = frozenset(parties), frozenset(members)
    if not theirs:
        return None
    if len(theirs) <= 2 or len(ours) <= 2:
        return (0, 0) if ours == theirs else None
    present = len(ours & theirs)
    outsiders = len(ours - theirs)
    if present < _at_least(len(theirs)) or outsiders > len(theirs) // OUTSIDERS_PER:
        return None
    return len(theirs) - present, outsiders


def _at_least(members: int) -> int:
    return math.ceil(round(members * COVERAGE_MIN, 9))


def _covers(parties: Iterable[str], members: Iterable[str]) -> bool:
    """True when `parties` hold at least COVERAGE_MIN of `members` (outsiders allowed): a named session's test.

    A pair's format needs its pair; a multilateral one at least three states.
    """
    ours, theirs = frozenset(parties), frozenset(members)
    if len(theirs) <= 2:
        return bool(theirs) and theirs <= ours
    return len(ours) > 2 and len(theirs & ours) >= _at_least(len(theirs))


def _before(date: str | None, first: str | None) -> bool:
    "True when `date` lies before `first` at the precision both have."
    if not date or not first:
        return False
    n = min(len(date), len(first))
    return date[:n] < first[:n]


@dataclass(frozen=True, slots=True)
class Format:
    """A standing format: its kind, its name, its membership over time, its stored mechanisms.

    `key` is the known mechanism's id, or the id of the format's first stored mechanism.
    `parties` are the members today (the known mechanism's listed parties when it has no
    grouping; the longest stored list for a format known only from the store).
    `rosters` are every membership it has had, for stored mechanisms, which carry no date.
    """

    key: str
    kind: str
    name: str | None
    known: KnownMechanism | None
    parties: tuple[str, ...]
    rosters: tuple[frozenset[str], ...]
    stored: tuple[Mechanism, ...] = ()

    @property
    def ids(self) -> tuple[str, ...]:
        """The ids of its stored mechanisms."""
        return tuple(m.id for m in self.stored)

    @property
    def status(self) -> str:
        """`existing` when a stored mechanism says so, else the first stored status."""
        statuses = [m.status for m in self.stored]
        return (
            MechanismStatus.EXISTING if MechanismStatus.EXISTING in statuses or not statuses else statuses[0]
        )


@dataclass
class _Draft:
    "A format being gathered from stored mechanisms."

    kind: str
    names: set[str] = field(default_factory=set)
    name: str | None = None
    parties: frozenset[str] = frozenset()
    stored: list[Mechanism] = field(default_factory=list)


class Catalogue:
    """The formats of a store, and which format each stored mechanism and event belongs to."""

    def __init__(self, mechanisms: Sequence[Mechanism], gaz: Gazetteer) -> None:
        self._gaz = gaz
        self._members: dict[tuple[str, str | None], frozenset[str]] = {}
        # Per known mechanism: its grouping and the listed states outside it, as
        # `Gazetteer.mechanism_members` finds them (looked up once, not per session).
        self._groupings: dict[str, tuple[Grouping | None, frozenset[str]]] = {}
        known = {k.id: self._known_format(k) for k in gaz.mechanisms.values()}
        self._cited = {reference_document_id("mechanisms.csv", key): key for key in known}
        self._by_name = {
            (k.kind, normal_name(n)): k.id for k in gaz.mechanisms.values() for n in (k.name, *k.aliases)
        }
        self.formats: dict[str, Format] = dict(known)
        self._index()
        self.of_mechanism: dict[str, str] = {}
        stored: dict[str, list[Mechanism]] = defaultdict(list)
        drafts: list[_Draft] = []
        for mechanism in sorted(mechanisms, key=_stored_order):
            key = self._known_key(mechanism)
            if key is not None:
                stored[key].append(mechanism)
            else:
                _gather(drafts, mechanism)
        for key, rows in stored.items():
            self.formats[key] = _with_stored(self.formats[key], rows)
            self.of_mechanism.update((m.id, key) for m in rows)
        for draft in drafts:
            made = _from_draft(draft)
            self.formats[made.key] = made
            self.of_mechanism.update((m.id, made.key) for m in made.stored)
        self._index()

    # ── building ──────────────────────────────────────────────────────────────

    def _known_format(self, known: KnownMechanism) -> Format:
        "A known mechanism as a format, with every membership its grouping has had."
        grouping = self._gaz.groupings.get(mechanism_grouping(known.id, self._gaz.groupings))
        dates: set[str | None] = {None, known.first_meeting}
        if grouping is not None:
            changes = {d for _, joined, left in grouping.memberships for d in (joined, left) if d}
            dates |= {d[:n] for d in changes for n in (4, 7, 10)}  # as a year- or month-precise date sees it
            ever = {code for code, _, _ in grouping.memberships}
            self._groupings[known.id] = (grouping, frozenset(known.parties) - ever)
        rosters = {frozenset(self._gaz.mechanism_members(known, d)) for d in dates}
        return Format(
            key=known.id,
            kind=known.kind,
            name=known.name,
            known=known,
            parties=self._gaz.mechanism_members(known, None),
            rosters=tuple(sorted((r for r in rosters if r), key=sorted)),
        )

    def _index(self) -> None:
        "Index the formats by kind, and the two-member ones by kind and pair."
        self._pairs: dict[tuple[str, frozenset[str]], list[Format]] = defaultdict(list)
        self._groups: dict[str, list[Format]] = defaultdict(list)
        self._ever = {fmt.key: frozenset().union(*fmt.rosters) for fmt in self.formats.values()}
        self._least = {
            fmt.key: _at_least(min((len(r) for r in fmt.rosters), default=0)) for fmt in self.formats.values()
        }
        for fmt in self.formats.values():
            if all(len(r) <= 2 for r in fmt.rosters):
                for roster in set(fmt.rosters):
                    self._pairs[(fmt.kind, roster)].append(fmt)
            else:
                self._groups[fmt.kind].append(fmt)

    def _known_key(self, mechanism: Mechanism) -> str | None:
        """The known format a stored mechanism is: by its name, else the one its parties fit at some time.

        Called while the catalogue holds the known formats only.
        """
        if mechanism.name and (key := self._by_name.get((mechanism.kind, normal_name(mechanism.name)))):
            return key
        parties = frozenset(mechanism.parties)
        scores = [
            (score, fmt.key)
            for fmt in self._candidates(mechanism.kind, parties)
            if (score := _best_fit(parties, fmt.rosters)) is not None
        ]
        return _unique_best(scores)

    # ── sessions ──────────────────────────────────────────────────────────────

    def members(self, fmt: Format, date: str | None) -> frozenset[str]:
        """The format's members on a (partial) date; today's when None; none before its first meeting."""
        if fmt.known is not None and _before(date, fmt.known.first_meeting):
            return frozenset()
        cache = (fmt.key, date)
        if cache not in self._members:
            grouping, outside = self._groupings.get(fmt.key, (None, frozenset(fmt.parties)))
            self._members[cache] = outside | frozenset(grouping.members_at(date)) if grouping else outside
        return self._members[cache]

    def format_of(self, event: Event) -> Format | None:
        """The format an event is a session of, or None.

        The known format whose reference row states it (`reference.py`: the row's first
        session); else the formats of its kind whose members on its date it fits (`fit`):
        the one its link names when that is among them, else the one it fits best when
        only one does; with no fit, the format its link names when it holds enough of
        its members.
        """
        cited = {self._cited[e.document] for e in event.sources if e.document in self._cited}
        if len(cited) == 1 and (fmt := self.formats[cited.pop()]).kind == event.kind:
            return fmt
        parties = frozenset(event.parties)
        linked = self.formats.get(self.of_mechanism.get(event.mechanism or "", ""))
        if linked is not None and linked.kind != event.kind:
            linked = None
        scores = [
            (score, fmt.key)
            for fmt in self._candidates(event.kind, parties)
            if (score := fit(parties, self.members(fmt, event.date))) is not None
        ]
        if linked is not None and any(key == linked.key for _, key in scores):
            return linked
        if scores:
            best = _unique_best(scores)
            return self.formats[best] if best else None
        if linked is not None and _covers(parties, self.members(linked, event.date)):
            return linked
        return None

    def holds(self, fmt: Format, event: Event) -> bool:
        """True when an event's parties fit the format's members on its date (a body it established, say)."""
        return fit(event.parties, self.members(fmt, event.date)) is not None

    def sessions(self, events: Iterable[Event]) -> dict[str, list[Event]]:
        """Return the events of each format (by key), in the order given; events of no format are left out."""
        out: dict[str, list[Event]] = defaultdict(list)
        for event in events:
            if (fmt := self.format_of(event)) is not None:
                out[fmt.key].append(event)
        return out

    def _candidates(self, kind: str, parties: frozenset[str]) -> list[Format]:
        """The formats of `kind` a meeting of `parties` may fit: the pair's, or the multilateral ones.

        A multilateral one only when the parties hold enough of the states it ever had
        (checked before its members on a date, which cost more).
        """
        if len(parties) <= 2:
            return self._pairs.get((kind, parties), [])
        return [
            fmt
            for fmt in self._groups.get(kind, [])
            if len(parties & self._ever[fmt.key]) >= self._least[fmt.key]
        ]

    # ── finding formats ───────────────────────────────────────────────────────

    def by_name(self, name: str) -> Format | None:
        """The format whose key, name or alias is `name` (known ones first, then stored names)."""
        wanted = normal_name(name)
        if name in self.formats:
            return self.formats[name]
        if name in self.of_mechanism:
            return self.formats[self.of_mechanism[name]]
        for (_, alias), key in self._by_name.items():
            if alias == wanted or key.casefold() == wanted:
                return self.formats[key]
        return next(
            (
                f
                for f in self.formats.values()
                if any(m.name and normal_name(m.name) == wanted for m in f.stored)
            ),
            None,
        )

    def by_members(self, kind: str, parties: Sequence[str]) -> Format:
        """The format of `kind` with exactly these members, else the one they alone fit, else a new one."""
        wanted = frozenset(parties)
        candidates = self._candidates(kind, wanted)
        exact = [f for f in candidates if wanted in f.rosters or frozenset(f.parties) == wanted]
        if len(exact) == 1:
            return exact[0]
        scores = [(s, f.key) for f in candidates if (s := _best_fit(wanted, f.rosters)) is not None]
        best = _unique_best(scores)
        if best is not None:
            return self.formats[best]
        members = tuple(sorted(wanted))
        return Format(
            key=f"{kind}:{'-'.join(members)}",
            kind=kind,
            name=None,
            known=None,
            parties=members,
            rosters=(wanted,),
        )

    def stored_formats(self) -> list[Format]:
        """The formats that have stored mechanisms."""
        return [f for f in self.formats.values() if f.stored]


def _stored_order(mechanism: Mechanism) -> tuple[bool, str]:
    "Existing mechanisms first (a format's id is an existing one's when it has one), then by id."
    return mechanism.status != MechanismStatus.EXISTING, mechanism.id


def _best_fit(parties: Iterable[str], rosters: Sequence[frozenset[str]]) -> tuple[int, int] | None:
    "The best fit of `parties` to any of the memberships a format has had."
    fits = [score for roster in rosters if (score := fit(parties, roster)) is not None]
    return min(fits, key=sum) if fits else None


def _unique_best(scores: Sequence[tuple[tuple[int, int], str]]) -> str | None:
    "The key with the fewest missing members and outsiders, when no other key is as good."
    if not scores:
        return None
    best = min(sum(s) for s, _ in scores)
    keys = {key for s, key in scores if sum(s) == best}
    return keys.pop() if len(keys) == 1 else None


def _gather(drafts: list[_Draft], mechanism: Mechanism) -> None:
    "Add a stored mechanism that is no known format to the draft of its kind and name (nested lists) or list."
    parties = frozenset(mechanism.parties)
    name = normal_name(mechanism.name) if mechanism.name else None
    for draft in drafts:
        if draft.kind != mechanism.kind:
            continue
        same_list = parties == draft.parties
        same_name = (
            name is not None
            and name in draft.names
            and (parties <= draft.parties or draft.parties <= parties)
        )
        if same_list or same_name:
            draft.stored.append(mechanism)
            draft.parties = max(draft.parties, parties, key=len)
            if name:
                draft.names.add(name)
                draft.name = draft.name or mechanism.name
            return
    drafts.append(
        _Draft(
            kind=mechanism.kind,
            names={name} if name else set(),
            name=mechanism.name,
            parties=parties,
            stored=[mechanism],
        )
    )


def _from_draft(draft: _Draft) -> Format:
    members = tuple(sorted(draft.parties))
    names = [m.name for m in draft.stored if m.name]
    return Format(
        key=draft.stored[0].id,
        kind=draft.kind,
        name=max(names, key=len) if names else None,
        known=None,
        parties=members,
        rosters=(draft.parties,),
        stored=tuple(draft.stored),
    )


def _with_stored(fmt: Format, rows: Sequence[Mechanism]) -> Format:
    return Format(
        key=fmt.key,
        kind=fmt.kind,
        name=fmt.name,
        known=fmt.known,
        parties=fmt.parties,
        rosters=fmt.rosters,
        stored=tuple(rows),
    )
