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
import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from diplograph.errors import ConfigError


def _setting(default: Any, help: str) -> Any:
    return field(default=default, metadata={"help": help})


# ── watch: what `diplograph watch` polls, how politely, and what it alerts on (issue 15) ──


@dataclass(frozen=True, slots=True, kw_only=True)
class FeedSettings:
    """One feed of `[[watch.feeds]]`: its URL and what differs from the `[watch]` defaults.

    `kind` is `auto` (an RSS or Atom feed, or a sitemap, told apart by the body), `feed` or
    `sitemap`; `every` and `max_items` fall back to the `[watch]` values when None.
    """

    url: str
    kind: str = "auto"
    every: float | None = None
    max_items: int | None = None
    label: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AlertRules:
    """Which changes of the store `watch` turns into alerts (`[watch.alerts]`).

    Empty `mechanism_kinds` means every kind; empty `hubs` turns `new partner` off.
    """

    first_meeting_kinds: tuple[str, ...] = ("2+2 dialogue",)
    signal_kinds: tuple[str, ...] = ("2+2 dialogue",)
    mechanism_kinds: tuple[str, ...] = ()
    hubs: tuple[str, ...] = ()
    partner_rungs: tuple[str, ...] = ("2+2", "standing mechanism", "secretariat")
    min_confidence: float = 0.2


@dataclass(frozen=True, slots=True, kw_only=True)
class WatchSettings:
    """How `diplograph watch` polls feeds, fetches pages and delivers alerts (`[watch]`)."""

    feeds: tuple[FeedSettings, ...] = ()
    webhooks: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    smtp_host: str = "localhost"
    smtp_port: int = 25
    smtp_starttls: bool = False
    email_from: str = "diplograph@localhost"
    every: float = 900.0
    timeout: float = 20.0
    max_feed_bytes: int = 10_000_000
    max_items: int = 200
    host_interval: float = 1.0
    concurrency: int = 8
    user_agent: str = "diplograph/0.1 (news monitoring)"
    robots: bool = True
    max_redirects: int = 5
    max_attempts: int = 8
    retry_base: float = 60.0
    retry_cap: float = 21_600.0
    alerts: AlertRules = field(default_factory=AlertRules)


# The help of each key of `[watch]`, `[[watch.feeds]]` and `[watch.alerts]` (docs/watch.md lists them).
WATCH_HELP: dict[str, str] = {
    "feeds": "Feeds polled besides those given on the command line: [[watch.feeds]] tables (url, kind, every, max_items, label).",
    "webhooks": "URLs that get every new alert as a JSON POST (besides --webhook).",
    "emails": "Addresses that get every new alert by email (besides --email), through smtp_host.",
    "smtp_host": "The SMTP relay that sends alert emails (no login: a local MTA or an open relay of yours).",
    "smtp_port": "Its port.",
    "smtp_starttls": "Switch the SMTP connection to TLS (STARTTLS) before sending.",
    "email_from": "The From address of alert emails.",
    "every": "How often each feed is polled by a running `watch`: seconds, or 90s, 15m, 1h, 1d.",
    "timeout": "Seconds a request may take, connection and whole body included.",
    "max_feed_bytes": "Feeds and sitemaps larger than this are refused (pages: max_document_bytes).",
    "max_items": "At most this many items of one feed are taken in a poll, newest first.",
    "host_interval": "Seconds between two requests to one host (robots.txt's Crawl-delay wins when longer).",
    "concurrency": "Hosts fetched from at the same time.",
    "user_agent": "The User-Agent of every request; name yourself and a contact address.",
    "robots": "Honour robots.txt (false only for your own feeds).",
    "max_redirects": "Redirects followed for one request; more, or a loop, is a failure.",
    "max_attempts": "Fetches of an article page before it is given up.",
    "retry_base": "Seconds before the first retry of a failed feed, page or webhook; doubled each time.",
    "retry_cap": "The longest wait between two retries, in seconds.",
    "alerts": "[watch.alerts]: first_meeting_kinds, signal_kinds, mechanism_kinds, hubs, partner_rungs, min_confidence.",
}
FEED_KEYS = frozenset(f.name for f in dataclasses.fields(FeedSettings))
ALERT_KEYS = frozenset(f.name for f in dataclasses.fields(AlertRules))
FEED_KINDS = ("auto", "feed", "sitemap")
_DURATION = re.compile(r"(\d+(?:\.\d+)?)\s*([smhd]?)")
_UNIT_SECONDS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_duration(value: str | float | int) -> float:
    """Return a duration in seconds from a number of seconds or `90s`, `15m`, `1h`, `1d`.

    Raises:
        ConfigError: not a positive duration of that form.
    """
    if isinstance(value, bool):
        raise ConfigError(f"duration {value!r}: give seconds or 90s, 15m, 1h, 1d")
    if isinstance(value, int | float):
        seconds = float(value)
    else:
        match = _DURATION.fullmatch(str(value).strip().lower())
        if match is None:
            raise ConfigError(f"duration {value!r}: give seconds or 90s, 15m, 1h, 1d")
        seconds = float(match[1]) * _UNIT_SECONDS[match[2]]
    if not seconds > 0 or seconds == float("inf"):
        raise ConfigError(f"duration {value!r}: must be more than 0 seconds")
    return seconds


