"""Process-wide caches around the pure loaders: the data is read and validated once."""

from __future__ import annotations

import streamlit as st

from eipmap.loading import Dataset, load_dataset


@st.cache_resource(show_spinner=False)
def dataset() -> Dataset:
    """The validated dataset, shared by every session (never mutated)."""
    return load_dataset()
