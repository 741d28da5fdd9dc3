"""Plain-text and JSON renderings of a `CostResult`, for `trackit query` and for scripts.

Both are pure functions of the result. The JSON document is a stable, versioned interface documented in
docs/query-language.md ("JSON output"): keys are only ever added, never renamed or removed, within a
`schema` version.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from bot.billing.grammar_format import format_query
from bot.billing.model import (
    CostResult,
    Dimension,
    DimensionRef,
    Forecast,
    Freshness,
    Granularity,
    GroupCost,
    PeriodStatus,
    PreviousStatus,
    Progress,
    TimeRange,
)
from bot.billing.money import NOISE_DECIMALS, Money, denoise, format_pct
from bot.billing.vocabulary import Vocabulary, key_text
from bot.reports.table import text_table

#: Version of the JSON document; bumped only for an incompatible change.
JSON_SCHEMA = "trackit.cost/1"
#: Decimal places of amounts in JSON: line items carry sub-cent costs, so cents alone would lose data.
JSON_DECIMALS = NOISE_DECIMALS


# ------------------------------------------------------------------------------------------ small pieces


def period_days(time_range: TimeRange) -> str:
    """The days a range includes: `2026-10-01 – 2026-10-31`, or one day `2026-10-05`."""
    last = time_range.end - timedelta(days=1)
    if last == time_range.start:
        return f"{time_range.start:%Y-%m-%d}"
    return f"{time_range.start:%Y-%m-%d} – {last:%Y-%m-%d}"


def period_text(time_range: TimeRange) -> str:
    """`last month (2026-10-01 – 2026-10-31)`: the words used, then the days included."""
    days = period_days(time_range)
    label = time_range.label
    last = time_range.end - timedelta(days=1)
    if not label or label in (days, f"{time_range.start:%Y-%m-%d}..{last:%Y-%m-%d}"):
        return days
    return f"{label} ({days})"


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def freshness_text(freshness: Freshness) -> str:
    """`Data up to 2026-11-26 18:00 UTC; 2026-10 final, 2026-11 estimated.` or `No billing data for this period.`"""
    if freshness.data_until is None:
        return "No billing data for this period."
    states = [f"{period:%Y-%m} {'final' if final else 'estimated'}" for period, final in freshness.month_states()]
    tail = f"; {', '.join(states)}" if states else ""
    declared = freshness.complete_until
    if declared is not None and _utc(declared) != _utc(freshness.data_until):
        tail = f" (complete up to {_utc(declared):%Y-%m-%d %H:%M} UTC, as the export declares){tail}"
    return f"Data up to {_utc(freshness.data_until):%Y-%m-%d %H:%M} UTC{tail}."


def _header(ref: DimensionRef, vocabulary: Vocabulary | None) -> str:
    if ref.kind is Dimension.TAG:
        return vocabulary.tag_label(str(ref.tag_key)) if vocabulary else ref.label
    return ref.label


def _change_cell(g: GroupCost, money: Money) -> str:
    """`+$12.00 (+4.0%)`, `+$12.00 (new)` when the group cost nothing before, '' when not compared."""
    change, previous = g.change, g.previous_cost
    if change is None or previous is None:
        return ""
    text = money.change(change)
    if previous:
        return f"{text} ({format_pct(change / abs(previous) * 100.0)})"
    current = previous + change
    return f"{text} (new)" if money(current) != money(0) else text


def total_text(result: CostResult, money: Callable[[float], str]) -> str:
    """The headline amount: `$1,234.56`, `$1,234.56 so far` while the period is in progress, `no data yet`."""
    if result.progress is Progress.NO_DATA_YET:
        return "no data yet"
    amount = money(result.total)
    return amount if result.progress is Progress.COMPLETE else f"{amount} so far"


def comparison_text(
    result: CostResult, money: Callable[[float], str], change: Callable[[float | None], str]
) -> str | None:
    """How the period compares with the previous one, like for like, as a person reads it (None: no comparison):

    - `+$52.10 (+4.4%) vs the previous period (2026-10-01 – 2026-10-31): $1,182.46`
    - `complete days 2026-12-01 – 2026-12-03: $1,234.56, +$52.10 (+4.4%) vs the same days of the previous
      period (2026-11-01 – 2026-11-03): $1,182.46`
    - `vs the previous period (2025-01-01 – 2025-12-31): no data`
    - `partial day: compared once the day is complete`
    """
    if result.progress is Progress.PARTIAL_DAY and result.query.compare:
        return "partial day: compared once the day is complete"
    prev = result.previous_range
    if prev is None or result.previous_status is PreviousStatus.NOT_COMPARED:
        return None
    if result.query.versus is not None:
        versus = f"vs {prev.label} ({period_days(prev)})"
    else:
        versus = f"vs the {prev.label or 'previous period'} ({period_days(prev)})"
    head = ""
    if result.progress is Progress.IN_PROGRESS and result.compared_range is not None:
        compared = result.compared_total if result.compared_total is not None else result.total
        head = f"complete days {period_days(result.compared_range)}: {money(compared)}"
    if result.previous_status is PreviousStatus.NO_DATA or result.previous_total is None:
        # (`...: $1.67; the previous period (...): no data`, `...; same days of 2023-10-01..2023-10-15 (...): no data`)
        return f"{head}; {versus.removeprefix('vs ')}: no data" if head else f"{versus}: no data"
    delta = f"{change(result.change)} ({format_pct(result.change_pct)}) {versus}: {money(result.previous_total)}"
    text = f"{head}, {delta}" if head else delta
    usage = _usage_text(result, change)
    return f"{text}; {usage}" if usage else text


def why_lines(result: CostResult, money: Money, vocabulary: Vocabulary | None) -> list[str]:
    """The answer to "why": per dimension, the values that moved most with the change and their share of it,
    e.g. `service: Amazon Elastic Compute Cloud +$120.00 (80%), Amazon Simple Storage Service +$20.00 (13%)`."""
    by_dimension: dict[str, list[str]] = {}
    for c in result.causes:
        label = key_text(DimensionRef(Dimension(c.dimension)), c.key, vocabulary)
        share = f" ({c.share * 100:.0f}% of the change)" if 0 < c.share <= 1 else ""
        by_dimension.setdefault(c.dimension, []).append(f"{label} {money.change(c.change)}{share}")
    return [f"{dimension}: {', '.join(parts)}" for dimension, parts in by_dimension.items()]


def why_changes(result: CostResult, money: Money) -> list[str]:
    """The answer to "why", per resource: what changed from the period compared with (new, gone, resized, usage
    vs rate), as an alert's root cause says it (`bot.slack.anomaly_cause.change_lines`); empty without changes."""
    if not result.changes or result.previous_range is None:
        return []
    # Imported here: the alert rendering pulls in the root-cause code (numpy), which other answers never need.
    from bot.slack.anomaly_cause import change_lines

    excess = sum(c.excess for c in result.changes)
    against = result.previous_range.label or "the previous period"
    return change_lines(result.changes, excess, money.symbol, against=against)


