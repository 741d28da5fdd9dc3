"""The grammar's chattier side: chat words, abbreviations, holidays, `N units ago`, commitment words and the
questions average / anomalies / increases / decreases, each with the message a person reads when it goes wrong."""

from __future__ import annotations

from datetime import date

import pytest

from bot.billing.grammar import parse_query
from bot.billing.grammar_format import format_query
from bot.billing.grammar_refusals import question_word
from bot.billing.model import Dimension, DimensionRef, Filter, Granularity, Question, TimeRange
from bot.billing.vocabulary import Vocabulary
from bot.errors import UsageError
from tests.billing.phrasings import TODAY, VOCAB, without_labels

CHARGE_CLASS = DimensionRef(Dimension.CHARGE_CLASS)


def parse(text: str, vocabulary: Vocabulary = VOCAB) -> object:
    return parse_query(text, today=TODAY, vocabulary=vocabulary)


def days(start: str, end: str) -> tuple[date, date]:
    return date.fromisoformat(start), date.fromisoformat(end)


@pytest.mark.parametrize(
    ("text", "first", "after_last"),
    [
        ("black friday", "2026-11-27", "2026-11-28"),  # today is Black Friday 2026
        ("last black friday", "2025-11-28", "2025-11-29"),
        ("black friday 2024", "2024-11-29", "2024-11-30"),
        ("black friday last year", "2025-11-28", "2025-11-29"),
        ("thanksgiving", "2026-11-26", "2026-11-27"),
        ("thanksgiving weekend", "2026-11-26", "2026-11-30"),
        ("thanksgiving week", "2026-11-23", "2026-11-30"),
        ("cyber monday", "2025-12-01", "2025-12-02"),  # 2026's is after today
        ("christmas", "2025-12-25", "2025-12-26"),
        ("christmas day 2024", "2024-12-25", "2024-12-26"),
        ("new year's eve", "2025-12-31", "2026-01-01"),
        ("2 months ago", "2026-09-01", "2026-10-01"),
        ("three weeks ago", "2026-11-02", "2026-11-09"),
        ("last fortnight", "2026-11-09", "2026-11-23"),
        ("last wk", "2026-11-16", "2026-11-23"),
        ("prev qtr", "2026-07-01", "2026-10-01"),
        ("easter", "2026-04-05", "2026-04-06"),
        ("good friday 2025", "2025-04-18", "2025-04-19"),
        ("easter monday", "2026-04-06", "2026-04-07"),
        ("halloween", "2026-10-31", "2026-11-01"),
        ("valentine's day", "2026-02-14", "2026-02-15"),
    ],
)
def test_holidays_and_spoken_periods_name_their_days(text: str, first: str, after_last: str) -> None:
    q = parse_query(text, today=TODAY, vocabulary=VOCAB)
    assert (q.time_range.start, q.time_range.end) == days(first, after_last)
    assert parse_query(format_query(q), today=TODAY, vocabulary=VOCAB) == q  # the canonical form reads back


def test_a_holiday_says_how_it_was_read() -> None:
    q = parse_query("how much did black friday cost us last year", today=TODAY, vocabulary=VOCAB)
    assert q.readings == ("Read `black friday` as Black Friday (the day after US Thanksgiving): Friday 2025-11-28.",)


def test_a_holiday_kept_on_different_days_in_different_countries_is_asked_for_by_date() -> None:
    with pytest.raises(UsageError) as info:
        parse_query("costs on labour day", today=TODAY, vocabulary=VOCAB)
    assert info.value.message == "`labour day` is the first Monday of September in Canada, May 1 in much of the world."
    assert info.value.hint == "Give its date as year-month-day, e.g. `2026-05-01`."


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("since labor day", "Read `labor day` as US Labor Day (the first Monday of September): Monday 2026-09-07."),
        ("memorial day", "Read `memorial day` as US Memorial Day (the last Monday of May): Monday 2026-05-25."),
        (
            "presidents day",
            "Read `presidents day` as US Presidents' Day (the third Monday of February): Monday 2026-02-16.",
        ),
    ],
)
def test_a_holiday_named_only_in_the_us_is_the_us_day_and_the_answer_says_so(text: str, reading: str) -> None:
    assert parse_query(text, today=TODAY, vocabulary=VOCAB).readings == (reading,)


