"""Contract of the one private-API adapter: pinned versions, and every private name it uses still there."""

from __future__ import annotations

import inspect
from importlib.metadata import version

import folium
import streamlit_folium as sf

from eipmap import private_api
from eipmap.config import REPO_DIR


def test_pins_match_what_is_installed_and_the_requirements() -> None:
    requirements = (REPO_DIR / "requirements.txt").read_text()
    for package, pinned in private_api.PINNED.items():
        assert version(package) == pinned, package
        assert f"{package}=={pinned}" in requirements, package


def test_streamlit_folium_private_helpers_exist_with_their_signatures() -> None:
    for name in ("_get_html", "_get_header", "_get_map_string"):
        assert list(inspect.signature(getattr(sf, name)).parameters) == ["fig"], name
    assert list(inspect.signature(sf._get_feature_group_string).parameters) == ["feature_group_to_add", "map", "idx"]
    assert callable(sf._component_func)


def test_the_adapter_renders_what_st_folium_renders() -> None:
    fmap = folium.Map(tiles=None)
    fmap.get_root().render()
    fmap.render()
    assert "L.map(" in private_api.folium_script(fmap)
    group = folium.FeatureGroup(name="g")
    folium.CircleMarker((16.0, 108.0), radius=4).add_to(group)
    assert "circleMarker" in private_api.feature_group_script(group, folium.Map(tiles=None), 0)


def test_branca_children_are_read_through_the_adapter() -> None:
    group = folium.FeatureGroup(name="g")
    marker = folium.CircleMarker((16.0, 108.0), radius=4).add_to(group)
    assert private_api.children(group) == [marker]


def test_streamlit_pages_flag_exists() -> None:
    from streamlit.runtime.pages_manager import PagesManager

    assert isinstance(PagesManager.uses_pages_directory, bool | None)


def test_no_other_module_uses_a_private_third_party_name() -> None:
    """Private names of streamlit, streamlit_folium, folium or branca appear only in the adapter."""
    offenders = []
    for path in (REPO_DIR / "eipmap").rglob("*.py"):
        if path.name == "private_api.py":
            continue
        text = path.read_text(encoding="utf-8")
        if any(name in text for name in ("sf._", "streamlit_folium._", "streamlit.runtime", "._children")):
            offenders.append(path.name)
    assert offenders == []
