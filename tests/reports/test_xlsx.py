"""TrackIt's report workbook, read back from the .xlsx bytes (zipfile + sheet XML): exact amounts computed from
the raw rows with Decimal, numbers stored as numbers with a currency format, frozen headers, sized columns."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from bot.billing.model import CostBasis, TimeRange
from bot.billing.money import Money
from bot.billing.store import BillingStore
from bot.reports.xlsx import Sheet, report_sheets, workbook_bytes
from tests.reports import billing_data as data
from tests.reports.xlsx_reader import SheetData, read_xlsx

OCTOBER = TimeRange(date(2026, 10, 1), date(2026, 11, 1))
MONEY = '"$"#,##0.00;-"$"#,##0.00'


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BillingStore]:
    s = data.load_store(tmp_path_factory.mktemp("xlsx"))
    try:
        yield s
    finally:
        s.close()


@pytest.fixture(scope="module")
def book(store: BillingStore) -> dict[str, SheetData]:
    return read_xlsx(workbook_bytes(report_sheets(store, OCTOBER)))


def _d(value: object) -> Decimal:
    assert isinstance(value, float), f"{value!r} is not stored as a number"
    return Decimal(repr(value)).quantize(Decimal("0.01"))


def test_sheets_in_trackit_order(book: dict[str, SheetData]) -> None:
    assert list(book) == ["Usage types by day", "Usage types by month", "Cost by tag", "Top resources"]
    for sheet in book.values():
        assert sheet.frozen is not None and sheet.frozen[0] == 3  # title, blank, header stay in view


def test_usage_types_per_day_of_the_month(book: dict[str, SheetData]) -> None:
    sheet = book["Usage types by day"]
    assert sheet.value("A1") == "Cost by usage type per day, October 2026 (unblended cost)"
    header = sheet.row(3)
    assert header[:4] == ["Service", "Usage type", "Oct 1", "Oct 2"] and header[-2:] == ["Oct 31", "Total"]
    assert sheet.frozen == (3, 2)  # labels stay visible when scrolling through the days
    r = sheet.find_row(data.EC2, "USE1-BoxUsage:m5.large")
    values = sheet.row(r)
    for i in range(31):
        day = date(2026, 10, 1) + timedelta(days=i)
        want = data.expected(
            data.ROWS,
            usage_type="USE1-BoxUsage:m5.large",
            charge_period_start=data.days(str(day), str(day + timedelta(days=1))),
        )
        assert _d(values[2 + i]) == want, day
    month = data.expected(
        data.ROWS, usage_type="USE1-BoxUsage:m5.large", charge_period_start=data.days("2026-10-01", "2026-11-01")
    )
    assert _d(values[-1]) == month
    cell = sheet.cells[f"C{r}"]
    assert (cell.kind, cell.number_format) == ("n", MONEY)
    # The first data row is the most expensive usage type; the total row sums the month to the cent.
    assert sheet.row(4)[:2] == [data.EC2, "USE1-BoxUsage:m5.large"]
    total_row = sheet.find_row("Total")
    assert _d(sheet.row(total_row)[-1]) == data.expected(
        data.ROWS, charge_period_start=data.days("2026-10-01", "2026-11-01")
    )
    assert sheet.widths[2] >= len("USE1-InstanceUsage:db.r6g.large")


def test_usage_types_per_month_for_six_months(book: dict[str, SheetData]) -> None:
    sheet = book["Usage types by month"]
    assert sheet.row(3) == [
        "Service",
        "Usage type",
        "May 2026",
        "Jun 2026",
        "Jul 2026",
        "Aug 2026",
        "Sep 2026",
        "Oct 2026",
        "Change over last month",
    ]
    values = sheet.row(sheet.find_row(data.RDS, "USE1-InstanceUsage:db.r6g.large"))
    months = ["2026-05-01", "2026-06-01", "2026-07-01", "2026-08-01", "2026-09-01", "2026-10-01", "2026-11-01"]
    sums = [
        data.expected(data.ROWS, service_name=data.RDS, charge_period_start=data.days(a, b))
        for a, b in itertools.pairwise(months)
    ]
    assert [_d(v) for v in values[2:8]] == sums
    assert _d(values[8]) == sums[-1] - sums[-2]


def test_cost_by_tag_value(book: dict[str, SheetData]) -> None:
    sheet = book["Cost by tag"]
    assert sheet.row(3) == ["user:team", "Cost", "Share"]
    october = data.days("2026-10-01", "2026-11-01")
    total = data.expected(data.ROWS, charge_period_start=october)
    web = data.expected(data.ROWS, charge_period_start=october, **{"tag:user:team": "web"})
    row = sheet.row(sheet.find_row("web"))
    assert _d(row[1]) == web
    assert row[2] == pytest.approx(float(web / total))
    assert sheet.cells[f"C{sheet.find_row('web')}"].number_format == "0.0%"
    untagged = data.expected(data.ROWS, charge_period_start=october, resource_id="bucket-logs")
    assert _d(sheet.row(sheet.find_row("(untagged)"))[1]) == untagged


def test_top_resources_with_previous_month(book: dict[str, SheetData]) -> None:
    sheet = book["Top resources"]
    assert sheet.row(3) == [
        "Resource",
        "Service",
        "Account",
        "Account name",
        "Region",
        "Cost",
        "Previous period",
        "Change",
    ]
    first = sheet.row(4)
    assert first[:5] == ["i-web-1", data.EC2, "111111111111", "prod", "us-east-1"]
    now = data.expected(data.ROWS, resource_id="i-web-1", charge_period_start=data.days("2026-10-01", "2026-11-01"))
    before = data.expected(data.ROWS, resource_id="i-web-1", charge_period_start=data.days("2026-09-01", "2026-10-01"))
    assert [_d(v) for v in first[5:]] == [now, before, now - before]
    assert sheet.value("A4") == "i-web-1" and sheet.cells["A4"].kind == "s"  # ids stay text


def test_amortized_basis_and_no_tags(tmp_path: Path) -> None:
    rows = [r for r in data.ROWS if not any(k.startswith("tag:") for k in r)][:60]
    store = data.load_store(tmp_path, rows)
    try:
        sheets = report_sheets(store, OCTOBER, basis=CostBasis.AMORTIZED)
    finally:
        store.close()
    assert [s.name for s in sheets] == ["Usage types by day", "Usage types by month", "Top resources"]
    assert "(amortized cost)" in sheets[0].title


def test_currency_formats_and_bad_sheets() -> None:
    assert Money("EUR").excel_format == '"€"#,##0.00;-"€"#,##0.00'
    assert Money("CHF").excel_format == '"CHF"#,##0.00;-"CHF"#,##0.00'
    with pytest.raises(ValueError, match="not a valid sheet name"):
        Sheet("a/b", "t", ("x",), ())
    with pytest.raises(ValueError, match="a row has 2 cells for 1 columns"):
        Sheet("ok", "t", ("x",), (("a", 1.0),))
    book = read_xlsx(
        workbook_bytes([Sheet("Costs", "t", ("Name", "Cost"), (("a", 1.5),), money=frozenset({1}))], money=Money("EUR"))
    )
    assert book["Costs"].cells["B4"].number_format == '"€"#,##0.00;-"€"#,##0.00'
