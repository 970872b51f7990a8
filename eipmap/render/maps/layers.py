"""The map layers that change between reruns: parks coloured by the overlay, and the selected park's links.

Each is a FeatureGroup passed to the component's ``feature_group``; the map page caches
each layer's script per view (``eipmap.ui.map_component``), so a click renders only the
small selection layer.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import folium
import pandas as pd

from eipmap.analysis.symbiosis import park_links
from eipmap.display.overlay import Overlay
from eipmap.domain.dataset import Dataset
from eipmap.render.maps.features import (
    CANDIDATE_COLOUR,
    CANDIDATE_DASH,
    SELECTED_COLOUR,
    candidate_features,
    firm_tip,
    link_features,
    park_radius,
    park_style,
    park_tip,
    tip_html,
)

ROUND = 5


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


def add_points(
    group: folium.FeatureGroup,
    frame: pd.DataFrame,
    properties: list[str],
    style: Callable[[dict[str, Any]], dict[str, object]],
    *,
    name: str,
    radius: float,
    sticky: bool = False,
) -> folium.FeatureGroup:
    """Add ``frame``'s rows as circle markers to ``group``; an empty frame adds nothing.

    Every layer builder goes through here, so "no parks", "no firms" and "no links" are ordinary
    cases, not errors: folium refuses a tooltip field over an empty FeatureCollection. A
    ``tooltip`` column, when ``properties`` names it, becomes the hover text. A row without a
    location (a park no source places yet) is not drawn: it is never put at an invented point.
    """
    frame = frame.dropna(subset=["lat", "lon"])
    if frame.empty:
        return group
    tooltip = (
        folium.GeoJsonTooltip(fields=["tooltip"], labels=False, sticky=sticky) if "tooltip" in properties else None
    )
    folium.GeoJson(
        _geojson_of(frame, properties),
        marker=folium.CircleMarker(radius=radius),
        style_function=style,
        tooltip=tooltip,
        name=name,
    ).add_to(group)
    return group


def build_park_layer(
    parks: pd.DataFrame, overlay: Overlay, lang: str, selected: str | None = None, dimmed: frozenset[str] = frozenset()
) -> folium.FeatureGroup:
    """All parks as one GeoJson layer coloured by the overlay; ``park_id`` in every feature."""
    frame = parks.join(overlay.table[["value", "provenance", "colour"]], on="park_id")
    frame["tooltip"] = [tip_html(park_tip(rec, overlay, lang)) for rec in frame.to_dict("records")]
    frame["kind"] = "park"
    frame["radius"] = [park_radius(a, d) for a, d in zip(frame["area_ha"], frame["is_demonstration"], strict=True)]
    frame["is_selected"] = frame["park_id"] == selected
    frame["is_dimmed"] = frame["park_id"].isin(dimmed)
    # demonstration parks drawn last, so they are on top
    frame = frame.sort_values(["is_demonstration", "is_selected"])
    styles = {rec["park_id"]: park_style(rec) for rec in frame.to_dict("records")}
    group = folium.FeatureGroup(name="parks", control=False)
    # the browser needs no more than id, kind and tooltip; styles are written out
    return add_points(
        group,
        frame,
        ["park_id", "kind", "tooltip"],
        lambda f: styles[f["properties"]["park_id"]],
        name="park-points",
        radius=7,
    )


def build_links_layer(own_links: pd.DataFrame, firms: pd.DataFrame, lang: str) -> folium.FeatureGroup:
    """The selected park's firms and links: colour = resource, dash = status group, arrow = direction."""
    group = folium.FeatureGroup(name="links", control=False)
    for link in link_features(own_links, lang):
        colour, opacity = link["colour"], link["opacity"]
        tip = folium.Tooltip(tip_html(link["tip"]), sticky=True)
        folium.PolyLine(
            link["line"], color=colour, weight=4, opacity=opacity, dash_array=link["dash"], tooltip=tip
        ).add_to(group)
        folium.Polygon(
            link["head"], color=colour, weight=1, fill=True, fill_color=colour, fill_opacity=opacity, opacity=opacity
        ).add_to(group)
    frame = firms.copy()
    frame["kind"] = "firm"
    frame["tooltip"] = [tip_html(firm_tip(r, lang)) for r in frame.to_dict("records")]
    style = {"radius": 5, "fill": True, "fillColor": "#ffffff", "color": "#222222", "weight": 2, "fillOpacity": 1}
    return add_points(group, frame, ["firm_id", "kind", "tooltip"], lambda _f: style, name="firm-points", radius=5)


def build_selection_layer(data: Dataset, selected: str, lang: str) -> folium.FeatureGroup:
    """The selected park: a ring around its point, its firms and its links (small, built per click).

    The ring is a park feature itself (same ``park_id``), so a click on it is a click on the park.
    """
    own_firms = data.firms[data.firms["park_id"] == selected]
    group = build_links_layer(park_links(data.links, data.firms, selected), own_firms, lang)
    park = data.parks[data.parks["park_id"] == selected].assign(kind="park")
    if park.empty:  # a park of another release, or a stale link: nothing to ring
        return group
    (rec,) = park.to_dict("records")
    radius = park_radius(rec["area_ha"], rec["is_demonstration"]) + 3
    ring = {
        "radius": radius,
        "color": SELECTED_COLOUR,
        "weight": 4,
        "fill": False,
    }
    return add_points(group, park, ["park_id", "kind"], lambda _f: ring, name="selected-park", radius=radius)


def build_candidate_layer(found: pd.DataFrame, lang: str) -> folium.FeatureGroup:
    """Candidate exchanges (never recorded links): straight dash-dot lines in one colour on a white halo, no arrow."""
    group = folium.FeatureGroup(name="candidates", control=False)
    for candidate in candidate_features(found, lang):
        folium.PolyLine(candidate["line"], color="#ffffff", weight=7, opacity=0.85).add_to(group)  # the halo
        folium.PolyLine(
            candidate["line"],
            color=CANDIDATE_COLOUR,
            weight=2.5,
            opacity=0.9,
            dash_array=CANDIDATE_DASH,
            tooltip=folium.Tooltip(tip_html(candidate["tip"]), sticky=True),
        ).add_to(group)
    return group
