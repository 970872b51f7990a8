"""Map of the parks of the five pilot provinces, coloured by the chosen indicator."""

from __future__ import annotations

from eipmap.ui import layout, map_page

layout.run_screen(map_page.render)
