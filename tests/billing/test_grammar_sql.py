"""A question typed as SQL reads as the grammar's words, said; English that starts with `select` stays English."""

from __future__ import annotations

import pytest

from bot.billing.grammar_sql import sql_question
from bot.errors import UsageError
from tests.billing.phrasings import cost_query as parse
from tests.billing.phrasings import without_labels


@pytest.mark.parametrize(
    ("sql", "words"),
    [
        (
            "select service, sum(cost) where account = 333344445555 and month = oct group by service order by 2 desc",
            "account=333344445555 oct by service",
        ),
        (
            "basically SELECT service, region, SUM(cost) WHERE month = oct GROUP BY 1,2 — as a table",
            "oct by service, region",
        ),
        ("select sum(cost) from s3 where account = 'data-lake' and month = '2026-09'", "s3 account=data-lake 2026-09"),
        (
            "SELECT line_item_usage_type, SUM(line_item_unblended_cost) FROM cur GROUP BY 1 LIMIT 5",
            "by usage-type top 5",
        ),
        (
            "select region, sum(cost) from billing.line_items where service not in ('Tax') group by region",
            "service!=Tax by region",
        ),
    ],
)
def test_a_sql_statement_is_the_grammars_words(sql: str, words: str) -> None:
    assert sql_question(sql) == words


def test_the_answer_says_how_the_sql_was_read() -> None:
    query = parse("select service, sum(cost) where month = oct group by service")
    assert without_labels(query) == without_labels(parse("2026-10 by service"))
    assert query.readings[0] == "Read the SQL as `oct by service`."


@pytest.mark.parametrize("text", ["select the biggest services last month", "selected services last month", "select"])
def test_english_that_starts_with_select_is_no_sql(text: str) -> None:
    assert sql_question(text) is None


def test_a_condition_the_grammar_cannot_say_is_left_to_the_grammar_which_names_what_is_wrong() -> None:
    assert sql_question("select service, sum(cost) where cost > 100 group by service") is None
    with pytest.raises(UsageError):
        parse("select service, sum(cost) where cost > 100 group by service")
