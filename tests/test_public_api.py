"""The public surface: `diplograph.__all__` is sorted, complete and importable."""

from __future__ import annotations

import diplograph


def test_all_is_sorted() -> None:
    assert diplograph.__all__ == sorted(diplograph.__all__)


def test_everything_in_all_exists() -> None:
    for name in diplograph.__all__:
        assert hasattr(diplograph, name), name


def test_every_public_name_is_listed_in_all() -> None:
    public = {
        n
        for n in dir(diplograph)
        if not n.startswith("_") and not isinstance(getattr(diplograph, n), type(diplograph))
    }
    public -= {"annotations"}
    assert public == set(diplograph.__all__)


def test_extract_text_is_the_five_line_example_of_the_readme() -> None:
    x = diplograph.extract_text(
        "China and Cambodia held their first 2+2 dialogue in Phnom Penh on Tuesday.", published="2026-04-22"
    )
    assert [(e.kind, e.status, e.parties, e.date) for e in x.events] == [
        ("2+2 dialogue", "occurred", ("CHN", "KHM"), "2026-04-21")
    ]
