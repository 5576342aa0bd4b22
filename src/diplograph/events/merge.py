"""Merge the mentions of one article into events, and derive its mechanisms.

Input: the `Mention`s of an article. Output: `Event`s (one per real-world
event, with every sentence that reports it as evidence) and `Mechanism`s
(standing formats the article says exist, are proposed or are predicted).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from diplograph.events.common import (
    ANAPHORA,
    ATTENDANCE,
    MEETING_KINDS,
    Cluster,
    Mention,
    people_of,
    role_fits,
    topics_of,
)
from diplograph.gazetteer import Gazetteer
from diplograph.models import ActorMention, Article, DateMention, Event, Evidence, Mechanism, Person
from diplograph.vocab import EventKind, EventStatus, MechanismStatus, mechanism_status_for, status_group


def same_parties(a: Sequence[str], b: Sequence[str]) -> bool:
    sa, sb = set(a), set(b)
    if sa == sb:
        return True
    if len(sa) >= 3 or len(sb) >= 3:
        return len(sa & sb) / len(sa | sb) >= 0.6
    return False


def dates_compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a.startswith(b) or b.startswith(a)


def statuses_compatible(a: str, b: str) -> bool:
    if status_group(a) == status_group(b):
        return True
    return {a, b} == {EventStatus.PLANNED, EventStatus.OCCURRED}


def merge_mentions(mentions: Iterable[Mention]) -> list[Cluster]:
    "Group the mentions of one article that report the same event."
    clusters: list[Cluster] = []
    for m in mentions:
        target = None
        for c in reversed(clusters):
            f = c.first
            if f.kind != m.kind or not same_parties(f.parties, m.parties):
                continue
            c_date = cluster_date(c)
            if not dates_compatible(c_date, m.date):
                continue
            if m.cued and not statuses_compatible(cluster_status(c), m.status):
                continue
            if (
                m.cued
                and status_group(cluster_status(c)) != status_group(m.status)
                and c_date
                and m.date is None
                and not m.explicit_parties
            ):
                continue
            target = c
            break
        if target is None:
            if m.reference and m.date is None:
                # A passing reference to an event the article does not otherwise
                # report; a named or recurring format still counts as a mechanism.
                m.generic = m.recurring or m.mechanism_id is not None
                continue
            clusters.append(Cluster([m]))
        else:
            target.mentions.append(m)
    return clusters


def cluster_date(c: Cluster) -> str | None:
    dates = [m.date for m in c.mentions if m.date]
    return max(dates, key=len) if dates else None


def cluster_status(c: Cluster) -> str:
    "The status of a cluster: a report that it happened beats an earlier announcement; uncued echoes don't vote."
    mentions = [m for m in c.mentions if m.cued] or c.mentions
    statuses = [m.status for m in mentions]
    for s in (EventStatus.OCCURRED, EventStatus.PLANNED, EventStatus.PROPOSED, EventStatus.PREDICTED):
        if s in statuses:
            if s == EventStatus.OCCURRED and EventStatus.PLANNED in statuses:
                planned = [m for m in mentions if m.status == EventStatus.PLANNED]
                occurred = [m for m in mentions if m.status == EventStatus.OCCURRED]
                # The plan is the explicit report; an undated 'occurred' echo does not overturn it.
                if all(m.date is None for m in occurred) and any(m.date for m in planned):
                    return EventStatus.PLANNED
            return s
    return statuses[0]


def attach_followups(
    article: Article,
    clusters: list[Cluster],
    actors: dict[int, list[ActorMention]],
    dates: dict[int, list[DateMention]],
) -> None:
    """Let the sentence after an event's sentence add date, place and people ("... chaired the meeting")."""
    used = {m.sentence.index for c in clusters for m in c.mentions}
    for c in clusters:
        last = max(m.sentence.index for m in c.mentions)
        nxt = last + 1
        if nxt >= len(article.sentences) or nxt in used:
            continue
        sentence = article.sentences[nxt]
        parties = set(c.first.parties)
        people = [
            p
            for p in people_of(actors.get(nxt, []))
            if p.country in parties and role_fits(c.first.kind, p.role)
        ]
        is_about = bool(ANAPHORA.search(sentence.text)) or (people and ATTENDANCE.search(sentence.text))
        if not is_about:
            continue
        extra = Mention(
            kind=c.first.kind,
            status=cluster_status(c),
            parties=c.first.parties,
            sentence=sentence,
            trigger_start=sentence.start,
            trigger_end=sentence.start,
            people=people,
            topics=topics_of(sentence.text) if ANAPHORA.search(sentence.text) else frozenset(),
        )
        s_dates = [d for d in dates.get(nxt, []) if d.date]
        if s_dates and cluster_date(c) is None:
            d = s_dates[0]
            extra.date, extra.date_end = d.date, d.date_end
        c.mentions.append(extra)


