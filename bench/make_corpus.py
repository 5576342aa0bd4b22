"""Generate a benchmark corpus by recombining the sample articles.

Input: the sample corpus shipped in the package (`src/diplograph/sample/`, read
with `diplograph.extract.ingest.read_documents`), the states and cities tables in
`src/diplograph/data/` (a small built-in table when `states.csv` is missing),
a number of articles N (default 2,000) and a seed.
Output: N articles in the corpus format, written either to a directory (one
`url:` / `title:` / `published:` / `---` text file per article, or an `.html`
page for the HTML samples, in sub-directories of 1,000) or to one JSON Lines
file (`id`, `url`, `title`, `published`, `text` per line).

Why recombine rather than copy: the store skips identical content and folds
reports of the same event together, so 2,000 copies of 40 articles would
measure a cache. Why realistic variants rather than random text: what the
extractor costs depends on what it finds (states, people, dates, cue words),
so the text must still read like reporting. Each article is one sample varied
in five ways, all consistent within the article:

1. dates: every year is shifted by the same number of years, to a "calendar
   twin" of the publication year (same weekday on 1 January, same leap-ness),
   so "on Wednesday, April 22" stays true; months and days are kept, because
   moving them would break the weekday/date agreement the date resolver uses;
2. states: the one or two most-mentioned states become a pair taken from
   `PLAUSIBLE_DYADS`, with name, aliases, demonyms, capital and the other
   cities of `cities.csv` replaced together ("Cambodian", "Phnom Penh",
   "PHNOM PENH, April 22" → "Lao", "Vientiane", "VIENTIANE, April 22");
   people's names are kept, as no table maps them to other states;
3. ordinals from "second" up ("the 34th AUSMIN", "the eighth edition") move
   by the same small offset, unless the article reports a first meeting;
4. paragraphs after the lede are lightly shuffled (one adjacent pair swapped)
   and sometimes the last one is dropped;
5. every article gets a unique id and url.

Article `i` depends only on (seed, i), so the corpus of 1,000 articles is the
first 1,000 of the corpus of 20,000: corpora of growing size are comparable.

Usage:
    .venv/bin/python bench/make_corpus.py /tmp/corpus --n 2000 --seed 0
    .venv/bin/python bench/make_corpus.py /tmp/corpus.jsonl --n 2000 --jsonl
"""

from __future__ import annotations

