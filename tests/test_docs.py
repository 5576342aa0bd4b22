"""The docs cannot drift: every command, setting and vocabulary value is documented."""

from __future__ import annotations

from pathlib import Path

import pytest

from diplograph.cli import cli
from diplograph.settings import SETTING_HELP
from diplograph.vocab import EVENT_KINDS, EVENT_STATUSES, MECHANISM_STATUSES, TOPICS

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
SCHEMA = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_is_in_the_readme(command: str) -> None:
    assert f"diplograph {command}" in README


@pytest.mark.parametrize("setting", sorted(SETTING_HELP))
def test_every_setting_is_documented(setting: str) -> None:
    assert f"`{setting}`" in README
    assert SETTING_HELP[setting]


@pytest.mark.parametrize("value", sorted({*EVENT_KINDS, *EVENT_STATUSES, *MECHANISM_STATUSES, *TOPICS}))
def test_every_vocabulary_value_is_in_the_schema_doc(value: str) -> None:
    assert f"`{value}`" in SCHEMA


def test_readme_gives_exactly_the_two_quickstart_commands() -> None:
    quickstart = README.split("## Quickstart", 1)[1].split("##", 1)[0]
    commands = [line for line in quickstart.splitlines() if line.startswith("$ ")]
    assert [c.split("#")[0].strip() for c in commands] == ["$ make demo", "$ make test"]
