"""Calendar arithmetic on billing periods and time ranges (UTC days, half-open ranges)."""

from __future__ import annotations

from datetime import date, timedelta

from bot.billing.model import TimeRange


def month_start(d: date) -> date:
    return d.replace(day=1)


def add_months(d: date, months: int) -> date:
    """First day of the month `months` after the month of `d`."""
    index = d.year * 12 + d.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def month_range(d: date) -> TimeRange:
    start = month_start(d)
    return TimeRange(start, add_months(start, 1), start.strftime("%Y-%m"))


def is_whole_months(r: TimeRange) -> bool:
    return r.start.day == 1 and r.end.day == 1


def previous_range(r: TimeRange) -> TimeRange:
    """The period just before `r`: whole months map to the same number of previous months, else same length."""
    if is_whole_months(r):
        months = (r.end.year - r.start.year) * 12 + r.end.month - r.start.month
        return TimeRange(add_months(r.start, -months), r.start, "previous period")
    return TimeRange(r.start - timedelta(days=r.days), r.start, "previous period")


def months_in(r: TimeRange) -> list[date]:
    """First days of the billing months that overlap `r`."""
    out: list[date] = []
    m = month_start(r.start)
    while m < r.end:
        out.append(m)
        m = add_months(m, 1)
    return out
