"""The grammar meets people (the forty-eighth and forty-ninth blind batches): a figure of ours checked against
another tool's, what the person guesses or is after, what they say does not matter, and a few words of time. Each
test asserts the question read and the sentence a person reads about it. Today is Friday 2026-11-27, Black Friday;
`tests.billing.phrasings.VOCAB` holds the accounts production, staging and data-lake and EC2, S3, RDS, DynamoDB,
Lambda, CloudFront, Glue, KMS, SQS, Data Transfer, EKS and Tax."""

from __future__ import annotations

from datetime import date

import pytest

from bot.billing.grammar import parse_query
from bot.billing.grammar_tags import tag_question
from bot.errors import UnknownWord, UsageError
from commands import tags, top_resources
from tests.billing.phrasings import TODAY, VOCAB, without_labels
from tests.billing.phrasings import cost_query as parse

#: What every check of a figure from elsewhere says after its period, filters and words read past.
_WHY_TOTALS_DIFFER = (
    "Other tools' totals differ by credits, tax, the fees of the 1st and the basis (amortized spreads Savings Plan "
    "and RI fees over their days)."
)


@pytest.mark.parametrize(
    ("text", "same_as", "read_past"),
    [
        # another tool's total and ours, which is right: the month split by charge class
        (
            "Cost Explorer says October was $387,912.44 but you said ~$401k earlier, which one is right?",
            "2026-10 by charge-class",
            " (read past: `earlier`)",
        ),
        # the filters named stay; `why` is the why of the two figures, not of a change in the bill
        (
            "finance deck says EC2 was 142k in sept, why am i getting a different number from you",
            "2026-09 service=ec2 by charge-class",
            "",
        ),
        # a figure quoted in quote marks, and our own figure's clause with its own time (`this morning`)
        (
            "\"Total: $12,871.06\" <- that's what the billing console shows for yesterday, why's it different from "
            "what you told me this morning",
            "yesterday by charge-class",
            "",
        ),
        (
            "CUR in athena gives 6,402.19 for dynamodb in week 46, you say ~5.9k. what's included on your side?",
            "2026-w46 service=dynamodb by charge-class",
            " (read past: `gives`)",
        ),
        # which basis: the note says which one answered
        (
            "are these numbers amortized or unblended?? finance says oct doesnt match the invoice",
            "2026-10 by charge-class",
            " (read past: `finance`)",
        ),
    ],
)
def test_a_figure_checked_against_another_tool_is_answered_split_by_charge_class(
    text: str, same_as: str, read_past: str
) -> None:
    query = parse(text)
    assert query == parse(same_as)
    note = f"Read as a check of a figure from elsewhere{read_past}: the total split by charge class, unblended."
    assert f"{note} {_WHY_TOTALS_DIFFER}" in query.readings


def test_a_check_in_tags_lists_the_key_and_says_what_totals_hold() -> None:
    found = tag_question(
        "the grafana platform dashboard shows $23.5k for last week but /tags gave me something different, "
        "what am I missing",
        today=TODAY,
        vocabulary=VOCAB,
    )
    assert (found.key, found.time_range.label, found.filters) == ("user:team", "last week", ())
    assert f"Read as a check of a figure from elsewhere, unblended. {_WHY_TOTALS_DIFFER}" in found.readings


@pytest.mark.parametrize(
    "text",
    [
        "ec2 this month vs last month, is that right?",  # a doubt with no other figure: the question as asked
        "what's different in s3 this week",
        "ec2 by region last month",
    ],
)
def test_a_question_with_no_figure_from_elsewhere_is_no_check(text: str) -> None:
    assert not any("check of a figure" in r for r in parse(text).readings)


@pytest.mark.parametrize(
    ("text", "same_as", "reading"),
    [
        # what the person guesses: a value in it is no filter, shown beside the rest
        (
            "lambda per day since monday pls, think the api retries are going mad",
            "since 2026-11-23 service=lambda daily by tag:team",
            "Read `think the api retries are going mad` as your guess, not part of the question; shown beside the "
            "rest by tag.",
        ),
        # who guesses, however written (`I'm pretty sure ...`)
        (
            "ec2 since nov 1, I'm pretty sure the old aurora cluster from the pre-refactor stack is still up",
            "since 2026-11-01 service=ec2",
            "Read `I'm pretty sure the old aurora cluster from the pre-refactor stack is still up` as your guess, not "
            "part of the question.",
        ),
        # a guess at when, after days named: the days named
        (
            "daily glue + s3 for data lake since the 9th, i think theres a spike around 18/19th??",
            "since 2026-11-09 service=glue,s3 account=data-lake daily by service",
            None,
        ),
        # what they are after, to its sentence's end, past a short form's full stop
        (
            "Why did KMS cost in staging roughly double between the week of Nov 9 and the week of Nov 16? I'm trying "
            "to rule out a key-rotation misconfig vs. just more API calls from the new Lambda consumers.",
            "why 2026-11-16..2026-11-22 service=kms account=staging",
            "Read `I'm trying to rule out a key-rotation misconfig vs. just more API calls from the new Lambda "
            "consumers` as what you are after, not part of the question.",
        ),
        (
            "weekly us-west-2 since start of sept, want to see if the DR test in oct even shows up",
            "since 2026-09-01 region=us-west-2 weekly",
            "Read `want to see if the DR test in oct even shows up` as what you are after, not part of the question.",
        ),
        # a guess that says which days were meant is part of the question
        (
            'what the api stuff cost "last sprint" - i think that\'s the 2 weeks ending last friday?',
            "2026-11-07..2026-11-20 tag:team=api",
            "Read `sprint` as `2026-11-07..2026-11-20`, the days given.",
        ),
        # what does not matter is no filter
        (
            "ec2 last month, tax doesn't matter",
            "last month service=ec2",
            "Read `tax doesn't matter` as no filter on them: the whole total.",
        ),
        (
            "ec2 last month, don't care about tax",
            "last month service=ec2",
            "Read `don't care about tax` as no filter on them: the whole total.",
        ),
        (
            "What's SQS + Lambda combined in prod for Q3 2026 (Jul 1 – Sep 30) vs Q2 (Apr 1 – Jun 30)? Net of "
            "credits please; tax doesn't matter.",
            "2026-07-01..2026-09-30 vs 2026-q2 service=sqs,lambda account=production",
            "`2026-04-01..2026-06-30` in the aside is part of `2026-q2`, the days compared.",
        ),
    ],
)
def test_context_around_the_question_is_said_and_filters_nothing(text: str, same_as: str, reading: str | None) -> None:
    query = parse(text)
    assert query == parse(same_as)
    assert reading is None or reading in query.readings


@pytest.mark.parametrize(
    ("text", "same_as", "reading"),
    [
        # a document named after the forecast is no forecast asked
        (
            "monthly AWS totals Jan–Oct 2026 by account please? Need it for the forecast pack",
            "2026-01..2026-10 by account monthly",
            None,
        ),
        # charges that land on the 1st are posted then; `where will we land` is still the forecast
        ("Savings Plan + RI fees for each month this year (the charges that land on the 1st)", None, None),
        ("where does the month land", "forecast this month", None),
        # the 1st beside a monthly step is the day of each month
        (
            "what are we paying for savings plans and RIs each month (the charges on the 1st)?",
            "since 2026-06-01 charge-class=recurring,one-time monthly",
            "Read `the 1st` as the day of each month, not one day.",
        ),
        ("the nov 1 number looks insane", "2026-11-01", None),  # a day, not `1 number`
        (
            "roughly what does aws cost us per day normally?",
            "average this month",
            "Read `normally` as the average per day.",
        ),
        ("how's the week looking", "this week", None),
        # months named one by one are each asked; `total` asks their sum; `between` two months, their change
        (
            "how much tax was charged in Sept and Oct? separate numbers per account please",
            "2026-09..2026-10 service=tax by account monthly",
            "Read the months named (2026-09..2026-10) as each month beside the others.",
        ),
        ("EC2 cost in us-west-2 for Sep, Oct, Nov", "2026-09..2026-11 service=ec2 region=us-west-2 monthly", None),
        ("total for oct and nov", "2026-10..2026-11", None),
        # with a period named, `how much per day` lists the days; without one it is the average day
        ("how much per day last week on cloudfront?", "last week service=cloudfront daily", None),
        ("how much are we burning per day", "average", None),
        # to date, typed as people say it
        ("hello, how much we spent with EC2 in this month until now?", "2026-11-01..2026-11-27 service=ec2", None),
        ("ec2 nov 1st till now", "2026-11-01..2026-11-27 service=ec2", None),
        ("how much have we spent till today", "this month", None),
        (
            "rds cost last hr",
            "today service=rds hourly",
            "Read `last hr` as today hour by hour (costs are kept by the hour).",
        ),
        # `since` an event whose date is in the aside after it
        (
            "kms daily since we added the per-tenant keys (tf apply went out Nov 9)",
            "since 2026-11-09 service=kms daily",
            "Read `since we added the per tenant keys tf apply went out ...` as since the date it gives.",
        ),
        # a weekday before the day asked, and Cost Explorer's name for EC2's instances
        (
            "yesterday vs the thursday before",
            "yesterday vs 2026-11-19",
            "Read `thursday before` as Thursday 2026-11-19, the latest before it.",
        ),
        ("EC2-Instances last month", "last month service=ec2", None),
        # asked whether something is normal: its unusual days (`higher than normal` compares, as every answer does)
        ("is ap-se-2 normal today", "anomalies today region=ap-southeast-2", None),
        ("is rds higher than normal", "this month service=rds", None),
        ("what did the year cost", "this year", None),
        ("oct 1 to oct 15 period", "2026-10-01..2026-10-15", None),
        ("the nov 16-22 window", "2026-11-16..2026-11-22", None),
        (
            "what did the whole BF thru cyber monday stretch cost last yr? daily if easy",
            "2025-11-28..2025-12-01 daily",
            "Read `BF thru cyber monday` as `2025-11-28..2025-12-01`.",
        ),
        (
            "whats the EC2 bill for nov so far... in rands if you can, my manager thinks in ZAR",
            "2026-11 service=ec2",
            "`rands`: amounts are in the currency AWS billed them in; I don't convert them. Answered in the bill's "
            "currency.",
        ),
    ],
)
def test_words_of_time_and_money_people_use(text: str, same_as: str | None, reading: str | None) -> None:
    query = parse(text)
    if same_as is None:
        assert query.question.value != "forecast"
    else:
        assert query == parse(same_as)
    if reading is not None:
        assert reading in query.readings


