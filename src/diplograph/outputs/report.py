"""A self-contained HTML report on one hub state: its partners' network, timeline and map, with sources.

Input: a `Store`, a hub (ISO3) and `graph.Filters`. Output: one HTML string
(`hub_report_html`) holding

- a header: which store, when generated, which filters, whether reference
  facts are included;
- three pictures drawn with matplotlib (Agg, no display): the hub's partner
  network (spring layout, fixed seed, edges coloured and widened by ladder
  rung), a timeline of the hub's events per partner and kind, and a world map
  (outlines of `data/world.geojson`) shading partners by rung, with states too
  small for an outline drawn as a point at their capital (`data/capitals.csv`);
- tables: partners (rung, first and last, kinds), mechanisms (registry counts,
  sessions, source quote), events with the sentence that states each, and the
  signals of what may come (planned, proposed, predicted).

Why self-contained: the report is mailed and archived; it must open offline
years later. Pictures are embedded as base64 PNG (at moderate resolution, so
the file stays a few hundred KiB), the CSS is inline, there is no script and no
link to any URL. Why every cell goes through `html.escape`: table cells hold
article text and titles, which must never become markup. Source URLs are shown
as plain (escaped) text, not as links. A Content-Security-Policy in the page
itself (`<meta>`) forbids every script, fetch and form, and allows only its own
stylesheet (by hash) and embedded pictures, should an escape ever be missed.

Why not jinja2: the layering rule keeps template engines in the interfaces
(cli, api, dashboard); this report is a library function the CLI and the API
both call, and its page is small enough to build with escaped strings.
"""

from __future__ import annotations

import base64
import csv
import datetime as dt
import functools
import hashlib
import io
import json
import math
from collections.abc import Iterable, Mapping, Sequence
from html import escape
from importlib import resources
from typing import Any

import networkx as nx
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from PIL import Image

from diplograph.analysis import graph, hubs, registry
from diplograph.analysis.ladder import Rung
from diplograph.analysis.timeline import TimelineEntry
from diplograph.errors import InvalidQuery
from diplograph.extract.gazetteer import load_gazetteer
from diplograph.models import Event
from diplograph.store import Store
from diplograph.vocab import EVENT_KINDS, EventStatus

DPI = 100
PALETTE = 128  # colours of the embedded PNGs
SEED = 42  # the network layout is randomised; a fixed seed draws the same picture every time
MAX_ROWS = 250  # events listed per table of the report (the rest are counted)
MAX_TIMELINE_PARTNERS = 40
MAX_LABELS = 40  # partners named on the network picture (the most active)

# One colour per rung (light to dark: the further up the ladder, the darker), and the hub's.
RUNG_COLOURS = {
    Rung.NONE: "#d9d9d9",
    Rung.CONTACT: "#c7e9b4",
    Rung.BILATERAL: "#7fcdbb",
    Rung.MINISTERIAL: "#41b6c4",
    Rung.TWO_PLUS_TWO: "#1d91c0",
    Rung.STANDING: "#225ea8",
    Rung.SECRETARIAT: "#0c2c84",
}
HUB_COLOUR = "#d7301f"
LAND = "#f2f2f2"
BORDER = "#b0b0b0"
KIND_COLOURS = dict(
    zip(
        EVENT_KINDS,
        ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf"),
        strict=True,
    )
)


