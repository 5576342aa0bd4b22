"""Extract events and standing mechanisms from an article.

Input: an `Article`, its `ActorMention`s and `DateMention`s.
Output: an `Extraction` with `Event`s (kind, status, parties, dates, place,
ordinal, people, topics) and `Mechanism`s, each with the sentence(s) that
state it as `Evidence`.

How (rules.v1), sentence by sentence:
1. triggers: phrases that name a kind ("2+2", "foreign ministers' meeting",
   "signed ... agreement", "joint exercise", a known format such as AUSMIN);
   meeting verbs ("met", "held talks") count only without a strong trigger,
   and the participants' roles then decide the kind;
2. parties: the states of the trigger's clause (names, demonyms, capitals
   used for governments, people's countries, groupings expanded to their
   members), minus states that are only topics ("a message to Beijing",
   "the Afghanistan situation"); a bilateral format with more than two
   states is split into dyads around the hub ("Japan plans 2+2s with the
   Philippines and India"); an anaphoric mention ("the two sides") takes the
   parties of the article's current event;
3. status from the clause's cues, in order cancelled > proposed > predicted >
   planned > occurred, so that a forecast is never coded as a fact; a
   present-tense generic statement ("AUSMIN is held annually") describes a
   mechanism, not an event;
4. date, place, ordinal, people and topics from the clause and sentence;
5. mentions of the same event in one article are merged (one event, several
   evidence sentences), and a following sentence about "the meeting" adds
   its date, place and people; an undated meeting "earlier in the day" or
   "after the talks" takes the day of the event just reported; a meeting
   with no stated place, held around
   the publication date by the state of the wire dateline ("NEW DELHI —"),
   is placed in the dateline's city; an article reports at most 500 events
   (`merge.MAX_EVENTS_PER_ARTICLE` and the other caps there), and says so in a
   warning when a crafted text reaches a cap;
6. mechanisms: known formats named in the text, formats the text calls
   annual/regular/a mechanism or numbers (the 6th meeting), every 2+2 that
   happened or is planned, and proposed or predicted formats.

Why rules: the language of diplomatic reporting is formulaic, the schema's
distinctions (planned vs proposed vs predicted) hinge on a few cue words, and
rules can be read, tested and corrected by analysts; they run at thousands
of sentences a second without a model.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import re
from collections import Counter
from collections.abc import Mapping, Sequence

from diplograph.extract.events.common import (
    LEADER_ROLES,
    MEETING_KINDS,
    REMOTE_WORDS,
    SEVERAL_SIDES,
    Cluster,
    Context,
    Mention,
    is_before,
    topic_cue_after,
    topic_cue_before,
    topics_of,
)
from diplograph.extract.events.merge import (
    Overflow,
    attach_attendees,
    attach_followups,
    attach_guests,
    attach_lead_people,
    attach_participant_lists,
    cluster_status,
    commissions_of_their_ministers,
    event_of,
    fold_bare_meetings_into_their_level,
    fold_talks_into_summits,
    link_mechanism,
    mechanisms_of,
    merge_mentions,
    without_arrivals_before_their_talks,
    without_greetings_at_a_gathering,
    without_headline_echoes,
)
from diplograph.extract.events.sentences import bodies_named, sentence_mentions, speaker_of
from diplograph.extract.events.status import cue_positions
from diplograph.extract.folding import comparable
from diplograph.extract.gazetteer import Gazetteer, load_gazetteer
from diplograph.models import (
    ActorMention,
    Article,
    DateMention,
    Event,
    Extraction,
    Location,
    Person,
    Sentence,
)
from diplograph.vocab import ActorType, EventKind, EventStatus, MechanismStatus

COMPONENT = "rules.v1"

logger = logging.getLogger(__name__)


def extract_events(
    article: Article,
    actors: Sequence[ActorMention],
    dates: Sequence[DateMention],
    gazetteer: Gazetteer | None = None,
) -> Extraction:
    """Return the events and mechanisms `article` reports, each with its evidence.

    Args:
        article: the cleaned article.
        actors: its actor mentions (from `actors.find_actors`).
        dates: its date mentions (from `dates.resolve_dates`).
        gazetteer: reference tables (the shipped ones by default).

    Returns:
        An `Extraction` whose events and mechanisms cite sentences of `article`.
    """
    gaz = gazetteer or load_gazetteer()
    # The cue and topic caches serve the clauses of one article; starting them empty keeps a
    # benchmark of recombined sentences from timing cache hits that real, distinct articles never get.
    for cache in (cue_positions, topic_cue_before, topic_cue_after, topics_of):
        cache.cache_clear()
    by_sentence_actors: dict[int, list[ActorMention]] = {}
    for a in actors:
        by_sentence_actors.setdefault(a.sentence, []).append(a)
    by_sentence_dates: dict[int, list[DateMention]] = {}
    for d in dates:
        by_sentence_dates.setdefault(d.sentence, []).append(d)

    # 1.-4. sentence by sentence
    mentions: list[Mention] = []
    ctx = Context(
        focus=lead_states(article, actors) or lead_format_parties(actors, gaz), hub=hub_state(actors)
    )
    ctx.laterals = named_laterals(article, by_sentence_actors)
    ctx.speaker = speaker_of(article, by_sentence_actors)
    for sentence in article.sentences:
        s_actors = by_sentence_actors.get(sentence.index, [])
        s_dates = by_sentence_dates.get(sentence.index, [])
        focused = False  # whether a mention of this sentence has set the focus
        s_mentions = sentence_mentions(article, sentence, s_actors, s_dates, gaz, ctx)
        headline = is_headline(article, sentence)
        # "He is to hold meetings with several leaders, including A, B, C and D": a list of pairs is
        # no pair in focus; "the two leaders" after it are still the pair before it
        listed = len({m.parties for m in s_mentions if len(m.parties) == 2}) >= 3
        for mention in s_mentions:
            if (
                mention.date is None
                and article.published
                and len(article.published) >= 7
                and is_under_way(mention)
            ):
                start = mention.trigger_start - mention.sentence.start
                just_ended = _JUST_CONCLUDED.search(mention.sentence.text[max(0, start - 60) : start])
                # "is currently taking place": on the day it was filed; "the just-concluded summit":
                # in the days before, the month it was filed in
                mention.date = article.published[:7] if just_ended else article.published
            mentions.append(mention)
            # (a headline's present is its news, not a habit: 'Joint exercises "Zapad-2021" start at …')
            mention.background = sounds_habitual(mention) and not headline
            mention.headline = headline
            if len(mention.parties) >= 2 and mention.explicit_parties and not mention.generic:
                start = mention.trigger_start - mention.sentence.start
                for body in bodies_named(mention.sentence.text[start : start + 150]):
                    ctx.bodies.setdefault(body, mention.kind)
            if mention.generic and headline:
                continue  # (a format a headline names is no antecedent: the body says what it is)
            ctx.previous.append(mention)
            if (
                mention.kind in MEETING_KINDS
            ):  # "the next round", "such meetings" refer to a format of meetings
                ctx.last_kind = mention.kind
                ctx.kinds_seen[mention.kind] += 1
            if (
                len(mention.parties) >= 2
                and not mention.generic
                and not mention.background
                and not (focused and is_named_as_a_landmark(mention))
                and not (listed and len(mention.parties) == 2)
            ):
                ctx.focus = mention.parties  # "the two countries" later means these
                focused = True
        people = [a for a in s_actors if a.type == ActorType.PERSON and a.country]
        if people:
            ctx.last_person_state, ctx.last_person_role = people[0].country, people[0].role
            ctx.last_person = Person(name=people[0].name, country=people[0].country, role=people[0].role)
            for a in reversed(people):
                if a.role:
                    ctx.people_by_role[a.role] = Person(name=a.name, country=a.country, role=a.role)
        ctx.last_subject_state = subject_state(sentence, s_actors)
    # 5. merge within the article, then add what follow-up sentences say
    overflow = Overflow()
    clusters = merge_mentions((m for m in mentions if not m.generic), overflow, article.published)
    clusters = fold_talks_into_summits(
        commissions_of_their_ministers(without_headline_echoes(clusters)), article.published
    )
    attach_followups(article, clusters, by_sentence_actors, by_sentence_dates)
    attach_participant_lists(article, clusters, by_sentence_actors)
    attach_attendees(article, clusters, by_sentence_actors)
    clusters = without_greetings_at_a_gathering(fold_bare_meetings_into_their_level(attach_guests(clusters)))
    clusters = without_arrivals_before_their_talks(clusters)
    lead = lead_end(article)
    attach_lead_people(article, clusters, by_sentence_actors, lead)
    clusters = [c for c in clusters if not is_background(c, lead)]
    events = [event_of(article, c, overflow) for c in clusters]
    # ("The final report in 2002 of the East Asian Study Group … an EAS involving ASEAN Plus Three": a
    # format named before it existed has no members on that date, and an event without parties says nothing)
    kept = [i for i, e in enumerate(events) if e.parties]
    events, clusters = [events[i] for i in kept], [clusters[i] for i in kept]
    events = [without_those_left_out(e, c, by_sentence_actors) for e, c in zip(events, clusters, strict=True)]
    judged: list[tuple[Event, Cluster]] = []
    relabelled: set[int] = set()  # the talks `talks_of_three_or_more` made a summit
    for e, c in zip(events, clusters, strict=True):
        if (t := talks_of_three_or_more(e, c)) is not None:
            judged.append((t, c))
            if t.kind != e.kind:
                relabelled.add(id(t))
    judged = one_summit_of_a_meeting(judged, relabelled)
    events, clusters = [e for e, _ in judged], [c for _, c in judged]
    events = dates_from_the_same_occasion(events)
    venue = dateline_venue(actors)
    if venue is not None:
        # (its own name: `lead` still bounds the article's lead for `dated_by_the_lead` below)
        dateline = next(a.sentence for a in actors if a.via == "dateline" and a.type == ActorType.PLACE)
        events = [
            _placed(e, c, dateline, venue, article.published) for e, c in zip(events, clusters, strict=True)
        ]
    # (after the dateline: a venue is given to undated news, and a month would bar it)
    events = [dated_by_the_lead(e, c, article, lead) for e, c in zip(events, clusters, strict=True)]
    events = places_from_the_same_occasion(events)
    events = [in_the_city_named(e, c, by_sentence_actors) for e, c in zip(events, clusters, strict=True)]
    # 6. mechanisms
    mechanisms = mechanisms_of(article, mentions, clusters, gaz, overflow)
    if overflow:
        log_overflow(article, overflow)
    mech_ids = {(m.kind, m.parties): m.id for m in mechanisms if m.status == MechanismStatus.EXISTING}
    events = [link_mechanism(e, mech_ids) for e in events]
    return Extraction(
        article=article, events=tuple(events), mechanisms=tuple(mechanisms), actors=tuple(actors)
    )


def is_headline(article: Article, sentence: Sentence) -> bool:
    "True when a sentence is the article's headline (`clean` puts the title first when the body lacks it)."
    title = article.title or ""
    # (typography aside: a page's title metadata writes "ministers' meeting", its body "ministers’ meeting")
    return sentence.index == 0 and bool(title) and comparable(sentence.text) == comparable(title)


def log_overflow(article: Article, overflow: Overflow) -> None:
    """Warn that the per-article caps of `events.merge` left mentions out of an article's extraction.

    Why a warning and not an error: the events kept are the first ones, as extracted; only a
    text far longer or more repetitive than any article reaches the caps (issue 11).
    """
    logger.warning("%s: extraction capped, mentions left out: %s", article.id, overflow)


# ── 1. triggers ──────────────────────────────────────────────────────────────


# A meeting named as a landmark in time for another: "met for the Fifth 2+2 Meeting … in advance of
# the inaugural Australia-ASEAN Special Summit", "ahead of the G20 summit".
_LANDMARK_BEFORE = re.compile(
    r"\b(?:ahead|in\s+advance|(?:in|as)\s+(?:the|a)\s+(?:run|lead)[- ]?up\s+to|on\s+the\s+(?:eve|sidelines|margins?)\s+of|"
    r"in\s+preparation\s+for)"
    r"\s+(?:of\s+)?(?:the|a|an|this|next|its|their)\s+(?:[\w'’-]+\s+){0,5}$",
    re.I,
)


def is_named_as_a_landmark(m: Mention) -> bool:
    """True when a mention's meeting is named as the time or setting of another one in its sentence.

    Why: "the two countries" of the next sentences are still the ones that met, not the members
    of the summit their meeting came before.
    """
    start = m.trigger_start - m.sentence.start
    return bool(_LANDMARK_BEFORE.search(m.sentence.text[max(0, start - 80) : start]))


# "US-Japan-Philippines trilateral", "the India–Japan–Australia trilateral": states chained by dashes
_LATERAL_CHAIN = re.compile(
    r"((?:[A-Z][\w.’'-]*(?:\s[A-Z][\w.’']*)?\s*[-–]\s*){2,3}[A-Z][\w.’']*(?:\s[A-Z][\w.’']*)?)\s+(?:tri|quadri)lateral\b"
)


def named_laterals(
    article: Article, actors: Mapping[int, Sequence[ActorMention]]
) -> dict[int, tuple[str, ...]]:
    """Return the three or four states the article first names as a trilateral or quadrilateral, by their number.

    Why: an analysis headed "US-Japan-Philippines trilateral …" later says "the inaugural
    Trilateral Leaders' Summit" and names no state; the chain in its title says which three.
    """
    out: dict[int, tuple[str, ...]] = {}
    for sentence in article.sentences:
        for m in _LATERAL_CHAIN.finditer(sentence.text):
            codes = tuple(
                sorted(
                    {
                        a.code
                        for a in actors.get(sentence.index, [])
                        if a.type == ActorType.STATE
                        and a.code
                        and m.start(1) <= a.start - sentence.start < m.end(1)
                    }
                )
            )
            if len(codes) in (3, 4):
                out.setdefault(len(codes), codes)
    return out


def hub_state(actors: Sequence[ActorMention]) -> str | None:
    "Return the state an article names most often, if one clearly leads."
    counts = Counter(a.code for a in actors if a.type == ActorType.STATE and a.code)
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[0][1] < ranked[1][1] * 1.3):
        return None
    return ranked[0][0]


def lead_states(article: Article, actors: Sequence[ActorMention]) -> tuple[str, ...]:
    "Return the two states most named in the first sentences: the article's default pair."
    text = article.text
    counts = Counter(
        a.code
        for a in actors
        if a.type == ActorType.STATE
        and a.code
        and a.sentence < 3
        # not a state named as a topic: "discuss such issues as North Korea and Myanmar"
        and not topic_cue_before(text[max(0, a.start - 90) : a.start])
        and not topic_cue_after(text[a.end : a.end + 90])
    )
    return tuple(sorted(code for code, _ in counts.most_common(2))) if len(counts) >= 2 else ()


def lead_format_parties(actors: Sequence[ActorMention], gaz: Gazetteer) -> tuple[str, ...]:
    """Return the two members of a bilateral format named in the first sentences, if one is.

    Why: "the India-US 2+2 dialogue was unlikely this year. The last meeting of the 2+2 was
    held in New Delhi last year": the format's name is the only place the lead names its pair.
    """
    for a in actors:
        if a.sentence < 3 and a.type == ActorType.MECHANISM and a.code in gaz.mechanisms:
            parties = gaz.mechanisms[a.code].parties
            if len(parties) == 2:
                return tuple(parties)
    return ()


def subject_state(sentence: Sentence, s_actors: Sequence[ActorMention]) -> str | None:
    "Return the state a sentence opens with as its subject ('Japan is …', 'Tokyo has …'), if any."
    first = next((a for a in s_actors if a.type == ActorType.STATE and a.code), None)
    if first is None or first.start - sentence.start > 4:
        return None
    after = sentence.text[first.end - sentence.start :]
    return (
        first.code
        if re.match(r"\s+(?:\w+\s+)?(?:is|was|has|have|had|holds|held|remains|became)\b", after)
        else None
    )


# ── 5. background mentions ───────────────────────────────────────────────────

# How many sentences open an article (title, lead): an undated report there is its news.
LEAD_SENTENCES = 3


def lead_end(article: Article) -> int:
    """Return the index of the first sentence after the article's lead.

    Why: the lead is the title and the first two sentences of the story; a page that repeats its
    headline and a subheading before the story ("G7 Ministers Seek to Boost Unity", then the
    dateline's sentence) would otherwise leave its news sentence out of the lead.
    """
    first_body = next(
        (s.index for s in article.sentences if len(s.text.split()) >= 8 and s.text.rstrip()[-1:] in '.!?"”’'),
        1,
    )
    return max(LEAD_SENTENCES, first_body + 2)


# A meeting verb in the simple past, not a participle or a perfect: "held", "met", "hosted".
_REPORTED_PAST = re.compile(
    r"(?<!\bhas\s)(?<!\bhave\s)(?<!\bhad\s)(?<!\bbeen\s)\b(?:held|met|hosted|received|visited|convened|signed|attended)\b"
    r"(?!\s+by\b)",
    re.I,
)
_BACKGROUND_KINDS = MEETING_KINDS | {EventKind.BILATERAL_TALKS, EventKind.EXERCISE}
# A clause that says a format has been used, not that one meeting took place: "Japan has
# held 2+2 meetings with…", "the U.S.–Japan 2+2 dialogues have produced…", "regularly hold".
_HABITUAL = re.compile(
    r"\b(?:has|have)\s+(?:\w+\s+)?(?:held|conducted|had|hosted|convened|run|maintained|used|produced|yielded|"
    r"delivered|met|staged|become|been|adopted|embraced)\b"
    r"|\b(?:dialogues|meetings|consultations|summits|exercises|drills|formats|mechanisms)\b"
    r"|\b(?:regularly|routinely|often|usually|typically|traditionally|frequently|periodically)\b"
    r"|\b(?:meets|meet|is\s+held|are\s+held)\s+(?:every\s+(?:\w+\s+)?years?|annually|each\s+year|once\s+a\s+year)\b"
    # ("Indonesia has a 2+2 with Australia and Japan")
    r"|\b(?:has|have)\s+(?:a|an)\s+(?:[\w+-]+\s+){0,2}?(?:2\+2|dialogue|mechanism|format)\s+with\b"
    # ("The UAE holds an annual strategic dialogue with India")
    r"|\b(?:holds|hold|conducts|conduct)\s+(?:an?\s+|its\s+|their\s+)?(?:annual|yearly|regular|biennial)\b"
    # ("Every two years, the defence ministers … meet their counterparts")
    r"|^\W*(?:every\s+(?:\w+\s+)?(?:years?|months?)|each\s+year|once\s+a\s+year|twice\s+a\s+year)\b",
    re.I,
)


# One occasion of several meetings, told in the simple past: "the Prime Minister held bilateral
# meetings with leaders from Tonga, Vanuatu and Tuvalu" (not "has held 2+2 meetings with…").
_PAST_ROUND = re.compile(
    r"(?<!\bhas\s)(?<!\bhave\s)\b(?:held|had|conducted)\s+(?:\w+\s+)?(?:meetings|talks)\s+with\b"
    r"|(?<!\bhas\s)(?<!\bhave\s)\b(?:held|conducted|staged|began|launched)\s+(?:[\w-]+\s+){0,2}(?:drills|exercises|maneuvers|manoeuvres)\b",
    re.I,
)


def is_habitual(text: str) -> bool:
    "True when a sentence speaks of a format in habitual words, not of one occasion's meetings."
    return bool(_HABITUAL.search(text)) and not _PAST_ROUND.search(text)


# Words before a trigger that single out one meeting: "the latest Exercise Malabar", "their
# previous talks", "this year's summit", "last week's dialogue".
_PARTICULAR = re.compile(
    r"\b(?:latest|recent|last|previous|most\s+recent|ongoing|current|upcoming|this\s+(?:year|month|week)['’]s|"
    r"last\s+(?:year|month|week)['’]s|yesterday['’]s|today['’]s|this|that)\s+(?:[\w'’-]+\s+){0,3}$",
    re.I,
)


# A past verb with a definite object: "The two leaders held the Saudi–US Summit, during which …"
# reports one meeting (not "have held such summits", not "hold the summit every year").
_HELD_THE = re.compile(
    r"(?<!\bhave\s)(?<!\bhas\s)(?<!\bhad\s)\b(?:held|convened|hosted|attended|chaired|co-chaired|opened)\s+"
    r"(?:the|their)\s+(?:[\w'’–-]+\s+){0,3}$",
    re.I,
)
_EVERY_TIME = re.compile(
    r"\b(?:regularly|annually|routinely|often|usually|every\s+year|each\s+year|typically)\b", re.I
)


def points_at_one(m: Mention) -> bool:
    "True when the words before a mention's trigger single out one meeting ('the latest Exercise Malabar')."
    start = m.trigger_start - m.sentence.start
    before = m.sentence.text[max(0, start - 40) : start]
    return bool(_PARTICULAR.search(before)) or bool(
        m.status == EventStatus.OCCURRED
        and _HELD_THE.search(before)
        and not _EVERY_TIME.search(m.sentence.text)
    )


# A report that the occasion is going on as the article is written: "a major exercise … is
# currently taking place", "the foreign ministers are meeting in Cairo".
_UNDER_WAY = re.compile(
    r"^(?:[^.;]{0,80}?)\b(?:(?:is|are)\s+(?:currently\s+|now\s+)?(?:taking\s+place|under\s?way|in\s+progress|meeting)"
    r"|(?:is|are)\s+(?:currently|now)\s+\w+ing"
    r"|(?:has|have)\s+(?:just\s+)?(?:begun|opened|started|kicked\s+off|got(?:ten)?\s+under\s?way))\b",
    re.I,
)


# "during the just-concluded 22nd Ordinary Summit": it ended a day or two before the story
_JUST_CONCLUDED = re.compile(
    r"\b(?:just|recently)[- ](?:concluded|ended|held|completed)\s+(?:[\w'’-]+\s+){0,3}$", re.I
)
_UNDER_WAY_BEFORE = re.compile(
    r"\b(?:is|are)\s+(?:currently|now)\s+\w+ing\s+(?:over\s+)?(?:the|a|an)?\s*(?:[\w'’-]+\s+){0,3}$"
    # "EAC countries are currently in the middle of a joint military exercise in Kenya"
    + r"|\b(?:is|are)\s+(?:currently\s+|now\s+)?(?:in\s+the\s+middle\s+of|midway\s+through)\s+"
    + r"(?:the|a|an|their|its)?\s*(?:[\w'’-]+\s+){0,3}$"
    # a speaker at the meeting: "Thank you for joining us for this landmark meeting of …"
    + r"|\b(?:joining\s+us|join\s+us|welcome\s+(?:you\s+)?|attending|gathered\s+here)\s+(?:for|at|to)\s+this\s+"
    + r"(?:[\w'’-]+\s+){0,2}$"
    + "|"
    + _JUST_CONCLUDED.pattern,
    re.I,
)


# "Russia, China and Iran have started the Security Belt-2023 exercises", "… have begun a joint
# naval drill" (where the trigger holds the verb): a report of an opening, not of a habit
_START_VERB = r"(?:begun|started|launched|kicked\s+off|opened|got(?:ten)?\s+under\s?way)\b"
_HAVE_BEGUN = re.compile(rf"\b(?:has|have)\s+(?:just\s+)?(?:{_START_VERB}\s+(?:[\w'’-]+\s+){{0,4}})?$", re.I)


def has_begun(text: str, start: int, end: int) -> bool:
    "True when the words before a trigger (or its own first word) say its occasion has just begun."
    found = _HAVE_BEGUN.search(text[max(0, start - 60) : start])
    if found is None:
        return False
    # the verb before the trigger ("have started the Security Belt-2023 …"), or the trigger's own
    return " " in found.group().strip() or bool(re.match(_START_VERB, text[start:end], re.I))


def is_under_way(m: Mention) -> bool:
    """True when the words around a mention's trigger say its occasion is going on now
    ("… is currently taking place", "is currently presiding the 66th Ordinary Summit")."""
    start, end = m.trigger_start - m.sentence.start, m.trigger_end - m.sentence.start
    return bool(
        _UNDER_WAY.match(m.sentence.text[end : end + 120])
        or _UNDER_WAY_BEFORE.search(m.sentence.text[max(0, start - 60) : start])
        or has_begun(m.sentence.text, start, end)
    )


def is_anchored(m: Mention) -> bool:
    """True when a mention singles out one meeting: a date, a place, a session number, people,
    'the latest', a report that it is going on now or has just ended, or a drill's numbered edition."""
    start, end = m.trigger_start - m.sentence.start, m.trigger_end - m.sentence.start
    return bool(
        m.date
        or m.location
        or m.ordinal
        or m.people
        or points_at_one(m)
        or is_under_way(m)
        # "CARICOM leaders have ended their Grenada summit": the one just held
        or _HAVE_ENDED.search(m.sentence.text[max(0, start - 60) : start])
        # "participated in exercise DOSTI-16": an edition by its number
        or _NUMBERED_EDITION.search(m.sentence.text, start, end + 12)
    )


_HAVE_ENDED = re.compile(
    r"\b(?:has|have|had)\s+(?:just\s+)?(?:ended|concluded|wrapped\s+up|closed|completed)\s+(?:[\w'’-]+\s+){0,4}$",
    re.I,
)
_NUMBERED_EDITION = re.compile(r"\b(?-i:[A-Z])[A-Za-z]+[- ](?:\d{1,3}|(?-i:[IVXL]+))\b")


def sounds_habitual(m: Mention) -> bool:
    """True when a mention says, unanchored and in habitual words, that a format is in use.

    Why: "At present Tokyo holds 2+2 dialogues with the US, France and India" must not
    become the pair that "the two countries" in the next sentence refers to; the article's
    own pair stays in focus. (`is_background` later decides the same for the whole cluster.)
    """
    return m.status == EventStatus.OCCURRED and not is_anchored(m) and is_habitual(m.sentence.text)


def is_background(c: Cluster, lead_end: int = LEAD_SENTENCES) -> bool:
    """True when a cluster of 'occurred' mentions only says that a format exists.

    Why: analyses mention standing formats in passing ("Japan has held 2+2 meetings with
    the United States and Australia"); the corpus README counts those as mechanisms, and
    an event only when a particular meeting is reported — with a date, a place, a
    session number or its people. The article's lead may report its news without them
    (a headline); elsewhere an unanchored, habitual or plural mention is background. The
    cluster's mentions become `generic`, so a standing format among them is still
    recorded as a mechanism.
    """
    if c.first.kind not in _BACKGROUND_KINDS or cluster_status(c) != EventStatus.OCCURRED:
        return False
    if any(is_anchored(m) for m in c.mentions):
        return False
    lead = any(m.sentence.index < lead_end for m in c.mentions)
    # (the cued mentions say whether it is a habit; with none, every mention does: a headline that
    # reports a drill with no cue word is news, "which meets every year" is a habit)
    habitual = all(
        is_habitual(m.sentence.text) and not m.headline
        for m in [m for m in c.mentions if m.cued] or c.mentions
    )
    if not habitual and (lead or any(_REPORTED_PAST.search(m.sentence.text) for m in c.mentions if m.cued)):
        # (beyond the lead, a meeting told in the simple past is one occasion too: "The Prime
        # Minister held bilateral meetings with leaders from Tonga, Vanuatu and Tuvalu")
        return False
    for m in c.mentions:
        m.generic = m.kind == EventKind.TWO_PLUS_TWO or m.recurring or m.mechanism_id is not None
    return True


# ── 5a. the same occasion's date ─────────────────────────────────────────────

# A sentence that places its meeting at the occasion just reported: "Earlier in the day,
# Singh held a separate meeting with Hamada", "After the talks, the two leaders witnessed
# the signing of…", "Rubio then held a separate meeting with Jaishankar".
_SAME_OCCASION = re.compile(
    r"\b(?:earlier|later)\s+(?:in|on)\s+the\s+day\b|\b(?:on\s+)?the\s+same\s+day\b"
    r"|\b(?:after|following|during|on\s+the\s+(?:sidelines|margins)\s+of|at\s+the\s+(?:end|close|conclusion)\s+of)\s+"
    # ("At the end of the ministerial meeting, the parties signed the Baku Declaration")
    r"the\s+(?:(?:ministerial|trilateral|bilateral|tripartite|joint|official)\s+)?"
    r"(?:talks|meeting|meetings|dialogue|summit|visit|session|ceremony|forum|conference|gathering)\b"
    # ("Georgian FM Darchiashvili also held bilateral meetings with his counterparts")
    r"|^[^,;]{0,60}\balso\s+(?:held|met)\b"
    r"|\bthen\s+(?:held|met|hosted|signed)\b|\bheld\s+a\s+separate\b|\bin\s+a\s+separate\s+meeting\b"
    # "The leaders signed the treaty during a virtual summit": the summit of the signing told before
    r"|\bsigned\s+the\s+(?:treaty|agreement|pact|deal|accord|documents?)\s+(?:during|at)\s+(?:a|the)\b"
    r"|\bon\s+(?:its|their|the)\s+(?:sidelines|margins)\b(?!\s+of\b)",  # "On its sidelines, X held talks with Y"
    re.I,
)


_LEFT_OUT = re.compile(r"\b(?:except(?:\s+for)?|excluding|save\s+for|minus)\s+(?:the\s+)?$", re.I)


def without_those_left_out(
    event: Event, cluster: Cluster, by_sentence_actors: Mapping[int, Sequence[ActorMention]]
) -> Event:
    """Return `event` without the states its sentences name as left out of a grouping's meeting.

    Why: "Leaders of the EU, except for Britain, will meet in Bratislava" is the EU's members but one;
    the grouping's name brings them all in, and only the exception says who stays away.
    """
    if len(event.parties) < 3:
        return event
    out = set()
    for m in cluster.mentions:
        text = m.sentence.text
        for a in by_sentence_actors.get(m.sentence.index, []):
            start = a.start - m.sentence.start
            if a.type == ActorType.STATE and a.code and _LEFT_OUT.search(text, max(0, start - 25), start):
                out.add(a.code)
    kept = tuple(p for p in event.parties if p not in out)
    return dataclasses.replace(event, parties=kept) if out and len(kept) >= 2 else event


# Words that say the states' leaders are the ones meeting: "is hosting her counterparts from …",
# "the prime ministers of the four states".
_LEADERS_MEET = re.compile(
    r"\b(?:counterparts|leaders|heads\s+of\s+(?:state|government)|presidents|prime\s+ministers|premiers)\b"
    # ("Prime Minister Plenkovic attended the meeting of the South-East European Cooperation Process")
    r"|\battend(?:ed|s|ing)?\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?meeting\s+of\b",
    re.I,
)
_A_JOURNEY = re.compile(r"\b(?:visit|visits|visited|visiting|trip|tour|travel\w*|arriv\w*)\b", re.I)


_PHONED = re.compile(r"\b(?:tele)?phon(?:e|ed|ic)\b|\bvideo\s+(?:call|conference)\b", re.I)


def talks_of_three_or_more(event: Event, cluster: Cluster) -> Event | None:
    """Return `event`, a summit in its place, or None for "talks" among three or more states.

    Why: talks are two states' meeting; when a meeting of three or more reaches the end without a
    format word, either their leaders meet, which is a summit ("Polish Prime Minister Szydlo is
    hosting her counterparts from the Czech Republic, Slovakia and Hungary"), or officials of
    another level meet, which annotators leave optional and users do not look for under talks
    ("Vice Foreign Minister Liu met in Seoul with his South Korean and Japanese counterparts" last
    autumn) — unless the text gives the meeting its day and place, which makes it news of its own.
    A journey keeps its parties: a visit's extra state is the neighbour a sentence names with it,
    better kept than losing the visit.
    """
    if event.kind != EventKind.BILATERAL_TALKS or len(event.parties) < 3:
        return event
    quotes = [m.sentence.text for m in cluster.mentions]
    leaders = {p.country for p in event.people if p.role in LEADER_ROLES}
    triggers = [
        m.sentence.text[m.trigger_start - m.sentence.start : m.trigger_end - m.sentence.start]
        for m in cluster.mentions
    ]
    # ("President Sarkissian proposed to hold the next Armenia-Greece-Cyprus trilateral meeting": a leader's
    # trilateral is the leaders')
    if leaders and (
        any(_LEADERS_MEET.search(q) for q in quotes) or any(SEVERAL_SIDES.search(t) for t in triggers)
    ):
        return dataclasses.replace(event, kind=EventKind.SUMMIT)
    if any(_A_JOURNEY.search(t) or SEVERAL_SIDES.search(t) for t in triggers):
        return event  # (and "launched a new trilateral dialogue" of officials: a format of its own)
    if any(
        _PHONED.search(
            m.sentence.text, max(0, m.trigger_start - m.sentence.start - 60), m.trigger_end - m.sentence.start
        )
        for m in cluster.mentions
    ):
        # "had a telephone conversation with his Norwegian counterpart …, Sweden's … and the Danish Foreign
        # Minister": a call of several is talks, whoever is on the line
        return event
    if event.location is not None and event.date is not None and len(event.date) == 10:
        # "Senior officials from Burkina Faso, Mali and Niger gathered in Bamako on Friday": one meeting
        # told with its day and place is news of its own, whoever attends it
        return event
    return None


def one_summit_of_a_meeting(
    judged: list[tuple[Event, Cluster]], relabelled: set[int]
) -> list[tuple[Event, Cluster]]:
    """Return the events, a meeting of leaders told as talks folded into the summit reported of the same days.

    Why: "Plenkovic attended the meeting of the South-East European Cooperation Process" is read as talks
    of its thirteen states and only becomes their summit at the end (`talks_of_three_or_more`), after the
    article's "summit" of the same states and day was merged apart from it: one meeting, one event.
    """

    def same_meeting(a: Event, b: Event) -> bool:
        return (
            b.kind == EventKind.SUMMIT
            and id(b) not in relabelled
            and set(a.parties) == set(b.parties)
            and a.status == b.status
            and (a.date is None or b.date is None or a.date[:10] == b.date[:10])
        )

    out = list(judged)
    for event, _ in judged:
        if id(event) not in relabelled:
            continue
        host = next((i for i, (other, _) in enumerate(out) if same_meeting(event, other)), None)
        if host is None:
            continue
        other, other_cluster = out[host]
        names = {p.name for p in other.people}
        people = other.people + tuple(p for p in event.people if p.name not in names)
        sources = tuple(sorted({*other.sources, *event.sources}, key=lambda e: e.start))
        merged = dataclasses.replace(
            other, people=people, sources=sources, location=other.location or event.location
        )
        out[host] = (merged, other_cluster)
        out = [(e, c) for e, c in out if e is not event]
    return out


def dates_from_the_same_occasion(events: Sequence[Event]) -> list[Event]:
    """Return the events, an undated one that happened 'earlier in the day' or 'after the talks' dated.

    Why: follow-up sentences of a report rarely repeat the date ("Earlier in the day, Singh
    held a separate meeting with Hamada"); the occasion they point back to is the last
    event before them, in text order, that happened on a stated day. Only for events that
    happened, with no date of their own, whose sentence says so in so many words.
    """
    ordered = sorted(range(len(events)), key=lambda i: events[i].sources[0].start if events[i].sources else 0)
    out = list(events)
    last_day: str | None = None
    for i in ordered:
        event = events[i]
        if event.status == EventStatus.OCCURRED and event.date and len(event.date) == 10:
            last_day = event.date
            continue
        if (
            last_day is not None
            and (event.date is None or (len(event.date) == 7 and last_day.startswith(event.date)))
            and event.status == EventStatus.OCCURRED
            and event.sources
            and _SAME_OCCASION.search(event.sources[0].quote)
        ):
            out[i] = dataclasses.replace(event, date=last_day)
    return out


# "Kamikawa also met with her Peruvian counterpart", "Twelve agreements were signed at the
# meeting": a sentence that points back to the occasion just reported.
_ALSO_ON_THE_OCCASION = re.compile(
    r"\b(?:also|separately|later|then)\s+(?:\w+\s+)?(?:met|meets|held|holds|hold|had|signed|sign|inked|received)\b"
    r"|\b(?:signed|inked|exchanged|adopted)\s+(?:at|during|on\s+the\s+sidelines\s+of)\s+the\s+"
    r"(?:talks|meeting|meetings|summit|visit|session|ceremony|forum|conference)\b",
    re.I,
)


def places_from_the_same_occasion(events: Sequence[Event]) -> list[Event]:
    """Return the events, one with no place of its own placed where the occasion it belongs to was.

    Why: a report names the venue once ("The DRC and Rwanda signed … in Washington") and then
    tells what else happened there ("Twelve agreements were signed at the meeting", "She also
    met her Peruvian counterpart"); annotators place those at the occasion's venue. The occasion
    is the last event before, in text order, that has a place, on the same day (or either
    undated), and a share of the same states; an agreement signed by exactly the parties of a
    placed meeting of that day is signed there, wherever the article tells it, before or after
    the agreement. An event placed in a country only takes the city of such an occasion in that
    country. Never for a call or a video meeting, which has no venue.
    """
    ordered = sorted(range(len(events)), key=lambda i: events[i].sources[0].start if events[i].sources else 0)
    out = list(events)
    placed = [
        events[i]
        for i in ordered
        if events[i].location is not None and events[i].status in (EventStatus.OCCURRED, EventStatus.PLANNED)
    ]
    for i in ordered:
        event = events[i]
        if (event.location is not None and event.location.city) or (
            event.kind not in _VENUE_KINDS
            or event.status not in (EventStatus.OCCURRED, EventStatus.PLANNED)
            or not event.sources
            or any(REMOTE_WORDS.search(source.quote) for source in event.sources)
        ):
            continue
        quote, start = event.sources[0].quote, event.sources[0].start
        # (the nearest occasion told before it, then the nearest told after it)
        candidates = [p for p in reversed(placed) if p.sources and p.sources[0].start <= start]
        candidates += [p for p in placed if p.sources and p.sources[0].start > start]
        occasion = next(
            (
                p
                for p in candidates
                if p is not event
                and p.status == event.status
                and set(p.parties) & set(event.parties)
                and _same_occasion_days(p.date, event.date)
                and (
                    (_ALSO_ON_THE_OCCASION.search(quote) and p.sources[0].start <= start)
                    or (event.kind == EventKind.AGREEMENT and set(p.parties) == set(event.parties))
                    # ("held talks with President Xi … as part of his visit to China. This follows a meeting
                    # with Foreign Minister Wang Yi": the pair's other meeting of those days, in person, is
                    # where the visit was)
                    or (
                        event.status == EventStatus.OCCURRED
                        and len(event.parties) == 2
                        and set(p.parties) == set(event.parties)
                        and not event.location
                    )
                    # ("… welcomed Tsipras and Netanyahu to Nicosia for the summit. Today, Netanyahu had
                    # meetings with …": two of a gathering's states, on its days, meet where it is held)
                    or (
                        len(p.parties) >= 3
                        and set(event.parties) < set(p.parties)
                        and p.date is not None
                        and event.date is not None
                        and (event.date.startswith(p.date) or p.date.startswith(event.date))
                    )
                )
                and (
                    event.location is None
                    or (p.location is not None and p.location.country == event.location.country)
                )
            ),
            None,
        )
        if occasion is not None and (
            event.location is None or (occasion.location and occasion.location.city)
        ):
            out[i] = dataclasses.replace(event, location=occasion.location)
    return out


# A city naming a meeting: "the New Delhi meeting", "the Riyadh summit".
_NAMES_A_MEETING = re.compile(r"\s+(?:meeting|summit|talks|conference|session|declaration|agreement)\b", re.I)


def in_the_city_named(
    event: Event, cluster: Cluster, by_sentence_actors: dict[int, list[ActorMention]]
) -> Event:
    """Return the event, placed in a country only, given the one city of that country its sentences name.

    Why: "Dar arrived in Dhaka on Saturday for a two-day visit … Dar will meet Bangladesh's interim leader"
    places the talks in Bangladesh by the visit, and the report names one city there; annotators write it.
    Only when the event's own sentences name exactly one city of the country (a capital standing for its
    government counts as the city too), and never for a call.
    """
    if event.location is None or event.location.city or not event.location.country or not event.sources:
        return event
    if any(REMOTE_WORDS.search(source.quote) for source in event.sources):
        return event
    country = event.location.country
    cities = {
        a.name
        for m in cluster.mentions
        for a in by_sentence_actors.get(m.sentence.index, [])
        if a.type == ActorType.PLACE
        and a.country == country
        and a.name
        # ("The New Delhi meeting in June … agreed that India would host a summit": the city names another
        # meeting; "TOKYO: India and Japan agreed to hold their first fighter jet exercise": where it was agreed)
        and not _NAMES_A_MEETING.match(m.sentence.text, a.end - m.sentence.start)
        and not (a.via == "dateline" and event.status != EventStatus.OCCURRED)
    }
    if len(cities) != 1:
        return event
    return dataclasses.replace(event, location=Location(city=cities.pop(), country=country))


def _same_occasion_days(a: str | None, b: str | None) -> bool:
    "True when two dates may be one occasion's: equal, one within the other's month, or either unknown."
    if a is None or b is None:
        return True
    return a == b or ((len(a) == 7 or len(b) == 7) and a[:7] == b[:7])


def dated_by_the_lead(
    event: Event, cluster: Cluster, article: Article, lead_end: int = LEAD_SENTENCES
) -> Event:
    """Return the event dated by its article's month when the lead reports it and no sentence dates it.

    Why: news reports its own day's events without a date ("The foreign ministers of the three
    countries gathered in Busan"); the month it was filed in is what the annotators write, and a
    month is right even when the day is the one before.
    """
    if (
        event.date is not None
        or event.status != EventStatus.OCCURRED
        or not article.published
        or len(article.published) < 7
        or not any(m.sentence.index < lead_end for m in cluster.mentions)
        or all(m.earlier for m in cluster.mentions)  # (an earlier session the lead mentions in passing)
    ):
        return event
    return dataclasses.replace(event, date=article.published[:7])


# ── 5b. the dateline as the venue ────────────────────────────────────────────

# How far a meeting's date may lie from the publication date for the dateline to be its
# venue: wire copy is filed on the day or the day after.
DATELINE_DAYS = 2
_VENUE_KINDS = MEETING_KINDS | {EventKind.BILATERAL_TALKS, EventKind.AGREEMENT}


def _placed(event: Event, cluster: Cluster, lead: int, venue: Location, published: str | None) -> Event:
    """Return the event placed at the dateline when its rules allow, before any place a later sentence gave.

    Why: "BISHKEK — SCO leaders held their summit on Thursday. … The leaders also met in
    Chelyabinsk for a dinner": a summit that the dateline's own sentence reports without a
    place is where that report was filed from, not where a later sentence's occasion took
    place. When the dateline does not apply (`with_dateline_venue`), the later place stays.
    """
    if cluster.first.location is None and event.location is not None and cluster.first.sentence.index == lead:
        at_dateline = with_dateline_venue(dataclasses.replace(event, location=None), venue, published)
        if at_dateline.location is not None:
            return at_dateline
    return with_dateline_venue(event, venue, published)


def dateline_venue(actors: Sequence[ActorMention]) -> Location | None:
    "Return the place of the article's wire dateline ('NEW DELHI, April 28 –'), if it has one."
    for a in actors:
        if a.via == "dateline" and a.type == ActorType.PLACE and a.country:
            return Location(city=a.name, country=a.country)
    return None


def with_dateline_venue(event: Event, venue: Location, published: str | None) -> Event:
    """Return the event placed at the dateline's city when the article reports it from there.

    Why: a correspondent in New Delhi writes "Singh held bilateral talks with Li on
    Thursday" without repeating where; the dateline says it. Only for a meeting or signing
    without a stated place, that happened (or is planned) within DATELINE_DAYS of the
    publication date or is undated and held, and whose parties include the dateline's
    state: a summit elsewhere, a meeting last year or an exercise at sea keep no place.
    """
    if event.location is not None and event.location.city is None and event.location.country == venue.country:
        # "LUANDA — Lavrov ended his tour in Angola, where he held talks with Lourenco": the country the text
        # gives, the dateline's city in it
        in_city = with_dateline_venue(dataclasses.replace(event, location=None), venue, published)
        return in_city if in_city.location is not None else event
    if event.location is not None or event.kind not in _VENUE_KINDS or venue.country not in event.parties:
        return event
    if event.status not in (EventStatus.OCCURRED, EventStatus.PLANNED):
        return event
    if any(REMOTE_WORDS.search(source.quote) for source in event.sources):
        return event  # a phone or video call has no venue
    if event.date is None:
        if event.status != EventStatus.OCCURRED:
            return event
    elif (
        not (published and _days_between(event.date, published) <= DATELINE_DAYS)
        # (a page dated to its month only: a meeting of that month is the wire's news of the day)
        and not (published and len(published) == 7 and event.date.startswith(published))
        and not any(_HERE.search(source.quote) for source in event.sources)
    ):
        return event  # (but "He and Austin met here Dec. 7": the dateline's city, whenever)
    return dataclasses.replace(event, location=venue)


_HERE = re.compile(r"\b(?:met|held|hosted|signed|gathered|convened|meeting|talks)\s+(?:\w+\s+)?here\b", re.I)


def _days_between(date: str, published: str) -> int:
    "Return the days between two day-precise dates (a large number unless both are days)."
    try:
        return abs((dt.date.fromisoformat(date) - dt.date.fromisoformat(published[:10])).days)
    except ValueError:
        return 1 << 30


# ── 6. mechanisms ────────────────────────────────────────────────────────────


__all__ = ["COMPONENT", "extract_events", "is_before"]
