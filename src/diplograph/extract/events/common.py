"""Shared pieces of the event extractor: the versioned rules and the working types.

Input: `rules/events.v1.yaml` and the constants below. Output: compiled rules
and the small mutable records the other modules of `diplograph.extract.events` pass
around (a trigger, a mention of an event in one sentence, a cluster of
mentions, the article context).

Why mutable records here: a mention is built up in several steps (parties,
dates, people) and clusters grow as the article is read; only the results,
`Event` and `Mechanism`, are frozen.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import yaml

from diplograph.extract.folding import first_match, folded_finditer, folded_search
from diplograph.extract.prefilter import literal_first
from diplograph.models import ActorMention, Location, Person, Sentence
from diplograph.vocab import ActorType, EventKind

BILATERAL_KINDS = frozenset({EventKind.TWO_PLUS_TWO, EventKind.BILATERAL_TALKS})

MEETING_KINDS = frozenset(
    {EventKind.TWO_PLUS_TWO, EventKind.FOREIGN_MINISTERS, EventKind.DEFENCE_MINISTERS, EventKind.SUMMIT}
)

ORDINALS = {
    "first": 1,
    "first-ever": 1,
    "inaugural": 1,
    "maiden": 1,
    "debut": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "twentieth": 20,
}

# Compound ordinals in words: "Forty-Fourth Session", "twenty-first summit".
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_UNITS = {
    w: n
    for w, n in ORDINALS.items()
    if 1 <= n <= 9 and "-" not in w and w not in ("inaugural", "maiden", "debut")
}
ORDINALS.update({f"{t}-{u}": tn + un for t, tn in _TENS.items() for u, un in _UNITS.items()})
ORDINALS.update({"thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60})

ORDINAL_RE = re.compile(
    r"\b((?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ](?:first|second|third|fourth|fifth|sixth|"
    r"seventh|eighth|ninth)|thirtieth|fortieth|fiftieth|sixtieth|first[- ]ever|first|inaugural|maiden|debut|"
    r"second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    # ("the 30 th meeting", "the 51 st": a wire's spaced suffix, lower case)
    r"eleventh|twelfth|thirteenth|fourteenth|fifteenth|twentieth|\d{1,3}(?:st|nd|rd|th|(?-i:\s(?:st|nd|rd|th))))\b",
    re.I,
)

# Clause boundaries inside a sentence: a new clause usually has its own subject and tense.
# A meeting verb in the perfect: "the two leaders have spoken twice since…", another occasion than
# the one in hand (`sentences.trigger_mentions`, `merge.joins`).
PERFECT_MEETING = re.compile(r"(?:have|has|had)\s+(?:\w+\s+)?(?:spoken|met|talked)\b", re.I)

# "… and is currently engaged in discussions with Brazil, Russia …": talks still going on, a second act of
# the subject (a clause of its own, and where a party search widening over the sentence stops)
ONGOING_TALKS_AFTER = r"\s(?=and\s+(?:is|are)\s+(?:currently\s+|now\s+|also\s+)?(?:engaged\s+in|negotiating|in\s+talks|holding\s+talks)\b)"
# The verb of setting out for a place: "will leave for Ottawa", "departed to Nairobi", "set off for"
DEPARTS = r"(?:leave|leaves|left|leaving|depart(?:s|ed|ing)?|set(?:s|ting)?\s+off)"

# Rewritten to start with one class of the alternatives' first characters (`prefilter.literal_first`):
# `re` then scans for ";", ":", ",", ".", spaces instead of trying each alternative at every character.
CLAUSE_BREAK = literal_first(
    re.compile(
        # (not a list of "State, Name" items: "the foreign ministers of Nicaragua, Samuel Santos; Honduras,
        # Arturo Corrales; and Panama, Romulo Roux")
        r";(?!\s+and\s+(?-i:[A-Z]))(?!\s+(?-i:[A-Z])[\w'’.-]*(?:\s+(?-i:[A-Z])[\w'’.-]*){0,2},\s+(?-i:[A-Z])[\w'’.-]+"
        r"(?:\s+(?-i:[A-Z])[\w'’.-]*){0,3}\s*(?:;|\.|$))|:\s|\s--\s|,\s+(?:while|whereas|but|although|though|shortly\s+after|even\s+as|as\s+well\s+as\s+a)\b|,\s+(?=(?:which|who|whose|in\s+which)\b)"
        # a dash between clauses, not between two sides of a format: "the GCC – Central Asia summit"
        r"|\s[—–]\s(?!(?-i:[A-Z])[\w'’.-]*(?:\s+(?-i:[A-Z])[\w'’.-]*){0,3}\s+(?:summit|meeting|dialogue|talks|forum|"
        r"ministerial|council|consultations|(?-i:J[A-Z]{0,2}C|JCC|BNC))\b)"
        r"|\s(?=as\s+(?:they|he|she|both|the\s+two)\s+(?:head|travel|prepare|arrive|fly|go|gather)\w*\b)"  # "…, as they head to Astana"
        # "hold defense talks as both nations move toward signing a security agreement": a second act
        r"|\s(?=as\s+(?:both|the\s+two)\s+(?:nations|countries|sides|governments)\s+(?:move|work|seek|look|push|prepare)\w*\b)"
        r"|,\s+(?=as\s+(?:he|she|they)\s+(?:was|were|had|has|have)\b)"  # "…, as he was already visiting Egypt"
        # "Pompeo urged Japan, India and Australia to stand together, as the foreign ministers of the four
        # countries met in Tokyo": the meeting is a clause of its own, not what he urged
        r'|,["”]?\s+(?=as\s+(?:the\s+|their\s+)?'
        r"(?:[\w'’,-]+\s+){1,12}?(?:met|gathered|convened|assembled)\b)"
        r"|,\s+(?=(?:modell?ed|patterned|based)\s+on\b)"
        # "Greece will sign a deal with France, the ministers said, months after a similar agreement was
        # made between Athens and Washington": the earlier deal is a clause of its own
        r"|,\s+(?=(?:days|weeks|months|years|shortly|soon|just|only)\s+(?:\w+\s+)?after\b)"
        # "… held their first summit on Saturday, a day before the ECOWAS heads of state were due to
        # meet": the other meeting is a clause of its own
        r"|,\s+(?=(?:a|one|two|three|four|five|six|ten|several|\d+)\s+(?:days?|weeks?|months?|years?)\s+"
        r"(?:\w+\s+)?(?:after|before)\b|(?:days|weeks|months|shortly|just)\s+before\b)"
        r"(?=[^.;,]{0,80}?\b(?:was|were|is|are|had|has|have|will|met|held|signed|gathered|convened)\b)"
        # "… might hold a tripartite summit soon, following the talks between the Greek, Cypriot and
        # Egyptian leaders in Cairo": the earlier meeting is a clause of its own
        r"|,\s+(?=(?:following|after)\s+(?:the|a|an|their|his|her|its)\s+(?:[\w'’-]+\s+){0,3}?(?:meeting|talks|summit|consultations)\b)"
        # "… signed an agreement with Chile's President on Thursday before heading to Bogota for a meeting
        # with Colombia's": the next leg of a trip is a clause of its own
        r"|\s(?=before\s+(?:heading|travell?ing|flying|leaving|departing|going|moving\s+on)\b)"
        # "India has signed social security agreements with 18 countries and is currently engaged in discussions
        # with Brazil, Russia …": the talks still going on are a clause of their own
        r"|" + ONGOING_TALKS_AFTER +
        # "Lavrov will meet with Cavusoglu in Antalya, and will also take part in a trilateral meeting": a
        # second act of the same subject
        r"|,\s+(?=and\s+(?:will|would|is\s+to|is\s+due\s+to)\s+also\b)"
        # "Modi had arrived on September 9 to attend the G20 Summit and will be departing for Riyadh on Monday"
        r"|\s(?=and\s+(?:will|is\s+to|is\s+due\s+to|is\s+set\s+to)\s+(?:then\s+|later\s+)?(?:be\s+)?"
        r"(?:depart|leav|head|travel|fly|proceed)\w*\b)"
        # "… had taken place in New Delhi in September 2018 and both countries are getting ready for the second"
        r"|\s(?=and\s+(?:both|the\s+two)\s+(?:countries|sides|nations|states|governments|ministers|leaders)\s+"
        r"(?:are|were|will|would|have|had|is|was)\b)"  # "a 2+2 with Hanoi, modelled on those it runs with …"
        # "… meet their U.S. counterparts amid tensions, as North Korea sends troops to Russia";
        # "… meet with the US even as the US came down heavily on China and Pakistan"
        r"|\s(?=amid(?:st)?\s|even\s+as\s|even\s+though\s|whereas\s)"
        # "ASEAN states take comfort from the fact that defence leaders of the US and China met": the
        # complement is a clause of its own
        r"|\s(?=(?:the\s+)?fact\s+that\s)"
        # "… stated that Mongolia values Japan together with China and Russia and that the leaders of the
        # two countries signed a joint statement": a second thing said is a clause of its own
        # (not after a comma: "…, and that Vietnam is the first to adopt the format" goes on about the first)
        r"|(?<!,)\s(?=and\s+that\s)"
        # "…, a sign of improving ties following the death of Uzbek leader Islam Karimov in 2016": a comment
        # on the news, a clause of its own
        r"|,\s+(?=an?\s+(?:sign|signal|reflection|testament|mark|measure|symbol)\s+(?:of|that)\b)"
        # "Japan held its first with the United States in 1990 and now runs the format with Australia, …":
        # a present beside the past, a clause of its own
        r"|\s(?=and\s+(?:now|today|since\s+then|nowadays)\s+(?:runs|holds|has|have|maintains|conducts|is|are)\b)"
        # "Trump spoke with Sisi on Monday and voiced support for negotiations between Egypt, Ethiopia and
        # Sudan": the second thing the subject did is a clause of its own
        r"|\s(?=and\s+(?:also\s+)?(?:voiced|expressed|reiterated|pledged|offered|backed|welcomed|urged|called\s+for)\s)"
        # "The UAE holds an annual strategic dialogue with India and is negotiating a defence pact with
        # France", "Indonesia has a 2+2 with Australia, and launched one with China last year": the
        # subject's second act, with a partner of its own, is a clause of its own
        r"|\s(?=and\s+(?:(?:is|are|was|were)\s+(?:also\s+|now\s+)?\w+ing|launched|began|started|opened)\s)"
        # "… agreed to promote a 'Free and Open Indo-Pacific', a vision that Tokyo is pushing with the U.S.":
        # an appositive with a relative clause of its own (not "…, a summit that brought together …")
        r"|,[\"”’']?\s+(?=an?\s+(?:[\w-]+\s+){0,2}?(?!(?:meeting|summit|gathering|session|dialogue|talks|visit|trip|drill|"
        r"exercise|conference|forum)\b)[\w-]+\s+(?:that|which)\s)"
        # "Foreign ministers of the bloc met in Rio as Russian President Vladimir Putin ordered a truce
        # with Ukraine", "Australia is wary after the Solomon Islands struck a pact with Beijing": a
        # conjunction opening a clause with a named subject and a verb of its own
        # (and two subjects with an auxiliary: "…, as Pakistan and Bangladesh have formally resumed consultations")
        r"|\s(?=(?:as|after|because|when)\s+(?:the\s+)?(?:[A-Z][\w.’'-]*\s+(?:and\s+)?){1,5}"
        r"(?:(?:have|has|had)\s+(?:\w+ly\s+)?)?(?:\w+ed|said|met|held|took|made|sent|began|spoke|told|struck|signed)\b)"
        # "… began their largest exercises since President Duterte came to power and sought ties with China"
        r"|\s(?=since\s+(?:(?:President|Prime\s+Minister|the)\s+)?(?:[A-Z][\w.’'-]*\s+){1,3}"
        r"(?:came|took|became|was|were|vowed|won|assumed|left)\b)"
        r"|(?<!\b[A-Z])(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bGen)(?<!\bSt)\.\s+(?=[A-Z])|\b(?:however|meanwhile)\b,?"
    )
)

ANAPHORA = re.compile(
    r"\b(?:the|this|that|these)\s+(?:\w+\s+)?(?:meeting|talks|dialogue|summit|exercises?|drills?|consultations|"
    r"visit|conference|session|event|gathering|discussions)\b",
    re.I,
)

TWO_SIDES = re.compile(
    r"\b(?:the|both)\s+(?:two\s+)?(?:sides|countries|nations|governments|neighbou?rs|partners|ministers)\b",
    re.I,
)

# The ministers or officials of a portfolio on both sides: "health ministers from both sides", "the energy
# ministers of the two countries" (a meeting of theirs is not the leaders' the article reports).
OTHER_MINISTERS_OF_BOTH = re.compile(
    r"\b[\w-]+\s+(?:ministers|ministries|officials|experts|secretaries)\s+(?:of|from)\s+(?:both|the\s+two)\s+"
    r"(?:sides|countries|nations|governments)\b",
    re.I,
)

# Verbs of attendance: a sentence right after an event's sentence that has
# these and names people adds them to the event ("... chaired the meeting").
ATTENDANCE = re.compile(
    r"\b(?:chair(?:ed|s)?|co-chair(?:ed|s)?|attend(?:ed|s)?|led|lead|head(?:ed|s)?|will\s+meet|met|meet|hosted|"
    r"host(?:s)?|represented|joined|participated|took\s+part|will\s+be\s+hosted|would\s+be\s+hosted)\b",
    re.I,
)

# Words (lower case) one of which every trigger of a kind contains: a sentence
# without any skips the kind's slower patterns. Substring tests on the lowered
# sentence cost a fraction of a regular-expression scan. Keep in step with
# rules/events.v1.yaml.
KIND_KEYWORDS: dict[str, tuple[str, ...]] = {
    EventKind.TWO_PLUS_TWO: ("2", "two", "foreign and", "defence and", "defense and", "consultati", "diplomats and",
                             "and diplomats", "and top diplomats", "ministers and defen", "along with",
                             "together with", "joined by"),
    EventKind.FOREIGN_MINISTERS: ("foreign minist", "fmm", "ministerial", "foreign affairs", "top diplomats", " diplomats",
                                  "common market council", "fms", "general assembly"),
    EventKind.DEFENCE_MINISTERS: ("defence minist", "defense minist", "admm", "of defence", "of defense",
                                  "security consultative meeting", "defence meeting", "defense meeting",
                                  "defence secretar", "defense secretar",
                                  "defence configuration", "defense configuration", "defence leaders",
                                  "defense leaders", "defence chiefs", "defense chiefs"),
    EventKind.SUMMIT: ("summit", "head", "leader", "supreme", "president", "prime minister", "council", "top-level",
                       "top level",
                       "intergovernmental", "forum", "assembly", "europe meeting"),
    EventKind.BILATERAL_TALKS: ("consultati", "talks", "dialogue", "working mechanism", "joint commission", "commission",
                                "joint committee", "committee", "joint working", "joint board", "representatives", "round of",
                                "mediated", "trilateral", "quadrilateral", "tripartite", "three-party", "three-way",
                                "four-party", "four-way", "binational", "bi-national", "level meeting", "cabinet", "meeting took",
                                "meeting will take", "meeting takes",
                                "governments", "council", "working group", "jpc", "jmc", "jcc", "bnc", "jc", "delegations of"),
    EventKind.AGREEMENT: (
        "sign", "ink", "penn", "pens", "conclu", "finali", "exchang", "agreement", "struck", "seal", "clinch", "join", "arrangement",
        "deal", "treat", "pact", "memorand",
        "mou", "accord", "protocol", "ratif", "adopt", "partnership",
    ),
    EventKind.INSTITUTION: (
        "secretariat", "cent", "commission", "fund", "group", "hotline", "institut", "bank", "academy",
        "universit", "mechanism", "committee", "council", "office", "force", "unit", "cell", "command",
        "battalion", "brigade", "coalition", "alliance", "network", "body", "bodies",
    ),
    EventKind.EXERCISE: ("exercis", "drill", "war game", "wargame", "manoeuv", "maneuv", "training", "joint sail", "patrol",
                         "cooperative activit", "navies", "armies", "air forces", "troops", "forces", "militaries",
                         "marines", "soldiers", "contingents", "coast guards", "together"),
}  # fmt: skip


def mentions_kind(lowered: str, kind: str) -> bool:
    """True when a lowered sentence contains a keyword of `kind` (a prefilter for its patterns)."""
    return any(word in lowered for word in KIND_KEYWORDS[kind])


@dataclass(frozen=True, slots=True)
class Rules:
    triggers: dict[str, list[re.Pattern[str]]]
    meeting: list[re.Pattern[str]]
    cues: dict[str, list[re.Pattern[str]]]
    recurring: re.Pattern[str]
    mechanism_level: re.Pattern[str]
    anaphoric: re.Pattern[str]
    context_before: re.Pattern[str]
    reference_before: re.Pattern[str]
    non_party_before: re.Pattern[str]
    non_party_after: re.Pattern[str]
    topics: re.Pattern[str]
    topic_names: dict[str, str]


def compile_any(entries: list[str]) -> re.Pattern[str]:
    "Compile several alternative patterns into one (case-insensitive)."
    return re.compile("|".join(f"(?:{e})" for e in entries), re.I)


def compile_pattern(entry: str | dict[str, str]) -> re.Pattern[str]:
    if isinstance(entry, dict):
        flags = 0 if entry.get("case") == "sensitive" else re.I
        return re.compile(entry["pattern"], flags)
    return re.compile(entry, re.I)


@functools.cache
def load_rules() -> Rules:
    "Load the versioned extraction rules shipped with the package."
    path = resources.files("diplograph") / "rules" / "events.v1.yaml"
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    # "exercise" patterns must keep their capital letters ("Exercise Malabar").
    # One alternation per kind and case mode: a sentence is scanned once per kind.
    triggers: dict[str, list[re.Pattern[str]]] = {}
    for kind, patterns in data["triggers"].items():
        sensitive = [
            p["pattern"] if isinstance(p, dict) else p
            for p in patterns
            if (isinstance(p, dict) and p.get("case") == "sensitive")
            or (kind == EventKind.EXERCISE and "[A-Z]" in p)
        ]
        insensitive = [p for p in patterns if isinstance(p, str) and p not in sensitive]
        triggers[kind] = [re.compile("|".join(f"(?:{p})" for p in group), 0 if group is sensitive else re.I)
                          for group in (sensitive, insensitive) if group]  # fmt: skip
    return Rules(
        triggers=triggers,
        # (the case-insensitive alternatives apart, so that they run as a lowered twin: `folding`)
        # (and one anchored at the start, "^…", alone: inside an alternation it would cost every
        # other alternative the engine's fast scan for their first words)
        meeting=[
            compile_any(group)
            for group in (
                [p for p in data["meeting_triggers"] if "(?-i" not in p and not p.startswith("^")],
                [p for p in data["meeting_triggers"] if "(?-i" in p and not p.startswith("^")],
                *([p] for p in data["meeting_triggers"] if p.startswith("^")),
            )
            if group
        ],
        cues={
            k: [compile_pattern(p) for p in data[k]]
            for k in (
                "cancelled",
                "planned_override",
                "proposed",
                "predicted",
                "hypothetical",
                "planned",
                "occurred",
            )
        },
        recurring=compile_any(data["recurring"]),
        mechanism_level=compile_any(data["mechanism_level"]),
        anaphoric=compile_any(data["anaphoric"]),
        context_before=compile_any(data["context_before"]),
        reference_before=compile_any(data["reference_before"]),
        non_party_before=compile_any(data["non_party_before"]),
        non_party_after=compile_any(data["non_party_after"]),
        topics=re.compile("|".join(f"(?P<t{i}>{v})" for i, v in enumerate(data["topics"].values())), re.I),
        topic_names={f"t{i}": k for i, k in enumerate(data["topics"])},
    )


@dataclass
class Mention:
    """One sentence's report of an event, before merging."""

    kind: str
    status: str
    parties: tuple[str, ...]
    sentence: Sentence
    trigger_start: int
    trigger_end: int
    date: str | None = None
    date_end: str | None = None
    location: Location | None = None
    ordinal: int | None = None
    people: list[Person] = field(default_factory=list)
    topics: frozenset[str] = frozenset()
    recurring: bool = False
    name: str | None = None
    mechanism_id: str | None = None
    from_grouping: bool = False
    explicit_parties: bool = True
    generic: bool = False
    cued: bool = True
    strong: bool = True  # named by a format word, not only by a meeting verb
    reference: bool = False
    background: bool = False  # habitual, unanchored: "Tokyo holds 2+2s with…"
    listed: bool = False  # a later sentence's list of who takes part: "Participating troops come from …"
    earlier: bool = False  # one of the past sessions a sentence lists: "the previous two were held in …"
    headline: bool = False  # told in the article's headline
    landmark: bool = False  # dates another meeting of its sentence: "a day after the NATO summit"
    confidence: float = 0.5


