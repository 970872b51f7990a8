"""Process-wide caches around the pure loaders: the release store, and each release's dataset, built once."""

from __future__ import annotations

import dataclasses
import gc
import logging
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from eipmap.analysis.gaps import provenance_of
from eipmap.analysis.opportunities import candidates
from eipmap.analysis.symbiosis import park_links, sankey_frame
from eipmap.config import data_dir
from eipmap.display.overlay import Overlay, build_overlay
from eipmap.display.overview import province_status_counts, province_summary
from eipmap.domain.dataset import Dataset
from eipmap.domain.models import ReleaseStamp
from eipmap.ingest.disk_cache import load_validated
from eipmap.releases.shipped import ShippedChange, pending_change, signature
from eipmap.releases.store import Store, default_url
from eipmap.render.chart_notes import mark_provenance
from eipmap.render.charts import build_sankey, build_small_multiples, build_trend_chart
from eipmap.render.charts_compare import build_status_bars
from eipmap.ui import state

OVERVIEW_CHART_PX = 320
LOG = logging.getLogger("eipmap.cache")


@st.cache_resource(show_spinner=False)
def _store_at(url: str, folder: str) -> Store:
    store = Store(url)
    if store.latest_id() is None:
        # the shipped data must pass before it becomes release 1; the disk cache keeps what passed, so loading
        # release 1 (the same bytes) right after is answered from it instead of validating twice
        load_validated(Path(folder))
        store.seed_from(Path(folder))
    elif (change := pending_change(store, Path(folder))) is not None:
        LOG.warning(
            "the shipped data in %s changed since release %d imported it (%d rows); an admin can publish it "
            "from the releases page",
            folder,
            change.imported_in,
            len(change.changes),
        )
    return store


@st.cache_resource(show_spinner=False, max_entries=4)
def _shipped_change(
    url: str, folder: str, files: tuple[tuple[str, int, int], ...], latest: int
) -> ShippedChange | None:
    return pending_change(_store_at(url, folder), Path(folder))


def shipped_change() -> ShippedChange | None:
    """The shipped files' change since they were last imported (hashed again only when a file or release changes)."""
    folder = data_dir()
    latest = store().latest_id()
    assert latest is not None
    return _shipped_change(default_url(), str(folder), signature(folder), latest)


def store() -> Store:
    """The release store (SQLite beside the data folder unless ``$EIPMAP_DATABASE_URL`` names one)."""
    return _store_at(default_url(), str(data_dir()))


@st.cache_resource(show_spinner=False, max_entries=8)
def _release_dataset(url: str, folder: str, release_id: int) -> Dataset:
    store = _store_at(url, folder)
    data = load_validated(Path(folder), overrides=store.files(release_id))
    stamp = ReleaseStamp(release_id, store.release(release_id).created_at.date())
    out = dataclasses.replace(data, release=stamp)
    gc.collect()  # once per release: garbage now is not frozen with the rest
    gc.freeze()  # see below
    return out


# Streamlit runs gc.collect(2) after every script run (runner.postScriptGC). With the app's modules and a release's
# dataset loaded that walks ≈ 220,000 objects that never become garbage: ≈ 100 ms of every click measured here.
# Freezing what exists once a release is loaded moves them out of the collector's way (gc.freeze); what later runs
# create is still collected after each run, so memory is looked after as before, at ≈ 0 ms for the old objects.


def shown_release() -> int:
    """The release the session looks at: the one chosen under "data as of", else the newest."""
    latest = store().latest_id()
    assert latest is not None  # the store is seeded when opened
    chosen = st.session_state.get(state.AS_OF)
    return chosen if isinstance(chosen, int) and 0 < chosen <= latest else latest


ReleaseKey = tuple[str, str, int]  # database URL, data folder, release number


def release_key() -> ReleaseKey:
    """What identifies the dataset the session sees (a cache key for anything derived from it)."""
    return default_url(), str(data_dir()), shown_release()


def newest_release_key() -> ReleaseKey | None:
    """The newest release's key, outside any session (the server's warm-up); None if the store holds none."""
    latest = store().latest_id()
    return None if latest is None else (default_url(), str(data_dir()), latest)


def dataset_at(key: ReleaseKey) -> Dataset:
    """The dataset of ``key`` (cached)."""
    return _release_dataset(*key)


def dataset() -> Dataset:
    """The validated dataset of the shown release, shared by every session (never mutated)."""
    return dataset_at(release_key())


@st.cache_resource(show_spinner=False, max_entries=512)
def trend_chart(key: ReleaseKey, park_id: str, indicator_id: str, lang: str) -> go.Figure:
    """A park's trend for one indicator, built once per release (figures are only read afterwards)."""
    data = dataset_at(key)
    return build_trend_chart(data.values, park_id, data.indicators[indicator_id], lang, data.years)


@st.cache_resource(show_spinner=False, max_entries=512)
def small_multiples(key: ReleaseKey, park_id: str, indicator_ids: tuple[str, ...], lang: str) -> go.Figure:
    """The rest of the category for one park, built once per release."""
    data = dataset_at(key)
    fig = build_small_multiples(data.values, park_id, [data.indicators[i] for i in indicator_ids], lang, data.years)
    return mark_provenance(fig, provenance_of(data, indicator_ids, data.years, [park_id]), lang)


@st.cache_resource(show_spinner=False, max_entries=256)
def status_chart(key: ReleaseKey, indicator_id: str, year: int, lang: str) -> go.Figure:
    """Parks meeting the target, below it and without data, per pilot province (the map's overview)."""
    data = dataset_at(key)
    overlay = overlay_of(key, indicator_id, year, lang)
    fig = build_status_bars(
        province_status_counts(overlay, data.parks),
        data.province_names(lang),
        lang,
        height=OVERVIEW_CHART_PX,
        horizontal=True,
    )
    return mark_provenance(fig, overlay.table["provenance"], lang)


@st.cache_resource(show_spinner=False, max_entries=256)
def overlay_of(key: ReleaseKey, indicator_id: str, year: int, lang: str) -> Overlay:
    """Every park's value and colour for one indicator and year (read-only once built)."""
    data = dataset_at(key)
    return build_overlay(data.values, data.parks["park_id"], data.indicators[indicator_id], year, lang)


@st.cache_resource(show_spinner=False, max_entries=256)
def province_table(key: ReleaseKey, indicator_id: str, year: int, lang: str) -> pd.DataFrame:
    """The overview's five provinces at a glance, built once per release, indicator, year and language."""
    data = dataset_at(key)
    overlay = overlay_of(key, indicator_id, year, lang)
    return province_summary(overlay, data.parks, data.province_names(lang), lang, data.coverage)


@st.cache_resource(show_spinner=False, max_entries=1024)
def links_of(key: ReleaseKey, park_id: str) -> pd.DataFrame:
    """A park's links with both firms joined on (read-only once built)."""
    data = dataset_at(key)
    return park_links(data.links, data.firms, park_id)


@st.cache_resource(show_spinner=False, max_entries=512)
def sankey(key: ReleaseKey, park_id: str, lang: str) -> go.Figure:
    """A park's links as a Sankey diagram, built once per release."""
    own = links_of(key, park_id)
    return mark_provenance(build_sankey(sankey_frame(own, lang), lang), own["provenance"], lang)


@st.cache_resource(show_spinner=False, max_entries=512)
def opportunities_of(key: ReleaseKey, park_id: str, max_km: float) -> pd.DataFrame:
    """A park's candidate exchanges (read-only once built; never written anywhere)."""
    return candidates(dataset_at(key), park_id, max_km)
