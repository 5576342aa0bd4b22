"""Read documents from files, directories and strings: stage 1 of the pipeline.

Input: paths (files or directories, walked recursively) of plain text
(`.txt`, optionally with the corpus header `url:` / `title:` / `published:`
then `---`), HTML (`.html`, `.htm`), JSON Lines (`.jsonl`) or JSON (`.json`,
one record or a list of records); and text given directly (`read_text`).

Output: a stream of `RawDocument` (decoded text, with url, title and
publication date when the source gives them) and, for every source or record
that cannot be read, an `InputFailure` saying why in one short sentence.

Why a stream of documents *or* failures rather than exceptions: a batch must
never stop because of one broken file, and the pipeline counts and reports
failures in its `RunReport` (trafilatura's `examine()` does the same per page).
Why a stream at all: a directory of many thousand articles, or a JSONL file of
gigabytes, is read one file / one line at a time, so memory stays flat.
Why trafilatura for HTML: it separates an article's main text from navigation,
cookie banners and footers, and reads title, date and canonical URL from the
page's metadata. It only parses the string it is given; nothing here opens a
network connection or runs code found in a document.
Why our own decoding in front of it: one place decides UTF-8 first, then a
declared or detected encoding, and rejects binary files, for every format.

What it does not do: fetch URLs, read PDF or office files, guess the language.
"""

from __future__ import annotations

import codecs
import contextlib
import dataclasses
import datetime as dt
import hashlib
import io
import json
import logging
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any, TypeAlias

import charset_normalizer
import lxml.html
import trafilatura
from lxml import etree
from lxml.html import HtmlElement
from trafilatura.settings import Document as TrafilaturaDocument

from diplograph.errors import ConfigError, EmptyDocument, InputError, InputTooLarge, UnsupportedFormat
from diplograph.models import InputFailure, RawDocument
from diplograph.settings import Settings

logger = logging.getLogger(__name__)

DocumentOrFailure: TypeAlias = RawDocument | InputFailure

# File extension (lower case) → `RawDocument.format`.
FORMATS: dict[str, str] = {".txt": "txt", ".html": "html", ".htm": "html", ".jsonl": "jsonl", ".json": "json"}
SUPPORTED_EXTENSIONS = ", ".join(sorted(FORMATS))

# The corpus header: up to this many `key: value` lines, then a line `---`.
HEADER_KEYS = ("url", "title", "published")
MAX_HEADER_LINES = 10

# A decoded text in which more than this share of characters are control
# characters (other than tab, newline, carriage return, form feed) is binary.
# Random bytes decoded as cp1252 give ~12%; real text, including files with a
# few stray control bytes, stays far below 1%. Re-run tests/test_ingest.py
# after changing it.
MAX_CONTROL_SHARE = 0.05

# charset-normalizer often finds several single-byte encodings equally
# plausible for Latin text with few accents (cp1250 and cp1252 both decode
# "Perú" and "Peñaloza" without chaos) and then picks the first, Central
# European one, turning "ñ" into "ń". Among matches whose chaos and coherence
# are within ENCODING_TIE of the best, we prefer Windows-1252, the usual
# legacy encoding of English-language news (and what browsers use for
# "latin-1"). Checked on tests/resources/latin1-article.txt and on Polish
# cp1250 and Russian cp1251 samples (which keep their encoding); re-run
# tests/test_ingest.py after changing it.
WESTERN_ENCODING = "cp1252"
ENCODING_TIE = 0.01

