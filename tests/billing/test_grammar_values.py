"""The grammar meets people (stop 29's rules): years written after a span or a quarter, a tag key filtered twice,
values asked together or apart, one value against the rest, tags with no value, bases named in Cost Explorer's
words, and a few words of chat. Each test asserts the question read and, where the bot says how it read it, the
sentence a person reads. Today is Friday 2026-11-27; `tests.billing.phrasings.VOCAB` holds the accounts
production, staging and data-lake, the tag keys team, env, project and aws:createdBy, and the services of the bill."""

from __future__ import annotations

import dataclasses

import pytest

from bot.billing.grammar import parse_query
from bot.billing.model import DimensionRef, Question
from bot.errors import UsageError
from commands import tags, top_resources
from tests.billing.phrasings import TODAY, VOCAB, without_labels
from tests.billing.phrasings import cost_query as parse

#: People's words, each read as the question they ask (or refused, naming the word: `!word`).
PEOPLE_WORDS: list[tuple[str, str]] = [
    # a year after a span of months is both ends' year; `this/last year` after a quarter or half is its year
    (
        "total spend Jan–Oct 2026 vs Jan–Oct 2025, excluding tax",
        "2026-01..2026-10 vs 2025-01..2025-10 service!=tax",
    ),
    ("jan to oct 2025 by service", "2025-01..2025-10 by service"),
    ("sep - nov 2025", "2025-09..2025-11"),
    ("cloudfront, Q3 this year vs Q3 last year", "2026-q3 vs 2025-q3 service=cloudfront"),
    ("h1 of last year", "2025-01..2025-06"),
    ("oct of last year", "2025-10"),
    # `may` beside who may: the verb, no month
    (
        "May I ask the cost of the data team (team tag = data) by service for last month?",
        "last month tag:team=data by service",
    ),
    ("it may be high last month", "last month"),
    ("what did we spend in May", "2026-05"),
    ("cost in may this year", "2026-05"),
    ("in May it jumped", "2026-05"),
    # one key filtered twice: a line item holds one value, so either value
    ("project=search and project=checkout, 16-22 nov", "2026-11-16..2026-11-22 tag:project=search,checkout"),
    (
        "project=search and project=checkout, 16-22 nov, separately pls",
        "2026-11-16..2026-11-22 tag:project=search,checkout by tag:project",
    ),
    # several values as one sum, or a line each
    (
        "ec2 + eks combined in us-west-2, week over week, last 4 weeks",
        "last 4 weeks service=ec2,eks region=us-west-2 weekly",
    ),
    (
        "ec2 + eks in us-west-2, week over week, last 4 weeks",
        "last 4 weeks service=ec2,eks region=us-west-2 weekly by service",
    ),
    ("s3 and glue separately last month", "last month service=s3,glue by service"),
    ("kms + sqs monthly combined", "since 2026-06-01 service=kms,sqs monthly"),
    # a tag with no value
    ("where aws:createdBy is empty, prod acct", "account=production tag:aws:createdBy=untagged"),
    ("team tag missing last month", "last month tag:team=untagged"),
    # Cost Explorer's bases
    ("MTD net amortized by linked account", "this month by account amortized"),
    ("EC2 spend Oct 2025 vs Oct 2026 net of savings plans, can you?", "2025-10 vs 2026-10 service=ec2 amortized"),
    ("nov mtd by account, don't need amortized, just what's billed", "this month by account unblended"),
    ("the net amortized for Nov so far, charge type Usage only", "this month amortized charge-class=usage"),
    # chat's words
    ("credits this year, and in which months?", "this year charge-class=credit monthly"),
    (
        "RDS in us-east-1 from 1st nov to till date, day wise",
        "2026-11-01..2026-11-27 service=rds region=us-east-1 daily",
    ),
    ("cost for data-lake a/c this month", "this month account=data-lake"),
    ("lambda, yday only", "yesterday service=lambda"),
    (
        "compare august and september for lambda, the september seems much bigger no?",
        "2026-08 vs 2026-09 service=lambda",
    ),
    ("yesterday vs the same day of last week, data transfer", "yesterday vs 2026-11-19 service=data-transfer"),
    ("WoW by service, this wk vs last (weeks start Mon)", "this week by service"),
    ("oct total by account, needs to include tax + credits", "2026-10 by account"),
    (
        "the SP and RI fees on nov 1, need the split between the two",
        "2026-11-01 charge-class=recurring,one-time by usage-type",
    ),
    # whether all is well, whether something lasts, unusual days of two services
    ("are we ok this month?", "forecast this month"),
    (
        "is the data transfer thing still going on? daily since sat pls",
        "since 2026-11-21 service=data-transfer daily",
    ),
    ("what's going on with cloudfront", "why this month service=cloudfront"),
    ("any weird days on glue or s3 in the last 2 wks?", "anomalies last 2 weeks service=glue,s3"),
    ("kms and sqs in oct+nov, daily, flag anything odd", "2026-10..2026-11 service=kms,sqs daily by service"),
    ("eks since last 4 days", "last 4 days service=eks"),
    ("who's paying for cloudfront in front of the website", "service=cloudfront tag:team=web"),
    # when the answer is wanted, `hows`, a full year, `w`, credits applied, the other accounts
    ("where's november going to land? need a number for the investor update by monday", "forecast 2026-11"),
    ("hows BF today vs BF last yr total", "2026-11-27 vs 2025-11-28"),
    ("whats the run-rate look like for full yr 2026", "forecast this year"),
    ("search infra yesterday, want to compare w a normal thursday", "yesterday vs 2026-11-19 tag:project=search"),
    ("credits applied this month", "this month charge-class=credit"),
    ("production vs the other accounts last month", "last month by account"),
    # a few words of Tagalog
    ("hi po, pa-check naman how much yung total AWS bill natin for October? thanks po", "2026-10"),
    ("hi po, may credits po ba tayo na na-apply ngayong November? magkano po?", "2026-11 charge-class=credit"),
    ("Is there a PO number for the staging account bill last month", "!PO"),
]