def hub_report_html(
    store: Store,
    hub: str,
    filters: graph.Filters = graph.Filters(),  # noqa: B008  (frozen dataclass, never mutated)
    *,
    generated: dt.datetime | None = None,
) -> str:
    """Return the HTML report on `hub`: header, network, timeline, map and the tables with sources.

    Args:
        store: the store to read.
        hub: ISO3 code of the hub state.
        filters: which events count (as in `diplograph partners`); planned, proposed and
            predicted events are listed as signals, never drawn as ties.
        generated: the time to print in the header (default: now, UTC).

    Raises:
        InvalidQuery: a bad filter, or an unknown hub code.
    """
    hub = hub.upper()
    gaz = load_gazetteer()
    if hub not in gaz.states:
        raise InvalidQuery(f"unknown state {hub!r}; use an ISO3 code of states.csv (CHN, AUS, KHM...)")
    report = hubs.hub_report(store, hub, filters)
    try:
        ego = graph.partnership_graph(store, filters, hub=hub)
    except InvalidQuery:  # the hub has no partner under these filters: an empty picture, not an error
        ego = nx.Graph()
        ego.add_node(hub, name=report.name)
    mechanisms, records = registry.mechanisms_of(store, filters, party=hub)  # one line per format
    documents = {d["id"]: d for d in store.documents()}
    when = (generated or dt.datetime.now(dt.UTC)).strftime("%Y-%m-%d %H:%M UTC")
    rungs = {p.code: p.rung for p in report.partners}
    parts = [
        _head(f"{report.name} ({hub}) — diplograph report"),
        _header(store, report, filters, when),
        _section("Partner network", _img(network_png(ego, hub), f"Network of {report.name}'s partners")),
        _section(
            "Timeline",
            _img(timeline_png(report.timeline, report.signals, hub, report.partners), "Events per partner"),
        ),
        _section("Map", _img(map_png(hub, rungs), f"Map of {report.name}'s partners by ladder rung")),
        _section("Partners", _partners_table(report.partners)),
        _section("Mechanisms", _mechanisms_table(store, mechanisms, records, documents)),
        _section("Events and their sources", _events_table(report.timeline, documents, newest=True)),
        _section("Signals: planned, proposed, predicted", _events_table(report.signals, documents)),
        "</main></body></html>\n",
    ]
    return "\n".join(parts)


# ── pictures ─────────────────────────────────────────────────────────────────


def _png(fig: Figure) -> bytes:
    """Render a figure to PNG with an adaptive 128-colour palette: a third of the RGBA size, no visible loss."""
    raw = io.BytesIO()
    fig.savefig(raw, format="rgba", dpi=DPI)
    size = (round(fig.get_figwidth() * DPI), round(fig.get_figheight() * DPI))
    image = Image.frombytes("RGBA", size, raw.getvalue()).convert("RGB").quantize(colors=PALETTE)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def network_png(ego: nx.Graph, hub: str) -> bytes:
    """Draw the hub's ego network: hub in red, partners by rung, edges coloured and widened by rung."""
    fig = Figure(figsize=(7.5, 6), layout="constrained", dpi=DPI)
    ax = fig.add_subplot()
    ax.set_axis_off()
    if ego.number_of_nodes() <= 1:
        ax.text(0.5, 0.5, "no partner under these filters", ha="center", va="center", transform=ax.transAxes)
        return _png(fig)
    pos = nx.spring_layout(ego, seed=SEED, weight=None, k=1.6 / math.sqrt(len(ego)))
    strength = {n: ego.degree(n, weight="weight") for n in ego}
    spokes = [(u, v) for u, v in ego.edges if hub in (u, v)]
    others = [(u, v) for u, v in ego.edges if hub not in (u, v)]
    nx.draw_networkx_edges(ego, pos, edgelist=others, ax=ax, edge_color="#cccccc", width=0.6)
    rung_of = {(u, v): Rung(int(ego.edges[u, v].get("rung", 0))) for u, v in spokes}
    nx.draw_networkx_edges(
        ego,
        pos,
        edgelist=spokes,
        ax=ax,
        edge_color=[RUNG_COLOURS[rung_of[e]] for e in spokes],
        width=[1.0 + 0.8 * int(rung_of[e]) for e in spokes],
    )
    partner_rung = {(v if u == hub else u): r for (u, v), r in rung_of.items()}
    nodes = list(ego.nodes)
    nx.draw_networkx_nodes(
        ego,
        pos,
        nodelist=nodes,
        ax=ax,
        node_color=[HUB_COLOUR if n == hub else RUNG_COLOURS[partner_rung.get(n, Rung.NONE)] for n in nodes],
        node_size=[700 if n == hub else 120 + 40 * min(strength[n], 20) for n in nodes],
        edgecolors="#555555",
        linewidths=0.5,
    )
    named = sorted(nodes, key=lambda n: (n != hub, -strength[n], n))[:MAX_LABELS]
    nx.draw_networkx_labels(ego, pos, labels={n: n for n in named}, ax=ax, font_size=8)
    present = sorted({int(r) for r in rung_of.values()})
    ax.legend(
        handles=[
            Line2D([], [], color=RUNG_COLOURS[Rung(r)], lw=1 + 0.8 * r, label=Rung(r).label) for r in present
        ],
        title="ladder rung",
        loc="lower left",
        fontsize=8,
        title_fontsize=8,
        frameon=False,
    )
    return _png(fig)


