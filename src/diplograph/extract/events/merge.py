"""Merge the mentions of one article into events, and derive its mechanisms.

Input: the `Mention`s of an article. Output: `Event`s (one per real-world
event, with every sentence that reports it as evidence) and `Mechanism`s
(standing formats the article says exist, are proposed or are predicted).

The work and the output per article are capped (MAX_EVENTS_PER_ARTICLE and the
constants beside it) far above what real articles reach, so that a crafted text
costs time in proportion to its length (issue 11).
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from diplograph.extract.events.common import (
    ANAPHORA,
    ATTENDANCE,
    LEADER_ROLES,
    MEETING_KINDS,
    OTHER_MINISTERS_OF_BOTH,
    PERFECT_MEETING,
    REMOTE_WORDS,
    Cluster,
    Mention,
    bounds_a_period,
    is_before,
    people_of,
    role_fits,
    topics_of,
)
from diplograph.extract.events.confidence import event_confidence
from diplograph.extract.gazetteer import COMBINING_FORMS, Gazetteer
from diplograph.models import (
    ActorMention,
    Article,
    DateMention,
    Event,
    Evidence,
    Location,
    Mechanism,
    Person,
    Sentence,
)
from diplograph.vocab import (
    ActorType,
    EventKind,
    EventStatus,
    MechanismStatus,
    mechanism_status_for,
    status_group,
)

# ── caps on the work of one article ──────────────────────────────────────────
# Real articles (2–30 kB) report a few dozen events at most. The largest figures of the sample
# corpus, tests/articles, the dev corpus and 2,000 generated articles (bench/make_corpus.py):
# 10 events and 8 mechanisms in one article, 5 mentions of one event, 7 evidence sentences of
# one mechanism, 4 events of one kind between the same states. The caps are far above those, so
# they never change a real article's result (tests/test_scaling.py checks the sample corpus);
# they bound what a crafted text costs: an 800 kB run-on took 20× a 100 kB one and a 990 kB body
# returned 8.5 MB (issue 11). Past a cap the first ones in text order are kept, and
# `extract_events` logs a warning with the counts left out.

# Events of one article: 50 times the largest real count; 500 events of one-line sentences make
# about 0.5 MB of JSON.
MAX_EVENTS_PER_ARTICLE = 500
# Mechanisms of one article: 25 times the largest real count.
MAX_MECHANISMS_PER_ARTICLE = 200
# Mentions merged into one event, and so evidence sentences of an event or a mechanism: each
# comparison with an event reads all its mentions, and each becomes a quote in the output.
MAX_SOURCES = 50
# Evidence sentences of all the events and mechanisms of one article, beyond the first of each
# (which every fact keeps): a quote is a whole sentence, up to clean.MAX_SENTENCE_CHARS long, so
# this bounds the output (about 1 MB of quotes). The largest real total is 31; 1,000 is 30 times it.
MAX_EVIDENCE_PER_ARTICLE = 1_000
# Events of one kind and the same parties a mention is compared with, newest first: a chronology
# of AUSMIN since 1985 would file about 40.
MERGE_WINDOW = 64


@dataclass
class Overflow:
    """What the caps have let into one article's extraction and what they left out, so that it can say so."""

    events: int = 0  # mentions of further events, past MAX_EVENTS_PER_ARTICLE
    sources: int = 0  # mentions of an event or a mechanism that already had MAX_SOURCES
    mechanisms: int = 0  # mentions of further mechanisms, past MAX_MECHANISMS_PER_ARTICLE
    evidence: int = 0  # evidence sentences past MAX_EVIDENCE_PER_ARTICLE
    quoted: int = 0  # evidence sentences given so far, beyond the first of each event or mechanism

    def may_quote(self, first: bool) -> bool:
        "Count one more evidence sentence: False when it is past the article's budget (the first of a fact never is)."
        if first:
            return True
        if self.quoted < MAX_EVIDENCE_PER_ARTICLE:
            self.quoted += 1
            return True
        self.evidence += 1
        return False

    def __bool__(self) -> bool:
        return bool(self.events or self.sources or self.mechanisms or self.evidence)

    def __str__(self) -> str:
        return (
            f"{self.events} of events past the first {MAX_EVENTS_PER_ARTICLE}, "
            f"{self.mechanisms} of mechanisms past the first {MAX_MECHANISMS_PER_ARTICLE}, "
            f"{self.sources} past {MAX_SOURCES} evidence sentences of one event or mechanism, "
            f"{self.evidence} evidence sentences past {MAX_EVIDENCE_PER_ARTICLE} in the article"
        )


def same_parties(a: Sequence[str], b: Sequence[str]) -> bool:
    sa, sb = set(a), set(b)
    if sa == sb:
        return True
    if len(sa) >= 3 or len(sb) >= 3:
        # One list may name fewer members than the other; but C5+1 (with the US) and
        # Central Asia + Japan share five of seven states and are two summits.
        # (but not three states inside a grouping four times their number: the China-Japan-Korea
        # summit is not the ASEAN+3 summit)
        if (
            min(len(sa), len(sb)) >= 3
            and (sa <= sb or sb <= sa)
            and 2 * min(len(sa), len(sb)) >= max(len(sa), len(sb))
        ):
            return True
        return len(sa & sb) / len(sa | sb) >= 0.8
    return False


def dates_compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a.startswith(b) or b.startswith(a)


def overlaps_a_span(c: Cluster, m: Mention) -> bool:
    """True when one side's day lies within the other's span of days.

    Why: "will be held in New Delhi on 6 December" and "will visit New Delhi on 5-6 December
    for the 2+2" report one meeting.
    """
    spans = [(x.date, x.date_end) for x in c.mentions if x.date and x.date_end]
    days = [x.date for x in c.mentions if x.date]
    if m.date and any(len(m.date) == len(lo) and lo <= m.date <= hi for lo, hi in spans):
        return True
    return bool(
        m.date and m.date_end and any(len(d) == len(m.date) and m.date <= d <= m.date_end for d in days)
    )


EXERCISE_DAYS = 3


def days_of_one_exercise(kind: str, a: str | None, b: str | None) -> bool:
    """True when two days of an exercise lie close enough to be one drill.

    Why: a drill runs for days; "the drill kicked off on Wednesday" and a page dated
    Thursday reporting it "hold joint drill" are one exercise, not two.
    """
    if kind != EventKind.EXERCISE or not a or not b or len(a) != 10 or len(b) != 10:
        return False
    try:
        return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days) <= EXERCISE_DAYS
    except ValueError:
        return False


# A drill's opening or closing told as such: "began on June 5", "concluded on Thursday, June 16".
_OPENED_OR_CLOSED = re.compile(
    r"\b(?:began|begun|begins|started|starts|kicked\s+off|commenced|opened|concluded|concludes|ended|ends|"
    r"wrapped\s+up|closed|closing\s+ceremony|culminated)\b",
    re.I,
)
EXERCISE_SPAN = 21


def days_of_one_visit(c: Cluster, m: Mention) -> bool:
    """True when two states' talks a day or two apart, told alike in a report of a visit, are days of it.

    Why: "President Bhandari held talks with her counterpart last night … is paying a two-day state
    visit and returns today" and "They met today … met late Saturday night" are one visit told on
    its days; annotators code the visit once. Only two states' talks with the same status, both
    dated to the day and at most two days apart.
    """
    date = cluster_date(c)
    if not (
        c.first.kind == EventKind.BILATERAL_TALKS
        and len(c.first.parties) == 2
        and m.status == cluster_status(c)
        and date is not None
        and m.date is not None
        and len(date) == len(m.date) == 10
        # (not a numbered session of a body beside a call the day after: "the 11th meeting of the JDCC
        # held on May 24 … called on the Defence Secretary on May 25")
        and not any(x.ordinal or _names_a_commission(x) for x in (*c.mentions, m))
        # (nor talks with another of the host's people: the president one day, the prime minister the next)
        and not _other_people_of_a_side(c, m)
        # (a visit is what spans the days: "held talks in Beijing on 1 May … on 2 May" are two rounds)
        and any(_A_VISIT.search(x.sentence.text) for x in (*c.mentions, m))
    ):
        return False
    return _near(date, m.date, 2)


_ALSO_MET = re.compile(
    r"\balso\s+(?:met|meets|held\s+talks|holds\s+talks|called\s+on|calls\s+on|spoke|had\s+talks)\b", re.I
)
_ALSO_SIGNED = re.compile(r"\b(?:also|further|additionally)\s+(?:signed|inked|concluded|exchanged)\b", re.I)
_A_VISIT = re.compile(r"\b(?:visit|visiting|trip|tour|arrived|arrival)\b", re.I)


def surnames_by_side(c: Cluster) -> dict[str, set[str]]:
    "Return the last names of the people a cluster's mentions name, by the state each speaks for."
    known: dict[str, set[str]] = {}
    for x in c.mentions:
        for p in x.people:
            if p.country:
                known.setdefault(p.country, set()).add(p.name.split()[-1])
    return known


def _other_people_of_a_side(c: Cluster, m: Mention) -> bool:
    "True when a mention names someone of a party whom the cluster does not, and the cluster names someone else of it."
    known = surnames_by_side(c)
    return any(
        p.country in known and p.name.split()[-1] not in known[p.country] for p in m.people if p.country
    )


_ANOTHER_MEETING = re.compile(
    r"\b(?:subsequent|separate|another|second|later|further)\s+(?:[\w-]+\s+)?(?:meeting|talks|call|session|audience)\b"
    r"|\bseparately\s+(?:met|meets|held|holds|called\s+on)\b|\bmet\s+separately\b",
    re.I,
)


# A time before the story's, told relative to it: "in July last year", "the previous year".
_A_YEAR_BEFORE = re.compile(r"\b(?:last|previous|past)\s+year\b|\ba\s+year\s+ago\b|\byears?\s+ago\b", re.I)


# "met for the last time in Abidjan", "met previously in Accra": the meeting before the one in the news.
_FOR_THE_LAST_TIME = re.compile(r"\s+(?:for\s+the\s+last\s+time|previously|before|last)\b", re.I)


# "Earlier that day, President Kocharian met with the Iranian delegation": another meeting, the same day.
_EARLIER_THAT_DAY = re.compile(
    r"\W*(?:earlier|later)\s+(?:that|the\s+same|in\s+the)\s+(?:day|morning|afternoon|evening)\b", re.I
)


def _only_another_of_a_side(c: Cluster, m: Mention) -> bool:
    """True when a later mention names, for one side, someone with an office whom the event does not name,
    and its sentence names none of the event's people of that side.

    (Not "Premier Li said … President Xi held a meeting with Putin": the sentence names Li, the event's.)
    """
    known = surnames_by_side(c)
    text = m.sentence.text
    for p in m.people:
        if not (p.country and p.role and p.country in known and p.country in m.parties):
            continue
        names = known[p.country]
        if p.name.split()[-1] not in names and not any(n in text for n in names):
            return True
    return False


def first_and_last_days_of_one_exercise(c: Cluster, m: Mention) -> bool:
    """True when a drill's opening day and its closing day, a few weeks apart, are told of one exercise.

    Why: "Ex SAMPRITI-X concluded on Thursday, June 16 … The joint military exercise began on June
    5": one drill of two weeks, whose days lie further apart than `days_of_one_exercise` allows.
    """
    if m.kind != EventKind.EXERCISE or not m.date or len(m.date) != 10:
        return False
    if not _OPENED_OR_CLOSED.search(m.sentence.text):
        return False
    for x in c.mentions:
        if x.date and len(x.date) == 10 and _OPENED_OR_CLOSED.search(x.sentence.text):
            try:
                apart = abs((dt.date.fromisoformat(x.date) - dt.date.fromisoformat(m.date)).days)
            except ValueError:
                continue
            if 0 < apart <= EXERCISE_SPAN:
                return True
    return False


def statuses_compatible(a: str, b: str) -> bool:
    if status_group(a) == status_group(b):
        return True
    return {a, b} == {EventStatus.PLANNED, EventStatus.OCCURRED}


