"""Examples of the prefilter that skips the alternatives of a rule a sentence cannot match.

The words a pattern requires are read off its parse; a text without them cannot match, so a
skipped alternative never changes what a rule finds. These examples check that on our own
articles for every rule pattern, and show the words, the rewriting and the traps of case.
"""

from __future__ import annotations

import re

import pytest
from test_folding import SENTENCES, _rule_patterns

from diplograph.extract.folding import first_match, folded_finditer, left_to_search
from diplograph.extract.prefilter import alternatives_of, has_case_traps, literal_first, required_words


def test_the_words_a_match_needs() -> None:
    assert required_words(r"\bmet\s+again\b", 0) == {"again"}  # the longest literal run
    assert required_words(r"\b(?:held|hosted)\s+talks\b", 0) == {"talks"}
    assert required_words(r"\bdefen[cs]e\s+ministers?", 0) == {"minister"}  # ("s" is optional)
    assert required_words(r"\d+(?:st|nd)", 0) == {"st", "nd"}
    assert required_words(r"\b(?:summit|talks)\b", 0) == {"summit", "talks"}  # one of them
    assert required_words(r"\bTalks\b", re.I) == {"talks"}  # lowered, checked in lowered text
    assert required_words(r"\bdefen[cs]e\b", 0) == {"defence", "defense"}


def test_what_may_be_absent_requires_nothing() -> None:
    assert required_words(r"\d+", 0) is None
    assert required_words(r"(?:annual\s+)?meeting", 0) == {"meeting"}  # not "annual": it is optional
    assert required_words(r"(?=summit)\w+", 0) is None  # a lookahead's words are not in the match
    assert required_words(r"[A-Z]\w*", 0) is None


@pytest.mark.parametrize(("name", "pattern"), _rule_patterns(), ids=[n for n, _ in _rule_patterns()])
def test_no_alternative_that_matches_a_sentence_is_skipped(name: str, pattern: re.Pattern[str]) -> None:
    alternatives = alternatives_of(pattern)
    if alternatives is None:
        return  # a rule without prefilter is scanned whole
    for i, source in enumerate(alternatives.sources):
        alone = re.compile(source, pattern.flags)
        for sentence in SENTENCES:
            if alone.search(sentence) is not None:
                text = sentence.lower() if alternatives.ignore_case else sentence
                assert alternatives.mask(text) >> i & 1, (source, sentence)


@pytest.mark.parametrize(("name", "pattern"), _rule_patterns(), ids=[n for n, _ in _rule_patterns()])
def test_the_first_match_is_the_search_s_over_the_text_itself(name: str, pattern: re.Pattern[str]) -> None:
    for sentence in SENTENCES:
        expected = pattern.search(sentence)
        found = first_match(pattern, sentence)
        assert (found and (found.span(), found.group())) == (expected and (expected.span(), expected.group()))


def test_a_sentence_without_the_words_skips_the_rule() -> None:
    pattern = re.compile(r"\b(?:met|gathered)\s+again\b|\bthe\s+next\s+round\b", re.I)
    assert left_to_search(pattern, "The ministers met on Monday.") == []
    assert left_to_search(pattern, "They will meet AGAIN in May.") == [0]
    assert list(folded_finditer(pattern, "They gathered again; the next round is in May.")) != []


def test_alternatives_searched_apart_keep_the_order_and_the_groups_of_the_alternation() -> None:
    pattern = re.compile(
        r"(?P<a>\btalks\b)|(?P<b>\bsummit\s+talks\b)|(?P<c>\bsummit\b)|(?P<d>\bdrills\b)", re.I
    )
    text = "Summit talks, then talks and a summit."
    assert left_to_search(pattern, text) == [0, 1, 2]  # no "drills": the other three are searched apart
    expected = [(m.span(), m.lastgroup, m.lastindex) for m in pattern.finditer(text)]
    assert [(m.span(), m.lastgroup, m.lastindex) for m in folded_finditer(pattern, text)] == expected


def test_a_rewritten_pattern_starts_with_its_literal_and_finds_the_same() -> None:
    for source in (
        r"\bago\b",
        r"\b(?<!-)(?:gather|convene)s?\b",
        r"\b(?:the|its)\s+next\s+round",
        r"(?P<n>\bx)y",
    ):
        pattern = re.compile(source)
        fast = literal_first(pattern)
        for text in ("a week ago, agog", "they convene; re-convene; gathers", "its next round", "xy axy"):
            assert [m.span() for m in fast.finditer(text)] == [m.span() for m in pattern.finditer(text)]
    assert literal_first(re.compile(r"\bago\b")).pattern is None  # compiled from the rewritten parse
    assert literal_first(re.compile(r"(?P<n>\bx)|y")).groupindex == {"n": 1}


def test_alternatives_starting_with_a_space_or_a_sign_scan_for_them_and_find_the_same() -> None:
    texts = ("a; b -- c, but d", "they met; it was held -- twice", "x , while y", ";;  --  ,  but")
    for source in (r";(?!\s+and)|\s--\s|,\s+(?:while|but)\b", r"\s+--|;", r"(?<!,)\s(?=but)|;\s*(it)"):
        pattern = re.compile(source)
        fast = literal_first(pattern)
        assert fast.pattern is None  # rewritten: "[;\s,](?:(?<=;)…|(?<=\s)--\s|…)"
        for text in texts:
            expected = [(m.span(), m.groups()) for m in pattern.finditer(text)]
            assert [(m.span(), m.groups()) for m in fast.finditer(text)] == expected
    # a class of letters is left alone: `\b` fails faster than a scan stopping at every letter
    assert literal_first(re.compile(r"\b(?:held|[a-z]{3,}ed)|;")).pattern is not None


def test_a_text_with_a_case_trap_is_never_filtered() -> None:
    pattern = re.compile(r"\bsessions?\s+of\s+the\s+council\b|\btalks\b", re.I)
    text = "The ſeſſion of the Council."  # long s: IGNORECASE matches it with "s", lowering does not
    assert has_case_traps(text)
    assert left_to_search(pattern, text) is None  # the whole pattern scans, as it did before the prefilter