def event_of(article: Article, c: Cluster) -> Event:
    "Reconcile the mentions of one event into an `Event`."
    status = cluster_status(c)
    dated = sorted((m for m in c.mentions if m.date), key=lambda m: -len(m.date or ""))
    date = dated[0].date if dated else None
    date_end = dated[0].date_end if dated else None
    locations = [m.location for m in c.mentions if m.location]
    location = next((loc for loc in locations if loc.city), locations[0] if locations else None)
    ordinals = Counter(m.ordinal for m in c.mentions if m.ordinal)
    people: dict[str, Person] = {}
    for m in c.mentions:
        for p in m.people:
            people.setdefault(p.name, p)
    topics = sorted(set().union(*(m.topics for m in c.mentions)))
    sources = []
    seen = set()
    for m in c.mentions:
        if m.sentence.index in seen:
            continue
        seen.add(m.sentence.index)
        sources.append(
            Evidence(document=article.id, quote=m.sentence.text, start=m.sentence.start, end=m.sentence.end)
        )
    parties = c.first.parties
    confidence = min(0.99, max(m.confidence for m in c.mentions) + 0.03 * (len(sources) - 1))
    key = f"{article.id}|{c.first.kind}|{'-'.join(parties)}|{c.first.trigger_start}"
    return Event(
        id="ev_" + hashlib.sha1(key.encode()).hexdigest()[:16],
        kind=c.first.kind,
        status=status,
        parties=parties,
        date=date,
        date_end=date_end,
        location=location,
        ordinal=ordinals.most_common(1)[0][0] if ordinals else None,
        people=tuple(people.values()),
        topics=tuple(topics),
        confidence=confidence,
        sources=tuple(sources),
    )


def mechanisms_of(
    article: Article, mentions: Sequence[Mention], clusters: Sequence[Cluster], gaz: Gazetteer
) -> list[Mechanism]:
    """Return the standing formats the article says exist, are proposed or are predicted."""
    found: dict[tuple[str, tuple[str, ...], str], dict[str, Any]] = {}

    def add(kind: str, parties: tuple[str, ...], status: str, name: str | None, m: Mention) -> None:
        key = (kind, parties, status)
        entry = found.setdefault(key, {"name": None, "sources": {}, "confidence": 0.5})
        if name and (entry["name"] is None or len(name) > len(entry["name"])):
            entry["name"] = name
        s = m.sentence
        entry["sources"][s.index] = Evidence(document=article.id, quote=s.text, start=s.start, end=s.end)
        entry["confidence"] = max(entry["confidence"], m.confidence)

    for c in clusters:
        status = cluster_status(c)
        for m in c.mentions:
            kind, parties = m.kind, m.parties
            if kind not in MEETING_KINDS and kind != EventKind.EXERCISE:
                continue
            if status in (EventStatus.PROPOSED, EventStatus.PREDICTED):
                # A suggested 2+2 or a grouping's format is a suggested mechanism; one requested meeting is not.
                if kind == EventKind.TWO_PLUS_TWO or (
                    kind in MEETING_KINDS and (m.from_grouping or m.recurring)
                ):
                    add(kind, parties, MechanismStatus(status), m.name, m)
                continue
            standing = (
                kind == EventKind.TWO_PLUS_TWO
                or m.recurring
                or (m.from_grouping and kind in (EventKind.FOREIGN_MINISTERS, EventKind.DEFENCE_MINISTERS))
            )
            if standing:
                add(kind, parties, MechanismStatus.EXISTING, m.name, m)
    for m in mentions:
        if m.generic and (m.kind in MEETING_KINDS or m.kind == EventKind.EXERCISE):
            add(m.kind, m.parties, mechanism_status_for(m.status), m.name, m)
    out = []
    for (kind, parties, status), entry in found.items():
        key = f"{article.id}|{kind}|{'-'.join(parties)}|{status}"
        out.append(
            Mechanism(
                id="mx_" + hashlib.sha1(key.encode()).hexdigest()[:16],
                kind=kind,
                status=status,
                parties=parties,
                name=entry["name"],
                confidence=entry["confidence"],
                sources=tuple(entry["sources"][k] for k in sorted(entry["sources"])),
            )
        )
    return out


def link_mechanism(event: Event, mech_ids: dict[tuple[str, tuple[str, ...]], str]) -> Event:
    "Return the event with `mechanism` set to the existing format it is a session of."
    mech = mech_ids.get((event.kind, event.parties))
    if mech is None or event.status not in (EventStatus.OCCURRED, EventStatus.PLANNED):
        return event
    return replace(event, mechanism=mech)
