"""The daily rollup index of the search-cluster stores (Elasticsearch and OpenSearch), shard sizing and replicas.

The rollup must never change an answer: every question it serves is asked twice, once as the store answers it
(from the rollup) and once forced onto the line items, and the two must be the same groups in the same order with
the same line item counts and every cost and usage within half a cent. The month below has what real bills have
and a rollup could get wrong: hourly and daily line items, tax (the `Tax` service), credits, RI and Savings Plan
lines, line items without an effective or a net cost, empty and `global` regions, missing and empty tags, two
billing periods, and a line item type the charge class is derived from.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from bot.billing.commitments import analyse_commitments, rows_from_store
from bot.billing.model import (
    AggregateRequest,
    AggregateRow,
    CostBasis,
    Dimension,
    DimensionRef,
    Filter,
    Granularity,
    LineItemSums,
    LineItemSumsRequest,
    TimeRange,
)
from bot.billing.rightsizing import rates_from_store
from bot.config import Settings
from bot.doctor.checks import Status
from bot.doctor.stores import checks as doctor_checks
from bot.errors import ConfigError, StoreError
from bot.store.search_cluster import ClusterURL, SearchClusterStore, _Target
from tests.store.search_nodes import Cluster, host_port
from tests.store.sources import item, make_source

MAY, JUNE = date(2024, 5, 1), date(2024, 6, 1)
MONTH = TimeRange(MAY, JUNE)
JUNE_RANGE = TimeRange(JUNE, date(2024, 7, 1))
BOTH = TimeRange(MAY, date(2024, 7, 1))
WEEK = TimeRange(date(2024, 5, 6), date(2024, 5, 13))
HALF_CENT = 0.005
ACCOUNTS = ("111111111111", "022222222222", "333333333333")
SERVICES = ("Amazon Elastic Compute Cloud", "Amazon Simple Storage Service", "AWS Lambda")
REGIONS = ("us-east-1", "eu-west-1", "", "global")
TEAMS = ("web", "data", "", None)


def _month(period: date, rng: random.Random) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    days = 30 if period.month == 6 else 31
    for _ in range(700):
        day = period.replace(day=1 + rng.randrange(days))
        account, service, region = rng.choice(ACCOUNTS), rng.choice(SERVICES), rng.choice(REGIONS)
        team = rng.choice(TEAMS)
        tags = {"user:team": team} if team is not None else {}
        if rng.random() < 0.3:
            tags["user:env"] = rng.choice(("prod", "dev"))
        kind = rng.random()
        fields: dict[str, Any] = {
            "sub_account_id": account,
            "service_name": service,
            "region_id": region,
            "usage_type": f"{region[:4] or 'Glob'}-Usage{rng.randrange(4)}",
            "operation": rng.choice(("RunInstances", "PutObject", "")),
            "resource_id": f"r-{rng.randrange(40)}" if rng.random() < 0.7 else "",
            "instance_type": rng.choice(("m5.large", "c5.xlarge", "")),
            "tags": tags,
        }
        cost = f"{rng.uniform(0.0001, 3):.6f}"
        if kind < 0.05:
            fields |= {"line_item_type": "Tax", "charge_category": "Tax", "region_id": "", "resource_id": ""}
        elif kind < 0.08:
            fields |= {"line_item_type": "Credit", "charge_category": "Credit"}
            cost = f"-{cost}"
        elif kind < 0.15:
            fields |= {
                "line_item_type": "DiscountedUsage",
                "reservation_arn": "arn:aws:ec2:us-east-1:111111111111:reserved-instances/ri-1",
                "reservation_effective_cost": f"{rng.uniform(0, 1):.6f}",
            }
        elif kind < 0.22:
            fields |= {
                "line_item_type": "SavingsPlanCoveredUsage",
                "savings_plan_arn": "arn:aws:savingsplans::111111111111:savingsplan/sp-1",
                "savings_plan_effective_cost": f"{rng.uniform(0, 1):.6f}",
            }
        elif kind < 0.25:
            fields |= {"line_item_type": "RIFee", "charge_category": "Purchase"}
        hours = 24 if rng.random() < 0.2 else 1
        row = item(day, cost, hour=rng.randrange(0, 24 - hours + 1), hours=hours, **fields)
        if rng.random() < 0.1:
            row["effective_cost"] = None  # counted as its unblended cost by line_item_sums, 0 by the amortized sum
        if rng.random() < 0.5:
            row["net_cost"] = f"{float(cost) * 0.95:.6f}"
        rows.append(row)
    return rows


@pytest.fixture
def loaded(cluster: Cluster, prefix: str, tmp_path: Path) -> Iterator[SearchClusterStore]:
    store = cluster.open(prefix)
    rng = random.Random(14)
    for period in (MAY, JUNE):
        store.replace_period(make_source(tmp_path, _month(period, rng)))
    yield store
    for p in store.periods():
        store.delete_period(p.billing_period)
    store.close()


def _rows_differ(a: list[AggregateRow], b: list[AggregateRow]) -> list[str]:
    if [(r.keys, r.bucket, r.line_items) for r in a] != [(r.keys, r.bucket, r.line_items) for r in b]:
        return [
            f"groups {[(r.keys, r.bucket, r.line_items) for r in a]} vs {[(r.keys, r.bucket, r.line_items) for r in b]}"
        ]
    return [
        f"{r.keys} {r.bucket}: {r.cost!r}/{r.usage_amount!r} vs {s.cost!r}/{s.usage_amount!r}"
        for r, s in zip(a, b, strict=True)
        if abs(r.cost - s.cost) >= HALF_CENT or abs(r.usage_amount - s.usage_amount) >= HALF_CENT
    ]


def _sums_differ(a: list[LineItemSums], b: list[LineItemSums]) -> list[str]:
    ka, kb = sorted(a, key=lambda s: s.keys), sorted(b, key=lambda s: s.keys)
    if [(s.keys, s.line_items) for s in ka] != [(s.keys, s.line_items) for s in kb]:
        return [f"groups {[(s.keys, s.line_items) for s in ka]} vs {[(s.keys, s.line_items) for s in kb]}"]
    fields = (
        "billed_cost",
        "effective_cost",
        "usage_amount",
        "reservation_effective_cost",
        "savings_plan_effective_cost",
    )
    return [
        f"{x.keys}.{f}: {getattr(x, f)!r} vs {getattr(y, f)!r}"
        for x, y in zip(ka, kb, strict=True)
        for f in fields
        if abs(getattr(x, f) - getattr(y, f)) >= HALF_CENT
    ]


SERVICE, ACCOUNT, REGION = (DimensionRef(d) for d in (Dimension.SERVICE, Dimension.ACCOUNT, Dimension.REGION))
TEAM = DimensionRef.tag("user:team")
GROUPINGS: tuple[tuple[DimensionRef, ...], ...] = (
    (),
    (SERVICE,),
    (ACCOUNT,),
    (REGION,),
    *(
        (DimensionRef(d),)
        for d in (
            Dimension.USAGE_TYPE,
            Dimension.OPERATION,
            Dimension.CHARGE_TYPE,
            Dimension.CURRENCY,
            Dimension.PROVIDER,
            Dimension.CHARGE_CLASS,
        )
    ),
    (TEAM,),
    (ACCOUNT, SERVICE, REGION),
    (DimensionRef(Dimension.CHARGE_CLASS), TEAM),
)
FILTERS: tuple[tuple[Filter, ...], ...] = (
    (),
    (Filter(ACCOUNT, (ACCOUNTS[0], ACCOUNTS[1])),),
    (Filter(SERVICE, ("Tax", SERVICES[0])),),  # tax read as the `Tax` service
    (Filter(TEAM, ("untagged",), negate=True), Filter(REGION, ("global",))),
    (Filter(DimensionRef(Dimension.CHARGE_CLASS), ("usage",)),),
)


def _requests() -> Iterator[AggregateRequest]:
    bases = tuple(CostBasis)
    n = 0
    for group_by in GROUPINGS:
        for granularity in (Granularity.NONE, Granularity.DAY, Granularity.WEEK, Granularity.MONTH):
            for filters in FILTERS:
                n += 1
                time_range = (MONTH, BOTH, WEEK)[n % 3]
                limit = (None, 2)[n % 2] if group_by else None
                yield AggregateRequest(
                    time_range, group_by, filters, basis=bases[n % 3], granularity=granularity, limit=limit
                )


def test_every_rollup_served_answer_equals_the_line_item_answer(
    loaded: SearchClusterStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = loaded
    assert all("rollup" in m for m in store._live_indices().values())
    served: list[bool] = []
    real = SearchClusterStore._read_target

    def spy(self: SearchClusterStore, serves: bool, whole: TimeRange | None = None) -> _Target:
        target = real(self, serves, whole)
        served.append(target.rollup)
        return target

    monkeypatch.setattr(SearchClusterStore, "_read_target", spy)
    questions: list[tuple[str, Any]] = []
    for request in _requests():
        questions.append((f"aggregate {request}", lambda r=request: store.aggregate(r)))
        if request.group_by and request.granularity is Granularity.NONE:
            questions.append((f"count_groups {request}", lambda r=request: store.count_groups(r)))
    for filters in FILTERS:
        questions.append((f"tag_coverage {filters}", lambda f=filters: store.tag_coverage(BOTH, f)))
    for dim in (SERVICE, ACCOUNT, REGION, TEAM, DimensionRef(Dimension.CHARGE_CLASS)):
        questions.append((f"distinct_values {dim}", lambda d=dim: store.distinct_values(d)))
    line_types = ("Usage", "DiscountedUsage", "SavingsPlanCoveredUsage", "RIFee")
    for keys in ((), ("billing_period", "line_item_type"), ("instance_type", "usage_type", "sub_account_id")):
        for non_empty in ((), ("instance_type",)):
            sums = LineItemSumsRequest(BOTH, keys, line_types, non_empty=non_empty)
            questions.append((f"line_item_sums {sums}", lambda s=sums: store.line_item_sums(s)))
    questions.append(("rightsizing rates", lambda: rates_from_store(store, MONTH)))
    questions.append(("commitments", lambda: analyse_commitments(rows_from_store(store, BOTH), today=date(2030, 1, 1))))

    problems: list[str] = []
    for name, ask in questions:
        served.clear()
        from_rollup = ask()
        assert served and all(served), f"{name} was not read from the rollup"
        monkeypatch.setattr(SearchClusterStore, "_read_target", lambda self, *_: _Target(self._alias, False))
        from_line_items = ask()
        monkeypatch.setattr(SearchClusterStore, "_read_target", spy)
        if isinstance(from_rollup, list) and from_rollup and isinstance(from_rollup[0], AggregateRow):
            problems += [f"{name}: {d}" for d in _rows_differ(from_rollup, from_line_items)]
        elif isinstance(from_rollup, list) and from_rollup and isinstance(from_rollup[0], LineItemSums):
            problems += [f"{name}: {d}" for d in _sums_differ(from_rollup, from_line_items)]
        elif from_rollup != pytest.approx(from_line_items, abs=HALF_CENT) and from_rollup != from_line_items:
            problems.append(f"{name}: {from_rollup!r} vs {from_line_items!r}")
    assert problems == []
    assert len(questions) > 300


RESOURCE = DimensionRef(Dimension.RESOURCE)
#: Resource questions over whole periods (the resource summary answers them) and over part of one (line items).
RESOURCE_REQUESTS: tuple[AggregateRequest, ...] = tuple(
    AggregateRequest(time_range, group_by, filters, basis=basis, limit=limit)
    for time_range in (MONTH, BOTH, WEEK, TimeRange(MAY, date(2024, 6, 10)))
    for group_by in ((RESOURCE,), (RESOURCE, SERVICE, ACCOUNT), (SERVICE,), (RESOURCE, TEAM))
    for filters in (
        (),
        (Filter(RESOURCE, (RESOURCE.empty_key,), negate=True),),
        (Filter(RESOURCE, ("r-1", "r-2", "r-30")), Filter(ACCOUNT, (ACCOUNTS[0],))),
        (Filter(SERVICE, ("Tax", SERVICES[0])), Filter(TEAM, ("web", "untagged"))),
    )
    for basis, limit in ((CostBasis.UNBLENDED, 5), (CostBasis.AMORTIZED, None), (CostBasis.NET, 1))
)


def _read(store: SearchClusterStore, request: AggregateRequest) -> str:
    """The alias suffix `request` is read from: li (line items), ru (daily rollup), rs (resource summary)."""
    return store._target_for(request).index.rsplit("-", 1)[-1]


def test_resource_questions_over_whole_periods_read_the_resource_summary_and_answer_as_the_line_items(
    loaded: SearchClusterStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = loaded
    assert all(m["resources"]["format"] == 2 for m in store._live_indices().values())
    problems: list[str] = []
    for request in RESOURCE_REQUESTS:
        whole = request.time_range in (MONTH, BOTH)
        resources = any(ref.kind is Dimension.RESOURCE for ref in request.group_by) or any(
            f.dimension.kind is Dimension.RESOURCE for f in request.filters
        )
        expected_read = "rs" if whole and resources else "li" if resources else _read(store, request)
        if _read(store, request) != expected_read:
            problems.append(f"{request} read {_read(store, request)}, not {expected_read}")
        answered, counted = store.aggregate(request), store.count_groups(request)
        with monkeypatch.context() as forced:
            forced.setattr(SearchClusterStore, "_read_target", lambda self, *_: _Target(self._alias, False))
            problems += [f"{request}: {d}" for d in _rows_differ(answered, store.aggregate(request))]
            if counted != store.count_groups(request):
                problems.append(f"{request}: {counted} groups counted, {store.count_groups(request)} on line items")
    # The value list of resources (all time: every period whole) too.
    spied: list[str] = []
    real = SearchClusterStore._read_target

    def spy(self: SearchClusterStore, *args: Any) -> _Target:
        spied.append(real(self, *args).index.rsplit("-", 1)[-1])
        return real(self, *args)

    with monkeypatch.context() as watched:
        watched.setattr(SearchClusterStore, "_read_target", spy)
        values = store.distinct_values(RESOURCE)
    with monkeypatch.context() as forced:
        forced.setattr(SearchClusterStore, "_read_target", lambda self, *_: _Target(self._alias, False))
        assert values == store.distinct_values(RESOURCE)
    assert spied == ["rs"] and len(values) == 40
    assert problems == []
    assert len(RESOURCE_REQUESTS) == 192


def test_hourly_series_and_partial_resource_questions_read_the_line_items(loaded: SearchClusterStore) -> None:
    store = loaded
    hourly = AggregateRequest(WEEK, granularity=Granularity.HOUR)
    by_resource = AggregateRequest(WEEK, group_by=(RESOURCE,), limit=5)
    one_resource = AggregateRequest(MONTH, group_by=(SERVICE,), filters=(Filter(RESOURCE, ("r-1",)),))
    daily = AggregateRequest(MONTH, group_by=(RESOURCE,), granularity=Granularity.DAY)
    for request in (hourly, by_resource, daily):
        assert _read(store, request) == "li"
        assert store.aggregate(request)  # answered, from the line items
    assert _read(store, one_resource) == "rs"  # a whole month: the resource summary
    hours = {r.bucket.hour for r in store.aggregate(hourly) if r.bucket}
    assert len(hours) > 1  # hourly buckets: a daily rollup could not have answered it


def test_a_store_loaded_before_the_resource_summary_answers_the_same_until_re_ingested(
    cluster: Cluster, prefix: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Format 1 (a daily rollup without the amortized cost per line item, no resource summary): resource questions
    read the line items, amortized ones add the two sums the old rollup has; the answers are those of a current
    store. A re-ingested period then has its resource summary, and a store with one period of each format reads
    resource questions from the line items until every period has one."""
    from bot.store import search_rollup

    rng = random.Random(14)
    months = {period: _month(period, rng) for period in (MAY, JUNE)}
    old_daily = replace(
        search_rollup.DAILY, measures=tuple(m for m in search_rollup.DAILY.measures if m[0] != search_rollup.AMORTIZED)
    )
    current, old = cluster.open(prefix + "new"), cluster.open(prefix + "old")
    try:
        with monkeypatch.context() as before:
            before.setattr(search_rollup, "SUMMARIES", (old_daily,))
            before.setattr(search_rollup, "FORMAT", 1)
            for period, rows in months.items():
                old.replace_period(make_source(tmp_path, rows, delivery_id=f"d{period}"))
        for period, rows in months.items():
            current.replace_period(make_source(tmp_path, rows, delivery_id=f"d{period}"))
        assert all("resources" not in m and m["rollup"]["format"] == 1 for m in old._live_indices().values())
        by_resource = AggregateRequest(MONTH, group_by=(RESOURCE,), basis=CostBasis.AMORTIZED, limit=5)
        by_service = AggregateRequest(BOTH, group_by=(SERVICE,), basis=CostBasis.AMORTIZED, limit=2)
        assert (_read(old, by_resource), _read(current, by_resource)) == ("li", "rs")
        assert old._target_for(by_service).rollup and not old._target_for(by_service).amortized

        def answers(store: SearchClusterStore) -> list[Any]:
            out: list[Any] = []
            for request in (*RESOURCE_REQUESTS[::7], by_resource, by_service):
                out += [store.aggregate(request), store.count_groups(request)]
            return [*out, store.tag_coverage(MONTH, (Filter(RESOURCE, ("r-3",)),))]

        expected = answers(current)
        *got, coverage = answers(old)
        for got_one, want in zip(got, expected, strict=False):
            assert _rows_differ(got_one, want) == [] if isinstance(got_one, list) else got_one == want
        assert [(c.key, c.distinct_values) for c in coverage] == [(c.key, c.distinct_values) for c in expected[-1]]
        assert [c.tagged_cost for c in coverage] == pytest.approx([c.tagged_cost for c in expected[-1]])

        old.replace_period(make_source(tmp_path, months[JUNE], delivery_id="again"))  # one period re-ingested
        assert _read(old, AggregateRequest(BOTH, group_by=(RESOURCE,))) == "li"
        assert _read(old, AggregateRequest(JUNE_RANGE, group_by=(RESOURCE,))) == "li"  # May's has none yet
        old.replace_period(make_source(tmp_path, months[MAY], delivery_id="again"))
        assert _read(old, by_resource) == "rs"
        assert _rows_differ(old.aggregate(by_resource), current.aggregate(by_resource)) == []
        assert len(old._cluster.index_names(f"{old._resource_alias}-*")) == 2  # no garbage of the older loads
    finally:
        for store in (current, old):
            for p in store.periods():
                store.delete_period(p.billing_period)
            store.close()


