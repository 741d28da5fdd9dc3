"""`/tags` with filters over a real DuckDB store: exact totals per value, the untagged share and what nobody could
tag within the filter, the filter said in the answer, exports and Share in channel of the filtered answer, the
audit, and a filter that can never widen what a person sees.

The data set (October 2026, invoiced; expected numbers are Decimal sums of `ROWS`, computed independently of the
bot): two accounts, EC2 in two regions with the teams web, Platform and data and an untagged instance, S3, Glue in
ap-southeast-2 (Platform and untagged), and on the 1st the month's EC2 tax, an EC2 credit, an EC2 reservation fee
and a Support fee, none of them tagged (nobody can tag them: "not taggable"). Tax reads as the service `Tax`, as
in Cost Explorer (`bot.billing.model.tax_as_service`): `service=ec2` keeps EC2's credit and fee, not its tax.
"""

from __future__ import annotations

import csv
import io
import json
import time
from collections.abc import Callable, Iterator, Mapping
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest

from bot.slack.export import AnswerRef
from bot.slack.listeners import SlashRequest
from bot.slack.nearest import decode
from bot.state.access import clear_grants
from bot.state.audit import AuditEntry, recent_audit
from commands import tags
from tests.commands.conftest import ADMIN, TODAY, Bot, running_bot
from tests.commands.test_cost import table_rows, usd
from tests.store.sources import item
from tests.support.fake_slack import blocks_text

PROD, STAGING = "111111111111", "222222222222"
ACCOUNTS = {PROD: "prod", STAGING: "staging"}
EC2 = "Amazon Elastic Compute Cloud"
S3 = "Amazon Simple Storage Service"
GLUE = "AWS Glue"
SUPPORT = "AWS Support (Business)"
TAGS_EXPORT = "trackit_export_csv_tags"
TAGS_SHARE = "trackit_share_tags"

Row = Mapping[str, object]


def _rows() -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []

    def add(day: date, cost: str, account: str, service: str, region: str, **fields: Any) -> None:
        code = {EC2: "AmazonEC2", S3: "AmazonS3", GLUE: "AWSGlue", SUPPORT: "AWSSupportBusiness"}[service]
        rows.append(
            item(
                day,
                cost,
                sub_account_id=account,
                sub_account_name=ACCOUNTS[account],
                service_code=code,
                service_name=service,
                region_id=region,
                invoice_id="INV-2026-10",
                **fields,
            )
        )

    first = date(2026, 10, 1)
    month: dict[str, Any] = {"hours": 744, "usage_type": "", "operation": ""}
    add(first, "19.99", PROD, EC2, "", line_item_type="Tax", charge_category="Tax", **month)
    add(first, "-4.00", PROD, EC2, "", line_item_type="Credit", charge_category="Credit", **month)
    add(first, "30.00", PROD, EC2, "", line_item_type="Fee", charge_category="Purchase", **month)
    add(first, "100.00", PROD, SUPPORT, "", line_item_type="Fee", charge_category="Purchase", **month)
    for n in range(10):
        day = first + timedelta(days=n)
        add(day, "12.34", PROD, EC2, "us-east-1", resource_id="i-web", tags={"user:team": "web", "user:env": "prod"})
        add(day, "5.67", PROD, EC2, "us-east-1", resource_id="i-loose", tags={"user:env": "prod"})
        add(day, "7.05", PROD, EC2, "eu-west-1", resource_id="i-plat", tags={"user:team": "Platform"})
        add(day, "3.21", STAGING, EC2, "eu-west-1", resource_id="i-data", tags={"user:team": "data"})
        add(day, "1.11", STAGING, S3, "eu-west-1", resource_id="bucket", tags={"user:team": "data"})
        add(day, "2.50", PROD, GLUE, "ap-southeast-2", resource_id="job-plat", tags={"user:team": "Platform"})
        add(day, "0.75", PROD, GLUE, "ap-southeast-2", resource_id="job-loose")
    return rows


ROWS = _rows()


