"""What-if for one park and year: suppose links operate and values are reached, see readiness change (never saved)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from eipmap.analysis.opportunities import as_link_rows
from eipmap.analysis.whatif import Comparison, Scenario, compare
from eipmap.display.readiness_view import whatif_categories, whatif_table
from eipmap.domain.dataset import Dataset
from eipmap.domain.models import LinkStatus
from eipmap.i18n import t
from eipmap.ui import cache
from eipmap.ui.export_widgets import PPTX_MIME
from eipmap.ui.tables import show_table
from eipmap.ui.widgets import show_verdict

POTENTIAL = (LinkStatus.IDENTIFIED.value, LinkStatus.FEASIBILITY.value)
SEPARATOR = " · "
WHATIF_KEY = "whatif-open"  # the park panel's expander


def _links(data: Dataset, park_id: str, lang: str, key: str) -> tuple[str, ...]:
    own = data.links[(data.links["park_id"] == park_id) & data.links["status"].isin(POTENTIAL)]
    described = dict(zip(own["link_id"], own[f"description_{lang}"], strict=True))
    chosen = st.multiselect(
        t("whatif.links", lang),
        list(described),
        format_func=lambda i: t("whatif.link_label", lang, id=i, description=described[i]),
        key=f"{key}-links",
        placeholder=t("whatif.choose", lang) if described else t("whatif.no_potential", lang),
    )
    return tuple(chosen)


def _candidates(park_id: str, year: int, lang: str, key: str) -> pd.DataFrame:
    found = cache.opportunities_of(cache.release_key(), park_id, 0.0)
    rows = as_link_rows(found, year)
    if rows.empty:
        return rows
    labels = {
        link_id: t(
            "whatif.candidate_label",
            lang,
            rank=int(r["rank"]),
            stream=r[f"stream_{lang}"],
            source=r[f"from_name_{lang}"],
            target=r[f"to_name_{lang}"],
        )
        for link_id, r in zip(rows["link_id"], found[found["same_park"].astype(bool)].to_dict("records"), strict=True)
    }
    chosen = st.multiselect(
        t("whatif.candidates", lang),
        list(labels),
        format_func=labels.__getitem__,
        key=f"{key}-candidates",
        placeholder=t("whatif.choose", lang),
    )
    return rows[rows["link_id"].isin(chosen)]


def _values(data: Dataset, year: int, lang: str, key: str) -> tuple[tuple[str, float], ...]:
    options = [f"{i}{SEPARATOR}{ind.name(lang)}" for i, ind in data.indicators.items() if not ind.is_superseded]
    column_indicator, column_value = t("whatif.col_indicator", lang), t("whatif.col_value", lang)
    frame = pd.DataFrame({column_indicator: pd.Series(dtype=object), column_value: pd.Series(dtype=float)})
    edited = st.data_editor(
        frame,
        num_rows="dynamic",
        width="stretch",
        key=f"{key}-values",
        column_config={
            column_indicator: st.column_config.SelectboxColumn(options=options, width="large"),
            column_value: st.column_config.NumberColumn(),
        },
    )
    st.caption(t("whatif.values", lang, year=year) + " — " + t("whatif.values_help", lang))
    pairs = edited.dropna()
    return tuple(
        (str(label).split(SEPARATOR)[0], float(v))
        for label, v in zip(pairs[column_indicator], pairs[column_value], strict=True)
    )


def _slide(data: Dataset, result: Comparison, lang: str) -> bytes:
    from eipmap.render.deck import build_scenario_slide  # python-pptx and matplotlib load only for an export

    return build_scenario_slide(data, result, lang)


def render_whatif(data: Dataset, park_id: str, year: int, lang: str, *, key: str) -> None:
    """The scenario's inputs, then today and the scenario side by side, with downloads marked as a scenario."""
    st.caption(t("whatif.intro", lang, year=year))
    scenario = Scenario(
        park_id,
        year,
        operating=_links(data, park_id, lang, key),
        new_links=_candidates(park_id, year, lang, key),
        values=_values(data, year, lang, key),
    )
    if scenario.empty:
        st.info(t("whatif.nothing", lang))
        return
    _show(data, compare(data, scenario), lang, key)


def _show(data: Dataset, result: Comparison, lang: str, key: str) -> None:
    """Today and the scenario side by side, the province count, the tables and the slide, marked as a scenario."""
    year = result.today.year
    park_id = result.today.park_id
    st.warning(t("whatif.banner", lang), icon=":material/science:")
    today, supposed = st.columns(2, gap="medium")
    with today:
        st.markdown(f"**{t('whatif.today', lang)}**")
        show_verdict(result.today, lang)
    with supposed:
        st.markdown(f"**{t('whatif.scenario', lang)}**")
        show_verdict(result.scenario, lang)
    province = str(data.provinces.set_index("province_code").at[result.province_code, f"name_{lang}"])
    st.markdown(
        t(
            "whatif.province",
            lang,
            province=province,
            year=year,
            today=result.province_today,
            scenario=result.province_scenario,
        )
    )
    name = f"scenario-{park_id}-{year}"
    show_table(whatif_table(result, lang), lang, key=f"{key}-table", name=name)
    show_table(whatif_categories(result, lang), lang, key=f"{key}-categories", name=f"{name}-categories")
    st.caption(t("whatif.counting", lang, year=year))
    st.download_button(
        t("whatif.slide", lang),
        data=lambda: _slide(data, result, lang),
        file_name=f"{name}-{data.release.slug}.pptx",
        mime=PPTX_MIME,
        key=f"{key}-slide",
        on_click="ignore",
        icon=":material/slideshow:",
    )
