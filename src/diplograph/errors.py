"""The one error tree of diplograph.

    DiplographError                 base; `status` is the HTTP status an API answers with
    ├── InputError                  a source could not be read (carries `.source`)
    │   ├── UnsupportedFormat       not a format diplograph reads
    │   ├── EmptyDocument           nothing to read after decoding/cleaning
    │   └── InputTooLarge           over the configured size limit
    ├── ConfigError                 a setting or settings file is wrong
    ├── ReferenceDataError          a shipped or user data file is malformed (carries `.source`, `.line`)
    ├── StoreError                  the store could not be used
    │   ├── SchemaMismatch          the database was made by another schema version
    │   ├── NotFound                no such record
    │   └── InvalidQuery            a query parameter is malformed (a date filter that is not a date)
    └── ModelUnavailable            an optional component is not installed

Why one tree: the CLI turns any `DiplographError` into a clean message and
exit code, and the API into a JSON error with `status`, without knowing the
individual classes. Messages say what went wrong and what to do about it.
"""

from __future__ import annotations


class DiplographError(Exception):
    """Base class of every error diplograph raises on purpose."""

    status = 500


class InputError(DiplographError):
    """A source could not be read; the rest of the batch goes on."""

    status = 400

    def __init__(self, message: str, *, source: str | None = None) -> None:
        super().__init__(f"{source}: {message}" if source else message)
        self.source = source
        self.reason = message


class UnsupportedFormat(InputError):
    """The file is not text, HTML, JSON Lines or the corpus format."""

    status = 415


class EmptyDocument(InputError):
    """The document has no text once decoded and cleaned."""


class InputTooLarge(InputError):
    """The input is larger than the configured limit (`max_document_bytes`)."""

    status = 413


class ConfigError(DiplographError):
    """A setting or a settings file is invalid."""

    status = 400


class ReferenceDataError(DiplographError):
    """A reference data file has a malformed row."""

    def __init__(self, message: str, *, source: str | None = None, line: int | None = None) -> None:
        where = f"{source} line {line}: " if source and line else (f"{source}: " if source else "")
        super().__init__(where + message)
        self.source = source
        self.line = line


class StoreError(DiplographError):
    """The store could not be opened, read or written."""


class SchemaMismatch(StoreError):
    """The database was created by an incompatible schema version."""

    status = 409


class NotFound(StoreError):
    """No record with that id exists in the store."""

    status = 404


class NoStore(StoreError):
    """A command that only reads was pointed at a store that does not exist (a typo in `--db`)."""

    status = 404


class DocumentConflict(StoreError):
    """A different text is already stored under the document's id; nothing was replaced.

    Why an error and not a replacement: an id given by a record (`"id"` in JSONL, the
    API's `id`) may be reused by mistake for another article, and replacing would drop
    the first article's events without a word. Replacing on purpose is asked for with
    `replace=True` (`ingest --replace`).
    """

    status = 409


class InvalidQuery(StoreError):
    """A query parameter is malformed; the caller should fix the request."""

    status = 400


class ModelUnavailable(DiplographError):
    """An optional component was asked for but its extra is not installed."""

    status = 501
