"""Hostile and broken input never crashes a run, never hangs, never reaches the network or runs code.

Each test reads files through `ingest.read_documents` / the pipeline the way `diplograph
ingest` does, with sockets blocked (`no_network`): any attempt to connect fails the
test. Every run is bounded by a deadline (`within`), so a pathological input shows up as
a failure instead of a stuck suite.
"""

from __future__ import annotations

import json
import signal
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diplograph import extract_text
from diplograph.errors import EmptyDocument
from diplograph.extract.clean import MAX_SENTENCE_CHARS, clean_document
from diplograph.extract.ingest import read_documents, read_text
from diplograph.extract.pipeline import process_corpus
from diplograph.models import InputFailure, RawDocument
from diplograph.settings import Settings
from diplograph.store import Store

SENTENCE = "China and Cambodia held talks in Phnom Penh on Tuesday."


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Any]]:
    """Make every outgoing connection fail, and remember the attempts."""
    attempts: list[Any] = []

    def refuse(_self: socket.socket, address: Any) -> None:
        attempts.append(address)
        raise OSError("network access is blocked in tests/test_hostile_input.py")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    yield attempts
    assert attempts == [], f"something tried to reach the network: {attempts}"


@contextmanager
def within(seconds: float) -> Iterator[None]:
    """Fail with TimeoutError when the block runs longer than `seconds` (a hang would stop here)."""

    def expire(*_: object) -> None:
        raise TimeoutError(f"took longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _read(path: Path, **options: Any) -> list[RawDocument | InputFailure]:
    with within(60):
        return list(read_documents([path], Settings(**options)))


def _texts(items: list[RawDocument | InputFailure]) -> str:
    return "\n".join(item.text for item in items if isinstance(item, RawDocument))


# ── property-based: readers and extractor ───────────────────────────────────

# Everything Unicode has, including lone surrogates (codec=None), right-to-left marks and
# overrides, zero-width characters, combining marks and NUL.
HOSTILE_CHARACTERS = st.characters(codec=None)
TRICKY = st.sampled_from(
    ["\u202e", "\u200b", "\u200d", "\u2060", "\ufeff", "\u0301", "\x00", "\ud800", "\udfff", "\u061c", "\n"]
)
hostile_text = st.lists(
    st.one_of(st.text(HOSTILE_CHARACTERS, max_size=20), TRICKY, st.just(SENTENCE)), max_size=40
).map("".join)


@settings(max_examples=60, deadline=10_000, suppress_health_check=[HealthCheck.too_slow])
@given(text=hostile_text)
def test_the_extractor_takes_any_unicode_and_its_quotes_match_their_offsets(text: str) -> None:
    try:
        extraction = extract_text(text, published="2026-04-22")
    except EmptyDocument:
        return
    for item in (*extraction.events, *extraction.mechanisms):
        for source in item.sources:
            assert extraction.article.text[source.start : source.end] == source.quote


@settings(max_examples=40, deadline=20_000, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(hostile_text, min_size=1, max_size=4))
def test_jsonl_records_of_any_unicode_are_read_extracted_and_stored(texts: list[str]) -> None:
    """Lone surrogates and NUL in a JSON string are valid JSON; they must not break the store."""
    lines = [json.dumps({"id": f"r{i}", "text": t, "published": "2026-04-22"}) for i, t in enumerate(texts)]
    with _temporary_file("records.jsonl", "\n".join(lines).encode("ascii")) as path, Store.memory() as store:
        with within(60):
            report = process_corpus([path], store)
        assert report.documents + len(report.failures) == len(texts)
        assert all(f.reason for f in report.failures)
        assert store.counts()["documents"] == report.documents


@settings(max_examples=80, deadline=10_000, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=3000), extension=st.sampled_from([".txt", ".html", ".jsonl", ".json"]))
def test_any_bytes_give_documents_or_clear_failures(data: bytes, extension: str) -> None:
    with _temporary_file("file" + extension, data) as path:
        items = _read(path)
    assert items
    for item in items:
        if isinstance(item, InputFailure):
            assert item.reason and len(item.reason) < 300 and "Traceback" not in item.reason
        else:
            assert item.text.strip()