def average_text(result: CostResult, money: Money) -> str:
    """`$412.30 per day over 30 complete days (previous period $380.10 per day, +$32.20)`; "" without one."""
    a = result.average
    if a is None:
        return ""
    text = f"{money(a.per_day)} per day over {a.days} complete day{'' if a.days == 1 else 's'}"
    if a.previous_per_day is not None:
        text += (
            f" (previous period {money(a.previous_per_day)} per day, {money.change(a.per_day - a.previous_per_day)})"
        )
    return text


def step_average_text(result: CostResult, money: Money) -> str:
    """`$2,890.10 per week over 7 complete weeks (2026-10-05 – 2026-11-22)`; "" without one."""
    a = result.step_average
    if a is None:
        return ""
    steps = f"{a.steps} complete {a.unit}{'' if a.steps == 1 else 's'}"
    return f"{money(a.per_step)} per {a.unit} over {steps} ({a.first:%Y-%m-%d} – {a.last:%Y-%m-%d})"


def unusual_lines(result: CostResult, money: Money, vocabulary: Vocabulary | None) -> list[str]:
    """One line per unusual span: `2026-11-18 to 2026-11-19, service Amazon EC2: $900.00 against about $300.00
    expected (+$600.00)`."""
    out = []
    for u in result.unusual:
        days = f"{u.start:%Y-%m-%d}" if u.start == u.last else f"{u.start:%Y-%m-%d} to {u.last:%Y-%m-%d}"
        what = (
            "total"
            if u.dimension == "total"
            else f"{u.dimension} {key_text(DimensionRef(Dimension(u.dimension)), u.value, vocabulary)}"
        )
        out.append(
            f"{days}, {what}: {money(u.actual)} against about {money(u.expected)} expected ({money.change(u.impact)})"
        )
    return out


