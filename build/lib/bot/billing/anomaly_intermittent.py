"""Intermittent series (off, exactly zero, a good part of the time): zeros are normal; an ON value is judged
against the ON values seen (log scale), an ON or OFF stretch against the longest seen.

`IntermittentModel` adds to the judge's `History` whether a series is intermittent, its model at one moment,
and the lengths of its stretches.
"""

from __future__ import annotations

import itertools
import math

import numpy as np

from bot.billing.anomaly_history import History, State
from bot.billing.anomaly_model import (
    FloatArray,
    median_of,
    robust_sides,
)

#: An intermittent series is off (exactly zero) at least this share of the time (a median level would be zero,
#: or the zeros would dominate its spread).
_INTERMITTENT_ZEROS = 0.3
#: An intermittent series' ON or OFF stretch is unusual when it would happen by chance less often than this.
_RUN_CHANCE = 0.001


class IntermittentModel(History):
    """The judge's history, plus the model of a series that is off part of the time."""

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

    def _intermittent(self, c: int, lo: int, inflate: float, young: bool) -> State:
        a = max(lo, c - 4 * self.scale_window)
        v = self.x[a:c]
        known = self.known[a:c]
        on = v[known & (v > 0)]
        runs_on, runs_off = runs(np.where(known, v, np.nan))
        _down, up = robust_sides(np.log(on)) if len(on) >= 3 else (math.nan, math.nan)
        return State(
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


def runs(v: FloatArray) -> tuple[list[int], list[int]]:
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
