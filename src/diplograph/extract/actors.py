"""Recognise the actors of an article: states, groupings, organisations, people, places.

Input: an `Article` and the `Gazetteer`. Output: `ActorMention`s in text
order, each with its offsets, its sentence and what it resolves to (ISO3 for
states, grouping members, a person's country and role, a city's country).

Why a gazetteer ruler rather than a statistical NER: the things that matter
here (states under every name, demonym and capital; the office-holders of a
few dozen governments) are a closed list, and a list lookup is exact, fast
(one dict probe per token n-gram) and needs no model download. Titles and
appositions ("Cambodian Defense Minister Tea Seiha", "their Philippine
counterparts") catch people the registry does not know, and a bare later
mention ("Wang said") is resolved against the people already found in the
same article, then against the registry of office-holders in office on the
publication date.

What it does not do: decide whether a state takes part in an event (that is
`events.py`'s job), or resolve pronouns.
"""

from __future__ import annotations

import bisect
import collections
import functools
import itertools
import re
import unicodedata
from dataclasses import dataclass, replace
from importlib import resources
from typing import Any

import yaml

from diplograph.extract.gazetteer import (
    COMBINING_FORMS,
    MAX_NAME_TOKENS,
    Entry,
    Gazetteer,
    OfficeHolder,
    fold_name,
    load_gazetteer,
    token_key,
    tokenize,
    without_accents,
)
from diplograph.models import ActorMention, Article
from diplograph.vocab import ActorType

COMPONENT = "gazetteer.v1"

# Words after which a bare surname of one office holder in office is taken to be that holder
# ("Putin held talks with Kim", "Albanese will travel to Jakarta").
ACTION_WORDS = frozenset(
    [
        "met",
        "meets",
        "meet",
        "held",
        "holds",
        "hosted",
        "hosts",
        "visited",
        "visits",
        "invited",
        "invites",
        "arrived",
        "arrives",
        "signed",
        "signs",
        "will",
        "would",
        "also",
        "has",
        "had",
        "is",
        "was",
        "travelled",
        "traveled",
        "received",
        "receives",
        "welcomed",
        "welcomes",
        "spoke",
        "attended",
        "attends",
        "chaired",
        "made",
        "makes",
        "paid",
        "pays",
        "phoned",
        "telephoned",
        "talked",
        "discussed",
    ]
)

# Words after which a bare surname is taken to be a person already named
# ("Wang said"); also used to accept one-word registry names.
# Words right before a bare surname that make it the person met: "talks with Lavrov", "hosted Blinken".
MET_WORDS = frozenset(
    [
        "with",
        "met",
        "meets",
        "meet",
        "meeting",
        "host",
        "hosted",
        "hosts",
        "receive",
        "received",
        "receives",
        "welcome",
        "welcomed",
        "welcomes",
    ]
)

SPEECH_VERBS = frozenset(
    [
        "said",
        "says",
        "told",
        "added",
        "noted",
        "stressed",
        "stated",
        "urged",
        "called",
        "emphasized",
        "emphasised",
        "underlined",
        "welcomed",
        "expressed",
        "announced",
        "pointed",
        "highlighted",
        "warned",
        "agreed",
        "asked",
        "remarked",
    ]
)
# Tokens that can never start or continue a person's name.
NOT_NAME = frozenset(
    [
        "The",
        "A",
        "An",
        "And",
        "Of",
        "In",
        "On",
        "At",
        "For",
        "With",
        "By",
        "To",
        "From",
        "As",
        "But",
        "Or",
        "Nor",
        "That",
        "This",
        "These",
        "Those",
        "It",
        "He",
        "She",
        "They",
        "We",
        "His",
        "Her",
        "Their",
        "Our",
        "Its",
        "Both",
        "All",
        "Each",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Jan.",
        "Feb.",
        "Mar.",
        "Apr.",
        "Aug.",
        "Sept.",
        "Sep.",
        "Oct.",
        "Nov.",
        "Dec.",
        "Ministry",
        "Minister",
        "Ministers",
        "Foreign",
        "Defence",
        "Defense",
        "Affairs",
        "Secretary",
        "State",
        "Government",
        "Department",
        "Office",
        "Council",
        "Committee",
        "Summit",
        "Meeting",
        "Dialogue",
        # a title-case headline's verb: "Prime Minister Chairs Joint GCC-Russian Federation Ministerial Meeting"
        *[
            "Chairs",
            "Co-Chairs",
            "Meets",
            "Meet",
            "Holds",
            "Hold",
            "Hosts",
            "Host",
            "Visits",
            "Visit",
            "Receives",
            "Calls",
            "Says",
            "Signs",
            "Sign",
            "Attends",
            "Arrives",
            "Leaves",
            "Urges",
            "Discusses",
            "Discuss",
            "Welcomes",
            "Opens",
            "Concludes",
            "Launches",
            "Inaugurates",
            "Addresses",
            "Leads",
            "Speaks",
            "Congratulates",
            "Pledges",
            "Vows",
            "Reaffirms",
            "Stresses",
            "Travels",
            "Departs",
            "Embarks",
            "Joins",
            "Announces",
            "Agree",
            "Agrees",
            "Conducts",
            "Conduct",
            "Begins",
            "Wraps",
            "Ends",
            "Heads",
            "Unveils",
            "Briefs",
            "Phones",
            "Dials",
            "Talks",
        ],
    ]
)


@dataclass(frozen=True, slots=True)
class _Title:
    key: tuple[str, ...]
    role: str
    country: str | None


@dataclass(frozen=True, slots=True)
class _Rules:
    masks: frozenset[tuple[str, ...]]
    mask_longest: dict[str, int]
    titles: dict[tuple[str, ...], _Title]
    title_longest: dict[str, int]
    max_title: int
    ranks: frozenset[str]
    locatives: frozenset[str]
    particles: frozenset[str]


@functools.cache
def _rules() -> _Rules:
    "Load the versioned recognition rules shipped with the package."
    path = resources.files("diplograph") / "rules" / "actors.v1.yaml"
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    titles = {}
    for row in data["titles"]:
        key = tuple(t.lower() for t in token_key(row["title"]))
        titles[key] = _Title(key, row["role"], row.get("country"))
    masks = frozenset(token_key(m) for m in data["masks"]) | frozenset(
        token_key(m.upper()) for m in data["masks"]
    )
    mask_longest: dict[str, int] = {}
    for key in masks:
        mask_longest[key[0]] = max(mask_longest.get(key[0], 0), len(key))
    title_longest: dict[str, int] = {}
    for key in titles:
        title_longest[key[0]] = max(title_longest.get(key[0], 0), len(key))
    return _Rules(
        masks=masks,
        mask_longest=mask_longest,
        titles=titles,
        title_longest=title_longest,
        max_title=max(len(k) for k in titles),
        ranks=frozenset(data["ranks"]),
        locatives=frozenset(data["locatives"]),
        particles=frozenset(data["name_particles"]),
    )


class _Tokens:
    """The article's tokens with their offsets and sentence numbers."""

    def __init__(self, article: Article) -> None:
        toks = tokenize(article.text)
        self.words = [t for t, _, _ in toks]
        self.lowered = [w.lower() for w in self.words]
        self.starts = [s for _, s, _ in toks]
        self.ends = [e for _, _, e in toks]
        starts = [s.start for s in article.sentences]
        self.sentence = [max(bisect.bisect_right(starts, s) - 1, 0) for s in self.starts]

    def __len__(self) -> int:
        return len(self.words)

    def lower(self, i: int) -> str:
        return self.lowered[i] if 0 <= i < len(self.words) else ""


# Words that make a continent's adjective one of its regions ("central African", "West African")
_COMPASS_WORDS = frozenset(
    [
        "central",
        "west",
        "western",
        "east",
        "eastern",
        "north",
        "northern",
        "south",
        "southern",
        "southeast",
        "southeastern",
        "northeast",
        "northeastern",
        "southwest",
        "southwestern",
        "northwest",
        "northwestern",
        "sub-saharan",
    ]
)


def find_actors(article: Article, gazetteer: Gazetteer | None = None) -> list[ActorMention]:
    """Return every actor mention in `article`, in text order.

    Args:
        article: a cleaned article.
        gazetteer: the reference tables; the shipped ones by default.

    Returns:
        Mentions of states (with `via`), groupings and organisations (with
        `members` on the publication date), people (with country and role),
        places (with country; `via="dateline"` for a wire dateline) and known
        mechanisms. A capital used for its government yields both a place and
        a state mention.
    """
    gaz = gazetteer or load_gazetteer()
    toks = _Tokens(article)
    mentions: list[ActorMention] = []
    covered: set[int] = set()
    mentions += _people_with_titles(article, toks, gaz, covered)
    mentions += _people_before_titles(article, toks, gaz, covered)
    mentions += _people_after_offices_of_states(article, toks, gaz, covered)
    mentions += _ships_of_navies(article, toks, gaz, covered)
    mentions += _gazetteer_mentions(article, toks, gaz, covered)
    mentions += _people_by_surname(article, toks, gaz, covered, mentions)
    mentions = [
        m for m in mentions if not (m.text in ("Indo", "indo") and _A_REGION_AFTER.match(article.text, m.end))
    ]
    mentions.sort(key=lambda m: (m.start, -m.end))
    mentions = with_countries_named_elsewhere(without_names_their_acronym_corrects(article, mentions))
    mentions = towns_named_for_states(article, mentions)
    mentions = counterparts_in_office(article, gaz, mentions)
    mentions = monarchs_in_their_realm(article, gaz, mentions)
    mentions = named_counterparts(article, mentions)
    mentions = officials_of_organisations(article, mentions)
    anaphors = bloc_anaphors(article, toks, mentions) + titled_anaphors(article, mentions)
    if anaphors:
        mentions = sorted(mentions + anaphors, key=lambda m: (m.start, -m.end))
    return mentions


def without_names_their_acronym_corrects(
    article: Article, mentions: list[ActorMention]
) -> list[ActorMention]:
    """Return the mentions without a body's name whose bracketed acronym is another body's.

    Why: "the Latin American and the Caribbean Community (CELAC)" holds the words "Caribbean
    Community", CARICOM's name; the acronym the writer gives says which body is meant.
    """
    bodies = [m for m in mentions if m.type in (ActorType.GROUPING, ActorType.ORGANISATION)]
    wrong: set[int] = set()
    for m, n in itertools.pairwise(bodies):
        if (
            m.code != n.code
            and re.fullmatch(r"\s*\(", article.text[m.end : n.start])
            and article.text[n.end : n.end + 1] == ")"
        ):
            wrong.add(id(m))
    return [m for m in mentions if id(m) not in wrong] if wrong else mentions


# A ruler introduced by his bare title ("His Highness the Amir Sheikh Sabah"), and the title alone later.
_RULER_TITLES = "Amir|Emir|Sultan|King|Crown Prince|Grand Duke"
_INTRODUCED_AS = re.compile(r"\bthe\s+(" + _RULER_TITLES + r")\s+(?:Sheikh\s+|Sheikha\s+|Prince\s+)?$")
_BARE_TITLE = re.compile(r"\bthe\s+(" + _RULER_TITLES + r")\b(?!\s+(?:of\b|[A-Z]))")


