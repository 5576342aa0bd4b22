"""A self-contained HTML report on one hub state: its partners' network, timeline and map, with sources.

Input: a `Store`, a hub (ISO3) and `graph.Filters`. Output: one HTML string
(`hub_report_html`) holding

- a header: which store, when generated, which filters, whether reference
  facts are included;
- three pictures drawn with matplotlib (Agg, no display): the hub's partner
  network (spring layout, fixed seed, partners shaded by ladder rung, lines
  widened by shared events, the hub and its highest partners named where their
  labels fit), a timeline of the hub's events per partner and kind, and a world map
  (outlines of `data/world.geojson`) shading partners by rung, with states too
  small for an outline drawn as a point at their capital (`data/capitals.csv`),
  all in the dashboard's colours (`DASHBOARD_PALETTE`);
- tables: partners (rung, first and last, kinds), mechanisms (registry counts,
  sessions, source quote), events with the sentence that states each, the
  signals of what may come (planned, proposed, predicted), and the documents
  they cite, numbered (`Citations`).

Why tables of fixed layout, quotes under their row and documents cited by number:
the page must fit its width and stay short. A quote or URL used to squeeze the
parties column to one code per line (21,500 px for China, issue 13); each column
now has its share of the width (`Column`), a quote reads across the table, and a
document's title, id, date and URL are listed once instead of on every row.

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
import re
from collections.abc import Iterable, Mapping, Sequence
from html import escape
from importlib import resources
from typing import Any, NamedTuple

import networkx as nx
from matplotlib import patheffects
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
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
# States named on the network picture: the hub, then its partners highest on the ladder, each only
# where its label fits beside its dot without touching another label, dot or the legend (the
# dashboard's rule). 20 keeps China's picture on the sample readable; the rest are listed under it.
MAX_LABELS = 20
LABEL_HALO = 2.0  # pixels of white outline around a label, counted when labels are kept apart

# The dashboard's palette, as `:root` of web/static/app.css defines it, so the report and the
# dashboard colour rungs, the hub and event kinds alike. Repeated here because outputs may not
# read the web layer; tests/test_report.py fails when the two drift apart.
DASHBOARD_PALETTE = {
    "--ink": "#1f2933",
    "--muted": "#6b7785",
    "--line": "#e3e8ee",
    "--hub": "#f59e0b",
    "--r0": "#e9edf2",
    "--r1": "#dbeafe",
    "--r2": "#b3d1fb",
    "--r3": "#7fb0f5",
    "--r4": "#3b82f6",
    "--r5": "#1d4ed8",
    "--r6": "#172f7a",
    "--kind-2-2-dialogue": "#7c3aed",
    "--kind-foreign-ministers-meeting": "#0891b2",
    "--kind-defence-ministers-meeting": "#b45309",
    "--kind-summit": "#dc2626",
    "--kind-bilateral-talks": "#64748b",
    "--kind-agreement-signed": "#16a34a",
    "--kind-institution-established": "#0f172a",
    "--kind-joint-exercise": "#ca8a04",
}
# One colour per rung (light to dark: the further up the ladder, the darker), and the hub's.
RUNG_COLOURS = {rung: DASHBOARD_PALETTE[f"--r{int(rung)}"] for rung in Rung}
HUB_COLOUR = DASHBOARD_PALETTE["--hub"]
LAND = DASHBOARD_PALETTE["--r0"]  # as on the dashboard's map: a state without a tie is rung 0's colour
SEA = "#f3f7fb"  # app.css `#map .sea`
BORDER = "#ffffff"  # app.css `#map .country` stroke
NODE_EDGE = "#475569"  # app.css `#network .node circle` stroke
EDGE = "#94a3b8"  # app.css `#network .edge`
EDGE_OPACITY = 0.55


def css_name(kind: str) -> str:
    """Return the dashboard's CSS name of an event kind ("2+2 dialogue" → "2-2-dialogue")."""
    return re.sub(r"[^a-z0-9]+", "-", kind.lower()).strip("-")


