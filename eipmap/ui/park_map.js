// eipmap's main map: a Streamlit Components v2 module (plain ES module, no build step).
//
// Streamlit calls the default export on mount and again whenever the run sends new data; the
// Leaflet map is made once per mount and kept, so pan, zoom and open tooltips survive reruns.
// Large layers (outlines, the parks of one indicator/year/language) arrive as content-hashed
// URLs and are fetched once; the browser caches them. A click on a park is sent at once.
// Every text from the data is written with textContent: nothing from a release is parsed as HTML.

const MAPS = new WeakMap();
const CARD_ROOM_PX = 160; // half the card's width: how far a selected park sits left of the map's centre
const LEAFLET = {};

function loadLeaflet(base) {
  if (window.L) return Promise.resolve(window.L);
  if (!LEAFLET[base]) {
    LEAFLET[base] = new Promise((resolve, reject) => {
      const css = document.createElement("link");
      css.rel = "stylesheet";
      css.href = `${base}/leaflet/leaflet.css`;
      document.head.appendChild(css);
      const script = document.createElement("script");
      script.src = `${base}/leaflet/leaflet.js`;
      script.onload = () => resolve(window.L);
      script.onerror = () => reject(new Error("Leaflet could not be loaded"));
      document.head.appendChild(script);
    });
  }
  return LEAFLET[base];
}

const FETCHED = new Map(); // url -> Promise of its JSON (one request per URL per page)

function layerData(ref) {
  if (!ref) return Promise.resolve(null);
  if (ref.inline !== undefined) return Promise.resolve(ref.inline);
  if (!FETCHED.has(ref.url)) {
    FETCHED.set(
      ref.url,
      fetch(ref.url).then((r) => {
        if (!r.ok) throw new Error(`${ref.url}: ${r.status}`);
        return r.json();
      }),
    );
  }
  return FETCHED.get(ref.url);
}

function tipElement(lines) {
  const box = document.createElement("div");
  lines.forEach(([text, how], i) => {
    if (i) box.appendChild(document.createElement("br"));
    const node = how ? document.createElement(how) : document.createElement("span");
    node.textContent = text;
    box.appendChild(node);
  });
  return box;
}

function labelIcon(L, text, cls) {
  const div = document.createElement("div");
  div.className = `eip-label ${cls}`;
  div.textContent = text;
  return L.divIcon({ html: div, className: "", iconSize: [180, 36], iconAnchor: [90, 18] });
}

function drawBase(L, m, base) {
  m.base.clearLayers();
  for (const layer of base.layers) {
    const options = { style: () => layer.style, interactive: false };
    if (layer.pane) options.pane = layer.pane;
    const shapes = layer.shapes || layer.pick.map((i) => base.layers[layer.of].shapes[i]);
    L.geoJSON({ type: "GeometryCollection", geometries: shapes }, options).addTo(m.base);
  }
  for (const [south_west, north_east] of base.frames) {
    const frame = { color: "#4a5a78", weight: 1, dashArray: "3 4", fill: false, interactive: false };
    L.rectangle([south_west, north_east], frame).addTo(m.base);
  }
  for (const label of base.labels) {
    L.marker(label.at, { icon: labelIcon(L, label.text, label.cls), interactive: false }).addTo(m.base);
  }
}

// The card in the map's corner: the clicked park's name, province, this indicator's value with its provenance,
// its links' counts and its trend of the indicator (trend_card.js), shown the moment it is clicked (from the
// park layer already in the page), kept while the park stays selected. The panel follows with the server's run.
function makeCard(L, m) {
  const Card = L.Control.extend({
    onAdd() {
      const box = L.DomUtil.create("div", "eip-card");
      box.setAttribute("role", "status");
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      box.hidden = true;
      return box;
    },
  });
  m.card = new Card({ position: "topright" }).addTo(m.map);
}

