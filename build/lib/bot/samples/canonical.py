"""Usage line items of one billing period as a DuckDB SELECT over (line slot x time step): nothing per line item
is materialised in Python.

The row space of a period is `li * T + t` for every line slot `li` of `bot.samples.inventory`'s `ls` table and
every step `t` (an hour in hourly data, a day in daily data) from the first of the month to the end of the data.
A row becomes a line item when its resource is alive in that step (launched, not yet deleted), running (its
schedule) and has usage; the amount follows the line's profile, the organisation's growth, noise and the events
of the plan. Covered usage is booked as AWS books it (https://docs.aws.amazon.com/cur/latest/userguide/
cur-ri.html, .../cur-sp.html): a reserved resource's hours as `DiscountedUsage` (unblended 0, effective cost =
recurring + amortized upfront per hour), a Savings-Plan-covered resource's hours as `SavingsPlanCoveredUsage` at
the on-demand cost with a `SavingsPlanNegation` twin that cancels it (CUR formats; FOCUS has no negation lines).

`CANONICAL_COLUMNS` is the relation every format writer selects from (`bot.samples.columns`); the period charges
of `bot.samples.charges` come as rows of the same relation.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from bot.samples import catalog as cat
from bot.samples import events as ev
from bot.samples import inventory as inv
from bot.samples import seasonality as season
from bot.samples.columns import MAP_COLUMNS
from bot.sqltext import quote_literal

#: (name, DuckDB type) of the canonical relation, in order.
CANONICAL_COLUMNS: tuple[tuple[str, str], ...] = (
    ("line_id", "VARCHAR"),
    ("usage_start", "TIMESTAMP"),
    ("usage_end", "TIMESTAMP"),
    ("account_id", "VARCHAR"),
    ("account_name", "VARCHAR"),
    ("line_type", "VARCHAR"),
    ("bill_type", "VARCHAR"),
    ("product_code", "VARCHAR"),
    ("service_name", "VARCHAR"),
    ("service_category", "VARCHAR"),
    ("product_family", "VARCHAR"),
    ("usage_type", "VARCHAR"),
    ("operation", "VARCHAR"),
    ("az", "VARCHAR"),
    ("region", "VARCHAR"),
    ("location", "VARCHAR"),
    ("resource_id", "VARCHAR"),
    ("usage_amount", "DOUBLE"),
    ("unit", "VARCHAR"),
    ("rate", "DOUBLE"),
    ("cost", "DOUBLE"),
    ("od_cost", "DOUBLE"),
    ("od_rate", "DOUBLE"),
    ("description", "VARCHAR"),
    ("pricing_term", "VARCHAR"),
    ("instance_type", "VARCHAR"),
    ("reservation_arn", "VARCHAR"),
    ("ri_effective", "DOUBLE"),
    ("ri_recurring_usage", "DOUBLE"),
    ("ri_upfront_usage", "DOUBLE"),
    ("ri_units", "DOUBLE"),
    ("ri_count", "INTEGER"),
    ("ri_unused_qty", "DOUBLE"),
    ("ri_unused_recurring", "DOUBLE"),
    ("ri_amortized_upfront", "DOUBLE"),
    ("ri_unused_upfront", "DOUBLE"),
    ("ri_start", "TIMESTAMP"),
    ("ri_end", "TIMESTAMP"),
    ("sp_arn", "VARCHAR"),
    ("sp_effective", "DOUBLE"),
    ("sp_rate", "DOUBLE"),
    ("sp_commitment", "DOUBLE"),
    ("sp_used", "DOUBLE"),
    ("sp_recurring_period", "DOUBLE"),
    ("tag_team", "VARCHAR"),
    ("tag_env", "VARCHAR"),
    ("tag_cost_center", "VARCHAR"),
    ("tag_created_by", "VARCHAR"),
    ("cc_environment", "VARCHAR"),
    ("cc_business_unit", "VARCHAR"),
    ("tax_type", "VARCHAR"),
    *((name, "MAP(VARCHAR, VARCHAR)") for name in MAP_COLUMNS),
)
CANONICAL_NAMES = tuple(c[0] for c in CANONICAL_COLUMNS)


@dataclass(frozen=True)
class Clock:
    """The time steps of one period: `steps` steps of `step_h` hours from `start` (hours since the epoch)."""

    period: date
    start_h: float
    steps: int
    step_h: int

    @classmethod
    def of(cls, period: date, data_end: date, hourly: bool) -> Clock:
        days = (data_end - period).days
        return cls(period, inv.hours_since_epoch(period), days * (24 if hourly else 1), 1 if hourly else 24)


def _sql_list(values: Sequence[float | str]) -> str:
    return "[" + ", ".join(quote_literal(v) if isinstance(v, str) else repr(float(v)) for v in values) + "]"


def _overlap(start_h: float, end_h: float | None, step_h: int) -> str:
    end = f"{end_h}" if end_h is not None else "1e12"
    return f"greatest(0, least(s_h + {step_h}, {end}) - greatest(s_h, {start_h})) / {step_h}"


def event_factor_sql(events: Sequence[ev.Event], step_h: int) -> str:
    """SQL of the usage multiplier from the plan's `UsageChange` events (1.0 when none applies), weighted by the
    share of the step each change covers."""
    terms = []
    accounts = list(cat.ACCOUNT_BY_NAME)
    for e in events:
        if not isinstance(e, ev.UsageChange):
            continue
        conds = []
        if e.fleet:
            f = inv.fleet_index(e.fleet)
            conds.append(f"f = {f}")
            if e.resource:
                conds.append(f"slot = {ev.slot_of(cat.FLEETS[f], e.resource)}")
            if e.line:
                conds.append(f"k = {[ln.sku for ln in cat.FLEETS[f].lines].index(e.line)}")
        if e.account:
            conds.append(f"a = {accounts.index(e.account)}")
        end_h = inv.hours_since_epoch(e.end) if e.end is not None else None
        overlap = _overlap(inv.hours_since_epoch(e.start), end_h, step_h)
        terms.append(f"CASE WHEN {' AND '.join(conds) or 'TRUE'} THEN {e.factor - 1.0} * {overlap} ELSE 0 END")
    return "1.0" + "".join(f" + {t}" for t in terms)


def usage_select(
    clock: Clock,
    *,
    lo: int,
    hi: int,
    seed: int,
    origin_h: float,
    events: Sequence[ev.Event],
    commits: Sequence[inv.Commitment],
    fx: float,
    negation: bool,
) -> str:
    """SELECT of the canonical columns for the usage lines of line slots `lo <= li < hi` in the period."""
    steps, step = clock.steps, clock.step_h
    per_day = 24 if step == 1 else 1
    x = "(s_h % 24)::INTEGER" if step == 1 else "0"
    n_sched, n_buckets = len(season.SCHEDULES), season.BUCKETS
    intermittent = season.SCHEDULES.index("intermittent")
    hourly_noise = f" + (((hash({seed}, li, t, 3) % 1000003) / 1000003.0) - 0.5) * 0.8" if step == 1 else ""
    c_start = _sql_list([inv.hours_since_epoch(c.start) for c in commits] or [0])
    c_end = _sql_list([inv.hours_since_epoch(c.end) for c in commits] or [0])
    c_arn = _sql_list([commitment_arn(c) for c in commits] or [""])
    c_hourly = _sql_list([c.hourly * fx for c in commits] or [0])
    c_upfront_h = _sql_list([c.upfront * fx / ((c.end - c.start).total_seconds() / 3600) for c in commits] or [0])
    c_discount = _sql_list([c.discount for c in commits] or [0])
    sku_index = {s.key: i for i, s in enumerate(cat.SKUS)}
    c_sku = "[" + ", ".join(str(sku_index[c.sku]) for c in commits) + "]" if commits else "[-1]"
    c_start_ts = _sql_list([c.start.strftime("%Y-%m-%d %H:%M:%S") for c in commits] or [""])
    c_end_ts = _sql_list([c.end.strftime("%Y-%m-%d %H:%M:%S") for c in commits] or [""])
    factor = event_factor_sql(events, step)
    neg_filter = "" if negation else "AND NOT neg"
    return f"""
