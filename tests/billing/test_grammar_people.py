"""The grammar meets people: the rules the fourth fresh batch prompted, each for the class of phrasing it stands
for, asserting the exact question read and the exact sentence a person reads when something is left out or
refused. (`phrasings_fresh.FRESH_4` holds the batch itself, frozen with its first-sight score.)"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from bot.billing.grammar import parse_query
from bot.billing.model import CostQuery, Dimension, DimensionRef, Filter
from bot.errors import UsageError
from commands import tags, top_resources
from tests.billing.phrasings import TODAY, VOCAB, without_labels
from tests.billing.phrasings import cost_query as parse

IGNORED = "not words of a cost question; the rest was read as asked."


def without(word: str, question: str) -> str:
    """The hint of a word nothing reads and nothing is near: the question the rest asks, and how to name it."""
    return (
        f"Without `{word}`, the question reads `{question}`: ask that, or say what `{word}` is, e.g. "
        "`tag:env=<value>` or `account=<value>`."
    )


def refusal(text: str) -> tuple[str, str | None]:
    with pytest.raises(UsageError) as info:
        parse(text)
    return info.value.message, info.value.hint


@pytest.mark.parametrize(
    ("text", "same_as"),
    [
        # Slack formatting and emoji dress a question, never change it
        ("*total* `last month` :fire: ec2 \N{CHRISTMAS TREE}", "last month service=ec2"),
        (
            "_only_ ~s3~ by region plz \N{PERSON WITH FOLDED HANDS}\N{EMOJI MODIFIER FITZPATRICK TYPE-4}",
            "service=s3 by region",
        ),
        # AWS's short region codes and what engineers call services in chat
        ("s3 us-e-1 vs us-w-2", "service=s3 region=us-east-1,us-west-2 by region"),
        ("ddb and cf in ap-se-2 yday", "yesterday service=dynamodb,cloudfront region=ap-southeast-2"),
        # dates pasted from elsewhere
        ("Nov 3-10 vs Nov 17-24 by service", "2026-11-03..2026-11-10 vs 2026-11-17..2026-11-24 by service"),
        ("black friday vs this time last year", "2026-11-27 vs 2025-11-28"),
        ("yesterday vs this time last week", "yesterday vs 2026-11-19"),
        ("the cost of day 3rd nov for ec2", "2026-11-03 service=ec2"),
        ("monthly totals for this calendar year by account", "this year by account monthly"),
        ("rds since thanksgiving", "since 2026-11-26 service=rds"),
        ("ec2 spike last night", "anomalies yesterday service=ec2"),
        ("s3 end of last month", "last month service=s3"),
        # words that only lead to `by`, chat shorthand, `only`
        ("cost of production account, separated by service", "account=production by service"),
        ("can u show data-lake only, grouped by region", "account=data-lake by region"),
        # a tag key's own suffix, and the untagged group shown beside the values
        ("by team tag, include untagged as a line", "by tag:team"),
        # several values of one dimension as a series: a series of each
        ("kms + sqs monthly since june", "since 2026-06-01 service=kms,sqs monthly by service"),
        ("glue + lambda last week", "last week service=glue,lambda"),
        # commitments in short
        ("RI + SP fees last month", "last month charge-class=recurring,one-time"),
    ],
)
def test_the_way_people_type_reads_as_the_question(text: str, same_as: str) -> None:
    assert parse(text) == parse(same_as)


@pytest.mark.parametrize(
    ("text", "same_as", "ignored"),
    [
        ("showback for october by team", "2026-10 by tag:team", "`showback`"),
        ("for the offsite slideware: monthly totals by account", "by account monthly", "`offsite`, `slideware`"),
        ("how much credits we got credited on this year", "this year charge-class=credit", "`credited`"),
        ("is rds higher then normal? compare with previous week", "this week service=rds", "`normal`"),
        ("what is our projected spend, and what we actually spent", "forecast", "`actually`"),
    ],
)
def test_a_word_that_cannot_change_the_answer_is_left_out_and_said(text: str, same_as: str, ignored: str) -> None:
    query = parse(text)
    assert query == parse(same_as)
    assert query.readings[-1] == f"Ignored {ignored}: {IGNORED}"


@pytest.mark.parametrize(
    ("text", "message", "hint"),
    [
        # nothing but a period besides it: the word may be the very thing asked about (or a value hidden from
        # the asker), so it is named, not left out
        (
            "frontend last month",
            "I don't understand `frontend`.",
            without("frontend", "last month"),
        ),
        # where a value would stand: before a cost noun or a dimension, or after a dimension
        (
            "frontend costs by service last month",
            "I don't understand `frontend`.",
            without("frontend", "last month by service"),
        ),
        (
            "ec2 costs for frontend team last month",
            "I don't understand `frontend`.",
            without("frontend", 'last month by tag:team service="Amazon Elastic Compute Cloud"'),
        ),
        (
            "spend by service for marketing last month",
            "I don't understand `marketing`.",
            without("marketing", "last month by service"),
        ),
        # after `except`: leaving it out would answer the opposite
        (
            "ec2 by region last month except frobnicate",
            "I don't understand `frobnicate`.",
            without("frobnicate", 'last month by region service="Amazon Elastic Compute Cloud"'),
        ),
        # a name capitalised mid-sentence, not possessive: maybe a value the asker cannot see
        (
            "how much did Priya spend on experiments by service",
            "I don't understand `Priya`.",
            "Did you mean `prior` or `april`? If `Priya` is a person: `by tag:aws:createdBy` shows who created what. "
            "Without `Priya`, `experiments`, the question reads `this month by service`: ask that, or say what `Priya` "
            "is.",
        ),
        # near a stored value but with a digit of its own (never a typo), with the value the dimension beside it allows
        (
            "stagin2 account cost by service",
            "I don't understand `stagin2`.",
            "Did you mean `account=staging`? Without `stagin2`, the question reads `this month by service, account`: "
            "ask that, or say what `stagin2` is.",
        ),
        # a well-known service the bill does not hold
        (
            "tax and support by service in q3",
            "`support`: this bill has no service by that name.",
            "`/cost by service` lists the services it holds.",
        ),
    ],
)
def test_a_word_that_could_change_the_answer_is_named_with_what_would_be_right(
    text: str, message: str, hint: str
) -> None:
    assert refusal(text) == (message, hint)


UNIT_COST = (
    "the bill holds costs only, nothing to divide them by (orders, users, people, revenue). Answered with the cost "
    "itself, to divide by your own figure."
)


@pytest.mark.parametrize(
    ("text", "same_as", "note"),
    [
        (
            "send me the october invoice pdf",
            "2026-10 by service",
            "`invoice`: I answer from the billing data and cannot fetch invoice documents (the AWS Billing console has "
            "them under Bills). Answered with the costs the invoice itemises (by service unless you ask another "
            "breakdown).",
        ),
        (
            "what percentage of compute is covered by commitments",
            "service=ec2 by charge-class",
            "`covered`: commitment coverage and utilisation are answered by `/trackit commitments`. Answered with the "
            "split by charge class (usage, the RI and Savings Plan fees, credits) unless you ask another breakdown.",
        ),
        ("unit cost per order for checkout", "tag:project=checkout", f"`unit`: {UNIT_COST}"),
        ("cost per engineer this quarter", "this quarter", f"`engineer`: {UNIT_COST}"),
        (
            "who owns the most ec2 spend by account",
            "service=ec2 by account",
            "`owns`: the bill does not say who owns a resource. Its creator is AWS's tag (`by tag:aws:createdBy`); a "
            "team tag answers `by tag:team`.",
        ),
    ],
)
def test_what_the_bill_does_not_hold_is_answered_as_near_as_it_allows_and_said(
    text: str, same_as: str, note: str
) -> None:
    """An invoice, an owner, a cost per order: nothing the answer could silently miss (the word names no value),
    so the nearest answer is given, and its first line says what the bill does not hold."""
    query = parse(text)
    assert query == parse(same_as)
    assert note in query.readings


def test_the_year_end_holidays_are_a_span_said_with_its_days() -> None:
    query = parse("what we spent over the holidays by service")
    assert query == parse("2025-12-20..2026-01-04 by service")
    assert query.readings == (
        "Read `holidays` as the year-end holidays (December 20 to January 4): Sat 2025-12-20 to Sun 2026-01-04.",
    )
    assert parse("festive season last year") == parse("2025-12-20..2026-01-04")


@pytest.mark.parametrize(
    ("text", "same_as", "note"),
    [
        (
            "prd ec2 last night",
            "yesterday account=production service=ec2",
            "Read `prd` as the account `production (123456789012)`; for the tag say `tag:env=prod`.",
        ),
        (
            "ddb stg cost 11/03",
            "2026-11-03 service=dynamodb account=staging",
            "Read `stg` as the account `staging (210987654321)`; for the tag say `tag:env=staging`.",
        ),
        (
            "staging last month",
            "last month account=staging",
            "Read `staging` as the account `staging (210987654321)`; for the tag say `tag:env=staging`.",
        ),
        (
            "staging vs dev last month",
            "last month tag:env=staging,dev by tag:env",
            "Read `staging` as the tag value `tag:env=staging`, like the values beside it.",
        ),
    ],
)
def test_a_name_of_an_account_and_a_tag_value_reads_as_the_account_unless_its_neighbours_say_otherwise(
    text: str, same_as: str, note: str
) -> None:
    """Every line item has an account, where a tag covers what was tagged: a word naming both reads as the account,
    and the answer says how to ask for the tag; beside values of one tag it reads as that tag's."""
    query = parse(text)
    assert query == parse(same_as)
    assert query.readings == (note,)


