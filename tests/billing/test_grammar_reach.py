"""The grammar meets people (the twelfth and thirteenth blind batches): each rule for the class of phrasing it
stands for, asserting the exact question read and the sentence a person reads about it. Today is Friday
2026-11-27, Black Friday; `tests.billing.phrasings.VOCAB` holds EC2, S3, RDS, DynamoDB, Lambda, CloudFront, Glue,
KMS, SQS, Data Transfer, EKS and Tax, in us-east-1, us-west-2, eu-west-1 and ap-southeast-2."""

from __future__ import annotations

import pytest

from bot.billing.followup import follow_on, is_follow_up
from bot.billing.grammar import parse_query
from bot.billing.grammar_format import format_query, range_text
from bot.billing.model import CostBasis, CostQuery, Granularity
from bot.billing.vocabulary import Vocabulary
from bot.errors import UsageError
from commands import tags
from tests.billing.phrasings import TODAY, VOCAB


def parse(text: str, default_range: str = "this month") -> CostQuery:
    return parse_query(text, today=TODAY, vocabulary=VOCAB, default_range=default_range)


@pytest.mark.parametrize(
    ("text", "same_as"),
    [
        # a span typed as one word, US order and dashes
        ("glue + s3 per day, 11/20-11/26", "2026-11-20..2026-11-26 service=glue,s3 daily by service"),
        ("dynamodb 10/1..10/15", "2026-10-01..2026-10-15 service=dynamodb"),
        ("s3 by account and region, Jun–Aug", "2026-06..2026-08 service=s3 by account, region"),
        ("2026-11-01-2026-11-05", "2026-11-01..2026-11-05"),
        ("why 11/26-11/27", "why 2026-11-26..2026-11-27"),  # a span, not the change between its two ends
        ("from the 10th-20th Nov", "2026-11-10..2026-11-20"),  # a day alone keeps its month
        ("2026-q3 amortized", "2026-q3 amortized"),  # one point is never split
        # the same holiday on both sides of `vs`, and `vs last <day>`: the one before, not the previous period
        ("cloudfront black friday vs last black friday", "2026-11-27 vs 2025-11-28 service=cloudfront"),
        ("thanksgiving vs last thanksgiving", "2026-11-26 vs 2025-11-27"),
        ("yesterday vs last tuesday", "yesterday vs 2026-11-24"),
        ("ec2 this week vs last", "this week service=ec2"),
        # days of the week in short after `vs`
        ("yesterday vs sat", "yesterday vs 2026-11-21"),
        ("ec2 spike?? what changed yday vs wed", "why yesterday service=ec2"),  # wed: the day before anyway
        # halves of a month, full months
        ("sqs first half of the month", "2026-11-01..2026-11-15 service=sqs"),
        ("second half of last month", "2026-10-16..2026-10-31"),
        ("for the quarterly review: spend over the last 3 full months", "last 3 months"),
        # the month's end is the forecast, also named by the month in progress
        ("What is our forecast for the end of November?", "forecast"),
        ("what will we spend by month end", "forecast"),
        # other clouds' and FOCUS's words for the same columns
        ("spend per subscription last month", "last month by account"),
        ("checkout project spend by meter, last 3 months", "last 3 months tag:project=checkout by usage-type"),
        ("top SKUs for ec2", "service=ec2 by usage-type"),
        # AWS's net unblended cost is the net basis
        ("net unblended last month by svc", "last month net by service"),
        # quarters as a time step
        ("The CFO is asking what we spent in 2025 in total, and by quarter.", "2025 quarterly"),
        ("quarterly spend this year by service", "this year by service quarterly"),
        # a tag key typed whole
        ("aws:createdBy breakdown for nov", "2026-11 by tag:aws:createdBy"),
        # a hedge after `since`
        ("ec2 in staging since like tuesday", "since 2026-11-24 service=ec2 account=staging"),
        # one question per value: side by side
        ("what did ec2 cost and what did s3 cost", "service=ec2,s3 by service"),
        # the weekend of a day, week over week in short
        ("the most over the weekend of the 21st", "2026-11-21..2026-11-22"),
        ("eks ap-southeast-2 vs eu-west-1 wk/wk", "this week service=eks region=ap-southeast-2,eu-west-1 by region"),
        # as SQL writes it
        (
            "select sum(cost) from s3 where account = 'data-lake' and month = '2026-09'",
            "2026-09 account=data-lake service=s3",
        ),
        (
            "group by region where service='Glue' and date between 2026-08-01 and 2026-08-31",
            "2026-08-01..2026-08-31 service=glue by region",
        ),
        # ends and days around a deploy, the future tense, a region in two words
        ("pull EC2 from 11/1 through yesterday, daily", "2026-11-01..2026-11-26 service=ec2 daily"),
        ("did s3 go up after tuesday's deploy", "since 2026-11-24 service=s3"),
        ("is november going to be higher than october", "forecast 2026-11"),
        ("what will november cost", "forecast 2026-11"),
        ("will you show me ec2 last month", "last month service=ec2"),
        ("whats burning money in eu west", "region=eu-west-1"),
        # resources named in an exclusion leave their service out; FinOps paperwork is left out
        ("EKS since Nov 1, not the nodes", "since 2026-11-01 service=eks"),
        ("October spend by team tag for chargeback", "2026-10 by tag:team"),
        # period charges `with` a total, shown on their own lines; amounts with thousands separators
        (
            "total spend by month for the last 12 months, split by account, with tax and credits shown separately",
            "last 12 months by account, charge-class monthly",
        ),
        ("total with tax last month", "last month"),
        ("will we go over $50,000 this month", "forecast"),
        # the holiday compared with in the year named; `X over X` over a longer span, step by step
        ("how does today compare to black friday last year", "today vs 2025-11-28"),
        ("cloudfront spend week over week, last 6 weeks", "last 6 weeks service=cloudfront weekly"),
        # the same days a unit before; `X on X`; a span stepped, never its ends compared, under `month on month`
        (
            "cloudfront 11/24-11/25 vs the same two days the week before",
            "2026-11-24..2026-11-25 vs 2026-11-17..2026-11-18 service=cloudfront",
        ),
        ("nov 1-10 vs the same days last month", "2026-11-01..2026-11-10 vs 2026-10-01..2026-10-10"),
        (
            "monthly spend jan through oct by service, flag anything that moved 10% month on month",
            "2026-01..2026-10 by service monthly",
        ),
        ("how are we tracking this month", "forecast"),
        # `same point last month`; paperwork acronyms; a hyphenated region start
        ("mtd vs same point last month", "this month"),
        ("Q3 spend by account and service for my QBR deck", "2026-q3 by account, service"),
        ("Lamda eu-west", "service=lambda region=eu-west-1"),
        # relaying
        ("On behalf of the CFO: how does this quarter compare to last quarter?", "this quarter"),
        # weighing values: side by side
        ("is ec2 or rds more expensive", "service=ec2,rds by service"),
        # days as people name them: a day's name before its number, two numbers and a month, two slashed days
        ("ec2 from tue 17th until thu 19th", "2026-11-17..2026-11-19 service=ec2"),
        ("daily cost for EKS from 1 to 15 november", "2026-11-01..2026-11-15 service=eks daily"),
        (
            "staging sat 21 - sun 22 vs the weekend before",
            "2026-11-21..2026-11-22 vs 2026-11-14..2026-11-15 account=staging",
        ),
        ("ec2 around 18/19th", "2026-11-18..2026-11-19 service=ec2"),
        ("ec2 sat+sun", "2026-11-21..2026-11-22 service=ec2"),
        ("ec2 saturday and sunday", "2026-11-21..2026-11-22 service=ec2"),
        # days of a week named by their first and last: of the week named, else the latest that reached the last
        ("ec2 mon-thu this week", "2026-11-23..2026-11-26 service=ec2"),
        ("ec2 Mon–Thu last week", "2026-11-16..2026-11-19 service=ec2"),
        ("ec2 monday to thursday", "2026-11-23..2026-11-26 service=ec2"),
        ("ec2 this week vs the same mon-thu window last week", "this week vs 2026-11-16..2026-11-19 service=ec2"),
        # context after a comma with a subject of its own: the question before it
        (
            "staging this week vs last week by service, we ran the perf suite mon-wed",
            "this week account=staging by service",
        ),
        # a region in one word as infrastructure names write it (a usage type's words beside it keep that)
        ("top ec2 in use1 this mo", "this month service=ec2 region=us-east-1 top 10"),
        (
            "lambda n sqs euw1 by month since aug",
            "since 2026-08-01 service=lambda,sqs region=eu-west-1 by service monthly",
        ),
        ("ec2 apse2 last month", "last month service=ec2 region=ap-southeast-2"),
        # a series from a month: from it to today (`from october` alone is that month)
        (
            "sqs,kms,lambda cost month wise from jan",
            "2026-01-01..2026-11-27 service=sqs,kms,lambda monthly by service",
        ),
        ("ec2 costs from october", "2026-10 service=ec2"),
        # a part of a named day: the whole day
        ("ec2 since wed night", "since 2026-11-25 service=ec2"),
        ("cloudfront since this morning, hourly", "since 2026-11-27 service=cloudfront hourly"),
        # both ends given: a later `since` within them tells of an event
        (
            "staging cost daily from 16th to today, did it come back down after the test ended sunday night",
            "2026-11-16..2026-11-27 account=staging daily",
        ),
        # charges as people exclude, ask about and weigh them
        ("pls tell total bill for 12 nov. only usage, no tax", "2026-11-12 charge-class=usage"),
        ("YTD spend ex tax - usage + fees only", "this year charge-class=usage,recurring,one-time service!=tax"),
        ("ytd without tax - ec2 only", "this year service=ec2"),
        ("kms + sqs + eks for october, just need 1 number", "2026-10 service=kms,sqs,eks"),
        (
            "which account got the credits in oct & nov? dont want to hand them all out by default",
            "2026-10..2026-11 charge-class=credit by account monthly",  # each month named
        ),
        ("are we gonna blow past last month at this rate", "forecast this month"),
        ("ec2 for last months bill", "last month service=ec2"),
        # a list after `without credits` is left out too (tax was kept, silently)
        ("forecast for end of month, without credits and the tax", "forecast this month charge-class!=credit,tax"),
        # the same day numbers of another month; Dutch; a country's regions
        (
            "why did KMS go up since begin of november, compared with the same days in october?",
            "why since 2026-11-01 vs 2026-10-01..2026-10-27 service=kms",
        ),
        ("ec2 kosten deze maand", "this month service=ec2"),
        ("ec2 in australia last month", "last month service=ec2 region=ap-southeast-2"),
        # a sentence told before the one asked: the one asked
        (
            "customer in australia getting timeouts since monday. any drop in ap-southeast-2 spend this week??",
            "this week region=ap-southeast-2",
        ),
        # every region named one by one keeps none out
        ("spend this year in us-east-1 vs eu-west-1 vs us-west-2 vs ap-southeast-2", "this year by region"),
        # an event clause: since the date it gives; with none, context
        ("ec2 since we migrated in september", "since 2026-09-01 service=ec2"),
        (
            "did lambda or sqs retries blow up after the outage? this week vs week before, by service",
            "this week service=lambda,sqs by service",
        ),
        # a series asked with the spike to see in it: the series
        ("EC2 per day 20th-26th nov, want to see the autoscaling spike", "2026-11-20..2026-11-26 service=ec2 daily"),
        # when a thing is done (`switched off overnight`) asks no days
        (
            "how much is dev in ap-southeast-2 that could be switched off overnight?",
            "tag:env=dev region=ap-southeast-2",
        ),
        # words of AWS's services joined by a slash to one the bill holds; a day after `by` says when
        ("which ec2/ebs things in us-west-2 cost most", "this month service=ec2 region=us-west-2 by usage-type"),
        ("checkout so far in november, and where will it end up by the 30th?", "forecast 2026-11 tag:project=checkout"),
        # a figure after `vs`, then a deadline in its own sentence; `non-` a value; a rate after an amount
        ("where does Q4 land vs the 1.1m plan? need it for the reforecast monday", "forecast 2026-q4"),
        ("nonprod ec2 this month", "this month service=ec2 account!=production"),
        ("team=data's ec2 last month", "last month tag:team=data service=ec2"),
        # ways of asking: how we are doing, what eats the money, what makes up the bill, weird things going on
        ("how are we doing this month", "forecast this month"),
        ("anything weird going on with eks costs in the last 30 days?", "anomalies last 30 days service=eks"),
        ("daily costs for project data between 2nd and 15th nov", "2026-11-02..2026-11-15 tag:project=data daily"),
        ("Q3 total excluding tax? (jul 1 - sep 30)", "2026-q3 service!=tax"),
        ("checkout project total for october for my invoice", "2026-10 tag:project=checkout"),
        # a normal week: the one before; back to normal: unusual days
        ("how much more are we spending this week vs a normal week?", "this week"),
        ("is EKS back to normal now?", "anomalies this month service=eks"),
        ("and how does that compare to the same time last year?", "this month vs 2025-11"),
        # values pitted against each other and periods too: each value, against the period before
        ("us-east-1 vs eu-west-1, this week vs last week", "this week region=us-east-1,eu-west-1 by region"),
        # from one holiday to another, of the year said
        ("thanksgiving thru cyber monday last yr, total?", "2025-11-27..2025-12-01"),
        # FOCUS's cost and service columns; VAT and GST are the tax line; a slash between words read each
        ("EffectiveCost by ServiceName for Nov MTD", "2026-11 by service amortized"),
        ("how much VAT/tax have we been charged between 1/11 and 26/11?", "2026-11-01..2026-11-26 service=tax"),
        ("eks ap-southeast-2 vs eu-west-1 wk/wk", "this week service=eks region=ap-southeast-2,eu-west-1 by region"),
        # a quoted misspelling is read as the word it misspells; chat around the question
        ('is the "lamda" thing expensive? last week', "last week service=lambda"),
        ("hi! whats our tech spend for the checkout project so far this month?", "this month tag:project=checkout"),
        # a series asked in so many words beside a spike: the series, which shows it
        ("dynamo cost spiking?? us-east-1 daily this week", "this week service=dynamodb region=us-east-1 daily"),
        ("any weird days in prod past fortnight?", "anomalies last 2 weeks account=production"),
        # British weeks; the same time last year with nothing compared
        ("Spend w/c 16/11 please - staging account only", "2026-11-16..2026-11-22 account=staging"),
        ("hmm what was it same time last year", "2025-11-01..2025-11-27"),
        # money written with thousands and cents; a plural's possessive; `p3 / g5` no accounting period; `$$ wise`
        ("tax was 4,812.33 on last months invoice, whats it so far for nov", "last month service=tax"),
        ("what did last years black friday week cost? want to compare once this one is done", "2025-11-24..2025-11-30"),
        # every one of a dimension, counted
        ("how does spend split across the 3 accounts", "this month by account"),
        # a month of last year or this; periods and days typed as one word or misspelt
        ("sep this year vs sep last yr", "2026-09 vs 2025-09"),
        ("tot spend thiswk vs lastwk", "this week"),
        ("ec2 cost ytday", "yesterday service=ec2"),
        ("why did costs jump on tuesdy", "why 2026-11-24"),
    ],
)
def test_the_way_people_type_reads_as_the_question(text: str, same_as: str) -> None:
    assert parse(text) == parse(same_as)