WITH idx AS (
    SELECT seq // {steps} AS li, seq % {steps} AS t FROM range({lo * steps}, {hi * steps}) r(seq)
), j AS (
    SELECT i.t, s.*, {clock.start_h} + i.t * {step} AS s_h
    FROM idx i JOIN (SELECT * FROM ls WHERE li >= {lo} AND li < {hi} {neg_filter}) s ON s.li = i.li
), life AS (
    SELECT *, CASE WHEN cycle_h IS NULL THEN 0 ELSE floor((s_h + {step / 2} + phase_h) / cycle_h) END::BIGINT AS gen
    FROM j
), span AS (
    SELECT *,
        greatest(CASE WHEN cycle_h IS NULL THEN -1e12 ELSE gen * cycle_h - phase_h END,
                 coalesce(enable_h, -1e12), coalesce(launch_h, -1e12)) AS launch_at,
        least(CASE WHEN cycle_h IS NULL THEN 1e12 ELSE gen * cycle_h - phase_h + life_h END,
              coalesce(delete_h, 1e12)) AS delete_at
    FROM life
), alive AS (
    SELECT *, (least(s_h + {step}, delete_at) - greatest(s_h, launch_at)) / {step} AS alive_share,
        floor(s_h / 24)::BIGINT AS dnum
    FROM span WHERE least(s_h + {step}, delete_at) > greatest(s_h, launch_at)
), timed AS (
    SELECT *,
        ((((profile * {n_sched} + schedule) * {n_buckets} + bucket) * 7 + dnum % 7) * {per_day} + {x})::INTEGER
            AS wk,
        CASE WHEN resize_at IS NOT NULL AND s_h + {step / 2} >= gen * cycle_h - phase_h + resize_at * life_h
             THEN alt_sku ELSE sku END AS sk,
        hash({seed}, f, slot, gen) AS rk
    FROM alive
    WHERE schedule <> {intermittent} OR hash({seed}, f, slot, dnum, 77) % 1000 < {int(season.INTERMITTENT_ON * 1000)}
), weighted AS (
    SELECT t.*, w.wa, w.wo,
        CASE WHEN t.cover > 0 AND t.sk = {c_sku}[t.ci + 1] AND t.s_h + {step / 2} >= {c_start}[t.ci + 1]
                  AND t.s_h + {step / 2} < {c_end}[t.ci + 1] THEN t.cover ELSE 0 END AS cov
    FROM timed t JOIN w ON w.wk = t.wk
    WHERE w.wo > 0
), amounts AS (
    SELECT *,
        round(per_hour * CASE WHEN sized THEN size ELSE 1.0 END * CASE WHEN counted THEN wo ELSE wa END
              * alive_share
              * CASE WHEN counted THEN 1.0 ELSE exp(lgrowth * (s_h - {origin_h}) / 730.0)
                     * (1 + noise * ((((hash({seed}, f, slot, dnum, 2) % 1000003) / 1000003.0) - 0.5) * 1.2
                                     {hourly_noise})) END
              * ({factor}), 6) AS usage_amount
    FROM weighted
    WHERE NOT neg OR cov = 1
), priced AS (
    SELECT m.*, sk_.*, ac.account_id, ac.account_name, ac.env, ac.bu, ac.cc_environment, rg.region_code,
        rg.location, rg.prefix, pm.m_product, round(m.usage_amount * sk_.rate, 8) AS od
    FROM amounts m
    JOIN d_sku sk_ ON sk_.s = m.sk
    JOIN d_account ac ON ac.a = m.a
    JOIN d_region rg ON rg.g = m.g
    JOIN d_pmap pm ON pm.s = m.sk AND pm.g = m.g
    WHERE m.usage_amount > 0
)
SELECT
    printf('%016x%016x', hash({seed}, {clock.start_h}, li, t), hash(li, t, {clock.start_h}, {seed})) AS line_id,
    TIMESTAMP '{inv.EPOCH}' + to_hours(s_h::BIGINT) AS usage_start,
    TIMESTAMP '{inv.EPOCH}' + to_hours(s_h::BIGINT + {step}) AS usage_end,
    account_id,
    account_name,
    CASE WHEN neg THEN 'SavingsPlanNegation' WHEN cov = 1 THEN 'SavingsPlanCoveredUsage'
         WHEN cov = 2 THEN 'DiscountedUsage' ELSE 'Usage' END AS line_type,
    'Anniversary' AS bill_type,
    product_code, service_name, service_category, product_family,
    CASE WHEN region_code = 'global' THEN usage_type
         WHEN bare_in_use1 AND region_code = 'us-east-1' THEN replace(usage_type, '{{p}}', '')
         ELSE replace(usage_type, '{{p}}', prefix || '-') END AS usage_type,
    operation,
    CASE WHEN product_family IN ('Compute Instance', 'Storage', 'Database Instance', 'Cache Instance')
              AND region_code <> 'global'
         THEN region_code || ['a', 'b', 'c'][slot % 3 + 1] ELSE '' END AS az,
    CASE WHEN region_code = 'global' THEN '' ELSE region_code END AS region,
    location,
    {inv.resource_id_sql()} AS resource_id,
    usage_amount,
    unit,
    rate,
    CASE WHEN neg THEN -od WHEN cov = 2 THEN 0.0 ELSE od END AS cost,
    CASE WHEN neg THEN 0.0 ELSE od END AS od_cost,
    rate AS od_rate,
    CASE WHEN neg THEN 'SavingsPlanNegation used by AccountId : ' || account_id || ' and UsageSku : '
                       || printf('%06X', (hash(sk) % 16777216)::BIGINT)
         WHEN cov = 1 THEN printf('%.4f per hour for %s in %s covered by Compute Savings Plans',
                                  rate * (1 - {c_discount}[ci + 1]), instance_type, region_code)
         WHEN cov = 2 THEN printf('USD %.4f hourly fee per %s', {c_hourly}[ci + 1], instance_type)
         ELSE description END AS description,
    CASE WHEN cov = 2 THEN 'Reserved' WHEN cov = 1 OR neg THEN 'SavingsPlan' ELSE 'OnDemand' END AS pricing_term,
    instance_type,
    CASE WHEN cov = 2 THEN {c_arn}[ci + 1] ELSE '' END AS reservation_arn,
    CASE WHEN cov = 2 THEN round(usage_amount * ({c_hourly}[ci + 1] + {c_upfront_h}[ci + 1]), 8) END AS ri_effective,
    CASE WHEN cov = 2 THEN round(usage_amount * {c_hourly}[ci + 1], 8) END AS ri_recurring_usage,
    CASE WHEN cov = 2 THEN round(usage_amount * {c_upfront_h}[ci + 1], 8) END AS ri_upfront_usage,
    NULL::DOUBLE AS ri_units,
    NULL::INTEGER AS ri_count,
    NULL::DOUBLE AS ri_unused_qty,
    NULL::DOUBLE AS ri_unused_recurring,
    NULL::DOUBLE AS ri_amortized_upfront,
    NULL::DOUBLE AS ri_unused_upfront,
    CASE WHEN cov = 2 THEN CAST({c_start_ts}[ci + 1] AS TIMESTAMP) END AS ri_start,
    CASE WHEN cov = 2 THEN CAST({c_end_ts}[ci + 1] AS TIMESTAMP) END AS ri_end,
    CASE WHEN cov = 1 OR neg THEN {c_arn}[ci + 1] ELSE '' END AS sp_arn,
    CASE WHEN neg THEN 0.0 WHEN cov = 1 THEN round(od * (1 - {c_discount}[ci + 1]), 8) END AS sp_effective,
    CASE WHEN cov = 1 OR neg THEN round(rate * (1 - {c_discount}[ci + 1]), 10) END AS sp_rate,
    NULL::DOUBLE AS sp_commitment,
    NULL::DOUBLE AS sp_used,
    NULL::DOUBLE AS sp_recurring_period,
    tag_team,
    tag_env,
    tag_cost_center,
    tag_created_by,
    cc_environment,
    bu AS cc_business_unit,
    '' AS tax_type,
    m_cur2_tags, m_tags, m_cc, m_tags_cc, m_product
