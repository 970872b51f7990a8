"""The cached map component sends exactly what st_folium would send for the same map and layers."""

from __future__ import annotations

from typing import Any

import pytest
import streamlit_folium

from eipmap.analysis.symbiosis import park_links
from eipmap.display.overlay import build_overlay
from eipmap.domain.dataset import Dataset
from eipmap.render.maps.base import build_base_map
from eipmap.render.maps.layers import build_links_layer, build_park_layer
from eipmap.ui.map_component import component_args, group_script, render_base

RETURNED = ["last_active_drawing", "last_object_clicked_count"]  # a map that reports clicks


def _layers(data: Dataset, lang: str, selected: str | None) -> list[Any]:
    overlay = build_overlay(data.values, data.parks["park_id"], data.indicators["D35-37.2c"], 2024, lang)
    groups = [build_park_layer(data.parks, overlay, lang, selected)]
    if selected:
        own = data.firms[data.firms["park_id"] == selected]
        groups.append(build_links_layer(park_links(data.links, data.firms, selected), own, lang))
    return groups


def layers_script(groups: list[Any]) -> str:
    """The feature_group argument show_map assembles from its cached layer scripts."""
    return "".join(group_script(g, i) for i, g in enumerate(groups))


def _st_folium_args(monkeypatch: pytest.MonkeyPatch, **kwargs: Any) -> dict[str, Any]:
    sent: dict[str, Any] = {}
    monkeypatch.setattr(streamlit_folium, "_component_func", lambda **kw: sent.update(kw))
    streamlit_folium.st_folium(**kwargs)
    sent.pop("on_change")  # st_folium's own callback; the cached component reads its state instead
    return sent


@pytest.mark.parametrize(
    ("lang", "tiles", "selected", "returned"),
    [
        ("vi", "carto-light", None, RETURNED),
        ("en", "none", "hoa-khanh", RETURNED),
        ("vi", "osm", "deep-c-haiphong-1", []),
    ],
)
def test_arguments_equal_st_folium(
    monkeypatch: pytest.MonkeyPatch, dataset: Dataset, lang: str, tiles: str, selected: str | None, returned: list[str]
) -> None:
    expected = _st_folium_args(
        monkeypatch,
        fig=build_base_map(dataset, lang, tiles),
        key="park_map",
        height=640,
        use_container_width=True,
        returned_objects=returned,
        feature_group_to_add=_layers(dataset, lang, selected),
        center=(16.0, 107.0),
        zoom=6,
    )
    base = render_base(build_base_map(dataset, lang, tiles), "park_map", returned)
    ours = component_args(
        base, layers_script(_layers(dataset, lang, selected)), height=640, center=(16.0, 107.0), zoom=6
    )
    assert ours.keys() == expected.keys()
    for name, value in expected.items():
        assert ours[name] == value, name


def test_layers_do_not_change_the_cached_base_map(dataset: Dataset) -> None:
    fmap = build_base_map(dataset, "vi")
    base = render_base(fmap, "park_map", RETURNED)
    children = list(fmap._children)
    layers_script(_layers(dataset, "vi", "hoa-khanh"))
    assert list(fmap._children) == children
    again = render_base(build_base_map(dataset, "vi"), "park_map", RETURNED)
    assert again == base  # the same map renders to the same arguments (and the same component key)