KIND_COLOURS = {kind: DASHBOARD_PALETTE[f"--kind-{css_name(kind)}"] for kind in EVENT_KINDS}


class Column(NamedTuple):
    """A column of a report table: its title, its share of the page width (%), and its cells' class.

    `cell`: "n" never wraps (short codes), "q" a quote, "d" a document citation, "" plain.
    `below`: the cell goes on a line of its own under the row, across the whole table (a
    quote reads best at full width; `width` is then 0).
    """

    title: str
    width: int
    cell: str = ""
    below: bool = False


# The widths of each table's columns add up to 100 (a test checks it): with a fixed table layout a
# long text wraps inside its own column instead of squeezing the short ones, as parties were
# squeezed to one code per line (a 21,500 px page in issue 13). Quotes go under their row.
PARTNER_COLUMNS = (
    Column("code", 6, "n"),
    Column("partner", 15),
    Column("region", 14),
    Column("rung", 13),
    Column("first", 9),
    Column("last", 9),
    Column("events", 6),
    Column("kinds", 28),
)
MECHANISM_COLUMNS = (
    Column("mechanism", 14),
    Column("kind", 9),
    Column("parties", 12),
    Column("status", 8),
    Column("sessions", 7),
    Column("first – last", 11),
    Column("cadence", 8),
    Column("held", 16),
    Column("source", 15, "d"),
    Column("quote", 0, "q", below=True),
)
EVENT_COLUMNS = (
    Column("date", 10),
    Column("kind", 11),
    Column("status", 8),
    Column("parties", 16),
    Column("where", 12),
    Column("people", 20),
    Column("document", 23, "d"),
    Column("quote", 0, "q", below=True),
)
DOCUMENT_COLUMNS = (
    Column("", 5, "n"),
    Column("title", 35),
    Column("published", 10),
    Column("id", 20, "d"),
    Column("URL", 30, "d"),
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
    cited = Citations({d["id"]: d for d in store.documents()})
    when = (generated or dt.datetime.now(dt.UTC)).strftime("%Y-%m-%d %H:%M UTC")
    rungs = {p.code: p.rung for p in report.partners}
    parts = [
        _head(f"{report.name} ({hub}) — diplograph report"),
        _header(store, report, filters, when),
        _section("Partner network", _network(ego, hub, report.name)),
        _section(
            "Timeline",
            _img(timeline_png(report.timeline, report.signals, hub, report.partners), "Events per partner"),
        ),
        _section("Map", _img(map_png(hub, rungs), f"Map of {report.name}'s partners by ladder rung")),
        _section("Partners", _partners_table(report.partners)),
        _section("Mechanisms", _mechanisms_table(store, mechanisms, records, cited)),
        _section("Events and their sources", _events_table(report.timeline, cited, newest=True)),
        _section("Signals: planned, proposed, predicted", _events_table(report.signals, cited)),
        _section("Documents cited", cited.table()),
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
    """Draw the hub's ego network (`network_figure`) as a PNG."""
    return _png(network_figure(ego, hub))


def network_figure(ego: nx.Graph, hub: str) -> Figure:
    """Draw the hub's ego network as the dashboard does: the hub in its colour, partners by rung.

    Dots grow with a state's activity (weighted degree), lines with the events a pair
    shares. Only the hub and its partners highest on the ladder are named (`_label_nodes`),
    each beside its dot where it touches no other label or dot; the axes' texts are those labels.
    """
    fig = Figure(figsize=(7.5, 6), layout="constrained", dpi=DPI)
    ax = fig.add_subplot()
    ax.set_axis_off()
    if ego.number_of_nodes() <= 1:
        fig.text(0.5, 0.5, "no partner under these filters", ha="center", va="center")
        return fig
    pos = nx.spring_layout(ego, seed=SEED, weight=None, k=2.2 / math.sqrt(len(ego)))
    strength = {n: ego.degree(n, weight="weight") for n in ego}
    heaviest = max((w for _, _, w in ego.edges.data("weight", default=1)), default=1)
    nx.draw_networkx_edges(
        ego,
        pos,
        ax=ax,
        edge_color=EDGE,
        alpha=EDGE_OPACITY,
        width=[0.4 + 2.6 * w / heaviest for _, _, w in ego.edges.data("weight", default=1)],
    )
    rung_of = {
        (v if u == hub else u): Rung(int(r)) for u, v, r in ego.edges.data("rung", default=0) if hub in (u, v)
    }
    nodes = list(ego.nodes)
    most = max(strength.values()) or 1
    radius = {n: 4 + 9 * math.sqrt(strength[n] / most) for n in nodes}  # points, as the dashboard's px
    nx.draw_networkx_nodes(
        ego,
        pos,
        nodelist=nodes,
        ax=ax,
        node_color=[HUB_COLOUR if n == hub else RUNG_COLOURS[rung_of.get(n, Rung.NONE)] for n in nodes],
        node_size=[(2 * radius[n]) ** 2 for n in nodes],
        edgecolors=NODE_EDGE,
        linewidths=0.8,
    )
    present = sorted(set(rung_of.values()))
    legend = ax.legend(
        handles=[Patch(facecolor=HUB_COLOUR, edgecolor=NODE_EDGE, label=f"{hub} (hub)")]
        + [Patch(facecolor=RUNG_COLOURS[r], edgecolor=NODE_EDGE, label=r.label) for r in present],
        title="ladder rung",
        loc="lower left",
        fontsize=8,
        title_fontsize=8,
        frameon=False,
    )
    # Named first: the hub, then its partners highest on the ladder, then the most active.
    ties = {n: ego.edges[hub, n].get("weight", 1) if ego.has_edge(hub, n) else 0 for n in nodes}
    order = sorted(nodes, key=lambda n: (n != hub, -rung_of.get(n, Rung.NONE), -ties[n], -strength[n], n))
    _label_nodes(fig, ax, legend, {n: pos[n] for n in order}, radius)
    return fig


def _label_nodes(
    fig: Figure,
    ax: Any,
    legend: Any,
    pos: Mapping[str, Any],
    radius: Mapping[str, float],
) -> None:
    """Name at most MAX_LABELS nodes, in the order of `pos`, each only where its label fits.

    Greedy, as the dashboard's network does: a label goes beside its dot on the side away
    from the centre, else the other side, above or below; one that would touch a placed
    label, another dot, the legend or the picture's edge is left out. Boxes are measured
    in pixels after the layout is fixed, so they are the ones drawn.
    """
    FigureCanvasAgg(fig)  # the renderer that measures the labels is the one that draws them
    fig.draw_without_rendering()  # the constrained layout places the axes; then freeze it
    fig.set_layout_engine("none")
    ax.set_xlim(ax.get_xlim())
    ax.set_ylim(ax.get_ylim())
    scale = DPI / 72  # points to pixels
    at = {n: ax.transData.transform(xy) for n, xy in pos.items()}
    dots = {
        n: _box(x - radius[n] * scale, y - radius[n] * scale, x + radius[n] * scale, y + radius[n] * scale)
        for n, (x, y) in at.items()
    }
    middle = sum(x for x, _ in at.values()) / len(at)
    taken = [_box_of(legend)]
    frame = fig.bbox.extents
    for node, (x, _) in at.items():
        if len(taken) > MAX_LABELS:  # the legend is the first box taken
            break
        gap = radius[node] + 2.5
        away = -1 if x < middle else 1
        sides = [
            (away * gap, 0, "left" if away > 0 else "right", "center"),
            (-away * gap, 0, "right" if away > 0 else "left", "center"),
            (0, gap, "center", "bottom"),
            (0, -gap, "center", "top"),
        ]
        label = ax.annotate(
            node,
            pos[node],
            xytext=(0, 0),
            textcoords="offset points",
            fontsize=8,
            color=DASHBOARD_PALETTE["--ink"],
            path_effects=[patheffects.withStroke(linewidth=3, foreground="white")],
            annotation_clip=False,
        )
        others = [box for n, box in dots.items() if n != node]
        for dx, dy, ha, va in sides:
            label.set_position((dx, dy))
            label.set_ha(ha)
            label.set_va(va)
            box = _box_of(label, halo=LABEL_HALO)
            inside = frame[0] <= box[0] and box[2] <= frame[2] and frame[1] <= box[1] and box[3] <= frame[3]
            if inside and not any(_overlap(box, other) for other in [*taken, *others]):
                taken.append(box)
                break
        else:
            label.remove()


def _box(x0: float, y0: float, x1: float, y1: float, halo: float = 0.0) -> tuple[float, float, float, float]:
    "A box (left, bottom, right, top) in pixels, grown by `halo` on each side."
    return (x0 - halo, y0 - halo, x1 + halo, y1 + halo)


def _box_of(artist: Any, halo: float = 0.0) -> tuple[float, float, float, float]:
    "The box an artist (a label, the legend) is drawn in, in pixels, grown by `halo`."
    x0, y0, x1, y1 = artist.get_window_extent().extents
    return _box(x0, y0, x1, y1, halo)


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    "True when two boxes share some area."
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


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
    """Draw the world with the hub in its colour and its partners shaded by rung; small states as points."""
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
        ax.scatter([lon], [lat], s=30, color=colour, edgecolors=NODE_EDGE, linewidths=0.6, zorder=3)
        ax.annotate(code, (lon, lat), xytext=(3, 3), textcoords="offset points", fontsize=7)
    ax.set_xlim(-180, 180)
    ax.set_ylim(-58, 84)
    ax.set_aspect("equal")
    ax.set_facecolor(SEA)  # the sea shows, as on the dashboard's map; the axes' frame does not
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(False)
    present = sorted(set(rungs.values()))
    handles = [Patch(facecolor=HUB_COLOUR, edgecolor=NODE_EDGE, label=f"{hub} (hub)")]
    handles += [Patch(facecolor=RUNG_COLOURS[r], edgecolor=NODE_EDGE, label=r.label) for r in present]
    ax.legend(handles=handles, title="ladder rung", loc="lower left", fontsize=8, title_fontsize=8)
    return _png(fig)


# ── HTML ─────────────────────────────────────────────────────────────────────

_INK, _MUTED, _LINE = (DASHBOARD_PALETTE[k] for k in ("--ink", "--muted", "--line"))
_CSS = (
    f"""
body{{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:{_INK};background:#fff}}
main{{max-width:1100px;margin:0 auto;padding:1em 1.5em}}
h1{{font-size:1.6em;margin:.2em 0}}h2{{font-size:1.2em;margin-top:1.6em;border-bottom:1px solid {_LINE}}}
table{{border-collapse:collapse;width:100%;table-layout:fixed;font-size:12.5px}}
th,td{{border-bottom:1px solid {_LINE};padding:4px 6px;text-align:left;vertical-align:top;overflow-wrap:anywhere}}
th{{background:#f6f8fa}}td.q{{font-style:italic}}td.n{{white-space:nowrap}}td.d{{color:{_MUTED};font-size:11px}}
tr.lead td{{border-bottom:0}}tr.under td{{padding:0 6px 6px 1.5em}}
dl.meta{{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;font-size:13px}}
dl.meta dt{{color:{_MUTED}}}img{{max-width:100%;height:auto}}.muted{{color:{_MUTED}}}
"""
    + "".join(
        sorted(
            {
                f"col.w{c.width}{{width:{c.width}%}}"
                for c in (*PARTNER_COLUMNS, *MECHANISM_COLUMNS, *EVENT_COLUMNS)
            }
        )
    )
    + "\n"
)


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


def _network(ego: nx.Graph, hub: str, name: str) -> str:
    "The network picture, and under it the states drawn without a name (the picture names only some)."
    figure = network_figure(ego, hub)
    named = {text.get_text() for axes in figure.axes for text in axes.texts}
    unnamed = sorted(set(ego) - named - {hub})
    picture = _img(_png(figure), f"Network of {name}'s partners")
    if not unnamed or len(ego) <= 1:
        return picture
    return picture + f"<p class=muted>Not named in the picture: {_e(', '.join(unnamed))}.</p>"


def _table(columns: Sequence[Column], rows: Iterable[Sequence[Any]]) -> str:
    """An HTML table; every cell escaped. Cells are values (escaped here), never pre-built markup.

    The columns' widths are classes (`col.w…` in `_CSS`): the page's policy allows no inline
    style. A column marked `below` is drawn as a line under its row, across the table.
    """
    inline = [c for c in columns if not c.below]
    widths = "".join(f"<col class=w{c.width}>" for c in inline)
    head = "".join(f"<th>{_e(c.title)}</th>" for c in inline)
    body = []
    for row in rows:
        cells = dict(zip(columns, row, strict=True))
        line = "".join(_cell(c, cells[c]) for c in inline)
        under = [c for c in columns if c.below and cells[c]]
        if not under:
            body.append(f"<tr>{line}</tr>")
            continue
        body.append(f"<tr class=lead>{line}</tr>")
        body += [
            f"<tr class=under><td colspan={len(inline)} class={c.cell}>{_e(cells[c])}</td></tr>"
            for c in under
        ]
    if not body:
        return "<p class=muted>none</p>"
    return (
        f"<table><colgroup>{widths}</colgroup><thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table>"
    )


def _cell(column: Column, value: Any) -> str:
    "One escaped cell, with its column's class."
    return f"<td class={column.cell}>{_e(value)}</td>" if column.cell else f"<td>{_e(value)}</td>"


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
    return _table(PARTNER_COLUMNS, rows)


def _mechanisms_table(
    store: Store,
    mechanisms: Sequence[Any],
    records: Mapping[str, registry.MechanismRecord],
    cited: Citations,
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
                cited.cite(source.document) if source else "",
                source.quote if source else "",
            )
        )
    return _table(MECHANISM_COLUMNS, rows)


def _events_table(
    entries: Sequence[TimelineEntry],
    cited: Citations,
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
            cited.cite(t.document) if t.document else "",
            t.quote,
        )
        for t in shown
    ]
    table = _table(EVENT_COLUMNS, rows)
    if len(entries) > len(shown):
        which = "newest" if newest else "first"
        table += (
            f"<p class=muted>the {which} {len(shown)} of {len(entries)}; "
            "diplograph export events writes them all.</p>"
        )
    return table