def test_a_place_in_a_list_is_no_day_of_the_month() -> None:
    """`the 2nd one in that list` (a follow-up to a list the grammar cannot see) was read as 2 November; now the word
    is refused by name, with what the rest would answer."""
    with pytest.raises(UnknownWord) as refused:
        parse("the 2nd one in that list, whats it tagged with?")
    assert refused.value.word == "2nd"
    assert parse("ec2 on the 2nd") == parse("2026-11-02 service=ec2")


def test_which_basis_is_answered_on_the_basis_used_and_said() -> None:
    query = parse("thx. is that amortized or unblended? finance wants the one that matches the invoice")
    assert query == parse("this month by charge-class")
    assert (
        f"Read as asking which basis the figure is on: the total split by charge class, unblended. {_WHY_TOTALS_DIFFER}"
        in query.readings
    )


@pytest.mark.parametrize(
    ("text", "same_as", "reading"),
    [
        # the country after a day said to be a holiday is where it is kept (it had filtered the US regions)
        (
            "yesterday was a holiday in the US, was the cost lower?",
            "yesterday",
            "Read `in the US` as where the holiday is kept, not a filter.",
        ),
        (
            "yesterday was feriado in US, the cost was lower? compare with the thursday before please",
            "yesterday vs 2026-11-19",
            "Read `in US` as where the holiday is kept, not a filter.",
        ),
        # a holiday's spend in a place is the spend there
        ("black friday in europe", "2026-11-27 region=eu-west-1", None),
    ],
)
def test_a_country_after_a_holiday_is_where_it_is_kept(text: str, same_as: str, reading: str | None) -> None:
    query = parse(text)
    assert query == parse(same_as)
    assert reading is None or reading in query.readings


@pytest.mark.parametrize(
    ("text", "same_as"),
    [
        # a total asked both ways: the split by charge class shows each charge on its line
        ("ec2 last month with and without tax", "last month service=ec2 by charge-class"),
        ("total with or without credits?", "this month by charge-class"),
        ("last month with/without tax and credits", "last month by charge-class"),
    ],
)
def test_a_total_with_and_without_a_charge_is_split_by_charge_class(text: str, same_as: str) -> None:
    query = parse(text)
    assert query == parse(same_as)
    assert any(r.endswith("as asking what the total holds: the split by charge class.") for r in query.readings)


@pytest.mark.parametrize(
    ("text", "top"),
    [
        ("biggest single line item?", 1),
        ("the single most expensive resource last month", 1),
        ("Which are the 20 biggest single resources last quarter?", 20),  # a count named
        ("what are the single biggest things we're paying for", 10),  # several asked
    ],
)
def test_the_single_biggest_is_the_one_at_the_top(text: str, top: int) -> None:
    assert top_resources.parse(text, today=TODAY, vocabulary=VOCAB).n == top


@pytest.mark.parametrize(
    ("text", "same_as", "subject"),
    [
        # a product an event happened to, beside what to cost: no filter (it had narrowed the answer to the project)
        ("did glue go up after the search reindex deploy on wed 18th?", "since 2026-11-18 service=glue", "search"),
        (
            "customer says checkout was really slow yesterday, did cloudfront spend spike or drop?",
            "yesterday service=cloudfront",
            "checkout",
        ),
        (
            "we shipped the new checkout service 2026-11-10. can I get total spend 7 days before vs 7 days after?",
            "2026-11-03..2026-11-09 vs 2026-11-10..2026-11-16",
            "checkout",
        ),
    ],
)
def test_what_an_event_happened_to_is_no_filter(text: str, same_as: str, subject: str) -> None:
    query, meant = parse(text), parse(same_as)
    assert (query.time_range, query.versus, query.filters) == (meant.time_range, meant.versus, meant.filters)
    assert f"Read `{subject}` as what the event happened to, not a filter." in query.readings


@pytest.mark.parametrize(
    "text",
    [
        "ec2 for checkout since the deploy on the 18th",  # `for`: the scope asked
        "how much did the checkout launch cost",  # nothing else to cost
        "did my deploy on wed make staging more expensive??",  # `staging` is an account too
    ],
)
def test_a_value_asked_about_beside_an_event_stays_a_filter(text: str) -> None:
    assert not any("what the event happened to" in r for r in parse(text).readings)


@pytest.mark.parametrize(
    ("text", "same_as"),
    [
        # who relays the question
        ("she wants to know how much today is costing us vs a normal friday", "today vs 2026-11-20"),
        # chat's short forms
        ("eks nov fcst?", "forecast 2026-11 service=eks"),
        ("cloudfront yday vs same day lw", "yesterday vs 2026-11-19 service=cloudfront"),
        ("top s3 spend lm", "last month service=s3"),
        # `since` a count of days, as French and German speakers say it: the last ones
        (
            "Why the KMS cost became so high in data-lake account since few days?",
            "why last 3 days service=kms account=data-lake",
        ),
        ("lambda since 2 weeks", "last 2 weeks service=lambda"),
        # an arrow from one period to the next
        ("sep -> oct -> nov", "2026-09..2026-11"),
        # the period answered, restated in brackets while comparing
        ("YTD spend vs same period last year please (jan 1 to today)", "ytd"),
        # `could you show me ... so I can confirm`: a request, no figure of ours to check
        (
            "Could you show me the SQS cost of every day from 10th Nov to now, so I can confirm the effect?",
            "2026-11-10..2026-11-27 service=sqs daily",
        ),
        # a word nothing reads in a sentence told, and the question asked after it
        (
            "I changed SQS to long polling at 18th Nov. Could you show me the SQS cost of every day from 10th Nov to "
            "now?",
            "2026-11-10..2026-11-27 service=sqs daily",
        ),
    ],
)
def test_ways_people_write_read_as_meant(text: str, same_as: str) -> None:
    query = parse(text)
    assert query == parse(same_as)
    assert not any("check of a figure" in r for r in query.readings)


def test_each_value_of_a_tag_is_what_tags_lists() -> None:
    found = tag_question(
        "About env tag, how much cost is for each value in RDS in October? Also I want to know the cost which has no "
        "env tag.",
        today=TODAY,
        vocabulary=VOCAB,
    )
    assert (found.key, found.time_range.label) == ("user:env", "2026-10")


@pytest.mark.parametrize(
    ("text", "same_as"),
    [
        ("for the 3 last months", "last 3 months"),  # French order
        ("Good morning, what is the total of the week last compared to the week before ?", "last week"),
        ("/top-resources the 5 most expensive in eu-west-1 for the week 47", None),
        (
            "search vs checkout, which project cost more in October and by how much",
            "2026-10 tag:project=search,checkout by tag:project",
        ),
        ('what does "credits" mean on the bill and how much did we get?', "this month charge-class=credit"),
        ("lambda cost exploded since like 2am?? hourly breakdown pls", "today service=lambda hourly"),
        (
            "we budgeted $180k for November across all accounts, are we going to land over or under?",
            "forecast 2026-11 by account",
        ),
        # the event's day between the two sides
        (
            "ec2 prod 2 wks before nov 2 vs 2 wks after",
            "2026-10-19..2026-11-01 vs 2026-11-02..2026-11-15 service=ec2 account=production",
        ),
        (
            "did the glue job rewrite we shipped on the 17th actually bring costs down? week before vs week after",
            "2026-11-10..2026-11-16 vs 2026-11-17..2026-11-23 service=glue",
        ),
    ],
)
def test_more_ways_people_write_read_as_meant(text: str, same_as: str | None) -> None:
    if same_as is None:
        top = top_resources.parse(text.removeprefix("/top-resources "), today=TODAY, vocabulary=VOCAB)
        assert (top.n, top.time_range.label) == (5, "2026-w47")
        return
    assert parse(text) == parse(same_as)


@pytest.mark.parametrize(
    "text", ["help", "hi! just got added to this channel 👋 what kind of stuff can i ask you?", "how do i use this"]
)
def test_asking_what_the_bot_does_gets_this_month_and_what_it_answers(text: str) -> None:
    query = parse(text)
    assert query == parse("this month")
    assert query.readings[-1].startswith("I answer questions about the AWS bill: how much was spent, on what, when;")
    assert query.readings[-1].endswith("`/trackit help` lists every command.")


