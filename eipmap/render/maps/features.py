"""What the main map's own component draws, as plain JSON: features, Leaflet styles and tooltips as text.

The component (``eipmap/ui/park_map.js``) turns these into Leaflet layers. No HTML travels: a tooltip
is a list of lines ``[text, emphasis]`` that the browser writes with ``textContent``, so whatever a
release's names hold is shown as typed — escaped by construction, not by remembering to escape.
The same styles colour the folium maps (``eipmap.render.maps.layers`` imports them from here).
"""

from __future__ import annotations

import math
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
import shapely.geometry

from eipmap.analysis.symbiosis import GROUP_DASH, RESOURCE_COLOURS, arc, arrow_head, link_counts_by_park, park_links
from eipmap.display.overlay import NO_DATA_COLOUR, Overlay
from eipmap.display.panel import links_headline
from eipmap.display.trend import frame_json, layer_series, series_json, trend_frame
from eipmap.domain.dataset import Dataset
from eipmap.domain.models import PILOT_PROVINCE_CODES, LinkGroup, Resource
from eipmap.domain.textnorm import html_text
from eipmap.i18n import fmt_number, t
from eipmap.render.maps.view import label_point

SELECTED_COLOUR = "#00bcd4"
DIMMED_FILL = "#cfcfcf"  # parks a filter leaves out
DIMMED_STYLE = {"fillColor": DIMMED_FILL, "color": "#a0a0a0", "fillOpacity": 0.5, "opacity": 0.6}
CANDIDATE_COLOUR = "#c2185b"  # outside the resource palette: a candidate never looks like a recorded link
CANDIDATE_DASH = "9 4 1 4"  # dash-dot: links are solid, dashed (8 6) or dotted (2 6)
ROUND = 5  # ~1 m
OUTLINE_DECIMALS = 3  # ~110 m: finer than the outlines themselves (simplified at ~400 m)
BACKGROUND_DECIMALS = 3  # neighbouring countries, never looked at closely
LABEL_OFFSET_DEG = 0.12
PILOT_OUTLINE = "#1f3b73"
LAND_COLOUR = "#f4f1ea"
SEA_COLOUR = "#dbe7f0"  # the map background where no tile or land is drawn
BACKGROUND_STYLE = {"fillColor": "#e6e3dc", "color": "#b8b2a6", "weight": 0.6, "fillOpacity": 1}
LAND_STYLE = {"fillColor": LAND_COLOUR, "color": "#c9c3b6", "weight": 0.6, "fillOpacity": 1}
PILOT_STYLE = {"fill": False, "color": PILOT_OUTLINE, "weight": 2.2}
FORMER_STYLE = {"fill": False, "color": PILOT_OUTLINE, "weight": 0.8, "dashArray": "4 4", "opacity": 0.6}

Line = tuple[str, str]  # (text, "b" bold | "i" italic | "" plain)


def tip_html(lines: list[Line]) -> str:
    """The same lines as HTML for folium's tooltips (the other maps): every piece escaped for its template literal."""
    return "<br>".join(f"<{how}>{html_text(text)}</{how}>" if how else html_text(text) for text, how in lines)


def park_radius(area_ha: float, is_demonstration: bool) -> float:
    """Marker radius in pixels: grows with the square root of the area; demonstration parks larger.

    Rounded to half a pixel, so parks share styles (folium writes one style case per distinct style).
    """
    base = 5.0 if math.isnan(area_ha) else min(11.0, 4.0 + math.sqrt(area_ha) / 6.0)
    return round(2 * (base + (2.5 if is_demonstration else 0.0))) / 2


def park_style(p: dict[Any, Any]) -> dict[str, object]:
    """Leaflet path style for one park (a row of the park layer's table)."""
    style: dict[str, object] = {
        "radius": p["radius"],
        "fill": True,
        "fillColor": p["colour"],
        "fillOpacity": 0.92,
        "opacity": 1,
        "color": "#111111" if p["is_demonstration"] else "#4d4d4d",
        "weight": 3 if p["is_demonstration"] else 1.2,
    }
    if p["colour"] == NO_DATA_COLOUR:
        style.update({"color": "#6b6b6b", "dashArray": "3 3", "fillOpacity": 0.85})
    if p.get("is_dimmed"):
        style.update(DIMMED_STYLE)
    if p.get("is_selected"):
        style.update({"color": SELECTED_COLOUR, "weight": 5})
    return style


