"""Map builders, tested on the folium objects and their rendered HTML."""

from __future__ import annotations

import json
import re
from typing import ClassVar

import folium
import pandas as pd
import pytest

from eipmap.analysis.symbiosis import park_links
from eipmap.display.overlay import NO_DATA_COLOUR, build_overlay
from eipmap.domain.dataset import Dataset
from eipmap.render.maps.assets import LOCAL_ASSETS, UnservedAssetError, localize_assets
from eipmap.render.maps.base import build_base_map
from eipmap.render.maps.features import SELECTED_COLOUR, park_radius
from eipmap.render.maps.layers import build_links_layer, build_park_layer, build_selection_layer
from eipmap.render.maps.view import province_view

XSS = "<img src=x onerror=alert(1)>"


def geojson_children(element: folium.Element) -> list[folium.GeoJson]:
    found = []
    for child in element._children.values():
        if isinstance(child, folium.GeoJson):
            found.append(child)
        found += geojson_children(child)
    return found


def park_features(layer: folium.FeatureGroup) -> list[dict[str, object]]:
    (points,) = [g for g in geojson_children(layer) if g.layer_name == "park-points"]
    return points.data["features"]


def overlay_for(data: Dataset, ind: str = "D35-37.2c", year: int = 2024, lang: str = "vi"):
    return build_overlay(data.values, data.parks["park_id"], data.indicators[ind], year, lang)


def test_base_map_layers_and_no_cdn(dataset: Dataset) -> None:
    fmap = build_base_map(dataset, "vi", "none")
    names = [g.layer_name for g in geojson_children(fmap)]
    assert names == ["background", "provinces-all", "pilot-provinces", "former-provinces"]
    html = fmap.get_root().render()
    assert "cdn.jsdelivr" not in html and "code.jquery" not in html and "cdnjs" not in html
    assert LOCAL_ASSETS["leaflet"] in html
    assert "tile.openstreetmap" not in html and "cartocdn" not in html


def test_base_map_with_tiles_keeps_the_vector_background_underneath(dataset: Dataset) -> None:
    html = build_base_map(dataset, "en", "carto-light").get_root().render()
    assert "cartocdn" in html
    assert '"background"' in html  # custom pane below the tile pane


def test_base_map_is_identical_across_reruns(dataset: Dataset) -> None:
    """The component's identity is a hash of the map script: same inputs, same script."""

    def script(m: folium.Map) -> str:
        return re.sub(r"_[0-9a-f]{32}", "", m.get_root().render())

    assert script(build_base_map(dataset, "vi", "none")) == script(build_base_map(dataset, "vi", "none"))


def label_texts(element: folium.Element) -> list[str]:
    found = []
    for child in element._children.values():
        if isinstance(child, folium.DivIcon):
            found.append(child.options["html"])
        found += label_texts(child)
    return found


def test_archipelagos_labelled_as_vietnamese(dataset: Dataset) -> None:
    vi = " ".join(label_texts(build_base_map(dataset, "vi", "none")))
    en = " ".join(label_texts(build_base_map(dataset, "en", "none")))
    assert "Quần đảo Hoàng Sa (Đà Nẵng)" in vi and "Quần đảo Trường Sa (Khánh Hòa)" in vi
    assert "Hoang Sa (Paracel) Islands (Đà Nẵng)" in en
    assert "Hải Phòng" in vi and "TP. Hồ Chí Minh" in vi


def test_every_park_is_one_feature_with_its_id(dataset: Dataset) -> None:
    feats = park_features(build_park_layer(dataset.parks, overlay_for(dataset), "vi"))
    located = dataset.parks.dropna(subset=["lat", "lon"])
    assert len(located) < len(dataset.parks)  # the shipped data lists parks no source places yet
    assert sorted(f["properties"]["park_id"] for f in feats) == sorted(located["park_id"])  # those are not drawn
    assert all(f["properties"]["kind"] == "park" for f in feats)


def test_park_colour_matches_the_overlay(dataset: Dataset) -> None:
    ov = overlay_for(dataset)
    layer = build_park_layer(dataset.parks, ov, "vi")
    (points,) = [g for g in geojson_children(layer) if g.layer_name == "park-points"]
    feats = {f["properties"]["park_id"]: f["properties"] for f in points.data["features"]}
    fills = {f["properties"]["park_id"]: points.style_function(f)["fillColor"] for f in points.data["features"]}
    for park_id, colour in ov.table["colour"].items():
        assert fills.get(park_id, colour) == colour
    assert set(fills) == set(dataset.parks.dropna(subset=["lat", "lon"])["park_id"])
    no_data = [p for p, c in ov.table["colour"].items() if c == NO_DATA_COLOUR and p in feats]
    assert no_data and all("không có số liệu" in feats[p]["tooltip"] for p in no_data)


def test_no_data_style_is_dashed_and_demonstration_parks_stand_out(dataset: Dataset) -> None:
    layer = build_park_layer(dataset.parks, overlay_for(dataset), "vi", selected="hoa-khanh")
    (points,) = [g for g in geojson_children(layer) if g.layer_name == "park-points"]
    styles = {f["properties"]["park_id"]: points.style_function(f) for f in points.data["features"]}
    ov = overlay_for(dataset)
    gap = next(p for p, c in ov.table["colour"].items() if c == NO_DATA_COLOUR)
    assert styles[gap]["dashArray"] == "3 3"
    assert styles["amata-bien-hoa"]["weight"] > styles["an-duong"]["weight"]
    assert styles["hoa-khanh"]["color"] == "#00bcd4"  # the selected park


