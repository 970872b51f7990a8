"""Accounts: Argon2 hashes, roles, throttled sign-in, idle expiry — against SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from eipmap.releases.accounts import (
    LOCK_WINDOW,
    MAX_FAILURES,
    SESSION_IDLE,
    LoginError,
    Role,
    add_user,
    expired,
    find_user,
    list_users,
    sign_in,
    still_valid,
    sync_users,
)
from eipmap.releases.store import Store
from eipmap.releases.store_schema import users
from eipmap.releases.update import UploadRejected, publish_upload
from eipmap.releases.upload import read_upload
from tests.conftest import DATA

VALUE_CSV = b"park_id,indicator_id,year,value,provenance,source_url,note\nhoa-khanh,KPI-09,2024,55.5,estimated,,\n"
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def store(accounts_store: Store) -> Store:
    return accounts_store


def test_password_is_stored_only_as_an_argon2_hash(store: Store) -> None:
    with store.engine.connect() as conn:
        stored = conn.execute(sa.select(users.c.password_hash).where(users.c.username == "danang-editor")).scalar()
    assert stored.startswith("$argon2id$")
    assert "mật-khẩu" not in stored


def test_right_password_signs_in_with_role_and_province(store: Store) -> None:
    account = sign_in(store, "danang-editor", "mật-khẩu-đà-nẵng", NOW)
    assert (account.role, account.province_code) == (Role.EDITOR, "48")
    assert account.may_edit("48") and not account.may_edit("79")
    assert sign_in(store, "admin", "admin-password-1", NOW).may_edit("79")


@pytest.mark.parametrize(("name", "password"), [("danang-editor", "wrong"), ("nobody", "whatever"), ("admin", "")])
def test_wrong_or_unknown_is_refused_the_same_way(store: Store, name: str, password: str) -> None:
    with pytest.raises(LoginError) as err:
        sign_in(store, name, password, NOW)
    assert err.value.reason == "wrong"


def test_too_many_failures_lock_the_name_for_a_while(store: Store) -> None:
    for i in range(MAX_FAILURES):
        with pytest.raises(LoginError):
            sign_in(store, "danang-editor", f"guess-{i}", NOW + timedelta(seconds=i))
    with pytest.raises(LoginError) as err:
        sign_in(store, "danang-editor", "mật-khẩu-đà-nẵng", NOW + timedelta(minutes=1))  # even the right one
    assert err.value.reason == "locked"
    assert 1 <= int(str(err.value.params["minutes"])) <= LOCK_WINDOW.seconds // 60
    later = NOW + LOCK_WINDOW + timedelta(minutes=1)
    assert sign_in(store, "danang-editor", "mật-khẩu-đà-nẵng", later).username == "danang-editor"
    assert sign_in(store, "admin", "admin-password-1", NOW + timedelta(minutes=1))  # other names unaffected


def test_a_success_resets_the_count(store: Store) -> None:
    for i in range(MAX_FAILURES - 1):
        with pytest.raises(LoginError):
            sign_in(store, "admin", "nope", NOW + timedelta(seconds=i))
    sign_in(store, "admin", "admin-password-1", NOW + timedelta(seconds=10))
    with pytest.raises(LoginError) as err:
        sign_in(store, "admin", "nope", NOW + timedelta(seconds=11))
    assert err.value.reason == "wrong"


def test_sessions_expire_after_idling() -> None:
    assert not expired(NOW, NOW + SESSION_IDLE - timedelta(seconds=1))
    assert expired(NOW, NOW + SESSION_IDLE + timedelta(seconds=1))


def test_an_editor_needs_a_pilot_province(store: Store) -> None:
    with pytest.raises(ValueError, match="pilot provinces"):
        add_user(store, "x", "password-123", Role.EDITOR, "01")


def test_accounts_from_secrets(store: Store) -> None:
    from argon2 import PasswordHasher

    sync_users(
        store, {"cantho": {"password_hash": PasswordHasher().hash("cần-thơ-123"), "role": "editor", "province": "92"}}
    )
    assert find_user(store, "cantho").province_code == "92"  # type: ignore[union-attr]
    assert sign_in(store, "cantho", "cần-thơ-123", NOW).role is Role.EDITOR
    assert [a.username for a in list_users(store)] == ["admin", "cantho", "danang-editor"]


@pytest.mark.parametrize("change", ["new password", "moved province", "made admin", "removed"])
def test_a_session_follows_its_account(store: Store, change: str) -> None:
    """A signed-in editor whose account changes (or goes) can do nothing more with the old session."""
    store.seed_from(DATA)
    account = sign_in(store, "danang-editor", "mật-khẩu-đà-nẵng", now=NOW)
    assert still_valid(store, account) == account
    if change == "new password":
        add_user(store, "danang-editor", "một-mật-khẩu-khác", Role.EDITOR, "48")
    elif change == "moved province":
        add_user(store, "danang-editor", "mật-khẩu-đà-nẵng", Role.EDITOR, "79")
    elif change == "made admin":
        add_user(store, "danang-editor", "mật-khẩu-đà-nẵng", Role.ADMIN, None)
    else:
        with store.engine.begin() as conn:
            conn.execute(users.delete().where(users.c.username == "danang-editor"))
    assert still_valid(store, account) is None
    with pytest.raises(UploadRejected, match="1 problem"):
        publish_upload(store, read_upload("dn.csv", VALUE_CSV), account, sha="x", note="after the change", root=DATA)
    assert store.latest_id() == 1