def total(*keep: Callable[[Row], bool]) -> Decimal:
    """Sum of billed cost of the rows every predicate keeps."""
    return sum((Decimal(str(r["billed_cost"])) for r in ROWS if all(k(r) for k in keep)), Decimal(0))


def service(name: str) -> Callable[[Row], bool]:
    """`service=<name>`: its line items, tax apart (tax reads as the service `Tax`)."""
    return lambda r: r["service_name"] == name and r["charge_category"] != "Tax"


def region(name: str) -> Callable[[Row], bool]:
    return lambda r: r["region_id"] == name


def account(account_id: str) -> Callable[[Row], bool]:
    return lambda r: r["sub_account_id"] == account_id


def team(value: str | None) -> Callable[[Row], bool]:
    return lambda r: r.get("tag:user:team") == value


def usage(r: Row) -> bool:
    return r["charge_category"] == "Usage"


def not_usage(r: Row) -> bool:
    return not usage(r)


def pct(part: Decimal, whole: Decimal) -> str:
    return f"{(part / whole * 100).quantize(Decimal('0.1'))}%"


@pytest.fixture(scope="module")
def filtered_bot(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Bot]:
    with running_bot(tmp_path_factory.mktemp("tags-filters"), ROWS) as running:
        yield running


@pytest.fixture
def bot(filtered_bot: Bot) -> Bot:
    clear_grants(filtered_bot.state)
    filtered_bot.fake.reset()
    return filtered_bot


def test_values_of_a_key_under_a_filter_add_up_exactly_with_untagged_and_not_taggable(bot: Bot) -> None:
    """Straight through the command (prepare, the report, the message) on the real store: EC2 only, with its
    untagged instance and its tax and credit (not taggable), none of S3, Glue or the Support fee."""
    ask = tags.prepare(bot.services, SlashRequest("/tags", "team service=ec2 2026-10", "U0ALICE", "C0GENERAL"))
    report = tags.report(bot.services, ask)
    ec2 = service(EC2)
    values = {v.value: Decimal(str(v.cost)).quantize(Decimal("0.01")) for v in report.values}
    expected = {
        "web": total(ec2, team("web")),
        "Platform": total(ec2, team("Platform")),
        "data": total(ec2, team("data")),
        "untagged": total(ec2, usage, team(None)),  # the untagged instance; tax and credit are not "untagged"
    }
    assert (
        values
        == expected
        == {
            "web": Decimal("123.40"),
            "Platform": Decimal("70.50"),
            "data": Decimal("32.10"),
            "untagged": Decimal("56.70"),
        }
    )
    assert Decimal(str(report.not_taggable_cost)).quantize(Decimal("0.01")) == total(ec2, not_usage) == Decimal("26.00")
    assert Decimal(str(report.total)).quantize(Decimal("0.01")) == total(ec2) == Decimal("308.70")

    text = blocks_text(list(tags.answer(bot.services, ask).blocks))
    taggable = total(ec2, usage)
    assert (
        f"*{usd(total(ec2))}* total · {pct(total(ec2, usage, team(None)), taggable)} of taggable usage untagged "
        f"({usd(Decimal('56.70'))}) · {usd(Decimal('26.00'))} not taggable (fees, tax, credits)"
    ) in text
    assert (
        'Filtered to `service="Amazon Elastic Compute Cloud"`: totals, shares and coverage are of that spend.' in text
    )


def test_a_region_filter_keeps_what_has_no_region_out_and_a_negation_leaves_a_service_out(bot: Bot) -> None:
    ask = tags.prepare(bot.services, SlashRequest("/tags", "team region=ap-southeast-2 2026-10", "U0ALICE", "C0X"))
    report = tags.report(bot.services, ask)
    assert [(v.value, round(v.cost, 2)) for v in report.values] == [("Platform", 25.0), ("untagged", 7.5)]
    assert report.not_taggable_cost == 0  # tax, credit and fee have no region
    without_glue = tags.report(
        bot.services, tags.prepare(bot.services, SlashRequest("/tags", "team service!=glue 2026-10", "U0ALICE", "C0X"))
    )
    kept = [lambda r: r["service_name"] != GLUE]
    assert round(without_glue.total, 2) == float(total(*kept))
    assert {v.value: round(v.cost, 2) for v in without_glue.values} == {
        "web": float(total(*kept, team("web"))),
        "Platform": float(total(*kept, team("Platform"))),
        "data": float(total(*kept, team("data"))),
        "untagged": float(total(*kept, usage, team(None))),
    }
    assert round(without_glue.not_taggable_cost, 2) == float(total(*kept, not_usage)) == 145.99
    nothing = bot.ask("/tags", "team service=s3 region=ap-southeast-2 2026-10")
    assert "_No cost these filters keep in this period._" in blocks_text(nothing["blocks"])


