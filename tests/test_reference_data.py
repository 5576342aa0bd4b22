"""Validate the reference tables shipped in src/diplograph/data.

These tests read the CSV files with the standard library only, so they guard
the data itself (headers, codes, vocabularies, dates, overlaps and a few facts
that the extractor relies on) independently of the loader code.
"""

from __future__ import annotations

import csv
import itertools
import re
from collections import defaultdict
from datetime import date
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "src" / "diplograph" / "data"

HEADERS = {
    "states.csv": [
        "code",
        "name",
        "official_name",
        "aliases",
        "demonyms",
        "capital",
        "seat_aliases",
        "region",
        "subregion",
    ],
    "cities.csv": ["name", "aliases", "country", "source"],
    "towns.csv": ["name", "country", "population", "geonameid"],
    "groupings.csv": ["id", "name", "aliases", "type", "adjectives", "source"],
    "memberships.csv": ["grouping", "member", "joined", "left", "source"],
    "officeholders.csv": ["name", "aliases", "country", "role", "start", "end", "source"],
    "mechanisms.csv": ["id", "name", "aliases", "kind", "parties", "first_meeting", "secretariat", "source"],
    "landmarks.csv": ["name", "aliases", "city", "country", "source"],
    "venues.csv": ["name", "aliases", "city", "country", "source"],
    "ships.csv": ["prefix", "country", "navy", "source"],
}
ROLES = {
    "head of state",
    "head of government",
    "foreign minister",
    "defence minister",
    "vice president",
    "military chief",
}
# The offices one person holds at a time in a state (Laos has two vice presidents, Pakistan an army chief
# and a chairman of the joint chiefs).
SINGLE_HOLDER_ROLES = {"head of state", "head of government", "foreign minister", "defence minister"}
KINDS = {"2+2 dialogue", "foreign ministers meeting", "defence ministers meeting", "summit", "joint exercise"}
GROUPING_TYPES = {"organisation", "grouping", "region", "company", "pair"}
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
ISO3_RE = re.compile(r"^[A-Z]{3}$")
HANDOVER_TOLERANCE_DAYS = 31


