"""Pace and the month-end forecast on a bill booked the way AWS books it: usage every day, RI fees and a
recurring credit on the 1st (month-long lines), tax posted month-to-date, Support posted after the month closes,
an hourly Savings Plans fee, a one-time upfront fee and a refund. Exact numbers: the usage is flat."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from bot.billing.charges import ChargeClass
from bot.billing.model import Freshness, PeriodStatus, TimeRange
from bot.billing.pace import compute_pace, covers, day_status, elapsed_span, previous_span
from bot.store.duckdb import DuckDBStore
from tests.store.sources import item, make_source

MONTHS = (date(2024, 1, 1), date(2024, 2, 1), date(2024, 3, 1), date(2024, 4, 1))
USAGE_PER_DAY = 100.0


def month_end(month: date) -> date:
    return (month.replace(day=28) + timedelta(days=4)).replace(day=1)


def month_long(month: date, cost: float, line_type: str, **kw: object) -> dict[str, object]:
    hours = (month_end(month) - month).days * 24
    return item(month, f"{cost:.2f}", hours=hours, line_item_type=line_type, **kw)


def bill(until: date) -> list[dict[str, object]]:
    """Usage and charges for every day before `until` (April is the month in progress)."""
    rows: list[dict[str, object]] = []
    for month in MONTHS:
        if month >= until:
            break
        end = min(month_end(month), until)
        days = (end - month).days
        for i in range(days):
            day = month + timedelta(days=i)
            rows.append(item(day, f"{USAGE_PER_DAY:.2f}", hours=24))
            rows.append(
                item(
                    day,
                    "10.00",
                    hours=24,
                    line_item_type="SavingsPlanRecurringFee",
                    service_name="Savings Plans for AWS Compute usage",
                )
            )
        usage = USAGE_PER_DAY * days
        rows.append(month_long(month, 300.0, "RIFee", usage_type="HeavyUsage:m5.large"))
        rows.append(month_long(month, -50.0, "Credit", charge_category="Credit", service_name="Amazon SageMaker"))
        # Tax is posted month-to-date; Support only once the month is over (AWS: on the 6th or 7th after it).
        rows.append(month_long(month, usage * 0.05, "Tax", charge_category="Tax", service_name="Tax", usage_type=""))
        if end == month_end(month):
            rows.append(
                month_long(month, usage * 0.10, "Usage", service_name="AWS Support (Business)", usage_type="Dollar")
            )
        if month == date(2024, 3, 1):
            rows.append(month_long(month, 1000.0, "Fee", charge_category="Purchase", usage_type="HeavyUsage:r5"))
        if month == date(2024, 2, 1):
            rows.append(item(date(2024, 2, 14), "-20.00", line_item_type="Refund", charge_category="Credit"))
    return rows


def load(tmp: Path, until: date) -> DuckDBStore:
    store = DuckDBStore(tmp / f"store-{until}")
    rows = bill(until)
    for month in MONTHS:
        part = [r for r in rows if r["billing_period"] == month.isoformat()]
        if part:
            store.replace_period(make_source(tmp, part))
    return store


def test_month_end_forecast_splits_usage_and_period_charges(tmp_path: Path) -> None:
    store = load(tmp_path, date(2024, 4, 5))  # today is April 5: the 1st to the 4th are complete
    pace = compute_pace(store, date(2024, 4, 5))
    f = pace.forecast
    assert f is not None
    assert (pace.cutoff, f.days_elapsed, f.days_in_month) == (date(2024, 4, 5), 4, 30)
    assert f.usage_to_date == pytest.approx(400.0) and f.usage_expected == pytest.approx(3000.0)
    # Posted so far: RI fee 300, credit -50, tax to date 20, Savings Plans fee 4 x 10.
    assert f.period_to_date == pytest.approx(310.0)
    assert f.month_to_date == pytest.approx(710.0)
    charges = {(c.charge_class, c.service): (round(c.posted, 2), round(c.expected, 2), c.how) for c in pace.charges}
    assert charges == {
        (ChargeClass.RECURRING, "Amazon Elastic Compute Cloud"): (300.0, 300.0, "posted"),
        (ChargeClass.CREDIT, "Amazon SageMaker"): (-50.0, -50.0, "posted"),
        (ChargeClass.TAX, "Tax"): (20.0, 150.0, "with usage (5.0% of it in the previous months)"),
        (ChargeClass.RECURRING, "AWS Support (Business)"): (
            0.0,
            300.0,
            "with usage (10.0% of it in the previous months)",
        ),
        (ChargeClass.RECURRING, "Savings Plans for AWS Compute usage"): (40.0, 300.0, "accrues daily"),
    }  # the March upfront fee and the February refund are one-offs: not expected again
    assert f.period_expected == pytest.approx(1000.0)
    assert f.expected == pytest.approx(4000.0)
    # Flat usage backtests exactly: the narrowest range, +-1% of the usage to come, with tax and Support moving
    # along with it (1.15 times), never zero width.
    assert f.low == pytest.approx(4000.0 - 0.01 * 2600 * 1.15) and f.high == pytest.approx(4000.0 + 0.01 * 2600 * 1.15)
    # The same four days of March: usage, the fees of the 1st, March's tax to date, and the upfront fee.
    assert pace.previous_span == TimeRange(date(2024, 3, 1), date(2024, 3, 5), "same days of the previous period")
    assert pace.previous_to_date == pytest.approx(400 + 40 + 300 - 50 + 155 + 310 + 1000)
    store.close()


def test_nothing_posted_yet_expects_the_recurring_fees_and_credits(tmp_path: Path) -> None:
    store = load(tmp_path, date(2024, 4, 1))  # April 1st, before any April data
    f = compute_pace(store, date(2024, 4, 1)).forecast
    assert f is not None and f.days_elapsed == 0 and f.month_to_date == 0.0
    # RI fee and credit as last month (a recurring credit is expected whatever its sign), SP fee at March's rate.
    assert f.usage_expected == pytest.approx(3000.0)
    assert f.period_expected == pytest.approx(300 - 50 + 150 + 300 + 300)
    store.close()


def test_first_month_scales_what_is_posted_with_usage(tmp_path: Path) -> None:
    store = DuckDBStore(tmp_path / "s")
    rows = [item(date(2024, 1, 1) + timedelta(days=i), "100.00", hours=24) for i in range(10)]
    rows.append(month_long(date(2024, 1, 1), 50.0, "Tax", charge_category="Tax", service_name="Tax", usage_type=""))
    store.replace_period(make_source(tmp_path, rows))
    pace = compute_pace(store, date(2024, 1, 11))
    f = pace.forecast
    assert f is not None and f.usage_expected == pytest.approx(3100.0)
    (tax,) = pace.charges
    assert tax.how == "posted so far, scaled with usage to the month's end"
    assert tax.expected == pytest.approx(50.0 * 3100 / 1000)  # 5% of usage, as posted so far
    assert f.low < f.expected < f.high
    store.close()


def test_stale_data_gives_no_forecast_for_a_later_month(tmp_path: Path) -> None:
    store = load(tmp_path, date(2024, 2, 1))
    assert compute_pace(store, date(2024, 3, 10)).forecast is None  # nothing since January
    assert compute_pace(store, date(2024, 2, 3)).forecast is not None  # January's data still speaks for February
    store.close()


def _freshness(until: datetime | None, first: date = date(2024, 1, 1)) -> Freshness:
    status = PeriodStatus(
        first, "d", datetime(2024, 1, 2, tzinfo=UTC), datetime(2024, 1, 2, tzinfo=UTC), "t", "u", 1, False, until
    )
    return Freshness(until, (status,))


def test_complete_days_and_like_for_like_spans() -> None:
    fresh = _freshness(datetime(2024, 3, 5, 18, tzinfo=UTC))
    assert [day_status(fresh, date(2024, 3, d)) for d in (4, 5, 6)] == ["complete", "partial", "no data"]
    march = TimeRange(date(2024, 3, 1), date(2024, 4, 1), "this month")
    done = elapsed_span(march, date(2024, 3, 5))
    assert done == TimeRange(date(2024, 3, 1), date(2024, 3, 5), "complete days")
    assert previous_span(march, done) == TimeRange(
        date(2024, 2, 1), date(2024, 2, 5), "same days of the previous period"
    )
    # March 31st elapsed is capped at February's end; a whole period compares with the whole previous one.
    late = TimeRange(date(2024, 3, 1), date(2024, 3, 31))
    assert previous_span(march, late).end == date(2024, 3, 1)
    assert previous_span(march, march).label == "previous period"
    week = TimeRange(date(2024, 3, 4), date(2024, 3, 11), "this week")  # Monday to Sunday
    assert previous_span(week, TimeRange(date(2024, 3, 4), date(2024, 3, 6))) == TimeRange(
        date(2024, 2, 26), date(2024, 2, 28), "same days of the previous period"
    )
    assert elapsed_span(march, date(2024, 3, 1)) is None and elapsed_span(march, None) is None
    # Coverage: the store's first period is January 2024; 2023 has no data.
    assert covers(fresh, TimeRange(date(2024, 2, 1), date(2024, 2, 5)))
    assert not covers(fresh, TimeRange(date(2023, 3, 1), date(2023, 3, 5)))
    assert not covers(fresh, TimeRange(date(2024, 3, 1), date(2024, 3, 7)))  # beyond the data