def titled_anaphors(article: Article, mentions: list[ActorMention]) -> list[ActorMention]:
    """Return the later bare titles ("the Amir", "His Majesty the Sultan") as the person the article introduced
    by that title.

    Why: a Kuwaiti report opens "His Highness the Amir Sheikh Sabah Al-Ahmad received …" and goes on "His
    Highness the Amir also received the visiting …", naming Qatar's Amir in between ("a message from Qatar's
    Amir Sheikh Tamim"); "the Amir" is the one introduced as "the Amir", not the last one named. Only a
    person the registry gives a state, introduced right after "the" and the title.
    """
    introduced: dict[str, ActorMention] = {}
    for m in mentions:
        if m.type != ActorType.PERSON or not m.country:
            continue
        found = _INTRODUCED_AS.search(article.text, max(0, m.start - 40), m.start)
        if found and found.group(1) not in introduced:
            introduced[found.group(1)] = m
    if not introduced:
        return []
    taken = [(m.start, m.end) for m in mentions]
    out = []
    for bare in _BARE_TITLE.finditer(article.text):
        person = introduced.get(bare.group(1))
        if (
            person is None
            or bare.start() <= person.start
            or any(a < bare.end() and bare.start() < b for a, b in taken)
        ):
            continue
        sentence = article.sentence_at(bare.start(1))
        if sentence is None:
            continue
        out.append(
            replace(person, text=bare.group(1), start=bare.start(1), end=bare.end(1), sentence=sentence.index)
        )
    return out


# "a free and open Indo-pacific", "Indo-China": a region named with India's combining form, however spelt.
_A_REGION_AFTER = re.compile(r"-(?:pacific|asia|china|european|gangetic|iranian|aryan)\b", re.I)
_VENUE_BEFORE = re.compile(r"\b(?:in|at|to|from)\s+$")
_LIST_GOES_ON = re.compile(r",\s+(?:and\s+)?(?:the\s+)?")
# What follows "Antigua, Guatemala" when it is one place: the sentence goes on, not a list
_PLACE_ENDS = re.compile(
    r"(?:,\s+(?:on|in|at|from|to|last|this|next|where|which|the|a|and\s+(?-i:[a-z])\w*)\b|\s*[.;:)]"
    r"|\s+(?:on|in|last|this|next)\b)"
)


def towns_named_for_states(article: Article, mentions: list[ActorMention]) -> list[ActorMention]:
    """Return the mentions with a state's name followed by another state's read as a town of the second.

    Why: "the summit in Antigua, Guatemala, on Thursday" is held in Antigua Guatemala, not in
    Antigua and Barbuda; "in Georgia, USA" is a US state. A list ("in Belize, Guatemala and Honduras")
    goes on after the second name and is left as it is.
    """
    text = article.text
    out = list(mentions)
    states = [i for i, m in enumerate(out) if m.type == ActorType.STATE and m.code]
    for n, (i, j) in enumerate(itertools.pairwise(states)):
        a, b = out[i], out[j]
        after = out[states[n + 2]] if n + 2 < len(states) else None
        if (
            a.via == "name"
            and b.code != a.code
            and text[a.end : b.start] == ", "
            and _VENUE_BEFORE.search(text, max(0, a.start - 6), a.start)
            and _PLACE_ENDS.match(text, b.end)
            # ("from South Africa, Namibia, the Kingdom of Eswatini, …": a list that goes on)
            and not (after is not None and _LIST_GOES_ON.fullmatch(text, b.end, after.start))
        ):
            out[i] = replace(a, type=ActorType.PLACE, code=None, country=b.code, name=a.text)
    return out


def with_countries_named_elsewhere(mentions: list[ActorMention]) -> list[ActorMention]:
    """Return the mentions with a person's country, where one mention of the same name gives it.

    Why: a roundup names "Minister of Foreign Affairs L. Bold" in one paragraph and "Mongolian
    Minister of Foreign Affairs L. Bold" in another; the person, and the state they speak for,
    are the same in both. A name given two different countries is left as it is.
    """
    countries: dict[str, set[str]] = collections.defaultdict(set)
    for m in mentions:
        if m.type == ActorType.PERSON and m.country:
            countries[m.name].add(m.country)
    mentions = [
        replace(m, country=next(iter(countries[m.name])))
        if m.type == ActorType.PERSON and not m.country and len(countries.get(m.name, ())) == 1
        else m
        for m in mentions
    ]
    return [_with_the_full_name(m, mentions[:i]) for i, m in enumerate(mentions)]


def _with_the_full_name(m: ActorMention, before: list[ActorMention]) -> ActorMention:
    """Return a person named by one word as the one person named in full before whose name holds it.

    Why: "Prime Minister Lee Hsien Loong is in Melbourne … PM Lee held the annual meeting with
    Australia's Prime Minister" — the second "Lee" is the first, and his state is a party; alone,
    the one word names no one the registry knows. Two people it could be leave it as it is.
    """
    word = m.text
    if m.type != ActorType.PERSON or m.country or not word.isalpha() or len(word) < 3:
        return m
    named = {
        (p.name, p.country, p.role)
        for p in before
        if p.type == ActorType.PERSON and p.country and word in _first_and_last(p.name)
    }
    if len({(name, country) for name, country, _ in named}) != 1:
        return m
    name, country, role = sorted(named, key=lambda n: n[2] or "")[-1]
    return replace(m, name=name, country=country, role=m.role or role)


def _first_and_last(name: str) -> tuple[str, ...]:
    "Return the first and last words of a full name (a family name comes first or last)."
    words = name.split()
    return (words[0], words[-1]) if len(words) > 1 else ()


# "his Israeli counterpart, Yair Lapid", "her counterpart Lapid": the words just before a person
_COUNTERPART_BEFORE = re.compile(r"\bcounterparts?,?\s+(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?$", re.I)


# The Commonwealth realms share their monarch, who reigns from the United Kingdom.
_REIGNS_FROM = "GBR"


def monarchs_in_their_realm(
    article: Article, gaz: Gazetteer, mentions: list[ActorMention]
) -> list[ActorMention]:
    """Return the mentions, a head of state who reigns over several states at once given the one the article means.

    Why: one monarch reigns over several realms ("King Charles III" is the King of the United
    Kingdom, Canada, Australia …); the registry has him in each, and the first listed is no
    answer. The state named right after him ("Queen Elizabeth II of the United Kingdom")
    decides; else the one of them whose names, demonyms and capital the article uses most; else
    the United Kingdom, where the realms' monarch reigns from.
    """
    date = article.published or article.story_date
    out = list(mentions)
    for i, m in enumerate(out):
        if m.type != ActorType.PERSON or not m.country or not m.role:
            continue
        realms = sorted(
            {h.country for h in gaz.holders(m.name, date) if h.role == m.role and h.country}
            if date
            else {h.country for h in gaz.holders(m.name) if h.role == m.role and h.country}
        )
        if len(realms) < 2 or m.country not in realms:
            continue
        words = {code: _state_words(gaz, code) for code in realms}
        after = article.text[m.end : m.end + 80]
        named = next(
            (c for c in realms if re.match(r",?\s+of\s+(?:the\s+)?(?:" + words[c] + r")\b", after)), None
        )
        if named is None:
            counts = {c: len(re.findall(r"\b(?:" + words[c] + r")\b", article.text)) for c in realms}
            named = max(realms, key=lambda c: counts[c]) if max(counts.values()) else None
        if named is None and _REIGNS_FROM in realms:
            named = _REIGNS_FROM  # no realm named: the one the monarch reigns from
        if named and named != m.country:
            out[i] = replace(m, country=named)
    return out


def _state_words(gaz: Gazetteer, code: str) -> str:
    "Return an alternation of a state's names, demonyms and capital, for searching an article's text."
    state = gaz.states.get(code)
    if state is None:
        return re.escape(code)
    words = {state.name, *state.aliases, *state.demonyms, state.capital} - {""}
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def counterparts_in_office(
    article: Article, gaz: Gazetteer, mentions: list[ActorMention]
) -> list[ActorMention]:
    """Return the mentions, a person introduced as someone's counterpart in that someone's office.

    Why: a person who held several offices is given the one of the article's date, and with no
    date the latest ("Yair Lapid", foreign minister in 2021, prime minister in 2022); "Foreign
    Minister Lavrov … with his Israeli counterpart, Yair Lapid" says which one the text means —
    when the registry has the person in that office at some time.
    """
    out = list(mentions)
    for i, m in enumerate(out):
        if m.type != ActorType.PERSON or not m.country:
            continue
        window = article.text[max(0, m.start - 40) : m.start]
        if not _COUNTERPART_BEFORE.search(window):
            continue
        earlier = [p for p in out[:i] if p.type == ActorType.PERSON and p.sentence == m.sentence and p.role]
        role = earlier[-1].role if earlier else None
        if (
            role
            and role != m.role
            and any(h.role == role and h.country == m.country for h in gaz.holders(m.name))
        ):
            out[i] = replace(m, role=role)
    return out


def named_counterparts(article: Article, mentions: list[ActorMention]) -> list[ActorMention]:
    """Return the mentions with the people the registry lacks who are named as someone's counterpart.

    Why: "Defence Minister Guerini and his Libyan counterpart Salahuddin Al-Namroush signed …" names
    the Libyan defence minister as surely as a title would; the registry holds few ministers of
    smaller states, and without him the meeting has one side's people only. The person takes the
    state of the demonym before "counterpart" and the office of the person named before him.
    """
    added: list[ActorMention] = []
    for m in _NAMED_COUNTERPART.finditer(article.text):
        start, end = m.start(2), m.end(2)
        if any(a.start < end and start < a.end for a in mentions if a.type == ActorType.PERSON):
            continue
        state = next(
            (
                a
                for a in mentions
                if a.type == ActorType.STATE and a.code and m.start(1) <= a.start and a.end <= m.end(1)
            ),
            None,
        )
        if state is None:
            continue
        before = [
            a
            for a in mentions
            if a.type == ActorType.PERSON and a.sentence == state.sentence and a.end <= m.start() and a.role
        ]
        added.append(
            ActorMention(
                type=ActorType.PERSON,
                text=m.group(2),
                start=start,
                end=end,
                sentence=state.sentence,
                name=m.group(2),
                country=state.code,
                role=before[-1].role if before else None,
            )
        )
    if not added:
        return mentions
    return sorted(mentions + added, key=lambda a: (a.start, -a.end))


def officials_of_organisations(article: Article, mentions: list[ActorMention]) -> list[ActorMention]:
    """Return the mentions with people named in an office of an organisation speaking for no state.

    Why: "the Secretary General of NATO, Jens Stoltenberg" or "UN Secretary-General António Guterres"
    attends for the organisation; the registry knows Stoltenberg as Norway's former prime minister,
    and taking him for Norway made Norway a party of the summit he attended. A head of state who
    chairs a grouping ("ECOWAS Chairman, President Tinubu") still speaks for his state: only the
    offices an organisation fills with its own staff count.
    """
    text = article.text
    bodies = [a for a in mentions if a.type in (ActorType.ORGANISATION, ActorType.GROUPING)]
    if not bodies:
        return mentions
    out = list(mentions)
    for i, m in enumerate(out):
        if m.type != ActorType.PERSON or not m.country:
            continue
        before = text[max(0, m.start - 90) : m.start]
        after = text[m.end : m.end + 90]
        office = _ORGANISATION_OFFICE_BEFORE.search(before)
        if office is not None:
            lo, hi = m.start - len(before) + office.start(), m.start
        elif (office := _ORGANISATION_OFFICE_AFTER.match(after)) is not None:
            lo, hi = m.end, m.end + office.end()
        else:
            continue
        inside = [b for b in bodies if lo <= b.start and b.end <= hi]
        if inside:
            out[i] = replace(m, country=None, role=None)
            # (and the body named in the office is no list of states: "hosted the Secretary General of
            # NATO" met its official, not its thirty-two members)
            for b in inside:
                j = out.index(b)
                out[j] = replace(b, members=())
    return out


