"""Stage 1, read: files, directories and strings become RawDocuments or InputFailures."""

from __future__ import annotations

import itertools
import json
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diplograph.errors import ConfigError, EmptyDocument, InputError
from diplograph.extract.ingest import content_id, document_label, parse_published, read_documents, read_text
from diplograph.models import InputFailure, RawDocument
from diplograph.settings import Settings

RESOURCES = Path(__file__).parent / "resources"


def read_all(*sources: str | Path, **kwargs: object) -> list[RawDocument | InputFailure]:
    """Read every source into a list (the tests' way to drain the stream)."""
    return list(read_documents(list(sources), **kwargs))  # type: ignore[arg-type]


def only_document(*sources: str | Path, **kwargs: object) -> RawDocument:
    """Read sources that must give exactly one document and no failure."""
    items = read_all(*sources, **kwargs)
    assert len(items) == 1 and isinstance(items[0], RawDocument), items
    return items[0]


def only_failure(*sources: str | Path, **kwargs: object) -> InputFailure:
    """Read sources that must give exactly one failure."""
    items = read_all(*sources, **kwargs)
    assert len(items) == 1 and isinstance(items[0], InputFailure), items
    return items[0]


def write(path: Path, content: str | bytes) -> Path:
    """Write a file (creating its directories) and return its path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


# ── formats ─────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("name", "file_format", "phrase"),
    [
        ("plain-article.txt", "txt", "signed a memorandum on joint border patrols"),
        ("corpus-header-article.txt", "txt", "met in Lisbon on Tuesday"),
        ("boilerplate-page.html", "html", "agreeing to share fisheries patrol data"),
        ("table-layout-page.html", "html", "will be held in Hobart"),
    ],
)
def test_read_documents_reads_each_file_format(name: str, file_format: str, phrase: str) -> None:
    document = only_document(RESOURCES / name)
    assert document.format == file_format
    assert document.label == name
    assert document.id == content_id(document.text, document.url)
    assert document.source == str(RESOURCES / name)
    assert phrase in document.text


def test_read_documents_reads_every_record_of_a_json_file() -> None:
    items = read_all(RESOURCES / "records.json")
    assert [(d.label, d.format, d.published) for d in items if isinstance(d, RawDocument)] == [
        ("oman-iran-2021", "json", "2021-06"),
        ("records.json#2", "json", None),
    ]


def test_read_documents_reads_a_json_file_holding_one_object(tmp_path: Path) -> None:
    path = write(tmp_path / "one.json", json.dumps({"text": "Peru and Bolivia met.", "title": "Lake talks"}))
    document = only_document(path)
    assert (document.label, document.title, document.text) == (
        "one.json",
        "Lake talks",
        "Peru and Bolivia met.",
    )


# ── the corpus header and publication dates ──────────────────────────────────


def test_read_documents_takes_url_title_and_date_from_the_corpus_header() -> None:
    document = only_document(RESOURCES / "corpus-header-article.txt")
    assert document.url == "https://news.example.org/2024/05/portugal-cape-verde-maritime-talks"
    assert document.title == "Portugal and Cape Verde hold maritime security talks"
    assert document.published == "2024-05-14"
    assert document.text.startswith("Portugal and Cape Verde hold maritime security talks\n")
    assert "url:" not in document.text and "---" not in document.text


@pytest.mark.parametrize(
    ("content", "fallback", "expected"),
    [
        ("Talks were held.\n", "2023-11-02", "2023-11-02"),  # no header: the argument
        ("title: Talks\npublished: unknown\n---\nTalks were held.\n", "2023-11", "2023-11"),  # unknown
        (
            "title: Talks\npublished: 2021-04-09\n---\nTalks were held.\n",
            "2023-11-02",
            "2021-04-09",
        ),  # own date wins
        ("published: 2021-04-09T10:15:00+08:00\n---\nTalks were held.\n", None, "2021-04-09"),  # datetime cut
        ("published: 9 April 2021\n---\nTalks were held.\n", "2020", "2020"),  # malformed: ignored
        ("Talks were held.\n", None, None),
    ],
)
def test_read_documents_uses_the_published_argument_only_when_the_document_has_no_date(
    tmp_path: Path, content: str, fallback: str | None, expected: str | None
) -> None:
    document = only_document(write(tmp_path / "a.txt", content), published=fallback)
    assert document.published == expected


@pytest.mark.parametrize(
    "content",
    [
        "Note: this is not a header\n---\nBody.\n",  # unknown key
        "---\nBody after a rule.\n",  # no fields before the rule
        "title: A line that looks like a header\nBut the body starts here.\n",  # no rule
    ],
)
def test_text_without_a_complete_corpus_header_is_read_whole(tmp_path: Path, content: str) -> None:
    document = only_document(write(tmp_path / "a.txt", content))
    assert document.text == content
    assert document.title is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024", "2024"),
        ("2024-05", "2024-05"),
        ("2024-05-14", "2024-05-14"),
        ("2024-05-14T08:30:00Z", "2024-05-14"),
        ("2024-05-14 08:30:00 +0800", "2024-05-14"),
        (" 2024-05-14 ", "2024-05-14"),
        ("unknown", None),
        ("Unknown", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_published_accepts_partial_iso_dates(value: str | None, expected: str | None) -> None:
    assert parse_published(value) == expected


@pytest.mark.parametrize("value", ["14 May 2024", "2024-13", "2024-02-30", "24-05-14", "2024/05/14", "٢٠٢٤"])
def test_parse_published_rejects_anything_else(value: str) -> None:
    with pytest.raises(ValueError):
        parse_published(value)


def test_read_documents_rejects_an_invalid_published_argument_before_reading() -> None:
    with pytest.raises(ConfigError, match="YYYY-MM-DD"):
        read_documents([RESOURCES / "plain-article.txt"], published="May 2024")


# ── directories and ids ─────────────────────────────────────────────────────


def test_directory_walk_is_recursive_sorted_and_skips_hidden_files(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    for name in [
        "b.txt",
        "a.txt",
        "sub/z.txt",
        "sub/deeper/c.txt",
        "aa/x.txt",
        ".hidden.txt",
        ".git/config.txt",
    ]:
        write(root / name, f"Text of {name}.")
    documents = read_all(root)
    assert [d.label for d in documents if isinstance(d, RawDocument)] == [
        "a.txt",
        "aa/x.txt",
        "b.txt",
        "sub/deeper/c.txt",
        "sub/z.txt",
    ]


def test_directory_walk_reports_unsupported_files_and_goes_on(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "First.")
    write(tmp_path / "b.pdf", b"%PDF-1.4")
    write(tmp_path / "c.txt", "Third.")
    items = read_all(tmp_path)
    assert [type(item).__name__ for item in items] == ["RawDocument", "InputFailure", "RawDocument"]


@pytest.mark.parametrize(
    ("relative", "root", "item", "expected"),
    [
        ("corpus/asia/talks.txt", "corpus", None, "asia/talks.txt"),
        ("corpus/talks.txt", None, None, "talks.txt"),
        ("/data/batch.jsonl", None, 3, "batch.jsonl#3"),
        ("corpus/sub/batch.jsonl", "corpus", 12, "sub/batch.jsonl#12"),
    ],
)
def test_document_label_depends_only_on_names(
    relative: str, root: str | None, item: int | None, expected: str
) -> None:
    assert document_label(relative, root, item=item) == expected


def test_document_labels_are_the_same_wherever_the_corpus_lives(tmp_path: Path) -> None:
    first = write(tmp_path / "one" / "corpus" / "x" / "talks.txt", "Talks.")
    second = write(tmp_path / "two" / "elsewhere" / "x" / "talks.txt", "Talks.")
    assert only_document(first.parents[1]).label == only_document(second.parents[1]).label == "x/talks.txt"
    assert only_document(first).label == "talks.txt"


def test_the_same_article_has_the_same_id_by_whatever_path_it_is_reached(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = write(tmp_path / "corpus" / "sub" / "talks.txt", "Peru and Bolivia met in La Paz.")
    copy = write(tmp_path / "elsewhere" / "renamed.txt", "Peru and Bolivia met in La Paz.\r\n")
    monkeypatch.chdir(tmp_path / "corpus")
    ids = {
        only_document(tmp_path / "corpus").id,
        only_document(".").id,
        only_document("sub").id,
        only_document(article).id,
        only_document(copy).id,
    }
    assert ids == {content_id("Peru and Bolivia met in La Paz.")}


def test_two_different_articles_with_the_same_file_name_are_two_documents(tmp_path: Path) -> None:
    first = write(tmp_path / "monday" / "article.txt", "Peru and Bolivia met in La Paz.")
    second = write(tmp_path / "tuesday" / "article.txt", "Chile and Peru met in Lima.")
    documents = [d for d in read_all(first.parent, second.parent) if isinstance(d, RawDocument)]
    assert [d.label for d in documents] == ["article.txt", "article.txt"]
    assert documents[0].id != documents[1].id


def test_a_record_id_repeated_with_another_text_is_a_failure_not_a_replacement(tmp_path: Path) -> None:
    path = write(
        tmp_path / "batch.jsonl",
        '{"id": "r1", "text": "Peru and Bolivia met."}\n'
        '{"id": "r1", "text": "Chile and Peru met."}\n'
        '{"id": "r1", "text": "Peru and Bolivia met."}\n',
    )
    items = read_all(path)
    assert [type(item).__name__ for item in items] == ["RawDocument", "InputFailure", "RawDocument"]
    assert "already read from" in items[1].reason and f"{path}:1" in items[1].reason  # type: ignore[union-attr]


def test_read_documents_keeps_the_source_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "corpus" / "a.txt", "Talks.")
    monkeypatch.chdir(tmp_path)
    assert only_document("corpus").source == str(Path("corpus") / "a.txt")
    assert only_document("corpus/a.txt").source == "corpus/a.txt"


def test_read_documents_is_lazy() -> None:
    def sources() -> Iterator[Path]:
        yield RESOURCES / "plain-article.txt"
        raise AssertionError("the second source was read before it was asked for")

    stream = read_documents(sources())
    first = next(stream)
    assert isinstance(first, RawDocument)


# ── JSON Lines ──────────────────────────────────────────────────────────────


def test_jsonl_broken_line_is_reported_and_the_other_records_are_read() -> None:
    items = read_all(RESOURCES / "records-with-broken-line.jsonl")
    assert [item.label if isinstance(item, RawDocument) else "FAILURE" for item in items] == [
        "tonga-fiji-2023",
        "FAILURE",
        "records-with-broken-line.jsonl#3",
        "mongolia-korea-2022",
    ]
    failure = items[1]
    assert isinstance(failure, InputFailure)
    assert failure.source.endswith("records-with-broken-line.jsonl:2")
    assert "invalid JSON" in failure.reason


def test_jsonl_record_keeps_its_fields() -> None:
    first = read_all(RESOURCES / "records-with-broken-line.jsonl")[0]
    assert first == RawDocument(
        id="tonga-fiji-2023",
        label="tonga-fiji-2023",
        source=f"{RESOURCES / 'records-with-broken-line.jsonl'}:1",
        text="Tonga and Fiji signed a cyclone relief pact in Suva on Tuesday.",
        format="jsonl",
        title="Tonga and Fiji sign a cyclone relief pact",
        url="https://news.example.org/tonga-fiji",
        published="2023-02-07",
    )


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('{"text": "cut off', "invalid JSON: Unterminated string"),
        ("[1, 2, 3]", "expected a JSON object"),
        ('"just a string"', "expected a JSON object"),
        ('{"title": "No text"}', 'no "text" field'),
        ('{"text": 42}', '"text" must be a string, not a number'),
        ('{"text": null}', '"text" must be a string, not null'),
        ('{"text": "   "}', '"text" is empty'),
        ('{"text": "Fine.", "id": ["a"]}', '"id" must be a string or an integer'),
        ('{"text": "Fine.", "title": 7}', '"title" must be a string'),
        ("[" * 100_000, "invalid JSON"),
    ],
)
def test_jsonl_broken_line_reasons_say_what_is_wrong(tmp_path: Path, line: str, reason: str) -> None:
    path = write(tmp_path / "batch.jsonl", f'{{"text": "Before."}}\n{line}\n{{"text": "After."}}\n')
    items = read_all(path)
    assert [type(item).__name__ for item in items] == ["RawDocument", "InputFailure", "RawDocument"]
    assert items[1] == InputFailure(source=f"{path}:2", reason=items[1].reason)  # type: ignore[union-attr]
    assert reason in items[1].reason  # type: ignore[union-attr]


def test_jsonl_skips_blank_lines_but_keeps_line_numbers(tmp_path: Path) -> None:
    path = write(tmp_path / "batch.jsonl", '\n{"text": "One."}\n\n   \n{"text": "Two."}\n')
    documents = [d for d in read_all(path) if isinstance(d, RawDocument)]
    assert [d.label for d in documents] == ["batch.jsonl#2", "batch.jsonl#5"]
    assert [d.id for d in documents] == [content_id("One."), content_id("Two.")]


def test_jsonl_with_an_integer_id_keeps_it_as_a_string(tmp_path: Path) -> None:
    path = write(tmp_path / "batch.jsonl", '{"id": 1207, "text": "One."}\n')
    assert only_document(path).id == "1207"


def test_jsonl_line_over_the_size_limit_is_skipped_and_reading_goes_on(tmp_path: Path) -> None:
    long_record = json.dumps({"text": "word " * 100})
    path = write(
        tmp_path / "batch.jsonl", f'{{"text": "Short."}}\n{long_record}\n{{"text": "Also short."}}\n'
    )
    items = read_all(path, settings=Settings(max_document_bytes=200))
    assert [type(item).__name__ for item in items] == ["RawDocument", "InputFailure", "RawDocument"]
    assert "over the limit of 200 bytes" in items[1].reason  # type: ignore[union-attr]


def test_jsonl_written_as_utf16_is_read(tmp_path: Path) -> None:
    content = '{"text": "Ministers met in Pärnu."}\r\n{"text": "Second record."}\r\n'
    path = write(tmp_path / "batch.jsonl", content.encode("utf-16"))
    assert [d.text for d in read_all(path) if isinstance(d, RawDocument)] == [
        "Ministers met in Pärnu.",
        "Second record.",
    ]


def test_jsonl_without_records_is_a_failure(tmp_path: Path) -> None:
    assert only_failure(write(tmp_path / "batch.jsonl", "\n\n")).reason == "the file has no records"


# ── encodings ───────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("name", "phrase"),
    [
        ("latin1-article.txt", "Mr. Martínez and Ms. Peñaloza reviewed the fisheries accord"),
        (
            "utf16-article.txt",
            "the Pärnu grid station and talks on the Baltic Sea cable known as Estlink – “a lifeline”",
        ),
        ("utf8-bom-article.txt", "Kenya and Uganda discuss rail links."),
        ("table-layout-page.html", "Hobart – Tasmania – on 3 March"),  # windows-1252, declared in <meta>
    ],
)
def test_legacy_and_unicode_encodings_are_decoded(name: str, phrase: str) -> None:
    document = only_document(RESOURCES / name)
    assert phrase in document.text
    assert "\ufeff" not in document.text


# ── failures ────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("source", "reason"),
    [
        (RESOURCES / "binary-disguised-as-text.txt", "binary file"),
        (RESOURCES / "empty.txt", "the file is empty"),
        (RESOURCES / "whitespace-only.txt", "the file has only whitespace"),
        (
            RESOURCES / "report.pdf",
            ".pdf files are not supported; convert to one of .htm, .html, .json, .jsonl, .txt",
        ),
        (RESOURCES / "page-without-text.html", "the page has no text"),
        (RESOURCES / "no-such-article.txt", "no such file or directory"),
        (RESOURCES / "no-such-directory", "no such file or directory"),
        ("https://news.example.org/article.html", "URLs are not fetched"),
    ],
)
def test_unreadable_sources_are_reported_as_failures(source: str | Path, reason: str) -> None:
    failure = only_failure(source)
    assert failure.source == str(source)
    assert reason in failure.reason


def test_file_over_the_size_limit_is_a_failure_without_being_read() -> None:
    failure = only_failure(RESOURCES / "plain-article.txt", settings=Settings(max_document_bytes=50))
    assert "over the limit of 50 bytes (max_document_bytes)" in failure.reason


def test_one_bad_source_does_not_stop_the_batch() -> None:
    items = read_all(RESOURCES / "empty.txt", RESOURCES / "missing.txt", RESOURCES / "plain-article.txt")
    assert [type(item).__name__ for item in items] == ["InputFailure", "InputFailure", "RawDocument"]


# ── HTML ────────────────────────────────────────────────────────────────────


def test_html_main_text_is_kept_and_boilerplate_removed() -> None:
    document = only_document(RESOURCES / "boilerplate-page.html")
    for paragraph in [
        "WELLINGTON, March 12 -- The foreign ministers of Chile and New Zealand held the first round",
        "the two governments would meet again next year in Valparaíso",
        "protection of undersea cables",
    ]:
        assert paragraph in document.text
    for boilerplate in [
        "Subscribe today",
        "We use cookies",
        "Related stories",
        "second bridge",
        "All rights reserved",
    ]:
        assert boilerplate not in document.text
    assert "window.analytics" not in document.text


def test_html_title_date_and_canonical_url_are_extracted() -> None:
    document = only_document(RESOURCES / "boilerplate-page.html")
    assert document.title == "Chile and New Zealand open ocean dialogue"
    assert document.published == "2024-03-12"
    assert document.url == "https://ledger.example.org/world/2024/03/chile-new-zealand-ocean-dialogue"


def test_html_table_layout_falls_back_to_body_text_one_line_per_block() -> None:
    document = only_document(RESOURCES / "table-layout-page.html")
    assert (
        "Ministers announce consultations with New Zealand\nThe foreign and defence ministers"
        in document.text
    )
    assert "|" not in document.text.split("\n", 1)[1]


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("Ministers met. No markup at all.", "Ministers met. No markup at all."),
        (
            '<?xml version="1.0" encoding="utf-8"?><html><body><p>Ministers met.</p></body></html>',
            "Ministers met.",
        ),
        (
            "<html><body><div>Ministers met.</div><!-- hidden --><script>x()</script></body></html>",
            "Ministers met.",
        ),
    ],
)
def test_html_pages_trafilatura_cannot_use_still_give_their_text(
    tmp_path: Path, page: str, expected: str
) -> None:
    assert only_document(write(tmp_path / "page.html", page)).text == expected


def test_html_published_argument_fills_a_page_without_date(tmp_path: Path) -> None:
    page = "<html><body><article><p>Ministers of Chile and Peru met in Lima.</p></article></body></html>"
    assert only_document(write(tmp_path / "p.htm", page), published="2022-08").published == "2022-08"


# ── text given directly ─────────────────────────────────────────────────────


def test_read_text_builds_a_document_with_a_stable_id() -> None:
    first = read_text("Ministers met in Dakar.")
    again = read_text("Ministers met in Dakar.")
    assert first == again
    assert first.id == content_id("Ministers met in Dakar.")  # the id a file with this text gets
    assert (first.source, first.format, first.text) == ("<text>", "text", "Ministers met in Dakar.")


def test_read_text_reads_a_corpus_header_and_arguments_win() -> None:
    document = read_text("title: Old\npublished: 2020-01-02\n---\nBody.", id="x", title="New")
    assert (document.id, document.title, document.published, document.text) == (
        "x",
        "New",
        "2020-01-02",
        "Body.",
    )


@pytest.mark.parametrize(
    ("text", "published", "error"),
    [("", None, EmptyDocument), ("  \n ", None, EmptyDocument), ("Fine.", "yesterday", InputError)],
)
def test_read_text_raises_on_empty_text_or_bad_date(
    text: str, published: str | None, error: type[Exception]
) -> None:
    with pytest.raises(error):
        read_text(text, published=published)


# ── robustness ──────────────────────────────────────────────────────────────


@settings(max_examples=60, deadline=None)
@given(
    data=st.one_of(
        st.binary(max_size=600),
        st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass")),
        st.lists(
            st.sampled_from(
                [
                    b'{"text": "a"}',
                    b"\n",
                    b"\x00",
                    b"\xff\xfe",
                    b"<p>",
                    b"url: x\n",
                    b"---\n",
                    b"\xe9",
                    b"{",
                    b"]",
                ]
            ),
            max_size=30,
        ).map(b"".join),
    ),
    extension=st.sampled_from([".txt", ".jsonl", ".json", ".html"]),
)
def test_read_documents_never_raises_on_arbitrary_bytes(data: bytes, extension: str) -> None:
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / f"input{extension}"
        path.write_bytes(data)
        items = list(itertools.islice(read_documents([path], Settings(max_document_bytes=400)), 1000))
    assert items
    for item in items:
        assert isinstance(item, RawDocument | InputFailure)
        if isinstance(item, RawDocument):
            assert item.text.strip()
        else:
            assert item.reason
