"""The gap-analysis screen: combined filters → greyed map → gap table → CSV/XLSX."""

from __future__ import annotations

import streamlit as st

from eipmap.analysis.gaps import apply_filter
from eipmap.display.gap_table import display_table
from eipmap.domain.dataset import Dataset
from eipmap.i18n import t
from eipmap.ui.cache import overlay_of, release_key
from eipmap.ui.gap_widgets import gap_filter
from eipmap.ui.map_component import base_map, park_layers, show_map
from eipmap.ui.tables import show_table
from eipmap.ui.widgets import overlay_picker, tiles_picker

GAP_MAP_HEIGHT = 480


def render(data: Dataset, lang: str) -> None:
    """Draw the gap-analysis screen."""
    choice = overlay_picker(data, lang, with_province=False)
    tiles = tiles_picker(lang)
    ind = choice.indicator
    st.header(t("gaps.title", lang), anchor=False)
    st.caption(t("gaps.intro", lang))
    if not ind.applies_in(choice.year):
        st.info(t("gaps.no_target", lang))
    filt = gap_filter(data, ind, choice.year, st, full=True)
    matched = apply_filter(data, filt)
    st.markdown(t("gaps.matched", lang, count=len(matched), indicator=ind.name(lang), year=choice.year))
    overlay = overlay_of(release_key(), ind.indicator_id, choice.year, lang)
    dimmed = frozenset(set(data.parks["park_id"]) - set(matched.index))
    map_col, table_col = st.columns([2, 3], gap="medium")
    with map_col:
        show_map(
            base_map(lang, tiles, "gap_map", []),
            park_layers(data, overlay, lang, dimmed=dimmed),
            height=GAP_MAP_HEIGHT,
        )
    with table_col:
        if matched.empty:
            st.info(t("gaps.none_matched", lang))
            return
        table = display_table(matched, ind, lang, t(f"unit.{ind.unit.value}", lang))
        show_table(
            table,
            lang,
            key="gap-table",
            name=f"gaps-{ind.indicator_id}-{choice.year}",
            height=min(560, 38 + 35 * len(table)),
        )
