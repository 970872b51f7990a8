"""The floor for a click: one button whose click writes a line (scripts/bench.py)."""

import streamlit as st

if st.button("floor-click"):
    st.session_state["clicks"] = st.session_state.get("clicks", 0) + 1
st.write(f"eipmap-floor-clicks-{st.session_state.get('clicks', 0)}")
