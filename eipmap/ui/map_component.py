"""The streamlit-folium component, with the base map rendered once per process instead of every rerun.

``st_folium`` renders the whole folium map on every rerun: Jinja over ~200 elements, the
province outlines serialised again, the bounds recomputed, a SHA-256 over the 140 KB script —
about 0.3 s per click on this machine for a base map that never changes. Here the base map's
arguments (script, header, html, asset links, bounds, component key) are computed once per
(release, language, tiles, page) and the changing FeatureGroups once per view; each rerun only
passes the cached strings to the component.

Every string is still produced by streamlit-folium's own functions (pinned at 0.27.4 in
requirements.txt); ``tests/ui/test_map_component.py`` asserts the arguments equal what
``st_folium`` sends for the same map, so an upgrade that changes them fails there first.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import folium
import streamlit as st
import streamlit_folium as sf

from eipmap import private_api
from eipmap.display.overlay import Overlay
from eipmap.domain.dataset import Dataset
from eipmap.render.maps.layers import build_park_layer, build_selection_layer
from eipmap.ui import cache


@dataclass(frozen=True)
class BaseMap:
    """What the component needs of the base map, computed once."""

    key: str  # the component's widget key (st_folium's hash of the script and the page's key)
    args: dict[str, Any]  # script, header, html, id, css_links, js_links, default, returned_objects


def _bounds(fmap: folium.Map) -> dict[str, dict[str, float | None]]:
    (south, west), (north, east) = fmap.get_bounds()
    return {"_southWest": {"lat": south, "lng": west}, "_northEast": {"lat": north, "lng": east}}


def _asset_links(fmap: folium.Element) -> tuple[list[str], list[str]]:
    """CSS and JS links of every element below ``fmap`` (what st_folium collects)."""
    css: list[str] = []
    js: list[str] = []
    todo = [fmap]
    while todo:
        elem = todo.pop(0)
        css += [href for _, href in getattr(elem, "default_css", [])]
        js += [src for _, src in getattr(elem, "default_js", [])]
        todo[:0] = private_api.children(elem)
    return list(dict.fromkeys(css)), list(dict.fromkeys(js))


def render_base(fmap: folium.Map, key: str, returned_objects: Sequence[str]) -> BaseMap:
    """Render a base map the way st_folium does, once."""
    fmap.get_root().render()
    fmap.render()  # type: ignore[no-untyped-call]  # folium ships no type hints
    html = private_api.folium_html(fmap)
    header = private_api.folium_header(fmap)
    script = private_api.folium_script(fmap)
    defaults: dict[str, object] = {k: None for k in returned_objects}
    if "bounds" in defaults:
        defaults["bounds"] = _bounds(fmap)
    if "zoom" in defaults:
        defaults["zoom"] = fmap.options.get("zoom")
    css_links, js_links = _asset_links(fmap)
    args = {
        "script": script,
        "header": header,
        "html": html,
        "id": sf.get_full_id(fmap),
        "css_links": css_links,
        "js_links": js_links,
        "default": defaults,
        "returned_objects": list(returned_objects),
    }
    return BaseMap(key=sf.generate_js_hash(script, key, False), args=args)


def group_script(group: folium.FeatureGroup, idx: int) -> str:
    """The JavaScript that adds one FeatureGroup to the map, as st_folium writes it.

    The group is attached to a throwaway map, so a cached base map is never mutated.
    """
    return private_api.feature_group_script(group, folium.Map(tiles=None), idx)


@st.cache_resource(show_spinner=False, max_entries=32)
def _base_map(release: cache.ReleaseKey, lang: str, tiles: str, key: str, returned: tuple[str, ...]) -> BaseMap:
    from eipmap.render.maps.base import build_base_map

    return render_base(build_base_map(cache.dataset_at(release), lang, tiles), key, returned)


def base_map(lang: str, tiles: str, key: str, returned: Sequence[str]) -> BaseMap:
    """The shown release's base map for one page's map (cached per process)."""
    return _base_map(cache.release_key(), lang, tiles, key, tuple(returned))


Layer = tuple[tuple[object, ...], Callable[[], folium.FeatureGroup]]  # (what it depends on, how to build it)


@st.cache_resource(show_spinner=False, max_entries=1024)
def _layer_script(view: tuple[object, ...], idx: int, _build: Callable[[], folium.FeatureGroup]) -> str:
    return group_script(_build(), idx)


def show_map(
    base: BaseMap,
    layers: Sequence[Layer],
    *,
    height: int,
    center: tuple[float, float] | None = None,
    zoom: int | None = None,
) -> None:
    """Draw the component; each layer is built only for a view not drawn before in this release.

    A layer's view must name everything it depends on (page, language, indicator, year, selection …);
    splitting the parks from the selection means a click builds only the small selection layer.
    A click is read from the component's state (``st.session_state[base.key]``) before drawing.
    """
    release = cache.release_key()
    script = "".join(_layer_script((release, *view), i, build) for i, (view, build) in enumerate(layers))
    private_api.draw_folium_component(**component_args(base, script, height=height, center=center, zoom=zoom))


def park_layers(
    data: Dataset, overlay: Overlay, lang: str, selected: str | None = None, dimmed: frozenset[str] = frozenset()
) -> list[Layer]:
    """The parks coloured by ``overlay`` and, with a park selected, its ring, firms and links (every page's map)."""
    parks_view = ("parks", lang, overlay.indicator.indicator_id, overlay.year, tuple(sorted(dimmed)))
    layers: list[Layer] = [(parks_view, lambda: build_park_layer(data.parks, overlay, lang, dimmed=dimmed))]
    if selected:
        layers.append((("selection", lang, selected), lambda: build_selection_layer(data, selected, lang)))
    return layers


def component_args(
    base: BaseMap, layers: str, *, height: int, center: tuple[float, float] | None, zoom: int | None
) -> dict[str, Any]:
    """Everything passed to the component: what ``st_folium(..., use_container_width=True)`` passes."""
    return {
        **base.args,
        "key": base.key,
        "height": height,
        "width": None,
        "zoom": zoom,
        "center": center,
        "feature_group": layers,
        "return_on_hover": False,
        "layer_control": None,
        "pixelated": False,
        "wrap_longitude": False,
    }
