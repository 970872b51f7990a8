"""Reading the streamlit-folium component out of an AppTest tree (used by the page tests and the benchmark)."""

from __future__ import annotations

import json

from streamlit.testing.v1 import AppTest


def folium_components(node: object) -> list[object]:
    """Every streamlit-folium element below ``node`` (AppTest shows components as UnknownElement)."""
    found = []
    children = getattr(node, "children", None)
    if isinstance(children, dict):
        for child in children.values():
            found += folium_components(child)
    proto = getattr(node, "proto", None)
    if type(node).__name__ == "UnknownElement" and "streamlit_folium" in str(getattr(proto, "component_name", "")):
        found.append(node)
    return found


def map_args(at: AppTest) -> dict[str, object]:
    """The arguments the one map on the page was rendered with (script, feature groups, key …)."""
    (component,) = folium_components(at._tree)
    return json.loads(component.proto.json_args)  # type: ignore[attr-defined,no-any-return]
