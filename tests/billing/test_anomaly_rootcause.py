"""Series from a billing store and root causes, through the BillingStore contract (an in-memory store here);
and the `trackit anomalies` CLI."""

from __future__ import annotations

import json
import math
from collections import defaultdict
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any, ClassVar

import pytest

from bot.billing.anomaly import DetectorConfig, detect_many, explain, series_from_store
from bot.billing.model import (
    UNTAGGED,
    AggregateRequest,
    AggregateRow,
    DimensionRef,
    Filter,
    Freshness,
    Granularity,
    TagCoverage,
    TimeRange,
)
from bot.billing.store import BillingStore, LoadResult, NormalizedSource
from bot.cli import main
from bot.store.registry import register

START = date(2025, 1, 1)
DAYS = 90
SPIKE_DAY = START + timedelta(days=80)


class MemoryStore(BillingStore):
    """Just enough of the contract for anomaly detection: aggregate over in-memory line items."""

    items: ClassVar[list[dict[str, Any]]] = []

    @classmethod
    def from_url(cls, url: str) -> MemoryStore:
        return cls()

    def aggregate(self, request: AggregateRequest) -> list[AggregateRow]:
        sums: dict[tuple[Any, ...], float] = defaultdict(float)
        for it in self.items:
            day = it["day"]
            if not request.time_range.start <= day < request.time_range.end:
                continue
            if not all((str(it.get(f.dimension.column) or UNTAGGED) in f.values) != f.negate for f in request.filters):
                continue
            keys = tuple(str(it.get(g.column) or UNTAGGED) for g in request.group_by)
            bucket = (
                datetime(day.year, day.month, day.day, tzinfo=UTC) if request.granularity is Granularity.DAY else None
            )
            sums[(bucket, keys)] += it["billed_cost"]
        if request.group_by and request.limit is not None:  # the most costly groups over the whole range only
            per_group: dict[tuple[Any, ...], float] = defaultdict(float)
            for (_, k), c in sums.items():
                per_group[k] += c
            kept = set(sorted(per_group, key=lambda k: -per_group[k])[: request.limit])
            sums = defaultdict(float, {bk: c for bk, c in sums.items() if bk[1] in kept})
        return [AggregateRow(keys=k, cost=c, bucket=b) for (b, k), c in sorted(sums.items(), key=lambda kv: -kv[1])]

    def freshness(self, time_range: TimeRange | None = None) -> Freshness:
        last = max(it["day"] for it in self.items) + timedelta(days=1)
        return Freshness(datetime(last.year, last.month, last.day, tzinfo=UTC))

    def replace_period(self, source: NormalizedSource, progress: Any = None) -> LoadResult:
        raise NotImplementedError

    def periods(self) -> list[Any]:
        return []

    def delete_period(self, billing_period: date, source: str | None = None) -> bool:
        return False

    def count_groups(self, request: AggregateRequest) -> int:
        whole = AggregateRequest(request.time_range, group_by=request.group_by, filters=request.filters)
        return len({r.keys for r in self.aggregate(whole)})

    def line_item_sums(self, request: Any) -> list[Any]:
        return []

    def tag_coverage(self, time_range: TimeRange, filters: Sequence[Filter] = ()) -> list[TagCoverage]:
        return []

    def distinct_values(self, dimension: DimensionRef, limit: int = 10_000) -> list[str]:
        return []

    def tag_keys(self) -> list[str]:
        return []

    def accounts(self) -> dict[str, str]:
        return {}

    def iter_line_items(
        self, time_range: TimeRange, filters: Sequence[Filter] = (), columns: Sequence[str] = ()
    ) -> Iterator[dict[str, object]]:
        return iter(())


register("memanomaly")(MemoryStore)


def line(
    day: date, cost: float, service: str, *, account: str, region: str, usage: str, resource: str
) -> dict[str, Any]:
    return {
        "day": day,
        "billed_cost": cost,
        "service_name": service,
        "sub_account_id": account,
        "region_id": region,
        "usage_type": usage,
        "resource_id": resource,
        "charge_class": "usage",
    }


