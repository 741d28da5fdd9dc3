"""Month-end spend forecast: weekday-aware, from the month so far and (optionally) recent history.

A linear run-rate ("spent X in N days, so X/N per day") is wrong whenever weekends cost less than weekdays
(dev environments stopped at night and weekends, batch jobs on business days): halfway through a month that
started on a weekday it over- or under-shoots depending on the weekdays still to come. This model is

    cost(day) = level * factor(weekday(day)) + noise

with weekday factors estimated from history plus the month so far (mean cost of each weekday relative to the
mean of the weekday means) and the level fitted on the month so far, so the forecast follows the current month's
run-rate but respects the mix of weekdays that remain. The ~80% range comes from the spread of the residuals:
the noise of each remaining day plus the uncertainty of the fitted level.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from bot.billing.model import Forecast
from bot.billing.periods import add_months, month_start

#: Two-sided 80% interval of a normal distribution (the 90th percentile).
Z80 = 1.2815515655446004


def weekday_factors(days: Iterable[tuple[date, float]]) -> list[float]:
    """Seven multipliers (Monday first) with mean 1 over the weekdays seen; 1.0 for unseen weekdays.

    Falls back to all 1.0 when a weekday mean is not positive (credits and refunds make ratios meaningless).
    """
    sums: dict[int, float] = defaultdict(float)
    counts: dict[int, int] = defaultdict(int)
    for d, cost in days:
        sums[d.weekday()] += cost
        counts[d.weekday()] += 1
    means = {w: sums[w] / counts[w] for w in counts}
    if not means or any(m <= 0 for m in means.values()):
        return [1.0] * 7
    overall = sum(means.values()) / len(means)
    return [means[w] / overall if w in means else 1.0 for w in range(7)]


def _fit(days: Sequence[tuple[date, float]], factors: Sequence[float]) -> tuple[float, float, float]:
    """Level, residual standard deviation (NaN with fewer than two days) and sum of factors of `days`."""
    weight = sum(factors[d.weekday()] for d, _ in days)
    level = sum(c for _, c in days) / weight if weight else 0.0
    if len(days) < 2:
        return level, math.nan, weight
    residuals = [c - level * factors[d.weekday()] for d, c in days]
    mean = sum(residuals) / len(residuals)
    var = sum((r - mean) ** 2 for r in residuals) / (len(residuals) - 1)
    return level, math.sqrt(var), weight


def forecast_month(
    daily: Sequence[tuple[date, float]],
    month: date,
    today: date,
    history: Sequence[tuple[date, float]] = (),
) -> Forecast:
    """Forecast the total of `month` from daily costs.

    `daily` holds (day, cost) for the month; days before `today` count as elapsed (a missing elapsed day cost
    nothing), days from `today` on are forecast (pass the first day without complete data as `today`).
    `history`: complete days before the month (a few weeks is plenty), used for weekday factors and, when the
    month has fewer than three elapsed days, for the spread. Promises: `low <= expected <= high`,
    `low >= month_to_date` when costs are non-negative, and `expected == low == high == month_to_date` once the
    month is over. Without any residual information the range is [month_to_date, 2 * expected - month_to_date].
    """
    first = month_start(month)
    end = add_months(first, 1)
    days_in_month = (end - first).days
    cutoff = min(max(today, first), end)
    by_day: dict[date, float] = defaultdict(float)
    for d, cost in daily:
        if first <= d < cutoff:
            by_day[d] += cost
    elapsed = [
        (first + timedelta(days=i), by_day.get(first + timedelta(days=i), 0.0)) for i in range((cutoff - first).days)
    ]
    mtd = sum(c for _, c in elapsed)
    remaining = [cutoff + timedelta(days=i) for i in range((end - cutoff).days)]
    if not remaining:
        return Forecast(first, mtd, mtd, mtd, mtd, len(elapsed), days_in_month)
    past = [(d, c) for d, c in history if d < first]
    factors = weekday_factors([*past, *elapsed])
    sample = elapsed or past
    if not sample:
        return Forecast(first, mtd, mtd, mtd, mtd, 0, days_in_month)
    level, sigma, weight = _fit(sample, factors)
    if len(elapsed) < 3 and past:
        # Too few days this month to measure the noise: take it from history, scaled to this month's level.
        h_level, h_sigma, _ = _fit(past, factors)
        sigma = h_sigma * (level / h_level) if h_level > 0 and not math.isnan(h_sigma) else math.nan
    rest_weight = sum(factors[d.weekday()] for d in remaining)
    rest = level * rest_weight
    expected = mtd + rest
    if math.isnan(sigma):
        low, high = min(mtd, expected), max(expected, expected + rest)
        return Forecast(first, mtd, expected, low, high, len(elapsed), days_in_month)
    n = len(sample)
    level_var = (sigma**2) * n / (weight**2) if weight else 0.0
    sd = math.sqrt(len(remaining) * sigma**2 + rest_weight**2 * level_var)
    low = max(min(mtd, expected), expected - Z80 * sd)
    high = expected + Z80 * sd
    return Forecast(first, mtd, expected, low, high, len(elapsed), days_in_month)
