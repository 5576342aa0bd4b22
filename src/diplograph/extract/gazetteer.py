"""Reference data: states, cities, groupings, office-holders and known mechanisms.

Input: the CSV files in `diplograph/data/` (their sources are noted in
`data/SOURCES.md`), or another directory with the same files.
Output: a `Gazetteer` with lookup tables keyed by token sequences, so that the
actor recogniser can find every name with one dictionary probe per n-gram.

Why token n-grams rather than one giant regular expression: Python's `re`
tries alternatives one after the other, so a pattern with thousands of names
costs thousands of attempts per character; a dict probe per token n-gram is
linear in the text and independent of the gazetteer's size.

Rows are validated on load; a malformed row raises `ReferenceDataError`
naming the file and line, because silently skipping reference data would
silently change what is extracted.
"""

from __future__ import annotations

import csv
import functools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from diplograph.errors import ReferenceDataError

# Tokens: dotted abbreviations (U.S., P.R.C.), possessive 's, words with inner
# apostrophes (Xi'an), numbers, and any other single non-space character.
TOKEN_RE = re.compile(
    r"(?:[A-Za-z]\.){2,}"
    r"|['’]s\b"
    r"|[^\W_]+(?:['’‘](?!s\b)[^\W\d_]+)*"
    r"|\S"
)
ISO3_RE = re.compile(r"^[A-Z]{3}$")
PARTIAL_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

# The offices the registry of office-holders records. A vice president and a military chief travel and
# receive as their state's envoys, and articles often name them with no state ("Vice President Harris",
# "General Asim Munir"); a state may have several of them at once.
ROLES = (
    "head of state",
    "head of government",
    "foreign minister",
    "defence minister",
    "vice president",
    "military chief",
)
MECHANISM_KINDS = (
    "2+2 dialogue",
    "foreign ministers meeting",
    "defence ministers meeting",
    "summit",
    "joint exercise",
    "bilateral talks",
    "institution established",
)
# The longest name in any table, in tokens ("Bay of Bengal Initiative for Multi-Sectoral
# Technical and Economic Cooperation" is 13); the recogniser probes n-grams up to this length,
# and only from words that start a name that long (`longest_from`).
MAX_NAME_TOKENS = 16


