"""Where the data comes from, what is illustrative, and the licences."""

from __future__ import annotations

from eipmap.ui import about_page, layout

layout.run_screen(about_page.render)