# An office an organisation fills with its own staff, right before a name: "NATO Secretary General",
# "the Secretary-General of the United Nations,", "EU foreign policy chief", "AU Commission Chairperson".
_ORGANISATION_OFFICE = (
    r"(?:(?:deputy|assistant|under)[\s-]+)?secretary[\s-]+general|high\s+representative|commissioner|"
    r"director[\s-]+general|executive\s+secretary|foreign\s+policy\s+chief|(?:top\s+)?diplomat\s+chief|"
    r"commission\s+(?:president|chair(?:man|woman|person)?)|president\s+of\s+the\s+(?:[\w-]+\s+)?commission"
)
_ORGANISATION_OFFICE_BEFORE = re.compile(
    r"(?:\b(?-i:[A-Z])[\w.&-]*(?:['’]s)?\s+(?:[\w-]+\s+){0,2}(?:" + _ORGANISATION_OFFICE + r")"
    r"|\b(?:" + _ORGANISATION_OFFICE + r")\s+(?:of|to)\s+(?:the\s+)?(?-i:[A-Z])[^,;.()]{1,60}?)"
    r",?\s+(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?$",
    re.I,
)
_ORGANISATION_OFFICE_AFTER = re.compile(
    r",\s+(?:the\s+)?(?:(?-i:[A-Z])[\w.&-]*(?:['’]s)?\s+(?:[\w-]+\s+){0,2}(?:" + _ORGANISATION_OFFICE + r")\b"
    r"|(?:" + _ORGANISATION_OFFICE + r")\s+(?:of|to)\s+(?:the\s+)?(?-i:[A-Z])[^,;.()]{1,60})",
    re.I,
)


# "his Libyan counterpart Salahuddin Al-Namroush", "her Guinean counterpart, Morissanda Kouyaté": a
# demonym, then a name of two to four capitalised words (particles allowed)
_NAMED_COUNTERPART = re.compile(
    r"\b(?:his|her|their)\s+((?-i:[A-Z])[\w-]+)\s+counterparts?,?\s+(?:(?:Mr|Mrs|Ms|Dr|Gen)\.?\s+)?"
    r"((?-i:[A-Z])[\w’'-]+(?:\s+(?:(?!(?:And|Or|In|On|At|For|With|The|To|Of|From|By)\b)(?-i:[A-Z])[\w’'-]+|"
    r"(?:al|el|bin|bint|ibn|de|da|van|von|ould)(?=[\s-]))){1,3})"
)  # (not a capitalised connective: "Abdel Fattah El-Sisi And Somali President …")


# "the bloc", "the 10-member bloc", "the grouping": a grouping named earlier, told again
# without its name. Not "the bloc of non-aligned states" (a description, not a reference).
_BLOC_ANAPHOR = re.compile(
    r"\b[Tt]he\s+(?:(?:\d+|[a-z]+)[- ](?:member|nation|country|state)\s+|regional\s+|(?:[A-Z][\w.-]*\s+)?"
    r"(?:economic|political|security|trade)\s+)?(?:bloc|grouping)\b(?!\s+of\b)"
    # "leaders from the community's member nations", "the union's member states": a body named before, by
    # its common noun, where its members are spoken of
    r"|\b[Tt]he\s+(?:community|union|organi[sz]ation|association|alliance|forum)(?=['’]s\s+member\s+"
    r"(?:nations|states|countries|governments)\b)"
)


def bloc_anaphors(article: Article, toks: _Tokens, mentions: list[ActorMention]) -> list[ActorMention]:
    """Return grouping mentions for "the bloc" and "the grouping", each standing for the grouping named last before it.

    Why: wire reports name a grouping once ("BRICS foreign ministers gathered …") and then
    write "ministers of the bloc met in Rio"; without the referent those ministers have no
    state, and a state named later in the sentence takes their place as a party.
    Only groupings and organisations of member states are referred to this way, not regions.
    """
    groupings = [
        m
        for m in mentions
        if m.type in (ActorType.GROUPING, ActorType.ORGANISATION) and m.via != "region" and m.members
    ]
    if not groupings:
        return []
    found = []
    for match in _BLOC_ANAPHOR.finditer(article.text):
        before = [g for g in groupings if g.end <= match.start()]
        if not before or any(m.start < match.end() and match.start() < m.end for m in mentions):
            continue
        # The grouping the article is about, when it has named one more often than the others
        # ("the Alliance of Sahel States (AES) … a day before the ECOWAS heads of state were due to
        # meet. The bloc's foreign ministers had met …": the AES); else the one named last.
        counts = collections.Counter(g.code for g in before)
        most = max(counts.values())
        referent = [g for g in before if counts[g.code] == most][-1]
        i = bisect.bisect_left(toks.starts, match.start())
        if i >= len(toks):
            continue
        found.append(
            replace(
                referent,
                text=match.group(0),
                start=match.start(),
                end=match.end(),
                sentence=toks.sentence[i],
                via="anaphor",
            )
        )
    return found


def _mention(article: Article, toks: _Tokens, i: int, j: int, **fields: Any) -> ActorMention:
    "Build a mention over tokens i..j-1."
    start, end = toks.starts[i], toks.ends[j - 1]
    return ActorMention(
        text=article.text[start:end], start=start, end=end, sentence=toks.sentence[i], **fields
    )


def _gazetteer_mentions(
    article: Article, toks: _Tokens, gaz: Gazetteer, covered: set[int]
) -> list[ActorMention]:
    "Find names of the gazetteer, longest match first, skipping masked phrases."
    rules = _rules()
    out: list[ActorMention] = []
    i, n = 0, len(toks)
    while i < n:
        if i in covered:
            i += 1
            continue
        step = 1
        word = toks.words[i]
        longest = max(gaz.longest_from.get(word, 0), rules.mask_longest.get(word, 0))
        folded = False
        if longest == 0 and not word.isascii():
            # "Guðlaugur Thór Thórdarson": a name the registry knows, written with other letters
            longest, folded = gaz.longest_from.get(fold_name(word), 0), True
        if family_first := _person_family_name_first(toks, gaz, i):
            # "Mr. MOTEGI Toshimitsu, Minister for Foreign Affairs": Japan's official style, the family
            # name first and in capitals
            if i + 1 not in covered:
                out += _resolve_entries(article, toks, gaz, i, i + 2, family_first)
            i += 2
            continue
        if longest == 0 and word not in COMBINING_FORMS:
            i += 1
            continue
        for size in range(min(max(longest, 1), MAX_NAME_TOKENS, n - i), 0, -1):
            key = tuple(toks.words[i : i + size])
            if folded or not all(w.isascii() for w in key):
                key = tuple(fold_name(w) for w in key)  # ("Gudlaugur Thór Thórdarson")
            if key in rules.masks:
                step = size
                break
            entries = gaz.lookup(key)
            if (
                entries
                and size >= 2
                and (
                    key[0] in ("the", "The")
                    or (key[0] in _TITLE_WORDS and any(e.type == "person" for e in entries))
                )
                and _longer_from(gaz, rules, toks, i + 1, i + size)
            ):
                # "the Gulf Cooperation Council" is not "the Gulf": the next word starts a longer name (and
                # "Prince Salman bin Hamad Al Khalifa" is not the registry's "Prince Salman", Saudi Arabia's)
                break
            if entries and _names_a_newspaper(toks, i + size, entries):
                step = size + 1  # "HAVANA TIMES, Dec 4 —", "the Phnom Penh Post reported": a source, no place
                break
            if entries and not any(k in covered for k in range(i, i + size)):
                out += _resolve_entries(article, toks, gaz, i, i + size, entries)
                step = size
                break
            if size == 1 and (initialled := _person_with_a_middle_initial(toks, gaz, i)):
                if not any(k in covered for k in range(i, initialled)):
                    out += _resolve_entries(
                        article, toks, gaz, i, initialled, gaz.lookup(_without_initial(toks, i, initialled))
                    )
                    step = initialled - i
                break
            if size == 1 and word in COMBINING_FORMS and toks.words[i + 1 : i + 2] == ["-"]:
                out.append(_one_word_demonym(article, toks, gaz, i, COMBINING_FORMS[word]))
        i += step
    return out


# The words that make a place's name a newspaper's ("Khmer Times", "Dhaka Tribune", "HAVANA TIMES").
_NEWSPAPER_WORDS = frozenset(
    {
        "times",
        "post",
        "herald",
        "tribune",
        "gazette",
        "observer",
        "chronicle",
        "mirror",
        "bulletin",
        "inquirer",
        "telegraph",
        "courier",
    }
)


def _names_a_newspaper(toks: _Tokens, j: int, entries: list[Entry]) -> bool:
    """True when a state's or a place's name at tokens before j is the first part of a newspaper's name.

    Why: the masks list the newspapers we have met, and there are hundreds more; a capitalised
    "Times" or "Post" after a capital or a demonym ("The Astana Times", "HAVANA TIMES, Dec 4 —")
    makes it a source, which is no party and no venue.
    """
    word = toks.words[j] if j < len(toks) else ""
    return (
        word.lower() in _NEWSPAPER_WORDS
        and word[:1].isupper()
        and toks.sentence[j] == toks.sentence[j - 1]
        and all(e.type in ("state", "capital", "city", "town") for e in entries)
    )


def _person_family_name_first(toks: _Tokens, gaz: Gazetteer, i: int) -> list[Entry]:
    """Return the registry's entries of a person written family name first, in capitals, at token i.

    Why: Japan's foreign ministry writes "MOTEGI Toshimitsu", "KAMIKAWA Yoko"; the registry knows
    "Toshimitsu Motegi". Only people, and only a capitalised family name before a given name.
    """
    words = toks.words
    if not (i + 1 < len(words) and len(words[i]) >= 2 and words[i].isalpha() and words[i].isupper()):
        return []
    given = words[i + 1]
    if not (given[:1].isupper() and given[1:].islower() and given.isalpha()):
        return []
    return [e for e in gaz.lookup((given, words[i].capitalize())) if e.type == "person"]


def _one_word_demonym(article: Article, toks: _Tokens, gaz: Gazetteer, i: int, code: str) -> ActorMention:
    "Return token i as a mention of state `code` by its demonym ('Indo-', a ship's 'USS')."
    return _mention(
        article, toks, i, i + 1, type=ActorType.STATE, name=gaz.state_name(code), code=code, via="demonym"
    )


def _person_with_a_middle_initial(toks: _Tokens, gaz: Gazetteer, i: int) -> int:
    """Return the end of a known person's name written with a middle initial from token i, else 0.

    Why: Philippine, American and Indonesian news write "Enrique A. Manalo", "Gilberto C.
    Teodoro Jr."; the registry knows "Enrique Manalo". Only people: an initial inside a state's
    or grouping's name is no such thing.
    """
    words = toks.words
    if not (i + 3 < len(words) and len(words[i + 1]) == 1 and words[i + 1].isupper() and words[i + 2] == "."):
        return 0
    for size in (2, 1):
        end = i + 3 + size
        if end <= len(words) and any(e.type == "person" for e in gaz.lookup(_without_initial(toks, i, end))):
            return end
    return 0


def _without_initial(toks: _Tokens, i: int, end: int) -> tuple[str, ...]:
    "Return the name of tokens i..end-1 without the middle initial at i+1 and its full stop."
    return (toks.words[i], *toks.words[i + 3 : end])


