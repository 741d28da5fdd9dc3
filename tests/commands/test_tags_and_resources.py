"""`/tags` and `/top-resources` end to end: exact numbers against the data set, bad input at ack, scope."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from commands import tags
from tests.commands.conftest import ACCOUNTS, ADMIN, ROWS, SERVICES, Bot, expected_sum, in_range
from tests.commands.test_cost import table_rows, usd
from tests.support.fake_slack import blocks_text

OCTOBER = in_range("2026-10-01", "2026-11-01")


def test_tags_by_value_with_untagged_share(clean_bot: Bot) -> None:
    answer = clean_bot.ask("/tags", "team last month")
    total = expected_sum(ROWS, charge_period_start=OCTOBER)
    untagged = expected_sum(ROWS, charge_period_start=OCTOBER, **{"tag:user:team": None})
    rows = table_rows(answer["blocks"])
    for team in ("web", "data"):
        assert rows[team][0] == usd(expected_sum(ROWS, charge_period_start=OCTOBER, **{"tag:user:team": team}))
    assert rows["(untagged)"][0] == usd(untagged)
    share = (untagged / total * 100).quantize(Decimal("0.1"))
    text = blocks_text(answer["blocks"])
    assert f"*{usd(total)}* total · {share}% of taggable usage untagged ({usd(untagged)})\n" in text
    assert "last month (2026-10-01 – 2026-10-31) · unblended cost · data up to" in text


def test_tags_without_key_ranks_keys_by_coverage(clean_bot: Bot) -> None:
    answer = clean_bot.ask("/tags", "last month")
    total = expected_sum(ROWS, charge_period_start=OCTOBER)
    tagged = total - expected_sum(ROWS, charge_period_start=OCTOBER, **{"tag:user:team": None})
    rows = table_rows(answer["blocks"])
    coverage = (tagged / total * 100).quantize(Decimal("0.1"))
    assert rows["tag:team"] == [f"{coverage}%", usd(tagged), "2"]


def test_tags_unknown_key_is_answered_at_ack_with_suggestion(clean_bot: Bot) -> None:
    ack = json.loads(clean_bot.command("/tags", "tem last month").body)
    assert ack["text"].startswith("I don't know the tag key `tem`.")
    assert "tag:team" in ack["text"]
    bad_range = json.loads(clean_bot.command("/tags", "team 2026-13").body)
    assert bad_range["text"].startswith("`2026-13` is not a month: months go from 01 to 12.\n")
    assert bad_range["text"].endswith(f"\n{tags.HINT}")


def test_top_resources_with_service_account_region_cost_and_change(clean_bot: Bot) -> None:
    answer = clean_bot.ask("/top-resources", "3 2026-11-01..2026-11-10")
    now, before = in_range("2026-11-01", "2026-11-11"), in_range("2026-10-22", "2026-11-01")
    costs: dict[str, Decimal] = {}
    meta: dict[str, tuple[str, str, str]] = {}
    for r in ROWS:
        rid = str(r["resource_id"])
        meta[rid] = (str(r["service_name"]), str(r["sub_account_id"]), str(r["region_id"]))
        if now(r["charge_period_start"]):
            costs[rid] = costs.get(rid, Decimal(0)) + Decimal(str(r["billed_cost"]))
    top = sorted(costs.items(), key=lambda kv: -kv[1])[:3]
    text = blocks_text(answer["blocks"])
    for i, (rid, cost) in enumerate(top, start=1):
        prev = expected_sum(ROWS, charge_period_start=before, resource_id=rid)
        change = cost - prev
        service, account, region = meta[rid]
        sign = "+" if change >= 0 else "-"
        assert f"{i}. *{usd(cost)}* ({sign}{usd(abs(change))}) `{rid}`" in text
        assert f"{service} · {ACCOUNTS[account]} ({account}) · {region}" in text
    assert text.count("`arn:") == 3


def test_top_resources_bad_n_is_answered_at_ack(clean_bot: Bot) -> None:
    """The refusal is the ack itself (the HTTP answer to the command), never a later post. How fast that ack is
    belongs to `bench/slack_load.py` (refusals at ack are part of its bursts), not to a test on a shared machine.
    """
    ack = json.loads(clean_bot.command("/top-resources", "0 last month").body)
    assert ack["text"] == (
        "0 resources: ask for 1 to 1000.\n"
        "Usage: `/top-resources [N] [time range] [filters]`, e.g. `/top-resources 20 last 7 days service=ec2`."
    )
    # a breakdown beside the list is left out and said, the list answered
    grouped = clean_bot.ask("/top-resources", "last month by service")
    assert "Left out `by service`: this lists resources one by one" in blocks_text(grouped["blocks"])


def test_scoped_user_never_sees_other_accounts_in_tags_or_resources(clean_bot: Bot) -> None:
    clean_bot.ask("/trackit", "access grant <@U0BOB|bob> 222222222222", user=ADMIN)
    tags = clean_bot.ask("/tags", "team last month", user="U0BOB")
    staging_total = expected_sum(ROWS, charge_period_start=OCTOBER, sub_account_id="222222222222")
    assert f"*{usd(staging_total)}* total" in blocks_text(tags["blocks"])
    resources = clean_bot.ask("/top-resources", "50 last month", user="U0BOB")
    shown = json.dumps(tags) + json.dumps(resources)
    for hidden in ("111111111111", "333333333333", "secret-lab", "r-111", "r-333"):
        assert hidden not in shown
    assert blocks_text(resources["blocks"]).count("`arn:") == len(SERVICES)  # staging's three resources only


@pytest.mark.parametrize(
    ("command", "text", "said"),
    [
        (
            "/tags",
            "team last month vs september",
            "`vs` asks for a comparison of two periods, which `/tags` does not answer.\n"
            "Ask `/cost team last month vs september` for it.",
        ),
        (
            "/tags",
            "why team last week",
            "`why` asks for why the cost changed, which `/tags` does not answer.\n"
            "Ask `/cost why team last week` for it.",
        ),
        (
            "/top-resources",
            "5 forecast",
            "`forecast` asks for the month-end forecast, which `/top-resources` does not answer.\n"
            "Ask `/cost 5 forecast` for it.",
        ),
        (
            "/top-resources",
            "last month compared to september",
            "`compared` asks for a comparison of two periods, which `/top-resources` does not answer.\n"
            "Ask `/cost last month compared to september` for it.",
        ),
        (
            "/top-resources",
            "why did ec2 go up",
            "`why` asks for why the cost changed, which `/top-resources` does not answer.\n"
            "Ask `/cost why did ec2 go up` for it.",
        ),
    ],
)
def test_tags_and_top_resources_refuse_questions_only_cost_answers(
    clean_bot: Bot, command: str, text: str, said: str
) -> None:
    ack = json.loads(clean_bot.command(command, text).body)
    assert ack["response_type"] == "ephemeral"
    assert ack["text"] == said