def park_tip(rec: dict[Any, Any], overlay: Overlay, lang: str) -> list[Line]:
    """A park's hover text: name, province, this year's value with its provenance, and caveats."""
    ind = overlay.indicator
    value = rec["value"]
    shown = (
        t("map.no_data", lang)
        if pd.isna(value)
        else f"{fmt_number(float(value), lang)} {t(f'unit.{ind.unit.value}', lang)}"
    )
    lines: list[Line] = [(str(rec[f"name_{lang}"]), "b"), (str(rec[f"province_name_{lang}"]), "")]
    lines.append((f"{overlay.year}: {shown}", "b"))  # the indicator is named in the legend under the map
    if not pd.isna(value):
        lines.append((t(f"provenance.{rec['provenance']}", lang), ""))
    if rec["is_demonstration"]:
        lines.append((t("map.demonstration_park", lang), ""))
    if rec["location_accuracy"] in ("approximate", "ward_centre"):
        km = fmt_number(float(rec["location_error_km"]), lang, 0)
        lines.append((t(f"map.{rec['location_accuracy']}_location", lang, km=km), ""))
    return lines


def park_table(parks: pd.DataFrame, overlay: Overlay) -> pd.DataFrame:
    """The parks with a location, joined to the overlay, with radius; demonstration parks last (drawn on top)."""
    frame = parks.dropna(subset=["lat", "lon"]).join(overlay.table[["value", "provenance", "colour"]], on="park_id")
    frame["radius"] = [park_radius(a, d) for a, d in zip(frame["area_ha"], frame["is_demonstration"], strict=True)]
    return frame.sort_values("is_demonstration", kind="stable")


def park_features(
    parks: pd.DataFrame, overlay: Overlay, lang: str, links: pd.DataFrame | None = None
) -> list[dict[str, object]]:
    """Every located park: position, id, style, tooltip and its links' counts (dimming is applied in the browser).

    The tooltip and the counts are what the map's card shows the moment a park is clicked, before the server's
    run draws the panel: the same lines the hover shows, and the panel's own headline of the links.
    """
    counts = link_counts_by_park(links) if links is not None else {}
    no_links = t("panel.no_links", lang)
    return [
        {
            "at": [round(rec["lat"], ROUND), round(rec["lon"], ROUND)],
            "id": rec["park_id"],
            "style": park_style(rec),
            "tip": park_tip(rec, overlay, lang),
            "links": links_headline(counts[rec["park_id"]], lang) if rec["park_id"] in counts else no_links,
        }
        for rec in park_table(parks, overlay).to_dict("records")
    ]


def park_layer(data: Dataset, overlay: Overlay, lang: str) -> dict[str, object]:
    """The parks of one indicator, year and language, each with its trend of the indicator for the card.

    The trend is the description the panel's chart is drawn from (``eipmap.display.trend``): the frame once,
    a series per park that has a value of the indicator in any year.
    """
    ind = overlay.indicator
    series = layer_series(data.values, ind, lang, data.years)
    features = park_features(data.parks, overlay, lang, data.links)
    for feature in features:
        own = series.get(str(feature["id"]))
        if own is not None and any(v is not None for v in own.values):
            feature["trend"] = series_json(own)
    return {"parks": features, "trend": frame_json(trend_frame(ind, lang, data.years), lang), "year": overlay.year}


def _polygons(frame: gpd.GeoDataFrame, decimals: int) -> list[object]:
    """Geometries as GeoJSON geometry objects, coordinates rounded."""
    rounded = shapely.transform(frame.geometry.to_numpy(), lambda xy: np.round(xy, decimals))
    return [shapely.geometry.mapping(g) for g in rounded]


def base_features(data: Dataset, lang: str) -> dict[str, object]:
    """Background countries and provinces (below the tiles), pilot and former outlines, labels, archipelagos.

    A layer holds its ``shapes``, or picks them by index (``pick``) from the layer numbered ``of``.
    """
    is_pilot = data.provinces["province_code"].isin(PILOT_PROVINCE_CODES).to_numpy()
    pilot = data.provinces[is_pilot]
    layers = [
        {"pane": "background", "style": BACKGROUND_STYLE, "shapes": _polygons(data.background, BACKGROUND_DECIMALS)},
        {"pane": "background", "style": LAND_STYLE, "shapes": _polygons(data.provinces, OUTLINE_DECIMALS)},
        # the pilot provinces' outlines are the land layer's shapes again: sent once, drawn twice
        {"style": PILOT_STYLE, "of": 1, "pick": [int(i) for i in np.flatnonzero(is_pilot)]},
        {"style": FORMER_STYLE, "shapes": _polygons(data.former_provinces, OUTLINE_DECIMALS)},
    ]
    labels = [
        {"at": label_point(rec["geometry"], LABEL_OFFSET_DEG), "text": rec[f"name_{lang}"], "cls": "eip-province"}
        for rec in pilot.to_dict("records")
    ]
    frames = []
    for rec in data.archipelagos.to_dict("records"):
        s, w, n, e = (float(rec[f"frame_{side}"]) for side in ("south", "west", "north", "east"))
        frames.append([[s, w], [n, e]])
        text = f"{rec[f'name_{lang}']} ({rec['province_vi']})"
        labels.append({"at": (n + 0.5, (w + e) / 2), "text": text, "cls": "eip-archipelago"})
    return {"layers": layers, "labels": labels, "frames": frames}