def bill() -> list[dict[str, Any]]:
    """90 days of a steady bill; on SPIKE_DAY one EC2 instance in account 222, eu-west-1, costs $4,000 more."""
    items = []
    for i in range(DAYS):
        d = START + timedelta(days=i)
        wobble = 1 + 0.02 * ((i * 7) % 5 - 2) / 2
        items += [
            line(
                d,
                600 * wobble,
                "Amazon EC2",
                account="111",
                region="us-east-1",
                usage="USE1-BoxUsage:m5.large",
                resource="i-aaa",
            ),
            line(
                d,
                400 * wobble,
                "Amazon EC2",
                account="222",
                region="eu-west-1",
                usage="EU-BoxUsage:c5.xlarge",
                resource="i-bbb",
            ),
            line(
                d,
                300 * wobble,
                "Amazon S3",
                account="111",
                region="us-east-1",
                usage="USE1-TimedStorage-ByteHrs",
                resource="bucket-a",
            ),
        ]
    items.append(
        line(
            SPIKE_DAY,
            4000.0,
            "Amazon EC2",
            account="222",
            region="eu-west-1",
            usage="EU-BoxUsage:p4d.24xlarge",
            resource="i-gpu",
        )
    )
    return items


@pytest.fixture
def store() -> MemoryStore:
    MemoryStore.items = bill()
    return MemoryStore()


def test_series_from_store_builds_daily_series_per_dimension(store: MemoryStore) -> None:
    tr = TimeRange(START, START + timedelta(days=DAYS))
    series = series_from_store(store, tr, ("service", "account"))
    assert set(series) == {
        ("total", ""),
        ("service", "Amazon EC2"),
        ("service", "Amazon S3"),
        ("account", "111"),
        ("account", "222"),
    }
    total = series[("total", "")]
    assert len(total) == DAYS and total.step == timedelta(days=1)
    assert total.start == datetime(2025, 1, 1, tzinfo=UTC)
    expected_spike_total = sum(it["billed_cost"] for it in store.items if it["day"] == SPIKE_DAY)
    assert total.values[80] == pytest.approx(expected_spike_total)
    assert series[("service", "Amazon S3")].values[0] == pytest.approx(300 * (1 + 0.02 * (0 - 2) / 2))


def test_spike_found_in_the_store_and_explained_down_to_the_resource(store: MemoryStore) -> None:
    tr = TimeRange(START, START + timedelta(days=DAYS))
    found = detect_many(series_from_store(store, tr, ("service", "account")), DetectorConfig())
    # The same $4,000 excess shows in the total, its service and its account, all on the spike day, nowhere else.
    assert sorted((a.dimension, a.value, a.start.date()) for a in found) == [
        ("account", "222", SPIKE_DAY),
        ("service", "Amazon EC2", SPIKE_DAY),
        ("total", "", SPIKE_DAY),
    ]
    ec2 = next(a for a in found if a.value == "Amazon EC2")
    cause = explain(store, ec2)
    assert cause.anomaly_window == TimeRange(SPIKE_DAY, SPIKE_DAY + timedelta(days=1), "anomaly")
    assert cause.baseline_window.days == 7
    top_resource = cause.top("resource", 1)[0]
    assert top_resource.key == "i-gpu"
    assert top_resource.excess == pytest.approx(4000.0)
    assert cause.top("account", 1)[0].key == "222"
    assert cause.top("region", 1)[0].key == "eu-west-1"
    assert cause.top("usage-type", 1)[0].key == "EU-BoxUsage:p4d.24xlarge"
    # Contributions are within the EC2 slice only: S3 never appears.
    assert all(c.key != "Amazon S3" for c in cause.top("service", 5))
    assert cause.excess == pytest.approx(4000.0, abs=40.0)


