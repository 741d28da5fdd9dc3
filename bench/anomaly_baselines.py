"""Baseline detectors, for the benchmark only (never used by the product).

- `trackit_flags`: TrackIt's Bollinger rule as the original TrackIt applied it, per product per day: upper band =
  1.05 x mean of the previous 3 days + 3 x sqrt(sum of squared deviations of those 3 days) / 3; no lower band
  (drops are never flagged); a flag is dropped when its excess (cost - upper band) is under 5% of that day's
  whole bill, or the cost is under $20; it is kept only if the
  product is in that day's top 5 products by cost. A flag within 10% of the same day one month earlier (also
  flagged) is marked recurrent (reported, as TrackIt does, but counted like any other flag).
- `zscore_flags`: rolling z-score, |x - mean| / std over the previous `window` points >= `threshold`.

Both return boolean flags per point; the scorer groups flags into episodes the same way for every detector.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

BoolArray = npt.NDArray[np.bool_]
FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class TrackItRule:
    window: int = 3
    growth: float = 1.05
    k: float = 3.0
    min_share_of_bill: float = 0.05
    min_cost: float = 20.0
    top: int = 5
    recurrent_tolerance: float = 0.10


def trackit_band(x: FloatArray, window: int = 3, growth: float = 1.05, k: float = 3.0) -> FloatArray:
    """Upper band per point: growth x mean(prev `window`) + k x sqrt(sum of squared deviations) / window."""
    band = np.full(len(x), np.inf)
    for t in range(window, len(x)):
        prev = x[t - window : t]
        if not np.all(np.isfinite(prev)):
            continue
        mean = float(prev.mean())
        band[t] = growth * mean + k * float(np.sqrt(np.sum((prev - mean) ** 2))) / window
    return band


def trackit_flags(
    bill: Sequence[FloatArray], rule: TrackItRule | None = None, steps_per_month: int = 30
) -> tuple[list[BoolArray], list[BoolArray]]:
    """TrackIt's flags for every product of one bill (equal-length arrays): (flags, recurrent marks)."""
    rule = rule or TrackItRule()
    mat = np.vstack([np.nan_to_num(np.asarray(b, dtype=np.float64)) for b in bill])
    day_total = mat.sum(axis=0)
    # Rank of each product per day (0 = most costly); top N kept.
    order = np.argsort(-mat, axis=0, kind="stable")
    rank = np.empty_like(order)
    for t in range(mat.shape[1]):
        rank[order[:, t], t] = np.arange(mat.shape[0])
    flags: list[BoolArray] = []
    recurrent: list[BoolArray] = []
    for p in range(mat.shape[0]):
        x = np.asarray(bill[p], dtype=np.float64)
        band = trackit_band(x, rule.window, rule.growth, rule.k)
        with np.errstate(invalid="ignore"):
            excess = x - band
            f = (
                (excess > 0)
                & (excess >= rule.min_share_of_bill * day_total)
                & (x >= rule.min_cost)
                & (rank[p] < rule.top)
            )
        rec = np.zeros(len(x), dtype=bool)
        for t in np.where(f)[0]:
            m = t - steps_per_month
            if m >= 0 and f[m] and abs(x[t] - x[m]) <= rule.recurrent_tolerance * abs(x[m]):
                rec[t] = True
        flags.append(np.asarray(f, dtype=bool))
        recurrent.append(rec)
    return flags, recurrent


def zscore_flags(x: FloatArray, window: int = 14, threshold: float = 3.0) -> BoolArray:
    """Rolling z-score over the previous `window` points (both directions); NaN points are never flagged."""
    x = np.asarray(x, dtype=np.float64)
    out = np.zeros(len(x), dtype=bool)
    for t in range(window, len(x)):
        prev = x[t - window : t]
        prev = prev[np.isfinite(prev)]
        if len(prev) < max(3, window // 2) or not np.isfinite(x[t]):
            continue
        sd = float(prev.std())
        mean = float(prev.mean())
        if sd == 0:
            out[t] = x[t] != mean
        else:
            out[t] = abs(x[t] - mean) / sd >= threshold
    return out
