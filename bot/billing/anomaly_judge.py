"""The judge: expected value, noise band and episodes of one series, point by point, from its past only.

For every point, from the clean history before it (points judged normal, or accepted as a new level):

- seasonal profile: chosen from the data (`anomaly_season`), multiplicative for non-negative series;
- level: median of the de-seasonalised clean points of the last day (sub-daily series) or the last
  `level_days` days (daily series, plus a capped trend);
- noise band: robust scales of the past one-step residuals, apart below and above the expected value (a rate
  that often doubles but never halves gets a wide upper and a narrow lower band), relative to the expected
  value for multiplicative series and apart for the low part of the profile (nights); never below half the
  data's resolution (1 for counts); at cold start never below the spread of the history itself, and widened
  by sqrt(1 + cold_start_days / days of history) while the estimates rest on little data;
- intermittent series (off at least half the time): zeros are normal; an ON value is judged against the ON
  values seen (log scale), and an ON or OFF stretch against the longest seen;
- cost series: monthly recurring charges (`anomaly_recurring`), and "new" series (zero until now) judged
  against a floor from their siblings.

A point is flagged by a single-point test, a burst test (sub-daily: several same-sided points whose summed
excess is significant) or a level test (several same-sided material points whose median z passes
`z_level`). A flag opens an episode whose baseline is frozen at the model as it stood before the episode; the
episode's points stay out of the level's history, so the model cannot learn the anomaly as normal. The
episode ends when the series is back in the band of that baseline for `gap_points` points ("recovered"; its
points then join the history of the profile and of the noise scale, so a pattern that keeps coming back
becomes normal), or, when the change has lasted `new_level_points` without returning, is accepted as the new
level: the episode ends there, saying so, and the level restarts from the episode's start.
"""

from __future__ import annotations

import itertools
import math
from collections import deque
from dataclasses import dataclass, replace

import numpy as np

from bot.billing.anomaly_model import (
    DAY,
    SOURCE_BURST,
    SOURCE_LEVEL,
    SOURCE_NEW,
    SOURCE_POINT,
    SOURCE_RUN,
    DetectorConfig,
    FloatArray,
    Outcome,
    Scores,
    Series,
    Span,
    Unit,
    median_of,
    nanmedian_rows,
    resolution,
    robust_sides,
)
from bot.billing.anomaly_recurring import MonthlyCharges
from bot.billing.anomaly_season import MIN_CYCLES, NONE_ADD, NONE_MULT, Grid, Profile, choose, refresh

#: Daily series: days behind the noise scale, and behind the profile choice.
_SCALE_DAYS = 42
_SEASON_DAYS = 56
#: Sub-daily series: days behind the noise scale, and behind the profile choice.
_SUB_SCALE_DAYS = 7
_SUB_SEASON_DAYS = 28
#: Sub-daily series this long (days) are also judged on their daily levels, for changes slower than a day.
_SLOW_MIN_DAYS = 14
#: Sub-daily series choose their profile again every day for their first weeks, then weekly.
_SEASON_DAILY_UNTIL_DAYS = 28
#: An intermittent series is off (exactly zero) at least this share of the time (a median level would be zero,
#: or the zeros would dominate its spread).
_INTERMITTENT_ZEROS = 0.3
#: An intermittent series' ON or OFF stretch is unusual when it would happen by chance less often than this.
_RUN_CHANCE = 0.001
#: Spread of a point's residual against the median of its six neighbours, in noise scales (white noise).
_LOCAL_NOISE = 1.10
#: Residuals the low part of a profile needs for a noise scale of its own.
_GROUP_MIN = 20
#: Profile values under this share of the mean form the "low" part, whose relative noise is estimated apart.
_LOW_PROFILE = 0.5


@dataclass(frozen=True)
class _State:
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
class _Episode:
    start: int
    last: int
    sign: int
    source: int
    state: _State
    quiet: int = 0


@dataclass
class _Point:
    index: int
    res: float
    norm: float  # residual as the scale sees it (relative when multiplicative)
    expected: float
    scale: float
    z: float
    material: bool
    each: bool


Band = tuple[FloatArray, FloatArray, FloatArray]  # expected, scale below, scale above


