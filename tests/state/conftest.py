"""State tests run against both backends: SQLite (a file in tmp_path) and the real PostgreSQL.

Migrating costs ~0.1-0.5 s and CREATE DATABASE ~0.3 s, so `store` reuses one migrated database per backend and
worker and empties it before each test (SQLite: a copy of a migrated file; PostgreSQL: TRUNCATE). Tests of the
migrations themselves use `state_url` (an empty database) instead.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.state.db import StateStore
from bot.state.models import Base
from tests.support.postgres import PostgresServer


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def state_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty app-state database URL: SQLite file or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'state.sqlite3'}"
    return str(request.getfixturevalue("postgres_url"))


@pytest.fixture(scope="session")
def _migrated_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("state-template") / "state.sqlite3"
    store = StateStore(f"sqlite:///{path}")
    store.migrate()
    store.dispose()  # closing the last connection checkpoints the WAL into the file: one file to copy
    assert not path.with_name(path.name + "-wal").exists()
    return path


@pytest.fixture(scope="session")
def _migrated_postgres(postgres_server: PostgresServer) -> Iterator[str]:
    url = postgres_server.create_database("state")
    store = StateStore(url)
    store.migrate()
    store.dispose()
    yield url
    postgres_server.drop_database(url)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[StateStore]:
    """A migrated, empty StateStore on SQLite or PostgreSQL."""
    if request.param == "sqlite":
        path = tmp_path / "state.sqlite3"
        shutil.copyfile(request.getfixturevalue("_migrated_sqlite"), path)
        s = StateStore(f"sqlite:///{path}")
    else:
        s = StateStore(request.getfixturevalue("_migrated_postgres"))
        # DELETE, not TRUNCATE: on tables this small it is ~20x faster (TRUNCATE swaps files).
        with s.engine.begin() as conn:
            for table in reversed(Base.metadata.sorted_tables):  # apscheduler_jobs included (a migrated table)
                conn.execute(table.delete())
    yield s
    s.dispose()