# trafilatura options. favor_precision: a "related stories" list wrongly kept
# as article text would produce events the article never reports, so we
# prefer losing a marginal paragraph. No tables: trafilatura renders a
# table-layout page (common on government sites) as one line of "| cell |"
# with the headline glued to the first sentence; without tables such a page
# falls back to the <body> text, one line per block. Dates come from the page's metadata
# (meta tags, JSON-LD, <time>, URL) only, not from a search of the visible
# text, which can pick a date the article merely mentions; `--published`
# fills the gap. Checked on tests/resources/*.html.
TRAFILATURA_OPTIONS: dict[str, Any] = {
    "with_metadata": True,
    "favor_precision": True,
    "include_comments": False,
    "include_tables": False,
    "include_links": False,
    "include_images": False,
    "date_extraction_params": {"original_date": True, "extensive_search": False},
}

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),  # before UTF-16 LE, which is its prefix
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_BLANK = re.compile(r"[\s\u200b-\u200d\u2060\ufeff\u00ad]*")
_HEADER_LINE = re.compile(r"(url|title|published)[ \t]*:[ \t]*(.*)", re.IGNORECASE)
_PUBLISHED = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ]\d{2}:\d{2}.*)?)?)?", re.ASCII)
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I)
_URL_SOURCE = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")
_WHITESPACE = re.compile(r"\s+")
_ID_TRIM = " \t\n\v\f\ufeff"  # what content_id ignores around a text
_BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure",
        "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p",
        "pre", "section", "table", "td", "th", "tr", "ul",
    }
)  # fmt: skip
_INVISIBLE_TAGS = ("script", "style", "noscript", "template", "head", "iframe", "object", "svg")
_SKIP_CHUNK = 1 << 16
# libxml2's nesting limit for HTML (without XML_PARSE_HUGE, which we never set).
MAX_HTML_DEPTH = 255
_UTF8_HTML_PARSER = lxml.html.HTMLParser(encoding="utf-8")


# ── public API ──────────────────────────────────────────────────────────────


def read_documents(
    sources: Iterable[str | Path],
    settings: Settings | None = None,
    *,
    published: str | None = None,
    exclude: Iterable[str | Path] = (),
) -> Iterator[RawDocument | InputFailure]:
    """Return a stream of the documents in `sources`, with a failure for each one that cannot be read.

    Directories are walked recursively, depth first, in the order of
    `sorted()` paths (name by name at each level), skipping hidden files and
    directories (names starting with `.`) and not following symbolic links to
    directories (no cycles). Files with other extensions found there are
    reported as failures, not silently skipped. Files are read one at a time,
    JSON Lines one line at a time.

    Args:
        sources: paths of files or directories (a bare path is accepted
            too); URLs are reported as failures, never fetched. A
            document's id is its record's own `id`, else `content_id` of
            its text, so it does not depend on the path by which the file
            was reached. Its `label` is the file's name, or for a file found
            in a directory its path relative to that directory
            (`sub/article.txt`), with `#LINE` for a JSON record (see
            `document_label`). `source` is the path as given.
        settings: `max_document_bytes` bounds every file and every JSONL line.
        published: the publication date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) of
            documents that do not state one themselves (no header, no record
            field, no date in the page's metadata).
        exclude: files that a directory walk passes over without a word: the
            store's own files (`Store.own_files`) when it lives in the folder
            being ingested, which are not input and not a failure.

    Returns:
        A lazy iterator of `RawDocument` and `InputFailure`, in source order.
        Nothing is raised for a bad source: it becomes an `InputFailure`. A
        record whose own `id` was already read in this batch with a different
        text is a failure too (it would otherwise replace the first).

    Raises:
        ConfigError: `published` is not a valid partial ISO date (raised at
            once, before anything is read).
    """
    try:
        fallback = parse_published(published)
    except ValueError as exc:
        raise ConfigError(f"publication date {published!r}: {exc}") from exc
    if isinstance(sources, str | Path):  # one path given bare: not an iterable of characters
        sources = [sources]
    skipped = frozenset(os.path.realpath(path) for path in exclude)
    return _read_sources(sources, settings or Settings(), fallback, skipped)


def read_text(
    text: str,
    *,
    id: str | None = None,
    title: str | None = None,
    url: str | None = None,
    published: str | None = None,
) -> RawDocument:
    """Return a RawDocument for text given directly (API requests, tests, notebooks).

    The text may start with the corpus header, as a `.txt` file may; the
    keyword arguments override what the header says.

    Args:
        text: the article text.
        id: the document id; by default `content_id` of the text (without
            its header), so the same text always gets the same id, whether
            given here or read from a file.
        title: the headline, if known.
        url: where the text was published, if known.
        published: `YYYY`, `YYYY-MM`, `YYYY-MM-DD` (an ISO datetime is cut to
            its date), `unknown` or None.

    Returns:
        The document, with `source="<text>"` and `format="text"`.

    Raises:
        EmptyDocument: the text is empty or only whitespace.
        InputError: `published` is not a valid partial ISO date.
    """
    source = "<text>"
    try:
        date = parse_published(published)
    except ValueError as exc:
        raise InputError(f"published {published!r}: {exc}", source=source) from exc
    header, body = _split_header(text)
    if _is_blank(body):
        raise EmptyDocument("the text is empty", source=source)
    return RawDocument(
        id=id if id is not None else content_id(body, url if url is not None else header.get("url")),
        source=source,
        text=body,
        format="text",
        title=title if title is not None else header.get("title"),
        url=url if url is not None else header.get("url"),
        published=date if date is not None else _published_or_none(header.get("published"), source),
    )


