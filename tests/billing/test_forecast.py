"""Month-end forecast: exact numbers on constructed months."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from bot.billing.forecast import forecast_month, weekday_factors


def days(start: date, end: date, weekday: float, weekend: float) -> list[tuple[date, float]]:
    out = []
    d = start
    while d < end:
        out.append((d, weekend if d.weekday() >= 5 else weekday))
        d += timedelta(days=1)
    return out


def test_weekends_at_half_cost_follow_the_remaining_weekday_mix() -> None:
    # June 2024 starts on a Saturday; June 1-14 is two whole weeks: 10 weekdays, 4 weekend days.
    june = days(date(2024, 6, 1), date(2024, 6, 15), 100.0, 50.0)
    f = forecast_month(june, date(2024, 6, 1), today=date(2024, 6, 15))
    assert f.month_to_date == pytest.approx(1200.0)
    # June 15-30: 10 weekdays and 6 weekend days remain: 1000 + 300.
    assert f.expected == pytest.approx(2500.0)
    assert (f.low, f.high) == (pytest.approx(2500.0), pytest.approx(2500.0))  # no noise, no spread
    assert (f.days_elapsed, f.days_in_month, f.month) == (14, 30, date(2024, 6, 1))
    linear = 1200.0 / 14 * 30
    assert linear == pytest.approx(2571.43, abs=0.01)  # what a run-rate would have said


def test_history_supplies_weekday_factors_the_month_has_not_shown_yet() -> None:
    # July 2024 starts on a Monday: five weekdays at 100 so far, no weekend yet.
    history = days(date(2024, 6, 3), date(2024, 7, 1), 100.0, 50.0)
    july = days(date(2024, 7, 1), date(2024, 7, 6), 100.0, 50.0)
    with_history = forecast_month(july, date(2024, 7, 1), today=date(2024, 7, 6), history=history)
    # July 6-31: 18 weekdays and 8 weekend days remain.
    assert with_history.expected == pytest.approx(500.0 + 18 * 100.0 + 8 * 50.0)
    without = forecast_month(july, date(2024, 7, 1), today=date(2024, 7, 6))
    assert without.expected == pytest.approx(100.0 * 31)  # nothing says weekends are cheaper


def test_level_follows_this_month_not_history() -> None:
    history = days(date(2024, 6, 3), date(2024, 7, 1), 100.0, 50.0)
    july = days(date(2024, 7, 1), date(2024, 7, 15), 200.0, 100.0)  # spend doubled
    f = forecast_month(july, date(2024, 7, 1), today=date(2024, 7, 15), history=history)
    # July 1-14: 10 weekdays, 4 weekend days = 2400; July 15-31: 13 weekdays, 4 weekend days.
    assert f.month_to_date == pytest.approx(2400.0)
    assert f.expected == pytest.approx(2400.0 + 13 * 200.0 + 4 * 100.0)


def test_noise_gives_a_range_that_widens_with_noise_and_narrows_with_time() -> None:
    def noisy(amplitude: float, until: date) -> list[tuple[date, float]]:
        base = days(date(2024, 6, 1), until, 100.0, 100.0)
        return [(d, c + (amplitude if i % 2 else -amplitude)) for i, (d, c) in enumerate(base)]

    small = forecast_month(noisy(5, date(2024, 6, 15)), date(2024, 6, 1), today=date(2024, 6, 15))
    large = forecast_month(noisy(20, date(2024, 6, 15)), date(2024, 6, 1), today=date(2024, 6, 15))
    later = forecast_month(noisy(20, date(2024, 6, 25)), date(2024, 6, 1), today=date(2024, 6, 25))
    for f in (small, large, later):
        assert f.low < f.expected < f.high
        assert f.expected - f.low == pytest.approx(f.high - f.expected)
    assert (large.high - large.low) > 3 * (small.high - small.low)
    assert (later.high - later.low) < (large.high - large.low)
    assert large.expected == pytest.approx(3000.0, rel=0.03)


def test_missing_elapsed_days_count_as_zero_and_other_months_are_ignored() -> None:
    daily = [(date(2024, 6, 1), 10.0), (date(2024, 6, 3), 10.0), (date(2024, 5, 31), 999.0), (date(2024, 6, 20), 7.0)]
    f = forecast_month(daily, date(2024, 6, 1), today=date(2024, 6, 4))
    assert f.month_to_date == pytest.approx(20.0)  # June 2 cost nothing; May 31 and June 20 are not elapsed
    assert f.days_elapsed == 3


def test_finished_month_and_month_not_started() -> None:
    june = days(date(2024, 6, 1), date(2024, 7, 1), 100.0, 50.0)
    done = forecast_month(june, date(2024, 6, 1), today=date(2024, 7, 10))
    assert done.expected == done.low == done.high == done.month_to_date == pytest.approx(2500.0)
    assert done.days_elapsed == 30
    empty = forecast_month([], date(2024, 6, 1), today=date(2024, 6, 1))
    assert (empty.month_to_date, empty.expected, empty.low, empty.high, empty.days_elapsed) == (0, 0, 0, 0, 0)
    from_history = forecast_month([], date(2024, 7, 1), today=date(2024, 7, 1), history=june)
    assert from_history.expected == pytest.approx(23 * 100.0 + 8 * 50.0)  # July 2024: 23 weekdays


def test_one_day_without_history_has_an_open_range() -> None:
    f = forecast_month([(date(2024, 6, 1), 30.0)], date(2024, 6, 1), today=date(2024, 6, 2))
    assert f.expected == pytest.approx(30.0 * 30)
    assert f.low == pytest.approx(30.0)
    assert f.high == pytest.approx(2 * f.expected - 30.0)


def test_weekday_factors() -> None:
    factors = weekday_factors(days(date(2024, 6, 3), date(2024, 6, 10), 120.0, 60.0))
    assert factors == pytest.approx([7 / 6] * 5 + [7 / 12] * 2)  # 120 and 60 around a mean of 720 / 7
    assert weekday_factors([(date(2024, 6, 3), -5.0)]) == [1.0] * 7
