"""A bill in euros through every scheduled job: the daily summary (with what is not taggable), budget alerts, the
monthly digest (message, chart axes, workbook cells and number formats) and anomaly alerts all read € and never
$; a budget in another currency than the bill is never compared. Expected numbers are Decimal sums of the rows."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from bot.billing.model import TimeRange
from bot.billing.store import BillingStore
from bot.errors import UsageError
from bot.state.budgets import Budget
from jobs.anomaly_alerts import preview as preview_alerts
from jobs.budgets import compute_budget_pace, render_budget_alert
from jobs.daily_summary import build_daily_summary
from jobs.digests import build_digest
from tests.jobs.support import FrozenClock, make_services
from tests.reports import billing_data as spiky
from tests.reports.xlsx_reader import read_xlsx
from tests.support import eur_bill
from tests.support.eur_bill import ROWS, days, eur, total

OCTOBER = TimeRange(date(2026, 10, 1), date(2026, 11, 1), "last month")
EURO_FORMAT = '"€"#,##0.00;-"€"#,##0.00'


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BillingStore]:
    s = spiky.load_store(tmp_path_factory.mktemp("eur-jobs"), ROWS)
    try:
        yield s
    finally:
        s.close()


def shown(message: object) -> str:
    return json.dumps(message.as_kwargs(), ensure_ascii=False)  # type: ignore[attr-defined]


def test_daily_summary_in_euros_counts_fees_and_tax_as_not_taggable(store: BillingStore) -> None:
    msg = build_daily_summary(store, date(2026, 11, 1))
    text = shown(msg)
    assert "$" not in text and "USD" not in text
    nov_1 = days("2026-11-01", "2026-11-02")
    spend = total(keep=nov_1)
    # The day's spend is its usage-driven spend plus the period charges booked on the 1st, each on its own line.
    usage = total(keep=lambda r: nov_1(r) and r["charge_category"] == "Usage")
    assert f"*Usage-driven spend*\\n{eur(usage)}" in text and eur(usage) == "€1,021.50"
    not_taggable = total(keep=lambda r: nov_1(r) and r["charge_category"] != "Usage")
    assert eur(not_taggable) == "€293.80"  # EC2 and S3 tax, AWS Support
    assert f"*Plus {eur(not_taggable)} of period charges* (fees, tax, credits) booked on the 1st: tax €193.80, " in text
    assert f"*Month to date*\\n{eur(spend)}" in text and eur(spend) == "€1,315.30"
    # Of the day's taggable usage (1,021.50) only Route 53's 1.50 carries no team: 0.1%, not the 22% it would
    # be with the month's fees counted as untagged.
    assert "untagged (team): 0.1% of taggable usage, €293.80 not taggable" in msg.blocks[-1]["elements"][0]["text"]


def test_budget_alerts_are_in_the_bills_currency(store: BillingStore) -> None:
    at = datetime(2026, 11, 27, tzinfo=UTC)
    budget = Budget("eu-all", Decimal("20000"), "EUR", "", "C0FIN", "U0ADMIN", at, at)
    pace = compute_budget_pace(store, budget, date(2026, 11, 1), today=date(2026, 11, 27))
    assert Decimal(str(round(pace.month_to_date, 2))) == total(keep=days("2026-11-01", "2026-12-01"))
    msg = render_budget_alert(pace, 100)
    text = shown(msg)
    assert f"*Month to date*: {eur(total(keep=days('2026-11-01', '2026-12-01')))} of €20,000.00" in text
    assert "$" not in text
    dollars = Budget("us-all", Decimal("20000"), "USD", "", "C0FIN", "U0ADMIN", at, at)
    with pytest.raises(UsageError) as err:
        compute_budget_pace(store, dollars, date(2026, 11, 1), today=date(2026, 11, 27))
    assert err.value.message == (
        "The bill for 2026-11 is in EUR, not USD: amounts in different currencies are never compared."
    )


def test_monthly_digest_message_charts_and_workbook_are_in_euros(store: BillingStore) -> None:
    digest = build_digest(store, "monthly", OCTOBER)
    text = shown(digest.message)
    assert "$" not in text and "USD" not in text
    assert f"*Total*\\n{eur(total(keep=days('2026-10-01', '2026-11-01')))}" in text
    for chart in digest.charts:
        ticks = chart.data["money_ticks"]
        assert ticks and all("€" in t for t in ticks if t not in ("0",)), (chart.name, ticks)  # type: ignore[union-attr]
    book = read_xlsx(digest.xlsx)
    resources = book["Top resources"]
    row = resources.find_row("alarm-1")
    assert resources.cells[f"F{row}"].value == 0.13  # 0.125 rounded half-up, as in every message
    assert resources.cells[f"F{row}"].number_format == EURO_FORMAT
    tags = book["Cost by tag"]
    last = tags.find_row("(not taggable)")
    assert tags.cells[f"B{last}"].value == float(
        total(keep=lambda r: days("2026-10-01", "2026-11-01")(r) and r["charge_category"] != "Usage")
    )
    by_day = book["Usage types by day"]
    assert by_day.cells[f"C{by_day.find_row('Tax')}"].number_format == EURO_FORMAT


def test_anomaly_alerts_are_in_the_bills_currency(tmp_path: Path) -> None:
    """The spike of the report tests' organisation, billed in euros."""
    rows = [dict(r, currency="EUR") for r in spiky.ROWS]
    store = spiky.load_store(tmp_path, rows)
    try:
        services = make_services(tmp_path, store, FrozenClock(spiky.NOW))
        alerts = preview_alerts(services)
        assert alerts, "the spike raises an alert"
        for _, message, _ in alerts:
            text = shown(message)
            assert "€" in text and "$" not in text
        assert "+€1,200.00" in shown(alerts[0][1])  # three days of 400.00 on i-web-2
    finally:
        store.close()


def test_the_fixture_is_what_its_docstring_says() -> None:
    assert total(keep=days("2026-10-01", "2026-11-01")) == Decimal("31910.425")
    assert {r["currency"] for r in ROWS} == {"EUR"} and eur_bill.ACCOUNTS