@dataclass
class Cluster:
    """Mentions of one real-world event in one article."""

    mentions: list[Mention]

    @property
    def first(self) -> Mention:
        return self.mentions[0]


@dataclass(frozen=True, slots=True)
class Trigger:
    kind: str
    start: int  # offsets within the sentence
    end: int
    strong: bool
    mechanism: str | None = None


# How many of the latest mentions the article context keeps for anaphora ("the four ministers",
# "their previous talks") to look back on. The look-ups scan them newest first, so without a bound
# a run-on text made each look-up cost as much as the text so far. Real articles reach back
# 8 mentions at most and hold under 20 in all (the sample corpus, tests/articles, the dev corpus
# and 2,000 generated articles); 200 is ten times the whole of the longest.
CONTEXT_LOOKBACK = 200


def _recent_mentions() -> deque[Mention]:
    return deque(maxlen=CONTEXT_LOOKBACK)


@dataclass
class Context:
    """What the article has said so far: its current parties, hub and last kind.

    `previous` holds the latest CONTEXT_LOOKBACK mentions, oldest first.
    """

    focus: tuple[str, ...] = ()
    hub: str | None = None
    last_kind: str | None = None
    # How often each meeting kind was reported so far: "similar dialogues" name the article's format.
    kinds_seen: Counter[str] = field(default_factory=Counter)
    previous: deque[Mention] = field(default_factory=_recent_mentions)
    # The state of the last person named with one: whom a later "he" or "she" stands for.
    last_person_state: str | None = None
    last_person_role: str | None = None
    last_person: Person | None = None
    # The last person named in each role: whom a later "the Prime Minister" stands for.
    people_by_role: dict[str, Person] = field(default_factory=dict)
    # The state a sentence opened with as its subject ("Japan is considered the originator of the
    # format."): whom a following "they" or "it" stands for.
    last_subject_state: str | None = None
    # Named formats the article has shown to be a ministers' meeting ("the Joint Commission,
    # co-chaired by the two foreign ministers"): (name, parties) → kind, for its later sessions.
    format_kinds: dict[tuple[str, frozenset[str]], str] = field(default_factory=dict)
    # Abbreviations the article has defined for a format: "Joint Consultative Commission (JCC)"
    # → {"JCC": ("bilateral talks", "Joint Consultative Commission")}; later "the JCC" is that format.
    abbreviations: dict[str, tuple[str, str]] = field(default_factory=dict)
    # The states the article names as a trilateral or quadrilateral by their hyphenated names
    # ("US-Japan-Philippines trilateral"): whom a later "the Trilateral Leaders' Summit" means.
    laterals: dict[int, tuple[str, ...]] = field(default_factory=dict)
    # Bodies the article named in full by the meeting they held ("the second meeting of the India-Saudi
    # Arabia Strategic Partnership Council"): head noun → kind, for a later "meeting of the Council".
    bodies: dict[str, str] = field(default_factory=dict)
    # The kind of meeting the article last named, reported or not ("Explainer: Japan's web of 2+2 dialogues"):
    # what "Japan held its first with the United States in 1990" refers to when no meeting was reported yet.
    last_named_kind: str | None = None
    # A question of which states held a meeting with a hub ("Which countries have already held a 2+2
    # with China?"): (kind, hub, the question's sentence index), for its answer in the next sentence.
    question: tuple[str, str, int] | None = None
    # Who "I" and "we" are in a first-person text (a minister's press conference or remarks): `speaker_of`.
    speaker: Person | None = None