def test_top_without_a_number_ranks_the_default_number_and_movers_are_the_rises_said() -> None:
    assert parse("top services last month") == parse("last month by service")
    movers = parse("top movers by service last month")
    assert movers == parse("increases last month by service")
    assert movers.readings == ("Read `movers` as the biggest increases; ask `biggest decreases` for the falls.",)


def test_a_heading_colon_and_words_of_how_a_cost_fared_are_read_past() -> None:
    assert parse("platform team: ec2 last month") == parse("last month tag:team=Platform service=ec2")
    assert parse("how did our total spend evolve since july") == parse("since 2026-07-01")
    assert parse("how has rds trended over the last 6 months") == parse("last 6 months service=rds")


def test_a_short_form_with_its_dimension_reads_as_the_stored_name_and_says_so() -> None:
    query = parse("kms + sqs in dl acct, monthly since june")
    assert Filter(DimensionRef(Dimension.ACCOUNT), ("333344445555",)) in query.filters
    assert query.readings == ("Read `dl` as `account=data-lake`.",)
    assert parse("top ec2 in prd account").filters[-1] == Filter(DimensionRef(Dimension.ACCOUNT), ("123456789012",))


def test_prod_alone_is_the_production_account_and_the_answer_says_how_to_ask_for_the_tag() -> None:
    """`prod` is a stored env tag value exactly and the start of the account `production`: the account is read
    (what blind translators of the third to sixteenth batches meant 28 times in 29), said with how to ask for the
    tag; beside env values (`prod vs dev`) or with the key named (`env prod`) it is the tag."""
    query = parse("any weird days in prod past fortnight?")
    assert query == parse("anomalies last 2 weeks account=production")
    assert query.readings == (
        "Read `prod` as the account `production (123456789012)`; for the tag say `tag:env=prod`.",
    )
    assert parse("prod vs dev") == parse("tag:env=prod,dev by tag:env")
    assert parse("env prod") == parse("tag:env=prod")
    assert parse("anomalies in prod account").filters == (Filter(DimensionRef(Dimension.ACCOUNT), ("123456789012",)),)
    assert parse("staging env").readings == ()  # a dimension named beside it settles it: nothing to say


def test_another_cloud_than_the_bills_is_said_to_be_missing() -> None:
    query = parse("how does our AWS bill compare to what we spend on Azure")
    assert query == parse("this month")
    assert query.readings == ("This bill holds AWS costs only: nothing of `Azure` to compare with.",)


