"""Data updates: upload, validate, preview and publish (signed-in editors and admins)."""

from __future__ import annotations

from eipmap.ui import layout, update_page

layout.run_screen(update_page.render)
