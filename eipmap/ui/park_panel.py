"""The detail panel shown beside the map when a park is selected."""

from __future__ import annotations

import streamlit as st

from eipmap.analysis.lifecycle import changes, stages_by_year
from eipmap.analysis.symbiosis import count_links
from eipmap.display.panel import (
    facts_table,
    lifecycle_table,
    links_headline,
    links_table,
    park_record,
    source_urls,
    value_notes,
)
from eipmap.domain.dataset import Dataset
from eipmap.domain.models import Indicator, LocationAccuracy, Provenance
from eipmap.domain.textnorm import escape_markdown, markdown_link
from eipmap.i18n import t
from eipmap.render.chart_notes import mark_provenance
from eipmap.render.charts_lifecycle import build_lifecycle_chart
from eipmap.ui import cache
from eipmap.ui.sections import section
from eipmap.ui.tables import show_table
from eipmap.ui.widgets import measured_indicators

OTHER_INDICATORS_KEY = "other-indicators-open"
LIFECYCLE_KEY = "lifecycle-open"


def render_park_header(data: Dataset, park_id: str, lang: str) -> None:
    """Name, province and demonstration badge."""
    park = park_record(data.parks, park_id)
    st.subheader(escape_markdown(str(park[f"name_{lang}"])), anchor=False)
    badge = f" · :blue-badge[{t('map.demonstration_park', lang)}]" if park["is_demonstration"] else ""
    st.markdown(escape_markdown(str(park[f"province_name_{lang}"])) + badge)
    if park["location_accuracy"] == LocationAccuracy.UNKNOWN.value:  # listed, not placed: map shows province
        st.info(t("panel.no_location", lang), icon=":material/location_off:")


def render_trend(data: Dataset, park_id: str, ind: Indicator, lang: str) -> None:
    """The chosen indicator's trend, its notes, and the rest of its category."""
    fig = cache.trend_chart(cache.release_key(), park_id, ind.indicator_id, lang)
    st.plotly_chart(fig, width="stretch", key="trend-chart", config={"displaylogo": False})
    notes = value_notes(data.values, park_id, ind)
    series = data.values[(data.values["park_id"] == park_id) & (data.values["indicator_id"] == ind.indicator_id)]
    if (series["provenance"] == Provenance.ILLUSTRATIVE.value).any():
        st.caption(t("panel.illustrative_values", lang))
    for rec in notes.to_dict("records"):
        provenance = t("provenance." + str(rec["provenance"]), lang)
        text = f"**{rec['year']}** · {provenance}"
        if isinstance(rec["note"], str):
            text += " — " + escape_markdown(rec["note"])
        if isinstance(rec["source_url"], str):
            text += f" ({markdown_link(t('panel.sources', lang), rec['source_url'])})"
        st.caption(text)
    others = [
        i
        for i in measured_indicators(data).values()
        if i.category is ind.category and i.indicator_id != ind.indicator_id
    ]
    label = t("panel.other_indicators", lang, category=t(f"category.{ind.category.value}", lang))
    # built only when opened: the small multiples were the largest part of a first click on a park
    expander = st.expander(label, key=OTHER_INDICATORS_KEY, on_change="rerun")
    if not expander.open:
        return
    with expander, section("small_multiples", lang):
        if others:
            ids = tuple(i.indicator_id for i in others)
            figure = cache.small_multiples(cache.release_key(), park_id, ids, lang)
            st.plotly_chart(figure, width="stretch", key="multiples")
            st.caption(t("panel.multiples_provenance", lang))
        else:
            st.caption(t("panel.no_indicators", lang))


def render_facts(data: Dataset, park_id: str, lang: str) -> None:
    """Park facts with their sources."""
    park = park_record(data.parks, park_id)
    with st.expander(t("panel.facts", lang)):
        show_table(facts_table(park, lang), lang, key="facts", name=f"facts-{park_id}")
        if t("panel.facts_language", lang):
            st.caption(t("panel.facts_language", lang))
        links = " · ".join(markdown_link(str(i + 1), url) for i, url in enumerate(source_urls(park)))
        st.markdown(f"{t('panel.sources', lang)}: {links}")
        if isinstance(park["notes"], str) and park["notes"]:
            st.caption(f"{t('panel.notes_language', lang)}: {escape_markdown(park['notes'])}")


def render_links(data: Dataset, park_id: str, lang: str) -> None:
    """Counts, a table and a Sankey of the park's symbiosis links."""
    own = cache.links_of(cache.release_key(), park_id)
    st.markdown(f"#### {t('panel.links', lang)}")
    if own.empty:
        st.info(t("panel.no_links", lang))
        return
    st.markdown(links_headline(count_links(own), lang))
    st.caption(t("panel.map_legend_links", lang))
    table = links_table(own, lang)
    show_table(
        table,
        lang,
        key="links-table",
        name=f"links-{park_id}",
        plain=(t("table.year_identified", lang),),
        column_config={t("table.source", lang): st.column_config.LinkColumn()},
    )
    with section("sankey", lang):
        st.markdown(f"##### {t('panel.sankey', lang)}")
        st.plotly_chart(cache.sankey(cache.release_key(), park_id, lang), width="stretch", key="sankey")
    firm_notes = data.firms[(data.firms["park_id"] == park_id) & data.firms["notes"].notna()]
    for rec in firm_notes.to_dict("records"):
        st.caption(f"{escape_markdown(str(rec[f'name_{lang}']))}: {escape_markdown(str(rec['notes']))}")


def render_lifecycle(data: Dataset, park_id: str, lang: str) -> None:
    """The park's opportunities by stage and year, and each one's milestones (drawn only when opened)."""
    if not (data.links["park_id"] == park_id).any():
        return
    expander = st.expander(t("lifecycle.title", lang), key=LIFECYCLE_KEY, on_change="rerun", icon=":material/timeline:")
    if not expander.open:
        return
    with expander:
        stages = stages_by_year(data.links, park_id, through=data.years[-1])
        own = data.links.loc[data.links["park_id"] == park_id, "provenance"]
        st.plotly_chart(
            mark_provenance(build_lifecycle_chart(stages, lang), own, lang), width="stretch", key="lifecycle-chart"
        )
        st.caption(t("lifecycle.rule", lang))
        st.markdown(f"##### {t('lifecycle.table', lang)}")
        years = tuple(t(f"lifecycle.col_{c}", lang) for c in ("identified", "operating", "changed"))
        show_table(
            lifecycle_table(changes(data.links, park_id), lang),
            lang,
            key="lifecycle",
            name=f"lifecycle-{park_id}",
            plain=years,
        )