def test_tooltip_says_provenance_and_approximate_location(dataset: Dataset) -> None:
    ov = overlay_for(dataset, "KPI-09", 2024, "en")
    feats = {
        f["properties"]["park_id"]: f["properties"] for f in park_features(build_park_layer(dataset.parks, ov, "en"))
    }
    amata = feats["amata-bien-hoa"]["tooltip"]
    assert "86 %" in amata and "Reported figure" in amata and "Approximate location" in amata


def test_data_text_is_escaped(dataset: Dataset) -> None:
    parks = dataset.parks.copy()
    parks.loc[parks["park_id"] == "hoa-khanh", "name_vi"] = XSS
    feats = park_features(build_park_layer(parks, overlay_for(dataset), "vi"))
    tip = next(f["properties"]["tooltip"] for f in feats if f["properties"]["park_id"] == "hoa-khanh")
    assert XSS not in tip and "&lt;img src=x onerror=alert(1)&gt;" in tip


def test_marker_size_follows_area() -> None:
    assert park_radius(100.0, False) < park_radius(1600.0, False)
    assert park_radius(float("nan"), True) > park_radius(float("nan"), False)


def test_links_layer_draws_each_link_with_resource_colour_and_status_dash(dataset: Dataset) -> None:
    own = park_links(dataset.links, dataset.firms, "hoa-khanh")
    layer = build_links_layer(own, dataset.firms[dataset.firms["park_id"] == "hoa-khanh"], "vi")
    lines = [
        c for c in layer._children.values() if isinstance(c, folium.PolyLine) and not isinstance(c, folium.Polygon)
    ]
    assert len(lines) == len(own) == 6
    dashes = {c.options.get("dashArray") for c in lines}
    assert {None, "8 6", "2 6"} <= dashes | {None}
    assert "2 6" in dashes and "8 6" in dashes
    (firms,) = [g for g in geojson_children(layer) if g.layer_name == "firm-points"]
    assert {f["properties"]["kind"] for f in firms.data["features"]} == {"firm"}


def test_province_view_zooms_in(dataset: Dataset) -> None:
    assert province_view(dataset, "48").zoom > province_view(dataset, None).zoom


def test_unknown_asset_is_an_error() -> None:
    class Needy(folium.MacroElement):
        default_js: ClassVar[list[tuple[str, str]]] = [("leaflet_heat", "https://cdn.example/heat.js")]

    fmap = folium.Map(tiles=None)
    fmap.add_child(Needy())
    with pytest.raises(UnservedAssetError, match="leaflet_heat"):
        localize_assets(fmap)


def test_park_layer_geojson_is_valid_json(dataset: Dataset) -> None:
    feats = park_features(build_park_layer(dataset.parks, overlay_for(dataset), "vi"))
    json.dumps(feats)
    assert all(len(f["geometry"]["coordinates"]) == 2 for f in feats)
    assert pd.Series([f["geometry"]["coordinates"][0] for f in feats]).between(102, 110).all()


def test_folium_templates_are_compiled_once() -> None:
    from branca.element import Element

    import eipmap.render.maps.base  # noqa: F401  (installs the shared compilation)

    first, second = Element("<b>{{ this.get_name() }}</b>"), Element("<b>{{ this.get_name() }}</b>")
    assert first._template is second._template  # one compiled template for one source
    assert first.render() != second.render()  # yet each element renders its own name


def test_selection_layer_rings_the_park_and_a_click_on_the_ring_is_the_park(dataset: Dataset) -> None:
    layer = build_selection_layer(dataset, "hoa-khanh", "vi")
    (ring,) = [g for g in geojson_children(layer) if g.layer_name == "selected-park"]
    (feature,) = ring.data["features"]
    assert feature["properties"] == {"park_id": "hoa-khanh", "kind": "park"}
    park = dataset.parks.set_index("park_id").loc["hoa-khanh"]
    assert feature["geometry"]["coordinates"] == pytest.approx([park["lon"], park["lat"]], abs=1e-5)
    style = ring.style_function(feature)
    assert style["color"] == SELECTED_COLOUR and style["fill"] is False
    assert style["radius"] > park_radius(park["area_ha"], park["is_demonstration"])
    lines = [
        c for c in layer._children.values() if isinstance(c, folium.PolyLine) and not isinstance(c, folium.Polygon)
    ]
    assert len(lines) == 6  # the park's links come with it


def test_candidate_lines_escape_what_an_editor_typed_and_never_look_like_links(dataset: Dataset) -> None:
    from eipmap.analysis.opportunities import candidates
    from eipmap.analysis.symbiosis import RESOURCE_COLOURS
    from eipmap.render.maps.features import CANDIDATE_COLOUR
    from eipmap.render.maps.layers import build_candidate_layer

    found = candidates(dataset, "hoa-khanh").head(1).copy()
    found["from_name_vi"] = "<img src=x onerror=alert(1)>"
    fmap = folium.Map()
    build_candidate_layer(found, "vi").add_to(fmap)
    html = fmap.get_root().render()
    assert "<img src=x" not in html and "&lt;img src=x" in html
    assert CANDIDATE_COLOUR not in RESOURCE_COLOURS.values()
