"""Accounts that may upload and publish: provincial editors (one province) and admins.

Passwords are hashed with Argon2 (argon2-cffi); a username, and a client address, is locked
for a while after too many failed attempts; a signed-in session expires after a period
without activity.
Viewing the dashboard needs no account.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from eipmap.domain.models import PILOT_PROVINCE_CODES
from eipmap.releases.store import Store
from eipmap.releases.store_schema import login_attempts, users

MAX_FAILURES = 5  # per name within LOCK_WINDOW (a success resets it)
MAX_CLIENT_FAILURES = 20  # per client address within LOCK_WINDOW, whatever the names (a password spray)
LOCK_WINDOW = timedelta(minutes=15)
SESSION_IDLE = timedelta(minutes=30)
HASHER = PasswordHasher()
VERIFYING = threading.BoundedSemaphore(2)  # Argon2 checks at once: a flood cannot take every core


class Role(StrEnum):
    """What an account may do."""

    EDITOR = "editor"  # upload and publish rows of one province
    ADMIN = "admin"  # every province, rollback, the account list


@dataclass(frozen=True)
class Account:
    """A signed-in user."""

    username: str
    role: Role
    province_code: str | None  # the editor's province; None for an admin
    stamp: str = field(default="", compare=False)  # fingerprint of the stored account (role, province, password)

    def may_edit(self, province_code: str) -> bool:
        """Whether this account may change rows of ``province_code``."""
        return self.role is Role.ADMIN or province_code == self.province_code


class LoginError(ValueError):
    """Why a sign-in was refused (wrong password, unknown user, locked)."""

    def __init__(self, reason: str, **params: object) -> None:
        self.reason = reason  # an i18n key under "auth."
        self.params = params
        super().__init__(reason)


def add_user(store: Store, username: str, password: str | None, role: Role, province_code: str | None) -> None:
    """Create or replace an account (password None: sign-in only through the identity provider)."""
    if role is Role.EDITOR and province_code not in PILOT_PROVINCE_CODES:
        raise ValueError(f"an editor needs one of the pilot provinces {PILOT_PROVINCE_CODES}, got {province_code!r}")
    row = {
        "username": username,
        "password_hash": HASHER.hash(password) if password else None,
        "role": role.value,
        "province_code": province_code if role is Role.EDITOR else None,
        "created_at": datetime.now(UTC),
    }
    with store.writer.begin() as conn:
        conn.execute(users.delete().where(users.c.username == username))
        conn.execute(users.insert().values(**row))


def sync_users(store: Store, configured: Mapping[str, Mapping[str, object]]) -> None:
    """Accounts configured in Streamlit secrets (``[eipmap.users.NAME]`` with password_hash, role, province)."""
    with store.writer.begin() as conn:
        for name, entry in configured.items():
            conn.execute(users.delete().where(users.c.username == name))
            conn.execute(
                users.insert().values(
                    username=name,
                    password_hash=str(entry.get("password_hash") or "") or None,
                    role=Role(str(entry.get("role", "editor"))).value,
                    province_code=str(entry["province"]) if entry.get("province") else None,
                    created_at=datetime.now(UTC),
                )
            )


def _account(row: sa.RowMapping | Mapping[str, Any]) -> Account:
    code = row["province_code"]
    fingerprint = "\0".join(str(row[c]) for c in ("username", "role", "province_code", "password_hash", "created_at"))
    stamp = hashlib.sha256(fingerprint.encode()).hexdigest()
    return Account(str(row["username"]), Role(str(row["role"])), str(code) if code else None, stamp)


def still_valid(store: Store, account: Account) -> Account | None:
    """The account as stored now, if it is the one that signed in; None once it was changed, moved or deleted.

    Every privileged action asks, so a new password, a new role or province, or a removal stops a
    session that signed in before it, at once.
    """
    stored = find_user(store, account.username)
    if stored is None or (stored.role, stored.province_code) != (account.role, account.province_code):
        return None
    return stored if not account.stamp or stored.stamp == account.stamp else None


def find_user(store: Store, username: str) -> Account | None:
    """The account called ``username``, if any."""
    with store.engine.connect() as conn:
        row = conn.execute(sa.select(users).where(users.c.username == username)).mappings().first()
    return None if row is None else _account(row)


def list_users(store: Store) -> list[Account]:
    """Every account, by name."""
    with store.engine.connect() as conn:
        rows = conn.execute(sa.select(users).order_by(users.c.username)).mappings().all()
    return [_account(r) for r in rows]


def client_of(remote: str | None, forwarded: str | None) -> str:
    """The address sign-in is throttled by, from the connection's peer and its ``X-Forwarded-For`` header.

    A peer on another machine is the client. A loopback peer (Streamlit reports it as None) is a local
    user or a reverse proxy on this machine; a proxy appends the address it saw to ``X-Forwarded-For``,
    so its last entry is trusted (earlier entries are the client's own claims). Without one: "local".
    """
    if remote:
        return remote[:64]
    hops = [h.strip() for h in (forwarded or "").split(",") if h.strip()]
    return hops[-1][:64] if hops else "local"


def _recent_failures(conn: sa.Connection, column: sa.Column[Any], key: str, now: datetime) -> list[datetime]:
    """Failed attempts for one name or one client address within the lock window.

    For a name, a success wipes the count; for an address it does not (a spray from one
    address mixes right and wrong names).
    """
    rows = conn.execute(
        sa.select(login_attempts.c.at, login_attempts.c.ok)
        .where(column == key, login_attempts.c.at >= now - LOCK_WINDOW)
        .order_by(login_attempts.c.at)
    ).all()
    failures: list[datetime] = []
    for at, ok in rows:
        if ok and column is login_attempts.c.username:
            failures = []
        elif not ok:
            failures.append(at if at.tzinfo else at.replace(tzinfo=UTC))
    return failures


def _refuse_if_throttled(conn: sa.Connection, username: str, client: str | None, now: datetime) -> None:
    """``LoginError`` when the name, or the address it comes from, failed too often lately."""
    limits = [("locked", login_attempts.c.username, username, MAX_FAILURES)]
    if client:
        limits.append(("throttled", login_attempts.c.client, client, MAX_CLIENT_FAILURES))
    for reason, column, key, limit in limits:
        failures = _recent_failures(conn, column, key, now)
        if len(failures) >= limit:
            until = failures[-limit] + LOCK_WINDOW
            raise LoginError(reason, minutes=max(1, round((until - now).total_seconds() / 60)))


def _verify(row: sa.RowMapping | None, password: str) -> bool:
    """Argon2 check, two at most at once (``VERIFYING``); an unknown name costs the same work."""
    with VERIFYING:
        if row is None or not row["password_hash"]:
            HASHER.hash(password)  # so timing does not tell names apart
            return False
        try:
            return HASHER.verify(str(row["password_hash"]), password)
        except (VerificationError, InvalidHashError):
            return False


def sign_in(
    store: Store, username: str, password: str, now: datetime | None = None, client: str | None = None
) -> Account:
    """The account if the password is right; ``LoginError`` otherwise.

    Throttled per name and per client address before any work is done; the Argon2 check runs
    outside any transaction and the attempt is written in a one-row transaction of its own,
    so sign-in traffic never holds the write lock a publish waits for.
    """
    moment = now or datetime.now(UTC)
    with store.engine.connect() as conn:  # reads only: no write lock
        _refuse_if_throttled(conn, username, client, moment)
        row = conn.execute(sa.select(users).where(users.c.username == username)).mappings().first()
    ok = _verify(row, password)
    try:
        with store.writer.begin() as conn:
            conn.execute(login_attempts.insert().values(username=username, at=moment, ok=ok, client=client))
    except sa.exc.OperationalError as err:
        if not ok:  # an attempt that could not be counted is not answered, or a locked store would lift the limit
            raise LoginError("busy") from err
    if not ok or row is None:
        raise LoginError("wrong")
    return _account(row)


def expired(last_seen: datetime, now: datetime | None = None) -> bool:
    """Whether a session idle since ``last_seen`` has to sign in again."""
    return (now or datetime.now(UTC)) - last_seen > SESSION_IDLE
