"""The generator core: one billing period of canonical line items as a DuckDB SELECT over `range()`.

Nothing is materialised in Python: every attribute of a line is a pure function of (seed, period, row index)
through DuckDB's `hash()`, joined with the small dimension tables of `bot.samples.catalog`. The format writers
select from this relation and COPY it to files.

Row space of one period (`rows` lines in all):

    [0, U)          usage lines, in blocks of 24 hourly lines of one resource on one day
    [U, U+S)        SavingsPlanNegation lines, one per Savings-Plan-covered usage line (CUR formats only)
    [U+S, rows)     fixed lines: RIFee, SavingsPlanRecurringFee, Support fee, Tax, credits, refunds, monthly usage

Every 8th block (b % 8 == 0) is Savings-Plan-covered compute, every 8th block shifted by 4 is RI-covered usage of
a reservation; the rest picks a SKU by weight. Resources change weekly (the resource key hashes the ISO week),
so a month has a few times more distinct resources than concurrent ones.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import duckdb

from bot.samples import catalog as cat
from bot.sqltext import quote_literal

#: (name, DuckDB type) of the canonical relation, in order. Writers map these onto each format's columns.
CANONICAL_COLUMNS: tuple[tuple[str, str], ...] = (
    ("seq", "BIGINT"),
    ("line_id", "VARCHAR"),
    ("usage_start", "TIMESTAMP"),
    ("usage_end", "TIMESTAMP"),
    ("account_id", "VARCHAR"),
    ("account_name", "VARCHAR"),
    ("line_type", "VARCHAR"),
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
    ("ri_units", "DOUBLE"),
    ("ri_count", "INTEGER"),
    ("sp_arn", "VARCHAR"),
    ("sp_effective", "DOUBLE"),
    ("sp_rate", "DOUBLE"),
    ("sp_commitment", "DOUBLE"),
    ("sp_used", "DOUBLE"),
    ("tag_team", "VARCHAR"),
    ("tag_env", "VARCHAR"),
    ("tag_cost_center", "VARCHAR"),
    ("tag_created_by", "VARCHAR"),
    ("cc_environment", "VARCHAR"),
    ("cc_business_unit", "VARCHAR"),
    ("tax_type", "VARCHAR"),
)
CANONICAL_NAMES = tuple(c[0] for c in CANONICAL_COLUMNS)

BLOCK = 24  # hourly lines per resource-day
COVER_PERIOD = 8  # one block in 8 is SP-covered, one in 8 RI-covered
MONTHLY_GROWTH = 0.015  # continuous growth of usage per month
_NAMES = (
    "api",
    "checkout",
    "search",
    "ingest",
    "feature-store",
    "web",
    "auth",
    "reports",
    "events",
    "billing",
    "orders",
    "catalog",
    "notifications",
    "etl",
    "training",
)


@dataclass(frozen=True)
class Anomaly:
    """An injected anomaly and its ground truth: `factor` times the usual cost of (service, account) on
    `[start, end)` (`end` None: until the end of the data). A stop has factor 0."""

    kind: str  # "spike", "level_shift", "stop"
    sku: str
    account: str  # short account name
    start: date
    end: date | None
    factor: float

    def to_json(self) -> dict[str, object]:
        sku = cat.SKU_BY_KEY[self.sku]
        acct = cat.ACCOUNT_BY_NAME[self.account]
        return {
            "kind": self.kind,
            "service_code": sku.product_code,
            "service_name": sku.service_name,
            "usage_type_pattern": sku.usage_type.replace("{p}", "*"),
            "account_id": acct.account_id,
            "account_name": acct.name,
            "start": self.start.isoformat(),
            "end": self.end.isoformat() if self.end else None,
            "factor": self.factor,
        }


def plan_anomalies(first: date, data_end: date) -> tuple[Anomaly, ...]:
    """Place a spike, a level shift and a stop at fixed fractions of the generated range."""
    days = (data_end - first).days

    def at(frac: float) -> date:
        return first + timedelta(days=max(1, min(days - 2, int(days * frac))))

    spike = at(0.83)
    return (
        Anomaly("spike", "cloudfront-out", "prod", spike, spike + timedelta(days=1), 7.0),
        Anomaly("level_shift", "dynamodb-rru", "data", at(0.55), None, 2.2),
        Anomaly("stop", "redshift", "data", at(0.68), None, 0.0),
    )


@dataclass(frozen=True)
class PeriodPlan:
    """How one billing period's rows are laid out (see the module docstring)."""

    start: date  # first day of the month
    end: date  # first day of the next month
    data_end: date  # exclusive end of the usage generated (earlier than `end` for the current month)
    rows: int
    usage_rows: int  # U
    negation_rows: int  # S
    fixed: tuple[tuple[object, ...], ...]  # canonical tuples without seq

    @property
    def days(self) -> int:
        return (self.data_end - self.start).days

    @property
    def fixed_start(self) -> int:
        return self.usage_rows + self.negation_rows