def test_one_value_against_the_rest_is_every_value_side_by_side_said() -> None:
    query = parse("prod vs non-prod for October")
    assert without_labels(query) == without_labels(parse("2026-10 by account"))
    assert "Read `prod` against the rest as every account side by side." in query.readings
    assert without_labels(parse("web vs everyone else last month")) == without_labels(parse("last month by tag:team"))


def test_a_count_in_doubt_is_the_larger_said() -> None:
    query = parse("ec2 last 3-4 days")
    assert without_labels(query) == without_labels(parse("last 4 days service=ec2"))
    assert "Read `last 3-4` as the last 4." in query.readings


def test_a_key_filtered_both_in_and_out_is_still_refused() -> None:
    with pytest.raises(UsageError, match="`service` is filtered twice"):
        parse("service=ec2 service!=s3")


def test_tags_lists_the_tag_whose_values_an_account_shares() -> None:
    query = tags.parse("prod vs non-prod for October - need the env split", today=TODAY, vocabulary=VOCAB)
    assert (query.key, query.time_range.label, query.filters) == ("user:env", "2026-10", ())
    assert query.readings == ("Read `prod` against the rest as every tag:env side by side.",)
    staged = tags.parse("whats staging costing vs prod this month", today=TODAY, vocabulary=VOCAB)
    assert (staged.key, staged.time_range.label, staged.filters, staged.readings) == ("user:env", "this month", (), ())
    with pytest.raises(UsageError, match="`by account`: `/tags` lists tag keys"):
        tags.parse("spend by account last month", today=TODAY, vocabulary=VOCAB)


def test_top_resources_reads_a_sort_order_and_a_short_day() -> None:
    query = top_resources.parse("lambda fns sorted by cost desc, yday only", today=TODAY, vocabulary=VOCAB)
    assert query == top_resources.parse("yesterday service=lambda", today=TODAY, vocabulary=VOCAB)
    assert query.readings == ()


def test_what_the_answer_is_for_is_read_past_said() -> None:
    query = parse(
        "what did staging cost for the week of nov 9? need to bill my hours to the client and justify the infra"
    )
    assert without_labels(query) == without_labels(parse("2026-11-09..2026-11-15 account=staging"))
    assert (
        "Read `need to bill my hours to the client and justify the infra` as what you are after, not part of the "
        "question." in query.readings
    )
    top = top_resources.parse(
        "what are the top 5 resources in the staging account? trying to figure out why staging costs almost as much",
        today=TODAY,
        vocabulary=VOCAB,
    )
    assert top == top_resources.parse("5 this month account=staging", today=TODAY, vocabulary=VOCAB)


def test_tagalog_words_read_are_said() -> None:
    query = parse("hi po, may credits po ba tayo na na-apply ngayong November? magkano po?")
    assert query.readings == (
        "Read `tayo` as `we`, `na-apply` as `applied`, `ngayong` as `this`, `magkano` as `how much`.",
    )


def test_resources_are_listed_when_asked_one_by_one_not_when_their_cost_is_asked() -> None:
    servers = parse("how much did the servers cost during launch week (Nov 16-22) vs the week before?")
    assert without_labels(servers) == without_labels(parse("2026-11-16..2026-11-22 service=ec2"))
    assert "Read `servers` as the resources of `service=ec2`." in servers.readings
    listed = parse("which servers are the priciest in the staging account")
    assert without_labels(listed) == without_labels(parse("service=ec2 account=staging by resource"))
    assert without_labels(parse("rds instances last month")) == without_labels(
        parse("last month service=rds by resource")
    )
    told = parse("EKS monthly since june, want to see the trend before we move node groups to c7g")
    assert without_labels(told) == without_labels(parse("since 2026-06-01 service=eks monthly"))


def test_resources_of_a_service_the_bill_does_not_hold_are_refused_not_the_whole_bill() -> None:
    # a bill without EC2 (the genuine CUR sample has none): `servers` must not answer the whole bill's cost
    no_ec2 = dataclasses.replace(
        VOCAB, services={k: v for k, v in VOCAB.services.items() if k != "Amazon Elastic Compute Cloud"}
    )
    for text in ("how much did the servers cost this month", "which servers cost most this month"):
        with pytest.raises(UsageError) as refused:
            parse_query(text, today=TODAY, vocabulary=no_ec2)
        assert refused.value.message == "`servers` (resources of `ec2`): this bill has no service by that name."
        assert refused.value.hint == "Name the service they run on; `/cost by service` lists the services it holds."
    # a service named beside the noun is the service's resources, held or not said by that name
    assert parse_query("rds instances last month", today=TODAY, vocabulary=no_ec2).filters == (
        parse("last month service=rds").filters
    )


@pytest.mark.parametrize("text", ["how much will we spend next month", "next month", "cost next year"])
def test_a_span_still_ahead_is_refused_saying_so_and_offering_the_forecast(text: str) -> None:
    with pytest.raises(UsageError) as refused:
        parse(text)
    ahead = " ".join(text.split()[-2:])
    assert refused.value.message == f"`{ahead}` is still ahead: the bill holds only days that have passed."
    assert refused.value.hint == (
        "`forecast` says where this month lands at its pace; `last month` is the latest whole month."
    )
    with pytest.raises(UsageError) as year:
        parse("2027 by service")
    assert year.value.message == "`2027` starts after today (2026-11-27): there is no billing data for it yet."
    with pytest.raises(UsageError, match=r"^`2027` starts after today"):
        parse("this year vs 2027")  # compared with days the bill cannot hold
    # beside the days asked, days ahead are what the person plans for, said
    planning = parse("Monthly totals for the last 12 months pls, before we set the 2027 numbers")
    assert without_labels(planning) == without_labels(parse("last 12 months monthly"))
    assert "Read `2027` as what you plan for: the bill holds only days that have passed." in planning.readings
    ahead = parse("last 12 months by service for next year planning")
    assert without_labels(ahead) == without_labels(parse("last 12 months by service"))
    assert "Read `next year` as what you plan for: the bill holds only days that have passed." in ahead.readings
    # a named event is still asked for its days
    with pytest.raises(UsageError) as event:
        parse("how much did launch week cost")
    assert event.value.message == "`launch week`: I can't tell which days that is."