import argparse
import calendar
import csv
import datetime as dt
import json
import random
import re
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported where used, so that importing this module stays cheap (bench_pipeline's workers)
    from diplograph.models import RawDocument

DEFAULT_N = 2_000
DEFAULT_SEED = 0
SHARD_SIZE = 1_000

# Publication years of the variants: from the earliest sample's decade to the
# latest sample. Each year has 3 to 5 calendar twins in this range.
MIN_YEAR, MAX_YEAR = 1990, 2026

# Pairs of states that plausibly hold 2+2 dialogues, summits, exercises or
# talks together (all named without "the", so "the Philippines" problems do
# not arise). A pair whose states the article already names for another role
# is skipped.
PLAUSIBLE_DYADS: tuple[tuple[str, str], ...] = (
    ("JPN", "VNM"), ("IND", "JPN"), ("AUS", "IDN"), ("KOR", "AUS"), ("FRA", "IND"), ("DEU", "JPN"),
    ("CHN", "LAO"), ("CHN", "PAK"), ("RUS", "IND"), ("RUS", "VNM"), ("JPN", "AUS"), ("IND", "AUS"),
    ("IDN", "MYS"), ("SGP", "AUS"), ("THA", "CHN"), ("KAZ", "UZB"), ("TUR", "AZE"), ("BRA", "ARG"),
    ("ZAF", "NGA"), ("EGY", "SAU"), ("CAN", "MEX"), ("FRA", "DEU"), ("ITA", "JPN"), ("NZL", "FJI"),
    ("KOR", "IDN"), ("VNM", "LAO"), ("MNG", "KOR"), ("IND", "VNM"), ("JPN", "MNG"), ("AUS", "PNG"),
    ("IDN", "SGP"), ("PAK", "TUR"), ("BGD", "IND"), ("LKA", "IND"), ("NPL", "CHN"), ("KHM", "THA"),
    ("MYS", "SGP"), ("ESP", "MAR"), ("POL", "DEU"), ("SWE", "FIN"), ("KEN", "ETH"), ("QAT", "TUR"),
    ("UZB", "TJK"), ("KGZ", "KAZ"), ("CHL", "PER"), ("COL", "ECU"), ("GRC", "CYP"), ("IRN", "RUS"),
)  # fmt: skip

# States never swapped out: named with "the", or with too many forms
# ("US", "U.S.", "American", "Washington") for a clean replacement.
NOT_SWAPPED = frozenset({"USA", "GBR", "PHL", "NLD", "ARE", "BHS", "MDV", "COM", "SYC", "CAF", "DOM", "CZE"})

# Phrases that contain a state's form but are not about the state: kept as is
# (the names of groupings.csv, such as "Shanghai Cooperation Organisation", too).
FIXED_PHRASES = (
    "Indian Ocean", "South China Sea", "East China Sea", "Sea of Japan", "Korean Peninsula",
    "Arabian Sea", "Persian Gulf", "Gulf of Thailand", "Chinese Taipei", "Sino", "New Guinea",
)  # fmt: skip

# Ordinals followed by one of these words (or by a capitalised name or a number)
# count meetings, rounds or members, and are shifted; others ("third party",
# "first step", "21st century") are kept.
ORDINAL_NOUNS = frozenset(
    {"round", "edition", "meeting", "ministerial", "summit", "session", "dialogue", "such", "full",
     "member", "annual", "time", "iteration", "consultations", "exercise", "visit"}
)  # fmt: skip
ORDINAL_WORDS = (
    "zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
    "eighteenth", "nineteenth", "twentieth",
)  # fmt: skip
MAX_ORDINAL_OFFSET = 3

# Light shuffling: the chance of swapping one adjacent pair of paragraphs after
# the lede, and of dropping the last paragraph of an article of 5 or more.
SWAP_CHANCE = 0.35
DROP_CHANCE = 0.15
# The chance that an article keeps its own states (so that originals appear too).
KEEP_STATES_CHANCE = 0.1

# Used when src/diplograph/data/states.csv is missing:
# code, name, official name, demonyms, capital.
BUILTIN_STATES: tuple[tuple[str, str, str, str, str], ...] = (
    ("AUS", "Australia", "Commonwealth of Australia", "Australian|Australians", "Canberra"),
    ("CHN", "China", "People's Republic of China", "Chinese", "Beijing"),
    ("IDN", "Indonesia", "Republic of Indonesia", "Indonesian|Indonesians", "Jakarta"),
    ("IND", "India", "Republic of India", "Indian|Indians", "New Delhi"),
    ("JPN", "Japan", "Japan", "Japanese", "Tokyo"),
    ("KAZ", "Kazakhstan", "Republic of Kazakhstan", "Kazakh|Kazakhs", "Astana"),
    ("KHM", "Cambodia", "Kingdom of Cambodia", "Cambodian|Cambodians", "Phnom Penh"),
    ("KOR", "South Korea", "Republic of Korea", "South Korean|South Koreans", "Seoul"),
    ("LAO", "Laos", "Lao People's Democratic Republic", "Lao|Laotian|Laotians", "Vientiane"),
    ("MYS", "Malaysia", "Malaysia", "Malaysian|Malaysians", "Kuala Lumpur"),
    ("PAK", "Pakistan", "Islamic Republic of Pakistan", "Pakistani|Pakistanis", "Islamabad"),
    ("RUS", "Russia", "Russian Federation", "Russian|Russians", "Moscow"),
    ("SGP", "Singapore", "Republic of Singapore", "Singaporean|Singaporeans", "Singapore"),
    ("THA", "Thailand", "Kingdom of Thailand", "Thai", "Bangkok"),
    ("UZB", "Uzbekistan", "Republic of Uzbekistan", "Uzbek|Uzbeks", "Tashkent"),
    ("VNM", "Vietnam", "Socialist Republic of Viet Nam", "Vietnamese", "Hanoi"),
)

_YEAR = re.compile(r"(?<![\d.])(19[4-9]\d|20[0-6]\d)(?![\d])")
_ORDINAL = re.compile(
    r"\b(?:(?P<num>\d{1,3})(?:st|nd|rd|th)|(?P<word>" + "|".join(ORDINAL_WORDS[2:]) + r"))\b"
    r"(?=[ -](?P<next>[\w+]+))",
    re.IGNORECASE,
)
_FIRST_MEETING = re.compile(
    r"\b(first|inaugural)[- ](ever|meeting|summit|round|edition|session|dialogue)", re.IGNORECASE
)
_SLUG = re.compile(r"[^a-z0-9]+")


# ── reference tables ────────────────────────────────────────────────────────


@dataclass(frozen=True, slots=True)
class StateNames:
    """The forms news uses for one state."""

    code: str
    name: str
    official_name: str
    aliases: tuple[str, ...]
    adjective: str
    plural: str
    other_demonyms: tuple[str, ...]
    capital: str
    seats: tuple[str, ...]
    cities: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Form:
    """A surface form found in a sample: what it names and how to replace it."""

    code: str | None  # None for a fixed phrase
    kind: str  # name, alias, adjective, plural, capital, city, fixed
    original: str  # the form as the table spells it (the upper-case variant's source)
    upper: bool = False


def load_states(data_dir: Path | None = None) -> dict[str, StateNames]:
    """Return the states by ISO3 code, from `states.csv` and `cities.csv` (built-in table if missing)."""
    data = data_dir or Path(str(resources.files("diplograph") / "data"))
    cities: dict[str, list[str]] = {}
    if (data / "cities.csv").exists():
        with open(data / "cities.csv", encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                cities.setdefault(row["country"], []).append(row["name"])
    states: dict[str, StateNames] = {}
    if (data / "states.csv").exists():
        with open(data / "states.csv", encoding="utf-8", newline="") as handle:
            rows = [
                (
                    r["code"],
                    r["name"],
                    r["official_name"],
                    r["aliases"],
                    r["demonyms"],
                    r["capital"],
                    r["seat_aliases"],
                )
                for r in csv.DictReader(handle)
            ]
    else:
        rows = [(code, name, official, "", dem, cap, "") for code, name, official, dem, cap in BUILTIN_STATES]
    for code, name, official, aliases, demonyms, capital, seats in rows:
        forms = _split(demonyms)
        if not forms or not capital:
            continue
        adjective = forms[0]
        plurals = [f for f in forms[1:] if f.endswith("s")]
        plural = plurals[0] if plurals else adjective
        states[code] = StateNames(
            code=code,
            name=name,
            official_name=official or name,
            aliases=tuple(a for a in _split(aliases) if a != name),
            adjective=adjective,
            plural=plural,
            other_demonyms=tuple(f for f in forms[1:] if f != plural),
            capital=capital,
            seats=_split(seats),
            cities=tuple(c for c in cities.get(code, ()) if c != capital),
        )
    return states


def _split(value: str) -> tuple[str, ...]:
    "Return the non-empty parts of a `|`-separated cell."
    return tuple(part.strip() for part in value.split("|") if part.strip())


def _forms_of(state: StateNames) -> Iterator[tuple[str, str]]:
    "Yield (form, kind) for every name a state is called by."
    yield state.name, "name"
    for alias in state.aliases:
        yield alias, "alias"
    yield state.adjective, "adjective"
    if state.plural != state.adjective:
        yield state.plural, "plural"
    for other in state.other_demonyms:
        yield other, "adjective"
    yield state.capital, "capital"
    for seat in state.seats:
        yield seat, "capital"
    for city in state.cities:
        yield city, "city"


def load_fixed_phrases(data_dir: Path | None = None) -> tuple[str, ...]:
    """Return the phrases never changed: `FIXED_PHRASES` and the grouping names of `groupings.csv`."""
    data = data_dir or Path(str(resources.files("diplograph") / "data"))
    phrases = list(FIXED_PHRASES)
    if (data / "groupings.csv").exists():
        with open(data / "groupings.csv", encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                phrases.extend(p for p in (row["name"], *_split(row["aliases"])) if " " in p)
    return tuple(phrases)


def _all_forms(states: dict[str, StateNames]) -> dict[str, _Form]:
    "Return every form of every state (and its upper-case variant for datelines), longest wins on clashes."
    forms: dict[str, _Form] = {}
    for phrase in load_fixed_phrases():
        forms[phrase] = _Form(code=None, kind="fixed", original=phrase)
    for state in states.values():
        for form, kind in _forms_of(state):
            forms.setdefault(form, _Form(code=state.code, kind=kind, original=form))
            if kind in ("name", "capital", "city"):
                forms.setdefault(form.upper(), _Form(code=state.code, kind=kind, original=form, upper=True))
    return forms


# ── templates ───────────────────────────────────────────────────────────────


@dataclass(slots=True)
class Template:
    """A sample article prepared for recombination."""

    name: str
    format: str  # txt or html
    title: str
    published: str
    text: str  # the body (for HTML: the text ingest reads, used in JSON Lines output)
    url: str | None
    page: str | None  # the HTML page, for .html output
    pattern: re.Pattern[str] | None  # the state forms present in the sample
    forms: dict[str, _Form]
    sources: tuple[str, ...]  # the (one or two) states to swap, most mentioned first
    mentioned: frozenset[str]
    ordinals_shift: bool
    cities: dict[str, tuple[str, ...]] = field(default_factory=dict)  # ISO3 → its cities named in the sample


def default_sample_dir() -> Path:
    """Return the sample corpus shipped with the package."""
    return Path(str(resources.files("diplograph") / "sample"))


def load_templates(
    sample_dir: Path | None = None, states: dict[str, StateNames] | None = None
) -> list[Template]:
    """Return the sample articles of `sample_dir`, each with the state forms it contains.

    Raises:
        ValueError: the directory has no readable article.
    """
    from diplograph.extract.ingest import read_documents
    from diplograph.models import RawDocument

    states = states if states is not None else load_states()
    all_forms = _all_forms(states)
    templates: list[Template] = []
    for item in read_documents([sample_dir or default_sample_dir()]):
        if not isinstance(item, RawDocument) or not item.published:
            continue
        page = Path(item.source).read_text(encoding="utf-8") if item.format == "html" else None
        templates.append(_template(item, page, all_forms))
    if not templates:
        raise ValueError(f"no sample article with a publication date in {sample_dir}")
    return templates


def _template(doc: RawDocument, page: str | None, all_forms: dict[str, _Form]) -> Template:
    "Prepare one sample: find its state forms, the states to swap, and whether ordinals may move."
    haystack = f"{doc.title or ''}\n{doc.text}"
    everything = f"{haystack}\n{page or ''}"  # an HTML page also names states in its metadata
    present = {form: info for form, info in all_forms.items() if form in everything}
    pattern = None
    counts: Counter[str] = Counter()
    cities: dict[str, set[str]] = {}
    if present:
        alternation = "|".join(re.escape(f) for f in sorted(present, key=len, reverse=True))
        pattern = re.compile(r"(?:\b(?P<art>[Aa]n?) )?(?<![\w.])(?P<form>" + alternation + r")(?!\w)")
        for match in pattern.finditer(haystack):
            info = present[match["form"]]
            if info.code is None:
                continue
            counts[info.code] += 1
            if info.kind == "city":
                cities.setdefault(info.code, set()).add(info.original)
    swappable = [code for code, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    swappable = [code for code in swappable if code not in NOT_SWAPPED]
    name = Path(doc.source).stem if doc.format != "jsonl" else doc.id
    return Template(
        name=name,
        format="html" if page is not None else "txt",
        title=doc.title or name,
        published=doc.published or "",
        text=doc.text,
        url=doc.url,
        page=page,
        pattern=pattern,
        forms=present,
        sources=tuple(swappable[:2]),
        mentioned=frozenset(counts),
        ordinals_shift=_FIRST_MEETING.search(haystack) is None,
        cities={code: tuple(sorted(names)) for code, names in cities.items()},
    )


# ── variants ────────────────────────────────────────────────────────────────


@dataclass(frozen=True, slots=True)
class Article:
    """One generated article."""

    id: str
    path: str  # relative path of its file in a directory corpus
    url: str
    title: str
    published: str
    text: str
    format: str  # txt or html
    page: str | None = None

    def file_content(self) -> str:
        """Return the file's content: the corpus text format, or the HTML page."""
        if self.page is not None:
            return self.page
        return f"url: {self.url}\ntitle: {self.title}\npublished: {self.published}\n---\n{self.text}"

    def record(self) -> dict[str, str]:
        """Return the JSON Lines record."""
        return {
            "id": self.id,
            "url": self.url,
            "title": self.title,
            "published": self.published,
            "text": self.text,
        }


def generate_articles(
    n: int = DEFAULT_N,
    seed: int = DEFAULT_SEED,
    *,
    templates: Sequence[Template] | None = None,
    states: dict[str, StateNames] | None = None,
) -> Iterator[Article]:
    """Yield `n` articles recombined from the samples; article `i` depends only on (`seed`, `i`)."""
    states = states if states is not None else load_states()
    templates = templates if templates is not None else load_templates(states=states)
    dyads = [d for d in PLAUSIBLE_DYADS if d[0] in states and d[1] in states]
    for index in range(n):
        rng = random.Random(f"diplograph-bench:{seed}:{index}")
        yield _variant(index, rng.choice(templates), rng, dyads, states)


def _variant(
    index: int,
    template: Template,
    rng: random.Random,
    dyads: Sequence[tuple[str, str]],
    states: dict[str, StateNames],
) -> Article:
    "Return article `index`: the template with its dates, states, ordinals and paragraphs varied."
    year = int(template.published[:4])
    delta = rng.choice(calendar_twins(year)) - year
    mapping = _state_mapping(template, rng, dyads, states)
    offset = rng.randint(0, MAX_ORDINAL_OFFSET) if template.ordinals_shift else 0

    def vary(text: str) -> str:
        return _shift_ordinals(_swap_states(_shift_years(text, delta), template, mapping), offset)

    title = vary(template.title)
    published = _shift_years(template.published, delta)
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    slug = _SLUG.sub("-", ascii_title.lower()).strip("-")[:60].rstrip("-")
    url = f"https://bench.example.org/{published[:10].replace('-', '/')}/{slug}-{index:06d}"
    text = vary(template.text)
    if template.format == "txt":
        text = _shuffled(text, rng)
    page = None
    if template.page is not None:
        page = vary(template.page)
        if template.url:
            page = page.replace(vary(template.url), url).replace(template.url, url)
    extension = "html" if page is not None else "txt"
    return Article(
        id=f"bench-{index:06d}",
        path=f"{index // SHARD_SIZE:03d}/{index:06d}-{template.name}.{extension}",
        url=url,
        title=title,
        published=published,
        text=text,
        format=extension,
        page=page,
    )


def calendar_twins(year: int) -> list[int]:
    """Return the years in [MIN_YEAR, MAX_YEAR] whose calendar is the same as `year`'s (itself included)."""
    weekday, leap = dt.date(year, 1, 1).weekday(), calendar.isleap(year)
    twins = [
        y
        for y in range(MIN_YEAR, MAX_YEAR + 1)
        if dt.date(y, 1, 1).weekday() == weekday and calendar.isleap(y) == leap
    ]
    return twins or [year]


def _shift_years(text: str, delta: int) -> str:
    "Return `text` with every year moved by `delta`."
    if delta == 0:
        return text
    return _YEAR.sub(lambda m: str(int(m[1]) + delta), text)


def _state_mapping(
    template: Template, rng: random.Random, dyads: Sequence[tuple[str, str]], states: dict[str, StateNames]
) -> dict[str, str]:
    "Return form → replacement for the states this variant swaps (empty to keep the sample's states)."
    if not template.sources or rng.random() < KEEP_STATES_CHANCE:
        return {}
    targets = _pick_targets(template, rng, dyads)
    if targets is None:
        return {}
    mapping: dict[str, str] = {}
    for source, target in zip(template.sources, targets, strict=False):
        if source == target:
            continue
        new = states[target]
        city_pool = [c for c in new.cities if c not in template.forms]
        rng.shuffle(city_pool)
        new_cities = dict(zip(template.cities.get(source, ()), city_pool, strict=False))
        for form, info in template.forms.items():
            if info.code != source:
                continue
            if info.kind == "city":
                replacement = new_cities.get(info.original, new.capital)
            else:
                replacement = {
                    "name": new.name,
                    "alias": new.official_name,
                    "adjective": new.adjective,
                    "plural": new.plural,
                    "capital": new.capital,
                }[info.kind]
            mapping[form] = replacement.upper() if info.upper else replacement
    return mapping


def _pick_targets(
    template: Template, rng: random.Random, dyads: Sequence[tuple[str, str]]
) -> tuple[str, ...] | None:
    "Return states for the template's sources, from one plausible dyad; None when no dyad fits."
    candidates = list(dyads)
    rng.shuffle(candidates)
    for first, second in candidates:
        for pair in ((first, second), (second, first)):
            chosen = pair[: len(template.sources)]
            others = template.mentioned - set(template.sources)
            if not set(chosen) & others:
                return chosen
    return None


def _swap_states(text: str, template: Template, mapping: dict[str, str]) -> str:
    "Return `text` with the mapped state forms replaced (and 'a'/'an' before them agreed)."
    if not mapping or template.pattern is None:
        return text

    def replace(match: re.Match[str]) -> str:
        form, article = match["form"], match["art"]
        new = mapping.get(form)
        if new is None:
            return match[0]
        if article is None:
            return new
        a = "an" if new[0].lower() in "aeiou" else "a"
        return f"{a.capitalize() if article[0] == 'A' else a} {new}"

    return template.pattern.sub(replace, text)


def _shift_ordinals(text: str, offset: int) -> str:
    "Return `text` with the ordinals that count meetings, rounds or members moved by `offset`."
    if offset == 0:
        return text

    def replace(match: re.Match[str]) -> str:
        following = match["next"]
        if following.lower() not in ORDINAL_NOUNS and not (following[0].isupper() or following[0].isdigit()):
            return match[0]
        if following in ("World", "Century"):
            return match[0]
        if match["num"]:
            return _numeric_ordinal(int(match["num"]) + offset)
        word = match["word"]
        value = ORDINAL_WORDS.index(word.lower()) + offset
        new = ORDINAL_WORDS[value] if value < len(ORDINAL_WORDS) else _numeric_ordinal(value)
        return new.capitalize() if word[0].isupper() else new

    return _ORDINAL.sub(replace, text)


def _numeric_ordinal(value: int) -> str:
    "Return 21 → '21st', 12 → '12th'."
    suffix = "th" if 10 <= value % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
    return f"{value}{suffix}"


def _shuffled(text: str, rng: random.Random) -> str:
    "Return the body with one adjacent pair of paragraphs after the lede swapped, or the last dropped, by chance."
    paragraphs = text.strip("\n").split("\n\n")
    if len(paragraphs) >= 4 and rng.random() < SWAP_CHANCE:
        i = rng.randrange(1, len(paragraphs) - 1)
        paragraphs[i], paragraphs[i + 1] = paragraphs[i + 1], paragraphs[i]
    if len(paragraphs) >= 5 and rng.random() < DROP_CHANCE:
        paragraphs.pop()
    return "\n\n".join(paragraphs) + "\n"


# ── writing ─────────────────────────────────────────────────────────────────


@dataclass(frozen=True, slots=True)
class CorpusInfo:
    """What `write_corpus` wrote."""

    path: Path
    articles: int
    bytes: int
    words: int
    formats: dict[str, int]
    seconds: float


def write_corpus(
    out: Path,
    n: int = DEFAULT_N,
    seed: int = DEFAULT_SEED,
    *,
    jsonl: bool = False,
    formats: Sequence[str] = ("txt", "html"),
) -> CorpusInfo:
    """Write `n` generated articles to the directory `out` (or, with `jsonl`, to the file `out`).

    Args:
        out: a directory (created; existing files of the same names are overwritten) or a `.jsonl` path.
        n: how many articles.
        seed: the same seed gives the same corpus, byte for byte.
        jsonl: write one JSON Lines file instead of one file per article (HTML samples as their text).
        formats: the sample formats to draw from (`txt`, `html`).

    Returns:
        Counts of what was written, and the time taken.
    """
    started = time.perf_counter()
    states = load_states()
    templates = [t for t in load_templates(states=states) if t.format in formats]
    if not templates:
        raise ValueError(f"no sample article in the formats {', '.join(formats)}")
    written_bytes = words = 0
    kinds: Counter[str] = Counter()
    if jsonl:
        out.parent.mkdir(parents=True, exist_ok=True)
        with open(out, "w", encoding="utf-8") as handle:
            for article in generate_articles(n, seed, templates=templates, states=states):
                line = json.dumps(article.record(), ensure_ascii=False) + "\n"
                handle.write(line)
                written_bytes += len(line.encode("utf-8"))
                words += len(article.text.split())
                kinds["jsonl"] += 1
    else:
        for article in generate_articles(n, seed, templates=templates, states=states):
            path = out / article.path
            path.parent.mkdir(parents=True, exist_ok=True)
            data = article.file_content().encode("utf-8")
            path.write_bytes(data)
            written_bytes += len(data)
            words += len(article.text.split())
            kinds[article.format] += 1
    return CorpusInfo(
        path=out,
        articles=n,
        bytes=written_bytes,
        words=words,
        formats=dict(kinds),
        seconds=time.perf_counter() - started,
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Write a generated corpus; print what was written."""
    parser = argparse.ArgumentParser(
        description="Write N realistic articles recombined from the sample corpus."
    )
    parser.add_argument("out", type=Path, help="output directory (or .jsonl file with --jsonl)")
    parser.add_argument(
        "--n", type=int, default=DEFAULT_N, help=f"number of articles (default {DEFAULT_N:,})"
    )
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed (default 0)")
    parser.add_argument(
        "--jsonl", action="store_true", help="write one JSON Lines file instead of a directory"
    )
    parser.add_argument(
        "--formats",
        default="txt,html",
        help="sample formats to draw from, comma-separated (default txt,html)",
    )
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("--n must be at least 1")
    info = write_corpus(args.out, args.n, args.seed, jsonl=args.jsonl, formats=args.formats.split(","))
    mix = ", ".join(f"{count:,} {kind}" for kind, count in sorted(info.formats.items()))
    print(
        f"wrote {info.articles:,} articles ({mix}; {info.words:,} words, {info.bytes / 1e6:.1f} MB) "
        f"to {info.path} in {info.seconds:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
