from __future__ import annotations

from sqlalchemy import inspect

from bot.state.db import StateStore
from bot.state.models import Base


def test_migrate_from_empty_creates_every_table_and_is_idempotent(state_url: str) -> None:
    store = StateStore(state_url)
    assert store.current_revision() is None
    store.migrate()
    store.migrate()  # a second replica starting, or a restart
    assert store.current_revision() == "0001"
    tables = set(inspect(store.engine).get_table_names())
    assert tables == set(Base.metadata.tables) | {"alembic_version"}
    store.dispose()