def test_an_expectation_or_a_months_status_is_no_forecast_asked() -> None:
    higher = parse("Tax for October vs September? October looks higher than I expected")
    assert without_labels(higher) == without_labels(parse("2026-10 service=tax"))
    assert higher.readings == ("Read `than I expected` as what you expected, not a forecast asked.",)
    status = parse("month-to-date per account, and which part of it is final vs still estimated?")
    assert without_labels(status) == without_labels(parse("this month by account"))
    assert status.readings == ("Read `estimated` as what is final: the answer says which months are.",)
    # asked for, they are still the forecast
    assert parse("what's the estimated total this month").question is Question.FORECAST
    assert parse("expected spend this month").question is Question.FORECAST


def test_the_occasion_a_budget_names_is_context_not_a_budget_asked() -> None:
    asked = tags.parse(
        "Spend by team for all of 2025 - need it for the budget allocation conversation", today=TODAY, vocabulary=VOCAB
    )
    assert asked == tags.parse("team 2025", today=TODAY, vocabulary=VOCAB)
    with pytest.raises(UsageError, match="budgets are kept with `/trackit budget`"):
        parse("are we over budget")


def test_last_before_days_written_out_is_those_days_never_an_inner_spelling_shown() -> None:
    # `thurs to now` is written out as days before `last` is read; the refusal had shown `last 2026-11-26..2026-11-27`
    since = parse("search project daily cost from last thurs to now")
    assert without_labels(since) == without_labels(parse("2026-11-26..2026-11-27 tag:project=search daily"))


def test_a_value_just_before_a_noun_of_its_dimension_is_that_dimensions() -> None:
    # `prod` is an env value (the env tag is named too) and starts the account `production`: `prod acct` is the account
    asked = tags.parse("untagged % for env tag, last full month, prod acct only", today=TODAY, vocabulary=VOCAB)
    meant = tags.parse("env account=production last month", today=TODAY, vocabulary=VOCAB)
    assert dataclasses.replace(asked, readings=()) == dataclasses.replace(meant, readings=())
    assert "Read `prod` as `account=production`." in asked.readings
    # an exact account name is narrowed silently
    both = parse("staging account vs prod account")
    assert both.readings == ("Read `prod` as `account=production`.",)


def test_output_and_logs_pasted_as_code_are_left_out_and_said() -> None:
    logged = parse(
        "deploy log says `glue job nightly-etl-v2 started 2026-11-20T02:00:13Z` - did glue cost jump after that? "
        "daily glue from the 15th onwards"
    )
    assert without_labels(logged) == without_labels(parse("since 2026-11-15 service=glue daily"))
    assert logged.readings[0] == (
        "Left out the pasted `glue job nightly-etl-v2 started 2026-11…`: output or code, not words of the question."
    )
    thrown = parse("getting `ThrottlingException: Rate exceeded (Service: Kms)` on kms. kms per day last week")
    assert without_labels(thrown) == without_labels(parse("last week service=kms daily"))
    # a word or a filter between backticks is the question's own
    assert parse("last month by `team`") == parse("last month by team")
    assert parse("`service=ec2` last month") == parse("service=ec2 last month")
    # in a command that lists costs, pasted words asking a comparison ask none
    lens = top_resources.parse(
        "biggest S3 buckets by cost last month? storage lens says `Total storage: 412.8 TB (+18% MoM)`",
        today=TODAY,
        vocabulary=VOCAB,
    )
    meant = top_resources.parse("last month service=s3", today=TODAY, vocabulary=VOCAB)
    assert (lens.time_range, lens.filters) == (meant.time_range, meant.filters)
    # `the env values`: the key's values, one by one
    split = tags.parse("how does spend split across the env values this week", today=TODAY, vocabulary=VOCAB)
    assert split == tags.parse("env this week", today=TODAY, vocabulary=VOCAB)


def test_a_forecast_of_a_period_over_is_what_it_cost_said() -> None:
    landed = parse("where did october land")
    assert without_labels(landed) == without_labels(parse("2026-10"))
    assert landed.readings == ("`2026-10` is over: answered with what it cost, not a forecast.",)
    assert parse("where does nov land").question is Question.FORECAST


def test_last_before_a_plain_noun_is_the_adjective_no_time_range() -> None:
    item = parse("last item: credits + tax so far this month")
    assert without_labels(item) == without_labels(parse("this month charge-class=credit,tax"))
    assert without_labels(parse("last thing, ec2 yesterday")) == without_labels(parse("yesterday service=ec2"))
    with pytest.raises(UsageError, match="is not a time range I know"):
        parse("last time")


def test_owned_by_a_value_is_that_value_and_a_companys_review_no_person() -> None:
    owned = top_resources.parse(
        "what are the 10 biggest line items owned by web this month?", today=TODAY, vocabulary=VOCAB
    )
    assert owned.filters == top_resources.parse("10 this month tag:team=web", today=TODAY, vocabulary=VOCAB).filters
    review = tags.parse(
        "Brightline's vendor review wants our API costs broken out by environment - can you split team=api spend by "
        "env for October?",
        today=TODAY,
        vocabulary=VOCAB,
    )
    assert dataclasses.replace(review, readings=()) == dataclasses.replace(
        tags.parse("env tag:team=api 2026-10", today=TODAY, vocabulary=VOCAB), readings=()
    )
    assert "Read `Brightline's` as context: no person's resources are asked." in review.readings


def test_since_a_season_is_since_its_first_day() -> None:
    # the northern meteorological seasons, the latest begun: summer on June 1st, winter on December 1st last year
    summer = parse("is the data team's spend trending up or down since summer? month by month pls")
    assert without_labels(summer) == without_labels(parse("since 2026-06-01 tag:team=data monthly"))
    assert parse("since winter").time_range.start == parse("since 2025-12-01").time_range.start


def test_a_value_asked_for_lists_the_keys_values() -> None:
    asked = tags.parse("env=? on eks spend, nov", today=TODAY, vocabulary=VOCAB)
    meant = tags.parse("env service=eks this month", today=TODAY, vocabulary=VOCAB)
    assert (asked.key, asked.filters, asked.time_range.start, asked.time_range.end) == (
        meant.key,
        meant.filters,
        meant.time_range.start,
        meant.time_range.end,
    )
    assert without_labels(parse("team=* last month")) == without_labels(parse("last month by team"))


