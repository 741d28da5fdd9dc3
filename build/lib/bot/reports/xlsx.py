"""TrackIt's spreadsheet reports, computed from the billing store and written with XlsxWriter.

The sheets follow TrackIt's own reports, where the data allows:

- "Usage types by day": cost per service and usage type for each day of the month (TrackIt's "cost variation
  by usage type, per day");
- "Usage types by month": the same per month for the last 6 months, with the change over the last month;
- "Cost by tag": cost per value of one tag key (with the untagged share), when the bill has tags;
- "Top resources": the most expensive resources with service, account, region and the previous period;
- when an AWS inventory exists (`ResourceData`): TrackIt's resource pages as sheets: EC2, RDS, OpenSearch,
  ElastiCache, Lambda and EBS snapshots with cost over the period and 14-day CloudWatch utilisation (blank cells
  where CloudWatch had no data: unknown, never idle), and the active reservations and savings plans with their
  end dates.

Numbers are written as numbers (never text): amounts rounded to the cent as every other surface rounds them
(`bot.billing.money.round_money`) with the number format of the bill's currency (`Money.excel_format`), header
rows are frozen, columns sized to their content, and every sheet has an autofilter.
https://xlsxwriter.readthedocs.io/
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

import xlsxwriter

from bot.billing.commitments import accounts_in, commitment_account, of_accounts
from bot.billing.dates import day_text
from bot.billing.idle import find_idle
from bot.billing.inventory import Resource, ResourceKind, ResourceMetrics
from bot.billing.model import (
    UNTAGGED,
    AggregateRequest,
    AggregateRow,
    CostBasis,
    Dimension,
    DimensionRef,
    Filter,
    Granularity,
    TimeRange,
)
from bot.billing.money import Money, money_number
from bot.billing.periods import add_months, month_start
from bot.billing.query import run_tag_report, run_top_resources
from bot.billing.resources import cost_of, resource_costs, visible
from bot.billing.store import BillingStore
from bot.state.inventory import InventorySnapshot

#: Rows kept per usage-type sheet (most expensive first); the rest is summed in one "Other" row.
MAX_USAGE_TYPES = 500
TOP_RESOURCES = 100
MONTHS = 6
_MAX_WIDTH = 60


@dataclass(frozen=True)
class Sheet:
    """One worksheet: a title line, a header row and rows. Columns in `money` get the currency format,
    columns in `pct` a percentage format (values are fractions: 0.25 shows as 25.0%)."""

    name: str
    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[object, ...], ...]
    money: frozenset[int] = field(default_factory=frozenset)
    pct: frozenset[int] = field(default_factory=frozenset)
    #: Leading columns that stay visible when scrolling right (labels).
    frozen_columns: int = 1
    #: A total row under the data (sums of the money columns).
    total_row: bool = False

    def __post_init__(self) -> None:
        if not 0 < len(self.name) <= 31 or any(c in self.name for c in "[]:*?/\\"):
            raise ValueError(f"{self.name!r} is not a valid sheet name (1-31 characters, none of []:*?/\\)")
        width = len(self.header)
        for row in self.rows:
            if len(row) != width:
                raise ValueError(f"sheet {self.name!r}: a row has {len(row)} cells for {width} columns")


def workbook_bytes(sheets: Sequence[Sheet], *, money: Money | None = None) -> bytes:
    """The .xlsx file holding `sheets` in order (in memory: a digest's workbook is small); amounts in `money`'s
    currency (USD when None), each cell holding the amount rounded to the cent."""
    money = money or Money()
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_numbers": False, "strings_to_urls": False})
    title_fmt = book.add_format({"bold": True, "font_size": 13})
    head_fmt = book.add_format({"bold": True, "bg_color": "#DDE6F0", "border": 1, "text_wrap": True})
    money_fmt = book.add_format({"num_format": money.excel_format})
    pct_fmt = book.add_format({"num_format": "0.0%"})
    total_label = book.add_format({"bold": True, "top": 1})
    total_money = book.add_format({"bold": True, "top": 1, "num_format": money.excel_format})
    for sheet in sheets:
        ws = book.add_worksheet(sheet.name)
        ws.write_string(0, 0, sheet.title, title_fmt)
        header_row = 2
        for col, name in enumerate(sheet.header):
            ws.write_string(header_row, col, name, head_fmt)
        widths = [len(h) for h in sheet.header]
        for r, row in enumerate(sheet.rows, start=header_row + 1):
            for col, value in enumerate(row):
                if isinstance(value, bool) or value is None:
                    ws.write_blank(r, col, None)
                elif isinstance(value, int | float) and col in sheet.money:
                    ws.write_number(r, col, money_number(value), money_fmt)
                    widths[col] = max(widths[col], 12)
                elif isinstance(value, int | float):
                    ws.write_number(r, col, float(value), pct_fmt if col in sheet.pct else None)
                    widths[col] = max(widths[col], 12)
                elif isinstance(value, date):
                    ws.write_string(r, col, value.isoformat())
                    widths[col] = max(widths[col], 10)
                else:
                    text = str(value)
                    ws.write_string(r, col, text)
                    widths[col] = max(widths[col], len(text))
        last = header_row + len(sheet.rows)
        if sheet.total_row and sheet.rows:
            ws.write_string(last + 1, 0, "Total", total_label)
            for col in sorted(sheet.money):
                # The total of the exact amounts, rounded once (not the sum of rounded cells).
                column_sum = math.fsum(v for row in sheet.rows if isinstance(v := row[col], int | float))
                ws.write_number(last + 1, col, money_number(column_sum), total_money)
        for col, width in enumerate(widths):
            ws.set_column(col, col, min(_MAX_WIDTH, width + 2))
        ws.freeze_panes(header_row + 1, sheet.frozen_columns)
        ws.autofilter(header_row, 0, max(last, header_row), len(sheet.header) - 1)
    book.close()
    return buffer.getvalue()


# ------------------------------------------------------------------------------------------- the sheets

_SERVICE = DimensionRef(Dimension.SERVICE)
_USAGE_TYPE = DimensionRef(Dimension.USAGE_TYPE)


def _ranked(cells: dict[tuple[str, str], list[float]]) -> list[tuple[tuple[str, str], list[float]]]:
    """Rows by total cost descending (ties by name), at most MAX_USAGE_TYPES, the rest folded into Other."""
    ranked = sorted(cells.items(), key=lambda kv: (-sum(kv[1]), kv[0]))
    if len(ranked) <= MAX_USAGE_TYPES:
        return ranked
    kept, rest = ranked[: MAX_USAGE_TYPES - 1], ranked[MAX_USAGE_TYPES - 1 :]
    other = [sum(v[i] for _, v in rest) for i in range(len(rest[0][1]))]
    return [*kept, (("Other", f"{len(rest)} usage types"), other)]


def _by_column(
    rows: Iterable[AggregateRow], column: Callable[[datetime], int | None], width: int
) -> dict[tuple[str, str], list[float]]:
    """(service, usage type) -> one cost per column, from time-bucketed rows; `column` maps a bucket to its column
    (None: outside the sheet)."""
    cells: dict[tuple[str, str], list[float]] = {}
    for row in rows:
        i = column(row.bucket) if row.bucket is not None else None
        if i is not None:
            cells.setdefault((row.keys[0], row.keys[1]), [0.0] * width)[i] += row.cost
    return cells


def usage_types_by_day(
    store: BillingStore, month: TimeRange, filters: Sequence[Filter] = (), basis: CostBasis = CostBasis.UNBLENDED
) -> Sheet:
    """Cost per service and usage type for every day of `month` (columns), with a total per row."""
    days = [month.start + timedelta(days=i) for i in range(month.days)]
    index = {d: i for i, d in enumerate(days)}
    rows = store.aggregate(
        AggregateRequest(month, (_SERVICE, _USAGE_TYPE), tuple(filters), basis, granularity=Granularity.DAY)
    )
    cells = _by_column(rows, lambda bucket: index.get(bucket.date()), len(days))
    out = tuple((svc, ut, *values, sum(values)) for (svc, ut), values in _ranked(cells))
    n = len(days)
    return Sheet(
        name="Usage types by day",
        title=f"Cost by usage type per day, {month.start:%B %Y} ({basis.value} cost)",
        header=("Service", "Usage type", *(day_text(d) for d in days), "Total"),
        rows=out,
        money=frozenset(range(2, n + 3)),
        frozen_columns=2,
        total_row=True,
    )


def usage_types_by_month(
    store: BillingStore,
    last_month: date,
    filters: Sequence[Filter] = (),
    basis: CostBasis = CostBasis.UNBLENDED,
    months: int = MONTHS,
) -> Sheet:
    """Cost per service and usage type for each of the `months` months ending with `last_month`, plus the change
    of the last month over the one before."""
    first = add_months(month_start(last_month), -(months - 1))
    starts = [add_months(first, i) for i in range(months)]
    index = {m: i for i, m in enumerate(starts)}
    span = TimeRange(first, add_months(starts[-1], 1))
    rows = store.aggregate(
        AggregateRequest(span, (_SERVICE, _USAGE_TYPE), tuple(filters), basis, granularity=Granularity.MONTH)
    )
    cells = _by_column(rows, lambda bucket: index.get(bucket.date().replace(day=1)), months)
    out = tuple(
        (svc, ut, *values, values[-1] - values[-2] if months > 1 else 0.0) for (svc, ut), values in _ranked(cells)
    )
    return Sheet(
        name="Usage types by month",
        title=f"Cost by usage type per month, {starts[0]:%b %Y} – {starts[-1]:%b %Y} ({basis.value} cost)",
        header=("Service", "Usage type", *(m.strftime("%b %Y") for m in starts), "Change over last month"),
        rows=out,
        money=frozenset(range(2, months + 3)),
        frozen_columns=2,
        total_row=True,
    )


def cost_by_tag(
    store: BillingStore,
    tag_key: str,
    period: TimeRange,
    filters: Sequence[Filter] = (),
    basis: CostBasis = CostBasis.UNBLENDED,
) -> Sheet:
    """Cost per value of `tag_key` over `period` with its share (untagged taggable cost included), then what no
    one could tag ("(not taggable)": fees, tax, credits). NotFound for a key the bill does not have."""
    report = run_tag_report(store, tag_key, period, filters, basis)
    rows: list[tuple[object, ...]] = [
        ("(untagged)" if v.value == UNTAGGED else v.value, v.cost, v.share) for v in report.values
    ]
    if report.not_taggable_cost:
        share = report.not_taggable_cost / report.total if report.total else 0.0
        rows.append(("(not taggable)", report.not_taggable_cost, share))
    return Sheet(
        name="Cost by tag",
        title=f"Cost by {report.key} value, {period.start} – {period.end - timedelta(days=1)} ({basis.value} cost)",
        header=(str(report.key), "Cost", "Share"),
        rows=tuple(rows),
        money=frozenset({1}),
        pct=frozenset({2}),
        total_row=True,
    )


def top_resources(
    store: BillingStore,
    period: TimeRange,
    filters: Sequence[Filter] = (),
    basis: CostBasis = CostBasis.UNBLENDED,
    n: int = TOP_RESOURCES,
) -> Sheet:
    """The `n` most expensive resources over `period`, with the previous period of the same length."""
    rows = run_top_resources(store, n, period, filters, basis)
    return Sheet(
        name="Top resources",
        title=f"Top {n} resources, {period.start} – {period.end - timedelta(days=1)} ({basis.value} cost)",
        header=("Resource", "Service", "Account", "Account name", "Region", "Cost", "Previous period", "Change"),
        rows=tuple(
            (
                r.resource_id,
                r.service,
                r.account_id,
                r.account_name,
                r.region,
                r.cost,
                r.previous_cost or 0.0,
                r.change or 0.0,
            )
            for r in rows
        ),
        money=frozenset({5, 6, 7}),
    )


def best_tag_key(store: BillingStore, period: TimeRange, filters: Sequence[Filter] = ()) -> str | None:
    """The tag key covering the most cost over `period` (the one a "cost by tag" sheet is most useful for)."""
    coverage = store.tag_coverage(period, tuple(filters))
    ranked = sorted((c for c in coverage if c.tagged_cost > 0), key=lambda c: (-c.coverage, -c.tagged_cost, c.key))
    return ranked[0].key if ranked else None


def report_sheets(
    store: BillingStore,
    period: TimeRange,
    *,
    filters: Sequence[Filter] = (),
    basis: CostBasis = CostBasis.UNBLENDED,
    tag_key: str | None = None,
    resources: ResourceData | None = None,
) -> list[Sheet]:
    """TrackIt's report sheets for a digest of `period`: usage types per day of the month `period` ends in, per
    month for 6 months, cost by tag (`tag_key`, else the best-covered key; left out when the bill has no tags)
    and top resources; then the resource sheets when `resources` (an inventory, see `resource_data`) is given."""
    last_day = period.end - timedelta(days=1)
    month = TimeRange(month_start(last_day), add_months(month_start(last_day), 1))
    sheets = [
        usage_types_by_day(store, month, filters, basis),
        usage_types_by_month(store, month.start, filters, basis),
    ]
    key = tag_key or best_tag_key(store, period, filters)
    if key is not None:
        sheets.append(cost_by_tag(store, key, period, filters, basis))
    sheets.append(top_resources(store, period, filters, basis))
    if resources is not None:
        sheets.extend(resource_sheets(resources))
    return sheets


# ------------------------------------------------------------------------------------ resource sheets

MetricsMap = Mapping[tuple[str, str, ResourceKind, str], ResourceMetrics]
UTILISATION_DAYS = 14
_GB = 1024.0**3


@dataclass(frozen=True)
class ResourceData:
    """An inventory snapshot prepared for the workbook: resources inside the digest's filters, their metrics,
    their cost over the period by billing id, and commitment end dates (by ARN)."""

    day: date
    collected_at: datetime
    resources: tuple[Resource, ...]
    metrics: MetricsMap
    costs: Mapping[str, float]
    commitment_ends: Mapping[str, date]


def resource_data(
    store: BillingStore,
    period: TimeRange,
    snapshot: InventorySnapshot,
    *,
    filters: Sequence[Filter] = (),
    basis: CostBasis = CostBasis.UNBLENDED,
) -> ResourceData:
    """`ResourceData` for a digest of `period` from an inventory snapshot: resources inside `filters`' accounts,
    regions, tags and resource ids, with their cost over `period` (`bot.billing.resources`), and
    the commitments of the filtered accounts (none under a tag filter: commitments belong to whole accounts)."""
    ends: dict[str, date] = {}
    if not any(f.dimension.kind is Dimension.TAG for f in filters):
        ends = of_accounts(snapshot.commitment_ends, accounts_in(filters))
    return ResourceData(
        snapshot.day,
        snapshot.summary.collected_at,
        tuple(visible(snapshot.inventory.resources, filters)),
        snapshot.metrics,
        resource_costs(store, period, filters, basis),
        ends,
    )


def _stats(m: ResourceMetrics | None, name: str) -> tuple[float | None, float | None, float | None, float]:
    """(mean, max, min, sum) of the known daily values of the last 14 days (None without data)."""
    values = m.known(name, UTILISATION_DAYS) if m is not None else []
    if not values:
        return None, None, None, 0.0
    return sum(values) / len(values), max(values), min(values), sum(values)


def _pct(value: float | None) -> float | None:
    return None if value is None else value / 100.0


def _gb(value: float | None) -> float | None:
    return None if value is None else round(value / _GB, 3)


def resource_sheets(data: ResourceData) -> list[Sheet]:
    """One sheet per resource kind present (EC2, RDS, OpenSearch, ElastiCache, Lambda, EBS snapshots), then the
    reservations; rows by cost descending. Utilisation cells are blank where CloudWatch had no data."""
    idle = find_idle(data.resources, data.metrics, {}, now=data.collected_at)
    idle_keys = {f.resource.key for f in idle.findings}
    unknown = {r.key for r in idle.unknown}

    def idle_text(r: Resource) -> str:
        return "yes" if r.key in idle_keys else "unknown" if r.key in unknown else "no"

    def of(kind: ResourceKind) -> list[Resource]:
        chosen = [r for r in data.resources if r.kind is kind]
        return sorted(chosen, key=lambda r: (-(cost_of(r, data.costs) or 0.0), r.account_id, r.region, r.resource_id))

    def where(r: Resource) -> tuple[str, str]:
        return r.account_id, r.region

    title = f"{{}} in the inventory of {data.day.isoformat()}: cost over the period, utilisation of the last 14 days"
    sheets: list[Sheet] = []
    ec2 = of(ResourceKind.EC2)
    if ec2:
        rows: list[tuple[object, ...]] = []
        for r in ec2:
            m = data.metrics.get(r.key)
            cpu, peak = _stats(m, "cpu_avg")[0], _stats(m, "cpu_max")[1]
            net_in, net_out = _stats(m, "network_in"), _stats(m, "network_out")
            network = None if net_in[0] is None or net_out[0] is None else _gb(net_in[0] + net_out[0])
            rows.append(
                (
                    r.resource_id,
                    r.name,
                    r.type,
                    r.state,
                    *where(r),
                    cost_of(r, data.costs) or 0.0,
                    _pct(cpu),
                    _pct(peak),
                    network,
                    _pct(_stats(m, "mem_used_pct")[1]),
                    idle_text(r),
                )
            )
        sheets.append(
            Sheet(
                "EC2",
                title.format("EC2 instances"),
                (
                    "Instance",
                    "Name",
                    "Type",
                    "State",
                    "Account",
                    "Region",
                    "Cost",
                    "CPU average",
                    "CPU peak",
                    "Network GB/day",
                    "Memory peak",
                    "Idle",
                ),
                tuple(rows),
                money=frozenset({6}),
                pct=frozenset({7, 8, 10}),
                total_row=True,
            )
        )
    for kind, name, label, size_label, extra_metric, extra_label in (
        (ResourceKind.RDS, "RDS", "RDS databases", "Storage GiB", "free_storage", "Free storage GB (min)"),
        (
            ResourceKind.OPENSEARCH,
            "OpenSearch",
            "OpenSearch domains",
            "Instances",
            "free_storage",
            "Free storage GB (min)",
        ),
        (ResourceKind.ELASTICACHE, "ElastiCache", "ElastiCache clusters", "Nodes", "mem_used_pct", "Memory peak"),
    ):
        chosen = of(kind)
        if not chosen:
            continue
        rows = []
        for r in chosen:
            m = data.metrics.get(r.key)
            stats = _stats(m, extra_metric)
            extra = _pct(stats[1]) if extra_metric == "mem_used_pct" else _gb(stats[2])
            cpu, peak = _pct(_stats(m, "cpu_avg")[0]), _pct(_stats(m, "cpu_max")[1])
            rows.append(
                (
                    r.resource_id,
                    r.type,
                    r.size,
                    r.state,
                    *where(r),
                    cost_of(r, data.costs) or 0.0,
                    cpu,
                    peak,
                    extra,
                    idle_text(r),
                )
            )
        pct = {7, 8, 9} if extra_metric == "mem_used_pct" else {7, 8}
        sheets.append(
            Sheet(
                name,
                title.format(label),
                (
                    label.split()[-1].rstrip("s").title(),
                    "Type",
                    size_label,
                    "State",
                    "Account",
                    "Region",
                    "Cost",
                    "CPU average",
                    "CPU peak",
                    extra_label,
                    "Idle",
                ),
                tuple(rows),
                money=frozenset({6}),
                pct=frozenset(pct),
                total_row=True,
            )
        )
    functions = of(ResourceKind.LAMBDA)
    if functions:
        rows = []
        for r in functions:
            m = data.metrics.get(r.key)
            calls = _stats(m, "invocations")
            errors = _stats(m, "errors")
            rows.append(
                (
                    r.resource_id,
                    r.type,
                    r.size,
                    *where(r),
                    cost_of(r, data.costs) or 0.0,
                    calls[3] if calls[0] is not None else None,
                    errors[3] if errors[0] is not None else None,
                    _stats(m, "duration")[0],
                )
            )
        sheets.append(
            Sheet(
                "Lambda",
                title.format("Lambda functions"),
                (
                    "Function",
                    "Runtime",
                    "Memory MB",
                    "Account",
                    "Region",
                    "Cost",
                    "Invocations (14 d)",
                    "Errors (14 d)",
                    "Duration ms (avg)",
                ),
                tuple(rows),
                money=frozenset({5}),
                total_row=True,
            )
        )
    snapshots = of(ResourceKind.SNAPSHOT)
    if snapshots:
        rows = []
        for r in snapshots:
            age = (data.collected_at - r.created).days if r.created is not None else None
            created = r.created.date() if r.created is not None else None
            rows.append((r.resource_id, r.name, r.size, created, age, *where(r), cost_of(r, data.costs) or 0.0))
        sheets.append(
            Sheet(
                "EBS snapshots",
                title.format("EBS snapshots"),
                ("Snapshot", "Name", "Volume GiB", "Created", "Age (days)", "Account", "Region", "Cost"),
                tuple(rows),
                money=frozenset({7}),
                total_row=True,
            )
        )
    if data.commitment_ends:
        commitments: list[tuple[object, ...]] = [
            (
                "Savings Plan" if ":savingsplan" in arn else "Reserved Instance",
                arn,
                commitment_account(arn),
                end,
                (end - data.day).days,
            )
            for arn, end in sorted(data.commitment_ends.items(), key=lambda kv: (kv[1], kv[0]))
        ]
        sheets.append(
            Sheet(
                "Reservations",
                f"Active reservations and savings plans, {data.day.isoformat()}",
                ("Kind", "ARN", "Account", "Ends", "Days left"),
                tuple(commitments),
            )
        )
    return sheets
