"""Calendar arithmetic on billing months (UTC days). A leaf: `bot.billing.model.TimeRange` builds on it."""

from __future__ import annotations

from datetime import date


def month_start(d: date) -> date:
    return d.replace(day=1)


def add_months(d: date, months: int) -> date:
    """First day of the month `months` after the month of `d`."""
    index = d.year * 12 + d.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def months_between(start: date, end: date) -> int:
    """Whole months from the month of `start` to the month of `end` (`end`'s month minus `start`'s)."""
    return (end.year - start.year) * 12 + end.month - start.month
