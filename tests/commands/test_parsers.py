"""The command parsers and renderers as pure functions: no input crashes a parser, every rejection says what was
wrong, and renderers stay inside Slack's limits whatever the size of the answer."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.billing.model import (
    CostBasis,
    CostQuery,
    CostResult,
    Dimension,
    DimensionRef,
    Freshness,
    GroupCost,
    PeriodStatus,
    TimeRange,
)
from bot.billing.query import ResourceCost
from bot.billing.vocabulary import Vocabulary
from bot.errors import UserFacingError
from bot.slack.blocks import MAX_BLOCKS, MAX_SECTION_TEXT
from bot.slack.export import AnswerRef
from commands import cost, tags, top_resources, trackit

TODAY = date(2026, 11, 27)
VOCAB = Vocabulary(
    services={"Amazon Elastic Compute Cloud": "AmazonEC2", "Amazon Simple Storage Service": "AmazonS3"},
    accounts={"111111111111": "prod", "222222222222": "staging"},
    regions=("us-east-1", "eu-west-1"),
    tag_keys=("user:team", "aws:createdBy"),
)
WORDS = st.sampled_from(
    [
        "last",
        "month",
        "by",
        "service",
        "account",
        "=",
        "tag:team",
        "top",
        "5",
        "2026-10",
        "..",
        "mtd",
        "ec2",
        "prod",
        "access",
        "grant",
        "<@U123|x>",
        "*",
        "team=web",
        "help",
        "status",
        '"',
        "!=",
        ",",
        "0",
        "-1",
        "üñí",
    ]
)
TEXTS = st.one_of(st.text(max_size=60), st.lists(WORDS, max_size=8).map(" ".join))


def _check(parse: object, text: str) -> None:
    try:
        parse(text)  # type: ignore[operator]
    except UserFacingError as exc:
        assert exc.message.strip(), f"empty message for {text!r}"


@settings(max_examples=150, deadline=None)
@given(TEXTS)
def test_no_input_crashes_a_parser(text: str) -> None:
    _check(trackit.parse, text)
    _check(lambda t: cost.parse(t, today=TODAY, vocabulary=VOCAB), text)
    _check(lambda t: tags.parse(t, today=TODAY, vocabulary=VOCAB), text)
    _check(lambda t: top_resources.parse(t, today=TODAY, vocabulary=VOCAB), text)


def test_tags_parse_forms() -> None:
    assert tags.parse("", today=TODAY, vocabulary=VOCAB) == tags.TagQuery(
        None, TimeRange(date(2026, 11, 1), date(2026, 12, 1), "this month")
    )
    q = tags.parse("team last month", today=TODAY, vocabulary=VOCAB)
    assert (q.key, q.time_range.start, q.time_range.end) == ("user:team", date(2026, 10, 1), date(2026, 11, 1))
    assert tags.parse("last month", today=TODAY, vocabulary=VOCAB).key is None


def test_top_resources_parse_forms() -> None:
    q = top_resources.parse("20 last 7 days service=ec2", today=TODAY, vocabulary=VOCAB)
    assert q.n == 20 and q.time_range.days == 7
    assert q.filters[0].values == ("Amazon Elastic Compute Cloud",)
    assert top_resources.parse("top 3", today=TODAY, vocabulary=VOCAB).n == 3
    assert top_resources.parse("", today=TODAY, vocabulary=VOCAB).n == 10


FRESH = Freshness(
    datetime(2026, 11, 26, 18, tzinfo=UTC),
    (
        PeriodStatus(
            date(2026, 11, 1),
            "d",
            datetime(2026, 11, 26, tzinfo=UTC),
            datetime(2026, 11, 26, tzinfo=UTC),
            "cur2",
            "s3://b/p",
            10,
            False,
            datetime(2026, 11, 26, 18, tzinfo=UTC),
        ),
    ),
)


@pytest.mark.parametrize("groups", [0, 3, 400])
def test_cost_render_stays_in_limits_and_names_basis_period_and_freshness(groups: int) -> None:
    tr = TimeRange(date(2026, 11, 1), date(2026, 12, 1), "this month")
    query = CostQuery(tr, group_by=(DimensionRef(Dimension.RESOURCE),), basis=CostBasis.AMORTIZED, top=groups or 10)
    rows = tuple(GroupCost((f"arn:aws:ec2:us-east-1:1:instance/i-{i:040d}",), 1000.0 - i, 900.0) for i in range(groups))
    result = CostResult(
        query, sum(g.cost for g in rows), tr.previous(), 900.0 * groups, rows, None, 0, (), "USD", FRESH
    )
    msg = cost.render(result, VOCAB, ref=AnswerRef("/cost", "mtd by resource", TODAY))
    assert len(msg.blocks) <= MAX_BLOCKS
    for block in msg.blocks:
        if block["type"] == "section" and "text" in block:
            assert len(block["text"]["text"]) <= MAX_SECTION_TEXT
    footer = msg.blocks[-1]["elements"][0]["text"]
    assert footer == (
        "this month (2026-11-01 – 2026-11-30) · amortized cost · data up to 2026-11-26 18:00 UTC, November estimated"
    )
    assert msg.text


def test_top_resources_render_many_stays_in_limits() -> None:
    tr = TimeRange(date(2026, 10, 1), date(2026, 11, 1), "last month")
    res = [
        ResourceCost(
            f"arn:aws:s3:::bucket-{i:060d}",
            "Amazon Simple Storage Service",
            "111111111111",
            "prod",
            "us-east-1",
            10.0 * (300 - i),
            5.0,
        )
        for i in range(300)
    ]
    q = top_resources.TopQuery(300, tr, (), CostBasis.UNBLENDED)
    msg = top_resources.render(res, q, FRESH, VOCAB, ref=AnswerRef("/top-resources", "300 last month", TODAY))
    assert len(msg.blocks) <= MAX_BLOCKS
    assert all(len(b["text"]["text"]) <= MAX_SECTION_TEXT for b in msg.blocks if b["type"] == "section")
    assert any(b["type"] == "actions" for b in msg.blocks)  # the rest is one click away
    notes = [e["text"] for b in msg.blocks if b["type"] == "context" for e in b["elements"]]
    assert "Showing 25 of 300 resources; the other 275 are in the export." in notes
    assert "1. *$3,000.00* (+$2,995.00) `…" in msg.blocks[1]["text"]["text"]