def covered_rows(usage_rows: int) -> int:
    """How many of the first `usage_rows` usage lines fall in SP-covered blocks."""
    span = BLOCK * COVER_PERIOD
    return (usage_rows // span) * BLOCK + min(usage_rows % span, BLOCK)


def split_rows(available: int, with_negation: bool) -> tuple[int, int]:
    """(U, S) with U + S == available and S <= covered_rows(U)."""
    if not with_negation:
        return available, 0
    u = max(0, available * COVER_PERIOD // (COVER_PERIOD + 1) - BLOCK)
    while u + covered_rows(u) < available:
        u += 1
    return u, available - u


# ------------------------------------------------------------------------------------------- dimensions


def _sql_list(values: list[int] | list[str]) -> str:
    return "[" + ",".join(quote_literal(v) if isinstance(v, str) else str(v) for v in values) + "]"


def _weighted(weights: list[int], size: int = 1000) -> list[int]:
    """A lookup list of `size` 1-based indexes, each index repeated in proportion to its weight."""
    total = sum(weights)
    out: list[int] = []
    acc = 0.0
    for i, w in enumerate(weights, start=1):
        acc += w * size / total
        out.extend([i] * (round(acc) - len(out)))
    return out


_TEAMS_BY_ACCOUNT = {
    "payer": ("platform",),
    "prod": ("platform", "payments", "search", "web", "mobile"),
    "staging": ("platform", "payments", "web", "mobile"),
    "data": ("data-eng", "search"),
    "ml": ("ml-research", "data-eng"),
    "shared-services": ("platform", "security"),
    "sandbox": ("web", "mobile", "ml-research", "platform"),
    "security": ("security",),
}


def create_dimensions(con: duckdb.DuckDBPyConnection) -> None:
    """Create the small dimension tables the canonical SELECT joins with."""
    short = list(cat.ACCOUNT_BY_NAME)
    con.execute(
        "CREATE OR REPLACE TABLE d_account (a INTEGER, account_id VARCHAR, account_name VARCHAR, env VARCHAR, "
        "bu VARCHAR, coverage DOUBLE, weekend DOUBLE, teams VARCHAR[], cost_centers VARCHAR[], cc_environment VARCHAR)"
    )
    team_cc = dict(cat.TEAMS)
    for i, acct in enumerate(cat.ACCOUNTS, start=1):
        env_cat = {"prod": "Production", "shared": "Shared"}.get(acct.env, "Non-Production")
        teams = _TEAMS_BY_ACCOUNT[short[i - 1]]
        con.execute(
            "INSERT INTO d_account VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                i,
                acct.account_id,
                acct.name,
                acct.env,
                acct.business_unit,
                acct.tag_coverage,
                acct.weekend_factor,
                list(teams),
                [team_cc[t] for t in teams],
                env_cat,
            ],
        )
    con.execute("CREATE OR REPLACE TABLE d_region (g INTEGER, region VARCHAR, location VARCHAR, prefix VARCHAR)")
    for i, r in enumerate(cat.REGIONS, start=1):
        con.execute("INSERT INTO d_region VALUES (?, ?, ?, ?)", [i, r.code, r.name, r.prefix])
    con.execute(
        "CREATE OR REPLACE TABLE d_sku (s INTEGER, product_code VARCHAR, service_name VARCHAR, "
        "service_category VARCHAR, product_family VARCHAR, usage_type VARCHAR, operation VARCHAR, unit VARCHAR, "
        "rate DOUBLE, base_usage DOUBLE, resource VARCHAR, instance_type VARCHAR, description VARCHAR, "
        "global_service BOOLEAN, bare_in_use1 BOOLEAN, hourly_unit BOOLEAN, zonal BOOLEAN, accounts INTEGER[])"
    )
    for i, s in enumerate(cat.SKUS, start=1):
        con.execute(
            "INSERT INTO d_sku VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                i,
                s.product_code,
                s.service_name,
                s.service_category,
                s.product_family,
                s.usage_type,
                s.operation,
                s.unit,
                s.rate,
                s.base_usage,
                s.resource,
                s.instance_type,
                s.description or _describe(s),
                s.global_service,
                s.bare_in_use1,
                s.unit.lower() in ("hrs", "hours"),
                s.product_family in ("Compute Instance", "Database Instance", "Storage", "Cache Instance"),
                [short.index(a) + 1 for a in s.accounts],
            ],
        )


