"""Process-wide caches around the pure loaders: the release store, and each release's dataset, built once."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from eipmap.loading import Dataset, load_dataset
from eipmap.paths import data_dir
from eipmap.store import Store, default_url
from eipmap.ui import state


@st.cache_resource(show_spinner=False)
def _store_at(url: str, folder: str) -> Store:
    store = Store(url)
    if store.latest_id() is None:
        load_dataset(Path(folder))  # the shipped data must pass before it becomes release 1
        store.seed_from(Path(folder))
    return store


def store() -> Store:
    """The release store (SQLite beside the data folder unless ``$EIPMAP_DATABASE_URL`` names one)."""
    return _store_at(default_url(), str(data_dir()))


@st.cache_resource(show_spinner=False, max_entries=8)
def _release_dataset(url: str, folder: str, release_id: int) -> Dataset:
    return load_dataset(Path(folder), overrides=_store_at(url, folder).files(release_id))


def shown_release() -> int:
    """The release the session looks at: the one chosen under "data as of", else the newest."""
    latest = store().latest_id()
    assert latest is not None  # the store is seeded when opened
    chosen = st.session_state.get(state.AS_OF)
    return int(chosen) if chosen and int(chosen) <= latest else latest


def dataset() -> Dataset:
    """The validated dataset of the shown release, shared by every session (never mutated)."""
    return _release_dataset(default_url(), str(data_dir()), shown_release())