def test_a_question_beside_help_is_answered_as_asked() -> None:
    query = parse("what can you tell me about ec2 last month")
    assert query == parse("last month service=ec2")
    assert not any(r.startswith("I answer questions") for r in query.readings)


def test_a_refusal_leaves_out_every_word_nothing_reads_to_show_the_question() -> None:
    with pytest.raises(UnknownWord) as refused:
        parse("One-liner for the all-hands: how much did Black Friday week cost us so far?")
    assert refused.value.word == "One-liner"
    assert (
        "Without `One-liner`, `all-hands`, the question reads `2026-11-23..2026-11-29`: ask that, or say what "
        "`One-liner` is"
    ) in (refused.value.hint or "")


def test_days_of_the_month_in_progress_named_as_its_pace_get_the_months_forecast_even_with_days_to_come() -> None:
    """On Wednesday 25 November, `mon-thu this week` holds a day still to come; the forecast asked is November's."""
    wednesday = date(2026, 11, 25)
    query = parse_query(
        "if the rest of the month looks like mon-thu this week where does nov end up", today=wednesday, vocabulary=VOCAB
    )
    assert query == parse_query("forecast this month", today=wednesday, vocabulary=VOCAB)
    assert query.readings == (
        "`2026-11-23..2026-11-26` lies within the month in progress: answered with that month's forecast, paced on "
        "its days so far.",
    )


@pytest.mark.parametrize(
    ("text", "same_as", "reading"),
    [
        # when the person needs the answer, and where it goes: no day asked, no `what's going on`
        (
            "need numbers for monday's meeting - api team spend last week vs week before",
            "last week vs 2026-11-09..2026-11-15 tag:team=api",
            None,
        ),
        ("whats our total AWS spend so far this year? its going on a slide", "this year", None),
        ("im new in the team, what is this tax line and how much was it in october?", "2026-10 service=tax", None),
        ("hi, can we move the monthly cost review - ec2 last month", "last month service=ec2", None),
        # where the month ends up, as people word it
        ("forecast for nov month end for production account", "forecast 2026-11 account=production", None),
        ("what will nov end at", "forecast 2026-11", None),
        ("we will finish the month in how much?", "forecast this month", None),
        ("what will we spend by month end", "forecast this month", None),
        ("month end close numbers for october", "2026-10", None),
        # one period passing another: the month in progress by its forecast, held against the other
        ("will this month exceed october", "forecast this month", None),
        ("forecast for nov, will it cross the Oct figure?", "forecast 2026-11", None),
        ("did september exceed july", "2026-09 vs 2026-07", None),
        # a yes-or-no move of the whole is the comparison every answer makes, no ranking of what moved
        ("whats our total spend this month and is it going up or down vs last month?", "this month", None),
        ("what went up this month", "increases this month by service", None),
        ("Q3 vs Q2 by service, I need the top movers", "increases 2026-q3 by service", None),
        # without tax, each amount of a list, Cost Explorer's word for the step, an arrow from one month to another
        ("data-lake October total before tax", "2026-10 account=data-lake service!=tax", None),
        (
            "ec2 pre-tax last month",
            "last month service=ec2",
            "`Tax` is left out anyway: the question keeps only `Amazon Elastic Compute Cloud`.",
        ),
        ("what were our 3 biggest services last quarter and how much each", "last quarter by service top 3", None),
        ("glue monthly granularity Jan→Nov", "2026-01..2026-11 service=glue monthly", None),
        ("glue jan->nov", "2026-01..2026-11 service=glue", None),
        # a list left out ends where another filter starts after a comma
        (
            "net unblended excl tax, linked acct 333344445555, Glue only",
            "this month service=glue account=data-lake net",
            None,
        ),
        # a span's ends out of time's order: `between` either way round, `from ... to` never most of a year ahead
        ("cloudfront cost between october and september", "2026-09..2026-10 service=cloudfront", None),
        ("cost from october to september", "2025-10..2026-09", None),
        ("oct through dec", "2026-10..2026-12", None),
        # hours reach back into whole days: 24 hours are yesterday and today
        ("Cloud front cost last 24 hrs", "2026-11-26..2026-11-27 service=cloudfront", None),
        ("cloudfront last 48h", "2026-11-25..2026-11-27 service=cloudfront", None),
        # charge classes listed to be seen apart: the split by charge class (the rows named are charge classes)
        (
            "Can you break down October by charge type? Need usage, fees, credits, and tax seperately",
            "2026-10 by charge-class",
            "Read `credits`, `fees`, `tax`, `usage` side by side as the split by charge class.",
        ),
        ("october usage and tax separately", "2026-10 by charge-class", None),
        # the fees beside the usage they are kept apart from: both, the split by charge class
        ("what were the RI fees on Nov 1? need them separate from usage", "2026-11-01 by charge-class", None),
        ("Can I get Oct total split usage / fees / credits / tax?", "2026-10 by charge-class", None),
        # the period before, and each one's amount
        ("how much we are spending in eks this month vs the last one?", "this month service=eks", None),
        ("3 biggest services in oct and how much did each cost", "2026-10 by service top 3", None),
        # who relays the question, what someone said and what the person expects: no part of the question
        (
            "relaying for Priya (VP Eng): how much did we spend on ec2 last quarter?",
            "last quarter service=ec2",
            None,
        ),
        (
            "glue cost per day since nov 1, someone said our ETL jobs doubled",
            "since 2026-11-01 service=glue daily",
            "Read `someone said our ETL jobs doubled` as your guess, not part of the question.",
        ),
        (
            "is there any ec2 in eu-west-1 in the data-lake account? should be zero, the data lake only lives in "
            "us-east-1",
            "this month service=ec2 region=eu-west-1 account=data-lake",
            "Read `should be zero, the data lake only lives in us-east-1` as what you expect, not part of the "
            "question.",
        ),
        # a person by their title, a clause of what the person will do with it, a meeting and its hour
        (
            "I need the total for the data-lake account (333344445555) for October so I can charge it back to Dr. "
            "Okafor's NSF grant. usage only pls, not the tax",
            "2026-10 charge-class=usage account=data-lake",
            "Read `so I can charge it back to Dr. Okafor's NSF grant` as what you are after, not part of the question.",
        ),
        (
            "Quick q before a client call at 3 - did anything unusual happen with our costs around Nov 10-12?",
            "anomalies 2026-11-10..2026-11-12",
            None,
        ),
        # a span of weekdays to today, the night as typed, a calendar year in short, how long something ran
        ("ec2 mon-today", "2026-11-23..2026-11-27 service=ec2", None),
        ("ec2 mon to yesterday", "2026-11-23..2026-11-26 service=ec2", None),
        ("credits this calendar yr", "this year charge-class=credit", None),
        (
            "glue jobs ran all nite in datalake acct. how much did that cost last nite?",
            "yesterday service=glue account=data-lake",
            None,
        ),
        # `is it normal` beside a period compared: the comparison says what normal is
        ("IS TODAY NORMAL?? compare w/ last friday", "today vs 2026-11-20", None),
        ("is ap-se-2 normal today", "anomalies today region=ap-southeast-2", None),
        (
            "cyber monday is next week — based on how the month is going where do we land for november total?",
            "forecast 2026-11",
            None,
        ),
        # a plan, a worry about the answer, a document named after the budget, someone to ask: no part of it
        (
            "compare ec2 spend us-east-1 vs eu-west-1 for october, we're looking at moving the search cluster over",
            "2026-10 by region service=ec2 region=us-east-1,eu-west-1",
            "Read `we're looking at moving the search cluster over` as what you are after, not part of the question.",
        ),
        (
            "EOM forecast on amortized basis pls — don't want the SP fee on the 1st skewing the run rate",
            "forecast this month amortized",
            None,
        ),
        (
            "can I get total spend per month for 2026 so far, one row per month? gonna paste into the budget tab",
            "2026 monthly",
            None,
        ),
        (
            "um is it normal that dynamodb went up this week? not sure who to ask",
            "anomalies this week service=dynamodb",
            None,
        ),
        # what is not wanted is left out; `year 2026`; usage's line items; a ratio of two values
        ("ec2 last month, don't want tax", "last month service=ec2", None),
        ("ec2 last month, don't include credits", "last month service=ec2 charge-class!=credit", None),
        ("the costs of year 2026 until now, divided by service", "2026 by service", None),
        (
            "Daily unblended for S3 in 333344445555 from 2026-11-01 thru 2026-11-26, usage line items only",
            "2026-11-01..2026-11-26 charge-class=usage service=s3 account=data-lake daily",
            None,
        ),
        (
            "whats the ratio of us-east-1 to ap-southeast-2 for EKS this quarter",
            "this quarter by region region=us-east-1,ap-southeast-2 service=eks",
            None,
        ),
        # a misspelt `before`; `same week last year` alone is this week beside it; a purpose told after the question
        ("ec2 spend yesterday vs day befor", "yesterday service=ec2", "Read `befor` as `before`."),
        ("what about same week last year?", "this week vs 2025-11-24..2025-11-30", None),
        ("ec2 same month last year", "this month vs 2025-11 service=ec2", None),
        (
            "quick one - is Q4 tracking higher than Q3? want to say costs are flat/up/down on a slide",
            "forecast 2026-q4",
            "Read `want to say costs are flat/up/down on a slide` as what you are after, not part of the question.",
        ),
        # a tracker's key and its verbs, chat's noises, the possessive of a short form, a season with its days
        (
            "[PLAT-1873] Investigate increase in EC2 costs in production account since start of November. Acceptance "
            "criteria: identify top drivers of the increase.",
            "why since 2026-11-01 service=ec2 account=production",
            None,
        ),
        (
            'FINOPS-212: "Provide breakdown of AWS spend by service for October 2026 for the monthly business review"',
            "2026-10 by service",
            None,
        ),
        ("yo how much have we burned today so far black friday traffic go brrr is it bad lol", "today", None),
        ("biggest driver of last wk's increase?", "why last week", None),
        ("hi team!! quick(ish) question: what did we spend per day this week", "this week daily", None),
        ("Oct total. one number, no breakdown pls", "2026-10", None),
        # a database named after its service is that service's; `our accounts` together; a forecast compared
        ("rds bill for the checkout db this month??", "this month service=rds tag:project=checkout", None),
        ("rds and the databases this month", "this month service=rds,dynamodb", None),
        (
            "What was the total amount of credits applied to our accounts in October?",
            "2026-10 charge-class=credit",
            "Read `our accounts` as the total over every one of them.",
        ),
        (
            "What will our total AWS bill be for November, and how does it compare to Nov last year?",
            "forecast 2026-11 vs 2025-11",
            None,
        ),
        # a few words of Nigerian Pidgin; `na` is no North America unless typed `NA`
        (
            "pls kindly check for me why cost jump for data-lake account on tuesday, na the glue jobs abi?",
            "why 2026-11-24 account=data-lake service=glue",
            None,
        ),
        ("ec2 in NA last month", "last month service=ec2 region=us-east-1,us-west-2", None),
        # a told part in the present (`I'm putting together a slide`, `, I've been seeing alert since Monday`)
        (
            "Good morning all. Kindly help me check if DynamoDB for this month is higher than last month, I've been "
            "seeing alert since Monday",
            "this month service=dynamodb",
            None,
        ),
        # an amount's hedge, a console's page, a charge dated a day, `per week instead of per day`
        (
            "did us-east-1 go up by about as much as us-west-2 went down? oct vs sep",
            "2026-10 region=us-east-1,us-west-2",
            None,
        ),
        ("whats the number cost explorer shows for last month on the home page?", "last month", None),
        ("in Billing > Bills there's a huge charge dated Nov 1, what is that??", "2026-11-01", None),
        ("ec2 last month weekly instead of daily", "last month service=ec2 weekly", None),
        ("ec2 per week instead of per day", "since 2026-11-02 service=ec2 weekly", None),
        # a holiday and its year right after it, in a comparison asked with `compare`
        (
            "compare black friday last year to today, total spend. want to say we handled 2x the traffic",
            "2025-11-28 vs today",
            "Read `black friday` as Black Friday (the day after US Thanksgiving): Friday 2025-11-28.",
        ),
        # a part telling what someone did, holding a word nothing reads: the question answered alone
        (
            "compare SQS cost october vs september for prod account, we moved queue consumer to batch mode in start "
            "of october and expected drop",
            "2026-10 vs 2026-09 service=sqs account=production",
            None,
        ),
        # `the week before` ending a question is a period, no event after it
        (
            "compare lambda + dynamodb for the search project, last week vs the week before? our model moved to lambda",
            "last week service=lambda,dynamodb tag:project=search",
            None,
        ),
    ],
)
def test_what_people_say_beside_a_question_this_stop(text: str, same_as: str | None, reading: str | None) -> None:
    query = parse(text)
    if same_as is not None:
        assert query == parse(same_as)
    else:
        assert "charge-class" not in [g.kind.value for g in query.group_by]
    if reading is not None:
        assert reading in query.readings