def people_of(s_actors: Sequence[ActorMention]) -> list[Person]:
    "Return the distinct people named in a sentence."
    seen: dict[str, Person] = {}
    for a in s_actors:
        if a.type == ActorType.PERSON and a.name not in seen:
            seen[a.name] = Person(name=a.name, country=a.country, role=a.role)
    return list(seen.values())


def role_fits(kind: str, role: str | None) -> bool:
    "True when a person with `role` is a plausible participant of an event of `kind`."
    if kind == EventKind.TWO_PLUS_TWO:
        return role in (None, "foreign minister", "defence minister", "acting foreign minister")
    if kind in (EventKind.FOREIGN_MINISTERS, EventKind.DEFENCE_MINISTERS):
        return role is None or "minister" in role or "secretary" in role
    return True


# Titles and names of offices are not topics: "Defence Minister Dong Jun" says
# nothing about what was discussed.
TITLE_WORDS = re.compile(
    r"\b(?:defen[cs]e|foreign|security|national\s+security|home)\s+(?:and\s+(?:defen[cs]e|foreign)\s+)?"
    r"(?:minister|ministers|ministerial|ministry|ministries|secretary|secretaries|chiefs?|staff|adviser|advisor|"
    r"council|forces\s+chief|spokesperson|spokesman)\b"
    r"|\b(?:ministry|minister|secretary|department)\s+of\s+(?:national\s+)?(?:defen[cs]e|foreign\s+affairs|state)\b"
    r"|\bSecurity\s+(?:Consultative\s+Committee|Council)\b",
    re.I,
)


