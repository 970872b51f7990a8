"""Map of the parks of the five pilot provinces, coloured by the chosen indicator."""

from __future__ import annotations

from eipmap.ui import layout, map_page

data, lang = layout.start_page()
if data is not None:
    map_page.render(data, lang)
    layout.finish_page(lang)