def watch_settings(table: dict[str, Any], *, base: WatchSettings | None = None) -> WatchSettings:
    """Return the watch settings of a `[watch]` table (from TOML), over `base` (the defaults when None).

    Raises:
        ConfigError: an unknown key, a value of the wrong type, a feed without an http(s)
            URL or with an unknown kind.
    """
    base = base or WatchSettings()
    if not isinstance(table, dict):
        raise ConfigError("[watch] must be a table")
    unknown = set(table) - set(WATCH_HELP)
    if unknown:
        raise ConfigError(
            f"[watch]: unknown key(s) {', '.join(sorted(unknown))}; known: {', '.join(WATCH_HELP)}"
        )
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key == "feeds":
            values[key] = tuple(_feed(entry) for entry in _list(value, "feeds"))
        elif key == "webhooks":
            values[key] = tuple(_http_url(str(url), "webhook") for url in _list(value, "webhooks"))
        elif key in ("emails", "email_from"):
            addresses = tuple(_address(str(a)) for a in _list(value, key))
            values[key] = addresses if key == "emails" else addresses[0]
        elif key == "smtp_host":
            values[key] = str(value)
        elif key == "alerts":
            values[key] = _alert_rules(value, base.alerts)
        elif key in ("every", "timeout", "retry_base", "retry_cap", "host_interval"):
            values[key] = parse_duration(value) if key != "host_interval" else _number(value, key, minimum=0)
        elif key in ("robots", "smtp_starttls"):
            values[key] = _boolean(value, key)
        elif key == "user_agent":
            values[key] = str(value)
        else:
            values[key] = int(_number(value, key, minimum=1))
    return dataclasses.replace(base, **values)


def _feed(entry: Any) -> FeedSettings:
    "Return one [[watch.feeds]] entry (a table with `url`, or a bare URL string)."
    if isinstance(entry, str):
        entry = {"url": entry}
    if not isinstance(entry, dict) or "url" not in entry:
        raise ConfigError("[[watch.feeds]]: each feed needs a url")
    unknown = set(entry) - FEED_KEYS
    if unknown:
        raise ConfigError(f"[[watch.feeds]] {entry['url']}: unknown key(s) {', '.join(sorted(unknown))}")
    kind = str(entry.get("kind", "auto"))
    if kind not in FEED_KINDS:
        raise ConfigError(
            f"[[watch.feeds]] {entry['url']}: kind {kind!r} is not one of {', '.join(FEED_KINDS)}"
        )
    return FeedSettings(
        url=_http_url(str(entry["url"]), "feed"),
        kind=kind,
        every=parse_duration(entry["every"]) if "every" in entry else None,
        max_items=int(_number(entry["max_items"], "max_items", minimum=1)) if "max_items" in entry else None,
        label=str(entry["label"]) if entry.get("label") else None,
    )