def test_a_tags_question_read_with_the_period_a_later_sentence_names_and_the_others_listed() -> None:
    question = tag_question(
        "Sorry, one more - how much of our spend is untagged for project? I'm writing a little onboarding doc and "
        "want to include it. For October please :)",
        today=TODAY,
        vocabulary=VOCAB,
    )
    assert (question.key, question.time_range.label) == ("user:project", "2026-10")
    others = tag_question(
        "how much does the Platform team spend, and how does that compare to the other teams?",
        today=TODAY,
        vocabulary=VOCAB,
    )
    assert (others.key, others.time_range.label) == ("user:team", "this month")
    assert "Listed every value of `tag:team`, `Platform` among them." in others.readings
    # a hyphenated account (`Staging-Account`), a calendar week in German (`KW 48`), a deadline (`before EOM`)
    german = tag_question(
        "Please the Split after the Tag aws:createdBy for the Staging-Account in KW 48, as far as available.",
        today=TODAY,
        vocabulary=VOCAB,
    )
    assert (german.key, german.time_range.label, german.filters) == (
        "aws:createdBy",
        "2026-w48",
        parse("staging account").filters,
    )
    season = tag_question(
        "checkout vs search — what did each project cost during the summer sale (jul 6-19)?",
        today=TODAY,
        vocabulary=VOCAB,
    )
    assert (season.key, season.time_range.label) == ("user:project", "2026-07-06..2026-07-19")
    assert "Read `summer` as `2026-07-06..2026-07-19`, the days given." in season.readings
    means = tag_question(
        "what does aws:createdBy actually mean, and can you show spend grouped by it for the last 7 days?",
        today=TODAY,
        vocabulary=VOCAB,
    )
    assert (means.key, means.time_range.label) == ("aws:createdBy", "last 7 days")
    # a ticket asking tag compliance over every account: the key's values, the accounts together
    compliance = tag_question(
        "Ticket OPS-4410 says \"Tag compliance: report % of spend untagged for the 'team' tag across all accounts, "
        'last full month". Can you pull that?',
        today=TODAY,
        vocabulary=VOCAB,
    )
    assert (compliance.key, compliance.time_range.label) == ("user:team", "last month")
    assert "Read `all accounts` as all of them together." in compliance.readings
    deadline = tag_question(
        "what is the untagged spend for team tag in Oct? we need to chase the owners before EOM",
        today=TODAY,
        vocabulary=VOCAB,
    )
    assert (deadline.key, deadline.time_range.label) == ("user:team", "2026-10")


@pytest.mark.parametrize(
    ("text", "answered", "same_as"),
    [
        # the sentence asked before one that is not, and one read whole before one that leaves words out
        (
            "hi, can we prepone monthly cost review to today - need forecast for nov month end for production "
            "account, will it cross Oct figure?",
            None,
            "forecast 2026-11 account=production",
        ),
        # a sentence that adds to another comes after it
        (
            "Comparison please: EKS Costs October vs. November (until today), for the Production Account. The "
            "November Value is of course not complete, maybe you can also give a forecast?",
            "Comparison please: EKS Costs October vs November (until today), for the Production Account",
            "2026-10 vs 2026-11 service=eks account=production",
        ),
        # a smiley ends a sentence
        (
            "Hi! Sorry if this is a silly question, I just joined the platform team this week :) Could you tell me "
            "roughly what our total AWS bill was last month? Thank you",
            "Could you tell me roughly what our total AWS bill was last month",
            "last month",
        ),
        # both parts of one sentence asked: the first
        (
            "what did we get in credits last month + what were the SP/RI charges on the 1st? client always asks",
            "what did we get in credits last month",
            "last month charge-class=credit",
        ),
        # the question asked, not the one that had to leave a word out
        (
            "where does Q4 land vs the 1.1m plan? need it for the reforecast monday",
            "where does Q4 land vs the 1.1m plan",
            None,
        ),
    ],
)
def test_the_sentence_answered_is_the_one_asked(text: str, answered: str | None, same_as: str | None) -> None:
    query = parse(text)
    if same_as is not None:
        expected = parse(same_as)
        assert (query.time_range, query.versus, query.filters, query.question, query.group_by) == (
            expected.time_range,
            expected.versus,
            expected.filters,
            expected.question,
            expected.group_by,
        )
    if answered is not None:
        assert any(r.startswith(f"Answered `{answered}` only;") for r in query.readings)


def test_two_time_ranges_are_refused_naming_them_as_typed_with_their_days() -> None:
    with pytest.raises(UsageError) as info:
        parse("ec2 last week yesterday")
    assert info.value.message == ("Two time ranges: `last week` (2026-11-16..2026-11-22) and `yesterday` (2026-11-26).")
    with pytest.raises(UsageError) as info:
        parse("black friday last week")
    assert (
        info.value.message == "Two time ranges: `black friday` (2026-11-27) and `last week` (2026-11-16..2026-11-22)."
    )
    with pytest.raises(UsageError) as info:
        parse("this month vs the last 2 weeks")
    assert info.value.message == (
        "`this month` (2026-11) and `last 2 weeks` (2026-11-09..2026-11-22) overlap: compare two separate periods."
    )


def test_what_a_tool_says_in_a_check_of_a_figure_is_no_guess() -> None:
    query = parse(
        "what can you tell me about ec2 last month? Cost Explorer says $400 but you said $380, which is right?"
    )
    assert query == parse("last month service=ec2 by charge-class")
    assert not any("as your guess" in r for r in query.readings)


