"""The alerts as an Atom feed (RFC 4287), so that analysts follow them in their feed reader.

Input: alert rows (newest first, as `WatchLog.alerts` returns them) and the feed's own URL.
Output: the Atom document as UTF-8 bytes: one entry per alert, titled with its headline,
linking to the article, with the quote, parties, date and confidence as its summary.

Why the standard library's ElementTree: it escapes every text and attribute it writes,
so an article's quote or title can never break the XML or inject markup into a reader.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from typing import Any

from diplograph.watch.alerts import alert_headline

ATOM = "http://www.w3.org/2005/Atom"
FEED_ID = "urn:diplograph:alerts"
_EPOCH = "1970-01-01T00:00:00Z"


def alerts_atom(
    alerts: Sequence[Mapping[str, Any]], *, self_url: str, title: str = "diplograph alerts"
) -> bytes:
    """Return an Atom feed of `alerts` (newest first), whose `self` link is `self_url`.

    Args:
        alerts: alert rows (`created_at`, `rule`, `kind`, `parties`, `quote`, `url`…).
        self_url: where the feed is served (`http://host/api/alerts.atom`).
        title: the feed's title.
    """
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _text(feed, "id", FEED_ID)
    _text(feed, "title", title)
    _text(feed, "updated", max((str(a.get("created_at") or _EPOCH) for a in alerts), default=_EPOCH))
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", href=self_url, type="application/atom+xml")
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, "name", "diplograph watch")
    _text(feed, "generator", "diplograph")
    for alert in alerts:
        _entry(feed, alert)
    body: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=False)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + body


def _entry(feed: ET.Element, alert: Mapping[str, Any]) -> None:
    "Add one alert as an entry."
    entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
    _text(entry, "id", f"urn:diplograph:alert:{alert['id']}")
    _text(entry, "title", alert_headline(alert))
    stamp = str(alert.get("created_at") or _EPOCH)
    _text(entry, "updated", stamp)
    _text(entry, "published", stamp)
    if alert.get("url"):
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", href=str(alert["url"]))
    ET.SubElement(entry, f"{{{ATOM}}}category", term=str(alert.get("rule")))
    summary = [
        f"{alert.get('rule')}: {alert.get('kind')} ({alert.get('status')}), parties {', '.join(alert.get('parties') or ())}",
        f"date: {alert.get('date') or 'not stated'}; confidence {alert.get('confidence')}; {alert.get('subject')}",
    ]
    if alert.get("quote"):
        summary.append(f"“{alert['quote']}”")
    if alert.get("title"):
        summary.append(f"— {alert['title']}")
    _text(entry, "summary", "\n".join(summary))


def _text(parent: ET.Element, name: str, value: str) -> None:
    "Add an Atom element with text (escaped by ElementTree)."
    ET.SubElement(parent, f"{{{ATOM}}}{name}").text = _xml_safe(value)


def _xml_safe(text: str) -> str:
    "Drop the characters XML 1.0 cannot carry (control characters, lone surrogates)."
    return "".join(
        c
        for c in text
        if c in "\t\n\r"
        or ("\x20" <= c <= "\ud7ff")
        or ("\ue000" <= c <= "\ufffd")
        or ("\U00010000" <= c <= "\U0010ffff")
    )