# Titles a registry alias may begin with ("Prince Salman", "King Abdullah", "Sheikh Tamim").
# Words of address before a given name: "Sheikh Mohamed", "Prince Faisal", "Sayyid Badr".
_HONORIFICS = frozenset({"Sheikh", "Sheikha", "Shaikh", "Prince", "Princess", "Sayyid", "Emir", "Amir"})
_TITLE_WORDS = frozenset(
    {"Prince", "King", "Queen", "Sheikh", "Sheikha", "Emir", "Amir", "Sultan", "President"}
)


def _longer_from(gaz: Gazetteer, rules: _Rules, toks: _Tokens, i: int, end: int) -> bool:
    "True when a gazetteer name or a masked phrase starting at token i runs past token `end`."
    if i >= len(toks):
        return False
    word = toks.words[i]
    longest = min(max(gaz.longest_from.get(word, 0), rules.mask_longest.get(word, 0)), len(toks) - i)
    for size in range(longest, end - i, -1):
        key = tuple(toks.words[i : i + size])
        if key in rules.masks or gaz.lookup(key):
            return True
    return False


# Words that may stand right before a bare surname without being a given name ("Minister Wang").
_BEFORE_A_SURNAME = frozenset(
    [
        "president",
        "minister",
        "secretary",
        "chancellor",
        "premier",
        "king",
        "queen",
        "emir",
        "amir",
        "sultan",
        "prince",
        "princess",
        "sheikh",
        "mr",
        "mrs",
        "ms",
        "dr",
        "ambassador",
        "general",
        "gen",
        "admiral",
        "adm",
        "governor",
        "senator",
        "speaker",
        "state",
        "fm",
        "pm",
        "dpm",
        "councillor",
        "counselor",
        "counsellor",
        "leader",
        "chairman",
        "chairwoman",
        "chief",
        "commissioner",
        "envoy",
        "defence",
        "defense",
        "foreign",
        "affairs",
        "emperor",
        "crown",
        "his",
        "her",
        "excellency",
        "hon",
        "honourable",
        "honorable",
        "sir",
        "lord",
        "lady",
        "mp",
        "colonel",
        "col",
        "marshal",
        "vice",
        "deputy",
        "spokesman",
        "spokeswoman",
        "director",
        "representative",
        "secretary-general",
        "counterpart",
    ]
)


def _someone_elses_given_name(toks: _Tokens, gaz: Gazetteer, i: int, name: str) -> bool:
    """True when a registry surname follows a capitalised word that is neither a title nor its holder's given name.

    Why: the registry knows Korea's foreign minister as "Kang", but "Foreign Ministry spokesman Lu Kang" is
    someone else; "Sergei Lavrov" (registry: Sergey) and "Tony Blinken" (Antony) keep their holder.
    """
    prev = toks.words[i - 1] if i >= 1 else ""
    if (
        not (prev.isalpha() and prev[:1].isupper() and prev[1:2].islower())
        or prev.lower() in _BEFORE_A_SURNAME
        or prev in NOT_NAME
    ):
        return False
    if toks.sentence[i - 1] != toks.sentence[i] or gaz.lookup((prev,)):
        return False
    given = [
        w.lower()
        for h in gaz.holders(name)
        for w in re.split(r"[\s-]+", h.name)
        if w.lower() != toks.lower(i)
    ]
    low = prev.lower()
    return not any(w[:1] == low[:1] or low in w for w in given)


def _another_patronymic(text: str, given: str, name: str) -> bool:
    """True when the article writes a given name with a patronymic ("Salman bin Hamad") that the registry
    person a titled alias ("Prince Salman") stands for does not bear."""
    own = name.split()
    named = re.finditer(r"\b" + re.escape(given) + r"\s+(bin|ibn|bint|bin\.)\s+([A-Z][\w'’-]+)", text)
    return any(m.group(2) not in own for m in named)


def _written_in_full_as_someone_else(article: Article, gaz: Gazetteer, surname: str, name: str) -> bool:
    """True when the article writes a registry surname after given names or initials that are not its holder's.

    Why: a bare "Nicholson" is whoever the article introduced as "A.J. Nicholson" (Jamaica's foreign minister),
    not the registry's Rob Nicholson; only where the article never writes the holder's own given name.
    """
    if not surname[:1].isupper():
        return False
    given = {
        w.lower()
        for h in gaz.holders(name)
        for w in re.split(r"[\s.-]+", h.name)
        if w and w.lower() != surname.lower()
    }
    other = False
    for m in re.finditer(
        r"\b((?:[A-Z]\.\s?){0,2}[A-Z]\.|[A-Z][a-z]+)\s+" + re.escape(surname) + r"\b", article.text
    ):
        prev = m.group(1).strip()
        if prev.lower() in _BEFORE_A_SURNAME or prev in NOT_NAME or gaz.lookup((prev,)):
            continue
        first = prev[:1].lower()
        if prev.endswith("."):
            if any(w[:1] == first for w in given):
                return False  # ("S. Jaishankar"): the holder's initial
            other = True
        elif any(w[:1] == first or prev.lower() in w for w in given):
            return False  # the holder's own given name (or its short form) is written
        else:
            other = True
    return other


def _person_in_office(people: list[Entry], gaz: Gazetteer, date: str | None) -> Entry:
    """Return the one of the people a name may be who held office on `date` (the last listed otherwise).

    Why: "King Abdullah" was Saudi Arabia's king from 2005 to 2015 and is Jordan's otherwise; the
    name alone says which only with the story's date.
    """
    if date and len(people) > 1:
        for e in people:
            if any(h.country == e.country and h.is_in_office(date) for h in gaz.holders(e.code)):
                return e
    return people[-1]


def _resolve_entries(
    article: Article, toks: _Tokens, gaz: Gazetteer, i: int, j: int, entries: list[Entry]
) -> list[ActorMention]:
    "Turn gazetteer entries for tokens i..j-1 into mentions, by type priority."
    by_type = {e.type: e for e in entries}
    if "person" in by_type:
        e = _person_in_office([x for x in entries if x.type == "person"], gaz, article.published)
        if j - i == 1 and _someone_elses_given_name(toks, gaz, i, e.code):
            return []  # "Foreign Ministry spokesman Lu Kang": not Korea's foreign minister Kang
        if (
            j - i == 2
            and toks.words[i] in _TITLE_WORDS
            and _another_patronymic(article.text, toks.words[i + 1], e.code)
        ):
            return []  # "HRH Prince Salman" after "Prince Salman bin Hamad Al Khalifa": not Saudi Arabia's
        if j - i == 1 and _written_in_full_as_someone_else(article, gaz, toks.words[i], e.code):
            return []  # "Jamaica's Foreign Minister A.J. Nicholson … Nicholson told": not Canada's Rob Nicholson
        # (an undated page: the offices held in the year it speaks of most, "Kishida" of 2015 the
        # foreign minister, not the later prime minister)
        holders = gaz.holders(e.code, article.published or article.story_date)
        role = holders[0].role if holders else None
        if article.published and holders and not holders[0].is_in_office(article.published):
            # A name with no title, of someone whose every office had ended by the story's date:
            # "von der Leyen" in 2025 speaks for the EU, not for Germany; no role, so no party.
            role = None
        return [
            _mention(article, toks, i, j, type=ActorType.PERSON, name=e.code, country=e.country, role=role)
        ]
    if "mechanism" in by_type:
        e = by_type["mechanism"]
        return [_mention(article, toks, i, j, type=ActorType.MECHANISM, name=e.code, code=e.code)]
    if "state" in by_type:
        e = by_type["state"]
        if (
            e.code == "USA"
            and e.via in ("demonym", "adjective")
            and toks.words[i - 1 : i] == ["-"]
            and toks.lowered[i - 2 : i - 1]
            in (["ibero"], ["pan"], ["inter"], ["afro"], ["latin"], ["meso"], ["euro"])
        ):
            return []  # "the Ibero-American Summit", "the Inter-American Development Bank": the Americas
        if e.via in ("demonym", "adjective") and toks.lowered[j : j + 2] in (
            ["-", "speaking"],
            ["–", "speaking"],
        ):
            return []  # "the French-speaking country", "Russian-speaking regions": a language, not the state
        if (
            e.via in ("demonym", "adjective")
            and toks.lowered[i - 1 : i] == ["in"]
            and toks.words[j : j + 1] in ([")"], [","], ["."], [";"], [":"])
        ):
            return []  # "(CMS, in Portuguese)", "said in French,": the language an acronym or quote is in
        as_state = _mention(
            article, toks, i, j, type=ActorType.STATE, name=gaz.state_name(e.code), code=e.code, via=e.via
        )
        capital = gaz.states[e.code].capital if e.code in gaz.states else ""
        if e.via in ("demonym", "adjective") and capital and toks.words[j : j + 1] == ["capital"]:
            # "in the Kyrgyz capital": a venue (Bishkek) as much as the state's adjective.
            seat = _mention(article, toks, i, j + 1, type=ActorType.PLACE, name=capital, country=e.code)
            return [as_state, seat]
        if e.seat and (_is_locative(toks, i, j) or _names_a_meeting_held_there(toks, i, j)):
            # "talks at the White House", "received at the Kremlin": a venue in Washington, Moscow
            return [
                as_state,
                _mention(article, toks, i, j, type=ActorType.PLACE, name=e.seat, country=e.code),
            ]
        return [as_state]
    if "grouping" in by_type:
        e = by_type["grouping"]
        g = gaz.groupings[e.code]
        if _named_by_other_states(article.text, toks.starts[i], gaz, g.members_at(None)):
            return []  # "the Afghanistan-Pakistan-US-China Quadrilateral Coordination Group": not the Quad
        if _TROIKA_AFTER.match(article.text, toks.ends[j - 1]):
            return []  # "the SADC Organ Troika summit": the three chairs (and guests), not every member
        if toks.words[i] == "Quadrilateral" and toks.lower(i - 1) in ("a", "an"):
            return []  # "to elevate the patrol to a Quadrilateral Ministerial Meeting": some four, not the Quad
        if (
            e.via == "adjective"
            and (back := _REFERS_BACK_BEFORE.search(article.text, 0, toks.starts[i]))
            and not _counts_all_members(back.group(), len(g.members_at(None)))
        ):
            return []  # "the deal between the once warring African countries": the two just named
            # (but "the three Baltic prime ministers" are the three Baltic states' own)
        if e.via == "adjective" and toks.lower(i - 1) in _COMPASS_WORDS:
            return []  # "a tour of central African countries": some region of it, not every member
        if e.via == "adjective" and toks.lower(j) in _A_BODY_OF_SOME:
            return []  # "African body's ministerial council": one regional body, not every state of the region
        kind = ActorType.ORGANISATION if g.type in ("organisation", "company") else ActorType.GROUPING
        return [
            _mention(
                article,
                toks,
                i,
                j,
                type=kind,
                name=g.name,
                code=g.id,
                via="region" if g.type == "region" else e.via,
                # (a grouping that has ended, "the Shanghai Five", stands for its last members)
                members=g.members_at(article.story_date) or tuple(sorted({c for c, _, _ in g.memberships})),
            )
        ]
    if "capital" not in by_type and "city" not in by_type:
        return _town(article, toks, i, j, by_type["town"])
    if toks.words[i - 1 : i] in (["Lake"], ["Mount"], ["Mt"], ["River"], ["Cape"]):
        return []  # "patrols on Lake Victoria": a lake, not the Seychelles' capital
    e = by_type.get("capital") or by_type["city"]
    city = e.code if e.type == "city" else toks_text(article, toks, i, j)
    via = "dateline" if _is_dateline(article, toks, i, j) else "name"
    place = _mention(
        article,
        toks,
        i,
        j,
        type=ActorType.PLACE,
        name=_canonical_city(gaz, city, e),
        country=e.country,
        via=via,
    )
    if e.type == "capital" and via != "dateline" and not _is_locative(toks, i, j):
        state = _mention(
            article, toks, i, j, type=ActorType.STATE, name=gaz.state_name(e.code), code=e.code, via="capital"
        )
        return [place, state]
    return [place]


