"""Versioned releases of the updatable tables, in SQLite (default) or PostgreSQL, through SQLAlchemy.

A release is a complete copy of the four tables people update (parks, indicator values,
firms, links) as validated CSV text, with who published it, when, from which file (name
and SHA-256) and why. Releases are only ever added: a correction is a new release, a
rollback is a new release that copies an earlier one. Publishing is one transaction, so
a crash leaves the previous release as the latest and no trace of the new one.

The schema is created and upgraded by Alembic (``eipmap/releases/migrations``).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine

from eipmap.config import PACKAGE_DIR, var_dir
from eipmap.domain.models import Release
from eipmap.releases.store_schema import release_files, releases

DATABASE_URL_ENV = "EIPMAP_DATABASE_URL"
MIGRATIONS_DIR = PACKAGE_DIR / "releases" / "migrations"
HEAD_REVISION = "0002"  # the newest file in migrations/versions (a test compares it with Alembic's head)
#: the tables a release versions (relative to the data directory); the rest of the data ships with the app
UPDATABLE = {
    "values": "indicators/values.csv",
    "parks": "parks/parks.csv",
    "firms": "symbiosis/firms.csv",
    "links": "symbiosis/links.csv",
}
WRITES = "eipmap_writes"  # execution option of ``Store.writer``: on SQLite its transactions begin IMMEDIATE
PUBLISH_LOCK = 727_001  # PostgreSQL advisory-lock key that serialises publishes


class StoreUnwritable(RuntimeError):
    """The database refused a publish (disk full, read-only, locked too long): nothing was written."""

    def __init__(self, why: str, detail: str) -> None:
        self.why = why  # "full" | "read_only" | "busy" | "other": an i18n key under "store."
        self.detail = detail  # the database's own first line, for the editor to pass on
        super().__init__(f"{why}: {detail}")


def _why(err: sa.exc.DBAPIError) -> StoreUnwritable:
    detail = str(err.orig).strip().splitlines()[0] if str(err.orig).strip() else type(err.orig).__name__
    text = detail.lower()
    kinds = {"full": ("full", "no space"), "read_only": ("readonly", "read-only"), "busy": ("locked", "lock timeout")}
    why = next((k for k, words in kinds.items() if any(w in text for w in words)), "other")
    return StoreUnwritable(why, detail[:300])


class ReleaseTampered(RuntimeError):
    """A stored release's table no longer matches what was published (edited in the database, or damaged)."""


def sha256(content: bytes) -> str:
    """Hex SHA-256 of ``content``."""
    return hashlib.sha256(content).hexdigest()


def tables_digest(files: Mapping[str, bytes]) -> str:
    """One SHA-256 over a set of tables (path and content, in path order): what a seed or shipped release imported."""
    h = hashlib.sha256()
    for path in sorted(files):
        h.update(path.encode() + b"\0" + hashlib.sha256(files[path]).digest())
    return h.hexdigest()


def default_url(root: Path | None = None) -> str:
    """``$EIPMAP_DATABASE_URL`` when set, else a SQLite file in ``var/`` beside the data directory (untracked)."""
    configured = os.environ.get(DATABASE_URL_ENV)
    if configured:
        return configured
    return f"sqlite:///{var_dir(root) / 'eipmap.sqlite'}"


def _engine(url: str) -> Engine:
    if not url.startswith("sqlite"):
        return sa.create_engine(url, pool_pre_ping=True)
    path = sa.engine.make_url(url).database
    if path and path != ":memory:" and not path.startswith("file:"):  # file: is a URI (e.g. ?mode=ro)
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    engine = sa.create_engine(url, connect_args={"timeout": 60, "check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _manual_transactions(dbapi_conn: object, _record: object) -> None:
        dbapi_conn.isolation_level = None  # type: ignore[attr-defined]  # let "begin" below issue BEGIN
        cursor = dbapi_conn.cursor()  # type: ignore[attr-defined]
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _immediate(conn: Connection) -> None:
        # writers queue here, one at a time; readers take no lock (WAL), so they never wait for a writer
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITES) else "BEGIN")

    return engine