def read_jsonl_text(
    jsonl: str, settings: Settings | None = None, *, name: str = "request.jsonl"
) -> Iterator[RawDocument | InputFailure]:
    """Return the documents of JSON Lines given as a string (an API request's body), with failures.

    The same rules as a `.jsonl` file given to `read_documents` (a line at most
    `max_document_bytes`, a failure per broken line, a repeated id with another text
    refused), without a temporary file: `source` is `NAME:LINE` and the label of a
    record without its own id `NAME#LINE`, never a path on the server.
    """
    limit = (settings or Settings()).max_document_bytes
    handle = io.BytesIO(jsonl.encode("utf-8", "replace"))
    return _unique_ids(_jsonl_records(handle, name, name, limit, None))


def content_id(text: str, url: str | None = None) -> str:
    """Return the id of a document that does not name itself: `doc_` and 16 hex digits of a SHA-256.

    Of its text, and of its URL when it states one. Why not the path: a path says
    how a file was reached, not what it is. `corpus/a.txt`, `./a.txt` from inside
    `corpus` and a copy elsewhere are one article and must be one document
    (re-ingesting by another path changes nothing), while two different articles
    both named `article.txt` must be two. Why the URL too: one wire story printed
    word for word by two outlets is two reports, each with its own link (the
    near-duplicate detection links them); the same page saved twice is one.
    Line endings, a byte-order mark, Unicode composition and surrounding
    whitespace do not change an article, so they do not change its id; any other
    edit makes it another text, hence another document (64 bits: a collision is
    not a practical concern below billions of documents).

    Example:
        >>> content_id("Wang Yi met Prak Sokhonn.") == content_id("\ufeffWang Yi met Prak Sokhonn.\r\n")
        True
    """
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n")).strip(_ID_TRIM)
    if url and url.strip():
        text = f"{url.strip()}\n{text}"
    return "doc_" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def document_label(path: str | Path, root: str | Path | None = None, *, item: int | None = None) -> str:
    """Return the readable name of a file, or of one record in it: what a person calls the document.

    Labels depend only on names, never on absolute paths or timestamps, so they
    are the same across runs and machines, and the evaluation matches them to
    gold files named after the article. A label is not an identity (two folders
    may each hold an `article.txt`): `RawDocument.id` is.

    Args:
        path: the file.
        root: the directory that was given as source; None for a file given directly.
        item: the 1-based line (JSONL) or list position (JSON) of a record without its own id.

    Returns:
        The path relative to `root` with `/` separators (`sub/article.txt`),
        or the file name when `root` is None; `article.jsonl#12` for a record.

    Example:
        >>> document_label("corpus/asia/talks.txt", "corpus")
        'asia/talks.txt'
        >>> document_label("/data/batch.jsonl", item=3)
        'batch.jsonl#3'
    """
    base = Path(path).name if root is None else Path(path).relative_to(root).as_posix()
    return base if item is None else f"{base}#{item}"


def parse_published(value: str | None) -> str | None:
    """Return a publication date as a partial ISO date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`), or None.

    Args:
        value: a partial ISO date, an ISO datetime (cut to its date),
            `unknown`, an empty string or None.

    Returns:
        The validated date string; None for `unknown`, empty or None.

    Raises:
        ValueError: the value is not of that form or is not a real date.
    """
    if value is None or not value.strip() or value.strip().lower() == "unknown":
        return None
    match = _PUBLISHED.fullmatch(value.strip())
    if match is None:
        raise ValueError("expected YYYY, YYYY-MM or YYYY-MM-DD (or 'unknown')")
    year, month, day = match.groups()
    try:
        dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError as exc:
        raise ValueError(f"not a real date ({exc})") from None
    return "-".join(part for part in (year, month, day) if part)


# ── sources and directories ─────────────────────────────────────────────────


