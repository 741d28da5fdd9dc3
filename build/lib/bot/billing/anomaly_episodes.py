"""Episodes: the judge's spans of one series turned into `Anomaly` values (one alert, updated while it lasts),
with their kind, baseline, outcome, impact, severity and score."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

import numpy as np

from bot.billing.anomaly_model import (
    DAY,
    DAYS_PER_MONTH,
    SOURCE_LEVEL,
    SOURCE_NEW,
    SOURCE_RISE,
    DetectorConfig,
    Outcome,
    Scores,
    Series,
    Span,
    Unit,
)


class AnomalyKind(StrEnum):
    SPIKE = "spike"  # short increase that went back to its baseline
    LEVEL_SHIFT = "level-shift"  # sustained step up
    DRIFT = "drift"  # gradual increase first seen by the level test
    DROP = "drop"  # decrease
    STOP = "stop"  # the series went to zero
    NEW = "new"  # a cost series with no history started at a material cost


class Severity(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"


#: Points before an episode an increase must top to be called a spike (not a spike on a day lower than the
#: days before it).
SPIKE_LOOKBACK = 5


@dataclass(frozen=True)
class Anomaly:
    """One episode of unusual values on one slice of the bill (or one metric).

    `start` is the first anomalous point; `last_seen` the end of the last anomalous point. `end` is None while
    the episode lasts; once over, `outcome` says how: RECOVERED (back in the band of its baseline: `end` is the
    end of the last anomalous point) or NEW_LEVEL (the change lasted `new_level_after` without returning: `end`
    is when it was accepted as the series' new level, `new_level` that level per point). `baseline` is the
    pre-anomaly level per point the episode is judged against (frozen when it opened; `step` says the point's
    length) and `baseline_low .. baseline_high` the band the series must return to for "back to normal".

    `actual`, `expected`, `expected_low`/`expected_high` are sums over the anomalous points (start .. last
    anomalous point); `impact = actual - expected` (money for cost series, negative for decreases) and
    `impact_pct` its share of expected (None when nothing was expected). `score` is the strongest robust
    z-score seen; `peak` its point. `season` names the seasonal profile the series was judged with.
    """

    dimension: str
    value: str
    kind: AnomalyKind
    start: datetime
    end: datetime | None
    last_seen: datetime
    actual: float
    expected: float
    expected_low: float
    expected_high: float
    impact: float
    impact_pct: float | None
    severity: Severity
    score: float
    peak: datetime
    points: int
    outcome: Outcome = Outcome.ONGOING
    baseline: float = 0.0
    baseline_low: float = 0.0
    baseline_high: float = 0.0
    new_level: float | None = None
    new_level_after: timedelta = timedelta(days=7)
    step: timedelta = DAY
    unit: Unit = Unit.MONEY
    season: str = "none"
    #: A rise told on its first days, before the level test could confirm it, while it goes on: what it would
    #: cost a month if it lasts (its excess a day so far, over a month). None otherwise.
    monthly_if_lasting: float | None = None

    @property
    def ongoing(self) -> bool:
        return self.end is None

    @property
    def direction(self) -> str:
        return "up" if self.impact >= 0 else "down"

    @property
    def key(self) -> str:
        """Stable identity of the episode across runs (for updating one alert instead of posting a new one)."""
        return f"{self.dimension}={self.value}@{self.start.isoformat()}"

    @property
    def window_end(self) -> datetime:
        """End of the anomalous window: `end`, or the end of the last anomalous point while ongoing."""
        return self.end or self.last_seen

    @property
    def back_to_normal(self) -> bool:
        """True only when the series returned to the band of its pre-anomaly baseline (never for a new level)."""
        return self.outcome is Outcome.RECOVERED


def severity_of(impact: float, impact_pct: float | None, config: DetectorConfig) -> Severity:
    """Severity from money first for cost series (what a FinOps team triages by), then size relative to
    normal; other metrics by relative size alone."""
    floor = config.money_floor
    money = abs(impact) / floor if floor > 0 else None
    pct = abs(impact_pct) if impact_pct is not None else float("inf")
    if money is None:
        if pct >= 200:
            return Severity.CRITICAL
        if pct >= 100:
            return Severity.HIGH
        if pct >= 50:
            return Severity.MEDIUM
        return Severity.LOW
    if money >= 50 and pct >= 50:
        return Severity.CRITICAL
    if money >= 10 and pct >= 25:
        return Severity.HIGH
    if money >= 3:
        return Severity.MEDIUM
    return Severity.LOW


def episodes(series: Series, scores: Scores, config: DetectorConfig, *, since: datetime | None = None) -> list[Anomaly]:
    """The judge's episodes of `series` as anomalies, oldest first.

    With `since`, only episodes that touch data from `since` on are returned (ongoing, or ended at or after
    it). Cost episodes whose total excess is under `config.min_impact` are dropped.
    """
    out: list[Anomaly] = []
    for span in scores.spans:
        if since is not None and span.end is not None and series.timestamp(span.end) < since:
            continue
        anomaly = _episode(series, scores, config, span)
        if anomaly is not None:
            out.append(anomaly)
    return out


def kind_of(series: Series, scores: Scores, span: Span, level_points: int = 3) -> AnomalyKind:
    """What an episode is: new, stop or drop (down); spike (an increase back to its baseline within three
    points or a day, or still going for fewer than `level_points` points after a point or burst test, and
    above the median of the points just before it); drift (gradual increase seen by the level test); else
    level shift."""
    x = np.asarray(series.values, dtype=np.float64)
    seg = x[span.start : span.last + 1]
    exp = scores.expected[span.start : span.last + 1]
    ok = np.isfinite(seg)
    if span.source == SOURCE_NEW:
        return AnomalyKind.NEW
    if span.sign < 0:
        if np.all(np.abs(seg[ok]) <= 0.01 * np.maximum(np.abs(np.nan_to_num(exp[ok])), 1e-9)):
            return AnomalyKind.STOP
        return AnomalyKind.DROP
    length = span.last - span.start + 1
    short = length <= max(3, series.steps_per_day)  # three days at most, or a day of a sub-daily series
    before = x[max(0, span.start - SPIKE_LOOKBACK) : span.start]
    before = before[np.isfinite(before)]
    above_recent = not len(before) or float(np.nanmax(seg)) > float(np.median(before))
    # Still going after `level_points` points, it may as well be a level shift: called one until it is over.
    ended_or_brief = span.outcome is Outcome.RECOVERED or (span.source != SOURCE_LEVEL and length < level_points)
    if short and span.outcome is not Outcome.NEW_LEVEL and above_recent and ended_or_brief:
        return AnomalyKind.SPIKE
    if span.source == SOURCE_LEVEL and length >= 3 and _ramps(seg[ok] - np.nan_to_num(exp[ok])):
        return AnomalyKind.DRIFT
    return AnomalyKind.LEVEL_SHIFT


def _ramps(excess: np.ndarray) -> bool:
    """The excess grows along the episode: its last third is well above its first third, and it ends higher."""
    k = max(1, len(excess) // 3)
    first, last = float(np.median(excess[:k])), float(np.median(excess[-k:]))
    return last >= 1.5 * first and excess[-1] > excess[0]


def _episode(series: Series, scores: Scores, config: DetectorConfig, span: Span) -> Anomaly | None:
    sl = slice(span.start, span.last + 1)
    x = np.asarray(series.values, dtype=np.float64)[sl]
    exp = scores.expected[sl]
    ok = np.isfinite(x) & np.isfinite(exp)
    if not ok.any():
        return None
    up, dn = np.nan_to_num(scores.scale[sl][ok]), np.nan_to_num(scores.scale_down[sl][ok])
    x, exp, z = x[ok], exp[ok], np.nan_to_num(scores.z[sl][ok])
    actual = float(np.sum(x))
    expected = float(np.sum(exp))
    impact = actual - expected
    rise = span.source == SOURCE_RISE
    if config.unit.is_money and abs(impact) < config.min_impact and not rise:
        return None  # a rise was judged by its month by the judge
    impact_pct = impact / expected * 100.0 if expected > 0 else None
    peak_i = int(np.argmax(np.abs(z)))
    peak = span.start + int(np.flatnonzero(ok)[peak_i])
    nonneg = bool(np.all(np.asarray(series.values)[span.start : span.last + 1][ok] >= 0))
    low = exp - config.range_z * dn
    return Anomaly(
        dimension=series.dimension,
        value=series.value,
        kind=kind_of(series, scores, span, config.level_points),
        start=series.timestamp(span.start),
        end=None if span.end is None else series.timestamp(span.end),
        last_seen=series.timestamp(span.last + 1),
        actual=actual,
        expected=expected,
        expected_low=float(np.sum(np.maximum(low, 0.0) if nonneg else low)),
        expected_high=float(np.sum(exp + config.range_z * up)),
        impact=impact,
        impact_pct=impact_pct,
        severity=severity_of(impact, impact_pct, config),
        score=float(min(abs(z[peak_i]), 999.0)),
        peak=series.timestamp(peak),
        points=int(ok.sum()),
        outcome=span.outcome,
        baseline=span.baseline,
        baseline_low=span.baseline_low,
        baseline_high=span.baseline_high,
        new_level=span.new_level,
        new_level_after=(
            series.step * (span.end - span.start)
            if span.outcome is Outcome.NEW_LEVEL and span.end is not None
            else series.step * config.new_level_points(series.step)
        ),
        step=series.step,
        unit=config.unit,
        season=scores.season,
        monthly_if_lasting=(
            impact / (len(x) * series.step / DAY) * DAYS_PER_MONTH if rise and span.outcome is Outcome.ONGOING else None
        ),
    )
