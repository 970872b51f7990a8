"""Presentation mode: a step-through story for steering-committee meetings on a projector."""

from __future__ import annotations

from eipmap.ui import layout, present_page

layout.run_screen(present_page.render)
