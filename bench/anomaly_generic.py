"""Generic labelled metric series for the anomaly benchmark: the shapes `trackit anomalies detect` is asked about
that cost bills do not have.

A separate generator from the cost bills of `bench/anomaly_data.py`, written from the failure modes reported
against real metrics, and never used to choose the detector's settings (report only). Each family has clean
series (false episodes per series) and series with labelled events:

- `5min-14d`: 14 days of 5-minute traffic (office-hours rhythm, weekend dip, autocorrelated noise);
- `counts`: hourly small counts (Poisson, mean 0.3 to 6, daily rhythm) over 5 weeks;
- `hour-of-week`: 8 weeks of hourly demand whose weekends have their own daily shape (taxi-like);
- `intermittent`: hourly on/off usage (batch jobs a few hours on some days, zero otherwise) over 6 weeks;
- `flat-integer`: 30 days of 10-minute integer readings that sit on one value with rare +-1;
- `cpu`: 10 days of 5-minute CPU percent (3% to 30%, daily rhythm, bounded at 100);
- `daily-young`: 30 days of daily values (weekday rhythm), the event on day 9 (cold start).

Events are material by construction (a person looking at the chart would call them out): spikes of x4 to x16
over 1-3 hours, level shifts of +50% to +150% and drops of -50% or more for a day or longer, outages to zero,
an intermittent job that stays on for a day, a flat series jumping by several units.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import numpy as np

from bench.anomaly_data import Event, Labelled
from bot.billing.anomaly_model import Series

START = datetime(2024, 3, 4, tzinfo=UTC)  # a Monday

Generator = Callable[[np.random.Generator, bool], tuple[np.ndarray, timedelta, tuple[Event, ...]]]


def _ar1(rng: np.random.Generator, n: int, phi: float, sigma: float) -> np.ndarray:
    """Autocorrelated Gaussian noise with stationary standard deviation `sigma`."""
    e = rng.normal(0, sigma * np.sqrt(1 - phi**2), n)
    out = np.empty(n)
    acc = rng.normal(0, sigma)
    for i in range(n):
        acc = phi * acc + e[i]
        out[i] = acc
    return out


def _hours(n: int, step: timedelta) -> np.ndarray:
    return (np.arange(n) * (step / timedelta(hours=1))) % 24


def _weekday(n: int, step: timedelta) -> np.ndarray:
    return (START.weekday() + (np.arange(n) * step) // timedelta(days=1)) % 7


def _event_at(rng: np.random.Generator, n: int, lo_frac: float = 0.45, hi_frac: float = 0.85) -> int:
    return int(rng.integers(int(n * lo_frac), int(n * hi_frac)))


def five_minute(rng: np.random.Generator, anomalous: bool) -> tuple[np.ndarray, timedelta, tuple[Event, ...]]:
    step = timedelta(minutes=5)
    n = 14 * 288
    h = _hours(n, step)
    wd = _weekday(n, step)
    office = 1 + rng.uniform(0.5, 2.0) * np.clip(np.sin((h - 7) / 12 * np.pi), 0, None)
    weekend = np.where(wd >= 5, rng.uniform(0.5, 0.8), 1.0)
    x = rng.uniform(50, 500) * office * weekend * np.exp(_ar1(rng, n, 0.8, 0.08))
    events: list[Event] = []
    if anomalous:
        at = _event_at(rng, n)
        kind = rng.choice(["spike", "shift", "outage"])
        if kind == "spike":
            length = int(rng.integers(12, 37))
            x[at : at + length] *= rng.uniform(4, 10)
            events.append(Event("spike", at, at + length))
        elif kind == "shift":
            x[at:] *= rng.uniform(1.6, 2.5)
            events.append(Event("level-shift", at, at + 288))
        else:
            length = int(rng.integers(12, 48))
            x[at : at + length] = 0.0
            events.append(Event("stop", at, at + length))
    return x, step, tuple(events)


def counts(rng: np.random.Generator, anomalous: bool) -> tuple[np.ndarray, timedelta, tuple[Event, ...]]:
    step = timedelta(hours=1)
    n = 35 * 24
    h = _hours(n, step)
    rate = rng.uniform(0.3, 6.0) * (1 + 0.8 * np.sin((h - 9) / 24 * 2 * np.pi))
    events: list[Event] = []
    if anomalous:
        at = _event_at(rng, n)
        length = int(rng.integers(2, 5))
        rate = rate.copy()
        rate[at : at + length] = np.maximum(rate[at : at + length], 1.0) * rng.uniform(8, 16)
        events.append(Event("spike", at, at + length))
    return rng.poisson(rate).astype(float), step, tuple(events)


def hour_of_week(rng: np.random.Generator, anomalous: bool) -> tuple[np.ndarray, timedelta, tuple[Event, ...]]:
    step = timedelta(hours=1)
    n = 8 * 168
    h = _hours(n, step)
    wd = _weekday(n, step)
    rush = np.exp(-((h - 8.5) ** 2) / 3) + 1.2 * np.exp(-((h - 18) ** 2) / 4)
    night_out = np.exp(-(((h - 1) % 24 - 0) ** 2) / 6) + np.exp(-((h - 23) ** 2) / 4)
    shape = np.where(wd >= 5, 0.4 + 1.2 * night_out + 0.5 * np.exp(-((h - 14) ** 2) / 10), 0.3 + rush)
    x = rng.uniform(1000, 20000) * shape * np.exp(_ar1(rng, n, 0.5, 0.06))
    events: list[Event] = []
    if anomalous:
        at = _event_at(rng, n)
        if rng.random() < 0.5:
            length = int(rng.integers(3, 8))
            x[at : at + length] *= rng.uniform(2.5, 4.0)
            events.append(Event("spike", at, at + length))
        else:
            length = int(rng.integers(8, 30))
            x[at : at + length] *= rng.uniform(0.15, 0.4)
            events.append(Event("drop", at, at + length))
    return x, step, tuple(events)


def intermittent(rng: np.random.Generator, anomalous: bool) -> tuple[np.ndarray, timedelta, tuple[Event, ...]]:
    step = timedelta(hours=1)
    n = 42 * 24
    x = np.zeros(n)
    level = rng.uniform(5, 200)
    for day in range(42):
        if rng.random() < 0.6:
            at = day * 24 + int(rng.integers(0, 21))
            x[at : at + int(rng.integers(1, 4))] = level * np.exp(rng.normal(0, 0.2))
    events: list[Event] = []
    if anomalous:
        at = _event_at(rng, n)
        if rng.random() < 0.5:
            x[at : at + 2] = level * rng.uniform(5, 10)
            events.append(Event("spike", at, at + 2))
        else:
            x[at : at + 30] = level * np.exp(rng.normal(0, 0.2, 30))
            events.append(Event("stuck-on", at, at + 30))
    return x, step, tuple(events)


def flat_integer(rng: np.random.Generator, anomalous: bool) -> tuple[np.ndarray, timedelta, tuple[Event, ...]]:
    step = timedelta(minutes=10)
    n = 30 * 144
    base = int(rng.integers(3, 40))
    noise = rng.choice([-1, 0, 1], size=n, p=[0.02, 0.96, 0.02])
    x = (base + noise).astype(float)
    events: list[Event] = []
    if anomalous:
        at = _event_at(rng, n)
        jump = max(4, round(base * rng.uniform(0.5, 1.0)))
        sign = 1 if rng.random() < 0.6 or base - jump < 0 else -1
        x[at:] += sign * jump
        events.append(Event("level-shift", at, at + 144))
    return x, step, tuple(events)


def cpu(rng: np.random.Generator, anomalous: bool) -> tuple[np.ndarray, timedelta, tuple[Event, ...]]:
    step = timedelta(minutes=5)
    n = 10 * 288
    h = _hours(n, step)
    base = rng.uniform(3, 12) * (1 + rng.uniform(0.3, 1.5) * np.clip(np.sin((h - 8) / 14 * np.pi), 0, None))
    x = base * np.exp(_ar1(rng, n, 0.7, 0.12)) + rng.exponential(0.3, n)
    events: list[Event] = []
    if anomalous:
        at = _event_at(rng, n, 0.3, 0.9)
        if rng.random() < 0.6:
            x[at : at + 36] = np.minimum(x[at : at + 36] * 16, 100.0)
            events.append(Event("spike", at, at + 36))
        else:
            x[at:] = np.minimum(x[at:] * rng.uniform(1.8, 3.0), 100.0)
            events.append(Event("level-shift", at, at + 288))
    return np.round(np.clip(x, 0, 100), 1), step, tuple(events)


def daily_young(rng: np.random.Generator, anomalous: bool) -> tuple[np.ndarray, timedelta, tuple[Event, ...]]:
    step = timedelta(days=1)
    n = 30
    wd = _weekday(n, step)
    x = rng.uniform(20, 5000) * np.where(wd >= 5, rng.uniform(0.6, 1.0), 1.0) * np.exp(rng.normal(0, 0.05, n))
    events: list[Event] = []
    if anomalous:
        at = 8  # day 9
        x[at:] *= rng.uniform(1.5, 2.0)
        events.append(Event("level-shift", at, at + 7))
    return x, step, tuple(events)


FAMILIES: dict[str, Generator] = {
    "5min-14d": five_minute,
    "counts": counts,
    "hour-of-week": hour_of_week,
    "intermittent": intermittent,
    "flat-integer": flat_integer,
    "cpu": cpu,
    "daily-young": daily_young,
}


def generate_family(name: str, seed: int, clean: int, anomalous: int) -> list[Labelled]:
    """`clean` series without events and `anomalous` ones with one labelled event each."""
    rng = np.random.default_rng(seed)
    out: list[Labelled] = []
    for k in range(clean + anomalous):
        x, step, events = FAMILIES[name](rng, k >= clean)
        label = f"{name}/{'clean' if k < clean else 'event'}-{k:03d}"
        series = Series(START, step, tuple(float(v) for v in x), "metric", label)
        out.append(Labelled(label, label, series, events))
    return out
