"""`trackit anomalies`: detect anomalies in any CSV series, or list those in the billing store with root causes.

trackit anomalies detect --series FILE.csv [--unit money|count|percent|bytes|seconds|metric | --money]
                         [--granularity auto|hourly|daily] [--format json|text]
trackit anomalies list [last 30 days | YYYY-MM | YYYY-MM-DD..YYYY-MM-DD] [--store URL] [--format json|text]
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from bot.billing.anomaly import (
    Anomaly,
    DetectorConfig,
    Outcome,
    RootCause,
    Series,
    Unit,
    detect,
    detect_many,
    explain,
)
from bot.billing.anomaly_changes import Change
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
    det.add_argument(
        "--granularity",
        choices=("auto", "hourly", "daily"),
        default="auto",
        help="auto: the file's dominant step (1, 5, 10, 30 minutes, an hour, a day ...)",
    )
    det.add_argument(
        "--unit",
        choices=[u.value for u in Unit],
        default=None,
        help="what the values measure (default metric); only money has an absolute floor (--min-impact)",
    )
    det.add_argument("--money", action="store_true", help="the values are money (same as --unit money)")
    det.add_argument("--format", choices=("json", "text"), default="json")
    det.add_argument("--min-impact", type=float, default=None, help="money only: absolute floor per day (default 20)")
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

#: Steps a CSV is resampled to: each divides a day. The file's dominant step snaps to the nearest of them.
STEPS = tuple(
    timedelta(minutes=m) for m in (1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30, 60, 120, 180, 240, 360, 480, 720, 1440)
)
#: Units whose values add up when several rows fall in one step (money, events); the others are averaged.
ADDITIVE = (Unit.MONEY, Unit.COUNT)


def _parse_time(text: str) -> datetime:
    raw = text.strip().strip('"').strip()
    if re.fullmatch(r"\d{9,11}(\.\d+)?", raw):  # unix seconds
        return datetime.fromtimestamp(float(raw), tz=UTC)
    dt = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    return dt.astimezone(UTC) if dt.tzinfo else dt.replace(tzinfo=UTC)


def dominant_step(stamps: Sequence[datetime]) -> timedelta:
    """The sampling step of sorted, distinct timestamps: the most common gap between neighbours (the median of
    the gaps when no gap is common, as with jittery clocks), snapped to the nearest step that divides a day."""
    gaps = [b - a for a, b in itertools.pairwise(stamps)]
    counts: dict[timedelta, int] = {}
    for g in gaps:
        counts[g] = counts.get(g, 0) + 1
    common, seen = max(counts.items(), key=lambda kv: (kv[1], -kv[0]))
    raw = common if seen * 4 >= len(gaps) else sorted(gaps)[len(gaps) // 2]
    return min(STEPS, key=lambda s: abs(math.log(s / raw)) if raw > timedelta(0) else 0)


def read_series_csv(path: Path, granularity: str = "auto", unit: Unit = Unit.METRIC) -> Series:
    """Read `timestamp,value` rows (header optional; extra columns ignored) into a regular series.

    Timestamps are ISO 8601 (time zone optional, UTC assumed) or unix seconds, in any order. The step is the
    file's dominant sampling step (`dominant_step`), or an hour / a day with `granularity`; rows are put on that
    grid: several rows in one step are summed for money and counts and averaged otherwise; a step without a row
    is missing (NaN: not judged, never zero). Raises `UsageError` naming the line for a bad row.
    """
    try:
        fh = path.open(newline="", encoding="utf-8-sig")
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror}") from exc
    rows: list[tuple[datetime, float]] = []
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
                if lineno == 1 and not rows:
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
            if math.isinf(value):
                raise UsageError(f"{path}:{lineno}: {text!r} is not a finite number", hint="e.g. 123.45")
            rows.append((when, value))
    stamps = sorted({when for when, _ in rows})
    if len(stamps) < 2:
        raise UsageError(
            f"{path}: needs at least two rows of `timestamp,value` at different times, found {len(stamps)}"
        )
    step = dominant_step(stamps)
    if granularity == "daily":
        step = timedelta(days=1)
    elif granularity == "hourly":
        if step > timedelta(hours=1):
            raise UsageError(f"{path}: rows are {_duration(step)} apart; hourly analysis needs hourly or finer data")
        step = timedelta(hours=1)
    origin = datetime.combine(stamps[0].date(), time.min, tzinfo=UTC)
    native = step == dominant_step(stamps)

    def slot(when: datetime) -> int:
        # On the file's own step a row goes to the nearest grid point (clocks jitter); coarser steps sum or
        # average the rows inside each step.
        return round((when - origin) / step) if native else (when - origin) // step

    sums: dict[int, float] = {}
    counts: dict[int, int] = {}
    for when, value in rows:
        if math.isnan(value):
            continue
        i = slot(when)
        sums[i] = sums.get(i, 0.0) + value
        counts[i] = counts.get(i, 0) + 1
    buckets = sorted({slot(when) for when in stamps})
    first, last = buckets[0], buckets[-1]
    additive = unit in ADDITIVE
    values = tuple(
        (sums[i] if additive else sums[i] / counts[i]) if i in sums else float("nan") for i in range(first, last + 1)
    )
    return Series(origin + step * first, step, values, "series", path.name)


def _duration(td: timedelta) -> str:
    """`5 minutes`, `1 hour`, `7 days` ..."""
    seconds = int(td.total_seconds())
    for size, name in ((86400, "day"), (3600, "hour"), (60, "minute")):
        if seconds >= size and seconds % size == 0:
            k = seconds // size
            return f"{k} {name}{'s' if k != 1 else ''}"
    return f"{seconds} seconds"


def _num(v: float) -> str:
    """A value for people: thousands separators and cents for usual sizes, significant digits for small ones."""
    return f"{v:,.2f}" if abs(v) >= 1 or v == 0 else f"{v:.3g}"


def _when(t: datetime, step: timedelta) -> str:
    return t.date().isoformat() if step >= timedelta(days=1) else t.strftime("%Y-%m-%d %H:%M")


def anomaly_dict(a: Anomaly) -> dict[str, Any]:
    return {
        "dimension": a.dimension,
        "value": a.value,
        "kind": a.kind.value,
        "start": a.start.isoformat(),
        "end": a.end.isoformat() if a.end else None,
        "last_seen": a.last_seen.isoformat(),
        "outcome": a.outcome.value,
        "baseline": round(a.baseline, 6),
        "baseline_low": round(a.baseline_low, 6),
        "baseline_high": round(a.baseline_high, 6),
        "new_level": None if a.new_level is None else round(a.new_level, 6),
        "new_level_after_seconds": int(a.new_level_after.total_seconds()),
        "step_seconds": int(a.step.total_seconds()),
        "unit": a.unit.value,
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


def outcome_text(a: Anomaly) -> str:
    """How the episode stands, in words: ongoing, back to its baseline, or the series' new level (per step for
    quantities that add up, such as money and counts)."""
    per = f" per {_duration(a.step).removeprefix('1 ')}" if a.unit in ADDITIVE else ""
    if a.outcome is Outcome.NEW_LEVEL and a.end is not None and a.new_level is not None:
        return (
            f"new level since {_when(a.start, a.step)}: {_num(a.new_level)}{per} "
            f"(was {_num(a.baseline)}), accepted after {_duration(a.new_level_after)}"
        )
    if a.outcome is Outcome.RECOVERED and a.end is not None:
        return f"back to its baseline {_num(a.baseline_low)}..{_num(a.baseline_high)}{per}"
    return f"ongoing: open until back to {_num(a.baseline_low)}..{_num(a.baseline_high)}{per}"


def anomaly_line(a: Anomaly) -> str:
    """Two lines: severity, kind, start -> end, actual vs expected (sums for money and counts, means per point
    for other units), impact and score; then how the episode stands (`outcome_text`)."""
    end = _when(a.end, a.step) if a.end else "ongoing"
    pct = "" if a.impact_pct is None else f" ({a.impact_pct:+.0f}%)"
    additive = a.unit in ADDITIVE
    k = 1 if additive else max(1, a.points)
    values = [v / k for v in (a.actual, a.expected, a.expected_low, a.expected_high, abs(a.impact))]
    word, change = ("actual", "impact") if additive else ("mean", "change")
    return (
        f"{a.severity.value.upper():<8} {a.kind.value:<11} {_when(a.start, a.step)} -> {end}  "
        f"{word} {_num(values[0])} vs expected {_num(values[1])} [{_num(values[2])}..{_num(values[3])}]  "
        f"{change} {'+' if a.impact >= 0 else '-'}{_num(values[4])}{pct}  score {a.score:.1f}\n"
        f"         {outcome_text(a)}"
    )


def detect_config(args: argparse.Namespace) -> DetectorConfig:
    """The detector settings the options ask for (a UsageError for contradictions)."""
    unit = Unit.MONEY if args.money else Unit(args.unit or Unit.METRIC.value)
    if args.money and args.unit not in (None, Unit.MONEY.value):
        raise UsageError(f"--money contradicts --unit {args.unit}", hint="Use one of them.")
    if args.min_impact is not None and unit is not Unit.MONEY:
        raise UsageError(
            "--min-impact is a money floor per day; this series is not money",
            hint="Add --money (or --unit money) if the values are money, or leave --min-impact out.",
        )
    overrides: dict[str, object] = {"min_relative": args.min_relative}
    if args.min_impact is not None:
        overrides["min_impact"] = args.min_impact
    try:
        return DetectorConfig.for_unit(unit, **overrides)
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def run_detect(args: argparse.Namespace) -> int:
    config = detect_config(args)
    series = read_series_csv(args.series, args.granularity, config.unit)
    found = detect(series, config)
    if args.format == "json":
        print(json.dumps([anomaly_dict(a) for a in found], indent=2))
        return 0
    known = sum(1 for v in series.values if not math.isnan(v))
    print(
        f"{args.series.name}: {known:,} points every {_duration(series.step)}, {_when(series.start, series.step)} .. "
        f"{_when(series.end - series.step, series.step)} ({config.unit.value})"
    )
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
        limits={"resource": config.max_resource_series},
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
                d["what_changed"] = [change_dict(c) for c in item.cause.changes]
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
            for c in item.cause.changes[:5]:
                print(f"  {change_line(c)}")
    return 0


def change_line(c: Change) -> str:
    """`new resource=i-0abc (Amazon EC2) +120.00 [quantity +120.00, rate +0.00]`: one change, as the CLI prints it."""
    service = f" ({c.service})" if c.service else ""
    units = "" if not c.mixed_units else f", units {'/'.join(c.units)}"
    return (
        f"{c.kind.value} {c.dimension}={c.key}{service} {c.excess:+,.2f} "
        f"[quantity {c.quantity:+,.2f}, rate {c.rate:+,.2f}, unsplit {c.unsplit:+,.2f}{units}]"
    )


def change_dict(c: Change) -> dict[str, object]:
    """One change for `--format json`: what it is, where, and its exact parts."""
    return {
        "kind": c.kind.value,
        "dimension": c.dimension,
        "key": c.key,
        "service": c.service,
        "account": c.account,
        "region": c.region,
        "usage_type": c.usage_type,
        "units": list(c.units),
        "actual": round(c.actual, 4),
        "expected": round(c.expected, 4),
        "excess": round(c.excess, 4),
        "quantity": round(c.quantity, 4),
        "rate": round(c.rate, 4),
        "unsplit": round(c.unsplit, 4),
        "share": round(c.share, 4),
        "used_before": round(c.used_before, 4),
        "used_now": round(c.used_now, 4),
    }
