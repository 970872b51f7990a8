"""Keep the URL and the view in step: a copied link reopens the same page and view.

Page, park, indicator, year, province and language everywhere; the gap filters on the map
(compact filter) and on the gap page (full filter); the step of the presentation.
"""

from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st

from eipmap.display.viewstate import Filters, View, encode_view, parse_view
from eipmap.domain.dataset import Dataset
from eipmap.i18n import DEFAULT_LANGUAGE, LANGUAGES, t
from eipmap.render.maps.view import park_view, province_view
from eipmap.ui import state

APPLIED = "_url_applied"
FILTER_SCOPES = {"": "compact", "gaps": "full"}  # page url path → which gap filter it shows
PRESENT_PAGE = "present"


def _page() -> str:
    return str(st.session_state.get(state.CURRENT_PAGE, ""))


def _name(base: str, scope: str) -> str:
    return f"{base}.{scope}"


def _apply_filters(f: Filters, scope: str) -> None:
    values: dict[str, object] = {
        state.GAP_PROVINCES: list(f.provinces) or None,
        state.GAP_DEMO: f.demonstration_only,
        state.GAP_BELOW: f.below_target,
        state.GAP_MIN_PCT: f.min_gap_pct,
        state.GAP_MIN_FAILED: f.min_failed,
        state.GAP_NO_DATA: f.no_data_for,
    }
    for base, value in values.items():
        if value is not None:
            st.session_state[_name(base, scope)] = value


def _filters(scope: str) -> Filters:
    """The filter state of ``scope`` with every default value left out (so it stays out of the URL)."""
    get = st.session_state.get
    below = get(_name(state.GAP_BELOW, scope))
    compact = Filters(
        provinces=tuple(get(_name(state.GAP_PROVINCES, scope)) or ()),
        demonstration_only=True if get(_name(state.GAP_DEMO, scope)) else None,
        below_target=None if below is None or bool(below) == (scope == "full") else bool(below),
    )
    if scope != "full":
        return compact
    min_gap = get(_name(state.GAP_MIN_PCT, scope))
    min_failed = get(_name(state.GAP_MIN_FAILED, scope))
    return Filters(
        provinces=compact.provinces,
        demonstration_only=compact.demonstration_only,
        below_target=compact.below_target,
        min_gap_pct=float(min_gap) if min_gap else None,
        min_failed=int(min_failed) if min_failed else None,
        no_data_for=get(_name(state.GAP_NO_DATA, scope)) or None,
    )


def opening_language() -> str:
    """The language to draw the navigation in: the URL's on a session's first run, later the session's."""
    if not st.session_state.get(APPLIED):
        asked = st.query_params.get("lang")
        if asked in LANGUAGES:
            return str(asked)
    return str(st.session_state.get(state.LANGUAGE, DEFAULT_LANGUAGE))


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
        # a linked park is shown, firms or not (park_view zooms less on a park without firms)
        st.session_state[state.MAP_VIEW] = park_view(data.parks, data.firms, view.park)
    scope = FILTER_SCOPES.get(_page())
    if scope:
        _apply_filters(view.filters, scope)
    if view.step is not None:
        st.session_state[state.PRESENT_STEP] = view.step
    if bad:
        st.toast(t("url.invalid", view.lang, params=", ".join(bad)), icon=":material/info:")


def current_view() -> View:
    """The view the session shows now (filters and step only on the pages that show them)."""
    page = _page()
    scope = FILTER_SCOPES.get(page)
    step = st.session_state.get(state.PRESENT_STEP) if page == PRESENT_PAGE else None
    return View(
        lang=st.session_state.get(state.LANGUAGE, "vi"),
        indicator=st.session_state.get(state.INDICATOR),
        year=st.session_state.get(state.YEAR),
        province=st.session_state.get(state.PROVINCE) or None,
        park=st.session_state.get(state.SELECTED_PARK),
        filters=_filters(scope) if scope else Filters(),
        step=int(step) if step else None,
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
