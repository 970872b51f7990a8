"""The map screen: sidebar choices → overlay → map + legend + detail panel.

Click handling: the map is our own component (``eipmap.ui.park_map``); it sends a park's id the
moment it is clicked, as a trigger value, so panning and zooming never rerun the script and
clicking the same park again still counts. The trigger's callback selects the park before the
run draws anything, so one click is one run.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

import streamlit as st

if TYPE_CHECKING:
    import folium

from eipmap.analysis.gaps import GapFilter, apply_filter
from eipmap.display.coverage import coverage_caption
from eipmap.display.overlay import Overlay, count_no_data, legend_caption
from eipmap.display.overview import demonstration_parks, illustrative_note, unplaced_parks
from eipmap.domain.dataset import Dataset
from eipmap.domain.textnorm import escape_markdown
from eipmap.i18n import t
from eipmap.render.maps.view import MapView, park_view, province_view
from eipmap.ui import state
from eipmap.ui.cache import ReleaseKey, dataset_at, overlay_of, province_table, release_key, status_chart
from eipmap.ui.export_widgets import export_controls
from eipmap.ui.gap_widgets import gap_filter
from eipmap.ui.opportunity_panel import render_opportunities, shown_candidates
from eipmap.ui.park_map import map_drawn, show_park_map, warm_layers
from eipmap.ui.park_panel import render_facts, render_lifecycle, render_links, render_park_header, render_trend
from eipmap.ui.sections import section
from eipmap.ui.tables import show_table
from eipmap.ui.whatif_panel import WHATIF_KEY, render_whatif
from eipmap.ui.widgets import OverlayChoice, overlay_picker, park_finder, tiles_picker

MAP_HEIGHT = 640
NO_DATA_BORDER = "border:1.5px dashed #6b6b6b"


def _select(park_id: str | None, view: MapView | None = None) -> None:
    st.session_state[state.SELECTED_PARK] = park_id
    if view is not None:
        st.session_state[state.MAP_VIEW] = view


def _on_click(park_id: str) -> None:
    """A park clicked on the map: selected; the map moves only if the park has firms to show."""
    _select(park_id, _park_view_or_none(park_id))


def _park_view(park_id: str) -> MapView:
    """Where the map goes when a park is picked by name or button: the park (and its firms, if any)."""
    from eipmap.ui.cache import dataset

    data = dataset()
    return park_view(data.parks, data.firms, park_id)


def _park_view_or_none(park_id: str) -> MapView | None:
    """A click on a park with firms zooms to them; on one without, the map stays where the user put it."""
    from eipmap.ui.cache import dataset

    return _park_view(park_id) if (dataset().firms["park_id"] == park_id).any() else None


def _legend(overlay: Overlay, lang: str) -> None:
    """Legend naming indicator, unit and year, with the colouring rule."""
    ind = overlay.indicator
    unit = t(f"unit.{ind.unit.value}", lang)
    st.markdown(f"**{t('legend.title', lang)}: {escape_markdown(ind.name(lang))}** ({unit}) · {overlay.year}")
    st.caption(legend_caption(overlay, lang))
    swatches = "".join(
        f'<span class="eip-swatch"><i style="background:{e.colour};{NO_DATA_BORDER if e.is_no_data else ""}"></i>'
        f"{html.escape(e.label)}</span>"
        for e in overlay.legend
    )
    st.markdown(f'<div class="eip-legend">{swatches}</div>', unsafe_allow_html=True)
    st.caption(
        f"{t('legend.demonstration', lang)} · {t('legend.size', lang)} · "
        + t("legend.parks_no_data", lang, count=count_no_data(overlay), year=overlay.year)
    )


def _overview(data: Dataset, overlay: Overlay, lang: str) -> None:
    """Beside the map before a click: the five provinces at a glance and quick links to the six parks."""
    st.info(t("map.hint", lang))
    title = t("overview.title", lang, indicator=overlay.indicator.name(lang), year=overlay.year)
    st.markdown(f"**{escape_markdown(title)}**")
    key = release_key()  # one look at the release store for the whole overview
    show_table(
        province_table(key, overlay.indicator.indicator_id, overlay.year, lang),
        lang,
        key="province-summary",
        name=f"five-provinces-{overlay.indicator.indicator_id}-{overlay.year}",
    )
    st.caption(" ".join(filter(None, (illustrative_note(overlay, lang), coverage_caption(data, lang)))))
    unplaced = unplaced_parks(data.parks, lang)
    if len(unplaced):
        with st.expander(t("overview.unplaced", lang, count=len(unplaced))):
            show_table(
                unplaced,
                lang,
                key="unplaced-parks",
                name="parks-without-location",
                column_config={t("table.source", lang): st.column_config.LinkColumn()},
            )
    st.markdown(f"**{t('overview.demonstration', lang)}**")
    cols = st.columns(2)
    for i, (park_id, name) in enumerate(demonstration_parks(data.parks, lang)):
        if cols[i % 2].button(escape_markdown(name), key=f"demo-{park_id}", width="stretch"):
            _select(park_id, _park_view(park_id))
            st.rerun()
    # after the map is drawn (Plotly's script would hold it back), and before the first click needs that script
    if overlay.scheme == "attainment" and map_drawn(state.MAP_KEY):
        st.markdown(f"**{t('overview.status_chart', lang)}**")
        chart = status_chart(key, overlay.indicator.indicator_id, overlay.year, lang)
        st.plotly_chart(chart, width="stretch", key="overview-status", config={"displayModeBar": False})


def warm_first_screen(key: ReleaseKey, lang: str) -> None:
    """Build what this page's first screen shows (the default indicator and year) before a session asks for it."""
    data = dataset_at(key)
    warm_layers(key, data.default_indicator, data.default_year, lang)
    province_table(key, data.default_indicator, data.default_year, lang)