@pytest.mark.parametrize(
    ("text", "same_as", "reading"),
    [
        # AWS's product categories and parts of the world name the bill's services and regions in them
        ("five most expensive databases", "service=rds,dynamodb top 5", "Read `databases` as `service=rds,dynamodb`."),
        ("networking costs last month", "last month service=data-transfer,cloudfront", None),
        ("ec2 in europe", "service=ec2 region=eu-west-1", "Read `europe` as `region=eu-west-1`."),
        ("ec2 in eu", "service=ec2 region=eu-west-1", "Read `eu` as `region=eu-west-1`."),
        ("lambda in the US", "service=lambda region=us-east-1,us-west-2", None),
        (
            "Is the data project more expensive in Europe or in the US?",
            "tag:project=data region=eu-west-1,us-east-1,us-west-2 by region",
            "Read `US` as `region=us-east-1,us-west-2`.",
        ),
        # an event named with its days: the days
        (
            "ec2 during launch week (Nov 16-22)",
            "2026-11-16..2026-11-22 service=ec2",
            "Read `launch week` as `2026-11-16..2026-11-22`, the days given.",
        ),
        # a share: the breakdown where the part shows among the rest
        (
            "what % of our spend is lambda",
            "by service",
            "Read the share of `AWS Lambda` as the breakdown by service, where its part of the total shows.",
        ),
        ("staging as % of total this quarter?", "this quarter by account", None),
        # who spent: the creator tag, said
        (
            "who in the web team spent the most on ec2 in nov",
            "2026-11 tag:team=web service=ec2 by tag:aws:createdBy",
            "Read `who` as AWS's creator tag: the bill says who created a resource, not who spent.",
        ),
        # GPUs on a bill without GPU instances: EC2 by usage type, said
        (
            "how much are we spending on GPUs",
            "service=ec2 by usage-type",
            "`GPUs`: no GPU instance family (p, g, inf, trn) in this bill's usage types; answered with EC2 by usage "
            "type.",
        ),
        # a person's team: the team tag, said
        (
            "how much did Jenna's team spend last month",
            "last month by tag:team",
            "`Jenna's`: the bill does not say which team is whose; answered by tag:team.",
        ),
        # Cost Explorer's EC2-Other: EC2 by usage type, said
        (
            "EC2-Other breakdown past week",
            "last week service=ec2 by usage-type",
            "`EC2-Other`: Cost Explorer's name for EC2's usage besides instances (volumes, NAT gateways, IPs, "
            "transfer); answered with EC2 by usage type.",
        ),
        # context after the question: the question, said
        (
            "how much do we spend in ap-southeast-2 this year, monthly? trying to size the Sydney footprint",
            "this year region=ap-southeast-2 monthly",
            "Read `trying to size the Sydney footprint` as what you are after, not part of the question.",
        ),
        # a verb after `need to`, `would like to`: no value, left out and said
        (
            "Hello. I would like to examine the daily cost of EC2 in ap-southeast-2 since 1st November.",
            "since 2026-11-01 service=ec2 region=ap-southeast-2 daily",
            "Ignored `examine`: not words of a cost question; the rest was read as asked.",
        ),
        # a clause after a comma holding nothing of the question: context, left out and said
        (
            "Please give me distribution of cost by team for October, I need to send it to finance for chargeback",
            "2026-10 by tag:team",
            "Ignored `send`, `finance`, `chargeback`: not words of a cost question; the rest was read as asked.",
        ),
        # tax beside another kind of charge: one charge-class filter (never credits that are also tax)
        ("credits this year and how much went to tax", "this year charge-class=credit,tax", None),
        ("ytd excluding tax and credits", "this year charge-class!=credit,tax", None),
        # a few hours back: today hour by hour, said (a day's worth or more is days: `last 48h`)
        (
            "ec2 in prod last 3 hrs",
            "today service=ec2 account=production hourly",
            "Read `last 3 hrs` as today hour by hour (costs are kept by the hour).",
        ),
        # days of the month in progress named in a forecast: that month's forecast, said
        (
            "if the rest of the month looks like mon-thu this week where does nov end up",
            "forecast this month",
            "`2026-11-23..2026-11-26` lies within the month in progress: answered with that month's forecast, paced "
            "on its days so far.",
        ),
        # whether charges were taken off: what the total holds; the share of tax: beside the other charges
        (
            "console says 212k for october. are credits netted out in yours?",
            "2026-10 by charge-class",
            "Read `are credits netted out` as asking what the total holds: the split by charge class.",
        ),
        (
            "roughly what % of the 2025 bill was tax?",
            "2025 by charge-class",
            "Read the share of `Tax` as the breakdown by charge-class, where its part of the total shows.",
        ),
        # values remarked on after the breakdown by their dimension: shown among the others
        (
            "data transfer last month by region - eu-west-1 and syd look high.",
            "last month service=data-transfer by region",
            "Listed every value of `region`, `eu-west-1`, `ap-southeast-2` among them.",
        ),
        # a value weighed against the others of a breakdown: shown among them
        (
            "spend split across the accounts? is data-lake really as big as people say",
            "this month by account",
            "Listed every value of `account`, `data-lake (333344445555)` among them.",
        ),
        # a deadline after `by`, whoever needs it
        ("forecast for november - have to book the accrual by EOD", "forecast 2026-11", None),
        # a count of people before the unit: the cost itself, said
        (
            "can you tell me how much each of my 6 engineers costs us",
            "this month",
            "`engineers`: the bill holds costs only, nothing to divide them by (orders, users, people, revenue). "
            "Answered with the cost itself, to divide by your own figure.",
        ),
        # a unit the bill cannot count: the cost itself, said
        (
            "spend per researcher last month",
            "last month",
            "`per researcher`: the bill holds costs only, nothing to divide them by (orders, users, people, "
            "revenue). Answered with the cost itself, to divide by your own figure.",
        ),
        # days of the week: each day, said
        (
            "ec2 weekdays only in nov",
            "2026-11 service=ec2 daily",
            "`weekdays`: a cost question cannot keep some days of the week and leave out others. Answered day by "
            "day, so each day shows with its date.",
        ),
        # `including` keeps a total whole: nothing it names filters alone
        ("october including tax", "2026-10", "Read `tax` as part of the whole total, not a filter on it."),
        (
            "total AWS spend for October, including tax and support",
            "2026-10",
            "The bill holds no `support` charges: the total is without them.",
        ),
    ],
)
def test_names_of_groups_read_as_their_members_and_say_so(text: str, same_as: str, reading: str | None) -> None:
    query = parse(text)
    assert query == parse(same_as)
    if reading is not None:
        assert reading in query.readings


