"""Values of anomaly detection: the series judged, the detector's settings, and the per-point outcome.

The engine itself lives beside this module: `anomaly_season` (seasonal profile chosen from the data),
`anomaly_judge` (point by point, on `anomaly_history`, `anomaly_intermittent`, `anomaly_band` and
`anomaly_lifecycle`: expected values, noise scale, the episode state machine) and
`anomaly_recurring` (monthly charges of cost series). This module holds what they share: `Series`, `Unit`,
`DetectorConfig`, `Scores`/`Span` (what the judge found) and the robust statistics they all use.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]
IntArray = npt.NDArray[np.int64]

DAY = timedelta(days=1)
#: Days in an average month (365.25 / 12): a lasting change's money per day, times this, is its month.
DAYS_PER_MONTH = 30.4375
HOUR = timedelta(hours=1)
#: MAD, interquartile range and 10-90% range of a normal distribution, in standard deviations.
_MAD_SIGMA = 1.4826
_IQR_SIGMA = 1.3490
_IDR_SIGMA = 2.5631
#: Distance from the median to the 75% and 90% quantiles of a normal distribution, in standard deviations.
_Q75_SIGMA = 0.6745
_Q90_SIGMA = 1.2816


@dataclass(frozen=True)
class Series:
    """A regular time series of cost (or any metric): `values[i]` covers `[start + i*step, start + (i+1)*step)`.

    `step` must divide one day (a minute, five minutes, an hour, a day ...). NaN marks a missing point (not
    judged, ignored in history): a gap is missing, never zero. `dimension` and `value` name the slice of the
    bill ("total"/"", "service"/"Amazon EC2", "tag:team"/"web" ...) or the metric.
    """

    start: datetime
    step: timedelta
    values: tuple[float, ...]
    dimension: str = "total"
    value: str = ""

    def __post_init__(self) -> None:
        if self.step <= timedelta(0) or DAY % self.step != timedelta(0):
            raise ValueError(f"series step {self.step} must divide one day (e.g. 5 minutes, 1 hour, 1 day)")

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


class Unit(StrEnum):
    """What a series measures. Only money has absolute floors (a $3 change is not worth anyone's time); any
    other unit is judged by statistical significance and the relative floor alone."""

    MONEY = "money"
    COUNT = "count"
    PERCENT = "percent"
    BYTES = "bytes"
    SECONDS = "seconds"
    METRIC = "metric"  # anything else

    @property
    def is_money(self) -> bool:
        return self is Unit.MONEY


@dataclass(frozen=True)
class DetectorConfig:
    """Every knob of the detector. Defaults suit daily cost series (`unit=money`); `for_unit` gives the defaults
    for any other metric.

    A point is anomalous when it is statistically significant (robust z-score against the expected value and
    the series' own noise) AND material: at least `min_relative` away from expected and, for money only, at
    least `min_impact` per day (scaled to the step; an episode's total excess must reach it too).
    """

    #: What the series measures: money gets the absolute floor `min_impact`, nothing else does.
    unit: Unit = Unit.MONEY
    #: Absolute floor for money: money per day (per point: scaled by step / 1 day; per episode: the total excess).
    min_impact: float = 20.0
    #: Money a month a lasting rise must be worth (money only): a sustained step up is material when its
    #: excess per day, over a month, reaches this and `min_scope_share` of the scope's monthly spend; a new,
    #: missing or changed period charge (`anomaly_period`) when its month at stake reaches this.
    min_monthly_impact: float = 100.0
    #: Share of the scope's monthly spend a lasting rise must be worth besides `min_monthly_impact`.
    min_scope_share: float = 0.001
    #: Relative floor: |actual - expected| / expected.
    min_relative: float = 0.2
    #: Robust z-score a single point needs.
    z_point: float = 5.0
    #: Robust z-score the median of `level_points` consecutive same-sided residuals needs (shifts, drifts).
    z_level: float = 3.0
    level_points: int = 3
    #: Sub-daily series: one point alone needs `single_point_z(step)` (more tests a day, higher bar); otherwise
    #: the summed excess of `burst_points` consecutive same-sided points must reach `z_point`.
    burst_points: int = 3
    #: Days of history behind the level of daily series (median of the de-seasonalised days, plus a capped
    #: trend); sub-daily series take the level from their last day of points.
    level_days: int = 21
    #: Seasonality: "auto" chooses from the data (hour-of-week, hour-of-day with weekends apart, hour-of-day or
    #: none for sub-daily series; weekday factors, a weekend factor or none for daily ones) by the out-of-sample
    #: robust residual scale; or force one ("none", "day", "daytype", "week").
    seasonality: str = "auto"
    #: A more detailed seasonal profile is kept only when it shrinks the out-of-sample residual scale below
    #: this fraction of the simpler one's (a flat or random series gets no invented profile).
    season_gain: float = 0.85
    #: Cold start: a daily series is judged from its 8th day, a sub-daily one after its first day, with bands
    #: widened by sqrt(1 + cold_start_days / days of history) (the level and scale are estimates).
    cold_start_days: float = 3.0
    #: Trend the model follows by itself (fraction of the level per day); faster growth is a drift.
    max_growth_per_day: float = 0.005
    #: Noise scale never below this fraction of the expected value (money series; rounding makes cost
    #: series look calmer than they are).
    min_noise: float = 0.02
    #: A new cost series alerts when its cost per day reaches max(min_impact, this x its siblings' typical day).
    new_series_sibling_share: float = 0.5
    #: An episode is over once this many consecutive points are back in the band of its pre-anomaly baseline
    #: (None: 2 days for daily series, 3 hours for sub-daily ones).
    merge_gap: timedelta | None = None
    #: A change that lasts this long without returning to its baseline, and has settled, is declared the new
    #: level (None: 7 days for daily series, 2 days for sub-daily ones); the episode ends there, saying so, and
    #: the level restarts from the episode's start.
    new_level_after: timedelta | None = None
    #: Half-width of the reported expected range, in noise scales.
    range_z: float = 3.0
    #: Cost series: treat the same calendar position one month earlier as a recurring charge.
    monthly_recurring: bool = True
    #: Dimensions `series_from_store` builds series for ("total" is always included); tags as "tag:<key>".
    dimensions: tuple[str, ...] = field(default=("account", "service", "region", "usage-type", "resource"))
    #: At most this many values per dimension (the most costly over the range).
    max_series_per_dimension: int = 200
    #: Resources get series of their own, the most costly this many: a change of one resource can hide inside
    #: its service's and usage type's totals when another resource moves the other way the same day.
    max_resource_series: int = 50

    def __post_init__(self) -> None:
        if not isinstance(self.unit, Unit):
            try:
                object.__setattr__(self, "unit", Unit(str(self.unit)))
            except ValueError:
                units = ", ".join(u.value for u in Unit)
                raise ValueError(f"DetectorConfig.unit must be one of {units}, not {self.unit!r}") from None
        for name in (
            "min_impact",
            "min_monthly_impact",
            "min_scope_share",
            "min_relative",
            "z_point",
            "z_level",
            "min_noise",
            "cold_start_days",
        ):
            if getattr(self, name) < 0:
                raise ValueError(f"DetectorConfig.{name} must not be negative")
        if self.level_points < 1 or self.burst_points < 1 or self.level_days < 7:
            raise ValueError("DetectorConfig: level_points >= 1, burst_points >= 1, level_days >= 7")
        if self.seasonality not in SEASONALITIES:
            raise ValueError(f"DetectorConfig.seasonality must be one of {', '.join(SEASONALITIES)}")
        if not 0 < self.season_gain <= 1:
            raise ValueError("DetectorConfig.season_gain must be in (0, 1]")
        for name in ("merge_gap", "new_level_after"):
            value = getattr(self, name)
            if value is not None and value < timedelta(0):
                raise ValueError(f"DetectorConfig.{name} must not be negative")

    @classmethod
    def for_unit(cls, unit: Unit | str, **overrides: object) -> DetectorConfig:
        """Defaults for a series measured in `unit`: the money floor only for money, no monthly charges or
        cost-specific noise floor for other metrics."""
        u = Unit(unit)
        base: dict[str, object] = {"unit": u}
        if not u.is_money:
            base.update(min_impact=0.0, monthly_recurring=False, min_noise=0.0)
        base.update(overrides)
        return cls(**base)  # type: ignore[arg-type]

    @property
    def money_floor(self) -> float:
        """The absolute floor per day in force (0 unless the series is money)."""
        return self.min_impact if self.unit.is_money else 0.0

    def lasting_floor(self, scope_daily: float = 0.0) -> float:
        """Money per day a lasting rise (`level_points` points or more above expected) must be worth: its month
        reaches `min_monthly_impact` and `min_scope_share` of the scope's month (`scope_daily` a day), never more
        than the one-day floor `min_impact` (which a fall keeps). 0 unless the series is money."""
        if not self.unit.is_money:
            return 0.0
        monthly = max(self.min_monthly_impact, self.min_scope_share * max(scope_daily, 0.0) * DAYS_PER_MONTH)
        return min(self.min_impact, monthly / DAYS_PER_MONTH)

    def single_point_z(self, step: timedelta) -> float:
        """Robust z-score one point alone needs: `z_point` for daily series, plus ln(points a day) / sqrt(2) for
        finer ones, so that noise with exponential (Laplace) tails raises about as many false alarms a day at
        any step as a daily series does at `z_point` (7.2 for hourly, 9.0 for 5-minute, 10.1 for 1-minute)."""
        per_day = max(1, DAY // step)
        return self.z_point + math.log(per_day) / math.sqrt(2)

    def gap_points(self, step: timedelta) -> int:
        """Consecutive in-band points that end an episode."""
        gap = self.merge_gap if self.merge_gap is not None else (2 * DAY if step >= DAY else 3 * HOUR)
        return max(1, gap // step)

    def new_level_points(self, step: timedelta) -> int:
        """Points after which a change that has not returned to its baseline is the new level."""
        after = self.new_level_after if self.new_level_after is not None else (7 * DAY if step >= DAY else 2 * DAY)
        return max(self.level_points, after // step)


SEASONALITIES = ("auto", "none", "day", "daytype", "week")


class Outcome(StrEnum):
    """How an episode stands: still going on, back in the band of its pre-anomaly baseline, or accepted as the
    series' new level after lasting `DetectorConfig.new_level_after`."""

    ONGOING = "ongoing"
    RECOVERED = "recovered"
    NEW_LEVEL = "new-level"


#: Which test opened an episode. SOURCE_RISE: a money rise on its first day, far outside the band and worth the
#: monthly floor if it lasts (`anomaly_judge`), though under the one-day floor.
SOURCE_POINT, SOURCE_BURST, SOURCE_LEVEL, SOURCE_NEW, SOURCE_RUN, SOURCE_RISE = 1, 2, 3, 4, 5, 6


@dataclass(frozen=True)
class Span:
    """One episode as the judge found it (indices into the series).

    Points `start .. last` (inclusive) are the anomalous stretch; `end` is the index where the episode ended
    (exclusive: the first point back in band, or where the change was accepted as the new level), None while
    it lasts. `baseline` is the pre-anomaly level per point (its band `baseline_low .. baseline_high`) that
    the episode was judged against, frozen when it opened; `new_level` the level per point the series settled
    at when `outcome` is NEW_LEVEL. `source` says which test opened it (SOURCE_*); `sign` is +1 up, -1 down.
    """

    start: int
    last: int
    end: int | None
    outcome: Outcome
    sign: int
    source: int
    baseline: float
    baseline_low: float
    baseline_high: float
    new_level: float | None = None


@dataclass(frozen=True)
class Scores:
    """Per-point outcome of the judge for one series (arrays aligned with `series.values`) and its episodes.

    `expected`/`scale` (noise above expected; `scale_down` below it) are NaN where the point was not judged
    (too little history, missing value). Inside an episode they are the frozen pre-anomaly baseline, not the
    values the model would learn from the anomaly.
    `flag` marks points inside an episode's anomalous stretch; `young` marks points judged with less history
    than a full model needs (wider bands). `season` names the seasonal profile in force at the end.
    """

    expected: FloatArray
    scale: FloatArray
    scale_down: FloatArray
    z: FloatArray
    flag: BoolArray
    young: BoolArray
    spans: tuple[Span, ...]
    season: str = "none"


# ------------------------------------------------------------------------------------------------ statistics


def quantile_sorted(o: FloatArray, q: float) -> float:
    """Quantile `q` (linear interpolation) of an already sorted, non-empty 1-D array."""
    pos = q * (len(o) - 1)
    lo = int(pos)
    hi = min(lo + 1, len(o) - 1)
    return float(o[lo] + (o[hi] - o[lo]) * (pos - lo))


def median_of(v: FloatArray) -> float:
    """Median of the finite values of `v` (NaN when none); faster than np.nanmedian on small arrays."""
    v = v[np.isfinite(v)]
    if not len(v):
        return math.nan
    o = np.sort(v)
    n = len(o)
    return float(o[(n - 1) // 2] + o[n // 2]) / 2


def robust_sigma(v: FloatArray) -> float:
    """Noise scale of the finite values of `v` as a normal standard deviation: the largest of three robust
    estimates (MAD, interquartile range, 10-90% range), so a series whose values mostly repeat (integers,
    rounded prices) is not credited with zero noise while a few outliers still cannot inflate it. NaN when
    fewer than two values."""
    v = v[np.isfinite(v)]
    if len(v) < 2:
        return math.nan
    o = np.sort(v)
    dev = np.sort(np.abs(o - quantile_sorted(o, 0.5)))
    mad = quantile_sorted(dev, 0.5) * _MAD_SIGMA
    iqr = (quantile_sorted(o, 0.75) - quantile_sorted(o, 0.25)) / _IQR_SIGMA
    idr = (quantile_sorted(o, 0.9) - quantile_sorted(o, 0.1)) / _IDR_SIGMA
    return max(mad, iqr, idr)


def robust_sides(v: FloatArray) -> tuple[float, float]:
    """Noise scale below and above the median of the finite values of `v`, as normal standard deviations: the
    larger of the quartile and (from 20 values on) the 10%/90% quantile distance on each side. Skewed noise (a
    rate that often doubles but never halves) gets a wide upper and a narrow lower band. NaNs when fewer than
    two values."""
    v = v[np.isfinite(v)]
    if len(v) < 2:
        return math.nan, math.nan
    o = np.sort(v)
    mid = quantile_sorted(o, 0.5)
    down = (mid - quantile_sorted(o, 0.25)) / _Q75_SIGMA
    up = (quantile_sorted(o, 0.75) - mid) / _Q75_SIGMA
    if len(o) >= 20:  # two values at least beyond the 10% and 90% quantiles: one outlier cannot move them
        down = max(down, (mid - quantile_sorted(o, 0.1)) / _Q90_SIGMA)
        up = max(up, (quantile_sorted(o, 0.9) - mid) / _Q90_SIGMA)
    return down, up


def nanmedian_rows(a: FloatArray, axis: int = 0) -> FloatArray:
    """Median along `axis` ignoring NaN (NaN where nothing is left); faster than np.nanmedian on small arrays."""
    a = np.moveaxis(np.asarray(a, dtype=np.float64), axis, -1)
    ordered = np.sort(a, axis=-1)  # NaN sorts last
    count = np.isfinite(a).sum(axis=-1)
    flat = ordered.reshape(-1, ordered.shape[-1]) if ordered.shape[-1] else np.full((count.size, 1), np.nan)
    c = count.reshape(-1)
    rows = np.arange(len(flat))
    lo = np.maximum((c - 1) // 2, 0)
    hi = np.maximum(c // 2, 0)
    mid = (flat[rows, lo] + flat[rows, hi]) / 2
    return np.asarray(np.where(c > 0, mid, np.nan).reshape(count.shape), dtype=np.float64)


def iq_mean_rows(a: FloatArray, axis: int = 0) -> FloatArray:
    """Interquartile mean along `axis` ignoring NaN: the mean of the middle half of the values (the median for
    up to five values). As robust to a few odd values as the median, and smoother for small counts, whose
    median can only be a whole number."""
    a = np.moveaxis(np.asarray(a, dtype=np.float64), axis, -1)
    ordered = np.sort(a, axis=-1)  # NaN sorts last
    count = np.isfinite(a).sum(axis=-1)
    flat = ordered.reshape(-1, ordered.shape[-1])
    c = count.reshape(-1)
    cum = np.concatenate([np.zeros((len(flat), 1)), np.cumsum(np.nan_to_num(flat), axis=1)], axis=1)
    lo = (c + 3) // 4
    hi = c - lo
    odd_small = hi <= lo  # one or two values: plain mean of what is there
    lo = np.where(odd_small, 0, lo)
    hi = np.where(odd_small, c, hi)
    rows = np.arange(len(flat))
    with np.errstate(all="ignore"):
        mean = (cum[rows, hi] - cum[rows, lo]) / (hi - lo)
    return np.asarray(np.where(c > 0, mean, np.nan).reshape(count.shape), dtype=np.float64)


def resolution(x: FloatArray) -> float:
    """The quantum of a series' values: 1 for integers (counts), the common step of values on a coarse grid
    (few distinct values), else 0. A change of one quantum is never significant by itself."""
    v = x[np.isfinite(x)]
    if not len(v):
        return 0.0
    if np.all(v == np.round(v)) and np.any(v != 0):
        return 1.0
    distinct = np.unique(v)
    if len(v) >= 20 and 1 < len(distinct) <= max(2, len(v) // 10):
        gaps = np.diff(distinct)
        return float(gaps.min())
    return 0.0
