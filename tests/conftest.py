"""Fixtures shared by every test module (STYLE.md guideline 11: one conftest, small fixtures).

- `article(text, published=...)`: an `Article` built the way the pipeline builds one
  (`ingest.read_text` then `clean.clean_document`), so offsets refer to the cleaned text;
- `extract(text, published=...)`: the `Extraction` of a text through `diplograph.extract_text`;
- `gazetteer`: the shipped reference tables (built once per process);
- `officeholders`: the same, but skips the test when `data/officeholders.csv` has not landed;
- `memory_store`: a fresh in-memory `Store` (skips if the store cannot be opened);
- `sample_store`: a store of the shipped sample corpus, built once per session (read-only).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import settings as hypothesis_settings

import diplograph
from diplograph.extract.clean import clean_document
from diplograph.extract.gazetteer import Gazetteer, load_gazetteer
from diplograph.extract.ingest import read_text
from diplograph.models import Article, Extraction

# Property-based tests draw the same examples on every run, so CI's verdict does not depend on
# luck; `HYPOTHESIS_PROFILE=explore pytest` draws new ones (run it after changing a reader or the API).
hypothesis_settings.register_profile("ci", derandomize=True)
hypothesis_settings.register_profile("explore", derandomize=False, max_examples=200)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture
def article() -> Callable[..., Article]:
    """Return a function that builds a cleaned Article from a string."""

    def make(text: str, published: str | None = None, title: str | None = None) -> Article:
        return clean_document(read_text(text, published=published, title=title))

    return make


@pytest.fixture
def extract() -> Callable[..., Extraction]:
    """Return a function that runs the whole pipeline on a string."""

    def make(text: str, published: str | None = None, title: str | None = None) -> Extraction:
        return diplograph.extract_text(text, published=published, title=title)

    return make


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    """The shipped reference tables."""
    return load_gazetteer()


@pytest.fixture(scope="session")
def officeholders(gazetteer: Gazetteer) -> Gazetteer:
    """The shipped reference tables, for tests that need the registry of office-holders."""
    if not gazetteer.officeholders:
        pytest.skip(
            "data/officeholders.csv is absent or empty: the registry of office-holders is not there yet"
        )
    return gazetteer


@pytest.fixture
def memory_store() -> Iterator[Any]:
    """A fresh, empty store in memory (the equivalent of sqlite-utils' `fresh_db`)."""
    store_module = pytest.importorskip("diplograph.store")
    try:
        store = store_module.Store.memory()
    except Exception as exc:  # the store is being built by a colleague: skip rather than fail here
        pytest.skip(f"diplograph.store.Store.memory() does not work yet ({type(exc).__name__}: {exc})")
    try:
        yield store
    finally:
        store.close()


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A store holding the shipped sample corpus, built once per test session; treat it as read-only."""
    from importlib import resources

    from diplograph.extract.pipeline import process_corpus
    from diplograph.store import Store

    path = tmp_path_factory.mktemp("sample") / "sample.db"
    store = Store(f"sqlite:///{path}")
    process_corpus([str(resources.files("diplograph") / "sample")], store)
    try:
        yield store
    finally:
        store.close()
