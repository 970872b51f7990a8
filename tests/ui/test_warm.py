"""The server's warm-up (serve.py → eipmap.ui.warm): the newest release's dataset is loaded before any session asks."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest

from eipmap.config import DATA_DIR_ENV, data_dir
from eipmap.ingest.disk_cache import CACHE_DIR_ENV
from eipmap.releases.store import DATABASE_URL_ENV, default_url
from eipmap.ui import cache, warm


@pytest.fixture
def own_data(tmp_path: Path, tiny_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private copy of the tiny dataset as the app's data folder, with its own release database and cache."""
    data = tmp_path / "data"
    shutil.copytree(tiny_dir, data)
    monkeypatch.setenv(DATA_DIR_ENV, str(data))
    monkeypatch.delenv(DATABASE_URL_ENV, raising=False)
    monkeypatch.delenv(CACHE_DIR_ENV, raising=False)
    return data


def test_after_the_warm_up_a_session_finds_the_dataset_loaded(own_data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    warm.warm()
    latest = cache.store().latest_id()
    assert latest == 1  # the shipped files became release 1

    def must_not_load(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the dataset was loaded again")

    monkeypatch.setattr(cache, "load_validated", must_not_load)
    data = cache.dataset_at((default_url(), str(data_dir()), latest))
    assert data.release is not None and data.release.number == 1 and len(data.parks) > 0


def test_a_warm_up_on_broken_data_logs_and_leaves_it_to_the_session(
    own_data: Path, caplog: pytest.LogCaptureFixture
) -> None:
    parks = own_data / "parks" / "parks.csv"
    parks.write_text(parks.read_text(encoding="utf-8").replace(",operating,", ",open-ish,", 1), encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="eipmap.warm"):
        warm.start().join(timeout=120)
    (record,) = [r for r in caplog.records if r.name == "eipmap.warm"]
    assert "warm-up stopped" in record.getMessage() and "parks.csv" in record.getMessage()
