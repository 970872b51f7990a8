"""Login attempts remember the client address, so sign-in is throttled per address as well as per name.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade() -> None:
    """Add ``client`` (nullable: attempts recorded before it have none) and index it with the time."""
    with op.batch_alter_table("login_attempts") as batch:
        batch.add_column(sa.Column("client", sa.String(64)))
    op.create_index("ix_login_attempts_client_at", "login_attempts", ["client", "at"])


def downgrade() -> None:
    """Drop the column and its indexes."""
    op.drop_index("ix_login_attempts_client_at", "login_attempts")
    with op.batch_alter_table("login_attempts") as batch:
        batch.drop_column("client")
