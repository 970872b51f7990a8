"""Shared fixtures: the shipped dataset (loaded once) and writable copies of the data folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from eipmap.loading import Dataset, load_dataset
from eipmap.paths import REPO_DIR

DATA = REPO_DIR / "data"


@pytest.fixture(scope="session")
def dataset() -> Dataset:
    return load_dataset(DATA)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A private copy of data/ that a test may break."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target, ignore=shutil.ignore_patterns("*.md"))
    return target
