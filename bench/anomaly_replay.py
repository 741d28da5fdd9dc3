"""Replay of the daily anomaly job over the sample organisation: what people would have been told, day by day.

Run: `.venv/bin/python bench/anomaly_replay.py [--months 12] [--rows-per-month 50000] [--from D] [--until D]`
(about a second a run on 2 quiet cores; much more under load).

The sample organisation (`bot.samples.generate`, the default event plan, daily line items) is generated and
ingested into a DuckDB store once. Then, for every day D from the sixth week on, the store is seen as it stood on
the morning of D (`AsOf`: no usage from D on; data complete through D-1) and the job's own pieces run on it:
`detect_recent` (usage series per total, account, service, region and usage type, one detection per event,
root cause) and `plan` (app state in SQLite: new alerts, follow-ups in their threads, the detection-delay rule),
every planned post taken as delivered.

Scored against `ground_truth.json`:
- an injected event that should alert is detected when a NEW alert names a slice the event lives in (the
  total, its account, service, region, usage type or resource) and its episode overlaps the event (from its first day to
  its end, or to the end of the data for a lasting change); its delay is the run that posted it minus the
  event's first complete day (1 = the morning after the first complete day);
- every other NEW alert is a false alert (events that should not alert, a recurring credit, an intermittent
  job, a refund, the support fee following usage, count as false when alerted);
- "back to normal" posts for an episode whose event is a lasting change (a stop, a step for good) are counted;
- period-charge alerts (`plan_period`: new, missing or changed recurring charges) count the same way: one that
  names the account and service of an event of the `charge` level (a new reservation's fee, a Support change)
  in the event's month detects it; any other is a false alert (a recurring credit or the Support fee following
  usage, alerted, are false).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time as _time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.billing.anomaly import DetectorConfig
from bot.billing.anomaly_period import period_changes
from bot.billing.model import (
    AggregateRequest,
    AggregateRow,
    DimensionRef,
    Filter,
    Freshness,
    LineItemSums,
    LineItemSumsRequest,
    PeriodStatus,
    TagCoverage,
    TimeRange,
)
from bot.billing.store import BillingStore, LoadResult, NormalizedSource
from bot.samples import generate
from bot.state.alerts import set_alert_message, set_alert_progress
from bot.state.db import StateStore
from bot.state.deliveries import DeliveryKey
from bot.store.registry import open_store
from jobs.anomaly_alerts import Scope, detect_recent, plan, plan_period

CHANNEL = "C0REPLAY"


class AsOf(BillingStore):
    """A read-only view of a store as it stood on the morning of `day`: usage before `day` only."""

    def __init__(self, inner: BillingStore, day: date) -> None:
        self.inner = inner
        self.day = day

    def _clip(self, tr: TimeRange) -> TimeRange | None:
        """`tr` cut at the morning; None when nothing of it is left."""
        end = min(tr.end, self.day)
        return TimeRange(tr.start, end, tr.label) if tr.start < end else None

    def aggregate(self, request: AggregateRequest) -> list[AggregateRow]:
        clipped = self._clip(request.time_range)
        if clipped is None:
            return []
        return self.inner.aggregate(
            AggregateRequest(
                clipped,
                request.group_by,
                request.filters,
                request.basis,
                request.granularity,
                limit=request.limit,
            )
        )

    def count_groups(self, request: AggregateRequest) -> int:
        clipped = self._clip(request.time_range)
        return self.inner.count_groups(replace(request, time_range=clipped)) if clipped else 0

    def line_item_sums(self, request: LineItemSumsRequest) -> list[LineItemSums]:
        clipped = self._clip(request.time_range)
        return self.inner.line_item_sums(replace(request, time_range=clipped)) if clipped else []

    def freshness(self, time_range: TimeRange | None = None) -> Freshness:
        return Freshness(datetime.combine(self.day, time.min, tzinfo=UTC), ())

    def accounts(self) -> dict[str, str]:
        return self.inner.accounts()

    def replace_period(self, source: NormalizedSource, progress: Any = None) -> LoadResult:
        raise NotImplementedError("read-only view")

    def periods(self) -> list[PeriodStatus]:
        return self.inner.periods()

    def delete_period(self, billing_period: date, source: str | None = None) -> bool:
        raise NotImplementedError("read-only view")

    def tag_coverage(self, time_range: TimeRange, filters: Sequence[Filter] = ()) -> list[TagCoverage]:
        clipped = self._clip(time_range)
        return self.inner.tag_coverage(clipped, filters) if clipped else []

    def distinct_values(self, dimension: DimensionRef, limit: int = 10_000) -> list[str]:
        return self.inner.distinct_values(dimension, limit)

    def tag_keys(self) -> list[str]:
        return self.inner.tag_keys()

    def iter_line_items(
        self, time_range: TimeRange, filters: Sequence[Filter] = (), columns: Sequence[str] = ()
    ) -> Iterator[dict[str, object]]:
        clipped = self._clip(time_range)
        return self.inner.iter_line_items(clipped, filters, columns) if clipped else iter(())


@dataclass
class Replay:
    new_posts: list[tuple[date, str, str, float]] = field(default_factory=list)  # run day, dimension, value, impact
    period_posts: list[tuple[date, str, str]] = field(default_factory=list)  # run day, kind, charge
    matched: dict[str, date] = field(default_factory=dict)  # event id -> run day of its first NEW alert
    false_alerts: list[tuple[date, str, str, str, float]] = field(default_factory=list)
    follow_ups: Counter[str] = field(default_factory=Counter)
    false_back_to_normal: int = 0
    runs: int = 0
    seconds: float = 0.0


def slices(event: dict[str, Any], accounts: dict[str, str]) -> set[tuple[str, str]]:
    """The slices an event lives in: the total, its account, service, region, usage types and resource."""
    keys = event.get("keys", {})
    out = {("total", "")}
    if keys.get("account_id"):
        out.add(("account", str(keys["account_id"])))
    if keys.get("service_name"):
        out.add(("service", str(keys["service_name"])))
    if keys.get("region"):
        out.add(("region", str(keys["region"])))
    for u in keys.get("usage_types") or [keys.get("usage_type")]:
        if u:
            out.add(("usage-type", str(u)))
    if keys.get("resource_id"):
        out.add(("resource", str(keys["resource_id"])))
    return out


def event_window(event: dict[str, Any], data_end: date) -> tuple[date, date]:
    start = date.fromisoformat(str(event["start"])[:10])
    end = event.get("end")
    last = date.fromisoformat(str(end)[:10]) if end else data_end
    return start, max(last, start + timedelta(days=1))


def replay(store: BillingStore, truth: dict[str, Any], first_day: date, last_day: date, state: StateStore) -> Replay:
    config = DetectorConfig()
    accounts = store.accounts()
    data_end = date.fromisoformat(str(truth["data_end"])[:10])
    events = list(truth["events"])
    lasting = {e["id"] for e in events if e["kind"] in ("stop", "level_shift") and not e.get("end")}
    result = Replay()
    scope = Scope("", (), (CHANNEL,))
    t0 = _time.perf_counter()
    day = first_day
    n = 0
    delivered: set[DeliveryKey] = set()
    while day <= last_day:
        view = AsOf(store, day)
        now = datetime.combine(day, time(9), tzinfo=UTC)
        detections = detect_recent(view, config=config)
        posts = plan(state, detections, scope, now=now, config=config, data_end=day - timedelta(days=1))
        by_key = {p.alert_key: p for p in posts}
        for d in detections:
            a = d.anomaly
            key = next((k for k in by_key if k.startswith(a.key)), None)
            if key is None:
                continue
            post = by_key[key]
            if post.delivery_key in delivered:
                continue  # the real job's delivery key makes a repeated post a no-op
            delivered.add(post.delivery_key)
            if post.kind != "new":
                set_alert_progress(state, key, end=post.end, impact=post.impact, now=now)
            if post.kind == "new":
                n += 1
                set_alert_message(state, key, channel_id=CHANNEL, message_ts=f"{n}.0")
                result.new_posts.append((day, a.dimension, a.value, a.impact))
                hit = None
                for e in events:  # of the events the episode overlaps, the one that began closest to it
                    start, end = event_window(e, data_end)
                    if (
                        (a.dimension, a.value) in slices(e, accounts)
                        and a.start.date() < end
                        and start <= (a.window_end.date())
                        and (
                            hit is None
                            or abs(start - a.start.date()) < abs(event_window(hit, data_end)[0] - a.start.date())
                        )
                    ):
                        hit = e
                if hit is not None and hit.get("should_alert", True):
                    result.matched.setdefault(hit["id"], day)
                else:
                    why = "not an anomaly: " + hit["id"] if hit is not None else "no event"
                    result.false_alerts.append((day, a.dimension, a.value, why, a.impact))
            else:
                result.follow_ups[post.kind] += 1
                if post.kind == "over" and a.back_to_normal:
                    for e in events:
                        start, end = event_window(e, data_end)
                        if (
                            e["id"] in lasting
                            and (a.dimension, a.value) in slices(e, accounts)
                            and a.start.date() >= start
                        ):
                            result.false_back_to_normal += 1
                            break
        changes = period_changes(view, day, minimum=config.min_monthly_impact)
        for post, change in zip(plan_period(state, changes, scope, now=now), changes, strict=True):
            if post.delivery_key in delivered:
                continue
            delivered.add(post.delivery_key)
            i = change.identity
            result.period_posts.append((day, change.kind.value, f"{i.service} {i.usage_type} {i.commitment}"))
            hit = next(
                (
                    e
                    for e in events
                    if e.get("level") == "charge"
                    and e.get("keys", {}).get("account_id") in (None, i.account)
                    and e.get("keys", {}).get("service_name") == i.service
                    and date.fromisoformat(str(e["start"])[:10]).replace(day=1) == change.month
                ),
                None,
            )
            if hit is not None and hit.get("should_alert", True):
                result.matched.setdefault(hit["id"], day)
            else:
                why = "not an anomaly: " + hit["id"] if hit is not None else "no event"
                result.false_alerts.append((day, f"period:{change.kind.value}", i.service, why, change.impact))
        result.runs += 1
        if result.runs % 30 == 0:
            print(f"  ... {day}: {len(result.new_posts)} NEW so far", flush=True)
        day += timedelta(days=1)
    result.seconds = _time.perf_counter() - t0
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--months", type=int, default=12)
    parser.add_argument("--rows-per-month", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--dir", type=Path, default=None, help="keep the data here (reused when present)")
    parser.add_argument("--from", dest="first_run", type=date.fromisoformat, help="first run day (default: week 7)")
    parser.add_argument("--until", dest="last_run", type=date.fromisoformat, help="last run day (default: data end)")
    parser.add_argument("--state", default="state.sqlite3", help="app state file name inside DIR")
    args = parser.parse_args(argv)
    print(f"machine: {platform.machine()} {os.cpu_count()} cpus, Python {platform.python_version()}")
    print(f"load average at start: {os.getloadavg()[0]:.2f}")
    base = args.dir or Path(tempfile.mkdtemp(prefix="trackit-replay-"))
    exports, store_dir = base / "exports", base / "store"
    first = date(2025, 1, 1)
    end = date(2025 + (args.months - 1) // 12, (args.months - 1) % 12 + 1, 1) + timedelta(days=27)
    if not (exports / "ground_truth.json").exists() and not any(exports.rglob("ground_truth.json")):
        summary = generate(
            exports,
            fmt="cur2-parquet",
            start=first,
            months=args.months,
            rows_per_month=args.rows_per_month,
            seed=args.seed,
            end=end,
            granularity="daily",
        )
        truth_path = summary.ground_truth
    else:
        truth_path = next(exports.rglob("ground_truth.json"))
    truth = json.loads(truth_path.read_text())
    store = open_store(f"duckdb://{store_dir}")
    try:
        if not store.periods():
            from bot.ingest.pipeline import ingest

            ingest(str(exports), store, progress=False)
        for old_state in base.glob(f"{args.state}*"):
            old_state.unlink()  # every replay starts with an empty app state
        state = StateStore(f"sqlite:///{base / args.state}")
        state.migrate()
        data_end = date.fromisoformat(str(truth["data_end"])[:10])
        first_run = args.first_run or first + timedelta(days=42)
        result = replay(store, truth, first_run, min(args.last_run or data_end, data_end), state)
    finally:
        store.close()
    should = [e for e in truth["events"] if e.get("should_alert", True)]
    months = result.runs / 30.44
    print(
        f"\nReplay of the daily anomaly job: {result.runs} runs from {first_run}, "
        f"{result.seconds:.0f} s ({result.seconds / max(1, result.runs):.2f} s a run)"
    )
    print(f"NEW alerts posted: {len(result.new_posts)}; follow-ups: {dict(result.follow_ups)}")
    print(f"period-charge alerts posted: {len(result.period_posts)}")
    for run_day, kind, charge in result.period_posts:
        print(f"  {run_day} {kind}: {charge}")
    print(f"injected events that should alert: {len(should)}; detected: {len(result.matched)}")
    for e in should:
        day = result.matched.get(e["id"])
        fcd = e.get("first_complete_day")
        delay = (day - date.fromisoformat(fcd)).days if day and fcd else None
        print(f"  {e['id']:<44} {e['kind']:<16} {'found, run +' + str(delay) + ' d' if day else 'MISSED'}")
    print(f"false NEW alerts: {len(result.false_alerts)} ({len(result.false_alerts) / months:.1f} a month)")
    for row in result.false_alerts:
        print(f"  {row[0]} {row[1]}={row[2]!r} {row[4]:+,.2f} ({row[3]})")
    print(f"'back to normal' while a lasting change stays: {result.false_back_to_normal}")
    print(f"load average at end: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
