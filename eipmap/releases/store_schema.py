"""The release store's tables (SQLAlchemy Core); Alembic's migrations in ``eipmap/releases/migrations`` create them."""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()
releases = sa.Table(
    "releases",
    metadata,
    sa.Column("release_id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("author", sa.String(120), nullable=False),
    sa.Column("kind", sa.String(20), nullable=False),  # seed | upload | rollback
    sa.Column("file_name", sa.String(255)),
    sa.Column("sha256", sa.String(64)),
    sa.Column("note", sa.Text),
    sa.Column("based_on", sa.Integer, sa.ForeignKey("releases.release_id")),
    sa.Column("summary", sa.Text),
)
release_files = sa.Table(
    "release_files",
    metadata,
    sa.Column("release_id", sa.Integer, sa.ForeignKey("releases.release_id"), primary_key=True),
    sa.Column("path", sa.String(100), primary_key=True),
    sa.Column("content", sa.LargeBinary, nullable=False),
    sa.Column("sha256", sa.String(64), nullable=False),
)
users = sa.Table(
    "users",
    metadata,
    sa.Column("username", sa.String(120), primary_key=True),
    sa.Column("password_hash", sa.String(255)),
    sa.Column("role", sa.String(20), nullable=False),  # editor | admin
    sa.Column("province_code", sa.String(2)),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)
login_attempts = sa.Table(
    "login_attempts",
    metadata,
    sa.Column("attempt_id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("username", sa.String(120), nullable=False, index=True),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("ok", sa.Boolean, nullable=False),
    sa.Column("client", sa.String(64)),  # the client's address (migration 0002); None before it
    sa.Index("ix_login_attempts_client_at", "client", "at"),
)
