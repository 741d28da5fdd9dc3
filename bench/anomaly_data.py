"""Labelled benchmark data for anomaly detectors: generated cost bills and the real Microsoft labelled series.

Generated data imitates AWS bills: each bill has several services (series) of very different sizes with weekday
seasonality, growth, multiplicative noise with occasional small blips, month-start fees (RI, support) and a
month-end tax line. Anomalies of each kind (spike, level shift, drift, drop, stop) are injected into some
services with a label window; clean bills carry none (false-alarm test). Every injected anomaly is material:
its excess is at least $40 per day and 40% of normal (the alert floors of a real team), so a detector that
misses one misses something a user wanted to know.

Series start on the 1st of a month, as billing data does.
"""

from __future__ import annotations

import csv
import itertools
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np

from bot.billing.anomaly_model import Series

KINDS = ("spike", "level-shift", "drift", "drop", "stop")
MS_DATA = Path("/work/shared/data/microsoft-cloud-monitoring-dataset/data")


@dataclass(frozen=True)
class Event:
    """A labelled anomaly: points `[start, end)` of its series; detection anywhere inside counts."""

    kind: str
    start: int
    end: int


@dataclass(frozen=True)
class Labelled:
    """One series with its labelled events; `bill` groups the services of one bill (for TrackIt's filters)."""

    name: str
    bill: str
    series: Series
    events: tuple[Event, ...]


