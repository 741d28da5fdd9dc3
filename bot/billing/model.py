"""The billing domain's values: the normalised line-item schema, queries and results.

Every export (legacy CUR, CUR 2.0, FOCUS, Cost Explorer) is normalised to the columns of `LINE_ITEM_COLUMNS`
(FOCUS-aligned names in snake_case, plus the AWS columns TrackIt users needed). Tags and cost categories are
open-ended: a normalised relation carries them as extra VARCHAR columns named `tag:<key>` (for example
`tag:user:team`, `tag:aws:createdBy`) and `costcat:<name>`.

All timestamps are UTC. Ranges are half-open: `[start, end)`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

from bot.billing.periods import add_months, month_start, months_between

if TYPE_CHECKING:
    from bot.billing.anomaly_changes import Change  # it builds on this module: for the annotation only

# --------------------------------------------------------------------------------------------- schema

#: (column, DuckDB type, meaning). The order is the physical order in every store.
LINE_ITEM_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("billing_period", "DATE", "first day of the billing month"),
    ("charge_period_start", "TIMESTAMP", "usage start, UTC"),
    ("charge_period_end", "TIMESTAMP", "usage end, UTC"),
    ("billed_cost", "DOUBLE", "unblended cost (lineItem/UnblendedCost, FOCUS BilledCost)"),
    ("effective_cost", "DOUBLE", "amortized cost: RI and SP fees spread over covered usage (FOCUS EffectiveCost)"),
    ("net_cost", "DOUBLE", "net unblended cost after discounts; NULL when the export has none"),
    ("list_cost", "DOUBLE", "public on-demand cost; NULL when absent"),
    ("usage_amount", "DOUBLE", "usage quantity"),
    ("usage_unit", "VARCHAR", "pricing unit of usage_amount"),
    ("billing_account_id", "VARCHAR", "payer account id (12 digits, leading zeros kept)"),
    ("billing_account_name", "VARCHAR", "payer account name"),
    ("sub_account_id", "VARCHAR", "usage (linked) account id"),
    ("sub_account_name", "VARCHAR", "usage account name, when the export has it"),
    ("service_code", "VARCHAR", "product code, e.g. AmazonEC2"),
    ("service_name", "VARCHAR", "service name, e.g. Amazon Elastic Compute Cloud"),
    ("region_id", "VARCHAR", "region code, e.g. us-east-1; '' for global charges"),
    ("availability_zone", "VARCHAR", "availability zone"),
    ("usage_type", "VARCHAR", "usage type, e.g. USE1-BoxUsage:m5.large"),
    ("operation", "VARCHAR", "operation, e.g. RunInstances"),
    ("resource_id", "VARCHAR", "resource id or ARN; '' when the line has none"),
    ("line_item_type", "VARCHAR", "AWS line item type: Usage, DiscountedUsage, SavingsPlanCoveredUsage, RIFee, ..."),
    ("charge_category", "VARCHAR", "FOCUS charge category: Usage, Purchase, Tax, Credit, Adjustment"),
    ("description", "VARCHAR", "line item description"),
    ("product_family", "VARCHAR", "product family, e.g. Compute Instance"),
    ("instance_type", "VARCHAR", "instance type where relevant"),
    ("pricing_term", "VARCHAR", "OnDemand, Reserved, Spot, SavingsPlan ..."),
    ("invoice_id", "VARCHAR", "set once the period is invoiced (final); '' while estimated"),
    ("reservation_arn", "VARCHAR", "reservation ARN for RI-covered usage and RI fees"),
    ("reservation_effective_cost", "DOUBLE", "RI effective cost of covered usage; NULL when not RI"),
    ("savings_plan_arn", "VARCHAR", "savings plan ARN for SP-covered usage and SP fees"),
    ("savings_plan_effective_cost", "DOUBLE", "SP effective cost of covered usage; NULL when not SP"),
    ("currency", "VARCHAR", "billing currency, e.g. USD"),
    ("provider", "VARCHAR", "cloud provider: aws, azure, gcp, oci (FOCUS ProviderName, normalised)"),
    ("charge_class", "VARCHAR", "usage, recurring, one-time, tax, credit or adjustment (bot.billing.charges)"),
)

LINE_ITEM_COLUMN_NAMES: tuple[str, ...] = tuple(c[0] for c in LINE_ITEM_COLUMNS)

TAG_PREFIX = "tag:"
COST_CATEGORY_PREFIX = "costcat:"

#: How an empty value reads, in group keys and in filter values (see `DimensionRef.empty_key`): a line item
#: without a tag is `untagged` (Cost Explorer: "No tag key"); a charge without a region (tax, support, Route 53,
#: CloudFront) is `global` (Cost Explorer: "NoRegion", and legacy CUR's own `global`); any other empty value
#: is `(none)` (Cost Explorer: "No usage type", "No resource", "No operation").
UNTAGGED = "untagged"
GLOBAL_REGION = "global"
NO_VALUE = "(none)"

#: The charge category of tax line items, and the service they read as in by-service views.
TAX_CHARGE = "Tax"
TAX_SERVICE = "Tax"


# ------------------------------------------------------------------------------------------ dimensions


class CostBasis(StrEnum):
    """The three first-class cost bases; every answer names the one it used."""

    UNBLENDED = "unblended"  # billed_cost
    AMORTIZED = "amortized"  # effective_cost
    NET = "net"  # net_cost; only where the export has it (`PeriodStatus.has_net_cost`, `bot.billing.basis`)

    @property
    def column(self) -> str:
        return {"unblended": "billed_cost", "amortized": "effective_cost", "net": "net_cost"}[self.value]


class Dimension(StrEnum):
    """Columns one can group and filter by. Tags are `DimensionRef(Dimension.TAG, key)`."""

    SERVICE = "service"
    ACCOUNT = "account"
    REGION = "region"
    USAGE_TYPE = "usage-type"
    #: The pricing unit of `usage_amount` (Hrs, GB-Mo, Requests): usage amounts add up only within one unit.
    USAGE_UNIT = "usage-unit"
    OPERATION = "operation"
    RESOURCE = "resource"
    CHARGE_TYPE = "charge-type"
    CURRENCY = "currency"
    PROVIDER = "provider"
    CHARGE_CLASS = "charge-class"
    TAG = "tag"

    @property
    def column(self) -> str:
        """The line-item column behind this dimension (not for TAG)."""
        return _DIMENSION_COLUMNS[self]


_DIMENSION_COLUMNS: dict[Dimension, str] = {
    Dimension.SERVICE: "service_name",
    Dimension.ACCOUNT: "sub_account_id",
    Dimension.REGION: "region_id",
    Dimension.USAGE_TYPE: "usage_type",
    Dimension.USAGE_UNIT: "usage_unit",
    Dimension.OPERATION: "operation",
    Dimension.RESOURCE: "resource_id",
    Dimension.CHARGE_TYPE: "charge_category",
    Dimension.CURRENCY: "currency",
    Dimension.PROVIDER: "provider",
    Dimension.CHARGE_CLASS: "charge_class",
}


@dataclass(frozen=True, order=True)
class DimensionRef:
    """A dimension, or a tag key when `kind` is TAG (key as in the export, e.g. `user:team`)."""

    kind: Dimension
    tag_key: str | None = None

    def __post_init__(self) -> None:
        if (self.kind is Dimension.TAG) != (self.tag_key is not None):
            raise ValueError("tag_key is required for TAG dimensions and only for them")

    @property
    def column(self) -> str:
        """The column name in a normalised relation (`tag:<key>` for tags)."""
        if self.kind is Dimension.TAG:
            return TAG_PREFIX + str(self.tag_key)
        return self.kind.column

    @property
    def label(self) -> str:
        return f"tag:{self.tag_key}" if self.kind is Dimension.TAG else self.kind.value

    @property
    def empty_key(self) -> str:
        """The group key of a missing or empty value, and the filter value that matches it.

        `untagged` for tags, `global` for regions, `(none)` for everything else. A stored value equal to it
        (legacy CUR's region `global`) is the same group: the key is what a line item reads as.
        """
        if self.kind is Dimension.TAG:
            return UNTAGGED
        return GLOBAL_REGION if self.kind is Dimension.REGION else NO_VALUE

    @classmethod
    def tag(cls, key: str) -> DimensionRef:
        return cls(Dimension.TAG, key)


@dataclass(frozen=True)
class Filter:
    """Keep line items whose group key (`AggregateRow.keys`) for `dimension` is one of `values`.

    So the dimension's `empty_key` matches a missing or empty value, `Tax` on the service dimension matches
    tax line items (see `tax_as_service`), and `negate` keeps the others.
    """

    dimension: DimensionRef
    values: tuple[str, ...]
    negate: bool = False

    def __post_init__(self) -> None:
        if not self.values:
            raise ValueError(f"filter on {self.dimension.label} has no values")


#: The line items a tag can be put on: usage-driven charges. Fees for commitments and support, tax, credits and
#: refunds belong to no resource a person could tag, so `/tags` and the daily summary count them "not taggable"
#: instead of "untagged". Until each line item's charge class is stored, usage-driven means the FOCUS charge
#: category `Usage` (Usage, DiscountedUsage, SavingsPlanCoveredUsage, their negations and discounts). The one
#: place that says so: switching to a charge-class column is this line.
TAGGABLE = Filter(DimensionRef(Dimension.CHARGE_TYPE), ("Usage",))
NOT_TAGGABLE = Filter(TAGGABLE.dimension, TAGGABLE.values, negate=not TAGGABLE.negate)


def tax_as_service(filters: Sequence[Filter]) -> bool:
    """Whether tax line items read as the service `Tax` in this question (Cost Explorer's convention).

    Always, except in a question that keeps only tax (`charge-type=Tax`): there the service of a tax line item
    is the service it was charged on, so `charge-type=tax by service` shows the tax of each service. Both
    backends and every caller decide with this one function.
    """
    return not any(
        f.dimension.kind is Dimension.CHARGE_TYPE and not f.negate and set(f.values) == {TAX_CHARGE} for f in filters
    )


class Granularity(StrEnum):
    NONE = "none"
    HOUR = "hour"
    DAY = "day"
    WEEK = "week"  # ISO weeks, starting Monday
    MONTH = "month"
    QUARTER = "quarter"  # calendar quarters


class Question(StrEnum):
    """What a cost question asks beyond the numbers: nothing more, the month-end forecast, why it changed, the
    average per day, its unusual days, or the groups that moved most."""

    COST = "cost"
    FORECAST = "forecast"  # the pace answer for the month in progress (`bot.billing.pace`)
    WHY = "why"  # the root cause of the change against the compared period (`bot.billing.anomaly_rootcause`)
    AVERAGE = "average"  # the average cost per day over the complete days of the range
    ANOMALIES = "anomalies"  # unusual days of the range (`bot.billing.anomaly`)
    INCREASES = "increases"  # groups ranked by their rise against the previous like-for-like period
    DECREASES = "decreases"  # groups ranked by their fall against the previous like-for-like period

    @property
    def asks(self) -> str:
        """What the question asks, as a message says it: `the month-end forecast`, `the average per day`."""
        return _QUESTION_ASKS[self]


_QUESTION_ASKS = {
    Question.COST: "the cost",
    Question.FORECAST: "the month-end forecast",
    Question.WHY: "why the cost changed",
    Question.AVERAGE: "the average per day",
    Question.ANOMALIES: "unusual days",
    Question.INCREASES: "the biggest increases",
    Question.DECREASES: "the biggest decreases",
}


# ------------------------------------------------------------------------------------------- queries


@dataclass(frozen=True)
class TimeRange:
    """Half-open `[start, end)` in whole UTC days, with the words the user used."""

    start: date
    end: date
    label: str = ""

    def __post_init__(self) -> None:
        if self.end <= self.start:
            raise ValueError(f"empty time range {self.start}..{self.end}")

    @property
    def days(self) -> int:
        return (self.end - self.start).days

    @classmethod
    def month(cls, d: date) -> TimeRange:
        """The calendar month of `d`, labelled `YYYY-MM`."""
        start = month_start(d)
        return cls(start, add_months(start, 1), start.strftime("%Y-%m"))

    @property
    def whole_months(self) -> bool:
        return self.start.day == 1 and self.end.day == 1

    def previous(self) -> TimeRange:
        """The period just before this one: whole months map to the same number of previous months, any other
        range to the same number of days."""
        if self.whole_months:
            start = add_months(self.start, -months_between(self.start, self.end))
            return TimeRange(start, self.start, "previous period")
        return TimeRange(self.start - timedelta(days=self.days), self.start, "previous period")

    def months(self) -> list[date]:
        """First days of the billing months that overlap this range."""
        out: list[date] = []
        m = month_start(self.start)
        while m < self.end:
            out.append(m)
            m = add_months(m, 1)
        return out


@dataclass(frozen=True)
class AggregateRequest:
    """What a billing store computes: cost summed by up to three dimensions and an optional time bucket.

    `limit` (with `group_by`) returns only the most expensive groups, ordered by cost descending; the caller
    computes "Other" from the ungrouped total. Without `limit` every group is returned (complete group-by).
    """

    time_range: TimeRange
    group_by: tuple[DimensionRef, ...] = ()
    filters: tuple[Filter, ...] = ()
    basis: CostBasis = CostBasis.UNBLENDED
    granularity: Granularity = Granularity.NONE
    limit: int | None = None

    def __post_init__(self) -> None:
        if len(self.group_by) > 3:
            raise ValueError("at most three group-by dimensions")


@dataclass(frozen=True)
class AggregateRow:
    """One group: `keys` in the order of `group_by` (each dimension's `empty_key` for a missing or empty value),
    `bucket` when bucketed."""

    keys: tuple[str, ...]
    cost: float
    bucket: datetime | None = None
    usage_amount: float = 0.0
    line_items: int = 0


#: Line-item columns a `LineItemSumsRequest` may group by: raw values ('' for NULL), without the Cost Explorer
#: conventions of `AggregateRequest` keys (no `Tax` service, no `(none)`). `billing_period` reads `YYYY-MM-DD`.
LINE_SUM_KEYS: tuple[str, ...] = (
    "billing_period",
    "line_item_type",
    "service_name",
    "sub_account_id",
    "usage_type",
    "operation",
    "usage_unit",
    "instance_type",
    "reservation_arn",
    "savings_plan_arn",
)


@dataclass(frozen=True)
class LineItemSumsRequest:
    """Sums of the line items of some line item types, grouped by raw line-item columns: what rightsizing (on-demand
    rates) and commitments (utilisation, coverage) read, computed where the data is.

    Keeps the line items starting in `time_range` that pass `filters` (the same rules as `AggregateRequest`), whose
    `line_item_type` is one of `line_item_types` and whose `non_empty` columns are neither NULL nor ''. The number
    of groups is bounded by price-list and commitment counts (instance types, usage types, reservations, accounts),
    never by line items or resources.
    """

    time_range: TimeRange
    keys: tuple[str, ...]
    line_item_types: tuple[str, ...]
    filters: tuple[Filter, ...] = ()
    non_empty: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        unknown = [k for k in (*self.keys, *self.non_empty) if k not in LINE_SUM_KEYS]
        if unknown:
            raise ValueError(f"not a line-item sum key: {', '.join(unknown)} (use {', '.join(LINE_SUM_KEYS)})")
        if not self.line_item_types:
            raise ValueError("a line-item sum needs at least one line item type")


@dataclass(frozen=True)
class LineItemSums:
    """One group of a `LineItemSumsRequest`: `keys` in the request's order, then sums over its line items.

    `effective_cost` falls back to `billed_cost` per line item (as the amortized basis does); the reservation and
    savings plan effective costs are 0 where the line items have none.
    """

    keys: tuple[str, ...]
    billed_cost: float
    effective_cost: float
    usage_amount: float
    reservation_effective_cost: float
    savings_plan_effective_cost: float
    line_items: int

    def row(self, names: Sequence[str]) -> dict[str, object]:
        """The group as a line-item-like mapping (keys by `names`, then the sums), for code written over rows."""
        return {
            **dict(zip(names, self.keys, strict=True)),
            "billed_cost": self.billed_cost,
            "effective_cost": self.effective_cost,
            "usage_amount": self.usage_amount,
            "reservation_effective_cost": self.reservation_effective_cost,
            "savings_plan_effective_cost": self.savings_plan_effective_cost,
        }


@dataclass(frozen=True)
class TagCoverage:
    key: str
    tagged_cost: float
    total_cost: float
    distinct_values: int

    @property
    def coverage(self) -> float:
        return self.tagged_cost / self.total_cost if self.total_cost else 0.0


@dataclass(frozen=True)
class CostQuery:
    """A parsed user question (slash command or `trackit query`)."""

    time_range: TimeRange
    group_by: tuple[DimensionRef, ...] = ()
    filters: tuple[Filter, ...] = ()
    basis: CostBasis = CostBasis.UNBLENDED
    granularity: Granularity = Granularity.NONE
    top: int = 10
    compare: bool = True
    #: the period to compare with instead of the previous one (`nov vs august`); None: the previous period
    versus: TimeRange | None = None
    question: Question = Question.COST
    #: how the grammar read words it had to interpret (a corrected typo, a bare value), for the answer's notes
    readings: tuple[str, ...] = field(default=(), compare=False)

    def aggregate_request(self, time_range: TimeRange | None = None, *, limit: int | None = None) -> AggregateRequest:
        return AggregateRequest(
            time_range=time_range or self.time_range,
            group_by=self.group_by,
            filters=self.filters,
            basis=self.basis,
            granularity=self.granularity,
            limit=limit,
        )


# ------------------------------------------------------------------------------------------ deliveries


def source_of_uri(source_uri: str) -> str:
    """The source a delivery stored before sources were recorded came from: its `source_uri` without the
    manifest the pipeline appended in parentheses (`s3://bucket/cur (metadata/.../x-Manifest.json)`)."""
    if source_uri.endswith(")") and " (" in source_uri:
        return source_uri[: source_uri.rindex(" (")]
    return source_uri


@dataclass(frozen=True)
class Delivery:
    """One delivery of one billing period from one source, as the source announced it.

    `delivery_id` is the CUR assembly id (or a hash of the manifest / file list when the format has none);
    `delivered_at` the manifest or object time. `source` names the configured source it came from (its
    canonical URI; "" for the default source): the store keeps one live delivery per billing period *per
    source*, so an AWS export and an Azure export of the same month are summed, never swapped. Re-ingesting the
    same id is a no-op; a newer delivery of the same period from the same source replaces it atomically.
    """

    billing_period: date
    delivery_id: str
    delivered_at: datetime
    source_format: str
    source_uri: str
    source: str = ""
    #: How far the provider declares the period's data complete (FOCUS 1.3 recency metadata,
    #: `bot.ingest.recency`); None when the delivery carries no such metadata.
    complete_until: datetime | None = None


@dataclass(frozen=True)
class PeriodStatus:
    """What the store holds for one billing period from one source (`source`, as `Delivery.source`)."""

    billing_period: date
    delivery_id: str
    delivered_at: datetime
    loaded_at: datetime
    source_format: str
    source_uri: str
    rows: int
    final: bool  # an invoice id is present
    data_until: datetime | None  # latest end of usage lines at most a day long (month-long fees excluded)
    billed_total: float = 0.0
    #: ISO codes of the billing currencies its line items carry (recorded at load; empty codes left out).
    currencies: tuple[str, ...] = ()
    #: Whether the export has net (after-discount) cost: some line item carries one (recorded at load).
    has_net_cost: bool = False
    source: str = ""
    #: As `Delivery.complete_until`: recorded at load, None without recency metadata.
    complete_until: datetime | None = None


#: A source whose newest billing period is older than the newest stored one by more than this many months has
#: stopped delivering (a closed subscription, a removed export): it no longer holds the others' freshness back.
LAGGING_SOURCE_MONTHS = 1


def combined_until(periods: Sequence[PeriodStatus], *, declared: bool = False) -> datetime | None:
    """The newest usage every delivering source has reached: each source's newest `data_until`, the oldest of
    those among the sources that delivered one of the newest billing months (`LAGGING_SOURCE_MONTHS`). With one
    source it is that source's newest usage. A source a day behind the others thus keeps that day partial, so
    an answer never reads a day one cloud has not billed yet as a cheap day.

    With `declared`, a period's `complete_until` (the provider's own word) stands for its `data_until`, and the
    result is None unless some period declares one."""
    if declared and not any(p.complete_until is not None for p in periods):
        return None
    newest: dict[str, tuple[date, datetime | None]] = {}
    for p in periods:
        period, until = newest.get(p.source, (date.min, None))
        mine = p.complete_until if declared and p.complete_until is not None else p.data_until
        if mine is not None and (until is None or mine > until):
            until = mine
        newest[p.source] = (max(period, p.billing_period), until)
    if not newest:
        return None
    latest = max(period for period, _ in newest.values())
    horizon = add_months(latest, -LAGGING_SOURCE_MONTHS)
    untils = [until for period, until in newest.values() if until is not None and period >= horizon]
    return min(untils) if untils else None


@dataclass(frozen=True)
class Freshness:
    """How fresh an answer is: the newest usage hour seen and which periods are final."""

    data_until: datetime | None
    periods: tuple[PeriodStatus, ...] = field(default_factory=tuple)

    @property
    def final(self) -> bool:
        return bool(self.periods) and all(p.final for p in self.periods)

    @property
    def first_period(self) -> date | None:
        """The first billing month the store holds; None when it holds none."""
        return min((p.billing_period for p in self.periods), default=None)

    def month_states(self) -> list[tuple[date, bool]]:
        """Each billing month once, oldest first, and whether it is final (every source's delivery of it is)."""
        final: dict[date, bool] = {}
        for p in self.periods:
            final[p.billing_period] = final.get(p.billing_period, True) and p.final
        return sorted(final.items())

    @property
    def complete_until(self) -> datetime | None:
        """How far the data is complete by the providers' own word (FOCUS 1.3 recency metadata), combined over
        sources as `data_until` is; None when no period's delivery declares it."""
        return combined_until(self.periods, declared=True)

    @property
    def currencies(self) -> tuple[str, ...]:
        """Every billing currency of these periods, sorted."""
        return tuple(sorted({c for p in self.periods for c in p.currencies}))


# ------------------------------------------------------------------------------------------- results


@dataclass(frozen=True)
class GroupCost:
    """One row of a breakdown: `keys` per group-by dimension, `cost` over the period so far.

    `previous_cost` is over the compared span of the previous period (None: not compared, or no data then);
    `compared_cost` over the complete days compared with it when the period is still in progress (None: the
    whole period is compared, so it is `cost`).
    """

    keys: tuple[str, ...]
    cost: float
    previous_cost: float | None = None
    compared_cost: float | None = None

    @property
    def change(self) -> float | None:
        if self.previous_cost is None:
            return None
        return (self.cost if self.compared_cost is None else self.compared_cost) - self.previous_cost


@dataclass(frozen=True)
class SeriesPoint:
    bucket: datetime
    keys: tuple[str, ...]
    cost: float


@dataclass(frozen=True)
class Forecast:
    """Month-end forecast (`bot.billing.pace`): `expected` with a `low`..`high` range (80%).

    `month_to_date` is everything stored for the month so far; `days_elapsed` the complete days behind the
    forecast. The month splits into usage-driven charges (`usage_to_date` over the complete days,
    `usage_expected` for the whole month) and period charges (`period_to_date` posted so far,
    `period_expected` for the whole month); `expected == usage_expected + period_expected`. `method` says how
    the range was made.
    """

    month: date
    month_to_date: float
    expected: float
    low: float
    high: float
    days_elapsed: int
    days_in_month: int
    usage_to_date: float = 0.0
    usage_expected: float = 0.0
    period_to_date: float = 0.0
    period_expected: float = 0.0
    method: str = ""


class Progress(StrEnum):
    """How much of a period the billing data covers (`bot.billing.pace` decides)."""

    COMPLETE = "complete"  # every day of the period is complete
    IN_PROGRESS = "in progress"  # some complete days, the rest still to come
    PARTIAL_DAY = "partial day"  # data for part of the period's first day only
    NO_DATA_YET = "no data yet"  # the data does not reach the period yet


class PreviousStatus(StrEnum):
    COMPARED = "compared"
    NO_DATA = "no data"  # the store holds no data for the previous span
    NOT_COMPARED = "not compared"  # comparison off, or nothing complete to compare yet


@dataclass(frozen=True)
class Cause:
    """One value of a dimension and its part in a change: `change = cost - previous_cost`, `share` its part of
    the total change (0..1 for values moving the same way as the total)."""

    dimension: str  # `service`, `account`, `region`, `usage-type`, `resource`
    key: str
    cost: float
    previous_cost: float
    change: float
    share: float


@dataclass(frozen=True)
class DailyAverage:
    """The average cost per day over the `days` complete days of a range, and over the period compared with
    (`previous_per_day`, None when there is none)."""

    per_day: float
    days: int
    previous_per_day: float | None = None


@dataclass(frozen=True)
class StepAverage:
    """The average cost per week or month (`unit`) over the `steps` complete weeks or months of a range, which
    run from `first` to `last` (both included): their total divided by their number, each step counted even
    when it cost nothing."""

    per_step: float
    steps: int
    unit: str  # "week" or "month"
    first: date
    last: date


@dataclass(frozen=True)
class UnusualSpan:
    """Unusual days of one slice of the bill (`dimension` `total` or `service`, `value` its key): from `start` to
    `last` (both included), `actual` cost against `expected` over them (`bot.billing.anomaly`)."""

    dimension: str
    value: str
    start: date
    last: date
    actual: float
    expected: float

    @property
    def impact(self) -> float:
        return self.actual - self.expected


@dataclass(frozen=True)
class CostResult:
    """The answer to a CostQuery.

    `groups` holds the top N groups (cost descending); `other` sums the folded rest (None when nothing was
    folded, `other_count` groups in it); `total` is the whole filtered total so far, so sum(groups) + other ==
    total.

    Comparisons are like for like: `compared_range` is the complete days of the period (the whole period once it
    is over) and `compared_total` their cost; `previous_range` the same stretch of the previous period and
    `previous_total` its cost (None with `previous_status` saying why: no data then, or nothing compared).
    """

    query: CostQuery
    total: float
    previous_range: TimeRange | None
    previous_total: float | None
    groups: tuple[GroupCost, ...]
    other: float | None
    other_count: int
    series: tuple[SeriesPoint, ...]
    currency: str  # ISO code of every amount (`bot.billing.currency`)
    freshness: Freshness
    forecast: Forecast | None = None
    #: What the reader must know to read the numbers right (e.g. why there is no comparison).
    notes: tuple[str, ...] = ()
    compared_range: TimeRange | None = None
    compared_total: float | None = None
    previous_status: PreviousStatus = PreviousStatus.COMPARED
    progress: Progress = Progress.COMPLETE
    #: Usage-driven charges alone over `compared_range` and `previous_range` (period charges such as the fees
    #: booked on the 1st left out), when compared.
    compared_usage: float | None = None
    previous_usage: float | None = None
    #: For a "why" question: where the change comes from, biggest contributors first per dimension.
    causes: tuple[Cause, ...] = ()
    #: For a "why" question: what changed per resource (new, gone, resized, usage vs rate), biggest first.
    changes: tuple[Change, ...] = ()
    #: For an "average" question: the average per day.
    average: DailyAverage | None = None
    #: For an average per week or month (`average weekly`): over the complete weeks or months of the range.
    step_average: StepAverage | None = None
    #: For an "anomalies" question: unusual days of the range, biggest impact first.
    unusual: tuple[UnusualSpan, ...] = ()

    @property
    def change(self) -> float | None:
        if self.previous_total is None:
            return None
        current = self.total if self.compared_total is None else self.compared_total
        return current - self.previous_total

    @property
    def change_pct(self) -> float | None:
        change = self.change
        if change is None or not self.previous_total:
            return None
        return change / abs(self.previous_total) * 100.0

    @property
    def usage_change(self) -> float | None:
        if self.compared_usage is None or self.previous_usage is None:
            return None
        return self.compared_usage - self.previous_usage
