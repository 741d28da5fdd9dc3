"""The digest workbook's resource sheets from a stored inventory snapshot: costs over the period from the DuckDB
store (checked against Decimal sums of the raw rows), utilisation as numbers, blanks where CloudWatch had none."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import ROUND_HALF_UP, Decimal

from bot.billing.inventory import Inventory, Resource, ResourceKind
from bot.billing.model import Dimension, DimensionRef, Filter, TimeRange
from bot.reports.xlsx import resource_data, resource_sheets, workbook_bytes
from bot.state.db import StateStore
from bot.state.inventory import latest_snapshot, save_snapshot
from tests.commands.conftest import ROWS, Bot, expected_sum, in_range
from tests.commands.test_resources import (
    LAB,
    LAB_EC2,
    PROD,
    PROD_EC2,
    PROD_RDS,
    RI_PROD,
    SILENT_EC2,
    SP_LAB,
    STAGING_EC2,
    _metrics,
)
from tests.reports.xlsx_reader import read_xlsx

NOVEMBER = TimeRange(date(2026, 11, 1), date(2026, 12, 1), "November 2026")
OLD_SNAPSHOT = Resource(
    PROD,
    "us-east-1",
    ResourceKind.SNAPSHOT,
    "snap-1",
    "arn:snap-1",
    size="100",
    created=datetime(2026, 6, 1, tzinfo=UTC),
)


def test_resource_sheets_from_the_latest_snapshot(bot: Bot) -> None:
    state = StateStore("sqlite://")  # the bot's own state is shared with the other module's snapshot
    state.migrate()
    resources = (PROD_EC2, SILENT_EC2, PROD_RDS, STAGING_EC2, LAB_EC2, OLD_SNAPSHOT)
    inventory = Inventory(resources, collected_at=datetime(2026, 11, 27, 5, tzinfo=UTC))
    ends = {RI_PROD: date(2026, 12, 20), SP_LAB: date(2026, 12, 2)}
    save_snapshot(state, date(2026, 11, 27), inventory, _metrics(), commitment_ends=ends)
    snapshot = latest_snapshot(state)
    assert snapshot is not None

    data = resource_data(bot.store, NOVEMBER, snapshot)
    book = read_xlsx(workbook_bytes(resource_sheets(data)))

    assert list(book) == ["EC2", "RDS", "EBS snapshots", "Reservations"]
    ec2 = book["EC2"]
    nov = in_range("2026-11-01", "2026-12-01")

    def exact(r: Resource) -> Decimal:
        return expected_sum(ROWS, charge_period_start=nov, resource_id=r.arn)

    def cost(r: Resource) -> float:  # cells hold amounts rounded half-up to the cent, as every message shows them
        return float(exact(r).quantize(Decimal("0.01"), ROUND_HALF_UP))

    def cents(value: object) -> object:  # the store sums in floating point: compare to a millionth
        return round(value, 6) if isinstance(value, float) else value

    header = ec2.find_row("Instance")
    assert ec2.row(header) == [
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
    ]
    rows = [[cents(v) for v in ec2.row(header + i)] for i in range(1, 6)]
    assert [r[0] for r in rows] == ["i-lab", "i-staging", "i-prod", "i-silent", "Total"]
    assert rows[0][6] == cost(LAB_EC2) and rows[0][7:] == [None, None, None, None, "unknown"]
    assert rows[2][6] == cost(PROD_EC2) and rows[2][7:] == [0.02, 0.05, 0.002, None, "yes"]
    assert rows[1][7:] == [0.5, 0.9, 0.977, None, "no"]
    assert rows[3][6:] == [0.0, None, None, None, None, "unknown"]  # no data: unknown, never idle
    total = sum(exact(r) for r in (LAB_EC2, STAGING_EC2, PROD_EC2))  # the exact total, rounded once
    assert Decimal(str(rows[4][6])) == total.quantize(Decimal("0.01"), ROUND_HALF_UP)

    rds = book["RDS"]
    row = [cents(v) for v in rds.row(rds.find_row("db-prod"))]
    assert row == [
        "db-prod",
        "db.m5.xlarge",
        "100",
        "available",
        PROD,
        "us-east-1",
        cost(PROD_RDS),
        0.05,
        0.2,
        50.0,
        "yes",
    ]
    snap = book["EBS snapshots"]
    assert snap.row(snap.find_row("snap-1")) == ["snap-1", "", "100", "2026-06-01", 179, PROD, "us-east-1", 0.0]
    res = book["Reservations"]
    assert res.row(res.find_row("Savings Plan")) == ["Savings Plan", SP_LAB, LAB, "2026-12-02", 5]
    assert res.row(res.find_row("Reserved Instance")) == ["Reserved Instance", RI_PROD, PROD, "2026-12-20", 23]

    # A digest for prod only: other accounts' resources and commitments are left out.
    prod = resource_data(bot.store, NOVEMBER, snapshot, filters=(Filter(DimensionRef(Dimension.ACCOUNT), (PROD,)),))
    assert {r.account_id for r in prod.resources} == {PROD} and set(prod.commitment_ends) == {RI_PROD}

    # A digest for one resource (`resource=` with the id the bill uses): that resource alone, with its cost.
    one = (Filter(DimensionRef(Dimension.RESOURCE), (PROD_EC2.arn,)),)
    sheet = read_xlsx(workbook_bytes(resource_sheets(resource_data(bot.store, NOVEMBER, snapshot, filters=one))))["EC2"]
    header = sheet.find_row("Instance")
    assert [cents(v) for v in sheet.row(header + 1)][:7] == [
        "i-prod",
        "web-prod",
        "m5.xlarge",
        "running",
        PROD,
        "us-east-1",
        cost(PROD_EC2),
    ]
    assert sheet.row(header + 2)[0] == "Total"
    state.dispose()


def test_the_monthly_digest_workbook_gains_the_resource_sheets_when_inventory_exists(bot: Bot) -> None:
    from jobs.digests import build_digest

    state = StateStore("sqlite://")
    state.migrate()
    inventory = Inventory((PROD_EC2, PROD_RDS), collected_at=datetime(2026, 11, 27, 5, tzinfo=UTC))
    save_snapshot(state, date(2026, 11, 27), inventory, _metrics())

    without = read_xlsx(build_digest(bot.store, "monthly", NOVEMBER).xlsx)
    with_inventory = read_xlsx(build_digest(bot.store, "monthly", NOVEMBER, inventory=latest_snapshot(state)).xlsx)

    assert "EC2" not in without and "RDS" not in without
    assert list(with_inventory)[: len(without)] == list(without)
    added = [name for name in with_inventory if name not in without]
    assert added[:2] == ["EC2", "RDS"]  # then EBS snapshots / Reservations when the period has any
    assert set(added) <= {"EC2", "RDS", "EBS snapshots", "Reservations"}