# Combining forms that name a state only before a hyphen: "Indo-Pacific", "Franco-German",
# "Russo-Ukrainian", "Anglo-French" ("General Franco" is no state).
COMBINING_FORMS = {
    "Indo": "IND", "Franco": "FRA", "Russo": "RUS", "Anglo": "GBR", "Luso": "PRT", "Hispano": "ESP",
    "Italo": "ITA", "Greco": "GRC", "Austro": "AUT", "Turco": "TUR", "Nippo": "JPN",
    "Ethio": "ETH",
    # ("the Senegalo-Gambian Presidential Council", "Belgo-Luxembourg", "the Hungaro-Serbian border")
    "Senegalo": "SEN", "Belgo": "BEL", "Hungaro": "HUN", "Irano": "IRN", "Serbo": "SRB",
}  # fmt: skip


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """Return the tokens of `text` as (token, start, end) triples."""
    return [(m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(text)]


@functools.lru_cache(maxsize=65536)
def token_key(text: str) -> tuple[str, ...]:
    """Return the token tuple a name is looked up by (cached: names recur in every article)."""
    return tuple(t for t, _, _ in tokenize(text))


@dataclass(frozen=True, slots=True)
class State:
    """A state with every name news uses for it."""

    code: str
    name: str
    official_name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capital: str
    seat_aliases: tuple[str, ...]
    region: str
    subregion: str


@dataclass(frozen=True, slots=True)
class Grouping:
    """An organisation, informal grouping, region or company."""

    id: str
    name: str
    aliases: tuple[str, ...]
    type: str
    adjectives: tuple[str, ...]
    memberships: tuple[tuple[str, str | None, str | None], ...] = ()

    def members_at(self, date: str | None) -> tuple[str, ...]:
        """Return the member states (sorted ISO3) on a partial ISO `date`, or today's when None."""
        out = set()
        for code, joined, left in self.memberships:
            if date and joined and joined[: len(date)] > date:
                continue
            if left and (date is None or left[: len(date)] <= date):
                continue
            out.add(code)
        return tuple(sorted(out))


@dataclass(frozen=True, slots=True)
class OfficeHolder:
    """A person holding a role in a state between two partial dates."""

    name: str
    aliases: tuple[str, ...]
    country: str
    role: str
    start: str | None
    end: str | None

    def is_in_office(self, date: str | None) -> bool:
        """True when the term covers the partial ISO `date` (or, with None, has not ended)."""
        if date is None:
            return self.end is None
        if self.start and self.start[: len(date)] > date:
            return False
        return not (self.end and self.end[: len(date)] < date[: len(self.end)])


@dataclass(frozen=True, slots=True)
class KnownMechanism:
    """A standing mechanism known in advance (AUSMIN, Golden Dragon...)."""

    id: str
    name: str
    aliases: tuple[str, ...]
    kind: str
    parties: tuple[str, ...]
    first_meeting: str | None
    secretariat: bool | None


@dataclass(frozen=True, slots=True)
class Entry:
    """What a name in the text may refer to."""

    type: str  # state | capital | city | town | grouping | person | mechanism
    code: str  # ISO3, grouping id, person name, mechanism id
    via: str  # name | alias | abbreviation | demonym | capital | adjective
    country: str | None = None
    # A seat of government named for its government ("the Kremlin said") is also a venue in its city
    # ("talks at the Kremlin"): the city, for state entries that are such landmarks.
    seat: str | None = None


@dataclass
class Gazetteer:
    """All reference tables, with a token-sequence index over every name."""

    states: dict[str, State] = field(default_factory=dict)
    groupings: dict[str, Grouping] = field(default_factory=dict)
    officeholders: list[OfficeHolder] = field(default_factory=list)
    mechanisms: dict[str, KnownMechanism] = field(default_factory=dict)
    cities: dict[str, str] = field(default_factory=dict)  # canonical city name -> ISO3
    index: dict[tuple[str, ...], list[Entry]] = field(default_factory=dict)
    people_by_name: dict[str, list[OfficeHolder]] = field(default_factory=dict)
    # A navy's ship prefix ("USS", "INS", "TCG") -> the state whose ship it names.
    ship_prefixes: dict[str, str] = field(default_factory=dict)
    # First token of every indexed name -> the longest name starting with it, so
    # the recogniser probes only the n-gram lengths that can match.
    longest_from: dict[str, int] = field(default_factory=dict)
    # Role -> its office-holders, built on first use (`holders_in_role`).
    _by_role: dict[str, list[OfficeHolder]] = field(default_factory=dict, repr=False, compare=False)

    def mechanism_members(self, mechanism: KnownMechanism, date: str | None) -> tuple[str, ...]:
        """Return the states taking part in a known mechanism's session on `date` (sorted ISO3).

        Why: the parties column of mechanisms.csv lists the members when the format
        began (the ASEAN Summit of 1976 had five); a session in 2025 has the grouping's
        members of 2025. A mechanism whose id names a grouping ("asean_summit",
        "sco_cfm", "admm_plus") takes that grouping's membership on the date, and
        keeps the listed states that are not members of it (ADMM-Plus's eight partners).
        """
        grouping = self.groupings.get(mechanism_grouping(mechanism.id, self.groupings))
        if grouping is None:
            return mechanism.parties
        outside = (
            set(mechanism.parties)
            - set(grouping.members_at(None))
            - {code for code, _, _ in grouping.memberships}
        )
        return tuple(sorted(outside | set(grouping.members_at(date))))

    def lookup(self, key: tuple[str, ...]) -> list[Entry]:
        """Return the entries for a token sequence (empty when unknown)."""
        return self.index.get(key, [])

    def holders(self, name: str, date: str | None = None) -> list[OfficeHolder]:
        """Return office-holders known by `name` (full name or alias), in office on `date` first."""
        found = self.people_by_name.get(name.casefold()) or self.people_by_name.get(
            fold_name(name).casefold(), []
        )
        if date is None:
            return found
        active = [h for h in found if h.is_in_office(date)]
        return active or found

    def holders_in_role(self, role: str, date: str) -> list[OfficeHolder]:
        """Return the office-holders in `role` on `date`."""
        if not self._by_role:
            for h in self.officeholders:
                self._by_role.setdefault(h.role, []).append(h)
        return [h for h in self._by_role.get(role, []) if h.is_in_office(date)]

    def state_name(self, code: str) -> str:
        """Return the short name of a state, or the code itself when unknown."""
        state = self.states.get(code)
        return state.name if state else code

    def _add(self, surface: str, entry: Entry) -> None:
        "Index `surface` (its all-caps form, for datelines and headlines, and its typographic apostrophes)."
        surface = surface.strip()
        if not surface:
            return
        forms = {surface, surface.upper()} if len(surface) > 3 else {surface}
        if len(surface) >= 4 and surface.isalpha() and surface.isupper():
            forms.add(surface.title())  # newspapers write "Bimstec", "Asean", "Ecowas"
        # "People’s Republic of China" as typeset: else "Republic of China" inside it is Taiwan.
        forms |= {f.replace("'", "’") for f in forms if "'" in f}
        # "ASEAN Defence Ministers Meeting-Plus": the plural possessive is often written without its apostrophe
        forms |= {re.sub(r"(?<=s)['’](?=\s)", "", f) for f in forms if re.search(r"s['’]\s", f)}
        for form in forms:
            key = token_key(form)
            if not key or len(key) > MAX_NAME_TOKENS:
                continue
            bucket = self.index.setdefault(key, [])
            if entry not in bucket:
                bucket.append(entry)
            self.longest_from[key[0]] = max(self.longest_from.get(key[0], 0), len(key))


def _split(cell: str | None) -> tuple[str, ...]:
    "Split a `|`-separated cell into stripped, non-empty values."
    return tuple(v.strip() for v in (cell or "").split("|") if v.strip())


def _rows(path: Path, header: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    "Yield (line number, row) for a CSV file, checking its header."
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise ReferenceDataError(f"cannot open: {exc}", source=str(path)) from exc
    with handle:
        reader = csv.DictReader(handle)
        missing = [h for h in header if h not in (reader.fieldnames or [])]
        if missing:
            raise ReferenceDataError(
                f"missing column(s) {', '.join(missing)}; expected header {','.join(header)}",
                source=path.name,
            )
        for row in reader:
            yield reader.line_num, {k: (v or "").strip() for k, v in row.items() if k}


def _check_code(code: str, path: Path, line: int) -> str:
    "Return `code` if it is ISO 3166-1 alpha-3 shaped, else raise."
    if not ISO3_RE.match(code):
        raise ReferenceDataError(
            f'country code "{code}" is not ISO 3166-1 alpha-3. Fix the row or remove it.',
            source=path.name,
            line=line,
        )
    return code


def _check_date(value: str, path: Path, line: int) -> str | None:
    "Return a partial ISO date or None for an empty cell, else raise."
    if not value:
        return None
    if not PARTIAL_DATE_RE.match(value):
        raise ReferenceDataError(
            f'date "{value}" is not YYYY, YYYY-MM or YYYY-MM-DD', source=path.name, line=line
        )
    return value


def _load_states(gaz: Gazetteer, data: Path) -> None:
    path = data / "states.csv"
    header = ("code", "name", "official_name", "aliases", "demonyms", "capital", "seat_aliases")
    for line, row in _rows(path, header):
        code = _check_code(row["code"], path, line)
        state = State(
            code=code,
            name=row["name"],
            official_name=row["official_name"],
            aliases=_split(row["aliases"]),
            demonyms=_split(row["demonyms"]),
            capital=row["capital"],
            seat_aliases=_split(row["seat_aliases"]),
            region=row.get("region", ""),
            subregion=row.get("subregion", ""),
        )
        gaz.states[code] = state
        for name in (state.name, state.official_name, *state.aliases):
            via = "abbreviation" if name.replace(".", "").isupper() and len(name) <= 6 else "name"
            gaz._add(name, Entry("state", code, via))
        for demonym in state.demonyms:
            gaz._add(demonym, Entry("state", code, "demonym"))
        for seat in (state.capital, *state.seat_aliases):
            if gaz.cities.get(seat, code) != code:
                continue  # (the Soviet Union's Moscow stays Russia's: `states_of_the_day` tells them apart)
            gaz._add(seat, Entry("capital", code, "capital", country=code))
            if seat and seat not in gaz.cities:
                gaz.cities[seat] = code


def _load_towns(gaz: Gazetteer, data: Path) -> None:
    """Index the towns of towns.csv (GeoNames), below every curated name.

    A town is only ever a venue ("in Guilin"); `extract.actors` decides when its name is used
    as one. Accented names are also indexed as written without accents ("Munster").
    """
    path = data / "towns.csv"
    if not path.exists():
        return
    for line, row in _rows(path, ("name", "country")):
        code = _check_code(row["country"], path, line)
        name = row["name"]
        plain = without_accents(name)
        for form in {name, plain}:
            if not gaz.lookup(token_key(form)):  # a curated name of any kind wins
                gaz._add(form, Entry("town", name, "name", country=code))


# Letters that lose no mere accent when written in English: "Þórðarson" is "Thordarson".
_PLAIN_LETTERS = str.maketrans(
    {"þ": "th", "Þ": "Th", "ð": "d", "Ð": "D", "æ": "ae", "Æ": "Ae", "ø": "o", "Ø": "O", "ß": "ss", "ı": "i",
     "ł": "l", "Ł": "L", "đ": "d", "Đ": "D",
     # (and a dash is a hyphen: "the Bay of Bengal Initiative for Multi–Sectoral …", "Timor–Leste")
     "–": "-", "—": "-", "‐": "-", "‑": "-"}
)  # fmt: skip


def fold_name(name: str) -> str:
    """Return a person's name as written without its diacritics or letters English lacks.

    Why: the registry's "Guðlaugur Þór Þórðarson" is "Gudlaugur Thor Thordarson" in one
    wire and "Guðlaugur Thór Thórdarson" in another; "Çavuşoğlu" is "Cavusoglu".
    """
    return without_accents(name.translate(_PLAIN_LETTERS))


def without_accents(name: str) -> str:
    "Return a name without its diacritics: 'Münster' → 'Munster', 'Hà Nội' → 'Ha Noi'."
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def _load_cities(gaz: Gazetteer, data: Path) -> None:
    path = data / "cities.csv"
    if not path.exists():
        return
    for line, row in _rows(path, ("name", "aliases", "country")):
        code = _check_code(row["country"], path, line)
        gaz.cities.setdefault(row["name"], code)
        for name in (row["name"], *_split(row["aliases"])):
            gaz._add(name, Entry("city", row["name"], "name", country=code))


def _load_landmarks(gaz: Gazetteer, data: Path) -> None:
    """Index the seats of government of landmarks.csv: the government they stand for, and their city.

    Indexed after states.csv, so that a landmark it lists as a state's alias ("White House") keeps
    its state and learns its city.
    """
    path = data / "landmarks.csv"
    if not path.exists():
        return
    for line, row in _rows(path, ("name", "aliases", "city", "country")):
        code = _check_code(row["country"], path, line)
        for name in (row["name"], *_split(row["aliases"])):
            gaz._add(name, Entry("state", code, "name", seat=row["city"]))


def _load_venues(gaz: Gazetteer, data: Path) -> None:
    """Index the gatherings of venues.csv that always meet in one city, as that city.

    Why: "met on the sidelines of the Shangri-La Dialogue" places a meeting in Singapore as
    surely as "in Singapore" does; such a forum stands for no government, so unlike a landmark
    it is never a party.
    """
    path = data / "venues.csv"
    if not path.exists():
        return
    for line, row in _rows(path, ("name", "aliases", "city", "country")):
        code = _check_code(row["country"], path, line)
        for name in (row["name"], *_split(row["aliases"])):
            gaz._add(name, Entry("city", row["city"], "name", country=code))


def _load_ships(gaz: Gazetteer, data: Path) -> None:
    """Read the navies' ship prefixes of ships.csv.

    Why: a naval exercise is often told by its ships ("USS Gonzalez took part in a passing
    exercise with the Turkish Navy"); the prefix says whose ship it is as "American" would. The
    prefixes are not indexed as names: "INS" or "HMS" alone names no state, only before a ship's
    name (`extract.actors` decides).
    """
    path = data / "ships.csv"
    if not path.exists():
        return
    for line, row in _rows(path, ("prefix", "country")):
        gaz.ship_prefixes[row["prefix"]] = _check_code(row["country"], path, line)


def _load_groupings(gaz: Gazetteer, data: Path) -> None:
    path = data / "groupings.csv"
    if not path.exists():
        return
    members: dict[str, list[tuple[str, str | None, str | None]]] = {}
    mpath = data / "memberships.csv"
    if mpath.exists():
        for line, row in _rows(mpath, ("grouping", "member", "joined", "left")):
            members.setdefault(row["grouping"], []).append(
                (
                    _check_code(row["member"], mpath, line),
                    _check_date(row["joined"], mpath, line),
                    _check_date(row["left"], mpath, line),
                )
            )
    for _line, row in _rows(path, ("id", "name", "aliases", "type", "adjectives")):
        grouping = Grouping(
            id=row["id"],
            name=row["name"],
            aliases=_split(row["aliases"]),
            type=row["type"],
            adjectives=_split(row["adjectives"]),
            memberships=tuple(members.get(row["id"], ())),
        )
        gaz.groupings[grouping.id] = grouping
        for name in (grouping.name, *grouping.aliases):
            gaz._add(name, Entry("grouping", grouping.id, "name"))
        for adjective in grouping.adjectives:
            gaz._add(adjective, Entry("grouping", grouping.id, "adjective"))


def _load_officeholders(gaz: Gazetteer, data: Path) -> None:
    path = data / "officeholders.csv"
    if not path.exists():
        return
    for line, row in _rows(path, ("name", "aliases", "country", "role", "start", "end")):
        if row["role"] not in ROLES:
            raise ReferenceDataError(
                f'role "{row["role"]}" is not one of {", ".join(ROLES)}', source=path.name, line=line
            )
        holder = OfficeHolder(
            name=row["name"],
            aliases=_split(row["aliases"]),
            country=_check_code(row["country"], path, line),
            role=row["role"],
            start=_check_date(row["start"], path, line),
            end=_check_date(row["end"], path, line),
        )
        gaz.officeholders.append(holder)
        names = {holder.name, *holder.aliases, *surname_first(holder)}
        # (Polynesian names typeset with a turned comma for the glottal stop: "Pohiva Tu‘i‘onetoa")
        names |= {n.replace("ʻ", "‘") for n in names if "ʻ" in n}
        names |= {fold_name(n) for n in names if not n.isascii()}
        for name in names:
            gaz.people_by_name.setdefault(name.casefold(), []).append(holder)
            # Only multi-token names (or a one-word full name such as
            # "Sugiono") are found in running text without a title; a bare
            # surname is resolved from context by the recogniser.
            if len(token_key(name)) > 1 or name == holder.name:
                gaz._add(name, Entry("person", holder.name, "name", country=holder.country))


# States whose officials' names their own governments write surname first in English
# ("KISHIDA Fumio", "Orbán Viktor"), while the registry and the wires write them given name first.
SURNAME_FIRST = frozenset({"JPN", "HUN"})


def surname_first(holder: OfficeHolder) -> tuple[str, ...]:
    "Return the surname-first form of a two-word name of a state that writes names so ('Kishida Fumio')."
    words = holder.name.split()
    if holder.country not in SURNAME_FIRST or len(words) != 2:
        return ()
    return (f"{words[1]} {words[0]}",)


def _load_mechanisms(gaz: Gazetteer, data: Path) -> None:
    path = data / "mechanisms.csv"
    if not path.exists():
        return
    for line, row in _rows(path, ("id", "name", "aliases", "kind", "parties")):
        if row["kind"] not in MECHANISM_KINDS:
            raise ReferenceDataError(f'kind "{row["kind"]}" is not a known kind', source=path.name, line=line)
        secretariat = row.get("secretariat", "")
        mechanism = KnownMechanism(
            id=row["id"],
            name=row["name"],
            aliases=_split(row["aliases"]),
            kind=row["kind"],
            parties=tuple(sorted(_check_code(c, path, line) for c in _split(row["parties"]))),
            first_meeting=_check_date(row.get("first_meeting", ""), path, line),
            secretariat={"yes": True, "no": False}.get(secretariat),
        )
        gaz.mechanisms[mechanism.id] = mechanism
        for name in (mechanism.name, *mechanism.aliases):
            # Generic abbreviations ("SCC") are too ambiguous alone; keep names
            # of at least two tokens or distinctive single words (AUSMIN, Malabar).
            gaz._add(name, Entry("mechanism", mechanism.id, "name"))
            for form in _in_lower_case(name):
                gaz._add(form, Entry("mechanism", mechanism.id, "name"))


# The common nouns of a format's name, which reports often write in lower case: "the Australia-United States
# Ministerial consultations", "the India-Japan annual summit".
_FORMAT_WORDS = re.compile(
    r"\b(?:Ministerial|Consultations|Dialogue|Meeting|Summit|Forum|Council|Commission|Talks|Committee|"
    r"Conference|Exercises?|Strategic|Security|Defen[cs]e|Joint|Annual|Leaders['’]?)\b"
)


def _in_lower_case(name: str) -> set[str]:
    """Return a format's name with its last common noun, and with all of them, in lower case.

    Only names of three words or more, and never a form that opens in lower case: a short name's
    lower-case form ("Asia summit") says too little to be taken for the format.
    """
    words = name.split()
    if len(words) < 3 or not _FORMAT_WORDS.search(name):
        return set()
    all_lower = _FORMAT_WORDS.sub(lambda m: m.group().lower(), name)
    last = list(_FORMAT_WORDS.finditer(name))[-1]
    last_lower = name[: last.start()] + last.group().lower() + name[last.end() :]
    return {form for form in (all_lower, last_lower) if form != name and not form[0].islower()}


def default_data_dir() -> Path:
    """Return the directory of the reference data shipped with the package."""
    return Path(str(resources.files("diplograph") / "data"))


def load_gazetteer(data_dir: str | Path | None = None) -> Gazetteer:
    """Return the gazetteer built from `data_dir` (the shipped data by default).

    The shipped gazetteer is built once per process and cached.

    Raises:
        ReferenceDataError: a file is missing a column or has a malformed row.
    """
    if data_dir is None:
        return _default_gazetteer()
    return _build(Path(data_dir))


# Known mechanisms whose grouping is not spelled out in their id.
_MECHANISM_GROUPINGS = {"amm": "asean", "admm": "asean", "admm_plus": "asean"}


def mechanism_grouping(mechanism_id: str, groupings: dict[str, Grouping]) -> str:
    "Return the id of the grouping a known mechanism belongs to ('' when none): the longest grouping id prefixing it."
    if mechanism_id in _MECHANISM_GROUPINGS:
        return _MECHANISM_GROUPINGS[mechanism_id]
    best = ""
    for gid in groupings:
        if (mechanism_id == gid or mechanism_id.startswith(gid + "_")) and len(gid) > len(best):
            best = gid
    return best


@functools.cache
def _default_gazetteer() -> Gazetteer:
    return _build(default_data_dir())


def _build(data: Path) -> Gazetteer:
    gaz = Gazetteer()
    if not (data / "states.csv").exists():
        raise ReferenceDataError("states.csv not found", source=str(data))
    _load_states(gaz, data)
    _load_cities(gaz, data)
    _load_landmarks(gaz, data)
    _load_venues(gaz, data)
    _load_groupings(gaz, data)
    _load_officeholders(gaz, data)
    _load_mechanisms(gaz, data)
    _load_towns(gaz, data)
    _load_ships(gaz, data)
    return gaz
