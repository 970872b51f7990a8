"""Sign-in under attack, on SQLite and PostgreSQL.

A password spray is throttled per address, Argon2 never holds the write lock, and a flood of
sign-ins leaves publishing free.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa
from argon2 import PasswordHasher

from eipmap.releases import accounts
from eipmap.releases.accounts import LOCK_WINDOW, MAX_CLIENT_FAILURES, Account, LoginError, client_of, sign_in
from eipmap.releases.store import Store
from eipmap.releases.update import publish_upload
from eipmap.releases.upload import read_upload
from tests.conftest import DATA

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
SPRAYER = "203.0.113.7"  # documentation addresses (RFC 5737)
OFFICE = "198.51.100.20"
HEADER = "park_id,indicator_id,year,value,provenance,source_url,note"


@pytest.fixture
def store(accounts_store: Store) -> Store:
    return accounts_store


class Hasher:
    """Argon2 as the app uses it, calling ``before(password)`` first (PasswordHasher's slots cannot be patched)."""

    def __init__(self, before: Callable[[str], None]) -> None:
        self.real = PasswordHasher()
        self.before = before

    def hash(self, password: str) -> str:
        self.before(password)
        return self.real.hash(password)

    def verify(self, stored: str, password: str) -> bool:
        self.before(password)
        return self.real.verify(stored, password)


def _outcome(store: Store, name: str, password: str, when: datetime | None, client: str) -> str:
    try:
        sign_in(store, name, password, when, client=client)
    except LoginError as err:
        return err.reason
    return "signed in"


def test_a_password_spray_from_one_address_is_throttled(store: Store) -> None:
    """30 names × 5 guesses from one address: after MAX_CLIENT_FAILURES wrong ones, nothing more is checked."""
    names = [f"user{i:02d}" for i in range(28)] + ["danang-editor", "admin"]
    tried = Counter(
        _outcome(store, name, f"guess-{k}", NOW + timedelta(seconds=5 * k + i / 10), SPRAYER)
        for k in range(5)
        for i, name in enumerate(names)
    )
    assert tried == {"wrong": MAX_CLIENT_FAILURES, "throttled": 150 - MAX_CLIENT_FAILURES}
    # the right password from the throttled address is refused too; from another address it is let in
    assert _outcome(store, "admin", "admin-password-1", NOW + timedelta(minutes=1), SPRAYER) == "throttled"
    assert _outcome(store, "admin", "admin-password-1", NOW + timedelta(minutes=1), OFFICE) == "signed in"
    later = NOW + LOCK_WINDOW + timedelta(minutes=1)  # the window passes: the address may try again
    assert _outcome(store, "admin", "admin-password-1", later, SPRAYER) == "signed in"


def test_a_throttled_attempt_costs_no_argon2_and_no_write(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    for i in range(MAX_CLIENT_FAILURES):
        _outcome(store, f"n{i}", "x", NOW + timedelta(seconds=i), SPRAYER)
    with store.engine.connect() as conn:
        before = conn.execute(sa.select(sa.func.count()).select_from(accounts.login_attempts)).scalar()
    hashed: list[str] = []
    monkeypatch.setattr(accounts, "HASHER", Hasher(before=lambda password: hashed.append(password)))
    assert _outcome(store, "admin", "y", NOW + timedelta(minutes=2), SPRAYER) == "throttled"
    with store.engine.connect() as conn:
        after = conn.execute(sa.select(sa.func.count()).select_from(accounts.login_attempts)).scalar()
    assert (hashed, after) == ([], before)


def _probe_write(url: str) -> None:
    """Take the write lock of the store at once, or fail: what a publish would wait for."""
    if url.startswith("sqlite"):
        engine = sa.create_engine(url, connect_args={"timeout": 0.2, "isolation_level": None})
        with engine.connect() as conn:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
            conn.exec_driver_sql("ROLLBACK")
    else:
        engine = sa.create_engine(url)
        with engine.begin() as conn:
            conn.exec_driver_sql("SET LOCAL lock_timeout = '200ms'")
            conn.exec_driver_sql("LOCK TABLE login_attempts, users IN ACCESS EXCLUSIVE MODE")
    engine.dispose()


def test_argon2_runs_while_the_store_is_free_to_write(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """While a password is being checked, another writer gets the lock at once (no transaction is open)."""
    probes: list[str] = []

    def probe(password: str) -> None:
        _probe_write(store.url)  # raises "database is locked" / lock timeout if sign-in held a transaction
        probes.append(password)

    monkeypatch.setattr(accounts, "HASHER", Hasher(before=probe))
    assert _outcome(store, "admin", "admin-password-1", NOW, OFFICE) == "signed in"
    assert _outcome(store, "admin", "wrong", NOW + timedelta(seconds=1), OFFICE) == "wrong"
    assert probes == ["admin-password-1", "wrong"]


@pytest.fixture
def flood(store: Store) -> Iterator[tuple[Store, Account]]:
    store.seed_from(DATA)
    yield store, sign_in(store, "admin", "admin-password-1", NOW, client=OFFICE)


def test_a_flood_of_sign_ins_is_answered_and_publishing_goes_on(flood: tuple[Store, Account]) -> None:
    """120 sign-ins from 6 addresses in 6 threads while an admin publishes 3 releases.

    Every sign-in gets an answer (no 'database is locked'), every publish lands. `make bench` times it.
    """
    store, admin = flood
    answers: list[str] = []
    published: list[int] = []

    def attacker(k: int) -> None:
        for i in range(20):
            name = ["danang-editor", "admin", f"ghost{i}"][i % 3]
            answers.append(_outcome(store, name, f"guess-{k}-{i}", None, f"192.0.2.{k}"))

    def publisher() -> None:
        for n in range(3):
            upload = read_upload(f"flood-{n}.csv", f"{HEADER}\nhoa-khanh,KPI-09,2024,{50 + n},estimated,,\n".encode())
            published.append(publish_upload(store, upload, admin, sha=f"{n}", note="during a flood", root=DATA))

    threads = [threading.Thread(target=attacker, args=(k,)) for k in range(6)] + [threading.Thread(target=publisher)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert not any(thread.is_alive() for thread in threads)
    assert len(answers) == 120 and set(answers) <= {"wrong", "locked", "throttled"}, Counter(answers)
    assert Counter(answers)["wrong"] >= 6 * 3  # each address was heard before any limit
    assert published == [2, 3, 4] and store.latest_id() == 4


@pytest.mark.parametrize(
    ("remote", "forwarded", "client"),
    [
        ("203.0.113.7", None, "203.0.113.7"),  # a direct peer is the client, whatever a header claims
        ("203.0.113.7", "198.51.100.1", "203.0.113.7"),
        (None, "198.51.100.1, 192.0.2.44", "192.0.2.44"),  # behind a local proxy: the address it appended
        (None, None, "local"),  # a user on this machine
        (None, " , ", "local"),
    ],
)
def test_the_address_behind_a_local_proxy_is_the_one_it_saw(
    remote: str | None, forwarded: str | None, client: str
) -> None:
    assert client_of(remote, forwarded) == client