@settings(max_examples=40, deadline=10_000, suppress_health_check=[HealthCheck.too_slow])
@given(
    lines=st.lists(
        st.one_of(
            st.just(json.dumps({"text": SENTENCE})),
            st.text(max_size=60),
            st.just('{"text": "cut sh'),
            st.just('{"text": ["not", "a", "string"]}'),
            st.just("[" * 5000),
        ),
        min_size=1,
        max_size=8,
    )
)
def test_truncated_and_invalid_json_lines_are_each_reported_with_their_line(lines: list[str]) -> None:
    data = "\n".join(lines).encode("utf-8", "surrogatepass")
    with _temporary_file("mixed.jsonl", data) as path:
        items = _read(path)
    for item in items:
        if isinstance(item, InputFailure) and item.source != str(path):
            number = int(item.source.rsplit(":", 1)[1])
            assert 1 <= number <= data.count(b"\n") + 1  # a generated line may hold a line break itself


@contextmanager
def _temporary_file(name: str, data: bytes) -> Iterator[Path]:
    "A file in a fresh temporary directory (hypothesis runs many examples in one test)."
    import tempfile

    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / name
        path.write_bytes(data)
        yield path


# ── malicious HTML ──────────────────────────────────────────────────────────


def test_an_external_entity_is_never_resolved(tmp_path: Path) -> None:
    """XXE: a page declaring an entity that points at a local file must not get its content."""
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-PASSWORD-1234", encoding="utf-8")
    page = (
        f'<?xml version="1.0"?>\n<!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">]>\n'
        f"<html><body><article><p>{SENTENCE} &xxe;</p></article></body></html>"
    )
    (tmp_path / "xxe.html").write_text(page, encoding="utf-8")
    items = _read(tmp_path / "xxe.html")
    assert "TOP-SECRET" not in _texts(items)
    assert "China and Cambodia" in _texts(items)


def test_an_external_dtd_on_the_network_is_not_fetched(tmp_path: Path, no_network: list[Any]) -> None:
    page = (
        '<!DOCTYPE html SYSTEM "http://203.0.113.7/evil.dtd">\n'
        '<html><head><link rel="stylesheet" href="http://203.0.113.7/x.css"></head>'
        f'<body><p>{SENTENCE}</p><img src="http://203.0.113.7/pixel.png"></body></html>'
    )
    (tmp_path / "dtd.html").write_text(page, encoding="utf-8")
    assert "China and Cambodia" in _texts(_read(tmp_path / "dtd.html"))
    assert no_network == []


def test_billion_laughs_entities_are_not_expanded(tmp_path: Path) -> None:
    laughs = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
    )
    page = f"<!DOCTYPE lolz [{laughs}]><html><body><p>{SENTENCE} &lol9;</p></body></html>"
    (tmp_path / "laughs.html").write_text(page, encoding="utf-8")
    text = _texts(_read(tmp_path / "laughs.html"))
    assert "lollol" not in text
    assert len(text) < 1000


def test_scripts_styles_and_frames_never_reach_the_text(tmp_path: Path) -> None:
    page = (
        "<html><head><script>document.write('INJECTED-SCRIPT')</script><style>p{color:red}</style></head>"
        '<body><iframe src="javascript:alert(1)">FRAME-TEXT</iframe><noscript>NOSCRIPT-TEXT</noscript>'
        f'<article><p onclick="alert(2)">{SENTENCE}</p><p>The talks lasted two hours.</p></article>'
        "<script>fetch('http://203.0.113.7/steal')</script></body></html>"
    )
    (tmp_path / "script.html").write_text(page, encoding="utf-8")
    text = _texts(_read(tmp_path / "script.html"))
    assert "China and Cambodia" in text
    for injected in ("INJECTED-SCRIPT", "FRAME-TEXT", "NOSCRIPT-TEXT", "alert", "color:red", "fetch("):
        assert injected not in text


def test_html_nested_ten_thousand_deep_is_a_clear_failure_quickly(tmp_path: Path) -> None:
    """Regression (issue 5): such a page was reported as "the page has no text", which hid why."""
    page = "<html><body>" + "<div>" * 10_000 + SENTENCE + "</div>" * 10_000 + "</body></html>"
    (tmp_path / "deep.html").write_text(page, encoding="utf-8")
    start = time.perf_counter()
    [failure] = _read(tmp_path / "deep.html")
    assert isinstance(failure, InputFailure)
    assert "levels deep" in failure.reason
    assert time.perf_counter() - start < 30


def test_html_nested_deep_but_with_text_above_keeps_that_text(tmp_path: Path) -> None:
    page = f"<html><body><p>{SENTENCE}</p>" + "<div>" * 5_000 + "below" + "</div>" * 5_000 + "</body></html>"
    (tmp_path / "deep-with-text.html").write_text(page, encoding="utf-8")
    assert "China and Cambodia" in _texts(_read(tmp_path / "deep-with-text.html"))


