"""`/tags` in plain words: the tag key and period a question asks for, and the `/cost` question for the rest."""

from __future__ import annotations

from datetime import date

import pytest

from bot.billing.grammar_tags import read_tag_question
from bot.errors import UsageError, UserFacingError
from commands import tags
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


@pytest.mark.parametrize(
    ("text", "message", "hint"),
    [
        (
            "For team Platform what is the cost per project, last quarter",
            "`Platform`: `/tags` lists the values of one tag key over all the spend, without filters.",
            "Ask `/cost last quarter by tag:project tag:team=Platform unblended` for it.",
        ),
        (
            "costs by team and project last month",
            "`tag:team` and `tag:project`: `/tags` lists one tag key at a time.",
            "Ask `/cost last month by tag:team, tag:project unblended` for both.",
        ),
        (
            "spend by service last month please",
            "`by service`: `/tags` lists tag keys, or one key's values.",
            "Ask `/cost last month by service unblended` for it.",
        ),
    ],
)
def test_what_tags_does_not_answer_is_named_with_the_cost_question(text: str, message: str, hint: str) -> None:
    with pytest.raises(UsageError) as info:
        read_tag_question(text, today=TODAY, vocabulary=VOCAB)
    assert (info.value.message, info.value.hint) == (message, hint)


def test_the_strict_form_keeps_its_own_messages() -> None:
    with pytest.raises(UserFacingError) as info:
        tags.parse("tem last month", today=TODAY, vocabulary=VOCAB)
    assert info.value.message == "I don't know the tag key `tem`."
    lst = tags.parse("team lst month", today=TODAY, vocabulary=VOCAB)  # not a range: read in plain words
    assert (lst.key, lst.time_range.start, lst.readings) == ("user:team", date(2026, 10, 1), ("Read `lst` as `last`.",))
    with pytest.raises(UserFacingError) as info:
        tags.parse("team Frobnicate last month", today=TODAY, vocabulary=VOCAB)  # a name: never left out
    assert info.value.message == "`Frobnicate` is not a time range."