FROM priced
"""


def commitment_arn(c: inv.Commitment) -> str:
    """The ARN AWS gives a reservation (EC2: a UUID; RDS and ElastiCache: a name) or a savings plan."""
    import hashlib

    digest = hashlib.sha256(c.key.encode()).hexdigest()
    fleet = cat.FLEET_BY_KEY[c.fleet]
    account = cat.ACCOUNT_BY_NAME[c.account or fleet.account].account_id
    region = fleet.region
    if c.kind == "SP":
        plan_id = next((sp.plan_id for sp in cat.SAVINGS_PLANS if sp.key == c.key), digest[:36])
        return f"arn:aws:savingsplans::{account}:savingsplan/{plan_id}"
    product = cat.SKU_BY_KEY[c.sku].product_code
    if product == "AmazonRDS":
        return f"arn:aws:rds:{region}:{account}:ri:acme-{c.key}-{digest[:8]}"
    if product == "AmazonElastiCache":
        return f"arn:aws:elasticache:{region}:{account}:reserved-instance:acme-{c.key}-{digest[:8]}"
    uuid = f"{digest[:8]}-{digest[8:12]}-{digest[12:16]}-{digest[16:20]}-{digest[20:32]}"
    return f"arn:aws:ec2:{region}:{account}:reserved-instances/{uuid}"
