"""The per-point model behind anomaly detection: cost series, detector settings, and robust expected values.

For every point the model computes, from history strictly before that point's day, an expected value and a
noise scale:

- day level: median of the last `level_days` de-seasonalised daily totals, plus a robust trend capped at
  `max_growth_per_day` (faster growth than that is what a drift alert is for);
- weekday factors: median ratio of each weekday to its week's median (needs two weeks of history);
- intra-day profile (hourly or finer series): median share of each slot in its day over `profile_days`;
- noise scale: MAD of day-to-day differences (insensitive to trends and to one-off outliers), never below
  `min_noise` of the expected value;
- monthly recurring charges: the excess seen at the same calendar position one month earlier (day of month, or
  last day of month) is added to the expected value, so RI fees, support and tax do not alert every month.

Medians everywhere so that a spike or an outage in history does not mask the next anomaly. A series with no
history yet (leading zeros) is judged against an absolute floor (raised by its siblings' typical cost, see
`bot.billing.anomaly.detect_many`); one with a few days of history against a wide band around their median.
"""

from __future__ import annotations

import math
from calendar import monthrange
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

DAY = timedelta(days=1)
_MAD_TO_SIGMA = 1.4826
#: Days of history for weekday factors and the noise scale (six weeks: three values per weekday at least).
_HISTORY_DAYS = 42
#: Days of one kind (workday or weekend) an intra-day profile needs before it is kept to that kind.
_MIN_PROFILE_DAYS = 6


@dataclass(frozen=True)
class Series:
    """A regular time series of cost (or any metric): `values[i]` covers `[start + i*step, start + (i+1)*step)`.

    `step` must divide one day (a minute, an hour, a day ...). NaN marks a missing point (not judged, ignored in
    history); for cost series a day without line items is 0, not missing. `dimension` and `value` name the
    slice of the bill ("total"/"", "service"/"Amazon EC2", "tag:team"/"web" ...).
    """

    start: datetime
    step: timedelta
    values: tuple[float, ...]
    dimension: str = "total"
    value: str = ""

    def __post_init__(self) -> None:
        if self.step <= timedelta(0) or DAY % self.step != timedelta(0):
            raise ValueError(f"series step {self.step} must divide one day (e.g. 1 hour, 1 day)")

    def __len__(self) -> int:
        return len(self.values)

    @property
    def steps_per_day(self) -> int:
        return DAY // self.step

    @property
    def end(self) -> datetime:
        """End of the last point (exclusive)."""
        return self.start + self.step * len(self.values)

    def timestamp(self, index: int) -> datetime:
        return self.start + self.step * index

    def index_of(self, when: datetime) -> int:
        """Index of the point covering `when` (may be out of range)."""
        return (when - self.start) // self.step

    @property
    def key(self) -> tuple[str, str]:
        return (self.dimension, self.value)


