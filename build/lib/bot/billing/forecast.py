"""The usage forecast: the usage-driven spend of the days left in a month, with an 80% range from backtests.

Pure numbers in, numbers out (the store side, and period charges, live in `bot.billing.pace`). Only usage-driven
charges are modelled as a daily series: the fees, tax and credits booked on the 1st are not daily spend and
never enter it, so the 1st of every previous month is an ordinary day of the history.

The model, for each remaining day d:

    usage(d) = level * factor(weekday(d))              (flat)
    usage(d) = level * factor(weekday(d)) * (1 + slope * days from the middle of the level's window to d)
                                                      (trended)

- `factor`: how each weekday compares with its week. Each day of the last eight weeks is divided by the mean of
  the seven days around it (so growth and level shifts cancel out), and the median of those ratios per weekday
  is that weekday's factor (normalised to a mean of 1). Medians make one spike or one outage day irrelevant.
  Fewer than two weeks of data: every factor is 1.
- `level`: a combination of candidate levels, each the trimmed mean (10%, and at least the highest and lowest
  day, so one spike never counts) of the last W days divided by their weekday factors, W = 1, 2, 4 and 8 weeks.
  The store's own history decides how much each counts: from every past day with two weeks of data before it,
  each candidate forecasts the following week, and the candidates weigh the inverse square of their mean
  squared relative error (Bates and Granger's combination, sharpened). Scoring a week ahead keeps the most
  recent days telling: a bill whose usage stepped three weeks ago already leans on the short windows, a volatile
  one on the long ones. Nothing is fitted to a particular bill by hand.
- `slope`: the relative change per day of the last eight weekly sums, as the median of their pairwise slopes
  (Theil-Sen: one odd week does not tilt it). Whether the trend is followed is decided the same way, by the
  backtest at the full horizon: the flat and the trended forecasts are weighted by their errors where following
  the trend changed the forecast by more than 1%, and a trend that has not been put to that test is not followed.
  A growing organisation is forecast growing; a noisy one that only looks like it trends is not.

The 80% range comes from backtests of the full horizon h (the days left in the month), run as they would have
run in real time: at each past origin the weights are made only from scores already known then, and the relative
error of that combined h-day forecast is recorded. Its 10th and 90th percentiles scale the expected rest of the
month, widened as a normal-theory prediction interval is for a scale estimated from n independent samples, by
t(0.9, n-1) / z(0.9) * sqrt(1 + 1/n), where n is the number of non-overlapping h-day windows the backtests span
(fewer windows, wider range). With less than two such windows, the range comes from the scatter of whole weeks
(the relative standard deviation of weekly sums, for the weeks left plus the error of the level, with a
Student-t multiplier for the few weeks it rests on; single days below two weeks of data). With one day of data
nothing can be measured: the range runs from stopping now to twice the expected rest. While days remain a range
is never narrower than +-1% of the expected rest.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

#: Candidate level windows, whole weeks so every weekday weighs the same.
LEVEL_WINDOWS: tuple[int, ...] = (7, 14, 28, 56)
#: Days behind the weekday factors.
FACTOR_DAYS = 56
#: Days of data an origin needs before it, to backtest a forecast from there.
MIN_TRAIN_DAYS = 14
#: Past origins the backtest uses at most (the most recent ones).
MAX_ORIGINS = 120
#: Days ahead the candidate levels are scored on: one week, every weekday once.
SCORING_DAYS = 7
#: Weeks behind the trend (its slope is a median of pairwise slopes of weekly sums).
TREND_WEEKS = 8
#: Share trimmed off each end when averaging the level.
TRIM = 0.1
#: Two-sided 80%: the 10th and 90th percentiles.
LOW_Q, HIGH_Q = 0.1, 0.9
#: The narrowest half-width of a range, relative to the expected rest of the month.
MIN_HALF_WIDTH = 0.01
_NORMAL_90 = 1.2815515655446004
_MAD_TO_SD = 1.4826
#: Candidates weigh (1 / mean squared error) ** WEIGHT_POWER: 1 is Bates and Granger's combination; 2 leans
#: harder on the clearly better candidate, so a level that stepped is followed sooner.
WEIGHT_POWER = 2.0


@dataclass(frozen=True)
class UsageForecast:
    """Usage-driven spend of a month: `to_date` over the elapsed complete days, `rest` expected over the days
    left (`rest_low`..`rest_high` the 80% range), with how it was made."""

    to_date: float
    rest: float
    rest_low: float
    rest_high: float
    days_left: int
    window: int  # days behind the level, weighted (0: no data)
    backtests: int  # past forecasts the range was calibrated on (0: model-based or no range)
    method: str

    @property
    def expected(self) -> float:
        return self.to_date + self.rest

    @property
    def low(self) -> float:
        return self.to_date + self.rest_low

    @property
    def high(self) -> float:
        return self.to_date + self.rest_high


def _factors_of(seg: FloatArray, first_weekday: int) -> FloatArray:
    """Weekday factors (index 0 = Monday) of consecutive daily values `seg` whose first day is `first_weekday`."""
    n = len(seg)
    if n < 14:
        return np.ones(7)
    sums = np.concatenate(([0.0], np.cumsum(seg)))
    lo = np.clip(np.arange(n) - 3, 0, n - 7)
    local = (sums[lo + 7] - sums[lo]) / 7
    if (local <= 0).any():  # credits and refunds make ratios meaningless
        return np.ones(7)
    ratios = seg / local
    skip = n % 7  # whole weeks only, newest last: column j holds the weekday of day `skip + j`
    medians = np.median(ratios[skip:].reshape(-1, 7), axis=0)
    factors = np.roll(medians, (first_weekday + skip) % 7)
    mean = float(factors.mean())
    return factors / mean if mean > 0 else np.ones(7)


def weekday_factors(values: Sequence[float], first: date) -> list[float]:
    """Seven multipliers (Monday first), mean 1, from consecutive daily `values` starting on `first`.

    Each day is compared with the mean of the seven days around it (the window is shifted at the edges); a
    weekday's factor is the median of its ratios. All 1.0 with fewer than 14 days, or when the local means are
    not positive.
    """
    return [float(f) for f in _factors_of(np.asarray(values, dtype=float), first.weekday())]


def _trimmed_mean(values: FloatArray) -> float:
    ordered = np.sort(values)
    cut = max(1, int(len(ordered) * TRIM)) if len(ordered) >= 5 else 0  # one spike day never counts
    kept = ordered[cut : len(ordered) - cut] if len(ordered) > 2 * cut else ordered
    return float(kept.mean()) if len(kept) else 0.0


class _Series:
    """A daily series from its first day: the model's pieces at any origin (days `[0, origin)` known)."""

    def __init__(self, values: Sequence[float], first: date) -> None:
        self.values = np.asarray(values, dtype=float)
        self.first_weekday = first.weekday()

    def weekday(self, index: int) -> int:
        return (self.first_weekday + index) % 7

    def factors(self, origin: int) -> FloatArray:
        start = max(0, origin - FACTOR_DAYS)
        return _factors_of(self.values[start:origin], self.weekday(start))

    def level(self, origin: int, factors: FloatArray, window: int) -> float:
        start = max(0, origin - window)
        days = (self.first_weekday + np.arange(start, origin)) % 7
        weights = factors[days]
        tail = self.values[start:origin]
        adjusted = np.where(weights > 0, tail / np.where(weights > 0, weights, 1.0), tail)
        return _trimmed_mean(adjusted)

    def weight(self, origin: int, factors: FloatArray, horizon: int) -> float:
        """Sum of the weekday factors of the `horizon` days from `origin`."""
        return float(factors[(self.first_weekday + np.arange(origin, origin + horizon)) % 7].sum())


