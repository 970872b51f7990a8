// The trend in the map's card: the description eipmap/display/trend.py builds, drawn as a small SVG.
//
// The server's chart in the panel is drawn from the same description (eipmap/render/charts.py,
// trend_figure): which points, which marker for which provenance, where the threshold runs and what it
// is called are decided there, once. This file only places them. park_map.py joins it before
// park_map.js into the component's one module (Components v2 takes a single script).
// Every text is written with textContent.

const SVG_NS = "http://www.w3.org/2000/svg";
const TREND_SIZE = { width: 280, height: 96, left: 8, right: 8, top: 10, bottom: 20 };

function svgElement(tag, attrs) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, String(value));
  return el;
}

// Plotly's marker (symbol, size in pixels across, colour, outline width) as an SVG shape centred on (x, y).
function trendMarker(mark, x, y, scale) {
  const r = (mark.size / 2) * scale;
  const open = mark.symbol.endsWith("-open");
  const paint = { fill: open ? "#ffffff" : mark.color, stroke: mark.color, "stroke-width": mark.line ? mark.line.width : 1 };
  if (mark.symbol.startsWith("diamond")) {
    return svgElement("path", { d: `M${x},${y - r}L${x + r},${y}L${x},${y + r}L${x - r},${y}Z`, ...paint });
  }
  return svgElement("circle", { cx: x, cy: y, r, ...paint });
}

function trendScales(frame, known) {
  const s = TREND_SIZE;
  const years = frame.years;
  const levels = known.map(([, v]) => v).concat(frame.threshold ? [frame.threshold[0]] : []);
  const lo = Math.min(0, ...levels); // from zero, as the panel's chart (rangemode "tozero")
  let hi = Math.max(0, ...levels);
  if (hi === lo) hi = lo + 1;
  hi += (hi - lo) * 0.08;
  const x0 = years[0] - 0.4;
  const x1 = years[years.length - 1] + 0.4;
  return {
    x: (year) => s.left + ((year - x0) / (x1 - x0)) * (s.width - s.left - s.right),
    y: (value) => s.height - s.bottom - ((value - lo) / (hi - lo)) * (s.height - s.top - s.bottom),
  };
}

function trendSvg(frame, known, year) {
  const s = TREND_SIZE;
  const at = trendScales(frame, known);
  const svg = svgElement("svg", { width: s.width, height: s.height, viewBox: `0 0 ${s.width} ${s.height}` });
  svg.setAttribute("class", "eip-trend-chart");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", frame.title);
  const plot = { x: s.left, y: s.top, width: s.width - s.left - s.right, height: s.height - s.top - s.bottom };
  svg.appendChild(svgElement("rect", { ...plot, fill: "#fafafa", stroke: "#e2e2e2" }));
  if (frame.years.includes(year)) {
    const x = at.x(year); // the year the map shows
    svg.appendChild(svgElement("line", { x1: x, x2: x, y1: s.top, y2: s.height - s.bottom, stroke: "#c8c8c8" }));
  }
  const line = frame.threshold;
  if (line) {
    const y = at.y(line[0]);
    const dash = { stroke: frame.target, "stroke-width": 2, "stroke-dasharray": "6 4", class: "eip-trend-threshold" };
    svg.appendChild(svgElement("line", { x1: at.x(line[2]), x2: at.x(line[3]), y1: y, y2: y, ...dash }));
  }
  if (known.length > 1) {
    const points = known.map(([y, v]) => `${at.x(y).toFixed(1)},${at.y(v).toFixed(1)}`).join(" ");
    svg.appendChild(svgElement("polyline", { points, fill: "none", stroke: frame.line, "stroke-width": 2 }));
  }
  for (const [y, v, code] of known) {
    const mark = trendMarker(frame.marks[code], at.x(y), at.y(v), 0.8);
    mark.setAttribute("class", "eip-trend-point");
    mark.dataset.year = String(y);
    mark.dataset.provenance = code;
    svg.appendChild(mark);
  }
  for (const y of new Set([frame.years[0], frame.years[frame.years.length - 1]])) {
    const label = svgElement("text", { x: at.x(y), y: s.height - 5, "text-anchor": "middle", "font-size": 11 });
    label.setAttribute("fill", "#555555");
    label.textContent = String(y);
    svg.appendChild(label);
  }
  return svg;
}

function legendEntry(swatch, text) {
  const row = document.createElement("span");
  row.className = "eip-trend-key";
  row.appendChild(swatch);
  row.appendChild(document.createTextNode(text));
  return row;
}

function trendLegend(frame, known) {
  const legend = document.createElement("div");
  legend.className = "eip-trend-legend";
  for (const code of new Set(known.map(([, , c]) => c))) {
    const swatch = svgElement("svg", { width: 14, height: 14, viewBox: "0 0 14 14" });
    swatch.appendChild(trendMarker(frame.marks[code], 7, 7, 0.8));
    legend.appendChild(legendEntry(swatch, frame.marks[code].name));
  }
  if (frame.threshold) {
    const swatch = svgElement("svg", { width: 18, height: 14, viewBox: "0 0 18 14" });
    const dash = { stroke: frame.target, "stroke-width": 2, "stroke-dasharray": "5 3" };
    swatch.appendChild(svgElement("line", { x1: 0, x2: 18, y1: 7, y2: 7, ...dash }));
    legend.appendChild(legendEntry(swatch, frame.threshold[1]));
  }
  return legend;
}

// The card's trend: the indicator's name, the series with its markers and threshold, the legend; or "no data".
function trendElement(frame, series, year) {
  const box = document.createElement("div");
  box.className = "eip-trend";
  const title = document.createElement("div");
  title.className = "eip-trend-title";
  title.textContent = frame.title;
  box.appendChild(title);
  if (!series) {
    const none = document.createElement("i");
    none.textContent = frame.no_data;
    box.appendChild(none);
    return box;
  }
  const known = frame.years.map((y, i) => [y, series.v[i], series.p[i]]).filter(([, v]) => v !== null);
  box.appendChild(trendSvg(frame, known, year));
  box.appendChild(trendLegend(frame, known));
  if (series.m) {
    const note = document.createElement("i");
    note.className = "eip-trend-note";
    note.textContent = series.m;
    box.appendChild(note);
  }
  return box;
}
