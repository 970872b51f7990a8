"""Compare parks: heatmap, ranking, radar and province roll-ups."""

from __future__ import annotations

from eipmap.ui import compare_page, layout

layout.run_screen(compare_page.render)
