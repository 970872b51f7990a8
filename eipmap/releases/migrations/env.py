"""Alembic environment: migrations run on the connection ``eipmap.releases.store.migrate`` passes in."""

from __future__ import annotations

from alembic import context

from eipmap.releases.store_schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through eipmap.releases.store.migrate(), which passes a connection")
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
