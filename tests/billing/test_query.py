"""The query layer against the DuckDB store: exact totals computed independently from the rows."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from bot.billing.model import (
    UNTAGGED,
    CostBasis,
    CostQuery,
    Dimension,
    DimensionRef,
    Filter,
    Granularity,
    PreviousStatus,
    Progress,
    TimeRange,
)
from bot.billing.query import (
    OTHER_LABEL,
    daily_costs,
    run_cost_query,
    run_tag_report,
    run_top_resources,
)
from bot.errors import NotFound, UsageError
from bot.store.duckdb import DuckDBStore
from tests.store.sources import item, make_source, total

EC2, S3, LAMBDA, RDS = "EC2", "S3", "Lambda", "RDS"
A, B = "111111111111", "222222222222"
FEB = TimeRange(date(2024, 2, 1), date(2024, 3, 1))
MAR = TimeRange(date(2024, 3, 1), date(2024, 4, 1))
TODAY = date(2024, 3, 16)
SERVICE = DimensionRef(Dimension.SERVICE)


def mar_rows() -> list[dict[str, object]]:
    """March 1-15: EC2 10/day on weekdays and 5 on weekends, S3 2/day, two one-off charges. Whole-day items."""
    rows: list[dict[str, object]] = []
    for i in range(15):
        d = date(2024, 3, 1) + timedelta(days=i)
        weekend = d.weekday() >= 5
        rows.append(
            item(
                d,
                "5.00" if weekend else "10.00",
                hours=24,
                service_name=EC2,
                sub_account_id=A,
                sub_account_name="prod",
                resource_id="i-odd" if i % 2 else "i-even",
                region_id="us-east-1",
                tags={"user:team": "web" if i < 10 else ""},
            )
        )
        rows.append(
            item(
                d,
                "2.00",
                hours=24,
                service_name=S3,
                sub_account_id=B,
                resource_id="bucket",
                region_id="eu-west-1",
                tags={"user:team": "data"} if i < 5 else {},
            )
        )
    rows.append(item("2024-03-03", "1.50", hours=24, service_name=LAMBDA, sub_account_id=B, resource_id=""))
    rows.append(item("2024-03-05", "4.00", hours=24, service_name=RDS, sub_account_id=A, resource_id="db-1"))
    return rows


FEB_ROWS = [
    item("2024-02-10", "100.00", hours=24, service_name=EC2, sub_account_id=A, resource_id="i-odd"),
    item("2024-02-10", "30.00", hours=24, service_name=S3, sub_account_id=B, resource_id="bucket"),
    item("2024-02-20", "5.00", hours=24, service_name=LAMBDA, sub_account_id=B),
    item("2024-02-21", "20.00", hours=24, service_name=RDS, sub_account_id=A, resource_id="db-1"),
]
MAR_ROWS = mar_rows()


def d(x: float) -> Decimal:
    return Decimal(str(round(x, 6)))


def by(rows: list[dict[str, object]], column: str) -> dict[str, Decimal]:
    out: dict[str, Decimal] = defaultdict(Decimal)
    for r in rows:
        out[str(r[column]) or "(none)"] += Decimal(str(r["billed_cost"]))
    return dict(out)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> DuckDBStore:
    """February and March, loaded once: the tests only read."""
    tmp = tmp_path_factory.mktemp("query")
    s = DuckDBStore(tmp / "store", threads=2, memory_limit="512MB")
    s.replace_period(make_source(tmp, FEB_ROWS))
    s.replace_period(make_source(tmp, MAR_ROWS))
    return s


def test_grouped_query_with_previous_period_other_and_forecast(store: DuckDBStore) -> None:
    q = CostQuery(MAR, group_by=(SERVICE,), top=2)
    res = run_cost_query(store, q, today=TODAY)
    services = by(MAR_ROWS, "service_name")
    assert d(res.total) == total(MAR_ROWS) == Decimal("165.50")
    assert [(g.keys, d(g.cost), g.previous_cost) for g in res.groups] == [
        ((EC2,), services[EC2], 100.0),
        ((S3,), services[S3], 30.0),
    ]
    assert d(res.other or 0) == services[LAMBDA] + services[RDS] == Decimal("5.50")
    assert res.other_count == 2
    assert d(sum(g.cost for g in res.groups) + (res.other or 0)) == d(res.total)
    # March is in progress (data through the 15th): its complete days against the same days of February.
    assert res.progress is Progress.IN_PROGRESS and res.previous_status is PreviousStatus.COMPARED
    assert res.compared_range == TimeRange(date(2024, 3, 1), date(2024, 3, 16), "complete days")
    assert res.previous_range is not None
    assert (res.previous_range.start, res.previous_range.end) == (date(2024, 2, 1), date(2024, 2, 16))
    assert d(res.compared_total or 0) == Decimal("165.50")
    assert d(res.previous_total or 0) == Decimal("130.00")  # February 1-15: the 10th only
    assert res.groups[0].change == pytest.approx(float(services[EC2]) - 100.0)
    assert res.currency == "USD"  # the line items' own currency
    assert [p.billing_period for p in res.freshness.periods] == [date(2024, 3, 1)]
    assert res.series == ()
    f = res.forecast
    assert f is not None
    assert (f.month, f.days_elapsed, f.days_in_month) == (date(2024, 3, 1), 15, 31)
    assert d(f.month_to_date) == Decimal("165.50")
    assert f.low <= f.expected <= f.high


def test_forecast_exact_without_history(tmp_path: Path) -> None:
    store = DuckDBStore(tmp_path / "s")
    rows = [r for r in MAR_ROWS if r["service_name"] in (EC2, S3)]
    store.replace_period(make_source(tmp_path, rows))
    f = run_cost_query(store, CostQuery(MAR), today=TODAY).forecast
    assert f is not None
    assert f.month_to_date == pytest.approx(160.0)
    # March 1-15, 2024: 11 weekdays at 12, 4 weekend days at 7; March 16-31: 10 weekdays and 6 weekend days.
    assert f.expected == pytest.approx(160.0 + 10 * 12 + 6 * 7)
    assert f.usage_expected == pytest.approx(f.expected) and f.period_expected == 0.0
    # Two identical weeks cannot be backtested nor scattered: the narrowest range, never zero width.
    assert (f.low, f.high) == (pytest.approx(f.expected - 1.62), pytest.approx(f.expected + 1.62))


def test_forecast_stops_at_the_last_complete_day(tmp_path: Path) -> None:
    store = DuckDBStore(tmp_path / "s")
    # Data through March 10 only (the export lags); today is the 16th.
    rows = [r for r in MAR_ROWS if r["service_name"] == S3 and str(r["charge_period_start"]) < "2024-03-11"]
    store.replace_period(make_source(tmp_path, rows))
    f = run_cost_query(store, CostQuery(MAR), today=TODAY).forecast
    assert f is not None
    assert f.days_elapsed == 10
    assert f.expected == pytest.approx(2.0 * 31)


def test_no_forecast_outside_the_current_month_and_no_compare(store: DuckDBStore) -> None:
    res = run_cost_query(store, CostQuery(FEB, group_by=(SERVICE,), compare=False), today=TODAY)
    assert res.forecast is None
    assert res.previous_range is None and res.previous_total is None
    assert all(g.previous_cost is None for g in res.groups)
    assert res.other is None and res.other_count == 0
    assert d(res.total) == Decimal("155.00")


def test_series_with_other(store: DuckDBStore) -> None:
    q = CostQuery(MAR, group_by=(SERVICE,), granularity=Granularity.WEEK, top=1)
    res = run_cost_query(store, q, today=TODAY)
    weeks: dict[date, dict[tuple[str, ...], float]] = defaultdict(dict)
    for p in res.series:
        weeks[p.bucket.date()][p.keys] = p.cost
    # ISO weeks: Feb 26 (Mar 1-3), Mar 4-10, Mar 11-15.
    assert sorted(weeks) == [date(2024, 2, 26), date(2024, 3, 4), date(2024, 3, 11)]
    assert weeks[date(2024, 2, 26)] == {(EC2,): pytest.approx(20.0), (OTHER_LABEL,): pytest.approx(7.5)}
    assert weeks[date(2024, 3, 4)] == {(EC2,): pytest.approx(60.0), (OTHER_LABEL,): pytest.approx(18.0)}
    assert d(sum(p.cost for p in res.series)) == d(res.total)
    assert res.series[0].keys == (EC2,)  # kept groups before Other within a bucket


def test_series_without_groups_and_filters(store: DuckDBStore) -> None:
    q = CostQuery(MAR, filters=(Filter(DimensionRef(Dimension.ACCOUNT), (B,)),), granularity=Granularity.DAY)
    res = run_cost_query(store, q, today=TODAY)
    assert len(res.series) == 15
    assert res.series[2].cost == pytest.approx(3.5)  # March 3: S3 2.00 + Lambda 1.50
    assert d(res.total) == Decimal("31.50")


def test_net_basis_is_refused_where_the_export_has_no_net_cost(store: DuckDBStore) -> None:
    with pytest.raises(UsageError) as err:
        run_cost_query(store, CostQuery(MAR, basis=CostBasis.NET), today=TODAY)
    assert err.value.message == (
        "Net cost is not in this export for 2024-03: its files carry no net (after-discount) cost columns, "
        "so net would only repeat unblended cost."
    )
    assert err.value.hint is not None and "`unblended` or `amortized`" in err.value.hint


def test_bad_top() -> None:
    with pytest.raises(UsageError, match="top must be at least 1"):
        run_cost_query(None, CostQuery(MAR, top=0), today=TODAY)  # type: ignore[arg-type]


def test_daily_costs_dense(store: DuckDBStore) -> None:
    days = daily_costs(store, TimeRange(date(2024, 2, 9), date(2024, 2, 12)))
    assert days == [(date(2024, 2, 9), 0.0), (date(2024, 2, 10), 130.0), (date(2024, 2, 11), 0.0)]


# ------------------------------------------------------------------------------------------- tags


def test_tag_report_for_a_key(store: DuckDBStore) -> None:
    report = run_tag_report(store, "team", MAR)  # resolved to user:team
    assert report.key == "user:team"
    values = {v.value: d(v.cost) for v in report.values}
    expected: dict[str, Decimal] = defaultdict(Decimal)
    for r in MAR_ROWS:
        expected[str(r.get("tag:user:team") or UNTAGGED)] += Decimal(str(r["billed_cost"]))
    assert values == dict(expected)
    assert report.values[0].value == "web"
    assert d(report.untagged_cost) == expected[UNTAGGED]
    assert report.untagged_share == pytest.approx(float(expected[UNTAGGED]) / 165.5)
    assert sum(v.share for v in report.values) == pytest.approx(1.0)


def test_tag_report_without_key_ranks_coverage(store: DuckDBStore) -> None:
    report = run_tag_report(store, None, MAR)
    assert report.key is None
    ((cov),) = report.keys
    assert cov.key == "user:team"
    assert cov.tagged_cost == pytest.approx(float(by_tag_tagged()))
    assert report.total == pytest.approx(165.5)


def by_tag_tagged() -> Decimal:
    return sum(
        (Decimal(str(r["billed_cost"])) for r in MAR_ROWS if r.get("tag:user:team")),
        Decimal(0),
    )


def test_unknown_tag_key_suggests(store: DuckDBStore) -> None:
    with pytest.raises(NotFound) as err:
        run_tag_report(store, "user:teem", MAR)
    assert err.value.message == "No tag key `user:teem` in the billing data."
    assert err.value.hint == "Did you mean: `user:team`?"
    assert run_tag_report(store, "USER:TEAM", MAR).key == "user:team"


# -------------------------------------------------------------------------------------- resources


def test_top_resources(store: DuckDBStore) -> None:
    top = run_top_resources(store, 3, MAR)
    ec2 = {"i-even": Decimal(0), "i-odd": Decimal(0)}
    for r in MAR_ROWS:
        if r["resource_id"] in ec2:
            ec2[str(r["resource_id"])] += Decimal(str(r["billed_cost"]))
    assert [(t.resource_id, d(t.cost)) for t in top] == [
        ("i-even", ec2["i-even"]),
        ("i-odd", ec2["i-odd"]),
        ("bucket", Decimal("30.00")),
    ]
    first, second, third = top
    assert (first.service, first.account_id, first.account_name, first.region) == (EC2, A, "prod", "us-east-1")
    assert (third.service, third.account_id, third.account_name, third.region) == (S3, B, "", "eu-west-1")
    assert (first.previous_cost, second.previous_cost, third.previous_cost) == (0.0, 100.0, 30.0)
    assert second.change == pytest.approx(float(ec2["i-odd"]) - 100.0)
    # Line items without a resource id (the Lambda charge) never appear.
    everything = run_top_resources(store, 50, MAR, compare=False)
    assert {t.resource_id for t in everything} == {"i-even", "i-odd", "bucket", "db-1"}
    assert all(t.previous_cost is None for t in everything)
    filtered = run_top_resources(store, 5, MAR, [Filter(SERVICE, (RDS,))])
    # Like for like: March's complete days (1-15) against February 1-15, when the RDS charge had not come yet.
    assert [(t.resource_id, t.cost, t.previous_cost) for t in filtered] == [("db-1", 4.0, 0.0)]
    with pytest.raises(UsageError):
        run_top_resources(store, 0, MAR)


def test_one_currency_needs_no_extra_query(store: DuckDBStore, monkeypatch: pytest.MonkeyPatch) -> None:
    """The currency of a question over periods billed in one currency comes from the periods' status alone."""
    from bot.billing.currency import currency_scope

    calls: list[object] = []
    real = store.aggregate
    monkeypatch.setattr(store, "aggregate", lambda request: calls.append(request) or real(request))
    scope = currency_scope(store, MAR, ())
    assert (scope.currency, scope.filters, calls) == ("USD", (), [])
