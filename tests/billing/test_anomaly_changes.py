"""What changed behind a cost change, against the real DuckDB store: new and gone resources, usage vs rate split
exactly, mixed pricing units said and not split, a resource back after a pause not called new; and the lines a
person reads in the alert, adding up to the headline to the cent."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from bot.billing.anomaly_changes import Change, ChangeKind, split
from bot.billing.anomaly_rootcause import RootCause, explain_windows
from bot.billing.model import Dimension, DimensionRef, Filter, TimeRange
from bot.slack.anomaly_cause import what_changed_lines
from bot.store.duckdb import DuckDBStore
from tests.store.sources import item, make_source

ACCOUNT = "111111111111"
WINDOW = TimeRange(date(2025, 3, 5), date(2025, 3, 8), "anomaly")  # 3 days
BASE = TimeRange(date(2025, 2, 26), date(2025, 3, 5), "baseline")  # 7 days
GLUE = f"arn:aws:glue:us-east-1:{ACCOUNT}:devEndpoint/etl-dev"
RDS_GONE = f"arn:aws:rds:us-east-1:{ACCOUNT}:db:legacy"
RDS_RATE = f"arn:aws:rds:us-east-1:{ACCOUNT}:db:prod"
EC2, RDS, S3 = "Amazon Elastic Compute Cloud", "Amazon Relational Database Service", "Amazon Simple Storage Service"


def usage(  # noqa: PLR0917 - a line item's columns, in the order the rows below read them
    d: date, resource: str, service: str, usage_type: str, unit: str, amount: str, rate: str
) -> dict[str, object]:
    cost = Decimal(amount) * Decimal(rate)
    return item(
        d,
        str(cost),
        hours=24,
        sub_account_id=ACCOUNT,
        region_id="us-east-1",
        service_name=service,
        usage_type=usage_type,
        usage_unit=unit,
        usage_amount=amount,
        resource_id=resource,
    )


def day_rows(d: date) -> list[dict[str, object]]:
    now = d >= WINDOW.start
    rows = [
        usage(d, "i-steady", EC2, "USE1-BoxUsage:m5.large", "Hrs", "24", "0.096"),
        # RI coverage lost: same hours, a higher rate.
        usage(d, RDS_RATE, RDS, "USE1-InstanceUsage:db.t3.large", "Hrs", "24", "0.171" if now else "0.10"),
        # Three times the storage, the same requests: more usage, in two pricing units.
        usage(d, "logs-bucket", S3, "USE1-TimedStorage-ByteHrs", "GB-Mo", "300" if now else "100", "0.023"),
        usage(d, "logs-bucket", S3, "USE1-Requests-Tier1", "Requests", "1000", "0.000005"),
        # Data transfer carries no resource id: it is its own contributor, by usage type.
        usage(d, "", EC2, "USE1-DataTransfer-Out-Bytes", "GB", "150" if now else "50", "0.09"),
        # The pricing unit of a usage type changed: no rate can be compared.
        usage(
            d, "vol-1", EC2, "USE1-EBS:VolumeUsage.gp3", "GB-Month" if now else "GB-Mo", "10", "0.1" if now else "0.08"
        ),
    ]
    if now:
        rows.append(usage(d, GLUE, "AWS Glue", "USE1-DEV-Endpoint-DPU-Hour", "DPU-Hour", "120", "0.44"))
        rows.append(usage(d, "i-back", EC2, "USE1-BoxUsage:m5.large", "Hrs", "24", "0.096"))
    else:
        rows.append(usage(d, RDS_GONE, RDS, "USE1-InstanceUsage:db.r5.large", "Hrs", "24", "0.25"))
    if d < BASE.start - timedelta(days=20):
        rows.append(usage(d, "i-back", EC2, "USE1-BoxUsage:m5.large", "Hrs", "24", "0.096"))  # ran last month
    return rows


@pytest.fixture
def store(tmp_path: Path) -> Iterator[DuckDBStore]:
    s = DuckDBStore(tmp_path / "store", threads=1, memory_limit="256MB")
    by_month: dict[date, list[dict[str, object]]] = {}
    d = date(2025, 1, 20)
    while d < WINDOW.end:
        by_month.setdefault(d.replace(day=1), []).extend(day_rows(d))
        d += timedelta(days=1)
    for month, rows in by_month.items():
        s.replace_period(make_source(tmp_path, rows, period=month))
    yield s
    s.close()


def by_key(cause: RootCause) -> dict[str, Change]:
    return {c.key: c for c in cause.changes}


def test_each_resource_says_what_changed_and_the_parts_add_up(store: DuckDBStore) -> None:
    cause = explain_windows(store, WINDOW, BASE, dimensions=("service",), changes=True)
    got = by_key(cause)
    # The baseline is scaled to the window's 3 days (3/7 of the 7 baseline days), costs and usage alike.
    expected = {
        GLUE: (ChangeKind.NEW, "158.40", "158.40", "0.00", "0.00"),
        "USE1-DataTransfer-Out-Bytes": (ChangeKind.MORE_USAGE, "27.00", "27.00", "0.00", "0.00"),
        "logs-bucket": (ChangeKind.MORE_USAGE, "13.80", "13.80", "0.00", "0.00"),
        "i-back": (ChangeKind.MORE_USAGE, "6.91", "6.91", "0.00", "0.00"),  # ran 35 days ago: back, not new
        RDS_RATE: (ChangeKind.HIGHER_RATE, "5.11", "0.00", "5.11", "0.00"),  # 72 h at $0.10 -> $0.171
        "vol-1": (ChangeKind.CHANGED, "0.60", "0.00", "0.00", "0.60"),  # GB-Mo -> GB-Month: not split
        RDS_GONE: (ChangeKind.GONE, "-18.00", "-18.00", "0.00", "0.00"),
    }
    assert set(got) == set(expected)  # i-steady did not move
    for key, (kind, delta, quantity, rate, unsplit) in expected.items():
        c = got[key]
        assert (c.kind, f"{c.excess:.2f}", f"{c.quantity:.2f}", f"{c.rate:.2f}", f"{c.unsplit:.2f}") == (
            kind,
            delta,
            quantity,
            rate,
            unsplit,
        ), key
        assert c.quantity + c.rate + c.unsplit == pytest.approx(c.excess, abs=1e-9)
    assert sum(c.excess for c in cause.changes) == pytest.approx(cause.excess, abs=1e-9)
    assert cause.excess == pytest.approx(193.824, abs=1e-6)
    assert [c.key for c in cause.changes][:3] == [GLUE, "USE1-DataTransfer-Out-Bytes", "logs-bucket"]
    assert cause.changes[-1].key == RDS_GONE  # moved against the increase: last
    glue = got[GLUE]
    assert (glue.service, glue.account, glue.region, glue.usage_type) == (
        "AWS Glue",
        ACCOUNT,
        "us-east-1",
        "USE1-DEV-Endpoint-DPU-Hour",
    )
    assert got["logs-bucket"].units == ("GB-Mo", "Requests") and got["logs-bucket"].unit == ""
    rate = got[RDS_RATE]
    assert (rate.unit, rate.used_before, rate.used_now) == ("Hrs", pytest.approx(72.0), pytest.approx(72.0))
    assert (rate.rate_before, rate.rate_now) == (pytest.approx(0.10), pytest.approx(0.171))
    assert got["USE1-DataTransfer-Out-Bytes"].dimension == "usage-type"


def test_against_a_models_expectation_the_changes_add_up_to_actual_minus_expected(store: DuckDBStore) -> None:
    cause = explain_windows(store, WINDOW, BASE, dimensions=("resource",), changes=True, expected=60.0)
    assert cause.baseline == pytest.approx(60.0)
    assert sum(c.excess for c in cause.changes) == pytest.approx(cause.actual - 60.0, abs=1e-9)
    # The same total as the resource breakdown (where line items without a resource are `(none)`).
    assert sum(c.excess for c in cause.breakdowns["resource"]) == pytest.approx(cause.excess, abs=1e-9)
    for c in cause.changes:
        assert c.quantity + c.rate + c.unsplit == pytest.approx(c.excess, abs=1e-9)
    # The rate paid in the baseline is the baseline's own: scaling scales usage with cost.
    assert by_key(cause)[RDS_RATE].rate_before == pytest.approx(0.10)


def test_the_alert_names_the_top_changes_and_other_adds_up_to_the_headline(store: DuckDBStore) -> None:
    cause = explain_windows(store, WINDOW, BASE, dimensions=(), changes=True)
    assert "\n".join(what_changed_lines(cause)) == (
        "*What changed* (+$193.82 vs expected):\n"
        "• new: Glue `devEndpoint/etl-dev` +$158.40 (82%): USE1-DEV-Endpoint-DPU-Hour\n"
        "• more usage: `USE1-DataTransfer-Out-Bytes` (no resource) +$27.00 (14%): usage 150 → 450 GB\n"
        "• more usage: S3 `logs-bucket` +$13.80 (7%): usage in 2 units (GB-Mo, Requests), no rate split\n"
        "• other (4 more): -$5.38 (-3%)"
    )


def test_a_drop_names_what_is_gone_and_a_rate_change_names_both_rates(store: DuckDBStore) -> None:
    cause = explain_windows(store, WINDOW, BASE, dimensions=(), changes=True)
    gone = by_key(cause)[RDS_GONE]
    rate = by_key(cause)[RDS_RATE]
    drop = RootCause(WINDOW, BASE, 0.0, 18.0 - 5.112, {}, (gone, rate))
    assert what_changed_lines(drop) == [
        "*What changed* (-$12.89 vs expected):",
        "• gone: RDS `db:legacy` -$18.00 (140%): USE1-InstanceUsage:db.r5.large",
        "• other (1 more): +$5.11 (-40%)",
    ]
    up = RootCause(WINDOW, BASE, 0.0, -5.112, {}, (rate,))
    assert what_changed_lines(up)[1] == "• higher rate: RDS `db:prod` +$5.11 (100%): $0.100 → $0.171 per Hrs"
    both = replace(rate, quantity=2.0, rate=3.112)
    assert what_changed_lines(RootCause(WINDOW, BASE, 0.0, -5.112, {}, (both,)))[1] == (
        "• higher rate: RDS `db:prod` +$5.11 (100%): usage 72 → 72 Hrs, $0.100 → $0.171 per Hrs "
        "(usage +$2.00, rate +$3.11)"
    )
    changed = by_key(cause)["vol-1"]
    assert what_changed_lines(RootCause(WINDOW, BASE, 0.0, -0.6, {}, (changed,)))[1] == (
        "• changed: EC2 `vol-1` +$0.60 (100%): usage in 2 units (GB-Mo, GB-Month), no rate split"
    )


def test_the_split_is_exact_and_needs_usage_on_both_sides() -> None:
    quantity, rate = split(10.0, 100.0, 33.0, 150.0)  # $0.10 -> $0.22 per unit, 100 -> 150 units
    assert (quantity, rate) == (pytest.approx(5.0), pytest.approx(18.0))
    assert quantity + rate == pytest.approx(23.0)
    with pytest.raises(ValueError, match="usage on both sides"):
        split(10.0, 0.0, 12.0, 5.0)


def test_a_store_without_data_before_the_window_calls_nothing_new(tmp_path: Path) -> None:
    """The first days of data: nothing was seen before because nothing was loaded, not because it is new."""
    s = DuckDBStore(tmp_path / "store", threads=1, memory_limit="256MB")
    try:
        rows = [r for d in range(3) for r in day_rows(WINDOW.start + timedelta(days=d))]
        s.replace_period(make_source(tmp_path, rows, period=date(2025, 3, 1)))
        cause = explain_windows(s, WINDOW, BASE, dimensions=(), changes=True)
        assert cause.changes and all(c.kind is not ChangeKind.NEW for c in cause.changes)
    finally:
        s.close()


# ------------------------------------------------------------ a bill shaped like the genuine 2018 one


def bill_2018(d: date) -> list[dict[str, object]]:
    """Two accounts, Oct-Dec 2018: a Glue endpoint runs all along in account B, a second one is added on 10-10
    and both are deleted on 12-05; account A's RDS instance is deleted on 11-20 (a $0 backup line stays)."""
    a, b = "123456789012", "210987654321"
    endpoint = "arn:aws:glue:us-east-1:{}:devEndpoint/{}"
    rows = []
    for name, since in (("etl-main", date(2018, 10, 1)), ("etl-adhoc", date(2018, 10, 10))):
        if since <= d < date(2018, 12, 5):
            row = usage(
                d, endpoint.format(b, name), "AWS Glue", "USE1-DEV-Endpoint-DPU-Hour", "DPU-Hour", "120", "0.44"
            )
            rows.append({**row, "sub_account_id": b})
    db = f"arn:aws:rds:us-east-1:{a}:db:reports"
    if d < date(2018, 11, 20):
        rows.append({**usage(d, db, RDS, "USE1-InstanceUsage:db.m4.large", "Hrs", "24", "0.175"), "sub_account_id": a})
        rows.append({**usage(d, db, RDS, "USE1-RDS:GP2-Storage", "GB-Mo", "3.33", "0.115"), "sub_account_id": a})
    else:
        rows.append({**usage(d, db, RDS, "USE1-RDS:ChargedBackupUsage", "GB-Mo", "0.1", "0"), "sub_account_id": a})
    rows.append({**usage(d, "i-web", EC2, "USE1-BoxUsage:t2.medium", "Hrs", "24", "0.0464"), "sub_account_id": a})
    return rows