def test_a_holiday_that_has_not_begun_is_refused_by_name() -> None:
    with pytest.raises(UsageError) as info:
        parse_query("this christmas", today=TODAY, vocabulary=VOCAB)
    assert info.value.message == "`this christmas` is 2026-12-25, after today: no billing data yet."


def test_commitment_words_are_the_commitment_fee_classes_and_say_so() -> None:
    q = parse_query("reserved instances last month", today=TODAY, vocabulary=VOCAB)
    assert q.filters == (Filter(CHARGE_CLASS, ("recurring", "one-time")),)
    assert q.readings == (
        "Read `reserved instances` as the commitment fees (RI and Savings Plans, recurring and upfront): "
        "`charge-class=recurring,one-time`, which also holds other recurring fees such as Support.",
    )
    assert parse_query("everything except RIs", today=TODAY, vocabulary=VOCAB).filters == (
        Filter(CHARGE_CLASS, ("recurring", "one-time"), negate=True),
    )


def test_a_stored_value_spelled_like_a_chat_or_commitment_word_stays_a_value() -> None:
    vocabulary = Vocabulary(tag_keys=("user:team",), tag_values={"user:team": ("help", "ri")})
    q = parse_query("help team last month", today=TODAY, vocabulary=vocabulary)
    assert q.filters == (Filter(DimensionRef.tag("user:team"), ("help",)),)
    assert parse_query("ri", today=TODAY, vocabulary=vocabulary).filters == (
        Filter(DimensionRef.tag("user:team"), ("ri",)),
    )


@pytest.mark.parametrize(
    ("text", "question", "group", "granularity"),
    [
        ("daily average last month", Question.AVERAGE, None, Granularity.NONE),
        ("how much per day on s3", Question.AVERAGE, None, Granularity.NONE),
        ("s3 per day", Question.COST, None, Granularity.DAY),  # a list of days, not one amount
        # with a period named, `how much per day` lists that period's days; a typical amount stays one figure
        ("how much per day last week on s3", Question.COST, None, Granularity.DAY),
        ("how much per day last week on s3, roughly", Question.AVERAGE, None, Granularity.NONE),
        ("how much more per day this week vs last week", Question.AVERAGE, None, Granularity.NONE),
        ("any spikes last week", Question.ANOMALIES, None, Granularity.NONE),
        ("what caused the spike last week", Question.WHY, None, Granularity.NONE),  # why outranks
        ("biggest increase last month", Question.INCREASES, Dimension.SERVICE, Granularity.NONE),
        ("which account grew the most", Question.INCREASES, Dimension.ACCOUNT, Granularity.NONE),
        ("decreases by region", Question.DECREASES, Dimension.REGION, Granularity.NONE),
        ("is the bill going up", Question.COST, None, Granularity.NONE),  # the usual answer states the change
        ("what's our burn rate", Question.FORECAST, None, Granularity.NONE),
    ],
)
def test_what_the_whole_text_asks(
    text: str, question: Question, group: Dimension | None, granularity: Granularity
) -> None:
    q = parse_query(text, today=TODAY, vocabulary=VOCAB)
    assert q.question is question
    assert [g.kind for g in q.group_by] == ([group] if group else [])
    assert q.granularity is granularity
    assert parse_query(format_query(q), today=TODAY, vocabulary=VOCAB) == q


