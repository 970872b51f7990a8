"""Accounts that may upload and publish: provincial editors (one province) and admins.

Passwords are hashed with Argon2 (argon2-cffi); a username is locked for a while after
too many failed attempts; a signed-in session expires after a period without activity.
Viewing the dashboard needs no account.
"""

from __future__ import annotations

import hashlib
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

MAX_FAILURES = 5
LOCK_WINDOW = timedelta(minutes=15)
SESSION_IDLE = timedelta(minutes=30)
HASHER = PasswordHasher()


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
    with store.engine.begin() as conn:
        conn.execute(users.delete().where(users.c.username == username))
        conn.execute(users.insert().values(**row))


def sync_users(store: Store, configured: Mapping[str, Mapping[str, object]]) -> None:
    """Accounts configured in Streamlit secrets (``[eipmap.users.NAME]`` with password_hash, role, province)."""
    with store.engine.begin() as conn:
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


def _recent_failures(conn: sa.Connection, username: str, now: datetime) -> list[datetime]:
    """Failed attempts since the last success, within the lock window."""
    since = now - LOCK_WINDOW
    rows = conn.execute(
        sa.select(login_attempts.c.at, login_attempts.c.ok)
        .where(login_attempts.c.username == username, login_attempts.c.at >= since)
        .order_by(login_attempts.c.at)
    ).all()
    failures: list[datetime] = []
    for at, ok in rows:
        failures = [] if ok else [*failures, at if at.tzinfo else at.replace(tzinfo=UTC)]
    return failures


def sign_in(store: Store, username: str, password: str, now: datetime | None = None) -> Account:
    """The account if the password is right; ``LoginError`` otherwise (every attempt is recorded)."""
    moment = now or datetime.now(UTC)
    with store.engine.begin() as conn:
        failures = _recent_failures(conn, username, moment)
        if len(failures) >= MAX_FAILURES:
            until = failures[-MAX_FAILURES] + LOCK_WINDOW
            raise LoginError("locked", minutes=max(1, round((until - moment).total_seconds() / 60)))
        row = conn.execute(sa.select(users).where(users.c.username == username)).mappings().first()
        ok = False
        if row is not None and row["password_hash"]:
            try:
                ok = HASHER.verify(str(row["password_hash"]), password)
            except (VerificationError, InvalidHashError):
                ok = False
        else:
            HASHER.hash(password)  # same work for an unknown name, so timing does not tell names apart
        conn.execute(login_attempts.insert().values(username=username, at=moment, ok=ok))
    if not ok or row is None:
        raise LoginError("wrong")
    return _account(row)


def expired(last_seen: datetime, now: datetime | None = None) -> bool:
    """Whether a session idle since ``last_seen`` has to sign in again."""
    return (now or datetime.now(UTC)) - last_seen > SESSION_IDLE