@functools.lru_cache(maxsize=8192)
def topic_cue_before(window: str) -> re.Match[str] | None:
    """Return the cue that makes the state ending `window` a topic, not a party ("talks on North Korea").

    Cached: every trigger of a sentence asks about the same states, and the article's lead asks again.
    (`first_match` skips the cues whose words the window lacks: most of them, in most windows.)
    """
    return first_match(load_rules().non_party_before, window)


@functools.lru_cache(maxsize=8192)
def topic_cue_after(window: str) -> bool:
    "True when the words after a state make it a topic or a setting rather than a party (cached likewise)."
    return folded_search(load_rules().non_party_after, window)


@functools.lru_cache(maxsize=4096)
def topics_of(text: str) -> frozenset[str]:
    "Return the topics of the fixed vocabulary a sentence speaks of (cached: a sentence is asked once per trigger)."
    rules = load_rules()
    text = TITLE_WORDS.sub(" ", text)
    return frozenset(
        rules.topic_names[m.lastgroup] for m in folded_finditer(rules.topics, text) if m.lastgroup
    )


# An occasion named as a landmark in time for the meeting a sentence reports: "ahead of the APEC
# summit", "two weeks before the BRICS summit", "a day after the NATO summit", "on the eve of the
# summit", "met Museveni on Sunday after the summit". The group `ahead` holds the forms that put the
# landmark after the meeting.
_MEASURE = (
    r"(?:(?:a|one|two|three|four|five|six|several|a\s+few|\d+)\s+(?:days?|weeks?|months?)|the\s+day|hours|days|"
    r"weeks|shortly|just|soon|right)"
)
# The roles of a state's leaders, whose meeting is a summit.
LEADER_ROLES = frozenset({"head of state", "head of government"})

