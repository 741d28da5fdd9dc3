"""Anomaly detection: find unusual spending early, one alert per episode, and explain it.

Pure functions over series (no Slack, no I/O except through the `BillingStore` contract in `explain` and
`series_from_store`). The pieces live in small modules; this one is the entry point others import:

- `anomaly_model`: the values (`Series`, `Unit`, `DetectorConfig`, `Scores`, `Span`) and robust statistics;
- `anomaly_season`: the seasonal profile chosen from the data (hour-of-week, hour-of-day, weekday or none);
- `anomaly_judge`: the tests and the point-by-point loop, built on `anomaly_history` (what the judge of a
  series remembers), `anomaly_intermittent` (on/off series), `anomaly_band` (expected value and noise band:
  level, noise, cold start) and `anomaly_lifecycle` (an episode's baseline frozen when it opens; over when back
  in its band, or a new level);
- `anomaly_recurring`: monthly recurring charges of cost series;
- `anomaly_episodes`: `Anomaly`, the episodes as values with kind, baseline and outcome;
- `anomaly_rootcause`: `series_from_store` and `explain` (breakdown of the excess down to the resource).

Typical use after an ingest::

    series = series_from_store(store, TimeRange(start - 60 days, end), config.dimensions, basis)
    for anomaly in detect_many(series, config, since=last_run):
        cause = explain(store, anomaly, basis=basis)
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Mapping
from datetime import datetime

import numpy as np

from bot.billing.anomaly_band import PRIOR_DAYS
from bot.billing.anomaly_episodes import Anomaly, AnomalyKind, Severity, episodes, severity_of
from bot.billing.anomaly_judge import score_series
from bot.billing.anomaly_model import DetectorConfig, Outcome, Scores, Series, Unit
from bot.billing.anomaly_rootcause import Contributor, RootCause, explain, series_from_store

__all__ = [
    "Anomaly",
    "AnomalyKind",
    "Contributor",
    "DetectorConfig",
    "Outcome",
    "RootCause",
    "Scores",
    "Series",
    "Severity",
    "Unit",
    "detect",
    "detect_many",
    "explain",
    "scope_daily",
    "series_from_store",
    "severity_of",
    "sibling_noise",
    "sibling_typical",
]


def detect(
    series: Series,
    config: DetectorConfig | None = None,
    *,
    since: datetime | None = None,
    new_series_floor: float | None = None,
    scope_daily: float = 0.0,
    noise_prior: float = 0.0,
) -> list[Anomaly]:
    """Anomaly episodes of one series, oldest first.

    The whole series is judged, each point from the points before it. Without `since`, every episode is
    returned; with `since` (the end of the data seen by the previous run), only episodes touching data from
    `since` on: new ones, ones still going on, and ones that ended since (recovered or accepted as a new
    level). `new_series_floor` is the cost per day at which a cost series that was zero until now alerts (see
    `detect_many`, which derives it from siblings); `scope_daily` the typical spend a day of the scope the series
    is a slice of (a level change must be worth `config.lasting_floor(scope_daily)` a day); `noise_prior` the
    relative noise of its mature siblings (`sibling_noise`), which a young series' band leans on.
    """
    config = config or DetectorConfig()
    scores = score_series(
        series, config, new_series_floor=new_series_floor, scope_daily=scope_daily, noise_prior=noise_prior
    )
    return episodes(series, scores, config, since=since)


#: A sibling has a say in a young series' noise once it has this many days of its own history.
MATURE_DAYS = 28
#: Judged points at the end of a mature sibling behind its relative noise.
NOISE_POINTS = 14


def age_days(series: Series) -> float:
    """Days since the series' first known non-zero point (0 when it has none)."""
    v = np.asarray(series.values, dtype=np.float64)
    on = np.flatnonzero(np.isfinite(v) & (v != 0))
    return (len(v) - int(on[0])) / series.steps_per_day if len(on) else 0.0


def relative_noise(scores: Scores) -> float | None:
    """A judged series' relative noise: the median, over its last `NOISE_POINTS` judged points, of its noise
    scale (mean of below and above) over its expected value; None when it has no such point."""
    with np.errstate(all="ignore"):
        r = (scores.scale + scores.scale_down) / 2 / scores.expected
    r = r[np.isfinite(r) & (scores.expected > 0)][-NOISE_POINTS:]
    return float(np.median(r)) if len(r) else None


def sibling_noise(
    series: Mapping[tuple[str, str], Series], scores: Mapping[tuple[str, str], Scores]
) -> dict[str, float]:
    """Per dimension, the median relative noise (`relative_noise`) of its series at least `MATURE_DAYS` old:
    what the young series of that dimension are expected to wobble by."""
    by_dimension: dict[str, list[float]] = {}
    for key, s in series.items():
        noise = relative_noise(scores[key]) if age_days(s) >= MATURE_DAYS else None
        if noise is not None:
            by_dimension.setdefault(key[0], []).append(noise)
    return {d: statistics.median(v) for d, v in by_dimension.items()}


def sibling_typical(series: Iterable[Series]) -> float:
    """Typical cost per day of a set of sibling series: median over them of their mean day with any cost."""
    means: list[float] = []
    for s in series:
        v = np.asarray(s.values, dtype=np.float64)
        v = v[np.isfinite(v) & (v != 0)]
        if len(v):
            means.append(float(v.mean()) * s.steps_per_day)
    return statistics.median(means) if means else 0.0


#: Days of the scope's total behind its typical spend a day.
SCOPE_DAYS = 28


def scope_daily(series: Mapping[tuple[str, str], Series]) -> float:
    """Typical spend a day of the scope: median of the last `SCOPE_DAYS` days of its total series (0 without
    one)."""
    total = series.get(("total", ""))
    if total is None:
        return 0.0
    v = np.asarray(total.values[-SCOPE_DAYS * total.steps_per_day :], dtype=np.float64)
    v = v[np.isfinite(v)]
    return float(np.median(v)) * total.steps_per_day if len(v) else 0.0


def detect_many(
    series: Mapping[tuple[str, str], Series],
    config: DetectorConfig | None = None,
    *,
    since: datetime | None = None,
) -> list[Anomaly]:
    """Anomalies of every series, biggest impact first.

    A series without history is judged against its siblings (the other values of the same dimension): it
    alerts when its cost per day reaches `config.new_series_sibling_share` x their typical day, and at least
    `config.min_impact`, from its first day on (no waiting for history). A young series (younger than
    `PRIOR_DAYS`) is judged again with its mature siblings' relative noise as a prior (`sibling_noise`): a
    week of its own history says little of how much it wobbles.
    """
    config = config or DetectorConfig()
    by_dimension: dict[str, list[Series]] = {}
    for (dimension, _), s in series.items():
        by_dimension.setdefault(dimension, []).append(s)
    typical = {d: sibling_typical(group) for d, group in by_dimension.items()}
    scope = scope_daily(series)
    floors = {d: max(config.money_floor, config.new_series_sibling_share * t) for d, t in typical.items()}
    scores = {
        key: score_series(s, config, new_series_floor=floors[key[0]], scope_daily=scope) for key, s in series.items()
    }
    priors = sibling_noise(series, scores)
    found: list[Anomaly] = []
    for key, s in series.items():
        prior = priors.get(key[0], 0.0)
        if prior > 0 and age_days(s) < PRIOR_DAYS:
            scores[key] = score_series(s, config, new_series_floor=floors[key[0]], scope_daily=scope, noise_prior=prior)
        found.extend(episodes(s, scores[key], config, since=since))
    found.sort(key=lambda a: (-abs(a.impact), a.start, a.dimension, a.value))
    return found