def test_cli_list_prints_anomalies_with_root_causes(store: MemoryStore, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["anomalies", "list", "2025-03-01..2025-03-31", "--store", "memanomaly://x", "--dimension", "service"])
    out = capsys.readouterr().out
    assert code == 0
    assert "service=Amazon EC2" in out
    assert "by resource: i-gpu +4,000.00" in out
    assert "CRITICAL spike       2025-03-22 -> 2025-03-23" in out


def test_cli_list_json(store: MemoryStore, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["anomalies", "list", "last 30 days", "--store", "memanomaly://x", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["range"] == ["2025-03-02", "2025-04-01"]  # ends with the last complete day of data
    first = data["anomalies"][0]
    assert first["start"].startswith("2025-03-22")
    assert first["root_cause"]["resource"][0]["key"] == "i-gpu"


def test_cli_list_bad_range(store: MemoryStore, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["anomalies", "list", "next", "week", "--store", "memanomaly://x"]) == 2
    err = capsys.readouterr().err
    assert "`next` is not a time range." in err
    assert "`last 7 days`, `this month`" in err  # the shared grammar's accepted forms


def test_days_before_the_first_data_are_unknown_not_zero(store: MemoryStore) -> None:
    """A bill that starts inside the range: its first day is not "new spending" at every level."""
    tr = TimeRange(START - timedelta(days=30), START + timedelta(days=DAYS))
    series = series_from_store(store, tr, ("service", "account", "resource"))
    for s in series.values():
        assert all(math.isnan(v) for v in s.values[:30])  # unknown
    assert series[("service", "Amazon S3")].values[30] == pytest.approx(300 * (1 + 0.02 * (0 - 2) / 2))
    found = detect_many(series, DetectorConfig())
    assert sorted((a.dimension, a.value, a.kind.value, a.start.date()) for a in found) == [
        ("account", "222", "spike", SPIKE_DAY),
        ("resource", "i-gpu", "new", SPIKE_DAY),  # genuinely new on its day, not on the first day of data
        ("service", "Amazon EC2", "spike", SPIKE_DAY),
        ("total", "", "spike", SPIKE_DAY),
    ]


def test_period_charges_are_not_judged_as_daily_spend(store: MemoryStore) -> None:
    """A promotional credit of -$300 and a support fee of $900 booked on the 1st of every month: recurring
    period charges, never a drop or a spike of the day they are booked on."""
    for month in (1, 2, 3):
        first = date(2025, month, 1)
        for cost, klass, service in ((-300.0, "credit", "Amazon SageMaker"), (900.0, "recurring", "AWS Support")):
            item = line(first, cost, service, account="111", region="", usage="", resource="")
            item["charge_class"] = klass
            MemoryStore.items.append(item)
    tr = TimeRange(START, START + timedelta(days=DAYS))
    series = series_from_store(store, tr, ("service", "account"))
    assert ("service", "Amazon SageMaker") not in series and ("service", "AWS Support") not in series
    found = detect_many(series, DetectorConfig())
    assert {a.start.date() for a in found} == {SPIKE_DAY}
    # The root cause leaves them out as well.
    ec2 = next(a for a in found if a.value == "Amazon EC2")
    assert all(c.key not in ("Amazon SageMaker", "AWS Support") for c in explain(store, ec2).top("service", 5))
    # Asked for explicitly, they are there (the split is a choice of the caller, made once here).
    everything = series_from_store(store, tr, ("service",), usage_only=False)
    assert everything[("service", "Amazon SageMaker")].values[31] == pytest.approx(-300.0)


def test_root_cause_adds_up_to_the_headline_against_the_models_expectation(store: MemoryStore) -> None:
    tr = TimeRange(START, START + timedelta(days=DAYS))
    found = detect_many(series_from_store(store, tr, ("service", "account")), DetectorConfig())
    total = next(a for a in found if a.dimension == "total")
    cause = explain(store, total)
    assert cause.actual == pytest.approx(total.actual)
    assert cause.baseline == pytest.approx(total.expected)  # the model's expectation, not last week's mean
    for dimension in ("account", "service", "resource"):
        rows = cause.breakdowns[dimension]
        assert sum(c.excess for c in rows) == pytest.approx(total.impact, abs=0.01), dimension


def test_a_resource_spike_masked_inside_its_service_total_is_found_at_the_resource() -> None:
    """One distribution serves 7x its traffic the day the big one serves $120 less: CloudFront's total, its
    usage type and its account hardly move; the small distribution's own series shows the spike."""
    items = []
    for i in range(DAYS):
        d = START + timedelta(days=i)
        wobble = 1 + 0.02 * ((i * 7) % 5 - 2) / 2
        small, big = 20.0 * wobble, 1000.0 * wobble
        if d == SPIKE_DAY:
            small, big = small * 7, big - 6 * small
        for cost, res in ((small, "dist-small"), (big, "dist-big")):
            items.append(
                line(d, cost, "Amazon CloudFront", account="111", region="", usage="DataTransfer-Out", resource=res)
            )
    MemoryStore.items = items
    store = MemoryStore()
    config = DetectorConfig()
    assert "resource" in config.dimensions
    tr = TimeRange(START, START + timedelta(days=DAYS))
    series = series_from_store(store, tr, config.dimensions, limits={"resource": config.max_resource_series})
    found = detect_many(series, config)
    assert [(a.dimension, a.value, a.kind.value, a.start.date()) for a in found] == [
        ("resource", "dist-small", "spike", SPIKE_DAY)
    ]
    assert found[0].impact == pytest.approx(6 * 20.0 * (1 + 0.02 * ((80 * 7) % 5 - 2) / 2), rel=0.1)


def test_a_resource_that_moved_lately_is_judged_even_outside_the_most_costly() -> None:
    """Two big tables and a small one that steps from $10 to $19 a day for good, 3 days before the end: only the
    two most costly resources get series by cost, so the step (+$9 a day, under its service's relative floor)
    would be judged nowhere. With `recent_days` the small table joins as the resource that moved most lately,
    and its step is found there; an instance that lived four days last week does not join (no history)."""
    items = []
    end_day = START + timedelta(days=DAYS)
    for i in range(DAYS):
        d = START + timedelta(days=i)
        wobble = 1 + 0.02 * ((i * 7) % 5 - 2) / 2
        small = (19.0 if i >= DAYS - 3 else 10.0) * wobble
        for cost, res in ((200.0 * wobble, "table/big-1"), (150.0 * wobble, "table/big-2"), (small, "table/small")):
            items.append(line(d, cost, "Amazon DynamoDB", account="111", region="us-east-1", usage="", resource=res))
        if DAYS - 7 <= i < DAYS - 3:
            items.append(line(d, 300.0, "Amazon EC2", account="111", region="us-east-1", usage="", resource="i-tmp"))
    MemoryStore.items = items
    store = MemoryStore()
    tr = TimeRange(START, end_day)
    by_cost = series_from_store(store, tr, ("resource",), limits={"resource": 2})
    assert sorted(v for d, v in by_cost if d == "resource") == ["table/big-1", "table/big-2"]
    judged = series_from_store(store, tr, ("resource",), limits={"resource": 2}, recent_days=7)
    assert sorted(v for d, v in judged if d == "resource") == ["table/big-1", "table/big-2", "table/small"]
    assert judged[("resource", "table/small")].values[-1] == pytest.approx(19.0 * (1 + 0.02 * ((89 * 7) % 5 - 2) / 2))
    found = [a for a in detect_many(judged, DetectorConfig()) if a.value == "table/small"]
    assert [(a.kind.value, a.start.date()) for a in found] == [("level-shift", end_day - timedelta(days=3))]
    assert found[0].impact == pytest.approx(27.0, rel=0.05)