@pytest.fixture
def store_2018(tmp_path: Path) -> Iterator[DuckDBStore]:
    s = DuckDBStore(tmp_path / "store", threads=1, memory_limit="256MB")
    by_month: dict[date, list[dict[str, object]]] = {}
    d = date(2018, 10, 1)
    while d < date(2019, 1, 1):
        by_month.setdefault(d.replace(day=1), []).extend(bill_2018(d))
        d += timedelta(days=1)
    for month, rows in by_month.items():
        s.replace_period(make_source(tmp_path, rows, period=month))
    yield s
    s.close()


@pytest.mark.parametrize(
    ("first", "line"),
    [
        (date(2018, 10, 10), "• new: Glue `devEndpoint/etl-adhoc` +$158.40 (100%): USE1-DEV-Endpoint-DPU-Hour"),
        (date(2018, 11, 20), "• gone: RDS `db:reports` -$13.75 (100%): USE1-InstanceUsage:db.m4.large"),
        (date(2018, 12, 5), "• gone: Glue `devEndpoint/etl-adhoc` -$158.40 (50%): USE1-DEV-Endpoint-DPU-Hour"),
    ],
)
def test_the_steps_of_a_2018_like_bill_are_explained_by_name(store_2018: DuckDBStore, first: date, line: str) -> None:
    """Three days from each step against the week before (the alert's windows): what a person reads."""
    window = TimeRange(first, first + timedelta(days=3))
    base = TimeRange(first - timedelta(days=7), first)
    cause = explain_windows(store_2018, window, base, dimensions=(), changes=True, increase=first.month == 10)
    assert line in what_changed_lines(cause)


