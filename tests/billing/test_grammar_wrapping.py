"""What people wrap around a question (where it came from, who sent it, the tool that showed them a number, asides)
is read past; what could change the answer is still named back."""

from __future__ import annotations

import pytest

from bot.billing.grammar import parse_query
from bot.errors import UsageError
from tests.billing.phrasings import TODAY, VOCAB, without_labels
from tests.billing.phrasings import cost_query as parse


def refusal(text: str) -> str:
    with pytest.raises(UsageError) as info:
        parse(text)
    return info.value.message


@pytest.mark.parametrize(
    ("text", "meaning"),
    [
        # Slack channels and people, a mail's quote marks, greetings and sign-offs
        (
            'from #data-eng: "how much is the data lake account costing per month this year"',
            "this year account=data-lake monthly",
        ),
        (
            "re @maria's q in #checkout - rds in us-west-2 vs us-east-1 this month",
            "this month service=rds region=us-west-2,us-east-1 by region",
        ),
        (
            'per DATA-88: ">> please split September\'s data-lake bill by the aws:createdBy tag" thx',
            "2026-09 account=data-lake by tag:aws:createdBy",
        ),
        ("Good morning, ec2 last week by region", "last week service=ec2 by region"),
        (
            "ec2 in ap-southeast-2? only last week. mvh Lars",
            "last week service=ec2 region=ap-southeast-2",
        ),
        ("kms since 1 Nov please - Tom", "since 2026-11-01 service=kms"),
        ("s3 last month by region. Best, Dana | FP&A", "last month service=s3 by region"),
        # the tool that showed the asker a number
        ("Cost Explorer says $48,212.77 for October (unblended, excl. tax)", "2026-10 service!=tax unblended"),
        ("our FinOps sheet says team=data was 31% of spend in october", "2026-10 tag:team=data"),
        ("the quicksight chart has s3 way up this month", "this month service=s3"),
        # a version, a time zone, a deadline: no part of the question
        ("ec2 since the v4.12 deploy on 2026-11-17", "since 2026-11-17 service=ec2"),
        ("boss wants the forecast for ec2 before brekkie monday", "forecast service=ec2"),
        ("whats our total aws spend MTD? need a number for my 1:1 in 5 mins", "this month"),
        # an aside of its own beside the question: context
        ("where are we gonna land for november roughly? boss wants a number he can repeat", "forecast 2026-11"),
        ("kms last month (sorry not sure if this is what this command is for)", "last month service=kms"),
        (
            "what are the most expensive things we run? (sorry not sure if this is what this command is for)",
            "this month by service",  # the most expensive things: which service
        ),
        (
            "we rotated the leaked creds, did prod spend drop after? nov 5-11 vs nov 13-19",
            "2026-11-13..2026-11-19 vs 2026-11-05..2026-11-11 account=production",
        ),
        ("credits applied per billing account this year", "this year charge-class=credit by account"),
        # how the dates were written
        (
            "Glue costs per day from 01-11-2026 till 26-11-2026 (dates are dd-mm, sorry)",
            "2026-11-01..2026-11-26 service=glue daily",
        ),
        # a pasted mail: its client's lines, its headers, the signature with a role, the question it quotes
        (
            "> On Wed, Nov 25, 2026 at 4:12 PM Mark Chen wrote: > Why is the bill up so much this month vs last?",
            "why this month",
        ),
        (
            '"can someone confirm what we spent on CloudFront in eu-west-1 in October? Thanks, Priya" Priya Nair | '
            "FP&A Analyst | Sent from my iPhone",
            "2026-10 service=cloudfront region=eu-west-1",
        ),
        (
            'fwd from accounting: "Please provide AWS charges for Sept 2026 broken down by account, tax shown '
            'separately. Regards, Accounts Payable | ap@..."',
            "2026-09 by account, charge-class",
        ),
        (
            '"could you send the breakdown by service for the staging account for the 2 weeks ending 20 Nov? Cheers, '
            'Luis (Contractor, Platform team)"',
            "2026-11-07..2026-11-20 account=staging by service",
        ),
    ],
)
def test_what_wraps_a_question_is_read_past(text: str, meaning: str) -> None:
    assert without_labels(parse(text)) == without_labels(parse(meaning))