class _Judge:
    def __init__(
        self, series: Series, config: DetectorConfig, new_series_floor: float | None, scope: float = 0
    ) -> None:
        self.series = series
        self.config = config
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
        self.quantum = resolution(x)
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
        self.buffer: deque[_Point] = deque(maxlen=max(config.burst_points, config.level_points))

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
        self.episode: _Episode | None = None
        self.reopen = False
        self.pad = self.grid.offset % spd
        self.monthly = self._monthly_charges() if self.money and config.monthly_recurring else None

    # ------------------------------------------------------------------------------------------ history

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

    def _reselect(self, i: int) -> None:
        """At the start of a day: choose the seasonal profile again (sub-daily series daily for their first
        weeks, then weekly; daily series at two and four weeks, then every four weeks: weekday factors need
        whole weeks), or re-estimate the chosen one's shape (daily series, weekly in between)."""
        day = (i + self.grid.offset) // self.spd
        since = (i - self.first) // self.spd
        if self.daily:
            choose_now = since == 14 or (since >= 28 and since % 28 == 0)
            refresh_now = since > 14 and since % 7 == 0
        else:
            choose_now = since >= 2 and (since < _SEASON_DAILY_UNTIL_DAYS or since % 7 == 0)
            refresh_now = False
        if day == self.selected_day or not (choose_now or refresh_now):
            return
        self.selected_day = day
        lo = max(self.first, i - self.season_window)
        hist = np.full(self.n, np.nan)
        hist[lo:i] = np.where(self.known[lo:i], self.x[lo:i], np.nan)
        seen = hist[lo:i][np.isfinite(hist[lo:i])]
        mult = self.nonneg and (not len(seen) or float(np.mean(seen == 0)) <= 0.3)
        if choose_now:
            profile = choose(
                hist, self.grid, lo, i, mult=mult, forced=self.config.seasonality, gain=self.config.season_gain
            )
        else:
            profile = refresh(self.profile, hist, self.grid, lo, i, mult=mult)
        if profile is self.profile:
            return
        self.profile = profile
        self.version += 1
        a = max(self.first, i - max(self.scale_window, self.level_window, self.new_level_pts))
        self.p[a:] = self.profile.values(self.grid, a, self.n)
        self.sigma_cache = None

    def _model(self, c: int) -> _State | None:
        """The model for judging points from `c` on, from the history before `c`; None when too little."""
        lo = self.reset_at
        if c <= lo:
            return None
        if self.money and self.seen_zero and not self.seen_nonzero:
            return _State(0.0, 0.0, 0.0, 1.0, True, True, groups=((0.0, 0.0), (0.0, 0.0)), new=True)
        if self.n_clean < self.min_points or c - lo < self.min_span:
            return None
        days = self.n_clean / self.spd
        inflate = math.sqrt(1 + self.config.cold_start_days / days)
        young = days < self.young_days
        a_s = max(lo, c - self.scale_window)
        if self.nonneg and self._is_intermittent(a_s, c):
            return self._intermittent(c, lo, inflate, young)
        v, p = self._level_history(lo, c)
        mult = self.profile.mult
        if mult:
            ok = p > 0
            v, p = v[ok], p[ok]
            dl = (v / p).tolist()
        else:
            dl = (v - p).tolist()
        if not dl:
            return None
        level = _median(sorted(dl))
        if self.daily and len(dl) >= 14:
            older, newer = _median(sorted(dl[:7])), _median(sorted(dl[-7:]))
            slope = (newer - older) / (len(dl) - 7)
            cap = self.config.max_growth_per_day * abs(level)
            level += min(max(slope, -cap), cap) * (len(dl) + 1) / 2
        groups, run, count = self._sigma(a_s, c, mult)
        if count < self.need_resid:
            # Too few residuals yet: the spread of the history itself bounds the noise from below.
            dn, up = robust_sides(np.asarray(dl))
            if mult:
                dn, up = (dn / abs(level), up / abs(level)) if level != 0 else (math.nan, math.nan)
            groups = tuple((_nanmax(g[0], dn), _nanmax(g[1], up)) for g in groups)
        groups = tuple((g[0] if math.isfinite(g[0]) else 0.0, g[1] if math.isfinite(g[1]) else 0.0) for g in groups)
        type_inflate = (inflate, inflate)
        fresh = False
        if self.profile.kind in ("none", "day"):
            fresh = self.type_days[int(self.weekend[c])] < MIN_CYCLES
            # The profile does not tell weekends from workdays: a day type seen on few days is a cold start.
            type_inflate = tuple(  # type: ignore[assignment]
                max(inflate, math.sqrt(1 + self.config.cold_start_days / max(seen, 0.5)))
                if seen < MIN_CYCLES
                else inflate
                for seen in self.type_days
            )
        return _State(
            level,
            groups[0][0],
            groups[0][1],
            inflate,
            mult,
            young,
            groups=groups,
            type_inflate=type_inflate,
            run_down=run[0],
            run_up=run[1],
            fresh_type=fresh,
        )

    def _level_history(self, lo: int, c: int) -> tuple[FloatArray, FloatArray]:
        """Clean points (values, profile values) the level of points from `c` on rests on: the last
        `level_window` of them. While the profile does not tell weekends from workdays, only those of `c`'s day
        type when there are enough of them (half a day of a sub-daily series in the last week; two days of a
        daily one in its level window): a Monday is judged against Friday, not the weekend just before it."""
        window = self.level_window
        if self.profile.kind in ("none", "day"):
            a = max(lo, c - (window if self.daily else 7 * self.spd))
            same = self.clean[a:c] & (self.weekend[a:c] == self.weekend[c])
            if int(same.sum()) >= (2 if self.daily else max(1, self.spd // 2)):
                idx = np.flatnonzero(same)[-window:] + a
                return self.x[idx], self.p[idx]
        a = max(lo, c - window)
        sel = self.clean[a:c]
        return self.x[a:c][sel], self.p[a:c][sel]

    def _is_intermittent(self, a: int, c: int) -> bool:
        """Is the series off (exactly zero) at least `_INTERMITTENT_ZEROS` of its known points of `a .. c-1`,
        and on at some? Re-examined on the noise scale's schedule (`_sigma`)."""
        key = (self.reset_at, len(self.spans), self.episode is None)
        cached = self.intermittent_cache
        if cached is not None and cached[0] == key and cached[1] <= c < cached[1] + self._every():
            return cached[2]
        known = self.known[a:c]
        zeros = int(np.count_nonzero(known & self.is_zero[a:c]))
        n_known = int(np.count_nonzero(known))
        # "On at some": a known point that is not zero (unknown points count for neither).
        found = bool(zeros and zeros >= _INTERMITTENT_ZEROS * n_known and zeros < n_known)
        self.intermittent_cache = (key, c, found)
        return found

    def _every(self) -> int:
        """Points between re-estimates of the slowly moving parts of the model, once settled."""
        return 3 if self.daily else max(1, self.spd // 4)

    def _sigma(self, a: int, c: int, mult: bool) -> tuple[tuple[tuple[float, float], ...], tuple[float, float], int]:
        """Robust scales (below, above) of the residuals of `a .. c-1` for the normal and the low part of a
        multiplicative profile (a part with few residuals takes the pooled scales), of the sums of `level_points`
        consecutive residuals, and how many residuals they rest on. Re-estimated every point while they rest on
        few residuals, then every three days (daily series) or four times a day (sub-daily ones)."""
        cached = self.sigma_cache
        if cached is not None:
            settled = cached[3] >= self.need_resid
            every = (3 if self.daily else max(1, self.spd // 4)) if settled else 1
            if cached[0] == self.reset_at and cached[1] <= c < cached[1] + every:
                return cached[2]
        r = self._local_residuals(a, c, mult) if self.daily else self.resid[a:c]
        ok = np.isfinite(r)
        count = int(ok.sum())
        pooled = robust_sides(r[ok]) if count >= 3 else (math.nan, math.nan)
        group = (self.p[a:c] < _LOW_PROFILE) if mult else np.zeros(c - a, dtype=bool)
        groups: list[tuple[float, float]] = []
        for g in (False, True):
            sel = ok & (group == g)
            groups.append(robust_sides(r[sel]) if sel.sum() >= _GROUP_MIN else pooled)
        k = self.config.level_points
        run = (math.nan, math.nan)
        if count >= self.need_resid and k > 1 and len(r) >= k:
            from numpy.lib.stride_tricks import sliding_window_view

            sums = sliding_window_view(r, k).sum(axis=1)  # NaN where a residual is missing
            if np.isfinite(sums).sum() >= self.need_resid // 2:
                run = robust_sides(sums)
        out = (tuple(groups), run, count)
        self.sigma_cache = (self.reset_at, c, out, count)
        return out

    def _local_residuals(self, a: int, c: int, mult: bool) -> FloatArray:
        """Daily series: each known day of `a .. c-1` against the median of the three known days on each side of
        it (relative to that median when multiplicative), divided by the 1.10 such a residual has on white noise.
        A noise scale that a slow drift or a step does not inflate (the neighbours follow them), so a drift of
        a few percent a day cannot mask itself by widening the band as it goes."""
        from numpy.lib.stride_tricks import sliding_window_view

        cache = self.local_cache
        # Only the last points' neighbourhoods changed since the last call, unless the history itself did.
        lo = a
        if cache is not None and cache[0] == (self.version, mult) and a <= cache[1] <= c:
            lo = max(a, cache[1] - 3)
        p = self.p[lo - 3 if lo - 3 >= a else a : c]
        head = lo - 3 if lo - 3 >= a else a
        v = np.where(self.known[head:c], self.x[head:c], np.nan)
        with np.errstate(all="ignore"):
            d = np.where(p > 0, v / p, np.nan) if mult else v - p
        padded = np.full(len(d) + 6, np.nan)
        padded[3:-3] = d
        w = sliding_window_view(padded, 7)[lo - head :].copy()
        w[:, 3] = np.nan
        local = nanmedian_rows(w, axis=1)
        enough = np.isfinite(w).sum(axis=1) >= 3
        with np.errstate(all="ignore"):
            r = d[lo - head :] - local
            if mult:
                r = np.where(local > 0, r / local, np.nan)
        self.local_r[lo:c] = np.where(enough, r / _LOCAL_NOISE, np.nan)
        self.local_cache = ((self.version, mult), c)
        return self.local_r[a:c]

    def _intermittent(self, c: int, lo: int, inflate: float, young: bool) -> _State:
        a = max(lo, c - 4 * self.scale_window)
        v = self.x[a:c]
        known = self.known[a:c]
        on = v[known & (v > 0)]
        runs_on, runs_off = _runs(np.where(known, v, np.nan))
        _down, up = robust_sides(np.log(on)) if len(on) >= 3 else (math.nan, math.nan)
        return _State(
            level=float(on.sum()) / max(1, int(known.sum())),
            down=0.0,
            up=0.0,
            inflate=inflate,
            mult=True,
            young=young,
            on_level=median_of(on),
            on_sigma=up,
            on_share=len(on) / max(1, int(known.sum())),
            on_count=len(on),
            longest_on=max(runs_on, default=0),
            longest_off=max(runs_off, default=0),
            on_runs=len(runs_on),
        )

    # ------------------------------------------------------------------------------------- expectations

    def _expect(self, state: _State, lo: int, hi: int) -> Band:
        """Expected values and noise scales (below, above) of points `lo .. hi-1` under `state`."""
        k = hi - lo
        if state.new:
            return np.zeros(k), np.zeros(k), np.zeros(k)
        if state.intermittent:
            s = np.full(k, max(state.level, self.quantum * 0.5, 1e-12))
            return np.full(k, state.level), s, s
        p = self.p[lo:hi]
        weekend = self.weekend[lo:hi]
        g = (p < _LOW_PROFILE).astype(np.int64) if state.mult else np.zeros(k, dtype=np.int64)
        table = np.asarray(state.groups, dtype=np.float64)
        dn, up = table[g, 0], table[g, 1]
        if state.mult:
            e = np.maximum(state.level * p, 0.0)
            dn, up = dn * e, up * e
        else:
            e = state.level + p
        floor = np.maximum.reduce(
            [np.full(k, 0.5 * self.quantum), self.config.min_noise * np.abs(e), 1e-9 * np.maximum(np.abs(e), 1.0)]
        )
        widen = np.where(weekend, state.type_inflate[1], state.type_inflate[0])
        dn = np.maximum(dn * widen, floor)
        up = np.maximum(up * widen, floor)
        if self.monthly is not None:
            return self._monthly(lo, hi, e, dn, up)
        return e, dn, up

    def _expect_one(self, state: _State, i: int) -> tuple[float, float, float]:
        """`_expect` for one point in plain floats (daily series judge point by point; numpy's overhead on
        one-element arrays would dominate)."""
        if state.new:
            return 0.0, 0.0, 0.0
        if state.intermittent:
            s = max(state.level, self.quantum * 0.5, 1e-12)
            return state.level, s, s
        p = float(self.p[i])
        weekend = bool(self.weekend[i])
        dn, up = state.groups[int(state.mult and p < _LOW_PROFILE)]
        if state.mult:
            e = max(state.level * p, 0.0)
            dn, up = dn * e, up * e
        else:
            e = state.level + p
        floor = max(0.5 * self.quantum, self.config.min_noise * abs(e), 1e-9 * max(abs(e), 1.0))
        widen = state.type_inflate[weekend]
        dn, up = max(dn * widen, floor), max(up * widen, floor)
        if self.monthly is not None:
            on = self.monthly.charge_on((i + self.pad) // self.spd)
            if on is None:
                return math.nan, math.nan, math.nan
            if on[0] is not None:
                band = self._monthly(i, i + 1, np.array([e]), np.array([dn]), np.array([up]))
                return float(band[0][0]), float(band[1][0]), float(band[2][0])
        return e, dn, up

    def _monthly(self, lo: int, hi: int, e: FloatArray, dn: FloatArray, up: FloatArray) -> Band:
        assert self.monthly is not None
        e, dn, up = e.copy(), dn.copy(), up.copy()
        idx = np.arange(lo, hi) + self.pad
        days = idx // self.spd
        for d in range(int(days[0]), int(days[-1]) + 1):
            sel = days == d
            out = self.monthly.adjust(d, e[sel], np.zeros(int(sel.sum())), idx[sel] % self.spd)
            if out is None:
                e[sel] = dn[sel] = up[sel] = np.nan
            else:
                e[sel] = out[0]
                dn[sel] += out[1]
                up[sel] += out[1]
        return e, dn, up

    # --------------------------------------------------------------------------------------------- loop

    def run(self) -> Scores:
        n = self.n
        state: _State | None = None
        band: Band = (np.zeros(0), np.zeros(0), np.zeros(0))
        one: tuple[float, float, float] = (math.nan, math.nan, math.nan)
        base = 0
        valid_until = 0
        offset = self.grid.offset
        i = self.first
        while i < n:
            if (i + offset) % self.spd == 0 or i == self.first:
                self._count_day(i)
                self._reselect(i)
                valid_until = i  # new profile values: refresh
            ep = self.episode
            if i >= valid_until:
                base = i
                valid_until = min(n, (i // self.chunk + 1) * self.chunk)
                state = ep.state if ep is not None else self._model(i)
                if state is not None:
                    if valid_until - i == 1:
                        one = self._expect_one(state, i)
                    else:
                        band = self._expect(state, i, valid_until)
                        if ep is None and self._quiet_chunk(state, i, valid_until, band):
                            i = valid_until
                            continue
            if not self.finite[i]:
                self.buffer.clear()
                i += 1
                continue
            if state is None:
                self._accept(i)
                i += 1
                continue
            k = i - base
            e, dn, up = one if valid_until - base == 1 else (float(band[0][k]), float(band[1][k]), float(band[2][k]))
            if ep is not None:
                if self._continue(ep, i, e, dn, up):
                    valid_until = i  # the model changed: refresh
                    if self.reopen:
                        self.reopen = False
                        continue  # judge this point again, outside the episode
                i += 1
                continue
            if not math.isfinite(e):
                self._accept(i)
                i += 1
                continue
            self.expected[i] = e
            self.scale_down[i] = dn
            self.scale_up[i] = up
            self.young[i] = state.young
            if self._judge(i, float(self.x[i]), e, dn, up, state):
                valid_until = i + 1  # in an episode from here: its frozen baseline
            i += 1
        if self.episode is not None:
            self._record(self.episode, None, Outcome.ONGOING)
        if not self.daily and self.n >= _SLOW_MIN_DAYS * self.spd:
            self._slow_changes()
        return Scores(
            expected=self.expected,
            scale=self.scale_up,
            scale_down=self.scale_down,
            z=np.clip(self.z, -999.0, 999.0),
            flag=self.flag,
            young=self.young,
            spans=tuple(sorted(self.spans, key=lambda sp: sp.start)),
            season=self.profile.name,
        )

    def _slow_changes(self) -> None:
        """Sub-daily series: changes too slow to stand out from one day to the next (a drift over weeks), which
        the day-long level follows, are looked for in the series' daily levels (the median point of each day,
        times the points of a day for money and counts), judged as a daily series with its level test alone.
        Each level episode found there and touching no episode of the points becomes one, its baseline the
        daily level before it."""
        spd = self.spd
        days = -(-(self.pad + self.n) // spd)
        padded = np.full(days * spd, np.nan)
        padded[self.pad : self.pad + self.n] = self.x
        rows = padded.reshape(days, spd)
        enough = np.isfinite(rows).sum(axis=1) * 2 >= spd
        level = np.where(enough, nanmedian_rows(rows, axis=1), np.nan)
        additive = self.config.unit in (Unit.MONEY, Unit.COUNT)
        if additive:
            level = level * spd
        start = self.series.start - self.pad * self.series.step
        daily = Series(start, DAY, tuple(float(v) for v in level), self.series.dimension, self.series.value)
        config = replace(self.config, z_point=math.inf, monthly_recurring=False)
        judged = _Judge(daily, config, None).run()
        per_point = spd if additive else 1
        for span in judged.spans:
            if span.source != SOURCE_LEVEL:
                continue
            lo = max(0, span.start * spd - self.pad)
            last = min(self.n - 1, (span.last + 1) * spd - self.pad - 1)
            end = None if span.end is None else min(self.n, span.end * spd - self.pad)
            if lo > last or self.flag[lo : last + 1].any():
                continue
            base = span.baseline / per_point
            e = base * self.p[lo : last + 1] if self.profile.mult else base + self.p[lo : last + 1]
            fin = self.finite[lo : last + 1]
            self.expected[lo : last + 1] = np.where(fin, e, np.nan)
            with np.errstate(all="ignore"):
                s = np.where(self.x[lo : last + 1] > e, self.scale_up[lo : last + 1], self.scale_down[lo : last + 1])
                self.z[lo : last + 1] = np.where(fin & (s > 0), (self.x[lo : last + 1] - e) / s, np.nan)
            self.flag[lo : last + 1] = True
            self.spans.append(
                replace(
                    span,
                    start=lo,
                    last=last,
                    end=end,
                    baseline=base,
                    baseline_low=span.baseline_low / per_point,
                    baseline_high=span.baseline_high / per_point,
                    new_level=None if span.new_level is None else span.new_level / per_point,
                )
            )

    def _quiet_chunk(self, state: _State, lo: int, hi: int, band: Band) -> bool:
        """Judge points `lo .. hi-1` at once when none of them could fire a test: no single point passes it, and
        no run of `burst_points` / `level_points` consecutive same-sided candidates (with the judged points
        just before) exists. They all join the history. False (nothing done) otherwise."""
        if state.new or state.intermittent:
            return False
        e, dn, up = band
        xs = self.x[lo:hi]
        fin = self.finite[lo:hi]
        judged = fin & np.isfinite(e)
        with np.errstate(all="ignore"):
            res = xs - e
            ares = np.abs(res)
            s = np.where(res > 0, up, dn)
            rel = np.where(e != 0, ares / np.abs(e), np.where(res != 0, np.inf, 0.0))
            z = np.where(s > 0, res / s, 0.0)
        cfg = self.config
        material = judged & (ares >= self.floor_pt) & (rel >= cfg.min_relative)
        lasting = judged & (ares >= np.where(res > 0, self.lasting_pt, self.floor_pt)) & (rel >= cfg.min_relative)
        each = judged & (ares >= s) & (rel >= 0.5 * cfg.min_relative)
        if np.any(material & (np.abs(z) >= self.z_single)):
            return False
        # Same-sided candidates for a run test, prefixed by the buffered points just before the chunk.
        k = max(cfg.burst_points if self.bursts else 1, cfg.level_points)
        tail = [p for p in list(self.buffer)[-(k - 1) :] if p.index >= lo - (k - 1)] if k > 1 else []
        if tail and tail[-1].index != lo - 1:
            tail = []
        cand = np.concatenate(
            [[(p.each or p.material) * (1 if p.res > 0 else -1) for p in tail], (each | lasting) * np.sign(res)]
        )
        if k > 1 and len(cand) >= k:
            from numpy.lib.stride_tricks import sliding_window_view

            w = sliding_window_view(np.nan_to_num(cand), k)
            if np.any(np.all(w > 0, axis=1) | np.all(w < 0, axis=1)):
                return False
        self.expected[lo:hi] = np.where(judged, e, np.nan)
        self.scale_down[lo:hi] = np.where(judged, dn, np.nan)
        self.scale_up[lo:hi] = np.where(judged, up, np.nan)
        self.z[lo:hi] = np.where(judged, z, np.nan)
        self.young[lo:hi] = judged & state.young
        self._set_clean(lo, hi, True)
        self.resid[lo:hi] = np.where(judged, self._residuals(lo, hi, e, state.mult), np.nan)
        for j in np.flatnonzero(fin):
            if self.seen_zero and self.seen_nonzero:
                break
            self._seen(float(xs[j]), lo + int(j))
        # The last points stay buffered: a run may start here and go on in the next chunk.
        self.buffer.clear()
        for t in range(max(lo, hi - (k - 1)), hi):
            if judged[t - lo]:
                r = float(res[t - lo])
                norm = (r / float(e[t - lo]) if e[t - lo] != 0 else math.nan) if state.mult else r
                self.buffer.append(
                    _Point(
                        t,
                        r,
                        norm,
                        float(e[t - lo]),
                        float(s[t - lo]),
                        float(z[t - lo]),
                        bool(material[t - lo]),
                        bool(each[t - lo]),
                    )
                )
            else:
                self.buffer.clear()
        return True

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
                # A cost series that appears: its history starts now (the zeros before say nothing of its level).
                self.reset_at = i
                self.version += 1
                self.n_clean = 1 if self.clean[i] else 0

    def _judge(  # noqa: PLR0917 - private, called once per point from `run` (a dataclass would cost a point's time)
        self, i: int, xi: float, e: float, dn: float, up: float, state: _State
    ) -> bool:
        """Judge point `i` outside any episode; True when it opened one."""
        config = self.config
        if state.new:
            self.z[i] = config.z_point * xi / self.new_floor_pt
            if xi >= self.new_floor_pt:
                self._open(i, i, +1, SOURCE_NEW, state)
                self.seen_nonzero = True
                return True
            self._clean_one(i)
            self._seen(xi, i)
            return False
        if state.intermittent:
            return self._judge_intermittent(i, xi, state)
        res = xi - e
        s = up if res > 0 else dn
        z = res / s if s > 0 else (math.copysign(math.inf, res) if res else 0.0)
        self.z[i] = z
        rel = abs(res) / abs(e) if e != 0 else (math.inf if res else 0.0)
        material = abs(res) >= self.floor_pt and rel >= config.min_relative
        lasting = abs(res) >= (self.lasting_pt if res > 0 else self.floor_pt) and rel >= config.min_relative
        each = abs(res) >= s and rel >= 0.5 * config.min_relative
        norm = (res / e if e != 0 else math.nan) if state.mult else res
        self.buffer.append(_Point(i, res, norm, e, s, z, lasting, each))
        sign = 1 if res > 0 else -1
        if material and abs(z) >= self.z_single:
            self._open(i, i, sign, SOURCE_POINT, None)
            return True
        start = None if state.fresh_type else self._burst(state) if self.bursts else None
        if start is not None:
            self._open(start, i, sign, SOURCE_BURST, None)
            return True
        start = None if state.fresh_type else self._level(state)
        if start is not None:
            self._open(start, i, sign, SOURCE_LEVEL, None)
            return True
        self._clean_one(i)
        if state.mult:
            if e != 0:
                self.resid[i] = res / e
        else:
            self.resid[i] = res
        self._seen(xi, i)
        return False

    def _tail(self, k: int) -> list[_Point] | None:
        """The last `k` judged points, when they are consecutive."""
        if len(self.buffer) < k:
            return None
        pts = list(self.buffer)[-k:]
        return pts if pts[-1].index - pts[0].index == k - 1 else None

    def _run_z(self, pts: list[_Point], state: _State) -> float:
        """z-score of the summed residuals of consecutive points: against the past spread of such sums when
        known (noise that comes in runs), else as independent points (root of the summed squared scales)."""
        total = sum(p.res for p in pts)
        spread = math.sqrt(sum(p.scale**2 for p in pts))
        z = total / spread if spread > 0 else math.copysign(math.inf, total)
        run = state.run_up if total > 0 else state.run_down
        if len(pts) == self.config.level_points and math.isfinite(run) and run > 0:
            norm = sum(p.norm for p in pts)
            if math.isfinite(norm):
                z = min(z, norm / (run * state.inflate), key=abs)
        return z

    def _burst(self, state: _State) -> int | None:
        """Start of a burst: `burst_points` consecutive same-sided points, each a noise scale and half the
        relative floor away, whose summed excess passes the floors and reaches `z_point` as a z-score of the sum
        (`_run_z`)."""
        config = self.config
        pts = self._tail(config.burst_points)
        if pts is None or not all(p.each for p in pts) or len({p.res > 0 for p in pts}) != 1:
            return None
        total = sum(p.res for p in pts)
        zsum = self._run_z(pts, state)
        if (
            abs(total) >= len(pts) * self.floor_pt
            and abs(total) >= config.min_relative * sum(abs(p.expected) for p in pts)
            and abs(zsum) >= config.z_point
        ):
            return pts[0].index
        return None

    def _level(self, state: _State) -> int | None:
        """Start of a level change: `level_points` consecutive same-sided material points whose median |z|
        reaches `z_level`, and whose summed residual reaches `z_level` x root(`level_points`) (`_run_z`: the
        same for independent noise, stricter for noise that comes in runs)."""
        m = self.config.level_points
        pts = self._tail(m) if m >= 2 else None
        if pts is None or not all(p.material for p in pts) or len({p.res > 0 for p in pts}) != 1:
            return None
        zs = sorted(abs(p.z) for p in pts)
        if (zs[(m - 1) // 2] + zs[m // 2]) / 2 < self.config.z_level:
            return None
        return pts[0].index if abs(self._run_z(pts, state)) >= self.config.z_level * math.sqrt(m) else None

    def _judge_intermittent(self, i: int, xi: float, state: _State) -> bool:
        """An intermittent series: an ON value far above the ON values seen, or an ON / OFF stretch more than
        twice the longest seen (with at least two ON stretches seen), opens an episode; zeros alone never."""
        config = self.config
        on_run, off_run = self._current_runs(i)
        if xi > 0 and state.on_count >= 3 and math.isfinite(state.on_sigma):
            sigma = max(state.on_sigma, 1e-9) * math.sqrt(1 + 3 / state.on_count)
            if self.quantum:
                sigma = max(sigma, math.log1p(0.5 * self.quantum / max(state.on_level, 1e-12)))
            z = (math.log(xi) - math.log(state.on_level)) / sigma
            self.z[i] = z
            excess = xi - state.on_level
            if z >= self.z_single and excess >= self.floor_pt and excess >= config.min_relative * state.on_level:
                self._open(i, i, +1, SOURCE_POINT, state)
                return True
        if xi > 0 and state.on_runs >= 2 and on_run >= self._unusual_run(state.longest_on, state.on_share):
            self._open(i - on_run + 1, i, +1, SOURCE_RUN, state)
            return True
        if xi == 0 and state.on_runs >= 2 and off_run >= self._unusual_run(state.longest_off, 1 - state.on_share):
            self._open(i - off_run + 1, i, -1, SOURCE_RUN, state)
            return True
        self._clean_one(i)
        self._seen(xi, i)
        return False

    def _unusual_run(self, longest: int, share: float) -> int:
        """Length from which an ON (or OFF) stretch is unusual: more than twice the longest seen, and long enough
        that a series on (off) `share` of the time would stay so by chance less than once in a thousand
        stretches (share ** length < 0.001)."""
        chance = math.ceil(math.log(_RUN_CHANCE) / math.log(share)) if 0 < share < 1 else 1
        return max(self.config.level_points, 2 * longest + 1, chance)

    def _current_runs(self, i: int) -> tuple[int, int]:
        """Length of the ON (value > 0) or OFF (zero) stretch ending at `i`, over known points and `i`."""
        on = bool(self.x[i] > 0)
        cached = self.run_cache
        if cached is not None and cached[0] == i - 1 and cached[1] == on and self.known[i - 1]:
            length = cached[2] + 1  # the stretch ending at the point before, one longer
        else:
            k = i - 1
            length = 1
            stop = max(self.reset_at, i - 4 * self.scale_window)
            while k >= stop and self.known[k] and ((self.x[k] > 0) == on):
                length += 1
                k -= 1
        self.run_cache = (i, on, length)
        return (length, 0) if on else (0, length)

    # -------------------------------------------------------------------------------------------- episodes

    def _open(self, start: int, i: int, sign: int, source: int, state: _State | None) -> None:
        """Open an episode at `start` (the judged point `i` fired a test): its points leave the history and its
        baseline is the model as it stood at `start`."""
        if start < i:
            self._set_clean(start, i, False)
        frozen = state if state is not None else (self._model(start) or self._model(i))
        assert frozen is not None
        self.episode = _Episode(start, i, sign, source, frozen)
        self.buffer.clear()
        e, dn, up = self._expect(frozen, start, i + 1)
        fin = self.finite[start : i + 1]
        self.expected[start : i + 1] = np.where(fin, e, np.nan)
        self.scale_down[start : i + 1] = np.where(fin, dn, np.nan)
        self.scale_up[start : i + 1] = np.where(fin, up, np.nan)
        if not frozen.new and not frozen.intermittent:
            with np.errstate(all="ignore"):
                res = self.x[start : i + 1] - e
                s = np.where(res > 0, up, dn)
                self.z[start : i + 1] = np.where(fin & (s > 0), res / s, self.z[start : i + 1])

    def _holding(self, ep: _Episode, xi: float, e: float, s: float) -> bool:
        """Is `xi` still on the episode's side of its baseline, outside the band it must return to?"""
        config = self.config
        st = ep.state
        if st.intermittent and ep.source == SOURCE_RUN:
            return xi > 0 if ep.sign > 0 else xi == 0
        if st.intermittent:
            if xi <= 0:
                return False
            e, s = st.on_level, max(st.on_level * (math.exp(st.on_sigma) - 1), 1e-12)
        res = xi - e
        if res == 0 or (res > 0) != (ep.sign > 0):
            return False
        z = abs(res) / s if s > 0 else math.inf
        rel = abs(res) / abs(e) if e != 0 else math.inf
        floor = self.lasting_pt if ep.source == SOURCE_LEVEL and ep.sign > 0 else self.floor_pt
        return z >= config.range_z and rel >= 0.5 * config.min_relative and abs(res) >= 0.5 * floor

    def _continue(self, ep: _Episode, i: int, e: float, dn: float, up: float) -> bool:
        """Point `i` inside episode `ep`; True when the episode ended here."""
        xi = float(self.x[i])
        self.expected[i] = e
        self.scale_down[i] = dn
        self.scale_up[i] = up
        if not math.isfinite(e):
            return False
        res = xi - e
        s = up if res > 0 else dn
        if s > 0 and not ep.state.new:
            self.z[i] = res / s
        if self._holding(ep, xi, e, up if ep.sign > 0 else dn):
            ep.last = i
            ep.quiet = 0
        else:
            ep.quiet += 1
            strong = (
                res != 0
                and (res > 0) != (ep.sign > 0)
                and not ep.state.intermittent
                and s > 0
                and abs(res) / s >= self.z_single
                and abs(res) >= self.floor_pt
                and (abs(res) / abs(e) if e else math.inf) >= self.config.min_relative
            )
            if strong or ep.quiet >= self.gap:
                # Back in the band of its baseline (or gone the other way): over, and the points since its last
                # anomalous one join the history.
                self._record(ep, ep.last + 1, Outcome.RECOVERED)
                self.episode = None
                hi = i if strong else i + 1
                if hi > ep.last + 1:
                    self._set_clean(ep.last + 1, hi, True)
                    exp = self.expected[ep.last + 1 : hi]
                    r = self._residuals(ep.last + 1, hi, exp, ep.state.mult)
                    self.resid[ep.last + 1 : hi] = r if not ep.state.intermittent else np.nan
                self.reopen = strong
                return True
        if ep.last == i and i - ep.start + 1 >= self.new_level_pts and self._settled(ep, i):
            # Lasted without returning: the new level. The level restarts from the episode's start.
            self._record(ep, i + 1, Outcome.NEW_LEVEL)
            self.episode = None
            self.reset_at = ep.start
            self.n_clean = 0
            self._set_clean(ep.start, i + 1, True)
            self.resid[ep.start : i + 1] = np.nan
            self.sigma_cache = None
            self.seen_nonzero = self.seen_nonzero or bool(np.any(self.x[ep.start : i + 1] != 0))
            return True
        return False

    def _settled(self, ep: _Episode, i: int) -> bool:
        """Has the series settled at its new level: its last half a new-level span of points (at least
        `level_points`) all within the noise of their own median? A change still on its way back or still
        ramping stays an episode."""
        k = max(self.config.level_points, -(-self.new_level_pts // 2) + 1)
        st = ep.state
        lo = max(ep.start, i + 1 - k)
        v = self.x[lo : i + 1]
        v = v[np.isfinite(v)]
        if st.intermittent or st.new or len(v) < 2:
            return True
        p = self.p[lo : i + 1][np.isfinite(self.x[lo : i + 1])]
        if st.mult:
            with np.errstate(all="ignore"):
                d = np.where(p > 0, v / p, np.nan)
            d = d[np.isfinite(d)]
            if not len(d):
                return True
            mid = float(np.median(d))
            sides = (st.down * abs(mid), st.up * abs(mid))
        else:
            d = v - p
            mid = float(np.median(d))
            sides = (st.down, st.up)
        rel = 0.5 * self.config.min_relative * abs(mid)
        lo_band = mid - max(self.config.z_level * sides[0] * st.inflate, rel, 0.5 * self.quantum)
        hi_band = mid + max(self.config.z_level * sides[1] * st.inflate, rel, 0.5 * self.quantum)
        return bool(np.all((d >= lo_band) & (d <= hi_band)))

    def _record(self, ep: _Episode, end: int | None, outcome: Outcome) -> None:
        st = ep.state
        last = ep.last
        seg = slice(ep.start, last + 1)
        self.flag[seg] = True
        self.version += 1
        if outcome is Outcome.RECOVERED:
            # A past anomaly is part of what the series does: the profile and the noise scale see it.
            self.known[seg] = self.finite[seg]
            if not st.intermittent and not st.new:
                self.resid[seg] = self._residuals(ep.start, last + 1, self.expected[seg], st.mult)
        if st.intermittent:
            base = st.on_level if ep.source != SOURCE_RUN else st.level
            low, high = 0.0, base
            if ep.source != SOURCE_RUN and math.isfinite(st.on_sigma):
                high = base * math.exp(self.config.range_z * st.on_sigma)
        else:
            base = st.level
            scale = abs(base) if st.mult else 1.0
            dn = max(st.down * scale * st.inflate, 0.5 * self.quantum, self.config.min_noise * abs(base))
            up = max(st.up * scale * st.inflate, 0.5 * self.quantum, self.config.min_noise * abs(base))
            rel = max(0.5 * self.config.min_relative * abs(base), 0.5 * self.floor_pt)
            low = base - max(self.config.range_z * dn, rel)
            high = base + max(self.config.range_z * up, rel)
            if self.nonneg:
                low = max(low, 0.0)
        new_level = None
        if outcome is Outcome.NEW_LEVEL:
            lo = max(ep.start, last + 1 - self.new_level_pts)
            v = self.x[lo : last + 1]
            p = self.p[lo : last + 1]
            if st.intermittent or st.new:
                new_level = float(np.nanmean(v))
            elif st.mult:
                with np.errstate(all="ignore"):
                    new_level = median_of(np.where(p > 0, v / p, np.nan))
            else:
                new_level = median_of(v - p)
        self.spans.append(
            Span(
                start=ep.start,
                last=last,
                end=end,
                outcome=outcome,
                sign=ep.sign,
                source=ep.source,
                baseline=float(base),
                baseline_low=float(low),
                baseline_high=float(high),
                new_level=new_level,
            )
        )


def _runs(v: FloatArray) -> tuple[list[int], list[int]]:
    """Lengths of the ON (> 0) and OFF (== 0) stretches of `v` (NaN breaks a stretch), the last one left out
    (it may still be going)."""
    state = np.where(np.isnan(v), 0, np.where(v > 0, 1, 2)).astype(np.int8)
    on_runs: list[int] = []
    off_runs: list[int] = []
    if not len(state):
        return on_runs, off_runs
    bounds = np.concatenate([[0], np.flatnonzero(np.diff(state)) + 1, [len(state)]])
    for a, b in itertools.pairwise(bounds[:-1]):  # the last stretch may still be going: left out
        if state[a] == 1:
            on_runs.append(int(b - a))
        elif state[a] == 2:
            off_runs.append(int(b - a))
    return on_runs, off_runs


def _median(o: list[float]) -> float:
    """Median of a sorted, non-empty list."""
    n = len(o)
    return (o[(n - 1) // 2] + o[n // 2]) / 2


def _nanmax(a: float, b: float) -> float:
    if not math.isfinite(a):
        return b
    if not math.isfinite(b):
        return a
    return max(a, b)


def score_series(
    series: Series, config: DetectorConfig, *, new_series_floor: float | None = None, scope_daily: float = 0.0
) -> Scores:
    """Expected value, noise band, flags and episodes of every point of `series`, each judged from the points
    before it only (see the module docstring). `new_series_floor` (money per day) is the cost at which a cost
    series that was zero until now alerts; default `config.min_impact`. A lasting rise must be worth
    `config.lasting_floor(scope_daily)` a day, `scope_daily` being the typical spend a day of the scope."""
    return _Judge(series, config, new_series_floor, scope_daily).run()
