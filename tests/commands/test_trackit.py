"""`/trackit` end to end: help, accounts, status and access administration, over signed HTTP requests."""

from __future__ import annotations

import json
import time

import pytest

from bot.errors import UsageError
from bot.state.access import list_grants
from bot.state.audit import recent_audit
from commands.trackit import parse
from tests.commands.conftest import ACCOUNTS, ADMIN, Bot
from tests.support.fake_slack import blocks_text


def test_help_lists_commands_and_grammar_examples(clean_bot: Bot) -> None:
    answer = clean_bot.ask("/trackit", "help")
    text = blocks_text(answer["blocks"])
    for command in ("/cost", "/tags", "/top-resources", "/trackit"):
        assert command in text
    assert "`/cost last month by service`" in text
    assert answer["response_type"] == "ephemeral"
    assert answer["text"].startswith("TrackIt commands:")


def test_unknown_subcommand_is_answered_at_ack_with_usage(clean_bot: Bot) -> None:
    reply = clean_bot.command("/trackit", "stats")
    assert reply.status == 200
    ack = json.loads(reply.body)
    assert ack["text"].startswith("`stats` is not a /trackit command.\nUsage: `/trackit help`")
    assert ack["response_type"] == "ephemeral"


def test_accounts_lists_names(clean_bot: Bot) -> None:
    answer = clean_bot.ask("/trackit", "accounts")
    text = blocks_text(answer["blocks"])
    for account_id, name in ACCOUNTS.items():
        assert account_id in text and name in text


def test_status_shows_each_period_final_or_estimated(clean_bot: Bot) -> None:
    answer = clean_bot.ask("/trackit", "status", user=ADMIN)
    text = blocks_text(answer["blocks"])
    assert "2026-11  estimated" in text
    assert "2026-10  final" in text
    assert "*Last error*: none" in text


def test_access_administration_by_admins_only(clean_bot: Bot) -> None:
    denied = clean_bot.ask("/trackit", "access grant <@U0BOB|bob> 111111111111")
    assert denied["text"].startswith("Only TrackIt admins can manage access.")
    assert list_grants(clean_bot.state) == ()

    granted = clean_bot.ask("/trackit", "access grant <@U0BOB|bob> 111111111111 team=web", user=ADMIN)
    assert granted["text"].startswith("Granted. <@U0BOB>: 111111111111 where tag:user:team=web")
    (g,) = list_grants(clean_bot.state)
    assert (g.subject_id, g.accounts, g.tag_filters, g.granted_by) == (
        "U0BOB",
        ("111111111111",),
        (("user:team", "web"),),
        ADMIN,
    )

    listed = clean_bot.ask("/trackit", "access list", user=ADMIN)
    assert "<@U0BOB>: 111111111111 where tag:user:team=web" in blocks_text(listed["blocks"])

    revoked = clean_bot.ask("/trackit", "access revoke <@U0BOB|bob>", user=ADMIN)
    assert revoked["text"] == "Revoked: <@U0BOB> has no grant any more."
    assert list_grants(clean_bot.state) == ()


def test_scoped_user_sees_only_their_accounts(clean_bot: Bot) -> None:
    clean_bot.ask("/trackit", "access grant <@U0BOB|bob> 222222222222", user=ADMIN)
    answer = clean_bot.ask("/trackit", "accounts", user="U0BOB")
    shown = json.dumps(answer)
    assert "222222222222" in shown and "staging" in shown
    assert "111111111111" not in shown and "prod" not in shown.replace("production", "")
    assert "secret-lab" not in shown and "333333333333" not in shown


def test_user_without_grant_is_refused_once_grants_exist(clean_bot: Bot) -> None:
    clean_bot.ask("/trackit", "access grant <@U0BOB|bob> 222222222222", user=ADMIN)
    answer = clean_bot.ask("/trackit", "accounts", user="U0CAROL")
    assert answer["text"].startswith("You don't have access to billing data here.")
    assert "222222222222" not in json.dumps(answer)


def test_every_question_is_audited(clean_bot: Bot) -> None:
    clean_bot.ask("/trackit", "accounts", user="U0DAVE", channel="C0OPS")
    clean_bot.command("/trackit", "nonsense", user="U0DAVE", channel="C0OPS")
    deadline = time.monotonic() + 5
    while len(entries := recent_audit(clean_bot.state, user_id="U0DAVE")) < 2 and time.monotonic() < deadline:
        time.sleep(0.02)  # the audit row is written after the answer
    assert sorted((e.text, e.outcome) for e in entries) == [("accounts", "ok"), ("nonsense", "error")]
    assert entries[0].command == "/trackit" and entries[0].channel_id == "C0OPS"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("access", "`/trackit access` needs `grant`, `revoke` or `list`."),
        ("access grant", "`/trackit access grant` needs a user or a channel."),
        ("access grant bob 111111111111", "`bob` is not a user or channel mention."),
        (
            "access grant <@U0BOB|bob> 1234",
            "`1234` is neither an AWS account id (12 digits, or `*` for all) nor a tag filter (`key=value`).",
        ),
        ("access grant <@U0BOB|bob>", "A grant needs at least one account id (or `*`) or tag filter."),
        ("status now", "`/trackit status` takes no arguments (got `now`)."),
    ],
)
def test_parse_rejections_say_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(UsageError) as info:
        parse(text)
    assert info.value.message == message
    assert info.value.hint


def test_parse_channel_grant() -> None:
    req = parse("access grant <#C0DATA|data> * team=data")
    assert (req.subject_type, req.subject_id, req.accounts, req.tag_filters) == (
        "channel",
        "C0DATA",
        ("*",),
        ("team=data",),
    )


def test_status_shows_the_last_ingest_error(clean_bot: Bot) -> None:
    from datetime import UTC, datetime

    from bot.state.ingest_runs import finish_ingest_run, start_ingest_run

    at = datetime(2026, 11, 27, 6, 0, tzinfo=UTC)
    run = start_ingest_run(clean_bot.state, "s3://acme-billing/cur", now=at)
    finish_ingest_run(clean_bot.state, run.id, status="failed", message="s3://acme-billing/cur: AccessDenied", now=at)
    answer = clean_bot.ask("/trackit", "status")
    text = blocks_text(answer["blocks"])
    assert "*Last error* (2026-11-27 06:00 UTC): s3://acme-billing/cur: AccessDenied" in text
    assert "Unblended" in text  # open access is unrestricted: period totals are shown
    clean_bot.ask("/trackit", "access grant <@U0BOB|bob> 222222222222", user=ADMIN)
    scoped = blocks_text(clean_bot.ask("/trackit", "status", user="U0BOB")["blocks"])
    assert "2026-10  final" in scoped and "Unblended" not in scoped and "$" not in scoped
