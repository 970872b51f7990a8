"""Sidebar controls shared by the pages; each returns the user's choice."""

from __future__ import annotations

import os
from dataclasses import dataclass

import streamlit as st

from eipmap.i18n import DEFAULT_LANGUAGE, LANGUAGES, t
from eipmap.loading import Dataset
from eipmap.maps import DEFAULT_TILES, TILES
from eipmap.models import PILOT_PROVINCE_CODES, YEARS, Category, Indicator, IndicatorKind
from eipmap.search import find_parks
from eipmap.ui import state

LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}
DEFAULT_INDICATOR = "D35-37.2c"
DEFAULT_YEAR = 2024
TILES_ENV = "EIPMAP_TILES"


@dataclass(frozen=True)
class OverlayChoice:
    """What the sidebar asks the map to show."""

    indicator: Indicator
    year: int
    province_code: str | None


def language_picker() -> str:
    """The UI language; Vietnamese unless the user switches. Also remembered for the pages."""
    current = current_language()
    lang = st.sidebar.radio(
        "Ngôn ngữ / Language",
        LANGUAGES,
        index=LANGUAGES.index(current),
        format_func=LANGUAGE_NAMES.__getitem__,
        key=state.LANGUAGE_WIDGET,
        horizontal=True,
    )
    st.session_state[state.LANGUAGE] = str(lang)
    return str(lang)


def current_language() -> str:
    """The language chosen in the sidebar (default Vietnamese)."""
    lang = st.session_state.get(state.LANGUAGE, DEFAULT_LANGUAGE)
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def measured_indicators(data: Dataset) -> dict[str, Indicator]:
    """Scored indicators that have at least one value, in catalogue order."""
    has_values = set(data.values["indicator_id"])
    return {k: v for k, v in data.indicators.items() if k in has_values and v.kind is not IndicatorKind.REFERENCE}


def overlay_picker(data: Dataset, lang: str) -> OverlayChoice:
    """Category → indicator → year → province."""
    inds = measured_indicators(data)
    default = inds[DEFAULT_INDICATOR]
    categories = [c for c in Category if any(i.category is c for i in inds.values())]
    st.session_state.setdefault(state.CATEGORY, default.category)
    category = st.sidebar.selectbox(
        t("sidebar.category", lang),
        categories,
        key=state.CATEGORY,
        format_func=lambda c: t(f"category.{c.value}", lang),
    )
    options = [k for k, v in inds.items() if v.category is category]
    if st.session_state.get(state.INDICATOR) not in options:
        st.session_state[state.INDICATOR] = DEFAULT_INDICATOR if DEFAULT_INDICATOR in options else options[0]
    ind_id = st.sidebar.selectbox(
        t("sidebar.indicator", lang), options, key=state.INDICATOR, format_func=lambda k: inds[k].name(lang)
    )
    st.session_state.setdefault(state.YEAR, DEFAULT_YEAR)
    year = st.sidebar.select_slider(t("sidebar.year", lang), options=list(YEARS), key=state.YEAR)
    province = province_picker(data, lang)
    return OverlayChoice(inds[str(ind_id)], int(year), province)


def province_picker(data: Dataset, lang: str) -> str | None:
    """One of the five pilot provinces, or all five (None)."""
    names = data.provinces.set_index("province_code")[f"name_{lang}"]
    options = ["", *PILOT_PROVINCE_CODES]
    code = st.sidebar.selectbox(
        t("sidebar.province", lang),
        options,
        key=state.PROVINCE,
        format_func=lambda c: t("sidebar.all_provinces", lang) if c == "" else str(names[c]),
    )
    return code or None


def park_finder(data: Dataset, lang: str) -> str | None:
    """A search box (diacritics optional) and the matching parks; returns a picked park_id."""
    query = st.sidebar.text_input(
        t("sidebar.park_search", lang), key=state.PARK_QUERY, help=t("sidebar.park_search_help", lang)
    )
    if not query.strip():
        return None
    found = find_parks(data.parks, data.province_merge, query)
    labels = {
        r.park_id: f"{getattr(r, f'name_{lang}')} · {getattr(r, f'province_name_{lang}')}" for r in found.itertuples()
    }
    pick = st.sidebar.radio(
        t("sidebar.park_search", lang),
        list(labels),
        format_func=labels.__getitem__,
        key=state.PARK_PICK,
        index=None,
        label_visibility="collapsed",
    )
    merged = found[found["matched_former"] != ""]
    if not merged.empty:
        new = ", ".join(sorted(set(merged[f"province_name_{lang}"])))
        st.sidebar.caption(t("search.merged_note", lang, old=query.strip(), new=new))
    if found.empty:
        st.sidebar.caption(t("search.none", lang))
    return None if pick is None else str(pick)


def tiles_picker(lang: str) -> str:
    """Basemap: a light public basemap by default, 'none' for the offline vector background."""
    options = [*TILES, "none"]
    default = os.environ.get(TILES_ENV, DEFAULT_TILES)
    st.session_state.setdefault(state.TILES, default if default in options else DEFAULT_TILES)
    with st.sidebar.expander(t("sidebar.tiles", lang)):
        return str(
            st.radio(
                t("sidebar.tiles", lang),
                options,
                key=state.TILES,
                label_visibility="collapsed",
                format_func=lambda k: t(f"tiles.{k.replace('-', '_')}", lang),
            )
        )
