"""The organisation's resources: how many of each fleet, their lifecycles, and the DuckDB tables that hold them.

Every resource lives in a *slot* of its fleet. A slot hosts one resource after another: a resource lives
`life_h` hours, is deleted, and after a short gap (2-10% of its life) its replacement is launched with a new id.
Slot `s` of fleet `f` with cycle `L = life + gap` and phase `p` hosts generation `g = floor((h + p) / L)` at hour
`h` (hours since `EPOCH`); that generation was launched at `g * L - p` and is deleted `life_h` later. Permanent
fleets (the named databases, distributions, clusters) have one generation. A resource's id is a hash of (seed,
fleet, slot, generation): the same in every month and every format. Some resources are resized once during their
life (same id, another instance type).

The organisation grows: the slots of scalable fleets beyond the first month's count open one by one (about
`GROWTH` a month), so the number of resources, not only their usage, rises. Sizes follow `rows_per_month`: the
scalable fleets get as many slots as make the first month hold about that many line items (see `plan_sizes`).

The generator joins the `ls` table (one row per slot and usage line, `li` dense) with time steps; nothing here is
materialised per line item.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import duckdb

from bot.samples import catalog as cat
from bot.samples import events as ev
from bot.samples import seasonality as season
from bot.samples.columns import MAP_COLUMNS
from bot.sqltext import quote_literal

#: Hour 0 of the generator's clock: a Monday, so weekday = (hour // 24) % 7 with 0 = Monday.
EPOCH = datetime(2020, 1, 6)
#: Monthly growth of the number of resources in scalable fleets.
GROWTH = 0.02
_FAR = 1.0e9  # hours: "never"


def hours_since_epoch(t: datetime | date) -> float:
    if not isinstance(t, datetime):
        t = datetime(t.year, t.month, t.day)
    return (t - EPOCH).total_seconds() / 3600


def at_hour(h: float) -> datetime:
    return EPOCH + timedelta(hours=h)


@dataclass(frozen=True)
class Commitment:
    """A reservation or savings plan as the generator books it (amounts in USD)."""

    key: str
    kind: str  # "RI" or "SP"
    fleet: str
    sku: str
    count: int  # reservations (RI) or covered resources (SP)
    start: datetime
    end: datetime
    hourly: float  # RI: recurring fee per reservation-hour; SP: the hourly commitment
    upfront: float  # RI: one-time fee per reservation
    discount: float = 0.0  # SP only
    account: str = ""  # the account that bought it


@dataclass(frozen=True)
class Sizes:
    """How many resources each fleet has in the first month (`n0`) and at most (`slots`)."""

    n0: dict[str, int]
    slots: dict[str, int]
    expected_rows: float  # usage line items expected in a full first month

    def scaled(self, key: str, share: float) -> int:
        return max(1, round(self.n0[key] * share))


def _alive_share(fleet: cat.Fleet) -> float:
    return 1.0 if fleet.lifetime[1] <= 0 else 0.94


def _rows_per_slot(fleet: cat.Fleet, steps: int, hourly: bool, negation: bool, covered: float) -> float:
    lines = len(fleet.lines) + (covered if negation else 0.0)
    return steps * lines * season.duty(fleet.schedule, hourly) * _alive_share(fleet)


def plan_sizes(
    rows_per_month: int,
    *,
    hourly: bool,
    months: int,
    negation: bool,
    launched: set[str],
    fixed_rows: int,
) -> Sizes:
    """Resource counts that make a 30.4-day first month hold about `rows_per_month` line items.

    Fixed fleets keep their count; scalable fleets get `max(count, round(share * X))` resources, X solved by
    bisection. Raises ValueError with the smallest workable size when even the minimum organisation does not fit.
    """
    steps = 730 if hourly else 30.4
    sp_fleets = {sp.fleet: sp.share for sp in cat.SAVINGS_PLANS}

    # Event-only fleets (a handful of resources) are left out of the sizing, so that the organisation is the
    # same whatever the event plan.
    def fleets() -> list[cat.Fleet]:
        return [f for f in cat.FLEETS if not f.event_only]

    def total(x: float) -> tuple[float, dict[str, int]]:
        n0 = {}
        rows = 0.0
        for f in fleets():
            n = f.count if f.share == 0 else max(f.count, round(f.share * x))
            n0[f.key] = n
            rows += n * _rows_per_slot(f, int(steps), hourly, negation, sp_fleets.get(f.key, 0.0))
        return rows, n0

    target = rows_per_month - fixed_rows
    least, _ = total(0.0)
    if least > target:
        raise ValueError(f"{math.ceil(least + fixed_rows)}")
    lo, hi = 0.0, 1.0
    while total(hi)[0] < target:
        hi *= 2
    for _ in range(60):
        mid = (lo + hi) / 2
        if total(mid)[0] < target:
            lo = mid
        else:
            hi = mid
    rows, n0 = total(lo)
    grow = math.exp(GROWTH * months)
    slots = {f.key: (n0[f.key] if f.share == 0 else math.ceil(n0[f.key] * grow) + 1) for f in fleets()}
    for f in cat.FLEETS:
        if f.event_only and f.key in launched:
            n0[f.key] = slots[f.key] = f.count
    return Sizes(n0, slots, rows)


def commitments(sizes: Sizes, first: date, events: Sequence[ev.Event]) -> tuple[Commitment, ...]:
    """The organisation's reservations and savings plans, scaled with the fleets they cover, plus purchases of
    the plan."""
    out: list[Commitment] = []
    start = datetime(first.year, first.month, first.day)
    for r in cat.RESERVATIONS:
        if r.fleet not in sizes.n0:
            continue
        begin = start - timedelta(days=r.start_days)
        out.append(
            Commitment(
                r.key,
                "RI",
                r.fleet,
                r.sku,
                sizes.scaled(r.fleet, r.share),
                begin,
                begin + timedelta(days=r.term_days),
                r.hourly,
                r.upfront,
                account=cat.FLEET_BY_KEY[r.fleet].account,
            )
        )
    for e in events:
        if isinstance(e, ev.ReservationPurchase):
            out.append(
                Commitment(
                    e.key,
                    "RI",
                    e.fleet,
                    e.sku,
                    e.count,
                    e.at,
                    e.at + timedelta(days=e.term_days),
                    e.hourly_usd,
                    e.upfront_usd,
                    account=cat.FLEET_BY_KEY[e.fleet].account,
                )
            )
    for sp in cat.SAVINGS_PLANS:
        fleet = cat.FLEET_BY_KEY[sp.fleet]
        count = sizes.scaled(sp.fleet, sp.share)
        rate = cat.SKU_BY_KEY[fleet.lines[0].sku].rate
        begin = start - timedelta(days=sp.start_days)
        out.append(
            Commitment(
                sp.key,
                "SP",
                sp.fleet,
                fleet.lines[0].sku,
                count,
                begin,
                begin + timedelta(days=3 * 365),
                round(count * rate * (1 - sp.discount) * sp.headroom, 4),
                0.0,
                sp.discount,
                sp.account,
            )
        )
    return tuple(out)


# ------------------------------------------------------------------------------------------------ tables

_PLACEHOLDERS = {
    "r": "region_code",
    "a": "account_id",
    "h17": "printf('%017x', rk)",
    "h16": "printf('%016x', rk)",
    "h8": "printf('%08x', rk % 4294967296)",
    "h6": "printf('%06x', rk % 16777216)",
    "h32": "printf('%016x%016x', rk, hash(rk, 1))",
    "H13": "upper(printf('%013x', rk % 4503599627370496))",
    "uuid": "printf('%08x-%04x-4%03x-a%03x-%012x', rk % 4294967296, hash(rk, 11) % 65536, hash(rk, 12) % 4096, "
    "hash(rk, 13) % 4096, hash(rk, 14) % 281474976710656)",
    "name": "rname",
}


def _template_sql(template: str) -> str:
    """`arn:aws:rds:{r}:{a}:db:{name}` -> a concatenation of literals and the placeholders' SQL."""
    import re

    if not template:
        return "''"
    parts = []
    for literal, name in re.findall(r"([^{]*)(?:\{(\w+)\})?", template):
        if literal:
            parts.append(quote_literal(literal))
        if name:
            parts.append(f"({_PLACEHOLDERS[name]})")
    return " || ".join(parts)


