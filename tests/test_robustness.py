"""Hostile and odd input never crashes the extraction stages, and offsets stay true."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diplograph import extract_text
from diplograph.errors import EmptyDocument

# Words that drive the rules, mixed with arbitrary text, so that the generated
# articles reach the trigger, party and date code paths.
VOCABULARY = [
    "China", "Cambodia", "U.S.", "Beijing", "Phnom Penh", "Kazakh", "SCO", "the Quad", "2+2", "two-plus-two",
    "summit", "foreign ministers' meeting", "defence ministers", "held", "will hold", "could", "expect",
    "signed an agreement", "joint exercise", "on Tuesday", "April 21-22, 2026", "last April", "next month",
    "Foreign Minister Wang Yi", "Defense Minister", "with", "and", ",", ".", "\n", "\n\n", "first-ever", "6th",
    "in", "which", "the two sides", "such meetings", "“", "”", "(", ")", "—",
]  # fmt: skip

articles = st.lists(st.one_of(st.sampled_from(VOCABULARY), st.text(max_size=12)), max_size=120).map(" ".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=articles, published=st.sampled_from([None, "2026", "2026-04", "2026-04-22"]))
def test_extraction_never_crashes_and_quotes_match_their_offsets(text: str, published: str | None) -> None:
    try:
        extraction = extract_text(text, published=published)
    except EmptyDocument:
        return
    article = extraction.article
    for item in (*extraction.events, *extraction.mechanisms):
        assert item.parties == tuple(sorted(set(item.parties)))
        assert len(item.parties) >= 2
        for source in item.sources:
            assert article.text[source.start : source.end] == source.quote
    for event in extraction.events:
        if event.date and event.date_end:
            assert len(event.date) == 10


def test_a_very_long_line_is_processed() -> None:
    text = "China and Cambodia held talks in Phnom Penh on Tuesday. " + "blah " * 200_000
    extraction = extract_text(text, published="2026-04-22")
    assert [e.parties for e in extraction.events] == [("CHN", "KHM")]


def test_an_all_caps_hyphenated_dateline_does_not_make_the_rules_backtrack() -> None:
    """Regression: a nested quantifier took seconds on "PETROPAVLOVSK-KAMCHATSKY, Russia — Foreign ministers…"."""
    text = (
        "PETROPAVLOVSK-KAMCHATSKY-ZAPADNY-SEVERNY, Russia — Foreign ministers of the Group of Seven ended a "
        "two-day meeting in Petropavlovsk-Kamchatsky on Monday, and their counterparts from Britain, France, "
        "Germany, Italy and Canada attended the Foreign Ministers' Meeting."
    )
    extraction = extract_text(text, published="2016-04-12")
    assert any(e.kind == "foreign ministers meeting" for e in extraction.events)