@dataclass(frozen=True)
class DetectorConfig:
    """Every knob of the detector, with defaults tuned on `bench/anomaly_eval.py`.

    An anomaly must pass BOTH noise floors: its excess is at least `min_impact` money per day (scaled to the
    step for hourly series; the whole episode must reach it too) and at least `min_relative` of the expected
    value. Set `min_impact=0` for metrics that are not money.
    """

    #: Absolute floor: money per day (per point: scaled by step / 1 day; per episode: the total excess).
    min_impact: float = 20.0
    #: Relative floor: |actual - expected| / expected.
    min_relative: float = 0.2
    #: Robust z-score a single point needs.
    z_point: float = 5.0
    #: Robust z-score the median of `level_points` consecutive same-sided residuals needs (shifts, drifts).
    z_level: float = 3.0
    level_points: int = 3
    #: Sub-daily series (hourly ...): one point alone needs `z_point` x `single_point_factor`; otherwise the summed
    #: excess of `burst_points` consecutive same-sided points must pass `z_point` (hourly noise is heavy-tailed:
    #: one odd hour is common, three in a row are not).
    burst_points: int = 3
    single_point_factor: float = 2.0
    #: History used for the level (days) and the intra-day profile (days; workdays and weekends get their own
    #: profile when this window holds enough of each).
    level_days: int = 21
    profile_days: int = 28
    #: Days of history before the full model applies; fewer means a wide band around the median.
    min_history_days: int = 21
    #: Trend the model follows by itself (fraction of the level per day); faster growth is a drift.
    max_growth_per_day: float = 0.005
    #: Noise scale never below this fraction of the expected value.
    min_noise: float = 0.02
    #: Noise scale for series with less than `min_history_days` of history (fraction of the expected value).
    young_noise: float = 0.25
    #: A new series alerts when its cost per day reaches max(min_impact, this x its siblings' typical day).
    new_series_sibling_share: float = 0.5
    #: Flags closer than this merge into one episode.
    merge_gap: timedelta = timedelta(days=2)
    #: Half-width of the reported expected range, in noise scales.
    range_z: float = 3.0
    #: Treat the same calendar position one month earlier as a recurring charge.
    monthly_recurring: bool = True
    #: Dimensions `series_from_store` builds series for ("total" is always included); tags as "tag:<key>".
    dimensions: tuple[str, ...] = field(default=("account", "service", "region", "usage-type"))
    #: At most this many values per dimension (the most costly over the range).
    max_series_per_dimension: int = 200

    def __post_init__(self) -> None:
        for name in (
            "min_impact",
            "min_relative",
            "z_point",
            "z_level",
            "min_noise",
            "young_noise",
            "single_point_factor",
        ):
            if getattr(self, name) < 0:
                raise ValueError(f"DetectorConfig.{name} must not be negative")
        if self.level_points < 1 or self.burst_points < 1 or self.level_days < 7 or self.min_history_days < 1:
            raise ValueError(
                "DetectorConfig: level_points >= 1, burst_points >= 1, level_days >= 7, min_history_days >= 1"
            )


#: Where a point's flag came from.
SOURCE_NONE, SOURCE_POINT, SOURCE_LEVEL, SOURCE_NEW = 0, 1, 2, 3


@dataclass(frozen=True)
class Scores:
    """Per-point outcome of the model for one series (arrays aligned with `series.values`).

    `expected`/`scale` are NaN where the point was not judged (no history, missing value, before `from_index`).
    `flag` marks anomalous points; `source` says which test fired (SOURCE_*); `young` marks points judged with
    less than the minimum history (including brand-new series).
    """

    expected: FloatArray
    scale: FloatArray
    z: FloatArray
    flag: BoolArray
    source: npt.NDArray[np.int8]
    young: BoolArray


