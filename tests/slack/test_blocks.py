"""Block Kit builders stay inside Slack's limits whatever they are given."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.errors import NotFound, UsageError
from bot.slack.blocks import (
    MAX_BLOCKS,
    MAX_SECTION_TEXT,
    button,
    code_sections,
    fields,
    header,
    message,
    section,
    table_lines,
)
from bot.slack.errors import error_message
from bot.slack.upload import csv_bytes


def test_message_keeps_at_most_50_blocks_and_says_how_many_were_left_out() -> None:
    msg = message("fallback", [section(str(i)) for i in range(80)])
    assert len(msg.blocks) == MAX_BLOCKS
    assert msg.blocks[-1]["elements"][0]["text"] == "31 more block(s) left out (Slack shows at most 50)."
    assert msg.as_kwargs()["text"] == "fallback"


def test_section_text_is_truncated_to_3000_characters() -> None:
    block = section("x" * 5000)
    assert len(block["text"]["text"]) == MAX_SECTION_TEXT
    assert block["text"]["text"].endswith("…")


def test_fields_are_split_ten_per_section() -> None:
    blocks = fields([f"f{i}" for i in range(23)])
    assert [len(b["fields"]) for b in blocks] == [10, 10, 3]


def test_header_is_plain_text_of_at_most_150() -> None:
    assert len(header("h" * 400)["text"]["text"]) == 150


def test_button_value_over_2000_is_refused() -> None:
    with pytest.raises(ValueError, match="2000"):
        button("Export", "x", "v" * 2001)


def test_table_right_aligns_numbers() -> None:
    assert table_lines([("Service", "Cost"), ("EC2", "$1.00"), ("S3", "$10.00")], right=[1]) == [
        "Service    Cost",
        "EC2       $1.00",
        "S3       $10.00",
    ]


@given(st.lists(st.text(max_size=400), max_size=200))
def test_code_sections_never_exceed_the_section_limit(lines: list[str]) -> None:
    for block in code_sections(lines):
        text = block["text"]["text"]
        assert len(text) <= MAX_SECTION_TEXT
        assert text.startswith("```\n") and text.endswith("\n```")


def test_user_facing_error_message_has_the_sentence_and_the_hint() -> None:
    msg = error_message(UsageError("`lst week` is not a time range.", hint="Try `last 7 days`."))
    assert msg.text == "`lst week` is not a time range.\nTry `last 7 days`."
    assert json.dumps(msg.blocks).count("Try `last 7 days`.") == 1
    nf = error_message(NotFound("No service `ec3`.", suggestions=["ec2"]))
    assert nf.text == "No service `ec3`.\nDid you mean: `ec2`?"


def test_csv_bytes_quote_commas_and_keep_utf8() -> None:
    assert csv_bytes(["name", "cost"], [("a,b", 1.5), ("é", 2)]) == 'name,cost\r\n"a,b",1.5\r\né,2\r\n'.encode()