def _describe(s: cat.Sku) -> str:
    return f"${s.rate:g} per {s.unit} for {s.usage_type.replace('{p}', '')}"


def sku_index(key: str) -> int:
    return [s.key for s in cat.SKUS].index(key) + 1


def account_index(short: str) -> int:
    return list(cat.ACCOUNT_BY_NAME).index(short) + 1


def region_index(code: str) -> int:
    return [r.code for r in cat.REGIONS].index(code) + 1


# ----------------------------------------------------------------------------------------- usage SELECT


def _u(expr: str, salt: int, seed: int) -> str:
    """A uniform [0, 1) pseudo-random number from the hash of `expr`."""
    return f"((hash({seed}, {salt}, {expr}) % 1000003)::DOUBLE / 1000003.0)"


def usage_select(plan: PeriodPlan, *, seed: int, origin: date, anomalies: tuple[Anomaly, ...], lo: int, hi: int) -> str:
    """SELECT of the canonical columns for usage and negation rows with `lo <= seq < hi`."""
    u_rows, s_rows = plan.usage_rows, plan.negation_rows
    lo, hi = max(lo, 0), min(hi, plan.fixed_start)
    if hi <= lo:
        return ""
    span = BLOCK * COVER_PERIOD
    gen_pick = _sql_list(_weighted([s.weight for s in cat.SKUS]))
    sp_skus = [i for i, s in enumerate(cat.SKUS, start=1) if s.commitment == "SP"]
    sp_pick = _sql_list([sp_skus[j - 1] for j in _weighted([cat.SKUS[i - 1].weight for i in sp_skus])])
    ri_pick = _sql_list(_weighted([r.count for r in cat.RESERVATIONS]))
    ri_sku = _sql_list([sku_index(r.sku) for r in cat.RESERVATIONS])
    ri_acct = _sql_list([account_index(r.account) for r in cat.RESERVATIONS])
    ri_region = _sql_list([region_index(r.region) for r in cat.RESERVATIONS])
    ri_arn = _sql_list([reservation_arn(r) for r in cat.RESERVATIONS])
    ri_fee = _sql_list([str(r.hourly_fee) for r in cat.RESERVATIONS]).replace("'", "")
    sp = cat.SAVINGS_PLANS[0]
    sp_arn = savings_plan_arn(sp)
    region_pick = _sql_list(_weighted([r.weight for r in cat.REGIONS], 100))
    resource_case = _resource_case()
    creators = _sql_list(list(cat.CREATORS))
    period_key = plan.start.toordinal()
    origin_day = origin.toordinal()
    factor_terms = []
    stop_terms = []
    for a in anomalies:
        cond = f"p.s = {sku_index(a.sku)} AND p.a = {account_index(a.account)} AND p.ts >= TIMESTAMP '{a.start}'"
        if a.end is not None:
            cond += f" AND p.ts < TIMESTAMP '{a.end}'"
        if a.kind == "stop":
            stop_terms.append(cond)
        else:
            factor_terms.append(f"WHEN {cond} THEN {a.factor}")
    factor_sql = f"CASE {' '.join(factor_terms)} ELSE 1.0 END" if factor_terms else "1.0"
    fallback = sku_index("cloudwatch-metrics")
    stop_sql = " OR ".join(f"({t})" for t in stop_terms) or "FALSE"
    return f"""
WITH idx AS (
    SELECT seq, seq >= {u_rows} AS neg,
           CASE WHEN seq < {u_rows} THEN seq
                ELSE ((seq - {u_rows}) // {BLOCK}) * {span} + (seq - {u_rows}) % {BLOCK} END AS src
    FROM range({lo}, {hi}) t(seq)
), blk AS (
    SELECT seq, neg, src, src // {BLOCK} AS b, src % {BLOCK} AS hod,
           (src // {BLOCK}) % {plan.days} AS day, (src // {BLOCK}) // {plan.days} AS slot,
           CASE WHEN (src // {BLOCK}) % {COVER_PERIOD} = 0
                     AND ((src // {BLOCK}) // {COVER_PERIOD}) * {BLOCK} + src % {BLOCK} < {s_rows} THEN 1
                WHEN (src // {BLOCK}) % {COVER_PERIOD} = {COVER_PERIOD // 2} THEN 2 ELSE 0 END AS cls
    FROM idx
), keyed AS (
    SELECT *, (hash({seed}, cls, slot, ({period_key} + day) // 7) >> 1)::BIGINT AS rk,
           TIMESTAMP '{plan.start}' + to_hours(day * 24 + hod) AS ts
    FROM blk
), picked0 AS (
    SELECT k.*,
        CASE cls WHEN 0 THEN {gen_pick}[rk % 1000 + 1] WHEN 1 THEN {sp_pick}[rk % 1000 + 1]
                 ELSE {ri_sku}[{ri_pick}[rk % 1000 + 1]] END AS s0,
        {ri_pick}[rk % 1000 + 1] AS rv
    FROM keyed k
), picked1 AS (
    SELECT p.*,
        CASE WHEN cls = 2 THEN {ri_acct}[rv] ELSE sk.accounts[(hash(rk, 2) % len(sk.accounts))::BIGINT + 1] END AS a,
        CASE WHEN cls = 2 THEN {ri_region}[rv] ELSE {region_pick}[(hash(rk, 3) % 100)::BIGINT + 1] END AS g
    FROM picked0 p JOIN d_sku sk ON sk.s = p.s0
), picked AS (
    SELECT p.* EXCLUDE (s0),
        CASE WHEN cls = 0 AND ({stop_sql.replace("p.s ", "p.s0 ")}) THEN {fallback} ELSE s0 END AS s
    FROM picked1 p
), priced AS (
    SELECT p.*, sk.*, ac.*, rg.*,
        isodow(p.ts) >= 6 AS weekend_day,
        {factor_sql} AS anomaly,
        exp({MONTHLY_GROWTH} * ({period_key} + p.day - {origin_day}) / 30.44) AS growth,
        CASE WHEN sk.hourly_unit THEN 1.0 ELSE 0.3 + 3.0 * pow({_u("rk", 4, seed)}, 3) END AS mult,
        0.85 + 0.3 * {_u(f"src, {period_key}", 9, seed)} AS noise
    FROM picked p
    JOIN d_sku sk ON sk.s = p.s
    JOIN d_account ac ON ac.a = p.a
    JOIN d_region rg ON rg.g = p.g
), amounts AS (
    SELECT *,
        round(base_usage * mult * growth * noise * anomaly
              * (1 + 0.2 * cos(2 * pi() * (hod - 15) / 24))
              * CASE WHEN weekend_day THEN weekend ELSE 1.0 END, 6) AS usage_amount
    FROM priced
), costed AS (
    SELECT *, round(usage_amount * rate, 8) AS od
    FROM amounts
), hexed AS (
    SELECT *,
        CASE WHEN global_service THEN '' ELSE region END AS region_code,
        (hash(rk, 8) % len(teams))::BIGINT + 1 AS ti
    FROM costed
)
SELECT
    seq,
    printf('%016x%016x', hash({seed}, {period_key}, seq), hash(seq, {period_key}, {seed})) AS line_id,
    ts AS usage_start,
    ts + INTERVAL 1 HOUR AS usage_end,
    account_id,
    account_name,
    CASE WHEN neg THEN 'SavingsPlanNegation' WHEN cls = 1 THEN 'SavingsPlanCoveredUsage'
         WHEN cls = 2 THEN 'DiscountedUsage' ELSE 'Usage' END AS line_type,
    product_code, service_name, service_category, product_family,
    CASE WHEN global_service THEN usage_type
         WHEN bare_in_use1 AND region = 'us-east-1' THEN replace(usage_type, '{{p}}', '')
         ELSE replace(usage_type, '{{p}}', prefix || '-') END AS usage_type,
    operation,
    CASE WHEN zonal AND NOT global_service THEN region || ['a', 'b', 'c'][(hash(rk, 7) % 3)::BIGINT + 1]
         ELSE '' END AS az,
    region_code AS region,
    CASE WHEN global_service THEN 'Global' ELSE location END AS location,
    {resource_case} AS resource_id,
    usage_amount,
    unit,
    rate,
    CASE WHEN neg THEN -od WHEN cls = 2 THEN 0.0 ELSE od END AS cost,
    CASE WHEN neg THEN 0.0 ELSE od END AS od_cost,
    rate AS od_rate,
    CASE WHEN neg THEN 'SavingsPlanNegation used by AccountId : ' || account_id
                       || ' and UsageSku : ' || printf('%06x', rk % 16777216)
         WHEN cls = 1 THEN description || ' covered by ComputeSavingsPlans'
         WHEN cls = 2 THEN 'USD ' || {ri_fee}[rv] || ' hourly fee per ' || description
         ELSE description END AS description,
    CASE WHEN cls = 2 THEN 'Reserved' WHEN cls = 1 THEN 'SavingsPlan' ELSE 'OnDemand' END AS pricing_term,
    instance_type,
    CASE WHEN cls = 2 THEN {ri_arn}[rv] ELSE '' END AS reservation_arn,
    CASE WHEN cls = 2 THEN round(usage_amount * {ri_fee}[rv], 8) END AS ri_effective,
    NULL::DOUBLE AS ri_units,
    NULL::INTEGER AS ri_count,
    CASE WHEN cls = 1 THEN '{sp_arn}' ELSE '' END AS sp_arn,
    CASE WHEN cls = 1 AND NOT neg THEN round(od * {1 - sp.discount}, 8) WHEN neg THEN 0.0 END AS sp_effective,
    CASE WHEN cls = 1 THEN round(rate * {1 - sp.discount}, 10) END AS sp_rate,
    NULL::DOUBLE AS sp_commitment,
    NULL::DOUBLE AS sp_used,
    CASE WHEN {_u("rk", 6, seed)} < coverage THEN teams[ti] ELSE '' END AS tag_team,
    CASE WHEN {_u("rk", 10, seed)} < 0.85 THEN env ELSE '' END AS tag_env,
    CASE WHEN {_u("rk", 6, seed)} < coverage * 0.9
         THEN cost_centers[ti] ELSE '' END
         AS tag_cost_center,
    CASE WHEN {_u("rk", 15, seed)} < 0.35 THEN {creators}[(hash(rk, 16) % {len(cat.CREATORS)})::BIGINT + 1] ELSE '' END
         AS tag_created_by,
    cc_environment,
    bu AS cc_business_unit,
    '' AS tax_type
FROM hexed
"""


