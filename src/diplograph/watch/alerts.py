"""Alert rules: what one saved article changed in the store that an analyst wants to hear about the same day.

Input: the store, the facts it held *before* an article was saved (`facts_before`, taken
just before the save and kept in the ledger until the alerts are recorded), and what the
save fed (the event and mechanism ids of its `SaveResult`). Output: alert rows (`raised_alerts`)
of four rules, each with the event or mechanism, kind, parties, date, the quote from the
article and its URL:

- `first meeting`: the first *occurred* event of a kind (`first_meeting_kinds`) between
  exactly a set of parties: China and Kazakhstan's first 2+2;
- `new mechanism`: a standing format (an existing mechanism, of `mechanism_kinds`) that
  was not in the store;
- `new partner`: a hub (`hubs`) reaching, with one partner, a rung of the ladder
  (`partner_rungs`) it had not reached with it (`ladder.py`);
- `signal`: a new planned, proposed or predicted event of `signal_kinds`, or a new
  proposed or predicted mechanism: a second China–Cambodia round scheduled.

Why "before" is recorded rather than recomputed: a plan that comes true joins the
planned event (one event, its status now occurred), and a new source of a known meeting
joins it too, so "which events did this article create?" does not say what is new; only
the store's state just before the save does. It is small (the ids of the events and
mechanisms with the article's kinds and parties, the rungs of each hub pair), stored as
JSON with the item, so an alert computed after a crash is the one the pass would have raised.

Why an alert's id is a hash of what it is about (the rule and kind and parties for a
first meeting, the event or mechanism for the others, hub, partner and rung for a new
partner): the same alert computed twice — a re-run, a crash between the save and the
alert, two articles about one first meeting — is one row.

Events and mechanisms under `min_confidence` raise nothing; events an analyst rejected
are not counted as known.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from diplograph.analysis.ladder import Rung, ladders, pair_of
from diplograph.errors import ConfigError, NotFound
from diplograph.models import Event, Evidence, Extraction, Mechanism
from diplograph.settings import AlertRules
from diplograph.store import Store
from diplograph.vocab import EVENT_KINDS, EventStatus, MechanismStatus

FIRST_MEETING = "first meeting"
NEW_MECHANISM = "new mechanism"
NEW_PARTNER = "new partner"
SIGNAL = "signal"
RULES = (FIRST_MEETING, NEW_MECHANISM, NEW_PARTNER, SIGNAL)
_SIGNAL_STATUSES = frozenset({EventStatus.PLANNED, EventStatus.PROPOSED, EventStatus.PREDICTED})
_SIGNAL_MECHANISMS = frozenset({MechanismStatus.PROPOSED, MechanismStatus.PREDICTED})
_RUNGS = {rung.label: rung for rung in Rung if rung != Rung.NONE}

Facts = dict[str, dict[str, list[Any]]]


def check_rules(rules: AlertRules) -> None:
    """Raise ConfigError when the rules name a kind, rung or hub that does not exist."""
    for name in ("first_meeting_kinds", "signal_kinds", "mechanism_kinds"):
        unknown = [k for k in getattr(rules, name) if k not in EVENT_KINDS]
        if unknown:
            raise ConfigError(
                f"[watch.alerts] {name}: unknown kind(s) {unknown}; known: {', '.join(EVENT_KINDS)}"
            )
    unknown = [r for r in rules.partner_rungs if r not in _RUNGS]
    if unknown:
        raise ConfigError(
            f"[watch.alerts] partner_rungs: unknown rung(s) {unknown}; known: {', '.join(_RUNGS)}"
        )
    bad = [h for h in rules.hubs if len(h) != 3 or not h.isalpha()]
    if bad:
        raise ConfigError(f"[watch.alerts] hubs: {bad} are not ISO 3166-1 alpha-3 codes (e.g. CHN)")


def facts_before(store: Store, extraction: Extraction, rules: AlertRules) -> Facts:
    """Return what the store holds now about everything saving `extraction` may change (JSON-able).

    Returns:
        `{"events": {key: [[id, status], …]}, "mechanisms": {key: [id, …]}, "rungs": {"HUB|PARTNER": [rung, …]}}`
        where a key is a kind and an exact set of parties (`_key`).
    """
    event_kinds = {*rules.first_meeting_kinds, *rules.signal_kinds}
    events: dict[str, list[Any]] = {}
    for event in extraction.events:
        key = _key(event.kind, event.parties)
        if event.kind in event_kinds and key not in events:  # other kinds alert nothing: nothing to remember
            events[key] = [[e.id, e.status] for e in _exact_events(store, event.kind, event.parties)]
    mechanisms: dict[str, list[Any]] = {}
    for mechanism in extraction.mechanisms:
        key = _key(mechanism.kind, mechanism.parties)
        if _may_alert(mechanism, rules) and key not in mechanisms:
            mechanisms[key] = [m.id for m in _exact_mechanisms(store, mechanism.kind, mechanism.parties)]
    party_sets = [e.parties for e in extraction.events] + [m.parties for m in extraction.mechanisms]
    rungs = {
        _pair_key(hub, partner): sorted(int(r) for r in _pair_rungs(store, hub, partner))
        for hub, partner in _hub_pairs(rules.hubs, party_sets)
    }
    return {"events": events, "mechanisms": mechanisms, "rungs": rungs}


def raised_alerts(
    store: Store,
    before: Mapping[str, Any],
    *,
    events: Sequence[str],
    mechanisms: Sequence[str],
    document: Mapping[str, Any],
    rules: AlertRules,
) -> list[dict[str, Any]]:
    """Return the alerts a save raised: what the store holds now that `before` did not.

    Args:
        store: the store, right after the save.
        before: `facts_before` of the article, taken just before its save.
        events, mechanisms: the ids of the stored events and mechanisms the article fed
            (`SaveResult.events`, `.mechanisms`).
        document: the saved document's `id`, `url` and `title`.
        rules: which kinds, hubs and rungs alert, and the least confidence.

    Returns:
        Alert rows for `WatchLog.settle`, each once (by id), in the order of the rules above.
    """
    out: dict[str, dict[str, Any]] = {}
    fed_events, fed_mechanisms = set(events), set(mechanisms)
    event_kinds = {*rules.first_meeting_kinds, *rules.signal_kinds}
    stored_events = _fed_events(store, fed_events, document)
    for event in stored_events:
        if event.confidence < rules.min_confidence or event.kind not in event_kinds:
            continue
        known = before.get("events", {}).get(_key(event.kind, event.parties))
        if known is None:  # the stored event has other kind or parties than extracted: what else is there
            known = [
                [e.id, e.status]
                for e in _exact_events(store, event.kind, event.parties)
                if e.id not in fed_events
            ]
        if event.status == EventStatus.OCCURRED and event.kind in rules.first_meeting_kinds:
            if not any(status == EventStatus.OCCURRED for _, status in known):
                _add(out, _alert(FIRST_MEETING, (event.kind, *event.parties), event, document))
        elif event.status in _SIGNAL_STATUSES and event.kind in rules.signal_kinds:
            if event.id not in {event_id for event_id, _ in known}:
                _add(out, _alert(SIGNAL, (event.id,), event, document))
    for mechanism in _found(store.mechanism, dict.fromkeys(mechanisms)):
        if mechanism.confidence < rules.min_confidence or not _may_alert(mechanism, rules):
            continue
        key = _key(mechanism.kind, mechanism.parties)
        known_ids = before.get("mechanisms", {}).get(key)
        if known_ids is None:
            known_ids = [
                m.id
                for m in _exact_mechanisms(store, mechanism.kind, mechanism.parties)
                if m.id not in fed_mechanisms
            ]
        if mechanism.id in known_ids:
            continue
        if mechanism.status == MechanismStatus.EXISTING:
            if not rules.mechanism_kinds or mechanism.kind in rules.mechanism_kinds:
                _add(out, _alert(NEW_MECHANISM, (mechanism.id,), mechanism, document))
        elif mechanism.status in _SIGNAL_MECHANISMS and mechanism.kind in rules.signal_kinds:
            _add(out, _alert(SIGNAL, (mechanism.id,), mechanism, document))
    for alert in _new_partners(store, before, stored_events, fed_events, fed_mechanisms, document, rules):
        _add(out, alert)
    return list(out.values())


def alert_id(rule: str, *identity: str) -> str:
    """Return the id of an alert: `al_` and 16 hex digits of a hash of its rule and what it is about."""
    return "al_" + hashlib.sha256("\0".join((rule, *identity)).encode("utf-8")).hexdigest()[:16]


def alert_headline(alert: Mapping[str, Any]) -> str:
    """Return one line saying what an alert is about, e.g. `first 2+2 dialogue: CHN–KAZ (2026-05-11)`."""
    parties = "–".join(alert.get("parties") or ())
    when = f" ({alert['date']})" if alert.get("date") else ""
    rule, kind = alert.get("rule"), alert.get("kind")
    if rule == FIRST_MEETING:
        return f"first {kind}: {parties}{when}"
    if rule == NEW_MECHANISM:
        return f"new mechanism: {kind} {parties}"
    if rule == NEW_PARTNER:
        detail = alert.get("detail") or {}
        return f"new partner: {detail.get('partner')} reaches {detail.get('rung')} with {detail.get('hub')}{when}"
    return f"signal: {alert.get('status')} {kind} {parties}{when}"


def alert_record(alert: Mapping[str, Any]) -> dict[str, Any]:
    """Return an alert as JSON for `alerts --json`, webhooks and the API (deliveries when the row has them)."""
    detail = alert.get("detail") or {}
    out: dict[str, Any] = {
        "id": alert["id"],
        "rule": alert["rule"],
        "headline": alert_headline(alert),
        "subject": alert["subject"],
        "kind": alert["kind"],
        "status": alert.get("status"),
        "parties": list(alert.get("parties") or ()),
        "date": alert.get("date"),
        "quote": alert.get("quote"),
        "url": alert.get("url"),
        "document": alert.get("document_id"),
        "title": alert.get("title"),
        "confidence": alert.get("confidence"),
        "hub": detail.get("hub"),
        "partner": detail.get("partner"),
        "rung": detail.get("rung"),
        "created": alert.get("created_at"),
    }
    if "deliveries" in alert:
        out["deliveries"] = [
            {
                k: d.get(k)
                for k in ("target", "state", "attempts", "delivered_at", "next_try_at", "last_error")
            }
            for d in alert["deliveries"]
        ]
    return out


# ── helpers ──────────────────────────────────────────────────────────────────


def _new_partners(
    store: Store,
    before: Mapping[str, Any],
    stored_events: Sequence[Event],
    fed_events: set[str],
    fed_mechanisms: set[str],
    document: Mapping[str, Any],
    rules: AlertRules,
) -> Iterable[dict[str, Any]]:
    "Yield a `new partner` alert for each hub pair that reached a rung of `partner_rungs` with this save."
    known_rungs: Mapping[str, list[int]] = before.get("rungs", {})
    pairs = {_pair_key(h, p): (h, p) for h, p in _hub_pairs(rules.hubs, [e.parties for e in stored_events])}
    pairs.update({key: tuple(key.split("|", 1)) for key in known_rungs})  # type: ignore[misc]
    wanted = {_RUNGS[label] for label in rules.partner_rungs}
    for key, (hub, partner) in sorted(pairs.items()):
        if key in known_rungs:
            known = {Rung(r) for r in known_rungs[key]}
        else:
            known = set(_pair_rungs(store, hub, partner, without=(fed_events, fed_mechanisms)))
        ladder = _pair_ladder(store, hub, partner)
        for rung in sorted(set(ladder) - known):
            if rung not in wanted:
                continue
            subject = _subject(store, ladder[rung])
            if subject is None or subject.confidence < rules.min_confidence:
                continue
            detail = {"hub": hub, "partner": partner, "rung": rung.label}
            yield _alert(NEW_PARTNER, (hub, partner, rung.label), subject, document, detail)


def _pair_rungs(
    store: Store, hub: str, partner: str, *, without: tuple[set[str], set[str]] = (set(), set())
) -> set[Rung]:
    "Return the rungs a hub and partner have reached in the store (leaving out some events and mechanisms)."
    return set(_pair_ladder(store, hub, partner, without=without))


def _pair_ladder(
    store: Store, hub: str, partner: str, *, without: tuple[set[str], set[str]] = (set(), set())
) -> dict[Rung, str]:
    "Return, for each rung a hub and partner reached, the id of the event or mechanism that reached it first."
    events = [e for e in store.events(party=[hub, partner]) if e.id not in without[0]]
    mechanisms = [m for m in store.mechanisms(party=[hub, partner]) if m.id not in without[1]]
    ladder = ladders(events, mechanisms).get(pair_of(hub, partner))
    return {} if ladder is None else {rung: step.by for rung, step in ladder.steps.items()}


def _subject(store: Store, record_id: str) -> Event | Mechanism | None:
    "Return the event or mechanism with this id, None when it is gone."
    try:
        found = store.get(record_id)
    except NotFound:
        return None
    return found if isinstance(found, Event | Mechanism) else None


def _hub_pairs(hubs: Sequence[str], party_sets: Iterable[Sequence[str]]) -> list[tuple[str, str]]:
    "Return (hub, partner) for every hub among some parties and each other party, once each."
    pairs: dict[tuple[str, str], None] = {}
    for parties in party_sets:
        for hub in hubs:
            if hub in parties:
                pairs.update(dict.fromkeys((hub, p) for p in parties if p != hub))
    return list(pairs)


def _exact_events(store: Store, kind: str, parties: Sequence[str]) -> list[Event]:
    "Return the stored events of a kind whose parties are exactly these (rejected ones left out)."
    wanted = tuple(sorted(parties))
    return [e for e in store.events(party=list(wanted), kind=kind) if tuple(sorted(e.parties)) == wanted]


def _exact_mechanisms(store: Store, kind: str, parties: Sequence[str]) -> list[Mechanism]:
    "Return the stored mechanisms of a kind whose parties are exactly these."
    wanted = tuple(sorted(parties))
    return [m for m in store.mechanisms(party=list(wanted), kind=kind) if tuple(sorted(m.parties)) == wanted]


def _fed_events(store: Store, ids: set[str], document: Mapping[str, Any]) -> list[Event]:
    """Return the stored events with these ids, by date: in one query when they are the document's events.

    Why not `store.event` for each: a query per event cost more than the save itself.
    """
    found = [e for e in store.events(document=str(document.get("id")), review="all") if e.id in ids]
    missing = ids - {e.id for e in found}
    found += _found(store.event, sorted(missing))
    return sorted(found, key=lambda e: (e.date is None, e.date or "", e.id))


def _may_alert(mechanism: Mechanism, rules: AlertRules) -> bool:
    "True when a new mechanism of this kind and status would raise an alert under the rules."
    if mechanism.status == MechanismStatus.EXISTING:
        return not rules.mechanism_kinds or mechanism.kind in rules.mechanism_kinds
    return mechanism.status in _SIGNAL_MECHANISMS and mechanism.kind in rules.signal_kinds


def _found(lookup: Any, ids: Iterable[str]) -> list[Any]:
    "Return what `lookup` finds for each id, skipping ids no longer stored."
    out = []
    for record_id in ids:
        try:
            out.append(lookup(record_id))
        except NotFound:
            continue
    return out


def _alert(
    rule: str,
    identity: tuple[str, ...],
    subject: Event | Mechanism,
    document: Mapping[str, Any],
    detail: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    "Return an alert row about `subject`, quoting the document's own sentence when it has one."
    evidence = _evidence(subject.sources, str(document.get("id")), document.get("title"))
    return {
        "id": alert_id(rule, *identity),
        "rule": rule,
        "subject": subject.id,
        "kind": subject.kind,
        "status": subject.status,
        "parties": list(subject.parties),
        "date": subject.date if isinstance(subject, Event) else None,
        "quote": evidence.quote if evidence else None,
        "url": document.get("url"),
        "document_id": document.get("id"),
        "title": document.get("title"),
        "confidence": round(subject.confidence, 3),
        "detail": dict(detail or {}),
    }


def _evidence(sources: Sequence[Evidence], document: str, title: str | None) -> Evidence | None:
    """Return the document's own evidence among a record's sources (its headline last), else the first.

    Why not the headline: it repeats the title the alert already carries, while the lead
    sentence says who, where and when.
    """
    own = [s for s in sources if s.document == document]
    body = [s for s in own if not title or s.quote.strip() != title.strip()]
    candidates = body or own or list(sources)
    return candidates[0] if candidates else None


def _add(out: dict[str, dict[str, Any]], alert: dict[str, Any]) -> None:
    "Keep the first alert of each id."
    out.setdefault(alert["id"], alert)


def _key(kind: str, parties: Sequence[str]) -> str:
    "Return the key of a kind and an exact set of parties: `2+2 dialogue|CHN-KAZ`."
    return f"{kind}|{'-'.join(sorted(parties))}"


def _pair_key(hub: str, partner: str) -> str:
    return f"{hub}|{partner}"
