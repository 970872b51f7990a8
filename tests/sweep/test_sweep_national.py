"""The sweep on the national dataset (``scripts/generate_scale.py``): 30 parks three ways, every page.

Its own module: the dataset is served from its own folder, release database and cache for as long as
this module runs, and from nowhere else.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import pytest

from eipmap.config import DATA_DIR_ENV, REPO_DIR
from eipmap.i18n import LANGUAGES
from eipmap.ingest.disk_cache import CACHE_DIR_ENV
from eipmap.ingest.loading import Dataset, load_dataset
from eipmap.releases.store import DATABASE_URL_ENV
from tests.sweep_support import PAGES, Clicker, assert_park_panel, failures, session, texts

NATIONAL_SAMPLE = 30


@pytest.fixture(scope="module")
def national(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dataset]:
    """The generated national dataset, served from its own folder, release database and cache."""
    root = tmp_path_factory.mktemp("national")
    subprocess.run([sys.executable, str(REPO_DIR / "scripts" / "generate_scale.py"), str(root / "data")], check=True)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(DATA_DIR_ENV, str(root / "data"))
        mp.setenv(DATABASE_URL_ENV, f"sqlite:///{root / 'eipmap.sqlite'}")
        mp.setenv(CACHE_DIR_ENV, str(root / "cache"))
        yield load_dataset(root / "data")


def _sample(data: Dataset) -> list[str]:
    ids = sorted(data.parks["park_id"])
    step = max(1, len(ids) // NATIONAL_SAMPLE)
    return ids[::step][:NATIONAL_SAMPLE]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_national_dataset_sample(national: Dataset, lang: str) -> None:
    sample = _sample(national)
    assert len(sample) == NATIONAL_SAMPLE
    user = Clicker(session(None, lang))
    for park_id in sample:
        user.click(park_id)
        assert_park_panel(user.at, national, park_id, lang)
        user.find(national, park_id, lang)
        assert_park_panel(user.at, national, park_id, lang)
    for park_id in sample[:: len(LANGUAGES)]:
        assert_park_panel(session(None, lang, park=park_id), national, park_id, lang)


@pytest.mark.parametrize("page", PAGES)
def test_national_dataset_every_page(national: Dataset, page: str) -> None:
    at = session(page, "vi")
    assert not failures(at, "vi"), failures(at, "vi")
    assert len(texts(at)) > 200
