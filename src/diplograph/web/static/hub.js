// The hub page's charts: partners' rungs on the map, the ego network and the timeline.
// Data comes from the JSON API and reaches the page through textContent and attributes only.
// The page's kind/status/period filters (`data-query`, from the URL) apply to every chart, so a
// filtered view is one shareable address. Colours are classes whose values app.css defines once.
const SVG = "http://www.w3.org/2000/svg";
const script = document.getElementById("hub-script");
const hub = script.dataset.hub;
const query = script.dataset.query ? `?${script.dataset.query}` : "";

function el(name, attrs = {}, text = null) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  if (text !== null) node.textContent = text;
  return node;
}

async function getJSON(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json();
}

function paintMap(report) {
  const map = document.getElementById("map");
  const byCode = new Map(report.partners.map((p) => [p.code, p]));
  for (const path of map.querySelectorAll(".country")) {
    const code = path.dataset.code;
    const title = path.querySelector("title");
    if (code === hub) {
      path.classList.add("hub");
      continue;
    }
    const partner = byCode.get(code);
    if (!partner) continue;
    path.classList.add(`rung-${partner.rung}`);
    title.textContent = `${partner.name}: ${partner.rung_label} (${partner.events} events, first ${partner.first ?? "undated"})`;
  }
  document.getElementById("partner-count").textContent = String(report.partners.length);
  document.getElementById("hub-name").textContent = report.name ? `· ${report.name}` : "";
}

// ── network ────────────────────────────────────────────────────────────────

function overlaps(box, boxes) {
  return boxes.some((b) => box.x1 < b.x2 && b.x1 < box.x2 && box.y1 < b.y2 && b.y1 < box.y2);
}

const HALO = 2; // the white outline drawn around a label, plus a hair of air

function boxOf(text) {
  const b = text.getBBox(); // measured as drawn, in the viewBox's units
  return { x1: b.x - HALO, x2: b.x + b.width + HALO, y1: b.y - HALO / 2, y2: b.y + b.height + HALO / 2 };
}

function placeLabels(svg, nodes, at, radius, width) {
  // Greedy, biggest first: the hub, then states by degree, each labelled beside its dot (on the
  // side away from the centre, else the other) only where its label hits no other label or dot.
  // At 50+ states the small ones go unlabelled; every dot's tooltip names it.
  const dots = nodes.map((n) => {
    const [x, y] = at.get(n.id), r = radius(n);
    return { x1: x - r, x2: x + r, y1: y - r, y2: y + r, id: n.id };
  });
  const placed = [];
  const order = [...nodes].sort((a, b) => (b.id === hub) - (a.id === hub) || b.degree - a.degree);
  for (const node of order) {
    const [x, y] = at.get(node.id), r = radius(node);
    const preferred = x < width / 2 ? -1 : 1;
    const others = dots.filter((d) => d.id !== node.id);
    const label = el("text", { y: y + 4, class: "node-label" }, node.id);
    svg.appendChild(label);
    let fits = false;
    for (const side of [preferred, -preferred]) {
      label.setAttribute("x", String(side > 0 ? x + r + 3 : x - r - 3));
      label.setAttribute("text-anchor", side > 0 ? "start" : "end");
      const box = boxOf(label);
      if (box.x1 < 0 || box.x2 > width || overlaps(box, placed) || overlaps(box, others)) continue;
      placed.push(box);
      fits = true;
      break;
    }
    if (!fits) label.remove();
  }
  return placed.length;
}

function hubRungs(data) {
  // Each partner's rung is that of its tie with the hub, the same value the map shades by.
  const rungs = new Map();
  for (const edge of data.edges) {
    if (edge.source === hub) rungs.set(edge.target, edge.rung);
    if (edge.target === hub) rungs.set(edge.source, edge.rung);
  }
  return rungs;
}

