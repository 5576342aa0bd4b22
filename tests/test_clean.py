"""Stage 2, clean: normalised text, and sentences whose offsets point into it."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diplograph.extract.clean import clean_document, normalise_text, split_sentences
from diplograph.models import Article, RawDocument, Sentence


def raw(text: str, **metadata: str | None) -> RawDocument:
    """Build a raw document as ingest would give it."""
    return RawDocument(id="doc.txt", source="corpus/doc.txt", text=text, format="txt", **metadata)  # type: ignore[arg-type]


def sentence_texts(text: str) -> list[str]:
    """Return the text of each sentence of `text`."""
    return [s.text for s in split_sentences(text)]


def assert_offsets_consistent(text: str, sentences: list[Sentence] | tuple[Sentence, ...]) -> None:
    """Each sentence is the stripped slice it claims to be; sentences are ordered and apart."""
    previous_end = 0
    for index, sentence in enumerate(sentences):
        assert sentence.index == index
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text and sentence.text == sentence.text.strip()
        assert previous_end <= sentence.start < sentence.end
        previous_end = sentence.end


# ── normalisation ───────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Talks\r\nheld\rtoday", "Talks\nheld\ntoday"),
        ("Wang\u00a0Yi and Ms\u202fLee met\u3000today", "Wang Yi and Ms Lee met today"),
        (
            "zero\u200bwidth\u200c \ufeffjoiners\u2060 and soft\u00adhyphens",
            "zerowidth joiners and softhyphens",
        ),
        (
            "“Curly quotes” and ‘single’ ones — and dashes – stay",
            "“Curly quotes” and ‘single’ ones — and dashes – stay",
        ),
        ("Many   spaces\t\tand tabs", "Many spaces and tabs"),
        ("  Lines are stripped   \n   on both sides  ", "Lines are stripped\non both sides"),
        ("One paragraph.\n\n\n\n\nNext paragraph.", "One paragraph.\n\nNext paragraph."),
        ("Line\u2028separator and\u2029paragraph separator", "Line\nseparator and\n\nparagraph separator"),
        ("Cafe\u0301 in Re\u0301union", "Café in Réunion"),  # NFC
        ("control\x00 \x07characters\x1b go", "control characters go"),
        ("lone \ud800 surrogate", "lone \ufffd surrogate"),
        ("\n\n  \t", ""),
    ],
)
def test_normalise_text_keeps_it_readable_and_offsets_simple(text: str, expected: str) -> None:
    assert normalise_text(text) == expected


def test_normalise_text_leaves_clean_text_unchanged() -> None:
    text = "HANOI, June 3 (VNA) -- Vietnam and Laos held talks.\n\nThey agreed to meet in 2026."
    assert normalise_text(text) == text


# ── sentence splitting ──────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # plain sentence ends
        (
            "Ministers met. They agreed! Will they meet again? Yes.",
            ["Ministers met.", "They agreed!", "Will they meet again?", "Yes."],
        ),
        (
            "Revenue rose 5 percent in 2024. 2025 looks better.",
            ["Revenue rose 5 percent in 2024.", "2025 looks better."],
        ),
        ("They met. “We agree,” she said.", ["They met.", "“We agree,” she said."]),
        ("Wait... The minister arrived.", ["Wait...", "The minister arrived."]),
        # a lowercase word never starts a sentence
        ("The talks ended at 5 p.m. on Friday.", ["The talks ended at 5 p.m. on Friday."]),
        ("Ports, airports, etc. were discussed.", ["Ports, airports, etc. were discussed."]),
        ("Ports, airports, etc. The list was long.", ["Ports, airports, etc.", "The list was long."]),
        # titles
        ("Mr. Wang met Dr. Sato and Prof. Ruiz.", ["Mr. Wang met Dr. Sato and Prof. Ruiz."]),
        (
            "Gen. Ortiz, Lt. Col. Haddad and Adm. Kerr attended.",
            ["Gen. Ortiz, Lt. Col. Haddad and Adm. Kerr attended."],
        ),
        (
            "Sen. Booth and Gov. Reyes spoke with Amb. Tanaka.",
            ["Sen. Booth and Gov. Reyes spoke with Amb. Tanaka."],
        ),
        (
            "Capt. Moore and Sgt. Diaz saluted Pres. Alvarez.",
            ["Capt. Moore and Sgt. Diaz saluted Pres. Alvarez."],
        ),
        # initials
        (
            "Foreign Minister R. Okafor arrived.",
            ["Foreign Minister R. Okafor arrived."],
        ),
        ("George W. Bush met Kim Dae-jung.", ["George W. Bush met Kim Dae-jung."]),
        ("J. R. R. Tolkien wrote it.", ["J. R. R. Tolkien wrote it."]),
        ("They chose Plan B. The others disagreed.", ["They chose Plan B.", "The others disagreed."]),
        # months, numbers
        ("The summit opens on Sept. 21 in Lima.", ["The summit opens on Sept. 21 in Lima."]),
        ("It was signed on Jan. 5 and Dec. 12.", ["It was signed on Jan. 5 and Dec. 12."]),
        (
            "The talks were held in Jan. The next round is due.",
            ["The talks were held in Jan.", "The next round is due."],
        ),
        ("He spoke at No. 10 Downing Street.", ["He spoke at No. 10 Downing Street."]),
        ("See Vol. 3 of the treaty series.", ["See Vol. 3 of the treaty series."]),
        # e.g., i.e., vs.
        ("Several states, e.g. Chile and Peru, signed.", ["Several states, e.g. Chile and Peru, signed."]),
        ("The host, i.e. Japan, paid.", ["The host, i.e. Japan, paid."]),
        ("It was Brazil vs. Argentina again.", ["It was Brazil vs. Argentina again."]),
        # country abbreviations: split only before a typical sentence starter
        ("U.S. Secretary of State Rubio arrived.", ["U.S. Secretary of State Rubio arrived."]),
        ("The U.S. Navy and the U.K. Royal Navy sailed.", ["The U.S. Navy and the U.K. Royal Navy sailed."]),
        (
            "They met in the U.S. The talks lasted two days.",
            ["They met in the U.S.", "The talks lasted two days."],
        ),
        ("Funds came from the U.S. However, aid fell.", ["Funds came from the U.S.", "However, aid fell."]),
        ("It was held at the U.N. Both sides attended.", ["It was held at the U.N.", "Both sides attended."]),
        (
            "The Japan-U.S. Security Consultative Committee met.",
            ["The Japan-U.S. Security Consultative Committee met."],
        ),
        (
            "Talks on the India–U.S. ties. The envoys agreed.",
            ["Talks on the India–U.S. ties.", "The envoys agreed."],
        ),
        (
            "The P.R.C. Foreign Ministry and the E.U. Council replied.",
            ["The P.R.C. Foreign Ministry and the E.U. Council replied."],
        ),
        (
            "He flew to the U.S.A. It was his first visit.",
            ["He flew to the U.S.A.", "It was his first visit."],
        ),
        ("At 10 a.m. Beijing time, they met.", ["At 10 a.m. Beijing time, they met."]),
        ("They met at 10 a.m. The press waited.", ["They met at 10 a.m.", "The press waited."]),
        ("Acme Inc. The board agreed.", ["Acme Inc.", "The board agreed."]),
        ("Acme Inc. Chairman Lee agreed.", ["Acme Inc. Chairman Lee agreed."]),
        # quotes and brackets
        ("He said: “The U.S. is ready.” Both nodded.", ["He said: “The U.S. is ready.”", "Both nodded."]),
        ('"It was historic." The minister smiled.', ['"It was historic."', "The minister smiled."]),
        ("They met (in private.) Then they left.", ["They met (in private.)", "Then they left."]),
        ("They met. (Officials confirmed it.)", ["They met.", "(Officials confirmed it.)"]),
        # datelines, headlines and paragraph breaks
        (
            "HANOI, June 3 (VNA) -- Vietnam and Laos held talks on Monday. They agreed to meet.",
            [
                "HANOI, June 3 (VNA) -- Vietnam and Laos held talks on Monday.",
                "They agreed to meet.",
            ],
        ),
        ("WASHINGTON, Dec. 5 (Reuters) - Ministers met.", ["WASHINGTON, Dec. 5 (Reuters) - Ministers met."]),
        (
            "Chile and Peru open talks\nLIMA -- Ministers met on Friday.\n\nThey agreed",
            ["Chile and Peru open talks", "LIMA -- Ministers met on Friday.", "They agreed"],
        ),
        (
            "A paragraph without a full stop\nends at the newline",
            ["A paragraph without a full stop", "ends at the newline"],
        ),
        ("1. The first point.\n2. The second point.", ["1. The first point.", "2. The second point."]),
        # other scripts
        ("Ministers met. 日本と中国の外相が会談した。", ["Ministers met.", "日本と中国の外相が会談した。"]),
    ],
)
def test_split_sentences_ends_sentences_only_where_they_end(text: str, expected: list[str]) -> None:
    assert sentence_texts(text) == expected


def test_split_sentences_gives_offsets_into_the_text() -> None:
    text = "  Ministers met.  They agreed.\n\n  Next paragraph "
    sentences = split_sentences(text)
    assert [(s.start, s.end) for s in sentences] == [(2, 16), (18, 30), (34, 48)]
    assert_offsets_consistent(text, sentences)


@pytest.mark.parametrize("text", ["", "   ", "\n\n\n", " \t \n "])
def test_split_sentences_of_blank_text_is_empty(text: str) -> None:
    assert split_sentences(text) == []


def test_split_sentences_handles_a_million_characters_a_second() -> None:
    paragraph = (
        "HANOI, June 3 (VNA) -- Vietnam and Laos held the first meeting of their new dialogue. "
        "Foreign Minister R. Okafor met Dr. Lind and Gen. Haas in the U.S. "
        "The talks covered ports, e.g. Haiphong. "
        "U.S. Deputy Secretary Mary J. Ortiz said the Sept. 21 round at 10 a.m. was “useful.” "
        "Both agreed!\n\n"
    )
    text = paragraph * (1_000_000 // len(paragraph) + 1)
    best = min(_seconds(split_sentences, text) for _ in range(3))
    assert len(text) / best >= 1_000_000


def _seconds(function: object, argument: str) -> float:
    """Return how long one call takes, in seconds."""
    start = time.perf_counter()
    function(argument)  # type: ignore[operator]
    return time.perf_counter() - start


# ── clean_document ──────────────────────────────────────────────────────────


def test_clean_document_keeps_the_raw_documents_metadata() -> None:
    article = clean_document(
        raw("Talks\u00a0held.", title="Talks", url="https://news.example.org/t", published="2024-05")
    )
    assert article == Article(
        id="doc.txt",
        source="corpus/doc.txt",
        text="Talks held.",
        sentences=(Sentence(index=0, start=0, end=11, text="Talks held."),),
        title="Talks",
        url="https://news.example.org/t",
        published="2024-05",
    )


def test_clean_document_reads_a_headline_the_body_does_not_repeat_as_its_first_line() -> None:
    article = clean_document(raw("The summit opened on Monday.", title="IX Andean Summit in Lima"))
    assert [s.text for s in article.sentences] == ["IX Andean Summit in Lima", "The summit opened on Monday."]
    repeated = clean_document(
        raw("IX Andean Summit in Lima\n\nThe summit opened.", title="IX Andean Summit in Lima")
    )
    assert [s.text for s in repeated.sentences] == ["IX Andean Summit in Lima", "The summit opened."]


def test_clean_document_offsets_refer_to_the_normalised_text() -> None:
    article = clean_document(
        raw("Chile and Peru open talks\r\n\r\nLIMA --\u00a0Ministers  met.\u200b  Mr. Ruiz said “yes.”  ")
    )
    assert article.text == "Chile and Peru open talks\n\nLIMA -- Ministers met. Mr. Ruiz said “yes.”"
    assert [s.text for s in article.sentences] == [
        "Chile and Peru open talks",
        "LIMA -- Ministers met.",
        "Mr. Ruiz said “yes.”",
    ]
    assert_offsets_consistent(article.text, article.sentences)


def test_clean_document_of_invisible_text_has_no_sentences() -> None:
    article = clean_document(raw("\u200b\ufeff\u00a0"))
    assert (article.text, article.sentences) == ("", ())


# ── properties ──────────────────────────────────────────────────────────────

# Pieces that reach every rule of the splitter, in any order.
_PIECES = st.sampled_from(
    [
        "The", "talks", "U.S.", "Mr.", "Sept.", "No.", "a.m.", "e.g.", "Inc.", "W.", "1.", "IV.", "etc.",
        ".", "!", "?", "...", "…", "“", "”", '"', "'", "(", ")", "[", "]", " ", "  ", "\t", "\n", "\n\n",
        "\r\n", "\u00a0", "\u200b", "\u2028", "e\u0301", "日本", "5", "\ud800", "\x00",
    ]
)  # fmt: skip
_TEXTS = st.one_of(st.text(), st.lists(_PIECES, max_size=80).map("".join))


@settings(max_examples=300, deadline=None)
@given(text=_TEXTS)
def test_sentence_offsets_are_always_consistent(text: str) -> None:
    assert_offsets_consistent(text, split_sentences(text))


@settings(max_examples=300, deadline=None)
@given(text=_TEXTS)
def test_clean_document_never_raises_and_its_sentences_cover_all_text(text: str) -> None:
    article = clean_document(raw(text))
    assert_offsets_consistent(article.text, article.sentences)
    assert normalise_text(article.text) == article.text  # normalising is idempotent
    covered = "".join(s.text for s in article.sentences)
    assert "".join(covered.split()) == "".join(article.text.split())


@settings(max_examples=10, deadline=None)
@given(piece=st.text(min_size=1, max_size=5), repeat=st.integers(min_value=100_000, max_value=400_000))
def test_clean_document_survives_huge_lines(piece: str, repeat: int) -> None:
    text = (piece * repeat)[:1_000_000]
    article = clean_document(raw(text))
    assert_offsets_consistent(article.text, article.sentences)


def test_a_full_stop_glued_to_the_next_sentence_ends_it_but_not_after_an_abbreviation():
    text = "Troops went to Russia.According to the ministry, the U.S. team met Mr.Smith in St.Petersburg."
    assert [s.text for s in split_sentences(text)] == [
        "Troops went to Russia.",
        "According to the ministry, the U.S. team met Mr.Smith in St.Petersburg.",
    ]


def test_a_full_stop_glued_after_a_day_or_a_closing_quote_ends_the_sentence_but_not_a_decimal():
    text = 'They met on March 4.The talks were "useful."The rate rose 3.5 percent.'
    assert [s.text for s in split_sentences(text)] == [
        "They met on March 4.",
        'The talks were "useful."',
        "The rate rose 3.5 percent.",
    ]


def test_normalise_text_rejoins_a_line_cut_after_a_word_no_sentence_ends_on() -> None:
    # An excerpt or a page layout broke the sentence after "The next": the next line continues it.
    text = "Belarus joined in 2024. The next\nsummit of the group will be held in China.\n\nLeaders met in Astana."
    out = normalise_text(text)
    assert "The next summit of the group will be held in China." in out
    assert len(out) == len(text)  # offsets unchanged
    assert [s.text for s in split_sentences(out)][-1] == "Leaders met in Astana."
    # A heading that ends on a noun stays on its own line.
    assert (
        normalise_text("Summit in Astana\nLeaders met on Thursday.")
        == "Summit in Astana\nLeaders met on Thursday."
    )


def test_wrapped_copy_whose_sentences_end_at_line_ends_runs_on_where_a_line_ends_no_sentence():
    text = (
        "Defence ministers of Armenia, Greece and Cyprus will\n"
        "discuss regional security issues, areas of defence cooperation and\n"
        "future plans at a trilateral meeting in Nicosia today, agencies report.\n"
        "The Greek minister arrived in Nicosia\n"
        "yesterday.\n"
        "Last time the defence ministers of the three countries held a\n"
        "meeting in Rhodes in February this year, during which they\n"
        "discussed the importance of joint military exercises."
    )
    out = normalise_text(text)
    assert len(out) == len(text)  # offsets kept
    assert out.split("\n") == [
        "Defence ministers of Armenia, Greece and Cyprus will discuss regional security issues, areas of "
        "defence cooperation and future plans at a trilateral meeting in Nicosia today, agencies report.",
        "The Greek minister arrived in Nicosia yesterday.",
        "Last time the defence ministers of the three countries held a meeting in Rhodes in February this year, "
        "during which they discussed the importance of joint military exercises.",
    ]


def test_a_list_of_short_lines_is_not_wrapped_copy():
    text = (
        "Participants:\nPrime Minister of Japan\nPresident of the Philippines\nPresident of the United States"
    )
    assert normalise_text(text) == text


def test_a_title_the_body_opens_with_in_other_quotation_marks_is_not_repeated() -> None:
    # (the page's metadata straightens the apostrophe the body prints curly: one headline, not two)
    article = clean_document(
        raw(
            "Oman hosts Gulf ministers\u2019 meeting with Caribbean counterparts\n\nThe meeting was held on Tuesday.",
            title="Oman hosts Gulf ministers' meeting with Caribbean counterparts",
        )
    )
    assert [s.text for s in article.sentences] == [
        "Oman hosts Gulf ministers\u2019 meeting with Caribbean counterparts",
        "The meeting was held on Tuesday.",
    ]
