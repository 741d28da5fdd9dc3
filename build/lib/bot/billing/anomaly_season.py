"""Seasonality chosen from the data: which repeating profile (if any) a series follows.

Candidates: none; hour-of-day (sub-daily series); hour-of-day with weekends apart (their own shape and level;
a weekend factor for daily series); hour-of-week (weekday factors for daily series). Profiles are estimated on
"bins" (hours for finer steps, the step itself otherwise; days for daily series) as the interquartile mean
over past cycles of each bin's share of its cycle's level, so a spike or an outage in one cycle does not shape
the profile.

A profile is kept only on out-of-sample evidence: each past cycle is de-seasonalised with the profile of the
OTHER cycles (leave one cycle out), judged against a rolling median level exactly as the detector would, and
the robust scale of those residuals is compared with the simpler candidate's. The more detailed profile must
shrink it below `DetectorConfig.season_gain` of the simpler one's, and its absolute errors must be smaller
significantly (Wilcoxon signed-rank test at 1%); a flat or random series keeps "none".
Averages over cycles are interquartile means (robust as a median, smoother for small counts). A
profile needs three cycles (days, weeks) at least: the median of two is their mean, and one odd day would
become part of the rhythm.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

import numpy as np
import numpy.typing as npt

from bot.billing.anomaly_model import HOUR, FloatArray, Series, iq_mean_rows, nanmedian_rows, robust_sigma


@dataclass(frozen=True)
class Grid:
    """Where each point of a series sits in the calendar: `offset` points from the Monday 00:00 UTC on or before
    its start; `bin_points` points per profile bin; `bins_per_day`."""

    offset: int
    spd: int
    bin_points: int
    bins_per_day: int

    @classmethod
    def of(cls, series: Series) -> Grid:
        spd = series.steps_per_day
        start = series.start
        midnight = datetime.combine(start.date(), datetime.min.time(), tzinfo=start.tzinfo)
        monday = midnight - timedelta(days=start.weekday())
        bin_points = max(1, HOUR // series.step) if series.step < HOUR else 1
        return cls((start - monday) // series.step, spd, bin_points, spd // bin_points)

    def bins(self, kind: str) -> int:
        """Bins per cycle of a profile kind (a day-type profile spans a week: five workdays, two weekend days)."""
        if kind == "day":
            return self.bins_per_day
        if kind in ("week", "daytype"):
            return 7 * self.bins_per_day
        return 0


@dataclass(frozen=True)
class Profile:
    """A seasonal profile: `shape` per bin of its cycle (mean 1 when multiplicative, mean 0 when additive).
    `kind` is "none", "day", "daytype" (a week whose weekend days have their own shape and level) or "week";
    `name` says it for people ("hour-of-week", "weekday", ...)."""

    kind: str
    mult: bool
    shape: FloatArray
    name: str = "none"

    def values(self, grid: Grid, lo: int, hi: int) -> FloatArray:
        """Profile value of points `lo .. hi-1` (linear between bin centres for points finer than a bin)."""
        n = hi - lo
        if self.kind == "none" or not len(self.shape):
            return np.full(n, 1.0 if self.mult else 0.0)
        period = len(self.shape)
        pos = (np.arange(lo, hi) + grid.offset) % (period * grid.bin_points)
        if grid.bin_points == 1:
            return np.asarray(self.shape[pos], dtype=np.float64)
        u = (pos + 0.5) / grid.bin_points - 0.5
        ext = np.concatenate([self.shape[-1:], self.shape, self.shape[:1]])
        return np.asarray(np.interp(u, np.arange(-1, period + 1), ext), dtype=np.float64)


#: One-sided 1% quantile of the normal distribution: the paired test a more detailed profile must pass.
_PAIRED_TEST_Z = 2.326
#: Cycles a profile needs: its median must resist one odd cycle (the median of two is their mean).
MIN_CYCLES = 3

NONE_MULT = Profile("none", True, np.ones(0))
NONE_ADD = Profile("none", False, np.zeros(0))


def _names(grid: Grid, kind: str) -> str:
    """What people read: hour-of-day, hour-of-day-weekend (weekends with their own day), hour-of-week; for
    daily series weekend (weekends at their own level) and weekday (a factor per day of the week)."""
    if kind == "none":
        return "none"
    if grid.spd == 1:
        return "weekend" if kind == "daytype" else "weekday"
    unit = "hour" if grid.bin_points > 1 or grid.spd == 24 else "slot"
    return {"day": f"{unit}-of-day", "daytype": f"{unit}-of-day-weekend", "week": f"{unit}-of-week"}[kind]


def bin_values(x: FloatArray, grid: Grid, lo: int, hi: int) -> tuple[FloatArray, int]:
    """Bins of points `lo .. hi-1` aligned on the calendar (NaN where fewer than half the points are known):
    (values, global index of the first bin, counted from the grid's Monday)."""
    bp = grid.bin_points
    first = (lo + grid.offset) // bp
    last = -(-(hi + grid.offset) // bp)
    padded = np.full((last - first) * bp, np.nan)
    a = lo + grid.offset - first * bp
    padded[a : a + (hi - lo)] = x[lo:hi]
    if bp == 1:
        return padded, first
    m = padded.reshape(-1, bp)
    med = nanmedian_rows(m, axis=1)
    enough = np.isfinite(m).sum(axis=1) * 2 >= bp
    return np.where(enough, med, np.nan), first


def _cycles(b: FloatArray, first: int, period: int) -> FloatArray:
    """Bins as rows of whole cycles (NaN-padded at both ends)."""
    start = (first // period) * period
    lead = first - start
    total = -(-(lead + len(b)) // period) * period
    out = np.full(total, np.nan)
    out[lead : lead + len(b)] = b
    return out.reshape(-1, period)


def _normalised_rows(m: FloatArray, mult: bool) -> FloatArray:
    """Each cycle divided by (multiplicative) or minus (additive) its own median; rows with fewer than 3/4 of
    their bins, or a non-positive median when multiplicative, become NaN."""
    med = iq_mean_rows(m, axis=1)
    enough = np.isfinite(m).sum(axis=1) * 4 >= 3 * m.shape[1]
    ok = enough & np.isfinite(med) & ((med > 0) if mult else True)
    with np.errstate(all="ignore"):
        rows = m / med[:, None] if mult else m - med[:, None]
    return np.where(ok[:, None], rows, np.nan)


def _finish(shape: FloatArray, mult: bool) -> FloatArray:
    shape = np.where(np.isfinite(shape), shape, 1.0 if mult else 0.0)
    if mult:
        mean = float(shape.mean())
        return shape / mean if mean > 0 else np.ones(len(shape))
    return shape - float(shape.mean())


def estimate(b: FloatArray, first: int, grid: Grid, kind: str, mult: bool) -> FloatArray | None:
    """Profile of `kind` ("day", "daytype", "week") from bins `b` (median of the normalised cycles); None with
    fewer than `MIN_CYCLES` usable cycles (of each day type for "daytype")."""
    if kind == "daytype":
        return _daytype(b, first, grid, mult)
    rows = _normalised_rows(_cycles(b, first, grid.bins(kind)), mult)
    usable = np.isfinite(rows).any(axis=1)
    if usable.sum() < MIN_CYCLES:
        return None
    return _finish(iq_mean_rows(rows[usable], axis=0), mult)


@dataclass(frozen=True)
class _Days:
    """Days of bins for a day-type profile: each day's normalised shape and its level relative to its own
    calendar week (so a level shift between weeks does not leak into the weekend factor)."""

    raw: FloatArray  # days x bins
    weekend: npt.NDArray[np.bool_]
    shapes: FloatArray
    levels: FloatArray
    usable: npt.NDArray[np.bool_]

    @classmethod
    def of(cls, b: FloatArray, first: int, grid: Grid, mult: bool) -> _Days:
        bpd = grid.bins_per_day
        raw = _cycles(b, first, bpd)
        day0 = first // bpd
        days = day0 + np.arange(len(raw))
        shapes = _normalised_rows(raw, mult)
        level = iq_mean_rows(raw, axis=1)
        # Levels as rows of calendar weeks: the median of each week with four days known at least.
        lead = day0 % 7
        flat = np.full(-(-(lead + len(level)) // 7) * 7, np.nan)
        flat[lead : lead + len(level)] = level
        weeks = flat.reshape(-1, 7)
        per_week = np.where(np.isfinite(weeks).sum(axis=1) >= 4, nanmedian_rows(weeks, axis=1), np.nan)
        week_level = np.repeat(per_week, 7)[lead : lead + len(level)]
        with np.errstate(all="ignore"):
            rel = level / week_level if mult else level - week_level
        usable = np.isfinite(shapes).any(axis=1) & np.isfinite(rel) & ((week_level > 0) if mult else True)
        return cls(raw, days % 7 >= 5, shapes, rel, usable)

    def part(self, weekend: bool, mult: bool) -> FloatArray | None:
        """One day type's day (shape x level), from all its usable days; None with too few."""
        sel = self.usable & (self.weekend == weekend)
        if sel.sum() < MIN_CYCLES:
            return None
        if self.shapes.shape[1] == 1:  # daily series: a day has no shape, only a level
            shape = np.array([1.0 if mult else 0.0])
        else:
            shape = np.where(np.isfinite(s := iq_mean_rows(self.shapes[sel], axis=0)), s, 1.0 if mult else 0.0)
        level = float(iq_mean_rows(self.levels[sel][None, :], axis=1)[0])
        return shape * level if mult else shape + level


def _week_of(work: FloatArray, weekend: FloatArray, mult: bool) -> FloatArray | None:
    week = np.concatenate([weekend if d >= 5 else work for d in range(7)])
    if mult and not float(week.mean()) > 0:
        return None
    return _finish(week, mult)


def _daytype(b: FloatArray, first: int, grid: Grid, mult: bool) -> FloatArray | None:
    """Week profile built from two days: workdays and weekends each get their own shape (interquartile mean of
    their days' normalised shapes) and level (of their days' levels relative to their weeks). None unless
    `MIN_CYCLES` days of each type are usable."""
    days = _Days.of(b, first, grid, mult)
    work, weekend = days.part(False, mult), days.part(True, mult)
    return None if work is None or weekend is None else _week_of(work, weekend, mult)


def _daytype_out_of_sample(b: FloatArray, first: int, grid: Grid, mult: bool) -> FloatArray | None:
    """Bins `b` de-seasonalised by a day-type profile, each day with the profile learnt without it."""
    days = _Days.of(b, first, grid, mult)
    full = {t: days.part(t, mult) for t in (False, True)}
    de = np.full(days.raw.shape, np.nan)
    for t in (False, True):
        idx = np.flatnonzero(days.usable & (days.weekend == t))
        if len(idx) <= MIN_CYCLES or full[not t] is None:
            return None
        k = len(idx)
        if days.shapes.shape[1] == 1:  # daily series: levels only
            shapes = np.full((k, 1), 1.0 if mult else 0.0)
        else:
            cube = np.broadcast_to(days.shapes[idx], (k, k, days.shapes.shape[1])).copy()
            cube[np.arange(k), np.arange(k)] = np.nan
            shapes = iq_mean_rows(cube, axis=1)
            shapes = np.where(np.isfinite(shapes), shapes, 1.0 if mult else 0.0)
        lv = np.broadcast_to(days.levels[idx], (k, k)).copy()
        lv[np.arange(k), np.arange(k)] = np.nan
        levels = iq_mean_rows(lv, axis=1)[:, None]
        parts = shapes * levels if mult else shapes + levels
        other = full[not t]
        assert other is not None
        # The week profile's mean (1 or 0) spreads over five workdays and two weekend days.
        n_t, n_o = (2, 5) if t else (5, 2)
        mean = (n_t * parts.mean(axis=1, keepdims=True) + n_o * float(other.mean())) / 7
        with np.errstate(all="ignore"):
            day = parts / mean if mult else parts - mean
            de[idx] = days.raw[idx] / day if mult else days.raw[idx] - day
    lead = first - (first // grid.bins_per_day) * grid.bins_per_day
    return np.asarray(de.reshape(-1)[lead : lead + len(b)], dtype=np.float64)


def _deseasonalised(b: FloatArray, first: int, grid: Grid, kind: str, mult: bool) -> FloatArray | None:
    """Bins `b` de-seasonalised out of sample: each cycle (each day for "daytype") with the profile of the
    OTHER cycles. None when the profile cannot be tested (too few cycles)."""
    if kind == "none":
        return b
    if kind == "daytype":
        return _daytype_out_of_sample(b, first, grid, mult)
    period = grid.bins(kind)
    raw = _cycles(b, first, period)
    rows = _normalised_rows(raw, mult)
    usable = np.where(np.isfinite(rows).any(axis=1))[0]
    if len(usable) < MIN_CYCLES:
        return None
    # Leave-one-out profiles at once: cube[k] holds every usable cycle but k (NaN in its place).
    u = rows[usable]
    cube = np.broadcast_to(u, (len(usable), *u.shape)).copy()
    cube[np.arange(len(usable)), np.arange(len(usable))] = np.nan
    loo = iq_mean_rows(cube, axis=1)
    loo = np.where(np.isfinite(loo), loo, 1.0 if mult else 0.0)
    if mult:
        mean = loo.mean(axis=1, keepdims=True)
        loo = np.where(mean > 0, loo / np.where(mean > 0, mean, 1.0), 1.0)
    else:
        loo = loo - loo.mean(axis=1, keepdims=True)
    de = np.full(raw.shape, np.nan)
    with np.errstate(all="ignore"):
        de[usable] = raw[usable] / loo if mult else raw[usable] - loo
    lead = first - (first // period) * period
    return np.asarray(de.reshape(-1)[lead : lead + len(b)], dtype=np.float64)


def _cv_residuals(b: FloatArray, first: int, grid: Grid, kind: str, mult: bool) -> FloatArray | None:
    """Out-of-sample residuals of a profile `kind`: the de-seasonalised bins (`_deseasonalised`) minus the
    rolling median of the day of bins before (a week of days for daily series), relative to it when
    multiplicative, as the detector would judge them. Aligned with `b`; None when untestable."""
    d = _deseasonalised(b, first, grid, kind, mult)
    level_bins = grid.bins_per_day if grid.spd > 1 else 7
    if d is None or len(d) <= level_bins:
        return None
    from numpy.lib.stride_tricks import sliding_window_view

    level = nanmedian_rows(sliding_window_view(d[:-1], level_bins), axis=1)  # level of bins level_bins .. n-1
    out = np.full(len(d), np.nan)
    with np.errstate(all="ignore"):
        res = d[level_bins:] - level
        if mult:
            res = np.where(level > 0, res / level, np.nan)
    out[level_bins:] = res
    return out


def choose(
    x: FloatArray, grid: Grid, lo: int, hi: int, *, mult: bool, forced: str = "auto", gain: float = 0.85
) -> Profile:
    """The seasonal profile for judging points from `hi` on, from the clean history `x[lo:hi]` (NaN = not usable).

    Candidates from simple to detailed: none; hour-of-day (sub-daily only; tested on the last two weeks); then,
    tested on the whole history given (four weeks for sub-daily series, eight for daily ones), hour-of-day with
    weekends apart (weekend factor for daily series) and hour-of-week (weekday factors). A candidate replaces the
    current choice when its out-of-sample residual scale is below `gain` x the current one's, both measured on
    the same bins. `forced` ("none", "day", "week") skips the evidence but still needs enough cycles.
    """
    none = NONE_MULT if mult else NONE_ADD
    if hi - lo < MIN_CYCLES * grid.spd:
        return none
    b, first = bin_values(x, grid, lo, hi)
    if forced != "auto":
        if forced == "none" or (forced == "day" and grid.spd == 1):
            return none
        shape = estimate(b, first, grid, forced, mult)
        return none if shape is None else Profile(forced, mult, shape, _names(grid, forced))
    best, best_b, best_first = "none", b, first
    if grid.spd > 1:
        recent = min(len(b), 14 * grid.bins_per_day)
        rb, rfirst = b[-recent:], first + len(b) - recent
        if _better({}, rb, rfirst, grid, "day", "none", mult, gain):
            best, best_b, best_first = "day", rb, rfirst
    residuals: dict[str, FloatArray | None] = {}  # out-of-sample residuals on the whole window, per kind
    if grid.spd == 1 and not _weekday_signal(b, first, mult):
        return none  # no day of the week stands out from noise: nothing a weekly profile could win
    for kind in ("daytype", "week"):
        if _better(residuals, b, first, grid, kind, best, mult, gain):
            best, best_b, best_first = kind, b, first
    if best == "none":
        return none
    shape = estimate(best_b, best_first, grid, best, mult)
    return none if shape is None else Profile(best, mult, shape, _names(grid, best))


def _weekday_signal(b: FloatArray, first: int, mult: bool) -> bool:
    """A quick necessary condition for a weekly profile of daily bins: does the median of some day of the week,
    relative to its calendar week, stand out from 1 (0 when additive) by more than 2.5 standard errors of a
    median? (Saves the cross-validation on the many flat series of a bill.)"""
    lead = first % 7
    flat = np.full(-(-(lead + len(b)) // 7) * 7, np.nan)
    flat[lead : lead + len(b)] = b
    weeks = flat.reshape(-1, 7)
    mid = nanmedian_rows(weeks, axis=1)[:, None]
    with np.errstate(all="ignore"):
        rel = weeks / mid if mult else weeks - mid
    rel = np.where(np.isfinite(rel), rel, np.nan)
    medians = nanmedian_rows(rel, axis=0)
    counts = np.isfinite(rel).sum(axis=0)
    # Noise within each day of the week (as in an analysis of variance: the effect tested must not widen it).
    sigma = robust_sigma((rel - medians[None, :]).reshape(-1))
    if not math.isfinite(sigma):
        return False
    if sigma == 0:
        return bool(np.any(np.nan_to_num(np.abs(medians - (1.0 if mult else 0.0))) > 0))
    with np.errstate(all="ignore"):
        z = np.abs(medians - (1.0 if mult else 0.0)) / (1.2533 * sigma / np.sqrt(counts))
    return bool(np.any(np.nan_to_num(np.where(counts >= 2, z, 0.0)) >= 2.5))


def refresh(profile: Profile, x: FloatArray, grid: Grid, lo: int, hi: int, *, mult: bool) -> Profile:
    """`profile`'s kind re-estimated on the history `x[lo:hi]` (its shape follows the data between choices);
    `profile` itself when it is "none", changes multiplicativity, or cannot be estimated."""
    if profile.kind == "none" or profile.mult != mult:
        return profile
    b, first = bin_values(x, grid, lo, hi)
    shape = estimate(b, first, grid, profile.kind, mult)
    return profile if shape is None else Profile(profile.kind, mult, shape, profile.name)


def _better(  # noqa: PLR0917 - private, two call sites; bins, calendar, candidates read in order
    residuals: dict[str, FloatArray | None],
    b: FloatArray,
    first: int,
    grid: Grid,
    kind: str,
    current: str,
    mult: bool,
    gain: float,
) -> bool:
    """Does profile `kind` beat the `current` one out of sample on bins `b`? (`residuals` caches the
    out-of-sample residuals of each kind on these bins.)"""
    if kind == "week" and len(b) < MIN_CYCLES * grid.bins("week"):
        return False
    for k in (kind, current):
        if k not in residuals:
            residuals[k] = _cv_residuals(b, first, grid, k, mult)
    new, old = residuals[kind], residuals[current]
    if new is None or old is None:
        return False
    common = np.isfinite(new) & np.isfinite(old)
    if common.sum() < max(8, grid.bins_per_day):
        return False
    s_old, s_new = robust_sigma(old[common]), robust_sigma(new[common])
    if not (math.isfinite(s_old) and math.isfinite(s_new) and s_new < gain * s_old):
        return False
    # And not by luck: the new profile's absolute errors must be smaller, significantly (Wilcoxon's signed-rank
    # test at 1%: robust to the odd outlier in history, sensitive to a gain on part of the bins such as
    # weekends), or a rhythm of noise (small counts) would sooner or later pass the margin once.
    return _signed_rank_z(np.abs(old[common]) - np.abs(new[common])) >= _PAIRED_TEST_Z


def _signed_rank_z(d: FloatArray) -> float:
    """Wilcoxon signed-rank statistic of paired differences `d` as a normal z-score (zeros dropped, tied
    magnitudes given their average rank); positive when `d` tends to be positive."""
    d = d[d != 0]
    n = len(d)
    if n == 0:
        return 0.0
    magnitude = np.abs(d)
    _values, inverse, counts = np.unique(magnitude, return_inverse=True, return_counts=True)
    ends = np.cumsum(counts)
    ranks = (ends - (counts - 1) / 2)[inverse]  # average rank of each tie group
    w_plus = float(ranks[d > 0].sum())
    mean = n * (n + 1) / 4
    sd = math.sqrt(n * (n + 1) * (2 * n + 1) / 24)
    return (w_plus - mean) / sd if sd > 0 else 0.0
