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

A point is flagged by a single-point test (for daily money series, a rise under the one-day floor too, when
it is worth the monthly floor if it lasts: `SOURCE_RISE`), a burst test (sub-daily: several same-sided points
whose summed excess is significant) or a level test (several same-sided material points whose median z
passes `z_level`). A flag opens an episode whose baseline is frozen at the model as it stood before the episode; the
episode's points stay out of the level's history, so the model cannot learn the anomaly as normal. The
episode ends when the series is back in the band of that baseline for `gap_points` points ("recovered"; its
points then join the history of the profile and of the noise scale, so a pattern that keeps coming back
becomes normal), or, when the change has lasted `new_level_points` without returning, is accepted as the new
level: the episode ends there, saying so, and the level restarts from the episode's start.

The parts live in modules of their own, each building on the one before: `anomaly_history` (the state kept),
`anomaly_intermittent` (on/off series), `anomaly_band` (expected value and noise band), `anomaly_lifecycle`
(an episode from its opening to its end); this module holds the tests and the point-by-point loop.
"""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np

from bot.billing.anomaly_history import Band, JudgedPoint, State
from bot.billing.anomaly_lifecycle import EpisodeLifecycle
from bot.billing.anomaly_model import (
    DAY,
    SOURCE_BURST,
    SOURCE_LEVEL,
    SOURCE_NEW,
    SOURCE_POINT,
    SOURCE_RISE,
    SOURCE_RUN,
    DetectorConfig,
    Outcome,
    Scores,
    Series,
    Unit,
    nanmedian_rows,
)

#: Sub-daily series this long (days) are also judged on their daily levels, for changes slower than a day.
_SLOW_MIN_DAYS = 14


class _Judge(EpisodeLifecycle):
    """Judges every point of one series, from its past only (see the module docstring)."""

    def run(self) -> Scores:
        n = self.n
        state: State | None = None
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

    def _quiet_chunk(self, state: State, lo: int, hi: int, band: Band) -> bool:
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
                    JudgedPoint(
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

    def _judge(  # noqa: PLR0917 - private, called once per point from `run` (a dataclass would cost a point's time)
        self, i: int, xi: float, e: float, dn: float, up: float, state: State
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
        self.buffer.append(JudgedPoint(i, res, norm, e, s, z, lasting, each))
        sign = 1 if res > 0 else -1
        if material and abs(z) >= self.z_single:
            self._open(i, i, sign, SOURCE_POINT, None)
            return True
        if self.daily and res > 0 and lasting and z >= self.z_single and not state.fresh_type:
            # A day's rise under the one-day floor but worth the monthly one if it lasts, as far outside the band
            # as a single point must be: told on its first day, by what it costs a month if it lasts. (Sub-daily
            # series: an hour is no day; their daily levels are judged by `_slow_changes`.)
            self._open(i, i, sign, SOURCE_RISE, None)
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

    def _tail(self, k: int) -> list[JudgedPoint] | None:
        """The last `k` judged points, when they are consecutive."""
        if len(self.buffer) < k:
            return None
        pts = list(self.buffer)[-k:]
        return pts if pts[-1].index - pts[0].index == k - 1 else None

    def _run_z(self, pts: list[JudgedPoint], state: State) -> float:
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

    def _burst(self, state: State) -> int | None:
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

    def _level(self, state: State) -> int | None:
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

    def _judge_intermittent(self, i: int, xi: float, state: State) -> bool:
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


def score_series(
    series: Series,
    config: DetectorConfig,
    *,
    new_series_floor: float | None = None,
    scope_daily: float = 0.0,
    noise_prior: float = 0.0,
) -> Scores:
    """Expected value, noise band, flags and episodes of every point of `series`, each judged from the points
    before it only (see the module docstring). `new_series_floor` (money per day) is the cost at which a cost
    series that was zero until now alerts; default `config.min_impact`. A lasting rise must be worth
    `config.lasting_floor(scope_daily)` a day, `scope_daily` being the typical spend a day of the scope.
    `noise_prior` (relative, e.g. 0.05) is the noise of the series' mature siblings: while the series is younger
    than `anomaly_band.PRIOR_DAYS`, its band leans on it (never narrower than its own)."""
    return _Judge(series, config, new_series_floor, scope_daily, noise_prior).run()
