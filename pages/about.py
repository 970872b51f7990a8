"""Where the data comes from, what is illustrative, and the licences."""

from __future__ import annotations

from eipmap.ui import about_page, layout

data, lang = layout.start_page()
if data is not None:
    about_page.render(data, lang)
    layout.finish_page(lang)