def _med(v: FloatArray) -> float:
    """Median of a non-empty 1-D array without NaN (np.median's overhead dominates on small arrays)."""
    o = np.sort(v)
    n = len(o)
    return float(o[(n - 1) // 2] + o[n // 2]) / 2


def _nanmedian(a: FloatArray, axis: int | None = None) -> Any:
    """Median ignoring NaN (NaN where nothing is left), much faster than np.nanmedian on small arrays."""
    a = np.asarray(a, dtype=np.float64)
    if axis is None:
        v = a[np.isfinite(a)]
        return _med(v) if len(v) else math.nan
    ordered = np.sort(a, axis=axis)  # NaN sorts last
    count = np.isfinite(a).sum(axis=axis)
    lo = np.expand_dims(np.maximum((count - 1) // 2, 0), axis)
    hi = np.expand_dims(np.maximum(count // 2, 0), axis)
    mid = (np.take_along_axis(ordered, lo, axis) + np.take_along_axis(ordered, hi, axis)) / 2
    out = np.squeeze(mid, axis=axis)
    return np.where(count > 0, out, np.nan)


def _weekday_factors(day_tot: FloatArray, weekdays: npt.NDArray[np.int64]) -> FloatArray:
    """Median ratio of each weekday to the median of its 7-day block (blocks aligned on the newest day)."""
    n = len(day_tot)
    blocks = (n - 1 - np.arange(n)) // 7
    ratios = np.full(n, np.nan)
    for b in np.unique(blocks):
        sel = blocks == b
        med = float(_nanmedian(day_tot[sel]))
        if sel.sum() >= 5 and med > 0:
            ratios[sel] = day_tot[sel] / med
    factors = np.ones(7)
    for k in range(7):
        vals = ratios[weekdays == k]
        vals = vals[np.isfinite(vals)]
        if len(vals) >= 3:
            factors[k] = float(_med(vals))
    mean = float(factors.mean())
    return factors / mean if mean > 0 else np.ones(7)


def _intraday(
    rows: FloatArray, weekdays: npt.NDArray[np.int64], weekday: int, config: DetectorConfig
) -> tuple[FloatArray, FloatArray]:
    """Intra-day profile (mean 1) and relative noise per slot for a day falling on `weekday`, from `rows`
    (history days x slots, oldest first) falling on `weekdays`.

    Workdays and weekends get their own profile when the history holds at least `_MIN_PROFILE_DAYS` of the
    day's kind (an office's hours differ from its weekend's); otherwise every day counts. The noise of a slot is
    the larger of the robust relative noise of all slots together and of that slot alone (night batch hours
    can be noisier than the rest), so a naturally wild hour does not alert every week.
    """
    spd = rows.shape[1]
    weekend = weekdays >= 5
    same = weekend == (weekday >= 5)
    if int(same.sum()) >= _MIN_PROFILE_DAYS:
        rows = rows[same]
    # Shares of each day's median slot, not of its mean: a one-hour fee or spike must not squeeze the others.
    row_mid = np.asarray(_nanmedian(rows, axis=1), dtype=np.float64)[:, None] if len(rows) else np.ones((0, 1))
    with np.errstate(all="ignore"):
        shares = np.where(row_mid > 0, rows / row_mid, np.nan)
    if len(rows) >= 3:
        profile = np.asarray(_nanmedian(shares, axis=0), dtype=np.float64)
    elif len(rows):
        # The median of two days is their mean: a fee in one of them would become part of the rhythm.
        profile = np.asarray(np.nanmin(np.where(np.isfinite(shares), shares, np.inf), axis=0), dtype=np.float64)
        profile = np.where(np.isfinite(profile), profile, np.nan)
    else:
        profile = np.ones(spd)
    profile = np.where(np.isfinite(profile), profile, 1.0)
    pmean = float(profile.mean())
    profile = profile / pmean if pmean > 0 else np.ones(spd)
    if len(rows) < 2:
        return profile, np.zeros(spd)
    with np.errstate(all="ignore"):
        recent = shares / np.where(profile > 0, profile, np.nan)
    dev = np.abs(recent - _nanmedian(recent))
    overall = _MAD_TO_SIGMA * float(_nanmedian(dev)) if np.isfinite(dev).any() else 0.0
    per_slot = _MAD_TO_SIGMA * np.asarray(_nanmedian(np.abs(recent - _nanmedian(recent, axis=0)), axis=0))
    per_slot = np.where(np.isfinite(per_slot), per_slot, 0.0)
    return profile, np.maximum(per_slot, overall)


def _noise(deseason: FloatArray) -> float:
    """Robust noise scale of a de-seasonalised daily history: the larger of two MAD estimates, one from
    day-to-day differences (blind to trends and steps), one from residuals around a two-segment level (stable
    when differences happen to be small), so that neither alone underestimates the noise."""
    v = deseason[np.isfinite(deseason)]
    if len(v) < 2:
        return 0.0
    by_diff = _MAD_TO_SIGMA * float(_med(np.abs(np.diff(v)))) / math.sqrt(2)
    half = len(v) // 2
    fitted = np.concatenate([np.full(half, _med(v[:half])), np.full(len(v) - half, _med(v[half:]))])
    res = v - fitted
    by_residual = _MAD_TO_SIGMA * float(_med(np.abs(res - _med(res))))
    return max(by_diff, by_residual)


def _isolated_excess(
    x2d: FloatArray, day: int, first: int, boundary: BoolArray, before_only: bool = False
) -> FloatArray | None:
    """Excess of day `day` (per slot) over the same weekday in the weeks before AND after it (month-boundary
    days, which carry fees and tax, left out): the smaller in magnitude of the two, zero where they disagree in
    sign. A step change (level shift, stop) therefore has no excess; a one-day charge has. None without at
    least one neighbour on each side. With `before_only`, the excess over the weeks before (for month-boundary
    days, where a charge is expected, and the weeks after may already be on another level)."""
    before = [d for d in (day - 21, day - 14, day - 7) if first <= d and not boundary[d]]
    after = [d for d in (day + 7, day + 14, day + 21) if d < len(x2d) and not boundary[d]]
    if not before or (not after and not before_only):
        return None
    ex_before = x2d[day] - _nanmedian(x2d[before], axis=0)
    if before_only:
        return np.asarray(ex_before, dtype=np.float64)
    ex_after = x2d[day] - _nanmedian(x2d[after], axis=0)
    same = np.sign(ex_before) == np.sign(ex_after)
    smaller = np.where(np.abs(ex_before) < np.abs(ex_after), ex_before, ex_after)
    return np.asarray(np.where(same, smaller, 0.0), dtype=np.float64)


def _month_back(d: date, months: int = 1) -> list[date]:
    """Calendar positions `months` before `d`: same day of month, and the last day if `d` is a last day."""
    index = d.year * 12 + d.month - 1 - months
    year, month = index // 12, index % 12 + 1
    last = monthrange(year, month)[1]
    out: list[date] = []
    is_last = d.day == monthrange(d.year, d.month)[1]
    # A same-day-of-month match that is the previous month's last day is a month-end charge, not ours.
    if d.day < last or (d.day == last and is_last):
        out.append(date(year, month, d.day))
    if is_last and date(year, month, last) not in out:
        out.append(date(year, month, last))
    return out


def score_series(
    series: Series,
    config: DetectorConfig,
    *,
    new_series_floor: float | None = None,
    from_index: int = 0,
) -> Scores:
    """Expected value, scale and flags for every point of `series` from `from_index` on (causal: a point is
    judged only on days before its own).

    `new_series_floor` (money per day) is the cost at which a series with no history alerts; default
    `config.min_impact`.
    """
    x = np.asarray(series.values, dtype=np.float64)
    n = len(x)
    spd = series.steps_per_day
    step_days = 1.0 / spd
    midnight = datetime.combine(series.start.date(), datetime.min.time(), tzinfo=series.start.tzinfo)
    pad = (series.start - midnight) // series.step
    total = pad + n
    days = -(-total // spd)
    xp = np.full(days * spd, np.nan)
    xp[pad : pad + n] = x
    x2d = xp.reshape(days, spd)
    day0 = series.start.date()
    weekdays = (day0.weekday() + np.arange(days)) % 7
    month_edge = np.array(
        [(day0 + timedelta(days=d)).day == 1 or (day0 + timedelta(days=d + 1)).day == 1 for d in range(days)],
        dtype=bool,
    )

    exp2d = np.full((days, spd), np.nan)
    scale2d = np.full((days, spd), np.nan)
    young2d = np.zeros((days, spd), dtype=bool)
    new2d = np.zeros((days, spd), dtype=bool)

    present = np.isfinite(x2d).any(axis=1)
    counts = np.maximum(np.isfinite(x2d).sum(axis=1), 1)
    day_tot = np.where(present, np.nansum(x2d, axis=1) / counts * spd, np.nan)  # NaN for wholly missing days
    exists = np.where(np.nan_to_num(np.abs(day_tot)) > 0)[0]
    first_day = int(exists[0]) if len(exists) else days
    new_floor = config.min_impact if new_series_floor is None else max(new_series_floor, config.min_impact)

    first_eval = max(0, (from_index + pad) // spd)
    factors_at: tuple[int, FloatArray] | None = None
    for d in range(first_eval, days):
        if d == first_day == 0:
            continue  # present from the first day of data: not new, and nothing to judge it by
        if d <= first_day:
            # The series was seen absent before this day: anything material is new.
            exp2d[d] = 0.0
            scale2d[d] = 0.0
            young2d[d] = True
            new2d[d] = True
            continue
        lo = max(first_day, d - max(config.level_days, _HISTORY_DAYS))
        hist = day_tot[lo:d]
        valid = np.isfinite(hist)
        n_hist = int(valid.sum())
        if n_hist == 0:
            continue
        if n_hist < config.min_history_days:
            # Workdays and weekends can differ by half: judge a day by days of its own kind once one was seen,
            # and with a band twice as wide until then.
            # Month-boundary days carry fees and tax: they say little about a normal day.
            kind = (weekdays[lo:d] >= 5) == (weekdays[d] >= 5)
            ordinary = valid & ~month_edge[lo:d]
            seen_kind = ordinary & kind
            basis = seen_kind if seen_kind.any() else ordinary if ordinary.any() else valid
            level = float(_med(hist[basis]))
            noise = config.young_noise if seen_kind.any() else 2 * config.young_noise
            exp_day = max(level, 0.0)
            # Even two days show the daily rhythm: a flat hourly expectation would flag every busy afternoon.
            profile = _intraday(x2d[lo:d], weekdays[lo:d], int(weekdays[d]), config)[0] if spd > 1 else np.ones(1)
            exp2d[d] = exp_day / spd * profile
            scale2d[d] = max(noise, config.min_noise) * exp2d[d] + 1e-9
            young2d[d] = True
            continue
        if n_hist >= 21:
            # Weekday factors move slowly: re-estimate them weekly.
            if factors_at is None or d - factors_at[0] >= 7:
                factors_at = (d, _weekday_factors(hist, weekdays[lo:d]))
            factors = factors_at[1]
        else:
            factors = np.ones(7)
        with np.errstate(divide="ignore", invalid="ignore"):  # a weekday that never spends has factor 0
            deseason = hist / factors[weekdays[lo:d]]
        window = deseason[-config.level_days :]
        level = float(_nanmedian(window))
        wvalid = window[np.isfinite(window)]
        if len(wvalid) >= 14:
            older = float(_med(wvalid[:7]))
            newer = float(_med(wvalid[-7:]))
            slope = (newer - older) / (len(wvalid) - 7)
            cap = config.max_growth_per_day * abs(level)
            slope = min(max(slope, -cap), cap)
            level += slope * (len(wvalid) + 1) / 2
        exp_day = max(level, 0.0) * float(factors[weekdays[d]])
        noise_day = _noise(deseason)
        noise_day = max(noise_day * float(factors[weekdays[d]]), config.min_noise * exp_day)
        if spd == 1:
            exp2d[d, 0] = exp_day
            scale2d[d, 0] = noise_day + 1e-9
            continue
        lo_p = max(first_day, d - config.profile_days)
        profile, slot_noise = _intraday(x2d[lo_p:d], weekdays[lo_p:d], int(weekdays[d]), config)
        exp_slot = exp_day / spd * profile
        exp2d[d] = exp_slot
        scale2d[d] = (
            np.maximum.reduce([slot_noise * exp_slot, np.full(spd, noise_day / spd), config.min_noise * exp_slot])
            + 1e-9
        )

    if config.monthly_recurring:
        _add_monthly_recurring(
            x2d,
            exp2d,
            scale2d,
            day0=day0,
            first_eval=first_eval,
            first_day=first_day,
            config=config,
            step_days=step_days,
        )

    expected = exp2d.reshape(-1)[pad : pad + n].copy()
    scale = scale2d.reshape(-1)[pad : pad + n].copy()
    young = young2d.reshape(-1)[pad : pad + n].copy()
    is_new = new2d.reshape(-1)[pad : pad + n]
    expected[~np.isfinite(x)] = np.nan
    scale[~np.isfinite(x)] = np.nan
    return _flags(
        x,
        expected,
        scale,
        young=young,
        is_new=is_new,
        config=config,
        step_days=step_days,
        new_floor_point=new_floor * step_days,
    )


def _add_monthly_recurring(
    x2d: FloatArray,
    exp2d: FloatArray,
    scale2d: FloatArray,
    *,
    day0: date,
    first_eval: int,
    first_day: int,
    config: DetectorConfig,
    step_days: float,
) -> None:
    """Account for monthly recurring charges (RI and support fees, tax), in place.

    A recurring charge is a significant one-day excess at the same calendar position one month earlier (for a
    month's first or last day) or in each of the two previous months (any other day). Where one exists, the
    expected value becomes whichever of "with the charge" and "without it" is closer to the actual value, so
    neither the charge nor its absence alerts. A month's first or last day with no earlier month in the data
    is left unjudged (expected NaN): a boundary charge cannot be told from an anomaly until seen once.
    """
    days = len(x2d)
    floor = config.min_impact * step_days
    dates = [day0 + timedelta(days=d) for d in range(days)]
    boundaries = np.array([d.day == 1 or (d + timedelta(days=1)).day == 1 for d in dates], dtype=bool)

    # Per day index: (charge in money, charge relative to that day's normal) per slot, or None.
    cache: dict[int, tuple[FloatArray, FloatArray] | None] = {}

    def charge(position: date) -> tuple[FloatArray, FloatArray] | None:
        pd = (position - day0).days
        if pd < first_day:
            return None
        if pd not in cache:
            cache[pd] = _charge_at(pd)
        return cache[pd]

    def _charge_at(pd: int) -> tuple[FloatArray, FloatArray] | None:
        excess = _isolated_excess(x2d, pd, first_day, boundaries, before_only=bool(boundaries[pd]))
        if excess is None:
            return None
        ref = x2d[pd] - excess
        significant = (np.abs(excess) >= floor) & (np.abs(excess) >= config.min_relative * np.abs(ref))
        keep = significant & np.isfinite(excess)
        with np.errstate(all="ignore"):
            rel = np.where(keep & (ref > 0), excess / ref, 0.0)
        return np.where(keep, excess, 0.0), rel

    for d in range(max(first_eval, first_day + 1), days):
        today = dates[d]
        boundary = bool(boundaries[d])
        best: tuple[FloatArray, FloatArray] | None = None
        best_at = d
        seen = False
        for back in _month_back(today):
            c1 = charge(back)
            if c1 is None:
                continue
            seen = True
            if not boundary:
                older = _month_back(back)
                c2 = charge(older[0]) if older else None
                if c2 is None:
                    continue
                agree = np.sign(c1[0]) == np.sign(c2[0])
                c1 = (np.where(agree, c1[0], 0.0), np.where(agree, c1[1], 0.0))
            if best is None or np.abs(c1[0]).sum() > np.abs(best[0]).sum():
                best = c1
                best_at = (back - day0).days
        if boundary and not seen:
            exp2d[d] = np.nan
        elif best is not None and np.any(best[0] != 0):
            # Fixed fees repeat their amount; tax follows spend: try both, keep the closer explanation.
            base = exp2d[d]
            # Last month's charge may have been inflated by an anomaly at that very day: the month before
            # offers its own explanation too.
            extra: list[FloatArray] = []
            if boundary:
                for back2 in _month_back(today, 2):
                    c_old = charge(back2)
                    if c_old is not None and np.any(c_old[0] != 0):
                        extra.append(np.maximum(base + c_old[0], 0.0))
            # Tax is a share of the month's spend: scale last month's charge by the spend of the weeks before.
            spend_now = float(np.nansum(x2d[max(0, d - 28) : d]))
            spend_then = float(np.nansum(x2d[max(0, best_at - 28) : best_at]))
            ratio = spend_now / spend_then if spend_then > 0 and spend_now > 0 else 1.0
            candidates = [
                base,
                np.maximum(base + best[0], 0.0),
                np.maximum(base * (1 + best[1]), 0.0),
                np.maximum(base + best[0] * ratio, 0.0),
                *extra,
            ]
            errors = np.vstack([np.abs(x2d[d] - c) for c in candidates])
            errors = np.where(np.isfinite(errors), errors, np.inf)
            choice = np.argmin(errors, axis=0)
            chosen = np.choose(choice, candidates)
            exp2d[d] = np.where(np.isfinite(chosen), chosen, base)
            # A charge's amount is known only roughly (tax follows a month of spend): widen the band.
            scale2d[d] = scale2d[d] + 0.3 * np.abs(exp2d[d] - base)


def _flags(
    x: FloatArray,
    expected: FloatArray,
    scale: FloatArray,
    *,
    young: BoolArray,
    is_new: BoolArray,
    config: DetectorConfig,
    step_days: float,
    new_floor_point: float,
) -> Scores:
    floor = config.min_impact * step_days
    with np.errstate(all="ignore"):
        res = x - expected
        z = res / scale
        rel = np.abs(res) / np.abs(expected)
    judged = np.isfinite(res)
    material = judged & (np.abs(res) >= floor) & (rel >= config.min_relative)
    spd = round(1 / step_days)
    if spd > 1 and config.burst_points > 1:
        point = material & (np.abs(z) >= config.z_point * config.single_point_factor) & ~is_new
        point |= _bursts(res, expected, scale, judged=judged & ~is_new, config=config, floor=floor)
    else:
        point = material & (np.abs(z) >= config.z_point) & ~is_new
    source = np.zeros(len(x), dtype=np.int8)
    source[point] = SOURCE_POINT

    level = np.zeros(len(x), dtype=bool)
    m = config.level_points
    if m > 1 and len(x) >= m:
        from numpy.lib.stride_tricks import sliding_window_view

        zz = np.where(judged & ~young, z, 0.0)
        mat = np.where(material & ~young, 1, 0)
        zw = sliding_window_view(zz, m)
        same_sign = (np.all(zw > 0, axis=1) | np.all(zw < 0, axis=1)) & (sliding_window_view(mat, m).sum(axis=1) >= m)
        strong = np.abs(np.median(zw, axis=1)) >= config.z_level
        hit = np.where(same_sign & strong)[0]
        for i in hit:
            level[i : i + m] = True
    level &= ~point
    source[level] = SOURCE_LEVEL

    new = judged & is_new & (x >= max(new_floor_point, 1e-12))
    source[new] = SOURCE_NEW
    with np.errstate(all="ignore"):
        z = np.where(new, config.z_point * x / max(new_floor_point, 1e-12), z)
    flag = point | level | new
    # Hysteresis: an episode goes on while the same-sided excess stays above half the floors and half the level
    # test, so one sustained change is one episode even on its quieter days.
    holding = (
        judged
        & ~is_new
        & (np.abs(res) >= 0.5 * floor)
        & (rel >= 0.5 * config.min_relative)
        & (np.abs(np.nan_to_num(z)) >= 0.5 * config.z_level)
    )
    sign = np.sign(np.nan_to_num(res))
    for i in range(1, len(x)):
        if not flag[i] and flag[i - 1] and holding[i] and sign[i] == sign[i - 1] and source[i - 1] != SOURCE_NEW:
            flag[i] = True
            source[i] = source[i - 1]
    return Scores(expected=expected, scale=scale, z=np.clip(z, -999.0, 999.0), flag=flag, source=source, young=young)


def _bursts(
    res: FloatArray, expected: FloatArray, scale: FloatArray, *, judged: BoolArray, config: DetectorConfig, floor: float
) -> BoolArray:
    """Points inside a run of `config.burst_points` consecutive judged points that each sit on the same side, at
    least 1 noise scale and half the relative floor away from expected (so one huge point does not drag its
    neighbours in), and whose excess summed passes the floors (times the run length) and reaches `z_point` as a
    z-score of the sum (sum of residuals / root of the summed squared scales)."""
    from numpy.lib.stride_tricks import sliding_window_view

    k = config.burst_points
    out = np.zeros(len(res), dtype=bool)
    if len(res) < k:
        return out
    with np.errstate(all="ignore"):
        each = judged & (np.abs(res) >= scale) & (np.abs(res) >= 0.5 * config.min_relative * np.abs(expected))
    r = np.where(judged, res, 0.0)
    e = np.where(judged, np.abs(expected), 0.0)
    v = np.where(judged, scale, 0.0) ** 2
    sign = np.where(each, np.sign(r), 0.0)
    rw = sliding_window_view(r, k).sum(axis=1)
    ew = sliding_window_view(e, k).sum(axis=1)
    sw = np.sqrt(sliding_window_view(v, k).sum(axis=1))
    sg = sliding_window_view(sign, k)
    same = np.all(sg > 0, axis=1) | np.all(sg < 0, axis=1)
    with np.errstate(all="ignore"):
        zw = np.where(sw > 0, rw / sw, 0.0)
    hit = same & (np.abs(rw) >= k * floor) & (np.abs(rw) >= config.min_relative * ew) & (np.abs(zw) >= config.z_point)
    for i in np.where(hit)[0]:
        out[i : i + k] = True
    return out
