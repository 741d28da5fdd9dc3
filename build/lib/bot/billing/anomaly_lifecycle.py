"""An episode from its opening to its end: its baseline frozen at the model as it stood before it, its points
kept out of the level's history; over when back in the band of that baseline for `gap_points` points
("recovered": its points join the history of the profile and of the noise scale), or, when the change has
lasted `new_level_points` and settled, accepted as the new level (the level restarts from its start).

`EpisodeLifecycle` adds this to the judge's band model; `_record` turns an episode into the `Span` reported.
"""

from __future__ import annotations

import math

import numpy as np

from bot.billing.anomaly_band import BandModel
from bot.billing.anomaly_history import OpenEpisode, State
from bot.billing.anomaly_model import (
    SOURCE_LEVEL,
    SOURCE_RISE,
    SOURCE_RUN,
    Outcome,
    Span,
    median_of,
)


class EpisodeLifecycle(BandModel):
    """The judge's band model, plus the life of its open episode."""

    def _open(self, start: int, i: int, sign: int, source: int, state: State | None) -> None:
        """Open an episode at `start` (the judged point `i` fired a test): its points leave the history and its
        baseline is the model as it stood at `start`."""
        if start < i:
            self._set_clean(start, i, False)
        frozen = state if state is not None else (self._model(start) or self._model(i))
        assert frozen is not None
        self.episode = OpenEpisode(start, i, sign, source, frozen)
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

    def _holding(self, ep: OpenEpisode, xi: float, e: float, s: float) -> bool:
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
        floor = self.lasting_pt if ep.source in (SOURCE_LEVEL, SOURCE_RISE) and ep.sign > 0 else self.floor_pt
        return z >= config.range_z and rel >= 0.5 * config.min_relative and abs(res) >= 0.5 * floor

    def _continue(self, ep: OpenEpisode, i: int, e: float, dn: float, up: float) -> bool:
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

    def _settled(self, ep: OpenEpisode, i: int) -> bool:
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

    def _record(self, ep: OpenEpisode, end: int | None, outcome: Outcome) -> None:
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