def resource_id_sql() -> str:
    """SQL of a line's resource id from `f` (fleet index), `rk` (the generation's hash), `rname`, `region_code`
    and `account_id`: one CASE branch per fleet."""
    branches = " ".join(f"WHEN {i} THEN {_template_sql(fl.id_template)}" for i, fl in enumerate(cat.FLEETS))
    return f"CASE f {branches} END"


def _u(i: int, seed: int) -> str:
    return f"((hash({seed}, f, slot, {i}) % 1000003)::DOUBLE / 1000003.0)"


def create_tables(
    con: duckdb.DuckDBPyConnection,
    *,
    seed: int,
    first: date,
    sizes: Sizes,
    commits: Sequence[Commitment],
    events: Sequence[ev.Event],
    fx: float,
) -> None:
    """Create the dimension tables (`d_sku`, `d_account`, `d_region`) and the line-slot table `ls`."""
    con.execute(
        "CREATE OR REPLACE TABLE d_sku (s INTEGER, product_code VARCHAR, service_name VARCHAR, "
        "service_category VARCHAR, product_family VARCHAR, usage_type VARCHAR, operation VARCHAR, unit VARCHAR, "
        "rate DOUBLE, instance_type VARCHAR, description VARCHAR, bare_in_use1 BOOLEAN)"
    )
    con.executemany(
        "INSERT INTO d_sku VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            [
                i,
                s.product_code,
                s.service_name,
                s.service_category,
                s.product_family,
                s.usage_type,
                s.operation,
                s.unit,
                s.rate * fx,
                s.instance_type,
                s.description,
                s.bare_in_use1,
            ]
            for i, s in enumerate(cat.SKUS)
        ],
    )
    con.execute(
        "CREATE OR REPLACE TABLE d_account (a INTEGER, account_id VARCHAR, account_name VARCHAR, env VARCHAR, "
        "bu VARCHAR, coverage DOUBLE, cc_environment VARCHAR)"
    )
    con.executemany(
        "INSERT INTO d_account VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            [
                i,
                a.account_id,
                a.name,
                a.env,
                a.business_unit,
                a.tag_coverage,
                {"prod": "Production", "shared": "Shared"}.get(a.env, "Non-Production"),
            ]
            for i, a in enumerate(cat.ACCOUNTS)
        ],
    )
    con.execute("CREATE OR REPLACE TABLE d_region (g INTEGER, region_code VARCHAR, location VARCHAR, prefix VARCHAR)")
    con.executemany(
        "INSERT INTO d_region VALUES (?, ?, ?, ?)", [[i, r.code, r.name, r.prefix] for i, r in enumerate(cat.REGIONS)]
    )

    sku_index = {s.key: i for i, s in enumerate(cat.SKUS)}
    account_index = {k: i for i, k in enumerate(cat.ACCOUNT_BY_NAME)}
    region_index = {r.code: i for i, r in enumerate(cat.REGIONS)}
    origin_h = hours_since_epoch(first)
    fleet_rows = []
    line_rows = []
    for f, fleet in enumerate(cat.FLEETS):
        if fleet.key not in sizes.slots:
            continue
        life_lo, life_hi = fleet.lifetime
        fleet_rows.append(
            [
                f,
                sizes.slots[fleet.key],
                sizes.n0[fleet.key],
                account_index[fleet.account],
                region_index[fleet.region],
                life_lo * 24,
                life_hi * 24,
                season.SCHEDULES.index(fleet.schedule),
                fleet.size[0],
                fleet.size[1],
                list(fleet.sizes),
                fleet.resize,
                fleet.team,
                list(fleet.names),
                fleet.share > 0,
            ]
        )
        for k, line in enumerate(fleet.lines):
            line_rows.append(
                [
                    f,
                    k,
                    sku_index[line.sku],
                    sku_index[line.resized_sku or line.sku],
                    line.per_hour,
                    line.is_sized(),
                    season.PROFILES.index(line.profile),
                    line.noise,
                    line.growth,
                    False,
                    _counted(line.sku),
                ]
            )
    # Savings-Plan-covered lines get a negation twin (CUR only): the twin lines come after the fleet's own lines.
    for c in commits:
        if c.kind == "SP":
            f = next(i for i, fl in enumerate(cat.FLEETS) if fl.key == c.fleet)
            line = cat.FLEET_BY_KEY[c.fleet].lines[0]
            line_rows.append(
                [
                    f,
                    99,
                    sku_index[line.sku],
                    sku_index[line.sku],
                    line.per_hour,
                    line.is_sized(),
                    season.PROFILES.index(line.profile),
                    line.noise,
                    line.growth,
                    True,
                    _counted(line.sku),
                ]
            )
    con.execute(
        "CREATE OR REPLACE TABLE d_fleet (f INTEGER, n_slots INTEGER, n0 INTEGER, a INTEGER, g INTEGER, "
        "life_lo DOUBLE, life_hi DOUBLE, schedule INTEGER, size_lo DOUBLE, size_hi DOUBLE, sizes DOUBLE[], "
        "resize DOUBLE, team VARCHAR, names VARCHAR[], scalable BOOLEAN)"
    )
    con.executemany("INSERT INTO d_fleet VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", fleet_rows)
    con.execute(
        "CREATE OR REPLACE TABLE d_line (f INTEGER, k INTEGER, sku INTEGER, alt_sku INTEGER, per_hour DOUBLE, "
        "sized BOOLEAN, profile INTEGER, noise DOUBLE, lgrowth DOUBLE, neg BOOLEAN, counted BOOLEAN)"
    )
    con.executemany("INSERT INTO d_line VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", line_rows)

    teams_cc = ", ".join(f"{quote_literal(t)}: {quote_literal(c)}" for t, c in cat.TEAMS)
    creators = "[" + ", ".join(quote_literal(c) for c in cat.CREATORS) + "]"
    con.execute(
        f"""
CREATE OR REPLACE TABLE slots AS
WITH s AS (SELECT fl.*, unnest(range(fl.n_slots)) AS slot FROM d_fleet fl)
SELECT s.f, s.slot, s.a, s.g, s.schedule,
    CASE WHEN s.life_hi <= 0 THEN NULL ELSE round((s.life_lo + (s.life_hi - s.life_lo) * {_u(1, seed)}), 0) END
        AS life_h,
    CASE WHEN s.schedule = {season.SCHEDULES.index("autoscale")}
         THEN least({season.BUCKETS - 1}, (s.slot * {season.BUCKETS}) // greatest(s.n0, 1))::INTEGER ELSE 0 END
        AS bucket,
    CASE WHEN s.slot < len(s.sizes) THEN s.sizes[s.slot + 1]
         ELSE s.size_lo + (s.size_hi - s.size_lo) * {_u(4, seed)} END AS size,
    CASE WHEN {_u(5, seed)} < s.resize THEN 0.3 + 0.5 * {_u(6, seed)} END AS resize_at,
    CASE WHEN s.scalable AND s.slot >= s.n0
         THEN ceil({origin_h} + 730.0 * ln((s.slot + 1.0) / s.n0) / {GROWTH}) END AS enable_h,
    NULL::DOUBLE AS launch_h, NULL::DOUBLE AS delete_h,
    CASE WHEN s.slot < len(s.names) THEN s.names[s.slot + 1]
         WHEN len(s.names) > 0 THEN s.names[s.slot % len(s.names) + 1] || '-' || (s.slot // len(s.names) + 1)::VARCHAR
         ELSE '' END AS rname,
    CASE WHEN {_u(7, seed)} < ac.coverage THEN s.team ELSE '' END AS tag_team,
    CASE WHEN {_u(8, seed)} < 0.85 THEN ac.env ELSE '' END AS tag_env,
    CASE WHEN {_u(7, seed)} < ac.coverage * 0.9 THEN MAP {{{teams_cc}}}[s.team] ELSE '' END AS tag_cost_center,
    CASE WHEN {_u(9, seed)} < 0.35 THEN {creators}[(hash({seed}, s.f, s.slot, 10) % {len(cat.CREATORS)})::BIGINT + 1]
         ELSE '' END AS tag_created_by,
    {_u(2, seed)} AS u_gap, {_u(3, seed)} AS u_phase
FROM s JOIN d_account ac ON ac.a = s.a
"""
    )
    # Gap 2-10% of the life, cycle = life + gap, a random phase within the cycle.
    con.execute(
        "ALTER TABLE slots ADD COLUMN cycle_h DOUBLE; ALTER TABLE slots ADD COLUMN phase_h DOUBLE; "
        "UPDATE slots SET cycle_h = life_h + greatest(1, round(life_h * (0.02 + 0.08 * u_gap))), "
        "phase_h = round(u_phase * (life_h + greatest(1, round(life_h * (0.02 + 0.08 * u_gap)))))"
    )
    # Map columns (tags, cost categories) once per resource, the product map once per SKU and region.
    con.execute(
        "ALTER TABLE slots ADD COLUMN cc_environment VARCHAR; ALTER TABLE slots ADD COLUMN cc_business_unit VARCHAR; "
        "UPDATE slots SET cc_environment = ac.cc_environment, cc_business_unit = ac.bu FROM d_account ac "
        "WHERE ac.a = slots.a"
    )
    for name in ("m_cur2_tags", "m_tags", "m_cc", "m_tags_cc"):
        con.execute(f"ALTER TABLE slots ADD COLUMN {name} MAP(VARCHAR, VARCHAR)")
        con.execute(f"UPDATE slots SET {name} = {MAP_COLUMNS[name]}")
    con.execute(
        f"""CREATE OR REPLACE TABLE d_pmap AS SELECT s, g, {MAP_COLUMNS["m_product"]} AS m_product
            FROM (SELECT s, g, service_name, CASE WHEN region_code = 'global' THEN '' ELSE region_code END AS region
                  FROM d_sku, d_region)"""
    )
    _apply_events(con, events)
    con.execute(
        "ALTER TABLE slots ADD COLUMN cover INTEGER DEFAULT 0; ALTER TABLE slots ADD COLUMN ci INTEGER DEFAULT -1"
    )
    for i, c in enumerate(commits):
        f = next(j for j, fl in enumerate(cat.FLEETS) if fl.key == c.fleet)
        # A covered resource is never resized (a resize would break the reservation or overrun the commitment).
        con.execute(
            f"UPDATE slots SET cover = {1 if c.kind == 'SP' else 2}, ci = {i}, resize_at = NULL "
            f"WHERE f = {f} AND slot < {c.count}"
        )
    con.execute(
        """
CREATE OR REPLACE TABLE ls AS
SELECT (row_number() OVER (ORDER BY s.f, l.k, s.slot) - 1)::BIGINT AS li, s.*, l.k, l.sku, l.alt_sku, l.per_hour,
    l.sized, l.profile, l.noise, l.lgrowth, l.neg, l.counted
FROM slots s JOIN d_line l ON l.f = s.f
WHERE NOT l.neg OR s.cover = 1
ORDER BY li
"""
    )