def test_two_questions_at_once_are_refused_naming_both() -> None:
    with pytest.raises(UsageError) as info:
        parse_query("average forecast", today=TODAY, vocabulary=VOCAB)
    assert info.value.message == (
        "`forecast` asks for the month-end forecast, but the question already asks for the average per day."
    )


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("team last month vs september", ("vs", "a comparison of two periods")),
        ("why", ("why", "why the cost changed")),
        ("burn rate", ("burn rate", "the month-end forecast")),
        ("any spikes", ("spikes", "unusual days")),
        ("team last month", None),
        ("team=forecast", None),  # a value after `=` asks nothing
    ],
)
def test_question_word_finds_what_asks_for_more_than_costs(text: str, found: tuple[str, str] | None) -> None:
    assert question_word(text, VOCAB) == found


def test_the_start_of_one_service_name_reads_as_it_and_says_so() -> None:
    q = parse_query("dynamo last month", today=TODAY, vocabulary=VOCAB)
    assert q.time_range == TimeRange(date(2026, 10, 1), date(2026, 11, 1), "last month")
    assert q.filters == (Filter(DimensionRef(Dimension.SERVICE), ("Amazon DynamoDB",)),)
    assert q.readings == ("Read `dynamo` as `service=dynamodb`.",)


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        # a span of two like periods in a question about a change compares them, the later against the earlier
        ("why from september to october", "why 2026-10"),
        ("MoM variance by account between september and october", "2026-10 by account"),
        ("which usage types decreased most from september to october", "decreases 2026-10 by usage-type"),
        ("from september to october", "2026-09..2026-10"),  # no change asked: the span itself
        # `and` between adjacent periods joins them; the same days named twice are one range
        ("total for oct and nov", "2026-10..2026-11"),
        ("november, month to date", "this month"),
        ("YoY change in november, month to date versus the same days last year", "this month vs 2025-11"),
        ("the 10th of november compared with the same day of the week before", "2026-11-10 vs 2026-11-03"),
        ("are we trending up vs last quarter", "this quarter"),
        # what else people say
        ("biggest savings this month", "decreases this month by service"),
        ("how much did prod account spend in oct", "2026-10 account=production"),
        ("the 5 most expensive resources", "by resource top 5"),
        ("kms+sqs spend wk45", "2026-w45 service=kms,sqs"),
        ("total for the monthly close of october", "2026-10"),
        ("are we on track to come in under last month's total", "forecast"),
        ("at this pace, what will 2026 cost us", "forecast 2026"),
        ("where do you project november to land", "forecast"),
        ("what's going on with cloudfront", "why service=cloudfront"),
        ("where is most of our money going this year", "this year by service"),
        (
            "what does the reservation charge mean, and how much was it in october",
            "2026-10 charge-class=recurring,one-time",
        ),
        ("mean daily cost for lambda", "average service=lambda"),
        ("dev environment costs", "tag:env=dev"),
        ("any weird days in dynamo", "anomalies service=dynamodb"),
        ("which days cost the most last week", "last week daily"),
        ("usage types of ec2 yesterday", "yesterday service=ec2 by usage-type"),
        ("m5.large boxusage use1 last 7d", "last 7 days usage-type=USE1-BoxUsage:m5.large"),
        ("data xfer out eu-west-1", "service=data-transfer region=eu-west-1"),
        ("costs by location", "by region"),
    ],
)
def test_plain_words_people_type_read_as_the_question_meant(text: str, canonical: str) -> None:
    assert without_labels(parse(text)) == without_labels(parse(canonical))


def test_a_word_beside_a_dimension_reads_as_that_dimensions_value_it_starts_and_says_so() -> None:
    q = parse_query("prod account last week", today=TODAY, vocabulary=VOCAB)
    assert q.filters == (Filter(DimensionRef(Dimension.ACCOUNT), ("123456789012",)),)
    assert "Read `prod` as `account=production`." in q.readings
    # alone, the account it starts (what people mean), said with how to ask for the env value it spells
    assert parse("prod last week") == parse("last week account=production")


