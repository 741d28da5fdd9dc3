"""Daily summary: the rendered message as a dict, every number computed independently from the rows (Decimal)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from bot.billing.model import Dimension, DimensionRef, Filter
from bot.billing.store import BillingStore
from jobs.daily_summary import build_daily_summary, compute_daily_summary
from tests.jobs.support import SERVICES, day_total, range_total

DAY = date(2026, 11, 25)  # a Wednesday; EC2 in prod jumped by $40/day from the 20th


def usd(x: Decimal) -> str:
    cents = x.quantize(Decimal("0.01"), ROUND_HALF_UP)
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
    previous_mtd = range_total(date(2026, 10, 1), date(2026, 10, 26))
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
    assert f.low <= f.expected <= f.high

    msg = build_daily_summary(billing, DAY).as_kwargs()

    def mover(arrow: str, m: tuple[str, Decimal, Decimal]) -> str:
        return f"{arrow} {m[0]}: {usd(m[1])} vs {usd(m[2])} avg ({signed(m[1] - m[2])})"

    expected_forecast = usd(Decimal(repr(f.expected)))
    movers_text = "*Top movers* (vs their 7-day average)\n" + "\n".join(
        [mover(":arrow_up:", m) for m in up] + [mover(":arrow_down:", m) for m in down]
    )
    forecast = f"{usd(Decimal(repr(f.expected)))} ({usd(Decimal(repr(f.low)))} – {usd(Decimal(repr(f.high)))})"

    assert [m[0] for m in up] == ["Amazon Elastic Compute Cloud"]
    expected = {
        "text": f"Daily spend Wed 2026-11-25 · all accounts: {usd(spend)} ({signed(spend - average)} "
        f"({pct(spend, average)}) vs 7-day average); month to date {usd(mtd)}, forecast {expected_forecast}",
        "blocks": [
            {
                "type": "header",
                "text": {"type": "plain_text", "text": "Daily spend Wed 2026-11-25 · all accounts", "emoji": True},
            },
            {
                "type": "section",
                "fields": [
                    {"type": "mrkdwn", "text": f"*Spend*\n{usd(spend)}"},
                    {
                        "type": "mrkdwn",
                        "text": f"*vs 7-day average* ({usd(average)})\n{signed(spend - average)} "
                        f"({pct(spend, average)})",
                    },
                    {
                        "type": "mrkdwn",
                        "text": f"*vs Wed 11-18* ({usd(same_weekday)})\n{signed(spend - same_weekday)} "
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
    assert round(Decimal(repr(summary.spend)), 6) == day_total(DAY, **where)
    assert round(Decimal(repr(summary.same_weekday)), 6) == day_total(DAY - timedelta(days=7), **where)
    assert round(Decimal(repr(summary.month_to_date)), 6) == range_total(
        date(2026, 11, 1), DAY + timedelta(days=1), **where
    )
    assert [m.service for m in summary.movers_up] == ["Amazon Elastic Compute Cloud"]
    assert "account=prod" in build_daily_summary(billing, DAY, prod, filters_text="account=prod").text


def test_a_day_without_data_says_so(billing: BillingStore) -> None:
    summary = compute_daily_summary(billing, date(2027, 3, 2))
    assert (summary.spend, summary.forecast, summary.complete) == (0.0, None, False)
    context = build_daily_summary(billing, date(2027, 3, 2)).blocks[-1]["elements"][0]["text"]
    assert "partial day (data still arriving)" in context and "no data for this period" in context
