"""`/tags` in plain words and in its strict form: the tag key, period and filters a question asks for, and the
`/cost` question for what `/tags` does not answer."""

from __future__ import annotations

from datetime import date

import pytest

from bot.billing.grammar_tags import NotATagsQuestion, filters_text, read_tag_question
from bot.errors import NotFound, UnknownWord, UsageError, UserFacingError
from commands import tags, top_resources
from tests.billing.phrasings import TODAY, VOCAB


def read(text: str) -> tuple[str | None, date, date]:
    key, time_range = read_tag_question(text, today=TODAY, vocabulary=VOCAB)
    return key, time_range.start, time_range.end


@pytest.mark.parametrize(
    ("text", "key", "start", "end"),
    [
        (
            "What percentage of October's spend is allocated to a team via the team tag?",
            "user:team",
            "2026-10-01",
            "2026-11-01",
        ),
        (
            "How does spend break down across teams in the first half of the year?",
            "user:team",
            "2026-01-01",
            "2026-07-01",
        ),
        ("how much of our spending doesn't have labels on it?", None, "2026-11-01", "2026-12-01"),
        ("which label covers the most money last month", None, "2026-10-01", "2026-11-01"),
        ("who created the resources that cost the most in september", "aws:createdBy", "2026-09-01", "2026-10-01"),
    ],
)
def test_a_question_in_plain_words_names_its_key_and_period(text: str, key: str | None, start: str, end: str) -> None:
    assert read(text) == (key, date.fromisoformat(start), date.fromisoformat(end))
    assert tags.parse(text, today=TODAY, vocabulary=VOCAB).key == key  # the command reads it the same way


def parse(text: str) -> tags.TagQuery:
    return tags.parse(text, today=TODAY, vocabulary=VOCAB)


def described(text: str) -> tuple[str | None, str, str]:
    """The key, the days (`start..end`, end excluded) and the filters as the answer names them."""
    q = parse(text)
    return q.key, f"{q.time_range.start}..{q.time_range.end}", filters_text(q.filters, VOCAB)


GLUE_SYDNEY = 'service="AWS Glue" region=ap-southeast-2'


@pytest.mark.parametrize(
    ("text", "key", "days", "filters"),
    [
        # the strict form, `[key] [filters] [range]` in any order
        (
            "team service=ec2 last month",
            "user:team",
            "2026-10-01..2026-11-01",
            'service="Amazon Elastic Compute Cloud"',
        ),
        (
            "service=ec2 team last month",
            "user:team",
            "2026-10-01..2026-11-01",
            'service="Amazon Elastic Compute Cloud"',
        ),
        ("last month team service=glue region=ap-southeast-2", "user:team", "2026-10-01..2026-11-01", GLUE_SYDNEY),
        ("project region=eu-west-1", "user:project", "2026-11-01..2026-12-01", "region=eu-west-1"),
        ("team service!=tax 2026-10", "user:team", "2026-10-01..2026-11-01", "service!=Tax"),
        ("project tag:env!=dev", "user:project", "2026-11-01..2026-12-01", "tag:env!=dev"),
        ("project team=untagged", "user:project", "2026-11-01..2026-12-01", "tag:team=untagged"),
        ("account=staging last month", None, "2026-10-01..2026-11-01", "account=staging"),
        # plain words
        ("how much of Glue is tagged by team in ap-southeast-2", "user:team", "2026-11-01..2026-12-01", GLUE_SYDNEY),
        ("env tag split for the staging account", "user:env", "2026-11-01..2026-12-01", "account=staging"),
        ("env tag coverage in prod acct last month", "user:env", "2026-10-01..2026-11-01", "account=production"),
        (
            "For team Platform what is the cost per project, last quarter",
            "user:project",
            "2026-07-01..2026-10-01",
            "tag:team=Platform",
        ),
        # the value names the key to list, Platform among its values: the rest is the filter
        (
            "Platform team tag coverage on ec2",
            "user:team",
            "2026-11-01..2026-12-01",
            'service="Amazon Elastic Compute Cloud"',
        ),
    ],
)
def test_filters_in_the_strict_form_and_in_plain_words(text: str, key: str | None, days: str, filters: str) -> None:
    assert described(text) == (key, days, filters)


