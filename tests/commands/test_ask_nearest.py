"""The "Ask that" button of a refusal, over signed HTTP: a word nothing reads is named, the question the rest
asks is offered, and pressing the button answers exactly that question, within the presser's own access, audited.
"""

from __future__ import annotations

import json
import time

from bot.slack.nearest import ASK_NEAREST, decode
from bot.state.audit import recent_audit
from tests.commands.conftest import ADMIN, ROWS, Bot, expected_sum, in_range
from tests.commands.test_cost import usd
from tests.support.fake_slack import blocks_text

OCTOBER = in_range("2026-10-01", "2026-11-01")


def _audited(bot: Bot, user: str) -> str:
    """The outcome of `user`'s newest press of the button in the audit log (written after the answer is sent)."""
    deadline = time.monotonic() + 10
    while True:
        pressed = [e for e in recent_audit(bot.state, user_id=user, limit=10) if e.command == ASK_NEAREST]
        if pressed or time.monotonic() > deadline:
            return pressed[0].outcome if pressed else "not audited"
        time.sleep(0.05)


def _press(bot: Bot, value: str, *, user: str) -> dict[str, object]:
    done = bot.fake.response_url()
    assert bot.click(ASK_NEAREST, value, user=user, response_url=done).status == 200
    reply: dict[str, object] = bot.fake.wait_for_response(done).json
    return reply


def test_a_refusal_offers_the_question_without_the_unknown_word_and_the_button_asks_it(clean_bot: Bot) -> None:
    refused = json.loads(clean_bot.command("/cost", "frontend costs last month").body)
    assert refused["response_type"] == "ephemeral"
    assert refused["text"] == (
        "I don't understand `frontend`.\nWithout `frontend`, the question reads `last month`: ask that, or say what "
        "`frontend` is, e.g. `tag:team=<value>` or `account=<value>`."
    )
    (buttons,) = [b for b in refused["blocks"] if b["type"] == "actions"]
    (button,) = buttons["elements"]
    assert button["text"]["text"] == "Ask that"
    assert decode(button["value"]) == ("/cost", "last month")

    answer = _press(clean_bot, button["value"], user="U0ALICE")
    assert f"*{usd(expected_sum(ROWS, charge_period_start=OCTOBER))}* total" in blocks_text(answer["blocks"])  # type: ignore[arg-type]
    assert _audited(clean_bot, "U0ALICE") == "ok"


def test_the_button_answers_within_the_pressers_own_access(clean_bot: Bot) -> None:
    clean_bot.ask("/trackit", "access grant <@U0BOB|bob> 111111111111", user=ADMIN)
    refused = json.loads(clean_bot.command("/cost", "frontend costs last month", user="U0BOB").body)
    (buttons,) = [b for b in refused["blocks"] if b["type"] == "actions"]
    answer = _press(clean_bot, buttons["elements"][0]["value"], user="U0BOB")
    mine = expected_sum(ROWS, charge_period_start=OCTOBER, sub_account_id="111111111111")
    assert f"*{usd(mine)}* total" in blocks_text(answer["blocks"])  # type: ignore[arg-type]
    # a value naming another account is answered as Bob typing it would be: not his to see
    other = json.dumps({"v": 1, "c": "/cost", "t": "last month account=222222222222"})
    typed = json.loads(clean_bot.command("/cost", "last month account=222222222222", user="U0BOB").body)
    assert _press(clean_bot, other, user="U0BOB")["text"] == typed["text"]
    assert typed["text"].startswith("I don't know the account id `222222222222`.")


def test_a_forged_button_value_is_refused_in_words(clean_bot: Bot) -> None:
    reply = _press(clean_bot, "last month", user="U0ALICE")
    assert reply["text"] == "That button is from an older version of the bot.\nAsk the question again."


def test_a_question_another_command_answers_offers_it_there(clean_bot: Bot) -> None:
    refused = json.loads(clean_bot.command("/top-resources", "biggest ec2 in october vs september").body)
    assert refused["text"] == (
        "`vs` asks for a comparison of two periods, which `/top-resources` does not answer.\n"
        "Ask `/cost biggest ec2 in october vs september` for it."
    )
    (buttons,) = [b for b in refused["blocks"] if b["type"] == "actions"]
    value = buttons["elements"][0]["value"]
    assert decode(value) == ("/cost", "biggest ec2 in october vs september")
    answer = _press(clean_bot, value, user="U0ALICE")
    typed = clean_bot.ask("/cost", "biggest ec2 in october vs september")
    assert answer["text"] == typed["text"]
    assert _audited(clean_bot, "U0ALICE") == "ok"