def test_each_person_is_the_creator_tag_and_each_at_the_end_refers_back() -> None:
    people = parse("cost by person last month")
    assert without_labels(people) == without_labels(parse("last month by tag:aws:createdBy"))
    assert people.readings == ("Read `person` as AWS's creator tag: who created what.",)
    each = tags.parse(
        "How much cost is create by each person (aws:createdBy) in data-lake acc?", today=TODAY, vocabulary=VOCAB
    )
    assert (each.key, each.filters) == ("aws:createdBy", parse("account=data-lake").filters)
    listed = top_resources.parse(
        "20 priciest S3 buckets for Oct 2026, with the account id next to each please", today=TODAY, vocabulary=VOCAB
    )
    assert (listed.n, listed.filters) == (20, parse("service=s3").filters)


#: This stop's phrasings, each read as its canonical meaning (rules in docs/query-language.md, "Asking in plain words").
READ_AS_MEANT: list[tuple[str, str]] = [
    # the same stretch of the period before is what every answer compares with: no day-by-day series
    ("this month vs the same days of last month", "this month"),
    ("are we spending more than last month or what. same days obv", "this month"),
    ("What's Q4 QTD spend vs. the same point in Q3?", "this quarter"),
    ("Nov MTD vs Oct same number of days, excluding tax, by account", "this month service!=tax by account"),
    # `which days` with `unusual`: the unusual days, not each day
    ("which days in the last 90 days were outliers?", "anomalies last 90 days"),
    ("which days cost most last month", "last month daily"),
    # a month (quarter, year) in progress `to date` is that period so far, as `mtd` is
    ("nov to date", "this month"),
    ("top 5 services by share of total, q3 vs q4 to date", "2026-q3 vs this quarter by service top 5"),
    ("H1 vs H2 total spend pls, H2 to date obv", "2026-01..2026-06 vs 2026-07..2026-12"),
    # a period over is the days until today
    ("oct to date", "2026-10-01..2026-11-27"),
    # a person's message is where the question comes from, not whose resources
    ("quick one from Marta's thread: what did EKS cost in Q3?", "2026-q3 service=eks"),
    # a dimension's word before an occasion names the occasion: no breakdown
    ("ec2 last month for the team meeting", "last month service=ec2"),
    (
        "Glue and KMS totals for Q3, separately. finance is asking for the vendor review",
        "2026-q3 service=glue,kms by service",
    ),
    # `list all regions`: each of them
    (
        "Please list all regions where we incurred any charges in the data-lake account during Q3 2026.",
        "2026-q3 account=data-lake by region",
    ),
    ("forecast for nov end if this black friday traffic keeps up", "forecast 2026-11"),
    (
        "how much cost glue in the data lake for the month past? and for each region please",
        "last month service=glue account=data-lake by region",
    ),
    ("is ec2 higher than last months?", "this month service=ec2"),
    # `on the day`: the day named, no day-by-day series
    ("how does this black friday compare with last year's? total spend on the day", "2026-11-27 vs 2025-11-28"),
    # a command line's flags, a time phrase in hyphens
    ("eks --by account --period last-month", "last month service=eks by account"),
    ("last-7-days by service", "last 7 days by service"),
    # `the 7 before`: the as many days before, which every answer compares with
    ("kms cost doubled?? last 7 days vs the 7 before", "last 7 days service=kms"),
    # `for slide 4 of the QBR`: where the answer goes
    (
        "Need Q3 total AWS spend for slide 4 of the QBR - excluding tax please, split by account",
        "2026-q3 service!=tax by account",
    ),
    # `did we end up paying more`: what happened, no forecast
    ("ec2 on the 12th of Nov - did we end up paying more that day??", "2026-11-12 service=ec2"),
    # a resource noun after `per`: each resource
    ("ec2 per instance last month", "last month service=ec2 by resource"),
    # a count of things, a list's numbers: no date, no ranking
    ("cost per engineer? we have 40 people", "this month"),
    (
        "weekly review item 1: total spend last week (Mon-Sun) vs the week before, by account",
        "last week by account",
    ),
    # `the week before it`: the one before
    ("what did black friday week cost last year vs the week before it?", "2025-11-24..2025-11-30"),
    # the first days (weeks) of a month
    ("Was anything weird in the first two weeks of November?", "anomalies 2026-11-01..2026-11-14"),
    ("first 10 days of october", "2026-10-01..2026-10-10"),
    # a charge breakdown named with its rows: the split by charge class, no filter
    (
        "last month's bill by account and by charge type (usage / fees / credits / tax)?",
        "last month by account, charge-class",
    ),
    # chat's dropped g, a bracket glued to the word before it
    ("where r we landin for nov", "forecast 2026-11"),
    ("EC2 cost in us-west-2 for Sep, Oct, Nov(until today)", "2026-09..2026-11 service=ec2 region=us-west-2 monthly"),
    # a request to whoever reads, and who sent the question: none of it asked
    ("can someone confirm the october bill", "2026-10"),
    ("sent by my manager: ec2 last month", "last month service=ec2"),
    ("fwd from security: what did s3 cost in q3", "2026-q3 service=s3"),
    ("how is prod spend today? Northwind's launch went live", "today account=production"),
    # `by our accounts`: whose, then the breakdown
    ("costs last month by our accounts", "last month by account"),
    # two dates with the day beside the month, the dash between them glued to both
    ("checkout total for 15 Oct–14 Nov", "2026-10-15..2026-11-14 tag:project=checkout"),
    ("ec2 Oct 15-Nov 14", "2026-10-15..2026-11-14 service=ec2"),
    # a day as spreadsheets write it
    ("ec2 from 01-Nov-2026 to 15-Nov-2026", "2026-11-01..2026-11-15 service=ec2"),
    ("s3 on 15-Nov-25", "2025-11-15 service=s3"),
    ("s3 on 15-Nov", "2026-11-15 service=s3"),
    # a typo of a spike word; a spike asked with the two periods named: the comparison answers it
    ("is cloudfront spikng today??", "anomalies today service=cloudfront"),
    ("ec2 spiking?? whats today vs yesterday", "today vs yesterday service=ec2"),
    # a numbered part of a document or list
    (
        "Section 3 — Compute. ec2 + lambda monthly totals jun through oct",
        "2026-06..2026-10 service=ec2,lambda by service monthly",
    ),
    ("item 4 - ec2 by region last month", "last month service=ec2 by region"),
    # a cluster is a resource of the bill
    ("EKS spend per cluster MTD?", "this month service=eks by resource"),
    ("eks by cluster last month", "last month service=eks by resource"),
    # a command line's or an API's parameters
    ("region=ap-southeast-2 group-by=service last 90d", "last 90 days region=ap-southeast-2 by service"),
    (
        "--service EC2 --account 210987654321 --start 2026-11-01 --end 2026-11-26 --granularity daily",
        "2026-11-01..2026-11-26 service=ec2 account=staging daily",
    ),
    ("ec2 period=last_month", "last month service=ec2"),
    ("from=2026-11-20 to=2026-11-26 service=kms", "2026-11-20..2026-11-26 service=kms"),
    # single-dash flags, `all` as a dimension's value, a pipe into grep, `$$-wise`
    ("ec2 -by region -last 7d", "last 7 days service=ec2 by region"),
    ("anomalies --last 30d --acct all | grep -v tax", "anomalies last 30 days service!=tax"),
    ("eks --by account --period last-month", "last month service=eks by account"),
    # the total net of credits, and the credits apart: the split by charge class
    ("last month net of credits, and separately the credits", "last month by charge-class"),
    # `in line with the week before`: the comparison every answer shows
    ("is sqs last week in line with the week before", "last week service=sqs"),
    # a breakdown with nothing named: by service; of one service, by its usage types
    ("break down the november 1 charges", "2026-11-01 by service"),
    ("break down ec2 last month", "last month service=ec2 by usage-type"),
    ("Oct total. one number, no breakdown pls", "2026-10"),
    ("can you skip the breakdown and give me the total for october", "2026-10"),
    # a filter typed after a word leaving it out is left out; `skip`, `leave out` leave out
    ("ec2 excluding env=dev", "this month service=ec2 tag:env!=dev"),
    ("ec2 without anything tagged env=dev", "this month service=ec2 tag:env!=dev"),
    ("ec2 without tax, env=prod", "this month service=ec2 tag:env=prod"),
    ("oct cost, leave out tax", "2026-10 service!=tax"),
    ("last month skip tax", "last month service!=tax"),
    ("ec2 last month, ignore the credits", "last month service=ec2 charge-class!=credit"),
    ("last month apart from tax", "last month service!=tax"),
    ("last month aside from tax", "last month service!=tax"),
    ("last month not including tax", "last month service!=tax"),
    ("last month exclusive of tax", "last month service!=tax"),
    ("last month, dont count tax", "last month service!=tax"),
    ("everything besides ec2 last month", "last month service!=ec2"),
    ("all services but ec2 last month", "last month service!=ec2"),
    ("every region but us-east-1", "this month region!=us-east-1 by region"),
    ("last month, tax excluded", "last month service!=tax"),
    ("last month with credits and tax removed", "last month charge-class!=credit,tax"),
    ("ec2 last month with dev left out", "last month service=ec2 tag:env!=dev"),
    ("last month excluding untagged team", "last month by tag:team tag:team!=untagged"),
    ("untagged team last month", "last month tag:team=untagged"),
    ("neither ec2 nor s3 last month", "last month service!=ec2,s3"),
    ("last month net of tax", "last month service!=tax"),
    ("last month less credits", "last month charge-class!=credit"),
    ("less tax than last month", "this month service=tax"),
    # `drop`, `remove`, `no`, `nothing from` before a value, `not included` after it; a noun after the value left
    # out names it (`the staging account`), no breakdown of the others
    ("last month but drop the staging account", "last month account!=staging"),
    ("last month, no staging", "last month account!=staging"),
    ("last month, nothing from staging", "last month account!=staging"),
    ("spend last month, staging not included", "last month account!=staging"),
    ("last month excluding the dev env", "last month tag:env!=dev"),
    # a greeting with whom it greets; contractions; a routine named (`same as every week`) is no step
    ("Morning all - can I get MTD total? same as every week", "this month"),
    ("morning team, ec2 yesterday?", "yesterday service=ec2"),
    ("Breakdown by service for October, I'll round them for the board", "2026-10 by service"),
    # regions shortened `us-w2`; a dashboard's offset back from now; an ISO time stamp is its day; `1024` no year
    ("s3 us-w2 oct", "2026-10 service=s3 region=us-west-2"),
    ("ec2 ap-se2 last month", "last month service=ec2 region=ap-southeast-2"),
    ("daily total -7d, no tax", "last 7 days service!=tax daily"),
    ("ec2 now-30d", "last 30 days service=ec2"),
    ("lambda since 2026-11-18T14:02:11Z", "since 2026-11-18 service=lambda"),
    # a command pasted between backticks is left out; an event `is going on` is context, no why
    (
        "`kubectl get nodes` says we scaled up, eks cost yday vs same day last wk",
        "2026-11-26 vs 2026-11-19 service=eks",
    ),
    ("the BF sale is going on, cloudfront today hourly", "today service=cloudfront hourly"),
    ("what is going on with ec2", "why this month service=ec2"),
    # a commitment to buy or talked about is no fee on the bill (`what did we pay for a reserved instance` is)
    ("ec2 by month this year? want to size a Compute SP", "this year service=ec2 monthly"),
    ("top rds instances last 3 months, for the RI discussion", "last 3 months service=rds by resource"),
    ("what did we pay for a reserved instance last month", "last month charge-class=recurring,one-time"),
    # `Period is this week.` names the period; `having no team tag` is untagged, `not having` without
    ("ec2 by service. Period is this week please.", "this week service=ec2 by service"),
    ("resources having no team tag", "this month by resource tag:team=untagged"),
    # `early`, `late` in a month: its first and last thirds (`early` had been ignored: the whole month)
    ("ec2 early november", "2026-11-01..2026-11-10 service=ec2"),
    ("ec2 since late october", "since 2026-10-21 service=ec2"),
    # business days are weekdays: the last one before today, or the span of the last few
    ("ec2 last business day", "2026-11-26 service=ec2"),
    ("ec2 last 5 business days", "2026-11-20..2026-11-26 service=ec2"),
    # a number after `more than`, `over` is an amount; a series asked is held against it, no forecast
    ("which services cost more than 500 last month", "last month by service"),
    ("which days were over $4,000 in nov", "2026-11 daily"),
    # what a total is made of asked: a breakdown, by usage type of one service
    ("what makes up the ec2 cost", "this month service=ec2 by usage-type"),
    ("what makes up our bill last month", "last month by service"),
    # `both` before the values listed; a tag that `isn't set` is missing
    ("ec2 for both staging and production accounts", "this month service=ec2 account=staging,production"),
    ("ec2 where team isn't set", "this month service=ec2 tag:team=untagged"),
    # a guess at the answer (`I expect it low`) is no forecast; `how much of that is tax`: its part of the total
    ("production by service yesterday, I expect it low", "yesterday account=production by service"),
    ("YTD total thru end of Oct by month, and how much of that is tax", "2026-01..2026-10 by charge-class monthly"),
    # `the usage number only`; a job's schedule (`every 5 min`) is no step; `12 month trailing` is the last months
    ("Q3 total excl tax and credits, want the usage number only", "2026-q3 charge-class=usage"),
    ("glue last month? that job runs every 5 min", "last month service=glue"),
    ("a 12 month trailing total for the prod account, monthly", "last 12 months account=production monthly"),
    # `Tag: project` as Cost Explorer writes it, `tag key team`; `sharing between` splits; Nigerian Pidgin's small
    # words are chat
    ("by Tag: project last month", "last month by tag:project"),
    ("tag key team last month", "last month by tag:team"),
    ("abeg how much we don spend on lambda this month sef?", "this month service=lambda"),
    # `when did` asks which days (months, over a longer range): the series; a month-end pack is paperwork
    ("when did ec2 go up this month", "this month service=ec2 daily"),
    ("when did we get credits this year", "this year charge-class=credit monthly"),
    ("Oct vs Sep variance by service for the month-end pack - top movers", "increases 2026-10 by service"),
    # `from morning` is today; `in yesterday standup` is when something was asked, no period; `days where spend
    # went up` are the days it did (no `where is the money going`)
    (
        "any anomaly in lambda spend this month? getting alerts from morning itself",
        "anomalies this month service=lambda",
    ),
    ("lambda since morning", "since 2026-11-27 service=lambda"),
    ("ec2 last week, as discussed in yesterday's meeting", "last week service=ec2"),
    ("any weird days last month where spend went up", "anomalies last month"),
    # `the same as last month`, `above oct`, `similar to last week`: held against it (it was the period asked, or
    # refused as a second one); periods misspelt as other words (`last moth`); a hedge inside a period
    ("is ec2 the same as last month", "this month vs last month service=ec2"),
    ("whats the forcast for the month, are we trending above oct?", "forecast this month"),
    ("ec2 last moth", "last month service=ec2"),
    ("ec2 this weak", "this week service=ec2"),
    ("weekly total for the last like 6 weeks", "last 6 weeks weekly"),
    # a budget alert pasted before the question: left out but for the values its name holds
    (
        '"AWS Budgets: Monthly-Prod-Compute has exceeded 80% of your budgeted amount" — whats driving EC2 this month?',
        "why this month service=ec2 account=production",
    ),
    (
        "[AWS Budgets] Glue-DataLake-Nov: ACTUAL Cost is $3,412.88 (113.8% of $3,000.00) — does that match?",
        "this month service=glue account=data-lake",
    ),
    # `per API request`: a unit the bill cannot count, the value naming its kind (no filter), said
    ("cost per API request for checkout last month", "last month tag:project=checkout"),
    # the last week (day, days) of a month: its end (it was refused as last week and the month); `vs the two before`,
    # `the prior 7`: the stretch as long just before (another count is not read so)
    (
        "ec2 spend in the first week of nov vs the last week of oct",
        "2026-11-01..2026-11-07 vs 2026-10-25..2026-10-31 service=ec2",
    ),
    ("ec2 the last day of october", "2026-10-31 service=ec2"),
    ("ec2 for the last two weeks vs the two before", "last 2 weeks service=ec2"),
    ("s3 last 7 days compared to the prior 7 days", "last 7 days service=s3"),
    # a key with no value typed names the key
    ("team= for eks last month", "last month service=eks by tag:team"),
    ("drop the fee line items last month", "last month charge-class!=recurring,one-time"),
    ("did spend drop last week", "last week"),
    # commitment coverage: the usage beside the fees (the split by charge class, no filter on the fees)
    ("What is our Savings Plans coverage on EC2 for october?", "2026-10 service=ec2 by charge-class"),
    ("savings plan fees last month", "last month charge-class=recurring,one-time"),
    ("second half of last year", "2025-07..2025-12"),
    # `us` before `regions` is the area, and `non-us` all but it (`cost us` stays the pronoun)
    ("us regions only last month", "last month region=us-east-1,us-west-2"),
    ("non-us spend last month", "last month region!=us-east-1,us-west-2"),
    ("what did that cost us last month", "last month"),
    # numbers in words past twelve; `bigger`; a figure stated after `=`
    ("ec2 in staging for the past thirty days", "last 30 days service=ec2 account=staging"),
    ("is the bill bigger than last month", "this month"),
    (
        "S3 in us-east-1 for 1–15 Nov = 3,902.10 unblended",
        "2026-11-01..2026-11-15 service=s3 region=us-east-1 unblended",
    ),
    # a value asked and left out both (`tax`, and the bill excluding it): beside the rest
    ("what did we pay in tax last month, and whats the bill excluding tax?", "last month by charge-class"),
    ("what was ec2 last month, and everything except ec2?", "last month by service"),
    # a period `onwards`: from its first day to today
    ("ec2 july onwards", "since 2026-07-01 service=ec2"),
    ("ec2 jul 15 onward", "since 2026-07-15 service=ec2"),
    # `besides` before what is no value: as well as (no filter)
    ("anything unusual in api team's costs last week besides the leak days?", "anomalies last week tag:team=api"),
    # a period named twice in two spellings is one (`nov MTD`), also in a comparison
    ("compare data lake nov MTD vs last month", "this month account=data-lake"),
    # `a normal weekend`: the weekend before, as many days
    ("black friday weekend vs a normal weekend", "2026-11-27..2026-11-29 vs 2026-11-20..2026-11-22"),
    # `wondering if ...` after the question: a guess, which unusual days (judged service by service) answer anyway
    (
        "any spikes in s3 last week? wondering if someone's copying logs cross region",
        "anomalies last week service=s3",
    ),
]