@pytest.mark.parametrize(
    "text",
    [
        "how much did it cost us last month",  # the pronoun, never the US regions
        "tell us the cost",
        "ec2 including tax",  # beside another service, tax is added, not dropped
    ],
)
def test_words_that_only_look_like_areas_or_inclusions_keep_their_reading(text: str) -> None:
    query = parse(text)
    assert not any("region=" in r or "whole total" in r for r in query.readings)
    if "tax" in text:
        assert query == parse("service=ec2,tax")
    else:
        assert not query.filters


@pytest.mark.parametrize(
    ("text", "same_as", "first", "rest"),
    [
        (
            "unusual days in staging this month? someone may have left something running since May",
            "anomalies this month account=staging",
            "unusual days in staging this month",
            "someone may have left something running since May",
        ),
        (
            "dynamo and rds last month by account — also what's the forecast for this month?",
            "last month service=dynamodb,rds by account",
            "dynamo and rds last month by account",
            "also what's the forecast for this month",
        ),
        (
            "launch went live on the 17th. any weird days this month?",
            "anomalies this month",
            "any weird days this month",
            "launch went live on the 17th",
        ),
        (
            "kms + sqs total last month, and what were they in sept",
            "last month service=kms,sqs",
            "kms + sqs total last month",
            "what were they in sept",
        ),
    ],
)
def test_a_message_asking_two_things_answers_the_first_that_asks_alone(
    text: str, same_as: str, first: str, rest: str
) -> None:
    query = parse(text)
    assert query == parse(same_as)
    assert query.readings[-1] == f"Answered `{first}` only; the rest (`{rest}`) asks something else: ask it on its own."


