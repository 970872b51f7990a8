"""Release history, "data as of" an earlier release, and rollback for admins."""

from __future__ import annotations

from eipmap.ui import layout, releases_page

data, lang = layout.start_page()
if data is not None:
    releases_page.render(data, lang)
    layout.finish_page(lang)
