"""Export CSV over signed HTTP: the file goes to the clicker's own DM with the bot (opened by the bot), holds
exactly the rows of the question as it was answered (the same days, the clicker's scope at click time), works
from a private channel, and every press is audited."""

from __future__ import annotations

import csv
import io
import time
from datetime import date
from decimal import Decimal
from typing import Any

from bot.slack.export import AnswerRef
from bot.state.audit import AuditEntry, recent_audit
from tests.commands.conftest import ADMIN, ROWS, SERVICES, TODAY, Bot, in_range
from tests.commands.test_cost import usd
from tests.support.fake_slack import blocks_text

COST_EXPORT = "trackit_export_csv_cost"
SHARE_COST = "trackit_share_cost"


def _button(answer: dict[str, object]) -> dict[str, str]:
    (actions,) = [b for b in answer["blocks"] if b["type"] == "actions"]  # type: ignore[attr-defined,index]
    element: dict[str, str] = actions["elements"][0]
    return element


def _export(bot: Bot, action_id: str, value: str, *, user: str, channel: str) -> tuple[str, list[list[str]]]:
    """Press the button; the reply the clicker reads and the rows of the uploaded file."""
    done = bot.fake.response_url()
    assert bot.click(action_id, value, user=user, channel=channel, response_url=done).status == 200
    reply = bot.fake.wait_for_response(done).json
    bot.fake.wait_for("files.completeUploadExternal")
    (upload,) = bot.fake.calls("upload")
    return str(reply["text"]), list(csv.reader(io.StringIO(upload.body.decode("utf-8"))))


def test_a_scoped_users_export_lands_in_their_dm_only_with_their_rows(clean_bot: Bot) -> None:
    clean_bot.ask("/trackit", "access grant <@U0BOB|bob> 222222222222", user=ADMIN)
    clean_bot.fake.reset()
    answer = clean_bot.ask("/cost", "2026-10 by resource top 1", user="U0BOB", channel="C0GENERAL")
    button = _button(answer)
    text, rows = _export(clean_bot, button["action_id"], button["value"], user="U0BOB", channel="C0GENERAL")
    assert text == "Sent cost-20261001-20261101.csv (3 rows) to your direct messages with me."
    (complete,) = clean_bot.fake.calls("files.completeUploadExternal")
    assert complete.args["channel_id"] == "D0BOB"
    # Nothing reached the channel: no post, no file shared there.
    assert clean_bot.fake.calls("chat.postMessage") == []
    october = in_range("2026-10-01", "2026-11-01")
    staging: dict[str, Decimal] = {}
    for r in ROWS:
        if october(r["charge_period_start"]) and r["sub_account_id"] == "222222222222":
            rid = str(r["resource_id"])
            staging[rid] = staging.get(rid, Decimal(0)) + Decimal(str(r["billed_cost"]))
    assert sorted(row[0] for row in rows[1:]) == sorted(staging)  # exactly staging's resources, no other account
    assert {row[1] for row in rows[1:]} == {usd(c).lstrip("$").replace(",", "") for c in staging.values()}
    assert "111111111111" not in str(rows) and "333333333333" not in str(rows)


def test_the_export_covers_the_days_the_answer_covered(clean_bot: Bot) -> None:
    # Answered on 2026-11-03, "last month" meant October, even when the button is pressed later.
    value = AnswerRef("/cost", "last month by resource top 1", date(2026, 11, 3)).encode()
    assert value is not None
    text, rows = _export(clean_bot, COST_EXPORT, value, user="U0ALICE", channel="C0GENERAL")
    assert text == "Sent cost-20261001-20261101.csv (9 rows) to your direct messages with me."
    assert len(rows) == 10


def test_export_works_from_a_private_channel_the_bot_is_not_in(clean_bot: Bot) -> None:
    answer = clean_bot.ask("/cost", "2026-10 by service top 1", channel="G0PRIVATE")
    button = _button(answer)
    text, rows = _export(clean_bot, COST_EXPORT, button["value"], user="U0ALICE", channel="G0PRIVATE")
    assert text == "Sent cost-20261001-20261101.csv (3 rows) to your direct messages with me."
    assert sorted(r[0] for r in rows[1:]) == sorted(SERVICES.values())
    (complete,) = clean_bot.fake.calls("files.completeUploadExternal")
    assert complete.args["channel_id"] == "D0ALICE"


