"""The on-disk cache of validated datasets: hit, miss on any change, nothing written for bad data."""

from __future__ import annotations

import io
import os
import pickle
import shutil
import zipfile
from dataclasses import fields
from pathlib import Path

import pandas as pd
import pytest

from eipmap.domain.dataset import Dataset
from eipmap.domain.errors import DataValidationError
from eipmap.ingest import loading
from eipmap.ingest.disk_cache import CACHE_DIR_ENV, SUFFIX, TABLES, dataset_key, decode, encode, load_validated
from tests.conftest import DATA

VALUES = "indicators/values.csv"


@pytest.fixture
def copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(CACHE_DIR_ENV, str(tmp_path / "cache"))
    shutil.copytree(DATA, tmp_path / "data")
    return tmp_path / "data"


def _count_validations(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    real = loading.load_dataset  # looked up at each validation (imported there on demand: pandera is heavy)

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(loading, "load_dataset", counting)
    return calls


def test_second_start_reads_the_validated_dataset(copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _count_validations(monkeypatch)
    first = load_validated(copy)
    second = load_validated(copy)
    assert len(calls) == 1
    pd.testing.assert_frame_equal(first.values, second.values)
    assert list(second.indicators) == list(first.indicators)
    assert len(list((copy.parent / "cache").glob(f"dataset-*{SUFFIX}"))) == 1


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
    assert not list((copy.parent / "cache").glob("dataset-*"))


def test_a_damaged_cache_file_is_rebuilt(copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load_validated(copy)
    (cached,) = (copy.parent / "cache").glob(f"dataset-*{SUFFIX}")
    cached.write_bytes(b"not a cache file")
    calls = _count_validations(monkeypatch)
    assert len(load_validated(copy).parks) > 0
    assert len(calls) == 1 and cached.read_bytes() != b"not a cache file"


def test_every_table_comes_back_exactly(copy: Path) -> None:
    fresh = load_validated(copy)
    again = decode(encode(fresh))
    for name in TABLES:
        pd.testing.assert_frame_equal(pd.DataFrame(getattr(again, name)), pd.DataFrame(getattr(fresh, name)))
    assert again.provinces.crs.to_epsg() == 4326 and list(again.indicators) == list(fresh.indicators)


def test_a_crafted_cache_file_never_runs_code(copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A pickle that would create a file when loaded, put where the cache file is: ignored, data validated again."""
    load_validated(copy)
    (cached,) = (copy.parent / "cache").glob(f"dataset-*{SUFFIX}")
    marker = tmp_path / "pwned"

    class Payload:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return (os.system, (f"touch {marker}",))

    cached.write_bytes(pickle.dumps(Payload()))
    calls = _count_validations(monkeypatch)
    assert len(load_validated(copy).parks) > 0
    assert not marker.exists() and len(calls) == 1


def test_an_edited_value_in_the_cache_is_not_shown(copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A member whose bytes differ from the manifest (a value edited on disk) is not used: validated again."""
    fresh = load_validated(copy)
    (cached,) = (copy.parent / "cache").glob(f"dataset-*{SUFFIX}")
    with zipfile.ZipFile(cached) as archive:
        members = {n: archive.read(n) for n in archive.namelist()}
    edited = fresh.values.copy()
    edited.loc[0, "value"] = 999.0
    buffer = io.BytesIO()
    edited.to_parquet(buffer, index=True)
    members["values.parquet"] = buffer.getvalue()
    with zipfile.ZipFile(cached, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    calls = _count_validations(monkeypatch)
    assert load_validated(copy).values.loc[0, "value"] == fresh.values.loc[0, "value"]
    assert len(calls) == 1


def test_the_cache_holds_every_table_of_a_dataset() -> None:
    tables = {f.name for f in fields(Dataset) if f.type in ("pd.DataFrame", "gpd.GeoDataFrame")}
    assert tables == set(TABLES)