_PLACEHOLDERS = {
    "r": "region",
    "a": "account_id",
    "h": "'0' || printf('%016x', rk)",
    "h6": "printf('%06x', rk % 16777216)",
    "H": "upper(printf('%013x', rk % 4503599627370496))",
    "n": f"{_sql_list(list(_NAMES))}[(hash(rk, 5) % {len(_NAMES)})::BIGINT + 1]",
    "uuid": "printf('%08x-%04x-4%03x-a%03x-%012x', rk % 4294967296, hash(rk, 11) % 65536, hash(rk, 12) % 4096, "
    "hash(rk, 13) % 4096, hash(rk, 14) % 281474976710656)",
}


def _template_sql(template: str) -> str:
    """`arn:aws:rds:{r}:{a}:db:{n}` -> a concatenation of literals and the placeholders' SQL."""
    if not template:
        return "''"
    parts = []
    for literal, name in re.findall(r"([^{]*)(?:\{(\w+)\})?", template):
        if literal:
            parts.append(quote_literal(literal))
        if name:
            parts.append(f"({_PLACEHOLDERS[name]})")
    return " || ".join(parts)


def _resource_case() -> str:
    """Resource ids: one CASE branch per SKU, so each row only computes the pieces its template uses."""
    branches = " ".join(f"WHEN {i} THEN {_template_sql(s.resource)}" for i, s in enumerate(cat.SKUS, start=1))
    return f"CASE s {branches} END"


