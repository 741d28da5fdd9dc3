"""Period-charge alerts from a real DuckDB store to the fake Slack Web API: a recurring fee or credit that comes
back as usual says nothing; a new, missing or changed one is its own alert, with the exact text a person reads;
Support judged against usage under its plan's tiers; each posted once; a scoped channel sees only its slice."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from slack_sdk import WebClient

from bot.billing.anomaly_period import PeriodChange, PeriodChangeKind, judge_period_charges, parse_key
from bot.billing.charges import ChargeClass
from bot.billing.pace import ChargeIdentity, PeriodLedger
from bot.billing.periods import add_months
from bot.billing.support_plans import BUSINESS, ENTERPRISE, expected_fee
from bot.delivery import ChannelPacer, Deliverer
from bot.services import Services
from bot.slack.period_alerts import summary
from bot.slack.period_triage import PERIOD_CHOICES, period_alert_key
from bot.state.alerts import get_anomaly_alert
from bot.state.subscriptions import subscribe
from bot.store.registry import open_store
from jobs.anomaly_alerts import RunReport, preview, run_alerts
from tests.jobs.support import FrozenClock, HistorySlack, make_services
from tests.reports import billing_data as data
from tests.store.sources import item

OPS, STAGING_ONLY = "C0OPS", "C0STAGING"
PROD, STAGING = "111111111111", "222222222222"
ARN_KEPT = "arn:aws:rds:us-east-1:111111111111:ri:db-web-kept"
ARN_NEW = "arn:aws:rds:us-east-1:111111111111:ri:db-web-new"
ARN_GONE = "arn:aws:ec2:us-east-1:222222222222:reserved-instances/ri-staging-gone"
MONTHS = [date(2026, m, 1) for m in range(5, 12)]  # May .. November 2026 (today is 2026-11-27)


def _month_line(start: datetime, end: date, cost: str, **fields: object) -> dict[str, object]:
    """A line booked from `start` to `end` (a month-long fee, credit or Support line)."""
    hours = int((datetime.combine(end, datetime.min.time()) - start).total_seconds() // 3600)
    return item(start.date(), cost, hour=start.hour, hours=hours, **fields)


def _ri_fee(month: date, account: str, arn: str, per_month: str, *, start: datetime | None = None) -> dict[str, Any]:
    return _month_line(
        start or datetime.combine(month, datetime.min.time()),
        add_months(month, 1),
        per_month,
        sub_account_id=account,
        service_code="AmazonRDS" if "rds" in arn else "AmazonEC2",
        service_name=data.RDS if "rds" in arn else data.EC2,
        usage_type="USE1-HeavyUsage:db.r6g.large" if "rds" in arn else "USE1-HeavyUsage:t3.medium",
        line_item_type="RIFee",
        charge_category="Purchase",
        reservation_arn=arn,
    )


def _usage_of(account: str, month: date) -> float:
    end = add_months(month, 1)
    return sum(
        float(str(r["billed_cost"]))
        for r in data.ROWS
        if r["sub_account_id"] == account and month.isoformat() <= str(r["charge_period_start"])[:10] < end.isoformat()
    )


def period_rows(*, support_extra: float = 0.0) -> list[dict[str, object]]:
    """Usage of `billing_data`, plus: an RDS reservation's fee every month (ARN_KEPT, 300.00; from October 450.00
    for two reservations), a staging reservation (ARN_GONE) through October only, a new RDS reservation bought on
    November 10 (ARN_NEW, prorated), a 150.00 promotional credit in staging every month, and prod's Business
    Support fee for every closed month (its tiers on prod's charges; `support_extra` added to October's)."""
    out = list(data.ROWS)
    for month in MONTHS:
        out.append(_ri_fee(month, PROD, ARN_KEPT, "450.00" if month >= date(2026, 10, 1) else "300.00"))
        if month < date(2026, 11, 1):
            out.append(_ri_fee(month, STAGING, ARN_GONE, "180.00"))
        out.append(
            _month_line(
                datetime.combine(month, datetime.min.time()),
                add_months(month, 1),
                "-150.00",
                sub_account_id=STAGING,
                service_code="AmazonSageMaker",
                service_name="Amazon SageMaker",
                usage_type="",
                line_item_type="Credit",
                charge_category="Credit",
            )
        )
        if month < date(2026, 11, 1):
            charges = _usage_of(PROD, month) + (450.0 if month >= date(2026, 10, 1) else 300.0)
            fee = BUSINESS.fee(charges) + (support_extra if month == date(2026, 10, 1) else 0.0)
            out.append(
                _month_line(
                    datetime.combine(month, datetime.min.time()),
                    add_months(month, 1),
                    f"{fee:.2f}",
                    sub_account_id=PROD,
                    service_code="AWSSupportBusiness",
                    service_name="AWS Support (Business)",
                    usage_type="Dollar",
                    usage_unit="Dollar",
                    line_item_type="Fee",
                    charge_category="Purchase",
                )
            )
    out.append(_ri_fee(date(2026, 11, 1), PROD, ARN_NEW, "140.00", start=datetime(2026, 11, 10)))
    return out


@dataclass
class Env:
    services: Services
    slack: HistorySlack
    deliverer: Deliverer
    clock: FrozenClock

    def run(self) -> RunReport:
        return run_alerts(self.services, self.deliverer)

    def period_posts(self, channel: str | None = None) -> list[dict[str, Any]]:
        return [p for p in self.slack.posts(channel) if "charge `period:" in str(p["blocks"])]


def _env(tmp_path: Path, slack: HistorySlack, client: WebClient, rows: list[dict[str, object]]) -> Iterator[Env]:
    data.load_store(tmp_path, rows).close()
    store = open_store(f"duckdb://{tmp_path / 'billing'}")
    clock = FrozenClock(data.NOW)
    slack.clock = lambda: clock().timestamp()
    services = make_services(tmp_path, store, clock)
    services.settings = replace(services.settings, ops_channel=OPS)
    try:
        yield Env(services, slack, Deliverer(services.state, client, pacer=ChannelPacer(0), clock=clock), clock)
    finally:
        store.close()
        services.state.dispose()


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("period-template")
    data.load_store(tmp, period_rows()).close()
    return tmp / "billing"


@pytest.fixture
def env(tmp_path: Path, template: Path, slack: HistorySlack, client: WebClient) -> Iterator[Env]:
    shutil.copytree(template, tmp_path / "billing")
    store = open_store(f"duckdb://{tmp_path / 'billing'}")
    clock = FrozenClock(data.NOW)
    slack.clock = lambda: clock().timestamp()
    services = make_services(tmp_path, store, clock)
    services.settings = replace(services.settings, ops_channel=OPS)
    try:
        yield Env(services, slack, Deliverer(services.state, client, pacer=ChannelPacer(0), clock=clock), clock)
    finally:
        store.close()
        services.state.dispose()


def _texts(post: dict[str, Any]) -> list[str]:
    """Each block's text (a context's elements joined by ` | `), the buttons left out (tested on their own)."""
    return [
        b["text"]["text"] if "text" in b else " | ".join(e["text"] for e in b["elements"])
        for b in post["blocks"]
        if b["type"] != "actions"
    ]


def test_new_and_missing_recurring_charges_alert_once_with_their_own_text(env: Env) -> None:
    first = env.run()
    posts = env.period_posts()
    second = env.run()  # a rerun (or a second replica) finds both delivered: nothing posted again
    assert (first.outcomes.get("sent"), second.outcomes.get("skipped"), second.outcomes.get("sent")) == (3, 2, None)
    assert env.period_posts() == posts
    assert [_texts(p) for p in posts] == [
        [
            ":grey_question: Recurring charge missing: Amazon Elastic Compute Cloud",
            "*Amazon Elastic Compute Cloud, USE1-HeavyUsage:t3.medium (recurring fee), account staging "
            f"({STAGING}), commitment {ARN_GONE}*\n"
            "October 2026: $180.00 → November 2026: $0.00\n"
            "It is missing: it came last month and had not come back by November 3 (its usual day plus two days).",
            "Period charges are judged as charges, not as daily spend: a fee or credit that comes back as usual "
            "never alerts. | charge `period:recurring|222222222222|Amazon Elastic Compute Cloud|"
            f"USE1-HeavyUsage:t3.medium|{ARN_GONE}@2026-11:missing`",
        ],
        [
            f":new: New recurring charge: {data.RDS}",
            f"*{data.RDS}, USE1-HeavyUsage:db.r6g.large (recurring fee), account prod ({PROD}), commitment "
            f"{ARN_NEW}*\n"
            "October 2026: $0.00 → November 2026: $140.00 so far\n"
            "It is new: neither of the two months before held it, and it will recur.",
            "Period charges are judged as charges, not as daily spend: a fee or credit that comes back as usual "
            f"never alerts. | charge `period:recurring|{PROD}|{data.RDS}|USE1-HeavyUsage:db.r6g.large|{ARN_NEW}"
            "@2026-11:new`",
        ],
    ]
    assert [p["text"] for p in posts] == [
        "Amazon Elastic Compute Cloud fee of $180.00 has not come back in November 2026",
        f"new recurring charge: {data.RDS} fee, $140.00 in November 2026",
    ]
    assert {p["channel"] for p in posts} == {OPS}
    # Each carries triage buttons whose value is the alert recorded with where it was posted.
    for post in posts:
        (buttons,) = [b for b in post["blocks"] if b["type"] == "actions"]
        keys = {e["value"] for e in buttons["elements"]}
        assert [e["action_id"] for e in buttons["elements"]] == [c.action_id for c in PERIOD_CHOICES]
        (key,) = keys
        alert = get_anomaly_alert(env.services.state, key)
        assert alert is not None and (alert.channel_id, alert.message_ts, alert.status) == (OPS, post["ts"], "open")


def test_fees_and_credits_that_come_back_and_support_that_follows_usage_say_nothing(env: Env) -> None:
    env.run()
    said = " ".join(p["text"] for p in env.period_posts())
    # The kept reservation (its fee rose with a second reservation in October: its second whole month since is
    # November, same amount), the staging credit and prod's Support fee (which rose with prod's charges).
    assert ARN_KEPT not in str(env.period_posts())
    assert "SageMaker" not in said and "Support" not in said


def test_a_scoped_channel_sees_only_its_slice(env: Env) -> None:
    subscribe(env.services.state, channel_id=STAGING_ONLY, kind="anomalies", filters="account staging", created_by="U0")
    env.run()
    scoped = env.period_posts(STAGING_ONLY)
    assert [p["text"] for p in scoped] == [
        "Amazon Elastic Compute Cloud fee of $180.00 has not come back in November 2026"
    ]
    assert "scope: account staging" in str(scoped[0]["blocks"])


def test_a_support_fee_beyond_what_usage_explains_alerts(
    tmp_path: Path, slack: HistorySlack, client: WebClient
) -> None:
    for env in _env(tmp_path, slack, client, period_rows(support_extra=400.0)):
        env.run()
        support = [p for p in env.period_posts() if "Support" in p["text"]]
        assert len(support) == 1
        texts = _texts(support[0])
        october = _usage_of(PROD, date(2026, 10, 1)) + 450.0
        september = _usage_of(PROD, date(2026, 9, 1)) + 300.0
        fee_sep, fee_oct = BUSINESS.fee(september), BUSINESS.fee(october)
        assert texts[0] == ":arrows_counterclockwise: Recurring charge changed: AWS Support (Business)"
        assert texts[1] == (
            f"*AWS Support (Business), Dollar (recurring fee), account prod ({PROD})*\n"
            f"September 2026: ${fee_sep:,.2f} → October 2026: ${fee_oct + 400:,.2f}\n"
            f"It changed beyond usage: the account's charges went from ${september:,.2f} to ${october:,.2f}, which "
            f"under the Business plan's tiers explain a fee of ${fee_oct:,.2f}; +$400.00 (+{400 / fee_oct * 100:.1f}%)"
            " is beyond that."
        )
        assert support[0]["text"] == (
            f"AWS Support (Business) fee rose from ${fee_sep:,.2f} to ${fee_oct + 400:,.2f} in October 2026 "
            f"(usage explains ${fee_oct:,.2f})"
        )


# ------------------------------------------------------------------------------------- the judge alone


def _ledger(charges: dict[ChargeIdentity, dict[date, float]], base: dict[tuple[str, date], float]) -> PeriodLedger:
    return PeriodLedger(charges, base)


SUPPORT = ChargeIdentity(ChargeClass.ONE_TIME, PROD, "AWS Support (Enterprise)", "Dollar")


def test_support_rising_with_usage_under_enterprise_tiers_is_expected() -> None:
    base = {(PROD, date(2026, 9, 1)): 120_000.0, (PROD, date(2026, 10, 1)): 400_000.0}
    fees = {date(2026, 9, 1): ENTERPRISE.fee(120_000.0), date(2026, 10, 1): ENTERPRISE.fee(400_000.0)}
    # The minimum (15,000) applies in September; 10% / 7% tiers in October: far from proportional to charges.
    assert (fees[date(2026, 9, 1)], fees[date(2026, 10, 1)]) == (15_000.0, 32_500.0)
    found = judge_period_charges(
        _ledger({SUPPORT: fees}, base), cutoff=date(2026, 11, 5), first_day=date(2026, 8, 1), minimum=100.0
    )
    assert found == []
    # A plain share of charges would have expected 50,000: the tiers are what make it expected.
    assert expected_fee(None, 15_000.0, 120_000.0, 400_000.0) == pytest.approx(50_000.0)


def test_missing_waits_for_the_usual_day_plus_grace_and_a_new_charge_needs_two_empty_months() -> None:
    fee = ChargeIdentity(ChargeClass.RECURRING, PROD, data.RDS, "USE1-HeavyUsage:db.r6g.large", "arn:x")
    ledger = _ledger({fee: {date(2026, 9, 1): 300.0, date(2026, 10, 1): 300.0}}, {})

    def kinds(cutoff: date) -> list[PeriodChangeKind]:
        return [c.kind for c in judge_period_charges(ledger, cutoff=cutoff, first_day=date(2026, 8, 1), minimum=100)]

    assert kinds(date(2026, 11, 3)) == []  # data through Nov 2: the delivery may not be complete yet
    assert kinds(date(2026, 11, 4)) == [PeriodChangeKind.MISSING]
    # The first month of data: nothing is new (the month before is unknown).
    assert judge_period_charges(ledger, cutoff=date(2026, 9, 20), first_day=date(2026, 9, 1), minimum=100) == []
    # Back after a month's gap: neither new nor missing.
    gap = _ledger({fee: {date(2026, 9, 1): 300.0, date(2026, 11, 1): 300.0}}, {})
    assert judge_period_charges(gap, cutoff=date(2026, 11, 20), first_day=date(2026, 8, 1), minimum=100) == []


def test_an_hourly_priced_fee_follows_the_length_of_the_month() -> None:
    fee = ChargeIdentity(ChargeClass.RECURRING, PROD, data.RDS, "USE1-HeavyUsage:db.r6g.large", "arn:x")
    per_hour = 1_000.0 / 24
    months = {date(2027, 1, 1): 31 * 24 * per_hour, date(2027, 2, 1): 28 * 24 * per_hour}
    assert (
        judge_period_charges(
            _ledger({fee: {**months, date(2027, 3, 1): 31 * 24 * per_hour}}, {}),
            cutoff=date(2027, 3, 5),
            first_day=date(2026, 12, 1),
            minimum=100,
        )
        == []
    )
    (changed,) = judge_period_charges(
        _ledger({fee: {**months, date(2027, 3, 1): 2 * 31 * 24 * per_hour}}, {}),
        cutoff=date(2027, 3, 5),
        first_day=date(2026, 12, 1),
        minimum=100,
    )
    assert (changed.kind, round(changed.expected or 0, 2), round(changed.impact, 2)) == (
        PeriodChangeKind.CHANGED,
        31_000.0,
        31_000.0,
    )


def test_preview_shows_the_period_charge_alerts_with_their_channels(env: Env) -> None:
    whole = [(name, msg.text) for name, msg, _ in preview(env.services) if name.startswith("charge-")]
    assert whole == [
        ("charge-01-to-C0OPS", "Amazon Elastic Compute Cloud fee of $180.00 has not come back in November 2026"),
        ("charge-02-to-C0OPS", f"new recurring charge: {data.RDS} fee, $140.00 in November 2026"),
    ]
    # A filtered scope goes to its subscribers only (none yet) and sees only its slice.
    scoped = [(name, msg.text) for name, msg, _ in preview(env.services, "account staging") if "charge-" in name]
    assert scoped == [
        ("charge-01-to-unrouted", "Amazon Elastic Compute Cloud fee of $180.00 has not come back in November 2026")
    ]
    assert env.slack.posts() == []  # a preview posts nothing


def test_a_support_plan_switch_is_one_alert_not_a_new_charge_and_a_missing_one(
    tmp_path: Path, slack: HistorySlack, client: WebClient
) -> None:
    """Prod moved from Business to Enterprise On-Ramp in October: October's Support fee is On-Ramp's minimum."""
    on_ramp = {
        "service_code": "AWSEnterpriseOnRamp",
        "service_name": "AWS Support (Enterprise On-Ramp)",
        "billed_cost": "5500.00",
    }
    rows = [
        {**row, **on_ramp}
        if row["service_name"] == "AWS Support (Business)" and str(row["charge_period_start"]).startswith("2026-10")
        else row
        for row in period_rows()
    ]
    september = BUSINESS.fee(_usage_of(PROD, date(2026, 9, 1)) + 300.0)
    for env in _env(tmp_path, slack, client, rows):
        env.run()
        support = [p for p in env.period_posts() if "Support" in p["text"]]
        assert [p["text"] for p in support] == [
            f"AWS Support plan changed from Business to Enterprise On-Ramp: ${september:,.2f} → $5,500.00 a month"
        ]
        assert _texts(support[0])[:2] == [
            ":arrows_counterclockwise: AWS Support plan changed: Business → Enterprise On-Ramp",
            f"*AWS Support (Enterprise On-Ramp), Dollar (recurring fee), account prod ({PROD})*\n"
            f"September 2026: ${september:,.2f} → October 2026: $5,500.00\n"
            "The account moved from Business to Enterprise On-Ramp: one alert for the switch, not the new plan as "
            "a new charge and the old one as missing.",
        ]


def test_a_switch_within_a_month_is_told_once_and_its_tail_says_nothing() -> None:
    business = ChargeIdentity(ChargeClass.RECURRING, PROD, "AWS Support (Business)", "Dollar")
    on_ramp = ChargeIdentity(ChargeClass.RECURRING, PROD, "AWS Support (Enterprise On-Ramp)", "Dollar")
    fees = {
        business: {date(2026, 8, 1): 1_000.0, date(2026, 9, 1): 1_000.0, date(2026, 10, 1): 500.0},
        on_ramp: {date(2026, 10, 1): 2_750.0, date(2026, 11, 1): 5_500.0},
    }
    base = {(PROD, date(2026, m, 1)): 10_000.0 for m in (8, 9, 10, 11)}

    def judged(cutoff: date) -> list[str]:
        found = judge_period_charges(_ledger(fees, base), cutoff=cutoff, first_day=date(2026, 7, 1), minimum=100)
        return [summary(c) for c in found]

    assert judged(date(2026, 11, 5)) == [
        "AWS Support plan changed from Business to Enterprise On-Ramp: $1,000.00 → $3,250.00 in October 2026, both "
        "plans billed part of it"
    ]
    assert judged(date(2026, 12, 5)) == []  # November: Business's last part gone, On-Ramp's first whole month


def test_a_period_alert_key_reads_back_and_fits_app_state() -> None:
    odd = ChargeIdentity(ChargeClass.RECURRING, PROD, "Marketplace @ vendor: a|b", "Usage:x", ARN_NEW)
    change = PeriodChange(PeriodChangeKind.CHANGED, odd, date(2026, 11, 1), 100.0, 300.0, expected=100.0)
    parsed = parse_key(change.key)
    assert parsed is not None and (parsed.charge_key, parsed.account, parsed.kind) == (
        change.charge_key,
        PROD,
        PeriodChangeKind.CHANGED,
    )
    assert parse_key("service=Amazon EC2@2026-11-24T00:00:00+00:00") is None  # a spend alert's key
    long_key = period_alert_key(f"[abcdef12]{change.key}" + "x" * 300, "C0OPS")
    assert len(long_key) <= 255 and long_key.startswith("period@") and long_key.endswith("#C0OPS")