def test_key_coverage_over_one_account_is_of_that_accounts_taggable_spend(bot: Bot) -> None:
    answer = bot.ask("/tags", "tag coverage for the staging account in 2026-10")
    rows = table_rows(answer["blocks"])
    staging = total(account(STAGING))
    assert rows["tag:team"] == ["100.0%", usd(staging), "1"]  # every staging line is data's
    assert "tag:env" not in rows
    assert f"*{usd(staging)}* total · 1 tag key(s), coverage of taggable usage ({usd(staging)})" in blocks_text(
        answer["blocks"]
    )


def test_a_filtered_answer_over_signed_http_says_what_it_was_filtered_to(bot: Bot) -> None:
    answer = bot.ask("/tags", "team service=ec2 region=us-east-1 2026-10")
    kept = (service(EC2), region("us-east-1"))
    web, untagged = total(*kept, team("web")), total(*kept, usage, team(None))
    whole = total(*kept)
    assert (web, untagged, whole) == (Decimal("123.40"), Decimal("56.70"), Decimal("180.10"))
    assert answer["text"] == (
        'Cost by tag:team · 2026-10 · service="Amazon Elastic Compute Cloud" region=us-east-1: $180.10, '
        "31.5% of taggable usage untagged ($56.70). web $123.40; (untagged) $56.70"
    )
    assert blocks_text(answer["blocks"]).startswith(
        "Cost by tag:team · 2026-10\n"
        'Filtered to `service="Amazon Elastic Compute Cloud" region=us-east-1`: totals, shares and coverage are of '
        "that spend.\n"
        "*$180.10* total · 31.5% of taggable usage untagged ($56.70)\n"
    )
    rows = table_rows(answer["blocks"])
    assert rows["web"] == ["$123.40", "68.5%"] and rows["(untagged)"] == ["$56.70", "31.5%"]
    assert set(rows) == {"tag:team", "web", "(untagged)"}  # no not-taggable row: tax and credit have no region


def test_a_filter_never_widens_what_a_person_sees(bot: Bot) -> None:
    """Bob may see staging only: naming prod gets the message `/cost` gives, and a filter that staging also
    matches answers staging's part only."""
    bot.ask("/trackit", f"access grant <@U0BOB|bob> {STAGING}", user=ADMIN)
    for named in ("account=prod", f"account={PROD}"):
        refused = json.loads(bot.command("/tags", f"team {named} 2026-10", user="U0BOB").body)
        said = json.loads(bot.command("/cost", f"2026-10 {named}", user="U0BOB").body)
        assert refused["response_type"] == "ephemeral" and refused["text"] == said["text"]
        assert not {"web", "Platform", "us-east-1", "Glue"} & set(refused["text"].replace("`", " ").split())
    answer = bot.ask("/tags", "team service=ec2 2026-10", user="U0BOB")
    assert table_rows(answer["blocks"]) == {
        "tag:team": ["Cost", "Share"],
        "data": [usd(total(service(EC2), account(STAGING))), "100.0%"],
    }
    assert PROD not in json.dumps(answer) and "Platform" not in json.dumps(answer)


def _export(bot: Bot, text: str, *, user: str = "U0ALICE") -> tuple[str, list[list[str]]]:
    """Press Export CSV for the `/tags` answer to `text`: the reply and the uploaded file's rows."""
    value = AnswerRef("/tags", text, TODAY).encode()
    assert value is not None
    done = bot.fake.response_url()
    assert bot.click(TAGS_EXPORT, value, user=user, response_url=done).status == 200
    reply = bot.fake.wait_for_response(done).json
    bot.fake.wait_for("files.completeUploadExternal")
    (upload,) = bot.fake.calls("upload")
    return str(reply["text"]), list(csv.reader(io.StringIO(upload.body.decode("utf-8"))))


