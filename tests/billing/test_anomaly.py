"""The anomaly engine on constructed series with exact expectations."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

import numpy as np
import pytest

from bot.billing.anomaly import (
    AnomalyKind,
    DetectorConfig,
    Outcome,
    Series,
    Severity,
    detect,
    detect_many,
    sibling_noise,
    sibling_typical,
)
from bot.billing.anomaly_judge import score_series
from bot.slack.triage import AlertView, alert_message

START = datetime(2025, 1, 1, tzinfo=UTC)  # a Wednesday
DAY = timedelta(days=1)
WEEKDAY = np.array([1.0, 1.0, 1.0, 1.0, 1.0, 0.7, 0.7])  # Mon..Sun


def daily(days: int = 120, level: float = 1000.0, noise: float = 0.03, seed: int = 1) -> np.ndarray:
    """Weekday-seasonal cost with multiplicative noise (deterministic)."""
    rng = np.random.default_rng(seed)
    wd = (START.weekday() + np.arange(days)) % 7
    return level * WEEKDAY[wd] * np.exp(rng.normal(0, noise, days))


def series(values: np.ndarray, dimension: str = "service", value: str = "EC2", start: datetime = START) -> Series:
    return Series(start, DAY, tuple(float(v) for v in values), dimension, value)


def day(i: int) -> datetime:
    return START + DAY * i


def test_clean_noisy_series_gives_nothing() -> None:
    for seed in range(5):
        assert detect(series(daily(seed=seed, noise=0.05))) == []


def test_spike_is_found_on_its_day_with_the_right_expected_value() -> None:
    x = daily()
    normal = x[100]
    x[100] = normal + 2500.0  # a Friday (2025-04-11)
    found = detect(series(x))
    assert len(found) == 1
    a = found[0]
    assert a.kind is AnomalyKind.SPIKE
    assert a.start == day(100) and a.end == day(101) and a.points == 1
    # Expected = normal weekday level (1000) within the noise; the excess is the injected 2500.
    assert a.expected == pytest.approx(1000.0, rel=0.06)
    assert a.actual == pytest.approx(normal + 2500.0)
    assert a.impact == pytest.approx(a.actual - a.expected)
    assert a.expected_low < a.expected < a.expected_high < a.actual
    assert a.impact_pct == pytest.approx(a.impact / a.expected * 100)
    assert a.severity is Severity.CRITICAL  # $2,500 = 125 x the $20 floor, +250%
    assert a.score >= DetectorConfig().z_point


def test_outliers_in_history_do_not_mask_the_next_spike() -> None:
    x = daily()
    for i in (80, 85, 90, 95):
        x[i] *= 4  # four earlier spikes
    x[100] += 800.0
    starts = [a.start for a in detect(series(x))]
    assert day(100) in starts
    found = next(a for a in detect(series(x)) if a.start == day(100))
    assert found.expected == pytest.approx(1000.0, rel=0.06)


def test_weekend_dip_is_not_a_drop_but_a_weekday_drop_is() -> None:
    x = daily()
    assert detect(series(x)) == []
    x[101] *= 0.5  # a Saturday at half of an already low weekend day... is still a drop
    found = detect(series(x))
    assert [(a.start, a.kind) for a in found] == [(day(101), AnomalyKind.DROP)]


def test_monthly_fee_on_day_one_does_not_alert() -> None:
    x = daily(days=150)
    firsts = [i for i in range(150) if day(i).day == 1]
    for i in firsts:
        x[i] += 3000.0  # RI fee, three times a normal day
    lasts = [i for i in range(150) if (day(i) + DAY).day == 1]
    for i in lasts:
        x[i] += 0.08 * 30 * 1000.0  # monthly tax on the last day
    assert detect(series(x)) == []


def test_a_missed_monthly_fee_is_not_news_but_a_doubled_one_is() -> None:
    x = daily(days=150)
    firsts = [i for i in range(150) if day(i).day == 1]
    for i in firsts:
        x[i] += 3000.0
    x[firsts[-1]] += 6000.0  # the last month's fee is three times bigger
    found = detect(series(x))
    assert [a.start for a in found] == [day(firsts[-1])]
    assert found[0].impact == pytest.approx(6000.0, rel=0.1)


def test_new_service_at_500_a_day_alerts_on_day_one() -> None:
    x = np.zeros(60)
    x[50:] = 500.0
    found = detect(series(x, value="Amazon Bedrock"))
    assert len(found) == 1
    a = found[0]
    assert a.kind is AnomalyKind.NEW
    assert a.start == day(50) and a.expected == 0.0 and a.impact_pct is None
    # It stays new spending (baseline $0) until it has lasted a week: then it is the series' new level.
    assert (a.end, a.outcome, a.new_level, a.actual) == (day(57), Outcome.NEW_LEVEL, 500.0, 3500.0)
    assert detect(series(x[:52], value="Amazon Bedrock"))[0].actual == 1000.0  # ongoing on its second day


def test_new_series_is_judged_against_its_siblings() -> None:
    big = series(daily(days=60, level=5000.0), value="EC2")
    small_new = np.zeros(60)
    small_new[55:] = 300.0
    material_new = np.zeros(60)
    material_new[55:] = 3000.0
    found = detect_many(
        {
            ("service", "EC2"): big,
            ("service", "S3"): series(daily(days=60, level=5000.0, seed=2), value="S3"),
            ("service", "Glue"): series(small_new, value="Glue"),
            ("service", "SageMaker"): series(material_new, value="SageMaker"),
        }
    )
    # Siblings spend ~$5k/day: a new $300/day service is not news, a new $3k/day one is, on its first day.
    assert [(a.value, a.start, a.kind) for a in found] == [("SageMaker", day(55), AnomalyKind.NEW)]


def test_series_present_from_the_first_day_is_not_new() -> None:
    assert detect(series(daily(days=40))) == []


def test_a_stop_alerts_once() -> None:
    x = daily()
    x[90:] = 0.0
    found = detect(series(x))
    assert len(found) == 1
    a = found[0]
    assert a.kind is AnomalyKind.STOP
    assert a.start == day(90)
    assert a.actual == 0.0 and a.impact < 0
    assert a.end is not None  # over once the new normal (zero) is learnt


def test_level_shift_is_one_episode_with_start_and_end() -> None:
    x = daily()
    x[80:] *= 1.8
    found = detect(series(x))
    assert len(found) == 1
    a = found[0]
    assert a.kind is AnomalyKind.LEVEL_SHIFT
    assert a.start == day(80)
    assert a.end is not None and a.end > day(84)
    assert a.points >= 5


def test_slow_drift_is_found_inside_the_ramp() -> None:
    x = daily(days=140)
    ramp = np.ones(140)
    ramp[80:101] = np.linspace(1.0, 1.8, 21)
    ramp[101:] = 1.8
    found = detect(series(x * ramp))
    assert len(found) == 1
    assert day(80) < found[0].start < day(101)


def test_noise_floors_both_apply() -> None:
    x = daily(level=50.0, noise=0.01)
    x[100] -= 15.0  # -30%, z far above 5, but only $15 less: under the $20 one-day floor a fall keeps
    assert detect(series(x)) == []
    y = daily(level=100_000.0, noise=0.01)
    y[100] *= 1.15  # +$15,000, z far above 5, but +15%: under the 20% relative floor
    assert detect(series(y)) == []
    z = daily(level=100_000.0, noise=0.01)
    z[100] *= 1.25
    assert [a.start for a in detect(series(z))] == [day(100)]


def test_spikes_close_together_merge_into_one_episode() -> None:
    x = daily()
    x[100] += 3000.0
    x[102] += 3000.0  # two days later: the same episode
    x[110] += 3000.0  # a week later: another one
    found = detect(series(x))
    assert [(a.start, a.last_seen, a.points) for a in found] == [
        (day(100), day(103), 3),  # the quiet day between the two spikes is part of the episode
        (day(110), day(111), 1),
    ]


def test_since_reports_only_episodes_touching_new_data() -> None:
    x = daily()
    x[60] += 3000.0
    x[95:] *= 2.0  # ongoing level shift at the end of the data
    s = series(x)
    everything = detect(s)
    assert [a.start for a in everything] == [day(60), day(95)]
    later = detect(s, since=day(100))
    assert [a.start for a in later] == [day(95)]  # started before `since`, still going on, true start kept
    end = later[0].end
    assert end is not None and end >= day(100)  # it ended after `since`: an update worth reporting
    assert detect(s, since=end + DAY * 3) == []


def test_ongoing_episode_has_no_end() -> None:
    x = daily()
    x[118:] *= 3.0
    a = detect(series(x))[0]
    assert a.start == day(118) and a.end is None and a.ongoing


def test_hourly_series_spike_found_at_its_hour() -> None:
    rng = np.random.default_rng(3)
    hours = 24 * 40
    h = np.arange(hours) % 24
    x = 100 * (1 + 0.5 * np.exp(-((h - 14) ** 2) / 18)) * np.exp(rng.normal(0, 0.03, hours))
    clean = Series(START, timedelta(hours=1), tuple(float(v) for v in x), "total", "")
    assert detect(clean) == []
    x[24 * 35 + 3] += 400.0
    s = Series(START, timedelta(hours=1), tuple(float(v) for v in x), "total", "")
    found = detect(s)
    assert [a.start for a in found] == [START + timedelta(hours=24 * 35 + 3)]
    assert found[0].expected == pytest.approx(100 * (1 + 0.5 * np.exp(-(11**2) / 18)), rel=0.1)


def test_missing_points_are_not_judged() -> None:
    x = daily()
    x[100] = np.nan
    assert detect(series(x)) == []


def test_config_rejects_negative_floors() -> None:
    with pytest.raises(ValueError, match="min_impact"):
        DetectorConfig(min_impact=-1)


def test_series_step_must_divide_a_day() -> None:
    with pytest.raises(ValueError, match="divide one day"):
        Series(START, timedelta(days=7), (1.0, 2.0))


def test_a_small_step_that_lasts_is_material_while_a_fall_of_the_same_size_is_not() -> None:
    # A $9-a-day table that costs $8.50 a day more from day 100 on ($260 a month): under the one-day floor of
    # $20, above the lasting floor of $100 a month: told on its first day, a sustained increase once it lasted.
    x = daily(level=9.0, noise=0.03)
    stepped = x.copy()
    stepped[100:] += 8.5
    (first,) = detect(series(stepped[:101]))
    assert (first.start, first.monthly_if_lasting) == (day(100), pytest.approx(first.impact * 30.4375))
    (found,) = detect(series(stepped))
    assert (found.start, found.kind, found.monthly_if_lasting) == (day(100), AnomalyKind.LEVEL_SHIFT, None)
    assert DetectorConfig().lasting_floor() == pytest.approx(100.0 / 30.4375)
    fall = x.copy()
    fall[100:] -= 4.5  # -$4.50 a day for good (-50%): falls keep the one-day floor
    assert detect(series(fall)) == []
    # The scope's spend raises the floor: 0.1% of a $300,000-a-month scope is $300 a month, more than this step.
    assert detect(series(stepped), scope_daily=10_000.0) == []
    # Other units have no money floor at all, lasting or not.
    assert DetectorConfig.for_unit("count").lasting_floor(10_000.0) == 0.0


def test_a_sustained_step_on_day_nine_of_a_young_service_is_alerted() -> None:
    """A service eight days old at $60 a day (under the new-spending floor its siblings give) steps up by half on
    its ninth day: the alert names it that day, judged on its own short history."""

    start = datetime(2026, 9, 1, tzinfo=UTC)
    n = 60
    wiggle = [1 + 0.03 * math.sin(i * 2.1) for i in range(n)]
    series = {
        ("service", f"S{k}"): Series(
            start, timedelta(days=1), [200 * (1 + 0.02 * k) * wiggle[(i + k) % n] for i in range(n)], "service", f"S{k}"
        )
        for k in range(5)
    }
    young = [0.0] * 44 + [60 * wiggle[i] for i in range(8)] + [90 * wiggle[i] for i in range(8, 16)]
    series[("service", "Young")] = Series(start, timedelta(days=1), young, "service", "Young")
    found = detect_many(series, DetectorConfig())
    assert [AlertView(a, None).summary() for a in found] == [
        "Service Young: sustained increase, $627.56 vs $430.66 expected, impact +$196.90 (+45.7%), Oct 23 – Oct 29"
    ]


def test_a_small_rise_worth_the_monthly_floor_is_told_on_its_first_day() -> None:
    """+$15 a day (+30%) on a quiet $50/day series, far outside its band: under the $20 one-day floor, but
    $457 a month if it lasts (floor $100): alerted the morning after its first day, saying what it would cost
    a month; a day later it is still going, the same episode."""
    x = daily(level=50.0, noise=0.01)
    x[100:] += 15.0
    first = detect(series(x[:101]))
    assert [(a.start, a.kind, a.outcome) for a in first] == [(day(100), AnomalyKind.SPIKE, Outcome.ONGOING)]
    a = first[0]
    assert a.monthly_if_lasting == pytest.approx(a.impact * 30.4375)
    assert 14.0 < a.impact < 16.0
    message = alert_message(AlertView(a, None), "k")
    impact = next(b for b in message.blocks if b["type"] == "section" and "fields" in b)["fields"][0]["text"]
    assert impact == (
        f"*Impact*\n+${a.impact:,.2f} ({a.impact_pct:+.1f}%)\nif it lasts: ${a.monthly_if_lasting:,.2f} a month"
    )
    later = detect(series(x[:103]))
    assert [(a.start, a.outcome) for a in later] == [(day(100), Outcome.ONGOING)]
    # Its month is judged against the scope too: a $15 rise is 0.1% of a $450,000 month, not worth telling.
    assert detect(series(x[:101]), scope_daily=15_000 / 0.001 / 30.4375 * 1.01) == []


def test_a_small_blip_told_as_a_rise_is_over_the_next_days_not_a_new_level() -> None:
    """A one-day +$15 blip on a quiet series is told on its first day (it could last); it ends back in the band
    of its baseline ("back to normal"), never as a new level."""
    x = daily(level=50.0, noise=0.01)
    x[100] += 15.0
    found = detect(series(x))
    assert [(a.start, a.kind, a.outcome, a.monthly_if_lasting) for a in found] == [
        (day(100), AnomalyKind.SPIKE, Outcome.RECOVERED, None)
    ]
    assert found[0].back_to_normal


def _young_among_siblings(seed: int, noise: float, step_day: int | None = None) -> dict[tuple[str, str], Series]:
    """Five mature services of $500 a day and one that appeared 18 days ago at $100 a day, all with `noise`
    (log-normal, daily); the young one steps up by half on day `step_day + 1` of its life when given."""
    rng = np.random.default_rng(seed)
    n = 60
    out = {("service", f"S{k}"): series(500 * np.exp(rng.normal(0, noise, n)), value=f"S{k}") for k in range(5)}
    young = np.zeros(n)
    young[42:] = 100 * np.exp(rng.normal(0, noise, 18))
    if step_day is not None:
        young[42 + step_day :] *= 1.5
    out[("service", "Young")] = series(young, value="Young")
    return out


def test_a_young_noisy_series_leans_on_its_siblings_noise() -> None:
    """An 18-day-old service as noisy as its siblings (30% a day): judged on its own 10 days it takes a normal
    wobble for a spike; with its mature siblings' relative noise as a prior (pooled with its own, fading at
    three weeks) its band is as wide as theirs and nothing is said."""
    noisy = _young_among_siblings(37, 0.3)
    young = noisy[("service", "Young")]
    floor = 0.5 * sibling_typical(noisy.values())
    alone = detect(young, DetectorConfig(), new_series_floor=floor)
    assert [AlertView(a, None).summary() for a in alone] == [
        "Service Young: spike, $183.20 vs $87.09 expected, impact +$96.11 (+110.4%), Feb 22"
    ]
    assert [a for a in detect_many(noisy, DetectorConfig()) if a.value == "Young"] == []
    scores = {k: score_series(s, DetectorConfig()) for k, s in noisy.items()}
    assert 0.2 < sibling_noise(noisy, scores)["service"] < 0.45  # about the siblings' 30%


def test_a_day_nine_step_of_a_quiet_young_series_is_still_found_with_the_prior() -> None:
    """Quiet siblings (5% a day) give a narrow prior: a +50% step on day 9 of a quiet young service is found
    on its first day, and the alert reads as a sustained increase once it lasted."""
    quiet = _young_among_siblings(1, 0.05, step_day=8)
    found = [a for a in detect_many(quiet, DetectorConfig()) if a.value == "Young"]
    assert [AlertView(a, None).summary() for a in found] == [
        "Service Young: sustained increase, $1,055.36 vs $694.50 expected, impact +$360.86 (+52.0%), Feb 20 – Feb 26"
    ]
    assert found[0].start == day(50)  # day 9 of its life
