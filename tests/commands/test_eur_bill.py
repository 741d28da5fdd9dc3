"""A bill in euros, end to end through the Slack commands: amounts in € (never $ or USD), tax as its own service
line, empty values labelled `(none)` and `global`, the untagged share of taggable usage, net cost refused, and the
one rounding (0.125 reads 0.13 in messages and CSV files). Expected numbers are Decimal sums of the rows."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Mapping
from datetime import UTC, date, datetime

import pytest

from bot.billing.inventory import Inventory, Resource, ResourceKind
from bot.slack.export import AnswerRef
from bot.state.inventory import save_snapshot
from tests.commands.conftest import ADMIN, TODAY, Bot, running_bot
from tests.commands.test_cost import table_rows
from tests.support.eur_bill import EC2, PROD, ROWS, S3, both, days, eur, total
from tests.support.fake_slack import blocks_text

OCTOBER = days("2026-10-01", "2026-11-01")


def tax(r: Mapping[str, object]) -> bool:
    return r["charge_category"] == "Tax"


def usage(r: Mapping[str, object]) -> bool:
    return r["charge_category"] == "Usage"


@pytest.fixture(scope="module")
def eur_bot(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Bot]:
    with running_bot(tmp_path_factory.mktemp("eur-bot"), ROWS) as running:
        yield running


@pytest.fixture
def bot(eur_bot: Bot) -> Bot:
    eur_bot.fake.reset()
    return eur_bot


def everything(answer: Mapping[str, object]) -> str:
    return str(answer["text"]) + "\n" + blocks_text(answer["blocks"])  # type: ignore[arg-type]


def exported_csv(bot: Bot, command: str, text: str) -> list[list[str]]:
    """Click the command's Export CSV button for `text`; the uploaded file's rows."""
    action = f"trackit_export_csv_{command.strip('/').replace('-', '_')}"
    value = AnswerRef(command, text, TODAY).encode()
    assert value is not None and bot.click(action, value).status == 200
    bot.fake.wait_for("files.completeUploadExternal")
    (upload,) = bot.fake.calls("upload")
    return list(csv.reader(io.StringIO(upload.body.decode("utf-8"))))


def test_cost_by_service_is_in_euros_with_tax_as_its_own_line(bot: Bot) -> None:
    answer = bot.ask("/cost", "2026-10 by service")
    shown = everything(answer)
    assert "$" not in shown and "USD" not in shown
    rows = table_rows(answer["blocks"])
    assert rows["Tax"][0] == eur(total(keep=both(OCTOBER, tax))) == "€193.80"
    ec2 = total(keep=both(OCTOBER, lambda r: r["service_name"] == EC2 and not tax(r)))
    assert rows[EC2][0] == eur(ec2) == "€30,950.00"  # usage and the credit; its 190.00 of tax is on the Tax line
    assert f"*{eur(total(keep=OCTOBER))}* total" in shown


def test_a_small_decrease_reads_minus_zero_percent(bot: Bot) -> None:
    answer = bot.ask("/cost", "2026-11-02..2026-11-11 service=ec2")
    headline = next(b["text"]["text"] for b in answer["blocks"] if b["type"] == "section")
    assert headline == (
        "*€9,999.62* total\n-€0.38 (-0.0%) vs the previous period (2026-10-23 – 2026-11-01): €10,000.00"
    )


def test_tax_by_the_service_it_was_charged_on_and_without_tax(bot: Bot) -> None:
    rows = table_rows(bot.ask("/cost", "2026-10 charge-type=tax by service")["blocks"])
    assert (rows[EC2][0], rows[S3][0]) == ("€190.00", "€3.80")
    assert "Tax" not in rows
    answer = bot.ask("/cost", "2026-10 service!=tax")
    assert f"*{eur(total(keep=both(OCTOBER, lambda r: not tax(r))))}* total" in everything(answer)


def test_empty_values_read_global_and_none_and_filter_back(bot: Bot) -> None:
    no_region = both(OCTOBER, lambda r: r["region_id"] in ("", "global"))
    regions = bot.ask("/cost", "2026-10 by region")
    assert table_rows(regions["blocks"])["global"][0] == eur(total(keep=no_region)) == "€290.30"
    assert "untagged" not in everything(regions)
    usage_types = bot.ask("/cost", "2026-10 by usage-type")
    no_usage_type = both(OCTOBER, lambda r: r["usage_type"] == "")
    assert table_rows(usage_types["blocks"])["(none)"][0] == eur(total(keep=no_usage_type)) == "€143.80"
    assert "untagged" not in everything(usage_types)
    assert f"*{eur(total(keep=no_region))}* total" in everything(bot.ask("/cost", "2026-10 region=global"))
    assert f"*{eur(total(keep=no_usage_type))}* total" in everything(bot.ask("/cost", "2026-10 usage-type=(none)"))


def test_half_a_cent_reads_13_cents_in_the_message_and_the_csv(bot: Bot) -> None:
    answer = bot.ask("/cost", "2026-10 service=cloudwatch by resource")
    assert table_rows(answer["blocks"])["alarm-1"][0] == "€0.13"
    assert "*€0.13* total" in everything(answer)
    bot.fake.reset()
    content = exported_csv(bot, "/cost", "2026-10 by resource top 1")
    assert content[0] == ["resource", "cost", "previous_cost", "change", "currency"]
    lines = {row[0]: row[1:] for row in content[1:]}
    assert lines["alarm-1"] == ["0.13", "", "", "EUR"]  # the bill starts in October: September is no data
    assert lines["(none)"][0] == str(total(keep=both(OCTOBER, lambda r: r["resource_id"] == "")))


def test_tags_count_fees_tax_and_credits_as_not_taggable(bot: Bot) -> None:
    answer = bot.ask("/tags", "team 2026-10")
    untagged = total(keep=both(OCTOBER, usage, lambda r: not r.get("tag:user:team")))  # Route 53, CloudWatch
    not_taggable = total(keep=both(OCTOBER, lambda r: not usage(r)))  # tax, support, the credit
    share = untagged / (total(keep=OCTOBER) - not_taggable) * 100
    assert f"{share:.3f}" == "0.147"  # of taggable usage; of everything it would be 0.146%, with fees mixed in
    section = next(b["text"]["text"] for b in answer["blocks"] if b["type"] == "section")
    assert section == (
        "*€31,910.43* total · 0.1% of taggable usage untagged (€46.63) · €243.80 not taggable (fees, tax, credits)"
    )
    rows = table_rows(answer["blocks"])
    assert rows["(untagged)"][0] == eur(untagged) == "€46.63"  # 46.625 rounds half-up
    assert rows["(not taggable)"][0] == eur(not_taggable)
    bot.fake.reset()
    content = exported_csv(bot, "/tags", "team 2026-10")
    assert content[0] == ["user:team", "cost", "share_pct", "currency"]
    assert content[-1] == ["(not taggable)", "243.80", "0.8", "EUR"]
    assert ["untagged", "46.63", "0.1", "EUR"] in content


def test_top_resources_in_euros_with_global_region(bot: Bot) -> None:
    answer = bot.ask("/top-resources", "5 2026-10")
    shown = everything(answer)
    assert "$" not in shown
    assert "1. *€31,000.00* `i-web`" in shown  # no change against September: the bill starts in October
    assert "Amazon Route 53 · prod (111111111111) · global" in shown
    bot.fake.reset()
    content = exported_csv(bot, "/top-resources", "5 2026-10")
    assert content[0][-1] == "currency"
    lines = {row[0]: row for row in content[1:]}
    assert lines["alarm-1"][5:] == ["0.13", "", "", "EUR"]
    assert lines["zone-1"][4] == "global"


def test_net_cost_is_refused_naming_the_periods(bot: Bot) -> None:
    answer = bot.ask("/cost", "2026-10 net")
    assert answer["text"].startswith(
        "Net cost is not in this export for 2026-10: its files carry no net (after-discount) cost columns, so net "
        "would only repeat unblended cost.\nAsk for `unblended` or `amortized` cost instead."
    )


def test_status_and_resources_show_euros(bot: Bot) -> None:
    status = everything(bot.ask("/trackit", "status", user=ADMIN))
    assert eur(total(keep=OCTOBER)) in status and "$" not in status
    arn = f"arn:aws:ec2:eu-west-1:{PROD}:instance/i-web"
    web = Resource(PROD, "eu-west-1", ResourceKind.EC2, "i-web", arn, name="web", type="m5.large", state="running")
    inventory = Inventory((web,), (), {}, {}, datetime(2026, 11, 27, 5, tzinfo=UTC), {})
    save_snapshot(bot.state, date(2026, 11, 27), inventory)
    resources = everything(bot.ask("/trackit", "resources ec2 2026-10", user=ADMIN))
    assert "*€31,000.00* `i-web`" in resources and "total €31,000.00" in resources and "$" not in resources


def test_a_budget_takes_the_currency_of_the_bill(bot: Bot) -> None:
    answer = bot.ask("/trackit", "budget set 5000/month eu-budget", user=ADMIN, channel="C0FIN")
    assert answer["text"].startswith("Budget set: *eu-budget* €5,000.00/month for all accounts;")
    listed = bot.ask("/trackit", "budget list", user=ADMIN, channel="C0FIN")
    assert listed["text"] == "Budgets: • *eu-budget*: €5,000.00/month, all accounts, in <#C0FIN>"
