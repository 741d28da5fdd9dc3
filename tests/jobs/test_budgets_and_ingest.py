"""Budget pace alerts (once per threshold per month) and the ingest job (runs recorded, failures to ops, anomaly
and budget jobs triggered by new data) through the scheduler's job context and the fake Slack."""

from __future__ import annotations

import csv
import shutil
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from slack_sdk import WebClient

import jobs
from bot.billing.store import BillingStore
from bot.billing.vocabulary import Vocabulary
from bot.delivery import ChannelPacer
from bot.errors import CorruptFile
from bot.ingest.pipeline import IngestReport
from bot.scheduler import JobScheduler
from bot.services import Services
from bot.state.budgets import set_budget
from bot.state.deliveries import channel_failures
from bot.state.ingest_runs import last_ingest_runs
from bot.state.subscriptions import subscribe
from jobs import budgets, ingest
from jobs.budgets import compute_budget_pace
from tests.jobs.support import ROWS, FrozenClock, HistorySlack, load_store, make_services, range_total
from tests.store.sources import item
from tests.support.shared_data import FINOPS_AWS_SAMPLE_DIR

PROD = "111111111111"
NOV = date(2026, 11, 1)
FINOPS_CSV = FINOPS_AWS_SAMPLE_DIR / "sample-anonymous-aws-export-dataset.csv"


def usd(x: Decimal) -> str:
    return f"${x.quantize(Decimal('0.01'), ROUND_HALF_UP):,.2f}"


def _scheduler(services: Services, client: WebClient) -> JobScheduler:
    scheduler = JobScheduler(services, client, manual=True, pacer=ChannelPacer(0))
    jobs.schedule_all(scheduler, services)
    scheduler.start()
    return scheduler


@pytest.fixture
def env(tmp_path: Path, billing: BillingStore) -> Iterator[tuple[Services, FrozenClock]]:
    clock = FrozenClock(datetime(2026, 11, 30, 10, tzinfo=UTC))
    services = make_services(tmp_path, billing, clock)
    yield services, clock
    services.state.dispose()


def test_thresholds_post_once_per_month_and_a_jump_posts_only_the_highest(
    env: tuple[Services, FrozenClock], client: WebClient, slack: HistorySlack
) -> None:
    services, clock = env
    november = range_total(NOV, date(2026, 12, 1), sub_account_id=PROD)  # the store holds all of November
    # A budget the month has used 95% of: one alert for 90%, 50% and 75% are covered by it.
    amount = (november / Decimal("0.95")).quantize(Decimal("0.01"))
    set_budget(services.state, name="prod", amount=amount, filters="account=prod", channel_id="C0FIN", created_by="U1")
    subscribe(services.state, channel_id="C0MGMT", kind="budgets", created_by="U1")
    scheduler = _scheduler(services, client)
    scheduler.run_job(budgets.JOB_ID)
    scheduler.run_job(budgets.JOB_ID)  # again: nothing new
    posts = slack.posts()
    assert [(p["channel"], p["text"]) for p in posts] == [
        (channel, f"Budget prod: 90% reached: {usd(november)} of {usd(amount)} (95.0%) month to date")
        for channel in ("C0FIN", "C0MGMT")
    ]
    assert posts[0]["blocks"][1]["text"]["text"].startswith(
        f":warning: Month-to-date spend passed 90% of the {usd(amount)} budget for November 2026.\n"
        f"*Month to date*: {usd(november)} of {usd(amount)} (95.0%)"
    )

    # The budget is lowered below the spend: the 100% alert, once.
    set_budget(
        services.state, name="prod", amount=november - 1, filters="account=prod", channel_id="C0FIN", created_by="U1"
    )
    scheduler.run_job(budgets.JOB_ID)
    scheduler.run_job(budgets.JOB_ID)
    assert [p["text"].split(":")[1] for p in slack.posts()[2:]] == [" 100% reached", " 100% reached"]

    # December is a new month: its thresholds alert again.
    clock.set(datetime(2026, 12, 31, 10, tzinfo=UTC))
    scheduler.run_job(budgets.JOB_ID)
    december = range_total(date(2026, 12, 1), date(2027, 1, 1), sub_account_id=PROD)
    assert december > november  # so every threshold is crossed again
    assert [p["text"].split(" of ")[0] for p in slack.posts()[4:]] == [
        f"Budget prod: 100% reached: {usd(december)}",
        f"Budget prod: 100% reached: {usd(december)}",
    ]
    scheduler.shutdown()