def reservation_arn(r: cat.Reservation) -> str:
    acct = cat.ACCOUNT_BY_NAME[r.account].account_id
    sku = cat.SKU_BY_KEY[r.sku]
    suffix = f"{abs(hash_str(r.key)):032x}"[:32]
    if sku.product_code == "AmazonRDS":
        return f"arn:aws:rds:{r.region}:{acct}:ri:acme-{r.key}-{suffix[:8]}"
    if sku.product_code == "AmazonElastiCache":
        return f"arn:aws:elasticache:{r.region}:{acct}:reserved-instance:acme-{r.key}-{suffix[:8]}"
    uuid = f"{suffix[:8]}-{suffix[8:12]}-{suffix[12:16]}-{suffix[16:20]}-{suffix[20:32]}"
    return f"arn:aws:ec2:{r.region}:{acct}:reserved-instances/{uuid}"


def savings_plan_arn(sp: cat.SavingsPlan) -> str:
    acct = cat.ACCOUNT_BY_NAME[sp.account].account_id
    return f"arn:aws:savingsplans::{acct}:savingsplan/{sp.plan_id}"


def hash_str(s: str) -> int:
    """A stable 128-bit integer from a string (Python's hash() is salted per process)."""
    import hashlib

    return int.from_bytes(hashlib.sha256(s.encode()).digest()[:16], "big")


