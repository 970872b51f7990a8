"""The gap filter controls, shared by the map page (sidebar) and the gap-analysis page."""

from __future__ import annotations

from typing import Any

import streamlit as st

from eipmap.analysis.gaps import GapFilter
from eipmap.domain.dataset import Dataset
from eipmap.domain.models import Indicator
from eipmap.i18n import t
from eipmap.ui import state
from eipmap.ui.widgets import current_language, measured_indicators, remember


def _persisted(container: Any, widget: str, name: str, label: str, default: Any, value_kw: str, **kwargs: Any) -> Any:
    """A widget whose value survives language switches (kept in view state under ``name``)."""
    key = state.widget_key(name, current_language())
    current = st.session_state.get(name, default)
    value = getattr(container, widget)(
        label, key=key, on_change=remember, args=(name, key), **{value_kw: current}, **kwargs
    )
    st.session_state[name] = value
    return value


def gap_filter(data: Dataset, ind: Indicator, year: int, container: Any, *, full: bool) -> GapFilter:
    """Pills, demonstration-only, below target (in force in ``year``); ``full``: gap %, failed criteria, no data.

    The map page (compact) and the gap page (full) keep separate filter states.
    """
    lang = current_language()
    scope = "full" if full else "compact"
    names = data.provinces.set_index("province_code")[f"name_{lang}"]
    provinces = _persisted(
        container,
        "pills",
        f"{state.GAP_PROVINCES}.{scope}",
        t("gaps.provinces", lang),
        [],
        "default",
        options=list(data.province_codes),
        selection_mode="multi",
        format_func=lambda c: str(names[c]),
    )
    demo = _persisted(
        container, "checkbox", f"{state.GAP_DEMO}.{scope}", t("gaps.demonstration_only", lang), False, "value"
    )
    below = _persisted(
        container,
        "checkbox",
        f"{state.GAP_BELOW}.{scope}",
        t("gaps.below_target", lang),
        full,
        "value",
        disabled=not ind.applies_in(year),
    )
    filt = GapFilter(ind.indicator_id, year, tuple(provinces or ()), bool(demo), bool(below) and ind.applies_in(year))
    if not full:
        return filt
    cols = container.columns(3)
    min_gap = _persisted(
        cols[0],
        "number_input",
        f"{state.GAP_MIN_PCT}.{scope}",
        t("gaps.min_gap_pct", lang),
        0.0,
        "value",
        min_value=0.0,
        max_value=100.0,
        step=5.0,
        disabled=not ind.applies_in(year),
    )
    min_failed = _persisted(
        cols[1],
        "number_input",
        f"{state.GAP_MIN_FAILED}.{scope}",
        t("gaps.min_failed", lang),
        0,
        "value",
        min_value=0,
        max_value=10,
        step=1,
    )
    inds = measured_indicators(data)
    options = ["", *inds]
    no_data_name = f"{state.GAP_NO_DATA}.{scope}"
    no_data_key = state.widget_key(no_data_name, lang)
    current = st.session_state.get(no_data_name, "")
    no_data = cols[2].selectbox(
        t("gaps.no_data_for", lang),
        options,
        index=options.index(current) if current in options else 0,
        key=no_data_key,
        on_change=remember,
        args=(no_data_name, no_data_key),
        format_func=lambda k: t("gaps.no_data_any", lang) if k == "" else inds[k].name(lang),
    )
    st.session_state[no_data_name] = no_data
    return GapFilter(
        filt.indicator_id,
        year,
        filt.provinces,
        filt.demonstration_only,
        filt.below_target,
        min_gap_pct=float(min_gap) if ind.applies_in(year) and min_gap else None,
        min_failed_criteria=int(min_failed) if min_failed else None,
        no_data_for=no_data or None,
    )