def _factors_many(values: FloatArray, first_weekday: int, origins: FloatArray) -> FloatArray:
    """`_factors_of` of the `FACTOR_DAYS` days before each origin (every origin at least that far in), at once."""
    from numpy.lib.stride_tricks import sliding_window_view

    n = FACTOR_DAYS
    segs = sliding_window_view(values, n)[origins.astype(int) - n]  # (origins, n): days [o - n, o)
    sums = np.concatenate((np.zeros((len(segs), 1)), np.cumsum(segs, axis=1)), axis=1)
    lo = np.clip(np.arange(n) - 3, 0, n - 7)
    local = (sums[:, lo + 7] - sums[:, lo]) / 7
    flat = (local <= 0).any(axis=1)
    ratios = segs / np.where(local > 0, local, 1.0)
    medians = np.median(ratios.reshape(len(segs), -1, 7), axis=1)  # (origins, 7): per column of the week grid
    shift = (first_weekday + origins.astype(int) - n) % 7  # weekday of each segment's first day
    columns = (np.arange(7)[None, :] - shift[:, None]) % 7  # factor of weekday k sits in column k - shift
    factors = np.take_along_axis(medians, columns, axis=1)
    mean = factors.mean(axis=1, keepdims=True)
    good = (~flat) & (mean[:, 0] > 0)
    return np.where(good[:, None], factors / np.where(mean > 0, mean, 1.0), 1.0)


