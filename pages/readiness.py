"""EIP certification readiness per park and year, against Decree 35/2022 Art. 37."""

from __future__ import annotations

from eipmap.ui import layout, readiness_page

data, lang = layout.start_page()
if data is not None:
    readiness_page.render(data, lang)
    layout.finish_page(lang)