# A grouping's troika after its name: "SADC Troika", "(SADC) Organ Troika", "AU Troika".
_TROIKA_AFTER = re.compile(r"\s*(?:\([A-Z]{2,8}\)\s*)?(?:Organ\s+)?Troika\b")


# Words before a region's adjective that make "the … African countries" the states just named, not
# the region's members: "the once warring African countries", "the two Arab neighbours".
def _counts_all_members(phrase: str, members: int) -> bool:
    "True when a phrase before a grouping's adjective counts exactly its members ('the three' before 'Baltic')."
    words = phrase.lower().split()
    counts = [_COUNTS[w] for w in words if w in _COUNTS]
    hostile = {"warring", "feuding", "rival", "estranged", "hostile"}
    return bool(counts) and counts[-1] == members and not hostile & set(words)


_COUNTS = {"two": 2, "three": 3, "both": 2}
_REFERS_BACK_BEFORE = re.compile(
    r"\b(?:the|both|these|those)\s+(?:two|three|once\s+(?:[\w-]+\s+)?|formerly\s+|long-?\s*)?"
    r"(?:two\s+|three\s+)?(?:warring|feuding|rival|estranged|hostile|neighbo(?:u)?ring|bordering|"
    r"two|three|both)\s+$",
    re.I,
)

# Nouns after a region's adjective that name one body of some of its states.
_A_BODY_OF_SOME = frozenset({"body", "bloc", "organisation", "organization", "grouping", "body’s", "bloc’s"})

_STATE_COMPOUND_BEFORE = re.compile(r"((?:[A-Z][\w.]*[-–])+[A-Z][\w.]*)\s+$")


def _named_by_other_states(text: str, start: int, gaz: Gazetteer, members: tuple[str, ...]) -> bool:
    """True when a grouping's name follows a hyphenated list of states outside the grouping.

    Why: "Quadrilateral" is the Quad's, but "the Afghanistan-Pakistan-US-China Quadrilateral
    Coordination Group" is another body, named by its own members ("US-Japan-India-Australia
    Quadrilateral" still is the Quad).
    """
    m = _STATE_COMPOUND_BEFORE.search(text, max(0, start - 80), start)
    if m is None or not members:
        return False
    states = {
        entry.code
        for part in re.split(r"[-–]", m.group(1))
        for entry in gaz.lookup(token_key(part))
        if entry.type == "state"
    }
    return len(states) >= 2 and not states <= set(members)


def _town(article: Article, toks: _Tokens, i: int, j: int, e: Entry) -> list[ActorMention]:
    """Return a town of towns.csv as a venue, when the text uses its name as one.

    Why only then: ten thousand town names include words and names ("Marles", "Mobile");
    "held in Guilin", "to Weimar", "Palo Alto, California" and a dateline are places.
    """
    dateline = _is_dateline(article, toks, i, j)
    if not (dateline or _is_locative(toks, i, j)):
        return []
    if not dateline and (
        toks.lower(i - 1) == "the" or (toks.words[j : j + 1][:1] and toks.words[j][:1].isupper())
    ):
        return []  # "at the Hoover Institution": part of another name
    via = "dateline" if dateline else "town"
    return [_mention(article, toks, i, j, type=ActorType.PLACE, name=e.code, country=e.country, via=via)]


def toks_text(article: Article, toks: _Tokens, i: int, j: int) -> str:
    """Return the article text covered by tokens i..j-1."""
    return article.text[toks.starts[i] : toks.ends[j - 1]]


def _canonical_city(gaz: Gazetteer, surface: str, entry: Entry) -> str:
    "Return the city's name as written in title case (datelines are in capitals)."
    if entry.type == "city":
        return entry.code
    state = gaz.states.get(entry.code)
    if surface.isupper() and state:
        for name in (state.capital, *state.seat_aliases):
            if name.upper() == surface:
                surface = name
                break
    if state and state.capital and surface != state.capital and surface.startswith(state.capital):
        return state.capital  # "Washington DC", "Washington, D.C." are Washington; "Nur-Sultan" stays
    if (
        state
        and state.capital
        and surface != state.capital
        and _letters(surface) == _letters(state.capital)
        and _bare(surface).split() != _bare(state.capital).split()
    ):
        # "Hà Nội", "Ha Noi": Hanoi, in words of another cut (but "Brasilia" stays as written, and
        # "Nur-Sultan" is a name of its own)
        return state.capital
    return surface


def _bare(name: str) -> str:
    "Return a name lower-cased and without diacritics: 'Hà Nội' → 'ha noi'."
    return without_accents(name.lower())


def _letters(name: str) -> str:
    "Return a name's letters alone: 'Hà Nội' → 'hanoi'."
    return "".join(ch for ch in _bare(name) if ch.isalpha())


def _names_a_meeting_held_there(toks: _Tokens, i: int, j: int) -> bool:
    """True when a seat of government is written before a meeting as its place: "their Kremlin talks",
    "a White House meeting", "the Élysée summit" (after "their", "a", "the" or "his")."""
    return toks.lower(j) in ("talks", "meeting", "summit", "dinner", "ceremony", "visit") and toks.lower(
        i - 1
    ) in (
        "their",
        "his",
        "her",
        "a",
        "the",
    )


def _is_locative(toks: _Tokens, i: int, j: int) -> bool:
    "True when a place name is used as a venue (after 'in', 'at', 'to'... or before ', capital of')."
    rules = _rules()
    prev = toks.lower(i - 1)
    if prev in rules.locatives:
        return True
    # "travel to Washington and Tokyo": a coordinated place inherits the preposition.
    k = i - 1
    # (and a building named before its city: "at the Ministry of Foreign Affairs, Islamabad")
    while k >= 0 and i - k <= 8 and (toks.words[k] in (",", "and", "of") or toks.words[k][:1].isupper()):
        k -= 1
    if toks.lower(k) == "the" and k >= 1 and toks.lower(k - 1) in rules.locatives:
        k -= 1
    if k < i - 2 and toks.lower(k) in rules.locatives and toks.lower(i - 1) in (",", "and"):
        # …unless the list is the subject of a verb: "…in New Delhi, Canberra and New Delhi held
        # their 2+2" (governments), not "travel to Washington and Tokyo".
        return not _is_subject(toks, j)
    if prev == "the" and toks.lower(i - 2) in rules.locatives:
        return True
    if prev in ("capital", "city") and toks.lower(i - 2) in ("’s", "'s", "s", "the", "its", "their"):
        return True  # "in Moldova's capital Chisinau", "the capital Astana": the city, named as such
    return toks.words[j : j + 3] == [",", "capital", "of"]


# Verbs whose subject, when it is a capital, is the government seated there.
_GOVERNMENT_VERBS = frozenset(
    [
        "held",
        "met",
        "signed",
        "agreed",
        "have",
        "has",
        "will",
        "are",
        "were",
        "hold",
        "meet",
        "launched",
        "concluded",
        "inaugurated",
        "established",
        "reached",
        "pledged",
        "announced",
        "began",
        "opened",
    ]
)


def _is_subject(toks: _Tokens, j: int) -> bool:
    "True when the names from token j on ('and New Delhi') run into a verb of which they are the subject."
    k = j
    while k < len(toks) and k - j <= 6 and (toks.words[k] in (",", "and") or toks.words[k][:1].isupper()):
        k += 1
    return k < len(toks) and toks.lower(k) in _GOVERNMENT_VERBS


# What follows the place of a dateline: "BEIJING, Jan. 27 --", "TOKYO:", "WASHINGTON —",
# "PHNOM PENH (Reuters) -".
_AFTER_DATELINE = re.compile(r"\s*(?:,|:|—|–|--|-\s|\()")


_AGENCY_DATELINE = re.compile(
    r"(?:,\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)(?:,?\s+\d{4})?)?"
    r"\s*\([A-Z][A-Za-z./ ]{1,15}\)\s*(?:—|–|--|-|:)"
    # "Baku / 30.11.17 / Turan:": place, day and agency between slashes
    r"|\s*/\s*\d{1,2}\.\d{1,2}\.\d{2,4}\s*/\s*[A-Z][\w.-]{1,15}\s*:"
)


def _is_dateline(article: Article, toks: _Tokens, i: int, j: int) -> bool:
    "True for a wire dateline: a place in capitals at the start of a line, then a comma, colon, dash or bracket."
    start = toks.starts[i]
    if not _opens_line(article.text, start):
        return False
    word = toks_text(article, toks, i, j)
    if word.isupper():
        return _AFTER_DATELINE.match(article.text, start + len(word)) is not None
    # "Jakarta (VNA) –", "Hanoi, July 11 (VNA) -": a title-case place with its agency in brackets
    return _AGENCY_DATELINE.match(article.text, start + len(word)) is not None


def _opens_line(text: str, position: int) -> bool:
    """True when only spaces stand between the start of the line and `position`.

    Why backwards from `position` rather than from the line's start: in a text without line
    breaks the line is the whole text so far, and every place named would re-read it (issue 11).
    """
    k = position - 1
    while k >= 0 and text[k] != "\n" and text[k].isspace():
        k -= 1
    return k < 0 or text[k] == "\n"


def _name_variants(name: str) -> list[str]:
    """Return other ways the registry may write a name: without middle initials, with or without 'Jr.'.

    Why: "President Ferdinand R. Marcos Jr." is the registry's "Ferdinand Marcos Jr."; the wires
    and the officials' own releases add or drop initials and suffixes freely.
    """
    words = [w for w in name.split() if not re.fullmatch(r"[A-Z]\.?", w)]
    bare = [w for w in words if w.rstrip(".").lower() not in ("jr", "sr")]
    out = [" ".join(words), " ".join(bare), " ".join([*bare, "Jr."])]
    if len(bare) > 2:
        out.append(f"{bare[0]} {bare[-1]}")  # "Teodoro Obiang Nguema Mbasogo" → first and last
    if len(bare) > 2 and "-" not in bare[-1]:
        out.append(
            " ".join([*bare[:-2], f"{bare[-2]}-{bare[-1]}"])
        )  # "Akufo Addo" is the registry's "Akufo-Addo"
    if any("-" in w for w in bare):
        out.append(" ".join(bare).replace("-", " "))  # and the other way round
    lineage = [i for i, w in enumerate(bare) if w.lower() in ("bin", "ibn", "bint")]
    if len(lineage) >= 2:
        # "Mohammed bin Salman bin Abdulaziz" → "Mohammed bin Salman": the name and the father's
        out.append(" ".join(bare[: lineage[1]]))
    return [v for v in dict.fromkeys(out) if v and v != name]


# Titles a person keeps whatever office they hold: a former envoy's "Ambassador", a royal's "Crown
# Prince" ("Crown Prince Mohammed bin Salman …, Deputy Premier and Minister of Defense, met …").
# Titles the rules give one state that other governments use too (Niue's, Canada's provinces').
_TITLES_OF_MANY_STATES = frozenset({("premier",)})

# Words before a minister's title that make its bearer the minister's deputy.
_DEPUTY_WORDS = frozenset({"deputy", "vice", "assistant", "under"})


