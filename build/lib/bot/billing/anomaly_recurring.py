"""Monthly recurring charges of cost series (RI and support fees, tax): what one month earlier says about today.

Used by the judge (`anomaly_judge`) for money series only: a charge that comes back at its calendar position is
expected, and so is its absence; neither alerts.
"""

from __future__ import annotations

import functools
import math
import statistics
from calendar import monthrange
from datetime import date, timedelta

import numpy as np
import numpy.typing as npt

from bot.billing.anomaly_model import BoolArray, DetectorConfig, FloatArray, nanmedian_rows


@functools.lru_cache(maxsize=4096)
def month_back(d: date, months: int = 1) -> tuple[date, ...]:
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
    return tuple(out)


def _isolated_excess(
    x2d: FloatArray, day: int, first: int, boundary: BoolArray, before_only: bool = False
) -> FloatArray | None:
    """Excess of day `day` (per slot) over the same weekday in the weeks before AND after it (month-boundary
    days, which carry fees and tax, left out): the smaller in magnitude of the two, zero where they disagree in
    sign. A step change (level shift, stop) therefore has no excess; a one-day charge has. None without at
    least one neighbour on each side. With `before_only`, the excess over the weeks before (for month-boundary
    days, where a charge is expected, and the weeks after may already be on another level). Only ever asked
    about days at least a month before the day being judged, so the weeks after are history too."""
    before = [d for d in (day - 21, day - 14, day - 7) if first <= d and not boundary[d]]
    after = [d for d in (day + 7, day + 14, day + 21) if d < len(x2d) and not boundary[d]]
    if not before or (not after and not before_only):
        return None
    if x2d.shape[1] == 1:  # daily series: plain floats (numpy's overhead dominates on one value)
        return _isolated_excess_one(x2d, day, before, after, before_only)
    ex_before = x2d[day] - nanmedian_rows(x2d[before], axis=0)
    if before_only:
        return np.asarray(ex_before, dtype=np.float64)
    ex_after = x2d[day] - nanmedian_rows(x2d[after], axis=0)
    same = np.sign(ex_before) == np.sign(ex_after)
    smaller = np.where(np.abs(ex_before) < np.abs(ex_after), ex_before, ex_after)
    return np.asarray(np.where(same, smaller, 0.0), dtype=np.float64)


def _isolated_excess_one(
    x2d: FloatArray, day: int, before: list[int], after: list[int], before_only: bool
) -> FloatArray:
    today = float(x2d[day, 0])

    def med(days: list[int]) -> float:
        v = [float(x2d[d, 0]) for d in days if math.isfinite(x2d[d, 0])]
        return statistics.median(v) if v else math.nan

    ex_before = today - med(before)
    if before_only:
        return np.array([ex_before])
    ex_after = today - med(after)
    if not (math.isfinite(ex_before) and math.isfinite(ex_after)) or (ex_before > 0) != (ex_after > 0):
        return np.array([0.0 if math.isfinite(ex_before) and math.isfinite(ex_after) else math.nan])
    return np.array([ex_before if abs(ex_before) < abs(ex_after) else ex_after])


