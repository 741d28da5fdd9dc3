"""How a day reads for people: never zero-padded, the same everywhere."""

from __future__ import annotations

from datetime import UTC, date, datetime

from bot.billing.dates import day_text


def test_a_day_reads_without_zero_padding() -> None:
    d = date(2026, 12, 1)
    assert day_text(d) == "Dec 1"
    assert day_text(d, long=True) == "December 1"
    assert day_text(d, year=True) == "Dec 1, 2026"
    assert day_text(d, weekday=True) == "Tue Dec 1"
    assert day_text(datetime(2026, 11, 9, 23, 30, tzinfo=UTC), weekday=True, year=True) == "Mon Nov 9, 2026"