def _read_sources(
    sources: Iterable[str | Path], settings: Settings, fallback: str | None, exclude: frozenset[str]
) -> Iterator[DocumentOrFailure]:
    "Yield the documents and failures of every source; a repeated id with another text is a failure."
    items = (
        item for source in sources for item in _read_source(os.fspath(source), settings, fallback, exclude)
    )
    return _unique_ids(items)


def _unique_ids(items: Iterable[DocumentOrFailure]) -> Iterator[DocumentOrFailure]:
    "Pass documents and failures on; a document whose id came earlier with another text becomes a failure."
    seen: dict[str, tuple[str, str]] = {}  # id → (content id of its text, source)
    for item in items:
        if isinstance(item, RawDocument):
            text_id = content_id(item.text)
            first = seen.setdefault(item.id, (text_id, item.source))
            if first[0] != text_id:
                item = InputFailure(source=item.source, reason=_repeated_id_reason(item.id, first[1]))
            elif first[1] != item.source:
                logger.info("%s: the same document as %s (id %s)", item.source, first[1], item.id)
        yield item


def _read_source(
    source: str, settings: Settings, fallback: str | None, exclude: frozenset[str] = frozenset()
) -> Iterator[DocumentOrFailure]:
    "Yield the documents of one file or directory as given by the user."
    if _URL_SOURCE.match(source):
        yield InputFailure(source=source, reason="URLs are not fetched; download the page and give its file")
    elif os.path.isdir(source):
        for path_or_failure in _walk(source):
            if isinstance(path_or_failure, InputFailure):
                yield path_or_failure
            elif exclude and os.path.realpath(path_or_failure) in exclude:
                continue
            else:
                yield from _read_file(
                    path_or_failure, document_label(path_or_failure, source), settings, fallback
                )
    elif os.path.exists(source):
        yield from _read_file(source, document_label(source), settings, fallback)
    else:
        yield InputFailure(source=source, reason="no such file or directory")


def _walk(directory: str) -> Iterator[str | InputFailure]:
    "Yield the visible files under `directory`, sorted by name at each level, depth first."
    try:
        with os.scandir(directory) as scan:
            entries = sorted((e for e in scan if not e.name.startswith(".")), key=lambda e: e.name)
    except OSError as exc:
        yield InputFailure(source=directory, reason=f"cannot list the directory ({_os_reason(exc)})")
        return
    for entry in entries:
        try:
            is_directory = entry.is_dir(follow_symlinks=False)
            is_file = not is_directory and entry.is_file()
        except OSError as exc:
            yield InputFailure(source=entry.path, reason=_os_reason(exc))
            continue
        if is_directory:
            yield from _walk(entry.path)
        elif is_file:
            yield entry.path


# ── files ───────────────────────────────────────────────────────────────────


def _read_file(
    path: str, label: str, settings: Settings, fallback: str | None
) -> Iterator[DocumentOrFailure]:
    "Yield the document(s) of one file, or one failure saying why it cannot be read."
    extension = os.path.splitext(path)[1].lower()
    file_format = FORMATS.get(extension)
    try:
        if file_format is None:
            raise UnsupportedFormat(_unsupported_reason(extension))
        if not os.path.isfile(path):
            raise InputError("not a regular file")
        if file_format == "jsonl":
            yield from _jsonl_documents(path, label, settings.max_document_bytes, fallback)
            return
        data = _file_bytes(path, settings.max_document_bytes)
        if file_format == "json":
            yield from _json_documents(_decoded(data), path, label, fallback)
        elif file_format == "html":
            yield _html_document(_decoded(data, declared=_declared_charset(data)), path, label, fallback)
        else:
            yield _text_document(_decoded(data), path, label, fallback)
    except InputError as exc:
        yield InputFailure(source=path, reason=exc.reason)
    except OSError as exc:
        yield InputFailure(source=path, reason=_os_reason(exc))


