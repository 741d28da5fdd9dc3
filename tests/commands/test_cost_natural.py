"""`/cost` asked the way people ask: bare values, tag values in the wrong case, "X vs Y", forecast and why, end
to end over signed HTTP, with every number checked against an independent Decimal sum of the data set."""

from __future__ import annotations

import json

from tests.commands.conftest import ACCOUNTS, ADMIN, ROWS, SERVICES, Bot, expected_sum, in_range
from tests.commands.test_cost import pct, sections, signed_usd, usd
from tests.support.fake_slack import blocks_text

EC2 = SERVICES["AmazonEC2"]
S3 = SERVICES["AmazonS3"]
GRANTED = "222222222222"  # staging: the one account granted in the scoped tests


def test_a_bare_service_word_filters_by_it(clean_bot: Bot) -> None:
    answer = clean_bot.ask("/cost", "how much did ec2 cost us last month?")
    october = expected_sum(ROWS, charge_period_start=in_range("2026-10-01", "2026-11-01"), service_name=EC2)
    assert sections(answer)[0].startswith(f"*{usd(october)}* total\n")


def test_a_tag_value_in_the_wrong_case_is_the_stored_one(clean_bot: Bot) -> None:
    answer = clean_bot.ask("/cost", "last month tag:team=Web")
    october = in_range("2026-10-01", "2026-11-01")
    web = expected_sum(ROWS, charge_period_start=october, **{"tag:user:team": "web"})
    assert web > 0
    assert sections(answer)[0].startswith(f"*{usd(web)}* total\n")


def test_an_unknown_tag_value_gets_did_you_mean_at_ack(clean_bot: Bot) -> None:
    ack = json.loads(clean_bot.command("/cost", "last month team=wbe").body)
    assert ack["text"].startswith("No line item has the tag `tag:team` set to `wbe`.\nDid you mean `tag:team=web`?")


def test_two_periods_side_by_side(clean_bot: Bot) -> None:
    answer = clean_bot.ask("/cost", "ec2 from 2026-11-01 to 2026-11-10 vs 2026-10-01..2026-10-10")
    now = expected_sum(ROWS, charge_period_start=in_range("2026-11-01", "2026-11-11"), service_name=EC2)
    then = expected_sum(ROWS, charge_period_start=in_range("2026-10-01", "2026-10-11"), service_name=EC2)
    assert sections(answer)[0] == (
        f"*{usd(now)}* total\n{signed_usd(now - then)} ({pct(now, then)}) vs 2026-10-01..2026-10-10 "
        f"(2026-10-01 – 2026-10-10): {usd(then)}"
    )


def test_why_names_what_moved_with_the_change(clean_bot: Bot) -> None:
    """Last week (Nov 16-22) against the week before, within S3: the change broken down by account."""
    answer = clean_bot.ask("/cost", "why did s3 go up last week?")
    now, then = in_range("2026-11-16", "2026-11-23"), in_range("2026-11-09", "2026-11-16")
    total = expected_sum(ROWS, charge_period_start=now, service_name=S3)
    change = total - expected_sum(ROWS, charge_period_start=then, service_name=S3)
    assert change > 0
    moves = []
    for account, name in ACCOUNTS.items():
        delta = expected_sum(ROWS, charge_period_start=now, service_name=S3, sub_account_id=account) - expected_sum(
            ROWS, charge_period_start=then, service_name=S3, sub_account_id=account
        )
        moves.append(
            (
                -delta,
                account,
                f"{name} ({account}) {signed_usd(delta)} ({float(delta / change) * 100:.0f}% of the change)",
            )
        )
    why = next(s for s in sections(answer) if s.startswith("*Why*"))
    lines = why.splitlines()
    assert lines[0] == "*Why* (what moved most with the change)"
    assert lines[1] == "• account: " + ", ".join(text for _, _, text in sorted(moves))  # ties by key
    assert lines[2].startswith("• region: ")  # S3 is in one region here: all of the change
    assert "service:" not in why  # the question pins the service


def test_forecast_is_the_month_end_pace(clean_bot: Bot) -> None:
    answer = clean_bot.ask("/cost", "forecast")
    assert "*month-end forecast*" in blocks_text(answer["blocks"])
    over = blocks_text(clean_bot.ask("/cost", "forecast for last month")["blocks"])
    assert "`last month` is over: answered with what it cost, not a forecast." in over
    assert "*month-end forecast*" not in over


def test_an_ambiguous_or_unknown_word_is_named_at_ack(clean_bot: Bot) -> None:
    ack = json.loads(clean_bot.command("/cost", "last month lamda").body)
    assert ack["text"].startswith("I don't understand `lamda`.")


def test_a_hidden_account_named_bare_reads_like_an_unknown_word(clean_bot: Bot) -> None:
    """A user granted one account types another's name without `account=`: nothing tells it apart from nonsense,
    and no suggestion names an account outside the grant."""
    clean_bot.ask("/trackit", f"access grant <@U0BOB|bob> {GRANTED}", user=ADMIN)
    hidden = json.loads(clean_bot.command("/cost", "secret-lab last month", user="U0BOB").body)["text"]
    unknown = json.loads(clean_bot.command("/cost", "secret-lbb last month", user="U0BOB").body)["text"]
    assert hidden.startswith("I don't understand `secret-lab`.")
    assert hidden.replace("secret-lab", "X") == unknown.replace("secret-lbb", "X")
    assert "333333333333" not in hidden and "prod" not in hidden
    mine = clean_bot.ask("/cost", "staging last month", user="U0BOB")  # the granted account, bare
    october = expected_sum(ROWS, charge_period_start=in_range("2026-10-01", "2026-11-01"), sub_account_id=GRANTED)
    assert sections(mine)[0].startswith(f"*{usd(october)}* total\n")


def test_a_tag_grant_never_reveals_another_teams_tag_value(clean_bot: Bot) -> None:
    """A user granted the `web` team's spend types the `data` team's value, bare or misspelt: it is not read as a
    tag value, and no suggestion names `data`."""
    clean_bot.ask("/trackit", "access grant <@U0BOB|bob> team=web", user=ADMIN)
    bare = json.loads(clean_bot.command("/cost", "data last month", user="U0BOB").body)["text"]
    assert bare.startswith("I don't understand") and "team" not in bare
    typo = json.loads(clean_bot.command("/cost", "last month team=dat", user="U0BOB").body)["text"]
    assert "data" not in typo
    mine = clean_bot.ask("/cost", "last month team=Web", user="U0BOB")  # the granted value, in another case
    web = expected_sum(ROWS, charge_period_start=in_range("2026-10-01", "2026-11-01"), **{"tag:user:team": "web"})
    assert sections(mine)[0].startswith(f"*{usd(web)}* total\n")
