"""Event mentions in one sentence: triggers, status, dates, place, ordinal, people, topics.

Input: a sentence with its actor and date mentions, and the article context.
Output: `Mention`s, one per event (or per dyad of a bilateral format) the
sentence names; statements about a format itself are marked `generic` and
become mechanisms rather than events.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from diplograph.events.common import (
    CLAUSE_BREAK,
    MEETING_KINDS,
    ORDINAL_RE,
    ORDINALS,
    Context,
    Mention,
    Trigger,
    is_before,
    load_rules,
    mentions_kind,
    people_of,
    role_fits,
    topics_of,
)
from diplograph.events.parties import antecedent_start, fill_from_context, party_states, split_dyads
from diplograph.gazetteer import Gazetteer
from diplograph.models import ActorMention, Article, DateMention, Location, Person, Sentence
from diplograph.vocab import ActorType, EventKind, EventStatus


def sentence_triggers(
    sentence: Sentence, s_actors: Sequence[ActorMention], last_kind: str | None
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
    for a in s_actors:
        if a.type == ActorType.MECHANISM and a.code:
            strong.append(Trigger("", a.start - sentence.start, a.end - sentence.start, True, a.code))
    lowered = text.lower()
    for kind, patterns in rules.triggers.items():
        if not mentions_kind(lowered, kind):
            continue
        for pattern in patterns:
            for m in pattern.finditer(text):
                strong.append(Trigger(kind, m.start(), m.end(), True))
    if last_kind:
        for m in rules.anaphoric.finditer(text):
            strong.append(Trigger(last_kind, m.start(), m.end(), True))
    strong = drop_overlaps(strong)
    weak = drop_overlaps(
        [
            Trigger(EventKind.BILATERAL_TALKS, m.start(), m.end(), False)
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


def drop_overlaps(triggers: list[Trigger]) -> list[Trigger]:
    "Keep one trigger per stretch of text: a known mechanism, then the longest, then the first."
    triggers.sort(key=lambda t: (t.mechanism is None, -(t.end - t.start), t.start))
    kept: list[Trigger] = []
    for t in triggers:
        if any(t.start < k.end + 3 and k.start < t.end + 3 for k in kept):
            continue
        kept.append(t)
    return sorted(kept, key=lambda t: t.start)


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
    triggers, fallback = sentence_triggers(sentence, s_actors, ctx.last_kind)
    if not triggers:
        return []
    # Each trigger costs a scan of its clause by every cue pattern (~1 ms); a hostile run-on
    # ("2+2 2+2 2+2 …") has one every 4 characters. Real sentences name a few events at most
    # (the sample corpus: 5). Issue 5, hostile input; see tests/test_hostile_input.py.
    triggers, fallback = triggers[:MAX_TRIGGERS_PER_SENTENCE], fallback[:MAX_TRIGGERS_PER_SENTENCE]
    out = trigger_mentions(article, sentence, triggers, s_actors, s_dates, gaz, ctx)
    if fallback and not any(not m.generic and not m.reference for m in out):
        out += trigger_mentions(article, sentence, fallback, s_actors, s_dates, gaz, ctx)
    return out


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
    dates_by_trigger = assign_dates(triggers, s_dates, sentence)
    people = people_of(s_actors)
    out: list[Mention] = []
    rules = load_rules()
    for trig in triggers:
        kind = trig.kind
        known = gaz.mechanisms.get(trig.mechanism) if trig.mechanism else None
        if known is not None:
            kind = known.kind
        c_start, c_end = with_relative_clause(clauses, clause_of(clauses, trig.start), sentence.text, trig)
        clause = sentence.text[c_start:c_end]
        status, level, cued = status_of(
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
            kind = kind_from_people(sentence.text, people)
        states = party_states(
            sentence, (antecedent_start(sentence.text, c_start), c_end), trig, s_actors, floor=c_start
        )
        if len(states.codes) < 2 and (c_start, c_end) != (0, len(sentence.text)):
            # Widen to the sentence, but not across a semicolon: "In Hanoi, he held talks with
            # To Lam; in Kuala Lumpur, he met Anwar Ibrahim" is two meetings, not one of VNM-MYS.
            whole = party_states(sentence, semicolon_span(sentence.text, trig.start), trig, s_actors)
            if known is None and len(whole.codes) > len(states.codes):
                states = whole
        codes = set(states.codes)
        if known is not None:
            # A named format brings its members; the text may add others ("France joined Balikatan").
            codes |= set(known.parties)
        explicit = len(codes) >= 2
        if (
            len(codes) == 1
            and ctx.last_person_state
            and _PRONOUN_SUBJECT.search(sentence.text[c_start : trig.start])
        ):
            # "Xi toured the region. In Hanoi, he held talks with To Lam": "he" is the last person named.
            codes.add(ctx.last_person_state)
            explicit = len(codes) >= 2
        if not explicit:
            codes = set(fill_from_context(tuple(sorted(codes)), ctx, kind, sentence.text))
            if not trig.strong:
                reference, cued = True, False  # "X joined via video link": part of the event in hand
        if len(codes) < 2:
            continue
        if kind == EventKind.BILATERAL_TALKS and len(codes) >= 3 and LEADERS.search(sentence.text):
            kind = EventKind.SUMMIT  # leaders of three or more states meeting
        if (
            level == "event"
            and status == EventStatus.OCCURRED
            and is_generic(clause, s_dates, sentence, c_start, c_end, article)
        ):
            level = "mechanism"
        if level == "mechanism" and status == EventStatus.PREDICTED and kind in MEETING_KINDS:
            level = "event"  # a forecast 2+2 is a forecast event as well as a forecast format
        ordinal = ordinal_of(sentence.text, c_start, trig)
        # A numbered session of a named format recurs; "the second meeting between the two" ministers does not.
        recurring = bool(rules.recurring.search(clause)) or bool(ordinal and ordinal > 1 and trig.strong)
        name = known.name if known else official_name(sentence.text, trig)
        location = location_of(sentence, (c_start, c_end), trig, s_actors, sorted(codes))
        topics = topics_of(sentence.text)
        dyads = (
            [(tuple(sorted(codes)), None)]
            if not explicit
            else split_dyads(tuple(sorted(codes)), kind, trig, states, ctx, sentence.text)
        )
        for dyad, anchor in dyads:
            if kind == EventKind.TWO_PLUS_TWO and len(dyad) > 2:
                continue  # a 2+2 pairs two states; three or more means the hub was not found
            date, date_end = date_of(
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
                Mention(
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
                    people=[p for p in people if p.country in dyad and role_fits(kind, p.role)],
                    topics=topics,
                    recurring=recurring,
                    name=name,
                    mechanism_id=trig.mechanism,
                    from_grouping=states.from_grouping,
                    explicit_parties=explicit,
                    generic=level == "mechanism"
                    and not (date and first_session and status == EventStatus.OCCURRED),
                    cued=cued,
                    strong=trig.strong,
                    reference=reference,
                    confidence=confidence_of(trig, explicit, date, d_status),
                )
            )
    return out


LEADERS = re.compile(
    r"\b(?:leaders|heads\s+of\s+(?:state|government)|presidents|prime\s+ministers|summit)\b", re.I
)


def clauses_of(text: str) -> list[tuple[int, int]]:
    "Split a sentence into clause spans at semicolons, dashes and contrastive conjunctions."
    spans, last = [], 0
    for m in CLAUSE_BREAK.finditer(text):
        if m.start() > last:
            spans.append((last, m.start()))
        last = m.end()
    spans.append((last, len(text)))
    return spans


_PRONOUN_SUBJECT = re.compile(r"(?:^|[,;]\s*|\band\s+)(?:he|she)\s+(?:\w+\s+)?$", re.I)


def semicolon_span(text: str, offset: int) -> tuple[int, int]:
    "Return the span between the semicolons around `offset` (the whole sentence when it has none)."
    start = text.rfind(";", 0, offset) + 1
    end = text.find(";", offset)
    return start, len(text) if end < 0 else end


def with_relative_clause(
    clauses: list[tuple[int, int]], span: tuple[int, int], text: str, trig: Trigger
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


def clause_of(clauses: list[tuple[int, int]], offset: int) -> tuple[int, int]:
    for start, end in clauses:
        if start <= offset < end:
            return start, end
    return clauses[-1]


def cue_positions(kind: str, text: str) -> list[int]:
    return [m.start() for p in load_rules().cues[kind] for m in p.finditer(text)]


def status_of(
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
    rules = load_rules()
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
    if cue_positions("planned_override", before):
        return EventStatus.PLANNED, level, True
    for kind in ("proposed", "predicted"):
        positions = cue_positions(kind, before)
        if positions:
            pos = max(positions)
            if nearest is None or pos > nearest[0]:
                nearest = (pos, kind)
    if nearest is None:
        for kind in ("planned", "occurred"):
            positions = cue_positions(kind, before)
            if positions and (nearest is None or max(positions) > nearest[0]):
                nearest = (max(positions), kind)
        if nearest is not None and re.search(r"\bthat\b", before[nearest[0] : t_start]):
            # "Ministers agreed that AUSMIN 2018 will be held in the US": the cue governs a
            # clause of its own; the verb after the trigger says what happens to the event.
            own = [(min(ps), k) for k in ("planned", "occurred") if (ps := cue_positions(k, after[:60]))]
            if own:
                nearest = min(own)
    if nearest is None:
        window = after[:70]
        for kind in ("proposed", "predicted"):
            positions = cue_positions(kind, window)
            if positions:
                nearest = (min(positions), kind)
                break
    if nearest is None and (
        cue_positions("hypothetical", before) or cue_positions("hypothetical", after[:70])
    ):
        return EventStatus.PREDICTED, level, False
    if nearest is None:
        first: tuple[int, str] | None = None
        for kind in ("planned", "occurred"):
            positions = cue_positions(kind, after)
            if positions and (first is None or min(positions) < first[0]):
                first = (min(positions), kind)
        nearest = first
    status = nearest[1] if nearest else "occurred"
    if status == "predicted" and has_future_day(s_dates, article):
        window = clause[: t_end + 60]
        if not re.search(r"\b(?:likely|candidates?|predict\w*|forecast\w*|may|might)\b", window, re.I):
            status = "planned"
    return EventStatus(status), level, nearest is not None


def has_future_day(s_dates: Sequence[DateMention], article: Article) -> bool:
    return any(
        d.date and len(d.date) >= 7 and article.published and d.date >= article.published[: len(d.date)]
        for d in s_dates
    )


def is_generic(
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
    if any(p.search(clause) for p in load_rules().cues["occurred"]):
        return False
    if sentence.index == 0 or (article.title and sentence.text.strip() == article.title.strip()):
        return False  # headlines use the present tense for the past
    return bool(
        re.search(
            r"\b(?:is|are|takes\s+place|take\s+place|meets|meet|has|have|remains?|serves?)\b", clause, re.I
        )
    )


def kind_from_people(text: str, people: Sequence[Person]) -> str:
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
    both = {
        c
        for c in ministers
        if {"foreign minister", "defence minister"} <= {p.role for p in people if p.country == c}
    }
    if both and (len(ministers) >= 2 or counterpart):
        return EventKind.TWO_PLUS_TWO  # a foreign and a defence minister on one side, meeting the other
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


def assign_dates(
    triggers: Sequence[Trigger], s_dates: Sequence[DateMention], sentence: Sentence
) -> dict[Trigger, list[DateMention]]:
    "Give each date of the sentence to its nearest trigger (a date before a trigger counts as farther)."
    out: dict[Trigger, list[DateMention]] = {t: [] for t in triggers}
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

        def gap(t: Trigger, start: int = start, end: int = end) -> int:
            return start - t.end if start >= t.end else (t.start - end) * 2 + 10

        out[min(triggers, key=gap)].append(d)
    # "…signed an agreement on Wednesday, as the two countries held their 2+2": a trigger
    # left without a date shares the sentence's.
    dated = [d for ds in out.values() for d in ds]
    for t in triggers:
        if not out[t]:  # only dates named before it: a later one belongs to a later event
            out[t] = [d for d in dated if d.end - sentence.start <= t.start]
    return out


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


# A state about to host the meeting: "India will host", "is scheduled to host", "hosts".
_HOST_AFTER = re.compile(
    r"\s+(?:(?:will|would|is|was)\s+(?:(?:scheduled|set|due|expected|slated)\s+)?(?:to\s+)?)?host(?:s|ed|ing)?\b",
    re.I,
)


def location_of(
    sentence: Sentence,
    clause: tuple[int, int],
    trig: Trigger,
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
            after = text[a.end - sentence.start : a.end - sentence.start + 40]
            if re.search(r"\bhosted\s+by\s+$", before) or _HOST_AFTER.match(after):
                # "to be hosted by India", "India will host the SCO summit": the host's country
                # (after any place the sentence names: "India will host the talks in New Delhi")
                places.append((abs(start - trig.end) + 500, Location(city=None, country=a.code)))
            elif re.search(
                r"\b(?:held|hosted|take\s+place|took\s+place|be)\s+in\s+$|\bin\s+$", before
            ) and not re.search(
                r"\b(?:interest|role|investment|presence|influence|confidence|trust|faith|cooperation)\s+in\s+$",
                before,
            ):
                places.append((abs(start - trig.end) + 30, Location(city=None, country=a.code)))
    if not places:
        return None
    return min(places, key=lambda p: p[0])[1]


def ordinal_of(text: str, c_start: int, trig: Trigger) -> int | None:
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


def official_name(text: str, trig: Trigger) -> str | None:
    """Return the capitalised official name around a trigger, e.g. 'China-Indonesia Joint Foreign and Defense Ministerial Dialogue'."""
    phrase = text[trig.start : trig.end]
    if not phrase[:1].isupper() or phrase.islower():
        return None
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
    return name if len(name.split()) >= 2 else None


def confidence_of(trig: Trigger, explicit: bool, date: str | None, status: str) -> float:
    "A rough confidence: strong trigger, explicit parties and a date each add to it."
    score = 0.45 + (0.2 if trig.strong else 0.0) + (0.15 if explicit else 0.0) + (0.1 if date else 0.0)
    if status in (EventStatus.PROPOSED, EventStatus.PREDICTED):
        score -= 0.05
    return round(min(score, 0.95), 3)


# ── 5. merging within the article ────────────────────────────────────────────
