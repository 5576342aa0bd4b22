"""Event mentions in one sentence: triggers, status, dates, place, ordinal, people, topics.

Input: a sentence with its actor and date mentions, and the article context.
Output: `Mention`s, one per event (or per dyad of a bilateral format) the
sentence names; statements about a format itself are marked `generic` and
become mechanisms rather than events.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Mapping, Sequence

from diplograph.extract.events.common import (
    ANAPHORA,
    BILATERAL_KINDS,
    CLAUSE_BREAK,
    DEPARTS,
    LANDMARK_IN_TIME,
    LEADER_ROLES,
    MEETING_KINDS,
    ONGOING_TALKS_AFTER,
    ORDINAL_RE,
    ORDINALS,
    OTHER_MINISTERS_OF_BOTH,
    PERFECT_MEETING,
    TWO_SIDES,
    Context,
    Mention,
    Trigger,
    bounds_a_period,
    is_before,
    is_put_off_to,
    load_rules,
    mentions_kind,
    people_of,
    role_fits,
    topics_of,
)
from diplograph.extract.events.parties import (
    VISITS_TO,
    antecedent_start,
    fill_from_context,
    party_states,
    split_dyads,
)
from diplograph.extract.events.status import asks_a_question, is_generic, status_of
from diplograph.extract.folding import folded_finditer, folded_search
from diplograph.extract.gazetteer import Gazetteer
from diplograph.models import ActorMention, Article, DateMention, Location, Person, Sentence
from diplograph.vocab import NUMBER_WORDS, ActorType, EventKind, EventStatus, status_group

# A format's name used for its members: "a drill among ADMM-Plus countries", "SCO member states".
_MEMBERS_AFTER = re.compile(
    r"(?:[\s-]*Plus)?(?:\s*\([^()]{1,15}\))?\)?\s+(?:member\s+)?(?:countries|states|nations|members|navies|militaries|armies|troops)\b"
)


# An anaphor that names one session of a series ("the next meeting", "the 4th round"), not the
# format's kind ("such meetings")
_SESSION_ANAPHOR = re.compile(
    r"\b(?:next|previous|last|latest|subsequent|inaugural|first|second|third|fourth|fifth|sixth|seventh|eighth|"
    r"ninth|tenth|\d{1,2}(?:st|nd|rd|th))\s+(?:[\w-]+\s+)?(?:round|session|meeting|edition|iteration|sitting)s?\b"
    # ("Spain and Morocco held their first High Level Meeting in eight years. The last one was held in June
    # 2015": "one" stands for a session of the talks just reported)
    r"|\b(?:previous|last|latest|first)\s+one$",
    re.I,
)


# A weak trigger that opens on its finite verb ("had a meeting", "held talks", "met"): a clause
# "this is a meeting of two leaders", "a summit of equals": a meeting as a kind of thing, right before its trigger
_AN_INDEFINITE_MEETING = re.compile(r"\b(?:a|an)\s+(?:[\w-]+\s+){0,2}$", re.I)
# "During the visit of … to Tehran", "on the sidelines of his state visit": a visit the sentence tells of.
_A_VISIT_IN = re.compile(r"\b(?:visits?|visited|visiting|trips?|tours?)\b", re.I)
# A visit and where it is paid: "official visit to India", "state visit to", "visited".
_A_VISIT_TO = re.compile(r"(?:(?:official|state|working)\s+)?visit(?:ed)?\b", re.I)
_FINITE_MEETING_VERB = re.compile(
    # (the verb may be the whole trigger: "Prime Minister Mark Brown of the Cook Islands met with …")
    r"(?:had|has|have|held|holds|met|meets|hosted|received|conducted|signed|completed|concluded|began|started|"
    r"launched|staged)(?:\s|$)",
    re.I,
)


_DEPUTIES = re.compile(
    r"\b(?:deputy|vice)[\s-]+(?:(?:foreign|defen[cs]e)\s+)?(?:ministers|minister(?=\s+level|-level))\b|"
    r"\b(?:deputy|vice)[\s-]+(?:foreign|defen[cs]e)\s+minister[s'’]*\s+(?:level|meeting|talks|consultations?)\b",
    re.I,
)


# The plural noun of a format after its name: "the U.S.-Japan 2+2 dialogues".
_PLURAL_FORMAT_AFTER = re.compile(r"\s+(?:dialogues|meetings|summits|sessions)\b", re.I)


# Ships as the subject of a visit: "Royal Australian Navy ships HMAS Adelaide and HMAS Anzac ".
_SHIPS_BEFORE = re.compile(
    r"(?:\b(?:ships?|vessels?|warships?|frigates?|destroyers?|corvettes?|submarines?|flotilla|task\s+group)\b"
    r"|\b(?-i:HMAS|INS|USS|HMS|HMNZS|HMCS|PNS|BRP|KRI|JS|ROKS|TCG|RSS|KD|HTMS|CNS|PLANS)\s+(?-i:[A-Z])[\w-]+)"
    r"(?:\s+(?:and|,)\s+(?:\w+\s+){0,3}?)?(?:[^.;,]{0,40}?)\s+(?:also\s+)?$",
    re.I,
)


def sentence_triggers(
    sentence: Sentence,
    s_actors: Sequence[ActorMention],
    last_kind: str | None,
    kinds_seen: Mapping[str, int] | None = None,
    abbreviations: dict[str, tuple[str, str]] | None = None,
    last_reported: str | None = None,
    bodies: Mapping[str, str] | None = None,
) -> tuple[list[Trigger], list[Trigger]]:
    """Return (triggers, fallback triggers) of a sentence.

    Strong triggers come first; meeting verbs are the fallback, used when no
    strong trigger yields an event ("held talks ..., agreeing to establish a
    2+2 mechanism"), or instead of strong ones that only name the setting
    ("met ... during the summit").
    """
    rules = load_rules()
    text = sentence.text
    strong: list[Trigger] = []
    as_members: list[tuple[int, int]] = []  # format names that stand for their members here
    for a in s_actors:
        if a.type == ActorType.MECHANISM and a.code:
            if _PLURAL_FORMAT_AFTER.match(text, a.end - sentence.start):
                # "The U.S.-Japan 2+2 dialogues have produced agreements": the name modifies the format's
                # sessions, read as such by the kind's own trigger, not one session of it
                continue
            strong.append(Trigger("", a.start - sentence.start, a.end - sentence.start, True, a.code))
            if _MEMBERS_AFTER.match(text, a.end - sentence.start):
                as_members.append((a.start - sentence.start, a.end - sentence.start))
    strong += founding_triggers(sentence, s_actors)
    strong += forum_session_triggers(sentence, s_actors)
    lowered = text.lower()
    for kind, patterns in rules.triggers.items():
        if not mentions_kind(lowered, kind):
            continue
        for pattern in patterns:
            for m in folded_finditer(pattern, text, lowered):
                if kind in (EventKind.FOREIGN_MINISTERS, EventKind.DEFENCE_MINISTERS) and _DEPUTIES.search(
                    text, max(0, m.start() - 40), m.start() + 24
                ):
                    # "Deputy foreign ministers of Russia and Turkey held consultations": their deputies'
                    # talks, not the ministers' meeting
                    strong.append(Trigger(EventKind.BILATERAL_TALKS, m.start(), m.end(), True))
                    continue
                strong.append(Trigger(kind, m.start(), m.end(), True))
    if abbreviations is not None:
        strong += abbreviation_triggers(text, strong, abbreviations)
    for m in folded_finditer(rules.anaphoric, text, lowered):
        words = text[m.start() : m.end()]
        # The kind it refers back to: the last meeting the article reported, or one named
        # earlier in the sentence ("a 2+2 with Beijing, … the same kind of dialogue with Tokyo").
        earlier = [t for t in strong if t.end <= m.start() and t.kind in MEETING_KINDS]
        referred = earlier[-1].kind if earlier else last_kind
        if not earlier and kinds_seen and _FORMAT_ANAPHOR.search(words):
            # "similar dialogues", "this dialogue structure": the format the article is about,
            # not whichever meeting it named last
            seen = kinds_seen
            if re.search(r"\bdialogues?\b", words, re.I):
                # "the inaugural dialogue": a dialogue of the article's, not its summits
                seen = {k: n for k, n in kinds_seen.items() if k != EventKind.SUMMIT} or kinds_seen
            referred = max(seen, key=seen.__getitem__)  # a tie goes to the one named first
        drill_before = any(t.kind == EventKind.EXERCISE and t.end <= m.start() for t in strong)
        if (
            (last_reported == EventKind.EXERCISE or drill_before)
            and (re.search(r"\b(?:edition|iteration)\b", words, re.I) or referred is None)
        ) or re.search(r"\b(?:exercises?|drills?)$", words, re.I):
            referred = (
                EventKind.EXERCISE
            )  # "The Mitra Shakti exercise opened … Its last edition was held in Pune" ("The first one …")
        if referred == EventKind.EXERCISE and _A_MEETING_NOUN.search(words):
            # "… reviewed joint exercises. It was agreed to hold the next meeting of JDCC in UAE": a
            # meeting is no drill; the meetings the article reports, else talks
            meetings = {
                k: n
                for k, n in (kinds_seen or {}).items()
                if k in MEETING_KINDS or k == EventKind.BILATERAL_TALKS
            }
            referred = max(meetings, key=meetings.__getitem__) if meetings else EventKind.BILATERAL_TALKS
        if referred is None and last_reported == EventKind.BILATERAL_TALKS and _SESSION_ANAPHOR.search(words):
            # "The 3rd meeting of the Boundary Working Group was held in Kathmandu … The next meeting will
            # be held in India": another session of the talks just reported
            referred = EventKind.BILATERAL_TALKS
        body = _BODY_REFERRED.search(text, m.start(), m.end() + 25)
        if body and bodies and body.group(1) in bodies:
            # "The first meeting of the Council was held in New Delhi": the Council the article named
            referred = bodies[body.group(1)]
        if referred:
            strong.append(Trigger(referred, m.start(), m.end(), True))
    # (the format's own name stays: the format exists; `trigger_mentions` reports no session of it)
    strong = [
        t
        for t in strong
        if t.mechanism is not None or not any(t.start < end and start < t.end for start, end in as_members)
    ]
    if re.search(r"\bsummit|\bmember\s+states\b", text, re.I):
        # "the summit, preceded by meetings of defense and foreign ministers of member states": each
        # portfolio met on its own, in a grouping; no pair held a 2+2
        strong = [
            t
            for t in strong
            if not (
                t.kind == EventKind.TWO_PLUS_TWO and re.match(r"meetings\s+of\b", text[t.start : t.end], re.I)
            )
        ]
    strong = [t for t in strong if not _NAME_AS_MODIFIER.match(text, t.end) or t.kind not in _MODIFIED_KINDS]
    strong = drop_overlaps(strong)
    strong = [t for t in strong if not names_the_format_of(t, strong, text)]
    strong = [t for t in strong if not restates_its_subject(t, strong, text)]
    strong = [t for t in strong if not in_apposition(t, strong, text)]
    strong = [t for t in strong if not hosts_a_drill(t, text)]
    # ("the President and the Chancellor, as well as the Ministers for Foreign Affairs, Defense, Interior and
    # Development": ministers of many portfolios at their leaders' council, not the foreign ministers' meeting)
    strong = [
        t
        for t in strong
        if not (
            t.kind in (EventKind.FOREIGN_MINISTERS, EventKind.DEFENCE_MINISTERS)
            and _MORE_PORTFOLIOS.match(text, t.end)
            # (but "the Trilateral Meeting of Ministers of Foreign Affairs, Trade and Transport" is a meeting
            # of those ministers, the foreign ministers among them)
            and not _A_MEETING_OF.match(text, t.start)
        )
    ]
    trips = travelled_to(text, sentence.start, s_actors)
    weak = drop_overlaps(
        [
            Trigger(EventKind.BILATERAL_TALKS, m.start(), m.end(), False)
            for p in rules.meeting
            for m in folded_finditer(p, text, lowered)
        ]
        + hosted_by_name(text, sentence.start, s_actors)
        + trips
    )
    # "… flew to Jakarta for talks on 4 March": the talks are what the trip was for, one meeting
    # (and the day named after them is the trip's)
    weak = [
        w
        for w in weak
        if not (
            text.startswith("for", w.start)
            and any(_TRIP_PURPOSE.fullmatch(text, t.end, w.start) for t in trips)
        )
    ]
    # "HMAS Adelaide and HMAS Anzac visited Visakhapatnam": a port call of ships, no talks of the states
    weak = [
        w
        for w in weak
        if not (
            text.startswith("visit", w.start) and _SHIPS_BEFORE.search(text, max(0, w.start - 90), w.start)
        )
    ]
    # "While on a working visit to Vienna, Nalbandian met with Mammadyarov": the visit is where the
    # meeting the sentence reports was held, no meeting with the host of its own
    weak = [
        w
        for w in weak
        if not (
            _WHILE_ON_A_VISIT.search(text, max(0, w.start - 40), w.end)
            and any(o.start > w.end for o in weak + strong)
        )
    ]
    if strong and (tag := _SECTION_TAG.match(text)):
        # "[SUMMIT] S. Korean President Yoon and Japanese Prime Minister Kishida agree …": the site's
        # section tag, not a meeting the headline reports
        strong = [t for t in strong if t.start >= tag.end()]
    if strong and weak and (kicker := _KICKER.match(text)):
        # "G7 Summit 2024: Prime Minister Modi held a bilateral meeting with …": the label names the
        # story's setting; the sentence reports what its verb says
        strong = [t for t in strong if t.start >= kicker.end()]
    if strong and weak:
        setting = [t for t in strong if rules.context_before.search(text[max(0, t.start - 60) : t.start])]
        if setting:
            strong = [t for t in strong if t not in setting]
            if not strong:
                return weak, []
    weak = [
        w
        for w in weak
        if not any(w.start < t.end and t.start < w.end and not _spans_a_meeting(t, w) for t in strong)
        and not in_apposition(w, weak, text)
        and not hosts_a_drill(w, text)
    ]
    # "… https://…/hungarian-serbian-government-summit-to-be-held-in-budapest/": a page's address
    # printed with it names the story; its words report nothing (and lose the status they had); nor
    # does a cross-reference to another story ("(See: “… Security Summit in 2016”)")
    quoted = [(m.start(), m.end()) for m in _CROSS_REFERENCE.finditer(text)] if ":" in text else []
    if "/" in text:
        quoted += [(m.start(), m.end()) for m in _WEB_ADDRESS.finditer(text)]
    if quoted:
        strong = [t for t in strong if not any(s <= t.start < e for s, e in quoted)]
        weak = [t for t in weak if not any(s <= t.start < e for s, e in quoted)]
    # ("attended the pre-summit talks on Monday": the ministers' meeting before it, not the summit)
    strong = [t for t in strong if not _PRE_OR_POST.search(text, max(0, t.start - 5), t.start)]
    if domestic := [
        (m.start(), m.end())
        for m in _ONE_GOVERNMENTS.finditer(text)
        if not _PAIR_BEFORE.search(
            text, max(0, m.start() - 40), m.start()
        )  # ("Turkmen-Tajik inter-ministerial")
    ]:
        # "An inter-ministerial meeting on the preparation of this visit was held Wednesday": one
        # government's own meeting, no diplomacy between states, and the visit it prepares is its topic
        def of_one_government(t: Trigger) -> bool:
            return any(
                start - 30 <= t.start < end + 10
                or _TOPIC_OF_THE_MEETING.fullmatch(text, end, t.start) is not None
                for start, end in domestic
            )

        strong = [t for t in strong if not of_one_government(t)]
        weak = [t for t in weak if not of_one_government(t)]
    if strong and weak and all(is_landmark_in_time(text, t) for t in strong):
        # "I will meet Prime Minister Bainimarama … ahead of next month's Forum meeting": the meeting
        # the verb reports, dated by the occasion named after it (both are events)
        return sorted(strong + weak, key=lambda t: t.start), []
    return (strong, weak) if strong else (weak, [])


_ONE_GOVERNMENTS = re.compile(
    # (not "the binational cabinet meeting between the two countries": two governments sitting together)
    r"\b(?:inter-?ministerial|inter-?agency|inter-?departmental|(?<!binational\s)(?<!bi-national\s)(?<!joint\s)cabinet)"
    r"\s+(?:[\w-]+\s+)?"
    r"(?=meeting|session)",
    re.I,
)
_PAIR_BEFORE = re.compile(r"(?-i:[A-Z])[\w]+\s*[-–]\s*(?-i:[A-Z])[\w]+\s+$")
_TOPIC_OF_THE_MEETING = re.compile(r"\w*\s+(?:on|about|for|to\s+(?:prepare|discuss))\b[^.;,]{0,80}", re.I)
_A_MEETING_NOUN = re.compile(r"\b(?:meeting|session|sitting|round|talks|consultations|dialogue)s?\b", re.I)
_WEB_ADDRESS = re.compile(r"\b(?:https?://|www\.)\S+")
_PRE_OR_POST = re.compile(r"\b(?:pre|post)[-–]$", re.I)
# A cross-reference to another story: "(See: “The Other Sea That Dominated Asia’s Security Summit in
# 2016”)", "Read also: …", "Related: …" (a headline named, no event reported).
_CROSS_REFERENCE = re.compile(
    r"\((?:see(?:\s+also)?|read(?:\s+(?:also|more))?|also\s+read|related)\s*:[^()]*\)|"
    r"^\W*(?:see\s+also|read\s+(?:also|more)|also\s+read|related(?:\s+(?:story|stories|articles?))?)\s*:.*$",
    re.I,
)


# "the Council", "the Commission": a body the article named in full before ("the India-Saudi Arabia
# Strategic Partnership Council"); `bodies_named` records which kind of meeting it holds.
_BODY_REFERRED = re.compile(r"\bof\s+the\s+(Council|Commission|Committee|Forum|Board)\b")
_BODY_NAMED = re.compile(r"(?:[A-Z][\w'’-]*\s+){1,6}(Council|Commission|Committee|Forum|Board)\b")


def bodies_named(mention_text: str) -> list[str]:
    "Return the head nouns of the bodies a meeting's sentence names in full ('… Partnership Council' → 'Council')."
    return [m.group(1) for m in _BODY_NAMED.finditer(mention_text)]


_HOSTED = re.compile(
    r"\b(?:hosted|hosts|hosting|received|receives|receiving|welcomed|welcomes|welcoming)\s+(?=[A-Z])"
)


def hosted_by_name(text: str, offset: int, s_actors: Sequence[ActorMention]) -> list[Trigger]:
    """Return a meeting verb for each leader received by name alone: "Putin received Modi at the Kremlin".

    The rules' patterns want a title after "received" ("received Indian Prime Minister …"), since
    a bare capital there is as often a state's aid or support; a name the registry knows as an
    office-holder is a guest.
    """
    people = {a.start - offset for a in s_actors if a.type == ActorType.PERSON and a.country and a.role}
    return [
        Trigger(EventKind.BILATERAL_TALKS, m.start(), m.end() - 1, False)
        for m in _HOSTED.finditer(text)
        if m.end() in people
    ]


# (past journeys only: a trip still to come is announced with its talks, "will travel to Vietnam on
# Friday … will hold talks in Hanoi on Saturday", one visit that a second verb would split in two)
# What something is aimed at, when it is to strengthen ties: the meetings named there are a means, not a
# meeting reported or planned ("deals aimed at strengthening bilateral ties through increased trade and
# binational cabinet meetings"; but "a roadmap aimed at holding a summit" plans one)
_PURPOSE_BEFORE = re.compile(
    r"\b(?:aimed\s+at|aiming\s+at|designed\s+to|intended\s+to|in\s+order\s+to|with\s+the\s+aim\s+of)\s+"
    r"(?:strengthen|boost|promot|enhanc|improv|deepen|expand|foster|develop|consolidat|bolster)\w*\b[^.;]*$",
    re.I,
)
_TRAVELLED = re.compile(r"\b(?:travell?ed|flew|journeyed)\s+to\s+(?=[A-Z])")
_TRIP_PURPOSE = re.compile(r"[^,.;]{1,60}\s")
# …to a gathering rather than to a host: "flew to Brussels for the NATO summit", "to attend"
_TO_A_GATHERING = re.compile(
    r"[^.;]{0,60}?\b(?:to\s+attend|to\s+take\s+part|to\s+participate|for\s+(?:the|a|an)\s+(?:[\w’'-]+\s+){0,6}"
    r"(?:summit|meeting|conference|forum|session|gathering|games|ceremony|funeral|inauguration|"
    # ("talks on Syria" are a gathering's; "a day of talks on 4 March" are the visit's)
    r"talks\s+on(?!\s+(?:\d|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec))))",
    re.I,
)


def travelled_to(text: str, offset: int, s_actors: Sequence[ActorMention]) -> list[Trigger]:
    """Return a visit for each leader or minister who travelled to a state: "Macron travelled to Vietnam".

    Only an office-holder named before the verb in the sentence travels on a state's business, and
    only a journey to a host (not "flew to Brussels for the NATO summit") is a visit.
    """
    out = []
    for m in _TRAVELLED.finditer(text):
        traveller = any(
            a.type == ActorType.PERSON and a.country and a.role and 0 <= m.start() - (a.end - offset) <= 80
            for a in s_actors
        )
        if traveller and not _TO_A_GATHERING.match(text, m.end()):
            out.append(Trigger(EventKind.BILATERAL_TALKS, m.start(), m.end() - 1, False))
    return out


def is_a_bodys_council_of_ministers(kind: str, known: object, codes: set[str], trigger_text: str) -> bool:
    "True when a summit trigger names the Council of Ministers of a body of three or more states."
    return (
        kind == EventKind.SUMMIT
        and known is None
        and len(codes) > 2
        and re.search(r"Council\s+of\s+Ministers", trigger_text) is not None
    )


_LEADERS_HELD_IT = re.compile(
    r"\b(?:leaders|presidents|prime\s+ministers|heads\s+of\s+(?:state|government))\s+(?:also\s+|first\s+|last\s+)?"
    r"(?:held|hold|holds|met\s+(?:at|for|in)|convened|attended)\s+(?:a|an|the|their)\s+(?:[\w-]+\s+){0,3}$",
    re.I,
)


def _portfolio_of_a_pair(kind: str, trig: Trigger, people: Sequence[Person], codes: set[str]) -> str:
    """Return the ministers' meeting a meeting verb reports when both sides are ministers of one portfolio.

    "He is also expected to meet Singapore's Defence Minister Ng Eng Hen", "he" being the US defense
    secretary: two defence ministers meet.
    """
    if trig.strong or kind != EventKind.BILATERAL_TALKS or len(codes) != 2:
        return kind
    roles = {p.role for p in people if p.country in codes}
    if {p.country for p in people if p.country in codes} != codes:
        return kind
    if roles == {"defence minister"}:
        return EventKind.DEFENCE_MINISTERS
    if roles == {"foreign minister"}:
        return EventKind.FOREIGN_MINISTERS
    return kind


_DEFENCE_CONFIGURATION = re.compile(
    r"\s+(?:in\s+its\s+defen[cs]e\s+(?:configuration|format)|\(Defen[cs]e\))", re.I
)
# (a courtesy call is a visit in person, not a call)
_CALL = re.compile(
    r"\b(?:(?:tele)?phone|(?<!courtesy\s)call|(?:tele)?phoned|video\s+(?:call|conference|link))\b", re.I
)
_JOINT_COMMISSION = re.compile(
    r"\bJoint\s+(?:Permanent\s+|Ministerial\s+)?Commission\b|\bJCC\b|\bJPC\b", re.I
)
_MINISTERS_COMMISSION = re.compile(r"\bJoint\s+(?:Permanent|Ministerial)\s+Commission\b|\bJ[MP]C\b")
# ("the Joint Permanent Commission (JPC) on Defence and Security", "… on Security and Defence")
_ON_DEFENCE = re.compile(r"(?:\s*\([^)]{1,15}\))?\s+(?:on|for)\s+(?:[\w-]+\s+and\s+)?Defen[cs]e\b", re.I)
# "the 20th Ministerial Meeting of the Angola-Namibia Security and Defence Joint Commission"
_DEFENCE_COMMISSION_AFTER = re.compile(
    r"\s+of\s+the\s+(?:[\w-]+\s+){0,3}?(?:Defen[cs]e\s+and\s+Security|Security\s+and\s+Defen[cs]e|Defen[cs]e)"
    r"\s+(?:Joint\s+)?(?:Permanent\s+)?(?:Commission|Committee)\b",
    re.I,
)
_REGIONAL_SUMMIT = re.compile(
    # (one to come: not "presidents are meeting in Kazakhstan for the first regional summit in a decade")
    r"\b(?:upcoming|forthcoming|coming|next|planned|future)\s+(?:regional|multilateral|continental|sub-?regional|"
    r"international|global)\s+(?:[\w-]+\s+){0,2}?summit\b",
    re.I,
)
# What ministers agree to hold is another occasion: "the three sides agreed to hold the summit".
_LEADERS_WILL_HOLD = re.compile(
    r"\bthat\s+(?:the\s+)?(?:leaders|heads\s+of\s+state|presidents)\b[^.;]{0,90}?\b(?:will|would|should)\s+"
    r"(?:hold|convene|meet|attend)\b[^.;]*$",
    re.I,
)
_AGREED_TO_HOLD = re.compile(
    r"\b(?:agreed|agree|agrees|decided|resolved|planned|plan|plans)\s+to\s+(?:hold|convene|host|organi[sz]e)\s+"
    r"(?:the|a|an)\s+(?:[\w-]+\s+){0,2}$",
    re.I,
)
_AN_OFFICE_AFTER = re.compile(r"\s+(?-i:Office|Secretariat|Building|Headquarters)\b")
# A year-labelled edition of a recurring occasion as the subject: "Malabar 2020 was launched".
_AN_EDITION_BEFORE = re.compile(
    r"(?-i:[A-Z])[\w-]*\s+(?:19|20)\d\d\s+(?:was|were|has\s+been|is|will\s+be)\s+$"
)
# An "exercise" of surveyors, clerks or officials, not of forces.
_CIVIL_EXERCISE = re.compile(
    r"\b(?:demarcation|mapping|verification|registration|census|enumeration|validation|consultation|"
    r"costing|screening|vetting|branding|headcount|audit|fact-finding|delimitation|survey)\s+exercises?\b",
    re.I,
)
_PLURAL_DRILLS = re.compile(r"\b(?:exercises|drills|manoeuvres|maneuvers)$", re.I)
_DRILLS_AS_A_SUBJECT = re.compile(
    r"\b(?:discuss(?:es|ed|ing)?|talk(?:s|ed)?\s+(?:about|on)|review(?:s|ed|ing)?|expand(?:s|ed|ing)?|"
    r"increas(?:e|es|ed|ing)|boost(?:s|ed|ing)?|strengthen(?:s|ed|ing)?|enhanc(?:e|es|ed|ing)|deepen(?:s|ed|ing)?|"
    r"facilitat(?:e|es|ed|ing)|enabl(?:e|es|ed|ing)|allow(?:s|ed|ing)?|permit(?:s|ted|ting)?|govern(?:s|ed|ing)?)\s+"
    r"(?:[\w,’'-]+\s+){0,6}$",
    re.I,
)
_CONSULTED_ON = re.compile(
    r"\b(?:consultations?|planning\s+(?:conference|meeting|talks)|preparatory\s+(?:meeting|talks)|preparations?)\s+"
    r"(?:on|for|about|of)\s+(?:the\s+|a\s+|an\s+|their\s+)?(?:[\w-]+\s+){0,4}$",
    re.I,
)
_ANY_BEFORE = re.compile(r"\b(?:any|every)\s+(?:(?:such|future|other|new|bilateral|formal)\s+)?$", re.I)
_ANY_KIND_BEFORE = re.compile(r"\b(?:any|every)\s+(?:[\w-]+\s+){1,2}$", re.I)
# An anaphor dated by its own year: "the 2021 drills", "its 2019 edition".
_OWN_YEAR = re.compile(r"(?:its|their|the)\s+((?:19|20)\d\d)\s", re.I)
# A call that sets the scene of what the ministers did: "During the telephonic conversation, the two …".
_DURING_A_CALL = re.compile(
    r"\b(?:during|in)\s+(?:the|a|their)\s+(?:[\w-]+\s+)?(?:tele(?:phone|phonic)|phone|video)\s+"
    r"(?:call|conversation|talks?)\s*,\s*(?:the\s+)?(?:[\w-]+\s+){0,2}$",
    re.I,
)
# A drill as the subject right before its verb: "the exercise was hosted by".
_A_DRILL_BEFORE = re.compile(
    r"\b(?:the|this|that|its|their)\s+(?:[\w-]+\s+){0,2}(?:exercises?|drills?|manoeuvres|maneuvers|war\s?games)\s+$",
    re.I,
)
# The medium of a call right before a meeting noun: "the teleconference summit", "a video summit".
# A call said right after the trigger: "spoke by phone", "… met via video link", "talked over the telephone".
_BY_CALL_AFTER = re.compile(
    r"(?:[^.;,]){0,40}?\b(?:(?:by|via|over|on\s+the|through)\s+(?:a\s+|the\s+)?(?:tele)?phone\b"
    # "the two foreign ministers also agreed during the call to …"
    r"|(?:during|in|on)\s+(?:the|a|their)\s+(?:(?:tele)?phone\s+)?call\b)",
    re.I,
)
# (a video conference is a meeting of its own to some: only a telephone call is talks whoever speaks)
_PHONE = re.compile(r"\b(?:tele)?phon(?:e|ed|ic)\b", re.I)
_CALL_WITH_BEFORE = re.compile(
    r"\b(?:tele)?phon(?:e|ic)\s+(?:conversation|call|talks?)\s+with\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", re.I
)
_CALL_BEFORE = re.compile(r"\b(?:teleconference|video(?:[\s-]?conference)?|(?:tele)?phone)\s+$", re.I)
_LAST_YEARS = re.compile(r"last\s+year['’]s\b", re.I)
# "The last one was held in June 2015", "the previous session": a session before the one in the news.
_PREVIOUS_SESSION = re.compile(
    r"(?:the|its|their)\s+(?:last|previous|latest|most\s+recent)\b|(?:[\w-]+\s+){1,2}(?:was|were)\s+(?:first|initially)\b",
    re.I,
)


def is_a_past_session(trigger_text: str, status: str, date: str | None, published: str | None) -> bool:
    """True when an anaphor names the session before the news ("The last one was held in June 2015").

    Why: such a session is dated in a year before the story's; the undated sentences after it
    ("Later, the President held a bilateral meeting with …") tell of the session in the news, not of it.
    """
    return bool(
        status == EventStatus.OCCURRED
        and date
        and published
        and date[:4] < published[:4]
        and _PREVIOUS_SESSION.match(trigger_text)
    )


_MINISTERIAL_NAME = re.compile(
    r"\bMinisterial\s+(?:Forum|Council|Conference|Meeting)\b|\b[Mm]inisterial[- ](?:[Ss]ummit|[Ll]evel\s+[Ss]ummit)\b"
)
_AT_FOREIGN_MINISTERS_LEVEL = re.compile(
    r"\bforeign\s+ministers\s+(?:hold|held|holds|open|opened|convene|convened)\s+(?:an?\s+|the\s+|their\s+)?"
    r"(?:[\w+'’-]+\s+){0,3}summit\b|\bsummit\s+(?:at\s+the\s+level\s+of|of|(?:pitting|bringing|gathering)\s+together)\s+"
    r"(?:the\s+)?foreign\s+ministers\b",
    re.I,
)


def _two_plus_two_of_a_delegation(kind: str, trig: Trigger, people: Sequence[Person], codes: set[str]) -> str:
    """Return a 2+2 when one side of a pair sent its foreign and its defence minister to the talks.

    "When Wang Yi and Dong Jun travelled to Phnom Penh for two days of talks": the two ministers of
    one state, in the other's capital, are that format's delegation even when the other side's
    ministers go unnamed (`kind_from_people` needs them named, or "counterparts"). A leader among
    those named makes it a visit of that leader's, with ministers in tow: talks.
    """
    if trig.strong or kind != EventKind.BILATERAL_TALKS or len(codes) != 2:
        return kind
    if any(p.role in LEADER_ROLES for p in people):
        return kind
    for code in codes:
        if _two_ministers(people, code):
            return EventKind.TWO_PLUS_TWO
    return kind


def _two_ministers(people: Sequence[Person], country: str) -> bool:
    """True when a state's foreign and defence ministers are both among `people`, as two persons.

    ("Fiji's Minister of Foreign Affairs, Defence and National Security" holds both offices: one
    minister, no 2+2.)
    """
    foreign = {p.name for p in people if p.country == country and p.role == "foreign minister"}
    defence = {p.name for p in people if p.country == country and p.role == "defence minister"}
    return bool(foreign) and bool(defence) and len(foreign | defence) >= 2


_KICKER = re.compile(r"[^.:;,]{3,50}:\s+(?=[A-Z])")
_SECTION_TAG = re.compile(r"\s*\[[^\]]{2,30}\]\s*")


# A format's name used for its papers, offices or experts: "the Concept Paper on ADMM-Plus
# Principles", "the SCO Summit Secretariat", "ADMM-Plus Experts' Working Groups" — no meeting.
_NAME_AS_MODIFIER = re.compile(
    r"\s+(?:Principles|Concept\s+Papers?|Charter|Secretariat|Secretary[- ]General|Experts?['’]?\s|Working\s+Groups?|"
    r"Chair(?:manship)?\b|Protocol|Guidelines|Rules\s+of\s+Procedure)"
)
_MODIFIED_KINDS = MEETING_KINDS | {""}  # ("": a standing format named in the reference data)


_DEFINED_ABBREVIATION = re.compile(r"\s*\(([A-Z][A-Za-z]{1,7})\)")


def abbreviation_triggers(
    text: str, strong: Sequence[Trigger], abbreviations: dict[str, tuple[str, str]]
) -> list[Trigger]:
    """Return triggers for the abbreviations a sentence uses, learning those it defines.

    Why: "the Joint Consultative Commission (JCC)" is named in full once; the article then
    says "the last JCC meeting was held virtually in September 2020". The abbreviation stands
    for the format only in the article that defines it, so it is learnt there and nowhere else.
    """
    for t in strong:
        if (t.kind in MEETING_KINDS or t.kind == EventKind.BILATERAL_TALKS) and (
            m := _DEFINED_ABBREVIATION.match(text, t.end)
        ):
            abbreviations.setdefault(m.group(1), (t.kind, text[t.start : t.end]))
    out = []
    for abbreviation, (kind, _) in abbreviations.items():
        for m in re.finditer(rf"(?<![\w(]){re.escape(abbreviation)}(?![\w)])", text):
            out.append(Trigger(kind, m.start(), m.end(), True))
    return out


_FOUNDING_PARTICIPLE = r"(?:established|founded|created|formed|set\s+up|launched|inaugurated)\b"
# An organisation's own founding: "The GCC was established in Riyadh in May 1981", "The SCO,
# founded in 2001 by …", "the creation of the Alliance of Sahel States" — passive or
# appositive; in "NATO established framework nations" NATO founds something else.
_FOUNDED_AFTER = re.compile(
    r"\s*(?:\([^)]{0,40}\)\s*)?(?:,\s*(?:(?:which|that)\s+)?(?:(?:was|were|has\s+been|had\s+been)\s+)?|"
    r"\s(?:was|were|has\s+been|had\s+been)\s+)"
    r"(?:initially\s+|formally\s+|officially\s+|first\s+|jointly\s+)?" + _FOUNDING_PARTICIPLE
)
# A founding told in the past passive, or as a participle after the body's name ("The SCO, formed in 2001").
_WAS_FOUNDED = re.compile(
    r"\b(?:was|were|had\s+been|has\s+been)\s+(?:\w+\s+)?"
    + _FOUNDING_PARTICIPLE
    + r"|,\s*(?:established|founded|created|formed|set\s+up)\b",
    re.I,
)
# A format's name that is a body, not a meeting: "Binational Commission", "Joint Council", "Secretariat".
_A_BODY = re.compile(r"\b(?:Commission|Council|Committee|Secretariat|Group|Organi[sz]ation)\b")
_FOUNDED_BEFORE = re.compile(
    r"\b(?:founding|foundation|establishment|creation|formation|launch|inauguration)\s+of\s+(?:the\s+)?$"
    # "Established in 2010, the …" (a fronted participle); "five states established the Shanghai Five"
    r"|^\W*(?:(?:initially|first|formally)\s+)?(?:established|founded|created|formed|set\s+up)\s+(?:in|on)\s+"
    r"[^,;]{4,40},\s+(?:the\s+)?$"
    # (not "the newly-established ASEAN Community": its age as an adjective)
    r"|\b(?<!newly-)(?<!newly\s)(?<!recently-)(?<!recently\s)(?:established|founded|created|formed)\s+(?:the\s+)?$",
    re.I,
)


# ("the last such meeting took place in Seoul": such a meeting as the article is about, not
# the side meetings it named last)
_FORMAT_ANAPHOR = re.compile(r"\b(?:dialogues?|formats?|structure|mechanisms?|arrangements?|such)\b", re.I)


def founding_triggers(sentence: Sentence, s_actors: Sequence[ActorMention]) -> list[Trigger]:
    """Return 'institution established' triggers for the founding of an organisation the sentence names.

    Why: explainers and background paragraphs date a grouping's birth ("The SCO was
    founded in 2001"); the corpus codes it as an institution established by its members.
    The trigger spans the organisation's name, which so stands for its members.
    """
    out = []
    text = sentence.text
    for a in s_actors:
        if (
            a.type == ActorType.MECHANISM
            and a.code
            and _A_BODY.search(text, a.start - sentence.start, a.end - sentence.start)
            and (after := _FOUNDED_AFTER.match(text, a.end - sentence.start))
        ):
            # "The U.S.-Mexico Binational Commission was established in 1981": a standing body of its
            # members, founded then
            out.append(Trigger(EventKind.INSTITUTION, a.start - sentence.start, after.end(), True, a.code))
            continue
        if a.type not in (ActorType.ORGANISATION, ActorType.GROUPING) or a.via == "region" or not a.members:
            continue
        if any(o.type == ActorType.MECHANISM and o.start <= a.start and a.end <= o.end for o in s_actors):
            continue  # "ASEAN" inside "the ASEAN Defence Ministers' Meeting-Plus": the format's name
        start, end = a.start - sentence.start, a.end - sentence.start
        after = _FOUNDED_AFTER.match(text, end)
        before = _FOUNDED_BEFORE.search(text, max(0, start - 40), start)
        if after:
            out.append(Trigger(EventKind.INSTITUTION, start, after.end(), True))
        elif before:
            out.append(Trigger(EventKind.INSTITUTION, before.start(), end, True))
    return out


# "at the 50th Pacific Islands Forum": a numbered session of a grouping that is itself a forum
_SESSION_ORDINAL = (
    r"(?:\d{1,3}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+"
)
_SESSION_ORDINAL_BEFORE = re.compile(
    rf"\b(?:the\s+{_SESSION_ORDINAL}|(?:this|last|next)\s+year['’]s\s+(?:{_SESSION_ORDINAL}|annual\s+)?)$",
    re.I,
)


def forum_session_triggers(sentence: Sentence, s_actors: Sequence[ActorMention]) -> list[Trigger]:
    """Return summit triggers for a session of a grouping named as a forum: "the 50th Pacific Islands Forum".

    Why: the Pacific Islands Forum's leaders meet as "the Forum"; its numbered sessions are told by
    the grouping's own name, with no summit word, and the name stands for its members.
    """
    out = []
    text = sentence.text
    for a in s_actors:
        if a.type not in (ActorType.ORGANISATION, ActorType.GROUPING) or not a.members:
            continue
        start, end = a.start - sentence.start, a.end - sentence.start
        if not text[start:end].endswith("Forum") or re.match(
            # ("this year's Pacific Islands Forum Foreign Ministers' Meeting": the ministers' session, its own trigger)
            r"\s+(?:[A-Z][\w'’-]*\s+)*(?:Secretariat|Secretary)|\s+(?:[A-Z][\w'’-]*\s+){0,2}?(?:Ministers|Ministerial|Officials)\b",
            text[end:],
        ):
            continue
        if before := _SESSION_ORDINAL_BEFORE.search(text, max(0, start - 40), start):
            out.append(Trigger(EventKind.SUMMIT, before.start(), end, True))
    return out


def drop_overlaps(triggers: list[Trigger]) -> list[Trigger]:
    """Keep one trigger per stretch of text: a known mechanism, then a format's kind, then the longest, then the first.

    A format's kind beats plain talks: "their first 2+2 strategic dialogue" is a 2+2.
    """
    triggers.sort(
        key=lambda t: (t.mechanism is None, t.kind == EventKind.BILATERAL_TALKS, -(t.end - t.start), t.start)
    )
    kept: list[Trigger] = []
    for t in triggers:
        if any(_same_stretch(t, k) for k in kept):
            continue
        kept.append(t)
    return sorted(kept, key=lambda t: t.start)


# A ministerial meeting that names no portfolio: "the SCO ministerial meeting".
_BARE_MINISTERIAL = re.compile(r"(?:\w+\s+)?ministerial\s+(?:meeting|conference)", re.I)


# Who a ministerial meeting that names no portfolio brings together, said right after it.
_DEFENCE_PARTICIPANTS = re.compile(
    r"[^.;]{0,30}?\b(?:with\s+the\s+participation\s+of|of|among|between|bringing\s+together|attended\s+by)\s+"
    r"(?:the\s+|their\s+)?(?:[\w-]+\s+){0,2}?defen[cs]e\s+(?:minister|chief|secretar)",
    re.I,
)


# A subject naming the meeting's participants, its verb, and the meeting: "The foreign and defence
# ministers of Japan and France held a regular "two plus two" meeting in Tokyo".
_HELD_THE_SAME = re.compile(
    r"(?:\s+of\s+[^,;]{2,60}?)?(?:,[^,;]{0,60},)?\s+(?:(?:also|have|has|had|will|would|are\s+to|is\s+to|are\s+set\s+to)\s+)?"
    r"(?:held|hold|holds|convened|convene|opened|concluded|wrapped\s+up)\s+(?:a|an|the|their|its)\s+"
    r"(?:[\w'’-]+\s+){0,3}[\"“'‘]?$",
    re.I,
)


def restates_its_subject(t: Trigger, triggers: Sequence[Trigger], text: str) -> bool:
    """True when a 2+2 trigger is the object of a verb whose subject is the same 2+2's participants.

    Why: the participants' trigger ("the foreign and defence ministers of Japan and France") has
    the parties; the object ("held a regular 'two plus two' meeting") is the same meeting, and
    read on its own it takes whatever other state the sentence names.
    """
    return t.kind == EventKind.TWO_PLUS_TWO and any(
        o.kind == EventKind.TWO_PLUS_TWO
        and o.end <= t.start
        and re.match(r"(?:foreign|defen[cs]e)\b", text[o.start : o.end], re.I)
        and _HELD_THE_SAME.fullmatch(text, o.end, t.start)
        for o in triggers
    )


def hosts_a_drill(t: Trigger, text: str) -> bool:
    "True when a meeting verb tells who hosted a drill: 'the exercise was hosted by the 13th Demi-Brigade'."
    return bool(
        t.kind == EventKind.BILATERAL_TALKS
        and re.match(r"(?:was|were|is|are|will\s+be)\s+(?:co-)?hosted\b", text[t.start : t.end], re.I)
        and _A_DRILL_BEFORE.search(text, max(0, t.start - 40), t.start)
    )


def in_apposition(t: Trigger, triggers: Sequence[Trigger], text: str) -> bool:
    """True when a trigger restates, after a dash, the meeting an earlier trigger of its kind reported.

    Why: "Morrison paid a visit to Vietnam in 2019 - the first prime ministerial bilateral visit to the
    country in decades": one visit; read on its own, the apposition takes another date of the sentence.
    """
    return any(
        o.kind == t.kind and o.end <= t.start and _APPOSITION_BETWEEN.fullmatch(text, o.end, t.start)
        for o in triggers
    )


# A trigger that names a meeting of ministers: "Meeting of Ministers of Foreign Affairs".
_A_MEETING_OF = re.compile(r"(?:meetings?|conferences?|council|sessions?)\s+of\b", re.I)
# A place right after a meeting verb: "who will be meeting in Germany".
_MEETING_PLACED_AFTER = re.compile(r"\s+in\s+(?-i:[A-Z])")
# A visit in a fronted clause of while: "while on a working visit to".
_WHILE_ON_A_VISIT = re.compile(
    r"\b(?:while|when)\s+(?:on|during|paying)\s+(?:a|an|his|her|their)\s+(?:[\w-]+\s+){0,2}visits?\s+to$",
    re.I,
)
# Other portfolios listed after a ministers' title: ", Defense, Interior and Development".
_MORE_PORTFOLIOS = re.compile(
    r",\s*(?:Defen[cs]e|Interior|Home\s+Affairs|Finance|Economy|Trade|Development|Justice|Energy)\s*(?:,|and\b)"
)
# What lies between a trigger and its restatement: a few words, a dash, and a determiner.
_APPOSITION_BETWEEN = re.compile(
    r"[^.;,–—-]{0,40}?\s[–—-]\s+(?:the|a|an|his|her|their|its)\s+(?:[\w-]+\s+){0,4}"
)


def names_the_format_of(t: Trigger, triggers: Sequence[Trigger], text: str) -> bool:
    """True when a talks trigger only names the format another trigger's meeting belongs to.

    "the 2nd Foreign Ministerial Meeting of the Central Asia-GCC Strategic Dialogue": one
    foreign ministers' meeting, of the format the Strategic Dialogue is.
    """
    if t.kind in (EventKind.FOREIGN_MINISTERS, EventKind.DEFENCE_MINISTERS):
        # "Japan-Germany 2-plus-2 foreign, defense ministers meeting": the 2+2's own description
        return any(
            (
                o.kind == EventKind.TWO_PLUS_TWO
                or (o.mechanism is not None and _TWO_PLUS_TWO_NAME.search(text, o.start, o.end))
            )
            and o.end <= t.start
            and _SAME_PHRASE.fullmatch(text[o.end : t.start])
            for o in triggers
        )
    return t.kind == EventKind.BILATERAL_TALKS and any(
        o.end <= t.start and o.kind != t.kind and _OF_THE_FORMAT.fullmatch(text[o.end : t.start])
        for o in triggers
    )


_TWO_PLUS_TWO_NAME = re.compile(r"2\s*\+\s*2|2-plus-2|two[- ]plus[- ]two", re.I)  # a known 2+2's name
_SAME_PHRASE = re.compile(
    r"[\s,]+(?:(?:ministerial\s+)?(?:dialogue|meeting|consultations?|talks)\s+)?"  # "2+2 Ministerial Dialogue of the …"
    r"(?:(?:of\s+)?(?:the\s+)?(?:foreign|defen[cs]e)(?:\s+(?:affairs\s+)?ministers?)?[\s,]+(?:and\s+)?){0,2}",
    re.I,
)
_OF_THE_FORMAT = re.compile(r"\s+of\s+(?:the\s+)?(?:[\w+-]+\s+){0,3}")


def _same_stretch(a: Trigger, b: Trigger) -> bool:
    """True when two triggers name one thing: they overlap, or are of one kind a few characters apart.

    "2+2 – dialogue" and '"2+2" Strategic Dialogue' are one trigger; "the summit concluded
    with the signing of a treaty" is two.
    """
    # ("2+2" Strategic Dialogue: a talks word right after a format's is that format's name)
    gap = 3 if a.kind == b.kind or EventKind.BILATERAL_TALKS in (a.kind, b.kind) else 0
    if _spans_a_meeting(a, b) or _spans_a_meeting(b, a):
        return False
    return a.start < b.end + gap and b.start < a.end + gap


def _spans_a_meeting(document: Trigger, meeting: Trigger) -> bool:
    """True when a long document trigger runs over a visit or meeting named in its middle.

    Why: "the Agreement — was formalized during Prime Minister Sharif's state visit to Riyadh and
    signed" is one trigger for the deal, from its name to its verb; the visit it was signed during
    is an event of its own.
    """
    return (
        document.kind in (EventKind.AGREEMENT, EventKind.INSTITUTION)
        and meeting.kind not in (EventKind.AGREEMENT, EventKind.INSTITUTION)
        and document.end - document.start > 40
        and document.start + 10 < meeting.start
        and meeting.end + 3 < document.end
    )


# ── 2.-4. one sentence ──────────────────────────────────────────────────────

MAX_TRIGGERS_PER_SENTENCE = 12


def sentence_mentions(
    article: Article,
    sentence: Sentence,
    s_actors: Sequence[ActorMention],
    s_dates: Sequence[DateMention],
    gaz: Gazetteer,
    ctx: Context,
) -> list[Mention]:
    "Return the event (and mechanism-level) mentions of one sentence."
    if asks_a_question(sentence.text):
        ctx.question = question_of_partners(sentence, s_actors)
        return []  # "Which countries have held a 2+2 with China?" asserts nothing
    triggers, fallback = sentence_triggers(
        sentence,
        s_actors,
        ctx.last_kind or ctx.last_named_kind,
        ctx.kinds_seen,
        ctx.abbreviations,
        # (the last occasion reported: an agreement signed at it is no session an anaphor counts)
        next((m.kind for m in reversed(ctx.previous) if m.kind not in _DOCUMENT_KINDS), None),
        ctx.bodies,
    )
    ctx.last_named_kind = next(
        (t.kind for t in reversed(triggers) if t.strong and t.kind in MEETING_KINDS), ctx.last_named_kind
    )
    verbs = [t for t in (*triggers, *fallback) if not t.strong]
    if verbs and _RESPECTIVE.search(sentence.text):
        portfolios = counterpart_meetings(verbs[0], s_actors)
        if portfolios:  # the ministers' meetings replace the meeting verb's one
            triggers, fallback = [t for t in triggers if t.strong] + portfolios, []
    if not triggers:
        return (
            since_sessions([], sentence, s_dates, s_actors, ctx)
            or earlier_sessions(sentence, s_dates, s_actors, ctx, article.published)
            or meetings_gone_before([], sentence, s_dates, s_actors, ctx, article.published)
            or places_met_before([], sentence, s_actors, ctx)
            or candidates_named(article, sentence, s_actors, ctx)
            or answers_named(sentence, s_actors, s_dates, ctx)
        )  # "…, which will be the first since April 2015"; "the previous two were held in …"
    # Each trigger costs a scan of its clause by every cue pattern (~1 ms); a hostile run-on
    # ("2+2 2+2 2+2 …") has one every 4 characters. Real sentences name a few events at most
    # (the sample corpus: 5). Issue 5, hostile input; see tests/test_hostile_input.py.
    triggers, fallback = triggers[:MAX_TRIGGERS_PER_SENTENCE], fallback[:MAX_TRIGGERS_PER_SENTENCE]
    triggers = [t for t in triggers if not _named_by_the_next(t, triggers, sentence.text)]
    out = without_formats_restating(
        without_talks_restating(
            trigger_mentions(article, sentence, triggers, s_actors, s_dates, gaz, ctx), sentence
        )
    )
    out += since_sessions(out, sentence, s_dates, s_actors, ctx)
    out += first_held_since(out, sentence, s_dates)
    if venues := venue_list_sessions(out, sentence, s_actors, ctx, article.published):
        # ("The G20 summits in London (2009) and Pittsburgh (2010)": the sessions, not one more undated)
        # (nor the first of them read into the base: "… held in Rwanda (2011), Burundi (2013)")
        listed = {v.date for v in venues}
        out = [
            m for m in out if m.kind != venues[0].kind or (m.date is not None and m.date not in listed)
        ] + venues
    out += elliptical_sessions(out, sentence, s_actors, s_dates)
    out = one_per_place_and_date(out, sentence, s_actors, s_dates, ctx.last_kind)
    out = one_per_place_held(out, sentence, s_actors, s_dates, article.published)
    out = one_per_place_counted(out, sentence, s_actors)
    out = one_per_visit_leg(out, sentence, s_actors, s_dates)
    out += setting_occasions(out, sentence, s_actors, gaz, article.published)
    if earlier := earlier_sessions(sentence, s_dates, s_actors, ctx, article.published):
        # (the sessions listed are the format's: not also meetings of the setting they were held at)
        listed = {m.date for m in earlier}
        out = [m for m in out if m.date not in listed] + earlier
    out += meetings_gone_before(out, sentence, s_dates, s_actors, ctx, article.published)
    if places := places_met_before(out, sentence, s_actors, ctx):
        # (the meeting verb of "have met twice, in Sochi and Istanbul" is those sessions, not one more)
        verb = sentence.start + sentence.text.rfind(" met", 0, places[0].trigger_start - sentence.start)
        out = [m for m in out if not verb - 20 <= m.trigger_start < places[-1].trigger_end] + places
    out += sessions_met_again(article, sentence, triggers, fallback, out, s_actors, s_dates, gaz, ctx)
    reported = [m for m in out if not m.generic and not m.reference]
    fallback = [relabel_relative(sentence.text, w, triggers) for w in fallback]
    if fallback and (
        not reported
        or all(
            m.kind in _DOCUMENT_KINDS or _is_setting(m, sentence) or m.landmark or _is_prepared(m, sentence)
            for m in reported
        )
    ):
        # Meeting verbs count when the strong triggers only named a format or a document:
        # "Marles will travel to Port Moresby for talks with PNG's defence minister, a year after
        # the two signed the Pukpuk treaty" reports talks and a treaty.
        met = trigger_mentions(article, sentence, fallback, s_actors, s_dates, gaz, ctx)
        # "…met the US Secretaries in New Delhi for the 2+2 Ministerial Dialogue": the meeting
        # they held is the one the sentence names, reported once
        out += [
            m
            for m in met
            if not (
                m.kind == EventKind.BILATERAL_TALKS
                and not any(p.role in LEADER_ROLES for p in m.people)  # leaders' own talks beside it stay
                and any(
                    r.reference
                    and r.date
                    and set(r.parties) == set(m.parties)
                    # (not an earlier occasion: "expected to meet on Monday, their first meeting since
                    # the summit in Astana last October")
                    and (m.date is None or m.date.startswith(r.date) or r.date.startswith(m.date))
                    for r in out
                )
            )
        ]
    elif alone := verbs_in_clauses_of_their_own(sentence.text, fallback, triggers):
        # "Lavrov will meet with Cavusoglu in Antalya, and will also take part in a trilateral meeting":
        # the verb's clause reports a meeting of its own beside the one the second act names
        out += trigger_mentions(article, sentence, alone, s_actors, s_dates, gaz, ctx)
    elif sessions := [w for w in fallback if w.strong]:
        # "…a 2+2 with Beijing, which first met in April, but it holds the same kind of dialogue
        # with Tokyo": the relative clause reports a session of the format, whatever else is said.
        out += trigger_mentions(article, sentence, sessions, s_actors, s_dates, gaz, ctx)
    return with_the_day_it_runs_until(with_represented_states(out, sentence, s_actors), sentence, s_dates)


# "…attended the summit in Antigua on Thursday, while Belize and Nicaragua sent representatives": states
# that took part through someone they sent
_SENT_SOMEONE = re.compile(
    r"\b(?:while|and|whereas)\s+(?P<who>[^.;]{3,80}?)\s+(?:sent|dispatched|were\s+represented\s+by|was\s+represented\s+by)\s+"
    r"(?:their|its|a|an|lower-level|junior|senior)?\s*(?:[\w-]+\s+){0,2}?(?:representatives?|delegations?|envoys?|"
    r"ministers?|ambassadors?|officials|delegates|vice[- ]presidents?|deputies)\b",
    re.I,
)
_REPRESENTED_KINDS = frozenset(
    {EventKind.SUMMIT, EventKind.FOREIGN_MINISTERS, EventKind.DEFENCE_MINISTERS, EventKind.TWO_PLUS_TWO}
)


def with_represented_states(
    out: list[Mention], sentence: Sentence, s_actors: Sequence[ActorMention]
) -> list[Mention]:
    """Return the sentence's mentions with the states that sent someone to its meeting among its parties.

    Why: the corpus counts a state represented by an envoy as a party; "while Bolivia and Chile sent
    their foreign ministers" names two more parties of the summit before it, not a meeting of their own.
    """
    sent = _SENT_SOMEONE.search(sentence.text)
    if sent is None:
        return out
    states = {
        a.code
        for a in s_actors
        if a.type == ActorType.STATE
        and a.code
        and sent.start("who") <= a.start - sentence.start < sent.end("who")
    }
    before = [
        m for m in out if m.trigger_end - sentence.start <= sent.start() and m.kind in _REPRESENTED_KINDS
    ]
    if not states or not before:
        return out
    # (the summit the leaders met for, not the ministers' meeting the envoys' titles suggest to a bare "met")
    host = max(before, key=lambda m: (m.kind == EventKind.SUMMIT and m.strong, m.trigger_end))
    host.parties = tuple(sorted(set(host.parties) | states))
    return [
        m
        for m in out
        if not (sent.start() <= m.trigger_start - sentence.start < sent.end())
        and not (m is not host and not m.strong and m in before and host.strong)
    ]


def _named_by_the_next(t: Trigger, triggers: Sequence[Trigger], text: str) -> bool:
    """True when a trigger's occasion is a known format named in full right after it, after "of the" or "among the".

    Why: "the 7th summit of the Consultative Meeting of the Heads of State of Central Asia" is one
    summit; read as two, the first took the states the sentence names (two ministers' countries). So is
    "the Third Foreign Ministers' Meeting Among the Neighbouring Countries of Afghanistan".
    """
    return t.strong and any(
        o is not t
        and o.mechanism is not None
        and o.start > t.end
        and _OF_THE.fullmatch(text, t.end, o.start) is not None
        for o in triggers
    )


_OF_THE = re.compile(r"\s+(?:of|among)\s+the\s+", re.I)


def _is_prepared(m: Mention, sentence: Sentence) -> bool:
    """True when a mention's trigger is what the sentence's meeting prepares ("discussed preparations for the summit").

    Why: the ministers who prepare a summit meet for it; their meeting verb is an event of its own.
    """
    at = m.trigger_start - sentence.start
    # (and "told reporters after meeting his counterparts that the three sides agreed to hold the summit")
    return bool(
        _PREPARED_OCCASION.search(sentence.text[max(0, at - 80) : at])
        or _AGREED_TO_HOLD.search(sentence.text[max(0, at - 60) : at])
    )


# ("preparations for the 7th summit of the Consultative Meeting of …": the name's words too)
_PREPARED_OCCASION = re.compile(
    # ("held talks in Nairobi to review plans for an inaugural session of the Joint Commission")
    r"\b(?:prepar\w*|preparations|plans|modalities|arrangements)\s+(?:for\s+)?(?:the|a|an)\s+(?:[\w'’-]+\s+){0,6}$",
    re.I,
)


def with_the_day_it_runs_until(
    mentions: list[Mention], sentence: Sentence, s_dates: Sequence[DateMention]
) -> list[Mention]:
    """Return the mentions with the day a meeting or drill runs until as its end.

    Why: "began their first joint exercise on Thursday off Bataan, a drill that will run until
    June 7" names the start and the end of one event; the end is not another event's day, and
    without it the event reads as one day long. Only for the one dated event of the sentence.
    """
    dated = [m for m in mentions if m.date and len(m.date) == 10 and not m.generic and not m.reference]
    if len(dated) != 1 or dated[0].date_end:
        return mentions
    event = dated[0]
    assert event.date is not None
    for d in s_dates:
        offset = d.start - sentence.start
        if (
            d.date
            and len(d.date) == 10
            and d.start > event.trigger_start
            and d.date > event.date
            and _RUNS_UNTIL.search(sentence.text, max(0, offset - 40), offset)
        ):
            event.date_end = d.date
            break
    return mentions


# "a drill that will run until June 7", "which continues through March 12", "lasting till the 9th"
_RUNS_UNTIL = re.compile(
    r"\b(?:run|runs|running|last|lasts|lasting|continue|continues|continuing|go\s+on|goes\s+on)\s+"
    r"(?:\w+\s+)?(?:until|till|through|to)\s+(?:the\s+)?$",
    re.I,
)


_DOCUMENT_KINDS = frozenset({EventKind.AGREEMENT, EventKind.INSTITUTION})
# A state's own diplomatic mission or fund: what an "institution" trigger may name that no states share.
_ONE_STATES_OWN = re.compile(
    r"\b(?:embass(?:y|ies)|consulates?|consular\s+office|chancery|chanceries|High\s+Commission\s+(?:chancery|building|office)|"
    r"sovereign\s+wealth\s+fund|(?:trade|liaison|representative)\s+office)\b",
    re.I,
)


def _is_setting(m: Mention, sentence: Sentence) -> bool:
    """True when the mention's trigger only names where another meeting was held.

    "X, with her Chinese counterpart, held a bilateral meeting in Bishkek, on the sidelines of
    the SCO Defence Ministers' Meet": the SCO meeting is the setting (`setting_occasions` reports
    it); the meeting verb before it is the sentence's news.
    """
    start = m.trigger_start - sentence.start
    phrase = max(_SETTING_PHRASE.finditer(sentence.text, 0, start), key=lambda p: p.end(), default=None)
    return (
        phrase is not None and start - phrase.end() <= 60 and ";" not in sentence.text[phrase.end() : start]
    )


_MET_IN = re.compile(
    r"\b(?:met|meet|meets|meeting|held|holds|hold|took\s+place|takes\s+place|convened|gathered|talks|summit)"
    r"\s+(?:(?:here|there|again|today|yesterday)\s+)?"
    # ("met on September 27 in New York", "met last week in Geneva": the day between)
    r"(?:(?:on\s+(?:\w+\s+){1,2}(?:\d{4}\s+)?|(?:last|this)\s+\w+\s+|on\s+\w+,\s+\w+\s+\d{1,2},?\s+))?"
    r"in\s+(?:the\s+)?$"
)
_BEGUN_IN_A_RELATIVE = re.compile(
    r"(?:(?!\b(?:talks|meetings?|summits?|dialogues?|negotiations|process|war|conflict|crisis|operations?|"
    r"campaign|visit|tour|trip)\b)[^.;]){0,120}?\b(?:that|which)\s+(?:(?:has|had)\s+)?(?:began|begun|started|kicked\s+off|opened|commenced|"
    r"got\s+under\s?way)\b"
)
_BODY_BEFORE = re.compile(
    r"\b(?:committee|commission|council|consultations|dialogue|forum|board|mechanism|working\s+group)\b", re.I
)
_IN_RIGHT_AFTER = re.compile(r"\s+(?:in|at)\s+(?:the\s+)?")
_SIDELINES_IN = re.compile(r"\b(?:sidelines|margins?)\s+of\s+(?:the\s+|a\s+|an\s+)?[^,;.()]{0,80}?\s+in\s+$")
_AT_A_GATHERING = re.compile(
    r"\b(?:at|during|(?:sidelines|margins?)\s+of)\s+(?:the\s+)?(?:\d{2,4}(?:st|nd|rd|th)?\s+)?$", re.I
)
_MET_IN_STATE = re.compile(
    r"\b(?:met|meet|meets|meeting|held|took\s+place|takes\s+place|convened|gathered|hosted)\s+(?:(?:here|there|again|"
    r"today|yesterday)\s+)?"
    # ("convened on May 31, 2025, in Singapore": the day between)
    r"(?:on\s+(?:\w+,?\s+){1,3}(?:\d{4},?\s+)?|(?:last|this)\s+\w+,?\s+)?in\s+$"
)
# "met Chinese President Xi Jinping in Lima", "held talks with his Russian counterpart in New York":
# the place after whom they met is where, a third country's city too.
_MET_SOMEONE_IN = re.compile(
    r"\b(?:met|meet|meets|hosted|host|hosts|received|receive|receives|(?:held|hold|holds|had)\s+talks\s+with)"
    r"\s+(?:with\s+)?(?:(?!(?:who|whom|which|that|after|before|when|while|as|to|for|on|at|during)\b)[^\s,;.]+\s+)"
    r"{1,8}?in\s+(?:the\s+)?$"
)
# "in the Russian city of Kazan", "in the Tajik capital Dushanbe": the text calls it the venue.
_IN_THE_CITY_OF = re.compile(
    r"\bin\s+the\s+(?:[\w-]+\s+){0,3}(?:city|capital|town|port|resort)\s+(?:of\s+)?$", re.I
)
_SEPARATE = re.compile(r"\b(?:separate(?:ly)?|also|bilateral(?:ly)?|sidelines|margins)\b", re.I)


def without_talks_restating(mentions: list[Mention], sentence: Sentence) -> list[Mention]:
    """Return the mentions less bilateral talks that restate a meeting of a named kind in the sentence.

    Why: "Top diplomats from Armenia and Azerbaijan met … for a fresh round of peace talks"
    reports one meeting; the round of talks is what the ministers held (one meeting, one
    kind). Talks held "separately" or "on the sidelines" are another meeting and stay.
    """
    if _SEPARATE.search(sentence.text):
        return mentions
    specific = [m for m in mentions if m.kind in MEETING_KINDS and m.kind != EventKind.BILATERAL_TALKS]
    return [
        m
        for m in mentions
        if not (
            m.kind == EventKind.BILATERAL_TALKS
            and any(
                set(o.parties) == set(m.parties) and status_group(o.status) == status_group(m.status)
                for o in specific
            )
        )
    ]


def without_formats_restating(mentions: list[Mention]) -> list[Mention]:
    """Return the mentions less the format-level ones that restate a sentence's 2+2 in other words.

    Why: "The 2+2 Ministerial Dialogue is a diplomatic summit between the ministers of …" and
    "This 2 + 2 format is a direct result of this leadership summit" describe one format, the
    2+2; the summit word does not found a second format for the same pair. Reports of a
    meeting (not generic) are left alone: the leaders' summit may well be an event of its own.
    """
    two_plus_two = {frozenset(m.parties) for m in mentions if m.kind == EventKind.TWO_PLUS_TWO}
    return [
        m
        for m in mentions
        if not (m.generic and m.kind != EventKind.TWO_PLUS_TWO and frozenset(m.parties) in two_plus_two)
    ]


# "Cho and Shin will also meet bilaterally with their respective counterparts": each minister
# meets the other side's minister of the same portfolio, two meetings of their own kinds.
_RESPECTIVE = re.compile(
    r"\b(?:their|its)\s+respective\s+(?:[A-Z][\w.-]*\s+)?counterparts\b"
    r"|\b(?:separate|individual)\s+(?:bilateral\s+)?(?:meetings|talks|discussions)\s+with\s+their\s+(?:[A-Z][\w.-]*\s+)?counterparts\b",
    re.I,
)
_PORTFOLIO_KINDS = {
    "foreign minister": EventKind.FOREIGN_MINISTERS,
    "defence minister": EventKind.DEFENCE_MINISTERS,
}


def counterpart_meetings(verb: Trigger, s_actors: Sequence[ActorMention]) -> list[Trigger]:
    "Return one ministers' meeting per portfolio of the ministers a 'respective counterparts' sentence names."
    roles = {a.role for a in s_actors if a.type == ActorType.PERSON and a.role in _PORTFOLIO_KINDS}
    if len(roles) < 2:
        return []  # one minister meeting a counterpart is what the meeting verb already says
    return [Trigger(_PORTFOLIO_KINDS[role], verb.start, verb.end, True) for role in sorted(roles)]


def relabel_relative(text: str, weak: Trigger, strong: Sequence[Trigger]) -> Trigger:
    """Return a meeting verb in a relative clause about a format as a session of that format.

    "Jakarta already has a 2+2 with Beijing, which first met in April last year": the
    meeting of April is the 2+2's first session, not bilateral talks.
    """
    for t in strong:
        if t.kind in MEETING_KINDS and t.end <= weak.start and weak.start - t.end <= 80:
            between = text[t.end : weak.start]
            if re.search(
                r",\s*(?:which|whose\s+(?:first\s+)?(?:session|meeting|round))\s+(?:\w+\s+){0,2}$", between
            ):
                return Trigger(t.kind, weak.start, weak.end, True, t.mechanism)
    return weak


# A setting named right before a trigger: "on the sidelines of the Russia-Africa summit".
_ON_THE_SIDELINES_OF = re.compile(r"\b(?:sidelines|margins?)\s+of\s+(?:the\s+|an?\s+)?[^.;,]{0,60}$", re.I)


def trigger_mentions(
    article: Article,
    sentence: Sentence,
    triggers: Sequence[Trigger],
    s_actors: Sequence[ActorMention],
    s_dates: Sequence[DateMention],
    gaz: Gazetteer,
    ctx: Context,
) -> list[Mention]:
    "Return the mentions that `triggers` make in one sentence."
    clauses = clauses_of(sentence.text)
    dates_by_trigger = assign_dates(
        [t for t in triggers if not (t.mechanism and _MEMBERS_AFTER.match(sentence.text, t.end))],
        s_dates,
        sentence,
    )  # ("a drill among ADMM-Plus countries began on Wednesday": the day is the drill's)
    sentence_people = people_of(s_actors)
    # "The Zambian leader met with Malawi's president after the summit of SADC": the summit dates the
    # meeting; its members are none of the meeting's parties, nor its kind the meeting's
    landmark_starts = [landmark_start(sentence.text, t) for t in triggers if len(triggers) > 1]
    out: list[Mention] = []
    rules = load_rules()
    for trig in triggers:
        people = sentence_people  # (and the person a pronoun stands for, below)
        kind = trig.kind
        trigger_text = sentence.text[trig.start : trig.end]
        known = gaz.mechanisms.get(trig.mechanism) if trig.mechanism else None
        if known is not None and kind != EventKind.INSTITUTION:  # (a body's founding stays a founding)
            kind = known.kind
            if _DEFENCE_CONFIGURATION.match(sentence.text, trig.end):
                kind = (
                    EventKind.DEFENCE_MINISTERS
                )  # "the Foreign Affairs Council in its defence configuration"
        c_start, c_end = with_relative_clause(clauses, clause_of(clauses, trig.start), sentence.text, trig)
        c_end = with_listed_partners(sentence, c_end, s_actors)
        if trig.strong or _FINITE_MEETING_VERB.match(sentence.text, trig.start):
            # (not a pair's joint act: "A and his counterpart agreed … following the trilateral meeting
            # with B" tells of that meeting)
            c_end = min([c_end, *(at for at in landmark_starts if trig.end < at < c_end)])
        said = _WHAT_THEY_AFFIRMED.search(sentence.text, trig.end, c_end)
        if said and re.search(r"\band\b|\(", sentence.text[trig.end : said.start()]):
            said = None  # ("attached importance to the 2+2, and stated that he hoped …": the speaker's)
        if said:
            # "The 2+2 meeting, held on 10 October, affirmed that both countries are committed to … efforts
            # with the US to compete with China's BRI": what the meeting said names no party of it
            c_end = said.start()
        if not said and _SPEECH_BEFORE.search(sentence.text, c_start, trig.start):
            # "Marcos said in a bilateral meeting with President Vo Van Thuong that the two countries
            # must cooperate": what he said there is the speaker's, not the meeting's mood
            said = _THAT_AFTER.search(sentence.text, trig.end, c_end)
            if said:
                c_end = said.start()
        clause = sentence.text[c_start:c_end]
        if kind == EventKind.BILATERAL_TALKS and _A_SHIP_VISITS.search(
            sentence.text, max(c_start, trig.start - 60), trig.end
        ):
            continue  # "The Chinese Navy's Qi Jiguang ship visited Vietnam, Thailand …": a port call, no talks
        if kind == EventKind.AGREEMENT and _BETWEEN_A_FIRM.match(sentence.text, trig.end, trig.end + 120):
            continue  # "the signing of a memorandum … between a Taiwanese firm and the state government of Melekeok"
        if _BARE_RECEPTION.fullmatch(trigger_text) and not received_a_person(sentence, trig, s_actors):
            continue  # "the region received European Union funding": no guest named after the verb
        purpose = _PURPOSE_BEFORE.search(sentence.text, max(c_start, trig.start - 120), trig.start)
        if purpose and (trig.kind in MEETING_KINDS or trig.kind == EventKind.BILATERAL_TALKS):
            continue  # "deals aimed at strengthening ties through increased trade and binational cabinet meetings"
        if setting_end := setting_phrase_end(sentence.text, c_start, trig):
            # "At the ASEAN+3 Summit in Myanmar, President Park announced her hope to resume the
            # trilateral talks": the hope is not the summit's; its own phrase says what it is
            status, level, cued = status_of(
                sentence,
                sentence.text[c_start:setting_end],
                trig.start - c_start,
                trig.end - c_start,
                s_dates,
                article,
            )
        else:
            status, level, cued = status_of(
                sentence, clause, trig.start - c_start, trig.end - c_start, s_dates, article
            )
        if kind == EventKind.INSTITUTION and status is not None and _WAS_FOUNDED.search(trigger_text):
            # "The Pacific Alliance, was created in 2011 by …, seeks to build an area of integration": what
            # the body seeks is its aim; its founding is told in the past
            status, cued = EventStatus.OCCURRED, True
        if kind == EventKind.INSTITUTION and _ONE_STATES_OWN.search(sentence.text, trig.start, trig.end + 20):
            # "opened Samoa's new High Commission chancery", "a General Consular Office in Siem Reap",
            # "PNG's establishment of a Sovereign Wealth Fund": a state's own mission or fund, no body of
            # cooperation founded between states
            continue
        if _ANY_BEFORE.search(sentence.text, max(0, trig.start - 25), trig.start) or (
            not trig.strong and _ANY_KIND_BEFORE.search(sentence.text, max(0, trig.start - 30), trig.start)
        ):
            # "Usually before any summit meeting, ground work is done": no summit in particular (nor the
            # "meeting between Seoul and Pyongyang" its verb's fallback would read after "any summit")
            continue
        if status is None or _HISTORIC_YEAR.search(sentence.text, trig.start, trig.end + 40):
            # ("the room in which the Treaty of Westphalia was signed in 1648": history, not diplomacy
            # the tool follows; its dates are outside what it resolves)
            continue
        if (
            kind == EventKind.AGREEMENT
            and status == EventStatus.OCCURRED
            and re.match(r"(?:negotiating|exploring|seeking|working\s+towards?)\b", trigger_text, re.I)
        ):
            status = EventStatus.PREDICTED  # "are negotiating an agreement on water": a deal in the making
        if trig.kind == EventKind.INSTITUTION or (
            kind == EventKind.AGREEMENT and re.search(r"\b(?:established|concluded)\s+in\b", trigger_text)
        ):
            level = "event"  # (and "a defence pact established in 2010": a pact's making is its signing)
        if kind != EventKind.INSTITUTION and _AN_OFFICE_AFTER.match(sentence.text, trig.end):
            continue  # "the Nordic Council of Ministers Office in Lithuania": a body's office, no meeting
        if kind == EventKind.INSTITUTION and _AN_EDITION_BEFORE.search(
            sentence.text, max(0, trig.start - 40), trig.start
        ):
            continue  # "LAMITYE 2024 was launched at the Defence Academy": an edition begins; nothing is founded
        if kind == EventKind.EXERCISE and _CIVIL_EXERCISE.search(
            sentence.text, max(0, trig.start - 40), min(len(sentence.text), trig.end + 12)
        ):
            continue  # "the border demarcation exercise should be rounded up": no drill of forces
        if (
            kind == EventKind.EXERCISE
            and status == EventStatus.PLANNED
            and is_ending(sentence.text, trig.start, trig.end)
        ):
            status = EventStatus.OCCURRED  # "forces will today conclude the joint drills": under way
        if status == EventStatus.PLANNED and _STARTING_TODAY.search(sentence.text, trig.start):
            # "will pay a working visit to Singapore for the 10th Leaders' Retreat starting today": under
            # way on the day of the report
            status = EventStatus.OCCURRED
        if (
            kind == EventKind.EXERCISE
            and status == EventStatus.PLANNED
            and _BEGUN_IN_A_RELATIVE.match(sentence.text, trig.end)
        ):
            # "will travel to Crete for the final day of Medusa 9, a military training exercise … that
            # began in the Mediterranean on Sunday": a drill that began is under way, whoever visits it
            status = EventStatus.OCCURRED
        if kind == EventKind.EXERCISE and _CONSULTED_ON.search(
            sentence.text, max(0, trig.start - 80), trig.start
        ):
            # "SCO members hold consultation on joint anti-terror exercise": the drill the officials
            # prepare is still to come; their consultation is what took place
            status = EventStatus.PLANNED
        as_topic = False  # drills a meeting talks of ("agreed to enhance … bilateral exercises")
        for_members = trig.mechanism is not None and bool(_MEMBERS_AFTER.match(sentence.text, trig.end))
        if for_members:
            level = "mechanism"  # "a drill among ADMM-Plus countries": the format exists, no session of it
        if (
            kind == EventKind.EXERCISE
            and _PLURAL_DRILLS.search(trigger_text)
            and _DRILLS_AS_A_SUBJECT.search(sentence.text, max(0, trig.start - 80), trig.start)
        ):
            # "met to discuss regional challenges and joint military exercises", "expanding joint
            # exercises", "an accord that would facilitate joint drills": drills as what is talked of or
            # made possible, the pair's practice, not one drill held
            level = "mechanism"
            as_topic = True
        preceding = sentence.text[max(0, trig.start - 80) : trig.start]
        reference = (
            bool(rules.reference_before.search(preceding))
            and not (
                sentence.text[trig.start : trig.end].lower().endswith("level")
                # "The Minister of Foreign Affairs of Turkey had a meeting with …": a verb's clause, whose
                # subject ends in "of Turkey", not a meeting named in a phrase
                or bool(_FINITE_MEETING_VERB.match(trigger_text))
                # "held a series of talks with African officials, including the foreign ministers of
                # Sudan, Djibouti, Kenya and Malawi": whom he met, not a meeting named in a list
                or bool(
                    re.match(r"(?:foreign|defen[cs]e)\s+(?:affairs\s+)?ministers\s+of\b", trigger_text, re.I)
                    and re.search(r"\bincluding\s+(?:the\s+)?$", preceding)
                )
                # "following the inaugural 2+2 meeting held in Japan in April 2022", "commitments made
                # at the 12th ASEAN Summit", "decisions taken at the NATO Summit held in Vilnius":
                # another occasion, singled out by its number or its venue
                or bool(_ANOTHER_OCCASION.search(preceding[-40:]))
                # "achieved at the recent two plus two dialogue": a session just held, singled out
                or bool(_RECENT_BEFORE.search(preceding[-40:]))
                # "approved the proposal for signing a Memorandum": an act approved, no meeting pointed at
                or bool(
                    re.match(r"(?:sign|hold|conven|host|conclud|ink)ing\b", trigger_text, re.I)
                    and re.search(r"\bfor\s+$", preceding)
                )
                # "sent out invitations to Rwanda and Uganda for the summit in Luanda": the meeting invited to
                or bool(_INVITATIONS_FOR.search(preceding))
                or bool(_HELD_PAST_AFTER.match(sentence.text, trig.end))
                # "already expressed at the NATO Defence Ministerial Meeting in Brussels in April": another
                # occasion, singled out by its venue and its month
                or bool(
                    _IN_PLACE_AND_TIME_AFTER.match(sentence.text, trig.end)
                    and not re.search(r"\bsince\s+(?:the|their|its)\s+(?:[\w'’-]+\s+){0,2}$", preceding, re.I)
                )
                # "issued after the trilateral summit between Turkey, Azerbaijan and Pakistan": a meeting
                # singled out by who took part in it, not a pointer back to the article's own
                or bool(_PARTICIPANTS_AFTER.match(sentence.text, trig.start))
                # "since the inaugural summit in Miami in 1994": an earlier occasion with its own year
                or bool(
                    re.search(r"\bsince\s+(?:the|their|its)\s+(?:[\w'’-]+\s+){0,2}$", preceding, re.I)
                    and _ANOTHER_OCCASION.search(preceding[-40:])
                    and _PLACE_OR_YEAR_AFTER.match(sentence.text, trig.end)
                )
                # "have signed a joint declaration at their summit in Bishkek": their own meeting, singled out
                # by its venue, is reported with what was done at it
                or bool(
                    re.search(r"\b(?:at|during)\s+(?:their|its)\s+(?:[\w'’-]+\s+){0,2}$", preceding, re.I)
                    and _PLACE_OR_YEAR_AFTER.match(sentence.text, trig.end)
                )
                # "one of the results of the visit was signing of an agreement on strategic partnership":
                # the signing is reported, not a document pointed at
                or bool(
                    kind == EventKind.AGREEMENT
                    and re.match(r"(?:the\s+)?(?:signing|inking)\s+of\b", trigger_text, re.I)
                    and re.search(r"\b(?:was|were|is|are|included|including)\s+(?:the\s+)?$", preceding, re.I)
                )
                or re.search(
                    r"\b(?:round|session|meeting|edition|sitting|iteration|conclusion|close|closing|opening|end)\s+of\s+"
                    r"(?:the|their|its)\s+(?:[\w'’-]+\s+){0,4}$",
                    preceding,
                    re.I,  # "The 38th Ordinary Session of the Assembly of Heads of State"
                )
            )
        )
        if reference:
            cued = False
        ministers_summit = False  # a "summit" the text shows to be of foreign ministers
        if (
            trig.strong
            and kind == EventKind.FOREIGN_MINISTERS
            and known is None
            and _DEFENCE_COMMISSION_AFTER.match(sentence.text, trig.end)
            and "foreign minister" not in {p.role for p in people}
        ):
            # "the 20th Ministerial Meeting of the Angola-Namibia Security and Defence Joint Commission": the
            # ministers of a defence commission are its defence ministers
            kind = EventKind.DEFENCE_MINISTERS
        if not trig.strong:
            kind = kind_from_people(sentence.text, people_around(trig, sentence, s_actors) or people)
        elif _BINATIONAL.search(trigger_text):
            pass  # a joint cabinet or bi-national commission: presidents and whole cabinets, whoever is named
        elif (
            kind == EventKind.BILATERAL_TALKS
            and known is None
            and _JOINT_COMMISSION.search(trigger_text)
            and people
            and {p.role for p in people} == {"foreign minister"}
        ):
            # "Speaking at the close of the 4th session of the Joint Commission for Cooperation, Omamo
            # said …": a joint commission its foreign minister speaks for is held by the foreign ministers
            kind = EventKind.FOREIGN_MINISTERS
        elif kind == EventKind.BILATERAL_TALKS and known is None and (portfolio := one_portfolio(people)):
            # "Jaishankar and his Emirati counterpart will co-chair the 14th meeting of the joint
            # commission": a commission the foreign ministers hold is their meeting
            kind = portfolio
        elif (
            kind == EventKind.BILATERAL_TALKS
            and known is None
            and (portfolio := portfolio_named(sentence.text))
        ):
            # "India's External Affairs Minister will co-chair the seventh meeting of the Joint
            # Commission": the ministers named by office hold it, even when no name is given
            kind = portfolio
        elif (
            kind == EventKind.BILATERAL_TALKS
            and known is None
            and _MINISTERS_COMMISSION.search(trigger_text)
            and not {p.role for p in people} - {"defence minister"}
            and _ON_DEFENCE.match(sentence.text, trig.end)
        ):
            # "the 16th Session of the Mozambique-Malawi Permanent Joint Commission on Defence and Security":
            # a pair's permanent commission on defence is co-chaired by the defence ministers unless who met
            # says otherwise. (One on cooperation is not the foreign ministers' unless the text says they
            # chair it: its sessions are often of officials, as annotators read "the Joint Permanent
            # Commission of Cooperation")
            kind = EventKind.DEFENCE_MINISTERS
        elif (
            kind == EventKind.SUMMIT
            and known is None
            and _MINISTERIAL_NAME.search(sentence.text[max(0, trig.start - 20) : trig.end])
        ):
            # "The 19th Australia-Papua New Guinea Ministerial Forum was held in Brisbane": ministers
            # meet at a ministerial forum, led by the foreign ministers unless who met says otherwise
            kind = kind_from_people(sentence.text, people)
            kind = (
                EventKind.FOREIGN_MINISTERS if kind in (EventKind.SUMMIT, EventKind.BILATERAL_TALKS) else kind
            )
        elif kind == EventKind.SUMMIT and _AT_FOREIGN_MINISTERS_LEVEL.search(
            sentence.text, max(0, trig.start - 60), trig.end + 60
        ):
            # "US, Central Asian foreign ministers hold C5+1 summit", "the Summit at the level of foreign
            # ministers": a meeting of foreign ministers, whatever the reporter calls it
            kind = EventKind.FOREIGN_MINISTERS
            ministers_summit = True
        elif (
            kind == EventKind.SUMMIT
            and known is None
            and ministers_only(people)
            # (not a summit the ministers prepare: "discussed preparations for the 6th summit of the heads
            # of state")
            and not _PREPARING.search(sentence.text[max(0, trig.start - 60) : trig.start])
            # (nor one they speak of: "Minister Aso and Secretary Rice also noted that the Japan-U.S.
            # summit meeting held at Camp David …" was the leaders')
            and not _WHAT_THEY_AFFIRMED.search(sentence.text, max(0, trig.start - 80), trig.start)
            # (nor one they agree to hold: "the three sides firmly agreed to hold the summit" is the leaders')
            and not _AGREED_TO_HOLD.search(sentence.text, max(0, trig.start - 60), trig.start)
            # (nor one they agree the leaders will hold: "agreed that leaders from Japan and five Central
            # Asian countries will hold a summit meeting")
            and not _LEADERS_WILL_HOLD.search(sentence.text, max(0, trig.start - 120), trig.start)
            # (nor one on whose sidelines they met: "Lavrov and the Ethiopian foreign minister signed an
            # agreement on the sidelines of the Russia-Africa summit" was the leaders')
            and not _ON_THE_SIDELINES_OF.search(sentence.text, max(0, trig.start - 80), trig.start)
            # (nor one its own clause gives to the leaders: "… confirmed that cooperation has advanced since
            # their leaders held a summit at Camp David")
            and not _LEADERS_HELD_IT.search(sentence.text, max(0, trig.start - 50), trig.start)
        ):
            # "Foreign Ministers Lavrov and Kono as well as Defense Ministers Shoigu and Onodera
            # … started the summit": a meeting of ministers, whatever the reporter calls it
            kind = kind_from_people(sentence.text, people)
            kind = EventKind.SUMMIT if kind == EventKind.BILATERAL_TALKS else kind
        states = party_states(
            sentence, (antecedent_start(sentence.text, c_start), c_end), trig, s_actors, floor=c_start
        )
        if (trip_legs := coordinated_legs(sentence.text, trig, triggers, c_start, c_end)) is not None:
            # "He visited Moscow on July 8 and met President Putin and on August 23 visited Ukraine and
            # met President Zelenskyy": each leg's own states and the traveller's, not every state
            leg_subject, leg_own = trip_legs
            states = party_states(sentence, leg_own, trig, s_actors, floor=c_start)
            leg_traveller = party_states(sentence, leg_subject, trig, s_actors, floor=c_start).codes
            if (
                not leg_traveller
                and ctx.last_person_state
                and _PRONOUN_TRAVELLER.fullmatch(sentence.text, leg_subject[0], leg_subject[1])
            ):
                leg_traveller = {
                    ctx.last_person_state: leg_subject[0]
                }  # "He visited Moscow …": the last person named
            for code, pos in leg_traveller.items():
                states.codes.setdefault(code, pos)
        anaphoric = bool(rules.anaphoric.match(sentence.text, trig.start))
        if anaphoric and len(states.codes) < 2 and sentence.text[:c_start].rstrip().endswith(";"):
            # "Turkey, Russia and Iran hold regular meetings under the Astana format; the last one
            # took place in Tehran": the session of the meetings the first half names
            before = party_states(sentence, (0, c_start), trig, s_actors)
            if len(before.codes) >= 2:
                states = before
        opening_end = opening_phrase_end(sentence.text, c_start, trig)
        if opening_end is None and anaphoric and _DURING_OPENER.fullmatch(sentence.text, c_start, trig.start):
            # "During the Council of Ministers, Seychelles passed over the presidency to Comoros": the
            # session the article reported; the main clause's states did something at it
            opening_end = sentence.text.find(",", trig.end)
            opening_end = opening_end if opening_end >= 0 else None
        if opening_end is not None:
            # "Prior to the two plus two meeting, the first summit between Japan, Australia, India
            # and the US …": the main clause's states met at the summit, not at the 2+2
            # (and the subject it interrupts: "Faria, after a meeting with his Colombian counterpart,")
            head = antecedent_start(sentence.text, c_start)
            states = party_states(sentence, (head, opening_end), trig, s_actors, floor=head)
            anaphoric = True
        if (
            (len(states.codes) < 2 or _AND_SECOND_ACT.match(sentence.text, c_start - 1))
            and _SUBJECTS_SECOND_ACT.match(sentence.text, c_start)
            and (verb := _FIRST_VERB.search(sentence.text, 0, c_start))
        ):
            # "The UAE holds an annual strategic dialogue with India and is negotiating a defence pact with
            # France": the second act of the sentence's subject, whose partners are its own clause's, not
            # the first act's
            for code, pos in party_states(sentence, (0, verb.start()), trig, s_actors).codes.items():
                states.codes.setdefault(code, pos)
        if (
            len(states.codes) < 2
            and (c_start, c_end) != (0, len(sentence.text))
            and not anaphoric
            and trip_legs is None
            and not _NEXT_LEG.match(sentence.text, c_start)  # (the traveller alone: see below)
            and said is None  # (nor from what the meeting declared)
            # (nor from the main clause into a time clause's own act: "The leaders of Kenya and Somalia met
            # in Nairobi, a week after Ethiopia signed a port deal with Somaliland")
            and not _TIME_CLAUSE_OPENS.search(sentence.text, max(0, c_start - 30), c_start + 8)
        ):
            # (An anaphor's parties come from what it refers back to, not from another clause:
            # "Japan has held 2+2s with the US, but this is the first such meeting with …".)
            # Widen to the sentence, but not across a semicolon: "In Hanoi, he held talks with
            # To Lam; in Kuala Lumpur, he met Anwar Ibrahim" is two meetings, not one of VNM-MYS.
            whole = party_states(
                sentence, up_to_a_contrast(sentence.text, c_end, trig, bool(states.codes)), trig, s_actors
            )
            if known is None and len(whole.codes) > len(states.codes):
                states = whole
        sides = _SIDES_NAMED_AFTER.match(sentence.text, trig.end) if known is None else None
        if sides:
            # "The Riyadh Agreement, signed on November 5 between the Yemeni government and the
            # Southern Transitional Council, … helps the Saudi and Emirati campaigns": the sides the
            # trigger names are its parties (here one state and a movement), not the states named later
            stop = _SIDES_END.search(sentence.text, sides.end())
            states = party_states(
                sentence, (trig.start, stop.start() if stop else c_end), trig, s_actors, floor=trig.start
            )
        main = main_clause_start(sentence.text, c_start, trig.start)
        if main > c_start and trip_legs is None:
            # "A month after the Quad meeting of India, the US, Australia and Japan, New Delhi and
            # Canberra held their first 2+2": the opening phrase names another meeting's members.
            own = party_states(sentence, (main, c_end), trig, s_actors, floor=main)
            if len(own.codes) >= 2:
                states = own
        codes = set(states.codes)
        if len(codes) > 2 and (owned := pair_of_a_later_trigger(sentence, trig, triggers, s_actors)):
            # "met Pakistani President Zardari … and also witnessed a transit trade agreement between
            # Pakistan and Afghanistan": the later agreement's pair is its own, not the meeting's
            codes -= owned
            for code in owned:
                states.codes.pop(code, None)
        if len(codes) < 2 and known is None:
            # "a drill among ASEAN Defence Ministers' Meeting-Plus (ADMM-Plus) countries": the
            # format's name stands for its members
            for a in reversed(s_actors):  # (the last name before "countries": "ADMM-Plus", not "ADMM")
                start = a.start - sentence.start
                if (
                    a.type == ActorType.MECHANISM
                    and a.code in gaz.mechanisms
                    and c_start <= start < c_end
                    and _MEMBERS_AFTER.match(sentence.text, a.end - sentence.start)
                ):
                    codes |= set(gaz.mechanism_members(gaz.mechanisms[a.code], article.story_date))
                    break
        if known is not None and not (
            kind == EventKind.EXERCISE and len(codes) >= 2 and re.search(r"\bbetween\b|\bbilateral\b", clause)
        ):
            # A named format brings its members; the text may add others ("France joined Balikatan").
            # An exercise held "between" the states the sentence names has those: its line-up
            # changes from year to year ("Malabar began in 1992 between India and the US").
            members = set(gaz.mechanism_members(known, article.story_date))
            if len(members) == 2 and kind in BILATERAL_KINDS and kind != EventKind.EXERCISE:
                # "fresh from the 40th AUSMIN talks, Marles met his British counterpart": a
                # named bilateral format has its two members and no one else
                codes = members
            else:
                codes |= members
        pair = (
            (compound_pair(sentence, trig, s_actors) if kind in BILATERAL_KINDS else None)
            or between_pair(sentence, trig, s_actors)
            or between_pair_before(sentence, trig, s_actors)
        )
        if pair:
            # "China will be front and center at Indo-US 2+2 talks": the compound names the pair
            codes = set(pair)
            states.codes = {c: states.codes.get(c, trig.start) for c in pair}
            states.partners = set()  # (and no partner named elsewhere in the sentence is split off it)
            states.groupings = []  # (and no grouping named elsewhere lends its members on the day)
        if is_a_bodys_council_of_ministers(kind, known, codes, trigger_text):
            # "the 15th meeting of the Council of Ministers of the Indian Ocean Rim Association": a
            # regional body's council of ministers is its foreign ministers (a pair's is a joint cabinet)
            kind = EventKind.FOREIGN_MINISTERS
        if (
            kind == EventKind.FOREIGN_MINISTERS
            and _BARE_MINISTERIAL.fullmatch(trigger_text)
            and _DEFENCE_FORMATS.intersection(states.groupings)
        ):
            kind = EventKind.DEFENCE_MINISTERS  # "the NORDEFCO Ministerial Meeting": a defence format's
        if (
            kind == EventKind.FOREIGN_MINISTERS
            and _BARE_MINISTERIAL.fullmatch(trigger_text)
            and _DEFENCE_PARTICIPANTS.match(sentence.text, trig.end)
        ):
            # "a Quadrilateral Ministerial Meeting with the participation of the Defence Ministers"
            kind = EventKind.DEFENCE_MINISTERS
        if (
            kind == EventKind.FOREIGN_MINISTERS
            and _BARE_MINISTERIAL.fullmatch(trigger_text)
            and len(codes) >= 2
        ):
            # "She will be attending the SCO ministerial meeting later today", in a report of the SCO
            # defence ministers' meeting: the portfolio is the one the article gave these states
            kind = next(
                (
                    m.kind
                    for m in reversed(ctx.previous)
                    if m.kind in (EventKind.FOREIGN_MINISTERS, EventKind.DEFENCE_MINISTERS)
                    and set(m.parties) == codes
                ),
                kind,
            )
        if (
            kind in (EventKind.FOREIGN_MINISTERS, EventKind.DEFENCE_MINISTERS)
            and len(codes) >= 2
            and (
                _DURING_A_CALL.search(sentence.text, max(0, trig.start - 80), trig.start)
                # "The foreign ministers of Egypt and Turkey spoke by phone", "spoke with Amirabdollahian
                # via phone call", "held a telephone conversation": the trigger's own words say a call
                or _BY_CALL_AFTER.match(sentence.text, trig.end)
                or _PHONE.search(sentence.text, trig.start, trig.end)
                # "had a telephone conversation with the Foreign Ministers of the Baltic states and Finland"
                or _CALL_WITH_BEFORE.search(sentence.text, max(0, trig.start - 60), trig.start)
            )
        ):
            # "During the telephonic conversation, the two foreign ministers reaffirmed …": a call is talks,
            # whoever speaks
            kind = EventKind.BILATERAL_TALKS
        if (
            kind == EventKind.SUMMIT
            and len(codes) == 2
            and _CALL_BEFORE.search(sentence.text, max(0, trig.start - 30), trig.start)
        ):
            # "during the teleconference summit to be held between Biden and Kishida": a call, talks of two
            kind = EventKind.BILATERAL_TALKS
        callers = {p.country for p in people if p.country}
        if len(codes) > 2 and len(callers) == 2 and callers <= codes and _CALL.search(trigger_text):
            # "Trump and Putin spoke on the phone about … North Korea and Syria": a call is between
            # the two who spoke; the states it was about are its topics
            codes = set(callers)
            kind = EventKind.BILATERAL_TALKS if kind == EventKind.SUMMIT else kind
        if (
            kind in (EventKind.FOREIGN_MINISTERS, EventKind.DEFENCE_MINISTERS)
            and known is None
            and (offices := {p.role for p in people if p.role})
            and all(r.startswith("deputy ") for r in offices)
        ):
            # "the 6th defence policy dialogue … under the chair of Vietnamese Deputy Defence Minister
            # Nguyen Chi Vinh and Japanese Deputy Defence Minister Ro Manabe": talks of the deputies
            kind = EventKind.BILATERAL_TALKS
        referent = definite_referent(sentence, trig, kind, codes, s_actors, ctx) if known is None else None
        if referent is not None:
            # "… a meeting in Almaty of the foreign ministers of China and the five Central Asian
            # states. The foreign ministers' meeting supported Tajikistan's proposal": that meeting.
            codes = set(referent.parties)
        elif (commented := pair_referred_back(sentence, trig, kind, codes, ctx)) is not None:
            codes = set(commented.parties)
        if (
            ctx.speaker is not None
            and ctx.speaker.country
            and ctx.speaker.country not in codes
            and _FIRST_PERSON_SUBJECT.search(sentence.text[c_start : trig.start])
        ):
            # "Afterwards, I held a meeting with Minister for Foreign Affairs Enkhtaivan", in the transcript of
            # a minister's press conference: "I" is the speaker, and the speaker's state takes part
            codes.add(ctx.speaker.country)
            states.codes.setdefault(ctx.speaker.country, -1)
            people = [*people, ctx.speaker]
            kind = _portfolio_of_a_pair(kind, trig, people, codes)
        explicit = len(codes) >= 2 or sides is not None
        subject_state, subject_named = subject_of_the_clause(sentence.text[c_start : trig.start], ctx)
        if len(codes) >= 2 and subject_state and subject_state not in codes and codes <= states.partners:
            # "He held separate meetings with Motegi, Payne and Jaishankar": he meets each of them.
            codes.add(subject_state)
            states.codes.setdefault(subject_state, -1)
            if subject_named is not None:
                people = [*people, subject_named]  # ("he" is the person last named)
                kind = _portfolio_of_a_pair(kind, trig, people, codes)
        if (
            codes
            and ctx.last_subject_state
            and ctx.last_subject_state not in codes
            and codes <= states.partners
            and _STATE_PRONOUN_SUBJECT.search(sentence.text[c_start : trig.start])
        ):
            # "Japan is considered the originator of the format. At present they hold 2+2
            # dialogues with the US, France and India": "they" is Japan, the hub of each.
            codes.add(ctx.last_subject_state)
            states.codes.setdefault(ctx.last_subject_state, -1)
            states.possessive = ctx.last_subject_state
        if len(codes) == 1 and (named_side := bare_title_between(sentence.text, trig, ctx)) is not None:
            # "A meeting between the President and Prime Minister Tsipras will follow": the president
            # last named is the other side
            if named_side.country and named_side.country not in codes:
                codes.add(named_side.country)
                states.codes.setdefault(named_side.country, -1)
                people = [*people, named_side]
                explicit = True
        if len(codes) == 1 and subject_state:
            # "Xi toured the region. In Hanoi, he held talks with To Lam": "he" is the last person named.
            codes.add(subject_state)
            explicit = len(codes) >= 2
            if subject_named is not None:
                people = [*people, subject_named]
                kind = _portfolio_of_a_pair(kind, trig, people, codes)
        if len(codes) == 1 and (owner := possessive_owner(sentence, trig, s_actors, codes)):
            # "New Delhi resisted a ministerial format for years; its first 2+2 with the United
            # States met in September 2018": "its" is the state named before it, not the hub.
            codes.add(owner)
            explicit = True
        if len(codes) == 1 and _NEXT_LEG.match(sentence.text, c_start):
            # "Mattis signed an agreement with Chile's President before heading to Bogota for a
            # meeting with Colombia's": the traveller, who opens the sentence, meets Colombia's
            traveller = next(
                (
                    a.country if a.type == ActorType.PERSON else a.code
                    for a in s_actors
                    if a.type in (ActorType.PERSON, ActorType.STATE) and (a.country or a.code)
                ),
                None,
            )
            if traveller and traveller not in codes:
                codes.add(traveller)
                states.codes.setdefault(traveller, -1)
                explicit = True
        if (
            len(codes) == 1
            and (speaker := quote_speaker_state(sentence, s_actors, ctx))
            and speaker not in codes
        ):
            # '"Good to meet the new Egyptian FM on the sidelines of UNGA," he said': the speaker met him
            codes.add(speaker)
            explicit = True
            roles = {p.role for p in people if p.country in codes} | {ctx.last_person_role}
            if not trig.strong and roles in ({"foreign minister"}, {"defence minister"}):
                kind = (  # "… he wrote, 'Good to meet the new Egyptian FM'": two foreign ministers
                    EventKind.FOREIGN_MINISTERS
                    if roles == {"foreign minister"}
                    else EventKind.DEFENCE_MINISTERS
                )
        kind = _two_plus_two_of_a_delegation(
            kind, trig, people_around(trig, sentence, s_actors) or people, codes
        )
        pair_before = next(
            (
                m.parties
                for m in reversed(out)
                if len(m.parties) == 2 and m.trigger_end <= sentence.start + trig.start
            ),
            None,
        )
        if not codes and pair_before and _BOTH_BEFORE.search(sentence.text[c_start : trig.start]):
            # "The first India-US 2+2 had taken place in 2018 and both countries are getting ready
            # for the second edition": the pair the sentence has just named, not the article's
            codes, explicit = set(pair_before), True
        elif (
            (pair := pair_before or (ctx.focus if len(ctx.focus) == 2 else None))
            and known is None
            and kind not in _DOCUMENT_KINDS | {EventKind.EXERCISE}
            and (subject := _TWO_OF_THEM.search(sentence.text, c_start, trig.end))
            and re.fullmatch(r"[^,;]{0,30}", sentence.text[subject.end() : trig.start])
        ):
            if (
                not any(
                    a.type == ActorType.STATE and subject.end() <= a.start - sentence.start < trig.start
                    for a in s_actors
                )
                and not set(pair) <= codes
            ):
                # "The two leaders had met on the sidelines of the BRICS summit in Brazil and at the
                # G-20 in Australia": the pair the article is about, wherever they met
                codes, explicit = set(pair), True
                states.codes = {c: trig.start for c in pair}
                states.partners -= codes
                states.groupings = []
        if known is None and summit_of_its_own_name(sentence, trig, s_actors):
            # "He attended the Web Summit in Lisbon", "leaves for the Asia Security Summit in Singapore":
            # not the article's summit, and a gathering whose states the text does not give
            continue
        if not explicit:
            named_here = bool(codes)
            filled = set(fill_from_context(tuple(sorted(codes)), ctx, kind, sentence.text))
            if len(filled) < 2 and codes and codes <= set(states.venues):
                # "Their previous meeting was held in Germany last month": where the pair in hand met, not
                # who met
                filled = set(fill_from_context((), ctx, kind, sentence.text)) or filled
            codes = filled
            if (
                not trig.strong
                and not PERFECT_MEETING.match(trigger_text)
                # (nor "Health ministers from both sides will hold talks": other people's meeting)
                and not OTHER_MINISTERS_OF_BOTH.search(sentence.text, 0, trig.start)
                # (nor "their foreign ministers, who will be meeting in Germany on G20": a meeting placed apart)
                and not _MEETING_PLACED_AFTER.match(sentence.text, trig.end)
                # (nor "The Singapore delegation had an audience with the Sultan on Saturday": one side named,
                # its own act told, the host the article's other state)
                and not (
                    named_here
                    and (_FINITE_MEETING_VERB.match(trigger_text) or _A_VISIT_TO.match(trigger_text))
                )
            ):
                # "X joined via video link": part of the event in hand (but "the two leaders have
                # spoken twice since" tells of other occasions)
                reference, cued = True, False
        if len(codes) < 2 and kind == EventKind.AGREEMENT and _A_VISIT_IN.search(sentence.text):
            # "During the visit of Cuban President Diaz to Tehran, a cooperation agreement was signed between the
            # two sides": the visit told in the sentence, its visitor's state and the one visited, signed it
            visit_sides = {a.code for a in s_actors if a.type == ActorType.STATE and a.code} | {
                a.country
                for a in s_actors
                if a.type == ActorType.PLACE
                and a.country
                and re.search(
                    r"\bto\s+$",
                    sentence.text[max(0, a.start - sentence.start - 4) : a.start - sentence.start],
                )
            }
            if len(visit_sides) == 2 and codes <= visit_sides:
                codes = visit_sides
        if len(codes) < 2:
            continue
        if _WITH_UNNAMED_OTHERS.match(sentence.text, trig.end):
            # "We expect to finalise agreements with other European partners too": partners the text leaves
            # unnamed, not the people the sentence names elsewhere
            continue
        if not explicit and is_a_bodys_council_of_ministers(kind, known, codes, trigger_text):
            # "spoke at the 34th Council of Ministers held at Savoy Resort", the body named before: its
            # members' foreign ministers, as above (once the context has given its members)
            kind = EventKind.FOREIGN_MINISTERS
        if (
            kind == EventKind.SUMMIT
            and len(codes) == 2
            and not states.from_grouping
            and _REGIONAL_SUMMIT.search(sentence.text, max(0, trig.start - 40), trig.end)
        ):
            # "Lula met his Colombian counterpart to build momentum for an upcoming regional summit": a
            # summit of more states than the two the sentence names, which it does not list
            continue
        if trig.strong and trig.kind == EventKind.BILATERAL_TALKS and known is None:
            # "The 3rd round of the Strategic Dialogue took place in July 2021", after the article
            # said the foreign ministers co-chair it: the same format, the same ministers
            full_name = ctx.abbreviations.get(trigger_text, (kind, trigger_text))[1]
            key = format_key(full_name, sorted(codes))
            if kind in (EventKind.FOREIGN_MINISTERS, EventKind.DEFENCE_MINISTERS):
                ctx.format_kinds[key] = kind
            elif kind == EventKind.BILATERAL_TALKS:
                kind = ctx.format_kinds.get(key, kind)
        if ministers_summit:
            ctx.format_kinds[("summit", frozenset(codes))] = kind
        elif kind == EventKind.SUMMIT and not any(p.role in LEADER_ROLES for p in people):
            # "During the C5+1 virtual summit Blinken emphasized …", after the headline's "foreign
            # ministers hold C5+1 summit": the same meeting of foreign ministers
            kind = ctx.format_kinds.get(("summit", frozenset(codes)), kind)
        if (
            not trig.strong
            and kind == EventKind.BILATERAL_TALKS
            # (not a leader's own visit the ministers speak of: "Ministers welcomed … during Prime
            # Minister Albanese's visit to Hanoi")
            and not any(p.role in LEADER_ROLES for p in people_around(trig, sentence, s_actors) or people)
            # (nor a meeting "with him", the leader named last: "Excellent meeting with the President …
            # Recalled my last meeting with him in 2018" was with the president, whatever the visitor's office)
            and not (_WITH_HIM.search(clause) and ctx.last_person_role in LEADER_ROLES)
        ):
            kind = format_referred_to(clause, codes, ctx) or kind
        if (
            kind == EventKind.BILATERAL_TALKS
            and len(codes) >= 3
            and not trig.strong
            # (not a minister's tour: "Lavrov will visit South Africa, Eswatini, Botswana and Angola"
            # holds talks in each, with whoever receives him)
            and not _VISIT.match(trigger_text)
        ):
            # "Blinken met today with four Central Asian foreign ministers": their ministers' meeting
            roles = {p.role for p in people if p.role}
            if re.search(r"\b(?:officials?|deputy|deputies|vice|envoys?|secretaries)\b", clause, re.I):
                roles = set()  # "a trilateral senior officials' meeting": not the minister's
            if re.search(r"\bforeign\s+ministers\b", clause, re.I) or roles == {"foreign minister"}:
                kind = (
                    EventKind.FOREIGN_MINISTERS
                )  # (or "Foreign Minister X hosted a meeting of the Weimar Triangle")
            elif re.search(r"\bdefen[cs]e\s+ministers\b", clause, re.I) or roles == {"defence minister"}:
                kind = EventKind.DEFENCE_MINISTERS
            elif states.from_grouping and _CALL.search(trigger_text):
                continue  # "was telephoned from Malta by EU leaders": a call, no meeting of the grouping
            elif states.from_grouping and not _BELOW_LEADERS.search(sentence.text):
                kind = EventKind.SUMMIT  # "When BRICS met last week in Kazan": the grouping's leaders
            elif states.from_grouping and _OFFICIALS.search(clause):
                # "a regular meeting of the SCO Council of National Coordinators", "the ASEAN Senior
                # Officials' Meeting": a grouping's officials meeting, none of the kinds we record
                continue
        if (
            kind == EventKind.BILATERAL_TALKS
            and len(codes) >= 3
            and (LEADERS.search(sentence.text) or sum(p.role in LEADER_ROLES for p in people) >= 2)
            and not re.search(r"\bbilateral(?:ly)?\b|\bseparate(?:ly)?\b", clause, re.I)
            and not _CALL.search(trigger_text)
        ):
            kind = EventKind.SUMMIT  # leaders of three or more states meeting
        elif (
            kind == EventKind.BILATERAL_TALKS
            and not trig.strong
            and len(codes) == 2
            and _AT_A_SUMMIT.search(sentence.text, trig.end, min(c_end, trig.end + 90))
        ):
            # "he will meet with U.S. President Barack Obama at an informal summit in California": the
            # two leaders' meeting is the summit the text names
            kind = EventKind.SUMMIT
        if (
            kind == EventKind.BILATERAL_TALKS
            and len(codes) == 2
            and _ANNUAL_CONSULTATION.search(clause)
            and (
                any(p.role in LEADER_ROLES for p in people)
                or _LEADER_TITLE.search(sentence.text)
                or LEADERS.search(sentence.text)
            )
        ):
            # "the sixth annual consultation between Prime Minister Najib of Malaysia and Gen Prayut of
            # Thailand", "Yingluck met with her Malaysian counterpart Najib at the fifth annual
            # consultation": two heads of government's yearly meeting, their summit
            kind = EventKind.SUMMIT
        if (
            kind == EventKind.SUMMIT
            and len(codes) == 2
            and (
                (
                    re.match(r"(?:heads|leaders|presidents|prime)\b", trigger_text, re.I)
                    # not "their annual leaders' meeting", which names a summit
                    and not re.search(r"\b(?:meeting|summit|retreat)\b", trigger_text, re.I)
                )
                # "the first face-to-face meeting between the two leaders": a meeting, not called a summit
                # (but "the coming summit meeting between the two leaders" is called one)
                or (
                    re.match(r"(?:meeting|gathering)\s+between\b", trigger_text, re.I)
                    and not re.search(
                        r"\bsummit\s+$", sentence.text[max(0, trig.start - 10) : trig.start], re.I
                    )
                )
            )
        ):
            kind = (
                EventKind.BILATERAL_TALKS
            )  # "the two heads of state have met": talks, as the corpus codes them
        if (
            kind == EventKind.FOREIGN_MINISTERS
            and len(codes) == 2
            and re.search(r"\bministerial\b", trigger_text, re.I)
            and not re.search(r"\bforeign\b", trigger_text, re.I)
            and not _OTHER_PORTFOLIO_AFTER.match(sentence.text, trig.end)
            and holds_a_2plus2(codes, gaz)
        ):
            kind = (
                EventKind.TWO_PLUS_TWO
            )  # "our annual U.S.-Australia Ministerial meeting": AUSMIN, their 2+2
        if (
            kind == EventKind.FOREIGN_MINISTERS
            and len(codes) == 2
            and re.search(r"\bministerial\b", trigger_text, re.I)
            and not re.search(r"\bforeign\b", trigger_text, re.I)
            and _OTHER_PORTFOLIO_AFTER.match(sentence.text, trig.end)
        ):
            kind = (
                EventKind.BILATERAL_TALKS
            )  # "the Ministerial Council on Law and Security": other ministers' talks
        if known is not None and kind in (EventKind.FOREIGN_MINISTERS, EventKind.DEFENCE_MINISTERS):
            near = sentence.text[max(0, trig.start - 30) : trig.end + 30]
            if _LEADERS_NEAR.search(near) and not re.search(r"\bminist", near, re.I):
                kind = EventKind.SUMMIT  # "the C5+1 leaders met": the format's summit, not its ministers
        if (
            kind in (EventKind.FOREIGN_MINISTERS, EventKind.DEFENCE_MINISTERS)
            and not trig.strong
            and _CALL.search(trigger_text)
        ):
            kind = EventKind.BILATERAL_TALKS  # a call, not a meeting: talks, whoever spoke
        if (
            level == "event"
            and status == EventStatus.OCCURRED
            and not re.match(r"(?:recent|landmark|historic|the\s+signed)\b", trigger_text, re.I)
            # (a deal is no format: "the recent BrahMos deal with the Philippines is a milestone")
            and is_generic(clause, s_dates, sentence, c_start, c_end, article, trig.start - c_start)
        ):
            if known is None and _AN_INDEFINITE_MEETING.search(
                sentence.text, max(0, trig.start - 30), trig.start
            ):
                # '"This is no longer a meeting of two revolutionaries; this is a meeting of two leaders"':
                # what a meeting is like, no session of a format and no format of the pair
                continue
            level = "mechanism"
        if (
            (level == "mechanism" or (states.possessive and not any(d.date for d in s_dates)))
            and not explicit
            and kind in BILATERAL_KINDS
            and not TWO_SIDES.search(sentence.text)
            and not ANAPHORA.search(sentence.text)
        ):
            continue  # "China's 2+2 diplomacy is spreading": a format of the hub's, no partner named
        if level == "mechanism" and status == EventStatus.PREDICTED and kind in MEETING_KINDS:
            level = "event"  # a forecast 2+2 is a forecast event as well as a forecast format
        ordinal = ordinal_of(
            sentence.text, c_start, trig, next((t.start for t in triggers if t.start >= trig.end), None)
        )
        # A numbered session of a named format recurs; "the second meeting between the two" ministers does not.
        # (and so is the 30th meeting of a body: "The 30th high-level border committee meeting")
        recurring = bool(rules.recurring.search(clause)) or bool(
            ordinal
            and ordinal > 1
            and (trig.strong or _BODY_BEFORE.search(sentence.text, max(0, trig.start - 40), trig.end))
        )
        name = known.name if known else official_name(sentence.text, trig)
        location = location_of(sentence, (c_start, c_end), trig, s_actors, sorted(codes), triggers, gaz)
        # A city that names the meeting ("the Helsinki summit") is its venue even in a third country.
        # So is the city right after the verb of meeting: "met in Beijing", "took place in Baku".
        named_venue = (
            (
                location is not None
                and any(
                    a.type == ActorType.PLACE
                    and a.name == location.city
                    and (
                        names_the_venue(sentence.text, a, sentence, trig)
                        or bool(_MET_IN.search(sentence.text, 0, a.start - sentence.start))
                        or bool(
                            _MET_SOMEONE_IN.search(
                                sentence.text,
                                max(0, a.start - sentence.start - 120),
                                a.start - sentence.start,
                            )
                        )
                        or bool(_IN_THE_CITY_OF.search(sentence.text, 0, a.start - sentence.start))
                        # "on the sidelines of the ASEAN Foreign Ministers' Meeting in Vientiane": where
                        # the setting met, so did they
                        or bool(
                            _SIDELINES_IN.search(
                                sentence.text,
                                max(0, a.start - sentence.start - 120),
                                a.start - sentence.start,
                            )
                        )
                        or followed_by_its_country(a, s_actors, sentence)  # "in Qingdao, east China"
                        # "at the Shangri-La Dialogue", "on the sidelines of the UN General Assembly": a
                        # gathering that always meets in one city (data/venues.csv) is that city
                        or (
                            sentence.text[a.start - sentence.start : a.end - sentence.start] != a.name
                            and bool(_AT_A_GATHERING.search(sentence.text, 0, a.start - sentence.start))
                        )
                        # "signed a comprehensive peace agreement in Washington": the place the
                        # trigger's own words lead to
                        or bool(_IN_RIGHT_AFTER.fullmatch(sentence.text, trig.end, a.start - sentence.start))
                    )
                    for a in s_actors
                )
            )
            or (
                location is not None
                and any(  # "met in Switzerland": a third state where they met
                    a.type == ActorType.STATE
                    and a.code == location.country
                    and (
                        _MET_IN_STATE.search(
                            sentence.text, max(0, a.start - sentence.start - 40), a.start - sentence.start
                        )
                        # "a bilateral defense ministers dialogue in Singapore"
                        or _IN_RIGHT_AFTER.fullmatch(sentence.text, trig.end, a.start - sentence.start)
                    )
                    for a in s_actors
                )
            )
        )
        topics = topics_of(sentence.text)
        dyads = (
            [(tuple(sorted(codes)), None)]
            if not explicit
            or (known is not None and len(known.parties) > 2)  # C5+1 meets as one
            or (
                referent is not None and len(referent.parties) > 2
            )  # "the summit" named before is one meeting
            else split_dyads(tuple(sorted(codes)), kind, trig, states, ctx, sentence.text)
        )
        if states.from_grouping and len(dyads) > _MOST_PAIRS_OF_A_GROUPING:
            # "Modi held bilateral talks with African leaders": with some of a continent's leaders, not
            # named; a pair with each of its fifty states is no reading of the sentence
            dyads = []
        if kind == EventKind.SUMMIT and not trig.strong and len(dyads) > 1:
            # "The President will meet with his peers Macri of Argentina and Temer of Brazil": the
            # leaders of three states were a summit only while they met as one; apart, each pair talks
            kind = EventKind.BILATERAL_TALKS
        first_date: str | None = None
        for dyad, anchor in dyads:
            if kind == EventKind.TWO_PLUS_TWO and len(dyad) > 2:
                continue  # a 2+2 pairs two states; three or more means the hub was not found
            date, date_end = date_of(
                dates_by_trigger.get(trig, []), sentence, (c_start, c_end), trig, anchor, status, article
            )
            if (own_year := _OWN_YEAR.match(trigger_text)) and not (date or "").startswith(own_year.group(1)):
                # "While China missed the 2021 drills, this year's exercise …": the edition its own year names
                date, date_end = own_year.group(1), None
            if (
                referent is not None
                and referent.kind == kind
                and referent.date
                and not referent.recurring
                # (not a plan after a meeting held: "The ministers met on Saturday … They plan to meet
                # again next month" is another meeting, with a day of its own)
                and not (status == EventStatus.PLANNED and referent.status == EventStatus.OCCURRED)
            ):
                # "…arrived yesterday to participate in the summit": the summit keeps its own day
                date, date_end = referent.date, referent.date_end
            if date and states.groupings and dyad == tuple(sorted(codes)):
                dyad = members_on(dyad, states.groupings, date, gaz)
            if date and known is not None and len(dyad) > 2 and dyad == tuple(sorted(codes)):
                # "the Samarkand SCO summit in 2022": the members of 2022, not of the story's day
                then, now = (
                    set(gaz.mechanism_members(known, date)),
                    set(gaz.mechanism_members(known, article.story_date)),
                )
                dyad = tuple(sorted((set(dyad) - (now - then)) | then))
            d_status = status
            d_ordinal = ordinal
            if first_date is None:
                first_date = date or ""
            elif date != first_date:
                # "the inaugural 2+2 with the US in 2018, followed by Japan in 2019": only the first
                d_ordinal = None
            first_session = bool(
                re.search(r"\b(?:initiated|launched|started|inaugurated|began)\b", clause, re.I)
            ) and not _SERIES_STARTED.search(clause)  # ("the 2+2 meetings only started in 1990": a series)
            # "PAMM is regularly convened every two years and was virtually held in August 2021": the
            # format, and one dated session of it
            # (not the meeting's own "was held", when the drills are what it talked of)
            one_session = bool(_WAS_HELD.search(clause)) and not as_topic
            if (
                level == "mechanism"
                and date
                and (first_session or one_session)
                and status == EventStatus.OCCURRED
                and not for_members
            ):
                # "initiated a 2+2 with Australia in September 2021": the format and its first session.
                out.append(
                    Mention(
                        kind=kind,
                        status=status,
                        parties=dyad,
                        sentence=sentence,
                        trigger_start=sentence.start + trig.start,
                        trigger_end=sentence.start + trig.end,
                        name=name,
                        recurring=True,
                        generic=True,
                        confidence=confidence_of(trig, explicit, date, status),
                    )
                )
                d_ordinal = ordinal or (
                    1
                    if first_session and re.search(r"\b(?:initiat|launch|start|inaugurat)", clause, re.I)
                    else None
                )
            if (
                d_status == EventStatus.OCCURRED
                and date
                and article.published
                and is_before(article.published, date)
            ):
                d_status = EventStatus.PLANNED
            if (
                d_status == EventStatus.PLANNED
                and date
                and len(date) == 10
                and article.published
                and len(article.published) == 10
                and is_before(date, article.published)
                and _ARRIVED_FOR_IT.search(clause)
                and not _STILL_AHEAD.search(sentence.text)
            ):
                # "Wang Yi arrived in Islamabad on Monday for the fifth round of the strategic dialogue",
                # filed on Wednesday: what he came for has been held by the time of the report
                d_status = EventStatus.OCCURRED
            out.append(
                Mention(
                    kind=kind,
                    status=d_status,
                    parties=dyad,
                    sentence=sentence,
                    trigger_start=sentence.start + trig.start,
                    trigger_end=sentence.start + trig.end,
                    date=date,
                    date_end=date_end,
                    location=host_of_the_leg(dyad, dyads, trigger_text, location, sentence.text[: trig.start])
                    or (
                        location
                        if location is None or location.country in dyad or len(dyad) > 2 or named_venue
                        else None
                    ),
                    ordinal=d_ordinal,
                    people=people_of_the_dyad(people, dyad, kind),
                    topics=topics,
                    recurring=recurring,
                    name=name,
                    mechanism_id=trig.mechanism,
                    from_grouping=states.from_grouping,
                    explicit_parties=explicit,
                    # (an institution is founded, never a standing format of meetings: "agreed during the
                    # summit to establish a permanent secretariat" plans its founding)
                    generic=level == "mechanism"
                    and kind != EventKind.INSTITUTION
                    and (
                        for_members
                        or not (date and (first_session or one_session) and status == EventStatus.OCCURRED)
                    ),
                    cued=cued,
                    strong=trig.strong,
                    reference=reference,
                    landmark=is_landmark_in_time(sentence.text, trig),
                    # ("the Boe Declaration adopted at last year's forum": the session before the one in hand)
                    earlier=bool(_LAST_YEARS.match(trigger_text))
                    or is_a_past_session(trigger_text, d_status, date, article.published),
                    confidence=confidence_of(trig, explicit, date, d_status),
                )
            )
            if (
                d_status in (EventStatus.OCCURRED, EventStatus.PLANNED)
                and date
                and level == "event"
                and len(dyads) == 1
            ):
                # (with several partners, "with the US in 2018 and Japan in 2019", each has its date)
                first = out[-1]
                listed = listed_dates(
                    s_dates,
                    s_actors,
                    sentence,
                    (c_start, c_end),
                    date,
                    article.published,
                    future=d_status == EventStatus.PLANNED,
                )
                own_places = any(place for _, place in listed)  # else they share the first one's
                for other, place in listed:
                    # "the two previous rounds took place in New Delhi, in September 2021 and
                    # November 2023": one session per date the list gives, at its own place
                    out.append(
                        dataclasses.replace(
                            first,
                            date=other.date,
                            date_end=other.date_end,
                            ordinal=None,
                            people=[],
                            location=place if own_places else first.location,
                        )
                    )
    return out


# What may stand between two dates of one list: "2018 and 2019", "in 2022 and Kyrgyzstan in June
# 2023", "September 2021, then November 2023".
_LIST_GAP = re.compile(
    # a place may follow its date ("in 1993 in Gdansk, followed in 1998 in Poznan, 1999 in Nancy")
    r"(?P<after>\s+in\s+(?:the\s+)?[A-Z][\w.-]+(?:\s+[A-Z][\w.-]+){0,2})?"
    r"\s*(?:,\s*(?:and|then|followed\s+(?:by\s+)?)?|and|as\s+well\s+as|then|followed\s+(?:by\s+)?)\s*"
    r"(?:(?:in|on|at|off)\s+)?"
    r"(?:(?:the\s+)?[A-Z][\w.-]+(?:\s+[A-Z][\w.-]+){0,2}\s*,?\s*)?(?:(?:in|on)\s+)?"
)


# "since" and what may stand between it and an earlier session's date: "since the last meeting in
# Tokyo in September 2022", "the second of its sort since December 2015", "since the third 2+2 in".
# "since" opening another act than a session: a clause of its own ("since the bloc suspended Syria in
# 2011", "since Trump took office") or an act's noun ("since his inauguration", "since the war")
_SINCE_ANOTHER_ACT = re.compile(
    r"\s+(?:the\s+)?(?!(?:last|previous|latest|first|second|third)\b)(?:[\w'’-]+\s+){0,3}?"
    r"(?:\w+ed|took|became|was|were|began|came|left|won|broke|fell|rose|made)\s"
    # ("her first visit since winning the election last year": what she did then)
    r"|\s+(?:winning|taking|becoming|assuming|being|returning|coming|regaining)\s"
    r"|\s+(?:his|her|their|its|the)\s+(?:[\w'’-]+\s+){0,2}?(?:inauguration|election|re-?election|appointment|"
    r"swearing[- ]in|accession|coronation|independence|taking\s+office|assumption\s+of\s+office|victory|"
    r"pandemic|war|coup|revolution|invasion|ouster|overthrow|toppling|fall|removal|resignation|death|"
    r"assassination|attack|attacks|uprising|takeover|withdrawal|crisis|clashes|outbreak)\b",
    re.I,
)
_SINCE_BEFORE = re.compile(r"\bsince\s+(?:[^.;,()]{0,60}?\s)?(?:in\s+|on\s+)?$", re.I)
_SINCE_SESSION = re.compile(
    r"\b(?:(?:the\s+)?(?:first|second|third|fourth|fifth|\d+(?:st|nd|rd|th))\s+(?:[\w+’'-]+\s+){0,4}?since"
    r"|since\s+(?:the|their|its)\s+(?:last|previous|latest|first|second|third|fourth|fifth|sixth|\d+(?:st|nd|rd|th))"
    r"\s+(?:[\w+’'-]+\s+){0,3}?(?:meeting|session|round|dialogue|summit|talks|2\s?\+\s?2|one|edition|exercise|visit)s?)"
    r"(?P<rest>[^.;()]{0,50}?)$",
    re.I,
)


def since_sessions(
    out: Sequence[Mention],
    sentence: Sentence,
    s_dates: Sequence[DateMention],
    s_actors: Sequence[ActorMention],
    ctx: Context,
) -> list[Mention]:
    """Return the earlier sessions a sentence dates with "since": an occurred event each.

    Why: "the 2+2, the first since the last meeting in Tokyo in September 2022" and "the
    meeting, which will be the first since April 2015" report a past session of the same
    format in passing; the corpus counts it as an occurred event. Only "since" tied to a
    session ("the first … since", "since the last meeting …") counts: "ties have improved
    since 2019" dates no meeting. The session is of the event the sentence reports before
    "since", else of the article's current one; a trigger after "since" ("since the seventh
    2+2 in September 2021") already is that session.
    """
    found = []
    for d in s_dates:
        offset = d.start - sentence.start
        m = _SINCE_SESSION.search(sentence.text, max(0, offset - 120), offset)
        if not m or not d.date or any(x.date == d.date for x in out):
            continue
        since_at = sentence.start + m.start() + m.group(0).lower().index("since")
        if _SINCE_ANOTHER_ACT.match(sentence.text, since_at - sentence.start + 5):
            # "his first since the bloc suspended Syria in 2011", "Mahama's first official visit to Nigeria
            # since his inauguration on January 7": the date of another act
            continue
        if any(since_at < x.trigger_start < d.start for x in out):
            continue
        before = [x for x in out if x.trigger_start < since_at and not x.generic]
        kind = before[0].kind if before else ctx.last_kind
        parties = before[0].parties if before else ctx.focus
        if not kind or len(parties) < 2 or (before and not is_before(d.date, before[0].date or "9999")):
            continue
        place = None
        for a in s_actors:
            if since_at < a.start < d.start and a.type == ActorType.PLACE and a.country:
                place = Location(city=a.name, country=a.country)
        number = re.search(r"\bsince\s+(?:the|their|its)\s+(\w+)", m.group(0), re.I)
        found.append(
            Mention(
                kind=kind,
                status=EventStatus.OCCURRED,
                parties=parties,
                sentence=sentence,
                trigger_start=since_at,
                trigger_end=d.end,
                date=d.date,
                location=place,
                ordinal=ordinal_value(number.group(1)) if number else None,
                recurring=True,
                explicit_parties=bool(before),
                earlier=True,  # (not the undated meeting the sentence reports: "the first since 2019")
                confidence=0.7,
            )
        )
    return found


# "The bilateral exercise has been held since 1979", "Exercise Pelican, which has been conducted annually since
# 1979": the year of its first edition
_HELD_SINCE = re.compile(
    r"\b(?:held|conducted|staged|organi[sz]ed|running|taking\s+place)\s+(?:annually\s+|every\s+(?:two\s+)?years?\s+|"
    r"regularly\s+|biennially\s+|yearly\s+)?since\s+$",
    re.I,
)


def first_held_since(
    out: Sequence[Mention], sentence: Sentence, s_dates: Sequence[DateMention]
) -> list[Mention]:
    """Return the first edition of a recurring exercise or meeting the sentence says has been held since a year.

    Why: the corpus counts the edition a series began with as an occurred event with ordinal 1, as it
    does "The annual Golden Dragon exercises began in December 2016".
    """
    found = []
    for d in s_dates:
        if not d.date or len(d.date) != 4:
            continue
        offset = d.start - sentence.start
        held = _HELD_SINCE.search(sentence.text, max(0, offset - 60), offset)
        if not held or re.search(
            r"\b(?:not|never)\b", sentence.text[max(0, held.start() - 20) : held.start()]
        ):
            continue  # ("has not been held since 2016": the last session then, not the first)
        series = next((x for x in reversed(out) if x.trigger_start < d.start and len(x.parties) >= 2), None)
        if series is None or any(x.date == d.date for x in out):
            continue
        found.append(
            Mention(
                kind=series.kind,
                status=EventStatus.OCCURRED,
                parties=series.parties,
                sentence=sentence,
                trigger_start=series.trigger_start,
                trigger_end=d.end,
                date=d.date,
                ordinal=1,
                explicit_parties=series.explicit_parties,
                earlier=True,
                confidence=0.6,
            )
        )
    return found


# "on the sidelines of the 17th ASEAN Defence Ministers' Meeting": the occasion a meeting was held at.
_SETTING_PHRASE = re.compile(
    r"\b(?:(?:on|at)\s+the\s+(?:sidelines|margins?|fringes)|(?:with)?in\s+the\s+(?:scope|framework)"
    r"|on\s+the\s+occasion)\s+of\s+(?:the\s+)?"
    # "for talks with his counterpart ahead of travelling to the Pacific Islands Forum": the next stop
    r"|\b(?:ahead\s+of|before)\s+(?:travell?ing|heading|going|flying|leaving)\s+(?:on\s+)?(?:to|for)\s+(?:the\s+)?"
    r"|(?:^|(?<=[.;:]\s))\W*(?:in|visiting)\s+(?-i:[A-Z])[\w-]+(?:\s+(?-i:[A-Z])[\w-]+)?\s+(?:for|to\s+attend)\s+the\s+"
    # "After a meeting of prime ministers on Tuesday morning, …, Plenkovic said he had an informal discussion
    # with his Slovenian counterpart": the occasion the sentence opens on, its news after it
    r"|^\W*(?:after|during|following)\s+(?:a|an|the|their)\s+",
    re.I,
)  # also "within the scope of the 56th ASEAN Foreign Ministers Meeting", "In Jakarta for the …,"
_AT_A_SUMMIT = re.compile(
    r"\bat\s+an?\s+(?:(?:informal|bilateral|historic|first|two-day|one-day)\s+)?summit\b", re.I
)
_SETTING_KINDS = (EventKind.SUMMIT, EventKind.FOREIGN_MINISTERS, EventKind.DEFENCE_MINISTERS)


def setting_occasions(
    out: Sequence[Mention],
    sentence: Sentence,
    s_actors: Sequence[ActorMention],
    gaz: Gazetteer,
    published: str | None = None,
) -> list[Mention]:
    """Return the grouping's meeting on whose sidelines the sentence's meeting took place.

    Why: "Giang held bilateral meetings with the defence leaders of India, Japan and the
    Philippines on the sidelines of the 17th ASEAN Defence Ministers' Meeting in Jakarta" reports
    the bilateral meetings and, in passing, the ASEAN meeting itself; the corpus counts both.
    Only a setting named with its grouping ("the SCO summit", "the summit of the SCO"), whose
    members are its parties; it shares the sentence's report, status and day.
    """
    main = next((m for m in out if not m.generic and not m.reference), None)
    if main is None or main.status not in (EventStatus.OCCURRED, EventStatus.PLANNED):
        return []
    rules = load_rules()
    text = sentence.text
    found = []
    for phrase in _SETTING_PHRASE.finditer(text):
        window = text[phrase.end() : phrase.end() + 90]
        trig = None
        for kind in _SETTING_KINDS:
            for pattern in rules.triggers[kind]:
                m = pattern.search(window)
                if m and (trig is None or m.start() < trig[1]):
                    trig = (kind, m.start(), m.end())
        if trig is None:
            continue
        kind, t_start, t_end = trig[0], phrase.end() + trig[1], phrase.end() + trig[2]
        grouping = next(
            (
                a
                for a in s_actors
                if (
                    (
                        a.type in (ActorType.GROUPING, ActorType.ORGANISATION)
                        and a.members
                        and a.via != "region"
                    )
                    or (a.type == ActorType.MECHANISM and a.code in gaz.mechanisms)
                )
                and phrase.end() <= a.start - sentence.start <= t_end + 12
            ),
            None,
        )
        if grouping is None:
            continue
        on = main.date or published  # (undated "met here": the members on the day it was filed)
        if grouping.type == ActorType.MECHANISM and grouping.code:
            parties = gaz.mechanism_members(gaz.mechanisms[grouping.code], on)
        elif on:
            parties = members_on(tuple(grouping.members), [grouping.code] if grouping.code else [], on, gaz)
        else:
            parties = tuple(grouping.members)
        # "on the sidelines of this month's ASEAN-US summit": the state joined to the grouping by a dash
        # meets its members
        parties = tuple(sorted({*parties, *_dashed_to(grouping, s_actors, text, sentence.start)}))
        if len(parties) < 3 or any(x.kind == kind and set(x.parties) == set(parties) for x in out):
            continue
        found.append(
            Mention(
                kind=kind,
                status=main.status,
                parties=tuple(sorted(parties)),
                sentence=sentence,
                trigger_start=sentence.start + t_start,
                trigger_end=sentence.start + t_end,
                date=main.date,
                date_end=main.date_end,
                location=main.location,
                ordinal=ordinal_of(text, phrase.start(), Trigger(kind, t_start, t_end, True)),
                confidence=0.6,  # (no mechanism of its own: the setting is named in passing)
            )
        )
    return found


def _dashed_to(grouping: ActorMention, s_actors: Sequence[ActorMention], text: str, base: int) -> set[str]:
    "Return the states joined to a grouping's name by a dash ('ASEAN-US', 'US-ASEAN')."
    joined = set()
    for a in s_actors:
        if a.type != ActorType.STATE or not a.code:
            continue
        first, second = sorted(((a.start, a.end), (grouping.start, grouping.end)))
        if re.fullmatch(r"\s*[-–]\s*", text[first[1] - base : second[0] - base]):
            joined.add(a.code)
    return joined


# One item of a list of sessions: "Santiago, Chile (2013)", "Havana, Cuba (2014)".
_VENUE_YEAR = re.compile(
    r"(?P<place>[A-Z][^,;()]{1,40}?),\s+(?P<state>[A-Z][^,;()]{1,40}?)\s*\((?P<year>(?:19|20)\d\d)\)"
    # "the G20 meetings in London (2009) and Pittsburgh (2010)": a city alone
    r"|(?<=\s)(?P<city>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)?)\s*\((?P<city_year>(?:19|20)\d\d)\)"
    # "the 2006 Beijing summit, the 2015 Johannesburg summit and the 2018 Beijing summit": year and city before
    r"|\bthe\s+(?P<pre_year>(?:19|20)\d\d)\s+(?P<pre_city>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)?)\s+"
    r"(?:summit|meeting|session|dialogue|talks|conference|exercise|drills?)\b"
)


def venue_list_sessions(
    out: Sequence[Mention],
    sentence: Sentence,
    s_actors: Sequence[ActorMention],
    ctx: Context,
    published: str | None,
) -> list[Mention]:
    """Return one session per item of a list of venues with their years, of the sentence's format.

    Why: "Celac gathered its leaders in Caracas, Venezuela (2011) and then at the summits in
    Santiago, Chile (2013); Havana, Cuba (2014); …" lists past sessions of one format; the
    corpus counts each as an occurred event at its place. Only a list (two items or more),
    only places the gazetteer knows, and the kind and parties of the meeting the sentence
    reports (else the article's current one).
    """
    items = list(_VENUE_YEAR.finditer(sentence.text))
    if len(items) < 2:
        return []
    # (or the format the sentence names: "the G20 meetings in London (2009) and Pittsburgh (2010)")
    listed_kinds = MEETING_KINDS | {EventKind.EXERCISE}
    base = next((m for m in out if not m.generic and m.kind in listed_kinds), None) or next(
        (m for m in out if m.kind in listed_kinds and len(m.parties) >= 2), None
    )
    kind = base.kind if base else ctx.last_kind
    parties = base.parties if base else ctx.focus
    if base is not None and (
        grouping := next(
            (
                a
                for a in s_actors
                if a.type in (ActorType.ORGANISATION, ActorType.GROUPING)
                and a.members
                and base.trigger_start <= a.start < base.trigger_end
            ),
            None,
        )
    ):
        # "The EAC Ushirikiano Imara military exercise was previously held in Rwanda (2011), Burundi
        # (2013), …": the grouping its name gives holds each session, wherever it was held
        parties = tuple(sorted(grouping.members))
    if not kind or len(parties) < 2:
        return []
    found = []
    for item in items:
        named = "place" if item.group("place") else "city" if item.group("city") else "pre_city"
        start, end = (
            sentence.start + item.start(named),
            sentence.start + item.end(named if named != "place" else "state"),
        )
        place = next(
            (a for a in s_actors if a.type == ActorType.PLACE and a.country and start <= a.start < end), None
        )
        state = next(
            (a.code for a in s_actors if a.type == ActorType.STATE and a.code and start <= a.start < end),
            None,
        )
        if place is None and state is None:
            continue
        year = item.group("year") or item.group("city_year") or item.group("pre_year")
        location = (
            Location(city=place.name, country=place.country) if place else Location(city=None, country=state)
        )
        status = EventStatus.OCCURRED if published is None or year < published[:4] else EventStatus.PLANNED
        found.append(
            Mention(
                kind=kind,
                status=status,
                parties=parties,
                sentence=sentence,
                trigger_start=start,
                trigger_end=sentence.start + item.end(),
                date=year,
                location=location,
                recurring=True,
                explicit_parties=base is not None,
                confidence=0.7,
            )
        )
    return found if len(found) >= 2 else []


# ", the second in 2019 in Tashkent", "and the third in Manila on July 8": another numbered session
# told by ellipsis after the first, its own place and date following it.
_ELLIPTICAL_SESSION = re.compile(
    r"(?:,\s+(?:and\s+|while\s+|with\s+)?|;\s+|\s+and\s+)(?:the|a)\s+"
    r"(?P<ordinal>second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:st|nd|rd|th))"
    r"(?:\s+one)?(?:\s+(?:was|were))?(?:\s+(?:held|hosted))?\s+(?P<rest>(?:in|on|at)\s+[^,;.]{2,60})"
)


def elliptical_sessions(
    out: Sequence[Mention],
    sentence: Sentence,
    s_actors: Sequence[ActorMention],
    s_dates: Sequence[DateMention],
) -> list[Mention]:
    """Return a session for each numbered session a sentence tells by ellipsis after a numbered one.

    Why: "The first summit was held in 2018 in Nur-Sultan, the second in 2019 in Tashkent" reports
    two summits; the second has no word of meeting of its own and was read into the first.
    Only after a mention that has an ordinal, and only with a place or date of its own.
    """
    numbered = [m for m in out if m.ordinal and not m.generic and m.kind in MEETING_KINDS]
    if not numbered:
        return []
    base = numbered[0]
    text = sentence.text
    found = []
    for item in _ELLIPTICAL_SESSION.finditer(text, base.trigger_end - sentence.start):
        ordinal = ordinal_value(item.group("ordinal"))
        if ordinal is None or ordinal == base.ordinal:
            continue
        start, end = sentence.start + item.start("rest"), sentence.start + item.end("rest")
        date = next((d.date for d in s_dates if d.date and start <= d.start < end), None)
        place = next(
            (a for a in s_actors if a.type == ActorType.PLACE and a.country and start <= a.start < end), None
        )
        if date is None and place is None:
            continue
        found.append(
            Mention(
                kind=base.kind,
                status=base.status,
                parties=base.parties,
                sentence=sentence,
                trigger_start=sentence.start + item.start("ordinal"),
                trigger_end=end,
                date=date,
                location=Location(city=place.name, country=place.country) if place else None,
                ordinal=ordinal,
                recurring=True,
                explicit_parties=base.explicit_parties,
                earlier=True,
                confidence=0.6,
            )
        )
        # (a date or place read into the first from the ellipsis is the ellipsis's)
        if base.date is not None and date is not None and base.date == date:
            base.date = None
        if place is not None and base.location is not None and base.location.city == place.name:
            base.location = None
    return found


def one_per_place_and_date(
    out: list[Mention],
    sentence: Sentence,
    s_actors: Sequence[ActorMention],
    s_dates: Sequence[DateMention],
    last_kind: str | None,
) -> list[Mention]:
    """Return the mentions with a meeting verb followed by several places and dates made one session each.

    Why: "They met in Tokyo in May 2022 and in Hiroshima in May 2023" tells of two meetings of the
    same parties; read as one, it was one meeting at the last place. Only a verb of meeting
    whose clause goes on with two or more "in PLACE in/on DATE" joined by "and" or commas.
    """
    verbs = [m for m in out if not m.generic and not m.strong]
    if not verbs or len({(m.trigger_start, m.parties) for m in verbs}) != 1:
        return out
    verb = verbs[0]
    legs = places_and_dates(sentence, verb.trigger_end - sentence.start, s_actors, s_dates)
    if len(legs) < 2:
        return out
    kind = verb.kind
    if kind == EventKind.BILATERAL_TALKS and len(verb.parties) >= 3 and last_kind == EventKind.SUMMIT:
        kind = EventKind.SUMMIT  # "The Quad leaders held their first summit … They met in Tokyo …"
    sessions = [
        dataclasses.replace(
            verb,
            kind=kind,
            reference=False,  # (each with a day and a place of its own: no part of the event in hand)
            cued=True,
            location=Location(city=place.name, country=place.country),
            date=date.date,
            date_end=date.date_end,
            trigger_start=place.start,
            trigger_end=date.end,
        )
        for place, date in legs
    ]
    return [m for m in out if m not in verbs] + sessions


def one_per_place_held(
    out: list[Mention],
    sentence: Sentence,
    s_actors: Sequence[ActorMention],
    s_dates: Sequence[DateMention],
    published: str | None,
) -> list[Mention]:
    """Return the mentions with a named format's sessions, "held in PLACE in DATE" more than once, one each.

    Why: "AUKMIN was last held in Sydney in 2011, and has previously been held in Leeds in 2008 and in London
    in 2006" reports three sessions of one format; read as one, the first place and year took the others.
    Only a single named (strong) mention of a meeting, only places the gazetteer knows, each with its own date;
    a session dated after the story is still to come.
    """
    named = [m for m in out if m.strong and not m.generic and m.kind in MEETING_KINDS]
    if len(named) != 1:
        return out
    base = named[0]
    legs = [
        leg
        for verb in _HELD_VERB.finditer(sentence.text, base.trigger_end - sentence.start)
        for leg in places_and_dates(sentence, verb.end(), s_actors, s_dates)
    ]
    if len({date.date for _, date in legs}) < 2:
        return out
    sessions = []
    for i, (place, date) in enumerate(legs):
        status = base.status
        if published and date.date and status in (EventStatus.OCCURRED, EventStatus.PLANNED):
            status = EventStatus.PLANNED if date.date > published else EventStatus.OCCURRED
        sessions.append(
            dataclasses.replace(
                base,
                status=status,
                location=Location(city=place.name, country=place.country),
                date=date.date,
                date_end=date.date_end,
                earlier=i > 0,
                trigger_start=place.start,
                trigger_end=date.end,
            )
        )
    return [m for m in out if m is not base] + sessions


def one_per_visit_leg(
    out: list[Mention], sentence: Sentence, s_actors: Sequence[ActorMention], s_dates: Sequence[DateMention]
) -> list[Mention]:
    """Return the mentions with visits told in one phrase, "to PLACE on DATE and … to PLACE on DATE", one each.

    Why: "the visits of the Prime Minister of Nepal to India on 1-3 April 2022 and the Prime Minister of India
    to Lumbini, Nepal on 16 May 2022" are two visits, one to each country; read as one, the first date and
    place took the other. Only a single visit mention of a pair, two legs or more, each a place the gazetteer
    knows right after "to", each with its own date, in different countries.
    """
    visits = [m for m in out if not m.generic and m.kind == EventKind.BILATERAL_TALKS and len(m.parties) == 2]
    if len(visits) != 1 or not _A_VISIT_IN.search(sentence.text):
        return out
    base = visits[0]
    text = sentence.text
    legs: list[tuple[Location, DateMention]] = []
    for d in s_dates:
        if not d.date or d.start < base.trigger_start:
            continue
        place = next(
            (
                a
                for a in reversed(s_actors)
                if a.end <= d.start
                and d.start - a.end <= 12
                and (loc := location_named_by(a)) is not None
                and re.search(
                    r"\bto\s+(?:the\s+)?(?:[A-Z][\w'’-]*,?\s+)?$",
                    text[max(0, a.start - sentence.start - 30) : a.start - sentence.start],
                )
            ),
            None,
        )
        if (
            place is not None
            and (loc := location_named_by(place)) is not None
            and loc.country in base.parties
        ):
            city = next(
                (
                    a
                    for a in s_actors
                    if a.type == ActorType.PLACE
                    and a.country == loc.country
                    and 0 <= place.start - a.end <= 3
                ),
                None,
            )  # ("to Lumbini, Nepal on 16 May": the city written before its state)
            legs.append((Location(city=city.name, country=loc.country) if city else loc, d))
    if len(legs) < 2 or len({loc.country for loc, _ in legs}) < 2 or len({d.date for _, d in legs}) < 2:
        return out
    sessions = [
        dataclasses.replace(
            base,
            location=loc,
            date=d.date,
            date_end=d.date_end,
            earlier=True,
            trigger_start=d.start,
            trigger_end=d.end,
        )
        for loc, d in legs
    ]
    return [m for m in out if m is not base] + sessions


def one_per_place_counted(
    out: list[Mention], sentence: Sentence, s_actors: Sequence[ActorMention]
) -> list[Mention]:
    """Return the mentions with a meeting told as held "twice" (or thrice) in places listed, one per place.

    Why: "in 2007 he twice met with his Iranian counterpart in Yerevan and New York" reports two meetings,
    one in each city; read as one, the first city took the other. Only as many places as the count says,
    only places the gazetteer knows, joined by "and" or commas.
    """
    text = sentence.text
    counted = _COUNTED.search(text)
    if counted is None:
        return out
    base = next(
        (
            m
            for m in out
            if not m.generic
            and (m.kind in MEETING_KINDS or m.kind == EventKind.BILATERAL_TALKS)
            and abs(m.trigger_start - sentence.start - counted.start()) <= 40
        ),
        None,
    )
    if base is None:
        return out
    places = [
        a
        for a in s_actors
        if a.type in (ActorType.PLACE, ActorType.STATE)
        and (a.type == ActorType.PLACE or a.code)
        and counted.end() <= a.start - sentence.start <= counted.end() + 100
    ]
    chain: list[ActorMention] = []
    for a in places:
        before = text[(chain[-1].end - sentence.start) if chain else counted.end() : a.start - sentence.start]
        if chain and not _PLACE_LIST_GAP.fullmatch(before):
            break
        if not chain and not re.search(r"\bin\s+$", before):
            continue
        chain.append(a)
    if len(chain) != _COUNTS[counted.group(1).lower()]:
        return out
    sessions = [
        dataclasses.replace(
            base,
            location=location_named_by(a),
            earlier=True,  # (each a session of its own: `merge.joins` keeps sessions listed apart)
            trigger_start=a.start if i else base.trigger_start,
            trigger_end=a.end if i else base.trigger_end,
        )
        for i, a in enumerate(chain)
    ]
    return [m for m in out if m is not base] + sessions


_COUNTS = {
    "twice": 2,
    "two times": 2,
    "two occasions": 2,
    "thrice": 3,
    "three times": 3,
    "three occasions": 3,
}
_COUNTED = re.compile(
    r"\b(?:on\s+)?(twice|two\s+times|two\s+occasions|thrice|three\s+times|three\s+occasions)\b", re.I
)
_PLACE_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:in\s+)?")


_HELD_VERB = re.compile(r"\b(?:held|hosted|convened|took\s+place|organi[sz]ed)(?=\s+in\s)", re.I)


def places_and_dates(
    sentence: Sentence, at: int, s_actors: Sequence[ActorMention], s_dates: Sequence[DateMention]
) -> list[tuple[ActorMention, DateMention]]:
    "Return the places the gazetteer knows and their dates, ' in Tokyo in May 2022 and in Hiroshima in …', from `at` on."
    text = sentence.text
    legs = []
    while leg := _PLACE_AND_DATE.match(text, at):
        place_start = sentence.start + leg.start("place")
        date_start = sentence.start + leg.end()
        place = next((a for a in s_actors if a.type == ActorType.PLACE and a.start == place_start), None)
        date = next((d for d in s_dates if d.start == date_start and d.date), None)
        if place is None or date is None:
            break
        legs.append((place, date))
        at = date.end - sentence.start
    return legs


# " in Tokyo in May 2022", " and in Hiroshima in May 2023": a place and the date of a session there
_PLACE_AND_DATE = re.compile(
    r"(?:\s*,?\s+(?:and\s+)?|\s+)in\s+(?P<place>(?-i:[A-Z])[\w'’.-]*(?:\s+(?-i:[A-Z])[\w'’.-]*){0,2})"
    r"(?:,\s+(?-i:[A-Z])[\w'’.-]*(?:\s+(?-i:[A-Z])[\w'’.-]*){0,2})?\s+(?:in|on)\s+",
    re.I,
)


# An exercise said to end, not to start: it is going on. "Egyptian and Sudanese forces to conclude
# joint drills", "will today wrap up the exercise"; "the drills will run until 20 March".
_ENDING_BEFORE = re.compile(
    r"\b(?:to|will)\s+(?:today\s+|tomorrow\s+|soon\s+)?(?:conclude|end|wrap\s+up|close|complete)\s+"
    r"(?:the\s+|their\s+|its\s+|a\s+)?(?:[\w'’-]+\s+){0,5}$",
    re.I,
)
_ENDING_AFTER = re.compile(
    r"^(?:[^.;]{0,60}?)\b(?:will|to)\s+(?:(?:run|last|continue|go\s+on|take\s+place)\s+(?:until|till|through)|"
    r"(?:conclude|end|wrap\s+up|close)\s+(?:on|by)\b)",
    re.I,
)


def is_ending(text: str, start: int, end: int) -> bool:
    "True when the words around an exercise's trigger say it will end, or run until a date: it is under way."
    if _ENDING_BEFORE.search(text[max(0, start - 60) : start]):
        return True
    # (but "will hold the Varuna exercise next month, which will run until June 10" is to come)
    return bool(_ENDING_AFTER.match(text[end:])) and not _PLAN_BEFORE.search(text[:start])


_PLAN_BEFORE = re.compile(r"\b(?:will|shall|to|scheduled|slated|set|plans?|planned|next|upcoming)\b", re.I)


# "after meeting in Nicosia last January", "following the talks between the Greek, Cypriot and
# Egyptian leaders in Cairo on Saturday", "Following a meeting held in Manila on 3 November, …"
_GONE_BEFORE = re.compile(
    r"\b(?:after|following)\s+(?:(?:the|a|an|their|his|her|its)\s+)?(?:[\w'’-]+\s+){0,3}?"
    # (not one government's own: "following yesterday's cabinet meeting", "after the party meeting")
    r"(?<!cabinet\s)(?<!party\s)(?<!board\s)(?<!parliamentary\s)(?<!council\s)(?<!staff\s)"
    r"(?P<noun>meeting|talks|summit|consultations)\b"
    # (through a list's commas: "between the Greek, Cypriot and Egyptian leaders")
    r"(?P<rest>(?:[^,;()]|,\s+(?:and\s+)?[A-Z][\w'’-]*(?=,|\s+and\b)){0,120})",
    re.I,
)
_GONE_BEFORE_KINDS = (
    (re.compile(r"\bsummit\b", re.I), EventKind.SUMMIT),
    (re.compile(r"2\s*\+\s*2", re.I), EventKind.TWO_PLUS_TWO),
    (re.compile(r"\bforeign\s+ministers\b", re.I), EventKind.FOREIGN_MINISTERS),
    (re.compile(r"\bdefen[cs]e\s+ministers\b", re.I), EventKind.DEFENCE_MINISTERS),
)


def meetings_gone_before(
    out: Sequence[Mention],
    sentence: Sentence,
    s_dates: Sequence[DateMention],
    s_actors: Sequence[ActorMention],
    ctx: Context,
    published: str | None,
) -> list[Mention]:
    """Return the dated meeting an "after …" or "following …" phrase says took place before the one reported.

    Why: "They will meet on Thursday for their second summit, after meeting in Nicosia last
    January" reports two summits, the earlier one in passing; the corpus counts it as an
    occurred event with what the phrase gives. Only a phrase with a date before the story's;
    its parties are the states it names (two or more), else the ones the sentence reports,
    else the article's.
    """
    found: list[Mention] = []
    for match in _GONE_BEFORE.finditer(sentence.text):
        lo, hi = match.start(), match.end()
        when = next(
            (
                d
                for d in s_dates
                if d.date
                and lo <= d.start - sentence.start < hi
                and (published is None or is_before(d.date, published))
            ),
            None,
        )
        if when is None or any(lo <= m.trigger_start - sentence.start < hi for m in out):
            continue  # (a summit the sentence already reports, as the landmark it is: its own parties)
        inside = [a for a in s_actors if lo <= a.start - sentence.start < hi]
        named = {a.code for a in inside if a.type == ActorType.STATE and a.code} | {
            a.country for a in inside if a.type == ActorType.PERSON and a.country
        }
        reported = next((m for m in out if not m.generic and len(m.parties) >= 2), None)
        outside = {
            a.code or a.country
            for a in s_actors
            if a.type in (ActorType.STATE, ActorType.PERSON)
            and (a.code or a.country)
            and not lo <= a.start - sentence.start < hi
        }
        if len(named) >= 2:
            parties = tuple(sorted(named))
        elif reported is not None:
            parties = reported.parties
        elif len(outside) >= 2:
            parties = tuple(sorted(c for c in outside if c))
        else:
            parties = ctx.focus
        if len(parties) < 2:
            continue
        phrase = match.group()
        kind: str | None = next((k for pattern, k in _GONE_BEFORE_KINDS if pattern.search(phrase)), None)
        if (
            kind is None
            and reported is not None
            and reported.kind in MEETING_KINDS
            and reported.parties == parties
        ):
            kind = reported.kind
        if kind is None:
            kind = (
                EventKind.SUMMIT
                if LEADERS.search(phrase) and len(parties) >= 3
                else EventKind.BILATERAL_TALKS
            )
        if any(m.kind == kind and m.parties == parties and m.date == when.date for m in out):
            continue
        place = next((a for a in inside if a.type == ActorType.PLACE and a.country), None)
        found.append(
            Mention(
                kind=kind,
                status=EventStatus.OCCURRED,
                parties=parties,
                sentence=sentence,
                trigger_start=sentence.start + match.start("noun"),
                trigger_end=sentence.start + match.end("noun"),
                date=when.date,
                date_end=when.date_end,
                location=Location(city=place.name, country=place.country) if place else None,
                explicit_parties=len(named) >= 2 or reported is not None,
                # (set apart from the occasion the sentence reports, if it reports one: "said after
                # meeting his Fijian counterpart on Wednesday" is the news itself)
                earlier=reported is not None,
                confidence=0.7,
            )
        )
    return found


# A question of who met a hub: "Which countries have already held a 2+2 with China?"
_WHO_MET = re.compile(
    r"^\W*(?:which|what)\s+(?:countries|states|nations|partners)\s+(?:have|has|had)\s+(?:already\s+|so\s+far\s+)?"
    r"(?:held|met|had|hosted|conducted|signed)\b",
    re.I,
)
_WITH_HUB = re.compile(r"\bwith\s+$", re.I)


def question_of_partners(sentence: Sentence, s_actors: Sequence[ActorMention]) -> tuple[str, str, int] | None:
    "Return (kind, hub, sentence index) of a question asking which states held a meeting with a hub, else None."
    if not _WHO_MET.match(sentence.text):
        return None
    triggers, _ = sentence_triggers(sentence, s_actors, None)
    kind = next((t.kind for t in triggers if t.strong and t.kind in MEETING_KINDS), None)
    hub = next(
        (
            a.code
            for a in s_actors
            if a.type == ActorType.STATE
            and a.code
            and _WITH_HUB.search(sentence.text, 0, a.start - sentence.start)
        ),
        None,
    )
    return (kind, hub, sentence.index) if kind and hub else None


def answers_named(
    sentence: Sentence, s_actors: Sequence[ActorMention], s_dates: Sequence[DateMention], ctx: Context
) -> list[Mention]:
    """Return an occurred meeting with the hub for each state the answer to a question of partners names.

    Why: "Which countries have already held a 2+2 with China? So far only Indonesia, in Beijing in
    April 2025, and Cambodia, in Phnom Penh in April 2026.": the answer has no verb; the question
    gives the format, the hub and the tense, the answer each partner with its place and month.
    """
    if ctx.question is None or ctx.question[2] != sentence.index - 1:
        return []
    kind, hub, _ = ctx.question
    states = sorted(
        (
            a
            for a in s_actors
            if a.type == ActorType.STATE and a.code and a.code != hub and a.via != "capital"
        ),
        key=lambda a: a.start,
    )
    found: list[Mention] = []
    for i, a in enumerate(states):
        if a.code is None or any(a.code in m.parties for m in found):
            continue
        until = states[i + 1].start if i + 1 < len(states) else sentence.end
        place = next(
            (p for p in s_actors if p.type == ActorType.PLACE and p.country and a.end <= p.start < until),
            None,
        )
        day = next((d for d in s_dates if d.date and a.end <= d.start < until), None)
        found.append(
            Mention(
                kind=kind,
                status=EventStatus.OCCURRED,
                parties=tuple(sorted((hub, a.code))),
                sentence=sentence,
                trigger_start=a.start,
                trigger_end=a.end,
                date=day.date if day else None,
                date_end=day.date_end if day else None,
                location=Location(city=place.name, country=place.country) if place else None,
                explicit_parties=False,
                cued=False,
            )
        )
    return found


# "… held their first virtual summit in March 2021 and met in person in Washington in September 2021"
_AND_THEN = re.compile(r"\band\s+(?:then\s+|later\s+|again\s+|also\s+)?$", re.I)
_MET_WORD = re.compile(r"(?:met|gathered|convened)\b", re.I)


def sessions_met_again(
    article: Article,
    sentence: Sentence,
    triggers: Sequence[Trigger],
    fallback: Sequence[Trigger],
    out: Sequence[Mention],
    s_actors: Sequence[ActorMention],
    s_dates: Sequence[DateMention],
    gaz: Gazetteer,
    ctx: Context,
) -> list[Mention]:
    """Return another session of the format a sentence reports, told by a second verb with its own date.

    Why: "The four leaders held their first virtual summit in March 2021 and met in person in Washington
    in September 2021": two summits; the meeting verb after "and" is not the first summit's, as a
    verb beside a format word usually is, when it has a date of its own.
    """
    found: list[Mention] = []
    for w in fallback:
        if not (
            _MET_WORD.match(sentence.text, w.start)
            and _AND_THEN.search(sentence.text, max(0, w.start - 20), w.start)
        ):
            continue
        before = [t for t in triggers if t.strong and t.end <= w.start and t.kind in MEETING_KINDS]
        if not before:
            continue
        again = Trigger(before[-1].kind, w.start, w.end, True)
        mentions = trigger_mentions(article, sentence, [before[-1], again], s_actors, s_dates, gaz, ctx)
        for m in mentions:
            if (
                m.trigger_start == sentence.start + again.start
                and m.date
                # (another month: "summit on Monday and met again on Tuesday" is one summit's second day)
                and all(m.date[:7] != (x.date or "")[:7] for x in [*out, *found])
            ):
                found.append(dataclasses.replace(m, ordinal=None))
    return found


# "Kazakhstan, Kyrgyzstan and Tajikistan are the most probable candidates": who a forecast names
_CANDIDATES = re.compile(
    r"\b(?:are|were|remain|look\s+like|seem\s+to\s+be)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:candidates|contenders|choices|picks|bets)\b|\b(?:are|were|is|was)\s+next\s+in\s+line\b"
    r"|\b(?:could|would|will|might|may)\s+(?:well\s+)?be\s+next\b",
    re.I,
)
_NEXT = re.compile(r"\bnext\b", re.I)


def candidates_named(
    article: Article, sentence: Sentence, s_actors: Sequence[ActorMention], ctx: Context
) -> list[Mention]:
    """Return a predicted meeting of the article's hub with each state a sentence names as a likely candidate.

    Why: "Beijing's next partners for the 2+2 format are likely to come from Central Asia. Kazakhstan,
    Kyrgyzstan and Tajikistan are the most probable candidates": the second sentence names no format
    and no hub; they are the article's (the format it last named, the hub its states turn around),
    and the forecast is of the next session, "next" being said in it or in the sentence before.
    """
    match = _CANDIDATES.search(sentence.text)
    kind = ctx.last_named_kind
    if match is None or kind not in MEETING_KINDS or not ctx.hub:
        return []
    before = article.sentences[sentence.index - 1].text if sentence.index > 0 else ""
    if not (_NEXT.search(sentence.text) or _NEXT.search(before)):
        return []
    named = sorted(
        {
            a.code
            for a in s_actors
            if a.type == ActorType.STATE
            and a.code
            and a.code != ctx.hub
            and a.start - sentence.start < match.start()
        }
    )
    return [
        Mention(
            kind=kind,
            status=EventStatus.PREDICTED,
            parties=tuple(sorted((ctx.hub, code))),
            sentence=sentence,
            trigger_start=sentence.start + match.start(),
            trigger_end=sentence.start + match.end(),
            explicit_parties=False,
            cued=False,
        )
        for code in named
    ]


# "The three leaders have met twice, in Sochi and Istanbul": earlier meetings of the article's
# states, one at each place.
_MET_AT_PLACES = re.compile(
    r"\b(?:the\s+(?:two|three|four|five)\s+(?:leaders|presidents|ministers|foreign\s+ministers|defen[cs]e\s+ministers|"
    r"countries|sides|nations)|they)\s+(?:have|had)\s+(?:already\s+|previously\s+)?met\s+"
    r"(?:twice|three\s+times|four\s+times|\d+\s+times)\s*(?:before\s+|previously\s+|so\s+far\s+)?,?\s*(?:in|at)\s+"
    # (the list of places only: not "… in the framework of the Astana talks")
    r"(?P<places>[^.;]{3,120}?)(?=\s+(?:in|within|during|on|as|for|under|at)\s+(?:the|a|an)\b|[.;]|$)",
    re.I,
)

# "ten Summits have been convened in Almaty, Bishkek, Gabala, Bodrum and Astana": a session in each place
_SESSIONS_IN_PLACES = re.compile(
    r"\b(?:(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|\d+)\s+)?"
    r"(?P<noun>summits|meetings|sessions)\s+(?:have|had)\s+(?:so\s+far\s+|since\s+)?been\s+"
    r"(?:convened|held|hosted|organi[sz]ed)\s+in\s+"
    r"(?P<places>[^.;]{3,160}?)(?=\s+(?:in|within|during|on|as|for|under|at|since)\s+|[.;]|$)",
    re.I,
)


def places_met_before(
    out: Sequence[Mention], sentence: Sentence, s_actors: Sequence[ActorMention], ctx: Context
) -> list[Mention]:
    """Return one occurred meeting per place a sentence lists for the times the article's states met before.

    Why: "The three leaders have met twice in Sochi and Istanbul" reports two earlier summits,
    undated; the corpus counts each. The states are the article's, the kind its meeting's.
    """
    match = _MET_AT_PLACES.search(sentence.text) or _SESSIONS_IN_PLACES.search(sentence.text)
    if match is None or len(ctx.focus) < 2:
        return []
    kind = ctx.last_kind or next((m.kind for m in reversed(ctx.previous) if not m.generic), None)
    if match.re is _SESSIONS_IN_PLACES and match.group("noun").lower().startswith("summit"):
        kind = EventKind.SUMMIT
    if kind is None or kind in _DOCUMENT_KINDS:
        return []
    lo, hi = match.start("places"), match.end("places")
    places = [
        a for a in s_actors if a.type == ActorType.PLACE and a.country and lo <= a.start - sentence.start < hi
    ]
    if len(places) < 2:
        return []
    return [
        Mention(
            kind=kind,
            status=EventStatus.OCCURRED,
            parties=ctx.focus,
            sentence=sentence,
            trigger_start=place.start,
            trigger_end=place.end,
            location=Location(city=place.name, country=place.country),
            recurring=True,
            explicit_parties=False,
            earlier=True,
            confidence=0.6,
        )
        for place in places
    ]


# A subject that refers back to the article's format: "such talks", "meetings of this type",
# "the previous two dialogues", "their last three rounds".
_EARLIER_SESSIONS = re.compile(
    r"\b(?:such\s+(?:talks|meetings|summits|dialogues|sessions|consultations|gatherings)"
    r"|(?:meetings|sessions|summits|dialogues|rounds|editions|gatherings)\s+of\s+(?:this|the\s+same)\s+"
    r"(?:type|kind|format)"
    r"|(?:the|their|its)\s+(?:previous|earlier|past|last|preceding)\s+(?:(?:two|three|four|five|six|\d+)\s+)?"
    r"(?:dialogues?|meetings?|rounds?(?:\s+of\s+talks)?|sessions?|summits?|editions?|talks))\b"
    r"(?=[^.;]{0,40}?\b(?:were|was|have\s+been|had\s+been|took\s+place|been\s+held|held)\b)",
    re.I,
)
# What may stand between a listed place and its date: "in Lima, in 2017", "in New Delhi in September 2018".
_PLACE_TO_DATE = re.compile(r",?\s+(?:in|on)\s+(?:early\s+|late\s+|mid-)?$|,\s+$", re.I)


def earlier_sessions(
    sentence: Sentence,
    s_dates: Sequence[DateMention],
    s_actors: Sequence[ActorMention],
    ctx: Context,
    published: str | None,
) -> list[Mention]:
    """Return one occurred session per place and date that a sentence lists for the article's format.

    Why: "The previous two dialogues were held in New Delhi in September 2018 and in
    Washington DC in December 2019", "To date, three meetings of this type have been held: in
    Lima, in 2017, in Santiago in 2018 …", "such talks were also held on the sidelines of SCO
    summits - in Dushanbe in 2014 and in Ufa in 2015" tell past sessions of the format the
    article is about; their subject refers back to it, so the parties are the article's, not a
    grouping named as the setting. Only past dates, each with a place right before it.
    """
    subject = _EARLIER_SESSIONS.search(sentence.text)
    if subject is None:
        return []
    # The format referred to: the last one the article named as a format ("the third top-level
    # meeting in the format Russia-China-Mongolia. Earlier, such talks …"), else the first meeting
    # it reported between its states (bilateral talks included: "the Binational Cabinet").
    named = next(
        (
            m
            for m in reversed(ctx.previous)
            if (m.generic or m.recurring or m.name)
            and m.strong
            and m.kind not in _DOCUMENT_KINDS
            and len(m.parties) >= 2
        ),
        None,
    )
    kind, parties = (named.kind, named.parties) if named else (None, ctx.focus)
    kind = kind or next(
        (
            m.kind
            for m in ctx.previous
            if not m.generic and m.kind not in _DOCUMENT_KINDS and set(m.parties) == set(ctx.focus)
        ),
        ctx.last_kind,
    )
    if not kind or len(parties) < 2:
        return []
    places = [
        a
        for a in s_actors
        if a.type in (ActorType.PLACE, ActorType.STATE) and a.start - sentence.start >= subject.end()
    ]
    found: list[Mention] = []
    for d in sorted(s_dates, key=lambda d: d.start):
        if (
            not d.date
            or d.start - sentence.start < subject.end()
            or (published and not is_before(d.date, published))
        ):
            continue
        place = next(
            (
                a
                for a in reversed(places)
                if a.end <= d.start
                and _PLACE_TO_DATE.search(
                    sentence.text[a.end - sentence.start : d.start - sentence.start] + " "
                )
                and len(sentence.text[a.end - sentence.start : d.start - sentence.start]) <= 12
            ),
            None,
        )
        if place is None or (location := location_named_by(place)) is None:
            continue
        found.append(
            Mention(
                kind=kind,
                status=EventStatus.OCCURRED,
                parties=parties,
                sentence=sentence,
                trigger_start=place.start,
                trigger_end=d.end,
                date=d.date,
                date_end=d.date_end,
                location=location,
                recurring=True,
                explicit_parties=False,
                earlier=True,
                confidence=0.7,
            )
        )
    return found


def listed_dates(
    s_dates: Sequence[DateMention],
    s_actors: Sequence[ActorMention],
    sentence: Sentence,
    clause: tuple[int, int],
    date: str,
    published: str | None,
    future: bool = False,
) -> list[tuple[DateMention, Location | None]]:
    """Return the other past dates listed with an occurred event's date in its clause, a session each
    (with `future`, the other dates to come listed with a planned event's: "to be held in
    Washington in 2024, in 2025 in the Netherlands").

    Why: "held in Kazakhstan in 2022 and Kyrgyzstan in June 2023", "signed in 1961, 2000 and
    2001" report several occasions of one kind with one verb. Only a list counts (dates joined
    by commas and "and", perhaps each with its place), and only dates a month apart or more
    in the past: "on March 3 and 5" is one meeting over two days. Each date comes with the
    place named just before it, if any.
    """
    # (the list may run past the clause's comma: "signed in 1961, 2000 and 2001")
    inside = sorted(
        (d for d in s_dates if d.date and clause[0] <= d.start - sentence.start), key=lambda d: d.start
    )
    at = next((i for i, d in enumerate(inside) if d.date == date), None)
    if at is None or len(inside) < 2:
        return []
    chain = [inside[at]]
    for step in (-1, 1):
        i = at
        while 0 <= i + step < len(inside):
            a, b = sorted((inside[i], inside[i + step]), key=lambda d: d.start)
            if not _LIST_GAP.fullmatch(sentence.text[a.end - sentence.start : b.start - sentence.start]):
                break
            chain.append(inside[i + step])
            i += step
    others = {
        d.date: d
        for d in chain
        if d.date is not None
        and d.date[:7] != date[:7]
        and (published is None or is_before(d.date, published) != future)
    }
    # Which side of its date a place stands on: "Kazakhstan in 2022 and Kyrgyzstan in June 2023"
    # (before) or "in 1993 in Gdansk, followed in 1998 in Poznan" (after).
    places_after = any(
        (gap := _LIST_GAP.fullmatch(sentence.text[a.end - sentence.start : b.start - sentence.start]))
        and gap.group("after")
        for a, b in itertools.pairwise(sorted(chain, key=lambda d: d.start))
    )
    return [
        (
            d,
            place_next_to(d, chain, s_actors, after=places_after)
            # "in Washington in 2024, in 2025 in the Netherlands": the last one's place follows it
            or (None if places_after else place_next_to(d, chain, s_actors, after=True)),
        )
        for d in others.values()
    ]


def place_next_to(
    d: DateMention, chain: Sequence[DateMention], s_actors: Sequence[ActorMention], after: bool = False
) -> Location | None:
    """Return the place a listed date comes with: named between it and the date before it
    ('… and Kyrgyzstan in June 2023'), or, with `after`, right after it ('1998 in Poznan')."""
    if after:
        lo, hi = d.end, min((o.start for o in chain if o.start >= d.end), default=d.end + 40)
        hi = min(hi, d.end + 40)
    else:
        lo, hi = max((o.end for o in chain if o.end <= d.start), default=d.start), d.start
    return next(
        (loc for a in s_actors if lo <= a.start < a.end <= hi and (loc := location_named_by(a))), None
    )


def location_named_by(a: ActorMention) -> Location | None:
    "Return the venue an actor names: a city with its state, or a state alone; None for anything else."
    if a.type == ActorType.PLACE and a.country:
        return Location(city=a.name, country=a.country)
    if a.type == ActorType.STATE and a.code:
        return Location(city=None, country=a.code)
    return None


# Words saying a grouping met below the level of its leaders.
_BELOW_LEADERS = re.compile(
    r"\b(?:minist\w*|officials?|coordinators?|diplomats?|envoys?|chiefs?|deputies|sherpas?|negotiators?|experts?|"
    r"secretar(?:y|ies)|commanders?|generals?|admirals?|delegat\w*|parliament\w*|lawmakers?|defen[cs]e\s+heads)\b",
    re.I,
)
# "the 12th Annual bilateral consultation", "the Fourth Annual Consultation"
_ANNUAL_CONSULTATION = re.compile(r"\bannual\s+(?:(?:bilateral|leaders['’]?)\s+)?consultations?\b", re.I)
_LEADER_TITLE = re.compile(r"\b(?:Prime\s+Minister|President|Chancellor|King|Emir|Sultan)\b")
_OFFICIALS = re.compile(
    r"\b(?:(?:senior\s+)?officials?['’]?|coordinators|sherpas|experts['’]?|deputy\s+ministers|working\s+groups?)\b",
    re.I,
)
_LEADERS_NEAR = re.compile(r"\b(?:leaders|heads\s+of\s+state|presidents|summit)\b", re.I)
LEADERS = re.compile(
    r"(?<!military\s)(?<!Military\s)(?<!business\s)(?<!Business\s)(?<!religious\s)(?<!opposition\s)(?<!party\s)"
    r"(?<!defence\s)(?<!Defence\s)(?<!defense\s)(?<!Defense\s)"  # "UK Defence leaders have visited Washington"
    r"\b(?:leaders|heads\s+of\s+(?:state|government)|presidents|prime\s+ministers|summit)\b",
    re.I,
)


# A meeting verb that points back at a format's sessions: "the ministers last met in Tokyo",
# "their previous talks were held in Australia", "the four ministers met".
_BACK_TO_FORMAT = re.compile(
    r"\b(?:ministers|previous|last\s+met|last\s+(?:round|session|meeting|talks)|earlier\s+rounds?)\b"
    r"|^\W*the\s+(?:talks|meeting|discussions|consultations)\b",
    re.I,
)


_COMPOUND_LINK = re.compile(r"[-–/]")
_COMPOUND_TO_TRIGGER = re.compile(r"(?:['’]s)?\s*(?:[\w-]+\s+){0,2}$")


def compound_pair(
    sentence: Sentence, trig: Trigger, s_actors: Sequence[ActorMention]
) -> tuple[str, ...] | None:
    """Return the two states of a hyphenated compound right before a trigger ("the India-US 2+2").

    A bilateral format so named has exactly those parties, whatever else the sentence names.
    """
    text = sentence.text
    chain: list[ActorMention] = []
    for a in reversed(s_actors):
        end = a.end - sentence.start
        if end > trig.start:
            continue
        if not chain:
            if not _COMPOUND_TO_TRIGGER.fullmatch(text[end : trig.start]) or end < trig.start - 25:
                return None
        elif not _COMPOUND_LINK.fullmatch(text[end : chain[-1].start - sentence.start]):
            break
        if a.type != ActorType.STATE or not a.code:
            return None
        chain.append(a)
    codes = tuple(dict.fromkeys(a.code for a in reversed(chain) if a.code))
    return codes if len(codes) == 2 and len(chain) == 2 else None


_BETWEEN_AFTER = re.compile(r"\s+(?:held\s+|signed\s+)?between\s+(?:the\s+)?$")
_AND_BETWEEN = re.compile(r"\s+and\s+(?:the\s+)?")


_DOCUMENT_BETWEEN = re.compile(
    r"\b(?:agreements?|treat(?:y|ies)|deals?|accords?|pacts?|memorand(?:um|a)|MoUs?|protocols?)\s+between\b"
)


def pair_of_a_later_trigger(
    sentence: Sentence, trig: Trigger, triggers: Sequence[Trigger], s_actors: Sequence[ActorMention]
) -> set[str]:
    """Return the states that only a later trigger's "between A and B" names in the sentence.

    Why: a clause that strings a meeting and another event ("met the President … and also
    witnessed an agreement between Pakistan and Afghanistan") names the second one's parties
    after its own trigger; they are not the first one's. A state also named elsewhere in the
    sentence (the host's "Pakistani President") stays.
    """
    owned: set[str] = set()
    # (a document named without a verb of signing owns its pair too: "witnessed a transit trade
    # agreement between Pakistan and Afghanistan")
    nouns = [
        Trigger(EventKind.AGREEMENT, m.start(), m.end(), True)
        for m in _DOCUMENT_BETWEEN.finditer(sentence.text, trig.end)
    ]
    for later in [*triggers, *nouns]:
        if later.start <= trig.end or not (pair := between_pair(sentence, later, s_actors)):
            continue
        span_end = later.end + 100
        for code in pair:
            elsewhere = any(
                (a.code if a.type == ActorType.STATE else a.country) == code
                and not later.start <= a.start - sentence.start < span_end
                for a in s_actors
                if a.type in (ActorType.STATE, ActorType.PERSON)
            )
            if not elsewhere:
                owned.add(code)
    return owned


def between_pair(
    sentence: Sentence, trig: Trigger, s_actors: Sequence[ActorMention]
) -> tuple[str, ...] | None:
    """Return the two states of "<trigger> between A and B" ("the Helsinki summit between the U.S. and Russia").

    Other states of the sentence (the next summit's, the venue's) are not its parties.
    """
    text = sentence.text
    after = [a for a in s_actors if a.start - sentence.start >= trig.end]
    if len(after) < 2:
        return None
    if re.search(r"\bbetween$", text[trig.start : trig.end], re.I) or re.match(
        r"\s+between\s", text[trig.end :]
    ):
        # "the upcoming meeting between US President Joe Biden and his South Korean counterpart Yoon
        # Suk Yeol": the two sides, by state or by person, whatever else the sentence names
        sides: dict[str, int] = {}
        # (up to another "between": "a summit between Biden and Kishida and consultations between Australian and
        # British ministers" names two pairs)
        another = _BETWEEN_WORD.search(text, trig.end + 10)
        limit = another.start() if another else len(text)
        for a in after:
            code = a.code if a.type == ActorType.STATE else a.country if a.type == ActorType.PERSON else None
            if code and a.start - sentence.start - trig.end <= 100 and a.start - sentence.start < limit:
                sides.setdefault(code, a.start - sentence.start)
        if len(sides) == 2:
            one, two = sorted(sides.values())
            if re.search(r"\sand\s", text[one:two]):
                return tuple(sorted(sides))
    first, second = after[0], after[1]
    f_start, f_end = first.start - sentence.start, first.end - sentence.start
    if not _BETWEEN_AFTER.fullmatch(text[trig.end : f_start]) or f_start - trig.end > 25:
        return None
    if not _AND_BETWEEN.fullmatch(text[f_end : second.start - sentence.start]):
        return None
    if any(a.type != ActorType.STATE or not a.code for a in (first, second)) or first.code == second.code:
        return None
    return tuple(sorted((first.code or "", second.code or "")))


_BETWEEN_WORD = re.compile(r"\bbetween\b", re.I)


def between_pair_before(
    sentence: Sentence, trig: Trigger, s_actors: Sequence[ActorMention]
) -> tuple[str, ...] | None:
    """Return the two states of "between A and B <trigger>" ("consultations between Australian and British foreign
    and defence ministers").

    Why: the adjectives name the ministers' states; other states of the sentence (the summit "between US President
    Joe Biden and Japanese Prime Minister Fumio Kishida" before it) are another meeting's.
    """
    text = sentence.text
    before = [
        a for a in s_actors if a.type == ActorType.STATE and a.code and a.end - sentence.start <= trig.start
    ]
    if len(before) < 2:
        return None
    first, second = before[-2], before[-1]
    f_start, f_end = first.start - sentence.start, first.end - sentence.start
    s_start, s_end = second.start - sentence.start, second.end - sentence.start
    if (
        first.code == second.code
        or not re.fullmatch(r"\s+and\s+(?:the\s+)?", text[f_end:s_start])
        or not re.fullmatch(r"\s*", text[s_end : trig.start])
        or not re.search(r"\bbetween\s+(?:the\s+)?$", text[max(0, f_start - 14) : f_start])
    ):
        return None
    return tuple(sorted((first.code or "", second.code or "")))


_DEFINITE_BEFORE = re.compile(
    r"(?:^|[.;:]\s+|,\s+)(?:the|this|that|this\s+year['’]s|(?:the|this)\s+(?:\w+[- ])?in-person)\s+$", re.I
)
_THEIR_OWN_BEFORE = re.compile(r"\btheir\s+(?:next|last|previous|own|first|annual)\s+(?:[\w'’-]+\s+)?$", re.I)


def definite_referent(
    sentence: Sentence,
    trig: Trigger,
    kind: str,
    codes: set[str],
    s_actors: Sequence[ActorMention],
    ctx: Context,
) -> Mention | None:
    """Return the earlier meeting a definite description opening a clause refers back to.

    "The foreign ministers' meeting supported …" right after a sentence reporting that
    meeting names it again; the states the sentence also names ("Tajikistan's proposal")
    are what it discussed, and all belong to it. None when the states named are not all
    its parties (then it is another meeting of the same kind), and None for a summit with
    a name of its own ("the Web Summit", "the G20 summit", "the Summit for Democracy").
    """
    if kind not in MEETING_KINDS:
        return None
    text = sentence.text
    if _NAME_GOES_ON.match(text, trig.end):
        return None  # "The Summit for Democracy, convened by the United States": a summit of its own
    preceding = text[max(0, trig.start - 40) : trig.start]
    same_kind = (
        bool(_DEFINITE_BEFORE.search(preceding))
        or (
            kind == EventKind.SUMMIT
            and bool(
                re.search(
                    r"\bthe\s+(?:(?:extraordinary|special|ordinary|upcoming|forthcoming|coming|latest|recent|same|"
                    r"annual|virtual|trilateral|tripartite|quadrilateral|quadripartite|three-way|four-way)\s+)?$",
                    preceding,
                    re.I,
                )
            )
        )
        or (
            # "The Bahrain summit is the first …": the summit the article reports, by its host's name
            kind == EventKind.SUMMIT
            and (named := re.search(r"\b[Tt]he\s+((?:[A-Z][\w'’-]+\s+){1,2})$", preceding)) is not None
            and names_a_venue(sentence, trig.start - len(named.group(1)), trig.start, s_actors)
        )
    )  # "…arrived to participate in the summit", "the issues of the extraordinary summit": the article's
    if not same_kind and not _THEIR_OWN_BEFORE.search(preceding):
        return None
    for m in itertools.islice(reversed(ctx.previous), 4):
        if m.background or m.generic or len(m.parties) <= max(len(codes), 2):
            continue
        if m.kind == kind or (not same_kind and m.kind in MEETING_KINDS):
            # "their next summit": the states whose meeting the sentence is about, at any level
            return m if codes <= set(m.parties) else None
    return None


def pair_referred_back(
    sentence: Sentence, trig: Trigger, kind: str, codes: set[str], ctx: Context
) -> Mention | None:
    """Return the meeting of two just reported that a sentence opening on "The visit" or "The talks" comments on.

    Why: "The visit was seen as sudden and unannounced, in the wake of China trying to increase its
    footprint around India's periphery" says something of the visit the sentence before reported
    (India's to Bangladesh); the states of the comment are not a new meeting's parties. Only a bare
    definite subject with no participants after it ("The visit to China", "The talks between …",
    "The meeting with …" name their own) and only the last meeting reported, of the same kind.
    """
    if trig.strong or not codes or not _BARE_DEFINITE_SUBJECT.match(sentence.text, 0, trig.start):
        return None
    if _OWN_PARTICIPANTS_AFTER.match(sentence.text, trig.end):
        return None
    last = ctx.previous[-1] if ctx.previous else None
    if (
        last is None
        or last.background
        or last.generic
        or last.kind != kind
        or len(last.parties) != 2
        or set(last.parties) == codes
        or not codes & set(last.parties)
    ):
        return None
    return last


_BARE_DEFINITE_SUBJECT = re.compile(
    r"\W*(?:The|This|That)\s+(?:(?:recent|latest|two-day|three-day|one-day|official|state|working|bilateral|"
    r"high-level)\s+)?$"
)
_OWN_PARTICIPANTS_AFTER = re.compile(r"\s*(?:between|with|of|by|to|in|among|and)\b", re.I)


# A capitalised trigger whose name goes on: "the Summit for Democracy", "the Summit on Climate Finance".
# ("the Summit of ECOWAS heads of state", "the IX Summit of the Community of …" are the grouping's)
_NAME_GOES_ON = re.compile(
    r"(?<=[A-Z][a-z]{5})\s+(?:for|on)\s+(?:the\s+)?"
    r"(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July|August|"
    r"September|October|November|December)[A-Z]"
)


def names_a_venue(sentence: Sentence, start: int, end: int, s_actors: Sequence[ActorMention]) -> bool:
    """Return whether the words between `start` and `end` are a state or a place, and nothing else.

    Why: "The Bahrain summit is the first …" is the article's summit named by its host, but
    "the Web Summit" and "the G20 summit" are other summits: a name that is no place, or a
    grouping's name, does not point back.
    """
    covered = actors_over(sentence, start, end, s_actors)
    return bool(covered) and all(a.type in (ActorType.STATE, ActorType.PLACE) for a in covered)


def actors_over(
    sentence: Sentence, start: int, end: int, s_actors: Sequence[ActorMention]
) -> list[ActorMention]:
    "Return the actors that overlap the span `start`–`end` of the sentence (offsets within it)."
    return [a for a in s_actors if a.start - sentence.start < end and a.end - sentence.start > start]


# Words of a summit's name that say what kind of summit it is, not whose: "the Leaders' Summit".
_GENERIC_NAME_WORD = re.compile(
    r"(?:The|Leaders?['’]?s?|Heads?|State|Government|Annual|Special|Extraordinary|Ordinary|Informal|Virtual|"
    r"Inaugural|Foreign|Defen[cs]e|Ministers?['’]?s?|[IVXLC]+|"
    r"Emergency|Bilateral|Trilateral|Quadrilateral|Multilateral|Tripartite|Quadripartite|Consultative|Joint|"
    r"Inter-?[Gg]overnmental|High-[Ll]evel|Official|Working|"
    r"Ministerial|Regional|Next|Last|"
    r"First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|\d+(?:st|nd|rd|th)|\d{4}|"
    # a region's name is whose summit it is, not a name of its own ("the China–Central Asia Summit")
    r"(?:Central|East|West|North|South|Southeast|Northeast|Latin|Indo-)?(?:Asian?|Africa[n]?|Europe(?:an)?|"
    r"Americas?|Pacific|Arab|Gulf|Nordic|Baltic|Caribbean|Mediterranean|Atlantic|Eurasian?|Islamic|Ibero-American))"
)


def summit_of_its_own_name(sentence: Sentence, trig: Trigger, s_actors: Sequence[ActorMention]) -> bool:
    """Return whether a capitalised "Summit" is the name of a gathering that no state's name marks.

    Why: "He attended the Web Summit in Lisbon", "The Summit for Democracy brought together …",
    "the Global Investors Summit" are not the summit an article reports, and no states of
    theirs are named: taking the article's last summit's parties made a false summit of each.
    "The Leaders' Summit", "the Riyadh Summit" and "the ASEAN Summit" still point back or name
    their own states.
    """
    text = sentence.text
    if not re.fullmatch(r"Summit", text[trig.start : trig.end]):
        return False
    if _NAME_GOES_ON.match(text, trig.end):
        return True
    # (after "the": a title-case headline's "South Africa To Host Next AU Summit" names no summit)
    words = re.search(
        r"\b[Tt]he\s+((?:[A-Z0-9][\w'’&.–—-]*\s+){1,4})$", text[max(0, trig.start - 60) : trig.start]
    )
    if words is None:
        return False
    offset = trig.start - len(words.group(1))
    for w in re.finditer(r"\S+", words.group(1)):
        start, end = offset + w.start(), offset + w.end()
        if _GENERIC_NAME_WORD.fullmatch(w.group()):
            continue
        if actors_over(sentence, start, end, s_actors):
            continue
        return True
    return False


# A meeting with someone named before by a pronoun: "my last meeting with him".
_WITH_HIM = re.compile(r"\bwith\s+(?:him|her)\b", re.I)


def format_referred_to(clause: str, codes: set[str], ctx: Context) -> str | None:
    """Return the kind of the format a meeting verb refers back to, if the article has one for these parties.

    Why: a report of a 2+2 says "the ministers' previous talks were held in Australia";
    without the format word, the verb alone would be coded as bilateral talks.
    """
    if not _BACK_TO_FORMAT.search(_QUOTED.sub(" ", clause)):  # (not in what someone is quoted saying)
        return None
    for m in reversed(ctx.previous):
        if m.kind in MEETING_KINDS and set(m.parties) == codes:
            return m.kind
    return None


def members_on(
    parties: tuple[str, ...], groupings: Sequence[str], date: str, gaz: Gazetteer
) -> tuple[str, ...]:
    """Return the parties with each grouping's members taken on the event's date, not the article's.

    Why: "The SCO was founded in 2001" had six founders; an article of 2025 would
    otherwise give it the ten members of 2025. States named on their own are kept.
    """
    now = set()
    then = set()
    for gid in groupings:
        grouping = gaz.groupings.get(gid)
        if grouping is None:
            continue
        now |= set(grouping.members_at(None)) | {code for code, _, _ in grouping.memberships}
        then |= set(grouping.members_at(date))
    if not then:
        return parties
    return tuple(sorted((set(parties) - now) | then))


# A leg of a trip joined to the one before it: "… and on August 23 visited Ukraine", ", and in
# December he travelled to Jakarta", "and then met".
_LEG_OPENER = re.compile(
    r"(?:,\s*|\s+)and\s+(?:(?:then|later)\s+|(?:on|in|at|during)\s+(?:(?:early|late|mid|the)\s+)?"
    r"(?:(?-i:[A-Z0-9])[\w.-]*,?\s+){1,4}(?:(?:he|she|they)\s+)?|(?:he|she|they)\s+"
    # ("met Xi in Beijing last month and will meet Moon on April 27", ", and is set to meet"): a new tense
    r"|(?=(?:is|are|will|was|has|have)\s+(?:also\s+)?(?:set|scheduled|due|expected|slated|to|meet|visit|travel|hold)\b))(?=[a-z])",
    re.I,
)
_PRONOUN_TRAVELLER = re.compile(r"\W*(?:He|She)\s+(?:\w+\s+)?")


def coordinated_legs(
    text: str, trig: Trigger, triggers: Sequence[Trigger], c_start: int, c_end: int
) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """Return (the subject's span, the trigger's own leg) when a clause strings meetings of one traveller.

    Why: "He visited Moscow and met President Putin and on August 23 visited Ukraine and met
    President Zelenskyy" is two meetings, each with its own host; read as one clause, every
    meeting verb took both hosts. A new leg opens with "and" and a day, a place or a new
    subject ("and on August 23", ", and in December he"); "visited Moscow and met Putin" is one
    leg. The subject before the first verb takes part in each. None when the clause holds one leg.
    """
    verbs = sorted(
        (t for t in triggers if not t.strong and c_start <= t.start < c_end), key=lambda t: t.start
    )
    if len(verbs) < 2 or trig not in verbs:
        return None
    cuts = []
    for before, verb in itertools.pairwise(verbs):
        # (the opener may look ahead into the verb: "and will meet")
        openers = [m for m in _LEG_OPENER.finditer(text, before.end, verb.end) if m.end() <= verb.start + 1]
        if openers:
            cuts.append(openers[-1].start())
    if not cuts:
        return None
    bounds = [verbs[0].start, *cuts, c_end]
    for a, b in itertools.pairwise(bounds):
        if a <= trig.start < b:
            return (c_start, verbs[0].start), (a, b)
    return None


# "Saudi Arabia and Uzbekistan have signed agreements, and Qatar has opened embassies": after a clause
# with a verb of its own, ", and" with a named subject and an auxiliary opens another clause (not
# "Saudi Arabia, Qatar, and Oman have signed": no verb before the comma)
# (a subject may be a possessive: ", and Turkey's Organization of Turkic States brings together three")
_CLAUSE_SUBJECT = (
    r"(?:the\s+)?[A-Z][\w.’'-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w.’'-]*){0,5}\s+"
    r"(?:now\s+|also\s+|since\s+|then\s+)?"
)
_AND_NEW_SUBJECT = re.compile(
    r",\s+and\s+(?="
    + _CLAUSE_SUBJECT
    + r"(?:has|have|had|is|are|was|were|will|would|holds|hosts|runs|maintains|conducts|convenes|brings|plans|"
    r"held|met|[a-z]{3,}ed)\s"
    # ", and its next summit will be held in Bamako": a clause about the format's next session
    r"|(?:its|their)\s+(?:next|last|previous|first|second|third|upcoming)\s+[a-z]+\s+(?:will|is|was|would)\s)"
)
# "an official request has been made … and a discussion was held between Abiy and Guelleh": a meeting reported in
# a clause of its own, after another act
_AND_A_MEETING_HELD = re.compile(
    r"\s+and\s+(?=(?:a|an|the)\s+(?:[\w-]+\s+){0,2}(?:discussions?|meetings?|talks|sessions?|consultations?)\s+"
    r"(?:was|were)\s+(?:held|conducted)\b)",
    re.I,
)
# "the foreign ministers of China, Japan, and South Korea held": the last of a list of names, no new subject
_LIST_BEFORE = re.compile(r"(?:,|\bof|\band)\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2}$")
# "China held its second summit in Astana in June, Russia convenes the five at the CIS, and …": a comma
# alone before a new subject and its verb, after a clause with a verb of its own
_COMMA_NEW_SUBJECT = re.compile(
    r",\s+(?="
    + _CLAUSE_SUBJECT
    + r"(?:has|have|had|holds|hosts|runs|maintains|conducts|convenes|brings|plans|leads|chairs|meets|held|hosted|"
    r"convened|launched|staged)\s)"
)
_FINITE_VERB = re.compile(
    r"\b(?:has|have|had|is|are|was|were|will|would|met|held|signed|agreed|said|plans|holds|hosts|convenes|"
    r"[a-z]{3,}ed)\b"
)


# The sides of an event named right after its trigger: "signed on November 5 between …".
_SIDES_NAMED_AFTER = re.compile(
    r"[^.;:,]{0,30}?\bbetween\s+(?:the\s+)?(?-i:[A-Z])[^.;:,]{2,60}?\s+and\s+(?:the\s+)?(?-i:[A-Z])"
)
_SIDES_END = re.compile(
    r"[,;.]|\s(?:was|were|is|are|has|have|will|which|who|in|at|on|during|amid|after|before|under)\s"
)


def clauses_of(text: str) -> list[tuple[int, int]]:
    "Split a sentence into clause spans at semicolons, dashes and contrastive conjunctions."
    spans, last = [], 0
    opener = _PARTICIPLE_OPENER.match(text)
    if opener:
        # "Addressing the 18th meeting of the RIC foreign ministers, Jaishankar said the three
        # must cooperate": the meeting he addressed is not what "must" proposes
        spans.append((0, opener.end() - 1))
        last = opener.end()
    # "King Abdullah, addressing the GCC summit, calls for a union": the phrase is a clause of its own
    cuts: list[tuple[int, int, tuple[int, int] | None]] = [
        (m.start(), m.end(), None) for m in CLAUSE_BREAK.finditer(text, last)
    ]
    cuts += [
        (m.start(), m.end(), (m.start() + 1, m.end() - 1)) for m in _PARTICIPLE_INSIDE.finditer(text, last)
    ]
    # ("U.S. ships conducted drills with French and Japanese ships, and held separate exercises with Indian
    # warships": the subject's second act, with partners of its own)
    cuts += [(m.start(), m.start() + 1, None) for m in _AND_SECOND_ACT.finditer(text, last)]
    cuts += [
        (m.start(), m.end(), None)
        for pattern in (_AND_NEW_SUBJECT, _COMMA_NEW_SUBJECT, _AND_A_MEETING_HELD)
        for m in pattern.finditer(text, last)
        if _FINITE_VERB.search(text, last, m.start()) and not _LIST_BEFORE.search(text, last, m.start())
    ]
    for start, end, own in sorted(cuts):
        if start < last:
            continue
        if start > last:
            spans.append((last, start))
        if own:
            spans.append(own)
        last = end
    spans.append((last, len(text)))
    return spans


_SERIES_STARTED = re.compile(
    r"\b(?:summits|meetings|dialogues|sessions)\s+(?:(?:only|first|have|had|were)\s+){0,2}(?:started|began|commenced)\b",
    re.I,
)
# A quotation that ends with who said it: '"…," he said', '"…," Jaishankar posted on X'.
_SPEAKER_AFTER_QUOTE = re.compile(
    r"[\"”],?\s+(?:(?P<pronoun>he|she)|(?P<name>(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.’'-]*))\s+"
    r"(?:said|posted|wrote|tweeted|added|told)\b"
)


# '… he wrote, "Good to meet …"': the speaker before the quotation.
_SPEAKER_BEFORE_QUOTE = re.compile(
    r"(?:^|,\s+|\b(?:and|then)\s+)(?:(?P<pronoun>he|she)|(?P<name>(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.’'-]*))\s+"
    r"(?:said|posted|wrote|tweeted|added)(?:\s+on\s+(?:X|Twitter))?\s*[,:]\s*[\"“]"
)


def followed_by_its_country(
    place: ActorMention, s_actors: Sequence[ActorMention], sentence: Sentence
) -> bool:
    "True when a city is written with its country after a comma ('in Qingdao, east China', 'Bishkek, Kyrgyzstan')."
    gap = re.match(r",\s+(?:[a-z-]+\s+)?", sentence.text[place.end - sentence.start :])
    if gap is None:
        return False
    at = place.end + gap.end()
    return any(a.type == ActorType.STATE and a.code == place.country and a.start == at for a in s_actors)


def quote_speaker_state(sentence: Sentence, s_actors: Sequence[ActorMention], ctx: Context) -> str | None:
    """Return the state of whoever says a sentence that opens with a quotation, else None.

    Why: a minister's own words on a meeting ('"Good to meet the new Egyptian FM," he said') name
    only the one he met; he is the other side.
    """
    text = sentence.text
    m = _SPEAKER_BEFORE_QUOTE.search(text)
    if m is None and text.lstrip().startswith(('"', "“")):
        m = _SPEAKER_AFTER_QUOTE.search(text)
    if m is None:
        return None
    if m.group("pronoun"):
        return ctx.last_person_state
    start, end = sentence.start + m.start("name"), sentence.start + m.end("name")
    person = next(
        (a for a in s_actors if a.type == ActorType.PERSON and a.country and start <= a.start < end), None
    )
    return person.country if person else None


_BEING_HELD = re.compile(r"\b(?:is|are)\s+being\s+(?:held|hosted|organi[sz]ed|convened)\b", re.I)
_HISTORIC_YEAR = re.compile(r"\b(?:in|of|since|from)\s+1[0-8]\d\d\b")
_NEXT_LEG = re.compile(
    r"\s*before\s+(?:heading|travell?ing|flying|leaving|departing|going|moving\s+on)\b", re.I
)
_WAS_HELD = re.compile(r"\b(?:was|were)\s+(?:\w+\s+)?(?:held|convened|hosted)\b", re.I)
_CITY_OF_DEMONYM = re.compile(
    r"\s+(?:city|town|port|resort|village)\s+of\s+((?-i:[A-Z])[\w'’-]+(?:[ -](?-i:[A-Z])[\w'’-]+)?)", re.I
)
_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]")
# Groupings whose ministers are the defence ministers: their bare "Ministerial Meeting" is theirs.
_DEFENCE_FORMATS = frozenset({"nordefco", "northern_group", "admm"})
# "the two leaders", "both defence ministers": the subject is the pair the article is about.
_TWO_OF_THEM = re.compile(
    r"\b(?:the\s+two|both)\s+(?:(?:foreign|defen[cs]e)\s+)?(?:leaders|ministers|presidents|prime\s+ministers|"
    r"heads\s+of\s+(?:state|government)|counterparts|chiefs)\b(?!\s+(?:of|from)\b)",
    re.I,
)
_BINATIONAL = re.compile(r"\bbi-?national\b", re.I)
_BOTH_BEFORE = re.compile(r"\b(?:both|the\s+two)\s+(?:countries|sides|nations|states|governments)\b", re.I)


# A participle of taking part in a meeting between commas inside a sentence.
_PARTICIPLE_INSIDE = re.compile(
    r",\s+(?:addressing|speaking\s+(?:at|to)|attending|chairing|opening|closing)\s[^,;:]{3,150},"
)


# A sentence opening with a participle of taking part in a meeting: "Addressing the summit, …",
# "Speaking at the forum, …".
_PARTICIPLE_OPENER = re.compile(
    r"^\W*(?:Addressing|Speaking\s+(?:at|to|during|on\s+the\s+(?:sidelines|margins)\s+of)|Attending|"
    r"Participating\s+in|Chairing|Co-chairing|Opening|Closing|Hosting)\s[^,;:]{3,150},\s"
)


# The most pairs a grouping's members are split into: beyond it, the sentence names no one in particular.
_MOST_PAIRS_OF_A_GROUPING = 12


# A meeting or agreement "with other (European) partners", "with other countries": an unnamed subset.
_WITH_UNNAMED_OTHERS = re.compile(
    r"\s+with\s+(?:the\s+)?other\s+(?:[A-Z][\w-]+\s+)?(?:countries|nations|states|partners|governments|members)\b"
)


# "I" or "we" as the subject of the clause: "Afterwards, I held a meeting with …", "we just signed …",
# "Tomorrow, I am scheduled to pay a courtesy call on …".
_FIRST_PERSON_SUBJECT = re.compile(
    r"(?:^\W*(?:[^,;]{0,40},\s*)?|[,;]\s*|\band\s+)(?-i:I|[Ww]e)\s+(?:[\w’'-]+\s+){0,5}$"
)

# What names a first-person text's speaker: "Press Conference by Foreign Minister …", "Remarks by …", and a
# speaker's label opening a paragraph ("Mr. MOTEGI Toshimitsu, Minister for Foreign Affairs: Good evening").
_SPOKEN_BY = re.compile(
    r"\b(?:Press\s+Conference|Remarks|Statement|Speech|Address|Interview|Op-?[Ee]d|Article|Message|Briefing|"
    r"Opening\s+Remarks)\s+by\s+(?:the\s+)?[^.;:]{0,60}$",
    re.I,
)
_SPEAKER_LABEL_AFTER = re.compile(r"(?:,[^.;:\n]{0,60})?:\s")
_SPEAKER_LABEL_BEFORE = re.compile(r"^\W*(?:(?:Mr|Ms|Mrs|Dr|H\.E)\.?\s+)?$")
# How far into a text its speaker is named: the title block and the first paragraph of remarks.
_SPEAKER_SENTENCES = 8


def speaker_of(article: Article, by_sentence_actors: Mapping[int, Sequence[ActorMention]]) -> Person | None:
    """Return the person a first-person text is spoken by (a minister's press conference, remarks, op-ed), if named.

    Why: a transcript says "I held a meeting with Minister Enkhtaivan" and "we signed an exchange of
    notes"; who "I" is, and so which state took part, the title or the speaker's label says once.
    """
    for sentence in article.sentences[:_SPEAKER_SENTENCES]:
        for a in by_sentence_actors.get(sentence.index, ()):
            if a.type != ActorType.PERSON or not a.country or not a.role:
                continue
            start, end = a.start - sentence.start, a.end - sentence.start
            if _SPOKEN_BY.search(sentence.text, 0, start) or (
                _SPEAKER_LABEL_BEFORE.match(sentence.text[:start])
                and _SPEAKER_LABEL_AFTER.match(sentence.text, end)
            ):
                return Person(name=a.name, country=a.country, role=a.role)
    return None


def subject_of_the_clause(before: str, ctx: Context) -> tuple[str | None, Person | None]:
    """Return the state and person a pronoun or bare title opening the clause stands for, if any.

    Why: "he" is the person last named; "the Prime Minister" is the prime minister last named, who
    may not be the last person ("Modi met Zuma. The Prime Minister also met Mugabe" is Modi's).
    """
    found = _PRONOUN_SUBJECT.search(before) or _POSSESSIVE_OPENER.search(before)
    if found is None or not ctx.last_person_state:
        return None, None
    if (role := role_of_the_title(found.group())) is not None:
        person = ctx.people_by_role.get(role)
        if person is not None and person.country:
            return person.country, person
    last = ctx.last_person
    return ctx.last_person_state, last if last is not None and last.country == ctx.last_person_state else None


def bare_title_between(text: str, trig: Trigger, ctx: Context) -> Person | None:
    """Return the person a bare title right after "a meeting between" stands for, if the article named one.

    Why: "a meeting between the President and Prime Minister Tsipras" names one side by office
    alone; the holder of that office last named is that side, as "the Prime Minister also met" is.
    """
    if not re.search(r"\bbetween$", text[trig.start : trig.end], re.I):
        return None
    title = _BARE_TITLE_AFTER.match(text, trig.end)
    if title is None:
        return None
    role = role_of_the_title(title.group())
    return ctx.people_by_role.get(role) if role is not None else None


def role_of_the_title(words: str) -> str | None:
    "Return the office the first bare title in `words` names ('the Prime Minister' → head of government), if any."
    return next((role for title, role in _ROLE_OF_SUBJECT if title.search(words)), None)


# A bare title, not followed by "of" or by a name: "the President and …".
_BARE_TITLE_AFTER = re.compile(
    r"\s+the\s+(?:prime\s+minister|premier|chancellor|president|(?:foreign|external\s+affairs)\s+minister|"
    r"secretary\s+of\s+state|defen[cs]e\s+minister)\b(?!\s+(?:of\b|(?-i:[A-Z])))",
    re.I,
)


# The office a bare title names: "the Prime Minister also met …".
_ROLE_OF_SUBJECT = (
    (re.compile(r"\bthe\s+(?:prime\s+minister|premier|chancellor)\b", re.I), "head of government"),
    (re.compile(r"\bthe\s+president\b", re.I), "head of state"),
    (
        re.compile(r"\bthe\s+(?:(?:foreign|external\s+affairs)\s+minister|secretary\s+of\s+state)\b", re.I),
        "foreign minister",
    ),
    (re.compile(r"\bthe\s+defen[cs]e\s+minister\b", re.I), "defence minister"),
)
_PRONOUN_SUBJECT = re.compile(
    # ("On Monday the president held talks with …": after a time or place that opens the sentence)
    r"(?:^(?:\W*(?:on|in|later|earlier|then|afterwards|subsequently)\b[^,;]{0,30}?\s)?|[,;]\s*|\band\s+)"
    r"(?:he|she|the\s+(?:prime\s+minister|president|premier|chancellor|(?:foreign|external\s+affairs)\s+minister|"
    r"defen[cs]e\s+minister|secretary(?:\s+of\s+state)?|minister|(?:two\s+|visiting\s+)?ministers|delegation))\s+(?:(?:is|are|was|will|would|also|expected|due|scheduled|set|to|then|later)\s+){0,4}"
    # ("The premier was in Malaysia to meet PM Anwar": where the person just named went to meet)
    r"(?:(?:in|at)\s+(?-i:[A-Z])[\w’'-]+(?:\s+(?-i:[A-Z])[\w’'-]+)?\s+(?:on\s+(?-i:[A-Z])\w+\s+)?to\s+)?(?:\w+\s+)?"
    r"(?:(?:at|during)\s+(?:a|the|his|her)\s+)?$",  # ("he said at a meeting with the Uzbek Defense Minister")
    re.I,
)  # "he", or a bare title standing for the person just named: "the Prime Minister held talks with…"
# (or for the ministers just named: "The ministers met with Mexican President Claudia Sheinbaum")


# "Apart from his bilateral meetings with Esper, Kono and Reynolds, he …": the meetings of the person last named.
_POSSESSIVE_OPENER = re.compile(
    r"^\W*(?:(?:apart\s+from|besides|in\s+addition\s+to|during|after|following)\s+)?(?:his|her)\s+(?:[\w-]+\s+){0,2}$",
    re.I,
)
# "they" or "it" opening a clause: the state the previous sentence opened with.
_STATE_PRONOUN_SUBJECT = re.compile(
    r"^\W*(?:(?:at\s+present|currently|now|today|so\s+far|to\s+date),?\s+)?(?:they|it)\s+(?:\w+\s+){0,2}$",
    re.I,
)


# An opening phrase that sets the scene with another occasion: "A month after …,", "Unlike …,",
# "Following the summit of …,", "Ahead of …,".
_DURING_OPENER = re.compile(r"\W*(?:During|At|Throughout)\s+", re.I)
_SCENE_OPENER = re.compile(
    r"^\W*(?:(?:a|one|two|three|four|five|six|several|some|just|only|barely|about|weeks|days|months|years)\s+"
    r"(?:\w+\s+){0,2})?(?:after|before|following|since|unlike|like|ahead\s+of|in\s+contrast\s+to|as\s+with|"
    r"besides|beyond|apart\s+from|aside\s+from|in\s+addition\s+to|on\s+the\s+heels\s+of|in\s+the\s+wake\s+of|prior\s+to|"
    r"(?:when\s+(?:considered|seen|taken|viewed|read)\s+)?(?:alongside|together\s+with|compared\s+(?:with|to)))\b",
    re.I,
)


# A sentence opening with the occasion where it happens: "At the ASEAN+3 Summit in Myanmar, …"
_SETTING_OPENER = re.compile(
    r"^\W*(?:at|during|on\s+the\s+(?:sidelines|margins|occasion)\s+of)\s+(?:the|a|an|its|their)\s+", re.I
)


def setting_phrase_end(text: str, c_start: int, trig: Trigger) -> int | None:
    """Return where an opening "At the … Summit in …," phrase that holds a trigger ends, else None."""
    return _opener_end(_SETTING_OPENER, text, c_start, trig)


def opening_phrase_end(text: str, c_start: int, trig: Trigger) -> int | None:
    """Return where the opening phrase that holds a trigger ends ("Prior to the 2+2 meeting,"), else None."""
    return _opener_end(_SCENE_OPENER, text, c_start, trig)


def _opener_end(opener: re.Pattern[str], text: str, c_start: int, trig: Trigger) -> int | None:
    "Return the comma that closes a clause's opening phrase of `opener`'s kind holding the trigger, else None."
    if not opener.match(text[c_start : trig.start]) or "," in text[c_start : trig.start]:
        return None
    comma = text.find(",", trig.end)
    if comma < 0 or comma - trig.end > 40:
        return None
    if _LIST_OPENS.search(text, trig.end, comma) and not _SPAN_BEFORE_OR_AFTER.search(
        text, c_start, trig.start
    ):
        # "Following the Meeting of the Foreign Ministers of Georgia, Azerbaijan and Turkey in Tbilisi,
        # the ministers signed …": the phrase ends after its list of members, not at the list's first comma
        at = comma
        while item := _LIST_ITEM.match(text, at):
            at = item.end()
            if not text.startswith(",", at):
                later = text.find(",", at)
                return later if 0 <= later - at <= 60 else None
    return comma


# "A month after the quadrilateral meeting of …": a meeting that only dates another (its members are left to
# `main_clause_start`, which keeps them out of the main clause's meeting)
_SPAN_BEFORE_OR_AFTER = re.compile(
    r"\b(?:a|an|one|two|three|four|five|six|several|a\s+few|\d+)\s+(?:days?|weeks?|months?|years?)\s+(?:after|before)\b",
    re.I,
)
# A list of names that opens right after a meeting ("of Georgia"), and each name that continues it
_LIST_OPENS = re.compile(
    r"\b(?:of|between|with|among)\s+(?:the\s+)?(?-i:[A-Z])[\w.'’-]*(?:\s+(?-i:[A-Z])[\w.'’-]*)*$"
)
_LIST_ITEM = re.compile(
    r",\s+(?:the\s+)?(?-i:[A-Z])[\w.'’-]*(?:\s+(?-i:[A-Z])[\w.'’-]*)*(?=,|\s+(?:and|or)\s+(?:the\s+)?(?-i:[A-Z]))"
    r"|,?\s+(?:and|or)\s+(?:the\s+)?(?-i:[A-Z])[\w.'’-]*(?:\s+(?-i:[A-Z])[\w.'’-]*)*"
)


def main_clause_start(text: str, c_start: int, t_start: int) -> int:
    """Return where the main clause of a trigger starts, past an opening phrase about another occasion.

    Why: the states of "A month after the quadrilateral meeting of India, the US,
    Australia and Japan, New Delhi and Canberra held their first 2+2" that take part in
    the 2+2 are the subject's, after the last comma before the trigger; the opening
    phrase's states took part in something else. Returns `c_start` when the clause has
    no such opening.
    """
    if not _SCENE_OPENER.match(text[c_start:t_start]):
        return c_start
    # The opening phrase ends at the comma after its closing "and"/"or" ("After Indonesia and
    # Cambodia, Kazakhstan, …"; "… of India, the US, Australia and Japan, New Delhi …"),
    # else at the last comma before the trigger.
    for comma in re.finditer(",", text[c_start:t_start]):
        if re.search(r"\s(?:and|or)\s", text[c_start : c_start + comma.start()]):
            return c_start + comma.end()
    comma_at = text.rfind(",", c_start, t_start)
    return comma_at + 1 if comma_at > c_start else c_start


def semicolon_span(text: str, offset: int) -> tuple[int, int]:
    "Return the span between the semicolons (or colons) around `offset` (the whole sentence when it has none)."
    start = max(text.rfind(";", 0, offset), text.rfind(": ", 0, offset)) + 1
    ends = [e for e in (text.find(";", offset), text.find(": ", offset)) if e >= 0]
    return start, min(ends) if ends else len(text)


_STATE_LIST = re.compile(r"(?:(?:,|\band\b|\bthe\b|\s)+|[A-Z][\w.'’-]*)*[.;]?\s*$")


_CONTRAST = re.compile(
    r",\s+(?:but|while|whereas|although|though|yet)\b"
    # ("has signed agreements with 18 countries and is currently engaged in discussions with Brazil …")
    r"|" + ONGOING_TALKS_AFTER,
    re.I,
)


def up_to_a_contrast(text: str, c_end: int, trig: Trigger, named: bool = False) -> tuple[int, int]:
    """Return the span a clause's party search may widen to: its semicolon span, cut at a contrast.

    "Jakarta has a 2+2 with Beijing, which first met in April, but it holds the same kind of
    dialogue with Tokyo": what comes after "but" is about another pair. When the clause names a
    state of its own (`named`), what comes before its contrast is another subject's too:
    "Kazakhstan has proposed a council, while the UAE is to host the next meeting" (but "…, while
    their defence ministers met in June" is the same pair's).
    """
    start, end = semicolon_span(text, trig.start)
    if named:
        for before in _CONTRAST.finditer(text, start, trig.start):
            start = before.end()
    contrast = _CONTRAST.search(text, max(c_end, trig.end), end)
    return start, contrast.start() if contrast else end


def with_listed_partners(sentence: Sentence, c_end: int, s_actors: Sequence[ActorMention]) -> int:
    """Extend a clause over the list its colon introduces: "India has 2+2 dialogues with four partners: the US, …".

    Only a list of names that are all states: a colon before a quote or a new clause keeps its break.
    """
    text = sentence.text
    if not text.startswith(": ", c_end):
        return c_end
    tail = text[c_end + 2 :]
    states = [a for a in s_actors if a.type == ActorType.STATE and a.start - sentence.start > c_end]
    if len(states) >= 2 and _STATE_LIST.fullmatch(tail):
        return len(text)
    return c_end


_OF_A_NAME = re.compile(r"\s+of\s+(?:the\s+)?[^,;()]*(?:\s*\([^()]{1,15}\))?\s*")
_HELD_RELATIVE = re.compile(
    r"\s*(?:which|that)\s+(?:(?:was|were|is|are|will\s+be|has\s+been|is\s+being|had\s+been)\s+(?:\w+\s+)?"
    r"(?:held|hosted|convened|organi[sz]ed|opened)|took\s+place|takes\s+place|will\s+take\s+place)\b",
    re.I,
)


def with_relative_clause(
    clauses: list[tuple[int, int]], span: tuple[int, int], text: str, trig: Trigger
) -> tuple[int, int]:
    "Extend a clause with the relative clause about its trigger: '…Summit, which will be held in Xi'an next month'."
    between = text[trig.end : span[1]]
    # ("the 157th session of the Ministerial Council of the GCC, which was held today in Riyadh": what
    # was held is the session, whatever name it is "of")
    of_its_name = _OF_A_NAME.fullmatch(between) is not None
    if re.search(r"\b[A-Z]", between) and not of_its_name:
        return span  # "...agreement with Japan, which ...": the clause is about Japan
    for start, end in clauses:
        if start >= span[1] and re.match(r"\s*(?:which|that)\s", text[start:end]):
            if of_its_name and re.search(r"\b[A-Z]", between) and not _HELD_RELATIVE.match(text, start, end):
                return span
            return span[0], end
        if start >= span[1]:
            break
    return span


def verbs_in_clauses_of_their_own(
    text: str, fallback: Sequence[Trigger], triggers: Sequence[Trigger]
) -> list[Trigger]:
    """Return the meeting verbs whose clause is followed by a second act of the same subject.

    Why: "X will meet Y in Antalya, and will also take part in a trilateral meeting" reports two
    meetings; the strong trigger of the second act leaves the first act's verb without its event.
    """
    second_act = _SECOND_ACT.search(text)
    if second_act is None or not any(t.start >= second_act.end() for t in triggers):
        return []
    return [
        w
        for w in fallback
        if not w.strong
        and w.end <= second_act.start()
        and not any(t.start < second_act.start() for t in triggers)
    ]


_SECOND_ACT = re.compile(r",\s+and\s+(?:will|would|is\s+to|is\s+due\s+to)\s+also\b", re.I)


def clause_of(clauses: list[tuple[int, int]], offset: int) -> tuple[int, int]:
    for start, end in clauses:
        if start <= offset < end:
            return start, end
    return clauses[-1]


def people_of_the_dyad(people: Sequence[Person], dyad: Sequence[str], kind: str) -> list[Person]:
    """Return the people of a sentence who take part in a meeting of `dyad`: those of its states, and the one
    titled person the registry gives no state when the other side is the only one left without its person.

    Why: "Armenian President Robert Kocharian met with the Iranian Deputy Foreign Minister Mohammad Hussein
    Adel": the registry knows no Adel, and his title names no state the tagger could read; of the two sides,
    only Iran's has no one named, so he is Iran's.
    """
    kept = [p for p in people if p.country in dyad and role_fits(kind, p.role)]
    if len(dyad) != 2:
        return kept
    missing = [code for code in dyad if code not in {p.country for p in kept}]
    stateless = [p for p in people if p.country is None and p.role and role_fits(kind, p.role)]
    if len(missing) == 1 and len(stateless) == 1 and kept:
        kept.append(dataclasses.replace(stateless[0], country=missing[0]))
    return kept


def people_around(trig: Trigger, sentence: Sentence, s_actors: Sequence[ActorMention]) -> list[Person]:
    """Return the people named in the trigger's own stretch of the sentence: from a clause opening
    with a subject of its own (", as Defence Minister Payne has met …") to the next meeting after
    the trigger (", and paid a courtesy call on the President").

    Why: "The defence minister was in Manila for talks with his Philippine counterpart, his first
    visit, and paid a courtesy call on President Marcos" holds two meetings; the president's role
    does not make the first one talks of leaders.
    """
    text = sentence.text
    end = _NEXT_MEETING.search(text, trig.end)
    stop = end.start() if end else len(text)
    opening = max((m.end() for m in _NEW_SUBJECT.finditer(text, 0, trig.start)), default=0)
    if fronted := _FRONTED_CLAUSE.match(text):
        # "With President Rousseff scheduled to meet President Obama today, Defense Secretary Carter
        # hosted Defense Minister Wagner": the opening clause's people are its own meeting's
        if trig.start >= fronted.end():
            opening = max(opening, fronted.end())
        else:
            stop = min(stop, fronted.end())
    return people_of(
        [
            a
            for a in s_actors
            if a.type == ActorType.PERSON
            and opening <= a.start - sentence.start < stop
            and not _possessive_of_another(text, a.end - sentence.start, trig)
        ]
    )


# A possessive after a name: "President Lee's visit to Japan", "under Yoon's presidency", "Wang
# Yi's three-day official visit" (the name and up to three words of what is theirs).
_POSSESSIVE_AFTER = re.compile(r"['’]s?\s+(?:[\w-]+\s+){0,3}")


def _possessive_of_another(text: str, name_end: int, trig: Trigger) -> bool:
    """True when the name ending at `name_end` owns something that is not `trig`'s meeting.

    Why: "reaffirming ties that improved under Yoon's presidency", "through President Lee's visit
    to Japan" name someone's office or another occasion, not a participant of this meeting;
    "Wang Yi's three-day official visit to Canberra" is the meeting itself and keeps its visitor.
    """
    m = _POSSESSIVE_AFTER.match(text, name_end)
    return m is not None and not (m.start() <= trig.start <= m.end())


# A clause before the main one, with a subject of its own: "With President Rousseff scheduled to meet
# President Obama at the White House today, …", "While the leaders met in Rome, …".
_FRONTED_CLAUSE = re.compile(
    r"\W*(?:(?:With|While|As|When)\s+(?:the\s+)?(?-i:[A-Z])[^,;]{5,200}"
    # "Ahead of his meeting with Xi, Blinken held talks with Wang": the other meeting's people
    r"|(?:Ahead\s+of|Before|After|Following)\s+(?:his|her|their|the)\s+(?:[\w-]+\s+)?"
    r"(?:meeting|talks|audience|call)\s+with\s+[^,;]{2,120}),\s"
)
# A conjunction opening a clause with a subject of its own: "…, as Defence Minister Payne has met".
_NEW_SUBJECT = re.compile(r",\s+(?:as|while|whereas|when)\s+(?=(?:the\s+)?[A-Z])")
_NEXT_MEETING = re.compile(
    r",?\s+and\s+(?:(?:he|she)\s+)?(?:later\s+|also\s+|then\s+)?(?:paid|called|met|held|visited)\b"
    # ("held a joint news conference with his Saudi counterpart, during which he announced a council
    # chaired by the two leaders": who chairs the council did not hold the news conference)
    r"|,\s+(?:during|in|at|after)\s+which\b",
    re.I,
)


def one_portfolio(people: Sequence[Person]) -> str | None:
    "Return the ministers' meeting kind when the people named are ministers of one portfolio from two states or more."
    roles = {p.role for p in people}
    if len({p.country for p in people if p.country}) < 2 or len(roles) != 1:
        return None
    return _PORTFOLIO_KINDS.get(next(iter(roles)) or "")


_FOREIGN_OFFICE = re.compile(
    r"\b(?:foreign|external\s+affairs)\s+minist(?:er|ers|ry\s+chiefs?)\b|\bministers?\s+(?:of|for)\s+"
    r"(?:foreign|external)\s+affairs\b|\bFMs?\b|\btop\s+diplomats?\b",
)
_DEFENCE_OFFICE = re.compile(
    r"\bdefen[cs]e\s+(?:minister|secretary|secretaries|chiefs?)\b|\bminist\w*\s+of\s+(?:national\s+)?defen[cs]e\b|"
    r"\bsecretary\s+of\s+defen[cs]e\b|\b(?:deputy|vice)[- ](?:foreign\s+)?ministers?\b|\bsecretary\b",
    re.I,
)

# A defence minister by office ("Defence Minister", "Minister of Armed Forces"; not a Defence Secretary,
# who in India is an official), and the officials who make a meeting something else.
_DEFENCE_MINISTER_OFFICE = re.compile(
    r"\bdefen[cs]e\s+ministers?\b|\bminist(?:er|ers)\s+(?:of|for)\s+(?:the\s+)?(?:national\s+)?(?:defen[cs]e|armed\s+forces)\b"
    r"|\barmed\s+forces\s+ministers?\b",
    re.I,
)
_NOT_MINISTERS = re.compile(r"\b(?:deputy|vice)[- ]|\bsecretar(?:y|ies)\b|\bchiefs?\b|\bofficials\b", re.I)


def portfolio_named(text: str) -> str | None:
    """Return the ministers' meeting when a sentence names foreign (or defence) ministers by office, and no other office.

    Why: a named format's session ("the fifth meeting of the Joint Commission", "the 4th round
    of the Strategic Dialogue") is the meeting of the ministers who co-chair it; the text often
    gives their office, not their names. Deputies, secretaries and defence officials make it
    something else (talks of officials, a 2+2), so the format keeps its own kind then.
    """
    if not re.search(_FOREIGN_OFFICE.pattern, text, re.I):
        if _DEFENCE_MINISTER_OFFICE.search(text) and not _NOT_MINISTERS.search(text):
            # "Defence Minister Rajnath Singh to co-chair the 4th India-France Annual Defence Dialogue with
            # Visiting Minister of Armed Forces of the French Republic": the defence ministers, by office
            return EventKind.DEFENCE_MINISTERS
        return None
    if _DEFENCE_OFFICE.search(text) or _OTHER_OFFICE.search(text):
        return None  # ("co-chaired by Iran's Energy Minister …", said a Deputy Iranian Foreign Minister)
    return EventKind.FOREIGN_MINISTERS


_OTHER_OFFICE = re.compile(
    r"\b(?:deputy|vice)[- ](?:[A-Z][\w-]+\s+)?foreign\s+minister"
    r"|\b(?:energy|trade|finance|economy|agriculture|health|education|interior|transport|industry|commerce|labou?r|"
    r"justice|planning|investment)\s+minister|\bminister\s+(?:of|for)\s+(?:energy|trade|finance|economy|economic\s+affairs|"
    r"agriculture|health|education|interior|transport|industry|commerce|labou?r|justice|planning|investment)\b",
    re.I,
)


def format_key(trigger_text: str, parties: Sequence[str]) -> tuple[str, frozenset[str]]:
    "Return how an article's later mentions of one named format are recognised: its words less numbers, and its parties."
    words = re.sub(
        r"\b(?:\d+(?:st|nd|rd|th)?|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b",
        "",
        trigger_text.lower(),
    )
    return " ".join(words.split()), frozenset(parties)


def ministers_only(people: Sequence[Person]) -> bool:
    "True when at least two people are named, all foreign or defence ministers."
    roles = [p.role for p in people]
    return len(roles) >= 2 and all(r in ("foreign minister", "defence minister") for r in roles)


# The other portfolio of both sides, unnamed: "and Defense authorities from both countries".
_BOTH_SIDES_OTHER_PORTFOLIO = re.compile(
    r"\b(?:defen[cs]e|foreign)\s+(?:ministers|authorities|chiefs|heads|officials)\s+(?:of|from)\s+(?:both|the\s+two)\s+"
    r"(?:countries|sides|nations)\b",
    re.I,
)


def kind_from_people(text: str, people: Sequence[Person]) -> str:
    """Decide the kind of a generic meeting from who met.

    Foreign and defence ministers together → a 2+2; ministers of one portfolio
    with counterparts of another state → that ministers' meeting; else talks.
    """
    # ("Afghan Acting Foreign Minister Muttaqi": an acting minister holds the portfolio's meetings)
    people = [
        dataclasses.replace(p, role=p.role.removeprefix("acting "))
        if p.role and p.role.startswith("acting ")
        else p
        for p in people
    ]
    roles = {p.role for p in people if p.role}
    countries = {p.country for p in people if p.country}
    counterpart = "counterpart" in text.lower()
    ministers = {
        p.country for p in people if p.role in ("foreign minister", "defence minister") and p.country
    }
    both = {c for c in ministers if _two_ministers(people, c)}
    heads = {p.country for p in people if p.role in LEADER_ROLES}
    if len(both) == 1 and both <= heads and not counterpart:
        # "Blinken held meetings with Foreign Minister Lapid, Prime Minister Bennett, President Herzog,
        # Defense Minister Gantz": a visitor's round of the host's leaders and ministers, no 2+2; what
        # the two foreign ministers held is their meeting
        foreign_ministers = {p.country for p in people if p.role == "foreign minister" and p.country}
        return EventKind.FOREIGN_MINISTERS if len(foreign_ministers) >= 2 else EventKind.BILATERAL_TALKS
    if both and (len(ministers) >= 2 or counterpart):
        return EventKind.TWO_PLUS_TWO  # a foreign and a defence minister on one side, meeting the other
    if (
        roles <= {"foreign minister", "defence minister"}
        and len(ministers) >= 2
        and _BOTH_SIDES_OTHER_PORTFOLIO.search(_QUOTED.sub(" ", text))
    ):
        # "Foreign Minister Espinosa and her Colombian counterpart Holguin and Defense authorities from
        # both countries will preside a meeting": both portfolios of both sides
        return EventKind.TWO_PLUS_TWO
    foreign_sides = {p.country for p in people if p.role == "foreign minister" and p.country}
    if (
        len(foreign_sides) >= 2
        and foreign_sides == countries
        and roles <= {"foreign minister", "defence minister"}
    ):
        # "Peters met Fiji's Minister of Foreign Affairs, Defence and National Security": each side's
        # foreign minister, whatever else one of them holds
        return EventKind.FOREIGN_MINISTERS
    if not roles:
        # No named people: the role nouns of the sentence ("talks between the defence chiefs"),
        # outside what someone is quoted saying ('"We agreed to an annual defence ministers'
        # meeting," Albanese said in a joint press conference with his counterpart').
        lowered = _QUOTED.sub(" ", text).lower()
        if re.search(r"\bdefen[cs]e\s+(?:chiefs|ministers|secretaries|heads)\b", lowered):
            return EventKind.DEFENCE_MINISTERS
        # (or "the heads of the foreign ministries of Belarus and Russia")
        if re.search(
            r"\bforeign\s+ministers\b|\bheads\s+of\s+(?:the\s+)?foreign\s+(?:affairs\s+)?ministries\b",
            lowered,
        ):
            return EventKind.FOREIGN_MINISTERS
        # "a telephone conversation between the Minister of Foreign Affairs of Azerbaijan and the
        # Minister of Foreign Affairs of Iran": two holders of one office, by title
        foreign, defence = len(_FOREIGN_TITLE.findall(lowered)), len(_DEFENCE_TITLE.findall(lowered))
        # ("Australia's Defence Minister will join his US and Japanese counterparts": one office, and
        # its counterparts)
        if (foreign >= 2 or (foreign and counterpart)) and not defence:
            return EventKind.FOREIGN_MINISTERS
        if (defence >= 2 or (defence and counterpart)) and not foreign:
            return EventKind.DEFENCE_MINISTERS
    for role, title, ministers_kind in (
        ("foreign minister", _FOREIGN_TITLE, EventKind.FOREIGN_MINISTERS),
        ("defence minister", _DEFENCE_TITLE, EventKind.DEFENCE_MINISTERS),
    ):
        # "Qatar's foreign minister also spoke with Amirabdollahian via phone call", "Defence Minister
        # Rajnath Singh held bilateral talks with the Egyptian Defence Minister": a minister by title
        # and one by name, of two states
        named = len({p.country for p in people if p.role == role})
        if roles == {role} and _unnamed_titles(title, text, people) + named >= 2:
            return ministers_kind
    if roles and roles <= {"foreign minister"} and _titles_of_someone(_FOREIGN_TITLE, text) >= 2:
        # "Foreign Minister Son held a phone talk with Brunei Second Minister of Foreign Affairs
        # Erywan Yusof": the other minister's office is in the text, if not in our registry
        return EventKind.FOREIGN_MINISTERS
    if len(roles) == 1 and (counterpart or len(countries) >= 2) and not _holds_another_office(text, people):
        role = next(iter(roles))
        if role in ("foreign minister", "acting foreign minister"):
            return EventKind.FOREIGN_MINISTERS
        if role == "defence minister":
            return EventKind.DEFENCE_MINISTERS
    return EventKind.BILATERAL_TALKS


# An office before a name that is no minister's counterpart: "the Chairman of the High Council for National
# Reconciliation of Afghanistan Dr. Abdullah Abdullah", "Speaker of Parliament", "Afghan official".
_ANOTHER_OFFICE_BEFORE = re.compile(
    r"\b(?:chairman|chairperson|chair|speaker|governor|ambassador|envoy|official|director|commander|chief|"
    r"secretary[- ]general|president\s+of\s+the\s+(?:senate|assembly|parliament|national\s+assembly))\b"
    r"(?:\s+(?:of|for)\s+(?:the\s+)?[\w\s-]{0,60}?)?(?:\s+(?:Dr|Mr|Mrs|Ms|Gen|H\.E)\.?)?\s+$",
    re.I,
)


def _holds_another_office(text: str, people: Sequence[Person]) -> bool:
    "True when a person of the sentence with no known role is named after another office than a minister's."
    for p in people:
        if p.role:
            continue
        at = text.find(p.name.split()[0])
        if at > 0 and _ANOTHER_OFFICE_BEFORE.search(text, max(0, at - 90), at):
            return True
    return False


# Offices written out, named or not: "the Minister of Foreign Affairs of Iran", "Defence Secretary".
def _titles_of_someone(title: re.Pattern[str], text: str) -> int:
    "Return how many titles of an office the text gives someone (not 'the first by a Pakistani foreign minister')."
    lowered = text.lower()
    return sum(
        1
        for m in title.finditer(lowered)
        if not _ANY_HOLDER_BEFORE.search(lowered, max(0, m.start() - 25), m.start())
    )


_ANY_HOLDER_BEFORE = re.compile(r"\b(?:a|an|any|no)\s+(?:[\w-]+\s+)?$")


def _unnamed_titles(title: re.Pattern[str], text: str, people: Sequence[Person]) -> int:
    "Return how many titles of an office in the text name no one after them ('Qatar's foreign minister also…')."
    lowered = text.lower()
    surnames = [p.name.split()[-1].lower() for p in people]
    return sum(
        1
        for m in title.finditer(lowered)
        if not any(s and s in lowered[m.end() : m.end() + 40] for s in surnames)
        and not re.match(r",?\s+(?-i:[A-Z])", text[m.end() : m.end() + 3])
        # ("the first by a Pakistani foreign minister in 13 years": any holder, no one present)
        and not _ANY_HOLDER_BEFORE.search(lowered, max(0, m.start() - 25), m.start())
    )


# (a deputy's or a vice minister's title is not the minister's: "First Vice Minister of Foreign Affairs")
_NOT_A_DEPUTY = r"(?<!vice\s)(?<!vice-)(?<!deputy\s)(?<!deputy-)(?<!assistant\s)"
_FOREIGN_TITLE = re.compile(
    _NOT_A_DEPUTY
    + r"\b(?:foreign|external\s+affairs)\s+minister\b|"
    + _NOT_A_DEPUTY
    + r"\bminister\s+(?:of|for)\s+(?:foreign|external)\s+affairs\b|"
    # ("Deputy Secretary of State Christopher Landau" is no foreign minister either)
    + _NOT_A_DEPUTY
    + r"(?<!under\s)(?<!under-)\bsecretary\s+of\s+state\b|"
    # (an Indian, Pakistani, Bangladeshi, Nepali or Sri Lankan foreign secretary is the ministry's senior
    # official, not its minister)
    r"(?<!indian\s)(?<!pakistani\s)(?<!bangladeshi\s)(?<!bangladesh\s)(?<!nepali\s)"
    r"(?<!nepalese\s)(?<!lankan\s)(?<!india's\s)(?<!pakistan's\s)(?<!bangladesh's\s)(?<!nepal's\s)"
    r"(?<!lanka's\s)(?<!india’s\s)(?<!pakistan’s\s)(?<!bangladesh’s\s)(?<!nepal’s\s)(?<!lanka’s\s)"
    r"\bforeign\s+secretary\b"
)
_DEFENCE_TITLE = re.compile(
    _NOT_A_DEPUTY
    + r"\bdefen[cs]e\s+minister\b|"
    + _NOT_A_DEPUTY
    + r"\bminister\s+of\s+(?:national\s+)?defen[cs]e\b|\b(?:secretary\s+of|defen[cs]e)\s+"
    r"(?:defen[cs]e|secretary)\b"
)


# A trigger that names what a meeting prepares: another occasion, with a date of its own.
_PREPARING = re.compile(
    r"\b(?:prepar\w*|preparations)\s+(?:for\s+)?(?:the|a|an)\s+(?:[\w'’-]+\s+){0,3}$", re.I
)
# "since Trump took office in January", "since Western nations sanctioned Russia in 2014": the
# date of a clause that starts a period.
_SINCE_FOUNDING = re.compile(
    r"since\s+(?:the|its|their)\s+(?:establishment|creation|founding|foundation|formation|inception|launch|start)\s+of\b",
    re.I,
)
_SINCE_CLAUSE = re.compile(
    r"\b(?:since|until|till)\b[^,;.]*\b(?:took|became|was|were|began|came|assumed|left|won|met|held|\w+ed)\b[^,;.]*$"
    # "Since the establishment of the ADMM in 2006, this is the second time …": the period's start
    r"|\bsince\s+(?:the|its|their)\s+(?:establishment|creation|founding|foundation|formation|inception|launch|start)\s+of\b[^,;.]*$",
    re.I,
)


def is_landmark_in_time(text: str, trig: Trigger) -> bool:
    "True when `trig` names the occasion that what the sentence says before it is dated by."
    return folded_search(LANDMARK_IN_TIME, text, max(0, trig.start - 60), trig.start)


def landmark_start(text: str, trig: Trigger) -> int:
    """Return where the phrase that makes `trig` a landmark in time opens ("after the summit of"), or -1."""
    if not is_landmark_in_time(text, trig):
        return -1
    found = LANDMARK_IN_TIME.search(text, max(0, trig.start - 60), trig.start)
    return found.start() if found else -1


_EXCEPT_BEFORE = re.compile(
    r"\b(?:with\s+the\s+exceptions?\s+of|except(?:\s+(?:in|for|during))?|other\s+than|apart\s+from|save\s+for|"
    r"(?:but|though)\s+not\s+in)\s+(?:in\s+)?(?:(?:19|20)\d\d\s*(?:,\s*|\s+and\s+|\s+or\s+)?)*$",
    re.I,
)
# What lies between a possessive date and the meeting it dates: "next year's ASEAN summit", "last year's round".
_POSSESSIVE_DATE = re.compile(r"['’]s?\s+(?:[\w-]+\s+){0,3}")


# What dates the meeting by another occasion after it: "comes just months after", "came a week before".
_COMES_AFTER = re.compile(
    r"\b(?:comes?|came|coming)\s+(?:(?:just|only|barely|some|about)\s+)?(?:(?:a|one|two|three|four|five|six|several|"
    r"a\s+few|\d+)\s+)?(?:days?|weeks?|months?|years?)?\s*(?:after|before)\b",
    re.I,
)
_ARTICLE_BEFORE = re.compile(r"\b(?:a|an|the|its|their|his|her)\s+$", re.I)
# The rest of a noun phrase a year modifies, up to a preposition, a clause word or punctuation.
_NOUN_PHRASE_AFTER = re.compile(
    r"(?:\s+[\w’'-]+){1,4}?(?=\s+(?:with|in|on|at|for|of|between|to|by|and|that|which|was|were|is|are)\b|[,.;:]|$)"
)


def assign_dates(
    triggers: Sequence[Trigger], s_dates: Sequence[DateMention], sentence: Sentence
) -> dict[Trigger, list[DateMention]]:
    "Give each date of the sentence to its nearest trigger (a date before a trigger counts as farther)."
    out: dict[Trigger, list[DateMention]] = {t: [] for t in triggers}
    first = min(t.start for t in triggers) if triggers else 0
    landmarks = {t for t in triggers if is_landmark_in_time(sentence.text, t)}
    legs = [(m.start(), m.end()) for m in _LEG_OPENER.finditer(sentence.text)] if len(triggers) > 1 else []
    for d in s_dates:
        if not d.date or d.dateline:
            continue  # (the dateline's day: below, for what nothing else dates)
        start, end = d.start - sentence.start, d.end - sentence.start
        since = _SINCE_CLAUSE.search(sentence.text, max(0, start - 80), start)
        if (
            since
            and any(since.start() <= t.start < start for t in triggers)
            and not _SINCE_FOUNDING.match(since.group())
        ):
            since = None  # "since the first summit held in Xi'an in 2023": the summit's own date
        when = _WHEN_AFTER_DATE.match(sentence.text, end)
        if when and any(t.start >= when.end() for t in triggers):
            # "since June 2020, when the two prime ministers … at a virtual summit": the date the
            # when-clause tells of, its trigger's
            later = [t for t in triggers if t.start >= when.end()]
            out[min(later, key=lambda t: t.start)].append(d)
            continue
        if bounds_a_period(sentence.text, start) or since:
            continue  # the start or end of a period, not the date of an event
        if _EXCEPT_BEFORE.search(sentence.text, max(0, start - 60), start):
            continue  # "held every year, with the exception of 2020 and 2021": the years it was not held
        if (
            _ARTICLE_BEFORE.search(sentence.text, max(0, start - 8), start)
            and re.fullmatch(r"(?:19|20)\d\d", sentence.text[start:end])
            and (noun := _NOUN_PHRASE_AFTER.match(sentence.text, end))
            and not any(end <= t.start < noun.end() for t in triggers)
        ):
            continue  # "called for a review of a 2017 security treaty … in a meeting": the treaty's year
        if (
            len(triggers) == 1
            and start >= triggers[0].end
            and _COMES_AFTER.search(sentence.text, triggers[0].end, start)
        ):
            continue  # "The signing of the pact comes just months after the two fought a war in May": the war's month
        if end <= first:
            for t in triggers:  # a sentence-initial "In June last, ..." dates every event of the sentence
                if t not in landmarks:
                    out[t].append(d)
            continue

        def gap(t: Trigger, start: int = start, end: int = end) -> int:
            if start >= t.end:
                if any(t.end <= o_start and o_start <= start < o_end for o_start, o_end in legs):
                    # ", and in December he travelled to Jakarta": the next leg's day
                    return 20_000 + start - t.end
                return start - t.end
            return (t.start - end) * 2 + 10 + (10_000 if t in landmarks else 0)

        out[min(triggers, key=gap)].append(d)
    for t, ds in out.items():
        if moved := [d for d in ds if is_put_off_to(sentence.text, d.start - sentence.start)]:
            out[t] = moved  # "the summit he had meant to host in June would be postponed until October"
        elif own := [
            d for d in ds if _POSSESSIVE_DATE.fullmatch(sentence.text, d.end - sentence.start, t.start)
        ]:
            # "to host next year's ASEAN summit while she was visiting on Monday": the summit's own year
            out[t] = own
    # "…signed an agreement on Wednesday, as the two countries held their 2+2": a trigger
    # left without a date shares the sentence's.
    dated = [d for ds in out.values() for d in ds]
    ordered = sorted(triggers, key=lambda t: t.start)
    for t in triggers:
        if _PREPARING.search(sentence.text[max(0, t.start - 60) : t.start]) or t in landmarks:
            continue  # "…met on May 21 to prepare the summit": the summit is another occasion
        if not out[t]:  # only dates named before it: a later one belongs to a later event
            out[t] = [d for d in dated if d.end - sentence.start <= t.start]
        if not out[t] and t is ordered[0] and len(ordered) > 1:
            # The subject's verb: "The foreign ministers … agreed on Saturday to set up a
            # secretariat" dates the meeting too (the date precedes the next trigger).
            # (or inside it: "the summit concluded on June 17 with the signing of the Treaty")
            out[t] = [d for d in dated if t.end <= d.start - sentence.start < ordered[1].end]
    for t, after in itertools.pairwise(ordered):
        if not out[t] and out[after] and _AT_THE_NEXT.match(sentence.text, t.end, after.start):
            # "signed a confederation treaty at their first summit in Niamey on Saturday": what was done
            # at a meeting shares its day
            out[t] = list(out[after])
    filed = [d for d in s_dates if d.date and d.dateline]
    for t in triggers:
        if filed and not out[t] and t not in landmarks:
            # "NIAMEY, July 7 (Wire) - … signed a treaty on Saturday at their first summit": the summit
            # shares the signing's Saturday; the day of filing dates only what nothing else does
            out[t] = list(filed)
    return out


_STARTING_TODAY = re.compile(
    r"\b(?:starting|starts|begins|beginning|opens|opening|kicks\s+off|kicking\s+off|gets\s+under\s?way)\s+"
    r"(?:(?:later\s+)?today|this\s+morning)\b",
    re.I,
)
_TIME_CLAUSE_OPENS = re.compile(
    r",\s+(?:(?:a|one|two|three|four|five|several|a\s+few|\d+)\s+(?:days?|weeks?|months?|years?)\s+|days\s+|weeks\s+|"
    r"months\s+|shortly\s+|just\s+|soon\s+)(?:after|before)\s",
    re.I,
)
_SUBJECTS_SECOND_ACT = re.compile(
    r"\W*and\s+(?:(?:is|are|was|were)\s+(?:also\s+|now\s+)?\w+ing|launched|began|started|opened|"
    r"(?:then\s+|also\s+|later\s+)?(?:held|conducted|signed|met|visited|hosted|inked))\s",
    re.I,
)
_AND_SECOND_ACT = re.compile(
    r",\s+and\s+(?:then\s+|also\s+|later\s+)?(?:held|conducted|signed|met|visited|hosted|inked)\s", re.I
)
_FIRST_VERB = re.compile(
    r"\s(?:holds?|has|have|had|is|are|was|were|signed|held|launched|hosts?|hosted|runs?|maintains?|met|conducted|"
    r"conducts|visited|inked)\b"
)
_ARRIVED_FOR_IT = re.compile(
    r"\b(?:arrived|landed|touched\s+down|flew|travell?ed|came)\b[^.;]{0,80}?\bfor\b", re.I
)
_STILL_AHEAD = re.compile(
    r"\b(?:will|shall|to\s+be\s+held|scheduled|slated|due|set\s+to|is\s+to|are\s+to|next|upcoming|forthcoming|"
    r"opens|begins|starts|kicks\s+off)\b",
    re.I,
)
# The words between an act and the meeting it was done at: "signed a treaty at their first (summit)".
_AT_THE_NEXT = re.compile(
    r"[^.;,]{0,60}?\b(?:at|during|on\s+the\s+(?:sidelines|margins)\s+of)\s+(?:the|their|its|a|an)\s+(?:[\w-]+\s+){0,4}$",
    re.I,
)


# "the ten-year anniversary of", "the 75th anniversary of", "45 years of the": how long ago it was
_ANNIVERSARY_OF = re.compile(
    r"\b(?:the\s+)?(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"twenty-five|thirty|forty|fifty|sixty|seventy|seventy-five|eighty|ninety|hundred)(?:(?:st|nd|rd|th|[- ]years?)?\s+"
    r"anniversary|\s+years)\s+(?:of|since)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}$",
    re.I,
)
_ANNIVERSARY_YEARS = {
    **NUMBER_WORDS, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "twenty-five": 25, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "seventy-five": 75, "eighty": 80, "ninety": 90, "hundred": 100,
}  # fmt: skip


def date_of(
    candidates: Sequence[DateMention],
    sentence: Sentence,
    clause: tuple[int, int],
    trig: Trigger,
    anchor: int | None,
    status: str,
    article: Article,
) -> tuple[str | None, str | None]:
    """Return the date of a trigger: in its clause, consistent with its status, nearest to it (or to the partner)."""
    text = sentence.text
    published = article.published
    if _HOPED_OF_IT.search(text, max(0, trig.start - 60), trig.start):
        return None, None  # "hope that the summit meeting becomes an icebreaker …": the summit told before
    if (anniversary := _ANNIVERSARY_OF.search(text, max(0, trig.start - 80), trig.start)) and not re.search(
        r",\s+(?:the|a|an)\s", text[trig.start : trig.end], re.I
    ):  # (not "marking the 56th anniversary of the Élysée Treaty, the Treaty of Aachen was signed")
        # "This month marks the ten-year anniversary of the Lancaster House Treaties": the treaty's year is
        # that many years before the story's (the month and day named are the anniversary's)
        years = anniversary.group(1)
        n = int(years) if years.isdigit() else _ANNIVERSARY_YEARS.get(years.lower(), 0)
        return (str(int(published[:4]) - n) if published and n else None), None
    usable = []
    for d in candidates:
        offset = d.start - sentence.start
        if not d.date:
            continue
        if (
            not clause[0] <= offset < clause[1]
            and not _WHEN_AFTER_DATE.match(text, d.end - sentence.start, clause[1])
            and not (offset < clause[0] and _SENTENCE_OPENING.fullmatch(text, 0, offset))
            # (nor "urged Japan on Thursday to …, as the ministers met in Jakarta": at the same time)
            and not (offset < clause[0] and _AS_AT_THE_SAME_TIME.match(text, clause[0]))
        ):
            # (but "since June 2020, when the two prime ministers … at a virtual summit": the
            # date the when-clause tells of; and "On July 8, commencing at noon, the minister, who is
            # visiting Manila, held talks": the opening date is the main clause's, however split)
            continue
        if published and len(published) >= 7:
            if (
                status == EventStatus.PLANNED
                and is_before(d.date, published)
                and not (d.relative and len(d.date) == 10)
            ):
                continue
            if (
                status == EventStatus.OCCURRED
                and is_before(published, d.date)
                and not (d.relative and _BEING_HELD.search(text))
            ):
                # (but "is being held in Bishkek from Tuesday" names its start: it becomes planned)
                continue
        if status == EventStatus.PLANNED and d.dateline:
            continue  # the day a plan was reported, not the day it is for
        after = text[d.end - sentence.start : d.end - sentence.start + 20]
        if re.match(r"\s*(?:announced|said|told|confirmed|reported)\b", after, re.I) or _SAID_ON.search(
            text, max(0, offset - 30), offset
        ):
            continue  # "…, officials said on Thursday": the day of the saying
        if (
            d.end - sentence.start <= trig.start or trig.kind not in _DOCUMENT_KINDS
        ) and _DOCUMENT_YEAR.match(text, d.end - sentence.start):
            # "Guided by the principles of the 2006 Lombok Treaty, Ministers met": the treaty's year (and "the
            # two foreign ministers agreed to uphold the 2000 Memorandum of Understanding": not their meeting's)
            continue
        since = _SINCE_BEFORE.search(text, max(0, offset - 70), offset)
        if since and trig.start <= since.start():
            continue  # "the first since April 2015": an earlier session's date (`since_sessions`)
        usable.append(d)
    if not usable:
        return None, None
    ref = anchor if anchor is not None else trig.end

    def distance(d: DateMention) -> tuple[int, int]:
        offset = d.start - sentence.start
        gap = offset - ref if offset >= ref else (ref - offset) + 25
        if d.dateline:
            gap += 100_000  # the day of the report: the event's only when the sentence names no other
        return (gap, -len(d.date or ""))

    best = min(usable, key=distance)
    finer = [
        d
        for d in usable
        if d.date and best.date and len(d.date) > len(best.date) and d.date.startswith(best.date)
    ]
    if finer:
        # "will meet on October 13 when they co-host the 2015 AUSMIN": the year labels the
        # session; the day the clause names is its date
        best = min(finer, key=distance)
    return best.date, best.date_end


_AS_AT_THE_SAME_TIME = re.compile(r"as\s+(?:the|their)\s", re.I)
_WHEN_AFTER_DATE = re.compile(r",?\s+when\b", re.I)
_HOPED_OF_IT = re.compile(r"\bhop(?:e|es|ed|ing)\s+that\s+(?:the|this)\s+(?:[\w-]+\s+){0,2}$", re.I)
_WHEN_BETWEEN = re.compile(r"\bwhen\b")
# A verb of stating with its that-clause: what the meeting (or its members) declared.
_WHAT_THEY_AFFIRMED = re.compile(
    r"\b(?:affirmed|reaffirmed|stressed|underlined|underscored|emphasi[sz]ed|noted|declared|stated|recalled|"
    r"acknowledged|recogni[sz]ed|welcomed\s+the\s+fact|"
    # "At a joint press conference with his Lithuanian counterpart, Duda said that both countries had borders
    # with Russia, Belarus …": what the speaker said there names no party of the meeting
    r"said|says|told\s+(?:reporters|journalists|the\s+press|the\s+media))\s+that\b",
    re.I,
)
# ("Magufuli told a news conference in Dar es Salaam after talks with Kagame that …": what he told)
_SPEECH_BEFORE = re.compile(
    r"\b(?:said|says|told\s+(?:\w+|(?:a|the)\s+(?:joint\s+)?(?:news|press)\s+conference(?:\s+in\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)?)|"
    r"stressed|noted|added|declared)\s+(?:in|at|during|after|following)\b"
)
_THAT_AFTER = re.compile(r"\s+that\s+")
_REMOTE_MEETING = re.compile(
    r"\b(?:virtual|online|video|(?:tele)?phone)\s+(?:[\w-]+\s+)?(?:summit|meeting|talks|call|conference|"
    r"conversation|dialogue|session)\b|\bvia\s+video\b",
    re.I,
)
# What may stand before a date that opens the sentence: "On July 8, …", "In early March, …".
_SENTENCE_OPENING = re.compile(
    r"\W*(?:(?:on|in|during|by|at)\s+)?(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?", re.I
)
_SAID_ON = re.compile(
    r"\b(?:said|told\s+\w+|announced|stated|reported|confirmed|added)\s+(?:on\s+|late\s+|early\s+|last\s+)?$",
    re.I,
)
# A year that names a document, not the meeting: "the 2006 Lombok Treaty", "the 2015 Paris Agreement".
_DOCUMENT_YEAR = re.compile(
    r"(?:\s+(?-i:[A-Z])[\w'’-]+){0,3}\s+(?:Treaty|Accords?|Agreement|Declaration|Charter|Convention|Constitution|Act|"
    r"Communiqu[eé]|Protocol|Roadmap|Action\s+Plan|Plan\s+of\s+Action|Memorandum|MoU|MOU)\b"
)


# A state about to host the meeting: "India will host", "is scheduled to host", "hosts".
_HOST_AFTER = re.compile(
    # ("Brussels to host NATO defence ministers meeting": a headline's bare infinitive too)
    # ("As Kuala Lumpur prepares to host the ASEAN Summit", "Baku is gearing up to host")
    r"\s+(?:(?:will|would|is|was)\s+(?:(?:scheduled|set|due|expected|slated|preparing|gearing\s+up|getting\s+ready)\s+)?|"
    r"(?:prepares|prepared|gears\s+up|readies\s+itself)\s+)?(?:to\s+)?host(?:s|ed|ing)?\b",
    re.I,
)


# A capitalised name after "in", "at" or "off", then the state it lies in: "in Tunxi, in eastern
# China's …", "off Sasebo in Japan", "at Magelang, Indonesia".
_UNKNOWN_TOWN_BEFORE = re.compile(
    # ("conducted at the Army Battle School, Saljhandi (Nepal)": a town after a venue, its state in brackets)
    r"(?:\b(?:in|at|off)\s+|,\s+(?=(?-i:[A-Z])[a-z][\w'’-]+\s*\(\s*$))"
    r"(?P<town>(?-i:[A-Z])[a-z][\w'’-]+(?:\s+(?-i:[A-Z])[a-z][\w'’-]+)?)"
    r"(?:\s*,\s*(?:in\s+)?|\s+in\s+|\s*\(\s*)(?:the\s+)?"
    r"(?:(?:north|south|east|west|central|northern|southern|eastern|western|north-?eastern|north-?western|"
    r"south-?eastern|south-?western|far-?eastern)\s+)?$"
)
# A capitalised word right after a state's adjective, ending the phrase: "in Turkish Kars in February".
_TOWN_AFTER_ADJECTIVE = re.compile(
    r"\s+(?P<town>(?-i:[A-Z])[a-z][\w'’-]+)(?=\s*[,.;]|\s*$|\s+(?:in|on|last|this|next|from|during|and|to|at)\b)"
)
# Capitalised words that are no town: months, days, seasons, words of office and of geography.
_NOT_A_TOWN = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|"
    r"Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Spring|Summer|Autumn|Winter|Parliament|"
    r"Congress|Government|Province|Region|State|City|Capital|Bay|Sea|Ocean|Gulf|Strait|Asia|Europe|"
    r"Africa|America|Addition|Particular|General|Total|Fact|Turn|Return|Response|Contrast|Light|View|"
    r"Line|Support|Talks|Meeting)(?:\s+\w+)?",
)


# The words between a preposition and its place: a few (lowercased), or a building before its city
# ("at the ministry of foreign affairs, islamabad"; not a month or year: "in april, beijing presented").
_WORDS_TO_THE_VENUE = r"(?:(?:\w+\s+){0,4}|(?:\w+\s+){1,4}(?!(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*,)(?!\d)\w+,\s+)"


_GOING_HOME = re.compile(r"\b(?:return(?:s|ed|ing)?|back|head(?:s|ed|ing)?\s+home)\s+to\s+$")


_MEETING_NAMED_BY_CITY = re.compile(
    r"\s+(?:summit|meeting|talks|conference|session|dialogue|ministerial|round\s+of\s+talks)\b(?!\s+of\s+(?:the\s+)?(?:\w+\s+)?(?:process|format|declaration))"
)


def location_of(
    sentence: Sentence,
    clause: tuple[int, int],
    trig: Trigger,
    s_actors: Sequence[ActorMention],
    parties: Sequence[str],
    triggers: Sequence[Trigger] = (),
    gaz: Gazetteer | None = None,
) -> Location | None:
    """Return the venue of the event: a city named with 'in'/'at' in the clause, else a party country 'in X'.

    A place that follows another occasion named in the sentence ("opened the second summit,
    two years after the first summit in Xi'an") is that occasion's venue, not this one's
    (`_venue_of_another`): a place is taken from what reports this meeting, never from an
    earlier one.
    """
    text = sentence.text
    if _REMOTE_MEETING.search(text, max(0, trig.start - 30), trig.end):
        return None  # "their first virtual summit", "a video call": no venue
    places = []
    for a in s_actors:
        start = a.start - sentence.start
        if not clause[0] <= start < clause[1] or a.via == "dateline":
            continue
        if _venue_of_another(text, start, trig, triggers):
            continue
        if start < trig.start and is_landmark_in_time(text, trig):
            continue  # "met in Lima on Friday, ahead of the APEC summit": Lima is the meeting's
        if start < trig.start and _WHEN_BETWEEN.search(text, a.end - sentence.start, trig.start):
            continue  # "invited Prabowo to visit Brasilia when the two met in Rio": the visit's place
        before = text[max(0, start - 45) : start].lower()
        if _TOPIC_IN.search(before):
            continue  # "meeting calls for immediate ceasefire in Gaza": what was discussed, not where
        after_place = text[a.end - sentence.start : a.end - sentence.start + 40]
        # A capital that stands for its government ("At present Tokyo holds 2+2s with…") is a
        # venue only right after its preposition, not a few words later.
        # ("at the Ministry of Foreign Affairs, Islamabad": the building, then its city)
        words_between = "" if _stands_for_its_state(a, s_actors) else _WORDS_TO_THE_VENUE
        if a.type == ActorType.PLACE and (
            # ("Kamikawa, who is visiting Manila, held a meeting": where the visitor is, they met)
            re.search(
                r"\b(?:in|at|off|(?<!according\s)to|hosted\s+by|venue|visit|visiting|visited|visits|during|(?:sidelines|margins?)\s+of|"
                + DEPARTS
                + r"\s+for)\s+(?:the\s+)?"
                + words_between
                + "$",
                before,
            )
            or _IN_THE_CITY_OF.search(text, 0, start)  # "in the historic western German city of Muenster"
            or _HOST_AFTER.match(after_place)  # "Moscow hosted the last round"
            or names_the_venue(text, a, sentence, trig)
            # "The Tokyo meeting in March brought together …": the city names the meeting
            # ("After their Kremlin talks": the seat of government names where they met)
            or (re.search(r"\b(?:the|their)\s+$", before) and _MEETING_NAMED_BY_CITY.match(after_place))
            # ("… Istanbul Summit in 1994, Bishkek Summit in 1995": a session named by its city)
            or (
                re.match(r"\s+(?-i:Summit)\b", after_place)
                and 0 <= trig.start - (a.end - sentence.start) <= 2
            )
        ):
            if re.search(r"\bcapital of\s*$", before) or _GOING_HOME.search(before):
                continue  # (nor "is scheduled to return to Colombo today": where the visitor goes home)
            places.append((abs(start - trig.end), Location(city=a.name, country=a.country)))
        elif (
            a.type == ActorType.STATE
            and a.code
            and (named := _CITY_OF_DEMONYM.match(after_place + text[a.end - sentence.start + 40 :][:40]))
            and re.search(r"\bin\s+the\s+(?:[\w-]+\s+){0,3}$", text[max(0, start - 40) : start])
        ):
            # "in the historic western German city of Muenster": a town the gazetteer may not know,
            # named as the venue, in the state the adjective names
            places.append((abs(start - trig.end), Location(city=named.group(1), country=a.code)))
        elif (
            a.type == ActorType.STATE
            and a.code
            and (town := _UNKNOWN_TOWN_BEFORE.search(text, max(0, start - 70), start))
            and not _NOT_A_TOWN.fullmatch(town.group("town"))
            and not any(
                o.start - sentence.start < town.end("town") and town.start("town") < o.end - sentence.start
                for o in s_actors
            )
        ):
            # "held in Tunxi, in eastern China's Anhui province", "concluded off Sasebo in Japan": a town
            # the gazetteer does not know, placed in the state named right after it
            places.append((abs(start - trig.end) + 20, Location(city=town.group("town"), country=a.code)))
        elif (
            a.type == ActorType.STATE
            and a.code
            and a.via in ("adjective", "demonym")
            and re.search(r"\b(?:in|at)\s+$", before)
            and (town := _TOWN_AFTER_ADJECTIVE.match(after_place))
            and not _NOT_A_TOWN.fullmatch(town.group("town"))
            and not any(o.start > a.start and o.start - a.end < 3 for o in s_actors)
        ):
            # "held a meeting in Turkish Kars in February": a town the gazetteer does not know, in the
            # state its adjective names
            places.append((abs(start - trig.end), Location(city=town.group("town"), country=a.code)))
        elif (
            gaz is not None
            and a.type == ActorType.STATE
            and a.code in gaz.states
            and re.search(r"\b(?:in|at)\s+$", before)
            and re.match(r"['’]s\s+capital\b", after_place)
        ):
            # "the first ever to take place in Russia's capital": Moscow
            places.append((abs(start - trig.end), Location(city=gaz.states[a.code].capital, country=a.code)))
        elif (
            a.type == ActorType.STATE
            and a.code in parties
            # (not "visiting South Korean Foreign Minister …", "visiting New Zealand Minister …": the visitor's)
            and a.via != "demonym"
            and not _TITLE_AFTER_STATE.match(text, a.end - sentence.start)
            and (
                # (not the visitor: "the visit of the Turkish Foreign Minister to Turkmenistan")
                (
                    0 <= start - trig.end <= 4
                    and not re.search(r"\b(?:of|by)\s*$", text[trig.start : trig.end])
                )
                or (0 <= start - trig.end <= 60 and re.search(r"\bto\s+(?:the\s+)?$", before))
            )
            and _VISIT.match(text[trig.start : trig.end])
        ):
            # "will visit China", "the visit to Turkmenistan": the host is where the talks are
            places.append((abs(start - trig.end) + 40, Location(city=city_state(a, gaz), country=a.code)))
        elif (
            a.type == ActorType.STATE
            and a.code
            and a.code not in parties
            and a.via == "name"
            and (
                _MET_IN_STATE.search(text, max(0, start - 40), start)
                # "a bilateral defense ministers dialogue in Singapore": the trigger's own "in"
                or _IN_RIGHT_AFTER.fullmatch(text, trig.end, start) is not None
            )
        ):
            # "the defence ministers met in Singapore", "the two leaders met in Switzerland": a
            # third state named as where they met (its city where the two share a name)
            places.append((abs(start - trig.end) + 30, Location(city=city_state(a, gaz), country=a.code)))
        elif a.type == ActorType.STATE and a.via in ("name", "abbreviation") and a.code in parties:
            after = text[a.end - sentence.start : a.end - sentence.start + 40]
            if re.search(r"\bhosted\s+by\s+$", before) or _HOST_AFTER.match(after):
                # "to be hosted by India", "India will host the SCO summit": the host's country
                # (after any place the sentence names: "India will host the talks in New Delhi")
                places.append((abs(start - trig.end) + 500, Location(city=None, country=a.code)))
            elif re.search(
                r"\b(?:held|hosted|take\s+place|took\s+place|be)\s+in\s+(?:the\s+)?$|\bin\s+(?:the\s+)?$",
                before,
            ) and not re.search(
                r"\b(?:interest|role|investment|presence|influence|confidence|trust|faith|cooperation)\s+in\s+$",
                before,
            ):
                places.append((abs(start - trig.end) + 30, Location(city=city_state(a, gaz), country=a.code)))
    if not places:
        return visited_state(sentence, clause, s_actors, parties, gaz)
    return min(places, key=lambda p: p[0])[1]


def _dateline_city(s_actors: Sequence[ActorMention], country: str | None) -> str | None:
    "Return the city of the sentence's wire dateline when it lies in `country` ('CANBERRA - …')."
    return next(
        (
            a.name
            for a in s_actors
            if a.type == ActorType.PLACE and a.via == "dateline" and a.country == country
        ),
        None,
    )


# A journey's destination: "made an official visit to Sweden", "will tomorrow leave for Botswana".
_TRAVEL_TO = re.compile(
    r"\b(?:visit(?:s|ed|ing)?|trip|tour|travel(?:s|led|ed|ling|ing)?|arriv(?:e|es|ed|ing)|"
    r"(?:leave|leaves|left|leaving|depart(?:s|ed|ing)?)\s+for|head(?:s|ed|ing)?|flew|flies)\s+"
    r"(?:to\s+|in\s+)?(?:the\s+)?(?:neighbou?ring\s+)?$",
    re.I,
)


def host_of_the_leg(
    dyad: tuple[str, ...],
    dyads: Sequence[tuple[tuple[str, ...], int | None]],
    trigger_text: str,
    location: Location | None,
    before: str = "",
) -> Location | None:
    """Return the host state of one leg of a tour as the leg's place, None when the trigger is no tour.

    Why: "visited Jordan, Egypt and Turkey last week" is a visit to each; the visitor is in every
    pair, the host in one, and annotators place each leg in its host (no city named). A city the
    sentence names stays with the leg in its country.
    """
    if len(dyads) < 2 or not (
        _VISIT.match(trigger_text)
        or _TRAVELS_TO_EACH.search(before)
        or _TRAVEL_TO_TRIGGER.search(trigger_text)
    ):
        return None  # (or "will travel to South Korea on Wednesday and Japan on Thursday for meetings")
    visitor = set.intersection(*(set(d) for d, _ in dyads))
    host = set(dyad) - visitor
    if len(visitor) != 1 or len(host) != 1:
        return None
    if VISITS_TO.search(before + trigger_text):
        # "leaders of Angola, Ethiopia and Guinea paid official visits to Turkey": the one state in
        # every pair is the host, not a visitor
        host, visitor = visitor, host
    (code,) = host
    if location is not None and location.country == code:
        return location
    return Location(city=None, country=code)


def visited_state(
    sentence: Sentence,
    clause: tuple[int, int],
    s_actors: Sequence[ActorMention],
    parties: Sequence[str],
    gaz: Gazetteer | None,
) -> Location | None:
    """Return the party a clause says was travelled to, when it names no venue of its own.

    Why: "made an official visit to Sweden and Denmark and met with his counterparts", "talks
    between Prime Minister Modi and visiting Seychelles President Faure": the host's country is
    where they met, as annotators read it, though the text names no city.
    """
    text = sentence.text
    in_clause = [
        a for a in s_actors if clause[0] <= a.start - sentence.start < clause[1] and a.type == ActorType.STATE
    ]
    for a in in_clause:
        start = a.start - sentence.start
        if a.code not in parties:
            continue
        if _TITLE_AFTER_STATE.match(text, a.end - sentence.start):
            # "visiting Seychelles President Danny Faure": the visitor's state; the other one hosts
            if len(parties) == 2 and re.search(r"\bvisiting\s+$", text[max(0, start - 12) : start]):
                host = next(code for code in parties if code != a.code)
                return Location(city=_dateline_city(s_actors, host), country=host)
            continue
        if a.via in ("name", "abbreviation") and _TRAVEL_TO.search(text, max(0, start - 40), start):
            return Location(city=city_state(a, gaz) or _dateline_city(s_actors, a.code), country=a.code)
    return None


_TITLE_AFTER_STATE = re.compile(
    r"['’]?s?\s+(?:Foreign|Defen[cs]e|Prime|President|Minister|Secretary|Deputy|Vice|Premier|King|Queen|Crown|"
    r"Chancellor|Ambassador|Emir|Sultan|delegation|counterpart|officials?|leader)\b"
)
_TRAVELS_TO_EACH = re.compile(
    r"\b(?:travel(?:l?ed|s|l?ing)?|head(?:ed|s|ing)?|fly|flies|flew|flying)\s+(?:on\s+)?to\s+(?-i:[A-Z])[^.;]*\band\b[^.;]*$",
    re.I,
)
_TRAVEL_TO_TRIGGER = re.compile(r"\b(?:travel|fly|head)\s+(?:on\s+)?to\b", re.I)
_VISIT = re.compile(
    # ("state visit", "official visit": the kind of visit before the word)
    r"(?:(?:state|official|working|two-day|three-day|first)\s+)*"
    r"(?:visit|trip|tour|(?:\w+\s+)?stops\s+in|(?:paid|pays|pay)\s+(?:a|an)\s+(?:\w+\s+)?visit"
    # ("Other stops will include St Lucia, Guyana and Barbados")
    r"|(?:other|next|later|further|subsequent|remaining)\s+stops?\b)",
    re.I,
)
# A deal one of whose sides is a firm: "between a Taiwanese firm and the state government of Melekeok".
_BETWEEN_A_FIRM = re.compile(
    r"[^.;]{0,60}?\bbetween\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}(?:firm|company|corporation|enterprise|bank|"
    r"conglomerate|developer|contractor)\b",
    re.I,
)
_BARE_RECEPTION = re.compile(r"(?:received|receives|welcomed|welcomes|hosted|hosts)\s+", re.I)


def received_a_person(sentence: Sentence, trig: Trigger, s_actors: Sequence[ActorMention]) -> bool:
    "True when a person of some state is named right after a verb of receiving ('Tokayev has received Wang Yi')."
    return any(
        a.type == ActorType.PERSON and a.country and a.start - sentence.start == trig.end for a in s_actors
    )


# A ship, squadron or troops as the visitor: "the Qi Jiguang ship visited Vietnam", "the frigate INS Tabar will visit
# Oman", "a pact that would allow their troops to visit each other's countries": a port call or a deployment, no talks.
_A_SHIP_VISITS = re.compile(
    r"\b(?:ships?|vessels?|frigates?|destroyers?|warships?|corvettes?|(?:aircraft\s+)?carriers?|fleet|submarines?|"
    r"flotilla|(?:task|strike)\s+group|squadron|cutters?|troops|soldiers|forces|personnel)\b(?:\s+(?-i:[A-Z])[\w-]*){0,3},?\s+"
    r"(?:(?:has|have|had|will|is|are|was|were|to)\s+)?(?:also\s+)?(?:(?:made|make|paid|pay|been)\s+(?:a\s+)?(?:\w+\s+)?)?"
    r"(?:visit(?:ed|s|ing)?|port\s+calls?|call(?:ed)?\s+(?:at|on))\b",
    re.I,
)


# Invitations sent for a meeting: "invitations to Rwanda, Uganda and Burundi for the summit"
_INVITATIONS_FOR = re.compile(
    r"\binvitations?\b[^.;]{0,80}?\b(?:to|for)\s+(?:the|this|next|its)\s+(?:[\w'’-]+\s+){0,3}$", re.I
)


# A ministerial body named for another portfolio: "the Ministerial Council on Law and Security",
# "Ministerial Commission for Trade": its ministers are not the pair's 2+2.
_OTHER_PORTFOLIO_AFTER = re.compile(
    r"\s+(?:on|for|of)\s+(?:the\s+)?(?:law|justice|trade|econom|energy|agricultur|health|financ|home\s+affairs|"
    r"education|culture|transport|migration|investment|industry|tourism|labou?r|environment|water)",
    re.I,
)


def holds_a_2plus2(codes: set[str], gaz: Gazetteer | None) -> bool:
    "True when the reference data knows a 2+2 of exactly these two states."
    return gaz is not None and any(
        m.kind == EventKind.TWO_PLUS_TWO and set(m.parties) == codes for m in gaz.mechanisms.values()
    )


# States whose capital shares their name but "in Mexico", "in Panama" means the country.
_STATES_LARGER_THAN_THEIR_CAPITAL = frozenset({"MEX", "GTM", "PAN"})


def city_state(place: ActorMention, gaz: Gazetteer | None) -> str | None:
    """Return the city a state's name also names ("held in Kuwait", "in Singapore"), else None.

    Why: where a state and its capital share a name, "the summit held in Kuwait" names the city
    as much as the state; annotators write the city.
    """
    if gaz is None or place.code not in gaz.states or place.code in _STATES_LARGER_THAN_THEIR_CAPITAL:
        return None
    capital = gaz.states[place.code].capital
    return place.name if capital and capital.split()[0] == place.name else None


# "the Tokyo Quad meeting", "The Samarkand SCO summit", "the recent Helsinki summit": a city
# naming its meeting; "AUSMIN 2013, Washington DC": a session listed with its venue.
_CITY_BEFORE_TRIGGER = re.compile(r"(?:\s+(?:[A-Z][\w+-]*|\d{4}))*\s*$")
_DETERMINER_BEFORE_CITY = re.compile(
    r"\b(?:the|a|its|their|last|this|next|recent|(?:19|20)\d\d)\s+"
    r"(?:(?:\w+-\w+|annual|upcoming|historic|landmark|extraordinary|emergency)\s+)?$",  # "the two-day Damascus summit"
    re.I,
)
_YEAR_AND_COMMA = re.compile(r"\s+(?:19|20)\d\d\s*[,:–-]\s*$")


# A place after a word for what happens there: "a ceasefire in Gaza", "the war in Sudan" (its topic).
_TOPIC_IN = re.compile(
    r"\b(?:cease-?fire|truce|war|fighting|conflict|crisis|violence|escalation|hostilities|situation|"
    r"developments|peace|aggression|offensive|bombardment|genocide)\s+in\s+(?:the\s+)?$"
    r"|\b(?:war|aggression|offensive|assault|attacks?|strikes|bombardment|campaign)\s+(?:on|against)\s+(?:the\s+)?$",
    re.I,
)


def names_the_venue(text: str, place: ActorMention, sentence: Sentence, trig: Trigger) -> bool:
    "True when a city modifies the trigger ('the Tokyo Quad meeting') or follows it as its listed venue."
    start, end = place.start - sentence.start, place.end - sentence.start
    if 0 <= trig.start - end <= 20 and _CITY_BEFORE_TRIGGER.fullmatch(text[end : trig.start]):
        return bool(_DETERMINER_BEFORE_CITY.search(text[max(0, start - 12) : start]))
    return 0 <= start - trig.end <= 10 and bool(_YEAR_AND_COMMA.fullmatch(text[trig.end : start]))


_ITS_BEFORE = re.compile(r"\bits\s+(?:[\w'’+-]+\s+){0,3}$", re.I)


def possessive_owner(
    sentence: Sentence, trig: Trigger, s_actors: Sequence[ActorMention], codes: set[str]
) -> str | None:
    "Return the state 'its' stands for before a trigger: the last state the sentence names before it."
    text = sentence.text
    if not _ITS_BEFORE.search(text[max(0, trig.start - 40) : trig.start]):
        return None
    owner = None
    for a in s_actors:
        start = a.start - sentence.start
        if start >= trig.start:
            break
        if a.type == ActorType.STATE and a.code and a.code not in codes:
            if not re.search(r"\b(?:in|at|to|from)\s+$", text[max(0, start - 5) : start]):
                owner = a.code
    return owner


def _stands_for_its_state(place: ActorMention, s_actors: Sequence[ActorMention]) -> bool:
    "True when the actors found at a place's position include its state, named through its capital."
    return any(a.type == ActorType.STATE and a.via == "capital" and a.start == place.start for a in s_actors)


# "… summit in Miami in 1994", "… meeting in 2019": a place or year right after a trigger.
_PLACE_OR_YEAR_AFTER = re.compile(r"\s+(?:in|at)\s+(?:(?:19|20)\d\d\b|[A-Z])")
# A trigger's own past participle: "the 2+2 meeting held in Japan in April 2022".
_HELD_AFTER = re.compile(r"(?:\s+[\w-]+){0,2}?\s+(?:held|hosted|convened|conducted)\s+(?:in|on|at)\b")

# A venue and a time right after a meeting's name: "… Meeting in Brussels in April", "… summit in Goa last year".
_IN_PLACE_AND_TIME_AFTER = re.compile(
    r"\s+in\s+(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+)?,?\s+(?:in|on|last)\s+(?:(?:19|20)\d\d\b|"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|year\b|month\b)"
)
# ... held already: not "an Arab summit to be held in Algiers", which is the plan the sentence serves
_HELD_PAST_AFTER = re.compile(
    r"(?:\s+(?!(?:to|be|will|would|shall)\b)[\w-]+){0,2}?\s+(?:held|hosted|convened|conducted)\s+(?:in|on|at)\b"
)

# Who took part, named right after a meeting's name: "the summit between President Erdoğan, …".
# (matched from the trigger's start: some triggers end with their "between")
_PARTICIPANTS_AFTER = re.compile(r"[\w’'+-]+(?:\s+[\w’'+-]+){0,2}?\s+between\s+(?:the\s+)?(?-i:[A-Z])", re.I)

# Words before a trigger that make it another occasion than the one in hand: "the first
# summit", "the previous round", "last year's meeting", "the 2023 summit".
_ANOTHER_OCCASION = re.compile(
    r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|inaugural|previous|"
    r"last|earlier|prior|preceding|next|\d+(?:st|nd|rd|th)|(?:19|20)\d\d(?:'s)?|"
    # ("held their first virtual summit in March 2021, followed by an in-person summit at the White House")
    r"followed\s+by(?:\s+(?:a|an|the))?)\s+(?:[\w'’-]+\s+){0,3}$",
    re.I,
)


def _venue_of_another(text: str, place: int, trig: Trigger, triggers: Sequence[Trigger]) -> bool:
    """True when the place at `place` names the venue of another occasion than `trig`'s.

    The place's nearest trigger on its left is another one, set apart as another occasion
    by an ordinal, a year or "previous"/"next" just before it.
    """
    left = [t for t in triggers if t.end <= place]
    if not left:
        return False
    nearest = max(left, key=lambda t: t.end)
    if nearest.start == trig.start or trig.start <= nearest.start < trig.end or nearest.end <= trig.end:
        return False
    if nearest.start >= trig.end and _NEXT_IN_TRIGGER.match(text, nearest.start, nearest.end):
        return True  # "…of the second edition in Rajasthan, and agreed to hold the next edition in Riyadh"
    return bool(_ANOTHER_OCCASION.search(text[max(0, nearest.start - 40) : nearest.start]))


_RECENT_BEFORE = re.compile(
    r"\b(?:recent|recently[- ](?:held|concluded)|just[- ](?:held|concluded))\s+(?:[\w+-]+\s+){0,3}$", re.I
)
_NEXT_IN_TRIGGER = re.compile(r"(?:the|its|their|a)\s+(?:next|subsequent|following)\b", re.I)


# "first" as the adverb of a verb: "was first announced", "first proposed the idea".
_FIRST_DONE = re.compile(
    r"(?<=\b[Ff]irst)\s+(?:announced|proposed|unveiled|agreed|mooted|floated|suggested|raised|formed|forged|"
    r"conceived|launched|signed|introduced)\b"
)


def ordinal_of(text: str, c_start: int, trig: Trigger, next_start: int | None = None) -> int | None:
    """Return the ordinal of the session ('the third ... meeting', 'inaugural 2+2'), if stated just before the trigger.

    `next_start` is where the sentence's next trigger starts: an ordinal after the trigger that
    stands right before the next one is that one's ("The summit participants decided to hold the
    third Consultative Meeting": the third is the meeting decided on, not the summit).
    """
    window_start = max(c_start, trig.start - 70)
    window = text[window_start : trig.end]
    best = None
    for m in ORDINAL_RE.finditer(window):
        if _RANK_IN_A_TITLE.match(window, m.end()):
            continue  # "hosted First Vice Minister of Foreign Affairs Chang": a rank, not a session
        if _FIRST_DONE.match(window, m.end()):
            continue  # "the agreement was first announced in 2021": when, not which session
        if _OF_A_MONTH.match(window, m.end()):
            continue  # "on the 21st of February": a day, not a session
        between = re.sub(r"\b(?:[A-Z]\.){2,}", "", window[m.end() : trig.start - window_start])  # "U.S."
        if re.search(
            r"[.;]|\b(?:since|after|before|than|time|such|in\s+\d{4}|nation|country|state|partner|member|"
            # ("the first sitting US president to meet with a North Korean leader": a first of a person)
            r"followed|preceded|president|leader|(?:prime\s+)?minister|premier|chancellor|secretary|head|"
            # ("the 75th anniversary of the signing of the treaty": the anniversary's number)
            r"anniversary|"
            # ("first proposed the idea when he held summit talks": the adverb of another clause's verb)
            r"when|while|whereas)\b",
            between,
        ):  # "the fifth nation to hold a 2+2 with Japan": not the fifth session
            continue
        value = ordinal_value(m.group(1))
        if value is not None and value < 200:
            best = value
    if best is not None and _SCOPED_AFTER.match(text, trig.end):
        best = None  # "the maiden 2+2 meeting under the Biden administration": first of a period only
    if (
        best is None
        and (roman := _ROMAN_BEFORE.search(text, max(c_start, trig.start - 40), trig.start))
        and not _NAME_BEFORE.search(text, max(0, roman.start() - 30), roman.start())
    ):
        # "the IX Summit of CELAC", "the XV BRICS Summit" (not a regnal number: "Sualauvi II met")
        best = roman_value(roman.group(1))
    if best is None:
        # "the foreign ministers will hold the ninth trilateral meeting": the verb's object.
        after = (
            _ORDINAL_OBJECT.match(text, trig.end, trig.end + 90)
            or _ORDINAL_APPOSITIVE.match(text, trig.end, trig.end + 90)
            or _ORDINAL_OF_ITS_KIND.match(text, trig.end, trig.end + 120)
        )
        if next_start is not None and after and after.end() <= next_start < after.end() + 60:
            after = None
        if after and not _SCOPED_AFTER.match(text, after.end()) and not _SINCE_NEAR.match(text, after.end()):
            best = ordinal_value(after.group(1))  # (not "…, their first face-to-face meeting since 2022")
    if (
        best is None
        and (first := _FIRST_TIME_AFTER.match(text, trig.end))
        and not _SINCE_NEAR.match(text, first.end())
    ):
        best = (
            1  # "Leaders met for the first time in Xi'an in May 2023" (not "for the first time since 2019")
        )
    return best


# A day's month after an ordinal: "the 21st of February", "21st February".
_OF_A_MONTH = re.compile(
    r"\s+(?:of\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\b", re.I
)


# A meeting verb "for the first time": its first session.
_FIRST_TIME_AFTER = re.compile(r"\s+(?:\w+\s+)?for\s+the\s+(?:very\s+)?first\s+time\b", re.I)


_SINCE_NEAR = re.compile(
    r"(?:\s+[\w-]+){0,4}?\s+(?:since|in\s+(?:(?:almost|nearly|over|about|more\s+than)\s+)?(?:a\s+|an\s+|\w+\s+)?"
    r"(?:years?|decades?|months?))\b",
    re.I,
)


_SCOPED_AFTER = re.compile(
    r"(?:\s+(?:ministerial\s+)?(?:meeting|dialogue|talks|summit|session|round))?"
    # ("the first Gulf summit attended by the Sultan of Oman since 2020": first of a period only)
    r"(?:\s+(?:attended|hosted|chaired|held)\s+by\s+[^,;.]{1,60}?(?=\s+since\b))?"
    r"\s+(?:under\s+(?:the\s+)?(?:new\s+)?[\w.-]+(?:\s+[\w.-]+)?\s+(?:administration|government|presidency|leadership)"
    r"|since\b|in\s+(?:(?:almost|nearly|over|about|more\s+than)\s+)?(?:a\s+|an\s+|\w+\s+)?(?:years?|decades?|months?)\b"
    r"|after\s+(?:a|the)\s+(?:\w+\s+)?(?:gap|hiatus|break)\b)",
    re.I,
)
_ROMAN_BEFORE = re.compile(r"\b([IVX]{2,6})\s+(?:[A-Z][\w-]+\s+){0,3}$")
_ROMAN_DIGITS = {"I": 1, "V": 5, "X": 10}
_NAME_BEFORE = re.compile(
    r"\b(?!(?:The|At|In|On|Of|For|During|To|From|After|Before|Its|Their)\b)[A-Z][\w’'ʻ-]*\s+$"
)


def roman_value(numeral: str) -> int | None:
    "Return the value of a Roman numeral of a session ('IX' → 9), None when it is not a well-formed one."
    total = 0
    for i, ch in enumerate(numeral):
        value = _ROMAN_DIGITS[ch]
        total += -value if i + 1 < len(numeral) and _ROMAN_DIGITS[numeral[i + 1]] > value else value
    canonical = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"]
    tens, ones = divmod(total, 10)
    return total if 0 < total < 40 and "X" * tens + canonical[ones] == numeral else None


def ordinal_value(word: str) -> int | None:
    "Return the number of an ordinal as written ('third', 'Forty-Fourth', '14th'), None when it is none."
    word = word.lower().replace(" ", "-")
    if word in ORDINALS:
        return ORDINALS[word]
    number = word[:-2].rstrip("-")  # ("30 th", spaced, became "30-th")
    return int(number) if number.isdigit() else None


# "The India-US 2+2 Dialogue, the fifth meeting of the foreign and defence ministers, …": an appositive.
_ORDINAL_APPOSITIVE = re.compile(
    r"[^.;:,]{0,25},\s+(?:the|its|their)\s+"
    + ORDINAL_RE.pattern.removeprefix(r"\b")
    + r"(?=\s+(?:[\w-]+\s+){0,2}?(?:meeting|session|round|edition|dialogue|summit|iteration)\b)",
    re.I,
)
# "held a joint drill in the Sea of Oman on Monday, the ninth of its kind between the two navies"
_ORDINAL_OF_ITS_KIND = re.compile(
    r"[^.;:,]{0,60},\s+(?:which\s+(?:was|is)\s+)?(?:the|its|their)\s+"
    + ORDINAL_RE.pattern.removeprefix(r"\b")
    + r"(?=\s+of\s+its\s+kind\b)",
    re.I,
)
_RANK_IN_A_TITLE = re.compile(r"\s+(?:vice|deputy|assistant|secretary|lady|minister)\b", re.I)
_ORDINAL_OBJECT = re.compile(
    r"[^.;:]*?\b(?:hold|held|holding|convene|convened|attend|attended)\s+"
    r"(?:the|its|their)\s+"
    + ORDINAL_RE.pattern.removeprefix(r"\b")
    # (a session's number: not "to attend the 75th Republic Day celebrations")
    + r"(?=\s+(?:[\w'’-]+\s+){0,5}?(?:meeting|session|round|summit|dialogue|talks|consultations|conference|edition)\b)",
    re.I,
)


def official_name(text: str, trig: Trigger) -> str | None:
    """Return the capitalised official name around a trigger, e.g. 'China-Indonesia Joint Foreign and Defense Ministerial Dialogue'."""
    phrase = text[trig.start : trig.end]
    if not phrase[:1].isupper() or phrase.islower():
        return None
    if re.match(r"(?:The|A|An|Its|Their|This|That)\s+(?-i:[a-z])", phrase):
        return None  # "The next meeting will be held in India": capitalised as the sentence opens, no name
    start = trig.start
    # Extend left over capitalised words and state compounds ("India-Japan ").
    left = re.search(
        # Possessive quantifiers: "PETROPAVLOVSK-KAMCHATSKY" must not backtrack letter by letter.
        r"((?:[A-Z][\w'’.]*+[-–]?)++(?:[\s-]+[A-Z][\w'’.]*+)*+\s+)$",
        text[max(0, start - 40) : start],
    )
    if left and not re.match(r"(?:The|A|An|On|In)\b", left.group(1)):
        start -= len(left.group(1))
    name = text[start : trig.end].strip(" \"“”'’")
    # ("the Fourth Session of the JPC", "the 22nd Meeting of the Joint Commission": the body is the name)
    name = _SESSION_OF_THE.sub("", name)
    if re.search(r"\b(?:Ministers?|Officials|Leaders)\s+(?:of|from)$", name, re.I):
        return (
            None  # "Deputy Foreign Ministers of Russia and Turkey held consultations": who, not a body's name
        )
    return name if len(name.split()) >= 2 or _ACRONYM.fullmatch(name) else None


# A session's number and noun before the body it is a session of: "Fourth Session of the ".
_SESSION_OF_THE = re.compile(r"^(?:[\w-]+\s+)?(?:Session|Meeting|Sitting|Round)\s+of\s+the\s+(?=[A-Z])")
_ACRONYM = re.compile(r"[A-Z]{2,6}")


def confidence_of(trig: Trigger, explicit: bool, date: str | None, status: str) -> float:
    "A rough confidence: strong trigger, explicit parties and a date each add to it."
    score = 0.45 + (0.2 if trig.strong else 0.0) + (0.15 if explicit else 0.0) + (0.1 if date else 0.0)
    if status in (EventStatus.PROPOSED, EventStatus.PREDICTED):
        score -= 0.05
    return round(min(score, 0.95), 3)


# ── 5. merging within the article ────────────────────────────────────────────
