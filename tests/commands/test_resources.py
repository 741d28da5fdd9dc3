"""`/trackit resources | idle | rightsizing | commitments` and `/top-resources` utilisation, end to end: signed
requests to the Bolt app, a stored inventory snapshot whose resources carry the data set's resource ids, costs
from the DuckDB store checked against Decimal sums of the raw rows, and the asker's scope."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest

from bot.aws.metrics import MetricsResult
from bot.billing.inventory import CollectionError, Inventory, Resource, ResourceKind, ResourceMetrics
from bot.state.inventory import save_snapshot
from tests.commands.conftest import ADMIN, ROWS, Bot, expected_sum, in_range
from tests.commands.test_cost import usd
from tests.support.fake_slack import blocks_text

PROD, STAGING, LAB = "111111111111", "222222222222", "333333333333"
LAST_30 = in_range("2026-10-28", "2026-11-27")  # "last 30 days" on 2026-11-27
DAYS = tuple(date(2026, 11, 27) - timedelta(days=30 - n) for n in range(30))
MB = 1024 * 1024
RI_PROD = f"arn:aws:ec2:us-east-1:{PROD}:reserved-instances/ri-prod"
SP_LAB = f"arn:aws:savingsplans::{LAB}:savingsplan/sp-lab"


def _ec2(account: str, rid: str, arn: str, name: str) -> Resource:
    return Resource(account, "us-east-1", ResourceKind.EC2, rid, arn, name=name, type="m5.xlarge", state="running")


PROD_EC2 = _ec2(PROD, "i-prod", "arn:aws:amazonec2:r-111-0", "web-prod")
STAGING_EC2 = _ec2(STAGING, "i-staging", "arn:aws:amazonec2:r-222-0", "web-staging")
LAB_EC2 = _ec2(LAB, "i-lab", "arn:aws:amazonec2:r-333-0", "lab")
SILENT_EC2 = _ec2(PROD, "i-silent", "arn:aws:ec2:us-east-1:111111111111:instance/i-silent", "silent")
PROD_RDS = Resource(
    PROD,
    "us-east-1",
    ResourceKind.RDS,
    "db-prod",
    "arn:aws:amazonrds:r-111-2",
    name="db-prod",
    type="db.m5.xlarge",
    size="100",
    state="available",
)
STAGING_VOL = Resource(
    STAGING,
    "us-east-1",
    ResourceKind.EBS,
    "vol-1",
    "arn:vol-1",
    type="gp3",
    size="500",
    state="available",
    attached=False,
)


def _series(*values: float | None) -> tuple[tuple[date, float | None], ...]:
    return tuple(zip(DAYS, (values * 30)[:30], strict=True))


def _metrics() -> MetricsResult:
    idle = {"cpu_avg": _series(2.0), "cpu_max": _series(5.0), "network_in": _series(MB), "network_out": _series(MB)}
    busy = {
        "cpu_avg": _series(50.0),
        "cpu_max": _series(90.0),
        "network_in": _series(900 * MB),
        "network_out": _series(100 * MB),
    }
    silent = {"cpu_avg": _series(None), "cpu_max": _series(None)}
    rds = {"cpu_avg": _series(4.0, 6.0), "cpu_max": _series(20.0), "free_storage": _series(50.0 * 1024 * MB)}
    return MetricsResult(
        {
            PROD_EC2.key: ResourceMetrics(PROD_EC2, idle),
            STAGING_EC2.key: ResourceMetrics(STAGING_EC2, busy),
            SILENT_EC2.key: ResourceMetrics(SILENT_EC2, silent),
            PROD_RDS.key: ResourceMetrics(PROD_RDS, rds),
        },
        DAYS,
    )


@pytest.fixture(scope="module")
def inventory_bot(bot: Bot) -> Bot:
    resources = (PROD_EC2, SILENT_EC2, PROD_RDS, STAGING_EC2, STAGING_VOL, LAB_EC2)
    denied = CollectionError(LAB, "eu-west-1", "rds:rds", "AccessDenied", "not authorized to DescribeDBInstances")
    inventory = Inventory(resources, (denied,), {"ec2": 12}, {}, datetime(2026, 11, 27, 5, 4, tzinfo=UTC), {})
    ends = {RI_PROD: date(2026, 12, 20), SP_LAB: date(2026, 12, 2)}
    save_snapshot(bot.state, date(2026, 11, 27), inventory, _metrics(), commitment_ends=ends)
    return bot


@pytest.fixture
def ibot(inventory_bot: Bot, clean_bot: Bot) -> Bot:
    return clean_bot


def cost(arn: str) -> str:
    return usd(expected_sum(ROWS, charge_period_start=LAST_30, resource_id=arn))


def test_resources_ec2_lists_cost_utilisation_and_idle_flag(ibot: Bot) -> None:
    answer = ibot.ask("/trackit", "resources ec2", user=ADMIN)
    text = blocks_text(answer["blocks"])
    # Most expensive first: the data set charges account n (1, 2, 3) 10 x n a day for EC2.
    assert (
        f"1. *{cost(LAB_EC2.arn)}* `i-lab` lab · m5.xlarge · running · secret-lab ({LAB}) · us-east-1\n"
        "      utilisation unknown\n"
    ) in text
    assert (
        f"2. *{cost(STAGING_EC2.arn)}* `i-staging` web-staging · m5.xlarge · running · staging ({STAGING}) · "
        "us-east-1\n      CPU 50.0% avg · 90.0% peak (14 d) · net 1000.0 MB/day\n"
    ) in text
    assert (
        f"3. *{cost(PROD_EC2.arn)}* `i-prod` web-prod · m5.xlarge · running · prod ({PROD}) · us-east-1\n"
        "      CPU 2.0% avg · 5.0% peak (14 d) · net 2.0 MB/day · :zzz: *idle*"
    ) in text
    # No metrics at all: unknown, never idle.
    assert "4. *no cost* `i-silent` silent · m5.xlarge · running · prod (111111111111) · us-east-1\n" in text
    assert text.count(":zzz:") == 1
    total = sum(
        expected_sum(ROWS, charge_period_start=LAST_30, resource_id=r.arn) for r in (PROD_EC2, STAGING_EC2, LAB_EC2)
    )
    assert f"last 30 days (2026-10-28 – 2026-11-26) · unblended · total {usd(total)} · 1 idle" in text
    assert "inventory of 2026-11-27 (collected 05:04 UTC), 1 part(s) could not be collected" in text
    assert answer["text"] == f"EC2 instances (4): {usd(total)} last 30 days, 1 idle"


def test_idle_sorted_by_monthly_saving_with_rules_and_unknowns(ibot: Bot) -> None:
    answer = ibot.ask("/trackit", "idle", user=ADMIN)
    text = blocks_text(answer["blocks"])
    rds, ec2 = cost(PROD_RDS.arn), cost(PROD_EC2.arn)  # 30 days of cost = the monthly cost
    saving = expected_sum(ROWS, charge_period_start=LAST_30, resource_id=PROD_RDS.arn) + expected_sum(
        ROWS, charge_period_start=LAST_30, resource_id=PROD_EC2.arn
    )
    assert answer["text"] == f"Idle and unused resources: 3, {usd(saving)}/month to save."
    lines = [line for line in text.splitlines() if line[:3] in ("1. ", "2. ", "3. ")]
    assert lines == [
        f"1. *{rds}/month* rds `db-prod` · db.m5.xlarge · available · prod ({PROD}) · us-east-1",
        f"2. *{ec2}/month* ec2 `i-prod` web-prod · m5.xlarge · running · prod ({PROD}) · us-east-1",
        f"3. *no cost found* ebs `vol-1` · gp3 · 500 GiB · available · staging ({STAGING}) · us-east-1",
    ]
    assert "trackit-cpu: CPU average 5.0% and peak 20.0% over 14 days" in text
    assert (
        "trackit-cpu, trusted-advisor: CPU average 2.0% and peak 5.0% over 14 days; "
        "CPU &lt;= 10% and network &lt;= 5 MB on 14 of the last 14 days"  # mrkdwn-escaped
    ) in text
    assert "unattached-volume: 500 GiB gp3 volume attached to nothing" in text
    # i-lab has no metrics and i-silent only empty series: unknown, not idle.
    assert "2 running resource(s) have too little CloudWatch data to judge: unknown, not idle" in text


def test_a_scoped_user_sees_only_their_accounts_resources(ibot: Bot) -> None:
    ibot.ask("/trackit", f"access grant <@U0BOB|bob> {STAGING}", user=ADMIN)
    shown = ""
    for text in ("resources ec2", "resources ebs", "idle", "rightsizing", "commitments"):
        shown += json.dumps(ibot.ask("/trackit", text, user="U0BOB"))
    assert "i-staging" in shown and "vol-1" in shown
    for hidden in (PROD, LAB, "i-prod", "i-lab", "db-prod", "secret-lab", "ri-prod", "sp-lab", "r-111", "r-333"):
        assert hidden not in shown
    top = ibot.ask("/top-resources", "10 last 30 days", user="U0BOB")
    assert "r-111" not in json.dumps(top) and "r-333" not in json.dumps(top)
    outside = json.loads(ibot.command("/trackit", "resources ec2 account=prod", user="U0BOB").body)
    # The scoped vocabulary does not know other accounts' names: nothing about them is confirmed.
    assert outside["text"] == "I don't know the account `prod`.\nExample: `account=222222222222`, `account=staging`."


def test_top_resources_gain_utilisation_and_idle_flag(ibot: Bot) -> None:
    answer = ibot.ask("/top-resources", "50 last 30 days", user=ADMIN)
    text = blocks_text(answer["blocks"])
    assert (
        f"`{PROD_EC2.arn}`\n      Amazon Elastic Compute Cloud · prod ({PROD}) · us-east-1\n"
        "      CPU 2.0% avg · 5.0% peak (14 d) · net 2.0 MB/day · :zzz: *idle*"
    ) in text
    assert f"`{LAB_EC2.arn}`\n      Amazon Elastic Compute Cloud · secret-lab ({LAB}) · us-east-1\n" in text
    # S3 buckets are not in the inventory: unknown, never idle.
    assert "`arn:aws:amazons3:r-111-1`\n      Amazon Simple Storage Service · prod (111111111111) · eu-west-1\n" in text
    assert text.count("utilisation unknown") == 3 + 3  # lab's EC2 and RDS + three S3 buckets
    assert text.count(":zzz:") == 2  # prod's EC2 and RDS


def test_rightsizing_suggests_smaller_and_newer_sizes(ibot: Bot) -> None:
    answer = ibot.ask("/trackit", "rightsizing account=prod", user=ADMIN)
    text = blocks_text(answer["blocks"])
    # The data set has no instance-hour lines, so no rates: the saving is unknown, never guessed.
    assert "price unknown (no usage of both types in the bill)* downsize: `i-prod` m5.xlarge → *m5.large*" in text
    assert "`db-prod` db.m5.xlarge → *db.m5.large*" in text
    assert "`i-prod` m5.xlarge → *m6i.xlarge*" in text
    assert "i-staging" not in text and "i-silent" in text  # silent: newer generation only (no CPU data)
    assert "`i-silent` m5.xlarge → *m5.large*" not in text


def test_commitments_show_expiries_in_scope(ibot: Bot) -> None:
    answer = ibot.ask("/trackit", "commitments", user=ADMIN)
    text = blocks_text(answer["blocks"])
    assert "_No Reserved Instance or Savings Plan fees in this period._" in text
    assert (
        f"*Expiring within 60 days*\n• SP `sp-lab` of secret-lab ({LAB}): ends 2026-12-02 (5 days)\n"
        f"• RI `ri-prod` of prod ({PROD}): ends 2026-12-20 (23 days)"
    ) in text
    prod_only = blocks_text(ibot.ask("/trackit", "commitments account=prod", user=ADMIN)["blocks"])
    assert "ri-prod" in prod_only and "sp-lab" not in prod_only


def test_status_reports_what_the_inventory_could_not_collect(ibot: Bot) -> None:
    text = blocks_text(ibot.ask("/trackit", "status", user=ADMIN)["blocks"])
    assert "*AWS inventory*\n• 2026-11-27: partial, 6 resources, collected 05:04 UTC" in text
    assert (
        f"*Not collected* (2026-11-27):\n• {LAB} eu-west-1 rds:rds: AccessDenied not authorized to DescribeDBInstances"
    ) in text


def test_bad_input_is_answered_at_ack(ibot: Bot) -> None:
    kind = json.loads(ibot.command("/trackit", "resources s3", user=ADMIN).body)
    assert kind["text"].startswith(
        "`s3` is not a resource type. Choose one of ec2, rds, opensearch, elasticache, lambda, ebs.\nUsage:"
    )
    service = json.loads(ibot.command("/trackit", "idle service=ec2", user=ADMIN).body)
    assert service["text"].startswith(
        "`service` filters do not apply to `/trackit idle`: filter by account, region, tag or resource."
    )
    help_text = blocks_text(ibot.ask("/trackit", "help", user=ADMIN)["blocks"])
    assert "*/trackit resources* `<ec2|rds|opensearch|elasticache|lambda|ebs> [filters]`" in help_text
    assert "*/trackit commitments*" in help_text
