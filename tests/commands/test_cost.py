"""`/cost` end to end: exact numbers against the data set (computed here with Decimal), bad input at ack time,
scope confinement and the Export CSV button."""

from __future__ import annotations

import csv
import io
import json
import re
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from bot.billing.pace import compute_pace
from tests.commands.conftest import ACCOUNTS, ADMIN, ROWS, SERVICES, TODAY, Bot, expected_sum, in_range
from tests.support.fake_slack import blocks_text


def usd(amount: Decimal) -> str:
    cents = amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP) + 0  # `+ 0` turns -0.00 into 0.00
    return f"-${-cents:,}" if cents < 0 else f"${cents:,}"


def signed_usd(amount: Decimal) -> str:
    text = usd(amount)
    if text == "$0.00":
        return text  # no change has no sign
    return text if text.startswith("-") else "+" + text


def table_rows(blocks: list[dict[str, object]]) -> dict[str, list[str]]:
    """Rows of the code-block tables in an answer: first cell -> other cells (split on 2+ spaces)."""
    out: dict[str, list[str]] = {}
    for block in blocks:
        text = block.get("text", {}).get("text", "") if isinstance(block.get("text"), dict) else ""  # type: ignore[union-attr]
        if text.startswith("```"):
            for line in text.strip("`\n").splitlines():
                cells = re.split(r"\s{2,}", line.strip())
                out[cells[0]] = cells[1:]
    return out


