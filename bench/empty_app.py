"""The floor for a start: an empty Streamlit app that writes one line (scripts/bench.py)."""

import streamlit as st

st.write("eipmap-floor-ready")