def _point(lat: float, lon: float) -> list[float]:
    return [round(float(lat), ROUND), round(float(lon), ROUND)]


def link_features(own_links: pd.DataFrame, lang: str) -> list[dict[str, Any]]:
    """The selected park's links: a curved line and an arrow head each; colour = resource, dash = status group."""
    out = []
    for rec in own_links.to_dict("records"):
        points = arc((rec["from_lat"], rec["from_lon"]), (rec["to_lat"], rec["to_lon"]))
        group = LinkGroup(rec["group"])
        names = f"{rec[f'from_name_{lang}']} → {rec[f'to_name_{lang}']}"
        status = f"{t('status.' + str(rec['status']), lang)} · {t('provenance.' + str(rec['provenance']), lang)}"
        tip: list[Line] = [(t("resource." + str(rec["resource"]), lang), "b"), (str(rec[f"description_{lang}"]), "")]
        out.append(
            {
                "line": [_point(*p) for p in points],
                "head": [_point(*p) for p in arrow_head(points)],
                "colour": RESOURCE_COLOURS[Resource(rec["resource"])],
                "opacity": 0.55 if group is LinkGroup.ENDED else 0.95,
                "dash": GROUP_DASH[group],
                "tip": [*tip, (names, ""), (status, "")],
            }
        )
    return out


def firm_tip(rec: dict[Any, Any], lang: str) -> list[Line]:
    """A firm's hover text: name, sector; a placeholder name and its illustrative location said so."""
    tip: list[Line] = [(str(rec[f"name_{lang}"]), "b"), (str(rec["sector"]), "")]
    if not rec["is_named_in_source"]:
        tip.append((t("map.firm_placeholder", lang), "i"))
    tip.append((t("map.firm_location_illustrative", lang), "i"))
    return tip


def firm_features(firms: pd.DataFrame, lang: str) -> list[dict[str, object]]:
    """The selected park's firms as white points; placeholders and illustrative locations said so."""
    return [
        {"at": _point(rec["lat"], rec["lon"]), "id": rec["firm_id"], "tip": firm_tip(rec, lang)}
        for rec in firms.dropna(subset=["lat", "lon"]).to_dict("records")
    ]


def selection_features(data: Dataset, selected: str, lang: str) -> dict[str, object]:
    """The selected park: its ring, firms and links (small; sent with the click's run)."""
    own_firms = data.firms[data.firms["park_id"] == selected]
    park = data.parks[data.parks["park_id"] == selected].dropna(subset=["lat", "lon"])
    ring = None
    if not park.empty:  # a park of another release, or one no source places yet: nothing to ring
        (rec,) = park.to_dict("records")
        radius = park_radius(rec["area_ha"], rec["is_demonstration"]) + 3
        ring = {"at": _point(rec["lat"], rec["lon"]), "radius": radius}
    return {
        "park": selected,
        "ring": ring,
        "links": link_features(park_links(data.links, data.firms, selected), lang),
        "firms": firm_features(own_firms, lang),
    }


def candidate_features(found: pd.DataFrame, lang: str) -> list[dict[str, Any]]:
    """Candidate exchanges (never recorded links): straight dash-dot lines in one colour, no arrow."""
    label = t("map.candidate", lang)
    return [
        {
            "line": [_point(rec["from_lat"], rec["from_lon"]), _point(rec["to_lat"], rec["to_lon"])],
            "tip": [
                (f"{label} #{int(rec['rank'])}", "b"),
                (f"{rec[f'from_name_{lang}']} → {rec[f'to_name_{lang}']}", ""),
                (str(rec[f"stream_{lang}"]), ""),
            ],
        }
        for rec in found.to_dict("records")
    ]
