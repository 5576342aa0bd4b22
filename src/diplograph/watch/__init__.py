"""Watch news feeds: poll RSS, Atom and sitemaps, store new articles, raise and deliver alerts (issue 15).

Input: feed URLs (on the command line or `[[watch.feeds]]`), a `Store` and the settings.
Output: the articles the feeds link to, stored through the normal pipeline (so
near-duplicates and reconciliation apply), and alerts — `first meeting`, `new mechanism`,
`new partner`, `signal` — kept in the store with their delivery state, POSTed to webhooks,
emailed, and served as an Atom feed by `diplograph serve`.

One module per step of the journey:

- `fetch`: HTTP under the rules of politeness (robots.txt, a pace per host, conditional
  GET, bounded bodies and time, redirects counted);
- `feeds`: RSS/Atom (feedparser) and sitemaps to items;
- `pool`: hosts in parallel, one request at a time within a host;
- `run`: the pass (settle, poll, fetch, extract, save, deliver) and the loop;
- `alerts`: the rules, computed from what a save changed in the store;
- `deliver`: webhooks and email, retried with back-off until they accept;
- `atom`: the alerts as an Atom feed;
- `timing`: stamps and back-off.

What was seen, alerted and delivered is in the store (`store.watchlog`), so a restart —
even after SIGKILL — never alerts twice and never loses an article.
"""

from __future__ import annotations

from diplograph.watch.alerts import RULES, alert_headline, alert_record
from diplograph.watch.atom import alerts_atom
from diplograph.watch.run import Failure, PassReport, Watcher

__all__ = ["RULES", "Failure", "PassReport", "Watcher", "alert_headline", "alert_record", "alerts_atom"]
