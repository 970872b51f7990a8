"""The on-disk cache of validated datasets: hit, miss on any change, nothing written for bad data."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from eipmap import dataset_cache
from eipmap.dataset_cache import CACHE_DIR_ENV, dataset_key, load_validated
from eipmap.errors import DataValidationError
from tests.conftest import DATA

VALUES = "indicators/values.csv"


@pytest.fixture
def copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(CACHE_DIR_ENV, str(tmp_path / "cache"))
    shutil.copytree(DATA, tmp_path / "data")
    return tmp_path / "data"


def _count_validations(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    real = dataset_cache.load_dataset

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(dataset_cache, "load_dataset", counting)
    return calls


def test_second_start_reads_the_validated_dataset(copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _count_validations(monkeypatch)
    first = load_validated(copy)
    second = load_validated(copy)
    assert len(calls) == 1
    pd.testing.assert_frame_equal(first.values, second.values)
    assert list(second.indicators) == list(first.indicators)
    assert len(list((copy.parent / "cache").glob("dataset-*.pickle"))) == 1


def test_any_change_to_a_file_or_an_override_validates_again(copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _count_validations(monkeypatch)
    before = load_validated(copy)
    path = copy / VALUES
    path.touch()
    load_validated(copy)
    assert len(calls) == 1  # same bytes, same key (a newer file time alone changes nothing)
    rows = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([rows[0], *rows[2:]]) + "\n", encoding="utf-8")  # the first value gone
    smaller = load_validated(copy)
    assert len(calls) == 2 and len(smaller.values) == len(before.values) - 1
    key = dataset_key(copy.resolve(), {})
    assert dataset_key(copy.resolve(), {VALUES: path.read_bytes() + b"\n"}) != key


def test_bad_data_is_reported_every_time_and_never_cached(copy: Path) -> None:
    path = copy / VALUES
    path.write_text(path.read_text(encoding="utf-8").replace("illustrative", "made-up", 1), encoding="utf-8")
    for _ in range(2):
        with pytest.raises(DataValidationError, match=r"values\.csv"):
            load_validated(copy)
    assert not list((copy.parent / "cache").glob("*.pickle"))


def test_a_damaged_cache_file_is_rebuilt(copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load_validated(copy)
    (cached,) = (copy.parent / "cache").glob("dataset-*.pickle")
    cached.write_bytes(b"not a pickle")
    calls = _count_validations(monkeypatch)
    assert len(load_validated(copy).parks) > 0
    assert len(calls) == 1 and cached.read_bytes() != b"not a pickle"
