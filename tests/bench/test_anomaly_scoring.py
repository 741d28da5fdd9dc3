"""The anomaly benchmark's scorer and its TrackIt baseline, on examples small enough to compute by hand."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

import numpy as np
import pytest

from bench.anomaly_baselines import TrackItRule, trackit_band, trackit_flags, zscore_flags
from bench.anomaly_data import Event, Labelled
from bench.anomaly_eval import Tally, group, score_series
from bot.billing.anomaly_model import Series

START = datetime(2025, 1, 1, tzinfo=UTC)


def labelled(n: int, events: tuple[Event, ...], step: timedelta = timedelta(days=1)) -> Labelled:
    return Labelled("s", "bill", Series(START, step, (1.0,) * n), events)


def flags_at(n: int, *points: int) -> np.ndarray:
    f = np.zeros(n, dtype=bool)
    f[list(points)] = True
    return f


# ------------------------------------------------------------------------------------------------ scorer


def test_group_merges_flags_within_the_gap() -> None:
    assert group(flags_at(20, 2, 3, 5, 9, 17), gap=2) == [(2, 5), (9, 9), (17, 17)]
    assert group(flags_at(20, 2, 3, 5, 9, 17), gap=4) == [(2, 9), (17, 17)]
    assert group(np.zeros(5, dtype=bool), gap=2) == []


def test_event_level_precision_recall_delay_and_early_credit() -> None:
    # Two labelled events; the first is flagged one point after it starts, the second never; one false alarm.
    item = labelled(20, (Event("spike", 5, 8), Event("drop", 12, 15)))
    flags = flags_at(20, 6, 7, 17)
    tally = Tally()
    score_series(tally, item, group(flags, 2), flags, clean=False, days_per_point=1.0)
    assert (tally.events, tally.found, tally.episodes, tally.true_episodes, tally.false_alarms) == (2, 1, 2, 1, 1)
    assert tally.precision == 0.5 and tally.recall == 0.5 and tally.f1 == 0.5
    assert tally.delays == [1.0]
    assert tally.early == pytest.approx(1 - 0.5 * 1 / 3)  # found 1 point into a 3-point window
    assert tally.series_days == 20 and tally.clean_series_days == 0 and tally.clean_false_alarms == 0


def test_detection_at_the_window_start_earns_full_credit_and_zero_delay() -> None:
    item = labelled(10, (Event("level-shift", 4, 8),))
    flags = flags_at(10, 4, 5, 6, 7, 8, 9)  # the episode outlasts the label: still one true episode
    tally = Tally()
    score_series(tally, item, group(flags, 2), flags, clean=False, days_per_point=1.0)
    assert tally.early == 1.0 and tally.delays == [0.0]
    assert tally.precision == 1.0 and tally.recall == 1.0


def test_a_flag_only_before_the_window_finds_nothing() -> None:
    item = labelled(10, (Event("spike", 5, 6),))
    flags = flags_at(10, 3)
    tally = Tally()
    score_series(tally, item, group(flags, 0), flags, clean=False, days_per_point=1.0)
    assert tally.found == 0 and tally.false_alarms == 1 and tally.f1 == 0.0


def test_hourly_delay_in_days_and_clean_false_alarms() -> None:
    item = labelled(48, (Event("spike", 10, 22),), step=timedelta(hours=1))
    flags = flags_at(48, 16)
    tally = Tally()
    score_series(tally, item, group(flags, 1), flags, clean=False, days_per_point=1 / 24)
    assert tally.delays == [pytest.approx(6 / 24)]
    assert tally.early == pytest.approx(1 - 0.5 * 6 / 12)
    clean = labelled(48, ())
    score_series(tally, clean, group(flags_at(48, 3, 40), 1), flags_at(48, 3, 40), clean=True, days_per_point=1 / 24)
    assert tally.clean_false_alarms == 2 and tally.clean_series_days == pytest.approx(2.0)
    assert tally.series_days == pytest.approx(4.0)


def test_no_episodes_means_perfect_precision_but_zero_recall() -> None:
    tally = Tally()
    item = labelled(10, (Event("stop", 2, 5),))
    score_series(tally, item, [], np.zeros(10, dtype=bool), clean=False, days_per_point=1.0)
    assert tally.precision == 1.0 and tally.recall == 0.0 and tally.f1 == 0.0


# ------------------------------------------------------------------------------------------ TrackIt rule


def test_band_is_105_percent_of_the_mean_plus_three_root_sum_of_squares_over_three() -> None:
    x = np.array([100.0, 110.0, 90.0, 200.0])
    band = trackit_band(x)
    # mean 100; squared deviations 0 + 100 + 100 = 200
    assert band[3] == pytest.approx(1.05 * 100 + 3 * math.sqrt(200) / 3)
    assert np.all(np.isinf(band[:3]))  # no band before three days of history


def bill(a: list[float], *others: float) -> list[np.ndarray]:
    """Product A's days plus other products that cost `others[i]` every day."""
    return [np.array(a), *(np.full(len(a), o) for o in others)]