def _alert_rules(table: Any, base: AlertRules) -> AlertRules:
    "Return the [watch.alerts] rules over `base`."
    if not isinstance(table, dict):
        raise ConfigError("[watch.alerts] must be a table")
    unknown = set(table) - ALERT_KEYS
    if unknown:
        raise ConfigError(
            f"[watch.alerts]: unknown key(s) {', '.join(sorted(unknown))}; known: {', '.join(sorted(ALERT_KEYS))}"
        )
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key == "min_confidence":
            values[key] = _number(value, key, minimum=0)
        elif key == "hubs":
            values[key] = tuple(str(v).upper() for v in _list(value, key))
        else:
            values[key] = tuple(str(v) for v in _list(value, key))
    return dataclasses.replace(base, **values)


def _list(value: Any, key: str) -> list[Any]:
    "Return a TOML array (a single string counts as a list of one)."
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list):
        raise ConfigError(f"[watch] {key}: expected a list, got {value!r}")
    return value


def _number(value: Any, key: str, *, minimum: float) -> float:
    "Return a number of at least `minimum`."
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ConfigError(f"[watch] {key}: {value!r} is not a number") from None
    if not number >= minimum:
        raise ConfigError(f"[watch] {key}: {value!r} is below {minimum:g}")
    return number


def _boolean(value: Any, key: str) -> bool:
    "Return a TOML boolean (or a true/false string)."
    if isinstance(value, bool):
        return value
    if str(value).lower() in ("1", "true", "yes", "on", "0", "false", "no", "off"):
        return str(value).lower() in ("1", "true", "yes", "on")
    raise ConfigError(f"[watch] {key}: {value!r} is not true or false")


def _address(address: str) -> str:
    "Return an email address (one @, no spaces or line breaks), or raise ConfigError."
    if not re.fullmatch(r"[^@\s<>,;]+@[^@\s<>,;]+", address.strip()):
        raise ConfigError(f"email address {address!r}: give one address such as analyst@example.org")
    return address.strip()


def _http_url(url: str, what: str) -> str:
    "Return an http(s) URL, or raise ConfigError."
    if not re.match(r"https?://[^\s/]+", url.strip(), re.IGNORECASE):
        raise ConfigError(f"{what} URL {url!r}: give an http:// or https:// address")
    return url.strip()


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    """Options shared by every stage; build it in code or with `load_settings()`."""

    db_url: str = _setting("sqlite:///diplograph.db", "SQLAlchemy URL of the store (SQLite or PostgreSQL).")
    recognizer: str = _setting("gazetteer.v1", "Actor recogniser component, by versioned name.")
    extractor: str = _setting("rules.v1", "Event extractor component, by versioned name.")
    max_document_bytes: int = _setting(
        5_000_000, "Files or records larger than this are skipped with an error."
    )
    min_confidence: float = _setting(0.1, "Events and mechanisms below this confidence are dropped.")
    min_talks_confidence: float = _setting(
        0.0, "Bilateral talks (what a bare meeting verb reports) below this confidence are dropped."
    )
    watch: WatchSettings = field(
        default_factory=WatchSettings,
        metadata={
            "help": "The [watch] table: feeds, politeness, webhooks, email and alert rules of `diplograph watch`."
        },
    )


SETTING_HELP: dict[str, str] = {f.name: f.metadata["help"] for f in dataclasses.fields(Settings)}


def _coerce(name: str, value: Any) -> Any:
    "Convert a TOML or environment value to the type of the setting `name`."
    if name == "watch":
        return value if isinstance(value, WatchSettings) else watch_settings(value)
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


def _merged_table(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    "Return `base` with the keys of `over` laid over it, nested tables merged key by key."
    merged = dict(base)
    for key, value in over.items():
        below = merged.get(key)
        merged[key] = (
            _merged_table(below, value) if isinstance(below, dict) and isinstance(value, dict) else value
        )
    return merged


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
        user = _read_toml(user_file)
        if isinstance(user.get("watch"), dict) and isinstance(values.get("watch"), dict):
            user["watch"] = _merged_table(values["watch"], user["watch"])  # a partial [watch] keeps the rest
        values.update(user)
    for name in SETTING_HELP:
        if name == "watch":  # a table: set in the file, not in one variable
            continue
        env = os.environ.get(f"DIPLOGRAPH_{name.upper()}")
        if env is not None:
            values[name] = env
    values.update({k: v for k, v in overrides.items() if v is not None})
    return Settings(**{k: _coerce(k, v) for k, v in values.items()})
