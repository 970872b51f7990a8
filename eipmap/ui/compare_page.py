"""The compare screen: attainment heatmap, ranking with rank change, category radar, province roll-ups."""

from __future__ import annotations

import streamlit as st

from eipmap.analysis.compare import attainment_matrix, province_rollup, radar_frame, ranking, targeted_indicators
from eipmap.analysis.gaps import provenance_of
from eipmap.analysis.readiness import ief_scores
from eipmap.display.compare_view import ranking_table, rollup_table
from eipmap.domain.dataset import Dataset
from eipmap.i18n import t
from eipmap.render.chart_notes import mark_provenance
from eipmap.render.charts_compare import build_heatmap, build_radar
from eipmap.ui import state
from eipmap.ui.tables import show_table
from eipmap.ui.widgets import overlay_picker, park_picker


def render(data: Dataset, lang: str) -> None:
    """Draw the compare screen."""
    choice = overlay_picker(data, lang, with_province=False)
    park_id = park_picker(data, lang, state.COMPARE_PARK)
    ind, year = choice.indicator, choice.year
    unit = t(f"unit.{ind.unit.value}", lang)
    st.header(t("compare.title", lang), anchor=False)
    st.caption(t("app.illustrative_banner", lang))
    st.subheader(t("compare.heatmap", lang, year=year), anchor=False)
    inds = targeted_indicators(data)
    matrix = attainment_matrix(data, year, inds)
    names = data.parks.set_index("park_id")[f"name_{lang}"]
    heatmap = build_heatmap(matrix, [str(names[p]) for p in matrix.index], [i.name(lang)[:40] for i in inds], lang)
    drawn = provenance_of(data, [i.indicator_id for i in inds], [year], list(matrix.index))
    st.plotly_chart(mark_provenance(heatmap, drawn, lang), width="stretch", key="heatmap")
    left, right = st.columns(2, gap="medium")
    with left:
        st.subheader(t("compare.ranking", lang, indicator=ind.name(lang), year=year), anchor=False)
        show_table(
            ranking_table(ranking(data, ind, year), data.parks, lang, unit),
            lang,
            key="ranking",
            name=f"ranking-{ind.indicator_id}-{year}",
            height=420,
        )
        st.caption(t("compare.new_entry_note", lang))
    with right:
        st.subheader(t("compare.radar", lang), anchor=False)
        labels = {
            "park": str(names[park_id]),
            "province_median": t("compare.radar_province", lang),
            "all_median": t("compare.radar_all", lang),
        }
        radar = build_radar(radar_frame(data, park_id, year), labels, lang)
        scores = provenance_of(data, list(ief_scores(data).values()), [year])
        st.plotly_chart(mark_provenance(radar, scores, lang), width="stretch", key="radar")
    st.subheader(t("compare.rollup", lang, indicator=ind.name(lang), year=year), anchor=False)
    rollup = province_rollup(data, ind, year)
    show_table(
        rollup_table(rollup, data.parks, data.provinces, lang),
        lang,
        key="rollup",
        name=f"provinces-{ind.indicator_id}-{year}",
    )
