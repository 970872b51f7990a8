"""A database that cannot be written refuses a publish with a reason and writes nothing.

Full or read-only (real database errors, SQLite and PostgreSQL): the same publish lands once it can be written.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from eipmap.releases.accounts import Account, Role
from eipmap.releases.store import Store, StoreUnwritable
from eipmap.releases.update import publish_upload
from eipmap.releases.upload import read_upload
from tests.conftest import DATA, unwritable, with_accounts

ADMIN = Account("admin", Role.ADMIN, None)
CSV = b"park_id,indicator_id,year,value,provenance,source_url,note\nhoa-khanh,KPI-09,2024,55.5,estimated,,\n"


@pytest.fixture
def seeded(store_url: str) -> Iterator[Store]:
    store = Store(store_url)
    store.seed_from(DATA)
    with_accounts(store, ADMIN)
    yield store
    store.engine.dispose()


FAULTS = ["full", "read_only"]


@pytest.mark.parametrize("fault", FAULTS)
def test_a_publish_the_database_refuses_writes_nothing_and_can_be_retried(seeded: Store, fault: str) -> None:
    if fault == "full" and seeded.engine.dialect.name != "sqlite":
        pytest.skip("a full disk cannot be made on the shared PostgreSQL test server; read-only stands for it")
    before = seeded.files(1)
    upload = read_upload("hoa-khanh.csv", CSV)
    with unwritable(seeded, fault), pytest.raises(StoreUnwritable) as err:
        publish_upload(seeded, upload, ADMIN, sha="x", note="while the disk is unwritable", root=DATA)
    assert err.value.why == ("full" if fault == "full" else "read_only"), err.value.detail
    assert err.value.detail  # the database's own words, for an administrator
    assert seeded.latest_id() == 1 and seeded.files(1) == before  # nothing half-written
    assert publish_upload(seeded, upload, ADMIN, sha="x", note="again", root=DATA) == 2  # the same upload lands


def test_a_read_only_database_file_still_serves_viewers(seeded: Store, tmp_path: Path) -> None:
    if seeded.engine.dialect.name != "sqlite":
        pytest.skip("a database file: SQLite only")
    path = sa.engine.make_url(seeded.url).database
    readonly = Store(f"sqlite:///file:{path}?mode=ro&uri=true")
    assert readonly.latest_id() == 1 and readonly.files(1) == seeded.files(1)
    with pytest.raises(StoreUnwritable) as err:
        readonly.rollback(1, author="admin")
    assert err.value.why == "read_only"
    assert not (tmp_path / "file:").exists()  # the URI is not taken for a folder to create
    readonly.engine.dispose()
