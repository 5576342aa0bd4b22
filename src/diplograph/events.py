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
   its date, place and people;
6. mechanisms: known formats named in the text, formats the text calls
   annual/regular/a mechanism or numbers (the 6th meeting), every 2+2 that
   happened or is planned, and proposed or predicted formats.

Why rules: the language of diplomatic reporting is formulaic, the schema's
distinctions (planned vs proposed vs predicted) hinge on a few cue words, and
rules can be read, tested and corrected by analysts; they run at thousands
of sentences a second without a model.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import yaml

from diplograph.gazetteer import Gazetteer, load_gazetteer
from diplograph.models import (
    ActorMention,
    Article,
    DateMention,
    Event,
    Evidence,
    Extraction,
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

COMPONENT = "rules.v1"

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
ORDINAL_RE = re.compile(
    r"\b(first[- ]ever|first|inaugural|maiden|debut|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"eleventh|twelfth|thirteenth|fourteenth|fifteenth|twentieth|\d{1,3}(?:st|nd|rd|th))\b",
    re.I,
)
# Clause boundaries inside a sentence: a new clause usually has its own subject and tense.
CLAUSE_BREAK = re.compile(
    r";|:\s|\s[—–]\s|\s--\s|,\s+(?:while|whereas|but|although|though|shortly\s+after|even\s+as|as\s+well\s+as\s+a)\b|,\s+(?=(?:which|who|whose|in\s+which)\b)"
    r"|\.\s+(?=[A-Z])|\b(?:however|meanwhile)\b,?"
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
SPEECH_INTRO = re.compile(r"^\s*[\"“]")
# Verbs of attendance: a sentence right after an event's sentence that has
# these and names people adds them to the event ("... chaired the meeting").
ATTENDANCE = re.compile(
    r"\b(?:chair(?:ed|s)?|co-chair(?:ed|s)?|attend(?:ed|s)?|led|lead|head(?:ed|s)?|will\s+meet|met|meet|hosted|"
    r"host(?:s)?|represented|joined|participated|took\s+part|will\s+be\s+hosted|would\s+be\s+hosted)\b",
    re.I,
)
# A word every trigger of a kind contains: sentences without it skip the
# kind's (slower) patterns. Keep in step with rules/events.v1.yaml.
KIND_KEYWORDS: dict[str, re.Pattern[str]] = {
    EventKind.TWO_PLUS_TWO: re.compile(r"2|two|foreign\s+and|defen[cs]e\s+and|consultati", re.I),
    EventKind.FOREIGN_MINISTERS: re.compile(r"foreign\s+minist|FMM", re.I),
    EventKind.DEFENCE_MINISTERS: re.compile(r"defen[cs]e\s+minist|ADMM", re.I),
    EventKind.SUMMIT: re.compile(r"summit|head|leader", re.I),
    EventKind.AGREEMENT: re.compile(
        r"sign|ink|conclu|exchang|agreement|arrangement|deal|treat|pact|memorand|mou|accord|protocol", re.I
    ),
    EventKind.INSTITUTION: re.compile(
        r"secretariat|cent|commission|fund|group|hotline|institut|bank|academy|universit|mechanism|committee|"
        r"council|office",
        re.I,
    ),
    EventKind.EXERCISE: re.compile(r"exercis|drill|war\s?game|manoeuv|maneuv|training", re.I),
}


@dataclass(frozen=True, slots=True)
class _Cue:
    pattern: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class _Rules:
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


def _compile_any(entries: list[str]) -> re.Pattern[str]:
    "Compile several alternative patterns into one (case-insensitive)."
    return re.compile("|".join(f"(?:{e})" for e in entries), re.I)


def _compile(entry: str | dict[str, str]) -> re.Pattern[str]:
    if isinstance(entry, dict):
        flags = 0 if entry.get("case") == "sensitive" else re.I
        return re.compile(entry["pattern"], flags)
    return re.compile(entry, re.I)


@functools.cache
def _rules() -> _Rules:
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
    return _Rules(
        triggers=triggers,
        meeting=[_compile_any(data["meeting_triggers"])],
        cues={
            k: [_compile(p) for p in data[k]]
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
        recurring=_compile_any(data["recurring"]),
        mechanism_level=_compile_any(data["mechanism_level"]),
        anaphoric=_compile_any(data["anaphoric"]),
        context_before=_compile_any(data["context_before"]),
        reference_before=_compile_any(data["reference_before"]),
        non_party_before=_compile_any(data["non_party_before"]),
        non_party_after=_compile_any(data["non_party_after"]),
        topics=re.compile("|".join(f"(?P<t{i}>{v})" for i, v in enumerate(data["topics"].values())), re.I),
        topic_names={f"t{i}": k for i, k in enumerate(data["topics"])},
    )


@dataclass
class _Mention:
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
    topics: set[str] = field(default_factory=set)
    recurring: bool = False
    name: str | None = None
    mechanism_id: str | None = None
    from_grouping: bool = False
    explicit_parties: bool = True
    generic: bool = False
    cued: bool = True
    reference: bool = False
    confidence: float = 0.5


@dataclass
class _Cluster:
    """Mentions of one real-world event in one article."""

    mentions: list[_Mention]

    @property
    def first(self) -> _Mention:
        return self.mentions[0]


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
    by_sentence_actors: dict[int, list[ActorMention]] = {}
    for a in actors:
        by_sentence_actors.setdefault(a.sentence, []).append(a)
    by_sentence_dates: dict[int, list[DateMention]] = {}
    for d in dates:
        by_sentence_dates.setdefault(d.sentence, []).append(d)

    # 1.-4. sentence by sentence
    mentions: list[_Mention] = []
    ctx = _Context(focus=_lead_states(article, actors), hub=_hub_state(actors))
    for sentence in article.sentences:
        s_actors = by_sentence_actors.get(sentence.index, [])
        s_dates = by_sentence_dates.get(sentence.index, [])
        for mention in _sentence_mentions(article, sentence, s_actors, s_dates, gaz, ctx):
            mentions.append(mention)
            ctx.previous.append(mention)
            ctx.last_kind = mention.kind
            if len(mention.parties) >= 2 and not mention.generic:
                ctx.focus = mention.parties
    # 5. merge within the article, then add what follow-up sentences say
    clusters = _merge(m for m in mentions if not m.generic)
    _attach_followups(article, clusters, by_sentence_actors, by_sentence_dates)
    events = [_event(article, c) for c in clusters]
    # 6. mechanisms
    mechanisms = _mechanisms(article, mentions, clusters, gaz)
    mech_ids = {(m.kind, m.parties): m.id for m in mechanisms if m.status == MechanismStatus.EXISTING}
    events = [_link_mechanism(e, mech_ids) for e in events]
    return Extraction(
        article=article, events=tuple(events), mechanisms=tuple(mechanisms), actors=tuple(actors)
    )


# ── 1. triggers ──────────────────────────────────────────────────────────────


@dataclass(frozen=True, slots=True)
class _Trigger:
    kind: str
    start: int  # offsets within the sentence
    end: int
    strong: bool
    mechanism: str | None = None


def _sentence_triggers(
    sentence: Sentence, s_actors: Sequence[ActorMention], last_kind: str | None
) -> tuple[list[_Trigger], list[_Trigger]]:
    """Return (triggers, fallback triggers) of a sentence.

    Strong triggers come first; meeting verbs are the fallback, used when no
    strong trigger yields an event ("held talks ..., agreeing to establish a
    2+2 mechanism"), or instead of strong ones that only name the setting
    ("met ... during the summit").
    """
    rules = _rules()
    text = sentence.text
    strong: list[_Trigger] = []
    for a in s_actors:
        if a.type == ActorType.MECHANISM and a.code:
            strong.append(_Trigger("", a.start - sentence.start, a.end - sentence.start, True, a.code))
    for kind, patterns in rules.triggers.items():
        if not KIND_KEYWORDS[kind].search(text):
            continue
        for pattern in patterns:
            for m in pattern.finditer(text):
                strong.append(_Trigger(kind, m.start(), m.end(), True))
    if last_kind:
        for m in rules.anaphoric.finditer(text):
            strong.append(_Trigger(last_kind, m.start(), m.end(), True))
    strong = _drop_overlaps(strong)
    weak = _drop_overlaps(
        [
            _Trigger(EventKind.BILATERAL_TALKS, m.start(), m.end(), False)
            for p in rules.meeting
            for m in p.finditer(text)
        ]
    )
    if strong and weak:
        setting = [t for t in strong if rules.context_before.search(text[max(0, t.start - 60) : t.start])]
        if setting:
            strong = [t for t in strong if t not in setting]
            if not strong:
                return weak, []
    weak = [w for w in weak if not any(w.start < t.end and t.start < w.end for t in strong)]
    return (strong, weak) if strong else (weak, [])


def _drop_overlaps(triggers: list[_Trigger]) -> list[_Trigger]:
    "Keep one trigger per stretch of text: a known mechanism, then the longest, then the first."
    triggers.sort(key=lambda t: (t.mechanism is None, -(t.end - t.start), t.start))
    kept: list[_Trigger] = []
    for t in triggers:
        if any(t.start < k.end + 3 and k.start < t.end + 3 for k in kept):
            continue
        kept.append(t)
    return sorted(kept, key=lambda t: t.start)


# ── 2.-4. one sentence ──────────────────────────────────────────────────────


@dataclass
class _Context:
    """What the article has said so far: its current parties, hub and last kind."""

    focus: tuple[str, ...] = ()
    hub: str | None = None
    last_kind: str | None = None
    previous: list[_Mention] = field(default_factory=list)


def _sentence_mentions(
    article: Article,
    sentence: Sentence,
    s_actors: Sequence[ActorMention],
    s_dates: Sequence[DateMention],
    gaz: Gazetteer,
    ctx: _Context,
) -> list[_Mention]:
    "Return the event (and mechanism-level) mentions of one sentence."
    triggers, fallback = _sentence_triggers(sentence, s_actors, ctx.last_kind)
    if not triggers:
        return []
    out = _trigger_mentions(article, sentence, triggers, s_actors, s_dates, gaz, ctx)
    if fallback and not any(not m.generic for m in out):
        out += _trigger_mentions(article, sentence, fallback, s_actors, s_dates, gaz, ctx)
    return out


def _trigger_mentions(
    article: Article,
    sentence: Sentence,
    triggers: Sequence[_Trigger],
    s_actors: Sequence[ActorMention],
    s_dates: Sequence[DateMention],
    gaz: Gazetteer,
    ctx: _Context,
) -> list[_Mention]:
    "Return the mentions that `triggers` make in one sentence."
    clauses = _clauses(sentence.text)
    dates_by_trigger = _assign_dates(triggers, s_dates, sentence)
    people = _people(s_actors)
    out: list[_Mention] = []
    rules = _rules()
    for trig in triggers:
        kind = trig.kind
        known = gaz.mechanisms.get(trig.mechanism) if trig.mechanism else None
        if known is not None:
            kind = known.kind
        c_start, c_end = _with_relative_clause(clauses, _clause_of(clauses, trig.start), sentence.text, trig)
        clause = sentence.text[c_start:c_end]
        status, level, cued = _status(
            sentence, clause, trig.start - c_start, trig.end - c_start, s_dates, article
        )
        if status is None:
            continue
        if trig.kind == EventKind.INSTITUTION:
            level = "event"
        preceding = sentence.text[max(0, trig.start - 80) : trig.start]
        reference = bool(rules.reference_before.search(preceding)) and not (
            sentence.text[trig.start : trig.end].lower().endswith("level")
            or re.search(
                r"\b(?:round|session|meeting|edition|sitting|iteration)\s+of\s+(?:the|their|its)\s+(?:[\w-]+\s+){0,2}$",
                preceding,
            )
        )
        if reference:
            cued = False
        if not trig.strong:
            kind = _kind_from_people(sentence.text, people)
        states = _party_states(
            sentence, (_antecedent_start(sentence.text, c_start), c_end), trig, s_actors, floor=c_start
        )
        if len(states.codes) < 2 and (c_start, c_end) != (0, len(sentence.text)):
            whole = _party_states(sentence, (0, len(sentence.text)), trig, s_actors)
            if known is None and len(whole.codes) > len(states.codes):
                states = whole
        codes = set(states.codes)
        if known is not None:
            # A named format brings its members; the text may add others ("France joined Balikatan").
            codes |= set(known.parties)
        explicit = len(codes) >= 2
        if not explicit:
            codes = set(_fill_from_context(tuple(sorted(codes)), ctx, kind))
            if not trig.strong:
                reference, cued = True, False  # "X joined via video link": part of the event in hand
        if len(codes) < 2:
            continue
        if (
            level == "event"
            and status == EventStatus.OCCURRED
            and _is_generic(clause, s_dates, sentence, c_start, c_end, article)
        ):
            level = "mechanism"
        if level == "mechanism" and status == EventStatus.PREDICTED and kind in MEETING_KINDS:
            level = "event"  # a forecast 2+2 is a forecast event as well as a forecast format
        ordinal = _ordinal(sentence.text, c_start, trig)
        # A numbered session of a named format recurs; "the second meeting between the two" ministers does not.
        recurring = bool(rules.recurring.search(clause)) or bool(ordinal and ordinal > 1 and trig.strong)
        name = known.name if known else _official_name(sentence.text, trig)
        location = _location(sentence, (c_start, c_end), trig, s_actors, sorted(codes))
        topics = _topics(sentence.text)
        dyads = (
            [(tuple(sorted(codes)), None)]
            if not explicit
            else _split_dyads(tuple(sorted(codes)), kind, trig, states, ctx, sentence.text)
        )
        for dyad, anchor in dyads:
            date, date_end = _date(
                dates_by_trigger.get(trig, []), sentence, (c_start, c_end), trig, anchor, status, article
            )
            d_status = status
            d_ordinal = ordinal
            first_session = bool(
                re.search(r"\b(?:initiated|launched|started|inaugurated|began)\b", clause, re.I)
            )
            if level == "mechanism" and date and first_session and status == EventStatus.OCCURRED:
                # "initiated a 2+2 with Australia in September 2021": the format and its first session.
                out.append(
                    _Mention(
                        kind=kind,
                        status=status,
                        parties=dyad,
                        sentence=sentence,
                        trigger_start=sentence.start + trig.start,
                        trigger_end=sentence.start + trig.end,
                        name=name,
                        recurring=True,
                        generic=True,
                        confidence=_confidence(trig, explicit, date, status),
                    )
                )
                d_ordinal = ordinal or (
                    1 if re.search(r"\b(?:initiat|launch|start|inaugurat)", clause, re.I) else None
                )
            if (
                d_status == EventStatus.OCCURRED
                and date
                and article.published
                and is_before(article.published, date)
            ):
                d_status = EventStatus.PLANNED
            out.append(
                _Mention(
                    kind=kind,
                    status=d_status,
                    parties=dyad,
                    sentence=sentence,
                    trigger_start=sentence.start + trig.start,
                    trigger_end=sentence.start + trig.end,
                    date=date,
                    date_end=date_end,
                    location=location
                    if location is None or location.country in dyad or len(dyad) > 2
                    else None,
                    ordinal=d_ordinal,
                    people=[p for p in people if p.country in dyad and _role_fits(kind, p.role)],
                    topics=topics,
                    recurring=recurring,
                    name=name,
                    mechanism_id=trig.mechanism,
                    from_grouping=states.from_grouping,
                    explicit_parties=explicit,
                    generic=level == "mechanism"
                    and not (date and first_session and status == EventStatus.OCCURRED),
                    cued=cued,
                    reference=reference,
                    confidence=_confidence(trig, explicit, date, d_status),
                )
            )
    return out


def _antecedent_start(text: str, c_start: int) -> int:
    "Start a relative clause's party search at its antecedent: '…with Japan, which also held a 2+2…'."
    if re.match(r"\s*(?:which|who|whose|in\s+which)\b", text[c_start:]):
        break_comma = text.rfind(",", 0, c_start)
        previous = text.rfind(",", 0, max(0, break_comma))
        return max(previous + 1, break_comma - 25, 0)
    return c_start


def _clauses(text: str) -> list[tuple[int, int]]:
    "Split a sentence into clause spans at semicolons, dashes and contrastive conjunctions."
    spans, last = [], 0
    for m in CLAUSE_BREAK.finditer(text):
        if m.start() > last:
            spans.append((last, m.start()))
        last = m.end()
    spans.append((last, len(text)))
    return spans


def _with_relative_clause(
    clauses: list[tuple[int, int]], span: tuple[int, int], text: str, trig: _Trigger
) -> tuple[int, int]:
    "Extend a clause with the relative clause about its trigger: '…Summit, which will be held in Xi'an next month'."
    if re.search(r"\b[A-Z]", text[trig.end : span[1]]):
        return span  # "...agreement with Japan, which ...": the clause is about Japan
    for start, end in clauses:
        if start >= span[1] and re.match(r"\s*(?:which|that)\s", text[start:end]):
            return span[0], end
        if start >= span[1]:
            break
    return span


def _clause_of(clauses: list[tuple[int, int]], offset: int) -> tuple[int, int]:
    for start, end in clauses:
        if start <= offset < end:
            return start, end
    return clauses[-1]


def _cue_positions(kind: str, text: str) -> list[int]:
    return [m.start() for p in _rules().cues[kind] for m in p.finditer(text)]


def _status(
    sentence: Sentence,
    clause: str,
    t_start: int,
    t_end: int,
    s_dates: Sequence[DateMention],
    article: Article,
) -> tuple[str | None, str, bool]:
    """Return (status, level) of the event a trigger names; status None when it was cancelled or negated.

    Before the trigger, a hedge anywhere in its clause ("analysts expect ... a
    2+2") decides, else the nearest plan or report; with no cue before it,
    the first cue after it does ("the 2+2 will be held"). `level` is
    "mechanism" when the clause speaks of setting up the format itself.
    """
    rules = _rules()
    # The trigger's own words count as "before": "met", "signed ... agreement".
    before, after = clause[:t_end], clause[t_end:]
    if any(p.search(clause) for p in rules.cues["cancelled"]):
        return None, "event", True
    level = "event"
    if re.match(r"(?:such|similar)\b", clause[t_start:t_end], re.I):
        level = "mechanism"  # "such meetings", "similar dialogues": the format, not one session
    elif (
        rules.mechanism_level.search(before[-45 - (t_end - t_start) :])
        or re.match(
            r"[^.;,]{0,60}?\b(?:was|were|has\s+been|have\s+been|had\s+been|(?:will|would|could|may|might)\s+(?:\w+\s+)?be|to\s+be)\s+"
            r"(?:instituted|established|set\s+up|created|launched|agreed\s+(?:upon|on))\b",
            after,
        )
        or re.match(
            r"\W{0,3}(?:\w+\s+){0,2}(?:annually|regularly|every\s+(?:\w+\s+)?years?|each\s+year|on\s+a\s+regular\s+basis)\b",
            after,
            re.I,
        )
    ):
        level = "mechanism"
    elif re.match(r"['’\s]*(?:mechanism|format|framework)\b", after, re.I):
        # "make good use of the foreign ministers' meeting mechanism": the format exists.
        return EventStatus.OCCURRED, "mechanism", True
        level = "mechanism"
    nearest: tuple[int, str] | None = None
    if _cue_positions("planned_override", before):
        return EventStatus.PLANNED, level, True
    for kind in ("proposed", "predicted"):
        positions = _cue_positions(kind, before)
        if positions:
            pos = max(positions)
            if nearest is None or pos > nearest[0]:
                nearest = (pos, kind)
    if nearest is None:
        for kind in ("planned", "occurred"):
            positions = _cue_positions(kind, before)
            if positions and (nearest is None or max(positions) > nearest[0]):
                nearest = (max(positions), kind)
    if nearest is None:
        window = after[:70]
        for kind in ("proposed", "predicted"):
            positions = _cue_positions(kind, window)
            if positions:
                nearest = (min(positions), kind)
                break
    if nearest is None and (
        _cue_positions("hypothetical", before) or _cue_positions("hypothetical", after[:70])
    ):
        return EventStatus.PREDICTED, level, False
    if nearest is None:
        first: tuple[int, str] | None = None
        for kind in ("planned", "occurred"):
            positions = _cue_positions(kind, after)
            if positions and (first is None or min(positions) < first[0]):
                first = (min(positions), kind)
        nearest = first
    status = nearest[1] if nearest else "occurred"
    if status == "predicted" and _has_future_day(s_dates, article):
        window = clause[: t_end + 60]
        if not re.search(r"\b(?:likely|candidates?|predict\w*|forecast\w*|may|might)\b", window, re.I):
            status = "planned"
    return EventStatus(status), level, nearest is not None


def is_before(a: str, b: str) -> bool:
    """True when partial date `a` is strictly before `b` at their common precision ("2024-07-28" vs "2024-07": no)."""
    n = min(len(a), len(b))
    return a[:n] < b[:n]


def _has_future_day(s_dates: Sequence[DateMention], article: Article) -> bool:
    return any(
        d.date and len(d.date) >= 7 and article.published and d.date >= article.published[: len(d.date)]
        for d in s_dates
    )


def _is_generic(
    clause: str,
    s_dates: Sequence[DateMention],
    sentence: Sentence,
    c_start: int,
    c_end: int,
    article: Article,
) -> bool:
    """True for a present-tense statement about a format rather than a report of one meeting.

    "AUSMIN is the premier forum", "The 2+2 dialogue takes place between foreign
    and defence ministers": no date, no past-tense verb of meeting, no cue.
    """
    in_clause = [d for d in s_dates if c_start <= d.start - sentence.start < c_end and d.date]
    if in_clause:
        return False
    if any(p.search(clause) for p in _rules().cues["occurred"]):
        return False
    if sentence.index == 0 or (article.title and sentence.text.strip() == article.title.strip()):
        return False  # headlines use the present tense for the past
    return bool(
        re.search(
            r"\b(?:is|are|takes\s+place|take\s+place|meets|meet|has|have|remains?|serves?)\b", clause, re.I
        )
    )


def _people(s_actors: Sequence[ActorMention]) -> list[Person]:
    "Return the distinct people named in a sentence."
    seen: dict[str, Person] = {}
    for a in s_actors:
        if a.type == ActorType.PERSON and a.name not in seen:
            seen[a.name] = Person(name=a.name, country=a.country, role=a.role)
    return list(seen.values())


def _kind_from_people(text: str, people: Sequence[Person]) -> str:
    """Decide the kind of a generic meeting from who met.

    Foreign and defence ministers together → a 2+2; ministers of one portfolio
    with counterparts of another state → that ministers' meeting; else talks.
    """
    roles = {p.role for p in people if p.role}
    countries = {p.country for p in people if p.country}
    counterpart = "counterpart" in text.lower()
    ministers = {
        p.country for p in people if p.role in ("foreign minister", "defence minister") and p.country
    }
    if {"foreign minister", "defence minister"} <= roles and (len(ministers) >= 2 or counterpart):
        return EventKind.TWO_PLUS_TWO
    if not roles:
        # No named people: the role nouns of the sentence ("talks between the defence chiefs").
        lowered = text.lower()
        if re.search(r"\bdefen[cs]e\s+(?:chiefs|ministers|secretaries)\b", lowered):
            return EventKind.DEFENCE_MINISTERS
        if re.search(r"\bforeign\s+ministers\b", lowered):
            return EventKind.FOREIGN_MINISTERS
    if len(roles) == 1 and (counterpart or len(countries) >= 2):
        role = next(iter(roles))
        if role in ("foreign minister", "acting foreign minister"):
            return EventKind.FOREIGN_MINISTERS
        if role == "defence minister":
            return EventKind.DEFENCE_MINISTERS
    return EventKind.BILATERAL_TALKS


def _role_fits(kind: str, role: str | None) -> bool:
    "True when a person with `role` is a plausible participant of an event of `kind`."
    if kind == EventKind.TWO_PLUS_TWO:
        return role in (None, "foreign minister", "defence minister", "acting foreign minister")
    if kind in (EventKind.FOREIGN_MINISTERS, EventKind.DEFENCE_MINISTERS):
        return role is None or "minister" in role or "secretary" in role
    return True


@dataclass
class _States:
    """The states of a clause that take part, with where each is first named."""

    codes: dict[str, int] = field(default_factory=dict)
    partners: set[str] = field(default_factory=set)
    venues: dict[str, int] = field(default_factory=dict)
    from_grouping: bool = False


def _party_states(
    sentence: Sentence,
    span: tuple[int, int],
    trig: _Trigger,
    s_actors: Sequence[ActorMention],
    floor: int | None = None,
) -> _States:
    """Return the states taking part named in `span` of the sentence.

    States count by name, demonym, capital-for-government and through the
    people named; groupings stand for their members when used for them;
    states named after "with" (following the trigger) are the hub's partners.
    """
    rules = _rules()
    text = sentence.text
    found = _States()
    for a in s_actors:
        start, end = a.start - sentence.start, a.end - sentence.start
        if not (span[0] <= start < span[1]):
            continue
        codes: tuple[str, ...] = ()
        if a.type == ActorType.STATE and a.code:
            if rules.non_party_before.search(text[max(0, start - 40) : start]):
                continue
            if rules.non_party_after.search(text[end : end + 50]):
                continue
            codes = (a.code,)
        elif a.type == ActorType.PERSON and a.country and a.role:
            codes = (a.country,)
        elif a.type in (ActorType.GROUPING, ActorType.ORGANISATION) and a.members:
            if _is_grouping_as_participants(text, start, end, a, trig):
                codes = a.members
                found.from_grouping = True
        if a.type == ActorType.STATE and re.search(r"\b(?:in|at)\s+$", text[max(0, start - 4) : start]):
            found.venues.setdefault(a.code or "", start)  # "met in Cambodia": the host, not always a party
            continue
        for code in codes:
            found.codes.setdefault(code, start)
            if _is_partner(text, start, span[0] if floor is None else floor):
                found.partners.add(code)
    found.partners -= {
        c for c, pos in found.codes.items() if not _is_partner(text, pos, span[0] if floor is None else floor)
    }
    if len(found.codes) < 2:
        for code, pos in found.venues.items():
            found.codes.setdefault(code, pos)
    if text[trig.start : trig.end].lower().startswith(("visit", "paid", "pay")):
        for a in s_actors:  # "visited Tokyo": the host is a party
            start = a.start - sentence.start
            if a.type == ActorType.PLACE and a.country and trig.end <= start <= trig.end + 25:
                found.codes.setdefault(a.country, start)
                break
    return found


_LIST_ITEM = re.compile(r"\s*(?:(?:and|or)\s+)?(?:the\s+)?(?:[A-Z][\w.'’-]*\s*)*")


def _is_partner(text: str, start: int, floor: int) -> bool:
    """True when the state at `start` is named after "with" in its phrase: a partner of the hub.

    "… dialogues with the United States, Japan and Australia": all three;
    "A 2+2 with Dushanbe …, and one with Bishkek": both.
    """
    pos = start
    while True:
        comma = text.rfind(",", floor, pos)
        if re.search(r"\bwith\b", text[(comma + 1) if comma >= 0 else floor : start]):
            return True
        if comma < 0 or not _LIST_ITEM.fullmatch(text[comma + 1 : pos]):
            return False
        pos = comma


def _is_grouping_as_participants(text: str, start: int, end: int, a: ActorMention, trig: _Trigger) -> bool:
    """True when a grouping stands for its member states in this sentence.

    "SCO defence ministers", "the Quad summit", "China and the five Central
    Asian countries", "China-Central Asia", "SCO member states": yes.
    "the SCO, formed in 2001", "in Central Asia": no.
    """
    before = text[max(0, start - 12) : start].lower()
    after = text[end : end + 40]
    if re.search(r"\b(?:in|across|to|from|throughout)\s+(?:the\s+)?$", before):
        return False
    if re.match(
        r"\s*(?:member\s+)?(?:states|countries|nations|leaders|members|governments|partners|heads)\b",
        after,
        re.I,
    ):
        return True
    if re.match(r"\s*['’]?s?\s*(?:foreign|defen[cs]e|trade|energy)?\s*ministers?\b", after, re.I):
        return True
    near_trigger = abs(start - trig.start) <= 45 or abs(trig.end - end) <= 45
    if a.type == ActorType.GROUPING:
        return (
            near_trigger
            or bool(re.search(r"[-–+]\s*$", text[max(0, start - 3) : start]))
            or bool(re.match(r"\s*[-–+]", after))
        )
    # Organisations: only as the format's own name ("the SCO summit", "ASEAN Defence Ministers' Meeting").
    return 0 <= trig.start - end <= 25 or (0 <= start - trig.end <= 12 and "of" in text[trig.end : start])


def _fill_from_context(parties: tuple[str, ...], ctx: _Context, kind: str) -> tuple[str, ...]:
    "Complete the parties of an anaphoric mention from the article's current event or lead states."
    for m in reversed(ctx.previous[-6:]):
        if m.kind == kind and len(m.parties) >= 2 and (not parties or set(parties) <= set(m.parties)):
            return m.parties
    if len(ctx.focus) >= 2 and (not parties or set(parties) <= set(ctx.focus)):
        return ctx.focus
    if len(parties) == 1 and ctx.hub and ctx.hub not in parties and kind in BILATERAL_KINDS:
        return tuple(sorted((*parties, ctx.hub)))
    return parties


def _split_dyads(
    parties: tuple[str, ...], kind: str, trig: _Trigger, states: _States, ctx: _Context, text: str
) -> list[tuple[tuple[str, ...], int | None]]:
    """Split a bilateral format with several partners into (dyad, partner position) pairs.

    "India's 2+2 dialogues with the US and Japan" → (IND, USA), (IND, JPN).
    The hub is the state named before "with"; when only partners are named
    ("started with the US in 2018 and Japan in 2019"), the article's hub.
    """
    bilateral = (
        kind == EventKind.TWO_PLUS_TWO
        or bool(re.search(r"\b(?:bilateral|separate(?:ly)?|respectively|one-on-one|each)\b", text, re.I))
        or (kind == EventKind.BILATERAL_TALKS and trig.strong)
    )
    if not bilateral:
        return [(parties, None)]
    partners = [p for p in parties if p in states.partners]
    others = sorted(
        (c for c in parties if c not in states.partners), key=lambda c: states.codes.get(c, 10**6)
    )
    if partners and not others and ctx.hub and ctx.hub not in partners:
        others = [ctx.hub]
    if len(parties) <= 2 and not (partners and others and others[0] not in parties):
        return [(parties, None)]
    if not partners or not others:
        if len(parties) <= 2 or (states.from_grouping and kind != EventKind.TWO_PLUS_TWO):
            return [(parties, None)]
        hub = sorted(parties, key=lambda c: states.codes.get(c, 10**6))[0]
    else:
        hub = others[0]
    rest = sorted({*parties, *partners} - {hub}, key=lambda c: states.codes.get(c, 10**6))
    return [(tuple(sorted((hub, p))), states.codes.get(p)) for p in rest]


def _assign_dates(
    triggers: Sequence[_Trigger], s_dates: Sequence[DateMention], sentence: Sentence
) -> dict[_Trigger, list[DateMention]]:
    "Give each date of the sentence to its nearest trigger (a date before a trigger counts as farther)."
    out: dict[_Trigger, list[DateMention]] = {t: [] for t in triggers}
    first = min(t.start for t in triggers) if triggers else 0
    for d in s_dates:
        if not d.date:
            continue
        start, end = d.start - sentence.start, d.end - sentence.start
        if re.search(r"\b(?:since|until|till|by)\b[^,;]*$", sentence.text[max(0, start - 60) : start], re.I):
            continue  # the start or end of a period, not the date of an event
        if end <= first:
            for t in triggers:  # a sentence-initial "In June last, ..." dates every event of the sentence
                out[t].append(d)
            continue

        def gap(t: _Trigger, start: int = start, end: int = end) -> int:
            return start - t.end if start >= t.end else (t.start - end) * 2 + 10

        out[min(triggers, key=gap)].append(d)
    return out


def _date(
    candidates: Sequence[DateMention],
    sentence: Sentence,
    clause: tuple[int, int],
    trig: _Trigger,
    anchor: int | None,
    status: str,
    article: Article,
) -> tuple[str | None, str | None]:
    """Return the date of a trigger: in its clause, consistent with its status, nearest to it (or to the partner)."""
    text = sentence.text
    published = article.published
    usable = []
    for d in candidates:
        offset = d.start - sentence.start
        if not clause[0] <= offset < clause[1] or not d.date:
            continue
        if published and len(published) >= 7:
            if status == EventStatus.PLANNED and is_before(d.date, published) and not d.relative:
                continue
            if status == EventStatus.OCCURRED and is_before(published, d.date):
                continue
        after = text[d.end - sentence.start : d.end - sentence.start + 20]
        if re.match(r"\s*(?:announced|said|told|confirmed|reported)\b", after, re.I):
            continue
        usable.append(d)
    if not usable:
        return None, None
    ref = anchor if anchor is not None else trig.end

    def distance(d: DateMention) -> tuple[int, int]:
        offset = d.start - sentence.start
        gap = offset - ref if offset >= ref else (ref - offset) + 25
        return (gap, -len(d.date or ""))

    best = min(usable, key=distance)
    return best.date, best.date_end


def _location(
    sentence: Sentence,
    clause: tuple[int, int],
    trig: _Trigger,
    s_actors: Sequence[ActorMention],
    parties: Sequence[str],
) -> Location | None:
    "Return the venue of the event: a city named with 'in'/'at' in the clause, else a party country 'in X'."
    text = sentence.text
    places = []
    for a in s_actors:
        start = a.start - sentence.start
        if not clause[0] <= start < clause[1] or a.via == "dateline":
            continue
        before = text[max(0, start - 25) : start].lower()
        if a.type == ActorType.PLACE and re.search(
            r"\b(?:in|at|to|hosted\s+by|venue)\s+(?:the\s+)?(?:\w+\s+){0,4}$", before
        ):
            if re.search(r"\bcapital of\s*$", before):
                continue
            places.append((abs(start - trig.end), Location(city=a.name, country=a.country)))
        elif a.type == ActorType.STATE and a.via in ("name", "abbreviation") and a.code in parties:
            if re.search(
                r"\b(?:held|hosted|take\s+place|took\s+place|be)\s+in\s+$|\bin\s+$", before
            ) and not re.search(
                r"\b(?:interest|role|investment|presence|influence|confidence|trust|faith|cooperation)\s+in\s+$",
                before,
            ):
                places.append((abs(start - trig.end) + 30, Location(city=None, country=a.code)))
    if not places:
        return None
    return min(places, key=lambda p: p[0])[1]


def _ordinal(text: str, c_start: int, trig: _Trigger) -> int | None:
    "Return the ordinal of the session ('the third ... meeting', 'inaugural 2+2'), if stated just before the trigger."
    window_start = max(c_start, trig.start - 70)
    window = text[window_start : trig.end]
    best = None
    for m in ORDINAL_RE.finditer(window):
        between = window[m.end() : trig.start - window_start]
        if re.search(r"[.;]|\b(?:since|after|before|than|time|such|in\s+\d{4})\b", between):
            continue
        word = m.group(1).lower().replace(" ", "-")
        value = ORDINALS.get(word)
        if value is None and word[:-2].isdigit():
            value = int(word[:-2])
        if value is not None and value < 200:
            best = value
    return best


def _topics(text: str) -> set[str]:
    "Return the topics of the fixed vocabulary a sentence speaks of (one scan of one alternation)."
    rules = _rules()
    return {rules.topic_names[m.lastgroup] for m in rules.topics.finditer(text) if m.lastgroup}


def _official_name(text: str, trig: _Trigger) -> str | None:
    """Return the capitalised official name around a trigger, e.g. 'China-Indonesia Joint Foreign and Defense Ministerial Dialogue'."""
    phrase = text[trig.start : trig.end]
    if not phrase[:1].isupper() or phrase.islower():
        return None
    start = trig.start
    # Extend left over capitalised words and state compounds ("India-Japan ").
    left = re.search(
        r"((?:[A-Z][\w'’.]*[-–]?)+(?:[\s-]+[A-Z][\w'’.]*)*\s+)$", text[max(0, start - 40) : start]
    )
    if left and not re.match(r"(?:The|A|An|On|In)\b", left.group(1)):
        start -= len(left.group(1))
    name = text[start : trig.end].strip(" \"“”'’")
    return name if len(name.split()) >= 2 else None


def _confidence(trig: _Trigger, explicit: bool, date: str | None, status: str) -> float:
    "A rough confidence: strong trigger, explicit parties and a date each add to it."
    score = 0.45 + (0.2 if trig.strong else 0.0) + (0.15 if explicit else 0.0) + (0.1 if date else 0.0)
    if status in (EventStatus.PROPOSED, EventStatus.PREDICTED):
        score -= 0.05
    return round(min(score, 0.95), 3)


# ── 5. merging within the article ────────────────────────────────────────────


def _same_parties(a: Sequence[str], b: Sequence[str]) -> bool:
    sa, sb = set(a), set(b)
    if sa == sb:
        return True
    if len(sa) >= 3 or len(sb) >= 3:
        return len(sa & sb) / len(sa | sb) >= 0.6
    return False


def _dates_compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a.startswith(b) or b.startswith(a)


def _statuses_compatible(a: str, b: str) -> bool:
    if status_group(a) == status_group(b):
        return True
    return {a, b} == {EventStatus.PLANNED, EventStatus.OCCURRED}


def _merge(mentions: Iterable[_Mention]) -> list[_Cluster]:
    "Group the mentions of one article that report the same event."
    clusters: list[_Cluster] = []
    for m in mentions:
        target = None
        for c in reversed(clusters):
            f = c.first
            if f.kind != m.kind or not _same_parties(f.parties, m.parties):
                continue
            c_date = _cluster_date(c)
            if not _dates_compatible(c_date, m.date):
                continue
            if m.cued and not _statuses_compatible(_cluster_status(c), m.status):
                continue
            if (
                status_group(_cluster_status(c)) != status_group(m.status)
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
            clusters.append(_Cluster([m]))
        else:
            target.mentions.append(m)
    return clusters


def _cluster_date(c: _Cluster) -> str | None:
    dates = [m.date for m in c.mentions if m.date]
    return max(dates, key=len) if dates else None


def _cluster_status(c: _Cluster) -> str:
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


def _attach_followups(
    article: Article,
    clusters: list[_Cluster],
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
            for p in _people(actors.get(nxt, []))
            if p.country in parties and _role_fits(c.first.kind, p.role)
        ]
        is_about = bool(ANAPHORA.search(sentence.text)) or (people and ATTENDANCE.search(sentence.text))
        if not is_about:
            continue
        extra = _Mention(
            kind=c.first.kind,
            status=_cluster_status(c),
            parties=c.first.parties,
            sentence=sentence,
            trigger_start=sentence.start,
            trigger_end=sentence.start,
            people=people,
            topics=_topics(sentence.text) if ANAPHORA.search(sentence.text) else set(),
        )
        s_dates = [d for d in dates.get(nxt, []) if d.date]
        if s_dates and _cluster_date(c) is None:
            d = s_dates[0]
            extra.date, extra.date_end = d.date, d.date_end
        c.mentions.append(extra)


def _event(article: Article, c: _Cluster) -> Event:
    "Reconcile the mentions of one event into an `Event`."
    status = _cluster_status(c)
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


def _hub_state(actors: Sequence[ActorMention]) -> str | None:
    "Return the state an article names most often, if one clearly leads."
    counts = Counter(a.code for a in actors if a.type == ActorType.STATE and a.code)
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[0][1] < ranked[1][1] * 1.3):
        return None
    return ranked[0][0]


def _lead_states(article: Article, actors: Sequence[ActorMention]) -> tuple[str, ...]:
    "Return the two states most named in the first sentences: the article's default pair."
    counts = Counter(a.code for a in actors if a.type == ActorType.STATE and a.code and a.sentence < 3)
    return tuple(sorted(code for code, _ in counts.most_common(2))) if len(counts) >= 2 else ()


# ── 6. mechanisms ────────────────────────────────────────────────────────────


def _mechanisms(
    article: Article, mentions: Sequence[_Mention], clusters: Sequence[_Cluster], gaz: Gazetteer
) -> list[Mechanism]:
    """Return the standing formats the article says exist, are proposed or are predicted."""
    found: dict[tuple[str, tuple[str, ...], str], dict[str, Any]] = {}

    def add(kind: str, parties: tuple[str, ...], status: str, name: str | None, m: _Mention) -> None:
        key = (kind, parties, status)
        entry = found.setdefault(key, {"name": None, "sources": {}, "confidence": 0.5})
        if name and (entry["name"] is None or len(name) > len(entry["name"])):
            entry["name"] = name
        s = m.sentence
        entry["sources"][s.index] = Evidence(document=article.id, quote=s.text, start=s.start, end=s.end)
        entry["confidence"] = max(entry["confidence"], m.confidence)

    for c in clusters:
        status = _cluster_status(c)
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


def _link_mechanism(event: Event, mech_ids: dict[tuple[str, tuple[str, ...]], str]) -> Event:
    "Return the event with `mechanism` set to the existing format it is a session of."
    mech = mech_ids.get((event.kind, event.parties))
    if mech is None or event.status not in (EventStatus.OCCURRED, EventStatus.PLANNED):
        return event
    from dataclasses import replace

    return replace(event, mechanism=mech)