def read(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        assert header == HEADERS[name], f"{name}: header {header}"
        rows = []
        for lineno, raw in enumerate(reader, start=2):
            assert len(raw) == len(header), f"{name}:{lineno}: {len(raw)} fields"
            rows.append(dict(zip(header, raw, strict=True)))
    return rows


def split(cell: str) -> list[str]:
    return [part for part in cell.split("|") if part]


def as_date(text: str) -> date:
    """Read a YYYY, YYYY-MM or YYYY-MM-DD string as its first day."""
    parts = [int(p) for p in text.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


@pytest.fixture(scope="module")
def states() -> list[dict[str, str]]:
    return read("states.csv")


@pytest.fixture(scope="module")
def codes(states: list[dict[str, str]]) -> set[str]:
    return {row["code"] for row in states}


@pytest.fixture(scope="module")
def officeholders() -> list[dict[str, str]]:
    return read("officeholders.csv")


@pytest.fixture(scope="module")
def memberships() -> list[dict[str, str]]:
    return read("memberships.csv")


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_every_file_parses_with_exact_header(name: str) -> None:
    assert read(name), f"{name} is empty"


def test_sources_document_exists() -> None:
    text = (DATA / "SOURCES.md").read_text(encoding="utf-8")
    for name in HEADERS:
        assert name in text


# states.csv


def test_states_codes_are_unique_iso3(states: list[dict[str, str]]) -> None:
    seen = [row["code"] for row in states]
    assert len(seen) == len(set(seen))
    assert all(ISO3_RE.match(code) for code in seen)
    # 193 UN members + VAT, PSE, TWN, XKX, the Cook Islands and Niue, Greenland, and the Soviet Union (for
    # events before its end on 1991-12-26)
    assert len(seen) == 201


def test_states_have_required_fields(states: list[dict[str, str]]) -> None:
    for row in states:
        for field in ("name", "official_name", "capital", "region", "subregion"):
            assert row[field], f"{row['code']}: empty {field}"
    assert {row["region"] for row in states} == {"Africa", "Americas", "Asia", "Europe", "Oceania"}


def test_no_state_alias_is_shared(states: list[dict[str, str]]) -> None:
    owner: dict[str, str] = {}
    for row in states:
        for alias in {row["name"], *split(row["aliases"])}:
            assert owner.setdefault(alias, row["code"]) == row["code"], (
                f"{alias!r}: {owner[alias]} and {row['code']}"
            )


def test_no_demonym_is_shared(states: list[dict[str, str]]) -> None:
    owner: dict[str, str] = {}
    for row in states:
        for demonym in split(row["demonyms"]):
            assert owner.setdefault(demonym, row["code"]) == row["code"], demonym
    for ambiguous in ("Congolese", "Arab", "Kurdish", "Malay"):
        assert ambiguous not in owner
    # (news means the Dominican Republic by "Dominican"; Dominica is named by its own name)
    assert owner["Dominican"] == "DOM"


def test_iso_codes_are_not_aliases_unless_used_in_news(states: list[dict[str, str]]) -> None:
    allowed = {"USA", "FSM", "PNG"}  # abbreviations used in news
    for row in states:
        if row["code"] not in allowed:
            assert row["code"] not in split(row["aliases"]), row["code"]


def test_state_spot_checks(states: list[dict[str, str]]) -> None:
    by = {row["code"]: row for row in states}
    assert by["KAZ"]["capital"] == "Astana"
    assert "Nur-Sultan" in split(by["KAZ"]["seat_aliases"])
    assert by["IND"]["capital"] == "New Delhi"
    assert "Delhi" in split(by["IND"]["seat_aliases"])
    assert by["NLD"]["capital"] == "The Hague"
    assert by["MMR"]["capital"] == "Naypyidaw"
    assert by["TUR"]["name"] == "Türkiye" and "Turkey" in split(by["TUR"]["aliases"])
    assert "Korea" in split(by["KOR"]["aliases"])
    assert "DPRK" in split(by["PRK"]["aliases"])
    assert {"UK", "Britain"} <= set(split(by["GBR"]["aliases"]))
    assert {"US", "U.S.", "America"} <= set(split(by["USA"]["aliases"]))
    assert by["TWN"]["subregion"] == "Eastern Asia"
    assert by["KHM"]["subregion"] == "South-eastern Asia"
    assert by["UZB"]["subregion"] == "Central Asia"
    assert {"Kyrgyz", "Kyrgyzstani"} <= set(split(by["KGZ"]["demonyms"]))


# cities.csv


def test_cities(codes: set[str], states: list[dict[str, str]]) -> None:
    rows = read("cities.csv")
    assert len(rows) >= 400
    state_places = set()
    for row in states:
        state_places |= {row["capital"], *split(row["seat_aliases"])}
    names = [row["name"] for row in rows]
    assert len(names) == len(set(names))
    for row in rows:
        assert row["country"] in codes, row
        assert row["name"] not in state_places, f"{row['name']} is a capital: keep it in states.csv"
    for banned in ("Austin", "Nice", "Reading", "Mobile", "Split", "Florence"):
        assert banned not in names
    by = {row["name"]: row for row in rows}
    assert by["Xi'an"]["country"] == "CHN" and "Xian" in split(by["Xi'an"]["aliases"])
    assert by["Qingdao"]["country"] == "CHN"
    assert "St. Petersburg" in split(by["Saint Petersburg"]["aliases"])
    assert "Preah Sihanouk" in split(by["Sihanoukville"]["aliases"])
    assert by["Perth"]["country"] == "AUS"


def test_venues_are_gatherings_held_in_one_known_city(codes: set[str], states: list[dict[str, str]]) -> None:
    capitals = {row["capital"]: row["code"] for row in states}
    cities = {row["name"]: row["country"] for row in read("cities.csv")}
    rows = read("venues.csv")
    assert len({row["name"] for row in rows}) == len(rows)
    for row in rows:
        assert row["country"] in codes and row["source"], row
        # the city is one the gazetteer knows, in the same country
        assert capitals.get(row["city"], cities.get(row["city"])) == row["country"], row
    by = {row["name"]: row for row in rows}
    assert by["Shangri-La Dialogue"]["city"] == "Singapore"
    assert "UNGA" in split(by["UN General Assembly"]["aliases"])


def test_towns_are_large_unique_and_never_a_word_a_name_or_a_curated_place(
    codes: set[str], states: list[dict[str, str]]
) -> None:
    rows = read("towns.csv")
    assert len(rows) >= 5000
    names = [row["name"] for row in rows]
    assert len(names) == len(set(names))
    assert all(row["country"] in codes and int(row["population"]) >= 50_000 for row in rows)
    curated = {row["name"] for row in read("cities.csv")} | {row["capital"] for row in states}
    assert not curated & set(names)
    for word_or_name in ("Austin", "Vladimir", "Mobile", "Nice", "Reading", "Victoria", "Charlotte"):
        assert word_or_name not in names
    by = {row["name"]: row for row in rows}
    assert (by["Guilin"]["country"], by["Weimar"]["country"], by["Palo Alto"]["country"]) == (
        "CHN",
        "DEU",
        "USA",
    )


# groupings.csv and memberships.csv


def test_groupings(memberships: list[dict[str, str]], codes: set[str]) -> None:
    rows = read("groupings.csv")
    ids = [row["id"] for row in rows]
    assert len(ids) == len(set(ids))
    types = {row["id"]: row["type"] for row in rows}
    assert set(types.values()) <= GROUPING_TYPES
    for required in ("sco", "asean", "quad", "central_asia", "g7", "cnpc", "rats", "nato", "brics"):
        assert required in types
    assert (
        types["rats"] == "organisation" and types["cnpc"] == "company" and types["central_asia"] == "region"
    )
    for row in memberships:
        assert row["grouping"] in types, row
        assert types[row["grouping"]] != "company", row
        assert row["member"] in codes, row
        for field in ("joined", "left"):
            assert not row[field] or DATE_RE.match(row[field]), row
        if row["joined"] and row["left"]:
            assert as_date(row["joined"]) <= as_date(row["left"]), row


def members_on(memberships: list[dict[str, str]], grouping: str, day: str) -> set[str]:
    when = as_date(day)
    found = set()
    for row in memberships:
        if row["grouping"] != grouping:
            continue
        if row["joined"] and as_date(row["joined"]) > when:
            continue
        if row["left"] and as_date(row["left"]) <= when:
            continue
        found.add(row["member"])
    return found


def test_membership_spot_checks(memberships: list[dict[str, str]]) -> None:
    assert "IRN" not in members_on(memberships, "sco", "2023-01-01")
    assert "IRN" in members_on(memberships, "sco", "2023-12-31")
    assert "BLR" not in members_on(memberships, "sco", "2024-01-01")
    assert "BLR" in members_on(memberships, "sco", "2024-12-31")
    assert {"IND", "PAK"} <= members_on(memberships, "sco", "2018-01-01")
    assert members_on(memberships, "quad", "2025-01-01") == {"AUS", "IND", "JPN", "USA"}
    assert members_on(memberships, "central_asia", "2025-01-01") == {"KAZ", "KGZ", "TJK", "TKM", "UZB"}
    assert "TLS" in members_on(memberships, "asean", "2025-11-01")
    assert "TLS" not in members_on(memberships, "asean", "2025-10-01")
    assert len(members_on(memberships, "asean", "2026-01-01")) == 11
    assert "FIN" in members_on(memberships, "nato", "2023-05-01")
    assert "SWE" not in members_on(memberships, "nato", "2023-05-01")
    assert len(members_on(memberships, "nato", "2026-01-01")) == 32
    assert {"EGY", "ETH", "IRN", "ARE", "IDN"} <= members_on(memberships, "brics", "2025-06-01")
    assert "GBR" not in members_on(memberships, "eu", "2021-01-01")
    assert len(members_on(memberships, "eu", "2026-01-01")) == 27
    assert "ARM" in members_on(memberships, "csto", "2026-01-01")


# officeholders.csv


def test_officeholder_fields(officeholders: list[dict[str, str]], codes: set[str]) -> None:
    assert len(officeholders) >= 900
    for row in officeholders:
        assert row["name"], row
        assert row["country"] in codes, row
        assert row["role"] in ROLES, row
        assert DATE_RE.match(row["start"]), row
        if row["end"]:
            assert DATE_RE.match(row["end"]), row
            assert as_date(row["start"]) <= as_date(row["end"]), row
        assert row["name"] not in split(row["aliases"]), row


def test_no_overlapping_terms(officeholders: list[dict[str, str]]) -> None:
    terms: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for row in officeholders:
        if row["role"] in SINGLE_HOLDER_ROLES:
            terms[(row["country"], row["role"])].append(row)
    problems = []
    for key, rows in terms.items():
        rows.sort(key=lambda r: as_date(r["start"]))
        for before, after in itertools.pairwise(rows):
            end = as_date(before["end"]) if before["end"] else date.max
            overlap = (end - as_date(after["start"])).days
            if overlap > HANDOVER_TOLERANCE_DAYS:
                problems.append(f"{key}: {before['name']} / {after['name']} overlap {overlap} days")
    assert not problems, "\n".join(problems)


def holder(officeholders: list[dict[str, str]], country: str, role: str, day: str) -> set[str]:
    when = as_date(day)
    return {
        row["name"]
        for row in officeholders
        if row["country"] == country
        and row["role"] == role
        and as_date(row["start"]) <= when
        and (not row["end"] or when < as_date(row["end"]))
    }


@pytest.mark.parametrize(
    ("country", "role", "day", "name"),
    [
        ("CHN", "foreign minister", "2025-04-21", "Wang Yi"),
        ("CHN", "foreign minister", "2023-03-01", "Qin Gang"),
        ("CHN", "defence minister", "2024-01-15", "Dong Jun"),
        ("CHN", "defence minister", "2025-04-21", "Dong Jun"),
        ("CHN", "head of state", "2023-05-18", "Xi Jinping"),
        ("KHM", "foreign minister", "2026-04-21", "Prak Sokhonn"),
        ("KHM", "defence minister", "2026-04-21", "Tea Seiha"),
        ("KHM", "head of government", "2024-12-01", "Hun Manet"),
        ("IND", "defence minister", "2021-09-11", "Rajnath Singh"),
        ("IND", "foreign minister", "2021-09-11", "Subrahmanyam Jaishankar"),
        ("IND", "foreign minister", "2018-09-06", "Sushma Swaraj"),
        ("IND", "defence minister", "2018-09-06", "Nirmala Sitharaman"),
        ("USA", "foreign minister", "2018-09-06", "Mike Pompeo"),
        ("USA", "defence minister", "2018-09-06", "Jim Mattis"),
        ("USA", "defence minister", "2025-10-01", "Pete Hegseth"),
        ("AUS", "foreign minister", "2012-11-14", "Bob Carr"),
        ("AUS", "foreign minister", "2021-09-11", "Marise Payne"),
        ("AUS", "defence minister", "2021-09-11", "Peter Dutton"),
        ("JPN", "foreign minister", "2019-11-30", "Toshimitsu Motegi"),
        ("JPN", "defence minister", "2019-11-30", "Taro Kono"),
        ("JPN", "head of state", "2020-01-01", "Naruhito"),
        ("RUS", "foreign minister", "2021-12-06", "Sergei Lavrov"),
        ("KAZ", "head of state", "2022-06-08", "Kassym-Jomart Tokayev"),
        ("IDN", "foreign minister", "2025-04-21", "Sugiono"),
        ("IDN", "defence minister", "2025-04-21", "Sjafrie Sjamsoeddin"),
        ("PHL", "foreign minister", "2022-04-09", "Teodoro Locsin Jr."),
        ("GBR", "head of state", "2023-01-01", "Charles III"),
    ],
)
def test_officeholder_spot_checks(
    officeholders: list[dict[str, str]], country: str, role: str, day: str, name: str
) -> None:
    assert holder(officeholders, country, role, day) == {name}


def test_aliases_cover_news_forms(officeholders: list[dict[str, str]]) -> None:
    aliases = defaultdict(set)
    for row in officeholders:
        aliases[row["name"]] |= set(split(row["aliases"]))
    assert {"S. Jaishankar", "Jaishankar"} <= aliases["Subrahmanyam Jaishankar"]
    assert {"Sergey Lavrov", "Lavrov"} <= aliases["Sergei Lavrov"]
    assert "Wang" in aliases["Wang Yi"]
    assert {"Prak", "Sokhonn"} <= aliases["Prak Sokhonn"]
    assert "Locsin" in aliases["Teodoro Locsin Jr."]


# mechanisms.csv


def test_mechanisms(codes: set[str]) -> None:
    rows = read("mechanisms.csv")
    ids = [row["id"] for row in rows]
    assert len(ids) == len(set(ids))
    for row in rows:
        assert row["kind"] in KINDS, row
        parties = split(row["parties"])
        assert parties and all(p in codes for p in parties), row
        assert not row["first_meeting"] or DATE_RE.match(row["first_meeting"]), row
        assert row["secretariat"] in {"yes", "no", ""}, row
    by = {row["id"]: row for row in rows}
    assert by["ausmin"]["first_meeting"] == "1985" and set(split(by["ausmin"]["parties"])) == {"AUS", "USA"}
    assert "AUSMIN" in split(by["ausmin"]["aliases"])
    assert by["us_india_2plus2"]["first_meeting"] == "2018-09-06"
    assert by["china_indonesia_2plus2"]["first_meeting"] == "2025-04-21"
    assert by["china_cambodia_2plus2"]["first_meeting"] == "2026-04-21"
    assert by["china_central_asia_summit"]["secretariat"] == "yes"
    assert by["golden_dragon"]["kind"] == "joint exercise"
    assert set(split(by["quad_summit"]["parties"])) == {"AUS", "IND", "JPN", "USA"}