def test_an_instance_resized_into_the_alerts_usage_type_is_said_resized(tmp_path: Path) -> None:
    """The alert is on the m5.xlarge usage type; the instance ran as an m5.large the week before: not new, and
    not "more usage 0 -> 72 Hrs" either, but resized, with what it costs a day before and after."""
    s = DuckDBStore(tmp_path / "store", threads=1, memory_limit="256MB")
    try:
        rows = []
        for i in range(10):
            d = BASE.start + timedelta(days=i)
            size, rate = ("xlarge", "0.192") if d >= WINDOW.start else ("large", "0.096")
            rows.append(usage(d, "i-resized", EC2, f"USE1-BoxUsage:m5.{size}", "Hrs", "24", rate))
            rows.append(usage(d, "i-other", EC2, "USE1-BoxUsage:m5.large", "Hrs", "24", "0.096"))
        s.replace_period(make_source(tmp_path, rows, period=date(2025, 2, 1)))
        slice_ = (Filter(DimensionRef(Dimension.USAGE_TYPE), ("USE1-BoxUsage:m5.xlarge",)),)
        cause = explain_windows(s, WINDOW, BASE, dimensions=(), filters=slice_, changes=True)
        (resized,) = cause.changes
        assert (resized.key, resized.kind, f"{resized.excess:.2f}") == ("i-resized", ChangeKind.RESIZED, "13.82")
        assert what_changed_lines(cause) == [
            "*What changed* (+$13.82 vs expected):",
            "• resized: EC2 `i-resized` m5.large → m5.xlarge +$13.82 (100%): $2.30 → $4.61 a day",
        ]
        # The whole service sees both halves of the resize: the same words, for the difference.
        ec2 = (Filter(DimensionRef(Dimension.SERVICE), (EC2,)),)
        whole = explain_windows(s, WINDOW, BASE, dimensions=(), filters=ec2, changes=True)
        assert what_changed_lines(whole) == [
            "*What changed* (+$6.91 vs expected):",
            "• resized: EC2 `i-resized` m5.large → m5.xlarge +$6.91 (100%): $2.30 → $4.61 a day",
        ]
    finally:
        s.close()


def test_a_resource_that_adds_a_usage_type_of_another_family_is_not_resized(tmp_path: Path) -> None:
    """An instance that keeps its m5.large hours and starts paying for EBS-optimised hours was not resized."""
    s = DuckDBStore(tmp_path / "store", threads=1, memory_limit="256MB")
    try:
        rows = []
        for i in range(10):
            d = BASE.start + timedelta(days=i)
            rows.append(usage(d, "i-grown", EC2, "USE1-BoxUsage:m5.large", "Hrs", "24", "0.096"))
            if d >= WINDOW.start:
                rows.append(usage(d, "i-grown", EC2, "USE1-EBSOptimized:m5.large", "Hrs", "24", "0.05"))
        s.replace_period(make_source(tmp_path, rows, period=date(2025, 2, 1)))
        cause = explain_windows(s, WINDOW, BASE, dimensions=(), changes=True)
        (grown,) = cause.changes
        assert (grown.kind, grown.resize) == (ChangeKind.MORE_USAGE, None)
    finally:
        s.close()