def merge_mentions(
    mentions: Iterable[Mention], overflow: Overflow | None = None, published: str | None = None
) -> list[Cluster]:
    """Group the mentions of one article that report the same event.

    A mention joins the latest event it fits (`joins`), else starts one. Why an index:
    comparing each mention with every event before it made merging quadratic in the
    article's length; events are filed by kind and parties (`merge_key`), so a mention
    is compared only with events of its own file, at most MERGE_WINDOW of them, newest
    first — which finds the same event as a scan of all of them would, as long as the
    window is not exceeded. What the caps leave out is counted in `overflow`.
    """
    overflow = overflow if overflow is not None else Overflow()
    clusters: list[Cluster] = []
    files: dict[tuple[str, frozenset[str] | None], list[Cluster]] = {}
    for m in mentions:
        same_file = files.setdefault(merge_key(m), [])
        target = next(
            (c for c in itertools.islice(reversed(same_file), MERGE_WINDOW) if joins(c, m, published)), None
        )
        if target is not None:
            if m.cued and not statuses_compatible(cluster_status(target), m.status):
                m.cued = (
                    False  # (a numbered session's later proposal: see `joins`; its cue is not the session's)
                )
            if len(target.mentions) < MAX_SOURCES:
                target.mentions.append(m)
            else:
                overflow.sources += 1
        elif m.reference and m.date is None and not m.landmark and not m.ordinal:
            # A passing reference to an event the article does not otherwise
            # report; a named or recurring format still counts as a mechanism.
            # (Not an occasion another meeting is dated by, "ahead of the APEC summit":
            # that one is reported as coming or past, only its day is not given.)
            m.generic = m.recurring or m.mechanism_id is not None
        elif len(clusters) < MAX_EVENTS_PER_ARTICLE:
            clusters.append(Cluster([m]))
            same_file.append(clusters[-1])
        else:
            overflow.events += 1
    return clusters


def fold_talks_into_summits(clusters: list[Cluster], published: str | None = None) -> list[Cluster]:
    """Return the clusters, talks between two states folded into their summit of the same days.

    Why: a state visit is reported as a visit, talks and a summit ("The Crown Prince concluded his
    official working visit … The two leaders held the Saudi–US Summit"); the annotators' rule is
    one meeting, one event, of the kind the text names most precisely. (Talks on the sidelines of a
    multilateral summit have other parties and stay apart.) So are talks told by a bare meeting
    verb and the same two states' ministers' meeting when one of them is undated: the ministers'
    meeting is what the visit's talks were.
    """
    summits = [c for c in clusters if c.first.kind == EventKind.SUMMIT and len(c.first.parties) == 2]
    groups = [c for c in clusters if c.first.kind == EventKind.SUMMIT and len(c.first.parties) >= 3]
    # ("Cho held talks with his Japanese counterpart Iwaya … Iwaya was on a two-day visit to Korea":
    # the ministers' meeting is what the visit's talks were; not talks with a leader beside it)
    ministers = [
        c
        for c in clusters
        if c.first.kind in (EventKind.FOREIGN_MINISTERS, EventKind.DEFENCE_MINISTERS, EventKind.TWO_PLUS_TWO)
        and len(c.first.parties) == 2
    ]
    if not summits and not ministers:
        return clusters
    out = []
    for c in clusters:
        if c in summits and c.first.sentence.index == 0:
            # a headline's two states at a summit of many ("Assad caps return to Arab fold at
            # Saudi-hosted summit"): the grouping's summit the story reports
            whole = next(
                (
                    g
                    for g in groups
                    if set(c.first.parties) <= set(g.first.parties)
                    and cluster_status(g) == cluster_status(c)
                    and _same_days(cluster_date(g), cluster_date(c))
                    # (not the pair's own numbered meeting: "Modi, Saudi Crown Prince hold first leaders'
                    # meeting of Strategic Partnership Council", the day after the G20 summit)
                    and not (_ordinals(c) and _ordinals(c) != _ordinals(g))
                ),
                None,
            )
            if whole is not None:
                whole.mentions.extend(c.mentions)
                continue
        status = cluster_status(c)
        if c.first.kind == EventKind.BILATERAL_TALKS and status in (
            EventStatus.OCCURRED,
            EventStatus.PLANNED,
        ):
            # ("will visit North Korea on Sept. 17 for talks with Kim … the coming summit meeting between
            # the two leaders": one visit to come, a summit)
            numbered = _ordinals(c)
            host = next(
                (
                    s
                    for s in summits
                    if set(s.first.parties) == set(c.first.parties)
                    and cluster_status(s) == status
                    and _same_days(cluster_date(s), cluster_date(c))
                    # (not a numbered session of another format: "held the ninth Annual Defence and
                    # Security Dialogue", in a story that recalls the leaders' Wuhan summit)
                    and not (numbered and numbered != _ordinals(s))
                    # (nor a visit long before an undated summit the story reports: "signed the treaty
                    # during a virtual summit … when Morrison visited Tokyo in November 2020")
                    and not (cluster_date(s) is None and long_before(cluster_date(c), published))
                ),
                None,
            )
            if (
                host is None
                and not any(m.strong for m in c.mentions)
                and not any(
                    p.role in ("head of state", "head of government") for m in c.mentions for p in m.people
                )
            ):
                host = next(
                    (
                        s
                        for s in ministers
                        if set(s.first.parties) == set(c.first.parties)
                        and cluster_status(s) == status
                        # (either undated: "Chile and Peru held talks in Cairo on March 12 … The
                        # foreign ministers of Chile and Peru agreed to …" is one meeting of theirs;
                        # and a visit to come on the days of the ministers' meeting it is for: "EAM
                        # Jaishankar to visit UAE from August 31 … to co-chair the joint commission")
                        and (
                            cluster_date(c) is None
                            or cluster_date(s) is None
                            or (
                                status == EventStatus.PLANNED and _same_days(cluster_date(s), cluster_date(c))
                            )
                        )
                        # (not talks dated and placed elsewhere: "The 4th Joint Permanent Commission met
                        # in Kigali … revived in September 2022 during a meeting … in Burundi")
                        and not (cluster_date(c) and _countries_apart(s, c))
                    ),
                    None,
                )
            if host is not None:
                host.mentions.extend(c.mentions)
                continue
        out.append(c)
    return out


def commissions_of_their_ministers(clusters: list[Cluster]) -> list[Cluster]:
    """Return the clusters, a pair's commission sessions told as talks made its ministers' meeting.

    Why: "The Second Session of the JMC between Uganda and Kenya was held in Kampala … the two
    ministers for Foreign Affairs reiterated …": a joint commission whose session the article shows
    the pair's foreign ministers holding is their meeting (as annotators code it), and so is every
    other session of it the article names ("Kenya will host the Third Session of the JMC in 2026").
    A session on its own dates, and the ministers' undated meeting, are one meeting.
    """
    ministers: dict[frozenset[str], list[Cluster]] = {}
    for c in clusters:
        if (
            c.first.kind in (EventKind.FOREIGN_MINISTERS, EventKind.DEFENCE_MINISTERS)
            and len(c.first.parties) == 2
            # (the ministers shown: not "A ministerial council will also form part of this new structure")
            and any(
                any(p.role in ("foreign minister", "defence minister") for p in m.people)
                or _MINISTERS_NAMED.search(
                    m.sentence.text, m.trigger_start - m.sentence.start, m.trigger_end - m.sentence.start
                )
                for m in c.mentions
            )
        ):
            ministers.setdefault(frozenset(c.first.parties), []).append(c)
    if not ministers:
        return clusters
    out = []
    for c in clusters:
        theirs = ministers.get(frozenset(c.first.parties), [])
        kinds = {m.first.kind for m in theirs}
        if (
            c.first.kind != EventKind.BILATERAL_TALKS
            or len(kinds) != 1
            or not any(_names_a_commission(m) for m in c.mentions)
            or any(_names_a_sectors_commission(m) for m in c.mentions)
            or any(m.strong and m.sentence.index > 0 and not _names_a_commission(m) for m in c.mentions)
            or _leaders_of_both(c)
        ):
            out.append(c)
            continue
        (kind,) = kinds
        for m in c.mentions:
            m.kind = kind
        status, date = cluster_status(c), cluster_date(c)
        host = next(
            (
                h
                for h in theirs
                if cluster_status(h) == status
                and (date is None or cluster_date(h) is None or _same_days(cluster_date(h), date))
            ),
            None,
        )
        if host is not None:
            host.mentions[:0] = c.mentions
            continue
        out.append(c)
    return out


# Ministers named by their office: "the two ministers for Foreign Affairs", "the defence ministers".
_MINISTERS_NAMED = re.compile(r"\bminist(?:er|ers)\b", re.I)
# A commission named for a sector: "Joint Economic Cooperation Commission", "Joint Border Commission".
_SECTORS_COMMISSION = re.compile(
    r"\b(?:Economic|Trade|Business|Investment|Technical|Scientific|Agricultur\w*|Energy|Border|Boundary|Water|"
    r"Consular|Military|Customs|Transport|Fisheries|Health|Cultural|Management)\s+(?:[\w-]+\s+){0,2}"
    r"(?:Commission|Committee|Council)\b",
    re.I,
)


def _names_a_sectors_commission(m: Mention) -> bool:
    """True when a mention's sentence names a commission for a sector, around its trigger.

    ("The two countries' Joint Economic Cooperation Commission is scheduled to meet", in a report of the foreign
    ministers' talks: the economic commission's session is not theirs.)
    """
    return _around_the_trigger(m, _SECTORS_COMMISSION, reach=60)


def _leaders_of_both(c: Cluster) -> bool:
    """True when a cluster's mentions name a leader of each of its two states.

    ("Abela held meetings with his Libyan counterpart Aldabaiba … agreed to expedite the 28th session of the
    Joint Committee, chaired by the Foreign Ministers": the leaders' talks are no session of their ministers'.)
    """
    leaders = {p.country for m in c.mentions for p in m.people if p.role in LEADER_ROLES}
    return len(c.first.parties) == 2 and set(c.first.parties) <= leaders


def _names_a_commission(m: Mention) -> bool:
    "True when a mention's trigger names a joint commission, council or committee, in full or by its acronym."
    words = m.sentence.text[m.trigger_start - m.sentence.start : m.trigger_end - m.sentence.start]
    return bool(_COMMISSION.search(words) or _COMMISSION_ACRONYM.search(words))


# "the JMC", "the JPC", "the BNC": a joint, permanent or bi-national commission by its acronym.
_COMMISSION_ACRONYM = re.compile(r"\b(?:J|B|P)[A-Z]{0,3}C\b")


def _countries_apart(a: Cluster, b: Cluster) -> bool:
    "True when two clusters are placed, and in different countries."
    where_a, where_b = _placed_in(a), _placed_in(b)
    return bool(where_a and where_b and not where_a & where_b)


def _placed_in(c: Cluster) -> set[str]:
    "Return the countries the body of an article places a cluster in (a headline's place is loose)."
    return {m.location.country for m in c.mentions if m.location and m.location.country and not m.headline}


def without_headline_echoes(clusters: list[Cluster]) -> list[Cluster]:
    """Return the clusters less those only a headline tells that the body reports as another kind of meeting.

    Why: "Iran, Saudi FMs discuss Rafah" over "In a phone conversation on Friday, the two foreign
    ministers stressed …" is one call; the headline's shorthand ("FMs discuss") would make it a
    foreign ministers' meeting as well. The body says what the meeting was. A summit is kept: the
    headline's "annual summit" over the body's "held talks" names the talks' occasion, as it would
    on the body's first line.
    """
    meetings = MEETING_KINDS | {EventKind.BILATERAL_TALKS}
    # ("MSDF joins 1st drill with 3 powers' navies" over "Japan, France, Australia and the United States took
    # part in their first joint drill": a drill the body tells in full is the headline's)
    echoed = meetings | {EventKind.EXERCISE}
    body = [c for c in clusters if not all(m.headline for m in c.mentions)]
    return [
        c
        for c in clusters
        if not (
            all(m.headline for m in c.mentions)
            and c.first.kind in echoed
            and c.first.kind != EventKind.SUMMIT
            and any(
                o.first.kind in echoed
                and (
                    (
                        o.first.kind != c.first.kind
                        and c.first.kind in meetings
                        and o.first.kind in meetings
                        and set(o.first.parties) == set(c.first.parties)
                    )
                    # "Foreign Ministers of Muslim Trio Nation …" over "Qureshi, Foreign Ministers of Turkey
                    # and Azerbaijan participated in the second trilateral talks": the body names all three
                    or (o.first.kind == c.first.kind and set(c.first.parties) < set(fullest_parties(o)))
                )
                and status_group(cluster_status(o)) == status_group(cluster_status(c))
                and dates_compatible(cluster_date(o), cluster_date(c))
                for o in body
            )
        )
    ]


def _ordinals(c: Cluster) -> set[int]:
    "Return the session numbers a cluster's mentions give."
    return {m.ordinal for m in c.mentions if m.ordinal}