# ── binary data, NUL bytes and wrong encodings ──────────────────────────────


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("image.html", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20),
        ("archive.txt", b"PK\x03\x04" + bytes(range(256)) * 20),
        ("nul.txt", SENTENCE.encode() + b"\x00" * 10 + SENTENCE.encode()),
        ("executable.jsonl", b"\x7fELF\x02\x01\x01" + bytes(range(256)) * 20),
    ],
)
def test_binary_files_are_reported_as_binary(tmp_path: Path, name: str, data: bytes) -> None:
    (tmp_path / name).write_bytes(data)
    items = _read(tmp_path / name)
    assert items and all(isinstance(i, InputFailure) for i in items)
    assert any("binary" in i.reason or "not valid" in i.reason for i in items if isinstance(i, InputFailure))


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("utf16-no-bom.txt", SENTENCE.encode("utf-16-le")),
        ("cp1251-declared-utf8.html", f'<meta charset="utf-8"><p>{SENTENCE} Москва.</p>'.encode("cp1251")),
        ("unknown-charset.html", f'<meta charset="x-no-such-codec"><p>{SENTENCE}</p>'.encode()),
        ("base64-charset.html", f'<meta charset="base64"><p>{SENTENCE}</p>'.encode()),
        ("utf7.txt", SENTENCE.encode("utf-7") + b"+AGEAYgBj-"),
    ],
)
def test_wrong_or_missing_encodings_never_crash(tmp_path: Path, name: str, data: bytes) -> None:
    (tmp_path / name).write_bytes(data)
    items = _read(tmp_path / name)
    assert len(items) == 1
    assert isinstance(items[0], RawDocument) or items[0].reason


def test_nul_and_surrogates_inside_json_strings_are_stored(tmp_path: Path) -> None:
    record = {"id": "odd", "text": f"{SENTENCE}\u0000 \ud800 \u202eevil\u202c", "published": "2026-04-22"}
    (tmp_path / "odd.jsonl").write_text(json.dumps(record) + "\n", encoding="ascii")
    with Store.memory() as store:
        report = process_corpus([tmp_path / "odd.jsonl"], store)
        assert (report.documents, report.failures) == (1, [])
        assert "\x00" not in store.document("odd")["text"]


# ── size limits and run-on text ─────────────────────────────────────────────


def test_a_huge_single_line_is_processed_in_bounded_time(tmp_path: Path) -> None:
    (tmp_path / "line.txt").write_text(SENTENCE + " " + "word " * 400_000, encoding="utf-8")
    with within(120), Store.memory() as store:
        report = process_corpus([tmp_path / "line.txt"], store, published="2026-04-22")
    assert report.documents == 1


def test_limits_apply_to_every_format(tmp_path: Path) -> None:
    big = "x " * 3000
    (tmp_path / "big.html").write_text(f"<p>{big}</p>", encoding="utf-8")
    (tmp_path / "big.txt").write_text(big, encoding="utf-8")
    (tmp_path / "lines.jsonl").write_text(
        json.dumps({"text": big}) + "\n" + json.dumps({"text": SENTENCE}) + "\n", encoding="utf-8"
    )
    items = _read(tmp_path, max_document_bytes=1000)
    failures = {Path(i.source).name: i.reason for i in items if isinstance(i, InputFailure)}
    assert set(failures) == {"big.html", "big.txt", "lines.jsonl:1"}
    assert all("max_document_bytes" in reason for reason in failures.values())
    assert [i.text for i in items if isinstance(i, RawDocument)] == [SENTENCE]


@pytest.mark.parametrize("unit", ["2+2 ", "summit ", "China and Cambodia held talks ", "on Tuesday, "])
def test_a_run_on_sentence_of_repeated_triggers_does_not_hang(unit: str) -> None:
    """Regression (issue 5): 12,000 characters of "China and Cambodia held talks …" without a full
    stop took 3 minutes (the event rules' cost grows with the cube of a sentence's length)."""
    text = SENTENCE + " " + unit * (20_000 // len(unit))
    with within(60):
        extraction = extract_text(text, published="2026-04-22")
    assert any(e.parties == ("CHN", "KHM") for e in extraction.events)


def test_an_over_long_sentence_is_cut_at_a_space() -> None:
    article = clean_document(read_text("word " * 1000))
    assert len(article.sentences) > 1
    assert all(len(s.text) <= MAX_SENTENCE_CHARS for s in article.sentences)
    assert all(article.text[s.start : s.end] == s.text for s in article.sentences)