# ------------------------------------------------------------------------------------------- fixed lines


def _growth(origin: date, day: date) -> float:
    return math.exp(MONTHLY_GROWTH * (day - origin).days / 30.44)


def fixed_lines(
    start: date,
    end: date,
    data_end: date,
    *,
    origin: date,
    month_index: int,
    seed: int,
    scale: float = 1.0,
) -> list[tuple[object, ...]]:
    """The period's non-hourly lines as canonical tuples (without `seq` and `line_id`).

    `scale` (rows per month / 50,000) keeps fees, commitments and tax in proportion to the usage, which grows
    with the number of line items.
    """
    out: list[dict[str, object]] = []
    ms, me = datetime(start.year, start.month, 1), datetime(end.year, end.month, 1)
    hours = (end - start).days * 24
    g = _growth(origin, start)
    rnd = _Rand(seed, start.toordinal())
    payer = cat.ACCOUNT_BY_NAME["payer"]

    def line(acct_short: str, **kw: object) -> None:
        acct = cat.ACCOUNT_BY_NAME[acct_short]
        env_cat = {"prod": "Production", "shared": "Shared"}.get(acct.env, "Non-Production")
        row: dict[str, object] = {
            "usage_start": ms,
            "usage_end": me,
            "account_id": acct.account_id,
            "account_name": acct.name,
            "az": "",
            "region": "",
            "location": "",
            "resource_id": "",
            "usage_amount": 1.0,
            "unit": "",
            "rate": None,
            "od_cost": None,
            "od_rate": None,
            "pricing_term": "",
            "instance_type": "",
            "reservation_arn": "",
            "sp_arn": "",
            "tag_team": "",
            "tag_env": "",
            "tag_cost_center": "",
            "tag_created_by": "",
            "cc_environment": env_cat,
            "cc_business_unit": acct.business_unit,
            "tax_type": "",
            "service_category": "Other",
            "operation": "",
            "usage_type": "",
            "product_family": "",
        }
        row.update(kw)
        out.append(row)

    line(
        "payer",
        line_type="Fee",
        product_code="AWSSupportBusiness",
        service_name="AWS Support (Business)",
        service_category="Management and Governance",
        usage_type="Dollar",
        product_family="AWS Support",
        cost=round(900.0 * g * scale, 2),
        od_cost=round(900.0 * g * scale, 2),
        description="AWS Support (Business)",
    )
    for r in cat.RESERVATIONS:
        sku = cat.SKU_BY_KEY[r.sku]
        acct = cat.ACCOUNT_BY_NAME[r.account]
        count = max(1, round(r.count * scale))
        fee = round(r.hourly_fee * hours * count, 8)
        line(
            r.account,
            line_type="RIFee",
            product_code=sku.product_code,
            service_name=sku.service_name,
            service_category=sku.service_category,
            product_family=sku.product_family,
            usage_type="HeavyUsage:" + sku.instance_type,
            operation=sku.operation,
            region=r.region,
            location=next(x.name for x in cat.REGIONS if x.code == r.region),
            usage_amount=float(hours * count),
            unit="Hrs",
            rate=r.hourly_fee,
            cost=fee,
            instance_type=sku.instance_type,
            pricing_term="Reserved",
            description=f"USD {r.hourly_fee} hourly fee per {sku.description or sku.instance_type}",
            reservation_arn=reservation_arn(r),
            ri_effective=None,
            ri_units=float(hours * count),
            ri_count=count,
            resource_id="",
        )
        del acct
    for sp in cat.SAVINGS_PLANS:
        day = start
        while day < data_end:
            commit = round(sp.hourly_commitment * scale * 24, 8)
            d0 = datetime(day.year, day.month, day.day)
            line(
                sp.account,
                line_type="SavingsPlanRecurringFee",
                product_code="ComputeSavingsPlans",
                service_name="Savings Plans for AWS Compute usage",
                service_category="Compute",
                product_family="Savings Plans",
                usage_type="ComputeSP:1yrNoUpfront",
                usage_start=d0,
                usage_end=d0 + timedelta(days=1),
                usage_amount=24.0,
                unit="Hrs",
                rate=sp.hourly_commitment,
                cost=commit,
                description="1 year No Upfront Compute Savings Plan",
                pricing_term="SavingsPlan",
                sp_arn=savings_plan_arn(sp),
                sp_commitment=commit,
                sp_used=round(commit * (0.93 + 0.06 * rnd.next()), 8),
                resource_id=savings_plan_arn(sp),
            )
            day += timedelta(days=1)
    for short, acct in cat.ACCOUNT_BY_NAME.items():
        for code, name in (
            ("AmazonEC2", "Amazon Elastic Compute Cloud"),
            ("AmazonS3", "Amazon Simple Storage Service"),
        ):
            base = {"prod": 310.0, "data": 140.0, "ml": 120.0}.get(short, 25.0) * (1 if code == "AmazonEC2" else 0.2)
            line(
                short,
                line_type="Tax",
                product_code=code,
                service_name=name,
                service_category="Other",
                cost=round(base * g * scale * (0.9 + 0.2 * rnd.next()), 2),
                tax_type="Sales Tax",
                description=f"Tax for product code {code}",
            )
        del acct
    line(
        "sandbox",
        line_type="Credit",
        product_code="AmazonEC2",
        service_name="Amazon Elastic Compute Cloud",
        service_category="Compute",
        cost=-150.0,
        description="AWS Activate Credits",
    )
    line(
        "ml",
        line_type="Credit",
        product_code="AmazonSageMaker",
        service_name="Amazon SageMaker",
        service_category="AI and Machine Learning",
        cost=-300.0,
        description="SageMaker promotional credit",
    )
    if month_index == 1:
        line(
            "prod",
            line_type="Refund",
            product_code="AmazonEC2",
            service_name="Amazon Elastic Compute Cloud",
            service_category="Compute",
            cost=-87.31,
            description="Refund for an EC2 service event",
        )
    for short in ("prod", "shared-services"):
        zones = 12 if short == "prod" else 5
        line(
            short,
            line_type="Usage",
            product_code="AmazonRoute53",
            service_name="Amazon Route 53",
            service_category="Networking",
            product_family="DNS Zone",
            usage_type="HostedZone",
            operation="CreateHostedZone",
            usage_amount=float(zones),
            unit="HostedZone",
            rate=0.5,
            cost=round(0.5 * zones, 8),
            od_cost=round(0.5 * zones, 8),
            od_rate=0.5,
            pricing_term="OnDemand",
            description="$0.50 per Hosted Zone for the first 25 Hosted Zones",
            resource_id=f"arn:aws:route53:::hostedzone/Z{hash_str(short) % 10**13:013d}",
            tag_team="platform",
            tag_env=cat.ACCOUNT_BY_NAME[short].env,
            tag_cost_center="CC-1001",
        )
    del payer
    names = [n for n in CANONICAL_NAMES if n not in ("seq", "line_id")]
    return [tuple(row.get(n) for n in names) for row in out]


class _Rand:
    """A tiny deterministic generator for the handful of fixed lines (no global random state)."""

    def __init__(self, seed: int, salt: int) -> None:
        self.state = hash_str(f"{seed}:{salt}")

    def next(self) -> float:
        self.state = hash_str(str(self.state))
        return (self.state % 1_000_003) / 1_000_003