def _same_days(a: str | None, b: str | None) -> bool:
    "True when two dates may be days of one visit (compatible, or within three days of each other)."
    return dates_compatible(a, b) or (
        a is not None and b is not None and len(a) == len(b) == 10 and _near(a, b, 3)
    )


def merge_key(m: Mention) -> tuple[str, frozenset[str] | None]:
    """Return the file of a mention's event: its kind and parties, or its kind alone for three states or more.

    Why: `same_parties` matches two parties or fewer only with the very same states, and
    three or more only with another list of three or more, which may name a few states
    fewer or more; so an event can only join events of its own file.
    """
    parties = frozenset(m.parties)
    return m.kind, (parties if len(parties) < 3 else None)


# A meeting held once more: "plan to meet again", "will meet once more".
_AGAIN_AFTER = re.compile(r"\b(?:meet|meeting|gather|convene|talk)s?\s+(?:again|once\s+more)\b", re.I)


_EARLIER_BEFORE = re.compile(
    r"\b(?:initial|earlier|previous|prior|preceding)\s+(?:[\w-]+\s+){0,2}(?:talks|discussions|meetings?|visits?|"
    r"rounds?|contacts?|consultations|drills?|exercises?|summits?)\b"
    # "Last time the defence ministers of the three countries held a meeting in Kars"
    r"|\blast\s+time\b|\blast\s+(?:held|met|hosted|gathered|convened)\b",
    re.I,
)
_LAST_MET = re.compile(
    r"\b(?:last|previously|had\s+last)\s+met\b"
    # "after Putin and Erdogan held their last face-to-face meeting in Moscow"
    r"|\b(?:held|had)\s+(?:their|its|a)\s+(?:last|previous)\s+(?:[\w-]+\s+){0,2}(?:meeting|summit|talks|round)\b"
    # "Recalled my last meeting with him in 2018"
    r"|\b(?:my|our|his|her|their)\s+(?:last|previous)\s+(?:meeting|talks|encounter)\s+with\b",
    re.I,
)
# A pluperfect right before a meeting verb: "had met", "had also held".
_HAD_BEFORE = re.compile(r"\bhad\s+(?:[a-z]+\s+)?$", re.I)
_SEPARATELY = re.compile(r"\W*(?:separately|in\s+a\s+separate\s+(?:development|move|meeting))\b", re.I)


def joins(c: Cluster, m: Mention, published: str | None = None) -> bool:
    "True when mention `m` reports the event of cluster `c`: same kind and parties, compatible date, session and status."
    f = c.first
    if f.kind != m.kind or not same_parties(f.parties, m.parties):
        return False
    if m.mechanism_id and any(x.mechanism_id not in (None, m.mechanism_id) for x in c.mentions):
        return False  # "the ADMM Retreat" and "the ADMM Plus": two formats, whatever their members share
    c_date = cluster_date(c)
    if not (
        dates_compatible(c_date, m.date)
        or overlaps_a_span(c, m)
        or days_of_one_exercise(f.kind, c_date, m.date)
        or first_and_last_days_of_one_exercise(c, m)
        or days_of_one_visit(c, m)
    ) or not same_session(c, m):
        return False
    if (
        m.cued
        and not statuses_compatible(cluster_status(c), m.status)
        # ("assistance to the 50th Pacific Islands Forum": a numbered session reported before is that
        # session, whatever a later sentence proposes about it)
        and not (
            m.ordinal
            and m.ordinal in _ordinals(c)
            and m.status in (EventStatus.PROPOSED, EventStatus.PREDICTED)
        )
    ):
        return False
    if (
        m.cued
        and m.status == EventStatus.OCCURRED
        and cluster_status(c) == EventStatus.PLANNED
        and after_the_story(c_date, published)
    ):
        return False  # "decided to hold the third meeting in Bishkek in 2020"; "the heads of state visited …": not it
    if (
        m.status == EventStatus.PLANNED
        and cluster_status(c) == EventStatus.OCCURRED
        and after_the_story(m.date, published)
        and c_date is not None  # (not "The visit shows …": undated, it may be the one planned)
        and not after_the_story(c_date, published)
        and all(x.sentence.index != m.sentence.index for x in c.mentions)
        and not all(x.headline for x in c.mentions)  # (a headline's tense is loose: the body says which)
    ):
        # "Wang Yi meets Kazakh FM … They discussed the state visit of President Nazarbayev to China this
        # May": a visit still to come is another occasion than the talks the story reports
        return False
    if (
        not c_date
        and m.date
        and not m.ordinal
        and any(x.ordinal and x.ordinal > 1 for x in c.mentions)
        and all(x.sentence.index < m.sentence.index for x in c.mentions)
        # (with no publication date to tell, a visit dated by its year is no undated numbered session:
        # "the third round of bilateral consultations … in Baku on June 1" and "the official visit of Prime
        # Minister Hun Sen to Azerbaijan in 2014")
        and (long_before(m.date, published) if published else len(m.date) == 4)
    ):
        # "… hold 3rd tripartite summit in Asmara … The first took place in Asmara while the follow-up
        # was in Bahir Dar in September and November 2018": an earlier session, not the numbered one
        return False
    if (
        not c_date
        and (f.kind in MEETING_KINDS or f.kind == EventKind.BILATERAL_TALKS)
        and m.date
        and m.status == EventStatus.OCCURRED
        and cluster_status(c) == EventStatus.OCCURRED
        and any(not x.headline and x.sentence.index <= LEAD_MENTION_SENTENCES for x in c.mentions)
        and all(x.sentence.index < m.sentence.index for x in c.mentions)
        and long_before(m.date, published)
    ):
        # "Botswana and Namibia held the 6th session of their commission … The last session took place in
        # 2011": the story's own meeting, told undated in its lead, is not one long before the story
        return False
    if (
        f.kind == EventKind.BILATERAL_TALKS
        and all(x.sentence.index != m.sentence.index for x in c.mentions)
        and (
            (
                _told_as_a_call(m)
                and not any(_told_as_a_call(x) for x in c.mentions)
                and any(map(_in_person, c.mentions))
            )
            or (_in_person(m) and not _told_as_a_call(m) and all(_told_as_a_call(x) for x in c.mentions))
        )
    ):
        # "… the warm hospitality received during his recent visit to Muscat. This phone call underscores …":
        # a call and a visit are two occasions
        return False
    if _SEPARATELY.match(m.sentence.text) and all(x.sentence.index != m.sentence.index for x in c.mentions):
        return False  # "Separately, the foreign minister will travel to Moscow next week": another trip
    if (
        not published
        and _A_YEAR_BEFORE.search(m.sentence.text)
        and not any(_A_YEAR_BEFORE.search(x.sentence.text) for x in c.mentions)
    ):
        return False  # (an undated page) "The Indian Army chief visited Bangladesh in July last year": an earlier visit
    if _FOR_THE_LAST_TIME.match(m.sentence.text, m.trigger_end - m.sentence.start) and all(
        x.sentence.index != m.sentence.index for x in c.mentions
    ):
        return (
            False  # "The two heads of state met for the last time in Abidjan": their meeting before this one
        )
    if (
        f.kind == EventKind.BILATERAL_TALKS
        and _ALSO_MET.search(
            m.sentence.text, max(0, m.trigger_start - m.sentence.start - 20), m.trigger_end - m.sentence.start
        )
        and _other_people_of_a_side(c, m)
        and all(x.sentence.index != m.sentence.index for x in c.mentions)
    ):
        # "Sogavare met with Chinese Premier Li Qiang in Beijing … Sogavare also met Chinese President Xi
        # Jinping": another of the host's people, met as well, is another meeting
        return False
    if (
        f.kind == EventKind.BILATERAL_TALKS
        and m.status == cluster_status(c)
        and all(x.sentence.index != m.sentence.index for x in c.mentions)
        and (
            _ANOTHER_MEETING.search(
                m.sentence.text,
                max(0, m.trigger_start - m.sentence.start - 40),
                m.trigger_end - m.sentence.start,
            )
            or _only_another_of_a_side(c, m)
            or _EARLIER_THAT_DAY.match(m.sentence.text)
        )
    ):
        # "In a subsequent meeting with Minister of Defence Maumoon …", "Lao Prime Minister Sonexay hosted a
        # reception for Ramos-Horta" after his talks with President Thongloun: another of the host's people,
        # another meeting, which annotators code on its own
        return False
    if (
        f.kind == EventKind.AGREEMENT
        and _ALSO_SIGNED.search(
            m.sentence.text, max(0, m.trigger_start - m.sentence.start - 30), m.trigger_end - m.sentence.start
        )
        and all(x.sentence.index != m.sentence.index for x in c.mentions)
    ):
        # "India and Vietnam signed a joint vision statement … The two sides also signed a mutual logistics
        # support memorandum": another document, signed as well
        return False
    if (m.earlier or f.earlier) and m.date != c_date:
        return False  # a past session a sentence lists is that session, not the undated one reported
    if (
        (m.date and c_date and m.date != c_date)
        or (m.location and f.location and m.location.city != f.location.city)
        # ("… meets Mongolia's top leadership … Recalled my last meeting with him in 2018": a session long
        # before the undated news is not it)
        or (m.date and not c_date and long_before(m.date, published))
    ) and _LAST_MET.search(m.sentence.text, 0, m.trigger_end - m.sentence.start):
        # "The two leaders last met in January": before the meeting reported, whatever its date says;
        # "… at their meeting in Klaipeda. They had last met in Vilnius": another place, another time
        return False
    if m.earlier and f.earlier and m.location and f.location and m.location != f.location:
        return False  # "have met twice, in Sochi and Istanbul": two sessions
    if (
        m.date
        and m.date != c_date
        and _HAD_BEFORE.search(
            m.sentence.text,
            max(0, m.trigger_start - m.sentence.start - 12),
            m.trigger_start - m.sentence.start,
        )
    ):
        # "… where his father had met with his Mexican counterpart in 1946": the pluperfect tells of a
        # time before the story's, dated on its own
        return False
    if (
        f.kind in MEETING_KINDS
        and m.date != c_date
        and m.location
        and m.location.city
        and m.location.country
        and any(x.location and x.location.city for x in c.mentions)
        and all(x.location and x.location.country != m.location.country for x in c.mentions)
    ):
        # "… at their summit in Bishkek. … reviewed the results of the 2018 Qingdao summit": a gathering
        # meets in one place; another country and another date is another session
        return False
    if (
        m.date
        and m.date != c_date
        and m.status == EventStatus.OCCURRED
        and cluster_status(c) == EventStatus.OCCURRED
        and m.location
        and m.location.country
        and any(
            x.location and x.location.country and x.location.country != m.location.country and not x.headline
            for x in c.mentions
        )  # (a headline's place, "… at Canberra 2+2", is loose: the body says where)
        and len(m.parties) == 2
    ):
        # "The 11th Joint Permanent Commission met in Kigali … The commission was revived in September 2022
        # during a meeting … in Uganda": a meeting dated elsewhere is another one
        return False
    if (
        not c_date
        and cluster_status(c) == EventStatus.PLANNED
        and m.status == EventStatus.OCCURRED
        and m.date
        and (long_before(m.date, published) if published else True)
    ):
        # (cued or not: "The Samarkand SCO summit in 2022 initiated…" has no status word but its year)
        # "They will hold a 2+2 next month. The first such meeting took place in November 2002":
        # a session that happened well before the story is not the one still to come (but
        # "Malabar to begin … The exercise began on Tuesday" is one; with no publication date to
        # tell, a dated session that happened is taken as another).
        return False
    if (
        m.status == EventStatus.OCCURRED
        and cluster_status(c) == EventStatus.PLANNED
        and PERFECT_MEETING.match(m.sentence.text, m.trigger_start - m.sentence.start)
    ):
        return False  # "Trump and Xi are set to meet. The two leaders have spoken twice since": before
    if (
        m.status == EventStatus.OCCURRED
        and cluster_status(c) == EventStatus.PLANNED
        and _EARLIER_BEFORE.search(m.sentence.text, 0, m.trigger_end - m.sentence.start)
    ):
        # "Anwar will visit on Thursday … The initial discussions took place during Paetongtarn's
        # visit to Malaysia": the talks the visit follows up, not the visit to come
        return False
    if (
        m.status == EventStatus.PLANNED
        and cluster_status(c) == EventStatus.OCCURRED
        and c_date
        and long_before(c_date, published)
    ):
        return False  # "…the Samarkand summit in 2022. Leaders will attend the SCO summit in Astana": another
    if (
        m.status == EventStatus.PLANNED
        and cluster_status(c) == EventStatus.OCCURRED
        and OTHER_MINISTERS_OF_BOTH.search(m.sentence.text, 0, m.trigger_start - m.sentence.start)
        and all(x.sentence.index != m.sentence.index for x in c.mentions)
    ):
        # "The two presidents met in Chato … They directed energy ministers from both countries to meet":
        # a meeting of other people, to come, is another one
        return False
    if (
        m.status == EventStatus.PLANNED
        and cluster_status(c) == EventStatus.OCCURRED
        and _AGAIN_AFTER.search(m.sentence.text, m.trigger_start - m.sentence.start)
    ):
        return False  # "The ministers met in Tokyo on Saturday. They plan to meet again next month": another
    if (
        m.status == EventStatus.PLANNED
        and cluster_status(c) == EventStatus.OCCURRED
        and (
            _NEXT_BEFORE.search(m.sentence.text, 0, m.trigger_start - m.sentence.start)
            # ("agreed to hold the next meeting of the Council in August": the trigger says so itself)
            or _NEXT_IN.match(m.sentence.text, m.trigger_start - m.sentence.start)
        )
    ):
        return False  # "The 24th summit was held in Astana. The next summit will be held in China": another
    if (
        m.status == EventStatus.OCCURRED
        and m.cued
        and cluster_status(c) == EventStatus.PLANNED
        and any(
            _NEXT_BEFORE.search(x.sentence.text, 0, x.trigger_start - x.sentence.start)
            for x in c.mentions
            if x.status == EventStatus.PLANNED
        )
    ):
        return False  # "South Africa To Host Next AU Summit … discussed at summit": the one just held
    # An undated mention whose parties come from the context and whose cue says another status
    # ("the ministers will meet again") is another occasion than an event with a date.
    # But an exercise under way goes on: "It will include anti-submarine drills" is the same one.
    under_way = (
        f.kind == EventKind.EXERCISE
        and cluster_status(c) == EventStatus.OCCURRED
        and not long_before(c_date, published)
        and not _ANOTHER_EDITION.search(m.sentence.text)
    )
    return under_way or not (
        m.cued
        and status_group(cluster_status(c)) != status_group(m.status)
        and c_date
        and m.date is None
        and not m.explicit_parties
    )