def _as_deputy(role: str, deputy: bool) -> str:
    """Return a minister's role as the deputy's when a deputy's word stands before the title.

    Why: "the Russian Deputy Minister of Foreign Affairs I. V. Morgulov" is not the minister, whose
    meeting with a counterpart is the ministers' meeting.
    """
    return f"deputy {role}" if deputy and role in ("foreign minister", "defence minister") else role


# Titles of a royal house: whoever bears one speaks for the state of the house, in office or not.
_ROYAL_ROLES = frozenset({"crown prince", "prince", "sheikh"})


# Titles that are not an office the registry records, whose holder may hold one: "Deputy Prime
# Minister Richard Marles" is Australia's defence minister, "Ambassador Liberata Mulamula" a
# foreign minister.
_COURTESY_ROLES = frozenset(
    {"ambassador", "crown prince", "prince", "sheikh", "deputy prime minister", "first deputy prime minister"}
)


def _people_with_titles(
    article: Article, toks: _Tokens, gaz: Gazetteer, covered: set[int]
) -> list[ActorMention]:
    "Find people named after a title ('Chinese Foreign Minister Wang Yi', 'Secretary of State Blinken')."
    rules = _rules()
    out: list[ActorMention] = []
    n = len(toks)
    i = 0
    while i < n:
        title = None
        longest = rules.title_longest.get(toks.lowered[i], 0)
        for size in range(min(longest, n - i), 0, -1):
            key = tuple(toks.lowered[i : i + size])
            if key in rules.titles and (size > 1 or toks.words[i][0].isupper()):
                title = rules.titles[key]
                break
        if title is None:
            i += 1
            continue
        if len(title.key) == 1 and _inside_a_name(toks, i, gaz):
            i += 1  # "Hussein Emir Abdullahiyan": a name that holds a title's word, not an Emir
            continue
        k = i + len(title.key)
        # A chain of titles ("Deputy Prime Minister and Foreign Minister"): the last one names the role.
        while toks.lower(k) == "and":
            nxt = _title_at(toks, k + 1, rules)
            if nxt is None:
                break
            title, k = nxt, k + 1 + len(nxt.key)
        # ("Gen. Tea Siha", "Mr. Mohamad A. Alhakim": the rank's full stop is a token of its own)
        while k < n and (
            toks.words[k] in rules.ranks
            or (toks.words[k] + "." in rules.ranks and toks.words[k + 1 : k + 2] == ["."])
        ):
            k += 2 if toks.words[k + 1 : k + 2] == ["."] else 1
        k = _after_an_appositive_comma(toks, k, rules, gaz)
        end = _name_end(toks, k, rules, gaz)
        end = _known_name_end(article, toks, k, end, gaz)
        end = _within_its_line(article, toks, k - 1, end)
        if _opens_a_state_name(toks, gaz, k):
            end = k  # "… with Fiji PM\n\nPapua New Guinea Prime Minister …": a state, not the PM's name
        if end > k:
            name = toks_text(article, toks, k, end).rstrip(",")
            named_country = _title_country(article, toks, gaz, i)
            country = named_country or title.country
            holders = (
                gaz.holders(name, article.published)
                or next((h for v in _name_variants(name) if (h := gaz.holders(v, article.published))), [])
                or _holders_by_surname(
                    gaz,
                    name,
                    title.role,
                    country,
                    article.published,
                    article.story_date,
                    given_name=end - k == 1 and toks.words[k - 1] in _HONORIFICS,
                )
            )
            if holders and article.published and all(h.role != title.role for h in holders):
                # "PM Wong": the prime minister surnamed Wong (Singapore's), not the foreign minister the
                # registry knows by the bare surname (Australia's)
                in_role = [
                    h
                    for h in gaz.holders_in_role(title.role, article.published)
                    if h.name.split()[-1] == name.split()[-1] and (country is None or h.country == country)
                ]
                if len(in_role) == 1:
                    holders = in_role
            if not holders and not named_country and title.key in _TITLES_OF_MANY_STATES:
                # "In Niue, Mr Key will meet with Premier Talagi": China's premier only when the
                # registry knows the name as China's
                country = None
            if holders:
                holder = _best_holder(holders, country, title.role)
                current = (
                    not article.published
                    or holder.is_in_office(article.published)
                    or holder.role in (title.role, _role_for(title.role, holder.country))
                    # "Crown Prince Abdullah bin Abdulaziz" in 2000, king from 2005: a royal stays his state's
                    or title.role in _ROYAL_ROLES
                )
                # "European Council President António Costa" in 2025: Portugal's former prime
                # minister, under a title the registry never gave him, speaks for no state (a
                # title the registry knows him by is trusted, whatever the registry's dates)
                name, country = holder.name, country or (holder.country if current else None)
            # "Indonesia's Foreign Minister Sugiono and Defense Minister Sjafrie …": the second
            # title takes the first person's country, unless the registry knows better.
            country = country or _coordinated_country(toks, i, out) or _state_after_name(toks, gaz, end)
            role = _role_for(title.role, country)
            role = _as_deputy(role, toks.lower(i - 1) in _DEPUTY_WORDS)
            if role == "foreign secretary" and any(h.role == "foreign minister" for h in holders):
                role = "foreign minister"  # "Foreign Secretary José Antonio Meade": Mexico's foreign minister
            if holders and title.role in _COURTESY_ROLES and article.published:
                # (the office held on the story's day: Peters was foreign minister three times)
                holder = next((h for h in holders if h.is_in_office(article.published)), holder)
            if (
                holders
                and title.role in _COURTESY_ROLES
                and article.published
                and holder.is_in_office(article.published)
            ):
                # "her Tanzanian counterpart Ambassador Liberata Mulamula": a courtesy title kept in
                # office; the registry's office on the date is the role
                role = holder.role
            elif holders and title.role in _COURTESY_ROLES and not article.published:
                # (no date to tell the office by: the one the registry gives the person, if only one)
                offices = {h.role for h in holders if h.country == country}
                if len(offices) == 1:
                    role = offices.pop()
            out.append(
                _mention(article, toks, k, end, type=ActorType.PERSON, name=name, country=country, role=role)
            )
            covered.update(range(k, end))
            i = end
        else:
            i = k if k > i else i + 1
    return out


def _after_an_appositive_comma(toks: _Tokens, k: int, rules: _Rules, gaz: Gazetteer) -> int:
    """Return where the name after a title begins: past a comma when the name stands between commas.

    Why: agency style sets the name off: "The Minister of Water Resources, Awn Dhiab Abdullah, discussed with
    the Iranian Ambassador, Muhammad Kadhem Al Sadiq, …". Only a capitalised name of two words or more that
    the gazetteer does not know as a place or a body, closed by a comma or the sentence's end.
    """
    if toks.words[k : k + 1] != [","] or k + 2 >= len(toks) or toks.sentence[k + 1] != toks.sentence[k]:
        return k
    first = toks.words[k + 1]
    if not first[:1].isupper() or any(e.type != "person" for e in gaz.lookup((first,))):
        return k
    end = _name_end(toks, k + 1, rules, gaz)
    if end - (k + 1) < 2 or toks.words[end : end + 1] not in ([","], ["."], [";"]):
        return k
    return k + 1


def _ships_of_navies(
    article: Article, toks: _Tokens, gaz: Gazetteer, covered: set[int]
) -> list[ActorMention]:
    """Find the states whose ships are named: 'USS Gonzalez', 'INS Kolkata', 'TCG Gediz'.

    Why: "USS Gonzalez participated in a passing exercise with the Turkish Navy" names the US
    only by its ship; the prefix is read as a demonym ("the American destroyer"), and only
    before a capitalised name, so "the INS" of an agency stays unread.
    """
    out: list[ActorMention] = []
    for i, word in enumerate(toks.words):
        code = gaz.ship_prefixes.get(word)
        if code is None or i in covered or not toks.words[i + 1 : i + 2]:
            continue
        name = toks.words[i + 1]
        if not name[:1].isupper() or name.isupper() or toks.sentence[i + 1] != toks.sentence[i]:
            continue
        out.append(_one_word_demonym(article, toks, gaz, i, code))
        covered.add(i)
    return out


def _people_before_titles(
    article: Article, toks: _Tokens, gaz: Gazetteer, covered: set[int]
) -> list[ActorMention]:
    """Find people named before their title: 'Tariq Benali, the Foreign Minister of Morocco,'.

    Why: ministries' statements and many wires put an office-holder's title in apposition after
    the name, and the registry cannot know every minister; the title's state ("of Morocco",
    "Morocco's", "the Moroccan") is required, so "John Smith, the president of the company" is
    no one's.
    """
    rules = _rules()
    out: list[ActorMention] = []
    for c, word in enumerate(toks.words):
        if word != "," or c < 2:
            continue
        j, country = _apposition_state(toks, gaz, c + 1)
        deputy = toks.lower(j) in _DEPUTY_WORDS
        title = _title_at(toks, j + deputy, rules)
        if title is None or title.role in _COURTESY_ROLES:
            continue
        end_title = j + deputy + len(title.key)
        if toks.words[end_title : end_title + 1] and toks.words[end_title][:1].isupper():
            continue  # "Mr Li, Foreign Minister Wang and …": a list of titled names
        country = country or _state_after_name(toks, gaz, end_title)
        start = _name_start_before(toks, gaz, rules, c)
        if country is None or start is None or any(k in covered for k in range(start, c)):
            continue
        name = toks_text(article, toks, start, c)
        if gaz.holders(name, article.published):
            continue  # a name the registry knows is found as such
        role = _as_deputy(_role_for(title.role, country), deputy)
        out.append(
            _mention(article, toks, start, c, type=ActorType.PERSON, name=name, country=country, role=role)
        )
        covered.update(range(start, c))
    return out


def _people_after_offices_of_states(
    article: Article, toks: _Tokens, gaz: Gazetteer, covered: set[int]
) -> list[ActorMention]:
    """Find people named after their office of a state: 'the Minister of Foreign Affairs of Mongolia, Battsetseg Batmunkh,'.

    Why: ministries' statements give the office and its state first, the name after a comma;
    the office says the role, the state the country, whether the registry knows the name or not.
    """
    rules = _rules()
    out: list[ActorMention] = []
    for i in range(len(toks)):
        if not toks.words[i][:1].isupper() or i in covered:
            continue
        title = _title_at(toks, i, rules)
        if title is None or title.role in _COURTESY_ROLES:
            continue
        k = i + len(title.key)
        state = _state_and_end_after(toks, gaz, k)
        if state is None or toks.words[state[1] : state[1] + 1] != [","]:
            continue
        country, comma = state
        start = comma + 1
        # ("the President of the Republic of Cyprus, Mr Nikos Christodoulides,": the courtesy is no part of the name)
        while toks.words[start : start + 1] and (
            toks.words[start] in rules.ranks
            or (toks.words[start] + "." in rules.ranks and toks.words[start + 1 : start + 2] == ["."])
        ):
            start += 1 + (toks.words[start + 1 : start + 2] == ["."])
        if toks.words[start : start + 4] == ["H", ".", "E", "."]:
            start += 4  # ("the President of the Republic of Ghana, H. E. Nana Akufo-Addo": His Excellency)
        end = _within_its_line(article, toks, comma, _name_end(toks, start, rules, gaz))
        if (
            end - start < 2
            or any(j in covered for j in range(start, end))
            or _opens_a_state_name(toks, gaz, start)
        ):
            continue
        if toks.words[end : end + 1] and toks.words[end][:1].isupper():
            continue  # ("…, Battsetseg Batmunkh Street"): not a name that ends here
        name = toks_text(article, toks, start, end)
        holders = gaz.holders(name, article.published) or next(
            (h for v in _name_variants(name) if (h := gaz.holders(v, article.published))), []
        )
        name = holders[0].name if holders else name
        role = _as_deputy(_role_for(title.role, country), toks.lower(i - 1) in _DEPUTY_WORDS)
        out.append(
            _mention(article, toks, start, end, type=ActorType.PERSON, name=name, country=country, role=role)
        )
        covered.update(range(start, end))
    return out


