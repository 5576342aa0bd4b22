"""Examples of the lowered-text twins of the rules' case-insensitive patterns.

A twin must find exactly what its pattern finds, at the same positions, on every sentence;
it only runs faster. These examples check that on our own articles for every rule pattern,
and on the cases where lowering is not enough (escapes, case-sensitive parts, "İ").
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from diplograph.extract import dates
from diplograph.extract.events import common
from diplograph.extract.folding import folded_finditer, folded_search, folded_twin, twin_of

ARTICLES = Path(__file__).parent / "articles"


def _rule_patterns() -> list[tuple[str, re.Pattern[str]]]:
    rules = common.load_rules()
    named: list[tuple[str, re.Pattern[str]]] = []
    for kind, patterns in rules.triggers.items():
        named += [(f"trigger {kind} {i}", p) for i, p in enumerate(patterns)]
    for kind, patterns in rules.cues.items():
        named += [(f"cue {kind} {i}", p) for i, p in enumerate(patterns)]
    named += [(f"meeting {i}", p) for i, p in enumerate(rules.meeting)]
    for field in ("recurring", "mechanism_level", "anaphoric", "context_before", "reference_before",
                  "non_party_before", "non_party_after", "topics"):  # fmt: skip
        named.append((field, getattr(rules, field)))
    named += [("landmark", common.LANDMARK_IN_TIME), ("future", dates.FUTURE_CUES)]
    named += [(f"date needle {name}", p) for name, p in dates._NEEDLES.items()]
    return named


def _sentences() -> list[str]:
    lines: list[str] = []
    for path in sorted(ARTICLES.glob("*.txt")):
        lines += [s for s in re.split(r"(?<=[.!?])\s+|\n+", path.read_text(encoding="utf-8")) if s.strip()]
    # and the shapes that trouble case folding
    lines += [
        "THE FOREIGN MINISTERS WILL MEET IN ASTANA NEXT WEEK.",
        "Defence Ministers Held Their 2+2 Talks.",
    ]
    return lines


SENTENCES = _sentences()


@pytest.mark.parametrize(("name", "pattern"), _rule_patterns(), ids=[n for n, _ in _rule_patterns()])
def test_a_twin_finds_what_its_pattern_finds_in_every_sentence_of_our_articles(
    name: str, pattern: re.Pattern[str]
) -> None:
    for sentence in SENTENCES:
        expected = [(m.start(), m.end(), m.lastgroup) for m in pattern.finditer(sentence)]
        assert [(m.start(), m.end(), m.lastgroup) for m in folded_finditer(pattern, sentence)] == expected, (
            sentence
        )
        assert folded_search(pattern, sentence, 5, 80) == (pattern.search(sentence, 5, 80) is not None), (
            sentence
        )


def test_most_rule_patterns_have_a_twin() -> None:
    """The speed comes from the twins: a rule file edit that loses them all would go unnoticed otherwise."""
    with_twin = [name for name, p in _rule_patterns() if folded_twin(p) is not None]
    assert len(with_twin) >= 20


def test_escapes_and_group_names_keep_their_case() -> None:
    twin = twin_of(re.compile(r"(?P<Talks>\bTALKS\S*)\s+(?P=Talks)?\W", re.I))
    assert twin is not None
    assert twin.pattern == r"(?P<Talks>\btalks\S*)\s+(?P=Talks)?\W"
    assert [m.lastgroup for m in twin.finditer("talks!  ")] == ["Talks"]


def test_a_case_sensitive_pattern_or_part_has_no_twin() -> None:
    assert twin_of(re.compile(r"\bExercise\s+[A-Z]\w+")) is None
    assert twin_of(re.compile(r"\bvisit\s+to\s+(?-i:[A-Z])\w+", re.I)) is None


def test_text_whose_length_changes_when_lowered_is_matched_as_it_is() -> None:
    pattern = re.compile(r"\bsummit\s+in\s+\w+", re.I)
    text = "The SUMMIT in İstanbul opened; the summit in Ankara closed."
    assert len(text.lower()) != len(text)
    found = [text[m.start() : m.end()] for m in folded_finditer(pattern, text)]
    assert found == ["SUMMIT in İstanbul", "summit in Ankara"]