def test_a_resource_noun_means_resources_of_the_service_it_implies_and_says_so() -> None:
    q = parse_query("which servers are the priciest in the staging account", today=TODAY, vocabulary=VOCAB)
    assert q.group_by == (DimensionRef(Dimension.RESOURCE),)
    assert q.filters[-1] == Filter(DimensionRef(Dimension.SERVICE), ("Amazon Elastic Compute Cloud",))
    assert "Read `servers` as the resources of `service=ec2`." in q.readings
    assert parse("rds instances last month") == parse("last month service=rds by resource")  # named: no EC2


def test_an_average_per_week_or_month_keeps_its_step() -> None:
    weekly = parse("average per week last quarter")
    assert (weekly.question, weekly.granularity) == (Question.AVERAGE, Granularity.WEEK)
    assert parse("avg monthly spend this year") == parse("average this year monthly")
    assert parse("daily average last week").granularity is Granularity.NONE  # per day: no series of days


@pytest.mark.parametrize(
    ("text", "message", "hint"),
    [
        (
            "how many GB of s3 last month",
            "`GB`: I answer costs, not usage amounts.",
            "Ask what that usage cost, e.g. `service=s3 by usage-type last month`.",
        ),
        (
            "costs per zone",
            "`zone`: costs are kept by region, not by availability zone.",
            "Did you mean `by region`, or a region such as `region=us-east-1`?",
        ),
    ],
)
def test_what_the_grammar_does_not_answer_is_named_with_what_to_ask(text: str, message: str, hint: str) -> None:
    with pytest.raises(UsageError) as info:
        parse(text)
    assert (info.value.message, info.value.hint) == (message, hint)


@pytest.mark.parametrize(
    ("text", "first", "versus"),
    [
        ("black friday vs last year's black friday", "2026-11-27", "2025-11-28"),
        ("black friday vs last years black friday", "2026-11-27", "2025-11-28"),  # the apostrophe left out
        ("today vs last year's black friday", "2026-11-27", "2025-11-28"),
        ("q3 vs last year's q3", "2026-07-01", "2025-07-01"),
    ],
)
def test_a_period_compared_with_last_years_holiday_is_that_years_day(text: str, first: str, versus: str) -> None:
    q = parse_query(text, today=TODAY, vocabulary=VOCAB)
    assert q.versus is not None
    assert (str(q.time_range.start), str(q.versus.start)) == (first, versus)


def test_the_same_days_named_twice_are_one_range_not_two() -> None:
    q = parse_query("did our costs spike yesterday with the thanksgiving traffic?", today=TODAY, vocabulary=VOCAB)
    assert (str(q.time_range.start), q.time_range.days, q.question) == ("2026-11-26", 1, Question.ANOMALIES)
    with pytest.raises(UsageError, match="Two time ranges"):  # other days still ask which
        parse_query("ec2 yesterday black friday", today=TODAY, vocabulary=VOCAB)


def test_a_holiday_naming_an_event_leaves_the_other_date_asked() -> None:
    q = parse_query("costs yesterday with the black friday traffic", today=TODAY, vocabulary=VOCAB)
    assert (str(q.time_range.start), q.time_range.days) == ("2026-11-26", 1)
    assert q.readings == ("Read `black friday` as naming an event, not the days asked.",)
    load_test = parse_query(
        "ran the BF load test on 17 nov in staging, vs a normal tuesday", today=TODAY, vocabulary=VOCAB
    )
    assert load_test.versus is not None
    assert (str(load_test.time_range.start), str(load_test.versus.start)) == ("2026-11-17", "2026-11-10")
    alone = parse_query("black friday traffic vs last year", today=TODAY, vocabulary=VOCAB)  # no other date: the day
    assert alone.versus is not None
    assert (str(alone.time_range.start), str(alone.versus.start)) == ("2026-11-27", "2025-11-28")