def test_forecast_above_budget_alerts_before_the_spend_does(
    tmp_path: Path, client: WebClient, slack: HistorySlack
) -> None:
    # Data up to 2026-11-15 only: half the month spent, the forecast says the rest will come.
    store = load_store(tmp_path, [r for r in ROWS if str(r["charge_period_start"])[:10] <= "2026-11-15"])
    clock = FrozenClock(datetime(2026, 11, 16, 10, tzinfo=UTC))
    services = make_services(tmp_path, store, clock)
    spent = range_total(NOV, date(2026, 11, 16), sub_account_id=PROD)
    set_budget(
        services.state,
        name="prod",
        amount=spent * Decimal("1.6"),
        filters="account=prod",
        channel_id="C0FIN",
        created_by="U1",
    )
    pace = compute_budget_pace(store, _budget(services), NOV, _filters(services), today=date(2026, 11, 16))
    assert pace.crossed == (50,) and pace.forecast_over
    scheduler = _scheduler(services, client)
    scheduler.run_job(budgets.JOB_ID)
    scheduler.run_job(budgets.JOB_ID)
    # The 50% alert carries the forecast; the forecast alert is recorded as covered by it.
    assert [p["text"].split(":")[0] for p in slack.posts()] == ["Budget prod"]
    text = slack.posts()[0]["blocks"][1]["text"]["text"]
    assert "over budget, 15 day(s) left" in text
    scheduler.shutdown()
    services.state.dispose()
    store.close()


def _organisation_with_fees_on_the_1st() -> list[dict[str, object]]:
    """About $12,000 a month: $286 of usage a day on weekdays and $200 at weekends, plus $3,400 of fees, tax and a
    credit booked on the 1st as month-long lines (as AWS books them), August to December 4th, 2026."""
    rows: list[dict[str, object]] = []
    day = date(2026, 8, 1)
    while day < date(2026, 12, 5):
        rows.append(item(day, "200.00" if day.weekday() >= 5 else "286.00", hours=24, sub_account_id=PROD))
        if day.day == 1:
            hours = ((day.replace(day=28) + timedelta(days=4)).replace(day=1) - day).days * 24
            for cost, line_type, service, extra in (
                ("1800.00", "RIFee", "Amazon Elastic Compute Cloud", {"usage_type": "HeavyUsage:m5.xlarge"}),
                ("900.00", "Usage", "AWS Support (Business)", {"usage_type": "Dollar"}),
                ("800.00", "Tax", "Tax", {"charge_category": "Tax", "usage_type": ""}),
                ("-100.00", "Credit", "Amazon SageMaker", {"charge_category": "Credit"}),
            ):
                rows.append(
                    item(
                        day,
                        cost,
                        hours=hours,
                        line_item_type=line_type,
                        service_name=service,
                        sub_account_id=PROD,
                        **extra,
                    )
                )
        day += timedelta(days=1)
    return rows


def test_a_budget_well_above_the_month_does_not_fire_on_the_5th(
    tmp_path: Path, client: WebClient, slack: HistorySlack
) -> None:
    """The fees of the 1st are not daily spend: a $20,000 budget on a $12,000 month stays quiet on the 5th."""
    store = load_store(tmp_path, _organisation_with_fees_on_the_1st())
    clock = FrozenClock(datetime(2026, 12, 5, 10, tzinfo=UTC))
    services = make_services(tmp_path, store, clock)
    set_budget(services.state, name="all", amount=Decimal(20000), filters="", channel_id="C0FIN", created_by="U1")
    pace = compute_budget_pace(store, _budget(services, "all"), date(2026, 12, 1), today=date(2026, 12, 5))
    december = 22 * 286 + 9 * 200 + 3400  # 22 weekdays, 9 weekend days
    assert pace.forecast is not None and pace.forecast.expected == pytest.approx(december, rel=0.02)
    assert pace.forecast.days_elapsed == 4 and pace.forecast.low < pace.forecast.expected < pace.forecast.high
    assert not pace.forecast_over and pace.crossed == ()
    scheduler = _scheduler(services, client)
    scheduler.run_job(budgets.JOB_ID)
    assert slack.posts() == []
    scheduler.shutdown()
    services.state.dispose()
    store.close()


def _budget(services: Services, name: str = "prod"):  # type: ignore[no-untyped-def]
    from bot.state.budgets import get_budget

    return get_budget(services.state, name)


def _filters(services: Services):  # type: ignore[no-untyped-def]
    from bot.billing.grammar import parse_query

    return parse_query("account=prod", today=NOV, vocabulary=services.vocabulary.get()).filters


