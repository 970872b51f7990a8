"""Releases in real SQLite and PostgreSQL: seeding, publishing, history, rollback, atomicity."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from eipmap.releases.store import HEAD_REVISION, MIGRATIONS_DIR, UPDATABLE, Store, schema_revision, sha256
from tests.conftest import DATA

VALUES = UPDATABLE["values"]


def seeded(url: str) -> Store:
    store = Store(url)
    store.seed_from(DATA)
    return store


def with_values(files: dict[str, bytes], extra: bytes) -> dict[str, bytes]:
    return {**files, VALUES: files[VALUES] + extra}


def test_seed_is_release_one_with_the_shipped_files(store_url: str) -> None:
    store = seeded(store_url)
    assert store.latest_id() == 1
    files = store.files(1)
    assert set(files) == set(UPDATABLE.values())
    assert all(files[rel] == (DATA / rel).read_bytes() for rel in files)
    assert Store(store_url).seed_from(DATA) == 1  # a second start seeds nothing
    assert [r.kind for r in store.history()] == ["seed"]


def test_publish_adds_a_release_and_keeps_the_old_one(store_url: str) -> None:
    store = seeded(store_url)
    old = store.files(1)
    row = b"hoa-khanh,KPI-09,2019,1.5,estimated,,\n"
    new_id = store.publish(
        lambda _latest, current: with_values(dict(current), row),
        author="danang-editor",
        kind="upload",
        file_name="dn.xlsx",
        file_sha256=sha256(b"x"),
        note="correction",
    )
    assert new_id == 2
    assert store.files(1) == old  # nothing overwritten in place
    assert store.files(2)[VALUES].endswith(row)
    latest = store.history()[0]
    assert (latest.release_id, latest.author, latest.file_name, latest.note, latest.based_on) == (
        2,
        "danang-editor",
        "dn.xlsx",
        "correction",
        1,
    )


def test_a_failing_build_writes_nothing(store_url: str) -> None:
    store = seeded(store_url)

    def broken(_latest: int | None, _current: object) -> dict[str, bytes]:
        raise RuntimeError("validation failed inside the transaction")

    with pytest.raises(RuntimeError):
        store.publish(broken, author="a", kind="upload")
    with pytest.raises(ValueError, match="missing"):
        store.publish(lambda _l, _c: {VALUES: b"x"}, author="a", kind="upload")
    assert store.latest_id() == 1
    assert len(store.history()) == 1


def test_rollback_publishes_a_copy(store_url: str) -> None:
    store = seeded(store_url)
    row = b"hoa-khanh,KPI-09,2019,1.5,estimated,,\n"
    store.publish(lambda _l, c: with_values(dict(c), row), author="e", kind="upload")
    new_id = store.rollback(1, author="admin", note="wrong file")
    assert new_id == 3
    assert store.files(3) == store.files(1)
    assert store.files(2) != store.files(1)  # the rolled-back release is still there
    assert store.release(3).kind == "rollback"
    assert store.release(3).based_on == 1
    with pytest.raises(KeyError):
        store.rollback(99, author="admin")


def test_head_revision_constant_is_alembic_head(store_url: str) -> None:
    """The start-up shortcut (skip Alembic when at HEAD_REVISION) must not skip a real migration."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    assert ScriptDirectory.from_config(cfg).get_current_head() == HEAD_REVISION
    store = Store(store_url)
    assert schema_revision(store.engine) == HEAD_REVISION
    Store(store_url).seed_from(DATA)  # a second start on a migrated database works without Alembic
    assert store.latest_id() == 1


def test_a_database_of_revision_0001_is_upgraded_keeping_its_releases_and_attempts(store_url: str) -> None:
    """A server started on a database made before 0002 adds the client column and loses nothing."""
    from alembic import command
    from alembic.config import Config

    from eipmap.releases.store import _engine
    from eipmap.releases.store_schema import login_attempts

    engine = _engine(store_url)
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO login_attempts (username, at, ok) VALUES ('admin', '2026-12-01 09:00:00+00:00', false)"
        )
    engine.dispose()
    store = Store(store_url)  # the app's start-up: migrate to head
    assert schema_revision(store.engine) == HEAD_REVISION
    with store.engine.connect() as conn:
        rows = conn.execute(sa.select(login_attempts.c.username, login_attempts.c.client)).all()
    assert rows == [("admin", None)]
    store.seed_from(DATA)
    assert store.latest_id() == 1