# "the next summit", "the following Council of Heads of State meeting": another session than one held.
_NEXT_BEFORE = re.compile(
    r"\b(?:next|another|following|subsequent|upcoming|forthcoming)\s+(?:[\w'’-]+\s+){0,5}$", re.I
)
_NEXT_IN = re.compile(r"(?:the\s+|its\s+|their\s+)?(?:next|another|following|subsequent)\b", re.I)

# Words that point a planned mention of an exercise at another edition than the one under way.
_ANOTHER_EDITION = re.compile(r"\b(?:next|again|another|future|following|subsequent)\b", re.I)

# How long before the story a session must lie to be another occasion than the one it announces.
PAST_SESSION_DAYS = 14


def after_the_story(date: str | None, published: str | None) -> bool:
    """True when a date lies well after the publication: what it dates is still to come, not the news.

    A day counts when it is more than PAST_SESSION_DAYS after a dated story ("the summit
    tomorrow" is the story's own); a month or year when it starts after the story's.
    """
    if not date or not published:
        return False
    if len(date) >= 10 and len(published) >= 10:
        try:
            return (
                dt.date.fromisoformat(date[:10]) - dt.date.fromisoformat(published[:10])
            ).days > PAST_SESSION_DAYS
        except ValueError:
            return False
    n = min(len(date), len(published), 7)
    return date[:n] > published[:n]


# The sentences (after the headline) that tell the story's own meeting: its lead.
LEAD_MENTION_SENTENCES = 2


def long_before(date: str | None, published: str | None) -> bool:
    "True when a date (of any precision) ends more than PAST_SESSION_DAYS before the publication date."
    if not date or not published:
        return False
    try:
        story = dt.date.fromisoformat(published[:10]) if len(published) >= 10 else None
    except ValueError:
        return False
    if story is None:
        return date[:4] < published[:4]
    year, month = int(date[:4]), int(date[5:7]) if len(date) >= 7 else 12
    day = int(date[8:10]) if len(date) >= 10 else calendar.monthrange(year, month)[1]
    try:
        return (story - dt.date(year, month, day)).days > PAST_SESSION_DAYS
    except ValueError:
        return False


def same_session(c: Cluster, m: Mention) -> bool:
    """False when a mention names another session than the cluster's: another number.

    Why: "the fourth 2+2" and "the third round took place in Washington" are two meetings
    of one format, though neither may be dated. (Another city is not enough: reports name
    a venue by its city, its district or its building.)
    """
    ordinals = {x.ordinal for x in c.mentions if x.ordinal}
    return not (m.ordinal and ordinals and m.ordinal not in ordinals)


def cluster_date(c: Cluster) -> str | None:
    dates = [m.date for m in c.mentions if m.date]
    return max(dates, key=len) if dates else None


def cluster_status(c: Cluster, published: str | None = None) -> str:
    """The status of a cluster: a report that it happened beats an earlier announcement; uncued echoes don't vote.

    With the publication day: a plan whose first day has come, reported as begun ("have commenced a
    joint naval exercise … scheduled to unfold from March 12 to 15", filed on March 12), is under way.
    """
    mentions = [m for m in c.mentions if m.cued] or c.mentions
    statuses = [m.status for m in mentions]
    if (
        set(statuses) == {EventStatus.PLANNED}
        and _plan_has_begun(mentions, published)
        and any(
            m.status == EventStatus.OCCURRED
            and m.date
            and len(m.date) == 10
            and published
            and m.date < published  # (a day before the report's: a headline's "today" may still be ahead)
            and any(p.date and m.date >= p.date for p in mentions)
            for m in c.mentions
        )
    ):
        # "the visit …, scheduled for May 25-27", filed on May 27, and "the bilateral meeting … on May 26":
        # the schedule's days have come, and the meeting is told as held
        return EventStatus.OCCURRED
    if (
        c.first.kind == EventKind.BILATERAL_TALKS
        and set(statuses) == {EventStatus.OCCURRED}
        and any(m.status == EventStatus.PLANNED for m in c.mentions)
        and any(_only_arrived(m) for m in mentions)
        and all(_only_arrived(m) or _the_visit_itself(m) for m in mentions)
    ):
        # "King Mohammed VI is on a private visit to Gabon since Thursday evening, to meet with President
        # Bongo … During his trip, the king will hold talks with him": the stay has begun, the talks are ahead
        return EventStatus.PLANNED
    for s in (EventStatus.OCCURRED, EventStatus.PLANNED, EventStatus.PROPOSED, EventStatus.PREDICTED):
        if s in statuses:
            if s == EventStatus.OCCURRED and EventStatus.PLANNED in statuses:
                planned = [m for m in mentions if m.status == EventStatus.PLANNED]
                occurred = [m for m in mentions if m.status == EventStatus.OCCURRED]
                # The plan is the explicit report; an undated 'occurred' echo does not overturn it,
                # nor does a year ("the 2022 summit marks …") a plan for a day ("will host the
                # summit from June 6").
                planned_day = max((len(m.date) for m in planned if m.date), default=0)
                if (
                    planned_day > 4
                    and all(m.date is None or len(m.date) == 4 for m in occurred)
                    and not _plan_has_begun(planned, published)
                ):
                    return EventStatus.PLANNED
                if (
                    c.first.kind == EventKind.BILATERAL_TALKS
                    and any(_only_arrived(m) for m in occurred)
                    and all(_only_arrived(m) or _the_visit_itself(m) for m in occurred)
                ):
                    # "Thein Sein arrived in Bangkok today on his first official visit … will meet with
                    # Prime Minister Yingluck": the visit has begun, its talks are ahead
                    return EventStatus.PLANNED
            return s
    return statuses[0]


# A guest's arrival, and the words that say a meeting was already held.
_ARRIVED = re.compile(r"\b(?:arrived|arrives|arriving|arrival|landed|lands|touched\s+down)\b", re.I)
_ALREADY_MET = re.compile(
    r"\b(?:met|meets|held|holds|discussed|discusses|talked|signed|agreed|exchanged|conferred|reviewed|"
    r"received|receives|hosted|hosts)\b",
    re.I,
)


def _only_arrived(m: Mention) -> bool:
    """True when a mention's sentence tells of a guest's arrival and, up to its trigger, of no meeting held.

    (What the sentence adds after the visit is no meeting of the two: "arrived in Bangkok today on his first
    official visit, … after canceling plans to travel to the Forum held from May 30".)
    """
    told = m.sentence.text[: m.trigger_end - m.sentence.start]
    if _MET_AT_THE_AIRPORT.match(
        m.sentence.text, m.trigger_start - m.sentence.start
    ) or _RECEIVED_AT_THE_AIRPORT.search(m.sentence.text):
        return True  # "Jeenbekov met the Chairman of the PRC at Manas International Airport": a greeting on arrival
    return bool(_ARRIVED.search(told) or _ON_A_VISIT.search(told)) and not _ALREADY_MET.search(told)


# A guest whose stay is under way: "King Mohammed VI is on a private visit to Gabon since Thursday evening".
_ON_A_VISIT = re.compile(
    r"\b(?:is|are)\s+(?:currently\s+|now\s+)?on\s+(?:a|an|his|her|their)\s+(?:[\w-]+\s+){0,3}?(?:visit|trip|tour)\b",
    re.I,
)


# "Dar landed at Hazrat Shahjalal International Airport, where he was received by the Foreign Secretary".
_RECEIVED_AT_THE_AIRPORT = re.compile(
    r"\b(?:Airport|airport|air\s+base|Air\s+Base)\b[^.;]{0,20}?\b(?:where|and)\s+(?:he|she|they|the\s+\w+)\s+"
    r"(?:was|were)\s+(?:\w+ly\s+)?(?:received|greeted|welcomed)\b"
)


# A host greeting his guest where the guest lands: "met the Chairman of the PRC at Manas International Airport".
_MET_AT_THE_AIRPORT = re.compile(
    r"(?:met|greeted|welcomed|received)\s+[^.;]{0,80}?\bat\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}"
    r"(?:Airport|airport|air\s+base|Air\s+Base|airfield)\b"
)


def _the_visit_itself(m: Mention) -> bool:
    """True when a mention is the visit named as a noun with no meeting told before it ("The visit comes within
    the framework of …"): the guest's stay, which is no meeting of its own."""
    start, end = m.trigger_start - m.sentence.start, m.trigger_end - m.sentence.start
    return bool(
        re.fullmatch(r"(?i)(?:visits?|trips?|tours?)", m.sentence.text[start:end])
    ) and not _ALREADY_MET.search(m.sentence.text[:end])


def _plan_has_begun(planned: Sequence[Mention], published: str | None) -> bool:
    "True when a planned mention's first day is the publication day or before it (both days)."
    return bool(
        published
        and len(published) == 10
        and any(m.date and len(m.date) == 10 and m.date <= published for m in planned)
    )


def refines(date: str | None, known: str) -> bool:
    "True when `date` is a more precise date within `known` (a day of its month, a month of its year)."
    return date is not None and len(date) > len(known) and date.startswith(known)


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
        nxt = next_reference(article, last, used)
        if nxt is None:
            continue
        sentence = article.sentences[nxt]
        parties = set(c.first.parties)
        people = [
            p
            for p in people_of(actors.get(nxt, []))
            if p.country in parties and role_fits(c.first.kind, p.role)
        ]
        is_about = (
            bool(ANAPHORA.search(sentence.text))
            or (people and ATTENDANCE.search(sentence.text))
            or nxt > last + 1
        )
        if not is_about:
            continue
        extra = later_mention(
            c,
            sentence,
            people,
            topics=topics_of(sentence.text) if ANAPHORA.search(sentence.text) else frozenset(),
        )
        s_dates = [
            d
            for d in dates.get(nxt, [])
            if d.date and not bounds_a_period(sentence.text, d.start - sentence.start)
        ]
        known = cluster_date(c)
        if (
            s_dates
            and (known is None or refines(s_dates[0].date, known))
            and not (
                # (not a day gone by for what is still to come: "expected to ink the MoU this month. The
                # document was released following yesterday's cabinet meeting")
                cluster_status(c) == EventStatus.PLANNED
                and article.published
                and is_before(s_dates[0].date or "", article.published)
            )
        ):
            # (or the days of a month the event's own sentence gave: "inaugurated … this week. This
            # landmark meeting, held in Phnom Penh on April 21-22, 2026")
            d = s_dates[0]
            extra.date, extra.date_end = d.date, d.date_end
        if not any(m.location for m in c.mentions):
            extra.location = venue_named(sentence, actors.get(nxt, []), c.first.parties)
        c.mentions.append(extra)


