"""Shared fixtures: the shipped dataset (loaded once) and writable copies of the data folder."""

from __future__ import annotations

import math
import shutil
from pathlib import Path

import pytest

from eipmap.loading import Dataset, load_dataset
from eipmap.models import Category, Direction, Indicator, IndicatorKind, TargetKind, Unit
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


def make_indicator(
    direction: Direction = Direction.HIGHER,
    target: float = 20.0,
    unit: Unit = Unit.PERCENT,
    kind: TargetKind | None = None,
) -> Indicator:
    """A hand-built indicator for rule tables (target kind follows the target unless given)."""
    if kind is None:
        kind = TargetKind.NONE if math.isnan(target) else TargetKind.LEGAL_MINIMUM
    return Indicator(
        "X",
        IndicatorKind.KPI,
        Category.ENVIRONMENTAL,
        "Chỉ số X",
        "Indicator X",
        unit,
        direction,
        target,
        kind,
        False,
        "",
        "",
        "",
    )