def _state_and_end_after(toks: _Tokens, gaz: Gazetteer, k: int) -> tuple[str, int] | None:
    "Return the state named by 'of (the) STATE' from token k, and the token after its name."
    if toks.lower(k) != "of":
        return None
    j = k + 1 + (toks.lower(k + 1) == "the")
    for size in (5, 4, 3, 2, 1):
        key = tuple(toks.words[j : j + size])
        if len(key) < size:
            continue
        for e in gaz.lookup(key):
            if e.type == "state" and e.via in ("name", "alias", "abbreviation"):
                return e.code, j + size
    return None


def _apposition_state(toks: _Tokens, gaz: Gazetteer, j: int) -> tuple[int, str | None]:
    "Return where a title in apposition starts and the state named before it ('the Moroccan', 'Morocco's')."
    if toks.lower(j) in ("the", "a"):
        j += 1
    for size in (3, 2, 1):
        key = tuple(toks.words[j : j + size])
        if len(key) < size:
            continue
        state = next((e.code for e in gaz.lookup(key) if e.type == "state"), None)
        if state is None:
            continue
        if toks.words[j + size : j + size + 1] in (["'s"], ["’s"]):
            return j + size + 1, state
        return j + size, state
    return j, None


def _name_start_before(toks: _Tokens, gaz: Gazetteer, rules: _Rules, end: int) -> int | None:
    "Return the start of a capitalised name of two to four words ending at token `end`, else None."
    start = end
    while start > 0 and end - start < 4 and toks.sentence[start - 1] == toks.sentence[end]:
        word = toks.words[start - 1]
        if (word in rules.particles or word == "-") and start < end:
            start -= 1  # "bin", "al", the hyphen of "Jean-Paul"
            continue
        if not (
            word[:1].isupper() and word.replace("-", "").replace("'", "").isalpha() and not word.isupper()
        ):
            break
        if word in NOT_NAME or _title_at(toks, start - 1, rules) or gaz.lookup((word,)):
            return None  # "Minister Li," "China, the …", "In Beijing,": no bare name
        start -= 1
    while start < end and (toks.words[start] in rules.particles or toks.words[start] == "-"):
        start += 1
    if end - start < 2:
        return None
    before = toks.words[start - 1] if start > 0 and toks.sentence[start - 1] == toks.sentence[end] else ""
    if before[:1].isupper() and before not in rules.ranks and before.rstrip(".") + "." not in rules.ranks:
        return None  # a longer capitalised run than a name ("The Foreign Ministry Spokesman …")
    return start


def _within_its_line(article: Article, toks: _Tokens, title_end: int, end: int) -> int:
    """Return where a titled name ends if it must not cross a line break (from its title on).

    Why: a headline's last word may be a title ("… talks with Fiji PM") and the next line open
    with capitalised words that are no one's name.
    """
    for j in range(title_end + 1, end):
        if "\n" in article.text[toks.ends[j - 1] : toks.starts[j]]:
            return j
    return end


def _opens_a_state_name(toks: _Tokens, gaz: Gazetteer, k: int) -> bool:
    "True when the words from token k are a state's name of several words ('Papua New Guinea', 'Sri Lanka')."
    for size in (4, 3, 2):
        key = tuple(toks.words[k : k + size])
        if len(key) == size and any(e.type == "state" for e in gaz.lookup(key)):
            return True
    return False


def _known_name_end(article: Article, toks: _Tokens, k: int, end: int, gaz: Gazetteer) -> int:
    """Return the end of the longest start of a name the registry knows, when the whole is unknown.

    Why: a headline in title case runs on after the name ("Secretary of State Antony Blinken
    Conduct Press Conference With …"); the registry's "Antony Blinken" is where the name ends.
    """
    if end - k < 3 or gaz.holders(toks_text(article, toks, k, end).rstrip(","), article.published):
        return end
    for shorter in range(end - 1, k + 1, -1):
        if gaz.holders(toks_text(article, toks, k, shorter).rstrip(","), article.published):
            return shorter
    return end


def _inside_a_name(toks: _Tokens, i: int, gaz: Gazetteer) -> bool:
    "True when the word before a one-word title is a capitalised name of no state, place or title."
    if i == 0:
        return False
    before = toks.words[i - 1]
    if not before[:1].isupper() or before.isupper() or toks.sentence[i - 1] != toks.sentence[i]:
        return False
    if i < 2 or toks.sentence[i - 2] != toks.sentence[i]:
        return False  # the sentence's first word ("President Xi", "Emir Tamim")
    return not gaz.lookup((before,)) and before not in NOT_NAME and before.lower() not in ("the", "a", "an")


def _coordinated_country(toks: _Tokens, i: int, found: list[ActorMention]) -> str | None:
    "Return the country of the person just before 'and'/',' ('Indonesia's Foreign Minister Sugiono and Defense Minister …')."
    if not found or toks.lower(i - 1) not in ("and", ","):
        return None
    last = found[-1]
    return last.country if toks.starts[i - 1] - last.end <= 2 else None


def _title_at(toks: _Tokens, i: int, rules: _Rules) -> _Title | None:
    "Return the title starting at token i, if any."
    if i >= len(toks):
        return None
    for size in range(min(rules.title_longest.get(toks.lowered[i], 0), len(toks) - i), 0, -1):
        key = tuple(toks.lowered[i : i + size])
        if key in rules.titles:
            return rules.titles[key]
    return None


# Month names that are also surnames ("Theresa May"): a name word only in a name the registry knows.
_MONTHS_IN_NAMES = frozenset({"May", "June", "April", "August"})


def _name_end(toks: _Tokens, k: int, rules: _Rules, gaz: Gazetteer) -> int:
    """Return the end of a capitalised name starting at token k (k when there is none).

    At most five words, a hyphenated one counting once: "Meshal Al-Ahmad Al-Jaber Al-Sabah".
    """
    end = k
    joined = 0  # tokens of hyphenated words beyond their first ("-", "Ahmad")
    while end < len(toks) and end - k - joined < 5:
        word = toks.words[end]
        if end > k and toks.sentence[end] != toks.sentence[k]:
            break  # "Minister of National Defense Suh Wook\n\nMODERATOR:": a name ends with its line
        if len(word) == 1 and word.isupper() and toks.words[end + 1 : end + 2] == ["."]:
            end += 2  # an initial: "S. Jaishankar"
            continue
        is_initial = len(word) == 2 and word[0].isupper() and word[1] == "."
        if (
            end > k
            and word in _MONTHS_IN_NAMES
            and any(e.type == "person" for e in gaz.lookup(tuple(toks.words[k : end + 1])))
        ):
            end += 1  # "Prime Minister Theresa May": a surname that is a month, in a name the registry knows
            continue
        if word in NOT_NAME or _rules().titles.get((word.lower(),)) is not None:
            break
        if word[:1].isupper() and (
            word.isalpha() or is_initial or "-" in word or any(q in word for q in "'’‘") or "." in word
        ):
            if (
                end > k
                and gaz.lookup((word,))
                and any(e.type in ("state", "capital") for e in gaz.lookup((word,)))
            ):
                break
            end += 1
            continue
        if end > k and word in rules.particles:
            end += 1
            continue
        if end > k and word == "-" and end + 1 < len(toks) and _name_part_after_hyphen(toks.words[end + 1]):
            end += 2
            joined += 2
            continue
        break
    while (
        end > k
        and toks.words[end - 1] in rules.particles
        and toks.words[end - 1] not in ("Jr.", "Sr.", "III", "II")
    ):
        end -= 1
    return end


def _state_after_name(toks: _Tokens, gaz: Gazetteer, end: int) -> str | None:
    "Return the state named right after a titled name: 'President Tsakhia Elbegdorj of Mongolia'."
    if toks.lower(end) != "of":
        return None
    k = end + 1 + (toks.lower(end + 1) == "the")
    for size in (4, 3, 2, 1):
        for e in gaz.lookup(tuple(toks.words[k : k + size])) if k + size <= len(toks) else ():
            if e.type == "state" and e.via == "name":
                return e.code
    return None


def _title_country(article: Article, toks: _Tokens, gaz: Gazetteer, i: int) -> str | None:
    "Return the state named just before a title: 'Chinese', 'Indonesia's', 'US', 'their Cambodian counterparts,'."
    # (within the title's sentence: "… his Azerbaijani counterpart Jeyhun Bayramov on Tuesday.
    # Prime Minister Shehbaz Sharif arrived in Riyadh" gives the prime minister no state)
    first = i
    while first > 0 and toks.sentence[first - 1] == toks.sentence[i]:
        first -= 1
    j = i - 1
    if toks.words[j : j + 1] and toks.words[j] in ("'s", "’s"):
        j -= 1
    # Longest name first: "Papua New Guinea's Foreign Minister" is not Guinea's.
    for size in (4, 3, 2, 1):
        lo = j - size + 1
        if lo < first:
            continue
        entries = gaz.lookup(tuple(toks.words[lo : j + 1]))
        for e in entries:
            if e.type == "state":
                return e.code
    # "Cambodian Deputy Minister and Minister of National Defence Tea Siha": the adjective
    # before the chain of offices the last one ends
    p = i - 1
    while p >= max(first, i - 6) and (toks.words[p][:1].isupper() or toks.lowered[p] in ("and", "of")):
        for e in gaz.lookup((toks.words[p],)):
            if e.type == "state" and e.via == "demonym" and p < i - 1:
                return e.code
        p -= 1
    # "their Cambodian counterparts, Foreign Minister ..." / "counterparts from China"
    lo = max(first, i - 8)
    window = toks.words[lo:i]
    if "counterparts" in window or "counterpart" in window:
        for p in range(i - 1, lo - 1, -1):
            # (the longest name ending here: "his South Sudanese counterpart" is South Sudan's)
            for size in (3, 2, 1):
                if p - size + 1 < lo:
                    continue
                for e in gaz.lookup(tuple(toks.words[p - size + 1 : p + 1])):
                    if e.type == "state":
                        return e.code
    return None


def _name_part_after_hyphen(word: str) -> bool:
    "True for the part of a name after its hyphen: 'Jae-In', and the lower-case syllable of 'Jae-in', 'Tae-yul'."
    return word[:1].isupper() or (word.isalpha() and word.islower() and len(word) <= 4)


