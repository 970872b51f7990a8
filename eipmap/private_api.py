"""The one adapter for private APIs of third-party packages, pinned and contract-tested (tests/test_private_api.py).

Nothing else in eipmap touches a private attribute. streamlit and streamlit_folium are imported inside
the functions that need them (this is the one module outside ``eipmap/ui`` allowed to name them), so the
pure modules that walk folium elements through it do not load Streamlit. Each use says why no public way exists:

* ``streamlit_folium``'s rendering helpers (``_get_html``, ``_get_header``, ``_get_map_string``,
  ``_get_feature_group_string``) and its component (``_component_func``): ``st_folium`` renders the whole
  map on every rerun (≈ 200 KB of province outlines); rendering the base map and each layer once and
  passing the cached strings to the same component needs these. A test asserts the arguments equal
  what ``st_folium`` sends for the same map (tests/ui/test_map_component.py).
* branca's ``Element._children``: the only way to walk a folium map's elements (to list the scripts and
  stylesheets they need, and to point them at the local Leaflet copy).
* Streamlit's ``PagesManager.uses_pages_directory``: with a folder named ``pages/`` (the product's agreed
  layout) Streamlit runs a deep-linked page file directly, without ``app.py``, until ``st.navigation``
  has run once in the process. Streamlit has no public switch for it.

The pins below must equal requirements.txt; the contract test fails on an upgrade until this module is
checked against the new version.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # only for annotations: importing this module must not load folium (the map page needs none)
    import folium

PINNED = {"streamlit": "1.67.0", "streamlit-folium": "0.27.4", "branca": "0.8.2"}


def _sf() -> Any:
    import streamlit_folium

    return streamlit_folium


def folium_html(fmap: folium.Map) -> str:
    """The map's HTML as ``st_folium`` sends it."""
    return str(_sf()._get_html(fmap))


def folium_header(fmap: folium.Map) -> str:
    """The map's header (styles, scripts) as ``st_folium`` sends it."""
    return str(_sf()._get_header(fmap))


def folium_script(fmap: folium.Map) -> str:
    """The map's JavaScript as ``st_folium`` sends it."""
    return str(_sf()._get_map_string(fmap))


def feature_group_script(group: folium.FeatureGroup, fmap: folium.Map, idx: int) -> str:
    """The JavaScript that adds ``group`` to the component's map, as ``st_folium(feature_group_to_add=…)`` writes it."""
    return str(_sf()._get_feature_group_string(group, map=fmap, idx=idx))


def draw_folium_component(**args: Any) -> Any:
    """streamlit-folium's component itself, called with the arguments ``st_folium`` would build."""
    return _sf()._component_func(**args)


def children(element: object) -> list[Any]:
    """A branca element's children: branca keeps them in ``_children`` and offers no public accessor."""
    return list(getattr(element, "_children", {}).values())


def leave_pages_directory_mode() -> bool:
    """True (and the flag cleared) when Streamlit was treating ``pages/`` as an old-style multipage app."""
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        return True
    return False
