"""Alembic environment: runs on the connection StateStore.migrate() hands over, or on TRACKIT_DATABASE_URL."""

from __future__ import annotations

import os

from alembic import context
from sqlalchemy import Connection

from bot.state.db import StateStore
from bot.state.models import Base

target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters tables by copying them
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = os.environ.get("TRACKIT_DATABASE_URL") or context.config.get_main_option("sqlalchemy.url")
    if not url:
        raise SystemExit("set TRACKIT_DATABASE_URL to the app-state database to migrate")
    store = StateStore(url)
    try:
        with store.engine.begin() as conn:
            _run(conn)
    finally:
        store.dispose()


if context.is_offline_mode():
    raise SystemExit("offline (SQL script) migrations are not supported: run against a database")
run_migrations_online()
