"""eipmap's server (``make run``): the app of app.py, behind Streamlit's public ASGI entry, warmed when it starts.

``st.App`` runs app.py exactly as ``streamlit run app.py`` does; its lifespan hook lets ``eipmap.ui.warm`` import
the first screen and load the dataset while the first visitor's browser is still loading Streamlit's page.
``streamlit run app.py`` works too, without the warm-up. No logic here.
"""

from __future__ import annotations

import streamlit as st

from eipmap.ui.warm import lifespan

app = st.App("app.py", lifespan=lifespan)