def test_cost_by_service_with_change_against_previous_equal_period(clean_bot: Bot) -> None:
    answer = clean_bot.ask("/cost", "2026-11-01..2026-11-20 by service")
    now = in_range("2026-11-01", "2026-11-21")
    before = in_range("2026-10-12", "2026-11-01")  # the 20 days just before
    total, previous = expected_sum(ROWS, charge_period_start=now), expected_sum(ROWS, charge_period_start=before)
    text = blocks_text(answer["blocks"])
    assert f"*{usd(total)}* total" in text
    pct = ((total - previous) / previous * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    assert (
        f"{signed_usd(total - previous)} ({pct:+}%) vs the previous period (2026-10-12 – 2026-10-31): {usd(previous)}"
        in text
    )
    rows = table_rows(answer["blocks"])
    for name in SERVICES.values():
        cost = expected_sum(ROWS, charge_period_start=now, service_name=name)
        prev = expected_sum(ROWS, charge_period_start=before, service_name=name)
        assert rows[name][0] == usd(cost)
        assert rows[name][2] == signed_usd(cost - prev)
    assert "Other" not in rows
    assert "unblended cost · data up to 2026-11-26 18:00 UTC, November estimated" in text
    assert answer["text"].startswith(f"AWS cost · 2026-11-01..2026-11-20: {usd(total)}")
    (actions,) = [b for b in answer["blocks"] if b["type"] == "actions"]
    assert [e["text"]["text"] for e in actions["elements"]] == ["Share in channel"]  # nothing folded: no export


def pct(now: Decimal, then: Decimal) -> str:
    """The change in percent as every surface shows it: the sign of the change even when it rounds to 0.0."""
    exact = (now - then) / abs(then) * 100
    p = abs(exact).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return f"{'-' if exact < 0 else '+' if exact > 0 else ''}{p}%"


def money(amount: float) -> str:
    return usd(Decimal(repr(amount)))


FOOTER = "data up to 2026-11-26 18:00 UTC"


def sections(answer: dict[str, Any]) -> list[str]:
    return [b["text"]["text"] for b in answer["blocks"] if b["type"] == "section"]


def test_this_month_compares_the_same_days_of_last_month(clean_bot: Bot) -> None:
    """Today is Nov 27; the export reaches Nov 26 18:00: November 1-25 are complete, the 26th is partial."""
    answer = clean_bot.ask("/cost", "this month")
    so_far = expected_sum(ROWS, charge_period_start=in_range("2026-11-01", "2026-12-01"))
    complete = expected_sum(ROWS, charge_period_start=in_range("2026-11-01", "2026-11-26"))
    october = expected_sum(ROWS, charge_period_start=in_range("2026-10-01", "2026-10-26"))  # not all of October
    pace = compute_pace(clean_bot.store, TODAY)
    f = pace.forecast
    assert f is not None and f.days_elapsed == 25
    assert sections(answer) == [
        f"*{usd(so_far)}* so far\n"
        f"Complete days 2026-11-01 – 2026-11-25: {usd(complete)}, {signed_usd(complete - october)} "
        f"({pct(complete, october)}) vs the same days of the previous period (2026-10-01 – 2026-10-25): "
        f"{usd(october)}",
        f"*Month to date* {usd(so_far)} (25 complete days of 30) · *month-end forecast* {money(f.expected)} "
        f"(likely {money(f.low)} – {money(f.high)})\n"
        f"Usage {money(f.usage_expected)} for the month ({usd(complete)} so far) + period charges (fees, tax, "
        "credits) $0.00 ($0.00 posted).",
    ]
    assert f.low < f.expected < f.high
    assert answer["blocks"][-1]["elements"][0]["text"] == (
        f"this month (2026-11-01 – 2026-11-30) · unblended cost · {FOOTER}, November estimated"
    )


def test_this_week_compares_the_same_weekdays_of_last_week(clean_bot: Bot) -> None:
    answer = clean_bot.ask("/cost", "this week")  # Monday Nov 23 to Sunday Nov 29; the 23rd to 25th are complete
    so_far = expected_sum(ROWS, charge_period_start=in_range("2026-11-23", "2026-11-30"))
    complete = expected_sum(ROWS, charge_period_start=in_range("2026-11-23", "2026-11-26"))
    before = expected_sum(ROWS, charge_period_start=in_range("2026-11-16", "2026-11-19"))
    assert sections(answer)[0] == (
        f"*{usd(so_far)}* so far\n"
        f"Complete days 2026-11-23 – 2026-11-25: {usd(complete)}, {signed_usd(complete - before)} "
        f"({pct(complete, before)}) vs the same days of the previous period (2026-11-16 – 2026-11-18): {usd(before)}"
    )


def test_today_without_data_says_no_data_yet(clean_bot: Bot) -> None:
    answer = clean_bot.ask("/cost", "today")
    assert sections(answer)[0] == "*No data yet* for this period."
    assert answer["text"].startswith("AWS cost · today: no data yet")
    assert "$0.00" not in json.dumps(answer["blocks"][:2]) and "-100" not in json.dumps(answer)


def test_yesterday_is_a_partial_day(clean_bot: Bot) -> None:
    answer = clean_bot.ask("/cost", "yesterday")
    so_far = expected_sum(ROWS, charge_period_start=in_range("2026-11-26", "2026-11-27"))
    assert sections(answer)[0] == f"*{usd(so_far)}* so far\nPartial day: compared once the day is complete"


def test_ytd_against_a_year_without_data_reads_no_data(clean_bot: Bot) -> None:
    answer = clean_bot.ask("/cost", "ytd by service")
    so_far = expected_sum(ROWS, charge_period_start=in_range("2026-01-01", "2027-01-01"))
    complete = expected_sum(ROWS, charge_period_start=in_range("2026-01-01", "2026-11-26"))
    assert sections(answer)[0] == (
        f"*{usd(so_far)}* so far\n"
        f"Complete days 2026-01-01 – 2026-11-25: {usd(complete)}; the same days of the previous period "
        "(2025-01-01 – 2025-11-25): no data"
    )
    rows = table_rows(answer["blocks"])
    assert list(rows["Service"]) == ["Cost", "Share"]  # no change column, and no group reads "(new)"
    assert "(new)" not in json.dumps(answer) and "+$" not in json.dumps(answer)


def test_accounts_show_names_and_october_is_final(clean_bot: Bot) -> None:
    answer = clean_bot.ask("/cost", "last month by account")
    rows = table_rows(answer["blocks"])
    october = in_range("2026-10-01", "2026-11-01")
    for account, name in ACCOUNTS.items():
        assert rows[f"{name} ({account})"][0] == usd(
            expected_sum(ROWS, charge_period_start=october, sub_account_id=account)
        )
    assert "data up to 2026-10-31 01:00 UTC, October final" in blocks_text(answer["blocks"])


def test_bad_input_is_answered_at_ack_with_usage(clean_bot: Bot) -> None:
    reply = clean_bot.command("/cost", "last month by colour")
    assert reply.status == 200
    ack = json.loads(reply.body)
    assert ack["response_type"] == "ephemeral"
    assert "colour" in ack["text"]
    assert ack["text"].count("\n") >= 1  # the sentence, then the hint
    unknown = json.loads(clean_bot.command("/cost", "last month service=ec3").body)
    assert ("ec3" in unknown["text"] and "Did you mean" in unknown["text"]) or "ec2" in unknown["text"]


def test_folded_breakdown_exports_every_row_as_csv(clean_bot: Bot) -> None:
    answer = clean_bot.ask("/cost", "2026-10 by resource top 3", channel="C0FINOPS")
    rows = table_rows(answer["blocks"])
    october = in_range("2026-10-01", "2026-11-01")
    by_resource: dict[str, Decimal] = {}
    for r in ROWS:
        if october(r["charge_period_start"]):
            by_resource[str(r["resource_id"])] = by_resource.get(str(r["resource_id"]), Decimal(0)) + Decimal(
                str(r["billed_cost"])
            )
    ranked = sorted(by_resource.items(), key=lambda kv: -kv[1])
    assert rows["Other (6)"][0] == usd(sum((c for _, c in ranked[3:]), Decimal(0)))
    (actions,) = [b for b in answer["blocks"] if b["type"] == "actions"]
    button = actions["elements"][0]
    assert button["text"]["text"] == "Export CSV"

    done = clean_bot.fake.response_url()
    assert clean_bot.click(button["action_id"], button["value"], channel="C0FINOPS", response_url=done).status == 200
    reply = clean_bot.fake.wait_for_response(done).json
    assert reply["text"] == "Sent cost-20261001-20261101.csv (9 rows) to your direct messages with me."
    assert reply["response_type"] == "ephemeral"
    (opened,) = clean_bot.fake.calls("conversations.open")
    assert opened.args["users"] == "U0ALICE"
    (complete,) = clean_bot.fake.wait_for("files.completeUploadExternal")
    assert complete.args["channel_id"] == "D0ALICE"  # the clicker's DM with the bot, never the channel
    assert complete.args["initial_comment"] == (
        "Export of `/cost 2026-10 by resource top 3` (asked on 2026-11-27): 9 rows."
    )
    (upload,) = clean_bot.fake.calls("upload")
    content = list(csv.reader(io.StringIO(upload.body.decode("utf-8"))))
    assert content[0] == ["resource", "cost", "previous_cost", "change", "currency"]
    # September is before the first billing period the store holds: no data, not $0.00.
    expected = [[rid, str(c.quantize(Decimal("0.01"), ROUND_HALF_UP)), "", "", "USD"] for rid, c in ranked]
    assert content[1:] == expected


def test_scoped_user_sees_only_their_account(clean_bot: Bot) -> None:
    clean_bot.ask("/trackit", "access grant <@U0BOB|bob> 222222222222", user=ADMIN)
    answer = clean_bot.ask("/cost", "2026-10 by account", user="U0BOB")
    october = in_range("2026-10-01", "2026-11-01")
    staging = expected_sum(ROWS, charge_period_start=october, sub_account_id="222222222222")
    rows = table_rows(answer["blocks"])
    assert list(rows) == ["Account", "staging (222222222222)"]
    assert f"*{usd(staging)}* total" in blocks_text(answer["blocks"])
    shown = json.dumps(answer)
    for account in ("111111111111", "333333333333"):
        assert account not in shown
        assert usd(expected_sum(ROWS, charge_period_start=october, sub_account_id=account)) not in shown
    assert "secret-lab" not in shown and "prod (" not in shown


def test_scoped_user_naming_another_account_learns_nothing(clean_bot: Bot) -> None:
    clean_bot.ask("/trackit", "access grant <@U0BOB|bob> 222222222222", user=ADMIN)
    for text in ("2026-10 account=secret-lab", "2026-10 account=333333333333", "2026-10 account=nosuch"):
        ack = json.loads(clean_bot.command("/cost", text, user="U0BOB").body)
        assert "secret-lab" not in ack["text"].replace("`secret-lab`", "")
        assert "333333333333" not in ack["text"].replace("`333333333333`", "")
        assert "prod" not in ack["text"]
    # Unknown and hidden accounts read the same: nothing tells them apart.
    a = json.loads(clean_bot.command("/cost", "2026-10 account=333333333333", user="U0BOB").body)["text"]
    b = json.loads(clean_bot.command("/cost", "2026-10 account=999999999999", user="U0BOB").body)["text"]
    assert a.replace("333333333333", "X") == b.replace("999999999999", "X")


def test_tag_scoped_user_gets_only_tagged_cost(clean_bot: Bot) -> None:
    clean_bot.ask("/trackit", "access grant <@U0BOB|bob> team=web", user=ADMIN)
    answer = clean_bot.ask("/cost", "2026-10", user="U0BOB")
    october = in_range("2026-10-01", "2026-11-01")
    web = expected_sum(ROWS, charge_period_start=october, **{"tag:user:team": "web"})
    assert f"*{usd(web)}* total" in blocks_text(answer["blocks"])


def test_no_access_is_said_at_ack_naming_nothing(clean_bot: Bot) -> None:
    clean_bot.ask("/trackit", "access grant <@U0BOB|bob> 222222222222", user=ADMIN)
    ack = json.loads(clean_bot.command("/cost", "2026-10 by account", user="U0EVE").body)
    assert ack["text"].startswith("You don't have access to billing data here.")
    assert "$" not in ack["text"]


def test_biggest_decreases_rank_accounts_by_their_fall_like_for_like(clean_bot: Bot) -> None:
    answer = clean_bot.ask("/cost", "biggest decreases 2026-11-01..2026-11-10 by account")
    now, before = in_range("2026-11-01", "2026-11-11"), in_range("2026-10-22", "2026-11-01")
    change: dict[str, Decimal] = {}
    for account in ACCOUNTS:
        change[account] = expected_sum(ROWS, charge_period_start=now, sub_account_id=account) - expected_sum(
            ROWS, charge_period_start=before, sub_account_id=account
        )
    falling = sorted((a for a in change if change[a] < 0), key=lambda a: change[a])
    rows = table_rows(answer["blocks"])
    header = next(k for k in rows if k.startswith("Biggest decreases"))
    assert rows[header][-1] == "Change"
    shown = [(label, cells[-1]) for label, cells in rows.items() if label != header]
    assert shown == [(f"{ACCOUNTS[a]} ({a})", signed_usd(change[a])) for a in falling]