def test_parameters_are_read_as_the_grammars_words_and_said() -> None:
    top = top_resources.parse(
        "service=RDS account=123456789012 limit=5 since 2026-10-01", today=TODAY, vocabulary=VOCAB
    )
    assert (top.n, top.readings) == (5, ("Read the parameters `limit=5` as `top 5`.",))
    flags = top_resources.parse("-n 10 --acct staging --svc ec2 mtd", today=TODAY, vocabulary=VOCAB)
    assert (flags.n, flags.readings) == (10, ("Read the parameters `-n 10` as `top 10`.",))
    every = parse("ec2 account=all last month")
    assert (every.filters, every.readings) == (
        parse("ec2").filters,
        ("Read the parameters `account=all` as no filter.",),
    )
    asked = tags.parse("key=env service=EKS period=last_month", today=TODAY, vocabulary=VOCAB)
    assert (asked.key, asked.time_range.label) == ("user:env", "last month")
    assert asked.readings == ("Read the parameters `key=env` as `env`.",)  # (`period=` is the clause reader's own)
    # the names the clause reader reads with `=` keep its checks (`top=abc` was read as `top abc`, `abc` ignored)
    for text, message in (
        ("top=abc last month", "`top=abc`: top must be a number."),
        ("granularity=fortnightly", "`fortnightly` is not a time step."),
    ):
        with pytest.raises(UsageError) as refused:
            parse(text)
        assert refused.value.message == message
    assert parse("top=5 last month by service").readings == ()