def test_a_month_over_several_shards_answers_as_one_shard_does(cluster: Cluster, prefix: str, tmp_path: Path) -> None:
    rows = _month(MAY, random.Random(3))
    one, many = cluster.open(prefix + "a"), cluster.open(prefix + "b")
    many._rows_per_shard = 200  # 700 line items: 4 primary shards (and the rollup its own count's worth)
    try:
        for store in (one, many):
            store.replace_period(make_source(tmp_path, rows, delivery_id="same"))
        (meta,) = many._live_indices().values()
        assert meta["shards"] == 4 and meta["rollup"]["shards"] >= 2
        (name,) = many._live_indices()
        settings = many._cluster.client.indices.get_settings(index=name)  # type: ignore[attr-defined]
        assert settings[name]["settings"]["index"]["number_of_shards"] == "4"
        resource = DimensionRef(Dimension.RESOURCE)
        for request in (
            AggregateRequest(MONTH, group_by=(resource,), limit=5),  # top terms: exact on one shard only
            AggregateRequest(MONTH, group_by=(SERVICE,), limit=1),
            AggregateRequest(MONTH, group_by=(TEAM,), granularity=Granularity.DAY),
        ):
            assert _rows_differ(one.aggregate(request), many.aggregate(request)) == []
            assert one.count_groups(request) == many.count_groups(request)
        # Every line item once when streamed shard by shard.
        scanned = sorted(str(r["billed_cost"]) for r in many.iter_line_items(MONTH))
        assert scanned == sorted(str(r["billed_cost"]) for r in one.iter_line_items(MONTH))
        assert len(scanned) == len(rows)
    finally:
        for store in (one, many):
            store.delete_period(MAY)
            store.close()


