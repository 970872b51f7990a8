"""The main map as our own component, on Streamlit's public Components v2 API (``st.components.v2``).

Why not streamlit-folium here: its frontend waits 250 ms after every click before sending it, and
every rerun re-sends the whole map. This component (``park_map.js`` after ``trend_card.js``, one
plain ES module, no build) sends a click at once, keeps its Leaflet map across reruns, and fetches the
big layers — outlines, the parks of one indicator/year/language with each park's trend for the card —
once, from content-hashed URLs under ``static/gen/``
(Streamlit's static serving); a rerun sends only the selection, the dimmed parks and the view.
If ``static/gen/`` cannot be written, the layers travel inline (slower, same map).
The other maps (gap analysis, presentation, the saved HTML map) stay on folium/streamlit-folium.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import streamlit as st

from eipmap.config import STATIC_DIR
from eipmap.display.overlay import Overlay
from eipmap.i18n import t
from eipmap.render.maps.assets import STATIC_URL
from eipmap.render.maps.features import (
    CANDIDATE_COLOUR,
    CANDIDATE_DASH,
    DIMMED_STYLE,
    SEA_COLOUR,
    SELECTED_COLOUR,
    base_features,
    candidate_features,
    park_layer,
    selection_features,
)
from eipmap.render.maps.tiles import TILES
from eipmap.render.maps.view import MapView
from eipmap.ui import cache

GENERATED_DIR = STATIC_DIR / "gen"
GENERATED_URL = "/app/static/gen"
_JS = "\n".join(Path(__file__).with_name(f).read_text(encoding="utf-8") for f in ("trend_card.js", "park_map.js"))
_CSS = """
.eip-map{background:SEA;font-family:'DejaVu Sans',Arial,sans-serif;border-radius:4px}
.eip-map .eip-label{text-align:center;white-space:nowrap;pointer-events:none;text-shadow:0 0 3px #fff,0 0 3px #fff}
.eip-map .eip-province{font-weight:700;color:#1f3b73;font-size:13px}
.eip-map .eip-archipelago{color:#24324f;font-size:12px;font-style:italic}
.eip-map .leaflet-tooltip{font-size:13px;min-width:220px;max-width:360px;white-space:normal}
.eip-map .eip-card{background:#fff;padding:8px 10px;border-radius:4px;box-shadow:0 1px 5px rgba(0,0,0,.35);
  max-width:300px;font-size:13px;line-height:1.4;color:#222}
.eip-map .eip-trend{margin-top:6px;border-top:1px solid #e2e2e2;padding-top:4px}
.eip-map .eip-trend-title{font-size:12px;font-weight:600;color:#333}
.eip-map .eip-trend-chart{display:block}
.eip-map .eip-trend-legend{font-size:12px;color:#444;line-height:1.5}
.eip-map .eip-trend-key{display:inline-flex;align-items:center;gap:3px;margin-right:8px}
.eip-map .eip-trend-note{font-size:12px;color:#6b6b6b}
.eip-map-error{color:#b00020;font-size:14px;padding:4px 0}
""".replace("SEA", SEA_COLOUR)
_COMPONENT = st.components.v2.component("eipmap_park_map", js=_JS, css=_CSS, isolate_styles=False)

KEEP_FILES = 2000  # ≈ 40 indicators × 7 years × 2 languages of one release, and its outlines
LayerRef = dict[str, object]  # {"url": …} fetched once by the browser, or {"inline": …}


def publish(payload: object, directory: Path = GENERATED_DIR) -> LayerRef:
    """Write ``payload`` once under its content hash (atomically) and return its URL; inline if we cannot write."""
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    name = hashlib.sha256(body).hexdigest()[:24] + ".json"
    target = directory / name
    try:
        if not target.exists():
            directory.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=directory, suffix=".part")
            with os.fdopen(fd, "wb") as out:
                out.write(body)
            Path(tmp).chmod(0o644)
            Path(tmp).replace(target)
            _prune(directory)
    except OSError:
        return {"inline": payload}
    return {"url": f"{GENERATED_URL}/{name}"}


def _prune(directory: Path, most: int = KEEP_FILES) -> None:
    """Past ``most`` files, drop the least recently written half.

    A page open since holds its layers in memory; a reference cached by any process is checked before it is sent
    (``_live``), so a new page is never sent a pruned URL.
    """
    files = sorted(directory.glob("*.json"), key=lambda f: f.stat().st_mtime)
    if len(files) > most:
        for old in files[: len(files) - most // 2]:
            old.unlink(missing_ok=True)


@st.cache_resource(show_spinner=False, max_entries=16)
def _base_ref(release: cache.ReleaseKey, lang: str) -> LayerRef:
    return publish(base_features(cache.dataset_at(release), lang))


@st.cache_resource(show_spinner=False, max_entries=256)
def _parks_ref(release: cache.ReleaseKey, indicator_id: str, year: int, lang: str, _overlay: Overlay) -> LayerRef:
    return publish(park_layer(cache.dataset_at(release), _overlay, lang))


def warm_layers(release: cache.ReleaseKey, indicator_id: str, year: int, lang: str) -> None:
    """Build (and write) the layers a first screen of ``indicator_id``/``year``/``lang`` fetches, before it asks."""
    overlay = cache.overlay_of(release, indicator_id, year, lang)
    _base_ref(release, lang)
    _parks_ref(release, indicator_id, year, lang, overlay)


def _live(cached: Callable[[], LayerRef], cache_clear: Callable[[], None]) -> LayerRef:
    """The cached reference, or a fresh one if its file was pruned (by this or another process) since."""
    ref = cached()
    url = ref.get("url")
    if url is None or (GENERATED_DIR / str(url).rsplit("/", 1)[-1]).exists():
        return ref
    cache_clear()
    return cached()


@st.cache_data(show_spinner=False, max_entries=256)
def _selection(release: cache.ReleaseKey, park_id: str, lang: str) -> dict[str, object]:
    return selection_features(cache.dataset_at(release), park_id, lang)


def _tiles(tiles: str) -> dict[str, str] | None:
    if tiles not in TILES:
        return None
    url, attribution = TILES[tiles]
    return {"url": url, "attribution": attribution}


def map_drawn(key: str) -> bool:
    """Whether the browser has drawn the map of ``key`` in this session (it says so once, after its first draw).

    What the first screen can do without waits for it: Plotly's script (≈ 4 MB) parsed before the map is drawn
    held the map back by ≈ 2 s on this machine.
    """
    return bool(_reported(st.session_state.get(key), "drawn"))


def clicked_park(value: object) -> str | None:
    """The park id the component's last click sent, if any."""
    park = _reported(value, "park")
    return str(park) if park else None


def _reported(value: object, name: str) -> object:
    """One field of what the component reported (a mapping or an attribute object, by Streamlit's version)."""
    return value.get(name) if isinstance(value, dict) else getattr(value, name, None)


def show_park_map(
    overlay: Overlay,
    lang: str,
    *,
    key: str,
    tiles: str,
    view: MapView,
    height: int,
    on_click: Callable[[str], None],
    selected: str | None = None,
    dimmed: frozenset[str] = frozenset(),
    candidates: pd.DataFrame | None = None,
    tell_drawn: bool = False,
) -> None:
    """Draw the map; a click on a park calls ``on_click(park_id)`` before the run that follows draws anything.

    With ``tell_drawn`` the browser reports once that the map is drawn (``map_drawn``), which reruns the script:
    only a screen that waits for it asks.
    """
    data = {
        "static_url": STATIC_URL,
        "load_failed": t("map.load_failed", lang),
        "height": height,
        "view": {"center": list(view.center), "zoom": view.zoom},
        "tiles": _tiles(tiles),
        **_layers(overlay, lang, selected, dimmed, candidates),
        "tell_drawn": tell_drawn and not map_drawn(key),
    }

    def _clicked() -> None:
        park = clicked_park(st.session_state.get(key))
        if park is not None:
            on_click(park)

    _COMPONENT(key=key, data=data, height=height, on_park_change=_clicked, on_drawn_change=_nothing)


def _layers(
    overlay: Overlay, lang: str, selected: str | None, dimmed: frozenset[str], candidates: pd.DataFrame | None
) -> dict[str, object]:
    """What the map draws: the two big layers by reference, and the small ones (selection, dimming, candidates)."""
    release = cache.release_key()
    ind = overlay.indicator.indicator_id
    return {
        "base": _live(lambda: _base_ref(release, lang), _base_ref.clear),
        "parks": _live(lambda: _parks_ref(release, ind, overlay.year, lang, overlay), _parks_ref.clear),
        "dimmed": sorted(dimmed),
        "dim_style": DIMMED_STYLE,
        "selected_colour": SELECTED_COLOUR,
        "selection": _selection(release, selected, lang) if selected else None,
        "candidates": candidate_features(candidates, lang) if candidates is not None else None,
        "candidate_style": {"colour": CANDIDATE_COLOUR, "dash": CANDIDATE_DASH},
    }


def _nothing() -> None:
    """A state the browser reports needs a callback to be kept (Components v2); the next run reads it."""
