"""The selected park's candidate exchanges (the opportunity finder), below its recorded links."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from eipmap.analysis.opportunities import as_link_rows
from eipmap.display.opportunity_view import opportunity_table
from eipmap.domain.dataset import Dataset
from eipmap.i18n import fmt_number, t
from eipmap.ui import cache
from eipmap.ui.tables import XLSX_MIME, show_table

OPEN_KEY = "opportunities-open"
DISTANCE_KEY = "opportunity-km"
DISTANCES = (0, 2, 5, 10, 25)  # km around the park whose firms may be partners (0 = the park's own firms)


def _distance(lang: str) -> float:
    def label(km: int) -> str:
        return t("opportunity.distance_own", lang) if km == 0 else t("opportunity.distance_km", lang, km=km)

    chosen = st.segmented_control(
        t("opportunity.distance", lang), DISTANCES, format_func=label, default=0, key=DISTANCE_KEY
    )
    return float(chosen or 0)


def _template(data: Dataset, rows: pd.DataFrame) -> bytes:
    from eipmap.releases.template import build_template  # openpyxl loads only for this download

    return build_template(data, {"links": rows})


def shown_candidates(park_id: str) -> pd.DataFrame | None:
    """The candidates drawn on the map while the finder is open (its distance as chosen), else None."""
    if not park_id or not st.session_state.get(OPEN_KEY):
        return None
    km = float(st.session_state.get(DISTANCE_KEY) or 0)
    found = cache.opportunities_of(cache.release_key(), park_id, km)
    return None if found.empty else found


def render_opportunities(data: Dataset, park_id: str, lang: str) -> None:
    """Candidates with reasons and sources, a shortlist to download, and a pre-filled template for editors."""
    st.markdown(f"#### {t('opportunity.title', lang)}")
    # computed only when opened: a click on a park stays as fast as before
    expander = st.expander(t("opportunity.open", lang), key=OPEN_KEY, on_change="rerun", icon=":material/lightbulb:")
    if not expander.open:
        return
    with expander:
        st.caption(t("opportunity.intro", lang))
        if not (data.firms["park_id"] == park_id).any():
            st.info(t("opportunity.no_firms", lang))
            return
        found = cache.opportunities_of(cache.release_key(), park_id, _distance(lang))
        if found.empty:
            st.info(t("opportunity.none", lang))
            return
        st.caption(t("opportunity.count", lang, n=fmt_number(len(found), lang, 0)))
        table = opportunity_table(found, data.parks, park_id, lang)
        source = t("opportunity.col_source", lang)
        show_table(
            table,
            lang,
            key="opportunities",
            name=f"candidates-{park_id}",
            column_config={source: st.column_config.LinkColumn()},
        )
        st.caption(t("opportunity.rule", lang) + " " + t("opportunity.map_legend", lang))
        _prefill(data, park_id, found, lang)


def _prefill(data: Dataset, park_id: str, found: pd.DataFrame, lang: str) -> None:
    rows = as_link_rows(found, date.today().year)
    if rows.empty:
        st.caption(t("opportunity.prefill_none", lang))
        return
    stamp = data.release
    st.download_button(
        t("opportunity.prefill", lang),
        data=lambda: _template(data, rows),
        file_name=f"candidate-links-{park_id}-{stamp.slug}.xlsx",
        mime=XLSX_MIME,
        key="opportunities-template",
        on_click="ignore",
        icon=":material/edit_note:",
    )
    st.caption(t("opportunity.prefill_help", lang))