# Words of a call or a meeting held at a distance: "telephoned", "a phone conversation", "called up", "by video
# link", "virtually", "online". Such a meeting has no venue, and a call is another occasion than a visit.
REMOTE_WORDS = re.compile(
    r"\b(?:tele)?phon(?:e|ed|es|ing|ic|ically)\b|\bvideo\b|\bvirtual(?:ly)?\b|\bonline\b|\bcalled\s+up\b|\bdiall?ed\b",
    re.I,
)
# Words that make a meeting one of three or more sides: "trilateral talks", "a three-way summit".
SEVERAL_SIDES = re.compile(
    r"\b(?:(?:tri|quadri|multi)lateral|tripartite|(?:three|four)-(?:way|party))\b", re.I
)
LANDMARK_IN_TIME = re.compile(
    r"\b(?:(?P<ahead>ahead\s+of|in\s+advance\s+of|prior\s+to|" + _MEASURE + r"\s+(?:before|ahead\s+of))|"
    r"on\s+the\s+eve\s+of|(?:in|as)\s+(?:the|a)\s+(?:run|lead)[- ]?up\s+to|"
    + _MEASURE
    + r"\s+(?:after|following)|(?<=\s)(?:after|following)(?=\s+the\s))\s+"
    r"(?:the|a|an|this|next|its|their)\s+(?:[\w'’-]+\s+){0,6}$",
    re.I,
)


