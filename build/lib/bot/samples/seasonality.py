"""When resources run and how their usage moves over the week: usage profiles and running schedules.

A *profile* shapes the amount of a usage line hour by hour over the week (its average over a week is 1.0):

- ``flat``: storage, reserved capacity, steady services;
- ``web``: customer traffic, diurnal with a peak at 15:00 UTC (US afternoon), 20% lighter at weekends;
- ``business``: internal tools and staging, busy 08:00-18:00 on weekdays, quiet at night and weekends;
- ``nightly``: batch work between 01:00 and 05:00 UTC every day.

A *schedule* says in which hours a live resource runs at all (and is billed for its running time):

- ``always``: 24x7;
- ``office``: weekdays 07:00-19:00 UTC (dev instances stopped nights and weekends by a scheduler);
- ``nightly``: 01:00-05:00 UTC (batch instances);
- ``autoscale``: a slot in bucket b of `BUCKETS` runs while web traffic is above its threshold, so the higher
  slots run only at peak, as an auto scaling group scales out and in;
- ``intermittent``: whole days on or off (decided per day in the generator); like ``always`` within a day.

`weight_table()` tabulates, for each (profile, schedule, bucket, weekday, hour), the amount weight and the running
hours of one step: one hour in hourly data, the sum over the day in daily data (hour 0).
"""

from __future__ import annotations

import math
from functools import cache

PROFILES: tuple[str, ...] = ("flat", "web", "business", "nightly")
SCHEDULES: tuple[str, ...] = ("always", "office", "nightly", "autoscale", "intermittent")
BUCKETS = 10
#: Share of days an intermittent resource runs.
INTERMITTENT_ON = 0.45


def _raw_profile(name: str, dow: int, hod: int) -> float:
    """Unnormalised amount weight; `dow` 0 = Monday."""
    weekend = dow >= 5
    if name == "web":
        return (1 + 0.35 * math.cos(2 * math.pi * (hod - 15) / 24)) * (0.8 if weekend else 1.0)
    if name == "business":
        if weekend:
            return 0.25
        return 1.6 if 8 <= hod < 18 else 0.45
    if name == "nightly":
        return 5.0 if 1 <= hod < 5 else 0.05
    return 1.0


@cache
def _week_total(name: str) -> float:
    return sum(_raw_profile(name, d, h) for d in range(7) for h in range(24))


def profile(name: str, dow: int, hod: int) -> float:
    """Amount weight of `name` at weekday `dow` (0 = Monday) and hour `hod`, averaging 1.0 over a week."""
    return _raw_profile(name, dow, hod) * 168 / _week_total(name)


def _threshold(bucket: int) -> float:
    return 0.4 + 0.6 * bucket / BUCKETS


_WEB_PEAK = max(_raw_profile("web", d, h) for d in range(7) for h in range(24))


def running(schedule: str, bucket: int, dow: int, hod: int) -> bool:
    """Whether a live resource on `schedule` (in autoscale `bucket`) runs in that hour."""
    if schedule == "office":
        return dow < 5 and 7 <= hod < 19
    if schedule == "nightly":
        return 1 <= hod < 5
    if schedule == "autoscale":
        return _raw_profile("web", dow, hod) / _WEB_PEAK >= _threshold(bucket)
    return True


def weight_key(p: int, s: int, b: int, dow: int, x: int, *, steps_per_day: int) -> int:
    """Row key of `weight_table` (the generator computes the same in SQL)."""
    return (((p * len(SCHEDULES) + s) * BUCKETS + b) * 7 + dow) * steps_per_day + x


@cache
def weight_table(hourly: bool) -> tuple[list[int], list[float], list[float]]:
    """(keys, amount weights, running hours) for every (profile, schedule, bucket, weekday, step of the day)."""
    per_day = 24 if hourly else 1
    keys: list[int] = []
    amounts: list[float] = []
    hours: list[float] = []
    for p, pname in enumerate(PROFILES):
        for s, sname in enumerate(SCHEDULES):
            for b in range(BUCKETS):
                for dow in range(7):
                    on = [running(sname, b, dow, h) for h in range(24)]
                    w = [profile(pname, dow, h) if on[h] else 0.0 for h in range(24)]
                    for x in range(per_day):
                        keys.append(weight_key(p, s, b, dow, x, steps_per_day=per_day))
                        if hourly:
                            amounts.append(w[x])
                            hours.append(1.0 if on[x] else 0.0)
                        else:
                            amounts.append(sum(w))
                            hours.append(float(sum(on)))
    return keys, amounts, hours


@cache
def duty(schedule: str, hourly: bool) -> float:
    """Share of a live resource's steps (hours or days) that carry a line, for sizing the data."""
    if schedule == "intermittent":
        return INTERMITTENT_ON
    if schedule == "always":
        return 1.0
    runs = [
        sum(running(schedule, b, d, h) for h in range(24)) for b in range(BUCKETS) for d in range(7)
    ]  # running hours per (bucket, day)
    if hourly:
        return sum(runs) / (len(runs) * 24)
    return sum(1 for r in runs if r) / len(runs)