@pytest.mark.parametrize(
    ("text", "same_as", "reading"),
    [
        # values listed as candidates ask which of them: the breakdown, none a filter (one value guessed at, or a
        # guess after the question, is no such list)
        (
            "is the extra spend this week mostly ec2 or cloudfront or something else?",
            "this week by service",
            "Read `ec2 or cloudfront or something else` as asking which: by service.",
        ),
        (
            "credits this year, are they all landing on prod or spread out?",
            "this year charge-class=credit by account",
            "Read `prod or spread out` as asking which: by account.",
        ),
        ("ec2 or something else this week", "this week service=ec2", None),
        # a number before what it counts is no amount of money
        (
            "we've done ~38k orders so far today, whats our aws cost per order??",
            "today",
            "Read `38k orders` as a count, not money.",
        ),
        ("any days this month looking a bit dodgy?", "anomalies this month", None),
        ("rds mon vs wed+thu daily", "2026-11-25..2026-11-26 vs 2026-11-23 service=rds daily", None),
        ("morning! how much did ap-southeast-2 set us back last month?", "last month region=ap-southeast-2", None),
        ("what's the priciest stuff in ap-southeast-2 at the mo", "this month region=ap-southeast-2", None),
        ("could you give us a wee forecast for the month", "forecast this month", None),
        (
            "what did the whole BF-CM weekend cost last year all in?",
            "2025-11-28..2025-12-01",
            "Read `bf-cm` as Black Friday through Cyber Monday: Fri 2025-11-28 to Mon 2025-12-01.",
        ),
        ("october total for the production account, ex-tax please", "2026-10 account=production service!=tax", None),
        (
            "forecast for glue in data lake until end of month pls",
            "forecast this month service=glue account=data-lake",
            None,
        ),
        ("ec2 spend till the month-end", "forecast this month service=ec2", None),
        (
            "the tax on the October invoice, just the total across the three accounts",
            "2026-10 service=tax",
            "Read `the accounts` as the total over every one of them.",
        ),
        ("if nov ends where its trending, what's the unit cost", "forecast 2026-11", None),
        # a year naming an event is no period (a holiday's year is)
        (
            "which dynamo tables cost most? some are left from the 2024 migration",
            "this month service=dynamodb by resource",
            "Read `the 2024 migration` as naming an event, not the days asked.",
        ),
        ("what did the 2025 black friday cost", "2025-11-28", None),
        # the most expensive asked with nothing named to rank: by service (days ranked are days)
        (
            "what's eating our money this month, just give me top 3",
            "this month by service top 3",
            "Read the most expensive asked, with nothing named to break it down by, as `by service`.",
        ),
        ("biggest cost?", "this month by service", None),
        ("ec2 top 5 this month", "this month service=ec2 top 5", None),
        ("top 3 this month", "this month top 3", None),
        ("top 5 days this month", "this month daily top 5", None),
        # `starting` a date is since it; a quoted label beside a question of its own is no relayed question
        ("spend stepped up from 3.1k to 4.8k a day starting nov 19, whats behind that", "why since 2026-11-19", None),
        (
            'my panel "AWS spend per account" jumped starting nov 19, why?',
            "why since 2026-11-19",
            'Read the quoted "AWS spend per account" as what you refer to; answered the question around it.',
        ),
        # a remark quoted is what the question around it is about: its values and, when the question names none,
        # its period
        (
            'the account manager\'s email says "Your eu-west-1 usage increased 40% in October" -- is that true? why?',
            "why 2026-10 region=eu-west-1",
            None,
        ),
        (
            'from the standup thread: "RDS went up a lot after the migration" -- how much did RDS cost per day from '
            "oct 27 to nov 10",
            "2026-10-27..2026-11-10 service=rds daily",
            None,
        ),
        ('"Amazon Elastic Compute Cloud" cost last month?', "last month service=ec2", None),
        # a greeting and whom it greets; `please share` is the verb; a year or quarter before a document's name
        (
            "Good morning team. Please share cost of ap-southeast-2 for this month",
            "this month region=ap-southeast-2",
            None,
        ),
        (
            "monthly totals jan thru oct 2026 - building the Q1 model",
            "2026-01..2026-10 monthly",
            "Read `the Q1 model` as naming an event, not the days asked.",
        ),
        ("the Q3 numbers by service", "2026-q3 by service", None),
        # what happened overnight beside the day asked; an ellipsis is a pause
        ("total spend for prod account yesterday? we had alerts overnight", "yesterday account=production", None),
        ("ec2..... last month", "last month service=ec2", None),
        ("hmm… s3 yesterday", "yesterday service=s3", None),
        # Spanish: `por qué` asks why, `por la campaña` is what it is for, `transferencia de datos` is data transfer
        (
            "el gasto de search (project) subió en noviembre? por qué?",
            "why 2026-11 tag:project=search",
            None,
        ),
        ("cuánto llevamos gastado en CloudFront este mes? es por la campaña", "this month service=cloudfront", None),
        ("cuanto nos costó la transferencia de datos la semana pasada", "last week service=data-transfer", None),
        ("quanto gastámos em S3 ontem?", "yesterday service=s3", None),
        ("compare this week to last week for prod, what's different?", "why this week account=production", None),
        # days named one by one are each asked (`wed+thu`, typed as one word, is their sum)
        (
            "what's the cost for CloudFront yesterday and the day before?",
            "2026-11-25..2026-11-26 service=cloudfront daily",
            "Read the days named (2026-11-25..2026-11-26) as each day beside the others.",
        ),
        (
            "lambda in staging on the 21st and 22nd - how much?",
            "2026-11-21..2026-11-22 service=lambda account=staging daily",
            None,
        ),
        ("how much did the dev env burn wed+thu this week?", "2026-11-25..2026-11-26 tag:env=dev", None),
        # who asks is no filter; `without them` leaves out the charge named before; `the 40k i budgeted` a figure
        (
            "glue daily since nov 1. The data team is asking me",
            "since 2026-11-01 service=glue daily",
            "Read `The data team` as who asks, no filter.",
        ),
        ("credits this year, and what would the total have been without them?", "this year by charge-class", None),
        ("where does november land? are we burning more than the 40k i budgeted", "forecast 2026-11", None),
        ("s3 2026/11/01 ~ 2026/11/15", "2026-11-01..2026-11-15 service=s3", None),
        # a month's two-digit number beside a word of the year before is its year; a named month whole is itself
        ("YoY for RDS - Oct 26 vs Oct 25?", "2026-10 vs 2025-10 service=rds", None),
        ("Nov 2025 full month vs Nov 2026 MTD - are we trending higher?", "2026-11 vs 2025-11", None),
        (
            "gross usage vs net after credits, year to date, by month",
            "ytd by charge-class monthly",
            "Read gross and net both asked: by charge class, the credits between them.",
        ),
        ("how much did kms cost us yesterday, seems like a stupid amount of api calls", "yesterday service=kms", None),
        # what was withdrawn with `nvm` is no part of the question
        (
            "eks control plane + the ec2 for cluster nodes... actually nvm just show me EKS cost per region for oct "
            "and nov",
            "2026-10..2026-11 service=eks by region monthly",
            "Left out `eks control plane + the ec2 for cluster nodes`, withdrawn as it was typed.",
        ),
        ("Need a clean number for my 2pm: total AWS spend Q3", "2026-q3", "Read `my 2pm` as a meeting, no hour asked."),
        (
            'ALARM: "EstimatedCharges-prod" in US East (N. Virginia) Threshold Crossed: 1 datapoint [14203.55 '
            "(26/11/26 23:00:00)] was greater than the threshold (12000.0).  is this real?? what did it cost",
            "this month account=production",
            None,
        ),
        # a later sentence naming only a period and its step dates the question
        (
            "how much data transfer is going out of the data-lake acct? exfil concern. daily for the past 2 wks pls",
            "last 2 weeks service=data-transfer account=data-lake daily",
            None,
        ),
        # dashboards' short forms; `each one`, `each amount`: the lines the answer lists anyway
        ("sqs + ddb daily usw2 L14D", "last 14 days service=sqs,dynamodb region=us-west-2 daily by service", None),
        ("ec2 L3M monthly", "last 3 months service=ec2 monthly", None),
        (
            "SP and RI fees charged on 1 November? itemise each amount and the account it was billed to",
            "2026-11-01 charge-class=recurring,one-time by account",
            None,
        ),
        # a span either side of an event's day, alone or after `before/after`
        (
            "cloudfront daily for a week either side of 20 nov",
            "2026-11-20..2026-11-26 vs 2026-11-13..2026-11-19 service=cloudfront daily",
            None,
        ),
        (
            "cloudfront before/after the cache change, it shipped 20 nov. daily for a week either side",
            "2026-11-20..2026-11-26 vs 2026-11-13..2026-11-19 service=cloudfront daily",
            None,
        ),
        # a period's months named one by one after it are each asked; `, and` after a charge left out opens a clause
        (
            "Q3 total excl. tax for the accrual true-up, and Jul/Aug/Sep individually too",
            "2026-q3 service!=tax monthly",
            "Read the months named (2026-q3) as each month beside the others.",
        ),
        ("ec2 oct nov", "2026-10..2026-11 service=ec2 monthly", None),
    ],
)
def test_how_people_ask_which_and_what_they_count(text: str, same_as: str, reading: str | None) -> None:
    query = parse(text)
    assert query == parse(same_as)
    if reading is not None:
        assert reading in query.readings