# A sentence that lists who takes part: "Participating troops come from Belgium, Denmark, …",
# "UNITAS participants include Naval Forces from Argentina, …", "The seven countries sending
# their armed forces to participate are Thailand, the U.S., …", "Japan and Singapore are among the
# nations joining …" (not the observers or guests).
_PARTICIPANT_LIST = re.compile(
    # "The third meeting of the group includes representatives from Azerbaijan, Armenia, Iran, …"
    r"\b(?:meeting|session|summit|gathering|group|forum|conference|dialogue)\s+(?:\w+\s+)?"
    r"(?:includes|included|brings\s+together|brought\s+together|gathers|gathered)\s+(?:the\s+)?"
    r"(?:[\w-]+\s+)?(?:representatives|delegations|ministers|leaders|officials|heads\s+of\s+(?:state|government))\s+"
    r"(?:from|of)\b|"
    r"\b(?:participants?|participating|(?:scheduled|set|expected|due)\s+to\s+participate|taking\s+part|take\s+part|sending\s+(?:their\s+)?(?:troops|forces|armed\s+forces|"
    r"ships|navies))\b[^.;]{0,80}?\b(?:include[sd]?|are|were|come\s+from|came\s+from|hail\s+from)\b"
    # "Indonesia, Japan and Singapore are among the nations joining the United States and Thailand"
    r"|\b(?:are|were)\s+(?:among\s+)?the\s+(?:[\w-]+\s+)?(?:nations|countries|states|militaries|navies)\s+"
    r"(?:(?:that\s+)?(?:are\s+|were\s+)?)?(?:joining|taking\s+part|participating)\b"
    # "International military contingents from Morocco, the United States, Germany … are participating"
    r"|\b(?:contingents|troops|forces|militaries|navies|units|delegations)\s+from\s+[^;]{0,160}?\b(?:(?:are|were)\s+"
    r"(?:participating|taking\s+part)|took\s+part|participated)\b"
    # "Scheduled for Aug. 19 to Aug. 30 in the Rio de Janeiro area, it will include military personnel and ships
    # from Argentina, Brazil, Chile …": the forces of each state taking part
    r"|\b(?:it|the\s+(?:exercise|drills?|exercises))\s+(?:will\s+|would\s+)?(?:include[sd]?|involve[sd]?|bring\s+together)\s+"
    r"(?:[\w-]+\s+){0,2}(?:personnel|troops|forces|ships|vessels|sailors|soldiers|marines|navies|units|contingents)\b"
    r"(?:\s+and\s+(?:[\w-]+\s+){0,2}(?:ships|vessels|aircraft|personnel))?\s+from\b",
    re.I,
)
_LISTED_KINDS = frozenset(
    {
        EventKind.EXERCISE,
        EventKind.SUMMIT,
        EventKind.FOREIGN_MINISTERS,
        EventKind.DEFENCE_MINISTERS,
        EventKind.TWO_PLUS_TWO,  # ("foreign and defence ministers of South America met … delegations from … took part")
    }
)
# How far after a multilateral event's first sentence its list of participants may stand.
LIST_REACH = 12


def attach_participant_lists(
    article: Article, clusters: list[Cluster], actors: dict[int, list[ActorMention]]
) -> None:
    """Let a sentence that lists who takes part in an exercise or meeting give its parties.

    Why: a multinational exercise is announced by its organiser or host ("NATO began its 47th
    annual BALTOPS naval exercise", "Cobra Gold got underway in Sattahip") and its participants
    are listed sentences later; they, not the organiser's members, are the parties.
    """
    claimed: set[int] = set()
    for c in clusters:
        if c.first.kind not in _LISTED_KINDS or c.first.generic:
            continue
        first = c.first.sentence.index
        for i in range(first, min(len(article.sentences), first + 1 + LIST_REACH)):
            sentence = article.sentences[i]
            if i in claimed or not _PARTICIPANT_LIST.search(sentence.text):
                continue
            states = tuple(
                dict.fromkeys(
                    a.code
                    for a in actors.get(i, [])
                    if a.type == ActorType.STATE and a.code and a.start >= sentence.start
                )
            )
            if len(states) < 3:
                continue
            extra = later_mention(c, sentence, [])
            extra.parties, extra.listed = tuple(sorted(states)), True
            c.mentions.append(extra)
            claimed.add(i)
            break


def attach_attendees(
    article: Article, clusters: list[Cluster], actors: dict[int, list[ActorMention]]
) -> None:
    """Let the sentences that name who attended a meeting of "Arab" or "African" ministers give its parties.

    Why: "The Arab ministerial consultative meeting discussed … Saudi Foreign Minister Prince Faisal was
    among the Arab ministers who attended … Egypt's Foreign Minister chaired the session … Qatar's Prime
    Minister, Jordan's Deputy Prime Minister and the UAE's Minister of State attended the meeting": a
    meeting named by a region's adjective, not by a body's name, is the ministers who came, not every
    member of the League. A body named by its name ("the Arab League summit") keeps its members.
    """
    for c in clusters:
        first = c.first
        if first.kind not in MEETING_KINDS or first.generic or any(m.listed for m in c.mentions):
            continue
        # (or whose parties no sentence of it names: "Ministerial Consultative Meeting Addresses Developments in
        # Israeli War on Gaza" took the states of its topic)
        unnamed = not any(m.explicit_parties for m in c.mentions)
        if not unnamed and not (
            first.from_grouping and named_by_an_adjective(first, actors.get(first.sentence.index, []))
        ):
            continue
        states: dict[str, None] = {}
        start = first.sentence.index
        for i in range(start, min(len(article.sentences), start + 1 + LIST_REACH)):
            sentence = article.sentences[i]
            if not _ATTENDED.search(sentence.text):
                continue
            for a in actors.get(i, []):
                if a.start < sentence.start:
                    continue
                code = (
                    a.code if a.type == ActorType.STATE else a.country if a.type == ActorType.PERSON else None
                )
                if code and (
                    unnamed or code in first.parties
                ):  # (not "the Saudi Mission to the United States", an office abroad)
                    states[code] = None
        if len(states) < 3 or not (unnamed or len(states) < len(first.parties)):
            continue
        extra = later_mention(c, first.sentence, [])
        extra.parties, extra.listed = tuple(sorted(states)), True
        c.mentions.append(extra)


def named_by_an_adjective(m: Mention, s_actors: list[ActorMention]) -> bool:
    "True when the body whose members a mention took is named in its sentence only by one word, not its name."
    bodies = [
        a
        for a in s_actors
        if a.type in (ActorType.ORGANISATION, ActorType.GROUPING) and abs(a.start - m.trigger_start) < 60
    ]
    return bool(bodies) and all(
        " " not in a.text and not a.text.isupper() and a.text != a.name for a in bodies
    )


# A sentence telling who attended or chaired the meeting: "attended the meeting", "chaired the session",
# "was among the Arab ministers who attended".
_ATTENDED = re.compile(
    r"\b(?:attended|chaired|co-chaired|presided\s+over|took\s+part\s+in|participated\s+in)\s+(?:the|this)\s+"
    r"(?:[\w'’-]+\s+){0,3}(?:meeting|session|gathering|conference|talks)\b"
    r"|\bwho\s+(?:attended|took\s+part|participated)\b"
    r"|^\W*(?:Attending|Present\s+at|Taking\s+part\s+in|Participating\s+in)\s+(?:the|this)\s+(?:[\w'’-]+\s+){0,3}"
    r"(?:meeting|session|gathering|conference|talks)\s+(?:were|was)\b"
    r"|\b(?:meeting|session|gathering|conference)\s+was\s+(?:also\s+)?(?:attended|chaired)\s+by\b",
    re.I,
)


# A later sentence that adds guests to a meeting just reported: "The presidents of Egypt and Turkey
# also attended the summit", "Indonesia and Malaysia also took part in the drill as guests".
_GUESTS_OF = re.compile(
    r"\b(?:also|as\s+well)\s+(?:(?:have|had|has)\s+)?(?:attended|joined|took\s+part\s+in|participated\s+in|"
    r"were\s+present\s+at|was\s+present\s+at)\s+the\s+(?:[\w'’-]+\s+){0,2}$"
    # "Other sub-regional leaders participating in the summit include the Presidents of Niger and …"
    r"|\bother\s+(?:[\w-]+\s+){0,2}(?:leaders|presidents|heads\s+of\s+state|ministers|delegations)\s+"
    r"(?:participating|taking\s+part)\s+in\s+the\s+(?:[\w'’-]+\s+){0,2}$",
    re.I,
)
_BARE_DEFINITE_START = re.compile(r"\W*(?:The|This|That)\s+", re.I)
_HOSTED_OR_ATTENDED_BY = re.compile(
    r"\s+(?:was|were)\s+(?:[\w'’-]+\s+){0,7}?(?:hosted|chaired|attended|joined|co-chaired)\s+by\b", re.I
)
# How many sentences after the meeting's last one its guests may be named.
GUEST_REACH = 4


def is_a_guest_mention(m: Mention) -> bool:
    """True when a mention only says that its parties also attended a meeting named before ("the summit").

    Why: "The presidents of Egypt and Turkey also attended the summit" reports no summit of
    Egypt and Turkey; it names two more parties of the one the article just reported.
    """
    start = m.trigger_start - m.sentence.start
    if _BARE_DEFINITE_START.fullmatch(m.sentence.text, 0, start) and _HOSTED_OR_ATTENDED_BY.match(
        m.sentence.text, m.trigger_end - m.sentence.start
    ):
        # "The summit was the second to be hosted by Angola's President João Lourenço and was also attended by
        # DRC President Félix Tshisekedi": the host and a guest of the summit just reported
        return True
    return not m.ordinal and bool(_GUESTS_OF.search(m.sentence.text[max(0, start - 70) : start]))


def attach_guests(clusters: list[Cluster]) -> list[Cluster]:
    """Fold a meeting's guests, named in a later sentence, into the meeting; return the clusters left.

    The guests' mention becomes a list of who took part (`listed`): the meeting's parties and theirs.
    """
    out: list[Cluster] = []
    for c in clusters:
        m = c.first
        host = next(
            (
                e
                for e in reversed(out)
                if e.first.kind == m.kind
                # (named before the guests, within reach; later sentences may still tell of it)
                and 0
                < m.sentence.index
                - max(
                    (x.sentence.index for x in e.mentions if x.sentence.index < m.sentence.index), default=-99
                )
                <= GUEST_REACH
                and statuses_compatible(cluster_status(e), m.status)
                and dates_compatible(cluster_date(e), cluster_date(c))
            ),
            None,
        )
        if len(c.mentions) == 1 and host is not None and is_a_guest_mention(m):
            guests = later_mention(host, m.sentence, m.people)
            guests.parties = tuple(sorted(set(fullest_parties(host)) | set(m.parties)))
            guests.listed = True
            host.mentions.append(guests)
            continue
        out.append(c)
    return out


def fold_bare_meetings_into_their_level(clusters: list[Cluster]) -> list[Cluster]:
    """Return the clusters, a grouping's bare "meeting" folded into the ministers' meeting the article reports.

    Why: "Japan to host 'Quad' meeting with U.S., Australia and India next week" names no level, and a
    grouping's meeting with none reads as its summit; the body's "a meeting next week of the foreign
    ministers of the Quad" is the same meeting, at its level.
    """
    out: list[Cluster] = []
    leveled = [c for c in clusters if c.first.kind in _MINISTERS_KINDS]
    for c in clusters:
        target = (
            next(
                (
                    x
                    for x in leveled
                    if set(fullest_parties(x)) == set(fullest_parties(c))
                    and status_group(cluster_status(x)) == status_group(cluster_status(c))
                    and dates_compatible(cluster_date(x), cluster_date(c))
                ),
                None,
            )
            if c.first.kind == EventKind.SUMMIT
            and len(fullest_parties(c)) >= 3
            and all(map(_bare_meeting, c.mentions))
            else None
        )
        if target is None:
            out.append(c)
            continue
        for m in c.mentions:
            m.kind = target.first.kind
            target.mentions.append(m)
    return out


_MINISTERS_KINDS = frozenset(
    {EventKind.FOREIGN_MINISTERS, EventKind.DEFENCE_MINISTERS, EventKind.TWO_PLUS_TWO}
)
_LEADERS_WORDS = re.compile(
    r"\b(?:summits?|leaders?|heads?|presidents?|premiers?|prime\s+ministers?|kings?)\b", re.I
)