def test_replicas_a_cluster_cannot_hold_fail_the_load_clearly_and_keep_the_live_data(
    cluster: Cluster, prefix: str, tmp_path: Path
) -> None:
    store = cluster.open(prefix)
    try:
        store.replace_period(make_source(tmp_path, [item("2024-05-02", "12.34")], delivery_id="old"))
        strict = cluster.open(prefix, options="&replicas=1")
        strict._replica_wait = 1.0
        with pytest.raises(StoreError) as failed:
            strict.replace_period(make_source(tmp_path, [item("2024-05-03", "5.00")], delivery_id="new"))
        assert str(failed.value) == (
            f"{cluster.product} at http://{host_port(cluster.url)} did not allocate every copy of 2024-05 delivery "
            "new within 1 s (status yellow, 3 unassigned shard(s) on 1 data node(s)): with replicas=1 each copy "
            "needs its own node; start the missing nodes or lower `replicas` in the store URL. The previous data "
            "stays live"
        )
        assert [p.delivery_id for p in store.periods()] == ["old"]
        assert sum(r.cost for r in store.aggregate(AggregateRequest(MONTH))) == pytest.approx(12.34)
        assert len(store._all_period_indices()) == 1  # the refused load left nothing behind
        assert store._cluster.index_names(f"{store._rollup_alias}-*") == [
            m["rollup"]["index"] for m in store._live_indices().values()
        ]
        strict.close()
    finally:
        store.delete_period(MAY)
        store.close()


