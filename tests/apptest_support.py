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


def park_map(at: AppTest) -> object:
    """The main map's own component (``eipmap.ui.park_map``) in an AppTest tree."""
    (component,) = park_maps(at)
    return component


def park_maps(at: AppTest) -> list[object]:
    """Every instance of the main map's component in an AppTest tree."""
    found = []
    todo = [at._tree]
    while todo:
        node = todo.pop()
        children = getattr(node, "children", None)
        if isinstance(children, dict):
            todo += list(children.values())
        proto = getattr(node, "proto", None)
        if type(node).__name__ == "UnknownElement" and getattr(proto, "component_name", "") == "eipmap_park_map":
            found.append(node)
    return found


def park_map_data(at: AppTest) -> dict[str, object]:
    """What the run sent the main map: layer references, selection, dimmed parks, candidates, view."""
    return json.loads(park_map(at).proto.json)  # type: ignore[attr-defined,no-any-return]


def click_park_map(at: AppTest, park_id: str) -> AppTest:
    """Run as after a click on ``park_id``: the component's trigger value, as the browser sends it.

    AppTest offers no way to send a Components v2 trigger, so the widget state is built here the way
    Streamlit's frontend sends it (the ``events`` trigger of the component's id); the browser tests
    click the real map.
    """
    from streamlit.components.v2.bidi_component.main import _make_trigger_id

    states = at._tree.get_widget_states()
    trigger = states.widgets.add()
    trigger.id = _make_trigger_id(park_map(at).proto.id, "events")  # type: ignore[attr-defined]
    trigger.json_trigger_value = json.dumps([{"event": "park", "value": park_id}])
    return at._run(states)


def park_map_layer(at: AppTest, name: str) -> object:
    """A layer the map was sent by reference (``base``, ``parks``), read where the browser would fetch it."""
    from eipmap.config import REPO_DIR

    ref = park_map_data(at)[name]
    assert isinstance(ref, dict)
    if "inline" in ref:
        return ref["inline"]
    return json.loads((REPO_DIR / str(ref["url"]).removeprefix("/app/")).read_text(encoding="utf-8"))
