"""The mood and status of a clause: is it a question, a condition, a plan, a report or a forecast?

Input: a sentence, the clause of an event's trigger and the trigger's place in it.
Output: the event's status (occurred, planned, proposed, predicted; None when cancelled,
negated or only a possibility), whether the clause speaks of the format rather than one
meeting, and whether the sentence asserts anything at all.

Why separate: the schema's hardest distinctions — a forecast is never a fact, a plan needs a
decision, a question or a condition asserts nothing — are decided here, from the clause's
cue words and shape, apart from who took part and when (`sentences.py`).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Sequence

from diplograph.extract.events.common import LANDMARK_IN_TIME, PUT_OFF, load_rules
from diplograph.extract.folding import folded_finditer
from diplograph.models import Article, DateMention, Sentence
from diplograph.vocab import EventStatus

# A heading or sentence that asks: it ends in a question mark (inside closing quotes too),
# or, as FAQ headings often do, opens with an interrogative and has no full stop.
_QUESTION_END = re.compile(r"\?\W*$")
_INTERROGATIVE_HEADING = re.compile(
    r"^\W*(?:what|which|who|whom|whose|why|how|when|where|will|would|should|could|can|is|are|does|do|did|has|have)\b"
    r"[^.!]*$",
    re.I,
)


def asks_a_question(text: str) -> bool:
    """True for a question: it asserts no event and no format (the corpus README's hard cases).

    Why: an FAQ heading "Which countries have already held a 2+2 with China?" has every
    cue of a report ("held", a trigger, two states) and none of its meaning.
    """
    stripped = text.strip()
    if _QUESTION_END.search(stripped):
        return True
    return len(stripped) < 120 and bool(_INTERROGATIVE_HEADING.match(stripped))


@functools.lru_cache(maxsize=8192)
def cue_positions(kind: str, text: str) -> tuple[int, ...]:
    """Return where the cues of a status kind start in `text`.

    Cached: status_of asks about the same clause, and its parts, once per trigger and kind;
    a sentence of many triggers in one clause would otherwise scan it once per trigger.
    """
    lowered = text.lower()
    return tuple(m.start() for p in load_rules().cues[kind] for m in folded_finditer(p, text, lowered))


# Words that single out one session of a format named by "such": "the last such meeting",
# "their first such dialogue", "the third such round".
_ONE_SESSION = re.compile(
    r"\b(?:the|its|their|a)\s+(?:first|last|latest|previous|most\s+recent|next|second|third|fourth|fifth|"
    r"sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\s+$",
    re.I,
)


# "Trump is the first sitting US president to meet with a North Korean leader": the superlative's
# infinitive tells what was done, not a plan (`status_of` blanks its "to").
_SUPERLATIVE_TO_MEET = re.compile(
    r"\b(?:is|was|are|were|became|becomes|has\s+become)\s+(?:the\s+)?(?:first|second|third|last|only)\b"
    r"[^.;,]{0,50}?\b(to)\s+(?:meet|visit|hold|sign|host)\b"
    # ("It has been a pleasure to start, with my colleague …, the first high-level strategic dialogue": a
    # speaker's word on what was just done)
    r"|\b(?:has\s+been|was|is)\s+(?:a\s+(?:great\s+|real\s+)?(?:pleasure|privilege|joy)|an\s+honou?r)\s+(to)\s+"
    r"(?:start|begin|launch|open|meet|host|hold|sign|welcome|co-chair|chair)\b",
    re.I,
)

# "The first G20 summit to be held in Africa": the superlative's infinitive plans nothing (but "the
# second summit, which is to be held in Astana" does). (The dates stage blanks the same infinitive
# before it reads a sentence's tense: `dates.SUPERLATIVE_TO_BE`; stages do not import each other.)
_SUPERLATIVE_TO_BE = re.compile(
    r"\b(?:first|second|third|last|only)\b[^.;,]{0,40}?(?<!\bis\s)(?<!\bare\s)(?<!\bwas\s)(?<!\bwere\s)"
    r"\b(to\s+be\s+(?:held|hosted))\b"
    # (a main verb follows: "… to be held in Africa opened on Saturday"; a headline's bare "First
    # China-CELAC ministerial summit to be held in Beijing" plans it)
    r"(?=[^.;]{0,80}?\b(?:opened|began|was|were|is|are|has|have|had|took|ended|concluded|will|\w{3,}ed)\b)",
    re.I,
)
_MODAL_RELATIVE = re.compile(r"\s(?:which|that|who)\s+(?:could|would|might|may|can)\b", re.I)
_WITHOUT_BEFORE = re.compile(
    r"\b(?:without|failure\s+to|fail(?:ed|s|ing)?\s+to|refus(?:al|ed|es|ing)\s+to|declin(?:ed|es|ing)\s+to|not\s+to)\s+"
    r"(?:any\s+|a\s+|an\s+|the\s+)?(?:[\w-]+\s+){0,2}$",
    re.I,
)
_SCHEDULED_BEFORE = re.compile(r"\b(?:upcoming|forthcoming)\s+(?:[\w'’+-]+\s+){0,4}$", re.I)
_ATTRIBUTION = re.compile(r"^\W*according\s+to\s+[^,;]{0,120},", re.I)
_OUTCOME_EXPECTED = re.compile(
    r"(?:^|\b(?:summit|meeting|talks|dialogue|session|conference|visit|exercises?|drills?))\s*,?\s*"
    r"(?:which\s+is\s+|that\s+is\s+|is\s+|was\s+)?(?P<cue>(?:widely\s+|also\s+)?(?:expected|anticipated|likely)\s+to\s+"
    r"(?!(?:be\s+|take\s+|meet|convene|open|begin|start|last|run|gather|host|resume|go\s+ahead)\w*\b)[a-z]+)",
    re.I,
)


# "The signing of the deal between India and Russia may invite US sanctions", "This year's Forum
# summit may well be a defining moment": a definite event that opens the clause is given; the
# modal after it guesses what it brings, not whether it happens (but "the summit may be held in
# May", "could take place" forecast the event itself).
_DWELT_ON = re.compile(
    r"\b(?:(?:was|were)\s+)?(?:focus{1,2}ed|cent(?:red|ered)|concentrated|dwelt|touched)\s+(?:up)?on\b"
    r"|\b(?:aimed|was\s+aimed|were\s+aimed)\s+at\b|\brevolved\s+around\b|\bdealt\s+with\b",
    re.I,
)
_DEFINITE_SUBJECT = re.compile(
    r"\s*(?:(?:[\w.-]+\s+){0,3}?(?:the|this|that|these|those|its|their|[\w-]+['’]s?)\s+)"
    r"(?:(?-i:[A-Z])[\w.'’-]*\s+|\d+\w*\s+)*",
    re.I,
)
_LIKELY_AGENDA = re.compile(
    r"\b(?P<cue>likely|expected)\s+to\s+(?:be|top|dominate)\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,2}"
    r"(?:agenda|issues?|topics?|focus|priorit(?:y|ies)|themes?|items?)\s+(?:at|of|on|for|during)\b",
    re.I,
)
_OUTCOME_MODAL = re.compile(
    r"^[^,;.:!?]{0,70}?\s(?P<cue>(?:may|might|could|would|can)(?:\s+(?:well|also|even|yet|further|only))?)\s+"
    r"(?!(?:not|never|still|soon|be\s+(?:held|convened|organi[sz]ed|hosted|staged|signed|concluded|launched|inked|"
    r"finali[sz]ed|established|set\s+up|formed|created|conducted|carried\s+out|rescheduled|postponed|"
    r"called|arranged|scheduled|attended|inaugurated|opened|reached|agreed|completed|resumed|revived|"
    r"possible|likely|cancell?ed|delayed)|take\s+place|happen|go\s+ahead|occur|meet|convene|open|begin|"
    r"start|come|resume|proceed|last|run|sign|ink|gather|see|include|involve|bring\s+together|feature|"
    r"focus|discuss|address|follow|precede)\b)(?:be\s+|have\s+)?[a-z]+",
    re.I,
)


def _blank_cue(m: re.Match[str]) -> str:
    "Return a match with its `cue` group blanked."
    start, end = m.start("cue") - m.start(), m.end("cue") - m.start()
    return m.group()[:start] + " " * (end - start) + m.group()[end:]


_PARENTHESIS = re.compile(r"\([^()]{0,120}\)")
_QUOTATION = re.compile(r"[\"“][^\"“”]{12,}[\"”]")
# The end of a quotation that opened before the clause: '… which are getting stronger… will benefit”
# from the visit, Rajoy said after meeting the King' (the clause starts inside the quote).
_QUOTATION_TAIL = re.compile(r"^[^\"“”]{0,300}”")
_NAMED_PLAN = re.compile(r"\bplans?\b(?!\s+to\b)", re.I)
# "China, Iran and Russia have launched a joint naval drill": an exercise is launched as a meeting
# opens; the launch of a format ("launched a 2+2 dialogue") sets one up
_LAUNCHED_DRILL = re.compile(
    r"\blaunch(?:ed|es|ing)?\s+(?:[\w'’-]+\s+){0,5}?(?:exercises?|drills?|manoeuvres|maneuvers|war\s?games?)$",
    re.I,
)


def _blank(m: re.Match[str]) -> str:
    "Return spaces as long as a match: its words are gone, the offsets after it kept."
    return " " * len(m.group())


# An opening phrase of purpose before the main clause: "Seeking to enhance maritime security,",
# "In a bid to boost ties,", "Hoping to revive trade,".
_PURPOSE_OPENER = re.compile(
    r"^\W*(?:Seeking|Aiming|Hoping|Looking|Trying|Striving|Wishing|Keen|Eager|"
    # ("In a desperate attempt to improve worsening relations with the Russian government, Bush has phoned Putin")
    r"In\s+(?:a|an)\s+(?:[\w-]+\s+)?(?:bid|effort|attempt|move|push|drive)|In\s+order)\s+to\s+[^,;.]{3,100},"
)


# The landmark's own word for a past day: "ahead of the meeting being convened yesterday".
_PAST_WORD_AFTER = re.compile(
    r"[^.;]{0,60}?\b(?:yesterday|last\s+(?:week|month|night)|earlier\s+(?:today|this\s+week))\b", re.I
)
_HEDGED_SUPERLATIVE = re.compile(
    r"\b(?:likely|probably|possibly|perhaps|presumably)\s+(?=(?:the\s+)?(?:last|final|largest|biggest|first|only)\b)",
    re.I,
)
# Drills in the plural, and the verbs of what a text covers before them: "includes … joint exercises".
_PLURAL_DRILLS = re.compile(r"\b(?:exercises|drills|manoeuvres|maneuvers)\W*$", re.I)
_IN_THE_SCOPE_OF = re.compile(
    r"\b(?:includ(?:e|es|ed|ing)|cover(?:s|ed|ing)?|allow(?:s|ed|ing)?\s+for|provid(?:e|es|ed|ing)\s+for|"
    r"enabl(?:e|es|ed|ing)|facilitat(?:e|es|ed|ing)|such\s+as|"
    # "reviewed cooperation in the fields of mutual exchange, training programmes, joint exercises": a field
    r"(?:fields?|areas?|domains?|spheres?)\s+(?:of|like|including))\b[^.;]*$",
    re.I,
)
_ARRIVED_TO_ATTEND = re.compile(
    r"\b(?:(?:has|have)\s+(?:\w+\s+)?(?:arrived|landed|touched\s+down)|arrives|lands|touches\s+down"
    # ("Qureshi on Thursday left for a two-day visit to China to attend the second round": he set out for it)
    r"|(?:left|leaves|departed|departs|set\s+off|sets\s+off)\s+(?:\w+\s+)?for)\b[^.;]{0,80}?"
    r"\bto\s+(?:attend|join|take\s+part\s+in|"
    r"participate\s+in|"
    r"co-chair|chair)\s+(?:an?\s+|the\s+)?(?:[\w’'-]+\s+){0,6}$",
    re.I,
)
_WITH_A_VIEW_TO = re.compile(r"\bwith\s+(?:a|the)\s+view\s+(?:to|of)\s+(?:the\s+)?$", re.I)
# A meeting that may come, by its adjective: "Biden's possible visit", "a potential 2+2".
_POSSIBLE_BEFORE = re.compile(
    r"\b(?:possible|potential|prospective|eventual|mooted|rumou?red)\s+(?:[\w'’-]+\s+)?$", re.I
)


_TALKED_OF_BEFORE = re.compile(
    r"\b(?:discuss(?:ed|es|ing)?|review(?:ed|s|ing)?|talked\s+about|exchanged\s+views\s+on)\s+"
    r"(?:the\s+|a\s+|an\s+)?(?:(?:state|official|working|upcoming|forthcoming|planned|proposed)\s+)*$",
    re.I,
)
_TITLED_PLAN = re.compile(
    r"\b(?:[A-Z][\w-]*\s+)+(?:Plan|Programme|Program)\b"
    # ("defence ministers signed a cooperation plan for 2017 … at their talks": a plan signed is a document)
    r"|\b(?:signed|inked|adopted|approved|endorsed|exchanged)\s+(?:a|an|the|their)\s+(?:[\w-]+\s+){0,3}?(?:plans?|programmes?|programs?)\b"
)
_TIMING_OF = re.compile(
    r"\b(?:venue|dates?|timing|timetable|schedule|modalities)\s+(?:and\s+(?:the\s+)?(?:[\w-]+\s+){1,2})?of\s+"
    r"(?:the|a|their|its|next)\s+(?:[\w-]+\s+){0,4}$",
    re.I,
)
_WAS_SETTLED = re.compile(
    r"(?:\s+(?:between|with|of)\s+[^.;,]{0,40}?)?\s+(?:were|was|have\s+been|has\s+been|had\s+been)\s+(?:also\s+)?"
    r"(?:finali[sz]ed|fixed|decided|agreed(?:\s+(?:up)?on)?|set|settled|confirmed|worked\s+out)\b",
    re.I,
)
_DEFINITE_BEFORE_TRIGGER = re.compile(r"(?:^|\b)(?:the|this|that)\s+$", re.I)
_ORIGIN_PASSIVE = re.compile(
    r"\s+(?:was|had\s+been)\s+(?:first\s+|originally\s+)?(?:proposed|suggested|initiated|mooted|conceived)\s+by\b",
    re.I,
)
_RECENT_SESSION = re.compile(
    r"\b(?:the|their|its)\s+(?:most\s+)?(?:recent|recently[- ](?:held|concluded)|just[- ](?:held|concluded))\s+"
    r"(?:[\w+-]+\s+){0,3}$",
    re.I,
)
_HOPE_THAT_THE = re.compile(
    r"\b(?:hop(?:e|es|ed|ing)|expect(?:s|ed|ing)?|wish(?:es|ed)?)\s+(?:that\s+)?(?:the|this|their|his|her|its|our|my)\s+"
    r"(?:[\w-]+\s+){0,2}$",
    re.I,
)
_WILL_BRING = re.compile(
    r"(?:\s+meeting)?\s+(?:will\s+|would\s+|can\s+|could\s+)?(?:becomes?|serves?|helps?|leads?|paves?|brings?|opens?|"
    r"marks?|provides?|contributes?|yields?|produces?|deepens?|boosts?|be\s+(?:a|an)\b)",
    re.I,
)
# A past meeting told as the time of something else: "Lula invited Prabowo to visit when the two met
# at the G20 last November" (the invitation proposes a visit; the meeting it was made at was held).
_WHEN_THEY_MET = re.compile(
    r"\bwhen\s+(?:(?:the|both|two|they|he|she|we|[A-Z][\w.’'-]*|and|leaders|ministers|sides)\s+){1,6}$"
)
# ... or the meeting the past verb of such a clause names: "Lee first proposed the idea when he held
# three-way summit talks with his counterparts in Beijing last year" (the talks were held)
_WHEN_THEY_HELD = re.compile(
    r"\bwhen\s+(?:(?:the|both|two|they|he|she|we|[A-Z][\w.’'-]*|and|leaders|ministers|sides)\s+){1,6}"
    r"(?:held|hosted|attended|joined|had)\s+(?:(?:a|an|the|their|his|her|its|[\w-]+)\s+){0,4}$"
)
_PAST_MEETING_VERB = re.compile(r"(?:met|held|hosted|visited|gathered|convened|talked|spoke)\b")
_SPEECH_BEFORE = re.compile(r"\b(?:told|tells|informed|assured|briefed)\s+(?-i:[A-Z])", re.I)
_THAT_COMPLEMENT = re.compile(r"\s(?=that\s)")
_SAID_IN_A_MEETING = re.compile(
    r"\b(?:said|told|stressed|noted|stated)\s+(?:in|at|during)\s+(?:a|the|his|her)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:meeting|talks|conversation)\b",
    re.I,
)
# A speaker's present or past word, then the meeting it was said in, right before the trigger: "calls for
# stable ties in phone call with", "urged restraint during talks with".
_SPOKEN_IN_A_SETTING = re.compile(
    r"\b(?:call(?:s|ed)\s+for|urg(?:es|ed)|stress(?:es|ed)|says|said|vow(?:s|ed)|hail(?:s|ed)|pledg(?:es|ed)|"
    r"voic(?:es|ed)|express(?:es|ed)|reaffirm(?:s|ed)|underlin(?:es|ed))\b[^.;:!?]{0,120}?\b(?:in|during)\s+"
    r"(?:a\s+|an\s+|the\s+|his\s+|her\s+|their\s+)?(?:(?:tele)?phone\s+|video\s+|bilateral\s+)?$",
    re.I,
)
_COPULA_OF_A_TOPIC = re.compile(
    r"\s*(?:was|is)\s+[\"“']?(?:one\s+of|among|part\s+of|on\s+the\s+agenda|a\s+(?:topic|subject|theme))\b",
    re.I,
)
_AFTER_WORD = re.compile(r"(?:after|following)\s", re.I)
_TOLD_BEFORE = re.compile(r"\b(?:told|tells|said|says)\s+(?:\w+\s+)?$", re.I)
# "Faria, after a meeting with his Colombian counterpart, announced that the two countries will
# seek …": a meeting the speaker reports from is over; what he announced is his
_AFTER_THE_MEETING = re.compile(
    r"\b(?:after|following)\s+(?:(?:a|an|the|his|her|their|its)\s+)?(?:[\w-]+\s+){0,2}$", re.I
)
_PAST_SPEECH = re.compile(
    r"\b(?:announced|said|told|stated|declared|noted|added|stressed|confirmed|revealed|underlined|emphasi[sz]ed)\b"
)


# A meeting put off to a time it names is still planned: "would be postponed until at least September",
# "has been pushed back to 2026" (put off with no new time, it is cancelled for now).
_RESCHEDULED = re.compile(
    rf"\b{PUT_OFF}(?:until|till|to|for)\s+(?:at\s+least\s+|early\s+|late\s+|mid-?\s*|"
    r"the\s+end\s+of\s+|later\s+in\s+|\d{1,2}(?:st|nd|rd|th)?\s+)?(?:(?:the\s+)?(?:spring|summer|autumn|fall|winter)|January|February|March|April|May|June|July|"
    r"August|September|October|November|December|(?:19|20)\d\d|next\s+(?:week|month|year)|later\s+this\s+(?:year|month))\b"
    # "announced the week of 20 June as the new date agreed with member countries for the summit"
    r"|\b(?:new|revised|fresh)\s+dates?\s+(?:(?:agreed|set|fixed|chosen|announced)\s+(?:[^.;,]{0,40}?\s)?)?for\s+(?:the\s+)?"
)


# An opening phrase that sets the time of the main clause: "Following his June summit with …,"
_FRONTED_PHRASE = re.compile(r"\W*(?:after|following|since|during|at)\s[^,;:]{3,120}?,", re.I)
# "will only hold a Japan-China summit on the condition that Tokyo acknowledges …": a price named
_ON_CONDITION = re.compile(r"\s(?:on\s+(?:the\s+)?condition\s+(?:that|of)|provided\s+that|only\s+if)\s", re.I)


# The words that make what follows the event an anniversary marks: "the 45th anniversary of the", "45 years
# of the", "60 years since the".
_AN_ANNIVERSARY_OF = re.compile(
    r"(?:\banniversary|\b(?:\d{1,3}|[a-z]+ty(?:-[a-z]+)?|ten|fifteen)\s+years)\s+(?:of|since)\s+(?:the\s+)?$",
    re.I,
)


# A visit or meeting that "came" or "comes" before an occasion: "… came on the eve of", "comes ahead of".
_ON_AN_INVITATION = re.compile(
    r"(?:\s+(?:to\s+)?(?-i:[A-Z])[\w-]*(?:\s+(?-i:[A-Z])[\w-]*)?)?(?:\s+(?:next|this|last)\s+\w+)?\s+"
    r"(?:comes|came|is|was|will\s+be)\s+(?:at|on|upon)\s+(?:the|an)\s+invitation\s+(?:of|by|from)\b",
    re.I,
)
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
# A date that premodifies the trigger's noun phrase: "the August 2023 Camp David summit", "the 2006 Beijing summit".
_DATED_NOUN_PHRASE = re.compile(
    r"\b(?:the|its|their|a|an)\s+(?:(?P<month>" + _MONTHS + r")\s+)?(?P<year>(?:19|20)\d\d)\s+"
    r"(?:(?-i:[A-Z])[\w'’.-]*\s+){0,3}$",
    re.I,
)


def own_date_status(clause: str, t_start: int, article: Article) -> str | None:
    """Return occurred or planned for a trigger whose noun phrase carries its own month or year, before or after
    the story's; None when it carries none, or the story's own."""
    published = article.published
    dated = _DATED_NOUN_PHRASE.search(clause, max(0, t_start - 60), t_start)
    if dated is None or not published or dated.end() != t_start:
        return None
    key = dated.group("year")
    if dated.group("month"):
        month = _MONTHS.split("|").index(dated.group("month").capitalize()) + 1
        key += f"-{month:02d}"
    story = published[: len(key)]
    if len(story) < len(key) or key == story:
        return None
    return EventStatus.OCCURRED if key < story else EventStatus.PLANNED


_MEETING_NOUN = re.compile(r"(?:meeting|talks|conversation|phone\s+call|call)\b", re.I)
# A past act placed in a meeting: "called for a review of the treaty in a meeting with", "raised the issue
# during talks with" (no modal or infinitive before it: "will raise it in a meeting with" is a plan).
_PAST_ACT_IN_A_MEETING = re.compile(
    r"^(?:(?!\b(?:will|would|could|can|may|might|shall|should|must|to|plans?|wants?|hopes?)\b)[^;])*?"
    r"\b(?:called|urged|proposed|suggested|asked|raised|said|told|stressed|noted|stated|expressed|reiterated|"
    r"agreed|announced|sought|pressed|pushed|demanded|requested|offered|invited)\b"
    r"(?:(?!\b(?:will|would|could|may|might|shall|should)\b)[^;])*\b(?:in|at|during)\s+(?:a|an|the|his|her|their)\s+"
    r"(?:[\w-]+\s+){0,2}$",
    re.I,
)
_CAME_AHEAD_OF = re.compile(
    r"\s+(?:(?:to\s+)?(?-i:[A-Z])[\w-]*(?:\s+(?-i:[A-Z])[\w-]*)?\s+)?(?:came|comes|took\s+place)\s+"
    r"(?:just\s+|shortly\s+|only\s+)?(?:(?:a|one|two|three|four|five|six|\d+)\s+(?:days?|weeks?)\s+)?"
    r"(?:on\s+the\s+eve\s+of|ahead\s+of|in\s+advance\s+of|before|prior\s+to|in\s+the\s+run-up\s+to)\b",
    re.I,
)


def status_of(
    sentence: Sentence,
    clause: str,
    t_start: int,
    t_end: int,
    s_dates: Sequence[DateMention],
    article: Article,
) -> tuple[str | None, str, bool]:
    """Return (status, level, cued) of the event a trigger names (`status_from_cues`), a plan on a condition proposed.

    Why apart: a condition named after the trigger turns the plan before it into an offer ("China
    will only hold the summit on the condition that …"), whatever cue `status_from_cues` found first.
    """
    fronted = _FRONTED_PHRASE.match(clause)
    if fronted and t_end <= fronted.end():
        # "Following his June summit with Kim Jong Un, Trump cancelled the exercise": what the main
        # clause did (cancelled the exercise) is not said of the summit its opening phrase names
        clause = clause[: fronted.end()]
    if _AN_ANNIVERSARY_OF.search(clause, max(0, t_start - 60), t_start):
        # "will celebrate … 45 years of the signing of the Treaty": whatever is planned is the jubilee;
        # the signing it marks took place long ago
        return EventStatus.OCCURRED, "event", True
    if _CAME_AHEAD_OF.match(clause, t_end):
        # "his visit to Kazakhstan came on the eve of the 15th anniversary", "The visit comes ahead of the
        # summit": what is dated by the occasion after it is happening; the occasion is the one to come
        return EventStatus.OCCURRED, "event", True
    if _ON_AN_INVITATION.match(clause, t_end):
        # "Wang's visit next week comes on an invitation by Nepal's foreign minister": whence a visit the
        # article reports elsewhere, with no word on whether it has happened; no mention of its own
        return None, "event", False
    if _MEETING_NOUN.match(clause, t_start) and _PAST_ACT_IN_A_MEETING.search(clause[:t_start]):
        # "Sogavare called for a review of the treaty in a meeting with the Australian defence minister": the
        # meeting is where a past act took place; what was called for is the act's object, not the meeting's
        return EventStatus.OCCURRED, "event", True
    status, level, cued = status_from_cues(sentence, clause, t_start, t_end, s_dates, article)
    if status is not None and level == "event" and (own := own_date_status(clause, t_start, article)):
        # "The upcoming summit follows the August 2023 Camp David summit": a meeting its own words date before
        # the story took place, whatever the clause says of another one; one dated after it is to come
        return own, level, True
    if status == EventStatus.PLANNED and _ON_CONDITION.search(clause, t_end, t_end + 120):
        return EventStatus.PROPOSED, level, True
    return status, level, cued


_MODAL_PASSIVE_TRIGGER = re.compile(
    r"\b(?:could|may|might)\s+(?:also\s+|well\s+)?be\s+(?:signed|inked|concluded)\b", re.I
)


# A pair that has (keeps) a standing body: "have a Joint Permanent Commission", "have two vibrant Commissions;
# the Joint Permanent Commission on Cooperation and …" (not "will have", "to have": a meeting to come)
_CHAIR_OF = re.compile(
    # (an office in apposition or held "as": not "handed over the chair of the Council of Ministers" at its meeting)
    r"(?:(?:,\s*|\bas\s+(?:the\s+)?)(?:chair(?:man|woman|person)?|president|head)"
    # ("commended Bahrain's presidency of the current session of the Supreme Council": the state's term in the chair)
    r"|(?:[’']s|\bits|\bthe)\s+(?:(?:current|rotating|successful)\s+)?(?:presidency|chairmanship|chairpersonship))\s+of\s+(?:the\s+)?"
    r"(?:(?:current|present|ongoing|incumbent|rotating)\s+)?(?:session\s+of\s+(?:the\s+)?)?(?:(?-i:[A-Z])[\w-]*\s+){0,3}$",
    re.I,
)
_CHAIRED_BODY = re.compile(
    r"\b(?:council|committee|commission|forum|conference|assembly|summit|meeting|session)\b", re.I
)
_HAVE_A_BODY = re.compile(
    r"(?<!\bwill\s)(?<!\bto\s)(?<!\bwould\s)\b(?:have|has|maintain|maintains)\s+(?:(?:a|an|two|three|four|several|their|its)\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:(?:commissions|committees|councils|mechanisms|formats)\s*[;:,]\s*(?:the\s+)?)?$",
    re.I,
)
_A_BODY = re.compile(
    r"\b(?:commission|committee|council|mechanism|forum|dialogue|cabinet)\b|\b2\s*\+\s*2\b", re.I
)


def status_from_cues(
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
    # ("The first G20 summit to be held in Africa opened on Saturday": the superlative's infinitive
    # plans nothing; the same length keeps the trigger's offsets)
    clause = _SUPERLATIVE_TO_BE.sub(
        lambda m: m.group()[: m.start(1) - m.start()] + " " * len(m.group(1)), clause
    )
    # ("Trump is the first sitting US president to meet with a North Korean leader": the superlative's
    # infinitive tells what was done, not a plan)
    clause = _SUPERLATIVE_TO_MEET.sub(
        lambda m: (
            m.group()[: m.start(m.lastindex or 1) - m.start()]
            + " " * len(m.group(m.lastindex or 1))
            + m.group()[m.end(m.lastindex or 1) - m.start() :]
        ),
        clause,
    )
    # ("Seeking to enhance maritime security, coast guards … have embarked on an exercise": what the
    # opening phrase seeks is the purpose of the report, not a proposal; same length, same offsets)
    clause = _PURPOSE_OPENER.sub(lambda m: " " * len(m.group()), clause, count=1)
    # ("Ukraine's membership is likely to be the top agenda at the summit to be held in Vilnius": the guess is
    # about the agenda, not whether the summit is held; same length, same offsets)
    clause = _LIKELY_AGENDA.sub(_blank_cue, clause)
    # The trigger's own words count as "before": "met", "signed ... agreement".
    before, after = clause[:t_end], clause[t_end:]
    # (a relative clause's modal is about its own noun: "leaders meeting in Libya have agreed to set
    # up a joint force which could intervene in civil wars" met; the force may intervene)
    after = _MODAL_RELATIVE.split(after, maxsplit=1)[0]
    # ... and what a speaker told someone in the call or talks is theirs: "Erdogan told Putin in a phone
    # call on Friday that Ankara was ready to host new talks" (the call was held)
    if _SPEECH_BEFORE.search(before) or (
        # "Park Jin told reporters after meeting his counterparts …, that the three sides agreed to hold
        # the summit": what he told them after the meeting is his, not the meeting's mood
        _AFTER_WORD.match(clause, t_start) and _TOLD_BEFORE.search(clause, max(0, t_start - 40), t_start)
    ):
        after = _THAT_COMPLEMENT.split(after, maxsplit=1)[0]
    if _SAID_IN_A_MEETING.search(clause, max(0, t_start - 80), t_end):
        # 'Liang said in a meeting with the visiting minister, "I hope the forum will become …"': what he
        # said there is his, the meeting was held
        after = _QUOTATION.split(after, maxsplit=1)[0]
    if _AFTER_THE_MEETING.search(clause, max(0, t_start - 40), t_start) and (
        speech := _PAST_SPEECH.search(after)
    ):
        after = after[: speech.start()]
    # ... and what the event is expected to bring is no forecast of the event: "gather on Tuesday for
    # an annual summit expected to stress cohesion" (but "a summit expected to take place in May" is)
    after = _OUTCOME_EXPECTED.sub(_blank_cue, after)
    # ... nor what a meeting dwelt on: "Museveni's first meeting with Kenyatta and Kagame focused on
    # agreeing to a memorandum" (the meeting was held; the agreeing was its subject)
    after = _DWELT_ON.split(after, maxsplit=1)[0]
    # ... nor what a copula says the meeting was: "recalled how the summit was "one of the first things" he
    # had discussed with Biden" (the summit is a topic of that talk, neither held nor planned by it)
    if _COPULA_OF_A_TOPIC.match(after):
        after = ""
    if _DEFINITE_SUBJECT.fullmatch(clause[:t_start]):
        after = _OUTCOME_MODAL.sub(_blank_cue, after, count=1)
    # ... but a plan the trigger names is what was signed, not a plan: "signed a defence cooperation plan"
    # ... and what someone is quoted saying before it is theirs: '"We have decided to reinforce
    # cooperation," Parly told reporters after talks with her Greek counterpart' reports the talks
    opening = _QUOTATION_TAIL.sub(_blank, _QUOTATION.sub(_blank, clause[:t_start]))
    # ... and so is the attribution that opens it: "According to a statement issued by the Ministry,
    # the defence ministers will discuss …" (the statement was issued; the meeting is to come)
    opening = _ATTRIBUTION.sub(_blank, opening)
    # ... and a hedge on a superlative is about the superlative: "met in Busan for their third and
    # likely last summit" (the summit was held; whether it is the last is the guess)
    opening = _HEDGED_SUPERLATIVE.sub(_blank, opening)
    # ... and a document named as a plan is a document: "inked a Joint Declaration and a Border
    # Development Plan with her counterpart while meeting in Lima"
    opening = _TITLED_PLAN.sub(_blank, opening)
    # ... and a verb of talk whose object is the meeting is the talk's tense, not the meeting's: "The
    # ministers discussed the state visit of President Nazarbayev to China this May" (the visit is to come)
    opening = _TALKED_OF_BEFORE.sub(_blank, opening)
    # ... and a hope for what the meeting will bring takes the meeting as given: "Seoul and Tokyo hope that
    # the summit meeting becomes an icebreaker" (the summit was held; the thaw is hoped for)
    if (hope := _HOPE_THAT_THE.search(opening)) and _WILL_BRING.match(clause, t_end):
        opening = opening[: hope.start()] + " " * (len(opening) - hope.start())
    when = _WHEN_THEY_MET.search(opening)
    if not (when and _PAST_MEETING_VERB.match(clause, t_start)):
        when = _WHEN_THEY_HELD.search(opening)
    if when:
        opening = " " * when.start() + opening[when.start() :]
    before = opening + _NAMED_PLAN.sub(lambda m: "x" * len(m.group()), clause[t_start:t_end])
    # (asked once per clause, whatever its triggers; not of an aside: "At the XIII Luso-Brazilian
    # summit (which has not been held since 2016), the two leaders met")
    if _RESCHEDULED.search(clause):
        return (
            EventStatus.PLANNED,
            "event",
            True,
        )  # "would be postponed until at least September": moved, still to come
    if cue_positions("cancelled", _PARENTHESIS.sub(_blank, clause)):
        return None, "event", True
    if _PLURAL_DRILLS.search(clause, t_start, t_end) and _IN_THE_SCOPE_OF.search(
        clause, max(0, t_start - 80), t_start
    ):
        # "It includes intelligence-sharing and joint exercises", "allow for joint drills": what an
        # agreement covers, no exercise held or planned
        return None, "event", True
    if _WITHOUT_BEFORE.search(clause, max(0, t_start - 40), t_start):
        return (
            None,
            "event",
            True,
        )  # "ended their meeting without any pact having been signed", "failure to sign", "agreed not to sign"
    if _DEFINITE_BEFORE_TRIGGER.search(clause, max(0, t_start - 10), t_start) and _ORIGIN_PASSIVE.match(
        clause, t_end
    ):
        # "The summit was proposed by Mirziyoev, who …": where the summit the article reports came from,
        # not a proposal of another (uncued: it takes the status of the summit it names)
        return EventStatus.OCCURRED, "event", False
    if (starts := _STARTS_TODAY.search(clause)) and starts.start() <= t_start < starts.end():
        # "The French and Indian navies begin the 21st edition of exercise Varuna on the Western Seaboard
        # today": the present of a start told on its day (not "will begin today", still to come)
        return EventStatus.OCCURRED, "event", True
    if _WHICH_TAKES_PLACE_TODAY.match(clause, t_end):
        # "will chair the 65th Meeting of the OECS Heads of Government, which takes place in St. Lucia today
        # and tomorrow": the meeting's own present, told on its day (whatever the chair will do at it)
        return EventStatus.OCCURRED, "event", True
    if _SPOKEN_IN_A_SETTING.search(clause, max(0, t_start - 160), t_start):
        # "Wang Yi calls for stable, healthy China-US ties in phone call with Blinken": what he called for is
        # his; the call he said it in was held
        return EventStatus.OCCURRED, "event", True
    if _ACTS_NOW_AFTER.match(clause, t_end) and not cue_positions("proposed", clause[:t_start]):
        # "Arab ministerial meeting calls for immediate ceasefire in Gaza": the meeting, in a headline's
        # present, is the one calling; what it calls for is the proposal, not the meeting
        return EventStatus.OCCURRED, "event", True
    if _RECENT_SESSION.search(clause, max(0, t_start - 40), t_start):
        # "key understandings achieved at the recent two plus two dialogue could be key …": a session
        # just held, whatever the clause forecasts of what it brought
        return EventStatus.OCCURRED, "event", True
    level = "event"
    if re.match(r"(?:such|similar|the\s+same)\b", clause[t_start:t_end], re.I):
        # "such meetings", "similar dialogues": the format, not one session; but "the last such
        # meeting took place in Seoul" and "the first such round" single out one session of it.
        # ("preparations for such a meeting are under way": one meeting like the one just named)
        one = _ONE_SESSION.search(before[max(0, t_start - 30) : t_start]) or re.match(
            r"such\s+an?\s", clause[t_start:t_end], re.I
        )
        level = "event" if one else "mechanism"
    elif (
        (
            _FORMAT_PLURAL.search(clause[t_start:t_end])
            and _FORMAT_WORDS_BEFORE.search(before[max(0, t_start - 40) : t_start])
            and not _DATED_AFTER.match(after)  # "began holding annual summits in 2008"
        )
        or (_FORMAT_PLURAL.search(clause[t_start:t_end]) and _PLURAL_STARTED.match(after))
        or (_PLURAL_THEN_STARTED.match(after))
    ):
        # "the 2+2 ministerial meetings only started in 1990": the series began, no one session
        # "paving the way for resumption of formal annual trilateral summits": the format
        level = "mechanism"
    elif (
        rules.mechanism_level.search(_LAUNCHED_DRILL.sub(_blank, before[-45 - (t_end - t_start) :]))
        or re.match(
            r"[^.;,]{0,60}?\b(?:was|were|has\s+been|have\s+been|had\s+been|(?:will|would|could|may|might)\s+(?:\w+\s+)?be|to\s+be)\s+"
            r"(?:instituted|established|set\s+up|created|formed|founded|launched|agreed\s+(?:upon|on))\b",
            after,
        )
        # "The 2+2 Dialogue was agreed during Prime Minister Gillard's visit to Korea in April 2011":
        # the format was agreed then; the date is the visit's
        or re.match(
            r"(?:\s+[\w'’-]+){0,3}?\s+(?:was|were|had\s+been|has\s+been)\s+(?:first\s+)?(?:agreed|announced|decided)\s+"
            r"(?:(?:upon|on)\s+)?(?:during|at|in\s+the\s+course\s+of)\b",
            after,
        )
        or re.match(
            r"\W{0,3}(?:\w+\s+){0,2}(?:annually|regularly|every\s+(?:\w+\s+)?years?|each\s+year|on\s+a\s+regular\s+basis)\b",
            after,
            re.I,
        )
    ):
        level = "mechanism"
    elif _CHAIR_OF.search(before, max(0, t_start - 70), t_start) and _CHAIRED_BODY.search(
        clause[t_start:t_end]
    ):
        # "Foreign Minister Badr Al Busaidi, Chairman of the current session of the GCC Ministerial Council": an
        # office in a standing body, no meeting of it
        level = "mechanism"
    elif (
        _HAVE_A_BODY.search(before, max(0, t_start - 80), t_start)
        and _A_BODY.search(clause[t_start:t_end])
        and not any(d.date for d in s_dates)  # (not "have a 2+2 meeting in Tokyo on Friday": one session)
    ):
        # "Botswana and Namibia have a Joint Permanent Commission on Cooperation": a body the pair keeps,
        # no session of it
        level = "mechanism"
    elif _EXAMPLE_OF_FORMATS.search(before[max(0, t_start - 120) : t_start]):
        # "much larger pan-regional forums (such as the East Asia Summit or ASEAN Regional Forum)":
        # named as examples of a kind of format, not as a meeting
        level = "mechanism"
    elif re.match(r"['’\s]*(?:mechanism|format|framework)\b", after, re.I) and not re.search(
        r"\bin\s+(?:the|a|this|that)\s+$", before[:t_start]
    ):  # (but "talks in the 2+2 format were held" are a meeting of that kind)
        # "make good use of the foreign ministers' meeting mechanism": the format exists.
        return EventStatus.OCCURRED, "mechanism", True
        level = "mechanism"
    if (
        level == "event"
        and re.match(r"(?:visits|trips|stops)\b", clause[t_start:t_end], re.I)
        and _LATER_LEG.search(clause, max(0, t_start - 120), t_start)
    ):
        # "Prince Mohammed starts his tour in Oman before visits to the UAE, Bahrain and Kuwait": the
        # legs after the one under way are still to come
        return EventStatus.PLANNED, level, True
    if (
        level == "event"
        and _NEXT_SESSION.search(before, max(0, t_start - 40))
        and (_HAPPENED_AFTER.match(after) or _HOSTED_THE_NEXT.search(before, max(0, t_start - 60)))
        and not has_later_day(s_dates, article)
    ):
        # "the next round of political consultations was held in Ashgabat on March 1", "Tbilisi hosted
        # the next round": "next" counts from the round before; the verb says this one took place
        return EventStatus.OCCURRED, level, True
    if (
        level == "event"
        and _ARRIVED_TO_ATTEND.search(before, max(0, t_start - 150), t_start)
        and not cue_positions("occurred", after[:60])
        and not has_earlier_day(s_dates, article)
    ):
        # "Qin Gang has arrived in Islamabad to participate in the 5th Trilateral Foreign Ministers'
        # Dialogue": the arrival is reported, the meeting is ahead (not "Yesterday, the leaders arrived
        # to participate in the summit", told on the summit's day)
        return EventStatus.PLANNED, level, True
    if (
        level == "event"
        and _TIMING_OF.search(before, max(0, t_start - 80), t_start)
        and _WAS_SETTLED.match(clause, t_end)
    ):
        # "The venue and timing of the first ever army exercise between the two nations were also
        # finalised": the drill is to come; its dates were settled
        return EventStatus.PLANNED, level, True
    if _WITH_A_VIEW_TO.search(before[max(0, t_start - 40) : t_start]):
        # "the strategy of strengthening South America, with a view to establishing the region as one
        # of the centers of a multipolar world": an aim of a policy, no founding reported or planned
        return None, level, False
    if level == "event" and _POSSIBLE_BEFORE.search(before[max(0, t_start - 40) : t_start]):
        # "the spokesman neither confirmed nor denied Biden's possible visit on Thursday": a visit
        # that may come, whatever the sentence says of the spokesman's day
        return EventStatus.PREDICTED, level, True
    if level == "event" and _SCHEDULED_BEFORE.search(before[max(0, t_start - 50) : t_start]):
        # "Expectations about an upcoming summit are increasing", "may attend the forthcoming
        # summit": the hedge is about what it brings or who comes; the summit itself is scheduled
        return EventStatus.PLANNED, level, True
    if (
        level == "event"
        and _THE_LAST_ONE_TO.search(before[max(0, t_start - 80) : t_start])
        and _WAS_AFTER.match(after)
    ):
        # "The last Pakistani foreign minister to visit Bangladesh was Hina Rabbani Khar in 2012": a visit made
        return EventStatus.OCCURRED, level, True
    if level == "event" and _WILL_BE_THE_FIRST_THAT.search(before[max(0, t_start - 140) : t_start]):
        # "It will be the first time in 15 years that an incumbent Japanese prime minister has visited
        # Kenya": the perfect is the visit to come, seen from its day
        return EventStatus.PLANNED, level, True
    if _SINCE_BEFORE.search(before[max(0, t_start - 50) : t_start]):
        # "the first time the US hosts it since the inaugural summit in Miami in 1994": behind us
        return EventStatus.OCCURRED, level, True
    if level == "event" and _WAS_TO_BE.search(before, max(0, t_start - 60)):
        # "The Pukpuk Treaty, which was planned to be signed during the meeting, would be …": a
        # plan that has not yet been carried out, whatever the sentence then forecasts
        return EventStatus.PLANNED, level, True
    if (
        level == "event"
        and _PARTICIPANTS.search(clause[t_start:t_end])
        and _DID_AFTER.match(after)
        and not cue_positions("planned", before)
        and not cue_positions("predicted", before)
        and not cue_positions("proposed", before)
        and not has_later_day(s_dates, article)
    ):
        # "The foreign ministers of Korea and Japan on Monday agreed to resume shuttle diplomacy":
        # the ministers met and agreed; what they agreed to is the plan, not their meeting
        return EventStatus.OCCURRED, level, True
    if (
        level == "event"
        and _SCHEDULED_AFTER.match(after)
        and not has_earlier_day(s_dates, article)
        and not cue_positions("predicted", before)
        # ("will pave the way for a Heads of States assembly slated for January 30": a day of its own
        # schedules it, whatever leads to it)
        and (not cue_positions("proposed", before) or has_later_day(s_dates, article))
    ):
        return EventStatus.PLANNED, level, True
    if level == "event" and (_WHICH_WILL_TAKE_PLACE.match(after) or _TO_BE_HELD_AFTER.match(after)):
        # "expected to set the stage for the seventh AU-EU Summit, which will take place later in
        # 2025": the hedge is about what sets the stage; the summit's own clause schedules it
        return EventStatus.PLANNED, level, True
    if _MET_TO_SIGN.search(before[max(0, t_start - 80) : t_start]) and re.match(
        r"(?:sign|ink)\b", clause[t_start:t_end], re.I
    ):
        # "Rudd and Lee have met in Singapore to sign a memorandum of understanding": what they met for
        return EventStatus.OCCURRED, level, True
    if (
        level == "event"
        and (came := _RECEIVED_TO_HOLD.search(before[max(0, t_start - 160) : t_start]))
        # (one who "arrived … to meet" his host meets him; one who arrived to sign a pact is yet to)
        and not (
            came.group().lower().startswith("arrived") and not re.match(r"meet", clause[t_start:t_end], re.I)
        )
        # ("went on to invite Smailov to pay a visit to Azerbaijan": what one invites another to do is to come)
        and not _INVITED_TO.search(came.group())
        and not has_later_day(s_dates, article)
    ):
        # "received her Ecuadorian counterpart at the Palace on Thursday to hold the Presidential
        # Meeting", "Both foreign ministers proceeded to sign a third MoU", "is on a two-day visit to
        # Viet Nam to co-chair the 10th meeting": the purpose of a reception, step or visit under way
        # or done is done, not a plan
        return EventStatus.OCCURRED, level, True
    if level == "event" and _MAY_TAKE_PLACE_AFTER.match(after):
        # "a much-anticipated summit between Russian President Vladimir Putin and U.S. President Donald
        # Trump could take place within the next two weeks": the meeting's own verb forecasts it
        return EventStatus.PREDICTED, level, True
    if _SUBJUNCTIVE_AFTER.match(after) and cue_positions("proposed", before[:t_start]):
        return (
            EventStatus.PROPOSED,
            level,
            True,
        )  # "Japan has proposed … that a trilateral summit be held in Tokyo"
    if is_hypothetical(before, after):
        if cue_positions("proposed", before):
            return EventStatus.PROPOSED, level, False  # "Abe was considering whether to invite Obama"
        if cue_positions("predicted", before):
            return EventStatus.PREDICTED, level, False
        return None, level, False
    if _PAST_OCCASION.search(before[max(0, t_start - 40) : t_start]) or _PAST_TIME_AFTER.match(after):
        # "last year's ARF", "the previous round"; "The second Celac summit, last January, did …"
        return EventStatus.OCCURRED, level, True
    if (
        _NEXT_OCCASION.search(before[max(0, t_start - 40) : t_start])
        and level == "event"
        and not any(cue_positions(k, after[:60]) for k in ("proposed", "predicted", "hypothetical"))
        and not any(governs_the_event(before, p, t_start) for p in cue_positions("predicted", before))
        # ("The group considered scheduling the next meeting": a proposal, not a date set)
        and not _CONSIDERED_BEFORE.search(before, max(0, t_start - 60), t_start)
        # (nor "Sarkissian proposed his Greek counterpart to hold the next trilateral meeting in Armenia")
        and not _PROPOSED_TO_HOLD_NEXT.search(before, max(0, t_start - 120), t_start)
    ):
        # "agreed to put the plan to the leaders at their next summit, which China will host":
        # the next session of a standing format is planned, whatever else the clause proposes
        # (but "Russia and France may hold the next 2+2" only forecasts it).
        return EventStatus.PLANNED, level, True
    if (
        level == "event"
        and _NEXT_YEARS.match(clause, t_start)
        and not cue_positions("occurred", after[:60])
        and not any(cue_positions(k, after[:60]) for k in ("proposed", "predicted", "hypothetical"))
    ):
        # "The talks are held each year …, and next year's round is due to take place in the United
        # States": next year's session is ahead, whatever the clause says of the format's habit
        return EventStatus.PLANNED, level, True
    if (
        _RUN_UP_BEFORE.search(before[max(0, t_start - 40) : t_start])
        and not cue_positions("occurred", after[:60])
        and (
            has_later_day(s_dates, article)
            or any(cue_positions(k, after[:60]) for k in ("planned", "predicted", "proposed"))
        )
    ):
        # "the meeting is held in the run-up to the SCO summit, likely to take place in June": the
        # summit is ahead, whatever is under way now; its own hedge says how sure
        for kind in ("proposed", "predicted"):
            if cue_positions(kind, after[:60]):
                return EventStatus(kind), level, True
        return EventStatus.PLANNED, level, True
    if (
        (landmark := LANDMARK_IN_TIME.search(before, max(0, t_start - 60), t_start))
        and landmark.group("ahead")
        and _PAST_WORD_AFTER.match(after)
    ):
        # "ahead of the Forum Foreign Ministers Meeting being convened yesterday": its own day is past
        return EventStatus.OCCURRED, level, True
    if (
        (ahead := LANDMARK_IN_TIME.search(before, max(0, t_start - 60), t_start))
        and ahead.group("ahead")
        and before[: ahead.start()].strip(" ,")  # (not "Prior to the 2+2, a summit was held": what opens)
        and not cue_positions("occurred", after[:60])
        and not _PAST_YEAR_AFTER.match(after)
        and not has_earlier_day(s_dates, article)
        # (a day of this week or later, or a plan, dates it; "The encounter occurred prior to a
        # three-way summit" alone does not say whether the summit is still to come)
        and (has_recent_day(s_dates, article) or bool(cue_positions("planned", before[: ahead.start()])))
    ):
        # "held talks in Moscow on Tuesday, two weeks before the BRICS summit in Kazan", "will meet
        # in Lima on Friday, ahead of the APEC summit": the landmark is still to come when the
        # meeting it dates is today's or later (not "met in 2019, a day before the summit")
        for kind in ("proposed", "predicted"):
            if cue_positions(kind, after[:60]):
                return EventStatus(kind), level, True
        return EventStatus.PLANNED, level, True
    held = _HELD_PARTICIPLE.match(after)
    future = _FUTURE_MAIN_VERB.match(after) if held else None
    if (
        level == "event"
        and future
        and not any(cue_positions(k, future.group()) for k in ("proposed", "predicted", "hypothetical"))
    ):
        return EventStatus.PLANNED, level, True
    if (
        held
        and not future
        and (
            not cue_positions("planned", before)
            or _EARLIER_SESSION.search(before[max(0, t_start - 30) : t_start])
            or _DURING_BEFORE.search(before[max(0, t_start - 40) : t_start])
        )
    ):
        # ("…will meet for the second time, following the inaugural 2+2 meeting held in Japan in
        # April 2022": the inaugural one is behind them, whatever the main clause plans.)
        # "in a final communique of the 45th GCC Summit held in Kuwait on Sunday, called for…":
        # the summit's own participle says it happened, whatever its participants then proposed.
        return EventStatus.OCCURRED, level, True
    if (
        _FRONTED_SETTING.match(before[:t_start])
        and (year := _PAST_YEAR.match(after))
        and (not article.published or year.group(1) < article.published[:4])
        and not cue_positions("planned", after.split(",")[0])
    ):
        return EventStatus.OCCURRED, level, True  # "At a summit in 2009, GCC members agreed to launch…"
    nearest: tuple[int, str] | None = None
    if _MODAL_PASSIVE_TRIGGER.search(clause, t_start, t_end):
        # "During the visit, some agreements could be signed": the trigger's own modal is the guess
        return EventStatus.PREDICTED, level, True
    if (
        cue_positions("planned_override", before)
        or _EXPECTED_TO_DO.match(after)
        or (
            _INVITED_BEFORE.search(before)
            and (_INVITATION_ACCEPTED.match(after) or _accepted_next(article, sentence))
        )
    ):
        # "The summit is expected to deliberate on …": what it will do is the forecast; that
        # it takes place is the schedule's
        return EventStatus.PLANNED, level, True
    for kind in ("proposed", "predicted"):
        positions: Sequence[int] = [
            p for p in cue_positions(kind, before) if governs_the_event(before, p, t_start)
        ]
        if positions:
            pos = max(positions)
            if nearest is None or pos > nearest[0]:
                nearest = (pos, kind)
    if nearest is None:
        for kind in ("planned", "occurred"):
            positions = cue_positions(kind, before)
            if positions and (nearest is None or max(positions) > nearest[0]):
                nearest = (max(positions), kind)
        if nearest is not None and (
            re.search(r"\bthat\b", before[nearest[0] : t_start])
            or ("," in before[nearest[0] : t_start] and _OWN_VERB.match(after))
        ):
            # "Ministers agreed that AUSMIN 2018 will be held in the US", "As a consensus reached
            # by all parties, the first summit will be hosted by China": the cue governs a clause
            # or phrase of its own; the verb after the trigger says what happens to the event.
            own = [(min(ps), k) for k in ("planned", "occurred") if (ps := cue_positions(k, after[:60]))]
            if own:
                nearest = min(own)
    if nearest is None and _ACTED_AFTER.match(after):
        nearest = (len(before), "occurred")  # "the foreign ministers' meeting supported the proposal"
    if nearest is None and (_PRESENT_AFTER.match(after) or _PRESENT_BEFORE.search(before[:t_start])):
        # A headline's present: "The CELAC summit begins with Lula among the participants" is
        # news of the day; "The summit opens on June 3" in May is ahead.
        nearest = (len(before), "planned" if has_later_day(s_dates, article) else "occurred")
    if nearest is None:
        # (not from a relative clause on what happens there: "the Arab League Summit where the
        # issue of Sudan was expected to dominate" took place)
        where = _WHERE_AFTER.search(after)
        window = after[: where.start() if where else 70][:70]
        # (nor from a second verb of the subject's: "Presidents of Uzbekistan and Turkmenistan meet in
        # Ashgabat, consider deepening strategic partnership" is what they did there)
        if second := _SECOND_VERB_AFTER.search(window):
            window = window[: second.start()]
        planned_first = min(cue_positions("planned", window), default=len(window))
        for kind in ("proposed", "predicted"):
            positions = cue_positions(kind, window)
            # (not after the event's own schedule: "the 10th summit will gather under the motto …,
            # seeking to forge a new era": what it seeks is not a proposal of the summit)
            if positions and min(positions) < planned_first + 20:  # (but "will probably be launched")
                nearest = (min(positions), kind)
                break
    if nearest is None and (
        cue_positions("hypothetical", before) or cue_positions("hypothetical", after[:70])
    ):
        return EventStatus.PREDICTED, level, False
    if nearest is None and has_a_past_day_of_its_own(after, s_dates, article):
        # ("received the Ambassador on January 4, to talk about … the Speaker's visit next month": the
        # later month and what follows it are the visit's)
        return EventStatus.OCCURRED, level, True
    if nearest is None:
        first: tuple[int, str] | None = None
        # ("The complex maritime exercises will enable the two navies to …": what the exercise
        # will bring about is no schedule of it)
        after = _EFFECT_AFTER.sub(_blank, after)
        # ("Gulf foreign ministers discuss cooperation ahead of GCC summit": what lies ahead is the summit)
        after = _AHEAD_OF_AFTER.sub(_blank, after)
        for kind in ("planned", "occurred"):
            positions = cue_positions(kind, after)
            if positions and (first is None or min(positions) < first[0]):
                first = (min(positions), kind)
        nearest = first
    if nearest is None and has_later_day(s_dates, article):
        nearest = (t_end, "planned")  # "G7 summit, Evian, June 14–16" in a January calendar: ahead
    status = nearest[1] if nearest else "occurred"
    if status == "predicted" and has_future_day(s_dates, article):
        window = clause[: t_end + 60]
        # ("likely to attend the SCO summit in Bishkek on June 13": the attendance is the guess,
        # the dated summit is scheduled)
        hedge = re.sub(
            r"\blikely\s+to\s+(?:attend|join|participate|take\s+part|travel|be\s+present|host)\b",
            "",
            window,
            flags=re.I,
        )
        if not re.search(r"\b(?:likely|candidates?|predict\w*|forecast\w*|may|might)\b", hedge, re.I):
            status = "planned"
    return EventStatus(status), level, nearest is not None


# The clause of a trigger is a possibility, not a report or a plan: it sits under "whether" or
# "if", is the complement of a verb of watching, asking or wondering, or the trigger is the
# subject of "can" with a verb that is not one of meeting ("a 2+2 can strengthen ties": what such
# meetings do in general; "could", "may", "would" are left to the cues: a forecast or a proposal).
_CONDITION_BEFORE = re.compile(
    r"^\W*(?:should|were|had)\s+(?=[A-Z])|\b(?:whether|if|unless|in\s+case|(?:wonder|ask|question|watch)\w*\s+(?:to\s+see\s+)?(?:how|when|which|who)|"
    r"remains\s+to\s+be\s+seen|(?:un)?clear\s+(?:how|when|which))\b",
    re.I,
)
# Substrings one of which every match of _CONDITION_BEFORE contains (a cheap prefilter).
_CONDITION_WORDS = (
    "whether", "if", "unless", "case", "wonder", "ask", "question", "watch", "seen", "clear", "should", "were", "had",
)  # fmt: skip
_EVEN_IF = re.compile(r"\b(?:even|as)\s+if\b", re.I)
_POSSIBILITY_AFTER = re.compile(
    r"^(?:(?!\b(?:that|which|who)\b)[^.;:,]){0,50}?\bcan\s+(?:also\s+|further\s+|help\s+(?:to\s+)?)?"
    r"(?!(?:be\s+|now\s+|soon\s+)?(?:held|hosted|hold|host|meet|take|convene|follow|happen|begin|start|launch|"
    r"establish|set|sign|resume|materiali[sz]e)\b)[a-z]+",
)
# The meeting's own verb in the present, right after the trigger: "summit begins", "talks open".
_PRESENT_AFTER = re.compile(
    r"^['’s]*\s+(?:\w+\s+){0,2}?(?:begins|opens|starts|kicks\s+off|gets\s+under\s?way|concludes|ends|closes|"
    r"wraps\s+up)\b",
    re.I,
)
# A second verb of the subject after a comma, in a headline's present: ", consider deepening …".
_SECOND_VERB_AFTER = re.compile(r",\s+(?:consider|discuss|agree|eye|mull|explore|seek|vow|pledge|review)\b")
# A landmark after the trigger: "discuss cooperation ahead of GCC summit".
_AHEAD_OF_AFTER = re.compile(r"\b(?:ahead|in\s+advance|on\s+the\s+eve)\s+of\b", re.I)
# A headline's present verb right before the trigger: "KSOR begins drill dubbed Interaction 2015".
_PRESENT_BEFORE = re.compile(
    r"\b(?:begins|starts|launches|opens|kicks\s+off|holds|stages|hosts)\s+(?:(?:a|an|the|its|their|joint|military|naval|"
    r"large-scale|annual|first)\s+)*$",
    re.I,
)
# What a meeting will bring about, right after the trigger: "the exercises will enable the navies to…"
_EFFECT_AFTER = re.compile(
    r"^(['’s]*\s+(?:\w+\s+){0,2}?)(?:will|would)\s+(?:also\s+|further\s+|certainly\s+|surely\s+)?"
    r"(?:enable|help|allow|strengthen|boost|enhance|deepen|further|contribute|promote|provide|serve|give|pave|"
    r"improve|increase|foster|bolster|reinforce|add|bring(?!\s+together\b)|open|go\s+a\s+long\s+way|create|advance|consolidate|"
    r"facilitate|expand|elevate)\b",
    re.I,
)
# The meeting's own act in the present, right after the trigger (a headline's news of the day):
# "meeting calls for …", "summit urges …", "talks back …".
_ACTS_NOW_AFTER = re.compile(
    r"['’s]*\s+(?:calls\s+for|urges|condemns|backs|endorses|adopts|reaffirms|stresses|underlines|welcomes|"
    r"rejects|demands|denounces|slams|vows|pledges|approves|agrees\s+(?:on|to)|discusses|reviews)\b",
    re.I,
)
# A past act of the meeting itself, right after the trigger: the meeting took place.
_ACTED_AFTER = re.compile(
    r"^['’s]*\s+"
    # ("The defence ministers of the Philippines, Malaysia and Indonesia on June 20 agreed": whose, and when)
    r"(?:(?:of\s+)?(?:the\s+)?(?-i:[A-Z])[\w.-]*(?:\s+(?-i:[A-Z])[\w.-]*){0,2}(?:,\s+(?:the\s+)?(?-i:[A-Z])[\w.-]*"
    r"(?:\s+(?-i:[A-Z])[\w.-]*){0,2}){0,6},?\s+and\s+(?:the\s+)?(?-i:[A-Z])[\w.-]*(?:\s+(?-i:[A-Z])[\w.-]*){0,2}\s+"
    r"(?:on\s+(?:(?-i:[A-Z])\w+day|(?-i:[A-Z])[a-z]+\s+\d{1,2}|\d{1,2}\s+(?-i:[A-Z])[a-z]+)\s+)?)?"
    r"(?:(?!(?:could|would|may|might|can|will|shall|should|must|be|been|being|to)\b)\w+\s+){0,2}?(?:supported|adopted|endorsed|approved|agreed|discussed|reviewed|welcomed|noted|"
    r"decided|issued|expressed|reaffirmed|stressed|emphasi[sz]ed|focused|ended|closed|produced|resulted|"
    r"underlined|condemned|called|urged|pledged|vowed|announced|unveiled|outlined|presented|signed|inked)\b",
    re.I,
)


def is_hypothetical(before: str, after: str) -> bool:
    """True when a trigger's clause only raises a possibility (the corpus README's hard cases).

    "Observers are watching whether Malaysia will hold a 2+2", "If Manila agrees, a 2+2
    will follow", "a 2+2 can strengthen ties": none is a plan or a report. `before`
    ends with the trigger, `after` starts right after it.
    """
    lowered = before.lower()
    if not any(word in lowered for word in _CONDITION_WORDS):
        condition = []
    else:
        condition = [
            m for m in _CONDITION_BEFORE.finditer(before) if not _EVEN_IF.match(before, m.start() - 5)
        ]
    if condition and not _EVEN_IF.search(before[max(0, condition[-1].start() - 6) : condition[-1].end()]):
        return True
    # Only a trigger that is the subject of the modal: no verb of its own clause comes before it.
    subject = not re.search(
        r"\b(?:will|would|could|can|may|might|should|to|did|has|have|had|is|are|was|were)\b|\b\w+ed\b",
        before[:-1] or " ",
    )
    return subject and bool(_POSSIBILITY_AFTER.match(after))


_PROPOSED_TO_HOLD_NEXT = re.compile(
    r"\b(?:propos(?:ed|es|al)|suggest(?:ed|s|ion))\b[^.;]{0,60}?\bto\s+(?:hold|host|convene|organi[sz]e)\s+"
    r"(?:the\s+)?next\b[^.;]{0,40}$",
    re.I,
)
# Words before a trigger that place it in the past: "last year's ARF", "the previous round". (Not an
# adverb before an article: "Ryabkov said earlier a meeting … would take place" looks ahead.)
_PAST_OCCASION = re.compile(
    r"\b(?:last\s+(?:year|month|week)['’]s|yesterday['’]s|previous|preceding|former|earlier|past)\s+"
    r"(?:(?!(?:a|an|the|that)\s)[\w'’-]+\s+){0,2}$",
    re.I,
)
# "invited Sushma Swaraj to visit Oman at an early date, to which she agreed": an invitation accepted is a plan
_INVITED_BEFORE = re.compile(r"\binvit(?:ed|es)\b", re.I)
_INVITATION_ACCEPTED = re.compile(
    r"^[^.;]{0,80}?,?\s+(?:to\s+which|which)\s+(?:he|she|they|(?:the\s+)?[\w-]+\s+(?:side|minister|president))\s+"
    r"(?:readily\s+|gladly\s+)?(?:agreed|consented|accepted)\b",
    re.I,
)
# "Nazarbayev invited Mirziyoyev for a state visit. The invitation was accepted with gratitude."
_ACCEPTED_NEXT = re.compile(
    r"^\W*(?:the|this|that)\s+invitation\s+(?:was|has\s+been)\s+(?:\w+ly\s+)?accepted\b"
    r"|^\W*(?:he|she|they|the\s+(?:president|prime\s+minister|minister|king|emir|guest))\s+(?:\w+ly\s+)?accepted\s+"
    r"(?:the|this|that|his|her)\s+invitation\b",
    re.I,
)


def _accepted_next(article: Article, sentence: Sentence) -> bool:
    "True when the sentence after `sentence` says its invitation was accepted."
    following = sentence.index + 1
    return following < len(article.sentences) and bool(
        _ACCEPTED_NEXT.match(article.sentences[following].text)
    )


_EXPECTED_TO_DO = re.compile(
    r"^(?:,?\s+(?!(?:that|which)\b)[\w'’-]+){0,5}?,?\s+(?:is|are)\s+(?:also\s+)?expected\s+to\s+(?!be\s+(?:cancell?ed|postponed|delayed)\b)(?!(?:last|run|continue|end|conclude|close)\b)\w+",
    re.I,
)
_MET_TO_SIGN = re.compile(
    r"(?<!\bwill\s)(?<!\bto\s)\b(?:met|gathered|convened|came\s+together|were\s+in|was\s+in)\b[^.;]{0,60}?\bto\s+$",
    re.I,
)
# (the lookbehinds after the first word: before it, they would be tried at every position)
_STARTS_TODAY = re.compile(
    r"\b(?:begin|begins|commence|commences|kick\s+off|kicks\s+off|start|starts)\b"
    r"(?<!\bwill\sbegin)(?<!\bto\sbegin)(?<!\bwill\scommence)(?<!\bto\scommence)(?<!\bwill\sstart)(?<!\bto\sstart)"
    r"(?<!\bwould\sbegin)(?<!\bwould\sstart)(?<!\bwill\skick\soff)(?<!\bto\skick\soff)"
    r"[^.;]{0,100}?\btoday\b",
    re.I,
)
_WHICH_TAKES_PLACE_TODAY = re.compile(
    r"[^.;,]{0,20}?,\s+which\s+(?:takes\s+place|is\s+taking\s+place|opens|begins|starts|is\s+being\s+held|"
    r"gets\s+under\s?way)\b(?:[^.;]|(?<=\bSt)\.|(?<=\b[A-Z])\.){0,60}?\btoday\b",
    re.I,
)
_INVITED_TO = re.compile(r"\b(?:invit|ask|urg|request)\w*\s", re.I)
_RECEIVED_TO_HOLD = re.compile(
    # ("Sovaleni is in Australia this week to hold meetings": there now, for what he came to do)
    r"\b(?:received|welcomed|hosted|proceeded|went\s+on|(?:was|were|is|are)\s+(?:currently\s+|now\s+)?in(?=\s+(?-i:[A-Z]))|"
    r"visited(?=\s+(?-i:[A-Z]))|(?:visits(?=\s+(?-i:[A-Z]))|arrived(?=[^.;]{0,80}?\bto\s+$))(?![^;]{0,60}\b(?:next|tomorrow|later)\b)"
    # "Zarif traveled to the Omani capital of Muscat on Monday to hold talks": a trip made, its purpose
    r"|(?<!\bto\s)(?:travell?ed|flew|went)(?=\s+to\s+(?:the\s+)?(?-i:[A-Z]))"
    r"|(?:is|are)\s+(?:currently\s+)?on\s+(?:a|an|his|her|their)\s+(?:[\w-]+\s+){0,3}?visit)\b"
    r"(?<!\bbe\sreceived)(?<!\bbe\swelcomed)(?<!\bbe\shosted)(?:[^.;]|(?<=\b[A-Z])\.){0,100}?\bto\s+"
    r"(?:(?:co-)?(?:hold|chair|attend|take\s+part\s+in|participate\s+in)\s+(?:the\s+|a\s+|an\s+|their\s+)?"
    r"(?:[\w’'-]+\s+){0,6}?)?$",
    re.I,
)
_SUBJUNCTIVE_AFTER = re.compile(
    r"\s+(?:\w+\s+)?be\s+(?:held|convened|hosted|organi[sz]ed|arranged|launched|established)\b", re.I
)
# "the XIII Summit of Heads of State of the Pacific Alliance, to be held in Puerto Vallarta": its own schedule
_TO_BE_HELD_AFTER = re.compile(
    r"^['’s]*(?:\s+[\w'’-]+){0,8}?,\s+to\s+be\s+(?:held|hosted|convened)\s+(?:in|on|at|from|next|later)\b",
    re.I,
)
_WHICH_WILL_TAKE_PLACE = re.compile(
    r"^['’s]*(?:\s+[\w'’-]+){0,3}?,\s+which\s+(?:will|(?:is|are)\s+(?:(?:set|scheduled|due|slated)\s+)?to)\s+(?:be\s+held|take\s+place|"
    r"be\s+hosted|convene|open)\b",
    re.I,
)
# A plan told in the past: "which was planned to be signed", "were due to meet", "was supposed to be held".
_WAS_TO_BE = re.compile(
    r"\b(?:was|were|had\s+been)\s+(?:originally\s+|initially\s+)?(?:planned|scheduled|due|supposed|meant|slated|set)"
    r"\s+to\s+(?:be\s+)?(?:(?:signed|held|hosted|convened|concluded|inked)\b|$)",
    re.I,
)
# A trigger naming who met ("the foreign ministers", "defence ministers of …", "leaders of …") and
# the past-tense verb of what they did right after it.
_PARTICIPANTS = re.compile(
    r"\b(?:ministers|leaders|heads\s+of\s+(?:state|government)|counterparts?|Ministerial\s+Council)\b", re.I
)
_DID_AFTER = re.compile(
    r"^(?:\s+(?:of\s+)?(?:the\s+)?(?-i:[A-Z])[^,;]{1,80}?)?(?:,[^,;]{0,80},)?\s+(?:(?:on|last|this)\s+\w+\s+)?(?:also\s+)?"
    # (not "Meeting of SCO Foreign Ministers Council to be held in late May": still to come)
    r"(?<!\bbe\s)(?<!\bto\s)(?<!\bbeen\s)(?:agreed|discussed|reviewed|pledged|adopted|issued|expressed|welcomed|exchanged|vowed|reaffirmed|"
    r"decided|signed|met|held|underlined|stressed|emphasi[sz]ed|noted|condemned|called|"
    # a headline's present: "GCC Ministerial Council calls for a serious response to …"
    r"agrees|discusses|reviews|pledges|adopts|issues|welcomes|vows|reaffirms|stresses|condemns|calls|urges)\b",
    re.I,
)
# The trigger's own participle of schedule: "President Lee's visit to Japan scheduled for later this
# month", "the summit, slated for June": planned, whatever the clause's verb reports.
_SCHEDULED_AFTER = re.compile(
    r"^['’s]*(?:\s+(?!(?:was|were|had|has)\b)[\w'’-]+){0,4}?,?\s+(?:scheduled|slated|planned)\s+(?:for|on|in|to\s+(?:be|take|begin|start|open))\b",
    re.I,
)
_EARLIER_SESSION = re.compile(
    r"\b(?:inaugural|first|previous|earlier|last|prior)\s+(?:[\w'’-]+\s+){0,2}$", re.I
)
_FORMAT_PLURAL = re.compile(r"(?:summits|meetings|dialogues|sessions)$", re.I)
# "… meetings only started in 1990": a series that began, after a plural trigger or right after it
_STARTED = r"\s+(?:(?:only|first|have|had|were)\s+){0,2}(?:started|began|begun|commenced|were\s+launched|were\s+instituted)\b"
_PLURAL_STARTED = re.compile(_STARTED, re.I)
_PLURAL_THEN_STARTED = re.compile(
    r"(?:\s+(?!(?:summits|meetings|dialogues|sessions)\b)[\w-]+){0,2}\s+(?:summits|meetings|dialogues|sessions)"
    + _STARTED,
    re.I,
)
_FORMAT_WORDS_BEFORE = re.compile(
    r"\b(?:annual|regular|formal|periodic|biennial|resumption\s+of|series\s+of)\b[^.;]*$", re.I
)
_DATED_AFTER = re.compile(
    r"[^.;]{0,40}?\b(?:(?:19|20)\d\d|January|February|March|April|May|June|July|August|September|October|"
    r"November|December|next\s+(?:week|month|year)|this\s+(?:week|month|year))\b"
)
# The run-up to an occasion ("in the run-up to the SCO summit", "on the eve of the summit"): still to
# come when a later day or its own plan or hedge says so ("Ministers met on the eve of the summit"
# in a report of the summit is not).
_RUN_UP_BEFORE = re.compile(
    r"\b(?:(?:in|as)\s+(?:the|a)\s+(?:run|lead)[- ]?up\s+to|on\s+the\s+eve\s+of|in\s+preparation\s+for)\s+"
    r"(?:the|a|this|next|their|its)\s+(?:[\w'’-]+\s+){0,3}$",
    re.I,
)
_PAST_YEAR_AFTER = re.compile(r"[^.;]{0,40}?\b(?:in|of)\s+((?:19|20)\d\d)\b")
# Formats named as examples of a kind: "larger forums (such as the East Asia Summit or the ARF)".
_EXAMPLE_OF_FORMATS = re.compile(
    r"\b(?:forums|fora|formats|groupings|groups|mechanisms|institutions|organi[sz]ations|bodies|dialogues|"
    r"summits|frameworks|arrangements|minilaterals|architecture)\b[^.;]{0,60}?\(?\b(?:such\s+as|like|including|"
    r"e\.g\.,?)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,5}?(?:(?:or|and)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,5}?)?$",
    re.I,
)
# A relative clause on what happens at the meeting: "the summit where Sudan was expected to dominate".
_WHERE_AFTER = re.compile(
    r"^[^,;]{0,40}?(?:,\s*)?\b(?:where|at\s+which|during\s+which|in\s+which"
    # "at a summit in Saudi Arabia that is also expected to confront conflicts": what it will do
    r"|(?:that|which)\s+(?:is|are|was|were)\s+(?:also\s+)?expected\s+to\s+"
    r"(?!(?:take\s+place|be\s+held|be\s+hosted|convene|happen|open|begin|start|go\s+ahead)\b))",
    re.I,
)
# "The second Celac summit, last January, did …", "… two years ago": a past time right after the trigger.
_PAST_TIME_AFTER = re.compile(
    r"^[\s,(]*(?:held\s+|convened\s+)?(?:last|earlier\s+this|this\s+past)\s+(?:week|month|year|spring|summer|autumn|fall|"
    r"winter|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July|August|September|"
    r"October|November|December)\b|^[\s,(]*(?:\w+\s+){1,2}ago\b",
    re.I,
)
# "The group considered scheduling the next meeting": a proposal of it.
_CONSIDERED_BEFORE = re.compile(
    r"\b(?:consider(?:s|ed|ing)?|discuss(?:es|ed|ing)?\s+(?:the\s+)?(?:possibility|idea)\s+of)\s+"
    r"(?:scheduling|holding|convening|hosting)\b",
    re.I,
)
_NEXT_YEARS = re.compile(r"next\s+year['’]s\b", re.I)
# A trip's later leg after one under way or ahead: "starts his tour in Oman before visits to the UAE".
_LATER_LEG = re.compile(
    r"\b(?:starts|begins|opens|kicks\s+off|will\s+\w+|(?:is|are)\s+(?:to|due\s+to|set\s+to)\s+\w+|arrives|heads|leaves|"
    r"(?:is|are)\s+(?:visiting|in|on))\b[^.;]{0,80}?\bbefore\s+(?:(?:his|her|their|a|an|the)\s+)?(?:[\w-]+\s+){0,2}$",
    re.I,
)
# A session called the next one, and a past verb of its own taking place, right after or before it.
_NEXT_SESSION = re.compile(r"\bnext\s+(?:round|session|meeting|edition|summit|dialogue)\b", re.I)
_HAPPENED_AFTER = re.compile(
    r"(?:\s+[^\s,;.]+){0,8}?\s+(?:(?:was|were|has\s+been|had\s+been)\s+(?:successfully\s+)?"
    r"(?:held|convened|hosted|conducted|organi[sz]ed)|took\s+place|opened|concluded|ended|kicked\s+off)\b",
    re.I,
)
_HOSTED_THE_NEXT = re.compile(r"\b(?:hosted|held|convened)\s+(?:the|their|its)\s+next\s", re.I)
# "their next summit", "the next round of the dialogue": a session still to come.
_NEXT_OCCASION = re.compile(r"\b(?:the|their|its|our)\s+next\s+(?:[\w'’-]+\s+){0,2}$", re.I)
# The trigger's own verb, right after it: "the first summit will be hosted by China".
# A past participle right after the trigger that reports the meeting itself: "the summit held in
# Kuwait on Sunday", "the 2+2 hosted by Tokyo last week" (not "to be held", which comes before it).
# A trigger that is where something was done: "the decision to launch a dialogue was taken during
# the Musharraf-Bush summit talks held in Islamabad on March 4" — the summit is behind us.
_DURING_BEFORE = re.compile(r"\b(?:was|were)\s+\w+\s+(?:during|at)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}$", re.I)
# "since the inaugural summit", "since their last meeting": an occasion before the one in hand.
# "The last Pakistani foreign minister to visit Bangladesh was …": the one who last did it.
_THE_LAST_ONE_TO = re.compile(r"\bthe\s+(?:last|previous|most\s+recent)\s+(?:[\w-]+\s+){1,5}to\s+$", re.I)
_WAS_AFTER = re.compile(r"[^.;]{0,60}?\b(?:was|were)\b", re.I)
# A future first told in the perfect: "It will be the first time in 15 years that a … prime minister has".
_WILL_BE_THE_FIRST_THAT = re.compile(
    r"\b(?:it|this|that)\s+(?:will|would)\s+be\s+the\s+first\s+(?:time\s+)?(?:[^.;]{0,60}?)\bthat\s+"
    r"(?:[\w'’-]+\s+){0,7}?(?:has|have)\s+(?:(?:ever|officially|formally)\s+)?$",
    re.I,
)
_SINCE_BEFORE = re.compile(
    r"\bsince\s+(?:the|their|its|a)\s+(?:(?:inaugural|first|last|previous|latest|\d{4})\s+)?(?:[\w'’-]+\s+){0,2}$",
    re.I,
)
# (not "the summit being held in Riyadh on January 5 next year": a progressive, whose day tells when)
_HELD_PARTICIPLE = re.compile(
    r"(?:\s+(?!being\b)\w+){0,1}?,?\s+(?:held|hosted|convened|chaired)\s+(?:in|at|on|by|last|earlier|this|yesterday)\b",
    re.I,
)

# "The summit, hosted by Kazakhstan's President Tokayev, will be attended by …": the participle
# phrase is an aside; the main verb after it says the summit is ahead.
_FUTURE_MAIN_VERB = re.compile(
    r"[^.;]{0,90}?,\s+(?:will|shall|(?:is|are)\s+(?:(?:set|scheduled|due|expected)\s+)?to)\s+(?:\w+\s+)?\w+",
    re.I,
)
_OWN_VERB = re.compile(
    r"^(?:\s+[\w'’-]+){0,3}?\s+(?:will|would|is\s+to|are\s+to|was|were|is|are)\s+(?:be\s+)?(?:held|hosted|convened|"
    r"signed|launched|established)\b",
    re.I,
)
# A trigger in a sentence-opening phrase that sets the scene, dated in a past year:
# "At a summit in 2009, …", "During the 2017 summit, …".
_FRONTED_SETTING = re.compile(
    r"^\W*(?:at|during|on\s+the\s+sidelines\s+of)\s+(?:a|an|the|its|their)\s+(?:[^\s,;]+\s+){0,3}[“\"‘']?$",
    re.I,
)
# "… summit in 2009", "“2+2” foreign and defense ministerial consultation in 2018": the year of a
# fronted setting (compared with the publication's year where it is used)
_PAST_YEAR = re.compile(r"[”\"’']?(?:\s+[\w-]+){0,4}?\s+(?:in|of)\s+((?:19|20)\d\d)\b")
# A modal cue ("should", "could", "must") proposes the event only when its verb is one of
# meeting or founding: "should hold a 2+2", not "three principles should guide this year's talks".
_MODAL = re.compile(r"(?:could|should|ought\s+to|must|need(?:s|ed)?\s+to|may|might)\b", re.I)
_EVENT_VERB = re.compile(
    r"\b(?:hold|held|meet|convene|launch|establish|set\s+up|create|start|begin|institute|sign|conclude|host|"
    r"organi[sz]e|have|be|become|follow|join|resume|revive|upgrade|elevate|add|consider|visit|travel|attend|come|go|"
    r"talk|speak|call|sit|gather)\b",
    re.I,
)


_FRONTED_REASON = re.compile(
    r"^\W*(?:upon|at|on|following|after)\s+(?:the\s+|a\s+|their\s+|his\s+|her\s+)?$", re.I
)


# The trigger's own predicate, a modal of happening: "… summit between A and B could take place in May".
_MAY_TAKE_PLACE_AFTER = re.compile(
    r"[^;,]{0,120}?\b(?:could|may|might)\s+(?:still\s+|soon\s+|even\s+)?(?:take\s+place|happen|be\s+held|go\s+ahead)\b"
)


def governs_the_event(before: str, cue_at: int, t_start: int) -> bool:
    """True unless the cue at `cue_at` is a modal whose verb is not one of meeting or founding,
    or sits in a fronted phrase of its own ("Upon the proposal of Saudi Arabia and Iran, China
    received their foreign ministers": the proposal was the reason, the meeting took place)."""
    if _FRONTED_REASON.match(before[:cue_at]) and "," in before[cue_at:t_start]:
        return False
    if not _MODAL.match(before, cue_at):
        return True
    # The trigger's own first word counts: "could also host Vietnam in the same format".
    first_word = re.match(r"\S*", before[t_start:])
    return bool(_EVENT_VERB.search(before[cue_at:t_start] + (first_word.group(0) if first_word else "")))


def has_future_day(s_dates: Sequence[DateMention], article: Article) -> bool:
    return any(
        d.date and len(d.date) >= 7 and article.published and d.date >= article.published[: len(d.date)]
        for d in s_dates
    )


def has_earlier_day(s_dates: Sequence[DateMention], article: Article, days: int = 21) -> bool:
    "True when the sentence names a day or month more than `days` before the publication's."
    published = article.published
    if not published or len(published) < 7:
        return False
    for d in s_dates:
        if not d.date or len(d.date) < 7:
            continue
        if len(d.date) >= 10 and len(published) >= 10:
            if (dt.date.fromisoformat(published[:10]) - dt.date.fromisoformat(d.date[:10])).days > days:
                return True
        elif d.date[:7] < published[:7]:
            return True
    return False


def has_recent_day(s_dates: Sequence[DateMention], article: Article) -> bool:
    "True when the sentence names a day or month, at most three weeks before the publication's or later."
    return (
        bool(article.published)
        and any(d.date and len(d.date) >= 7 for d in s_dates)
        and not has_earlier_day(s_dates, article)
    )


# The words between a trigger and the day it names: "received Ambassador … Masato Takaoka on ".
_OWN_DAY_BEFORE = re.compile(r"\s*(?:[\w.'’-]+\s+){0,10}?(?:on|in)\s+")


def has_a_past_day_of_its_own(after: str, s_dates: Sequence[DateMention], article: Article) -> bool:
    """True when the words just after a trigger give it a day before the publication's.

    Why: "received the Ambassador of Japan on January 4, to talk about … the Speaker's visit to
    Japan next month": the later month is the visit's; the call was paid on its own day, gone by.
    """
    published = article.published
    if not published:
        return False
    head = after[:80]
    return any(
        d.date
        and len(d.date) >= 7
        and d.text in head
        and _OWN_DAY_BEFORE.fullmatch(head[: head.index(d.text)])
        and d.date[: len(published)] < published[: len(d.date)]
        for d in s_dates
    )


def has_later_day(s_dates: Sequence[DateMention], article: Article) -> bool:
    "True when the sentence names a day or month after the publication's (today's is not later)."
    published = article.published
    return bool(published) and any(
        d.date and len(d.date) >= 7 and d.date[: len(published or "")] > (published or "")[: len(d.date)]
        for d in s_dates
    )


# A sentence that defines a format: "X is a regional forum", "they are annual meetings".
_DEFINITION = re.compile(
    r"\b(?:is|are)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}(?:forum|format|mechanism|platform|grouping|"
    r"organi[sz]ation|body|framework|bloc|alliance|series|gathering|meeting|dialogue|summit|exercise)s?\b",
    re.I,
)


# What a meeting, any meeting, would be worth: "A summit meeting is essential", "Dialogue is the only way".
# A past verb of telling and its "that": what follows is what was said, not the meeting's tense.
_TOLD_THAT = re.compile(
    r"\b(?:informed|told|assured|briefed|stressed|noted|emphasi[sz]ed|underlined|affirmed|reaffirmed|reiterated|"
    r"explained|pointed\s+out|said|stated|added)\b(?:[^.;\"“]{0,120}?)\s(?P<that>that)\b",
    re.I,
)
_VALUE_OF_A_MEETING = re.compile(
    r"(?:^|[“\"‘'(\s])(?:An?|Such\s+an?)\s+(?:[\w-]+\s+){0,2}(?:summit|meeting|dialogue|talks)(?:\s+meeting)?\s+"
    r"(?:is|are|would\s+be|will\s+be|remains?)\s+(?:\w+\s+)?(?:essential|necessary|important|needed|vital|crucial|"
    r"key|useful|indispensable|the\s+only|the\s+best|a\s+must)\b"
)


def is_generic(
    clause: str,
    s_dates: Sequence[DateMention],
    sentence: Sentence,
    c_start: int,
    c_end: int,
    article: Article,
    trigger_at: int | None = None,
) -> bool:
    """True for a present-tense statement about a format rather than a report of one meeting.

    "AUSMIN is the premier forum", "The 2+2 dialogue takes place between foreign
    and defence ministers": no date, no past-tense verb of meeting, no cue. What a
    participant told the other in the meeting (`trigger_at`, the trigger's offset in the
    clause, comes before it) is no tense of the meeting's: "During a telephone
    conversation, Araghchi informed his Omani counterpart that the relations are progressing".
    """
    in_clause = [d for d in s_dates if c_start <= d.start - sentence.start < c_end and d.date]
    if in_clause:
        return False
    if trigger_at is not None and (told := _TOLD_THAT.search(clause, trigger_at)):
        clause = clause[: told.start("that")]
    if _VALUE_OF_A_MEETING.search(clause):
        return True  # '"A summit meeting is essential to further progress," Koizumi said': no meeting told
    clause = _QUOTATION.sub(" ", clause)  # (what someone is quoted saying: '"We have decided …," she said')
    if cue_positions("occurred", clause):
        return False
    if _DEFINITION.search(clause):
        return True  # "ADMM-Plus is a platform for …": a definition, in an explainer's first line too
    if sentence.index == 0 or (article.title and sentence.text.strip() == article.title.strip()):
        return False  # headlines use the present tense for the past
    return bool(
        re.search(
            # ("Tokayev has received Wang Yi": a present perfect reports what was done)
            r"\b(?:is|are|takes\s+place|take\s+place|meets|meet|remains?|serves?|runs|maintains)\b"
            r"|\b(?:has|have)\b(?!\s+(?:\w+ly\s+)?(?:received|welcomed|hosted|met|held|visited|signed|concluded|"
            r"attended|spoken|talked|discussed|agreed|inked)\b)",
            clause,
            re.I,
        )
    )
