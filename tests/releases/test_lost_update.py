"""No lost update: a publish names the release its preview was based on; a newer change to the same rows stops it."""

from __future__ import annotations

import io

import openpyxl
import pytest

from eipmap.releases.accounts import Account, Role
from eipmap.releases.sheets import columns_of
from eipmap.releases.store import UPDATABLE, Store
from eipmap.releases.update import UploadRejected, check_upload, publish_upload
from eipmap.releases.upload import read_upload
from tests.conftest import DATA, with_accounts

EDITOR_A = Account("danang-a", Role.EDITOR, "48")
EDITOR_B = Account("danang-b", Role.EDITOR, "48")


def value_upload(indicator: str, year: int, value: float) -> bytes:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "values"
    ws.append(columns_of("values"))
    ws.append(["hoa-khanh", indicator, year, value, "estimated", None, "Ban quản lý KCN Đà Nẵng"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def stored_value(store: Store, release: int, indicator: str, year: int) -> float:
    text = store.files(release)[UPDATABLE["values"]].decode()
    (line,) = [ln for ln in text.splitlines() if ln.startswith(f"hoa-khanh,{indicator},{year},")]
    return float(line.split(",")[3])


@pytest.fixture
def store(store_url: str) -> Store:
    s = Store(store_url)
    s.seed_from(DATA)
    with_accounts(s, EDITOR_A, EDITOR_B)
    return s


def test_b_cannot_overwrite_what_a_published_after_bs_preview(store: Store) -> None:
    b_upload = read_upload("b.xlsx", value_upload("D35-37.2c", 2024, 20.0))
    assert check_upload(b_upload, EDITOR_B, store.files(1), DATA).ok  # B's preview, against release 1
    a_upload = read_upload("a.xlsx", value_upload("D35-37.2c", 2024, 10.0))
    assert publish_upload(store, a_upload, EDITOR_A, sha="a", note="A", root=DATA, based_on=1) == 2
    with pytest.raises(UploadRejected) as err:
        publish_upload(store, b_upload, EDITOR_B, sha="b", note="B", root=DATA, based_on=1)
    (failure,) = err.value.failures
    assert "release 2, published after yours, changed this row" in failure.expected
    assert "→ 10;" in failure.expected and "value: 20," in failure.expected  # both changes named
    assert store.latest_id() == 2 and stored_value(store, 2, "D35-37.2c", 2024) == 10.0  # A's value stands
    again = publish_upload(store, b_upload, EDITOR_B, sha="b", note="B, after a new preview", root=DATA, based_on=2)
    assert again == 3 and stored_value(store, 3, "D35-37.2c", 2024) == 20.0  # a deliberate overwrite is fine


def test_changes_to_other_rows_are_applied_on_top(store: Store) -> None:
    b_upload = read_upload("b.xlsx", value_upload("KPI-09", 2024, 55.5))
    a_upload = read_upload("a.xlsx", value_upload("D35-37.2c", 2024, 10.0))
    assert publish_upload(store, a_upload, EDITOR_A, sha="a", note="A", root=DATA, based_on=1) == 2
    assert publish_upload(store, b_upload, EDITOR_B, sha="b", note="B", root=DATA, based_on=1) == 3
    assert stored_value(store, 3, "D35-37.2c", 2024) == 10.0 and stored_value(store, 3, "KPI-09", 2024) == 55.5
