"""Data updates: upload, validate, preview and publish (signed-in editors and admins)."""

from __future__ import annotations

from eipmap.ui import layout, update_page

data, lang = layout.start_page()
if data is not None:
    update_page.render(data, lang)
    layout.finish_page(lang)
