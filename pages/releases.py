"""Release history, "data as of" an earlier release, and rollback for admins."""

from __future__ import annotations

from eipmap.ui import layout, releases_page

layout.run_screen(releases_page.render)