class MonthlyCharges:
    """Recurring charges of one cost series, asked day by day.

    A recurring charge is a significant one-day excess at the same calendar position one month earlier (for a
    month's first or last day) or in each of the two previous months (any other day). Where one exists, the
    expected value becomes whichever of "with the charge" and "without it" is closer to the actual value, so
    neither the charge nor its absence alerts. A month's first or last day with no earlier month in the data
    is left unjudged: a boundary charge cannot be told from an anomaly until seen once.
    """

    def __init__(self, x2d: FloatArray, day0: date, first_day: int, config: DetectorConfig, step_days: float):
        self.x2d = x2d
        self.day0 = day0
        self.first_day = first_day
        self.config = config
        self.floor = config.money_floor * step_days
        days = len(x2d)
        self.dates = [day0 + timedelta(days=d) for d in range(days)]
        self.boundaries = np.array([d.day == 1 or (d + timedelta(days=1)).day == 1 for d in self.dates], dtype=bool)
        self._cache: dict[int, tuple[FloatArray, FloatArray] | None] = {}
        self._on: dict[int, tuple[tuple[FloatArray, FloatArray] | None, int] | None] = {}

    def _charge(self, position: date) -> tuple[FloatArray, FloatArray] | None:
        """(charge in money, charge relative to that day's normal) per slot at `position`, or None."""
        pd = (position - self.day0).days
        if pd < self.first_day:
            return None
        if pd not in self._cache:
            self._cache[pd] = self._charge_at(pd)
        return self._cache[pd]

    def _charge_at(self, pd: int) -> tuple[FloatArray, FloatArray] | None:
        excess = _isolated_excess(self.x2d, pd, self.first_day, self.boundaries, before_only=bool(self.boundaries[pd]))
        if excess is None:
            return None
        ref = self.x2d[pd] - excess
        significant = (np.abs(excess) >= self.floor) & (np.abs(excess) >= self.config.min_relative * np.abs(ref))
        keep = significant & np.isfinite(excess)
        with np.errstate(all="ignore"):
            rel = np.where(keep & (ref > 0), excess / ref, 0.0)
        return np.where(keep, excess, 0.0), rel

    def adjust(
        self, d: int, base: FloatArray, scale: FloatArray, slots: npt.NDArray[np.int64]
    ) -> tuple[FloatArray, FloatArray] | None:
        """Expected values and scales of `slots` of day `d` given the model's `base` and `scale` for them:
        unchanged without a recurring charge, adjusted with one, None when the day cannot be judged yet."""
        found = self.charge_on(d)
        if found is None:
            return None
        best, best_at = found
        if best is None or not np.any(best[0][slots] != 0):
            return base, scale
        return self._with_charge(d, best, best_at, base, scale, slots)

    def charge_on(self, d: int) -> tuple[tuple[FloatArray, FloatArray] | None, int] | None:
        """The recurring charge day `d` may carry (per slot: money, share of normal) and the day it was seen
        on; (None, d) without one; None when the day cannot be judged yet. Depends on the data only: cached."""
        if d not in self._on:
            self._on[d] = self._find_charge(d)
        return self._on[d]

    def _find_charge(self, d: int) -> tuple[tuple[FloatArray, FloatArray] | None, int] | None:
        if d <= self.first_day:
            return None, d
        today = self.dates[d]
        boundary = bool(self.boundaries[d])
        best: tuple[FloatArray, FloatArray] | None = None
        best_at = d
        seen = False
        for back in month_back(today):
            c1 = self._charge(back)
            if c1 is None:
                continue
            seen = True
            if not boundary:
                older = month_back(back)
                c2 = self._charge(older[0]) if older else None
                if c2 is None:
                    continue
                agree = np.sign(c1[0]) == np.sign(c2[0])
                c1 = (np.where(agree, c1[0], 0.0), np.where(agree, c1[1], 0.0))
            if best is None or np.abs(c1[0]).sum() > np.abs(best[0]).sum():
                best = c1
                best_at = (back - self.day0).days
        if boundary and not seen:
            return None
        if best is not None and not np.any(best[0] != 0):
            best = None
        return best, best_at

    def _with_charge(  # noqa: PLR0917 - private helper of `adjust`, called once
        self,
        d: int,
        best: tuple[FloatArray, FloatArray],
        best_at: int,
        base: FloatArray,
        scale: FloatArray,
        slots: npt.NDArray[np.int64],
    ) -> tuple[FloatArray, FloatArray]:
        today = self.dates[d]
        boundary = bool(self.boundaries[d])
        x2d = self.x2d
        charge, share = best[0][slots], best[1][slots]
        # Last month's charge may have been inflated by an anomaly at that very day: the month before offers
        # its own explanation too.
        extra: list[FloatArray] = []
        if boundary:
            for back2 in month_back(today, 2):
                c_old = self._charge(back2)
                if c_old is not None and np.any(c_old[0][slots] != 0):
                    extra.append(np.maximum(base + c_old[0][slots], 0.0))
        # Fixed fees repeat their amount; tax follows spend: scale last month's charge by the weeks before.
        spend_now = float(np.nansum(x2d[max(0, d - 28) : d]))
        spend_then = float(np.nansum(x2d[max(0, best_at - 28) : best_at]))
        ratio = spend_now / spend_then if spend_then > 0 and spend_now > 0 else 1.0
        candidates = [
            base,
            np.maximum(base + charge, 0.0),
            np.maximum(base * (1 + share), 0.0),
            np.maximum(base + charge * ratio, 0.0),
            *extra,
        ]
        errors = np.vstack([np.abs(x2d[d, slots] - c) for c in candidates])
        errors = np.where(np.isfinite(errors), errors, np.inf)
        chosen = np.choose(np.argmin(errors, axis=0), candidates)
        expected = np.where(np.isfinite(chosen), chosen, base)
        # A charge's amount is known only roughly (tax follows a month of spend): widen the band.
        return expected, scale + 0.3 * np.abs(expected - base)