function showCard(m, park) {
  const box = m.card.getContainer();
  box.replaceChildren(tipElement([...park.tip, [park.links, ""]]), trendElement(m.trend, park.trend, m.year));
  box.dataset.park = park.id;
  box.hidden = false;
}

function hideCard(m) {
  const box = m.card.getContainer();
  box.replaceChildren();
  delete box.dataset.park;
  box.hidden = true;
}

function drawParks(L, m, layer, send) {
  const parks = layer.parks;
  m.trend = layer.trend;
  m.year = layer.year;
  m.parks.clearLayers();
  m.parkLayers = new Map();
  m.parkData = new Map(parks.map((p) => [p.id, p]));
  for (const park of parks) {
    const feature = { type: "Feature", properties: { park_id: park.id, kind: "park" } };
    const marker = L.circleMarker(park.at, park.style);
    marker.feature = feature;
    marker.baseStyle = park.style;
    marker.bindTooltip(tipElement(park.tip));
    marker.on("click", () => {
      ring(L, m, park.at, park.style.radius + 3); // seen at once, before the server answers
      showCard(m, park);
      send(park.id);
    });
    marker.addTo(m.parks);
    m.parkLayers.set(park.id, marker);
  }
}

function dim(m, dimmed, dimStyle) {
  const out = new Set(dimmed);
  for (const [id, marker] of m.parkLayers) {
    marker.setStyle(out.has(id) ? { ...marker.baseStyle, ...dimStyle } : marker.baseStyle);
  }
}

function ring(L, m, at, radius) {
  if (m.ring) m.ring.remove();
  m.ring = L.circleMarker(at, { radius, color: m.selectedColour, weight: 4, fill: false, interactive: false });
  m.ring.feature = { type: "Feature", properties: { kind: "ring" } };
  m.ring.addTo(m.map);
}

function drawSelection(L, m, sel) {
  m.selection.clearLayers();
  if (m.ring) m.ring.remove();
  m.ring = null;
  if (!sel) return;
  for (const link of sel.links) {
    const style = { color: link.colour, weight: 4, opacity: link.opacity, dashArray: link.dash };
    L.polyline(link.line, style).bindTooltip(tipElement(link.tip), { sticky: true }).addTo(m.selection);
    const head = { color: link.colour, weight: 1, fill: true, fillColor: link.colour };
    L.polygon(link.head, { ...head, fillOpacity: link.opacity, opacity: link.opacity }).addTo(m.selection);
  }
  for (const firm of sel.firms) {
    const style = { radius: 5, fill: true, fillColor: "#ffffff", color: "#222222", weight: 2, fillOpacity: 1 };
    const marker = L.circleMarker(firm.at, style).bindTooltip(tipElement(firm.tip));
    marker.feature = { type: "Feature", properties: { firm_id: firm.id, kind: "firm" } };
    marker.addTo(m.selection);
  }
  if (sel.ring) ring(L, m, sel.ring.at, sel.ring.radius);
}

function drawCandidates(L, m, found, style) {
  m.candidates.clearLayers();
  for (const c of found || []) {
    L.polyline(c.line, { color: "#ffffff", weight: 7, opacity: 0.85, interactive: false }).addTo(m.candidates);
    const line = { color: style.colour, weight: 2.5, opacity: 0.9, dashArray: style.dash };
    L.polyline(c.line, line).bindTooltip(tipElement(c.tip), { sticky: true }).addTo(m.candidates);
  }
}

function makeMap(L, root, data) {
  const el = document.createElement("div");
  el.className = "eip-map";
  el.style.height = `${data.height}px`;
  root.appendChild(el);
  const map = L.map(el, { minZoom: 4, maxZoom: 18, zoomControl: true });
  map.setView(data.view.center, data.view.zoom, { animate: false });
  map.createPane("background").style.zIndex = 150;
  L.control.scale().addTo(map);
  const m = {
    map,
    el,
    base: L.layerGroup().addTo(map),
    parks: L.layerGroup().addTo(map),
    selection: L.layerGroup().addTo(map),
    candidates: L.layerGroup().addTo(map),
    tiles: null,
    shown: {},
    selectedColour: data.selected_colour,
  };
  makeCard(L, m);
  el.dataset.ready = "0";
  window.eipMap = map; // for the browser tests, as folium's maps are `window.map` in their frames
  return m;
}