def test_top_resources_rank_without_a_number_count_in_words_and_say_what_they_left_out() -> None:
    def top(text: str) -> top_resources.TopQuery:
        return top_resources.parse(text, today=TODAY, vocabulary=VOCAB)

    assert top("top cloudfront distros past fortnight plz") == top("last 2 weeks service=cloudfront")
    assert top("lambda fns top spend yesterday eu-west-1") == top("yesterday service=lambda region=eu-west-1")
    five = top("Which five individual resources cost us the most in the data-lake account this quarter?")
    assert five == top("5 this quarter account=data-lake")


def test_tags_reads_a_key_followed_by_plain_words() -> None:
    def tag(text: str) -> tags.TagQuery:
        return tags.parse(text, today=TODAY, vocabulary=VOCAB)

    assert tag("createdby tag - which one created most cost?") == tag("aws:createdBy")
    assert tag("how much of our spend is untagged by team?") == tag("team")
    listed = tag("project tag breakdown for the checkout, search, data since start of Q4")
    assert (listed.key, listed.time_range.start) == ("user:project", date(2026, 10, 1))
    assert listed.readings[-1] == "Listed every value of `tag:project`, `checkout`, `search`, `data` among them."
    prod = tag("env tag coverage in prod acct last month")
    assert prod == tag("env last month account=production")
    assert prod.readings == ("Read `prod` as `account=production`.",)
    with pytest.raises(UsageError) as info:
        tag("What share of the bill can we allocate to a team today, and has that improved since September?")
    assert info.value.message == "`improved` asks for a comparison of two periods, which `/tags` does not answer."


def test_a_person_named_in_the_possessive_is_answered_by_the_creator_tag_and_said() -> None:
    query = parse("how much did Priya's experiments cost us by service")
    assert query == parse("by tag:aws:createdBy, service")
    assert query.readings == (
        "`Priya's`: the bill does not name people. AWS's creator tag says who created what (`by tag:aws:createdBy`).",
        f"Ignored `experiments`: {IGNORED}",
    )


def test_blended_cost_is_said_not_kept_and_the_question_answered_on_its_own_basis() -> None:
    query = parse("blended cost by account last month")
    assert query == parse("last month by account")
    assert query.readings == (
        "`blended`: blended cost (AWS's organisation-wide average rates) is not kept; unblended, amortized and net "
        "are. Answered with the question's cost basis (unblended unless you name another).",
    )
    assert parse("bottom line for q3") == parse("2026-q3")
    assert parse("wtf is up with cloudfront rn, ballpark") == parse("service=cloudfront")


