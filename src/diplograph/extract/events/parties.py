"""Who takes part in an event named in a sentence.

Input: a trigger, its clause and the sentence's actor mentions. Output: the
states taking part (with where each is named and whether it is a partner of
the hub), and their split into dyads for bilateral formats.

Why separate: deciding parties is the hardest part of the extraction (topics
vs participants, hubs and partners, groupings standing for their members);
its rules read best together.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from diplograph.extract.events.common import (
    BILATERAL_KINDS,
    DEPARTS,
    LANDMARK_IN_TIME,
    MEETING_KINDS,
    SEVERAL_SIDES,
    Context,
    Trigger,
    topic_cue_after,
    topic_cue_before,
)
from diplograph.models import ActorMention, Sentence
from diplograph.vocab import NUMBER_WORDS, ActorType, EventKind


@dataclass
class States:
    """The states of a clause that take part, with where each is first named."""

    codes: dict[str, int] = field(default_factory=dict)
    partners: set[str] = field(default_factory=set)
    venues: dict[str, int] = field(default_factory=dict)
    possessive: str | None = None
    from_grouping: bool = False
    groupings: list[str] = field(default_factory=list)  # ids of the groupings that stand for members
    # The grouping names the meeting itself ("the SCO Defence Ministers' Meeting"): one meeting of
    # its members, however "bilateral" the talks held on its sidelines.
    names_the_meeting: bool = False


def _country_of_the_place_before(
    a: ActorMention, s_actors: Sequence[ActorMention], sentence: Sentence
) -> bool:
    "True when a state follows a city of its own after a comma: 'in Qingdao, east China', 'Bishkek, Kyrgyzstan'."
    for p in s_actors:
        if p.type == ActorType.PLACE and p.country == a.code and p.end <= a.start <= p.end + 25:
            if re.fullmatch(
                # (and "in Vientiane, the capital of Laos")
                r",\s+(?:[a-z-]+\s+|the\s+(?:[a-z-]+\s+)?(?:capital|city|port|town)\s+of\s+(?:the\s+)?)?",
                sentence.text[p.end - sentence.start : a.start - sentence.start],
            ):
                return True
    return False


_IN_PLACE_COMMA = re.compile(r"\b(?:in|at)\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2},\s+$")


# What sets the reported meeting after (or beside) another occasion: "the exercise would follow the defence
# minister's visit to Singapore", "the visit comes weeks after talks in Delhi", "comes as Beijing …": who
# takes part in that occasion takes no part in this one.
_ANOTHER_OCCASION = re.compile(
    r"\b(?:(?:would|will|to)\s+follow(?![\s-]+up\b)|follows(?![\s-]+up\b)|followed(?!\s+(?:by|up)\b)|"
    r"(?:comes?|came|coming)\s+(?:[\w-]+\s+){0,4}?(?:after|as|amid|on\s+the\s+heels\s+of|ahead\s+of|before)"
    # ("held the first 2+2 …, in line with agreements reached during the China-Japan-South Korea leaders'
    # meeting": what another meeting decided, and its states)
    r"|(?:reached|adopted|made|struck)\s+(?:at|during)"
    # ("Abiy's trip coincided with a visit by Somali President Mohamud": the other visit is another occasion)
    r"|(?:coincided|coincides|coinciding|overlapped|overlaps)\s+with"
    # ("The 21st summit was in Delhi in December 2021, just before Putin launched operations on Ukraine": what
    # the clause after the time says is another occasion's)
    r"|,\s+(?:just|shortly|days|weeks|months|only)\s+(?:before|after)"
    # ("He met with Defence Minister Phan Van Giang following regional talks in Malaysia": where the talks
    # before it were held)
    r"|\b(?:following|after)\s+(?:(?:the|a|regional|multilateral|his|her|their)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:talks|meetings?|summits?|visits?|conference|forum|gathering)(?=\s+(?:in|at)\s))\s",
    re.I,
)

# "Observers from Bulgaria, France, Germany, …, Serbia and the US are attending": the list of onlookers,
# however long (a look-behind window would not reach its last names)
_NAME = r"(?:the\s+)?[A-Z][\w.'’-]*(?:\s+(?:of\s+)?[A-Z][\w.'’-]*)*"
_OBSERVERS_FROM = re.compile(
    r"\b(?i:observers?)\s+(?:from|of)\s+(?:" + _NAME + r"(?:\s*,\s*(?:and\s+)?|\s+and\s+))*" + _NAME
)

# A body named for a state and a grouping: "the Forum of China and the Community of Latin American and Caribbean
# States", "the Summit of the United States and ASEAN": the grouping's members are the other side.
_FORUM_OF_A_STATE_AND = re.compile(
    r"\b(?-i:Forum|Summit|Dialogue|Partnership|Council|Conference|Cooperation)\s+of\s+(?:the\s+)?"
    r"(?-i:[A-Z])[\w-]*(?:\s+(?-i:[A-Z])[\w-]*){0,2}\s+and\s+(?:the\s+)?$",
    re.I,
)

# Where a clause's own act ends and the next begins: ", and held …", "; …".
_NEXT_ACT = re.compile(
    r",\s+and\s+(?:then\s+|also\s+)?(?:held|hold|holds|conducted|met|signed|visited|will|is|was)\b|;"
)

# A relative clause set off by dashes or brackets: "The Accra Initiative – which Benin founded with Burkina
# Faso, Ghana and Togo – is the right framework, said Talon when he received Macron". It says something about
# a name before it; the states it lists took part in nothing the rest of the sentence reports.
_RELATIVE_ASIDE = re.compile(
    r"\s[–—−]\s+(?:which|who|whose|where)\b[^–—−;()]*[–—−]|\((?:which|who|whose|where)\b[^()]*\)"
)

# What someone is quoted saying (a clause's worth of words): '"the ideal framework for the fight against terrorism,
# particularly in southern Burkina", said Talon when he received Macron'. The states it names are the speaker's
# subject, not parties of a meeting reported outside the quotation.
_QUOTED_WORDS = re.compile(r"[“\"](?=[^”\"]{30,}[”\"])(?:[^”\"\s]+\s+){4,}[^”\"]*[”\"]")

# A trip's verb right before its destination: "will travel to", "is heading to".
_TRAVELS_TO = re.compile(
    r"\b(?:(?:travel|fly|head|heading|travell?ing|flying|depart(?:s|ing)?)\s+to|(?:leave|leaving|depart(?:s|ing)?)\s+for)\s+"
    r"(?:the\s+)?$",
    re.I,
)


def party_states(
    sentence: Sentence,
    span: tuple[int, int],
    trig: Trigger,
    s_actors: Sequence[ActorMention],
    floor: int | None = None,
) -> States:
    """Return the states taking part named in `span` of the sentence.

    States count by name, demonym, capital-for-government and through the
    people named; groupings stand for their members when used for them;
    states named after "with" (following the trigger) are the hub's partners.
    """
    text = sentence.text
    found = States()
    topic_from = topics_start(text, span)
    purpose = _TO_STRENGTHEN_TIES.search(text, trig.end, span[1])
    follows = _ANOTHER_OCCASION.search(text, trig.end, span[1])
    onlookers = [m.span() for m in _OBSERVERS_FROM.finditer(text)]
    onlookers += [
        m.span()
        for pattern in (_RELATIVE_ASIDE, _QUOTED_WORDS)
        for m in pattern.finditer(text)
        if not m.start() <= trig.start < m.end()
    ]
    if trig.kind in MEETING_KINDS | BILATERAL_KINDS:
        # whom the subject met at other talks the meeting follows; not for a document, which the talks'
        # partner signs too ("signed after talks with President Xi" is China's)
        onlookers += [
            m.span() for m in _ANOTHER_MEETING_WITH.finditer(text) if not m.start() <= trig.start < m.end()
        ]
    taken: list[tuple[int, int]] = []  # where groupings stand for their members
    left: list[ActorMention] = []  # groupings that do not, on their own
    states_at: list[tuple[int, int]] = []  # where states are named as parties
    for a in s_actors:
        start, end = a.start - sentence.start, a.end - sentence.start
        if not (span[0] <= start < span[1]):
            continue
        if follows and start >= follows.end():
            continue  # "the drill … would follow the French minister's visit to Singapore": another occasion's
        if any(lo <= start < hi for lo, hi in onlookers):
            continue  # "Observers from Bulgaria, France, …, Serbia and the US attended": they watched
        if a.via == "region" and inside_another(a, s_actors):
            continue  # "Gulf" inside "Gulf Cooperation Council"
        codes: tuple[str, ...] = ()
        if (
            a.type == ActorType.STATE
            and a.via == "capital"
            and (
                _CITY_NAMES_A_DOCUMENT.match(text, end)
                or _DOCUMENT_OF_A_CITY.search(text, max(0, start - 60), start)
                or _NAME_OF_A_DRILL_BEFORE.search(text, max(0, start - 50), start)
            )
        ):
            # "the Brasilia Peace Accords", "the Minsk Agreements", "the memorandum of understanding (MoU) of
            # Luanda": where it was signed, not who
            continue
        if (
            a.type == ActorType.STATE
            and a.via == "capital"
            and trig.end <= start
            and trig.kind != EventKind.SUMMIT
            and _AT_A_GATHERING_IN.search(text, max(trig.end, start - 40), start)
            and _GATHERING_AFTER.match(text, end)
        ):
            continue  # "the signing of the Agreement at the 2018 G20 Buenos Aires summit": where, not who
        if (
            a.type == ActorType.STATE
            and a.via == "capital"
            and trig.kind not in MEETING_KINDS
            and trig.end <= start
            and re.search(r"\bcapital(?:\s+city)?(?:\s+of)?,?\s+$", text[max(0, start - 20) : start], re.I)
        ):
            # "signed a peace deal … at a mini summit in Libya's capital of Tripoli": where, not who (the
            # host of a summit held there takes part in it)
            continue
        if purpose and start > purpose.start():
            continue  # "agree by phone to strengthen trilateral cooperation with US": the aim's, no party
        if (
            start > topic_from
            and trig.start < topic_from
            and not re.search(r"\bwith\b", text[topic_from:start])
        ):
            # "…will also discuss such issues as North Korea's missiles and Myanmar's army" (but a
            # meeting that is itself discussed keeps its names: "discussed the preparation for the
            # 44th and 45th ASEAN Summits")
            continue
        if a.type == ActorType.STATE and a.code:
            topic = topic_cue_before(text[max(0, start - 90) : start])
            if topic and not (
                _TIME_CONJUNCTION.match(topic.group())
                and trig.start > end
                and _SUBJECT_GAP.fullmatch(text, end, trig.start)
            ):
                # (but "days after China and Russia concluded a joint exercise": they concluded it)
                continue
            if _country_of_the_place_before(a, s_actors, sentence):
                continue  # "held talks … in Qingdao, east China": where, not who
            if topic_cue_after(text[end : end + 90]):
                continue
            codes = (a.code,)
            states_at.append((start, end))
        elif a.type == ActorType.PERSON and a.country and a.role:
            codes = (a.country,)
        elif (
            a.type == ActorType.PLACE
            and a.country
            and start >= trig.start
            and _TRAVELS_TO.search(text, max(0, start - 40), start)
        ):
            codes = (a.country,)  # "Wang Yi will travel to Honiara": the capital's state hosts the visit
        elif a.type in (ActorType.GROUPING, ActorType.ORGANISATION) and a.members:
            if (
                _BETWEEN_THE_TWO.match(text, trig.end)
                and start > trig.end
                and not re.match(r"\s*[-–]", text[end : end + 3])
            ):
                continue  # "the bilateral summit between the two brotherly countries, which will serve … the Arab
                # and Islamic nations": the two named before; a body after them is what it serves
            if a.via == "region" and trig.kind == EventKind.TWO_PLUS_TWO:
                continue  # "dialogues with its Southeast Asian neighbours": some of them, not all
            # (the name a meeting is called by stays its party: "on the sidelines of the G20 Summit")
            names_the_trigger = 0 <= trig.start - end <= 3
            if (
                not names_the_trigger
                and (topic := topic_cue_before(text[max(0, start - 90) : start]))
                and not _TIME_CONJUNCTION.match(topic.group())
            ):
                continue  # "accused of interfering in the affairs of Arab countries": what was talked of
            counted = _COUNT_BEFORE.search(text, max(0, start - 20), start)
            if counted and NUMBER_WORDS[counted.group(1).lower()] < len(a.members):
                continue  # "The two Central Asian states signed treaties": two of them, named elsewhere
            if is_grouping_as_participants(text, start, end, a, trig, s_actors):
                codes = a.members
                found.from_grouping = True
                found.names_the_meeting = found.names_the_meeting or _names_the_meeting(
                    text, start, end, trig
                )
                if a.code:
                    found.groupings.append(a.code)
                taken.append((start, end))
            elif not SUBSET_BEFORE.search(text[max(0, start - 40) : start]) and (
                a.code not in ACTS_AS_ITSELF
                or (
                    trig.kind in _GROUPING_KINDS
                    and _MINISTERS_OF_BEFORE.search(text, max(0, start - 120), start)
                )
            ):
                # (the EU too, at a meeting of its members' ministers or leaders with another grouping's:
                # "the Summit pitting together foreign ministers of CELAC and the European Union")
                left.append(a)
        if (
            a.type == ActorType.STATE
            and (
                re.search(r"\b(?:in|at)\s+$", text[max(0, start - 4) : start])
                # "met … in Apulia, Italy, on the sidelines": the country of a place the gazetteer lacks
                or (
                    _IN_PLACE_COMMA.search(text, max(0, start - 60), start)
                    and re.match(r"\s*(?:[,.;]|$)", text[end:])
                )
            )
        ):
            found.venues.setdefault(a.code or "", start)  # "met in Cambodia": the host, not always a party
            continue
        if a.type == ActorType.STATE and POSSESSIVE_HUB.match(text, end) and 0 <= trig.start - end <= 40:
            found.possessive = found.possessive or a.code  # "China's next 2+2 dialogues": the hub
        for code in codes:
            found.codes.setdefault(code, start)
            if is_partner(text, start, span[0] if floor is None else floor):
                found.partners.add(code)
    for a in left:
        start, end = a.start - sentence.start, a.end - sentence.start
        if (a.via != "region" and any(coordinated(text, (start, end), span_) for span_ in taken)) or any(
            plus_joined(text, (start, end), span_) for span_ in taken + states_at
        ):
            # "the summit of the GCC and ASEAN", "the ASEAN–GCC summit": both groupings' members
            for code in a.members:
                found.codes.setdefault(code, start)
            found.from_grouping = True
            if a.code:
                found.groupings.append(a.code)
    found.partners -= {
        c for c, pos in found.codes.items() if not is_partner(text, pos, span[0] if floor is None else floor)
    }
    if len(found.codes) < 2 or trig.kind == EventKind.EXERCISE:
        # (the state a drill is held in hosts it and takes part: "Bright Star began in Egypt on Sunday with
        # troops from the United States, Saudi Arabia, Greece, Jordan and India")
        for code, pos in found.venues.items():
            found.codes.setdefault(code, pos)
    words = text[trig.start : trig.end].lower()
    destination = None
    if words.startswith(
        ("visit", "paid", "pay", "trip", "travel", "flew", "journeyed", "state visit", "official visit")
    ):
        # "visited Tokyo", "the visit by Modi to Brasilia", "Sharif's state visit to Riyadh": the host is a party
        destination = next(
            (
                a
                for a in s_actors
                if a.type == ActorType.PLACE
                and a.country
                and trig.end <= a.start - sentence.start
                and is_destination(text, trig.end, a.start - sentence.start)
            ),
            None,
        )
        if destination is not None and destination.country:
            found.codes.setdefault(destination.country, destination.start - sentence.start)
    if destination is None and (
        (re.search(r"\bvisit\b", words) and not words.startswith(("visit", "paid", "pay", "trip")))
        or trig.kind == EventKind.EXERCISE
        # "arrived in Bogota from Panama on Wednesday and went to meet his counterpart": the one he came to see
        or (len(found.codes) < 2 and _BARE_COUNTERPART.match(text, trig.end))
    ):
        # "arrived in Beijing on Sunday for a state visit", "is in Hanoi on an official visit": the
        # place the visitor has come to hosts the visit (and the drills a ship arrived in Manila for)
        for a in s_actors:
            start = a.start - sentence.start
            if a.type == ActorType.PLACE and a.country and start < trig.start:
                before = text[max(0, start - 30) : start]
                between = text[a.end - sentence.start : trig.start]
                if (
                    _ARRIVED_IN.search(before) and len(between) <= 60 and not re.search(r";|:(?!\d)", between)
                ):  # (a clock's colon: "at 07:30")
                    found.codes.setdefault(a.country, start)
                    break
    if (pair := pair_the_trigger_names(text, trig, s_actors, sentence.start)) and set(pair) <= set(
        found.codes
    ):
        # "strengthening bilateral and Gulf cooperation during the 12th session of the Kuwait-Bahrain Joint
        # Higher Committee": the body's two states are its session's parties, whatever else the clause names
        found.codes = {c: pos for c, pos in found.codes.items() if c in pair}
        found.partners &= set(pair)
    return found


def pair_the_trigger_names(
    text: str, trig: Trigger, s_actors: Sequence[ActorMention], offset: int
) -> tuple[str, str] | None:
    """Return the two states a trigger's own words join by a dash ("the Kuwait-Bahrain Joint Higher Committee").

    None when the words name no such pair, or name a third state or a grouping besides.
    """
    inside = [
        a
        for a in s_actors
        if trig.start <= a.start - offset and a.end - offset <= trig.end and a.type != ActorType.PLACE
    ]
    states = [a for a in inside if a.type == ActorType.STATE and a.code]
    if len(inside) != 2 or len(states) != 2 or states[0].code == states[1].code:
        return None
    first, second = sorted(states, key=lambda a: a.start)
    if not re.fullmatch(r"\s*[-–]\s*", text[first.end - offset : second.start - offset]):
        return None
    return (first.code or "", second.code or "")


_BARE_COUNTERPART = re.compile(r"\s+(?:with\s+)?(?:his|her)\s+counterpart\b", re.I)
# "arrived in", "is in", "landed in", "will travel to": a visitor's arrival at the place a visit is paid to
_ARRIVED_IN = re.compile(
    r"\b(?:(?:arrived|arrives|arriving|landed|lands|is|was|are|were|be)\s+in|"
    r"(?:travel(?:s|led|ed|ling|ing)?|fl(?:y|ies|ew|ying)|head(?:s|ed|ing)?|go(?:es|ing)?|went)\s+to|"
    + DEPARTS
    + r"\s+(?:for|to))\s+$",
    re.I,
)


def is_destination(text: str, trigger_end: int, place_start: int) -> bool:
    """True when a place is where a visit goes: right after the verb, or after "to" later in its phrase.

    "visited Tokyo" names the host at once; "the visit by India's prime minister to Brasilia"
    names the visitor first, so the host is the place after "to", within the same clause.
    """
    if place_start - trigger_end <= 25:
        return True
    return place_start - trigger_end <= 90 and bool(
        re.fullmatch(r"[^.;:]*?\bto\s+(?:the\s+)?", text[trigger_end:place_start])
    )


# Verbs after which the states of a clause are what was discussed, not who discussed it.
# "after"/"before" opening a clause whose subjects are the states before its trigger.
_TIME_CONJUNCTION = re.compile(r"(?:after|before)\s", re.I)
_SUBJECT_GAP = re.compile(r"(?:\s*(?:,|and|&)?\s*(?:the\s+)?[A-Z][\w.’'-]*)*\s*(?:(?:have|has|had)\s+)?")
_TOPIC_VERB = re.compile(
    r"\b(?:discuss(?:ed|es|ing)?|talk(?:ed|s)?\s+about|focus(?:ed|es|ing)?\s+on)\s"
    # "held talks with US President Obama in Washington on the Palestinian-Israeli peace process"
    r"|\bon\s+(?:the\s+)?(?:latest\s+|recent\s+)?(?=(?:[\w-]+\s+){0,3}?(?:peace\s+process|conflict|crisis|"
    r"situation|developments|dispute|nuclear\s+(?:issue|programme|program|talks))\b)"
    # "discussions with Mr Hague on a range global challenges and issues of shared concern such as developments
    # in the Middle East, Iran and the DPRK": the range of subjects, then examples of it
    r"|\bon\s+(?:a\s+(?:wide\s+|broad\s+)?(?:range|host|number|variety)\s+(?:of\s+)?|various\s+|several\s+|many\s+)"
    r"(?=(?:[\w-]+\s+){0,3}?(?:issues|challenges|matters|topics|questions|subjects)\b)"
    r"|\b(?:issues|matters|challenges|topics|questions)\s+(?:of\s+(?:shared|common|mutual)\s+(?:concern|interest)\s+)?"
    r"(?:such\s+as|including)\s",
    re.I,
)


# The aim of a meeting after its trigger: "foreign ministers agree by phone to strengthen trilateral cooperation
# with US", "met … to deepen ties with the EU". The states it names are the aim's, not the meeting's.
_TO_STRENGTHEN_TIES = re.compile(
    r"\bto\s+(?:further\s+)?(?:strengthen|expand|boost|deepen|enhance|bolster|step\s+up)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:cooperation|ties|relations|coordination|partnership)\s+(?:with|among|between)\b",
    re.I,
)


def topics_start(text: str, span: tuple[int, int]) -> int:
    "Return where a clause starts naming what was discussed (the span's end when it does not)."
    m = _TOPIC_VERB.search(text, span[0], span[1])
    return m.end() if m else span[1]


def coordinated(text: str, a: tuple[int, int], b: tuple[int, int]) -> bool:
    "True when two names are joined by 'and' or a dash only: 'the GCC and ASEAN', 'ASEAN–GCC'."
    first, second = sorted((a, b))
    between = re.sub(r"^\s*\([^)]{1,12}\)", "", text[first[1] : second[0]])  # "the GCC (GCC) and ASEAN"
    return bool(re.fullmatch(r"\s*(?:and|&|[-–+/])\s*(?:the\s+)?", between, re.I))


def plus_joined(text: str, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """True when two names are joined by a plus: 'the Central Asia + Russia format', 'Central Asia plus Japan'.

    Why: a region coordinated with a state by "and" is usually a topic ("Central Asia and Russia's
    trade"); joined by a plus to a party it names a format of the region's states and that party.
    """
    first, second = sorted((a, b))
    return bool(re.fullmatch(r"\s*(?:\+|plus)\s*", text[first[1] : second[0]], re.I))


def inside_another(a: ActorMention, s_actors: Sequence[ActorMention]) -> bool:
    "True when a mention lies within a longer grouping or organisation mention."
    return any(
        b is not a
        and b.type in (ActorType.GROUPING, ActorType.ORGANISATION)
        and b.start <= a.start
        and a.end <= b.end
        and (b.end - b.start) > (a.end - a.start)
        for b in s_actors
    )


# ("the signing of the United States–Mexico–Canada Agreement at the 2018 G20 Buenos Aires summit")
# "Exercise Bersama Lima" ("five" in Malay), "Operation Lima": a word of a drill's name, not Peru's capital.
_NAME_OF_A_DRILL_BEFORE = re.compile(r"\b(?:Exercise|Operation)\s+(?:[A-Z][\w-]*\s+){0,2}$")
_DOCUMENT_OF_A_CITY = re.compile(
    r"\b(?:agreements?|accords?|memorand(?:um|a)(?:\s+of\s+understanding)?|MoUs?|treat(?:y|ies)|declaration|protocol|"
    r"charter|communiqu[eé]|convention)(?:\s*\([^)]{1,12}\))?\s+of\s+$",
    re.I,
)
_NAMED_OFFICE_HOLDERS = re.compile(
    r"\b(?:counterparts|ministers|leaders|presidents|premiers|heads\s+of\s+(?:state|government)|envoys)\b",
    re.I,
)
_AT_A_GATHERING_IN = re.compile(r"\b(?:during|at)\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,3}$", re.I)
_GATHERING_AFTER = re.compile(r"\s+(?:summit|meeting|conference|forum|session|talks)\b", re.I)
_DURING_BEFORE = re.compile(r"\b(?:during|at)\s+(?:the\s+)?(?:(?:19|20)\d\d\s+)?$", re.I)
_CITY_NAMES_A_DOCUMENT = re.compile(
    r"(?:\s+(?-i:[A-Z])[\w-]*){0,3}\s+(?:Accords?|Agreements?|Treaty|Protocol|Declaration|Memorandum|Charter|Convention|"
    # ("the OSCE Minsk Group co-chairmen", "the Astana format", "the Barcelona Process": a body named for a city)
    r"Communiqu[eé]|Group|Process|Initiative|Consensus|Plan|Roadmap|(?-i:[Ff])ormat)\b"
)
POSSESSIVE_HUB = re.compile(r"['’]s\s")
# One item of a list of names, up to the next name: " Japan", " the United States", and the
# last but one with its conjunction (" Payne and " before "Jaishankar").
LIST_ITEM = re.compile(
    r"\s*(?:(?:and|or)\s+)?(?:the\s+)?(?:[A-Z][\w.'’-]*+\s*+)*+(?:(?:and|or)\s+(?:the\s+)?(?:[A-Z][\w.'’-]*+\s*+)*+)?"
    # an item may carry its year: "…followed by Japan in 2019, Australia and Russia in 2021, and …"
    r"(?:(?:in|on)\s+(?:[A-Z][a-z]+\s+)?(?:\d{1,2}\s+)?(?:19|20)\d\d\s*)?"
)


# "with", "followed by": a partner follows; not the "with" of "in line with agreements reached at …".
_WITH_A_PARTNER = re.compile(
    r"\b(?<!line\s)(?<!keeping\s)(?<!accordance\s)(?<!connection\s)(?<!compared\s)(?<!consistent\s)with\b"
    r"|\bfollowed\s+by\b"
    # ("Trump called South Africa President Jacob Zuma and Nigerian President Muhammadu Buhari": whom he called)
    r"|(?<!so-)(?<!so\s)\b(?:called|(?:tele)?phoned)\s+(?:up\s+)?(?:(?-i:[A-Z])|$)"
)


def is_partner(text: str, start: int, floor: int) -> bool:
    """True when the state at `start` is named after "with" in its phrase: a partner of the hub.

    "… dialogues with the United States, Japan and Australia": all three;
    "A 2+2 with Dushanbe …, and one with Bishkek": both.
    """
    pos = start
    while True:
        comma = text.rfind(",", floor, pos)
        if _WITH_A_PARTNER.search(text[(comma + 1) if comma >= 0 else floor : start]):
            return True  # ("…with the United States in 2018, followed by Japan in 2019": Japan too)
        including = re.match(r"\s*(?:and\s+)?including\s+", text[comma + 1 : pos]) if comma >= 0 else None
        if including and LIST_ITEM.fullmatch(text[comma + 1 + including.end() : pos]):
            # "meetings with several foreign leaders in the day, including British PM Rishi Sunak, …"
            return bool(re.search(r"\bwith\b", text[floor:comma]))
        if comma < 0 or not LIST_ITEM.fullmatch(text[comma + 1 : pos]):
            return False
        pos = comma


def _names_the_meeting(text: str, start: int, end: int, trig: Trigger) -> bool:
    "True when the grouping at [start, end) is part of the trigger's name: 'the SCO (SCO) Defence Ministers' Meet'."
    if start <= trig.start and trig.end <= end:
        return True
    return 0 <= trig.start - end <= 12 and bool(
        re.fullmatch(r"[\s'’]*(?:\([^()]{1,10}\)\s*)?", text[end : trig.start])
    )


_SETTING_BEFORE = re.compile(
    r"\b(?:sidelines|margins?|fringes|(?:with)?in\s+the\s+(?:scope|framework)|on\s+the\s+occasion)\s+of\s+"
    # ("of the informal NATO …", "of the 6th CICA …")
    r"(?:the\s+|a\s+|(?:this|next|last)\s+(?:month|week|year)['’]s\s+)?"  # ("of this month's ASEAN-US summit")
    r"(?:(?:19|20)\d\d\s+)?(?:\d{1,3}(?:st|nd|rd|th)\s+)?(?:(?-i:[a-z])[\w-]*\s+){0,2}"
    # ("on the sidelines of a foreign ministers' meeting of G-20 countries": the G-20 is the setting's)
    r"(?:(?:[\w'’-]+\s+){1,4}?of\s+(?:the\s+)?)?$"
    r"|^\W*(?:in|visiting)\s+(?-i:[A-Z])[\w-]+(?:\s+(?-i:[A-Z])[\w-]+)?\s+(?:for|to\s+attend)\s+the\s+"
    r"(?:\d+(?:st|nd|rd|th)\s+)?$",
    re.I,
)


# Another gathering, named after the trigger by its bodies: "met …, during the 5th summit of the AU and the EU".
_DURING_A_GATHERING_OF = re.compile(
    r"\b(?:during|at|on\s+the\s+(?:sidelines|margins?)\s+of)\s+(?:the|a)\s+(?:\d{1,3}(?:st|nd|rd|th)\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:summit|meeting|conference|session|forum)\s+(?:of|between)\s+"
    r"(?:(?:the\s+)?(?-i:[A-Z])[\w.’'-]*(?:\s+(?-i:[A-Z])[\w.’'-]*)*\s+and\s+)?(?:the\s+)?$",
    re.I,
)


# A meeting of two sides already named: "the bilateral summit between the two brotherly countries".
_BETWEEN_THE_TWO = re.compile(r"\s+between\s+the\s+two\b", re.I)


# A bare count before a grouping's name or adjective (not "the five", "all seven", "its 27").
_A_COUNT_BEFORE = re.compile(
    # (not a format's "5+1": "the 5+1 Central Asia-China meeting" is all five and one more)
    r"(?<!\bthe\s)(?<!\ball\s)(?<!\bits\s)(?<!\btheir\s)(?<!\bthese\s)(?<!\+)\b"
    r"(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})(?!\+)\s+(?:[\w-]+\s+)?$",
    re.I,
)


def _count(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word.lower(), 0)


_SOME_MEMBERS_AFTER = re.compile(
    r"(?:\s+and\s+(?-i:[A-Z])[\w-]+)?\s+(?:coastal|littoral|riparian|landlocked|frontline|front-line|bordering|"
    r"border)\s+(?:states|countries|nations)\b"
    # "the Council of Arab and African countries bordering the Red Sea"
    r"|(?:\s+and\s+(?-i:[A-Z])[\w-]+)?\s+(?:states|countries|nations)\s+(?:bordering|along|on\s+the\s+(?:shores?|coasts?)\s+of)\b",
    re.I,
)
_MINISTERS_OF_BEFORE = re.compile(
    r"\b(?:ministers|leaders|heads\s+of\s+(?:state|government))\s+of\s+(?:the\s+)?[^,;]{2,90}?\s+and\s+(?:the\s+)?$",
    re.I,
)
_OFFICE_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:rotating\s+)?(?:Chair(?:man|woman|person)?(?:-in-Office)?|chairmanship|chair|presidency|"
    r"Office|Secretariat|Bureau|"
    r"Secretary[-\s]General|Special\s+(?:Envoy|Representative)|envoy)\b(?!\s+(?:countries|states))"
)
_ONE_MEMBER_AFTER = re.compile(
    r"[\s-]+(?:member\s+(?:state|country|nation)|member(?!\s+(?:states|countries|nations))|country|state|nation|"
    r"economy|government)\b(?!s)",
    re.I,
)


# The second of two bodies whose leaders or ministers a meeting brings together: "the heads of state of EU
# member states and the Community of Latin American and Caribbean States".
_SECOND_BODY_OF_THE_HEADS = re.compile(
    r"\b(?:leaders|heads\s+of\s+(?:state|government)(?:\s+and\s+government)?|(?:foreign\s+|defen[cs]e\s+)?ministers)"
    r"\s+of\s+(?:the\s+)?(?-i:[A-Z])[\w.-]*(?:\s+(?-i:[A-Z])[\w.-]*){0,6}(?:\s*\([^)]{1,12}\))?\s+"
    r"(?:member\s+(?:states|countries)\s+)?and\s+(?:of\s+)?(?:the\s+)?$",
    re.I,
)


def is_grouping_as_participants(
    text: str, start: int, end: int, a: ActorMention, trig: Trigger, others: Sequence[ActorMention] = ()
) -> bool:
    """True when a grouping stands for its member states in this sentence.

    "SCO defence ministers", "the Quad summit", "China and the five Central
    Asian countries", "China-Central Asia", "SCO member states": yes.
    "the SCO, formed in 2001", "in Central Asia": no.
    "other ASEAN members", "some SCO states", "other members of the Quad": an
    unspecified subset, never the whole grouping.
    """
    if SUBSET_BEFORE.search(text[max(0, start - 40) : start]):
        return False
    if _ONE_MEMBER_AFTER.match(text, end):
        return False  # "making Rome the first G7 country to sign …": one member, not the grouping
    if _OFFICE_AFTER.match(text, end):
        # "German FM and OSCE Chair visits Armenia": the office one member holds, not its members
        return False
    if _SOME_MEMBERS_AFTER.match(text, end):
        return False  # "the foreign ministers of Arab and African coastal states": those on the coast
    counted = _A_COUNT_BEFORE.search(text, max(0, start - 30), start)
    if counted and a.members and _count(counted.group(1)) < len(a.members):
        return False  # "four Sunni Arab countries", "10 Pacific island nations": some of them
    if (
        trig.kind in _GROUPING_KINDS
        and trig.end <= start
        and re.fullmatch(r"\s+(?:held\s+)?at\s+(?:the\s+)?", text[trig.end : start])
        and re.match(r"['’]?s?\s+(?:headquarters|HQ)\b", text[end : end + 20])
    ):
        return True  # "a defence ministers meeting at NATO headquarters": its members' ministers
    if trig.end <= start and _SETTING_BEFORE.search(text, max(0, start - 70), start):
        # "separate meetings with his Greek and Finnish counterparts on the sidelines of the NATO
        # foreign ministers' meeting": NATO is where they met, not whom the minister met
        return False
    head = start + 4 if text.startswith(("the ", "The "), start) else start  # (the actor may hold "the")
    if trig.end <= start and _DURING_BEFORE.search(text, max(trig.end, start - 12), head):
        # "engaged in bilateral talks with Papua New Guinea's Prime Minister … during the Pacific Islands
        # Forum Leaders Meeting": the gathering is where the talks were held, not who held them
        return False
    if trig.end <= start and _DURING_A_GATHERING_OF.search(text, max(trig.end, start - 60), start):
        # "The two heads of state met … in Abidjan, during the 5th summit of the African Union and the
        # European Union": the gathering they met at, named by its bodies
        return False
    if trig.end <= start and LANDMARK_IN_TIME.search(text, max(trig.end, start - 60), head):
        # "Jaishankar met Blinken in Tokyo on Sunday ahead of the Quad Foreign Ministers' meeting":
        # the Quad dates the meeting, it is not who met
        return False
    if NAMED_MEMBERS_AFTER.match(text, end):
        return False  # "the foreign ministers of Middle East rivals Iran and Saudi Arabia": those two
    if re.search(r"\bbetween\s+(?:the\s+)?$", text[max(0, start - 14) : start]) and re.match(
        r"(?:\s*\([^)]{1,12}\))?\s+and\s", text[end : end + 20]
    ):
        return True  # "the joint ministerial meeting between the GCC and the Russian Federation"
    if _FORUM_OF_A_STATE_AND.search(text, max(0, start - 80), start):
        return True  # "the first ministerial meeting of the Forum of China and the Community of … States (CELAC)"
    if a.code in ACTS_AS_ITSELF:
        # "the EU signed a deal with Egypt" is the Union; "EU foreign affairs ministers met", "EU
        # leaders", "EU member states" are its members, and so are its councils of ministers
        if trig.kind in _GROUPING_KINDS and paired_with_a_grouping(text, start, end, a, others):
            return True  # "the AU-EU Summit", "European Union and Western Balkans leaders"
        if trig.kind in (EventKind.FOREIGN_MINISTERS, EventKind.DEFENCE_MINISTERS) and (
            trig.start <= start and end <= trig.end
        ):
            return True  # "the Foreign Affairs Council in its defence configuration"
        if (
            trig.kind == EventKind.SUMMIT
            and end <= trig.start
            and re.fullmatch(r"\s*(?:\([^)]{1,12}\)\s*)?(?:leaders['’]?\s+)?", text[end : trig.start])
            and not re.search(r"[-–/]\s*$|\band\s+(?:the\s+)?$", text[max(0, start - 12) : start])
        ):
            return True  # "the EU summit in Brussels": its members' leaders (not "the China-EU summit")
        return bool(
            re.match(
                r"\s*(?:\([^)]{1,12}\)\s*)?['’]?s?\s*(?:(?:foreign(?:\s+affairs)?|defen[cs]e)\s+ministers|leaders|"
                r"heads\s+of\s+(?:state|government)|member\s+(?:states|countries))\b",
                text[end : end + 60],
                re.I,
            )
        )
    if trig.kind == EventKind.INSTITUTION and trig.start <= start and end <= trig.end:
        return True  # "The GCC was established in 1981": its founders
    if a.type in (ActorType.GROUPING, ActorType.ORGANISATION) and (
        (start <= trig.start and trig.end <= end)
        or (
            trig.kind in (EventKind.SUMMIT, EventKind.FOREIGN_MINISTERS, EventKind.DEFENCE_MINISTERS)
            and trig.start <= start
            and end <= trig.end
        )  # ("the OAS General Assembly": its foreign ministers' session)
    ):
        # "the Summit of the Americas": a grouping known by its meeting's name; "the Fifty-First
        # Pacific Islands Forum was held": the grouping's numbered meeting
        return True
    if (
        a.via == "region"
        and trig.kind == EventKind.SUMMIT
        and trig.start >= end
        and re.match(r"\s+(?-i:Summit)\b", text[end : end + 8])
    ):
        return True  # "the South America Summit last May", "the Central Asia Summit": the region's leaders
    base = a.start - start  # (where the sentence starts: `start` is relative to it)
    if (heads := _SECOND_BODY_OF_THE_HEADS.search(text, max(0, start - 140), start)) and any(
        o.type in (ActorType.GROUPING, ActorType.ORGANISATION) and heads.start() < o.start - base < start
        for o in others
        if o is not a
    ):
        return True  # "the summit of the heads of state of EU member states and the Community of … (CELAC)"
    if re.search(
        r"\b(?:counterparts|peers|colleagues)\s+(?:from|of|in)\s+(?:the\s+)?$",
        text[max(0, start - 40) : start],
        re.I,
    ):
        return True  # "met in Riyadh with their counterparts from Central Asia": its states' ministers
    if re.search(
        r"\b(?:leaders|heads\s+of\s+(?:state|government)(?:\s+and\s+(?:of\s+)?government)?|ministers|members|"
        r"member\s+(?:states|countries|nations)|representatives|delegations|"
        r"(?:ministerial\s+|supreme\s+)?council|summit|meeting|session|authority|assembly|"
        # "the heads of foreign affairs agencies of the Central Asian countries"
        r"heads\s+of\s+(?:[\w-]+\s+){1,4}?(?:agencies|ministries|departments|delegations))\s+(?:of|from)\s+(?:the\s+)?"
        r"(?:[\w-]+-(?:nation|member|state)\s+)?"
        # "Leaders of the West African sub-regional bloc, the Economic Community of …": in apposition
        r"(?:(?:[\w-]+\s+){0,4}(?:bloc|grouping|organi[sz]ation|community|union|alliance),\s+(?:the\s+)?)?$",
        text[max(0, start - 70) : start],
        re.I,
    ):
        return True  # "Leaders of the G7 met…", "West African leaders from ECOWAS have convened"
    if re.search(
        r"\b(?:countries|states|nations)\s+(?:participating|taking\s+part)\s+in\s+the\s+(?:[\w-]+\s+)?"
        r"(?:dialogue|format|forum|framework|process|mechanism|initiative)\s*[\"“'‘]?$",
        text[max(0, start - 90) : start],
        re.I,
    ):
        return True  # "the countries participating in the Dialogue "Central Asia + Japan"": its members
    before = text[max(0, start - 12) : start].lower()
    after = re.sub(
        r"^\s*\([^)]{1,12}\)", "", text[end : end + 52]
    )  # "Gulf Cooperation Council (GCC) member states", "… (GCC) state members"
    if re.match(
        # (and the first of two adjectives sharing their noun: "Gulf and Central Asian leaders")
        r"(?:\s+and\s+(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+)?)?"
        r"\s*(?:(?:extra-?ordinary|ordinary|special|informal|annual)\s+)?(?:member\s+|state\s+)?"
        r"(?:states|countries|nations|leaders|members|governments|partners|heads|presidents|premiers)\b",
        after,
        re.I,
    ):
        return True
    if re.match(
        # ("Baltic prime ministers had last met in Vilnius": its states' heads of government)
        r"\s*['’]?s?\s*(?:foreign(?:\s+affairs)?|defen[cs]e|trade|energy|prime)?\s*ministers?\b",
        after,
        re.I,
    ):
        return True
    if re.match(
        r"\s+(?:\w+ly\s+)?(?:gathered|convened|assembled|brought\s+together)\s+its\s+(?:leaders|heads|members)\b",
        after,
        re.I,
    ):
        return True  # "Celac previously gathered its leaders in Caracas"
    if re.search(r"\b(?:in|across|to|from|throughout)\s+(?:the\s+)?$", before):
        return False
    if COUNTED_GROUP.search(before) and re.match(
        r"(?:[\w'’-]+\s+){0,3}?(?:countries|states|nations|members|republics|presidents|leaders|heads\s+of\s+state|"
        r"(?:foreign|defen[cs]e)\s+ministers)\b",
        text[start : end + 25],
        re.I,
    ):
        return True  # "the five Central Asian countries", "the five Central Asian presidents"
    if (
        a.type == ActorType.GROUPING
        and a.via != "region"
        and re.search(
            r"\b(?:with|and)\s+(?:the\s+)?(?:other|remaining|fellow)\s+$",
            text[max(0, start - 30) : start],
            re.I,
        )
    ):
        return True  # "with China and the other Central Asian states"
    dashed = bool(re.search(r"[-–+]\s*$", text[max(0, start - 3) : start])) or bool(
        re.match(r"\s*[-–+]", after)
    )
    if a.via == "region" and not dashed:
        return False  # "the Gulf", "Southeast Asia" name a region; "China–Central Asia" names a format
    near_trigger = abs(start - trig.start) <= 45 or abs(trig.end - end) <= 45
    if a.type == ActorType.GROUPING:
        return (
            near_trigger
            or bool(re.search(r"[-–+]\s*$", text[max(0, start - 3) : start]))
            or bool(re.match(r"\s*[-–+]", after))
        )
    # Organisations: only as the format's own name ("the SCO summit", "ASEAN Defence Ministers' Meeting").
    # "the summit between the GCC and ASEAN": the formats' members.
    return (
        0 <= trig.start - end <= 25
        or (0 <= start - trig.end <= 14 and bool(re.search(r"\b(?:of|between)\b", text[trig.end : start])))
        or bool(_ITS_NAME_THEN_ACRONYM.fullmatch(text, trig.end, start))
    )


# "The founding summit of the Latin American and the Caribbean Community (CELAC)": the body's name written
# out before the acronym that names it, however long.
_ITS_NAME_THEN_ACRONYM = re.compile(r"\s+of\s+the\s+(?:(?:[A-Z][\w'’-]*|and|of|the|for)\s+){1,9}\(\s*")


# A grouping's name used as an adjective before the states it describes: "Middle East rivals
# Iran and Saudi Arabia", "Gulf neighbours Qatar and Bahrain".
NAMED_MEMBERS_AFTER = re.compile(
    r"\s+(?:rivals|neighbou?rs|allies|powers|partners|heavyweights|members|states|countries|nations|"
    r"monarchies|producers|giants)\s+(?:the\s+)?[A-Z]"
)

_PAIRING = re.compile(r"\s*(?:[-–—/&]|and)\s*(?:the\s+)?")
# The Union's own presidents, who meet for it when its states do not: "European Council President
# António Costa and European Commission President Ursula von der Leyen met the leaders of…"
_EU_PRESIDENTS = re.compile(
    r"\b(?:European\s+(?:Council|Commission)|Commission)\s+President\b|\bPresident\s+of\s+the\s+European\s+"
    r"(?:Council|Commission)\b|\bvon\s+der\s+Leyen\b"
)


def paired_with_a_grouping(
    text: str, start: int, end: int, a: ActorMention, others: Sequence[ActorMention]
) -> bool:
    """True when an organisation that acts as itself is named in one pair with another grouping.

    Why: a meeting of two groupings has the members of both ("the seventh AU-EU Summit",
    "EU-CELAC summit", "European Union and Western Balkans leaders"), unless the Union's own
    presidents are the ones named as meeting.
    """
    if _EU_PRESIDENTS.search(text):
        return False
    offset = a.start - start
    for o in others:
        if o is a or o.type not in (ActorType.GROUPING, ActorType.ORGANISATION) or not o.members:
            continue
        o_start, o_end = o.start - offset, o.end - offset
        gap = text[end:o_start] if o_start >= end else text[o_end:start] if o_end <= start else None
        if gap is not None and _PAIRING.fullmatch(gap):
            return True
    return False


# Organisations that meet as themselves, through their own institutions: an EU–Central Asia
# summit has the European Council's and the Commission's presidents, not 27 member states.
ACTS_AS_ITSELF = frozenset({"eu"})

# Words that make a grouping an unspecified part of itself: "other ASEAN members", "some of the
# SCO states", "other members of the Quad", "fellow Gulf states" — but "the other Central Asian
# states" are all the rest.
SUBSET_BEFORE = re.compile(
    r"(?<!\bthe\s)(?<!\ball\s)(?<!\bits\s)(?<!\btheir\s)\b(?:other|some|several|more|few|many|most|remaining|certain|individual|fellow|additional|smaller|"
    r"larger|various|select(?:ed)?)\s+(?:(?:of\s+)?(?:the\s+|its\s+|their\s+)?"
    r"(?:[\w-]+\s+)?(?:members?|states?|countries|nations|governments)\s+of\s+)?(?:the\s+)?$"
    # "in one of the Arab countries that are part of it", "two of the ASEAN states"
    r"|\b(?:one|two|three|four|five|any|each|either|neither|none|some|several|many|most)\s+of\s+(?:the|its|their)\s+$"
    # "a one-day mini summit of African countries in Tripoli": a few of them, named elsewhere
    r"|\bmini[- ]?summit\s+(?:of|among|between)\s+(?:the\s+|some\s+)?$",
    re.I,
)

# "the five Central Asian countries", "all ASEAN members": the whole grouping, counted.
# (and the second of two counted groups sharing one article: "the six Gulf states and five Central Asian countries")
COUNTED_GROUP = re.compile(
    r"\b(?:(?:the|all|and)\s+(?:two|three|four|five|six|seven|eight|nine|ten|eleven)|all(?:\s+the)?)\s+$",
    re.I,
)

# "both countries", "both sides": two, as "the two countries" are.
_BOTH_SIDES = re.compile(r"\bboth\s+()(?:countries|sides|nations|states|governments)\b", re.I)
COUNTED_PARTIES = re.compile(
    r"\b(?:the|all|both)\s+(?:same\s+)?(two|three|four|five|six|seven|eight|nine|ten)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:countries|sides|nations|states|ministers|leaders|governments|members|partners|navies|militaries|"
    r"premiers|presidents|prime\s+ministers|heads\s+of\s+(?:state|government)|delegations|armies|chancellors)\b",
    re.I,
)


# A number of states before a grouping's name: "the two Central Asian states".
_COUNT_BEFORE = re.compile(r"\b(two|three|four|five|six|seven|eight|nine|ten)\s+$", re.I)

_LATERAL = re.compile(r"\b(tri|quadri)(?:lateral|partite)\b", re.I)
_LATERAL_COUNT = {"tri": 3, "quadri": 4}

# Kinds a grouping holds as one meeting of its members.
_GROUPING_KINDS = frozenset({EventKind.SUMMIT, EventKind.FOREIGN_MINISTERS, EventKind.DEFENCE_MINISTERS})


def fill_from_context(parties: tuple[str, ...], ctx: Context, kind: str, text: str = "") -> tuple[str, ...]:
    """Complete the parties of an anaphoric mention from the article's current event or lead states.

    "The four foreign ministers last met in July" takes the last event of four states.
    """
    if _UNNAMED_PARTNERS.search(text):
        return parties  # "has signed social security agreements with 18 countries": partners the text leaves unnamed
    counted = COUNTED_PARTIES.search(text) or _BOTH_SIDES.search(text)
    lateral = _LATERAL.search(text)
    # "the two countries", "both countries", and "the inaugural Trilateral Leaders' Summit": three states
    n = (
        NUMBER_WORDS[(counted.group(1) or "two").lower()]
        if counted
        else _LATERAL_COUNT[lateral.group(1).lower()]
        if lateral
        else 0
    )
    if n:
        pairs_by_sentence: dict[int, set[tuple[str, ...]]] = {}
        for m in ctx.previous:
            if len(m.parties) == 2:
                pairs_by_sentence.setdefault(m.sentence.index, set()).add(m.parties)
        listed = {i for i, pairs in pairs_by_sentence.items() if len(pairs) >= 2}
        for m in reversed(ctx.previous):
            if m.background:
                continue  # "the two countries" are not a pair a background sentence named
            if n == 2 and len(m.parties) == 2 and m.sentence.index in listed:
                continue  # (nor one of the pairs a list made: "meetings with A, B and C", "with Australia and Britain")
            if len(m.parties) == n and (not parties or set(parties) <= set(m.parties)):
                return m.parties
        if lateral and len(ctx.focus) == n and (not parties or set(parties) <= set(ctx.focus)):
            return ctx.focus
        named = ctx.laterals.get(n, ())
        if lateral and named and (not parties or set(parties) <= set(named)):
            return named
    if kind in _GROUPING_KINDS and len(parties) < 2 and _BOTH_GROUPINGS.search(text):
        # "Foreign ministers of the two groupings met a day earlier": the members of both, as the
        # summit of the two had them
        for m in itertools.islice(reversed(ctx.previous), 12):
            if m.from_grouping and not m.generic and not m.background and len(m.parties) >= 3:
                return m.parties
    if kind in _GROUPING_KINDS and len(parties) < 2 and not re.search(r"\b(?:their|its)\b", text, re.I):
        # "At last year's leaders' meeting in Nuku'alofa", in a report of the Pacific Islands
        # Forum's summit: the grouping's, not the few states the last sentence named ("their
        # leaders meet once a year" names whose, and goes by the states last in focus)
        for m in itertools.islice(reversed(ctx.previous), 12):
            if (
                m.kind == kind
                and m.from_grouping
                and not m.generic
                and len(m.parties) >= 3
                and set(parties) <= set(m.parties)
            ):
                return m.parties
    # ("The two premiers also oversaw the signing": a pair, never the ten states of a grouping's summit
    # named before it)
    pair_only = bool(counted) and n == 2
    for m in itertools.islice(reversed(ctx.previous), 12):  # a format's last session, a few paragraphs up
        if (
            m.kind == kind
            and len(m.parties) >= 2
            and (not parties or set(parties) <= set(m.parties))
            and not (pair_only and len(m.parties) != 2)
        ):
            return m.parties
    if (
        len(ctx.focus) >= 2
        and (not parties or set(parties) <= set(ctx.focus))
        and not (pair_only and len(ctx.focus) != 2)
    ):
        return ctx.focus
    if len(parties) == 1 and ctx.hub and ctx.hub not in parties and kind in BILATERAL_KINDS:
        return tuple(sorted((*parties, ctx.hub)))
    return parties


_UNNAMED_PARTNERS = re.compile(
    r"\bwith\s+(?:\d{2,}|(?:more\s+than|over|some|about|nearly|around)\s+\d+|(?:a\s+)?(?:dozens?|number|host|range|series)\s+of|several|many|various|numerous)\s+(?:other\s+)?(?:countries|nations|states|partners|governments)\b",
    re.I,
)
_BOTH_GROUPINGS = re.compile(
    r"\b(?:the|both)\s+(?:two\s+)?(?:groupings|blocs|regions|organi[sz]ations)\b", re.I
)


# A leader's tour: "visited the three West African countries of Angola, Nigeria, and Togo" (a visit to each).
# So is a tour and its stops: "a tour of Chad and Niger", "stops in the UAE, Oman, Kuwait and Bahrain".
_TOUR = re.compile(
    r"\b(?:visit(?:ed|s|ing)?|stops\s+in|stops?\s+(?:(?:will|would)\s+(?:include|be)|include|are|is)|(?:travel(?:l?ed|s|l?ing)?|flew|fly|flies|flying|journeyed)\s+to)\s+(?:[^.;]{0,40}?\s+(?:countries|states|nations)\s+of\s+)?(?:the\s+)?(?:neighbou?ring\s+|fellow\s+)?(?-i:[A-Z])[^.;]*,[^.;]*\band\b"
    # ("will travel to South Korea on Wednesday and Japan on Thursday": each stop its day)
    r"|\b(?:tour\s+(?:of|to)|visits\s+to|(?:take|takes|took)\s+(?:him|her|them)\s+(?:on\s+)?to|(?:travel(?:l?ed|s|l?ing)?|head(?:ed|s|ing)?|fly|flies|flew)\s+(?:on\s+)?to)\s+(?:the\s+)?(?-i:[A-Z])[\w-]*(?:\s+(?-i:[A-Z])[\w-]*)*(?:\s+on\s+(?-i:[A-Z])\w+day)?(?:,\s+(?:the\s+)?(?-i:[A-Z])[\w-]*(?:\s+(?-i:[A-Z])[\w-]*)*(?:\s+on\s+(?-i:[A-Z])\w+day)?)*,?\s+and\s+(?:then\s+|finally\s+)?(?:the\s+)?(?-i:[A-Z])",
    re.I,
)
# Three states' names joined, or "trilateral", right before a trigger: one meeting of them all.
_SEVERAL_NAMED_BEFORE = re.compile(
    r"(?:\b(?-i:[A-Z][\w’']*[-–][A-Z][\w’']*[-–][A-Z])[\w’']*\s+(?:[\w-]+\s+){0,2}|(?:"
    + SEVERAL_SIDES.pattern
    + r")\s+)$",
    re.I,
)
# The names of a list before its next item: "Afghanistan, the Maldives and ".
_LIST_SO_FAR = re.compile(
    r"(?:(?:the\s+)?(?-i:[A-Z])[\w.’'-]*(?:\s+(?-i:[A-Z])[\w.’'-]*)*(?:\s*,\s*(?:and\s+)?|\s+and\s+))*(?:the\s+)?",
    re.I,
)
# Another meeting a trigger is dated by, and who was met at it, to the clause's end: "will meet President
# Moon, following talks with Chinese President Xi on Monday" (Xi is no party of the meeting with Moon).
_ANOTHER_MEETING_WITH = re.compile(
    # (not "agreed … following the recent trilateral meeting with US Secretary Austin": the meeting the
    # sentence tells of, which the subjects held with him)
    r"\b(?:after|following|before|ahead\s+of|prior\s+to)\s+(?:(?:his|her|a|an)\s+)?"
    r"(?:(?!(?:trilateral|joint|recent|three-way)\b)[\w-]+\s+){0,2}?(?:talks|meetings?|summit|visit|call|discussions|"
    r"conversation)\s+with\b[^,;.()]*",
    re.I,
)
# A trip under way: "is on a five-day visit to Mongolia and Japan".
_ON_A_TRIP = re.compile(
    r"\b(?:is|are|was|were)\s+(?:currently\s+|now\s+|also\s+)?on\s+(?:a|an|his|her|their)\s+(?:[\w-]+\s+){0,3}$",
    re.I,
)
# A trip of one visitor to the states named after it: "his visit to Afghanistan and Pakistan", "will visit
# Poland and Romania".
_ONE_TRIP_TO = re.compile(r"\b(?:(?:visit|trip)\s+to|visit(?:s|ed|ing)?)\s+(?:the\s+)?", re.I)
VISITS_TO = re.compile(
    r"\b(?:paid|pay|made|make|organi[sz]ed|undertook|undertake|conducted)\s+(?:(?:separate|official|state|working|"
    r"respective)\s+(?:and\s+\w+\s+)?)*visits\s+to\s+(?:the\s+)?",
    re.I,
)
_VISIT_LIST = re.compile(
    r"\bvisit(?:ed|s|ing)?\b|\bstops\s+in\b|\btour\s+(?:of|to)\b|\b(?:take|takes|took)\s+(?:him|her|them)\s+(?:on\s+)?to\b"
    r"|\bstops?\s+(?:(?:will|would)\s+(?:include|be)|include|are|is)\b"
    r"|\b(?:travel(?:l?ed|s|l?ing)?|flew|fly|flies|flying|journeyed)\s+to\b",
    re.I,
)


def _visited(text: str, states: States) -> set[str]:
    "Return the states named after the (first) word 'visit' of the text: its destinations."
    m = _VISIT_LIST.search(text)
    return {c for c, pos in states.codes.items() if m is not None and pos >= m.end()}


_EACH_COUNTERPART = re.compile(
    r"\b(?:met|meets|meet|meeting)\s+(?:[\w-]+\s+){0,5}?(?:with\s+)?(?:his|her)\s+"
    r"(?-i:[A-Z])[\w-]+(?:,\s+(?-i:[A-Z])[\w-]+)*,?\s+and\s+(?-i:[A-Z])[\w-]+\s+(?:counterparts|peers)\b"
    r"(?![^.;]*\b(?:trilateral|jointly|together|three-way)\b)",
    re.I,
)


# A subject that names its office and no state: "the Prime Minister will hold …", "He met …"
_UNNAMED_SUBJECT = re.compile(
    r"(?:^|[,;]\s+|\b(?:that|said|says|added)\s+)(?:he|she|the\s+(?:prime\s+minister|president|premier|chancellor|(?:foreign|defen[cs]e)\s+"
    r"minister|minister|leader|king|emir|crown\s+prince))\s+(?:[a-z]+\s+){0,3}$",
    re.I,
)


# A leader's title as a list of people met opens each name with ("President", "Prime Minister")
_LEADER_TITLE = r"(?-i:President|Prime\s+Minister|King|Emir|Amir|Sultan|Crown\s+Prince|Chancellor)"


# "a meeting", "a virtual meeting" with several counterparts is one meeting of them all
_NOT_ONE = r"(?<![Aa]\s)(?<!\bone\s)(?<!virtual\s)(?<!video\s)(?<!joint\s)(?<!online\s)(?<!trilateral\s)"


def split_dyads(
    parties: tuple[str, ...], kind: str, trig: Trigger, states: States, ctx: Context, text: str
) -> list[tuple[tuple[str, ...], int | None]]:
    """Split a bilateral format with several partners into (dyad, partner position) pairs.

    "India's 2+2 dialogues with the US and Japan" → (IND, USA), (IND, JPN).
    The hub is the state named before "with"; when only partners are named
    ("started with the US in 2018 and Japan in 2019"), the article's hub.
    """
    # ("will also attend associated talks, including … and bilateral meetings": the listed
    # occasions are other meetings, not a word on how this one is held)
    listing = re.compile(r",?\s+(?:including|such\s+as)\b", re.I).search(text, trig.end)
    scope = text[: listing.start()] if listing else text
    # "met A, B and C separately", "one-on-one meetings with": one each, said in the trigger's own clause (not
    # "conducted drills with French and Japanese ships …, and held separate exercises with …": the next act's)
    own_clause_end = _NEXT_ACT.search(scope, trig.end)
    own_clause = scope[: own_clause_end.start() if own_clause_end else len(scope)]
    bilateral = (
        kind == EventKind.TWO_PLUS_TWO
        or bool(re.search(r"\b(?:separate(?:ly)?|one-on-one|each)\b", own_clause, re.I))
        or bool(
            re.search(
                r"\bbilateral(?:ly|\s+(?:meetings?|talks|discussions|consultations|sessions|dialogues?))\b"
                # "conducted bilateral naval exercises with the navies of Japan, Oman and Russia": one each
                r"|\bbilateral\s+(?:[\w-]+\s+)?(?:exercises|drills)\s+with\b"
                # (not "join Blinken and the foreign ministers of the UAE, Bahrain and Morocco for a series of
                # meetings hosted by their Israeli counterpart": one gathering of them all)
                r"|\bseries\s+of\s+(?:bilateral\s+)?(?:talks|meetings|consultations)\b(?!\s+hosted\s+by\b)"  # one each
                # "hold meetings with several foreign leaders in the day, including …": one with each
                r"|\bmeetings\s+with\s+(?:several|various|many|a\s+number\s+of|a\s+host\s+of)\s+(?:[\w-]+\s+){0,2}"
                r"(?:leaders|counterparts|heads\s+of\s+(?:state|government))\b"
                # "both the Armenian and Azerbaijani FMs had the opportunity to meet with PM Garibashvili":
                # each of them met him
                r"|\bboth\s+(?:the\s+)?(?-i:[A-Z])[\w-]+\s+and\s+(?-i:[A-Z])[\w-]+\s+(?:FMs|foreign\s+ministers|"
                r"ministers|leaders|presidents|delegations|envoys)\b"
                # "Netanyahu had meetings with President Anastasiades and Alexis Tsipras": one with each
                r"|\b(?:had|has|have|held|holds|hold)\s+meetings\s+with\s+(?:the\s+)?(?-i:[A-Z])[^.;]*\band\b"
                # "discussed bilateral ties in meetings with the guests from Cuba, Uruguay, Peru and Colombia": one each
                r"|\b(?:in|during|through)\s+meetings\s+with\s+[^.;]*,[^.;]*\band\b"
                # "held talks with counterparts from Saudi Arabia, the UAE, Brazil and Senegal":
                # one minister's talks with each, not a meeting of them all; so is "met his peers
                # from Argentina and Brazil, Jorge Faurie and Aloysio Nunes", each named
                # (not "held a meeting with his counterparts from the US, Australia and Brazil": one meeting)
                r"|\b(?:talks|met|meetings|"
                + _NOT_ONE
                + r"meeting)\s+with\s+(?:his|her\s+)?(?:counterparts|peers)\s+(?:from|of)\s+[^.;]*,[^.;]*\band\b"
                r"|\b(?:met|meets|meet|"
                + _NOT_ONE
                + r"meeting)\s+(?:with\s+)?(?:his|her|their)\s+(?:counterparts|peers)\s+(?:from|of)\s+[^.;]*,[^.;]*\band\b"
                # "also met with his Malaysian counterpart, Mohamad Sabu, Australian Defence Minister Christopher
                # Pyne and the Philippines' Secretary of National Defense": each of them in turn
                r"|\b(?:met|meets|meet|meeting)\s+(?:with\s+)?(?:his|her)\s+(?-i:[A-Z])[\w-]+\s+counterpart,\s+"
                r"[^.;]*,[^.;]*\band\b"
                # "met with his counterparts in the Swedish and Danish governments": one minister, each
                r"|\b(?:meet|met|meets|meeting)\s+(?:with\s+)?(?:his|her)\s+counterparts\s+in\s+(?:the\s+)?"
                r"(?-i:[A-Z])[^.;]*\band\b"
                r"|\b(?:meet|met|meets|meeting)\s+(?:with\s+)?(?:his|her|their)\s+(?:counterparts|peers)\s+(?-i:[A-Z])[^.;]*\s+of\s+[^.;]*\band\b[^.;]*\s+of\s+(?-i:[A-Z])"
                # "is planned to meet with President of Turkmenistan Gurbanguly Berdimuhamedov, President of
                # Uzbekistan Shavkat Mirziyoyev and …": leaders named one by one, each with a title, met in turn
                r"|\b(?:meet|met|meets|meeting)\s+(?:with\s+)?(?:the\s+)?"
                + _LEADER_TITLE
                + r"\b[^.;,]*,\s+(?:the\s+)?"
                + _LEADER_TITLE
                + r"\b[^.;]*\band\s+(?:the\s+)?"
                + _LEADER_TITLE
                + r"\b"
                # "Trump spoke with Sheikh Tamim and Crown Prince Mohammed": a call with each (not a
                # conference call, nor the three "jointly")
                # "Trump called South Africa President Jacob Zuma and Nigerian President Muhammadu Buhari": a call each
                r"|(?<!so-)(?<!so\s)\b(?:called|(?:tele)?phoned)\s+(?:up\s+)?(?-i:[A-Z])[^.;]*\band\b"
                r"(?![^.;]*\b(?:jointly|together|trilateral|three-way|conference\s+call|joint\s+call)\b)"
                r"|\b(?:have|has|had)\s+(?:\w+\s+){0,2}spoken\s+(?:with|to)\b"
                r"|\b(?:spoke|speaks|talked)\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s+|earlier\s+|later\s+|also\s+|separately\s+)?(?:by\s+(?:tele)?phone\s+|on\s+the\s+phone\s+)?(?:with|to(?=(?:[^.;]|(?<=\b[A-Z])\.)*\b(?:on\s+the|by)\s+(?:tele)?phone\b))\b"
                r"(?![^.;]*\b(?:jointly|together|trilateral|three-way|conference\s+call|joint\s+call|video\s+conference)\b)",
                scope,
                re.I,
            )
        )  # (not "bilateral and multilateral cooperation")
        # "met Putin and Xi on Monday and Tuesday, respectively": one meeting each (not "the Ethiopian,
        # Eritrean and Somali Foreign Ministers, A, B and C, respectively, traveled", nor "his Chinese and
        # Japanese counterparts Wang Yi and Fumio Kishida, respectively": whose names these are)
        or bool(
            (each := re.search(r"\brespectively\b", scope, re.I))
            and not _NAMED_OFFICE_HOLDERS.search(scope, 0, each.start())
            # ("The Summit will comprise heads of state from A, B, C, D, E and F, respectively": all at one)
            and not (kind == EventKind.SUMMIT and len(parties) > 2)
        )
        # "met earlier in the day with his Uzbek and Kazakh counterparts": one minister, each, when
        # that verb is the meeting (not "a gathering …, where Qin met his Russian, Iranian … counterparts")
        or any(m.start() <= trig.start < m.end() for m in _EACH_COUNTERPART.finditer(scope))
        or bool(
            _TOUR.search(scope)
        )  # "visited the three West African countries of Angola, Nigeria, and Togo"
        # (not "a meeting of the consultation mechanism … of Azerbaijan, Armenia, Iran, Russia and Turkey": a
        # list with no partner or hub named is one meeting of them all)
        or (kind == EventKind.BILATERAL_TALKS and trig.strong and bool(states.partners or states.possessive))
        # "Egypt also signed similar agreements with Burundi and Uganda", "a similar agreement with 11
        # other countries, including the United States, Britain and Australia": one with each
        or (
            kind == EventKind.AGREEMENT
            and bool(
                re.search(
                    r"\b(?:agreements|deals|memorand(?:a|ums)|MoUs|accords|pacts)\s+with\b"
                    # "has signed at least 19 military cooperation deals in sub-Saharan Africa, including with
                    # Ethiopia, Nigeria and Zimbabwe": one with each
                    r"|\b(?:agreements|deals|memorand(?:a|ums)|MoUs|accords|pacts)\b[^.;]{0,60}?,?\s+including\s+with\b"
                    r"|\b(?:agreements?|deals?|pacts?|accords?)\s+with\s+(?:\d+|two|three|four|five|six|seven|"
                    r"eight|nine|ten|eleven|twelve|several|many)\s+(?:other\s+)?(?:countries|states|nations)\b",
                    text,
                    re.I,
                )
            )
        )
    )
    if (visits_to := VISITS_TO.search(scope)) and len(parties) > 2:
        # "leaders of Angola, Ethiopia, Guinea and Sudan paid official visits to Turkey": each came on
        # a visit of their own to the one host
        host = next((c for c, pos in states.codes.items() if pos == visits_to.end()), None)
        hosts = [c for c in parties if states.codes.get(c, -1) >= visits_to.end()]
        visitors = [c for c in parties if c not in hosts]
        if len(hosts) >= 2 and len(visitors) == 1:
            # "Cavusoglu will pay official visits to Kuwait, Oman and Qatar": one visitor, each host in turn
            return [(tuple(sorted((visitors[0], h))), states.codes.get(h)) for h in hosts]
        if host in parties:
            rest = sorted(set(parties) - {host}, key=lambda c: (states.codes.get(c, 10**6), c))
            return [(tuple(sorted((host, p))), states.codes.get(p)) for p in rest]
    if (
        kind == EventKind.BILATERAL_TALKS
        and len(parties) > 2
        and (trip := _ONE_TRIP_TO.search(text, trig.start, trig.end + 20)) is not None
    ):
        # "the Chinese foreign minister's visit to Afghanistan and Pakistan in June": one visitor's trip,
        # a visit to each host (not "the leaders' visit to Beijing": several visitors, one host)
        # (the hosts are the list the trip goes to, not states named later: "his trip to Minsk, scheduled
        # as part of the meeting of the Belarusian, Russian and Kazakh foreign ministers")
        hosts = [
            c
            for c in parties
            if states.codes.get(c, -1) >= trip.end()
            and _LIST_SO_FAR.fullmatch(text, trip.end(), states.codes[c])
        ]
        visitors = [c for c in parties if states.codes.get(c, 10**6) < trip.start()]
        if len(hosts) >= 2 and len(visitors) == 1 and len(hosts) + 1 == len(parties):
            if _ON_A_TRIP.search(text, max(0, trip.start() - 40), trip.start()):
                # "is on a five-day visit to Mongolia and Japan": the leg under way; the later ones are to come
                first = min(hosts, key=lambda c: states.codes[c])
                return [(tuple(sorted((visitors[0], first))), states.codes.get(first))]
            return [(tuple(sorted((visitors[0], h))), states.codes.get(h)) for h in hosts]
    if (
        not bilateral
        # ("the third round of trilateral talks": a trigger widened to its round keeps its word)
        or SEVERAL_SIDES.search(text[trig.start : trig.end])
        # "Deputy foreign ministers of China, Japan and South Korea met": the ministers of them all, together
        or (
            kind == EventKind.BILATERAL_TALKS
            and re.search(r"\bministers\s+of\b", text[trig.start : trig.end], re.I)
        )
        # "a meeting of the Saudi-Iranian-Chinese committee": the three it names met together
        or re.search(r"\b[A-Z][\w’']*-[A-Z][\w’']*-[A-Z]", text[trig.start : trig.end]) is not None
        # (so does "the first Türkiye-Uzbekistan-Azerbaijan Trilateral Meeting of Ministers …", named before it)
        or _SEVERAL_NAMED_BEFORE.search(text, max(0, trig.start - 80), trig.start) is not None
        or (kind == EventKind.SUMMIT and states.from_grouping)  # a grouping's summit is one meeting
        or (
            kind == EventKind.SUMMIT
            and len(parties) > 5
            and not re.search(r"\bbilateral", scope, re.I)
            and not (not trig.strong and _TOUR.search(scope))  # ("visited Angola, Nigeria, and Togo")
        )
        or (states.names_the_meeting and kind != EventKind.TWO_PLUS_TWO)  # so is its ministers' meeting
    ):
        return [(parties, None)]  # (a "trilateral dialogue" is one meeting of all three)
    if states.possessive in parties and len(parties) > 2:
        hub = states.possessive
        rest = sorted(set(parties) - {hub}, key=lambda c: (states.codes.get(c, 10**6), c))
        return [(tuple(sorted((hub, p))), states.codes.get(p)) for p in rest]
    partners = [p for p in parties if p in states.partners]
    others = sorted(
        (c for c in parties if c not in states.partners), key=lambda c: states.codes.get(c, 10**6)
    )
    if partners and not others and ctx.hub and ctx.hub not in partners:
        others = [ctx.hub]
    elif (
        partners
        and not others
        and ctx.last_person_state
        and ctx.last_person_state not in partners
        and _UNNAMED_SUBJECT.search(text, max(0, trig.start - 60), trig.start)
    ):
        # "the Prime Minister will hold bilateral meetings Friday, including with French President
        # Emmanuel Macron, UK Prime Minister Rishi Sunak, and …": the leader last named meets each
        others = [ctx.last_person_state]
    if kind == EventKind.TWO_PLUS_TWO and len(parties) > 2 and not partners and ctx.hub:
        # "Kazakhstan, Kyrgyzstan and Tajikistan are China's likeliest partners, and I expect
        # all three to have such a dialogue": a 2+2 pairs two states, and with no "with" to
        # say who partners whom, the article's hub is the other side of each
        rest = sorted(set(parties) - {ctx.hub}, key=lambda c: (states.codes.get(c, 10**6), c))
        return [(tuple(sorted((ctx.hub, p))), states.codes.get(p)) for p in rest]
    if len(parties) <= 2 and not (partners and others and others[0] not in parties):
        return [(parties, None)]
    if not partners or not others:
        if len(parties) <= 2 or (states.from_grouping and kind != EventKind.TWO_PLUS_TWO):
            return [(parties, None)]
        if _VISIT_LIST.search(scope) and not any(c not in _visited(scope, states) for c in parties):
            # "the president-elect visited the United Kingdom, France, Germany and Spain": the
            # visitor, named before, is the hub of each visit; unknown, no visit is coded
            visitor = ctx.last_person_state or ctx.hub
            if visitor is None or visitor in parties:
                return [(parties, None)]
            return [(tuple(sorted((visitor, p))), states.codes.get(p)) for p in parties]
        hub = sorted(parties, key=lambda c: states.codes.get(c, 10**6))[0]
        if [states.codes.get(c) for c in parties].count(states.codes.get(hub)) > 1:
            # the first place is shared by a grouping's members ("the ASEAN 56th Foreign
            # Ministers Meeting … held a bilateral meeting"): no state is named as the hub
            return [(parties, None)]
    else:
        grouped = [c for c in others if [states.codes.get(o) for o in others].count(states.codes.get(c)) > 1]
        if states.from_grouping and len(grouped) >= 3:
            # "meetings that bring together foreign ministers of GCC countries with foreign ministers
            # of Egypt, Jordan and Morocco": the grouping meets each partner, not a member each
            side = sorted({*grouped, *(c for c in others if c not in grouped)})
            return [
                (tuple(sorted({*side, p})), states.codes.get(p))
                for p in sorted(partners, key=lambda c: (states.codes.get(c, 10**6), c))
            ]
        # "The UAE and Bahrain signed agreements with Israel": each subject with the one partner
        # (named before it: not "with their Philippine counterparts, and their Indian counterparts")
        one_partner = len(partners) == 1 and len(others) >= 2
        if one_partner and all(states.codes.get(o, 10**6) < states.codes.get(partners[0], 0) for o in others):
            hub = partners[0]
        else:
            hub = others[0]
    rest = sorted({*parties, *partners} - {hub}, key=lambda c: (states.codes.get(c, 10**6), c))
    return [(tuple(sorted((hub, p))), states.codes.get(p)) for p in rest]


def antecedent_start(text: str, c_start: int) -> int:
    "Start a relative clause's party search at its antecedent: '…with Japan, which also held a 2+2…'."
    if re.match(r"\s*(?:which|who|whose|in\s+which)\b", text[c_start:]):
        break_comma = text.rfind(",", 0, c_start)
        previous = text.rfind(",", 0, max(0, break_comma))
        return max(previous + 1, break_comma - 25, 0)
    if re.match(r"\s*(?:after|following)\b", text[c_start:]):
        # "Faria, after a meeting with his Colombian counterpart, announced …": the subject the
        # phrase interrupts, when all before its comma is that subject (no verb of its own)
        break_comma = text.rfind(",", 0, c_start)
        head_start = max(text.rfind(";", 0, break_comma), text.rfind(":", 0, break_comma)) + 1
        if break_comma > head_start and not _VERB_IN_HEAD.search(text, head_start, break_comma):
            return head_start
    return c_start


_VERB_IN_HEAD = re.compile(
    r"\b(?:has|have|had|is|are|was|were|will|would|met|held|signed|said|[a-z]{3,}ed)\b"
)