def _sidebar(data: Dataset, lang: str) -> tuple[OverlayChoice, str, frozenset[str]]:
    choice = overlay_picker(data, lang)
    with st.sidebar.expander(t("gaps.filter", lang)):
        filt = gap_filter(data, choice.indicator, choice.year, st, full=False)
    dimmed: frozenset[str] = frozenset()
    if filt != GapFilter(filt.indicator_id, filt.year):  # only a filter someone set greys parks (and costs time)
        matched = set(apply_filter(data, filt).index)
        if choice.province_code is not None:
            matched &= set(data.parks.loc[data.parks["province_code"] == choice.province_code, "park_id"])
        dimmed = frozenset(set(data.parks["park_id"]) - matched)
    picked = park_finder(data, lang)
    if picked is not None and picked != st.session_state.get(state.LAST_PICK):
        st.session_state[state.LAST_PICK] = picked
        _select(picked, _park_view(picked))
    if st.sidebar.button(t("sidebar.clear_selection", lang), key="clear-selection", width="stretch"):
        _select(None, province_view(data, choice.province_code))
    tiles = tiles_picker(lang)
    if st.sidebar.button(
        t("present.start", lang), key="present-start", width="stretch", type="primary", icon=":material/slideshow:"
    ):
        st.switch_page("pages/present.py")
    return choice, tiles, dimmed


def _province_changed(data: Dataset, province: str | None) -> None:
    if st.session_state.get(state.LAST_PROVINCE, "unset") != province:
        st.session_state[state.LAST_PROVINCE] = province
        st.session_state[state.MAP_VIEW] = province_view(data, province)


def _saved_map(data: Dataset, overlay: Overlay, lang: str, selected: str | None) -> folium.Map:
    from eipmap.render.maps.standalone import export_map  # folium loads for this download only

    return export_map(data, overlay, lang, selected)


def _map_and_legend(
    overlay: Overlay, lang: str, tiles: str, view: MapView, selected: str | None, dimmed: frozenset[str]
) -> None:
    with section("map", lang):
        show_park_map(
            overlay,
            lang,
            key=state.MAP_KEY,
            tiles=tiles,
            view=view,
            height=MAP_HEIGHT,
            on_click=_on_click,
            selected=selected,
            dimmed=dimmed,
            candidates=shown_candidates(selected or ""),
            tell_drawn=selected is None and overlay.scheme == "attainment",  # the overview's chart waits for it
        )
    with section("legend", lang):
        _legend(overlay, lang)


def render(data: Dataset, lang: str) -> None:
    """Draw the whole map screen; each section fails alone (``eipmap.ui.sections``)."""
    choice, tiles, dimmed = _sidebar(data, lang)
    _province_changed(data, choice.province_code)
    selected = st.session_state.get(state.SELECTED_PARK)
    overlay = overlay_of(release_key(), choice.indicator.indicator_id, choice.year, lang)
    with section("exports", lang):
        export_controls(
            data,
            lang,
            choice.indicator.indicator_id,
            choice.year,
            selected,
            lambda: _saved_map(data, overlay, lang, selected),
        )
    view: MapView = st.session_state.get(state.MAP_VIEW) or province_view(data, None)
    map_col, panel_col = st.columns([3, 2], gap="medium")
    with map_col:
        _map_and_legend(overlay, lang, tiles, view, selected, dimmed)
    with panel_col:
        if selected:
            with section("panel_header", lang):
                render_park_header(data, selected, lang)
            with section("trend", lang):
                render_trend(data, selected, choice.indicator, lang)
            with section("facts", lang):
                render_facts(data, selected, lang)
        else:
            with section("overview", lang):
                _overview(data, overlay, lang)
    if selected:
        _below_map(data, selected, choice.year, lang)


def _below_map(data: Dataset, park_id: str, year: int, lang: str) -> None:
    """The park's recorded links, their life cycle, the exchanges it could start, and a what-if for ``year``."""
    with section("links", lang):
        render_links(data, park_id, lang)
    with section("lifecycle", lang):
        render_lifecycle(data, park_id, lang)
    with section("opportunities", lang):
        render_opportunities(data, park_id, lang)
    with section("whatif", lang):
        expander = st.expander(t("whatif.open", lang), key=WHATIF_KEY, on_change="rerun", icon=":material/science:")
        if expander.open:  # built only when opened
            with expander:
                render_whatif(data, park_id, year, lang, key="whatif-panel")
