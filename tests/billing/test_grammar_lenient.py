"""A reader tolerant by default: one unknown word no longer refuses a question that reads without it.

Each rule is asserted for the class of phrasing it stands for, with the exact question read and the exact note a
person reads under the answer: a typo that is one stored value or grammar word only is read as it and said
(`grammar_typos.unique_correction`), a typo of several keeps its "did you mean"; compact durations, `a/b` lists,
an aside's brackets and Slack formatting are read as people mean them; a word that cannot change the answer is left
out and said, unless the words left out outnumber the words read.
"""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from bot.billing.grammar import parse_query
from bot.billing.model import CostBasis
from bot.errors import UserFacingError
from commands import tags, top_resources
from tests.billing.phrasings import TODAY, VOCAB
from tests.billing.phrasings import cost_query as parse

IGNORED = "not words of a cost question; the rest was read as asked."


def refusal(text: str) -> tuple[str, str | None]:
    with pytest.raises(UserFacingError) as info:
        parse(text)
    return info.value.message, info.value.hint


@pytest.mark.parametrize(
    ("text", "same_as", "note"),
    [
        # one stored value is closest, every other farther: a service word, a region with its digits, an account
        ("cloudfornt last week", "last week service=cloudfront", "Read `cloudfornt` as `cloudfront`."),
        ("lamdba cost yday", "yesterday service=lambda", "Read `lamdba` as `lambda`."),
        ("ec2 us-eats-1 last month", "last month service=ec2 region=us-east-1", "Read `us-eats-1` as `us-east-1`."),
        # both stored names spelled `staging`: the correction is the spelling, the dimension beside it settles it
        ("stagging account by service", "account=staging by service", "Read `stagging` as `staging`."),
        # a tag key's name
        ("ec2 tema breakdown", "service=ec2 by tag:team", "Read `tema` as `team`."),
        # longer words may take two edits
        ("dynamdbo last month", "last month service=dynamodb", "Read `dynamdbo` as `dynamodb`."),
    ],
)
def test_a_typo_of_one_value_only_is_read_as_it_and_said(text: str, same_as: str, note: str) -> None:
    query = parse(text)
    assert query == parse(same_as)
    assert note in query.readings


@pytest.mark.parametrize(
    ("text", "message", "hint"),
    [
        # a stored value and a grammar word one edit away each: which one is the person's to say
        (
            "dato last month by service",
            "I don't understand `dato`.",
            "Did you mean `tag:team=data` or `tag:project=data` or `service=dt` or `date`? Without `dato`, the "
            "question reads `last month by service`: ask that, or say what `dato` is.",
        ),
        # the one close region has another digit: digits are never typos
        (
            "ec2 us-west-1 last month",
            "I don't understand `us-west-1`.",
            "Did you mean `region=us-west-2` or `region=us-east-1` or `region=eu-west-1`? Without `us-west-1`, the "
            'question reads `last month service="Amazon Elastic Compute Cloud"`: ask that, or say what `us-west-1` is.',
        ),
        # two edits away with another first letter: more likely another word than a typo
        (
            "rds in krodction last week",
            "I don't understand `krodction`.",
            "Did you mean `account=production`? Without `krodction`, the question reads `last week "
            'service="Amazon Relational Database Service"`: ask that, or say what `krodction` is.',
        ),
        # three letters are too few to tell a typo from another word
        (
            "kmz last month by service",
            "I don't understand `kmz`.",
            "Did you mean `service=kms`? Without `kmz`, the question reads `last month by service`: ask that, or say "
            "what `kmz` is.",
        ),
        # a filter's own value is never corrected: the person chose it
        ("service=lamda", "I don't know the service `lamda`.", None),
    ],
)
def test_a_typo_that_is_not_one_value_only_keeps_its_did_you_mean(text: str, message: str, hint: str | None) -> None:
    got = refusal(text)
    assert got[0] == message
    if hint is not None:
        assert got[1] == hint


@pytest.mark.parametrize(
    ("text", "same_as"),
    [
        # compact durations: the last N whole days, weeks, months or years before the current one
        ("ec2 7d", "last 7 days service=ec2"),
        ("s3 30d by region", "last 30 days service=s3 by region"),
        ("lambda 2w daily", "last 2 weeks service=lambda daily"),
        ("rds 3mo monthly", "last 3 months service=rds monthly"),
        ("ec2 last 2wks", "last 2 weeks service=ec2"),
        ("s3 for data-lake acct, rolling 30 days", "last 30 days service=s3 account=data-lake"),
        ("billing for data-lake account, last full month", "last month account=data-lake"),
        # `a/b` and `a+b`: a list of values
        ("ec2/rds last month", "last month service=ec2,rds"),
        ("ec2/rds/s3 by service", "service=ec2,rds,s3 by service"),
        ("kms+sqs last week", "last week service=kms,sqs"),
        # an aside's brackets, Slack formatting and emoji codes dress the question
        ("ec2 (monthly) this year", "this year service=ec2 monthly"),
        ("ec2 cost (the big ones), last week.", "last week service=ec2"),
        ("*ec2* _last week_ `daily` :fire:", "last week service=ec2 daily"),
        ("usage-type=(none) last month", "last month usage-type=(none)"),
        # `not sure` hedges the asking: nothing is excluded
        ("not sure, but what did s3 cost last month", "last month service=s3"),
    ],
)
def test_the_shapes_people_type_read_as_the_question(text: str, same_as: str) -> None:
    query = parse(text)
    assert query == parse(same_as)
    assert query.readings == ()