def schema_revision(engine: Engine) -> str | None:
    """The Alembic revision the database is at (None for a new database)."""
    with engine.connect() as conn:
        if not sa.inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest Alembic revision.

    A database already at ``HEAD_REVISION`` is left alone without importing Alembic
    (0.4 s of every server start); a test keeps the constant equal to Alembic's head.
    """
    if schema_revision(engine) == HEAD_REVISION:
        return
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.execution_options(**{WRITES: True}).begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


class Store:
    """The release store behind the dashboard and the update page."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = _engine(url)  # reads
        self.writer = self.engine.execution_options(**{WRITES: True})  # writes: one at a time
        migrate(self.engine)

    @contextmanager
    def _publishing(self) -> Iterator[Connection]:
        """One write transaction; concurrent publishers wait for each other.

        A database that cannot be written raises ``StoreUnwritable`` after the transaction is rolled back.
        """
        try:
            with self.writer.begin() as conn:
                if conn.dialect.name == "postgresql":
                    conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": PUBLISH_LOCK})
                yield conn
        except (sa.exc.OperationalError, sa.exc.InternalError) as err:
            raise _why(err) from err

    def latest_id(self) -> int | None:
        """The newest release's number (None before the first)."""
        with self.engine.connect() as conn:
            return conn.execute(sa.select(sa.func.max(releases.c.release_id))).scalar()

    def history(self) -> list[Release]:
        """Every release, newest first."""
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(releases).order_by(releases.c.release_id.desc())).mappings().all()
        return [Release(**dict(r)) for r in rows]

    def release(self, release_id: int) -> Release:
        """One release's metadata (KeyError when there is none)."""
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(releases).where(releases.c.release_id == release_id)).mappings().first()
        if row is None:
            raise KeyError(release_id)
        return Release(**dict(row))

    def files(self, release_id: int) -> dict[str, bytes]:
        """The release's tables: relative path → CSV bytes, each checked against the SHA-256 recorded at publish.

        A table whose bytes were changed in the database afterwards raises ``ReleaseTampered``: it is
        never shown as if it had been published.
        """
        with self.engine.connect() as conn:
            rows = conn.execute(
                sa.select(release_files.c.path, release_files.c.content, release_files.c.sha256).where(
                    release_files.c.release_id == release_id
                )
            ).all()
        out = {}
        for path, content, recorded in rows:
            if sha256(bytes(content)) != recorded:
                raise ReleaseTampered(f"release {release_id}: {path} differs from the SHA-256 recorded when published")
            out[str(path)] = bytes(content)
        return out

    def publish(
        self,
        build: Callable[[int | None, Mapping[str, bytes]], Mapping[str, bytes]],
        *,
        author: str,
        kind: str,
        file_name: str | None = None,
        file_sha256: str | None = None,
        note: str | None = None,
        based_on: int | None = None,
        summary: str | Callable[[], str | None] | None = None,
    ) -> int:
        """Add a release in one transaction; return its number.

        ``build(latest_id, latest_files)`` runs inside the transaction, after earlier publishers
        have finished, and returns the new release's tables — so two editors publishing at the
        same time both land, one on top of the other. If it raises, nothing is written.
        A callable ``summary`` is asked after ``build``, so it can describe what ``build`` did.
        """
        with self._publishing() as conn:
            latest = conn.execute(sa.select(sa.func.max(releases.c.release_id))).scalar()
            current: dict[str, bytes] = {}
            if latest is not None:
                rows = conn.execute(
                    sa.select(release_files.c.path, release_files.c.content).where(release_files.c.release_id == latest)
                ).all()
                current = {str(p): bytes(c) for p, c in rows}
            tables = build(latest, current)
            missing = set(UPDATABLE.values()) - set(tables)
            if missing:
                raise ValueError(f"a release needs every updatable table; missing {sorted(missing)}")
            new_id = (latest or 0) + 1  # numbered under the write lock: no gaps, even after a crash
            conn.execute(
                releases.insert().values(
                    release_id=new_id,
                    created_at=datetime.now(UTC),
                    author=author,
                    kind=kind,
                    file_name=file_name,
                    sha256=file_sha256,
                    note=note,
                    based_on=based_on if based_on is not None else latest,
                    summary=summary() if callable(summary) else summary,
                )
            )
            conn.execute(
                release_files.insert(),
                [
                    {"release_id": new_id, "path": path, "content": content, "sha256": sha256(content)}
                    for path, content in sorted(tables.items())
                ],
            )
            return int(new_id)

    def seed_from(self, root: Path) -> int:
        """Release 1 from the shipped files, once (a no-op returning the latest when releases exist)."""
        existing = self.latest_id()
        if existing is not None:
            return existing
        shipped = {rel: (root / rel).read_bytes() for rel in UPDATABLE.values()}

        def build(latest: int | None, current: Mapping[str, bytes]) -> Mapping[str, bytes]:
            return current if latest is not None else shipped  # another process seeded first

        return self.publish(
            build,
            author="eipmap",
            kind="seed",
            file_name=str(root),
            file_sha256=tables_digest(shipped),
            note="shipped data",
        )

    def rollback(self, release_id: int, *, author: str, note: str | None = None) -> int:
        """Publish a copy of an earlier release as the newest (nothing is deleted)."""
        old = self.files(release_id)
        if not old:
            raise KeyError(release_id)
        return self.publish(
            lambda _latest, _current: old,
            author=author,
            kind="rollback",
            note=note,
            based_on=release_id,
            summary=f"copy of release {release_id}",
        )