def test_a_sentence_saying_only_what_the_person_is_after_is_never_answered_alone() -> None:
    # (the question's own sentence names two periods: refused naming both, no forecast of `run-rate`)
    with pytest.raises(UsageError, match=r"Two time ranges: `the oct` .* and `the 1st`"):
        parse(
            "how much of the oct bill was the upfront fees on the 1st vs actual usage? trying to normalize our run-rate"
        )


def test_the_cheapest_asked_lists_every_value_with_the_cheapest_last_never_the_top_ones_alone() -> None:
    bottom = parse("bottom 5 services last month")
    assert without_labels(bottom) == without_labels(parse("last month by service top 1000"))
    assert bottom.readings == (
        "Read `bottom 5`: every value is listed, from the most expensive, so the cheapest are last.",
    )
    assert parse("which service costs the least").top == 1000
    assert parse("least expensive account last month").top == 1000
    assert parse("bottom line, what did ec2 cost last month").top == 10  # an idiom: no ranking asked
    # a list of the most expensive (`/top-resources`) says what it ranks
    cheapest = top_resources.parse("cheapest instances", today=TODAY, vocabulary=VOCAB)
    assert cheapest.readings[-1] == "`cheapest`: lists rank the most expensive first."
    # `/tags`: after the key, `breakdown` is by it (no breakdown by service read and refused)
    env = tags.parse("env breakdown not counting the data lake", today=TODAY, vocabulary=VOCAB)
    assert (env.key, env.readings) == ("user:env", ())