def test_what_aws_bills_as_usage_types_reads_as_their_family_said() -> None:
    """EBS, snapshots and NAT gateways are usage types (of EC2 on a real bill): a word held by several of them
    names them all, and the answer lists them; words beside it narrow the family (`ebs volumes`)."""
    ebs = ("USE1-EBS:VolumeUsage.gp3", "USE1-EBS:SnapshotUsage", "USW2-EBS:VolumeUsage.gp2")
    nat = ("USE1-NatGateway-Hours", "USE1-NatGateway-Bytes")
    vocabulary = replace(VOCAB, usage_types=(*VOCAB.usage_types, *ebs, *nat))

    def read(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        query = parse_query(text, today=TODAY, vocabulary=vocabulary)
        (flt,) = query.filters
        assert flt.dimension == DimensionRef(Dimension.USAGE_TYPE)
        return flt.values, query.readings

    assert read("ebs costs last month") == (
        ebs,
        (
            "Read `ebs` as the 3 usage types holding it: `USE1-EBS:VolumeUsage.gp3`, `USE1-EBS:SnapshotUsage`, "
            "`USW2-EBS:VolumeUsage.gp2`.",
        ),
    )
    assert read("what do our nat gateways cost")[0] == nat
    assert read("ebs volumes by region")[0] == (ebs[0], ebs[2])
    assert read("snapshots")[0] == (ebs[1],)


def test_a_noun_after_a_value_says_what_it_is_and_two_letters_are_initials_only() -> None:
    query = parse("how much does the search feature cost us")
    assert query == parse("tag:project=search")
    assert query.readings == (f"Ignored `feature`: {IGNORED}",)
    with pytest.raises(UsageError) as info:  # `PM` is no short form of `Platform`: the person says what it is
        parse("PM for checkout here: what does it cost")
    assert info.value.message == "I don't understand `PM`."
    assert tags.parse("proj tag coverage oct pls", today=TODAY, vocabulary=VOCAB).key == "user:project"


def test_regions_by_their_place_times_of_day_and_commitments_the_bill_does_not_hold() -> None:
    sydney = parse("priciest rds in sydney ytd")
    assert sydney == parse("ytd service=rds region=ap-southeast-2")
    assert sydney.readings == ("Read `sydney` as the region `ap-southeast-2`.",)
    assert refusal("tokyo last month") == (
        "`tokyo` is AWS's region `ap-northeast-1`, where this bill has no costs.",
        "`/cost by region` lists the regions it holds.",
    )
    three = parse("cloudfront around 3pm, customer says site is slow")
    assert three == parse("today service=cloudfront hourly")
    assert three.readings[0] == "Read `3pm` as the day hour by hour (costs are kept by the hour)."
    edp = parse("are we on track to hit our EDP commit this year?")
    assert edp == parse("forecast this year")
    assert edp.readings == (
        "`EDP`: the bill does not hold the terms of a private pricing commitment (EDP, PPA), only the spend and its "
        "discounts. Answered with the spend, to set against the commitment yourself.",
    )
    assert parse("cost per eng this yr") == parse("this year")


def test_names_dictated_in_pieces_read_as_one_name_and_said() -> None:
    dictated = parse("lamb da by account past 7 days")
    assert dictated == parse("last 7 days service=lambda by account")
    assert dictated.readings == ("Read `lamb da` as `lambda`.",)
    assert parse("dynamo db in us east one last month") == parse("last month service=dynamodb region=us-east-1")
    assert parse("s three buckets") == parse("service=s3 by resource")


def test_a_weekday_before_its_date_and_dictated_by_read_as_meant() -> None:
    assert parse("monday 3 nov by service") == parse("2026-11-03 by service")
    assert parse("wed the 18th") == parse("2026-11-18")
    spoken = parse("lamb da cost buy account past 7 days")
    assert spoken == parse("last 7 days service=lambda by account")
    assert spoken.readings == ("Read `lamb da` as `lambda`.", "Read `buy` as `by`.")
    assert tags.parse("how much of our spend has no env tag", today=TODAY, vocabulary=VOCAB).key == "user:env"


def test_an_amount_is_a_figure_to_hold_the_forecast_or_the_cost_against() -> None:
    ahead = parse("will we blow past 100k this month")
    assert ahead == parse("forecast this month")
    assert ahead.readings == ("Read `100k` as a figure to hold the month-end forecast against.",)
    past = parse("did we stay under $40k last month")
    assert past == parse("last month")
    assert past.readings == ("Read `$40k` as a figure to hold the cost against.",)
    assert parse("top 5 services last 30 days") == parse("last 30 days by service top 5")


def test_what_changed_asks_why_and_the_most_expensive_day_is_day_by_day() -> None:
    assert parse("what changed in ec2 last week") == parse("why last week service=ec2")
    assert parse("what was our most expensive day last month") == parse("last month daily")
    assert parse("the cost of day 3rd nov") == parse("2026-11-03")
    # the cheapest: every service, the cheapest last (`test_grammar_values`)
    assert without_labels(parse("cheapest service last month")) == without_labels(
        parse("last month by service top 1000")
    )


def test_other_answers_of_the_bot_are_named_and_egress_is_data_transfer() -> None:
    idle = parse("which instances are idle")
    assert idle == parse("service=ec2 by resource")
    assert idle.readings[0] == (
        "`idle`: idle resources and rightsizing are answered by `/trackit idle` and `/trackit rightsizing`. Answered "
        "with what the resources cost, most expensive first."
    )
    assert parse("egress costs last month") == parse("last month service=data-transfer")


def test_relayed_and_polite_questions_quoted_questions_and_accounting_periods() -> None:
    relayed = parse('finance asked me to find out "total AWS spend per account for Q3, excl. tax"')
    assert relayed == parse("2026-q3 by account service!=tax")
    assert parse('CTO asks: "what will November land at?"') == parse("forecast 2026-11")
    polite = parse("would it perhaps be possible to get an overview of S3 in the week of the 16th? thanks in advance")
    assert polite == parse("2026-11-16..2026-11-22 service=s3")
    period = parse("need the GL figure for AWS period 10")
    assert period == parse("2026-10")
    assert period.readings == (
        "Read `period 10` as the calendar month 2026-10: the bill does not say when your fiscal year starts. For "
        "another, give its months, e.g. `2025-04..2026-03`.",
    )
    assert parse("are we bleeding money on EKS since we launched on the 2nd?") == parse("since 2026-11-02 service=eks")
    assert parse("KW 46 by service") == parse("2026-w46 by service")
    assert parse("dynamodb in Nov '25") == parse("2025-11 service=dynamodb")
    assert parse("glue for the data team over the last few days") == parse("last 3 days service=glue tag:team=data")


def test_an_instance_family_reads_as_the_usage_types_of_its_sizes() -> None:
    sizes = ("USE1-BoxUsage:p4d.24xlarge", "USW2-SpotUsage:p4d.24xlarge")
    vocabulary = replace(VOCAB, usage_types=(*VOCAB.usage_types, *sizes))
    query = top_resources.parse("which of my p4d boxes cost the most this week", today=TODAY, vocabulary=vocabulary)
    assert Filter(DimensionRef(Dimension.USAGE_TYPE), sizes) in query.filters


def test_slack_mentions_links_and_channel_names_in_a_question() -> None:
    assert parse("<@U0BOB> what did we spend on ec2 last month") == parse("last month service=ec2")
    assert parse("cost for <#C0PLATFORM|platform> last week") == parse("last week tag:team=Platform")
    assert parse("<!subteam^S0123|@platform> spend last week") == parse("last week tag:team=Platform")
    linked = parse("see <https://console.aws.amazon.com/billing/home|the console> last month by service")
    assert linked == parse("last month by service")
    assert parse("see https://console.aws.amazon.com/billing/home last month") == parse("last month")
    assert parse("ec2's cost yesterday") == parse("yesterday service=ec2")


def test_our_burn_for_the_month_in_progress_is_its_pace() -> None:
    assert parse("what's our burn this month") == parse("forecast this month")
    assert parse("what's our burn") == parse("forecast this month")
    assert parse("our burn last month") == parse("last month")


def test_each_of_the_other_and_percent_signs_are_read_past() -> None:
    assert parse("how much does each of our products cost") == parse("by service")  # AWS products: services
    compared = parse("are we burning too much on S3 in data-lake compared to the other accounts")
    assert compared == parse("service=s3 account=data-lake")
    assert tags.parse("what % is tagged by team", today=TODAY, vocabulary=VOCAB).key == "user:team"


def test_test_runs_organisation_words_and_a_typo_of_excluding_never_flips_a_filter() -> None:
    assert parse("what did the load test cost us Nov 20-22") == parse("2026-11-20..2026-11-22")
    assert parse("which squad spent the most last month") == parse("last month by tag:team")
    assert parse("estimated bill for November as of today") == parse("forecast 2026-11")
    assert parse("tot spend q4") == parse("2026-q4")
    assert parse("who spun up the ec2 in staging on the 14th") == parse(
        "2026-11-14 by tag:aws:createdBy service=ec2 account=staging"
    )
    excluded = parse("member accounts charges exclusing tax, first half of Nov")
    assert excluded == parse("2026-11-01..2026-11-15 by account service!=tax")
    assert excluded.readings == ("Read `exclusing` as `excluding`.",)
    assert parse("what are we spending since go-live (the 9th)") == parse("since 2026-11-09")


def test_flags_calls_sign_offs_speakers_product_categories_and_weeks_ending() -> None:
    assert parse("sum(cost) by region --since 2026-11-01") == parse("since 2026-11-01 by region")
    assert parse("daily spend --since last week --acct staging") == parse("since 2026-11-16 account=staging daily")
    assert parse("Hi all, which lambdas cost most? Best, Alex") == parse("service=lambda by resource")
    relayed = parse('forwarding from Sam: "which usage type is driving data transfer?"')
    assert relayed == parse("why service=data-transfer by usage-type")
    assert parse("the CDN this month") == parse("this month service=cloudfront")
    assert parse("serverless spend Q3'26 by month") == parse("2026-q3 service=lambda monthly")
    assert parse("kms + sqs, last cal month") == parse("last month service=kms,sqs")
    assert parse("week ending Nov 22 by account") == parse("2026-11-16..2026-11-22 by account")
    per_gb = parse("how much per GB does S3 charge us?")
    assert per_gb == parse("service=s3 by usage-type")
    assert per_gb.readings == (
        "`per GB`: answered with the cost of each usage type (storage, requests, transfer), not a price per unit.",
    )


def test_english_words_that_are_plain_operation_names_on_a_genuine_bill_read_as_english() -> None:
    """A genuine CUR (the FinOps Foundation's anonymised export) holds operations named `Send`, `Storage` and
    `Decrypt` and usage types such as `CAN1-Catalog-Storage`: `can u send me the bill` asked for no operation,
    and `storage costs` for S3, not for a slice of it. An operation typed as stored, or an identifier such as
    `PutObject` in any case, still reads as the operation."""
    vocabulary = replace(
        VOCAB,
        operations=(*VOCAB.operations, "Send", "Storage", "Decrypt"),
        usage_types=(*VOCAB.usage_types, "CAN1-Catalog-Storage", "USW2-Catalog-Storage"),
    )

    def read(text: str) -> CostQuery:
        return parse_query(text, today=TODAY, vocabulary=vocabulary)

    invoice = read("can u send me the october invoice pdf")
    assert invoice.filters == () and invoice.group_by == (DimensionRef(Dimension.SERVICE),)
    assert invoice.readings[-1] == f"Ignored `send`: {IGNORED}"
    storage = read("storage costs this month")
    assert storage.filters == (Filter(DimensionRef(Dimension.SERVICE), ("Amazon Simple Storage Service",)),)
    assert storage.readings == (
        "Read `storage` as the service `Amazon Simple Storage Service` (the word is also part of 2 usage type(s), "
        "e.g. `CAN1-Catalog-Storage`).",
    )
    assert read("kms Decrypt costs").filters[-1] == Filter(DimensionRef(Dimension.OPERATION), ("Decrypt",))
    assert read("putobject last month").filters == (Filter(DimensionRef(Dimension.OPERATION), ("PutObject",)),)


@pytest.mark.parametrize(
    ("text", "meaning"),
    [
        # Indian English: `X wise` is `by X`, `day wise` day by day; `Dear team`, `PFB`, `kindly provide` ask
        ("kindly provide day wise cost for EC2 from 01-11-2026 till date", "2026-11-01..2026-11-27 service=ec2 daily"),
        ("Dear team, KMS cost env-wise last month", "last month service=kms by tag:env"),
        ("hi team, service wise cost for october", "2026-10 by service"),
        ("PFB - S3 cost from 15th Nov onwards in us-west-2", "since 2026-11-15 service=s3 region=us-west-2"),
        ("S3 cost increased from 15th Nov onwards. What is the reason for same?", "why since 2026-11-15 service=s3"),
        # a date written day first with dashes and its year, read as slashed dates are (`25-11-2026`)
        ("ec2 on 25-11-2026", "2026-11-25 service=ec2"),
        # money signs: `by $` is by cost, the order every answer has; elsewhere a sign says nothing
        ("ec2 by $ last month", "last month service=ec2"),
        ("exact $ by account for october", "2026-10 by account"),
    ],
)
def test_how_people_write_requests_elsewhere_reads_as_the_question(text: str, meaning: str) -> None:
    assert parse(text) == parse(meaning)


def test_what_aws_bills_under_ec2_is_ec2_by_usage_type_when_the_bill_names_no_such_usage_type() -> None:
    q = parse("NAT gateway charges this month")
    assert q == parse("this month service=ec2 by usage-type")
    assert q.readings == (
        "`NAT`: AWS bills these under EC2, and no usage type of this bill holds `natgateway`; answered with EC2 "
        "by usage type.",
    )
    assert parse("ebs volumes in staging") == parse("this month service=ec2 account=staging by usage-type")


@pytest.mark.parametrize(
    ("text", "meaning"),
    [
        # a range already read, ended where the period named after `through`/`until`/`to date` ends
        ("What's our YTD AWS spend through end of October?", "2026-01..2026-10"),
        ("spend since august up to the end of october", "2026-08..2026-10"),
        ("this month through yesterday", "2026-11-01..2026-11-26"),
        ("kms spend FY26 to date", "2026-01-01..2026-11-27 service=kms"),
        # periods listed side by side are one span
        ("Platform team monthly cost Aug, Sep, Oct side by side pls", "2026-08..2026-10 tag:team=Platform monthly"),
        ("Glue cost for current month and previous month", "2026-10..2026-11 service=glue"),
        # what a month or a day of it costs
        ("how much does checkout cost us a month", "last month tag:project=checkout"),
        ("how much does checkout cost us a month this year", "this year tag:project=checkout monthly"),
        ("what do we spend a day on s3 in october", "average 2026-10 service=s3"),
        ("what's the checkout project going to cost for the full month", "forecast this month tag:project=checkout"),
        # a team ritual is no time step; `which person` asks who, as `who` does
        ("weekly review - totals by account and service, last week", "last week by account, service"),
        ("which person on the data team spends the most", "this month tag:team=data by tag:aws:createdBy"),
        # a tag written `key:value`; `next to` another value is beside it; `each` after a breakdown is its rows
        ("how much did team:api spend on lambda last week", "last week tag:team=api service=lambda"),
        (
            "search cost each month since may next to checkout",
            "since 2026-05 tag:project=search,checkout monthly by tag:project",
        ),
        ("top 5 services by spend in Q3, with % of total next to each", "2026-q3 by service top 5"),
        # `BF`: Black Friday, as retail writes it; `end up`: where it lands
        ("BF vs last BF", "2026-11-27 vs 2025-11-28"),
        ("Where do we expect Q4 to end up?", "forecast 2026-q4"),
    ],
)
def test_spans_rates_and_shorthand_people_type_read_as_the_question(text: str, meaning: str) -> None:
    assert without_labels(parse(text)) == without_labels(parse(meaning))


@pytest.mark.parametrize(
    ("text", "meaning", "said"),
    [
        (
            "how much of the Sept bill was tax vs credits vs actual usage?",
            "2026-09 by charge-class",
            "Read `credits`, `tax`, `usage` side by side as the split by charge class.",
        ),
        (
            "what did the staging account cost in oct all in, fees and tax included?",
            "2026-10 account=staging",
            "Read `tax` as part of the whole total, not a filter on it.",
        ),
        (
            "is staging eks still costing anything after we scaled it down tues",
            "since 2026-11-24 service=eks account=staging",
            "Read `staging` as the account `staging (210987654321)`; for the tag say `tag:env=staging`.",
        ),
        (
            "monthly totals for each month this year so far, Jan through Nov (Nov partial is fine)",
            "2026-01..2026-11 monthly",
            "`2026-11` in the aside is part of `2026-01..2026-11`, the days answered.",
        ),
    ],
)
def test_kinds_of_charge_and_days_within_a_range_read_as_meant_and_said(text: str, meaning: str, said: str) -> None:
    q = parse(text)
    assert without_labels(q) == without_labels(parse(meaning))
    assert said in q.readings


def test_a_day_in_another_sentence_is_another_question_not_the_days_within() -> None:
    q = parse("launch went live on the 17th. any weird days this month?")
    assert without_labels(q) == without_labels(parse("anomalies this month"))


@pytest.mark.parametrize(
    ("text", "meaning", "said"),
    [
        # a series asked with no range shows several of its periods, said
        ("what does checkout cost us per month", "since 2026-06-01 tag:project=checkout monthly", "the last 6 months"),
        ("ec2 weekly", "since 2026-11-02 service=ec2 weekly", "the last 4 weeks"),
        # a month not begun, in the future tense: where this month lands
        ("how much will we spend in december", "forecast this month", "December 2026 has not begun"),
        # `all accounts` with a total: the total over them, not each
        ("total spend for october, all accounts", "2026-10", "Read `all accounts` as the total"),
    ],
)
def test_defaults_people_leave_out_are_filled_as_they_mean_and_said(text: str, meaning: str, said: str) -> None:
    q = parse(text)
    assert without_labels(q) == without_labels(parse(meaning))
    assert any(said in r for r in q.readings), q.readings


@pytest.mark.parametrize(
    ("text", "meaning"),
    [
        (
            # the commitments' fees named twice over are one thing: one series, no line per charge class
            "How much have we paid in RI and Savings Plan fees year to date, month by month?",
            "ytd charge-class=recurring,one-time monthly",
        ),
        ("top 5 rds databases last month", "last month service=rds top 5"),
    ],
)
def test_a_step_said_twice_and_a_service_with_its_category_noun_read_as_meant(text: str, meaning: str) -> None:
    assert without_labels(parse(text)) == without_labels(parse(meaning))


@pytest.mark.parametrize(
    ("text", "meaning"),
    [
        ("accrual estimate for november - where are we going to land?", "forecast 2026-11"),
        ("how are we trending this month", "forecast this month"),
        ("are we trending up vs last quarter?", "this quarter"),
        ("the data-lake account for 1H", "2026-01..2026-06 account=data-lake"),
        (
            "october vs november so far by account and service, excluding tax and credits, flag anything that moved",
            "2026-10 vs 2026-11 by account, service service!=tax charge-class!=credit",
        ),
    ],
)
def test_where_it_lands_and_how_it_is_marked_read_as_meant(text: str, meaning: str) -> None:
    assert without_labels(parse(text)) == without_labels(parse(meaning))


@pytest.mark.parametrize(
    ("text", "meaning", "said"),
    [
        (
            "yesterday (thanksgiving) vs a normal thursday",
            "2026-11-26 vs 2026-11-19",
            "Read `normal thursday` as Thursday 2026-11-19, the latest before it.",
        ),
        ("why did ec2 jump between tuesday and wednesday", "why 2026-11-25 vs 2026-11-24 service=ec2", None),
        (
            "data transfer by region, every saturday and sunday in november",
            "2026-11 service=data-transfer by region daily",
            "`saturdays`: a cost question cannot keep some days of the week and leave out others. Answered day by "
            "day, so each day shows with its date.",
        ),
    ],
)
def test_days_like_any_other_and_days_of_the_week_read_as_meant(text: str, meaning: str, said: str | None) -> None:
    q = parse(text)
    assert without_labels(q) == without_labels(parse(meaning))
    assert said is None or said in q.readings


@pytest.mark.parametrize(
    ("text", "meaning"),
    [
        ("kms and sqs in oct+nov, daily", "2026-10..2026-11 service=kms,sqs daily by service"),
        ("SP/RI fees for EC2 last month", "last month service=ec2 charge-class=recurring,one-time"),
        ("line_item_line_item_type breakdown for last month", "last month by charge-type"),
        ("the data transfer since the début of the month", "since 2026-11-01 service=data-transfer"),
        ("we rotated the credentials on 12 nov around noon", "2026-11-12 hourly"),
        ("EOM forecast for Nov, all linked accounts", "forecast 2026-11"),
        ("October total, all 3 accounts", "2026-10"),
        ("spend across all accounts in october", "2026-10 by account"),
        ("rough split of spend by team for the quarter so far", "this quarter by tag:team"),
        (
            "any unusual days in staging this month apart from the ones we load tested",
            "anomalies this month account=staging",
        ),
    ],
)
def test_shorthand_columns_and_counts_people_type_read_as_meant(text: str, meaning: str) -> None:
    assert without_labels(parse(text)) == without_labels(parse(meaning))


@pytest.mark.parametrize(
    ("command", "text"),
    [
        ("/tags", "search vs checkout this month, which one is more expensive"),
        ("/tags", "rough split of spend by team this quarter, mostly want Platform vs everyone else"),
        ("/top-resources", "the 5 priciest dynamodb tables behind search?"),
    ],
)
def test_values_side_by_side_and_behind_are_what_the_listing_commands_show(command: str, text: str) -> None:
    from tests.billing.phrasings import parsed

    parsed(text, command)  # answered, not sent to /cost as a comparison or a why


def test_periods_compared_are_still_sent_to_cost_from_tags() -> None:
    from bot.errors import AskedElsewhere
    from tests.billing.phrasings import parsed

    with pytest.raises(AskedElsewhere, match="`vs` asks for a comparison of two periods"):
        parsed("team this month vs last month", "/tags")


@pytest.mark.parametrize(
    ("text", "meaning", "said"),
    [
        ("what did we actually spend on ec2", "this month service=ec2", "Ignored `actually`"),
        ("is there a one-line reason Sept was higher than Aug?", "why 2026-09", "Ignored `one-line`"),
        (
            "inter-region data transfer prod vs staging mtd",
            "this month service=data-transfer account=production,staging by account, usage-type",
            "`inter-region`: the bill tells transfer between places apart only in its usage types",
        ),
    ],
)
def test_english_adverbs_compounds_and_transfer_between_places_read_as_meant(
    text: str, meaning: str, said: str
) -> None:
    q = parse(text)
    assert without_labels(q) == without_labels(parse(meaning))
    assert any(r.startswith(said) for r in q.readings), q.readings


def test_a_compound_holding_a_value_or_a_dimension_is_still_asked_about() -> None:
    with pytest.raises(UsageError, match="`search-as-you-type`"):
        parse("how much is the new search-as-you-type thing costing since the 2nd?")
    with pytest.raises(UsageError, match="`frontend`"):
        parse("frontend costs last month")


@pytest.mark.parametrize(
    ("text", "meaning", "said"),
    [
        ("why is the website more expensive this week?", "why this week tag:team=web", "Read `website` as"),
        ("tue vs mon what chnaged", "why 2026-11-24", "Read `chnaged` as `changed`."),
        ("was black friday last year more expensive than this year?", "2025-11-28 vs 2026-11-27", None),
        ("how much is the landing page costing? went out monday", "since 2026-11-23", None),
        ("still climbing today or flattening out? today vs wed/thu", "today vs 2026-11-25..2026-11-26", None),
        (
            "checkout vs search - which costs more this year?",
            "this year tag:project=checkout,search by tag:project",
            None,
        ),
    ],
)
def test_what_a_kubernetes_admin_a_ceo_and_marketing_typed_reads_as_meant(
    text: str, meaning: str, said: str | None
) -> None:
    q = parse(text)
    assert without_labels(q) == without_labels(parse(meaning))
    assert said is None or any(r.startswith(said) for r in q.readings), q.readings


def test_listing_commands_read_pods_money_signs_and_resources_without_a_tag() -> None:
    from tests.billing.phrasings import parsed

    assert parsed("top 5 $$", "/top-resources") == parsed("5 this month", "/top-resources")
    assert parsed("biggest pods?", "/top-resources") == parsed("this month service=ec2", "/top-resources")
    untagged = parsed("largest resources with no team tag in october", "/top-resources")
    assert untagged == parsed("2026-10 tag:team=untagged", "/top-resources")


@pytest.mark.parametrize(
    ("text", "meaning"),
    [
        ("did cloudfront costs go crazy yesterday or wed?", "2026-11-25..2026-11-26 service=cloudfront"),
        ("MTD total by account + where the full month is projected to land, by account", "forecast 2026-11 by account"),
        ("Q3 total ex tax", "2026-q3 service!=tax"),
        (
            "the RIs we prepaid back in January... is that upfront in your numbers",
            "2026-01 charge-class=recurring,one-time",
        ),
        # what a day usually costs: the average per day, one figure
        ("roughly what does aws cost us per day normally?", "average this month"),
    ],
)
def test_either_days_said_twice_ex_and_an_ellipsis_read_as_meant(text: str, meaning: str) -> None:
    assert without_labels(parse(text)) == without_labels(parse(meaning))


def test_a_service_named_in_two_words_the_bill_lacks_is_refused_by_its_name() -> None:
    with pytest.raises(UsageError) as info:
        parse("whats our api gateway bill looking like this month")
    assert info.value.message == "`api gateway`: this bill has no service by that name."


def test_a_dimension_named_twice_in_one_list_is_still_a_slip() -> None:
    with pytest.raises(UsageError, match="`by service` is given twice"):
        parse("last month by service, service")


def test_an_exclusion_ends_with_its_clause_and_a_denied_adjective_excludes_nothing() -> None:
    q = parse("sorry not technical - did we spend more on aws during the checkout outage last week than normal??")
    assert without_labels(q) == without_labels(parse("last week tag:project=checkout"))
    assert without_labels(parse("excluding tax and credits last month")) == without_labels(
        parse("last month service!=tax charge-class!=credit")
    )
    assert without_labels(parse("ec2 not prod last month")) == without_labels(
        parse("last month service=ec2 account!=production")
    )


def test_a_ticket_reference_and_a_span_of_hours_read_as_meant() -> None:
    q = parse("did the outage cost us anything extra? it was roughly 2-4pm eastern on the 24th")
    assert without_labels(q) == without_labels(parse("2026-11-24 hourly"))
    assert without_labels(parse("ec2 for ticket 48213 on nov 24")) == without_labels(parse("2026-11-24 service=ec2"))


def test_spot_against_on_demand_and_instance_families_the_bill_lacks_are_ec2_by_usage_type() -> None:
    q = parse("spot vs on-demand ec2 in us-west-2 for oct")
    assert without_labels(q) == without_labels(parse("2026-10 service=ec2 region=us-west-2 by usage-type"))
    families = parse("most expensive p4d / g5 instances since Halloween")
    assert families.readings[0] == (
        "`p4d`: no `p4d` instance family in this bill's usage types; answered with EC2 by usage type."
    )
    with pytest.raises(UsageError, match="`demand`"):  # alone, on-demand is asked about
        parse("how much did on demand ec2 cost us last month")
    beside = parse("how much are savings plans actually saving us vs on demand")  # beside the commitments: a kind
    assert beside.group_by == (DimensionRef(Dimension.CHARGE_CLASS),)


@pytest.mark.parametrize(
    ("text", "meaning"),
    [
        (
            "daily spend 1 Nov - 26 Nov, all accounts (no rounding to k please, pasting into the sheet)",
            "2026-11-01..2026-11-26 daily",
        ),
        ("anything weird this week b4 i log off", "anomalies this week"),
        ("will nov be higher than oct y/n", "forecast 2026-11"),
    ],
)
def test_a_dash_inside_a_span_and_what_is_not_wanted_read_as_meant(text: str, meaning: str) -> None:
    assert without_labels(parse(text)) == without_labels(parse(meaning))


@pytest.mark.parametrize(
    ("text", "meaning"),
    [
        (
            "project=checkout vs project=search, last month, by service",
            "last month tag:project=checkout,search by tag:project, service",
        ),
        ("how much did team=Platform vs team=api cost in october?", "2026-10 tag:team=Platform,api by tag:team"),
        (
            "which DynamoDB tables cost the most in the 7 days ending yesterday",
            "2026-11-20..2026-11-26 service=dynamodb by resource",
        ),
    ],
)
def test_filters_compared_and_days_ending_a_day_read_as_meant(text: str, meaning: str) -> None:
    assert without_labels(parse(text)) == without_labels(parse(meaning))


def test_a_guess_at_the_answer_is_no_filter_and_no_forecast() -> None:
    from tests.billing.phrasings import parsed

    q = parsed("which tables cost the most last week (any account, though I expect prod)?", "/top-resources")
    assert q == parsed("last week service=dynamodb", "/top-resources")
    assert "Left out `expect prod`: a guess at the answer, not a filter on it." in q.readings  # type: ignore[attr-defined]
    # a line item holds one team: two teams filtered are both teams' spend, in one total without a comparison
    assert parse("team=api team=web") == parse("tag:team=api,web")


@pytest.mark.parametrize(
    ("text", "meaning", "said"),
    [
        (
            "cloudfront per day last week, we cut over the image CDN on tuesday",
            "last week service=cloudfront daily",
            "`2026-11-17` is part of `last week`, the days answered.",
        ),
        (
            "what did the SP + RI fees on the 1st come to this month?",
            "this month charge-class=recurring,one-time",
            "`2026-11-01` is part of `this month`, the days answered.",
        ),
    ],
)
def test_one_day_named_within_the_range_is_part_of_the_days_answered(text: str, meaning: str, said: str) -> None:
    q = parse(text)
    assert without_labels(q) == without_labels(parse(meaning))
    assert said in q.readings


@pytest.mark.parametrize(
    ("text", "meaning"),
    [
        ("just got an AWS budgets email - what spiked??", "anomalies this month"),
        ("last week vs week before, total + what moved", "why last week"),
        ("any days last week that stand out?", "anomalies last week"),
        ("Glue cost of 2026/11/22 was very high, is it normal?", "anomalies 2026-11-22 service=glue"),
        (
            "daily DynamoDB cost in ap-southeast-2 region for recent 2 weeks?",
            "last 2 weeks service=dynamodb region=ap-southeast-2 daily",
        ),
    ],
)
def test_notices_moves_and_days_that_stand_out_read_as_meant(text: str, meaning: str) -> None:
    assert without_labels(parse(text)) == without_labels(parse(meaning))


def test_an_instance_class_of_another_service_named_is_left_out_and_said() -> None:
    from tests.billing.phrasings import parsed

    q = parsed("most expensive RDS instances last 90 days (looking at r6g candidates)", "/top-resources")
    assert q == parsed("last 90 days service=rds", "/top-resources")
    assert "Left out `r6g`: no usage type of this bill holds that class." in q.readings  # type: ignore[attr-defined]
    with pytest.raises(UsageError, match="`budget`"):  # a budget asked about is still kept elsewhere
        parse("are we over budget")


@pytest.mark.parametrize(
    ("text", "meaning"),
    [
        ("MoM growth for the last 12 months - is the curve flattening or not", "last 12 months monthly"),
        ("Week-over-week totals for the last 6 full weeks (Mon–Sun)", "last 6 weeks weekly"),
        ("what's our monthly run rate right now, all in (tax, credits, the lot)", "forecast this month monthly"),
    ],
)
def test_short_forms_of_x_over_x_and_all_in_read_as_meant(text: str, meaning: str) -> None:
    assert without_labels(parse(text)) == without_labels(parse(meaning))


def test_storage_classes_and_graviton_are_usage_types_of_their_service_said() -> None:
    q = parse("S3 by storage class for Oct")
    assert without_labels(q) == without_labels(parse("2026-10 service=s3 by usage-type"))
    glacier = parse("glacier costs last month")
    assert without_labels(glacier) == without_labels(parse("last month service=s3 by usage-type"))
    assert glacier.readings[0] == (
        "`glacier`: S3 bills its storage classes in its usage types, and none of this bill holds `glacier`; "
        "answered with S3 by usage type."
    )
    graviton = parse("graviton spend this month")
    assert without_labels(graviton) == without_labels(parse("this month service=ec2 by usage-type"))


def test_an_amount_held_against_a_month_not_begun_is_held_against_this_months_forecast() -> None:
    q = parse("will we spend over 50k in december")
    assert without_labels(q) == without_labels(parse("forecast this month"))
    assert q.readings[-1] == "Read `50k` as a figure to hold the month-end forecast against."


@pytest.mark.parametrize(
    ("text", "meaning"),
    [
        (
            "the fees posted on the 1st of each month, Jan through Nov this year",
            "2026-01..2026-11 charge-class=recurring,one-time monthly",
        ),
        ("ap-southeast-2 spend last 7d pls, leaving in 10", "last 7 days region=ap-southeast-2"),
        ("EKS monthly since june, want to see the trend before we move to c7g", "since 2026-06-01 service=eks monthly"),
        ("EKS cost Q4-to-date", "2026-10-01..2026-11-27 service=eks"),
    ],
)
def test_descriptions_around_the_days_asked_read_as_meant(text: str, meaning: str) -> None:
    assert without_labels(parse(text)) == without_labels(parse(meaning))