def _file_bytes(path: str, limit: int) -> bytes:
    "Return the bytes of a file, checking its size before reading it."
    size = os.stat(path).st_size
    if size > limit:
        raise InputTooLarge(_too_large_reason(f"the file is {size:,} bytes", limit))
    with open(path, "rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:  # the file grew since stat(), or reports no size
        raise InputTooLarge(_too_large_reason("the file is", limit, over=True))
    return data


def _text_document(text: str, path: str, label: str, fallback: str | None) -> RawDocument:
    "Return the document of a `.txt` file, reading the corpus header when there is one."
    header, body = _split_header(text)
    if _is_blank(body):
        raise EmptyDocument("the text after the header is empty" if header else "the file has no text")
    return RawDocument(
        id=content_id(body, header.get("url")),
        label=label,
        source=path,
        text=body,
        format="txt",
        title=header.get("title"),
        url=header.get("url"),
        published=_published_or_none(header.get("published"), path) or fallback,
    )


def _split_header(text: str) -> tuple[dict[str, str], str]:
    "Return the corpus header's non-empty fields and the body; ({}, text) when there is no header."
    fields: dict[str, str] = {}
    position = 0
    for _ in range(MAX_HEADER_LINES + 1):
        end = text.find("\n", position)
        line = (text[position:] if end < 0 else text[position:end]).strip()
        position = len(text) if end < 0 else end + 1
        if line == "---":
            present = {key: value for key, value in fields.items() if value}
            return (present, text[position:]) if fields else ({}, text)
        match = _HEADER_LINE.fullmatch(line)
        if match is None or end < 0:
            return {}, text
        fields[match[1].lower()] = match[2].strip()
    return {}, text


# ── HTML ────────────────────────────────────────────────────────────────────


def read_html(
    page: str | bytes,
    *,
    url: str,
    label: str | None = None,
    title: str | None = None,
    published: str | None = None,
) -> RawDocument:
    """Return the document of a web page fetched from `url`: main text, title and date, as for `.html` files.

    For callers that fetch pages themselves (`diplograph watch`): the same trafilatura
    path, rescue and decoding as a saved page, so a page watched and the same page saved
    and ingested are one document. The page's canonical URL, when it states one, is the
    document's URL; else `url`.

    Args:
        page: the page, as text or as the bytes received (decoded as a saved file is: BOM,
            UTF-8, the charset its `<meta>` declares, else a detected encoding).
        url: where the page was fetched; also its `source`, and its `label` unless given.
        label: the readable name of the document.
        title: a title to use when the page states none (a feed entry's).
        published: a partial ISO date to use when the page states none (a feed entry's).

    Raises:
        InputError: the page has no text, is binary, or `published` is not a partial ISO date.
    """
    try:
        fallback = parse_published(published)
    except ValueError as exc:
        raise InputError(f"published {published!r}: {exc}", source=url) from exc
    text = _decoded(page, declared=_declared_charset(page)) if isinstance(page, bytes) else page
    document = _html_document(text, url, label or url, fallback)
    if document.url is None:
        document = dataclasses.replace(document, id=content_id(document.text, url), url=url)
    return document if document.title or not title else dataclasses.replace(document, title=title)


def _html_document(page: str, path: str, label: str, fallback: str | None) -> RawDocument:
    "Return the main text and metadata of an HTML page, falling back to the text of <body>."
    extracted = _trafilatura_document(page)
    metadata = extracted or _trafilatura_metadata(page)
    text = extracted.text if extracted is not None and extracted.text else ""
    if _is_blank(text):
        text = _body_text(page)
    if _is_blank(text):
        raise _no_text_error(page)
    url = _clean_attribute(metadata.url if metadata else None)
    return RawDocument(
        id=content_id(text, url),
        label=label,
        source=path,
        text=text,
        format="html",
        title=_clean_attribute(metadata.title if metadata else None),
        url=url,
        published=_published_or_none(metadata.date if metadata else None, path) or fallback,
    )


def _trafilatura_document(page: str) -> TrafilaturaDocument | None:
    "Return trafilatura's extraction (main text and metadata) of a page, or None."
    try:
        result = trafilatura.bare_extraction(page, **TRAFILATURA_OPTIONS)
    except Exception as exc:  # a parser bug must not stop the batch
        logger.warning("trafilatura failed on a page: %s", exc)
        return None
    return result if isinstance(result, TrafilaturaDocument) else None


def _trafilatura_metadata(page: str) -> TrafilaturaDocument | None:
    "Return the title, date and URL of a page whose main text trafilatura did not find."
    try:
        tree = trafilatura.load_html(page)
        return None if tree is None else trafilatura.extract_metadata(tree, extensive=False)
    except Exception as exc:  # a parser bug must not stop the batch
        logger.warning("trafilatura metadata failed on a page: %s", exc)
        return None


def _body_text(page: str) -> str:
    "Return the visible text of a page's <body>, one line per block element (the rescue path)."
    tree = _parsed_html(page)
    if tree is None:
        return ""
    body = tree.find(".//body")
    root: HtmlElement = body if body is not None else tree
    for element in list(root.iter(*_INVISIBLE_TAGS)):
        if element is not root:
            element.drop_tree()
    chunks: list[str] = []
    for action, element in etree.iterwalk(root, events=("start", "end")):
        is_element = isinstance(element.tag, str)
        if is_element and element.tag in _BLOCK_TAGS:
            chunks.append("\n")
        if action == "start" and is_element and element.text:
            chunks.append(_WHITESPACE.sub(" ", element.text))
        elif action == "end" and element is not root and element.tail:
            chunks.append(_WHITESPACE.sub(" ", element.tail))
    return re.sub(r" *\n[\n ]*", "\n", "".join(chunks)).strip()


def _parsed_html(page: str) -> HtmlElement | None:
    "Return the lxml tree of a page, even a fragment or plain text; None when lxml cannot parse it."
    try:
        return lxml.html.document_fromstring(page)
    except ValueError:  # "Unicode strings with encoding declaration are not supported"
        try:
            return lxml.html.document_fromstring(page.encode("utf-8", "replace"), parser=_UTF8_HTML_PARSER)
        except Exception:  # a page lxml cannot parse has no text we can trust
            return None
    except Exception:  # lxml.etree.ParserError on a document with no elements, and the like
        return None


def _no_text_error(page: str) -> InputError:
    """Return the error for a page without text, saying so when lxml gave up on its nesting.

    libxml2 stops parsing at 256 nested elements (a limit against memory exhaustion, which
    we keep); a page nested deeper (hostile, or broken beyond repair) loses what lies below,
    and "no text" alone would not say why.
    """
    parser = lxml.html.HTMLParser()
    with contextlib.suppress(Exception):  # an unparseable page: the plain reason below is the right one
        lxml.html.document_fromstring(page.encode("utf-8", "replace"), parser=parser)
    if any("Excessive depth" in entry.message for entry in parser.error_log):
        return InputError(
            f"the page nests elements more than {MAX_HTML_DEPTH} levels deep, where the HTML parser "
            "stops; no text was found above that depth"
        )
    return EmptyDocument("the page has no text")


def _declared_charset(data: bytes) -> str | None:
    "Return the charset an HTML page declares in a <meta> tag near its start, if any."
    match = _DECLARED_CHARSET.search(data[:4096])
    return match[1].decode("ascii") if match else None


def _clean_attribute(value: str | None) -> str | None:
    "Return a metadata string with whitespace collapsed, or None when empty."
    cleaned = _WHITESPACE.sub(" ", value).strip() if value else ""
    return cleaned or None


# ── JSON and JSON Lines ─────────────────────────────────────────────────────


def _jsonl_documents(
    path: str, file_label: str, limit: int, fallback: str | None
) -> Iterator[DocumentOrFailure]:
    "Yield the document of every line of a JSON Lines file, and a failure for every broken line."
    with open(path, "rb") as handle:
        yield from _jsonl_records(handle, path, file_label, limit, fallback)


def _jsonl_records(
    handle: IO[bytes], name: str, label: str, limit: int, fallback: str | None
) -> Iterator[DocumentOrFailure]:
    "Yield the document of every line of JSON Lines, and a failure for every broken line."
    records = 0
    for number, line in _jsonl_lines(handle, limit):
        source = f"{name}:{number}"
        if isinstance(line, str) and _is_blank(line):
            continue
        records += 1
        try:
            if isinstance(line, InputError):
                raise line
            record = _parsed_json(line)
            yield _record_document(record, source, f"{label}#{number}", "jsonl", fallback)
        except InputError as exc:
            yield InputFailure(source=source, reason=exc.reason)
    if records == 0:
        yield InputFailure(source=name, reason="the file has no records")


def _jsonl_lines(handle: IO[bytes], limit: int) -> Iterator[tuple[int, str | InputError]]:
    "Yield (line number, decoded line or the error that prevents it) of a JSON Lines file."
    start = handle.read(4)
    handle.seek(0)
    bom = next(((codec, name) for mark, codec, name in _BOMS if start.startswith(mark)), None)
    too_long = InputTooLarge(_too_large_reason("the line is", limit, over=True))
    if bom is None or bom[1] == "UTF-8":
        for number, raw in _byte_lines(handle, limit):
            if raw is None:
                yield number, too_long
            elif not raw.strip():
                yield number, ""
            else:
                try:
                    yield number, _decoded(raw.removeprefix(codecs.BOM_UTF8) if number == 1 else raw)
                except InputError as exc:
                    yield number, exc
        return
    # UTF-16/32 (as written by Windows PowerShell's Out-File): decode as a text stream.
    text = io.TextIOWrapper(handle, encoding=bom[0].removesuffix("-le").removesuffix("-be"), newline=None)
    number = 0
    try:
        for number, line in _text_lines(text, limit):
            yield number, too_long if line is None else line
    except UnicodeDecodeError:
        yield number + 1, InputError(f"not valid {bom[1]} from this line on; the rest of the file is skipped")
    finally:
        text.detach()


def _byte_lines(handle: IO[bytes], limit: int) -> Iterator[tuple[int, bytes | None]]:
    "Yield (line number, line) of a binary file; None for a line over `limit` bytes, skipped unread."
    number = 0
    while line := handle.readline(limit + 2):
        number += 1
        if len(line.rstrip(b"\r\n")) > limit:
            while line and not line.endswith(b"\n"):
                line = handle.readline(_SKIP_CHUNK)
            yield number, None
        else:
            yield number, line


def _text_lines(handle: IO[str], limit: int) -> Iterator[tuple[int, str | None]]:
    "Yield (line number, line) of a text stream; None for a line over `limit` characters, skipped unread."
    number = 0
    while line := handle.readline(limit + 1):
        number += 1
        if len(line.rstrip("\n")) > limit:
            while line and not line.endswith("\n"):
                line = handle.readline(_SKIP_CHUNK)
            yield number, None
        else:
            yield number, line


def _json_documents(
    text: str, path: str, file_label: str, fallback: str | None
) -> Iterator[DocumentOrFailure]:
    "Yield the document(s) of a `.json` file holding one record or a list of records."
    value = _parsed_json(text)
    if not isinstance(value, list):
        yield _record_document(value, path, file_label, "json", fallback)
        return
    if not value:
        raise EmptyDocument("the file holds an empty list")
    for position, record in enumerate(value, start=1):
        source = f"{path}#{position}"
        try:
            yield _record_document(record, source, f"{file_label}#{position}", "json", fallback)
        except InputError as exc:
            yield InputFailure(source=source, reason=exc.reason)


def _parsed_json(text: str) -> Any:
    "Return the value of a JSON text, or raise InputError saying where it is broken."
    text = text.rstrip()  # so that a line cut short reads "Unterminated string", not "control character"
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        where = (
            f"column {exc.colno}" if "\n" not in text.strip() else f"line {exc.lineno}, column {exc.colno}"
        )
        raise InputError(f"invalid JSON: {exc.msg.removesuffix(' at')} at {where}") from None
    except (ValueError, RecursionError) as exc:  # over-long integers, over-deep nesting
        raise InputError(f"invalid JSON: {exc}") from None


def _record_document(
    record: Any, source: str, label: str, file_format: str, fallback: str | None
) -> RawDocument:
    "Return the document of one JSON record, or raise InputError saying what is wrong with it."
    if not isinstance(record, dict):
        raise InputError(f'expected a JSON object with a "text" field, got {_json_type(record)}')
    if "text" not in record:
        raise InputError('the record has no "text" field')
    text = record["text"]
    if not isinstance(text, str):
        raise InputError(f'"text" must be a string, not {_json_type(text)}')
    if _is_blank(text):
        raise EmptyDocument('"text" is empty')
    return RawDocument(
        id=(own_id := _record_id(record.get("id"))) or content_id(text, _record_string(record, "url")),
        label=own_id or label,
        source=source,
        text=text,
        format=file_format,
        title=_record_string(record, "title"),
        url=_record_string(record, "url"),
        published=_published_or_none(_record_string(record, "published"), source) or fallback,
    )


def _record_id(value: Any) -> str | None:
    "Return a record's own id (a string or an integer), None when it has none."
    if isinstance(value, str) and value.strip():
        return value.strip()
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if value is not None:
        raise InputError(f'"id" must be a string or an integer, not {_json_type(value)}')
    return None


def _record_string(record: dict[str, Any], key: str) -> str | None:
    "Return an optional string field of a record (None when absent, null or empty)."
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(f'"{key}" must be a string, not {_json_type(value)}')
    return value.strip() or None


def _json_type(value: Any) -> str:
    "Return the JSON name of a value's type, with an article ('an array')."
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean", type(None): "null"}
    return names.get(type(value), "a number")


# ── decoding ────────────────────────────────────────────────────────────────


def _decoded(data: bytes, *, declared: str | None = None) -> str:
    "Return the text of `data`: BOM, else UTF-8, else the declared charset, else a detected encoding."
    if not data.strip():
        raise EmptyDocument("the file is empty" if not data else "the file has only whitespace")
    for mark, codec, name in _BOMS:
        if data.startswith(mark):
            try:
                return _checked_text(data[len(mark) :].decode(codec))
            except UnicodeDecodeError:
                if name != "UTF-8":
                    raise UnsupportedFormat(f"binary file: it starts like {name} text but is not") from None
            break
    if b"\x00" in data:
        raise UnsupportedFormat(_binary_reason())
    try:
        return _checked_text(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    if declared and _is_codec(declared):
        try:
            return _checked_text(data.decode(declared))
        except (UnicodeDecodeError, LookupError):
            pass
    match = _detected_encoding(data)
    if match is None:
        raise UnsupportedFormat(_binary_reason())
    logger.debug("decoded as %s", match.encoding)
    return _checked_text(str(match))


def _detected_encoding(data: bytes) -> charset_normalizer.CharsetMatch | None:
    "Return charset-normalizer's best guess, preferring Windows-1252 among equally good ones."
    matches = charset_normalizer.from_bytes(data)
    best = matches.best()
    if best is None:
        return None
    for match in matches:
        is_as_good = (
            match.chaos <= best.chaos + ENCODING_TIE and match.coherence >= best.coherence - ENCODING_TIE
        )
        if is_as_good and WESTERN_ENCODING in match.could_be_from_charset:
            return match
    return best


def _checked_text(text: str) -> str:
    "Return decoded text, or raise when it is empty or looks like binary data."
    if _is_blank(text):
        raise EmptyDocument("the file has no text")
    if len(_CONTROL_CHARS.findall(text)) > MAX_CONTROL_SHARE * len(text):
        raise UnsupportedFormat(_binary_reason())
    return text


def _is_codec(name: str) -> bool:
    "True when Python knows a text encoding of that name."
    try:
        return codecs.lookup(name).name not in ("base64", "bz2", "hex", "quopri", "rot-13", "uu", "zlib")
    except LookupError:
        return False


# ── small helpers ───────────────────────────────────────────────────────────


def _is_blank(text: str) -> bool:
    "True when the text has nothing but whitespace and invisible characters."
    return _BLANK.fullmatch(text) is not None


def _published_or_none(value: str | None, source: str) -> str | None:
    "Return a document's own publication date, or None (with a warning) when it is malformed."
    try:
        return parse_published(value)
    except ValueError as exc:
        logger.warning("%s: ignoring publication date %r: %s", source, value, exc)
        return None


def _repeated_id_reason(doc_id: str, first: str) -> str:
    return (
        f"id {doc_id!r} was already read from {first} with a different text; skipped so that it does "
        "not replace that one (give each record its own id)"
    )


def _unsupported_reason(extension: str) -> str:
    "Say that a file's format is not read, and which formats are."
    what = f"{extension} files are" if extension else "files without an extension are"
    return f"{what} not supported; convert to one of {SUPPORTED_EXTENSIONS}"


def _too_large_reason(what: str, limit: int, *, over: bool = False) -> str:
    "Say that an input is over the size limit, and how to lift it."
    size = f"{what} over the limit" if over else f"{what}, over the limit"
    return f"{size} of {limit:,} bytes (max_document_bytes); split it or raise the limit"


def _binary_reason() -> str:
    "Say that a file is binary."
    return f"binary file: not text in any known encoding; diplograph reads {SUPPORTED_EXTENSIONS} text files"


def _os_reason(error: OSError) -> str:
    "Say why the operating system could not read a path, in lower case."
    return (error.strerror or str(error)).lower()