class Citations:
    """The documents the tables cite, numbered in the order first cited and listed once, at the end.

    Why not the whole citation in each row: a document's title, id, date and URL took more
    room than the quote itself and were repeated on every event it reports; a row now names
    its document by number and title, and "Documents cited" gives the rest.
    """

    def __init__(self, documents: Mapping[str, Mapping[str, Any]]) -> None:
        self.documents = documents
        self.numbers: dict[str, int] = {}

    def cite(self, document: str) -> str:
        """Return the short citation of a document ("[3] its title"), numbering it when first cited."""
        number = self.numbers.setdefault(document, len(self.numbers) + 1)
        return f"[{number}] {self.documents.get(document, {}).get('title') or document}"

    def table(self) -> str:
        """Return the table of the cited documents: number, title, publication date, id and URL.

        The URL is plain text, never a link: the report references nothing outside.
        """
        rows = []
        for document, number in self.numbers.items():
            doc = self.documents.get(document, {})
            rows.append((f"[{number}]", doc.get("title"), doc.get("published"), document, doc.get("url")))
        return _table(DOCUMENT_COLUMNS, rows)


def _dates(date: str | None, end: str | None) -> str:
    if not date:
        return "undated"
    return f"{date}…{end}" if end and end != date else date


def _place(event: Event) -> str:
    location = event.location
    return ", ".join(p for p in (location.city, location.country) if p) if location else ""