def timeline_png(
    timeline: Sequence[TimelineEntry],
    signals: Sequence[TimelineEntry],
    hub: str,
    partners: Sequence[hubs.Partner],
) -> bytes:
    """Draw the hub's dated events per partner (one row each) and kind (colour); signals hollow."""
    rows = [p.code for p in partners if p.first][:MAX_TIMELINE_PARTNERS]
    index = {code: i for i, code in enumerate(rows)}
    fig = Figure(figsize=(9, 1.2 + 0.28 * max(len(rows), 3)), layout="constrained", dpi=DPI)
    ax = fig.add_subplot()
    points: dict[tuple[str, bool], tuple[list[float], list[int]]] = {}
    for entries, hollow in ((timeline, False), (signals, True)):
        for entry in entries:
            x = decimal_year(entry.date)
            ys = [index[p] for p in entry.parties if p != hub and p in index]
            if x is None or not ys:
                continue
            xs_, ys_ = points.setdefault((entry.kind, hollow), ([], []))
            xs_.extend([x] * len(ys))
            ys_.extend(ys)
    for (kind, hollow), (xs, ys) in points.items():
        colour = KIND_COLOURS.get(kind, "#777777")
        face = "none" if hollow else colour
        ax.scatter(xs, ys, s=36, marker="o", facecolors=face, edgecolors=colour, linewidths=1.2, zorder=3)
    kinds = {kind for kind, _ in points}
    ax.set_yticks(range(len(rows)), rows, fontsize=8)
    ax.set_ylim(len(rows) - 0.5 if rows else 0.5, -0.5)
    ax.grid(axis="x", color="#e5e5e5")
    ax.set_xlabel("year (hollow: planned, proposed or predicted)", fontsize=8)
    ax.tick_params(axis="x", labelsize=8)
    if not rows:
        ax.text(0.5, 0.5, "no dated event", ha="center", va="center", transform=ax.transAxes)
    handles = [Patch(color=KIND_COLOURS[k], label=k) for k in EVENT_KINDS if k in kinds]
    if handles:
        ax.legend(handles=handles, fontsize=7, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
    return _png(fig)


def decimal_year(date: str | None) -> float | None:
    """Return a partial ISO date as a fractional year ("2024-07" → 2024.5), or None."""
    if not date:
        return None
    parts = [int(p) for p in date.split("-") if p.isdigit()]
    if not parts:
        return None
    month = parts[1] if len(parts) > 1 else 1
    day = parts[2] if len(parts) > 2 else 1
    return parts[0] + (month - 1) / 12 + (day - 1) / 365


@functools.cache
def world_outlines() -> tuple[tuple[str, tuple[tuple[tuple[float, float], ...], ...]], ...]:
    """Return (ISO3, outer rings) of every state in `data/world.geojson` (holes are not drawn)."""
    raw = (resources.files("diplograph") / "data" / "world.geojson").read_text(encoding="utf-8")
    out = []
    for feature in json.loads(raw)["features"]:
        geometry = feature["geometry"]
        polygons = (
            geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        )
        rings = tuple(tuple((float(x), float(y)) for x, y in polygon[0]) for polygon in polygons)
        out.append((str(feature.get("id") or feature["properties"].get("code")), rings))
    return tuple(out)


@functools.cache
def capitals() -> dict[str, tuple[float, float]]:
    """Return (longitude, latitude) of each state's capital, from `data/capitals.csv`."""
    path = resources.files("diplograph") / "data" / "capitals.csv"
    with path.open(encoding="utf-8") as handle:
        return {row["code"]: (float(row["lon"]), float(row["lat"])) for row in csv.DictReader(handle)}


def map_png(hub: str, rungs: Mapping[str, Rung]) -> bytes:
    """Draw the world with the hub in red and its partners shaded by rung; small states as points."""
    fig = Figure(figsize=(10, 4.3), layout="constrained", dpi=DPI)
    ax = fig.add_subplot()
    outlines = world_outlines()
    polygons: list[Sequence[tuple[float, float]]] = []
    colours: list[str] = []
    drawn: set[str] = set()
    for code, rings in outlines:
        drawn.add(code)
        colour = HUB_COLOUR if code == hub else (RUNG_COLOURS[rungs[code]] if code in rungs else LAND)
        for ring in rings:
            polygons.append(ring)
            colours.append(colour)
    ax.add_collection(PolyCollection(polygons, facecolors=colours, edgecolors=BORDER, linewidths=0.3))
    points = [c for c in [*rungs, hub] if c not in drawn and c in capitals()]
    for code in points:
        lon, lat = capitals()[code]
        colour = HUB_COLOUR if code == hub else RUNG_COLOURS[rungs[code]]
        ax.scatter([lon], [lat], s=30, color=colour, edgecolors="#333333", linewidths=0.6, zorder=3)
        ax.annotate(code, (lon, lat), xytext=(3, 3), textcoords="offset points", fontsize=7)
    ax.set_xlim(-180, 180)
    ax.set_ylim(-58, 84)
    ax.set_aspect("equal")
    ax.set_axis_off()
    present = sorted(set(rungs.values()))
    handles = [Patch(facecolor=HUB_COLOUR, label=f"{hub} (hub)")]
    handles += [Patch(facecolor=RUNG_COLOURS[r], edgecolor=BORDER, label=r.label) for r in present]
    ax.legend(handles=handles, title="ladder rung", loc="lower left", fontsize=8, title_fontsize=8)
    return _png(fig)


# ── HTML ─────────────────────────────────────────────────────────────────────

_CSS = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#222;background:#fff}
main{max-width:1100px;margin:0 auto;padding:1em 1.5em}
h1{font-size:1.6em;margin:.2em 0}h2{font-size:1.2em;margin-top:1.6em;border-bottom:1px solid #ddd}
table{border-collapse:collapse;width:100%;font-size:12.5px}
th,td{border-bottom:1px solid #e6e6e6;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f5f5f5}td.q{color:#333;font-style:italic;min-width:300px}td.n{white-space:nowrap}
td.d{color:#666;font-size:11px;min-width:200px;max-width:260px;overflow-wrap:anywhere}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;font-size:13px}
dl.meta dt{color:#666}img{max-width:100%;height:auto}.muted{color:#777}
.rung{display:inline-block;width:.8em;height:.8em;margin-right:.3em;border:1px solid #999;vertical-align:middle}
"""


def _e(value: Any) -> str:
    "Escape any value for HTML (None is empty)."
    return "" if value is None else escape(str(value), quote=True)


def _head(title: str) -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_policy()}">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(title)}</title><style>{_CSS}</style></head><body><main>"
    )


def _policy() -> str:
    "The report's Content-Security-Policy: nothing runs or loads but its own stylesheet and embedded PNGs."
    digest = base64.b64encode(hashlib.sha256(_CSS.encode("utf-8")).digest()).decode("ascii")
    return (
        f"default-src 'none'; style-src 'sha256-{digest}'; img-src data:; base-uri 'none'; form-action 'none'"
    )


def _header(store: Store, report: hubs.HubReport, filters: graph.Filters, when: str) -> str:
    shown = {
        k: v for k, v in filters.to_dict().items() if v not in (None, [], ()) and k != "include_reference"
    }
    rows = [
        ("store", store.url),
        ("generated", when),
        ("filters", ", ".join(f"{k}={_list(v)}" for k, v in shown.items()) or "none"),
        (
            "reference data",
            "included (facts known only from reference:… documents count)"
            if filters.include_reference
            else "excluded (only facts reported by articles)",
        ),
        (
            "found",
            f"{len(report.partners)} partner(s), {len(report.timeline)} event(s), {len(report.signals)} signal(s)",
        ),
    ]
    meta = "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in rows)
    return f"<h1>{_e(report.name)} ({_e(report.hub)}): partners and mechanisms</h1><dl class=meta>{meta}</dl>"


def _list(value: Any) -> str:
    return "|".join(map(str, value)) if isinstance(value, list | tuple) else str(value)


def _section(title: str, body: str) -> str:
    return f"<section><h2>{_e(title)}</h2>{body}</section>"


def _img(png: bytes, alt: str) -> str:
    data = base64.b64encode(png).decode("ascii")
    return f'<img alt="{_e(alt)}" src="data:image/png;base64,{data}">'


def _table(
    headers: Sequence[str], rows: Iterable[Sequence[Any]], classes: Mapping[int, str] | None = None
) -> str:
    """An HTML table; every cell escaped. Cells are values (escaped here), never pre-built markup.

    `classes` gives a column its CSS class: `q` a quote, `d` a document citation, `n` no wrapping (dates).
    """
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    styles = classes or {}
    body = []
    for row in rows:
        cells = "".join(
            f"<td class={styles[i]}>{_e(cell)}</td>" if i in styles else f"<td>{_e(cell)}</td>"
            for i, cell in enumerate(row)
        )
        body.append(f"<tr>{cells}</tr>")
    if not body:
        return "<p class=muted>none</p>"
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _partners_table(partners: Sequence[hubs.Partner]) -> str:
    rows = [
        (
            p.code,
            p.name,
            p.region,
            f"{int(p.rung)} {p.rung.label}",
            p.first,
            p.last,
            p.events,
            ", ".join(p.kinds),
        )
        for p in sorted(partners, key=lambda p: (-int(p.rung), p.first or "9999", p.code))
    ]
    headers = ("code", "partner", "region", "rung", "first", "last", "events", "kinds")
    return _table(headers, rows, {3: "n", 4: "n", 5: "n"})


def _mechanisms_table(
    store: Store,
    mechanisms: Sequence[Any],
    records: Mapping[str, registry.MechanismRecord],
    documents: Mapping[str, Mapping[str, Any]],
) -> str:
    rows = []
    for mechanism in mechanisms:
        record = records.get(mechanism.id)
        sessions = store.events(mechanism=mechanism.id, status=EventStatus.OCCURRED)
        held = "; ".join(
            " ".join(x for x in (s.date or "undated", _place(s)) if x) for s in sessions[:12]
        ) + ("; …" if len(sessions) > 12 else "")
        source = mechanism.sources[0] if mechanism.sources else None
        rows.append(
            (
                (record.name if record else None) or mechanism.name or mechanism.kind,
                mechanism.kind,
                ", ".join(mechanism.parties),
                mechanism.status,
                record.sessions if record else "",
                " – ".join(x for x in ((record.first, record.last) if record else ()) if x),
                record.cadence if record else "",
                held,
                _cite(source.document, documents) if source else "",
                source.quote if source else "",
            )
        )
    headers = (
        "mechanism",
        "kind",
        "parties",
        "status",
        "sessions",
        "first – last",
        "cadence",
        "held",
        "source",
    )
    return _table((*headers, "quote"), rows, {8: "d", 9: "q"})


def _events_table(
    entries: Sequence[TimelineEntry],
    documents: Mapping[str, Mapping[str, Any]],
    *,
    newest: bool = False,
) -> str:
    "The entries with their best quote and its document; at most `MAX_ROWS` (the newest, or the first)."
    shown = entries[-MAX_ROWS:] if newest else entries[:MAX_ROWS]
    rows = [
        (
            _dates(t.date, t.date_end),
            t.kind,
            t.status,
            ", ".join(t.parties),
            t.location,
            "; ".join(t.people),
            _cite(t.document, documents) if t.document else "",
            t.quote,
        )
        for t in shown
    ]
    table = _table(
        ("date", "kind", "status", "parties", "where", "people", "document", "quote"),
        rows,
        {0: "n", 6: "d", 7: "q"},
    )
    if len(entries) > len(shown):
        which = "newest" if newest else "first"
        table += (
            f"<p class=muted>the {which} {len(shown)} of {len(entries)}; "
            "diplograph export events writes them all.</p>"
        )
    return table


def _cite(document: str, documents: Mapping[str, Mapping[str, Any]]) -> str:
    "A document as plain text: its title, id and URL (never a link: the report references nothing outside)."
    doc = documents.get(document, {})
    parts = [doc.get("title"), document, doc.get("published"), doc.get("url")]
    return " · ".join(str(p) for p in parts if p)


def _dates(date: str | None, end: str | None) -> str:
    if not date:
        return "undated"
    return f"{date}…{end}" if end and end != date else date


def _place(event: Event) -> str:
    location = event.location
    return ", ".join(p for p in (location.city, location.country) if p) if location else ""