def _bare_meeting(m: Mention) -> bool:
    "True when a summit mention's words name no leaders: a grouping's 'meeting' at no level."
    start = m.trigger_start - m.sentence.start
    return not _LEADERS_WORDS.search(m.sentence.text, max(0, start - 40), m.trigger_end - m.sentence.start)


def without_greetings_at_a_gathering(clusters: list[Cluster]) -> list[Cluster]:
    """Return the clusters, less the receptions of arriving guests at a gathering both states attend.

    Why: "the foreign minister received Ortega at the airport", "the King received the heads of the
    delegations", in a report of the summit they came for: a host greets each guest; that is no bilateral
    meeting of the two (one the text calls talks, a meeting or discussions stays).
    """
    gatherings = [
        (set(fullest_parties(c)), cluster_date(c), _placed_in(c))
        for c in clusters
        if c.first.kind in MEETING_KINDS and len(fullest_parties(c)) >= 3
    ]
    if not gatherings:
        return clusters
    return [
        c
        for c in clusters
        if not (
            c.first.kind == EventKind.BILATERAL_TALKS
            and all(_is_a_greeting(m) for m in c.mentions)
            and any(
                set(c.first.parties) <= members
                # (guests arrive the day before: the month is enough)
                and dates_compatible(day and day[:7], (cluster_date(c) or "")[:7] or None)
                # (the host greets its guests at home: the gathering is in one of the two states)
                and (not host or bool(host & set(c.first.parties)))
                for members, day, host in gatherings
            )
        )
    ]


def without_arrivals_before_their_talks(clusters: list[Cluster]) -> list[Cluster]:
    """Return the clusters, less a guest's arrival told as held talks when the talks it is for are ahead.

    Why: "Ruto arrived in Kampala on Sunday for a three-day state visit. He will hold official talks with
    Museveni on Monday": the visit has begun, and the meeting of the two is the one to come; the
    arrival is no other meeting of theirs. Only talks of the same two states, to come within the
    visit (a week of the arrival) or undated.
    """
    ahead = [
        c
        for c in clusters
        if c.first.kind == EventKind.BILATERAL_TALKS and cluster_status(c) == EventStatus.PLANNED
    ]
    kept: list[Cluster] = []
    for c in clusters:
        talks = (
            next(
                (
                    t
                    for t in ahead
                    if set(t.first.parties) == set(c.first.parties)
                    and _within_a_visit(cluster_date(c), cluster_date(t))
                ),
                None,
            )
            if c.first.kind == EventKind.BILATERAL_TALKS
            and cluster_status(c) == EventStatus.OCCURRED
            and all(m.status == EventStatus.OCCURRED for m in c.mentions)
            and any(_only_arrived(m) for m in c.mentions)
            and all(_only_arrived(m) or _the_visit_itself(m) for m in c.mentions)
            else None
        )
        if talks is None:
            kept.append(c)
            continue
        place = next((m.location for m in c.mentions if m.location), None)
        if place is not None and not any(m.location for m in talks.mentions):
            talks.mentions[0] = replace(talks.mentions[0], location=place)  # (the talks are where he arrived)
    return kept


def _within_a_visit(arrived: str | None, day: str | None) -> bool:
    "True when talks on `day` may belong to a visit begun on `arrived`: within a week after it, or either undated."
    if arrived is None or day is None or len(arrived) < 10 or len(day) < 10:
        return arrived is None or day is None or day[:7] >= arrived[:7]
    gap = (dt.date.fromisoformat(day) - dt.date.fromisoformat(arrived)).days
    return 0 <= gap <= 7


def _is_a_greeting(m: Mention) -> bool:
    """True when a mention's trigger is a verb of receiving, or a guest's visit, and its sentence names no talks.

    ("Jaishankar started his visit to Japan by unveiling a bust", in a report of the Quad meeting in Tokyo:
    the trip to the gathering.)
    """
    text = m.sentence.text
    start = m.trigger_start - m.sentence.start
    return bool(_RECEIVED.match(text, start)) and not _TALKED.search(text)


_RECEIVED = re.compile(
    r"(?:received|receives|receiving|welcomed|welcomes|welcoming|greeted|greets|visit\s+to|trip\s+to)\b", re.I
)
_TALKED = re.compile(r"\b(?:talks|discuss\w*|meeting|met|consultations|conversation|bilateral)\b", re.I)


# The roles that take part in the article's lead meeting, by kind.
_LEAD_ROLES: dict[str, frozenset[str]] = {
    EventKind.TWO_PLUS_TWO: frozenset({"foreign minister", "defence minister"}),
    EventKind.FOREIGN_MINISTERS: frozenset({"foreign minister"}),
    EventKind.DEFENCE_MINISTERS: frozenset({"defence minister"}),
    EventKind.SUMMIT: frozenset({"head of state", "head of government"}),
}
# How far from the publication date the lead meeting may lie for the article's office holders
# to be its participants (a report, a preview or a readout of that meeting).
LEAD_PEOPLE_DAYS = 45


def attach_lead_people(
    article: Article, clusters: list[Cluster], actors: dict[int, list[ActorMention]], lead_sentences: int
) -> None:
    """Give the article's lead meeting the office holders of its parties the article names anywhere.

    Why: a report names the meeting in its lead and its participants paragraphs later ("Blinken
    also met …", "Jaishankar said …"); those ministers of its parties are who attended. Only
    for the lead meeting of a 2+2, ministers' meeting or summit, held or planned near the
    publication date, and only people whose role is the meeting's level.
    """
    lead = next(
        (
            c
            for c in sorted(clusters, key=lambda c: min(m.sentence.index for m in c.mentions))
            if min(m.sentence.index for m in c.mentions) < lead_sentences
        ),
        None,
    )
    if lead is None or lead.first.kind not in _LEAD_ROLES:
        return
    if cluster_status(lead) not in (EventStatus.OCCURRED, EventStatus.PLANNED):
        return
    date = cluster_date(lead)
    if date and not _near(date, article.published, LEAD_PEOPLE_DAYS):
        return
    roles, parties = _LEAD_ROLES[lead.first.kind], set(lead.first.parties)
    named = {p.name for m in lead.mentions for p in m.people}
    # (but a signing among the same states is the meeting's own outcome: "A protocol was signed on the
    # outcomes of the discussions chaired by Minister A, Minister B and Minister C" names who met)
    others = {
        m.sentence.index
        for c in clusters
        if c is not lead and not (c.first.kind == EventKind.AGREEMENT and set(c.first.parties) <= parties)
        for m in c.mentions
    }
    reported = {m.sentence.index for m in lead.mentions}
    for index in sorted(actors):
        if index in others or index in reported:
            continue  # another event's sentence names its people; the lead's own were read already
        people = [
            p
            for p in people_of(actors[index])
            if p.country in parties and p.role in roles and p.name not in named
        ]
        if not people:
            continue
        named.update(p.name for p in people)
        sentence = article.sentences[index]
        lead.mentions.append(later_mention(lead, sentence, people, cued=False))


def _near(date: str, published: str | None, days: int) -> bool:
    "True when a date (of any precision) lies within `days` of the publication date (True if either is unknown)."
    if not published or len(published) < 7:
        return True
    try:
        story = dt.date.fromisoformat(published[:10] if len(published) >= 10 else published + "-15")
        year, month = int(date[:4]), int(date[5:7]) if len(date) >= 7 else 7
        day = int(date[8:10]) if len(date) >= 10 else 15
        return abs((story - dt.date(year, month, day)).days) <= days + (0 if len(date) >= 7 else 183)
    except ValueError:
        return True


def later_mention(c: Cluster, sentence: Sentence, people: list[Person], **fields: Any) -> Mention:
    "Return what a later sentence adds to a cluster's event (its people, date or place), as a mention of it."
    return Mention(
        kind=c.first.kind,
        status=cluster_status(c),
        parties=c.first.parties,
        sentence=sentence,
        trigger_start=sentence.start,
        trigger_end=sentence.start,
        people=people,
        **fields,
    )


# A sentence that opens by pointing back at the article's event: "This landmark meeting, held in
# Phnom Penh on April 21–22, …", "The inaugural session was co-chaired by …".
# (not another session by its number: "The fifth trilateral dialogue was held in Islamabad in 2023")
_POINTS_BACK = re.compile(
    r"^\W*(?:this|the|that)\s+(?:(?!(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"\d+(?:st|nd|rd|th)|next|previous|last|latest|earlier|inaugural|upcoming)\b)[\w-]+\s+){0,2}?"
    r"(?:meeting|talks|dialogue|summit|session|consultations|"
    r"gathering|visit|exercise|drill|conference)\b",
    re.I,
)
# How far after an event's last sentence a sentence that points back may stand.
FOLLOWUP_REACH = 3


def next_reference(article: Article, last: int, used: set[int]) -> int | None:
    """Return the index of the sentence that goes on about the event of sentence `last`, if any.

    The next sentence, when no other event claims it; else, within FOLLOWUP_REACH, a
    sentence that opens by pointing back at the event ("This landmark meeting, held in …"),
    whatever else it reports — the way analyses tell the main event across sentences.
    """
    for i in range(last + 1, min(len(article.sentences), last + 1 + FOLLOWUP_REACH)):
        if _POINTS_BACK.match(article.sentences[i].text):
            return i  # even when it reports more: "This landmark meeting, held in …, set up working groups"
    nxt = last + 1
    return nxt if nxt < len(article.sentences) and nxt not in used else None


_VENUE_BEFORE = re.compile(r"\b(?:in|at|held\s+in|hosted\s+in|venue)\s+(?:the\s+)?(?:\w+\s+){0,2}$", re.I)


def venue_named(
    sentence: Sentence, s_actors: Sequence[ActorMention], parties: Sequence[str]
) -> Location | None:
    "Return the city a follow-up sentence places the event in ('held in Phnom Penh'), if it is a party's."
    for a in s_actors:
        if a.type != ActorType.PLACE or a.via == "dateline" or a.country not in parties:
            continue
        start = a.start - sentence.start
        if _VENUE_BEFORE.search(sentence.text[max(0, start - 30) : start]):
            return Location(city=a.name, country=a.country)
    return None


# The day the Soviet Union ended (its president resigned on 25 December 1991): before it, Moscow's
# side of a meeting was the USSR's, as annotators and the field's datasets code it; after it, "the
# (former) Soviet Union" a text names is history, not a party.
SOVIET_END = "1991-12-26"


def states_of_the_day(parties: tuple[str, ...], day: str | None, alone: bool = False) -> tuple[str, ...]:
    """Return the parties as the states of `day`: RUS before the Soviet Union's end is SUN, SUN after it is dropped.

    A partial day counts only when it is wholly on one side ("1988-12", not "1991"). `alone` keeps
    one code (a place's country) rather than dropping it.
    """
    if not day or not ({"RUS", "SUN"} & set(parties)):
        return parties
    edge = SOVIET_END[: len(day)]
    if day < edge and "RUS" in parties:
        return tuple(sorted({"SUN" if p == "RUS" else p for p in parties}))
    if day > edge and "SUN" in parties:
        if alone:
            return tuple("RUS" if p == "SUN" else p for p in parties)
        rest = tuple(p for p in parties if p != "SUN")
        return rest if len(rest) >= 2 else parties
    return parties


def fullest_parties(c: Cluster) -> tuple[str, ...]:
    """Return the parties of a cluster: the first mention's, or a longer list that contains them.

    Why: "the SCO foreign ministers' meeting" names seven guests; "Jaishankar hosted his
    counterparts from …" adds the host. A multilateral meeting has every member named.
    """
    # (a headline's parties are the short form: "US, Philippine forces open Balikatan drills")
    first = next((m for m in c.mentions if not m.headline), c.first)
    parties = first.parties
    listed = next((m.parties for m in c.mentions if m.listed), None)
    if listed and (first.from_grouping or set(parties) <= set(listed)):
        return listed  # "NATO began its BALTOPS exercise … Participating troops come from Belgium, …"
    if listed and first.kind == EventKind.EXERCISE and len(parties) <= 2:
        # "Personnel joined from 12 nations in addition to Indonesia and the United States. Participants
        # included Australia, France, …": the co-hosts and the nations they list
        return tuple(sorted({*parties, *listed}))
    if len(parties) < 3:
        return parties
    for m in c.mentions:
        if m.headline and m is not first:
            continue  # ("Rubio meets Wang Yi as ASEAN foreign ministers wrap up talks": not the ASEAN meeting's)
        if first.kind == EventKind.INSTITUTION and first.date and not m.date:
            continue  # "was established in 2001 with China, Russia, …": its founders, not a later echo's
        if len(m.parties) > len(parties) and set(parties) <= set(m.parties):
            parties = m.parties
    return parties


