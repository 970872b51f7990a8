"""EIP certification readiness per park and year, against Decree 35/2022 Art. 37."""

from __future__ import annotations

from eipmap.ui import layout, readiness_page

layout.run_screen(readiness_page.render)