def _usage_text(result: CostResult, change: Callable[[float | None], str]) -> str:
    """`usage alone +$164.00 (+14.0%)` when period charges (fees, tax, credits) sit in either span."""
    delta = result.usage_change
    if delta is None or result.compared_usage is None or result.previous_usage is None:
        return ""
    compared = result.compared_total if result.compared_total is not None else result.total
    previous = result.previous_total or 0.0
    if abs(compared - result.compared_usage) < 0.005 and abs(previous - result.previous_usage) < 0.005:
        return ""  # nothing but usage in either span: the change above is the usage change
    if abs(result.compared_usage) < 0.005 and abs(result.previous_usage) < 0.005:
        return ""  # no usage at all (period charges asked for): nothing to set apart
    pct = format_pct(delta / abs(result.previous_usage) * 100.0) if result.previous_usage else "new"
    return f"usage alone {change(delta)} ({pct}), period charges (fees, tax, credits) aside"


def forecast_text(forecast: Forecast, money: Callable[[float], str]) -> str:
    """`Forecast for 2026-12: $11,420.00 (likely $10,900.00 – $12,100.00): usage $7,430.00 ($714.20 in 3 complete
    days of 31) + period charges $3,990.00 ($3,432.00 posted).`"""
    f = forecast
    return (
        f"Forecast for {f.month:%Y-%m}: {money(f.expected)} (likely {money(f.low)} – {money(f.high)}): "
        f"usage {money(f.usage_expected)} ({money(f.usage_to_date)} in {f.days_elapsed} complete "
        f"day{'' if f.days_elapsed == 1 else 's'} of {f.days_in_month}) + period charges "
        f"{money(f.period_expected)} ({money(f.period_to_date)} posted)."
    )


_STEP_NAMES = {
    Granularity.HOUR: "Hourly",
    Granularity.DAY: "Daily",
    Granularity.WEEK: "Weekly",
    Granularity.MONTH: "Monthly",
    Granularity.QUARTER: "Quarterly",
}


def step_name(granularity: Granularity) -> str:
    """How a time step is titled (`Daily`, `Quarterly`), in the CLI's tables and the charts alike."""
    return _STEP_NAMES.get(granularity, "Monthly")


def _bucket_text(bucket: datetime, granularity: Granularity) -> str:
    if granularity is Granularity.HOUR:
        return f"{_utc(bucket):%Y-%m-%d %H:00}"
    if granularity is Granularity.MONTH:
        return f"{bucket:%Y-%m}"
    if granularity is Granularity.QUARTER:
        return f"{bucket.year}-q{(bucket.month - 1) // 3 + 1}"
    if granularity is Granularity.WEEK:
        return f"week of {bucket:%Y-%m-%d}"
    return f"{bucket:%Y-%m-%d}"


# ------------------------------------------------------------------------------------------ text


