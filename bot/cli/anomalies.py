"""`trackit anomalies`: detect anomalies in any CSV series, or list those in the billing store with root causes.

trackit anomalies detect --series FILE.csv [--granularity auto|hourly|daily] [--format json|text]
trackit anomalies list [last 30 days | YYYY-MM | YYYY-MM-DD..YYYY-MM-DD] [--store URL] [--format json|text]
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from bot.billing.anomaly import Anomaly, DetectorConfig, RootCause, Series, detect, detect_many, explain
from bot.billing.anomaly_rootcause import series_from_store
from bot.billing.grammar_time import parse_time_range
from bot.billing.model import CostBasis, Granularity, TimeRange
from bot.billing.store import BillingStore
from bot.errors import UsageError
from bot.store.registry import open_store

#: History loaded before the asked range so the model has a baseline on its first day.
HISTORY_DAYS = 56


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser("anomalies", help="find unusual spending (or any series' anomalies)")
    sub = parser.add_subparsers(dest="anomalies_command", required=True, metavar="ACTION")

    det = sub.add_parser("detect", help="detect anomalies in a timestamp,value CSV")
    det.add_argument("--series", required=True, type=Path, metavar="FILE.csv", help="timestamp,value rows")
    det.add_argument("--granularity", choices=("auto", "hourly", "daily"), default="auto")
    det.add_argument("--format", choices=("json", "text"), default="json")
    det.add_argument("--min-impact", type=float, default=DetectorConfig.min_impact, help="absolute floor per day")
    det.add_argument("--min-relative", type=float, default=DetectorConfig.min_relative, help="relative floor")
    det.set_defaults(func=run_detect)

    lst = sub.add_parser("list", help="anomalies in the billing store, with root causes")
    lst.add_argument(
        "range", nargs="*", help="`last 30 days` (default), `last month`, `2026-10`, `2026-10-01..2026-10-15` ..."
    )
    lst.add_argument("--granularity", choices=("daily", "hourly"), default="daily", help="series of days or hours")
    lst.add_argument("--store", help="billing store URL (default: settings)")
    lst.add_argument("--basis", choices=[b.value for b in CostBasis], default=None)
    lst.add_argument("--dimension", action="append", help="dimension to watch (repeatable; default: settings)")
    lst.add_argument("--explain", type=int, default=10, metavar="N", help="root causes for the N biggest")
    lst.add_argument("--format", choices=("json", "text"), default="text")
    lst.set_defaults(func=run_list)


# ------------------------------------------------------------------------------------------------ detect


def _parse_time(text: str) -> datetime:
    raw = text.strip().strip('"').strip()
    if re.fullmatch(r"\d{9,11}(\.\d+)?", raw):  # unix seconds
        return datetime.fromtimestamp(float(raw), tz=UTC)
    dt = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    return dt.astimezone(UTC) if dt.tzinfo else dt.replace(tzinfo=UTC)


def read_series_csv(path: Path, granularity: str = "auto") -> Series:
    """Read `timestamp,value` rows (header optional; extra columns ignored) into a regular series.

    Timestamps are ISO 8601 (time zone optional, UTC assumed) or unix seconds; duplicates are summed; missing
    points are NaN (not judged). `daily` sums finer data per UTC day; `hourly` per hour. Raises `UsageError`
    naming the line for a bad row.
    """
    try:
        fh = path.open(newline="", encoding="utf-8-sig")
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror}") from exc
    points: dict[datetime, float] = {}
    with fh:
        for lineno, row in enumerate(csv.reader(fh), start=1):
            if not row or not "".join(row).strip():
                continue
            if len(row) < 2:
                raise UsageError(
                    f"{path}:{lineno}: expected `timestamp,value`, got {','.join(row)!r}",
                    hint="Each row needs a timestamp and a number, e.g. `2025-03-01,123.45`.",
                )
            try:
                when = _parse_time(row[0])
            except ValueError:
                if lineno == 1 and not points:
                    continue  # header
                raise UsageError(
                    f"{path}:{lineno}: {row[0]!r} is not a timestamp",
                    hint="Use ISO 8601 (2025-03-01 or 2025-03-01T14:00:00Z) or unix seconds.",
                ) from None
            text = row[1].strip()
            try:
                value = float(text) if text else float("nan")
            except ValueError:
                raise UsageError(f"{path}:{lineno}: {text!r} is not a number", hint="e.g. 123.45") from None
            points[when] = points.get(when, 0.0) + value
    if len(points) < 2:
        raise UsageError(f"{path}: needs at least two rows of `timestamp,value`, found {len(points)}")
    stamps = sorted(points)
    step = min(b - a for a, b in itertools.pairwise(stamps))
    if granularity == "daily" or (granularity == "auto" and step >= timedelta(days=1)):
        target = timedelta(days=1)
    elif granularity == "hourly":
        if step > timedelta(hours=1):
            raise UsageError(f"{path}: rows are {step} apart; hourly analysis needs hourly or finer data")
        target = timedelta(hours=1)
    else:
        target = step
    if target > timedelta(days=1) or timedelta(days=1) % target:
        raise UsageError(f"{path}: rows are {target} apart; use daily or finer data whose step divides a day")
    origin = datetime.combine(stamps[0].date(), time.min, tzinfo=UTC)
    buckets: dict[int, float] = {}
    for ts in stamps:
        i = (ts - origin) // target
        v = points[ts]
        buckets[i] = v if i not in buckets else buckets[i] + v
    first, last = min(buckets), max(buckets)
    values = tuple(buckets.get(i, float("nan")) for i in range(first, last + 1))
    return Series(origin + target * first, target, values, "series", path.name)


def anomaly_dict(a: Anomaly) -> dict[str, Any]:
    return {
        "dimension": a.dimension,
        "value": a.value,
        "kind": a.kind.value,
        "start": a.start.isoformat(),
        "end": a.end.isoformat() if a.end else None,
        "last_seen": a.last_seen.isoformat(),
        "actual": round(a.actual, 4),
        "expected": round(a.expected, 4),
        "expected_low": round(a.expected_low, 4),
        "expected_high": round(a.expected_high, 4),
        "impact": round(a.impact, 4),
        "impact_pct": None if a.impact_pct is None else round(a.impact_pct, 2),
        "score": round(a.score, 2),
        "severity": a.severity.value,
        "points": a.points,
    }


def anomaly_line(a: Anomaly) -> str:
    end = a.end.isoformat() if a.end else "ongoing"
    pct = "" if a.impact_pct is None else f" ({a.impact_pct:+.0f}%)"
    return (
        f"{a.severity.value.upper():<8} {a.kind.value:<11} {a.start.isoformat()} -> {end}  "
        f"actual {a.actual:,.2f} vs expected {a.expected:,.2f} [{a.expected_low:,.2f}..{a.expected_high:,.2f}]  "
        f"impact {a.impact:+,.2f}{pct}  score {a.score:.1f}"
    )


def run_detect(args: argparse.Namespace) -> int:
    series = read_series_csv(args.series, args.granularity)
    try:
        config = DetectorConfig(min_impact=args.min_impact, min_relative=args.min_relative)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    found = detect(series, config)
    if args.format == "json":
        print(json.dumps([anomaly_dict(a) for a in found], indent=2))
    else:
        if not found:
            print("no anomalies")
        for a in found:
            print(anomaly_line(a))
    return 0


# -------------------------------------------------------------------------------------------------- list


def parse_range(words: Sequence[str], last_complete_day: date) -> TimeRange:
    """The time range the words name, in the shared query grammar (`bot.billing.grammar_time`): `last 30 days`
    (the default), `this month`, `last month`, `2026-10`, `2026-10-01..2026-10-15` ... Relative phrases count
    `last_complete_day` as the last day (the grammar's "today" is the partial day after it). Raises
    `UsageError` with the accepted forms."""
    text = " ".join(words).strip() or "last 30 days"
    return parse_time_range(text, last_complete_day + timedelta(days=1))


@dataclass(frozen=True)
class Listed:
    anomaly: Anomaly
    cause: RootCause | None


def list_anomalies(
    store: BillingStore,
    time_range: TimeRange,
    config: DetectorConfig,
    basis: CostBasis,
    explain_top: int = 10,
    *,
    granularity: Granularity = Granularity.DAY,
) -> list[Listed]:
    """Anomalies whose episode touches `time_range`, biggest impact first, the first `explain_top` explained.

    Series (daily or hourly, per `granularity`) start `HISTORY_DAYS` before the range so its first day has a
    baseline."""
    history = TimeRange(time_range.start - timedelta(days=HISTORY_DAYS), time_range.end)
    series = series_from_store(
        store,
        history,
        config.dimensions,
        basis,
        max_per_dimension=config.max_series_per_dimension,
        granularity=granularity,
    )
    range_start = datetime.combine(time_range.start, time.min, tzinfo=UTC)
    found = [a for a in detect_many(series, config) if a.window_end > range_start]
    return [Listed(a, explain(store, a, basis=basis) if i < explain_top else None) for i, a in enumerate(found)]


def _last_complete_day(store: BillingStore) -> date:
    until = store.freshness().data_until
    if until is None:
        return datetime.now(UTC).date() - timedelta(days=1)
    until = until if until.tzinfo else until.replace(tzinfo=UTC)
    # A day is complete once data reaches its end; the partial day would look like a drop.
    return until.date() - timedelta(days=1)


def run_list(args: argparse.Namespace) -> int:
    from bot.config import load_settings

    settings = load_settings()
    store = open_store(settings.store_url_for(args.store))
    try:
        basis = CostBasis(args.basis) if args.basis else settings.cost_basis
        config = DetectorConfig(dimensions=tuple(args.dimension)) if args.dimension else DetectorConfig()
        last_day = _last_complete_day(store)
        time_range = parse_range(args.range, last_day)
        if time_range.end > last_day + timedelta(days=1):
            time_range = TimeRange(
                time_range.start, max(last_day + timedelta(days=1), time_range.start + timedelta(days=1))
            )
        try:
            granularity = Granularity.HOUR if args.granularity == "hourly" else Granularity.DAY
            listed = list_anomalies(store, time_range, config, basis, args.explain, granularity=granularity)
        except ValueError as exc:  # an unknown dimension name
            raise UsageError(str(exc)) from None
    finally:
        store.close()
    if args.format == "json":
        out = []
        for item in listed:
            d = anomaly_dict(item.anomaly)
            if item.cause is not None:
                d["root_cause"] = {
                    dim: [
                        {
                            "key": c.key,
                            "actual": round(c.actual, 4),
                            "baseline": round(c.baseline, 4),
                            "excess": round(c.excess, 4),
                            "share": round(c.share, 4),
                        }
                        for c in rows
                    ]
                    for dim, rows in item.cause.breakdowns.items()
                }
            out.append(d)
        print(
            json.dumps(
                {
                    "range": [time_range.start.isoformat(), time_range.end.isoformat()],
                    "basis": basis.value,
                    "anomalies": out,
                },
                indent=2,
            )
        )
        return 0
    print(f"Anomalies {time_range.start}..{time_range.end - timedelta(days=1)} ({basis.value} cost): {len(listed)}")
    for item in listed:
        a = item.anomaly
        label = "total" if a.dimension == "total" else f"{a.dimension}={a.value}"
        print(f"\n{label}\n  {anomaly_line(a)}")
        if item.cause is not None:
            for dim, rows in item.cause.breakdowns.items():
                if rows:
                    top = ", ".join(f"{c.key or '(none)'} {c.excess:+,.2f}" for c in rows[:3])
                    print(f"  by {dim}: {top}")
    return 0