def _levels_many(
    values: FloatArray, first_weekday: int, origins: FloatArray, factors: FloatArray, window: int
) -> FloatArray:
    """`_Series.level` at each origin (every origin at least `window` days in), at once."""
    from numpy.lib.stride_tricks import sliding_window_view

    o = origins.astype(int)
    tails = sliding_window_view(values, window)[o - window]  # (origins, window): days [o - window, o)
    days = (first_weekday + (o - window)[:, None] + np.arange(window)[None, :]) % 7
    weights = np.take_along_axis(factors, days, axis=1)
    adjusted = np.where(weights > 0, tails / np.where(weights > 0, weights, 1.0), tails)
    ordered = np.sort(adjusted, axis=1)
    cut = max(1, int(window * TRIM)) if window >= 5 else 0
    kept = ordered[:, cut : window - cut] if window > 2 * cut else ordered
    return np.asarray(kept.mean(axis=1), dtype=float)


@dataclass(frozen=True)
class _Backtest:
    """Forecasts of `horizon` days from past origins (oldest first): `actual` sums, and per origin and window
    the `flat` forecast (level x weekday factors) and the `trended` one (the same, following the trend)."""

    actual: FloatArray
    flat: FloatArray
    trended: FloatArray


def _slopes(values: FloatArray, origins: FloatArray) -> FloatArray:
    """Per origin: the relative change per day of the weekly sums of the `TREND_WEEKS` weeks before it (Theil-Sen:
    the median of the pairwise slopes, so one odd week does not tilt it), 0 with fewer than four weeks."""
    sums = np.concatenate(([0.0], np.cumsum(values)))
    out = np.zeros(len(origins))
    o = origins.astype(int)
    k = np.minimum(TREND_WEEKS, o // 7)
    for weeks in np.unique(k):
        if weeks < 4:
            continue
        sel = k == weeks
        ends = o[sel][:, None] - 7 * np.arange(weeks - 1, -1, -1)[None, :]  # oldest week first
        totals = sums[ends] - sums[ends - 7]
        i, j = np.triu_indices(int(weeks), 1)
        slope = np.median((totals[:, j] - totals[:, i]) / (j - i), axis=1)
        mean = totals.mean(axis=1)
        out[sel] = np.where(mean > 0, slope / np.where(mean > 0, mean, 1.0) / 7, 0.0)
    return out


def _trend_gain(factors: FloatArray, days: IntArray, window: int, slope: FloatArray) -> FloatArray:
    """Per origin: the weekday factors of its horizon `days` (origins x horizon, weekdays), each day scaled by
    1 + slope x its distance from the middle of the level's window; never below zero."""
    f = np.take_along_axis(factors, days, axis=1)
    distance = (window + 1) / 2 + np.arange(days.shape[1])[None, :]
    return np.asarray(np.maximum(0.0, f * (1 + slope[:, None] * distance)).sum(axis=1), dtype=float)


def _backtest(series: _Series, horizon: int, windows: Sequence[int], first: int) -> _Backtest:
    """Every candidate's forecast of `horizon` days from every past origin from day `first` on whose horizon
    has passed."""
    values = series.values
    last = len(values) - horizon
    origins = np.arange(first, last + 1)
    if not len(origins):
        empty = np.zeros((0, len(windows)))
        return _Backtest(np.zeros(0), empty, empty)
    sums = np.concatenate(([0.0], np.cumsum(values)))
    actual = sums[origins + horizon] - sums[origins]
    levels = np.zeros((len(origins), len(windows)))
    factors = np.ones((len(origins), 7))
    deep = origins >= max(FACTOR_DAYS, *windows)  # origins with every window's days behind them: vectorised
    if deep.any():
        at = origins[deep].astype(float)
        factors[deep] = _factors_many(values, series.first_weekday, at)
        for j, w in enumerate(windows):
            levels[deep, j] = _levels_many(values, series.first_weekday, at, factors[deep], w)
    for i in np.flatnonzero(~deep):
        o = int(origins[i])
        factors[i] = series.factors(o)
        for j, w in enumerate(windows):
            levels[i, j] = series.level(o, factors[i], w)
    days = (series.first_weekday + origins[:, None] + np.arange(horizon)[None, :]) % 7
    weight = np.take_along_axis(factors, days, axis=1).sum(axis=1)
    slopes = _slopes(values, origins.astype(float))
    flat = levels * weight[:, None]
    trended = np.column_stack([levels[:, j] * _trend_gain(factors, days, w, slopes) for j, w in enumerate(windows)])
    return _Backtest(actual, flat, trended)


def _relative_errors(actual: FloatArray, predicted: FloatArray) -> FloatArray:
    """actual / forecast - 1 per origin and window; NaN where the forecast is not positive."""
    safe = np.where(predicted > 0, predicted, 1.0)
    return np.where(predicted > 0, actual[:, None] / safe - 1.0, np.nan)


def _weights(squared: FloatArray, counts: FloatArray) -> FloatArray:
    """Inverse mean squared error weights (to the power `WEIGHT_POWER`), from per-window sums of squared errors
    and their counts, summing to 1; equal weights where no window has evidence."""
    with np.errstate(divide="ignore", invalid="ignore"):
        inverse = np.where(counts > 0, counts / np.maximum(squared, 1e-12), 0.0) ** WEIGHT_POWER
    total = inverse.sum()
    if total <= 0:
        return np.full(len(counts), 1.0 / len(counts))
    return np.asarray(inverse / total, dtype=float)


def _walk_forward(full: _Backtest, scores: FloatArray, scored: int, horizon: int) -> tuple[list[float], FloatArray]:
    """Honest relative errors of the combined forecast, as it would have run in real time: at each origin the
    window weights come only from the `scored`-day scores (`scores`, same origins) already known then, and the
    choice between the flat and the trended forecast only from the full-horizon outcomes already known then.

    Returns the errors and the final [flat, trended] weights (from every outcome known now)."""
    squared = np.where(np.isnan(scores), 0.0, scores**2)
    known = np.where(np.isnan(scores), 0.0, 1.0)
    cum_sq = np.vstack((np.zeros(scores.shape[1]), np.cumsum(squared, axis=0)))
    cum_n = np.vstack((np.zeros(scores.shape[1]), np.cumsum(known, axis=0)))
    n = len(full.actual)
    combos = np.zeros((n, 2))  # per origin: the flat and the trended combination, with that day's weights
    for i in range(n):
        weights = _weights(cum_sq[max(0, i - scored + 1)], cum_n[max(0, i - scored + 1)])
        combos[i] = (float(full.flat[i] @ weights), float(full.trended[i] @ weights))
    errors = _relative_errors(full.actual, combos)
    # Only origins where following the trend changed the forecast materially tell the two apart.
    material = np.abs(combos[:, 1] - combos[:, 0]) > MIN_HALF_WIDTH * np.abs(combos[:, 0])
    errors[~material] = np.nan
    squared = np.where(np.isnan(errors), 0.0, errors**2)
    known = np.where(np.isnan(errors), 0.0, 1.0)
    cum_sq = np.vstack((np.zeros(2), np.cumsum(squared, axis=0)))
    cum_n = np.vstack((np.zeros(2), np.cumsum(known, axis=0)))
    out = []
    for i in range(n):
        settled = i - horizon + 1  # origins 0 .. i - horizon had their whole horizon by origin i
        if settled <= 0 or i - scored + 1 <= 0:
            continue
        mix = _mixture(cum_sq[settled], cum_n[settled])
        forecast = float(combos[i] @ mix)
        if forecast > 0:
            out.append(float(full.actual[i]) / forecast - 1.0)
    return out, _mixture(cum_sq[n], cum_n[n])


def _mixture(squared: FloatArray, counts: FloatArray) -> FloatArray:
    """Weights of [flat, trended] from their errors where they differed: flat alone until a trend has been put
    to the test (a trend must prove itself)."""
    if not counts.all():
        return np.array([1.0, 0.0])
    return _weights(squared, counts)


def _quantile(values: Sequence[float], q: float) -> float:
    return float(np.quantile(np.asarray(values, dtype=float), q))


def student_t_90(df: float) -> float:
    """The 90th percentile of Student's t with `df` degrees of freedom (Cornish-Fisher expansion of the normal
    quantile: within 1% of the exact value from 3 degrees of freedom, a little generous below)."""
    if df < 1:
        return math.inf
    z = _NORMAL_90
    return z + (z**3 + z) / (4 * df) + (5 * z**5 + 16 * z**3 + 3 * z) / (96 * df**2)


def forecast_usage(daily: Mapping[date, float], first_day: date, cutoff: date, end: date) -> UsageForecast:
    """Forecast the usage-driven spend of the month ending before `end`, as of `cutoff`.

    `daily` holds the usage-driven cost of complete days (a missing day inside the data cost nothing);
    `first_day` is the first day the store has data for (days before it are unknown, not free); days before
    `cutoff` are complete, days from `cutoff` to `end` are forecast. `to_date` sums the month's days before
    `cutoff`.
    """
    month_start = (end - timedelta(days=1)).replace(day=1)
    days_left = max(0, (end - max(cutoff, month_start)).days)
    start = max(first_day, month_start)
    to_date = sum(daily.get(start + timedelta(days=i), 0.0) for i in range(max(0, (cutoff - start).days)))
    n = max(0, (cutoff - first_day).days)
    if days_left == 0:
        return UsageForecast(to_date, 0.0, 0.0, 0.0, 0, 0, 0, "the month is complete")
    if n == 0:
        return UsageForecast(to_date, 0.0, 0.0, 0.0, days_left, 0, 0, "no usage data yet")
    series = _Series([daily.get(first_day + timedelta(days=i), 0.0) for i in range(n)], first_day)

    candidates = [w for w in LEVEL_WINDOWS if w < n] or [LEVEL_WINDOWS[0]]
    # Candidates are scored on their next week (or the days left, if fewer): the most recent origins still
    # count, so a level that stepped a few weeks ago is already telling; the range is backtested at full length.
    scoring = min(days_left, SCORING_DAYS)
    first_origin = max(MIN_TRAIN_DAYS, n - days_left - MAX_ORIGINS + 1)
    scored = _backtest(series, scoring, candidates, first_origin)
    scores = _relative_errors(scored.actual, scored.flat)
    squared = np.nansum(scores**2, axis=0) if len(scored.actual) else np.zeros(len(candidates))
    counts = (~np.isnan(scores)).sum(axis=0).astype(float) if len(scored.actual) else np.zeros(len(candidates))
    weights = _weights(squared, counts)
    full = _backtest(series, days_left, candidates, first_origin)
    residuals, mix = _walk_forward(full, scores[: len(full.actual)], scoring, days_left)

    now = np.array([float(n)])
    factors = series.factors(n)
    origin = (max(cutoff, month_start) - first_day).days
    days = ((series.first_weekday + origin + np.arange(days_left)) % 7)[None, :]
    slope = _slopes(series.values, now)
    flat = trended = 0.0
    for j, w in enumerate(candidates):
        level = series.level(n, factors, w)
        flat += float(weights[j]) * level * series.weight(origin, factors, days_left)
        trended += float(weights[j]) * level * float(_trend_gain(factors[None, :], days, w, slope)[0])
    rest = float(mix[0]) * flat + float(mix[1]) * trended
    window = round(sum(float(weights[j]) * w for j, w in enumerate(candidates)))

    windows = (len(residuals) + days_left - 1) / days_left  # non-overlapping h-day windows the origins span
    if residuals and windows >= 2:
        widen = student_t_90(windows - 1) / _NORMAL_90 * math.sqrt(1 + 1 / windows)
        q_lo = _quantile(residuals, LOW_Q) * widen
        q_hi = _quantile(residuals, HIGH_Q) * widen
        method = (
            f"10th-90th percentile of {len(residuals)} backtests of {days_left}-day forecasts on this bill's own "
            f"history ({windows:.1f} independent windows), widened for their number"
        )
        backtests = len(residuals)
    elif n >= 2:
        q_hi = _scatter(series, days_left)
        q_lo = -q_hi
        unit = f"{n // 7} weeks" if n >= 14 else f"{n} days"
        method = f"scatter of {unit} of data (too little history to backtest)"
        backtests = 0
    else:
        low, high = sorted((0.0, 2 * rest))
        method = "one day of data: anywhere from stopping now to twice the expected rest"
        return UsageForecast(to_date, rest, low, high, days_left, window, 0, method)
    half = MIN_HALF_WIDTH * abs(rest)
    rest_low = min(rest * (1 + q_lo), rest - half)
    rest_high = max(rest * (1 + q_hi), rest + half)
    return UsageForecast(to_date, rest, rest_low, rest_high, days_left, window, backtests, method)


def _scatter(series: _Series, horizon: int) -> float:
    """Relative half-width of the 80% range of an h-day sum when the history is too short to backtest.

    With two whole weeks or more: the relative standard deviation of the weekly sums (weekdays cancel out, and
    correlation within a week is kept), for the weeks left plus the error of the level estimated from k weeks,
    times Student's t with k - 1 degrees of freedom. With fewer days: the same from single days.
    """
    values = series.values
    n = len(values)
    if n >= 14:
        k = n // 7
        sums = values[n - 7 * k :].reshape(k, 7).sum(axis=1)
        units, per_unit = sums, 7.0
    else:
        units, per_unit = values, 1.0
    mean = float(units.mean())
    if len(units) < 2 or mean <= 0:
        return 1.0
    relative = float(units.std(ddof=1)) / mean
    left = horizon / per_unit  # units still to come
    return student_t_90(len(units) - 1) * relative * math.sqrt(1 / left + 1 / len(units))