def test_the_export_holds_exactly_the_rows_of_the_filtered_answer_and_the_audit_names_the_filters(bot: Bot) -> None:
    question = "team service=ec2 2026-10"
    answer = bot.ask("/tags", question)
    shown = table_rows(answer["blocks"])
    reply, rows = _export(bot, question)
    assert reply == "Sent tags-user-team-20261001.csv (5 rows) to your direct messages with me."
    assert rows[0] == ["user:team", "cost", "share_pct", "currency"]
    exported = {r[0] if r[0] != "untagged" else "(untagged)": r[1:3] for r in rows[1:]}
    assert exported == {
        label: [cells[0].lstrip("$").replace(",", ""), cells[1].rstrip("%")]
        for label, cells in shown.items()
        if label != "tag:team"
    }
    assert exported["(not taggable)"][0] == "26.00"
    assert sorted(exported) == sorted(["web", "Platform", "data", "(untagged)", "(not taggable)"])

    asked = _audit(bot, "/tags")
    assert asked.text == question and asked.outcome == "ok"
    pressed = _audit(bot, TAGS_EXPORT)
    assert AnswerRef.decode(pressed.text).text == question


def _audit(bot: Bot, command: str) -> AuditEntry:
    """The newest audit entry of `command` (written after the reply is sent)."""
    deadline = time.monotonic() + 10
    while True:
        found = [e for e in recent_audit(bot.state, user_id="U0ALICE", limit=20) if e.command == command]
        if found or time.monotonic() > deadline:
            assert found, f"no audit entry for {command}"
            return found[0]
        time.sleep(0.05)


def _share(bot: Bot, answer: dict[str, Any], *, user: str, channel: str) -> dict[str, Any]:
    (actions,) = [b for b in answer["blocks"] if b["type"] == "actions"]
    value = next(e["value"] for e in actions["elements"] if e["action_id"] == TAGS_SHARE)
    done = bot.fake.response_url()
    assert bot.click(TAGS_SHARE, value, user=user, channel=channel, response_url=done).status == 200
    posted: dict[str, Any] = bot.fake.wait_for_response(done).json
    return posted


def test_share_in_channel_compares_the_filtered_answers(bot: Bot) -> None:
    """The staging channel may see staging: the answer filtered to staging is shared; the same key over every
    account is not."""
    bot.ask("/trackit", "access grant <#C0STAGING|staging> 222222222222", user=ADMIN)
    bot.ask("/trackit", f"access grant <@U0BOB|bob> {PROD} {STAGING}", user=ADMIN)
    staging = bot.ask("/tags", "team account=staging 2026-10", user="U0BOB", channel="C0STAGING")
    posted = _share(bot, staging, user="U0BOB", channel="C0STAGING")
    assert posted["response_type"] == "in_channel" and posted["text"] == staging["text"]
    assert "Filtered to `account=staging`" in blocks_text(posted["blocks"])
    everything = bot.ask("/tags", "team 2026-10", user="U0BOB", channel="C0STAGING")
    refused = _share(bot, everything, user="U0BOB", channel="C0STAGING")
    assert refused["response_type"] == "ephemeral"
    assert refused["text"].startswith("Not everyone in this channel may see all of this answer, so I did not share")


def test_a_refusal_offers_the_cost_question_that_answers_it(bot: Bot) -> None:
    refused = json.loads(bot.command("/tags", "team team!=web 2026-10").body)
    assert refused["text"] == (
        "`team!=web`: `/tags` lists every value of `tag:team`, and cannot leave some out.\n"
        "Ask `/cost 2026-10 by tag:team tag:team!=web unblended` for the others."
    )
    (buttons,) = [b for b in refused["blocks"] if b["type"] == "actions"]
    assert decode(buttons["elements"][0]["value"]) == ("/cost", "2026-10 by tag:team tag:team!=web unblended")
