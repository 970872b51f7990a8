"""Page furniture shared by every screen: title, illustrative-data banner, data errors, CSS."""

from __future__ import annotations

import streamlit as st

from eipmap.errors import DataValidationError
from eipmap.i18n import t
from eipmap.loading import Dataset
from eipmap.ui import cache

CSS = """
<style>
[data-testid="stMainBlockContainer"]{padding-top:1.6rem;padding-bottom:2rem}
[data-testid="stMainBlockContainer"] h1{font-size:2.0rem;padding-top:0}
.eip-legend{display:flex;flex-wrap:wrap;gap:.35rem 1rem;margin:.2rem 0 .4rem}
.eip-swatch{display:inline-flex;align-items:center;gap:.4rem;font-size:.92rem}
.eip-swatch i{display:inline-block;width:14px;height:14px;border-radius:50%;border:1px solid #555}
</style>
"""


def inject_css() -> None:
    """Small style rules for the legend."""
    st.markdown(CSS, unsafe_allow_html=True)


def header_and_data(lang: str) -> Dataset | None:
    """Title and banner; the dataset, or None after showing what is wrong with it (no traceback)."""
    st.title(t("app.title", lang), anchor=False)
    st.caption(t("app.subtitle", lang))
    st.warning(t("app.illustrative_banner", lang), icon="ℹ️")
    try:
        return cache.dataset()
    except DataValidationError as err:
        st.error(t("app.data_error", lang))
        st.code("\n".join(f.describe() for f in err.failures), language=None)
        return None
