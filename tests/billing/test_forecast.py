"""The usage forecast: exact numbers on constructed series, and how its range behaves."""

from __future__ import annotations

import math
import random
import statistics
from datetime import date, timedelta

import pytest

from bot.billing.forecast import UsageForecast, forecast_usage, student_t_90, weekday_factors


def days(start: date, end: date, weekday: float, weekend: float) -> dict[date, float]:
    out = {}
    d = start
    while d < end:
        out[d] = weekend if d.weekday() >= 5 else weekday
        d += timedelta(days=1)
    return out


def june(cutoff: date, daily: dict[date, float], first: date) -> UsageForecast:
    return forecast_usage({d: c for d, c in daily.items() if d < cutoff}, first, cutoff, date(2024, 7, 1))


def test_weekends_at_half_cost_follow_the_remaining_weekday_mix() -> None:
    # Two months of history from day 1: weekdays 100, weekends 50. June 2024 starts on a Saturday.
    series = days(date(2024, 4, 1), date(2024, 7, 1), 100.0, 50.0)
    f = june(date(2024, 6, 15), series, date(2024, 4, 1))
    # June 1-14: 10 weekdays and 4 weekend days; June 15-30: 10 weekdays and 6 weekend days remain.
    assert f.to_date == pytest.approx(1200.0)
    assert f.expected == pytest.approx(1200.0 + 1000.0 + 300.0)
    linear = 1200.0 / 14 * 30
    assert linear == pytest.approx(2571.43, abs=0.01)  # what a run rate would have said
    # Every backtest was exact: the range is the narrowest there is, never zero width.
    assert f.rest_low == pytest.approx(0.99 * f.rest) and f.rest_high == pytest.approx(1.01 * f.rest)
    assert f.backtests > 0 and "backtests" in f.method


def test_history_before_the_month_supplies_the_weekday_factors() -> None:
    # July 2024 starts on a Monday: nothing of July yet (day 1), the previous months say weekends cost half.
    series = days(date(2024, 5, 1), date(2024, 7, 1), 100.0, 50.0)
    f = forecast_usage(series, date(2024, 5, 1), date(2024, 7, 1), date(2024, 8, 1))
    assert f.to_date == 0.0
    assert f.expected == pytest.approx(23 * 100.0 + 8 * 50.0)  # July 2024: 23 weekdays, 8 weekend days


def test_a_step_up_that_stays_is_followed() -> None:
    # Usage doubled three weeks before the cutoff and stayed: the forecast follows the new level.
    series = {d: (200.0 if d >= date(2024, 5, 25) else 100.0) for d in days(date(2024, 1, 1), date(2024, 6, 15), 0, 0)}
    f = june(date(2024, 6, 15), series, date(2024, 1, 1))
    assert f.rest == pytest.approx(16 * 200.0, rel=0.05)
    assert f.window < 28  # the short windows won the backtest


def test_one_spike_day_barely_moves_the_forecast() -> None:
    rng = random.Random(5)
    series = {d: 100.0 * math.exp(rng.gauss(0, 0.05)) for d in days(date(2024, 3, 1), date(2024, 6, 15), 0, 0)}
    calm = june(date(2024, 6, 15), series, date(2024, 3, 1))
    series[date(2024, 6, 12)] = 2000.0  # one day at 20x
    spiked = june(date(2024, 6, 15), series, date(2024, 3, 1))
    assert spiked.rest == pytest.approx(calm.rest, rel=0.05)


def test_range_is_wider_when_history_is_short() -> None:
    rng = random.Random(11)
    series = {d: 100.0 * math.exp(rng.gauss(0, 0.2)) for d in days(date(2023, 12, 1), date(2024, 6, 8), 0, 0)}
    long = june(date(2024, 6, 8), series, date(2023, 12, 1))
    short = june(date(2024, 6, 8), {d: c for d, c in series.items() if d >= date(2024, 5, 11)}, date(2024, 5, 11))
    for f in (long, short):
        assert f.rest_low < f.rest < f.rest_high
    assert long.backtests > 0 and short.backtests == 0  # four weeks of data cannot backtest 23 days twice over
    assert (short.rest_high - short.rest_low) / short.rest > (long.rest_high - long.rest_low) / long.rest


def test_little_data_still_has_a_range() -> None:
    one = forecast_usage({date(2024, 6, 1): 30.0}, date(2024, 6, 1), date(2024, 6, 2), date(2024, 7, 1))
    assert one.expected == pytest.approx(30.0 * 30)
    assert (one.low, one.high) == (pytest.approx(30.0), pytest.approx(30.0 + 2 * 29 * 30.0))
    three = forecast_usage(
        {date(2024, 6, 1): 30.0, date(2024, 6, 2): 36.0, date(2024, 6, 3): 27.0},
        date(2024, 6, 1),
        date(2024, 6, 4),
        date(2024, 7, 1),
    )
    assert three.low < three.expected < three.high
    assert "scatter of 3 days" in three.method


def test_finished_month_and_no_data() -> None:
    series = days(date(2024, 6, 1), date(2024, 7, 1), 100.0, 50.0)
    done = forecast_usage(series, date(2024, 6, 1), date(2024, 7, 1), date(2024, 7, 1))
    assert done.expected == done.low == done.high == done.to_date == pytest.approx(2500.0)
    empty = forecast_usage({}, date(2024, 6, 1), date(2024, 6, 1), date(2024, 7, 1))
    assert (empty.to_date, empty.expected, empty.low, empty.high) == (0, 0, 0, 0)


def test_weekday_factors() -> None:
    two_weeks = list(days(date(2024, 6, 3), date(2024, 6, 17), 120.0, 60.0).values())
    assert weekday_factors(two_weeks, date(2024, 6, 3)) == pytest.approx([7 / 6] * 5 + [7 / 12] * 2)
    assert weekday_factors(two_weeks[:13], date(2024, 6, 3)) == [1.0] * 7  # under two weeks: no factors
    assert weekday_factors([-5.0] * 14, date(2024, 6, 3)) == [1.0] * 7  # credits make ratios meaningless


def test_student_t() -> None:
    assert student_t_90(1000) == pytest.approx(1.2816, abs=0.001)
    assert student_t_90(10) == pytest.approx(1.3722, abs=0.005)
    assert student_t_90(3) == pytest.approx(1.6377, abs=0.02)
    assert student_t_90(0.5) == math.inf


def test_steady_growth_is_followed_and_a_noisy_bill_is_not_tilted() -> None:
    # 5% a month, compounding daily, for half a year: the forecast grows with it (a flat level lags ~2%).
    grow = {date(2024, 1, 1) + timedelta(days=i): 100.0 * 1.05 ** (i / 30) for i in range(183)}
    cutoff = date(2024, 6, 15)
    f = june(cutoff, grow, date(2024, 1, 1))
    actual = sum(c for d, c in grow.items() if cutoff <= d < date(2024, 7, 1))
    assert f.rest == pytest.approx(actual, rel=0.005)
    # Weekly noise without any trend: whatever slope the last weeks happen to show, the forecast stays level.
    rng = random.Random(3)
    weekly = [math.exp(rng.gauss(0, 0.25)) for _ in range(30)]
    noisy = {date(2024, 1, 1) + timedelta(days=i): 100.0 * weekly[i // 7] for i in range(183)}
    g = june(cutoff, noisy, date(2024, 1, 1))
    assert g.rest == pytest.approx(16 * 100.0 * statistics.fmean(weekly), rel=0.25)
