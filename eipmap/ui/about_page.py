"""The data-and-sources screen."""

from __future__ import annotations

import streamlit as st

from eipmap.display.about import data_files, programme_totals, provenance_counts
from eipmap.display.coverage import coverage_caption, coverage_table
from eipmap.domain.dataset import Dataset
from eipmap.i18n import fmt_number, t
from eipmap.ui.tables import show_table


def render(data: Dataset, lang: str) -> None:
    """Counts, programme totals, provenance of values and the files with their licences."""
    st.header(t("about.title", lang), anchor=False)
    st.markdown(t("about.intro", lang))
    st.markdown(
        t(
            "about.counts",
            lang,
            provinces=len(data.provinces),
            parks=len(data.parks),
            indicators=len(data.indicators),
            firms=len(data.firms),
            links=len(data.links),
        )
    )
    st.subheader(t("coverage.title", lang), anchor=False)
    st.caption(coverage_caption(data, lang))
    show_table(
        coverage_table(data, lang),
        lang,
        key="coverage",
        name="coverage",
        column_config={t("coverage.source", lang): st.column_config.LinkColumn()},
    )
    st.subheader(t("about.programme_totals", lang), anchor=False)
    totals = programme_totals(data.programme)
    if totals:
        for col, total in zip(st.columns(len(totals)), totals, strict=True):
            col.metric(total.label(lang), fmt_number(total.value, lang, 0))
        for source in dict.fromkeys(total.source for total in totals):
            st.caption(f"[{source}]({source})")
    st.subheader(t("about.provenance_table", lang), anchor=False)
    show_table(provenance_counts(data.values, lang), lang, key="provenance", name="provenance")
    st.subheader(t("about.files", lang), anchor=False)
    show_table(data_files(data.files, lang), lang, key="data-files", name="data-files")