function drawNetwork(data) {
  const svg = document.getElementById("network");
  const width = 600, height = 420, pad = 24;
  const at = new Map(data.nodes.map((n) => [n.id, [pad + n.x * (width - 2 * pad), pad + n.y * (height - 2 * pad)]]));
  const maxWeight = Math.max(1, ...data.edges.map((e) => e.weight));
  for (const edge of data.edges) {
    const [x1, y1] = at.get(edge.source);
    const [x2, y2] = at.get(edge.target);
    const line = el("line", { x1, y1, x2, y2, class: "edge", "stroke-width": 0.6 + 3.4 * (edge.weight / maxWeight) });
    line.appendChild(el("title", {}, `${edge.source}–${edge.target}: ${edge.weight} events, ${edge.rung_label}`));
    svg.appendChild(line);
  }
  const maxDegree = Math.max(1, ...data.nodes.map((n) => n.degree));
  const small = data.nodes.length > 40;
  const radius = (n) => (small ? 3 : 4) + (small ? 6 : 9) * Math.sqrt(n.degree / maxDegree);
  const rungs = hubRungs(data);
  for (const node of data.nodes) {
    const [x, y] = at.get(node.id);
    const kind = node.id === hub ? "node hub" : `node rung-${rungs.get(node.id) ?? 0}`;
    const group = el("g", { class: kind, transform: `translate(${x},${y})`, "data-id": node.id });
    group.appendChild(el("circle", { r: radius(node) }));
    group.appendChild(el("title", {}, `${node.name}: ${node.degree} events`));
    svg.appendChild(group);
  }
  const labelled = placeLabels(svg, data.nodes, at, radius, width); // last: above every dot and line
  const s = data.summary;
  const hidden = data.nodes.length - labelled;
  document.getElementById("network-summary").textContent =
    `${s.nodes} states, ${s.edges} ties, density ${s.density}. Thicker lines: more shared events.` +
    (hidden > 0 ? ` ${hidden} smaller states unlabelled (hover a dot).` : "");
}

// ── timeline ───────────────────────────────────────────────────────────────

const STEPS = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000];

function yearStep(span, room) {
  // The smallest round step that leaves each four-digit label ~44 units of room.
  const fits = Math.max(1, Math.floor(room / 44));
  return STEPS.find((step) => span / step <= fits) ?? STEPS[STEPS.length - 1];
}

function drawTimeline(overview) {
  const svg = document.getElementById("timeline");
  if (overview.years.length === 0) {
    svg.appendChild(el("text", { x: 10, y: 70 }, "No dated event under these filters."));
    return;
  }
  const counts = new Map(overview.years.map((y) => [y.year, y]));
  const first = overview.years[0].year, last = overview.years[overview.years.length - 1].year;
  const width = 1000, left = 34, right = 20, top = 8, base = 122;
  const span = last - first + 1, room = width - left - right, band = room / span;
  const max = Math.max(1, ...overview.years.map((y) => y.held + y.signals));
  const scale = (base - top) / max;
  svg.appendChild(el("line", { x1: left, y1: base, x2: width - right, y2: base, class: "axis" }));
  svg.appendChild(el("text", { x: left - 6, y: top + 9, "text-anchor": "end" }, String(max)));
  svg.appendChild(el("text", { x: left - 6, y: base, "text-anchor": "end" }, "0"));
  for (let year = first; year <= last; year++) {
    const c = counts.get(year);
    if (!c) continue;
    const x = left + (year - first) * band + band * 0.15, w = Math.max(1, band * 0.7);
    const hHeld = c.held * scale, hSignal = c.signals * scale;
    const title = `${year}: ${c.held} held, ${c.signals} planned or foreseen`;
    const bar = el("rect", { x, y: base - hHeld, width: w, height: hHeld, class: "bar held" });
    bar.appendChild(el("title", {}, title));
    svg.appendChild(bar);
    if (c.signals) {
      const signal = el("rect", { x, y: base - hHeld - hSignal, width: w, height: hSignal, class: "bar signal" });
      signal.appendChild(el("title", {}, title));
      svg.appendChild(signal);
    }
  }
  // Year labels on round years only, as many as fit, never past the edges (no "960" or "202").
  const step = yearStep(span, room);
  const years = [];
  for (let year = Math.ceil(first / step) * step; year <= last; year += step) years.push(year);
  if (years.length === 0 || (span > 1 && years[0] - first >= step / 2 && step > 1)) years.unshift(first);
  let previous = -Infinity;
  for (const year of years) {
    const centre = left + (year - first + 0.5) * band;
    const x = Math.min(width - right - 14, Math.max(left + 14, centre));
    if (x - previous < 44) continue;
    previous = x;
    svg.appendChild(el("line", { x1: centre, y1: base, x2: centre, y2: base + 4, class: "axis" }));
    svg.appendChild(el("text", { x, y: base + 17, "text-anchor": "middle" }, String(year)));
  }
}

getJSON(`/api/hubs/${hub}/overview${query}`).then((overview) => { paintMap(overview); drawTimeline(overview); })
  .catch((error) => { document.getElementById("partner-count").textContent = "?"; console.error(error); });
getJSON(`/api/hubs/${hub}/network${query}`).then(drawNetwork)
  .catch((error) => { document.getElementById("network-summary").textContent = "No network under these filters."; console.error(error); });
