"""Questions typed the way people type them, end to end over signed HTTP: what was left out of a question is said
in the answer people read (on `/cost`, `/top-resources` and `/tags`), the totals are those of the question as
read, and what cannot be answered is refused at ack naming the word and what would be right."""

from __future__ import annotations

import json

from tests.commands.conftest import ROWS, SERVICES, Bot, expected_sum, in_range
from tests.commands.test_cost import sections, usd
from tests.support.fake_slack import blocks_text

OCTOBER = in_range("2026-10-01", "2026-11-01")
S3 = SERVICES["AmazonS3"]


def test_cost_answers_the_rest_of_a_question_and_says_which_words_it_left_out(clean_bot: Bot) -> None:
    answer = clean_bot.ask("/cost", "*showback* for october, s3 :money_with_wings: by region")
    total = expected_sum(ROWS, charge_period_start=OCTOBER, service_name=S3)
    assert sections(answer)[0].startswith(f"*{usd(total)}* total\n")
    assert "Ignored `showback`: not words of a cost question; the rest was read as asked." in blocks_text(
        answer["blocks"]
    )


def test_top_resources_say_which_words_they_left_out(clean_bot: Bot) -> None:
    answer = clean_bot.ask("/top-resources", "top s3 buckets hogging the money last month")
    text = blocks_text(answer["blocks"])
    assert "Ignored `hogging`: not words of a cost question; the rest was read as asked." in text
    assert "arn:aws:amazons3:" in text and "arn:aws:amazonec2:" not in text


def test_tags_reads_a_key_with_plain_words_after_it(clean_bot: Bot) -> None:
    answer = clean_bot.ask("/tags", "team tag coverage lst month, include untagged")
    text = blocks_text(answer["blocks"])
    total = expected_sum(ROWS, charge_period_start=OCTOBER)
    assert f"*{usd(total)}* total" in text
    assert "Read `lst` as `last`." in text


def test_what_the_bill_does_not_hold_is_answered_as_near_as_it_allows_and_said(clean_bot: Bot) -> None:
    """An invoice PDF is not in the bill: October's costs by service are (as the invoice itemises them), with a
    line saying what was not answered. A word that may be a value is still refused by name."""
    answer = clean_bot.ask("/cost", "can u send me the october invoice pdf")
    total = expected_sum(ROWS, charge_period_start=OCTOBER)
    assert f"*{usd(total)}* total" in blocks_text(answer["blocks"])
    assert (
        "`invoice`: I answer from the billing data and cannot fetch invoice documents (the AWS Billing console has "
        "them under Bills). Answered with the costs the invoice itemises (by service unless you ask another "
        "breakdown)."
    ) in blocks_text(answer["blocks"])
    unplaced = json.loads(clean_bot.command("/cost", "frontend last month").body)
    assert unplaced["text"].startswith(  # named, with the question the rest asks
        "I don't understand `frontend`.\nWithout `frontend`, the question reads `last month`: ask that, or say what "
        "`frontend` is, e.g. `tag:"
    )


def test_an_average_per_week_is_over_the_complete_weeks(clean_bot: Bot) -> None:
    """October 2026 runs Thursday to Saturday: its complete weeks are those of Oct 5, 12 and 19."""
    answer = clean_bot.ask("/cost", "avg weekly spend on s3 in october")
    weeks = [("2026-10-05", "2026-10-12"), ("2026-10-12", "2026-10-19"), ("2026-10-19", "2026-10-26")]
    per_week = sum(expected_sum(ROWS, charge_period_start=in_range(a, b), service_name=S3) for a, b in weeks) / 3
    assert f"*Average* {usd(per_week)} per week over 3 complete weeks (2026-10-05 – 2026-10-25)" in sections(answer)


def test_cost_reads_a_unique_typo_and_the_shapes_people_type_and_says_so(clean_bot: Bot) -> None:
    """`us-eats-1` is one edit from one stored region only, `ec2/rds` lists two services, `7d` is the last 7
    days (the 26th still partial: "so far"); the answer's total is that question's and the note under it says
    how the typo was read."""
    answer = clean_bot.ask("/cost", "*ec2/rds* in us-eats-1 (7d) :eyes:")
    services = (SERVICES["AmazonEC2"], SERVICES["AmazonRDS"])
    total = expected_sum(
        ROWS,
        charge_period_start=in_range("2026-11-20", "2026-11-27"),
        service_name=lambda name: name in services,
        region_id="us-east-1",
    )
    assert sections(answer)[0].startswith(f"*{usd(total)}* so far\n")
    assert "Read `us-eats-1` as `us-east-1`." in blocks_text(answer["blocks"])
    ambiguous = json.loads(clean_bot.command("/cost", "ec2 in us-west-1 7d").body)
    assert ambiguous["text"].startswith(  # two regions two edits away: the person says which
        "I don't understand `us-west-1`.\nDid you mean `region=us-east-1` or `region=eu-west-1`?"
    )


def test_a_figure_checked_against_another_tool_gets_the_split_that_explains_it(clean_bot: Bot) -> None:
    """`Cost Explorer says ... you said ..., which one is right?`: October's total split by charge class (usage, the
    fees of the 1st, credits, tax), with a line saying why two tools' totals differ, never a refusal of `earlier`."""
    answer = clean_bot.ask(
        "/cost", "Cost Explorer says October was $387,912.44 but you said ~$401k earlier, which one is right?"
    )
    text = blocks_text(answer["blocks"])
    total = expected_sum(ROWS, charge_period_start=OCTOBER)
    assert sections(answer)[0].startswith(f"*{usd(total)}* total\n")
    assert (
        "Read as a check of a figure from elsewhere (read past: `earlier`): the total split by charge class, "
        "unblended. Other tools' totals differ by credits, tax, the fees of the 1st and the basis (amortized spreads "
        "Savings Plan and RI fees over their days)."
    ) in text
    assert f"usage         {usd(total)}  100.0%" in text  # the test bill holds usage only