def _counted(sku: str) -> bool:
    """Whether the line's usage is the resource's running hours (not an amount shaped by a profile)."""
    return cat.SKU_BY_KEY[sku].unit in cat.HOURLY_UNITS


def _apply_events(con: duckdb.DuckDBPyConnection, events: Sequence[ev.Event]) -> None:
    """Launch and stop times of the plan's resources; event-only fleets stay empty unless launched."""
    for i, fleet in enumerate(cat.FLEETS):
        if fleet.event_only:
            con.execute(f"UPDATE slots SET launch_h = {_FAR} WHERE f = {i}")
    for e in events:
        if isinstance(e, ev.Launch | ev.Stop):
            i = next(j for j, fl in enumerate(cat.FLEETS) if fl.key == e.fleet)
            slot = ev.slot_of(cat.FLEETS[i], e.resource)
            column = "launch_h" if isinstance(e, ev.Launch) else "delete_h"
            con.execute(f"UPDATE slots SET {column} = {hours_since_epoch(e.at)} WHERE f = {i} AND slot = {slot}")


def fleet_index(key: str) -> int:
    return next(i for i, fl in enumerate(cat.FLEETS) if fl.key == key)


def line_range(con: duckdb.DuckDBPyConnection, where: str) -> list[tuple[int, int]]:
    """Contiguous `li` ranges [lo, hi) of the line slots matching `where` (few ranges: `ls` is ordered by fleet,
    line, slot)."""
    rows = con.execute(
        f"""SELECT min(li), max(li) + 1 FROM (
                SELECT li, li - row_number() OVER (ORDER BY li) AS grp FROM ls WHERE {where}
            ) GROUP BY grp ORDER BY 1"""
    ).fetchall()
    return [(int(a), int(b)) for a, b in rows]