def test_a_value_of_the_listed_key_is_read_as_one_of_the_values_listed_and_said() -> None:
    """`/tags team team=web` lists every team (web among them, said): a filter on the listed key would leave one
    value at 100% coverage, and the plain-words path reads `Platform team` the same way."""
    web = parse("team team=web last month")
    assert web == parse("team last month") and not web.filters
    assert web.readings == ("Listed every value of `tag:team`, `web` among them.",)
    platform = parse("Plattform team tag coverage on ec2")
    assert platform == parse("team service=ec2")
    assert platform.readings == (
        "Read `Plattform` as `Platform`.",
        "Listed every value of `tag:team`, `Platform` among them.",
    )


@pytest.mark.parametrize(
    ("text", "message", "hint"),
    [
        (
            "team team!=web last month",
            "`team!=web`: `/tags` lists every value of `tag:team`, and cannot leave some out.",
            "Ask `/cost last month by tag:team tag:team!=web unblended` for the others.",
        ),
        (
            "Platform in dev",
            "`dev`: `/tags` lists the values of one tag key, `tag:team` or `tag:env`.",
            "Name the key to list, e.g. `/tags team tag:env=dev`.",
        ),
        (
            "costs by team and project last month",
            "`tag:team` and `tag:project`: `/tags` lists one tag key at a time.",
            "Ask `/cost last month by tag:team, tag:project unblended` for both.",
        ),
        (
            "team by project service=ec2",
            "`tag:team` and `tag:project`: `/tags` lists one tag key at a time.",
            "Ask `/cost this month by tag:team, tag:project "
            'service="Amazon Elastic Compute Cloud" unblended` for both.',
        ),
        (
            "spend by service last month please",
            "`by service`: `/tags` lists tag keys, or one key's values.",
            "Ask `/cost last month by service unblended` for it.",
        ),
    ],
)
def test_what_tags_does_not_answer_is_named_with_the_cost_question(text: str, message: str, hint: str) -> None:
    with pytest.raises(NotATagsQuestion) as info:
        parse(text)
    assert (info.value.message, info.value.hint) == (message, hint)
    if info.value.command == "/cost":  # what the refusal's Ask that button asks
        assert hint.startswith(f"Ask `/cost {info.value.text}` for")
    else:
        assert (info.value.command, info.value.text) == ("/tags", "team tag:env=dev")


def test_questions_beyond_costs_are_still_refused_with_filters() -> None:
    with pytest.raises(UsageError) as info:
        parse("team service=ec2 last month vs september")
    assert info.value.message == "`vs` asks for a comparison of two periods, which `/tags` does not answer."
    with pytest.raises(UsageError) as info:
        parse("why team region=eu-west-1")
    assert info.value.message == "`why` asks for why the cost changed, which `/tags` does not answer."