function setTiles(L, m, tiles) {
  const key = tiles ? tiles.url : "";
  if (m.shown.tiles === key) return;
  if (m.tiles) m.tiles.remove();
  m.tiles = tiles ? L.tileLayer(tiles.url, { attribution: tiles.attribution, maxZoom: 18 }).addTo(m.map) : null;
  m.shown.tiles = key;
}

async function update(L, m, data, send, tellDrawn) {
  const view = JSON.stringify(data.view);
  if (m.shown.view !== undefined && m.shown.view !== view) {
    m.map.eachLayer((l) => l.closeTooltip && l.closeTooltip()); // the pointer no longer rests on what it named
    m.map.setView(data.view.center, data.view.zoom, { animate: false });
    // a view centred on a selected park: move the park left of the card, so its links stay in sight
    if (data.selection) m.map.panBy([Math.min(CARD_ROOM_PX, m.el.clientWidth / 4), 0], { animate: false });
  }
  m.shown.view = view;
  setTiles(L, m, data.tiles);
  const [base, parks] = await Promise.all([layerData(data.base), layerData(data.parks)]);
  if (m.shown.base !== base) {
    drawBase(L, m, base);
    m.shown.base = base;
  }
  if (m.shown.parks !== parks) {
    drawParks(L, m, parks, send);
    m.shown.parks = parks;
    m.shown.dimmed = undefined;
  }
  const dimmed = JSON.stringify(data.dimmed);
  if (m.shown.dimmed !== dimmed) {
    dim(m, data.dimmed, data.dim_style);
    m.shown.dimmed = dimmed;
  }
  const selection = JSON.stringify(data.selection);
  if (m.shown.selection !== selection || m.shown.cardParks !== parks) {
    drawSelection(L, m, data.selection);
    const park = data.selection && m.parkData.get(data.selection.park);
    if (park) showCard(m, park);
    else hideCard(m);
    m.shown.selection = selection;
    m.shown.cardParks = parks;
  }
  const candidates = JSON.stringify(data.candidates);
  if (m.shown.candidates !== candidates) {
    drawCandidates(L, m, data.candidates, data.candidate_style);
    m.shown.candidates = candidates;
  }
  m.el.dataset.ready = "1";
  if (data.tell_drawn && !m.toldDrawn) {
    m.toldDrawn = true;
    tellDrawn(); // once per mount, when the server waits for it (the overview's chart): that costs one run
  }
}

export default function (component) {
  const { parentElement, data, setTriggerValue, setStateValue } = component;
  const send = (parkId) => setTriggerValue("park", parkId);
  const tellDrawn = () => setStateValue("drawn", true);
  loadLeaflet(data.static_url)
    .then((L) => {
      let m = MAPS.get(parentElement);
      if (!m) {
        m = makeMap(L, parentElement, data);
        MAPS.set(parentElement, m);
      }
      return update(L, m, data, send, tellDrawn);
    })
    .catch((err) => {
      // the map (if any) stays; a line under it says what failed, in the page's language
      let note = parentElement.querySelector(".eip-map-error");
      if (!note) {
        note = document.createElement("div");
        note.className = "eip-map-error";
        note.setAttribute("role", "alert");
        parentElement.appendChild(note);
      }
      note.textContent = data.load_failed;
      console.error(err);
    });
  return () => {
    const m = MAPS.get(parentElement);
    if (m) {
      m.map.remove();
      if (window.eipMap === m.map) delete window.eipMap;
      MAPS.delete(parentElement);
    }
  };
}