@pytest.mark.parametrize(
    ("text", "same_as"),
    [
        # a short form's full stop ends no question; a day left out of a range trims it at its end or start
        ("the CDN this month excl. today", "2026-11-01..2026-11-26 service=cloudfront"),
        ("november except the 1st", "2026-11-02..2026-11-27"),
        ("last 7 days without today", "last 7 days"),
    ],
)
def test_days_left_out_of_a_range_trim_it(text: str, same_as: str) -> None:
    assert parse(text) == parse(same_as)


def test_a_day_inside_a_range_cannot_be_left_out() -> None:
    with pytest.raises(UsageError) as info:
        parse("this month except the 15th")
    assert info.value.message == (
        "`2026-11-15` is not at the start or the end of `this month`: leaving it out would leave two spans."
    )


def test_spot_and_gpu_name_their_usage_types() -> None:
    usage = ("BoxUsage:g5.xlarge", "USE1-SpotUsage:p4d.24xlarge", "BoxUsage:m5.large", "USE1-EBS:VolumeUsage.gp3")
    vocabulary = Vocabulary(services={"Amazon Elastic Compute Cloud": "AmazonEC2"}, usage_types=usage)

    def read(text: str) -> CostQuery:
        return parse_query(text, today=TODAY, vocabulary=vocabulary)

    assert read("gpu spend this month") == read("usage-type=BoxUsage:g5.xlarge,USE1-SpotUsage:p4d.24xlarge")
    assert read("spot spend") == read("usage-type=USE1-SpotUsage:p4d.24xlarge")