def render_text(result: CostResult, *, text: str | None = None, vocabulary: Vocabulary | None = None) -> str:
    """A terminal answer: headline total with the change against the previous period, the forecast when there is
    one, the breakdown table (folded rest as "Other", then the total), per-bucket totals for a time series,
    notes, and the data's freshness; amounts in the result's currency. `text` is the user's query (echoed).
    """
    q = result.query
    money = Money(result.currency)
    lines = [f"Query: {text if text is not None else format_query(q, vocabulary)}"]
    lines.append(f"Cost {period_text(q.time_range)}, {q.basis.value}, {money.currency}")
    lines.append(f"Total: {total_text(result, money)}")
    comparison = comparison_text(result, money, money.change)
    if comparison:
        lines.append(f"Change: {comparison}")
    if result.forecast is not None:
        lines.append(forecast_text(result.forecast, money))
    if result.causes:
        lines += [
            "",
            "Why (what moved most with the change):",
            *(f"  {w}" for w in why_lines(result, money, vocabulary)),
            *(f"  {w}" for w in why_changes(result, money)),
        ]
    if result.average is not None:
        lines.append(f"Average: {average_text(result, money)}")
    if result.step_average is not None:
        lines.append(f"Average: {step_average_text(result, money)}")
    if result.unusual:
        lines += [
            "",
            "Unusual days (usage-driven cost):",
            *(f"  {u}" for u in unusual_lines(result, money, vocabulary)),
        ]

    if q.group_by:
        lines.append("")
        compare = any(g.previous_cost is not None for g in result.groups)
        header = [*(_header(ref, vocabulary) for ref in q.group_by), "cost"]
        if compare:
            header += ["previous", "change"]
        rows: list[list[str]] = [header]
        for g in result.groups:
            row = [key_text(ref, k, vocabulary) for ref, k in zip(q.group_by, g.keys, strict=True)]
            row.append(money(g.cost))
            if compare:
                prev = "" if g.previous_cost is None else money(g.previous_cost)
                row += [prev, _change_cell(g, money)]
            rows.append(row)
        blanks = [""] * (len(q.group_by) - 1)
        tail = ["", ""] if compare else []
        if result.other is not None:
            rows.append([f"Other ({result.other_count} more)", *blanks, money(result.other), *tail])
        if not result.groups:
            rows.append(["(no costs)", *blanks, "", *tail])
        rows.append(["Total", *blanks, money(result.total), *tail])
        numbers = range(len(q.group_by), len(q.group_by) + (3 if compare else 1))
        lines += text_table(rows, right=numbers, rule=True)
        if compare and result.progress is Progress.IN_PROGRESS:
            lines.append("(changes compare the complete days with the same days of the previous period)")

    if result.series:
        totals: dict[datetime, float] = {}
        for p in result.series:
            totals[p.bucket] = totals.get(p.bucket, 0.0) + p.cost
        step = step_name(q.granularity)
        lines += ["", f"{step} totals" + (" (per-group series: --format json)" if q.group_by else "")]
        series_rows = [["period", "cost"]]
        series_rows += [[_bucket_text(b, q.granularity), money(c)] for b, c in sorted(totals.items())]
        lines += text_table(series_rows, right={1}, rule=True)

    if result.notes:
        lines += ["", *result.notes]
    lines += ["", freshness_text(result.freshness)]
    return "\n".join(lines)


# ------------------------------------------------------------------------------------------ JSON


def _money(x: float | None) -> float | None:
    return None if x is None else float(denoise(x)) + 0.0  # `+ 0.0` turns -0.0 into 0.0


