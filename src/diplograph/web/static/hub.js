// The hub page's charts: partners' rungs on the map, the ego network and the timeline.
// Data comes from the JSON API and reaches the page through textContent and attributes only.
const SVG = "http://www.w3.org/2000/svg";
const hub = document.getElementById("hub-script").dataset.hub;

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

function drawNetwork(data) {
  const svg = document.getElementById("network");
  const width = 600, height = 420, pad = 36;
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
  for (const node of data.nodes) {
    const [x, y] = at.get(node.id);
    const group = el("g", { class: node.id === hub ? "node hub" : "node", transform: `translate(${x},${y})` });
    group.appendChild(el("circle", { r: 4 + 9 * Math.sqrt(node.degree / maxDegree) }));
    group.appendChild(el("text", { x: 9, y: 4 }, node.id));
    group.appendChild(el("title", {}, `${node.name}: ${node.degree} events`));
    svg.appendChild(group);
  }
  const s = data.summary;
  document.getElementById("network-summary").textContent =
    `${s.nodes} states, ${s.edges} ties, density ${s.density}. Thicker lines: more shared events.`;
}

function drawTimeline(overview) {
  const svg = document.getElementById("timeline");
  if (overview.years.length === 0) {
    svg.appendChild(el("text", { x: 10, y: 70 }, "No dated event."));
    return;
  }
  const counts = new Map(overview.years.map((y) => [y.year, y]));
  const first = overview.years[0].year, last = overview.years[overview.years.length - 1].year;
  const span = last - first + 1, width = 1000, base = 118;
  const band = width / span;
  const max = Math.max(...overview.years.map((y) => y.held + y.signals));
  for (let year = first; year <= last; year++) {
    const c = counts.get(year) ?? { held: 0, signals: 0 };
    const x = (year - first) * band + band * 0.15, w = Math.max(1, band * 0.7);
    const hHeld = (c.held / max) * 100, hSignal = (c.signals / max) * 100;
    const bar = el("rect", { x, y: base - hHeld, width: w, height: hHeld, class: "bar" });
    bar.appendChild(el("title", {}, `${year}: ${c.held} held, ${c.signals} planned or foreseen`));
    svg.appendChild(bar);
    if (c.signals) svg.appendChild(el("rect", { x, y: base - hHeld - hSignal, width: w, height: hSignal, class: "bar signal" }));
    if (span <= 30 || (year - first) % Math.ceil(span / 30) === 0) {
      svg.appendChild(el("text", { x: x + w / 2, y: 134, "text-anchor": "middle" }, String(year)));
    }
  }
}

getJSON(`/api/hubs/${hub}/overview`).then((overview) => { paintMap(overview); drawTimeline(overview); })
  .catch((error) => { document.getElementById("partner-count").textContent = "?"; console.error(error); });
getJSON(`/api/hubs/${hub}/network`).then(drawNetwork)
  .catch((error) => { document.getElementById("network-summary").textContent = "No network under these filters."; console.error(error); });