def test_values_asked_as_candidates_stay_filters_in_tags() -> None:
    """`/tags` rows are its key's values: the candidates are what the person named, kept as filters."""
    found = tag_question("team split for prod or staging or something else", today=TODAY, vocabulary=VOCAB)
    assert [(f.dimension.kind.value, f.values) for f in found.filters] == [
        ("account", ("123456789012", "210987654321"))
    ]
    assert not any("asking which" in r for r in found.readings)


def test_a_financial_year_is_asked_for_its_months() -> None:
    """Where people say `financial year` it starts in April or July: the calendar year would be another answer."""
    with pytest.raises(UsageError) as caught:
        parse("how much has the staging account cost since the start of the financial year")
    assert caught.value.message == "`financial`: the bill does not say when your financial year starts."
    assert caught.value.hint == "Give its months, e.g. `since 2026-04-01` or `2025-07..2026-06`."
    assert parse("fiscal year").time_range == parse("2026").time_range  # (a fiscal year: the calendar's, said)


@pytest.mark.parametrize(
    ("text", "top", "same_as"),
    [
        ("top 10 EKS res by cost, staging, MTD", 10, "this month service=eks account=staging"),
        ("the 20 highest-cost resources in the production account for Q3 2026", 20, "2026-q3 account=production"),
        ("the 5 more expensive glue jobs in eu-west-1 this month", 5, "this month service=glue region=eu-west-1"),
        ("top 5 RDS inst by $ L30D", 5, "last 30 days service=rds"),
        ("top lambda functions by spend since midnight UTC", 10, "today service=lambda"),
        ("who's chewin thru the most glue $$ this week? which jobs", 10, "this week service=glue"),
    ],
)
def test_how_people_ask_for_the_most_expensive_resources(text: str, top: int, same_as: str) -> None:
    asked = top_resources.parse(text, today=TODAY, vocabulary=VOCAB)
    assert asked.n == top
    assert (asked.time_range, asked.filters) == (parse(same_as).time_range, parse(same_as).filters)


@pytest.mark.parametrize(
    ("text", "same_as", "answered"),
    [
        # the numbers of a list are no days (`oct 2.` was the 2nd of October): the first item asked, the rest said
        ("quick ones 1. total for oct 2. same for sept 3. diff in % pls", "2026-10", "total for oct"),
        ("1. KMS this month 2. KMS last month 3. is it growing? (should be flat)", "this month service=kms", None),
        ("(a) s3 last month (b) glue last week", "last month service=s3", "s3 last month"),
    ],
)
def test_a_list_typed_on_one_line_is_read_item_by_item(text: str, same_as: str, answered: str | None) -> None:
    asked = parse(text)
    assert (asked.time_range, asked.filters, asked.versus) == (
        parse(same_as).time_range,
        parse(same_as).filters,
        parse(same_as).versus,
    )
    if answered is not None:
        assert any(r.startswith(f"Answered `{answered}` only; the rest (") for r in asked.readings)
    # a list's items that make one question together stay one question
    env = tags.parse("1) env tag 2) last week 3) us-east-1 only", today=TODAY, vocabulary=VOCAB)
    assert (env.key, env.filters) == ("user:env", parse("region=us-east-1").filters)


def test_a_trend_over_whole_months_is_the_series_month_by_month() -> None:
    asked = parse("kms cost is growing, show trend for last 6 month pls")
    assert without_labels(asked) == without_labels(parse("last 6 months service=kms monthly"))
    assert "Read the trend asked over whole months as the series month by month." in asked.readings
    # days counted back are not whole months: the total with its comparison, as before
    assert parse("show me the trend for lambda over the last 90 days").granularity == parse("last 90 days").granularity


@pytest.mark.parametrize(
    ("text", "same_as"),
    [
        ("actuals to date + forecast for the rest of the year?", "forecast this year"),
        ("what will ec2 cost for the rest of the quarter", "forecast this quarter service=ec2"),
    ],
)
def test_the_rest_of_the_year_is_where_it_lands(text: str, same_as: str) -> None:
    asked, want = parse(text), parse(same_as)
    assert (asked.question, asked.time_range, asked.filters) == (want.question, want.time_range, want.filters)


def test_spanish_sin_leaves_out_what_follows() -> None:
    """`sin` (without) beside other Spanish words: the tax left out, never the tax alone."""
    asked = parse("cuánto va la cuenta data-lake en el año sin tax?")
    assert asked.filters == parse("this year account=data-lake service!=tax").filters
    assert "Read `cuánto` as `how`, `cuenta` as `account`, `año` as `year`." in asked.readings


@pytest.mark.parametrize(
    ("text", "same_as"),
    [
        # SQL's `between ... and ...`: one span of days, its `and` no second condition
        (
            "select service, sum(cost) from cur where usage_date between '2026-10-01' and '2026-10-31' "
            "group by service",
            "2026-10 by service",
        ),
        # Cost Explorer's filters: a name of several words after `=`, unquoted
        (
            "Service = Data Transfer, Group by: Region, Granularity: Daily, 11/01/2026 - 11/26/2026",
            "2026-11-01..2026-11-26 service=data-transfer by region daily",
        ),
    ],
)
def test_queries_as_analysts_type_them(text: str, same_as: str) -> None:
    assert without_labels(parse(text)) == without_labels(parse(same_as))


@pytest.mark.parametrize(
    ("text", "same_as"),
    [
        ("MoM % change by service for 2026, months as columns if possible", "2026 by service monthly"),
        (
            "pivot: months as columns (jul..nov), service as rows, unblended. all accts",
            "2026-07..2026-11 by service monthly",
        ),
    ],
)
def test_a_pivots_axes_are_the_step_and_the_breakdown(text: str, same_as: str) -> None:
    assert without_labels(parse(text)) == without_labels(parse(same_as))


def test_what_a_forecast_assumes_is_no_filter() -> None:
    """`assuming no new commitments` had kept only the commitment fees; `Monday's budget meeting` had asked Monday."""
    asked = parse(
        "Could you forecast December spend assuming no new commitments? I need the figure for Monday's budget meeting."
    )
    assert without_labels(asked) == without_labels(parse("forecast this month"))
    assert "Read `assuming no new commitments` as what the forecast assumes: it holds this month's pace." in (
        asked.readings
    )
    assert parse("I need the figure for Monday's budget meeting.").time_range == parse("this month").time_range


@pytest.mark.parametrize(
    ("text", "same_as", "said"),
    [
        # Nigerian Pidgin's `o` marks the tone; `before board call` is when the answer is needed, no day
        (
            "good morning o! abeg how much we don spend on AWS this month so far? i need am for runway calc before "
            "board call",
            "this month",
            "Read `before board call` as when the answer is needed, no day asked.",
        ),
        # a wish is no day asked, nor whom it greets a breakdown (it was Black Friday by team)
        (
            "Happy Black Friday team 🎉 quick one: how much we spend for whole 2026 so far",
            "this year",
            "Read `Happy Black Friday team` as a wish, no day asked.",
        ),
        # a range named after the one it holds says whose days they are, `compare` or not
        (
            "Morning o. Compare our total spend Jan–Oct this year month by month",
            "2026-01..2026-10 monthly",
            "Read `2026-01..2026-10` within `this year` as the days asked about.",
        ),
    ],
)
def test_what_people_say_around_a_question_this_stop(text: str, same_as: str, said: str) -> None:
    asked = parse(text)
    assert without_labels(asked) == without_labels(parse(same_as))
    assert said in asked.readings


def test_a_purpose_or_a_belief_asks_the_list_commands_nothing_more() -> None:
    """`explain it to the exec team` is what the list is for, `I'd expect it to be all prod` a belief: neither asks
    `/top-resources` or `/tags` for an explanation or a forecast (both were refused, pointing to `/cost`)."""
    top = top_resources.parse(
        "top 5 servers this month, I need to explain it to the exec team", today=TODAY, vocabulary=VOCAB
    )
    assert top.n == 5
    env = tags.parse(
        "costs by the env tag, only for the production account? I'd expect it to be all 'prod', last month is fine",
        today=TODAY,
        vocabulary=VOCAB,
    )
    assert (env.key, env.filters, env.time_range) == (
        "user:env",
        parse("account=production").filters,
        parse("last month").time_range,
    )


@pytest.mark.parametrize(
    ("text", "same_as", "said"),
    [
        # Cost Explorer's own arguments, copied from the console or the CLI (the API's `End` is exclusive)
        (
            "UnblendedCost, GroupBy Type=DIMENSION,Key=SERVICE, Granularity=MONTHLY, TimePeriod "
            "Start=2026-10-01,End=2026-11-01",
            "2026-10 unblended by service",
            "Read Cost Explorer's arguments as `UnblendedCost, by service, 2026-10-01..2026-10-31`.",
        ),
        (
            "--filter Dimensions={Key=LINKED_ACCOUNT,Values=[210987654321]} --granularity DAILY last 7 days",
            "last 7 days account=staging daily",
            "Read Cost Explorer's arguments as `account=210987654321 daily last 7 days`.",
        ),
    ],
)
def test_cost_explorers_arguments_are_read_as_the_grammars_words(text: str, same_as: str, said: str) -> None:
    asked = parse(text)
    assert without_labels(asked) == without_labels(parse(same_as))
    assert said in asked.readings


def test_two_cost_bases_are_named_as_typed() -> None:
    with pytest.raises(UsageError) as caught:
        parse("whats the diff between UnblendedCost and AmortizedCost for Oct?")
    assert caught.value.message == "Two cost bases: `UnblendedCost` and `AmortizedCost`."


