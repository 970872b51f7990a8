"""Map builders: a base map that stays the same across reruns, and the layers that change.

``build_base_map`` depends only on the language and the tile setting, so the
streamlit-folium component keeps its identity (and the user's view) while the
selection or indicator changes; ``build_park_layer`` and ``build_links_layer``
return FeatureGroups passed through ``feature_group_to_add``.
"""

from __future__ import annotations

import html
import math
from typing import Any

import folium
import pandas as pd
from branca.element import Element, MacroElement
from jinja2 import Template

from eipmap import jinja_cache  # noqa: F401  (imported for its effect: compiled templates are shared)
from eipmap.assets import STATIC_URL, localize_assets
from eipmap.i18n import fmt_number, t
from eipmap.loading import Dataset
from eipmap.mapview import NATIONAL_VIEW, label_point
from eipmap.models import PILOT_PROVINCE_CODES, LinkGroup, Resource
from eipmap.overlay import NO_DATA_COLOUR, Overlay
from eipmap.symbiosis import GROUP_DASH, RESOURCE_COLOURS, arc, arrow_head

TILES = {
    "carto-light": (
        "https://{s}.basemaps.cartocdn.com/light_nolabels/{z}/{x}/{y}{r}.png",
        "&copy; OpenStreetMap contributors &copy; CARTO",
    ),
    "osm": ("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "&copy; OpenStreetMap contributors"),
}
DEFAULT_TILES = "carto-light"
SEA_COLOUR = "#dbe7f0"
LAND_COLOUR = "#f4f1ea"
PILOT_OUTLINE = "#1f3b73"
ROUND = 5
LABEL_OFFSET_DEG = 0.12
ARCHIPELAGO_FRAMES = {"hoang-sa": ((15.7, 111.1), (17.2, 112.9)), "truong-sa": ((6.6, 111.5), (11.6, 116.0))}


def _geojson_of(frame: pd.DataFrame, properties: list[str]) -> dict[str, object]:
    """Point features from lat/lon columns, coordinates rounded to 5 decimals (~1 m)."""
    features = [
        {
            "type": "Feature",
            "properties": {p: rec[p] for p in properties},
            "geometry": {"type": "Point", "coordinates": [round(rec["lon"], ROUND), round(rec["lat"], ROUND)]},
        }
        for rec in frame.to_dict("records")
    ]
    return {"type": "FeatureCollection", "features": features}


def _label(text: str, latlon: tuple[float, float], css: str) -> folium.Marker:
    """A text label as a DivIcon (no icon images, no extra JS library)."""
    icon = folium.DivIcon(
        html=f'<div class="eip-label {css}">{html.escape(text)}</div>', icon_size=(180, 36), icon_anchor=(90, 18)
    )
    return folium.Marker(latlon, icon=icon, interactive=False)


def _add_background(fmap: folium.Map, data: Dataset) -> None:
    """Neighbouring countries and Viet Nam's provinces in a pane *below* the tiles.

    With tiles reachable they hide it; offline (or with tiles 'none') it is the map.
    """
    folium.map.CustomPane("background", z_index=150).add_to(fmap)
    style = {"fillColor": "#e6e3dc", "color": "#b8b2a6", "weight": 0.6, "fillOpacity": 1}
    folium.GeoJson(
        data.background.__geo_interface__,
        style_function=lambda _f: style,
        pane="background",
        interactive=False,
        control=False,
        name="background",
    ).add_to(fmap)
    land = {"fillColor": LAND_COLOUR, "color": "#c9c3b6", "weight": 0.6, "fillOpacity": 1}
    folium.GeoJson(
        data.provinces[["province_code", "geometry"]].__geo_interface__,
        style_function=lambda _f: land,
        pane="background",
        interactive=False,
        control=False,
        name="provinces-all",
    ).add_to(fmap)


def _add_pilot_outlines(fmap: folium.Map, data: Dataset, lang: str) -> None:
    """The five pilot provinces outlined bold, former provinces dashed, with name labels."""
    pilot = data.provinces[data.provinces["province_code"].isin(PILOT_PROVINCE_CODES)]
    outline = {"fill": False, "color": PILOT_OUTLINE, "weight": 2.2}
    folium.GeoJson(
        pilot[["province_code", "geometry"]].__geo_interface__,
        style_function=lambda _f: outline,
        interactive=False,
        control=False,
        name="pilot-provinces",
    ).add_to(fmap)
    former = {"fill": False, "color": PILOT_OUTLINE, "weight": 0.8, "dashArray": "4 4", "opacity": 0.6}
    folium.GeoJson(
        data.former_provinces[["old_code", "geometry"]].__geo_interface__,
        style_function=lambda _f: former,
        interactive=False,
        control=False,
        name="former-provinces",
    ).add_to(fmap)
    for rec in pilot.to_dict("records"):
        _label(rec[f"name_{lang}"], label_point(rec["geometry"], LABEL_OFFSET_DEG), "eip-province").add_to(fmap)


def _add_archipelagos(fmap: folium.Map, data: Dataset, lang: str) -> None:
    """Hoàng Sa and Trường Sa framed and labelled as Vietnamese, visible at national zoom."""
    for rec in data.archipelagos.to_dict("records"):
        (s, w), (n, e) = ARCHIPELAGO_FRAMES[rec["id"]]
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


def park_radius(area_ha: float, is_demonstration: bool) -> float:
    """Marker radius in pixels: grows with the square root of the area; demonstration parks larger."""
    base = 5.0 if math.isnan(area_ha) else min(11.0, 4.0 + math.sqrt(area_ha) / 6.0)
    return base + (2.5 if is_demonstration else 0.0)


def _park_tooltip(rec: dict[Any, Any], overlay: Overlay, lang: str) -> str:
    """Tooltip HTML; every data-derived piece is escaped."""
    ind = overlay.indicator
    value = rec["value"]
    shown = (
        t("map.no_data", lang)
        if pd.isna(value)
        else f"{fmt_number(float(value), lang)} {t(f'unit.{ind.unit.value}', lang)}"
    )
    lines = [
        f"<b>{html.escape(str(rec[f'name_{lang}']))}</b>",
        html.escape(str(rec[f"province_name_{lang}"])),
        f"{html.escape(ind.name(lang))} ({overlay.year}): <b>{html.escape(shown)}</b>",
    ]
    if not pd.isna(value):
        lines.append(t(f"provenance.{rec['provenance']}", lang))
    if rec["is_demonstration"]:
        lines.append(t("map.demonstration_park", lang))
    if rec["location_accuracy"] == "approximate":
        lines.append(t("map.approximate_location", lang, km=fmt_number(float(rec["location_error_km"]), lang, 0)))
    return "<br>".join(lines)


def build_park_layer(
    parks: pd.DataFrame, overlay: Overlay, lang: str, selected: str | None = None, dimmed: frozenset[str] = frozenset()
) -> folium.FeatureGroup:
    """All parks as one GeoJson layer coloured by the overlay; ``park_id`` in every feature."""
    frame = parks.join(overlay.table[["value", "provenance", "colour"]], on="park_id")
    frame["tooltip"] = [_park_tooltip(rec, overlay, lang) for rec in frame.to_dict("records")]
    frame["kind"] = "park"
    frame["radius"] = [park_radius(a, d) for a, d in zip(frame["area_ha"], frame["is_demonstration"], strict=True)]
    frame["is_selected"] = frame["park_id"] == selected
    frame["is_dimmed"] = frame["park_id"].isin(dimmed)
    # demonstration parks drawn last, so they are on top
    frame = frame.sort_values(["is_demonstration", "is_selected"])
    data = _geojson_of(
        frame, ["park_id", "kind", "tooltip", "colour", "radius", "is_demonstration", "is_selected", "is_dimmed"]
    )
    group = folium.FeatureGroup(name="parks", control=False)
    folium.GeoJson(
        data,
        marker=folium.CircleMarker(radius=7),
        style_function=_park_style,
        tooltip=folium.GeoJsonTooltip(fields=["tooltip"], labels=False, sticky=False),
        name="park-points",
    ).add_to(group)
    return group


def _park_style(feature: dict[str, dict[str, object]]) -> dict[str, object]:
    """Leaflet path style for one park feature."""
    p = feature["properties"]
    no_data = p["colour"] == NO_DATA_COLOUR
    style: dict[str, object] = {
        "radius": p["radius"],
        "fill": True,
        "fillColor": p["colour"],
        "fillOpacity": 0.92,
        "opacity": 1,
        "color": "#111111" if p["is_demonstration"] else "#4d4d4d",
        "weight": 3 if p["is_demonstration"] else 1.2,
    }
    if no_data:
        style.update({"color": "#6b6b6b", "dashArray": "3 3", "fillOpacity": 0.85})
    if p["is_dimmed"]:
        style.update({"fillColor": "#cfcfcf", "color": "#a0a0a0", "fillOpacity": 0.5, "opacity": 0.6})
    if p["is_selected"]:
        style.update({"color": "#00bcd4", "weight": 5})
    return style


def _link_tooltip(rec: dict[Any, Any], lang: str) -> str:
    names = f"{html.escape(str(rec[f'from_name_{lang}']))} → {html.escape(str(rec[f'to_name_{lang}']))}"
    resource = t("resource." + str(rec["resource"]), lang)
    status = t("status." + str(rec["status"]), lang)
    provenance = t("provenance." + str(rec["provenance"]), lang)
    description = html.escape(str(rec[f"description_{lang}"]))
    lines = [f"<b>{resource}</b>: {description}", names, f"{status} · {provenance}"]
    return "<br>".join(lines)


def build_links_layer(own_links: pd.DataFrame, firms: pd.DataFrame, lang: str) -> folium.FeatureGroup:
    """The selected park's firms and links: colour = resource, dash = status group, arrow = direction."""
    group = folium.FeatureGroup(name="links", control=False)
    for rec in own_links.to_dict("records"):
        points = arc((rec["from_lat"], rec["from_lon"]), (rec["to_lat"], rec["to_lon"]))
        colour = RESOURCE_COLOURS[Resource(rec["resource"])]
        link_group = LinkGroup(rec["group"])
        opacity = 0.55 if link_group is LinkGroup.ENDED else 0.95
        tip = folium.Tooltip(_link_tooltip(rec, lang), sticky=True)
        folium.PolyLine(
            points, color=colour, weight=4, opacity=opacity, dash_array=GROUP_DASH[link_group], tooltip=tip
        ).add_to(group)
        folium.Polygon(
            arrow_head(points),
            color=colour,
            weight=1,
            fill=True,
            fill_color=colour,
            fill_opacity=opacity,
            opacity=opacity,
        ).add_to(group)
    frame = firms.copy()
    frame["kind"] = "firm"
    frame["tooltip"] = [
        f"<b>{html.escape(str(r[f'name_{lang}']))}</b><br>{html.escape(str(r['sector']))}"
        + ("" if r["is_named_in_source"] else f"<br><i>{t('map.firm_placeholder', lang)}</i>")
        + f"<br><i>{t('map.firm_location_illustrative', lang)}</i>"
        for r in frame.to_dict("records")
    ]
    style = {"radius": 5, "fill": True, "fillColor": "#ffffff", "color": "#222222", "weight": 2, "fillOpacity": 1}
    folium.GeoJson(
        _geojson_of(frame, ["firm_id", "kind", "tooltip"]),
        marker=folium.CircleMarker(radius=5),
        style_function=lambda _f: style,
        tooltip=folium.GeoJsonTooltip(fields=["tooltip"], labels=False),
        name="firm-points",
    ).add_to(group)
    return group
