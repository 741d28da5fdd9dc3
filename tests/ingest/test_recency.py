"""FOCUS 1.3 recency metadata: where a delivery carries it, the provider's own word on how far its data is
complete drives the complete-day cutoff and the freshness label people read; without it nothing changes."""

from __future__ import annotations

import logging
import shutil
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from bot.billing.pace import complete_cutoff, day_status
from bot.ingest.pipeline import ingest
from bot.ingest.recency import TimeSector, complete_until, parse_time, sectors_of
from bot.reports.text import freshness_text as text_freshness
from bot.slack.render import freshness_text

FIXTURE = Path(__file__).parent / "data" / "focus-1.3-recency"
RECENCY = "metadata/recency/recency-cu-8411-2290-2026-11.json"
NOV = date(2026, 11, 1)


def _at(day: int, hour: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, tzinfo=UTC)


def _sector(start: int, end: int, complete: bool) -> TimeSector:
    return TimeSector(_at(start), _at(end), complete)


def test_complete_until_is_the_unbroken_run_of_complete_sectors_from_the_period_start() -> None:
    assert complete_until([_sector(1, 2, True), _sector(2, 3, True), _sector(3, 4, False)], NOV) == _at(3)
    # A gap ends the run, even when later sectors are complete.
    assert complete_until([_sector(1, 2, True), _sector(3, 4, True)], NOV) == _at(2)
    # The first day still open: nothing is complete yet.
    assert complete_until([_sector(1, 2, False), _sector(2, 3, True)], NOV) == _at(1)
    # A sector listed twice, once still open: not complete.
    assert complete_until([_sector(1, 2, True), _sector(1, 2, False)], NOV) == _at(1)
    # No sector for the period: nothing declared.
    assert (
        complete_until([TimeSector(datetime(2026, 9, 1, tzinfo=UTC), datetime(2026, 10, 1, tzinfo=UTC), True)], NOV)
        is None
    )
    assert complete_until([], NOV) is None
    # A month-long complete sector: the whole month, never past its end.
    month = TimeSector(datetime(2026, 10, 25, tzinfo=UTC), datetime(2026, 12, 5, tzinfo=UTC), True)
    assert complete_until([month], NOV) == datetime(2026, 12, 1, tzinfo=UTC)


def test_time_sectors_are_read_as_the_spec_writes_them() -> None:
    # The spec's own example writes hours with one digit and a lower-case z.
    assert parse_time("2025-01-27T1:00:00z") == datetime(2025, 1, 27, 1, tzinfo=UTC)
    assert parse_time("2025-01-27T01:00:00+02:00") == datetime(2025, 1, 26, 23, tzinfo=UTC)
    assert parse_time("2025-01-27") == datetime(2025, 1, 27, tzinfo=UTC)
    assert parse_time("yesterday") is None and parse_time(None) is None
    doc = {
        "Recency": [
            {
                "DatasetInstanceId": "a",
                "RecencyLastUpdateDate": "2025-01-29T12:01:03.083z",
                "TimeSectors": [
                    {
                        "TimeSectorStart": "2025-01-27T0:00:00z",
                        "TimeSectorEnd": "2025-01-27T1:00:00z",
                        "TimeSectorComplete": "true",
                    },
                    {"TimeSectorStart": "nonsense", "TimeSectorEnd": "2025-01-27T2:00:00z", "TimeSectorComplete": True},
                ],
            }
        ]
    }
    assert sectors_of(doc) == [
        TimeSector(datetime(2025, 1, 27, tzinfo=UTC), datetime(2025, 1, 27, 1, tzinfo=UTC), True)
    ]


def _copy(tmp_path: Path, with_recency: bool = True) -> Path:
    src = tmp_path / "focus"
    shutil.copytree(FIXTURE, src)
    if not with_recency:
        (src / RECENCY).unlink()
    return src


def test_a_focus_delivery_with_recency_metadata_is_complete_as_its_provider_says(tmp_path: Path, store: Any) -> None:
    (period,) = ingest(str(_copy(tmp_path)), store, progress=False).periods
    assert (period.billing_period, period.source_format, period.rows) == (NOV, "focus-1.3", 20)
    (live,) = store.periods()
    # November 1st is complete; the 2nd is still open (the provider restates it), so is the 3rd.
    assert live.complete_until == _at(2)
    assert live.data_until == _at(3, 12)
    fresh = store.freshness()
    assert fresh.complete_until == _at(2)
    assert complete_cutoff(store, date(2026, 11, 5)) == date(2026, 11, 2)
    assert [day_status(fresh, date(2026, 11, d)) for d in (1, 2, 3, 4)] == ["complete", "partial", "partial", "no data"]
    assert freshness_text(fresh) == (
        "data up to 2026-11-03 12:00 UTC (complete up to 2026-11-02 00:00 UTC, as the export declares), "
        "November estimated"
    )
    assert text_freshness(fresh) == (
        "Data up to 2026-11-03 12:00 UTC (complete up to 2026-11-02 00:00 UTC, as the export declares); "
        "2026-11 estimated."
    )


def test_the_same_delivery_without_metadata_is_judged_as_before(tmp_path: Path, store: Any) -> None:
    ingest(str(_copy(tmp_path, with_recency=False)), store, progress=False)
    fresh = store.freshness()
    assert (store.periods()[0].complete_until, fresh.complete_until) == (None, None)
    assert complete_cutoff(store, date(2026, 11, 5)) == date(2026, 11, 3)
    assert freshness_text(fresh) == "data up to 2026-11-03 12:00 UTC, November estimated"


def test_unreadable_recency_metadata_is_reported_and_the_data_still_loads(
    tmp_path: Path, store: Any, caplog: pytest.LogCaptureFixture
) -> None:
    src = _copy(tmp_path)
    (src / RECENCY).write_text('{"TimeSectors": [')
    with caplog.at_level(logging.WARNING, logger="bot.ingest.recency"):
        (period,) = ingest(str(src), store, progress=False).periods
    assert period.status == "loaded"
    assert store.periods()[0].complete_until is None
    assert f"{RECENCY}: unreadable FOCUS recency metadata, ignored" in caplog.text
