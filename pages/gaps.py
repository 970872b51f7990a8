"""Which parks fall short of what: combined filters, a greyed map, the gap table and its downloads."""

from __future__ import annotations

from eipmap.ui import gap_page, layout

data, lang = layout.start_page()
if data is not None:
    gap_page.render(data, lang)
    layout.finish_page(lang)
