"""Episodes: consecutive anomalous points of one series folded into one `Anomaly` (one alert, updated while it
lasts), with its kind, impact, severity and score."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

import numpy as np

from bot.billing.anomaly_model import SOURCE_LEVEL, SOURCE_NEW, DetectorConfig, Scores, Series


class AnomalyKind(StrEnum):
    SPIKE = "spike"  # short increase that went back to normal
    LEVEL_SHIFT = "level-shift"  # sustained step up
    DRIFT = "drift"  # gradual increase first seen by the level test
    DROP = "drop"  # decrease
    STOP = "stop"  # the series went to zero
    NEW = "new"  # a series with no history started at a material cost


class Severity(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"


@dataclass(frozen=True)
class Anomaly:
    """One episode of unusual cost on one slice of the bill.

    `start` is the first anomalous point; `end` the end (exclusive) of the last one once the episode is over,
    None while it lasts. `actual`, `expected`, `expected_low`/`expected_high` are sums over the anomalous
    points; `impact = actual - expected` (money, negative for drops) and `impact_pct` its share of expected
    (None when nothing was expected). `score` is the strongest robust z-score seen; `peak` its point.
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


def severity_of(impact: float, impact_pct: float | None, config: DetectorConfig) -> Severity:
    """Severity from money first (what a FinOps team triages by), then size relative to normal."""
    unit = max(config.min_impact, 1e-9) if config.min_impact > 0 else None
    money = abs(impact) / unit if unit else None
    pct = abs(impact_pct) if impact_pct is not None else float("inf")
    if money is None:
        return (
            Severity.CRITICAL
            if pct >= 200
            else Severity.HIGH
            if pct >= 100
            else Severity.MEDIUM
            if pct >= 50
            else Severity.LOW
        )
    if money >= 50 and pct >= 50:
        return Severity.CRITICAL
    if money >= 10 and pct >= 25:
        return Severity.HIGH
    if money >= 3:
        return Severity.MEDIUM
    return Severity.LOW


def episodes(series: Series, scores: Scores, config: DetectorConfig, *, since: datetime | None = None) -> list[Anomaly]:
    """Fold flagged points into episodes: flags of the same direction closer than `config.merge_gap` merge.

    With `since`, only episodes that touch data from `since` on are returned (ongoing at `since`, or with a
    flag at or after it); an episode is over (`end` set) once `merge_gap` of judged, quiet points followed it.
    Episodes whose total excess is under `config.min_impact` are dropped.
    """
    x = np.asarray(series.values, dtype=np.float64)
    flagged = np.where(scores.flag)[0]
    if len(flagged) == 0:
        return []
    gap = max(1, config.merge_gap // series.step)
    residual = x - scores.expected
    groups: list[list[int]] = [[int(flagged[0])]]
    for i in flagged[1:]:
        prev = groups[-1][-1]
        if i - prev <= gap and np.sign(residual[i]) == np.sign(residual[prev]):
            groups[-1].append(int(i))
        else:
            groups.append([int(i)])
    n = len(x)
    out: list[Anomaly] = []
    for g in groups:
        idx = np.asarray(g)
        last = int(idx[-1])
        over = last + gap < n
        end = series.timestamp(last + 1) if over else None
        if since is not None and over and series.timestamp(last + 1) < since and series.timestamp(last) < since:
            continue
        anomaly = _episode(series, scores, config, idx, end)
        if anomaly is not None:
            out.append(anomaly)
    return out


def _episode(
    series: Series, scores: Scores, config: DetectorConfig, idx: np.ndarray, end: datetime | None
) -> Anomaly | None:
    x = np.asarray(series.values, dtype=np.float64)[idx]
    exp = scores.expected[idx]
    sc = scores.scale[idx]
    actual = float(np.sum(x))
    expected = float(np.sum(exp))
    impact = actual - expected
    if abs(impact) < config.min_impact:
        return None
    impact_pct = impact / expected * 100.0 if expected > 0 else None
    z = scores.z[idx]
    peak_i = int(np.argmax(np.abs(z)))
    src = scores.source[idx]
    if (src == SOURCE_NEW).any():
        kind = AnomalyKind.NEW
    elif impact < 0:
        kind = AnomalyKind.STOP if np.all(np.abs(x) <= 0.01 * np.maximum(exp, 1e-9)) else AnomalyKind.DROP
    elif end is not None and len(idx) <= max(3, series.steps_per_day // 4):
        kind = AnomalyKind.SPIKE
    elif src[0] == SOURCE_LEVEL and len(idx) >= 3 and x[-1] > x[0]:
        kind = AnomalyKind.DRIFT
    else:
        kind = AnomalyKind.LEVEL_SHIFT
    return Anomaly(
        dimension=series.dimension,
        value=series.value,
        kind=kind,
        start=series.timestamp(int(idx[0])),
        end=end,
        last_seen=series.timestamp(int(idx[-1]) + 1),
        actual=actual,
        expected=expected,
        expected_low=float(np.sum(np.maximum(exp - config.range_z * sc, 0.0))),
        expected_high=float(np.sum(exp + config.range_z * sc)),
        impact=impact,
        impact_pct=impact_pct,
        severity=severity_of(impact, impact_pct, config),
        score=float(abs(z[peak_i])),
        peak=series.timestamp(int(idx[peak_i])),
        points=len(idx),
    )