def is_before(a: str, b: str) -> bool:
    """True when partial date `a` is strictly before `b` at their common precision ("2024-07-28" vs "2024-07": no)."""
    n = min(len(a), len(b))
    return a[:n] < b[:n]


# "since April 2023", "until the end of October", "by mid-2027": a bound of a period. Not
# "since the third 2+2 in April 2023", where the date is the 2+2's.
_PERIOD_BOUND = re.compile(
    r"\b(?:since|until|till|through|by)\s+(?:(?:early|late|mid|the\s+(?:end|start|beginning|middle)\s+of|"
    r"at\s+least|as\s+early\s+as|as\s+late\s+as)[\s-]+)?$"
    # "the exercise, which will end on June 3": when it stops, not when it happens
    r"|\b(?:will|is\s+(?:due|set|scheduled)\s+to)\s+(?:end|conclude|close|wrap\s+up)\s+(?:on\s+)?$",
    re.I,
)


# Putting a meeting off to another time: "postponed until", "pushed back to", "moved from 5-6 April to" (the
# dates stage keeps a list of its own, `dates.FUTURE_CUES`: stages do not import each other)
PUT_OFF = r"(?:postpon\w*|delay\w*|push\w*\s+back|reschedul\w*|put\s+off|moved)\s+(?:from\s+[^.;]{1,30}?\s+)?"
# "postponed until at least September": the new time of what was put off, not the end of a period
_PUT_OFF_TO = re.compile(
    rf"\b{PUT_OFF}(?:until|till|to)\s+"
    r"(?:(?:early|late|mid|the\s+(?:end|start|beginning|middle)\s+of|at\s+least)[\s-]+)?$",
    re.I,
)


def is_put_off_to(text: str, start: int) -> bool:
    "True when the date starting at `start` is the new time of something put off ('postponed until October')."
    return bool(_PUT_OFF_TO.search(text[max(0, start - 60) : start]))


def bounds_a_period(text: str, start: int) -> bool:
    "True when the date starting at `start` bounds a period ('until May 2', 'will end on June 3')."
    before = text[max(0, start - 60) : start]
    return bool(_PERIOD_BOUND.search(before[-40:])) and not _PUT_OFF_TO.search(before)