@pytest.mark.parametrize(
    ("text", "meaning"),
    [
        ("what was last week's spend", "last week"),
        ("checkout project cost 17th-21st", "2026-11-17..2026-11-21 tag:project=checkout"),
        ("s3 for the fortnight just gone", "last 2 weeks service=s3"),
        ("ec2 all month", "this month service=ec2"),
        ("forecast for dynamodb for the rest of the month", "forecast service=dynamodb"),
        ("where will ec2 land for the month", "forecast service=ec2"),
        ("KMS compared with same month last year", "this month vs 2025-11 service=kms"),
        ("tax for P11 so far", "2026-11 service=tax"),
        ("GL 6420 for P7-P9 per month", "2026-07..2026-09 monthly"),
        ("since 2026.11.23", "since 2026-11-23"),
        ("did the EKS upgrade last weds (nov 18th) change anything", "2026-11-18 service=eks"),
        (
            "the SP + RI fees posted on 1 Oct and 1 Nov",
            "2026-10-01 vs 2026-11-01 charge-class=recurring,one-time by usage-type",
        ),
        ("cloudfront 18th vs 19th vs 20th", "2026-11-18..2026-11-20 service=cloudfront daily"),
        ("sqs rolled back on Mon 16th", "2026-11-16 service=sqs"),
        ('api team cost "last sprint" - the 2 weeks ending last friday', "2026-11-07..2026-11-20 tag:team=api"),
        ("daily costs sydeny region", "region=ap-southeast-2 daily"),
        ("ec2 in syd last month", "last month service=ec2 region=ap-southeast-2"),
        ("totl spend today vs yesterday", "today vs yesterday"),
        ("is eks in us-west-2 normal today or are we on fire", "anomalies today service=eks region=us-west-2"),
        ("split last month by the team tag", "last month by tag:team"),
        (
            "Data transfer per region for October, and the same for September",
            "2026-10 vs 2026-09 service=data-transfer by region",
        ),
        ("glue before/after the deploy on wed 18th", "2026-11-11..2026-11-17 vs 2026-11-18..2026-11-24 service=glue"),
        # German mixed in, `last <month>`, `this months bill`, exclusions said in words, a question about what a
        # total holds
        ("wie viel hat EKS im Oktober gekostet, alle accounts", "2026-10 service=eks"),
        ("vergleich eu-west-1: Oktober vs November bis jetzt", "2026-10 vs 2026-11 region=eu-west-1"),
        (
            "KMS kosten sind gefühlt explodiert, kannst du mal schauen seit wann? daily, letzte 2 wochen",
            "last 2 weeks service=kms daily",
        ),
        ("why is S3 so much higher than last november??", "why this month vs 2025-11 service=s3"),
        ("roughly what will this months bill come to?", "forecast"),
        (
            "any spend in regions other than us-east-1 / us-west-2 this month?",
            "this month region!=us-east-1,us-west-2 by region",
        ),
        ("ec2 or lambda outside us-east-1 since nov 1", "since 2026-11-01 service=ec2,lambda region!=us-east-1"),
        ("does september's total include tax + credits + the RI/SP fees?", "2026-09 by charge-class"),
        ("morning - what was total spend last week across all 3 accts?", "last week"),
        ("sqs+lambda+dynamo for team=api last 7 days", "last 7 days service=sqs,lambda,dynamodb tag:team=api"),
        ("dynamo spend day by day since we shipped the new GSI on the 18th", "since 2026-11-18 service=dynamodb daily"),
        # French of a month-end close, hours and weeks as people count them, a typo of a unit after `this`
        ("Bonjour, the total of the facture for october please, hors taxes (HT) ?", "2026-10 service!=tax"),
        ("repartition of the cost by team for the 3rd trimestre (Q3) please", "2026-q3 by tag:team"),
        ("ec2 last 48h hourly??", "2026-11-25..2026-11-27 service=ec2 hourly"),
        (
            "what did the staging acct spend last dec 20 thru jan 3, day by day",
            "2025-12-20..2026-01-03 account=staging daily",
        ),
        ("spend this wek", "this week"),
        ("s3 vs last yr", "this month vs 2025-11 service=s3"),
        ("oct: usage vs fees vs credits vs tax, one row each", "2026-10 by charge-class"),
        ("by-account spend per month since July", "since 2026-07-01 by account monthly"),
        ("why did team=data go up last week? was it glue?", "why last week tag:team=data"),
        ("Glue cost of 2026/11/22 was very high, is it normal?", "anomalies 2026-11-22 service=glue"),
        (
            "any weird days in data transfer this month? got pinged by someone in data team",
            "anomalies this month service=data-transfer tag:team=data",
        ),
        # a budget's amount, the fees of both commitments on the day they post, counts after a ranking word, days
        # and weeks by number, `the tax separated`
        ("what will november land at? we have a budget of 180k$ and I am afraid we go over", "forecast 2026-11"),
        (
            "how much did we get charged for savings plans + RI fees on the 1st?",
            "2026-11-01 charge-class=recurring,one-time by usage-type",
        ),
        ("RIs and savings plans last year", "last year charge-class=recurring,one-time"),
        ("the cost of dynamodb per day since day 15?", "since 2026-11-15 service=dynamodb daily"),
        ("totals for weeks 44-47 (mon-sun), just the total per week", "2026-10-26..2026-11-22 weekly"),
        ("the cost per account for october, with the tax separated please", "2026-10 by account, charge-class"),
        ("QoQ % change for EC2, Q2 -> Q3", "2026-q3 service=ec2"),
        ("tem algum dia estranho in the glue costs this month?", "anomalies this month service=glue"),
        # what a run rate over past months, actuals beside a forecast, and kinds of charge side by side ask
        ("whats our annual run rate if u take the last 3 months?", "average last 3 months monthly"),
        ("Oct actuals vs Nov forecast by service", "forecast 2026-11 vs 2026-10 by service"),
        ("staging costs for the period 1 October 2026 to 15 November 2026", "2026-10-01..2026-11-15 account=staging"),
        ("daily total cost for november so far, as a table i can paste", "2026-11 daily"),
        ("glue spend by week since september, weeks starting monday pls", "since 2026-09-01 service=glue weekly"),
        ("ec2 SP covered vs on-demand, last 30d, daily", "last 30 days service=ec2 by charge-class daily"),
        ("can you split Nov so far into usage vs SP/RI fees vs credits vs tax?", "2026-11 by charge-class"),
        (
            "RI and savings plan fees vs credits since Oct 1st",
            "since 2026-10-01 charge-class=recurring,one-time,credit by charge-class",
        ),
        (
            "the SP/RI fees on the 1st each month, sep, oct, nov",
            "2026-09..2026-11 charge-class=recurring,one-time monthly",
        ),
    ],
)
def test_periods_and_names_as_people_write_them(text: str, meaning: str) -> None:
    assert without_labels(parse(text)) == without_labels(parse(meaning))


