"""Releases, their tables, accounts and login attempts.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None


def upgrade() -> None:
    """Create the four tables."""
    op.create_table(
        "releases",
        sa.Column("release_id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("author", sa.String(120), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("file_name", sa.String(255)),
        sa.Column("sha256", sa.String(64)),
        sa.Column("note", sa.Text),
        sa.Column("based_on", sa.Integer, sa.ForeignKey("releases.release_id")),
        sa.Column("summary", sa.Text),
    )
    op.create_table(
        "release_files",
        sa.Column("release_id", sa.Integer, sa.ForeignKey("releases.release_id"), primary_key=True),
        sa.Column("path", sa.String(100), primary_key=True),
        sa.Column("content", sa.LargeBinary, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
    )
    op.create_table(
        "users",
        sa.Column("username", sa.String(120), primary_key=True),
        sa.Column("password_hash", sa.String(255)),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("province_code", sa.String(2)),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "login_attempts",
        sa.Column("attempt_id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("username", sa.String(120), nullable=False, index=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ok", sa.Boolean, nullable=False),
    )


def downgrade() -> None:
    """Drop them (never run by the app)."""
    for name in ("login_attempts", "users", "release_files", "releases"):
        op.drop_table(name)