def event_of(article: Article, c: Cluster, overflow: Overflow | None = None) -> Event:
    "Reconcile the mentions of one event into an `Event`; its evidence counts against `overflow`'s budget."
    overflow = overflow if overflow is not None else Overflow()
    status = cluster_status(c, article.published)
    dated = sorted((m for m in c.mentions if m.date), key=lambda m: -len(m.date or ""))
    if c.first.kind == EventKind.EXERCISE:
        # a drill reported on several of its days began on the first ("kicked off on Wednesday")
        dated.sort(key=lambda m: (-len(m.date or ""), m.date or ""))
    date = dated[0].date if dated else None
    date_end = dated[0].date_end if dated else None
    if c.first.kind == EventKind.EXERCISE and date and len(date) == 10 and not date_end:
        # (the drill's last day, when another of its mentions closes it: "concluded on June 16")
        last = max((m.date for m in dated if m.date and len(m.date) == 10), default=date)
        date_end = last if last > date else None
    locations = [m.location for m in c.mentions if m.location and not _told_as_a_call(m)]
    location = next((loc for loc in locations if loc.city), locations[0] if locations else None)
    ordinals = Counter(m.ordinal for m in c.mentions if m.ordinal)
    parties = fullest_parties(c)
    day = date or article.published
    parties = states_of_the_day(parties, day)
    if location is not None and location.country:
        location = replace(location, country=states_of_the_day((location.country,), day, alone=True)[0])
    people: dict[str, Person] = {}
    for m in c.mentions:
        for p in m.people:
            if m.headline and p.country not in parties:
                continue  # ("Rubio meets Wang Yi as ASEAN foreign ministers wrap up talks": not ASEAN's)
            # (one person whatever the case: an all-capitals headline names "LUIS FERNANDO CARRERA
            # CASTRO", the body "Luis Fernando Carrera Castro"; the body's spelling is kept)
            known = people.get(p.name.casefold())
            if known is None or (known.name.isupper() and not p.name.isupper()):
                people[p.name.casefold()] = p
    people = {name: p for name, p in people.items() if not named_in_full(p, people.values())}
    topics = sorted(set().union(*(m.topics for m in c.mentions)))
    sentences = list({m.sentence.index: m.sentence for m in c.mentions}.values())[:MAX_SOURCES]
    sources = [
        Evidence(document=article.id, quote=s.text, start=s.start, end=s.end)
        for i, s in enumerate(sentences)
        if overflow.may_quote(first=i == 0)
    ]
    confidence = event_confidence(
        event_features(
            c, status, date, location is not None, bool(people), len(sentences), sides_named(people.values())
        )
    )
    key = f"{article.id}|{c.first.kind}|{'-'.join(parties)}|{c.first.trigger_start}"
    return Event(
        id="ev_" + hashlib.sha1(key.encode()).hexdigest()[:16],
        kind=kind_of_its_chairs(c, parties, people.values()),
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


# A telephone call, said of a meeting: "a phone conversation", "telephoned", "during the call".
_A_PHONE_CALL = re.compile(
    r"\b(?:tele)?phon(?:e|ed|es|ing|ic|ically)\b|\b(?:the|a|their|this)\s+(?:phone\s+)?call\b", re.I
)
_IN_PERSON = re.compile(r"\b(?:visit\w*|arriv\w*|trip|tour|hosted|welcomed|received|landed)\b", re.I)


def _around_the_trigger(m: Mention, pattern: re.Pattern[str], reach: int = 30) -> bool:
    "True when `pattern` occurs in a mention's trigger or within `reach` characters either side of it."
    start = m.trigger_start - m.sentence.start
    return bool(
        pattern.search(m.sentence.text, max(0, start - reach), m.trigger_end - m.sentence.start + reach)
    )


def _in_person(m: Mention) -> bool:
    "True when a mention's trigger, or the words right around it, tell of a visit or a reception: a meeting in person."
    return _around_the_trigger(m, _IN_PERSON)


def _told_as_a_call(m: Mention) -> bool:
    """True when a mention's trigger, or the words right around it, tell of a call, which has no venue.

    ("Sharif called up Modi to express condolence over the deaths in India": India is where the quake
    struck, not where the two met.)
    """
    return _around_the_trigger(m, REMOTE_WORDS)


# A standing body of two states: "Joint Commission", "Coordination Council", "General Border Committee".
_COMMISSION = re.compile(r"\b(?:Commission|Council|Committee)\b", re.I)
_CALLED_A_SUMMIT = re.compile(r"\bsummit", re.I)
_MINISTERIAL_COMMISSION = re.compile(r"\bJoint\s+Ministerial\s+Commission\b|\bJMC\b", re.I)
_A_RECURRING_FORMAT = re.compile(
    r"\b(?:annual|yearly|regular|biennial)\s+(?:[\w-]+\s+){0,2}?(?:dialogues?|consultations|talks)\b", re.I
)


def names_a_recurring_format(m: Mention) -> bool:
    "True when a recurring mention's sentence names talks held on a cycle: 'holds an annual strategic dialogue'."
    return m.recurring and bool(_A_RECURRING_FORMAT.search(m.sentence.text))


_CHAIRS = (
    ("foreign minister", EventKind.FOREIGN_MINISTERS),
    ("defence minister", EventKind.DEFENCE_MINISTERS),
)


def kind_of_its_chairs(c: Cluster, parties: Sequence[str], people: Iterable[Person]) -> str:
    """Return the kind of a cluster, a joint commission being the meeting of the ministers who chair it.

    Why: "The first Vietnam–Thailand Joint Commission … convened in Bangkok. Co-chaired by Vietnamese
    Foreign Minister … and Thai … Foreign Minister …" is the two foreign ministers' meeting (as the
    annotators code it), though the sentence that names it has no minister in it.
    """
    first = c.first
    start = first.trigger_start - first.sentence.start
    if (
        first.kind in (EventKind.FOREIGN_MINISTERS, EventKind.DEFENCE_MINISTERS)
        and len(parties) >= 2
        and any(_around_the_trigger(m, _A_PHONE_CALL) for m in c.mentions)
        and not any(_in_person(m) for m in c.mentions)
    ):
        # "Foreign Minister Cho had a phone conversation with Japanese Foreign Minister Iwaya … The two
        # foreign ministers also agreed during the call …": a call is talks whoever speaks, though a later
        # sentence names the two ministers alone
        return EventKind.BILATERAL_TALKS
    if (
        first.kind == EventKind.SUMMIT
        and len(parties) == 2
        and not any(m.mechanism_id for m in c.mentions)
        and not any(_CALLED_A_SUMMIT.search(m.sentence.text) for m in c.mentions)
    ):
        # "co-chaired the second meeting of the Qatari-Turkish Supreme Strategic Committee", "the 10th
        # Malaysia-Singapore Leaders' Retreat", "the two heads of state met": two leaders' meeting that
        # no sentence calls a summit is their talks, as shared/corpus/dev codes it ("would meet with
        # his friend Xi", "the two heads of state have met twice"); a grouping's stays a summit
        return EventKind.BILATERAL_TALKS
    if (
        first.kind != EventKind.BILATERAL_TALKS
        or len(parties) != 2
        or not _COMMISSION.search(first.sentence.text, start, first.trigger_end - first.sentence.start)
    ):
        return first.kind
    people = list(people)
    for role, kind in _CHAIRS:
        if all(any(p.country == state and p.role == role for p in people) for state in parties):
            return kind
    if any(_MINISTERIAL_COMMISSION.search(m.sentence.text) for m in c.mentions) and not any(
        p.role and p.role not in ("foreign minister", *LEADER_ROLES) for p in people
    ):
        # "The second Nigeria–Sudan Joint Ministerial Commission meeting has ended in Khartoum": a pair's
        # ministerial commission is its foreign ministers' unless the text names other chairs
        return EventKind.FOREIGN_MINISTERS
    return first.kind


# Lead sentences (title and first two): where a report states its news.
_LEAD = 3


def named_in_full(p: Person, people: Iterable[Person]) -> bool:
    """True when `p` is a surname alone and the event names the same person in full.

    Why: "Foreign Minister Zbigniew Rau … Rau said" is one minister, not two.
    """
    if " " in p.name.strip():
        return False
    return any(
        o is not p
        and o.name.split()[-1] == p.name
        and (not p.country or not o.country or o.country == p.country)
        for o in people
        if " " in o.name.strip()
    )


def sides_named(people: Iterable[Person]) -> int:
    "Return how many states the named people of an event speak for."
    return len({p.country for p in people if p.country})


def event_features(
    c: Cluster, status: str, date: str | None, placed: bool, people: bool, sources: int, sides: int = 0
) -> dict[str, float]:
    """Return what anchors an event in the text, as the numbers the confidence model weighs.

    Why these: a report of one meeting names its format, its parties, its day, place and
    people, usually in the lead; background mentions, guesses from a grouping's membership,
    anaphora and forecasts lack them (`events/confidence.py` turns them into a probability).
    """
    parties = len(c.first.parties)
    return {
        "strong_trigger": float(any(m.strong for m in c.mentions)),
        "explicit_parties": float(any(m.explicit_parties for m in c.mentions)),
        "date_day": float(bool(date) and len(date or "") == 10),
        "date_month_or_year": float(bool(date) and len(date or "") < 10),
        "placed": float(placed),
        "people": float(people),
        "ordinal": float(any(m.ordinal for m in c.mentions)),
        "lead": float(any(m.sentence.index < _LEAD for m in c.mentions)),
        "more_sentences": min(3.0, float(sources - 1)),
        "planned": float(status == EventStatus.PLANNED),
        "forecast": float(status in (EventStatus.PROPOSED, EventStatus.PREDICTED)),
        "from_grouping": float(all(m.from_grouping for m in c.mentions)),
        "reference_only": float(all(m.reference for m in c.mentions)),
        "cued": float(any(m.cued for m in c.mentions)),
        "multilateral": float(parties >= 3),
        "meeting": float(c.first.kind in MEETING_KINDS),
        "talks": float(c.first.kind == EventKind.BILATERAL_TALKS),
        # talks that a named format reports ("the High-Level Security Dialogue"), not a bare "met"
        "talks_named": float(c.first.kind == EventKind.BILATERAL_TALKS and any(m.strong for m in c.mentions)),
        "both_sides_named": float(sides >= 2),
        "document": float(c.first.kind in (EventKind.AGREEMENT, EventKind.INSTITUTION)),
    }


# "This summit is seen as a first step", "that meeting": one occasion pointed at, not a format
# (but "this format", "this dialogue mechanism" are).
_ONE_OCCASION = re.compile(
    r"\b(?:this|that)\s+(?:(?:year|week|month)['’]s\s+)?(?:[\w-]+\s+)?(?:summit|meeting|session|exercise|drill)$",
    re.I,
)


# A named format spoken of as a thing that is there: "importance to the …", "within the …", "under the …"
# (not "proposed establishing the …", "to launch the …")
_THE_NAMED_FORMAT = re.compile(
    r"\b(?:importance\s+to|within|under|through|in|of|via|at)\s+the\s+(?:[A-Z][\w.’'-]*\s+)*$"
)


# A pair's standing body by name: "the Egyptian-Sudanese Military Committee", "the British-Irish
# Inter-Governmental Conference", "the Thai-Malaysian Regional Border Committee".
_PAIR_BODY = re.compile(
    r"\b([A-Z][a-z]+)[-–]([A-Z][a-z]+)\s+(?:(?:[A-Z][\w-]*|of|for|on|and)\s+){0,5}?"
    r"(?:Committee|Commission|Conference|Council|Mechanism)\b"
)


# What makes a meeting named after it the setting of another: "on the sidelines of the", "on the eve of".
_AS_A_SETTING = re.compile(
    r"\b(?:sidelines?|margins?|eve|ahead|run-up)\s+(?:of\s+|to\s+)?(?:the\s+|a\s+|this\s+|next\s+)?(?:[\w’'-]+\s+){0,3}$",
    re.I,
)
# A pair's body by name: "the Nepal-India Boundary Working Group", "the joint Jordanian-Egyptian
# Higher Committee"; or named with the pair after it: "the bilateral joint commission between
# Mozambique and Uganda".
_NAMED_PAIR_BODY = re.compile(
    r"\b(?P<a>[A-Z][a-z]+)[-–](?P<b>[A-Z][a-z]+)\s+(?:(?:[A-Z][\w-]*|of|for|on|and|(?i:joint|intergovernmental|"
    r"inter-governmental|permanent|bi-?national|bilateral|strategic|high-level|technical|boundary|border|security|"
    r"cooperation|co-operation|economic|trade|ministerial|consultative|defen[cs]e|political|mixed|military|policy))\s+){0,5}?"
    r"(?:(?i:committee|commission|council|working\s+group)|Joint\s+Board|[A-Z][\w-]*\s+Group"
    r"|(?i:strategic|political|security|policy|defen[cs]e)\s+(?i:dialogue))\b"
)
_BODY_BETWEEN = re.compile(
    r"\b(?:joint|mixed|intergovernmental|inter-governmental|bi-?national)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:commission|committee)\s+(?:(?:on|for)\s+[\w\s,-]{1,40}?\s+)?(?:\([A-Z]{2,8}\)\s+)?between\s+(?:the\s+)?(?:(?:Republic|Kingdom|State)\s+of\s+(?:the\s+)?)?"
    r"(?P<a>(?-i:[A-Z])[\w-]+(?:\s+(?-i:[A-Z])[\w-]+)?)\s+and\s+(?:the\s+)?(?:(?:Republic|Kingdom|State)\s+of\s+(?:the\s+)?)?(?P<b>(?-i:[A-Z])[\w-]+(?:\s+(?-i:[A-Z])[\w-]+)?)",
    re.I,
)
# Words before a body that make it one still to be set up, or one that is not the pair's own.
_BODY_TO_BE = re.compile(
    r"\b(?:establish\w*|set(?:ting)?\s+up|creat\w*|form(?:ing|ation)?|found\w*|launch\w*|propos\w*|"
    r"would|will|could|should|plans?|agreed|agreement)\b[^.;]{0,50}$|"
    r"\b(?:U\.?S\.?|congressional|parliamentary)\s+[^.;]{0,10}$",
    re.I,
)


def named_pair_bodies(article: Article, gaz: Gazetteer) -> Iterator[tuple[tuple[str, ...], str, Sentence]]:
    """Yield (parties, name, sentence) for each standing body of two states the article names.

    Why: "the work of the Ghana-Togo Joint Commission" tells that the format exists, though no
    session of it is reported; the corpus README counts it as a mechanism. Only bodies whose name
    (or the "between A and B" after it) names both states, and not ones to be set up.
    """
    for sentence in article.sentences:
        for m in itertools.chain(
            _NAMED_PAIR_BODY.finditer(sentence.text), _BODY_BETWEEN.finditer(sentence.text)
        ):
            if _BODY_TO_BE.search(sentence.text, max(0, m.start() - 60), m.start()):
                continue
            found = [state_codes(m.group(g), gaz) for g in "ab"]
            if all(len(codes) == 1 for codes in found) and found[0] != found[1]:
                yield tuple(sorted(found[0] | found[1])), m.group().strip(), sentence


def state_codes(words: str, gaz: Gazetteer) -> set[str]:
    "Return the codes of the states a name, demonym or combining form ('Franco', 'Ethio') names."
    if words in COMBINING_FORMS:
        return {COMBINING_FORMS[words]}
    return {e.code for e in gaz.lookup(tuple(words.split())) if e.type == "state"}


def names_the_pair(first: str, second: str, parties: Sequence[str], gaz: Gazetteer) -> bool:
    "True when the two words of a compound ('Omani-Iranian') name the two parties, by name or demonym."
    codes = {e.code for word in (first, second) for e in gaz.lookup((word,)) if e.type == "state"}
    return codes == set(parties)


# A standing body by its head noun: "Joint Permanent Commission", "Supreme Interstate Council".
_A_STANDING_BODY = re.compile(r"\b(?:Commission|Committee|Council)\b")


def mechanisms_of(
    article: Article,
    mentions: Sequence[Mention],
    clusters: Sequence[Cluster],
    gaz: Gazetteer,
    overflow: Overflow | None = None,
) -> list[Mechanism]:
    """Return the standing formats the article says exist, are proposed or are predicted.

    At most MAX_MECHANISMS_PER_ARTICLE, each with at most MAX_SOURCES evidence sentences;
    what is left out is counted in `overflow`.
    """
    overflow = overflow if overflow is not None else Overflow()
    found: dict[tuple[str, tuple[str, ...], str], dict[str, Any]] = {}
    named_existing: set[tuple[str, tuple[str, ...]]] = set()

    def add(
        kind: str, parties: tuple[str, ...], status: str, name: str | None, s: Sentence, confidence: float
    ) -> None:
        key = (kind, parties, status)
        if key not in found and len(found) >= MAX_MECHANISMS_PER_ARTICLE:
            overflow.mechanisms += 1
            return
        entry = found.setdefault(key, {"name": None, "sources": {}, "confidence": 0.5})
        if name and (entry["name"] is None or len(name) > len(entry["name"])):
            entry["name"] = name
        sources = entry["sources"]
        if s.index not in sources:
            if len(sources) >= MAX_SOURCES:
                overflow.sources += 1
            elif overflow.may_quote(first=not sources):
                sources[s.index] = Evidence(document=article.id, quote=s.text, start=s.start, end=s.end)
        entry["confidence"] = max(entry["confidence"], confidence)

    for c in clusters:
        if len(fullest_parties(c)) >= 3 and all(
            m.landmark or _AS_A_SETTING.search(m.sentence.text, 0, m.trigger_start - m.sentence.start)
            for m in c.mentions
        ):
            # "met on the sidelines of the 44th SADC Summit", "on the eve of the Fifth Consultative Meeting
            # of the Heads of State of Central Asia": a grouping's meeting told only as the setting of the
            # article's news is no format the article reports on (annotators leave it out)
            continue
        status = cluster_status(c)
        # (a joint commission its foreign ministers chair is their format, as its meeting is theirs)
        chaired = kind_of_its_chairs(c, fullest_parties(c), [p for x in c.mentions for p in x.people])
        for m in c.mentions:
            if m.headline and len(c.mentions) > 1:
                continue  # (the body tells the format's members; a headline's shorthand may add others)
            kind, parties = (chaired if m.kind == c.first.kind else m.kind), m.parties
            # "held the Foreign Office Consultations (FOC)": talks under a name of their own are a format
            titled_talks = kind == EventKind.BILATERAL_TALKS and m.strong and len((m.name or "").split()) >= 2
            named_talks = kind == EventKind.BILATERAL_TALKS and (
                (m.strong and bool(m.ordinal or m.recurring))
                or titled_talks
                or (
                    m.recurring and bool(m.ordinal and m.ordinal > 1)
                )  # "the 30th … border committee meeting"
                or names_a_recurring_format(m)  # "The UAE holds an annual strategic dialogue with India"
            )
            body = (
                _PAIR_BODY.search(m.sentence.text)
                if kind in MEETING_KINDS | {EventKind.BILATERAL_TALKS}
                and len(parties) == 2
                and status in (EventStatus.OCCURRED, EventStatus.PLANNED)
                else None
            )
            if body is not None and names_the_pair(body.group(1), body.group(2), parties, gaz):
                # "The Omani-Iranian Military Friendship Committee held its annual meeting": a body of
                # the pair that meets is a standing format of theirs, whatever the verb
                add(kind, parties, MechanismStatus.EXISTING, body.group(0), m.sentence, m.confidence)
                continue
            if kind not in MEETING_KINDS and kind != EventKind.EXERCISE and not named_talks:
                continue  # a standing format of talks only when named: "the 34th meeting of the Working Mechanism"
            if status in (EventStatus.PROPOSED, EventStatus.PREDICTED):
                if m.ordinal and m.ordinal > 1 and kind in MEETING_KINDS:
                    # "the third round of 2+2 talks may be held later this month": the format exists
                    add(kind, parties, MechanismStatus.EXISTING, m.name, m.sentence, m.confidence)
                    continue
                if (
                    kind in MEETING_KINDS
                    and m.name
                    and _THE_NAMED_FORMAT.search(m.sentence.text, 0, m.trigger_start - m.sentence.start)
                ):
                    # "attached importance to the Japan-Australia Joint Foreign and Defense Ministerial
                    # Consultations ("2+2"), and hoped to invite …": the hope is for a session; the format exists
                    add(kind, parties, MechanismStatus.EXISTING, m.name, m.sentence, m.confidence)
                    named_existing.add((kind, parties))
                    continue
                # A suggested 2+2 or a grouping's format is a suggested mechanism; one requested meeting is not.
                if kind == EventKind.TWO_PLUS_TWO or (
                    kind in MEETING_KINDS and (m.from_grouping or m.recurring)
                ):
                    add(kind, parties, MechanismStatus(status), m.name, m.sentence, m.confidence)
                continue
            standing = (
                kind == EventKind.TWO_PLUS_TWO
                or m.recurring
                or (
                    m.from_grouping
                    and len(parties) >= 3  # not the dyads of "bilateral meetings with the ministers of …"
                    and (
                        kind in (EventKind.FOREIGN_MINISTERS, EventKind.DEFENCE_MINISTERS)
                        # (a grouping's summit in the news too: "the ALBA-TCP Summit" held in Caracas is the
                        # bloc's format; its sessions of long ago have the members of their day, not the format's)
                        or (kind == EventKind.SUMMIT and _near(cluster_date(c) or "", article.published, 366))
                    )
                )
                # A numbered session of a format with a name: "the first Pakistan–China Foreign
                # Ministers' Strategic Dialogue", "the 11th Trilateral Foreign Ministers' Meeting".
                or bool(m.ordinal and m.name and kind in MEETING_KINDS)
                or titled_talks
            )
            if standing:
                add(kind, parties, MechanismStatus.EXISTING, m.name, m.sentence, m.confidence)
    for m in mentions:
        if m.kind == EventKind.EXERCISE and not (m.name or m.mechanism_id):
            # "other issues on the agenda are joint exercises": a topic, no standing drill; nor "interact regularly
            # across activities such as bilateral exercises": a habit, but no drill with a name of its own
            continue
        if (
            m.generic
            and (
                m.kind in MEETING_KINDS
                or m.kind == EventKind.EXERCISE
                or (m.kind == EventKind.BILATERAL_TALKS and names_a_recurring_format(m))
                # "Botswana and Namibia have a Joint Permanent Commission on Cooperation": the pair's body
                or (
                    m.kind == EventKind.BILATERAL_TALKS
                    and m.strong
                    and len(m.parties) == 2
                    and _A_STANDING_BODY.search(
                        m.sentence.text, m.trigger_start - m.sentence.start, m.trigger_end - m.sentence.start
                    )
                    is not None
                    # (one the article's sessions already gave, with the kind of who chairs them)
                    and not any(set(p) == set(m.parties) for (_, p, _) in found)
                )
            )
            and not _ONE_OCCASION.search(m.sentence.text, 0, m.trigger_end - m.sentence.start)
        ):
            add(m.kind, m.parties, mechanism_status_for(m.status), m.name, m.sentence, m.confidence)
    for parties, name, sentence in named_pair_bodies(article, gaz):
        if any(set(p) == set(parties) for (_, p, _) in found):
            continue  # (the body's sessions named it already, with the kind of who chairs them)
        add(EventKind.BILATERAL_TALKS, parties, MechanismStatus.EXISTING, name, sentence, 0.6)
    out = []
    for (kind, parties, status), entry in found.items():
        if _grown_into_another(kind, parties, status, found):
            continue
        if status != MechanismStatus.EXISTING and (kind, parties) in named_existing:
            continue  # a format the article names as there is not also only proposed: its sessions are

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


def _grown_into_another(
    kind: str, parties: tuple[str, ...], status: str, found: Mapping[tuple[str, tuple[str, ...], str], Any]
) -> bool:
    """True when another format of this kind and status is this one with a few members more.

    Why: "the first CICA summit (2002)" and "the fifth (2019)" name one format; each session has
    the members of its day, the format has the latest ones.
    """
    if len(parties) < 3:
        return False
    return any(
        k == kind
        and st == status
        and len(other) > len(parties)
        and set(parties) < set(other)
        and len(parties) / len(other) >= 0.8
        for (k, other, st) in found
    )


def link_mechanism(event: Event, mech_ids: dict[tuple[str, tuple[str, ...]], str]) -> Event:
    "Return the event with `mechanism` set to the existing format it is a session of."
    mech = mech_ids.get((event.kind, event.parties))
    if mech is None or event.status not in (EventStatus.OCCURRED, EventStatus.PLANNED):
        return event
    return replace(event, mechanism=mech)
