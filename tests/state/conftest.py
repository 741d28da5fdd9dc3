"""State tests run against both backends: SQLite (a file in tmp_path) and the real PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.state.db import StateStore


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def state_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty app-state database URL: SQLite file or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'state.sqlite3'}"
    return str(request.getfixturevalue("postgres_url"))


@pytest.fixture()
def store(state_url: str) -> Iterator[StateStore]:
    """A migrated StateStore on `state_url`."""
    s = StateStore(state_url)
    s.migrate()
    yield s
    s.dispose()
