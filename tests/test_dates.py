"""Examples of the dates `resolve_dates` finds and how it anchors relative ones.

Weekdays used below: 2026-04-21 is a Tuesday, 2026-04-24 a Friday, 2026-04-29 a Wednesday.
"""

from __future__ import annotations

import datetime as dt

import pytest

from diplograph.extract.dates import dateline_date, resolve_dates


def _resolved(mentions) -> list[tuple[str, str | None, str | None]]:
    return [(m.text, m.date, m.date_end) for m in mentions]


@pytest.mark.parametrize(
    ("text", "expression", "date", "date_end"),
    [
        (
            "The talks were held in Phnom Penh on April 21–22, 2026.",
            "April 21–22, 2026",
            "2026-04-21",
            "2026-04-22",
        ),
        (
            "The meeting took place from 21 to 22 April 2026.",
            "21 to 22 April 2026",
            "2026-04-21",
            "2026-04-22",
        ),
        (
            "The drill ran from 30 April to 2 May 2026 near Kampot.",
            "30 April to 2 May 2026",
            "2026-04-30",
            "2026-05-02",
        ),
        ("The agreement was signed on April 21, 2026.", "April 21, 2026", "2026-04-21", None),
        ("The dialogue was launched in September 2018.", "September 2018", "2018-09", None),
        (
            "The previous session took place on November 26 of 2018.",
            "November 26 of 2018",
            "2018-11-26",
            None,
        ),
        ("The sixth meeting was held on September 29 in 2020.", "September 29 in 2020", "2020-09-29", None),
        ("The sixth meeting was held on 29 September in 2020.", "29 September in 2020", "2020-09-29", None),
    ],
)
@pytest.mark.parametrize("published", ["2026-05-10", None])
def test_dates_reads_explicit_dates_and_ranges_without_needing_an_anchor(
    article, text, published, expression, date, date_end
):
    assert _resolved(resolve_dates(article(text, published=published))) == [(expression, date, date_end)]


@pytest.mark.parametrize(
    ("text", "published", "expression", "date"),
    [
        # past tense looks back, future tense looks forward
        ("The two ministers met on Tuesday.", "2026-04-24", "on Tuesday", "2026-04-21"),
        ("The two ministers will meet on Saturday.", "2026-04-24", "on Saturday", "2026-04-25"),
        ("The navies last exercised together last April.", "2026-02-10", "last April", "2025-04"),
        ("The summit will be held next month.", "2026-04-24", "next month", "2026-05"),
        ("The two sides signed a trade pact earlier this year.", "2026-04-24", "earlier this year", "2026"),
        ("The joint secretariat opened two years ago.", "2026-04-24", "two years ago", "2024"),
        ("The ministers met in June last.", "2026-04-24", "June last", "2025-06"),
        # a past verb right after the date is its own, whatever future the clause names after it
        (
            "The two ministers on Thursday agreed that they will consider a new framework.",
            "2026-04-24",
            "on Thursday",
            "2026-04-23",
        ),
        # a day of the month alone: this month's, or the next one's when it has passed and is ahead
        (
            "The sixth binational cabinet will take place on the 15th.",
            "2018-02-13",
            "on the 15th",
            "2018-02-15",
        ),
        ("The next round will be held on the 10th.", "2018-02-13", "on the 10th", "2018-03-10"),
        ("The foreign ministers met on the 3rd.", "2018-02-13", "on the 3rd", "2018-02-03"),
    ],
)
def test_dates_resolves_relative_expressions_against_the_publication_date(
    article, text, published, expression, date
):
    mentions = resolve_dates(article(text, published=published))
    assert [(m.text, m.date) for m in mentions] == [(expression, date)]
    assert all(m.relative for m in mentions)


def test_an_ordinal_that_numbers_something_else_is_no_day(article):
    assert (
        resolve_dates(article("They marked the 15th anniversary of the treaty.", published="2018-02-13"))
        == []
    )


@pytest.mark.parametrize(
    ("text", "published", "date"),
    [
        ("The next 2+2 dialogue will be held on 14 November.", "2012-10-20", "2012-11-14"),
        ("The summit will be held on 10 January in Vientiane.", "2025-11-20", "2026-01-10"),
        ("The foreign ministers met on 14 November in Tokyo.", "2013-01-05", "2012-11-14"),
        # the verb before the date is its own; what was decided after it looks forward
        (
            "The leaders wrapped up their first summit on Friday with a decision to meet every two years.",
            "2031-05-17",
            "2031-05-16",
        ),
        (
            "Ministers announced that the dialogue with the two secretaries will be held in Perth on Friday.",
            "2031-05-13",
            "2031-05-16",
        ),
    ],
)
def test_dates_places_a_year_less_date_in_the_direction_of_the_sentence_tense(article, text, published, date):
    [mention] = resolve_dates(article(text, published=published))
    assert mention.date == date


WIRE = (
    "PHNOM PENH, April 21 (Xinhua) -- Chinese and Cambodian defence officials met on Monday to prepare "
    "the first 2+2 strategic dialogue between the two countries."
)


def test_dates_reads_the_date_of_a_wire_dateline(article):
    assert dateline_date(article(WIRE, published="2026-04-29")) == dt.date(2026, 4, 21)


def test_dates_anchors_relative_expressions_on_the_dateline_rather_than_the_publication_date(article):
    # Published on Wednesday 29 April, but filed on Tuesday 21 April: "on Monday" is 20 April.
    mentions = resolve_dates(article(WIRE, published="2026-04-29"))
    assert ("on Monday", "2026-04-20") in [(m.text, m.date) for m in mentions]


