"""Compare parks: heatmap, ranking, radar and province roll-ups."""

from __future__ import annotations

from eipmap.ui import compare_page, layout

data, lang = layout.start_page()
if data is not None:
    compare_page.render(data, lang)
    layout.finish_page(lang)