def test_every_export_is_audited_and_a_revoked_grant_exports_nothing(clean_bot: Bot) -> None:
    clean_bot.ask("/trackit", "access grant <@U0CAROL|carol> 111111111111", user=ADMIN)  # access stays closed
    clean_bot.ask("/trackit", "access grant <@U0BOB|bob> 222222222222", user=ADMIN)
    answer = clean_bot.ask("/cost", "2026-10 by resource top 1", user="U0BOB")
    value = _button(answer)["value"]
    _export(clean_bot, COST_EXPORT, value, user="U0BOB", channel="C0GENERAL")
    clean_bot.ask("/trackit", "access revoke <@U0BOB|bob> 222222222222", user=ADMIN)
    clean_bot.fake.reset()
    done = clean_bot.fake.response_url()
    assert clean_bot.click(COST_EXPORT, value, user="U0BOB", response_url=done).status == 200
    assert clean_bot.fake.wait_for_response(done).json["text"].startswith("You don't have access to billing data here.")
    assert clean_bot.fake.calls("upload") == [] and clean_bot.fake.calls("conversations.open") == []
    audit = _audit_until(clean_bot, "U0BOB", "denied")
    assert [e.outcome for e in audit[:2]] == ["denied", "ok"]  # newest first
    assert AnswerRef.decode(audit[1].text).text == "2026-10 by resource top 1"


def _audit_until(bot: Bot, user: str, outcome: str) -> list[AuditEntry]:
    """The user's export audit entries, newest first, once the newest has `outcome` (it is written after the
    reply is sent)."""
    deadline = time.monotonic() + 10
    while True:
        audit = [e for e in recent_audit(bot.state, user_id=user, limit=10) if e.command == COST_EXPORT]
        if (audit and audit[0].outcome == outcome) or time.monotonic() > deadline:
            return audit
        time.sleep(0.05)


def test_a_forged_button_value_is_refused_in_words(clean_bot: Bot) -> None:
    done = clean_bot.fake.response_url()
    assert clean_bot.click(COST_EXPORT, "2026-10 by resource", response_url=done).status == 200
    reply = clean_bot.fake.wait_for_response(done).json["text"]
    assert reply.startswith("This button belongs to an answer I can no longer read.")
    assert "Ask the question again" in reply
    assert clean_bot.fake.calls("upload") == []


def _share(bot: Bot, value: str, *, user: str, channel: str) -> dict[str, Any]:
    """Press Share in channel; what was posted to the response URL."""
    done = bot.fake.response_url()
    assert bot.click(SHARE_COST, value, user=user, channel=channel, response_url=done).status == 200
    posted: dict[str, Any] = bot.fake.wait_for_response(done).json
    return posted


def test_share_in_channel_posts_only_what_the_channels_own_grant_covers(clean_bot: Bot) -> None:
    clean_bot.ask("/trackit", "access grant <#C0STAGING|staging> 222222222222", user=ADMIN)
    clean_bot.ask("/trackit", "access grant <@U0BOB|bob> 111111111111 222222222222", user=ADMIN)

    # Staging's costs in the staging channel: the channel may see every row, so the answer is posted for all.
    answer = clean_bot.ask("/cost", "2026-10 by service account=staging", user="U0BOB", channel="C0STAGING")
    (actions,) = [b for b in answer["blocks"] if b["type"] == "actions"]
    assert [e["text"]["text"] for e in actions["elements"]] == ["Share in channel"]
    posted = _share(clean_bot, actions["elements"][0]["value"], user="U0BOB", channel="C0STAGING")
    assert posted["response_type"] == "in_channel"
    assert posted["text"] == answer["text"]
    assert [b for b in posted["blocks"] if b["type"] != "actions"][:-1] == [
        b for b in answer["blocks"] if b["type"] != "actions"
    ]
    assert posted["blocks"][-1]["elements"][0]["text"] == "Shared by <@U0BOB>."

    # Bob's own view in that channel includes prod: the channel may not see it, nothing is posted.
    answer = clean_bot.ask("/cost", "2026-10 by account", user="U0BOB", channel="C0STAGING")
    assert "prod (111111111111)" in blocks_text(answer["blocks"])
    value = next(b for b in answer["blocks"] if b["type"] == "actions")["elements"][0]["value"]
    refused = _share(clean_bot, value, user="U0BOB", channel="C0STAGING")
    assert refused["response_type"] == "ephemeral"
    assert refused["text"].startswith("Not everyone in this channel may see all of this answer, so I did not share")
    # Naming prod outright is refused the same way, and a channel without a grant of its own gets its reason.
    value = AnswerRef("/cost", "2026-10 account=prod", TODAY).encode() or ""
    assert _share(clean_bot, value, user="U0BOB", channel="C0STAGING")["text"].startswith("Not everyone")
    refused = _share(clean_bot, value, user="U0BOB", channel="G0PRIVATE")
    assert refused["text"].startswith("This channel has no access to billing data of its own")
    assert len([c for c in clean_bot.fake.calls("respond") if c.json["response_type"] == "in_channel"]) == 1
    shares = [e for e in recent_audit(clean_bot.state, user_id="U0BOB", limit=10) if e.command == SHARE_COST]
    assert len(shares) >= 3
