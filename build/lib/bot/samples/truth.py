"""Ground truth of a generated data set: the resource inventory and every event of the plan, measured on the data.

`ground_truth.json` lists under "events" one entry per event (schema below); the money figures are measured by
running the generator's own usage SQL for the event's resources with and without the event, so they are what the
written files hold (in the billing currency, unblended).

    {
      "id": "spike-prod-cdn-downloads",           # stable, unique within the file
      "kind": "spike" | "dip" | "level_shift" | "surge" | "stop" | "new_resource" | "new_usage_type"
              | "intermittent_usage" | "recurring_credit" | "refund" | "recurring_charge_new"
              | "support_follows_usage",
      "level": "resource" | "usage_type" | "service" | "account" | "charge",
      "keys": {"account_id", "account_name", "service_code", "service_name", "usage_type", "usage_types",
               "resource_id", "region"},          # those that apply to the level
      "start": "2026-10-02T00:00:00",             # when the change begins (UTC)
      "end": "2026-10-03T00:00:00" | null,        # exclusive; null: lasts to the end of the data
      "first_complete_day": "2026-10-02",         # the first whole day under the change
      "expected_daily_delta": "90.12",            # money a day vs without the event (negative for drops)
      "currency": "USD",
      "should_alert": true,                        # whether a good detector should alert on it
      "description": "...",                       # a sentence a person would say
      ...kind-specific extras: "factor", "amount", "period", "posted", "revises_closed_period",
         "monthly_recurring_fee", "upfront_fee", "reservation_arn", "months" (support_follows_usage)
    }

`inventory.parquet` has one row per resource (per generation of a slot) alive at some time of the data:
resource_id, fleet, account_id, account_name, region, service_code, launched_at, deleted_at (null: still alive
at the end of the data), resized_at.
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb

from bot.samples import canonical as cn
from bot.samples import catalog as cat
from bot.samples import charges as ch
from bot.samples import events as ev
from bot.samples import inventory as inv

_WINDOW_DAYS = 14  # days an open-ended change is measured over


def hash_str(s: str) -> int:
    """A stable 128-bit integer from a string (Python's hash() is salted per process)."""
    return int.from_bytes(hashlib.sha256(s.encode()).digest()[:16], "big")


def write_inventory(con: duckdb.DuckDBPyConnection, path: Path, *, seed: int, first: date, data_end: date) -> None:
    """Write every resource alive at some time of [first, data_end) with its lifecycle to `path` (parquet)."""
    lo_h, hi_h = inv.hours_since_epoch(first), inv.hours_since_epoch(data_end)
    keys = ", ".join(
        f"({i}, '{f.key}', '{cat.SKU_BY_KEY[f.lines[0].sku].product_code}')" for i, f in enumerate(cat.FLEETS)
    )
    con.execute(
        f"""
COPY (
WITH fk(f, fleet, service_code) AS (VALUES {keys}),
g AS (
    SELECT s.*, unnest(CASE WHEN cycle_h IS NULL THEN [0::BIGINT]
        ELSE range(floor(({lo_h} + phase_h) / cycle_h)::BIGINT, floor(({hi_h} + phase_h) / cycle_h)::BIGINT + 1)
        END) AS gen
    FROM slots s
), span AS (
    SELECT *,
        greatest(CASE WHEN cycle_h IS NULL THEN -1e12 ELSE gen * cycle_h - phase_h END,
                 coalesce(enable_h, -1e12), coalesce(launch_h, -1e12)) AS launch_at,
        least(CASE WHEN cycle_h IS NULL THEN 1e12 ELSE gen * cycle_h - phase_h + life_h END,
              coalesce(delete_h, 1e12)) AS delete_at,
        CASE WHEN resize_at IS NOT NULL THEN gen * cycle_h - phase_h + resize_at * life_h END AS resize_h,
        hash({seed}, f, slot, gen) AS rk
    FROM g
)
SELECT {inv.resource_id_sql()} AS resource_id, fk.fleet, account_id, account_name,
    CASE WHEN region_code = 'global' THEN '' ELSE region_code END AS region, fk.service_code,
    CASE WHEN launch_at > -1e11 THEN TIMESTAMP '{inv.EPOCH}' + to_hours(launch_at::BIGINT) END AS launched_at,
    CASE WHEN delete_at < {hi_h} THEN TIMESTAMP '{inv.EPOCH}' + to_hours(delete_at::BIGINT) END AS deleted_at,
    CASE WHEN resize_h < delete_at AND resize_h > launch_at
         THEN TIMESTAMP '{inv.EPOCH}' + to_hours(ceil(resize_h)::BIGINT) END AS resized_at
FROM span JOIN fk USING (f) JOIN d_account USING (a) JOIN d_region USING (g)
WHERE delete_at > {lo_h} AND launch_at < {hi_h} AND delete_at > launch_at
ORDER BY fk.fleet, resource_id
) TO '{path}' (FORMAT parquet)
"""
    )


def commitment_json(c: inv.Commitment, currency: cat.Currency) -> dict[str, object]:
    return {
        "key": c.key,
        "type": "Reserved Instance" if c.kind == "RI" else "Compute Savings Plan",
        "arn": cn.commitment_arn(c),
        "account_id": cat.ACCOUNT_BY_NAME[c.account].account_id,
        "covers_fleet": c.fleet,
        "count": c.count,
        "start": c.start.isoformat(),
        "end": c.end.isoformat(),
        "hourly_fee" if c.kind == "RI" else "hourly_commitment": _money(c.hourly * currency.per_usd, 6),
        "upfront_fee": _money(c.upfront * c.count * currency.per_usd),
    }


def _money(v: float, places: int = 2) -> str:
    return str(Decimal(repr(v)).quantize(Decimal(1).scaleb(-places)))


def _day_start(t: datetime) -> datetime:
    return datetime(t.year, t.month, t.day)


def _first_complete_day(t: datetime) -> date:
    return t.date() if t == _day_start(t) else t.date() + timedelta(days=1)


class _Measure:
    """Daily unblended cost of chosen line slots, with the plan or a variant of it."""

    def __init__(
        self,
        con: duckdb.DuckDBPyConnection,
        *,
        seed: int,
        first: date,
        data_end: date,
        hourly: bool,
        events: Sequence[ev.Event],
        commits: Sequence[inv.Commitment],
        fx: float,
    ) -> None:
        self.con, self.seed, self.first, self.data_end, self.hourly = con, seed, first, data_end, hourly
        self.events, self.commits, self.fx = tuple(events), tuple(commits), fx

    def daily(
        self, where: str, start: date, end: date, events: Sequence[ev.Event] | None = None
    ) -> dict[date, tuple[float, dict[tuple[str, ...], float]]]:
        """{day: (cost, {(resource id, usage type, product code, service, account id, account name, region):
        cost})} of the line slots matching `where` over [start, end)."""
        start, end = max(start, self.first), min(end, self.data_end)
        out: dict[date, tuple[float, dict[tuple[str, ...], float]]] = {}
        if end <= start:
            return out
        step = 1 if self.hourly else 24
        clock = cn.Clock(start, inv.hours_since_epoch(start), (end - start).days * 24 // step, step)
        for lo, hi in inv.line_range(self.con, where):
            sql = cn.usage_select(
                clock,
                lo=lo,
                hi=hi,
                seed=self.seed,
                origin_h=inv.hours_since_epoch(self.first),
                events=self.events if events is None else events,
                commits=self.commits,
                fx=self.fx,
                negation=True,
            )
            rows = self.con.execute(
                f"""SELECT usage_start::DATE, resource_id, usage_type, product_code, service_name, account_id,
                    account_name, region, sum(cost) FROM ({sql}) GROUP BY ALL"""
            ).fetchall()
            for day, *keys, cost in rows:
                total, parts = out.get(day, (0.0, {}))
                parts[tuple(keys)] = parts.get(tuple(keys), 0.0) + float(cost)
                out[day] = (total + float(cost), parts)
        return out


def ground_truth(
    con: duckdb.DuckDBPyConnection,
    *,
    seed: int,
    first: date,
    data_end: date,
    hourly: bool,
    events: Sequence[ev.Event],
    commits: Sequence[inv.Commitment],
    currency: cat.Currency,
    charges_by_period: Mapping[date, Sequence[ch.Row]],
) -> list[dict[str, Any]]:
    """One ground-truth entry per event of the plan (see the module docstring), plus the Support fee's largest
    month-on-month rise, which follows usage and is no anomaly."""
    m = _Measure(
        con,
        seed=seed,
        first=first,
        data_end=data_end,
        hourly=hourly,
        events=events,
        commits=commits,
        fx=currency.per_usd,
    )
    out: list[dict[str, Any]] = []
    for e in events:
        if _start_of(e) >= datetime.combine(data_end, datetime.min.time()):
            continue  # has not happened by the end of the data
        entry = _entry(con, m, e, currency)
        if entry is not None:
            out.append(entry)
    support = _support_entry(charges_by_period, data_end, currency)
    if support is not None:
        out.append(support)
    return out


def _start_of(e: ev.Event) -> datetime:
    if isinstance(e, ev.UsageChange):
        return e.start
    if isinstance(e, ev.Stop | ev.Launch | ev.ReservationPurchase):
        return e.at
    if isinstance(e, ev.Refund):
        return e.posted
    return datetime.min


def _slot_where(fleet: str, resource: str = "") -> str:
    f = inv.fleet_index(fleet)
    where = f"f = {f} AND NOT neg"
    if resource:
        where += f" AND slot = {ev.slot_of(cat.FLEETS[f], resource)}"
    return where


def _keys(parts: Mapping[tuple[str, ...], float], level: str) -> dict[str, Any]:
    """Keys of the biggest contributor (by absolute cost), at `level`."""
    if not parts:
        return {}
    ranked = sorted(parts.items(), key=lambda kv: -abs(kv[1]))
    resource_id, usage_type, code, service, account_id, account_name, region = ranked[0][0]
    keys: dict[str, Any] = {"account_id": account_id, "account_name": account_name}
    if level == "account":
        return keys
    keys |= {"service_code": code, "service_name": service, "region": region}
    keys["usage_type"] = usage_type
    keys["usage_types"] = sorted({k[1] for k in parts if k[2] == code})
    if level in ("resource", "usage_type"):
        keys["resource_id"] = resource_id
    return keys


def _delta(  # noqa: PLR0917 - private helper
    m: _Measure,
    where: str,
    start: datetime,
    end: datetime | None,
    variant: Sequence[ev.Event] | None = None,
    setup: str = "",
    undo: str = "",
) -> tuple[float, dict[tuple[str, ...], float], date, date | None]:
    """Average daily cost with the plan minus without the event (the counterfactual `variant` of the plan, or
    the plan after `setup` SQL changes the inventory) over the event's complete days."""
    first_day = _first_complete_day(start)
    last = end.date() if end is not None else first_day + timedelta(days=_WINDOW_DAYS)
    last = min(last, m.data_end)
    if last <= first_day:
        return 0.0, {}, first_day, None
    with_event = m.daily(where, first_day, last)
    if setup:
        m.con.execute(setup)
    try:
        without = m.daily(where, first_day, last, variant)
    finally:
        if undo:
            m.con.execute(undo)
    days = (last - first_day).days
    parts: dict[tuple[str, ...], float] = {}
    for _d, (_t, p) in with_event.items():
        for k, v in p.items():
            parts[k] = parts.get(k, 0.0) + v
    for _d, (_t, p) in without.items():
        for k, v in p.items():
            parts[k] = parts.get(k, 0.0) - v
    total = sum(t for t, _ in with_event.values()) - sum(t for t, _ in without.values())
    return total / days, parts, first_day, last


def _base(kind: str, level: str, e: Any, currency: cat.Currency, **kw: Any) -> dict[str, Any]:
    return {
        "id": kw.pop("id"),
        "kind": kind,
        "level": level,
        "keys": kw.pop("keys"),
        "start": kw.pop("start"),
        "end": kw.pop("end"),
        "first_complete_day": kw.pop("first_complete_day"),
        "expected_daily_delta": _money(kw.pop("delta")),
        "currency": currency.code,
        "should_alert": bool(e.should_alert),
        "description": kw.pop("description"),
        **kw,
    }


def _entry(con: duckdb.DuckDBPyConnection, m: _Measure, e: ev.Event, currency: cat.Currency) -> dict[str, Any] | None:
    if isinstance(e, ev.UsageChange):
        if e.fleet:
            where = _slot_where(e.fleet, e.resource)
            level = "resource" if e.resource else "service"
            ident = f"{e.kind}-{e.fleet}" + (f"-{e.resource}" if e.resource else "")
        else:
            where = f"a = {list(cat.ACCOUNT_BY_NAME).index(e.account)} AND NOT neg"
            level, ident = "account", f"{e.kind}-{e.account}"
        variant = [x for x in m.events if x is not e]
        delta, parts, day, _last = _delta(m, where, e.start, e.end, variant)
        keys = _keys(parts, level)
        return _base(
            e.kind,
            level,
            e,
            currency,
            id=ident,
            keys=keys,
            start=e.start.isoformat(),
            end=e.end.isoformat() if e.end else None,
            first_complete_day=day.isoformat(),
            delta=delta,
            description=e.note or f"{e.kind} x{e.factor:g}",
            factor=e.factor,
        )
    if isinstance(e, ev.Stop):
        f, slot = inv.fleet_index(e.fleet), ev.slot_of(cat.FLEET_BY_KEY[e.fleet], e.resource)
        (old,) = con.execute(f"SELECT any_value(delete_h) FROM ls WHERE f = {f} AND slot = {slot}").fetchone() or (
            None,
        )
        delta, parts, day, _last = _delta(
            m,
            _slot_where(e.fleet, e.resource),
            e.at,
            None,
            setup=f"UPDATE ls SET delete_h = NULL WHERE f = {f} AND slot = {slot}",
            undo=f"UPDATE ls SET delete_h = {'NULL' if old is None else old} WHERE f = {f} AND slot = {slot}",
        )
        return _base(
            "stop",
            "resource",
            e,
            currency,
            id=f"stop-{e.fleet}-{e.resource}",
            keys=_keys(parts, "resource"),
            start=e.at.isoformat(),
            end=None,
            first_complete_day=day.isoformat(),
            delta=delta,
            description=e.note or "stopped",
        )
    if isinstance(e, ev.Launch):
        f, slot = inv.fleet_index(e.fleet), ev.slot_of(cat.FLEET_BY_KEY[e.fleet], e.resource)
        where = _slot_where(e.fleet, e.resource)
        setup = f"UPDATE ls SET launch_h = 1e9 WHERE f = {f} AND slot = {slot}"
        undo = f"UPDATE ls SET launch_h = {inv.hours_since_epoch(e.at)} WHERE f = {f} AND slot = {slot}"
        if e.kind == "intermittent_usage":
            days = m.daily(where, e.at.date(), m.data_end)
            on = [t for t, _ in days.values() if t > 0]
            sums: dict[tuple[str, ...], float] = {}
            for _t, p in days.values():
                for k, v in p.items():
                    sums[k] = sums.get(k, 0.0) + v
            return _base(
                e.kind,
                "usage_type",
                e,
                currency,
                id=f"intermittent-{e.fleet}-{e.resource}",
                keys=_keys(sums, "usage_type"),
                start=e.at.isoformat(),
                end=None,
                first_complete_day=_first_complete_day(e.at).isoformat(),
                delta=sum(on) / len(on) if on else 0.0,
                description=e.note or "on some days, off on others",
                days_on=len(on),
                days=(m.data_end - e.at.date()).days,
            )
        delta, parts, day, _last = _delta(m, where, e.at, None, setup=setup, undo=undo)
        level = "usage_type"
        return _base(
            e.kind,
            level,
            e,
            currency,
            id=f"{e.kind}-{e.fleet}-{e.resource}",
            keys=_keys(parts, level),
            start=e.at.isoformat(),
            end=None,
            first_complete_day=day.isoformat(),
            delta=delta,
            description=e.note or "a new resource",
        )
    if isinstance(e, ev.RecurringCredit):
        acct = cat.ACCOUNT_BY_NAME[e.account]
        return _base(
            e.kind,
            "charge",
            e,
            currency,
            id=f"credit-{e.account}-{e.product_code}",
            keys={
                "account_id": acct.account_id,
                "account_name": acct.name,
                "service_code": e.product_code,
                "service_name": e.service_name,
            },
            start=datetime.combine(m.first, datetime.min.time()).isoformat(),
            end=None,
            first_complete_day=m.first.isoformat(),
            delta=0.0,
            description=f"{e.description}: a credit of {_money(e.amount_usd * currency.per_usd)} "
            f"{currency.code} every month, expected",
            amount=_money(-e.amount_usd * currency.per_usd),
            frequency="monthly",
        )
    if isinstance(e, ev.Refund):
        if e.posted.date() >= m.data_end or e.period >= m.data_end or e.period < m.first:
            return None
        acct = cat.ACCOUNT_BY_NAME[e.account]
        period_end = date(e.period.year + e.period.month // 12, e.period.month % 12 + 1, 1)
        return _base(
            e.kind,
            "charge",
            e,
            currency,
            id=f"refund-{e.account}-{e.period:%Y-%m}",
            keys={
                "account_id": acct.account_id,
                "account_name": acct.name,
                "service_code": e.product_code,
                "service_name": e.service_name,
            },
            start=e.posted.isoformat(),
            end=e.posted.isoformat(),
            first_complete_day=e.posted.date().isoformat(),
            delta=0.0,
            description=e.description,
            amount=_money(-e.amount_usd * currency.per_usd),
            period=e.period.isoformat(),
            posted=e.posted.isoformat(),
            revises_closed_period=e.posted.date() >= period_end,
        )
    if isinstance(e, ev.ReservationPurchase):
        c = next(c for c in m.commits if c.key == e.key)
        sku = cat.SKU_BY_KEY[e.sku]
        acct = cat.ACCOUNT_BY_NAME[c.account]
        fx = currency.per_usd
        fleet = cat.FLEET_BY_KEY[e.fleet]
        usage_type = (
            "" if sku.bare_in_use1 and fleet.region == "us-east-1" else cat.REGION_BY_CODE[fleet.region].prefix + "-"
        ) + f"HeavyUsage:{sku.instance_type}"
        return _base(
            e.kind,
            "charge",
            e,
            currency,
            id=f"reservation-{e.key}",
            keys={
                "account_id": acct.account_id,
                "account_name": acct.name,
                "service_code": sku.product_code,
                "service_name": sku.service_name,
                "usage_type": usage_type,
                "region": fleet.region,
            },
            start=e.at.isoformat(),
            end=c.end.isoformat(),
            first_complete_day=_first_complete_day(e.at).isoformat(),
            delta=e.hourly_usd * e.count * 24 * fx,
            description=e.note or "a new reservation",
            reservation_arn=cn.commitment_arn(c),
            upfront_fee=_money(e.upfront_usd * e.count * fx),
            monthly_recurring_fee=_money(e.hourly_usd * e.count * 730 * fx),
            covered_usage_daily_delta=_money(-sku.rate * fx * e.count * 24),
        )
    return None


def _support_entry(
    charges_by_period: Mapping[date, Sequence[ch.Row]], data_end: date, currency: cat.Currency
) -> dict[str, Any] | None:
    """The largest month-on-month rise of the Support fee between closed months: it follows usage."""
    totals = {
        p: sum(
            float(str(r["cost"])) for r in rows if r["product_code"] == "AWSSupportBusiness" and r["line_type"] == "Fee"
        )
        for p, rows in sorted(charges_by_period.items())
    }
    closed = [p for p in totals if date(p.year + p.month // 12, p.month % 12 + 1, 1) <= data_end]
    rises = [(totals[b] - totals[a], a, b) for a, b in itertools.pairwise(closed)]
    if not rises:
        return None
    rise, before, after = max(rises)
    if rise <= 0:
        return None
    return {
        "id": f"support-{after:%Y-%m}",
        "kind": "support_follows_usage",
        "level": "charge",
        "keys": {"service_code": "AWSSupportBusiness", "service_name": "AWS Support (Business)"},
        "start": datetime.combine(after, datetime.min.time()).isoformat(),
        "end": None,
        "first_complete_day": after.isoformat(),
        "expected_daily_delta": "0.00",
        "currency": currency.code,
        "should_alert": False,
        "description": f"the monthly Support fee rose from {_money(totals[before])} to {_money(totals[after])} "
        f"{currency.code} because the month's usage rose: Support is a share of usage, no anomaly",
        "months": {before.isoformat(): _money(totals[before]), after.isoformat(): _money(totals[after])},
    }


__all__ = ["commitment_json", "ground_truth", "hash_str", "write_inventory"]
