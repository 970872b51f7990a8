"""Map of the parks of the five pilot provinces, coloured by the chosen indicator."""

from __future__ import annotations

from eipmap.ui import layout, map_page, widgets

lang = widgets.language_picker()
data = layout.header_and_data(lang)
if data is not None:
    map_page.render(data, lang)
