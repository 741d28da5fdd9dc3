"""The usage forecast: the usage-driven spend of the days left in a month, with an 80% range from backtests.

Pure numbers in, numbers out (the store side, and period charges, live in `bot.billing.pace`). Only usage-driven
charges are modelled as a daily series: the fees, tax and credits booked on the 1st are not daily spend and
never enter it, so the 1st of every previous month is an ordinary day of the history.

The model, for each remaining day d:

    usage(d) = level * factor(weekday(d))

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


def _backtest(series: _Series, horizon: int, windows: Sequence[int], first: int) -> tuple[FloatArray, FloatArray]:
    """Every candidate's forecast of `horizon` days from every past origin from day `first` on whose horizon
    has passed, oldest first: (actual sums per origin, forecasts per origin and window)."""
    values = series.values
    last = len(values) - horizon
    origins = np.arange(first, last + 1)
    if not len(origins):
        return np.zeros(0), np.zeros((0, len(windows)))
    sums = np.concatenate(([0.0], np.cumsum(values)))
    actual = sums[origins + horizon] - sums[origins]
    predicted = np.zeros((len(origins), len(windows)))
    deep = origins >= max(FACTOR_DAYS, *windows)  # origins with every window's days behind them: vectorised
    if deep.any():
        at = origins[deep].astype(float)
        factors = _factors_many(values, series.first_weekday, at)
        days = (series.first_weekday + origins[deep][:, None] + np.arange(horizon)[None, :]) % 7
        weight = np.take_along_axis(factors, days, axis=1).sum(axis=1)
        for j, w in enumerate(windows):
            predicted[deep, j] = _levels_many(values, series.first_weekday, at, factors, w) * weight
    for i in np.flatnonzero(~deep):
        o = int(origins[i])
        factors_o = series.factors(o)
        weight_o = series.weight(o, factors_o, horizon)
        for j, w in enumerate(windows):
            predicted[i, j] = series.level(o, factors_o, w) * weight_o
    return actual, predicted


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


def _walk_forward(actual: FloatArray, predicted: FloatArray, scores: FloatArray, scored: int) -> list[float]:
    """Honest relative errors of the combined forecast (`actual` against `predicted`, per origin): at each
    origin the weights come only from the scoring errors (`scores`, same origins, `scored`-day forecasts) whose
    days had passed by then, as they would have in real time."""
    squared = np.where(np.isnan(scores), 0.0, scores**2)
    known = np.where(np.isnan(scores), 0.0, 1.0)
    cum_sq = np.vstack((np.zeros(scores.shape[1]), np.cumsum(squared, axis=0)))
    cum_n = np.vstack((np.zeros(scores.shape[1]), np.cumsum(known, axis=0)))
    out = []
    for i in range(len(actual)):
        settled = i - scored + 1  # origins 0 .. i - scored had their outcome by origin i (one day apart)
        if settled <= 0:
            continue
        weights = _weights(cum_sq[settled], cum_n[settled])
        forecast = float(predicted[i] @ weights)
        if forecast > 0:
            out.append(float(actual[i]) / forecast - 1.0)
    return out


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
    score_actual, score_predicted = _backtest(series, scoring, candidates, first_origin)
    scores = _relative_errors(score_actual, score_predicted)
    squared = np.nansum(scores**2, axis=0) if len(score_actual) else np.zeros(len(candidates))
    counts = (~np.isnan(scores)).sum(axis=0).astype(float) if len(score_actual) else np.zeros(len(candidates))
    weights = _weights(squared, counts)
    actual, predicted = _backtest(series, days_left, candidates, first_origin)
    factors = series.factors(n)
    level = sum(float(weights[j]) * series.level(n, factors, w) for j, w in enumerate(candidates))
    origin = (max(cutoff, month_start) - first_day).days
    rest = level * series.weight(origin, factors, days_left)
    window = round(sum(float(weights[j]) * w for j, w in enumerate(candidates)))
    residuals = _walk_forward(actual, predicted, scores[: len(actual)], scoring) if len(actual) else []

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