def _iso(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    return _utc(moment).isoformat().replace("+00:00", "Z")


def _period(r: TimeRange | None) -> dict[str, Any] | None:
    if r is None:
        return None
    return {
        "start": r.start.isoformat(),
        "end": r.end.isoformat(),
        "last_day": (r.end - timedelta(days=1)).isoformat(),
        "days": r.days,
        "label": r.label,
    }


def _status(p: PeriodStatus) -> dict[str, Any]:
    return {
        "billing_period": p.billing_period.isoformat(),
        "final": p.final,
        "data_until": _iso(p.data_until),
        "delivery_id": p.delivery_id,
        "delivered_at": _iso(p.delivered_at),
        "loaded_at": _iso(p.loaded_at),
        "source_format": p.source_format,
        "rows": p.rows,
        "currencies": list(p.currencies),
        "has_net_cost": p.has_net_cost,
    }


def _forecast(f: Forecast | None) -> dict[str, Any] | None:
    if f is None:
        return None
    return {
        "month": f.month.isoformat(),
        "month_to_date": _money(f.month_to_date),
        "expected": _money(f.expected),
        "low": _money(f.low),
        "high": _money(f.high),
        "days_elapsed": f.days_elapsed,
        "days_in_month": f.days_in_month,
        "usage_to_date": _money(f.usage_to_date),
        "usage_expected": _money(f.usage_expected),
        "period_to_date": _money(f.period_to_date),
        "period_expected": _money(f.period_expected),
        "method": f.method,
    }


def _pct(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


def result_to_json(result: CostResult, *, text: str | None = None) -> dict[str, Any]:
    """The stable JSON document for a result (see docs/query-language.md for every key).

    `query` is the text the user typed (the canonical form when `text` is None); `canonical_query` is the
    canonical form, which `trackit query` reads back to the same question. Dates are ISO `YYYY-MM-DD`, times
    ISO 8601 UTC with `Z`, amounts numbers in the billing currency rounded to 6 decimals.
    """
    q = result.query
    dims = [ref.label for ref in q.group_by]
    canonical = format_query(q)
    groups = []
    for g in result.groups:
        change = g.change
        pct = (change / abs(g.previous_cost) * 100.0) if change is not None and g.previous_cost else None
        groups.append(
            {
                "keys": dict(zip(dims, g.keys, strict=True)),
                "cost": _money(g.cost),
                "previous_cost": _money(g.previous_cost),
                "compared_cost": _money(g.compared_cost),
                "change": _money(change),
                "change_pct": _pct(pct),
            }
        )
    freshness = result.freshness
    return {
        "schema": JSON_SCHEMA,
        "query": text if text is not None else canonical,
        "canonical_query": canonical,
        "basis": q.basis.value,
        "currency": result.currency,
        "period": _period(q.time_range),
        "previous_period": _period(result.previous_range),
        "previous_status": result.previous_status.value,
        "progress": result.progress.value,
        "compared_period": _period(result.compared_range),
        "compared_total": _money(result.compared_total),
        "group_by": dims,
        "filters": [{"dimension": f.dimension.label, "values": list(f.values), "negate": f.negate} for f in q.filters],
        "granularity": q.granularity.value,
        "top": q.top,
        "total": _money(result.total),
        "previous_total": _money(result.previous_total),
        "change": _money(result.change),
        "change_pct": _pct(result.change_pct),
        "groups": groups,
        "other": None if result.other is None else {"cost": _money(result.other), "groups": result.other_count},
        "series": [
            {"bucket": _iso(p.bucket), "keys": dict(zip(dims, p.keys, strict=True)), "cost": _money(p.cost)}
            for p in result.series
        ],
        "freshness": {
            "data_until": _iso(freshness.data_until),
            "final": freshness.final,
            "periods": [_status(p) for p in freshness.periods],
        },
        "forecast": _forecast(result.forecast),
        "notes": list(result.notes),
        "question": q.question.value,
        "causes": [
            {
                "dimension": c.dimension,
                "key": c.key,
                "cost": _money(c.cost),
                "previous_cost": _money(c.previous_cost),
                "change": _money(c.change),
                "share": _pct(c.share * 100.0),
            }
            for c in result.causes
        ],
        "average": None
        if result.average is None
        else {
            "per_day": _money(result.average.per_day),
            "days": result.average.days,
            "previous_per_day": _money(result.average.previous_per_day),
        },
        "average_per_step": None
        if result.step_average is None
        else {
            "unit": result.step_average.unit,
            "amount": _money(result.step_average.per_step),
            "steps": result.step_average.steps,
            "first_day": result.step_average.first.isoformat(),
            "last_day": result.step_average.last.isoformat(),
        },
        "unusual": [
            {
                "dimension": u.dimension,
                "key": u.value,
                "first_day": u.start.isoformat(),
                "last_day": u.last.isoformat(),
                "actual": _money(u.actual),
                "expected": _money(u.expected),
                "impact": _money(u.impact),
            }
            for u in result.unusual
        ],
    }
