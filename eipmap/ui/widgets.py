"""Sidebar controls shared by the pages; each returns the user's choice."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

import streamlit as st

from eipmap.analysis.readiness import Card, Readiness
from eipmap.analysis.search import find_parks
from eipmap.display.readiness_view import verdict_text
from eipmap.domain.dataset import Dataset
from eipmap.domain.models import Category, Indicator
from eipmap.domain.textnorm import escape_markdown
from eipmap.i18n import DEFAULT_LANGUAGE, LANGUAGES, t
from eipmap.render.maps.tiles import DEFAULT_TILES, TILES
from eipmap.ui import state

LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}
TILES_ENV = "EIPMAP_TILES"
T = TypeVar("T")


@dataclass(frozen=True)
class OverlayChoice:
    """What the sidebar asks the map to show."""

    indicator: Indicator
    year: int
    province_code: str | None


def remember(name: str, widget_key: str) -> None:
    """Widget callback: copy the widget's value to the view state before the rerun starts."""
    st.session_state[name] = st.session_state[widget_key]


def _current(name: str, options: Sequence[T], default: T) -> T:
    """The remembered choice if it is still an option, else the default, else the first option.

    A dataset without the default (another release, the national dataset) still opens.
    """
    value = st.session_state.get(name, default)
    if value in options:
        return value
    return default if default in options or not options else options[0]


def _select(name: str, label: str, options: Sequence[T], default: T, fmt: Callable[[T], str]) -> T:
    """A sidebar selectbox whose choice survives a language switch.

    The chosen value lives in the view state under ``name``; the widget itself is keyed per
    language (its label changes with the language, which would otherwise reset it).
    """
    lang = current_language()
    key = state.widget_key(name, lang)
    current = _current(name, options, default)
    value = st.sidebar.selectbox(
        label,
        options,
        index=list(options).index(current),
        key=key,
        format_func=fmt,
        on_change=remember,
        args=(name, key),
    )
    st.session_state[name] = value
    return value


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
        on_change=remember,
        args=(state.LANGUAGE, state.LANGUAGE_WIDGET),
    )
    st.session_state[state.LANGUAGE] = str(lang)
    return str(lang)


def current_language() -> str:
    """The language chosen in the sidebar (default Vietnamese)."""
    lang = st.session_state.get(state.LANGUAGE, DEFAULT_LANGUAGE)
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def measured_indicators(data: Dataset) -> dict[str, Indicator]:
    """Scored indicators that have at least one value, in catalogue order."""
    return data.measured_indicators


def overlay_picker(data: Dataset, lang: str, *, with_province: bool = True) -> OverlayChoice:
    """Category → indicator → year (→ province)."""
    inds = measured_indicators(data)
    default = inds[data.default_indicator]
    categories = [c.value for c in Category if any(i.category is c for i in inds.values())]
    category = _select(
        state.CATEGORY,
        t("sidebar.category", lang),
        categories,
        default.category.value,
        lambda c: t(f"category.{c}", lang),
    )
    options = [k for k, v in inds.items() if v.category.value == category]
    ind_id = _select(
        state.INDICATOR,
        t("sidebar.indicator", lang),
        options,
        data.default_indicator if data.default_indicator in options else options[0],
        lambda k: inds[k].name(lang),
    )
    year = year_picker(data, lang)
    province = province_picker(data, lang) if with_province else None
    return OverlayChoice(inds[ind_id], int(year), province)


def chosen_indicator(data: Dataset) -> str:
    """The indicator the session chose, if the dataset measures it; else the default, else the first measured."""
    inds = measured_indicators(data)
    chosen = st.session_state.get(state.INDICATOR)
    if chosen in inds:
        return str(chosen)
    return data.default_indicator


def default_year(data: Dataset) -> int:
    """The year a view opens on (``data/indicators/defaults.csv``, or the newest year if the data ends earlier)."""
    return data.default_year


def year_picker(data: Dataset, lang: str) -> int:
    """The year, from the first of the series to the newest with data (shared by every page)."""
    key = state.widget_key(state.YEAR, lang)
    years = list(data.years)
    year = st.sidebar.select_slider(
        t("sidebar.year", lang),
        options=years,
        key=key,
        value=_current(state.YEAR, years, default_year(data)),
        on_change=remember,
        args=(state.YEAR, key),
    )
    st.session_state[state.YEAR] = year
    return int(year)


def park_picker(data: Dataset, lang: str, name: str) -> str:
    """One park: demonstration parks first, then the others by province (default DEEP C)."""
    parks = data.parks.sort_values(["is_demonstration", "province_code", "name_vi"], ascending=[False, True, True])
    labels = dict(zip(parks["park_id"], parks[f"name_{lang}"] + " · " + parks[f"province_name_{lang}"], strict=True))
    return str(_select(name, t("readiness.park", lang), list(labels), "deep-c-haiphong-1", labels.__getitem__))


def province_picker(data: Dataset, lang: str) -> str | None:
    """One province with parks (the five pilot provinces first), or all (None)."""
    names = data.provinces.set_index("province_code")[f"name_{lang}"]
    options = ["", *data.province_codes]
    code = _select(
        state.PROVINCE,
        t("sidebar.province", lang),
        options,
        "",
        lambda c: t("sidebar.all_provinces", lang) if c == "" else str(names[c]),
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
    if found.empty:  # no radio: Streamlit would say "No options to select." in English
        st.sidebar.caption(t("search.none", lang))
        return None
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
        st.sidebar.caption(t("search.merged_note", lang, old=escape_markdown(query.strip()), new=escape_markdown(new)))
    return None if pick is None else str(pick)


def tiles_picker(lang: str) -> str:
    """Basemap: a light public basemap by default, 'none' for the offline vector background."""
    options = [*TILES, "none"]
    env_default = os.environ.get(TILES_ENV, DEFAULT_TILES)
    current = _current(state.TILES, options, env_default if env_default in options else DEFAULT_TILES)
    key = state.widget_key(state.TILES, lang)
    with st.sidebar.expander(t("sidebar.tiles", lang)):
        value = st.radio(
            t("sidebar.tiles", lang),
            options,
            index=options.index(current),
            key=key,
            label_visibility="collapsed",
            format_func=lambda k: t(f"tiles.{k.replace('-', '_')}", lang),
            on_change=remember,
            args=(state.TILES, key),
        )
    st.session_state[state.TILES] = value
    return str(value)


VERDICT_BOX = {Readiness.MEETS_ALL: st.success, Readiness.MISSING: st.error, Readiness.INSUFFICIENT_DATA: st.warning}


def show_verdict(card: Card, lang: str) -> None:
    """A readiness verdict in a box coloured by the verdict (green meets all, red missing, amber no data)."""
    VERDICT_BOX[card.verdict](verdict_text(card, lang))
