"""Sidebar exports for the steering committee: the PPTX deck and the interactive map as HTML."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import streamlit as st

if TYPE_CHECKING:
    import folium

from eipmap.display.stamp import release_text
from eipmap.domain.dataset import Dataset
from eipmap.i18n import t

PPTX_MIME = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


def _html(map_factory: Callable[[], folium.Map]) -> str:
    from eipmap.render.maps.standalone import standalone_html  # folium loads for this download only

    return standalone_html(map_factory())


def export_controls(
    data: Dataset, lang: str, indicator_id: str, year: int, selected: str | None, map_factory: Callable[[], folium.Map]
) -> None:
    """Two download buttons whose files are built only when clicked."""
    parks = (selected,) if selected else tuple(data.parks.loc[data.parks["is_demonstration"], "park_id"])

    def deck() -> bytes:
        from eipmap.render.deck import DeckSpec, build_deck  # python-pptx and matplotlib load only for an export

        return build_deck(data, DeckSpec(lang, indicator_id, year, parks))

    with st.sidebar.expander(t("deck.export", lang)):
        st.caption(t("deck.parks_note", lang))
        st.caption(release_text(data.release, lang))
        st.download_button(
            t("deck.download", lang),
            data=deck,
            mime=PPTX_MIME,
            file_name=f"eipmap-{indicator_id}-{year}-{lang}-{data.release.slug}.pptx",
            key="deck-pptx",
            width="stretch",
            on_click="ignore",
            icon=":material/slideshow:",
        )
        st.download_button(
            t("deck.html", lang),
            data=lambda: _html(map_factory),
            mime="text/html",
            file_name=f"eipmap-map-{indicator_id}-{year}-{lang}-{data.release.slug}.html",
            key="map-html",
            width="stretch",
            on_click="ignore",
            icon=":material/map:",
        )
