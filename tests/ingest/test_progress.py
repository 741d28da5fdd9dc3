"""A long load without a terminal says how far it is, how fast it goes and how long is left."""

from __future__ import annotations

import logging

import pytest

from bot.ingest import pipeline


def test_progress_lines_give_rows_rate_and_time_left(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    now = [1000.0]
    monkeypatch.setattr(pipeline.time, "monotonic", lambda: now[0])
    report = pipeline._Progress(False).rows_callback(None, "load 2025-01")
    assert report is not None
    caplog.set_level(logging.INFO, logger="bot.ingest.pipeline")
    now[0] += 5
    report(1_000_000, 100_000_000)  # sooner than LOG_EVERY after the start: quiet
    now[0] += 15
    report(4_000_000, 100_000_000)
    now[0] += 1
    report(4_200_000, 100_000_000)  # quiet again
    report(100_000_000, 100_000_000)  # done: the final line says it
    assert [r.getMessage() for r in caplog.records] == [
        "load 2025-01: 4,000,000 of 100,000,000 rows, 200,000 rows/s, about 8 min 00 s left"
    ]