@pytest.mark.parametrize(
    ("text", "meaning", "said"),
    [
        (
            "how much did we burn in ap-southeast-2 last week? reckon EKS went a bit mental",
            "last week region=ap-southeast-2 by service",
            "Read `reckon EKS went a bit mental` as your guess, not part of the question; shown beside the rest by "
            "service.",
        ),
        (
            "why'd syd jump on 24/11?? data transfer or something else",
            "why 2026-11-24 region=ap-southeast-2",
            "Read `data transfer or something else` as your guess, not part of the question.",
        ),
        (
            "upgrade was 9th nov. eks 2wks before vs 2wks after?",
            "2026-10-26..2026-11-08 vs 2026-11-09..2026-11-22 service=eks",
            "Read `2wks before vs 2wks after` around Monday 2026-11-09 as "
            "`2026-10-26..2026-11-08 vs 2026-11-09..2026-11-22`.",
        ),
        (
            "lambda the week before and after the deploy on the 10th",
            "2026-11-03..2026-11-09 vs 2026-11-10..2026-11-16 service=lambda",
            "Read `the week before and after` around Tuesday 2026-11-10 as "
            "`2026-11-03..2026-11-09 vs 2026-11-10..2026-11-16`.",
        ),
    ],
)
def test_a_guess_at_the_cause_and_days_around_an_event_read_as_meant_and_said(
    text: str, meaning: str, said: str
) -> None:
    query = parse(text)
    assert without_labels(query) == without_labels(parse(meaning))
    assert said in query.readings


@pytest.mark.parametrize(
    ("text", "meaning"),
    [
        # a guess closing the question (`..., mostly glue i guess`), a supposition (`assuming ...`), a value the
        # question asks already
        (
            "data-lake month by month last 6 months, mostly glue i guess",
            "last 6 months account=data-lake monthly by service",
        ),
        (
            "forecast for data-lake, assuming the Glue backfill that kicked off ~Nov 18 keeps running",
            "forecast account=data-lake by service",
        ),
        (
            "cloudfront nov 2026 vs nov 2025? our campaign pages go thru cloudfront i think",
            "2026-11 vs 2025-11 service=cloudfront",
        ),
    ],
)
def test_a_guess_closing_the_question_or_supposing_is_read_past(text: str, meaning: str) -> None:
    assert without_labels(parse(text)) == without_labels(parse(meaning))


def test_a_guess_that_opens_the_message_is_the_question() -> None:
    query = parse("i think i might have left an ec2 instance running in staging since tuesday")
    assert [f.values for f in query.filters] == [("Amazon Elastic Compute Cloud",), ("210987654321",)]


