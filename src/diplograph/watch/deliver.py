"""Deliver alerts to webhooks (a JSON POST) and by email, retried with back-off until accepted.

Input: the ledger (`WatchLog`), the webhooks configured now, and a clock. Output: each
pending delivery whose time has come is POSTed; a 2xx answer marks it delivered (never
sent there again), anything else leaves it pending with its next try 1, 2, 4… minutes
later (at most `retry_cap`), and the `DeliveryReport` counts both.

The body is the alert as `alerts --json` prints it (`alerts.alert_record`), with the
header `X-Diplograph-Alert: <alert id>`. An email target is `mailto:ADDRESS`: one message
per alert (subject: its headline; text: the quote, the article's URL and the JSON), sent
through the SMTP relay of the settings (no login: a local MTA or a relay of yours). Why the header: a delivery is marked after the
webhook answered, so a crash between its 2xx and our commit sends it once more on the
next pass (at least once, never lost); a receiver that keeps the ids it has seen gets
each alert exactly once.

Why a webhook that fails is left alone for the rest of the pass, and until its oldest
pending alert is due again: it is down or misconfigured, and trying each of its pending
alerts would cost a timeout apiece while the others wait; this way each webhook gets its
alerts in the order they were raised.
"""

from __future__ import annotations

import json
import logging
import smtplib
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from email.message import EmailMessage

import httpx

from diplograph.settings import WatchSettings
from diplograph.store.watchlog import WatchLog
from diplograph.watch.alerts import alert_record
from diplograph.watch.timing import iso_time, retry_delay

logger = logging.getLogger(__name__)

# Quick tries of one delivery within a pass, and the pause before each further one
# (doubling): a webhook that drops one connection still gets its alert this pass.
QUICK_TRIES = 3
QUICK_PAUSE = 0.5


@dataclass(slots=True)
class DeliveryReport:
    """What a round of deliveries did: accepted, still pending (with why), by webhook."""

    delivered: int = 0
    failed: int = 0
    errors: dict[str, str] = field(default_factory=dict)


def deliver_pending(
    log: WatchLog,
    targets: Sequence[str],
    settings: WatchSettings,
    *,
    transport: httpx.BaseTransport | None = None,
    clock: Callable[[], float] = time.time,
    sleep: Callable[[float], None] = time.sleep,
    on_delivery: Callable[[str, str, str | None], None] | None = None,
) -> DeliveryReport:
    """POST every pending alert whose time has come to its webhook; return what was delivered and what failed.

    Args:
        log: the ledger of the store.
        targets: the webhooks configured now (a delivery to one no longer configured waits).
        settings: `timeout`, `user_agent`, `retry_base`, `retry_cap`.
        transport: an httpx transport to send with (tests).
        clock, sleep: time, replaceable in tests.
        on_delivery: called with (alert id, webhook, error or None) after each try.
    """
    report = DeliveryReport()
    client = httpx.Client(
        timeout=settings.timeout, trust_env=False, follow_redirects=False, transport=transport
    )
    now = iso_time(clock())
    waiting: set[str] = set()  # webhooks whose oldest pending alert is not due: the newer ones wait too
    try:
        for alert, target, next_try in log.pending_deliveries(targets):
            if target in report.errors or target in waiting:
                continue
            if next_try is not None and next_try > now:
                waiting.add(target)
                continue
            error = (
                _mail(target, alert, settings)
                if is_email(target)
                else _post(client, target, alert, settings, sleep)
            )
            if error is None:
                log.mark_delivered(alert["id"], target, now=iso_time(clock()))
                report.delivered += 1
            else:
                log.mark_delivery_failed(
                    alert["id"],
                    target,
                    error=error,
                    next_try=lambda n: iso_time(
                        clock() + retry_delay(n, settings.retry_base, settings.retry_cap)
                    ),
                )
                report.failed += 1
                report.errors[target] = error
                logger.warning("%s: %s (alert %s stays pending)", target, error, alert["id"])
            if on_delivery is not None:
                on_delivery(alert["id"], target, error)
    finally:
        client.close()
    return report


def is_email(target: str) -> bool:
    """True for an email target (`mailto:ADDRESS`), False for a webhook URL."""
    return target.startswith("mailto:")


def _mail(target: str, alert: dict[str, object], settings: WatchSettings) -> str | None:
    "Send one alert by email; None when the relay accepted it, else why not."
    record = alert_record(alert)
    message = EmailMessage()
    message["Subject"] = f"[diplograph] {record['rule']}: {record['headline']}"
    message["From"] = settings.email_from
    message["To"] = target.removeprefix("mailto:")
    message["X-Diplograph-Alert"] = str(record["id"])
    quote = f"“{record['quote']}”\n\n" if record.get("quote") else ""
    message.set_content(
        f"{record['headline']}\n\n{quote}{record.get('title') or ''}\n{record.get('url') or ''}\n\n"
        + json.dumps(record, ensure_ascii=False, indent=2)
    )
    try:
        with smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=settings.timeout) as smtp:
            if settings.smtp_starttls:
                smtp.starttls()
            smtp.send_message(message)
    except (smtplib.SMTPException, OSError) as exc:
        return f"SMTP {settings.smtp_host}:{settings.smtp_port}: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}"
    return None


def _post(
    client: httpx.Client,
    target: str,
    alert: dict[str, object],
    settings: WatchSettings,
    sleep: Callable[[float], None],
) -> str | None:
    "POST one alert, with a few quick tries; None when accepted (2xx), else the last reason."
    body = json.dumps(alert_record(alert), ensure_ascii=False).encode("utf-8")
    headers = {
        "Content-Type": "application/json",
        "User-Agent": settings.user_agent,
        "X-Diplograph-Alert": str(alert["id"]),
    }
    error = "not tried"
    for attempt in range(QUICK_TRIES):
        if attempt:
            sleep(QUICK_PAUSE * 2 ** (attempt - 1))
        try:
            response = client.post(target, content=body, headers=headers)
        except httpx.TimeoutException:
            error = f"timed out after {settings.timeout:g}s"
            continue
        except httpx.HTTPError as exc:
            error = f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else 'no answer'}"
            continue
        if 200 <= response.status_code < 300:
            return None
        error = f"HTTP {response.status_code}"
        if 400 <= response.status_code < 500 and response.status_code not in (408, 429):
            break  # the webhook refuses this request: trying again now will not change its mind
    return error
