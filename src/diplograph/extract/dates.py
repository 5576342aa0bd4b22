"""Resolve the date expressions of an article to calendar dates.

Input: an `Article` (sentences with offsets, and `published`).
Output: one `DateMention` per expression, as precise as the text allows
(`YYYY-MM-DD`, `YYYY-MM` or `YYYY`), with `date_end` for ranges ("April
21–22, 2026", "21 to 22 April"). Relative expressions ("on Tuesday", "last
April", "next month", "earlier this year", "two years ago") are anchored on
the wire dateline's date when the article has one ("BEIJING, April 21
(Xinhua) --"), else on the publication date. An expression that cannot be
anchored (no publication date) is kept with `date=None`: never a guess.

Why our own candidate finder instead of running dateparser over the text:
general date parsers fire on "2+2" (2 February), on the modal "may" and on
surnames such as "Jun" (Dong Jun), and turn "last April" into plain "April".
Diplomatic reporting uses a small set of date shapes; explicit patterns find
them exactly, and the calendar arithmetic is the standard library's.

Which way a year-less or weekday expression resolves (the next Saturday or
the last one) depends on tense: a sentence with a future cue ("will", "is set
to", "scheduled") looks forward, otherwise backward.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterator

from diplograph.extract.folding import folded_search
from diplograph.models import Article, DateMention, Sentence, parse_partial_date
from diplograph.vocab import NUMBER_WORDS as VOCAB_NUMBERS

MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
NUMBER_WORDS = {
    **VOCAB_NUMBERS, "a": 1, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "twenty-five": 25,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "seventy-five": 75, "eighty": 80,
    "ninety": 90,
}  # "a year ago", "thirty years ago"  # fmt: skip

# Full month names, or abbreviations with a dot ("Jan.", "Sept."); bare
# "May"/"Jun" are only accepted next to a day number or a year (see below). Translated releases write
# months in lower case ("in april this year"); not "may", "march" and "august", which are other words.
_M = (
    r"(?P<{0}>January|February|March|April|May|June|July|August|September|October|November|December"
    r"|january|february|april|june|july|september|october|november|december"
    r"|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.|Sept|Sep|Oct|Nov|Dec|Jan|Feb|Aug)"
)
_D = r"(?P<{0}>[0-3]?\d)(?:st|nd|rd|th)?"
_Y = r"(?P<{0}>(?:19|20)\d\d)"
_DASH = r"\s*(?:-|–|—|to|until|till|through|and)\s*"
_DASH2 = r"\s*(?:-|–|—|to|until|till|through)\s*"
_WD = r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b" + _Y.format("y") + r"-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
    # April 30 to May 2, 2026 / 30 April to 2 May 2026
    (
        "md_md_y",
        re.compile(
            r"\b"
            + _M.format("m")
            + r"\s+"
            + _D.format("d")
            + _DASH2
            + _M.format("m2")
            + r"\s+"
            + _D.format("d2")
            + r"(?:,?\s+"
            + _Y.format("y")
            + r")?\b"
        ),
    ),
    (
        "dm_dm_y",
        re.compile(
            r"\b"
            + _D.format("d")
            + r"\s+"
            + _M.format("m")
            + _DASH2
            + _D.format("d2")
            + r"\s+"
            + _M.format("m2")
            + r"(?:,?\s+"
            + _Y.format("y")
            + r")?\b"
        ),
    ),
    # April 21–22, 2026 / April 21 to 22
    (
        "md_d_y",
        re.compile(
            r"\b"
            + _M.format("m")
            + r"\s+"
            + _D.format("d")
            + _DASH
            + _D.format("d2")
            + r"(?:,?\s+"
            + _Y.format("y")
            + r")?\b"
        ),
    ),
    # 21–22 April 2026 / 21 to 22 April
    (
        "d_dm_y",
        re.compile(
            r"\b"
            + _D.format("d")
            + _DASH
            + _D.format("d2")
            + r"\s+(?:of\s+)?"
            + _M.format("m")
            + r"(?:,?\s+"
            + _Y.format("y")
            + r")?\b"
        ),
    ),
    # Monday, April 21, 2025 / April 21 / Jan. 9, 2020 / November 26 of 2018 / September 29 in 2020
    (
        "md_y",
        re.compile(
            _WD
            + r"\b"
            + _M.format("m")
            + r"\s+"
            + _D.format("d")
            + r"(?![\d:])(?:,?\s+(?:of\s+|in\s+)?"
            + _Y.format("y")
            + r")?\b"
        ),
    ),
    # 21 April 2025 / 14 November / the 9th of October / 29 September in 2020
    (
        "dm_y",
        re.compile(
            _WD
            + r"\b"
            + _D.format("d")
            + r"\s+(?:of\s+)?"
            + _M.format("m")
            + r"(?:,?\s+(?:in\s+)?"
            + _Y.format("y")
            + r")?\b"
        ),
    ),
    # early/mid/late April 2022 ; September 2018 ; June last ; last April ; next March ; in November this year
    (
        "month",
        re.compile(
            r"\b(?P<rel>(?i:last|next|this|coming|early|mid|late|earlier|later))?[\s-]*"
            + _M.format("m")
            + r"(?:\s+(?P<y>(?:19|20)\d\d)|\s+(?P<suffix>last|next)\b(?!\s+(?:year|week|month))"
            r"|\s+(?:of\s+)?(?P<this>this|last|next)\s+year)?\b"
        ),
    ),
    (
        "weekday",
        re.compile(
            r"\b(?P<rel>(?i:last|next|this|on|coming|previous|from|starting))?\s*(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
            # "on Saturday, July 6th": the date that follows names the day
            r"(?!,?\s+(?:the\s+)?(?:\d|[A-Z][a-z]{2,8}\.?\s+\d))"
        ),
    ),
    (
        "day_word",
        re.compile(
            r"\b(?P<w>today|yesterday|tomorrow|tonight|this\s+(?:morning|afternoon|evening)|last\s+night|the\s+previous\s+day|the\s+day\s+before|the\s+following\s+day|the\s+next\s+day)\b",
            re.I,
        ),
    ),
    (
        "period",
        re.compile(
            r"\b(?P<rel>last|next|this|past|coming|earlier this|later this|early this|late this|earlier next"
            # ("at the end of the month", "by the end of next year", "the beginning of this month")
            # (not a deadline: "before the end of the year")
            r"|later next|(?<!before\s)(?<!by\s)(?<!until\s)(?<!till\s)the\s+(?:end|beginning|start|middle)\s+of\s+"
            r"(?:the|this|next|last))\s+"
            r"(?P<unit>week|month|year)\b",
            re.I,
        ),
    ),
    (
        "ago",
        re.compile(
            # ("Thirty years ago France and Germany formed a joint brigade")
            r"\b(?P<n>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|twenty-five|"
            r"thirty|forty|fifty|sixty|seventy|seventy-five|eighty|ninety|a|\d+)\s+(?P<unit>days?|weeks?|months?|years?)"
            r"\s+ago\b",
            re.I,
        ),
    ),
    (
        "start_of_year",
        re.compile(
            r"\b(?:at\s+)?the\s+(?P<edge>beginning|start|end)\s+of\s+(?P<which>this|last|next)\s+year\b", re.I
        ),
    ),
    # (not a count: "saw 2000 Australian personnel participating", "2000 troops")
    (
        "year",
        re.compile(
            r"(?<![\d$£€.,/-])\b(?P<y>(?:19[4-9]|20[0-9])\d)\b(?![\d%]|,\d|-\d|\.\d)"
            r"(?!\s+(?:[A-Z][\w-]+\s+)?(?:personnel|troops|soldiers|sailors|marines|servicemen|people|officers|"
            r"participants|delegates|members|km|kilometres|kilometers|tonnes|tons|vehicles|aircraft|ships)\b)"
            # (nor the year of another affair: "Maduro's disputed 2018 reelection", "the 2020 election")
            r"(?!\s+(?:presidential\s+|general\s+|parliamentary\s+)?(?:re-?)?elections?\b|\s+polls?\b|\s+referendum\b|"
            r"\s+coup\b|\s+census\b|\s+(?:world\s+cup|olympics|olympic\s+games)\b)"
        ),
    ),
    # "will take place on the 15th": a day of the month the article was written in (not "the 15th
    # anniversary", "the 15th session": a day only where the phrase ends)
    (
        "day_of_month",
        re.compile(
            r"\bon\s+the\s+(?P<d>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b(?:\s+of\s+(?:this|the)\s+month\b)?"
            r"(?=\s*(?:[.,;:)]|$|and\b|in\s+(?-i:[A-Z])))"
        ),
    ),
]
# "May" and "Jun" as bare words are usually the modal verb and a surname.
_AMBIGUOUS_MONTHS = {"may", "jun", "mar", "aug"}
FUTURE_CUES = re.compile(
    r"\b(will|shall|to be held|to hold|to host|to visit|to travel|to leave for|to depart for|set to|been set for|"
    r"scheduled|slated|plans? to|planned|"
    r"planning|upcoming|next|is to|are to|going to|would be held|would hold|would be hosted|expected to|due to|"
    # "Macron is due in Hanoi on Sunday"
    r"(?:is|are) due (?:in|at)(?= (?-i:[A-Z]))|"
    r"ahead of|later this|coming|on track to|poised to|consider(?:s|ing)|propos(?:e|es|ing)|arranging|"
    r"would (?:resume|meet|host|visit|convene|sign|travel|take\s+place|be\s+signed|go\s+ahead)|"
    r"about to|to meet|to convene|to sign|meet again|"
    # "arrived … to deliver an invitation to King Abdullah II to attend the Arab summit … on May 17"
    r"invitations? to|invited to|"
    r"likely to|to take place|to be hosted|to begin|to start|to open|"
    r"(?:agreed|decided) to (?:send|hold|meet|convene|host|dispatch)|about (?:holding|hosting|convening)|"
    # "postponed until at least September": the new time of what was put off
    r"(?:postponed|delayed|pushed back|put off|rescheduled|moved) (?:from [^.;]{1,30}? )?(?:until|till|to)|"
    # "Exercise Tradewinds 2016 Starts Sunday", "the summit opens Monday": the present of a timetable
    r"(?:starts|begins|opens|kicks off|commences) (?:on )?(?:monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday|tomorrow))\b",
    re.I,
)
# "The first G20 summit to be held in Africa": the superlative's infinitive plans nothing (but
# "the second summit, which is to be held in Astana" does: the infinitive is a relative clause's verb).
SUPERLATIVE_TO_BE = re.compile(
    r"\b(?:first|second|third|last|only)\b[^.;,]{0,40}?(?<!\bis\s)(?<!\bare\s)(?<!\bwas\s)(?<!\bwere\s)"
    r"\b(to\s+be\s+(?:held|hosted))\b"
    # (a main verb follows: "… to be held in Africa opened on Saturday"; a headline's bare "First
    # China-CELAC ministerial summit to be held in Beijing" plans it)
    r"(?=[^.;]{0,80}?\b(?:opened|began|was|were|is|are|has|have|had|took|ended|concluded|will|\w{3,}ed)\b)",
    re.I,
)


def blank_infinitive(m: re.Match[str]) -> str:
    "Return the match with its 'to be held' blanked out (the same length keeps offsets)."
    start = m.start(1) - m.start()
    return m.group()[:start] + " " * len(m.group(1))


_DATELINE = re.compile(
    r"^[A-Z][A-Z .'’-]+,\s+(?:[A-Z][a-z]+,\s+)?"
    + _M.format("m")
    + r"\s+"
    + _D.format("d")
    + r"(?:,?\s+"
    + _Y.format("y")
    + r")?\s*(?:\(|--|—|–)",
    re.M,
)


def resolve_dates(article: Article) -> list[DateMention]:
    """Return every date expression in `article`, resolved against its anchor date.

    Args:
        article: a cleaned article; `article.published` may be partial or None.

    Returns:
        Mentions in text order. An expression that cannot be anchored keeps
        `date=None`, so the evidence is never lost.
    """
    anchor = dateline_date(article) or article.published_date
    year_only = article.published is not None and len(article.published) == 4
    # Published "2024-07" with no dateline: "this Saturday" or "yesterday" has no day to count from.
    day_unknown = year_only or (
        article.published is not None and len(article.published) == 7 and dateline_date(article) is None
    )
    if article.published is not None and len(article.published) == 7 and anchor is not None:
        # Published "2024-07": anchor on the month's last day, so that "July 28" stays in 2024.
        anchor = (anchor.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    out: list[DateMention] = []
    for sentence in article.sentences:
        out.extend(_sentence_dates(sentence, anchor, year_only, day_unknown))
    out = in_the_year_named_next(article.text, in_the_year_last_named(article.text, out))
    out = sorted(out + the_same_years(article, out), key=lambda m: m.start)
    return with_the_dateline_marked(article, out)


# "the first meeting of BRIC foreign ministers in New York that same year", "later that year": a
# year of its own, the one the text named last.
_THE_SAME_YEAR = re.compile(
    r"\b(?:(?:in|during|later|earlier)\s+)?(?:that|the)\s+same\s+year\b|\blater\s+that\s+year\b", re.I
)


def the_same_years(article: Article, mentions: list[DateMention]) -> list[DateMention]:
    """Return a mention for each bare "that same year", dated to the year the text named before it.

    Why: without one, the event such a phrase dates takes the publication's year, which in a
    history ("The group began in 2006 … the first meeting of its foreign ministers that same
    year") is the wrong one by decades, and with it the members of the grouping on that date.
    """
    text = article.text
    taken = [(m.start, m.end) for m in mentions]
    out = []
    for found in _THE_SAME_YEAR.finditer(text):
        if any(lo < found.end() and found.start() < hi for lo, hi in taken):
            continue  # ("in March the same year": the month's mention has its year already)
        years = _EXPLICIT_YEAR.findall(text, 0, found.start())
        sentence = next((s for s in article.sentences if s.start <= found.start() < s.end), None)
        if not years or sentence is None:
            continue
        out.append(
            DateMention(
                text=found.group(),
                start=found.start(),
                end=found.end(),
                sentence=sentence.index,
                date=years[-1],
            )
        )
    return out


# "On September 26 of that year", "in March the same year": the year the text named last.
_THAT_YEAR_AFTER = re.compile(r"\s*,?\s*(?:of\s+)?(?:that|the\s+same)\s+year\b", re.I)
_EXPLICIT_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def in_the_year_last_named(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """Return the mentions with a day or month 'of that year' put in the year the text named before it.

    Why: "John Kerry met the five foreign ministers in 2015 … On September 26 of that year …":
    resolved against the publication date, September 26 would land in the story's year.
    """
    out = []
    for m in mentions:
        if (
            m.date
            and len(m.date) >= 7
            and not _EXPLICIT_YEAR.search(m.text)
            and _THAT_YEAR_AFTER.match(text, m.end)
        ):
            years = _EXPLICIT_YEAR.findall(text, 0, m.start)
            if years:
                m = dataclasses.replace(m, date=years[-1] + m.date[4:], relative=False)
        out.append(m)
    return out


_RELATIVE_WORD = re.compile(r"day|week|month|year|ago|next|last|this", re.I)
_LIST_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)")


def in_the_year_named_next(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """Return the mentions with a yearless month or day put in the year of the list item after it.

    Why: "the group met in January and May 2016" names one year for both months; resolved
    against a 2017 publication date, "January" alone would land in 2017.
    """
    out = list(mentions)
    carried = False  # the item after this one took its year from the list's last item
    for k in range(len(out) - 2, -1, -1):
        m, n = out[k], out[k + 1]
        if (
            m.date
            and n.date
            and len(m.date) >= 7
            and not _EXPLICIT_YEAR.search(m.text)
            and not _RELATIVE_WORD.search(m.text)  # "on Monday and in March 2027": two times
            and (carried or _EXPLICIT_YEAR.search(n.text))
            and _LIST_JOIN.fullmatch(text, m.end, n.start)
        ):
            out[k] = dataclasses.replace(m, date=n.date[:4] + m.date[4:], relative=False)
            carried = True
        else:
            carried = False
    return out


def dateline_date(article: Article) -> dt.date | None:
    """Return the date of a wire dateline ("BEIJING, April 21 (Xinhua) --"), if the article has one."""
    published = article.published_date
    match = _DATELINE.search(article.text[:2000])
    if not match:
        return None
    month = _month(match.group("m"))
    day = int(match.group("d"))
    year = int(match.group("y")) if match.group("y") else (published.year if published else None)
    if year is None:
        return None
    try:
        found = dt.date(year, month, day)
    except ValueError:
        return None
    if published and not match.group("y") and found > published + dt.timedelta(days=2):
        found = found.replace(year=year - 1)
    return found


def with_the_dateline_marked(article: Article, mentions: list[DateMention]) -> list[DateMention]:
    """Return the mentions with the wire dateline's own date marked `dateline`.

    Why: the dateline says when the report was filed, not when what it reports happens;
    "JAKARTA, June 10 - Prabowo will pay a state visit to Brazil in July" is a July visit.
    """
    match = _DATELINE.search(article.text[:2000])
    if match is None:
        return mentions
    return [
        dataclasses.replace(m, dateline=True) if match.start() <= m.start < match.end() else m
        for m in mentions
    ]


# What each pattern needs somewhere in the sentence; cheap literal scans that
# spare the full patterns on most sentences.
_NEEDLES = {
    "digit": re.compile(r"\d"),
    "year": re.compile(r"(?:19|20)\d\d"),
    "month": re.compile(
        r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|january|february|april|june|july|september|october|"
        r"november|december"
    ),
    "weekday": re.compile(r"day\b"),
    "word": re.compile(
        r"today|tonight|yesterday|tomorrow|day\b|this\s+(?:morning|afternoon|evening)|last\s+night", re.I
    ),
    "unit": re.compile(r"week|month|year", re.I),
    "ago": re.compile(r"\bago\b", re.I),
}
_NEEDED = {
    "iso": {"year"}, "year": {"year"}, "md_md_y": {"digit", "month"}, "dm_dm_y": {"digit", "month"},
    "md_d_y": {"digit", "month"}, "d_dm_y": {"digit", "month"}, "md_y": {"digit", "month"},
    "dm_y": {"digit", "month"}, "month": {"month"}, "weekday": {"weekday"}, "day_word": {"word"},
    "period": {"unit"}, "ago": {"ago"}, "start_of_year": {"unit"}, "day_of_month": {"digit"},
}  # fmt: skip


def _sentence_dates(
    sentence: Sentence, anchor: dt.date | None, year_only: bool, day_unknown: bool = False
) -> Iterator[DateMention]:
    "Yield the date mentions of one sentence, longest patterns first, without overlaps."
    text = sentence.text
    lowered = text.lower()
    present = {name for name, needle in _NEEDLES.items() if folded_search(needle, text, lowered=lowered)}
    if not present:
        return
    # ("The first G20 summit to be held in Africa opened on Saturday": a superlative's infinitive
    # says nothing of when; the tense is the verb's)
    cued = SUPERLATIVE_TO_BE.sub(blank_infinitive, text)
    future = folded_search(FUTURE_CUES, cued)
    candidates: list[tuple[int, int, str, re.Match[str]]] = []
    for name, pattern in PATTERNS:
        if not _NEEDED[name] <= present:
            continue
        for match in pattern.finditer(text):
            start, end = match.span()
            while start < end and text[start].isspace():
                start += 1
            if start < end and _is_plausible(name, match, text):
                candidates.append((start, end, name, match))
    # Leftmost-longest: "21 to 22 April" beats "22 April and 30 April".
    candidates.sort(key=lambda c: (c[0], c[0] - c[1]))
    last_end = -1
    for start, end, name, match in candidates:
        if start < last_end:
            continue
        last_end = end
        date, date_end, relative = _resolve(
            name, match, anchor, _is_future(cued, start, end, future), year_only, day_unknown
        )
        yield DateMention(
            text=text[start:end],
            start=sentence.start + start,
            end=sentence.start + end,
            sentence=sentence.index,
            date=date,
            date_end=date_end,
            relative=relative,
        )


# (a quotation's closing mark after its comma ends the clause too: '"… in November," Xi said')
_CLAUSE_EDGE = re.compile(r"[,;:][\"”’']?\s|\s(?:and|but|while|whereas)\s")
_PAST_CUES = re.compile(
    # (not a passive present: "is being held in Bishkek from Tuesday" looks neither way)
    r"\b(?<!\bbeing\s)(?:said|met|held|was|were|had|signed|announced|told|visited|attended|hosted|arrived|took|"
    r"struck|began|went|made|sent|gave|came|saw|spoke|flew|led|won|most\s+recently|\w+ed)\b",
    re.I,
)


def _is_future(text: str, start: int, end: int, sentence_future: bool) -> bool | None:
    """Whether the clause around a date looks forward; None when nothing in the sentence says.

    "Wang Yi will visit Phnom Penh on Saturday, the ministry said on Thursday":
    Saturday is ahead, Thursday behind. Without a cue in its own clause, a date
    follows the sentence, unless its clause has a past-tense verb. A line with no
    verb of either tense ("G7 summit, Evian, June 14–16" in a calendar of the year)
    gives no direction: its date is the nearest one (`_year_for`).
    """
    if not sentence_future and not _PAST_CUES.search(text):
        return None
    edges = [m.end() for m in _CLAUSE_EDGE.finditer(text, 0, start)]
    clause_start = edges[-1] if edges else 0
    after = _CLAUSE_EDGE.search(text, end)
    clause = text[clause_start : after.start() if after else len(text)]
    if after and len(clause.split()) <= 4 and not _PAST_CUES.search(clause):
        # "In mid-May, the ministers finalised a draft …": a fronted date takes its verb
        # from the clause it introduces
        clause = text[clause_start : after.end() + 80].split(";")[0]
        future_cue, past_cue = FUTURE_CUES.search(clause), _PAST_CUES.search(clause)
        if future_cue or past_cue:  # the first verb's tense
            return future_cue is not None and (past_cue is None or future_cue.start() < past_cue.start())
    if _A_MEETING_TALKED_OF.search(text, clause_start, start):
        # "The ministers discussed the state visit of President Nazarbayev to China in May": the date is
        # the visit's, which the verb of talk does not place before or after the story
        return None
    if _PAST_VERB_NEXT.match(text, end):
        # "Kihara and his counterpart on Thursday agreed that their countries will consider …": the
        # verb the date stands before is its own, whatever the clause says of the future after it
        return False
    if _TOLD_BEFORE.search(text, clause_start, start) and (that := _THAT.search(text, end)):
        # "Sisi told Ruto in a phone call on Tuesday that Cairo was ready to host talks": what was told
        # is ahead or not; the call's day is behind
        clause = text[clause_start : min(that.start(), len(text) if after is None else after.start())]
        return False if _PAST_CUES.search(clause) else None
    if FUTURE_CUES.search(clause):
        # "wrapped up their first summit on Friday with a decision to meet every two years": the verb
        # before the date is its own; what was decided after it looks forward
        if cue_after := FUTURE_CUES.match(text, end, end + 15) or FUTURE_CUES.search(text, end, end + 15):
            # "agreed at their meeting on Tuesday to begin talks", "gathered on Monday ahead of the
            # summit": an infinitive or a landmark after the date looks beyond it; the past verb before
            # it is the date's own. Otherwise "on March 5 next year".
            looks_beyond = _LOOKS_BEYOND_ITS_DATE.match(cue_after.group())
            return not (looks_beyond and _tense_before(text, clause_start, start) is False)
        if (told := _tense_before(text, clause_start, start)) is not None:
            return told
        return True
    if _PRESENT_COPULA.search(clause) and not _PAST_CUES.search(clause):
        # '"The most important event in our relations is President Trump's visit in November," Xi said': a
        # clause in the present speaks of its own time; the reporting verb's past is not its date's
        return None
    # (a clause of no tense of its own takes the sentence's last verb of tense before it: "Tbilisi hosted
    # the next round of consultations of Turkmenistan and Georgia on Friday" is behind us)
    return sentence_future and not _PAST_CUES.search(clause) and _tense_before(text, 0, start) is not False


_PRESENT_COPULA = re.compile(r"\b(?:is|are)\b")
# A meeting named as what was talked of or prepared, up to the date: "discussed the upcoming state visit of …"
_A_MEETING_TALKED_OF = re.compile(
    r"\b(?:discuss(?:ed|es|ing)?|review(?:ed|s|ing)?|talked\s+about|exchanged\s+views\s+on|"
    r"preparations?\s+for)\s+(?:the\s+|a\s+|an\s+)?(?:[\w’'-]+\s+){0,3}?(?:visit|summit|trip|tour)\b[^,;]*$",
    re.I,
)


def _tense_before(text: str, clause_start: int, start: int) -> bool | None:
    "Whether the last verb of tense before a date in its clause looks forward; None when there is none."
    # (nor "the next round" an adjective's: "Tbilisi hosted the next round on Friday" is behind us)
    future = [
        m.start()
        for m in FUTURE_CUES.finditer(text, clause_start, start)
        if not (
            m.group().lower() == "next" and _DETERMINER_BEFORE.search(text, max(0, m.start() - 8), m.start())
        )
    ]
    # (lower case only: "the United States" is no past tense)
    # (nor a passive's participle: "will be held")
    past = [
        m.start()
        for m in _PAST_CUES.finditer(text, clause_start, start)
        if text[m.start()].islower()
        and not _PASSIVE_BEFORE.search(text, max(0, m.start() - 8), m.start())
        and not _ADJECTIVE_PLACE_BEFORE.search(text, max(0, m.start() - 30), m.start())
    ]
    if not future and not past:
        return None
    return bool(future) and (not past or max(future) >= max(past))


# Future cues that, right after a date, say what follows the dated act rather than when it is.
_LOOKS_BEYOND_ITS_DATE = re.compile(r"to\s|ahead\s+of\b", re.I)
# Where an "-ed" word is an adjective, not a verb of tense: "to repair strained ties", "their renewed talks"
_ADJECTIVE_PLACE_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|their|its|his|her|our|this|these|those|more|most|newly|highly)\s+|"
    r"\bto\s+(?!(?:have|be|been)\b)\w+\s+)$",
    re.I,
)
_PASSIVE_BEFORE = re.compile(r"\b(?:be|been|being)\s+$")
_DETERMINER_BEFORE = re.compile(r"\b(?:the|their|its|our)\s+$", re.I)
_TOLD_BEFORE = re.compile(r"\b(?:told|informed|assured|briefed)\s+[A-Z]")
_THAT = re.compile(r"\sthat\s")


_PAST_VERB_NEXT = re.compile(
    r",?\s+(?:also\s+)?(?:agreed|signed|met|held|discussed|reviewed|announced|exchanged|pledged|reaffirmed|"
    r"vowed|decided|adopted|issued|said|told|inked|concluded|began|opened|visited|hosted|welcomed)\b",
    re.I,
)


# Month names a translated release may write in lower case ("in april this year"), none of them another word.
_LOWER_CASE_MONTHS = frozenset(
    {"january", "february", "april", "june", "july", "september", "october", "november", "december"}
)


def _is_plausible(name: str, match: re.Match[str], text: str) -> bool:
    "Reject matches that are probably not dates (the modal 'may', 'Dong Jun', '2+2')."
    groups = match.groupdict()
    month = (groups.get("m") or "").rstrip(".").lower()
    if name == "month":
        if month in _AMBIGUOUS_MONTHS and not (groups.get("y") or groups.get("rel") or groups.get("this")):
            before = text[: match.start()].rstrip().lower()
            if not re.search(r"\b(in|since|until|by|of|from|during|early|mid|late|last|next)$", before):
                return False
        if match.group("m")[0].islower() and match.group("m") not in _LOWER_CASE_MONTHS:
            return False
    if (
        name in ("md_y", "dm_y", "md_d_y", "d_dm_y", "md_md_y", "dm_dm_y")
        and match.group("m")[0].islower()
        and match.group("m") not in _LOWER_CASE_MONTHS
    ):
        return False
    if name == "weekday" and not match.group("rel"):
        # A bare weekday ("said Monday") is a date in wire style; keep it.
        return True
    # ("a Palestinian state on the borders of June 4, 1967", "the pre-1967 lines": a line drawn on that
    # day, which dates no meeting)
    return not (
        _A_LINE_OF_THE_DATE_BEFORE.search(text, max(0, match.start() - 40), match.start())
        or _A_LINE_OF_THE_DATE_AFTER.match(text, match.end())
    )


_A_LINE_OF_THE_DATE_BEFORE = re.compile(
    r"\b(?:borders?|lines?|boundar(?:y|ies)|frontiers?|ceasefire\s+lines?)\s+(?:of|as\s+of|before)\s+(?:the\s+)?"
    r"(?:(?-i:[A-Z])[a-z]+\s+\d{1,2},?\s+|\d{1,2}\s+(?-i:[A-Z])[a-z]+,?\s+)?$|\bpre-$",
    re.I,
)
_A_LINE_OF_THE_DATE_AFTER = re.compile(r"\s*(?:borders?|lines|boundar(?:y|ies)|frontiers?)\b", re.I)


def _resolve(
    name: str,
    m: re.Match[str],
    anchor: dt.date | None,
    future: bool | None,
    year_only: bool,
    day_unknown: bool = False,
) -> tuple[str | None, str | None, bool]:
    "Return (date, date_end, relative) for a match of pattern `name`."
    g = m.groupdict()
    if name == "iso":
        return _iso(int(g["y"]), int(g["m"]), int(g["d"])), None, False
    if name == "year":
        return g["y"], None, False
    if name in ("md_md_y", "dm_dm_y"):
        year = _year_for(g.get("y"), _month(g["m"]), int(g["d"]), anchor, future)
        if year is None:
            return None, None, True
        start = _iso(year, _month(g["m"]), int(g["d"]))
        end_year = year + 1 if _month(g["m2"]) < _month(g["m"]) else year
        return start, _iso(end_year, _month(g["m2"]), int(g["d2"])), g.get("y") is None
    if name in ("md_d_y", "d_dm_y"):
        month = _month(g["m"])
        year = _year_for(g.get("y"), month, int(g["d"]), anchor, future)
        if year is None:
            return None, None, True
        return _iso(year, month, int(g["d"])), _iso(year, month, int(g["d2"])), g.get("y") is None
    if name in ("md_y", "dm_y"):
        month = _month(g["m"])
        year = _year_for(g.get("y"), month, int(g["d"]), anchor, future)
        if year is None:
            return None, None, True
        return _iso(year, month, int(g["d"])), None, g.get("y") is None
    if name == "month":
        return _resolve_month(g, anchor, future), None, not g.get("y")
    if anchor is None or year_only:
        return None, None, True
    if name == "day_of_month":
        if day_unknown:
            return f"{anchor.year:04d}-{anchor.month:02d}", None, True
        day, month, year = int(g["d"]), anchor.month, anchor.year
        if m.group().endswith("month"):
            pass  # "the 2nd of this month"
        elif future and day < anchor.day:
            month, year = (1, year + 1) if month == 12 else (month + 1, year)
        elif future is False and day > anchor.day:
            month, year = (12, year - 1) if month == 1 else (month - 1, year)
        return _iso(year, month, day), None, True
    if name in ("weekday", "day_word") and day_unknown:
        # "today", "on Sunday" in an article dated only by its month: that month (a day near a
        # month's edge may belong to the next or the last one; the month is still the best guess)
        return f"{anchor.year:04d}-{anchor.month:02d}", None, True
    if name == "weekday":
        return _resolve_weekday(g, anchor, future), None, True
    if name == "day_word":
        word = " ".join(g["w"].lower().split())
        shift = {
            "today": 0,
            "tonight": 0,
            "this morning": 0,
            "this afternoon": 0,
            "this evening": 0,
            "last night": -1,
            "yesterday": -1,
            "tomorrow": 1,
            "the previous day": -1,
            "the day before": -1,
            "the following day": 1,
            "the next day": 1,
        }[word]
        return (anchor + dt.timedelta(days=shift)).isoformat(), None, True
    if name == "period":
        return _resolve_period(g["rel"].lower(), g["unit"].lower(), anchor), None, True
    if name == "ago":
        n = NUMBER_WORDS.get(g["n"].lower()) or int(g["n"])
        unit = g["unit"].lower().rstrip("s")
        if unit == "year":
            return str(anchor.year - n), None, True
        if unit == "month":
            return _shift_month(anchor, -n), None, True
        days = n * (7 if unit == "week" else 1)
        return (
            (anchor - dt.timedelta(days=days)).isoformat()
            if unit == "day"
            else _month_of(anchor - dt.timedelta(days=days)),
            None,
            True,
        )
    if name == "start_of_year":
        shift = {"this": 0, "last": -1, "next": 1}[g["which"].lower()]
        return str(anchor.year + shift), None, True
    return None, None, True


def _month(word: str) -> int:
    return MONTHS[word.rstrip(".").lower()]


def _iso(year: int, month: int, day: int) -> str | None:
    "Return YYYY-MM-DD, or YYYY-MM when the day does not exist in that month."
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return f"{year:04d}-{month:02d}" if 1 <= month <= 12 else None


def _year_for(
    explicit: str | None, month: int, day: int, anchor: dt.date | None, future: bool | None
) -> int | None:
    "Return the year of a day-and-month expression: explicit, else the nearest one in the sentence's direction."
    if explicit:
        return int(explicit)
    if anchor is None:
        return None
    try:
        candidate = dt.date(anchor.year, month, min(day, 28))
    except ValueError:
        return anchor.year
    if candidate.month == anchor.month:
        return anchor.year  # "on July 6" in a July article: this July, whatever the tense
    if future is None:  # no tense: the nearest of last year's, this year's and next year's
        return min(
            (anchor.year - 1, anchor.year, anchor.year + 1),
            key=lambda y: abs((dt.date(y, month, min(day, 28)) - anchor).days),
        )
    if future and candidate < anchor - dt.timedelta(days=7):
        return anchor.year + 1
    if not future and candidate > anchor + dt.timedelta(days=7):
        return anchor.year - 1
    return anchor.year


def _resolve_month(g: dict[str, str | None], anchor: dt.date | None, future: bool | None) -> str | None:
    "Resolve 'September 2018', 'last April', 'June last', 'in November this year', 'mid-April'."
    month = _month(g["m"] or "")
    if g.get("y"):
        return f"{g['y']}-{month:02d}"
    if anchor is None:
        return None
    rel = (g.get("rel") or "").lower()
    this = (g.get("this") or "").lower()
    suffix = (g.get("suffix") or "").lower()
    if this == "this":
        return f"{anchor.year}-{month:02d}"
    if this == "last" or suffix == "last":
        return f"{anchor.year - 1}-{month:02d}"
    if this == "next" or suffix == "next":
        return f"{anchor.year + 1}-{month:02d}"
    if rel == "last":
        year = anchor.year if month < anchor.month else anchor.year - 1
        return f"{year}-{month:02d}"
    if rel in ("next", "coming"):
        year = anchor.year if month > anchor.month else anchor.year + 1
        return f"{year}-{month:02d}"
    if rel == "this":
        return f"{anchor.year}-{month:02d}"
    if future is None:  # no tense: the nearest such month
        ahead = (month - anchor.month) % 12
        return (
            f"{anchor.year + (month < anchor.month)}-{month:02d}"
            if ahead <= 6
            else (f"{anchor.year - (month > anchor.month)}-{month:02d}")
        )
    # A bare month: the nearest one in the sentence's direction.
    if future and month < anchor.month:
        return f"{anchor.year + 1}-{month:02d}"
    if not future and month > anchor.month:
        return f"{anchor.year - 1}-{month:02d}"
    return f"{anchor.year}-{month:02d}"


def _resolve_weekday(g: dict[str, str | None], anchor: dt.date, future: bool | None) -> str:
    "Resolve 'on Saturday', 'last Tuesday', 'next Monday' against the anchor."
    target = WEEKDAYS[(g["wd"] or "").lower()]
    rel = (g.get("rel") or "").lower()
    delta = (target - anchor.weekday()) % 7
    # ("is being held in Bishkek from Tuesday": a start named with no tense is the coming one)
    if (
        rel == "next"
        or (rel in ("on", "", "this", "coming") and future)
        or (rel in ("from", "starting") and future is not False)
    ):
        return (anchor + dt.timedelta(days=delta or (7 if rel == "next" else 0))).isoformat()
    if future is None and rel in ("", "on") and delta == 1:
        # ("Friday's other big summit: Why the Modi-Xi meeting matters" on a Thursday: a day named with no
        # tense is the nearer one, tomorrow rather than six days back)
        return (anchor + dt.timedelta(days=1)).isoformat()
    back = (anchor.weekday() - target) % 7
    if rel in ("last", "previous") and back == 0:
        back = 7
    return (anchor - dt.timedelta(days=back)).isoformat()


def _resolve_period(rel: str, unit: str, anchor: dt.date) -> str:
    "Resolve 'last week', 'next month', 'earlier this year', 'this week' to the precision of the unit."
    if " of" in rel:  # "the end of next month": the month the last word names
        rel = rel.split()[-1]
    step = {"last": -1, "past": -1, "next": 1, "coming": 1, "earlier next": 1, "later next": 1}.get(rel, 0)
    if unit == "year":
        return str(anchor.year + step)
    if unit == "month":
        return _shift_month(anchor, step)
    # Weeks are reported at month precision: the schema has no week precision.
    return _month_of(anchor + dt.timedelta(days=7 * step))


def _shift_month(anchor: dt.date, months: int) -> str:
    index = anchor.year * 12 + anchor.month - 1 + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _month_of(day: dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def precision_of(date: str | None) -> int:
    """Return 3 for a day, 2 for a month, 1 for a year, 0 for None: higher is more precise."""
    if not date:
        return 0
    return date.count("-") + 1


def is_within(date: str | None, since: str | None = None, until: str | None = None) -> bool:
    """True when a partial ISO date overlaps the [since, until] interval (partial bounds allowed)."""
    if date is None:
        return since is None and until is None
    if since and date < since[: len(date)]:
        return False
    return not (until and date[: len(until)] > until)


__all__ = ["dateline_date", "is_within", "parse_partial_date", "precision_of", "resolve_dates"]
