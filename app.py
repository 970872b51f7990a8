"""eipmap — entry point: page config and navigation. No logic here (each page draws the shared sidebar)."""

from __future__ import annotations

import streamlit as st

from eipmap.i18n import t
from eipmap.ui import layout, widgets

st.set_page_config(page_title="eipmap", page_icon="🗺️", layout="wide", initial_sidebar_state="expanded")
lang = widgets.current_language()
layout.inject_css()
pages = [
    st.Page("pages/map.py", title=t("nav.map", lang), icon="🗺️", url_path="map", default=True),
    st.Page("pages/gaps.py", title=t("nav.gaps", lang), icon="📉", url_path="gaps"),
    st.Page("pages/readiness.py", title=t("nav.readiness", lang), icon="✅", url_path="readiness"),
    st.Page("pages/compare.py", title=t("nav.compare", lang), icon="📊", url_path="compare"),
    st.Page("pages/about.py", title=t("nav.about", lang), icon="📚", url_path="about"),
]
st.navigation(pages).run()