def _daily_base(rng: np.random.Generator, days: int, start: datetime, level: float, hourly: bool) -> np.ndarray:
    spd = 24 if hourly else 1
    n = days * spd
    t = np.arange(n) / spd
    growth = (1 + rng.uniform(-0.02, 0.08)) ** (t / 30)
    weekend = rng.uniform(0.55, 1.0)
    weekday_shape = np.array([1.0, 1.02, 1.03, 1.02, 0.98, weekend, weekend])
    wd = (start.weekday() + (np.arange(n) // spd)) % 7
    base = level * growth * weekday_shape[wd]
    if hourly:
        hours = np.arange(n) % 24
        amp = rng.uniform(0.0, 0.6)
        diurnal = 1 + amp * np.exp(-((hours - 14) ** 2) / 18)
        base = base * diurnal / diurnal.mean()
    sigma = rng.uniform(0.02, 0.08) * (1.6 if hourly else 1.0)
    noise = np.exp(rng.normal(0, sigma, n))
    blips = rng.random(n) < 0.01
    noise[blips] *= rng.uniform(0.88, 1.12, blips.sum())
    return base * noise


def _monthly(rng: np.random.Generator, x: np.ndarray, start: datetime, level: float, hourly: bool) -> None:
    """Add a month-start fee and/or a month-end tax line, in place."""
    spd = 24 if hourly else 1
    fee = level * rng.uniform(0.5, 3.0) * spd if rng.random() < 0.5 else 0.0
    tax_rate = rng.uniform(0.05, 0.1) if rng.random() < 0.5 else 0.0
    days = len(x) // spd
    month_spend = 0.0
    for d in range(days):
        day = start + timedelta(days=d)
        month_spend += float(x[d * spd : (d + 1) * spd].sum())
        if day.day == 1 and fee:
            x[d * spd] += fee
        if (day + timedelta(days=1)).day == 1:
            x[d * spd + spd - 1] += tax_rate * month_spend
            month_spend = 0.0


def _inject(rng: np.random.Generator, x: np.ndarray, kind: str, at: int, hourly: bool) -> Event:
    """Inject one anomaly at point `at`, in place; returns its label window."""
    spd = 24 if hourly else 1
    week = 7 * spd
    if kind == "spike":
        length = int(rng.integers(3, 13)) if hourly else int(rng.integers(1, 4))
        x[at : at + length] *= rng.uniform(1.8, 5.0)
        return Event(kind, at, at + length)
    if kind == "level-shift":
        x[at:] *= rng.uniform(1.4, 2.5)
        return Event(kind, at, at + week)
    if kind == "drift":
        ramp = min(int(rng.integers(7, 22)) * spd, len(x) - at)
        target = rng.uniform(1.6, 2.2)
        factor = np.ones(len(x) - at)
        factor[:ramp] = np.linspace(1.0, target, ramp)
        factor[ramp:] = target
        x[at:] *= factor
        return Event(kind, at, at + ramp + week)
    if kind == "drop":
        x[at:] *= rng.uniform(0.3, 0.6)
        return Event(kind, at, at + week)
    x[at:] = 0.0
    return Event(kind, at, at + week)


def generate(
    seed: int = 7,
    *,
    bills: int = 40,
    clean_bills: int = 40,
    services_per_bill: int = 8,
    days: int = 180,
    hourly: bool = False,
) -> list[Labelled]:
    """Generated bills: `bills` with anomalies in about half their services, `clean_bills` with none.

    Service sizes span $20 to $20,000 a day (log-uniform); anomalies go only into services of $100/day or more
    so that each is material. Daily series cover `days` days; hourly ones the same span in hours.
    """
    rng = np.random.default_rng(seed)
    out: list[Labelled] = []
    spd = 24 if hourly else 1
    step = timedelta(hours=1) if hourly else timedelta(days=1)
    for b in range(bills + clean_bills):
        clean = b >= bills
        month = 1 + b % 12
        start = datetime(2025, month, 1, tzinfo=UTC)
        bill = f"{'clean' if clean else 'bill'}-{b:03d}"
        for s in range(services_per_bill):
            level_day = float(np.exp(rng.uniform(np.log(20), np.log(20_000))))
            level = level_day / spd
            x = _daily_base(rng, days, start, level, hourly)
            _monthly(rng, x, start, level, hourly)
            events: list[Event] = []
            if not clean and level_day >= 100 and rng.random() < 0.6:
                at = int(rng.integers(40, 60)) * spd
                while at < (days - 14) * spd:
                    kind = str(rng.choice(KINDS))
                    if kind == "drop" and level_day * 0.4 < 40:
                        kind = "spike"
                    events.append(_inject(rng, x, kind, at, hourly))
                    if kind == "stop":
                        break
                    at = events[-1].end + int(rng.integers(28, 50)) * spd
            series = Series(start, step, tuple(float(v) for v in x), "service", f"{bill}/svc-{s}")
            out.append(Labelled(f"{bill}/svc-{s}", bill, series, tuple(events)))
    return out


# ------------------------------------------------------------------------------------------ real data


def _parse_ts(text: str) -> datetime:
    text = text.strip().strip('"').replace("Z", "+00:00").replace(" ", "T")
    dt = datetime.fromisoformat(text)
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)


def load_microsoft(root: Path = MS_DATA, max_points: int | None = None) -> list[Labelled]:
    """The Microsoft Cloud Monitoring labelled series (TimeStamp,Value,Label): consecutive labelled points form
    one event. Points are put on a regular grid at the file's smallest step; gaps are NaN (missing)."""
    out: list[Labelled] = []
    for path in sorted(root.glob("*/*.csv")):
        with path.open(newline="") as fh:
            rows = [r for r in list(csv.reader(fh))[1:] if r and r[0].strip()]
        stamps = [_parse_ts(r[0]) for r in rows]
        values = [float(r[1]) if r[1].strip() else float("nan") for r in rows]
        labels = [int(float(r[2])) for r in rows]
        if max_points is not None:
            stamps, values, labels = stamps[:max_points], values[:max_points], labels[:max_points]
        step = min(b - a for a, b in itertools.pairwise(stamps) if b > a)
        n = (stamps[-1] - stamps[0]) // step + 1
        grid = np.full(n, np.nan)
        lab = np.zeros(n, dtype=int)
        for ts, v, lb in zip(stamps, values, labels, strict=True):
            i = (ts - stamps[0]) // step
            grid[i] = v
            lab[i] = max(lab[i], lb)
        events: list[Event] = []
        i = 0
        while i < n:
            if lab[i]:
                j = i
                while j < n and lab[j]:
                    j += 1
                events.append(Event("labelled", i, j))
                i = j
            else:
                i += 1
        name = f"{path.parent.name}/{path.stem}"
        series = Series(stamps[0], step, tuple(float(v) for v in grid), "metric", name)
        out.append(Labelled(name, name, series, tuple(events)))
    return out