def test_coverage_says_it_is_answered_with_the_usage_beside_the_fees_and_nothing_else() -> None:
    assert parse("What is our Savings Plans coverage on EC2 for october?").readings == (
        "`coverage`: commitment coverage and utilisation are answered by `/trackit commitments`. Answered with the "
        "split by charge class (usage, the RI and Savings Plan fees, credits) unless you ask another breakdown.",
    )


def test_a_greeting_or_a_thanks_alone_is_never_the_question_answered() -> None:
    # (the question's sentence names a word nothing reads: refused naming it, never `Good day` answered as `day`)
    with pytest.raises(UsageError, match="past frobnicate"):
        parse("Good day. Please share the most costly resources for the past frobnicate days. Thank you kindly.")


def test_what_is_left_out_or_chosen_is_said_as_typed() -> None:
    header = parse("fwd from security: what did s3 cost in q3").readings
    assert header == ("Left out `fwd from security:`, the header of a relayed message: it asks nothing itself.",)
    assert parse("break down the november 1 charges").readings == (
        "Read the breakdown asked, with nothing named to break it down by, as `by service`.",
    )
    guess = parse("any spikes in s3 last week? wondering if someone's copying logs cross region").readings
    assert guess == (
        "Read `wondering if someone's copying logs cross region` as your guess, not part of the question.",
    )


