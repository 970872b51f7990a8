"""The basemap tile sources a user can pick (their URLs and attributions); no folium, so any screen may import it."""

from __future__ import annotations

TILES = {
    "carto-light": (
        "https://{s}.basemaps.cartocdn.com/light_nolabels/{z}/{x}/{y}{r}.png",
        "&copy; OpenStreetMap contributors &copy; CARTO",
    ),
    "osm": ("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "&copy; OpenStreetMap contributors"),
}
DEFAULT_TILES = "carto-light"
