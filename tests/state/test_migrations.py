from __future__ import annotations

from sqlalchemy import inspect

from bot.state.db import StateStore
from bot.state.models import Base


def test_migrate_from_empty_creates_every_table_and_is_idempotent(state_url: str) -> None:
    store = StateStore(state_url)
    assert store.current_revision() is None
    store.migrate()
    store.migrate()  # a second replica starting, or a restart
    assert store.current_revision() == StateStore.head_revision()
    tables = set(inspect(store.engine).get_table_names())
    assert tables == set(Base.metadata.tables) | {"alembic_version"}
    store.dispose()


def test_models_match_the_migrations(state_url: str) -> None:
    """The ORM models and the latest Alembic revision describe the same schema (no forgotten revision)."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    store = StateStore(state_url)
    store.migrate()
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    store.dispose()
    assert diff == []


def test_bad_urls_are_config_errors() -> None:
    import pytest

    from bot.errors import ConfigError

    with pytest.raises(ConfigError, match="supports sqlite:/// and postgresql\\+psycopg:// only"):
        StateStore("mysql://u@h/db")
    with pytest.raises(ConfigError, match="is not a database URL"):
        StateStore("not a url")
    assert StateStore("postgres://u@h/db").url.drivername == "postgresql+psycopg"
    assert StateStore("postgresql://u:secret@h/db").__repr__() == "StateStore('postgresql+psycopg://u:***@h/db')"


def test_replicas_migrating_at_once_do_not_collide(state_url: str) -> None:
    """Two replicas starting together both call migrate(); the advisory lock (PG) / write lock (SQLite) orders them."""
    from concurrent.futures import ThreadPoolExecutor

    stores = [StateStore(state_url) for _ in range(3)]
    with ThreadPoolExecutor(3) as pool:
        list(pool.map(lambda s: s.migrate(), stores))
    assert {s.current_revision() for s in stores} == {StateStore.head_revision()}
    for s in stores:
        s.dispose()


def test_in_memory_sqlite_is_one_database_for_every_thread() -> None:
    from concurrent.futures import ThreadPoolExecutor

    from bot.state import audit

    store = StateStore("sqlite://")
    store.migrate()
    with ThreadPoolExecutor(4) as pool:
        list(
            pool.map(
                lambda i: audit.record_audit(
                    store, user_id=f"U{i}", channel_id="C1", command="/cost", text="", outcome="ok", duration_ms=i
                ),
                range(8),
            )
        )
    assert len(audit.recent_audit(store)) == 8
    store.dispose()
