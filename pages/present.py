"""Presentation mode: a step-through story for steering-committee meetings on a projector."""

from __future__ import annotations

from eipmap.ui import layout, present_page

data, lang = layout.start_page()
if data is not None:
    present_page.render(data, lang)
    layout.finish_page(lang)
