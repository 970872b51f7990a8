"""Shipped data that changed after the store was seeded: seen, previewed, published on top of editors' work."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest

from eipmap.releases.shipped import pending_change, publish_shipped
from eipmap.releases.store import UPDATABLE, Store
from eipmap.releases.update import UploadRejected

VALUES = UPDATABLE["values"]


def _values(content: bytes) -> pd.DataFrame:
    return pd.read_csv(io.BytesIO(content), dtype=str, keep_default_na=False)


def _set_value(content: bytes, park: str, indicator: str, year: str, value: str) -> bytes:
    frame = _values(content)
    hit = (frame["park_id"] == park) & (frame["indicator_id"] == indicator) & (frame["year"] == year)
    assert hit.sum() == 1, (park, indicator, year)
    frame.loc[hit, "value"] = value
    return frame.to_csv(index=False).encode("utf-8")


def _value_of(content: bytes, park: str, indicator: str, year: str) -> str:
    frame = _values(content)
    hit = (frame["park_id"] == park) & (frame["indicator_id"] == indicator) & (frame["year"] == year)
    return str(frame.loc[hit, "value"].iloc[0])


def _two_rows(data_copy: Path) -> list[tuple[str, str, str]]:
    """Two (park, indicator, year) keys of illustrative percentages in the shipped values (11, 12, 42 are valid)."""
    frame = _values((data_copy / VALUES).read_bytes())
    catalogue = pd.read_csv(data_copy / "indicators/catalogue.csv", dtype=str)
    percent = set(catalogue.loc[catalogue["unit"] == "percent", "indicator_id"])
    picked = frame[(frame["provenance"] == "illustrative") & frame["indicator_id"].isin(percent)].iloc[[0, 1]]
    return [(r.park_id, r.indicator_id, r.year) for r in picked.itertuples()]


@pytest.fixture
def seeded(store_url: str, data_copy: Path) -> Store:
    store = Store(store_url)
    store.seed_from(data_copy)
    return store


def test_unchanged_files_are_no_change(seeded: Store, data_copy: Path) -> None:
    assert pending_change(seeded, data_copy) is None
    assert seeded.history()[0].sha256  # the seed records what it imported


def test_an_editors_release_is_not_a_shipped_change(seeded: Store, data_copy: Path) -> None:
    (key, _) = _two_rows(data_copy)
    seeded.publish(lambda _l, cur: {**cur, VALUES: _set_value(cur[VALUES], *key, "11")}, author="editor", kind="upload")
    assert pending_change(seeded, data_copy) is None


def test_a_corrected_file_is_seen_and_published_on_top_of_editors_work(seeded: Store, data_copy: Path) -> None:
    edited, corrected = _two_rows(data_copy)
    seeded.publish(
        lambda _l, cur: {**cur, VALUES: _set_value(cur[VALUES], *edited, "11")}, author="editor", kind="upload"
    )
    path = data_copy / VALUES
    path.write_bytes(_set_value(path.read_bytes(), *corrected, "42"))
    change = pending_change(seeded, data_copy)
    assert change is not None and change.ok and change.imported_in == 1
    assert change.changes[["table", "change"]].values.tolist() == [["values", "changed"]]
    assert "value: " in change.changes["detail"].iloc[0] and "→ 42" in change.changes["detail"].iloc[0]

    new = publish_shipped(seeded, data_copy, author="admin", note="corrected file")
    release = seeded.history()[0]
    assert (new, release.kind, release.author, release.note) == (3, "shipped", "admin", "corrected file")
    files = seeded.files(new)
    assert _value_of(files[VALUES], *corrected) == "42"  # the file's correction …
    assert _value_of(files[VALUES], *edited) == "11"  # … and the editor's value, kept
    assert pending_change(seeded, data_copy) is None  # published once, not offered again


def test_a_change_that_breaks_the_data_is_shown_and_cannot_be_published(seeded: Store, data_copy: Path) -> None:
    (key, _) = _two_rows(data_copy)
    path = data_copy / VALUES
    path.write_bytes(_set_value(path.read_bytes(), *key, "not-a-number"))
    change = pending_change(seeded, data_copy)
    assert change is not None and not change.ok
    assert any(f.column == "value" for f in change.failures)
    with pytest.raises(UploadRejected):
        publish_shipped(seeded, data_copy, author="admin", note=None)
    assert seeded.latest_id() == 1


def test_a_store_seeded_before_digests_compares_the_stored_tables(store_url: str, data_copy: Path) -> None:
    """Databases seeded by earlier versions have no digest on release 1: the tables themselves are compared."""
    store = Store(store_url)
    store.publish(lambda _l, _c: {p: (data_copy / p).read_bytes() for p in UPDATABLE.values()}, author="x", kind="seed")
    assert pending_change(store, data_copy) is None
    (key, _) = _two_rows(data_copy)
    path = data_copy / VALUES
    path.write_bytes(_set_value(path.read_bytes(), *key, "12"))
    assert pending_change(store, data_copy) is not None


def test_an_admin_is_told_and_publishes_it_from_the_releases_page(
    tmp_path: Path, data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from eipmap.config import DATA_DIR_ENV
    from eipmap.ingest.disk_cache import CACHE_DIR_ENV
    from eipmap.releases.accounts import Role, add_user
    from eipmap.releases.store import DATABASE_URL_ENV
    from tests.sweep_support import session, texts

    url = f"sqlite:///{tmp_path / 'eipmap.sqlite'}"
    store = Store(url)
    store.seed_from(data_copy)
    add_user(store, "admin", "admin-password-1", Role.ADMIN, None)
    (_, corrected) = _two_rows(data_copy)
    path = data_copy / VALUES
    path.write_bytes(_set_value(path.read_bytes(), *corrected, "42"))
    monkeypatch.setenv(DATABASE_URL_ENV, url)
    monkeypatch.setenv(DATA_DIR_ENV, str(data_copy))
    monkeypatch.setenv(CACHE_DIR_ENV, str(tmp_path / "cache"))
    at = session("pages/releases.py", "vi")
    assert "Các tệp dữ liệu đi kèm ứng dụng đã thay đổi" not in texts(at)  # not for a viewer
    at.text_input(key="sign-in-user").input("admin")
    at.text_input(key="sign-in-password").input("admin-password-1")
    at.button[[b.label for b in at.button].index("Đăng nhập")].click().run()
    assert not at.exception
    assert "Các tệp dữ liệu đi kèm ứng dụng đã thay đổi" in texts(at)  # the notice, on every page
    assert "Dữ liệu đi kèm đã thay đổi" in texts(at)  # the section with the preview
    at.text_input(key="shipped-note").input("bản sửa trong tệp CSV")
    at.button[[b.label for b in at.button].index("Phát hành dữ liệu đi kèm")].click().run()
    assert not at.exception
    assert store.latest_id() == 2 and store.release(2).kind == "shipped" and store.release(2).author == "admin"
    assert "Các tệp dữ liệu đi kèm ứng dụng đã thay đổi" not in texts(at)  # published: no longer offered
    store.engine.dispose()


def test_a_release_stored_before_a_column_was_added_still_loads_and_diffs(store_url: str, data_copy: Path) -> None:
    """An upgraded server: its releases hold links.csv without the columns this version added."""
    from eipmap.ingest.loading import load_dataset
    from eipmap.ingest.schemas import ADDED_COLUMNS

    links = UPDATABLE["links"]
    new_columns = list(ADDED_COLUMNS[links])
    current = (data_copy / links).read_bytes()
    old_format = _values(current).drop(columns=new_columns)  # as text: nothing else changes
    (data_copy / links).write_bytes(old_format.to_csv(index=False).encode("utf-8"))
    store = Store(store_url)
    store.seed_from(data_copy)  # release 1: the old format
    (data_copy / links).write_bytes(current)  # the new version's shipped files
    old = load_dataset(data_copy, overrides=store.files(1))
    assert old.links["counts_as_symbiosis"].all()  # read as the old meaning: every link counted
    change = pending_change(store, data_copy)
    assert change is not None and change.failures == []
    changed = change.changes[change.changes["table"] == "links"]
    assert changed["detail"].str.contains("counts_as_symbiosis: True → False").any()
    assert publish_shipped(store, data_copy, author="admin", note="new columns") == 2
    assert not load_dataset(data_copy, overrides=store.files(2)).links["counts_as_symbiosis"].all()