def test_a_thanks_a_word_taken_back_and_a_change_seen_are_left_out_and_said() -> None:
    thanked = parse("Thank you for your support always. Could you compare the RDS cost of September and October?")
    assert without_labels(thanked) == without_labels(parse("2026-10 vs 2026-09 service=rds"))
    assert thanked.readings == ("Left out `Thank you for your support always.`: a thanks, it asks nothing.",)
    taken = parse("why did athena... sorry, glue + s3 go up so much in oct vs sep?")
    assert without_labels(taken) == without_labels(parse("why 2026-10 vs 2026-09 service=glue,s3"))
    assert taken.readings == ("Left out `athena`, taken back as it was typed.",)
    # (what the apology adds to is read whole: `month` is not taken back)
    assert without_labels(parse("ec2 last month... sorry, by region")) == without_labels(
        parse("last month service=ec2 by region")
    )
    business = parse("ec2 last 5 business days").readings
    assert business == ("Read `last 5 business days` as `2026-11-20..2026-11-26`, the weekend between included.",)
    guess = parse("ec2 yesterday, I expect it was low").readings
    assert guess == ("Left out `I expect it`: a guess at the answer, not a forecast asked.",)
    when = parse("when did ec2 go up this month").readings
    assert when == ("Read `when` as asking which days: the series, step by step.",)
    alert = parse("[AWS Budgets] Glue-DataLake-Nov: ACTUAL Cost is $3,412.88 — does that match what you see?").readings
    assert alert[0] == (
        "Left out the pasted budget alert `[AWS Budgets] Glue-DataLake-Nov: ACTUAL Cost is $3,412.88` beyond `Glue`, "
        "`DataLake`: it asks nothing itself."
    )
    department = parse("cost center split last month")
    assert department.readings == ("Read `cost center` as `tag:team`: the bill has no tag so named.",)
    assert without_labels(department) == without_labels(parse("last month by tag:team"))
    assert parse("by environment last month").readings == ()  # (another spelling of `env`: nothing to say)
    # a store holding the key spelt with a separator (`cost_center`): `cost center` names it (it was refused, `I
    # can't group by costcenter`, with `by tag:cost_center` offered), and nothing stands in
    centres = dataclasses.replace(VOCAB, tag_keys=(*VOCAB.tag_keys, "user:cost_center"))
    own = parse_query("cost center split last month", today=TODAY, vocabulary=centres)
    assert (own.group_by, own.readings) == ((DimensionRef.tag("user:cost_center"),), ())
    planned = parse("ec2 last month, for the RI discussion").readings
    assert planned == ("Read `the RI discussion` as a commitment planned or talked about, not its fees.",)
    seen = parse("KMS line went from like $40 to $310?? is that it")
    assert (seen.question, seen.readings) == (
        Question.COST,
        ("Read `$40` to `$310` as the change seen, which the answer states.",),
    )
    assert parse("will we go over 50k this month").question is Question.FORECAST


def test_a_question_mark_in_an_aside_ends_no_sentence() -> None:
    # (the sentence after it names a word nothing reads: the whole message is refused naming it, no longer half of
    # the first sentence answered)
    with pytest.raises(UsageError, match="`photos`"):
        parse(
            "how much did the image thing (cloudfront??) cost last month vs the month before. someone in eng said "
            "its what shows the product photos"
        )
    assert without_labels(parse("the image thing (cloudfront??) last month")) == without_labels(
        parse("last month service=cloudfront")
    )


def test_one_thing_named_twice_is_one_series_not_a_line_each() -> None:
    # `Savings Plan` names the commitments' charges, `fees` the recurring ones among them: one thing, one series
    fees = parse("Savings Plan fees we've paid each month this year")
    assert without_labels(fees) == without_labels(parse("this year charge-class=recurring,one-time monthly"))
    # two services are two things: a series of each
    assert parse("kms + sqs monthly").group_by == parse("by service").group_by


#: A service's parts and kinds of charge asked side by side.
PARTS_SIDE_BY_SIDE: list[tuple[str, str]] = [
    # the parts of a service's bill side by side: its usage types (`transfer` no Data Transfer service here)
    ("s3 storage vs requests vs transfer for data-lake, Q3", "2026-q3 service=s3 account=data-lake by usage-type"),
    ("s3 by usage type for oct, wanna see storage vs requests", "2026-10 service=s3 by usage-type"),
    ("storage and requests for the data lake", "service=s3 account=data-lake by usage-type"),
    ("data transfer last month", "last month service=data-transfer"),
    # fees kept apart from the usage: both, the split by charge class
    ("need the SP and RI fees booked on 1 Nov separately from usage", "2026-11-01 by charge-class"),
    ("tax separate from usage last month", "last month by charge-class"),
    # asked whether the total holds tax: the split by charge class shows it
    ("what was the total for Q3 2026 please, and is that including tax?", "2026-q3 by charge-class"),
    ("october including tax", "2026-10"),
]


def test_the_later_period_is_held_against_the_earlier_whichever_is_named_first() -> None:
    # `oct vs nov so far`: November so far, against October (the period before it, which every answer shows): read
    # as the month itself, so the answer holds its complete days against October's same days, as `this month` does
    assert without_labels(parse("rds oct vs nov so far")) == without_labels(parse("this month service=rds"))
    so_far = parse("october vs november to date")
    month = parse("this month").time_range
    assert (so_far.time_range.start, so_far.time_range.end, so_far.versus) == (month.start, month.end, None)
    # two weeks named in either order: the later against the earlier
    later_first = parse("2026-11-18..2026-11-24 vs 2026-11-04..2026-11-10")
    assert parse("2026-11-04..2026-11-10 vs 2026-11-18..2026-11-24") == later_first
    assert (later_first.time_range.start.isoformat(), later_first.versus.start.isoformat()) == (  # type: ignore[union-attr]
        "2026-11-18",
        "2026-11-04",
    )


@pytest.mark.parametrize(("text", "meaning"), PEOPLE_WORDS + READ_AS_MEANT + PARTS_SIDE_BY_SIDE)
def test_people_s_words_read_as_meant(text: str, meaning: str) -> None:
    if meaning.startswith("!"):  # refused, naming the word
        with pytest.raises(UsageError, match=f"`{meaning[1:]}`"):
            parse(text)
        return
    assert without_labels(parse(text)) == without_labels(parse(meaning))


@pytest.mark.parametrize(
    ("text", "ahead"),
    [
        ("forecast next week", "`next week` is"),
        ("forecast for q1 2027", "`q1 2027` is"),
        (
            "Rough run-rate for next year if nothing changes? I've been asked for a 2027 number.",
            "`next year`, `2027` are",
        ),
    ],
)
def test_a_forecast_of_days_still_ahead_is_where_this_month_lands_said(text: str, ahead: str) -> None:
    asked = parse(text)
    assert without_labels(asked) == without_labels(parse("forecast this month"))
    assert (
        f"{ahead} still ahead, and the bot forecasts only the month in progress: answered with where November lands."
        in asked.readings
    )
