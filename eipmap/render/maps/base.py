"""The base map: background, tiles, province outlines and archipelagos — the same on every rerun.

``build_base_map`` depends only on the language and the tile setting, so the
streamlit-folium component keeps its identity (and the user's view) while the
selection or indicator changes; the layers that change are in ``eipmap.render.maps.layers``.
"""

from __future__ import annotations

import html
from typing import Any

import folium
import geopandas as gpd
import numpy as np
import shapely
import shapely.geometry
from branca.element import Element, MacroElement
from jinja2 import Template

from eipmap.domain.dataset import Dataset
from eipmap.domain.models import PILOT_PROVINCE_CODES
from eipmap.render.maps import jinja_cache  # noqa: F401  (imported for its effect: compiled templates are shared)
from eipmap.render.maps.assets import STATIC_URL, localize_assets
from eipmap.render.maps.features import (
    BACKGROUND_DECIMALS,
    BACKGROUND_STYLE,
    FORMER_STYLE,
    LABEL_OFFSET_DEG,
    LAND_STYLE,
    OUTLINE_DECIMALS,
    PILOT_STYLE,
    SEA_COLOUR,
)
from eipmap.render.maps.tiles import DEFAULT_TILES, TILES
from eipmap.render.maps.view import NATIONAL_VIEW, label_point


def _features(frame: gpd.GeoDataFrame, decimals: int) -> dict[str, object]:
    """Polygons as a GeoJSON FeatureCollection, coordinates rounded, no properties or bounding boxes.

    The base map is sent on every rerun; this took its outlines from 127 KB to 115 KB.
    """
    rounded = shapely.transform(frame.geometry.to_numpy(), lambda xy: np.round(xy, decimals))
    features = [{"type": "Feature", "properties": {}, "geometry": shapely.geometry.mapping(g)} for g in rounded]
    return {"type": "FeatureCollection", "features": features}


def _label(text: str, latlon: tuple[float, float], css: str) -> folium.Marker:
    """A text label as a DivIcon (no icon images, no extra JS library)."""
    icon = folium.DivIcon(
        html=f'<div class="eip-label {css}">{html.escape(text)}</div>', icon_size=(180, 36), icon_anchor=(90, 18)
    )
    return folium.Marker(latlon, icon=icon, interactive=False)


def _static_layer(
    fmap: folium.Map, features: dict[str, object], style: dict[str, Any], name: str, **extra: Any
) -> None:
    """A drawn-only GeoJSON layer (no clicks, not in the layer control) with one style for every feature."""
    folium.GeoJson(
        features, style_function=lambda _f: style, interactive=False, control=False, name=name, **extra
    ).add_to(fmap)


def _add_background(fmap: folium.Map, data: Dataset) -> None:
    """Neighbouring countries and Viet Nam's provinces in a pane *below* the tiles.

    With tiles reachable they hide it; offline (or with tiles 'none') it is the map.
    """
    folium.map.CustomPane("background", z_index=150).add_to(fmap)
    background = _features(data.background, BACKGROUND_DECIMALS)
    _static_layer(fmap, background, BACKGROUND_STYLE, "background", pane="background")
    land = _features(data.provinces, OUTLINE_DECIMALS)
    _static_layer(fmap, land, LAND_STYLE, "provinces-all", pane="background")


def _add_pilot_outlines(fmap: folium.Map, data: Dataset, lang: str) -> None:
    """The five pilot provinces outlined bold, former provinces dashed, with name labels."""
    pilot = data.provinces[data.provinces["province_code"].isin(PILOT_PROVINCE_CODES)]
    _static_layer(fmap, _features(pilot, OUTLINE_DECIMALS), PILOT_STYLE, "pilot-provinces")
    _static_layer(fmap, _features(data.former_provinces, OUTLINE_DECIMALS), FORMER_STYLE, "former-provinces")
    for rec in pilot.to_dict("records"):
        _label(rec[f"name_{lang}"], label_point(rec["geometry"], LABEL_OFFSET_DEG), "eip-province").add_to(fmap)


def archipelago_frame(rec: dict[str, object]) -> tuple[tuple[float, float], tuple[float, float]]:
    """(south, west), (north, east) of the frame drawn around an archipelago (data/geo/archipelagos.geojson)."""
    s, w, n, e = (float(rec[f"frame_{side}"]) for side in ("south", "west", "north", "east"))  # type: ignore[arg-type]
    return (s, w), (n, e)


def _add_archipelagos(fmap: folium.Map, data: Dataset, lang: str) -> None:
    """Hoàng Sa and Trường Sa framed and labelled as Vietnamese, visible at national zoom."""
    for rec in data.archipelagos.to_dict("records"):
        (s, w), (n, e) = archipelago_frame(rec)
        folium.Rectangle(
            [(s, w), (n, e)], color="#4a5a78", weight=1, dash_array="3 4", fill=False, interactive=False
        ).add_to(fmap)
        label = f"{rec[f'name_{lang}']} ({rec['province_vi']})"
        _label(label, (n + 0.5, (w + e) / 2), "eip-archipelago").add_to(fmap)


class _IconPath(MacroElement):
    """Tell Leaflet where its marker images are; its own detection fails inside the component."""

    _template = Template(
        "{% macro script(this, kwargs) %}L.Icon.Default.imagePath = {{ this.path|tojson }};{% endmacro %}"
    )

    def __init__(self, path: str) -> None:
        super().__init__()
        self._name = "IconPath"
        self.path = path


def _add_css(fmap: folium.Map) -> None:
    css = (
        "<style>.leaflet-container{background:" + SEA_COLOUR + ";font-family:'DejaVu Sans',Arial,sans-serif}"
        ".eip-label{text-align:center;white-space:nowrap;pointer-events:none;text-shadow:0 0 3px #fff,0 0 3px #fff}"
        ".eip-province{font-weight:700;color:#1f3b73;font-size:13px}"
        ".eip-archipelago{color:#24324f;font-size:12px;font-style:italic}"
        ".leaflet-tooltip{font-size:13px;min-width:220px;max-width:360px;white-space:normal}</style>"
    )
    fmap.get_root().header.add_child(Element(css))  # type: ignore[attr-defined]


def build_base_map(data: Dataset, lang: str, tiles: str = DEFAULT_TILES) -> folium.Map:
    """The map every rerun shares: background, tiles (unless 'none'), outlines, archipelagos."""
    fmap = folium.Map(
        location=NATIONAL_VIEW.center,
        zoom_start=NATIONAL_VIEW.zoom,
        tiles=None,
        min_zoom=4,
        max_zoom=18,
        control_scale=True,
    )
    _add_css(fmap)
    fmap.add_child(_IconPath(f"{STATIC_URL}/leaflet/images/"))
    _add_background(fmap, data)
    if tiles in TILES:
        url, attribution = TILES[tiles]
        folium.TileLayer(url, attr=attribution, name=tiles, max_zoom=18, control=False).add_to(fmap)
    _add_pilot_outlines(fmap, data, lang)
    _add_archipelagos(fmap, data, lang)
    return localize_assets(fmap)
