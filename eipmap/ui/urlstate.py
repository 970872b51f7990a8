"""Keep the URL and the view in step: a copied link reopens the same page, park, indicator, year and language."""

from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st

from eipmap.i18n import t
from eipmap.loading import Dataset
from eipmap.mapview import park_view, province_view
from eipmap.ui import state
from eipmap.viewstate import View, encode_view, parse_view

APPLIED = "_url_applied"


def apply_url(data: Dataset) -> None:
    """Once per browser session: restore the view the URL describes; notice (not error) for bad parameters."""
    if st.session_state.get(APPLIED):
        return
    st.session_state[APPLIED] = True
    view, bad = parse_view({k: st.query_params[k] for k in st.query_params}, data)
    st.session_state[state.LANGUAGE] = view.lang
    if view.indicator:
        st.session_state[state.INDICATOR] = view.indicator
        st.session_state[state.CATEGORY] = data.indicators[view.indicator].category.value
    if view.year:
        st.session_state[state.YEAR] = view.year
    st.session_state[state.LAST_PROVINCE] = view.province  # the view below is already the one to show
    st.session_state[state.MAP_VIEW] = province_view(data, view.province)
    if view.province:
        st.session_state[state.PROVINCE] = view.province
    if view.park:
        for key in (state.SELECTED_PARK, state.READINESS_PARK, state.COMPARE_PARK):
            st.session_state[key] = view.park
        if (data.firms["park_id"] == view.park).any():
            st.session_state[state.MAP_VIEW] = park_view(data.parks, data.firms, view.park)
    if bad:
        st.toast(t("url.invalid", view.lang, params=", ".join(bad)), icon="ℹ️")


def current_view() -> View:
    """The view the session shows now."""
    return View(
        lang=st.session_state.get(state.LANGUAGE, "vi"),
        indicator=st.session_state.get(state.INDICATOR),
        year=st.session_state.get(state.YEAR),
        province=st.session_state.get(state.PROVINCE) or None,
        park=st.session_state.get(state.SELECTED_PARK),
    )


def sync_url() -> dict[str, str]:
    """Write the current view into the address bar; return the parameters."""
    params = encode_view(current_view())
    if dict(st.query_params) != params:
        st.query_params.from_dict(params)
    return params


def share_link(lang: str) -> None:
    """A copyable link to this exact view (the code block has a copy button)."""
    params = sync_url()
    base = str(getattr(st.context, "url", "") or "").split("?")[0]
    with st.sidebar.popover(t("url.copy_link", lang), width="stretch"):
        st.caption(t("url.copy_help", lang))
        st.code(f"{base}?{urlencode(params)}" if params else base, language=None, wrap_lines=True)
