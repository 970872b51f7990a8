"""Session-state keys, defined once."""

from __future__ import annotations

LANGUAGE = "lang"
LANGUAGE_WIDGET = "lang_widget"
SELECTED_PARK = "selected_park"
MAP_VIEW = "map_view"
LAST_PROVINCE = "_last_province"  # the province whose view the map was last moved to
LAST_PICK = "_last_pick"  # the park last picked in the search box
PROVINCE = "province"
CATEGORY = "category"
INDICATOR = "indicator"
YEAR = "year"
PARK_QUERY = "park_query"
PARK_PICK = "park_pick"
TILES = "tiles"
MAP_KEY = "park_map"
GAP_PROVINCES = "gap_provinces"
GAP_DEMO = "gap_demo"
GAP_BELOW = "gap_below"
GAP_MIN_PCT = "gap_min_pct"
GAP_MIN_FAILED = "gap_min_failed"
GAP_NO_DATA = "gap_no_data"
READINESS_PARK = "readiness_park"
COMPARE_PARK = "compare_park"
PRESENT_STEP = "present_step"
AS_OF = "as_of"  # release chosen under "data as of" (None: the newest)
ACCOUNT = "_account"  # the signed-in account (eipmap.releases.accounts.Account)
LAST_SEEN = "_last_seen"  # when the signed-in session was last active
UPLOAD = "_upload"  # the checked upload waiting to be published
CURRENT_PAGE = "_current_page"  # url path of the page being drawn ("" for the map)


def widget_key(name: str, lang: str) -> str:
    """Key of the widget that edits view-state ``name`` in language ``lang``."""
    return f"w.{name}.{lang}"