def test_a_category_or_area_the_bill_holds_nothing_of_is_refused_by_name_never_read_as_a_typo() -> None:
    # a bill of S3 and KMS only (as the genuine FinOps Foundation sample): `compute` was read as `compare`
    vocabulary = Vocabulary(services={"Amazon Simple Storage Service": "AmazonS3"}, regions=("us-east-1",))

    def refused(text: str) -> str:
        with pytest.raises(UsageError) as info:
            parse_query(text, today=TODAY, vocabulary=vocabulary)
        return info.value.message

    assert refused("compute vs storage") == (
        "`compute`: this bill holds none of AWS's compute services (ec2, lambda, ecs, eks, ...)."
    )
    assert refused("spend in europe") == "`europe`: this bill has no costs in a region there."


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("what did we pay aws for october, need it to match the invoice", "match"),  # never `march`
        ("company spend last month", "company"),  # never `compare`
        ("how much did my training run cost last weekend", "training"),  # never `trailing`
    ],
)
def test_a_common_english_word_is_never_read_as_a_typo(text: str, word: str) -> None:
    with pytest.raises(UsageError) as info:
        parse(text)
    assert info.value.message == f"I don't understand `{word}`."


def test_a_misspelling_is_still_read_as_the_word_it_misspells() -> None:
    assert parse("last month by servce") == parse("last month by service")
    assert parse("cloudfornt last week") == parse("last week service=cloudfront")