def _holders_by_surname(
    gaz: Gazetteer,
    name: str,
    role: str,
    country: str | None,
    published: str | None,
    story: str | None = None,
    given_name: bool = False,
) -> list[Any]:
    """Return the office-holders a titled name's surname alone names, in the title's office (on the date).

    Why: "Prime Minister Binyamin Netanyahu", "President Mohamed Bazoum": given names are
    transliterated many ways; the title, the surname and the date together still single out one
    holder. Only when exactly one holds that office (in that state, if the title says which).
    A `given_name` ("President Sheikh Mohamed", the UAE's) is not sounded out: Somalia's Hassan
    Sheikh Mohamud is not him.
    """
    words = name.split()
    if not words or (len(words) < 2 and len(words[0]) < 6):
        return []
    if not published:
        # An undated page: the surname names one holder only if every holder of the office by that
        # surname is one and the same person ("Foreign Minister Makhdoom Shah Mehmood Qureshi")
        undated = [
            h for h in gaz.holders(words[-1]) if h.role == role and (country is None or h.country == country)
        ]
        if undated or not story:
            return undated[:1] if len({(h.name, h.country) for h in undated}) == 1 else []
        # (else the story's year, for the spelling below: "President Yushenko" in a page of 2005)
        published = story
    found = [
        h
        for h in gaz.holders(words[-1], published)
        if h.role == role and (country is None or h.country == country) and h.is_in_office(published)
    ]
    if (
        not found
        and not given_name
        and not _hyphenated_given_name(words[-1])
        and len(skeleton := _consonants(words[-1])) >= 3
    ):
        # "Foreign Minister Mohamad A. Alhakim" is the registry's Mohammed Ali al-Hakim, "Walid Muallem"
        # its Walid al-Moallem: transliterations differ in vowels and articles, and the office on the
        # day, with the surname's consonants, still singles out one holder
        found = [
            h
            for h in gaz.holders_in_role(role, published)
            if (country is None or h.country == country)
            and any(_consonants(n.split()[-1]) == skeleton for n in (h.name, *h.aliases))
        ]
    found = [h for h in found if _given_name_may_be(words, h)]
    return found if len({h.name for h in found}) == 1 else []


def _given_name_may_be(words: list[str], holder: Any) -> bool:
    """True when a written given name may be the holder's own, spelled another way (same first letter).

    Why: "State Minister of Defense Chamal Rajapaksa" is not Sri Lanka's defence minister Gotabaya Rajapaksa;
    "Binyamin Netanyahu" is Benjamin, "Mohamad Alhakim" Mohammed. A single name, initials or a title word
    before the surname say nothing against the holder.
    """
    given = [
        w
        for w in words[:-1]
        if len(w) >= 3 and w[:1].isupper() and not w.endswith(".") and w not in _HONORIFICS
    ]
    own = {w[:1].lower() for n in (holder.name, *holder.aliases) for w in n.split()[:-1] if w}
    # (any written word may be the given name: "President Uzbekistan Shavkat Mirziyoyev")
    return not given or not own or any(w[:1].lower() in own for w in given)


def _hyphenated_given_name(word: str) -> bool:
    """True for a Korean given name written last ('Cho Tae-yong'): it is no surname to sound out.

    Why: its consonants ('tng') are those of many short surnames ("Tong"), and the family name
    comes first.
    """
    head, _, tail = word.partition("-")
    return bool(head and tail[:1].islower())


def _consonants(surname: str) -> str:
    "Return a surname's consonants, without an Arabic article: 'al-Hakim', 'Alhakim' → 'hkm'."
    word = unicodedata.normalize("NFKD", surname).encode("ascii", "ignore").decode().lower()
    word = re.sub(r"^(?:al|el|ul)[-\s]?(?=\w{3})", "", word)
    # (transliterations of one letter: "Yushchenko" and "Yushenko", "Kharrazi" and "Harrazi", "Dzhaparov")
    for written, sound in (
        ("shch", "sh"),
        ("sch", "sh"),
        ("dzh", "j"),
        ("kh", "h"),
        ("ck", "k"),
        ("ph", "f"),
    ):
        word = word.replace(written, sound)
    return re.sub(r"([a-z])\1+", r"\1", re.sub(r"[^a-z]|[aeiouyw]", "", word))


def _best_holder(holders: list[Any], country: str | None, role: str) -> Any:
    "Pick the office-holder matching the title's country and role, else the first."
    for h in holders:
        if (country is None or h.country == country) and h.role == role:
            return h
    for h in holders:
        if country is None or h.country == country:
            return h
    return holders[0]


def _role_for(role: str, country: str | None) -> str:
    "Map a title's role to the schema's role; a Philippine, British or Mexican foreign secretary is the foreign minister."
    if role == "foreign secretary" and country in ("PHL", "GBR", "MEX"):
        return "foreign minister"
    return role


_BARE_TITLES = frozenset({"minister", "secretary", "president", "premier", "chancellor", "counterpart"})
# The verbs of a headline's pair of surnames: "Modi, Putin hold talks in Moscow"
_HEADLINE_VERBS = ACTION_WORDS | {"hold", "meet", "sign", "discuss", "agree", "talk"}


def _acts_in_running_text(toks: _Tokens, i: int) -> bool:
    """Return whether a capitalised word of five letters or more is followed by a verb or a possessive.

    Why: "Macron paid a state visit to Vietnam", "Prabowo's visit": a surname that one office-holder
    in office bears, used as a subject, is that holder, whatever the verb; a short surname ("Li",
    "Kim", "Lee") is shared by too many to go without the verbs of `ACTION_WORDS`.
    """
    following = toks.words[i + 1] if i + 1 < len(toks) else ""
    if toks.sentence[min(i + 1, len(toks) - 1)] != toks.sentence[i]:
        return False
    return len(toks.words[i]) >= 5 and (
        (following.isalpha() and following.islower() and len(following) >= 3)
        or following in ("'s", "’s")
        # a headline's infinitive: "Erdogan to visit Baghdad next week"
        or (
            following == "to"
            and i + 2 < len(toks)
            and toks.words[i + 2].isalpha()
            and toks.words[i + 2].islower()
        )
    )


def _people_in_office(gaz: Gazetteer, word: str, published: str | None) -> list[OfficeHolder]:
    """Return one office-holder per person in office on the date that a bare name names.

    Why: a president who is head of state and of government has two rows in the registry;
    "Biden met Modi" names one person, not two candidates to choose between.
    """
    people: dict[tuple[str, str], OfficeHolder] = {}
    for h in gaz.holders(word, published):
        if h.is_in_office(published):
            people.setdefault((h.name, h.country), h)
    return list(people.values())


def _pairs_with(word: str, partner: str) -> bool:
    """True when a bare name joined by "and" to a person may be read as a surname too.

    Why: two letters are a surname only beside someone with a longer one ("Xi and Putin held
    talks"); "Xi and Li are …" pairs two short words that may be anything.
    """
    return len(word) >= 3 or len(partner) >= 3


_DAY_WORDS = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "yesterday",
        "today",
        "tonight",
        "earlier",
        "later",
        "also",
        "then",
        "again",
    ]
)


def _after_the_day(toks: _Tokens, j: int) -> int:
    """Return the index of the first token at or after `j` past a day or adverb ("on Tuesday", "also")."""
    for _ in range(3):
        if toks.lower(j) == "on" and toks.lower(j + 1) in _DAY_WORDS:
            j += 2
        elif toks.lower(j) in _DAY_WORDS:
            j += 1
        else:
            break
    return j


def _people_by_surname(
    article: Article, toks: _Tokens, gaz: Gazetteer, covered: set[int], found: list[ActorMention]
) -> list[ActorMention]:
    "Resolve bare later mentions ('Wang said', 'Mr. Shringla') to people already named or in the registry."
    known: dict[str, ActorMention] = {}
    for m in found:
        if m.type != ActorType.PERSON:
            continue
        parts = token_key(m.name)
        known.setdefault(parts[-1], m)
        known.setdefault(parts[0], m)
        known.setdefault(fold_name(parts[-1]), m)  # "Mr. Thórdarson" is the registry's Þórðarson
        for h in gaz.holders(m.name, article.published):
            for alias in h.aliases:
                if len(token_key(alias)) == 1:
                    known.setdefault(alias, m)
    out: list[ActorMention] = []
    taken = {offset for m in found for offset in range(m.start, m.end)}
    people_at = {offset for m in found if m.type == ActorType.PERSON for offset in range(m.start, m.end)}

    def named_person(k: int) -> bool:
        "True when token k is a person found, or a surname that one office-holder in office bears."
        if toks.starts[k] in people_at:
            return True
        partner = toks.words[k]
        return (
            partner[:1].isupper()
            and partner not in NOT_NAME
            # (a two-letter word only when it acts: "Modi and Xi had …", not "Xi and Li are …")
            and (len(partner) >= 3 or toks.lower(k + 1) in ACTION_WORDS or toks.lower(k + 1) in SPEECH_VERBS)
            and len(_people_in_office(gaz, partner, article.published)) == 1
        )

    for i, word in enumerate(toks.words):
        if (
            i in covered
            or toks.starts[i] in taken
            or not word[:1].isupper()
            or word in NOT_NAME
            or len(word) < 2
        ):
            continue
        person = known.get(word) or (None if word.isascii() else known.get(fold_name(word)))
        if person is None and (
            toks.lower(i + 1) in SPEECH_VERBS
            or toks.lower(i + 1) in ACTION_WORDS
            # "Biden on Tuesday made a phone call to Ruto": wire style puts the day before the verb
            or toks.lower(_after_the_day(toks, i + 1)) in SPEECH_VERBS | ACTION_WORDS
            or toks.lower(i - 1) in MET_WORDS  # "Wang Yi held talks with Lavrov in Moscow"
            # a bare title: "my new counterpart, Minister Sjafrie", "his counterpart, Secretary Teodoro"
            or toks.lower(i - 1) in _BARE_TITLES
            # "Modi and Xi had a one-on-one meeting": paired with someone named
            or (
                toks.lower(i + 1) == "and"
                and i + 2 < len(toks)
                and _pairs_with(word, toks.words[i + 2])
                and named_person(i + 2)
            )
            or (
                toks.lower(i - 1) == "and"
                and i >= 2
                and _pairs_with(word, toks.words[i - 2])
                and named_person(i - 2)
            )
            # a pair joined by a dash: "A Xi-Trump summit could take place in April"
            or (
                toks.lower(i + 1) in ("-", "–")
                and i + 2 < len(toks)
                and _pairs_with(word, toks.words[i + 2])
                and (
                    named_person(i + 2)
                    or len(_people_in_office(gaz, toks.words[i + 2], article.published)) == 1
                )
            )
            or (
                toks.lower(i - 1) in ("-", "–")
                and i >= 2
                and _pairs_with(word, toks.words[i - 2])
                and named_person(i - 2)
            )
            # a headline's pair: "Modi, Putin hold talks in Moscow"
            or (
                toks.lower(i + 1) == ","
                and i + 2 < len(toks)
                and toks.sentence[i + 2] == toks.sentence[i]
                and _pairs_with(word, toks.words[i + 2])
                and named_person(i + 2)
                and toks.lower(i + 3) in _HEADLINE_VERBS
            )
            or (
                toks.lower(i - 1) == ","
                and i >= 2
                and _pairs_with(word, toks.words[i - 2])
                and named_person(i - 2)
                and toks.lower(i + 1) in _HEADLINE_VERBS
            )
            or _acts_in_running_text(toks, i)
        ):
            holders = _people_in_office(gaz, word, article.published)
            if (
                len(holders) != 1
                or _someone_elses_given_name(toks, gaz, i, holders[0].name)
                or _written_in_full_as_someone_else(article, gaz, word, holders[0].name)
            ):
                continue
            found_as: tuple[str, str | None, str | None] = (
                holders[0].name,
                holders[0].country,
                holders[0].role,
            )
        elif person is None or any(e.type in ("state", "capital", "grouping") for e in gaz.lookup((word,))):
            continue
        else:
            found_as = (person.name, person.country, person.role)
        name, country, role = found_as
        out.append(
            _mention(article, toks, i, i + 1, type=ActorType.PERSON, name=name, country=country, role=role)
        )
    return out