def test_ingest_job_loads_records_and_triggers_anomalies_and_budgets(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, client: WebClient, slack: HistorySlack
) -> None:
    source = tmp_path / "exports"
    source.mkdir()
    shutil.copy(FINOPS_CSV, source / FINOPS_CSV.name)
    from bot.store.registry import open_store

    store = open_store(f"duckdb://{tmp_path / 'billing'}")
    clock = FrozenClock(datetime(2026, 11, 27, 10, 0, 30, tzinfo=UTC))
    services = make_services(tmp_path, store, clock, sources=(str(source),), ops_channel="C0OPS")
    scheduler = _scheduler(services, client)
    triggered: list[str] = []
    scheduler.add_job(ingest.ANOMALY_JOB_ID, lambda ctx: triggered.append("anomalies"), jobs.DUE_CHECK)
    assert scheduler.aps.get_job(ingest.ANOMALY_JOB_ID).next_run_time > clock()

    assert services.vocabulary.get().services == {}  # empty store: nothing to name yet
    outcomes = ingest.run(scheduler.context)
    assert [(o.run.status, o.loaded) for o in outcomes] == [("ok", 1)]
    # The job rebuilt the vocabulary: the next question's ack reads it without building anything.
    with monkeypatch.context() as patch:
        patch.setattr(Vocabulary, "from_store", None)
        assert services.vocabulary.get().services  # the export's services, already there
    with open(FINOPS_CSV, newline="") as fh:
        expected = sum((Decimal(r["lineItem/UnblendedCost"] or "0") for r in csv.DictReader(fh)), Decimal(0))
    assert Decimal(store.periods()[0].billed_total).quantize(Decimal("0.000001")) == expected.quantize(
        Decimal("0.000001")
    )
    # New data: the anomaly and budget jobs are due now, and run at the next wake-up.
    for job_id in (ingest.ANOMALY_JOB_ID, budgets.JOB_ID):
        assert scheduler.aps.get_job(job_id).next_run_time == clock()
    scheduler.run_pending()
    assert triggered == ["anomalies"]

    # The same delivery again: skipped, nothing triggered, no ops post.
    clock.advance(timedelta(minutes=30))
    before = scheduler.aps.get_job(ingest.ANOMALY_JOB_ID).next_run_time
    assert [(o.run.status, o.loaded) for o in ingest.run(scheduler.context)] == [("ok", 0)]
    assert scheduler.aps.get_job(ingest.ANOMALY_JOB_ID).next_run_time == before
    assert slack.posts() == []
    scheduler.shutdown()
    services.state.dispose()
    store.close()


def test_ingest_failure_is_recorded_and_posted_to_ops_once(
    tmp_path: Path, billing: BillingStore, client: WebClient, slack: HistorySlack
) -> None:
    clock = FrozenClock(datetime(2026, 11, 27, 10, tzinfo=UTC))
    services = make_services(tmp_path, billing, clock, sources=("s3://bucket/cur", "/data/local"), ops_channel="C0OPS")
    scheduler = _scheduler(services, client)

    def ingester(uri: str) -> IngestReport:
        if uri.startswith("s3://"):
            raise CorruptFile("cur-00001.csv.gz is truncated (gzip ended early).")
        return IngestReport(uri, (), 0.1)

    outcomes = ingest.run(scheduler.context, ingester)
    assert [o.run.status for o in outcomes] == ["failed", "ok"]
    runs = last_ingest_runs(services.state)
    assert [(r.source_uri, r.status) for r in runs] == [("/data/local", "ok"), ("s3://bucket/cur", "failed")]
    assert runs[1].message == "cur-00001.csv.gz is truncated (gzip ended early)."
    assert [(p["channel"], p["text"]) for p in slack.posts()] == [
        ("C0OPS", "Billing ingestion failing: s3://bucket/cur: cur-00001.csv.gz is truncated (gzip ended early).")
    ]
    # Failing again, even with another error: the same incident, not posted again.
    clock.advance(timedelta(minutes=30))

    def other(uri: str) -> IngestReport:
        if uri.startswith("s3://"):
            raise CorruptFile("cur-00002.csv.gz is truncated.")
        return IngestReport(uri, (), 0.1)

    assert [o.run.status for o in ingest.run(scheduler.context, other)] == ["failed", "ok"]
    assert len(slack.posts()) == 1
    # It works again: the recovery is told once; then a new failure while the ops channel is archived: the
    # failure of the post is recorded per channel and the job carries on.
    clock.advance(timedelta(minutes=30))
    ingest.run(scheduler.context, lambda uri: IngestReport(uri, (), 0.1))
    assert (
        slack.posts()[-1]["text"] == "Recovered: s3://bucket/cur ingests again (last run ok at 2026-11-27 11:00 UTC)."
    )
    slack.broken["C0OPS"] = "is_archived"
    clock.advance(timedelta(minutes=30))
    assert [o.run.status for o in ingest.run(scheduler.context, other)] == ["failed", "ok"]
    assert [(f.channel_id, f.last_error) for f in channel_failures(services.state)] == [("C0OPS", "is_archived")]
    assert len(slack.posts()) == 2
    scheduler.shutdown()
