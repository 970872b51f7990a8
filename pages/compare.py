"""Compare parks: heatmap, ranking, radar and province roll-ups."""

from __future__ import annotations

from eipmap.ui import compare_page, layout, widgets

lang = widgets.language_picker()
data = layout.header_and_data(lang)
if data is not None:
    compare_page.render(data, lang)
