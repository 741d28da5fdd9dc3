"""Which span a question is compared with: the previous period, or the one named after `vs`, like for like."""

from __future__ import annotations

from datetime import date

from bot.billing.model import CostQuery, TimeRange
from bot.billing.query import compared_with

NOVEMBER = TimeRange(date(2026, 11, 1), date(2026, 12, 1), "2026-11")
AUGUST = TimeRange(date(2026, 8, 1), date(2026, 9, 1), "2026-08")


def test_a_finished_period_is_compared_with_the_whole_named_one() -> None:
    query = CostQuery(NOVEMBER, versus=AUGUST)
    assert compared_with(query, NOVEMBER) == AUGUST


def test_a_period_in_progress_is_compared_with_the_same_days_of_the_named_one() -> None:
    query = CostQuery(NOVEMBER, versus=AUGUST)
    first_25_days = TimeRange(date(2026, 11, 1), date(2026, 11, 26), "complete days")
    assert compared_with(query, first_25_days) == TimeRange(date(2026, 8, 1), date(2026, 8, 26), "same days of 2026-08")


def test_without_versus_it_is_the_previous_period() -> None:
    query = CostQuery(NOVEMBER)
    assert compared_with(query, NOVEMBER) == TimeRange(date(2026, 10, 1), date(2026, 11, 1), NOVEMBER.previous().label)
