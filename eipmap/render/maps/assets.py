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

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: installing the assets at start must not load folium
    import folium
    from branca.element import Element

from eipmap import private_api
from eipmap.config import VENDOR_DIR

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


LEAFLET_FILES = ("leaflet.js", "leaflet.css")
INSTALL_HINT = "pip install -r requirements.txt"


class AssetsMissingError(RuntimeError):
    """Leaflet is neither in ``static/vendor/`` nor installable there from its package; the message says the fix."""


def _leaflet_version() -> str:
    import xstatic.pkg.leaflet as xs_leaflet

    return f"Leaflet {xs_leaflet.VERSION} from XStatic-Leaflet {xs_leaflet.PACKAGE_VERSION}\n"


def install_assets(vendor: Path = VENDOR_DIR) -> None:
    """Copy Leaflet (XStatic-Leaflet) and jQuery (XStatic-jQuery, for folium popups) into ``vendor``.

    Idempotent; a copy of the same version is left alone. Raises ``AssetsMissingError``
    naming the fix when a package is missing or the folder cannot be written.
    """
    try:
        import xstatic.pkg.jquery as xs_jquery
        import xstatic.pkg.leaflet as xs_leaflet
    except ImportError as exc:
        raise AssetsMissingError(
            f"the map's Leaflet files are not installed ({exc.name} missing): run `{INSTALL_HINT}`"
        ) from exc
    leaflet = vendor / "leaflet"
    stamp = leaflet / "VERSION"
    installed = stamp.is_file() and stamp.read_text() == _leaflet_version()
    if installed and all((leaflet / f).is_file() for f in LEAFLET_FILES):
        return
    try:
        source = Path(xs_leaflet.BASE_DIR)
        leaflet.mkdir(parents=True, exist_ok=True)
        for name in LEAFLET_FILES:
            shutil.copy2(source / name, leaflet / name)
        shutil.copytree(source / "images", leaflet / "images", dirs_exist_ok=True)
        jquery = vendor / "jquery"
        jquery.mkdir(parents=True, exist_ok=True)
        shutil.copy2(Path(xs_jquery.BASE_DIR) / "jquery.min.js", jquery / "jquery.min.js")
        stamp.write_text(_leaflet_version())  # written last: a half copy is tried again on the next start
    except OSError as exc:
        raise AssetsMissingError(
            f"could not copy Leaflet into {vendor} ({exc.strerror}): make that folder writable, or run "
            "`python scripts/install_assets.py` as a user who can write it"
        ) from exc


class UnservedAssetError(RuntimeError):
    """A map element asks for a script or stylesheet the app does not serve."""


def _walk(element: Element) -> Iterator[Element]:
    yield element
    for child in private_api.children(element):
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
