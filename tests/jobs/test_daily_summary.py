"""Daily summary: the rendered message as a dict, every number computed independently from the rows (Decimal)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

from bot.billing.model import Dimension, DimensionRef, Filter
from bot.billing.store import BillingStore
from jobs.daily_summary import build_daily_summary, compute_daily_summary
from tests.jobs.support import ROWS, SERVICES, day_total, load_store, range_total
from tests.store.sources import item

DAY = date(2026, 11, 25)  # a Wednesday; EC2 in prod jumped by $40/day from the 20th


def usd(x: Decimal) -> str:
    cents = x.quantize(Decimal("0.01"), ROUND_HALF_UP) + 0
    return ("-" if cents < 0 else "") + f"${abs(cents):,.2f}"


def signed(x: Decimal) -> str:
    cents = x.quantize(Decimal("0.01"), ROUND_HALF_UP)
    return usd(cents) if cents < 0 else "+" + usd(cents)


def pct(now: Decimal, then: Decimal) -> str:
    p = ((now - then) / then * 100).quantize(Decimal("0.1"), ROUND_HALF_UP)
    return f"{'+' if p >= 0 else ''}{p}%"


def test_daily_summary_message_snapshot(billing: BillingStore) -> None:
    spend = day_total(DAY)
    average = range_total(DAY - timedelta(days=7), DAY) / 7
    same_weekday = day_total(DAY - timedelta(days=7))
    mtd = range_total(date(2026, 11, 1), DAY + timedelta(days=1))
    previous_mtd = range_total(date(2026, 10, 1), date(2026, 10, 26))  # the same 25 days of October
    movers = []
    for name in SERVICES.values():
        cost = day_total(DAY, service_name=name)
        avg = range_total(DAY - timedelta(days=7), DAY, service_name=name) / 7
        movers.append((name, cost, avg))
    up = sorted((m for m in movers if m[1] > m[2]), key=lambda m: (m[2] - m[1], m[0]))
    down = sorted((m for m in movers if m[1] < m[2]), key=lambda m: (m[1] - m[2], m[0]))
    # Untagged: the rows whose (account, service) carries no team tag (see tests.jobs.support).
    untagged = sum(
        (
            day_total(DAY, service_name=SERVICES[code], sub_account_id=acct)
            for code, acct in (("AmazonRDS", "111111111111"), ("AmazonS3", "222222222222"))
        ),
        Decimal(0),
    )
    untagged_pct = (untagged / spend * 100).quantize(Decimal("0.1"), ROUND_HALF_UP)

    summary = compute_daily_summary(billing, DAY)
    assert summary.forecast is not None
    f = summary.forecast
    assert (f.days_elapsed, f.days_in_month) == (25, 30)
    assert Decimal(repr(f.month_to_date)).quantize(Decimal("0.01")) == mtd.quantize(Decimal("0.01"), ROUND_HALF_UP)
    assert f.low < f.expected < f.high

    msg = build_daily_summary(billing, DAY).as_kwargs()

    def mover(arrow: str, m: tuple[str, Decimal, Decimal]) -> str:
        return f"{arrow} {m[0]}: {usd(m[1])} vs {usd(m[2])} avg ({signed(m[1] - m[2])})"

    expected_forecast = usd(Decimal(repr(f.expected)))
    movers_text = "*Top movers* (usage-driven, vs their 7-day average)\n" + "\n".join(
        [mover(":arrow_up:", m) for m in up] + [mover(":arrow_down:", m) for m in down]
    )
    forecast = f"{usd(Decimal(repr(f.expected)))} ({usd(Decimal(repr(f.low)))} – {usd(Decimal(repr(f.high)))})"

    assert [m[0] for m in up] == ["Amazon Elastic Compute Cloud"]
    expected = {
        "text": f"Daily spend Wed 2026-11-25 · all accounts: {usd(spend)} usage-driven ({signed(spend - average)} "
        f"({pct(spend, average)}) vs 7-day average); month to date {usd(mtd)}, forecast {expected_forecast}",
        "blocks": [
            {
                "type": "header",
                "text": {"type": "plain_text", "text": "Daily spend Wed 2026-11-25 · all accounts", "emoji": True},
            },
            {
                "type": "section",
                "fields": [
                    {"type": "mrkdwn", "text": f"*Usage-driven spend*\n{usd(spend)}"},
                    {
                        "type": "mrkdwn",
                        "text": f"*vs 7-day average* ({usd(average)})\n{signed(spend - average)} "
                        f"({pct(spend, average)})",
                    },
                    {
                        "type": "mrkdwn",
                        "text": f"*vs Wed Nov 18* ({usd(same_weekday)})\n{signed(spend - same_weekday)} "
                        f"({pct(spend, same_weekday)})",
                    },
                    {"type": "mrkdwn", "text": f"*Month to date*\n{usd(mtd)}"},
                    {
                        "type": "mrkdwn",
                        "text": f"*vs same point last month* ({usd(previous_mtd)})\n"
                        f"{signed(mtd - previous_mtd)} ({pct(mtd, previous_mtd)})",
                    },
                    {"type": "mrkdwn", "text": f"*Month-end forecast*\n{forecast}"},
                ],
            },
            {"type": "section", "text": {"type": "mrkdwn", "text": movers_text}},
            {
                "type": "context",
                "elements": [
                    {
                        "type": "mrkdwn",
                        "text": f"unblended cost · untagged (team): {untagged_pct}% of taggable usage · complete day, "
                        "estimated · data up to 2026-12-01 00:00 UTC, November estimated",
                    }
                ],
            },
        ],
    }
    for got, want in zip(msg["blocks"], expected["blocks"], strict=True):
        assert got == want
    assert msg == expected


def test_filters_narrow_every_number(billing: BillingStore) -> None:
    prod = (Filter(DimensionRef(Dimension.ACCOUNT), ("111111111111",)),)
    summary = compute_daily_summary(billing, DAY, prod, filters_text="account=prod")
    where = {"sub_account_id": "111111111111"}
    assert round(Decimal(repr(summary.usage)), 6) == day_total(DAY, **where)
    assert summary.same_weekday is not None
    assert round(Decimal(repr(summary.same_weekday)), 6) == day_total(DAY - timedelta(days=7), **where)
    mtd = range_total(date(2026, 11, 1), DAY + timedelta(days=1), **where)
    assert round(Decimal(repr(summary.month_to_date)), 6) == mtd
    assert [m.service for m in summary.movers_up] == ["Amazon Elastic Compute Cloud"]
    assert "account=prod" in build_daily_summary(billing, DAY, prod, filters_text="account=prod").text


def test_a_day_without_data_says_so(billing: BillingStore) -> None:
    summary = compute_daily_summary(billing, date(2027, 3, 2))
    assert (summary.status, summary.forecast, summary.complete) == ("no data", None, False)
    msg = build_daily_summary(billing, date(2027, 3, 2))
    assert msg.text == "Daily spend Tue 2027-03-02 · all accounts: no data yet"
    assert msg.blocks[1]["text"]["text"] == (
        "No billing data for Tue 2027-03-02 yet: the export has not reached that day (it reaches 2027-01-01 00:00 UTC)."
    )
    assert "$0.00" not in str(msg.blocks) and "-100" not in str(msg.blocks)


def test_the_first_days_of_data_compare_with_what_there_is(billing: BillingStore) -> None:
    """The data starts on Sep 1: on Sep 3 the 7-day average covers the two days before, the same weekday last
    week has no data (not $0.00, not -100%)."""
    day = date(2026, 9, 3)
    summary = compute_daily_summary(billing, day)
    assert summary.average_7d == pytest.approx(float(range_total(date(2026, 9, 1), day) / 2))
    assert summary.same_weekday is None and summary.previous_month_to_date is None
    fields = build_daily_summary(billing, day).blocks[1]["fields"]
    assert fields[2]["text"] == "*vs Thu Aug 27* (no data)\nno data"
    assert fields[4]["text"].startswith("*vs same point last month* (no data)\nno data")


# ------------------------------------------------------------------------------------ period charges


def month_long(day: str, cost: str, line_type: str, **kw: object) -> dict[str, object]:
    start = date.fromisoformat(day)
    hours = ((start.replace(day=28) + timedelta(days=4)).replace(day=1) - start).days * 24
    return item(start, cost, hours=hours, line_item_type=line_type, sub_account_id="111111111111", **kw)


FEES = [
    row
    for month in ("2026-09-01", "2026-10-01", "2026-11-01", "2026-12-01")
    for row in (
        month_long(month, "300.00", "RIFee", service_name=SERVICES["AmazonEC2"], usage_type="HeavyUsage:m5.large"),
        month_long(month, "151.57", "Usage", service_name="AWS Support (Business)", usage_type="Dollar"),
        month_long(month, "40.00", "Tax", service_name="Tax", usage_type="", charge_category="Tax"),
        month_long(month, "-50.00", "Credit", service_name="Amazon SageMaker", charge_category="Credit"),
    )
]


@pytest.fixture(scope="module")
def with_fees(tmp_path_factory: pytest.TempPathFactory) -> BillingStore:
    store = load_store(tmp_path_factory.mktemp("fees"), [*ROWS, *FEES])
    yield store
    store.close()


def test_fees_of_the_1st_are_their_own_line_and_never_movers(with_fees: BillingStore) -> None:
    day = date(2026, 12, 1)
    summary = compute_daily_summary(with_fees, day)
    usage = day_total(day)
    average = range_total(day - timedelta(days=7), day) / 7
    # The comparison is usage against usage: the fees do not turn a usage rise into a drop.
    assert round(Decimal(repr(summary.usage)), 6) == usage
    assert summary.average_7d == pytest.approx(float(average))
    assert round(Decimal(repr(summary.spend)), 6) == usage + Decimal("441.57")
    mover_names = {m.service for m in (*summary.movers_up, *summary.movers_down)}
    assert mover_names <= set(SERVICES.values())  # never "AWS Support (Business) $0.00 vs $151.57 avg"
    blocks = build_daily_summary(with_fees, day).blocks
    assert blocks[2]["text"]["text"] == (
        "*Plus $441.57 of period charges* (fees, tax, credits) booked on the 1st: Amazon Elastic Compute Cloud "
        "recurring fees $300.00, AWS Support (Business) recurring fees $151.57, Amazon SageMaker credits -$50.00, "
        "tax $40.00"
    )
    # The day after, nothing is booked: no period line, and the 1st's fees do not inflate the 7-day average.
    after = compute_daily_summary(with_fees, date(2026, 12, 2))
    assert after.period_charges == () and after.average_7d == pytest.approx(
        float(range_total(date(2026, 11, 25), date(2026, 12, 2)) / 7)
    )


# ------------------------------------------------------------------------- a year of the sample organisation


@pytest.mark.slow
def test_the_comparison_has_the_right_sign_on_every_day_of_a_year(tmp_path: Path) -> None:
    """A year of the sample organisation (fees, tax and credits on the 1st, SP fees every day): whenever usage
    rose against its 7-day average the summary says so, and when it fell likewise. The oracle reads the exported
    files with DuckDB and keeps what AWS bills as usage (usage line item types, at most a day long)."""
    import duckdb

    from bot.ingest.pipeline import ingest
    from bot.samples.generate import generate

    exports = tmp_path / "exports"
    generate(exports, fmt="cur2-parquet", start=date(2026, 1, 1), months=12, rows_per_month=4000)
    store = load_store(tmp_path, [])
    ingest(str(exports), store, progress=False)
    files = [str(p) for p in exports.rglob("data/**/*.parquet")]  # the bill, not the inventory beside it
    daily = dict(
        duckdb.connect()
        .execute(
            "SELECT CAST(line_item_usage_start_date AS DATE) AS d, SUM(line_item_unblended_cost) FROM read_parquet(?) "
            "WHERE line_item_line_item_type IN ('Usage', 'DiscountedUsage', 'SavingsPlanCoveredUsage', "
            "'SavingsPlanNegation') AND line_item_usage_end_date - line_item_usage_start_date <= INTERVAL 1 DAY "
            "GROUP BY d",
            [files],
        )
        .fetchall()
    )
    wrong = []
    day = date(2026, 1, 8)
    while day <= date(2026, 12, 31):
        usage = daily.get(day, 0.0)
        average = sum(daily.get(day - timedelta(days=i), 0.0) for i in range(1, 8)) / 7
        summary = compute_daily_summary(store, day)
        assert summary.average_7d is not None
        assert summary.usage == pytest.approx(usage, abs=0.01)
        if abs(usage - average) >= 0.01 and (summary.usage > summary.average_7d) != (usage > average):
            wrong.append(day)
        day += timedelta(days=1)
    store.close()
    assert wrong == []
