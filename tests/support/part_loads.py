"""Counting the part files a DuckDB store writes: one spy on `bot.store.duckdb.write_parts` for the part tests."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from bot.store import duckdb_load


def record_part_loads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """A list that gets, for each load of the store from now on, the number of parts it writes (the parts it
    re-uses are not written)."""
    loaded: list[int] = []
    real = duckdb_load.write_parts

    def spy(jobs: Sequence[duckdb_load.PartJob], **kw: object) -> object:
        loaded.append(len(jobs))
        return real(jobs, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr("bot.store.duckdb.write_parts", spy)
    return loaded