@pytest.mark.parametrize(
    ("text", "meaning", "name"),
    [
        ("+1 to what Dana asked, where do we land end of month?", "forecast", "Dana"),
        ("from Jen below: ec2 last month", "last month service=ec2", "Jen"),
        ("Hi! Sarah is asking what the total AWS bill was for October", "2026-10", "Sarah"),
        ("why is ec2 spiking Ron?? prod", "why service=ec2 account=production", "Ron"),
    ],
)
def test_a_persons_name_around_the_question_is_said_and_read_past(text: str, meaning: str, name: str) -> None:
    query = parse(text)
    assert without_labels(query) == without_labels(parse(meaning))
    assert f"Read `{name}` as someone's name, no part of the question." in query.readings


def test_an_account_id_first_is_no_count_and_a_quoted_tag_key_is_the_key() -> None:
    from commands import tags, top_resources

    top = top_resources.parse("123456789012 top 10 since 24/11", today=TODAY, vocabulary=VOCAB)
    assert (top.n, [f.values for f in top.filters]) == (10, [("123456789012",)])
    asked = tags.parse('How much cost is not having "project" tag?', today=TODAY, vocabulary=VOCAB)
    assert asked.key == "user:project"


def test_a_count_after_a_ranking_word_is_how_many_and_first_alone_is_no_day() -> None:
    from commands import top_resources

    top = top_resources.parse(
        "biggest 10 individual things we pay for in prod this quarter?", today=TODAY, vocabulary=VOCAB
    )
    assert top.n == 10
    last = top_resources.parse("biggest stuff in staging? what to turn off first", today=TODAY, vocabulary=VOCAB)
    assert last.time_range.label == "this month"


def test_a_budget_without_its_amount_is_still_refused_as_kept_elsewhere() -> None:
    assert "budgets are kept with `/trackit budget`" in refusal("are we going to blow the november budget? it was 480k")


def test_a_word_before_a_dashboard_that_names_no_tool_is_left_to_the_grammar_and_said() -> None:
    query = parse("the frontend dashboard shows high s3 this month")
    assert query.readings[-1] == "Ignored `frontend`: not words of a cost question; the rest was read as asked."


def test_a_capitalised_word_where_a_value_would_stand_is_still_named() -> None:
    assert "`Frontend`" in refusal("ec2 for Frontend")


def test_what_is_read_past_is_said_when_it_could_have_mattered() -> None:
    aside = parse("where are we gonna land for november roughly? boss wants a number he can repeat")
    assert aside.readings[-1] == "Ignored `repeat`: not words of a cost question; the rest was read as asked."
    restated = parse("did the EKS upgrade last weds (nov 18th) change anything")
    assert "Read `2026-11-25` as `2026-11-18`, the date given beside it." in restated.readings
    period = parse("Need P10 total by account")
    assert period.readings[0].startswith("Read `P10` as the calendar month 2026-10: the bill does not say when")
    typo = parse("daily costs sydeny region")
    assert typo.readings == ("Read `sydeny` as `sydney`, the region `ap-southeast-2`.",)


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("ec2 last month? for frontend", "frontend"),  # an aside of two words may name what is asked
        ("tot spend q", "q"),  # `q` after a cost word is no relayed question
        ("s3 by region - Frontend", "Frontend"),  # after a bare dash, a word nobody is called may be what is asked
        ("ec2 in fra last month", "fra"),  # an airport's region the bill has no costs in
        ("can i get athena+glue costs per day", "athena"),  # a service joined to one held, the bill holds none of
    ],
)
def test_what_could_change_the_answer_is_still_named(text: str, named: str) -> None:
    assert f"`{named}`" in refusal(text)


def test_a_month_after_a_dash_is_no_signature_and_a_channel_named_like_a_value_is_still_a_channel() -> None:
    assert parse("ec2 last month - September").readings == (
        "Answered `ec2 last month` only; the rest (`September`) asks something else: ask it on its own.",
    )
    assert without_labels(parse("from #checkout: ec2 last month")) == without_labels(parse("last month service=ec2"))


def test_a_relayed_question_says_what_stood_around_it() -> None:
    found = parse_query('frontend: "total spend last month for all accounts"', today=TODAY, vocabulary=VOCAB)
    assert found.readings[-1] == "Read the quoted question alone: `frontend:` around it says who sent it."


def test_a_budget_as_a_rate_is_named_as_a_budget() -> None:
    assert refusal("are we still inside the 40k/month budget we agreed in the SOW??") == (
        "`budget`: budgets are kept with `/trackit budget`, not asked in a cost question."
    )
