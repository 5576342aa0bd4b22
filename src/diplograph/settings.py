"""Settings: declared once, with help text, defaults shipped in the package.

Input: the packaged `defaults.toml`, an optional user TOML file, and
`DIPLOGRAPH_*` environment variables. Output: one frozen `Settings` object
passed to every stage.

Why this order (defaults < file < environment < flags): a partial user file
should only override the keys it sets, and a one-off flag should beat all.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from diplograph.errors import ConfigError


def _setting(default: Any, help: str) -> Any:
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    """Options shared by every stage; build it in code or with `load_settings()`."""

    db_url: str = _setting("sqlite:///diplograph.db", "SQLAlchemy URL of the store (SQLite or PostgreSQL).")
    recognizer: str = _setting("gazetteer.v1", "Actor recogniser component, by versioned name.")
    extractor: str = _setting("rules.v1", "Event extractor component, by versioned name.")
    max_document_bytes: int = _setting(
        5_000_000, "Files or records larger than this are skipped with an error."
    )
    min_confidence: float = _setting(0.2, "Events and mechanisms below this confidence are dropped.")


SETTING_HELP: dict[str, str] = {f.name: f.metadata["help"] for f in dataclasses.fields(Settings)}


def _coerce(name: str, value: Any) -> Any:
    "Convert a TOML or environment value to the type of the setting `name`."
    current = getattr(Settings(), name)
    try:
        if isinstance(current, bool):
            return str(value).lower() in ("1", "true", "yes", "on") if isinstance(value, str) else bool(value)
        if isinstance(current, int):
            return int(value)
        if isinstance(current, float):
            return float(value)
        return str(value)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"setting {name!r}: {value!r} is not a valid {type(current).__name__}") from exc


def _read_toml(path: Path) -> dict[str, Any]:
    "Return the keys of a TOML settings file, rejecting unknown ones."
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read settings file {path}: {exc}") from exc
    unknown = set(data) - set(SETTING_HELP)
    if unknown:
        raise ConfigError(
            f"{path}: unknown setting(s) {', '.join(sorted(unknown))}; known: {', '.join(SETTING_HELP)}"
        )
    return data


def load_settings(path: str | Path | None = None, **overrides: Any) -> Settings:
    """Return the settings from defaults, an optional file, the environment and overrides.

    Args:
        path: a TOML file; when None, `./diplograph.toml` is used if it exists.
        overrides: values that win over everything else (CLI flags); None values are ignored.

    Raises:
        ConfigError: the file cannot be read or has unknown or mistyped keys.
    """
    values: dict[str, Any] = _read_toml(Path(str(resources.files("diplograph") / "defaults.toml")))
    user_file = Path(path) if path else Path("diplograph.toml")
    if path or user_file.exists():
        values.update(_read_toml(user_file))
    for name in SETTING_HELP:
        env = os.environ.get(f"DIPLOGRAPH_{name.upper()}")
        if env is not None:
            values[name] = env
    values.update({k: v for k, v in overrides.items() if v is not None})
    return Settings(**{k: _coerce(k, v) for k, v in values.items()})