def test_a_change_that_happened_is_answered_with_the_list_and_a_ranking_by_change_is_refused() -> None:
    # `the spike`: the costs behind it are what /tags lists; the note says where the spike itself is answered
    found = parse("which team is the spike on? team tag for yesterday")
    assert (found.key, found.time_range.label) == ("user:team", "yesterday")
    assert found.readings == (
        "`spike`: `/tags` lists costs, not unusual days; `/cost which team is the spike on? team tag for yesterday` "
        "answers that.",
    )
    listed = top_resources.parse("ok so which instances are behind that ec2 jump", today=TODAY, vocabulary=VOCAB)
    assert [f.values for f in listed.filters] == [("Amazon Elastic Compute Cloud",)]
    assert listed.readings[-1].startswith("`jump`: `/top-resources` lists costs, not the biggest increases; ")
    # what drives the bill is what the list shows
    driving = top_resources.parse("what's driving the bill this month", today=TODAY, vocabulary=VOCAB)
    assert (driving.n, driving.time_range.label, driving.readings) == (10, "this month", ())
    # what eats the money, what makes up the bill: the list
    eating = top_resources.parse("whats eating all the money", today=TODAY, vocabulary=VOCAB)
    assert (eating.n, eating.time_range.label, eating.readings) == (10, "this month", ())
    made = top_resources.parse(
        "which resources make up most of the staging bill for october", today=TODAY, vocabulary=VOCAB
    )
    assert [f.values for f in made.filters] == [("210987654321",)]
    # FOCUS's billed cost after `by` is the cost to rank by
    billed = top_resources.parse("top 10 ResourceIds by BilledCost in prod, last 7d", today=TODAY, vocabulary=VOCAB)
    assert (billed.n, billed.time_range.label, billed.basis.value) == (10, "last 7 days", "unblended")
    # `$$ wise`: by cost, as every list is; a plural's possessive is no quote
    dollars = top_resources.parse("biggest s3 buckets $$ wise in prod, last 30d", today=TODAY, vocabulary=VOCAB)
    assert dollars.time_range.label == "last 30 days"
    teams = parse("for project=data in october, which teams' spend is it?")
    assert (teams.key, teams.time_range.label) == ("user:team", "2026-10")
    # which grew the most is a ranking by change, which the list is not
    with pytest.raises(UsageError) as info:
        top_resources.parse("which rds instances grew the most since august?", today=TODAY, vocabulary=VOCAB)
    assert info.value.message == "`grew` asks for the biggest increases, which `/top-resources` does not answer."
    # words that only look like question words: `I mean`, `savings plans`, `fall into`
    assert parse("project split last month, which bucket our customers fall into").key == "user:project"
    mean = top_resources.parse(
        "top resources in RDS (the db instances i mean) for october", today=TODAY, vocabulary=VOCAB
    )
    assert mean.time_range.label == "2026-10"


@pytest.mark.parametrize(
    ("text", "message", "hint"),
    [
        (
            "project team=Plattform last month",
            "No line item has the tag `tag:team` set to `Plattform`.",
            "Did you mean `tag:team=Platform`? Example: `tag:team=Platform`, `tag:team=untagged`.",
        ),
        (
            "team service=glu",
            "I don't know the service `glu`.",
            'Did you mean `glue` or `AWS Glue`? Example: `service=ec2`, `service="Amazon Simple Storage Service"`.',
        ),
        (
            "env account=stagng last month",
            "I don't know the account `stagng`.",
            "Did you mean `staging`? Example: `account=123456789012`, `account=production`.",
        ),
        (
            "service=ec3 team",
            "I don't know the service `ec3`.",
            'Did you mean `ec2`? Example: `service=ec2`, `service="Amazon Simple Storage Service"`.',
        ),
    ],
)
def test_a_misspelt_filter_value_gets_the_usual_did_you_mean(text: str, message: str, hint: str) -> None:
    with pytest.raises(NotFound) as info:
        parse(text)
    assert (info.value.message, info.value.hint) == (message, hint)


def test_the_strict_form_keeps_its_own_messages() -> None:
    with pytest.raises(UserFacingError) as info:
        tags.parse("tem last month", today=TODAY, vocabulary=VOCAB)
    assert info.value.message == "I don't know the tag key `tem`."
    lst = tags.parse("team lst month", today=TODAY, vocabulary=VOCAB)  # not a range: read in plain words
    assert (lst.key, lst.time_range.start, lst.readings) == ("user:team", date(2026, 10, 1), ("Read `lst` as `last`.",))
    with pytest.raises(UserFacingError) as info:
        tags.parse("team Frobnicate last month", today=TODAY, vocabulary=VOCAB)  # a name: never left out
    assert info.value.message == "I don't understand `Frobnicate`."
    assert isinstance(info.value, UnknownWord) and info.value.nearest == "team last month"  # offered with its key
    assert "the question reads `team last month`" in str(info.value.hint)


def test_a_value_of_the_listed_key_left_out_in_words_is_listed_among_the_others() -> None:
    found = parse("ytd by env tag, how much of it is non-prod really")
    assert (found.key, found.filters) == ("user:env", ())
    assert found.readings == (
        "Listed every value of `tag:env`, `prod` among them: `/cost this year by tag:env tag:env!=prod "
        "unblended` totals the others.",
    )
    # a comma after `key=value` and a sentence going on ends the values
    dev = parse("all my stuff is env=dev, can you split dev spend by project for last month")
    assert (dev.key, [f.values for f in dev.filters]) == ("user:project", [("dev",)])
