"""The expected value and noise band of each point, from the clean history before it: the seasonal profile in
force, the level (median of the de-seasonalised clean points, plus a capped trend for daily series), robust
noise scales below and above expected (relative for multiplicative series, apart for the low part of the
profile), the cold-start widening, a young series' noise leaning on its mature siblings' (`noise_prior`,
pooled with its own and fading at `PRIOR_DAYS`), and monthly recurring charges of cost series.

`BandModel` adds them to the judge's history (and its intermittent model, which it chooses when the series
is off part of the time).
"""

from __future__ import annotations

import math

import numpy as np

from bot.billing.anomaly_history import Band, State
from bot.billing.anomaly_intermittent import IntermittentModel
from bot.billing.anomaly_model import (
    FloatArray,
    nanmedian_rows,
    robust_sides,
)
from bot.billing.anomaly_season import MIN_CYCLES, choose, refresh

#: Sub-daily series choose their profile again every day for their first weeks, then weekly.
_SEASON_DAILY_UNTIL_DAYS = 28
#: Spread of a point's residual against the median of its six neighbours, in noise scales (white noise).
_LOCAL_NOISE = 1.10
#: Residuals the low part of a profile needs for a noise scale of its own.
_GROUP_MIN = 20
#: Profile values under this share of the mean form the "low" part, whose relative noise is estimated apart.
_LOW_PROFILE = 0.5
#: Days of its own history after which a series' noise no longer leans on its siblings' (`noise_prior`).
PRIOR_DAYS = 21


class BandModel(IntermittentModel):
    """The judge's history, plus the model of each point's expected value and noise band."""

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

    def _model(self, c: int) -> State | None:
        """The model for judging points from `c` on, from the history before `c`; None when too little."""
        lo = self.reset_at
        if c <= lo:
            return None
        if self.money and self.seen_zero and not self.seen_nonzero:
            return State(0.0, 0.0, 0.0, 1.0, True, True, groups=((0.0, 0.0), (0.0, 0.0)), new=True)
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
        age = (c - lo) / self.spd
        if self.noise_prior > 0 and age < PRIOR_DAYS:
            # A young series: its few residuals say little of its noise; its mature siblings' relative noise is a
            # prior worth `need_resid` residuals at first, fading to none at three weeks.
            k = self.need_resid * (1 - age / PRIOR_DAYS)
            prior = self.noise_prior * (1.0 if mult else abs(level))
            groups = tuple((_lean(g[0], count, k, prior), _lean(g[1], count, k, prior)) for g in groups)
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
        return State(
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

    def _expect(self, state: State, lo: int, hi: int) -> Band:
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

    def _expect_one(self, state: State, i: int) -> tuple[float, float, float]:
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


def _lean(own: float, count: int, weight: float, prior: float) -> float:
    """A noise scale that rests on `count` residuals, leaning on `prior` worth `weight` residuals (pooled
    variances); never narrower than the series' own: the prior widens a band that few residuals made too
    narrow, it does not narrow one that the series' own noise made wide."""
    if weight <= 0:
        return own
    return max(own, math.sqrt((count * own * own + weight * prior * prior) / (count + weight)))
