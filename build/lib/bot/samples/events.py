"""The event plan: what happens to the sample organisation, for the demo, tests and benchmarks.

`generate(..., events=...)` takes a sequence of these events (`default_plan(first, last_end)` for the demo's story,
`()` for a plain organisation without any). Each event changes the data as it would change a real bill, and
`ground_truth.json` lists every event with what an evaluation needs: kind, level, keys, start, end, expected daily
delta in money, first complete day and whether a good detector should alert (see `bot.samples.truth`).

Resources are named by fleet key (`bot.samples.catalog.FLEETS`) and resource: the resource's name for named
fleets ("www", "events-dedup") or ``"#<n>"`` for the n-th resource of a fleet. Times are UTC.

Events that change usage:

- `UsageChange`: usage of one resource, a whole fleet, or a whole account multiplied by `factor` on
  [start, end) (`end` None: to the end of the data). A spike, a step, a dip, an account-wide surge.
- `Stop`: a resource stopped (or deleted) at a time: its usage falls to zero and stays there.
- `Launch`: a resource of an event-only fleet created at a time (a new usage type, or a second resource of one),
  or, for an intermittent fleet, started running on its on/off pattern.

Events that change period charges:

- `RecurringCredit`: a credit booked every month (promotional credits), negative, NOT an anomaly.
- `Refund`: a one-off refund for a period, posted at a time; when it is posted after the period closed, the
  closed period is revised (re-delivered final with the refund) in any data generated after that time.
- `ReservationPurchase`: a new partial-upfront reserved instance: a one-time upfront fee and a new monthly
  RIFee from the purchase on, its usage booked as DiscountedUsage: a changed recurring charge.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from bot.samples import catalog as cat


@dataclass(frozen=True)
class UsageChange:
    """Usage multiplied by `factor` on [start, end): of one `resource` of `fleet`, of every resource of `fleet`
    (resource ""), or of every fleet of `account` (fleet ""). `line` restricts it to one SKU key of the fleet."""

    kind: str  # "spike", "level_shift", "dip", "surge"
    start: datetime
    end: datetime | None
    factor: float
    fleet: str = ""
    resource: str = ""
    account: str = ""
    line: str = ""
    should_alert: bool = True
    note: str = ""


@dataclass(frozen=True)
class Stop:
    """`resource` of `fleet` stops at `at` and stays stopped: no usage from then on."""

    fleet: str
    resource: str
    at: datetime
    should_alert: bool = True
    note: str = ""
    kind: str = "stop"


@dataclass(frozen=True)
class Launch:
    """`resource` of an event-only fleet is created (or starts its on/off pattern) at `at`."""

    fleet: str
    resource: str
    at: datetime
    should_alert: bool = True
    note: str = ""
    kind: str = "new_resource"


@dataclass(frozen=True)
class RecurringCredit:
    """A credit of `amount_usd` (positive number; booked negative) on `product_code` in `account`, every month."""

    account: str
    product_code: str
    service_name: str
    amount_usd: float
    description: str
    should_alert: bool = False
    kind: str = "recurring_credit"


@dataclass(frozen=True)
class Refund:
    """A refund of `amount_usd` (booked negative) for `period` (first day of the month), posted at `posted`."""

    account: str
    product_code: str
    service_name: str
    period: date
    posted: datetime
    amount_usd: float
    description: str
    should_alert: bool = False
    kind: str = "refund"


@dataclass(frozen=True)
class ReservationPurchase:
    """A new reserved instance bought at `at`: `count` reservations of `sku` covering `fleet`'s first resources,
    a one-time upfront fee and an hourly recurring fee for `term_days`."""

    key: str
    fleet: str
    sku: str
    count: int
    at: datetime
    hourly_usd: float
    upfront_usd: float
    term_days: int = 365
    should_alert: bool = True
    note: str = ""
    kind: str = "recurring_charge_new"


Event = UsageChange | Stop | Launch | RecurringCredit | Refund | ReservationPurchase


def slot_of(fleet: cat.Fleet, resource: str) -> int:
    """The slot index of `resource` in `fleet` ("www" or "#2"); raises ValueError for an unknown name."""
    if resource.startswith("#"):
        return int(resource[1:])
    if resource in fleet.names:
        return fleet.names.index(resource)
    raise ValueError(f"fleet {fleet.key} has no resource {resource!r} (names: {', '.join(fleet.names) or 'none'})")


def validate(events: Sequence[Event]) -> None:
    """Raise ValueError naming the first event that refers to an unknown fleet, resource or account."""
    for e in events:
        fleet = getattr(e, "fleet", "")
        if fleet and fleet not in cat.FLEET_BY_KEY:
            raise ValueError(f"unknown fleet {fleet!r} in {type(e).__name__}")
        resource = getattr(e, "resource", "")
        if fleet and resource:
            slot_of(cat.FLEET_BY_KEY[fleet], resource)
        account = getattr(e, "account", "")
        if account and account not in cat.ACCOUNT_BY_NAME:
            raise ValueError(f"unknown account {account!r} in {type(e).__name__}")
        if isinstance(e, ReservationPurchase) and e.sku not in cat.SKU_BY_KEY:
            raise ValueError(f"unknown SKU {e.sku!r} in ReservationPurchase")


def _at(d: date, hour: int = 0) -> datetime:
    return datetime.combine(d, time(hour))


def _next_month(d: date) -> date:
    return date(d.year + d.month // 12, d.month % 12 + 1, 1)


def default_plan(first: date, last_end: date) -> tuple[Event, ...]:
    """The demo's story, placed at fixed fractions of the months generated, [first, last_end) (`generate` passes
    the end of its last month, whatever `end` cuts the data at: a later `end` continues the same story).

    Usage events need at least 5 weeks of data (earlier events give the later ones a history); the recurring
    credit and the intermittent job need none. Sizes are those a real bill shows: the CloudFront spike adds six
    times a $15-20-a-day distribution's traffic ($90-130, traffic grows through the year) while the
    $900-a-day one dips by as much, the DynamoDB step adds about $8 a day to a $9-a-day table, the intermittent
    Glue job costs about $40 on the days it runs.
    """
    days = (last_end - first).days

    def day(frac: float) -> date:
        return first + timedelta(days=max(1, min(days - 2, int(days * frac))))

    plan: list[Event] = [
        Launch(
            "data-glue",
            "reconcile-ledger",
            _at(first),
            should_alert=False,
            note="a Glue job that runs on some nights and not others (about $40 on the days it runs)",
            kind="intermittent_usage",
        ),
        RecurringCredit(
            "ml", "AmazonSageMaker", "Amazon SageMaker", 300.0, "SageMaker promotional credit (AWS Activate)"
        ),
    ]
    if days < 35:
        return tuple(plan)
    surge = day(0.22)
    plan.append(
        UsageChange(
            "surge",
            _at(surge),
            _at(surge + timedelta(days=3)),
            2.2,
            account="staging",
            note="a three-day load test in staging: every staging resource works 2.2x",
        )
    )
    refund_month = day(0.3).replace(day=1)
    if _next_month(refund_month) + timedelta(days=20) < last_end:
        plan.append(
            Refund(
                "prod",
                "AmazonEC2",
                "Amazon Elastic Compute Cloud",
                refund_month,
                _at(_next_month(refund_month) + timedelta(days=19), 9),
                412.37,
                "Refund for an EC2 service event (credit issued after the bill closed)",
            )
        )
    plan.append(
        UsageChange(
            "level_shift",
            _at(day(0.4)),
            None,
            1.86,
            fleet="data-ddb",
            resource="events-dedup",
            note="a new consumer reads the events-dedup table: about $8 a day more, for good",
        )
    )
    launch = day(0.5)
    plan += [
        Launch(
            "data-search",
            "product-search",
            _at(launch, 10),
            should_alert=False,
            note="a new OpenSearch domain (two nodes): the usage type's first day",
            kind="new_usage_type",
        ),
        Launch(
            "data-search",
            "product-search-replica",
            _at(launch + timedelta(days=8)),
            note="a second domain (one node) on day 9 of the usage type's life: +50% for good",
        ),
    ]
    plan.append(
        ReservationPurchase(
            "ri-catalog",
            "prod-rds-catalog",
            "rds-r6g-xlarge",
            1,
            _at(day(0.6), 14),
            0.17,
            1480.0,
            note="a 1-year partial-upfront RDS reservation for catalog-db: an upfront fee and a new monthly RIFee",
        )
    )
    plan.append(
        Stop(
            "data-warehouse",
            "warehouse",
            _at(day(0.68), 17),
            note="the Redshift warehouse is paused for good: its node hours drop to zero",
        )
    )
    spike = day(0.83)
    www, _assets, downloads = cat.FLEET_BY_KEY["prod-cdn"].sizes
    plan += [
        UsageChange(
            "spike",
            _at(spike),
            _at(spike + timedelta(days=1)),
            7.0,
            fleet="prod-cdn",
            resource="downloads",
            note="a release download storm: the downloads distribution serves 7x its traffic for a day",
        ),
        UsageChange(
            "dip",
            _at(spike),
            _at(spike + timedelta(days=1)),
            1 - 6 * downloads / www,
            fleet="prod-cdn",
            resource="www",
            should_alert=False,
            note="the same day the www distribution serves about 10% less (within its ordinary range): the "
            "CloudFront total hardly moves",
        ),
    ]
    return tuple(plan)