@pytest.mark.parametrize(
    ("text", "same_as"),
    [
        ("Please provide the Gesamtkosten for KW 47, aufgeteilt per Account.", "2026-w47 by account"),
        ("Vergleich Staging vs. Produktion, Zeitraum 01.11.–26.11., nach Region please.", None),
        ("ec2 （april～september）", "2026-04..2026-09 service=ec2"),
    ],
)
def test_german_words_dotted_spans_and_full_width_marks(text: str, same_as: str | None) -> None:
    asked = parse(text)
    if same_as is not None:
        assert without_labels(asked) == without_labels(parse(same_as))
    else:  # both accounts, each region, over the German span of days
        want = parse("2026-11-01..2026-11-26 account=staging,production by account, region")
        assert without_labels(asked) == without_labels(want)


@pytest.mark.parametrize(
    ("text", "same_as", "said"),
    [
        # a guess at the cause after a why: its holiday dates nothing (it had made yesterday Black Friday)
        (
            "salam, why the bill of yesterday is more high than normal ? is it because black friday traffic?",
            "why yesterday",
            "Read `is it because black friday traffic` as your guess, not part of the question.",
        ),
        # values offered as candidates after a why: the why names the cause, no filter
        ("why'd data-lake jump on the 18th? glue or s3?", "why 2026-11-18 account=data-lake", None),
        # the week of a holiday is its week
        (
            "cloudfront cost the week of black friday vs same week last year ?",
            "2026-11-23..2026-11-29 vs 2025-11-24..2025-11-30 service=cloudfront",
            None,
        ),
        # a letter's closing words, the calendar year named, one row per month
        (
            "an estimate for the full calendar year 2026 please. Many thanks in advance.",
            "forecast 2026",
            None,
        ),
        (
            "YTD by month, Jan 1 – Oct 31 2026, excl tax. one row per month pls",
            "2026-01..2026-10 service!=tax monthly",
            None,
        ),
    ],
)
def test_guesses_weeks_of_holidays_and_closings(text: str, same_as: str, said: str | None) -> None:
    asked = parse(text)
    assert without_labels(asked) == without_labels(parse(same_as))
    if said is not None:
        assert said in asked.readings


def test_a_closing_with_no_name_is_no_word_of_the_question() -> None:
    top = top_resources.parse(
        "the CFO would appreciate a short list of our five most costly AWS resources last month. Kind regards",
        today=TODAY,
        vocabulary=VOCAB,
    )
    assert (top.n, top.time_range) == (5, parse("last month").time_range)


@pytest.mark.parametrize(
    ("text", "same_as", "said"),
    [
        (
            "안녕하세요~ 지난달 전체 AWS 비용 얼마 나왔는지 알 수 있을까요? 감사합니다 🙏",
            "last month",
            "Read `지난달` as `last month`, `전체` as `total`, `비용` as `cost`, `얼마` as `how much`.",
        ),
        # a particle glued to the word (`리전별로`: by region); `tax 빼면` follows what it leaves out
        ("리전별로 이번 주 비용 나눠서 볼 수 있을까요?", "this week by region", None),
        ("아 그리고 지난달 비용에서 tax 빼면 얼마인가요? 🙂", "last month service!=tax", None),
        ("최근 3개월 월별 비용 추세 보여주세요 (checkout)", "last 3 months tag:project=checkout monthly", None),
    ],
)
def test_korean_words_around_a_question_are_read_and_said(text: str, same_as: str, said: str | None) -> None:
    asked = parse(text)
    assert without_labels(asked) == without_labels(parse(same_as))
    if said is not None:
        assert said in asked.readings


def test_a_korean_word_not_listed_is_named() -> None:
    with pytest.raises(UnknownWord) as caught:
        parse("지난달 데이터 비용")
    assert caught.value.message == "I don't understand `데이터`."


@pytest.mark.parametrize(
    ("text", "same_as"),
    [
        # a DevOps engineer's keys and flags: the span's ends, the step, a week, a short relative span
        (
            "acct=staging svc=ec2 region=us-west-2 from=2026-11-01 to=2026-11-26 gran=daily",
            "2026-11-01..2026-11-26 service=ec2 account=staging region=us-west-2 daily",
        ),
        ("diff week=2026-W47 vs week=2026-W48 svc=eks", "2026-w48 service=eks"),
        ("s3 data-lake --period last-30d", "last 30 days service=s3 account=data-lake"),
    ],
)
def test_keys_and_flags_as_devops_engineers_type_them(text: str, same_as: str) -> None:
    assert without_labels(parse(text)) == without_labels(parse(same_as))


@pytest.mark.parametrize(
    ("text", "same_as"),
    [
        # that many units just before the days asked
        ("dynamo last week vs the 2 weeks before", "last week vs 2026-11-02..2026-11-15 service=dynamodb"),
        # all but them
        ("what's spend outside us-east-1 this year?", "this year region!=us-east-1"),
        # Indonesian, the adjective after its noun; Thai and Swiss politeness
        ("bro berapa total aws bulan ini ya? 🙏", "this month"),
        ("kemarin s3 naik kenapa ya?", "why yesterday service=s3"),
        ("Tomorrow I need report. What is total cost last 7 days by account krub?", "last 7 days by account"),
        ("Grüezi, what were the RDS costs in eu-west-1 for KW 47?", "2026-w47 service=rds region=eu-west-1"),
        ("Full-year 2026 projection?", "forecast 2026"),
    ],
)
def test_spans_before_exclusions_and_more_languages(text: str, same_as: str) -> None:
    assert without_labels(parse(text)) == without_labels(parse(same_as))


def test_resources_that_are_not_a_service_leave_it_out() -> None:
    top = top_resources.parse("most expensive resources that aren't ec2 or rds", today=TODAY, vocabulary=VOCAB)
    assert top.filters == parse("service!=ec2,rds").filters


def test_a_closing_in_another_language_with_a_name_is_no_word_of_the_question() -> None:
    asked = parse(
        "Guten Tag, please provide the Glue costs in the data-lake account for Q3, monthly. Freundliche Grüsse, Reto"
    )
    assert without_labels(asked) == without_labels(parse("2026-q3 service=glue account=data-lake monthly"))


@pytest.mark.parametrize(
    ("text", "same_as", "said"),
    [
        (
            "先月のコスト、サービス別でお願いします",
            "last month by service",
            "Read `先月` as `last month`, `コスト` as `cost`, `サービス別` as `by service`.",
        ),
        # English inside the Japanese run kept as typed; `別` after the word it applies to
        ("EKSのコスト、先月のregion別を教えてください", "last month service=eks by region", None),
        ("sqsのコストが月いくらか確認したいです、直近3ヶ月で", "last 3 months service=sqs monthly", None),
        ("ec2 11月1日から今日まで", "2026-11-01..2026-11-27 service=ec2", None),
    ],
)
def test_japanese_words_around_a_question_are_read_and_said(text: str, same_as: str, said: str | None) -> None:
    asked = parse(text)
    assert without_labels(asked) == without_labels(parse(same_as))
    if said is not None:
        assert said in asked.readings


@pytest.mark.parametrize(
    ("text", "same_as"),
    [
        ("koszt EC2 wczoraj vs przedwczoraj, tylko prod", "yesterday service=ec2 account=production"),
        ("ile poszło na KMS w październiku. wszystkie konta", "2026-10 service=kms"),
        ("bhai pichle mahine ka total bill kitna aaya tha?", "last month"),
        ("kal ka EC2 aur RDS kitna gaya, prod account mein?", "yesterday service=ec2,rds account=production"),
    ],
)
def test_polish_and_hindi_words_around_a_question(text: str, same_as: str) -> None:
    assert without_labels(parse(text)) == without_labels(parse(same_as))


@pytest.mark.parametrize(
    ("text", "same_as"),
    [
        # what is left out stops where the rest of the question is asked, or at what is kept after it
        (
            "spend excluding eu-west-1 on the checkout project this month",
            "this month region!=eu-west-1 tag:project=checkout",
        ),
        ("everything except ec2 in the staging account last month", "last month service!=ec2 account=staging"),
        ("leave out tax and also only glue and s3 last month", "last month service=glue,s3"),
        ("excluding tax but only prod, october", "2026-10 service!=tax account=production"),
    ],
)
def test_what_is_left_out_stops_where_the_rest_is_asked(text: str, same_as: str) -> None:
    assert without_labels(parse(text)) == without_labels(parse(same_as))


def test_a_reason_given_after_the_question_is_no_part_of_it() -> None:
    asked = parse("ec2 by team this quarter, only the production account because staging is shared with finance")
    assert without_labels(asked) == without_labels(parse("this quarter service=ec2 account=production by tag:team"))
    assert "Read `because staging is shared with finance` as your reason, not part of the question." in asked.readings
    # a reason stops at another ask joined on
    also = parse("same for glue but leave out tax because finance handles it and also only the data-lake account")
    assert also.filters == parse("service=glue account=data-lake").filters
    # a guess at the cause is still a guess
    guessed = parse("why is ec2 so high yesterday? is it because black friday traffic?")
    assert not any("as your reason" in reading for reading in guessed.readings)


