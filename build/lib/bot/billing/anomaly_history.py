"""What the judge of one series remembers: the series, its history of clean and known points and their
residuals, the day types seen, the seasonal profile in force, the open episode and the episodes found.

`History` holds that state and the bookkeeping every part of the judge shares (a point joins the history, a
stretch leaves it, a cost series appears); `State` is the model of the series at one moment (level, noise
band or intermittent model), `OpenEpisode` an episode being judged, `JudgedPoint` a point kept for the run
tests. The parts that build on it: `anomaly_intermittent` (on/off series), `anomaly_band` (expected value and
noise band), `anomaly_lifecycle` (an episode from its opening to its end) and `anomaly_judge` (the tests and
the point-by-point loop).
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass

import numpy as np

from bot.billing.anomaly_model import (
    DetectorConfig,
    FloatArray,
    Series,
    Span,
    resolution,
)
from bot.billing.anomaly_recurring import MonthlyCharges
from bot.billing.anomaly_season import NONE_ADD, NONE_MULT, Grid, Profile

#: Daily series: days behind the noise scale, and behind the profile choice.
_SCALE_DAYS = 42
_SEASON_DAYS = 56
#: Sub-daily series: days behind the noise scale, and behind the profile choice.
_SUB_SCALE_DAYS = 7
_SUB_SEASON_DAYS = 28


@dataclass(frozen=True)
class State:
    """The model at one moment: level and noise (relative when multiplicative; below and above expected; for
    the normal and the low part of the profile), or the intermittent model."""

    level: float
    down: float
    up: float
    inflate: float
    mult: bool
    young: bool
    #: Noise (below, above) for the normal and the low part of a multiplicative profile.
    groups: tuple[tuple[float, float], ...] = ()
    #: Band widening for workdays and for weekend days (a day type seen on few days is a cold start of its own).
    type_inflate: tuple[float, float] = (1.0, 1.0)
    #: Robust scales (below, above) of the sum of `level_points` consecutive residuals: a run test judged
    #: against them allows for noise that comes in runs (NaN: assume independent points).
    run_down: float = math.nan
    run_up: float = math.nan
    #: Intermittent: median ON value, robust scale of log ON values, ON values seen, longest runs, ON runs seen.
    on_level: float = math.nan
    on_sigma: float = math.nan
    on_share: float = math.nan
    on_count: int = 0
    longest_on: int = 0
    longest_off: int = 0
    on_runs: int = 0
    #: Cost series that has only been zero so far.
    new: bool = False
    #: The day type (workday, weekend) of the points judged has been seen on fewer than `MIN_CYCLES` days while
    #: the profile does not tell them apart: only single points are judged (a weekend is no level shift).
    fresh_type: bool = False

    @property
    def intermittent(self) -> bool:
        return math.isfinite(self.on_level)


@dataclass
class OpenEpisode:
    start: int
    last: int
    sign: int
    source: int
    state: State
    quiet: int = 0


@dataclass
class JudgedPoint:
    index: int
    res: float
    norm: float  # residual as the scale sees it (relative when multiplicative)
    expected: float
    scale: float
    z: float
    material: bool
    each: bool


Band = tuple[FloatArray, FloatArray, FloatArray]  # expected, scale below, scale above


class History:
    """The state of the judge of one series (see the module docstring) and its bookkeeping."""

    def __init__(
        self,
        series: Series,
        config: DetectorConfig,
        new_series_floor: float | None,
        scope: float = 0,
        noise_prior: float = 0.0,
    ) -> None:
        self.series = series
        self.config = config
        #: Relative noise scale of the series' mature siblings: the young series' band leans on it (`anomaly_band`).
        self.noise_prior = noise_prior
        x = np.asarray(series.values, dtype=np.float64)
        self.x = x
        self.n = n = len(x)
        self.grid = Grid.of(series)
        self.spd = spd = series.steps_per_day
        self.daily = spd == 1
        step_days = 1.0 / spd
        self.floor_pt = config.money_floor * step_days
        self.lasting_pt = min(self.floor_pt, config.lasting_floor(scope) * step_days)  # for rises; falls: floor_pt
        self.money = config.unit.is_money
        new_floor = config.money_floor if new_series_floor is None else max(new_series_floor, config.money_floor)
        self.new_floor_pt = max(new_floor * step_days, 1e-12)
        finite = np.isfinite(x)
        self.finite = finite
        self.is_zero = x == 0
        # Money is billed to the cent: a flat-priced resource takes few distinct values because it is flat, not
        # because its cost moves in steps (the coarse grid `resolution` finds in counts and levels).
        self.quantum = 0.01 if self.money else resolution(x)
        self.nonneg = bool(np.all(x[finite] >= 0)) if finite.any() else True
        self.level_window = config.level_days if self.daily else spd
        self.scale_window = _SCALE_DAYS * spd if self.daily else _SUB_SCALE_DAYS * spd
        self.season_window = _SEASON_DAYS * spd if self.daily else _SUB_SEASON_DAYS * spd
        self.min_points = 7 if self.daily else max(1, spd // 2)
        self.min_span = 7 if self.daily else spd
        self.need_resid = 14 if self.daily else 2 * spd
        self.young_days = 14.0 if self.daily else 7.0
        #: Points judged with one model before it is refreshed: a day for daily series, four hours for hourly
        #: ones, an hour for finer ones (the level rests on a day of points: it barely moves in an hour).
        self.chunk = 1 if self.daily else max(self.grid.bin_points, 4 if spd <= 24 else 1)
        self.gap = config.gap_points(series.step)
        self.new_level_pts = config.new_level_points(series.step)
        self.z_single = config.single_point_z(series.step)
        self.bursts = spd > 1 and config.burst_points > 1
        self.buffer: deque[JudgedPoint] = deque(maxlen=max(config.burst_points, config.level_points))

        self.expected = np.full(n, np.nan)
        self.scale_up = np.full(n, np.nan)
        self.scale_down = np.full(n, np.nan)
        self.z = np.full(n, np.nan)
        self.flag = np.zeros(n, dtype=bool)
        self.young = np.zeros(n, dtype=bool)
        #: clean: the level's history (judged normal, released after an episode, or a new level); known: also
        #: the points of past episodes (the profile, the noise scale and the intermittent model see them).
        self.clean = np.zeros(n, dtype=bool)
        self.known = np.zeros(n, dtype=bool)
        self.resid = np.full(n, np.nan)
        self.sigma_cache: (
            tuple[int, int, tuple[tuple[tuple[float, float], ...], tuple[float, float], int], int] | None
        ) = None
        self.weekend = ((np.arange(n) + self.grid.offset) // spd) % 7 >= 5
        self.intermittent_cache: tuple[tuple[int, int, bool], int, bool] | None = None
        self.run_cache: tuple[int, bool, int] | None = None  # (index, on, length of the stretch ending there)
        #: Daily noise: each known day against its neighbours, valid up to an index while the history is unchanged
        #: (`version` counts changes other than a new point joining it).
        self.local_r = np.full(n, np.nan)
        self.local_cache: tuple[tuple[int, bool], int] | None = None
        self.version = 0
        #: Days with known points seen so far: workdays, weekend days.
        self.type_days = [0, 0]
        self.spans: list[Span] = []

        first = np.flatnonzero(finite)
        self.first = int(first[0]) if len(first) else n
        self.reset_at = self.first
        self.n_clean = 0
        self.profile: Profile = NONE_MULT if self.nonneg else NONE_ADD
        self.p = np.full(n, 1.0 if self.nonneg else 0.0)
        self.selected_day = -(10**9)
        self.seen_zero = False
        self.seen_nonzero = False
        self.episode: OpenEpisode | None = None
        self.reopen = False
        self.pad = self.grid.offset % spd
        self.monthly = self._monthly_charges() if self.money and config.monthly_recurring else None

    def _monthly_charges(self) -> MonthlyCharges:
        spd = self.spd
        days = -(-(self.pad + self.n) // spd)
        xp = np.full(days * spd, np.nan)
        xp[self.pad : self.pad + self.n] = self.x
        x2d = xp.reshape(days, spd)
        day_any = np.nan_to_num(np.abs(x2d)).sum(axis=1) > 0
        first_day = int(np.argmax(day_any)) if day_any.any() else days
        return MonthlyCharges(x2d, self.series.start.date(), first_day, self.config, 1.0 / spd)

    def _set_clean(self, lo: int, hi: int, value: bool) -> None:
        self.version += 1
        want = self.finite[lo:hi] & value
        if lo >= self.reset_at:
            self.n_clean += int(want.sum()) - int(self.clean[lo:hi].sum())
        self.clean[lo:hi] = want
        self.known[lo:hi] = want
        if not value:
            self.resid[lo:hi] = np.nan

    def _clean_one(self, i: int) -> None:
        if not self.clean[i]:
            self.clean[i] = True
            self.known[i] = True
            if i >= self.reset_at:
                self.n_clean += 1

    def _residuals(self, lo: int, hi: int, e: FloatArray, mult: bool) -> FloatArray:
        """One-step residuals of points `lo .. hi-1` against `e` (relative when multiplicative)."""
        with np.errstate(all="ignore"):
            r = self.x[lo:hi] - e
            if mult:
                r = np.where(e != 0, r / e, np.nan)
        return np.asarray(np.where(self.finite[lo:hi], r, np.nan), dtype=np.float64)

    def _count_day(self, i: int) -> None:
        """At the start of a day: count the day before among the workdays or weekend days seen."""
        lo = max(self.first, i - self.spd)
        if i > lo and self.known[lo:i].any():
            self.type_days[int(self.weekend[i - 1])] += 1

    def _accept(self, i: int) -> None:
        """Point `i` joins the history without judgement (cold start, a day that cannot be judged yet)."""
        self._clean_one(i)
        self._seen(float(self.x[i]), i)
        self.buffer.clear()

    def _seen(self, xi: float, i: int) -> None:
        if xi == 0:
            self.seen_zero = True
        elif not self.seen_nonzero:
            self.seen_nonzero = True
            if self.money and self.seen_zero:
                # A cost series that appears: its history starts after this point (the zeros before say nothing
                # of its level, and its first point is as a rule partial: a resource starts during the day).
                self.reset_at = i + 1
                self.version += 1
                self.n_clean = 0

    def _every(self) -> int:
        """Points between re-estimates of the slowly moving parts of the model, once settled."""
        return 3 if self.daily else max(1, self.spd // 4)