def test_hours_typed_short_are_refused_naming_them() -> None:
    assert refusal("ec2 12h") == (
        "`12h`: time ranges are whole days, not hours. Ask `today` or `yesterday` (with `hourly` for hour by hour), "
        "or `last 2 days`.",
        "Time ranges look like `today`, `yesterday`, `last 7 days`, `this month`, `last month`, `last 3 months`, "
        "`2026-10`, `2026-10-01..2026-10-15`.",
    )


def test_gross_is_the_unblended_cost_and_says_what_it_holds() -> None:
    query = parse("gross spend last month by service")
    assert query == parse("last month by service unblended")
    assert query.basis is CostBasis.UNBLENDED
    assert query.readings == (
        "Read `gross` as the unblended cost (before discounts); credits are lines of their own: "
        "`charge-class!=credit` leaves them out.",
    )
    assert parse_query("gross ec2", today=TODAY, vocabulary=VOCAB, default_basis=CostBasis.AMORTIZED).basis is (
        CostBasis.UNBLENDED
    )


def test_words_that_cannot_change_the_answer_are_left_out_and_named_in_one_line() -> None:
    query = parse("how did ec2 costs evolve over the last 3 months, sure, honestly")
    assert query == parse("last 3 months service=ec2")
    assert query.readings == (f"Ignored `sure`, `honestly`: {IGNORED}",)  # `evolve`: how a cost fared, read


def test_more_words_left_out_than_read_refuses_naming_the_first() -> None:
    assert refusal("zorblax sure quindle ec2") == (
        "I don't understand `zorblax`.",
        'Without `zorblax`, `sure`, the question reads `this month service="Amazon Elastic Compute Cloud"`: ask that, '
        "or say what `zorblax` is, e.g. `tag:env=<value>` or `account=<value>`.",
    )
    # as many left out as read: the rest stands
    assert parse("glue pipelines by region").readings == (f"Ignored `pipelines`: {IGNORED}",)


def test_top_resources_and_tags_read_typos_the_same_way() -> None:
    top = top_resources.parse("top 5 cloudfornt distros 7d", today=TODAY, vocabulary=VOCAB)
    assert top == top_resources.parse("5 last 7 days service=cloudfront", today=TODAY, vocabulary=VOCAB)
    assert top.readings == ("Read `cloudfornt` as `cloudfront`.",)
    platform = tags.parse("Plattform team tag coverage on ec2", today=TODAY, vocabulary=VOCAB)
    assert platform == tags.parse("team service=ec2", today=TODAY, vocabulary=VOCAB)
    assert platform.readings[0] == "Read `Plattform` as `Platform`."


def test_a_typo_is_never_read_as_one_of_thousands_of_ids() -> None:
    """A tag key with more values than people name (job ids) offers no corrections: `jobaax`, one letter from the
    id `jobaa` only, stays unknown, while a team name of a small key is still read."""
    ids = tuple(f"job{chr(97 + n % 26)}{chr(97 + n // 26)}" for n in range(101))
    vocabulary = dataclasses.replace(VOCAB, tag_values={**VOCAB.tag_values, "user:job": ids})
    assert parse_query("jobaa last month by service", today=TODAY, vocabulary=vocabulary).filters
    with pytest.raises(UserFacingError) as info:
        parse_query("jobaax last month by service", today=TODAY, vocabulary=vocabulary)
    assert info.value.message == "I don't understand `jobaax`."
    small = dataclasses.replace(vocabulary, tag_values={**VOCAB.tag_values, "user:job": ids[:100]})
    read = parse_query("jobaax last month by service", today=TODAY, vocabulary=small)
    assert read.readings[0] == "Read `jobaax` as `jobaa`."
    assert parse_query("platfrom by service", today=TODAY, vocabulary=vocabulary).readings == (
        "Read `platfrom` as `Platform`.",
    )


def test_a_typo_of_a_word_with_its_own_message_gets_that_message() -> None:
    assert refusal("are we over budgte for q4")[0] == (
        "`budget`: budgets are kept with `/trackit budget`, not asked in a cost question."
    )
    invoice = parse("send me the octobr invoce by account")  # what the bill does not hold: answered as near, said
    assert invoice == parse("2026-10 by account")
    assert [r[:40] for r in invoice.readings] == [
        "Read `octobr` as `october`.",
        "Read `invoce` as `invoice`.",
        "`invoice`: I answer from the billing dat",
        "Ignored `send`: not words of a cost ques",
    ]
    # three letters are never read as such a word: `own` is no typo of `owns`
    assert parse("by team tag, include untagged as its own line") == parse("by tag:team")


