"""Follow-up questions over signed HTTP: `and for staging?` after `ec2 last month` answers EC2 in staging last
month, says so, and its buttons carry the whole question; each person's conversation is their own, within their
own access."""

from __future__ import annotations

import json

from tests.commands.conftest import ADMIN, ROWS, Bot, expected_sum, in_range
from tests.commands.test_cost import usd
from tests.support.fake_slack import blocks_text

OCTOBER = in_range("2026-10-01", "2026-11-01")
EC2 = "AmazonEC2"


def _text(answer: dict[str, object]) -> str:
    return blocks_text(answer["blocks"])  # type: ignore[arg-type]


def test_a_follow_up_changes_only_what_it_names_and_says_so(clean_bot: Bot) -> None:
    first = clean_bot.ask("/cost", "ec2 last month", user="U0CAROL")
    assert f"*{usd(expected_sum(ROWS, charge_period_start=OCTOBER, service_code=EC2))}* total" in _text(first)

    staging = clean_bot.ask("/cost", "and for staging?", user="U0CAROL")
    expected = expected_sum(ROWS, charge_period_start=OCTOBER, service_code=EC2, sub_account_id="222222222222")
    assert f"*{usd(expected)}* total" in _text(staging)
    assert "Read as a follow-up to `/cost last month service=ec2`: `/cost last month service=ec2 account=staging`." in (
        _text(staging)
    )
    (buttons,) = [b for b in staging["blocks"] if b["type"] == "actions"]
    assert json.loads(buttons["elements"][0]["value"])["t"] == "last month service=ec2 account=staging"

    by_region = clean_bot.ask("/cost", "same but by region", user="U0CAROL")
    text = _text(by_region)
    assert f"*{usd(expected)}* total" in text
    assert "Region" in text and "us-east-1" in text

    week = clean_bot.ask("/cost", "what about this month?", user="U0CAROL")
    november = in_range("2026-11-01", "2026-12-01")
    mtd = expected_sum(ROWS, charge_period_start=november, service_code=EC2, sub_account_id="222222222222")
    assert f"*{usd(mtd)}* so far" in _text(week)


def test_a_question_that_does_not_follow_on_is_read_on_its_own(clean_bot: Bot) -> None:
    clean_bot.ask("/cost", "ec2 last month", user="U0DAVE")
    alone = clean_bot.ask("/cost", "s3 last month", user="U0DAVE")
    assert f"*{usd(expected_sum(ROWS, charge_period_start=OCTOBER, service_code='AmazonS3'))}* total" in _text(alone)
    assert "follow-up" not in _text(alone)


def test_each_person_and_channel_has_its_own_conversation(clean_bot: Bot) -> None:
    clean_bot.ask("/cost", "ec2 last month", user="U0ERIN")
    # someone else's "and for staging?" is not a follow-up to Erin's question, nor is Erin's in another channel
    for user, channel in (("U0FRANK", "C0GENERAL"), ("U0ERIN", "C0OTHER")):
        alone = clean_bot.ask("/cost", "and for staging?", user=user, channel=channel)
        november = in_range("2026-11-01", "2026-12-01")
        mtd = expected_sum(ROWS, charge_period_start=november, sub_account_id="222222222222")
        assert f"*{usd(mtd)}* so far" in _text(alone)
        assert "follow-up" not in _text(alone)


def test_a_follow_up_stays_within_the_askers_access(clean_bot: Bot) -> None:
    clean_bot.ask("/trackit", "access grant <@U0BOB|bob> 111111111111", user=ADMIN)
    mine = clean_bot.ask("/cost", "ec2 last month", user="U0BOB")
    prod = expected_sum(ROWS, charge_period_start=OCTOBER, service_code=EC2, sub_account_id="111111111111")
    assert f"*{usd(prod)}* total" in _text(mine)
    refused = json.loads(clean_bot.command("/cost", "and for staging?", user="U0BOB").body)
    # Bob may not see staging: his follow-up names it as a word he could type on its own, never its account id
    assert refused["text"].startswith("I don't understand `staging`.")
    assert "222222222222" not in json.dumps(refused)