def test_an_event_without_its_days_is_refused_by_name() -> None:
    with pytest.raises(UsageError) as info:
        parse("ec2 launch week")
    assert info.value.message == "`launch week`: I can't tell which days that is."
    assert info.value.hint == "Give its days, e.g. `launch week 2026-11-16..2026-11-22`."


def test_a_new_word_for_a_dimension_is_never_a_typo_target() -> None:
    # `centers` is two letters from `meters`: no usage type
    with pytest.raises(UsageError) as info:
        parse("centers last month")
    assert info.value.message == "I don't understand `centers`."
    # a cost center is a tag key so named, else the team (as a department is)
    assert parse("can you split the aws bill by cost center for the november accrual") == parse("2026-11 by tag:team")


def test_tags_reads_a_key_typed_whole_in_a_sentence() -> None:
    found = tags.parse("what % of kms spend has aws:createdBy", today=TODAY, vocabulary=VOCAB)
    assert found.key == "aws:createdBy"
    assert [f.values for f in found.filters] == [("AWS Key Management Service",)]


@pytest.mark.parametrize(
    ("previous", "follow_up", "whole"),
    [
        ("ec2 last month", "and for staging?", "last month service=ec2 account=staging"),
        ("ec2 last month by account", "same but by region", "last month service=ec2 by region"),
        ("account=production last month", "what about staging", "last month account=staging"),
        ("ec2 last month", "now only prod", "last month service=ec2 account=production"),
        ("why did ec2 go up last week", "and s3?", "why last week service=s3"),
        ("ec2 daily last month", "what about this month", "this month service=ec2 daily"),
        ("last month by service", "break that down by team", "last month by tag:team"),
        ("ec2 last month by region", "same for september", "2026-09 service=ec2 by region"),
        ("s3 last month", "ok same thing but daily", "last month service=s3 daily"),
        ("ec2 last month", "thanks, and for staging?", "last month service=ec2 account=staging"),
    ],
)
def test_a_follow_up_changes_only_what_it_names(previous: str, follow_up: str, whole: str) -> None:
    assert is_follow_up(follow_up)
    before = parse(previous)
    said = parse_query(
        follow_up,
        today=TODAY,
        vocabulary=VOCAB,
        default_range=range_text(before.time_range),
        default_basis=before.basis,
    )
    assert follow_on(before, said) == parse(whole)


@pytest.mark.parametrize("text", ["ec2 last month", "s3 by region", "forecast", "and", "android spend"])
def test_a_question_of_its_own_is_no_follow_up(text: str) -> None:
    assert is_follow_up(text) is (text == "and")


def test_quarters_step_by_calendar_quarter() -> None:
    assert parse("2025 by quarter").granularity is Granularity.QUARTER
    assert format_query(parse("2025 by quarter"), default_basis=CostBasis.UNBLENDED) == "2025 quarterly"


@pytest.mark.parametrize("text", ["frontend costs? last month", "last month? frontend"])
def test_an_unknown_word_in_the_question_or_an_afterthought_is_named_never_left_out(text: str) -> None:
    with pytest.raises(UsageError) as info:
        parse(text)
    assert info.value.message == "I don't understand `frontend`."
