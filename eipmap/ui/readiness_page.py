"""The certification-readiness screen: one park's card, its category scores, six cards, five provinces."""

from __future__ import annotations

import streamlit as st

from eipmap.analysis.gaps import decree35_criteria, provenance_of
from eipmap.analysis.readiness import (
    blocking_criteria,
    card,
    category_scores,
    ief_scores,
    province_year_counts,
    vn_average,
)
from eipmap.display.overview import demonstration_parks
from eipmap.display.readiness_view import card_table
from eipmap.domain.dataset import Dataset
from eipmap.domain.textnorm import escape_markdown
from eipmap.i18n import t
from eipmap.render.chart_notes import mark_provenance
from eipmap.render.charts_compare import build_category_bars, build_province_year_chart
from eipmap.ui import state
from eipmap.ui.sections import section
from eipmap.ui.tables import show_table
from eipmap.ui.whatif_panel import render_whatif
from eipmap.ui.widgets import park_picker, show_verdict, year_picker


def _card(data: Dataset, park_id: str, year: int, lang: str, key: str) -> None:
    c = card(data, park_id, year)
    show_verdict(c, lang)
    show_table(
        card_table(c, lang),
        lang,
        key=key,
        name=f"readiness-{park_id}-{year}",
        column_config={t("readiness.col_source", lang): st.column_config.LinkColumn()},
    )


def render(data: Dataset, lang: str) -> None:
    """Draw the readiness screen."""
    year = year_picker(data, lang)
    park_id = park_picker(data, lang, state.READINESS_PARK)
    st.header(t("readiness.title", lang), anchor=False)
    st.caption(t("readiness.intro", lang) + " " + t("readiness.illustrative", lang))
    name = str(data.parks.set_index("park_id").at[park_id, f"name_{lang}"])
    st.subheader(f"{escape_markdown(name)} · {year}", anchor=False)
    left, right = st.columns([3, 2], gap="medium")
    with left:
        _card(data, park_id, year, lang, "card-main")
    with right:
        st.markdown(f"**{t('readiness.categories', lang)}**")
        bars = build_category_bars(category_scores(data, park_id, year), vn_average(data), lang)
        scores = provenance_of(data, list(ief_scores(data).values()), [year], [park_id])
        st.plotly_chart(mark_provenance(bars, scores, lang), width="stretch", key="category-bars")
        st.caption(t("readiness.categories_source", lang))
    with st.expander(t("whatif.open", lang), icon=":material/science:"), section("whatif", lang):
        render_whatif(data, park_id, year, lang, key="whatif-readiness")
    st.subheader(t("readiness.demo_cards", lang, year=year), anchor=False)
    cols = st.columns(2, gap="medium")
    for i, (demo_id, demo_name) in enumerate(demonstration_parks(data.parks, lang)):
        with cols[i % 2], st.expander(escape_markdown(demo_name), expanded=True):
            _card(data, demo_id, year, lang, f"card-{demo_id}")
    st.subheader(t("readiness.overview", lang), anchor=False)
    names = dict(zip(data.provinces["province_code"], data.provinces[f"name_{lang}"], strict=True))
    verdicts = build_province_year_chart(province_year_counts(data), names, lang)
    evidence = provenance_of(data, [i.indicator_id for i in decree35_criteria(data)], data.years)
    st.plotly_chart(mark_provenance(verdicts, evidence, lang), width="stretch", key="province-years")
    blocking = blocking_criteria(data, year)
    top = data.indicators[str(blocking.index[0])]
    st.markdown(t("readiness.blocking", lang, year=year, name=top.name(lang), n=int(blocking.iloc[0])))
