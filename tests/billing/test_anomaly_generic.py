"""The anomaly engine on any metric: units without a money floor, sub-daily steps, seasonality chosen from the
data, flat, integer and intermittent series, cold start, and honest episodes (baseline, new level)."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from bot.billing.anomaly import AnomalyKind, DetectorConfig, Outcome, Series, Unit, detect
from bot.billing.anomaly_judge import score_series

MONDAY = datetime(2025, 3, 3, tzinfo=UTC)
FIVE_MIN = timedelta(minutes=5)
HOUR = timedelta(hours=1)
DAY = timedelta(days=1)
METRIC = DetectorConfig.for_unit(Unit.METRIC)


def make(values: np.ndarray, step: timedelta, start: datetime = MONDAY, name: str = "m") -> Series:
    return Series(start, step, tuple(float(v) for v in values), "metric", name)


def traffic(days: int, step: timedelta, seed: int, level: float = 200.0, weekend: float = 0.6) -> np.ndarray:
    """Web-like traffic: a smooth daytime hump, lower weekends, multiplicative noise that comes in runs."""
    rng = np.random.default_rng(seed)
    per_day = DAY // step
    n = days * per_day
    hours = (np.arange(n) % per_day) * (step / HOUR)
    weekday = (np.arange(n) // per_day) % 7
    shape = 0.4 + np.exp(-((hours - 14) ** 2) / 20)
    noise = np.convolve(rng.normal(0, 0.06, n + 4), np.ones(5) / np.sqrt(5), mode="valid")[:n]
    return level * shape * np.where(weekday >= 5, weekend, 1.0) * np.exp(noise)


# ---------------------------------------------------------------------------------------------- units


def test_metric_units_have_no_money_floor_and_money_keeps_it() -> None:
    rng = np.random.default_rng(2)
    x = 3.0 + rng.normal(0, 0.2, 60)  # a small-valued daily metric: 3 a day
    x[45] = 5.5
    metric = detect(make(x, DAY), METRIC)
    assert [(a.start, a.kind) for a in metric] == [(MONDAY + 45 * DAY, AnomalyKind.SPIKE)]
    # +$2.50 is under the $20/day floor, and under the $100 a month a rise must be worth if it lasts.
    assert detect(make(x, DAY), DetectorConfig.for_unit(Unit.MONEY)) == []
    assert DetectorConfig.for_unit("count").money_floor == 0.0
    assert DetectorConfig().money_floor == 20.0


def test_unknown_unit_is_refused_with_the_choices() -> None:
    with pytest.raises(ValueError, match="money, count, percent"):
        DetectorConfig(unit="furlongs")  # type: ignore[arg-type]


def test_detection_is_scale_free_for_metrics() -> None:
    x = traffic(21, HOUR, seed=3)
    x[400:403] *= 6
    small = detect(make(x * 0.001, HOUR), METRIC)
    big = detect(make(x * 1000, HOUR), METRIC)
    assert [(a.start, a.end, a.kind) for a in small] == [(a.start, a.end, a.kind) for a in big]
    assert [a.start for a in small] == [MONDAY + 400 * HOUR]


# ------------------------------------------------------------------------------------- sub-daily, cold


def test_clean_fourteen_days_of_five_minute_traffic_gives_at_most_two_episodes() -> None:
    for seed in range(4):
        found = detect(make(traffic(14, FIVE_MIN, seed), FIVE_MIN), METRIC)
        assert len(found) <= 2, [(a.start, a.kind) for a in found]


def test_cpu_like_sixteen_fold_three_hour_spike_is_found_with_its_hours() -> None:
    rng = np.random.default_rng(7)
    n = 6 * 288
    hours = (np.arange(n) % 288) / 12
    cpu = np.clip(5 * (1 + 0.6 * np.sin((hours - 9) / 24 * 2 * np.pi)) * np.exp(rng.normal(0, 0.2, n)), 0, 100)
    at = 4 * 288 + 10 * 12  # day 5, 10:00
    cpu[at : at + 36] = np.minimum(cpu[at : at + 36] * 16, 100)
    found = detect(make(np.round(cpu, 1), FIVE_MIN), DetectorConfig.for_unit(Unit.PERCENT))
    assert [(a.start, a.end, a.kind, a.outcome) for a in found] == [
        (MONDAY + 4 * DAY + 10 * HOUR, MONDAY + 4 * DAY + 13 * HOUR, AnomalyKind.SPIKE, Outcome.RECOVERED)
    ]


def test_sustained_step_on_day_nine_is_found_from_day_nine() -> None:
    rng = np.random.default_rng(11)
    x = 1000 * np.exp(rng.normal(0, 0.05, 30))
    x[8:] *= 1.5
    found = detect(make(x, DAY), METRIC)
    assert len(found) == 1
    a = found[0]
    assert (a.start, a.kind) == (MONDAY + 8 * DAY, AnomalyKind.LEVEL_SHIFT)
    assert a.baseline == pytest.approx(1000, rel=0.05)


def test_first_week_of_a_daily_series_is_not_judged_and_the_second_is() -> None:
    x = np.full(20, 100.0)
    x[3] = 500.0  # day 4: nothing to judge it by
    x[10] = 500.0  # day 11: judged
    assert [a.start for a in detect(make(x, DAY), METRIC)] == [MONDAY + 10 * DAY]


def test_young_hourly_series_does_not_learn_its_rhythm_from_one_day() -> None:
    for seed in range(3):
        found = detect(make(traffic(15, HOUR, seed + 20), HOUR), METRIC)
        assert len(found) <= 2, [(a.start, a.kind) for a in found]


# -------------------------------------------------------------------------------------------- seasonality


def weekly_demand(weeks: int, seed: int, own_days: bool) -> np.ndarray:
    """Hourly demand with rush hours on workdays and late nights at weekends; with `own_days`, Mondays start
    later and Fridays go out late (every day of the week has its own shape)."""
    rng = np.random.default_rng(seed)
    n = weeks * 168
    hours = np.arange(n) % 24
    weekday = (np.arange(n) // 24) % 7
    workday = 0.2 + np.exp(-((hours - 8) ** 2) / 2) + np.exp(-((hours - 18) ** 2) / 3)
    weekend = 0.3 + 0.8 * np.exp(-((hours - 23) ** 2) / 5) + 0.5 * np.exp(-((hours - 13) ** 2) / 8)
    shape = np.where(weekday >= 5, weekend, workday)
    if own_days:
        shape = np.where(weekday == 0, 0.2 + 1.6 * np.exp(-((hours - 10) ** 2) / 3), shape)
        shape = np.where(weekday == 4, shape + 1.2 * np.exp(-((hours - 22) ** 2) / 3), shape)
    return 5000 * shape * np.exp(rng.normal(0, 0.05, n))


def test_weekly_rhythms_get_a_weekly_profile_and_noise_gets_none() -> None:
    weekends_apart = weekly_demand(6, seed=5, own_days=False)
    assert score_series(make(weekends_apart, HOUR), METRIC).season == "hour-of-day-weekend"
    assert len(detect(make(weekends_apart, HOUR), METRIC)) <= 1
    every_day_its_own = weekly_demand(6, seed=5, own_days=True)
    assert score_series(make(every_day_its_own, HOUR), METRIC).season == "hour-of-week"
    # A weekday with a shape of its own needs three weeks to be learnt; from then on, nothing.
    assert all(a.start < MONDAY + 21 * DAY for a in detect(make(every_day_its_own, HOUR), METRIC))
    noise = 50 + np.random.default_rng(5).normal(0, 3, 6 * 168)
    assert score_series(make(noise, HOUR), METRIC).season == "none"
    assert detect(make(noise, HOUR), METRIC) == []


def test_daily_series_get_a_weekend_factor_or_weekday_factors() -> None:
    rng = np.random.default_rng(8)
    weekday = np.arange(70) % 7
    quiet_weekends = 400 * np.where(weekday >= 5, 0.3, 1.0) * np.exp(rng.normal(0, 0.04, 70))
    assert score_series(make(quiet_weekends, DAY), METRIC).season == "weekend"
    assert detect(make(quiet_weekends, DAY), METRIC) == []
    quiet_weekends[61] *= 3  # a Saturday at a weekday's level
    assert [a.start for a in detect(make(quiet_weekends, DAY), METRIC)] == [MONDAY + 61 * DAY]
    by_day = np.array([1.6, 1.0, 0.7, 1.0, 1.3, 0.3, 0.5])[weekday] * 400 * np.exp(rng.normal(0, 0.04, 70))
    assert score_series(make(by_day, DAY), METRIC).season == "weekday"
    assert detect(make(by_day, DAY), METRIC) == []


# ------------------------------------------------------------------------------------- flat and integer


def test_constant_series_that_jumps_alerts() -> None:
    x = np.full(10 * 24, 5.0)
    x[200:] = 8.0
    found = detect(make(x, HOUR), METRIC)
    assert [(a.start, a.kind) for a in found] == [(MONDAY + 200 * HOUR, AnomalyKind.LEVEL_SHIFT)]


def test_integer_series_with_tiny_noise_does_not_alert_on_plus_one() -> None:
    rng = np.random.default_rng(4)
    x = 12 + rng.choice([-1, 0, 1], size=20 * 144, p=[0.03, 0.94, 0.03])
    assert detect(make(x.astype(float), timedelta(minutes=10)), DetectorConfig.for_unit(Unit.COUNT)) == []
    x[2000:] += 8
    found = detect(make(x.astype(float), timedelta(minutes=10)), DetectorConfig.for_unit(Unit.COUNT))
    assert [(a.start, a.kind) for a in found] == [(MONDAY + 2000 * timedelta(minutes=10), AnomalyKind.LEVEL_SHIFT)]


def test_small_counts_do_not_alert_on_poisson_noise() -> None:
    rng = np.random.default_rng(9)
    hours = np.arange(28 * 24) % 24
    counts = rng.poisson(1.5 * (1 + 0.7 * np.sin((hours - 8) / 24 * 2 * np.pi))).astype(float)
    assert len(detect(make(counts, HOUR), DetectorConfig.for_unit(Unit.COUNT))) <= 1
    counts[500:503] = [25, 31, 28]
    found = detect(make(counts, HOUR), DetectorConfig.for_unit(Unit.COUNT))
    assert any(a.start == MONDAY + 500 * HOUR and a.kind is AnomalyKind.SPIKE for a in found)


# -------------------------------------------------------------------------------------------- intermittent


def intermittent_jobs(days: int, seed: int) -> np.ndarray:
    """A nightly batch job: on for 2 hours on most days at about 40 units an hour, zero the rest of the time."""
    rng = np.random.default_rng(seed)
    x = np.zeros(days * 24)
    for d in range(days):
        if rng.random() < 0.7:
            at = d * 24 + int(rng.integers(1, 5))
            x[at : at + 2] = 40 * np.exp(rng.normal(0, 0.1, 2))
    return x


def test_intermittent_series_does_not_alert_on_switching() -> None:
    for seed in range(3):
        assert detect(make(intermittent_jobs(42, seed), HOUR), METRIC) == []


def test_intermittent_series_alerts_on_an_unusual_on_level_and_on_staying_on() -> None:
    x = intermittent_jobs(42, 1)
    x[30 * 24 + 2 : 30 * 24 + 4] = 400.0  # ten times the usual level
    found = detect(make(x, HOUR), METRIC)
    assert [(a.start, a.kind) for a in found] == [(MONDAY + 30 * DAY + 2 * HOUR, AnomalyKind.SPIKE)]
    y = intermittent_jobs(42, 1)
    y[35 * 24 : 35 * 24 + 30] = 40.0  # on for thirty hours
    found = detect(make(y, HOUR), METRIC)
    assert len(found) == 1 and found[0].kind is AnomalyKind.LEVEL_SHIFT
    assert MONDAY + 35 * DAY <= found[0].start < MONDAY + 35 * DAY + 12 * HOUR


def test_intermittent_daily_cost_does_not_flip_between_stop_and_spike() -> None:
    rng = np.random.default_rng(12)
    x = np.where(rng.random(90) < 0.5, 40 * np.exp(rng.normal(0, 0.1, 90)), 0.0)
    assert detect(make(x, DAY), DetectorConfig()) == []


# ------------------------------------------------------------------------------------------ honest episodes


def test_level_shift_becomes_the_new_level_after_the_stated_days_never_back_to_normal() -> None:
    rng = np.random.default_rng(6)
    x = 500 * np.exp(rng.normal(0, 0.03, 80))
    x[40:] *= 0.4
    found = detect(make(x, DAY), METRIC)
    assert len(found) == 1
    a = found[0]
    assert (a.kind, a.start, a.outcome) == (AnomalyKind.DROP, MONDAY + 40 * DAY, Outcome.NEW_LEVEL)
    assert a.end == MONDAY + 47 * DAY and a.new_level_after == 7 * DAY
    assert not a.back_to_normal
    assert a.new_level == pytest.approx(200, rel=0.05)
    assert a.baseline == pytest.approx(500, rel=0.05)
    assert a.baseline_low < 500 < a.baseline_high < 600


def test_stop_stays_open_while_at_zero_and_then_is_the_new_level() -> None:
    rng = np.random.default_rng(6)
    x = 500 * np.exp(rng.normal(0, 0.03, 60))
    x[50:] = 0.0
    found = detect(make(x, DAY), DetectorConfig())
    assert [(a.kind, a.start, a.end, a.outcome) for a in found] == [
        (AnomalyKind.STOP, MONDAY + 50 * DAY, MONDAY + 57 * DAY, Outcome.NEW_LEVEL)
    ]
    ongoing = detect(make(x[:55], DAY), DetectorConfig())
    assert [(a.kind, a.end, a.outcome) for a in ongoing] == [(AnomalyKind.STOP, None, Outcome.ONGOING)]


def test_episode_stays_open_until_back_in_the_band_of_its_pre_anomaly_baseline() -> None:
    rng = np.random.default_rng(10)
    x = 300 * np.exp(rng.normal(0, 0.03, 70))
    x[40:45] *= 2.0
    x[45:48] *= 1.3  # halfway back: still outside the baseline's band
    found = detect(make(x, DAY), METRIC)
    assert len(found) == 1
    a = found[0]
    assert a.start == MONDAY + 40 * DAY and a.end == MONDAY + 48 * DAY
    assert a.outcome is Outcome.RECOVERED and a.back_to_normal
    assert a.baseline_high < 300 * 1.3


def test_spike_label_needs_a_peak_above_the_days_before_it() -> None:
    x = np.full(60, 100.0) + np.tile([0.0, 1.0, -1.0], 20)
    x[40:45] = 400.0  # five high days, then lower but still above the baseline
    x[45] = 250.0
    found = detect(make(x, DAY), METRIC)
    assert all(not (a.kind is AnomalyKind.SPIKE and a.start == MONDAY + 45 * DAY) for a in found)


def test_gaps_are_missing_not_zero() -> None:
    x = traffic(14, HOUR, seed=30)
    x[200:230] = np.nan
    assert all(a.kind is not AnomalyKind.STOP for a in detect(make(x, HOUR), METRIC))
    assert detect(make(x, HOUR), METRIC) == detect(make(np.where(np.isnan(x), np.nan, x), HOUR), METRIC)


# ----------------------------------------------------------------------------------------------- property


@settings(max_examples=40, deadline=None)
@given(
    values=st.lists(
        st.one_of(st.floats(-1e6, 1e6, allow_nan=False), st.just(float("nan")), st.just(0.0)), min_size=2, max_size=300
    ),
    step=st.sampled_from([FIVE_MIN, HOUR, DAY]),
)
# Zeros with gaps: unknown points once made an all-zero series look "on at some" (intermittent), and it crashed.
@example(values=[0.0, 0.0, np.nan, 0.0, 0.0, 0.0, 0.0, 0.0, np.nan], step=DAY)
def test_any_series_gives_ordered_well_formed_episodes(values: list[float], step: timedelta) -> None:
    s = make(np.array(values), step)
    found = detect(s, METRIC)
    for a, b in itertools.pairwise(found):
        assert a.last_seen <= b.start
    for a in found:
        assert s.start <= a.start < a.last_seen <= s.end
        assert a.end is None or a.last_seen <= a.end <= s.end
        assert a.outcome is (Outcome.ONGOING if a.end is None else a.outcome)
        assert np.isfinite([a.actual, a.expected, a.impact, a.baseline, a.score]).all()


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 10_000), factor=st.floats(1e-3, 1e3))
def test_scaling_a_metric_changes_no_episode(seed: int, factor: float) -> None:
    x = traffic(10, HOUR, seed)
    x[150:153] *= 5
    base = detect(make(x, HOUR), METRIC)
    scaled = detect(make(x * factor, HOUR), METRIC)
    assert [(a.start, a.end, a.kind) for a in base] == [(a.start, a.end, a.kind) for a in scaled]
