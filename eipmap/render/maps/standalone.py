"""A self-contained HTML file of the interactive map: Leaflet inlined, so it opens offline from a USB stick."""

from __future__ import annotations

import html

import folium
from branca.element import Element

from eipmap.config import STATIC_DIR, VENDOR_DIR
from eipmap.display.overlay import Overlay
from eipmap.display.stamp import release_text
from eipmap.domain.dataset import Dataset
from eipmap.render.maps.assets import LOCAL_ASSETS, localize_assets
from eipmap.render.maps.base import build_base_map
from eipmap.render.maps.layers import build_park_layer, build_selection_layer
from eipmap.render.maps.tiles import DEFAULT_TILES

STAMP_STYLE = "position:fixed;left:8px;bottom:24px;z-index:1000;background:#fff;padding:2px 6px;font:12px sans-serif"


def _read_asset(url: str) -> str:
    relative = url.removeprefix("/app/static/")
    return (STATIC_DIR / relative).read_text(encoding="utf-8")


def standalone_html(fmap: folium.Map) -> str:
    """The map's page with the local Leaflet script and stylesheet inlined."""
    html = fmap.get_root().render()
    js, css = LOCAL_ASSETS["leaflet"], LOCAL_ASSETS["leaflet_css"]
    html = html.replace(f'<script src="{js}"></script>', f"<script>{_read_asset(js)}</script>")
    html = html.replace(f'<link rel="stylesheet" href="{css}"/>', f"<style>{_read_asset(css)}</style>")
    if js in html or css in html:
        raise RuntimeError(f"could not inline Leaflet; is it installed under {VENDOR_DIR}?")
    return html


def export_map(data: Dataset, overlay: Overlay, lang: str, selected: str | None) -> folium.Map:
    """A complete map (base, parks, and the selected park's links) as one folium object, for saving."""
    fmap = build_base_map(data, lang, DEFAULT_TILES)
    build_park_layer(data.parks, overlay, lang).add_to(fmap)
    if selected:  # drawn as on the dashboard: the ring, the park's firms and its links
        build_selection_layer(data, selected, lang).add_to(fmap)
    stamp = html.escape(release_text(data.release, lang))
    fmap.get_root().html.add_child(Element(f'<div class="eip-release" style="{STAMP_STYLE}">{stamp}</div>'))  # type: ignore[attr-defined]
    return localize_assets(fmap)