@pytest.mark.parametrize(
    ("text", "same_as"),
    [
        # a hedge glued to a period or a time
        ("last quarter-ish by service", "last quarter by service"),
        ("lambda yesterday around 3pm-ish", "yesterday service=lambda hourly"),
        # the order every breakdown is listed in anyway; a doubt about the question
        ("biggest services last month, top to bottom", "last month by service"),
        ("accounts for october, highest to lowest", "2026-10 by account"),
        ("did nov cost more than oct or am i imagining it?", "did nov cost more than oct"),
        # a span of ISO weeks named once
        ("weekly spend wk40-47 by service", "2026-09-28..2026-11-22 by service weekly"),
        ("ec2 weeks 45 to 47", "2026-11-02..2026-11-22 service=ec2"),
        ("search project, wk 45 - 47, week by week", "2026-11-02..2026-11-22 tag:project=search weekly"),
        # a ticket's number and who wrote the quote are no part of the question
        (
            'Customer on #60117 writes: "the CDN was slow the whole morning" what has CloudFront cost today vs a '
            "normal Friday?",
            "today vs 2026-11-20 service=cloudfront",
        ),
        # txt-speak
        ("how much r we spending on lambda 2day", "today service=lambda"),
    ],
)
def test_hedges_orders_weeks_tickets_and_txt_speak(text: str, same_as: str) -> None:
    assert without_labels(parse(text)) == without_labels(parse(same_as))


def test_weeks_still_to_come_in_a_forecast_answer_with_the_month_in_progress_and_say_so() -> None:
    one = parse("forecast W50")
    assert without_labels(one) == without_labels(parse("forecast"))
    assert one.readings[0] == (
        "Week 50 of 2026 has not begun, and the bot forecasts only the month in progress: answered with where "
        "November lands."
    )
    two = parse("forecast for W49 and W50 pls (total)")
    assert two.readings[0].startswith("Those days of 2026 have not begun, and the bot forecasts only the month")
    # a week that is over is its cost, and a holiday still to come keeps its own reading
    assert parse("cost W47").question.value == "cost"
    assert without_labels(parse("any way to estimate what cyber monday will cost us?")) != without_labels(two)


def test_the_untagged_bucket_and_money_signs_name_no_service() -> None:
    listed = tags.parse("team for october, whats in the untagged bucket", today=TODAY, vocabulary=VOCAB)
    assert listed.filters == ()
    top = top_resources.parse("top 5 s3 buckets by $$ this mth", today=TODAY, vocabulary=VOCAB)
    assert top == top_resources.parse("5 this month service=s3", today=TODAY, vocabulary=VOCAB)


@pytest.mark.parametrize(
    "text",
    [
        "is the web team spending more than the data team this month?",
        "env split mtd, what's the dev:prod ratio",
        "non-prod (dev+staging) vs prod for october, env tag",
    ],
)
def test_tags_answers_values_weighed_against_each_other_with_its_list(text: str) -> None:
    listed = tags.parse(text, today=TODAY, vocabulary=VOCAB)
    assert listed.key in ("user:team", "user:env")
    assert listed.filters == ()


def test_tags_still_refuses_two_periods_and_points_to_cost() -> None:
    with pytest.raises(UsageError) as refused:
        tags.parse("team this month vs last month", today=TODAY, vocabulary=VOCAB)
    assert refused.value.message == "`vs` asks for a comparison of two periods, which `/tags` does not answer."


def test_a_sentence_that_only_asks_a_breakdown_joins_the_question() -> None:
    asked = parse("What's the forecast for December? It's going to be a busy month. Per account if you can")
    assert asked.group_by == parse("by account").group_by
    assert asked.question.value == "forecast"
    # a greeting's `team` asks for no breakdown
    greeted = parse("hi team!! what did we spend per day this week, and is today higher than yesterday?")
    assert greeted.group_by == ()


@pytest.mark.parametrize(
    ("text", "same_as"),
    [
        ("what are we spending a month on aws these days?", "last month"),
        ("cat costa proiectul checkout pe zi, ultimele 2 saptamani", "last 2 weeks tag:project=checkout daily"),
    ],
)
def test_rates_nowadays_and_english_looking_words_of_romanian(text: str, same_as: str) -> None:
    assert without_labels(parse(text)) == without_labels(parse(same_as))


@pytest.mark.parametrize(
    ("text", "same_as"),
    [
        ("combien on a payé pour Glue la semaine passée ?", "last week service=glue"),
        ("le compte staging coûte combien par jour en moyenne ce mois-ci ?", "average this month account=staging"),
        ("ec2 at the account level last month", "last month service=ec2 by account"),
        ("rds monthly since july (account level)", "since 2026-07-01 service=rds by account monthly"),
    ],
)
def test_french_of_everyday_questions_and_levels_of_a_breakdown(text: str, same_as: str) -> None:
    assert without_labels(parse(text)) == without_labels(parse(same_as))


def test_each_closing_a_sentence_names_what_is_listed() -> None:
    listed = tags.parse(
        "cost by team for nov so far + % of total for each. include untagged pls", today=TODAY, vocabulary=VOCAB
    )
    assert (listed.key, listed.filters) == ("user:team", ())
    assert (listed.time_range.start, listed.time_range.end) == (date(2026, 11, 1), date(2026, 12, 1))


@pytest.mark.parametrize(
    ("text", "same_as"),
    [
        # Croatian, whose `listopad` is October beside another Croatian word (Polish and Czech: November)
        ("koliko je bio ec2 prošli mjesec?", "last month service=ec2"),
        ("troskovi po projektu prosli tjedan, samo prod env", "last week tag:env=prod by tag:project"),
        ("usporedi listopad i rujan po servisima", "2026-10 by service"),
        ("koszt ec2 w listopadzie", "2026-11 service=ec2"),
        # Lithuanian, Welsh and Māori courtesies
        ("kiek vakar kainavo lambda eu-west-1?", "yesterday service=lambda region=eu-west-1"),
        ("kia ora, what's the damage for the month so far? ta", "this month"),
        # English: unallocated is untagged, every weekend is read day by day, a weekend after its days is those days
        ("unallocated spend mtd, no team tag", "this month tag:team=untagged"),
        ("dev every weekend in oct", "2026-10 tag:env=dev daily"),
        ("ec2 over the 14-15 nov weekend", "2026-11-14..2026-11-15 service=ec2"),
        ("Iawn, last one I promise! How much did the weekend cost us?", "last weekend"),
    ],
)
def test_croatian_lithuanian_and_english_of_this_stop(text: str, same_as: str) -> None:
    assert without_labels(parse(text)) == without_labels(parse(same_as))


@pytest.mark.parametrize(
    ("text", "same_as"),
    [
        # parts of the world joined by slashes, regions named by sales, a deadline's weekday
        ("what did it cost us to serve each sales region in Q3? NA / EMEA / APAC", "2026-q3 by region"),
        ("ec2 in north america last month", "last month service=ec2 region=us-east-1,us-west-2"),
        ("biggest services in eu-west-1? before the QBR on Tuesday", "this month region=eu-west-1 by service"),
    ],
)
def test_sales_regions_and_deadlines_of_this_stop(text: str, same_as: str) -> None:
    assert without_labels(parse(text)) == without_labels(parse(same_as))


@pytest.mark.parametrize(
    ("text", "same_as"),
    [
        # moments as ISO 8601 and logs write them: their days; an end at midnight is the day before's end
        (
            "top 5 resources by cost, window 2026-11-20T00:00Z to 2026-11-27T00:00Z",
            "2026-11-20..2026-11-26 by resource top 5",
        ),
        ("total excl. tax for 2026-10-01T00:00:00-07:00 to 2026-11-01T00:00:00-07:00 (PDT)", "2026-10 service!=tax"),
        ("ec2 us-east-1 from Mon 2026-11-23 09:00 PST to now", "since 2026-11-23 service=ec2 region=us-east-1"),
        ("total for 2026-11-26 00:00–23:59 America/New_York", "2026-11-26"),
        ("daily s3 2026-11-16 to 2026-11-22 inclusive (UTC)", "2026-11-16..2026-11-22 service=s3 daily"),
        ("ec2 yesterday 14:00-16:00 UTC", "yesterday service=ec2 hourly"),
        # finance's short forms
        ("Q3 vs Q3 LY by service", "2026-q3 vs 2025-q3 by service"),
    ],
)
def test_timestamps_zones_and_finance_short_forms(text: str, same_as: str) -> None:
    assert without_labels(parse(text)) == without_labels(parse(same_as))


def test_values_named_then_split_are_each_on_a_line() -> None:
    assert parse("ec2/s3 split for oct").group_by == parse("by service").group_by
    assert parse("NA/EMEA/APAC split for oct").group_by == parse("by region").group_by
    # a split by a dimension is that breakdown, the value a filter
    split_by = parse("staging split by team")
    assert split_by.group_by == parse("by tag:team").group_by and split_by.filters == parse("account=staging").filters


@pytest.mark.parametrize(
    ("text", "same_as"),
    [
        # hashtags are their words (`in #checkout` stays a channel)
        ("spend by #team this month #finops", "this month by tag:team"),
        ("why is #kms suddenly a thing?? #costspike", "why this month service=kms"),
        # `by the end of the month` is where it lands; `by instance family` is by usage type
        ("total for November so far, and what do we expect by the end of the month?", "forecast"),
        ("ec2 spend by instance family mtd", "this month service=ec2 by usage-type"),
    ],
)
def test_hashtags_month_end_and_instance_families(text: str, same_as: str) -> None:
    assert without_labels(parse(text)) == without_labels(parse(same_as))
