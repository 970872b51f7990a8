"""Presentation mode for meetings: no sidebar, large type, the map and one chart per screen, next / previous."""

from __future__ import annotations

import html

import pandas as pd
import streamlit as st

from eipmap.analysis.gaps import provenance_of
from eipmap.analysis.lifecycle import stages_by_year
from eipmap.analysis.readiness import card
from eipmap.analysis.story import Step, StepKind, clamp_step, story_steps
from eipmap.analysis.symbiosis import count_links, park_links
from eipmap.display.coverage import coverage_caption, province_bars
from eipmap.display.overview import illustrative_note, province_status_counts
from eipmap.display.panel import links_headline
from eipmap.display.readiness_view import verdict_text
from eipmap.domain.dataset import Dataset
from eipmap.domain.textnorm import escape_markdown
from eipmap.i18n import t
from eipmap.render.chart_notes import mark_provenance
from eipmap.render.charts import build_trend_chart
from eipmap.render.charts_compare import build_province_bars, build_status_bars
from eipmap.render.charts_lifecycle import build_lifecycle_chart
from eipmap.render.maps.view import NATIONAL_VIEW, MapView, park_view, province_view
from eipmap.ui import state
from eipmap.ui.cache import overlay_of, release_key
from eipmap.ui.map_component import base_map, park_layers, show_map
from eipmap.ui.sections import section
from eipmap.ui.widgets import chosen_indicator, default_year

PRESENT_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"] {display:none}
[data-testid="stMainBlockContainer"] {padding-top:0.6rem; max-width:100%}
[data-testid="stMainBlockContainer"] h1 {font-size:1.6rem}
.stApp p, .stApp li, .stApp button p {font-size:1.35rem}
.stApp h2 {font-size:2.3rem}
</style>
"""
BIG_FONT = 18
MAP_HEIGHT = 700


def _nav(steps: list[Step], index: int, title: str, lang: str) -> None:
    prev_col, title_col, next_col, exit_col = st.columns([1, 6, 1, 1], vertical_alignment="center")
    if prev_col.button(t("present.previous", lang), key="present-prev", disabled=index == 0, width="stretch"):
        st.session_state[state.PRESENT_STEP] = clamp_step(index - 1, steps)
        st.rerun()
    # the title is data (a park's name): escaped for HTML and then for Markdown, since this line is both
    safe = escape_markdown(html.escape(title))
    title_col.markdown(f"## {safe} <small>({index + 1}/{len(steps)})</small>", unsafe_allow_html=True)
    if next_col.button(t("present.next", lang), key="present-next", disabled=index == len(steps) - 1, width="stretch"):
        st.session_state[state.PRESENT_STEP] = clamp_step(index + 1, steps)
        st.rerun()
    if exit_col.button(t("present.exit", lang), key="present-exit", width="stretch"):
        st.switch_page("pages/map.py")


def _title(data: Dataset, step: Step, lang: str) -> str:
    if step.kind is StepKind.OVERVIEW:
        return t("present.overview", lang)
    if step.kind is StepKind.PROVINCE:
        return str(data.provinces.set_index("province_code").at[step.key, f"name_{lang}"])
    return str(data.parks.set_index("park_id").at[step.key, f"name_{lang}"])


def _view(data: Dataset, step: Step) -> MapView:
    if step.kind is StepKind.PROVINCE:
        return province_view(data, step.key)
    if step.kind is StepKind.PARK and step.key is not None:
        return park_view(data.parks, data.firms, step.key)
    return NATIONAL_VIEW


def _chart(data: Dataset, step: Step, indicator_id: str, year: int, lang: str) -> None:
    ind = data.indicators[indicator_id]
    if step.kind is StepKind.OVERVIEW:
        st.markdown(f"**{ind.name(lang)} · {year}**")
        overlay = overlay_of(release_key(), indicator_id, year, lang)
        fig = build_status_bars(province_status_counts(overlay, data.parks), data.province_names(lang), lang)
        drawn = overlay.table["provenance"]
        st.caption(" ".join(filter(None, (illustrative_note(overlay, lang), coverage_caption(data, lang)))))
    elif step.kind is StepKind.PROVINCE and step.key is not None:
        frame, caption = province_bars(data, step.key, indicator_id, year, lang)
        if caption:  # what the bars cover of the province's parks
            st.caption(caption)
        fig = build_province_bars(
            frame, f"{ind.name(lang)} · {year}", ind.target if ind.applies_in(year) else None, lang, big=True
        )
        drawn = provenance_of(
            data, [indicator_id], [year], data.parks.loc[data.parks["province_code"] == step.key, "park_id"]
        )
    else:
        assert step.key is not None
        c = card(data, step.key, year)
        headline = links_headline(count_links(park_links(data.links, data.firms, step.key)), lang)
        st.markdown(f"**{t('present.readiness', lang)}:** {verdict_text(c, lang)}")
        st.markdown(headline)
        fig = build_trend_chart(data.values, step.key, ind, lang, data.years)
        drawn = pd.Series(dtype=str)  # the trend marks each illustrative point itself (hollow, named in its legend)
    park = step.kind is StepKind.PARK and step.key is not None
    fig.update_layout(font=dict(size=BIG_FONT), title_font_size=BIG_FONT + 4, height=300 if park else 560)
    mark_provenance(fig, drawn, lang)
    st.plotly_chart(fig, width="stretch", key=f"present-chart-{step.kind}-{step.key}")
    if park and (data.links["park_id"] == step.key).any():  # a demonstration park: its opportunities' life cycle
        stages = stages_by_year(data.links, str(step.key), through=data.years[-1])
        cycle = build_lifecycle_chart(stages, lang, height=236)
        cycle.update_layout(font=dict(size=BIG_FONT - 4), title_font_size=BIG_FONT)
        mark_provenance(cycle, data.links.loc[data.links["park_id"] == step.key, "provenance"], lang)
        st.plotly_chart(cycle, width="stretch", key=f"present-lifecycle-{step.key}")


def render(data: Dataset, lang: str) -> None:
    """Draw the current step of the story."""
    st.markdown(PRESENT_CSS, unsafe_allow_html=True)
    steps = story_steps(data)
    index = clamp_step(int(st.session_state.get(state.PRESENT_STEP, 0)), steps)
    step = steps[index]
    indicator_id = chosen_indicator(data)
    year = int(st.session_state.get(state.YEAR, default_year(data)))
    _nav(steps, index, _title(data, step, lang), lang)
    overlay = overlay_of(release_key(), indicator_id, year, lang)
    selected = step.key if step.kind is StepKind.PARK else None
    view = _view(data, step)
    map_col, chart_col = st.columns([3, 2], gap="large")
    with map_col, section("map", lang):
        show_map(
            base_map(lang, str(st.session_state.get(state.TILES, "carto-light")), "present_map", []),
            park_layers(data, overlay, lang, selected),
            height=MAP_HEIGHT,
            center=view.center,
            zoom=view.zoom,
        )
    with chart_col, section("trend", lang):
        _chart(data, step, indicator_id, year, lang)
