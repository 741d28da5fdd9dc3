"""`/cost ... by provider` end to end over signed HTTP to the running Bolt app, on every backend: AWS, Azure and
OCI spend in one store, grouped and filtered by provider, with exact totals; providers billed in other currencies
are never added together, and the message says which provider bills in which currency."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from decimal import Decimal

import pytest

from tests.commands.conftest import Bot, running_bot
from tests.commands.test_cost import table_rows, usd
from tests.store.sources import item
from tests.support.fake_slack import blocks_text

pytestmark = pytest.mark.slack

#: provider -> (service, daily cost, currency)
SPEND = {
    "aws": ("Amazon Elastic Compute Cloud", Decimal("12.34"), "USD"),
    "azure": ("Virtual Machines", Decimal("7.05"), "USD"),
    "oci": ("DATABASE", Decimal("0.51"), "USD"),
}


def _rows(currency_of_azure: str = "USD") -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    day = date(2026, 10, 1)
    while day <= date(2026, 11, 26):
        for provider, (service, cost, currency) in SPEND.items():
            aws = provider == "aws"
            rows.append(
                item(
                    day,
                    str(cost),
                    provider=provider,
                    service_name=service,
                    service_code=service if not aws else "AmazonEC2",
                    usage_type="USE1-BoxUsage:m5.large" if aws else "",
                    operation="RunInstances" if aws else "",
                    sub_account_id={"aws": "111111111111", "azure": "sub-1", "oci": "ocid1.compartment.x"}[provider],
                    currency=currency_of_azure if provider == "azure" else currency,
                    invoice_id="INV-10" if day.month == 10 else "",
                )
            )
        day += timedelta(days=1)
    return rows


BACKENDS = [
    "duckdb",
    pytest.param("elasticsearch", marks=pytest.mark.es),
    pytest.param("opensearch", marks=pytest.mark.opensearch),
]
#: The fixture naming each search cluster's node.
NODES = {"elasticsearch": "es_url", "opensearch": "os_url"}


@contextmanager
def _bot_on(backend: str, request: pytest.FixtureRequest, name: str, rows: list[dict[str, object]]) -> Iterator[Bot]:
    tmp = request.getfixturevalue("tmp_path_factory").mktemp(name)
    url = None
    if backend in NODES:
        node = request.getfixturevalue(NODES[backend]).split("://", 1)[1]
        url = f"{backend}://{node}?prefix=m{hashlib.sha1(str(tmp).encode()).hexdigest()[:12]}"
    with running_bot(tmp, rows, url) as running:
        yield running


@pytest.fixture(scope="module", params=BACKENDS)
def bot(request: pytest.FixtureRequest) -> Iterator[Bot]:
    with _bot_on(request.param, request, "multicloud", _rows()) as running:
        yield running


def test_cost_last_month_by_provider(bot: Bot) -> None:
    answer = bot.ask("/cost", "last month by provider")
    rows = table_rows(answer["blocks"])
    for provider, (_, daily, _) in SPEND.items():
        assert rows[provider][0] == usd(daily * 31)
    total = sum(d for _, d, _ in SPEND.values()) * 31
    assert f"*{usd(total)}* total" in blocks_text(answer["blocks"])


def test_one_provider_by_service_and_aws_detail_absent_elsewhere(bot: Bot) -> None:
    azure = bot.ask("/cost", "last month by service provider=azure")
    assert table_rows(azure["blocks"])["Virtual Machines"][0] == usd(Decimal("7.05") * 31)
    assert "Amazon Elastic Compute Cloud" not in blocks_text(azure["blocks"])
    usage = table_rows(bot.ask("/cost", "last month by usage-type")["blocks"])
    assert usage["USE1-BoxUsage:m5.large"][0] == usd(Decimal("12.34") * 31)
    assert usage["(none)"][0] == usd((Decimal("7.05") + Decimal("0.51")) * 31)


def test_an_unknown_provider_is_refused_at_once_naming_the_known_ones(bot: Bot) -> None:
    reply = bot.command("/cost", "last month provider=alibaba")
    assert reply.status == 200
    assert json.loads(reply.body)["text"] == (
        "The billing data has no `alibaba` costs: its providers are aws, azure, oci.\n"
        "Example: `provider=aws`, `provider=azure`."
    )


@pytest.mark.parametrize("backend", BACKENDS)
def test_providers_billed_in_different_currencies_are_never_added(backend: str, request: pytest.FixtureRequest) -> None:
    with _bot_on(backend, request, "eur", _rows(currency_of_azure="EUR")) as eur_bot:
        answer = eur_bot.ask("/cost", "last month by provider")
        text = answer.get("text", "") + blocks_text(answer.get("blocks", []))
        assert "These costs are billed in 2 currencies: EUR (azure; 2026-10); USD (aws, oci; 2026-10)." in text
        assert "Ask for one currency: `currency=EUR` or `currency=USD`, or one provider: `provider=azure`." in text
        euros = eur_bot.ask("/cost", "last month by provider currency=EUR")
        assert table_rows(euros["blocks"])["azure"][0] == "€" + f"{Decimal('7.05') * 31:,.2f}"
