"""Where the data comes from, what is illustrative, and the licences."""

from __future__ import annotations

from eipmap.ui import about_page, layout, widgets

lang = widgets.language_picker()
data = layout.header_and_data(lang)
if data is not None:
    about_page.render(data, lang)