def test_tag_value_counts_are_exact_beyond_the_cardinality_threshold(
    cluster: Cluster, prefix: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.store import search_cluster

    rows = [item("2024-05-02", "1.00", tags={"user:owner": f"person-{n}"}) for n in range(60)]
    rows += [item("2024-05-03", "2.00", tags={"user:owner": ""}), item("2024-05-04", "3.00")]
    store = cluster.open(prefix)
    try:
        store.replace_period(make_source(tmp_path, rows))
        (estimated,) = store.tag_coverage(MONTH)
        # The same count when the estimate is taken for approximate (threshold lowered below it): counted exactly.
        monkeypatch.setattr(search_cluster, "_EXACT_CARDINALITY", 10)
        (counted,) = store.tag_coverage(MONTH)
        assert estimated.distinct_values == counted.distinct_values == 60
        assert counted.tagged_cost == pytest.approx(60.0)
    finally:
        store.delete_period(MAY)
        store.close()


def test_the_store_url_names_more_nodes_and_the_replicas() -> None:
    parsed = ClusterURL.parse("elasticsearch://10.0.0.1:9200?nodes=10.0.0.2:9201,10.0.0.3&replicas=1")
    assert parsed.nodes == ("http://10.0.0.1:9200", "http://10.0.0.2:9201", "http://10.0.0.3:9200")
    assert parsed.replicas == "1"
    with pytest.raises(ConfigError, match=r"nodes='10.0.0.2:x': '10.0.0.2:x' is not host:port"):
        ClusterURL.parse("elasticsearch://10.0.0.1?nodes=10.0.0.2:x")
    with pytest.raises(ConfigError, match=r"replicas='some' is not a number of copies or auto"):
        from bot.store.registry import open_store

        open_store("elasticsearch://127.0.0.1:1?replicas=some")


def test_doctor_reports_billing_indices_a_cluster_cannot_fully_allocate(
    cluster: Cluster, prefix: str, tmp_path: Path
) -> None:
    store = cluster.open(prefix)
    url = f"{cluster.scheme}://{host_port(cluster.url)}?prefix={prefix}"
    settings = Settings(store_url=url, data_dir=tmp_path)
    try:
        store.replace_period(make_source(tmp_path, [item("2024-05-02", "12.34")]))
        (check,) = [c for c in doctor_checks(settings, state=None, listed={}, now=_now()) if c.id == "store.billing"]
        assert check.status is Status.OK

        # A replica a single node cannot hold (yellow), then a primary no node may hold (red): this store's own
        # indices only, so other users of the node are not disturbed.
        yellow = f"{store._alias}-2024-04-yellow"
        store._cluster.create_index(yellow, settings={"number_of_shards": 1, "number_of_replicas": 1}, mappings={})
        (check,) = [c for c in doctor_checks(settings, state=None, listed={}, now=_now()) if c.id == "store.billing"]
        assert check.status is Status.WARN
        assert check.detail == (
            f"{url}: cluster yellow, 1 shard(s) of the billing indices unassigned on 1 node(s): answers are "
            "complete, but a replica is missing, so losing one more node may lose a period"
        )
        red = f"{store._alias}-2024-03-red"
        store._cluster.create_index(
            red,
            settings={"number_of_shards": 1, "number_of_replicas": 0, "routing.allocation.require._name": "nowhere"},
            mappings={},
        )
        (check,) = [c for c in doctor_checks(settings, state=None, listed={}, now=_now()) if c.id == "store.billing"]
        assert check.status is Status.FAIL
        assert check.detail.startswith(f"{url}: cluster red, 2 shard(s) of the billing indices unassigned")
        assert "a primary shard is missing" in check.detail
    finally:
        for name in store._cluster.index_names(f"{prefix}-*"):
            store._cluster.delete_index(name)
        store.close()


def _now() -> Any:
    from datetime import UTC, datetime

    return datetime.now(UTC)
