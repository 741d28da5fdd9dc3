"""The query grammar: every clause, the defaults, and the exact messages for bad input."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from bot.billing.grammar import EXAMPLES, USAGE, parse_query
from bot.billing.grammar_format import format_query
from bot.billing.model import (
    UNTAGGED,
    CostBasis,
    CostQuery,
    Dimension,
    DimensionRef,
    Filter,
    Granularity,
    TimeRange,
)
from bot.billing.vocabulary import Vocabulary
from bot.errors import NotFound, UnknownWord, UsageError

TODAY = date(2026, 11, 27)
EC2 = "Amazon Elastic Compute Cloud"
S3 = "Amazon Simple Storage Service"
GLUE = "AWS Glue"
KMS = "AWS Key Management Service"
VOCAB = Vocabulary(
    services={EC2: "", S3: "AmazonS3", GLUE: "", KMS: "", "Amazon Simple Queue Service": "", "Tax": ""},
    accounts={"123456789012": "production", "210987654321": "staging", "000011112222": ""},
    regions=("us-east-1", "eu-west-1", "ap-southeast-2"),
    tag_keys=("aws:createdBy", "user:env", "user:team"),
    tag_values={"user:team": ("web", "Web", "api", "data science"), "user:env": ("prod", "staging")},
    usage_types=("USE1-BoxUsage:m5.large", "EU-DataTransfer-Out-Bytes"),
    operations=("RunInstances", "PutObject"),
)
THIS_MONTH = TimeRange(date(2026, 11, 1), date(2026, 12, 1), "this month")
LAST_MONTH = TimeRange(date(2026, 10, 1), date(2026, 11, 1), "last month")
SERVICE = DimensionRef(Dimension.SERVICE)
ACCOUNT = DimensionRef(Dimension.ACCOUNT)
REGION = DimensionRef(Dimension.REGION)
TEAM = DimensionRef.tag("user:team")


def parse(text: str, **kwargs: object) -> CostQuery:
    return parse_query(text, today=TODAY, vocabulary=VOCAB, **kwargs)  # type: ignore[arg-type]


# ----------------------------------------------------------------------------------------- accepted forms


def test_empty_text_is_this_month_unblended_top_10() -> None:
    assert parse("") == CostQuery(time_range=THIS_MONTH)


def test_defaults_come_from_the_caller() -> None:
    q = parse("", default_range="last 7 days", default_basis=CostBasis.AMORTIZED)
    assert q.time_range == TimeRange(date(2026, 11, 20), date(2026, 11, 27), "last 7 days")
    assert q.basis is CostBasis.AMORTIZED


def test_the_full_example_from_the_docs() -> None:
    q = parse("last month by service, region service=ec2,s3 tag:team!=untagged amortized top 5")
    assert q == CostQuery(
        time_range=LAST_MONTH,
        group_by=(SERVICE, REGION),
        filters=(Filter(SERVICE, (EC2, S3)), Filter(TEAM, (UNTAGGED,), negate=True)),
        basis=CostBasis.AMORTIZED,
        top=5,
    )


def test_words_come_in_any_order_and_any_case() -> None:
    a = parse("LAST MONTH BY SERVICE Amortized TOP 5 Service=EC2")
    b = parse("service=ec2 top 5 amortized by service last month")
    assert a == b
    assert a.filters == (Filter(SERVICE, (EC2,)),)


@pytest.mark.parametrize(
    ("text", "group_by"),
    [
        ("by service", (SERVICE,)),
        ("by services", (SERVICE,)),
        ("by account", (ACCOUNT,)),
        ("by accounts", (ACCOUNT,)),
        ("by region", (REGION,)),
        ("by usage-type", (DimensionRef(Dimension.USAGE_TYPE),)),
        ("by usage type", (DimensionRef(Dimension.USAGE_TYPE),)),
        ("by usagetype", (DimensionRef(Dimension.USAGE_TYPE),)),
        ("by usage_type", (DimensionRef(Dimension.USAGE_TYPE),)),
        ("by operation", (DimensionRef(Dimension.OPERATION),)),
        ("by resource", (DimensionRef(Dimension.RESOURCE),)),
        ("by charge-type", (DimensionRef(Dimension.CHARGE_TYPE),)),
        ("by charge type", (DimensionRef(Dimension.CHARGE_TYPE),)),
        ("by charge-class", (DimensionRef(Dimension.CHARGE_CLASS),)),
        ("by charge class", (DimensionRef(Dimension.CHARGE_CLASS),)),
        ("by tag:team", (TEAM,)),
        ("by tag:user:team", (TEAM,)),
        ("by tag:createdBy", (DimensionRef.tag("aws:createdBy"),)),
        ("by tag:aws:createdBy", (DimensionRef.tag("aws:createdBy"),)),
        ("by tag team", (TEAM,)),
        ("by service, region", (SERVICE, REGION)),
        ("by service,region", (SERVICE, REGION)),
        ("by service by region", (SERVICE, REGION)),
        ("by service and region", (SERVICE, REGION)),
        ("group by service, region, tag:team", (SERVICE, REGION, TEAM)),
        ("by service by region by tag:team", (SERVICE, REGION, TEAM)),
    ],
)
def test_group_by_forms(text: str, group_by: tuple[DimensionRef, ...]) -> None:
    assert parse(text).group_by == group_by


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("service=ec2", Filter(SERVICE, (EC2,))),
        ("service=AmazonEC2", Filter(SERVICE, (EC2,))),
        ("service=amazonec2", Filter(SERVICE, (EC2,))),
        ('service="amazon elastic compute cloud"', Filter(SERVICE, (EC2,))),
        ("service=s3", Filter(SERVICE, (S3,))),
        ("service=glue", Filter(SERVICE, (GLUE,))),
        ("service=kms", Filter(SERVICE, (KMS,))),
        ("service=sqs", Filter(SERVICE, ("Amazon Simple Queue Service",))),
        ("service=ec2,s3", Filter(SERVICE, (EC2, S3))),
        ("service=ec2, s3", Filter(SERVICE, (EC2, S3))),
        ("service=ec2,AmazonEC2", Filter(SERVICE, (EC2,))),
        ("service!=ec2", Filter(SERVICE, (EC2,), negate=True)),
        ("services=tax", Filter(SERVICE, ("Tax",))),
        ("account=production", Filter(ACCOUNT, ("123456789012",))),
        ("account=Production", Filter(ACCOUNT, ("123456789012",))),
        ("account=123456789012,staging", Filter(ACCOUNT, ("123456789012", "210987654321"))),
        ("account=000011112222", Filter(ACCOUNT, ("000011112222",))),
        ("region=us-east-1", Filter(REGION, ("us-east-1",))),
        ("region=US-EAST-1", Filter(REGION, ("us-east-1",))),
        ("region=global", Filter(REGION, ("global",))),
        ("region=none", Filter(REGION, ("global",))),
        ("usage-type=(none)", Filter(DimensionRef(Dimension.USAGE_TYPE), ("(none)",))),
        ("usage-type=untagged", Filter(DimensionRef(Dimension.USAGE_TYPE), ("(none)",))),
        ("resource=(none)", Filter(DimensionRef(Dimension.RESOURCE), ("(none)",))),
        ("operation!=none", Filter(DimensionRef(Dimension.OPERATION), ("(none)",), negate=True)),
        ("service=(none)", Filter(SERVICE, ("(none)",))),
        ("service!=Tax", Filter(SERVICE, ("Tax",), negate=True)),
        ("currency=eur", Filter(DimensionRef(Dimension.CURRENCY), ("EUR",))),
        ("usage-type=use1-boxusage:m5.large", Filter(DimensionRef(Dimension.USAGE_TYPE), ("USE1-BoxUsage:m5.large",))),
        ("usage type=USE1-BoxUsage:m5.large", Filter(DimensionRef(Dimension.USAGE_TYPE), ("USE1-BoxUsage:m5.large",))),
        ("operation=runinstances", Filter(DimensionRef(Dimension.OPERATION), ("RunInstances",))),
        (
            "resource=i-0abc,arn:aws:s3:::bucket",
            Filter(DimensionRef(Dimension.RESOURCE), ("i-0abc", "arn:aws:s3:::bucket")),
        ),
        ("charge-type=tax", Filter(DimensionRef(Dimension.CHARGE_TYPE), ("Tax",))),
        ("charge-type!=credits", Filter(DimensionRef(Dimension.CHARGE_TYPE), ("Credit",), negate=True)),
        ("charge-class=usage", Filter(DimensionRef(Dimension.CHARGE_CLASS), ("usage",))),
        ("charge-class!=usage", Filter(DimensionRef(Dimension.CHARGE_CLASS), ("usage",), negate=True)),
        ("charge-class=refunds,Tax", Filter(DimensionRef(Dimension.CHARGE_CLASS), ("adjustment", "tax"))),
        ("tag:team=web", Filter(TEAM, ("web",))),
        ("tag:team=Web,api", Filter(TEAM, ("Web", "api"))),
        ("tag:team=untagged", Filter(TEAM, (UNTAGGED,))),
        ("tag:team=Untagged", Filter(TEAM, (UNTAGGED,))),
        ("tag:team!=untagged", Filter(TEAM, (UNTAGGED,), negate=True)),
        ('tag:team="data science"', Filter(TEAM, ("data science",))),
        ("tag:team=“data science”", Filter(TEAM, ("data science",))),
        ("tag:user:team=web", Filter(TEAM, ("web",))),
        ("tag:aws:createdBy=alice", Filter(DimensionRef.tag("aws:createdBy"), ("alice",))),
        ("service = ec2", Filter(SERVICE, (EC2,))),
    ],
)
def test_filter_forms(text: str, expected: Filter) -> None:
    assert parse(text).filters == (expected,)


def test_a_comma_before_a_keyword_ends_the_value_list() -> None:
    q = parse("service=ec2, by region, last month")
    assert q.filters == (Filter(SERVICE, (EC2,)),)
    assert q.group_by == (REGION,)
    assert q.time_range == LAST_MONTH


@pytest.mark.parametrize(
    ("text", "basis"),
    [
        ("unblended", CostBasis.UNBLENDED),
        ("amortized", CostBasis.AMORTIZED),
        ("amortised", CostBasis.AMORTIZED),
        ("net", CostBasis.NET),
        ("basis=amortized", CostBasis.AMORTIZED),
        ("basis=NET", CostBasis.NET),
        ("amortized basis=amortized", CostBasis.AMORTIZED),
    ],
)
def test_cost_basis_forms(text: str, basis: CostBasis) -> None:
    assert parse(text).basis is basis


@pytest.mark.parametrize(
    ("text", "granularity"),
    [
        ("daily", Granularity.DAY),
        ("weekly", Granularity.WEEK),
        ("monthly", Granularity.MONTH),
        ("hourly", Granularity.HOUR),
        ("per day", Granularity.DAY),
        ("by day", Granularity.DAY),
        ("by week", Granularity.WEEK),
        ("granularity=monthly", Granularity.MONTH),
    ],
)
def test_granularity_forms(text: str, granularity: Granularity) -> None:
    assert parse(text).granularity is granularity


def test_by_day_and_a_dimension_in_one_list() -> None:
    q = parse("by service, day")
    assert (q.group_by, q.granularity) == ((SERVICE,), Granularity.DAY)


@pytest.mark.parametrize(("text", "top"), [("top 5", 5), ("top5", 5), ("TOP 20", 20), ("top=3", 3), ("top 1000", 1000)])
def test_top_forms(text: str, top: int) -> None:
    assert parse(text).top == top


def test_filler_words_are_ignored() -> None:
    assert parse("cost for last month by service in us-east-1".replace("in us-east-1", "")) == parse(
        "last month by service"
    )


def test_allow_group_by_false_leaves_dimensions_out_and_says_so_but_keeps_time_steps() -> None:
    assert parse("by day", allow_group_by=False).granularity is Granularity.DAY
    query = parse("last month by service", allow_group_by=False)
    assert query == parse("last month")
    assert query.readings == (
        "Left out `by service`: this lists resources one by one (`/cost ... by resource, service` groups them).",
    )


def test_an_empty_vocabulary_passes_values_through() -> None:
    q = parse_query("service=whatever account=111 tag:team=web by tag:env", today=TODAY, vocabulary=Vocabulary())
    assert q.filters == (
        Filter(SERVICE, ("whatever",)),
        Filter(ACCOUNT, ("111",)),
        Filter(TEAM, ("web",)),
    )
    assert q.group_by == (DimensionRef.tag("user:env"),)


def test_cost_explorer_names_split_ec2_in_two() -> None:
    vocab = Vocabulary(services={"Amazon Elastic Compute Cloud - Compute": "", "EC2 - Other": "", "Tax": ""})
    q = parse_query("service=ec2", today=TODAY, vocabulary=vocab)
    assert q.filters == (Filter(SERVICE, ("Amazon Elastic Compute Cloud - Compute", "EC2 - Other")),)


# ----------------------------------------------------------------------------------------- rejections

USAGE_ERRORS: list[tuple[str, str, str]] = [
    # text, message, a phrase the hint must contain
    ("lastmont", "I don't understand `lastmont`.", "`last month`"),
    ("frobnicate", "I don't understand `frobnicate`.", "Without `frobnicate`, the question reads `this month`"),
    ("tag=web", "A tag filter names its key.", "`tag:team=web`"),
    ("by", "`by` at the end needs a dimension after it.", "`by service, region`"),
    (
        "by service by region by account by tag:team",
        "At most 3 group-by dimensions: got `by service, region, account, tag:team`.",
        "Drop one",
    ),
    ("by tag:team=web", "`by tag:team=...` mixes grouping and filtering.", "Filter with `tag:team=value`"),
    ("by service, service", "`by service` is given twice.", "once"),
    ("service=", "`service=` needs a value after it.", "`service=ec2,s3`"),
    ('tag:team=""', '`tag:team=""`: the value is empty.', "`tag:team=web`"),
    ("service=ec2 service!=s3", "`service` is filtered twice.", "`service=a,b`"),
    (
        "last month yesterday",
        "Two time ranges: `last month` (2026-10) and `yesterday` (2026-11-26).",
        "Give one",
    ),
    ("amortized net", "Two cost bases: `amortized` and `net`.", "`unblended`"),
    ("basis=blended", "`blended` is not a cost basis.", "`basis=amortized`"),
    ("daily weekly", "Two time steps: `daily` and `weekly`.", "`monthly`"),
    ("per fortnight", "`per` needs a time step or a dimension after it.", "`per day`"),
    ("servce=ec2 servic!=s3", "`service` is filtered twice.", "`service=a,b`"),
    (
        "last month vs last 3 months",
        "`last month` (2026-10) and `last 3 months` (2026-08..2026-10) overlap: compare two separate periods.",
        "`2026-11 vs 2026-08`",
    ),
    (
        "forecast why",
        "`why` asks for why the cost changed, but the question already asks for the month-end forecast.",
        "one at a time",
    ),
    (
        "tag:team=WEB",
        "The tag `tag:team` has 2 values spelled like `WEB`: `tag:team=Web`, `tag:team=web`.",
        "case-sensitive",
    ),
    ("top 0", "`top 0`: top must be between 1 and 1000.", "`top 5`"),
    ("top 5000", "`top 5000`: top must be between 1 and 1000.", "`top 5`"),
    ("top 5 top 6", "Two `top` values: 5 and 6.", "`top 5`"),
    ("= ec2", "`=` at character 1 needs a name before it.", "`service=ec2`"),
    ('"Prod EU"', 'The quoted text "Prod EU" is not attached to a filter.', '`account="Prod EU"`'),
    ('account="Prod EU', 'The quote " at character 9 is never closed.', "Close it"),
    ("last 3", "`last 3` needs a unit: `last 3 days`, `last 3 weeks` or `last 3 months`.", "`last 7 days`"),
    ("2026-13 by service", "`2026-13` is not a month: months go from 01 to 12.", "`2026-10`"),
    ("basis!=net", "`basis` takes one value with `=`.", "`basis=...`"),
    ("by tag:", "A tag needs a key: `tag:` is empty.", "`tag:team`"),
    ("x" * 2001, "That query is 2001 characters long; the limit is 2000.", "shorter"),
]


BARE_AND_CORRECTED: list[tuple[str, str, tuple[str, ...]]] = [
    # text, the same question in full, how the grammar says it read a corrected word
    ("ec2 last week", "service=ec2 last week", ()),
    ("us-east-1", "region=us-east-1", ()),
    ("production", "account=123456789012", ()),
    ("staging account", "account=staging", ()),
    ("staging env", "tag:env=staging", ()),
    ("web team", "tag:team=web", ()),
    ("team=web", "tag:team=web", ()),
    ("ec2 s3 service=glue", "service=glue,ec2,s3", ()),
    ("amortzed", "amortized", ("Read `amortzed` as `amortized`.",)),
    ("yesterdy", "yesterday", ("Read `yesterdy` as `yesterday`.",)),
    ("servce=ec2", "service=ec2", ("Read `servce` as `service`.",)),
    ("by servce", "by service", ("Read `servce` as `service`.",)),
    ("by team", "by tag:team", ()),
]


@pytest.mark.parametrize(("text", "same_as", "readings"), BARE_AND_CORRECTED)
def test_bare_values_and_misspelt_words_are_understood(text: str, same_as: str, readings: tuple[str, ...]) -> None:
    query = parse(text)
    assert query == parse(same_as)
    assert query.readings == readings


def test_a_value_typo_is_never_guessed() -> None:
    """`ec3` is one letter from the service `ec2`: a value gets a suggestion, only grammar words are corrected."""
    with pytest.raises(UsageError) as info:
        parse("ec3 last month")
    assert info.value.message == "I don't understand `ec3`."
    assert "Did you mean `service=ec2`" in (info.value.hint or "")


def test_a_value_kept_beside_an_excluded_one_keeps_it_alone_and_says_so() -> None:
    got = parse("service!=ec2 s3")
    assert replace(got, readings=()) == parse("service=s3")
    assert got.readings == (
        "`Amazon Elastic Compute Cloud` is left out anyway: the question keeps only `Amazon Simple Storage Service`.",
    )


def test_a_value_both_excluded_and_kept_is_refused() -> None:
    with pytest.raises(UsageError) as info:
        parse("service!=s3 s3")
    assert info.value.message == "`service` is both excluded and kept: `Amazon Simple Storage Service`."


def test_except_excludes_the_values_named_after_it() -> None:
    assert parse("everything except ec2 and s3 last month") == parse("last month service!=ec2,s3")


@pytest.mark.parametrize(("text", "message", "hint"), USAGE_ERRORS)
def test_usage_errors_name_the_problem_and_show_the_right_form(text: str, message: str, hint: str) -> None:
    with pytest.raises(UsageError) as info:
        parse(text)
    assert not isinstance(info.value, NotFound)
    assert info.value.message == message
    assert info.value.hint is not None
    assert hint in info.value.hint


NOT_FOUND: list[tuple[str, str, str]] = [
    ("tag:team=frontend", "No line item has the tag `tag:team` set to `frontend`.", "`tag:team=untagged`"),
    ("tag:team=wbe", "No line item has the tag `tag:team` set to `wbe`.", "Did you mean `tag:team=web`?"),
    ("service=ec3", "I don't know the service `ec3`.", "Did you mean `ec2`?"),
    ("service=glu", "I don't know the service `glu`.", "`glue`"),
    ("account=prodution", "I don't know the account `prodution`.", "Did you mean `production`?"),
    ("account=123456789013", "I don't know the account id `123456789013`.", "`123456789012`"),
    ("region=us-east-3", "I don't know the region `us-east-3`.", "`us-east-1`"),
    ("tag:tema=web", "I don't know the tag key `tema`.", "`tag:team`"),
    ("by tag:cost-center", "I don't know the tag key `cost-center`.", "Example: `tag:team`"),
    ("operation=RunInstance", "I don't know the operation `RunInstance`.", "`RunInstances`"),
    ("charge-type=fees", "I don't know the charge type `fees`.", "`charge-type=Tax`"),
    ("charge-class=spend", "I don't know the charge class `spend`.", "`charge-class=usage`"),
]


@pytest.mark.parametrize(("text", "message", "hint"), NOT_FOUND)
def test_unknown_values_get_did_you_mean(text: str, message: str, hint: str) -> None:
    with pytest.raises(NotFound) as info:
        parse(text)
    assert info.value.message == message
    assert all(f"`{s}`" in (info.value.hint or "") for s in info.value.suggestions)
    assert info.value.hint is not None
    assert hint in info.value.hint


def test_not_found_carries_its_suggestions() -> None:
    with pytest.raises(NotFound) as info:
        parse("service=ec3")
    assert info.value.suggestions == ("ec2",)


def test_an_ambiguous_bare_tag_key_asks_for_the_full_key() -> None:
    vocab = Vocabulary(tag_keys=("aws:team", "other:team"))
    with pytest.raises(UsageError) as info:
        parse_query("by tag:team", today=TODAY, vocabulary=vocab)
    assert info.value.message == "The tag key `team` is ambiguous: `tag:aws:team`, `tag:other:team`."
    assert info.value.hint == "Write the full key, e.g. `tag:aws:team`."


def test_two_accounts_with_one_name_ask_for_the_id() -> None:
    vocab = Vocabulary(accounts={"111111111111": "dev", "222222222222": "dev"})
    with pytest.raises(UsageError) as info:
        parse_query("account=dev", today=TODAY, vocabulary=vocab)
    assert info.value.message == "Several accounts are named `dev`: 111111111111, 222222222222."


def test_a_restricted_vocabulary_never_suggests_hidden_accounts() -> None:
    scoped = VOCAB.restricted_to(["210987654321"])
    with pytest.raises(NotFound) as info:
        parse_query("account=production", today=TODAY, vocabulary=scoped)
    assert "123456789012" not in info.value.user_text()
    assert "production" not in (info.value.hint or "")


# ----------------------------------------------------------------------------------------- round trip and help


def test_format_query_reads_back() -> None:
    text = (
        "last 3 months by service, tag:team account=production,staging service!=ec2 "
        'tag:team="data science" net daily top 7'
    )
    q = parse(text)
    assert parse(format_query(q)) == q
    assert parse(format_query(q, VOCAB)) == q
    assert format_query(q, VOCAB) == (
        "last 3 months by service, tag:team account=123456789012,210987654321 "
        'service!="Amazon Elastic Compute Cloud" tag:team="data science" net daily top 7'
    )


def test_every_example_parses_against_a_matching_vocabulary() -> None:
    vocab = Vocabulary(
        services=dict(VOCAB.services),
        accounts={**VOCAB.accounts, "333333333333": "Prod EU"},
        regions=VOCAB.regions,
        tag_keys=VOCAB.tag_keys,
    )
    for example in EXAMPLES:
        parse_query(example, today=TODAY, vocabulary=vocab)
    assert "by service" in USAGE
    assert "tag:team=untagged" in USAGE


# ------------------------------------------------------------------------------------ comparisons and questions


@pytest.mark.parametrize(
    ("text", "versus"),
    [
        ("2026-10 vs 2026-08", TimeRange(date(2026, 8, 1), date(2026, 9, 1), "2026-08")),
        ("october versus august", TimeRange(date(2026, 8, 1), date(2026, 9, 1), "2026-08")),
        ("compared to august, october", TimeRange(date(2026, 8, 1), date(2026, 9, 1), "2026-08")),
        ("compare october with august", TimeRange(date(2026, 8, 1), date(2026, 9, 1), "2026-08")),
        ("this month vs same month last year", TimeRange(date(2025, 11, 1), date(2025, 12, 1), "2025-11")),
        ("last month yoy", TimeRange(date(2025, 10, 1), date(2025, 11, 1), "2025-10")),
        ("yesterday vs the same day last week", TimeRange(date(2026, 11, 19), date(2026, 11, 20), "2026-11-19")),
        ("oct vs sep", None),  # the previous period: what every answer compares with anyway
        ("last week vs the week before", None),
    ],
)
def test_versus_names_the_period_compared_with(text: str, versus: TimeRange | None) -> None:
    query = parse(text)
    assert query.versus == versus
    assert parse(format_query(query)) == query


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("forecast", "forecast this month unblended"),
        ("where will we land this month", "forecast this month unblended"),
        ("why did ec2 go up last week", 'why last week service="Amazon Elastic Compute Cloud" unblended'),
        ("2026-10 vs 2026-08 by service", "2026-10 vs 2026-08 by service unblended"),
    ],
)
def test_questions_have_a_canonical_form_that_reads_back(text: str, canonical: str) -> None:
    query = parse(text)
    assert format_query(query) == canonical
    assert parse(canonical) == query


def test_cloud_providers_are_bare_values_on_a_multi_cloud_bill() -> None:
    multi = replace(VOCAB, providers=("aws", "azure"))
    assert parse_query("azure last month", today=TODAY, vocabulary=multi) == parse_query(
        "provider=azure last month", today=TODAY, vocabulary=multi
    )
    aws_vs_azure = parse_query("aws vs azure", today=TODAY, vocabulary=multi)
    assert aws_vs_azure == parse_query("provider=aws,azure by provider", today=TODAY, vocabulary=multi)
    assert parse("aws costs last month") == parse("last month")  # one provider: `aws` says nothing


def test_a_word_of_a_stored_phrase_is_never_read_as_a_typo() -> None:
    """`data` is one edit from the grammar word `date`, but `data science` is a stored tag value: the phrase wins."""
    assert parse("data science last month").filters == (Filter(TEAM, ("data science",)),)


def test_a_typo_correction_that_leads_nowhere_names_the_word_as_typed() -> None:
    with pytest.raises(UsageError) as info:
        parse("dat last month")  # `dat` reads as the grammar word `date`, which means nothing here
    assert str(info.value).startswith("I don't understand `dat`.")


def test_a_word_of_one_stored_name_reads_as_it_and_says_so() -> None:
    query = parse("queue last month")
    assert query.filters == (Filter(SERVICE, ("Amazon Simple Queue Service",)),)
    assert 'Read `queue` as `service="amazon simple queue service"`.' in query.readings


def test_a_word_of_several_names_asks_which() -> None:
    vocabulary = Vocabulary(services={EC2: "", "Amazon Elastic Kubernetes Service": ""})
    with pytest.raises(UsageError) as info:
        parse_query("elastic last month", today=TODAY, vocabulary=vocabulary)
    assert info.value.message == "`elastic` is part of several names."
    assert info.value.hint == (
        'Say which: `service="amazon elastic compute cloud"` or `service="amazon elastic kubernetes service"`.'
    )


def test_a_word_any_product_name_could_have_names_none() -> None:
    """`simple` is a word of S3's and SQS's long names, and `management` of KMS's: no service by itself."""
    query = parse("How is November looking compared to October so far? Just need a simple up or down")
    assert query.filters == ()
    assert "Ignored `simple`: not words of a cost question; the rest was read as asked." in query.readings
    with pytest.raises(UnknownWord) as info:  # (not KMS: the word nothing reads is named)
        parse("the costs for the management this month")
    assert info.value.word == "management"


def test_a_dimension_named_beside_a_word_of_its_name_settles_it() -> None:
    """`staging` alone is the tag value env=staging; in `staging account` it is the word of the account's name."""
    vocabulary = Vocabulary(
        accounts={"111122223333": "acme-staging", "444455556666": "acme-prod"},
        tag_keys=("user:env",),
        tag_values={"user:env": ("staging", "prod")},
    )
    alone = parse_query("staging last month", today=TODAY, vocabulary=vocabulary)
    assert alone.filters == (Filter(DimensionRef.tag("user:env"), ("staging",)),)
    beside = parse_query("the staging account last month", today=TODAY, vocabulary=vocabulary)
    assert beside.filters == (Filter(ACCOUNT, ("111122223333",)),) and beside.group_by == ()


def test_the_word_tag_before_a_key_value_is_a_filler() -> None:
    assert parse("cost for tag env=prod last month").filters == (Filter(DimensionRef.tag("user:env"), ("prod",)),)
    assert parse("tagged team=web").filters == parse("team=web").filters