@pytest.mark.parametrize(
    ("text", "same_as", "note"),
    [
        # credits are negative lines counted in every total: "net of" / "after" them asks for the total as it is
        (
            "total for October net of credits",
            "2026-10",
            "`net of credits`: credits are counted in every total (negative lines); `charge-class!=credit` leaves "
            "them out.",
        ),
        (
            "ec2 after credits last month",
            "last month service=ec2",
            "`after credits`: credits are counted in every total (negative lines); `charge-class!=credit` leaves "
            "them out.",
        ),
        # "before" / "without" them leaves them out
        (
            "october before credits by account",
            "2026-10 charge-class!=credit by account",
            "Read `before credits` as leaving the credits out: `charge-class!=credit`.",
        ),
        (
            "last month without credits",
            "last month charge-class!=credit",
            "Read `without credits` as leaving the credits out: `charge-class!=credit`.",
        ),
    ],
)
def test_how_credits_count_said_in_words_is_read_as_the_total_net_or_gross_of_them(
    text: str, same_as: str, note: str
) -> None:
    got = parse_query(text, today=TODAY, vocabulary=VOCAB)
    want = parse_query(same_as, today=TODAY, vocabulary=VOCAB)
    assert dataclasses.replace(got, readings=()) == dataclasses.replace(want, readings=())
    assert note in got.readings


@pytest.mark.parametrize(
    ("text", "same_as"),
    [
        ("rds wow", "this week service=rds"),
        ("ec2 w/w", "this week service=ec2"),
        ("ec2 mom", "this month service=ec2"),
        ("s3 qoq by account", "this quarter service=s3 by account"),
        ("lambda dod", "yesterday service=lambda"),
        ("ec2 wow last month", "last month service=ec2 weekly"),  # a period said: week by week, as `week over week`
    ],
)
def test_an_x_over_x_word_names_its_period_when_the_question_names_none(text: str, same_as: str) -> None:
    got = parse_query(text, today=TODAY, vocabulary=VOCAB)
    want = parse_query(same_as, today=TODAY, vocabulary=VOCAB)
    assert (got.time_range.start, got.time_range.end) == (want.time_range.start, want.time_range.end)
    assert dataclasses.replace(got, time_range=want.time_range) == want
    assert got.compare


@pytest.mark.parametrize(
    ("text", "same_as", "note"),
    [
        # Saturday and Sunday of an ISO week; today is Friday 2026-11-27
        ("dev env cost last weekend by service", "2026-11-21..2026-11-22 tag:env=dev by service", None),
        ("what did we spend over the weekend", "2026-11-21..2026-11-22", None),
        ("ec2 7d by rgn", "last 7 days service=ec2 by region", None),
        ("last month w/o credits by svcs", "last month charge-class!=credit by service", None),
        # keeping a service already leaves the tax out (tax lines are the service `Tax`): said, not refused
        (
            "ec2 w/o tax last month",
            "last month service=ec2",
            "`Tax` is left out anyway: the question keeps only `Amazon Elastic Compute Cloud`.",
        ),
    ],
)
def test_weekends_short_words_and_an_exclusion_the_filter_implies(text: str, same_as: str, note: str | None) -> None:
    got = parse_query(text, today=TODAY, vocabulary=VOCAB)
    want = parse_query(same_as, today=TODAY, vocabulary=VOCAB)
    assert (got.time_range.start, got.time_range.end) == (want.time_range.start, want.time_range.end)
    assert dataclasses.replace(got, time_range=want.time_range, readings=()) == dataclasses.replace(want, readings=())
    assert note is None or note in got.readings


def test_this_weekend_before_saturday_is_the_one_just_past_and_a_value_both_kept_and_excluded_is_refused() -> None:
    # on a Friday the coming weekend has no costs: a cost question asks about the one just past, its days shown
    weekend = parse_query("ec2 this weekend", today=TODAY, vocabulary=VOCAB).time_range
    assert (weekend.start, weekend.end, weekend.label) == (
        date(2026, 11, 21),
        date(2026, 11, 23),
        "2026-11-21..2026-11-22",
    )
    assert refusal("ec2 excluding ec2")[0] == "`service` is both excluded and kept: `Amazon Elastic Compute Cloud`."


def test_an_english_word_is_never_offered_a_grammar_word_it_looks_like() -> None:
    """`match` is a word, not a misspelt `march`: the refusal offers no month for it."""
    message = refusal("frontend match last month")
    assert message[0] == "I don't understand `frontend`."
    assert "`march`" not in f"{message[0]} {message[1]}"
    message = refusal("match last month")
    assert message[0] == "I don't understand `match`."
    assert "`march`" not in str(message[1])
