"""eipmap — entry point: page config and navigation (eipmap.ui.layout.run_app). No logic here."""

from __future__ import annotations

from eipmap.ui import layout

layout.run_app()
