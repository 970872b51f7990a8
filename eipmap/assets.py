"""Serve Leaflet from the app itself: no CDN at run time.

folium points every element's ``default_js`` / ``default_css`` at public CDNs,
and streamlit-folium loads each of them in the map iframe; on a closed network
one failed load leaves the map blank with no error. ``localize_assets`` rewrites
those links to the copy that ``scripts/install_assets.py`` placed under
``static/vendor/`` (served by Streamlit at ``/app/static/vendor/``) and drops the
libraries the dashboard does not use (jQuery, Bootstrap, Font Awesome,
awesome-markers). An element that needs anything else is an error, caught by tests.
"""

from __future__ import annotations

from collections.abc import Iterator

import folium
from branca.element import Element

STATIC_URL = "/app/static/vendor"
LOCAL_ASSETS: dict[str, str] = {
    "leaflet": f"{STATIC_URL}/leaflet/leaflet.js",
    "leaflet_css": f"{STATIC_URL}/leaflet/leaflet.css",
    "jquery": f"{STATIC_URL}/jquery/jquery.min.js",
}
# jQuery is served for maps with folium popups (the benchmark's baseline); the dashboard's maps use none.
UNUSED_ASSETS = frozenset(
    {
        "jquery",
        "bootstrap",
        "awesome_markers",
        "bootstrap_css",
        "glyphicons_css",
        "awesome_markers_font_css",
        "awesome_markers_css",
        "awesome_rotate_css",
    }
)


class UnservedAssetError(RuntimeError):
    """A map element asks for a script or stylesheet the app does not serve."""


def _walk(element: Element) -> Iterator[Element]:
    yield element
    for child in element._children.values():
        yield from _walk(child)


def _rewrite(pairs: list[tuple[str, str]], owner: str, keep: frozenset[str]) -> list[tuple[str, str]]:
    out = []
    for name, _url in pairs:
        if name in UNUSED_ASSETS and name not in keep:
            continue
        if name not in LOCAL_ASSETS:
            raise UnservedAssetError(f"{owner} needs asset {name!r}, which is not served locally")
        out.append((name, LOCAL_ASSETS[name]))
    return out


def localize_assets(fmap: folium.Map, *extra: Element, keep: frozenset[str] = frozenset()) -> folium.Map:
    """Point every JS/CSS link of the map (and of extra layers) at the app's own copy.

    ``keep`` names otherwise-dropped libraries the map does need (e.g. ``jquery`` for popups).
    """
    for root in (fmap, *extra):
        for element in _walk(root):
            for attr in ("default_js", "default_css"):
                pairs = getattr(element, attr, None)
                if pairs:
                    # set on the instance: the class attribute stays as folium ships it
                    setattr(element, attr, _rewrite(list(pairs), type(element).__name__, keep))
    return fmap