A = [100.0, 110.0, 90.0, 200.0]  # day 3: band 119.142, excess 80.858


def test_increase_over_the_band_is_flagged() -> None:
    flags, recurrent = trackit_flags(bill(A))
    assert flags[0].tolist() == [False, False, False, True]
    assert not recurrent[0].any()


def test_drops_are_never_flagged() -> None:
    flags, _ = trackit_flags(bill([100.0, 110.0, 90.0, 5.0]))
    assert not flags[0].any()


def test_excess_under_five_percent_of_the_days_bill_is_dropped() -> None:
    # 5% of 200 + 1400 = 80 <= 80.858: kept; 5% of 200 + 1500 = 85 > 80.858: dropped.
    assert trackit_flags(bill(A, 1400.0))[0][0][3]
    assert not trackit_flags(bill(A, 1500.0))[0][0][3]


def test_cost_under_twenty_dollars_is_dropped() -> None:
    # band 10.5 + sqrt(2) = 11.914; both days exceed it, only $20 passes the floor.
    assert not trackit_flags(bill([10.0, 11.0, 9.0, 19.99]))[0][0][3]
    assert trackit_flags(bill([10.0, 11.0, 9.0, 20.0]))[0][0][3]
    assert trackit_flags(bill([10.0, 11.0, 9.0, 19.99]), TrackItRule(min_cost=0.0))[0][0][3]


def test_only_the_days_top_five_products_are_kept() -> None:
    # Others at $210 each: with four of them A (200) is 5th and kept, with five it is 6th and dropped.
    # (5% of 200 + 5 x 210 = 62.5: the 5%-of-bill rule lets both through.)
    assert trackit_flags(bill(A, 210.0, 210.0, 210.0, 210.0))[0][0][3]
    assert not trackit_flags(bill(A, 210.0, 210.0, 210.0, 210.0, 210.0))[0][0][3]


def test_repeat_within_ten_percent_of_the_same_day_a_month_earlier_is_recurrent() -> None:
    def month_apart(second: float) -> tuple[np.ndarray, np.ndarray]:
        x = np.full(34, 100.0)  # flat 100: band 105, never flagged
        x[3], x[33] = 200.0, second
        flags, recurrent = trackit_flags([x])
        return flags[0], recurrent[0]

    flags, recurrent = month_apart(215.0)  # 7.5% above a month earlier
    assert np.where(flags)[0].tolist() == [3, 33]
    assert np.where(recurrent)[0].tolist() == [33]
    flags, recurrent = month_apart(230.0)  # 15% above: a new anomaly
    assert np.where(flags)[0].tolist() == [3, 33] and not recurrent.any()


def test_rolling_zscore_flags_both_directions_after_its_window() -> None:
    x = np.array([10.0, 12.0, 10.0, 12.0, 10.0, 12.0, 30.0, 11.0, -30.0])
    # window 6: mean 11, std 1 -> 30 is z 19; 11 is z 0; -30 against [10,12,10,12,30,11] (mean 14.17,
    # std 7.13) is z -6.2
    assert zscore_flags(x, window=6, threshold=3.0).tolist() == [False] * 6 + [True, False, True]
