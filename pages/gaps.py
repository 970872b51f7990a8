"""Which parks fall short of what: combined filters, a greyed map, the gap table and its downloads."""

from __future__ import annotations

from eipmap.ui import gap_page, layout

layout.run_screen(gap_page.render)