@pytest.mark.parametrize(
    "text",
    [
        "China and Cambodia held their first 2+2 dialogue.",
        "Officials said the two sides may hold talks.",
        "Chinese Defence Minister Dong Jun attended the talks.",
        "Japan is the only partner with which Australia holds a 2 + 2 at that level.",
    ],
)
def test_dates_finds_no_date_in_2plus2_the_modal_may_or_a_surname(article, text):
    assert resolve_dates(article(text, published="2026-04-24")) == []


def test_dates_does_not_let_2plus2_disturb_a_real_date_in_the_same_sentence(article):
    text = "The 2+2 dialogue was held in Manila on April 11, 2024."
    assert _resolved(resolve_dates(article(text, published="2024-04-12"))) == [
        ("April 11, 2024", "2024-04-11", None)
    ]


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("The two ministers met on Tuesday.", "on Tuesday"),
        ("The navies last exercised together last April.", "last April"),
        ("The summit will be held next month.", "next month"),
        ("The joint secretariat opened two years ago.", "two years ago"),
    ],
)
def test_dates_keeps_relative_expressions_unresolved_without_a_publication_date(article, text, expression):
    mentions = resolve_dates(article(text, published=None))
    assert [(m.text, m.date, m.date_end) for m in mentions] == [(expression, None, None)]


@pytest.mark.parametrize(
    "text",
    [
        WIRE,
        "The talks were held on April 21–22, 2026, and the next round will be held next month.\n\n"
        "The defence ministers met on Tuesday; they first met in September 2018.",
    ],
)
def test_dates_offsets_point_at_the_expression_in_the_article_text(article, text):
    doc = article(text, published="2026-04-24")
    mentions = resolve_dates(doc)
    assert mentions
    for m in mentions:
        assert doc.text[m.start : m.end] == m.text
        sentence = doc.sentences[m.sentence]
        assert sentence.start <= m.start and m.end <= sentence.end


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Wang Yi will visit Phnom Penh on Saturday, the ministry said on Thursday.",
            [("on Saturday", "2026-04-25"), ("on Thursday", "2026-04-23")],
        ),
        (
            "The ministers met on Tuesday and will meet again on Saturday.",
            [("on Tuesday", "2026-04-21"), ("on Saturday", "2026-04-25")],
        ),
    ],
)
def test_dates_reads_the_tense_of_the_clause_not_of_the_whole_sentence(article, text, expected):
    mentions = resolve_dates(article(text, published="2026-04-24"))
    assert [(m.text, m.date) for m in mentions] == expected


def test_dates_gives_a_weekday_the_month_when_only_the_month_of_publication_is_known(article):
    mentions = resolve_dates(article("The leaders will gather in Niamey this Saturday.", published="2024-07"))
    assert [(m.text, m.date) for m in mentions] == [("this Saturday", "2024-07")]
    mentions = resolve_dates(article("The ministers met in Cairo today.", published="2019-03"))
    assert [(m.text, m.date) for m in mentions] == [("today", "2019-03")]


def test_dates_reads_a_weekday_followed_by_its_date_as_one_expression(article):
    mentions = resolve_dates(
        article("Niger will host the summit on Saturday, July 6th, officials said.", published="2024-07")
    )
    assert _resolved(mentions) == [("Saturday, July 6th", "2024-07-06", None)]


def test_dates_takes_the_tense_of_a_fronted_date_from_the_clause_it_opens(article):
    text = (
        "In mid-May, the three foreign ministers finalised a draft, slated for adoption at Saturday's summit."
    )
    mentions = resolve_dates(article(text, published="2024-07"))
    assert ("mid-May", "2024-05") in [(m.text, m.date) for m in mentions]


def test_dates_puts_a_day_of_that_year_in_the_year_named_before_it(article):
    text = "The C5+1 began in 2015. On September 26 of that year, Kerry met the five foreign ministers in New York."
    mentions = resolve_dates(article(text, published="2025-10-20"))
    assert ("September 26", "2015-09-26") in [(m.text, m.date) for m in mentions]


def test_dates_gives_the_months_of_a_list_the_year_of_its_last_item(article):
    text = "The four envoys met in January and May 2016, and again on March 3, April 9 and May 5, 2018."
    mentions = resolve_dates(article(text, published="2019-06-20"))
    assert [m.date for m in mentions] == ["2016-01", "2016-05", "2018-03-03", "2018-04-09", "2018-05-05"]
    # A relative day is its own time, not an item of the year's list.
    text = "The envoys met on Monday and will meet again in March 2020."
    [monday, march] = resolve_dates(article(text, published="2019-06-20"))
    assert monday.date == "2019-06-17" and march.date == "2020-03"


def test_dates_reads_likely_to_take_place_as_looking_forward(article):
    text = "The meeting is being held before the summit, likely to take place from June 14 to June 15."
    [dates] = resolve_dates(article(text, published="2019-04-29"))
    assert (dates.date, dates.date_end) == ("2019-06-14", "2019-06-15")


def test_month_names_in_lower_case_are_dates_but_may_march_and_august_are_words(article):
    text = (
        "The state visit in april this year was a success. The ministers met on 5 october. "
        "Protesters may march in august."
    )
    found = {m.text: m.date for m in resolve_dates(article(text, published="2018-10-20"))}
    assert found.get("april this year") == "2018-04"
    assert found.get("5 october") == "2018-10-05"
    assert not any("march" in t or "august" in t or t == "may" for t in found)


def test_dates_read_the_day_of_a_meeting_one_is_invited_to_as_ahead(article):
    text = (
        "The minister arrived in Amman early Sunday to deliver an invitation to the king to attend the "
        "summit in Baghdad on May 17."
    )
    found = {m.text: m.date for m in resolve_dates(article(text, published="2025-04-20"))}
    assert found["May 17"] == "2025-05-17"
