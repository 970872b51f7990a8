"""Process-wide caches around the pure loaders: the data is read and validated once per data folder."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from eipmap.loading import Dataset, load_dataset
from eipmap.paths import data_dir


@st.cache_resource(show_spinner=False)
def _dataset_at(folder: str) -> Dataset:
    return load_dataset(Path(folder))


def dataset() -> Dataset:
    """The validated dataset of the configured data folder, shared by every session (never mutated)."""
    return _dataset_at(str(data_dir()))
